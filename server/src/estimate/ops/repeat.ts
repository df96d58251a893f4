/**
 * L1 estimate for `ttnn.repeat` and `ttnn.repeat_interleave`.
 *
 * In the builds the goldens were made with, ttnn::repeat works on row-major sticks: a TILE input is untilized, the
 * row-major repeat program runs (once per repeated dim), and the result is tilized back; a sharded output is produced
 * interleaved and then resharded. Each program's CBs are freed before the next, so the figure is the largest step's
 * (composite.ts). repeat_interleave reaches the same row-major repeat programs.
 *
 * Formula (bytes per core):
 *   row-major repeat program: c_0 = c_1 = 2 · 64 + page, page = W · elem (READ_ALIGNMENT = 64)             [1]
 *   untilize / tilize steps: the to_layout estimators (untilize.ts, tilize.ts)                             [2]
 *   sharded output: interleaved → sharded step (memoryConfig.ts)                                          [3]
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/data_movement/repeat/device/repeat_program_factory_higher_dim.cpp@044f460
 *       (cb_size_bytes = READ_ALIGNMENT · 2 + page_size_bytes, c_0 and c_1 on the whole grid)
 *   [2] ttnn/cpp/ttnn/operations/data_movement/repeat/repeat.cpp (to ROW_MAJOR, repeat, back to TILE)
 *   [3] ttnn/cpp/ttnn/operations/core/to_memory_config/to_memory_config_op.hpp
 *
 * Assumptions ('approx'): the last-dim repeat program is sized like the higher-dim one; newer builds repeat tiles
 *   natively (m_tile_page_size_bytes in [1]) without the untilize/tilize steps — not dated, so not a change point yet.
 * Worked example: repeat of 64x1024 bf16 tiles DRAM → L1: untilize 64x1024 (Wt = 32, one tile row per core):
 *   c_0 = c_16 = 32 · 2,048 = 65,536 → 131,072 B, larger than the repeat program (2 · (128 + 2,048)) and the tilize;
 *   tt-mlir OpModel golden TestOpModelLib.cpp@b73fc81:1468 is 131,072 B.
 */

import { elementBytes } from '../../ttnn/dtype';
import { isSharded } from '../../ttnn/layout';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { finishProgram, resolveTensorSpec, resolveUnaryShape } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';
import { estimateToMemoryConfig } from './memoryConfig';
import { noProgram } from './noProgram';

const READ_ALIGNMENT = 64;
const CITES = {
  higherDim: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/repeat/device/repeat_program_factory_higher_dim.cpp@044f460',
  composite: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/repeat/repeat.cpp (ROW_MAJOR round trip)',
} as const;

/** The row-major repeat program on a row-major tensor `rm` (c_0, c_1 on every worker core). */
function rmRepeatProgram(op: TtnnOp, ctx: EstimateContext, rm: TensorSpec): OpEstimateResult {
  const t = resolveTensorSpec(rm, 'row-major input');
  if (typeof t === 'string') return unmodeled(op.name, t);
  const elem = elementBytes(t.dtype);
  if (elem === undefined) return unmodeled(op.name, `${t.dtype} has no row-major form`);
  const page = (t.logical[t.logical.length - 1] ?? 1) * elem;
  const cb = READ_ALIGNMENT * 2 + page;
  return finishProgram({
    op, ctx, factory: 'RepeatProgramFactory (row-major)', factoryReason: `rows of ${page} B; two ${cb} B CBs on every worker core`,
    groups: [{ name: 'all', nCores: ctx.device.workerGrid[0] * ctx.device.workerGrid[1], firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'row', nPages: 1, pageBytes: cb },
      { index: 1, role: 'row', nPages: 1, pageBytes: cb },
    ],
    confidence: 'approx', approxReason: 'last-dim and higher-dim repeat programs sized alike', citations: [CITES.higherDim],
  });
}

export function estimateRepeat(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const resolved = resolveUnaryShape(op);
  if (typeof resolved === 'string') return unmodeled(op.name, resolved);
  const { inSpec, outSpec, input, output } = resolved;
  if (input.layout.bufferType === 'system_memory') return noProgram(op, ctx, 'repeat of a host tensor runs on the host');
  const steps: Step[] = [];
  let rmIn: TensorSpec = inSpec;
  if (input.layout.pageLayout === 'tile') {
    const u = toLayoutStep(op, ctx, 'untilize input', inSpec, 'row_major');
    steps.push(u.step);
    rmIn = u.to;
  }
  steps.push({ label: 'row-major repeat', result: rmRepeatProgram(op, ctx, rmIn) });
  const outSharded = isSharded(output.layout);
  const rmOut = specWith(outSpec, { pageLayout: 'row_major', bufferType: output.layout.bufferType === 'system_memory' ? 'dram' : output.layout.bufferType, memoryLayout: 'interleaved' });
  let last: TensorSpec = rmOut;
  if (output.layout.pageLayout === 'tile') {
    const t = toLayoutStep(op, ctx, 'tilize result', rmOut, 'tile');
    steps.push(t.step);
    last = t.to;
  }
  if (outSharded) steps.push({ label: 'reshard result', result: estimateToMemoryConfig(stepOp(op, 'ttnn.to_memory_config', [last], [outSpec]), ctx) });
  return largestStep(op, ctx, steps, { confidence: 'approx', approxReason: 'program sequence of the ttnn::repeat composite (row-major round trip)', citations: [CITES.composite] });
}
