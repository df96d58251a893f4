/**
 * Go to definition and find references for SSA values, block labels, `#`/`!` aliases (`#ttnn_layoutN`, `#locN`)
 * and `@` symbols, with mlir-lsp-server's scoping: values and labels per function, aliases per chunk, symbols per file.
 */

import type { Operation, SyntaxFile } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';
import { aliasDefinitionOccurrences, occurrenceAt, opOccurrences, type Occurrence, type OccurrenceAt } from './occurrences';
import { isFunctionLike, isModuleLike } from './syntaxWalk';

/** Definition ranges of the name under `offset` (several for a symbol defined twice); empty when none. */
export function definitionAt(file: SyntaxFile, offset: number): TextRange[] {
  const at = occurrenceAt(file, offset);
  if (at === undefined) return [];
  return occurrencesInScope(file, at, { definitionsOnly: true }).map((o) => o.range);
}

export interface ReferencesOptions {
  readonly includeDeclaration: boolean;
}

/** Every occurrence of the name under `offset` in its scope, in source order. */
export function referencesAt(file: SyntaxFile, offset: number, options: ReferencesOptions): TextRange[] {
  const at = occurrenceAt(file, offset);
  if (at === undefined) return [];
  return occurrencesInScope(file, at, { definitionsOnly: false })
    .filter((o) => options.includeDeclaration || !o.isDefinition)
    .map((o) => o.range);
}

/** The name occurrence under `offset` (for hovers on names). */
export { occurrenceAt } from './occurrences';

interface ScopeOptions {
  readonly definitionsOnly: boolean;
}

function occurrencesInScope(file: SyntaxFile, at: OccurrenceAt, options: ScopeOptions): Occurrence[] {
  const { nameKind, name } = at.occurrence;
  const out: Occurrence[] = [];
  const take = (o: Occurrence): void => {
    if (o.nameKind === nameKind && o.name === name && (!options.definitionsOnly || o.isDefinition)) out.push(o);
  };
  switch (nameKind) {
    case 'alias':
      for (const alias of at.chunk.aliases) {
        if (options.definitionsOnly) {
          if (alias.name === name) out.push({ nameKind, name, range: alias.nameRange, isDefinition: true });
        } else {
          for (const o of aliasDefinitionOccurrences(alias)) take(o);
        }
      }
      if (!options.definitionsOnly) forEachOp(at.chunk.operations, { crossFunctions: true }, (op) => { for (const o of opOccurrences(op)) take(o); });
      break;
    case 'symbol':
      for (const chunk of file.chunks) {
        forEachOp(chunk.operations, { crossFunctions: true }, (op) => {
          if (options.definitionsOnly) {
            if (op.symbol?.name === name) out.push({ nameKind, name, range: op.symbol.range, isDefinition: true });
          } else {
            for (const o of opOccurrences(op)) take(o);
          }
        });
      }
      break;
    case 'value':
    case 'block': {
      const scope = scopeOf(at);
      if (scope === undefined) break;
      for (const region of scope.regions) {
        for (const block of region.blocks) {
          if (block.label !== undefined) take({ nameKind: 'block', name: block.label.name, range: block.label.range, isDefinition: true });
          for (const arg of block.arguments) take({ nameKind: 'value', name: arg.name, range: arg.nameRange, isDefinition: true });
          forEachOp(block.operations, { crossFunctions: false }, (op) => {
            if (!options.definitionsOnly) {
              for (const o of opOccurrences(op)) take(o);
              return;
            }
            // Definitions only: results and block headers, without walking types and attributes (hot for hovers).
            for (const r of op.results) take({ nameKind: 'value', name: r.name, range: r.range, isDefinition: true });
            for (const region of op.regions) {
              for (const b of region.blocks) {
                if (b.label !== undefined) take({ nameKind: 'block', name: b.label.name, range: b.label.range, isDefinition: true });
                for (const arg of b.arguments) take({ nameKind: 'value', name: arg.name, range: arg.nameRange, isDefinition: true });
              }
            }
          });
        }
      }
      break;
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** Values and labels are scoped by the nearest enclosing function (isolated from above), else the outermost op. */
function scopeOf(at: OccurrenceAt): Operation | undefined {
  for (let i = at.ancestors.length - 1; i >= 0; i--) {
    const op = at.ancestors[i]!;
    if (isFunctionLike(op) || isModuleLike(op)) return op;
  }
  return at.ancestors[0];
}

interface WalkOptions {
  /** Descend into nested functions (false for value scopes: their names are separate). */
  readonly crossFunctions: boolean;
}

function forEachOp(ops: readonly Operation[], options: WalkOptions, visit: (op: Operation) => void): void {
  const stack: Operation[] = [...ops].reverse();
  while (stack.length > 0) {
    const op = stack.pop()!;
    visit(op);
    if (!options.crossFunctions && (isFunctionLike(op) || isModuleLike(op))) continue;
    for (let r = op.regions.length - 1; r >= 0; r--) {
      const blocks = op.regions[r]!.blocks;
      for (let b = blocks.length - 1; b >= 0; b--) {
        const blockOps = blocks[b]!.operations;
        for (let i = blockOps.length - 1; i >= 0; i--) stack.push(blockOps[i]!);
      }
    }
  }
}
