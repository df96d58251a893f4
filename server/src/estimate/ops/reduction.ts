/**
 * L1 estimate for generic reductions (`ttnn.sum`, `ttnn.mean`, `ttnn.max`, `ttnn.min` over W and/or H; `ttnn.prod` has its own factories, unmodeled).
 *
 * Formula (bytes per core):
 *   c_0 input = 2 tiles, c_2 scaler = 2 bf16 tiles, c_3 output = 2 tiles                               [2]
 *   W-reduce splits NC·Ht tile rows, H-reduce splits NC·Wt tile columns (split_work_to_cores)         [2]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp@05ddaab
 *       (newest, Metal-2.0 port: input depth from `reduce_reader_input_cb_tiles`); ttmetal-l1-model.md §4.6
 *   [2] the same file, 2025 version (search index id 55305173): input 2 tiles, scaler 2 bf16 tiles ("hardcoded
 *       bfloat16"), output 2 tiles
 *
 * Assumptions: a reduction over the last dim only is 'exact' for the 2025 factory; other dims (H, HW, several dims that
 *   chain programs) reuse the same CB set as 'approx'.
 * Worked example: sum over W of 64x1024 bf16: 2·2,048 + 2·2,048 + 2·2,048 = 12,288 B (tt-mlir OpModel golden,
 *   TestOpModelLib.cpp@b73fc81:478).
 */

import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, propInts, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITE_REDUCE = 'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp (2025 version, index id 55305173)';

export function estimateReduction(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major reductions are not modeled');
  const rank = input.logical.length;
  const dims = (propInts(op, 'dim_arg') ?? propInts(op, 'dim') ?? []).map((d) => (d < 0 ? d + rank : d));
  const overW = dims.length === 1 && dims[0] === rank - 1;
  const units = input.geometry.heightTilesTotal;
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, units));
  return finishProgram({
    op, ctx, factory: 'ReduceMultiCoreWProgramFactory', factoryReason: `${units} tile rows over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
      { index: 2, role: 'scaler', nPages: 2, pageBytes: tileBytes('bf16') },
      { index: 3, role: 'output', nPages: 2, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: overW ? 'exact' : 'approx',
    approxReason: overW ? '' : 'reduction over other dims (or several dims) assumed to use the W-reduce CB set',
    citations: [CITE_REDUCE, CITE.workSplit],
  });
}
