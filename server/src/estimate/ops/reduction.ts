/**
 * L1 estimate for generic reductions (`ttnn.sum`, `ttnn.mean`, `ttnn.max`, `ttnn.min` over W and/or H) and `ttnn.prod`
 * over one dim (prod_nc: c_0 input 2, c_1 ones 1, c_2 accumulator 1, c_3 output 2 tiles of the output dtype [3]).
 *
 * Formula (bytes per core), by the dims reduced (H = second-to-last, W = last dim):
 *   W:  c_0 input 2 tiles, c_2 scaler 2 tiles (1 from change point reduce-scaler-one-tile), c_3 output 2 tiles;
 *       NC·Ht tile rows split                                                                          [2][17]
 *       (a sharded input too: the reader walks its shards, [2] has no sharded CB set); from change point
 *       reduce-w-height-sharded-in-place an L1 height-sharded input into a matching height-sharded result: on the
 *       shard cores, c_0 2 tiles + c_2 1 tile, c_1 and c_3 the shards (tensor-backed)                [13]
 *   H:  c_0 input 2 tiles, c_2 scaler 1 bf16 tile,  c_3 output 2 tiles; NC·Wt tile columns split,
 *       column-major (interleaved path)                                                           [6]
 *       width-sharded input into a width-sharded result: on the shard grid, c_0 2 tiles + c_2 1 tile; c_1 and c_3
 *       are the input and output shards (tensor-backed)                                          [11]
 *       any other sharded input or result (W, H, HW): the interleaved CB sets, the shards walked through a
 *       TensorAccessor, from change point reduce-nd-sharding; before it validate threw (illegal)        [25]
 *   min: before change point reduce-min-fused-negate, ttnn::neg → max reduce → ttnn::neg (the negated input, the
 *       input's size, in the op's memory config); from it the negate variant of the same factory: W + c_4, c_5 of one
 *       tile; H c_0 = c_3 = the dest-register chunk (4 tiles with fp32 accumulation, on by default; 8 off), c_4/c_5 =
 *       lcm of the per-core pushes, from change point reduce-min-h-negate-full-column Ht·(columns per core), with
 *       the external negation when they do not fit the free L1                                   [12]
 *   HW: one input tile → single-core HW factory (c_0 2, c_2 2 scaler tiles (1 from reduce-scaler-one-tile), c_3 2 on
 *       core (0,0)); more → the W reduce then
 *       the H reduce of its [.., H, 1] result (output dtype and memory config; listed as an L1 intermediate when
 *       in L1); the larger program is reported; the W result is Float32 for a bf16 sum with fp32 accumulation from
 *       change point reduce-sum-hw-fp32-w-intermediate, and at the end of the precision chain below   [7][16];
 *       a one-tile Float32 sum / mean / max on the SFPU reduce runs W then H too (the SFPU has no REDUCE_SCALAR),
 *       from change points reduce-sum-f32-sfpu, reduce-mean-f32-sfpu and reduce-max-f32-sfpu: the same CB bytes,
 *       but its one-tile W partial is a tensor (an L1 intermediate with an L1 result)                    [24]
 *   scaler format: bf16, or Float32 for an f32 input from change point reduce-scaler-f32-input (W, H and single-core
 *       HW alike)                                                                                      [17]
 *   other dims (below H, or several that are not exactly H and W): the programs ttnn's reduce runs in turn, the
 *       largest reported; a bf16/bfp8 sum from change point reduce-sum-front-dims-fast-nc: fast_reduce_nc per dim
 *       below H (c_0 2·granularity, c_1 1 bf16, c_24 1 Float32 with the default fp32 accumulation — gone from
 *       change point reduce-fast-nc-no-accumulator-cb — c_16 2 tiles), then W/H/HW over the rest; otherwise, from
 *       the last reduced dim: W / H reduce, or transpose(d, −2) (HC transpose or permute; a bfp8 tensor of rank ≤ 4
 *       typecast to bf16 before it and back after it, a sharded one from change point
 *       reduce-transpose-bfp8-sharded-typecast), H reduce, transpose back (each W/H stage is the op's own
 *       one-dim reduce, min's negation included), and before change point reduce-mean-multi-dim-scaler a mean over
 *       several dims ends with a ttnn::mul_sfpu unary program; with an L1 result the intermediates the largest
 *       program reads and writes are L1 tensors; from change point reduce-sum-fp32-chain a bf16 sum over more than
 *       one dim but not every dim keeps Float32 between its programs (the precision chain: fast_reduce_nc results
 *       Float32 but the last one when no H/W stage follows, its c_0 in the input's format; the W/H/HW stage reads
 *       Float32 and packs the result's dtype)                                              [8][9][10][14][15][16]
 *   (split_work_to_cores over the compute grid)
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp@05ddaab
 *       (newest, Metal-2.0 port: input depth from `reduce_reader_input_cb_tiles`); ttmetal-l1-model.md §4.6
 *   [2] the same file, 2025 version (search index id 55305173): input 2 tiles, scaler 2 bf16 tiles ("hardcoded
 *       bfloat16"), output 2 tiles
 *   [3] tt-metal ttnn/cpp/ttnn/operations/reduction/prod/device/prod_nc_program_factory.cpp@06ed770 (prod_nc_format);
 *       split_work_to_cores over output tiles
 *   [4] tt-metal ttnn/cpp/ttnn/operations/reduction/prod/device/prod_all_program_factory.cpp at every commit fa45b9b … 577298d
 *   [5] tt-metal ttnn/cpp/ttnn/operations/reduction/prod/prod.cpp (2025 version, index id 5478370822)
 *   [6] tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_h_program_factory.cpp@049eabc;
 *       the same CB set at …/generic/device/multi_core_h/reduce_op_multi_core_h.cpp@01c6ad3 (2024), so it holds over
 *       the modeled window (a 2023 version had a 2-tile scaler), but for the scaler's format [17].
 *   [7] tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp@01c6ad3 and its 2025 version (index
 *       id 96151051): get_parallelization_strategy → MULTI_CORE_HW when the input has more than one tile, run as W
 *       then H; reduce_op_single_core_hw_program_factory.cpp@050f24f otherwise
 *   [8] tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp (search index ids 6576833862, early
 *       2025, before PR #18603; 4355189454 after it; 58269801046, 2026): reduce_nd_loop and call_fast_nc /
 *       non_height_width_reduce
 *   [9] tt-metal ttnn/cpp/ttnn/operations/experimental/reduction/fast_reduce_nc/device/fast_reduce_nc_program_factory.cpp@03725f2
 *       (same CBs in the 2024 tt_dnn-era version, index id 2555870600; the Metal 2.0 port, index id 58522491129,
 *       drops c_24); fast_reduce_nc.cpp@0679f7c
 *   [10] tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@00b0fa3 (transpose_impl: 4-D view,
 *       HC for dims (1, 2), permute {2,1,0,3} for (0, 2), permute for rank > 4)
 *   [11] tt-metal …/generic/device/multi_core_h/reduce_op_multi_core_h.cpp (2024, search index id 2398908084) and
 *       reduce_op_multi_core_h_program_factory.cpp (2026, index ids 52567424569, 54787023413): the same sharded CBs
 *   [12] tt-metal reduce_op.cpp@01c6ad3 (reduce_min), its 2026 version (index id 51830110482: negate = true), the H
 *       factory versions of [11], reduce_multi_core_w_analysis.md@36bd005 (the W factory's negation path)
 *   [13] tt-metal reduce_op_multi_core_w_program_factory.cpp (search index id 58135263952: w_uses_height_sharding)
 *       and PR #51158
 *   [14] tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@00b0fa3 (the BFLOAT8_B typecasts
 *       around every transpose but CN and WH) and its 2024-25 versions (index ids 4817610124, 3300451315)
 *   [15] generic_reductions.cpp (index ids 6576833862, 4355189454: ttnn::mul_sfpu(inv_volume) after a multi-dim
 *       mean; 58269801046: scalar / reduced_volume on the first stage, PR #28869); the fast_reduce_nc Metal 2.0 port
 *       (index id 58522491129, PR #51086)
 *   [16] PR #43367: generic_reductions.cpp (index id 58269801046: chain_active, fast_nc_final_dtype), reduce_op.cpp
 *       (index id 52685111089: keep_w_fp32 for a Float32 input packed to bf16), fast_reduce_nc_program_factory.cpp
 *       (index id 58522491129: input and output CB formats); PR #48578: reduce_op.cpp (index ids 54551941191,
 *       57968691308: keep_w_fp32 also for a bf16 SUM with fp32_dest_acc_en)
 *   [17] the W, H and single-core HW factories read at every first-parent commit from ba4ef4f (2025-12-02) to 622c6fb
 *       (2026-06-23, nyoshifujiTT/tt-metal): c_2 two bf16 tiles (W, HW) / one (H) to c262c36; one tile from ebab885
 *       (PR #41838); Float32 for a Float32 input from 7fb82fd (PR #41637); the index's later versions (ids 52567424569,
 *       58135263952) alike
 *   [18] tt-metal PR #44249 as main merged it (82f9895, 2026-06-03; nyoshifujiTT/tt-metal):
 *       reduce_op_multi_core_w_program_factory.cpp's RM branch (rm_path) and common.cpp's make_rm_plan (W: wt chunk
 *       min(8, Wt), ht chunk 1; H: wt chunk 1, ht chunk min(8, ceil(H/32)); one c_24 page per chunk-wide row); unchanged
 *       on main to 2026-06-23, and index id 58135263952 (after PR #51158) has the same W CBs. The separate
 *       reduce_op_multi_core_{w,h}_rm_program_factory.cpp (index ids 55102485151 @f6e93cc, 55109111832 @caf8146) are
 *       in no ref of main's history: PR #44249's branch before its squash
 *   [19] reduce_op_multi_core_h_program_factory.cpp's RM branch at 82f9895 (the CBs of [21])
 *   [20] tt-metal PR #46122, issue #46110; reduce_op.cpp (search index id 54551941191: use_row_major_support gate)
 *   [21] tt-metal PR #50393; reduce_op.cpp (index id 57968691308: num_h_slices, no gate);
 *       reduce_op_multi_core_h_program_factory.cpp (index ids 54542839682, 57977134085: the rm_path CBs); common.hpp
 *       (index id 54604607456: RmPlan) and common.cpp (index id 54519195125: make_rm_plan)
 *   [22] tt-metal PR #54349 description; issue #56103 (no factory of it stored)
 *   [23] tt-metal PR #53636; reduce_op.cpp (index id 57968691308: use_sfpu_fp32_min); W/H factories (index ids
 *       58135263952, 54542839682: c_4/c_5 only for use_fpu_negate)
 *   [24] tt-metal PRs #48896 (mean), #52718 (max), #53636 (sum); reduce_op.cpp (index ids 54525225741: the two-step
 *       HW for INT32 MAX only; 54551941191: and use_sfpu_fp32_mean; 57968691308: and every use_sfpu_fp32_*); the W
 *       factory (index id 58135263952) sizes no CB by is_sfpu_reduce but the FPU negate's c_4/c_5
 *   [25] tt-metal PR #24414 (f75674d): reduce_op.cpp@f75674d~1 (validate) and @f75674d; the H factory
 *       (multi_core_h/reduce_op_multi_core_h.cpp@f75674d, reduce_op_multi_core_h_program_factory.cpp@ba4ef4f..@ef1afdb)
 *
 * A row-major input runs tilize → reduce → untilize (rowMajorReduction; the largest program is reported), the tilized
 *   copy in the input's memory config (an L1 intermediate for an L1 input, tt-metal #32546); from change point
 *   reduce-row-major-dense-path a row-major bf16/f32 rank-4 interleaved sum or mean over W or H runs the dense row-major
 *   RM branches of the W and H factories (denseRowMajorReduce: c_24 rows, c_4, c_0, c_2, c_3, c_5) [18][19]; between change
 *   points reduce-row-major-dense-gated-off (PR #46122: use_row_major_support, off by default) and
 *   reduce-row-major-h-split the tilize path again [20]; from the latter a tall input splits H in two programs
 *   (denseHWithSplit) [21].
 * A tall TILE sum/mean over H splits the same way from change point reduce-h-split-tile-sum-mean (stage 1 the tiled H
 *   set with Float32 output tiles, approx) [22]; an f32 min runs the SFPU MIN reduce, no negation, from change point
 *   reduce-min-f32-sfpu [23].
 *
 * Assumptions: W, H and HW reductions are 'exact' for an interleaved or sharded input (the width-sharded H reduce and
 *   the generic path of any other sharding); min's negate variant (its CB counts changed through 2026) and the
 *   height-sharded W path (its one-tile scaler read at a later version) are 'approx'; so is
 *   every reduction over dims outside the last two (transpose and permute factories approximate; the precision chain's fast_reduce_nc c_24 taken
 *   as 03725f2 sizes it).
 * prod over all dims runs prod_all on one core: c_0, c_2 and c_3 of 2 tiles each in the input format [4]; ttnn::prod moves the reduced dim to dim 0 or 1 of a 4-D view first
 *   (a permute, smaller), so only the prod_nc program is sized ('approx' unless the dim already is 0 or 1 of a rank-4
 *   input).
 * Worked example: prod over dim 0 of 64x64 bf16 tiles: 6 × 2,048 = 12,288 B (golden TestOpModelLib.cpp@b73fc81:583);
 *   sum over W of 64x1024 bf16: 2·2,048 + 2·2,048 + 2·2,048 = 12,288 B (tt-mlir OpModel golden,
 *   TestOpModelLib.cpp@b73fc81:478); sum over dims {1, 0} of it (HW): W reduce 12,288 B, then H reduce
 *   2·2,048 + 2,048 + 2·2,048 = 10,240 B → 12,288 B (TestOpModelLib.cpp@b73fc81:488).
 */

import { elementBytes, tileBytes, type DataType } from '../../ttnn/dtype';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { isSharded, l1Footprint, shardCoreCount, type TensorLayout } from '../../ttnn/layout';
import {
  CITE,
  finishProgram,
  gridArea,
  groupsFromSplit,
  maxL1Space,
  propInts,
  resolveTensor,
  splitWorkToCores,
  type CbSpec,
  type ResolvedTensor,
  type WorkSplit,
} from '../common';
import type { EstimateContext, OpEstimate, OpEstimateResult, Unmodeled } from '../types';
import { illegal, unmodeled } from '../types';
import { atOrAfter, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';
import { fillPadStep } from './fillPad';
import { fp32DestAccFromConfig } from './norm';
import { estimateTypecast, estimateUnary } from './eltwise';
import { estimatePermute, estimateTranspose } from './permute';

const CITE_REDUCE =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp (2025 version, index id 55305173)';
const CITE_REDUCE_H =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_h_program_factory.cpp@049eabc (c_0 2, c_2 1 bf16, c_3 2 tiles; split_work_to_cores over NC·Wt columns, grid_to_cores column-major); same CBs at multi_core_h/reduce_op_multi_core_h.cpp@01c6ad3';
const CITE_REDUCE_HW =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp@01c6ad3 and its 2025 version (index id 96151051): HW over more than one tile = W reduce (scaler 1) then H reduce of its result; one tile → reduce_op_single_core_hw_program_factory.cpp@050f24f (c_0 2, c_2 2 bf16, c_3 2 tiles on core (0,0); c_2 per the next citation)';

/** Which generic reduce the dims select: the last dim (W), the second-to-last (H), both (HW), or something else. */
type ReduceDim = 'W' | 'H' | 'HW' | 'other';

function reduceDimOf(dims: readonly number[], rank: number): ReduceDim {
  const set = new Set(dims);
  // No dim_arg reduces every dim: the last two when the tensor has no others.
  if (set.size === 0) return rank <= 2 ? (rank <= 1 ? 'W' : 'HW') : 'other';
  const w = rank - 1;
  const h = rank - 2;
  if (set.size === 1 && set.has(w)) return 'W';
  if (set.size === 1 && set.has(h)) return 'H';
  if (set.size === 2 && set.has(w) && set.has(h)) return 'HW';
  return 'other';
}

/**
 * Why a modeled reduce program is only 'approx' for this op (empty when the factory read covers it). From change point
 * reduce-nd-sharding the W, H and HW factories read and write a sharded tensor through a TensorAccessor with their
 * interleaved CB sets (the H factory's width-sharded path aside) [CITE_REDUCE_ND_SHARDING]; a reduction over other dims
 * runs transposes or fast_reduce_nc on it first.
 */
function reduceApproxReason(input: ResolvedTensor, reduceDim: ReduceDim): string {
  if (!isSharded(input.layout) || reduceDim !== 'other') return '';
  return 'sharded input to a reduction over dims outside H and W: the interleaved CB sets are used for the programs before the W/H reduce (transposes or fast_reduce_nc of a sharded tensor)';
}

/**
 * Before change point reduce-nd-sharding, Reduce::validate (reduce_op.cpp@f75674d~1) threw for a sharded W or HW
 * reduce, and for an H reduce whose sharded input is not width sharded or whose result's memory layout differs.
 */
function shardedReduceRejected(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  reduceDim: 'W' | 'H' | 'HW',
): OpEstimateResult | undefined {
  if (!isSharded(input.layout) && !isSharded(output.layout)) return undefined;
  if (atOrAfter(ctx, 'reduce-nd-sharding')) return undefined;
  const inLayout = input.layout.memoryLayout;
  const outLayout = output.layout.memoryLayout;
  if (reduceDim === 'H') {
    if (isSharded(input.layout) && inLayout !== 'width_sharded')
      return illegal(
        op.name,
        `Illegal input memory config ${inLayout} for sharded reduction along H!`,
        CITE_REDUCE_VALIDATE_2025,
      );
    if (inLayout !== outLayout)
      return illegal(
        op.name,
        `Illegal input memory config ${inLayout} and output memory config ${outLayout} for reduction along H!`,
        CITE_REDUCE_VALIDATE_2025,
      );
    return undefined;
  }
  if (isSharded(input.layout))
    return illegal(
      op.name,
      `Illegal input memory config ${inLayout} for reduction along ${reduceDim}!`,
      CITE_REDUCE_VALIDATE_2025,
    );
  return illegal(
    op.name,
    `Illegal output memory config ${outLayout} for reduction along ${reduceDim}!`,
    CITE_REDUCE_VALIDATE_2025,
  );
}

const CITE_REDUCE_VALIDATE_2025 =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp@f75674d~1 (Reduce::validate: H sharded only width sharded, layouts equal; W/HW interleaved only)';

const CITE_REDUCE_ND_SHARDING =
  'tt-metal PR #24414 (f75674d): Reduce::validate keeps only device/buffer/tile checks; multi_core_h/reduce_op_multi_core_h.cpp@f75674d and reduce_op_multi_core_h_program_factory.cpp@ba4ef4f..@ef1afdb (not both width sharded: the interleaved CBs, reader_unary_transpose_wh_universal_input_cols_partitioned and the writer through TensorAccessorArgs); reduce_op_single_core_hw_program_factory.cpp@ba4ef4f and HEAD (TensorAccessorArgs)';

/** The H factory's width-sharded path: an L1 width-sharded input into a width-sharded result [CITE_REDUCE_H_SHARDED]. */
function isWidthShardedHReduce(input: ResolvedTensor, output: ResolvedTensor): boolean {
  return (
    input.layout.bufferType === 'l1' &&
    input.layout.memoryLayout === 'width_sharded' &&
    output.layout.memoryLayout === 'width_sharded'
  );
}

/** The W, H or HW reduce of the op's own input (no negation); `twoStepHw` for the SFPU reduce's W-then-H HW. */
function reduceOneOrTwoDims(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  reduceDim: 'W' | 'H' | 'HW',
  approx: string,
  twoStepHw: boolean,
): OpEstimateResult {
  if (reduceDim === 'H') return reduceH(op, ctx, input, output.dtype, approx);
  if (reduceDim === 'HW') return reduceHw(op, ctx, input, output, approx, undefined, false, twoStepHw);
  return reduceW(op, ctx, input, output.dtype, approx);
}

function withSfpuMinNote(res: OpEstimateResult): OpEstimateResult {
  if (res.kind !== 'estimate') return res;
  return {
    ...res,
    factoryReason: `f32 min on the SFPU MIN reduce, no negation (change point reduce-min-f32-sfpu): ${res.factoryReason}`,
    citations: [...res.citations, CITE_MIN_SFPU],
  };
}

/**
 * Whether ttnn.min runs the LLK SFPU MIN reduce instead of −max(−x) (change point reduce-min-f32-sfpu): a Float32 input
 * with fp32 accumulation (the compute config's, on by default) and fast_and_approximate_mode off (ttnn's default;
 * tt-mlir sets no such attribute) [CITE_MIN_SFPU].
 */
function minOnSfpu(op: TtnnOp, ctx: EstimateContext, inputDtype: DataType | undefined): boolean {
  return op.name === 'ttnn.min' && onF32Sfpu(op, ctx, inputDtype);
}

/** The change point from which each op's Float32 reduce runs on the SFPU (use_sfpu_fp32_* in reduce_op.cpp). */
const F32_SFPU_CHANGE_POINT = {
  'ttnn.mean': 'reduce-mean-f32-sfpu',
  'ttnn.max': 'reduce-max-f32-sfpu',
  'ttnn.sum': 'reduce-sum-f32-sfpu',
  'ttnn.min': 'reduce-min-f32-sfpu',
} as const;

/**
 * Whether the op's reduce runs the accurate Float32 SFPU path [CITE_F32_SFPU]: a Float32 input with fp32 accumulation
 * (the compute config's, on by default) and fast_and_approximate_mode off (ttnn's default; tt-mlir passes none), from
 * the op's change point (mean PR #48896, max PR #52718, sum and min PR #53636).
 */
function onF32Sfpu(op: TtnnOp, ctx: EstimateContext, inputDtype: DataType | undefined): boolean {
  const id = F32_SFPU_CHANGE_POINT[op.name as keyof typeof F32_SFPU_CHANGE_POINT];
  return id !== undefined && inputDtype === 'f32' && (fp32DestAccFromConfig(op) ?? true) && atOrAfter(ctx, id);
}

const CITE_F32_SFPU =
  'tt-metal PRs #48896 (mean), #52718 (max), #53636 (sum, min); reduce_op.cpp (search index ids 54551941191, 57968691308: use_sfpu_fp32_{mean,max,sum,min}, use_two_step_hw_sfpu_reduce: the SFPU has no REDUCE_SCALAR, so an HW reduce runs W then H whatever its tile count)';

const CITE_MIN_SFPU =
  'tt-metal PR #53636; reduce_op.cpp (search index id 57968691308: use_sfpu_fp32_min = FLOAT32, not fast_and_approximate_mode, fp32_dest_acc_en, not Quasar → no reduce_min; use_two_step_hw_sfpu_reduce); W/H factories (index ids 58135263952, 54542839682: c_4/c_5 only for use_fpu_negate)';

/**
 * From change point reduce-h-split-tile-sum-mean, a tall TILE H sum or mean splits H like the row-major path
 * [CITE_TILE_H_SPLIT]: stage 1 the tiled H reduce of each of S slices into Float32 (N, C, S, W) row-major partials,
 * stage 2 the dense row-major H collapse. null when it does not apply. The eligibility taken is the row-major path's
 * (rank 4, bf16/f32, interleaved input and result) and its 16-tile-row threshold; stage 1's CBs are the tiled H set
 * with Float32 output tiles. Both unread: approx.
 * Worked example (reduction.test.ts): vovnet's mean over dim 2 of 1x1x3136x256 bf16: NC·Wt = 8, Ht = 98 → S = 8;
 * stage 1 over 64 columns 14,336 B, stage 2 over 8 columns 30,720 B → 30,720 B (10,240 B before).
 */
function tileHSplit(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult | null {
  if (op.name !== 'ttnn.sum' && op.name !== 'ttnn.mean') return null;
  if (input.logical.length !== 4 || (input.dtype !== 'bf16' && input.dtype !== 'f32')) return null;
  if (isSharded(input.layout) || isSharded(output.layout) || output.layout.bufferType === 'system_memory') return null;
  const split = hSplitOf(input, ctx);
  // Asked only when the split would apply, so builds are not split where the change point changes nothing.
  if (split.slices < 2 || !atOrAfter(ctx, 'reduce-h-split-tile-sum-mean')) return null;
  const specs = inputAndResultSpecs(op);
  if (!('inSpec' in specs)) return specs;
  const scaler = reduceScalerDtype(ctx, input);
  const stage1Columns = split.tileColumns * split.slices;
  return twoStageHSplit(op, ctx, specs.inSpec, specs.outSpec, output, split, {
    label: 'tiled H sum of the slices into Float32 partials',
    run: (stageOp) =>
      reduceProgram(stageOp, ctx, input, 'f32', '', {
        factory: 'ReduceMultiCoreHProgramFactory',
        factoryReason: `${stage1Columns} tile columns (NC·${split.slices} slices·Wt)`,
        units: stage1Columns,
        order: 'col',
        scalerPages: 1,
        scalerDtype: scaler,
        citation: CITE_TILE_H_SPLIT,
      }),
    approxReason:
      "tt-metal PR #54349's TILE H split: its stage 1 CB set (taken as the tiled H set with Float32 output tiles) and the TILE path's slice threshold (taken as the row-major path's 16 tile rows) were not read",
  });
}

const CITE_TILE_H_SPLIT =
  'tt-metal PR #54349 description (stage 1 keeps the tiled reader and reduce.cpp, S slices into FP32 ROW_MAJOR (N, C, S, W) partials with a unit scaler; stage 2 the dense RM H collapse with the user scaler and final dtype); issue #56103 (compute_h_slices, per-path min_ht_for_split); reduce_op_multi_core_h_program_factory.cpp (index id 54542839682: tiled c_0 2, c_2 1, c_3 2 tiles)';

/** The op's reduce dims (dim_arg, or dim), negatives counted from the back of a rank-`rank` tensor; [] means all. */
function reduceDimsOf(op: TtnnOp, rank: number): number[] {
  return (propInts(op, 'dim_arg') ?? propInts(op, 'dim') ?? []).map((d) => (d < 0 ? d + rank : d));
}

export function estimateReduction(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const res = estimateReductionOfLayout(op, ctx);
  if (res.kind !== 'estimate') return res;
  const sharded = [op.operands[0], op.results[0]].some(
    (s) => s?.kind === 'tensor' && s.layout.kind === 'layout' && isSharded(s.layout),
  );
  return sharded ? { ...res, citations: [...res.citations, CITE_REDUCE_ND_SHARDING] } : res;
}

const CITE_FILL_IMPLICIT_PAD =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp@b6957c4 (PR #16925) to @622c6fb (reduce: a TILE input goes through fill_implicit_tile_padding first); data_movement/fill_pad/fill_pad.cpp@b6957c4 and @622c6fb (a fill_pad program, rank > 3 reshaped to 3-D, unless the last two logical dims are tile multiples)';

const FILL_PAD_UNSIZED =
  "the input's last two dims are not tile multiples: ttnn's reduce runs fill_implicit_tile_padding (a fill_pad program, tt-metal PR #16925) before the reduce, and that program is not sized (its c_0/c_16 double buffers and padding masks in the input's format can outweigh the reduce's CBs)";

/**
 * The top-level ttnn.sum / mean / max / min. From change point reduce-fill-implicit-tile-padding, ttnn's reduce (not the
 * reduce_impl that pool_sum and composite steps call) fills a TILE input's tile padding with the op's pad value first
 * [CITE_FILL_IMPLICIT_PAD]: that fill_pad program (ops/fillPad.ts) and the reduce are the op's two steps, the larger
 * reported. fill_pad has no read span, so such estimates are approx; a fill_pad this model cannot size leaves the
 * reduce's figure, approx with why.
 */
export function estimateGenericReduction(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const res = estimateReduction(op, ctx);
  if (res.kind !== 'estimate') return res;
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string' || input.layout.pageLayout !== 'tile') return res;
  const last2 = input.logical.slice(-2);
  const tileAligned = last2.length === 2 && last2.every((d) => d % 32 === 0);
  // Asked only for a padded input, so an aligned one's window is not split at the change point.
  if (tileAligned || !atOrAfter(ctx, 'reduce-fill-implicit-tile-padding')) return res;
  const spec = op.operands[0];
  const fill = spec?.kind === 'tensor' ? fillPadStep(op, ctx, 'fill_pad input', spec) : undefined;
  if (fill !== undefined && fill.result.kind === 'estimate')
    return largestStep(op, ctx, [fill, { label: 'reduce', result: res }], {
      firstBeyondL1: true,
      citations: [CITE_FILL_IMPLICIT_PAD],
    });
  return {
    ...res,
    confidence: 'approx',
    approxReason: [res.approxReason, FILL_PAD_UNSIZED].filter((r) => r !== '').join('; '),
    citations: [...res.citations, CITE_FILL_IMPLICIT_PAD],
  };
}

function estimateReductionOfLayout(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile') return rowMajorReduction(op, ctx);
  const rank = input.logical.length;
  const dims = reduceDimsOf(op, rank);
  const reduceDim = reduceDimOf(dims, rank);
  if (reduceDim !== 'other') {
    const rejected = shardedReduceRejected(op, ctx, input, output, reduceDim);
    if (rejected !== undefined) return rejected;
  }
  const approx = reduceApproxReason(input, reduceDim);
  const sfpuMin = minOnSfpu(op, ctx, input.dtype);
  if (op.name === 'ttnn.min' && reduceDim !== 'other' && !sfpuMin)
    return reduceMin(op, ctx, input, output, reduceDim, approx);
  if (reduceDim === 'H') {
    const split = tileHSplit(op, ctx, input, output);
    if (split !== null) return split;
  }
  if (sfpuMin && reduceDim !== 'other')
    return withSfpuMinNote(reduceOneOrTwoDims(op, ctx, input, output, reduceDim, approx, true));
  if (reduceDim !== 'other') return reduceOneOrTwoDims(op, ctx, input, output, reduceDim, approx, false);
  // No dim_arg reduces every dim (generate_reduce_dim); the dims are sorted and distinct.
  const allDims = dims.length === 0 ? input.logical.map((_, i) => i) : [...new Set(dims)].sort((a, b) => a - b);
  return reduceFrontDims(op, ctx, input, output, allDims, approx);
}

/**
 * ttnn.min runs as −max(−x) [CITE_MIN]. Before change point reduce-min-fused-negate: ttnn::neg of the input (a unary
 * program; its result, the input's size, takes the op's memory config), the max reduce of it, ttnn::neg of that
 * result. From it: one max reduce program with the factories' negate flag: W adds c_4 (accumulator) and c_5 (negated
 * tile) of one output tile each; H sizes c_0 and c_3 by the dest-register chunk and adds c_4/c_5 — the lcm of the
 * per-core column pushes, or from change point reduce-min-h-negate-full-column Ht·(columns per core) tiles each, with
 * the external negation as the fallback when both do not fit the free L1; HW runs W then H, both negated.
 */
function reduceMin(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  reduceDim: 'W' | 'H' | 'HW',
  approxReason: string,
): OpEstimateResult {
  if (!atOrAfter(ctx, 'reduce-min-fused-negate'))
    return minByExternalNegation(op, ctx, input, 'builds before tt-metal PR #30509', approxReason);
  const fp32 = fp32DestAccFromConfig(op) ?? true;
  const fullColumn = atOrAfter(ctx, 'reduce-min-h-negate-full-column');
  const negate: Negate = {
    chunkTiles: fp32 ? 4 : 8,
    fullColumn,
    lcmOfPushes: reduceDim !== 'W' && (fullColumn || atOrAfter(ctx, 'reduce-min-h-negate-lcm')),
  };
  // Read span reduce-min-negate-w-h-2026: the W and H negate programs of an interleaved float input and result, with the
  // compute config's defaults (an IR compute_config may also set dst_full_sync_en, which doubles the chunk).
  const read =
    reduceDim !== 'HW' &&
    windowReadableWithinReadSpan(ctx, 'reduce-min-negate-w-h-2026') &&
    !isSharded(input.layout) &&
    !isSharded(output.layout) &&
    MIN_READ_DTYPES.has(input.dtype) &&
    op.properties['compute_config'] === undefined &&
    op.properties['compute_kernel_config'] === undefined;
  // An H reduce of a sharded (not both width-sharded) tensor runs the interleaved CBs the span read; what the span
  // lacks for it is the sharded validation and output handling.
  const shardedH =
    reduceDim === 'H' &&
    windowReadableWithinReadSpan(ctx, 'reduce-min-negate-w-h-2026') &&
    (isSharded(input.layout) || isSharded(output.layout)) &&
    !(input.layout.memoryLayout === 'width_sharded' && output.layout.memoryLayout === 'width_sharded');
  const reason = [approxReason, read ? '' : shardedH ? MIN_H_SHARDED_APPROX : MIN_FUSED_APPROX]
    .filter((r) => r !== '')
    .join('; ');
  const cited = (r: OpEstimateResult): OpEstimateResult =>
    read && r.kind === 'estimate'
      ? { ...r, citations: [...r.citations, readSpanCite('reduce-min-negate-w-h-2026')] }
      : r;
  if (reduceDim === 'W') return cited(reduceW(op, ctx, input, output.dtype, reason, negate));
  if (reduceDim === 'HW') return reduceHw(op, ctx, input, output, reason, negate);
  const h = reduceH(op, ctx, input, output.dtype, reason, negate);
  if (h !== 'negate CBs do not fit') return cited(h);
  return minByExternalNegation(
    op,
    ctx,
    input,
    `the H factory's c_4/c_5 (Ht·columns per core tiles each) exceed the free L1, so ttnn falls back to the external negation (h_reduce_negate_fits_in_l1)`,
    approxReason,
  );
}

/** Input dtypes of read span reduce-min-negate-w-h-2026 (an INT32 min runs the SFPU path from tt-metal PR #43989). */
const MIN_READ_DTYPES: ReadonlySet<DataType> = new Set<DataType>(['bf16', 'f32', 'bfp_bf8', 'bfp_bf4']);

const MIN_H_SHARDED_APPROX =
  'min with the negate flag over H of a sharded tensor: the H factory takes its interleaved CBs unless input and output are both width sharded (use_width_sharding, the same at every commit 0fa5c69 … 7fab83e), read in span reduce-min-negate-w-h-2026 for interleaved tensors only; the sharded rules of the window are not modeled: tt-metal PR #42120 (d9169f1, 2026-04-24: an explicit sharded output_mem_config, validate_reduce_sharded_buffer_types) and PR #43253 (0ed8e14, 2026-05-07: the input shard grid within the program grid, a tile-aligned shard shape)';

const MIN_FUSED_APPROX =
  'min with the negate flag: its CBs were read at the commits that size them, not at every commit (W: one-tile c_4/c_5; H: c_4/c_5 one dest-register chunk at 65635a3, the lcm of the pushes from 0fa5c69, Ht·columns from 7b6870b; the chunk read as 4 tiles with the default fp32 accumulation, 8 without)';

const CITE_MIN =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp@01c6ad3 (reduce_min = neg, max, neg) and its 2026 version (search index id 51830110482: reduce(MAX, negate = true)); reduce_op_multi_core_h_program_factory.cpp (index ids 52567424569: c_0/c_3 chunk_size, c_4/c_5 lcm of the pushes; 54787023413: c_4/c_5 Ht·per-core columns with the L1 fit check); reduce_multi_core_w_analysis.md@36bd005 (negation path: c_4, c_5 one tile each)';

/** Which negate variant of a reduce factory runs (ttnn.min from change point reduce-min-fused-negate). */
interface Negate {
  /** Dest-register tiles per chunk (get_dest_reg_count, half sync): 8, or 4 with fp32 accumulation. */
  readonly chunkTiles: number;
  /** From change point reduce-min-h-negate-full-column: the H factory's c_4/c_5 hold Ht·(columns per core) tiles. */
  readonly fullColumn: boolean;
  /** From change point reduce-min-h-negate-lcm (before full-column): c_4/c_5 hold the lcm of the pushes; before it, one
   *  chunk. Not asked for a W reduce (its c_4/c_5 are one tile at every build). */
  readonly lcmOfPushes: boolean;
}

/** The op's input and result specs, from which every multi-program path builds its steps, or why there are none. */
function inputAndResultSpecs(op: TtnnOp): { inSpec: TensorSpec; outSpec: TensorSpec } | Unmodeled {
  const inSpec = op.operands[0];
  const outSpec = op.results[0];
  if (inSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor')
    return unmodeled(op.name, 'input or result is not a tensor');
  return { inSpec, outSpec };
}

/**
 * min as ttnn::neg → max reduce → ttnn::neg [CITE_MIN]: three programs, the largest reported; the negated input and
 * the max result take the op's memory config, so with an L1 result they are L1 tensors while the max reduce runs.
 */
function minByExternalNegation(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  why: string,
  approxReason: string,
): OpEstimateResult {
  const specs = inputAndResultSpecs(op);
  if (!('inSpec' in specs)) return specs;
  const { inSpec, outSpec } = specs;
  const negSpec = specWith(outSpec, { dims: input.logical, pageLayout: 'tile', dtype: input.dtype });
  const maxSpec = specWith(outSpec, { dtype: input.dtype });
  const props = { ...op.properties };
  const stages: Step[] = [
    { label: 'neg input', result: estimateUnary(stepOp(op, 'ttnn.neg', [inSpec], [negSpec]), ctx) },
    {
      label: 'max reduce',
      result: estimateReduction(stepOp(op, 'ttnn.max', [negSpec], [maxSpec], props), ctx),
    },
    { label: 'neg result', result: estimateUnary(stepOp(op, 'ttnn.neg', [maxSpec], [outSpec]), ctx) },
  ];
  const res = largestStep(op, ctx, stages, {
    confidence: approxReason === '' ? undefined : 'approx',
    approxReason,
    citations: [CITE_MIN],
  });
  if (res.kind !== 'estimate') return res;
  const withNote = {
    ...res,
    factoryReason: `min = −max(−x) by ttnn::neg around the max reduce (${why}): ${res.factoryReason}`,
  };
  return withNote;
}

/** The W and H reduce factories differ in what they split (tile rows / columns), the core order and the scaler CB. */
interface ReduceSplit {
  readonly factory: string;
  readonly factoryReason: string;
  readonly units: number;
  readonly order: 'row' | 'col';
  readonly scalerPages: number;
  /** The scaler CB's format: bf16, or Float32 for an f32 input from change point reduce-scaler-f32-input. */
  readonly scalerDtype: DataType;
  readonly citation: string;
  /** The negate variant's CBs (ttnn.min): c_0/c_3 depths and the c_4/c_5 tiles, from the split. */
  readonly negate?: (split: WorkSplit) => { inPages: number; outPages: number; scratchPages: number };
  /**
   * Whether the reader batches its NoC reads when the smallest core takes `minUnitsPerCore` work units (from change
   * point reduce-reader-batched-input-cb c_0 is then sized by a function not read): absent where it never does.
   */
  readonly readerBatches?: (minUnitsPerCore: number) => boolean;
}

/** kReduceReaderTilesPerBatch (PR #53564): the tiles the universal reduce reader fetches per NoC barrier. */
const READER_TILES_PER_BATCH = 4;

const READER_BATCH_REASON =
  "from tt-metal PR #53564 (change point reduce-reader-batched-input-cb) the reader fetches several tiles per NoC barrier and c_0 holds reduce_reader_input_cb_tiles(batch) tiles, a common.hpp function not read: c_0's 2 tiles are kept, likely a lower bound";

const CITE_READER_BATCH =
  'tt-metal PR #53564 (review thread of 2026-09-01 on common.hpp: kReduceReaderTilesPerBatch = 4, reduce_reader_batch(min tiles per core): unbatched when the smallest core streams fewer tiles than a batch); reduce_op_multi_core_w_program_factory.cpp@05ddaab (batch = reduce_reader_batch(min rows per core · Wt), none for the fused negate with fewer than 2 rows per core; c_0 = reduce_reader_input_cb_tiles(batch)); reduce_op_multi_core_h_program_factory.cpp@05ddaab (batch = the dest chunk when every core owns at least a chunk of columns, else 1; the negate c_0 stays the chunk)';

/** c_0 input 2 tiles, c_2 scaler (bf16), c_3 output 2 tiles, on the cores `split.units` work units take. */
function reduceProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  outDtype: DataType,
  approxReason: string,
  p: ReduceSplit,
): OpEstimate {
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, p.units));
  const neg = p.negate?.(split);
  const [unitsG1, unitsG2] = unitsPerCoreGroups(split, Math.max(1, p.units));
  // Asked only when the reader would batch, so builds are not split where the change point changes nothing.
  const batched =
    p.readerBatches?.(unitsG2 === 0 ? unitsG1 : Math.min(unitsG1, unitsG2)) === true &&
    atOrAfter(ctx, 'reduce-reader-batched-input-cb');
  const reason = batched ? [approxReason, READER_BATCH_REASON].filter((r) => r !== '').join('; ') : approxReason;
  const cbs: CbSpec[] = [
    { index: 0, role: 'input', nPages: neg?.inPages ?? 2, pageBytes: tileBytes(input.dtype) },
    { index: 2, role: 'scaler', nPages: p.scalerPages, pageBytes: tileBytes(p.scalerDtype) },
    { index: 3, role: 'output', nPages: neg?.outPages ?? 2, pageBytes: tileBytes(outDtype) },
  ];
  if (neg !== undefined) cbs.push(...negateCbs(neg.scratchPages, outDtype));
  return finishProgram({
    op,
    ctx,
    factory: p.factory,
    factoryReason: `${p.factoryReason} over ${split.nCores} cores${neg !== undefined ? '; negate variant (min)' : ''}`,
    // Both factories split_work_to_cores(grid, units) column-wise and create every CB on all_cores
    // (reduce_op_multi_core_w.cpp@08d7e9a, multi_core_h index id 2398908084, the 2026 W factory @05ddaab's tile path):
    // the message prints all_cores' first CoreRange (tt-xla #5438: [0-0 - 7-7] for 64 or more tile rows).
    groups: groupsFromSplit(split, ctx.device.workerGrid, p.order, {
      order: 'col',
      ctx,
      descriptorsFrom: 'reduce-program-descriptors',
    }),
    cbs,
    confidence: reason === '' ? 'exact' : 'approx',
    approxReason: reason,
    citations: [
      p.citation,
      ...(neg !== undefined ? [CITE_MIN] : []),
      ...(batched ? [CITE_READER_BATCH] : []),
      CITE.workSplit,
    ],
  });
}

/** Columns per core of the two core groups of a split (the second 0 when the split is even). */
function unitsPerCoreGroups(split: WorkSplit, units: number): [number, number] {
  if (split.nCores === 0) return [0, 0];
  const q = Math.floor(units / split.nCores);
  return units % split.nCores === 0 ? [q, 0] : [q + 1, q];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a === 0 || b === 0 ? Math.max(a, b) : (a / gcd(a, b)) * b);

/**
 * The H factory's negate c_4/c_5 tiles [CITE_MIN]: first one dest-register chunk (reduce_op_multi_core_h_program_factory
 * .cpp@65635a3), from change point reduce-min-h-negate-lcm the lcm of the push sizes a core makes (the chunk and the
 * partial last chunk, or its whole column count when below the chunk; @0fa5c69), from change point
 * reduce-min-h-negate-full-column Ht · (columns per core, the lcm of the two groups').
 */
function hNegateScratchTiles(negate: Negate, heightTiles: number, perCore: readonly [number, number]): number {
  if (negate.fullColumn) return heightTiles * (perCore[1] === 0 ? perCore[0] : lcm(perCore[0], perCore[1]));
  if (!negate.lcmOfPushes) return negate.chunkTiles;
  let tiles = 1;
  for (const cols of perCore) {
    if (cols === 0) continue;
    if (cols >= negate.chunkTiles) {
      tiles = lcm(tiles, negate.chunkTiles);
      if (cols % negate.chunkTiles > 0) tiles = lcm(tiles, cols % negate.chunkTiles);
    } else tiles = lcm(tiles, cols);
  }
  return tiles;
}

const CITE_REDUCE_SCALER =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_{w,h}_program_factory.cpp, reduce_op_single_core_hw_program_factory.cpp, every first-parent commit ba4ef4f..622c6fb (c_2: W and single-core HW 2 tiles to c262c36, 1 from ebab885 / PR #41838; bf16, Float32 for a Float32 input from 7fb82fd / PR #41637)';

/**
 * The scaler CB c_2 of the W, H and single-core HW reduce factories [CITE_REDUCE_SCALER]: bf16, or Float32 for a
 * Float32 input from change point reduce-scaler-f32-input; the W and single-core HW factories' two tiles become one
 * from change point reduce-scaler-one-tile (the H factory's is one tile throughout).
 */
function scalerCb(
  ctx: EstimateContext,
  input: ResolvedTensor,
  factory: 'W' | 'H' | 'HW',
): { pages: number; dtype: 'f32' | 'bf16' } {
  const pages = factory === 'H' || atOrAfter(ctx, 'reduce-scaler-one-tile') ? 1 : 2;
  return { pages, dtype: reduceScalerDtype(ctx, input) };
}

/** The reduce factories' scaler format: Float32 for a Float32 input from change point reduce-scaler-f32-input. */
function reduceScalerDtype(ctx: EstimateContext, input: ResolvedTensor): 'f32' | 'bf16' {
  return input.dtype === 'f32' && atOrAfter(ctx, 'reduce-scaler-f32-input') ? 'f32' : 'bf16';
}

/**
 * ReduceMultiCoreWProgramFactory: NC·Ht tile rows split over the grid, row-major; the scaler per scalerCb. From
 * change point reduce-w-height-sharded-in-place a height-sharded input into a matching height-sharded result runs on
 * its shard cores instead (reduceWHeightSharded).
 */
function reduceW(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  outDtype: DataType,
  approxReason: string,
  negate?: Negate,
): OpEstimate {
  const output = resolveTensor(op.results[0], 'result');
  if (
    typeof output !== 'string' &&
    isHeightShardedWReduce(input, output) &&
    atOrAfter(ctx, 'reduce-w-height-sharded-in-place')
  )
    return reduceWHeightSharded(op, ctx, input, output, approxReason, negate);
  const units = input.geometry.heightTilesTotal;
  const scaler = scalerCb(ctx, input, 'W');
  return reduceProgram(op, ctx, input, outDtype, approxReason, {
    factory: 'ReduceMultiCoreWProgramFactory',
    factoryReason: `${units} tile rows`,
    units,
    // Rows by core_group membership of the column-wise split (reduce_op_multi_core_w.cpp@08d7e9a).
    order: 'col',
    scalerPages: scaler.pages,
    scalerDtype: scaler.dtype,
    citation: `${CITE_REDUCE}; ${CITE_REDUCE_SCALER}`,
    ...(negate !== undefined && { negate: () => ({ inPages: 2, outPages: 2, scratchPages: 1 }) }),
    // @05ddaab: batched when the smallest core's rows · Wt reach a batch of 4 tiles, not for the fused negate with
    // fewer than 2 rows per core [CITE_READER_BATCH].
    readerBatches: (minRows) =>
      !(negate !== undefined && minRows < 2) && minRows * input.geometry.widthTiles >= READER_TILES_PER_BATCH,
  });
}

/**
 * ReduceMultiCoreHProgramFactory (interleaved path): NC·Wt tile columns split over the grid, column-major; c_0 input
 * 2 tiles, c_2 scaler 1 bf16 tile, c_3 output 2 tiles [CITE_REDUCE_H]. A width-sharded input into a width-sharded
 * result runs on the shard grid with its shards bound to c_1 and c_3 (reduceHWidthSharded). With `negate` (min) the
 * negate variant; 'negate CBs do not fit' when its c_4/c_5 exceed the free L1 (the caller negates outside instead).
 */
function reduceH(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  outDtype: DataType,
  approxReason: string,
  negate: Negate,
): OpEstimate | 'negate CBs do not fit';
function reduceH(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  outDtype: DataType,
  approxReason: string,
): OpEstimate;
function reduceH(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  outDtype: DataType,
  approxReason: string,
  negate?: Negate,
): OpEstimate | 'negate CBs do not fit' {
  const rank = input.logical.length;
  const heightTiles = rank >= 2 ? Math.max(1, Math.ceil(input.logical[rank - 2]! / 32)) : 1;
  const columns = Math.max(1, (input.geometry.heightTilesTotal / heightTiles) * input.geometry.widthTiles);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output !== 'string' && isWidthShardedHReduce(input, output))
    return reduceHWidthSharded(op, ctx, input, output, approxReason, negate);
  if (negate?.fullColumn === true) {
    const split = splitWorkToCores(gridArea(ctx), columns);
    const scratch = hNegateScratchTiles(negate, heightTiles, unitsPerCoreGroups(split, columns));
    if (2 * scratch * tileBytes(outDtype) > maxL1Space(ctx)) return 'negate CBs do not fit';
  }
  const scaler = scalerCb(ctx, input, 'H');
  return reduceProgram(op, ctx, input, outDtype, approxReason, {
    factory: 'ReduceMultiCoreHProgramFactory',
    factoryReason: `${columns} tile columns (NC·Wt)`,
    units: columns,
    order: 'col',
    scalerPages: scaler.pages,
    scalerDtype: scaler.dtype,
    citation: scaler.dtype === 'f32' ? `${CITE_REDUCE_H}; ${CITE_REDUCE_SCALER}` : CITE_REDUCE_H,
    // @05ddaab: the column reader batches a dest chunk (4 tiles with fp32 accumulation, 8 without) when every core
    // owns at least a chunk of columns; the negate variant's c_0 is the chunk already [CITE_READER_BATCH].
    ...(negate === undefined && {
      readerBatches: (minCols: number) => minCols >= ((fp32DestAccFromConfig(op) ?? true) ? 4 : 8),
    }),
    ...(negate !== undefined && {
      negate: (split: WorkSplit) => ({
        inPages: negate.chunkTiles,
        outPages: negate.chunkTiles,
        scratchPages: hNegateScratchTiles(negate, heightTiles, unitsPerCoreGroups(split, columns)),
      }),
    }),
  });
}

const CITE_REDUCE_W_SHARDED =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp (search index id 58135263952: w_uses_height_sharding = input and output HEIGHT_SHARDED, same grid, shard height and orientation, shard_Ht · cores = NC·Ht; the shard grid, c_0 2 tiles, c_1 the input shard, c_2 1 scaler tile (Float32 for an f32 input), c_3 the output shard); PR #51158';

/**
 * The W factory's height-sharded path [CITE_REDUCE_W_SHARDED]: both tensors L1 height-sharded (the shards back CBs,
 * which only L1 can, PR #53564) on one grid with the same shard height, the shards tiling NC·Ht exactly. tt-mlir's
 * layouts carry no shard orientation: both are taken as row-major.
 */
function isHeightShardedWReduce(input: ResolvedTensor, output: ResolvedTensor): boolean {
  const a: TensorLayout = input.layout;
  const b: TensorLayout = output.layout;
  if (a.bufferType !== 'l1' || b.bufferType !== 'l1') return false;
  if (a.memoryLayout !== 'height_sharded' || b.memoryLayout !== 'height_sharded') return false;
  if (a.gridShape[0] !== b.gridShape[0] || a.gridShape[1] !== b.gridShape[1]) return false;
  if (JSON.stringify(a.coreRanges ?? null) !== JSON.stringify(b.coreRanges ?? null)) return false;
  const shardRows = a.shardShape[0];
  if (shardRows === undefined || shardRows !== b.shardShape[0] || shardRows <= 0) return false;
  return shardRows * shardCoreCount(a) === input.geometry.heightTilesTotal;
}

/**
 * The W reduce of a height-sharded input into a height-sharded result [CITE_REDUCE_W_SHARDED]: every shard core reduces
 * its own shard's tile rows; c_0 = 2 input tiles, c_2 = 1 scaler tile, c_1 / c_3 bound to the input and output shards
 * (tensor-backed: no CB-region bytes); min's c_4/c_5 one tile each as on the generic path. 'approx': the scaler's
 * single tile was read at a version later than the path's PR.
 * Worked example (reduction.test.ts): 1x1x256x1024 bf16 height-sharded on 8 cores (32x1024 shards), result 256x32 on
 * the same cores → 2·2,048 + 2,048 = 6,144 B per core.
 */
function reduceWHeightSharded(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  approxReason: string,
  negate: Negate | undefined,
): OpEstimate {
  const nCores = Math.max(1, shardCoreCount(input.layout));
  const cbs = shardBoundReduceCbs(input, output, input.dtype === 'f32' ? 'f32' : 'bf16');
  if (negate !== undefined) cbs.push(...negateCbs(1, output.dtype));
  const reason = [approxReason, "the height-sharded path's one-tile scaler was read at a later version than PR #51158"]
    .filter((r) => r !== '')
    .join('; ');
  return finishProgram({
    op,
    ctx,
    factory: 'ReduceMultiCoreWProgramFactory (height sharded)',
    factoryReason: `height-sharded input and result: ${nCores} shard cores, ${input.layout.shardShape[0]} tile rows each${negate !== undefined ? '; negate variant (min)' : ''}`,
    groups: [{ name: 'shard cores', nCores, firstCore: [0, 0] }],
    cbs,
    confidence: 'approx',
    approxReason: reason,
    citations: negate !== undefined ? [CITE_REDUCE_W_SHARDED, CITE_MIN] : [CITE_REDUCE_W_SHARDED],
  });
}

/** Min's negate variant's c_4 (accumulator) and c_5 (negated input), `scratchPages` output tiles each [CITE_MIN]. */
function negateCbs(scratchPages: number, outDtype: DataType): CbSpec[] {
  return [
    { index: 4, role: 'accumulator (negate)', nPages: scratchPages, pageBytes: tileBytes(outDtype) },
    { index: 5, role: 'negated input (negate)', nPages: scratchPages, pageBytes: tileBytes(outDtype) },
  ];
}

/**
 * The CBs both shard-bound reduce paths create (reduceWHeightSharded, reduceHWidthSharded): c_0 two input tiles, c_2
 * one scaler tile of `scalerDtype`, and c_1 / c_3 bound to the input and output shards (tensor-backed: no CB-region
 * bytes). Min's negate CBs are the caller's.
 */
function shardBoundReduceCbs(input: ResolvedTensor, output: ResolvedTensor, scalerDtype: 'f32' | 'bf16'): CbSpec[] {
  const shardPages = (t: ResolvedTensor): number => t.layout.shardShape[0]! * (t.layout.shardShape[1] ?? 1);
  return [
    { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
    { index: 1, role: 'input shard', nPages: shardPages(input), pageBytes: tileBytes(input.dtype), tensorBacked: true },
    { index: 2, role: 'scaler', nPages: 1, pageBytes: tileBytes(scalerDtype) },
    {
      index: 3,
      role: 'output shard',
      nPages: shardPages(output),
      pageBytes: tileBytes(output.dtype),
      tensorBacked: true,
    },
  ];
}

const CITE_REDUCE_H_SHARDED =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/multi_core_h/reduce_op_multi_core_h.cpp (2024, search index id 2398908084: in_sharded) and reduce_op_multi_core_h_program_factory.cpp (2026, index ids 52567424569, 54787023413: use_width_sharding = input and output WIDTH_SHARDED): the shard grid, c_0 2 tiles, c_1 the input shard, c_2 1 scaler tile, c_3 the output shard';

/**
 * The H reduce of a width-sharded input into a width-sharded result [CITE_REDUCE_H_SHARDED]: every core of the input's
 * shard grid reduces its own NC·shard-width columns; c_0 = 2 input tiles, c_2 = 1 scaler tile, and c_1 / c_3 are bound
 * to the input and output shards (tensor-backed: no CB-region bytes). The chunk-sized negate c_0/c_3 do not apply
 * here (chunk 1 on this path); min's c_4/c_5 are sized as on the interleaved path.
 * Worked example (reduction.test.ts): 1x1x64x1024 bf16 width-sharded on 8 cores (64x128 shards = 8 tiles) → 2·2,048 +
 * 2,048 = 6,144 B per core.
 */
function reduceHWidthSharded(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  approxReason: string,
  negate: Negate | undefined,
): OpEstimate {
  const [rows, cols] = input.layout.gridShape;
  const nCores = Math.max(1, rows * cols);
  const rank = input.logical.length;
  const heightTiles = rank >= 2 ? Math.max(1, Math.ceil(input.logical[rank - 2]! / 32)) : 1;
  const nc = input.geometry.heightTilesTotal / heightTiles;
  const shardWidthTiles = input.layout.shardShape[1];
  const scaler = reduceScalerDtype(ctx, input);
  const cbs = shardBoundReduceCbs(input, output, scaler);
  if (negate !== undefined) {
    const scratch = negate.fullColumn
      ? heightTiles * shardWidthTiles
      : hNegateScratchTiles({ ...negate, chunkTiles: 1 }, heightTiles, [nc * shardWidthTiles, 0]);
    cbs.push(...negateCbs(scratch, output.dtype));
  }
  return finishProgram({
    op,
    ctx,
    factory: 'ReduceMultiCoreHProgramFactory (width sharded)',
    factoryReason: `width-sharded input and result: ${nCores} shard cores, ${nc * shardWidthTiles} columns each`,
    groups: [{ name: 'shard cores', nCores, firstCore: [0, 0] }],
    cbs,
    confidence: approxReason === '' ? 'exact' : 'approx',
    approxReason,
    citations: negate !== undefined ? [CITE_REDUCE_H_SHARDED, CITE_MIN] : [CITE_REDUCE_H_SHARDED],
  });
}

/**
 * HW reduce [CITE_REDUCE_HW]: an input of one tile runs the single-core HW factory; a larger one runs the W reduce,
 * whose result (last dim 1, the output's dtype and memory config) the H reduce then reduces. The largest program is
 * reported; the W result, when in L1, is live through both and is listed as an intermediate. The W result is Float32
 * instead [CITE_HW_FP32_PARTIAL] when the caller says so (`fp32Partial`: the end of a bf16 sum's precision chain,
 * change point reduce-sum-fp32-chain) or, from change point reduce-sum-hw-fp32-w-intermediate, for a bf16 sum with
 * fp32 accumulation (the compute config's, on by default in ttnn's reduce).
 * Worked example (reduction.test.ts): sum over dims 2, 3 of 1x1x64x1024 bf16 in a 2026-08 build: W reduce of the 2
 * tile rows into Float32, c_0 2·2,048 + c_2 2·2,048 + c_3 2·4,096 = 16,384 B; H reduce of the 1x1x64x1 Float32 partial,
 * c_0 2·4,096 + c_2 one Float32 tile 4,096 + c_3 2·2,048 = 16,384 B.
 */
function reduceHw(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  approxReason: string,
  negate?: Negate,
  fp32Partial = false,
  /** The SFPU reduce has no REDUCE_SCALAR: W then H even for one tile (use_two_step_hw_sfpu_reduce). */
  forceTwoStep = false,
): OpEstimateResult {
  // Asked only for a one-tile input, the one case the SFPU path changes (a larger one runs W then H anyway).
  const sfpuTwoStep =
    !forceTwoStep && input.geometry.nPages <= 1 && negate === undefined && onF32Sfpu(op, ctx, input.dtype);
  const hwScaler = input.geometry.nPages <= 1 && !forceTwoStep && !sfpuTwoStep ? scalerCb(ctx, input, 'HW') : null;
  if (hwScaler !== null)
    return finishProgram({
      op,
      ctx,
      factory: 'ReduceSingleCoreHwProgramFactory',
      factoryReason: `a one-tile input reduces on one core${negate !== undefined ? '; negate variant (min)' : ''}`,
      groups: [{ name: 'core', nCores: 1, firstCore: [0, 0] }],
      cbs: [
        { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
        { index: 2, role: 'scaler', nPages: hwScaler.pages, pageBytes: tileBytes(hwScaler.dtype) },
        { index: 3, role: 'output', nPages: 2, pageBytes: tileBytes(output.dtype) },
        ...(negate !== undefined ? negateCbs(1, output.dtype) : []),
      ],
      confidence: approxReason === '' ? 'exact' : 'approx',
      approxReason,
      citations:
        negate !== undefined ? [CITE_REDUCE_HW, CITE_REDUCE_SCALER, CITE_MIN] : [CITE_REDUCE_HW, CITE_REDUCE_SCALER],
    });
  const specs = inputAndResultSpecs(op);
  if (!('inSpec' in specs)) return specs;
  const { inSpec, outSpec } = specs;
  const rank = input.logical.length;
  const wDims = [...input.logical.slice(0, rank - 1), 1];
  const keepWFp32 =
    fp32Partial ||
    (negate === undefined &&
      op.name === 'ttnn.sum' &&
      input.dtype === 'bf16' &&
      (fp32DestAccFromConfig(op) ?? true) &&
      atOrAfter(ctx, 'reduce-sum-hw-fp32-w-intermediate'));
  const wDtype: DataType = keepWFp32 ? 'f32' : output.dtype;
  const wSpec = specWith(outSpec, { dims: wDims, pageLayout: 'tile', dtype: wDtype });
  const wResult = resolveTensor(wSpec, 'W-reduce result');
  if (typeof wResult === 'string') return unmodeled(op.name, wResult);
  const wOp = stepOp(op, op.name, [inSpec], [wSpec], { ...op.properties });
  const hOp = stepOp(op, op.name, [wSpec], [outSpec], { ...op.properties });
  const hResult =
    negate === undefined
      ? reduceH(hOp, ctx, wResult, output.dtype, approxReason)
      : reduceH(hOp, ctx, wResult, output.dtype, approxReason, negate);
  if (hResult === 'negate CBs do not fit')
    return unmodeled(
      op.name,
      "min over H and W: the H stage's negate CBs exceed the free L1; the fallback inside the W-then-H chain was not read",
    );
  const steps: Step[] = [
    {
      label: keepWFp32 ? 'reduce W (Float32 partial)' : 'reduce W',
      result: reduceW(wOp, ctx, input, wDtype, approxReason, negate),
    },
    { label: 'reduce H', result: hResult },
  ];
  const citations = [CITE_REDUCE_HW];
  if (keepWFp32) citations.push(CITE_HW_FP32_PARTIAL);
  if (sfpuTwoStep) citations.push(CITE_F32_SFPU);
  const stepped = largestStep(op, ctx, steps, { citations });
  if (stepped.kind !== 'estimate') return stepped;
  const res = sfpuTwoStep
    ? {
        ...stepped,
        factoryReason: `a one-tile Float32 ${op.name.slice('ttnn.'.length)} on the SFPU reduce runs W then H (no SFPU REDUCE_SCALAR, change point ${F32_SFPU_CHANGE_POINT[op.name as keyof typeof F32_SFPU_CHANGE_POINT]}): ${stepped.factoryReason}`,
      }
    : stepped;
  const wL1 =
    wSpec.layout.kind === 'layout' && wSpec.layout.bufferType === 'l1'
      ? (l1Footprint(wDims, wSpec.layout, ctx.device)?.bytesPerCore ?? 0)
      : 0;
  if (wL1 === 0) return res;
  return {
    ...res,
    l1IntermediateBytesPerCore: wL1,
    l1Intermediates: [
      { role: 'W-reduced partial (input of the H reduce)', bytesPerCore: wL1, liveDuringProgram: true },
    ],
  };
}

const CITE_FP32_CHAIN =
  'tt-metal PR #43367; ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp (search index id 58269801046: chain_active = Sum, BFLOAT16, 1 < dims < rank; fast_nc_final_dtype FLOAT32 when H/W dims follow, inner fast_nc stages FLOAT32; the last stage packs BFLOAT16); fast_reduce_nc_program_factory.cpp (index id 58522491129: c_0 in the input format, c_16 in the output format)';

const CITE_HW_FP32_PARTIAL =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp (search index id 52685111089, PR #43367: keep_w_fp32 for a FLOAT32 input packed to BFLOAT16; index ids 54551941191, 57968691308, PR #48578: also a BFLOAT16 SUM with fp32_dest_acc_en, on by default)';

const CITE_REDUCE_ND =
  "tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp (search index ids 6576833862 and 58269801046: reduce_nd_loop from the last reduced dim to the first, a dim below H transposed to H with transpose(i, -2), the H reduce, transposed back, every intermediate in the op's memory config)";
const CITE_TRANSPOSE_ND =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@00b0fa3 (4-D view: dims (1, 2) = HC transpose, (0, 2) = permute {2, 1, 0, 3}; rank > 4: permute)';
const CITE_FAST_NC =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/reduction/fast_reduce_nc/device/fast_reduce_nc_program_factory.cpp@03725f2 (c_0 2·granularity, c_1 1 bf16, c_24 1 tile, Float32 with fp32 accumulation, c_16 2 tiles; granularity = the largest divisor ≤ 8 of the reduced dim; split over output tiles); fast_reduce_nc.cpp@0679f7c (one program per dim, the last first)';

const CITE_FAST_NC_METAL2 =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/reduction/fast_reduce_nc/device/fast_reduce_nc_program_factory.cpp (search index id 58522491129, the Metal 2.0 port of PR #51086: c_0 2·granularity, c_1 1 bf16, c_16 2 tiles; c_24 dropped)';

/** One program of a multi-program reduction, with the L1 tensors of the composite it reads and writes. */
/**
 * A reduction over dims outside the last two (or over several dims that are not exactly H and W): what
 * ttnn's reduce invoke runs in turn [CITE_REDUCE_ND]. From change point `reduce-sum-front-dims-fast-nc` a bf16/bfp8
 * `sum` reduces those dims with fast_reduce_nc, one program per dim from the last, and then the W, H or HW reduce over
 * the dims left; every other case walks the reduced dims from the last: W → the W reduce, H → the H reduce, a lower
 * dim d → transpose(d, −2) (an HC transpose or a permute, CITE_TRANSPOSE_ND), the H reduce, the same transpose back.
 * Each step's result keeps the reduced dims as 1 and takes the op's memory config, so with an L1 result the
 * intermediates are L1 tensors; the ones the largest program reads or writes are listed as live during it.
 * Worked example (reduction.test.ts): max over dim 1 of 1x8x64x64 bf16 = HC transpose to 1x64x8x64 (c_0 2 tiles, the
 * one-face pad CB as C = 8 % 32 ≠ 0: 4,096 + 512 B), the H reduce of its 1·64·2 = 128 columns (10,240 B), the HC
 * transpose back (4,096 + 512 B) → 10,240 B.
 */
function reduceFrontDims(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
  dims: readonly number[],
  approxReason: string,
): OpEstimateResult {
  const specs = inputAndResultSpecs(op);
  if (!('inSpec' in specs)) return specs;
  const { inSpec, outSpec } = specs;
  const rank = input.logical.length;
  const outDtype = output.dtype;
  const front = dims.filter((d) => d < rank - 2);
  const hw = dims.filter((d) => d >= rank - 2);
  const fastNc =
    op.name === 'ttnn.sum' &&
    (input.dtype === 'bf16' || input.dtype === 'bfp_bf8') &&
    front.length > 0 &&
    atOrAfter(ctx, 'reduce-sum-front-dims-fast-nc');
  // The bf16 sum's precision chain [CITE_FP32_CHAIN]: over more than one dim but not every dim, the stages between
  // programs are Float32 from change point reduce-sum-fp32-chain; only the last stage packs the result's dtype.
  const chain =
    fastNc &&
    input.dtype === 'bf16' &&
    dims.length > 1 &&
    dims.length < rank &&
    atOrAfter(ctx, 'reduce-sum-fp32-chain');
  const stages: Step[] = [];
  let cur: TensorSpec = inSpec;
  let curDims = [...input.logical];
  const typecasts = new Set<TransposeStages['typecast']>();
  let meanMul = false;
  // A spec of the op's placement (output memory config and dtype, tiled) with other dims.
  const interm = (d: readonly number[], dtype: DataType = outDtype): TensorSpec =>
    specWith(outSpec, { dims: d, pageLayout: 'tile', dtype });
  const props = { ...op.properties };
  const reduceStage = (label: string, which: 'W' | 'H', from: TensorSpec, fromDims: number[]): TensorSpec | string => {
    const d = which === 'W' ? rank - 1 : rank - 2;
    const toDims = [...fromDims];
    toDims[d] = 1;
    const to = interm(toDims);
    // reduce_impl of the one dim: the op's own W/H reduce (min included: its negation per build).
    const result = estimateReduction(
      stepOp(op, op.name, [from], [to], { ...props, dim_arg: { kind: 'ints', values: [d] } }),
      ctx,
    );
    stages.push({ label, result });
    return to;
  };
  if (fastNc) {
    const lastFront = front[0];
    for (const d of [...front].reverse()) {
      const toDims = [...curDims];
      toDims[d] = 1;
      // In the chain every fast_reduce_nc result is Float32 but the last one when no H/W stage follows.
      const to = interm(toDims, chain && (d !== lastFront || hw.length > 0) ? 'f32' : outDtype);
      const result = fastReduceNc(stepOp(op, 'ttnn.sum', [cur], [to], props), ctx, d);
      stages.push({ label: `fast_reduce_nc dim ${d}`, result });
      cur = to;
      curDims = toDims;
    }
    if (hw.length === 2) {
      const resolved = resolveTensor(cur, 'fast_reduce_nc result');
      if (typeof resolved === 'string') return unmodeled(op.name, resolved);
      const toDims = [...curDims];
      toDims[rank - 1] = 1;
      toDims[rank - 2] = 1;
      const to = interm(toDims);
      const hwResult = resolveTensor(to, 'HW result');
      if (typeof hwResult === 'string') return unmodeled(op.name, hwResult);
      const result = reduceHw(
        stepOp(op, op.name, [cur], [to], props),
        ctx,
        resolved,
        hwResult,
        approxReason,
        undefined,
        chain,
      );
      stages.push({ label: 'reduce HW', result });
    } else if (hw.length === 1) {
      const next = reduceStage(
        hw[0] === rank - 1 ? 'reduce W' : 'reduce H',
        hw[0] === rank - 1 ? 'W' : 'H',
        cur,
        curDims,
      );
      if (typeof next === 'string') return unmodeled(op.name, next);
    }
  } else {
    for (const d of [...dims].reverse()) {
      if (d >= rank - 2) {
        const next = reduceStage(d === rank - 1 ? 'reduce W' : 'reduce H', d === rank - 1 ? 'W' : 'H', cur, curDims);
        if (typeof next === 'string') return unmodeled(op.name, next);
        cur = next;
        curDims[d] = 1;
        continue;
      }
      const swapped = [...curDims];
      [swapped[d], swapped[rank - 2]] = [swapped[rank - 2]!, swapped[d]!];
      const toH = transposeStages(op, ctx, `dim ${d} to H`, cur, swapped, d, outSpec);
      stages.push(...toH.stages);
      typecasts.add(toH.typecast);
      const reduced = reduceStage(`reduce H (dim ${d})`, 'H', toH.out, swapped);
      if (typeof reduced === 'string') return unmodeled(op.name, reduced);
      const back = [...curDims];
      back[d] = 1;
      const toBack = transposeStages(op, ctx, `dim ${d} back`, reduced, back, d, outSpec);
      stages.push(...toBack.stages);
      typecasts.add(toBack.typecast);
      cur = toBack.out;
      curDims = back;
    }
    // Builds before change point reduce-mean-multi-dim-scaler: a mean over several dims sums them and then scales the
    // keepdim result by ttnn::mul_sfpu (a unary program in the op's memory config) [CITE_MEAN_MUL_SFPU].
    if (op.name === 'ttnn.mean' && dims.length > 1 && !atOrAfter(ctx, 'reduce-mean-multi-dim-scaler')) {
      const scaled = interm(curDims);
      stages.push({
        label: 'scale by 1/volume (mul_sfpu)',
        result: estimateUnary(stepOp(op, 'ttnn.mul_sfpu', [cur], [scaled]), ctx),
      });
      meanMul = true;
    }
  }
  const path = fastNc
    ? `sum of a bf16/bfp8 tensor over dims outside the last two: fast_reduce_nc per dim, then the reduce of the last two (change point reduce-sum-front-dims-fast-nc)${chain ? '; Float32 between the stages (change point reduce-sum-fp32-chain)' : ''}`
    : `dims ${dims.join(', ')}: each dim below H transposed to H, H-reduced and transposed back${meanMul ? ', then the mean scaled by ttnn::mul_sfpu (builds before change point reduce-mean-multi-dim-scaler)' : ''}`;
  const res = largestStep(op, ctx, stages, {
    confidence: 'approx',
    approxReason: `${path}; the transpose/permute factories are sized approximately`,
    citations: [
      CITE_REDUCE_ND,
      ...(fastNc ? [CITE_FAST_NC] : [CITE_TRANSPOSE_ND]),
      ...(chain ? [CITE_FP32_CHAIN] : []),
      ...(typecasts.has('sized') ? [CITE_TRANSPOSE_TYPECAST] : []),
      ...(meanMul ? [CITE_MEAN_MUL_SFPU] : []),
    ],
  });
  if (res.kind !== 'estimate') return res;
  return res;
}

const CITE_MEAN_MUL_SFPU =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp (search index ids 6576833862, 4355189454: reduce_nd_loop(use_reduce_type = false), then ttnn::mul_sfpu(inv_volume, output_tensor, memory_config)); removed by PR #28869';
const CITE_TRANSPOSE_TYPECAST =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@00b0fa3 (transpose_impl: a BFLOAT8_B input to any transpose but CN and WH is typecast to BFLOAT16 first and the result back to BFLOAT8_B; rank > 4 goes to permute before it) and its 2024-25 versions (search index ids 4817610124, 3300451315, 266949320: the same, sharded inputs excepted; from PR #42155, index ids 53838080203, 54569650189, sharded inputs too)';

/** The programs of one transpose(d, −2) of a reduction and the tensor it leaves. */
interface TransposeStages {
  readonly stages: Step[];
  readonly out: TensorSpec;
  /** Whether bfp8 typecasts go around the transpose. */
  readonly typecast: 'none' | 'sized';
}

/**
 * transpose(d, −2) of `from` into `toDims` in the op's memory config [CITE_TRANSPOSE_ND], the transposed tensor keeping
 * `from`'s dtype. A bfp8 tensor of rank ≤ 4 is typecast to bf16 first (in its own memory config) and the transposed
 * result back to bfp8, since the HC and NH transposes take no BFLOAT8_B [CITE_TRANSPOSE_TYPECAST]: three programs. A
 * sharded bfp8 tensor skipped the typecasts (the sharded transpose took BFLOAT8_B) before change point
 * reduce-transpose-bfp8-sharded-typecast (tt-metal PR #42155's universal-input transpose_impl); from it, it is typecast
 * like an interleaved one, the typecasts keeping its memory config.
 */
function transposeStages(
  op: TtnnOp,
  ctx: EstimateContext,
  label: string,
  from: TensorSpec,
  toDims: readonly number[],
  d: number,
  outSpec: TensorSpec,
): TransposeStages {
  const rank = toDims.length;
  const fromLayout = from.layout.kind === 'layout' ? from.layout : undefined;
  const fromDtype = fromLayout?.dtype;
  const to = specWith(outSpec, { dims: toDims, pageLayout: 'tile', dtype: fromDtype });
  const bfp8 = rank <= 4 && fromDtype === 'bfp_bf8';
  const shardedBfp8Direct =
    bfp8 &&
    fromLayout !== undefined &&
    isSharded(fromLayout) &&
    !atOrAfter(ctx, 'reduce-transpose-bfp8-sharded-typecast');
  if (!bfp8 || shardedBfp8Direct)
    return {
      stages: [{ label: `transpose ${label}`, result: transposeToH(op, ctx, from, to, d, rank) }],
      out: to,
      typecast: 'none',
    };
  const fromBf16 = specWith(from, { dtype: 'bf16' });
  const toBf16 = specWith(to, { dtype: 'bf16' });
  const cast = (a: TensorSpec, b: TensorSpec): OpEstimateResult =>
    estimateTypecast(stepOp(op, 'ttnn.typecast', [a], [b]), ctx);
  return {
    stages: [
      { label: `typecast to bf16 (${label})`, result: cast(from, fromBf16) },
      { label: `transpose ${label}`, result: transposeToH(op, ctx, fromBf16, toBf16, d, rank) },
      { label: `typecast to bfp8 (${label})`, result: cast(toBf16, to) },
    ],
    out: to,
    typecast: 'sized',
  };
}

/**
 * transpose(d, −2) as ttnn runs it on a tiled tensor [CITE_TRANSPOSE_ND]: in the 4-D view, d one below H is the HC
 * transpose; any other d (N of a 4-D view, or rank > 4) is a permute swapping d and H.
 */
function transposeToH(
  op: TtnnOp,
  ctx: EstimateContext,
  from: TensorSpec,
  to: TensorSpec,
  d: number,
  rank: number,
): OpEstimateResult {
  if (d === rank - 3 && rank <= 4)
    return estimateTranspose(
      stepOp(op, 'ttnn.transpose', [from], [to], {
        dim0: { kind: 'int', value: d, text: String(d) },
        dim1: { kind: 'int', value: rank - 2, text: String(rank - 2) },
      }),
      ctx,
    );
  const permutation = Array.from({ length: rank }, (_, i) => (i === d ? rank - 2 : i === rank - 2 ? d : i));
  return estimatePermute(
    stepOp(op, 'ttnn.permute', [from], [to], { permutation: { kind: 'ints', values: permutation } }),
    ctx,
  );
}

/**
 * fast_reduce_nc over one dim below H [CITE_FAST_NC]: c_0 = 2·granularity tiles (granularity: the largest divisor ≤ 8
 * of the reduced dim), c_1 = 1 bf16 tile, c_24 = 1 accumulator tile (Float32, twice the output tile, with fp32
 * accumulation: the compute config's, else on, as non_height_width_reduce defaults it), c_16 = 2 output tiles, on
 * split_work_to_cores(grid, output tiles). From change point reduce-fast-nc-no-accumulator-cb (the Metal 2.0 port,
 * [CITE_FAST_NC_METAL2]) c_24, which no kernel used, is gone.
 */
function fastReduceNc(op: TtnnOp, ctx: EstimateContext, dim: number): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const extent = input.padded[dim] ?? 1;
  let granularity = 8;
  while (granularity > 1 && extent % granularity !== 0) granularity--;
  const outTiles = Math.max(1, output.geometry.nPages);
  const split = splitWorkToCores(gridArea(ctx), outTiles);
  const t = tileBytes(output.dtype);
  const fp32 = fp32DestAccFromConfig(op) ?? true;
  const ported = atOrAfter(ctx, 'reduce-fast-nc-no-accumulator-cb');
  // @03725f2 sizes c_0 in the output's format (one cb_data_format); from PR #43367, whose Float32 chain makes input and
  // output formats differ, c_0 takes the input's (index id 58522491129). They differ only inside that chain.
  const inTile = input.dtype !== output.dtype && atOrAfter(ctx, 'reduce-sum-fp32-chain') ? tileBytes(input.dtype) : t;
  const cbs: CbSpec[] = [
    { index: 0, role: 'input', nPages: 2 * granularity, pageBytes: inTile },
    { index: 1, role: 'zero (bf16)', nPages: 1, pageBytes: tileBytes('bf16') },
    { index: 16, role: 'output', nPages: 2, pageBytes: t },
  ];
  if (!ported) cbs.push({ index: 24, role: 'accumulator', nPages: 1, pageBytes: fp32 ? 2 * t : t });
  return finishProgram({
    op,
    ctx,
    factory: 'FastReduceNCProgramFactory',
    factoryReason: `dim ${dim} (${extent} long, granularity ${granularity}); ${outTiles} output tiles over ${split.nCores} cores; fp32 accumulation ${fp32 ? 'on' : 'off'}`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs,
    confidence: 'approx',
    approxReason: ported
      ? 'fast_reduce_nc read at its Metal 2.0 port (search index id 58522491129), whose merge day is approximate'
      : output.dtype === 'f32' && input.dtype !== 'f32'
        ? "fast_reduce_nc read at 03725f2; a Float32 result's c_24 is taken as 03725f2 sizes it (two output tiles with fp32 accumulation): the factory of the precision chain (PR #43367) was not read"
        : 'fast_reduce_nc read at 03725f2',
    citations: [ported ? CITE_FAST_NC_METAL2 : CITE_FAST_NC, CITE.workSplit],
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
  if (dims === undefined || dims.length === 0) return prodAll(op, ctx, input.dtype);
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
 * the figure is the largest of tilize, reduce and untilize (composite.ts). The input is tilized into its own memory
 * config (reduce_op.cpp: tilize_with_val_padding with input.memory_config(), [CITE_RM_TILIZE]; ttnn.min into the
 * output's, [CITE_RM_MIN_TILIZE]): in L1 interleaved, that padded copy is an L1 tensor while the reduce runs, freed
 * when reduce() returns. A tall-thin row-major tensor grows by its padding: tt-metal #32546's (1000, 256, 1, 2) bf16
 * input is 1,024,000 B of data but 1000·256 tiles of 2,048 B = 524,288,000 B tiled ("500 MB", 512x), 8,192,000 B on
 * each of 64 banks.
 */
function rowMajorReduction(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const specs = inputAndResultSpecs(op);
  if (!('inSpec' in specs)) return specs;
  const { inSpec, outSpec } = specs;
  // Eligibility first: the build's change points are asked only for an op they can change.
  const dense = denseRowMajorReduceInputs(op, inSpec, outSpec);
  if (dense !== null && denseRowMajorPathOn(ctx)) return denseRowMajorReduce(op, ctx, dense);
  const steps: Step[] = [];
  // reduce_min tilizes into output_mem_config (its own tilize_with_val_padding, +inf padding) [CITE_RM_MIN_TILIZE];
  // every other reduce into the input's memory config [CITE_RM_TILIZE], so does an f32 min on the SFPU (it skips
  // reduce_min, change point reduce-min-f32-sfpu).
  const viaReduceMin =
    op.name === 'ttnn.min' && !minOnSfpu(op, ctx, inSpec.layout.kind === 'layout' ? inSpec.layout.dtype : undefined);
  const minIntoOutput = viaReduceMin ? outputConfigChanges(outSpec) : undefined;
  const t = toLayoutStep(op, ctx, 'tilize input', inSpec, 'tile', minIntoOutput ?? {});
  // The tilized copy lives until reduce() returns, through the untilize ttnn runs after it (its local's scope).
  steps.push({ ...t.step, resultHeldToLast: true });
  const rmOut = outSpec.layout.kind === 'layout' && outSpec.layout.pageLayout === 'row_major';
  const tiledOut = rmOut ? specWith(outSpec, { pageLayout: 'tile' }) : outSpec;
  steps.push({
    label: 'reduce',
    result: estimateReduction(stepOp(op, op.name, [t.to], [tiledOut], { ...op.properties }), ctx),
    // Where the tiled result sits before the untilize is not read (reduce_op.cpp returns it; the conversion back is
    // ours): not counted as an L1 tensor, as tt-metal #32546's (100, 256, 1, 2) pass on 64 banks requires.
    ...(rmOut && { resultBytesPerCore: 0 }),
  });
  if (rmOut) steps.push(toLayoutStep(op, ctx, 'untilize result', tiledOut, 'row_major').step);
  const res = largestStep(op, ctx, steps, {
    confidence: 'approx',
    approxReason: 'row-major input: tilize → reduce → untilize program sequence',
    citations: [
      minIntoOutput === undefined ? CITE_RM_TILIZE : CITE_RM_MIN_TILIZE,
      ...(dense !== null && atOrAfter(ctx, 'reduce-row-major-dense-path') ? [CITE_RM_GATE] : []),
    ],
  });
  return res;
}

/**
 * Whether reduce_op.cpp takes its dense row-major path at this build [CITE_RM_DENSE]: from change point
 * reduce-row-major-dense-path, except between reduce-row-major-dense-gated-off (PR #46122's use_row_major_support,
 * false by default) and reduce-row-major-h-split, which removed the gate [CITE_RM_GATE].
 */
function denseRowMajorPathOn(ctx: EstimateContext): boolean {
  if (!atOrAfter(ctx, 'reduce-row-major-dense-path')) return false;
  return !atOrAfter(ctx, 'reduce-row-major-dense-gated-off') || atOrAfter(ctx, 'reduce-row-major-h-split');
}

const CITE_RM_GATE =
  'tt-metal PR #46122 (issue #46110, 2026-06-04); reduce_op.cpp (search index id 54551941191: rm_base_eligible requires use_row_major_support, false by default; index id 57968691308, after PR #50393: no gate)';

/** The tilized copy placed in the result's buffer, interleaved (a sharded result's shard spec describes another shape). */
function outputConfigChanges(
  outSpec: TensorSpec,
): { bufferType: TensorLayout['bufferType']; memoryLayout: 'interleaved' } | undefined {
  if (outSpec.layout.kind !== 'layout' || outSpec.layout.bufferType === 'system_memory') return undefined;
  return { bufferType: outSpec.layout.bufferType, memoryLayout: 'interleaved' };
}

const CITE_RM_MIN_TILIZE =
  "tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp, reduce_min (search index ids 51830110482, 52685111089, 54551941191, 57968691308: a row-major device input is tilize_with_val_padding'd with +inf padding into output_mem_config before the max reduce)";

/** What the dense row-major reduce program needs, resolved once by the eligibility check. */
interface DenseRowMajorInputs {
  readonly input: ResolvedTensor;
  readonly output: ResolvedTensor;
  readonly overW: boolean;
}

/**
 * The dense row-major reduce's inputs when reduce_op.cpp takes that path [CITE_RM_DENSE], else null: a row-major
 * BFLOAT16/FLOAT32 input of rank 4, input and output interleaved, SUM or AVG (sum, mean), over W or H alone; HW, other
 * dims, max and min tilize.
 */
function denseRowMajorReduceInputs(op: TtnnOp, inSpec: TensorSpec, outSpec: TensorSpec): DenseRowMajorInputs | null {
  if (op.name !== 'ttnn.sum' && op.name !== 'ttnn.mean') return null;
  if (inSpec.layout.kind !== 'layout' || outSpec.layout.kind !== 'layout' || inSpec.shape.kind !== 'known') return null;
  const { dtype } = inSpec.layout;
  if (dtype !== 'bf16' && dtype !== 'f32') return null;
  if (isSharded(inSpec.layout) || isSharded(outSpec.layout)) return null;
  const rank = inSpec.shape.dims.length;
  if (rank !== 4) return null;
  const dimKind = reduceDimOf(reduceDimsOf(op, rank), rank);
  if (dimKind !== 'W' && dimKind !== 'H') return null;
  const input = resolveTensor(inSpec, 'input');
  const output = resolveTensor(outSpec, 'result');
  if (typeof input === 'string' || typeof output === 'string') return null;
  return { input, output, overW: dimKind === 'W' };
}

/**
 * PR #44249's dense row-major W / H reduce as main runs it: the RM branch of ReduceMultiCoreWProgramFactory /
 * ReduceMultiCoreHProgramFactory [18][19]. The reader stages row-major rows of the input in c_24 (one chunk-wide row per
 * page, 2·32 pages), the compute kernel tilizes them into c_0, reduces (c_5 carries partials across chunks) and the
 * writer untilizes c_3 into the row-major result; no tilized copy of the input is made.
 *   W: NC·H rows split over the grid (row-wise); wt chunk min(8, Wt), ht chunk 1: c_24 64 pages of wt chunk·32
 *      datums, c_4 1 input tile (padding identity), c_5 1 output tile, c_0 max(2, wt chunk) input tiles, c_2 1 scaler
 *      tile (Float32 for f32, else bf16), c_3 2 output tiles.
 *   H: denseHProgram (wt chunk 1), split in two programs from change point reduce-row-major-h-split.
 */
function denseRowMajorReduce(op: TtnnOp, ctx: EstimateContext, dense: DenseRowMajorInputs): OpEstimateResult {
  const { input, output, overW } = dense;
  if (!overW) {
    if (atOrAfter(ctx, 'reduce-row-major-h-split')) return denseHWithSplit(op, ctx, input, output);
    return denseHProgram(op, ctx, input, output.dtype, 1, '');
  }
  const [n, c, h] = input.logical as [number, number, number, number];
  const datumBytes = elementBytes(input.dtype) ?? 2; // bf16 / f32 only (denseRowMajorReduceInputs)
  const widthTiles = Math.max(1, Math.ceil((input.padded[3] ?? 1) / 32));
  const wtChunk = Math.min(8, widthTiles);
  const inTile = tileBytes(input.dtype);
  const outTile = tileBytes(output.dtype);
  const scalerDtype: DataType = input.dtype === 'f32' ? 'f32' : 'bf16';
  const rows = n * c * h;
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, rows));
  return finishProgram({
    op,
    ctx,
    factory: 'ReduceMultiCoreWProgramFactory',
    factoryReason: `dense row-major W reduce (RM branch): ${rows} rows over ${split.nCores} cores (${split.maxUnitsPerCore} per core), chunks of ${wtChunk}x1 tiles (change point reduce-row-major-dense-path)`,
    // The RM branch splits its rows row-wise (split_work_to_cores(grid, rows, row_wise = true)).
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 24, role: 'row-major rows (2·32 chunk-wide pages)', nPages: 64, pageBytes: wtChunk * 32 * datumBytes },
      { index: 4, role: 'padding identity', nPages: 1, pageBytes: inTile },
      { index: 5, role: 'accumulator', nPages: 1, pageBytes: outTile },
      { index: 0, role: 'tilized input', nPages: Math.max(2, wtChunk), pageBytes: inTile },
      { index: 2, role: `scaler (${scalerDtype})`, nPages: 1, pageBytes: tileBytes(scalerDtype) },
      { index: 3, role: 'reduced output (to untilize)', nPages: 2, pageBytes: outTile },
    ],
    confidence: 'exact',
    citations: [CITE_RM_DENSE_W, CITE_RM_DENSE, CITE.workSplit],
  });
}

/**
 * From change point reduce-row-major-h-split, the dense row-major H reduce [CITE_RM_H_SPLIT]: one program, or for a
 * tall input that leaves part of the grid idle two — stage 1 an H sum of each of S slices into Float32 (N, C, S, W)
 * row-major partials placed in the result's memory config, stage 2 the dense H reduce of those partials (S rows) with
 * the op's scaler and dtype. Each is the RM branch of ReduceMultiCoreHProgramFactory (denseHProgram).
 * Worked example (reduction.test.ts): tt-xla #1433's pool_sum, 1x1x50176x48 bf16: S = 32; stage 1 over 64 columns
 * 36,864 B, stage 2 over 2 columns 30,720 B → 36,864 B.
 */
function denseHWithSplit(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const split = hSplitOf(input, ctx);
  if (split.slices < 2) return denseHProgram(op, ctx, input, output.dtype, 1, '');
  const specs = inputAndResultSpecs(op);
  if (!('inSpec' in specs)) return specs;
  const { inSpec, outSpec } = specs;
  return twoStageHSplit(op, ctx, inSpec, outSpec, output, split, {
    label: 'H sum of the slices into Float32 partials (dense row-major)',
    run: (stageOp, partials) => denseHProgram(stageOp, ctx, input, partials.dtype, split.slices, ''),
    approxReason: '',
  });
}

/** The two programs of an H split and the partials between them (change points reduce-row-major-h-split and
 * reduce-h-split-tile-sum-mean): stage 1 given, stage 2 the dense row-major H collapse of the partials. */
function twoStageHSplit(
  op: TtnnOp,
  ctx: EstimateContext,
  inSpec: TensorSpec,
  outSpec: TensorSpec,
  output: ResolvedTensor,
  split: HSplit,
  stage1: {
    readonly label: string;
    readonly run: (stageOp: TtnnOp, partials: ResolvedTensor) => OpEstimateResult;
    readonly approxReason: string;
  },
): OpEstimateResult {
  const [n, c, , w] = output.logical as [number, number, number, number];
  const partialsSpec = specWith(outSpec, { dims: [n, c, split.slices, w], pageLayout: 'row_major', dtype: 'f32' });
  const partials = resolveTensor(partialsSpec, 'H-slice partials');
  if (typeof partials === 'string') return unmodeled(op.name, partials);
  const props = { ...op.properties };
  const stages: Step[] = [
    {
      label: stage1.label,
      result: stage1.run(stepOp(op, 'ttnn.sum', [inSpec], [partialsSpec], props), partials),
    },
    {
      label: 'H reduce of the slice partials (dense row-major)',
      result: denseHProgram(stepOp(op, op.name, [partialsSpec], [outSpec], props), ctx, partials, output.dtype, 1, ''),
    },
  ];
  const res = largestStep(op, ctx, stages, { approxReason: stage1.approxReason, citations: [CITE_RM_H_SPLIT] });
  if (res.kind !== 'estimate') return res;
  const noted = {
    ...res,
    factoryReason: `H split into ${split.slices} slices (NC·Wt = ${split.tileColumns} tile columns under the ${gridArea(ctx)}-core grid): ${res.factoryReason}`,
  };
  return noted;
}

/**
 * ReduceMultiCoreHProgramFactory's RM branch [CITE_RM_DENSE_H_MERGED]: one tile column per chunk (wt chunk 1), ht chunk
 * min(8, ceil(H/32)); c_24 2·32 one-row pages of 32 datums, c_4 1 input tile, c_5 1 output tile, c_0 max(2, ht chunk)
 * input tiles, c_2 1 scaler tile (Float32 for f32), c_3 2 output tiles; NC·slices·Wt tile columns split over the grid.
 * use_sfpu_reduce changes no CB (only c_0's unpack mode). 'exact': main merged PR #44249 with these CBs (82f9895) and
 * both stored versions with the split agree.
 */
function denseHProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  outDtype: DataType,
  slices: number,
  extraReason: string,
): OpEstimate {
  const [n, c, h] = input.logical as [number, number, number, number];
  const datumBytes = elementBytes(input.dtype) ?? 2; // bf16 / f32 only (denseRowMajorReduceInputs, f32 partials)
  const widthTiles = Math.max(1, Math.ceil((input.padded[3] ?? 1) / 32));
  const htChunk = Math.min(8, Math.max(1, Math.ceil(h / 32)));
  const columns = n * c * slices * widthTiles;
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, columns));
  const inTile = tileBytes(input.dtype);
  const outTile = tileBytes(outDtype);
  const scalerDtype: DataType = input.dtype === 'f32' ? 'f32' : 'bf16';
  return finishProgram({
    op,
    ctx,
    factory: 'ReduceMultiCoreHProgramFactory',
    factoryReason: `dense row-major H reduce (RM branch): ${columns} tile columns${slices > 1 ? ` (NC·${slices} slices·Wt)` : ''} over ${split.nCores} cores, chunks of 1x${htChunk} tiles (change point ${slices > 1 ? 'reduce-row-major-h-split' : 'reduce-row-major-dense-path'})`,
    // The RM branch walks its cores row-wise (corerange_to_cores(all_cores, nullopt, row_wise = true)).
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 24, role: 'row-major rows (2·32 one-row pages)', nPages: 64, pageBytes: 32 * datumBytes },
      { index: 4, role: 'padding identity', nPages: 1, pageBytes: inTile },
      { index: 5, role: 'accumulator', nPages: 1, pageBytes: outTile },
      { index: 0, role: 'tilized input', nPages: Math.max(2, htChunk), pageBytes: inTile },
      { index: 2, role: `scaler (${scalerDtype})`, nPages: 1, pageBytes: tileBytes(scalerDtype) },
      { index: 3, role: 'reduced output', nPages: 2, pageBytes: outTile },
    ],
    confidence: extraReason === '' ? 'exact' : 'approx',
    approxReason: extraReason,
    citations: [CITE_RM_DENSE_H_MERGED, CITE_RM_DENSE, CITE.workSplit],
  });
}

const CITE_RM_DENSE_H_MERGED =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_h_program_factory.cpp@82f9895 (PR #44249 as merged) and search index ids 54542839682 and 57977134085 (the Metal 2.0 form with the split: rm_path c_24 2·rm_rows_per_tile pages of rm_staging_page_size, c_4 1 input tile, c_5 wt chunk output tiles, c_0 max(2, wt·ht chunk), c_2 1 scaler tile, c_3 max(2, wt chunk); NC·num_h_slices·Wt columns); common.hpp (index id 54604607456: RmPlan, H-reduce wt chunk 1, ht chunk min(8, Ht_rm), one CB page = one chunk-wide row); common.cpp@82f9895 and index id 54519195125 (make_rm_plan)';

/** A rank-4 H reduce's NC·Wt tile columns and the H slices reduce_op.cpp's split takes (1: no split). */
interface HSplit {
  readonly tileColumns: number;
  readonly slices: number;
}

/**
 * [CITE_RM_H_SPLIT]: when the NC·Wt tile columns leave part of the grid idle and the input is at least 16 tile rows
 * tall, S = min(grid cores / (NC·Wt), Ht) slices, else 1.
 */
function hSplitOf(input: ResolvedTensor, ctx: EstimateContext): HSplit {
  const [n, c, h] = input.logical as [number, number, number, number];
  const tileColumns = n * c * Math.max(1, Math.ceil((input.padded[3] ?? 1) / 32));
  const heightTiles = Math.ceil(h / 32);
  const gridCores = gridArea(ctx);
  if (tileColumns === 0 || tileColumns >= gridCores || heightTiles < 16) return { tileColumns, slices: 1 };
  return { tileColumns, slices: Math.min(Math.floor(gridCores / tileColumns), heightTiles) };
}

const CITE_RM_H_SPLIT =
  'tt-metal PR #50393; reduce_op.cpp (search index ids 54551941191, 57968691308: when NC·Wt < grid cores and ceil(H/32) ≥ 16, S = min(grid cores / (NC·Wt), Ht) slices, stage 1 an H SUM into Float32 ROW_MAJOR (N, C, S, W) partials in output_mem_config (row_major_h_dense_path, num_h_slices = S), stage 2 the dense H reduce over S with num_h_slices 1; index id 52685111089, the version before PR #48578, has no split)';

const CITE_RM_DENSE_W =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp@82f9895 (PR #44249 as merged; rm_path: c_24 2·rm_rows_per_tile pages of rm_staging_page_size, c_4 1 input tile, c_5 ht chunk output tiles, c_0 max(2, wt chunk), c_2 1 scaler tile, c_3 2; NC·H rows split row-wise) and common.cpp@82f9895 (make_rm_plan: W wt chunk clamp(Wt, 1, 8), ht chunk 1; one page = one chunk-wide row); the same CBs in index id 58135263952 (after PR #51158)';

const CITE_RM_DENSE =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp (search index id 57968691308: rm_base_eligible = ROW_MAJOR, rank 4, input and output INTERLEAVED, BFLOAT16/FLOAT32, AVG or SUM; use_rm_dense for W or H); PR #44249';

const CITE_RM_TILIZE =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp (search index ids 96151051 (2025) and 51830110482 (2026): tilize_with_val_padding(input, padded_shape, pad_value, input.memory_config()) before the reduce); tt-metal #32546 (2025-11-17: ttnn.mean of a row-major (1000, 256, 1, 2) L1 tensor requests 500 MB of L1)';

const CITE_PROD_ALL =
  'tt-metal ttnn/cpp/ttnn/operations/reduction/prod/device/prod_all_program_factory.cpp at every commit fa45b9b … 577298d (c_0, c_2 (c_24 before 9a76dd3) and c_3 (c_16 before) of 2 tiles of the input format on core (0,0))';

/**
 * ttnn::prod over every dim (or of a rank-1 input) runs prod_all on core (0,0): three CBs of two tiles each, all in the
 * input's format, c_0 input, c_2 intermediate, c_3 output (read span prod-all-factory). From tt-metal PR #42464 (change
 * point prod-fill-implicit-padding) a TILE input with tile padding first runs fill_implicit_tile_padding: a fill_pad
 * program of at most 6 tiles of the same format, never above prod_all's, except for a block-float input, which it
 * typecasts to bf16 first (its tiles then outweigh prod_all's): approx there.
 */
function prodAll(op: TtnnOp, ctx: EstimateContext, inDtype: DataType): OpEstimateResult {
  const t = tileBytes(inDtype);
  const input = op.operands[0];
  const dims = input?.kind === 'tensor' && input.shape.kind === 'known' ? input.shape.dims : [];
  const padded = dims.length > 0 && dims.slice(-2).some((d) => d % 32 !== 0);
  const blockFloat = inDtype === 'bfp_bf8' || inDtype === 'bfp_bf4';
  const fillPadOutweighs = padded && blockFloat && atOrAfter(ctx, 'prod-fill-implicit-padding');
  const read = windowReadableWithinReadSpan(ctx, 'prod-all-factory');
  const reasons = [
    read
      ? ''
      : 'prod_all factory read at every commit 2025-01..2026-06-23 (read span prod-all-factory); earlier builds were not',
    fillPadOutweighs
      ? 'a padded block-float input is typecast to bf16 and fill_pad-ed before prod_all (tt-metal PR #42464): those programs are not sized'
      : '',
  ].filter((r) => r !== '');
  return finishProgram({
    op,
    ctx,
    factory: 'ProdAllProgramFactory',
    factoryReason: 'product over every element on core (0,0)',
    groups: [{ name: 'core', nCores: 1, firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: t },
      { index: 2, role: 'intermediate', nPages: 2, pageBytes: t },
      { index: 3, role: 'output', nPages: 2, pageBytes: t },
    ],
    confidence: reasons.length === 0 ? 'exact' : 'approx',
    approxReason: reasons.join('; '),
    citations: [CITE_PROD_ALL, ...(read ? [readSpanCite('prod-all-factory')] : [])],
  });
}
