/**
 * L1 estimate for `ttnn.softmax` over the last dim (attention-optimized interleaved factory, no mask).
 *
 * Formula (bytes per core; im = bf16 unless fp32 dest accumulation):
 *   block = largest divisor of Wt ≤ 8                                                              [1]
 *   c_0 = 2·block·T(in) (numeric_stable: Wt tiles), c_11 = 2·block·T(out), c_7 = 1 im, c_2 = 1 bf16 scaler,
 *   c_6 = Wt im (exps), c_5 = 1 tile; numeric_stable adds c_8 = 1 im and c_10 = Wt im                [1]
 *   if that exceeds 0.9 · l1_size the large kernel runs (tt-metal PR #23130 on; before, the whole-row CBs
 *   always): c_0 = c_6 = c_10 = 80 tiles, c_5 = 1 im, c_12/15/16 = 1 im                              [1][2]
 *   cores: split_work_to_cores(grid, NC·Ht tile rows)                                               [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@003544f;
 *       ttmetal-l1-model.md §4.7
 *   [2] tt-metal PR #23130 (large-kernel fallback, 2025-06); issue #18997 (2025-03: (32,32000) f32 grew to 2,287,328 B)
 *
 * Softmax over dim −2 (ttnn::softmax unsqueezes to 4-D and, with the default program config tt-mlir always gets,
 *   SoftmaxDeviceOperation::select_program_factory picks the general H factories [3]; the sharded factory needs a
 *   SoftmaxShardedMultiCoreProgramConfig, which tt-mlir's softmax never passes [4]). t = tile of the input dtype,
 *   ti = t (f32 input: fp32 dest accumulation is on, ti = f32 tile):
 *   H-small when base + (2·Ht + 2)·t + (2·Ht + 3)·ti ≤ 512 KiB: c_0 = Ht·t, c_1 = c_2 = t, c_16 = Ht·t,
 *     c_24 = Ht·ti, c_25 = c_26 = ti, c_27 = Ht·ti, c_28 = ti                                          [3][5]
 *   else H-large: c_0 = 2t, c_1 = c_2 = t, c_16 = 2t, c_24 = 2ti, c_25..c_28 = ti each                 [3][6]
 *   cores: split_work_to_cores over NC·Wt tile columns, column-major; CBs on the used cores            [5][6]
 *   [3] tt-metal …/normalization/softmax/device/softmax_device_operation.cpp (select_program_factory,
 *       is_softmax_general_h_small_available; ttnn::softmax: SoftmaxDefaultProgramConfig)
 *   [4] tt-mlir lib/OpModel/TTNN/TTNNOpModel.cpp@19c86fc (OpModel<SoftmaxOp>: ::ttnn::softmax(input, dim, memcfg,
 *       compute_kernel_config = nullopt, numeric_stable))
 *   [5] tt-metal …/softmax/device/softmax_program_factory_general_h_small.cpp@003544f
 *   [6] tt-metal …/softmax/device/softmax_program_factory_general_h_large.cpp@003544f
 *
 * Assumptions: softmax over other non-last dims is unmodeled; fp32 dest accumulation off for the last-dim factory.
 *   The general H factories were read at a 2026 commit, not dated against the build → approx.
 * Large-kernel example (issue #12 of this project, read from the factory): 1x1x32x32768 bf16 → 536,576 B of CBs.
 * Worked example: 64x1024 bf16: Wt = 32, block = 8: 32,768 + 32,768 + 2,048 + 2,048 + 65,536 + 2,048 = 137,216 B
 *   (tt-mlir OpModel golden).
 */

import { atOrAfter } from '../changePoints';
import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  propInt,
  resolveTensor,
  splitWorkToCores,
  type ResolvedTensor,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { largestDivisorAtMost } from './untilize';

const CITE_SOFTMAX =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@003544f';

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
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded softmax is not modeled');
  const wt = input.padded[rank - 1] / 32;
  const rows = input.geometry.heightTilesTotal;
  const stable = propBool(op, 'numericStable') ?? propBool(op, 'numeric_stable') ?? false;
  const block = largestDivisorAtMost(wt, 8);
  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);
  const im = tileBytes('bf16');
  const small = [
    { index: 0, role: 'input', nPages: stable ? wt : 2 * block, pageBytes: tIn },
    { index: 11, role: 'output', nPages: 2 * block, pageBytes: tOut },
    { index: 7, role: 'reduce result', nPages: 1, pageBytes: im },
    { index: 2, role: 'scaler', nPages: 1, pageBytes: tileBytes('bf16') },
    { index: 6, role: 'exps', nPages: wt, pageBytes: im },
    { index: 5, role: 'mask/max', nPages: 1, pageBytes: im },
    ...(stable
      ? [
          { index: 8, role: 'max', nPages: 1, pageBytes: im },
          { index: 10, role: 'x - max', nPages: wt, pageBytes: im },
        ]
      : []),
  ];
  const smallTotal = small.reduce((n, c) => n + c.nPages * c.pageBytes, 0);
  // Asked only when the whole-row CBs are too big: that is the only case the change point decides.
  const large = smallTotal > 0.9 * ctx.device.l1SizeBytes && atOrAfter(ctx, 'softmax-large-kernel');
  const cbs = large
    ? [
        { index: 0, role: 'input', nPages: 80, pageBytes: tIn },
        { index: 11, role: 'output', nPages: 2 * block, pageBytes: tOut },
        { index: 2, role: 'scaler', nPages: 1, pageBytes: tileBytes('bf16') },
        { index: 6, role: 'exps', nPages: 80, pageBytes: im },
        { index: 5, role: 'max', nPages: 1, pageBytes: im },
        { index: 10, role: 'x - max', nPages: 80, pageBytes: im },
        { index: 7, role: 'reduce result', nPages: 1, pageBytes: im },
        { index: 12, role: 'interim', nPages: 1, pageBytes: im },
        { index: 15, role: 'interim', nPages: 1, pageBytes: im },
        { index: 16, role: 'interim', nPages: 1, pageBytes: im },
      ]
    : small;
  const split = splitWorkToCores(gridArea(ctx), rows);
  return finishProgram({
    op,
    ctx,
    factory: large
      ? 'SoftmaxProgramFactoryAttentionOptimized (large kernel)'
      : 'SoftmaxProgramFactoryAttentionOptimized',
    factoryReason: `Wt = ${wt}, block ${block}; ${rows} tile rows over ${split.nCores} cores${large ? '; whole-row CBs exceed 0.9·L1 → 80-tile large kernel' : ''}`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs,
    confidence: large ? 'approx' : 'exact',
    approxReason: large
      ? 'large-kernel CB list (c_0, c_5, c_6, c_10 of 80/1 tiles) as read from the 2026 factory; not re-read for older builds'
      : '',
    citations: [CITE_SOFTMAX, CITE.workSplit],
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
  // ttnn::softmax turns fp32 dest accumulation on exactly for f32 input; intermediates then use f32 tiles.
  const ti = input.dtype === 'f32' ? tileBytes('f32') : t;
  const smallUsage = (2 * ht + 2) * t + (2 * ht + 3) * ti;
  const small = ctx.device.l1UnreservedBase + smallUsage <= L1_512KB;
  const cbs = small
    ? [
        { index: 0, role: 'input', nPages: ht, pageBytes: t },
        { index: 1, role: 'mask', nPages: 1, pageBytes: t },
        { index: 2, role: 'scaler', nPages: 1, pageBytes: t },
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
