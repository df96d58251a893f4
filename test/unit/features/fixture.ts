/** Test helpers for features: `$0` cursor markers and ranges located by searching the fixture text. */

import { parse } from '../../../server/src/mlir/parser';
import type { SyntaxFile } from '../../../server/src/mlir/syntax';
import type { TextRange } from '../../../server/src/text/textRange';

export interface Cursor {
  readonly text: string;
  readonly offset: number;
  readonly file: SyntaxFile;
}

/** Removes the single `$0` marker and parses the rest; fails when the fixture does not parse cleanly. */
export function cursor(marked: string): Cursor {
  const offset = marked.indexOf('$0');
  if (offset < 0 || marked.indexOf('$0', offset + 1) >= 0) throw new Error('fixture needs exactly one $0');
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  const result = parse(text);
  if (result.errors.length > 0)
    throw new Error(`fixture does not parse: ${result.errors.map((e) => e.message).join('; ')}`);
  return { text, offset, file: result.file };
}

export { rangeOf } from '../../support/textRanges';

/** Every occurrence of `needle` that is a whole name (not a prefix of a longer one like `%1` in `%10`). */
export function allRangesOf(text: string, needle: string): TextRange[] {
  const out: TextRange[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!/[A-Za-z0-9_$.]/.test(text.charAt(at + needle.length))) out.push({ start: at, end: at + needle.length });
  }
  return out;
}
