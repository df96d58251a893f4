/**
 * L1 estimate for `ttnn.to_memory_config` from an interleaved tensor to an L1-sharded one (interleaved_to_sharded).
 *
 * Formula (bytes per core, on the shard cores):
 *   output CB = shard pages × aligned output page, bound to the output shard (tensor-backed, 0 B)      [1]
 *   dtype change: input CB c_0 = shard pages × align(input page, source alignment)                     [1]
 *   scratch c_1 = 4 × align(inputUnit + dramAlign, dramAlign) (keep_l1_aligned; always on since #34414) [1]
 *
 * Symbols: inputUnit = tile bytes (tile layout) or shard width × element bytes (row-major); shard pages =
 *   memref volume of the output layout (tiles or rows).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp@019b681
 *
 * Assumptions: 'approx' — the scratch buffer is version dependent (tt-metal issue #34414); sharded → interleaved and
 *   resharding are unmodeled.
 * Worked example: DRAM-interleaved bf16 tiles → L1 height-sharded: scratch 4 × align(2,048 + 32, 32) = 8,320 B (WH);
 *   asserted in test/unit/estimate/families.test.ts.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded, shardCoreCount, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { finishProgram, resolveTensor } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { noProgram } from './noProgram';

const CITE_I2S = 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp@019b681';

export function estimateToMemoryConfig(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.bufferType === 'system_memory' || output.layout.bufferType === 'system_memory') return noProgram(op, ctx, 'host transfer');
  if (isSharded(input.layout) || !isSharded(output.layout) || output.layout.bufferType !== 'l1') {
    return unmodeled(op.name, `to_memory_config ${input.layout.memoryLayout} ${input.layout.bufferType} → ${output.layout.memoryLayout} ${output.layout.bufferType} is not modeled (only interleaved → L1 sharded)`);
  }
  const dram = ctx.device.dramAlignmentBytes;
  const srcAlign = input.layout.bufferType === 'l1' ? ctx.device.l1AlignmentBytes : dram;
  const tile = input.layout.pageLayout === 'tile';
  const shardWidth = output.layout.shardShape[output.layout.shardShape.length - 1] ?? 1;
  const inElem = elementBytes(input.dtype);
  const outElem = elementBytes(output.dtype);
  if (!tile && (inElem === undefined || outElem === undefined)) return unmodeled(op.name, 'row-major block-float tensor');
  const inputUnit = tile ? tileBytes(input.dtype) : shardWidth * (inElem ?? 0);
  const outputUnit = tile ? tileBytes(output.dtype) : shardWidth * (outElem ?? 0);
  const shardPages = volume(output.layout.shardShape) / (tile ? 1 : Math.max(1, shardWidth));
  const convert = input.dtype !== output.dtype;
  const cbs = [];
  if (convert) cbs.push({ index: 0, role: 'input (dtype change)', nPages: shardPages, pageBytes: alignUp(inputUnit, srcAlign) });
  cbs.push({ index: convert ? 16 : 0, role: 'output shard', nPages: shardPages, pageBytes: alignUp(outputUnit, ctx.device.l1AlignmentBytes), tensorBacked: true });
  cbs.push({ index: 1, role: 'alignment scratch', nPages: 4, pageBytes: alignUp(inputUnit + dram, dram) });
  const nCores = shardCoreCount(output.layout);
  return finishProgram({
    op, ctx, factory: 'InterleavedToShardedProgramFactory',
    factoryReason: `interleaved → ${output.layout.memoryLayout} over ${nCores} cores; the output CB is the shard itself`,
    groups: [{ name: 'shards', nCores, firstCore: [0, 0] }],
    cbs, confidence: 'approx', approxReason: 'the alignment scratch buffer depends on the tt-metal version (issue #34414)',
    citations: [CITE_I2S],
  });
}
