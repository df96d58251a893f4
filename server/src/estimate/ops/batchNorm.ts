/**
 * L1 estimate for batch norm in inference (`ttnn.batch_norm_inference`, `ttnn.batch_norm` with training = false):
 * tt-metal's BatchNormFactory, every CB double-buffered (2 tiles) on every core of the compute grid.
 *
 * Formula (bytes per core):
 *   from change point batchnorm-mixed-precision:
 *   interm = f32 if any of input, mean, output, var, weight, bias is f32, else the input format          [1]
 *   c_0 input 2·T(in); c_1 mean 2·T(mean); c_2 output 2·T(out) (2·T(interm) when interm f32 but output not,
 *   plus c_9 2·T(out) for the typecast); c_3 var 2·T(var); c_4 eps 2·T(interm); c_5 weight 2·T(weight or bf16);
 *   c_6 bias 2·T(bias or bf16); c_7 den 2·T(interm); c_8 temp 2·T(interm)                                   [1]
 *   before it (from change point batchnorm-no-num-cb): c_2 2·T(out), c_4 eps 2·T(var), c_7 den and c_8 temp
 *   2·T(in), no c_9; before that also c_8 num 2·T(in) (temp then c_9)                                       [1']
 *   Validation: running mean and variance are required in inference, and the statistics are rank 4
 *   [1, C, 1, 1] like the input's channel dim                                                              [2]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/device/batch_norm_program_factory.cpp@b04f3ed
 *       (PR #40233) and its program-descriptor port @926ea5e (index id 54541415248): the same CB sizes
 *   [1'] the same file @99f1ff6 (PR #18332) .. @0475d0d, whose CB calls are unchanged between; @99f1ff6~1 (c_8 num)
 *   [2] tt-metal …/batch_norm/device/batch_norm_device_operation.cpp (validate_tensors); tt-mlir OpModel rows
 *       TestOpModelLib.cpp@b73fc81:4128 and :4161 (rank-1 statistics and missing running statistics are illegal)
 *
 * Assumptions: interleaved tensors (sharded batch norm is not modeled); the CBs are created on the whole compute grid
 *   whatever the tile count, as the factory does. `exact` rests on read span batch-norm-inference-factory (the factory,
 *   BatchNormOperation's validation and batch_norm.cpp at every commit 99f1ff6 … 622c6fb), with that validation
 *   checked (illegal, in tt-metal's order) and the result in the input's dtype (tt-mlir passes no output or dtype).
 * Worked example (golden TestOpModelLib.cpp@b73fc81:4100): 1x32x128x128 bf16 with bf16 statistics: 9 CBs × 2 tiles ×
 *   2,048 B = 36,864 B.
 */

import type { DataType } from '../../ttnn/dtype';
import { tileBytes } from '../../ttnn/dtype';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { CbSpec, finishProgram, gridArea, propInts, resolveTensor } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { atOrAfter, readSpanUnreadReason, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import { largestStep, specWith, stepOp } from './composite';

const CITE_FACTORY =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/device/batch_norm_program_factory.cpp@b04f3ed (PR #40233, interm format) and its descriptor port @926ea5e (the same sizes; index id 54541415248)';
const CITE_FACTORY_CREATE_CB =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/device/batch_norm_program_factory.cpp@99f1ff6..@0475d0d (create_cb, per-tensor formats; the same CB calls at every version between); @99f1ff6~1 (c_8 num)';
const CITE_COMPOSITE =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/batch_norm.cpp@050f24f (training branch)';
const CITE_RUNNING_STATS =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/device/running_statistics_program_factory.cpp@0640bf7';
const CITE_VALIDATE =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/device/batch_norm_device_operation.cpp (validate_tensors)';

/** Operands by role: `operandSegmentSizes` says which optional tensors are present (input, mean, var, weight, bias). */
function operandsByRole(op: TtnnOp): {
  input?: TensorSpec;
  mean?: TensorSpec;
  variance?: TensorSpec;
  weight?: TensorSpec;
  bias?: TensorSpec;
} {
  const tensors = op.operands.filter((o): o is TensorSpec => o.kind === 'tensor');
  const segments = propInts(op, 'operandSegmentSizes');
  const roles = ['input', 'mean', 'variance', 'weight', 'bias'] as const;
  const out: Record<string, TensorSpec | undefined> = {};
  if (segments !== undefined && segments.length >= roles.length) {
    let next = 0;
    roles.forEach((role, i) => {
      if ((segments[i] ?? 0) > 0) out[role] = tensors[next++];
    });
  } else roles.forEach((role, i) => (out[role] = tensors[i]));
  return out;
}

export function estimateBatchNorm(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (op.properties['training']?.kind === 'bool' && op.properties['training'].value)
    return estimateBatchNormTraining(op, ctx);
  const roles = operandsByRole(op);
  const input = resolveTensor(roles.input, 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  if (roles.mean === undefined || roles.variance === undefined) {
    return illegal(op.name, 'running_mean and running_var must be defined in evaluation mode', CITE_VALIDATE);
  }
  const stats = [roles.mean, roles.variance, roles.weight, roles.bias].filter((t): t is TensorSpec => t !== undefined);
  for (const s of stats) {
    if (s.shape.kind === 'known' && s.shape.dims.length !== 4) {
      return illegal(
        op.name,
        `batch norm statistics must be 4D [1, C, 1, 1] (got rank ${s.shape.dims.length})`,
        CITE_VALIDATE,
      );
    }
  }
  if (
    input.layout.memoryLayout !== 'interleaved' ||
    (out.layout.memoryLayout !== 'interleaved' && out.layout.bufferType !== 'system_memory')
  ) {
    return unmodeled(op.name, 'sharded batch_norm is not modeled');
  }
  const dtypeOf = (t: TensorSpec | undefined): DataType | undefined =>
    t !== undefined && t.layout.kind === 'layout' ? t.layout.dtype : undefined;
  const rejected = batchNormRejects(input.logical, roles, ctx);
  if (rejected !== undefined) return illegal(op.name, rejected, CITE_VALIDATE);
  const aDt = input.dtype;
  const bDt = dtypeOf(roles.mean) ?? aDt;
  const cDt = out.dtype;
  const dDt = dtypeOf(roles.variance) ?? aDt;
  const eDt = dtypeOf(roles.weight) ?? 'bf16';
  const fDt = dtypeOf(roles.bias) ?? 'bf16';
  // From change point batchnorm-mixed-precision the eps, den and temp CBs (and the compute output, staged in Float32
  // with c_9 for the writer when the output is not f32) take one intermediate format; before, eps took the variance's
  // format, den and temp the input's and c_2 the output's.
  const mixed = atOrAfter(ctx, 'batchnorm-mixed-precision');
  const anyF32 = [aDt, bDt, cDt, dDt, eDt, fDt].includes('f32');
  const interm: DataType = anyF32 ? 'f32' : aDt;
  const typecast = mixed && interm === 'f32' && cDt !== 'f32';
  const numCb = !atOrAfter(ctx, 'batchnorm-no-num-cb');
  const t = (d: DataType): number => tileBytes(d);
  const cbs: CbSpec[] = [
    { index: 0, role: 'input', nPages: 2, pageBytes: t(aDt) },
    { index: 1, role: 'batch mean', nPages: 2, pageBytes: t(bDt) },
    {
      index: 2,
      role: typecast ? 'compute output (f32 staging)' : 'output',
      nPages: 2,
      pageBytes: t(typecast ? interm : cDt),
    },
    ...(typecast ? [{ index: 9, role: 'writer output', nPages: 2, pageBytes: t(cDt) }] : []),
    { index: 3, role: 'batch var', nPages: 2, pageBytes: t(dDt) },
    { index: 4, role: 'eps', nPages: 2, pageBytes: t(mixed ? interm : dDt) },
    { index: 5, role: 'weight', nPages: 2, pageBytes: t(eDt) },
    { index: 6, role: 'bias', nPages: 2, pageBytes: t(fDt) },
    { index: 7, role: 'den 1/sqrt(var + eps)', nPages: 2, pageBytes: t(mixed ? interm : aDt) },
    ...(numCb ? [{ index: 8, role: 'num input − mean', nPages: 2, pageBytes: t(aDt) }] : []),
    { index: numCb ? 9 : 8, role: 'temp', nPages: 2, pageBytes: t(mixed ? interm : aDt) },
  ];
  const formats = mixed ? `interm ${interm}${typecast ? ', + output typecast CB' : ''}` : 'per-tensor formats';
  return finishProgram({
    op,
    ctx,
    factory: 'BatchNormFactory',
    factoryReason: `inference batch norm: ${cbs.length} double-buffered CBs (${formats}) on all ${gridArea(ctx)} cores`,
    groups: [{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }],
    cbs,
    ...inferenceConfidence(ctx, numCb, aDt, cDt),
    citations: [mixed ? CITE_FACTORY : CITE_FACTORY_CREATE_CB, readSpanCite('batch-norm-inference-factory')],
  });
}

/**
 * `exact` on read span batch-norm-inference-factory (the factory, its validation and batch_norm.cpp at every commit
 * from PR #18332 to 622c6fb), for a result in the input's dtype: tt-mlir passes ttnn::batch_norm no output and no
 * dtype, so tt-metal's output takes the input's, and the IR's other dtype was not followed.
 */
function inferenceConfidence(
  ctx: EstimateContext,
  numCb: boolean,
  inputDtype: DataType,
  resultDtype: DataType,
): { confidence: 'exact' | 'approx'; approxReason: string } {
  if (numCb)
    return {
      confidence: 'approx',
      approxReason:
        'the ten-CB factory (c_8 input − mean) read at 99f1ff6~1; its versions from tt-metal PR #16432 (2025-01-12) to then were not each read',
    };
  if (!windowReadableWithinReadSpan(ctx, 'batch-norm-inference-factory'))
    return { confidence: 'approx', approxReason: BN_UNREAD };
  if (resultDtype !== inputDtype)
    return {
      confidence: 'approx',
      approxReason: `the result's dtype (${resultDtype}) is not the input's (${inputDtype}): tt-mlir passes no output or dtype, so tt-metal's output is in the input's dtype`,
    };
  return { confidence: 'exact', approxReason: '' };
}

const BN_UNREAD = readSpanUnreadReason(
  'the inference batch norm program, its validation and batch_norm.cpp were',
  'batch-norm-inference-factory',
  'before',
);

const TT_DTYPE: Partial<Record<DataType, string>> = { bf16: 'BFLOAT16', f32: 'FLOAT32', bfp_bf8: 'BFLOAT8_B' };

/**
 * The first check of ttnn::batch_norm (batch_norm.cpp) and BatchNormOperation::validate_tensors that an inference op
 * fails, worded as tt-metal's TT_FATAL (read span batch-norm-inference-factory); undefined when it passes. The
 * statistics' ranks are checked before this (with their own wording).
 */
function batchNormRejects(
  inputShape: readonly number[],
  roles: ReturnType<typeof operandsByRole>,
  ctx: EstimateContext,
): string | undefined {
  if (inputShape.length < 4) return `batch_norm not supported for tensors with rank < 4. (rank=${inputShape.length})`;
  // From PR #40233 the four parameter tensors must share one dtype (batch_norm.cpp), checked before the device op.
  if (atOrAfter(ctx, 'batchnorm-mixed-precision')) {
    const params = [
      ['running_mean', roles.mean],
      ['running_var', roles.variance],
      ['weight', roles.weight],
      ['bias', roles.bias],
    ] as const;
    const first = params.find(([, t]) => t?.layout.kind === 'layout')?.[1];
    const firstDtype = first?.layout.kind === 'layout' ? first.layout.dtype : undefined;
    for (const [name, t] of params) {
      if (t === undefined || t.layout.kind !== 'layout' || firstDtype === undefined) continue;
      if (t.layout.dtype !== firstDtype)
        return `batch_norm: ${name} dtype (${TT_DTYPE[t.layout.dtype] ?? t.layout.dtype}) must match other parameter tensors dtype (${TT_DTYPE[firstDtype] ?? firstDtype})`;
    }
  }
  if (inputShape.length !== 4) return 'batch_norm supports tensors of rank 4';
  const channels = inputShape[1];
  const named = [
    ['input_shape', roles.input],
    ['batch_mean_shape', roles.mean],
    // tt-metal names the variance batch_mean_shape too.
    ['batch_mean_shape', roles.variance],
    ['weight_shape', roles.weight],
    ['bias_shape', roles.bias],
  ] as const;
  for (const [name, t] of named) {
    if (t === undefined || t.layout.kind !== 'layout') continue;
    if (t.layout.pageLayout !== 'tile') return 'batch_norm only supports tiled layout. Got: Layout::ROW_MAJOR';
    if (t.layout.dtype !== 'bf16' && t.layout.dtype !== 'f32')
      return `batch_norm only supports bfloat16, float32. Got: DataType::${TT_DTYPE[t.layout.dtype] ?? t.layout.dtype}`;
    if (t.shape.kind === 'known' && t.shape.dims[1] !== channels)
      return `${name}[1] must be the same as input's channel size.`;
  }
  return undefined;
}

/**
 * `ttnn.batch_norm_training` (and `ttnn.batch_norm` with training = true): ttnn::batch_norm runs, in turn [3],
 *   batch_mean = mean over N, H, W (ttnn::mean over dims 2,3 then 0), the same of square(input), batch_var =
 *   mean_sq − square(batch_mean) (eltwise), prim::running_statistics (always, with or without running tensors), then
 *   prim::batch_norm on the batch statistics. Each program frees its CBs before the next (composite.ts), so the figure
 *   is the largest program's:
 *   running_statistics [4]: 12 CBs × 2 tiles on every core — c_0 batch_mean T(mean), c_1 batch_var, c_5 momentum,
 *     c_6 one, c_21..c_23 temps T(var); c_2 output T(mean); c_3 old mean and c_27 updated mean T(running_mean or
 *     bf16); c_4 old var and c_28 updated var T(running_var or bf16)
 *   batch_norm: the inference factory above with mean/var = the batch statistics, which ttnn::mean leaves in the
 *     input's dtype
 *   The reductions and eltwise steps use 3 to 4 double-buffered CBs each (input, scaler or second operand, output),
 *   fewer than either program above for the same dtypes, so they are not sized.
 * References:
 *   [3] tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/batch_norm.cpp@050f24f (training branch, mean_NHW)
 *   [4] tt-metal …/batch_norm/device/running_statistics_program_factory.cpp@0640bf7 (create_cb version)
 * Golden: tt-mlir's training tests (TestOpModelInterface.cpp@b73fc81 3857–3956) assert their cbSize / l1PeakSize /
 *   outputSize only inside `if (!constraintsExp)`, i.e. when the query fails (tt-mlir@007505c shows that branch), so
 *   those figures were never checked against tt-metal; they are not used as expected figures here.
 * Worked example: 1x32x128x128 bf16, bf16 statistics: running_statistics 12 × 2 × 2,048 = 49,152 B > batch_norm
 *   9 × 2 × 2,048 = 36,864 B → 49,152 B.
 */
export function estimateBatchNormTraining(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const roles = operandsByRole(op);
  const input = resolveTensor(roles.input, 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  if (input.logical.length < 4) {
    return illegal(
      op.name,
      `batch_norm not supported for tensors with rank < 4. (rank=${input.logical.length})`,
      CITE_COMPOSITE,
    );
  }
  const inSpec = roles.input as TensorSpec;
  const channels = input.logical[input.logical.length - 3]!;
  // ttnn::mean keeps the input's dtype and memory config; the statistics are [1, C, 1, 1].
  const batchStat = specWith(inSpec, { dims: [1, channels, 1, 1] });
  const optional = [roles.weight, roles.bias];
  const batchNormStep = estimateBatchNorm(
    stepOp(
      op,
      'ttnn.batch_norm_inference',
      [inSpec, batchStat, batchStat, ...optional.filter((t): t is TensorSpec => t !== undefined)],
      [op.results[0]!],
      {
        operandSegmentSizes: { kind: 'ints', values: [1, 1, 1, ...optional.map((t) => (t === undefined ? 0 : 1))] },
      },
    ),
    ctx,
  );
  const dtypeOf = (t: TensorSpec | undefined): DataType | undefined =>
    t !== undefined && t.layout.kind === 'layout' ? t.layout.dtype : undefined;
  const statDt = input.dtype;
  const meanDt = dtypeOf(roles.mean) ?? 'bf16';
  const varDt = dtypeOf(roles.variance) ?? 'bf16';
  const t = (d: DataType): number => tileBytes(d);
  const runningStatsCbs: CbSpec[] = [
    { index: 0, role: 'batch mean', nPages: 2, pageBytes: t(statDt) },
    { index: 1, role: 'batch var', nPages: 2, pageBytes: t(statDt) },
    { index: 2, role: 'output', nPages: 2, pageBytes: t(statDt) },
    { index: 3, role: 'old running mean', nPages: 2, pageBytes: t(meanDt) },
    { index: 4, role: 'old running var', nPages: 2, pageBytes: t(varDt) },
    { index: 5, role: 'momentum', nPages: 2, pageBytes: t(statDt) },
    { index: 6, role: 'one', nPages: 2, pageBytes: t(statDt) },
    { index: 21, role: 'temp 1', nPages: 2, pageBytes: t(statDt) },
    { index: 22, role: 'temp 2', nPages: 2, pageBytes: t(statDt) },
    { index: 23, role: 'temp 3', nPages: 2, pageBytes: t(statDt) },
    { index: 27, role: 'updated running mean', nPages: 2, pageBytes: t(meanDt) },
    { index: 28, role: 'updated running var', nPages: 2, pageBytes: t(varDt) },
  ];
  const runningStatsStep = finishProgram({
    op,
    ctx,
    factory: 'RunningStatisticsFactory',
    factoryReason: `12 double-buffered CBs on all ${gridArea(ctx)} cores`,
    groups: [{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }],
    cbs: runningStatsCbs,
    confidence: 'approx',
    approxReason: 'factory read at an undated version (create_cb port)',
    citations: [CITE_RUNNING_STATS],
  });
  return largestStep(
    op,
    ctx,
    [
      { label: 'running_statistics', result: runningStatsStep },
      { label: 'batch_norm on the batch statistics', result: batchNormStep },
    ],
    {
      confidence: 'approx',
      approxReason:
        'the mean/square/subtract programs computing the batch statistics are not sized (fewer CBs than these two)',
      citations: [CITE_COMPOSITE],
    },
  );
}
