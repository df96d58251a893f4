/**
 * L1 estimate for `ttnn.concat` on interleaved tensors.
 *
 * Formula (bytes per core):
 *   c_0 = d · page, page = T(out) (tile) or align(out_row_bytes, max(input/output buffer alignment)) (row-major) [1]
 *   d = 2, or 1 from tt-metal PR #43898 on when 2 · page > l1_size/2 − base                        [1][2]
 *   tiled inputs concatenated on the last dim with a last dim not a multiple of 32: ttnn::concat untilizes and
 *   concatenates row-major on the last-but-one dim of the transposed tensors, so page = one row of the
 *   transposed output = align(H_out · elem, alignment)                                            [2][3]
 *   — unless every input row's bytes are a multiple of its buffer's alignment (bf16 width 16, f32 width 8 in DRAM):
 *   then no transpose, the untilized rows are concatenated on the last dim, page = align(W_out · elem, alignment) [1]
 *   cores: split_work_to_cores(grid, output pages), column-major                                  [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_program_factory.cpp@d95c1ad;
 *       ttmetal-l1-model.md §4.15
 *   [2] tt-metal PR #43898 (issue #43893: 4×(217413,1) f32 on dim 1 grew to 1,843,072 B: page ≈ 870 KB, two pages)
 *   [3] tt-metal issue #43371 (int32 [1993728,3] + [1993728,1] on dim 1); tt-mlir PR #8237 review (2026-05-04):
 *       "whenever last dim is not tile aligned metal permutes the last two dims"
 *
 * L1-sharded operands run the zero-copy sharded factories [4] (a DRAM-sharded side runs the generic factory above):
 *   S2I (sharded in, interleaved out), S2S multi / S2S row-major / block-sharded: every CB is bound to a shard (no
 *   CB-region bytes); S2S tiled (two tiled height-sharded inputs on W): + c_3 = w0·T', c_4 = w1·T', c_5 = (w0+w1)·T',
 *   c_6 = (w0+w1)·T, w = shard width in tiles, T' = bf16 tile for bfp8 inputs else T. Validation: all or none sharded,
 *   one memory layout, W concat only height/block-sharded, H concat only width/block-sharded, no other dim ('illegal').
 *   [4] concat_device_operation.cpp@0029bb1 (select_program_factory, validate), concat_s2s_multi_program_factory.cpp@019b681,
 *       concat_s2s_tiled_program_factory.cpp@09b4c34, concat_s2s_rm_program_factory.cpp@03725f2,
 *       concat_s2i_program_factory.cpp@050f24f, concat_block_sharded_program_factory.cpp@01c8afe ('approx': 2026
 *       builds read; the block-sharded factory and S2I come with change point concat-sharded-block-and-s2i (PR #41743),
 *       before which validation rejects block-sharded inputs, two width-sharded ones and an output of another layout);
 *       more than two height-sharded rank-4 inputs on W `exact` inside read span concat-s2s-multi-height-sharded-w
 *       (select_program_factory, validate and the S2S multi factory read at every commit 498e08d … 622c6fb)
 *
 *   [5] tt-metal PR #46321 (change point concat-unaligned-chunking; concat.cpp after it, search index id 54616107264):
 *       when the transposed page align(elem · dim[-2], buffer alignment) exceeds l1_capacity = l1_size − base, the
 *       inputs are sliced along dim[-2] into chunks of floor(l1_capacity / (2·elem) / tile_h) · tile_h rows, each chunk
 *       concatenated (the program sized here, for a full chunk), then the chunk results concatenated along dim[-2]
 *       (tiled pages). tt-mlir's own chunking of PR #8237 (2026-05-11 .. PR #8837, 2026-06-19) used the same rows
 *       (getUsableL1Size = l1_size − base), so its IR carries the chunk concats themselves (tt-mlir PR #8412's figure).
 *
 *   [6] concat_device_operation.cpp (concat_impl, calculate_max_tensors_per_concat): more interleaved inputs than one
 *       program's argument budget are concatenated in batches, then the batch results: 50 a batch from tt-metal PR
 *       #33009 (14d91b5), 47 from PR #41073 (efa765c); before PR #33009 one program took them all. From PR #43898 a
 *       page above l1_size − base is a TT_FATAL ("required CB page size ... exceeds per-core L1 capacity").
 *       concat_impl@efa765c / @14d91b5: consecutive batches (the last one shorter), each concat_impl'd into a tensor of
 *       the output's memory config, then concat_impl of those results (batched again past the limit); the rewrite of
 *       an unaligned last dim happens before it, in concat.cpp, on the op's own inputs. Every program is sized
 *       (batchedConcat): a batch result's rows can be wider than any input's, so the last concat's page the largest.
 *
 *   [7] concat.cpp's massaged path (build_untilize_rm_retilize_concat sequenced with build_non_aligned_last_dim_concat),
 *       read at every commit of read span concat-massaged-rm-path-2025 (2024-12-20..2025-08-14): a tiled input padded
 *       along the concat dim (an unaligned last dim, or H on dim −2) sends every input through ttnn::untilize and a
 *       slice to its logical shape, a last-dim concat of rows not buffer-aligned through transpose(−2, −1) and back,
 *       and a tiled result through pad_to_tile_vol and tilize_with_val_padding; each program sized by its own estimator
 *       (massagedConcat). Outside the span only the concat program is sized, 'approx'. tt-mlir's ConcatOp carried a DPS
 *       output operand until tt-mlir PR #2308 (2025-02-28), recognised by its extents and dropped.
 *
 *   [8] concat.cpp from PR #26885 (29dcc7f, 2025-08-15; change point concat-rm-untilize-with-unpadding-no-pad), read at
 *       every commit to 58430ab~1 (read span concat-massaged-rm-path-2025-26, 2025-08-15..2026-06-11): each tiled input
 *       untilize_with_unpadding'd to its logical shape in its own memory config, the same transposes, the concat into
 *       the output's memory config, then tilize_with_val_padding straight to the tile-padded shape (no pad program).
 *       Rank-1 inputs (PRs #32109 / #33634 change their routing inside) and the chunked transposes of PR #46321
 *       (58430ab, 2026-06-12) are left out of the span.
 *
 *   [9] read span concat-interleaved-factory (2025-01-01..2026-06-23, session 33): concat_program_factory.cpp's interleaved
 *       program and concat_device_operation.cpp's selection, validation and concat_impl at every commit 2edaca7 …
 *       622c6fb. The row-major page aligns to max(input 0's alignment, the output's) (8473c4d, PR #17122; before it
 *       every buffer took the larger of the L1 and DRAM alignments); rank-1 inputs are left out (approx). From PR
 *       #41073 to PR #42109 the batch size was 47 or 49 by cluster type (change point concat-batches-of-47-all). From
 *       PR #41566 (change point concat-interleaved-to-sharded-rejected) interleaved inputs into a sharded output are
 *       refused ('illegal'); before, approx.
 *
 * Assumptions: the unaligned-last-dim rewrite is taken from PR
 *   #43898's description (untilize_rm_retilize_concat + non_aligned_last_dim_concat), not read from concat.cpp:
 *   'approx', and only the concat program is estimated (the untilize/tilize around it are separate programs).
 * Worked example: concat of two 64x1024 bf16 tiled tensors on dim 0 → 2·2,048 = 4,096 B (tt-mlir OpModel golden).
 *   Issue #43893: page = align(217,413·4, 32) = 869,664; 2 pages + base 103,744 (main of 2026-05-08) = 1,843,072 B, tt-metal's
 *   figure; tt-xla #4583's pinned tt-metal (base 103,712) printed 1,843,040.
 */

import {
  atOrAfter,
  readSpanCite,
  windowReadableWithinReadSpan,
  windowWithinReadSpan,
  readSpanUnreadReason,
} from '../changePoints';
import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded, shardCoreCount } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  bufferAlignmentBytes,
  CITE,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propInt,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { CbSpec } from '../common';
import { largestStep, specWith, stepOp, type Step } from './composite';
import type { PropValue, TensorSpec } from '../../ttnn/op';
import { estimatePad } from './pad';
import { estimateTranspose } from './permute';
import { estimateSlice } from './slice';
import { tilizeWithValPaddingSingleCore } from './tilize';
import { estimateTilizeOp, estimateUntilizeOp } from './toLayout';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';

const CITE_CONCAT = 'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_program_factory.cpp@d95c1ad';
const CITE_INTERLEAVED_INTO_SHARDED =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_device_operation.cpp@f11fd1a … @622c6fb (validate_on_program_cache_miss; PR #41566)';
const INTERLEAVED_UNREAD = readSpanUnreadReason(
  'the interleaved concat program was',
  'concat-interleaved-factory',
  'outside',
);
const CITE_PAGE_GUARD = 'tt-metal PR #43898 (concat program factory: a CB page above l1_size − base is a TT_FATAL)';
const CITE_CHUNKING =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/concat.cpp after PR #46321 (search index id 54616107264: chunk_rows)';

export function estimateConcat(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const resolved = resolveConcat(op);
  if (typeof resolved === 'string') return unmodeled(op.name, resolved);
  const { inputs, output, dim, rank } = resolved;
  let dramShardedNote: string | undefined;
  if (inputs.some((t) => isSharded(t.layout)) || isSharded(output.layout)) {
    const sharded = shardedConcat(op, ctx, inputs, output, dim, rank);
    if (sharded !== undefined) return sharded;
    // Interleaved inputs into a sharded output: refused from PR #41566 [9]; before it the interleaved program ran with a
    // sharded output (its kernel failed to compile, tt-metal #41469), not modeled.
    const interleavedIntoSharded = !inputs.some((t) => isSharded(t.layout));
    if (interleavedIntoSharded && atOrAfter(ctx, 'concat-interleaved-to-sharded-rejected'))
      return illegal(
        op.name,
        'Cannot concat interleaved inputs into a sharded output. Either shard the inputs first or use an interleaved output memory config.',
        CITE_INTERLEAVED_INTO_SHARDED,
      );
    dramShardedNote = interleavedIntoSharded
      ? 'interleaved inputs into a sharded output: before tt-metal PR #41566 the interleaved program ran with it (its kernel failed to compile, tt-metal #41469), not modeled'
      : 'DRAM-sharded operands run the generic factory (concat_device_operation.cpp@0029bb1 uses_zero_copy_sharded_factory), read at a 2026 build';
  }
  const rewrite = rewriteOf(inputs, output, dim, rank, ctx, false);
  // Within the builds whose concat.cpp was read commit by commit, the rewrite's programs are sized one by one [7]; from
  // PR #26885 the untilized inputs keep their own memory config, so the unaligned-row test takes their alignment [8].
  if (rewrite.untilizeRetilize || rewrite.transposeRows) {
    if (windowWithinReadSpan(ctx, 'concat-massaged-rm-path-2025')) return massagedConcat(op, ctx, resolved, rewrite);
    if (
      rank >= 2 &&
      windowReadableWithinReadSpan(ctx, 'concat-massaged-rm-path-2025-26') &&
      !chunkedByPr46321(ctx, resolved, rewriteOf(inputs, output, dim, rank, ctx, true))
    )
      return massagedConcat(op, ctx, resolved, rewriteOf(inputs, output, dim, rank, ctx, true));
  }
  // More interleaved inputs than one program takes run in batches, then the concat of the batch results [6].
  // (DRAM-sharded inputs batch by the sharded limit, not modeled: no batching assumed for them.)
  const batchSize = dramShardedNote === undefined ? interleavedBatchSize(ctx, inputs.length) : undefined;
  if (batchSize !== undefined) return batchedConcat(op, ctx, rewrite, batchSize);
  return concatProgram(op, ctx, resolved, rewrite, dramShardedNote);
}

/**
 * Whether concat.cpp's guard of PR #46321 (58430ab, change point concat-unaligned-chunking) takes the op before the
 * massaged chain [5]: a last-dim concat whose rows the transpose fallback moves (transposeRows) and whose transposed
 * page, the first input's dim[-2] · elem aligned to max(its buffer's, the output's alignment), exceeds l1_size − base.
 * That path (slices, a concat per chunk, a dim[-2] concat) is not sized step by step.
 */
function chunkedByPr46321(
  ctx: EstimateContext,
  { inputs, output, dim, rank }: ResolvedConcat,
  rewrite: Rewrite,
): boolean {
  if (!rewrite.transposeRows || dim !== rank - 1) return false;
  const first = inputs[0];
  const elem = elementBytes(first.dtype);
  if (elem === undefined) return false;
  const align = Math.max(bufferAlignmentBytes(first, ctx), bufferAlignmentBytes(output, ctx));
  const page = alignUp(first.logical[rank - 2] * elem, align);
  return page > ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase && atOrAfter(ctx, 'concat-unaligned-chunking');
}

interface ResolvedConcat {
  readonly inputs: readonly ResolvedTensor[];
  /** The input operands' specs, in order (without a DPS output operand). */
  readonly inputSpecs: readonly TensorSpec[];
  readonly output: ResolvedTensor;
  readonly dim: number;
  readonly rank: number;
}

function resolveConcat(op: TtnnOp): ResolvedConcat | string {
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return output;
  const inputs: ResolvedTensor[] = [];
  const inputSpecs: TensorSpec[] = [];
  for (const [i, spec] of op.operands.entries()) {
    if (spec.kind !== 'tensor') continue;
    const t = resolveTensor(spec, `input ${i}`);
    if (typeof t === 'string') return t;
    inputs.push(t);
    inputSpecs.push(spec);
  }
  const rank = output.logical.length;
  const dimRaw = propInt(op, 'dim') ?? 0;
  const dim = dimRaw < 0 ? dimRaw + rank : dimRaw;
  // tt-mlir's ConcatOp was destination-passing until tt-mlir PR #2308 (7bc75fc, 2025-02-28): its last operand is then the
  // output buffer (`$inputs, $output`, TTNNOps.td@7bc75fc^), recognised by its extents: the others sum to the result's.
  const extent = (ts: readonly ResolvedTensor[]): number => ts.reduce((n, t) => n + (t.logical[dim] ?? 0), 0);
  const last = inputs[inputs.length - 1];
  if (
    inputs.length >= 3 &&
    last !== undefined &&
    extent(inputs) !== output.logical[dim] &&
    extent(inputs.slice(0, -1)) === output.logical[dim] &&
    last.logical.length === rank &&
    last.logical.every((d, i) => d === output.logical[i])
  ) {
    inputs.pop();
    inputSpecs.pop();
  }
  return { inputs, inputSpecs, output, dim, rank };
}

/**
 * ttnn::concat's rewrite of tiled inputs concatenated on a last dim that is not a tile multiple, decided once on the
 * op's own inputs (concat.cpp builds it before concat_impl batches them) [1][2][5]: untilized and transposed, unless
 * every input row's bytes are a multiple of its buffer's alignment (then the untilized rows on the last dim).
 */
interface Rewrite {
  readonly unalignedLastDim: boolean;
  readonly rowsAligned: boolean;
  /** build_untilize_rm_retilize_concat's predicate: a tiled input padded along the concat dim [7]. */
  readonly untilizeRetilize: boolean;
  /** build_non_aligned_last_dim_concat's predicate on the row-major tensors concatenated: a last-dim concat with a row
   *  whose bytes are not a multiple of its buffer's alignment (the tiled inputs' rows after the untilize and slice, in
   *  the output's memory config) [7]. */
  readonly transposeRows: boolean;
}

function rewriteOf(
  inputs: readonly ResolvedTensor[],
  output: ResolvedTensor,
  dim: number,
  rank: number,
  ctx: EstimateContext,
  untilizedKeepInputConfig: boolean,
): Rewrite {
  const elem = elementBytes(output.dtype);
  const untilizeRetilize = inputs.some((t) => t.layout.pageLayout === 'tile' && t.logical[dim] !== t.padded[dim]);
  const rowMajor = untilizeRetilize || inputs.every((t) => t.layout.pageLayout === 'row_major');
  return {
    unalignedLastDim:
      output.layout.pageLayout === 'tile' &&
      rank >= 2 &&
      dim === rank - 1 &&
      inputs.some((t) => t.logical[t.logical.length - 1] % 32 !== 0),
    // build_non_aligned_last_dim_concat: padded_shape[dim] · element_size % buffer()->alignment(), the row-major
    // copies keeping the inputs' buffer type; a tile-padded but aligned width (bf16 16, f32 8) is concatenated as
    // untilized rows on the last dim.
    rowsAligned:
      elem !== undefined &&
      inputs.every((t) => ((t.logical[t.logical.length - 1] ?? 0) * elem) % bufferAlignmentBytes(t, ctx) === 0),
    untilizeRetilize,
    transposeRows:
      rowMajor &&
      rank >= 2 &&
      dim === rank - 1 &&
      elem !== undefined &&
      inputs.some(
        (t) =>
          ((t.logical[dim] ?? 0) * elem) %
            bufferAlignmentBytes(t.layout.pageLayout === 'tile' && !untilizedKeepInputConfig ? output : t, ctx) !==
          0,
      ),
  };
}

/**
 * concat_impl's batches [6]: the inputs in consecutive batches of `batchSize`, each concatenated into a tensor of the
 * output's memory config, then those results concatenated (batched again when there are more of them than a program
 * takes). Each program is sized like a lone concat of its own inputs and output (a batch result's page can be larger:
 * its rows are wider than any input's), the rewrite decided on the op's inputs; the op's figure is the first program
 * past L1, else the largest (largestStep), and the batch results stay allocated until the last program has read them.
 */
function batchedConcat(op: TtnnOp, ctx: EstimateContext, rewrite: Rewrite, batchSize: number): OpEstimateResult {
  const outSpec = op.results[0];
  const resolved = resolveConcat(op);
  if (typeof resolved === 'string') return unmodeled(op.name, resolved);
  if (outSpec?.kind !== 'tensor' || outSpec.shape.kind !== 'known')
    return unmodeled(op.name, 'batched concat with an unknown output shape');
  const { dim } = resolved;
  const specs = op.operands.filter((s): s is TensorSpec => s.kind === 'tensor');
  const steps: Step[] = [];
  const results: TensorSpec[] = [];
  let clonedNote = '';
  for (let first = 0; first < specs.length; first += batchSize) {
    const batch = specs.slice(first, first + batchSize);
    const batchInputs = resolved.inputs.slice(first, first + batchSize);
    // A batch of one input runs no concat: concat_impl returns the tensor itself when its memory config is the
    // output's, else ttnn::clone's copy of it in the output's memory config (not sized here).
    const lone = batchInputs.length === 1 ? batchInputs[0] : undefined;
    if (lone !== undefined) {
      const same =
        lone.layout.bufferType === resolved.output.layout.bufferType &&
        lone.layout.memoryLayout === resolved.output.layout.memoryLayout;
      results.push(same ? batch[0] : specWith(batch[0], { bufferType: resolved.output.layout.bufferType }));
      if (!same)
        clonedNote = `the lone last input ${first} is cloned into the output's memory config (ttnn::clone, not sized)`;
      continue;
    }
    const extent = batchInputs.reduce((n, t) => n + (t.logical[dim] ?? 0), 0);
    const dims = outSpec.shape.dims.map((v, i) => (i === dim ? extent : v));
    const result = specWith(outSpec, { dims });
    results.push(result);
    const batchOp = stepOp(op, 'ttnn.concat', batch, [result], { ...op.properties });
    const last = first + batch.length - 1;
    steps.push({
      label: `batch ${steps.length + 1} (inputs ${first}..${last}, ${extent} along dim ${dim})`,
      result: concatStep(batchOp, ctx, rewrite),
      resultHeldToLast: true,
    });
  }
  const finalOp = stepOp(op, 'ttnn.concat', results, op.results, { ...op.properties });
  steps.push({
    label: `concat of the ${results.length} batch results`,
    result:
      results.length > batchSize ? batchedConcat(finalOp, ctx, rewrite, batchSize) : concatStep(finalOp, ctx, rewrite),
  });
  // A program tt-metal rejects is the op's error in tt-metal's own words (the programs before it fit: with the page
  // guard a page fits one core's L1), the batch named after it.
  for (const step of steps)
    if (step.result.kind === 'illegal')
      return { ...step.result, opName: op.name, rule: `${step.result.rule}; in ${step.label}` };
  // From PR #41073 to PR #42109 the batch held 47 inputs on N300 / T3K clusters (Ethernet dispatch) and 49 on the
  // others (concat_device_operation.cpp@efa765c calculate_max_tensors_per_concat) [6]: the cluster is not known here.
  const clusterNote =
    batchSize === 47 && !atOrAfter(ctx, 'concat-batches-of-47-all')
      ? 'tt-metal PR #41073 batched 47 inputs on N300 / T3K clusters (Ethernet dispatch) and 49 on the others until PR #42109; the cluster is not known: 47 taken'
      : '';
  const batchNotes = [clonedNote, clusterNote].filter((n) => n !== '').join('; ');
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    ...(batchNotes !== '' && { approxReason: batchNotes }),
    citations: [
      `tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_device_operation.cpp (concat_impl: batches of ${batchSize}, then the concat of the batch results)`,
    ],
  });
}

function concatStep(op: TtnnOp, ctx: EstimateContext, rewrite: Rewrite): OpEstimateResult {
  const resolved = resolveConcat(op);
  if (typeof resolved === 'string') return unmodeled(op.name, resolved);
  return concatProgram(op, ctx, resolved, rewrite, undefined);
}

/** One interleaved concat program (ConcatProgramFactory) for the op's own inputs and output. */
function concatProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  { inputs, output, rank }: ResolvedConcat,
  { unalignedLastDim, rowsAligned, untilizeRetilize, transposeRows }: Rewrite,
  dramShardedNote: string | undefined,
): OpEstimateResult {
  // Outside read spans concat-massaged-rm-path-2025 and -2025-26 the untilize / transpose programs around this one are
  // not sized [7] [8].
  const unsizedRewrite =
    !unalignedLastDim && (untilizeRetilize || transposeRows)
      ? `concat.cpp's ${untilizeRetilize ? 'untilize and re-tilize' : 'transposes (−2, −1)'} around this program are sized only on the builds of read spans concat-massaged-rm-path-2025 and concat-massaged-rm-path-2025-26 (rank ≥ 2)`
      : '';
  // The row-major page aligns to max(input 0's buffer alignment, the output's) (common_align_len, from 8473c4d; the
  // output's alone before, when every buffer took the larger of the L1 and DRAM alignments) [1]. Asked only for a
  // row-major page with an L1 operand, whose alignment the change moves (a tile page splits no window).
  const first = inputs[0];
  const rowPageAlign = (): number =>
    [first, output].some((t) => t?.layout.bufferType === 'l1') && !atOrAfter(ctx, 'dram-l1-specific-alignment')
      ? Math.max(ctx.device.l1AlignmentBytes, ctx.device.dramAlignmentBytes)
      : Math.max(first === undefined ? 1 : bufferAlignmentBytes(first, ctx), bufferAlignmentBytes(output, ctx));
  const outLogical = output.logical;
  let page: number;
  let pages: number;
  let how: string;
  let chunkNote = '';
  const elem = elementBytes(output.dtype);
  const l1Capacity = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase;
  if (unalignedLastDim && elem !== undefined && rowsAligned) {
    const w = outLogical[rank - 1];
    page = alignUp(w * elem, rowPageAlign());
    pages = outLogical.reduce((n, d) => n * d, 1) / Math.max(1, w);
    how = `last dim not tile-aligned but its rows buffer-aligned → row-major concat of the untilized inputs on the last dim, page = one ${w}-element row`;
  } else if (unalignedLastDim) {
    if (elem === undefined) return unmodeled(op.name, `dtype ${output.dtype} has no row-major size`);
    const h = outLogical[rank - 2];
    page = alignUp(h * elem, rowPageAlign());
    pages = outLogical.reduce((n, d) => n * d, 1) / Math.max(1, h);
    how = `last dim not tile-aligned → row-major concat of the transposed tensors, page = one ${h}-element row`;
    // From PR #46321 a transposed row page above l1_size − base is avoided by slicing dim[-2] into chunks of
    // floor((l1_size − base) / (2·elem) / 32)·32 rows and concatenating each chunk [5]: the largest chunk's page.
    if (page > l1Capacity && atOrAfter(ctx, 'concat-unaligned-chunking')) {
      const chunkRows = Math.floor(Math.floor(l1Capacity / (2 * elem)) / 32) * 32;
      if (chunkRows <= 0)
        return illegal(
          op.name,
          `ttnn.concat: double-buffered tile-height chunk (2 x 32 x ${elem} B) exceeds L1 capacity (${l1Capacity} B)`,
          CITE_CHUNKING,
        );
      page = alignUp(chunkRows * elem, rowPageAlign());
      chunkNote = `; the ${h}-row page exceeds l1_size − base (${l1Capacity} B): ${Math.ceil(h / chunkRows)} chunks of ${chunkRows} rows (PR #46321), page = one ${chunkRows}-element row`;
    }
  } else {
    page =
      output.layout.pageLayout === 'tile'
        ? tileBytes(output.dtype)
        : alignUp(output.geometry.pageBytes, rowPageAlign());
    pages = output.geometry.nPages;
    how = `${pages} output pages`;
  }
  // From PR #43898 the factory rejects a page above l1_size − base before sizing the CB [2].
  if (page > l1Capacity && atOrAfter(ctx, 'concat-single-buffer-fallback'))
    return illegal(
      op.name,
      `ttnn.concat: required CB page size (${page} B) exceeds per-core L1 capacity (${l1Capacity} B); op cannot fit on this device (${how})`,
      CITE_PAGE_GUARD,
    );
  const budget = Math.floor(ctx.device.l1SizeBytes / 2) - ctx.device.l1UnreservedBase;
  // Asked only when the answer matters: two pages above the budget.
  const depth = 2 * page > budget && atOrAfter(ctx, 'concat-single-buffer-fallback') ? 1 : 2;
  const split = splitWorkToCores(gridArea(ctx), pages);
  const approxReasons = [
    unalignedLastDim
      ? "unaligned last-dim rewrite taken from tt-metal PR #43898's description, not from concat.cpp; the untilize/tilize around it are not included"
      : '',
    unsizedRewrite,
    dramShardedNote ?? '',
    // concat.cpp hands rank-1 row-major inputs with buffer-aligned rows to concat_impl as they are at every build; tiled
    // or unaligned ones go through paths that PRs #32109 / #33634 changed (untilize, unsqueeze): not read.
    rank < 2 && !rank1RowsDirect(inputs, ctx)
      ? "rank-1 tiled or unaligned inputs: concat.cpp's routing of them was not read"
      : '',
    // The program and its dispatch were read at every commit of read span concat-interleaved-factory [9].
    windowReadableWithinReadSpan(ctx, 'concat-interleaved-factory') ? '' : INTERLEAVED_UNREAD,
  ].filter((r) => r !== '');
  return finishProgram({
    op,
    ctx,
    factory: 'ConcatProgramFactory',
    factoryReason: `${how}${chunkNote} over ${split.nCores} cores${depth === 1 ? '; two pages exceed l1_size/2 − base → single-buffered (PR #43898)' : ''}`,
    // split_work_to_cores(grid, pages, row_wise = false) and c_0 on its all_cores (concat_multi_core,
    // concat_program_factory.cpp@00342c1): the message prints column 0's first cores, tt-metal #43371 / #43893 (0,0)-(0,3).
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col', {
      order: 'col',
      ctx,
      descriptorsFrom: 'concat-program-descriptors',
    }),
    cbs: [{ index: 0, role: 'pages', nPages: depth, pageBytes: page }],
    confidence: approxReasons.length > 0 ? 'approx' : 'exact',
    approxReason: approxReasons.join('; '),
    citations: [
      CITE_CONCAT,
      readSpanCite('concat-interleaved-factory'),
      CITE.workSplit,
      ...(unalignedLastDim ? ['tt-metal PR #43898', 'tt-metal issue #43371'] : []),
      ...(chunkNote !== '' ? [CITE_CHUNKING] : []),
    ],
  });
}

/** Rank-1 row-major inputs whose bytes are a multiple of their buffer's alignment (no massaging at any build) [9]. */
function rank1RowsDirect(inputs: readonly ResolvedTensor[], ctx: EstimateContext): boolean {
  const elem = elementBytes(inputs[0]?.dtype ?? 'bf16');
  return (
    elem !== undefined &&
    inputs.every(
      (t) => t.layout.pageLayout === 'row_major' && ((t.logical[0] ?? 0) * elem) % bufferAlignmentBytes(t, ctx) === 0,
    )
  );
}

const CITE_MASSAGED =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/concat.cpp@2edaca7 … @cdc0135 (build_untilize_rm_retilize_concat, build_non_aligned_last_dim_concat, MassagedOperation::sequence in data_movement/common/common.hpp, pad_to_tile_vol in common.cpp)';

/**
 * ttnn::concat's massaged path [7] as concat.cpp ran it on the builds of read span concat-massaged-rm-path-2025: every
 * tiled input (one padded along the concat dim makes them all go) is untilized whole (ttnn::untilize, in its own memory
 * config) and sliced to its logical shape (SliceDeviceOperation into the output's memory config; the reshape after it
 * returns the tensor as it is); on 2025-03-14 one untilize_with_unpadding instead (change points
 * concat-rm-untilize-with-unpadding and its revert). A last-dim concat of rows that are not buffer-aligned transposes
 * each (−2, −1) in its own memory config, concatenates on dim −2 and transposes the result back into the output's.
 * The row-major result is padded to whole tiles (pad_to_tile_vol: ttnn::pad, multi-core) and tilized
 * (tilize_with_val_padding; the reshape to the logical shape a view, reshape.cpp's tile_tensor_view_reshape_possible).
 * Each program allocates and frees its own CBs; the first past L1 is reported, else the largest.
 */
function massagedConcat(
  op: TtnnOp,
  ctx: EstimateContext,
  { inputs, inputSpecs, output, dim, rank }: ResolvedConcat,
  rewrite: Rewrite,
): OpEstimateResult {
  const outSpec = op.results[0];
  if (outSpec?.kind !== 'tensor') return unmodeled(op.name, 'concat result is not a tensor');
  if (rewrite.untilizeRetilize && inputs.some((t) => t.layout.pageLayout !== 'tile'))
    return illegal(op.name, 'ttnn.concat: expected all input tensors to be in tile layout', CITE_MASSAGED);
  const int = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });
  const ints = (values: readonly number[]): PropValue => ({ kind: 'ints', values: [...values] });
  const swapLastTwo = (d: readonly number[]): number[] =>
    d.map((v, i) => (i === rank - 2 ? d[rank - 1]! : i === rank - 1 ? d[rank - 2]! : v));
  const transposeProps = { dim0: int(rank - 2), dim1: int(rank - 1) };
  const steps: Step[] = [];
  let rows: TensorSpec[] = [...inputSpecs];
  if (rewrite.untilizeRetilize) {
    // Asked only on this path; both dated 2025-03-14 and the day after. From PR #26885 untilize_with_unpadding for
    // good, into the input's own memory config (memory_config nullopt) [8].
    const noPad = atOrAfter(ctx, 'concat-rm-untilize-with-unpadding-no-pad');
    const split =
      noPad ||
      (atOrAfter(ctx, 'concat-rm-untilize-with-unpadding') &&
        !atOrAfter(ctx, 'concat-rm-untilize-with-unpadding-reverted'));
    rows = inputSpecs.map((spec, i) => {
      const t = inputs[i]!;
      const sliced = specWith(spec, {
        dims: t.logical,
        pageLayout: 'row_major',
        ...(!noPad && { bufferType: output.layout.bufferType }),
      });
      if (split) {
        steps.push({
          label: `untilize_with_unpadding input ${i}`,
          result: estimateUntilizeOp(stepOp(op, 'ttnn.untilize_with_unpadding', [spec], [sliced]), ctx),
          resultHeldToLast: true,
        });
        return sliced;
      }
      const whole = specWith(spec, { dims: t.padded, pageLayout: 'row_major' });
      steps.push({
        label: `untilize input ${i}`,
        result: estimateUntilizeOp(stepOp(op, 'ttnn.untilize', [spec], [whole]), ctx),
      });
      steps.push({
        label: `slice input ${i} to ${t.logical.join('x')}`,
        result: estimateSlice(
          stepOp(op, 'ttnn.slice_static', [whole], [sliced], {
            begins: ints(t.logical.map(() => 0)),
            ends: ints(t.logical),
            step: ints(t.logical.map(() => 1)),
          }),
          ctx,
        ),
        resultHeldToLast: true,
      });
      return sliced;
    });
  }
  if (rewrite.transposeRows) {
    rows = rows.map((spec, i) => {
      const dims = spec.shape.kind === 'known' ? spec.shape.dims : [];
      const swapped = specWith(spec, { dims: swapLastTwo(dims) });
      steps.push({
        label: `transpose input ${i} (−2, −1)`,
        result: estimateTranspose(stepOp(op, 'ttnn.transpose', [spec], [swapped], transposeProps), ctx),
        resultHeldToLast: true,
      });
      return swapped;
    });
  }
  const concatOut = specWith(outSpec, {
    dims: rewrite.transposeRows ? swapLastTwo(output.logical) : output.logical,
    pageLayout: 'row_major',
  });
  const concatOp = stepOp(op, 'ttnn.concat', rows, [concatOut], {
    ...op.properties,
    dim: int(rewrite.transposeRows ? rank - 2 : dim),
  });
  const plain: Rewrite = { unalignedLastDim: false, rowsAligned: true, untilizeRetilize: false, transposeRows: false };
  const batchSize = interleavedBatchSize(ctx, rows.length);
  steps.push({
    label: 'row-major concat',
    result: batchSize !== undefined ? batchedConcat(concatOp, ctx, plain, batchSize) : concatStep(concatOp, ctx, plain),
  });
  let result = concatOut;
  if (rewrite.transposeRows) {
    const back = specWith(outSpec, { dims: output.logical, pageLayout: 'row_major' });
    steps.push({
      label: 'transpose the result back',
      result: estimateTranspose(stepOp(op, 'ttnn.transpose', [concatOut], [back], transposeProps), ctx),
    });
    result = back;
  }
  if (rewrite.untilizeRetilize) {
    const tileDims = output.logical.map((d, i) => (i >= rank - 2 ? Math.ceil(d / 32) * 32 : d));
    let toTilize = result;
    // From PR #26885 tilize_with_val_padding pads to compute_padded_shape itself: no pad program [8].
    if (
      tileDims.some((d, i) => d !== output.logical[i]) &&
      !atOrAfter(ctx, 'concat-rm-untilize-with-unpadding-no-pad')
    ) {
      toTilize = specWith(outSpec, { dims: tileDims, pageLayout: 'row_major' });
      steps.push({
        label: 'pad the result to whole tiles',
        result: estimatePad(
          stepOp(op, 'ttnn.pad', [result], [toTilize], {
            padding: ints(output.logical.flatMap((d, i) => [0, tileDims[i]! - d])),
            value: { kind: 'float', value: 0 },
            use_multicore: { kind: 'bool', value: true },
          }),
          ctx,
        ),
      });
    }
    // concat.cpp calls tilize_with_val_padding with its default use_multicore: false before PR #16252.
    const tilizeOp = stepOp(
      op,
      'ttnn.tilize_with_val_padding',
      [toTilize],
      [specWith(outSpec, { dims: tileDims, pageLayout: 'tile' })],
    );
    steps.push({
      label: 'tilize_with_val_padding',
      result: atOrAfter(ctx, 'tilize-with-val-padding-multicore-default')
        ? estimateTilizeOp(tilizeOp, ctx)
        : tilizeWithValPaddingSingleCore(tilizeOp, ctx),
    });
  }
  // Before tt-metal PR #17122 an L1 buffer was aligned like a DRAM one (the larger of the two), which the row-major
  // programs' pages and the unaligned-row test follow; not modeled there. Asked only for an L1 operand.
  const l1AlignedLikeDram =
    [...inputs, output].some((t) => t.layout.bufferType === 'l1') && !atOrAfter(ctx, 'dram-l1-specific-alignment');
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    ...(l1AlignedLikeDram && {
      confidence: 'approx' as const,
      approxReason: 'L1 operands: buffer alignment before tt-metal PR #17122 (the larger of L1 and DRAM) not modeled',
    }),
    citations: atOrAfter(ctx, 'concat-rm-untilize-with-unpadding-no-pad')
      ? [CITE_MASSAGED_26885, readSpanCite('concat-massaged-rm-path-2025-26')]
      : [CITE_MASSAGED, readSpanCite('concat-massaged-rm-path-2025')],
  });
}

const CITE_MASSAGED_26885 =
  "tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/concat.cpp@29dcc7f … @58430ab (build_untilize_rm_retilize_concat: untilize_with_unpadding(input, logical − 1, nullopt), tilize_with_val_padding(output, compute_padded_shape(…), 0, output memory config)); untilize_with_unpadding.cpp@29dcc7f (memory_config.value_or(the input's))";

/** The batch size when concat_impl splits `nInputs` interleaved inputs into batches, else undefined [6]. */
function interleavedBatchSize(ctx: EstimateContext, nInputs: number): number | undefined {
  if (nInputs <= 47) return undefined;
  if (atOrAfter(ctx, 'concat-batches-of-47')) return 47;
  if (nInputs > 50 && atOrAfter(ctx, 'concat-batches-of-50')) return 50;
  return undefined;
}

const CITE_SHARDED = {
  select:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_device_operation.cpp@0029bb1 (select_program_factory, validate_on_program_cache_miss)',
  validateBefore:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_device_operation.cpp@9baa114 … @622c6fb (validate: sharded inputs before PR #41743)',
  multi: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_s2s_multi_program_factory.cpp@019b681',
  tiled: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_s2s_tiled_program_factory.cpp@09b4c34',
  rm: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_s2s_rm_program_factory.cpp@03725f2',
  s2i: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_s2i_program_factory.cpp@050f24f',
  block:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_block_sharded_program_factory.cpp@01c8afe',
} as const;

/**
 * L1-sharded concat (the zero-copy sharded factories [select]): every input shard and the output shard is a CB bound to
 * its tensor's buffer (no CB-region bytes), except the two-tensor tiled width concat, whose transposes stage through
 * four CBs: in0 and in1 shard widths, their sum in T', and the sum in T (T' = the bf16 tile for bfp8 inputs).
 * Undefined when tt-metal takes the generic factory instead (a DRAM-sharded side): the caller sizes that one.
 */
function shardedConcat(
  op: TtnnOp,
  ctx: EstimateContext,
  inputs: readonly ResolvedTensor[],
  output: ResolvedTensor,
  dim: number,
  rank: number,
): OpEstimateResult | undefined {
  const first = inputs[0];
  if (first === undefined) return unmodeled(op.name, 'concat without tensor inputs');
  if (inputs.some((t) => isSharded(t.layout) !== isSharded(first.layout)))
    return illegal(op.name, 'All tensors must be sharded or all must be interleaved', CITE_SHARDED.select);
  if (
    !isSharded(first.layout) ||
    first.layout.bufferType !== 'l1' ||
    (isSharded(output.layout) && output.layout.bufferType !== 'l1')
  )
    return undefined;
  const layout = first.layout.memoryLayout;
  if (inputs.some((t) => t.layout.memoryLayout !== layout))
    return illegal(op.name, 'Sharded tensors must have the same memory layout.', CITE_SHARDED.select);
  const width = rank >= 2 && dim === rank - 1;
  const height = rank >= 2 && dim === rank - 2;
  // Before tt-metal PR #41743 the validation rejected what the later factories take [4]: asked only for those cases.
  const rejectedBefore =
    (inputs.length === 2 && layout === 'width_sharded') ||
    layout === 'block_sharded' ||
    output.layout.memoryLayout !== layout ||
    (width && layout !== 'height_sharded') ||
    (height && layout !== 'width_sharded');
  if (rejectedBefore && !atOrAfter(ctx, 'concat-sharded-block-and-s2i')) {
    const message =
      inputs.length === 2 && layout === 'width_sharded'
        ? 'Width sharded inputs are not supported for two tensors concat yet'
        : layout === 'block_sharded'
          ? 'Block sharded inputs are not supported'
          : output.layout.memoryLayout !== layout
            ? 'Sharded output and inputs must have the same memory layout.'
            : width
              ? 'Only support width concat on height-sharded tensors.'
              : height
                ? 'Only support height concat on width-sharded tensors.'
                : 'Only width or height concat on sharded tensors';
    return illegal(op.name, message, CITE_SHARDED.validateBefore);
  }
  const nCores = shardCoreCount(first.layout);
  const groups = [{ name: 'shard cores', nCores, firstCore: [0, 0] as const }];
  // A CB bound to a shard: its size is the shard's, but it costs no CB-region L1 (finishProgram counts it as 0).
  const backed = (i: number, role: string, t: ResolvedTensor): CbSpec => {
    const [rows, cols] = t.layout.shardShape;
    const tiled = t.layout.pageLayout === 'tile';
    return {
      index: i,
      role,
      nPages: tiled ? rows * cols : rows,
      pageBytes: tiled ? tileBytes(t.dtype) : cols * (elementBytes(t.dtype) ?? 1),
      tensorBacked: true,
    };
  };
  const inputCbs = inputs.map((t, i) => backed(i, `input ${i} shard`, t));
  const approxReason = 'sharded concat factories read at 2026 builds only';
  if (!isSharded(output.layout)) {
    return finishProgram({
      op,
      ctx,
      factory: 'ConcatS2IProgramFactory',
      factoryReason: `sharded inputs to an interleaved output: the input shards are the CBs on ${nCores} cores`,
      groups,
      cbs: inputCbs,
      confidence: 'approx',
      approxReason,
      citations: [CITE_SHARDED.select, CITE_SHARDED.s2i],
    });
  }
  if (output.layout.memoryLayout !== layout)
    return illegal(op.name, 'Sharded output and inputs must have the same memory layout.', CITE_SHARDED.select);
  if (width && layout !== 'height_sharded' && layout !== 'block_sharded')
    return illegal(
      op.name,
      'Only support width concat on height-sharded or block-sharded tensors.',
      CITE_SHARDED.select,
    );
  if (height && layout !== 'width_sharded' && layout !== 'block_sharded')
    return illegal(
      op.name,
      'Only support height concat on width-sharded or block-sharded tensors.',
      CITE_SHARDED.select,
    );
  if (!width && !height) return illegal(op.name, 'Only width or height concat on sharded tensors', CITE_SHARDED.select);
  const outputCb = backed(16, 'output shard', output);
  if (layout === 'block_sharded') {
    return finishProgram({
      op,
      ctx,
      factory: 'ConcatBlockShardedProgramFactory',
      factoryReason: `block-sharded: input and output shards are the CBs on ${nCores} cores`,
      groups,
      cbs: [...inputCbs, outputCb],
      confidence: 'approx',
      approxReason,
      citations: [CITE_SHARDED.select, CITE_SHARDED.block],
    });
  }
  if (inputs.length === 2 && width && first.layout.pageLayout === 'tile') {
    // Shard widths in tiles (shardShape is in tiles for tiled layouts).
    const w0 = first.layout.shardShape[1] ?? 1;
    const w1 = inputs[1]!.layout.shardShape[1] ?? 1;
    const t = tileBytes(first.dtype);
    const staged = first.dtype === 'bfp_bf8' ? tileBytes('bf16') : t;
    return finishProgram({
      op,
      ctx,
      factory: 'ConcatS2STiledProgramFactory',
      factoryReason: `two tiled height-sharded inputs concatenated on W: shard widths ${w0} + ${w1} tiles transposed through four staging CBs on ${nCores} cores`,
      groups,
      cbs: [
        ...inputCbs,
        backed(2, 'output shard', output),
        { index: 3, role: 'input 0 transposed', nPages: w0, pageBytes: staged },
        { index: 4, role: 'input 1 transposed', nPages: w1, pageBytes: staged },
        { index: 5, role: 'concatenated', nPages: w0 + w1, pageBytes: staged },
        { index: 6, role: 'output transposed', nPages: w0 + w1, pageBytes: t },
      ],
      confidence: 'approx',
      approxReason,
      citations: [CITE_SHARDED.select, CITE_SHARDED.tiled],
    });
  }
  const twoRowMajor = inputs.length === 2 && width && first.layout.pageLayout === 'row_major';
  // Read at every build of span concat-s2s-multi-height-sharded-w: more than two height-sharded rank-4 inputs on W.
  const multiRead =
    inputs.length > 2 &&
    width &&
    rank === 4 &&
    layout === 'height_sharded' &&
    windowReadableWithinReadSpan(ctx, 'concat-s2s-multi-height-sharded-w');
  return finishProgram({
    op,
    ctx,
    factory: twoRowMajor ? 'ConcatS2SRMProgramFactory' : 'ConcatS2SMultiProgramFactory',
    factoryReason: `sharded to sharded on ${width ? 'W' : 'H'}: input and output shards are the CBs on ${nCores} cores`,
    groups,
    cbs: [...inputCbs, outputCb],
    ...(multiRead ? { confidence: 'exact' as const } : { confidence: 'approx' as const, approxReason }),
    citations: [CITE_SHARDED.select, twoRowMajor ? CITE_SHARDED.rm : CITE_SHARDED.multi],
  });
}
