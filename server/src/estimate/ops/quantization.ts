/**
 * L1 estimate for `ttnn.quantize`, `ttnn.dequantize`, `ttnn.requantize`.
 *
 * With tensor scales and zero points, ttnn's quantization ops run a chain of binary_ng programs on a working dtype
 * (the composite fallback [1]): quantize works in the input's float dtype (block floats are typecast to bf16 first);
 * dequantize and requantize widen the integer input to f32 and work in f32; the result is typecast to the output
 * dtype. Per-channel scale / zero-point vectors are reshaped to broadcast along `axis`. The figure is the largest
 * program (composite.ts).
 *
 * Formula (bytes per core), T = tile bytes of the working dtype:
 *   binary step: c_0 = c_1 = c_2 = 2·T; a row broadcast of b (the vector runs along the last dim) adds 2·T;
 *     a scalar (volume-1) b adds nothing                                                               [2]
 *   typecast step: 2·T(from) + 2·T(to)                                                                 [3]
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/eltwise/quantization/quantization.cpp@0197d82 (composite fallback paths,
 *       reshape_per_channel_vector_args, widen_quantized_input_to_f32)
 *   [2] ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@5eb4ca2
 *   [3] ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_program_factory.cpp@0021b0d
 *
 * Assumptions ('approx'): the small programs on the scale / zero-point vectors (reciprocal, typecast, reshape) are
 *   ignored; a column broadcast (axis = rank − 2) adds no CB; builds where a per-channel scale rides the fused QUANT
 *   kernel with a scalar zero point run one program of the same binary_ng size.
 * Worked example: dequantize 32x64 per-channel (axis 1, vectors of 64): f32 binary step with a row broadcast =
 *   8 · 4,096 = 32,768 B (tt-mlir OpModel golden TestOpModelLib.cpp@b73fc81:5129); requantize with scalar-tensor
 *   parameters: 6 · 4,096 = 24,576 B (golden :4961); quantize bf16 per-channel: 8 · 2,048 = 16,384 B (golden :4807).
 */

import { isBlockFloat, tileBytes, type DataType } from '../../ttnn/dtype';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import {
  CITE,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propInt,
  resolveTensor,
  resolveUnaryShape,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp } from './composite';
import { estimateTypecast } from './eltwise';

const CITES = {
  composite: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/quantization/quantization.cpp@0197d82 (composite fallback)',
  binaryNg: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@5eb4ca2',
} as const;

type Bcast = 'none' | 'scalar' | 'row' | 'col' | 'outer';

function bcastOf(rank: number, paramVolume: number, axis: number | undefined): Bcast {
  if (paramVolume <= 1 || axis === undefined) return 'scalar';
  const a = axis < 0 ? axis + rank : axis;
  if (a === rank - 1) return 'row';
  if (a === rank - 2) return 'col';
  return 'outer';
}

function binaryStep(op: TtnnOp, ctx: EstimateContext, label: string, work: TensorSpec, bcast: Bcast): Step {
  const t = resolveTensor(work, 'working tensor');
  if (typeof t === 'string') return { label, result: unmodeled(op.name, t) };
  const T = tileBytes(t.dtype);
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, t.geometry.nPages));
  const cbs = [
    { index: 0, role: 'a', nPages: 2, pageBytes: T },
    { index: 1, role: bcast === 'scalar' ? 'b (scalar tile)' : 'b', nPages: 2, pageBytes: T },
    { index: 2, role: 'output', nPages: 2, pageBytes: T },
  ];
  if (bcast === 'row') cbs.push({ index: 6, role: 'row broadcast b', nPages: 2, pageBytes: T });
  return {
    label,
    result: finishProgram({
      op: stepOp(op, 'ttnn.binary_ng', [work], [work]),
      ctx,
      factory: 'BinaryNgDeviceOperation::ProgramFactory',
      factoryReason: `${t.geometry.nPages} ${t.dtype} tiles over ${split.nCores} cores; b broadcast: ${bcast}`,
      groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
      cbs,
      confidence: 'approx',
      approxReason: 'broadcast kind inferred from the quantization axis',
      citations: [CITES.binaryNg, CITE.workSplit],
    }),
  };
}

function typecastStep(
  op: TtnnOp,
  ctx: EstimateContext,
  from: TensorSpec,
  to: DataType,
): { step: Step; spec: TensorSpec } {
  const spec = specWith(from, { dtype: to });
  return {
    step: { label: `typecast → ${to}`, result: estimateTypecast(stepOp(op, 'ttnn.typecast', [from], [spec]), ctx) },
    spec,
  };
}

export function estimateQuantization(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const resolved = resolveUnaryShape(op);
  if (typeof resolved === 'string') return unmodeled(op.name, resolved);
  const { inSpec, input, output } = resolved;
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major quantization input is not modeled');
  const params = op.operands.slice(1).filter((s): s is TensorSpec => s.kind === 'tensor');
  const paramVolume = Math.max(
    1,
    ...params.map((p) => (p.shape.kind === 'known' ? p.shape.dims.reduce((a, b) => a * b, 1) : 1)),
  );
  const axis = propInt(op, 'axis');
  const bcast = bcastOf(input.logical.length, paramVolume, axis);
  const steps: Step[] = [];
  let work: TensorSpec = inSpec;
  const wanted: DataType = op.name === 'ttnn.quantize' ? (isBlockFloat(input.dtype) ? 'bf16' : input.dtype) : 'f32';
  if (input.dtype !== wanted) {
    const c = typecastStep(op, ctx, work, wanted);
    steps.push({ ...c.step, label: `widen input → ${wanted}` });
    work = c.spec;
  }
  const binaries =
    op.name === 'ttnn.requantize'
      ? ['subtract in zero point', 'multiply by in/out scale', 'add out zero point']
      : op.name === 'ttnn.dequantize'
        ? ['subtract zero point', 'multiply by scale']
        : ['divide by scale', 'add zero point'];
  for (const b of binaries) steps.push(binaryStep(op, ctx, b, work, bcast));
  if (output.dtype !== wanted) steps.push(typecastStep(op, ctx, work, output.dtype).step);
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    confidence: 'approx',
    approxReason: 'composite fallback of tensor scale / zero point (binary_ng chain)',
    citations: [CITES.composite],
  });
}
