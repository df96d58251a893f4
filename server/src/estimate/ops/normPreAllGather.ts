/**
 * L1 estimate for `ttnn.rms_norm_pre_all_gather` and `ttnn.layer_norm_pre_all_gather` on interleaved tiled inputs
 * (LayerNormPreAllGatherProgramFactory, the default 1D factory: per-row partial statistics before the all-gather).
 *
 * Formula (tiles per core; Wt = padded width / 32; T(x) = tile bytes of dtype x; im = Float32 when fp32 dest
 * accumulation is on and the build has 'norm-pre-all-gather-fp32-cbs', else bf16):                          [1][2]
 *   input      2·Wt · T(input)              (whole row, double-buffered)
 *   reduce     1 · im                      (reduce scaler; bf16 before the change point)
 *   residual   2·Wt · T(residual)  ┐ only with a residual operand (fused pre-add, PR #43948)
 *   fused      Wt · im             ┘
 *   x^2        2·Wt · im
 *   output     1 (rms) or 2 (layer: Σx and Σx²) · T(result)
 *   cores: split_work_to_cores(grid, NC·Ht tile rows), row-major; every core gets the same buffers.
 * use_2d_core_grid (rms only in tt-mlir; LayerNormPreAllGather2DProgramFactory) [1][2]: cores_x = largest divisor of
 *   the tile rows ≤ grid.y, cores_y = largest divisor of Wt ≤ grid.y, a cores_x x cores_y rectangle whose row y = 0
 *   merges the partials. Same input / scaler / residual / x^2 buffers (still 2·Wt: the whole row, not Wt / cores_y),
 *   plus merge c_15 (cores_y tiles from 'norm-pre-all-gather-2d-merge-by-cores', tt-metal PR #50288; Wt / cores_y
 *   before), partial c_16 1 · im, zero c_13 1 · im, and on the merge row only c_14 1 · T(result).
 *
 * Version axis: 'norm-pre-all-gather-fp32-cbs' (tt-metal PR #52081): before it every intermediate is bf16 whatever
 *   the compute config [1]; from it the x^2 / fused / scaler buffers follow fp32_dest_acc_en [2] — the regression of
 *   tt-metal issue #54697 (and #55075 for the 2D factory). Its fix PR #54698 (single-buffered x^2 when the double
 *   buffer would not fit) is not a change point here: its merge day was not read, and the later factory [2] and PR
 *   #56470 (2026-09-14) still size x^2 at 2·Wt, so a build with it may allocate Wt·im less on overflowing rows.
 *   'norm-pre-all-gather-2d-merge-by-cores' (PR #50288): the 2D merge buffer, above.
 *
 * Factory selection [3]: use_2d_core_grid → the 2D factory above; Welford (a `recip`
 *   operand of layer_norm_pre_all_gather) → the Welford factory (unmodeled); sharded input → the sharded LayerNorm
 *   factory in its distributed pre-all-gather stage [4] (unmodeled); row-major input is rejected by validate [3].
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_program_factory.cpp@5b9c671
 *       (CircularBuffer era: c_0 in0 2·Wt, c_1 one bf16 scaler tile, c_6 x^2 2·Wt bf16, c_14 out 1/2 tiles)
 *   [2] same file @05ddaab (dataflow-buffer era: input, reduce (the reduce plan's auxiliary tiles), residual/fused,
 *       x2, out; 2D: x2 merge cores_y; cb format Float32 with fp32_dest_acc_en); tt-metal PR #52081, issue #54697
 *   [3] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_device_operation.cpp@00b0fa3
 *       (select_program_factory; validate: TILE, interleaved, bf16/bfp8/f32 input)
 *   [4] tt-metal ttnn/cpp/ttnn/operations/normalization/rmsnorm_distributed/rmsnorm_pre_all_gather.cpp@00bbd1e and
 *       layernorm_distributed/layernorm_pre_all_gather.cpp@05781eb (sharded inputs to LayerNorm; default compute
 *       config HiFi4, fp32_dest_acc_en false)
 *
 * Assumptions: the reduce buffer is one tile, as c_1 was in [1]; the reduce plan of [2] was not read, but tt-metal's
 *   printed figures agree with one tile and one base per arch (#54697 Blackhole 1D, PR #54698 Wormhole 1D, #55075
 *   Wormhole 2D: bases 111,616 / 105,664 / 105,664 B). Float32 input with fp32 accumulation runs the SFPU "accurate"
 *   reduce, whose auxiliary tiles may differ (approx). Without `compute_config` the
 *   ttnn default (fp32 off) of [4] is taken (approx once the format follows it). tt-mlir's `program_config` is a
 *   sharded program config, which the interleaved factory ignores. The `fill_implicit_tile_padding` copy ttnn makes of
 *   a partially padded input is not counted.
 * Worked example (tt-metal #54697): rms, 1x1x32x4096 bf16 → bf16, fp32_dest_acc_en on, after PR #52081: Wt = 128;
 *   input 256·2,048 = 524,288 + reduce 4,096 + x^2 256·4,096 = 1,048,576 + output 2,048 = 1,579,008 B per core; with
 *   Blackhole's ≈111 KB base the region ends near the 1,690,624 B tt-metal printed, beyond 1,572,864 B.
 */

import { atOrAfter } from '../changePoints';
import { tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  CbSpec,
  GroupSpec,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { fp32DestAccFromConfig, operandSegments } from './norm';
import { largestDivisorAtMost } from './untilize';

const CITE_OLD =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_program_factory.cpp@5b9c671';
const CITE_NEW =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_program_factory.cpp@05ddaab (PR #52081)';
const CITE_SELECT =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_device_operation.cpp@00b0fa3';

type PreNormKind = 'layer' | 'rms';

export function estimateRmsNormPreAllGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimatePreAllGather(op, ctx, 'rms');
}

export function estimateLayerNormPreAllGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimatePreAllGather(op, ctx, 'layer');
}

function estimatePreAllGather(op: TtnnOp, ctx: EstimateContext, kind: PreNormKind): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile')
    return unmodeled(op.name, 'row-major input: the pre-all-gather norm accepts tiled inputs only');
  if (input.layout.memoryLayout !== 'interleaved') {
    return unmodeled(
      op.name,
      `${input.layout.memoryLayout} input runs the sharded LayerNorm factory in its pre-all-gather stage (not modeled)`,
    );
  }
  const twoD = propBool(op, 'use_2d_core_grid') === true;
  // tt-mlir carries use_2d_core_grid on rms_norm_pre_all_gather only.
  if (twoD && kind !== 'rms')
    return unmodeled(op.name, 'use_2d_core_grid: LayerNormPreAllGather2DProgramFactory is modeled for rms only');

  // rms: (input, residual); layer: (input, residual_input, recip).
  const segments = operandSegments(op);
  if (kind === 'layer' && segments[2]?.[0] !== undefined)
    return unmodeled(
      op.name,
      'recip operand (Welford reciprocals): the Welford pre-all-gather factory is not modeled, nor was how ttnn picks it read',
    );
  const residualIndex = segments[1]?.[0];
  const residual = residualIndex === undefined ? undefined : resolveTensor(op.operands[residualIndex], 'residual');
  if (typeof residual === 'string') return unmodeled(op.name, residual);

  const configured = fp32DestAccFromConfig(op);
  const fp32 = configured ?? false;
  const fp32Cbs = atOrAfter(ctx, 'norm-pre-all-gather-fp32-cbs');
  if (fp32Cbs && input.dtype === 'f32' && !fp32) {
    return unmodeled(
      op.name,
      'Float32 input with fp32_dest_acc_en off: rejected by tt-metal since PR #52081 (its message was not read)',
    );
  }

  const rank = input.padded.length;
  const wt = input.padded[rank - 1] / 32;
  const rows = input.geometry.heightTilesTotal;
  const im = tileBytes(fp32Cbs && fp32 ? 'f32' : 'bf16');
  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);

  const approxReasons: string[] = [];
  if (configured === undefined && fp32Cbs)
    approxReasons.push('no compute_config: ttnn default fp32_dest_acc_en = false assumed');
  if (fp32Cbs && fp32 && input.dtype === 'f32')
    approxReasons.push('Float32 input with fp32 accumulation: SFPU reduce, scaler tile count not read');
  const formatWhy = `intermediates ${im === tileBytes('f32') ? 'Float32' : 'bf16'} (fp32 acc ${fp32 ? 'on' : 'off'}${configured === undefined ? ', default' : ''}${fp32Cbs ? '' : '; bf16 whatever the config before PR #52081'})${residual !== undefined ? '; fused residual' : ''}`;

  if (twoD) {
    if (residual !== undefined && !fp32Cbs)
      return unmodeled(op.name, 'use_2d_core_grid with a residual: the 2D factory of this build was not read');
    const [coresX, coresY] = distributedNorm2dCores(rows, wt, ctx);
    const tilesPerCoreY = wt / coresY;
    const mergeTiles = atOrAfter(ctx, 'norm-pre-all-gather-2d-merge-by-cores') ? coresY : tilesPerCoreY;
    const cbs2d = rowCbs(wt, tIn, im, residual);
    cbs2d.push(
      { index: 15, role: 'cross-core merge of partial Σx²', nPages: mergeTiles, pageBytes: im },
      { index: 16, role: 'partial Σx²', nPages: 1, pageBytes: im },
      { index: 13, role: 'zero tile', nPages: 1, pageBytes: im },
      { index: 14, role: 'Σx² (merge row)', nPages: 1, pageBytes: tOut, groups: ['merge row'] },
    );
    const groups: GroupSpec[] = [{ name: 'merge row', nCores: coresX, firstCore: [0, 0] }];
    if (coresY > 1) groups.push({ name: 'worker rows', nCores: coresX * (coresY - 1), firstCore: [0, 1] });
    return finishProgram({
      op,
      ctx,
      factory: 'LayerNormPreAllGather2DProgramFactory',
      factoryReason: `use_2d_core_grid; Wt = ${wt}, ${rows} tile rows → ${coresX} x ${coresY} cores (${tilesPerCoreY} tiles of the row each; merge buffer ${mergeTiles} tiles); ${formatWhy}`,
      groups,
      cbs: cbs2d,
      confidence: approxReasons.length === 0 ? 'exact' : 'approx',
      approxReason: approxReasons.join('; '),
      citations: [fp32Cbs ? CITE_NEW : CITE_OLD, CITE_SELECT],
    });
  }

  const cbs = rowCbs(wt, tIn, im, residual);
  cbs.push({ index: 14, role: kind === 'rms' ? 'Σx²' : 'Σx, Σx²', nPages: kind === 'rms' ? 1 : 2, pageBytes: tOut });

  const split = splitWorkToCores(gridArea(ctx), rows);
  return finishProgram({
    op,
    ctx,
    factory: 'LayerNormPreAllGatherProgramFactory',
    factoryReason: `Wt = ${wt}; ${formatWhy}; ${rows} tile rows over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs,
    confidence: approxReasons.length === 0 ? 'exact' : 'approx',
    approxReason: approxReasons.join('; '),
    citations: [fp32Cbs ? CITE_NEW : CITE_OLD, CITE_SELECT, CITE.workSplit],
  });
}

/**
 * The CBs both factories create first, in order: the whole input row double-buffered, the reduce scaler, the fused
 * residual and its sum with the input (only with a residual operand), then x² double-buffered.
 */
function rowCbs(wt: number, inputTileBytes: number, im: number, residual: ResolvedTensor | undefined): CbSpec[] {
  const cbs: CbSpec[] = [
    { index: 0, role: 'input (whole row, double-buffered)', nPages: 2 * wt, pageBytes: inputTileBytes },
    { index: 1, role: 'reduce scaler', nPages: 1, pageBytes: im },
  ];
  if (residual !== undefined) {
    cbs.push(
      { index: 5, role: 'residual', nPages: 2 * wt, pageBytes: tileBytes(residual.dtype) },
      { index: 3, role: 'input + residual', nPages: wt, pageBytes: im },
    );
  }
  cbs.push({ index: 6, role: 'x^2', nPages: 2 * wt, pageBytes: im });
  return cbs;
}

/**
 * The core rectangle of the distributed norms' use_2d_core_grid factories (pre- and post-all-gather): cores_x, the
 * largest divisor of the tile rows up to the grid's rows; cores_y, the largest divisor of Wt up to the same.
 */
export function distributedNorm2dCores(rows: number, wt: number, ctx: EstimateContext): [number, number] {
  const maxCores = ctx.device.workerGrid[0];
  return [largestDivisorAtMost(rows, maxCores), largestDivisorAtMost(wt, maxCores)];
}
