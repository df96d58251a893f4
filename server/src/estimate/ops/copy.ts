/**
 * L1 estimate for copies: `ttnn.assign`, `ttnn.copy` and the interleaved → interleaved path of `ttnn.to_memory_config`
 * (all run tt-metal's copy device operation).
 *
 * Formula (bytes per core):
 *   c_0 = 2 input pages; a dtype change adds c_16 = 2 output pages                                     [1]
 *   page = tile bytes (tile layout) or round_up(row bytes, 32) (row-major: one row per page)            [1]
 *   cores: split_work_to_cores(grid, pages)                                                             [1][2]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_program_factory.cpp (num_input_units = 2,
 *       output CB only when convert_dtype)
 *   [2] tt-metal tt_metal/common/work_split.cpp (split_work_to_cores)
 *
 * Assumptions: sharded operands use the same CB set ('approx'); `ttnn.copy` writes into its second operand (no result).
 * Worked example: assign of 64x64 f32 tiles DRAM → DRAM: 2 · 4,096 = 8,192 B (tt-mlir OpModel golden
 *   TestOpModelLib.cpp@b73fc81:5822); to bf16: + 2 · 2,048 = 12,288 B.
 */

import { alignUp } from '../../ttnn/layout';
import { isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { noProgram } from './noProgram';

const CITE_COPY =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_program_factory.cpp (CopyDeviceOperation)';

function pageBytes(t: ResolvedTensor): number {
  return t.layout.pageLayout === 'tile' ? t.geometry.pageBytes : alignUp(t.geometry.pageBytes, 32);
}

/** The copy program from `input` to `output` (shared with to_memory_config). */
export function estimateCopyProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  why: string,
  ...citations: string[]
): OpEstimateResult {
  if (input.layout.pageLayout !== output.layout.pageLayout)
    return unmodeled(op.name, 'copy between tile and row-major layouts (tt-metal requires the same layout)');
  const convert = input.dtype !== output.dtype;
  const cbs = [{ index: 0, role: 'input pages', nPages: 2, pageBytes: pageBytes(input) }];
  if (convert) cbs.push({ index: 16, role: 'output pages (dtype change)', nPages: 2, pageBytes: pageBytes(output) });
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, input.geometry.nPages));
  const sharded = isSharded(input.layout) || isSharded(output.layout);
  return finishProgram({
    op,
    ctx,
    factory: 'CopyDeviceOperation',
    factoryReason: `${why}: ${input.geometry.nPages} pages over ${split.nCores} cores${convert ? `; ${input.dtype} → ${output.dtype} adds an output CB` : ''}`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs,
    confidence: sharded ? 'approx' : 'exact',
    approxReason: sharded ? 'sharded copy assumed to use the interleaved CB set' : '',
    citations: [CITE_COPY, ...citations, CITE.workSplit],
  });
}

/** `ttnn.assign` (input → result) and `ttnn.copy` (operand 0 → operand 1, no result). */
export function estimateCopy(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const target = op.results[0] ?? op.operands[1];
  const output = resolveTensor(target, 'output');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.bufferType === 'system_memory' || output.layout.bufferType === 'system_memory')
    return noProgram(op, ctx, 'copy involving a host tensor runs on the host');
  return estimateCopyProgram(
    op,
    ctx,
    input,
    output,
    op.name === 'ttnn.copy' ? 'copy into a preallocated tensor' : 'assign',
  );
}
