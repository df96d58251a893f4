/**
 * L1 estimate for `ttnn.concat` on interleaved tensors.
 *
 * Formula (bytes per core):
 *   c_0 = 2 · page, page = T(out) (tile) or align(out_row_bytes, max(input/output buffer alignment)) (row-major) [1]
 *   cores: split_work_to_cores(grid, output pages), column-major                                  [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_program_factory.cpp@d95c1ad;
 *       ttmetal-l1-model.md §4.15
 *
 * Assumptions: sharded concat (tensor-backed CBs) is unmodeled.
 * Worked example: concat of two 64x1024 bf16 tiled tensors on dim 0 → 2·2,048 = 4,096 B (tt-mlir OpModel golden).
 */

import { tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITE_CONCAT = 'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_program_factory.cpp@d95c1ad';

export function estimateConcat(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  let maxAlign = output.layout.bufferType === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes;
  for (const [i, spec] of op.operands.entries()) {
    if (spec.kind !== 'tensor') continue;
    const t = resolveTensor(spec, `input ${i}`);
    if (typeof t === 'string') return unmodeled(op.name, t);
    if (isSharded(t.layout)) return unmodeled(op.name, 'sharded concat is not modeled');
    maxAlign = Math.max(maxAlign, t.layout.bufferType === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes);
  }
  if (isSharded(output.layout)) return unmodeled(op.name, 'sharded concat is not modeled');
  const page = output.layout.pageLayout === 'tile' ? tileBytes(output.dtype) : alignUp(output.geometry.pageBytes, maxAlign);
  const split = splitWorkToCores(gridArea(ctx), output.geometry.nPages);
  return finishProgram({
    op, ctx, factory: 'ConcatProgramFactory', factoryReason: `${output.geometry.nPages} output pages over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [{ index: 0, role: 'pages', nPages: 2, pageBytes: page }],
    confidence: 'exact', citations: [CITE_CONCAT, CITE.workSplit],
  });
}
