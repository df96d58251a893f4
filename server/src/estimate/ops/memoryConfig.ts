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
 *     the unbound CBs ≥ l1_size − base → to_memory_config runs copy instead [4], from change point
 *       'to-memory-config-reroute-copy' (before it the program ran whatever its CBs)
 *     dtype change: input CB c_0 = shard pages × align(input page, source alignment)
 *     scratch c_1 (issue #34414) = 4 × align(inputUnit + dramAlign, dramAlign) from 'i2s-scratch-dram-padded';
 *       before it 4 × align(inputUnit, Blackhole ? l1Align : dramAlign), on every input from
 *       'dram-l1-specific-alignment' (keep_l1_aligned forced on), before that only for a DRAM source whose inputUnit
 *       is not a multiple of dramAlign, or on Blackhole
 *   sharded → interleaved [2]: c_0 = the input shard (tensor-backed, 0 B); dtype change: c_16 = shard pages ×
 *     align(output unit, output buffer alignment); c_16 ≥ l1_size − base → copy from 'to-memory-config-reroute-copy' [4]
 *   sharded → sharded (reshard) [3]: the output CB is the output shard (tensor-backed, 0 B); a tiled one into an L1 shard,
 *     not height → height, runs the generic factory (`exact` inside read span reshard-tiled-generic); height → height
 *     with an L1 side the same-width factory, c_0 bound to the local shard, no scratch for tiles (`exact` inside read
 *     span reshard-tiled-same-width); row-major height → height the same factory, unit = a local shard row, scratch
 *     c_1 = remote rows · align(unit, remote alignment) when the unit misses either alignment (read span
 *     reshard-rm-same-width)
 *   interleaved → interleaved (copy) [5]: c_0 = 2 input pages, + c_16 = 2 output pages on a dtype change;
 *     split_work_to_cores over pages (a row-major page is one aligned row)
 *
 * Symbols: inputUnit = tile bytes (tile layout) or shard width × element bytes (row-major, also when the tensor's rows
 *   are narrower than the shard, as conv2d's channel-padded reshard makes them: input_unit_size = shard_spec.shape[1] ·
 *   element_size at every commit of [1] read, 2025-01-08 … 622c6fb, 73 commits); shard pages = memref volume
 *   of the sharded side's layout (tiles or rows).
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp
 *       and its validation read at every commit 2025-01-01 … 622c6fb (read span i2s-l1-shard) and @019b681: the CB set
 *       changes only at the change points above; validation: a row-major shard row a multiple of the L1 alignment, a
 *       dtype change only for TILE
 *   [2] ttnn/cpp/ttnn/operations/data_movement/sharded/sharded_to_interleaved/device/sharded_to_interleaved_program_factory.cpp
 *       and its validation read at every commit 2025-01-01 … 622c6fb (read span s2i-l1-shard): the same CBs; validation:
 *       an L1 input, the same row-major and dtype rules as [1]
 *   [3] ttnn/cpp/ttnn/operations/data_movement/sharded/reshard/device/reshard_program_factory.cpp
 *   [4] ttnn/cpp/ttnn/operations/core/to_memory_config/to_memory_config_op.hpp, to_memory_config_op.cpp@1ed3656, @7cdaf9d
 *       (can_use_interleaved_to_sharded, can_use_sharded_to_interleaved), @040a27c
 *   [5] ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_program_factory.cpp (see copy.ts)
 *
 * Assumptions: I2S to an L1 shard and S2I from an L1 shard are 'exact' inside read spans i2s-l1-shard / s2i-l1-shard
 *   (branched on the change points above); 'approx': builds before 'dram-l1-specific-alignment' (buffers then took the
 *   larger of the two alignments, not modeled) where an alignment shows, a DRAM-shard destination (its support's date),
 *   a DRAM-sharded S2I input and a row-major shard the validation rejects (TT_FATAL, later a copy: not modeled), and
 *   reshard outside its read spans.
 * Worked example: DRAM-interleaved bf16 tiles → L1 height-sharded: scratch 4 × align(2,048 + 32, 32) = 8,320 B (WH);
 *   L1 height-sharded → DRAM interleaved, same dtype: 0 B of CBs; asserted in test/unit/estimate/families.test.ts and
 *   test/unit/estimate/datamove.test.ts.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded, shardCoreCount, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { atOrAfter, readSpanUnreadReason, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import { ResolvedTensor, bufferAlignmentBytes, finishProgram, resolveTensor } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { estimateCopyProgram } from './copy';
import { noProgram } from './noProgram';

const CITES = {
  i2s: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp@8473c4d, @3ae3181, @7cdaf9d, @019b681',
  s2i: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/sharded_to_interleaved/device/sharded_to_interleaved_program_factory.cpp@e258476, @1ed3656, @622c6fb',
  reshard: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/reshard/device/reshard_program_factory.cpp',
  reshardGeneric:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/reshard/device/reshard_device_operation.cpp@5aa764d … @4b30829 (select_program_factory, is_valid_for_legacy_reshard); reshard_program_factory_generic.cpp@5aa764d … @4b30829 (c_16 bound to the output)',
  reshardSameWidth:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/reshard/device/reshard_program_factory_same_width.cpp@5aa764d … @4b30829 (c_0 bound to the local shard, c_1 scratch only for unaligned units); to_memory_config_op.cpp@1ed3656 (can_use_reshard: the same scratch test)',
  route:
    'tt-metal ttnn/cpp/ttnn/operations/core/to_memory_config/to_memory_config_op.hpp; to_memory_config_op.cpp@1ed3656 (can_use_interleaved_to_sharded, can_use_sharded_to_interleaved)',
  reshardRowMajor:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/reshard/device/reshard_program_factory_same_width.cpp@5aa764d … @622c6fb (row-major: unit = local shard width · element size, units = shard rows; c_1 = remote rows · align(unit, remote alignment) when unaligned); reshard_device_operation.cpp (select_program_factory, validate_inputs: height → height row-major always valid); to_memory_config_op.hpp@40384d5 / .cpp@1ed3656 … @622c6fb (same-layout row-major sharded → sharded: ttnn::reshard; can_use_reshard)',
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
  // [1]: the c_1 alignment scratch (tt-metal issue #34414), four pages (num_trids). Before 'dram-l1-specific-alignment'
  // to_memory_config left keep_l1_aligned off, so only an unaligned DRAM source or Blackhole got one.
  const scratchPageBytes = i2sScratchPageBytes(ctx, inputUnit, input.layout.bufferType === 'dram');
  if (scratchPageBytes !== undefined)
    cbs.push({ index: 1, role: 'alignment scratch', nPages: 4, pageBytes: scratchPageBytes });
  // [4] can_use_interleaved_to_sharded (from 'to-memory-config-reroute-copy'): when the CBs that are not the L1 shard
  // itself reach l1_size − base, to_memory_config reroutes to ttnn::copy ("reroutes to generic copy", tt-metal #54621).
  // It compares against the whole unreserved L1, not the free L1, so a shard just under it still runs I2S and clashes
  // with live buffers. The change point is asked only when the CBs reach it, so a window is not split for a figure
  // that cannot differ.
  const unboundBytes = cbs.reduce((sum, cb) => sum + (cb.tensorBacked === true ? 0 : cb.nPages * cb.pageBytes), 0);
  const maxCbBytes = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  if (unboundBytes >= maxCbBytes && atOrAfter(ctx, 'to-memory-config-reroute-copy'))
    return estimateCopyProgram(
      op,
      ctx,
      input,
      output,
      `interleaved → sharded whose interleaved_to_sharded CBs (${unboundBytes} B) reach l1_size − base (${maxCbBytes} B): to_memory_config reroutes to copy`,
      CITES.route,
    );
  const nCores = shardCoreCount(output.layout);
  // Buffers took the larger of the L1 and DRAM alignments before 'dram-l1-specific-alignment' (not modeled). Of the
  // unbound CBs only a row-major dtype change's input page follows a buffer's alignment (the scratch follows the HAL's,
  // a tile is a multiple of 32 B); a DRAM shard's output page is approx anyway.
  const alignmentKnown = !convert || tile || atOrAfter(ctx, 'dram-l1-specific-alignment');
  const rejection = tile ? undefined : rowMajorShardRejection(shardWidth * (inElem ?? 0), convert, ctx);
  const approxReasons = [
    ...(rejection === undefined ? [] : [`interleaved_to_sharded's validation rejects it: ${rejection}`]),
    ...(alignmentKnown
      ? []
      : [
          'builds before tt-metal PR #17122 (2025-02-05) aligned the row-major input page to the larger of the L1 and DRAM alignments (not modeled)',
        ]),
    ...(windowReadableWithinReadSpan(ctx, 'i2s-l1-shard') ? [] : [I2S_UNREAD]),
    // DRAM shards came to interleaved_to_sharded with tt-metal PR #23392 (2025-06-13); later limits not placed.
    ...(dstIsDram
      ? [
          'the DRAM-shard destination is read from the 2026 factory (@019b681) — builds before its support (tt-metal issue #42595, 2026-04) may reject it and copy instead',
        ]
      : []),
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'InterleavedToShardedProgramFactory',
    factoryReason: dstIsDram
      ? `interleaved → DRAM ${output.layout.memoryLayout} over ${nCores} cores; each stages its whole shard in an L1 CB`
      : `interleaved → ${output.layout.memoryLayout} over ${nCores} cores; the output CB is the shard itself`,
    groups: [{ name: 'shards', nCores, firstCore: firstCoreOf(output) }],
    cbs,
    confidence: approxReasons.length === 0 ? 'exact' : 'approx',
    approxReason: approxReasons.join('; '),
    citations: [CITES.i2s, CITES.route, readSpanCite('i2s-l1-shard')],
  });
}

const I2S_UNREAD = readSpanUnreadReason('interleaved_to_sharded was', 'i2s-l1-shard', 'before');
const S2I_UNREAD = readSpanUnreadReason('sharded_to_interleaved was', 's2i-l1-shard', 'before');

/**
 * What interleaved_to_sharded's and sharded_to_interleaved's validation (read spans i2s-l1-shard, s2i-l1-shard) says of
 * a row-major shard, or undefined when it passes: the shard row (`shardRowBytes`) must be a multiple of the L1
 * alignment, and a dtype change needs TILE. tt-metal fails with TT_FATAL before change point
 * 'to-memory-config-reroute-copy' and runs ttnn::copy from it (validate_inputs false): neither is modeled.
 */
function rowMajorShardRejection(shardRowBytes: number, convert: boolean, ctx: EstimateContext): string | undefined {
  const problems = [
    ...(shardRowBytes % ctx.device.l1AlignmentBytes === 0
      ? []
      : [
          `the row-major shard row (${shardRowBytes} B) is not a multiple of the L1 alignment (${ctx.device.l1AlignmentBytes} B)`,
        ]),
    ...(convert ? ['a dtype change needs a TILE tensor'] : []),
  ];
  if (problems.length === 0) return undefined;
  return `${problems.join(' and ')} (TT_FATAL before tt-metal PR #41413; from it to_memory_config runs ttnn::copy instead: neither modeled, the factory's figure is given)`;
}

/**
 * The page of interleaved_to_sharded's c_1 alignment scratch (four pages), or undefined when the build creates none [1]:
 * align(inputUnit + dramAlign, dramAlign) from 'i2s-scratch-dram-padded'; before it align(inputUnit, Blackhole ?
 * l1Align : dramAlign) on every input from 'dram-l1-specific-alignment', before that only for a DRAM source whose unit
 * is not a multiple of dramAlign, or on Blackhole. `inputUnitBytes`: a tile, or a row-major shard row.
 */
export function i2sScratchPageBytes(
  ctx: EstimateContext,
  inputUnitBytes: number,
  inputInDram: boolean,
): number | undefined {
  const dram = ctx.device.dramAlignmentBytes;
  const blackhole = ctx.device.arch === 'blackhole';
  if (atOrAfter(ctx, 'i2s-scratch-dram-padded')) return alignUp(inputUnitBytes + dram, dram);
  if (atOrAfter(ctx, 'dram-l1-specific-alignment') || blackhole || (inputInDram && inputUnitBytes % dram !== 0))
    return alignUp(inputUnitBytes, blackhole ? ctx.device.l1AlignmentBytes : dram);
  return undefined;
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

/**
 * The row-major same-width reshard's sizes [3]: unit = local shard width · element bytes; the scratch c_1 = remote shard
 * rows · align(unit, remote buffer alignment) when the unit misses the local or remote buffer's alignment, else 0.
 * Undefined (not modeled here) for a block-float dtype, or when the scratch reaches l1_size − base in a build where
 * can_use_reshard then reroutes.
 */
function rowMajorSameWidth(
  ctx: EstimateContext,
  local: ResolvedTensor,
  remote: ResolvedTensor,
): { unitBytes: number; scratchBytes: number; remoteRows: number; remotePaddedBytes: number } | undefined {
  const elem = elementBytes(local.dtype);
  if (elem === undefined) return undefined;
  const unitBytes = (local.layout.shardShape[local.layout.shardShape.length - 1] ?? 0) * elem;
  const remoteRows = remote.layout.shardShape[0] ?? 0;
  const remotePaddedBytes = alignUp(unitBytes, bufferAlignmentBytes(remote, ctx));
  const unaligned =
    remotePaddedBytes !== unitBytes || alignUp(unitBytes, bufferAlignmentBytes(local, ctx)) !== unitBytes;
  const scratchBytes = unaligned ? remoteRows * remotePaddedBytes : 0;
  if (
    scratchBytes >= ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase &&
    atOrAfter(ctx, 'to-memory-config-reroute-copy')
  )
    return undefined;
  return { unitBytes, scratchBytes, remoteRows, remotePaddedBytes };
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
  // [2]: a dtype change adds c_16, one shard of output units each aligned to the output buffer's alignment.
  if (convert)
    cbs.push({
      index: 16,
      role: 'output (dtype change)',
      nPages: inPages.pages,
      pageBytes: alignUp(outPage.pageBytes, bufferAlignmentBytes(output, ctx)),
      tensorBacked: false,
    });
  // [4] can_use_sharded_to_interleaved (from 'to-memory-config-reroute-copy'): a c_16 reaching l1_size − base reroutes
  // to ttnn::copy. Asked only then, so a window is not split for a figure that cannot differ.
  const outputCbBytes = convert ? inPages.pages * (cbs[1]?.pageBytes ?? 0) : 0;
  const maxCbBytes = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  if (convert && outputCbBytes >= maxCbBytes && atOrAfter(ctx, 'to-memory-config-reroute-copy'))
    return estimateCopyProgram(
      op,
      ctx,
      input,
      output,
      `sharded → interleaved whose sharded_to_interleaved output CB (${outputCbBytes} B) reaches l1_size − base (${maxCbBytes} B): to_memory_config reroutes to copy`,
      CITES.route,
    );
  const nCores = shardCoreCount(input.layout);
  // A row-major output page took the larger of the L1 and DRAM alignments before 'dram-l1-specific-alignment'; the
  // bound input CB and tile pages (multiples of 32 B) cost the same either way, so only that case asks.
  const alignmentKnown = !convert || input.layout.pageLayout === 'tile' || atOrAfter(ctx, 'dram-l1-specific-alignment');
  const rejection =
    input.layout.pageLayout === 'tile' ? undefined : rowMajorShardRejection(inPages.pageBytes, convert, ctx);
  const approxReason = [
    // Validation refuses a DRAM-sharded input ("Input tensor must be in L1") at every build read [2].
    ...(inL1
      ? []
      : [
          "sharded_to_interleaved's validation rejects a DRAM-sharded input (TT_FATAL before tt-metal PR #41413; from it to_memory_config runs ttnn::copy instead: neither modeled); the input CB is taken as one shard",
        ]),
    ...(rejection === undefined ? [] : [`sharded_to_interleaved's validation rejects it: ${rejection}`]),
    ...(alignmentKnown
      ? []
      : [
          'builds before tt-metal PR #17122 (2025-02-05) aligned the row-major output page to the larger of the L1 and DRAM alignments (not modeled)',
        ]),
    ...(windowReadableWithinReadSpan(ctx, 's2i-l1-shard') ? [] : [S2I_UNREAD]),
  ].join('; ');
  return finishProgram({
    op,
    ctx,
    factory: 'ShardedToInterleavedProgramFactory',
    factoryReason: `${input.layout.memoryLayout} ${input.layout.bufferType} → interleaved ${output.layout.bufferType} over the ${nCores} shard cores; the input CB is the shard itself${convert ? '; a dtype change adds an output CB of one shard' : ''}`,
    groups: [{ name: 'shards', nCores, firstCore: firstCoreOf(input) }],
    cbs,
    confidence: approxReason === '' ? 'exact' : 'approx',
    approxReason,
    citations: [CITES.s2i, CITES.route, readSpanCite('s2i-l1-shard')],
  });
}

function reshard(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor, output: ResolvedTensor): OpEstimateResult {
  if (input.dtype !== output.dtype) return unmodeled(op.name, 'reshard with a dtype change is not modeled');
  const outPages = shardPages(output);
  if (outPages === undefined) return unmodeled(op.name, 'shard shape empty or a row-major block-float shard');
  const outL1 = output.layout.bufferType === 'l1';
  const nCores = shardCoreCount(output.layout);
  // Read span reshard-tiled-generic: a tiled reshard into an L1 shard, not height → height, runs the generic factory.
  const generic =
    input.layout.pageLayout === 'tile' &&
    outL1 &&
    !(input.layout.memoryLayout === 'height_sharded' && output.layout.memoryLayout === 'height_sharded') &&
    windowReadableWithinReadSpan(ctx, 'reshard-tiled-generic');
  // Read span reshard-tiled-same-width: a tiled height → height reshard with an L1 side runs the same-width factory,
  // c_0 bound to the local shard (the output's when it is in L1, else the input's); its scratch CB c_1 is for units
  // whose bytes miss either buffer's alignment, which no tile size does (every one a multiple of 64 B).
  const inL1 = input.layout.bufferType === 'l1';
  const sameWidth =
    input.layout.pageLayout === 'tile' &&
    input.layout.memoryLayout === 'height_sharded' &&
    output.layout.memoryLayout === 'height_sharded' &&
    (inL1 || outL1) &&
    windowReadableWithinReadSpan(ctx, 'reshard-tiled-same-width');
  // Read span reshard-rm-same-width: a row-major height → height reshard with an L1 side runs the same factory, its
  // unit one shard row of the local shard's width; the scratch c_1 (remote rows · the row padded to the remote buffer's
  // alignment) only when the row misses either buffer's alignment. A scratch reaching l1_size − base reroutes
  // to_memory_config from change point 'to-memory-config-reroute-copy' (not modeled: left to the fallback below).
  const rmSameWidth =
    input.layout.pageLayout === 'row_major' &&
    input.layout.memoryLayout === 'height_sharded' &&
    output.layout.memoryLayout === 'height_sharded' &&
    (inL1 || outL1) &&
    windowReadableWithinReadSpan(ctx, 'reshard-rm-same-width')
      ? rowMajorSameWidth(ctx, outL1 ? output : input, outL1 ? input : output)
      : undefined;
  if (rmSameWidth !== undefined) {
    const local = outL1 ? output : input;
    const localCores = shardCoreCount(local.layout);
    const { unitBytes, scratchBytes, remoteRows, remotePaddedBytes } = rmSameWidth;
    return finishProgram({
      op,
      ctx,
      factory: 'ReshardSameWidthFactory',
      factoryReason: `height → height (row-major): the same-width factory over the ${localCores} ${outL1 ? 'output' : 'input'} shard cores; c_0 is that shard itself; rows of ${unitBytes} B ${scratchBytes > 0 ? `miss a buffer's alignment → scratch c_1 of ${remoteRows} remote rows · ${remotePaddedBytes} B` : "fit both buffers' alignments: no scratch CB"}`,
      groups: [{ name: 'shards', nCores: localCores, firstCore: firstCoreOf(local) }],
      cbs: [
        {
          index: 0,
          role: `${outL1 ? 'output' : 'input'} shard`,
          nPages: local.layout.shardShape[0] ?? 0,
          pageBytes: unitBytes,
          tensorBacked: true,
        },
        ...(scratchBytes > 0
          ? [{ index: 1, role: 'unaligned-row scratch', nPages: remoteRows, pageBytes: remotePaddedBytes }]
          : []),
      ],
      confidence: 'exact',
      citations: [CITES.reshardRowMajor, CITES.route],
    });
  }
  if (sameWidth) {
    const local = outL1 ? output : input;
    const localPages = shardPages(local);
    if (localPages === undefined) return unmodeled(op.name, 'shard shape empty');
    const localCores = shardCoreCount(local.layout);
    return finishProgram({
      op,
      ctx,
      factory: 'ReshardSameWidthFactory',
      factoryReason: `height → height (tiled): the same-width factory over the ${localCores} ${outL1 ? 'output' : 'input'} shard cores; c_0 is that shard itself, and a tile's bytes need no scratch CB`,
      groups: [{ name: 'shards', nCores: localCores, firstCore: firstCoreOf(local) }],
      cbs: [
        {
          index: 0,
          role: `${outL1 ? 'output' : 'input'} shard`,
          nPages: localPages.pages,
          pageBytes: localPages.pageBytes,
          tensorBacked: true,
        },
      ],
      confidence: 'exact',
      citations: [CITES.reshardSameWidth, CITES.route],
    });
  }
  if (generic)
    return finishProgram({
      op,
      ctx,
      factory: 'ReshardGenericFactory',
      factoryReason: `${input.layout.memoryLayout} → ${output.layout.memoryLayout} (tiled, into L1): the generic factory over the ${nCores} output shard cores; its one CB is the output shard itself`,
      groups: [{ name: 'shards', nCores, firstCore: firstCoreOf(output) }],
      cbs: [
        { index: 16, role: 'output shard', nPages: outPages.pages, pageBytes: outPages.pageBytes, tensorBacked: true },
      ],
      confidence: 'exact',
      citations: [CITES.reshardGeneric, CITES.route],
    });
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
    // [3] at 622c6fb: the same-width factory adds a c_1 scratch for unaligned units and the ND copy-pages factory an
    // unbound c_0; their selection (reshard_device_operation.cpp, and to_memory_config's can_use_reshard from
    // 'to-memory-config-reroute-copy') is not modeled.
    approxReason:
      'reshard: which factory runs (generic, same-height, same-width with a scratch CB for unaligned units, ND copy-pages) is not modeled; the output-shard CB alone is given',
    citations: [CITES.reshard, CITES.route],
  });
}
