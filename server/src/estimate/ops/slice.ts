/**
 * L1 estimate for `ttnn.slice` / `ttnn.slice_static` on row-major interleaved tensors.
 *
 * Formula (bytes per core):
 *   cores: split_work_to_cores(grid, output rows)                                                 [1]
 *   page = round_up(out_row_bytes, a), a = max(src, dst alignment) (doubled when the start is misaligned) [1]
 *   m = largest divisor of round_up(max rows per core, 32) with m · page ≤ 4096 (merge_num_sticks_to_read) [2]
 *   c_0 = 2 · m · page                                                                             [1]
 *   tiled, tile-aligned: c_0 = 2 input tiles, split_work_to_cores(grid, output tiles)              [3]
 *   tiled, start not on a tile boundary in the last two dims: the row-major path above on the
 *     row-major equivalent (page = output row bytes), which is what tt-metal reported for
 *     slice_static 6x3x258112 f32: "grow to 2168608 B" = 103,712 + 2 x 258,112 x 4              [4]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm.cpp@04d7c1a
 *   [2] tt-metal tt_metal/common/work_split.cpp (merge_num_sticks_to_read); ttmetal-l1-model.md §4.16
 *   [3] tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe
 *   [4] tt-mlir PR #8082 / tt-metal issue #42882 (shared/reference/ttmlir-memory.md §6); the corpus file
 *       test/ttmlir/Dialect/TTNN/Transforms/Workarounds/slice_static_workaround.mlir is that op
 *
 * Assumptions: misaligned-start doubling is ignored ('approx' when the begin offset of the last dim is non-zero);
 *   unaligned tiled slices follow [4] ('approx': the untilize/tilize around the row-major slice are not added).
 * Worked example: slice to 64 rows of 96 bf16 elements on WH: page = 192, 1 row per core → m = 16
 *   (largest divisor of 32 with m·192 ≤ 4096... = 16), c_0 = 2·16·192 = 6,144 B; see test/unit/estimate/families.test.ts.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, ResolvedTensor, finishProgram, gridArea, groupsFromSplit, propInts, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITES = {
  tile: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe',
  slice: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm.cpp@04d7c1a',
  merge: 'tt-metal tt_metal/common/work_split.cpp (merge_num_sticks_to_read)',
  unalignedTiled: 'tt-mlir PR #8082 / tt-metal issue #42882 (slice_static 6x3x258112 f32: row-major pages, grow to 2168608 B)',
} as const;

/**
 * Tiled interleaved slice [3]: c_0 = 2 input tiles on the cores of split_work_to_cores(grid, output tiles). A start off
 * a tile boundary in the last two dims goes through row-major pages instead [4].
 */
function tiledSlice(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor, output: ResolvedTensor): OpEstimateResult {
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded tiled slice is not modeled');
  const begins = propInts(op, 'begins') ?? [];
  const steps = propInts(op, 'step') ?? [];
  const rank = input.logical.length;
  const aligned = (begins[rank - 1] ?? 0) % 32 === 0 && (begins[rank - 2] ?? 0) % 32 === 0;
  if (!aligned) {
    const elem = elementBytes(output.dtype);
    const rowElems = output.logical[output.logical.length - 1];
    if (elem === undefined || rowElems === undefined) return unmodeled(op.name, `no row-major form of ${output.dtype} for an unaligned tiled slice`);
    const nRows = output.logical.slice(0, -1).reduce((a, b) => a * b, 1);
    return rowMajorSlice(op, ctx, { rowBytes: rowElems * elem, nRows, input, output, begins, viaTiles: true });
  }
  const unitSteps = steps.every((s) => s === 1);
  const split = splitWorkToCores(gridArea(ctx), output.geometry.nPages);
  return finishProgram({
    op, ctx, factory: 'SliceTileProgramFactory', factoryReason: `${output.geometry.nPages} output tiles over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [{ index: 0, role: 'tiles', nPages: 2, pageBytes: tileBytes(input.dtype) }],
    confidence: unitSteps ? 'exact' : 'approx', approxReason: unitSteps ? '' : 'strided tiled slices may take another factory',
    citations: [CITES.tile, CITE.workSplit],
  });
}

interface RowMajorSlice {
  readonly rowBytes: number;
  readonly nRows: number;
  readonly input: ResolvedTensor;
  readonly output: ResolvedTensor;
  readonly begins: readonly number[];
  /** A tiled slice whose start is off a tile boundary, estimated on its row-major form [4]. */
  readonly viaTiles: boolean;
}

/** Row-major interleaved slice [1][2]: double-buffered pages of one (merged) output row each. */
function rowMajorSlice(op: TtnnOp, ctx: EstimateContext, s: RowMajorSlice): OpEstimateResult {
  const alignOf = (bt: string): number => (bt === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes);
  const a = Math.max(alignOf(s.input.layout.bufferType), alignOf(s.output.layout.bufferType));
  const page = alignUp(s.rowBytes, a);
  const split = splitWorkToCores(gridArea(ctx), s.nRows);
  const target = alignUp(Math.max(1, split.maxUnitsPerCore), 32);
  let m = 1;
  for (let d = Math.min(target, Math.floor(4096 / Math.max(1, page))); d >= 1; d--) {
    if (target % d === 0) {
      m = d;
      break;
    }
  }
  const misaligned = (s.begins[s.begins.length - 1] ?? 0) !== 0;
  const approxReasons = [
    ...(misaligned ? ['misaligned start may double the page'] : []),
    ...(s.viaTiles ? ['tiled input with a start off a tile boundary: row-major path, untilize/tilize around it not added'] : []),
  ];
  const via = s.viaTiles ? 'start off a tile boundary → row-major pages; ' : '';
  return finishProgram({
    op, ctx, factory: 'SliceRmMultiCoreProgramFactory', factoryReason: `${via}${s.nRows} output rows over ${split.nCores} cores; ${m} rows per read`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [{ index: 0, role: 'rows', nPages: 2 * m, pageBytes: page }],
    confidence: approxReasons.length === 0 ? 'exact' : 'approx', approxReason: approxReasons.join('; '),
    citations: s.viaTiles ? [CITES.slice, CITES.merge, CITE.workSplit, CITES.unalignedTiled] : [CITES.slice, CITES.merge, CITE.workSplit],
  });
}

export function estimateSlice(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout === 'tile') return tiledSlice(op, ctx, input, output);
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded slice is not modeled');
  return rowMajorSlice(op, ctx, {
    rowBytes: output.geometry.pageBytes, nRows: output.geometry.nPages, input, output, begins: propInts(op, 'begins') ?? [], viaTiles: false,
  });
}
