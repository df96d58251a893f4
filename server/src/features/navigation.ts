/**
 * Go to definition and find references for SSA values, block labels, `#`/`!` aliases (`#ttnn_layoutN`, `#locN`)
 * and `@` symbols: editor-shaped ranges over `mlir/scopes.ts`, resolved on demand within the enclosing scope.
 */

import { occurrenceAt } from '../mlir/occurrences';
import { definitionsOf, occurrencesOf } from '../mlir/scopes';
import type { SyntaxFile } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';

/** Definition ranges of the name under `offset` (several for a name defined twice); empty when none. */
export function definitionAt(file: SyntaxFile, offset: number): TextRange[] {
  const at = occurrenceAt(file, offset);
  return at === undefined ? [] : definitionsOf(at).map((o) => o.range);
}

export interface ReferencesOptions {
  readonly includeDeclaration: boolean;
}

/** Every occurrence of the name under `offset` in its scope, in source order. */
export function referencesAt(file: SyntaxFile, offset: number, options: ReferencesOptions): TextRange[] {
  const at = occurrenceAt(file, offset);
  if (at === undefined) return [];
  return occurrencesOf(at)
    .filter((o) => options.includeDeclaration || !o.isDefinition)
    .map((o) => o.range);
}

/** The name occurrence under `offset` (for hovers on names). */
export { occurrenceAt } from '../mlir/occurrences';
