/**
 * Op records kept across an edit in place: when a function is the earlier one with a few ops replaced and its L1
 * liveness is unchanged, only the replaced ops are analysed again (an op's live bytes depend on liveness only, its
 * estimate on itself and those bytes); its peak and index lists are updated for those ops alone.
 */

import type { TtnnFunction } from '../ttnn/op';
import { sameLivenessOp } from './liveness';
import { isUnmodeledOrUnknownLayout, opRecord, peakOf, type OpRecordContext } from './records';
import type { FunctionAnalysis } from './types';

/** `indices` (ascending) with `edited` (ascending) re-decided by `keep`. */
export function reindex(indices: readonly number[], edited: readonly number[], keep: (i: number) => boolean): number[] {
  const editedSet = new Set(edited);
  const out = indices.filter((i) => !editedSet.has(i));
  for (const i of edited) if (keep(i)) out.push(i);
  return edited.length === 0 ? out : out.sort((a, b) => a - b);
}

// More edited ops than this in one function: a full pass is as cheap as the checks.
const MAX_EDITED_OPS = 64;

/**
 * The analysis of `fn` from `earlier`'s when `fn` is `earlier.fn` with a few ops replaced (an edit in place) and the
 * L1 liveness is unchanged: only the replaced ops are analysed again, every other record is kept (the live bytes of
 * an op depend on liveness only, its estimate on itself and those bytes). Undefined when that does not hold.
 */
export function afterOpEdits(
  earlier: FunctionAnalysis,
  fn: TtnnFunction,
  steps: Int32Array | undefined,
  ctx: OpRecordContext,
): FunctionAnalysis | undefined {
  const device = ctx.limits.device;
  if (earlier.reached !== (steps !== undefined)) return undefined;
  if (earlier.fn === fn) return earlier;
  const before = earlier.fn.ops;
  if (before.length !== fn.ops.length || earlier.fn.args !== fn.args || earlier.ops.length !== fn.ops.length)
    return undefined;
  const edited: number[] = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] === fn.ops[i]) continue;
    if (edited.length === MAX_EDITED_OPS) return undefined;
    edited.push(i);
  }
  // Execution steps follow the ops' order and calls, which an edit that keeps every op's symbols does not change.
  if (edited.some((i) => earlier.ops[i]!.executionStep !== steps?.[i])) return undefined;
  // Liveness reads each op's own names and result bytes; the other ops are the same objects.
  if (!edited.every((i) => sameLivenessOp(before[i]!, fn.ops[i]!, device))) return undefined;
  const ops = earlier.ops.slice();
  for (const i of edited) ops[i] = opRecord(ctx, fn.ops[i]!, i, earlier.ops[i]!.liveL1TensorBytesPerCore, steps?.[i]);
  // The highest peak (the first op on a tie) moves only to an edited op, or away from one.
  let peak = earlier.peak;
  if (peak !== undefined && edited.includes(peak.opIndex)) peak = peakOf(ops);
  else {
    for (const i of edited) {
      const p = ops[i]!.peakL1BytesPerCore;
      if (peak === undefined || p > peak.bytesPerCore || (p === peak.bytesPerCore && i < peak.opIndex))
        peak = { bytesPerCore: p, opIndex: i };
    }
  }
  return {
    fn,
    ops,
    liveIntervals: earlier.liveIntervals,
    peak,
    reached: earlier.reached,
    overflowingOps: reindex(earlier.overflowingOps, edited, (i) => ops[i]!.overflow !== undefined),
    unmodeledOrUnknownLayoutOps: reindex(earlier.unmodeledOrUnknownLayoutOps, edited, (i) =>
      isUnmodeledOrUnknownLayout(ops[i]!),
    ),
  };
}
