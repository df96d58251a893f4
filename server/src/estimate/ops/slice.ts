/**
 * L1 estimate for `ttnn.slice` / `ttnn.slice_static` on interleaved tensors: which program tt-metal's ttnn::slice runs
 * (tile, row-major or strided row-major) and the CBs that program allocates.
 *
 * Routing (host side, ttnn::slice [4]): a TILE input goes to the row-major path when a step is not 1, the rank is 1, or
 * the begin of either of the last two dims is off a tile boundary. That path is three device programs: to_layout to
 * ROW_MAJOR (into the output's memory config), the row-major slice, then to_layout back to TILE. The device op itself
 * refuses TILE input with such begins, and picks the factory from layout and step [5].
 *
 * Formula (bytes per core):
 *   TILE, unit steps, begins tile-aligned: c_0 = 2 input tiles, split_work_to_cores(grid, output tiles)    [3]
 *   row-major, unit steps: cores = split_work_to_cores(grid, output rows)                                   [1]
 *     a = max(src, dst buffer alignment), doubled when begins[-1] · elem is not a multiple of the src alignment
 *     page = round_up(output row bytes, a)
 *     m = largest divisor of round_up(max rows per core, 32) with m · page ≤ 4096 (merge_num_sticks_to_read)   [2]
 *     c_0 = 2 · m · page; from tt-metal PR #49067, when 2 · page > l1_size − base (aligned start):
 *     c_0 = 2 · 2 · chunk, chunk = align(min(8 KiB, (l1_size − base) / 8), a)                       [7]
 *   row-major, a step ≠ 1: c_0 = 2 · round_up(output row bytes, a), same core split                         [6]
 *   For a TILE input on the row-major path the slice program's src is the untilized copy, which lives in the output's
 *   memory config [4]. The op's figure is that of its three programs in turn (to_layout ROW_MAJOR of the whole input,
 *   the row-major slice, to_layout TILE of the result; composite.ts): the first whose CBs end past L1, as tt-metal
 *   throws there, else the largest. A legacy-era untilize of a wide input is what overflows first then.
 * Check against tt-metal's own figure (tt-mlir PR #8082 / tt-metal issue #42882, the corpus file
 *   test/ttmlir/Dialect/TTNN/Transforms/Workarounds/slice_static_workaround.mlir): 6x3x258112 f32 TILE, begins[-2] = 2
 *   → row-major path; 6 output rows of 258,112 x 4 = 1,032,448 B (a multiple of 32); page > 4096 so m = 1;
 *   c_0 = 2 x 1,032,448 = 2,064,896; with base 103,712 the region ends at 2,168,608 B, the "grow to 2168608 B" reported.
 *
 * References (tenstorrent/tt-metal unless noted):
 *   [1] ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm.cpp@04d7c1a;
 *       compute_cb_size / SliceRmProgramFactory::create re-read @d9f28d7
 *   [2] tt_metal/common/work_split.cpp (merge_num_sticks_to_read); ttmetal-l1-model.md §4.16
 *   [3] ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe
 *   [4] ttnn/cpp/ttnn/operations/data_movement/slice/slice.cpp@81b4b13 (SliceOperation::invoke: rm_only,
 *       check_handled_tile_alignment, ret_adjustment); the experimental/quasar/slice/slice.cpp@01c8afe fork keeps the
 *       rule. Background: tt-mlir PR #8082 / tt-metal issue #42882 (shared/reference/ttmlir-memory.md §6); tt-mlir
 *       pinned tt-metal 90c914e then, a commit the source index does not hold; the two versions read here agree
 *   [5] ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_device_operation.cpp@019b681
 *       (validate_on_program_cache_miss, select_program_factory)
 *   [6] ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm_stride.cpp@465a425
 *   [7] tt-metal PR #49067 (2026-07-06, for issue #42882): sub-row NOC chunking when 2 · row page exceeds the L1 budget
 *   [8] slice_program_factory_rm.cpp@8ab89d1 (PR #43055); slice.cpp and the row-major factory read at every commit of
 *       read span `slice-tiled-rm-path` (2025-03-21..2026-06-14): the unit-step three-program path `exact` inside it
 *
 * Worked example: slice to 64 rows of 96 bf16 elements on WH: page = 192, 1 row per core → m = 16
 *   (largest divisor of 32 with m·192 ≤ 4096), c_0 = 2·16·192 = 6,144 B; see test/unit/estimate/families.test.ts.
 */

import type { BufferType } from '../../ttnn/layout';
import { atOrAfter, readSpanCite, windowReadableWithinReadSpan, readSpanUnreadReason } from '../changePoints';
import { elementBytes, tileBytes, TILE_HW } from '../../ttnn/dtype';
import { alignUp } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propInts,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { largestStep, specWith, toLayoutStep } from './composite';

/** begins[i] as tt-metal uses it: negative values wrap around the dim (wrap_index) [4]; a missing entry is 0. */
function beginAt(begins: readonly number[], dims: readonly number[], i: number): number {
  const b = begins[i] ?? 0;
  return b < 0 ? b + (dims[i] ?? 0) : b;
}

const CITES = {
  tile: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_tile.cpp@01c8afe',
  slice:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm.cpp@04d7c1a (compute_cb_size re-read @d9f28d7)',
  stride: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory_rm_stride.cpp@465a425',
  merge: 'tt-metal tt_metal/common/work_split.cpp (merge_num_sticks_to_read)',
  select:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_device_operation.cpp@019b681 (select_program_factory)',
  unalignedTiled:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/slice.cpp@81b4b13 (SliceOperation::invoke: TILE input with unaligned begins, ' +
    'a step ≠ 1 or rank 1 → to_layout ROW_MAJOR, row-major slice, to_layout TILE); background tt-mlir PR #8082 / tt-metal issue #42882 ' +
    '(slice_static 6x3x258112 f32: grow to 2168608 B)',
} as const;

const TILE_FACTORY_UNREAD = readSpanUnreadReason('the tile program was', 'slice-tile-factory', 'before');

/**
 * Tiled interleaved slice. TILE-factory only for unit steps, rank ≥ 2 and begins on a tile boundary in the last two dims
 * [3][4]; anything else is untilized and sliced on row-major pages [4].
 */
function tiledSlice(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor, output: ResolvedTensor): OpEstimateResult {
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded tiled slice is not modeled');
  const begins = propInts(op, 'begins') ?? [];
  const steps = propInts(op, 'step') ?? [];
  const rank = input.logical.length;
  const unitSteps = steps.every((s) => s === 1);
  const aligned =
    rank >= 2 &&
    beginAt(begins, input.logical, rank - 1) % TILE_HW === 0 &&
    beginAt(begins, input.logical, rank - 2) % TILE_HW === 0;
  if (unitSteps && aligned) {
    const split = splitWorkToCores(gridArea(ctx), output.geometry.nPages);
    return finishProgram({
      op,
      ctx,
      factory: 'SliceTileProgramFactory',
      factoryReason: `${output.geometry.nPages} output tiles over ${split.nCores} cores`,
      // split_work_to_cores(grid, tiles) column-wise, c_0 on all_cores, core groups by core_group membership [3].
      groups: groupsFromSplit(split, ctx.device.workerGrid, 'col', {
        order: 'col',
        ctx,
        descriptorsFrom: 'slice-tile-program-descriptors',
      }),
      cbs: [{ index: 0, role: 'tiles', nPages: 2, pageBytes: tileBytes(input.dtype) }],
      // The tile program's CB was read at every commit of read span slice-tile-factory; a configured build before it
      // was not read.
      ...(windowReadableWithinReadSpan(ctx, 'slice-tile-factory')
        ? { confidence: 'exact' as const }
        : {
            confidence: 'approx' as const,
            approxReason: TILE_FACTORY_UNREAD,
          }),
      citations: [CITES.tile, CITES.select, CITE.workSplit, readSpanCite('slice-tile-factory')],
    });
  }
  // tt-metal stops before the implicit untilize for u16 [4].
  if (input.dtype === 'u16')
    return unmodeled(op.name, 'tt-metal refuses the implicit tile → row-major conversion of this slice for u16');
  const elem = elementBytes(output.dtype);
  const rowElems = output.logical[output.logical.length - 1];
  if (elem === undefined || rowElems === undefined)
    return unmodeled(op.name, `no row-major form of ${output.dtype} for a tiled slice on the row-major path`);
  const why = !unitSteps ? 'a step ≠ 1' : rank < 2 ? 'rank 1' : 'begins off a tile boundary';
  const sliceStep = rowMajorSlice(op, ctx, {
    rowBytes: rowElems * elem,
    elemBytes: elem,
    nRows: output.logical.slice(0, -1).reduce((a, b) => a * b, 1),
    srcBufferType: output.layout.bufferType,
    dstBufferType: output.layout.bufferType,
    lastBegin: beginAt(begins, input.logical, rank - 1),
    unitSteps,
    viaTiles: why,
  });
  if (sliceStep.kind !== 'estimate') return sliceStep;
  // The three programs ttnn::slice runs on this path [4]: the untilize of the whole input (into the output's buffer),
  // the row-major slice, the tilize of its result. Each allocates and frees its own CBs; the first past L1 throws.
  const inputSpec = op.operands[0];
  const outputSpec = op.results[0];
  if (inputSpec?.kind !== 'tensor' || outputSpec?.kind !== 'tensor') return sliceStep;
  const untilize = toLayoutStep(op, ctx, 'to_layout ROW_MAJOR (input)', inputSpec, 'row_major', {
    bufferType: output.layout.bufferType,
  });
  const tilize = toLayoutStep(
    op,
    ctx,
    'to_layout TILE (result)',
    specWith(outputSpec, { pageLayout: 'row_major' }),
    'tile',
  );
  return largestStep(op, ctx, [untilize.step, { label: 'row-major slice', result: sliceStep }, tilize.step], {
    firstBeyondL1: true,
    citations: [CITES.unalignedTiled],
  });
}

interface RowMajorSlice {
  readonly rowBytes: number;
  readonly elemBytes: number;
  readonly nRows: number;
  /** Buffer the slice program reads: the input, or for a tiled input its untilized copy in the output's memory config [4]. */
  readonly srcBufferType: BufferType;
  readonly dstBufferType: BufferType;
  /** begins[-1], wrapped. */
  readonly lastBegin: number;
  readonly unitSteps: boolean;
  /** Why a tiled input takes the row-major path [4]; undefined for a row-major input. */
  readonly viaTiles: string | undefined;
}

/** Row-major interleaved slice: double-buffered pages of one (merged) output row [1][2], or of one row when strided [6]. */
function rowMajorSlice(op: TtnnOp, ctx: EstimateContext, s: RowMajorSlice): OpEstimateResult {
  const alignOf = (bt: BufferType): number =>
    bt === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes;
  const srcAlign = alignOf(s.srcBufferType);
  const a = Math.max(srcAlign, alignOf(s.dstBufferType));
  const split = splitWorkToCores(gridArea(ctx), s.nRows);
  // Both factories split_work_to_cores(grid, rows) column-wise and create c_0 on all_cores [1][6]: the message prints
  // all_cores' first CoreRange (tt-metal #42882: 6 rows, (0,0)-(0,5)). The unit-step factory gives rows by core_group
  // membership (column-major); the strided one deals the extra rows to the first cores of corerange_to_cores(all_cores),
  // row-major (extra rows only when all_cores is the whole grid).
  const groups = groupsFromSplit(split, ctx.device.workerGrid, s.unitSteps ? 'col' : 'row', {
    order: 'col',
    ctx,
    descriptorsFrom: 'slice-rm-program-descriptors',
  });
  const via =
    s.viaTiles === undefined
      ? ''
      : `TILE input, ${s.viaTiles} → to_layout ROW_MAJOR, row-major slice, to_layout TILE; `;
  // The three-program path was read at every commit of the builds in read span `slice-tiled-rm-path` (unit steps,
  // whole rows); the strided factory and the sub-row chunks were not.
  const threeProgramPathRead =
    s.viaTiles !== undefined && s.unitSteps && windowReadableWithinReadSpan(ctx, 'slice-tiled-rm-path');
  const viaTilesNotes = ['The untilize before and the tilize after are separate programs with their own CB regions.'];
  const composite =
    s.viaTiles === undefined
      ? {}
      : threeProgramPathRead
        ? { notes: viaTilesNotes }
        : {
            approxReason:
              'tt-metal runs this slice as three programs (untilize, row-major slice, tilize), estimated one by one; slice.cpp and the row-major factory were read at every build 2025-03-21..2026-06-23 (read span slice-tiled-rm-path), and the window reaches outside them (or the steps are not unit: the strided factory was not read)',
            notes: viaTilesNotes,
          };
  const confidence = s.viaTiles === undefined || threeProgramPathRead ? 'exact' : 'approx';
  const citeTail =
    s.viaTiles === undefined ? [CITES.select, CITE.workSplit] : [CITES.select, CITE.workSplit, CITES.unalignedTiled];
  if (!s.unitSteps) {
    const page = alignUp(s.rowBytes, a);
    return finishProgram({
      op,
      ctx,
      factory: 'SliceRmStrideProgramFactory',
      factoryReason: `${via}strided; ${s.nRows} output rows over ${split.nCores} cores`,
      groups,
      cbs: [{ index: 0, role: 'rows', nPages: 2, pageBytes: page }],
      confidence,
      ...composite,
      citations: [CITES.stride, ...citeTail],
    });
  }
  // The reader starts at the aligned address below begins[-1], so a misaligned start doubles the page alignment [1].
  const misaligned = (s.lastBegin * s.elemBytes) % srcAlign !== 0;
  const page = alignUp(s.rowBytes, misaligned ? 2 * a : a);
  // From tt-metal PR #49067 a row whose two pages exceed the L1 budget (aligned start only) is read in sub-row chunks
  // of 8 KiB (at most L1/8), two per barrier, double-buffered [7]. Asked only when the row is that wide.
  const budget = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  if (!misaligned && 2 * page > budget && atOrAfter(ctx, 'slice-rm-subrow-chunks')) {
    const chunk = alignUp(Math.min(8192, Math.floor(budget / 8)), a);
    return finishProgram({
      op,
      ctx,
      factory: 'SliceRmProgramFactory (sub-row chunks)',
      factoryReason: `${via}${s.nRows} output rows over ${split.nCores} cores; two ${page} B pages exceed ${budget} B of L1 → ${chunk} B sub-row chunks (tt-metal PR #49067)`,
      groups,
      cbs: [{ index: 0, role: 'row chunks', nPages: 4, pageBytes: chunk }],
      confidence: 'approx',
      approxReason: "chunk size and L1 budget taken from tt-metal PR #49067's description, not read from the factory",
      ...(s.viaTiles === undefined ? {} : { notes: composite.notes }),
      citations: [CITES.slice, 'tt-metal PR #49067', ...citeTail],
    });
  }
  // Rows per read: from tt-metal PR #43055 merged over the single-aligned row, as the reader is told; before, over the
  // page (whose alignment a misaligned start doubles). Asked only when the two differ.
  const mergeStride = misaligned && atOrAfter(ctx, 'slice-rm-merge-single-alignment') ? alignUp(s.rowBytes, a) : page;
  const target = alignUp(Math.max(1, split.maxUnitsPerCore), 32);
  let m = 1;
  for (let d = Math.min(target, Math.floor(4096 / Math.max(1, mergeStride))); d >= 1; d--) {
    if (target % d === 0) {
      m = d;
      break;
    }
  }
  return finishProgram({
    op,
    ctx,
    factory: 'SliceRmProgramFactory',
    factoryReason: `${via}${s.nRows} output rows over ${split.nCores} cores; ${m} rows per read${misaligned ? '; misaligned start, alignment doubled' : ''}`,
    groups,
    cbs: [{ index: 0, role: 'rows', nPages: 2 * m, pageBytes: page }],
    confidence,
    ...composite,
    citations: [CITES.slice, CITES.merge, ...citeTail],
  });
}

export function estimateSlice(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout === 'tile') return tiledSlice(op, ctx, input, output);
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded slice is not modeled');
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `no row-major element size for ${input.dtype}`);
  return rowMajorSlice(op, ctx, {
    rowBytes: output.geometry.pageBytes,
    elemBytes: elem,
    nRows: output.geometry.nPages,
    srcBufferType: input.layout.bufferType,
    dstBufferType: output.layout.bufferType,
    lastBegin: beginAt(propInts(op, 'begins') ?? [], input.logical, input.logical.length - 1),
    unitSteps: (propInts(op, 'step') ?? []).every((st) => st === 1),
    viaTiles: undefined,
  });
}
