/**
 * tt-metal's matmul program-config selection, as plain arithmetic: what `ttnn::matmul` / `ttnn::linear` pick when the
 * caller (tt-mlir's runtime) passes no `program_config`, plus the reader of an explicit `#ttnn.matmul_*_program_config`
 * and the printer back to tt-mlir's attribute syntax.
 *
 * Selection (references [1]; paraphrased, tt-metal builds of 2025-11 (f4163c2) to 2026):
 *   generate_matmul_program_config: a interleaved (no user grid) → create_simple_matmul_program_config;
 *                                   a sharded → get_matmul_program_config.
 *   create_simple: per_core = largest of 16, 8, 4, 2 (else 1) with estimate(per_core, per_core, w = 2) < free L1 [2];
 *     blocks = ceil(Mt/per_core) x ceil(Nt/per_core); all-DRAM-interleaved or blocks fit the grid (and Kt % w == 0):
 *     one block row (or a wide narrow shape / width-sharded output) → 1D mcast in0; one block column (tall, height-sharded
 *     output) → 1D mcast in1; else 2D mcast (all-DRAM-interleaved: per_core = ceil(Mt/rows) x ceil(Nt/cols),
 *     in0_block_w = Kt/cols when it divides, shrunk until the estimate fits); otherwise MatmulMultiCoreProgramConfig.
 *   get_matmul_program_config: b must be interleaved; a width/height sharded on > 1 core (from PR #52039,
 *     'matmul-single-core-shard-grid', on any shard grid) → 1D (mcast in0 / in1) from the shard; a block sharded on a 2-D grid → 2D from the shard; else create_matmul_program_config (1D systolic for
 *     narrow shapes, batched-b reuse, 2D with in0_block_w ≤ 4; a block-sharded a there counts K and N tiles from the
 *     padded widths from PR #33777, 'matmul-block-shard-padded-tiles', before from the logical ones, floored; batched-b
 *     reuse with a sharded a takes per_core_N = ⌊b's logical N / 32⌋ at every build, 0 rejected).
 *   Free L1 (get_max_l1_space) is taken before the op's own output is allocated (the caller passes it so): the config
 *     sets that output's shard (tt-metal #32435's 16x16 per-core block).
 *   Block-sharded output on one row/column of cores (from PR #37236, 'matmul-block-sharded-1d-grid'): 1D mcast with
 *     per_core from the user's shard (batched b rejected); before, the 2D path. From PR #53662
 *     ('matmul-simple-cap-per-core') the 2D per_core_M / N are capped at Mt / Nt, with a sharded output the subblock is
 *     the widest one-row pair when get_matmul_subblock_params' pair breaks out_subblock_w = per_core_N or h = 1, and a
 *     batched a with an unbatched b sets fuse_batch (the PR's diff as quoted in its 2026-08-20 review).
 *   get_matmul_subblock_params / get_subblock_sizes: first (h, w) of the SUBBLOCK_HW_CHOICES table dividing the block
 *     (h·w ≤ 4 under fp32 accumulation).
 *   Before PR #15938 (change point 'matmul-all-dram-2d-any-grid'), create_simple [3]: per_core factor from the older
 *     estimate (in1 sized with per_core_M, no interm or bias term); only when the blocks fit the core count and Kt % w
 *     == 0: one block row → 1D mcast in0, one block column → 1D mcast in1 (one per_core block per core, no out block),
 *     blocks within the grid's rows and columns → 2D mcast with per_core = the factor (all-DRAM-interleaved on an 8x8
 *     grid only: per_core = ceil(Mt/8) x ceil(Nt/8), in0_block_w Kt/8, out block found by halving M, N, w), else
 *     MatmulMultiCoreNonOptimizedReuseProgramConfig when the factor divides Mt and Nt, else the non-reuse factory.
 *     No narrow-shape rule.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9
 *       (generate_matmul_program_config, create_simple_matmul_program_config, get_matmul_program_config,
 *       create_matmul_program_config, create_matmul_1d_systolic_array_program_config, get_mcast_1d_config,
 *       get_per_core_factor, get_multi_dim_per_core_factor, get_subblock_sizes, bmm_op_utils::get_matmul_subblock_params)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/matmul/device/utilities/matmul_utilities.cpp (get_estimated_size_of_cbs:
 *       in0 M·w·2·T(a) + in1 N·w·2·T(b) + out M·N·T(a) + interm M·N·max(T(bf16), T(out)) (T(fp32) under fp32
 *       accumulation) + bias w·T(bias) + sharded-in0 block M·shard_w·T(a); get_max_l1_space = lowest occupied L1
 *       address (else L1 size) − base)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@0155a43 (the late-2024 state, after PR #15214's
 *       8x8 all-DRAM rebalancing; stored in the wusatosi/tt-metal fork) and @b20ac21 (the state after PR #15938, in the
 *       myply/tt-metal fork: all-DRAM-interleaved on any grid, NonOptimizedReuse no longer selected; PR #21403,
 *       2025-04-29, then deleted that config as dead code)
 *
 * Assumptions: no user core grid unless the IR prints one (tt-mlir passes none); fp32_dest_acc_en as the caller
 * resolves it (matmul.ts matmulComputeFlags: the IR's compute_config, else tt-metal's default by build); shard
 * orientation row-major.
 */

import { tileBytes, type DataType } from '../../ttnn/dtype';

export type MatmulConfigKind =
  | 'MatmulMultiCoreReuseMultiCastProgramConfig'
  | 'MatmulMultiCoreReuseMultiCast1DProgramConfig'
  | 'MatmulMultiCoreReuseProgramConfig'
  | 'MatmulMultiCoreProgramConfig'
  | 'MatmulMultiCoreNonOptimizedReuseProgramConfig'
  | 'MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig';

/** A tt-metal matmul program config (block sizes in tiles; grid as tt-metal's CoreCoord: x = columns, y = rows). */
export interface MatmulConfig {
  readonly kind: MatmulConfigKind;
  readonly gridX: number;
  readonly gridY: number;
  readonly in0BlockW: number;
  readonly outSubblockH: number;
  readonly outSubblockW: number;
  readonly outBlockH: number;
  readonly outBlockW: number;
  readonly perCoreM: number;
  readonly perCoreN: number;
  readonly fuseBatch: boolean;
  readonly mcastIn0: boolean;
  readonly transposeMcast: boolean;
}

export type Sharding = 'interleaved' | 'height_sharded' | 'width_sharded' | 'block_sharded' | 'other';

/** What the selection reads of one operand. */
export interface OperandFacts {
  /** Tile-padded shape after the transpose attribute is applied to the last two dims. */
  readonly padded: readonly number[];
  readonly logical: readonly number[];
  readonly dtype: DataType;
  readonly tileBytes: number;
  readonly buffer: 'dram' | 'l1' | 'other';
  readonly sharding: Sharding;
  /** Shard shape in tiles [rows, cols] when sharded. */
  readonly shardTiles?: readonly [number, number];
  /** Bounding box of the shard grid as CoreCoord (x = columns, y = rows), and its core count. */
  readonly shardGridX?: number;
  readonly shardGridY?: number;
  readonly shardCores?: number;
}

export interface SelectionInput {
  readonly a: OperandFacts;
  readonly b: OperandFacts;
  readonly out: OperandFacts;
  /** Tile bytes of a fused bias (0 when none). */
  readonly biasTileBytes: number;
  readonly fp32DestAcc: boolean;
  /** Device worker grid as CoreCoord. */
  readonly gridX: number;
  readonly gridY: number;
  /** get_max_l1_space: free L1 above the CB base. */
  readonly maxL1SpaceBytes: number;
  /** Builds before tt-metal PR #32173: create_simple treats a shape as narrow only when every tensor is in DRAM. */
  readonly narrowOnlyAllDram?: boolean;
  /** Builds before tt-metal PR #15938: create_simple as of late 2024 (createSimpleLegacy). */
  readonly legacyCreateSimple?: boolean;
  /** Builds before tt-metal PR #37236: a block-sharded output on one row or column of cores takes the 2D path like any
   *  other block-sharded output (no 1D routing from the user's shard, no batched-b TT_FATAL). */
  readonly blockSharded1dGridAs2d?: boolean;
  /** Builds from tt-metal PR #53662: create_simple's 2D per_core_M / per_core_N capped at Mt / Nt. */
  readonly capPerCoreToOutput?: boolean;
  /** Builds from tt-metal PR #52039: a height/width-sharded a on a single-core shard grid takes the 1D config from its
   *  shard (before, only shard grids larger than 1x1 did). */
  readonly singleCoreShardFromShard?: boolean;
  /** Whether the build has tt-metal PR #49621's area-first out-block search on the all-DRAM 2D path; asked only when
   *  the two search orders give different blocks (so other matmuls get no version range from it). */
  readonly multiDimAreaFirst?: () => boolean;
  /** Whether the build counts create_matmul_program_config's block-shard K and N tiles from the padded widths (tt-metal
   *  PR #33777) rather than the logical ones, floored; asked only when the two counts differ. */
  readonly blockShardPaddedTiles?: () => boolean;
  /** Whether the build's CB estimate counts a fused bias as the block's width (per_core_N) in tiles, tt-metal PR #38309,
   *  rather than in0_block_w (matmul.ts selects with both and reads the change point only when the configs differ). */
  readonly biasTermPerCoreN?: () => boolean;
  /** How the build's estimate counts a fused transpose_a's c_10 (TransposeAEstimate); absent: no transpose_a. */
  readonly transposeAEstimate?: TransposeAEstimate;
}

/**
 * get_estimated_size_of_cbs' transpose_a term by build (change points 'matmul-fused-transpose-a',
 * 'matmul-estimate-transpose-a-in0', '…-dropped', '…-restored'): 'none' before the fused transpose (a is transposed by
 * its own program); 'shardTwice' (12-17..12-23 and 01-10..02-09) a sharded a's shard term doubled, nothing for an
 * interleaved a; 'in0' (12-24..01-09) the double-buffered in0 block for any a; 'in0OrShard' (from 02-10) the shard term
 * again for a sharded a, the in0 block for an interleaved one.
 */
export type TransposeAEstimate = 'none' | 'shardTwice' | 'in0' | 'in0OrShard';

export interface Selection {
  readonly config: MatmulConfig;
  /** The path through tt-metal's selection, in words. */
  readonly because: string;
}

export interface SelectionError {
  readonly illegal: string;
}

const TILE = 32;

/** SUBBLOCK_HW_CHOICES: (first, second) pairs in tt-metal's order, largest areas first. */
// prettier-ignore
export const SUBBLOCK_HW_CHOICES: readonly (readonly [number, number])[] = [
  [4, 2], [2, 4], [8, 1], [1, 8], [7, 1], [1, 7], [3, 2], [2, 3], [6, 1], [1, 6],
  [5, 1], [1, 5], [2, 2], [4, 1], [1, 4], [3, 1], [1, 3], [2, 1], [1, 2], [1, 1],
];

const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export function batchOf(padded: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < padded.length - 2; i++) n *= padded[i];
  return n;
}

function rows(t: OperandFacts): number {
  return t.padded.length >= 2 ? t.padded[t.padded.length - 2] : 1;
}

function cols(t: OperandFacts): number {
  return t.padded[t.padded.length - 1] ?? 1;
}

/** estimate_interm_tile_size: fp32 tile under fp32 accumulation, else max(bf16 tile, output tile). */
export function intermTileBytes(fp32DestAcc: boolean, outTileBytes: number): number {
  return fp32DestAcc ? tileBytes('f32') : Math.max(tileBytes('bf16'), outTileBytes);
}

/**
 * get_estimated_size_of_cbs [2]. The bias term: in0_block_w tiles until tt-metal PR #38309 (change point
 * 'matmul-estimate-bias-per-core-n', tt-metal #36316: the factories allocate out_block_w bias tiles, so an N ≫ K linear
 * was given a block whose CBs overflowed), per_core_N tiles after.
 */
export function estimatedCbBytes(s: SelectionInput, m: number, n: number, w: number): number {
  const shardW = s.a.sharding !== 'interleaved' && s.a.shardTiles !== undefined ? s.a.shardTiles[1] : 0;
  const biasTiles = s.biasTileBytes > 0 && n !== w && s.biasTermPerCoreN?.() === true ? n : w;
  const in0Bytes = m * w * 2 * s.a.tileBytes;
  const shardBytes = m * shardW * s.a.tileBytes;
  const t = s.transposeAEstimate ?? 'none';
  const transposeBytes =
    t === 'in0'
      ? in0Bytes
      : t === 'shardTwice' || (t === 'in0OrShard' && shardW > 0)
        ? shardBytes
        : t === 'in0OrShard'
          ? in0Bytes
          : 0;
  return (
    in0Bytes +
    n * w * 2 * s.b.tileBytes +
    m * n * s.a.tileBytes +
    m * n * intermTileBytes(s.fp32DestAcc, s.out.tileBytes) +
    biasTiles * s.biasTileBytes +
    shardBytes +
    transposeBytes
  );
}

/**
 * Whether get_multi_dim_per_core_factor went past its first test for a config createSimple made: the whole per-core
 * block at the first in0_block_w does not fit, so the out-block search ran. The 1D configs never adjust in0_block_w; the
 * all-DRAM 2D path starts from Kt / grid x when that divides, else 1; the other 2D path and the non-reuse config search
 * no block (matmul_program_config.cpp@001cea9).
 */
export function outBlockSearched(s: SelectionInput, c: MatmulConfig): boolean {
  const Kt = cols(s.a) / TILE;
  const allDramInterleaved = [s.a, s.b, s.out].every((t) => t.buffer === 'dram' && t.sharding === 'interleaved');
  if (c.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig')
    return estimatedCbBytes(s, c.perCoreM, c.perCoreN, c.in0BlockW) >= s.maxL1SpaceBytes;
  if (c.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig' && allDramInterleaved)
    return estimatedCbBytes(s, c.perCoreM, c.perCoreN, Kt % s.gridX === 0 ? Kt / s.gridX : 1) >= s.maxL1SpaceBytes;
  return false;
}

/** get_per_core_factor: 16, 8, 4, 2 — the first whose square block fits, else 1. */
function perCoreFactor(s: SelectionInput, w: number): number {
  for (let f = 16; f > 1; f /= 2) if (estimatedCbBytes(s, f, f, w) < s.maxL1SpaceBytes) return f;
  return 1;
}

/**
 * get_multi_dim_per_core_factor: the full block if it fits; else out blocks from divisors of per_core_M × per_core_N
 * (squarest pair per area), largest area first, keeping in0_block_w (or shrinking it through its divisors). With
 * adjustW (the all-DRAM 2D path) the search order is version-dependent: in0_block_w in the outer loop (the largest w
 * with any block that fits) until tt-metal PR #49621, the area in the outer loop (the largest block with any w) after
 * (change point 'matmul-multi-dim-factor-area-first'); the change point is read only when the two orders disagree.
 */
/** The divisors of `x` strictly between 1 and x, largest first. */
function properDivisorsDescending(x: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 2; d * d <= x; d++) {
    if (x % d !== 0) continue;
    small.push(d);
    if (d * d !== x) large.push(x / d);
  }
  return [...large, ...small.reverse()];
}

function multiDimFactor(
  s: SelectionInput,
  m: number,
  n: number,
  w: number,
  adjustW: boolean,
): [number, number, number] {
  if (estimatedCbBytes(s, m, n, w) < s.maxL1SpaceBytes) return [m, n, w];
  // tt-metal walks f from x/2 down to 2; the same divisors in the same order, found in O(√x) (a 2^31-row operand
  // made the walk take half a minute per estimate).
  const mf = [m, 1, ...properDivisorsDescending(m)];
  const nf = [n, 1, ...properDivisorsDescending(n)];
  const byArea = new Map<number, [number, number]>();
  for (const fm of mf) {
    for (const fn of nf) {
      const area = fm * fn;
      const ratio = Math.fround(Math.max(fm, fn) / Math.min(fm, fn));
      const prev = byArea.get(area);
      if (prev !== undefined && Math.fround(Math.max(prev[0], prev[1]) / Math.min(prev[0], prev[1])) < ratio) continue;
      byArea.set(area, [fm, fn]);
    }
  }
  const blocks = [...byArea.keys()].sort((x, y) => y - x).map((area) => byArea.get(area)!);
  const ks: number[] = w < 1 ? [] : adjustW ? [w, ...properDivisorsDescending(w), ...(w > 1 ? [1] : [])] : [w];
  const fits = (fm: number, fn: number, k: number) => estimatedCbBytes(s, fm, fn, k) < s.maxL1SpaceBytes;
  // matmul_program_config.cpp@001cea9: in0_block_w outer, blocks inner.
  let kFirst: [number, number, number] = [1, 1, 1];
  search: for (const k of ks)
    for (const [fm, fn] of blocks)
      if (fits(fm, fn, k)) {
        kFirst = [fm, fn, k];
        break search;
      }
  if (!adjustW) return kFirst;
  // PR #49621 (review of 2026-07-10, matmul_program_config.cpp:156): with adjust_in0_block_w, blocks outer, w inner.
  let areaFirst: [number, number, number] = [1, 1, 1];
  search: for (const [fm, fn] of blocks)
    for (const k of ks)
      if (fits(fm, fn, k)) {
        areaFirst = [fm, fn, k];
        break search;
      }
  if (areaFirst.every((v, i) => v === kFirst[i])) return kFirst;
  return s.multiDimAreaFirst?.() === true ? areaFirst : kFirst;
}

/** bmm_op_utils::get_matmul_subblock_params: (h, w) = table pair as given. */
export function matmulSubblockParams(
  m: number,
  n: number,
  hEqualsM: boolean,
  wEqualsN: boolean,
  fp32: boolean,
): [number, number] {
  for (const [h, w] of SUBBLOCK_HW_CHOICES) {
    if (fp32 && h * w > 4) continue;
    if (wEqualsN && (w !== n || h !== 1)) continue;
    if (hEqualsM && (h !== m || w !== 1)) continue;
    if (m % h === 0 && n % w === 0) return [h, w];
  }
  return [1, 1];
}

/** The widest one-row subblock of the table dividing n (out_subblock_h = 1; at most 4 tiles under fp32 accumulation). */
function widestRowSubblock(n: number, fp32: boolean): number {
  for (const [h, w] of SUBBLOCK_HW_CHOICES) if (h === 1 && (!fp32 || w <= 4) && n % w === 0) return w;
  return 1;
}

/** get_subblock_sizes: the same table read as (w, h). tt-metal throws when nothing divides, which (1, 1) always does. */
function subblockSizes(m: number, n: number, fp32: boolean): [number, number] {
  for (const [w, h] of SUBBLOCK_HW_CHOICES) {
    if (h * w <= 4 || !fp32) if (m % h === 0 && n % w === 0) return [h, w];
  }
  return [1, 1];
}

/** is_narrow_shape: ratio (integer division) above 8, or all-DRAM with a side within one tile. */
function isNarrowShape(height: number, width: number, allDram: boolean): boolean {
  const ratio = height > width ? Math.floor(height / width) : Math.floor(width / height);
  if (ratio > 8) return true;
  return allDram && (height <= TILE || width <= TILE);
}

function config(
  kind: MatmulConfigKind,
  c: Omit<MatmulConfig, 'kind' | 'fuseBatch' | 'mcastIn0' | 'transposeMcast'> & Partial<MatmulConfig>,
): MatmulConfig {
  return { kind, fuseBatch: false, mcastIn0: false, transposeMcast: false, ...c };
}

/** MatmulMultiCoreProgramConfig on an X x Y grid: the non-reuse multi-core factory, one tile at a time. */
export function nonReuseMultiCore(X: number, Y: number): MatmulConfig {
  return config('MatmulMultiCoreProgramConfig', {
    gridX: X,
    gridY: Y,
    in0BlockW: 1,
    outSubblockH: 1,
    outSubblockW: 1,
    outBlockH: 1,
    outBlockW: 1,
    perCoreM: 1,
    perCoreN: 1,
  });
}

/** get_mcast_1d_config (no user shard spec handled: BLOCK_SHARDED outputs on a 1-D grid use the output shard). */
function mcast1d(
  s: SelectionInput,
  fuseBatch: boolean,
  mcastIn0: boolean,
  outShardTiles?: readonly [number, number],
  outGrid?: [number, number],
  blockToFit = true,
): MatmulConfig {
  const M = fuseBatch ? batchOf(s.a.padded) * rows(s.a) : rows(s.a);
  const K = cols(s.a);
  const N = cols(s.b);
  let gx = s.gridX;
  let gy = s.gridY;
  let pcm: number;
  let pcn: number;
  if (outShardTiles !== undefined && outGrid !== undefined) {
    pcm = outShardTiles[0];
    pcn = outShardTiles[1];
    [gx, gy] = outGrid;
  } else if (mcastIn0) {
    pcm = M / TILE;
    pcn = ceilDiv(ceilDiv(N, gx * gy), TILE);
  } else {
    pcm = ceilDiv(ceilDiv(M, gx * gy), TILE);
    pcn = N / TILE;
  }
  const w = (K / TILE) % 2 === 0 ? 2 : 1;
  // Before PR #15938 the 1D config had no out block: one per_core_M x per_core_N block per core.
  const [bh, bw] = blockToFit ? multiDimFactor(s, pcm, pcn, w, false) : [pcm, pcn];
  const [sh, sw] = matmulSubblockParams(bh, bw, false, false, s.fp32DestAcc);
  return config('MatmulMultiCoreReuseMultiCast1DProgramConfig', {
    gridX: gx,
    gridY: gy,
    in0BlockW: w,
    outSubblockH: sh,
    outSubblockW: sw,
    outBlockH: bh,
    outBlockW: bw,
    perCoreM: pcm,
    perCoreN: pcn,
    fuseBatch,
    mcastIn0,
  });
}

/** create_simple_matmul_program_config: a interleaved, no user grid. */
function createSimple(s: SelectionInput): Selection | SelectionError {
  const Mt = rows(s.a) / TILE;
  const Kt = cols(s.a) / TILE;
  const Nt = cols(s.b) / TILE;
  const X = s.gridX;
  const Y = s.gridY;
  const outSharded = s.out.sharding !== 'interleaved';
  const allInterleaved = s.a.sharding === 'interleaved' && s.b.sharding === 'interleaved' && !outSharded;
  const allDram = s.a.buffer === 'dram' && s.b.buffer === 'dram' && s.out.buffer === 'dram';
  const allDramInterleaved = allDram && allInterleaved;
  if (batchOf(s.a.padded) === 1 && batchOf(s.b.padded) > 1 && allInterleaved) {
    return {
      config: mcast1d(s, false, false),
      because: "a is not batched and b is: 1D mcast in1 so a stays in L1 across b's batches",
    };
  }
  const height = rows(s.a);
  const width = cols(s.b);
  const narrow =
    s.narrowOnlyAllDram === true
      ? allDram && isNarrowShape(height, width, true)
      : isNarrowShape(height, width, allDram);
  const isWide = allInterleaved && narrow && width > height;
  const isTall = allInterleaved && narrow && !isWide;
  let w = 2;
  const pc = perCoreFactor(s, w);
  const nby = Math.floor((Mt - 1) / pc) + 1;
  const nbx = Math.floor((Nt - 1) / pc) + 1;
  if ((outSharded || nby > 1 || nbx > 1) && Kt % w !== 0) w = 1;
  const fitText = `per-core factor ${pc} (the largest of 16, 8, 4, 2 whose ${pc}x${pc} block with in0_block_w 2 fits ${s.maxL1SpaceBytes} B of free L1)`;
  if (allDramInterleaved || (nbx * nby <= X * Y && Kt % w === 0)) {
    const crX = !(nby === 1 && nbx === 1) && nby <= Y && nbx <= X ? nbx : 0;
    const crY = crX === 0 ? 0 : nby;
    let bs1dCol = false;
    let bs1dRow = false;
    if (
      outSharded &&
      s.out.sharding === 'block_sharded' &&
      s.out.shardGridX !== undefined &&
      s.out.shardGridY !== undefined
    ) {
      const single = s.out.shardGridX === 1 && s.out.shardGridY === 1;
      // PR #37236 (change point 'matmul-block-sharded-1d-grid'): before it, these took the 2D path as well.
      bs1dCol = !single && s.out.shardGridX === 1 && s.blockSharded1dGridAs2d !== true;
      bs1dRow = !single && s.out.shardGridY === 1 && s.blockSharded1dGridAs2d !== true;
      if ((bs1dCol || bs1dRow) && batchOf(s.b.padded) > 1)
        return {
          illegal:
            'BLOCK_SHARDED output on a 1D grid (single row or column of cores) is not supported when both input tensors are batched (tt-metal #32306)',
        };
    }
    const use1dIn0 = isWide || (crY === 0 && outSharded && (s.out.sharding === 'width_sharded' || bs1dRow));
    const use1dIn1 = isTall || (crY === 0 && outSharded && (s.out.sharding === 'height_sharded' || bs1dCol));
    const use2d =
      allDramInterleaved || (crY === 0 && outSharded && s.out.sharding === 'block_sharded' && !bs1dCol && !bs1dRow);
    const userShard = (bs1dRow || bs1dCol) && s.out.shardTiles !== undefined ? s.out.shardTiles : undefined;
    const userGrid: [number, number] | undefined =
      userShard !== undefined ? [s.out.shardGridX!, s.out.shardGridY!] : undefined;
    const bUnbatched = batchOf(s.b.padded) === 1;
    if (crY === 1 || use1dIn0) {
      const why =
        crY === 1
          ? `the ${nbx} output blocks form one row`
          : isWide
            ? `the output is wide and narrow (${height}x${width})`
            : 'the output is width sharded';
      return {
        config: mcast1d(
          s,
          userShard !== undefined && bUnbatched,
          true,
          bs1dRow ? userShard : undefined,
          bs1dRow ? userGrid : undefined,
        ),
        because: `${fitText}; ${why}: 1D mcast of in0`,
      };
    }
    if (crX === 1 || use1dIn1) {
      const why =
        crX === 1
          ? `the ${nby} output blocks form one column`
          : isTall
            ? `the output is tall and narrow (${height}x${width})`
            : 'the output is height sharded';
      return {
        config: mcast1d(
          s,
          userShard !== undefined && bUnbatched,
          false,
          bs1dCol ? userShard : undefined,
          bs1dCol ? userGrid : undefined,
        ),
        because: `${fitText}; ${why}: 1D mcast of in1`,
      };
    }
    if ((crY > 0 && nbx <= X && nby <= Y) || use2d) {
      // From PR #53662 (change point 'matmul-simple-cap-per-core') the block is capped at the output's tiles (a 13x13
      // output no longer gets a 16x16 block and shard) and the subblock is searched for that block.
      // The PR's subblock (review of 2026-08-20, matmul_program_config.cpp:1315): get_matmul_subblock_params for the
      // capped block, then the sharded-output rule (out_subblock_w = per_core_N or out_subblock_h = 1) re-selects the
      // widest one-row subblock instead of cutting the height (the fix the review asked for and the author confirmed).
      // The same PR sets fuse_batch for a sharded output with a batched a and an unbatched b, whose batch loop would
      // otherwise run over a one-block output CB.
      const cap = s.capPerCoreToOutput === true;
      let pcm = cap ? Math.min(pc, Mt) : pc;
      let pcn = cap ? Math.min(pc, Nt) : pc;
      let bh = pcm;
      let bw = pcn;
      let sh = 4;
      let sw = 2;
      if (cap) {
        [sh, sw] = matmulSubblockParams(pcm, pcn, false, false, s.fp32DestAcc);
        if (outSharded && sw !== pcn && sh !== 1) [sh, sw] = [1, widestRowSubblock(pcn, s.fp32DestAcc)];
      } else if (sw !== pcn) sh = 1;
      const fuseBatch = cap && outSharded && batchOf(s.a.padded) > 1 && batchOf(s.b.padded) === 1;
      let because = `${fitText}${cap && (pcm !== pc || pcn !== pc) ? `, capped at the output's ${Mt}x${Nt} tiles` : ''}; ${nby}x${nbx} blocks fit the ${Y}x${X} grid: 2D mcast`;
      if (allDramInterleaved) {
        w = Kt % X === 0 ? Kt / X : 1;
        pcm = ceilDiv(Mt, Y);
        pcn = ceilDiv(Nt, X);
        [bh, bw, w] = multiDimFactor(s, pcm, pcn, w, true);
        [sh, sw] = matmulSubblockParams(bh, bw, false, false, s.fp32DestAcc);
        because = `all operands DRAM interleaved: 2D mcast over the ${Y}x${X} grid, per_core = ceil(${Mt}/${Y}) x ceil(${Nt}/${X}) tiles, in0_block_w = ${Kt % X === 0 ? `${Kt}/${X}` : '1'}${bh !== pcm || bw !== pcn ? `, out block cut to ${bh}x${bw} to fit L1` : ''}`;
      }
      return {
        config: config('MatmulMultiCoreReuseMultiCastProgramConfig', {
          gridX: X,
          gridY: Y,
          in0BlockW: w,
          outSubblockH: sh,
          outSubblockW: sw,
          outBlockH: bh,
          outBlockW: bw,
          perCoreM: pcm,
          perCoreN: pcn,
          ...(fuseBatch ? { fuseBatch: true } : {}),
        }),
        because: fuseBatch ? `${because}; fuse_batch (a batched, b not, sharded output)` : because,
      };
    }
  }
  return {
    config: nonReuseMultiCore(X, Y),
    because: `${fitText}; ${nby}x${nbx} blocks do not fit the ${Y}x${X} grid (or Kt ${Kt} is not a multiple of in0_block_w ${w}): the non-reuse multi-core factory`,
  };
}

/**
 * get_estimated_size_of_cbs before PR #15938 [3]: in0 M·w·2·T(a), in1 sized with per_core_M as well (M·w·2·T(b)),
 * out M·N·T(a), plus M·N·interm only where a caller passes an interm tile (the 8x8 all-DRAM block search); no bias term.
 */
function legacyEstimatedCbBytes(s: SelectionInput, m: number, n: number, w: number, intermTile: number): number {
  return m * w * 2 * s.a.tileBytes + m * w * 2 * s.b.tileBytes + m * n * s.a.tileBytes + m * n * intermTile;
}

/** create_simple_matmul_program_config before PR #15938 [3]. */
function createSimpleLegacy(s: SelectionInput): Selection {
  const Mt = rows(s.a) / TILE;
  const Kt = cols(s.a) / TILE;
  const Nt = cols(s.b) / TILE;
  const X = s.gridX;
  const Y = s.gridY;
  const outSharded = s.out.sharding !== 'interleaved';
  let w = 2;
  let pc = 1;
  for (let f = 16; f > 1; f /= 2) {
    if (legacyEstimatedCbBytes(s, f, f, w, 0) < s.maxL1SpaceBytes) {
      pc = f;
      break;
    }
  }
  const nby = Math.floor((Mt - 1) / pc) + 1;
  const nbx = Math.floor((Nt - 1) / pc) + 1;
  if (outSharded && Kt % w !== 0) w = 1;
  const fitText = `per-core factor ${pc} (the largest of 16, 8, 4, 2 whose ${pc}x${pc} block with in0_block_w 2 fits ${s.maxL1SpaceBytes} B of free L1, estimated the pre-2025 way)`;
  const multiCore: Selection = {
    config: nonReuseMultiCore(X, Y),
    because: `${fitText}; ${nby}x${nbx} blocks: the non-reuse multi-core factory`,
  };
  if (!(nbx * nby <= X * Y && Kt % w === 0)) return multiCore;
  const crX = !(nby === 1 && nbx === 1) && nby <= Y && nbx <= X ? nbx : 0;
  const crY = crX === 0 ? 0 : nby;
  const mcastOut = outSharded && crY === 0;
  if (crY === 1 || (mcastOut && s.out.sharding === 'width_sharded')) {
    return {
      config: mcast1d(s, false, true, undefined, undefined, false),
      because: `${fitText}; ${crY === 1 ? `the ${nbx} output blocks form one row` : 'the output is width sharded'}: 1D mcast of in0`,
    };
  }
  if (crX === 1 || (mcastOut && s.out.sharding === 'height_sharded')) {
    return {
      config: mcast1d(s, false, false, undefined, undefined, false),
      because: `${fitText}; ${crX === 1 ? `the ${nby} output blocks form one column` : 'the output is height sharded'}: 1D mcast of in1`,
    };
  }
  if (crY > 0 || (mcastOut && s.out.sharding === 'block_sharded')) {
    let pcm = pc;
    let pcn = pc;
    let bh = pc;
    let bw = pc;
    let sh = pcn === 2 ? 4 : 1;
    let sw = 2;
    let because = `${fitText}; ${nby}x${nbx} blocks fit the ${Y}x${X} grid: 2D mcast`;
    const allDramInterleaved =
      s.a.sharding === 'interleaved' &&
      s.b.sharding === 'interleaved' &&
      !outSharded &&
      s.a.buffer === 'dram' &&
      s.b.buffer === 'dram' &&
      s.out.buffer === 'dram';
    // PR #15214's all-DRAM rebalancing, on an 8x8 grid only: halve M, then N, then w until the estimate (interm as a
    // bf16 tile) fits.
    if (allDramInterleaved && X === 8 && Y === 8) {
      w = Kt % X === 0 ? Kt / X : 1;
      pcm = ceilDiv(Mt, Y);
      pcn = ceilDiv(Nt, X);
      let found: [number, number, number] = [1, 1, 1];
      search: for (let m = pcm; m >= 1; m = Math.floor(m / 2))
        for (let n = pcn; n >= 1; n = Math.floor(n / 2))
          for (let k = w; k >= 1; k = Math.floor(k / 2))
            if (legacyEstimatedCbBytes(s, m, n, k, 2048) < s.maxL1SpaceBytes) {
              found = [m, n, k];
              break search;
            }
      [bh, bw, w] = found;
      [sh, sw] = matmulSubblockParams(bh, bw, false, false, false);
      because = `all operands DRAM interleaved on an 8x8 grid: 2D mcast, per_core = ceil(${Mt}/8) x ceil(${Nt}/8) tiles, out block ${bh}x${bw}, in0_block_w ${w}`;
    }
    return {
      config: config('MatmulMultiCoreReuseMultiCastProgramConfig', {
        gridX: X,
        gridY: Y,
        in0BlockW: w,
        outSubblockH: sh,
        outSubblockW: sw,
        outBlockH: bh,
        outBlockW: bw,
        perCoreM: pcm,
        perCoreN: pcn,
      }),
      because,
    };
  }
  if (Mt % pc === 0 && Nt % pc === 0) {
    return {
      config: config('MatmulMultiCoreNonOptimizedReuseProgramConfig', {
        gridX: X,
        gridY: Y,
        in0BlockW: 2,
        outSubblockH: 4,
        outSubblockW: 2,
        outBlockH: 16,
        outBlockW: 16,
        perCoreM: 16,
        perCoreN: 16,
      }),
      because: `${fitText}; the ${nby}x${nbx} blocks fit the core count but not the ${Y}x${X} grid, and ${pc} divides Mt ${Mt} and Nt ${Nt}: MatmulMultiCoreNonOptimizedReuseProgramConfig (its factory fixes 16x16 tiles per core)`,
    };
  }
  return multiCore;
}

/** create_matmul_1d_systolic_array_program_config. */
function systolic1d(s: SelectionInput): MatmulConfig {
  const bm = (batchOf(s.a.padded) * rows(s.a)) / TILE;
  const kt = cols(s.a) / TILE;
  const nt = cols(s.b) / TILE;
  const cores = s.gridX * s.gridY;
  let tall = bm > nt;
  if (s.a.sharding === 'height_sharded') tall = true;
  else if (s.a.sharding === 'width_sharded') tall = false;
  const pcm = tall ? ceilDiv(bm, cores) : bm;
  let kpc = ceilDiv(kt, cores);
  const pcn = tall ? nt : ceilDiv(nt, cores);
  while (kt % kpc !== 0) kpc--;
  const [bh, bw] = multiDimFactor(s, pcm, pcn, kpc, false);
  const [sh, sw] = subblockSizes(bh, bw, s.fp32DestAcc);
  return config('MatmulMultiCoreReuseMultiCast1DProgramConfig', {
    gridX: s.gridX,
    gridY: s.gridY,
    in0BlockW: kpc,
    outSubblockH: sh,
    outSubblockW: sw,
    outBlockH: bh,
    outBlockW: bw,
    perCoreM: pcm,
    perCoreN: pcn,
    fuseBatch: true,
    mcastIn0: !tall,
  });
}

/** create_matmul_program_config (no user grid), reached for sharded a that get_matmul_program_config does not take. */
function createMatmulProgramConfig(s: SelectionInput): Selection | SelectionError {
  const mSize = rows(s.a);
  const kSize = cols(s.a);
  const nSize = cols(s.b);
  const batchA = batchOf(s.a.padded);
  const aSharded = s.a.sharding !== 'interleaved';
  const bSharded = s.b.sharding !== 'interleaved';
  if (batchOf(s.b.padded) > 1) {
    if (batchA === 1 && !aSharded && !bSharded)
      return { config: mcast1d(s, false, false), because: 'b is batched, a is not: 1D mcast in1' };
    let m: number;
    let n: number;
    let k: number;
    if (!aSharded && !bSharded) {
      m = ceilDiv(mSize, TILE);
      n = ceilDiv(nSize, TILE);
      k = 1;
      const fits =
        s.legacyCreateSimple === true
          ? legacyEstimatedCbBytes(s, m, n, k, 0) < s.maxL1SpaceBytes
          : estimatedCbBytes(s, m, n, k) < s.maxL1SpaceBytes;
      if (!fits) return s.legacyCreateSimple === true ? createSimpleLegacy(s) : createSimple(s);
    } else if (aSharded) {
      if (s.a.sharding === 'width_sharded')
        return { illegal: 'MatmulMultiCoreReuseProgramConfig: Input A cannot be width sharded' };
      m = s.a.shardTiles![0];
      // N tiles from b's logical width, floored (create_matmul_program_config's b_shape: the logical shape at
      // matmul_op.cpp@3787a8a, @2bb3ccb and config/matmul_program_config.cpp@601278a, @622c6fb).
      n = Math.floor((s.b.logical[s.b.logical.length - 1] ?? nSize) / TILE);
      if (n === 0) return { illegal: 'per_core_N must be greater than 0!' };
      k = s.a.shardTiles![1];
    } else {
      if (s.b.sharding === 'width_sharded')
        return { illegal: 'MatmulMultiCoreReuseProgramConfig: Input B cannot be width sharded' };
      m = ceilDiv(mSize, TILE);
      n = s.b.shardTiles![1];
      k = 1;
    }
    const [sh, sw] = subblockSizes(m, n, s.fp32DestAcc);
    return {
      config: config('MatmulMultiCoreReuseProgramConfig', {
        gridX: s.gridX,
        gridY: s.gridY,
        in0BlockW: k,
        outSubblockH: sh,
        outSubblockW: sw,
        outBlockH: m,
        outBlockW: n,
        perCoreM: m,
        perCoreN: n,
      }),
      because: 'b is batched: the batched reuse factory, one output matrix block per core',
    };
  }
  const anyWithinTile = kSize <= TILE || mSize <= TILE || nSize <= TILE;
  const aBlock = s.a.sharding === 'block_sharded';
  if ((isNarrowShape(batchA * mSize, nSize, false) || anyWithinTile) && !aBlock) {
    return {
      config: systolic1d(s),
      because: `narrow or single-tile shape (${batchA * mSize}x${nSize}): 1D systolic config`,
    };
  }
  let m: number;
  let n: number;
  let k: number;
  if (!aSharded) {
    m = Math.ceil((batchA * mSize) / TILE / s.gridY);
    n = Math.ceil(nSize / TILE / s.gridX);
    k = 4;
    while ((kSize / TILE) % k !== 0) k--;
  } else {
    if (!aBlock) return { config: systolic1d(s), because: 'a sharded on one core row/column: 1D systolic config' };
    // PR #33777 (change point 'matmul-block-shard-padded-tiles'): K and N tiles from the padded widths; before, from the
    // logical ones, floored, and a logical K under one tile gave 0 tiles, then a division by zero.
    const logicalK = s.a.logical[s.a.logical.length - 1] ?? kSize;
    const logicalN = s.b.logical[s.b.logical.length - 1] ?? nSize;
    const fromLogical =
      (Math.floor(logicalK / TILE) !== kSize / TILE || Math.floor(logicalN / TILE) !== nSize / TILE) &&
      s.blockShardPaddedTiles?.() === false;
    const kt = fromLogical ? Math.floor(logicalK / TILE) : kSize / TILE;
    const nt = fromLogical ? Math.floor(logicalN / TILE) : nSize / TILE;
    if (kt === 0)
      return {
        illegal: `Floating point exception (core dumped): create_matmul_program_config counts a's K tiles from its logical width (${logicalK} / ${TILE} = 0) and divides per_core_N by them (fixed by tt-metal PR #33777)`,
      };
    m = s.a.shardTiles![0];
    n = Math.floor((nt * s.a.shardTiles![1] * TILE) / (kt * TILE));
    k = gcd(s.a.shardTiles![1], kt);
  }
  n = Math.max(n, 1);
  const [bh, bw] = multiDimFactor(s, m, n, k, false);
  const [subblockH, sw] = subblockSizes(bh, bw, s.fp32DestAcc);
  const sh = sw !== n ? 1 : subblockH;
  return {
    config: config('MatmulMultiCoreReuseMultiCastProgramConfig', {
      gridX: s.gridX,
      gridY: s.gridY,
      in0BlockW: k,
      outSubblockH: sh,
      outSubblockW: sw,
      outBlockH: bh,
      outBlockW: bw,
      perCoreM: m,
      perCoreN: n,
    }),
    because: '2D mcast from the block shard',
  };
}

/** get_matmul_program_config (a sharded, matmul = true). */
function fromShardedA(s: SelectionInput): Selection | SelectionError {
  if (s.b.sharding !== 'interleaved')
    return { illegal: `Input tensor B must have INTERLEAVED memory layout, got: ${s.b.sharding.toUpperCase()}` };
  const gx = s.a.shardGridX ?? 1;
  const gy = s.a.shardGridY ?? 1;
  const shard = s.a.shardTiles ?? [1, 1];
  const outSharded = s.out.sharding !== 'interleaved';
  const checkOut = (): SelectionError | undefined => {
    if (!outSharded) return undefined;
    if (s.out.buffer !== s.a.buffer)
      return {
        illegal: `Input A and output buffer types must match, got input: ${s.a.buffer.toUpperCase()} vs output: ${s.out.buffer.toUpperCase()}`,
      };
    if (s.out.sharding !== s.a.sharding)
      return {
        illegal: `Input A and output memory layouts must match, got input: ${s.a.sharding.toUpperCase()} vs output: ${s.out.sharding.toUpperCase()}`,
      };
    return undefined;
  };
  const M = (batchOf(s.a.padded) * rows(s.a)) / TILE;
  const K = cols(s.a) / TILE;
  const N = cols(s.b) / TILE;
  // From PR #52039 (change point 'matmul-single-core-shard-grid') a single-core shard grid takes this path too.
  if (
    (s.a.sharding === 'width_sharded' || s.a.sharding === 'height_sharded') &&
    (gx > 1 || gy > 1 || s.singleCoreShardFromShard === true)
  ) {
    const bad = checkOut();
    if (bad !== undefined) return bad;
    const width = s.a.sharding === 'width_sharded';
    const pcm = width ? M : shard[0];
    const pcn = width ? ceilDiv(N, s.a.shardCores ?? gx * gy) : N;
    const w = width ? gcd(shard[1], K) : K;
    const [bh, bw] = multiDimFactor(s, pcm, pcn, w, false);
    const [sh, sw] = matmulSubblockParams(bh, bw, false, outSharded, s.fp32DestAcc);
    return {
      config: config('MatmulMultiCoreReuseMultiCast1DProgramConfig', {
        gridX: gx,
        gridY: gy,
        in0BlockW: w,
        outSubblockH: sh,
        outSubblockW: sw,
        outBlockH: bh,
        outBlockW: bw,
        perCoreM: pcm,
        perCoreN: pcn,
        fuseBatch: true,
        mcastIn0: width,
      }),
      because: `a is ${width ? 'width' : 'height'} sharded on ${s.a.shardCores ?? gx * gy} cores: 1D mcast of ${width ? 'in0' : 'in1'} from the shard`,
    };
  }
  if (s.a.sharding === 'block_sharded' && gx > 1 && gy > 1) {
    const bad = checkOut();
    if (bad !== undefined) return bad;
    const alongX = gx === Math.floor(K / shard[1]);
    const alongY = gy === Math.floor(M / shard[0]);
    if (!alongY && gy !== ceilDiv(M, shard[0]))
      return {
        illegal: `Num cores along y (${gy}) must match provided grid size (${Math.floor(M / shard[0])}) or divided up size (${ceilDiv(M, shard[0])})`,
      };
    if (!alongX && gx !== ceilDiv(K, shard[1]))
      return {
        illegal: `Num cores along x (${gx}) must match provided grid size (${Math.floor(K / shard[1])}) or divided up size (${ceilDiv(K, shard[1])})`,
      };
    const pcm = ceilDiv(M, gy);
    const pcn = ceilDiv(N, gx);
    const w = alongX ? gcd(shard[1], K) : 1;
    const [bh, bw] = multiDimFactor(s, pcm, pcn, w, false);
    const [sh, sw] = matmulSubblockParams(bh, bw, false, outSharded, s.fp32DestAcc);
    return {
      config: config('MatmulMultiCoreReuseMultiCastProgramConfig', {
        gridX: gx,
        gridY: gy,
        in0BlockW: w,
        outSubblockH: sh,
        outSubblockW: sw,
        outBlockH: bh,
        outBlockW: bw,
        perCoreM: pcm,
        perCoreN: pcn,
        // The branch leaves fuse_batch at the struct's default, true (matmul_op.cpp@3787a8a; config/
        // matmul_program_config.cpp and matmul_program_config_types.hpp@622c6fb): M counts every batch's rows.
        fuseBatch: true,
      }),
      because: `a is block sharded on a ${gy}x${gx} grid: 2D mcast, per_core = ceil(${M}/${gy}) x ceil(${N}/${gx}) tiles, in0_block_w = ${alongX ? `gcd(shard width ${shard[1]}, K ${K})` : '1'}`,
    };
  }
  return createMatmulProgramConfig(s);
}

/** The config tt-metal generates when none is given (get_program_config → generate_matmul_program_config). */
export function selectMatmulConfig(s: SelectionInput): Selection | SelectionError {
  if (cols(s.a) !== rows(s.b)) return { illegal: 'The k dimension does not match between tensors' };
  if ((batchOf(s.a.padded) * rows(s.a)) % TILE !== 0 || cols(s.a) % TILE !== 0 || cols(s.b) % TILE !== 0) {
    return {
      illegal:
        'The last two dimensions of the first tensor and the last dimension of the second tensor must be a multiple of tile size',
    };
  }
  if (s.a.sharding !== 'interleaved') return fromShardedA(s);
  return s.legacyCreateSimple === true ? createSimpleLegacy(s) : createSimple(s);
}

// ---------------------------------------------------------------------------------------------
// tt-mlir attribute syntax

/** tt-mlir attribute mnemonics (include/ttmlir/Dialect/TTNN/IR/TTNNOpsAttrs.td); the non-reuse config has none. */
const ATTR_NAME: Readonly<Record<MatmulConfigKind, string | undefined>> = {
  MatmulMultiCoreReuseMultiCastProgramConfig: 'matmul_multi_core_reuse_multi_cast_program_config',
  MatmulMultiCoreReuseMultiCast1DProgramConfig: 'matmul_multi_core_reuse_multi_cast_1d_program_config',
  MatmulMultiCoreReuseProgramConfig: 'matmul_multi_core_reuse_program_config',
  MatmulMultiCoreProgramConfig: undefined,
  MatmulMultiCoreNonOptimizedReuseProgramConfig: undefined,
  MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig:
    'matmul_multi_core_reuse_multi_cast_dram_sharded_program_config',
};

/** Config kind from an IR attribute name (`ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config`). */
export function configKindOfAttribute(name: string): MatmulConfigKind | undefined {
  const bare = name.replace(/^ttnn\./, '');
  for (const [kind, attr] of Object.entries(ATTR_NAME) as [MatmulConfigKind, string | undefined][])
    if (attr !== undefined && attr === bare) return kind;
  return undefined;
}

/**
 * A config in tt-mlir's attribute syntax, ready to paste as `matmul_program_config = ...`: every non-optional parameter
 * of the attribute as tt-mlir@19c86fc defines it (TTNNOpsAttrs.td; the 1D config's `untilize_out` exists since tt-mlir
 * PR #3492, 2025-05-21). Undefined for MatmulMultiCoreProgramConfig, which tt-mlir has no attribute for: the IR
 * cannot ask for it, only leave the choice to tt-metal.
 */
export function matmulConfigAttribute(c: MatmulConfig): string | undefined {
  const attr = ATTR_NAME[c.kind];
  if (attr === undefined) return undefined;
  const name = `#ttnn.${attr}`;
  const grid = `compute_with_storage_grid_size = #ttnn.core_coord<${c.gridX}, ${c.gridY}>`;
  const blocks = `in0_block_w = ${c.in0BlockW}, out_subblock_h = ${c.outSubblockH}, out_subblock_w = ${c.outSubblockW}`;
  switch (c.kind) {
    case 'MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig':
      return `${name}<in0_block_w = ${c.in0BlockW}, per_core_m = ${c.perCoreM}, per_core_n = ${c.perCoreN}>`;
    case 'MatmulMultiCoreReuseProgramConfig':
      return `${name}<${grid}, ${blocks}, per_core_m = ${c.perCoreM}, per_core_n = ${c.perCoreN}>`;
    case 'MatmulMultiCoreReuseMultiCastProgramConfig':
      return `${name}<${grid}, ${blocks}, out_block_h = ${c.outBlockH}, out_block_w = ${c.outBlockW}, per_core_m = ${c.perCoreM}, per_core_n = ${c.perCoreN}, transpose_mcast = ${c.transposeMcast}, fuse_batch = ${c.fuseBatch}>`;
    default:
      return `${name}<${grid}, ${blocks}, out_block_h = ${c.outBlockH}, out_block_w = ${c.outBlockW}, per_core_m = ${c.perCoreM}, per_core_n = ${c.perCoreN}, fuse_batch = ${c.fuseBatch}, mcast_in0 = ${c.mcastIn0}, gather_in0 = false, hop_cores = #ttnn.core_range_set<>, num_global_cb_receivers = 0, untilize_out = false>`;
  }
}

/** `per_core_M 8, per_core_N 4, in0_block_w 2, out_subblock 2x4` for hover text. */
export function configSummary(c: MatmulConfig): string {
  if (c.kind === 'MatmulMultiCoreProgramConfig') return 'no blocking parameters (2-tile CBs per core)';
  if (c.kind === 'MatmulMultiCoreNonOptimizedReuseProgramConfig')
    return 'no blocking parameters (the factory fixes per_core 16x16 tiles, in0_block_w 2)';
  const block =
    c.outBlockH !== c.perCoreM || c.outBlockW !== c.perCoreN ? `, out_block ${c.outBlockH}x${c.outBlockW}` : '';
  const extra =
    c.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig'
      ? `, mcast_in0 ${c.mcastIn0}, fuse_batch ${c.fuseBatch}`
      : c.fuseBatch
        ? ', fuse_batch true'
        : '';
  return `grid ${c.gridX}x${c.gridY} (x by y), per_core_M ${c.perCoreM}, per_core_N ${c.perCoreN}, in0_block_w ${c.in0BlockW}, out_subblock ${c.outSubblockH}x${c.outSubblockW}${block}${extra}`;
}
