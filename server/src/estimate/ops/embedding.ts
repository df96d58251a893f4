/**
 * L1 estimate for `ttnn.embedding` with row-major weights (the gather workaround of the seed case).
 *
 * Formula (bytes per core):
 *   rows = volume(indices) output rows, split_work_to_cores(grid, rows)                           [1]
 *   c_0 (output rows) = (2 if any core has > 1 row else 1) · chunk, chunk = align(weightRowBytes, a)  [1]
 *     (from tt-metal PR #42548: rows over 1 MiB are streamed in floor(1 MiB / a)·a chunks)            [1]
 *   c_1 (indices)     = (a / idxElem) · round_up(idxElem, 32) B                                       [1]
 *
 * Symbols: weightRowBytes = weight last dim × element bytes, a = the index buffer's alignment (DRAM 32 B on Wormhole,
 *   64 B on Blackhole; L1 16 B), idxElem = index element bytes (ui32: 4). Cores in column-major order.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_rm_program_factory.cpp@0021b0d;
 *       ttmetal-l1-model.md §4.11
 *
 * Tiled weights (tiledEmbedding): ttnn::embedding converts the weights to ROW_MAJOR first and, for a
 *   TILE result, tilizes the row-major result: the figure is the largest of untilize(weights), the row-major program
 *   and tilize(result) (composite.ts). TILE indices go to the prim as they are: EmbeddingsTilizedIndicesProgramFactory
 *   [5] (c_0 = 2 · page(weight row), c_1 = 16 · round_up(idxElem, 32); a row-major result, tilized after).
 *   In the goldens' build this reproduces 2 · Wt_weight · T: 16,384 B for 256x128 bf16 weights (TestOpModelInterface
 *   .cpp@b73fc81:3506) and 32,768 B for 512x256 (TestOpModelLib.cpp@b73fc81:3587).
 *
 * Row-major indices with a last dim a multiple of 32, weights of a width a multiple of 32 and a TILE result: the fused
 *   factory (fusedEmbedding) [3]: c_0 = b·n·T(w), c_1 = 32·idxElem, c_2 = b·n·T(out), n = Wt (b = 2, or 1 above 64
 *   tiles) before change point `embedding-fused-chunks`, at most 64-tile chunks (b = 2) from it when 2·Wt·T(w) > 1 MiB.
 *   tt-metal #31889 (2025-11-05): Wt = 512 bf16 → 512·2,048 + 128 + 512·2,048 = 2,097,280 B + base 101,664 = 2,198,944 B,
 *   tt-metal's figure.
 *   [3] tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_fused_program_factory.cpp@0021b0d, embedding.cpp
 *       (fused_tilized), embedding_device_operation.cpp (select_program_factory)
 *
 * `ttnn.embedding_bw` (estimateEmbeddingBackward) [2]: split_work_to_cores(grid, E/32 embedding tiles), m = max tiles per
 *   core: c_0 grad = m · T(grad), c_1 index = 32 · idxElem, c_2 = m · T(out), c_24 mask = 32 B, c_25 = 16 B,
 *   c_16 = m · T(out). 1x1x2048x4096 bf16 grad, bf16 indices: m = ceil(128/64) = 2 → 3 · 4,096 + 64 + 32 + 16 =
 *   12,400 B (golden TestOpModelInterface.cpp@b73fc81:3593).
 *   [2] tt-metal ttnn/cpp/ttnn/operations/embedding_backward/device/embedding_backward_program_factory.cpp@03aed27
 *
 * Validation [4]: indices UINT32 or BFLOAT16, weights BFLOAT16 (TT_FATAL in the prim's validate) → `illegal`.
 *   [4] tt-metal ttnn/cpp/ttnn/operations/embedding/device/embedding_device_operation.cpp (validate), a6019d6 … 622c6fb
 *   [5] tt-metal …/embedding/device/embeddings_tilized_indices_program_factory.cpp@622c6fb (and its form in
 *       embedding_program_factory.hpp, 932ee21 … f8ee447); change points embedding-tilized-indices-aligned-page*
 *
 * Assumptions: chunking is the change point `embedding-row-chunks`
 *   (tt-metal PR #42548, opened 2026-04-17 for issue #42434, whose 2026-04-16 build still allocated the whole row:
 *   3,249,696 B for (32, 1572864) bf16 rows, reproduced exactly in test/unit/analysis/threads.test.ts).
 * Worked example: weights tensor<4x4884480xbf16> RM, indices 1x6: chunk = 9,768,960 B, one row per core →
 *   c_0 = 9,768,960 B: overflows L1 (the seed's %10); asserted in test/unit/analysis/seed.test.ts.
 */

import { atOrAfter, readSpanCite, windowWithinReadSpan } from '../changePoints';
import { elementBytes, isBlockFloat, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  bufferAlignmentBytes,
  CITE,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';

const CITE_EMB = 'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_rm_program_factory.cpp@0021b0d';
const MAX_CHUNK_BYTES = 1024 * 1024;
const CITE_VALIDATE =
  'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embedding_device_operation.cpp (validate: the same two dtype checks at every commit a6019d6 (2024-12-20) … c262c36, untouched to 622c6fb); tt-mlir test/ttmlir/Dialect/TTNN/optimizer/op_layout_fallbacks/embedding_validation.mlir (f32 weights rejected by the op model)';

/**
 * The prim's dtype checks [4] (after ttnn::embedding has made tiled weights row-major, which keeps their dtype):
 * indices UINT32 or BFLOAT16, weights BFLOAT16. Block-float tiled weights are left to the to_layout step (untilize
 * yields bfloat16 on some builds, throws on others). Undefined when both pass.
 */
function embeddingDtypeRule(indices: ResolvedTensor, weight: ResolvedTensor): string | undefined {
  if (indices.dtype !== 'u32' && indices.dtype !== 'bf16')
    return `Input must be UINT32 or BFLOAT16 (indices are ${indices.dtype})`;
  if (weight.dtype !== 'bf16' && !isBlockFloat(weight.dtype))
    return `Weights tensor must have BFLOAT16 dtype (weights are ${weight.dtype})`;
  return undefined;
}

export function estimateEmbedding(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const indices = resolveTensor(op.operands[0], 'indices');
  if (typeof indices === 'string') return unmodeled(op.name, indices);
  const weight = resolveTensor(op.operands[1], 'weight');
  if (typeof weight === 'string') return unmodeled(op.name, weight);
  // The output layout picks the factory (row-major vs tilized); without it there is no number to give.
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (weight.layout.bufferType === 'system_memory') return unmodeled(op.name, 'weights on host');
  const rejected = embeddingDtypeRule(indices, weight);
  if (rejected !== undefined) return illegal(op.name, rejected, CITE_VALIDATE);
  if (fusedTilized(indices, weight, output)) return fusedEmbedding(op, ctx, indices, weight, output);
  if (weight.layout.pageLayout !== 'row_major' || (isTile(indices) && isTile(output))) return tiledEmbedding(op, ctx);
  if (isTile(indices)) return tilizedIndicesEmbedding(op, ctx, indices, weight);
  const wElem = elementBytes(weight.dtype);
  const iElem = elementBytes(indices.dtype) ?? 4;
  if (wElem === undefined) return unmodeled(op.name, `weight dtype ${weight.dtype} has no row-major size`);
  const rowBytes = weight.logical[weight.logical.length - 1] * wElem;
  // `alignment` is the index buffer's (tt-metal: a.buffer()->alignment()).
  const align = bufferAlignmentBytes(indices, ctx);
  const wholeRow = alignUp(rowBytes, align);
  // From tt-metal PR #42548 rows longer than 1 MiB are streamed in 1 MiB chunks; before, one page per row.
  const chunked = wholeRow > MAX_CHUNK_BYTES && atOrAfter(ctx, 'embedding-row-chunks');
  const chunk = chunked ? Math.max(align, Math.floor(MAX_CHUNK_BYTES / align) * align) : wholeRow;
  const rows = volume(indices.logical);
  const split = splitWorkToCores(gridArea(ctx), rows);
  const buffering = split.maxUnitsPerCore > 1 ? 2 : 1;
  return finishProgram({
    op,
    ctx,
    factory: 'EmbeddingsRMProgramFactory',
    factoryReason: `${rows} output rows over ${split.nCores} cores (max ${split.maxUnitsPerCore} per core → ${buffering === 2 ? 'double' : 'single'}-buffered); ${chunked ? `weight rows of ${rowBytes} B streamed in ${chunk} B chunks` : `one page = a whole weight row of ${rowBytes} B`}`,
    // Every CB on split_work_to_cores' column-wise all_cores (embeddings_rm_program_factory.cpp@3fa4d753), merged
    // like the fused factory's: the 2026-04 remediation reports' (0,0)-(0,1) / (0,0)-(0,4) / (0,0)-(10,9).
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col', {
      order: 'col',
      ctx,
      descriptorsFrom: 'embedding-program-descriptors',
    }),
    cbs: [
      { index: 0, role: 'output rows', nPages: buffering, pageBytes: chunk },
      { index: 1, role: 'indices', nPages: 1, pageBytes: Math.max(1, Math.floor(align / iElem)) * alignUp(iElem, 32) },
    ],
    confidence: 'exact',
    citations: [CITE_EMB, CITE.workSplit],
    notes: [],
  });
}

const CITE_FUSED =
  'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_fused_program_factory.cpp@0021b0d; embedding.cpp (fused_tilized); embedding_device_operation.cpp (select_program_factory)';

/**
 * ttnn::embedding's `fused_tilized` [3]: row-major indices whose last dim is a multiple of 32, weights whose width is a
 * multiple of 32, and a TILE result (tt-mlir's runtime passes the result's layout) run EmbeddingsFusedProgramFactory,
 * which gathers and tilizes in one program; TILE indices take the tilized-indices factory first.
 */
function fusedTilized(indices: ResolvedTensor, weight: ResolvedTensor, output: ResolvedTensor): boolean {
  const s = indices.logical[indices.logical.length - 1] ?? 0;
  const w = weight.padded[weight.padded.length - 1] ?? 0;
  return (
    indices.layout.pageLayout === 'row_major' && output.layout.pageLayout === 'tile' && s % 32 === 0 && w % 32 === 0
  );
}

/**
 * EmbeddingsFusedProgramFactory [3] (interleaved result): split_work_to_cores(grid, B·S / 32 blocks of 32 rows); Wt =
 * weight width / 32; c_0 (gathered rows) = b·n·T(w), c_1 (indices) = 32·idxElem, c_2 (tilized out) = b·n·T(out).
 * Before change point `embedding-fused-chunks` n = Wt, b = Wt > 64 ? 1 : 2; from it, when 2·Wt·T(w) > 1 MiB, n =
 * min(⌊1 MiB / T(w)⌋, Wt, 64) and b = 2. Tiled weights are converted to row-major first (a program of its own).
 */
function fusedEmbedding(
  op: TtnnOp,
  ctx: EstimateContext,
  indices: ResolvedTensor,
  weight: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const iElem = elementBytes(indices.dtype) ?? 4;
  const wt = (weight.padded[weight.padded.length - 1] ?? 32) / 32;
  const tw = tileBytes(weight.dtype);
  const tOut = tileBytes(output.dtype);
  const chunked = 2 * wt * tw > MAX_CHUNK_BYTES && atOrAfter(ctx, 'embedding-fused-chunks');
  const n = chunked ? Math.max(1, Math.min(Math.floor(MAX_CHUNK_BYTES / tw), wt, 64)) : wt;
  const buffering = chunked ? 2 : wt > 64 ? 1 : 2;
  // embedding.cpp views row-major indices as [batch, 1, 1, S] (batch = dim 0, 1 for rank 1); 32 rows a block [3].
  const rank = indices.logical.length;
  const blocks = Math.ceil(((rank === 1 ? 1 : indices.logical[0]!) * indices.logical[rank - 1]!) / 32);
  const split = splitWorkToCores(gridArea(ctx), blocks);
  // Read commit by commit for an interleaved result (a sharded one binds c_2 to its shard, not modeled here).
  const read = !isSharded(output.layout) && windowWithinReadSpan(ctx, 'embedding-fused-2026-spring');
  const fused = finishProgram({
    op,
    ctx,
    factory: 'EmbeddingsFusedProgramFactory',
    factoryReason: `row-major indices (last dim a multiple of 32) and a TILE result: gather and tilize fused; ${blocks} blocks of 32 rows over ${split.nCores} cores; ${chunked ? `weight rows in ${n}-tile chunks (tt-metal PR #32016)` : `whole rows of ${wt} tiles, ${buffering === 1 ? 'single' : 'double'}-buffered`}`,
    // split_work_to_cores(grid, blocks) column-wise, every CB on all_cores (embedding_program_factory.hpp of 2025,
    // index id 49859129062, embeddings_fused; [3]): tt-metal #31889's (0,0)-(7,0) is its merged set for 57 blocks.
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col', {
      order: 'col',
      ctx,
      descriptorsFrom: 'embedding-program-descriptors',
    }),
    cbs: [
      { index: 0, role: 'gathered weight rows', nPages: buffering * n, pageBytes: tw },
      { index: 1, role: 'indices', nPages: 1, pageBytes: 32 * iElem },
      { index: 2, role: 'tilized output', nPages: buffering * n, pageBytes: tOut },
    ],
    confidence: read ? 'exact' : 'approx',
    approxReason: read
      ? ''
      : 'fused factory read at 0021b0d (chunked) and at every commit from 2026-03-19 to 2026-06-03 (read span embedding-fused-2026-spring), the whole-row form before PR #32016 taken from its non-chunked branch',
    citations: [CITE_FUSED, ...(read ? [readSpanCite('embedding-fused-2026-spring')] : []), CITE.workSplit],
  });
  const wSpec = op.operands[1];
  if (weight.layout.pageLayout === 'row_major' || wSpec?.kind !== 'tensor') return fused;
  const u = toLayoutStep(op, ctx, 'untilize weights', wSpec, 'row_major');
  return largestStep(op, ctx, [u.step, { label: 'fused embedding', result: fused }], {
    firstBeyondL1: true,
    citations: [CITES_TILED.composite],
  });
}

function isTile(t: ResolvedTensor): boolean {
  return t.layout.pageLayout === 'tile';
}

const CITE_TILIZED_INDICES =
  'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_tilized_indices_program_factory.cpp@622c6fb (embeddings_tilized_indices in embedding_program_factory.hpp before a23fcef); embedding_program_factory_common.cpp@622c6fb (split_work_to_cores_aligned); embedding_device_operation.cpp (select_program_factory: TILE indices)';

/**
 * EmbeddingsTilizedIndicesProgramFactory [5] (TILE indices; the result row-major): split_work_to_cores_aligned(grid,
 * dim0 · last dim of the indices, 16) — 16 rows a core while ceil(units / 16) cores fit the grid, else
 * ceil(ceil(units / cores) / 16) · 16 — on num_cores_to_corerangeset(…, column-wise); c_0 (weight rows, also the
 * writer's) = 2 · P, P = align(weight row bytes, the indices buffer's alignment) from change point
 * `embedding-tilized-indices-aligned-page` (and in the days of `…-first` before its revert), else round_up(row, 32);
 * c_1 (one face column of indices) = 16 · round_up(idxElem, 32). c_2 only for PADDED / BINARY embeddings, which the IR
 * does not ask for.
 */
function tilizedIndicesEmbedding(
  op: TtnnOp,
  ctx: EstimateContext,
  indices: ResolvedTensor,
  weight: ResolvedTensor,
): OpEstimateResult {
  const wElem = elementBytes(weight.dtype);
  const iElem = elementBytes(indices.dtype);
  if (wElem === undefined || iElem === undefined) return unmodeled(op.name, 'block-float row-major operand');
  const rank = indices.logical.length;
  const units = (indices.logical[0] ?? 1) * (indices.logical[rank - 1] ?? 1);
  const area = gridArea(ctx);
  const faceRows = 16;
  let perCore = faceRows;
  let nCores = Math.ceil(units / perCore);
  if (nCores > area) {
    perCore = Math.ceil(Math.ceil(units / area) / faceRows) * faceRows;
    nCores = Math.ceil(units / perCore);
  }
  const rowBytes = (weight.padded[weight.padded.length - 1] ?? 0) * wElem;
  const aligned =
    atOrAfter(ctx, 'embedding-tilized-indices-aligned-page') ||
    (atOrAfter(ctx, 'embedding-tilized-indices-aligned-page-first') &&
      !atOrAfter(ctx, 'embedding-tilized-indices-aligned-page-reverted'));
  const pageBytes = aligned ? alignUp(rowBytes, bufferAlignmentBytes(indices, ctx)) : alignUp(rowBytes, 32);
  const read = windowWithinReadSpan(ctx, 'embedding-tilized-indices-2025');
  return finishProgram({
    op,
    ctx,
    factory: 'EmbeddingsTilizedIndicesProgramFactory',
    factoryReason: `TILE indices: ${units} index rows (dim 0 · last dim) in blocks of ${perCore} over ${nCores} cores; weight rows of ${rowBytes} B, page ${pageBytes} B (${aligned ? "aligned to the indices buffer's alignment" : 'rounded up to 32 B'}), double-buffered`,
    groups: groupsFromSplit(
      { nCores, runs: [{ name: 'all', firstIndex: 0, nCores }], maxUnitsPerCore: perCore },
      ctx.device.workerGrid,
      'col',
      { order: 'col', ctx, descriptorsFrom: 'embedding-program-descriptors' },
    ),
    cbs: [
      { index: 0, role: 'weight rows (written out as they are)', nPages: 2, pageBytes },
      { index: 1, role: 'one face column of indices', nPages: 1, pageBytes: faceRows * alignUp(iElem, 32) },
    ],
    confidence: read ? 'exact' : 'approx',
    approxReason: read
      ? ''
      : `the tilized-indices factory was read at every commit ${READ_TILIZED_INDICES}; builds outside those were not`,
    citations: [CITE_TILIZED_INDICES, ...(read ? [readSpanCite('embedding-tilized-indices-2025')] : [])],
  });
}

const READ_TILIZED_INDICES = 'of read span embedding-tilized-indices-2025 (2025-01-11..2026-06-23)';

const CITES_TILED = {
  composite: 'tt-metal ttnn/cpp/ttnn/operations/embedding/embedding.cpp (weights to ROW_MAJOR, result tilized)',
  backward:
    'tt-metal ttnn/cpp/ttnn/operations/embedding_backward/device/embedding_backward_program_factory.cpp@03aed27',
} as const;

/** Tiled weights or a TILE result: untilize weights → row-major embedding → tilize result. */
function tiledEmbedding(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const [idxSpec, wSpec] = op.operands;
  const outSpec = op.results[0];
  if (idxSpec?.kind !== 'tensor' || wSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor')
    return unmodeled(op.name, 'operands are not tensors');
  const steps: Step[] = [];
  let rmWeight = wSpec;
  if (wSpec.layout.kind === 'layout' && wSpec.layout.pageLayout === 'tile') {
    const u = toLayoutStep(op, ctx, 'untilize weights', wSpec, 'row_major');
    steps.push(u.step);
    rmWeight = u.to;
  }
  const rmOut = specWith(outSpec, { pageLayout: 'row_major' });
  // TILE indices go to the prim as they are (the tilized-indices factory, a row-major result) [5].
  const tileIdx = idxSpec.layout.kind === 'layout' && idxSpec.layout.pageLayout === 'tile';
  steps.push({
    label: tileIdx ? 'embedding on tiled indices' : 'row-major embedding',
    result: estimateEmbedding(stepOp(op, 'ttnn.embedding', [idxSpec, rmWeight], [rmOut]), ctx),
  });
  if (outSpec.layout.kind === 'layout' && outSpec.layout.pageLayout === 'tile')
    steps.push(toLayoutStep(op, ctx, 'tilize result', rmOut, 'tile').step);
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    confidence: 'approx',
    approxReason:
      "program sequence of ttnn::embedding for tiled weights / a TILE result (the typecast after a TILE result whose dtype is not the weights' is not sized)",
    citations: [CITES_TILED.composite],
  });
}

export function estimateEmbeddingBackward(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const indices = resolveTensor(op.operands[0], 'indices');
  if (typeof indices === 'string') return unmodeled(op.name, indices);
  const grad = resolveTensor(op.operands[2], 'in_gradient');
  if (typeof grad === 'string') return unmodeled(op.name, grad);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const idxElem = elementBytes(indices.dtype);
  if (idxElem === undefined) return unmodeled(op.name, `index dtype ${indices.dtype} has no element size`);
  const embeddingTiles = Math.ceil((grad.padded[grad.padded.length - 1] ?? 32) / 32);
  const split = splitWorkToCores(gridArea(ctx), embeddingTiles);
  const m = split.maxUnitsPerCore;
  const tg = tileBytes(grad.dtype);
  const to = tileBytes(output.dtype);
  return finishProgram({
    op,
    ctx,
    factory: 'EmbeddingBackwardProgramFactory',
    factoryReason: `${embeddingTiles} embedding tiles over ${split.nCores} cores (max ${m} per core)`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'grad tiles', nPages: m, pageBytes: tg },
      { index: 1, role: 'index values', nPages: 1, pageBytes: 32 * idxElem },
      { index: 2, role: 'output tiles (read back)', nPages: m, pageBytes: to },
      { index: 24, role: 'mask', nPages: 1, pageBytes: 32 },
      { index: 25, role: 'chunk count scratch', nPages: 1, pageBytes: 16 },
      { index: 16, role: 'output tiles', nPages: m, pageBytes: to },
    ],
    confidence: 'exact',
    citations: [CITES_TILED.backward, CITE.workSplit],
  });
}
