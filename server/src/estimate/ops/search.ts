/**
 * L1 estimates for search-style reductions: `ttnn.argmax`, `ttnn.sort`, `ttnn.topk`.
 *
 * Formula (bytes per core):
 *   argmax, single core (use_multicore false, the tt-mlir default) [1]:
 *     ROW_MAJOR input: c_0 = W · elem(in), c_1 = L · elem(out), L = 1 when reducing all dims or keep_dim, else the
 *       padded H; TILE input: c_0 = one input tile, c_1 = one output page; a TILE input with a TILE result is
 *       rejected (TT_FATAL "For TILE input layout, only ROW_MAJOR output is supported")
 *   argmax, multi-core [5] (use_multicore before tt-metal PR #46340, change point `argmax-multicore-by-layout`; from it
 *     on every row-major input reduced over the last or all dims): u = alignment / 2 elements (16 DRAM, 8 L1),
 *     split_work_to_cores(grid, ⌈W / u⌉) → n cores, group g reads s_g units; c_0 = round32(s_g · u · elem(in)) per
 *     group, c_1 = round32(L · elem(out)), c_2 = n · round32(L · elem(out)), c_3 = n · round32(L · elem(in))
 *   sort (Wt ≤ 64: SortProgramFactorySingleRowSingleCore) [2][3]:
 *     TILE: c_in = 4·T(in), c_idx = 4·T(idx), transposed 2 × Wt tiles (values, indices), c_val = 2·T(in),
 *           c_idx_out = 2·T(idx), synchronization 1,024 B
 *     Wt = padded W / 32; indices are UINT16 unless W ≥ 65,535 or the input is f32 (then UINT32) [3]
 *   sort, Wt > 64 [6][3]: hybrid cross-core factory when Wt ≤ A · min(128, max(⌊Wt/A⌋, 2)) (A = grid cores), n tiles
 *     per core: 2·T(in) + 2·T(idx) + n·(T(in) + T(idx)) + 2·T(v) + 2·T(idx) + 2·(2·T(v) + 2·T(idx)) + 4,096 + 2,048;
 *     else the DRAM factory: 2·(2·T(in) + 3·T(idx) + T(v)) on each worker, 2·(T(in) + T(idx)) on the coordinator
 *   topk, single core [4]: c_0 = 4·T(v), c_1 = 4·T(i), c_2 = 4·T(v), c_3 = 4·T(i), c_4 = 2K·T(v), c_5 = 2K·T(i),
 *     c_6 = K·T(v), c_7 = K·T(i), K = ceil(k / 32); one core. Before change point `topk-single-core-streaming`
 *     (tt-metal PR #21029) [8]: k ≤ 64; W ≥ 8,192 needs a multi-core split (else rejected); W < 8,192 runs the bitonic
 *     factory: c_0 = 4·T(v), c_1 = 4·T(i), c_24 = Wt·T(v), c_25 = Wt·T(i), c_16 = 2·T(v), c_17 = 2·T(i)
 *   topk, multi-core [7] (W a power of two in [8,192, 65,535), k ≤ 64, and a split found by find_topk_core_config):
 *     every core 4·T(v) + 4·T(i) + Wt_final·(T(c) + T(i)) + 2·T(i); local cores + Wt_local·(T(c) + T(i)) + 2·T(c);
 *     the final core + 2·T(v) + Wt_final·(T(c) + T(i)); Wt_local = split / 32, Wt_final = cores · max(k, 32) / 32
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_single_core_program_factory.cpp@04cd0dd
 *       (get_page_sizes_single_core)
 *   [2] ttnn/cpp/ttnn/operations/data_movement/sort/device/sort_program_factory.cpp@00c5add
 *       (SortProgramFactorySingleRowSingleCore)
 *   [3] ttnn/cpp/ttnn/operations/data_movement/sort/device/sort_device_operation.cpp@01c8afe
 *       (select_program_factory: Wt ≤ 64 → single core; compute_output_specs: index dtype)
 *   [4] ttnn/cpp/ttnn/operations/reduction/topk/device/topk_program_factory.cpp@01ca906 (topk_single_core_interleaved);
 *       multi-core only for W ≥ multi_core_min_width (8,192), W a power of two < 65,535, k ≤ 64 and verify_multi_core_cost
 *       (topk_device_operation.cpp select_program_factory, topk_constants.hpp; search index ids 60792697138, 3695074387)
 *   [7] ttnn/cpp/ttnn/operations/reduction/topk/device/topk_multi_core_program_factory.cpp@010a13c, topk_utils.cpp@04ef66d
 *       (find_topk_core_config), topk_device_operation.cpp@040a27c (select_program_factory)
 *   [6] ttnn/cpp/ttnn/operations/data_movement/sort/device/sort_program_factory.cpp@00c5add
 *       (SortProgramFactoryCrossCoreDataExchange, SortProgramFactorySingleRowMultiCore)
 *   [8] ttnn/cpp/ttnn/operations/reduction/topk/device/topk_program_factory.hpp@025ec61 (topk_single_core_interleaved
 *       before PR #21029); topk_op.cpp of that API era (validate_with_output_tensors, verify_available_cores,
 *       create_program: single core below W = 8,192; search index id 4637263018)
 *   [5] ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_multi_core_program_factory.cpp@050f24f
 *       (distribute_work_to_cores; CBs c_0..c_3); argmax_device_operation.cpp@00218c5 (uses_multicore_path, PR #46340)
 *
 * Assumptions: sort over a dim other than the last is transposed by the composite first (the transpose program is
 *   smaller); the sort factories for Wt > 64 were read at one build (00c5add, 'approx'); the topk multi-core
 *   factory and split at 2026 builds (stable = false: tt-mlir passes no `stable`; the default sub-core grid is the
 *   worker grid); the multi-core argmax factory was read at one
 *   build (050f24f) and is 'approx' for the older ones.
 * Worked example: argmax over dim 1 of 64x64 bf16 row-major, keep_dim: c_0 = 64 · 2 = 128, c_1 = 1 · 4 = 4 →
 *   132 B (tt-mlir OpModel golden TestOpModelLib.cpp@b73fc81:536); sort of 64x64 bf16 tiles (Wt = 2):
 *   4·2,048 + 4·2,048 + 2·2,048 + 2·2,048 + 2·2,048 + 2·2,048 + 1,024 = 33,792 B (golden :1582).
 */

import { elementBytes, tileBytes, type DataType } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  outputsInL1,
  propBool,
  propInt,
  propInts,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import { atOrAfter } from '../changePoints';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { specWith, withResultsPlacedLike } from './composite';
import { isSharded, l1Footprint } from '../../ttnn/layout';

const CITES = {
  argmax: 'tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_single_core_program_factory.cpp@04cd0dd',
  sort: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/sort/device/sort_program_factory.cpp@00c5add (SortProgramFactorySingleRowSingleCore)',
  sortSelect:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/sort/device/sort_device_operation.cpp@01c8afe (select_program_factory, compute_output_specs)',
  topk: 'tt-metal ttnn/cpp/ttnn/operations/reduction/topk/device/topk_program_factory.cpp@01ca906 (topk_single_core_interleaved)',
  sortMany:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/sort/device/sort_program_factory.cpp@00c5add (SortProgramFactoryCrossCoreDataExchange, get_number_of_tiles_per_core, compute_cross_core_layout; SortProgramFactorySingleRowMultiCore)',
  topkMulti:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/topk/device/topk_multi_core_program_factory.cpp@010a13c; topk_utils.cpp@04ef66d (find_topk_core_config)',
  topkSelect:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/topk/device/topk_device_operation.cpp@040a27c (select_program_factory)',
  topkBitonic:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/topk/device/topk_program_factory.hpp@025ec61 (topk_single_core_interleaved before PR #21029: c_24/c_25 hold Wt tiles)',
  topkValidateOld:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/topk/device/topk_op.cpp before PR #21029 (validate_with_output_tensors, verify_available_cores; search index id 4637263018)',
  argmaxMulti:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_multi_core_program_factory.cpp@050f24f (distribute_work_to_cores, CBs c_0..c_3)',
  argmaxValidateOld:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_device_operation.cpp before PR #46340 (validate_on_program_cache_miss, use_multicore)',
} as const;

const ONE_CORE = [{ name: 'core', nCores: 1, firstCore: [0, 0] as const }];

export function estimateArgMax(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const dims = propInts(op, 'dim') ?? propInts(op, 'dim_arg');
  const reduceAll = dims === undefined || dims.length === 0;
  const keepDim = propBool(op, 'keep_dim') ?? false;
  const rank = input.logical.length;
  const rowMajor = input.layout.pageLayout === 'row_major';
  const lastDim = reduceAll || (dims.length === 1 && (dims[0] < 0 ? dims[0] + rank : dims[0]) === rank - 1);
  // Which factory: use_multicore before PR #46340; from it on, the layout and dim alone. Asked only when they differ.
  const flag = propBool(op, 'use_multicore') === true;
  const byPath = rowMajor && lastDim;
  const multicore = flag === byPath ? flag : atOrAfter(ctx, 'argmax-multicore-by-layout') ? byPath : flag;
  if (multicore && !rowMajor)
    return illegal(op.name, 'Multicore argmax only supports ROW_MAJOR layout for inputs!', CITES.argmaxValidateOld);
  if (multicore) return argMaxMultiCore(op, ctx, input, output, reduceAll, keepDim, flag !== byPath);
  let srcPage: number;
  let dstPage: number;
  if (rowMajor) {
    const inElem = elementBytes(input.dtype);
    const outElem = elementBytes(output.dtype);
    if (inElem === undefined || outElem === undefined) return unmodeled(op.name, 'block-float argmax');
    const padded = input.padded;
    const w = padded[padded.length - 1] ?? 1;
    const outLast = reduceAll || keepDim || padded.length < 2 ? 1 : padded[padded.length - 2];
    srcPage = w * inElem;
    dstPage = outLast * outElem;
  } else {
    if (output.layout.pageLayout !== 'row_major')
      return illegal(
        op.name,
        `For TILE input layout, only ROW_MAJOR output is supported, got output layout: TILE`,
        CITES.argmax + ' (get_page_sizes_single_core)',
      );
    srcPage = tileBytes(input.dtype);
    dstPage = output.geometry.pageBytes;
  }
  return finishProgram({
    op,
    ctx,
    factory: 'ArgMaxSingleCoreProgramFactory',
    factoryReason: `single core; one ${input.layout.pageLayout === 'tile' ? 'tile' : 'row'} in (${srcPage} B), one output page (${dstPage} B)`,
    groups: ONE_CORE,
    cbs: [
      { index: 0, role: 'input page', nPages: 1, pageBytes: srcPage },
      { index: 1, role: 'output page', nPages: 1, pageBytes: dstPage },
    ],
    confidence: 'exact',
    citations: [CITES.argmax],
  });
}

const round32 = (n: number): number => Math.ceil(n / 32) * 32;

/**
 * ArgMaxMultiCoreProgramFactory [5]: the reduced row is split over split_work_to_cores(grid, ⌈W / u⌉) cores in units of
 * u = alignment / 2 elements (u = 16 for a DRAM input, 8 for L1); each core group reads its share into c_0; every core
 * holds c_1 (one output page), c_2 and c_3 (one output page of indices / values per core, for the reduce core).
 */
function argMaxMultiCore(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  reduceAll: boolean,
  keepDim: boolean,
  byBuild: boolean,
): OpEstimateResult {
  const inElem = elementBytes(input.dtype);
  const outElem = elementBytes(output.dtype);
  if (inElem === undefined || outElem === undefined) return unmodeled(op.name, 'block-float argmax');
  const padded = input.padded;
  const w = padded[padded.length - 1] ?? 1;
  const outLast = reduceAll || keepDim || padded.length < 2 ? 1 : padded[padded.length - 2];
  const unit = (input.layout.bufferType === 'dram' ? ctx.device.dramAlignmentBytes : ctx.device.l1AlignmentBytes) / 2;
  const split = splitWorkToCores(gridArea(ctx), Math.ceil(w / unit));
  const n = split.nCores;
  // c_0 is created per core group (cores0's page first), c_1..c_3 on all_cores (argmax_multi_core_program_factory.cpp
  // @3fa4d753): the first allocator is cores0's first range, merged until the ProgramDescriptor port (PR #43208).
  const groups = groupsFromSplit(split, ctx.device.workerGrid, 'col', {
    order: 'col',
    ctx,
    descriptorsFrom: 'reduce-program-descriptors',
    firstCbOnGroup1: true,
  });
  const unitsOf = (i: number): number =>
    (split.runs.length === 2 && i === 1 ? split.maxUnitsPerCore - 1 : split.maxUnitsPerCore) * unit;
  return finishProgram({
    op,
    ctx,
    factory: 'ArgMaxMultiCoreProgramFactory',
    factoryReason: `${byBuild ? 'row-major input reduced over the last dim (tt-metal PR #46340 on: multi-core whatever use_multicore)' : 'use_multicore'}; ${w} elements in units of ${unit} over ${n} cores`,
    groups,
    cbs: [
      ...split.runs.map((r, i) => ({
        index: 0,
        role: 'input share',
        nPages: 1,
        pageBytes: round32(unitsOf(i) * inElem),
        groups: [r.name],
      })),
      { index: 1, role: 'output page', nPages: 1, pageBytes: round32(outLast * outElem) },
      { index: 2, role: 'per-core indices', nPages: 1, pageBytes: round32(outLast * outElem) * n },
      { index: 3, role: 'per-core values', nPages: 1, pageBytes: round32(outLast * inElem) * n },
    ],
    confidence: 'approx',
    approxReason: 'multi-core factory read at tt-metal 050f24f; earlier builds (from PR #20730, 2025-04) not compared',
    citations: [CITES.argmaxMulti, CITE.workSplit],
  });
}

function sortIndexDtype(input: DataType, w: number, declared: DataType | undefined): DataType {
  if (declared === 'u16' || declared === 'u32') return declared;
  return w >= 65_535 || input === 'f32' ? 'u32' : 'u16';
}

/**
 * L1 tensors ttnn::sort allocates besides its results (sort.cpp@09f752a): the sort program writes values and indices of
 * the transposed 4-D shape, its last dim padded to a power of two (at least 64), in the requested memory config; a
 * padded result is sliced back (again in that config), and off the last dim both are transposed back in the input's
 * config. Each reassignment frees the previous tensor once the next one exists, so the peak is the largest of the
 * live sets along that chain; the op's own results (`placed`) are counted as outputs, the rest here. Worked example
 * (TestOpModelLib.cpp@b73fc81:1583): 64x64 bf16 over dim 0, L1 requested, DRAM input: values and u16 indices
 * [1,1,64,64] in L1, 4 tiles / 64 banks → 2,048 B each = 4,096 B; the results go to DRAM.
 */
function sortL1Intermediates(
  op: TtnnOp,
  placed: TtnnOp,
  ctx: EstimateContext,
  logical: readonly number[],
  dim: number,
  indexDtype: DataType,
): number {
  const requested = op.results[0];
  if (requested?.kind !== 'tensor' || requested.layout.kind !== 'layout' || isSharded(requested.layout)) return 0;
  const rank = logical.length;
  const sortedLen = logical[dim] ?? 1;
  const moved = [...logical];
  [moved[dim], moved[rank - 1]] = [moved[rank - 1]!, moved[dim]!];
  const flat =
    rank > 4
      ? [moved.slice(0, rank - 3).reduce((a, b) => a * b, 1), ...moved.slice(rank - 3)]
      : [...Array<number>(4 - rank).fill(1), ...moved];
  const paddedLast = Math.ceil(sortedLen / 32) * 32;
  let pow2 = 1;
  while (pow2 < paddedLast) pow2 *= 2;
  const sortedW = pow2 === paddedLast && paddedLast > 32 ? paddedLast : Math.max(64, pow2);
  const bytes = (dims: number[], dtype: DataType): number => {
    const spec = specWith(requested, { dims, dtype, pageLayout: 'tile' });
    return spec.layout.kind === 'layout' ? (l1Footprint(dims, spec.layout, ctx.device)?.bytesPerCore ?? 0) : 0;
  };
  const valuesDtype = requested.layout.dtype;
  const stages: [number, number][] = [
    [bytes([...flat.slice(0, 3), sortedW], valuesDtype), bytes([...flat.slice(0, 3), sortedW], indexDtype)],
  ];
  if (sortedW !== sortedLen)
    stages.push([
      bytes([...flat.slice(0, 3), sortedLen], valuesDtype),
      bytes([...flat.slice(0, 3), sortedLen], indexDtype),
    ]);
  const outputs = outputsInL1(placed, ctx);
  const out = (i: number) => outputs.find((o) => o.resultIndex === i)?.bytesPerCore ?? 0;
  if (dim !== rank - 1) stages.push([out(0), out(1)]);
  let peak = stages[0]![0] + stages[0]![1];
  for (let i = 1; i < stages.length; i++) {
    const [pv, pi] = stages[i - 1]!;
    const [nv, ni] = stages[i]!;
    peak = Math.max(peak, pv + pi + nv, pi + nv + ni);
  }
  return Math.max(0, peak - out(0) - out(1));
}

export function estimateSort(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major sort is not modeled');
  const rank = input.logical.length;
  const dimRaw = propInt(op, 'dim') ?? -1;
  const dim = dimRaw < 0 ? dimRaw + rank : dimRaw;
  // The composite moves the sorted dim last (a transpose) and pads W to a multiple of 64.
  const w = dim === rank - 1 ? input.padded[rank - 1] : (input.logical[dim] ?? 1);
  const wPadded = Math.ceil(w / 64) * 64;
  const wt = wPadded / 32;
  const idxSpec = op.results[1];
  const declared =
    idxSpec !== undefined && idxSpec.kind === 'tensor' && idxSpec.layout.kind === 'layout'
      ? idxSpec.layout.dtype
      : undefined;
  const ti = tileBytes(sortIndexDtype(input.dtype, wPadded, declared));
  const tv = tileBytes(input.dtype);
  // Off the last dim the composite transposes the results back with the input's memory config, not the requested
  // one (sort.cpp@09f752a post_sort_transform_tensor; TestOpModelLib.cpp@b73fc81:1584: DRAM input, L1 requested, 0 B).
  const placed = dim === rank - 1 ? op : withResultsPlacedLike(op, op.operands[0]);
  const l1Intermediates = sortL1Intermediates(
    op,
    placed,
    ctx,
    input.logical,
    dim,
    sortIndexDtype(input.dtype, wPadded, declared),
  );
  if (wt > 64) return sortManyTiles(placed, ctx, wt, tv, ti, dim === rank - 1 && w % 64 === 0, l1Intermediates);
  return finishProgram({
    l1IntermediateBytesPerCore: l1Intermediates,
    op: placed,
    ctx,
    factory: 'SortProgramFactorySingleRowSingleCore',
    factoryReason: `Wt = ${wt} ≤ 64: single-row single-core factory${dim === rank - 1 ? '' : ' (after the composite moves the sorted dim last)'}`,
    groups: ONE_CORE,
    cbs: [
      { index: 0, role: 'input tiles', nPages: 4, pageBytes: tv },
      { index: 1, role: 'index tiles', nPages: 4, pageBytes: ti },
      { index: 2, role: 'transposed input', nPages: wt, pageBytes: tv },
      { index: 3, role: 'transposed indices', nPages: wt, pageBytes: ti },
      { index: 4, role: 'sorted values', nPages: 2, pageBytes: tv },
      { index: 5, role: 'sorted indices', nPages: 2, pageBytes: ti },
      { index: 6, role: 'synchronization', nPages: 1, pageBytes: 1024 },
    ],
    confidence: dim === rank - 1 && w % 64 === 0 ? 'exact' : 'approx',
    approxReason:
      dim === rank - 1 && w % 64 === 0
        ? ''
        : 'the composite transposes / pads W to a multiple of 64 first; only the sort program is sized',
    citations: [CITES.sort, CITES.sortSelect],
  });
}

/** tt-metal's `rounddown_pow2`. */
function roundDownPow2(n: number): number {
  return n <= 0 ? 0 : 2 ** Math.floor(Math.log2(n));
}

/**
 * Sort rows wider than 64 tiles [6]: the hybrid cross-core factory when Wt ≤ A · min(128, max(⌊Wt/A⌋, 2)) (A = grid
 * cores), else the DRAM factory. Hybrid: n = min(128, max(⌊Wt/V⌋, 2), Wt) tiles per core (V = the largest power of two
 * ≤ A), ⌈Wt/n⌉ cores, CBs 2·T(in), 2·T(idx), n·T(in), n·T(idx), 2·T(v), 2·T(idx), 2·T(v) and 2·T(idx) (own and peer
 * exchange halves, twice), one u32 tile (core lookup table), one bf16 tile (packer/unpacker sync). DRAM: workers
 * (⌊Wt/2⌋ pairs over up to A − 1 cores) hold six double-buffered tile CBs, the coordinator two.
 */
function sortManyTiles(
  op: TtnnOp,
  ctx: EstimateContext,
  wt: number,
  tv: number,
  ti: number,
  lastDimAligned: boolean,
  l1IntermediateBytesPerCore: number,
): OpEstimateResult {
  const area = gridArea(ctx);
  const hybridTilesPerCore = Math.min(128, Math.max(Math.floor(wt / area), 2));
  const approxReason = `sort factories for Wt > 64 read at tt-metal 00c5add only${lastDimAligned ? '' : '; the composite transposes / pads W to a multiple of 64 first (only the sort program is sized)'}`;
  const citations = [CITES.sortMany, CITES.sortSelect];
  if (wt <= area * hybridTilesPerCore) {
    const virtualCores = roundDownPow2(area);
    const n = Math.min(Math.min(128, Math.max(Math.floor(wt / virtualCores), 2)), wt);
    const used = Math.ceil(wt / n);
    if (used > virtualCores)
      return illegal(
        op.name,
        `All core utilization count exceeds total number of cores. Utilized cores: ${used}, Total cores: ${virtualCores}`,
        CITES.sortMany,
      );
    return finishProgram({
      op,
      ctx,
      l1IntermediateBytesPerCore,
      factory: 'SortProgramFactoryCrossCoreDataExchange',
      factoryReason: `Wt = ${wt} > 64 and ≤ ${area} · ${hybridTilesPerCore}: hybrid factory, ${n} tiles on each of ${used} cores`,
      groups: [{ name: 'cores', nCores: used, firstCore: [0, 0] }],
      cbs: [
        { index: 0, role: 'input tiles', nPages: 2, pageBytes: tv },
        { index: 1, role: 'index tiles', nPages: 2, pageBytes: ti },
        { index: 2, role: 'transposed input slice', nPages: n, pageBytes: tv },
        { index: 3, role: 'transposed index slice', nPages: n, pageBytes: ti },
        { index: 4, role: 'sorted values', nPages: 2, pageBytes: tv },
        { index: 5, role: 'sorted indices', nPages: 2, pageBytes: ti },
        { index: 6, role: 'values to the peer', nPages: 1, pageBytes: 2 * tv },
        { index: 7, role: 'indices to the peer', nPages: 2, pageBytes: ti },
        { index: 8, role: 'values from the peer', nPages: 1, pageBytes: 2 * tv },
        { index: 9, role: 'indices from the peer', nPages: 2, pageBytes: ti },
        { index: 10, role: 'core lookup table', nPages: 1, pageBytes: tileBytes('u32') },
        { index: 11, role: 'packer/unpacker sync', nPages: 1, pageBytes: tileBytes('bf16') },
      ],
      confidence: 'approx',
      approxReason,
      citations,
    });
  }
  const pairs = Math.floor(wt / 2);
  const workers = Math.min(pairs, area - 1);
  return finishProgram({
    op,
    ctx,
    l1IntermediateBytesPerCore,
    factory: 'SortProgramFactorySingleRowMultiCore',
    factoryReason: `Wt = ${wt} > ${area} · ${hybridTilesPerCore}: DRAM factory, ${pairs} tile pairs over ${workers} worker cores and a coordinator`,
    groups: [
      { name: 'workers', nCores: workers, firstCore: [0, 0] },
      { name: 'coordinator', nCores: 1, firstCore: [ctx.device.workerGrid[1] - 1, ctx.device.workerGrid[0] - 1] },
    ],
    cbs: [
      { index: 0, role: 'coordinator input tiles', nPages: 2, pageBytes: tv, groups: ['coordinator'] },
      { index: 1, role: 'coordinator index tiles', nPages: 2, pageBytes: ti, groups: ['coordinator'] },
      { index: 2, role: 'input tiles', nPages: 2, pageBytes: tv, groups: ['workers'] },
      { index: 3, role: 'index tiles', nPages: 2, pageBytes: ti, groups: ['workers'] },
      { index: 4, role: 'transposed input', nPages: 2, pageBytes: tv, groups: ['workers'] },
      { index: 5, role: 'transposed indices', nPages: 2, pageBytes: ti, groups: ['workers'] },
      { index: 6, role: 'sorted values', nPages: 2, pageBytes: tv, groups: ['workers'] },
      { index: 7, role: 'sorted indices', nPages: 2, pageBytes: ti, groups: ['workers'] },
    ],
    confidence: 'approx',
    approxReason,
    citations,
  });
}

interface TopKSplit {
  readonly localCores: number;
  readonly splitSize: number;
  readonly wtLocal: number;
  readonly wtFinal: number;
}

/**
 * `find_topk_core_config` [7] on the default sub-core grid (the whole worker grid): splits of W (powers of two from
 * ⌊W / 32 / P⌋ · 32, P = the largest power of two ≤ (rows − 2)·(cols − 1), up to W / 2) that divide W into 2..(rows −
 * 2)·(cols − 1) chunks of ≥ 64 elements arranged as a rectangle of at most (cols − 1) x (rows − 2) cores, whose modeled
 * per-core bytes stay under l1_size; the one with the least 7·Wt_local + 2·Wt_final (first on ties).
 */
function findTopKSplit(
  ctx: EstimateContext,
  w: number,
  k: number,
  tValue: number,
  tIndex: number,
  tCompute: number,
): TopKSplit | undefined {
  const [rows, cols] = ctx.device.workerGrid;
  const maxX = cols - 1;
  const maxY = rows - 2;
  const maxCores = maxY * maxX;
  if (maxCores <= 0) return undefined;
  const start = Math.floor(w / 32 / roundDownPow2(maxCores)) * 32;
  if (start <= 0) return undefined;
  let best: TopKSplit | undefined;
  let bestScore = Infinity;
  for (let split = start; split <= w / 2; split *= 2) {
    const rem = w % split;
    const n = Math.floor(w / split) + (rem > 0 ? 1 : 0);
    const wtFinal = (n * Math.max(k, 32)) / 32;
    const wtLocal = split / 32;
    const shared = 4 * (tValue + tIndex) + wtFinal * (tCompute + tIndex) + 2 * tIndex;
    const perCore = Math.max(
      shared + 2 * tValue + wtFinal * (tCompute + tIndex),
      shared + wtLocal * (tCompute + tIndex) + 2 * tCompute,
    );
    if (n > maxCores) continue;
    let contiguous = false;
    for (let y = maxY; y > 0 && !contiguous; y--)
      for (let x = maxX; x > 0; x--)
        if (x * y === n) {
          contiguous = true;
          break;
        }
    if (perCore < ctx.device.l1SizeBytes && n > 1 && split >= 64 && contiguous && rem === 0) {
      const score = 7 * wtLocal + 2 * wtFinal;
      if (score < bestScore) {
        bestScore = score;
        best = { localCores: n, splitSize: split, wtLocal, wtFinal };
      }
    }
  }
  return best;
}

/**
 * TopKMultiCoreProgramFactory [7] (stable = false, u16 indices): on every core c_0 = 4·T(v), c_1 = 4·T(i), the gather
 * buffers c_4 = Wt_final·T(c), c_5 = Wt_final·T(i), c_9 = 2·T(i); local cores add c_2 = Wt_local·T(c), c_3 =
 * Wt_local·T(i), c_8 = 2·T(c); the final core c_8 = 2·T(v), c_6 = Wt_final·T(c), c_7 = Wt_final·T(i). T(c) is the bf16
 * tile for bfp8 values, else the value tile. Undefined when no split fits (the single-core factory runs).
 */
function topkMultiCore(
  op: TtnnOp,
  ctx: EstimateContext,
  inputDtype: DataType,
  valueDtype: DataType,
  w: number,
  k: number,
): OpEstimateResult | undefined {
  const tv = tileBytes(valueDtype);
  const ti = tileBytes('u16');
  const tc = inputDtype === 'bfp_bf8' || inputDtype === 'bfp_bf4' ? tileBytes('bf16') : tileBytes(inputDtype);
  const split = findTopKSplit(ctx, w, k, tv, ti, tc);
  if (split === undefined) return undefined;
  const { localCores, wtLocal, wtFinal } = split;
  return finishProgram({
    op,
    ctx,
    factory: 'TopKMultiCoreProgramFactory',
    factoryReason: `W = ${w} (a power of two ≥ 8,192), k = ${k} ≤ 64: ${localCores} local cores of ${split.splitSize} elements (${wtLocal} tiles) and a final core merging ${wtFinal} tiles`,
    groups: [
      { name: 'local', nCores: localCores, firstCore: [0, 0] },
      { name: 'final', nCores: 1, firstCore: [0, ctx.device.workerGrid[0] - 2] },
    ],
    cbs: [
      { index: 0, role: 'input values', nPages: 4, pageBytes: tv },
      { index: 1, role: 'input indices', nPages: 4, pageBytes: ti },
      { index: 4, role: 'gathered values', nPages: wtFinal, pageBytes: tc },
      { index: 5, role: 'gathered indices', nPages: wtFinal, pageBytes: ti },
      { index: 9, role: 'top-k indices out', nPages: 2, pageBytes: ti },
      { index: 2, role: 'transposed values', nPages: wtLocal, pageBytes: tc, groups: ['local'] },
      { index: 3, role: 'transposed indices', nPages: wtLocal, pageBytes: ti, groups: ['local'] },
      { index: 8, role: 'top-k values out', nPages: 2, pageBytes: tc, groups: ['local'] },
      { index: 8, role: 'top-k values out', nPages: 2, pageBytes: tv, groups: ['final'] },
      { index: 6, role: 'final values workspace', nPages: wtFinal, pageBytes: tc, groups: ['final'] },
      { index: 7, role: 'final indices workspace', nPages: wtFinal, pageBytes: ti, groups: ['final'] },
    ],
    confidence: 'approx',
    approxReason:
      'multi-core split and CBs read at 2026 builds (010a13c, 04ef66d: the least modeled makespan; earlier builds took the first valid split, change not dated)',
    citations: [CITES.topkMulti, CITES.topkSelect],
  });
}

/**
 * `verify_available_cores` of topk_op.cpp before PR #21029 [topkValidateOld]: splits of W from W / 2 down to 64
 * (halving, uint16 arithmetic) into at most grid rows − 1 local cores, whose whole-split CBs plus two gathered tiles
 * per core fit in num_cores · l1_size. True when some split does.
 */
function oldTopKCoresAvailable(ctx: EstimateContext, w: number, tValue: number, tIndex: number): boolean {
  const maxCores = ctx.device.workerGrid[0] - 1;
  for (let split = Math.floor(w / 2); split >= 64; split = Math.floor(split / 2)) {
    const rem = w % split;
    const n = Math.floor(w / split) + (rem > 0 ? 1 : 0);
    const gather = 2 * n * (tValue + tIndex);
    const local = Math.floor(split / 32) * (tValue + tIndex);
    if (n <= maxCores && gather + local * n < ctx.device.l1SizeBytes * n && n > 1) return true;
  }
  return false;
}

/**
 * TopK before change point `topk-single-core-streaming` (tt-metal PR #21029): validate rejects k > 64, and a row of
 * W ≥ 8,192 needs a multi-core split ("Not enough cores available to run topk operation", tt-metal #13235's 1x50257);
 * a narrower row runs the bitonic single-core factory [topkBitonic], which holds the whole transposed row: c_0 = 4·T(v),
 * c_1 = 4·T(i), c_24 = Wt·T(v), c_25 = Wt·T(i), c_16 = 2·T(v), c_17 = 2·T(i), indices UINT16. The multi-core factory of
 * those builds is not modeled.
 */
function topkBeforeStreaming(op: TtnnOp, ctx: EstimateContext, valueDtype: DataType, w: number, k: number) {
  if (k > 64) return illegal(op.name, `K must be less than or equal to 64, got ${k}`, CITES.topkValidateOld);
  const tv = tileBytes(valueDtype);
  const ti = tileBytes('u16');
  if (w >= 8192) {
    if (w > 65_535)
      return unmodeled(
        op.name,
        `topk of a ${w}-wide row before tt-metal PR #21029 (uint16 width arithmetic) is not modeled`,
      );
    if (!oldTopKCoresAvailable(ctx, w, tv, ti))
      return illegal(op.name, 'Not enough cores available to run topk operation', CITES.topkValidateOld);
    return unmodeled(
      op.name,
      `the multi-core topk factory of builds before tt-metal PR #21029 (W = ${w} ≥ 8,192) is not modeled`,
    );
  }
  const wt = w / 32;
  return finishProgram({
    op,
    ctx,
    factory: 'TopK single-core interleaved (bitonic)',
    factoryReason: `before tt-metal PR #21029 a row of W = ${w} < 8,192 runs the single-core bitonic sort, which holds the whole transposed row (Wt = ${wt} tiles)`,
    groups: ONE_CORE,
    cbs: [
      { index: 0, role: 'input', nPages: 4, pageBytes: tv },
      { index: 1, role: 'indices', nPages: 4, pageBytes: ti },
      { index: 24, role: 'transposed values (whole row)', nPages: wt, pageBytes: tv },
      { index: 25, role: 'transposed indices (whole row)', nPages: wt, pageBytes: ti },
      { index: 16, role: 'output values', nPages: 2, pageBytes: tv },
      { index: 17, role: 'output indices', nPages: 2, pageBytes: ti },
    ],
    confidence: 'approx',
    approxReason:
      'bitonic single-core factory read at one build before tt-metal PR #21029 (025ec61); its earlier revisions not compared',
    citations: [CITES.topkBitonic],
  });
}

export function estimateTopK(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major topk is not modeled');
  const k = propInt(op, 'k');
  if (k === undefined || k <= 0) return unmodeled(op.name, 'k attribute missing');
  const w = input.padded[input.padded.length - 1] ?? 32;
  if (!atOrAfter(ctx, 'topk-single-core-streaming')) {
    const valuesOld = resolveTensor(op.results[0], 'values');
    if (typeof valuesOld === 'string') return unmodeled(op.name, valuesOld);
    return topkBeforeStreaming(op, ctx, valuesOld.dtype, w, k);
  }
  // The multi-core factory is chosen only when W ≥ 8,192, W is a power of two below 65,535 and k ≤ 64 (and a split
  // fits); every other shape runs the single-core factory.
  const multiCoreCandidate = w >= 8192 && w < 65_535 && (w & (w - 1)) === 0 && k <= 64;
  const values = resolveTensor(op.results[0], 'values');
  if (typeof values === 'string') return unmodeled(op.name, values);
  if (multiCoreCandidate) {
    const multi = topkMultiCore(op, ctx, input.dtype, values.dtype, w, k);
    if (multi !== undefined) return multi;
  }
  const idxSpec = op.results[1];
  const idxDtype: DataType =
    idxSpec !== undefined && idxSpec.kind === 'tensor' && idxSpec.layout.kind === 'layout'
      ? idxSpec.layout.dtype
      : 'u16';
  const tv = tileBytes(values.dtype);
  const ti = tileBytes(idxDtype);
  const kt = Math.ceil(k / 32);
  return finishProgram({
    op,
    ctx,
    factory: 'TopK single-core interleaved',
    factoryReason: `one core; K = ceil(${k} / 32) = ${kt} tiles`,
    groups: ONE_CORE,
    cbs: [
      { index: 0, role: 'input', nPages: 4, pageBytes: tv },
      { index: 1, role: 'indices', nPages: 4, pageBytes: ti },
      { index: 2, role: 'transposed values', nPages: 4, pageBytes: tv },
      { index: 3, role: 'transposed indices', nPages: 4, pageBytes: ti },
      { index: 4, role: 'result prep values', nPages: 2 * kt, pageBytes: tv },
      { index: 5, role: 'result prep indices', nPages: 2 * kt, pageBytes: ti },
      { index: 6, role: 'output values', nPages: kt, pageBytes: tv },
      { index: 7, role: 'output indices', nPages: kt, pageBytes: ti },
    ],
    confidence: 'approx',
    approxReason: 'single-core factory read at tt-metal 01ca906; other builds not compared',
    citations: [CITES.topk],
  });
}
