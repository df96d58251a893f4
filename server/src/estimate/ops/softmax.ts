/**
 * L1 estimate for `ttnn.softmax` over the last dim (SoftmaxProgramFactoryAttentionOptimized, no mask) and over dim −2
 * (the general H factories).
 *
 * What runs: tt-mlir's runtime calls ttnn::softmax(input, dim, memcfg, compute_config if the op has one,
 *   numeric_stable) [4]; no mask, no scale, never in place, never a SoftmaxShardedMultiCoreProgramConfig. For rank ≤ 4
 *   and the last dim the device op selects the attention-optimized interleaved factory whatever the input's memory
 *   layout (a sharded input is read through its TensorAccessor) [3].
 *
 * Last dim (tiles per core; T(x) = tile bytes of dtype x; im = Float32 with fp32 dest accumulation, else bf16):   [1]
 *   fp32 = compute_config's fp32_dest_acc_en, else (from 'softmax-fp32-acc-for-f32') input is f32, else off
 *   block = find_max_divisor(Wt, 8) (4 with fp32): the largest divisor ≤ 8 other than 7 and 5 (pytorch2.0_ttnn #669's
 *     Wt 8,001 blocks by 3); from 'softmax-fixed-block' 8 (4), or a smaller exact divisor of
 *     Wt when it needs no more blocks; WtB = Wt rounded up to a multiple of block (= Wt for a divisor)
 *   whole-row CBs, in creation order: c_0 in (numeric_stable ? WtB : 2·block)·T(in) · c_11 2·block·T(out) · c_7 1 im ·
 *     c_2 1 bf16 scaler · c_6 exps WtB im · c_5 1 bf16 (mask format, bf16 without a mask) · numeric_stable: c_8 1 im,
 *     c_10 x − max WtB im
 *   from 'softmax-sum-scaler-cb' (PR #41637): c_2 Float32 for an f32 input, and c_13 1 im (the sum scaler) after it  [7]
 *   from 'softmax-stable-cb-by-padding' (PR #44849), numeric_stable: a last dim with no padding keeps c_0 WtB and has no
 *     c_10; a padded one has c_0 2·block and c_10 WtB (also in the fit test)                                    [7]
 *   large-kernel test (from 'softmax-large-kernel', PR #23130; before it the whole-row CBs always):
 *     0.9 · l1_size < c_0 + c_6 (before 'softmax-fit-check-all-cbs'), or
 *     0.9 · l1_size < c_0 + c_6 + c_11 + 5·im (+ c_10 when numeric_stable) (from it)
 *   large kernel: L = 80 tiles (from 'softmax-large-cb-block-multiple' the largest multiple of block ≤ 80; before it
 *     a block not dividing 80 throws): c_0 L·T(in) · c_11 2·block·T(out) · c_7, c_12, c_15, c_16 1 im each · c_2 1 bf16 ·
 *     c_6 L im · c_5 1 bf16 · numeric_stable: c_8 1 im · c_10 L im
 *   cores: split_work_to_cores(grid, NC·Ht tile rows); every core gets the CBs.
 *
 * Worked examples: 64x1024 bf16: Wt = 32, block = 8: 32,768 + 32,768 + 2,048 + 2,048 + 65,536 + 2,048 = 137,216 B
 *   (tt-mlir OpModel golden). Large kernel (issue #12 of this project): 1x1x32x32768 bf16 → 536,576 B of CBs.
 *
 * Softmax over dim −2 (ttnn::softmax unsqueezes to 4-D and, with the default program config tt-mlir always gets,
 *   SoftmaxDeviceOperation::select_program_factory picks the general H factories [3]). t = tile of the input dtype,
 *   ti = f32 tile with fp32 dest accumulation (the compute config's, else on exactly for an f32 input), else t; an f32
 *   input with a compute config turning it off throws:
 *   H-small when base + (2·Ht + 2)·t + (2·Ht + 3)·ti ≤ 512 KiB: c_0 = Ht·t, c_1 = c_2 = t, c_16 = Ht·t,
 *     c_24 = Ht·ti, c_25 = c_26 = ti, c_27 = Ht·ti, c_28 = ti                                          [3][5]
 *   else H-large: c_0 = 2t, c_1 = c_2 = t, c_16 = 2t, c_24 = 2ti, c_25..c_28 = ti each                 [3][6]
 *   cores: split_work_to_cores over NC·Wt tile columns, column-major; CBs on the used cores            [5][6]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@003544f
 *       and @86aa094 (same CBs; cb_size_sum_bytes, use_large_kernel, the TT_FATALs on block divisibility); before
 *       PR #27732 the same CBs in …/softmax/device/multi_core/softmax_op_multi_core.cpp@00eaa3b (in0 + im0 test)
 *   [2] tt-metal PR #23130 (large-kernel fallback, 2025-06; its diff gives the first in0 + im0 test); issue #18997
 *       (2025-03: (32,32000) f32 grew to 2,287,328 B with bf16 intermediates); PR #27732 (new device operation, the
 *       f32 default); PR #33519 (#33488, fuller test); issues #38626 and #39707 (2026-03-12) and PR #39051 (80-tile CBs
 *       vs blocks of 3 or 6); PR #51145 (fixed blocking, issue #39050)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_device_operation.cpp@001a9c0
 *       (softmax(): is_fp32 default, unsqueeze to 4-D; select_program_factory; is_softmax_general_h_small_available)
 *   [4] tt-mlir runtime/lib/ttnn/operations/normalization/softmax.cpp@19c86fc (the ttnn::softmax call);
 *       lib/OpModel/TTNN/TTNNOpModel.cpp@19c86fc (OpModel<SoftmaxOp>)
 *   [5] tt-metal …/softmax/device/softmax_program_factory_general_h_small.cpp@003544f
 *   [6] tt-metal …/softmax/device/softmax_program_factory_general_h_large.cpp@003544f
 *   [7] tt-metal softmax_program_factory_attention_optimized.cpp at every first-parent commit from c262c36 (2026-04-03)
 *       to 622c6fb (2026-06-23, nyoshifujiTT/tt-metal): 7fb82fd (PR #41637) and 86dab3f (PR #44849) change its CBs;
 *       general_h_{small,large}.cpp@7fb82fd add c_3
 *
 * Confidence: exact for the whole-row CBs on builds before 'softmax-fixed-block' (read at 003544f/86aa094, every input
 *   known); approx for the large kernel (its CB list read at 2026 commits only), for builds from 'softmax-fixed-block'
 *   (CB sizes after PR #51145 taken from its description, not read), for a sharded input and for the general H
 *   factories (read at one 2026 commit). Softmax over other non-last dims is unmodeled.
 */

import { PAST_NEWEST_READ_TEXT, atOrAfter } from '../changePoints';
import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  type CbSpec,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  propInt,
  resolveTensor,
  splitWorkToCores,
  findMaxDivisor,
  type ResolvedTensor,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { fp32DestAccFromConfig } from './norm';
import { gridRectangle, onRange } from '../printedRange';

const CITE_SOFTMAX =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@003544f';
const CITE_SOFTMAX_ENTRY =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_device_operation.cpp@001a9c0 (softmax(): compute config default)';
const CITE_SOFTMAX_2026_CBS =
  'tt-metal softmax_program_factory_attention_optimized.cpp@7fb82fd (PR #41637: c_13 sum scaler, c_2 Float32 for Float32 input) and @86dab3f (PR #44849: numeric_stable c_0 / c_10 by padding), unchanged to 622c6fb';
const CITE_SOFTMAX_FIXED_BLOCK = 'tt-metal PR #51145 (fixed 4/8 blocking in the attention-optimized softmax)';
const LARGE_KERNEL_TILES = 80;
const SINGLE_TILE_CBS_IN_FIT_TEST = 5;

/**
 * The block of the attention-optimized softmax from 'softmax-fixed-block' (PR #51145): `maxBlock` tiles, or the largest
 * exact divisor of Wt no bigger that needs no more blocks than `maxBlock` does.
 */
export function softmaxFixedBlock(wt: number, maxBlock: number): number {
  const blocks = Math.ceil(wt / maxBlock);
  for (let d = Math.min(maxBlock, wt); d >= 1; d--) {
    if (wt % d === 0 && Math.ceil(wt / d) === blocks) return d;
  }
  return maxBlock;
}

export function estimateSoftmax(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major softmax is not modeled');
  const rank = input.logical.length;
  const dim = propInt(op, 'dimension') ?? propInt(op, 'dim') ?? -1;
  if (rank >= 2 && rank <= 4 && (dim === -2 || dim === rank - 2)) return estimateSoftmaxGeneralH(op, ctx, input);
  if (dim !== -1 && dim !== rank - 1)
    return unmodeled(op.name, `softmax over dim ${dim} (not the last) is not modeled`);
  if (rank > 4) return unmodeled(op.name, `rank-${rank} softmax runs the general W factories (not modeled)`);
  const sharded = input.layout.memoryLayout !== 'interleaved';
  const wt = input.padded[rank - 1] / 32;
  const rows = input.geometry.heightTilesTotal;
  const stable = propBool(op, 'numericStable') ?? propBool(op, 'numeric_stable') ?? false;
  const configured = fp32DestAccFromConfig(op);
  const fp32 = configured ?? (input.dtype === 'f32' && atOrAfter(ctx, 'softmax-fp32-acc-for-f32'));
  const fp32Why =
    configured !== undefined
      ? 'compute_config'
      : input.dtype === 'f32'
        ? fp32
          ? 'f32 input, ttnn::softmax default since PR #27732'
          : 'f32 input, default before PR #27732'
        : 'default';
  const maxBlock = fp32 ? 4 : 8;
  const fixedBlock = atOrAfter(ctx, 'softmax-fixed-block');
  const block = fixedBlock ? softmaxFixedBlock(wt, maxBlock) : findMaxDivisor(wt, maxBlock);
  const wtB = Math.ceil(wt / block) * block;
  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);
  const im = tileBytes(fp32 ? 'f32' : 'bf16');
  const bf16 = tileBytes('bf16');
  // From 'softmax-stable-cb-by-padding' a stable run keeps the whole row in c_0 only when the last dim needs no padding;
  // with padding the row sits in c_10 (x − max) instead. Before it, both.
  const stableByPadding = stable && atOrAfter(ctx, 'softmax-stable-cb-by-padding');
  const wPadded = input.padded[rank - 1] > input.logical[rank - 1];
  const in0WholeRow = stable && !(stableByPadding && wPadded);
  const xMinusMaxRow = stable && (!stableByPadding || wPadded);
  const in0Tiles = in0WholeRow ? wtB : 2 * block;
  const sumScaler = atOrAfter(ctx, 'softmax-sum-scaler-cb');

  // The factory's own "noisy CB estimator" decides the kernel, not the CBs it then allocates.
  const fitTestFull = atOrAfter(ctx, 'softmax-fit-check-all-cbs');
  const fitTestBytes =
    in0Tiles * tIn +
    wtB * im +
    (fitTestFull ? 2 * block * tOut + SINGLE_TILE_CBS_IN_FIT_TEST * im + (xMinusMaxRow ? wtB * im : 0) : 0);
  const large = atOrAfter(ctx, 'softmax-large-kernel') && fitTestBytes > 0.9 * ctx.device.l1SizeBytes;
  let streamTiles = wtB;
  if (large) {
    if (atOrAfter(ctx, 'softmax-large-cb-block-multiple')) streamTiles = Math.floor(LARGE_KERNEL_TILES / block) * block;
    else if (LARGE_KERNEL_TILES % block !== 0) {
      // tt-metal issue #38626: Wt with a largest divisor of 3 or 6 threw before PR #39051.
      return illegal(
        op.name,
        `Size of cb: ${LARGE_KERNEL_TILES} must be divisible by the size of block used by the reader and compute kernel (block ${block})`,
        CITE_SOFTMAX,
      );
    } else streamTiles = LARGE_KERNEL_TILES;
  }

  const cbs: CbSpec[] = [
    { index: 0, role: 'input', nPages: large ? streamTiles : in0Tiles, pageBytes: tIn },
    { index: 11, role: 'output', nPages: 2 * block, pageBytes: tOut },
    { index: 7, role: '1/sum(exp)', nPages: 1, pageBytes: im },
  ];
  if (large) {
    cbs.push(
      { index: 12, role: 'running sum', nPages: 1, pageBytes: im },
      { index: 15, role: 'running max', nPages: 1, pageBytes: im },
      { index: 16, role: 'reciprocal', nPages: 1, pageBytes: im },
    );
  }
  cbs.push(
    sumScaler
      ? { index: 2, role: 'max scaler', nPages: 1, pageBytes: tileBytes(input.dtype === 'f32' ? 'f32' : 'bf16') }
      : { index: 2, role: 'reduce scaler', nPages: 1, pageBytes: bf16 },
    ...(sumScaler ? [{ index: 13, role: 'sum scaler', nPages: 1, pageBytes: im }] : []),
    { index: 6, role: 'exps', nPages: streamTiles, pageBytes: im },
    { index: 5, role: 'padding mask', nPages: 1, pageBytes: bf16 },
  );
  if (stable) cbs.push({ index: 8, role: 'max', nPages: 1, pageBytes: im });
  if (xMinusMaxRow || large) cbs.push({ index: 10, role: 'x - max', nPages: streamTiles, pageBytes: im });

  const approxWhy = [
    ...(large ? ['large-kernel CB list read at 2026 commits (003544f, 86aa094), not for older builds'] : []),
    ...(fixedBlock
      ? [`blocking after PR #51145 taken from its description; CB sizes not re-read (${PAST_NEWEST_READ_TEXT})`]
      : []),
    ...(sharded
      ? [`${input.layout.memoryLayout} input: the default program config runs the interleaved factory on it`]
      : []),
  ];
  const split = splitWorkToCores(gridArea(ctx), rows);
  return finishProgram({
    op,
    ctx,
    factory: large
      ? 'SoftmaxProgramFactoryAttentionOptimized (large kernel)'
      : 'SoftmaxProgramFactoryAttentionOptimized',
    factoryReason: `Wt = ${wt}, block ${block} (fp32 acc ${fp32 ? 'on' : 'off'}: ${fp32Why})${stable ? ', numeric_stable' : ''}; large-kernel test ${fitTestBytes} B ${large ? '>' : '≤'} 0.9·L1${atOrAfter(ctx, 'softmax-large-kernel') ? '' : ' (no large kernel before PR #23130)'}${large ? ` → ${streamTiles}-tile streamed CBs` : ''}; ${rows} tile rows over ${split.nCores} cores`,
    // Every CB sits on all_device_cores, the whole compute grid, whatever the split ([1] @003544f; an older version
    // with its kernels under kernels/compute/ likewise, index id 52820004547): tt-metal #18997 and pytorch2.0_ttnn #669
    // print (0,0)-(7,7) for one tile row.
    groups: onRange(groupsFromSplit(split, ctx.device.workerGrid, 'row'), gridRectangle(ctx.device.workerGrid)),
    cbs,
    confidence: approxWhy.length === 0 ? 'exact' : 'approx',
    approxReason: approxWhy.join('; '),
    citations: [
      CITE_SOFTMAX,
      CITE_SOFTMAX_ENTRY,
      ...(sumScaler || stableByPadding ? [CITE_SOFTMAX_2026_CBS] : []),
      ...(fixedBlock ? [CITE_SOFTMAX_FIXED_BLOCK] : []),
      CITE.workSplit,
    ],
  });
}

const CITE_SOFTMAX_GENERAL = {
  select:
    'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_device_operation.cpp (select_program_factory, is_softmax_general_h_small_available)',
  small:
    'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_general_h_small.cpp@003544f',
  large:
    'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_general_h_large.cpp@003544f',
  ttmlir: 'tt-mlir lib/OpModel/TTNN/TTNNOpModel.cpp@19c86fc (OpModel<SoftmaxOp>: no program config)',
} as const;

const L1_512KB = 512 * 1024;

function estimateSoftmaxGeneralH(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor): OpEstimateResult {
  const rank = input.padded.length;
  const ht = input.padded[rank - 2] / 32;
  const wt = input.padded[rank - 1] / 32;
  const nc = input.padded.slice(0, -2).reduce((n, d) => n * d, 1);
  const t = tileBytes(input.dtype);
  // fp32 dest accumulation: the op's compute config, else ttnn::softmax's default (on exactly for an f32 input). The
  // general factories keep intermediates in Float32 with it, else in the input's format, and throw on an f32 input
  // without it (softmax_program_factory_general_h_small.cpp@003544f; is_softmax_general_h_small_available likewise).
  const fp32 = fp32DestAccFromConfig(op) ?? input.dtype === 'f32';
  if (input.dtype === 'f32' && !fp32)
    return illegal(
      op.name,
      'FP32 destination accumulation must be enabled when input tensor has FLOAT32 data type (compute config has fp32_dest_acc_en = false)',
      CITE_SOFTMAX_GENERAL.small,
    );
  const ti = fp32 ? tileBytes('f32') : t;
  const smallUsage = (2 * ht + 2) * t + (2 * ht + 3) * ti;
  const small = ctx.device.l1UnreservedBase + smallUsage <= L1_512KB;
  // From 'softmax-sum-scaler-cb' a one-tile sum scaler c_3 (general_h_small/large.cpp@7fb82fd); the small test is unchanged.
  const sumScalerCb = atOrAfter(ctx, 'softmax-sum-scaler-cb')
    ? [{ index: 3, role: 'sum scaler', nPages: 1, pageBytes: t }]
    : [];
  const cbs = small
    ? [
        { index: 0, role: 'input', nPages: ht, pageBytes: t },
        { index: 1, role: 'mask', nPages: 1, pageBytes: t },
        { index: 2, role: 'scaler', nPages: 1, pageBytes: t },
        ...sumScalerCb,
        { index: 16, role: 'output', nPages: ht, pageBytes: t },
        { index: 24, role: 'exp(x)', nPages: ht, pageBytes: ti },
        { index: 25, role: 'reduce', nPages: 1, pageBytes: ti },
        { index: 26, role: 'max', nPages: 1, pageBytes: ti },
        { index: 27, role: 'x - max', nPages: ht, pageBytes: ti },
        { index: 28, role: 'tmp', nPages: 1, pageBytes: ti },
      ]
    : [
        { index: 0, role: 'input', nPages: 2, pageBytes: t },
        { index: 1, role: 'mask', nPages: 1, pageBytes: t },
        { index: 2, role: 'scaler', nPages: 1, pageBytes: t },
        ...sumScalerCb,
        { index: 16, role: 'output', nPages: 2, pageBytes: t },
        { index: 24, role: 'exp(x)', nPages: 2, pageBytes: ti },
        { index: 25, role: 'reduce', nPages: 1, pageBytes: ti },
        { index: 26, role: 'syn', nPages: 1, pageBytes: ti },
        { index: 27, role: 'max', nPages: 1, pageBytes: ti },
        { index: 28, role: 'tmp', nPages: 1, pageBytes: ti },
      ];
  const split = splitWorkToCores(gridArea(ctx), nc * wt);
  return finishProgram({
    op,
    ctx,
    factory: small ? 'SoftmaxProgramFactoryGeneralHSmall' : 'SoftmaxProgramFactoryGeneralHLarge',
    factoryReason: `softmax over dim -2 (default program config): Ht = ${ht}; whole-column CBs need ${smallUsage} B, ${small ? 'within' : 'over'} 512 KiB with the base; ${nc * wt} tile columns over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs,
    confidence: 'approx',
    approxReason:
      'the general H softmax factories were read at tt-metal 003544f (2026), not dated against the build window',
    citations: [
      CITE_SOFTMAX_GENERAL.ttmlir,
      CITE_SOFTMAX_GENERAL.select,
      small ? CITE_SOFTMAX_GENERAL.small : CITE_SOFTMAX_GENERAL.large,
      CITE.workSplit,
    ],
  });
}
