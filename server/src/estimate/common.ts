/**
 * Shared machinery of the estimators: operand resolution, tt-metal's work splits (`split_work_to_cores`,
 * `split_blocks_for_tilize`, `split_blocks_for_tilize_wh`), core ordering, and the CB-region arithmetic of
 * `ProgramImpl::allocate_circular_buffers` that turns a CB list into per-core figures.
 */

import { formatInteger } from '../text/numbers';
import { DataType, TILE_HW, tileBytes } from '../ttnn/dtype';
import { PageGeometry, TensorLayout, alignUp, l1Footprint, pageGeometry, paddedShape, volume } from '../ttnn/layout';
import type { TensorSpec, TtnnOp, ValueSpec } from '../ttnn/op';
import { firstSplitRange, splitRangeMergeMatters } from './printedRange';
import { atOrAfter, windowAtOrAfter, type ChangePointId } from './changePoints';
import type {
  CbAllocation,
  CoreGroup,
  CoreRangeXY,
  CoreXY,
  EstimateContext,
  L1Intermediate,
  OpEstimate,
  OutputL1,
  TileInfo,
  Writable,
} from './types';

/** Citations shared by several estimators (tenstorrent/tt-metal unless noted). */
export const CITE = {
  cbAllocation:
    'tt-metal tt_metal/impl/program/program.cpp@001b6f9 (allocate_circular_buffers, validate_circular_buffer_region)',
  workSplit: 'tt-metal tt_metal/common/work_split.cpp (split_work_to_cores), ttmetal-l1-model.md §4',
  workSplitTilize:
    'tt-metal ttnn/cpp/ttnn/operations/core/work_split/work_split_tilize.hpp@02ed05c (compute_ncores_wh, compute_ncores_wh_sb, split_blocks_for_tilize[_wh])',
  coreOrder: 'tt-metal tt_metal/common/core_coord.cpp (corerange_to_cores, row_wise = false: column-major)',
  buffers: 'tt-metal tt_metal/impl/buffers/buffer.cpp (aligned_size_per_bank), ttmetal-l1-model.md §5',
} as const;

// ---------------------------------------------------------------------------------------------
// Operands

/** A tensor operand with everything an estimator needs, or the reason it is unusable. */
export interface ResolvedTensor {
  readonly logical: readonly number[];
  readonly padded: readonly number[];
  readonly layout: TensorLayout;
  readonly dtype: DataType;
  readonly geometry: PageGeometry;
}

/** The alignment a page of `t`'s buffer is padded to: L1's for an L1 buffer, DRAM's otherwise. */
export function bufferAlignmentBytes(t: ResolvedTensor, ctx: EstimateContext): number {
  return t.layout.bufferType === 'l1' ? ctx.device.l1AlignmentBytes : ctx.device.dramAlignmentBytes;
}

export function resolveTensor(spec: ValueSpec | undefined, what: string): ResolvedTensor | string {
  if (spec === undefined) return `${what} is missing`;
  if (spec.kind !== 'tensor') return `${what} is not a tensor (${spec.typeText})`;
  return resolveTensorSpec(spec, what);
}

/**
 * `spec` resolved, or the reason it cannot be (worded with `what`). A resolved tensor is a function of the spec's shape
 * and layout alone and is never written, so it is kept per spec object: the TTNN view shares one spec per type text,
 * and a fresh estimate resolves each operand and result (100k-op generated dump: 79k resolutions of 600 specs).
 */
export function resolveTensorSpec(spec: TensorSpec, what: string): ResolvedTensor | string {
  const kept = resolvedBySpec.get(spec);
  if (kept !== undefined) return kept;
  const resolved = resolveTensorSpecAfresh(spec, what);
  if (typeof resolved !== 'string') resolvedBySpec.set(spec, resolved);
  return resolved;
}

const resolvedBySpec = new WeakMap<TensorSpec, ResolvedTensor>();

function resolveTensorSpecAfresh(spec: TensorSpec, what: string): ResolvedTensor | string {
  if (spec.shape.kind === 'unknown') return `${what}: ${spec.shape.reason}`;
  if (spec.layout.kind === 'unknown') return `${what} layout unknown: ${spec.layout.reason}`;
  const layout = spec.layout;
  // Block-float tensors carry the dtype on the tensor element type; the layout's memref agrees when printed.
  const dtype = layout.dtype;
  if (spec.shape.dims.some((d) => d === 0)) return `${what} is empty (a zero dimension): no data to move`;
  // A rank-0 tensor is stored like a one-element rank-1 tensor.
  const logical = spec.shape.dims.length === 0 ? [1] : spec.shape.dims;
  const geometry = pageGeometry(logical, layout);
  if (geometry === undefined) return `${what}: ${dtype} has no row-major page size`;
  return { logical, padded: paddedShape(logical, layout.pageLayout), layout, dtype, geometry };
}

/** The first operand and the first result as tensor specs and resolved tensors, or the reason the op has no model. */
export function resolveUnaryShape(
  op: TtnnOp,
): { inSpec: TensorSpec; outSpec: TensorSpec; input: ResolvedTensor; output: ResolvedTensor } | string {
  const inSpec = op.operands[0];
  const outSpec = op.results[0];
  if (inSpec === undefined || inSpec.kind !== 'tensor' || outSpec === undefined || outSpec.kind !== 'tensor')
    return 'input or result is not a tensor';
  const input = resolveTensorSpec(inSpec, 'input');
  if (typeof input === 'string') return input;
  const output = resolveTensorSpec(outSpec, 'result');
  if (typeof output === 'string') return output;
  return { inSpec, outSpec, input, output };
}

export function tileInfo(t: ResolvedTensor, tileBytesOut: number): TileInfo {
  const padded = paddedShape(t.logical, 'tile');
  const w = padded[padded.length - 1];
  const h = padded[padded.length - 2];
  return {
    widthTiles: w / TILE_HW,
    heightTiles: h / TILE_HW,
    tileRowsTotal: volume(padded) / w / TILE_HW,
    tileBytesIn: tileBytes(t.dtype),
    tileBytesOut,
  };
}

export function propInt(op: TtnnOp, name: string): number | undefined {
  const p = op.properties[name];
  return p !== undefined && p.kind === 'int' ? p.value : undefined;
}

/** An integer or float property as a number (a scalar bound or exponent written either way). */
export function propNumber(op: TtnnOp, name: string): number | undefined {
  const p = op.properties[name];
  return p !== undefined && (p.kind === 'float' || p.kind === 'int') ? p.value : undefined;
}

export function propInts(op: TtnnOp, name: string): readonly number[] | undefined {
  const p = op.properties[name];
  if (p === undefined) return undefined;
  if (p.kind === 'ints') return p.values;
  if (p.kind === 'int') return [p.value];
  return undefined;
}

export function propBool(op: TtnnOp, name: string): boolean | undefined {
  const p = op.properties[name];
  return p !== undefined && p.kind === 'bool' ? p.value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Cores and work splits

export function gridArea(ctx: EstimateContext): number {
  return ctx.device.workerGrid[0] * ctx.device.workerGrid[1];
}

/** The i-th core of the worker grid: column-major (`corerange_to_cores` default) or row-major. */
export function coreAt(i: number, grid: readonly [number, number], order: 'col' | 'row'): CoreXY {
  const [rows, cols] = grid;
  if (order === 'col') return [Math.floor(i / rows), i % rows];
  return [i % cols, Math.floor(i / cols)];
}

/** A run of consecutive cores (in some core order) sharing one CB configuration. */
export interface CoreRun {
  readonly name: string;
  readonly firstIndex: number;
  readonly nCores: number;
}

export interface WorkSplit {
  readonly nCores: number;
  readonly runs: readonly CoreRun[];
  readonly maxUnitsPerCore: number;
}

/**
 * `split_work_to_cores(grid, units)`: n = min(units, A) cores; the first `units mod n` get one unit more.
 */
export function splitWorkToCores(area: number, units: number): WorkSplit {
  if (units <= 0 || area <= 0) return { nCores: 0, runs: [], maxUnitsPerCore: 0 };
  const n = Math.min(units, area);
  const q = Math.floor(units / n);
  const r = units % n;
  const runs: CoreRun[] =
    r === 0
      ? [{ name: 'all', firstIndex: 0, nCores: n }]
      : [
          { name: 'group1', firstIndex: 0, nCores: r },
          { name: 'group2', firstIndex: r, nCores: n - r },
        ];
  return { nCores: n, runs, maxUnitsPerCore: r === 0 ? q : q + 1 };
}

/**
 * `find_max_divisor(val, start_max_div)`: the largest divisor of `n` from `cap` down, skipping 7 and 5 (the DST block
 * sizes the softmax / layernorm kernels do not take), 1 when none — so a Wt of 7 gets 1, 8,001 (= 3²·7·127) gets 3.
 * Read at tt-metal tt_metal/common/work_split.cpp (search index id 2641121430) and the same body in
 * tt_metal/common/core_coord.hpp of late 2024 (id 20617807785).
 */
export function findMaxDivisor(n: number, cap: number): number {
  for (let d = cap; d >= 1; d--) {
    if (d === 7 || d === 5) continue;
    if (n % d === 0) return d;
  }
  return 1;
}

/** tt-metal computes some ceilings in float32 (`std::ceil(static_cast<float>(n) / area)`); mirror the rounding. */
function floatCeilDiv(n: number, d: number): number {
  return Math.ceil(Math.fround(Math.fround(n) / Math.fround(d)));
}

export interface BlockSplit {
  readonly nCores: number;
  readonly blocksPerCore: number;
  readonly blocksCliff: number;
}

/** `split_blocks_for_tilize(grid, nblocks)` / `compute_ncores`: per = ceil(n/A), cores = ceil(n/per), cliff = n mod per. */
export function splitBlocksForTilize(area: number, nblocks: number): BlockSplit {
  if (nblocks <= 0 || area <= 0) return { nCores: 0, blocksPerCore: 0, blocksCliff: 0 };
  const per = floatCeilDiv(nblocks, area);
  const nCores = per === 0 ? nblocks : floatCeilDiv(nblocks, per);
  return { nCores, blocksPerCore: per, blocksCliff: per === 0 ? 0 : nblocks % per };
}

export interface NcoresWh {
  readonly nCores: number;
  /** Block edge in tiles (`single_block_size`). */
  readonly blockSize: number;
  readonly blocksWide: number;
  readonly blocksHigh: number;
}

/**
 * `compute_ncores_wh` / `closest_square_larger_than_b`: per = ceil(n/A); the block edge is the smallest
 * c > isqrt(per) (or isqrt(per) itself when per is a perfect square) with ceil(W/c) * ceil(H/c) < A (strict).
 */
export function computeNcoresWh(area: number, nblocks: number, widthTiles: number, heightTiles: number): NcoresWh {
  const per = area === 0 ? 1 : Math.ceil(nblocks / area);
  let blockSize = 1;
  if (area > 0) {
    const root = Math.floor(Math.sqrt(per));
    const fits = (c: number): boolean => Math.ceil(widthTiles / c) * Math.ceil(heightTiles / c) < area;
    if (root * root === per && root > 0 && fits(root)) blockSize = root;
    else {
      // ceil(W/c)*ceil(H/c) is non-increasing in c: binary search the first c > root that fits (the loop in
      // tt-metal is linear up to W*H; same answer).
      let lo = root + 1;
      let hi = Math.max(lo, widthTiles * heightTiles);
      if (!fits(hi)) blockSize = 1;
      else {
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (fits(mid)) hi = mid;
          else lo = mid + 1;
        }
        blockSize = lo;
      }
    }
  }
  const blocksWide = Math.ceil(widthTiles / blockSize);
  const blocksHigh = Math.ceil(heightTiles / blockSize);
  return { nCores: blocksWide * blocksHigh, blockSize, blocksWide, blocksHigh };
}

export interface NcoresWhSb extends NcoresWh {
  /** Sub-block width each full / cliff_col core works on (`single_sblock_size`). */
  readonly subBlockSize: number;
}

/**
 * `compute_ncores_wh_sb` (tt-metal ≥ PR #35806): with L1 limit `limit` tiles, if blocks of `limit` already need fewer
 * than A cores use them; else choose block = n·s (n ≥ 2, s < limit) maximising the block count ≤ A with the row cliff
 * < limit, ties to smaller n. Returns undefined when tt-metal would fail ("No solution found").
 */
export function computeNcoresWhSb(
  area: number,
  widthTiles: number,
  heightTiles: number,
  limit: number,
): NcoresWhSb | undefined {
  if (limit <= 0) return undefined;
  const wide0 = Math.ceil(widthTiles / limit);
  const high0 = Math.ceil(heightTiles / limit);
  if (wide0 * high0 < area)
    return { nCores: wide0 * high0, blockSize: limit, blocksWide: wide0, blocksHigh: high0, subBlockSize: limit };
  let best: { n: number; count: number; s: number; block: number } | undefined;
  const countFor = (block: number): number => Math.ceil(widthTiles / block) * Math.ceil(heightTiles / block);
  // Same optimum as tt-metal's exhaustive scan (s from limit-1 down, n from 2 up): the block count is non-increasing
  // in n, so for each s start at the first n whose count fits (binary search) and stop once the count drops below
  // the best so far. A step budget bounds pathological shapes.
  let budget = 2_000_000;
  for (let s = limit - 1; s >= 1 && budget > 0; s--) {
    const maxN = Math.ceil(widthTiles / s);
    if (maxN < 2) continue;
    let lo = 2;
    let hi = maxN;
    if (countFor(hi * s) > area) continue;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (countFor(mid * s) <= area) hi = mid;
      else lo = mid + 1;
    }
    for (let n = lo; n <= maxN && budget > 0; n++, budget--) {
      const block = n * s;
      const count = countFor(block);
      if (best !== undefined && count < best.count) break;
      const cliffRow = widthTiles - Math.floor(widthTiles / block) * block;
      if (cliffRow >= limit) continue;
      if (best === undefined || count > best.count || (count === best.count && n < best.n))
        best = { n, count, s, block };
    }
  }
  if (best === undefined) return undefined;
  const blocksWide = Math.ceil(widthTiles / best.block);
  const blocksHigh = Math.ceil(heightTiles / best.block);
  return { nCores: blocksWide * blocksHigh, blockSize: best.block, blocksWide, blocksHigh, subBlockSize: best.s };
}

export interface BlockSplitWh {
  readonly blockSize: number;
  readonly subBlockSize: number;
  readonly fullCoresPerRow: number;
  readonly fullCoresPerCol: number;
  readonly cliffRow: number;
  readonly cliffCol: number;
  readonly hasCliffRow: boolean;
  readonly hasCliffCol: boolean;
  /** Core runs in assignment order (core index = position in column-major grid order). */
  readonly full: readonly number[];
  readonly cliffRowCores: readonly number[];
  readonly cliffColCores: readonly number[];
  readonly cliffColRowCores: readonly number[];
  readonly nCores: number;
  readonly usedSubBlocks: boolean;
}

/**
 * `split_blocks_for_tilize_wh`: block edge from `compute_ncores_wh` (or the sub-block variant when `limit` is given and
 * the block exceeds it); cores assigned row by row: full cores then a cliff_row core per block row, then the
 * cliff_col row (cliff_col cores, then one cliff_col_row core).
 */
export function splitBlocksForTilizeWh(
  area: number,
  widthTiles: number,
  heightTiles: number,
  limit: number | undefined,
): BlockSplitWh | string {
  const wh = computeNcoresWh(area, widthTiles * heightTiles, widthTiles, heightTiles);
  let blockSize = wh.blockSize;
  let subBlockSize = wh.blockSize;
  let blocksWide = wh.blocksWide;
  let blocksHigh = wh.blocksHigh;
  let usedSubBlocks = false;
  if (limit !== undefined && blockSize > limit) {
    const sb = computeNcoresWhSb(area, widthTiles, heightTiles, limit);
    if (sb === undefined)
      return `compute_ncores_wh_sb finds no sub-block under the ${limit}-tile L1 limit (tt-metal: "No solution found for single_block_size")`;
    blockSize = sb.blockSize;
    subBlockSize = sb.subBlockSize;
    blocksWide = sb.blocksWide;
    blocksHigh = sb.blocksHigh;
    usedSubBlocks = true;
  }
  const fullCoresPerRow = Math.floor(widthTiles / blockSize);
  const fullCoresPerCol = Math.floor(heightTiles / blockSize);
  const hasCliffRow = fullCoresPerRow < blocksWide;
  const hasCliffCol = fullCoresPerCol < blocksHigh;
  const full: number[] = [];
  const cliffRowCores: number[] = [];
  const cliffColCores: number[] = [];
  const cliffColRowCores: number[] = [];
  let index = 0;
  const cap = area; // tt-metal indexes grid_cores.at(): more blocks than cores would throw; never loop past the grid
  for (let row = 0; row < fullCoresPerCol && index < cap; row++) {
    for (let col = 0; col < fullCoresPerRow && index < cap; col++) full.push(index++);
    if (hasCliffRow && index < cap) cliffRowCores.push(index++);
  }
  if (hasCliffCol) {
    for (let col = 0; col < fullCoresPerRow && index < cap; col++) cliffColCores.push(index++);
    if (hasCliffRow && index < cap) cliffColRowCores.push(index++);
  }
  return {
    blockSize,
    subBlockSize,
    fullCoresPerRow,
    fullCoresPerCol,
    cliffRow: widthTiles - fullCoresPerRow * blockSize,
    cliffCol: heightTiles - fullCoresPerCol * blockSize,
    hasCliffRow,
    hasCliffCol,
    full,
    cliffRowCores,
    cliffColCores,
    cliffColRowCores,
    nCores: index,
    usedSubBlocks,
  };
}

/** Bounding box (x = columns, y = rows) of a shard grid: the printed core ranges, else the virtual grid laid row-major on the device grid. */
export function shardGridBox(
  layout: TensorLayout,
  deviceCols: number,
): { x: number; y: number; cores: number; start: CoreXY } {
  if (layout.coreRanges !== undefined && layout.coreRanges.length > 0) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let cores = 0;
    for (const r of layout.coreRanges) {
      minX = Math.min(minX, r.start.x);
      minY = Math.min(minY, r.start.y);
      maxX = Math.max(maxX, r.end.x);
      maxY = Math.max(maxY, r.end.y);
      cores += (r.end.x - r.start.x + 1) * (r.end.y - r.start.y + 1);
    }
    return { x: maxX - minX + 1, y: maxY - minY + 1, cores, start: [minX, minY] };
  }
  const [r, c] = layout.gridShape;
  if (layout.memoryLayout === 'block_sharded') return { x: c, y: r, cores: r * c, start: [0, 0] };
  const n = r * c;
  return { x: Math.min(n, deviceCols), y: Math.ceil(n / deviceCols), cores: n, start: [0, 0] };
}

/** Free L1 the factories see: (lowest occupied L1 address, else l1_size) − base (`get_max_l1_space`). */
export function maxL1Space(ctx: EstimateContext): number {
  return ctx.device.l1SizeBytes - liveL1Of(ctx) - ctx.device.l1UnreservedBase;
}

/** Bytes per core of live L1 tensors around the op (0 when not given): the one reader of `ctx.liveL1BytesPerCore`, which
 *  notes the read in `ctx.liveL1Read` (a result made without it holds at any free L1). */
export function liveL1Of(ctx: EstimateContext): number {
  if (ctx.liveL1Read !== undefined) ctx.liveL1Read.read = true;
  return ctx.liveL1BytesPerCore ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Program → estimate

export interface GroupSpec {
  readonly name: string;
  readonly nCores: number;
  readonly firstCore: CoreXY;
  /** The CoreRange tt-metal prints for the group (CoreGroup.printedRange); absent: firstCore alone. */
  readonly printedRange?: CoreRangeXY;
}

export interface CbSpec {
  readonly index: number;
  readonly role: string;
  readonly nPages: number;
  readonly pageBytes: number;
  /** Group names the CB is created on (usually one; all groups when omitted). */
  readonly groups?: readonly string[];
  readonly tensorBacked?: boolean;
}

export interface ProgramSpec {
  readonly op: TtnnOp;
  readonly ctx: EstimateContext;
  readonly factory: string;
  /** OpEstimate.programFactory. */
  readonly programFactory?: string;
  readonly factoryReason: string;
  readonly grid?: readonly [number, number];
  /** Groups with at least one core; CBs naming an empty group are dropped. */
  readonly groups: readonly GroupSpec[];
  /** CBs in tt-metal creation order. */
  readonly cbs: readonly CbSpec[];
  readonly confidence: 'exact' | 'approx';
  readonly approxReason?: string;
  readonly citations: readonly string[];
  readonly tiles?: TileInfo;
  readonly notes?: readonly string[];
  /** L1 tensors the op allocates and frees while it runs, bytes per core (OpEstimate.l1IntermediateBytesPerCore). */
  readonly l1IntermediateBytesPerCore?: number;
  /** Those tensors one by one, in allocation order (OpEstimate.l1Intermediates); their sum is the figure above. */
  readonly l1Intermediates?: readonly L1Intermediate[];
}

/** L1 footprints of an op's results (only those whose buffer is L1). */
export function outputsInL1(op: TtnnOp, ctx: EstimateContext): OutputL1[] {
  const out: OutputL1[] = [];
  op.results.forEach((spec, i) => {
    if (spec.kind !== 'tensor' || spec.shape.kind !== 'known' || spec.layout.kind !== 'layout') return;
    const fp = l1Footprint(spec.shape.dims, spec.layout, ctx.device);
    if (fp !== undefined)
      out.push({
        resultIndex: i,
        bytesPerCore: fp.bytesPerCore,
        how: fp.how,
        allocation: { banks: fp.banks, bufferBytes: fp.bufferBytes },
      });
  });
  return out;
}

/** `estimate` with operand `operandIndex` listed as updated in place and returned (when it lives in L1). */
export function withInPlaceOutput(
  estimate: OpEstimate,
  op: TtnnOp,
  ctx: EstimateContext,
  operandIndex: number,
): OpEstimate {
  const spec = op.operands[operandIndex];
  if (spec?.kind !== 'tensor' || spec.shape.kind !== 'known' || spec.layout.kind !== 'layout') return estimate;
  const fp = l1Footprint(spec.shape.dims, spec.layout, ctx.device);
  if (fp === undefined) return estimate;
  return {
    ...estimate,
    inPlaceOutputs: [{ operandIndex, bytesPerCore: fp.bytesPerCore, how: `${fp.how}, updated in place` }],
  };
}

/** `exact` when no reason is given, else `approx` with the reasons joined (empty reasons are dropped). */
export function confidenceFromReasons(reasons: readonly string[]): {
  readonly confidence: 'exact' | 'approx';
  readonly approxReason: string;
} {
  const given = reasons.filter((r) => r !== '');
  return given.length === 0
    ? { confidence: 'exact', approxReason: '' }
    : { confidence: 'approx', approxReason: given.join('; ') };
}

/**
 * Place the CBs like `allocate_circular_buffers`: on each core group, in creation order, every non-tensor-backed CB
 * starts at the previous end rounded up to the DRAM alignment. Region end = base + that sum. tt-metal validates the
 * ranges in creation order and reports the first one past the limit (l1_size, or the lowest live L1 buffer).
 */
export function finishProgram(spec: ProgramSpec): OpEstimate {
  const { device } = spec.ctx;
  const base = device.l1UnreservedBase;
  // Plain index loops over the (few) groups and CBs, no array callbacks: this runs for every estimate, often several
  // times per op, on specs and CB lists of many shapes (one per estimator); the callbacks' inlined map checks deopted
  // it (and the estimators it was inlined into) at each new shape, and each recompile cost ~0.1 s of TurboFan.
  const groups = groupsWithCores(spec.groups);
  const allGroupNames: string[] = [];
  for (let i = 0; i < groups.length; i++) allGroupNames.push(groups[i]!.name);
  const placed = placeCbs(spec.cbs, allGroupNames, base, device.dramAlignmentBytes);
  const coreGroups: CoreGroup[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const end = placed.endByGroup[nameIndex(allGroupNames, g.name)] ?? base;
    // Two literals, not a conditional spread: a property after a spread in a literal is a runtime call each.
    coreGroups.push(
      g.printedRange === undefined
        ? { name: g.name, nCores: g.nCores, firstCore: g.firstCore, cbBytesPerCore: end - base, cbRegionEndBytes: end }
        : {
            name: g.name,
            nCores: g.nCores,
            firstCore: g.firstCore,
            printedRange: g.printedRange,
            cbBytesPerCore: end - base,
            cbRegionEndBytes: end,
          },
    );
  }
  let worst: CoreGroup | undefined = coreGroups[0];
  for (let i = 0; i < coreGroups.length; i++) {
    const g = coreGroups[i]!;
    if (worst === undefined || g.cbBytesPerCore > worst.cbBytesPerCore) worst = g;
  }
  let reported = worst;
  // The free L1 only picks which group is reported (the first past the limit in creation order, else the worst): one
  // group is that group either way, so its estimate does not read the free L1 here, and the analysis's memo keeps it
  // once for every free-L1 figure (types.ts `liveL1Read`; conv2d's reshard and copy steps, memoised alike).
  if (coreGroups.length > 1) {
    const limit = device.l1SizeBytes - liveL1Of(spec.ctx);
    const creationOrder = placed.creationOrder;
    for (let i = 0; i < creationOrder.length; i++) {
      // The last group of that name, as a name-keyed map of the groups gives it (names are distinct in practice).
      const g = coreGroups[allGroupNames.lastIndexOf(allGroupNames[creationOrder[i]!]!)]!;
      if (g.cbRegionEndBytes > limit) {
        reported = g;
        break;
      }
    }
  }
  const outputs = outputsInL1(spec.op, spec.ctx);
  let nCoresUsed = 0;
  for (let i = 0; i < groups.length; i++) nCoresUsed += groups[i]!.nCores;
  let l1TensorBytesPerCore = 0;
  for (let i = 0; i < outputs.length; i++) l1TensorBytesPerCore += outputs[i]!.bytesPerCore;
  const intermediates = spec.l1Intermediates;
  let intermediateBytes = spec.l1IntermediateBytesPerCore;
  if (intermediates !== undefined) {
    intermediateBytes = 0;
    for (let i = 0; i < intermediates.length; i++) intermediateBytes += intermediates[i]!.bytesPerCore;
  }
  // Built in key order by stores, not as one literal with conditional spreads: each property after a spread in a
  // literal is a runtime call (V8's DefineKeyedOwnPropertyInLiteral), ~20 per estimate here (generated 20k-op dump:
  // 73k calls, ~100 M instructions). Same keys, same order.
  const estimate = { kind: 'estimate', opName: spec.op.name, factory: spec.factory } as Writable<OpEstimate>;
  if (spec.programFactory !== undefined) estimate.programFactory = spec.programFactory;
  estimate.factoryReason = spec.factoryReason;
  estimate.nCoresUsed = nCoresUsed;
  estimate.grid = spec.grid ?? device.workerGrid;
  estimate.coreGroups = coreGroups;
  estimate.cbs = placed.cbs;
  estimate.cbBytesPerCore = reported?.cbBytesPerCore ?? 0;
  estimate.cbRegionEndBytes = reported?.cbRegionEndBytes ?? base;
  estimate.reportedCore = reported?.firstCore ?? [0, 0];
  if (reported?.printedRange !== undefined) estimate.reportedRange = reported.printedRange;
  estimate.worstCbBytesPerCore = worst?.cbBytesPerCore ?? 0;
  estimate.worstCore = worst?.firstCore ?? [0, 0];
  estimate.cbBytesSummedOverRanges = placed.summedBytes;
  estimate.l1TensorBytesPerCore = l1TensorBytesPerCore;
  estimate.outputs = outputs;
  estimate.confidence = spec.confidence;
  estimate.approxReason = spec.approxReason ?? '';
  estimate.citations = [...spec.citations, CITE.cbAllocation];
  estimate.tiles = spec.tiles;
  estimate.notes = spec.notes ?? [];
  if (intermediateBytes !== undefined && intermediateBytes > 0) estimate.l1IntermediateBytesPerCore = intermediateBytes;
  if (intermediates !== undefined) estimate.l1Intermediates = intermediates;
  return estimate;
}

/** The groups with at least one core (the same array when all have). */
function groupsWithCores(groups: readonly GroupSpec[]): readonly GroupSpec[] {
  for (let i = 0; i < groups.length; i++) {
    if (groups[i]!.nCores > 0) continue;
    const kept: GroupSpec[] = [];
    for (let j = 0; j < groups.length; j++) if (groups[j]!.nCores > 0) kept.push(groups[j]!);
    return kept;
  }
  return groups;
}

/** First position of `name` in `names`, -1 when absent. */
function nameIndex(names: readonly string[], name: string): number {
  for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
  return -1;
}

interface PlacedCbs {
  readonly cbs: CbAllocation[];
  /** CB region end per group position (by the group's first position with its name; undefined: no CB yet). */
  readonly endByGroup: (number | undefined)[];
  /** Group positions in the order their first CB was created (tt-metal reports the first one that crosses the limit). */
  readonly creationOrder: number[];
  readonly summedBytes: number;
}

function placeCbs(
  specCbs: readonly CbSpec[],
  allGroupNames: readonly string[],
  base: number,
  align: number,
): PlacedCbs {
  const endByGroup: (number | undefined)[] = [];
  for (let i = 0; i < allGroupNames.length; i++) endByGroup.push(undefined);
  const creationOrder: number[] = [];
  const cbs: CbAllocation[] = [];
  let summedBytes = 0;
  for (let c = 0; c < specCbs.length; c++) {
    const cb = specCbs[c]!;
    const targets = cb.groups ?? allGroupNames;
    let anyTarget = false;
    for (let t = 0; t < targets.length && !anyTarget; t++) anyTarget = nameIndex(allGroupNames, targets[t]!) >= 0;
    if (!anyTarget) continue;
    const tensorBacked = cb.tensorBacked === true;
    const totalBytes = tensorBacked ? 0 : cb.nPages * cb.pageBytes;
    summedBytes += totalBytes;
    for (let t = 0; t < targets.length; t++) {
      const name = targets[t]!;
      const at = nameIndex(allGroupNames, name);
      if (at < 0) continue;
      cbs.push({
        cbIndex: cbIndexName(cb.index),
        role: cb.role,
        nPages: cb.nPages,
        pageBytes: cb.pageBytes,
        totalBytes,
        coreGroup: name,
        tensorBacked,
      });
      if (!creationOrder.includes(at)) creationOrder.push(at);
      if (tensorBacked) continue;
      const start = alignUp(endByGroup[at] ?? base, align);
      endByGroup[at] = start + totalBytes;
    }
  }
  return { cbs, endByGroup, creationOrder, summedBytes };
}

// `c_0` .. `c_31` (tt-metal's CB indices), made once: an analysis keeps one per CB of every estimate.
const CB_INDEX_NAMES: readonly string[] = Array.from({ length: 32 }, (_, i) => `c_${i}`);

function cbIndexName(index: number): string {
  return CB_INDEX_NAMES[index] ?? `c_${index}`;
}

/**
 * Groups for a `split_work_to_cores` result in the given core order. `cbsOnAllCores`: the factory creates its CBs on
 * the split's `all_cores` = num_cores_to_corerangeset(n, grid, row_wise) (split_work_to_cores' default row_wise is
 * false: column-wise), so every group's CBs sit in that set's allocators and the message names its first CoreRange
 * (`firstSplitRange`; merged from change point `cb-core-ranges-merged`, asked only when the merge changes it). Opt-in,
 * per factory read: some factories create CBs per core group instead. `descriptorsFrom`: the change point from which
 * the factory builds a ProgramDescriptor, whose CBs keep the set as given (Program(ProgramDescriptor) does not merge):
 * unmerged again from it. Only the printed range moves, so the window's newest build answers (`windowAtOrAfter`).
 * `firstCbOnGroup1`: the factory's first CB is created on core_group_1 alone (a per-group page size), so its ranges key
 * the first allocators and the message names core_group_1's first CoreRange (the first n₁ cores of the same order).
 */
export function groupsFromSplit(
  split: WorkSplit,
  grid: readonly [number, number],
  order: 'col' | 'row',
  cbsOnAllCores?: {
    readonly order: 'col' | 'row';
    readonly ctx: EstimateContext;
    readonly descriptorsFrom?: ChangePointId;
    readonly firstCbOnGroup1?: boolean;
  },
): GroupSpec[] {
  let printed: CoreRangeXY | undefined;
  if (cbsOnAllCores !== undefined) {
    const { order: allCoresOrder, ctx, descriptorsFrom, firstCbOnGroup1 } = cbsOnAllCores;
    const nFirst = firstCbOnGroup1 === true ? (split.runs[0]?.nCores ?? split.nCores) : split.nCores;
    const merged =
      splitRangeMergeMatters(nFirst, grid, allCoresOrder) &&
      atOrAfter(ctx, 'cb-core-ranges-merged') &&
      !(descriptorsFrom !== undefined && windowAtOrAfter(ctx.ttMetal.window, descriptorsFrom));
    printed = firstSplitRange(nFirst, grid, allCoresOrder, merged);
  }
  return split.runs.map((r) => ({
    name: r.name,
    nCores: r.nCores,
    firstCore: coreAt(r.firstIndex, grid, order),
    ...(printed !== undefined && { printedRange: printed }),
  }));
}

export function fmtBytes(n: number): string {
  return `${formatInteger(n)} B`;
}
