/**
 * An estimate in the terms tt-mlir's OpModel reports (`query_op_constraints`: cb peak, tensor peak, total peak, output
 * size; shared/reference/ttmlir-memory.md), so users and tests compare like with like.
 *
 * - CBs: per core on the worst core (`worstCbBytesPerCore`), and summed over every core range the program creates CBs
 *   on (`cbBytesSummedOverRanges`): the golden figures of tt-metal f4163c2 (Nov 2025) summed them (opmodel-golden.md).
 * - tensor: the op's output tensors in L1 plus the intermediate L1 tensors it allocates and frees while it runs, summed
 *   over every one: not a peak of live bytes. Where an op frees one before it allocates the next (a composite's results
 *   in turn, a resharded input once the halo has read it) both count, so tensor and total are at or above OpModel's
 *   peaks; the overflow verdict does not use this sum (analysis/overflow.ts walks the allocations in order). Only
 *   ttnn.rand's (ops/creation.ts) is a peak: its largest pair of consecutive tensors, less its output.
 * - total (`peakL1BytesPerCore`): worst-core CBs + that tensor figure, the op's own peak on one core (OpModel's
 *   `peakL1MemorySize` is cb + tensor peak: TestOpModelLib.cpp@b73fc81 lines 258, 1942, 2549).
 * Live L1 tensors other ops hold are not OpModel terms: the analysis adds them (`liveL1TensorBytesPerCore`).
 */

import type { OpEstimateResult } from './types';

export interface OpModelTerms {
  readonly worstCbBytesPerCore: number;
  readonly cbBytesSummedOverRanges: number;
  readonly outputL1BytesPerCore: number;
  /** Every L1 tensor the op allocates besides its outputs, summed (not a peak: see the header). */
  readonly intermediateL1BytesPerCore: number;
  /** outputL1BytesPerCore + intermediateL1BytesPerCore: OpModel's tensor peak when the op frees none of its
   *  intermediates before the next is allocated, else at or above it. */
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
  const intermediate = r.kind === 'estimate' ? (r.l1IntermediateBytesPerCore ?? 0) : 0;
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
