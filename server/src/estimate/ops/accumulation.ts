/**
 * L1 estimate for the accumulation ops `ttnn.cumsum`, `ttnn.cumprod` and `ttnn.moreh_cumsum`.
 *
 * The composite (accumulation_common.cpp [3], `accumulation_invoke`): a tensor of rank r < 4 is reshaped to 4-D
 * (leading 1s: a view for tiles); when r − dim < 4 (the dim is one of the last three), a permute swaps the dim with dim
 * 0, AccumulationProgramFactory scans along dim 0, and the same permute swaps it back. Each program allocates its CBs
 * and frees them before the next, so the op's figure is the largest of the three (composite.ts).
 *
 * Formula (bytes per core), accumulation program [1]:
 *   c_0 (src) = 4 tiles of the input dtype; c_acc, c_start, c_dst = 4 tiles each of the output dtype
 *   cores: split_work_to_cores(grid, rows), rows = tiles / tiles along the accumulated dim
 * The permutes are the tiled permute factories (permute.ts): swapping W with dim 0 moves both tiled dims
 * (TiledGeneric: three double-buffered block CBs), swapping H with dim 0 keeps W last (TileRowInvariant).
 *
 * moreh_cumsum before tt-metal PR #24427 (change point `moreh-cumsum-to-accumulation`) ran the moreh device op [2]:
 *   4-D tensors, dim 0 or 1; c_0 = 2, c_1 = 1, c_24 = 1, c_16 = 2 tiles of the output dtype on
 *   split_work_to_cores(grid, C·Ht·Wt (dim 0) or N·Ht·Wt (dim 1)) cores.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/reduction/accumulation/device/accumulation_program_factory.cpp@01ca906
 *       (in_tiles = op_tiles = start_tiles = out_tiles = 4)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/moreh/moreh_cumsum/device/moreh_cumsum_program_factory.cpp@3384f57;
 *       moreh_cumsum.cpp@417861f (forwards to cumsum from PR #24427 on)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/reduction/accumulation/accumulation_common.cpp@10581a8
 *       (preprocess_input_tensor / postprocess_output_tensor); tt-metal issue #23264 (2026-04-17: a 1-D [N] scan still
 *       runs reshape [1,1,1,N] → permute [N,1,1,1])
 *
 * Assumptions ('approx' on the permuted path): the newest builds scan H and W in place with a tile-axis kernel
 *   (is_tile_axis_accumulation in accumulation_common.cpp@10581a8; PR and date not identified; not in
 *   accumulation_common.cpp@622c6fb, 2026-06-23, which still permutes: so after the newest build read) — not modeled; the permuted tensors of an L1 input live in L1 while the scan runs (not counted). moreh_cumsum before
 *   PR #24427 on anything but dim 0/1 of a 4-D tensor is unmodeled: what the caller made of it (tt-mlir's workaround
 *   reshape/permute of the whole tensor) was not read, and tt-forge-onnx #1634 (moreh_cumsum of 2,441,216 f32,
 *   2025-03, no figure in the thread) overflowed L1 there.
 * Worked examples: moreh_cumsum over dim 0 of 64x1024 bf16: reshaped to 1x1x64x1024, H swapped with dim 0; the scan
 *   has 16 tiles × 2,048 = 32,768 B (tt-mlir OpModel golden TestOpModelLib.cpp@b73fc81:1064), the permutes fewer.
 *   cumsum along the last dim of 1x1x32x4096 f32: permute (3,1,2,0) = TiledGeneric, 6 · 4,096 = 24,576 B; the scan on
 *   4096x1x32x1, 16 · 4,096 = 65,536 B → 65,536 B (accumulation.test.ts).
 */

import { NEWEST_READ_COMMIT, atOrAfter, windowPastNewestRead } from '../changePoints';
import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propInt,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp } from './composite';
import { estimatePermute } from './permute';

const CITE_ACC =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/accumulation/device/accumulation_program_factory.cpp@01ca906';
const CITE_COMPOSITE =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/accumulation/accumulation_common.cpp@10581a8 (preprocess_input_tensor)';
const CITE_MOREH =
  'tt-metal ttnn/cpp/ttnn/operations/moreh/moreh_cumsum/device/moreh_cumsum_program_factory.cpp@3384f57';

export function estimateAccumulation(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const outSpec = op.results[0] ?? op.operands[1];
  const output = resolveTensor(outSpec, 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major accumulation is not modeled');
  const rank = input.logical.length;
  const raw = propInt(op, 'dim') ?? 0;
  const dim = raw < 0 ? raw + rank : raw;
  if (op.name === 'ttnn.moreh_cumsum' && !atOrAfter(ctx, 'moreh-cumsum-to-accumulation'))
    return morehCumsum(op, ctx, input, output, dim);
  if (rank - dim >= 4) return accumulationProgram(op, ctx, input, output, dim);
  // The composite: view as 4-D, swap the dim with dim 0, scan along dim 0, swap back.
  const inSpec = op.operands[0];
  if (inSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor')
    return unmodeled(op.name, 'input or result is not a tensor');
  const shape4 = rank < 4 ? [...Array<number>(4 - rank).fill(1), ...input.logical] : [...input.logical];
  const axis = dim + Math.max(0, 4 - rank);
  const perm = shape4.map((_, i) => (i === 0 ? axis : i === axis ? 0 : i));
  const swapped = perm.map((p) => shape4[p]);
  const in4 = specWith(inSpec, { dims: shape4, memoryLayout: 'interleaved' });
  const inSwapped = specWith(inSpec, { dims: swapped, memoryLayout: 'interleaved' });
  const outSwapped = specWith(outSpec, { dims: swapped, memoryLayout: 'interleaved' });
  const out4 = specWith(outSpec, { dims: shape4, memoryLayout: 'interleaved' });
  const permProp = { kind: 'ints' as const, values: perm };
  const scan = stepOp(op, op.name, [inSwapped], [outSwapped], { dim: { kind: 'int', value: 0, text: '0' } });
  const steps: Step[] = [
    {
      label: rank < 4 ? `view as 4-D, swap dim ${axis} with dim 0` : `swap dim ${dim} with dim 0`,
      result: estimatePermute(stepOp(op, 'ttnn.permute', [in4], [inSwapped], { permutation: permProp }), ctx),
    },
    { label: 'scan along dim 0', result: accumulationOn(scan, ctx) },
    {
      label: 'swap back',
      result: estimatePermute(stepOp(op, 'ttnn.permute', [outSwapped], [out4], { permutation: permProp }), ctx),
    },
  ];
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    confidence: 'approx',
    approxReason: [
      // The factory at 622c6fb has no tile-axis kernel (accumulation_program_factory.cpp, one program per dim-0 scan).
      windowPastNewestRead(ctx) &&
        `a stored version later than ${NEWEST_READ_COMMIT} scans H and W in place (tile-axis kernel, not modeled)`,
      'the permuted copies of an L1 input are not counted',
    ]
      .filter((r) => r !== false)
      .join('; '),
    citations: [CITE_COMPOSITE],
  });
}

function accumulationOn(scan: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(scan.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(scan.name, input);
  const output = resolveTensor(scan.results[0], 'result');
  if (typeof output === 'string') return unmodeled(scan.name, output);
  return accumulationProgram(scan, ctx, input, output, 0);
}

/** AccumulationProgramFactory along `dim`, which is not one of the last two (the composite guarantees it). */
function accumulationProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  dim: number,
): OpEstimateResult {
  const along = input.logical[dim] ?? 1;
  const rows = Math.max(1, Math.floor(input.geometry.nPages / Math.max(1, along)));
  const split = splitWorkToCores(gridArea(ctx), rows);
  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);
  return finishProgram({
    op,
    ctx,
    factory: 'AccumulationProgramFactory',
    factoryReason: `${rows} rows of ${along} tiles along dim ${dim} over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'src', nPages: 4, pageBytes: tIn },
      { index: 1, role: 'dst', nPages: 4, pageBytes: tOut },
      { index: 2, role: 'start', nPages: 4, pageBytes: tOut },
      { index: 3, role: 'acc', nPages: 4, pageBytes: tOut },
    ],
    confidence: 'exact',
    citations: [CITE_ACC, CITE.workSplit],
  });
}

/** The moreh device op of builds before PR #24427: 4-D, dim 0 or 1, six tiles of CBs. */
function morehCumsum(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  dim: number,
): OpEstimateResult {
  // Below rank 4 the op is not what runs: tt-mlir's CumSumOpRewritePattern
  // (…/Workarounds/Decomposition/CumSumOpRewritePattern.cpp@7c2b24c) reshapes the input to 4-D (trailing 1s), scans
  // that and reshapes back; tt-forge-onnx #1634's figure is its first reshape's (threads.test.ts).
  if (input.logical.length < 4) {
    return unmodeled(
      op.name,
      `a rank-${input.logical.length} moreh_cumsum does not reach the device before tt-metal PR #24427: tt-mlir's CumSumOpRewritePattern reshapes it to 4-D (trailing 1s), scans that and reshapes back; estimate that IR (tt-forge-onnx #1634 overflowed L1 in the first reshape)`,
    );
  }
  if (dim !== 0 && dim !== 1) {
    return unmodeled(
      op.name,
      `moreh_cumsum before tt-metal PR #24427 runs the moreh device op (4-D, dim 0 or 1 only); how the caller permutes a scan along dim ${dim} for it was not read`,
    );
  }
  const [n, c, h, w] = input.padded;
  const htWt = (h / 32) * (w / 32);
  const units = dim === 0 ? c * htWt : n * htWt;
  const split = splitWorkToCores(gridArea(ctx), units);
  const t = tileBytes(output.dtype);
  return finishProgram({
    op,
    ctx,
    factory: 'MorehCumsumDeviceOperation::ProgramFactory',
    factoryReason: `moreh device op (before tt-metal PR #24427): ${units} tile columns along dim ${dim} over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: t },
      { index: 1, role: 'zero', nPages: 1, pageBytes: t },
      { index: 24, role: 'accumulated sum', nPages: 1, pageBytes: t },
      { index: 16, role: 'output', nPages: 2, pageBytes: t },
    ],
    confidence: 'approx',
    approxReason: 'moreh factory read at one build (3384f57)',
    citations: [CITE_MOREH, CITE.workSplit],
  });
}
