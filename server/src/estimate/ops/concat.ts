/**
 * L1 estimate for `ttnn.concat` on interleaved tensors.
 *
 * Formula (bytes per core):
 *   c_0 = d · page, page = T(out) (tile) or align(out_row_bytes, max(input/output buffer alignment)) (row-major) [1]
 *   d = 2, or 1 from tt-metal PR #43898 on when 2 · page > l1_size/2 − base                        [1][2]
 *   tiled inputs concatenated on the last dim with a last dim not a multiple of 32: ttnn::concat untilizes and
 *   concatenates row-major on the last-but-one dim of the transposed tensors, so page = one row of the
 *   transposed output = align(H_out · elem, alignment)                                            [2][3]
 *   cores: split_work_to_cores(grid, output pages), column-major                                  [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_program_factory.cpp@d95c1ad;
 *       ttmetal-l1-model.md §4.15
 *   [2] tt-metal PR #43898 (issue #43893: 4×(217413,1) f32 on dim 1 grew to 1,843,072 B: page ≈ 870 KB, two pages)
 *   [3] tt-metal issue #43371 (int32 [1993728,3] + [1993728,1] on dim 1); tt-mlir PR #8237 review (2026-05-04):
 *       "whenever last dim is not tile aligned metal permutes the last two dims"
 *
 * Assumptions: sharded concat (tensor-backed CBs) is unmodeled. The unaligned-last-dim rewrite is taken from PR
 *   #43898's description (untilize_rm_retilize_concat + non_aligned_last_dim_concat), not read from concat.cpp:
 *   'approx', and only the concat program is estimated (the untilize/tilize around it are separate programs).
 * Worked example: concat of two 64x1024 bf16 tiled tensors on dim 0 → 2·2,048 = 4,096 B (tt-mlir OpModel golden).
 *   Issue #43893: page = align(217,413·4, 32) = 869,664; 2 pages + base 103,712 = 1,843,040 B (tt-metal: 1,843,072).
 */

import { atOrAfter } from '../changePoints';
import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, ResolvedTensor, finishProgram, gridArea, groupsFromSplit, propInt, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITE_CONCAT = 'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_program_factory.cpp@d95c1ad';

export function estimateConcat(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  let maxAlign = output.layout.bufferType === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes;
  const inputs: ResolvedTensor[] = [];
  for (const [i, spec] of op.operands.entries()) {
    if (spec.kind !== 'tensor') continue;
    const t = resolveTensor(spec, `input ${i}`);
    if (typeof t === 'string') return unmodeled(op.name, t);
    if (isSharded(t.layout)) return unmodeled(op.name, 'sharded concat is not modeled');
    inputs.push(t);
    maxAlign = Math.max(maxAlign, t.layout.bufferType === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes);
  }
  if (isSharded(output.layout)) return unmodeled(op.name, 'sharded concat is not modeled');
  const rank = output.logical.length;
  const dimRaw = propInt(op, 'dim') ?? 0;
  const dim = dimRaw < 0 ? dimRaw + rank : dimRaw;
  const unalignedLastDim = output.layout.pageLayout === 'tile' && rank >= 2 && dim === rank - 1 && inputs.some((t) => t.logical[t.logical.length - 1] % 32 !== 0);
  let page: number;
  let pages: number;
  let how: string;
  if (unalignedLastDim) {
    const elem = elementBytes(output.dtype);
    if (elem === undefined) return unmodeled(op.name, `dtype ${output.dtype} has no row-major size`);
    const h = output.logical[rank - 2];
    page = alignUp(h * elem, maxAlign);
    pages = output.logical.reduce((n, d) => n * d, 1) / Math.max(1, h);
    how = `last dim not tile-aligned → row-major concat of the transposed tensors, page = one ${h}-element row`;
  } else {
    page = output.layout.pageLayout === 'tile' ? tileBytes(output.dtype) : alignUp(output.geometry.pageBytes, maxAlign);
    pages = output.geometry.nPages;
    how = `${pages} output pages`;
  }
  const budget = Math.floor(ctx.device.l1SizeBytes / 2) - ctx.device.l1UnreservedBase;
  // Asked only when the answer matters: two pages above the budget.
  const depth = 2 * page > budget && atOrAfter(ctx, 'concat-single-buffer-fallback') ? 1 : 2;
  const split = splitWorkToCores(gridArea(ctx), pages);
  return finishProgram({
    op, ctx, factory: 'ConcatProgramFactory',
    factoryReason: `${how} over ${split.nCores} cores${depth === 1 ? '; two pages exceed l1_size/2 − base → single-buffered (PR #43898)' : ''}`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [{ index: 0, role: 'pages', nPages: depth, pageBytes: page }],
    confidence: unalignedLastDim ? 'approx' : 'exact',
    approxReason: unalignedLastDim ? 'unaligned last-dim rewrite taken from tt-metal PR #43898\'s description, not from concat.cpp; the untilize/tilize around it are not included' : '',
    citations: [CITE_CONCAT, CITE.workSplit, ...(unalignedLastDim ? ['tt-metal PR #43898', 'tt-metal issue #43371'] : [])],
  });
}
