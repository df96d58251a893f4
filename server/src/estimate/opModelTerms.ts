/**
 * An estimate in the terms tt-mlir's OpModel reports (`query_op_constraints`: cb peak, tensor peak, total peak, output
 * size; shared/reference/ttmlir-memory.md), so users and tests compare like with like.
 *
 * - CBs: per core on the worst core (`worstCbBytesPerCore`), and summed over every core range the program creates CBs
 *   on (`cbBytesSummedOverRanges`): the golden figures of tt-metal f4163c2 (Nov 2025) summed them (opmodel-golden.md).
 * - tensor: the op's output tensors in L1 plus the intermediate L1 tensors it allocates and frees while it runs.
 * - total (`peakL1BytesPerCore`): worst-core CBs + that tensor figure, the op's own peak on one core (OpModel's
 *   `peakL1MemorySize` is cb + tensor peak: TestOpModelLib.cpp@b73fc81 lines 258, 1942, 2549).
 * Live L1 tensors other ops hold are not OpModel terms: the analysis adds them (`liveL1TensorBytesPerCore`).
 */

import type { OpEstimateResult } from './types';

export interface OpModelTerms {
  readonly worstCbBytesPerCore: number;
  readonly cbBytesSummedOverRanges: number;
  readonly outputL1BytesPerCore: number;
  readonly intermediateL1BytesPerCore: number;
  /** outputL1BytesPerCore + intermediateL1BytesPerCore: OpModel's tensor peak. */
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
