/** Source-order traversal of operations in a syntax tree, with the enclosing function; no recursion (deep nesting is safe). */

import type { Operation, SyntaxFile } from '../mlir/syntax';

export interface OpVisit {
  readonly op: Operation;
  /** Nearest enclosing `func.func` (or other op with a symbol and regions), if any. */
  readonly enclosingFunction: Operation | undefined;
  /** Nesting depth: 0 for top-level ops of a chunk. */
  readonly depth: number;
}

/** Calls `visit` on every operation in source order; `visit` returns false to skip the op's regions. */
export function walkOperations(file: SyntaxFile, visit: (v: OpVisit) => boolean | void): void {
  for (const chunk of file.chunks) {
    const stack: OpVisit[] = [];
    for (let i = chunk.operations.length - 1; i >= 0; i--) {
      stack.push({ op: chunk.operations[i]!, enclosingFunction: undefined, depth: 0 });
    }
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (visit(v) === false) continue;
      const fn = isFunctionLike(v.op) ? v.op : v.enclosingFunction;
      const children: OpVisit[] = [];
      for (const region of v.op.regions) {
        for (const block of region.blocks) {
          for (const op of block.operations) children.push({ op, enclosingFunction: fn, depth: v.depth + 1 });
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

/** `func.func @f` and other symbol-defining ops with a body that are not modules. */
export function isFunctionLike(op: Operation): boolean {
  return op.symbol !== undefined && op.regions.length > 0 && !isModuleLike(op);
}

/** `module`, nested `builtin.module`, `ttcore.device_module`, `ttcore.cpu_module`. */
export function isModuleLike(op: Operation): boolean {
  return op.name === 'builtin.module' || op.name.endsWith('_module') || op.name.endsWith('.module');
}
