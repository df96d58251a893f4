/**
 * L1 estimate for generic reductions (`ttnn.sum`, `ttnn.mean`, `ttnn.max`, `ttnn.min` over W and/or H) and `ttnn.prod`
 * over one dim (prod_nc: c_0 input 2, c_1 ones 1, c_2 accumulator 1, c_3 output 2 tiles of the output dtype [3]).
 *
 * Formula (bytes per core):
 *   c_0 input = 2 tiles, c_2 scaler = 2 bf16 tiles, c_3 output = 2 tiles                               [2]
 *   W-reduce splits NC·Ht tile rows, H-reduce splits NC·Wt tile columns (split_work_to_cores)         [2]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp@05ddaab
 *       (newest, Metal-2.0 port: input depth from `reduce_reader_input_cb_tiles`); ttmetal-l1-model.md §4.6
 *   [2] the same file, 2025 version (search index id 55305173): input 2 tiles, scaler 2 bf16 tiles ("hardcoded
 *       bfloat16"), output 2 tiles
 *   [3] tt-metal ttnn/cpp/ttnn/operations/reduction/prod/device/prod_nc_program_factory.cpp@06ed770 (prod_nc_format);
 *       split_work_to_cores over output tiles
 *   [4] tt-metal ttnn/cpp/ttnn/operations/reduction/prod/device/prod_all_program_factory.cpp@04b3405
 *   [5] tt-metal ttnn/cpp/ttnn/operations/reduction/prod/prod.cpp (2025 version, index id 5478370822)
 *
 * A row-major input runs tilize → reduce → untilize (rowMajorReduction; the largest program is reported).
 *
 * Assumptions: a reduction over the last dim only is 'exact' for the 2025 factory; other dims (H, HW, several dims that
 *   chain programs) reuse the same CB set as 'approx'.
 * prod over all dims runs prod_all on one core: c_0 = 2 input tiles, c_3 = 2 output tiles [4]; ttnn::prod moves the reduced dim to dim 0 or 1 of a 4-D view first
 *   (a permute, smaller), so only the prod_nc program is sized ('approx' unless the dim already is 0 or 1 of a rank-4
 *   input).
 * Worked example: prod over dim 0 of 64x64 bf16 tiles: 6 × 2,048 = 12,288 B (golden TestOpModelLib.cpp@b73fc81:583);
 *   sum over W of 64x1024 bf16: 2·2,048 + 2·2,048 + 2·2,048 = 12,288 B (tt-mlir OpModel golden,
 *   TestOpModelLib.cpp@b73fc81:478).
 */

import { tileBytes, type DataType } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { isSharded, l1Footprint, type TensorLayout } from '../../ttnn/layout';
import { CITE, finishProgram, gridArea, groupsFromSplit, propInts, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';

const CITE_REDUCE =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp (2025 version, index id 55305173)';

export function estimateReduction(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return rowMajorReduction(op, ctx);
  const rank = input.logical.length;
  const dims = (propInts(op, 'dim_arg') ?? propInts(op, 'dim') ?? []).map((d) => (d < 0 ? d + rank : d));
  const overW = dims.length === 1 && dims[0] === rank - 1;
  const units = input.geometry.heightTilesTotal;
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, units));
  return finishProgram({
    op,
    ctx,
    factory: 'ReduceMultiCoreWProgramFactory',
    factoryReason: `${units} tile rows over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
      { index: 2, role: 'scaler', nPages: 2, pageBytes: tileBytes('bf16') },
      { index: 3, role: 'output', nPages: 2, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: overW ? 'exact' : 'approx',
    approxReason: overW ? '' : 'reduction over other dims (or several dims) assumed to use the W-reduce CB set',
    citations: [CITE_REDUCE, CITE.workSplit],
  });
}

const CITE_PROD =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/prod/device/prod_nc_program_factory.cpp@06ed770 (prod_nc_format)';

export function estimateProd(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major prod is not modeled');
  const dims = propInts(op, 'dim_arg') ?? propInts(op, 'dim');
  if (dims === undefined || dims.length === 0) return prodAll(op, ctx, input.dtype, output.dtype);
  if (dims.length !== 1) return unmodeled(op.name, 'prod over several dims (not one, not all) is not modeled');
  const rank = input.logical.length;
  const dim = dims[0] < 0 ? dims[0] + rank : dims[0];
  const outTiles = Math.max(
    1,
    output.layout.pageLayout === 'tile' ? output.geometry.nPages : Math.ceil(output.geometry.nPages / 32),
  );
  const split = splitWorkToCores(gridArea(ctx), outTiles);
  const t = tileBytes(output.dtype);
  const direct = rank === 4 && dim <= 1;
  const intermediates = prodIntermediates(op, ctx, input.logical, dim);
  return finishProgram({
    op,
    ctx,
    factory: 'ProdNcProgramFactory',
    factoryReason: `${outTiles} output tiles over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: t },
      { index: 1, role: 'ones', nPages: 1, pageBytes: t },
      { index: 2, role: 'accumulator', nPages: 1, pageBytes: t },
      { index: 3, role: 'output', nPages: 2, pageBytes: t },
    ],
    confidence: direct ? 'exact' : 'approx',
    approxReason: direct
      ? ''
      : `dim ${dim} of a rank-${rank} input is moved to dim 0 of a 4-D view first (permute/reshape, smaller programs); only prod_nc is sized`,
    citations: [CITE_PROD, CITE_PROD_COMPOSITE, CITE.workSplit],
    l1IntermediateBytesPerCore: intermediates,
  });
}

const CITE_PROD_COMPOSITE =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/prod/prod.cpp (2025 version, index id 5478370822: unsqueeze_to_4D, permute, prod_nc into ttnn::zeros, permute back)';

/**
 * L1 tensors ttnn::prod allocates besides its result, per core [5]: the input is viewed as 4-D (d = dim + 4 − rank);
 * for d = 2 or 3 it is permuted so d leads ({2,0,1,3} / {3,0,1,2}), prod_nc writes into a `ttnn::zeros` of the
 * reduced shape, and that is permuted back ({1,2,0,3}); for d = 3 a last permute {0,1,3,2} makes the result. Every
 * step takes the output memory config and every named tensor lives until the composite returns, so at the last
 * allocation the permuted input, the zeros and (d = 3) the first permute back are all live. d = 0 or 1: prod_nc's
 * zeros is the result itself. The slices it takes cover the whole tensor (no copy). Worked example
 * (TestOpModelLib.cpp@b73fc81:593): 64x64 bf16 over dim 0, L1 result: [64,1,1,64] = 128 tiles → 4,096 B; zeros
 * [1,1,1,64] 2 tiles → 2,048 B; with the 2,048 B result, 8,192 B of L1 tensors.
 */
function prodIntermediates(op: TtnnOp, ctx: EstimateContext, logical: readonly number[], dim: number): number {
  const out = op.results[0];
  if (out?.kind !== 'tensor' || out.layout.kind !== 'layout' || out.layout.bufferType !== 'l1' || isSharded(out.layout))
    return 0;
  const rank = logical.length;
  if (rank > 4) return 0;
  const d = dim + 4 - rank;
  if (d < 2) return 0;
  const [n, c, h, w] = [...Array<number>(4 - rank).fill(1), ...logical] as [number, number, number, number];
  const permuted = d === 2 ? [h, n, c, w] : [w, n, c, h];
  const reduced = [1, permuted[1]!, permuted[2]!, permuted[3]!];
  const shapes = d === 2 ? [permuted, reduced] : [permuted, reduced, [reduced[1]!, reduced[2]!, 1, reduced[3]!]];
  let bytes = 0;
  for (const dims of shapes)
    bytes +=
      l1Footprint(dims, specWith(out, { dims, pageLayout: 'tile' }).layout as TensorLayout, ctx.device)?.bytesPerCore ??
      0;
  return bytes;
}

/**
 * A row-major input is tilized for the reduce program and the result converted back (ttnn's reductions work on tiles):
 * the figure is the largest of tilize, reduce and untilize (composite.ts).
 */
function rowMajorReduction(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const inSpec = op.operands[0];
  const outSpec = op.results[0];
  if (inSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor')
    return unmodeled(op.name, 'input or result is not a tensor');
  const steps: Step[] = [];
  const t = toLayoutStep(op, ctx, 'tilize input', inSpec, 'tile');
  steps.push(t.step);
  const rmOut = outSpec.layout.kind === 'layout' && outSpec.layout.pageLayout === 'row_major';
  const tiledOut = rmOut ? specWith(outSpec, { pageLayout: 'tile' }) : outSpec;
  steps.push({
    label: 'reduce',
    result: estimateReduction(stepOp(op, op.name, [t.to], [tiledOut], { ...op.properties }), ctx),
  });
  if (rmOut) steps.push(toLayoutStep(op, ctx, 'untilize result', tiledOut, 'row_major').step);
  return largestStep(op, ctx, steps, {
    confidence: 'approx',
    approxReason: 'row-major input: tilize → reduce → untilize program sequence',
  });
}

const CITE_PROD_ALL = 'tt-metal ttnn/cpp/ttnn/operations/reduction/prod/device/prod_all_program_factory.cpp@04b3405';

function prodAll(op: TtnnOp, ctx: EstimateContext, inDtype: DataType, outDtype: DataType): OpEstimateResult {
  return finishProgram({
    op,
    ctx,
    factory: 'ProdAllProgramFactory',
    factoryReason: 'product over every element on core (0,0)',
    groups: [{ name: 'core', nCores: 1, firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(inDtype) },
      { index: 3, role: 'output', nPages: 2, pageBytes: tileBytes(outDtype) },
    ],
    confidence: 'approx',
    approxReason: 'prod_all factory read at tt-metal 04b3405; other builds not compared',
    citations: [CITE_PROD_ALL],
  });
}
