/**
 * L1 estimate for `ttnn.reshape`: a view when the stored layout does not change, else the row-major reshape program.
 *
 * Formula (bytes per core):
 *   view (no program): row-major with the same last dim; tile with the same last dim and the same second-last dim
 *     or both second-last dims multiples of 32                                                     [1]
 *   row-major reshape: all cores, the CBs on the CoreRange (0,0)-(grid.x − 1, grid.y − 1), the printed range;
 *     c_0 = 2 · (floor64(srcRowBytes − 1) + 128), c_1 = floor64(dstRowBytes − 1) + 80; from change point
 *     `reshape-rm-dual-kernel` (PR #28169) also c_2 = c_0 and c_3 = c_1 when one row's bytes divide the other's;
 *     `approx` from `reshape-rm-dest-staging` (PR #50967, not modeled) and for a sharded input or result      [2]
 *   tiled reshape, on the rank-3 views (leading dims multiplied into the first) [5]: c_0 = one mapping page of
 *     16·(M + M mod 16) B, M the widest output tile's entry count in tt-metal's host segment map (traced here from the
 *     shapes, as the factory builds it), c_1 = 1 input tile, c_2 = 1 output tile (bf16 tiles for bfp8) [3]; on the
 *     whole grid, from change point `reshape-tiled-program-descriptor` on split_work_to_cores' cores
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
 *
 * Assumptions: the row-major program is exact for interleaved tensors until `reshape-rm-dest-staging`. The tiled
 * reshape before PR #20189 is exact when its three programs are (not for block floats). The tiled estimate is exact for interleaved
 * non-block-float tensors; a segment map over the trace budget keeps the old 64 / 128-entry guess ('approx').
 * Worked example: reshape of RM 6x4884480 → 6x1x768x60x106: src row 9,768,960 B → c_0 = 2·(9,768,896 + 128).
 */

import { TILE_HW, elementBytes, isBlockFloat, tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { ResolvedTensor, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, NoProgram, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { outputsInL1 } from '../common';
import { atOrAfter, windowAtOrAfter } from '../changePoints';
import { largestStep, specWith, stepOp, toLayoutStep } from './composite';
import { gridRectangle, onRange } from '../printedRange';

const CITE_RESHAPE =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/host/reshape_rm_host_prep.cpp@3389120 … reshape_rm_program_factory.cpp@622c6fb (every commit of the factory read: c_0, c_1; c_2, c_3 from 51d87b0, PR #28169); reshape.cpp@83f816b … @622c6fb (2-D view → prim reshape, s2i / i2s around a sharded one)';
const CITE_TILED_BEFORE =
  "tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@d30b8c2, @83f816b … @3b28664 (every commit before PR #20189 from 2024-12-24: convert_tile_to_rm: to_layout ROW_MAJOR in the input's memory config, the row-major reshape, to_layout TILE in the requested one)";
const CITE_TILED =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_tiled_program_factory.cpp@fdefd7c (mapping code as at ed0a405, PR #20189)';
const CITE_TILED_CALLER =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@622c6fb (reshape_tiled: squeeze_shape_to_3D, bfp8 typecast)';

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

/** Offset of element (h, w) inside its 32x32 tile stored as four 16x16 faces (tensor_idxs_to_faced_tile_offset). */
function facedTileOffset(h: number, w: number): number {
  const th = h % TILE_HW;
  const tw = w % TILE_HW;
  const face = Math.floor(th / FACE_HW) * (TILE_HW / FACE_HW) + Math.floor(tw / FACE_HW);
  return face * FACE_HW * FACE_HW + (th % FACE_HW) * FACE_HW + (tw % FACE_HW);
}

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
  // Numeric tile keys (offset, rows, cols) must stay exact doubles.
  if (planeIn * (TILE_HW + 1) * (TILE_HW + 1) > Number.MAX_SAFE_INTEGER) return undefined;
  const tileRowSpan = TILE_HW * input.w;
  let runsLeft = SEGMENT_TRACE_RUN_BUDGET;
  const seen = new Set<number>();
  const segmentsByInputTile = new Map<number, number>();
  let widest = 0;
  for (let co = 0; co < planes; co++)
    for (let th = 0; th < htOut; th++)
      for (let tw = 0; tw < wtOut; tw++) {
        const rows = Math.min(output.h - th * TILE_HW, TILE_HW);
        const cols = Math.min(output.w - tw * TILE_HW, TILE_HW);
        const offset = (co * planeOut + th * TILE_HW * output.w + tw * TILE_HW) % planeIn;
        const withinPlane = offset + (rows - 1) * output.w + cols - 1 < planeIn;
        const first = withinPlane ? offset % tileRowSpan : offset;
        const tileKey = (first * (TILE_HW + 1) + rows) * (TILE_HW + 1) + cols;
        if (seen.has(tileKey)) continue;
        seen.add(tileKey);
        segmentsByInputTile.clear();
        let prevTile = -1;
        let prevOffsetIn = -1;
        let prevOffsetOut = -1;
        for (let r = 0; r < rows; r++)
          for (let faceCol = 0; faceCol < cols; faceCol += FACE_HW) {
            let flat = first + r * output.w + faceCol;
            let offsetOut = facedTileOffset(r, faceCol);
            let left = Math.min(FACE_HW, cols - faceCol);
            while (left > 0) {
              if (--runsLeft < 0) return undefined;
              const ci = Math.floor(flat / planeIn);
              const inPlane = flat % planeIn;
              const hi = Math.floor(inPlane / input.w);
              const wi = inPlane % input.w;
              const run = Math.min(left, FACE_HW - (wi % FACE_HW), input.w - wi);
              const tile = ci * tilesPerPlaneIn + Math.floor(hi / TILE_HW) * wtIn + Math.floor(wi / TILE_HW);
              const offsetIn = facedTileOffset(hi, wi);
              const extends_ = tile === prevTile && offsetIn - prevOffsetIn === 1 && offsetOut - prevOffsetOut === 1;
              if (!extends_) segmentsByInputTile.set(tile, (segmentsByInputTile.get(tile) ?? 0) + 1);
              prevTile = tile;
              prevOffsetIn = offsetIn + run - 1;
              prevOffsetOut = offsetOut + run - 1;
              flat += run;
              offsetOut += run;
              left -= run;
            }
          }
        let most = 0;
        for (const n of segmentsByInputTile.values()) most = Math.max(most, n);
        widest = Math.max(widest, most * segmentsByInputTile.size);
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
  const isSharded = (t: ResolvedTensor): boolean =>
    t.layout.memoryLayout !== undefined && t.layout.memoryLayout !== 'interleaved';
  const sharded = isSharded(input) || isSharded(output);
  // The Metal 2.0 port (change point `reshape-view-dataflow-buffers`, PR #54202: "No functional change") keeps the
  // three buffers as dataflow buffers of the same sizes on split_work_to_cores' cores [3]: only the overflow wording
  // moves (analysis/overflow.ts).
  const approxReasons = [
    ...(traced === undefined ? [`segment map of ${outputTiles} output tiles not traced (over the trace budget)`] : []),
    ...(bfp8 ? ['bfp8: the typecasts to bf16 and back around the program (and the padding fill) are not modeled'] : []),
    ...(isBlockFloat(input.dtype) && !bfp8
      ? [`${input.dtype}: the factory's handling of this block float not read`]
      : []),
    ...(sharded
      ? ['sharded input or result: the sharded_to_interleaved / interleaved_to_sharded steps are not modeled']
      : []),
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
    citations: [CITE_TILED, CITE_TILED_CALLER],
  });
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
  return largestStep(op, ctx, [untilize.step, reshapeRm, tilize.step], {
    firstBeyondL1: true,
    ...(blockFloat && {
      confidence: 'approx' as const,
      approxReason: 'tiled reshape before tt-metal PR #20189 of a block-float tensor: the typecasts are not modeled',
    }),
    citations: [CITE_TILED_BEFORE],
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
  const sameStorage =
    input.layout.pageLayout === output.layout.pageLayout &&
    input.layout.bufferType === output.layout.bufferType &&
    input.layout.memoryLayout === output.layout.memoryLayout;
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
  if (input.layout.pageLayout === 'tile' && output.layout.pageLayout === 'tile')
    return atOrAfter(ctx, 'reshape-tiled-native')
      ? tiledReshape(op, ctx, input, output)
      : tiledReshapeThroughRowMajor(op, ctx);
  if (input.layout.pageLayout !== 'row_major' || output.layout.pageLayout !== 'row_major')
    return unmodeled(op.name, 'reshape that also changes the page layout is not modeled');
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
  const isSharded = (t: ResolvedTensor): boolean =>
    t.layout.memoryLayout !== undefined && t.layout.memoryLayout !== 'interleaved';
  const approxReasons = [
    ...(atOrAfter(ctx, 'reshape-rm-dest-staging')
      ? [
          "tt-metal PR #50967's destination staging ring and dual-kernel rule are not modeled: the CBs before it are given",
        ]
      : []),
    ...(isSharded(input) || isSharded(output)
      ? ['sharded input or result: the sharded_to_interleaved / interleaved_to_sharded steps are not modeled']
      : []),
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
    citations: [CITE_RESHAPE],
  });
}
