/**
 * L1 estimate for `ttnn.conv3d` (experimental conv3d factory); conv2d and the rest of the family: conv2d.ts, pool.ts,
 * batchNorm.ts.
 *
 * Formula (bytes per core; all CBs on every core of the grid):
 *   patch = kT·kH·kW·C_in_block, M_t = ceil(T_blk·H_blk·W_blk / 32), K_t = ceil(patch / 32), N_t = C_out_block / 32  [1]
 *   vol2col_rm = min(T_blk·H_blk·W_blk, 64) pages of round_up(patch, 32)·elem                          [1]
 *   vol2col_tiled = K_t tiles; weight = K_t·N_t tiles; matmul_interm = M_t·N_t; result_rm = M_t·N_t      [1]
 *   C_in split in > 1 block: reduction M_t·N_t + 1 ack tile; bias N_t tiles                            [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/experimental/conv3d/device/conv3d_program_factory.cpp@015c7ff;
 *       ttmetal-l1-model.md §4.10
 *   [2] tt-metal …/experimental/conv3d/device/conv3d_device_operation_types.hpp (Conv3dConfig defaults: T/W/H_out_block 1,
 *       C_out_block 0 and C_in_block 0 meaning all channels, compute_with_storage_grid_size {1, 1}; index id 54921902088)
 *   [3] tt-metal …/conv3d/device/conv3d_program_factory.cpp@5fd3a04 (PR #38579: the L1 prefetch shard) and @bccae69
 *       (PR #43541: coalesced scratch rows), unchanged in size to 622c6fb
 *
 * Assumptions: always 'approx'. Without `conv3d_config` tt-metal's defaults of the build are used (noConfigBlocks):
 *   the default Conv3dConfig [2] (T/H/W blocks 1, all input and output channels) until tt-metal PR #38595, then its
 *   auto blocking (C_out_block 32; C_in_block all, 32, or the smallest valid block by change point); every CB is on
 *   every core whatever the grid, so the grid only changes the core count. C_in is the activation's channel count as
 *   the IR gives it: tt-metal never pads it (the caller does: tt-metal PR #18599's contract, tt-mlir's _pad_cin since
 *   tt-mlir PR #7140), and a block that does not divide it is the factory's TT_FATAL (tt-xla #2872: C_in = 3 unpadded,
 *   full blocks, 3,375,680 B to the byte). From tt-metal PR #38579 (change point `conv3d-l1-prefetch`) a kernel larger
 *   than 1x1x1 without dilation adds the L1 prefetch shard when it fits its budget (prefetchShard) [3]. A config that
 *   overflows gets a blocking fix (fixes/conv3dConfig.ts).
 * Worked example: k 3x3x3, C_in = C_out = 768, defaults: K_t = 648, N_t = 24 → weight 15,552 tiles ≈ 31.9 MB.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { fieldValue, intOf, pairOf } from '../../ttnn/dialectFields';
import { atOrAfter } from '../changePoints';
import { finishProgram, propInt, propInts, resolveTensor } from '../common';
import { gridRectangle } from '../printedRange';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';

const CITE_CONV3D = 'tt-metal ttnn/cpp/ttnn/operations/experimental/conv3d/device/conv3d_program_factory.cpp@015c7ff';
const CITE_CONV3D_DEFAULTS =
  'tt-metal …/experimental/conv3d/device/conv3d_device_operation_types.hpp (Conv3dConfig defaults; index id 54921902088)';

const CITE_CONV3D_PREFETCH =
  'tt-metal …/experimental/conv3d/device/conv3d_program_factory.cpp@5fd3a04 (PR #38579: L1 prefetch shard, budget min(L1 − 200 KiB − other CBs, 500 KiB)) and @bccae69 (PR #43541: coalesced scratch rows), the same at 622c6fb';

/** Bytes tt-metal keeps off the prefetch budget for kernel code and stack (L1_KERNEL_CODE_RESERVE) [3]. */
const PREFETCH_CODE_RESERVE_BYTES = 200 * 1024;
/** The prefetch shard's cap (L1_PREFETCH_HARD_CAP) [3]. */
const PREFETCH_CAP_BYTES = 500 * 1024;

/**
 * The L1 prefetch shard CB [3] (from change point `conv3d-l1-prefetch`): a kernel larger than 1x1x1 without dilation
 * stages one spatial block's receptive field, T_s·H_s·W_s positions of C_in_block bytes (X_s = (X_block − 1)·stride +
 * k), when it fits the budget min(L1 − 200 KiB − the other CBs, 500 KiB); else the direct reader, no shard. From
 * `conv3d-coalesced-shard-reads` a DRAM-interleaved input read in whole rows (one C_in block) with W_s ≥ 2 · DRAM banks
 * adds scratch rows of W_s positions, as many as fit (at most T_s·H_s), kept only when at least min(T_s·H_s, banks)
 * fit. The budget's L1 is taken from the unreserved base (tt-metal's get_max_worker_l1_unreserved_size counts from the
 * lower kernel-config base), so a shard at the edge of the budget may be dropped here and kept there.
 */
function prefetchShard(
  op: TtnnOp,
  ctx: EstimateContext,
  g: {
    kernel: readonly number[];
    stride: readonly number[];
    blocks: readonly number[];
    cInBlockBytes: number;
    wholeRows: boolean;
    otherCbBytes: number;
  },
): { bytes: number; role: string; note: string } | undefined {
  const dilation = propInts(op, 'dilation') ?? [1, 1, 1];
  if (!g.kernel.some((k) => k > 1) || !dilation.every((d) => d === 1)) return undefined;
  if (!atOrAfter(ctx, 'conv3d-l1-prefetch')) return undefined;
  const budget = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase - PREFETCH_CODE_RESERVE_BYTES;
  const maxBytes = g.otherCbBytes < budget ? Math.min(budget - g.otherCbBytes, PREFETCH_CAP_BYTES) : 0;
  const [tS, hS, wS] = [0, 1, 2].map((i) => (g.blocks[i]! - 1) * g.stride[i]! + g.kernel[i]!) as [
    number,
    number,
    number,
  ];
  const positions = tS * hS * wS;
  const shardBytes = positions * g.cInBlockBytes;
  if (shardBytes > maxBytes) return undefined;
  const banks = ctx.device.nDramBanks;
  const input = op.operands[0];
  const dramInterleaved =
    input?.kind === 'tensor' &&
    input.layout.kind === 'layout' &&
    input.layout.bufferType === 'dram' &&
    input.layout.memoryLayout === 'interleaved';
  let scratchRows = 0;
  // C_in_block bytes equal to the input's aligned row (aligned_page_size): one block, its bytes DRAM-aligned.
  const wholeAlignedRows = g.wholeRows && g.cInBlockBytes % ctx.device.dramAlignmentBytes === 0;
  if (dramInterleaved && wholeAlignedRows && wS >= 2 * banks && atOrAfter(ctx, 'conv3d-coalesced-shard-reads')) {
    const rowBytes = wS * g.cInBlockBytes;
    const fit = shardBytes < maxBytes ? Math.floor((maxBytes - shardBytes) / rowBytes) : 0;
    const rows = Math.min(tS * hS, fit);
    if (rows >= Math.min(tS * hS, banks) && shardBytes + rows * rowBytes <= maxBytes) scratchRows = rows;
  }
  const bytes = (positions + scratchRows * wS) * g.cInBlockBytes;
  return {
    bytes,
    role: scratchRows > 0 ? 'L1 prefetch shard + coalesced scratch' : 'L1 prefetch shard',
    note: `L1 prefetch shard ${tS}x${hS}x${wS} positions${scratchRows > 0 ? ` + ${scratchRows} scratch rows` : ''} (budget from the unreserved base; tt-metal's counts from the kernel-config base)`,
  };
}

/**
 * Blocks tt-metal uses when the op carries no conv3d_config (T/H/W blocks are 1 in every era):
 *   before PR #38595: the default-constructed Conv3dConfig, C_in and C_out blocks 0 = all channels [2];
 *   PR #38595: optional config, C_out_block 32, full C_in; PR #41281: C_in_block 32; PR #43715: the smallest valid block
 *   lcm(L1 alignment, 32 / gcd(kD·kH·kW, 32)); pre-prepared (rank-2) weights fell back to the full block between
 *   PR #47343 and PR #48243 (tt-metal conv3d.cpp@06bd373 and the PRs' descriptions).
 */
function noConfigBlocks(
  op: TtnnOp,
  ctx: EstimateContext,
  cIn: number,
  cOut: number,
  kernel: readonly number[],
): { cInBlock: number; cOutBlock: number; why: string } {
  if (!atOrAfter(ctx, 'conv3d-no-config-auto-blocking'))
    return { cInBlock: cIn, cOutBlock: cOut, why: 'the default Conv3dConfig (full C_in and C_out blocks)' };
  const cOutBlock = Math.min(32, cOut);
  const weight = op.operands[1];
  const prepared = weight?.kind === 'tensor' && weight.shape.kind === 'known' && weight.shape.dims.length === 2;
  if (
    prepared &&
    atOrAfter(ctx, 'conv3d-prepared-weights-full-c-in') &&
    !atOrAfter(ctx, 'conv3d-prepared-weights-min-c-in')
  ) {
    return { cInBlock: cIn, cOutBlock, why: 'auto blocking, pre-prepared weights: full C_in block, C_out_block 32' };
  }
  if (atOrAfter(ctx, 'conv3d-no-config-c-in-block-min')) {
    const kernelVol = kernel[0]! * kernel[1]! * kernel[2]!;
    const minBlock = lcm(ctx.device.l1AlignmentBytes, 32 / gcd(kernelVol, 32));
    return {
      cInBlock: minBlock,
      cOutBlock,
      why: `auto blocking: smallest valid C_in_block ${minBlock}, C_out_block 32`,
    };
  }
  if (atOrAfter(ctx, 'conv3d-no-config-c-in-block-32'))
    return { cInBlock: 32, cOutBlock, why: 'auto blocking: C_in_block 32, C_out_block 32' };
  return { cInBlock: cIn, cOutBlock, why: 'auto blocking: full C_in block, C_out_block 32' };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

export function estimateConv3d(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  if (input.logical.length !== 5 || out.logical.length !== 5)
    return unmodeled(op.name, 'conv3d expects rank-5 (N, D, H, W, C) input and output');
  // The factory reads C_in from the activation as given: padding channels to the L1 alignment is the caller's job
  // (tt-metal PR #18599's contract; tt-mlir pads with an explicit ttnn.pad since PR #7140), so C_in = 3 stays 3.
  const cIn = input.logical[4] ?? propInt(op, 'in_channels');
  const cOut = propInt(op, 'out_channels') ?? out.logical[4];
  if (!(cIn > 0) || !(cOut > 0)) return unmodeled(op.name, 'channel counts must be positive');
  const kernel = propInts(op, 'kernel_size');
  if (kernel === undefined || kernel.length !== 3 || kernel.some((k) => !(k > 0)))
    return unmodeled(op.name, 'kernel_size attribute missing or invalid');
  // The output extent per spatial dim, (in + 2·pad − k) / stride + 1 (tt-mlir's Conv3dOp shape rule): a kernel wider
  // than the padded input leaves nothing to convolve (found by fuzzing: such an op got a figure).
  const padding = propInts(op, 'padding') ?? [0, 0, 0];
  const stride = propInts(op, 'stride') ?? [1, 1, 1];
  if (padding.length !== 3 || padding.some((p) => !(p >= 0)) || stride.length !== 3 || stride.some((v) => !(v >= 1)))
    return unmodeled(op.name, 'padding must be 3 non-negative and stride 3 positive integers');
  const spatial = [input.logical[1]!, input.logical[2]!, input.logical[3]!];
  // Figures past 2^53 are left to the model-overflow rule (no figure, and no inexact number in the reason).
  const emptyAxis = spatial.findIndex(
    (extent, i) =>
      [extent, padding[i]!, kernel[i]!].every(Number.isSafeInteger) && extent + 2 * padding[i]! < kernel[i]!,
  );
  if (emptyAxis >= 0)
    return unmodeled(
      op.name,
      `kernel ${kernel.join('x')} is larger than the padded input (${['depth', 'height', 'width'][emptyAxis]} ${spatial[emptyAxis]} + 2·${padding[emptyAxis]} < ${kernel[emptyAxis]}): the output is empty`,
    );
  const cfg = op.properties['conv3d_config'];
  const fields = cfg !== undefined && cfg.kind === 'dialect' ? cfg.fields : {};
  // Conv3dConfig [2]: the T/H/W blocks are counts (at least 1); a C block of 0 means all channels. Anything else
  // printed there is a malformed config, not a default.
  const malformed = ['t_out_block', 'h_out_block', 'w_out_block', 'c_in_block', 'c_out_block'].find((k) => {
    if (fields[k] === undefined) return false;
    const v = intOf(fieldValue(cfg, k));
    return !(v !== undefined && v >= (k.startsWith('c_') ? 0 : 1));
  });
  if (malformed !== undefined)
    return unmodeled(
      op.name,
      `conv3d_config ${malformed} = ${fields[malformed]} is not a ${malformed.startsWith('c_') ? 'non-negative' : 'positive'} integer`,
    );
  const num = (k: string, dflt: number): number => {
    const v = intOf(fieldValue(cfg, k));
    return v !== undefined && v > 0 ? v : dflt;
  };
  const defaults =
    cfg === undefined ? noConfigBlocks(op, ctx, cIn, cOut, kernel) : { cInBlock: cIn, cOutBlock: cOut, why: '' };
  const tBlk = num('t_out_block', 1);
  const hBlk = num('h_out_block', 1);
  const wBlk = num('w_out_block', 1);
  const cInBlk = num('c_in_block', defaults.cInBlock);
  const cOutBlk = num('c_out_block', defaults.cOutBlock);
  const elem = elementBytes(input.dtype) ?? 2;
  const t = tileBytes(out.dtype === 'f32' ? 'f32' : 'bf16');
  const patch = kernel[0] * kernel[1] * kernel[2] * cInBlk;
  const nPatches = tBlk * hBlk * wBlk;
  const mT = Math.ceil(nPatches / 32);
  const kT = Math.ceil(patch / 32);
  const nT = Math.ceil(cOutBlk / 32);
  // The factory's TT_FATAL "C_in_num_blocks * C_in_block must equal C_in" (every build).
  if (cIn % cInBlk !== 0)
    return illegal(
      op.name,
      `C_in_num_blocks * C_in_block must equal C_in: C_in_block ${cInBlk} does not divide the activation's ${cIn} input channels${cfg === undefined ? ` (${defaults.why})` : ''}; pad the channels to a multiple of the block (tt-mlir's _pad_cin) or pass a conv3d_config`,
      CITE_CONV3D,
    );
  const cInBlocks = cIn / cInBlk;
  const hasBias = op.operands.length > 2 && op.operands[2]?.kind === 'tensor';
  const cbs = [
    { index: 0, role: 'vol2col rm', nPages: Math.min(nPatches, 64), pageBytes: alignUp(patch, 32) * elem },
    { index: 1, role: 'vol2col tiled', nPages: kT, pageBytes: t },
    { index: 2, role: 'weight', nPages: kT * nT, pageBytes: t },
    { index: 3, role: 'matmul interm', nPages: mT * nT, pageBytes: t },
    { index: 4, role: 'result rm', nPages: mT * nT, pageBytes: t },
  ];
  if (cInBlocks > 1) cbs.push({ index: 5, role: 'reduction', nPages: mT * nT + 1, pageBytes: t });
  if (hasBias) cbs.push({ index: 6, role: 'bias', nPages: nT, pageBytes: t });
  const prefetch = prefetchShard(op, ctx, {
    kernel,
    stride,
    blocks: [tBlk, hBlk, wBlk],
    cInBlockBytes: cInBlk * elem,
    wholeRows: cInBlocks === 1,
    otherCbBytes: cbs.reduce((sum, cb) => sum + cb.nPages * cb.pageBytes, 0),
  });
  if (prefetch !== undefined) cbs.push({ index: 7, role: prefetch.role, nPages: 1, pageBytes: prefetch.bytes });
  // `#ttcore.grid<AxB>` (or `AxB` bare) is a CoreCoord {x = A, y = B}, columns first: tt-mlir lowers it to
  // `CoreCoord{shape[0], shape[1]}` (EmitCConversion.h, the conv3d config) and its runtime to {x(), y()} (conv3d.cpp);
  // tt-mlir #8981's grid<8x7> prints [0-0 - 7-6]. `grid` is [rows, cols].
  const g = pairOf(fieldValue(cfg, 'compute_with_storage_grid_size'), ['x'], true);
  const grid: [number, number] = g === undefined ? [ctx.device.workerGrid[0], ctx.device.workerGrid[1]] : [g[1], g[0]];
  const deviceCores = ctx.device.workerGrid[0] * ctx.device.workerGrid[1];
  if (!(grid[0] >= 1) || !(grid[1] >= 1) || grid[0] * grid[1] > deviceCores)
    return unmodeled(
      op.name,
      `conv3d_config compute_with_storage_grid_size ${grid[1]}x${grid[0]} does not fit the device's ${deviceCores} worker cores`,
    );
  return finishProgram({
    op,
    ctx,
    factory: 'Conv3dProgramFactory',
    factoryReason: `${cfg === undefined ? `no conv3d_config in the IR: ${defaults.why}; ` : ''}patch ${patch}, K_t ${kT}, N_t ${nT}, M_t ${mT}, ${cInBlocks} C_in block(s)`,
    grid,
    // Every CB on core_grid = CoreRange({0, 0}, {grid.x − 1, grid.y − 1}) [1]: tt-metal #42146 and tt-xla #2872 print
    // (0,0)-(7,7).
    groups: [{ name: 'all', nCores: grid[0] * grid[1], firstCore: [0, 0], printedRange: gridRectangle(grid) }],
    cbs,
    confidence: 'approx',
    approxReason: [
      cfg === undefined ? 'conv3d_config absent; tt-metal defaults assumed' : '',
      prefetch?.note ?? '',
      'the other CBs as read at 015c7ff (later builds add a DRAM-read staging CB and size vol2col tiled by the out subblock)',
    ]
      .filter((r) => r !== '')
      .join('; '),
    citations: [
      CITE_CONV3D,
      ...(cfg === undefined ? [CITE_CONV3D_DEFAULTS] : []),
      ...(prefetch !== undefined ? [CITE_CONV3D_PREFETCH] : []),
    ],
  });
}
