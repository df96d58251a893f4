/**
 * L1 estimate for copies: `ttnn.assign`, `ttnn.copy` and the interleaved → interleaved path of `ttnn.to_memory_config`
 * (all run tt-metal's copy device operation).
 *
 * Formula (bytes per core):
 *   c_0 = 2 input pages; a dtype change adds c_16 = 2 output pages                                     [1]
 *   page = tile bytes (tile layout) or round_up(row bytes, 32) (row-major: one row per page); the row aligned
 *   to its buffer's alignment from change point `copy-rm-page-buffer-alignment` (PR #29189)         [1]
 *   cores: split_work_to_cores(grid, pages)                                                             [1][2]
 * From change point `copy-default-row-major-subblocks` (PR #40964) that program runs only when the input and output
 * memory configs are equal and its CBs stay under l1_size − base [3]; otherwise a row-major copy runs the default
 * row-major program [4]:
 *   c_0 = min(input page, 256 KiB) (one page), c_1 = 2 · min(round_up(output page, output alignment), 256 KiB)
 *   cores: split_work_to_cores(grid, logical rows); printed range: the first CoreRange of its column-wise all_cores,
 *   which both CBs are created on [4]
 * and a tiled one the default tilized program [5], whose CBs are the old ones (2 input tiles, + 2 output tiles on a
 * dtype change) but whose factory is its own (named `CopyDeviceOperation (default tilized)`: its overflow wording
 * follows its own Metal 2.0 port).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_program_factory.cpp (num_input_units = 2,
 *       output CB only when convert_dtype)
 *   [2] tt-metal tt_metal/common/work_split.cpp (split_work_to_cores)
 *   [3] tt-metal …/copy/device/copy_device_operation.cpp (search index id 52470118365: select_program_factory,
 *       can_use_specialized_factory)
 *   [4] tt-metal …/copy/device/copy_default_row_major_program_factory.cpp@040a27c (MAX_SUBBLOCK_SIZE_BYTES)
 *   [5] tt-metal …/copy/device/copy_default_tilized_program_factory.cpp@04b3405
 *
 * Assumptions: sharded operands use the same CB set ('approx'); `ttnn.copy` writes into its second operand (no result).
 *   to_memory_config's tiled interleaved copy is `exact` inside read span copy-tile-interleaved.
 * Worked example: assign of 64x64 f32 tiles DRAM → DRAM: 2 · 4,096 = 8,192 B (tt-mlir OpModel golden
 *   TestOpModelLib.cpp@b73fc81:5822); to bf16: + 2 · 2,048 = 12,288 B.
 *   Row-major (32, 256000) bf16 L1 → DRAM after PR #40964: rows of 512,000 B, c_0 262,144 + c_1 2 · 262,144 =
 *   786,432 B on 32 cores (tt-mlir #7899).
 */

import { alignUp, isSharded, type TensorLayout } from '../../ttnn/layout';
import { atOrAfter, readSpanUnreadReason, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
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
import { unmodeled } from '../types';
import { noProgram } from './noProgram';

const CITE_COPY =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_program_factory.cpp (CopyDeviceOperation)';
const CITE_COPY_DEFAULT_RM =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_default_row_major_program_factory.cpp@040a27c (DefaultRowMajor)';
const CITE_COPY_DEFAULT_TILIZED =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_default_tilized_program_factory.cpp@04b3405 (DefaultTilized)';
const CITE_COPY_SELECT =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/copy/device/copy_device_operation.cpp (index id 52470118365: select_program_factory)';

/** A CB page of the copy program [1]: a tile, or a row rounded up to 32 B — to its buffer's alignment from change point
 *  'copy-rm-page-buffer-alignment' (asked only when the two differ, so a window is not split for nothing). */
function pageBytes(t: ResolvedTensor, ctx: EstimateContext): number {
  if (t.layout.pageLayout === 'tile') return t.geometry.pageBytes;
  const roundedTo32 = alignUp(t.geometry.pageBytes, 32);
  const bufferAligned = alignUp(t.geometry.pageBytes, bufferAlignmentBytes(t, ctx));
  if (roundedTo32 === bufferAligned) return roundedTo32;
  return atOrAfter(ctx, 'copy-rm-page-buffer-alignment') ? bufferAligned : roundedTo32;
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
  const cbs = [{ index: 0, role: 'input pages', nPages: 2, pageBytes: pageBytes(input, ctx) }];
  if (convert)
    cbs.push({ index: 16, role: 'output pages (dtype change)', nPages: 2, pageBytes: pageBytes(output, ctx) });
  // [3]: since PR #40964 the program above is the "same memory config" one; anything else takes a default program,
  // which differs from it in CBs only for row-major tensors. The tiled one is another factory all the same (its own
  // Metal 2.0 port, change point copy-default-dataflow-buffers, words its overflow differently).
  // A copy the same-memory-config program takes runs it at every build: the change point is asked only otherwise, so a
  // window straddling it is not split for a figure that cannot differ.
  const oldCbBytes = cbs.reduce((sum, cb) => sum + cb.nPages * cb.pageBytes, 0);
  const sameConfig = sameMemoryConfig(input.layout, output.layout);
  const specialized = sameConfig && oldCbBytes < ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  let defaultTilized = false;
  if (!specialized && atOrAfter(ctx, 'copy-default-row-major-subblocks')) {
    if (input.layout.pageLayout === 'row_major')
      return defaultRowMajorCopy(op, ctx, input, output, why, sameConfig, citations);
    defaultTilized = true;
  }
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, input.geometry.nPages));
  const sharded = isSharded(input.layout) || isSharded(output.layout);
  // Read span copy-tile-interleaved: to_memory_config's interleaved → interleaved copy of a TILE tensor (ttnn.copy's and
  // ttnn.assign's own dispatch was not read with it).
  const tileSpan = op.name === 'ttnn.to_memory_config' && !sharded && input.layout.pageLayout === 'tile';
  const tileSpanRead = !tileSpan || windowReadableWithinReadSpan(ctx, 'copy-tile-interleaved');
  return finishProgram({
    op,
    ctx,
    factory: defaultTilized ? 'CopyDeviceOperation (default tilized)' : 'CopyDeviceOperation',
    factoryReason: `${why}: ${defaultTilized ? 'not the same-memory-config program, so the default tilized one (tt-metal PR #40964), ' : ''}${input.geometry.nPages} pages over ${split.nCores} cores${convert ? `; ${input.dtype} → ${output.dtype} adds an output CB` : ''}`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs,
    confidence: sharded || !tileSpanRead ? 'approx' : 'exact',
    approxReason: sharded
      ? 'sharded copy assumed to use the interleaved CB set'
      : tileSpanRead
        ? ''
        : readSpanUnreadReason('the tiled copy under to_memory_config was', 'copy-tile-interleaved', 'before'),
    citations: [
      ...(defaultTilized ? [CITE_COPY_DEFAULT_TILIZED, CITE_COPY_SELECT] : [CITE_COPY]),
      ...citations,
      CITE.workSplit,
      ...(tileSpan ? [readSpanCite('copy-tile-interleaved')] : []),
    ],
  });
}

/** tt-metal's MemoryConfig equality as the copy factory selection uses it [3]: buffer type, memory layout, shard spec. */
function sameMemoryConfig(a: TensorLayout, b: TensorLayout): boolean {
  if (a.bufferType !== b.bufferType || a.memoryLayout !== b.memoryLayout) return false;
  if (!isSharded(a)) return true;
  return (
    a.shardShape.join('x') === b.shardShape.join('x') &&
    a.gridShape.join('x') === b.gridShape.join('x') &&
    JSON.stringify(a.coreRanges) === JSON.stringify(b.coreRanges)
  );
}

/** [4] One input page and two aligned output pages, each capped at 256 KiB: wider rows move in 256 KiB sub-blocks. */
const COPY_SUBBLOCK_MAX_BYTES = 65_536 * 4;

function defaultRowMajorCopy(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  why: string,
  sameConfig: boolean,
  citations: readonly string[],
): OpEstimateResult {
  const outAlign = bufferAlignmentBytes(output, ctx);
  const inputPageBytes = Math.min(input.geometry.pageBytes, COPY_SUBBLOCK_MAX_BYTES);
  const outputPageBytes = Math.min(alignUp(output.geometry.pageBytes, outAlign), COPY_SUBBLOCK_MAX_BYTES);
  const lastDim = input.logical[input.logical.length - 1] ?? 1;
  const rows = Math.max(1, Math.round(input.logical.reduce((p, d) => p * d, 1) / Math.max(1, lastDim)));
  const split = splitWorkToCores(gridArea(ctx), rows);
  const sharded = isSharded(input.layout) || isSharded(output.layout);
  return finishProgram({
    op,
    ctx,
    factory: 'CopyDeviceOperation (default row-major)',
    factoryReason: `${why}: ${sameConfig ? 'two whole rows reach l1_size − base' : 'input and output memory configs differ'}, so the default row-major copy (tt-metal PR #40964) runs, ${rows} rows over ${split.nCores} cores${input.geometry.pageBytes > COPY_SUBBLOCK_MAX_BYTES ? ', in 256 KiB sub-blocks' : ''}`,
    // split_work_to_cores' default (column-wise) split; both CBs on all_cores [4].
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col', {
      order: 'col',
      ctx,
      descriptorsFrom: 'copy-program-descriptors',
    }),
    cbs: [
      { index: 0, role: 'input page', nPages: 1, pageBytes: inputPageBytes },
      { index: 1, role: 'output pages', nPages: 2, pageBytes: outputPageBytes },
    ],
    confidence: sharded ? 'approx' : 'exact',
    approxReason: sharded ? 'sharded row-major copy: the page is taken as the tensor row' : '',
    citations: [CITE_COPY_DEFAULT_RM, CITE_COPY_SELECT, ...citations, CITE.workSplit],
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
