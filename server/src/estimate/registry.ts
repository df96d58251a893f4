/**
 * The one registry from TTNN op name to estimator, and `estimateOp`, the entry point the analysis, CLI and LSP use.
 * Total: never throws; unknown ops and unreadable operands give an explicit Unmodeled result.
 */

import type { TtnnOp } from '../ttnn/op';
import { estimateConcat } from './ops/concat';
import { estimateConv2d, estimateConv3d } from './ops/conv';
import { BINARY_OPS, UNARY_OPS, estimateBinary, estimateTypecast, estimateUnary, estimateWhere } from './ops/eltwise';
import { estimateEmbedding } from './ops/embedding';
import { estimateMatmul } from './ops/matmul';
import { estimateToMemoryConfig } from './ops/memoryConfig';
import { NO_PROGRAM_OPS, noProgram } from './ops/noProgram';
import { estimatePad } from './ops/pad';
import { estimatePermute, estimateTranspose } from './ops/permute';
import { estimateReduction } from './ops/reduction';
import { estimateReshape } from './ops/reshape';
import { estimateSlice } from './ops/slice';
import { estimateSoftmax } from './ops/softmax';
import { estimateTilizeOp, estimateToLayout, estimateUntilizeOp } from './ops/toLayout';
import type { EstimateContext, OpEstimateResult } from './types';
import { unmodeled } from './types';

export type Estimator = (op: TtnnOp, ctx: EstimateContext) => OpEstimateResult;

function buildRegistry(): ReadonlyMap<string, Estimator> {
  const r = new Map<string, Estimator>();
  r.set('ttnn.to_layout', estimateToLayout);
  r.set('ttnn.untilize', estimateUntilizeOp);
  r.set('ttnn.untilize_with_unpadding', estimateUntilizeOp);
  r.set('ttnn.tilize', estimateTilizeOp);
  r.set('ttnn.tilize_with_val_padding', estimateTilizeOp);
  for (const name of UNARY_OPS) r.set(name, estimateUnary);
  for (const name of BINARY_OPS) r.set(name, estimateBinary);
  r.set('ttnn.typecast', estimateTypecast);
  r.set('ttnn.where', estimateWhere);
  r.set('ttnn.embedding', estimateEmbedding);
  r.set('ttnn.pad', estimatePad);
  r.set('ttnn.permute', estimatePermute);
  r.set('ttnn.transpose', estimateTranspose);
  r.set('ttnn.concat', estimateConcat);
  r.set('ttnn.slice', estimateSlice);
  r.set('ttnn.slice_static', estimateSlice);
  r.set('ttnn.reshape', estimateReshape);
  r.set('ttnn.matmul', estimateMatmul);
  r.set('ttnn.linear', estimateMatmul);
  r.set('ttnn.conv2d', (op) => estimateConv2d(op));
  r.set('ttnn.conv3d', estimateConv3d);
  for (const name of ['sum', 'mean', 'max', 'min']) r.set(`ttnn.${name}`, estimateReduction);
  r.set('ttnn.softmax', estimateSoftmax);
  r.set('ttnn.to_memory_config', estimateToMemoryConfig);
  for (const name of NO_PROGRAM_OPS) r.set(name, (op, ctx) => noProgram(op, ctx));
  return r;
}

export const ESTIMATORS: ReadonlyMap<string, Estimator> = buildRegistry();

const NO_PROGRAM: ReadonlySet<string> = new Set(NO_PROGRAM_OPS);

/** Op names with an estimator (including the no-program ones). */
export function modeledOpNames(): readonly string[] {
  return [...ESTIMATORS.keys()].sort();
}

/**
 * Per-core L1 estimate of one op on `ctx.device`. Returns an OpEstimate (CBs per core, region end, worst core),
 * NoProgram (no kernels), or Unmodeled with the reason (never an invented number).
 */
export function estimateOp(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const estimator = ESTIMATORS.get(op.name);
  if (estimator === undefined) {
    // An op whose tensor inputs all live on the host (e.g. prepare_conv2d_weights on host weights) runs on the host.
    const tensors = op.operands.filter((s) => s.kind === 'tensor');
    if (tensors.length > 0 && tensors.every((s) => s.kind === 'tensor' && s.layout.kind === 'layout' && s.layout.bufferType === 'system_memory')) {
      return noProgram(op, ctx, 'all tensor inputs are on the host: the op runs on the host');
    }
    return unmodeled(op.name, `no L1 model for ${op.name}`);
  }
  // A program's factory and CBs depend on where its output goes: an undecodable first result means no number, for
  // every estimator alike (found by fuzzing: transpose and permute read only their input).
  const result = op.results[0];
  if (result?.kind === 'tensor' && !NO_PROGRAM.has(op.name)) {
    if (result.layout.kind === 'unknown') return unmodeled(op.name, `result layout unknown: ${result.layout.reason}`);
    if (result.shape.kind === 'unknown') return unmodeled(op.name, `result: ${result.shape.reason}`);
  }
  try {
    return estimator(op, ctx);
  } catch (e) {
    // Estimators are written to be total; this is a last line of defence so one bad op never sinks a file.
    return unmodeled(op.name, `internal estimator error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
