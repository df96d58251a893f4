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
 *   and tilize(result) (composite.ts). TILE indices are read as they are (the tilized-indices factory's CBs are small).
 *   In the goldens' build this reproduces 2 · Wt_weight · T: 16,384 B for 256x128 bf16 weights (TestOpModelInterface
 *   .cpp@b73fc81:3506) and 32,768 B for 512x256 (TestOpModelLib.cpp@b73fc81:3587).
 *
 * `ttnn.embedding_bw` (estimateEmbeddingBackward) [2]: split_work_to_cores(grid, E/32 embedding tiles), m = max tiles per
 *   core: c_0 grad = m · T(grad), c_1 index = 32 · idxElem, c_2 = m · T(out), c_24 mask = 32 B, c_25 = 16 B,
 *   c_16 = m · T(out). 1x1x2048x4096 bf16 grad, bf16 indices: m = ceil(128/64) = 2 → 3 · 4,096 + 64 + 32 + 16 =
 *   12,400 B (golden TestOpModelInterface.cpp@b73fc81:3593).
 *   [2] tt-metal ttnn/cpp/ttnn/operations/embedding_backward/device/embedding_backward_program_factory.cpp@03aed27
 *
 * Assumptions: chunking is the change point `embedding-row-chunks`
 *   (tt-metal PR #42548, opened 2026-04-17 for issue #42434, whose 2026-04-16 build still allocated the whole row:
 *   3,249,696 B for (32, 1572864) bf16 rows, reproduced exactly in test/unit/analysis/threads.test.ts).
 * Worked example: weights tensor<4x4884480xbf16> RM, indices 1x6: chunk = 9,768,960 B, one row per core →
 *   c_0 = 9,768,960 B: overflows L1 (the seed's %10); asserted in test/unit/analysis/seed.test.ts.
 */

import { atOrAfter } from '../changePoints';
import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';

const CITE_EMB = 'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_rm_program_factory.cpp@0021b0d';
const MAX_CHUNK_BYTES = 1024 * 1024;

export function estimateEmbedding(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const indices = resolveTensor(op.operands[0], 'indices');
  if (typeof indices === 'string') return unmodeled(op.name, indices);
  const weight = resolveTensor(op.operands[1], 'weight');
  if (typeof weight === 'string') return unmodeled(op.name, weight);
  // The output layout picks the factory (row-major vs tilized); without it there is no number to give.
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (weight.layout.bufferType === 'system_memory') return unmodeled(op.name, 'weights on host');
  if (weight.layout.pageLayout !== 'row_major') return tiledEmbedding(op, ctx);
  const wElem = elementBytes(weight.dtype);
  const iElem = elementBytes(indices.dtype) ?? 4;
  if (wElem === undefined) return unmodeled(op.name, `weight dtype ${weight.dtype} has no row-major size`);
  const rowBytes = weight.logical[weight.logical.length - 1] * wElem;
  // `alignment` is the index buffer's (tt-metal: a.buffer()->alignment()).
  const align = indices.layout.bufferType === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes;
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
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'output rows', nPages: buffering, pageBytes: chunk },
      { index: 1, role: 'indices', nPages: 1, pageBytes: Math.max(1, Math.floor(align / iElem)) * alignUp(iElem, 32) },
    ],
    confidence: 'exact',
    citations: [CITE_EMB, CITE.workSplit],
    notes: [],
  });
}

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
  const rmIdx =
    idxSpec.layout.kind === 'layout' && idxSpec.layout.pageLayout === 'tile'
      ? specWith(idxSpec, { pageLayout: 'row_major' })
      : idxSpec;
  steps.push({
    label: 'row-major embedding',
    result: estimateEmbedding(stepOp(op, 'ttnn.embedding', [rmIdx, rmWeight], [rmOut]), ctx),
  });
  if (outSpec.layout.kind === 'layout' && outSpec.layout.pageLayout === 'tile')
    steps.push(toLayoutStep(op, ctx, 'tilize result', rmOut, 'tile').step);
  return largestStep(op, ctx, steps, {
    confidence: 'approx',
    approxReason:
      'program sequence of ttnn::embedding for tiled weights / a TILE result; tiled indices read as row-major sticks',
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
