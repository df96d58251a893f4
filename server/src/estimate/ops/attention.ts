/**
 * L1 estimates for attention: `ttnn.scaled_dot_product_attention` (prefill), `ttnn.flash_mla_prefill` (the same
 * program with the latent K reused as V), `ttnn.chunked_scaled_dot_product_attention` (the same program over a paged
 * K/V: + c_6 one page-table row of max_blocks·4 B, c_8/c_9 32 B chunk-start pages; K length = S_q + max_blocks·block), `ttnn.scaled_dot_product_attention_decode`,
 * `ttnn.paged_scaled_dot_product_attention_decode` and `ttnn.paged_flash_multi_latent_attention_decode` (the paged
 * decode program with use_mla [5]). Every CB is created on every core of the program grid.
 *
 * Prefill (SDPA program factory) [1], tiles with Sq = q_chunk/32, Sk = k_chunk/32, DHt = head_dim/32,
 *   vDHt = head_dim_v/32 (MLA) or DHt, im = stats = bf16:
 *   c_0 q Sq·DHt·(2 if a core gets more than one q chunk else 1) · c_1 k Sk·DHt·2 · c_2 v Sk·vDHt·2 ·
 *   c_3 mask Sq·Sk·2 (mask dtype; generated for causal or padding: Bfp4_b from change point `sdpa-generated-mask-bfp4`,
 *   Float16_b before; padding by the logical lengths, change points `sdpa-padded-inputs`, `sdpa-padded-mask-q-length`)
 *   when a mask is used, from tt-metal
 *   PR #42159 (change point `sdpa-lightweight-causal-mask`) 2 Float16_b tiles for a causal call with no mask or window ·
 *   c_5, c_7 one bf16 tile each · c_4 sink Sq tiles (attention sink) · c_24 Sq·Sk · c_25, c_26 Sq·vDHt ·
 *   c_27..c_31 Sq each · c_16 Sq·vDHt (output dtype)
 *   parallelism: batch, then heads, then q chunks over the grid; q chunks per core decide c_0's double buffering.
 * Decode (SDPA decode program factory) [2], B = q padded[1] (paged: see below), PNHt = round_up(q heads, 32)/32,
 *   nkv = K heads:
 *   Sk = k_chunk/32, or the dynamic-chunk size (8, 4 with fp32 acc) when k_chunk is 0;
 *   half tiles (16x32: 1,024 B in bf16) for q, mask, scalars, intermediates and statistics when causal with ≤ 16
 *   q heads in bf16 (on Blackhole from change point `sdpa-decode-half-tile-blackhole`, Wormhole only before);
 *   cores per head h = max(1, (min(A, max_cores_per_head·B·nkv) / B) / nkv):
 *   c_0 q PNHt·DHt · c_1 k Sk·DHt·2 · c_2 v Sk·vDHt·2 · c_3 mask PNHt·Sk · c_4 sink PNHt · c_5 1 · c_6, c_7 PNHt ·
 *   (c_5, c_11, c_12 Float32 for an f32 Q from change point `sdpa-decode-f32-q-scalars`) · c_14 PNHt·Sk (paged K
 *   blocks under 32 rows, from change point `sdpa-decode-block-padding-mask`) ·
 *   c_8 cur_pos (one aligned page; from tt-metal PR #45142, change point `sdpa-decode-cur-pos-two-cbs`, also c_15, the
 *   compute kernel's own copy of that page) · c_9 page table (one aligned row) · c_10 PNHt·DHt · c_11 1 full bf16 · c_12 1 ·
 *   c_13 PNHt·Sk (sliding window) · c_24 PNHt·Sk · c_25, c_26 PNHt·vDHt · c_27..c_31, c_21, c_22 PNHt ·
 *   c_23 PNHt·vDHt · c_16 PNHt·vDHt · c_17, c_18 PNHt · c_19 (PNHt·vDHt + 2·PNHt)·(h − 1) · c_20 PNHt·vDHt (output)
 *   B of a paged call with an interleaved page table: its rows from PR #36440 (change point
 *   `sdpa-paged-decode-batch-from-page-table`), Q's shape[1] before.
 *   Globally allocated: c_20 on a sharded output, c_8 / c_9 on a sharded cur_pos / page table. c_0 is on Q's buffer
 *   only with the program_config's q_locally_available (an MLA option tt-mlir's sdpa_program_config does not carry):
 *   a sharded Q is copied by the reader into a c_0 of its own, so c_0 always counts.
 * Chunk sizes: the op's program_config, else prefill 32/32 (the factory's default [1]); decode the config's K chunk
 *   when positive, else non-paged get_chunk_size (sdpa_decode.cpp: min(512, 2^i) for the largest power of two 2^i,
 *   i ≥ 1, dividing K's logical length; a TT_FATAL when not a multiple of 32) and paged 0 (dynamic), which reproduce
 *   tt-mlir's OpModel upper bounds exactly (tt-metal f4163c2). From tt-metal PR #44617 (change point
 *   `sdpa-paged-decode-default-config`) paged decode without a program_config runs the config the entry point fills
 *   in: the device grid, K chunk 32, one core per head (max_cores_per_head_batch 1, so no c_19) [3]. A program_config caps cores per head at its
 *   max_cores_per_head_batch, 16 when unset; only a call without one spreads a head over every core [2]. An IR
 *   without a program_config did not always reach tt-metal without one: up to tt-mlir PR #8979 the runtime passed its
 *   own for non-causal calls (K chunk 32) and, from tt-mlir PR #7561, for causal calls on Blackhole (dynamic chunks,
 *   every core per head), which kept tt-metal's PR #44617 default off Blackhole runs (tt-mlir #9039) [4].
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@000e7c0
 *   [2] tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@007f92d
 *   [3] tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/sdpa_decode.cpp@5cd3b7a (PR #44617, the paged
 *       entry: kDefaultDecodeChunkSize 32, kDefaultMaxCoresPerHeadBatch 1) and @622c6fb (get_chunk_size)
 *   [4] tt-mlir runtime/lib/ttnn/operations/transformer/paged_scaled_dot_product_attention_decode.cpp@95e3ba1 and
 *       @2bd6701 (the config the runtime builds when the IR has none), @abe4e7a (PR #8979: the IR's config only);
 *       runtime/lib/ttnn/operations/utils/utils.cpp (an unset max_cores_per_head_batch keeps the struct default 16)
 *   [5] `ttnn.paged_flash_multi_latent_attention_decode` (q, k, v?, page_table, mask?, cur_pos?, sink?; head_dim_v; no
 *       program_config in the IR): the decode factory @007f92d with use_mla reads V from K (from a V operand when
 *       given, change point `sdpa-mla-decode-v-operand`) and sizes the V-side CBs by vDH = head_dim_v; tt-mlir's
 *       runtime paged_flash_multi_latent_attention_decode.cpp passes k_chunk_size 32 on the device grid
 *       (max_cores_per_head_batch left at 16) for every call from tt-mlir PR #8703 (@d683ddf, change point
 *       `mla-decode-runtime-config-always`),
 *       before (@9e3175c) only for a non-causal one: a causal call ran the dynamic K chunk over every core per head;
 *       tt-metal's paged MLA entry fills in no default. A sharded Q (Q-head parallelism) is unmodeled
 *
 * Decode confidence: the decode factory and sdpa_decode.cpp (chunk sizes, the paged default config, the compute config)
 *   were read at every commit from 35541a7 (PR #33356, 2025-12-01) to 622c6fb (read span `sdpa-decode-factory-2026`,
 *   builds 2025-12-02..2026-06-23; the CB lines change there only at the change points above, the tree-reduction
 *   TT_FATAL at `sdpa-decode-tree-reduction` and `-rounds-fix`): every decode, MLA included, is 'exact' for a window
 *   inside that span and 'approx' for one reaching before it (not read).
 * Assumptions: compute kernel config defaults (fp32 dest acc off). Streaming-compute prefill (session 30): from tt-metal
 *   PR #38838 the factory streams when can_use_streaming_compute says so (`sdpaStreams`: change points
 *   `sdpa-prefill-streaming`, `sdpa-streaming-q-subblocks`, `-causal`, `-sliding-window`, `-provided-mask`), adding a
 *   1-tile recip scratch, a lightweight Float16_b mask (1 tile, + 4 sliding-window edge tiles, + a partial-K tile)
 *   and from PR #43043 (`sdpa-streaming-cb-out-ping-pong`) an output CB of 2·streaming_qktv_h·vDHt tiles; c_0's
 *   double buffering follows PR #44614's global Q scheduling from `sdpa-global-q-scheduling`. Also from the reading:
 *   c_5 / c_7 Float32 for an f32 Q (`sdpa-prefill-f32-q-scalars`), a mask CB for a sliding window alone
 *   (`sdpa-sliding-window-mask-cb`), a sliding window with a mask rejected (`sdpa-sliding-window-mask-exclusive`), and
 *   scaled_dot_product_attention's mask multiplied by 1/scale in a program of its own first (`sdpa-mask-prescale`,
 *   not sized: 'approx').
 * Prefill confidence: the factory, its validation, the subblock helpers and sdpa.cpp's entry points were read at every
 *   commit from dfc30d0 to 622c6fb (read span `sdpa-prefill-factory-2026`, builds 2026-03-03..2026-06-23), and tt-mlir's
 *   runtime passes scaled_dot_product_attention and flash_mla_prefill no program_config and no compute config at every
 *   version (so the 32/32 default and fp32 accumulation off are known): 'exact' for a window inside the span; before it,
 *   'exact' only with a program_config on the non-streaming builds (change points), else 'approx'.
 * Worked example (tt-mlir OpModel upper bound TestOpModelLib.cpp:5335, WH 8x8): decode q 1x1x12x32, K/V 1x12x128x32,
 *   causal: half tiles, Sk = 128/32 = 4, h = 64/12 = 5: 38.5 full tiles' worth = 78,848 B (equal to the bound).
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { fieldValue, intOf, pairOf } from '../../ttnn/dialectFields';
import { atOrAfter, type ChangePointId, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import {
  bufferAlignmentBytes,
  CITE,
  CbSpec,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  propInt,
  propNumber,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { fp32DestAccFromConfig, operandSegments } from './norm';
import { gridRectangle } from '../printedRange';

const CITE_SDPA_STREAMING =
  'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@08a5992 (PR #38838: can_use_streaming_compute, c_4 recip scratch, lightweight mask) and @622c6fb (can_use_streaming_compute = !fp32_dest_acc_en, lightweight_mask_tile_count, streaming_cb_out_tiles)';
const CITE_SDPA_LIGHTWEIGHT_CAUSAL =
  'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@597deb2 (PR #42159: lightweight_causal, mask_tiles 2, the mask CB Float16_b) and @622c6fb (lightweight_mask_tile_count)';
const CITE_SDPA = 'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@000e7c0';
const CITE_SDPA_DEVICE_OPERATION =
  'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_device_operation.cpp@1bbb556 and @622c6fb (PR #46600)';
const CITE_SDPA_MASK_PRESCALE =
  'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/sdpa.cpp@955f2bb and @622c6fb (PR #42891: effective_mask = ttnn::multiply(attn_mask, 1 / scale))';
const PREFILL_READ_SPAN = 'sdpa-prefill-factory-2026';
const PREFILL_NOT_EVERY_BUILD_REASON =
  "no program_config (tt-mlir's runtime passes none: the factory's 32/32 default): the SDPA prefill factory was read at every commit from tt-metal dfc30d0 (read span sdpa-prefill-factory-2026, builds 2026-03-03..2026-06-23); earlier builds were read only at the commits that change it";
const CITE_SDPA_DECODE =
  'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@007f92d';
const CITE_SDPA_DECODE_ENTRY =
  'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/sdpa_decode.cpp@622c6fb (get_chunk_size; the paged default config of PR #44617, kDefaultDecodeChunkSize 32, kDefaultMaxCoresPerHeadBatch 1, from 5cd3b7a)';
const CITE_TTMLIR_PAGED_DECODE_RUNTIME =
  'tt-mlir runtime/lib/ttnn/operations/transformer/paged_scaled_dot_product_attention_decode.cpp@2bd6701';
const CITE_TTMLIR_MLA_DECODE_RUNTIME =
  'tt-mlir runtime/lib/ttnn/operations/transformer/paged_flash_multi_latent_attention_decode.cpp@9e3175c (PR #7491: program_config k_chunk_size 32 on the device grid for a non-causal call, none for a causal one) and @d683ddf / @19c86fc (PR #8703: the config for every call)';

interface SdpaProgramConfig {
  /** CoreCoord (x = columns, y = rows). */
  readonly grid?: readonly [number, number];
  readonly qChunk?: number;
  readonly kChunk?: number;
  readonly maxCoresPerHeadBatch?: number;
}

function programConfig(op: TtnnOp): SdpaProgramConfig | undefined {
  const p = op.properties['program_config'];
  if (p === undefined || p.kind !== 'dialect') return undefined;
  const num = (k: string): number | undefined => {
    const v = intOf(fieldValue(p, k));
    return v !== undefined && v >= 0 ? v : undefined;
  };
  return {
    // `<x, y>` as tt-mlir prints a CoreCoord parameter.
    grid: pairOf(fieldValue(p, 'compute_with_storage_grid_size'), [','], false, true),
    qChunk: num('q_chunk_size'),
    kChunk: num('k_chunk_size'),
    maxCoresPerHeadBatch: num('max_cores_per_head_batch'),
  };
}

/**
 * get_chunk_size (sdpa_decode.cpp, the same at every commit of read span sdpa-decode-factory-2026): the non-paged K
 * chunk without a positive configured one, 2^i for the largest i ≥ 1 with 2^i dividing K's logical length (2 when
 * none does), capped at 512.
 */
function decodeChunkSize(kLength: number): number {
  let i = 1;
  while (i < kLength && i < 30 && kLength % 2 ** (i + 1) === 0) i++;
  return Math.min(512, 2 ** i);
}

/** Bytes of one aligned page of a small index tensor (row-major: one row aligned to its buffer; tiled: one tile). */
function alignedPageBytes(t: ResolvedTensor, ctx: EstimateContext): number {
  if (t.layout.pageLayout === 'tile') return tileBytes(t.dtype);
  const align = bufferAlignmentBytes(t, ctx);
  return alignUp(t.padded[t.padded.length - 1] * (elementBytes(t.dtype) ?? 4), align);
}

function segmentOperand(
  op: TtnnOp,
  segments: readonly (readonly number[])[],
  segment: number,
  what: string,
): ResolvedTensor | string | undefined {
  const idx = segments[segment]?.[0];
  if (idx === undefined) return undefined;
  return resolveTensor(op.operands[idx], what);
}

/** Grid the program runs on as [x columns, y rows]. */
function programGrid(cfg: SdpaProgramConfig | undefined, ctx: EstimateContext): readonly [number, number] {
  return cfg?.grid ?? [ctx.device.workerGrid[1], ctx.device.workerGrid[0]];
}

/** Query, key and value (by default operand 2) resolved, or the reason the op has no model. */
function resolveQkv<V extends ResolvedTensor | undefined = ResolvedTensor>(
  op: TtnnOp,
  value: () => V | string = () => resolveTensor(op.operands[2], 'value') as V | string,
): { q: ResolvedTensor; k: ResolvedTensor; v: V } | string {
  const q = resolveTensor(op.operands[0], 'query');
  if (typeof q === 'string') return q;
  const k = resolveTensor(op.operands[1], 'key');
  if (typeof k === 'string') return k;
  const v = value();
  if (typeof v === 'string') return v;
  return { q, k, v };
}

/** kSlidingWindowEdgeTiles (sliding_window_geometry.hpp@622c6fb): the streamed sliding-window mask's edge tiles. */
const SDPA_SLIDING_WINDOW_EDGE_TILES = 4;

/** The SDPA subblock table in its order (sdpa_subblock_utils.hpp determine_largest_subblock_size, 08a5992 … 622c6fb). */
// prettier-ignore
const SDPA_SUBBLOCKS: readonly (readonly [number, number])[] = [
  [2, 4], [4, 2], [1, 8], [8, 1], [1, 7], [7, 1], [2, 3], [3, 2], [1, 6], [6, 1],
  [1, 5], [5, 1], [2, 2], [1, 4], [4, 1], [1, 3], [3, 1], [1, 2], [2, 1], [1, 1],
];

/** The first (h, w) of the table within dst_size and max_h that divides the block; (1, 1) if none [1]. */
function sdpaSubblock(blockH: number, blockW: number, dstSize: number, maxH = Infinity): readonly [number, number] {
  for (const [h, w] of SDPA_SUBBLOCKS)
    if (h * w <= dstSize && h <= maxH && blockH % h === 0 && blockW % w === 0) return [h, w];
  return [1, 1];
}

/** dst_size with fp32 dest accumulation off (the model's assumption) [1]. */
const SDPA_DST_SIZE = 8;

/**
 * The streamed output CB from PR #43043 (streaming_cb_out_tiles, sdpa_streaming_qktv.hpp@4862a06 and @622c6fb): two
 * row groups of streaming_qktv_h rows, the out subblock's height (capped at 2), or 2 when it is 1, twice its width
 * fits dst_size and Sq_chunk_t ≥ 2.
 */
function streamingCbOutTiles(sqT: number, vdht: number): number {
  const [h, w] = sdpaSubblock(sqT, vdht, SDPA_DST_SIZE, 2);
  const qktvH = h === 1 && 2 * w <= SDPA_DST_SIZE && sqT >= 2 ? 2 : h;
  return 2 * qktvH * vdht;
}

/** q_buffer_factor under PR #44614's global Q scheduling (sdpa_program_factory.cpp@f1aff20 and @622c6fb) [1]. */
function globalQBufferFactor(totalQChunks: number, nCores: number, pairs: boolean): number {
  const [base, extraCores, extra] = pairs
    ? [Math.floor(totalQChunks / 2 / nCores) * 2, Math.floor(totalQChunks / 2) % nCores, 2]
    : [Math.floor(totalQChunks / nCores), totalQChunks % nCores, 1];
  return base + (extraCores > 0 ? extra : 0) > 1 ? 2 : 1;
}

/**
 * can_use_streaming_compute by build, fp32 dest accumulation off (sdpa_program_factory.cpp) [1]: none before PR #38838;
 * at 08a5992 non-causal, no mask, sink, sliding window or chunking, the QK subblock at most 2 high with Sk_chunk_t a
 * multiple of dst_size / its height, and no padded K off the tile grid (or with one-tile q chunks); from PR #39287
 * (221ad05) also more than one QK subblock row per q chunk; from PR #43538 (c47d23c) any call without a mask, sink or
 * sliding window; from PR #46281 (6489100) any without a mask; from PR #46600 (1bbb556) every call. Each change point
 * is asked only where the rules on its two sides answer differently, newest first, so a window splits only there.
 */
function sdpaStreams(
  ctx: EstimateContext,
  c: {
    isCausal: boolean;
    hasMask: boolean;
    hasSink: boolean;
    slidingWindow: boolean;
    chunked: boolean;
    sqT: number;
    skT: number;
    kLength: number;
    paddedSk: number;
  },
): boolean {
  const [qkH] = sdpaSubblock(c.sqT, c.skT, SDPA_DST_SIZE);
  const shapeOk =
    qkH <= 2 &&
    c.skT % (SDPA_DST_SIZE / qkH) === 0 &&
    !(c.paddedSk !== c.kLength && (c.kLength % 32 !== 0 || c.sqT === 1));
  const first = !c.isCausal && !c.hasMask && !c.hasSink && !c.slidingWindow && !c.chunked && shapeOk;
  const rules: readonly [ChangePointId, boolean][] = [
    ['sdpa-streaming-provided-mask', true],
    ['sdpa-streaming-sliding-window', !c.hasMask],
    ['sdpa-streaming-causal', !c.hasMask && !c.hasSink && !c.slidingWindow],
    ['sdpa-streaming-q-subblocks', first && c.sqT / qkH > 1],
    ['sdpa-prefill-streaming', first],
  ];
  for (let i = 0; i < rules.length; i++) {
    const [id, answer] = rules[i]!;
    const before = i + 1 < rules.length ? rules[i + 1]![1] : false;
    if (answer !== before && atOrAfter(ctx, id)) return answer;
    if (answer === before && i + 1 === rules.length) return false;
  }
  return false;
}

export function estimateSdpa(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const mla = op.name === 'ttnn.flash_mla_prefill';
  // chunked_scaled_dot_product_attention: (q, k, v, page_table, chunk_start_idx), the "flexible" chunked path.
  const chunked = op.name === 'ttnn.chunked_scaled_dot_product_attention';
  const segments = chunked ? op.operands.map((_, i) => [i]) : operandSegments(op);
  // scaled_dot_product_attention: (q, k, v, mask?, sink?); flash_mla_prefill: (q, k, v?, mask?).
  const qkv = resolveQkv(op, mla ? () => segmentOperand(op, segments, 2, 'value') : undefined);
  if (typeof qkv === 'string') return unmodeled(op.name, qkv);
  const { q, k, v } = qkv;
  const pageTable = chunked ? resolveTensor(op.operands[3], 'page table') : undefined;
  if (typeof pageTable === 'string') return unmodeled(op.name, pageTable);
  const mask = chunked ? undefined : segmentOperand(op, segments, 3, 'attention mask');
  if (typeof mask === 'string') return unmodeled(op.name, mask);
  const sink = mla || chunked ? undefined : segmentOperand(op, segments, 4, 'attention sink');
  if (typeof sink === 'string') return unmodeled(op.name, sink);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  if (q.padded.length !== 4 || k.padded.length !== 4)
    return unmodeled(op.name, 'SDPA takes 4-D [B, heads, S, head_dim] tensors');
  if ([q, k, v ?? k].some((t) => t.layout.pageLayout !== 'tile'))
    return unmodeled(op.name, 'row-major Q/K/V (tt-metal requires tiled)');
  // Chunked prefill is causal; its K length is the query plus every page the page table can name.
  const isCausal = chunked ? true : (propBool(op, 'is_causal') ?? true);
  const cfg = programConfig(op);
  const [b, nqh, sq] = q.padded;
  const sk = chunked && pageTable !== undefined ? sq + pageTable.padded[1] * k.padded[2] : k.padded[2];
  const dht = q.padded[3] / 32;
  const headDimV = mla ? (propInt(op, 'head_dim_v') ?? q.padded[3]) : (v ?? k).padded[3];
  const vdht = Math.ceil(headDimV / 32);
  // The factory's own default without a program_config is 32/32 [1].
  const qChunk = cfg?.qChunk ?? 32;
  const kChunk = cfg?.kChunk ?? 32;
  const sqT = qChunk / 32;
  const skT = kChunk / 32;
  const paddedSq = Math.ceil(sq / qChunk) * qChunk;
  const paddedSk = Math.ceil(sk / kChunk) * kChunk;
  const qChunks = paddedSq / qChunk;
  const [gx, gy] = programGrid(cfg, ctx);
  const nCores = gx * gy;
  const batchParallel = Math.min(b, nCores);
  const nhParallel = Math.min(Math.floor(nCores / batchParallel), nqh);
  const qParallel = Math.max(1, Math.min(Math.floor(nCores / (batchParallel * nhParallel)), qChunks));
  const qPerCore = Math.ceil(qChunks / qParallel);
  // The padded-input mask: the factory pads the logical lengths to whole chunks (from PR #16940, change point
  // 'sdpa-padded-inputs'; before, legacy padded shapes and no such mask) and masks a non-causal call whose padded K
  // length differs from its logical one, from PR #36170 ('sdpa-padded-mask-q-length') also the Q length [1]. Each
  // change point is asked only where it decides.
  const qLogical = q.logical[2]!;
  const kLogical = chunked ? sk : k.logical[2]!;
  const kOffChunks = Math.ceil(kLogical / kChunk) * kChunk !== kLogical;
  const qOffChunks = Math.ceil(qLogical / qChunk) * qChunk !== qLogical;
  const usePaddedMask =
    !isCausal &&
    (kOffChunks || qOffChunks) &&
    atOrAfter(ctx, 'sdpa-padded-inputs') &&
    (kOffChunks || atOrAfter(ctx, 'sdpa-padded-mask-q-length'));
  // c_0 is double-buffered when a core gets more than one q chunk: from PR #44614 (change point
  // 'sdpa-global-q-scheduling', asked only when the rules differ) the B·heads·q chunks are dealt out evenly over the
  // cores, in pairs for a causal call with an even chunk count [1].
  const splitFactor = qPerCore > 1 ? 2 : 1;
  const globalFactor = globalQBufferFactor(b * nqh * qChunks, nCores, isCausal && qChunks % 2 === 0);
  const qBufferFactor =
    splitFactor === globalFactor || !atOrAfter(ctx, 'sdpa-global-q-scheduling') ? splitFactor : globalFactor;
  const slidingWindow = (propInt(op, 'sliding_window_size') ?? 0) > 0;
  const streaming = sdpaStreams(ctx, {
    isCausal,
    hasMask: mask !== undefined,
    hasSink: sink !== undefined,
    slidingWindow,
    chunked,
    sqT,
    skT,
    kLength: kLogical,
    paddedSk,
  });
  // From PR #46600 the validation rejects a sliding window with a mask (change point
  // 'sdpa-sliding-window-mask-exclusive'; asked only of such calls) [1].
  if (slidingWindow && mask !== undefined && atOrAfter(ctx, 'sdpa-sliding-window-mask-exclusive'))
    return illegal(
      op.name,
      `sliding_window_size and attn_mask cannot both be present; bake the sliding-window mask into attn_mask. Got sliding_window_size: ${propInt(op, 'sliding_window_size')}, attn_mask: true`,
      CITE_SDPA_DEVICE_OPERATION,
    );
  const cbOutPingPong = streaming && atOrAfter(ctx, 'sdpa-streaming-cb-out-ping-pong');
  const bf16 = tileBytes('bf16');
  const cbs: CbSpec[] = [
    { index: 0, role: 'Q chunk', nPages: sqT * dht * qBufferFactor, pageBytes: tileBytes(q.dtype) },
    { index: 1, role: 'K chunk (double-buffered)', nPages: skT * dht * 2, pageBytes: tileBytes(k.dtype) },
    { index: 2, role: 'V chunk (double-buffered)', nPages: skT * vdht * 2, pageBytes: tileBytes((v ?? k).dtype) },
  ];
  // From PR #42159 a causal call with no mask or sliding window keeps only a -inf tile and the diagonal tile, Float16_b,
  // on either compute path (change point 'sdpa-lightweight-causal-mask'; asked only of such calls) [1].
  const lightweightCausal =
    isCausal && mask === undefined && !slidingWindow && atOrAfter(ctx, 'sdpa-lightweight-causal-mask');
  // The streaming path's own lightweight mask (no provided mask): a -inf tile, + 4 sliding-window edge tiles, + a
  // partial-K tile for a padded K length off the tile grid (lightweight_mask_tile_count) [1].
  const streamedMask = streaming && mask === undefined && (usePaddedMask || slidingWindow || isCausal);
  if (lightweightCausal)
    cbs.push({ index: 3, role: 'lightweight causal mask (-inf, diagonal)', nPages: 2, pageBytes: tileBytes('bf16') });
  else if (streamedMask) {
    const partialK = usePaddedMask && kLogical % 32 !== 0 ? 1 : 0;
    cbs.push({
      index: 3,
      role: 'lightweight streaming mask',
      nPages: 1 + (slidingWindow ? SDPA_SLIDING_WINDOW_EDGE_TILES : 0) + partialK,
      pageBytes: tileBytes('bf16'),
    });
  } else if (
    mask !== undefined ||
    isCausal ||
    usePaddedMask ||
    // From PR #45104 a sliding window alone makes the mask CB too (change point 'sdpa-sliding-window-mask-cb') [1].
    (slidingWindow && atOrAfter(ctx, 'sdpa-sliding-window-mask-cb'))
  ) {
    // The mask the factory generates (causal or padded) is Bfp4_b from PR #18894 (change point
    // 'sdpa-generated-mask-bfp4'), Float16_b before [1].
    const maskDtype = mask?.dtype ?? (atOrAfter(ctx, 'sdpa-generated-mask-bfp4') ? 'bfp_bf4' : 'bf16');
    cbs.push({
      index: 3,
      role: 'mask chunk (double-buffered)',
      nPages: sqT * skT * 2,
      pageBytes: tileBytes(maskDtype),
    });
  }
  // c_5 / c_7 are Float32 for an f32 Q from PR #41637 (change point 'sdpa-prefill-f32-q-scalars'; asked only then) [1].
  const scalarBytes = q.dtype === 'f32' && atOrAfter(ctx, 'sdpa-prefill-f32-q-scalars') ? tileBytes('f32') : bf16;
  cbs.push(
    { index: 5, role: 'identity scalar', nPages: 1, pageBytes: scalarBytes },
    { index: 7, role: 'identity column', nPages: 1, pageBytes: scalarBytes },
  );
  if (chunked && pageTable !== undefined) {
    cbs.push(
      { index: 6, role: 'page-table row', nPages: 1, pageBytes: pageTable.padded[1] * 4 },
      { index: 8, role: 'chunk_start_idx (compute)', nPages: 1, pageBytes: 32 },
      { index: 9, role: 'chunk_start_idx (writer)', nPages: 1, pageBytes: 32 },
    );
  }
  if (sink !== undefined) cbs.push({ index: 4, role: 'attention sink', nPages: sqT, pageBytes: tileBytes(sink.dtype) });
  cbs.push(
    { index: 24, role: 'QK^T', nPages: sqT * skT, pageBytes: bf16 },
    { index: 25, role: 'out im', nPages: sqT * vdht, pageBytes: bf16 },
    { index: 26, role: 'out accumulate', nPages: sqT * vdht, pageBytes: bf16 },
    ...[27, 28, 29, 30, 31].map((index) => ({ index, role: 'row statistics', nPages: sqT, pageBytes: bf16 })),
    {
      index: 16,
      role: streaming && cbOutPingPong ? 'output (2-slot ping-pong of row groups)' : 'output',
      nPages: streaming && cbOutPingPong ? streamingCbOutTiles(sqT, vdht) : sqT * vdht,
      pageBytes: tileBytes(out.dtype),
    },
  );
  // The streaming path's 1-tile recip scratch (c_4 at 08a5992, where no sink could stream) [1].
  if (streaming)
    cbs.push({ index: sink === undefined ? 4 : 10, role: 'recip scratch (streaming)', nPages: 1, pageBytes: bf16 });
  const configured = cfg?.qChunk !== undefined && cfg.kChunk !== undefined;
  // Builds that cannot run the call at all: flash_mla_prefill before PR #24855, its V operand before PR #37721, a
  // chunk_start_idx tensor before PR #36936 (asked only of those ops).
  const notInBuild =
    mla && !atOrAfter(ctx, 'sdpa-flash-mla-prefill')
      ? 'ttnn.flash_mla_prefill is not in tt-metal builds before PR #24855 (2025-07-15)'
      : mla && v !== undefined && !atOrAfter(ctx, 'sdpa-flash-mla-prefill-v-operand')
        ? "flash_mla_prefill takes a V operand only from tt-metal PR #37721 (2026-02-18); earlier builds read V from K's latent tensor"
        : chunked && !atOrAfter(ctx, 'sdpa-chunk-start-idx-tensor')
          ? 'chunked SDPA takes chunk_start_idx as a tensor only from tt-metal PR #36936 (2026-02-04)'
          : '';
  // From PR #42891 scaled_dot_product_attention multiplies a given mask by 1 / scale first (scale the op's, else
  // 1/sqrt(head_dim)) in a binary program of its own, which is not sized here (asked only of such calls) [1].
  const scale = propNumber(op, 'scale') ?? 1 / Math.sqrt(q.padded[3]);
  const prescaledMask =
    !mla && !chunked && mask !== undefined && scale !== 1 && atOrAfter(ctx, 'sdpa-mask-prescale')
      ? `from tt-metal PR #42891 (2026-04-28) the mask is first multiplied by 1/scale (ttnn::multiply, scale ${scale}): that binary program and its mask-sized output (in the mask's memory config) run before the SDPA program and are not sized; the SDPA program's CBs are`
      : '';
  // The factory, its validation, the subblock helpers and the entry points were read at every commit of read span
  // sdpa-prefill-factory-2026; before it, a configured non-streaming call rests on the change points.
  const readEveryBuild = windowReadableWithinReadSpan(ctx, PREFILL_READ_SPAN);
  const exact = notInBuild === '' && prescaledMask === '' && (readEveryBuild || configured);
  return finishProgram({
    op,
    ctx,
    factory: mla ? 'SDPAProgramFactory (flash MLA prefill)' : 'SDPAProgramFactory',
    factoryReason: `q/k chunks ${qChunk}/${kChunk}${configured ? ' (program_config)' : ' (factory default without program_config)'}; ${qBufferFactor > 1 ? 'several q chunks' : 'one q chunk'} per core; ${streaming ? 'streaming compute path' : 'non-streaming compute path'}; CBs on all ${nCores} cores`,
    grid: [gy, gx],
    // Every CB on core_grid = CoreRange({0, 0}, {grid.x − 1, grid.y − 1}) [1]: tt-metal #16288 prints (0,0)-(7,7).
    groups: [{ name: 'grid', nCores, firstCore: [0, 0], printedRange: gridRectangle([gy, gx]) }],
    cbs,
    confidence: exact ? 'exact' : 'approx',
    approxReason: exact
      ? ''
      : [notInBuild, prescaledMask, readEveryBuild || configured ? '' : PREFILL_NOT_EVERY_BUILD_REASON]
          .filter((r) => r !== '')
          .join('; '),
    citations: [
      CITE_SDPA,
      ...(lightweightCausal ? [CITE_SDPA_LIGHTWEIGHT_CAUSAL] : []),
      ...(streaming ? [CITE_SDPA_STREAMING] : []),
      ...(prescaledMask !== '' ? [CITE_SDPA_MASK_PRESCALE] : []),
      ...(readEveryBuild ? [readSpanCite(PREFILL_READ_SPAN)] : []),
    ],
  });
}

/** 2^MAX_TREE_REDUCTION_ROUNDS (6): the most cores one head's partial results can be tree-reduced over [2]. */
const SDPA_DECODE_MAX_CORES_PER_HEAD = 64;

/** SDPAProgramConfig's max_cores_per_head_batch when the config leaves it unset (tt-metal sdpa_config.hpp). */
const SDPA_CONFIG_MAX_CORES_PER_HEAD_BATCH = 16;

/**
 * The program_config tt-mlir's runtime hands paged SDPA decode when the IR carries none [4]: up to tt-mlir PR #8979
 * a non-causal call gets K chunk 32 over the whole grid (cores per head left at the config's default), and from
 * tt-mlir PR #7561 a causal call on Blackhole gets dynamic chunks over every core per head (it also turns the
 * approximate exp off). Undefined where tt-metal's own default applies.
 */
function runtimePagedDecodeConfig(
  isCausal: boolean,
  gridCores: number,
  ctx: EstimateContext,
): SdpaProgramConfig | undefined {
  if (atOrAfter(ctx, 'sdpa-paged-decode-config-in-ir')) return undefined;
  if (!isCausal) return { kChunk: 32 };
  if (ctx.device.arch === 'blackhole' && atOrAfter(ctx, 'sdpa-paged-decode-bh-runtime-config'))
    return { qChunk: 0, kChunk: 0, maxCoresPerHeadBatch: gridCores };
  return undefined;
}

const DECODE_READ_SPAN = 'sdpa-decode-factory-2026';
const DECODE_NOT_EVERY_BUILD_REASON =
  'the SDPA decode factory and entry points were read at every commit from tt-metal 35541a7 (PR #33356, 2025-12-01: a call without a program_config spreads a head over every core; read span sdpa-decode-factory-2026, builds 2025-12-02..2026-06-23); earlier builds were not read';

export function estimateSdpaDecode(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  // MLA decode runs the same factory with use_mla: V is read from the latent K, vDH = head_dim_v [2][5].
  const mla = op.name === 'ttnn.paged_flash_multi_latent_attention_decode';
  const paged = mla || op.name === 'ttnn.paged_scaled_dot_product_attention_decode';
  const segments = operandSegments(op);
  const qkv = resolveQkv<ResolvedTensor | undefined>(
    op,
    mla ? () => segmentOperand(op, segments, 2, 'value') : undefined,
  );
  if (typeof qkv === 'string') return unmodeled(op.name, qkv);
  const { q, k } = qkv;
  // MLA decode reads V from the latent K unless given a V tensor, which it reads from tt-metal PR #36508 (change point
  // 'sdpa-mla-decode-v-operand'; asked only of an MLA call with one): c_2 then takes V's format [2].
  const v = qkv.v === undefined || (mla && !atOrAfter(ctx, 'sdpa-mla-decode-v-operand')) ? k : qkv.v;
  const headDimV = mla ? propInt(op, 'head_dim_v') : v.padded[3];
  if (headDimV === undefined || headDimV <= 0) return unmodeled(op.name, 'MLA decode without a positive head_dim_v');
  if (mla && isSharded(q.layout))
    return unmodeled(
      op.name,
      'MLA decode with a sharded Q parallelises Q heads over the shards (q_heads_parallel_factor); not modeled',
    );
  // decode: (q, k, v, mask?, cur_pos?, sink?); paged: (q, k, v, page_table, mask?, cur_pos?, sink?); MLA decode:
  // (q, k, v?, page_table, mask?, cur_pos?, sink?).
  const base = paged ? 4 : 3;
  const pageTable = paged ? resolveTensor(op.operands[segments[3]?.[0] ?? 3], 'page table') : undefined;
  if (typeof pageTable === 'string') return unmodeled(op.name, pageTable);
  const mask = segmentOperand(op, segments, base, 'attention mask');
  if (typeof mask === 'string') return unmodeled(op.name, mask);
  const curPos = segmentOperand(op, segments, base + 1, 'cur_pos');
  if (typeof curPos === 'string') return unmodeled(op.name, curPos);
  const sink = segmentOperand(op, segments, base + 2, 'attention sink');
  if (typeof sink === 'string') return unmodeled(op.name, sink);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  if (q.padded.length !== 4 || k.padded.length !== 4)
    return unmodeled(op.name, 'SDPA decode takes 4-D Q [1, B, heads, head_dim] and K/V [B, heads, S, head_dim]');
  if (k.layout.pageLayout !== 'tile' || v.layout.pageLayout !== 'tile')
    return unmodeled(op.name, 'row-major K/V (tt-metal requires tiled)');

  const isCausal = propBool(op, 'is_causal') ?? true;
  // tt-mlir's MLA decode op carries no program_config: its runtime builds one (K chunk 32 on the device's grid, the rest
  // defaults) for every call from tt-mlir PR #8703 (change point 'mla-decode-runtime-config-always'), before only for a
  // non-causal call; a causal one ran without (dynamic K chunks over every core per head) [5].
  const irCfg = mla ? undefined : programConfig(op);
  const [gx, gy] = programGrid(irCfg, ctx);
  const available = gx * gy;
  const mlaCfg: SdpaProgramConfig | undefined =
    !isCausal || atOrAfter(ctx, 'mla-decode-runtime-config-always') ? { kChunk: 32 } : undefined;
  const cfg = irCfg ?? (mla ? mlaCfg : paged ? runtimePagedDecodeConfig(isCausal, available, ctx) : undefined);
  const runtimeCfg = irCfg === undefined && cfg !== undefined;
  const fp32 = fp32DestAccFromConfig(op) ?? false;
  const dst = fp32 ? 4 : 8;
  // From PR #36440 a paged call's batch is the interleaved page table's rows (a sharded one's rows per core, tied to
  // Q's batch by validate); before, Q's shape[1] (change point sdpa-paged-decode-batch-from-page-table) [2].
  const b =
    pageTable !== undefined && !isSharded(pageTable.layout) && atOrAfter(ctx, 'sdpa-paged-decode-batch-from-page-table')
      ? (pageTable.padded[0] ?? q.padded[1])
      : q.padded[1];
  const pnh = Math.ceil(q.logical[2] / 32) * 32;
  const numQHeads = q.logical[2];
  const nkv = k.padded[1];
  const dht = k.padded[3] / 32;
  const vdht = Math.floor(headDimV / 32);
  const seq =
    paged && pageTable !== undefined ? pageTable.padded[pageTable.padded.length - 1] * k.padded[2] : k.padded[2];
  // From tt-metal PR #44617 the paged entry point (not the MLA one) fills in a config of its own when none is given.
  const pagedDefault = paged && !mla && cfg === undefined && atOrAfter(ctx, 'sdpa-paged-decode-default-config');
  // The entry points take the config's K chunk when it is positive; otherwise paged calls run the dynamic chunk (0) and
  // non-paged ones get_chunk_size of K's logical length (sdpa_decode.cpp) [2].
  const configuredChunk = cfg?.kChunk !== undefined && cfg.kChunk > 0 ? cfg.kChunk : undefined;
  const kChunk = configuredChunk ?? (pagedDefault ? 32 : paged ? 0 : decodeChunkSize(k.logical[2] ?? seq));
  if (kChunk % 32 !== 0)
    return illegal(
      op.name,
      `Chunk size must be multiple of 32, but the maximum calculated k_chunk_size is: ${kChunk}`,
      CITE_SDPA_DECODE_ENTRY,
    );
  const skCb = kChunk === 0 ? dst : kChunk / 32;
  const pnht = pnh / 32;
  const slidingWindow = (propInt(op, 'sliding_window_size') ?? 0) > 0;

  if (available < b)
    return illegal(op.name, `Cores available (${available}) must be >= batch size (${b})`, CITE_SDPA_DECODE);
  // With a config the factory caps cores per head at its max_cores_per_head_batch (SDPAProgramConfig's default 16
  // when tt-mlir's attribute leaves it out); without one it spreads a head over every core [2].
  const maxCoresPerHead =
    cfg !== undefined
      ? (cfg.maxCoresPerHeadBatch ?? SDPA_CONFIG_MAX_CORES_PER_HEAD_BATCH)
      : pagedDefault
        ? 1
        : available;
  const coresPerBatch = Math.floor(Math.min(available, maxCoresPerHead * b * nkv) / b);
  const coresPerHead = Math.max(1, Math.floor(coresPerBatch / nkv));
  // The tree reduction over a head's cores has at most 6 rounds, ceil(log2(cores per head)) [2] (tt-mlir #9007:
  // "Tree reduction max 6 rounds (64 cores/head), got 110 cores/head"). Builds from tt-metal PR #37004 to the
  // formula's fix (PR #38587, change point 'sdpa-decode-tree-reduction-rounds-fix') counted 32 − clz(n) =
  // floor(log2 n) + 1 rounds, so they also rejected exactly 64 (asked only of 64 cores per head).
  const maxCoresPerHeadTree =
    coresPerHead === SDPA_DECODE_MAX_CORES_PER_HEAD && !atOrAfter(ctx, 'sdpa-decode-tree-reduction-rounds-fix')
      ? SDPA_DECODE_MAX_CORES_PER_HEAD - 1
      : SDPA_DECODE_MAX_CORES_PER_HEAD;
  if (coresPerHead > maxCoresPerHeadTree && atOrAfter(ctx, 'sdpa-decode-tree-reduction'))
    return illegal(
      op.name,
      `Tree reduction max 6 rounds (${SDPA_DECODE_MAX_CORES_PER_HEAD} cores/head), got ${coresPerHead} cores/head`,
      CITE_SDPA_DECODE,
    );

  // 16x32 half tiles: on Wormhole only before tt-metal PR #33978, on Blackhole too from it (change point
  // 'sdpa-decode-half-tile-blackhole'; asked only on Blackhole) [2].
  const halfTile =
    isCausal &&
    numQHeads <= 16 &&
    q.dtype === 'bf16' &&
    (ctx.device.arch !== 'blackhole' || atOrAfter(ctx, 'sdpa-decode-half-tile-blackhole'));
  const half = (bytes: number): number => (halfTile ? bytes / 2 : bytes);
  const bf16 = tileBytes('bf16');
  const qTile = half(tileBytes(q.dtype));
  const maskTile = half(tileBytes(mask?.dtype ?? 'bf16'));
  const small = half(bf16);
  // The scale / identity / scalar CBs (c_5, c_11, c_12) are Float32 for an f32 Q from PR #41637 (change point
  // 'sdpa-decode-f32-q-scalars'; asked only for one), Float16_b before [2].
  const scalarBytes = q.dtype === 'f32' && atOrAfter(ctx, 'sdpa-decode-f32-q-scalars') ? tileBytes('f32') : bf16;
  const outTiles = pnht * vdht;
  // c_0 is a CB of its own even when Q is sharded: the factory binds it to Q's buffer only under q_locally_available [2].
  const cbs: CbSpec[] = [
    { index: 0, role: isSharded(q.layout) ? 'Q (copied from its shard)' : 'Q', nPages: pnht * dht, pageBytes: qTile },
    { index: 1, role: 'K chunk (double-buffered)', nPages: skCb * dht * 2, pageBytes: tileBytes(k.dtype) },
    { index: 2, role: 'V chunk (double-buffered)', nPages: skCb * vdht * 2, pageBytes: tileBytes(v.dtype) },
    { index: 3, role: 'mask', nPages: pnht * skCb, pageBytes: maskTile },
  ];
  if (sink !== undefined) cbs.push({ index: 4, role: 'attention sink', nPages: pnht, pageBytes: small });
  cbs.push(
    { index: 5, role: 'scale', nPages: 1, pageBytes: half(scalarBytes) },
    { index: 6, role: 'm_in', nPages: pnht, pageBytes: small },
    { index: 7, role: 'l_in', nPages: pnht, pageBytes: small },
  );
  if (curPos !== undefined) {
    cbs.push({
      index: 8,
      role: 'cur_pos',
      nPages: 1,
      pageBytes: alignedPageBytes(curPos, ctx),
      tensorBacked: isSharded(curPos.layout),
    });
    // Compute's own copy of cur_pos, never on the tensor's buffer [2] (change point sdpa-decode-cur-pos-two-cbs).
    if (atOrAfter(ctx, 'sdpa-decode-cur-pos-two-cbs'))
      cbs.push({ index: 15, role: 'cur_pos (compute copy)', nPages: 1, pageBytes: alignedPageBytes(curPos, ctx) });
  }
  if (pageTable !== undefined)
    cbs.push({
      index: 9,
      role: 'page-table row',
      nPages: 1,
      pageBytes: alignedPageBytes(pageTable, ctx),
      tensorBacked: isSharded(pageTable.layout),
    });
  cbs.push(
    { index: 10, role: 'tilized Q', nPages: pnht * dht, pageBytes: qTile },
    { index: 11, role: 'column identity', nPages: 1, pageBytes: scalarBytes },
    { index: 12, role: 'scalar', nPages: 1, pageBytes: half(scalarBytes) },
  );
  if (slidingWindow) cbs.push({ index: 13, role: 'sliding-window mask', nPages: pnht * skCb, pageBytes: maskTile });
  // A paged K whose blocks are under a tile high (logical block size < 32) masks the zero rows of each K tile in c_14,
  // qk_tiles in the mask format, from PR #38004 (change point 'sdpa-decode-block-padding-mask'; asked only then) [2].
  if (paged && (k.logical[2] ?? 32) < 32 && atOrAfter(ctx, 'sdpa-decode-block-padding-mask'))
    cbs.push({ index: 14, role: 'block padding mask', nPages: pnht * skCb, pageBytes: maskTile });
  cbs.push(
    { index: 24, role: 'QK^T', nPages: pnht * skCb, pageBytes: small },
    { index: 25, role: 'out im', nPages: outTiles, pageBytes: small },
    { index: 26, role: 'out accumulate', nPages: outTiles, pageBytes: small },
    ...[27, 28, 29, 30, 31, 21, 22].map((index) => ({ index, role: 'row statistics', nPages: pnht, pageBytes: small })),
    { index: 23, role: 'out im 2', nPages: outTiles, pageBytes: small },
    { index: 16, role: 'output partial', nPages: outTiles, pageBytes: small },
    { index: 17, role: 'max partial', nPages: pnht, pageBytes: small },
    { index: 18, role: 'sum partial', nPages: pnht, pageBytes: small },
    { index: 19, role: 'reduction scratch', nPages: (outTiles + 2 * pnht) * (coresPerHead - 1), pageBytes: small },
    {
      index: 20,
      role: 'output',
      nPages: outTiles,
      pageBytes: tileBytes(out.dtype),
      tensorBacked: isSharded(out.layout),
    },
  );
  // The factory, sdpa_decode.cpp's entry points (chunk sizes, the paged default config, the compute config) and the MLA
  // use_mla branch were read at every commit of read span sdpa-decode-factory-2026; builds outside it were not [2].
  const readEveryBuild = windowReadableWithinReadSpan(ctx, DECODE_READ_SPAN);
  const chunkSource = runtimeCfg
    ? " (tt-mlir runtime's config: the IR has none)"
    : configuredChunk !== undefined
      ? ' (program_config)'
      : pagedDefault
        ? ' (the default config of tt-metal PR #44617)'
        : mla
          ? " (tt-mlir's runtime passes a causal MLA call no config)"
          : paged
            ? ''
            : " (get_chunk_size of K's length)";
  return finishProgram({
    op,
    ctx,
    factory: mla
      ? 'SdpaDecodeProgramFactory (paged, MLA)'
      : paged
        ? 'SdpaDecodeProgramFactory (paged)'
        : 'SdpaDecodeProgramFactory',
    factoryReason: `B = ${b}, ${numQHeads} q heads (PNHt ${pnht}), ${nkv} KV heads, S = ${seq}; K chunk ${kChunk === 0 ? `dynamic (${dst} tiles)` : kChunk}${chunkSource}; ${coresPerHead} core(s) per head${halfTile ? '; 16x32 half tiles' : ''}; CBs on all ${available} cores`,
    grid: [gy, gx],
    // Every CB on core_grid = CoreRange({0, 0}, {grid.x − 1, grid.y − 1}) of the program grid (no sub_core_grids) [2]:
    // tt-mlir #9039 prints Blackhole's whole 11x10 grid, [0-0 - 10-9].
    groups: [{ name: 'grid', nCores: available, firstCore: [0, 0], printedRange: gridRectangle([gy, gx]) }],
    cbs,
    confidence: readEveryBuild ? 'exact' : 'approx',
    approxReason: readEveryBuild ? '' : DECODE_NOT_EVERY_BUILD_REASON,
    citations: [
      CITE_SDPA_DECODE,
      ...(configuredChunk === undefined ? [CITE_SDPA_DECODE_ENTRY] : []),
      ...(mla ? [CITE_TTMLIR_MLA_DECODE_RUNTIME] : runtimeCfg ? [CITE_TTMLIR_PAGED_DECODE_RUNTIME] : []),
      readSpanCite(DECODE_READ_SPAN),
    ],
  });
}

const CITE_SDPA_FW = 'tt-metal tt-train/sources/ttml/metal/ops/sdpa_fw/device/sdpa_fw_program_factory.cpp@01fd8ac';

/**
 * `ttnn.sdpa_fw` (tt-train's SDPAForwardProgramFactory) [3]: one Q row-tile per unit of work,
 * split_work_to_cores(grid, B·heads·S/32), column-major. Page size is a bf16 tile for every data CB and a Float32 tile
 * for the exp-sum ones: c_0 2·qWt, c_1 2·kWt, c_2 2·vWt, c_3 1 (mask), c_4 2 (return_intermediates), c_5, c_6, c_7,
 * c_8, c_9 1 each, c_10, c_11, c_12 1 Float32 each, c_13, c_14, c_15 qWt each. Q, K, V, mask and outputs must be in DRAM.
 *   [3] tt-metal tt-train/sources/ttml/metal/ops/sdpa_fw/device/sdpa_fw_program_factory.cpp@01fd8ac
 * Approx: tt-mlir passes a mask_type the version read does not take (a generated causal mask may add a CB).
 */
export function estimateSdpaFw(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const segments = operandSegments(op);
  const qkv = resolveQkv(op);
  if (typeof qkv === 'string') return unmodeled(op.name, qkv);
  const { q, k, v } = qkv;
  const mask = segmentOperand(op, segments, 3, 'attention mask');
  if (typeof mask === 'string') return unmodeled(op.name, mask);
  if (q.padded.length !== 4 || k.padded.length !== 4 || v.padded.length !== 4)
    return unmodeled(op.name, 'sdpa_fw takes 4-D [B, heads, S, E] tensors');
  const results = op.results.map((r, i) => resolveTensor(r, `result ${i}`));
  for (const [what, t] of [
    ['Query', q],
    ['Key', k],
    ['Value', v],
    ['Mask', mask],
    ...results.map((r) => ['Output', r] as const),
  ] as const) {
    if (t === undefined || typeof t === 'string') continue;
    if (t.layout.bufferType !== 'dram') return illegal(op.name, `${what} buffer must be in DRAM`, CITE_SDPA_FW);
  }
  const [qB, qNH, qS, qE] = q.padded;
  if (qE !== k.padded[3] || qE !== v.padded[3])
    return illegal(op.name, 'Embedding dims of Q, K, V must be the same', CITE_SDPA_FW);
  if (qB !== k.padded[0]) return illegal(op.name, 'Query and Key batch sizes must be the same', CITE_SDPA_FW);
  if (qS !== k.padded[2]) return illegal(op.name, 'Query and Key sequence lengths must be the same', CITE_SDPA_FW);
  if (qNH % k.padded[1] !== 0)
    return illegal(op.name, 'Number of heads must be divisible by number of groups', CITE_SDPA_FW);
  const wt = qE / 32;
  const rows = (qB * qNH * qS) / 32;
  const returnIntermediates = propBool(op, 'return_intermediates') ?? false;
  const bf16 = tileBytes('bf16');
  const f32 = tileBytes('f32');
  const cbs: CbSpec[] = [
    { index: 0, role: 'Q row', nPages: 2 * wt, pageBytes: bf16 },
    { index: 1, role: 'K row', nPages: 2 * wt, pageBytes: bf16 },
    { index: 2, role: 'V row', nPages: 2 * wt, pageBytes: bf16 },
  ];
  if (mask !== undefined) cbs.push({ index: 3, role: 'mask', nPages: 1, pageBytes: bf16 });
  if (returnIntermediates) cbs.push({ index: 4, role: 'intermediates (max, 1/sum)', nPages: 2, pageBytes: bf16 });
  cbs.push(
    ...[5, 6, 7, 8, 9].map((index) => ({ index, role: 'scaler / QK / max', nPages: 1, pageBytes: bf16 })),
    ...[10, 11, 12].map((index) => ({ index, role: 'exp sums (Float32)', nPages: 1, pageBytes: f32 })),
    ...[13, 14, 15].map((index) => ({ index, role: 'matmul out / output', nPages: wt, pageBytes: bf16 })),
  );
  const split = splitWorkToCores(gridArea(ctx), rows);
  return finishProgram({
    op,
    ctx,
    factory: 'SDPAForwardProgramFactory (tt-train)',
    factoryReason: `${rows} Q tile rows over ${split.nCores} cores; E = ${wt} tiles`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs,
    confidence: 'approx',
    approxReason: 'tt-mlir passes mask_type, which the factory version read does not take',
    citations: [CITE_SDPA_FW, CITE.workSplit],
  });
}
