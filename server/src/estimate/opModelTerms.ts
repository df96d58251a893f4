/**
 * An estimate in the terms tt-mlir's OpModel reports (`query_op_constraints`: cb peak, tensor peak, total peak, output
 * size; shared/reference/ttmlir-memory.md), so users and tests compare like with like.
 *
 * - CBs: per core on the worst core (`worstCbBytesPerCore`), and summed over every core range the program creates CBs
 *   on (`cbBytesSummedOverRanges`): the golden figures of tt-metal f4163c2 (Nov 2025) summed them (opmodel-golden.md).
 * - tensor: the op's output tensors in L1 plus its intermediate L1 tensors, at their peak: the most bytes the op holds
 *   at once, walking `l1Intermediates` in allocation order with the analysis's freeing rules (analysis/overflow.ts: one
 *   not held during the program is freed once the next exists, one that `replacesPrevious` after the one before it is
 *   freed; the outputs come last, beside those held). tt-mlir's OpModel reports this peak: its conv2d over a DRAM input
 *   (TestOpModelInterface.cpp@b73fc81 line 2808, tt-metal f4163c2) asserts a tensor peak of 61,796 B, which the sum of
 *   the three intermediates (resharded input 14,336 + halo 33,104 + output shard 28,672 = 76,112 B) exceeds by the
 *   resharded input, freed after the halo has read it, and the peak (33,104 + 28,672 = 61,776 B) meets within 20 B. An
 *   op that gives only a byte figure (no `l1Intermediates`) reports that figure: ttnn.rand's (ops/creation.ts) is its
 *   largest pair of consecutive tensors, less its output.
 * - total (`peakL1BytesPerCore`): worst-core CBs + that tensor figure, the op's own peak on one core (OpModel's
 *   `peakL1MemorySize` is cb + tensor peak: TestOpModelLib.cpp@b73fc81 lines 258, 1942, 2549).
 * Live L1 tensors other ops hold are not OpModel terms: the analysis adds them (`liveL1TensorBytesPerCore`).
 */

import type { L1Intermediate, OpEstimateResult } from './types';

export interface OpModelTerms {
  readonly worstCbBytesPerCore: number;
  readonly cbBytesSummedOverRanges: number;
  readonly outputL1BytesPerCore: number;
  /** The op's intermediate L1 tensors' share of its tensor peak: tensorL1BytesPerCore − outputL1BytesPerCore (see the
   *  header). */
  readonly intermediateL1BytesPerCore: number;
  /** The most L1 tensor bytes the op holds at once, its outputs with the intermediates held beside them or its
   *  intermediates alone: OpModel's tensor peak. */
  readonly tensorL1BytesPerCore: number;
  /** worstCbBytesPerCore + tensorL1BytesPerCore. */
  readonly peakL1BytesPerCore: number;
}

/** The OpModel terms of an estimate; undefined when there is no figure (unmodeled, or a configuration tt-metal rejects). */
export function opModelTerms(r: OpEstimateResult): OpModelTerms | undefined {
  if (r.kind === 'unmodeled' || r.kind === 'illegal') return undefined;
  // A no-program op creates no CBs and allocates nothing but its results.
  const cb = r.kind === 'estimate' ? r.worstCbBytesPerCore : 0;
  const summed = r.kind === 'estimate' ? r.cbBytesSummedOverRanges : 0;
  const intermediate =
    r.kind !== 'estimate'
      ? 0
      : r.l1Intermediates !== undefined
        ? tensorPeakBytesPerCore(r.l1Intermediates, r.l1TensorBytesPerCore) - r.l1TensorBytesPerCore
        : (r.l1IntermediateBytesPerCore ?? 0);
  const tensor = r.l1TensorBytesPerCore + intermediate;
  return {
    worstCbBytesPerCore: cb,
    cbBytesSummedOverRanges: summed,
    outputL1BytesPerCore: r.l1TensorBytesPerCore,
    intermediateL1BytesPerCore: intermediate,
    tensorL1BytesPerCore: tensor,
    peakL1BytesPerCore: cb + tensor,
  };
}

/** The most bytes of `intermediates` and the outputs live at once, bytes per core (the header's walk). */
function tensorPeakBytesPerCore(intermediates: readonly L1Intermediate[], outputBytesPerCore: number): number {
  let live = 0;
  let peak = 0;
  let pending: L1Intermediate | undefined;
  for (const t of intermediates) {
    if (t.replacesPrevious === true && pending !== undefined) {
      live -= pending.bytesPerCore;
      pending = undefined;
    }
    live += t.bytesPerCore;
    peak = Math.max(peak, live);
    if (pending !== undefined) live -= pending.bytesPerCore;
    pending = t.liveDuringProgram ? undefined : t;
  }
  if (pending !== undefined) live -= pending.bytesPerCore;
  return Math.max(peak, live + outputBytesPerCore);
}
