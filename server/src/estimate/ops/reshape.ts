/**
 * L1 estimate for `ttnn.reshape`: a view when the stored layout does not change, else the row-major reshape program.
 *
 * Formula (bytes per core):
 *   view (no program): row-major with the same last dim; tile with the same last dim and the same second-last dim
 *     or both second-last dims multiples of 32                                                     [1]
 *   row-major reshape: all cores, the CBs on the CoreRange (0,0)-(grid.x − 1, grid.y − 1), the printed range;
 *     c_0 = 2 · (floor64(srcRowBytes − 1) + 128), c_1 = floor64(dstRowBytes − 1) + 80                       [2]
 *   tiled reshape: all cores; c_0 = mapping page (16 B per segment, 64–128 segments), c_1 = 1 input tile,
 *     c_2 = 1 output tile                                                                          [3]
 *   tiled reshape before change point `reshape-tiled-native` (PR #20189): to_layout(ROW_MAJOR), the row-major reshape
 *     above, to_layout(TILE), run in turn: the first whose CBs end past L1 (tt-metal throws there), else the largest
 *     [4]; tt-forge-onnx #1655's three reshapes exact at tt-metal 7d60ca2 / 7598b7e (threads-datamove.test.ts)
 *
 * Symbols: floor64(x) = x rounded down to a multiple of 64.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp (view fast path)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/host/reshape_rm_program_factory.cpp@010ba92
 *   [3] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_tiled_program_factory.cpp@0184068
 *   [4] tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp before PR #20189
 *       (convert_tensor_to_rm_reshape_convert_back_to_orig_layout; search index id 42533026580)
 *
 * Assumptions: the row-major program follows an older version ('approx'); the tiled mapping page is bounded, not traced.
 * Worked example: reshape of RM 6x4884480 → 6x1x768x60x106: src row 9,768,960 B → c_0 = 2·(9,768,896 + 128).
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { ResolvedTensor, finishProgram, gridArea, resolveTensor } from '../common';
import type { EstimateContext, NoProgram, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { outputsInL1 } from '../common';
import { atOrAfter } from '../changePoints';
import { largestStep, specWith, stepOp, toLayoutStep } from './composite';
import { gridRectangle, onRange } from '../printedRange';

const CITE_RESHAPE =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/host/reshape_rm_program_factory.cpp@010ba92';
const CITE_TILED_BEFORE =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp before PR #20189 (convert_tensor_to_rm_reshape_convert_back_to_orig_layout)';
const CITE_TILED =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_tiled_program_factory.cpp@0184068';

/**
 * Tiled reshape [3]: on every core of the grid, c_0 = one mapping page, c_1 = 1 input tile, c_2 = 1 output tile; work
 * split over output tiles. The mapping page holds 16 B per contiguous segment of an output tile; segments break at
 * 16-wide faces, so an output tile has at least 2 per row (64 → 1,024 B) and up to 4 per row when the row straddles
 * input tiles (128 → 2,048 B).
 */
function tiledReshape(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const inW = input.logical[input.logical.length - 1];
  const outW = output.logical[output.logical.length - 1];
  const faceAligned = inW % 16 === 0 && outW % 16 === 0;
  const segments = faceAligned ? 64 : 128;
  return finishProgram({
    op,
    ctx,
    factory: 'ReshapeTiledProgramFactory',
    factoryReason: `tiled reshape moving data: ${output.geometry.nPages} output tiles; mapping page of ${segments} segments`,
    groups: [{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'mapping page', nPages: 1, pageBytes: 16 * segments },
      { index: 1, role: 'input tile', nPages: 1, pageBytes: tileBytes(input.dtype) },
      { index: 2, role: 'output tile', nPages: 1, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: 'approx',
    approxReason: 'mapping-page size depends on the segment map tt-metal builds on the host',
    citations: [CITE_TILED],
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
  return largestStep(op, ctx, [untilize.step, reshapeRm, tilize.step], {
    firstBeyondL1: true,
    confidence: 'approx',
    approxReason: 'tiled reshape before tt-metal PR #20189: untilize → row-major reshape → tilize',
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
  const inW = input.logical[input.logical.length - 1];
  const outW = output.logical[output.logical.length - 1];
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
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no row-major size`);
  const floor64 = (x: number): number => Math.floor(x / 64) * 64;
  const srcRow = inW * elem;
  const dstRow = outW * elem;
  return finishProgram({
    op,
    ctx,
    factory: 'ReshapeRMProgramFactory',
    factoryReason: 'row-major reshape changing the row width: whole rows staged per core',
    // Both CBs are created on `total_cores`, the CoreRange (0,0)-(grid.x − 1, grid.y − 1) [2]: that range is printed.
    groups: onRange([{ name: 'all', nCores: gridArea(ctx), firstCore: [0, 0] }], gridRectangle(ctx.device.workerGrid)),
    cbs: [
      { index: 0, role: 'source rows', nPages: 2, pageBytes: floor64(srcRow - 1) + 128 },
      { index: 1, role: 'destination row', nPages: 1, pageBytes: floor64(dstRow - 1) + 80 },
    ],
    confidence: 'approx',
    approxReason: 'follows an older version of the row-major reshape factory',
    citations: [CITE_RESHAPE],
  });
}
