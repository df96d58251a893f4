/**
 * Execution order of a module: entry functions first (`@main` / `@forward` before other entries; every runnable
 * function when none is marked entry), and a call or `load_cached` runs its callee once, before the calling op
 * continues (tt-mlir's const-eval functions run where `ttcore.load_cached` names them).
 */

import type { TtnnFunction } from '../ttnn/op';
import { sameStrings } from '../text/stringLists';

// Calls nested deeper than this are not followed (a recursive or absurd call graph still ends).
const MAX_CALL_DEPTH = 64;

/** The functions a run starts from, in the order it runs them. */
export function entryOrder(functions: readonly TtnnFunction[]): TtnnFunction[] {
  const runnable = functions.filter((f) => !f.isDeclaration && !f.inCpuModule);
  const entries = runnable.filter((f) => f.role === 'entry');
  const rank = (f: TtnnFunction): number => (f.name === '@main' || f.name === '@forward' ? 0 : 1);
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b));
  return ordered.length > 0 ? ordered : runnable;
}

/**
 * The execution step of every op of every function a run reaches, by function (indexed like `fn.ops`); functions
 * never reached from an entry have no entry in the map. Symbols resolve within the function's own chunk.
 */
export function executionSteps(
  functions: readonly TtnnFunction[],
  earlier?: EarlierSteps,
): ReadonlyMap<TtnnFunction, Int32Array> {
  if (earlier !== undefined && sameExecutionShape(earlier.functions, functions)) return rekeyed(earlier, functions);
  const byName = new Map(functions.map((f) => [`${f.chunkIndex}|${f.name}`, f]));
  const stepOf = new Map<TtnnFunction, Int32Array>();
  let step = 0;
  const visit = (fn: TtnnFunction, depth: number): void => {
    if (stepOf.has(fn) || depth > MAX_CALL_DEPTH) return;
    // Only the ops that use symbols are looked at; the others take the next steps in order.
    const ops = fn.ops;
    const steps = new Int32Array(ops.length);
    stepOf.set(fn, steps);
    let next = 0;
    for (const calling of fn.opsWithSymbols) {
      for (; next < calling; next++) steps[next] = step++;
      for (const sym of ops[calling]!.symbolUses) {
        const callee = byName.get(`${fn.chunkIndex}|${sym}`);
        if (callee !== undefined && !callee.isDeclaration && !callee.inCpuModule) visit(callee, depth + 1);
      }
      steps[calling] = step++;
      next = calling + 1;
    }
    for (; next < ops.length; next++) steps[next] = step++;
  };
  for (const fn of entryOrder(functions)) visit(fn, 0);
  return stepOf;
}

/** The steps of an earlier analysis of the same document, and its functions. */
export interface EarlierSteps {
  readonly functions: readonly TtnnFunction[];
  readonly steps: ReadonlyMap<TtnnFunction, Int32Array>;
}

/**
 * Whether two function lists number their ops alike: the same functions in the same order, each with as many ops and
 * the same symbol uses at the same ops (what `executionSteps` reads). An edit inside an op's text keeps that, so a
 * keystroke reuses the steps instead of numbering 100k ops again.
 */
function sameExecutionShape(a: readonly TtnnFunction[], b: readonly TtnnFunction[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const f = a[i]!;
    const g = b[i]!;
    if (f === g) continue;
    if (
      f.name !== g.name ||
      f.chunkIndex !== g.chunkIndex ||
      f.role !== g.role ||
      f.isDeclaration !== g.isDeclaration ||
      f.inCpuModule !== g.inCpuModule ||
      f.ops.length !== g.ops.length ||
      f.opsWithSymbols.length !== g.opsWithSymbols.length
    )
      return false;
    for (let k = 0; k < f.opsWithSymbols.length; k++) {
      const at = f.opsWithSymbols[k]!;
      if (g.opsWithSymbols[k] !== at || !sameStrings(f.ops[at]!.symbolUses, g.ops[at]!.symbolUses)) return false;
    }
  }
  return true;
}

/** The earlier steps, keyed by the functions of the same shape now. */
function rekeyed(earlier: EarlierSteps, functions: readonly TtnnFunction[]): Map<TtnnFunction, Int32Array> {
  const stepOf = new Map<TtnnFunction, Int32Array>();
  for (let i = 0; i < functions.length; i++) {
    const steps = earlier.steps.get(earlier.functions[i]!);
    if (steps !== undefined) stepOf.set(functions[i]!, steps);
  }
  return stepOf;
}
