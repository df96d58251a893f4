/**
 * L1 estimate for `ttnn.rms_norm_post_all_gather` and `ttnn.layer_norm_post_all_gather` on interleaved tiled inputs
 * (LayerNormPostAllGatherProgramFactory: normalise each row with the all-gathered statistics).
 *
 * Formula (tiles per core; Wt = padded width / 32; T(x) = tile bytes of dtype x; im = Float32 when fp32_dest_acc_en,
 * else bf16; S = stats padded width / 32, i.e. 1 (rms) or 2 (layer) columns per device):                       [1]
 *   L = Wt (cb_length), except on the 1D grid when Wt·T(input) > 0.95·A, A = l1_size_per_core − the allocator's L1
 *       base (the whole L1 above the base, a device constant — not the free L1 left by live tensors): then
 *       L = trunc((A / T(input))·0.95 / 7).
 *   c_0  input        L · T(input)       c_1  stats        S · T(stats)
 *   c_2  gamma        L · T(weight)      (with a weight)   c_3  beta   L · T(bias)   (with a bias)
 *   c_4  epsilon      1 bf16 tile        c_5  reduce scaler 1 bf16 tile
 *   c_6  E[x²], E[x]  1 (rms) or 2 (layer) · im;  c_8, c_9, c_10  one im tile each (var, var + eps, 1/sqrt)
 *   c_12 normalised   L · im
 *   layer only: c_7 1 · im (E[x]²), c_11 L · im (x − E[x]), c_13 L · im (only with a bias)
 *   c_14 output       L · T(result)
 *   cores: split_work_to_cores(grid, NC·Ht tile rows), row-major; every core gets the same buffers.
 * use_2d_core_grid (a ttnn argument of both ops): cores_x = largest divisor of the tile rows ≤ grid.y, cores_y =
 *   largest divisor of Wt ≤ grid.y, a cores_x x cores_y rectangle; L = Wt / cores_y (never capped); same buffers.  [1]
 *
 * Float32 input or stats: tt-metal PR #48226 (description 2026-06-26) accepted them, with fp32_dest_acc_en required
 *   (a TT_FATAL in the factory); before it validate refused them. Either way Float32 with fp32 accumulation off is
 *   rejected (unmodeled here: the messages were not read); with it on, the figure notes the PR.
 * Factory selection [2]: a LayerNormDefaultProgramConfig with use_welford → the Welford factory (unmodeled; tt-mlir's
 *   program_config is a sharded config, so it never selects Welford); otherwise the factory above. Sharded inputs go
 *   to the sharded LayerNorm factory's post-all-gather stage [3] (unmodeled). validate [2]: TILE input and stats of
 *   bf16 / bfp8 / f32; weight and bias bf16 or f32.
 *
 * Version axis: the factory was read at two commits [1] whose CB sizing is the same; when the L-cap and the
 *   Float32 intermediates came in was not dated (tt-metal issue #29728, 2025-09-30, reports both distributed norm
 *   steps running out of L1 at large widths because they buffered the whole row; which PR added the cap was not
 *   read). So no change point, and the figures are `approx` (the build window may hold an undated earlier version).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_post_all_gather_program_factory.cpp@015365c
 *       and @71ff3c1 (same CB sizes; cb_length cap from available_L1; cb_data_format Float32 with fp32_dest_acc_en)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_post_all_gather_device_operation.cpp@031b0ab
 *   [3] tt-metal ttnn/cpp/ttnn/operations/normalization/rmsnorm_distributed/rmsnorm_post_all_gather.hpp (ttnn
 *       arguments: input, stats, epsilon, weight, bias, memory_config, compute_kernel_config, program_config, dtype,
 *       use_2d_core_grid); tt-mlir include/ttmlir/Dialect/TTNN/IR/TTNNOps.td@19c86fc (layer_norm_post_all_gather:
 *       input, stats, weight?, bias?, epsilon, compute_config, program_config); tt-mlir
 *       runtime/lib/ttnn/operations/normalization/rms_norm_post_all_gather.cpp@19e6b9d (RMSNormPostAllGatherOp: input,
 *       stats, weight?, bias?, epsilon, memory_config, compute_config, program_config, dtype, use_2d_core_grid)
 *
 * Assumptions: without `compute_config` fp32_dest_acc_en is taken as off (the ttnn default the pre-all-gather model
 *   reads, ops/normPreAllGather.ts [4]; not read for this op). Without operandSegmentSizes a third operand is taken as
 *   the weight. The base used for A is the device's `l1UnreservedBase` (what tt-metal's allocator reports).
 * Worked example: rms, 1x1x32x4096 bf16 input, 1x1x32x64 bf16 stats (two devices), 1x1x32x4096 bf16 weight, fp32 acc
 *   on, Wormhole (A = 1,499,136 − 102,656 = 1,396,480; 128·2,048 = 262,144 ≤ 0.95·A, no cap; L = Wt = 128): input
 *   262,144 + stats 2·2,048 + gamma 262,144 + eps 2,048 + scaler 2,048 + E[x²] 4,096 + 3·4,096 + normalised
 *   128·4,096 = 524,288 + out 262,144 = 1,335,296 B per core, on 1 core (one tile row).
 */

import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  CbSpec,
  GroupSpec,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { fp32DestAccFromConfig, operandSegments } from './norm';
import { distributedNorm2dCores } from './normPreAllGather';

const CITE_FACTORY =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_post_all_gather_program_factory.cpp@015365c';
const CITE_SELECT =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_post_all_gather_device_operation.cpp@031b0ab';

type PostNormKind = 'layer' | 'rms';

export function estimateRmsNormPostAllGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimatePostAllGather(op, ctx, 'rms');
}

export function estimateLayerNormPostAllGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimatePostAllGather(op, ctx, 'layer');
}

/**
 * The row-length tile count the 1D factory sizes its row buffers by: Wt, or, when one input row exceeds 95 % of the
 * L1 above the allocator base, trunc((A / T(input))·0.95 / 7) tiles [1]. A is a device constant, not the free L1.
 */
export function postAllGatherRowTiles(wt: number, inputTileBytes: number, l1AboveBaseBytes: number): number {
  if (wt * inputTileBytes <= l1AboveBaseBytes * 0.95) return wt;
  return Math.trunc(((l1AboveBaseBytes / inputTileBytes) * 0.95) / 7);
}

function estimatePostAllGather(op: TtnnOp, ctx: EstimateContext, kind: PostNormKind): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const stats = resolveTensor(op.operands[1], 'stats');
  if (typeof stats === 'string') return unmodeled(op.name, stats);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile' || stats.layout.pageLayout !== 'tile')
    return unmodeled(op.name, 'row-major input or stats: the post-all-gather norm accepts tiled tensors only');
  if (input.layout.memoryLayout !== 'interleaved') {
    return unmodeled(
      op.name,
      `${input.layout.memoryLayout} input runs the sharded LayerNorm factory in its post-all-gather stage (not modeled)`,
    );
  }

  // (input, stats, weight, bias); without segment sizes a third operand is taken as the weight.
  const segments = operandSegments(op);
  const hasSegments = op.properties['operandSegmentSizes'] !== undefined;
  const weightIndex = hasSegments ? segments[2]?.[0] : op.operands.length > 2 ? 2 : undefined;
  const biasIndex = hasSegments ? segments[3]?.[0] : op.operands.length > 3 ? 3 : undefined;
  const weight = weightIndex === undefined ? undefined : resolveTensor(op.operands[weightIndex], 'weight');
  if (typeof weight === 'string') return unmodeled(op.name, weight);
  const bias = biasIndex === undefined ? undefined : resolveTensor(op.operands[biasIndex], 'bias');
  if (typeof bias === 'string') return unmodeled(op.name, bias);

  const rank = input.padded.length;
  const wt = input.padded[rank - 1] / 32;
  const rows = input.geometry.heightTilesTotal;
  const statsCols = stats.padded[stats.padded.length - 1] / 32;
  const colsPerDevice = kind === 'rms' ? 1 : 2;
  if (statsCols % colsPerDevice !== 0 || statsCols === 0) {
    return unmodeled(
      op.name,
      `stats of ${statsCols} tile columns: tt-metal requires a whole number of devices (${colsPerDevice} per device)`,
    );
  }

  const configured = fp32DestAccFromConfig(op);
  const fp32 = configured ?? false;
  const float32Operand = input.dtype === 'f32' || stats.dtype === 'f32';
  if (float32Operand && !fp32) {
    return unmodeled(
      op.name,
      'Float32 input or stats with fp32_dest_acc_en off: rejected by tt-metal (validate before PR #48226, the factory from it; messages not read)',
    );
  }
  const im = tileBytes(fp32 ? 'f32' : 'bf16');
  const bf16 = tileBytes('bf16');
  const tIn = tileBytes(input.dtype);
  const twoD = propBool(op, 'use_2d_core_grid') === true;

  let rowTiles: number;
  let groups: readonly GroupSpec[];
  let layoutWhy: string;
  if (twoD) {
    const [coresX, coresY] = distributedNorm2dCores(rows, wt, ctx);
    rowTiles = wt / coresY;
    groups = [{ name: 'all cores', nCores: coresX * coresY, firstCore: [0, 0] }];
    layoutWhy = `use_2d_core_grid: ${rows} tile rows x Wt = ${wt} → ${coresX} x ${coresY} cores, ${rowTiles} tiles of the row each`;
  } else {
    const l1AboveBase = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
    rowTiles = postAllGatherRowTiles(wt, tIn, l1AboveBase);
    const split = splitWorkToCores(gridArea(ctx), rows);
    groups = groupsFromSplit(split, ctx.device.workerGrid, 'row');
    layoutWhy = `Wt = ${wt}${rowTiles === wt ? '' : `, row buffers capped at ${rowTiles} tiles (a row exceeds 95 % of the ${l1AboveBase} B above the base)`}; ${rows} tile rows over ${split.nCores} cores`;
  }

  const cbs: CbSpec[] = [
    { index: 0, role: 'input', nPages: rowTiles, pageBytes: tIn },
    { index: 1, role: 'gathered stats', nPages: statsCols, pageBytes: tileBytes(stats.dtype) },
  ];
  if (weight !== undefined) cbs.push({ index: 2, role: 'gamma', nPages: rowTiles, pageBytes: tileBytes(weight.dtype) });
  if (bias !== undefined) cbs.push({ index: 3, role: 'beta', nPages: rowTiles, pageBytes: tileBytes(bias.dtype) });
  cbs.push(
    { index: 4, role: 'epsilon', nPages: 1, pageBytes: bf16 },
    { index: 5, role: 'reduce scaler', nPages: 1, pageBytes: bf16 },
    { index: 6, role: kind === 'rms' ? 'E[x²]' : 'E[x²], E[x]', nPages: colsPerDevice, pageBytes: im },
    { index: 8, role: 'variance', nPages: 1, pageBytes: im },
    { index: 9, role: 'variance + eps', nPages: 1, pageBytes: im },
    { index: 10, role: '1/sqrt(variance + eps)', nPages: 1, pageBytes: im },
    { index: 12, role: 'normalised row', nPages: rowTiles, pageBytes: im },
  );
  if (kind === 'layer') {
    cbs.push(
      { index: 7, role: 'E[x]²', nPages: 1, pageBytes: im },
      { index: 11, role: 'x − E[x]', nPages: rowTiles, pageBytes: im },
    );
    if (bias !== undefined) cbs.push({ index: 13, role: 'normalised · gamma', nPages: rowTiles, pageBytes: im });
  }
  cbs.push({ index: 14, role: 'output', nPages: rowTiles, pageBytes: tileBytes(output.dtype) });

  const approxReasons = [
    'factory read at two 2025/2026 commits only; its earlier versions were not dated against the build window',
  ];
  if (configured === undefined) approxReasons.push('no compute_config: fp32_dest_acc_en = false assumed');
  if (float32Operand) approxReasons.push('Float32 input or stats: accepted only from tt-metal PR #48226 (≈2026-06-26)');
  if (weight !== undefined && !hasSegments) approxReasons.push('no operandSegmentSizes: third operand taken as weight');

  return finishProgram({
    op,
    ctx,
    factory: 'LayerNormPostAllGatherProgramFactory',
    factoryReason: `${layoutWhy}; ${statsCols / colsPerDevice} device(s) of stats; intermediates ${fp32 ? 'Float32' : 'bf16'} (fp32 acc ${fp32 ? 'on' : 'off'}${configured === undefined ? ', default' : ''})`,
    groups,
    cbs,
    confidence: 'approx',
    approxReason: approxReasons.join('; '),
    citations: [CITE_FACTORY, CITE_SELECT, ...(twoD ? [] : [CITE.workSplit])],
  });
}
