/**
 * L1 estimates for the attention head shufflers and rotary embeddings: `ttnn.nlp_concat_heads`,
 * `ttnn.concatenate_heads`, `ttnn.nlp_concat_heads_decode`, `ttnn.split_query_key_value_and_split_heads`,
 * `ttnn.nlp_create_qkv_heads_decode`, `ttnn.rotary_embedding`, `ttnn.rotary_embedding_llama`.
 *
 * Formulas (tiles per core of the input dtype unless said; Wt = width / 32):
 *   nlp_concat_heads / concatenate_heads [1]: interleaved input: c_0 2·(heads·head_dim/32); sharded input: c_0 is the
 *     shard (tensor-backed); sharded output: c_16 the output shard (tensor-backed).
 *     cores: split_work_to_cores(grid, B·S/32) column-major (sharded input: its shard grid)
 *   nlp_concat_heads_decode [2]: one CB, c_16 = the output shard (tensor-backed): 0 B of CB region; cores = output grid
 *   split_query_key_value_and_split_heads, interleaved input (NlpCreateHeads Interleaved) [3]: c_1 4 tiles; with
 *     transpose_key also c_0 4 and c_16 4. cores: split_work_to_cores(grid, B·S/32)
 *   nlp_create_qkv_heads_decode, interleaved input [4]: q/k/v CBs are the output shards (tensor-backed); from
 *     'qkv-decode-aligned-scratch' on, a DRAM input whose 16-element face row (16 × element bytes) is below the DRAM
 *     alignment adds two scratch CBs of (head_dim/32 + 1) × DRAM alignment bytes. cores: the q output's shard grid
 *   rotary_embedding [5]: c_0 2·Wt (shard if sharded), c_1 2·Wt, c_2/c_3 cos/sin 2·Wt (Wt with token_index),
 *     c_4 1 bf16, c_24/25/26 1 each, c_16 2·Wt (shard if sharded); token_index adds c_29/c_30 Wt and c_27/c_28 Wt bf16.
 *     cores: split_work_to_cores(grid, rows/32) row-major
 *   rotary_embedding_llama, prefill with interleaved tensors [6]: hd = head_dim/32, rows per core r = ceil(S/32 / p)
 *     with p = min(A / min(B, A), S/32); reload when r·heads > 8 or cos has one row per head: input = cos = sin = 2·hd,
 *     else input 2·hd·r, cos = sin 2·hd·r; c_3 trans_mat 1; c_24/25/26 hd; c_16 2·hd; on every core of the grid
 *   rotary_embedding_llama, decode mode (sharded) [7]: input, cos, sin, trans_mat and output CBs are their shards;
 *     c_24/25/26 one shard width (head_dim/32 tiles) each; cores = the shard grid
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/nlp_concat_heads/device/nlp_concat_heads_program_factory.cpp@0172564
 *   [2] tt-metal …/nlp_concat_heads_decode/device/nlp_concat_heads_decode_program_factory.cpp@003097f; both programs
 *       and the validation (nlp_concat_heads_decode_device_operation.cpp) read at every commit 352e61a … 622c6fb (read
 *       span nlp-concat-heads-decode-factory; change point nlp-concat-heads-decode-padded-heads-tiles)
 *   [3] tt-metal …/nlp_create_qkv_heads/device/nlp_create_qkv_heads_program_factory.cpp@086f5b2 (Interleaved::create)
 *   [4] tt-metal …/nlp_create_qkv_heads_decode/device/nlp_create_qkv_heads_decode_interleaved_program_factory.cpp@08041dd
 *   [5] tt-metal …/rotary_embedding/device/rotary_embedding_program_factory.cpp@0055520
 *   [6] tt-metal …/rotary_embedding_llama/device/rotary_embedding_llama_multi_core_program_factory.cpp@0016fcf
 *   [7] tt-metal …/rotary_embedding_llama/device/rotary_embedding_llama_sharded_program_factory.cpp@16f79f8
 *
 * Assumptions: sharded-input variants of split_qkv / create_qkv_heads_decode and the sharded prefill llama rotary
 *   run other factories (unmodeled). tt-mlir's concatenate_heads runs the nlp_concat_heads program.
 * Worked example (golden TestOpModelLib.cpp:1141): concatenate_heads 1x8x512x64 → heads·head_dim/32 = 16,
 *   c_0 = 2·16 tiles · 2,048 = 65,536 B.
 */

import { atOrAfter, readSpanUnreadReason, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import { TILE_ELEMENTS, elementBytes, tileBytes } from '../../ttnn/dtype';
import { isSharded, shardCoreCount, volume } from '../../ttnn/layout';
import type { TensorLayout } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  CbSpec,
  GroupSpec,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  propInt,
  ResolvedTensor,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';

const CITE_CONCAT =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/nlp_concat_heads/device/nlp_concat_heads_program_factory.cpp@0172564';
const CITE_CONCAT_DECODE =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/nlp_concat_heads_decode/device/nlp_concat_heads_decode_program_factory.cpp@003097f';
const CITE_CREATE =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/nlp_create_qkv_heads/device/nlp_create_qkv_heads_program_factory.cpp@086f5b2';
const CITE_CREATE_DECODE =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/nlp_create_qkv_heads_decode/device/nlp_create_qkv_heads_decode_interleaved_program_factory.cpp@08041dd';
const CITE_ROTARY =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/rotary_embedding/device/rotary_embedding_program_factory.cpp@0055520';
const CITE_ROTARY_LLAMA_SHARDED =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/rotary_embedding_llama/device/rotary_embedding_llama_sharded_program_factory.cpp@16f79f8';
const CITE_ROTARY_LLAMA =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/rotary_embedding_llama/device/rotary_embedding_llama_multi_core_program_factory.cpp@0016fcf';

/** One group for the cores of a sharded tensor. */
export function shardGridGroup(layout: TensorLayout, name = 'shard grid'): GroupSpec {
  const first = layout.coreRanges?.[0]?.start;
  return { name, nCores: shardCoreCount(layout), firstCore: first !== undefined ? [first.x, first.y] : [0, 0] };
}

/** Tiles in one shard of a tiled sharded tensor (the memref's shard shape counts tiles). */
export function shardTileCount(layout: TensorLayout): number {
  return layout.pageLayout === 'tile'
    ? volume(layout.shardShape)
    : Math.ceil(volume(layout.shardShape) / TILE_ELEMENTS);
}

export function estimateNlpConcatHeads(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile' || input.padded.length !== 4)
    return unmodeled(op.name, 'nlp_concat_heads takes a 4-D tiled [B, heads, S, head_dim] input');
  const [b, heads, s, headDim] = input.padded;
  const perTensorTiles = (heads * headDim) / 32;
  const tile = tileBytes(input.dtype);
  const inSharded = isSharded(input.layout);
  const outSharded = isSharded(output.layout);
  const split = splitWorkToCores(gridArea(ctx), (b * s) / 32);
  // Interleaved: c_0 on split_work_to_cores' column-wise all_cores [1]@3fa4d753 (the [0-0 - 0-1] of the DeepSeek-V3 MLA
  // prefill note, tt-xla 2026-06).
  const groups = inSharded
    ? [shardGridGroup(input.layout)]
    : groupsFromSplit(split, ctx.device.workerGrid, 'col', {
        order: 'col',
        ctx,
        descriptorsFrom: 'nlp-concat-heads-program-descriptors',
      });
  const shardTiles = inSharded ? shardTileCount(input.layout) : perTensorTiles;
  const cbs: CbSpec[] = [
    {
      index: 0,
      role: 'input',
      nPages: inSharded ? shardTiles : 2 * perTensorTiles,
      pageBytes: tile,
      tensorBacked: inSharded,
    },
  ];
  if (outSharded)
    cbs.push({ index: 16, role: 'output shard', nPages: shardTiles, pageBytes: tile, tensorBacked: true });
  return finishProgram({
    op,
    ctx,
    factory: 'NLPConcatHeadsProgramFactory',
    factoryReason: `${heads} heads × ${headDim / 32} tiles per row block; ${inSharded ? 'sharded input: its shard grid' : `${(b * s) / 32} row blocks over ${split.nCores} cores, double-buffered`}`,
    groups,
    cbs,
    confidence: 'exact',
    citations: [CITE_CONCAT, CITE.workSplit],
  });
}

export function estimateNlpConcatHeadsDecode(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (!isSharded(input.layout) || !isSharded(output.layout)) {
    return unmodeled(
      op.name,
      'nlp_concat_heads_decode reads the input and output shard specs (tt-metal requires both sharded); a layout here is interleaved',
    );
  }
  // A shard shape that is not a positive count (a rank-0 layout's memref) has no tile count to give.
  const shardTiles = shardTileCount(output.layout);
  if (!Number.isFinite(shardTiles) || shardTiles <= 0)
    return unmodeled(op.name, 'output shard shape has no tile count');
  const rejected = concatHeadsDecodeRejects(input, propInt(op, 'num_heads'), ctx);
  if (rejected !== undefined) return illegal(op.name, rejected, CITE_CONCAT_DECODE_VALIDATE);
  return finishProgram({
    op,
    ctx,
    factory: 'NLPConcatHeadsDecodeProgramFactory',
    factoryReason: `the only CB (c_16) is the output shard on the output's ${shardCoreCount(output.layout)} cores`,
    groups: [shardGridGroup(output.layout, 'output grid')],
    cbs: [
      { index: 16, role: 'output shard', nPages: shardTiles, pageBytes: tileBytes(output.dtype), tensorBacked: true },
    ],
    // Both programs' one CB and the validation were read at every commit of read span nlp-concat-heads-decode-factory.
    ...(windowReadableWithinReadSpan(ctx, 'nlp-concat-heads-decode-factory')
      ? { confidence: 'exact' as const }
      : { confidence: 'approx' as const, approxReason: CONCAT_HEADS_DECODE_UNREAD }),
    citations: [CITE_CONCAT_DECODE, readSpanCite('nlp-concat-heads-decode-factory')],
  });
}

const CITE_CONCAT_DECODE_VALIDATE =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/nlp_concat_heads_decode/device/nlp_concat_heads_decode_device_operation.cpp@622c6fb (validate_on_program_cache_miss)';
const CONCAT_HEADS_DECODE_UNREAD = readSpanUnreadReason(
  'the nlp_concat_heads_decode programs and their validation were',
  'nlp-concat-heads-decode-factory',
  'before',
);

/**
 * The first of NLPConcatHeadsDecodeDeviceOperation's checks a sharded input fails, worded as tt-metal's TT_FATAL, in
 * its order (read span nlp-concat-heads-decode-factory); undefined when it passes.
 */
function concatHeadsDecodeRejects(
  input: ResolvedTensor,
  numHeads: number | undefined,
  ctx: EstimateContext,
): string | undefined {
  const shape = input.padded;
  if (input.dtype !== 'f32' && input.dtype !== 'bf16') return 'Unsupported data format';
  if (input.layout.pageLayout !== 'tile') return 'Input tensor layout must be TILE but got ROW_MAJOR';
  if (shape.length !== 4) return undefined;
  if (shape[0] !== 1) return 'seqlen=1 for decode';
  if (shape[1] > 32) return 'currently only support less than 32 users';
  // Exactly 32 padded heads before PR #43252, a multiple of 32 (always, for a tiled dim) from it.
  // Asked only for other head counts, so a window is split at the change point only where it matters.
  if (shape[2] !== 32 && !atOrAfter(ctx, 'nlp-concat-heads-decode-padded-heads-tiles'))
    return 'currently only support 32 padded heads';
  // tt-metal's message for this check names head_dim, though it compares the padded heads with num_heads.
  if (numHeads !== undefined && shape[2] < numHeads) return 'head_dim must be multiple of TILE_WIDTH';
  if (input.layout.memoryLayout !== 'height_sharded')
    return `Input tensor memory layout must be HEIGHT_SHARDED but got ${input.layout.memoryLayout?.toUpperCase() ?? 'INTERLEAVED'}`;
  const [shardTileRows, shardTileCols] = input.layout.shardShape;
  if (shardTileCols * 32 !== shape[3])
    return `Shard spec shape[1] (${shardTileCols * 32}) must match input tensor padded shape[-1] (${shape[3]})`;
  if (shardTileRows * 32 !== shape[2])
    return `Shard spec shape[0] (${shardTileRows * 32}) must match input tensor padded shape[-2] (${shape[2]})`;
  if (shardCoreCount(input.layout) !== shape[1]) return 'Input core grid num_cores must be equal to num users';
  return undefined;
}

export function estimateSplitQkvHeads(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major input (tt-metal requires tiled)');
  if (isSharded(input.layout))
    return unmodeled(op.name, 'sharded input runs create_qkv_heads (sharded factory, not modeled)');
  const transposeKey = propBool(op, 'transpose_key') ?? false;
  // [B, S, W] (3-D) or [B, 1, S, W]: blocks are the tile rows of B·S.
  const rows = volume(input.padded.slice(0, -1)) / 32;
  const tile = tileBytes(input.dtype);
  const cbs: CbSpec[] = [{ index: 1, role: 'tiles in flight', nPages: 4, pageBytes: tile }];
  if (transposeKey)
    cbs.push(
      { index: 0, role: 'K to transpose', nPages: 4, pageBytes: tile },
      { index: 16, role: 'transposed K', nPages: 4, pageBytes: tile },
    );
  const split = splitWorkToCores(gridArea(ctx), rows);
  return finishProgram({
    op,
    ctx,
    factory: 'NlpCreateHeadsDeviceOperation::Interleaved',
    factoryReason: `${rows} tile rows over ${split.nCores} cores; 4-tile CBs${transposeKey ? ' (+ transpose CBs for K)' : ''}`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs,
    confidence: 'exact',
    citations: [CITE_CREATE, CITE.workSplit],
  });
}

export function estimateNlpCreateQkvHeadsDecode(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const outs = [0, 1, 2].map((i) => resolveTensor(op.results[i], `result ${i}`));
  for (const o of outs) if (typeof o === 'string') return unmodeled(op.name, o);
  const [q, k, v] = outs as Exclude<(typeof outs)[number], string>[];
  if (isSharded(input.layout))
    return unmodeled(op.name, 'sharded input runs the sharded create_qkv_heads_decode factory (not modeled)');
  if (!isSharded(q.layout) || !isSharded(k.layout) || !isSharded(v.layout)) {
    return unmodeled(
      op.name,
      'the decode factory places q/k/v by their shard specs (tt-metal requires sharded outputs); a result is interleaved',
    );
  }
  const tile = tileBytes(input.dtype);
  const cbs: CbSpec[] = [
    { index: 16, role: 'q shard', nPages: shardTileCount(q.layout), pageBytes: tile, tensorBacked: true },
    { index: 17, role: 'k shard', nPages: shardTileCount(k.layout), pageBytes: tile, tensorBacked: true },
    { index: 18, role: 'v shard', nPages: shardTileCount(v.layout), pageBytes: tile, tensorBacked: true },
  ];
  const numHeads = propInt(op, 'num_heads') ?? 1;
  const headDim =
    input.padded[input.padded.length - 1] / Math.max(1, numHeads + 2 * (propInt(op, 'num_kv_heads') ?? numHeads));
  const faceRowBytes = 16 * (elementBytes(input.dtype) ?? 2);
  const dramAlign = ctx.device.dramAlignmentBytes;
  const scratch =
    input.layout.bufferType === 'dram' && faceRowBytes < dramAlign && atOrAfter(ctx, 'qkv-decode-aligned-scratch');
  if (scratch) {
    const entries = Math.max(1, Math.floor(headDim / 32)) + 1;
    cbs.push(
      { index: 0, role: 'reader DRAM-aligned scratch', nPages: entries, pageBytes: dramAlign },
      { index: 1, role: 'writer DRAM-aligned scratch', nPages: entries, pageBytes: dramAlign },
    );
  }
  return finishProgram({
    op,
    ctx,
    factory: 'NLPCreateQKVHeadsDecodeInterleavedProgramFactory',
    factoryReason: `q/k/v CBs are the output shards on the q grid (${shardCoreCount(q.layout)} cores)${scratch ? `; ${faceRowBytes} B face rows < ${dramAlign} B DRAM alignment → scratch CBs` : ''}`,
    groups: [shardGridGroup(q.layout, 'q grid')],
    cbs,
    confidence: 'exact',
    citations: [CITE_CREATE_DECODE],
  });
}

export function estimateRotaryEmbedding(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const cos = resolveTensor(op.operands[1], 'cos');
  if (typeof cos === 'string') return unmodeled(op.name, cos);
  const sin = resolveTensor(op.operands[2], 'sin');
  if (typeof sin === 'string') return unmodeled(op.name, sin);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major input (tt-metal requires tiled)');
  const wt = input.padded[input.padded.length - 1] / 32;
  const rows = input.geometry.heightTilesTotal;
  const decode = propInt(op, 'token_index') !== undefined;
  const inSharded = isSharded(input.layout);
  const outSharded = isSharded(output.layout);
  const shardLayout = inSharded ? input.layout : outSharded ? output.layout : undefined;
  const split = splitWorkToCores(gridArea(ctx), rows);
  const groups =
    shardLayout !== undefined ? [shardGridGroup(shardLayout)] : groupsFromSplit(split, ctx.device.workerGrid, 'row');
  const tIn = tileBytes(input.dtype);
  const tCos = tileBytes(cos.dtype);
  const tSin = tileBytes(sin.dtype);
  const tOut = tileBytes(output.dtype);
  const bf16 = tileBytes('bf16');
  const cosSinTiles = decode ? wt : 2 * wt;
  const cbs: CbSpec[] = [
    {
      index: 0,
      role: 'input',
      nPages: inSharded ? shardTileCount(input.layout) : 2 * wt,
      pageBytes: tIn,
      tensorBacked: inSharded,
    },
    { index: 1, role: 'rotated input', nPages: 2 * wt, pageBytes: tIn },
    { index: 2, role: 'cos', nPages: cosSinTiles, pageBytes: tCos },
    { index: 3, role: 'sin', nPages: cosSinTiles, pageBytes: tSin },
    { index: 4, role: 'scalar -1', nPages: 1, pageBytes: bf16 },
    { index: 24, role: 'rotated interm', nPages: 1, pageBytes: tIn },
    { index: 25, role: 'cos interm', nPages: 1, pageBytes: tCos },
    { index: 26, role: 'sin interm', nPages: 1, pageBytes: tSin },
    {
      index: 16,
      role: 'output',
      nPages: outSharded ? shardTileCount(output.layout) : 2 * wt,
      pageBytes: tOut,
      tensorBacked: outSharded,
    },
  ];
  if (decode) {
    cbs.push(
      { index: 29, role: 'retilized cos', nPages: wt, pageBytes: tCos },
      { index: 30, role: 'retilized sin', nPages: wt, pageBytes: tSin },
      { index: 27, role: 'untilized cos (+ c_5)', nPages: wt, pageBytes: bf16 },
      { index: 28, role: 'untilized sin (+ c_6)', nPages: wt, pageBytes: bf16 },
    );
  }
  return finishProgram({
    op,
    ctx,
    factory: 'RotaryEmbedding multi-core',
    factoryReason: `Wt = ${wt}; ${shardLayout !== undefined ? 'sharded: the shard grid' : `${rows} tile rows over ${split.nCores} cores`}${decode ? '; token_index (decode) CBs' : ''}`,
    groups,
    cbs,
    confidence: 'exact',
    citations: [CITE_ROTARY, CITE.workSplit],
  });
}

export function estimateRotaryEmbeddingLlama(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const tensors = ['input', 'cos', 'sin', 'trans_mat'].map((w, i) => resolveTensor(op.operands[i], w));
  for (const t of tensors) if (typeof t === 'string') return unmodeled(op.name, t);
  const [input, cos, sin, transMat] = tensors as Exclude<(typeof tensors)[number], string>[];
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (propBool(op, 'is_decode_mode') === true) {
    // Decode runs RotaryEmbeddingLlamaMultiCoreSharded [7]: every tensor CB is its shard; three head_dim scratch CBs.
    const shardLayout = isSharded(input.layout) ? input.layout : isSharded(output.layout) ? output.layout : undefined;
    if (shardLayout === undefined)
      return unmodeled(op.name, 'decode mode reads the input (or output) shard spec; both are interleaved');
    const hdT = shardLayout.shardShape[shardLayout.shardShape.length - 1] ?? 1;
    const tensorCb = (index: number, role: string, t: { layout: TensorLayout; dtype: typeof input.dtype }): CbSpec => ({
      index,
      role,
      nPages: isSharded(t.layout) ? shardTileCount(t.layout) : 1,
      pageBytes: tileBytes(t.dtype),
      tensorBacked: true,
    });
    return finishProgram({
      op,
      ctx,
      factory: 'RotaryEmbeddingLlamaMultiCoreSharded',
      factoryReason: `decode mode: input/cos/sin/trans_mat/output CBs are their shards; head_dim ${hdT} tiles of scratch ×3 on the shard grid`,
      groups: [shardGridGroup(shardLayout)],
      cbs: [
        tensorCb(0, 'input shard', input),
        tensorCb(1, 'cos shard', cos),
        tensorCb(2, 'sin shard', sin),
        tensorCb(3, 'trans_mat shard', transMat),
        { index: 24, role: 'rotated input', nPages: hdT, pageBytes: tileBytes(input.dtype) },
        { index: 25, role: 'cos interm', nPages: hdT, pageBytes: tileBytes(cos.dtype) },
        { index: 26, role: 'sin interm', nPages: hdT, pageBytes: tileBytes(sin.dtype) },
        tensorCb(16, 'output shard', output),
      ],
      confidence: 'exact',
      citations: [CITE_ROTARY_LLAMA_SHARDED],
    });
  }
  if (isSharded(input.layout) || isSharded(output.layout))
    return unmodeled(op.name, 'sharded prefill runs the prefill-sharded factory (not modeled)');
  if (isSharded(cos.layout) || isSharded(sin.layout) || isSharded(transMat.layout)) {
    return unmodeled(op.name, 'sharded cos/sin/trans_mat take the globally-allocated CB paths (not modeled)');
  }
  if (input.padded.length !== 4 || cos.padded.length !== 4)
    return unmodeled(op.name, 'rotary_embedding_llama takes 4-D [B, heads, S, head_dim] tensors');
  const [batch, heads, seq] = input.padded;
  const seqT = seq / 32;
  const hd = input.padded[3] / 32;
  const area = gridArea(ctx);
  const batchParallel = Math.min(batch, area);
  const seqParallel = Math.max(1, Math.min(Math.floor(area / batchParallel), seqT));
  const rowsPerCore = Math.ceil(seqT / seqParallel);
  const freqPerHead = cos.padded[1] === heads;
  const reload = rowsPerCore * heads > 8 || freqPerHead;
  const inputTiles = reload ? 2 * hd : 2 * hd * rowsPerCore;
  const cosSinTiles = reload ? 2 * hd : 2 * hd * rowsPerCore;
  const [rows, cols] = ctx.device.workerGrid;
  return finishProgram({
    op,
    ctx,
    factory: 'RotaryEmbeddingLlamaMultiCore',
    factoryReason: `head_dim ${hd} tiles, ${rowsPerCore} sin/cos rows per core; ${reload ? 'reload kernel (' + (freqPerHead ? 'cos per head' : 'rows·heads > 8') + ')' : 'rows buffered whole'}; CBs on all ${rows * cols} cores`,
    groups: [{ name: 'all', nCores: rows * cols, firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'input', nPages: inputTiles, pageBytes: tileBytes(input.dtype) },
      { index: 1, role: 'cos', nPages: cosSinTiles, pageBytes: tileBytes(cos.dtype) },
      { index: 2, role: 'sin', nPages: cosSinTiles, pageBytes: tileBytes(sin.dtype) },
      { index: 3, role: 'trans_mat (one tile)', nPages: 1, pageBytes: tileBytes(transMat.dtype) },
      { index: 24, role: 'rotated input', nPages: hd, pageBytes: tileBytes(input.dtype) },
      { index: 25, role: 'cos interm', nPages: hd, pageBytes: tileBytes(cos.dtype) },
      { index: 26, role: 'sin interm', nPages: hd, pageBytes: tileBytes(sin.dtype) },
      { index: 16, role: 'output', nPages: 2 * hd, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: 'exact',
    citations: [CITE_ROTARY_LLAMA],
  });
}
