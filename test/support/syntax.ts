/** Syntax nodes from text for tests that hand a parsed attribute to code that takes one. */

import { parse } from '../../server/src/mlir/parser';
import type { AttrNode } from '../../server/src/mlir/syntax';

/** The attribute `text` as the parser reads it (defined as an alias; fails when it does not parse cleanly). */
export function attrOf(text: string): AttrNode {
  const result = parse(`#a = ${text}\n`);
  const attr = result.file.chunks[0]?.aliases[0]?.attr;
  if (result.errors.length > 0 || attr === undefined)
    throw new Error(`attribute does not parse: ${text} (${result.errors.map((e) => e.message).join('; ')})`);
  return attr;
}
