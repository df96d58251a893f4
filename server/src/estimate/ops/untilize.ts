/**
 * L1 estimate for TILE → ROW_MAJOR conversions: `ttnn.to_layout` to row-major, `ttnn.untilize`,
 * `ttnn.untilize_with_unpadding` (all program factories, incl. the 2-D block factory with its cliff core).
 *
 * Formula (bytes per core; symbols below):
 *   dispatch: logical == padded → untilize, else untilize_with_unpadding                          [1]
 *   enoughSpaceHeight = maxL1 > (T_in + T_out) · Wt                                               [2]
 *   untilize_with_unpadding: !enoughSpaceHeight → Block; Wt > 32 ∧ (Ht > 32 ∨ Wt > Ht) ∧
 *     ncores(rowSplit) < ncores_wh → Block; else MultiCoreInterleaved (c_0 = Wt·T_in, c_16 = Wt·T_out) [3]
 *   untilize: !enoughSpaceHeight → Block; same WH test → Block; Wt > maxTilesPerCb →
 *     ParallelizeColumn (Ht_total = 1, c_0 = c_16 = 2 tiles) or SingleCore; else MultiCore with
 *     c_0 = Wt·T_in·(1 if one block per core else 2), c_16 likewise with T_out                       [4]
 *   Block (legacy era): b = block edge of split_blocks_for_tilize_wh; full/cliff_col cores c_0 = c_16 = b tiles,
 *     cliff_row/cliff_col_row cores cliff_row tiles; sub-block era: full/cliff_col use s (compute_ncores_wh_sb) [5]
 *   before tt-metal PR #17790 (≈2025-02) untilize_with_unpadding had no block factory: the interleaved one ran
 *     whatever the row width [7], except the column factory (c_0 = c_16 = Ht tiles, the Wt tile columns split over
 *     the cores) from change point `untilize-unpadding-col-factory` when Wt > Ht and from
 *     `untilize-unpadding-col-by-space` when a tile row does not fit (2·T_in·Wt ≥ free L1)              [13]
 *   codegen (from tt-metal PR #50178, change point `untilize-codegen`): ttnn::untilize of a TILE, interleaved,
 *     tile-aligned bf16 / bfp8 input (a multi-row one only if 2·Wt·2,048 ≤ 800,000) runs UntilizeCodegen: pages p =
 *     ⌈Wt / min(Wt, A)⌉ for one tile row, Wt / ncol for a 2-D split (ncol = largest divisor of Wt ≤ A / rows, when
 *     rows < A), else Wt; c_0 / c_16 = 2p / 2p tiles if 4·p·T ≤ budget, 2p / p if 3·p·T ≤ budget, p / p if
 *     2·p·T ≤ budget (T = max(T_in, T_out)), else the native factories below; budget = l1_size − base, the free L1
 *     (maxL1) from PR #53399 (`untilize-codegen-live-l1`). A bf16 input off the tile grid (ttnn.untilize itself:
 *     to_layout sends it to untilize_with_unpadding) within 2·Wt·2,048 ≤ 800,000 whatever its rows takes
 *     build_with_unpadding: p = Wt over the tile rows, same tiers, its Native tier the untilize_with_unpadding
 *     program [8]
 *   enough-space test before tt-metal PR #56280 (`untilize-native-output-tile-budget`): the output CB is sized at the
 *     input tile (bfp8: (T_in + T_in)·Wt); from it at the output dtype's                               [9]
 *   cbRegionEnd = l1UnreservedBase + Σ aligned CBs of the reported core range                    [6]
 *   block factories' core order: untilize_with_unpadding's column-major from tt-metal PR #34268 (change point
 *   `padding-block-cores-column-major`: split_blocks_for_tilize_wh's CoreRangeSet overload), row-major before it (the
 *   CoreCoord overload); UntilizeMultiCoreBlockProgramFactory's row-major at every build read [5][10][11]
 *
 * Symbols: Wt = padded W / 32, Ht = padded H / 32 (last two dims), T_in/T_out = tile bytes of input/output dtype
 *   (bfp8 input untilizes to bf16), maxL1 = (l1_size − live L1 tensors) − base (`get_max_l1_space`),
 *   maxTilesPerCb = (l1_size/2 − base) / (2·T_in), cliff_row = Wt − ⌊Wt/b⌋·b.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@010ba92 (to_layout_impl)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/data_movement/common/common.cpp (is_enough_space, get_max_l1_space)
 *   [3] tt-metal …/untilize_with_unpadding/device/untilize_with_unpadding_device_operation.cpp@040a27c (select_program_factory);
 *       …/factories/untilize_with_unpadding_multi_core_interleaved_program_factory.cpp@019b681
 *   [4] tt-metal …/untilize/device/untilize_device_operation.cpp@01656bf (select_program_factory, get_pf_type);
 *       untilize_multi_core_program_factory.cpp@005c352, untilize_single_core_program_factory.cpp@02dffd6,
 *       untilize_multi_core_parallelize_column_program_factory.cpp@04b3405
 *   [5] tt-metal …/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp@645aa76 (legacy, column-major
 *       cores) and @0cb8f4d (sub-block); work_split_tilize.hpp@02ed05c
 *   [6] tt-metal tt_metal/impl/program/program.cpp@001b6f9; ttmetal-l1-model.md §2–§3
 *   [7] tt-metal PR #17790 (split_blocks_for_tilize_wh, review 2025-02-21); issue #16804 (2025-01-16, [1,1,1,50304] OOM)
 *   [8] tt-metal …/untilize/codegen/untilize_codegen_supported.cpp@0420ab8 (supported_by_codegen),
 *       untilize_codegen_cb_plan.cpp@3804c86 (plan_cb_depths, pages_for_builder, choose_2d_ncol),
 *       untilize_codegen_program_factory.cpp@0a827b8; PR #50178; PR #53399 (live-L1 budget); checked against tt-metal PR
 *       #53319's Blackhole slice of [1, 2048, 5120] bf16 (1,310,720 B of CBs; threads-tilize.test.ts);
 *       untilize_codegen_program_factory.cpp@ef10818 (build_with_unpadding) and PR #50178's final routing table (only
 *       non-tile-aligned bfp8 falls back to native)
 *   [9] tt-metal …/untilize/untilize.cpp@04953f7 (output_single_tile_size = input_single_tile_size); PR #56280
 *       (description 2026-09-11; on main by the untilize_with_unpadding re-audit of 2026-09-23, which records its
 *       stricter bfp8 test in untilize_with_unpadding.cpp too)
 *   [10] tt-metal …/untilize/device/factories/untilize_multi_core_block_program_factory.cpp@09b4c34
 *       (split_blocks_for_tilize_wh(grid_size, …): x first; tt-metal #35738's cliff on (x=6,y=7))
 *   [11] tt-metal PR #34268 (merged 2025-12-12: untilize_with_unpadding_program_factory.cpp's block factory from
 *       split_blocks_for_tilize_wh(grid_size, …) to (available_grid, …), index id 2769190507 before, 525020219 after);
 *       tt-forge-fe's Reshape225 / Cumsum0 xfail reasons (tt-metal 7d60ca2, 2025-03-25) name the cliff (x=6,y=7)
 *   [12] printed range of the interleaved untilize_with_unpadding factory: c_0 and c_16 on split_blocks_for_tilize's
 *       all_cores, from (grid_size, …) (whole-row rectangles) to (available_grid, …) (1x1 ranges, column-major) by
 *       PR #34268 (c116a3d, untilize_with_unpadding_program_factory.cpp); a ProgramDescriptor from PR #45071
 *       (1ff24da, 2026-05-25: CBDescriptor{.core_ranges = all_cores}), its set kept unmerged (`splitBlocksForTilizeRange`)
 *   [13] tt-metal PR #17538 (1b01e8b, 2025-02-05) and PR #17752 (a4b0687, 2025-02-08):
 *       untilize_with_unpadding_program_factory.cpp untilize_with_unpadding_multi_core_col_interleaved (the same at
 *       6c77212~1), taken on Wt > Ht, then on !enough_space_height (untilize_with_unpadding.cpp@a4b0687: 2 · T_in · Wt
 *       against get_max_l1_space); the tile-row factory (c_0 = c_16 = Wt tiles) at 09349dd and the other commits of
 *       2025-01 (a686bf9: to_layout's use_multicore = true already)
 *
 *   [14] untilize of an evenly L1-sharded input: untilize_program_factory.cpp untilize_multi_core @e258476, @6c77212,
 *       @f03511d, @3a255e7 (c_0 bound to the input shard, c_16 to a sharded output, else 2 · shard-width tiles;
 *       untilize_op.cpp forces the output shard spec to the input's); from f73c77e (PR #23198, 2025-06-12) the
 *       shard-spec-identical factory (both CBs on the buffers) and the rewritten untilize_multi_core (c_0 on the shard,
 *       c_16 = shard-width tiles, doubled for 2+ tile rows), read at every commit that changes them to 622c6fb
 *       (0873f7b, 4a65c57, d98ff79, 06731f4, 404627b, 0a45ac0 — a block reader without pack_untilize, which to_layout
 *       always asks for —, 751f7ae, 1ff24da, ca71236); the block factory took a sharded input whose tile row missed
 *       the free L1 from 6c77212 (PR #17790) until 3a255e7 (PR #22735)
 *
 *   [15] interleaved untilize_with_unpadding (to_layout's, or a direct call from tt-metal PR #16555, 2025-01-10): the route,
 *       selection and factories read at every commit 2025-01-01..2026-06-23 (read span
 *       untilize-with-unpadding-interleaved-2025-2026; changePoints.ts)
 *
 *   [16] plain untilize of an interleaved input, before tt-metal PR #17790 (create_program@3949130: untilize_multi_core,
 *       no block factory, no space test): Wt > (l1_size/2 − base) / (T_in + T_out) → column (one tile row) or single
 *       core, else the multi-core factory; its c_0 and c_16 were 2·Wt tiles until PR #23198 (f73c77e, 2025-06-12: one
 *       block per core single-buffered, untilize_program_factory.cpp@f73c77e); the max-tiles divisor 2·T_in from PR
 *       #27194 (39ed86f, 2025-08-26: get_pf_type)
 *
 * Assumptions: interleaved input (sharded untilize is unmodeled but for [14]); `use_multicore = true` as to_layout passes; the
 *   codegen routing is PR #50178's as merged (approx); a rank-1 input stays on the native factories; a native
 *   ttnn.untilize off the tile grid is sized as the padded untilize (tt-metal unpads it in some builds); the
 *   block factory's higher dims ride along as `third_dim` (only the last two dims split). The reported core range is
 *   the first overflowing one in CB creation order (full, cliff_col_row, cliff_row, cliff_col), as tt-metal validates.
 * Worked example: to_layout of tensor<4x4884480xbf16> TILE→RM on WH n150 (base 102,656): Wt = 152,640, b = 2,423,
 *   cliff_row = 2,414 on core (7,6): 102,656 + 2·2,414·2,048 = 9,990,400 B; asserted in
 *   test/unit/estimate/untilize.test.ts.
 */

import {
  PAST_NEWEST_READ_TEXT,
  atOrAfter,
  type ChangePointId,
  readSpanUnreadReason,
  readSpanCite,
  windowAtOrAfter,
  windowReadableWithinReadSpan,
} from '../changePoints';
import { shardCoreCount } from '../../ttnn/layout';
import { firstTilizeSplitRange, splitBlocksForTilizeRange } from '../printedRange';
import { TILE_HW, tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  CbSpec,
  GroupSpec,
  ResolvedTensor,
  coreAt,
  computeNcoresWh,
  finishProgram,
  fmtBytes,
  gridArea,
  maxL1Space,
  splitBlocksForTilize,
  splitBlocksForTilizeWh,
  tileInfo,
} from '../common';
import type { EstimateContext, OpEstimate, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITES = {
  toLayout: 'tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@010ba92 (to_layout_impl)',
  enoughSpace: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/common/common.cpp (is_enough_space, get_max_l1_space)',
  uwuSelect:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize_with_unpadding/device/untilize_with_unpadding_device_operation.cpp@040a27c (select_program_factory)',
  uwuInterleaved:
    'tt-metal …/untilize_with_unpadding/device/factories/untilize_with_unpadding_multi_core_interleaved_program_factory.cpp@019b681',
  uwuBlockLegacy:
    'tt-metal …/untilize_with_unpadding/device/factories/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp@645aa76',
  uwuBlockSub:
    'tt-metal …/untilize_with_unpadding/device/factories/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp@0cb8f4d',
  uwuColumn:
    'tt-metal …/untilize_with_unpadding/device/untilize_with_unpadding_program_factory.cpp@1b01e8b = @6c77212~1 (untilize_with_unpadding_multi_core_col_interleaved: c_0, c_16 of Ht tiles, split_blocks_for_tilize over Wt); @1b01e8b: taken when Wt > Ht; @a4b0687: when !enough_space_height (untilize_with_unpadding.cpp: 2 · T_in · Wt against get_max_l1_space)',
  untilizeSelect:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize/device/untilize_device_operation.cpp@01656bf (select_program_factory, get_pf_type)',
  untilizeMulti: 'tt-metal …/untilize/device/factories/untilize_multi_core_program_factory.cpp@005c352',
  untilizeMultiBefore23198:
    'tt-metal …/untilize/device/untilize_program_factory.cpp@3949130, @6c77212, @3a255e7 (untilize_multi_core: num_input_tiles = num_output_tiles = ntiles_per_block · 2 for an interleaved input and output)',
  untilizeSingle: 'tt-metal …/untilize/device/factories/untilize_single_core_program_factory.cpp@02dffd6',
  untilizeColumn:
    'tt-metal …/untilize/device/factories/untilize_multi_core_parallelize_column_program_factory.cpp@04b3405',
  untilizeBlock: 'tt-metal …/untilize/device/factories/untilize_multi_core_block_program_factory.cpp@09b4c34',
  untilizeShardedIdentical:
    'tt-metal …/untilize/device/untilize_program_factory.cpp@f73c77e (untilize_multi_core_input_and_output_shard_type_and_shard_spec_identical: c_0 / c_16 on the input / output buffer), factories/untilize_multi_core_input_and_output_shard_type_and_shard_spec_identical_program_factory.cpp@0873f7b … @622c6fb (the same CBs, CBDescriptor .buffer from ca71236); untilize_device_operation.cpp@622c6fb (select_program_factory)',
  untilizeShardedGeneral:
    'tt-metal …/untilize/device/untilize_program_factory.cpp@f73c77e (untilize_multi_core: a sharded input on c_0, output_cb_num_tiles = the shard width in tiles, doubled for 2+ blocks per core), factories/untilize_multi_core_program_factory.cpp@0873f7b … @622c6fb (the same; a block reader only for uneven shards from 751f7ae, a DRAM shard from ca71236)',
  untilizeShardedBefore:
    'tt-metal …/untilize/device/untilize_program_factory.cpp@e258476 … @3a255e7 (untilize_multi_core: c_0 bound to a sharded input, c_16 to a sharded output); untilize_op.cpp@e258476, @6c77212, @f03511d, @5440d62, @3a255e7 (create_program, compute_output_specs: the output takes the input shard spec)',
  codegenSupported: 'tt-metal …/untilize/codegen/untilize_codegen_supported.cpp@0420ab8 (supported_by_codegen)',
  codegenPlan:
    'tt-metal …/untilize/codegen/untilize_codegen_cb_plan.cpp@3804c86 (plan_cb_depths, pages_for_builder, choose_2d_ncol)',
  codegenFactory:
    'tt-metal …/untilize/codegen/untilize_codegen_program_factory.cpp@0a827b8 (build_main_split, build_column_parallel, build_2d_column)',
  codegenUnpadding:
    'tt-metal …/untilize/codegen/untilize_codegen_program_factory.cpp@ef10818 (build_with_unpadding: tile-row split, Wt pages, both CBs in the input format); PR #50178 routing table (non-tile-aligned bf16 on codegen, bfp8 on native)',
  enoughSpaceOutputTile:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize/untilize.cpp@04953f7 (output_single_tile_size = input_single_tile_size); PR #56280 (is_enough_space sizes the output at the output dtype, untilize_with_unpadding.cpp likewise)',
} as const;

export type UntilizeVia = 'to_layout' | 'untilize' | 'untilize_with_unpadding';

/**
 * The read span of an interleaved untilize_with_unpadding [15]: its citation when every build of the window that can be
 * read lies inside it, else the approx reason. A direct call defaulted use_multicore to false before tt-metal PR #16555
 * (untilize_with_unpadding.hpp@a686bf9~1), which the span does not cover: whether tt-mlir's runtime passes it is not read.
 */
function unpaddingSpanBasis(
  ctx: EstimateContext,
  via: UntilizeVia,
): { readonly cite?: string; readonly approxReason?: string } {
  if (via === 'untilize_with_unpadding' && !atOrAfter(ctx, 'untilize-with-unpadding-multicore-default'))
    return {
      approxReason:
        "ttnn.untilize_with_unpadding called directly: its use_multicore defaulted to false before tt-metal PR #16555 (2025-01-10, the single-core factory); whether tt-mlir's runtime passes it is not read, the multi-core figure is given",
    };
  return windowReadableWithinReadSpan(ctx, 'untilize-with-unpadding-interleaved-2025-2026')
    ? { cite: readSpanCite('untilize-with-unpadding-interleaved-2025-2026') }
    : {
        approxReason: readSpanUnreadReason(
          'the untilize_with_unpadding route and factories were',
          'untilize-with-unpadding-interleaved-2025-2026',
          'before',
        ),
      };
}

/**
 * The one group of the interleaved untilize_with_unpadding factories (tile-row and column): c_0 and c_16 on
 * split_blocks_for_tilize's all_cores, printed as that set [3][12].
 */
function splitBlocksGroup(ctx: EstimateContext, nCores: number): GroupSpec {
  return {
    name: 'all',
    nCores,
    firstCore: [0, 0],
    ...(nCores > 1 && {
      printedRange: splitBlocksForTilizeRange(
        ctx.ttMetal.window,
        nCores,
        ctx.device.workerGrid,
        'padding-block-cores-column-major',
        'untilize-program-descriptors',
      ),
    }),
  };
}

/** Tile dims of the block split: last two padded dims only. */
function lastTwoTiles(input: ResolvedTensor): { wt: number; ht: number; rows: number } {
  const p = input.padded;
  const w = p[p.length - 1];
  const h = p.length >= 2 ? p[p.length - 2] : 32;
  let vol = 1;
  for (const d of p) vol *= d;
  return { wt: w / 32, ht: h / 32, rows: w === 0 ? 0 : vol / w / 32 };
}

/**
 * Block factory (2-D split with cliffs) CBs. Shared by untilize, untilize_with_unpadding and (with different
 * page sizes and an optional staging CB) tilize / tilize_with_val_padding.
 */
export function blockFactoryProgram(args: {
  readonly op: TtnnOp;
  readonly ctx: EstimateContext;
  readonly factory: string;
  readonly factoryReason: string;
  readonly wt: number;
  readonly ht: number;
  readonly tileIn: number;
  readonly tileOut: number;
  /** Per-tile staging bytes + fixed bytes of tilize's `c_1` (sub-block era tilize only). */
  readonly staging?: { readonly perTile: number; readonly fixed: number };
  /** Sub-block L1 limit in tiles (sub-block era), else undefined. */
  readonly limit: number | undefined;
  readonly citations: readonly string[];
  readonly tiles: ReturnType<typeof tileInfo>;
  /** How split_blocks_for_tilize_wh hands out cores: its CoreCoord overload steps x first (row-major), its CoreRangeSet
   *  overload walks corerange_to_cores (column-major). The change point from which the factory calls the CoreRangeSet
   *  overload (row-major before it), or undefined for a factory on the CoreCoord one at every build
   *  (UntilizeMultiCoreBlockProgramFactory). */
  readonly columnMajorFrom: ChangePointId | undefined;
  /** The change point from which the factory builds a ProgramDescriptor, whose CBs keep their 1x1 ranges unmerged. */
  readonly descriptorsFrom: ChangePointId;
  /** Why the figure is approx (the window reaches builds its read span does not hold), if it is. */
  readonly approxReason?: string;
}): OpEstimateResult {
  const { op, ctx } = args;
  const area = gridArea(ctx);
  const split = splitBlocksForTilizeWh(area, args.wt, args.ht, args.limit);
  if (typeof split === 'string') return unmodeled(op.name, split);
  const grid = ctx.device.workerGrid;
  // Only the core the message names changes with the order, no figure: the window's newest build answers, as for the
  // message's core-range style, rather than splitting the window.
  const coreOrder: 'col' | 'row' =
    args.columnMajorFrom !== undefined && windowAtOrAfter(ctx.ttMetal.window, args.columnMajorFrom) ? 'col' : 'row';
  // Each group's CBs sit on its set of 1x1 CoreRanges, merged by add_circular_buffer from change point
  // `cb-core-ranges-merged` until the factory builds a ProgramDescriptor (`descriptorsFrom`). A group on the first n
  // cores of the order (the full group when the split has one block row or no cliff_row) merges as that prefix of the
  // order does: tt-xla #3389's 63 full column-major cores print (0,0)-(7,6). Other multi-core groups (cores interleaved
  // with cliff_row ones) name their first core (their merge not modeled).
  const merged =
    windowAtOrAfter(ctx.ttMetal.window, 'cb-core-ranges-merged') &&
    !windowAtOrAfter(ctx.ttMetal.window, args.descriptorsFrom);
  const group = (name: string, cores: readonly number[]): GroupSpec => ({
    name,
    nCores: cores.length,
    firstCore: coreAt(cores[0] ?? 0, grid, coreOrder),
    ...(merged &&
      cores.length > 1 &&
      cores[0] === 0 &&
      cores[cores.length - 1] === cores.length - 1 && {
        printedRange: firstTilizeSplitRange(cores.length, grid, coreOrder, true),
      }),
  });
  const groups = [
    group('full', split.full),
    group('cliff_col_row', split.cliffColRowCores),
    group('cliff_row', split.cliffRowCores),
    group('cliff_col', split.cliffColCores),
  ];
  const fullWidth = split.usedSubBlocks ? split.subBlockSize : split.blockSize;
  const widthOf: Record<string, number> = {
    full: fullWidth,
    cliff_col_row: split.cliffRow,
    cliff_row: split.cliffRow,
    cliff_col: fullWidth,
  };
  const cbs: CbSpec[] = [];
  for (const g of groups) {
    const k = widthOf[g.name];
    if (args.staging !== undefined)
      cbs.push({
        index: 1,
        role: 'staging',
        nPages: 1,
        pageBytes: args.staging.perTile * k + args.staging.fixed,
        groups: [g.name],
      });
    cbs.push({ index: 0, role: 'input', nPages: k, pageBytes: args.tileIn, groups: [g.name] });
    cbs.push({ index: 16, role: 'output', nPages: k, pageBytes: args.tileOut, groups: [g.name] });
  }
  const splitNote = split.usedSubBlocks
    ? `block ${split.blockSize} tiles split into sub-blocks of ${split.subBlockSize} (limit ${args.limit} tiles), cliff_row ${split.cliffRow}`
    : `block ${split.blockSize} tiles, ${split.fullCoresPerRow} full blocks per row, cliff_row ${split.cliffRow}, cliff_col ${split.cliffCol}`;
  return finishProgram({
    op,
    ctx,
    factory: args.factory,
    factoryReason: `${args.factoryReason}; split_blocks_for_tilize_wh: ${splitNote}; ${split.nCores} cores (${coreOrder === 'col' ? 'column' : 'row'}-major)`,
    groups,
    cbs,
    confidence: args.approxReason === undefined ? 'exact' : 'approx',
    approxReason: args.approxReason ?? '',
    citations: [...args.citations, CITE.workSplitTilize, CITE.coreOrder],
    tiles: args.tiles,
    notes: [
      `groups: full ${split.full.length}, cliff_col_row ${split.cliffColRowCores.length}, cliff_row ${split.cliffRowCores.length}, cliff_col ${split.cliffColCores.length}`,
    ],
  });
}

/**
 * An untilize of an evenly L1-sharded TILE input with no padding change [14]. c_0 is the input shard itself (tensor-backed)
 * on every build read. Into an L1 shard of the same memory layout and shard shape (in elements), c_16 is the output
 * shard too: 0 B of CBs (untilize_multi_core before change point `untilize-full-sharding`, PR #23198, the
 * shard-spec-identical factory after). Into an interleaved result (L1 or DRAM), c_16 holds shard-width tile rows of
 * the output dtype: two before `untilize-full-sharding`, from it one when the shard is one tile row high, else two;
 * into another shard spec, the same from that change point (before it, the output was forced to the input's spec: not
 * modeled). Between PR #17790 and `untilize-sharded-skips-block` (PR #22735) a tile row too wide for the free L1
 * sent even a sharded input to the interleaved block factory: not modeled. Undefined (the caller says unmodeled) for
 * whatever is not modeled: a DRAM input, uneven shards, a padding change.
 */
function shardedInputUntilize(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  via: UntilizeVia,
): OpEstimateResult | undefined {
  const inL = input.layout;
  const outL = output.layout;
  if (via === 'untilize_with_unpadding' || input.logical.some((d, i) => d !== input.padded[i])) return undefined;
  if (inL.bufferType !== 'l1' || outL.pageLayout !== 'row_major' || inL.shardShape.length !== 2) return undefined;
  const [shardTilesH, shardTilesW] = inL.shardShape;
  const { wt, rows: tileRows } = lastTwoTiles(input);
  // validate (untilize_op.cpp@3a255e7 on): even input shards only; the same test keeps this model to them throughout.
  if (shardTilesH <= 0 || shardTilesW <= 0 || tileRows % shardTilesH !== 0 || wt % shardTilesW !== 0) return undefined;
  const outSharded = outL.memoryLayout !== 'interleaved';
  const identical =
    outSharded &&
    outL.bufferType === 'l1' &&
    inL.memoryLayout === outL.memoryLayout &&
    outL.shardShape.length === 2 &&
    outL.shardShape[0] === shardTilesH * TILE_HW &&
    outL.shardShape[1] === shardTilesW * TILE_HW &&
    inL.gridShape[0] === outL.gridShape[0] &&
    inL.gridShape[1] === outL.gridShape[1] &&
    JSON.stringify(inL.coreRanges ?? []) === JSON.stringify(outL.coreRanges ?? []);
  const fullSharding = atOrAfter(ctx, 'untilize-full-sharding');
  if (outSharded && !identical && !fullSharding) return undefined;
  const tileIn = tileBytes(input.dtype);
  const tileOut = tileBytes(output.dtype === 'bfp_bf8' || output.dtype === 'bfp_bf4' ? 'bf16' : output.dtype);
  if (atOrAfter(ctx, 'tilize-untilize-padding-block-factory') && !atOrAfter(ctx, 'untilize-sharded-skips-block')) {
    // is_enough_space (untilize.cpp@6c77212: the output CB sized at the input tile) over the whole tile row.
    if (!(maxL1Space(ctx) > 2 * tileIn * wt)) return undefined;
  }
  const nCores = shardCoreCount(inL);
  const pages = shardTilesH * shardTilesW;
  const outputRows = identical ? shardTilesH : !fullSharding || shardTilesH > 1 ? 2 : 1;
  const factory = !fullSharding
    ? 'UntilizeMultiCoreProgramFactory'
    : identical
      ? 'UntilizeMultiCoreInputAndOutputShardTypeAndShardSpecIdenticalProgramFactory'
      : 'UntilizeMultiCoreProgramFactory';
  const target = identical
    ? 'an L1 result of the same shard spec: c_0 and c_16 are the shards themselves'
    : `a ${outSharded ? `${outL.memoryLayout ?? ''} result of another shard spec` : `${outL.bufferType} interleaved result`}: c_0 is the input shard, c_16 ${outputRows} row${outputRows === 1 ? '' : 's'} of ${shardTilesW} output tiles${fullSharding ? (shardTilesH > 1 ? ' (a shard of several tile rows: double-buffered)' : ' (a one-tile-row shard: single-buffered)') : ' (always double-buffered before tt-metal PR #23198)'}`;
  return finishProgram({
    op,
    ctx,
    factory,
    factoryReason: `${via === 'to_layout' ? 'to_layout: no padding change → untilize; ' : ''}L1 ${inL.memoryLayout ?? ''} input (${shardTilesH}x${shardTilesW}-tile shards on ${nCores} cores) into ${target}`,
    groups: [{ name: 'shards', nCores, firstCore: firstShardCore(input) }],
    cbs: [
      { index: 0, role: 'input shard', nPages: pages, pageBytes: tileIn, tensorBacked: true },
      identical
        ? { index: 16, role: 'output shard', nPages: pages, pageBytes: tileOut, tensorBacked: true }
        : { index: 16, role: 'untilized rows', nPages: outputRows * shardTilesW, pageBytes: tileOut },
    ],
    // Builds after the newest read: the registry's one reason (withinReadBuilds).
    confidence: 'exact',
    citations: [
      CITES.toLayout,
      !fullSharding
        ? CITES.untilizeShardedBefore
        : identical
          ? CITES.untilizeShardedIdentical
          : CITES.untilizeShardedGeneral,
    ],
  });
}

function firstShardCore(t: ResolvedTensor): readonly [number, number] {
  const start = t.layout.coreRanges?.[0]?.start;
  return start === undefined ? [0, 0] : [start.x, start.y];
}

/** `ttnn.to_layout` / `ttnn.untilize[_with_unpadding]` from a TILE tensor to ROW_MAJOR. */
export function estimateUntilize(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor | undefined,
  via: UntilizeVia,
): OpEstimateResult {
  if (input.layout.memoryLayout !== 'interleaved') {
    const sharded = output === undefined ? undefined : shardedInputUntilize(op, ctx, input, output, via);
    if (sharded !== undefined) return sharded;
    return unmodeled(
      op.name,
      `untilize of a ${input.layout.memoryLayout ?? 'host'} input is not modeled (sharded untilize factories; modeled: an even L1-sharded input with no padding change)`,
    );
  }
  if (
    output !== undefined &&
    output.layout.memoryLayout !== 'interleaved' &&
    output.layout.bufferType !== 'system_memory'
  ) {
    return unmodeled(op.name, `untilize to a ${output.layout.memoryLayout} output is not modeled`);
  }
  const { wt, ht, rows } = lastTwoTiles(input);
  const tileIn = tileBytes(input.dtype);
  const outDtype = output?.dtype ?? (input.dtype === 'bfp_bf8' ? 'bf16' : input.dtype);
  const tileOut = tileBytes(outDtype === 'bfp_bf8' || outDtype === 'bfp_bf4' ? 'bf16' : outDtype);
  const tiles = tileInfo(input, tileOut);
  const maxL1 = maxL1Space(ctx);
  const needsUnpadding =
    via === 'untilize_with_unpadding' || (via === 'to_layout' && input.logical.some((d, i) => d !== input.padded[i]));
  // is_enough_space sized the output CB at the input's tile until tt-metal PR #56280 (a bfp8 input untilizes to bf16:
  // 1,088 + 1,088 B per tile column before it, 1,088 + 2,048 after). Asked only for a block-float input, the one case
  // where the two differ, so other untilizes do not straddle the change point.
  const outputTileInTest =
    tileOut !== tileIn && !atOrAfter(ctx, 'untilize-native-output-tile-budget') ? tileIn : tileOut;
  const enoughSpaceHeight = maxL1 > (tileIn + outputTileInTest) * wt;
  const area = gridArea(ctx);
  const rowSplit = splitBlocksForTilize(area, rows);
  const wideTest = wt > 32 && (ht > 32 || wt > ht);
  const whCores = wideTest ? computeNcoresWh(area, wt * ht, wt, ht).nCores : 0;
  // Asked only on the block path: the other factories did not change at PR #35806.
  const subBlock = (): boolean => atOrAfter(ctx, 'tilize-untilize-sub-block');
  const limit = (): number | undefined => (subBlock() ? Math.floor(maxL1 / (tileIn + tileOut)) : undefined);
  const dispatch =
    via === 'to_layout'
      ? `to_layout: ${needsUnpadding ? `logical ${input.logical.join('x')} ≠ padded ${input.padded.join('x')} → untilize_with_unpadding` : 'no padding change → untilize'}; `
      : '';
  const spaceText = `(T_in + T_out)·Wt = ${fmtBytes((tileIn + outputTileInTest) * wt)}${outputTileInTest !== tileOut ? ' (output sized at the input tile before tt-metal PR #56280)' : ''} vs free L1 ${fmtBytes(maxL1)}`;
  const baseCites = [
    ...(via === 'to_layout' ? [CITES.toLayout, CITES.enoughSpace] : [CITES.enoughSpace]),
    ...(tileOut !== tileIn ? [CITES.enoughSpaceOutputTile] : []),
  ];
  // Both untilize families take the 2-D block factory on the same test ([3], [4]): its reason, or undefined.
  const blockWhy = !enoughSpaceHeight
    ? `${dispatch}a tile row does not fit (${spaceText}) → block factory`
    : wideTest && rowSplit.nCores < whCores
      ? `${dispatch}Wt = ${wt} > 32 and the row split uses ${rowSplit.nCores} < ${whCores} cores of the 2-D split → block factory`
      : undefined;

  // ttnn::untilize tries the codegen op first (a plain untilize: to_layout sends a padding change straight to
  // untilize_with_unpadding). A bf16 input off the tile grid whose codegen plans all miss the budget falls back to the
  // native unpadding program (build_native_equivalent before tt-metal PR #56280, untilize_native from it).
  const untilizeSel = [...baseCites, CITES.untilizeSelect];
  const codegen = needsUnpadding
    ? undefined
    : codegenUntilize({ op, ctx, input, wt, rows, tileIn, tileOut, tiles, dispatch, citations: untilizeSel });
  if (codegen !== undefined && codegen !== 'native unpadding') return codegen;
  const fallbackNote =
    codegen === 'native unpadding' ? 'no codegen CB plan fits → native untilize_with_unpadding; ' : '';

  if (needsUnpadding || codegen === 'native unpadding') {
    const sel = [...baseCites, CITES.uwuSelect];
    // Before tt-metal PR #17790 there was no block factory: the tile-row factory ran with Wt-tile CBs and threw.
    if (blockWhy !== undefined && atOrAfter(ctx, 'tilize-untilize-padding-block-factory')) {
      const basis = unpaddingSpanBasis(ctx, via);
      return blockFactoryProgram({
        op,
        ctx,
        factory: 'UntilizeWithUnpaddingMultiCoreBlockInterleavedProgramFactory',
        factoryReason: `${fallbackNote}${blockWhy}`,
        columnMajorFrom: 'padding-block-cores-column-major',
        descriptorsFrom: 'untilize-program-descriptors',
        wt,
        ht,
        tileIn,
        tileOut,
        limit: limit(),
        citations: [
          ...sel,
          subBlock() ? CITES.uwuBlockSub : CITES.uwuBlockLegacy,
          ...(basis.cite === undefined ? [] : [basis.cite]),
        ],
        approxReason: basis.approxReason,
        tiles,
      });
    }
    // Before PR #17790 [13]: from PR #17538 the column factory (Ht-tile CBs, the Wt tile columns split over the
    // cores) when Wt > Ht, from PR #17752 when a tile row does not fit; else the tile-row factory below, whatever
    // blockWhy says (it had no other).
    // Asked only when the column factory can run (Wt > Ht, or a row that does not fit), so other untilizes do not
    // straddle these change points.
    const column =
      (wt > ht || !enoughSpaceHeight) &&
      !atOrAfter(ctx, 'tilize-untilize-padding-block-factory') &&
      (atOrAfter(ctx, 'untilize-unpadding-col-by-space')
        ? !enoughSpaceHeight
        : atOrAfter(ctx, 'untilize-unpadding-col-factory') && wt > ht);
    if (column) {
      const colSplit = splitBlocksForTilize(area, wt);
      const basis = unpaddingSpanBasis(ctx, via);
      return finishProgram({
        op,
        ctx,
        factory: 'untilize_with_unpadding_multi_core_col_interleaved',
        factoryReason: `${fallbackNote}${dispatch}${atOrAfter(ctx, 'untilize-unpadding-col-by-space') ? `a tile row does not fit (${spaceText})` : `Wt = ${wt} > Ht = ${ht}`} → the column factory (tt-metal PR #17538); ${wt} tile columns over ${colSplit.nCores} cores (${colSplit.blocksPerCore} per core)`,
        // c_0 and c_16 on split_blocks_for_tilize's all_cores, as the tile-row factory's [12].
        groups: [splitBlocksGroup(ctx, colSplit.nCores)],
        cbs: [
          { index: 0, role: 'input column', nPages: ht, pageBytes: tileIn },
          { index: 16, role: 'output column', nPages: ht, pageBytes: tileOut },
        ],
        confidence: basis.approxReason === undefined ? 'exact' : 'approx',
        approxReason: basis.approxReason ?? '',
        citations: [...sel, CITES.uwuColumn, CITE.workSplitTilize, ...(basis.cite === undefined ? [] : [basis.cite])],
        tiles,
      });
    }
    // A direct ttnn.untilize_with_unpadding call defaulted to the single-core factory before tt-metal PR #16555 (change
    // point untilize-with-unpadding-multicore-default): unpaddingSpanBasis makes it approx; to_layout passes true.
    const basis = unpaddingSpanBasis(ctx, via);
    return finishProgram({
      op,
      ctx,
      factory: 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory',
      factoryReason: `${fallbackNote}${dispatch}${blockWhy === undefined ? `a tile row fits (${spaceText})` : `no block factory before tt-metal PR #17790 (${spaceText})`}; ${rows} tile rows over ${rowSplit.nCores} cores (${rowSplit.blocksPerCore} per core)`,
      // c_0 and c_16 on split_blocks_for_tilize's all_cores [3][12].
      groups: [splitBlocksGroup(ctx, rowSplit.nCores)],
      cbs: [
        { index: 0, role: 'input', nPages: wt, pageBytes: tileIn },
        { index: 16, role: 'output', nPages: wt, pageBytes: tileOut },
      ],
      confidence: basis.approxReason === undefined ? 'exact' : 'approx',
      approxReason: basis.approxReason ?? '',
      citations: [
        ...sel,
        CITES.uwuInterleaved,
        CITE.workSplitTilize,
        ...(basis.cite === undefined ? [] : [basis.cite]),
      ],
      tiles,
    });
  }

  // Plain untilize, native. Before tt-metal PR #17790 it had no block factory (untilize_op.cpp@3949130 create_program:
  // untilize_multi_core or single core) [16]: a row that does not fit takes the tests below.
  const sel = untilizeSel;
  if (blockWhy !== undefined && atOrAfter(ctx, 'tilize-untilize-padding-block-factory')) {
    return blockFactoryProgram({
      op,
      ctx,
      factory: 'UntilizeMultiCoreBlockProgramFactory',
      factoryReason: blockWhy,
      // split_blocks_for_tilize_wh(grid_size, ...) at every build read (through 2026-06): the CoreCoord overload, cores
      // row-major (tt-metal #35738's cliff on (x=6,y=7), the 63rd core).
      columnMajorFrom: undefined,
      // A ProgramDescriptor from tt-metal PR #43840 (4b30829), not PR #45071 (untilize_multi_core_block_program_factory.cpp
      // @1ff24da still calls create_cb).
      descriptorsFrom: 'tilize-program-descriptors',
      wt,
      ht,
      tileIn,
      tileOut,
      limit: limit(),
      citations: [...sel, CITES.untilizeBlock],
      tiles,
    });
  }
  // [16] (l1_size/2 − base) / (T_in + T_out) until tt-metal PR #27194's get_pf_type, / (2·T_in) from it (asked only when
  // the two tiles differ).
  const maxTilesPerCb = Math.floor(
    (Math.floor(ctx.device.l1SizeBytes / 2) - ctx.device.l1UnreservedBase) /
      (tileOut !== tileIn && !atOrAfter(ctx, 'untilize-max-tiles-input-tile') ? tileIn + tileOut : 2 * tileIn),
  );
  if (wt > maxTilesPerCb) {
    if (rows === 1) {
      return finishProgram({
        op,
        ctx,
        factory: 'UntilizeMultiCoreParallelizeColumnProgramFactory',
        factoryReason: `${dispatch}Wt = ${wt} > max tiles per CB ${maxTilesPerCb} and a single tile row → column-parallel, one tile per block`,
        groups: [{ name: 'all', nCores: Math.min(area, wt), firstCore: [0, 0] }],
        cbs: [
          { index: 0, role: 'input', nPages: 2, pageBytes: tileIn },
          { index: 16, role: 'output', nPages: 2, pageBytes: tileOut },
        ],
        confidence: 'approx',
        approxReason: 'core count of the column split not traced (CB sizes are exact)',
        citations: [...sel, CITES.untilizeColumn],
        tiles,
      });
    }
    const maxL1Single = Math.floor(ctx.device.l1SizeBytes / 2) - ctx.device.l1UnreservedBase;
    const maxTiles = Math.floor(maxL1Single / (tileIn + tileOut));
    const perBlock = largestDivisorAtMost(wt, maxTiles);
    return finishProgram({
      op,
      ctx,
      factory: 'UntilizeSingleCoreProgramFactory',
      factoryReason: `${dispatch}Wt = ${wt} > max tiles per CB ${maxTilesPerCb} → single core; ${perBlock} tiles per block (largest divisor of Wt ≤ ${maxTiles})`,
      groups: [{ name: 'single', nCores: 1, firstCore: [0, 0] }],
      cbs: [
        { index: 0, role: 'input', nPages: perBlock, pageBytes: tileIn },
        { index: 16, role: 'output', nPages: perBlock, pageBytes: tileOut },
      ],
      confidence: 'exact',
      citations: [...sel, CITES.untilizeSingle],
      tiles,
    });
  }
  // [16] One block per core is single-buffered from tt-metal PR #23198 (asked only then); before, 2·Wt tiles each.
  const buffering =
    rowSplit.blocksPerCore === 1 && atOrAfter(ctx, 'untilize-interleaved-single-block-single-buffer') ? 1 : 2;
  return finishProgram({
    op,
    ctx,
    factory: 'UntilizeMultiCoreProgramFactory',
    factoryReason: `${dispatch}${rows} tile rows over ${rowSplit.nCores} cores (${rowSplit.blocksPerCore} per core → ${buffering === 1 ? 'single' : 'double'}-buffered Wt = ${wt} tiles)`,
    groups: [{ name: 'all', nCores: rowSplit.nCores, firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'input', nPages: wt * buffering, pageBytes: tileIn },
      { index: 16, role: 'output', nPages: wt * buffering, pageBytes: tileOut },
    ],
    confidence: 'exact',
    citations: [
      ...sel,
      CITES.untilizeMulti,
      ...(buffering === 2 && rowSplit.blocksPerCore === 1 ? [CITES.untilizeMultiBefore23198] : []),
      CITE.workSplitTilize,
    ],
    tiles,
  });
}

/**
 * `ttnn::untilize` through UntilizeCodegenDeviceOperation (tt-metal PR #50178) [8]: the program for an input in its scope
 * on a build that has it, or undefined when tt-metal runs the native factories (out of scope, an older build, or no CB
 * plan fits the budget: its Native tier), 'native unpadding' when that Native tier is for an input off the tile grid
 * (the native untilize_with_unpadding program).
 */
function codegenUntilize(a: {
  readonly op: TtnnOp;
  readonly ctx: EstimateContext;
  readonly input: ResolvedTensor;
  readonly wt: number;
  readonly rows: number;
  readonly tileIn: number;
  readonly tileOut: number;
  readonly tiles: ReturnType<typeof tileInfo>;
  readonly dispatch: string;
  readonly citations: readonly string[];
}): OpEstimate | 'native unpadding' | undefined {
  const { ctx, input, wt, rows } = a;
  const logical = input.logical;
  // supported_by_codegen: bf16 / bfp8 TILE, interleaved input and output (checked by the caller); a rank-1 tensor is left
  // to the native factories here (its [-2] is not a dim). A tile-aligned input with several tile rows must be no wider
  // than the two-CB guard (2·Wt·2,048 ≤ 800,000); a non-tile-aligned one must be bf16 and within the same guard
  // whatever its rows (build_with_unpadding has no column split), as PR #50178 merged it [8].
  if (input.dtype !== 'bf16' && input.dtype !== 'bfp_bf8') return undefined;
  if (logical.length < 2) return undefined;
  const tileAligned = logical[logical.length - 1]! % 32 === 0 && logical[logical.length - 2]! % 32 === 0;
  if (!tileAligned && input.dtype !== 'bf16') return undefined;
  if ((rows > 1 || !tileAligned) && 2 * wt * tileBytes('bf16') > CODEGEN_WIDE_GUARD_BYTES) return undefined;
  // Asked only in scope, so an input the codegen factory never takes does not straddle its change point.
  if (!atOrAfter(ctx, 'untilize-codegen')) return undefined;
  const area = gridArea(ctx);
  // pages_for_builder: a non-tile-aligned input takes build_with_unpadding, whole padded rows over the tile rows; one
  // tile row splits its columns; several rows take a 2-D split when the rows alone leave cores idle and a divisor of Wt
  // fills them; else whole rows.
  let pages = wt;
  let units = rows;
  let split = `${rows} tile rows`;
  if (!tileAligned) {
    split = `${rows} tile rows of ${wt} padded tiles (build_with_unpadding)`;
  } else if (rows === 1 && wt > 1) {
    pages = Math.ceil(wt / Math.min(wt, area));
    units = wt;
    split = `one tile row, ${wt} tile columns`;
  } else if (wt > 1) {
    const ncol = choose2dNcol(rows, wt, area);
    if (ncol >= 2) {
      pages = wt / ncol;
      units = rows * ncol;
      split = `${rows} tile rows x ${ncol} column blocks`;
    }
  }
  const liveBudget = atOrAfter(ctx, 'untilize-codegen-live-l1');
  const usable = liveBudget ? maxL1Space(ctx) : ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  // plan_cb_depths sizes every CB page at the larger of the two tile sizes.
  const plan = Math.max(a.tileIn, a.tileOut) * pages;
  const depths: readonly [number, number] | undefined =
    4 * plan <= usable ? [2, 2] : 3 * plan <= usable ? [2, 1] : 2 * plan <= usable ? [1, 1] : undefined;
  if (depths === undefined) return tileAligned ? undefined : 'native unpadding';
  const tier = depths[1] === 2 ? 'DoubleBoth' : depths[0] === 2 ? 'DoubleIn' : 'SingleBoth';
  const nCores = Math.min(units, area);
  return finishProgram({
    op: a.op,
    ctx,
    factory: 'UntilizeCodegenProgramFactory',
    factoryReason: `${a.dispatch}codegen untilize (bf16/bfp8, interleaved, ${tileAligned ? 'tile-aligned' : 'bf16 off the tile grid'}): ${split} over ${nCores} cores, ${pages} tiles per unit; plan ${tier} (${fmtBytes(4 * plan)} for both double-buffered vs a budget of ${fmtBytes(usable)}, ${liveBudget ? 'the free L1' : 'the whole range above the base'})`,
    groups: [{ name: 'all', nCores, firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'input', nPages: depths[0] * pages, pageBytes: a.tileIn },
      { index: 16, role: 'output', nPages: depths[1] * pages, pageBytes: a.tileOut },
    ],
    confidence: 'approx',
    approxReason: `${PAST_NEWEST_READ_TEXT}: routing as PR #50178's merged routing table states it (stored supported_by_codegen versions are undated; later ones also decline off-default tiles, use_multicore = false and sub_core_grids, which the IR does not carry here)`,
    citations: [
      ...a.citations,
      CITES.codegenSupported,
      CITES.codegenPlan,
      tileAligned ? CITES.codegenFactory : CITES.codegenUnpadding,
    ],
    tiles: a.tiles,
  });
}

/** supported_by_codegen's wide-tensor guard (kWideChunkThreshold), bytes of two double-buffered rows of bf16 tiles. */
const CODEGEN_WIDE_GUARD_BYTES = 800_000;

/** `choose_2d_ncol`: the largest divisor d ≥ 2 of Wt with rows·d ≤ cores, or 1 (rows alone fill the grid, or none). */
export function choose2dNcol(rows: number, wt: number, cores: number): number {
  if (rows >= cores || wt < 2) return 1;
  const maxNcol = Math.min(Math.floor(cores / rows), wt);
  let best = 1;
  for (let d = 2; d <= maxNcol; d++) if (wt % d === 0) best = d;
  return best;
}

/** Largest divisor of n that is ≤ cap (≥ 1). */
export function largestDivisorAtMost(n: number, cap: number): number {
  if (n <= cap) return n;
  for (let d = Math.max(1, Math.min(cap, n)); d >= 1; d--) if (n % d === 0) return d;
  return 1;
}
