/**
 * L1 estimate for the accumulation ops `ttnn.cumsum`, `ttnn.cumprod` and `ttnn.moreh_cumsum` (which forwards to the same
 * accumulation device operation in the builds the goldens were made with).
 *
 * Formula (bytes per core):
 *   c_0 (src) = 4 tiles of the input dtype; c_acc, c_start, c_dst = 4 tiles each of the output dtype      [1]
 *   cores: split_work_to_cores(grid, rows), rows = tiles / tiles along the accumulated dim                 [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/reduction/accumulation/device/accumulation_program_factory.cpp@01ca906
 *       (in_tiles = op_tiles = start_tiles = out_tiles = 4)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/moreh/moreh_cumsum/moreh_cumsum.cpp (forwards to the accumulation op; an older
 *       moreh factory with 6 tiles, moreh_cumsum_program_factory.cpp@3384f57, predates it)
 *
 * Assumptions: an accumulation over H (the last-but-one dim) is permuted by the composite first (the permute program
 *   is smaller: the tt-mlir goldens over H match the accumulation CBs); only the accumulation program is sized
 *   ('approx' then). Along the last dim (W) it is unmodeled: the row round trip was not read, and tt-forge-onnx #1634
 *   (moreh_cumsum of 2,441,216 f32, a 2025-03 build) overflowed L1 there.
 * Worked example: moreh_cumsum over dim 0 of 64x1024 bf16: 16 tiles × 2,048 = 32,768 B (tt-mlir OpModel golden
 *   TestOpModelLib.cpp@b73fc81:1064).
 */

import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, propInt, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITE_ACC = 'tt-metal ttnn/cpp/ttnn/operations/reduction/accumulation/device/accumulation_program_factory.cpp@01ca906';

export function estimateAccumulation(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0] ?? op.operands[1], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major accumulation is not modeled');
  const rank = input.logical.length;
  const raw = propInt(op, 'dim') ?? 0;
  const dim = raw < 0 ? raw + rank : raw;
  // Along the last dim the composite moves a whole row (of up to millions of elements) before the accumulation
  // program runs; that round trip was not read, and a real build overflowed L1 on one (tt-forge-onnx #1634:
  // moreh_cumsum of 2,441,216 f32, 2025-03): no number rather than a 'fits'.
  if (dim === rank - 1) return unmodeled(op.name, 'accumulation along the last dim: the composite\'s row round trip before the accumulation program is not modeled (tt-forge-onnx #1634 overflowed there)');
  const inLastTwo = dim >= rank - 2;
  const along = inLastTwo ? Math.ceil((input.logical[dim] ?? 1) / 32) : input.logical[dim] ?? 1;
  const rows = Math.max(1, Math.floor(input.geometry.nPages / Math.max(1, along)));
  const split = splitWorkToCores(gridArea(ctx), rows);
  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);
  return finishProgram({
    op, ctx, factory: 'AccumulationProgramFactory', factoryReason: `${rows} rows of ${along} tiles along dim ${dim} over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'src', nPages: 4, pageBytes: tIn },
      { index: 1, role: 'dst', nPages: 4, pageBytes: tOut },
      { index: 2, role: 'start', nPages: 4, pageBytes: tOut },
      { index: 3, role: 'acc', nPages: 4, pageBytes: tOut },
    ],
    confidence: inLastTwo ? 'approx' : 'exact',
    approxReason: inLastTwo ? 'an accumulation over one of the last two dims is permuted first by the composite; only the accumulation program is sized' : '',
    citations: [CITE_ACC, CITE.workSplit],
  });
}
