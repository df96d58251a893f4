/**
 * L1 estimates for `ttnn.gather` and `ttnn.scatter`.
 *
 * The gather composite moves `dim` last (a transpose) and works on 4-D tiles; the device op picks [1]:
 *   Wt_input ≤ 60 and Wt_index ≤ 60: SingleRowSingleCore — c_0 = Wt_input input tiles, c_1 = 1 index tile,
 *     c_2 = 1 output tile; split_work_to_cores(grid, Ht) over tile rows of the index
 *   otherwise SingleRowMultiCore — c_0 = 2 input tiles, c_1 = 1 index tile, c_2 = 1 output tile; split over Wt_index
 * Wt = padded width along `dim` / 32.
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/data_movement/gather/device/gather_device_operation.cpp (WT_THRESHOLD = 60,
 *       select_program_factory; search index id 860703337) and gather_program_factory.cpp@0055520
 *
 * scatter (ScatterProgramFactory [2]) works on row-major sticks, one single-page CB per tensor on every core of
 *   split_work_to_cores(grid, input rows):
 *     chunk = ceil32(⌊⌊⌊free / 4⌋ / 4⌋ · 0.8 − 32⌋) elements, free = get_max_l1_space (L1 below the lowest live buffer
 *     minus the unreserved base); page(t) = ceil32(min(W_t, chunk) · elem(t)) for input, index and source; the output
 *     page equals the input page. TILE operands are untilized first and the result tilized (composite.ts).
 *   [2] ttnn/cpp/ttnn/operations/data_movement/scatter/device/scatter_program_factory.cpp@0055520
 *       (calculate_optimal_chunk_size)
 * A bf16 input with a reduction runs ScatterReduceBfloat16ProgramFactory [3] (other dtypes with a reduction run the
 *   factory above): chunk = ceil32(⌊⌊⌊free / 5⌋ / 4⌋ · 0.9 − 32⌋); input, index, source and output row-chunk pages as
 *   above, plus an fp32 accumulation page ceil32(min(W_in, chunk) · 4).
 *   [3] ttnn/cpp/ttnn/operations/data_movement/scatter/device/scatter_reduce_bfloat16_program_factory.cpp@00e3779;
 *       scatter_device_operation.cpp@0e8e63f (select_program_factory)
 *
 * Row-major operands [4]: tt-mlir tilizes them first (a to_layout per operand, same placement); the figure is the
 *   largest of those programs and the gather's, and a tiled copy in L1 is held while the gather runs.
 *   [4] tt-mlir lib/Dialect/TTNN/IR/TTNNWorkaroundsPass.cpp@19c86fc (createGatherOpOperandsWorkarounds, tt-metal #41451)
 *
 * Codegen (from tt-metal PR #52074, change point `gather-codegen`) [5]: a bf16 TILE input with a TILE index, no sharded
 *   operand or output, runs GatherCodegen instead: the row-buffered plan (c_0 = Wt_input tiles, c_1 = 1 index tile,
 *   c_2 = max(4, Wt_index) tiles) when it fits the free L1, else the streaming plan (c_0 = an L1-derived block); see
 *   codegenGather.
 *   [5] tt-metal …/gather/codegen/gather_codegen_supported.cpp@1d7b315, gather_codegen_device_operation.cpp@1d7b315
 *       (select_program_factory), gather_codegen_program_factory.cpp@1d7b315; PR #52074's description (row-buffered
 *       up to Wt ≈ 682 on Wormhole, Tiled split by Ht·Wt_index, streaming chunk from the per-core L1)
 *
 * Composite [6] (rank ≤ 4; each program a step, the figure the largest, see compositeSteps): per operand (index first)
 *   transpose(dim, −1) when `dim` is not last, a 4-D view; the index's tile padding filled (fill_pad); the input sliced to
 *   the index's padded N, C, H (no program when equal to the input's; ends may reach into the input's tile padding) and
 *   its padding filled; after the device op, squeeze and transpose back. fill_pad per change point
 *   `fill-pad-border-tiles` (see fillPadStep). `approx` when the composite is not rank 4 with `dim` last (its steps
 *   compared at eight gather.cpp commits only), and for any fill_pad (no read span). Rank > 4: not sized, `approx`.
 *   [6] ttnn/cpp/ttnn/operations/data_movement/gather/gather.cpp@622c6fb (pre/post_gather_transform_tensor);
 *       fill_pad/fill_pad.cpp@622c6fb; fill_pad_program_factory.cpp@9cb25bbb^, @9cb25bbb, @622c6fb;
 *       slice/device/slice_device_operation.cpp@622c6fb (ends ≤ the padded shape)
 * Worked example: gather along the last dim of a 1x1x32x2048 bf16 input with a 1x1x32x64 u32 index (Wt_input = 64 > 60):
 *   multi-core factory, c_0 = 2 · 2,048, c_1 = 4,096 (u32 tile), c_2 = 2,048 → 10,240 B; see datamove.test.ts.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { isSharded, volume, type MemoryLayout } from '../../ttnn/layout';
import type { PropValue, TensorSpec, TtnnOp } from '../../ttnn/op';
import { itemValue, wordOf } from '../../ttnn/dialectFields';
import {
  CITE,
  confidenceFromReasons,
  ResolvedTensor,
  finishProgram,
  fmtBytes,
  gridArea,
  groupsFromSplit,
  maxL1Space,
  propInt,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import { atOrAfter } from '../changePoints';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';
import { fillPadStep } from './fillPad';
import { estimateTranspose } from './permute';
import { estimateSlice } from './slice';

const CITE_GATHER =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/gather/device/gather_program_factory.cpp@0055520; gather_device_operation.cpp (WT_THRESHOLD = 60, index id 860703337)';
const WT_THRESHOLD = 60;

export function estimateGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const index = resolveTensor(op.operands[1], 'index');
  if (typeof index === 'string') return unmodeled(op.name, index);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile' || index.layout.pageLayout !== 'tile') return rowMajorGather(op, ctx);
  const rank = input.logical.length;
  const raw = propInt(op, 'dim') ?? -1;
  const dim = raw < 0 ? raw + rank : raw;
  const wtInput = Math.ceil((input.logical[dim] ?? 1) / 32);
  const wtIndex = Math.ceil((index.logical[dim] ?? 1) / 32);
  const codegen = codegenGather(op, ctx, { input, index, output, dim, wtInput, wtIndex });
  if (codegen !== undefined) return codegen;
  // Tile rows of the index once `dim` is last and the index is 4-D: the factory's Ht = N·C·H_padded / 32 [1], with H
  // the index's second-last dim after the transpose (its last when `dim` was the second last).
  const moved = [...index.logical];
  [moved[dim], moved[rank - 1]] = [moved[rank - 1]!, moved[dim]!];
  const heightDim = rank >= 2 ? moved[rank - 2]! : 1;
  const leading = moved.slice(0, Math.max(0, rank - 2)).reduce((a, b) => a * b, 1);
  const indexRows = Math.max(1, leading * Math.ceil(heightDim / 32));
  const single = wtInput <= WT_THRESHOLD && wtIndex <= WT_THRESHOLD;
  const split = splitWorkToCores(gridArea(ctx), single ? indexRows : wtIndex);
  const composite = rank <= 4 ? compositeSteps(op, ctx, dim) : undefined;
  const gatherProgram = finishProgram({
    op,
    ctx,
    factory: single ? 'GatherProgramFactorySingleRowSingleCore' : 'GatherProgramFactorySingleRowMultiCore',
    factoryReason: `Wt_input = ${wtInput}, Wt_index = ${wtIndex} (threshold ${WT_THRESHOLD}); split over ${single ? `${indexRows} tile rows` : `${wtIndex} index tiles`} on ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      {
        index: 0,
        role: single ? 'input row' : 'input tiles',
        nPages: single ? wtInput : 2,
        pageBytes: tileBytes(input.dtype),
      },
      { index: 1, role: 'index tile', nPages: 1, pageBytes: tileBytes(index.dtype) },
      { index: 2, role: 'output tile', nPages: 1, pageBytes: tileBytes(output.dtype) },
    ],
    ...confidenceFromReasons([
      composite !== undefined
        ? ''
        : dim === rank - 1
          ? `the composite views the rank-${rank} tensors as 4-D and fills their tile padding (fill_pad, when padded) and slices the input to the index's rows first; those programs are not sized`
          : `the composite transposes dim ${dim} last (ttnn.transpose of input and index, and of the result back) and reshapes them to 4-D; those programs and its fill_pad and slice are not sized`,
    ]),
    citations: [CITE_GATHER, CITE.workSplit],
  });
  if (composite === undefined) return gatherProgram;
  const readOnce = rank !== 4 || dim !== rank - 1;
  if (composite.before.length === 0 && composite.after.length === 0 && composite.notSized.length === 0)
    return readOnce && gatherProgram.confidence === 'exact'
      ? { ...gatherProgram, confidence: 'approx', approxReason: COMPOSITE_READ_ONCE }
      : gatherProgram;
  return largestStep(op, ctx, [...composite.before, { label: 'gather', result: gatherProgram }, ...composite.after], {
    firstBeyondL1: true,
    confidence: composite.notSized.length > 0 || readOnce ? 'approx' : undefined,
    approxReason: [...composite.notSized, ...(readOnce ? [COMPOSITE_READ_ONCE] : [])].join('; '),
    citations: [CITE_GATHER_COMPOSITE],
  });
}

const CITE_GATHER_COMPOSITE =
  "tt-metal ttnn/cpp/ttnn/operations/data_movement/gather/gather.cpp@622c6fb (pre_gather_transform_tensor: perform_transpose, transform_to_4d_tensor, fill_implicit_tile_padding of the index, slice of the input to the index's padded N, C, H then fill_implicit_tile_padding; post_gather_transform_tensor: squeeze_from_4D, transpose back)";
/** Why a composite other than rank 4 with `dim` last stays approx even with every program sized. */
const COMPOSITE_READ_ONCE =
  "the composite's transposes, 4-D views, fill_pad and slice were compared at gather.cpp@6547c32, 500f283, c8dd8fce, 4ec85b1, b5dcf00, 34e22ca, 6fba90c, ef1afdb and read in full at 622c6fb, not at every build of the window (nor the experimental gather before 6547c32)";

interface CompositeSteps {
  /** Programs before the gather device op, in order (index first, then input). */
  readonly before: Step[];
  /** Programs after it (the transpose back). */
  readonly after: Step[];
  /** Programs that run but are not sized, in words. */
  readonly notSized: string[];
}

function padded32(n: number): number {
  return Math.ceil(n / 32) * 32;
}

/** The dims as `transform_to_4d_tensor` / `unsqueeze_to_4D` views them (leading 1s; a view, no program). */
function as4d(dims: readonly number[]): number[] {
  return [...Array<number>(Math.max(0, 4 - dims.length)).fill(1), ...dims];
}

/**
 * The programs `ttnn::gather` runs around the device op for a rank ≤ 4 input (gather.cpp@622c6fb): per operand (the
 * index first) a transpose of `dim` with the last dim when `dim` is not last, a 4-D view (no program), then for the
 * index fill_implicit_tile_padding, for the input a slice to the index's padded N, C, H (no program when those equal the
 * input's) and fill_implicit_tile_padding; after the device op, a transpose back when `dim` is not last. A scalar
 * ([1]) operand is passed as is. A tensor handed to the gather is held until it has run.
 */
function compositeSteps(op: TtnnOp, ctx: EstimateContext, dim: number): CompositeSteps {
  const before: Step[] = [];
  const after: Step[] = [];
  const notSized: string[] = [];
  const [inSpec, idxSpec] = op.operands;
  const outSpec = op.results[0];
  if (inSpec?.kind !== 'tensor' || idxSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor')
    return { before, after, notSized };
  const rank = inSpec.shape.kind === 'known' ? inSpec.shape.dims.length : 0;
  const rankOf = (t: TensorSpec): number => (t.shape.kind === 'known' ? t.shape.dims.length : -1);
  if (rankOf(idxSpec) !== rank || rankOf(outSpec) !== rank || dim < 0 || dim >= rank) {
    notSized.push("the composite's transposes, fill_pad and slice (operands of unequal or unknown rank) are not sized");
    return { before, after, notSized };
  }
  const dimLast = dim === rank - 1;
  const int = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });
  const transposeProps = { dim0: int(dim), dim1: int(rank - 1) };
  const swapped = (dims: readonly number[]): number[] => {
    const d = [...dims];
    [d[dim], d[rank - 1]] = [d[rank - 1]!, d[dim]!];
    return d;
  };
  const moveDimLast = (role: string, spec: TensorSpec): TensorSpec => {
    if (dimLast || spec.shape.kind !== 'known') return spec;
    const to = specWith(spec, { dims: swapped(spec.shape.dims) });
    before.push({
      label: `transpose ${role} (${dim}, −1)`,
      result: estimateTranspose(stepOp(op, 'ttnn.transpose', [spec], [to], transposeProps), ctx),
    });
    return to;
  };
  const isScalar = (spec: TensorSpec): boolean =>
    spec.shape.kind === 'known' && spec.shape.dims.length === 1 && spec.shape.dims[0] === 1;
  // Index: transpose, 4-D view, fill its tile padding with 0.
  let index4: number[] | undefined;
  if (!isScalar(idxSpec) && idxSpec.shape.kind === 'known') {
    const moved = moveDimLast('index', idxSpec);
    index4 = as4d(moved.shape.kind === 'known' ? moved.shape.dims : []);
    const fill = fillPadStep(
      op,
      ctx,
      'fill_pad index',
      specWith(moved, { dims: index4, memoryLayout: memoryLayoutOf(moved) }),
    );
    if (fill !== undefined) before.push({ ...fill, resultHeldToLast: true });
    else if (before.length > 0) before[before.length - 1] = { ...before[before.length - 1]!, resultHeldToLast: true };
  }
  // Input: transpose, 4-D view, slice to the index's padded N, C, H, fill its tile padding.
  if (!isScalar(inSpec) && inSpec.shape.kind === 'known') {
    const firstInputStep = before.length;
    const moved = moveDimLast('input', inSpec);
    const input4 = as4d(moved.shape.kind === 'known' ? moved.shape.dims : []);
    const ends = index4 === undefined ? input4 : [index4[0]!, index4[1]!, padded32(index4[2]!), input4[3]!];
    let toFill: TensorSpec | undefined = specWith(moved, { dims: input4, memoryLayout: memoryLayoutOf(moved) });
    // slice_device_operation.cpp validates ends against the padded shape: the index's padded rows may reach into the
    // input's tile padding (a program still runs: ttnn::slice skips only ends equal to the logical shape).
    const inputPadded = [input4[0]!, input4[1]!, padded32(input4[2]!), padded32(input4[3]!)];
    if (ends.some((e, i) => e > inputPadded[i]!)) {
      notSized.push(
        `the slice of the input (${input4.join('x')}) to the index's padded N, C, H (${ends.join('x')}, past the input's padded shape) and the fill_pad after it are not sized`,
      );
      toFill = undefined;
    } else if (ends.some((e, i) => e !== input4[i])) {
      // Begins 0, unit steps: ttnn::slice's tiled path (the input's memory config).
      const sliced = specWith(moved, { dims: ends, memoryLayout: memoryLayoutOf(moved) });
      const ints = (values: readonly number[]): PropValue => ({ kind: 'ints', values: [...values] });
      before.push({
        label: 'slice input',
        result: estimateSlice(
          stepOp(op, 'ttnn.slice_static', [toFill], [sliced], {
            begins: ints([0, 0, 0, 0]),
            ends: ints(ends),
            step: ints([1, 1, 1, 1]),
          }),
          ctx,
        ),
      });
      toFill = sliced;
    }
    if (toFill !== undefined) {
      const fill = fillPadStep(op, ctx, 'fill_pad input', toFill);
      if (fill !== undefined) before.push({ ...fill, resultHeldToLast: true });
    }
    if (before.length > firstInputStep && before[before.length - 1]!.resultHeldToLast !== true)
      before[before.length - 1] = { ...before[before.length - 1]!, resultHeldToLast: true };
  }
  // Result: squeeze from 4-D (a view), transpose back.
  if (!dimLast && outSpec.shape.kind === 'known') {
    const from = specWith(outSpec, { dims: swapped(outSpec.shape.dims) });
    after.push({
      label: `transpose result (${dim}, −1)`,
      result: estimateTranspose(stepOp(op, 'ttnn.transpose', [from], [outSpec], transposeProps), ctx),
    });
  }
  return { before, after, notSized };
}

function memoryLayoutOf(spec: TensorSpec): MemoryLayout | undefined {
  return spec.layout.kind === 'layout' ? spec.layout.memoryLayout : undefined;
}

const CITE_GATHER_CODEGEN = {
  supported: 'tt-metal …/gather/codegen/gather_codegen_supported.cpp@1d7b315 (supported_by_codegen)',
  select: 'tt-metal …/gather/codegen/gather_codegen_device_operation.cpp@1d7b315 (select_program_factory)',
  plans:
    'tt-metal …/gather/codegen/gather_codegen_program_factory.cpp@1d7b315 (compute_gather_geometry, gather_interleaved_fits_l1, gather_streaming_chunk_tiles, the three factories; gather_output_cb_tiles = max(4, Wt_index))',
} as const;

/** Output tiles the row-buffered writers batch (kGatherWriteBatchTiles): the output CB holds at least this many. */
const GATHER_WRITE_BATCH_TILES = 4;

/**
 * `ttnn::gather` through GatherCodegenDeviceOperation (tt-metal PR #52074, change point `gather-codegen`) [5]: the
 * program for operands in its scope on a build that has it, or undefined when tt-metal runs the native factories.
 *
 * Geometry once the composite has moved `dim` last: Ht = the index's tile rows (its padded dims but the last, over
 * 32), Wt_input / Wt_index = tiles along `dim`. P = the bf16 input tile (also the output's), P_idx = the index tile.
 *   row-buffered footprint F = Wt_input·P + P_idx + max(4, Wt_index)·P
 *   F ≤ free L1: Tiled (split over Ht·Wt_index) when Wt_index ≥ 2 and Ht < cores, else Interleaved (split over Ht);
 *     c_0 = Wt_input tiles, c_1 = 1 index tile, c_2 = max(4, Wt_index) tiles
 *   otherwise Streaming (split over Wt_index): affordable = ⌊(free − P_idx − P) / P⌋, resident = min(max(affordable, 2),
 *     Wt_input), n = ⌈Wt_input / resident⌉, chunk = ⌈Wt_input / n⌉; c_0 = chunk tiles, c_1 = c_2 = 1 tile
 * free L1 = the lowest live L1 address less the base, read when the program is created (the op's own L1 output included).
 */
function codegenGather(
  op: TtnnOp,
  ctx: EstimateContext,
  a: {
    readonly input: ResolvedTensor;
    readonly index: ResolvedTensor;
    readonly output: ResolvedTensor;
    readonly dim: number;
    readonly wtInput: number;
    readonly wtIndex: number;
  },
): OpEstimateResult | undefined {
  const { input, index, output, dim, wtInput, wtIndex } = a;
  // supported_by_codegen / supported_execution_controls: bf16 TILE input, TILE index, no sharded operand or output, a
  // uint16 index only on an axis of at most 65,536, a non-empty index.
  if (input.dtype !== 'bf16') return undefined;
  if ([input, index, output].some((t) => isSharded(t.layout))) return undefined;
  if (index.dtype === 'u16' && (input.logical[dim] ?? 0) > 65_536) return undefined;
  if (volume(index.logical) === 0 || volume(input.logical) === 0) return undefined;
  const inputPage = tileBytes(input.dtype);
  const indexPage = tileBytes(index.dtype);
  // gather_min_plan_fits_l1 against the static window (l1_size − base): streaming's floor of four pages.
  if (3 * inputPage + indexPage > ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase) return undefined;
  // Asked only in scope, so a gather the codegen op never takes does not straddle its change point.
  if (!atOrAfter(ctx, 'gather-codegen')) return undefined;
  const rank = index.logical.length;
  // The index with `dim` moved last, then its padded tile rows.
  const moved = index.logical.map((d, i) =>
    i === dim ? index.logical[rank - 1]! : i === rank - 1 ? index.logical[dim]! : d,
  );
  let ht = rank >= 2 ? Math.ceil(moved[rank - 2]! / 32) : 1;
  for (let i = 0; i + 2 < rank; i++) ht *= moved[i]!;
  const area = gridArea(ctx);
  const free = maxL1Space(ctx);
  const outputTiles = Math.max(GATHER_WRITE_BATCH_TILES, wtIndex);
  const rowBuffered = wtInput * inputPage + indexPage + outputTiles * inputPage;
  const geometry = `Ht = ${ht}, Wt_input = ${wtInput}, Wt_index = ${wtIndex}`;
  const common = {
    op,
    ctx,
    confidence: 'approx' as const,
    approxReason:
      "PR #52074's merged revision is not pinned: routing and plans read at gather_codegen_*@1d7b315, one stored version; the transposes that move dim last are separate, smaller programs",
    citations: [CITE_GATHER_CODEGEN.supported, CITE_GATHER_CODEGEN.select, CITE_GATHER_CODEGEN.plans, CITE.workSplit],
  };
  if (rowBuffered <= free) {
    const tiled = wtIndex >= 2 && ht < area;
    const work = tiled ? ht * wtIndex : ht;
    const split = splitWorkToCores(area, work);
    return finishProgram({
      ...common,
      factory: tiled ? 'GatherCodegenProgramFactoryTiled' : 'GatherCodegenProgramFactoryInterleaved',
      factoryReason: `codegen gather (bf16 tiles): ${geometry}; the row-buffered CBs (${fmtBytes(rowBuffered)}) fit the free L1 (${fmtBytes(free)}); split over ${tiled ? `${work} output tiles` : `${ht} tile rows`} on ${split.nCores} cores`,
      groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
      cbs: [
        { index: 0, role: 'input row', nPages: wtInput, pageBytes: inputPage },
        { index: 1, role: 'index tile', nPages: 1, pageBytes: indexPage },
        { index: 2, role: 'output tiles', nPages: outputTiles, pageBytes: inputPage },
      ],
    });
  }
  const affordable = free > indexPage + inputPage ? Math.floor((free - indexPage - inputPage) / inputPage) : 0;
  const resident = Math.min(Math.max(affordable, 2), wtInput);
  const blocks = Math.ceil(wtInput / resident);
  const chunk = Math.ceil(wtInput / blocks);
  const split = splitWorkToCores(area, wtIndex);
  return finishProgram({
    ...common,
    factory: 'GatherCodegenProgramFactoryStreaming',
    factoryReason: `codegen gather (bf16 tiles): ${geometry}; the row-buffered CBs (${fmtBytes(rowBuffered)}) exceed the free L1 (${fmtBytes(free)}) → streaming ${blocks} block(s) of ${chunk} input tiles; split over ${wtIndex} index tiles on ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'input block', nPages: chunk, pageBytes: inputPage },
      { index: 1, role: 'index tile', nPages: 1, pageBytes: indexPage },
      { index: 2, role: 'output tile', nPages: 1, pageBytes: inputPage },
    ],
  });
}

const CITE_GATHER_WORKAROUND =
  'tt-mlir lib/Dialect/TTNN/IR/TTNNWorkaroundsPass.cpp@19c86fc (createGatherOpOperandsWorkarounds: input and index to TILE; tt-metal #41451; since 5a4988c, 2026-04-21)';

/**
 * A row-major operand of `ttnn.gather` never reaches tt-metal: tt-mlir's workaround pass gives the gather TILE input
 * and index [4], so the flatbuffer runs a to_layout (tilize) per row-major operand, then the gather on the tiled copies.
 * Each program is estimated alone (the peak is the largest step's); the tiled copies are placed like their operands
 * (the workaround changes only the layout), so a copy in L1 is a tensor held until the gather has run
 * (`resultHeldToLast`: the index is tilized with the input's copy allocated).
 */
function rowMajorGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const steps: Step[] = [];
  const tiled: TensorSpec[] = [];
  ['input', 'index'].forEach((role, i) => {
    const spec = op.operands[i];
    if (spec?.kind !== 'tensor') return;
    if (spec.layout.kind === 'layout' && spec.layout.pageLayout !== 'tile') {
      const { step, to } = toLayoutStep(op, ctx, `tilize ${role}`, spec, 'tile');
      steps.push({ ...step, resultHeldToLast: true });
      tiled.push(to);
    } else tiled.push(spec);
  });
  const gatherStep = estimateGather(stepOp(op, op.name, tiled, op.results, op.properties), ctx);
  return largestStep(op, ctx, [...steps, { label: 'gather (tiled operands)', result: gatherStep }], {
    firstBeyondL1: true,
    citations: [CITE_GATHER_WORKAROUND],
  });
}

const CITE_SCATTER =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/scatter/device/scatter_program_factory.cpp@0055520';
const CITE_SCATTER_REDUCE =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/scatter/device/scatter_reduce_bfloat16_program_factory.cpp@00e3779 (calculate_optimal_chunk_size, five CBs)';
const CITE_SCATTER_SELECT =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/scatter/device/scatter_device_operation.cpp@0e8e63f (select_program_factory)';

function ceil32(n: number): number {
  return Math.ceil(n / 32) * 32;
}

/**
 * ScatterProgramFactory on row-major operands, or ScatterReduceBfloat16ProgramFactory for a bf16 input with a reduction
 * (see the header).
 */
function scatterProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  input: TensorSpec,
  index: TensorSpec,
  source: TensorSpec,
  output: TensorSpec,
  reduceBf16: boolean,
): OpEstimateResult {
  const ts = [input, index, source, output].map((t, i) => resolveTensor(t, ['input', 'index', 'source', 'output'][i]!));
  for (const t of ts) if (typeof t === 'string') return unmodeled(op.name, t);
  const [inT, idxT, srcT] = ts as ResolvedTensor[];
  const free = maxL1Space(ctx);
  // Five row chunks at 4 B per datum with a 10 % margin (reduction factory); four with 20 % (the plain one).
  const chunk = reduceBf16
    ? ceil32(Math.floor(Math.floor(Math.floor(free / 5) / 4) * 0.9 - 32))
    : ceil32(Math.floor(Math.floor(Math.floor(free / 4) / 4) * 0.8 - 32));
  const rowElems = (t: ResolvedTensor): number => Math.min(t.logical[t.logical.length - 1] ?? 1, chunk);
  const page = (t: ResolvedTensor): number | undefined => {
    const e = elementBytes(t.dtype);
    return e === undefined ? undefined : ceil32(rowElems(t) * e);
  };
  const pIn = page(inT);
  const pIdx = page(idxT);
  const pSrc = page(srcT);
  if (pIn === undefined || pIdx === undefined || pSrc === undefined)
    return unmodeled(op.name, 'block-float scatter operand has no row-major form');
  const rows = Math.max(1, Math.floor(volume(inT.logical) / Math.max(1, inT.logical[inT.logical.length - 1] ?? 1)));
  const split = splitWorkToCores(gridArea(ctx), rows);
  return finishProgram({
    op: stepOp(op, 'ttnn.scatter', [input, index, source], [output]),
    ctx,
    factory: reduceBf16 ? 'ScatterReduceBfloat16ProgramFactory' : 'ScatterProgramFactory',
    factoryReason: `${reduceBf16 ? 'bf16 input with a reduction; ' : ''}${rows} rows over ${split.nCores} cores; chunk ${chunk} elements (free L1 ${free} B)`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: reduceBf16
      ? [
          { index: 0, role: 'input row chunk', nPages: 1, pageBytes: pIn },
          { index: 1, role: 'index row chunk', nPages: 1, pageBytes: pIdx },
          { index: 2, role: 'source row chunk', nPages: 1, pageBytes: pSrc },
          { index: 3, role: 'output row chunk', nPages: 1, pageBytes: pIn },
          { index: 4, role: 'fp32 accumulation chunk', nPages: 1, pageBytes: ceil32(rowElems(inT) * 4) },
        ]
      : [
          { index: 0, role: 'input row chunk', nPages: 1, pageBytes: pIn },
          { index: 1, role: 'source row chunk', nPages: 1, pageBytes: pSrc },
          { index: 2, role: 'index row chunk', nPages: 1, pageBytes: pIdx },
          { index: 3, role: 'output row chunk', nPages: 1, pageBytes: pIn },
        ],
    ...confidenceFromReasons([
      reduceBf16
        ? 'the bf16 reduction factory was read at one build (00e3779); its CB indices are taken in creation order'
        : '',
    ]),
    citations: [reduceBf16 ? CITE_SCATTER_REDUCE : CITE_SCATTER, CITE_SCATTER_SELECT, CITE.workSplit],
  });
}

export function estimateScatter(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const [inSpec, idxSpec, srcSpec] = op.operands;
  const outSpec = op.results[0];
  if (
    inSpec?.kind !== 'tensor' ||
    idxSpec?.kind !== 'tensor' ||
    srcSpec?.kind !== 'tensor' ||
    outSpec?.kind !== 'tensor'
  )
    return unmodeled(op.name, 'scatter needs input, index, source and a result tensor');
  const reduce = op.properties.scatter_reduce_type;
  // `#ttnn.scatter_reduction_type<sum>`: `invalid` / `none` is no reduction.
  const reduceCase = wordOf(itemValue(reduce, 0))?.toLowerCase();
  const reduction = reduce !== undefined && !(reduceCase === 'invalid' || reduceCase === 'none');
  // tt-metal picks the reduction factory for a bf16 input (scatter_device_operation.cpp select_program_factory).
  const reduceBf16 = reduction && inSpec.layout.kind === 'layout' && inSpec.layout.dtype === 'bf16';
  for (const t of [inSpec, idxSpec, srcSpec, outSpec])
    if (t.layout.kind === 'layout' && t.layout.bufferType === 'system_memory')
      return unmodeled(op.name, 'scatter operand on the host');
  const steps: Step[] = [];
  const rmOf = (label: string, t: TensorSpec): TensorSpec => {
    if (t.layout.kind !== 'layout' || t.layout.pageLayout === 'row_major') return t;
    const s = toLayoutStep(op, ctx, `untilize ${label}`, t, 'row_major');
    steps.push(s.step);
    return s.to;
  };
  const rmIn = rmOf('input', inSpec);
  const rmIdx = rmOf('index', idxSpec);
  const rmSrc = rmOf('source', srcSpec);
  const tiledOut = outSpec.layout.kind === 'layout' && outSpec.layout.pageLayout === 'tile';
  const rmOut = tiledOut ? specWith(outSpec, { pageLayout: 'row_major' }) : outSpec;
  steps.push({ label: 'scatter', result: scatterProgram(op, ctx, rmIn, rmIdx, rmSrc, rmOut, reduceBf16) });
  if (tiledOut) steps.push(toLayoutStep(op, ctx, 'tilize result', rmOut, 'tile').step);
  const rank = rmIn.shape.kind === 'known' ? rmIn.shape.dims.length : 1;
  const raw = propInt(op, 'dim') ?? -1;
  const lastDim = raw === -1 || raw === rank - 1;
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    confidence: lastDim ? 'exact' : 'approx',
    approxReason: lastDim ? '' : 'the composite moves dim last first (transpose programs not sized)',
  });
}
