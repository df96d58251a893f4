/**
 * L1 estimate for `ttnn.slice` / `ttnn.slice_static` on row-major interleaved tensors.
 *
 * Formula (bytes per core):
 *   cores: split_work_to_cores(grid, output rows)                                                 [1]
 *   page = round_up(out_row_bytes, a), a = max(src, dst alignment) (doubled when the start is misaligned) [1]
 *   m = largest divisor of round_up(max rows per core, 32) with m · page ≤ 4096 (merge_num_sticks_to_read) [2]
 *   c_0 = 2 · m · page                                                                             [1]
 *   tiled: c_0 = 2 input tiles, split_work_to_cores(grid, output tiles)                             [3]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm.cpp@04d7c1a
 *   [2] tt-metal tt_metal/common/work_split.cpp (merge_num_sticks_to_read); ttmetal-l1-model.md §4.16
 *   [3] tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe
 *
 * Assumptions: misaligned-start doubling is ignored ('approx' when the begin offset of the last dim is non-zero);
 *   unaligned tiled slices are 'approx'.
 * Worked example: slice to 64 rows of 96 bf16 elements on WH: page = 192, 1 row per core → m = 16
 *   (largest divisor of 32 with m·192 ≤ 4096... = 16), c_0 = 2·16·192 = 6,144 B; see test/unit/estimate/families.test.ts.
 */

import { tileBytes } from '../../ttnn/dtype';
import { alignUp } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, ResolvedTensor, finishProgram, gridArea, groupsFromSplit, propInts, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITES = {
  tile: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe',
  slice: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm.cpp@04d7c1a',
  merge: 'tt-metal tt_metal/common/work_split.cpp (merge_num_sticks_to_read)',
} as const;

/**
 * Tiled interleaved slice [3]: c_0 = 2 input tiles on the cores of split_work_to_cores(grid, output tiles). Starts not on
 * a tile boundary in the last two dims take other paths in tt-metal ('approx').
 */
function tiledSlice(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor, output: ResolvedTensor): OpEstimateResult {
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded tiled slice is not modeled');
  const begins = propInts(op, 'begins') ?? [];
  const steps = propInts(op, 'step') ?? [];
  const rank = input.logical.length;
  const aligned = (begins[rank - 1] ?? 0) % 32 === 0 && (begins[rank - 2] ?? 0) % 32 === 0 && steps.every((s) => s === 1);
  const split = splitWorkToCores(gridArea(ctx), output.geometry.nPages);
  return finishProgram({
    op, ctx, factory: 'SliceTileProgramFactory', factoryReason: `${output.geometry.nPages} output tiles over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [{ index: 0, role: 'tiles', nPages: 2, pageBytes: tileBytes(input.dtype) }],
    confidence: aligned ? 'exact' : 'approx', approxReason: aligned ? '' : 'unaligned or strided tiled slices may take another factory',
    citations: [CITES.tile, CITE.workSplit],
  });
}

export function estimateSlice(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout === 'tile') return tiledSlice(op, ctx, input, output);
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded slice is not modeled');
  const alignOf = (bt: string): number => (bt === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes);
  const a = Math.max(alignOf(input.layout.bufferType), alignOf(output.layout.bufferType));
  const page = alignUp(output.geometry.pageBytes, a);
  const rows = output.geometry.nPages;
  const split = splitWorkToCores(gridArea(ctx), rows);
  const target = alignUp(Math.max(1, split.maxUnitsPerCore), 32);
  let m = 1;
  for (let d = Math.min(target, Math.floor(4096 / Math.max(1, page))); d >= 1; d--) {
    if (target % d === 0) {
      m = d;
      break;
    }
  }
  const begins = propInts(op, 'begins') ?? [];
  const misaligned = (begins[begins.length - 1] ?? 0) !== 0;
  return finishProgram({
    op, ctx, factory: 'SliceRmMultiCoreProgramFactory', factoryReason: `${rows} output rows over ${split.nCores} cores; ${m} rows per read`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [{ index: 0, role: 'rows', nPages: 2 * m, pageBytes: page }],
    confidence: misaligned ? 'approx' : 'exact', approxReason: misaligned ? 'misaligned start may double the page' : '',
    citations: [CITES.slice, CITES.merge, CITE.workSplit],
  });
}
