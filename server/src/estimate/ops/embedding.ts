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
 * Assumptions: tiled weights use another factory (unmodeled). Chunking is the change point `embedding-row-chunks`
 *   (tt-metal PR #42548, opened 2026-04-17 for issue #42434, whose 2026-04-16 build still allocated the whole row:
 *   3,249,696 B for (32, 1572864) bf16 rows, reproduced exactly in test/unit/analysis/threads.test.ts).
 * Worked example: weights tensor<4x4884480xbf16> RM, indices 1x6: chunk = 9,768,960 B, one row per core →
 *   c_0 = 9,768,960 B: overflows L1 (the seed's %10); asserted in test/unit/analysis/seed.test.ts.
 */

import { atOrAfter } from '../changePoints';
import { elementBytes } from '../../ttnn/dtype';
import { alignUp, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

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
  if (weight.layout.pageLayout !== 'row_major') return unmodeled(op.name, 'embedding with tiled weights uses the tilized factory (not modeled)');
  if (weight.layout.bufferType === 'system_memory') return unmodeled(op.name, 'weights on host');
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
    op, ctx, factory: 'EmbeddingsRMProgramFactory',
    factoryReason: `${rows} output rows over ${split.nCores} cores (max ${split.maxUnitsPerCore} per core → ${buffering === 2 ? 'double' : 'single'}-buffered); ${chunked ? `weight rows of ${rowBytes} B streamed in ${chunk} B chunks` : `one page = a whole weight row of ${rowBytes} B`}`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'output rows', nPages: buffering, pageBytes: chunk },
      { index: 1, role: 'indices', nPages: 1, pageBytes: Math.max(1, Math.floor(align / iElem)) * alignUp(iElem, 32) },
    ],
    confidence: 'exact', citations: [CITE_EMB, CITE.workSplit],
    notes: [],
  });
}
