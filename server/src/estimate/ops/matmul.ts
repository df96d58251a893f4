/**
 * L1 estimate for `ttnn.matmul` / `ttnn.linear`: the program config from the IR (`matmul_program_config`) or, without
 * one, the config tt-metal itself generates (matmulConfig.ts), then the CBs of the factory that config selects.
 *
 * CBs per core (tiles; T(x) = tile bytes of x; w = in0_block_w; bh x bw = out block; dbl = 2 when B·Kt/w > 1, else 1):
 *   2D mcast (MatmulMultiCoreReuseMultiCastProgramConfig) [1]: c_0 in0 bh·w·dbl·T(a) (tensor-backed when a is height
 *     sharded); c_1 in1 bw·w·dbl·T(b) (tensor-backed when b is L1 sharded); a block sharded: c_2 the shard
 *     (tensor-backed) and c_6 64 B of scratch; c_5 interm bh·bw·T(interm) only when it cannot share the output
 *     (sharded output with bh ≠ per_core_M, or interm format ≠ output format; from #58046, change point
 *     'matmul-sharded-out-own-partials' [9], a sharded output with bw ≠ per_core_N too); c_4 out bh·bw·T(out)
 *     (per_core_M·per_core_N, tensor-backed, when the output is sharded); c_3 bias bw·T(bias).
 *   1D mcast (…MultiCast1DProgramConfig) [2]: the same CBs; a sharded with mcast_in0: c_2 shard + c_6; a height
 *     sharded with mcast_in1: c_0 is the shard (tensor-backed) unless the reader copies blocks out of it (shard width /
 *     in0_block_w > 1, or from PR #50975 several out-block rows and columns per core, change point
 *     'matmul-1d-height-shard-copy'): then c_0 is a real num_blocks·per_core_M·in0_block_w·B-tile CB and c_2 (out_block_h
 *     x in0_block_w tiles) sits on the shard. mcast_in1 with an unbatched interleaved a, a batched b and an interleaved
 *     output (reuse_in0_in_CB): c_0 holds a's whole row block, per_core_M·num_blocks·in0_block_w tiles, single-buffered.
 *     Both 1D factories double-buffer c_0 on in0_B·num_blocks > 1 and c_1 on in1_B·num_blocks > 1 (in0_B / in1_B = a's /
 *     b's batch count, 1 under fuse_batch; the factory's caller at 00629f0): mcast_in1 from PR #40172 (7dde75c, change
 *     point 'matmul-1d-per-operand-batch'), mcast_in0 from 'matmul-a-batch-broadcast' (main to 2026-06-23 passes it
 *     in0_B alone); before, one B, a's, for both (86aa094): an unbatched b with one K block had a double c_1.
 *   Interm format: Float16_b (packer_l1_acc_en) when the compute config asks for packer L1 accumulation and the
 *     factory turns it on: 1D mcast_in0 with more than one K block, 2D and 1D mcast_in1 with more than two (more than
 *     one with a fused bias) [1][2], reuse with more than two [3]; from the shared buffer model [9] (change point
 *     'matmul-sharded-out-own-partials') more than one in all four; Float32 under fp32 accumulation; else the output's
 *     format.
 *   reuse (MatmulMultiCoreReuseProgramConfig) [3]: c_0 min(per_core_M, Mt)·w·2 (a sharded: the shard, per_core_M·Kt,
 *     tensor-backed); c_1 per_core_N·w·2 (b sharded: its shard); c_4 per_core_M·per_core_N sharing its bytes with the
 *     c_5 partials unless their formats differ; output blocks split_work_to_cores over the grid (or the shard grid).
 *     A fused bias: rejected by the device op before PR #49825 (change point 'matmul-reuse-fused-bias'); from it c_3
 *     holds the whole per-batch block, min(per_core_M, Mt)·per_core_N tiles, when each batch matrix is one block (Nt =
 *     per_core_N, per_core_M ≥ Mt), else ttnn.add runs after the matmul.
 *   Explicit 1D configs are checked against validate_matmul_mcast1d_config [10] (shard / per_core / output-layout
 *     rules): a config it rejects is `illegal` with tt-metal's message.
 *   multi-core (MatmulMultiCoreProgramConfig) [4]: c_0, c_1, c_16 of 2 tiles each, output tiles split over the grid;
 *     it fuses no bias.
 *   non-optimized reuse (MatmulMultiCoreNonOptimizedReuseProgramConfig, auto-selected only before PR #15938) [8]: the
 *     factory ignores the config: c_0 and c_1 16·2·2 tiles, c_16 (shared with c_24) 16·16 tiles of the output, one
 *     16x16 block per core; Mt, Nt multiples of 16 and Kt of 2, else TT_FATAL.
 *   transpose_a: the mcast and reuse factories transpose in0 tiles through c_10, a copy of the in0 CB (from PR #32295,
 *     change point 'matmul-fused-transpose-a'; before it ttnn.matmul ran ttnn.transpose on a first, a separate program,
 *     and the matmul had no c_10). The PR's description says the reuse config keeps the separate transpose; the merged
 *     reuse factory [3] has the c_10 path (tt-metal #35247 is its padding bug), so it is modeled. The non-reuse and
 *     DRAM-sharded configs still run ttnn.transpose first (no c_10). An auto config on an unbatched interleaved a was
 *     read at every build to 622c6fb (read span matmul-auto-transpose-a-fused).
 *   DRAM-sharded (explicit only) [6]: one worker per DRAM bank; c_0 per_core_M·w·dbl, c_1 ceil(Nt/banks)·w·3 (triple
 *     buffered), c_2 a's shard, c_4 per_core_M·per_core_N_compute (subblock width widened up to 8), c_6 the output shard.
 * Bias and activation (bound_matmul [7]): the device op chooses the config with the bias tile counted only when it gets
 * the bias (fused); the bias is fused (c_3) only when it is one tile row high and, for an auto-generated config, the output is in DRAM and the inputs are sharded or all
 * DRAM interleaved; otherwise ttnn.add runs after the matmul [5]. Before change point 'linear-bias-fused-all-dram'
 * (PR #31649) every bias of an auto config was added after it, and before 'linear-bias-post-process-tall' (PR #32510) a
 * tall bias was fused into a given config. An activation (no user grid) runs as a unary op after it; sharded inputs
 * reject one. In both cases the matmul's own output is an L1 intermediate when the output is in L1: it is allocated,
 * written by the matmul and held while the add (or activation) allocates its result and runs (programsAfterMatmul;
 * the analysis walks them: tt-metal #16268's add runs out of L1 beside it).
 * A sharded output of an auto-generated config is re-sharded by tt-metal to per_core_M x per_core_N tiles per core.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49
 *   [2] tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp@00629f0
 *   [3] tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_optimized_program_factory.cpp@00fca59
 *   [4] tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_program_factory.cpp@0150269
 *   [5] tt-mlir test/unittests/OpModel/TTNN/Op/TestOpModelInterface.cpp@b73fc81 (LinearOpInterface, 2048x2048 bias:
 *       cb 262144 = the bias-less matmul) and TestOpModelLib.cpp@b73fc81 (Linear tuples: tensor peak = matmul output
 *       + add output); opmodel-golden-open.tsv.
 *   [6] tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_dram_sharded_program_factory.cpp@0150269
 *   [7] tt-metal ttnn/cpp/ttnn/operations/matmul/matmul.cpp (bound_matmul, get_post_process_bias; 2026 source)
 *   [8] tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op_multi_core_reuse_program_factory.cpp@080a251
 *   [9] tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_buffers.cpp@c9482b1 (the buffer sizes the
 *       factories share after PR #50975: mcast_1d_in1_buffers' copy rule for a sharded a; several_output_blocks, #58046;
 *       start()'s packer L1 accumulation; reuse_buffers' bias block) and matmul_buffers.hpp@bf7e7a9
 *   [10] tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_device_operation.cpp (validate_matmul_mcast1d_config,
 *       validate_output_subblock_block_divides_per_core_n; 2026 sources, search index ids 70214927673, 54508457935)
 *   Selection: matmulConfig.ts.
 *
 * Version: before tt-metal PR #32173 (change point 'matmul-narrow-l1-1d') only all-DRAM narrow shapes take the 1D
 *   configs in create_simple; before PR #47640 (change point 'matmul-a-batch-broadcast') an unbatched a times a batched b is
 *   rejected (from PR #40172, 'matmul-1d-per-operand-batch', not under an explicit 1D mcast-in1 config with fuse_batch
 *   and mcast_in0 false on rank-4 interleaved operands, a[1] = 1, a[0] = b[0]); from it on it takes the 1D mcast-in1
 *   config. Before PR #15938 (change point 'matmul-all-dram-2d-any-grid')
 *   create_simple is the late-2024 one (matmulConfig.ts createSimpleLegacy). Auto-config rules with change points of
 *   their own (matmulConfig.ts): the estimate's bias term ('matmul-estimate-bias-term', PR #17056), the all-DRAM
 *   out-block search order ('matmul-multi-dim-factor-area-first', PR #49621), single-core shard grids
 *   ('matmul-single-core-shard-grid', PR #52039; before it a 1D mcast-in1 config with more M blocks than a's shard
 *   cores is `illegal`).
 *   Worked example (tt-metal #16348, 2048x512 @ 512x512 f32 all DRAM on n300's 8x7 grid, 2024-12): factor 8 → 8x2
 *   blocks, 8 rows > 7 → NonOptimizedReuse: c_0 64 + c_1 64 + c_16 256 tiles x 4,096 B = 1,572,864 B on 4 cores
 *   (+ 99,104 B base = 1,671,968 B, the thread's figure).
 * Assumptions ('approx' always): selection and factories read from tt-metal 2026 sources (the goldens of f4163c2,
 *   Nov 2025, reproduce exactly); tt-metal's newer roofline selector (config/matmul_auto_config.cpp, 2026) is not
 *   modeled; fp32 / packer L1 accumulation as the IR's compute_config says, else tt-metal's default for an unset
 *   config by build (matmulComputeFlags: packer on, fp32 off; from PR #16567 fp32 for an f32 output only); the ops
 *   tt-metal runs around the matmul (bias add, activation, a manual transpose for the non-reuse factory) are separate
 *   programs and not in these CBs (on the paths of read spans matmul-auto-bias-2025-2026 / matmul-auto-transpose-b the
 *   transpose of a DRAM b and the add into a DRAM output are estimated and checked no larger: sidePrograms).
 * Worked example (2048x2048 @ 2048x2048 bf16, all DRAM, WH 8x8): 2D mcast, per_core 8x8, in0_block_w 64/8 = 8:
 *   c_0 8·8·2·2,048 = 262,144 + c_1 262,144 + c_4 64·2,048 = 131,072 → 655,360 B (tt-mlir OpModel: 655360).
 */

import { TILE_HW, tileBytes } from '../../ttnn/dtype';
import type { DataType } from '../../ttnn/dtype';
import { l1Footprint } from '../../ttnn/layout';
import type { TensorLayout } from '../../ttnn/layout';
import type { PropValue, TtnnOp, ValueSpec } from '../../ttnn/op';
import { largestStep, programOf, specWith, stepOp } from './composite';
import { estimateTranspose } from './permute';
import { estimateBinary, estimateUnary } from './eltwise';
import { boolOf, fieldValue, intOf, pairOf, type DialectProp } from '../../ttnn/dialectFields';
import type { CbSpec, GroupSpec } from '../common';
import {
  atOrAfter,
  NEWEST_READ_COMMIT,
  type ReadSpanId,
  readSpanCite,
  windowEndingAtNewestRead,
  windowWhollyPastNewestRead,
  windowPastNewestRead,
  windowWithinReadSpan,
} from '../changePoints';
import { firstRowWiseRange } from '../printedRange';
import { samePlainData } from '../../text/plainData';
import {
  finishProgram,
  groupsFromSplit,
  liveL1Of,
  propBool,
  resolveTensor,
  ResolvedTensor,
  shardGridBox,
  splitWorkToCores,
} from '../common';
import type {
  CoreRangeXY,
  EstimateContext,
  L1Intermediate,
  OpEstimate,
  OpEstimateResult,
  WriterProgram,
} from '../types';
import { illegal, unmodeled } from '../types';
import {
  MatmulConfig,
  matmulSubblockParams,
  OperandFacts,
  SelectionInput,
  Sharding,
  TransposeAEstimate,
  batchOf,
  configKindOfAttribute,
  configSummary,
  matmulConfigAttribute,
  nonReuseMultiCore,
  outBlockSearched,
  selectMatmulConfig,
} from './matmulConfig';

/** The configs whose factories take transpose_a / transpose_b themselves from PR #32295 (needs_manual_transpose [7]). */
const FUSED_TRANSPOSE_KINDS: ReadonlySet<MatmulConfig['kind']> = new Set([
  'MatmulMultiCoreReuseMultiCast1DProgramConfig',
  'MatmulMultiCoreReuseMultiCastProgramConfig',
  'MatmulMultiCoreReuseProgramConfig',
]);

const CITES = {
  mcast2d:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49',
  mcast2dGrid:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_2d_program_factory.cpp@d447542~1 (create: num_blocks_x/y swapped under transpose_mcast, then the grid TT_FATALs; the same in matmul_op_multi_core_reuse_mcast_2d_program_factory.cpp@3787a8a); matmul_device_operation.cpp@d447542 (#43987 moves them into validation)',
  validate2d:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_device_operation.cpp@622c6fb and @97327cf (validate_on_program_cache_miss, MatmulMultiCoreReuseMultiCastProgramConfig: sharded a / b and transpose_mcast; "Error" before #27169); matmul_op.cpp@3787a8a (the same tests)',
  mcast1d:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp@00629f0 (create_program: in0_B / in1_B; mcast_in0 / mcast_in1 CB sizes)',
  reuse:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_optimized_program_factory.cpp@00fca59',
  multicore: 'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_program_factory.cpp@0150269',
  nonOptimizedReuse:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op_multi_core_reuse_program_factory.cpp@080a251 (matmul_multi_core_reuse: per_core 16x16, in0_block_w 2)',
  legacySelection:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@0155a43 (create_simple_matmul_program_config before PR #15938)',
  dramSharded:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_dram_sharded_program_factory.cpp@0150269',
  selection:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (generate_matmul_program_config)',
  estimate:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/utilities/matmul_utilities.cpp (get_estimated_size_of_cbs, get_max_l1_space)',
  validate:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (get_matmul_program_config TT_FATALs)',
  bound: 'tt-metal ttnn/cpp/ttnn/operations/matmul/matmul.cpp (bound_matmul, get_post_process_bias)',
  biasHeight:
    "tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@0236bc1 and @f9dc6d2, matmul_device_operation.cpp@622c6fb (validate: a fused bias's padded second last dimension must be the tile height; the same TT_FATAL from f7c10a2, 2024-07, to 622c6fb); matmul.cpp@f9dc6d2 (get_post_process_bias fuses an all-DRAM auto-config bias of any height until 7fec4c0, PR #32510, fixing tt-metal #32441)",
  tiledInputs:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_device_operation.cpp@9f46ee6 (validate_on_program_cache_miss: both inputs Layout::TILE); matmul.cpp@0167725 (bound_matmul passes the operands unchanged); tt-mlir runtime/lib/ttnn/operations/matmul/matmul.cpp@020a004 (::ttnn::matmul on the pool tensors, no to_layout)',
  reuseBias:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_device_operation.cpp (validate_matmul_bias, before PR #49825; search index id 54505986354); PR #49825 (bias CB c_3 = per_core_M_per_batch·per_core_N, single-block batch matrices only)',
  validate1d:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_device_operation.cpp (validate_matmul_mcast1d_config and validate_output_subblock_block_divides_per_core_n; search index ids 70214927673, 54508457935)',
  perCoreMAtMostMt:
    'tt-metal PR #55682 (validate_matmul_work_distribution_and_gather_ring_topology: TT_FATAL per_core_M <= Mt for the 2D and 1D mcast_in1 configs; fixes tt-metal #51550)',
  linearBias:
    'tt-mlir test/unittests/OpModel/TTNN/Op/TestOpModelInterface.cpp@b73fc81 (LinearOpInterface: non-row bias → matmul then add)',
} as const;

/** Bytes of the c_6 scratch CB (`32 * 2`) the mcast factories create when in0 is block sharded / sharded with mcast_in0. */
export const MATMUL_L1_ARRAY_CB_BYTES = 64;

function shardingOf(layout: TensorLayout): Sharding {
  switch (layout.memoryLayout) {
    case 'interleaved':
    case undefined:
      return 'interleaved';
    case 'height_sharded':
    case 'width_sharded':
    case 'block_sharded':
      return layout.memoryLayout;
    default:
      return 'other';
  }
}

/**
 * get_max_l1_space as tt-metal sees it when it picks the auto-config: the op's own output is not allocated yet (the
 * config decides its shard spec: tt-metal #32435 got per_core 16 and a 512x512 shard, which a free L1 net of that
 * output cannot give; #18225 for the later calls). The analysis's live figure counts the output: it is taken back out.
 */
function freeL1BeforeOwnOutput(ctx: EstimateContext, outT: ResolvedTensor): number {
  const own =
    outT.layout.bufferType === 'l1' ? (l1Footprint(outT.logical, outT.layout, ctx.device)?.bytesPerCore ?? 0) : 0;
  return ctx.device.l1SizeBytes - Math.max(0, liveL1Of(ctx) - own) - ctx.device.l1UnreservedBase;
}

/** A bias's padded row count (one tile row for a rank-1 bias). */
function paddedBiasRows(bias: ResolvedTensor): number {
  return bias.padded.length >= 2 ? bias.padded[bias.padded.length - 2] : TILE_HW;
}

/**
 * Whether bound_matmul [7] adds a linear's bias after an auto-configured matmul (get_post_process_bias): from change
 * point 'linear-bias-fused-all-dram' (PR #31649) for an output not in DRAM, or inputs interleaved but not all in DRAM,
 * or (from 'linear-bias-post-process-tall', PR #32510) a bias more than one tile row high; before PR #31649, always.
 */
function autoConfigAddsBiasAfter(
  a: OperandFacts,
  b: OperandFacts,
  out: OperandFacts,
  biasRowsPadded: number,
  ctx: EstimateContext,
): boolean {
  if (!atOrAfter(ctx, 'linear-bias-fused-all-dram')) return true;
  if (biasRowsPadded !== TILE_HW && atOrAfter(ctx, 'linear-bias-post-process-tall')) return true;
  const allDramInterleaved =
    a.sharding === 'interleaved' &&
    b.sharding === 'interleaved' &&
    out.sharding === 'interleaved' &&
    a.buffer === 'dram' &&
    b.buffer === 'dram';
  return out.buffer !== 'dram' || (a.sharding === 'interleaved' && !allDramInterleaved);
}

/**
 * The bias tile bytes the auto-config selection sees. The device op chooses the config the matmul runs with from the
 * bias it is given, none when bound_matmul adds the bias after (matmul.cpp calls it with `post_process_bias ? nullopt :
 * bias`: @ce4c711, @92f1cd6, @622c6fb; matmul_op.cpp@92f1cd6 create_program, matmul_device_operation.cpp@622c6fb
 * prim::matmul), so a bias added after does not count, at every build. `boundMatmul`: the selection bound_matmul
 * itself runs from PR #32295 (change point 'matmul-fused-transpose-a') with the bias tile whatever happens to the bias,
 * only to decide whether it transposes a or b itself (needs_manual_transpose).
 */
function selectionBiasTileBytes(
  a: OperandFacts,
  b: OperandFacts,
  out: OperandFacts,
  biasTileBytes: number,
  biasRowsPadded: number,
  ctx: EstimateContext,
  boundMatmul = false,
): number {
  if (biasTileBytes === 0 || boundMatmul) return biasTileBytes;
  return autoConfigAddsBiasAfter(a, b, out, biasRowsPadded, ctx) ? 0 : biasTileBytes;
}

/**
 * The bias tile the auto-config's CB estimate counts: none before tt-metal PR #17056 (change point
 * 'matmul-estimate-bias-term'; get_estimated_size_of_cbs had no bias term, tt-metal #16704), read only with a bias.
 */
function estimatedBiasTileBytes(biasTileBytes: number, ctx: EstimateContext): number {
  return biasTileBytes > 0 && atOrAfter(ctx, 'matmul-estimate-bias-term') ? biasTileBytes : 0;
}

/**
 * packer_l1_acc_en: whether a factory packs its partials into L1 (interm Float16_b) for `kBlocks` K blocks, given the
 * compute config asks for it. Before the shared buffer model (change point 'matmul-sharded-out-own-partials',
 * matmul_buffers.cpp@c9482b1 start()): 1D mcast_in0 with more than one K block [2], reuse with more than two [3], 2D
 * and 1D mcast_in1 with more than two, or more than one with a fused bias [1][2]; from it, more than one in those four.
 * The change point is read only where the rules differ and the figure with it: not under fp32 accumulation (Float32
 * partials either way) and not for a bf16 output (Float16_b is its own format).
 */
export function packerL1AccEnabled(
  cfg: Pick<MatmulConfig, 'kind' | 'mcastIn0'>,
  kBlocks: number,
  fusedBias: boolean,
  outDtype: DataType,
  fp32DestAcc: boolean,
  ctx: EstimateContext,
): boolean {
  const is1d = cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig';
  const isReuse = cfg.kind === 'MatmulMultiCoreReuseProgramConfig';
  const legacy = is1d && cfg.mcastIn0 ? kBlocks > 1 : isReuse ? kBlocks > 2 : kBlocks > 2 || (fusedBias && kBlocks > 1);
  const sharedModel = is1d || isReuse || cfg.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig';
  if (!sharedModel || legacy || kBlocks <= 1 || fp32DestAcc || outDtype === 'bf16') return legacy;
  return atOrAfter(ctx, 'matmul-sharded-out-own-partials');
}

/**
 * Why MatmulDeviceOperation's validation rejects an explicit 1D mcast config (tt-metal's message, with the config name
 * it prefixes left out), or undefined. mcast_in1: a sharded a must be height sharded with fuse_batch, per_core_M = its
 * shard height, Kt = its shard width (a multiple of in0_block_w); a sharded output height sharded (or block sharded on
 * one column of cores) with per_core_N = Nt; b interleaved. mcast_in0: a sharded a width sharded with fuse_batch, Mt =
 * per_core_M = its shard height, its shard width a multiple of in0_block_w; a sharded output width sharded (or block
 * sharded on one row) with per_core_M = Mt; an L1-sharded b width sharded with per_core_N = its shard width. Either way
 * a sharded a and a sharded output share a memory layout and buffer, and a sharded output's subblock and out block
 * span per_core_N unless one tile high. `mt` is M as the factory sees it (batch-fused under fuse_batch).
 */
function rejectedBy1dValidation(
  cfg: MatmulConfig,
  a: OperandFacts,
  b: OperandFacts,
  out: OperandFacts,
  mt: number,
  kt: number,
  nt: number,
): string | undefined {
  const aSharded = a.sharding !== 'interleaved';
  const outSharded = out.sharding !== 'interleaved';
  if (aSharded) {
    if (!cfg.fuseBatch) return 'fuse_batch must be enabled when input A is sharded';
    const want = cfg.mcastIn0 ? 'width_sharded' : 'height_sharded';
    if (a.sharding !== want)
      return cfg.mcastIn0
        ? `input A must be WIDTH_SHARDED when mcast_in0 or gather_in0 is set, got: ${a.sharding.toUpperCase()}`
        : `input A must be HEIGHT_SHARDED, got: ${a.sharding.toUpperCase()}`;
    if (outSharded && (out.sharding !== a.sharding || out.buffer !== a.buffer))
      return `input A and output memory layouts must match, got input: ${a.sharding.toUpperCase()} vs output: ${out.sharding.toUpperCase()}`;
    if (cfg.mcastIn0 && mt !== cfg.perCoreM) return `M (${mt}) must equal per_core_M (${cfg.perCoreM})`;
    const [shardH, shardW] = a.shardTiles ?? [cfg.perCoreM, kt];
    if (cfg.perCoreM !== shardH)
      return `per_core_M (${cfg.perCoreM}) must equal shard_shape[0] (${shardH * TILE_HW}) / in0_tile height (${TILE_HW})`;
    if (kt % cfg.in0BlockW !== 0) return `K (${kt}) must be divisible by in0_block_w (${cfg.in0BlockW})`;
    if (cfg.mcastIn0 && shardW % cfg.in0BlockW !== 0)
      return `shard_shape[1] (${shardW * TILE_HW}) / in0_tile width (${TILE_HW}) must be divisible by in0_block_w (${cfg.in0BlockW})`;
    if (!cfg.mcastIn0 && kt !== shardW)
      return `K (${kt}) must equal shard_shape[1] (${shardW * TILE_HW}) / in0_tile width (${TILE_HW})`;
  }
  if (outSharded) {
    const along = cfg.mcastIn0 ? 'width_sharded' : 'height_sharded';
    const oneLine = cfg.mcastIn0 ? (out.shardGridY ?? 1) === 1 : (out.shardGridX ?? 1) === 1;
    if (out.sharding !== along && !(out.sharding === 'block_sharded' && oneLine))
      return cfg.mcastIn0
        ? `output memory layout must be WIDTH_SHARDED or BLOCK_SHARDED on a 1-row grid, got: ${out.sharding.toUpperCase()}`
        : `output memory layout must be HEIGHT_SHARDED or BLOCK_SHARDED on a 1-column grid, got: ${out.sharding.toUpperCase()}`;
    if (cfg.mcastIn0 && mt !== cfg.perCoreM) return `M (${mt}) must equal per_core_M (${cfg.perCoreM})`;
    if (!cfg.mcastIn0 && nt !== cfg.perCoreN) return `N (${nt}) must equal per_core_N (${cfg.perCoreN})`;
    if (!(cfg.outSubblockW === cfg.perCoreN || cfg.outSubblockH === 1))
      return `out_subblock_w (${cfg.outSubblockW}) must equal per_core_N (${cfg.perCoreN}) or out_subblock_h (${cfg.outSubblockH}) must be 1`;
    if (!(cfg.outBlockW === cfg.perCoreN || cfg.outBlockH === 1))
      return `out_block_w (${cfg.outBlockW}) must equal per_core_N (${cfg.perCoreN}) or out_block_h (${cfg.outBlockH}) must be 1`;
  }
  if (!cfg.mcastIn0 && b.sharding !== 'interleaved')
    return `input B must be INTERLEAVED, got: ${b.sharding.toUpperCase()}`;
  if (cfg.mcastIn0 && b.buffer === 'l1' && b.sharding !== 'interleaved') {
    if (b.sharding !== 'width_sharded') return `input B in L1 must be WIDTH_SHARDED, got: ${b.sharding.toUpperCase()}`;
    const bShardW = b.shardTiles?.[1];
    if (bShardW !== undefined && bShardW !== cfg.perCoreN)
      return `input B shard width in tiles (${bShardW}) must equal per_core_N (${cfg.perCoreN})`;
  }
  return undefined;
}

/**
 * Why MatmulDeviceOperation's validation rejects an explicit 2D mcast config for its sharded operands' kinds and
 * orientation (tt-metal's message), or undefined: a sharded a needs fuse_batch and block or height sharding; a
 * block-sharded a needs COL_MAJOR shards under transpose_mcast and ROW_MAJOR ones without (tt-mlir's sharded tensors
 * are ROW_MAJOR); a height-sharded a and a sharded b reject transpose_mcast. The same tests from matmul_op.cpp@3787a8a
 * (2025-01) to matmul_device_operation.cpp@622c6fb (2026-06); builds before #27169 (97327cf, 2025-08-20) print "Error".
 * The shard-shape tests that follow them are not modeled here.
 */
function rejectedBy2dShardValidation(cfg: MatmulConfig, a: OperandFacts, b: OperandFacts): string | undefined {
  if (a.sharding !== 'interleaved') {
    if (!cfg.fuseBatch) return 'Batch fusion is required when input A is sharded';
    if (a.sharding !== 'block_sharded' && a.sharding !== 'height_sharded')
      return `Unsupported memory layout ${a.sharding.toUpperCase()}.`;
    if (a.sharding === 'block_sharded' && cfg.transposeMcast)
      return 'Input tensor A must have COL_MAJOR shard orientation for transpose MCAST, got: ROW_MAJOR';
    if (a.sharding === 'height_sharded' && cfg.transposeMcast)
      return 'Transpose MCAST not supported with HEIGHT_SHARDED layout';
  }
  if (b.sharding !== 'interleaved' && cfg.transposeMcast)
    return 'Transpose MCAST not supported when input B is sharded';
  return undefined;
}

/**
 * selectMatmulConfig with the build's bias term in the CB estimate: in0_block_w tiles before tt-metal PR #38309, the
 * block width after (change point 'matmul-estimate-bias-per-core-n'). The change point is read only when a bias is
 * counted and the two terms select different configs, so other linears get no version range from it.
 */
function selectWithBiasTerm(input: SelectionInput, ctx: EstimateContext): ReturnType<typeof selectMatmulConfig> {
  if (input.biasTileBytes === 0) return selectMatmulConfig(input);
  const byInnerBlock = selectMatmulConfig({ ...input, biasTermPerCoreN: () => false });
  const byBlockWidth = selectMatmulConfig({ ...input, biasTermPerCoreN: () => true });
  const config = (sel: ReturnType<typeof selectMatmulConfig>) => ('illegal' in sel ? sel.illegal : sel.config);
  if (samePlainData(config(byInnerBlock), config(byBlockWidth))) return byInnerBlock;
  return atOrAfter(ctx, 'matmul-estimate-bias-per-core-n') ? byBlockWidth : byInnerBlock;
}

/**
 * The read span (changePoints.ts READ_SPANS) over whose every build this auto-configured matmul's selection and
 * factory were read, if the whole window lies inside one: plain operands only (the caller checks interleaved, no bias,
 * activation or transpose_a).
 */
function autoConfigReadSpan(
  cfg: MatmulConfig,
  legacySelection: boolean,
  allDram: boolean,
  outBlockSearched: () => boolean,
  ctx: EstimateContext,
): ReadSpanId | undefined {
  if (legacySelection)
    return cfg.kind === 'MatmulMultiCoreProgramConfig' && windowWithinReadSpan(ctx, 'matmul-auto-multicore-2025-01')
      ? 'matmul-auto-multicore-2025-01'
      : undefined;
  if (cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig') {
    if (cfg.mcastIn0 && windowWithinReadSpan(ctx, 'matmul-auto-1d-mcast-in0')) return 'matmul-auto-1d-mcast-in0';
    if (allDram && windowWithinReadSpan(ctx, 'matmul-auto-1d-all-dram-2025')) return 'matmul-auto-1d-all-dram-2025';
  }
  if (
    cfg.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig' &&
    allDram &&
    windowWithinReadSpan(ctx, 'matmul-auto-2d-all-dram')
  )
    return 'matmul-auto-2d-all-dram';
  // The 2025-2026 spans: for a block that passes get_multi_dim_per_core_factor's first test (601278a walked the blocks
  // smallest first for two hours).
  const spans: ReadSpanId[] =
    cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig' && allDram
      ? ['matmul-auto-1d-all-dram-2025-2026', 'matmul-auto-interleaved-2025-2026']
      : cfg.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig' && allDram
        ? ['matmul-auto-2d-all-dram-2025-2026']
        : ['matmul-auto-interleaved-2025-2026'];
  const span = spans.find((id) => windowWithinReadSpan(ctx, id));
  return span !== undefined && !outBlockSearched() ? span : undefined;
}

/**
 * tt-metal's auto config for a matmul with no program config in the IR, with the build's selection rules (each
 * change point read only where it can matter). Shared by the estimator and `matmulConfigInUse`.
 */
function selectAutoConfig(
  a: OperandFacts,
  b: OperandFacts,
  out: OperandFacts,
  outT: ResolvedTensor,
  /** The linear's bias: its tile bytes (0 without one) and its padded row count. */
  biasTileBytes: number,
  biasRowsPadded: number,
  fp32DestAcc: boolean,
  ctx: EstimateContext,
  transposeA = false,
  /** bound_matmul's own selection (selectionBiasTileBytes), not the device op's. */
  boundMatmul = false,
): ReturnType<typeof selectMatmulConfig> {
  const input = autoSelectionInput(a, b, out, outT, biasTileBytes, biasRowsPadded, fp32DestAcc, ctx, boundMatmul);
  return transposeA ? selectWithTransposeATerm(input, ctx) : selectWithBiasTerm(input, ctx);
}

/**
 * selectWithBiasTerm for a transpose_a matmul, with the build's transpose_a term in the CB estimate (TransposeAEstimate:
 * change points 'matmul-fused-transpose-a', 'matmul-estimate-transpose-a-in0', '…-dropped', '…-restored'). The three
 * estimate change points are read only when the terms select different configs, so other transpose_a matmuls get no
 * version range from them.
 */
function selectWithTransposeATerm(input: SelectionInput, ctx: EstimateContext): ReturnType<typeof selectMatmulConfig> {
  if (!atOrAfter(ctx, 'matmul-fused-transpose-a')) return selectWithBiasTerm(input, ctx);
  const rules: readonly TransposeAEstimate[] = ['shardTwice', 'in0', 'in0OrShard'];
  const sels = rules.map((t) => selectWithBiasTerm({ ...input, transposeAEstimate: t }, ctx));
  const config = (sel: ReturnType<typeof selectMatmulConfig>) => ('illegal' in sel ? sel.illegal : sel.config);
  if (sels.every((sel) => samePlainData(config(sel), config(sels[0]!)))) return sels[0]!;
  const rule: TransposeAEstimate = atOrAfter(ctx, 'matmul-estimate-transpose-a-in0-restored')
    ? 'in0OrShard'
    : atOrAfter(ctx, 'matmul-estimate-transpose-a-in0-dropped')
      ? 'shardTwice'
      : atOrAfter(ctx, 'matmul-estimate-transpose-a-in0')
        ? 'in0'
        : 'shardTwice';
  return sels[rules.indexOf(rule)]!;
}

/** The selection input of selectAutoConfig: the operands, the build's selection rules and the free L1. */
function autoSelectionInput(
  a: OperandFacts,
  b: OperandFacts,
  out: OperandFacts,
  outT: ResolvedTensor,
  biasTileBytes: number,
  biasRowsPadded: number,
  fp32DestAcc: boolean,
  ctx: EstimateContext,
  boundMatmul = false,
): SelectionInput {
  const [deviceRows, deviceCols] = ctx.device.workerGrid;
  return {
    a,
    b,
    out,
    biasTileBytes: estimatedBiasTileBytes(
      selectionBiasTileBytes(a, b, out, biasTileBytes, biasRowsPadded, ctx, boundMatmul),
      ctx,
    ),
    fp32DestAcc,
    gridX: deviceCols,
    gridY: deviceRows,
    maxL1SpaceBytes: freeL1BeforeOwnOutput(ctx, outT),
    narrowOnlyAllDram: !atOrAfter(ctx, 'matmul-narrow-l1-1d'),
    legacyCreateSimple: !atOrAfter(ctx, 'matmul-all-dram-2d-any-grid'),
    // Both change points only matter with a sharded output (the cap binds only on that 2D path): read them only then,
    // so other matmuls get no version range from them.
    blockSharded1dGridAs2d: out.sharding === 'block_sharded' && !atOrAfter(ctx, 'matmul-block-sharded-1d-grid'),
    capPerCoreToOutput: out.sharding !== 'interleaved' && atOrAfter(ctx, 'matmul-simple-cap-per-core'),
    singleCoreShardFromShard: singleCoreShardFromShard(a, ctx),
    multiDimAreaFirst: () => atOrAfter(ctx, 'matmul-multi-dim-factor-area-first'),
    blockShardPaddedTiles: () => atOrAfter(ctx, 'matmul-block-shard-padded-tiles'),
  };
}

/** Change point 'matmul-single-core-shard-grid' (PR #52039), read only for a height/width-sharded a on one core. */
function singleCoreShardFromShard(a: OperandFacts, ctx: EstimateContext): boolean {
  const oneCore = (a.shardGridX ?? 1) === 1 && (a.shardGridY ?? 1) === 1;
  return (
    (a.sharding === 'height_sharded' || a.sharding === 'width_sharded') &&
    oneCore &&
    atOrAfter(ctx, 'matmul-single-core-shard-grid')
  );
}

function facts(t: ResolvedTensor, transpose: boolean, deviceCols: number): OperandFacts {
  const padded = [...t.padded];
  const logical = [...t.logical];
  if (padded.length < 2) padded.unshift(TILE_HW);
  if (logical.length < 2) logical.unshift(1);
  if (transpose) {
    const n = padded.length;
    [padded[n - 2], padded[n - 1]] = [padded[n - 1], padded[n - 2]];
    [logical[n - 2], logical[n - 1]] = [logical[n - 1], logical[n - 2]];
  }
  const sharding = shardingOf(t.layout);
  const buffer = t.layout.bufferType === 'dram' ? 'dram' : t.layout.bufferType === 'l1' ? 'l1' : 'other';
  const base: OperandFacts = { padded, logical, dtype: t.dtype, tileBytes: tileBytes(t.dtype), buffer, sharding };
  if (sharding === 'interleaved' || sharding === 'other') return base;
  const shape = t.layout.shardShape;
  const shardTiles: [number, number] =
    t.layout.pageLayout === 'tile'
      ? [shape[shape.length - 2] ?? 1, shape[shape.length - 1] ?? 1]
      : [Math.ceil((shape[shape.length - 2] ?? 1) / TILE_HW), Math.ceil((shape[shape.length - 1] ?? 1) / TILE_HW)];
  const g = shardGridBox(t.layout, deviceCols);
  return { ...base, shardTiles, shardGridX: g.x, shardGridY: g.y, shardCores: g.cores };
}

/** The first of `names` the config has as an integer (`2`, `2 : i64`). */
function field(config: DialectProp, ...names: string[]): number | undefined {
  for (const name of names) {
    const n = intOf(fieldValue(config, name));
    if (n !== undefined) return n;
  }
  return undefined;
}

/** Config fields that count tiles or subblocks: each must be a positive integer when printed. */
const MATMUL_CONFIG_COUNT_FIELDS = [
  'in0_block_w',
  'out_subblock_h',
  'out_subblock_w',
  'out_block_h',
  'out_block_w',
  'per_core_m',
  'per_core_M',
  'per_core_n',
  'per_core_N',
] as const;

/** An explicit `#ttnn.matmul_*_program_config<...>` as a MatmulConfig, or why not. */
export function parseMatmulConfig(
  config: Extract<PropValue, { kind: 'dialect' }>,
  deviceGrid: readonly [number, number],
): MatmulConfig | string {
  const kind = configKindOfAttribute(config.name);
  if (kind === undefined) return `unknown program config ${config.name}`;
  const f = config.fields;
  // `#ttnn.core_coord<8, 8>`, `<8, 8>` or `8x8`, bare or in a nested attribute: (x, y).
  const g = pairOf(fieldValue(config, 'compute_with_storage_grid_size'), [',', 'x'], true);
  const gridX = g === undefined ? deviceGrid[1] : g[0];
  const gridY = g === undefined ? deviceGrid[0] : g[1];
  // tt-mlir prints these as unsigned integers; a zero, negative, fractional or unreadable one is a malformed config
  // every block count below would divide by or multiply into a non-integer (found by fuzzing: Infinity block counts).
  if (!(gridX >= 1) || !(gridY >= 1))
    return `${config.name}: compute_with_storage_grid_size ${gridX}x${gridY} has no cores (each side must be at least 1)`;
  const malformed = MATMUL_CONFIG_COUNT_FIELDS.find((name) => {
    if (f[name] === undefined) return false;
    const n = intOf(fieldValue(config, name));
    return !(n !== undefined && n >= 1);
  });
  if (malformed !== undefined)
    return `${config.name}: ${malformed} = ${f[malformed]} is not a positive integer (tt-metal divides the work by it)`;
  if (kind === 'MatmulMultiCoreProgramConfig') return nonReuseMultiCore(gridX, gridY);
  const perCoreM = field(config, 'per_core_m', 'per_core_M');
  const perCoreN = field(config, 'per_core_n', 'per_core_N');
  const in0BlockW = field(config, 'in0_block_w');
  if (perCoreM === undefined || perCoreN === undefined || in0BlockW === undefined)
    return `${config.name} without per_core_m / per_core_n / in0_block_w`;
  return {
    kind,
    gridX,
    gridY,
    in0BlockW,
    perCoreM,
    perCoreN,
    outSubblockH: field(config, 'out_subblock_h') ?? 1,
    outSubblockW: field(config, 'out_subblock_w') ?? 1,
    outBlockH: field(config, 'out_block_h') ?? perCoreM,
    outBlockW: field(config, 'out_block_w') ?? perCoreN,
    fuseBatch: boolOf(fieldValue(config, 'fuse_batch')) ?? false,
    mcastIn0: boolOf(fieldValue(config, 'mcast_in0')) ?? true,
    transposeMcast: boolOf(fieldValue(config, 'transpose_mcast')) ?? false,
  };
}

/** fp32_dest_acc_en / packer_l1_acc from a printed `compute_config`, if any. */
export function computeFlags(op: TtnnOp): { fp32: boolean; packerL1Acc: boolean; printed: boolean } {
  const p = op.properties['compute_config'] ?? op.properties['compute_kernel_config'];
  if (p === undefined || p.kind !== 'dialect') return { fp32: false, packerL1Acc: false, printed: false };
  return {
    fp32: boolOf(fieldValue(p, 'fp32_dest_acc_en')) === true,
    packerL1Acc: boolOf(fieldValue(p, 'packer_l1_acc')) === true,
    printed: true,
  };
}

/** The compute kernel config's two flags the matmul CBs depend on. */
export interface MatmulComputeFlags {
  readonly fp32: boolean;
  readonly packerL1Acc: boolean;
}

/**
 * The flags a ttnn.matmul / ttnn.linear runs with: the IR's `compute_config` when printed (tt-mlir's runtime passes it),
 * else tt-metal's default for an unset config, which is what runs (tt-mlir's runtime passes none:
 * runtime/lib/ttnn/operations/matmul/matmul.cpp@13cf48f, @d65d1b8; @c275567 the IR's, else none): create_matmul_struct
 * fills it with packer_l1_acc on from change point 'matmul-default-packer-l1-acc' (both off before), and from
 * 'matmul-default-fp32-acc-f32-output' fp32 accumulation exactly for a float32 output, packer_l1_acc for any other.
 */
export function matmulComputeFlags(op: TtnnOp, outDtype: DataType, ctx: EstimateContext): MatmulComputeFlags {
  const printed = computeFlags(op);
  return printed.printed ? printed : matmulUnsetComputeFlags(outDtype, ctx);
}

/** create_matmul_struct's flags for a matmul given no compute kernel config (see matmulComputeFlags). */
export function matmulUnsetComputeFlags(outDtype: DataType, ctx: EstimateContext): MatmulComputeFlags {
  if (!atOrAfter(ctx, 'matmul-default-packer-l1-acc')) return { fp32: false, packerL1Acc: false };
  if (outDtype !== 'f32') return { fp32: false, packerL1Acc: true };
  return atOrAfter(ctx, 'matmul-default-fp32-acc-f32-output')
    ? { fp32: true, packerL1Acc: false }
    : { fp32: false, packerL1Acc: true };
}

/** `compute`: the flags a caller's own program resolved and passes on (conv2d's linear), instead of the op's. */
export function estimateMatmul(op: TtnnOp, ctx: EstimateContext, compute?: MatmulComputeFlags): OpEstimateResult {
  const aT = resolveTensor(op.operands[0], 'a');
  if (typeof aT === 'string') return unmodeled(op.name, aT);
  const bT = resolveTensor(op.operands[1], 'b');
  if (typeof bT === 'string') return unmodeled(op.name, bT);
  const outT = resolveTensor(op.results[0], 'result');
  if (typeof outT === 'string') return unmodeled(op.name, outT);
  if (aT.layout.bufferType === 'system_memory' || bT.layout.bufferType === 'system_memory')
    return unmodeled(op.name, 'an operand is on the host: matmul runs on device tensors only');
  // Neither tt-mlir's runtime nor ttnn::matmul (bound_matmul) tilizes an operand; the device op rejects it.
  if (aT.layout.pageLayout !== 'tile' || bT.layout.pageLayout !== 'tile')
    return illegal(op.name, 'Inputs to matmul must be tilized', CITES.tiledInputs);
  const [deviceRows, deviceCols] = ctx.device.workerGrid;
  const a = facts(aT, propBool(op, 'transpose_a') === true, deviceCols);
  const b = facts(bT, propBool(op, 'transpose_b') === true, deviceCols);
  const out = facts(outT, false, deviceCols);
  if (a.sharding === 'other' || b.sharding === 'other' || out.sharding === 'other')
    return unmodeled(op.name, 'nd-sharded or single-bank operand: no matmul factory model');

  // Bias (ttnn.linear operand 2). The config is chosen with the bias tile counted (bound_matmul passes its tile size to
  // get_program_config); get_post_process_bias then decides whether the factory fuses it or ttnn.add runs after [5][7].
  const biasSpec = op.name === 'ttnn.linear' ? op.operands[2] : undefined;
  let biasTile = 0;
  let biasRowsPadded = TILE_HW;
  let biasInterleaved = true;
  if (biasSpec !== undefined && biasSpec.kind === 'tensor') {
    const bias = resolveTensor(biasSpec, 'bias');
    if (typeof bias === 'string') return unmodeled(op.name, bias);
    if (batchOf(b.padded) > 1)
      return illegal(op.name, 'Batched input not supported when bias exists (linear operation).', CITES.validate);
    biasRowsPadded = paddedBiasRows(bias);
    biasTile = tileBytes(bias.dtype);
    biasInterleaved = bias.layout.memoryLayout === 'interleaved';
  }
  // An activation without a user grid runs as a unary op after the matmul (bound_matmul); sharded inputs reject it [7].
  const activation = op.properties['activation'];
  const hasActivation = activation !== undefined && !(activation.kind === 'string' && activation.value === '');
  // relu, gelu and silu: the activations bound_matmul ran (as ttnn::relu / gelu / silu, then unary_chain) at every build
  // of read span matmul-auto-activation-after, each a unary program with no temporary CB.
  const activationAfterReadable = hasActivation && UNARY_ACTIVATIONS_READ.has(activationName(activation) ?? '');
  if (hasActivation && (a.sharding !== 'interleaved' || b.sharding !== 'interleaved')) {
    return illegal(
      op.name,
      "Sharded matmul run with an activation: this should be placed in the program config's fused_activation field",
      CITES.bound,
    );
  }

  // a broadcast over b's batches: tt-metal rejected it until PR #47640, except, from PR #40172, under an explicit 1D
  // mcast-in1 config that can reuse a (explicitIn0Reuse).
  if (
    batchOf(a.padded) === 1 &&
    batchOf(b.padded) > 1 &&
    !atOrAfter(ctx, 'matmul-a-batch-broadcast') &&
    !explicitIn0Reuse(op, a, b, ctx)
  ) {
    return illegal(
      op.name,
      'bmm (non-bcast matmul) expects input tensors of shapes BCMK*BCKN=BCMN or equivalent',
      'tt-metal issue #12834; PR #40172 (explicit 1D mcast-in1 configs, rank 4, a[1] = 1); PR #47640 (any config)',
    );
  }
  const flags = compute ?? matmulComputeFlags(op, outT.dtype, ctx);
  const explicit = op.properties['matmul_program_config'] ?? op.properties['program_config'];
  let cfg: MatmulConfig;
  let reason: string;
  let auto = false;
  if (explicit !== undefined && explicit.kind === 'dialect') {
    const parsed = parseMatmulConfig(explicit, ctx.device.workerGrid);
    if (typeof parsed === 'string') return unmodeled(op.name, parsed);
    cfg = parsed;
    reason = `program config from the IR: ${configSummary(cfg)}`;
  } else {
    const sel = selectAutoConfig(
      a,
      b,
      out,
      outT,
      biasTile,
      biasRowsPadded,
      flags.fp32,
      ctx,
      propBool(op, 'transpose_a') === true,
    );
    if ('illegal' in sel) return illegal(op.name, sel.illegal, CITES.validate);
    cfg = sel.config;
    auto = true;
    const attribute = matmulConfigAttribute(cfg);
    reason = `tt-metal would pick ${cfg.kind} with ${configSummary(cfg)} because ${sel.because}. ${attribute === undefined ? 'tt-mlir has no attribute for this config (leave matmul_program_config out to get it)' : `As an explicit config: matmul_program_config = ${attribute}`}`;
  }
  // get_post_process_bias: fuse only a one-tile-row bias, never into the non-reuse factory, and for an auto-generated
  // config only as autoConfigAddsBiasAfter says.
  const autoFusesBias = atOrAfter(ctx, 'linear-bias-fused-all-dram');
  const biasPostAdd =
    biasTile > 0 &&
    ((biasRowsPadded !== TILE_HW && atOrAfter(ctx, 'linear-bias-post-process-tall')) ||
      cfg.kind === 'MatmulMultiCoreProgramConfig' ||
      cfg.kind === 'MatmulMultiCoreNonOptimizedReuseProgramConfig' ||
      (auto && autoConfigAddsBiasAfter(a, b, out, biasRowsPadded, ctx)));
  // MatmulMultiCoreReuseProgramConfig [3]: the device op rejected a fused bias until PR #49825 (change point
  // 'matmul-reuse-fused-bias'); from it the factory fuses one only when each batch matrix is a single block (Nt =
  // per_core_N, Mt = per_core_M per batch), and bound_matmul adds any other after the matmul.
  let reuseBiasPostAdd = false;
  if (biasTile > 0 && !biasPostAdd && cfg.kind === 'MatmulMultiCoreReuseProgramConfig') {
    if (!atOrAfter(ctx, 'matmul-reuse-fused-bias'))
      return illegal(
        op.name,
        'Bias is not supported for this matmul program config: MatmulMultiCoreReuseProgramConfig',
        CITES.reuseBias,
      );
    const mtPerBatch = a.padded[a.padded.length - 2] / TILE_HW;
    const ntAll = b.padded[b.padded.length - 1] / TILE_HW;
    reuseBiasPostAdd = !(ntAll === cfg.perCoreN && Math.min(cfg.perCoreM, mtPerBatch) === mtPerBatch);
  }
  const biasAddedAfter = biasPostAdd || reuseBiasPostAdd;
  // The device op's validate rejects a fused bias more than one tile row high (every build): an explicit config before
  // PR #32510, or an all-DRAM auto config from PR #31649 until it, fused one.
  if (biasTile > 0 && !biasAddedAfter && biasRowsPadded !== TILE_HW)
    return illegal(
      op.name,
      `Unsupported bias shape: padded second last dimension of bias, ${biasRowsPadded}, not equal to tile height, ${TILE_HW}`,
      CITES.biasHeight,
    );
  const biasTileBytes = biasAddedAfter ? 0 : biasTile;
  // bound_matmul [7] transposes a / b itself (ttnn.transpose into the operand's memory config, a program of its own)
  // before PR #32295 always; from it only when its own selection (the bias tile counted whatever happens to the bias)
  // is not a 1D / 2D mcast or reuse config (needs_manual_transpose: matmul.cpp@ce4c711, @92f1cd6, @622c6fb).
  const transposeA = propBool(op, 'transpose_a') === true;
  const transposeB = propBool(op, 'transpose_b') === true;
  let manualTranspose = false;
  let manualTransposeWhy = 'before PR #32295';
  if (transposeA || transposeB) {
    if (!atOrAfter(ctx, 'matmul-fused-transpose-a')) manualTranspose = true;
    else {
      let boundKind = cfg.kind;
      if (auto && biasTile > 0 && biasAddedAfter) {
        const sel = selectAutoConfig(a, b, out, outT, biasTile, biasRowsPadded, flags.fp32, ctx, transposeA, true);
        if (!('illegal' in sel)) boundKind = sel.config.kind;
      }
      manualTranspose = !FUSED_TRANSPOSE_KINDS.has(boundKind);
      manualTransposeWhy = `${boundKind} has no fused transpose`;
    }
  }
  if (cfg.gridX > deviceCols || cfg.gridY > deviceRows) {
    return illegal(
      op.name,
      'Number of columns/rows in matmul compute grid exceeds maximum device compute grid size!',
      CITES.validate,
    );
  }
  if (
    cfg.kind !== 'MatmulMultiCoreProgramConfig' &&
    (cfg.perCoreM % cfg.outSubblockH !== 0 || cfg.perCoreN % cfg.outSubblockW !== 0)
  ) {
    return illegal(
      op.name,
      'per_core_M must be divisible by out_subblock_h! / per_core_N must be divisible by out_subblock_w!',
      CITES.validate,
    );
  }

  const Mt = ((cfg.fuseBatch ? batchOf(a.padded) : 1) * a.padded[a.padded.length - 2]) / TILE_HW;
  const Kt = a.padded[a.padded.length - 1] / TILE_HW;
  const Nt = b.padded[b.padded.length - 1] / TILE_HW;
  const B = cfg.fuseBatch ? 1 : batchOf(a.padded);
  // 1D mcast-in1 on a height-sharded a: each core with an output block row reads its own shard, so the M blocks may not
  // outnumber the shard's cores (the TT_FATAL tt-metal PR #52039 quotes; before it the auto-config reached it for a
  // single-core shard grid).
  if (
    cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig' &&
    !cfg.mcastIn0 &&
    a.sharding === 'height_sharded' &&
    a.shardCores !== undefined &&
    Math.ceil(Mt / cfg.perCoreM) > a.shardCores
  )
    return illegal(
      op.name,
      `number of M blocks ceil(M/per_core_M)=${Math.ceil(Mt / cfg.perCoreM)} must not exceed input A shard grid cores (${a.shardCores})`,
      'tt-metal PR #52039 description (the TT_FATAL of matmul validation it quotes; fixes tt-metal #25909)',
    );
  // The 1D config's own validation (an explicit config; the auto-config derives its fields from these very shapes).
  if (!auto && cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig') {
    const rejected = rejectedBy1dValidation(cfg, a, b, out, Mt, Kt, Nt);
    if (rejected !== undefined) return illegal(op.name, rejected, CITES.validate1d);
  }
  if (!auto && cfg.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig') {
    const rejected = rejectedBy2dShardValidation(cfg, a, b);
    if (rejected !== undefined) return illegal(op.name, rejected, CITES.validate2d);
  }
  // From PR #55682 (change point 'matmul-per-core-m-at-most-mt') an explicit 2D or 1D mcast-in1 config whose per_core_M
  // exceeds Mt is rejected; before, the 2D factory wrote the extra rows past the output (tt-metal #51550) and the CBs
  // were sized for per_core_M. Read only for such a config.
  const mcastIn1Or2d =
    cfg.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig' ||
    (cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig' && !cfg.mcastIn0);
  if (!auto && mcastIn1Or2d && cfg.perCoreM > Mt && atOrAfter(ctx, 'matmul-per-core-m-at-most-mt'))
    return illegal(
      op.name,
      `per_core_M (${cfg.perCoreM}) exceeds Mt (${Mt}). Each core would compute more output row tiles than the tensor has. Reduce per_core_M to at most Mt.`,
      CITES.perCoreMAtMostMt,
    );
  const outSharded = out.sharding !== 'interleaved';
  const outBytes = tileBytes(outT.dtype);
  const intermFp32 = flags.fp32;
  // packer_l1_acc_en (partials packed as Float16_b in L1): the 1D mcast-in0 factory [2] turns it on with more than one
  // K block; the 2D [1] and 1D mcast-in1 [2] factories with more than two, or more than one when a bias is fused.
  const kBlocks = Math.floor(Kt / cfg.in0BlockW);
  const packerL1AccOn =
    flags.packerL1Acc && packerL1AccEnabled(cfg, kBlocks, biasTileBytes > 0, outT.dtype, intermFp32, ctx);
  const intermBytes = intermFp32 ? tileBytes('f32') : packerL1AccOn ? tileBytes('bf16') : outBytes;
  const cbs: CbSpec[] = [];
  const notes: string[] = [];
  let groups: GroupSpec[];
  // A transpose_a bound_matmul runs itself leaves the matmul program no c_10.
  const transposeTile = transposeA && !manualTranspose;
  if (cfg.kind === 'MatmulMultiCoreProgramConfig') {
    // [4]: c_0, c_1, c_16 of 2 tiles; output tiles split_work_to_cores over the grid (column-major core order).
    const outTiles = batchOf(a.padded) * (a.padded[a.padded.length - 2] / TILE_HW) * Nt;
    groups = groupsFromSplit(splitWorkToCores(cfg.gridX * cfg.gridY, outTiles), [cfg.gridY, cfg.gridX], 'col');
    cbs.push(
      { index: 0, role: 'in0', nPages: 2, pageBytes: a.tileBytes },
      { index: 1, role: 'in1', nPages: 2, pageBytes: b.tileBytes },
      { index: 16, role: 'output', nPages: 2, pageBytes: outBytes },
    );
  } else if (cfg.kind === 'MatmulMultiCoreNonOptimizedReuseProgramConfig') {
    // [8]: the factory ignores the config's blocking: per_core 16x16 tiles, in0_block_w 2; c_0, c_1 double-buffered
    // blocks, c_16 the output block sharing its bytes with the c_24 partials; one block per core, row-major.
    const MtPerBatch = a.padded[a.padded.length - 2] / TILE_HW;
    const blocks = Math.floor(MtPerBatch / 16) * Math.floor(Nt / 16);
    if (MtPerBatch % 16 !== 0 || Nt % 16 !== 0 || Kt % 2 !== 0 || blocks > cfg.gridX * cfg.gridY)
      return illegal(
        op.name,
        'Error (bmm_op_multi_core_reuse: Mt % 16 == 0, Nt % 16 == 0, Kt % 2 == 0, blocks <= cores)',
        CITES.nonOptimizedReuse,
      );
    cbs.push(
      { index: 0, role: 'in0 block', nPages: 16 * 2 * 2, pageBytes: a.tileBytes },
      { index: 1, role: 'in1 block', nPages: 16 * 2 * 2, pageBytes: b.tileBytes },
      { index: 16, role: 'output/interm (shared with c_24)', nPages: 16 * 16, pageBytes: outBytes },
    );
    // CBs on all_cores = num_cores_to_corerangeset(blocks, the device's compute grid, row-wise) [8]: its full rows, else
    // the blocks' cores of row 0 — tt-metal #16348 prints (0,0)-(3,0) for 4 blocks.
    groups = [
      {
        name: 'all',
        nCores: blocks,
        firstCore: [0, 0],
        printedRange: firstRowWiseRange(blocks, ctx.device.workerGrid[1]),
      },
    ];
  } else if (cfg.kind === 'MatmulMultiCoreReuseProgramConfig') {
    // [3]: a sharded → c_0 is a's shard (per_core_M·Kt); else per_core_M (per batch)·w, always double-buffered; b likewise;
    // c_4 output per_core_M·per_core_N sharing its bytes with the c_5 partials unless their formats differ.
    const MtPerBatch = a.padded[a.padded.length - 2] / TILE_HW;
    const numBlocks = Math.max(1, Math.floor(Kt / cfg.in0BlockW));
    const batchScale = cfg.perCoreM > MtPerBatch ? Math.floor(cfg.perCoreM / MtPerBatch) : 1;
    const mPerBatch = Math.min(cfg.perCoreM, MtPerBatch);
    const aSharded = a.sharding !== 'interleaved';
    const bSharded = b.sharding !== 'interleaved';
    cbs.push({
      index: 0,
      role: aSharded ? 'in0 (a shard)' : 'in0 block',
      nPages: aSharded ? cfg.perCoreM * Kt : mPerBatch * cfg.in0BlockW * 2,
      pageBytes: a.tileBytes,
      tensorBacked: aSharded,
    });
    cbs.push({
      index: 1,
      role: bSharded ? 'in1 (b shard)' : 'in1 block',
      nPages: cfg.perCoreN * cfg.in0BlockW * (bSharded ? numBlocks * batchScale : 2),
      pageBytes: b.tileBytes,
      tensorBacked: bSharded,
    });
    const outTiles = cfg.perCoreM * cfg.perCoreN;
    if (intermBytes !== outBytes) {
      cbs.push({ index: 4, role: 'output', nPages: outTiles, pageBytes: outBytes, tensorBacked: outSharded });
      cbs.push({ index: 5, role: 'interm', nPages: outTiles, pageBytes: intermBytes });
    } else {
      cbs.push({
        index: 4,
        role: 'output/interm (shared)',
        nPages: outTiles,
        pageBytes: outBytes,
        tensorBacked: outSharded,
      });
    }
    // c_3: the whole per-batch bias block, loaded once (from PR #49825; only a single-block batch matrix gets here).
    if (biasTileBytes > 0)
      cbs.push({ index: 3, role: 'bias (whole block)', nPages: mPerBatch * cfg.perCoreN, pageBytes: biasTileBytes });
    if (transposeTile)
      cbs.push({
        index: 10,
        role: 'in0 transposed',
        nPages: aSharded ? cfg.perCoreM * Kt : mPerBatch * cfg.in0BlockW * 2,
        pageBytes: a.tileBytes,
      });
    const blocks = Math.floor((batchOf(a.padded) * MtPerBatch) / cfg.perCoreM) * Math.floor(Nt / cfg.perCoreN);
    const shardCores = aSharded ? a.shardCores : bSharded ? b.shardCores : outSharded ? out.shardCores : undefined;
    if (shardCores !== undefined) groups = [{ name: 'all', nCores: shardCores, firstCore: [0, 0] }];
    else groups = groupsFromSplit(splitWorkToCores(cfg.gridX * cfg.gridY, blocks), [cfg.gridY, cfg.gridX], 'col');
  } else if (cfg.kind === 'MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig') {
    // [6]: workers = DRAM banks (minus banks holding only padding of b's width shards); per_core_N_compute =
    // ceil(Nt / workers), its subblock widened up to 8 (4 under fp32) tiles; c_0 per_core_M·w double-buffered, c_1
    // triple-buffered, c_2 a's shard, c_4 (shared with c_5 unless formats differ) per_core_M·per_core_N_compute,
    // c_6 the output shard (tensor-backed), c_3 bias per_core_N_compute.
    let banks = ctx.device.nDramBanks;
    const bShardW = b.shardTiles?.[1];
    if (bShardW !== undefined && bShardW > 0 && bShardW * banks > Nt) {
      const paddingOnly = Math.floor((bShardW * banks - Nt) / bShardW);
      if (paddingOnly < banks) banks -= paddingOnly;
    }
    const pcnSender = Math.ceil(Nt / banks);
    const [subH, subW] = matmulSubblockParams(cfg.perCoreM, pcnSender, false, false, flags.fp32);
    let sw = subW;
    let pcnCompute = pcnSender;
    const maxW = flags.fp32 ? 4 : 8;
    if (subH === 1 && sw < maxW) {
      let count = Math.floor(pcnSender / sw);
      let preferred = sw;
      for (let w = sw + 1; w <= maxW; w++) {
        const c = Math.ceil(pcnSender / w);
        if (c < count) {
          count = c;
          preferred = w;
        }
      }
      sw = preferred;
      pcnCompute = sw * count;
    }
    const numBlocks = Math.max(1, Math.floor(Kt / cfg.in0BlockW));
    const multi = B * numBlocks > 1;
    cbs.push({
      index: 0,
      role: 'in0 block',
      nPages: cfg.perCoreM * cfg.in0BlockW * (multi ? 2 : 1),
      pageBytes: a.tileBytes,
    });
    cbs.push({
      index: 1,
      role: 'in1 block (DRAM stream)',
      nPages: pcnSender * cfg.in0BlockW * (multi ? 3 : 1),
      pageBytes: b.tileBytes,
    });
    if (a.shardTiles !== undefined)
      cbs.push({
        index: 2,
        role: 'in0 shard',
        nPages: cfg.perCoreM * a.shardTiles[1],
        pageBytes: a.tileBytes,
        tensorBacked: true,
      });
    if (intermBytes !== outBytes) {
      cbs.push({ index: 4, role: 'output', nPages: cfg.perCoreM * pcnCompute, pageBytes: outBytes });
      cbs.push({ index: 5, role: 'interm', nPages: cfg.perCoreM * pcnCompute, pageBytes: intermBytes });
    } else {
      cbs.push({ index: 4, role: 'output/interm (shared)', nPages: cfg.perCoreM * pcnCompute, pageBytes: outBytes });
    }
    cbs.push({
      index: 6,
      role: 'output shard (reshard)',
      nPages: cfg.perCoreM * cfg.perCoreN,
      pageBytes: outBytes,
      tensorBacked: true,
    });
    if (biasTileBytes > 0) cbs.push({ index: 3, role: 'bias', nPages: pcnCompute, pageBytes: biasTileBytes });
    groups = [{ name: 'all', nCores: Math.max(banks, a.shardCores ?? 0), firstCore: [0, 0] }];
    notes.push(`${banks} DRAM-bank reader cores, per_core_N_compute ${pcnCompute}`);
  } else {
    // [1][2]
    const numBlocks = Math.max(1, Math.floor(Kt / cfg.in0BlockW));
    const dbl = B * numBlocks > 1 ? 2 : 1;
    const bh = cfg.outBlockH;
    const bw = cfg.outBlockW;
    const aShardTiles = a.shardTiles;
    const bInL1Sharded = b.sharding !== 'interleaved' && b.buffer === 'l1';
    const is1d = cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig';
    const aIsShardSource = a.sharding !== 'interleaved' && aShardTiles !== undefined;
    // 1D mcast in1 with a height sharded [2]: c_0 aliases the shard unless the reader copies blocks out of it
    // (extract_shard_sub_blocks: shard width / in0_block_w > 1); from PR #50975 (change point
    // 'matmul-1d-height-shard-copy') it also copies when a core has several out-block rows and columns, where the
    // forward-only alias re-read wrong data (tt-metal #26150). A copied c_0 is a real CB of the sharded size,
    // num_blocks·per_core_M·in0_block_w·B tiles, and the shard becomes c_2 (tensor-backed).
    const heightShardIn1 = aIsShardSource && a.sharding === 'height_sharded' && is1d && !cfg.mcastIn0;
    const extractSubBlocks =
      heightShardIn1 && aShardTiles !== undefined && Math.floor(aShardTiles[1] / cfg.in0BlockW) > 1;
    const multiBlockCopy =
      heightShardIn1 &&
      !extractSubBlocks &&
      Math.floor(cfg.perCoreM / bh) > 1 &&
      Math.floor(cfg.perCoreN / bw) > 1 &&
      atOrAfter(ctx, 'matmul-1d-height-shard-copy');
    const in0Copied = extractSubBlocks || multiBlockCopy;
    const in0Backed = aIsShardSource && a.sharding === 'height_sharded' && (!is1d || !cfg.mcastIn0) && !in0Copied;
    // 1D mcast in1 with an unbatched interleaved a and a batched b (the broadcast PR #47640 routes here; rejected
    // before it): reuse_in0_in_CB keeps a's whole row block, per_core_M·num_blocks·in0_block_w tiles, in c_0 for every
    // batch of b, and b's CB is double-buffered on b's own batch count (in1_B·num_blocks > 1) [2].
    const bBatches = cfg.fuseBatch ? 1 : batchOf(b.padded);
    const reuseIn0 = is1d && !cfg.mcastIn0 && B === 1 && bBatches > 1 && a.sharding === 'interleaved' && !outSharded;
    const in0Tiles = in0Copied
      ? numBlocks * cfg.perCoreM * cfg.in0BlockW * B
      : in0Backed && aShardTiles !== undefined
        ? aShardTiles[0] * aShardTiles[1]
        : reuseIn0
          ? cfg.perCoreM * numBlocks * cfg.in0BlockW
          : bh * cfg.in0BlockW * dbl;
    cbs.push({
      index: 0,
      role: in0Backed
        ? 'in0 (a shard)'
        : in0Copied
          ? 'in0 (blocks copied from the shard)'
          : reuseIn0
            ? "in0 (a's row block, reused across b's batches)"
            : 'in0 block',
      nPages: in0Tiles,
      pageBytes: a.tileBytes,
      tensorBacked: in0Backed,
    });
    if (reuseIn0) notes.push(`a is read once and reused for each of b's ${bBatches} batches (reuse_in0_in_CB)`);
    if (in0Copied) {
      cbs.push({
        index: 2,
        role: 'in0 shard (copy source)',
        nPages: bh * cfg.in0BlockW,
        pageBytes: a.tileBytes,
        tensorBacked: true,
      });
      if (multiBlockCopy)
        notes.push(
          `a's height shard is copied into c_0 (${Math.floor(cfg.perCoreM / bh)}x${Math.floor(cfg.perCoreN / bw)} out blocks per core; PR #50975)`,
        );
    }
    // The 1D factory double-buffers in1 on b's own batch count, in1_B (fuse_batch ? 1 : b's batch): the mcast_in1
    // program since PR #40172 (7dde75c, change point 'matmul-1d-per-operand-batch'), the mcast_in0 program only later
    // (main to 2026-06-23 still passes it in0_B alone; 00629f0 has both, read under 'matmul-a-batch-broadcast');
    // before, on a's batch like in0. They differ only with an unbatched b and a single K block (one in1 block,
    // single-buffered after the split), so the change point is read only then [2].
    const in1DblSplit = bBatches * numBlocks > 1 ? 2 : 1;
    const splitPoint = cfg.mcastIn0 ? 'matmul-a-batch-broadcast' : 'matmul-1d-per-operand-batch';
    const in1Dbl = !is1d || in1DblSplit === dbl ? dbl : atOrAfter(ctx, splitPoint) ? in1DblSplit : dbl;
    const in1Tiles =
      bInL1Sharded && b.shardTiles !== undefined ? cfg.perCoreN * b.shardTiles[0] : bw * cfg.in0BlockW * in1Dbl;
    cbs.push({
      index: 1,
      role: bInL1Sharded ? 'in1 (b shard)' : 'in1 block',
      nPages: in1Tiles,
      pageBytes: b.tileBytes,
      tensorBacked: bInL1Sharded,
    });
    const shardIn2 = aIsShardSource && !in0Backed && (a.sharding === 'block_sharded' || (is1d && cfg.mcastIn0));
    if (shardIn2 && aShardTiles !== undefined) {
      cbs.push({
        index: 2,
        role: 'in0 shard',
        nPages: cfg.perCoreM * aShardTiles[1],
        pageBytes: a.tileBytes,
        tensorBacked: true,
      });
      cbs.push({ index: 6, role: 'mcast scratch (l1 array)', nPages: 1, pageBytes: MATMUL_L1_ARRAY_CB_BYTES });
    }
    const outTiles = outSharded ? cfg.perCoreM * cfg.perCoreN : bh * bw;
    // A sharded output shares its shard with the partials only while the core computes one out block: several block
    // rows always forced a c_5 of its own; several block columns too from #58046 (change point
    // 'matmul-sharded-out-own-partials', read only for that case) [1][2][9].
    const ownPartials =
      outSharded && (cfg.perCoreM !== bh || (cfg.perCoreN !== bw && atOrAfter(ctx, 'matmul-sharded-out-own-partials')));
    const separateInterm = ownPartials || intermBytes !== outBytes;
    if (separateInterm) cbs.push({ index: 5, role: 'interm', nPages: bh * bw, pageBytes: intermBytes });
    cbs.push({
      index: 4,
      role: separateInterm ? 'output' : 'output/interm (shared)',
      nPages: outTiles,
      pageBytes: outBytes,
      tensorBacked: outSharded,
    });
    if (biasTileBytes > 0) cbs.push({ index: 3, role: 'bias', nPages: bw, pageBytes: biasTileBytes });
    if (transposeTile)
      // c_10 is created with in0_CB_size, c_0's own size (a's whole row block under reuse_in0_in_CB) [1][2].
      cbs.push({
        index: 10,
        role: 'in0 transposed',
        nPages: reuseIn0 ? in0Tiles : bh * cfg.in0BlockW * dbl,
        pageBytes: a.tileBytes,
      });
    const blocksY = Math.ceil(Mt / cfg.perCoreM);
    const blocksX = Math.ceil(Nt / cfg.perCoreN);
    if (!is1d) {
      // The 2D factory's grid check, on the block counts swapped under transpose_mcast (in the factory from f7c10a2,
      // 2024-07, to #43987, 2026-05-22, which moved it into validate_on_program_cache_miss, the same test) [1].
      const [blocksAlongX, blocksAlongY] = cfg.transposeMcast ? [blocksY, blocksX] : [blocksX, blocksY];
      if (blocksAlongX > cfg.gridX)
        return illegal(
          op.name,
          `Num output blocks along x (${blocksAlongX}) must be smaller than or equal to the number of columns in compute grid (${cfg.gridX})!`,
          CITES.mcast2dGrid,
        );
      if (blocksAlongY > cfg.gridY)
        return illegal(
          op.name,
          `Num output blocks along y (${blocksAlongY}) must be smaller than or equal to the number of rows in compute grid (${cfg.gridY})!`,
          CITES.mcast2dGrid,
        );
    }
    // The cores the CBs are created on, and the range tt-metal's overflow message names: the 2D factory's `all_cores`,
    // the blocks' grid (num_blocks_x columns by num_blocks_y rows, swapped under transpose_mcast) widened along in0's
    // width (x, or y under transpose_mcast) to a block-sharded a's shard grid, whose extra cores send in0 [1] (the same
    // @3787a8a and @622c6fb); the 1D factory's num_cores_to_corerangeset(num_cores, compute_with_storage_grid_size,
    // row_major), whose full rows come first [2].
    let printedRange: CoreRangeXY;
    let nCores: number;
    if (is1d) {
      nCores = blocksY * blocksX;
      if (aIsShardSource && a.shardCores !== undefined) nCores = Math.max(nCores, a.shardCores);
      printedRange = firstRowWiseRange(nCores, cfg.gridX);
    } else {
      let coresX = cfg.transposeMcast ? blocksY : blocksX;
      let coresY = cfg.transposeMcast ? blocksX : blocksY;
      if (a.sharding === 'block_sharded' && aIsShardSource) {
        if (cfg.transposeMcast) coresY = Math.max(coresY, a.shardGridY ?? 0);
        else coresX = Math.max(coresX, a.shardGridX ?? 0);
      }
      nCores = coresX * coresY;
      printedRange = [
        [0, 0],
        [coresX - 1, coresY - 1],
      ];
    }
    groups = [{ name: 'all', nCores, firstCore: [0, 0], printedRange }];
  }
  if (biasAddedAfter)
    notes.push(
      `the bias is not fused (${biasRowsPadded !== TILE_HW && atOrAfter(ctx, 'linear-bias-post-process-tall') ? `${biasRowsPadded} rows, not one tile row` : cfg.kind === 'MatmulMultiCoreProgramConfig' ? 'the non-reuse factory has no bias' : reuseBiasPostAdd ? 'the reuse factory fuses it only when each batch matrix is one per_core_M x per_core_N block (PR #49825)' : autoFusesBias ? 'an auto-generated config fuses it only into an all-DRAM matmul' : 'this build adds every bias of an auto-generated config after the matmul (before PR #31649)'}): tt-metal adds it after the matmul with ttnn.add, a separate program`,
    );
  if (manualTranspose)
    notes.push(
      `${transposeA && transposeB ? 'transpose_a and transpose_b run' : transposeA ? 'transpose_a runs' : 'transpose_b runs'} as a separate ttnn.transpose program before the matmul (${manualTransposeWhy})`,
    );
  if (hasActivation) notes.push('the activation runs after the matmul as a separate unary program (no user core grid)');
  const factory = cfg.kind;
  const citations: string[] = [
    cfg.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig'
      ? CITES.mcast2d
      : cfg.kind === 'MatmulMultiCoreReuseProgramConfig'
        ? CITES.reuse
        : cfg.kind === 'MatmulMultiCoreProgramConfig'
          ? CITES.multicore
          : cfg.kind === 'MatmulMultiCoreNonOptimizedReuseProgramConfig'
            ? CITES.nonOptimizedReuse
            : cfg.kind === 'MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig'
              ? CITES.dramSharded
              : CITES.mcast1d,
  ];
  const legacySelection = auto && !atOrAfter(ctx, 'matmul-all-dram-2d-any-grid') && a.sharding === 'interleaved';
  if (auto) citations.push(legacySelection ? CITES.legacySelection : CITES.selection, CITES.estimate);
  if (biasAddedAfter || hasActivation) citations.push(CITES.bound);
  if (biasTile > 0 && cfg.kind === 'MatmulMultiCoreReuseProgramConfig') citations.push(CITES.reuseBias);
  if (biasAddedAfter && biasRowsPadded !== TILE_HW) citations.push(CITES.linearBias);
  // Read spans: the selection and factory of these paths were read for every build of the span (changePoints.ts).
  // No bias, activation or transpose_b on interleaved operands and output: the base of the plain and transpose_a paths.
  const bareInterleavedAuto =
    auto &&
    a.sharding === 'interleaved' &&
    b.sharding === 'interleaved' &&
    !outSharded &&
    biasTile === 0 &&
    !hasActivation &&
    !transposeB;
  const plainAuto = bareInterleavedAuto && !transposeA;
  // The same with a one-tile-row interleaved bias (fused, or added after into a DRAM output) or transpose_b (fused, or
  // transposed by bound_matmul into a DRAM b): read spans matmul-auto-bias-2025-2026 / matmul-auto-transpose-b, the programs
  // bound_matmul runs around the matmul estimated by sidePrograms.
  const biasOrTransposeBAuto =
    auto &&
    a.sharding === 'interleaved' &&
    b.sharding === 'interleaved' &&
    !outSharded &&
    (!hasActivation || (activationAfterReadable && out.buffer === 'dram')) &&
    !transposeA &&
    (biasTile > 0 || transposeB || hasActivation) &&
    (biasTile === 0 ||
      (biasInterleaved &&
        (biasRowsPadded === TILE_HW || biasAddedAfter) &&
        !reuseBiasPostAdd &&
        (!biasAddedAfter || out.buffer === 'dram') &&
        // bound_matmul fusing a bias into the non-reuse config, which has none (its factory not read with one).
        !(cfg.kind === 'MatmulMultiCoreProgramConfig' && !autoConfigAddsBiasAfter(a, b, out, biasRowsPadded, ctx)))) &&
    (!(transposeB && manualTranspose) || b.buffer === 'dram');
  // The same as plainAuto with a fused transpose_a (from change point matmul-fused-transpose-a) on an unbatched a in a 1D
  // or 2D mcast config: read span matmul-auto-transpose-a-fused (the selection on a's transposed shape, c_10 = c_0).
  const transposeAAuto =
    bareInterleavedAuto &&
    transposeA &&
    !manualTranspose &&
    batchOf(a.padded) === 1 &&
    (cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig' ||
      cfg.kind === 'MatmulMultiCoreReuseMultiCastProgramConfig');
  const allDram = a.buffer === 'dram' && b.buffer === 'dram' && out.buffer === 'dram';
  // An explicit 1D mcast_in0 config on interleaved a and b, a fused interleaved bias or none, no activation (here or in
  // the config), no transpose_a, gather_in0 / untilize_out off: its factory CBs, bias fusion and compute defaults.
  const configProp = op.properties['matmul_program_config'];
  const configFlagOff = (name: string) =>
    configProp?.kind !== 'dialect' || (boolOf(fieldValue(configProp, name)) ?? false) === false;
  const plainExplicitMcastIn0 =
    !auto &&
    cfg.kind === 'MatmulMultiCoreReuseMultiCast1DProgramConfig' &&
    cfg.mcastIn0 &&
    configFlagOff('gather_in0') &&
    configFlagOff('untilize_out') &&
    (configProp?.kind !== 'dialect' || fieldValue(configProp, 'fused_activation') === undefined) &&
    a.sharding === 'interleaved' &&
    b.sharding === 'interleaved' &&
    biasInterleaved &&
    !biasAddedAfter &&
    !hasActivation &&
    !transposeA;
  // A bias more than one tile row high is added after (bound_matmul's rules read for any height; the device op's config
  // chosen without it), so the fused-bias CB lines the one-row span reads do not matter.
  const biasReadSpan: ReadSpanId =
    biasRowsPadded === TILE_HW ? 'matmul-auto-bias-2025-2026' : 'matmul-auto-bias-added-after-any-height';
  const readSpanAt = (c: EstimateContext): ReadSpanId | undefined => {
    const outBlockSearchedFor = () =>
      outBlockSearched(autoSelectionInput(a, b, out, outT, biasTile, biasRowsPadded, flags.fp32, c), cfg);
    // A fused transpose_a's estimate term, at most the in0 block for an interleaved a (TransposeAEstimate 'in0'): a
    // block that passes the first test with it passes under every build's term.
    const outBlockSearchedWithTransposeTerm = () =>
      outBlockSearched(
        {
          ...autoSelectionInput(a, b, out, outT, biasTile, biasRowsPadded, flags.fp32, c),
          transposeAEstimate: 'in0',
        },
        cfg,
      );
    return plainAuto
      ? autoConfigReadSpan(cfg, legacySelection, allDram, outBlockSearchedFor, c)
      : transposeAAuto && windowWithinReadSpan(c, 'matmul-auto-transpose-a-fused')
        ? autoConfigReadSpan(cfg, legacySelection, allDram, outBlockSearchedWithTransposeTerm, c)
        : biasOrTransposeBAuto &&
            (biasTile === 0 || windowWithinReadSpan(c, biasReadSpan)) &&
            (!transposeB || windowWithinReadSpan(c, 'matmul-auto-transpose-b')) &&
            (!hasActivation || windowWithinReadSpan(c, 'matmul-auto-activation-after'))
          ? autoConfigReadSpan(cfg, legacySelection, allDram, outBlockSearchedFor, c)
          : plainExplicitMcastIn0 && windowWithinReadSpan(c, 'matmul-explicit-1d-mcast-in0')
            ? 'matmul-explicit-1d-mcast-in0'
            : undefined;
  };
  // A window reaching past the newest build read: its part up to it may be a read path (the same config and CBs, since
  // the registry splits the window at every change point the estimate asks about); the registry makes the later builds
  // approx (registry.ts withinReadBuilds).
  const whollyPastNewestRead = windowWhollyPastNewestRead(ctx);
  const readSpan =
    readSpanAt(ctx) ??
    (windowPastNewestRead(ctx) && !whollyPastNewestRead ? readSpanAt(windowEndingAtNewestRead(ctx)) : undefined);
  const readPath = readSpan !== undefined;
  const approxReasons: string[] = [];
  if (auto && !readPath)
    approxReasons.push(
      legacySelection
        ? "program config generated the way tt-metal's late-2024 selection code (before PR #15938) does"
        : whollyPastNewestRead
          ? `program config generated the way tt-metal's selection code does at ${NEWEST_READ_COMMIT}; later builds not read`
          : "program config generated the way tt-metal's 2026 selection code does; earlier builds may differ",
    );
  if (cfg.kind === 'MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig')
    approxReasons.push('DRAM-sharded reader cores counted as the bank count, not placed');
  if (transposeTile && !readPath) approxReasons.push('transpose_a assumed to transpose in0 tiles through c_10');
  if (approxReasons.length === 0 && !readPath)
    approxReasons.push(
      "the factory's CBs as read in tt-metal's sources of late 2024 to mid 2026 (the changes found are change points; not every build's factory was read)",
    );
  if (readSpan !== undefined) citations.push(readSpanCite(readSpan));
  if (readSpan !== undefined && transposeAAuto) citations.push(readSpanCite('matmul-auto-transpose-a-fused'));
  if (readSpan !== undefined && biasOrTransposeBAuto) {
    if (biasTile > 0) citations.push(readSpanCite(biasReadSpan));
    if (transposeB) citations.push(readSpanCite('matmul-auto-transpose-b'));
    if (hasActivation) citations.push(readSpanCite('matmul-auto-activation-after'));
    if (biasTile > 0 && !biasAddedAfter) citations.push(CITES.bound);
  }
  // The programs bound_matmul runs around the matmul on these paths (their tensors in DRAM), read or not.
  const sides = biasOrTransposeBAuto
    ? sidePrograms(op, ctx, transposeB && manualTranspose, biasAddedAfter ? biasSpec : undefined, hasActivation)
    : [];
  for (const side of sides)
    if (side.result.kind === 'estimate')
      notes.push(
        `${side.label} runs as a program of its own ${side.before ? 'before' : 'after'} the matmul (${side.result.worstCbBytesPerCore} B of CBs per core)`,
      );
  const matmulProgram = finishProgram({
    op,
    ctx,
    factory,
    factoryReason: reason,
    grid: [cfg.gridY, cfg.gridX],
    groups,
    cbs,
    confidence: approxReasons.length === 0 ? 'exact' : 'approx',
    approxReason: approxReasons.join('; '),
    citations,
    notes,
  });
  // With programs run around it the op's figure is the largest of the programs in turn (composite.ts largestStep: each
  // allocates its CBs when it runs), exact when each is; their results are in DRAM here (no L1 beyond their CBs).
  let est: OpEstimate = matmulProgram;
  if (sides.length > 0) {
    const inTurn = largestStep(op, ctx, [
      ...sides.filter((s) => s.before),
      { label: 'the matmul', result: matmulProgram },
      ...sides.filter((s) => !s.before),
    ]);
    if (inTurn.kind !== 'estimate') return inTurn;
    est = inTurn;
  }
  // tt-metal shards an auto-configured sharded output by the config's blocks; a post-added bias writes the requested layout.
  let outputs = est.outputs;
  let intermediate = 0;
  const configShardBytes = cfg.perCoreM * cfg.perCoreN * outBytes;
  if (outSharded && auto && !biasAddedAfter && !hasActivation && cfg.kind !== 'MatmulMultiCoreProgramConfig') {
    outputs = outputs.map((o) =>
      o.resultIndex === 0
        ? {
            ...o,
            bytesPerCore: configShardBytes,
            how: `per_core_M ${cfg.perCoreM} x per_core_N ${cfg.perCoreN} tiles x ${outBytes} B (tt-metal's own shard of the output)`,
          }
        : o,
    );
  }
  if ((biasAddedAfter || hasActivation) && outT.layout.bufferType === 'l1') {
    if (out.sharding !== 'interleaved') intermediate = configShardBytes;
    else intermediate = l1Footprint(outT.logical, outT.layout, ctx.device)?.bytesPerCore ?? 0;
  }
  const l1TensorBytesPerCore = outputs.reduce((n, o) => n + o.bytesPerCore, 0);
  const after =
    intermediate > 0
      ? programsAfterMatmul(op, ctx, est, intermediate, biasAddedAfter ? biasSpec : undefined, hasActivation)
      : undefined;
  if (after !== undefined && 'unmodeled' in after) return unmodeled(op.name, after.unmodeled);
  return {
    ...est,
    outputs,
    l1TensorBytesPerCore,
    ...(intermediate > 0
      ? { l1IntermediateBytesPerCore: after?.intermediates.reduce((n, t) => n + t.bytesPerCore, 0) ?? intermediate }
      : {}),
    ...(after !== undefined && { l1Intermediates: after.intermediates, lastProgram: after.lastProgram }),
  };
}

interface SideProgram {
  readonly label: string;
  readonly before: boolean;
  readonly result: OpEstimateResult;
}

/**
 * The programs bound_matmul [7] runs around an interleaved matmul whose tensors they write stay in DRAM: the
 * ttnn.transpose(b, -1, -2, b's memory config) it runs itself (`transposeB`), the ttnn.add of a bias it adds after
 * the matmul into the output's memory config (`bias`), and then the activation (no user grid: a unary program on the
 * output, in the output's memory config; read span matmul-auto-activation-after), each estimated as its own op.
 */
function sidePrograms(
  op: TtnnOp,
  ctx: EstimateContext,
  transposeB: boolean,
  bias: ValueSpec | undefined,
  activation: boolean,
): SideProgram[] {
  const sides: SideProgram[] = [];
  const bSpec = op.operands[1];
  if (transposeB && bSpec?.kind === 'tensor' && bSpec.shape.kind === 'known') {
    const dims = [...bSpec.shape.dims];
    const n = dims.length;
    if (n >= 2) [dims[n - 2], dims[n - 1]] = [dims[n - 1]!, dims[n - 2]!];
    const dim = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });
    const transposeOp = stepOp(op, 'ttnn.transpose', [bSpec], [specWith(bSpec, { dims })], {
      dim0: dim(-1),
      dim1: dim(-2),
    });
    sides.push({ label: 'ttnn.transpose of b', before: true, result: estimateTranspose(transposeOp, ctx) });
  }
  const out = op.results[0];
  if (bias?.kind === 'tensor' && out?.kind === 'tensor')
    sides.push({
      label: 'the bias ttnn.add',
      before: false,
      result: estimateBinary(stepOp(op, 'ttnn.add', [out, bias], [out]), ctx),
    });
  if (activation && out?.kind === 'tensor')
    sides.push({
      label: 'the activation',
      before: false,
      result: estimateUnary(stepOp(op, 'ttnn.unary', [out], [out]), ctx),
    });
  return sides;
}

/** The activations bound_matmul runs after the matmul at every build of read span matmul-auto-activation-after. */
const UNARY_ACTIVATIONS_READ: ReadonlySet<string> = new Set(['relu', 'gelu', 'silu']);

/**
 * A linear's activation name: `"relu"` as tt-mlir writes ttnn.linear's, or `<op_type = relu>` as conv2d_config's
 * (conv2d hands it to the linear it runs); undefined when neither.
 */
function activationName(prop: PropValue | undefined): string | undefined {
  if (prop?.kind !== 'string') return undefined;
  const m = /op_type\s*=\s*([a-z0-9_]+)/.exec(prop.value) ?? /^"?([a-z0-9_]+)"?$/.exec(prop.value);
  return m?.[1];
}

/**
 * The programs bound_matmul [7] runs after the matmul when the bias is not fused or an activation is given, for an L1
 * result: the matmul writes its result in the requested memory config, then ttnn.add(result, bias) and the unary
 * activation each allocate a new result there and read the previous one, which stays allocated until they have run
 * (tt-metal #16268: the add's result cannot be allocated beside the matmul's). Returned as the op's own L1 tensors in
 * allocation order, each with the program that writes it, and the last program, for the analysis's allocation walk.
 */
function programsAfterMatmul(
  op: TtnnOp,
  ctx: EstimateContext,
  matmul: OpEstimate,
  resultBytesPerCore: number,
  bias: ValueSpec | undefined,
  hasActivation: boolean,
): { intermediates: L1Intermediate[]; lastProgram: WriterProgram } | { unmodeled: string } | undefined {
  const out = op.results[0];
  if (out?.kind !== 'tensor') return undefined;
  const steps: { label: string; result: OpEstimateResult }[] = [{ label: 'matmul', result: matmul }];
  if (bias?.kind === 'tensor')
    steps.push({ label: 'bias add', result: estimateBinary(stepOp(op, 'ttnn.add', [out, bias], [out]), ctx) });
  if (hasActivation)
    steps.push({ label: 'activation', result: estimateUnary(stepOp(op, 'ttnn.unary', [out], [out]), ctx) });
  const programs: { label: string; est: OpEstimate }[] = [];
  for (const s of steps) {
    if (s.result.kind !== 'estimate')
      return { unmodeled: `${s.label}: ${s.result.kind === 'unmodeled' ? s.result.reason : s.result.kind}` };
    programs.push({ label: s.label, est: s.result });
  }
  const last = programs[programs.length - 1]!;
  // Each result but the last program's is freed once the next program has run; the one before the last program is
  // its input, live while it runs. A result freed above a newer one leaves a hole (nothing moves the newer one up).
  const intermediates = programs.slice(0, -1).map(({ label, est }, i): L1Intermediate => ({
    role: `${label} result`,
    bytesPerCore: resultBytesPerCore,
    liveDuringProgram: i === programs.length - 2,
    freedLeavesHole: true,
    writerProgram: programOf({ label, result: est }, est),
  }));
  return { intermediates, lastProgram: programOf({ label: last.label, result: last.est }, last.est) };
}

/**
 * The program config `estimateMatmul` sizes for `op` (the IR's, else tt-metal's auto config) with what a config search
 * needs (Kt, operand sharding, fp32 accumulation), or why there is none. Same inputs as the estimator above.
 */
export function matmulConfigInUse(
  op: TtnnOp,
  ctx: EstimateContext,
):
  | {
      config: MatmulConfig;
      auto: boolean;
      kt: number;
      operandsSharded: boolean;
      outSharded: boolean;
      fp32DestAcc: boolean;
    }
  | string {
  const aT = resolveTensor(op.operands[0], 'a');
  const bT = resolveTensor(op.operands[1], 'b');
  const outT = resolveTensor(op.results[0], 'result');
  if (typeof aT === 'string') return aT;
  if (typeof bT === 'string') return bT;
  if (typeof outT === 'string') return outT;
  const [, deviceCols] = ctx.device.workerGrid;
  const a = facts(aT, propBool(op, 'transpose_a') === true, deviceCols);
  const b = facts(bT, propBool(op, 'transpose_b') === true, deviceCols);
  const out = facts(outT, false, deviceCols);
  const flags = matmulComputeFlags(op, outT.dtype, ctx);
  const kt = a.padded[a.padded.length - 1] / TILE_HW;
  const common = {
    kt,
    operandsSharded: a.sharding !== 'interleaved' || b.sharding !== 'interleaved',
    outSharded: out.sharding !== 'interleaved',
    fp32DestAcc: flags.fp32,
  };
  const explicit = op.properties['matmul_program_config'] ?? op.properties['program_config'];
  if (explicit !== undefined && explicit.kind === 'dialect') {
    const parsed = parseMatmulConfig(explicit, ctx.device.workerGrid);
    return typeof parsed === 'string' ? parsed : { config: parsed, auto: false, ...common };
  }
  const biasSpec = op.name === 'ttnn.linear' ? op.operands[2] : undefined;
  const bias = biasSpec !== undefined && biasSpec.kind === 'tensor' ? resolveTensor(biasSpec, 'bias') : undefined;
  const biasTileBytes = bias !== undefined && typeof bias !== 'string' ? tileBytes(bias.dtype) : 0;
  const biasRows = bias !== undefined && typeof bias !== 'string' ? paddedBiasRows(bias) : TILE_HW;
  const sel = selectAutoConfig(
    a,
    b,
    out,
    outT,
    biasTileBytes,
    biasRows,
    flags.fp32,
    ctx,
    propBool(op, 'transpose_a') === true,
  );
  return 'illegal' in sel ? sel.illegal : { config: sel.config, auto: true, ...common };
}

/**
 * matmul_device_operation.cpp@7dde75c (PR #40172, validate's in0 reuse): a batch-1 a against a batched b passes under
 * an explicit MatmulMultiCoreReuseMultiCast1DProgramConfig with fuse_batch and mcast_in0 false and no fused activation,
 * both operands rank 4 and not sharded, differing only on dim 1 with a[1] = 1.
 */
function explicitIn0Reuse(op: TtnnOp, a: OperandFacts, b: OperandFacts, ctx: EstimateContext): boolean {
  const explicit = op.properties['matmul_program_config'] ?? op.properties['program_config'];
  if (explicit === undefined || explicit.kind !== 'dialect') return false;
  if (!explicit.name.endsWith('matmul_multi_core_reuse_multi_cast_1d_program_config')) return false;
  const f = explicit.fields;
  if (f['fuse_batch'] !== 'false' || f['mcast_in0'] !== 'false') return false;
  if (f['fused_activation'] !== undefined && f['fused_activation'] !== '') return false;
  if (a.padded.length !== 4 || b.padded.length !== 4) return false;
  if (a.sharding !== 'interleaved' || b.sharding !== 'interleaved') return false;
  if (a.padded[1] !== 1 || a.padded[0] !== b.padded[0]) return false;
  // Asked last, so only an op it can change splits a build window there.
  return atOrAfter(ctx, 'matmul-1d-per-operand-batch');
}
