/**
 * Configurations tt-metal rejects before any CB is allocated (a TT_FATAL in the device operation's validate), for the
 * element-wise and reduction families. One check per rule, worded like tt-metal's message, each with its citation.
 * The registry runs the check before the estimator (`withLegality`), so the analysis, the layout solver and every
 * fix see the same verdict (they all go through `estimateOp`).
 *
 * Rules:
 *   unary: input and output memory layouts must match (interleaved vs height/width/block sharded), until builds
 *     with change point `unary-mixed-memory-layouts`, which address a mismatched side through a TensorAccessor   [1][2]
 *   binary (binary_ng): every dim, aligned from the right, must be equal or 1 in a and b: "Broadcasting rule
 *     violation for rank i, dim a: …, dim b: …"                                                                    [3]
 *   reductions (sum/mean/max/min/prod/argmax/cumsum…): a reduced dim must lie in [-rank, rank-1]: "Dimension out of
 *     range (expected to be in range of [-r, r-1], but got d)"                                                     [4]
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate_on_program_cache_miss, the
 *       TT_FATAL "Unary operation requires Input and Output memory layout to match", quoted in tt-metal PR #31386's
 *       diff of 2025-11-14 and in issue #32376 "input and output memory layout match")
 *   [2] ttnn/cpp/ttnn/operations/eltwise/unary/common/unary_utils.cpp@0baf387 (is_native_L1_sharding / get_shard_specs:
 *       a mismatched pair falls back to the TensorAccessor path instead of failing)
 *   [3] ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp (compute_broadcasted_output /
 *       validate; search index id 411874650)
 *   [4] ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_device_operation.cpp (search index id 57916683644);
 *       the generic reductions normalise dims the same way (ttnn/cpp/ttnn/operations/reduction/generic)
 *
 * Worked example: relu of a 28672x32 L1 height-sharded tensor into an L1 interleaved one (tt-mlir OpModel golden
 *   TestOpModelLib.cpp@b73fc81:275, expected_legal false) is illegal for the goldens' build (2025-11-27).
 */

import { atOrAfter } from '../changePoints';
import type { TtnnOp } from '../../ttnn/op';
import { propInts, resolveTensor } from '../common';
import type { Estimator } from '../registry';
import type { EstimateContext, Illegal } from '../types';
import { illegal } from '../types';

const CITES = {
  unary: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate_on_program_cache_miss; quoted in tt-metal PR #31386, issue #32376)',
  binaryNg: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp (broadcast check; search index id 411874650)',
  reduceDim: 'tt-metal ttnn/cpp/ttnn/operations/reduction (dim normalisation; argmax_device_operation.cpp, search index id 57916683644)',
} as const;

export type LegalityCheck = (op: TtnnOp, ctx: EstimateContext) => Illegal | undefined;

/** Run `check` first; a configuration it rejects is `illegal`, anything else goes to `estimate`. */
export function withLegality(check: LegalityCheck, estimate: Estimator): Estimator {
  return (op, ctx) => check(op, ctx) ?? estimate(op, ctx);
}

export function unaryLegality(op: TtnnOp, ctx: EstimateContext): Illegal | undefined {
  const input = resolveTensor(op.operands[0], 'input');
  const output = resolveTensor(op.results[0], 'result');
  if (typeof input === 'string' || typeof output === 'string') return undefined;
  if (input.layout.bufferType === 'system_memory' || output.layout.bufferType === 'system_memory') return undefined;
  if (input.layout.memoryLayout === output.layout.memoryLayout) return undefined;
  if (atOrAfter(ctx, 'unary-mixed-memory-layouts')) return undefined;
  return illegal(op.name, `Unary operation requires Input and Output memory layout to match. Input layout: ${input.layout.memoryLayout}, Output layout: ${output.layout.memoryLayout}`, CITES.unary);
}

export function binaryLegality(op: TtnnOp): Illegal | undefined {
  const a = op.operands[0];
  const b = op.operands[1];
  if (a === undefined || b === undefined || a.kind !== 'tensor' || b.kind !== 'tensor') return undefined;
  if (a.shape.kind !== 'known' || b.shape.kind !== 'known') return undefined;
  const da = a.shape.dims;
  const db = b.shape.dims;
  const rank = Math.max(da.length, db.length);
  for (let i = -1; i >= -rank; i--) {
    const x = da.length + i >= 0 ? da[da.length + i] : 1;
    const y = db.length + i >= 0 ? db[db.length + i] : 1;
    if (x !== y && x !== 1 && y !== 1) return illegal(op.name, `Broadcasting rule violation for rank ${i}, dim a: ${x}, dim b: ${y}`, CITES.binaryNg);
  }
  return undefined;
}

/** Reduced dims from `dim_arg` / `dim` / `dimension` (absent: all dims, always legal). */
export function reductionDimLegality(op: TtnnOp): Illegal | undefined {
  const input = op.operands[0];
  if (input === undefined || input.kind !== 'tensor' || input.shape.kind !== 'known') return undefined;
  const rank = input.shape.dims.length;
  const dims = propInts(op, 'dim_arg') ?? propInts(op, 'dim') ?? propInts(op, 'dimension') ?? [];
  const span = Math.max(rank, 1);
  for (const d of dims) {
    if (d < -span || d >= span) return illegal(op.name, `Dimension out of range (expected to be in range of [${-span}, ${span - 1}], but got ${d})`, CITES.reduceDim);
  }
  return undefined;
}
