/**
 * L1 estimate for ROW_MAJOR → TILE conversions: `ttnn.to_layout` to tile, `ttnn.tilize`,
 * `ttnn.tilize_with_val_padding` (interleaved and 2-D block factories).
 *
 * Formula (bytes per core):
 *   dispatch: logical == padded → tilize, else tilize_with_val_padding                              [1]
 *   enoughSpaceHeight = maxL1 > (T_in + T_out) · Wt                                                  [2]
 *   !enoughSpaceHeight, or Wt > 32 ∧ (Ht > 32 ∨ Wt > Ht) ∧ rowSplit cores < WH-split cores → Block    [3]
 *   Interleaved: c_0 = Wt·T_in, c_16 = Wt·T_out on every core of split_blocks_for_tilize(rows)       [4][9]
 *   tilize_with_val_padding before tt-metal PR #17790 (≈2025-02): always Interleaved (no block factory)  [5]
 *   Block, legacy era: per group c_0 = k·T_in, c_16 = k·T_out, k = b (full, cliff_col) or cliff_row    [5]
 *   Block, sub-block era (PR #35806): limit = maxL1 / (T_in + T_out); k = s or cliff_row             [5]
 *     from tt-metal PR #44307: plus staging c_1 = (T_in/32)·k + 2·dramAlign (the limit unchanged)       [5][7]
 *     from tt-metal PR #50551: limit = (maxL1 − 2·dramAlign) / (T_in + T_out + T_in/32)                [5][7]
 *   tilize_with_val_padding, PR #16633 until PR #17790: a row that does not fit → single-core [10]       [14]
 *
 * Symbols: T_in = tile bytes of the row-major input dtype (f32 4,096, bf16 2,048), T_out = tile bytes of the output
 *   dtype, Wt/Ht = padded last/second-last dim / 32, maxL1 = (l1_size − live L1) − base.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@010ba92
 *   [2] tt-metal ttnn/cpp/ttnn/operations/data_movement/common/common.cpp (is_enough_space)
 *   [3] tt-metal …/tilize/device/tilize_device_operation.cpp@00d0824 (select_program_factory)
 *   [4] tt-metal …/tilize/device/tilize_multi_core_interleaved_program_factory.cpp@0425c5c
 *   [5] tt-metal …/tilize_with_val_padding/device/factories/tilize_with_val_padding_multi_core_block_interleaved_program_factory.cpp@01656bf;
 *       work_split_tilize.hpp@02ed05c; tt-metal issue #38364
 *   [7] tt-metal PR #44307 (54b521d, 2026-06-01): both block factories allocate c_1 staging
 *       (tilize_multi_core_block_program_factory.cpp@54b521d, @622c6fb: temp_cb_size = T_in/32 · k + 2·dram_alignment)
 *       without budgeting it (cb_block_size_limit = max_l1 / (in + out)); PR #50551 / issue #50748 (2026-07-21) folds
 *       it into cb_block_size_limit.
 *   [6] tt-metal issue #45331 (2026-05-27), PR #47384 (2026-06-17), issue #47735 (2026-06-22): DRAM-sharded input;
 *       issue #45543 (2026-05-29): an L1 width-sharded input gets the same whole-row CBs. The default factory
 *       (tilize_multi_core_default_program_factory.cpp@050f24f, @cf8e2a8) makes c_0 and c_16 of one tile row each
 *       (ntiles_per_block = ⌈logical width / 32⌉) and no other CB: the threads' figures are base + Wt·(T_in + T_out)
 *       exactly with their builds' bases (103,776 B 2026-05-16..29, 104,224 B from 2026-06-12; analysis/l1BaseHistory.ts)
 *   [8] core order and printed range: tt-metal PR #33365 (2025-12-02, tilize) and PR #34268 (2025-12-12,
 *       tilize_with_val_padding) call split_blocks_for_tilize[_wh]'s CoreRangeSet overloads (column-major 1x1 ranges;
 *       the CoreCoord overloads before: row-major, whole-row rectangles); PR #43840 (2026-05-26) builds the factories as
 *       ProgramDescriptors, whose CBs keep their CoreRangeSet unmerged (program.cpp, circular_buffer.cpp); tt-metal
 *       #45331 [0-0 - 7-7], #45543 and #47735 [0-0 - 0-0]
 *
 *   [9] tilize_with_val_padding's multi-core interleaved factory, read at every CB-touching change on main from
 *       2025-01-02 to 2026-06-23 (tilize_with_val_padding_program_factory.cpp@ca4e4ab, @6c77212, @9102752; the
 *       factories/ files from @22dc48a, multi_core_default from @a7efdee, @1c444da, @4b30829, @622c6fb): c_0 and
 *       c_16 of Wt tiles each, like tilize's, in every build. A direct call's use_multicore defaults to true from
 *       change point 'tilize-with-val-padding-multicore-default' (PR #16252); before, the single-core factory [10]
 *       (an IR op keeps the multi-core figure, 'approx': tt-mlir's runtime flag is not read)
 *   [10] tilize_with_val_padding_single_core (tilize_with_val_padding_program_factory.cpp@d9304dd, main of 2025-01-01,
 *       its CB lines unchanged since f2f17c4): num_tiles_per_block = Wt when Wt ≤ max_tiles, else the largest divisor
 *       of Wt ≤ max_tiles, max_tiles = ⌊⌊(l1_size/2 − base − 32) / (elem·64 + elem)⌋ / 32⌋ (elem: the input's);
 *       c_0 = num_tiles_per_block input tiles, c_16 = as many output tiles, on CoreRange (0,0)-(0,0)
 *
 *   [11] L1 height-sharded input, no padding, L1 height-sharded output: TilizeMultiCoreShardedProgramFactory, c_0 and
 *       c_16 of the shard's tiles bound to the input and output buffers (0 CB-region bytes), read at every build
 *       2025-01-01..2026-06-23 (read span tilize-height-sharded-factory; tilize_program_factory.cpp@365d3c7,
 *       tilize_multi_core_sharded_program_factory.cpp@622c6fb); to_layout rejected a row over (l1_size/2 − base) /
 *       (T_in + T_out) tiles before change point to-layout-tilize-multicore-width-check-dropped (TT_FATAL "Error")
 *   [12] before that change point an interleaved row of Wt > (⌊l1_size/2⌋ − base) / (T_in + T_out) tiles ran
 *       single-core from to_layout (use_multicore_device_tilize, to_layout_op.cpp at every commit ca2ce56 … 65caa88):
 *       tilize_single_core (tilize_program_factory.cpp@365d3c7 … @5f32a15, the same lines but allocator accessors):
 *       c_0 = c_16 = Wt, or its largest divisor ≤ that limit, tiles on (0,0); with padding, [10]
 *
 *   [13] interleaved input and output: the route, selection and factories read at every commit 2025-01-01..2026-06-23
 *       (read spans tilize-with-val-padding-interleaved-2025-2026 and tilize-interleaved-2025-2026; changePoints.ts)
 *   [14] tt-metal PR #16633 (ea6d5c0, 2025-01-13): tilize_with_val_padding_multi_core_interleaved calls
 *       tilize_with_val_padding_single_core when !enough_available_space (get_max_l1_space ≤ (T_in + T_out)·Wt), until
 *       PR #17790's block factory (tilize_with_val_padding_program_factory.cpp@ea6d5c0, @6c77212~1)
 *
 * Assumptions: sharded inputs are unmodeled except [11] and a DRAM-sharded or L1 width/block-sharded row too wide for L1
 *   (the whole-row CBs of [6], 'approx'; that the L1 case takes PR #47384's reroute too follows its description,
 *   "sharded"); staging CB sizes in the sub-block era follow ttmetal-l1-model.md §4.1.
 * Worked example (tt-metal issue #38364): tilize_with_val_padding of [1,1,1,1048576] f32 → bf16, base 103,712:
 *   Wt = 32,768, b = 521, cliff_row = 466 on (7,6): 103,712 + 466·(4,096 + 2,048) = 2,966,816 B;
 *   asserted in test/unit/estimate/tilize.test.ts.
 */

import {
  type ReadSpanId,
  atOrAfter,
  readSpanUnreadReason,
  readSpanCite,
  windowReadableWithinReadSpan,
} from '../changePoints';
import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { shardCoreCount } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  GroupSpec,
  ResolvedTensor,
  computeNcoresWh,
  finishProgram,
  fmtBytes,
  gridArea,
  maxL1Space,
  resolveTensor,
  splitBlocksForTilize,
  tileInfo,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { blockFactoryProgram, largestDivisorAtMost } from './untilize';
import { splitBlocksForTilizeRange } from '../printedRange';

const CITES = {
  toLayout: 'tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@010ba92 (to_layout_impl)',
  enoughSpace: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/common/common.cpp (is_enough_space)',
  select:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/tilize/device/tilize_device_operation.cpp@00d0824 (select_program_factory)',
  interleaved: 'tt-metal …/tilize/device/tilize_multi_core_interleaved_program_factory.cpp@0425c5c',
  singleCoreTwvp:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/tilize_with_val_padding/device/tilize_with_val_padding_program_factory.cpp@d9304dd (tilize_with_val_padding_single_core, the same CB lines from f2f17c4 of 2024-10-31 to ca4e4ab^)',
  interleavedTwvp:
    'tt-metal …/tilize_with_val_padding/device/tilize_with_val_padding_program_factory.cpp@ca4e4ab, @6c77212, @9102752 (multi_core_interleaved); …/factories/tilize_with_val_padding_multi_core_interleaved_program_factory.cpp@22dc48a, …_multi_core_default_program_factory.cpp@a7efdee, @1c444da, @4b30829, @622c6fb (c_0 Wt·T_in, c_16 Wt·T_out)',
  blockTwvp:
    'tt-metal …/tilize_with_val_padding/device/factories/tilize_with_val_padding_multi_core_block_interleaved_program_factory.cpp@01656bf',
  issue38364: 'tt-metal issue #38364 (tilize_with_val_padding cliff core overflow at (7,6))',
  defaultFactory:
    'tt-metal …/tilize/device/tilize_multi_core_default_program_factory.cpp@050f24f, @cf8e2a8 (c_0 and c_16 of one tile row)',
  issue45331: 'tt-metal issue #45331 (tilize of a DRAM width-sharded row, 5,576,032 B); PR #47384',
  shardedFactory:
    'tt-metal …/tilize/device/tilize_program_factory.cpp@365d3c7 (tilize_multi_core_sharded), …/tilize_multi_core_sharded_program_factory.cpp@ecd96f5, @622c6fb (c_0, c_16 of the shard tiles, bound to the input and output buffers)',
  toLayoutSharded:
    'tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@365d3c7, @622c6fb (a sharded input to TILE: shard shape a multiple of TILE_SIZE)',
  singleCoreTilize:
    'tt-metal …/tilize/device/tilize_program_factory.cpp@365d3c7 … @5f32a15 (tilize_single_core: num_tiles_per_block = Wt, or its largest divisor ≤ (l1_size/2 − base) / (T_in + T_out); c_0, c_16 of that many tiles on (0,0))',
  toLayoutMulticoreCheck:
    'tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@365d3c7 (use_multicore_device_tilize), …/tilize/device/tilize_op.cpp@365d3c7 (validate: TT_FATAL(use_multicore == true, "Error") for a sharded input)',
  singleCoreFallback:
    'tt-metal PR #16633; …/tilize_with_val_padding/device/tilize_with_val_padding_program_factory.cpp@ea6d5c0 (tilize_with_val_padding_multi_core_interleaved: !enough_available_space → tilize_with_val_padding_single_core)',
  stagingCb:
    'tt-metal PR #44307; …/tilize/device/tilize_multi_core_block_program_factory.cpp@54b521d, …/tilize_with_val_padding_multi_core_block_interleaved_program_factory.cpp@54b521d (c_1 = input tile / 32 · k + 2 · dram_alignment, the limit max_l1 / (in + out))',
  issue45543:
    'tt-metal issue #45543 (L1 width-sharded row-major → tile on a Galaxy, 1,152,352 / 2,200,928 B: the same whole-row CBs)',
} as const;

export type TilizeVia = 'to_layout' | 'tilize' | 'tilize_with_val_padding';

const SINGLE_CORE_DEFAULT_REASON =
  "ttnn.tilize_with_val_padding called directly defaulted to its single-core factory before tt-metal PR #16252 (2025-01-02); whether tt-mlir's runtime passed use_multicore is not read, the multi-core figure is given";

/** to_layout's use_multicore_device_tilize before change point to-layout-tilize-multicore-width-check-dropped [12]:
 *  multicore only for a row of at most (⌊l1_size/2⌋ − base) / (T_in + T_out) tiles. */
function toLayoutMulticoreMaxTiles(ctx: EstimateContext, tileIn: number, tileOut: number): number {
  return Math.floor((Math.floor(ctx.device.l1SizeBytes / 2) - ctx.device.l1UnreservedBase) / (tileIn + tileOut));
}

/**
 * The read span of an interleaved tilize [13]: its citation when every build of the window that can be read lies inside
 * it, else the approx reason. A direct ttnn.tilize defaulted use_multicore to false before tt-metal PR #33365
 * (tilize.hpp@493dab2~1), which the span does not cover: whether tt-mlir's runtime passes it is not read.
 */
function interleavedSpanBasis(
  ctx: EstimateContext,
  withPadding: boolean,
  via: TilizeVia,
): { readonly cite?: string; readonly approxReason?: string } {
  if (via === 'tilize' && !atOrAfter(ctx, 'tilize-cores-column-major'))
    return {
      approxReason:
        "ttnn.tilize called directly: its use_multicore defaulted to false before tt-metal PR #33365 (2025-12-02, the single-core factory); whether tt-mlir's runtime passes it is not read, the multi-core figure is given",
    };
  const span: ReadSpanId = withPadding
    ? 'tilize-with-val-padding-interleaved-2025-2026'
    : 'tilize-interleaved-2025-2026';
  return windowReadableWithinReadSpan(ctx, span)
    ? { cite: readSpanCite(span) }
    : {
        approxReason: readSpanUnreadReason(
          `the ${withPadding ? 'tilize_with_val_padding' : 'tilize'} route and factories were`,
          span,
          'before',
        ),
      };
}

/** `ttnn.to_layout` / `ttnn.tilize[_with_val_padding]` from ROW_MAJOR to TILE. */
export function estimateTilize(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  via: TilizeVia,
): OpEstimateResult {
  // DRAM-sharded inputs [6], and L1 width/block-sharded ones (tt-metal #45543: the same whole-row figure as #45331's
  // DRAM case), reach the default (interleaved-style) factory; L1 height-sharded ones have a sharded factory.
  const sharded = input.layout.memoryLayout !== undefined && input.layout.memoryLayout !== 'interleaved';
  if (sharded && input.layout.bufferType === 'l1' && input.layout.memoryLayout === 'height_sharded')
    return tilizeHeightSharded(op, ctx, input, output, via);
  const rowSharded = sharded && (input.layout.bufferType === 'dram' || input.layout.memoryLayout !== 'height_sharded');
  if (rowSharded) return tilizeDramSharded(op, ctx, input, output, via);
  if (input.layout.memoryLayout !== 'interleaved')
    return unmodeled(
      op.name,
      `tilize of a ${input.layout.memoryLayout ?? 'host'} input is not modeled (sharded tilize factories)`,
    );
  if (output.layout.memoryLayout !== 'interleaved')
    return unmodeled(op.name, `tilize to a ${output.layout.memoryLayout ?? 'host'} output is not modeled`);
  const padded = output.padded;
  const w = padded[padded.length - 1];
  const h = padded.length >= 2 ? padded[padded.length - 2] : 32;
  const wt = w / 32;
  const ht = h / 32;
  let vol = 1;
  for (const d of padded) vol *= d;
  const rows = w === 0 ? 0 : vol / w / 32;
  const tileIn = tileBytes(input.dtype);
  const tileOut = tileBytes(output.dtype);
  const tiles = tileInfo({ ...input, padded }, tileOut);
  const withPadding = addsPadding(input, output, via);
  // [12] Before PR #17790 to_layout ran a row wider than its multicore limit single-core (no block factory yet).
  if (
    via === 'to_layout' &&
    wt > toLayoutMulticoreMaxTiles(ctx, tileIn, tileOut) &&
    !atOrAfter(ctx, 'to-layout-tilize-multicore-width-check-dropped')
  ) {
    const why = `to_layout: Wt = ${wt} > ${toLayoutMulticoreMaxTiles(ctx, tileIn, tileOut)} tiles ((l1_size/2 − base) / (T_in + T_out)) → use_multicore false (before tt-metal PR #17790)`;
    if (withPadding) return tilizeWithValPaddingSingleCore(op, ctx, `${why} → tilize_with_val_padding single-core`);
    const perBlock = largestDivisorAtMost(wt, Math.max(1, toLayoutMulticoreMaxTiles(ctx, tileIn, tileOut)));
    const basis = interleavedSpanBasis(ctx, false, via);
    return finishProgram({
      op,
      ctx,
      factory: 'TilizeSingleCoreProgramFactory',
      factoryReason: `${why} → tilize_single_core: blocks of ${perBlock} of ${wt} tiles on core (0,0)`,
      groups: [{ name: 'core', nCores: 1, firstCore: [0, 0] }],
      cbs: [
        { index: 0, role: 'input', nPages: perBlock, pageBytes: tileIn },
        { index: 16, role: 'output', nPages: perBlock, pageBytes: tileOut },
      ],
      confidence: basis.approxReason === undefined ? 'exact' : 'approx',
      approxReason: basis.approxReason ?? '',
      citations: [
        CITES.toLayoutMulticoreCheck,
        CITES.singleCoreTilize,
        ...(basis.cite === undefined ? [] : [basis.cite]),
      ],
      tiles,
    });
  }
  const maxL1 = maxL1Space(ctx);
  const enoughSpaceHeight = maxL1 > (tileIn + tileOut) * wt;
  const area = gridArea(ctx);
  const rowSplit = splitBlocksForTilize(area, rows);
  // Wide test, unchanged from 6c77212 (#17790, in both interleaved factories) through ecd96f5/22dc48a (2025-12-19 ports)
  // and e4b2acd/8c95176 (#35005/#35008, moved into select_program_factory) to 622c6fb; its num_blocks_block from the
  // row-major input's dims (≤ Wt·Ht) gives the same count: any nblocks ≤ Wt·Ht ends at the least c with ⌈Wt/c⌉·⌈Ht/c⌉ < area.
  const wideTest = wt > 32 && (ht > 32 || wt > ht);
  const whCores = wideTest ? computeNcoresWh(area, wt * ht, wt, ht).nCores : 0;
  const dispatch =
    via === 'to_layout'
      ? `to_layout: ${withPadding ? 'needs padding → tilize_with_val_padding' : 'no padding → tilize'}; `
      : '';
  const spaceText = `(T_in + T_out)·Wt = ${fmtBytes((tileIn + tileOut) * wt)} vs free L1 ${fmtBytes(maxL1)}`;
  const cites = [...(via === 'to_layout' ? [CITES.toLayout] : []), CITES.enoughSpace, CITES.select];
  const wantsBlock = !enoughSpaceHeight || (wideTest && rowSplit.nCores < whCores);
  // Before tt-metal PR #17790 neither tilize nor tilize_with_val_padding had a block factory (6c77212 adds
  // tilize_multi_core_block and the enough_space_height selection): the tile-row factory ran and threw.
  if (wantsBlock && atOrAfter(ctx, 'tilize-untilize-padding-block-factory')) {
    const why = !enoughSpaceHeight
      ? `${dispatch}a tile row does not fit (${spaceText}) → block factory`
      : `${dispatch}Wt = ${wt} > 32 and the row split uses ${rowSplit.nCores} < ${whCores} cores of the 2-D split → block factory`;
    const dramAlign = ctx.device.dramAlignmentBytes;
    const subBlock = atOrAfter(ctx, 'tilize-untilize-sub-block');
    // The c_1 staging CB is allocated from tt-metal PR #44307 on [7], and in the budget from PR #50551 on; until then the
    // split divided free L1 by the two tile CBs only (PR #35806).
    const stagingCb = subBlock && atOrAfter(ctx, 'tilize-block-staging-cb');
    const budgeted = stagingCb && atOrAfter(ctx, 'tilize-block-staging-budget');
    const limit = !subBlock
      ? undefined
      : budgeted
        ? Math.floor((maxL1 - 2 * dramAlign) / (tileIn + tileOut + tileIn / 32))
        : Math.floor(maxL1 / (tileIn + tileOut));
    const basis = interleavedSpanBasis(ctx, withPadding, via);
    return blockFactoryProgram({
      op,
      ctx,
      factory: withPadding
        ? 'TilizeWithValPaddingMultiCoreBlockInterleavedProgramFactory'
        : 'TilizeMultiCoreBlockProgramFactory',
      factoryReason: why,
      // The CoreRangeSet overload of split_blocks_for_tilize_wh (column-major cores) from these PRs, the CoreCoord one
      // (row-major) before [5][8]: tt-metal #38364 (2026-02-23) names its cliff (7,6).
      columnMajorFrom: withPadding ? 'padding-block-cores-column-major' : 'tilize-cores-column-major',
      descriptorsFrom: 'tilize-program-descriptors',
      wt,
      ht,
      tileIn,
      tileOut,
      limit,
      staging: stagingCb ? { perTile: tileIn / 32, fixed: 2 * dramAlign } : undefined,
      citations: [
        ...cites,
        CITES.blockTwvp,
        CITES.issue38364,
        ...(stagingCb ? [CITES.stagingCb] : []),
        ...(basis.cite === undefined ? [] : [basis.cite]),
      ],
      approxReason: basis.approxReason,
      tiles,
    });
  }
  // [9]: ttnn.tilize_with_val_padding called directly ran the single-core factory before its use_multicore default
  // turned true (to_layout passes its own flag); whether tt-mlir's runtime passed the flag is not read, so the
  // multi-core figure is given. tt-metal's own default-argument calls size it (tilizeWithValPaddingSingleCore).
  const singleCoreDefault =
    via === 'tilize_with_val_padding' && !atOrAfter(ctx, 'tilize-with-val-padding-multicore-default');
  // [14] Between tt-metal PR #16633 and PR #17790 the tile-row factory of tilize_with_val_padding handed a row that did
  // not fit to its single-core factory (asked only then, so other tilizes do not straddle the change point).
  if (
    withPadding &&
    !enoughSpaceHeight &&
    !atOrAfter(ctx, 'tilize-untilize-padding-block-factory') &&
    atOrAfter(ctx, 'tilize-with-val-padding-single-core-fallback')
  ) {
    const r = tilizeWithValPaddingSingleCore(
      op,
      ctx,
      `${dispatch}a tile row does not fit (${spaceText}) → the multi-core factory falls back to single-core (tt-metal PR #16633)`,
    );
    if (r.kind !== 'estimate') return r;
    const basis = interleavedSpanBasis(ctx, true, via);
    const approx = [
      ...(singleCoreDefault ? [SINGLE_CORE_DEFAULT_REASON] : []),
      ...(basis.approxReason === undefined ? [] : [basis.approxReason]),
    ];
    return {
      ...r,
      confidence: approx.length === 0 ? r.confidence : 'approx',
      approxReason: approx.length === 0 ? r.approxReason : approx.join('; '),
      citations: [
        ...cites,
        CITES.singleCoreFallback,
        ...r.citations,
        ...(basis.cite === undefined ? [] : [basis.cite]),
      ],
    };
  }
  const basis = interleavedSpanBasis(ctx, withPadding, via);
  const approxReasons = [
    ...(singleCoreDefault ? [SINGLE_CORE_DEFAULT_REASON] : []),
    ...(basis.approxReason === undefined ? [] : [basis.approxReason]),
  ];
  return finishProgram({
    op,
    ctx,
    factory: withPadding
      ? 'TilizeWithValPaddingMultiCoreInterleavedProgramFactory'
      : 'TilizeMultiCoreInterleavedProgramFactory',
    factoryReason: `${dispatch}${wantsBlock ? `no block factory before tt-metal PR #17790 (${spaceText})` : `a tile row fits (${spaceText})`}; ${rows} tile rows over ${rowSplit.nCores} cores (${rowSplit.blocksPerCore} per core)`,
    groups: [defaultFactoryGroup(ctx, rowSplit.nCores, withPadding)],
    cbs: [
      { index: 0, role: 'input', nPages: wt, pageBytes: tileIn },
      { index: 16, role: 'output', nPages: wt, pageBytes: tileOut },
    ],
    confidence: approxReasons.length === 0 ? 'exact' : 'approx',
    approxReason: approxReasons.join('; '),
    citations: [
      ...cites,
      withPadding ? CITES.interleavedTwvp : CITES.interleaved,
      CITE.workSplitTilize,
      ...(basis.cite === undefined ? [] : [basis.cite]),
    ],
    tiles,
  });
}

/**
 * tilize_with_val_padding's single-core factory [10], as tt-metal's own default-argument calls ran it before PR #16252
 * (concat.cpp's re-tilize): blocks of the widest divisor of Wt that fits (l1_size/2 − base − 32) / (elem·64 + elem)
 * elements, the whole Wt when it fits; c_0 and c_16 one block of tiles each, on core (0,0). Interleaved operands.
 */
export function tilizeWithValPaddingSingleCore(
  op: TtnnOp,
  ctx: EstimateContext,
  why = 'use_multicore false (its default before tt-metal PR #16252)',
): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.memoryLayout !== 'interleaved' || output.layout.memoryLayout !== 'interleaved')
    return unmodeled(op.name, 'single-core tilize_with_val_padding of sharded operands is not modeled');
  const elemIn = elementBytes(input.dtype);
  if (elemIn === undefined) return unmodeled(op.name, `no row-major element size for ${input.dtype}`);
  const wt = (output.padded[output.padded.length - 1] ?? 0) / 32;
  const maxL1Half = Math.floor(ctx.device.l1SizeBytes / 2) - ctx.device.l1UnreservedBase;
  const maxTiles = Math.floor(Math.floor((maxL1Half - 32) / (elemIn * 64 + elemIn)) / 32);
  const perBlock = largestDivisorAtMost(wt, Math.max(1, maxTiles));
  return finishProgram({
    op,
    ctx,
    factory: 'TilizeWithValPaddingSingleCoreProgramFactory',
    factoryReason: `${why}: blocks of ${perBlock} of ${wt} tiles on core (0,0)`,
    groups: [{ name: 'core', nCores: 1, firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'input', nPages: perBlock, pageBytes: tileBytes(input.dtype) },
      { index: 16, role: 'output', nPages: perBlock, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: 'exact',
    citations: [CITES.singleCoreTwvp],
  });
}

/** to_layout pads when the logical shape is not the padded one; tilize_with_val_padding always does. */
function addsPadding(input: ResolvedTensor, output: ResolvedTensor, via: TilizeVia): boolean {
  const padded = output.padded;
  return via === 'tilize_with_val_padding' || (via === 'to_layout' && input.logical.some((d, i) => d !== padded[i]));
}

/** A sharded input's tile row against free L1: ttnn::tilize's is_enough_space compares (T_in + T_out) · Wt with it. */
function tileRowFacts(ctx: EstimateContext, input: ResolvedTensor, output: ResolvedTensor) {
  const padded = output.padded;
  return {
    padded,
    wt: padded[padded.length - 1] / 32,
    tileIn: tileBytes(input.dtype),
    tileOut: tileBytes(output.dtype),
    maxL1: maxL1Space(ctx),
  };
}

/**
 * Row-major input sharded in DRAM [6], or width/block-sharded in L1. A tile row that fits: the sharded factories are not
 * modeled. One that does not: from tt-metal PR #47384 on `ttnn::tilize` converts a sharded input with a large row to
 * DRAM interleaved, tilizes (block factory) and converts back (three programs; the tilize is estimated); before it, and
 * for tilize_with_val_padding (tt-metal #47735, still open), the factory allocated the whole tile row: c_0 = Wt·T_in,
 * c_16 = Wt·T_out on the cores of split_blocks_for_tilize(rows) (tt-metal #45331 printed 5,576,032 B for a 42,752-wide
 * bf16 DRAM-sharded row: 103,776 + 1,336·4,096; tt-metal #45543 printed 1,152,352 and 2,200,928 B for L1
 * width-sharded rows of 256 and 512 tiles: 103,776 + Wt·4,096, on core (0,0) only; 103,776 is that week's base).
 */
function tilizeDramSharded(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  via: TilizeVia,
): OpEstimateResult {
  const { padded, wt, tileIn, tileOut, maxL1 } = tileRowFacts(ctx, input, output);
  if (maxL1 > (tileIn + tileOut) * wt)
    return unmodeled(
      op.name,
      `tilize of a ${input.layout.bufferType} ${input.layout.memoryLayout} input whose tile row fits is not modeled (sharded tilize factories)`,
    );
  const withPadding = addsPadding(input, output, via);
  if (!withPadding && atOrAfter(ctx, 'tilize-dram-sharded-via-interleaved')) {
    const interleaved = { ...input, layout: { ...input.layout, memoryLayout: 'interleaved' as const } };
    const outInterleaved = { ...output, layout: { ...output.layout, memoryLayout: 'interleaved' as const } };
    const r = estimateTilize(op, ctx, interleaved, outInterleaved, via);
    if (r.kind !== 'estimate') return r;
    return {
      ...r,
      factoryReason: `${input.layout.bufferType} ${input.layout.memoryLayout} input, tile row too large → to DRAM interleaved, tilize, back (tt-metal PR #47384); ${r.factoryReason}`,
      confidence: 'approx',
      approxReason: 'the to/from-interleaved copies around the tilize are separate programs, not estimated here',
    };
  }
  let vol = 1;
  for (const d of padded) vol *= d;
  const rows = wt === 0 ? 0 : vol / (wt * 32) / 32;
  const rowSplit = splitBlocksForTilize(gridArea(ctx), rows);
  return finishProgram({
    op,
    ctx,
    factory: withPadding ? 'TilizeWithValPadding (sharded input)' : 'Tilize (sharded input)',
    factoryReason: `${input.layout.bufferType} ${input.layout.memoryLayout} input, tile row of ${wt} tiles does not fit (${fmtBytes((tileIn + tileOut) * wt)} vs free L1 ${fmtBytes(maxL1)}) and is not rerouted${withPadding ? ' (tilize_with_val_padding: tt-metal #47735)' : ' before tt-metal PR #47384'}`,
    groups: [defaultFactoryGroup(ctx, rowSplit.nCores, withPadding)],
    cbs: [
      { index: 0, role: 'input', nPages: wt, pageBytes: tileIn },
      { index: 16, role: 'output', nPages: wt, pageBytes: tileOut },
    ],
    confidence: 'approx',
    approxReason: withPadding
      ? 'tilize_with_val_padding factory not read: whole-row CBs as the tilize default factory (tt-metal #47735 printed base + Wt·(T_in + T_out))'
      : "the default factory's CBs are read (c_0, c_16 of one tile row), its selection for a sharded input is inferred from tt-metal #45331 and #45543",
    citations: [
      CITES.defaultFactory,
      CITES.issue45331,
      ...(input.layout.bufferType === 'l1' ? [CITES.issue45543] : []),
      CITE.workSplitTilize,
    ],
  });
}

/**
 * An L1 height-sharded row-major input [11]: with no padding to add, to_layout calls ttnn::tilize into the output memory
 * config, and tilize runs TilizeMultiCoreShardedProgramFactory into an L1 height-sharded output (the output takes the
 * input's shard spec). Its c_0 (shard tiles · T_in) and c_16 (shard tiles · T_out) are bound to the input and output
 * buffers: no CB-region bytes. A tile row that does not fit free L1 is routed through DRAM interleaved from change point
 * 'tilize-dram-sharded-via-interleaved'; before change point 'to-layout-tilize-multicore-width-check-dropped', to_layout turned
 * multicore off for a row wider than (l1_size/2 − base) / (T_in + T_out) tiles, which the sharded validation rejects.
 */
function tilizeHeightSharded(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  via: TilizeVia,
): OpEstimateResult {
  if (addsPadding(input, output, via))
    return unmodeled(
      op.name,
      'tilize with padding of an L1 height-sharded input is not modeled (to_layout runs ttnn.pad on it first, then tilize; tilize_with_val_padding has its own sharded factory)',
    );
  if (output.layout.bufferType !== 'l1' || output.layout.memoryLayout !== 'height_sharded')
    return unmodeled(
      op.name,
      `tilize of an L1 height-sharded input into a ${output.layout.bufferType} ${output.layout.memoryLayout ?? 'host'} output is not modeled (tt-metal's validation refused a different output layout before PR #38377, 2026-03-09; the default factory runs it after)`,
    );
  const [shardRows, shardWidth] = input.layout.shardShape;
  if (input.layout.shardShape.length !== 2 || shardRows % 32 !== 0 || shardWidth % 32 !== 0 || shardRows === 0)
    return via === 'to_layout'
      ? illegal(
          op.name,
          `ttnn::to_layout: Sharded tensor must have shard shape that is a multiple of TILE_SIZE! (shard [${input.layout.shardShape.join(', ')}])`,
          CITES.toLayoutSharded,
        )
      : unmodeled(
          op.name,
          `tilize of a height-sharded shard [${input.layout.shardShape.join(', ')}] not of whole tiles`,
        );
  const { padded, wt, tileIn, tileOut, maxL1 } = tileRowFacts(ctx, input, output);
  // ttnn::tilize's is_enough_space over the whole tensor row decides the reroute of PR #47384 [6].
  if (maxL1 <= (tileIn + tileOut) * wt && atOrAfter(ctx, 'tilize-dram-sharded-via-interleaved'))
    return tilizeDramSharded(op, ctx, input, output, via);
  if (via === 'to_layout') {
    const maxTiles = toLayoutMulticoreMaxTiles(ctx, tileIn, tileOut);
    if (wt > maxTiles && !atOrAfter(ctx, 'to-layout-tilize-multicore-width-check-dropped'))
      return illegal(
        op.name,
        `Error (TT_FATAL use_multicore == true): to_layout's use_multicore_device_tilize turns multicore off for a row of ${wt} > ${maxTiles} tiles ((l1_size/2 − base) / (T_in + T_out)), and a sharded input needs it`,
        CITES.toLayoutMulticoreCheck,
      );
  }
  const tilesPerShard = (shardRows / 32) * (shardWidth / 32);
  const nCores = shardCoreCount(input.layout);
  const start = input.layout.coreRanges?.[0]?.start;
  // compute_output_specs gives the output the input's shard spec: the IR's result must say the same.
  const sameShard =
    output.layout.shardShape.length === 2 &&
    output.layout.shardShape[0] === shardRows / 32 &&
    output.layout.shardShape[1] === shardWidth / 32 &&
    shardCoreCount(output.layout) === nCores;
  const approxReasons = [
    ...(via === 'to_layout'
      ? []
      : [
          "ttnn.tilize called directly: ttnn::tilize's use_multicore defaulted to false before tt-metal PR #33365 (2025-12-01), which the sharded validation rejects; whether tt-mlir's runtime passes it is not read",
        ]),
    ...(padded.length > 4 ? ['rank > 4: ttnn::tilize views the input as 4-D first and back (reshapes not sized)'] : []),
    ...(sameShard
      ? []
      : [
          `tt-metal gives the output the input's shard spec (${tilesPerShard} tiles a core); the IR's result shard differs and is sized as written`,
        ]),
    ...(windowReadableWithinReadSpan(ctx, 'tilize-height-sharded-factory')
      ? []
      : ['the sharded tilize route was read at every build 2025-01-01..2026-06-23 only']),
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'TilizeMultiCoreShardedProgramFactory',
    factoryReason: `${via === 'to_layout' ? 'to_layout: no padding → tilize; ' : ''}L1 height-sharded input into an L1 height-sharded output → the sharded factory over the ${nCores} shard cores; c_0 and c_16 are the input and output shards (${tilesPerShard} tiles each)`,
    groups: [{ name: 'shards', nCores, firstCore: start === undefined ? [0, 0] : [start.x, start.y] }],
    cbs: [
      { index: 0, role: 'input shard', nPages: tilesPerShard, pageBytes: tileIn, tensorBacked: true },
      { index: 16, role: 'output shard', nPages: tilesPerShard, pageBytes: tileOut, tensorBacked: true },
    ],
    confidence: approxReasons.length === 0 ? 'exact' : 'approx',
    approxReason: approxReasons.join('; '),
    citations: [
      ...(via === 'to_layout' ? [CITES.toLayout] : []),
      CITES.shardedFactory,
      readSpanCite('tilize-height-sharded-factory'),
    ],
  });
}

/**
 * The one core group of the default (interleaved) factory, tilize's or tilize_with_val_padding's, with the range its
 * overflow names [8]: c_0 and c_16 sit on split_blocks_for_tilize's `all_cores` of n cores (`splitBlocksForTilizeRange`:
 * the CoreRangeSet overload for tilize from change point `tilize-cores-column-major`, for tilize_with_val_padding from
 * `padding-block-cores-column-major`; a ProgramDescriptor from `tilize-program-descriptors`). One core prints (0,0) in
 * every era.
 */
function defaultFactoryGroup(ctx: EstimateContext, nCores: number, withPadding: boolean): GroupSpec {
  const group = { name: 'all', nCores, firstCore: [0, 0] as const };
  if (nCores <= 1) return group;
  return {
    ...group,
    printedRange: splitBlocksForTilizeRange(
      ctx.ttMetal.window,
      nCores,
      ctx.device.workerGrid,
      withPadding ? 'padding-block-cores-column-major' : 'tilize-cores-column-major',
      'tilize-program-descriptors',
    ),
  };
}
