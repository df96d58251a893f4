/**
 * L1 estimate for `ttnn.group_norm`: interleaved TILE inputs (GroupNormMcastProgramFactory, or
 * GroupNormNoMcastProgramFactory when N ≥ the virtual rows; legacy two-pass kernel) and height/block-sharded inputs
 * (the sharded factory).
 *
 * What runs: tt-mlir's runtime calls ttnn::group_norm(input, num_groups, eps, input_mask, weight, bias) with no
 * core_grid, no num_out_blocks, no compute config, no negative mask, inplace unset and use_welford = false [3]. tt-mlir
 * gives it [N, 1, H·W, C] in bf16 (operand workaround) and always a row-major bf16 weight and bias (ones/zeros
 * materialised, tt-metal #39529) [4]. With an interleaved input and no core_grid, ttnn::group_norm picks the grid
 * itself and leaves num_out_blocks to the factory's heuristic [1]; the device op takes the no-mcast factory when
 * N ≥ num_virtual_rows, else mcast [5]. A sharded input runs on its shard grid.
 *
 * Interleaved (T(x) = tile bytes of dtype x; im = Float32 tiles for an f32 input, else bf16):                  [1][2][6]
 *   W = padded C, Ht = N·H·W/32 (padded rows), G = num_groups, grid columns gx ≤ device x, rows gy ≤ device y
 *   nvc(gx) = largest v ≤ min(gx, G) with (W / v) % 32 == 0 and G % v == 0
 *   grid = first (gx from device x down, gy from min(Ht / (gx / nvc), device y) down) with Ht % nvr == 0, where
 *     nvr = (gx / nvc)·gy; from 'groupnorm-dram-grid-num-batches' also nvr < N or nvr % N == 0
 *   per_core_Mt = Ht / nvr, per_core_N = W / nvc (Nt = per_core_N / 32), cores = nvr·nvc
 *   num_out_blocks = smallest power of 2 ≥ max(1, ⌊padded[1]·padded[2]·W / (65536·nvc·nvr)⌋), at most 256
 *   block_wt = most tiles one group of C/G channels spans inside per_core_N (find_max_tile_span)
 *   block_ht = per_core_Mt (mcast), or Ht / N, one batch's tile rows (no-mcast: N ≥ nvr, a core holds whole batches,
 *     one more on the first rows when N % nvr ≠ 0)                                                              [9]
 *   block = ⌊block_ht / num_out_blocks⌋ · block_wt tiles
 *   CBs (every core): c_0 in block·T(in) · c_16 out block·T(out) · c_29 block·T(in) · c_2, c_3, c_4 1 im each ·
 *     c_5 gamma Nt·T(gamma) · c_6 beta Nt·T(beta) · c_28 mask 2·block_wt·T(mask) (ttnn makes a bf16 mask when the op
 *     has none) · c_24, c_25, c_23, c_22 block im each · c_8, c_21 1 im each · c_10 2·(nvr / N) im (one partial per
 *     core of a multicast group; 2 im without mcast, every core its own sender) · c_15/c_9 1 im · c_13/c_14 1 im ·
 *     c_27 1 im; no-mcast with a row-major output also c_30 block·T(in) (untilize)
 *
 * Sharded (shard M x N elements, Mt = M/32, Nt = ⌈N/32⌉, block_wt as above over N, block_ht = Mt / batches per core):
 *                                                                                                          [7][8]
 *   c_0 / c_16 are backed by the input / output shards (not in the CB region) · c_1 tilized input Mt·Nt·T(in) ·
 *   c_30 the same when the output is row-major · c_2, c_3, c_4 1 im · c_5, c_6 Nt·T(gamma/beta) · c_7 mask
 *   2·block_wt·T(mask) · c_11/c_12 repack 2·Nt·T(in) when N % 32 ≠ 0 · c_13 x block_ht·block_wt im · c_8 1 im ·
 *   c_10 · c_15/c_9 1 im · c_17 1 im; before 'groupnorm-sharded-fused-variance' also c_14 (x − E[x]) block_ht·block_wt
 *   im and c_10 = (cores per batch · cores per group) im; from it c_10 = 1 im and a ones tile c_26.
 *
 * Version axis: 'groupnorm-dram-grid-num-batches' (tt-metal PR #42781: the auto grid also keeps nvr a multiple of N);
 *   'groupnorm-sharded-fused-variance' (PR #26364). tt-mlir emits ttnn.group_norm from tt-mlir PR #6966 (2026-03),
 *   after the DRAM factory (PR #20212, 2025-04) and its num_out_blocks heuristic (PR #27279, 2025-08) landed, so the
 *   interleaved path needs no earlier branch; the sharded path reaches back to 2025 for the python API's threads.
 *
 * Not modeled (unmodeled with the reason): row-major interleaved inputs (deadlocked, then rejected by TT_FATAL:
 *   tt-metal #47972/#48142; from tt-metal PR #49501, 2026-07, Wormhole and the legacy path only, group_norm() decides
 *   on the host whether the tilized per-core group fits L1: if so the readers gather row-major rows and compute tilizes
 *   them once into a resident CB c_17, else a composite tilize_with_zero_padding → TILE group_norm runs (PR thread,
 *   2026-07-14); the factory after it is not in the code index, so its CB sizes and the fit test are unread), width
 *   sharding (rejected by ttnn::group_norm), a no-mcast input whose batches are not whole tile rows.
 * Confidence: approx. The CB lists were read at a few commits [2][7][8]; the 2026 factories also add three
 *   single-tile pad-correction CBs when H·W is not tile aligned (not counted: tt-mlir decomposes those cases).
 *
 * Worked examples (bf16, 8x8 Wormhole): interleaved N=1, H·W=16384, C=512, G=32: gx=8 → nvc 8, nvr 8, per_core_Mt 64,
 *   per_core_N 64 (Nt 2), num_out_blocks 2 (8,388,608 / 4,194,304), block_wt 1, block 32 tiles:
 *   7·32 + 3 + 2 + 2 + 2 + 2 + 16 + 3 = 254 tiles = 520,192 B per core. Sharded: tt-metal #19606's 1,458,144 and
 *   1,724,384 B (test/unit/analysis/threads-groupnorm.test.ts).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/groupnorm.cpp@0062748 (auto grid, num_out_blocks -1,
 *       mask from get_mask_tensor, im format from the input dtype, validate_dram_grid's num_batches condition)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/groupnorm_mcast_program_factory.cpp@003544f
 *       (per-core blocks, heuristic num_out_blocks, CB sizes and creation order)
 *   [3] tt-mlir runtime/lib/ttnn/operations/normalization/group_norm.cpp@19c86fc (the ttnn::group_norm call)
 *   [4] tt-mlir lib/Conversion/TTIRToTTNN/TTIRToTTNN.cpp@19c86fc (GroupNormOpConversionPattern);
 *       lib/Dialect/TTNN/IR/TTNNWorkaroundsPass.cpp@19c86fc (createGroupNormOpOperandsWorkarounds)
 *   [5] tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/groupnorm_device_operation.cpp
 *       (select_program_factory: no-mcast when batch ≥ num_virtual_rows)
 *   [6] tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/groupnorm_grid_utils.cpp@0c016ff
 *       (compute_num_virtual_cols, find_expected_dram_grid before PR #42781)
 *   [7] tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/multi_core/groupnorm_op_multi_core.cpp
 *       (groupnorm_multi_core_sharded, search-index version 3623185167: before PR #26364)
 *   [8] tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/multi_core/groupnorm_op_multi_core.cpp@0055520
 *       and device/groupnorm_sharded_program_factory.cpp@0175ec7 (after it; same CBs without Welford)
 *   [9] tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/groupnorm_no_mcast_program_factory.cpp@003544f
 *       (block_ht per batch, every core a sender so c_10 = 2 tiles, the same CB list as mcast plus c_30)
 */

import { atOrAfter } from '../changePoints';
import type { DataType } from '../../ttnn/dtype';
import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import type { CbSpec, ResolvedTensor } from '../common';
import { shardGridFirstRange } from '../printedRange';
import { finishProgram, propInt, resolveTensor } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { operandSegments } from './norm';

const CITE_GN_ENTRY = 'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/groupnorm.cpp@0062748';
const CITE_GN_MCAST =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/groupnorm_mcast_program_factory.cpp@003544f';
const CITE_GN_NO_MCAST =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/groupnorm_no_mcast_program_factory.cpp@003544f';
const CITE_GN_GRID = 'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/groupnorm_grid_utils.cpp@0c016ff';
const CITE_GN_SHARDED_NEW =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/groupnorm_sharded_program_factory.cpp@0175ec7; multi_core/groupnorm_op_multi_core.cpp@0055520';
const CITE_GN_SHARDED_OLD =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/multi_core/groupnorm_op_multi_core.cpp (groupnorm_multi_core_sharded, search-index version 3623185167)';
const CITE_GN_RUNTIME = 'tt-mlir runtime/lib/ttnn/operations/normalization/group_norm.cpp@19c86fc';

const TILE = 32;
const HEURISTIC_BLOCK_ELEMENTS = 256 * 256;
const MAX_HEURISTIC_OUT_BLOCKS = 256;

/** Largest v ≤ min(gridX, groups) splitting the channels into tile-wide, whole-group column slices (0: none). */
export function groupNormVirtualCols(gridX: number, groups: number, channels: number): number {
  let v = Math.min(gridX, groups);
  while (v > 0 && (Math.floor(channels / v) % TILE !== 0 || groups % v !== 0)) v--;
  return v;
}

export interface GroupNormDramGrid {
  readonly x: number;
  readonly y: number;
  readonly virtualCols: number;
  readonly virtualRows: number;
}

/**
 * The grid ttnn::group_norm picks for an interleaved input without core_grid (find_expected_dram_grid): the widest,
 * then tallest grid whose virtual rows divide the tile rows (and, with `byBatches`, are below or a multiple of N).
 */
export function groupNormDramGrid(
  maxX: number,
  maxY: number,
  channels: number,
  groups: number,
  heightTiles: number,
  batches: number,
  byBatches: boolean,
): GroupNormDramGrid | undefined {
  for (let gx = maxX; gx >= 1; gx--) {
    const nvc = groupNormVirtualCols(gx, groups, channels);
    if (nvc === 0) continue;
    const rowsPerY = Math.floor(gx / nvc);
    if (rowsPerY === 0) continue;
    for (let gy = Math.min(Math.floor(heightTiles / rowsPerY), maxY); gy >= 1; gy--) {
      const nvr = rowsPerY * gy;
      if (heightTiles % nvr !== 0) continue;
      if (byBatches && !(nvr < batches || nvr % batches === 0)) continue;
      return { x: gx, y: gy, virtualCols: nvc, virtualRows: nvr };
    }
  }
  return undefined;
}

/** Most tiles (of `tileWidth` columns) any one group of `groupSize` consecutive channels spans in `width` (find_max_tile_span). */
export function maxTileSpan(width: number, groupSize: number, tileWidth = TILE): number {
  let span = 0;
  for (let pos = 0; pos < width; pos += groupSize) {
    const end = pos + groupSize;
    span = Math.max(span, Math.floor((end - 1) / tileWidth) - Math.floor(pos / tileWidth) + 1);
  }
  return span;
}

/** The factory's num_out_blocks heuristic: next power of two of volume / (65536 · virtual cores), capped at 256. */
export function groupNormHeuristicOutBlocks(volumeWithoutBatch: number, virtualCores: number): number {
  const wanted = Math.max(1, Math.floor(volumeWithoutBatch / (HEURISTIC_BLOCK_ELEMENTS * virtualCores)));
  let blocks = 1;
  while (blocks < wanted && blocks < MAX_HEURISTIC_OUT_BLOCKS) blocks *= 2;
  return blocks;
}

interface OptionalOperands {
  readonly mask: ResolvedTensor | undefined;
  readonly gamma: ResolvedTensor | undefined;
  readonly beta: ResolvedTensor | undefined;
}

/** input_mask, weight and bias by operandSegmentSizes, or why one cannot be read. */
function optionalOperands(op: TtnnOp): OptionalOperands | string {
  const segments = operandSegments(op);
  const at = (segment: number, what: string): ResolvedTensor | string | undefined => {
    const idx = segments[segment]?.[0];
    return idx === undefined ? undefined : resolveTensor(op.operands[idx], what);
  };
  const mask = at(1, 'input_mask');
  const gamma = at(2, 'weight');
  const beta = at(3, 'bias');
  if (typeof mask === 'string') return mask;
  if (typeof gamma === 'string') return gamma;
  if (typeof beta === 'string') return beta;
  return { mask, gamma, beta };
}

/** Intermediate (statistics) tile bytes: Float32 tiles for an f32 input, else bf16 (group_norm_im_data_format). */
function imTileBytes(input: ResolvedTensor): number {
  return tileBytes(input.dtype === 'f32' ? 'f32' : 'bf16');
}

/** c_2..c_4 (reduce scaler, epsilon, cross-core scaler: one intermediate tile each) and c_5/c_6 (gamma, beta: a core's
 *  width in tiles): the same in the interleaved (mcast, no-mcast) and the sharded factories. */
function scalerAndAffineCbs(
  imPageBytes: number,
  perCoreNt: number,
  hasGamma: boolean,
  hasBeta: boolean,
  gammaBetaDtype: DataType,
): CbSpec[] {
  const cbs: CbSpec[] = [
    { index: 2, role: 'reduce scaler', nPages: 1, pageBytes: imPageBytes },
    { index: 3, role: 'epsilon', nPages: 1, pageBytes: imPageBytes },
    { index: 4, role: 'cross-core scaler', nPages: 1, pageBytes: imPageBytes },
  ];
  if (hasGamma) cbs.push({ index: 5, role: 'gamma', nPages: perCoreNt, pageBytes: tileBytes(gammaBetaDtype) });
  if (hasBeta) cbs.push({ index: 6, role: 'beta', nPages: perCoreNt, pageBytes: tileBytes(gammaBetaDtype) });
  return cbs;
}

export function estimateGroupNorm(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const groups = propInt(op, 'num_groups');
  if (groups === undefined || groups <= 0) return unmodeled(op.name, 'num_groups is missing or not a positive integer');
  if (input.layout.memoryLayout === 'height_sharded' || input.layout.memoryLayout === 'block_sharded')
    return estimateShardedGroupNorm(op, ctx, input, output, groups);
  if (input.layout.memoryLayout !== 'interleaved') {
    return unmodeled(op.name, `${input.layout.memoryLayout} input (ttnn::group_norm rejects width sharding)`);
  }
  if (input.layout.pageLayout !== 'tile') {
    return unmodeled(
      op.name,
      'row-major interleaved input: the interleaved factory hung on it, then tt-metal rejected it (issues #47972, #48142); from tt-metal PR #49501 (2026-07, Wormhole, legacy path) it runs through a resident tilized-group CB or a host tilize composite, whose CBs were not read; not modeled',
    );
  }
  if (input.padded.length !== 4)
    return unmodeled(op.name, `rank-${input.padded.length} input (ttnn::group_norm takes rank 4)`);
  const [n, d1, d2, channels] = input.padded as readonly [number, number, number, number];
  const rows = n * d1 * d2;
  if (channels % groups !== 0)
    return illegal(
      op.name,
      `Number of channels (${channels}) must be divisible by the number of groups (${groups})`,
      CITE_GN_ENTRY,
    );
  if (rows % TILE !== 0)
    return illegal(
      op.name,
      `The product of NHW dimensions (${rows}) must be divisible by the tile size (32)`,
      CITE_GN_ENTRY,
    );
  const heightTiles = rows / TILE;

  const optional = optionalOperands(op);
  if (typeof optional === 'string') return unmodeled(op.name, optional);
  const { mask: maskT, gamma: gammaT, beta: betaT } = optional;

  const [gridRows, gridCols] = ctx.device.workerGrid;
  const byBatches = atOrAfter(ctx, 'groupnorm-dram-grid-num-batches');
  const grid = groupNormDramGrid(gridCols, gridRows, channels, groups, heightTiles, n, byBatches);
  if (grid === undefined) {
    return illegal(
      op.name,
      `group_norm: Could not determine a valid DRAM core grid for channels=${channels}, num_groups=${groups}, nhw=${rows}`,
      CITE_GN_ENTRY,
    );
  }
  const nvc = grid.virtualCols;
  const nvr = grid.virtualRows;
  // select_program_factory: N ≥ num_virtual_rows runs the no-mcast factory, where every core is its own sender [5][9].
  const noMcast = n >= nvr;
  if (noMcast && heightTiles % n !== 0) {
    return unmodeled(
      op.name,
      `N = ${n} ≥ ${nvr} virtual rows with H·W = ${d1 * d2} not a whole number of tile rows per batch; not modeled`,
    );
  }
  const perCoreMt = heightTiles / nvr;
  // No-mcast: a core holds whole batches (one more on the first rows when N % nvr ≠ 0); a block is one batch's rows.
  const blockHt = noMcast ? heightTiles / n : perCoreMt;
  const perCoreN = channels / nvc;
  const perCoreNt = perCoreN / TILE;
  const outBlocks = groupNormHeuristicOutBlocks(d1 * d2 * channels, nvc * nvr);
  const blockWt = maxTileSpan(perCoreN, channels / groups);
  const blockTiles = Math.floor(blockHt / outBlocks) * blockWt;
  if (blockTiles === 0) {
    return unmodeled(op.name, `num_out_blocks ${outBlocks} exceeds the ${blockHt} tile rows per block; not modeled`);
  }
  // A multicast group is the cores of one batch in one column slice (equal batches: nvr / N cores); 1 without mcast.
  const coresPerMcastGroup = noMcast ? 1 : Math.floor(nvr / n);

  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);
  const im = imTileBytes(input);
  // gamma_beta_cb_data_format: bf16 unless given, beta's dtype winning over gamma's.
  const gammaBetaDtype: DataType = betaT?.dtype ?? gammaT?.dtype ?? 'bf16';
  const tMask = tileBytes(maskT?.dtype ?? 'bf16');
  const cbs: CbSpec[] = [
    { index: 0, role: 'input block', nPages: blockTiles, pageBytes: tIn },
    { index: 16, role: 'output block', nPages: blockTiles, pageBytes: tOut },
    { index: 29, role: 'input staging', nPages: blockTiles, pageBytes: tIn },
  ];
  // The no-mcast factory untilizes a row-major output through c_30 (read at 003544f; the mcast one not re-read).
  if (noMcast && output.layout.pageLayout === 'row_major')
    cbs.push({ index: 30, role: 'output before untilize', nPages: blockTiles, pageBytes: tIn });
  cbs.push(...scalerAndAffineCbs(im, perCoreNt, gammaT !== undefined, betaT !== undefined, gammaBetaDtype));
  cbs.push(
    { index: 28, role: 'group mask', nPages: 2 * blockWt, pageBytes: tMask },
    { index: 24, role: 'x', nPages: blockTiles, pageBytes: im },
    { index: 25, role: 'x - E[x]', nPages: blockTiles, pageBytes: im },
    { index: 23, role: '(x - E[x])²', nPages: blockTiles, pageBytes: im },
    { index: 22, role: 'normalised block', nPages: blockTiles, pageBytes: im },
    { index: 8, role: 'E[x] partial', nPages: 1, pageBytes: im },
    { index: 21, role: 'Var partial', nPages: 1, pageBytes: im },
    { index: 10, role: 'partials of the multicast group', nPages: 2 * coresPerMcastGroup, pageBytes: im },
    { index: 15, role: 'E[x] global (shares c_9)', nPages: 1, pageBytes: im },
    { index: 13, role: 'Var global (shares c_14)', nPages: 1, pageBytes: im },
    { index: 27, role: '1/sqrt(Var + eps)', nPages: 1, pageBytes: im },
  );

  return finishProgram({
    op,
    ctx,
    factory: noMcast ? 'GroupNormNoMcastProgramFactory' : 'GroupNormMcastProgramFactory',
    factoryReason: `interleaved tile input, no core_grid: grid ${grid.x}x${grid.y} (${nvc} virtual columns × ${nvr} virtual rows, N = ${n}${noMcast ? ' ≥ virtual rows: no multicast' : ''}); ${noMcast ? `${blockHt} tile rows per batch` : `${perCoreMt} tile rows per core`} × ${perCoreNt} tile columns in ${outBlocks} out block${outBlocks === 1 ? '' : 's'} (heuristic), group span ${blockWt} tile${blockWt === 1 ? '' : 's'}`,
    groups: [{ name: 'all', nCores: nvc * nvr, firstCore: [0, 0] as const }],
    cbs,
    confidence: 'approx',
    approxReason:
      'CB list read at one 2026 tt-metal commit; the grid and num_out_blocks are chosen by ttnn::group_norm and vary across 2026 builds',
    citations: [noMcast ? CITE_GN_NO_MCAST : CITE_GN_MCAST, CITE_GN_ENTRY, CITE_GN_GRID, CITE_GN_RUNTIME],
  });
}

/**
 * The sharded factory (GroupNormShardedMultiCoreProgramFactory; groupnorm_multi_core_sharded before it): one core per
 * shard, the input and output CBs backed by their L1 shards, every other CB sized from the shard.
 */
function estimateShardedGroupNorm(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  groups: number,
): OpEstimateResult {
  if (input.padded.length !== 4)
    return unmodeled(op.name, `rank-${input.padded.length} input (ttnn::group_norm takes rank 4)`);
  const [n, , hw, channels] = input.padded as readonly [number, number, number, number];
  const shard = input.layout.shardShape;
  if (shard.length !== 2) return unmodeled(op.name, `input shard of rank ${shard.length} (expected rows x columns)`);
  const tiled = input.layout.pageLayout === 'tile';
  // ttnn shard specs are in elements; a tiled memref counts tiles.
  const shardRows = tiled ? shard[0]! * TILE : shard[0]!;
  const shardCols = tiled ? shard[1]! * TILE : shard[1]!;
  const groupSize = channels / groups;
  if (channels % groups !== 0)
    return illegal(
      op.name,
      `Number of channels (${channels}) must be divisible by the number of groups (${groups})`,
      CITE_GN_ENTRY,
    );
  const rows = hw * n;
  if (shardRows % TILE !== 0 || rows % shardRows !== 0 || channels % shardCols !== 0 || shardCols % groupSize !== 0) {
    return illegal(
      op.name,
      `shard ${shardRows}x${shardCols} must tile H = ${rows} (rows divisible by 32) and W = ${channels} in whole groups of ${groupSize}`,
      CITE_GN_SHARDED_NEW,
    );
  }
  const optional = optionalOperands(op);
  if (typeof optional === 'string') return unmodeled(op.name, optional);
  const { mask, gamma, beta } = optional;

  const perCoreMt = shardRows / TILE;
  const perCoreNt = Math.ceil(shardCols / TILE);
  const shardsR = rows / shardRows;
  const shardsC = channels / shardCols;
  const coresPerBatch = n > shardsR ? 1 : shardsR / n;
  const coresPerGroup = groups > shardsC ? 1 : shardsC / groups;
  const batchesPerCore = n > shardsR ? n / shardsR : 1;
  const blockWt = maxTileSpan(shardCols, groupSize);
  const blockHt = perCoreMt / batchesPerCore;
  const fusedVariance = atOrAfter(ctx, 'groupnorm-sharded-fused-variance');

  const tIn = tileBytes(input.dtype);
  const im = imTileBytes(input);
  const gammaBetaDtype: DataType = beta?.dtype ?? gamma?.dtype ?? 'bf16';
  const inBlock = perCoreMt * perCoreNt;
  const cbs: CbSpec[] = [
    { index: 0, role: 'input shard', nPages: inBlock, pageBytes: tIn, tensorBacked: true },
    { index: 16, role: 'output shard', nPages: inBlock, pageBytes: tileBytes(output.dtype), tensorBacked: true },
    { index: 1, role: 'tilized input', nPages: inBlock, pageBytes: tIn },
  ];
  if (output.layout.pageLayout === 'row_major')
    cbs.push({ index: 30, role: 'output before untilize', nPages: inBlock, pageBytes: tIn });
  cbs.push(...scalerAndAffineCbs(im, perCoreNt, gamma !== undefined, beta !== undefined, gammaBetaDtype));
  // From the 2026 entry point on ttnn::group_norm makes a bf16 mask when the op has none (older builds: approx).
  cbs.push({ index: 7, role: 'group mask', nPages: 2 * blockWt, pageBytes: tileBytes(mask?.dtype ?? 'bf16') });
  if (shardCols % TILE !== 0)
    cbs.push({ index: 11, role: 'repack (shares c_12)', nPages: 2 * perCoreNt, pageBytes: tIn });
  cbs.push({ index: 13, role: 'x', nPages: blockHt * blockWt, pageBytes: im });
  if (!fusedVariance) cbs.push({ index: 14, role: 'x - E[x]', nPages: blockHt * blockWt, pageBytes: im });
  cbs.push({ index: 8, role: 'E[x] partial', nPages: 1, pageBytes: im });
  // Before the change point one partial per core of a multicast group (the cores of one batch and group).
  cbs.push({
    index: 10,
    role: 'partials of the multicast group',
    nPages: fusedVariance ? 1 : coresPerBatch * coresPerGroup,
    pageBytes: im,
  });
  cbs.push(
    { index: 15, role: 'E[x] global (shares c_9)', nPages: 1, pageBytes: im },
    { index: 17, role: '1/sqrt(Var + eps)', nPages: 1, pageBytes: im },
  );
  if (fusedVariance) cbs.push({ index: 26, role: 'ones', nPages: 1, pageBytes: im });

  const [gridRows, gridCols] = input.layout.gridShape;
  return finishProgram({
    op,
    ctx,
    factory: fusedVariance ? 'GroupNormShardedMultiCoreProgramFactory' : 'groupnorm_multi_core_sharded',
    factoryReason: `${input.layout.memoryLayout} input: ${shardRows}x${shardCols} shards (${perCoreMt}x${perCoreNt} tiles) on ${gridRows}x${gridCols} cores, ${groups / Math.min(groups, shardsC)} group${groups / Math.min(groups, shardsC) === 1 ? '' : 's'} per core spanning ${blockWt} tile${blockWt === 1 ? '' : 's'}`,
    // Every CB on all_cores = the input's shard_spec.grid ([8] @0055520; e.g. its in_mask CB, index ids 188601051,
    // 3623185167): its first CoreRange — tt-metal #19606 prints the 8x8 block grid (0,0)-(7,7).
    groups: [
      {
        name: 'shard cores',
        nCores: gridRows * gridCols,
        firstCore: [0, 0] as const,
        printedRange: shardGridFirstRange(input.layout, ctx.device.workerGrid[1]),
      },
    ],
    cbs,
    confidence: 'approx',
    approxReason: fusedVariance
      ? 'sharded CB list read at 2025-2026 commits; a missing input_mask is assumed to be made by ttnn::group_norm (bf16)'
      : 'pre-PR #26364 CB list read at one undated 2025 version; the multicast group size is taken as cores per batch x cores per group',
    citations: [fusedVariance ? CITE_GN_SHARDED_NEW : CITE_GN_SHARDED_OLD, CITE_GN_ENTRY, CITE_GN_RUNTIME],
  });
}
