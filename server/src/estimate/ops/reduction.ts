/**
 * L1 estimate for generic reductions (`ttnn.sum`, `ttnn.mean`, `ttnn.max`, `ttnn.min` over W and/or H; `ttnn.prod` has its own factories, unmodeled).
 *
 * Formula (bytes per core):
 *   c_0 input = 2 tiles, c_2 scaler = 1 tile (bf16, f32 for f32 input), c_3 output = 2 tiles          [1]
 *   W-reduce splits NC·Ht tile rows, H-reduce splits NC·Wt tile columns (split_work_to_cores)         [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp@05ddaab
 *       (newest, Metal-2.0 port) and its older classic versions; ttmetal-l1-model.md §4.6
 *
 * Assumptions: always 'approx' — the input CB depth changed between versions (`reduce_reader_input_cb_tiles`) and
 *   reductions over several dims chain programs; the figure is the per-program classic CB set.
 * Worked example: sum over W of 64x1024 bf16: 2·2,048 + 2,048 + 2·2,048 = 10,240 B (tt-mlir OpModel @b73fc81 says
 *   12,288 B: one tile more in that build; reported in test/unit/estimate/golden.test.ts).
 */

import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITE_REDUCE = 'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp@05ddaab';

export function estimateReduction(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major reductions are not modeled');
  const scaler = input.dtype === 'f32' ? tileBytes('f32') : tileBytes('bf16');
  const units = input.geometry.heightTilesTotal;
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, units));
  return finishProgram({
    op, ctx, factory: 'ReduceMultiCoreWProgramFactory', factoryReason: `${units} tile rows over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
      { index: 2, role: 'scaler', nPages: 1, pageBytes: scaler },
      { index: 3, role: 'output', nPages: 2, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: 'approx', approxReason: 'input CB depth varies between tt-metal versions; multi-dim reductions chain programs',
    citations: [CITE_REDUCE, CITE.workSplit],
  });
}
