/**
 * `ttnn.to_layout` and the explicit (un)tilize ops: routes to the untilize, tilize or typecast estimators the way
 * tt-metal's `to_layout_impl` does (tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@010ba92).
 */

import type { TtnnOp } from '../../ttnn/op';
import { resolveTensor } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { estimateTypecast } from './eltwise';
import { noProgram } from './noProgram';
import { estimateTilize } from './tilize';
import { estimateUntilize } from './untilize';

export function estimateToLayout(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.bufferType === 'system_memory' || output.layout.bufferType === 'system_memory') {
    return noProgram(op, ctx, 'layout conversion of a host tensor runs on the host');
  }
  if (input.layout.pageLayout === 'tile' && output.layout.pageLayout === 'row_major')
    return estimateUntilize(op, ctx, input, output, 'to_layout');
  if (input.layout.pageLayout === 'row_major' && output.layout.pageLayout === 'tile')
    return estimateTilize(op, ctx, input, output, 'to_layout');
  if (input.dtype !== output.dtype) return estimateTypecast(op, ctx);
  return noProgram(op, ctx, 'layout, dtype unchanged: to_layout returns the input');
}

export function estimateUntilizeOp(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  // tt-metal's untilize validate() rejects anything but tile-major input; there is no program to model.
  if (input.layout.pageLayout !== 'tile')
    return unmodeled(op.name, 'untilize of a row-major input (tt-metal accepts only tiled input)');
  return estimateUntilize(
    op,
    ctx,
    input,
    output,
    op.name === 'ttnn.untilize_with_unpadding' ? 'untilize_with_unpadding' : 'untilize',
  );
}

export function estimateTilizeOp(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  // tt-metal's tilize validate() rejects anything but row-major input.
  if (input.layout.pageLayout !== 'row_major')
    return unmodeled(op.name, 'tilize of an already tiled input (tt-metal accepts only row-major input)');
  // The factories count tiles of the output: a row-major result has none (fuzz: fractional CB page counts).
  if (output.layout.pageLayout !== 'tile')
    return unmodeled(op.name, 'tilize to a row-major result (tilize always produces tiles)');
  return estimateTilize(
    op,
    ctx,
    input,
    output,
    op.name === 'ttnn.tilize_with_val_padding' ? 'tilize_with_val_padding' : 'tilize',
  );
}
