/**
 * L1 estimates for the KV-cache ops: `ttnn.update_cache`, `ttnn.fill_cache`, `ttnn.paged_update_cache`,
 * `ttnn.paged_fill_cache` (all tiled caches; the cache is updated in place, so no output tensor is allocated).
 *
 * Formulas (bytes per core; T(x) = tile bytes of x, im = Float32 tile with fp32 dest acc else bf16; Wt = head dim / 32):
 *   update_cache [1]: g = min(2, cache batch); c_0 2·g·Wt T(cache) · c_1 input 2·Wt T(input) (tensor-backed when the
 *     input is sharded) · c_24+c_25 2·g·Wt im · c_26 2·g·Wt im · c_16 B·Wt T(cache), B = input padded[-2];
 *     cores: split_work_to_cores(grid, input heads·B/32, row_major = true) (sharded input: its shard grid); every CB
 *     on all_cores, so the printed range is that row-wise set's first CoreRange
 *   fill_cache [2]: c_0 2 tiles of the input dtype; split_work_to_cores(grid, heads · input Ht tile rows, row-major);
 *     a sharded input: c_0 its shard (tensor-backed) on the shard grid
 *   paged_update_cache [3]: c_0 2·Wt T(cache) · c_1 = the input's shard (tensor-backed) · c_24+c_25 2·Wt im ·
 *     c_26 2·Wt im · c_16 B·Wt T(cache), B = input padded[1] · c_2 1 tile of the index dtype (update index tensor) ·
 *     c_3 one page-table row (padded last dim × element bytes); cores = the input's shard grid
 *   paged_fill_cache [4]: input 2·Wt T(input) · page table one aligned row · batch_idx elements × element bytes;
 *     split_work_to_cores(grid, batch·heads·seq tiles)
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/kv_cache/device/update_cache_multi_core_program_factory.cpp@0055520
 *   [2] tt-metal ttnn/cpp/ttnn/operations/kv_cache/device/fill_cache_multi_core_program_factory.cpp@28fa477 and every
 *       version before it to 2024-10 (read span fill-cache-factory: exact for builds to 2026-06-23)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/experimental/paged_cache/device/update_cache/paged_update_cache_program_factory.cpp@0147d78
 *   [4] tt-metal ttnn/cpp/ttnn/operations/experimental/paged_cache/device/fill_cache/paged_fill_cache_program_factory.cpp@056bc6a
 *   [5] tt-metal …/paged_cache/device/update_cache/paged_update_cache_device_operation.cpp@06bd373 (validate: sharded,
 *       not width-sharded input of bf16/f32; interleaved cache); its 2026 version (search index id 54745694682):
 *       without a page table or share_cache, input batch (padded dim 1) = cache batch (padded dim 0)
 *   [6] tt-metal ttnn/cpp/ttnn/operations/kv_cache/device/update_cache_device_operation.cpp (2026 version, search index
 *       id 54489825014; validate_on_program_cache_miss): padded input dim 0 = 1; update: cache batch ≤ input padded
 *       dim 2
 *   [7] tt-mlir lib/Dialect/TTNN/IR/TTNNOps.cpp@19c86fc (UpdateCacheOp / FillCacheOp / PagedUpdateCacheOp::verify):
 *       cache and input agree on dims 1 (heads) and 3 (head dim); update: input dim 0 = 1; fill: input dim 2 ≤ cache
 *       dim 2; paged update: input dim 0 = 1, dim 1 = the update index's length, dim 3 = the cache's head dim
 *   [8] tt-metal …/paged_cache/device/update_cache/paged_update_cache_device_operation.cpp@5fe8af2 (PR #45016: input
 *       shard cores = users); factory and validation read at every commit 352e61a … 622c6fb (read span
 *       paged-update-cache-factory: exact for builds 2025-01-01 … 2026-06-23)
 *
 * Shapes the tt-mlir verifier rejects [7] never compile (unmodeled, naming the verifier); shapes only tt-metal's
 *   validation rejects [5][6] are illegal. Neither gets a figure (found by fuzzing: mismatched head dims were sized).
 *
 * Assumptions: compute kernel config defaults (fp32 dest acc off), as tt-mlir passes none. The factories read are
 *   recent; the tt-mlir OpModel goldens (tt-metal f4163c2, 2025-11) agree with them, and tt-mlir #3679 (2025-06-04)
 *   printed update_cache's figure to the byte (f32 cache and input, bf16 intermediates: a Float32 input no longer
 *   forces fp32 accumulation, as update_cache_op_multi_core.cpp@04896f2 of 2024 did; when that stopped was not traced,
 *   before 2025-06). Older builds were not compared, except paged_update_cache's, read at every commit [8].
 * Worked example (golden TestOpModelLib.cpp:4618): update_cache, cache 1x32x64x512 bf16, input 1x32x3x512: g = 1,
 *   Wt = 16, B = 32: 32 + 32 + 32 + 32 + 512 = 640 tiles = 1,310,720 B.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded, shardCoreCount, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { atOrAfter, readSpanUnreadReason, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import {
  bufferAlignmentBytes,
  CITE,
  CbSpec,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  resolveTensor,
  splitWorkToCores,
  withInPlaceOutput,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { shardGridGroup, shardTileCount } from './heads';
import { fp32DestAccFromConfig, operandSegments } from './norm';

const CITE_UPDATE =
  'tt-metal ttnn/cpp/ttnn/operations/kv_cache/device/update_cache_multi_core_program_factory.cpp@0055520';
const CITE_FILL = 'tt-metal ttnn/cpp/ttnn/operations/kv_cache/device/fill_cache_multi_core_program_factory.cpp@28fa477';
const CITE_PAGED_UPDATE =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/paged_cache/device/update_cache/paged_update_cache_program_factory.cpp@0147d78';
const CITE_PAGED_UPDATE_VALIDATE =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/paged_cache/device/update_cache/paged_update_cache_device_operation.cpp@06bd373';
const CITE_UPDATE_VALIDATE =
  'tt-metal ttnn/cpp/ttnn/operations/kv_cache/device/update_cache_device_operation.cpp (2026 version, search index id 54489825014; validate_on_program_cache_miss)';
const CITE_PAGED_UPDATE_VALIDATE_2026 =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/paged_cache/device/update_cache/paged_update_cache_device_operation.cpp (2026 version, search index id 54745694682)';
const CITE_PAGED_FILL =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/paged_cache/device/fill_cache/paged_fill_cache_program_factory.cpp@056bc6a';

interface CacheOperands {
  readonly cache: ResolvedTensor;
  readonly input: ResolvedTensor;
}

function cacheAndInput(op: TtnnOp): CacheOperands | string {
  const cache = resolveTensor(op.operands[0], 'cache');
  if (typeof cache === 'string') return cache;
  const input = resolveTensor(op.operands[1], 'input');
  if (typeof input === 'string') return input;
  if (cache.layout.pageLayout !== 'tile' || input.layout.pageLayout !== 'tile')
    return 'row-major cache or input: the row-major cache kernels are not modeled';
  if (cache.padded.length !== 4 || input.padded.length !== 4)
    return 'cache and input must be 4-D (tt-metal validates rank 4)';
  return { cache, input };
}

const shapeText = (dims: readonly number[]): string => `(${dims.join(', ')})`;

/** tt-mlir's verifier [7] rejects the op: the IR does not compile, so no tt-metal program runs for it. */
function verifierRejects(op: TtnnOp, message: string): OpEstimateResult {
  return unmodeled(op.name, `tt-mlir's verifier rejects this op (TTNNOps.cpp@19c86fc): ${message}`);
}

/** Cache and input must agree on heads (dim 1) and head dim (dim 3): UpdateCacheOp / FillCacheOp::verify [7]. */
function headsAndHeadDimMismatch(
  op: TtnnOp,
  cache: ResolvedTensor,
  input: ResolvedTensor,
): OpEstimateResult | undefined {
  if (cache.logical[1] === input.logical[1] && cache.logical[3] === input.logical[3]) return undefined;
  return verifierRejects(
    op,
    `Cache tensor shape must match input tensor shape on dims 1 and 3. Got cache shape ${shapeText(cache.logical)}, input shape ${shapeText(input.logical)}`,
  );
}

export function estimateUpdateCache(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const r = cacheAndInput(op);
  if (typeof r === 'string') return unmodeled(op.name, r);
  const { cache, input } = r;
  if (input.logical[0] !== 1)
    return verifierRejects(
      op,
      `Input tensor requires that dim 0 have size 1, got input dim 0 size = ${input.logical[0]}`,
    );
  const mismatch = headsAndHeadDimMismatch(op, cache, input);
  if (mismatch !== undefined) return mismatch;
  // The factory reads one row per cache batch entry from the input's padded rows [6].
  if (cache.padded[0] > input.padded[2])
    return illegal(
      op.name,
      `Cache tensor batch size (${cache.padded[0]}) must be <= input tensor height (${input.padded[2]})`,
      CITE_UPDATE_VALIDATE,
    );
  const fp32 = fp32DestAccFromConfig(op) ?? false;
  const im = tileBytes(fp32 ? 'f32' : 'bf16');
  const tCache = tileBytes(cache.dtype);
  const tIn = tileBytes(input.dtype);
  const wt = cache.padded[3] / 32;
  const g = Math.min(2, cache.padded[0]);
  const b = input.padded[2];
  const sharded = isSharded(input.layout);
  const batchedHeads = (input.padded[1] * b) / 32;
  const split = splitWorkToCores(gridArea(ctx), batchedHeads);
  // Interleaved: split_work_to_cores(grid, heads, row_major = true), every CB on all_cores [1].
  const groups = sharded
    ? [shardGridGroup(input.layout)]
    : groupsFromSplit(split, ctx.device.workerGrid, 'row', { order: 'row', ctx });
  const cbs: CbSpec[] = [
    { index: 0, role: 'cache rows', nPages: 2 * g * wt, pageBytes: tCache },
    {
      index: 1,
      role: 'input',
      nPages: sharded ? shardTileCount(input.layout) : 2 * wt,
      pageBytes: tIn,
      tensorBacked: sharded,
    },
    { index: 24, role: 'untilized cache/input (c_24, c_25)', nPages: 2 * g * wt, pageBytes: im },
    { index: 26, role: 'updated rows', nPages: 2 * g * wt, pageBytes: im },
    { index: 16, role: 'output (one head of tiles)', nPages: b * wt, pageBytes: tCache },
  ];
  return withInPlaceOutput(
    finishProgram({
      op,
      ctx,
      factory: 'UpdateCacheMultiCoreProgramFactory',
      factoryReason: `Wt = ${wt}, granularity ${g}, B = ${b}; ${sharded ? 'sharded input: its shard grid' : `${batchedHeads} batched heads over ${split.nCores} cores`}`,
      groups,
      cbs,
      confidence: 'exact',
      citations: [CITE_UPDATE, CITE.workSplit],
    }),
    op,
    ctx,
    0,
  );
}

export function estimateFillCache(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const r = cacheAndInput(op);
  if (typeof r === 'string') return unmodeled(op.name, r);
  const { cache, input } = r;
  if (input.logical[2] > cache.logical[2])
    return verifierRejects(
      op,
      `Input tensor requires that dim 2 have a size which is less than or equal to the size of dim 2 of the cache tensor. Got cache dim 2 size = ${cache.logical[2]}, input dim 2 size = ${input.logical[2]}`,
    );
  const mismatch = headsAndHeadDimMismatch(op, cache, input);
  if (mismatch !== undefined) return mismatch;
  if (input.padded[0] !== 1)
    return illegal(op.name, `Input tensor batch size must be 1 but got ${input.padded[0]}`, CITE_UPDATE_VALIDATE);
  // One block of work is a tile row (Wt tiles) of one head [2].
  const blocks = (input.padded[1] * input.padded[2]) / 32;
  const sharded = isSharded(input.layout);
  const split = splitWorkToCores(gridArea(ctx), blocks);
  const read = windowReadableWithinReadSpan(ctx, 'fill-cache-factory');
  return withInPlaceOutput(
    finishProgram({
      op,
      ctx,
      factory: 'FillCacheMultiCoreProgramFactory',
      factoryReason: sharded
        ? `sharded input: c_0 is its shard on the ${shardCoreCount(input.layout)}-core shard grid`
        : `${blocks} tile rows (heads · input Ht) over ${split.nCores} cores`,
      groups: sharded ? [shardGridGroup(input.layout)] : groupsFromSplit(split, ctx.device.workerGrid, 'row'),
      cbs: [
        sharded
          ? {
              index: 0,
              role: 'input shard',
              nPages: shardTileCount(input.layout),
              pageBytes: tileBytes(input.dtype),
              tensorBacked: true,
            }
          : { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
      ],
      confidence: read ? 'exact' : 'approx',
      approxReason: read
        ? ''
        : 'the fill_cache factory was read commit by commit from 2025-01-01 (read span fill-cache-factory); earlier builds were not',
      citations: [CITE_FILL, readSpanCite('fill-cache-factory'), CITE.workSplit],
    }),
    op,
    ctx,
    0,
  );
}

const PAGED_UPDATE_UNREAD = readSpanUnreadReason(
  'the paged_update_cache program and its validation were',
  'paged-update-cache-factory',
  'before',
);

export function estimatePagedUpdateCache(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const r = cacheAndInput(op);
  if (typeof r === 'string') return unmodeled(op.name, r);
  const { cache, input } = r;
  // PagedUpdateCacheDeviceOperation::validate_on_program_cache_miss [5].
  if (!isSharded(input.layout))
    return illegal(op.name, 'Expect input_tensor to be sharded', CITE_PAGED_UPDATE_VALIDATE);
  if (input.layout.memoryLayout === 'width_sharded')
    return illegal(op.name, 'Expect input_tensor to NOT have memory layout WIDTH SHARDED', CITE_PAGED_UPDATE_VALIDATE);
  if (cache.layout.memoryLayout !== 'interleaved')
    return illegal(op.name, 'Only interleaved cache is supported', CITE_PAGED_UPDATE_VALIDATE);
  if (input.dtype !== 'bf16' && input.dtype !== 'f32')
    return illegal(
      op.name,
      'Data type of input tensor for update cache must be FLOAT32 or BFLOAT16',
      CITE_PAGED_UPDATE_VALIDATE,
    );
  const segments = operandSegments(op);
  // tt-mlir: (cache, input, update_index, page_table?); without operandSegmentSizes the operands come in that order.
  const indexIdx = segments.length >= 3 ? segments[2]?.[0] : 2;
  const tableIdx = segments.length >= 4 ? segments[3]?.[0] : 3;
  const index = indexIdx !== undefined ? resolveTensor(op.operands[indexIdx], 'update index') : undefined;
  const table =
    tableIdx !== undefined && op.operands[tableIdx] !== undefined
      ? resolveTensor(op.operands[tableIdx], 'page table')
      : undefined;
  if (typeof index === 'string') return unmodeled(op.name, index);
  if (typeof table === 'string') return unmodeled(op.name, table);
  // PagedUpdateCacheOp::verify [7]: one input row per user, the update index holding one position per user.
  if (input.logical[0] !== 1)
    return verifierRejects(op, `Input tensor must have dim 0 be equal to 1, got ${input.logical[0]}`);
  const numUsers = index?.logical.length === 1 ? index.logical[0] : undefined;
  if (numUsers !== undefined && input.logical[1] !== numUsers)
    return verifierRejects(
      op,
      `Input tensor must have shape equal to the number of users (determined by update index shape): ${numUsers}, got ${input.logical[1]}`,
    );
  if (input.logical[3] !== cache.logical[3])
    return verifierRejects(
      op,
      `Input tensor must have dim 3 be equal to the head dimension (determined by cache shape): ${cache.logical[3]}, got ${input.logical[3]}`,
    );
  if (numUsers !== undefined && table !== undefined && table.logical.length === 2 && table.logical[0] !== numUsers)
    return verifierRejects(
      op,
      `Page table tensor must have dim 0 be equal to the number of users (determined by update index shape): ${numUsers}, got ${table.logical[0]}`,
    );
  // Without a page table each user owns one cache batch entry, unless the cache is shared [5].
  if (table === undefined && propBool(op, 'share_cache') !== true && input.padded[1] !== cache.padded[0])
    return illegal(
      op.name,
      `Expect batch in input tensor match the batch in cache tensor (input batch ${input.padded[1]}, cache batch ${cache.padded[0]})`,
      CITE_PAGED_UPDATE_VALIDATE_2026,
    );
  // From PR #45016 the kernel's one user per core is checked [8] (asked only when it fails, so a window is split there
  // only where it matters).
  if (shardCoreCount(input.layout) !== input.padded[1] && atOrAfter(ctx, 'paged-update-cache-shard-cores-users'))
    return illegal(
      op.name,
      `Input tensor shard grid must have num_cores (${shardCoreCount(input.layout)}) equal to the number of users / batch (${input.padded[1]})`,
      CITE_PAGED_UPDATE_VALIDATE_2026,
    );
  const fp32 = fp32DestAccFromConfig(op) ?? false;
  const im = tileBytes(fp32 ? 'f32' : 'bf16');
  const tCache = tileBytes(cache.dtype);
  const wt = input.padded[3] / 32;
  const b = input.padded[1];
  const cbs: CbSpec[] = [
    { index: 0, role: 'cache rows', nPages: 2 * wt, pageBytes: tCache },
    {
      index: 1,
      role: 'input shard',
      nPages: shardTileCount(input.layout),
      pageBytes: tileBytes(input.dtype),
      tensorBacked: true,
    },
    { index: 24, role: 'untilized cache/input (c_24, c_25)', nPages: 2 * wt, pageBytes: im },
    { index: 26, role: 'updated rows', nPages: 2 * wt, pageBytes: im },
    { index: 16, role: 'output', nPages: b * wt, pageBytes: tCache },
  ];
  if (index !== undefined)
    cbs.push({ index: 2, role: 'update index (one tile)', nPages: 1, pageBytes: tileBytes(index.dtype) });
  if (table !== undefined) {
    const rowBytes = table.padded[table.padded.length - 1] * (elementBytes(table.dtype) ?? 4);
    cbs.push({ index: 3, role: 'page-table row', nPages: 1, pageBytes: rowBytes });
  }
  return withInPlaceOutput(
    finishProgram({
      op,
      ctx,
      factory: 'PagedUpdateCacheProgramFactory',
      factoryReason: `Wt = ${wt}, B = ${b}; cores = the input's ${shardCoreCount(input.layout)}-core shard grid${table !== undefined ? '; paged (page table)' : ''}`,
      groups: [shardGridGroup(input.layout)],
      cbs,
      // The factory's CBs and the op's validation were read at every commit of read span paged-update-cache-factory.
      ...(windowReadableWithinReadSpan(ctx, 'paged-update-cache-factory')
        ? { confidence: 'exact' as const }
        : { confidence: 'approx' as const, approxReason: PAGED_UPDATE_UNREAD }),
      citations: [CITE_PAGED_UPDATE, readSpanCite('paged-update-cache-factory')],
    }),
    op,
    ctx,
    0,
  );
}

export function estimatePagedFillCache(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const r = cacheAndInput(op);
  if (typeof r === 'string') return unmodeled(op.name, r);
  const { input } = r;
  const table = resolveTensor(op.operands[2], 'page table');
  if (typeof table === 'string') return unmodeled(op.name, table);
  const batchIdx = op.operands[3] !== undefined ? resolveTensor(op.operands[3], 'batch index') : undefined;
  if (typeof batchIdx === 'string') return unmodeled(op.name, batchIdx);
  const wt = input.padded[3] / 32;
  const blocks = (input.padded[0] * input.padded[1] * input.padded[2]) / 32;
  const split = splitWorkToCores(gridArea(ctx), blocks);
  // The page table's aligned page: one row (last dim × element bytes) rounded up to its buffer's alignment.
  const tableAlign = bufferAlignmentBytes(table, ctx);
  const tableRowBytes = alignUp(table.padded[table.padded.length - 1] * (elementBytes(table.dtype) ?? 4), tableAlign);
  const cbs: CbSpec[] = [
    { index: 0, role: 'input', nPages: 2 * wt, pageBytes: tileBytes(input.dtype) },
    { index: 1, role: 'page-table row', nPages: 1, pageBytes: tableRowBytes },
  ];
  if (batchIdx !== undefined) {
    cbs.push({
      index: 2,
      role: 'batch index',
      nPages: volume(batchIdx.logical),
      pageBytes: elementBytes(batchIdx.dtype) ?? 4,
    });
  }
  return withInPlaceOutput(
    finishProgram({
      op,
      ctx,
      factory: 'PagedFillCacheProgramFactory',
      factoryReason: `Wt = ${wt}; ${blocks} (batch, head, seq-tile) blocks over ${split.nCores} cores`,
      groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
      cbs,
      confidence: 'exact',
      citations: [CITE_PAGED_FILL, CITE.workSplit],
    }),
    op,
    ctx,
    0,
  );
}
