/**
 * L1 estimate for `ttnn.slice_dynamic` (begins / ends given as device tensors).
 *
 * ttnn::slice with tensor begins/ends runs the same slice device operation as slice_static once the bounds are read
 * [1]; the bounds are not in the IR, so the tile factory is assumed (unit steps, tile-aligned begins):
 *   c_0 = 2 input tiles, split_work_to_cores(grid, output tiles)                                               [2]
 * A row-major input, or begins off a tile boundary (the row-major round trip of slice.ts), depend on the unknown
 * bounds and are unmodeled.
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/data_movement/slice/slice.cpp (tensor-args overload)
 *   [2] ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe
 *
 * Worked example: 4x32x32 bf16 tiles → 2x16x16: 2 · 2,048 = 4,096 B of CBs; the 2-tile output in L1 interleaved holds
 *   one tile per bank = 2,048 B (tt-mlir OpModel golden TestOpModelInterface.cpp@b73fc81:1455).
 */

import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITE_TILE = 'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe';

export function estimateSliceDynamic(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile')
    return unmodeled(op.name, 'row-major slice_dynamic: the CB depends on the runtime begins (not in the IR)');
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded slice_dynamic is not modeled');
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, output.geometry.nPages));
  return finishProgram({
    op,
    ctx,
    factory: 'SliceTileProgramFactory',
    factoryReason: `${output.geometry.nPages} output tiles over ${split.nCores} cores (begins assumed tile-aligned)`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [{ index: 0, role: 'tiles', nPages: 2, pageBytes: tileBytes(input.dtype) }],
    confidence: 'approx',
    approxReason:
      'the begins are runtime tensors: the tile factory is assumed (begins off a tile boundary take the larger row-major path)',
    citations: [CITE_TILE, CITE.workSplit],
  });
}
