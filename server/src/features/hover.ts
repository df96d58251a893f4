/**
 * Hovers: on an op (or its result) the L1 breakdown: compact first lines, then a Markdown table; on an alias use,
 * the alias definition.
 */

import type { TextRange } from '../text/textRange';
import type { DocumentAnalysis } from './documentAnalysis';
import { occurrenceAt } from './occurrences';

export interface Hover {
  readonly markdown: string;
  readonly range: TextRange;
}

// Long alias values (system descs run to kilobytes) are cut; the definition is one click away.
const MAX_ALIAS_CHARS = 600;

/** The hover at `offset`, or undefined when there is nothing to say. */
export function hoverAt(doc: DocumentAnalysis, offset: number): Hover | undefined {
  const at = occurrenceAt(doc.parse.file, offset);
  if (at !== undefined && at.occurrence.nameKind === 'alias') return aliasHover(doc, at.occurrence.name, at.occurrence.range, at.chunk.aliases);
  return undefined;
}

function aliasHover(doc: DocumentAnalysis, name: string, range: TextRange, aliases: readonly { name: string; range: TextRange }[]): Hover | undefined {
  const def = aliases.find((a) => a.name === name);
  if (def === undefined) return { markdown: `\`${name}\`: no definition in this file`, range };
  let text = doc.text.slice(def.range.start, Math.min(def.range.end, def.range.start + MAX_ALIAS_CHARS));
  if (def.range.end - def.range.start > MAX_ALIAS_CHARS) text += ' …';
  return { markdown: fence(text), range };
}

function fence(code: string): string {
  return '```mlir\n' + code + '\n```';
}
