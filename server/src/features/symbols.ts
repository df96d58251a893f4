/** Document outline: modules, functions and the ops inside them (grouped in buckets when a function is huge). */

import type { Operation, SyntaxFile } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';
import { isFunctionLike, isModuleLike } from './syntaxWalk';

export type OutlineKind = 'module' | 'function' | 'operation' | 'group';

export interface OutlineSymbol {
  readonly name: string;
  /** Shown greyed after the name, e.g. the op's L1 figure. */
  readonly detail: string;
  readonly kind: OutlineKind;
  readonly range: TextRange;
  /** What the editor selects: the symbol name, the result, or the op name. */
  readonly selectionRange: TextRange;
  readonly children: readonly OutlineSymbol[];
}

export interface OutlineOptions {
  /** Detail text per op (e.g. `L1 31%`); undefined for none. */
  readonly opDetail?: (op: Operation) => string | undefined;
  /** Extra detail per function (e.g. `peak L1 93%`), after its op count. */
  readonly functionDetail?: (op: Operation) => string | undefined;
  /** Functions with more ops than this get their ops grouped in buckets of this size (outline stays navigable). */
  readonly opsPerGroup?: number;
}

const DEFAULT_OPS_PER_GROUP = 1000;

/** The outline of a whole file, in source order. */
export function documentSymbols(file: SyntaxFile, options: OutlineOptions = {}): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const chunk of file.chunks) {
    for (const op of chunk.operations) out.push(...symbolsOf(op, options, 0));
  }
  return out;
}

// Bounded by the tree's depth, which the parser bounds.
const MAX_DEPTH = 64;

function symbolsOf(op: Operation, options: OutlineOptions, depth: number): OutlineSymbol[] {
  if (depth > MAX_DEPTH) return [];
  if (isModuleLike(op) || isFunctionLike(op)) {
    const kind: OutlineKind = isModuleLike(op) ? 'module' : 'function';
    const children =
      kind === 'function'
        ? groupOps(
            opsIn(op).flatMap((o) => opSymbols(o, options, depth + 1)),
            options,
          )
        : opsIn(op).flatMap((o) => symbolsOf(o, options, depth + 1));
    const name =
      op.symbol !== undefined ? (kind === 'module' ? `${op.name} ${op.symbol.name}` : op.symbol.name) : op.name;
    const extra = kind === 'function' ? options.functionDetail?.(op) : undefined;
    const detail = kind === 'function' ? `${countOps(children)} ops${extra === undefined ? '' : ` · ${extra}`}` : '';
    return [{ name, detail, kind, range: op.range, selectionRange: op.symbol?.range ?? op.nameRange, children }];
  }
  // Other ops with regions at module level (e.g. `ttcore.device`, `ttnn.generic`): keep their nested symbols visible.
  return opsIn(op).flatMap((o) => symbolsOf(o, options, depth + 1));
}

function opSymbols(op: Operation, options: OutlineOptions, depth: number): OutlineSymbol[] {
  if (isModuleLike(op) || isFunctionLike(op)) return symbolsOf(op, options, depth);
  const result = op.results[0];
  const name = result !== undefined ? `${op.results.map((r) => r.name).join(', ')} = ${op.name}` : op.name;
  const nested = depth > MAX_DEPTH ? [] : opsIn(op).flatMap((o) => opSymbols(o, options, depth + 1));
  return [
    {
      name,
      detail: options.opDetail?.(op) ?? '',
      kind: 'operation',
      range: op.range,
      selectionRange: result?.range ?? op.nameRange,
      children: nested,
    },
  ];
}

function opsIn(op: Operation): Operation[] {
  const ops: Operation[] = [];
  for (const region of op.regions) for (const block of region.blocks) ops.push(...block.operations);
  return ops;
}

function groupOps(symbols: OutlineSymbol[], options: OutlineOptions): OutlineSymbol[] {
  const size = Math.max(1, options.opsPerGroup ?? DEFAULT_OPS_PER_GROUP);
  if (symbols.length <= size) return symbols;
  const groups: OutlineSymbol[] = [];
  for (let i = 0; i < symbols.length; i += size) {
    const members = symbols.slice(i, i + size);
    const first = members[0]!;
    const last = members[members.length - 1]!;
    groups.push({
      name: `ops ${i + 1}–${i + members.length}`,
      detail: `${first.name.split(' = ')[0]} … ${last.name.split(' = ')[0]}`,
      kind: 'group',
      range: { start: first.range.start, end: last.range.end },
      selectionRange: first.selectionRange,
      children: members,
    });
  }
  return groups;
}

function countOps(symbols: readonly OutlineSymbol[]): number {
  let n = 0;
  for (const s of symbols) n += s.kind === 'group' ? s.children.length : 1;
  return n;
}
