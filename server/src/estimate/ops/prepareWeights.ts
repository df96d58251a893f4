/**
 * Weight and bias preparation ops tt-mlir emits before a conv_transpose2d or a conv3d (the conv2d ones are in
 * conv2d.ts' estimatePrepareConv2d).
 *
 * Programs:
 *   prepare_conv_transpose2d_weights: the kernel mirror and IOHW → OIHW swap run on the host (a device weight is
 *     copied back to the host first), then conv2d's prepare_conv_weights on that host tensor: no device program     [1]
 *   prepare_conv_transpose2d_bias: conv2d's prepare_conv_bias on the same bias, as prepare_conv2d_bias             [1]
 *   prepare_conv3d_weights: (groups > 1: a host regrouping), to_device (DRAM interleaved, row-major), then device
 *     programs in turn: permute (2,3,4,1,0) of the 5-D weight (its last dim moves: the blocked row-major kernel),
 *     pad of C_in to the alignment when it is not a multiple, a view reshape to 6-D, permute (3,0,1,2,4,5) (last dim
 *     kept: one output-channel row per page) and a view reshape to 2-D; the largest program is reported             [2]
 *
 * Worked example: prepare_conv3d_weights of 64x32x3x3x3 bf16 (O, C_in, kD, kH, kW), alignment 32, c_in_block 32: the
 *   first permute's three 2·32·32·2 B CBs = 12,288 B; no pad (32 % 32 = 0); the 6-D permute's c_0 = 2·align(64·2 B)
 *   = 256 B; largest 12,288 B (test/unit/estimate/prepareWeights.test.ts).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/conv/conv_transpose2d/prepare_conv_transpose2d_weights.cpp@00bd910
 *       (transform_weights_for_conv_transpose2d: host only, from_device first; prepare_conv_transpose2d_bias)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/experimental/conv3d/prepare_conv3d_weights.cpp@00bd910 (prepare_conv3d_weights);
 *       tt-mlir lib/Dialect/TTNN/Transforms/OptimizerPasses/TTNNPrepareConv3dWeights.cpp@19c86fc (the weight reaches the
 *       op row-major in system memory; alignment 32)
 */

import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { propInt } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { largestStep, specWith, stepOp, type Step } from './composite';
import { estimatePrepareConv2d } from './conv2d';
import { noProgram } from './noProgram';
import { estimatePad } from './pad';
import { estimatePermute } from './permute';

const CITES = {
  convTranspose: 'tt-metal ttnn/cpp/ttnn/operations/conv/conv_transpose2d/prepare_conv_transpose2d_weights.cpp@00bd910',
  conv3d: 'tt-metal ttnn/cpp/ttnn/operations/experimental/conv3d/prepare_conv3d_weights.cpp@00bd910',
} as const;

export function estimatePrepareConvTranspose2dWeights(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return noProgram(
    op,
    ctx,
    `kernel mirror and IOHW → OIHW swap on the host (a device weight is read back first), then conv2d's prepare_conv_weights on the host tensor and a copy to the device: no device program (${CITES.convTranspose})`,
  );
}

/** conv_transpose2d's bias goes through conv2d's prepare_conv_bias unchanged [1]. */
export function estimatePrepareConvTranspose2dBias(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimatePrepareConv2d(op, ctx);
}

export function estimatePrepareConv3dWeights(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const weight = op.operands[0];
  if (weight?.kind !== 'tensor' || weight.shape.kind !== 'known' || weight.layout.kind !== 'layout')
    return unmodeled(op.name, 'weight operand shape or layout unknown');
  const dims = weight.shape.dims;
  if (dims.length !== 5)
    return unmodeled(op.name, `expected a 5-D (O, C_in, kD, kH, kW) weight, got rank ${dims.length}`);
  const groups = propInt(op, 'groups') ?? 1;
  const alignment = propInt(op, 'alignment') ?? 32;
  const cInBlockAttr = propInt(op, 'c_in_block') ?? 0;
  if (groups < 1 || alignment < 1 || cInBlockAttr < 0)
    return unmodeled(op.name, 'groups, alignment or c_in_block is not a positive count');
  const [outChannels, cInPerGroup, kD, kH, kW] = dims as [number, number, number, number, number];
  const cIn = cInPerGroup * groups; // the host regrouping widens C_in by the group count
  const onDevice = (d: readonly number[]): TensorSpec =>
    specWith(weight, { dims: d, pageLayout: 'row_major', bufferType: 'dram', memoryLayout: 'interleaved' });
  const w5 = onDevice([outChannels, cIn, kD, kH, kW]);
  const permuted = onDevice([kD, kH, kW, cIn, outChannels]);
  const cInAligned = cIn % alignment === 0 ? cIn : cIn + (alignment - (cIn % alignment));
  const cInBlock = cInBlockAttr === 0 ? cInAligned : cInBlockAttr;
  if (cInAligned % cInBlock !== 0)
    return unmodeled(
      op.name,
      `C_in_aligned must be divisible by C_in_block (${cInAligned} by ${cInBlock}): tt-metal's TT_FATAL in prepare_conv3d_weights`,
    );
  const blocks = cInAligned / cInBlock;
  const steps: Step[] = [
    {
      label: 'permute (2, 3, 4, 1, 0)',
      result: estimatePermute(
        stepOp(op, 'ttnn.permute', [w5], [permuted], { permutation: { kind: 'ints', values: [2, 3, 4, 1, 0] } }),
        ctx,
      ),
    },
  ];
  if (cInAligned !== cIn)
    steps.push({
      label: `pad C_in ${cIn} → ${cInAligned}`,
      result: estimatePad(
        stepOp(op, 'ttnn.pad', [permuted], [onDevice([kD, kH, kW, cInAligned, outChannels])], {
          padding: { kind: 'ints', values: [0, 0, 0, 0, 0, 0, 0, cInAligned - cIn, 0, 0] },
          value: { kind: 'float', value: 0 },
        }),
        ctx,
      ),
    });
  steps.push({
    label: 'permute (3, 0, 1, 2, 4, 5)',
    result: estimatePermute(
      stepOp(
        op,
        'ttnn.permute',
        [onDevice([kD, kH, kW, blocks, cInBlock, outChannels])],
        [onDevice([blocks, kD, kH, kW, cInBlock, outChannels])],
        { permutation: { kind: 'ints', values: [3, 0, 1, 2, 4, 5] } },
      ),
      ctx,
    ),
  });
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    confidence: 'approx',
    approxReason:
      'the DRAM copies between the steps are not counted; the reshapes are taken as views (last dim kept, row-major)',
    citations: [CITES.conv3d],
  });
}
