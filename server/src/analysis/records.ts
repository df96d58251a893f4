/**
 * Op and function records of an analysis: one op's estimate, live L1, peak and overflow; a function's peak and the
 * index lists per-op features read (overflowing ops; unmodeled ops or unknown layouts).
 */

import type { ResolvedBuildWindow } from './buildWindow';
import type { TtnnFunction, TtnnOp } from '../ttnn/op';
import type { SharedStrings } from './flatStrings';
import { type L1Limits, overflowOf } from './overflow';
import type { FunctionAnalysis, LiveInterval, OpAnalysis } from './types';
import type { OpEstimateResult } from '../estimate/types';
import type { EarlierEstimate } from './estimateCache';

/** What an op record needs besides the op: the L1 budget, the build window, an estimate function (a cache) and the
 *  analysis's kept strings for overflow messages (without: each message flat, not shared). */
export interface OpRecordContext {
  readonly limits: L1Limits;
  readonly ttMetal: ResolvedBuildWindow;
  readonly estimate: (op: TtnnOp, live: number, earlier?: EarlierEstimate) => OpEstimateResult;
  readonly strings?: SharedStrings;
}

/**
 * One op's record with `live` bytes of L1 tensors per core around it; its overflow's status is provisional. `earlier`:
 * the record at the same place in the earlier analysis of the document, whose estimate the cache may reuse.
 */
export function opRecord(
  ctx: OpRecordContext,
  op: TtnnOp,
  index: number,
  live: number,
  executionStep: number | undefined,
  earlier?: EarlierEstimate,
): OpAnalysis {
  const estimate = ctx.estimate(op, live, earlier);
  const cb = estimate.kind === 'estimate' ? estimate.worstCbBytesPerCore : estimate.kind === 'noProgram' ? 0 : null;
  const overflow = overflowOf(estimate, live, ctx.limits, ctx.ttMetal, ctx.strings);
  return {
    index,
    op,
    estimate,
    cbBytesPerCore: cb,
    liveL1TensorBytesPerCore: live,
    peakL1BytesPerCore: (cb ?? 0) + live,
    overflow,
    executionStep,
  };
}

/** A function's record over its op records (one per op of `fn.ops`). */
export function functionRecord(
  fn: TtnnFunction,
  ops: readonly OpAnalysis[],
  liveIntervals: readonly LiveInterval[],
  reached: boolean,
): FunctionAnalysis {
  const overflowingOps: number[] = [];
  const unmodeledOrUnknownLayoutOps: number[] = [];
  for (let i = 0; i < ops.length; i++) {
    if (ops[i]!.overflow !== undefined) overflowingOps.push(i);
    if (isUnmodeledOrUnknownLayout(ops[i]!)) unmodeledOrUnknownLayoutOps.push(i);
  }
  return { fn, ops, liveIntervals, peak: peakOf(ops), reached, overflowingOps, unmodeledOrUnknownLayoutOps };
}

/** The record of a function that is not analysed: a declaration or a function of a CPU module. */
export function unanalysedRecord(fn: TtnnFunction): FunctionAnalysis {
  return {
    fn,
    ops: [],
    liveIntervals: [],
    peak: undefined,
    reached: false,
    overflowingOps: [],
    unmodeledOrUnknownLayoutOps: [],
  };
}

export function isUnmodeledOrUnknownLayout(opA: OpAnalysis): boolean {
  if (opA.estimate.kind === 'unmodeled') return true;
  // A loop, not `some` with a closure: this runs for every op of an analysis.
  const results = opA.op.results;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.kind === 'tensor' && r.layout.kind === 'unknown') return true;
  }
  return false;
}

/** The highest peak over `ops` (the first op on a tie); undefined for no ops. */
export function peakOf(ops: readonly OpAnalysis[]): FunctionAnalysis['peak'] {
  let peak: { bytesPerCore: number; opIndex: number } | undefined;
  for (let i = 0; i < ops.length; i++) {
    const opA = ops[i]!;
    if (peak === undefined || opA.peakL1BytesPerCore > peak.bytesPerCore)
      peak = { bytesPerCore: opA.peakL1BytesPerCore, opIndex: opA.index };
  }
  return peak;
}
