/** Test helpers: TTNN functions and modules built directly (no parser) for the analysis modules' unit tests. */

import type { FunctionRole, TtnnFunction, TtnnModule, TtnnOp, ValueSpec } from '../../../server/src/ttnn/op';

/** An op with explicit SSA names (build.ts's `op` numbers them per op, which liveness cannot follow). */
export function namedOp(
  name: string,
  operands: readonly [string, ValueSpec][],
  results: readonly [string, ValueSpec][],
  symbolUses: readonly string[] = [],
): TtnnOp {
  return {
    name,
    operandNames: operands.map(([n]) => n),
    operands: operands.map(([, s]) => s),
    resultNames: results.map(([n]) => n),
    results: results.map(([, s]) => s),
    properties: {},
    symbolUses,
    range: { start: 0, end: 0 },
    nameRange: { start: 0, end: 0 },
    source: undefined,
  };
}

export interface FnOptions {
  readonly role?: FunctionRole;
  readonly chunkIndex?: number;
  readonly args?: readonly { readonly name: string; readonly spec: ValueSpec }[];
  readonly isDeclaration?: boolean;
  readonly inCpuModule?: boolean;
}

export function fnOf(name: string, ops: readonly TtnnOp[], o: FnOptions = {}): TtnnFunction {
  return {
    name,
    chunkIndex: o.chunkIndex ?? 0,
    role: o.role ?? 'entry',
    isDeclaration: o.isDeclaration ?? false,
    inCpuModule: o.inCpuModule ?? false,
    args: o.args ?? [],
    ops,
    opsWithSymbols: ops.flatMap((op, i) => (op.symbolUses.length > 0 ? [i] : [])),
    range: { start: 0, end: 0 },
    nameRange: { start: 0, end: 0 },
  };
}

export function moduleOf(functions: readonly TtnnFunction[]): TtnnModule {
  return { functions, systemDesc: undefined, tensorL1UsageCap: undefined };
}

/** A call of `callee` (func.call-like; only its symbol use matters for execution order). */
export function callOp(callee: string): TtnnOp {
  return namedOp('func.call', [], [], [callee]);
}
