/**
 * L1 estimate for `ttnn.reshape`: a view when the stored layout does not change, else the row-major reshape program.
 *
 * Formula (bytes per core):
 *   view (no program): row-major with the same last dim; tile with the same last dim and the same second-last dim
 *     or both second-last dims multiples of 32                                                     [1]
 *   row-major reshape: all cores, the CBs on the CoreRange (0,0)-(grid.x − 1, grid.y − 1), the printed range;
 *     c_0 = 2 · (floor64(srcRowBytes − 1) + 128), c_1 = floor64(dstRowBytes − 1) + 80; from change point
 *     `reshape-rm-dual-kernel` (PR #28169) also c_2 = c_0 and c_3 = c_1 when one row's bytes divide the other's;
 *     `approx` from `reshape-rm-dest-staging` (PR #50967, not modeled)                                     [2]
 *   sharded row-major reshape [7]: sharded_to_interleaved → the row-major reshape above → interleaved_to_sharded, run
 *     in turn (memoryConfig.ts's figures); from `reshape-sharded-output-recomputed` `approx` unless the recomputed
 *     output shard is the IR's
 *   tiled reshape, on the rank-3 views (leading dims multiplied into the first) [5]: c_0 = one mapping page of
 *     16·(M + M mod 16) B, M the widest output tile's entry count in tt-metal's host segment map (traced here from the
 *     shapes, as the factory builds it), c_1 = 1 input tile, c_2 = 1 output tile (bf16 tiles for bfp8) [3]; on the
 *     whole grid, from change point `reshape-tiled-program-descriptor` on split_work_to_cores' cores
 *   sharded tiled reshape [6]: before change point `reshape-tiled-sharded-direct` (PR #37407), and for a width-sharded
 *     output until `reshape-tiled-sharded-output-direct` (PR #42543), sharded_to_interleaved → the interleaved tiled
 *     reshape → interleaved_to_sharded, run in turn (memoryConfig.ts's figures); otherwise the tiled reshape above on
 *     the sharded tensors (a sharded output `approx`: its recomputed shard spec; twice before PR #42904)
 *   tiled reshape before change point `reshape-tiled-native` (PR #20189): to_layout(ROW_MAJOR), the row-major reshape
 *     above, to_layout(TILE), run in turn: the first whose CBs end past L1 (tt-metal throws there), else the largest
 *     [4]; tt-forge-onnx #1655's three reshapes exact at tt-metal 7d60ca2 / 7598b7e (threads-datamove.test.ts)
 *
 * Symbols: floor64(x) = x rounded down to a multiple of 64.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp (view fast path)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/host/reshape_rm_host_prep.cpp@3389120
 *       (PR #15572, 2024-12-04) and every later commit of it and of (host/)reshape_rm_program_factory.cpp to 622c6fb
 *       (2026-06-23): the CB sizes as above, c_2 / c_3 from 51d87b0; the PR #50967 review (2026-07-24) quotes the same
 *       c_1 size and dual-kernel test as its base; reshape.cpp@83f816b … @622c6fb: the 2-D view and the RM factory
 *   [3] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/(host/)reshape_tiled_program_factory.cpp,
 *       read at every commit touching it from ed0a405 (PR #20189, 2025-04-17) to fdefd7c (2026-06-16): Dims,
 *       reshape_map_output_page and compute_reshape_mapping_host_tensor unchanged bar C++ cleanups (82501b9 initializes
 *       the prev_* values, never read before the first segment); the CB sizes likewise; the CB core set moves at
 *       b2af0cd (PR #45075); the Metal 2.0 port (PR #54202) read in the search index (id 58442755276: DataflowBufferSpec
 *       mapping page × 1, input tile × 1, working output tile × 1, work units on all_cores, the map code as before).
 *       The non-caching variant of PR #33359 (2bb1f91, reverted at d711ccab 5 days later) ran
 *       only when a caller passed on_device_mappings = false, which tt-mlir does not.
 *   [4] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp before PR #20189
 *       (convert_tensor_to_rm_reshape_convert_back_to_orig_layout; search index id 42533026580)
 *   [5] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp, reshape_tiled, read at ed0a405,
 *       c262c36, 4c32297, f7045af and 622c6fb: squeeze/unsqueeze to rank 3 (common.cpp squeeze_shape_to_ND); an
 *       interleaved non-bfp8 tensor goes straight to prim::reshape_view (the padding fill of PR #42770 only with an
 *       explicit pad_value, which tt-mlir's runtime never passes: runtime/lib/ttnn/operations/data_movement/reshape.cpp
 *       @19c86fc); bfp8 is typecast to bf16 around it; sharded layouts pass through s2i/i2s steps that changed with
 *       PRs #37407 and #42543.
 *   [7] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp, perform_reshape_on_2D_RM, read at
 *       every first-parent commit touching it from d30b8c2 (2024-12-24) to 622c6fb (2026-06-23): a sharded input
 *       through sharded_to_interleaved into its own buffer type, a sharded output through interleaved_to_sharded from
 *       an interleaved reshape in its buffer type, the same throughout; the output shard spec as requested until
 *       4914f84 (PR #36015, 2026-01-20; reverted by ce64b8b, relanded as 9cfdc2a, PR #36237, 2026-01-22), then
 *       recompute_shard_spec_for_output (the tiled round trip too); 1116349 (PR #42543) lets it fall back to interleaved
 *   [6] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp, reshape_tiled, read at every
 *       first-parent commit from ed0a405 (2025-04-17) to 622c6fb (2026-06-23): the routing by placement changes at
 *       a3ffa27 (PR #37407), d9ac9a5 (PR #42904, after three reverts on 04-23/24) and 1116349 (PR #42543)
 *   [8] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_rm_op.cpp@d30b8c2 and
 *       reshape_device_operation.cpp@ed0a405 … @622c6fb (validate): BFLOAT16, FLOAT32, UINT32 only; INT32 from 76b41ae
 *       (change point `reshape-int32`); anything else TT_FATALs ("Can only work with …")
 *
 * Basis of `exact`: read spans reshape-tiled-interleaved (the tiled program and reshape_tiled's route, every commit
 * ed0a405 … 622c6fb), reshape-rm-interleaved (the row-major program and its route, every commit 3389120 / d30b8c2 …
 * 622c6fb) and reshape-tiled-through-rm-2025 (the route before PR #20189); a window outside them is approx.
 *
 * Assumptions: the row-major program is exact for interleaved bf16 / f32 / u32 / si32 tensors until `reshape-rm-dest-staging`; a sharded side
 * is exact when its s2i / i2s programs are and the result shard is the IR's (`recomputedShardIsIrs`). The tiled
 * reshape before PR #20189 is exact when its three programs are (not for block floats). The tiled estimate is exact for non-block-float tensors
 * with an interleaved result (a sharded input from PR #37407 on, or through the round trip before); a segment map over the trace budget keeps the old 64 / 128-entry guess ('approx').
 * Worked example: reshape of RM 6x4884480 → 6x1x768x60x106: src row 9,768,960 B → c_0 = 2·(9,768,896 + 128).
 */

import { TILE_HW, elementBytes, isBlockFloat, tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { ResolvedTensor, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, NoProgram, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { outputsInL1 } from '../common';
import {
  PAST_NEWEST_READ_TEXT,
  atOrAfter,
  changePointText,
  readSpanCite,
  windowAtOrAfter,
  windowReadableWithinReadSpan,
  readSpanUnreadReason,
} from '../changePoints';
import { shardCoreCount } from '../../ttnn/layout';
import { largestStep, specWith, stepOp, toLayoutStep, type Step } from './composite';
import { estimateToMemoryConfig } from './memoryConfig';
import { gridRectangle, onRange, shardGridFirstRange } from '../printedRange';

const CITE_RESHAPE =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/host/reshape_rm_host_prep.cpp@3389120 … reshape_rm_program_factory.cpp@622c6fb (every commit of the factory read: c_0, c_1; c_2, c_3 from 51d87b0, PR #28169); reshape.cpp@83f816b … @622c6fb (2-D view → prim reshape, s2i / i2s around a sharded one)';
const CITE_TILED_BEFORE =
  "tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@d30b8c2, @83f816b … @3b28664 (every commit before PR #20189 from 2024-12-24: convert_tile_to_rm: to_layout ROW_MAJOR in the input's memory config, the row-major reshape, to_layout TILE in the requested one)";
const CITE_TILED =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_tiled_program_factory.cpp@fdefd7c (mapping code as at ed0a405, PR #20189)';
const CITE_TILED_SHARDED =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@ed0a405 … @9cfdc2a (s2i / i2s around every sharded tiled reshape), @a3ffa27 … @d9169f1 (PR #37407: the round trip for a width-sharded output only), @1116349 … @622c6fb (PR #42543: sharded outputs direct)';
const CITE_RM_SHARDED =
  "tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@d30b8c2 … @622c6fb (perform_reshape_on_2D_RM: sharded_to_interleaved into the input's buffer type, prim reshape into the output's, interleaved_to_sharded; every commit touching it read; the shard spec recomputed from 4914f84 / 9cfdc2a)";
const CITE_TILED_CALLER =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@622c6fb (reshape_tiled: squeeze_shape_to_3D, bfp8 typecast)';
const CITE_VALIDATE =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_rm_op.cpp@d30b8c2 (RM_RESHAPE_STRUCT::validate), reshape_device_operation.cpp@ed0a405 … @622c6fb (the dtype list; INT32 from 76b41ae, PR #25585)';

const TILED_UNREAD = readSpanUnreadReason('the tiled reshape was', 'reshape-tiled-interleaved', 'outside');
const ROW_MAJOR_UNREAD = readSpanUnreadReason('the row-major reshape was', 'reshape-rm-interleaved', 'outside');
const THROUGH_ROW_MAJOR_UNREAD = readSpanUnreadReason(
  "the tiled reshape's untilize / reshape / tilize route was",
  'reshape-tiled-through-rm-2025',
  'outside',
);

/**
 * tt-metal's reshape device operation refuses every dtype but BFLOAT16, FLOAT32, UINT32 and (from change point
 * `reshape-int32`) INT32, for the row-major and the tiled program alike [8]; a tiled BFLOAT8_B is typecast to BFLOAT16
 * before it [5]. tt-mlir's u16, u8 and bfp_bf4 are ttnn's UINT16, UINT8 and BFLOAT4_B: illegal.
 */
function dtypeRejection(op: TtnnOp, ctx: EstimateContext, input: ResolvedTensor): OpEstimateResult | undefined {
  const dtype = input.dtype;
  const refused =
    dtype === 'u16' || dtype === 'u8' || dtype === 'bfp_bf4' || (dtype === 'si32' && !atOrAfter(ctx, 'reshape-int32'));
  if (!refused) return undefined;
  const accepted = atOrAfter(ctx, 'reshape-int32') ? 'bfloat16/float32 or int32/uint32' : 'bfloat16/float32 or uint32';
  return illegal(op.name, `Can only work with ${accepted} tensors (${dtype})`, CITE_VALIDATE);
}

/** Why a dtype whose mapping to a ttnn DataType was not read keeps a reshape approx; undefined for the read ones. */
function unreadDtypeReason(dtype: string): string | undefined {
  return dtype === 'bf16' || dtype === 'f32' || dtype === 'u32' || dtype === 'si32' || dtype === 'bfp_bf8'
    ? undefined
    : `${dtype}: which ttnn DataType it reaches reshape's validation as was not read`;
}

/**
 * The mapping page of the tiled reshape [3]: tt-metal builds, on the host and from the two rank-3 shapes alone, a
 * segment map per output tile (compute_reshape_mapping_host_tensor / reshape_map_output_page). Walking the output
 * tile's valid elements row by row, an element extends the last segment of its input tile when it comes from the same
 * input tile as the previous element and both its input and output faced offsets are one past the previous ones;
 * else it opens a new segment of that input tile. An output tile's entry count is (most segments of any one input
 * tile) × (input tiles touched); the map's width M is the largest over all output tiles, then M + (M mod L1 alignment)
 * (tt-metal adds the remainder, it does not round up). The page holds 4 uint32 per entry: 16·M bytes.
 *
 * Walked here by runs, not elements: within one output face row and one input face row both offsets step by one, so
 * only a run's first element can open a segment. An output tile's count depends only on its first element's flat
 * offset modulo the input's H·W (one more input plane shifts every input tile index alike) and on its valid extent;
 * when the tile's elements stay inside one input plane, on that offset modulo 32·W too (32 more input rows shift every
 * input tile index by a tile row and keep every faced offset). Tiles are memoized on that key.
 */
const FACE_HW = 16;
/** Distinct output-tile keys traced at most; beyond it the map is not traced (`undefined`). */
const SEGMENT_TRACE_TILE_BUDGET = 1 << 18;
/** Runs walked at most over one map. */
const SEGMENT_TRACE_RUN_BUDGET = 1 << 24;

interface Shape3 {
  readonly c: number;
  readonly h: number;
  readonly w: number;
}

/**
 * The faced offset of element (h, w) inside its 32x32 tile stored as four 16x16 faces (tensor_idxs_to_faced_tile_offset)
 * is FACED_BY_ROW[h mod 32] + FACED_BY_COL[w mod 32]: face·256 + (h mod 16)·16 + (w mod 16), face = 2·(row half) + col
 * half.
 */
const FACED_BY_ROW = Int32Array.from({ length: TILE_HW }, (_, h) => (h >= FACE_HW ? 512 : 0) + (h % FACE_HW) * FACE_HW);
const FACED_BY_COL = Int32Array.from({ length: TILE_HW }, (_, w) => (w >= FACE_HW ? 256 : 0) + (w % FACE_HW));

/** ttnn's squeeze_shape_to_3D (leading dims multiplied into the first) / unsqueeze_shape_to_3D (1s in front). */
export function shapeTo3d(shape: readonly number[]): Shape3 {
  const s = shape.length >= 3 ? shape : [...Array<number>(3 - shape.length).fill(1), ...shape];
  const lead = s.slice(0, s.length - 2).reduce((a, b) => a * b, 1);
  return { c: lead, h: s[s.length - 2], w: s[s.length - 1] };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Traced widths by shape pair: a long-lived server sees few distinct pairs, but the map is bounded all the same. */
const segmentMapWidths = new Map<string, number | undefined>();
const SEGMENT_MAP_WIDTHS_KEPT = 4096;

/**
 * M, the segment map's width in entries before tt-metal's alignment add, for a tiled reshape of `input` to `output`
 * (rank-3 logical shapes); `undefined` when the map is too large to trace here.
 */
export function reshapeSegmentMapWidth(input: Shape3, output: Shape3): number | undefined {
  const key = `${input.c},${input.h},${input.w}>${output.c},${output.h},${output.w}`;
  if (segmentMapWidths.has(key)) return segmentMapWidths.get(key);
  const width = traceSegmentMapWidth(input, output);
  if (segmentMapWidths.size >= SEGMENT_MAP_WIDTHS_KEPT) segmentMapWidths.clear();
  segmentMapWidths.set(key, width);
  return width;
}

/** Input tiles one output tile touches, and their segment counts: reused by every trace (one runs at a time). */
const touchedTiles = new Int32Array(TILE_HW * TILE_HW);
const segmentsOfTouched = new Int32Array(TILE_HW * TILE_HW);

/** Runs left after the last `tileEntries`. */
let tracedRunsLeft = 0;

/**
 * Entries of one output tile whose first element sits at flat input offset `first`: its element walk by runs (one
 * output face row, split where the input leaves a face row or a row); a run opens a segment unless it continues the
 * previous run on both sides. -1 when the runs outnumber `runsLeft`. All arguments are int32.
 */
function tileEntries(
  first: number,
  rows: number,
  cols: number,
  inH: number,
  inW: number,
  outW: number,
  planeIn: number,
  wtIn: number,
  tilesPerPlaneIn: number,
  runsLeft: number,
): number {
  // The module's tables as locals: read from the module's scope, TurboFan loaded each again on every run (generated
  // 100k-op dump's 1,252 traced shape pairs: 2,608 -> 2,269 M instructions, callgrind).
  const facedByRow = FACED_BY_ROW;
  const facedByCol = FACED_BY_COL;
  const tiles = touchedTiles;
  const segments = segmentsOfTouched;
  let touched = 0;
  let lastTouched = -1;
  let prevTile = -1;
  let prevOffsetIn = -2;
  let prevOffsetOut = -2;
  // The input element of each row's start: the first one's, then one output row (outW elements) further each time.
  let rowCi = (first / planeIn) | 0;
  let rowHi = ((first - rowCi * planeIn) / inW) | 0;
  let rowWi = (first - rowCi * planeIn - rowHi * inW) | 0;
  const rowStepH = (outW / inW) | 0;
  const rowStepW = (outW - rowStepH * inW) | 0;
  for (let r = 0; r < rows; r++) {
    let ci = rowCi;
    let hi = rowHi;
    let wi = rowWi;
    rowWi += rowStepW;
    rowHi += rowStepH;
    if (rowWi >= inW) {
      rowWi -= inW;
      rowHi++;
    }
    if (rowHi >= inH) {
      const planesOn = (rowHi / inH) | 0;
      rowCi += planesOn;
      rowHi -= planesOn * inH;
    }
    let rowTiles = (ci * tilesPerPlaneIn + (hi >> 5) * wtIn) | 0;
    let facedRow = facedByRow[hi & 31];
    for (let faceCol = 0; faceCol < cols; faceCol += FACE_HW) {
      let offsetOut = facedByRow[r] + facedByCol[faceCol];
      let left = Math.min(FACE_HW, cols - faceCol);
      while (left > 0) {
        if (--runsLeft < 0) return -1;
        // Compares, not Math.min of three (2,269 -> 2,214 M).
        let run = FACE_HW - (wi & 15);
        if (left < run) run = left;
        if (inW - wi < run) run = inW - wi;
        const tile = (rowTiles + (wi >> 5)) | 0;
        const offsetIn = facedRow + facedByCol[wi & 31];
        if (tile !== prevTile || offsetIn !== prevOffsetIn + 1 || offsetOut !== prevOffsetOut + 1) {
          if (lastTouched < 0 || tiles[lastTouched] !== tile) {
            lastTouched = touched - 1;
            while (lastTouched >= 0 && tiles[lastTouched] !== tile) lastTouched--;
            if (lastTouched < 0) {
              lastTouched = touched++;
              tiles[lastTouched] = tile;
              segments[lastTouched] = 0;
            }
          }
          segments[lastTouched]++;
        }
        prevTile = tile;
        prevOffsetIn = offsetIn + run - 1;
        prevOffsetOut = offsetOut + run - 1;
        offsetOut += run;
        left -= run;
        wi += run;
        if (wi === inW) {
          wi = 0;
          if (++hi === inH) {
            hi = 0;
            ci++;
          }
          rowTiles = (ci * tilesPerPlaneIn + (hi >> 5) * wtIn) | 0;
          facedRow = facedByRow[hi & 31];
        }
      }
    }
  }
  tracedRunsLeft = runsLeft;
  let most = 0;
  for (let i = 0; i < touched; i++) most = Math.max(most, segments[i]);
  return most * touched;
}

function traceSegmentMapWidth(input: Shape3, output: Shape3): number | undefined {
  // An output plane of one element: every output tile holds one element, one segment of one input tile.
  if (output.h * output.w === 1) return 1;
  const planeIn = input.h * input.w;
  const wtIn = Math.ceil(input.w / TILE_HW);
  const tilesPerPlaneIn = wtIn * Math.ceil(input.h / TILE_HW);
  const htOut = Math.ceil(output.h / TILE_HW);
  const wtOut = Math.ceil(output.w / TILE_HW);
  const planeOut = output.h * output.w;
  // Output planes whose first element falls at the same place in an input plane repeat: co·planeOut mod planeIn
  // cycles with period planeIn / gcd(planeOut mod planeIn, planeIn).
  const period = planeIn / gcd(planeOut % planeIn, planeIn);
  const planes = Math.min(output.c, period);
  if (planes * htOut * wtOut > SEGMENT_TRACE_TILE_BUDGET) return undefined;
  // Past the tile budget every figure below is an int32: the traced tiles cover at least one input plane, so
  // planeIn ≤ 1,024 · 2^18 = 2^28, and an output row is at most 2^18 tiles of 32 wide.
  const inH = input.h | 0;
  const inW = input.w | 0;
  const outW = output.w | 0;
  const planeIn32 = planeIn | 0;
  const tileRowSpan = TILE_HW * inW;
  let runsLeft = SEGMENT_TRACE_RUN_BUDGET;
  // Traced tiles by first offset, one set per extent: rows and cols are 32 but in the last tile row / column.
  const seenByExtent = [new Set<number>(), new Set<number>(), new Set<number>(), new Set<number>()];
  const planeStep = (planeOut % planeIn) | 0;
  let planeFirst = 0;
  let widest = 0;
  for (let co = 0; co < planes; co++) {
    for (let th = 0; th < htOut; th++) {
      const rows = Math.min(output.h - th * TILE_HW, TILE_HW) | 0;
      const tileRowFirst = (planeFirst + th * TILE_HW * outW) | 0;
      for (let tw = 0; tw < wtOut; tw++) {
        const cols = Math.min(output.w - tw * TILE_HW, TILE_HW) | 0;
        const offset = (tileRowFirst + tw * TILE_HW) % planeIn32;
        const withinPlane = offset + (rows - 1) * outW + cols - 1 < planeIn32;
        const first = withinPlane ? offset % tileRowSpan : offset;
        const seen = seenByExtent[(rows < TILE_HW ? 2 : 0) + (cols < TILE_HW ? 1 : 0)];
        if (seen.has(first)) continue;
        seen.add(first);
        const entries = tileEntries(first, rows, cols, inH, inW, outW, planeIn32, wtIn, tilesPerPlaneIn, runsLeft);
        if (entries < 0) return undefined;
        runsLeft = tracedRunsLeft;
        widest = Math.max(widest, entries);
      }
    }
    planeFirst += planeStep;
    if (planeFirst >= planeIn32) planeFirst -= planeIn32;
  }
  return widest;
}

/**
 * Tiled reshape [3] of the rank-3 views [5]: c_0 = one mapping page (`reshapeSegmentMapWidth`), c_1 = 1 input tile,
 * c_2 = 1 output tile; work split over the output tiles. The CBs sit on the whole grid (`total_cores`) until change
 * point `reshape-tiled-program-descriptor`, then on split_work_to_cores' cores as given (only the cores and the printed
 * range move, so the window's newest build answers). A bfp8 tensor is typecast to bf16 around the program [5], so
 * its tiles are bf16 tiles.
 */
function tiledReshape(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  placementReason: string | undefined,
): OpEstimateResult {
  const in3 = shapeTo3d(input.logical);
  const out3 = shapeTo3d(output.logical);
  const outputTiles = out3.c * Math.ceil(out3.h / TILE_HW) * Math.ceil(out3.w / TILE_HW);
  const traced = reshapeSegmentMapWidth(in3, out3);
  // Untraced (over the budget): 64 entries for face-aligned widths, else 128 (two to four segments per tile row).
  const faceAligned = in3.w % 16 === 0 && out3.w % 16 === 0;
  const width = traced ?? (faceAligned ? 64 : 128);
  const mapEntries = width + (width % ctx.device.l1AlignmentBytes);
  const bfp8 = input.dtype === 'bfp_bf8';
  const tileDtype = bfp8 ? 'bf16' : input.dtype;
  // The Metal 2.0 port (change point `reshape-view-dataflow-buffers`, PR #54202: "No functional change") keeps the
  // three buffers as dataflow buffers of the same sizes on split_work_to_cores' cores [3]: only the overflow wording
  // moves (analysis/overflow.ts).
  const approxReasons = [
    ...(traced === undefined ? [`segment map of ${outputTiles} output tiles not traced (over the trace budget)`] : []),
    ...(bfp8 ? ['bfp8: the typecasts to bf16 and back around the program (and the padding fill) are not modeled'] : []),
    ...(unreadDtypeReason(input.dtype) !== undefined ? [unreadDtypeReason(input.dtype) as string] : []),
    ...(placementReason !== undefined ? [placementReason] : []),
    // Read at every commit of read span reshape-tiled-interleaved [3][5][6]; a configured build outside it was not.
    ...(windowReadableWithinReadSpan(ctx, 'reshape-tiled-interleaved') ? [] : [TILED_UNREAD]),
  ];
  const split = splitWorkToCores(gridArea(ctx), outputTiles);
  const groups = windowAtOrAfter(ctx.ttMetal.window, 'reshape-tiled-program-descriptor')
    ? groupsFromSplit(split, ctx.device.workerGrid, 'col', {
        order: 'col',
        ctx,
        descriptorsFrom: 'reshape-tiled-program-descriptor',
      })
    : onRange([{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }], gridRectangle(ctx.device.workerGrid));
  return finishProgram({
    op,
    ctx,
    factory: 'ReshapeTiledProgramFactory',
    factoryReason: `tiled reshape moving data: ${outputTiles} output tiles; mapping page of ${mapEntries} entries`,
    groups,
    cbs: [
      { index: 0, role: 'mapping page', nPages: 1, pageBytes: 16 * mapEntries },
      { index: 1, role: 'input tile', nPages: 1, pageBytes: tileBytes(tileDtype) },
      { index: 2, role: 'output tile', nPages: 1, pageBytes: tileBytes(tileDtype) },
    ],
    ...(approxReasons.length === 0
      ? { confidence: 'exact' as const }
      : { confidence: 'approx' as const, approxReason: approxReasons.join('; ') }),
    citations: [CITE_TILED, CITE_TILED_CALLER, readSpanCite('reshape-tiled-interleaved')],
  });
}

const isShardedTensor = (t: ResolvedTensor): boolean =>
  t.layout.memoryLayout !== undefined && t.layout.memoryLayout !== 'interleaved';

/**
 * A tiled reshape from PR #20189 as reshape_tiled routes it by placement [6]. Interleaved on both sides: the one
 * program. A sharded side: before change point `reshape-tiled-sharded-direct` (and for a width-sharded output until
 * `reshape-tiled-sharded-output-direct`) the round trip sharded_to_interleaved → interleaved reshape → interleaved_to_sharded
 * (`shardedReshapeRoundTrip`); otherwise prim::reshape_view runs on the sharded tensors directly, its CBs as for
 * interleaved ones. bfp8's typecasts around it are not modeled (approx), so its placement is not routed either.
 */
function routedTiledReshape(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const inSharded = isShardedTensor(input);
  const outSharded = isShardedTensor(output);
  if (!inSharded && !outSharded) return tiledReshape(op, ctx, input, output, undefined);
  if (input.dtype === 'bfp_bf8')
    return tiledReshape(
      op,
      ctx,
      input,
      output,
      'sharded bfp8: the sharded_to_interleaved / interleaved_to_sharded steps around the typecasts are not modeled',
    );
  const roundTrip =
    !atOrAfter(ctx, 'reshape-tiled-sharded-direct') ||
    (output.layout.memoryLayout === 'width_sharded' && !atOrAfter(ctx, 'reshape-tiled-sharded-output-direct'));
  if (roundTrip) return shardedReshapeRoundTrip(op, ctx, inSharded, outSharded, 'tile');
  if (!outSharded) return tiledReshape(op, ctx, input, output, undefined);
  // A sharded output: tt-metal recomputes its shard spec for the output shape (recompute_shard_spec_for_output) [6];
  // before `reshape-tiled-sharded-single-run` it ran reshape_view twice, the first result alive during the second.
  const twice = !atOrAfter(ctx, 'reshape-tiled-sharded-single-run');
  return tiledReshape(
    op,
    ctx,
    input,
    output,
    `sharded output: the shard spec tt-metal recomputes for the output shape is taken as the IR's${
      twice ? '; reshape_view runs twice (tt-metal PR #42904 not yet in), the first result held: not modeled' : ''
    }`,
  );
}

/**
 * The round trip of a sharded reshape, tiled [6] or row-major [7]: sharded_to_interleaved of a sharded input into its
 * own buffer type, the interleaved reshape into the output's buffer type, interleaved_to_sharded to a sharded output;
 * each program estimated as the lone to_memory_config / reshape would be (memoryConfig.ts), run in turn
 * (composite.ts). From change point `reshape-sharded-output-recomputed` the last step shards into the spec
 * recompute_shard_spec_for_output derives from the output shape and the requested grid: `exact` only where that is
 * the IR's (`recomputedShardIsIrs`).
 */
function shardedReshapeRoundTrip(
  op: TtnnOp,
  ctx: EstimateContext,
  inSharded: boolean,
  outSharded: boolean,
  pages: 'tile' | 'row_major',
): OpEstimateResult {
  const [inSpec] = op.operands;
  const outSpec = op.results[0];
  if (inSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor' || inSpec.layout.kind !== 'layout')
    return unmodeled(op.name, 'reshape needs an input and a result tensor');
  if (outSpec.layout.kind !== 'layout') return unmodeled(op.name, 'reshape needs a result layout');
  const steps: Step[] = [];
  let reshapeIn = inSpec;
  if (inSharded) {
    reshapeIn = specWith(inSpec, { memoryLayout: 'interleaved', bufferType: inSpec.layout.bufferType });
    steps.push({
      label: 'sharded_to_interleaved (input)',
      result: estimateToMemoryConfig(stepOp(op, 'ttnn.to_memory_config', [inSpec], [reshapeIn]), ctx),
    });
  }
  const reshapeOut = outSharded
    ? specWith(outSpec, { memoryLayout: 'interleaved', bufferType: outSpec.layout.bufferType })
    : outSpec;
  const reshapeOp = stepOp(op, 'ttnn.reshape', [reshapeIn], [reshapeOut]);
  const rIn = resolveTensor(reshapeIn, 'input');
  const rOut = resolveTensor(reshapeOut, 'result');
  if (typeof rIn === 'string') return unmodeled(op.name, rIn);
  if (typeof rOut === 'string') return unmodeled(op.name, rOut);
  steps.push({
    label: 'interleaved reshape',
    result:
      pages === 'tile'
        ? tiledReshape(reshapeOp, ctx, rIn, rOut, undefined)
        : rowMajorReshape(reshapeOp, ctx, rIn, rOut),
  });
  if (outSharded)
    steps.push({
      label: 'interleaved_to_sharded (result)',
      result: estimateToMemoryConfig(stepOp(op, 'ttnn.to_memory_config', [reshapeOut], [outSpec]), ctx),
    });
  const output = resolveTensor(outSpec, 'result');
  const recomputedDiffers =
    outSharded &&
    typeof output !== 'string' &&
    atOrAfter(ctx, 'reshape-sharded-output-recomputed') &&
    !recomputedShardIsIrs(output, ctx);
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    citations: [pages === 'tile' ? CITE_TILED_SHARDED : CITE_RM_SHARDED],
    ...(recomputedDiffers && {
      approxReason: `interleaved_to_sharded shards into the spec tt-metal recomputes for the output shape and grid (${changePointText('reshape-sharded-output-recomputed')}), not the IR's ${output.layout.memoryLayout ?? ''} shard ${output.layout.shardShape.join('x')}: the IR's is taken`,
    }),
  });
}

/**
 * Whether recompute_shard_spec_for_output [7] gives the IR's shard, for height or width sharding over a rectangular
 * grid of n cores: TensorSpec::height_sharded's shard [div_up(physical height, n), physical width], width_sharded's
 * [physical height, div_up(physical width, n)], the divided side rounded up to the required alignment (a tile's 32;
 * 1 for row-major) (tensor_spec.cpp@9cfdc2a, the same at tt_metal/impl/tensor/spec/tensor_spec.cpp@622c6fb). PR
 * #36015 took the grid's bounding box and PR #42543 turns a non-rectangular grid into an interleaved result, so only a
 * rectangular grid is answered; block sharding is not (false).
 */
function recomputedShardIsIrs(output: ResolvedTensor, ctx: EstimateContext): boolean {
  const layout = output.layout;
  const byHeight = layout.memoryLayout === 'height_sharded';
  if (!byHeight && layout.memoryLayout !== 'width_sharded') return false;
  const n = shardCoreCount(layout);
  const first = shardGridFirstRange(layout, ctx.device.workerGrid[1]);
  const firstCount = (first[1][0] - first[0][0] + 1) * (first[1][1] - first[0][1] + 1);
  if (n <= 0 || firstCount !== n || layout.shardShape.length !== 2) return false;
  const unit = layout.pageLayout === 'tile' ? TILE_HW : 1;
  const width = output.padded[output.padded.length - 1] ?? 1;
  const height = width > 0 ? output.padded.reduce((a, b) => a * b, 1) / width : 0;
  const split = (extent: number): number => Math.ceil(Math.ceil(extent / n) / unit) * unit;
  const [shardRows, shardCols] = byHeight ? [split(height), width] : [height, split(width)];
  return layout.shardShape[0] * unit === shardRows && layout.shardShape[1] * unit === shardCols;
}

/**
 * Tiled reshape before PR #20189 [4]: untilize, the row-major reshape (a view when the width is kept) and tilize back,
 * each its own program run in turn; tt-metal throws at the first whose CBs end past L1, so that one is the op's figure,
 * else the largest (composite.ts).
 */
function tiledReshapeThroughRowMajor(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const [inSpec] = op.operands;
  const outSpec = op.results[0];
  if (inSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor')
    return unmodeled(op.name, 'reshape needs an input and a result tensor');
  const untilize = toLayoutStep(op, ctx, 'untilize input', inSpec, 'row_major');
  const rmOut = specWith(outSpec, { pageLayout: 'row_major' });
  const reshapeRm = {
    label: 'row-major reshape',
    result: estimateReshape(stepOp(op, 'ttnn.reshape', [untilize.to], [rmOut]), ctx),
  };
  const tilize = toLayoutStep(op, ctx, 'tilize result', rmOut, 'tile');
  // convert_tile_to_rm typecasts bfp8 to bf16 but untilizes the original tensor [4]: not modeled.
  const blockFloat = inSpec.layout.kind === 'layout' && isBlockFloat(inSpec.layout.dtype);
  // The route was read at every commit of read span reshape-tiled-through-rm-2025 [4]; a configured build before it
  // was not.
  const routeRead = windowReadableWithinReadSpan(ctx, 'reshape-tiled-through-rm-2025');
  return largestStep(op, ctx, [untilize.step, reshapeRm, tilize.step], {
    firstBeyondL1: true,
    ...((blockFloat || !routeRead) && {
      confidence: 'approx' as const,
      approxReason: blockFloat
        ? 'tiled reshape before tt-metal PR #20189 of a block-float tensor: the typecasts are not modeled'
        : THROUGH_ROW_MAJOR_UNREAD,
    }),
    citations: [CITE_TILED_BEFORE, readSpanCite('reshape-tiled-through-rm-2025')],
  });
}

/**
 * True when the reshape keeps the stored layout, so its result is a view aliasing the input's buffer (the analysis
 * must not count that buffer twice).
 */
export function isViewReshape(op: TtnnOp): boolean {
  if (op.name !== 'ttnn.reshape') return false;
  const input = resolveTensor(op.operands[0], 'input');
  const output = resolveTensor(op.results[0], 'result');
  if (typeof input === 'string' || typeof output === 'string') return false;
  return viewCheck(input, output);
}

function viewCheck(input: ResolvedTensor, output: ResolvedTensor): boolean {
  const inW = input.logical[input.logical.length - 1];
  const outW = output.logical[output.logical.length - 1];
  const inH = input.logical.length >= 2 ? input.logical[input.logical.length - 2] : 1;
  const outH = output.logical.length >= 2 ? output.logical[output.logical.length - 2] : 1;
  // reshape.cpp's this_is_view (the same from d30b8c2 to 622c6fb) compares only whether each side is sharded and
  // whether it is in L1: a height-sharded input reshaped to a block-sharded result of the same width is a view too.
  const sameStorage =
    input.layout.pageLayout === output.layout.pageLayout &&
    (input.layout.bufferType === 'l1') === (output.layout.bufferType === 'l1') &&
    isShardedTensor(input) === isShardedTensor(output);
  // Tiles stay where they are when only the dims above the last two change, or when both heights are tile-aligned.
  return (
    sameStorage &&
    inW === outW &&
    (input.layout.pageLayout === 'row_major' || inH === outH || (inH % 32 === 0 && outH % 32 === 0))
  );
}

export function estimateReshape(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const view = viewCheck(input, output);
  if (view) {
    const outputs = outputsInL1(op, ctx);
    const result: NoProgram = {
      kind: 'noProgram',
      opName: op.name,
      reason: 'reshape keeps the stored layout: a view, no device program',
      l1TensorBytesPerCore: 0,
      outputs,
    };
    return result;
  }
  const rejection = dtypeRejection(op, ctx, input);
  if (rejection !== undefined) return rejection;
  if (input.layout.pageLayout === 'tile' && output.layout.pageLayout === 'tile')
    return atOrAfter(ctx, 'reshape-tiled-native')
      ? routedTiledReshape(op, ctx, input, output)
      : tiledReshapeThroughRowMajor(op, ctx);
  if (input.layout.pageLayout !== 'row_major' || output.layout.pageLayout !== 'row_major')
    return unmodeled(op.name, 'reshape that also changes the page layout is not modeled');
  // perform_reshape_on_2D_RM [7]: a sharded side always goes through sharded_to_interleaved / interleaved_to_sharded.
  const inSharded = isShardedTensor(input);
  const outSharded = isShardedTensor(output);
  if (inSharded || outSharded) return shardedReshapeRoundTrip(op, ctx, inSharded, outSharded, 'row_major');
  return rowMajorReshape(op, ctx, input, output);
}

/**
 * Row-major reshape [2]: reshape.cpp views both tensors as 2-D (rows × last dim) and runs ReshapeRMProgramFactory, a
 * sharded input or result through sharded_to_interleaved / interleaved_to_sharded around it (not modeled). c_0 holds
 * two source reads of floor64(src − 1) + 128 B, c_1 one destination slot of floor64(dst − 1) + 80 B (src, dst: the row
 * bytes); from change point `reshape-rm-dual-kernel` a second kernel instance, when one row's bytes divide the
 * other's, brings c_2 and c_3 of the same sizes. All on the whole grid.
 */
function rowMajorReshape(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no row-major size`);
  const floor64 = (x: number): number => Math.floor(x / 64) * 64;
  const srcRow = input.logical[input.logical.length - 1] * elem;
  const dstRow = output.logical[output.logical.length - 1] * elem;
  const sourceReadBytes = floor64(srcRow - 1) + 128;
  const destSlotBytes = floor64(dstRow - 1) + 80;
  const dualKernel =
    atOrAfter(ctx, 'reshape-rm-dual-kernel') &&
    srcRow > 0 &&
    dstRow > 0 &&
    (srcRow % dstRow === 0 || dstRow % srcRow === 0);
  const unreadDtype = unreadDtypeReason(input.dtype);
  const approxReasons = [
    ...(atOrAfter(ctx, 'reshape-rm-dest-staging')
      ? [
          `tt-metal PR #50967's destination staging ring and dual-kernel rule are not modeled: the CBs before it are given (${PAST_NEWEST_READ_TEXT})`,
        ]
      : []),
    ...(unreadDtype !== undefined ? [unreadDtype] : []),
    // Read at every commit of read span reshape-rm-interleaved [2][7]; a configured build outside it was not.
    ...(windowReadableWithinReadSpan(ctx, 'reshape-rm-interleaved') ? [] : [ROW_MAJOR_UNREAD]),
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'ReshapeRMProgramFactory',
    factoryReason: `row-major reshape changing the row width (${srcRow} B → ${dstRow} B rows): whole rows staged per core${dualKernel ? '; one row divides the other → two kernel instances, each with its own CBs' : ''}`,
    // The CBs are created on `total_cores`, the CoreRange (0,0)-(grid.x − 1, grid.y − 1) [2]: that range is printed.
    groups: onRange([{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }], gridRectangle(ctx.device.workerGrid)),
    cbs: [
      { index: 0, role: 'source rows', nPages: 2, pageBytes: sourceReadBytes },
      { index: 1, role: 'destination row', nPages: 1, pageBytes: destSlotBytes },
      ...(dualKernel
        ? [
            { index: 2, role: 'source rows (second instance)', nPages: 2, pageBytes: sourceReadBytes },
            { index: 3, role: 'destination row (second instance)', nPages: 1, pageBytes: destSlotBytes },
          ]
        : []),
    ],
    ...(approxReasons.length === 0
      ? { confidence: 'exact' as const }
      : { confidence: 'approx' as const, approxReason: approxReasons.join('; ') }),
    citations: [CITE_RESHAPE, readSpanCite('reshape-rm-interleaved')],
  });
}
