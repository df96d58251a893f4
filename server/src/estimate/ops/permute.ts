/**
 * L1 estimate for `ttnn.permute` and `ttnn.transpose`.
 *
 * Formula (bytes per core):
 *   permute RM, last dim kept:  c_0 = 2 · align(W · elem, max(DRAM, L1 alignment)), split over rows   [1]
 *   permute RM, last dim moved: c_0 = c_1 = c_2 = 2 · 32·32·elem (blocked generic kernel), split over
 *     (rows / X)·ceil(X/32)·ceil(W/32) blocks, X the input dim that becomes last                          [1]
 *   transpose WH tiled:         c_0 = c_16 = 2 tiles, split over tiles                              [2]
 *   transpose WH row-major:     c_0 = 2·Wt, c_16 = 2·Ht, c_24 = Ht·Wt, c_25 = Ht tiles (whole HW plane per
 *     core); before PR #16155 through tiles when W·elem or H·elem % 16 ≠ 0 or the CBs do not fit   [2][10]
 *     (interleaved row-major WH from change point 'transpose-rm-interleaved-via-permute', tt-metal PR #16155, and
 *     HC / CN from 'permute-tiled-generic', PR #17048: ttnn::transpose runs prim::permute (0,1,3,2) / (0,2,1,3) /
 *     (1,0,2,3) instead — the permute rows above; the transpose factories then serve sharded row-major inputs only;
 *     before PR #17048 an interleaved HC runs the January 2025 HC factory [8] when W·elem is buffer-aligned, else
 *     to_layout TILE → tiled HC → to_layout ROW_MAJOR, the largest of the three programs [9]; a CN the tiled path) [6]
 *   transpose of rank > 4, row-major: ttnn::permute of the swapped dims (transpose_nd) in the read versions, approx [6]
 *   transpose HC tiled (4-D):   c_0 = 2 tiles, + c_1 when C % 32 != 0: 16·elem, 16·16·elem from change point
 *     'transpose-hc-tiled-face-padding'; on the whole grid                                         [4]
 *   transpose CN tiled:         c_0 = c_16 = 2 tiles (approx)                                        [2]
 *   transpose HC row-major:     c_0 = (max sticks per core) × max(W·elem, aligned page), N·C·H sticks split [3]
 *   permute tiled, other orders: TileInvariant / TileRowInvariant / TiledGeneric (estimateTiledPermute)  [5]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/permute/device/permute_rm_program_factory.cpp@01c8afe; the
 *       blocked generic factory (permute_program_factory.cpp until 158d2a5) read at b80a975, 9acc400, 158d2a5, d82e424,
 *       e3da0ed, 1ff24da: the same block count and CBs (num_rows from volume, physical_volume, then num_pages: the
 *       rows of a row-major tensor each time)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_wh_program_factory.cpp@022c236;
 *       ttmetal-l1-model.md §4.13–§4.14
 *   [3] tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_hc_rm_program_factory.cpp@0c7db52
 *   [4] tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_hc_tiled_interleaved_program_factory.cpp@01d6e7b;
 *       transpose_program_factory.cpp transpose_hc_multi_core_tiled_interleaved before its split (5f2f322), read at
 *       a927a47 and every later commit of either file to 622c6fb: c_0 2 tiles, the pad CB one face row (16·elem) until
 *       eda5031 (PR #36896), one face after; CBs on total_cores; select: interleaved tiled HC → this factory
 *   [5] tt-metal …/permute/device/permute_device_operation.cpp@080a251 (select_program_factory);
 *       …/permute/device/permute_tiled_program_factory.cpp@00b0fa3
 *   [7] tt-metal …/permute/permute.cpp permute_impl / ExecutePermute::invoke, read at fb9f208, 3623ec5, d6e9bf6, 396f8b2,
 *       588e634, be88793, 7552777 and 622c6fb: unsqueeze to 4-D, the WH / HC / CN orders to ttnn::transpose, bfp8
 *       typecast to bf16 unless WH / CN / CNWH, is_permute_nop → to_memory_config, else prim::permute; the tiled
 *       factories' CB sizes and select_program_factory are the same at every commit from fb9f208 (PR #17048) to
 *       ef1afdb (2026-06-10) for a non-block-float input (change point `permute-tiled-generic`)
 *   [8] tt-metal …/transpose/device/transpose_program_factory.cpp transpose_hc_multi_core, row-major branch, read at
 *       a927a47 (2024-12-24), 9acc400, fa45b9b and 0cc4e4e (2025-01-23): c_0 = max sticks per core × W·elem on
 *       total_cores; transpose.cpp@a927a47 / @9acc400: HC row-major only when W·elem is buffer-aligned
 *   [9] tt-metal …/transpose/transpose.cpp@a927a47, @9acc400, @09349dd (2025-01-22; HC unchanged to fb9f208's parent):
 *       transpose_ HC tiled_only when W·elem % buffer alignment ≠ 0 → to_layout(TILE), Transpose, to_layout(back);
 *       to_layout_op.cpp@09349dd (tilize_with_val_padding, untilize_with_unpadding with use_multicore = true, the reshapes
 *       views); transpose_hc_multi_core_tiled_interleaved unchanged a927a47 … 0cc4e4e but for its IDevice type
 *   [10] tt-metal …/transpose/transpose.cpp@416ce55 (transpose_ WH: tiled_only when W·elem or H·elem % FACE_WIDTH ≠ 0 or
 *       !rm_enough_available_space) and transpose_program_factory.cpp@416ce55 (transpose_wh_multi_core, row-major: four
 *       CBs); read spans transpose-rm-before-permute, transpose-tiled-interleaved, permute-rm-factories and
 *       permute-tiled-factories (changePoints.ts) hold which builds each path was read at
 *   [6] tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@043b5ac and @00b0fa3 (transpose_:
 *       an interleaved row-major WH / HC / CN transpose calls prim::permute); tt-metal PR #16155 (issue #16109: "RM
 *       transpose has circular buffer overflows", the WH factory's CBs scale with H·W)
 *
 * Assumptions: HC/CN transposes are a few tiles ('approx'); sharded tiled permute is rejected by tt-metal's validate.
 * Worked example: transpose(0,1) of 64x1024 bf16 tiled → 2·2,048 + 2·2,048 = 8,192 B (tt-mlir OpModel golden);
 *   permute (0,2,3,1) of 1x64x56x56 bf16 DRAM tiled (TiledGeneric): page = 2,048 + max(0, 32 − 32) → 3·2·2,048 = 12,288 B
 *   plus the 32 B face row (C = 64 → output H = 56 is not a multiple of 32): 12,320 B; test/unit/estimate/datamove.test.ts.
 */

import { TILE_ELEMENTS, elementBytes, isBlockFloat, tileBytes } from '../../ttnn/dtype';
import { alignUp, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  bufferAlignmentBytes,
  CITE,
  confidenceFromReasons,
  liveL1Of,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propInt,
  propInts,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import {
  atOrAfter,
  readSpanCite,
  windowReadableWithinReadSpan,
  type ReadSpanId,
  readSpanUnreadReason,
} from '../changePoints';
import { gridRectangle, onRange } from '../printedRange';
import { largestStep, specWith, stepOp, toLayoutStep, type Step } from './composite';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITES = {
  permute: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/permute/device/permute_rm_program_factory.cpp@01c8afe',
  transpose:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_wh_program_factory.cpp@022c236',
  transposeHcRm:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_hc_rm_program_factory.cpp@0c7db52',
  transposeRouting:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@00b0fa3 (transpose_: interleaved_rm → prim_permute)',
  transposeNd:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@043b5ac and @00b0fa3 (transpose_impl: rank > 4 → transpose_nd → ttnn::permute)',
  transposeHcRmJan2025:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_program_factory.cpp@a927a47, @9acc400, @fa45b9b, @0cc4e4e (transpose_hc_multi_core, row_major); transpose.cpp@9acc400 (transpose_: HC tiled_only unless W·elem % buffer alignment == 0)',
  transposeHcViaTiles:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@a927a47, @9acc400, @09349dd (transpose_: HC tiled_only when W·elem % buffer alignment ≠ 0 → to_layout TILE, Transpose, to_layout back); to_layout_op.cpp@09349dd (tilize_with_val_padding / untilize_with_unpadding, use_multicore_untilize = true); tt-mlir runtime/lib/ttnn/operations/data_movement/transpose.cpp@13cf48f (no pad value)',
  transposeWhRm:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_program_factory.cpp@416ce55 (transpose_wh_multi_core, row_major: c_0 2·Wt, c_16 2·Ht, c_24 Ht·Wt, c_25 Ht tiles); transpose_wh_program_factory.cpp@5f2f322 … @622c6fb (the same CB lines)',
  transposeWhViaTiles:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@416ce55 (transpose_ WH: tiled_only when W·elem or H·elem % FACE_WIDTH ≠ 0 or !rm_enough_available_space → to_layout TILE, Transpose, to_layout back)',
  transposeHcTiled:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_hc_tiled_interleaved_program_factory.cpp@01d6e7b and transpose_program_factory.cpp@a927a47 … @5f2f322 (transpose_hc_multi_core_tiled_interleaved)',
} as const;

/** `via`: when a transpose runs this program (ttnn::transpose → prim::permute), the factory-reason prefix saying so and
 *  an approx reason when the routing was not dated. */
/** `newLastDim`: the input dim that becomes the last (X); the blocked path splits its blocks over it. */
function rmPermute(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  newLastDim: number,
  via?: { readonly why: string; readonly approxReason?: string; readonly citation: string },
): OpEstimateResult {
  const lastDimKept = newLastDim === input.logical.length - 1;
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no row-major size`);
  const w = input.logical[input.logical.length - 1];
  const rows = input.geometry.nPages;
  // Both row-major programs: the same sources (read span permute-rm-factories).
  const citations = [
    CITES.permute,
    ...(via === undefined ? [] : [via.citation]),
    CITE.workSplit,
    readSpanCite('permute-rm-factories'),
  ];
  const unread = [
    ...(windowReadableWithinReadSpan(ctx, 'permute-rm-factories') ? [] : [unreadReason('permute-rm-factories')]),
    // The permute validation refuses a sharded input until tt-metal PR #31981 (1f97c57, 2025-11-06); the factories on
    // sharded buffers were not compared.
    ...(input.layout.memoryLayout === 'interleaved'
      ? []
      : [
          'sharded row-major input: refused before tt-metal PR #31981, its sharded paths (and to_memory_config detours) not modeled',
        ]),
  ];
  if (lastDimKept) {
    // detail::page_size: round_up(W·elem, the input buffer type's alignment: DRAM 32 / L1 16 on Wormhole) at every
    // commit read (read span permute-rm-factories).
    const page = alignUp(w * elem, bufferAlignmentBytes(input, ctx));
    const split = splitWorkToCores(gridArea(ctx), rows);
    const approxReasons = [...(via?.approxReason === undefined ? [] : [via.approxReason]), ...unread];
    return finishProgram({
      op,
      ctx,
      factory: 'PermuteDeviceOperation::MultiCoreRowInvariant',
      factoryReason: `${via === undefined ? '' : `${via.why}; `}last dim kept: ${rows} rows over ${split.nCores} cores`,
      groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
      cbs: [{ index: 0, role: 'rows', nPages: 2, pageBytes: page }],
      ...confidenceFromReasons(approxReasons),
      citations,
    });
  }
  const block = TILE_ELEMENTS * elem;
  // num_blocks_total = (rows / X) · ceil(X / 32) · ceil(W / 32): the same at b80a975 (2024-12-17) and every later
  // commit of the factory to 1ff24da / 622c6fb (2026) [1].
  const x = input.logical[newLastDim] ?? 1;
  const blocks = Math.max(1, Math.floor(rows / x) * Math.ceil(x / 32) * Math.ceil(w / 32));
  const split = splitWorkToCores(gridArea(ctx), blocks);
  const approxReasons = [
    ...(via?.approxReason === undefined ? [] : [via.approxReason]),
    ...unread,
    ...(atOrAfter(ctx, 'permute-dataflow-buffers')
      ? ['the Metal 2.0 port of the factories (PR #51095) is not read: its buffers are taken as the CBs before it']
      : []),
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'PermuteDeviceOperation::MultiCoreBlockedGeneric',
    factoryReason: `${via === undefined ? '' : `${via.why}; `}last dim moves: ${blocks} 32x32 blocks through three double-buffered CBs`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 0, role: 'input block', nPages: 2, pageBytes: block },
      { index: 1, role: 'transposed block', nPages: 2, pageBytes: block },
      { index: 2, role: 'output block', nPages: 2, pageBytes: block },
    ],
    ...confidenceFromReasons(approxReasons),
    citations,
  });
}

/** The approx reason of a build window reaching past read span `id`. */
function unreadReason(id: ReadSpanId): string {
  return readSpanUnreadReason('the program was', id, 'outside');
}

export function estimatePermute(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const perm = propInts(op, 'permutation');
  if (perm === undefined || perm.length !== input.logical.length)
    return unmodeled(op.name, 'permutation attribute missing or of the wrong rank');
  const last = input.logical.length - 1;
  if (perm.every((p, i) => p === i)) return unmodeled(op.name, 'identity permutation (no kernel expected)');
  if (input.layout.pageLayout === 'row_major') return rmPermute(op, ctx, input, perm[last]);
  // Tiled [7]: ttnn::permute unsqueezes a rank < 4 tensor to 4-D (its order shifted by the added dims); at rank 4 it runs
  // (0,1,3,2) as a WH transpose, (0,2,1,3) as an HC transpose and (1,0,2,3) as a CN transpose, else prim::permute (rank
  // > 4 always prim::permute).
  if (perm.length <= 4) {
    const shift = 4 - perm.length;
    const p4 = [...Array.from({ length: shift }, (_, i) => i), ...perm.map((d) => d + shift)];
    const is = (a: number, b: number, c: number, d: number): boolean =>
      p4[0] === a && p4[1] === b && p4[2] === c && p4[3] === d;
    if (is(0, 1, 3, 2)) return transposeTiled(op, ctx, input, 'wh');
    if (is(0, 2, 1, 3)) return transposeTiled(op, ctx, input, 'hc');
    if (is(1, 0, 2, 3)) return transposeTiled(op, ctx, input, 'cn');
  }
  return estimateTiledPermute(op, ctx, input, perm);
}

const CITES_TILED = {
  select:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/permute/device/permute_device_operation.cpp@080a251 and @fb9f208 … @622c6fb (select_program_factory)',
  factories:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/permute/device/permute_tiled_program_factory.cpp@fb9f208 … @ef1afdb (MultiCoreTileInvariant, MultiCoreTileRowInvariant, MultiCoreTiledGeneric; CB sizes unchanged)',
  routing:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/permute/permute.cpp@fb9f208 … @622c6fb (permute_impl: WH / HC / CN to transposes, bfp8 typecast, else prim::permute)',
} as const;

/**
 * Tiled permute (any dim order) [select, factories]:
 *   TileInvariant (the last two dims stay the last two, maybe swapped): c_0 = 2 tiles, + c_16 = 2 tiles when swapped;
 *     split_work_to_cores over output tiles.
 *   TileRowInvariant (only one of the last two dims moves, the output's last dim is the input's H or W):
 *     c_0 = 2 tiles, c_1 = one face row (16 · elem) when the output H is not a multiple of 32, c_16 = 2 tiles when the
 *     output's last dim is the input's H; split over input tiles.
 *   TiledGeneric (both tiled dims move): c_0 = c_1 = c_2 = 2 · (T + m), m = max(0, read alignment − 16 · elem) of the
 *     input buffer; c_3 = 16 · elem when the output H is not a multiple of 32; split over X·W blocks.
 * T = tile bytes of the dtype. Per-core CB bytes do not depend on the split (every core gets the same CBs). The
 * padding CBs assume a pad value, which tt-mlir's runtime always passes (runtime/lib/ttnn/operations/data_movement/
 * permute.cpp@19c86fc: ::ttnn::permute(in, permutation, memoryConfig, padValue)); tt-metal drops the condition at
 * 97eef10 (PR #35785). Exact from `permute-tiled-generic` until the unread Metal 2.0 port (`permute-dataflow-buffers`)
 * for a non-block-float input that is not a no-op [7].
 */
export function estimateTiledPermute(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  perm: readonly number[],
): OpEstimateResult {
  if (input.layout.memoryLayout !== 'interleaved')
    return unmodeled(op.name, 'Permute operation does not support sharded input tensor (tt-metal validate)');
  const rank = input.logical.length;
  if (rank < 2) return unmodeled(op.name, 'rank-1 tiled permute');
  const t = tileBytes(input.dtype);
  const elem = elementBytes(input.dtype);
  const last = rank - 1;
  const h = rank - 2;
  const outDims = perm.map((p) => input.logical[p] ?? 1);
  const outH = outDims[h] ?? 1;
  const outTiles = Math.max(1, volume(paddedShapeOf(outDims)) / TILE_ELEMENTS);
  const inTiles = Math.max(1, input.geometry.nPages);
  const invariant = (perm[last] === last && perm[h] === h) || (perm[last] === h && perm[h] === last);
  const cbs: { index: number; role: string; nPages: number; pageBytes: number }[] = [];
  let factory: string;
  let units: number;
  let why: string;
  if (invariant) {
    factory = 'PermuteDeviceOperation::MultiCoreTileInvariant';
    cbs.push({ index: 0, role: 'tiles', nPages: 2, pageBytes: t });
    if (perm[last] === h) cbs.push({ index: 16, role: 'transposed tiles', nPages: 2, pageBytes: t });
    units = outTiles;
    why = `the last two dims stay in place${perm[last] === h ? ' (swapped: WH transpose of each tile)' : ''}; ${units} output tiles`;
  } else if (perm[last] === last || perm[last] === h) {
    if (elem === undefined)
      return unmodeled(op.name, `dtype ${input.dtype} has no element size for the padding face row`);
    factory = 'PermuteDeviceOperation::MultiCoreTileRowInvariant';
    cbs.push({ index: 0, role: 'tiles', nPages: 2, pageBytes: t });
    if (outH % 32 !== 0) cbs.push({ index: 1, role: 'padding face row', nPages: 1, pageBytes: 16 * elem });
    if (perm[last] === h) cbs.push({ index: 16, role: 'transposed tiles', nPages: 2, pageBytes: t });
    units = inTiles;
    why = `one tiled dim moves; ${units} input tiles`;
  } else {
    if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no element size for the XW blocks`);
    factory = 'PermuteDeviceOperation::MultiCoreTiledGeneric';
    const readAlign = input.layout.bufferType === 'dram' ? ctx.device.dramAlignmentBytes : ctx.device.l1AlignmentBytes;
    const misalignment = Math.max(0, readAlign - 16 * elem);
    const page = t + misalignment;
    cbs.push(
      { index: 0, role: 'XW block', nPages: 2, pageBytes: page },
      { index: 1, role: 'tilized block', nPages: 2, pageBytes: page },
      { index: 2, role: 'transposed block', nPages: 2, pageBytes: page },
    );
    // The pad CB c_3 is created for needs_y_padding alone (the new H not a multiple of 32; needs_x_padding only sets kernel
    // arguments) at fb9f208 … 622c6fb: tt-mlir #5463's 8x3x224x224 (0,2,3,1), X = 3, prints cBUsagePeak 12,288.
    if (outH % 32 !== 0) cbs.push({ index: 3, role: 'padding face row', nPages: 1, pageBytes: 16 * elem });
    const x = input.logical[perm[last]] ?? 1;
    const w = input.logical[last] ?? 1;
    let xw = Math.ceil(x / 32) * 32 * Math.ceil(w / 32) * 32;
    for (let i = 0; i < rank - 1; i++) if (i !== perm[last]) xw *= input.logical[i] ?? 1;
    units = Math.max(1, xw / TILE_ELEMENTS);
    why = `both tiled dims move: ${units} XW blocks; page = tile + ${misalignment} B read misalignment`;
  }
  const approxReasons = [
    ...(!atOrAfter(ctx, 'permute-tiled-generic')
      ? ['tiled permute factories before tt-metal PR #17048 not read']
      : windowReadableWithinReadSpan(ctx, 'permute-tiled-factories')
        ? []
        : [unreadReason('permute-tiled-factories')]),
    ...(atOrAfter(ctx, 'permute-dataflow-buffers')
      ? ['the Metal 2.0 port of the factories (PR #51095) is not read: its buffers are taken as the CBs before it']
      : []),
    ...(isBlockFloat(input.dtype)
      ? ['block-float input: ttnn::permute typecasts bfp8 to bf16 around most orders (not modeled)']
      : []),
    ...(isPermuteNop(input, perm)
      ? ['only size-1 dims move: ttnn::permute runs to_memory_config instead (not modeled)']
      : []),
  ];
  const split = splitWorkToCores(gridArea(ctx), units);
  return finishProgram({
    op,
    ctx,
    factory,
    factoryReason: `${why} over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs,
    ...confidenceFromReasons(approxReasons),
    citations: [
      CITES_TILED.select,
      CITES_TILED.factories,
      CITES_TILED.routing,
      CITE.workSplit,
      readSpanCite('permute-tiled-factories'),
    ],
  });
}

/** permute.cpp's is_permute_nop for a tiled input whose last two dims stay: only dims of size 1 move. */
function isPermuteNop(input: ResolvedTensor, perm: readonly number[]): boolean {
  const rank = perm.length;
  if (perm[rank - 1] !== rank - 1 || perm[rank - 2] !== rank - 2) return false;
  return perm.every((p, i) => input.logical[p] === input.logical[i] && (p === i || input.logical[i] <= 1));
}

function paddedShapeOf(dims: readonly number[]): number[] {
  return dims.map((d, i) => (i >= dims.length - 2 ? Math.ceil(d / 32) * 32 : d));
}

function transposeTiled(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  kind: 'wh' | 'hc' | 'cn' | 'other',
): OpEstimateResult {
  const split = splitWorkToCores(gridArea(ctx), input.geometry.nPages);
  const t = tileBytes(input.dtype);
  if (kind === 'hc') return transposeHcTiled(op, ctx, input, split, t);
  // Read span transpose-tiled-interleaved: an interleaved tiled WH runs TransposeWHProgramFactory (c_0, c_16 of 2 tiles)
  // at every build read; a sharded one the sharded WH factory (CBs of the shard), not modeled.
  const whApprox =
    kind !== 'wh'
      ? 'HC/CN transpose factories not read; two double-buffered tiles assumed'
      : input.layout.memoryLayout !== 'interleaved'
        ? 'sharded tiled WH: TransposeWHShardedProgramFactory (CBs of a whole shard) or the interleaved factory on the shard, by the shard specs: not modeled; two double-buffered tiles assumed'
        : windowReadableWithinReadSpan(ctx, 'transpose-tiled-interleaved')
          ? ''
          : unreadReason('transpose-tiled-interleaved');
  return finishProgram({
    op,
    ctx,
    factory:
      kind === 'wh'
        ? 'TransposeWHProgramFactory'
        : kind === 'cn'
          ? 'TransposeCNProgramFactory'
          : 'TransposeHCProgramFactory',
    factoryReason: `${input.geometry.nPages} tiles over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: t },
      { index: 16, role: 'output', nPages: 2, pageBytes: t },
    ],
    confidence: whApprox === '' ? 'exact' : 'approx',
    approxReason: whApprox,
    citations: [
      CITES.transpose,
      CITE.workSplit,
      ...(kind === 'wh' ? [readSpanCite('transpose-tiled-interleaved')] : []),
    ],
  });
}

/**
 * Tiled interleaved HC transpose [4]: one double-buffered input CB of tiles, plus a one-face pad CB
 * (16·16 elements) when C is not a multiple of the tile width.
 */
function transposeHcTiled(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  split: ReturnType<typeof splitWorkToCores>,
  t: number,
): OpEstimateResult {
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no element size`);
  const c = input.logical[input.logical.length - 3] ?? 1;
  const cbs = [{ index: 0, role: 'input', nPages: 2, pageBytes: t }];
  // The pad CB (a pad value is always set: transpose.hpp's default 0.0f, later value_or(0.0f)): one face row of 16
  // datums, one whole 16x16 face from change point `transpose-hc-tiled-face-padding`.
  const faceWide = atOrAfter(ctx, 'transpose-hc-tiled-face-padding');
  if (c % 32 !== 0)
    cbs.push({
      index: 1,
      role: faceWide ? 'pad (one face)' : 'pad (one face row)',
      nPages: 1,
      pageBytes: (faceWide ? 16 * 16 : 16) * elem,
    });
  const approxReasons = [
    ...(input.layout.memoryLayout === 'interleaved'
      ? []
      : ['sharded input: the HC sharded factory or the interleaved one on sharded buffers, not modeled']),
    ...(isBlockFloat(input.dtype) ? ['block-float input: the typecast around the transpose is not modeled'] : []),
    ...(atOrAfter(ctx, 'transpose-dataflow-buffers')
      ? ['the Metal 2.0 port of the factory (PR #54333) is not read: its buffers are taken as the CBs before it']
      : []),
    ...(windowReadableWithinReadSpan(ctx, 'transpose-tiled-interleaved')
      ? []
      : [unreadReason('transpose-tiled-interleaved')]),
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'TransposeHCTiledInterleavedProgramFactory',
    factoryReason: `${input.geometry.nPages} tiles over ${split.nCores} cores${c % 32 !== 0 ? `; C = ${c} not a multiple of 32 → pad CB` : ''}`,
    // The CBs sit on total_cores, the whole grid, at every version read [4].
    groups: onRange([{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }], gridRectangle(ctx.device.workerGrid)),
    cbs,
    ...confidenceFromReasons(approxReasons),
    citations: [CITES.transposeHcTiled, CITE.workSplit, readSpanCite('transpose-tiled-interleaved')],
  });
}

/**
 * Row-major HC transpose [3]: N·C·H sticks split over the grid; one buffer holds every stick of a core:
 * max sticks per core × max(W·elem, larger aligned page of input/output).
 */
function transposeHcRowMajor(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor): OpEstimateResult {
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no row-major size`);
  const w = input.logical[input.logical.length - 1];
  const sticks = input.geometry.nPages;
  const out = op.results[0];
  const outL1 =
    out !== undefined && out.kind === 'tensor' && out.layout.kind === 'layout' && out.layout.bufferType === 'l1';
  const align = Math.max(
    bufferAlignmentBytes(input, ctx),
    outL1 ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes,
  );
  const stick = Math.max(w * elem, alignUp(w * elem, align));
  const split = splitWorkToCores(gridArea(ctx), sticks);
  return finishProgram({
    op,
    ctx,
    factory: 'TransposeHCRMProgramFactory',
    factoryReason: `${sticks} sticks over ${split.nCores} cores; each core buffers all ${split.maxUnitsPerCore} of its sticks`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [{ index: 0, role: 'sticks', nPages: split.maxUnitsPerCore, pageBytes: stick }],
    confidence: 'approx',
    approxReason: 'read from the 2026 (Metal 2.0) version of the factory; older builds not checked',
    citations: [CITES.transposeHcRm, CITE.workSplit],
  });
}

/**
 * Interleaved row-major HC transpose before change point `permute-tiled-generic` [8]: transpose_ sends it to the HC
 * factory when W·elem is a multiple of the input buffer's alignment, else through tiles (`transposeHcViaTiles`).
 * c_0 = (most sticks of a core) × W·elem, N·C·H sticks split over the grid, the CB on the whole grid (total_cores).
 */
function transposeHcRowMajorJan2025(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor): OpEstimateResult {
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no row-major size`);
  const stickBytes = input.logical[input.logical.length - 1] * elem;
  if (stickBytes % bufferAlignmentBytes(input, ctx) !== 0) {
    const viaTiles = transposeHcViaTiles(op, ctx);
    if (viaTiles !== undefined) return viaTiles;
    // A sharded result (tt-metal's validate rejects it for an interleaved input) or an unresolved spec: the row-major
    // factory's figure (as transposeHcRowMajor sizes it) is kept.
    const kept = transposeHcRowMajor(op, ctx, input);
    return kept.kind !== 'estimate'
      ? kept
      : {
          ...kept,
          approxReason:
            'W·elem is not a multiple of the buffer alignment: tt-metal tilizes, runs the tiled HC transpose and untilizes (not modeled); the row-major HC factory figure is kept',
        };
  }
  const sticks = input.geometry.nPages;
  const split = splitWorkToCores(gridArea(ctx), sticks);
  return finishProgram({
    op,
    ctx,
    factory: 'transpose_hc_multi_core (row-major)',
    factoryReason: `${sticks} sticks over ${split.nCores} cores; each core buffers all ${split.maxUnitsPerCore} of its sticks`,
    groups: onRange([{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }], gridRectangle(ctx.device.workerGrid)),
    cbs: [{ index: 0, role: 'sticks', nPages: split.maxUnitsPerCore, pageBytes: stickBytes }],
    ...(windowReadableWithinReadSpan(ctx, 'transpose-rm-before-permute')
      ? { confidence: 'exact' as const }
      : { confidence: 'approx' as const, approxReason: unreadReason('transpose-rm-before-permute') }),
    citations: [CITES.transposeHcRmJan2025, CITE.workSplit, readSpanCite('transpose-rm-before-permute')],
  });
}

/**
 * The tiled path of an interleaved row-major HC transpose whose W·elem is not a multiple of the buffer alignment,
 * before change point `permute-tiled-generic` [9]: transpose_ sets tiled_only and runs three programs in turn —
 * to_layout TILE in the input's memory config (tilize_with_val_padding: W, and H, padded to 32), the tiled interleaved
 * HC transpose [4] into the requested memory config (pad CB when C % 32 ≠ 0: the runtime passes no pad value, and
 * transpose.hpp's default is 0.0f), then to_layout ROW_MAJOR in that memory config (untilize_with_unpadding to the
 * logical shape; the reshapes after each to_layout are views). Undefined when the result is not an interleaved device
 * tensor (validate rejects a sharded output of an interleaved input).
 */
function transposeHcViaTiles(op: TtnnOp, ctx: EstimateContext): OpEstimateResult | undefined {
  return transposeViaTiles(op, ctx, 'tiled HC transpose', CITES.transposeHcViaTiles);
}

/** to_layout TILE, the tiled transpose `label` names, to_layout ROW_MAJOR: the largest of the three programs. */
function transposeViaTiles(
  op: TtnnOp,
  ctx: EstimateContext,
  label: string,
  citation: string,
): OpEstimateResult | undefined {
  const inSpec = op.operands[0];
  const outSpec = op.results[0];
  if (inSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor' || outSpec.layout.kind !== 'layout') return undefined;
  if (outSpec.layout.memoryLayout !== 'interleaved' || outSpec.shape.kind !== 'known') return undefined;
  const tilize = toLayoutStep(op, ctx, 'to_layout TILE', inSpec, 'tile');
  const tiledOut = specWith(outSpec, { pageLayout: 'tile' });
  const transpose: Step = {
    label,
    result: estimateTranspose(stepOp(op, 'ttnn.transpose', [tilize.to], [tiledOut], op.properties), ctx),
  };
  const untilize = toLayoutStep(op, ctx, 'to_layout ROW_MAJOR', tiledOut, 'row_major');
  return largestStep(op, ctx, [tilize.step, transpose, untilize.step], { citations: [citation] });
}

export function estimateTranspose(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const rank = input.logical.length;
  const norm = (d: number | undefined): number | undefined => (d === undefined ? undefined : d < 0 ? d + rank : d);
  const d0 = norm(propInt(op, 'dim0'));
  const d1 = norm(propInt(op, 'dim1'));
  if (d0 === undefined || d1 === undefined) return unmodeled(op.name, 'dim0/dim1 attributes missing');
  const wh = (d0 === rank - 1 && d1 === rank - 2) || (d0 === rank - 2 && d1 === rank - 1);
  const hcDims = (d0 === rank - 3 && d1 === rank - 2) || (d0 === rank - 2 && d1 === rank - 3);
  if (input.layout.pageLayout === 'tile')
    return transposeTiled(op, ctx, input, wh ? 'wh' : hcDims && rank === 4 ? 'hc' : 'other');
  // Rank > 4: transpose_impl runs transpose_nd, a ttnn::permute of the swapped dims, sharded or not (transpose.cpp@043b5ac
  // and @00b0fa3), never the transpose factories below, whose whole-HW-plane WH set would be a silent wrong number.
  if (rank > 4)
    return rmPermute(op, ctx, input, d0 === rank - 1 ? d1 : d1 === rank - 1 ? d0 : rank - 1, {
      why: `rank-${rank} row-major transpose (ttnn::transpose → transpose_nd → ttnn::permute)`,
      approxReason: 'rank > 4 transposes seen routed to ttnn::permute at transpose.cpp@043b5ac and @00b0fa3 only',
      citation: CITES.transposeNd,
    });
  // From PR #16155 ttnn::transpose hands an interleaved row-major tensor to prim::permute (WH, HC, CN); the transpose
  // factories below run for sharded row-major inputs only.
  const cn = (d0 === rank - 4 && d1 === rank - 3) || (d0 === rank - 3 && d1 === rank - 4);
  const interleaved = input.layout.memoryLayout === 'interleaved';
  // transpose_ [6]: WH goes to prim::permute from PR #16155, HC and CN from PR #17048 (fb9f208, the same at every
  // later commit to 622c6fb); before, HC ran the HC factory (W·elem aligned) and CN the tiled path.
  if (interleaved && (wh || hcDims || cn)) {
    const viaPermute = wh
      ? atOrAfter(ctx, 'transpose-rm-interleaved-via-permute')
      : atOrAfter(ctx, 'transpose-rm-interleaved-via-permute') && atOrAfter(ctx, 'permute-tiled-generic');
    if (viaPermute) {
      const which = wh ? 'WH → permute (0,1,3,2)' : hcDims ? 'HC → permute (0,2,1,3)' : 'CN → permute (1,0,2,3)';
      return rmPermute(op, ctx, input, wh ? rank - 2 : rank - 1, {
        why: `interleaved row-major ${which} (ttnn::transpose → prim::permute, tt-metal PR #${wh ? 16155 : 17048})`,
        citation: CITES.transposeRouting,
      });
    }
    if (hcDims && rank === 4) return transposeHcRowMajorJan2025(op, ctx, input);
  }
  if (!wh) {
    const hc = (d0 === rank - 3 && d1 === rank - 2) || (d0 === rank - 2 && d1 === rank - 3);
    if (!hc) return unmodeled(op.name, 'row-major CN transpose is not modeled');
    return transposeHcRowMajor(op, ctx, input);
  }
  if (!interleaved)
    return transposeWhRowMajorFactory(
      op,
      ctx,
      input,
      "sharded row-major WH: TransposeWHShardedRMProgramFactory or, for shards it cannot take, the interleaved factory on the shard (by the shard specs): not modeled; the interleaved factory's figure is given",
    );
  // Before change point 'transpose-rm-interleaved-via-permute' [10]: transpose_ sends an interleaved row-major WH to the
  // tiled path when W·elem or H·elem is not a multiple of FACE_WIDTH (16 B), or when the factory's CBs do not fit under
  // the lowest occupied L1 address.
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no row-major size`);
  const h = input.padded[input.padded.length - 2] ?? 1;
  const w = input.padded[input.padded.length - 1];
  const offFaceWidth = (w * elem) % 16 !== 0 || (h * elem) % 16 !== 0;
  if (offFaceWidth) {
    const viaTiles = transposeViaTiles(op, ctx, 'tiled WH transpose', CITES.transposeWhViaTiles);
    if (viaTiles !== undefined) return viaTiles;
    // A result that is no interleaved device tensor (validate rejects a sharded output of an interleaved input): the
    // factory's figure, approx.
    return transposeWhRowMajorFactory(
      op,
      ctx,
      input,
      'W·elem or H·elem is not a multiple of 16 B: transpose_ runs to_layout TILE, the tiled WH transpose and to_layout ROW_MAJOR, not sized for this result; the row-major factory figure is given',
    );
  }
  // get_estimated_size_of_cbs divides the padded W and H by 32 rounding down (the factory itself rounds up).
  const wtFloor = Math.floor(w / 32);
  const htFloor = Math.floor(h / 32);
  const cbBytes = (2 * wtFloor + 2 * htFloor + htFloor * wtFloor + htFloor) * tileBytes(input.dtype);
  const unreservedBytes = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  if (cbBytes >= unreservedBytes) {
    const viaTiles = transposeViaTiles(op, ctx, 'tiled WH transpose', CITES.transposeWhViaTiles);
    if (viaTiles !== undefined) return viaTiles;
  }
  // The lowest occupied L1 address is l1_size with no L1 buffer; live L1 buffers lower it by at least their bytes.
  const mayNotFit = cbBytes >= unreservedBytes - liveL1Of(ctx);
  return transposeWhRowMajorFactory(
    op,
    ctx,
    input,
    mayNotFit
      ? `transpose.cpp's estimate of the factory's CBs (${cbBytes} B) may not fit under the lowest occupied L1 address with live L1 buffers, when transpose_ runs the tiled path instead (not modeled): this factory's figure is given`
      : windowReadableWithinReadSpan(ctx, 'transpose-rm-before-permute')
        ? ''
        : unreadReason('transpose-rm-before-permute'),
  );
}

/**
 * transpose_wh_multi_core's row-major branch [10]: c_0 = 2·Wt, c_16 = 2·Ht, c_24 = Ht·Wt and c_25 = Ht tiles (the
 * tilize and untilize CBs), on the whole grid; N·C HW planes split over it. The same CB lines at every commit to 622c6fb.
 */
function transposeWhRowMajorFactory(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  approxReason: string,
): OpEstimateResult {
  const t = tileBytes(input.dtype);
  const p = input.padded;
  const wt = Math.ceil(p[p.length - 1] / 32);
  const ht = Math.ceil((p[p.length - 2] ?? 1) / 32);
  let planes = 1;
  for (let i = 0; i < p.length - 2; i++) planes *= p[i];
  const split = splitWorkToCores(gridArea(ctx), planes);
  return finishProgram({
    op,
    ctx,
    factory: 'TransposeWHRowMajorProgramFactory',
    factoryReason: `${planes} HW planes over ${split.nCores} cores; each core holds a whole ${ht}x${wt}-tile plane`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 0, role: 'input rows', nPages: 2 * wt, pageBytes: t },
      { index: 16, role: 'output rows', nPages: 2 * ht, pageBytes: t },
      { index: 24, role: 'plane (tilized)', nPages: ht * wt, pageBytes: t },
      { index: 25, role: 'untilize rows', nPages: ht, pageBytes: t },
    ],
    ...(approxReason === '' ? { confidence: 'exact' as const } : { confidence: 'approx' as const, approxReason }),
    citations: [CITES.transposeWhRm, CITE.workSplit, readSpanCite('transpose-rm-before-permute')],
  });
}
