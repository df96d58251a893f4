/**
 * L1 estimate for `ttnn.to_memory_config` in every direction: which device program ttnn::to_memory_config runs and its
 * CBs.
 *
 * Routing [4]: output sharded → input sharded ? reshard : interleaved_to_sharded; output interleaved → input sharded ?
 *   sharded_to_interleaved : copy (DRAM ↔ L1, dtype change). Same placement and dtype → the input is returned (no program).
 *
 * Formula (bytes per core):
 *   interleaved → sharded [1]:
 *     output CB = shard pages × align(output page, output alignment): bound to the shard when it is in L1 (tensor-backed,
 *       0 B); a local CB of the whole shard when the shard is in DRAM
 *     the unbound CBs ≥ l1_size − base → to_memory_config runs copy instead [4] (to_memory_config_op.cpp@040a27c)
 *     dtype change: input CB c_0 = shard pages × align(input page, source alignment)
 *     scratch c_1 = 4 × align(inputUnit + dramAlign, dramAlign) (keep_l1_aligned; always on since #34414)
 *   sharded → interleaved [2]: c_0 = the input shard (tensor-backed, 0 B); dtype change: c_16 = shard pages × output page
 *   sharded → sharded (reshard) [3]: the output CB is the output shard (tensor-backed, 0 B)
 *   interleaved → interleaved (copy) [5]: c_0 = 2 input pages, + c_16 = 2 output pages on a dtype change;
 *     split_work_to_cores over pages (a row-major page is one aligned row)
 *
 * Symbols: inputUnit = tile bytes (tile layout) or shard width × element bytes (row-major); shard pages = memref volume
 *   of the sharded side's layout (tiles or rows).
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp@019b681
 *   [2] ttnn/cpp/ttnn/operations/data_movement/sharded/sharded_to_interleaved/device/sharded_to_interleaved_program_factory.cpp
 *   [3] ttnn/cpp/ttnn/operations/data_movement/sharded/reshard/device/reshard_program_factory.cpp
 *   [4] ttnn/cpp/ttnn/operations/core/to_memory_config/to_memory_config_op.hpp, to_memory_config_op.cpp@040a27c
 *   [5] ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_program_factory.cpp (see copy.ts)
 *
 * Assumptions: 'approx' throughout — the I2S scratch is version dependent (issue #34414); the S2I, reshard and routing
 *   files were not re-read for each build (their tensor-backed CBs cost no CB-region bytes either way).
 * Worked example: DRAM-interleaved bf16 tiles → L1 height-sharded: scratch 4 × align(2,048 + 32, 32) = 8,320 B (WH);
 *   L1 height-sharded → DRAM interleaved, same dtype: 0 B of CBs; asserted in test/unit/estimate/families.test.ts and
 *   test/unit/estimate/datamove.test.ts.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded, shardCoreCount, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { ResolvedTensor, bufferAlignmentBytes, finishProgram, resolveTensor } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { estimateCopyProgram } from './copy';
import { noProgram } from './noProgram';

const CITES = {
  i2s: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp@019b681',
  s2i: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/sharded_to_interleaved/device/sharded_to_interleaved_program_factory.cpp',
  reshard: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/reshard/device/reshard_program_factory.cpp',
  route: 'tt-metal ttnn/cpp/ttnn/operations/core/to_memory_config/to_memory_config_op.hpp',
} as const;

export function estimateToMemoryConfig(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.bufferType === 'system_memory' || output.layout.bufferType === 'system_memory')
    return noProgram(op, ctx, 'host transfer');
  const inShard = isSharded(input.layout);
  const outShard = isSharded(output.layout);
  if (outShard && !inShard) return interleavedToSharded(op, ctx, input, output);
  if (inShard && !outShard) return shardedToInterleaved(op, ctx, input, output);
  if (inShard && outShard) return reshard(op, ctx, input, output);
  if (input.layout.bufferType === output.layout.bufferType && input.dtype === output.dtype) {
    return noProgram(op, ctx, 'same memory config and dtype: to_memory_config returns its input');
  }
  return estimateCopyProgram(
    op,
    ctx,
    input,
    output,
    'interleaved → interleaved (to_memory_config copies)',
    CITES.route,
  );
}

function interleavedToSharded(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const dram = ctx.device.dramAlignmentBytes;
  const srcAlign = bufferAlignmentBytes(input, ctx);
  const dstIsDram = output.layout.bufferType === 'dram';
  const dstAlign = dstIsDram ? dram : ctx.device.l1AlignmentBytes;
  const tile = input.layout.pageLayout === 'tile';
  const shardWidth = output.layout.shardShape[output.layout.shardShape.length - 1] ?? 1;
  const inElem = elementBytes(input.dtype);
  const outElem = elementBytes(output.dtype);
  if (!tile && (inElem === undefined || outElem === undefined))
    return unmodeled(op.name, 'row-major block-float tensor');
  const inputUnit = tile ? tileBytes(input.dtype) : shardWidth * (inElem ?? 0);
  const outputUnit = tile ? tileBytes(output.dtype) : shardWidth * (outElem ?? 0);
  const shardPages = volume(output.layout.shardShape) / (tile ? 1 : Math.max(1, shardWidth));
  const convert = input.dtype !== output.dtype;
  const cbs = [];
  if (convert)
    cbs.push({ index: 0, role: 'input (dtype change)', nPages: shardPages, pageBytes: alignUp(inputUnit, srcAlign) });
  // [1]: the output CB is bound to the shard when it is in L1; a DRAM shard gets an unbound local CB of one whole
  // shard (pages aligned to the DRAM alignment), which is what overflows in tt-metal #54621.
  cbs.push({
    index: convert ? 16 : 0,
    role: dstIsDram ? 'output shard (staged in L1 for a DRAM shard)' : 'output shard',
    nPages: shardPages,
    pageBytes: alignUp(outputUnit, dstAlign),
    tensorBacked: !dstIsDram,
  });
  cbs.push({ index: 1, role: 'alignment scratch', nPages: 4, pageBytes: alignUp(inputUnit + dram, dram) });
  // [4] can_use_interleaved_to_sharded: when the CBs that are not the L1 shard itself reach l1_size − base,
  // to_memory_config reroutes to ttnn::copy ("reroutes to generic copy", tt-metal #54621). It compares against the
  // whole unreserved L1, not the free L1, so a shard just under it still runs I2S and clashes with live buffers.
  const unboundBytes = cbs.reduce((sum, cb) => sum + (cb.tensorBacked === true ? 0 : cb.nPages * cb.pageBytes), 0);
  const maxCbBytes = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  if (unboundBytes >= maxCbBytes)
    return estimateCopyProgram(
      op,
      ctx,
      input,
      output,
      `interleaved → sharded whose interleaved_to_sharded CBs (${unboundBytes} B) reach l1_size − base (${maxCbBytes} B): to_memory_config reroutes to copy`,
      CITES.route,
    );
  const nCores = shardCoreCount(output.layout);
  return finishProgram({
    op,
    ctx,
    factory: 'InterleavedToShardedProgramFactory',
    factoryReason: dstIsDram
      ? `interleaved → DRAM ${output.layout.memoryLayout} over ${nCores} cores; each stages its whole shard in an L1 CB`
      : `interleaved → ${output.layout.memoryLayout} over ${nCores} cores; the output CB is the shard itself`,
    groups: [{ name: 'shards', nCores, firstCore: firstCoreOf(output) }],
    cbs,
    confidence: 'approx',
    approxReason: dstIsDram
      ? 'the alignment scratch buffer depends on the tt-metal version (issue #34414); the DRAM-shard destination is read from the 2026 factory (@019b681) — builds before its support (tt-metal issue #42595, 2026-04) may reject it and copy instead'
      : 'the alignment scratch buffer depends on the tt-metal version (issue #34414)',
    citations: [CITES.i2s, CITES.route],
  });
}

/** Shard pages and page bytes of a sharded tensor's layout (tiles, or rows of the shard width). */
function shardPages(t: ResolvedTensor): { pages: number; pageBytes: number } | undefined {
  const tile = t.layout.pageLayout === 'tile';
  const width = t.layout.shardShape[t.layout.shardShape.length - 1] ?? 1;
  const elem = tile ? undefined : elementBytes(t.dtype);
  if (!tile && elem === undefined) return undefined;
  const pages = tile ? volume(t.layout.shardShape) : width > 0 ? volume(t.layout.shardShape) / width : 0;
  if (!Number.isFinite(pages) || pages <= 0) return undefined;
  return tile ? { pages, pageBytes: tileBytes(t.dtype) } : { pages, pageBytes: width * (elem ?? 0) };
}

function firstCoreOf(t: ResolvedTensor): readonly [number, number] {
  const start = t.layout.coreRanges?.[0]?.start;
  return start === undefined ? [0, 0] : [start.x, start.y];
}

function shardedToInterleaved(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const inPages = shardPages(input);
  const outPage = shardPages({ ...input, dtype: output.dtype });
  if (inPages === undefined || outPage === undefined)
    return unmodeled(op.name, 'shard shape empty or a row-major block-float shard');
  const convert = input.dtype !== output.dtype;
  const inL1 = input.layout.bufferType === 'l1';
  const cbs = [
    { index: 0, role: 'input shard', nPages: inPages.pages, pageBytes: inPages.pageBytes, tensorBacked: inL1 },
  ];
  if (convert)
    cbs.push({
      index: 16,
      role: 'output (dtype change)',
      nPages: inPages.pages,
      pageBytes: outPage.pageBytes,
      tensorBacked: false,
    });
  const nCores = shardCoreCount(input.layout);
  return finishProgram({
    op,
    ctx,
    factory: 'ShardedToInterleavedProgramFactory',
    factoryReason: `${input.layout.memoryLayout} ${input.layout.bufferType} → interleaved ${output.layout.bufferType} over the ${nCores} shard cores; the input CB is the shard itself${convert ? '; a dtype change adds an output CB of one shard' : ''}`,
    groups: [{ name: 'shards', nCores, firstCore: firstCoreOf(input) }],
    cbs,
    confidence: 'approx',
    approxReason: inL1
      ? 'sharded_to_interleaved factory CB set from the 2025 factory (not re-read per build)'
      : 'DRAM-sharded input: the input CB is assumed to hold one shard',
    citations: [CITES.s2i, CITES.route],
  });
}

function reshard(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor, output: ResolvedTensor): OpEstimateResult {
  if (input.dtype !== output.dtype) return unmodeled(op.name, 'reshard with a dtype change is not modeled');
  const outPages = shardPages(output);
  if (outPages === undefined) return unmodeled(op.name, 'shard shape empty or a row-major block-float shard');
  const outL1 = output.layout.bufferType === 'l1';
  const nCores = shardCoreCount(output.layout);
  return finishProgram({
    op,
    ctx,
    factory: 'ReshardDeviceOperation',
    factoryReason: `${input.layout.memoryLayout} → ${output.layout.memoryLayout} over the ${nCores} output shard cores; the CB is the output shard itself`,
    groups: [{ name: 'shards', nCores, firstCore: firstCoreOf(output) }],
    cbs: [
      { index: 0, role: 'output shard', nPages: outPages.pages, pageBytes: outPages.pageBytes, tensorBacked: outL1 },
    ],
    confidence: 'approx',
    approxReason: 'reshard factory CB set not re-read per build (the CB is tensor-backed)',
    citations: [CITES.reshard, CITES.route],
  });
}
