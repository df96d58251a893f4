/**
 * fill_implicit_tile_padding (tt-metal ttnn/cpp/ttnn/operations/data_movement/fill_pad/fill_pad.cpp): the fill_pad
 * program composites run before reading a TILE tensor's padding, sized as a composite step. Used by gather's composite
 * and by ttnn's reduce (change point reduce-fill-implicit-tile-padding). Versions: change point `fill-pad-border-tiles`.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { isSharded } from '../../ttnn/layout';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { CITE, confidenceFromReasons, finishProgram, gridArea, groupsFromSplit, splitWorkToCores } from '../common';
import { atOrAfter } from '../changePoints';
import type { EstimateContext } from '../types';
import { unmodeled } from '../types';
import { Step, specWith, stepOp } from './composite';

const CITE_FILL_PAD = {
  composite:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/fill_pad/fill_pad.cpp@622c6fb (fill_implicit_tile_padding: nothing when the last two dims are tile multiples; a rank > 3 tensor viewed as rank 3; bfloat8_b typecast to bf16 around it)',
  before:
    'tt-metal …/fill_pad/device/fill_pad_program_factory.cpp@9cb25bbb^ (c_0 = 2 pages of elem·16 + 2 B; split_work_to_cores(grid, logical[-3]))',
  after:
    'tt-metal …/fill_pad/device/fill_pad_program_factory.cpp@9cb25bbb, @622c6fb (c_0, c_16 2 tiles; c_1 / c_2 a mask tile when padded right / below; split over the border tiles); fill_pad_device_operation.cpp@622c6fb (L1-sharded → FillPadL1ShardedProgramFactory)',
} as const;
/** fill_pad is sized from the change point's two readings, not a read span. */
const FILL_PAD_NOT_SPANNED =
  "fill_pad's factory was read at 9cb25bbb^, 9cb25bbb and 622c6fb (fill_pad.cpp at d6e9bf6 and 622c6fb) and its CB sizes compared at the factory commits of 2026, not at every build of the window";

/**
 * fill_implicit_tile_padding of a 4-D TILE tensor (fill_pad.cpp) [CITE_FILL_PAD]: no program when its last two dims are
 * tile multiples; else the tensor is viewed as rank 3 (N = the product of the leading dims) and FillPad runs:
 *   from PR #42673 (change point `fill-pad-border-tiles`): c_0 = 2·T, c_1 = T when W % 32 ≠ 0, c_2 = T when H % 32 ≠ 0,
 *     c_16 = 2·T (T the tile bytes); split_work_to_cores over the border tiles
 *     N·(right ? (bottom ? Ht−1 : Ht) : 0) + N·(bottom ? (right ? Wt−1 : Wt) : 0) + (right && bottom ? N : 0)
 *   before: c_0 = 2 pages of elem·16 + 2 B; split_work_to_cores over N
 * A bfloat8_b tensor is typecast to bf16 around it (those typecasts not sized: said in the step's reason).
 */
export function fillPadStep(op: TtnnOp, ctx: EstimateContext, label: string, spec: TensorSpec): Step | undefined {
  if (spec.shape.kind !== 'known' || spec.layout.kind !== 'layout') return undefined;
  const dims = spec.shape.dims;
  const height = dims[dims.length - 2] ?? 1;
  const width = dims[dims.length - 1] ?? 1;
  const rightPad = width % 32 !== 0;
  const bottomPad = height % 32 !== 0;
  if (!rightPad && !bottomPad) return undefined;
  const slices = dims.slice(0, -2).reduce((a, b) => a * b, 1);
  const blockFloat = spec.layout.dtype === 'bfp_bf8';
  if (!blockFloat && spec.layout.dtype.startsWith('bfp_'))
    return { label, result: unmodeled(op.name, `fill_pad of a ${spec.layout.dtype} tensor is not modeled`) };
  const dtype = blockFloat ? 'bf16' : spec.layout.dtype;
  const filled = blockFloat ? specWith(spec, { dtype }) : spec;
  const reasons: string[] = [FILL_PAD_NOT_SPANNED];
  if (blockFloat)
    reasons.push(
      'the bfloat8_b tensor is typecast to bf16 before fill_pad and back after it; those typecasts are not sized',
    );
  // In place: FillPadDeviceOperation's output is its input (fill_pad_device_operation.cpp@622c6fb,
  // create_output_tensors), so the step holds no tensor of its own.
  const stepOfFill = stepOp(op, 'ttnn.fill_pad', [filled], []);
  if (atOrAfter(ctx, 'fill-pad-border-tiles')) {
    if (isSharded(spec.layout) && spec.layout.bufferType === 'l1')
      return {
        label,
        result: unmodeled(op.name, 'an L1-sharded tensor runs FillPadL1ShardedProgramFactory, which is not modeled'),
      };
    const ht = Math.ceil(height / 32);
    const wt = Math.ceil(width / 32);
    const work =
      (rightPad ? slices * (bottomPad ? ht - 1 : ht) : 0) +
      (bottomPad ? slices * (rightPad ? wt - 1 : wt) : 0) +
      (rightPad && bottomPad ? slices : 0);
    const split = splitWorkToCores(gridArea(ctx), work);
    const tile = tileBytes(dtype);
    return {
      label,
      result: finishProgram({
        op: stepOfFill,
        ctx,
        factory: 'FillPadProgramFactory',
        factoryReason: `${dims.join('x')} ${dtype} viewed as ${slices} slice(s) of ${height}x${width}: ${work} border tiles on ${split.nCores} cores`,
        groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
        cbs: [
          { index: 0, role: 'data in', nPages: 2, pageBytes: tile },
          ...(rightPad ? [{ index: 1, role: 'right mask', nPages: 1, pageBytes: tile }] : []),
          ...(bottomPad ? [{ index: 2, role: 'bottom mask', nPages: 1, pageBytes: tile }] : []),
          { index: 16, role: 'data out', nPages: 2, pageBytes: tile },
        ],
        ...confidenceFromReasons(reasons),
        citations: [CITE_FILL_PAD.composite, CITE_FILL_PAD.after, CITE.workSplit],
      }),
    };
  }
  const elem = elementBytes(dtype);
  if (elem === undefined) return { label, result: unmodeled(op.name, `fill_pad of a ${dtype} tensor is not modeled`) };
  const split = splitWorkToCores(gridArea(ctx), slices);
  return {
    label,
    result: finishProgram({
      op: stepOfFill,
      ctx,
      factory: 'FillPadProgramFactory',
      factoryReason: `${dims.join('x')} ${dtype} viewed as ${slices} slice(s) of ${height}x${width}: split over ${slices} slices on ${split.nCores} cores`,
      groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
      cbs: [{ index: 0, role: 'face column', nPages: 2, pageBytes: elem * 16 + 2 }],
      ...confidenceFromReasons(reasons),
      citations: [CITE_FILL_PAD.composite, CITE_FILL_PAD.before, CITE.workSplit],
    }),
  };
}
