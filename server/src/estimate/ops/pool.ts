/**
 * L1 estimates for `ttnn.max_pool2d`, `ttnn.max_pool2d_with_indices`, `ttnn.avg_pool2d` (the sliding-window pool2d
 * factory) and `ttnn.upsample` (nearest, interleaved).
 *
 * Pool2d formula (bytes per core; all CBs on every core of the shard grid):
 *   parallel config: the input's sharding, else auto shard: height / width / block by `determine_valid_parallel_config`
 *     (conv's determine_parallel_config with C_align 32, no channel padding, shard height a tile multiple only for a
 *     tiled output), the smallest `calculate_L1_usage` wins (ties to height, then width)                      [1][2]
 *     By build [11]: no auto shard before change point pool-auto-shard-l1-ranked (height sharded), and until
 *     pool-parallel-config-half-tile-units it skips schemes whose channels per core are neither 16 nor a multiple of
 *     32; the parallel config's units per era in `poolParallelConfig`.
 *   n_c = 1 (height), cores (width), grid columns (block); in_ntiles_c = ceil(C / n_c / 32);
 *   rows = kH·kW if ≤ 16 else 32; MAX = 1 with indices, 4 for large-kernel avg pools, else 8; wide = in_ntiles_c > MAX
 *   in_cb = (indices: MAX·1024; wide: MAX·32·rows; else in_ntiles_c·32·rows) elements rounded up to 1024     [1]
 *   CBs: scalar 2·1024·B (+ a second one for avg pools needing per-element scalars); clear value 1024·B;
 *     in_0 and in_1 (split reader) 2·in_cb·B each; indices: 5·1024·2 + 1024·B (by build [12]); tiled output: pre-tilize
 *     in_ntiles_c·1024·B. With config_tensors_in_dram, from change point pool-config-tensors-in-dram (before it
 *     the configs are L1_SMALL-backed, 0 B) [10]: a reader-index CB after the clear value, before the input CBs (so
 *     in_0 starts at its end rounded up to the alignment), shard_h·6 + 2 B (from change point
 *     pool-reader-indices-actual-page the DRAM config page, 2 B · the longest core's index list; auto shard keeps the
 *     worst case), and, last, shard_h·6 B of avg scalar config when scalars are per element; the halo gets the flag
 *     too (halo.ts: its four config CBs at their DRAM pages).
 *     The output shard (and the index shard) are tensor-backed                                                [1]
 *   output shard: round_up(N·OH·OW, cores_nhw · (32 for a tiled output, else 1)) / cores_nhw sticks: a row-major
 *     output is not rounded to the tile height (1 stick per core for 100 outputs on 100 cores, not 32)          [7]
 *   B = datum bytes of the halo output (halo.ts haloStickDtype: bfp8 → bf16, other dtypes by build).
 *   The pool program takes its input, the halo output, as bfloat16 only (pool_op.cpp validate, every build): an f32
 *   input is illegal in every build, other non-bf16 inputs where the halo keeps their dtype (halo.ts)            [9]
 *
 * L1 tensors before the program (`l1Intermediates`, checked one allocation at a time by analysis/overflow.ts)      [4][5]
 *   1. resharded input, when the input is not already sharded: shard height ceil(N·H·W / cores_nhw) (a tile multiple
 *      for a tiled input), width C snapped in total to cores_c · 8 (row-major: the 16 B L1 alignment over the 2 B
 *      bf16 element, whatever the dtype) or cores_c · 32 (tiled), then split evenly over cores_c (= ceil(C / cores_c)
 *      rounded up to 8 per core) [4][8]; freed right after the halo when the input was in DRAM (from change point
 *      pool-dram-input-reshard-freed; before it the reshard is held, tt-metal #24944) or deallocate_input, else held
 *      until the op returns;
 *   2. halo output, held while the pool program runs: the output sticks split into shards of ceil(NHW_out / cores_nhw)
 *      (a tile multiple for a tiled output); a core needs the padded input (N·Hp·Wp, batch-major) from its first
 *      output's window origin to its last output's window end; the halo shard is the widest such span, × shard width
 *      × B.
 *   3. the pool's own output shard (and index shard) when the result is not that shard: generic_pools.cpp moves the
 *      output to the result's memory config after the program, so the shard is an L1 tensor of its own meanwhile.
 *   In-place halo (in_place_halo = true, from change point halo-in-place to halo-in-place-removed, PR #31516) on a
 *   resharded input whose shard has no more sticks than the halo shard (else the plain halo runs)              [6]:
 *   the halo frees the resharded input and allocates its output in its place (`replacesPrevious`); its program's
 *   static CBs: pad stick + slow-untilize temp CB (tiled input wider than 8 tiles: ntiles bf16 tiles) + remote temp CB
 *   of max_ref_size sticks (halo.ts haloMaxRemoteSticks) + two 2 B sync CBs. An input already sharded in L1: unmodeled
 *   (the caller's own tensor is freed).
 *
 * Upsample (nearest, integer scale, interleaved input):                                                      [3]
 *   row-major: split_work_to_cores(grid, N·H·W sticks); c_0 = (2 if a core gets ≠ 1 stick else 1) pages of
 *     round_up(C·elem, DRAM alignment); tiled: units = tile rows, c_0 = Wt (×2) input tiles, c_1 the same in output tiles.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/pool/pool_utils.cpp (calculate_L1_usage, get_factory_parameters,
 *       determine_pool_config_for_auto_shard; index id 342725637), mirrored by
 *       …/pool/generic/device/pool_multi_core_program_factory.cpp@002a3f4
 *   [2] tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@002a3f4 (determine_parallel_config)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_program_factory_multicore_interleaved.cpp@003a561
 *   [4] tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp (pool2d_L1: to_memory_config of an unsharded
 *       input with get_pool_input_memory_config's shard spec, halo, then `input_tensor_sharded.deallocate` when the
 *       input was in DRAM or deallocate_input)@465a425; the DRAM-slicing path runs this once unless slices are set
 *   [5] tt-metal ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp (generate_shard_boundaries, the halo's
 *       per-core input range; not read at a commit here; shared with conv2d in halo.ts): the span rule above reproduces the halo allocations tt-metal
 *       printed in threads #35223, #35261/#35431 and #36803, and the reshard rule those of #35115/#36802 and #36803's
 *       "allocated" figure, all to the byte (test/unit/analysis/threads.test.ts).
 *   [6] tt-metal PR #19834 (reland of #19056); ttnn/cpp/ttnn/operations/sliding_window/halo/device/
 *       untilize_with_halo_program_factory.cpp@02a3583 (inplace_untilize_with_halo_multi_core), halo_device_operation.cpp
 *       (search index id 3901799785: input deallocated, fallback when in_nsticks > max_out_nsticks) and
 *       sliding_window.cpp (id 3923747601: generate_inplace_halo_kernel_config_tensors' max_ref_size). Thread #21305's
 *       Blackhole figure is matched up to the unobserved 2025-04 Blackhole base (threads.test.ts).
 *   [8] tt-metal generic_pools.cpp@465a425 (get_pool_input_memory_config: round_up(channels, num_cores_c ·
 *       input_channels_alignment), alignment = TILE_WIDTH tiled, l1_alignment / bf16 size row-major) and its mid-2025
 *       version (search index id 8043796329: round_up(padded width, num_cores_c · 8), 8 hard-coded for row-major);
 *       conv2d_utils.cpp (index id 3509439101: create_sharded_memory_config_from_parallel_config, channel_shard =
 *       width / num_cores_channels). The 2024 version (index id 53892019625) sharded C / cores_c unsnapped, before the
 *       modeled window.
 *   [9] tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_op.cpp (validate: "Only BFLOAT16 supported for now",
 *       from PR #15561, 3584ac9, to @622c6fb of 2026-06-23); change points halo-output-bf16-unless-f32 and
 *       halo-output-keeps-uint16 for the halo output's dtype
 *   [7] tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@465a425 (pool2d_L1: output_shard_height_padded
 *       = round_up(out_nhw, num_cores_nhw · (is_out_tiled ? TILE_HEIGHT : 1)) / num_cores_nhw, the output memory
 *       config's shard height); the same rounding in the device op's compute_output_specs from
 *       ttnn/cpp/ttnn/operations/pool/generic/device/pool_op.cpp@0183cc8 (early 2025: tiled only for a bfloat8_b
 *       output) through the 2025 "pool output is row major" version (search index id 3579891975) to the output_layout
 *       version (id 920078013): the rule never changed, so no change point.
 *   [10] tt-metal PR #35212 (67a560408f, 2026-01-14): pool_multi_core_program_factory.cpp@67a560408f (CB creation
 *       order scalar, scalar 2, clear value, raw input, reader indices, in_0, in_1, …, pre-tilize, output, scalar
 *       config; the reader-index and scalar-config CBs unbacked at their worst cases with config_tensor_in_dram; the
 *       same order at @622c6fb), generic_pools.cpp@67a560408f (ttnn::halo(…, is_out_tiled, config_tensor_in_dram);
 *       the halo's input is the resharded or given shard), untilize_with_halo_program_factory.cpp@67a560408f (num_cores_x
 *       of the tied-transfer NoC order = the input shard grid's width)
 *   [11] tt-metal PR #18601 (conv2d_utils.cpp@a74b197eef and its parent: determine_parallel_config's units and
 *       set_shard_width_to_half_tile_if_possible), PR #23668 (generic_pools.cpp / pool_utils.cpp@3380016a0e and its
 *       parent: the height default, determine_pool_config_for_auto_shard, determine_valid_parallel_config), PR #24898
 *       (generic_pools.cpp@70060010fc: is_in_tiled as is_shard_width_tile_multiple), PR #26448
 *       (conv2d_utils.cpp / pool_utils.cpp@7ef2d0a0d0: units of 16, no validity check); the factory's CBs before
 *       mid-2025 were not read by era (approx)
 *   [12] tt-metal pool_multi_core_program_factory.cpp, return_indices CBs: @37967f4424 (PR #29071: in_idx and pack_tmp
 *       of nbytes·1024, pack_idx_tmp and three increment tiles of index_nbytes·1024; PR #27138's first form,
 *       @5965834630, had the same 12,288 B: two double-buffered index input CBs and two temporaries), @966d61f815
 *       (PR #35216: + compute_tmp_idx, + two intra-kernel increments when kernel_hw > 32, or > 16 with a partial last
 *       channel tile), @3ddcbb3538 (PR #35491: in_idx of index_nbytes; pool_utils.cpp get_index_data_type: uint32 when
 *       in_h·in_w > 65,535); the same 6 (+2) index tiles and one data tile in calculate_pool_cb_sizes@984f529e2f
 *   [13] Read span pool2d-factory-cbs-2025-09 (changePoints.ts READ_SPANS; first-parent main of nyoshifujiTT/tt-metal):
 *       get_factory_parameters and calculate_pool_cb_sizes@4a20c4b56b (PR #41050: the factory's inline CB sizes moved
 *       there unchanged; the auto-shard total the same sum) and every commit from 1a732feedf (2025-09-11) to
 *       622c6fb9c0 (2026-06-23) touching the pool factory, pool_utils.cpp, generic_pools.cpp, pool_op.cpp, the halo or
 *       sliding_window.cpp: the CBs move only at change points (pool-config-tensors-in-dram, pool-mpwi-*,
 *       pool-reader-indices-*, pool-output-face-pad; max_pool2d_with_indices is exact only from pool-mpwi-kernel-index,
 *       before which an index tensor is resharded and haloed too). `exact` there for an input already sharded in L1 whose shard
 *       width is the snapped width the halo output is sized with and whose result is the pool's own output shard; an
 *       interleaved input only inside read span pool2d-interleaved-input-2025-09 [16].
 *   [15] tt-metal pool_op.cpp / pool_utils.cpp, max_pool2d_with_indices validation: PR #27138 (5965834630), #29745
 *       (9b02e24864), #30329 (30ab409cc4), #34031 (c5d8862c9f), #35216 (966d61f815), #35491 (3ddcbb3538).
 *   [14] tt-metal PR #43280 (change point pool-output-face-pad): generic_pools.cpp@98acd847ac (output_c_padded with
 *       needs_tile_pad), pool_utils.cpp@98acd847ac (out_cb_npages from the shard width; the auto-shard memory config
 *       at cores_c · 16); before, generic_pools.cpp / pool_utils.cpp@3ddcbb3538.
 *
 *   [16] Read span pool2d-interleaved-input-2025-09 (changePoints.ts READ_SPANS): generic_pools.cpp@1a732feedf,
 *       @5410ab68a7 and git diff 5410ab68a7..2be027cffe~1 (the interleaved path: get_pool_input_memory_config, the
 *       flattening reshape and the block-float pad only for an unflattened or padded input, to_memory_config into the
 *       L1 shard, halo, the reshard freed for a DRAM input, ttnn::move, the pool, to_memory_config of the output);
 *       pool_utils.cpp determine_pool_config_for_auto_shard (get_memconfig: create_sharded_memory_config_from_parallel_
 *       config(…, TILE_HEIGHT), the same from 3380016a0e to 622c6fb9c0 but for the channel rounding of #43280) and
 *       calculate_L1_usage (align_buffer = round up to the DRAM alignment); move.cpp / move_program_factory.cpp@3d989c329c
 *       (move_sharded frees the source before allocating the destination; both CBs bound); the reshard program's CBs
 *       are interleaved_to_sharded's (memoryConfig.ts i2sScratchPageBytes).
 *
 * Assumptions: DRAM inputs are estimated as one slice (the pool DRAM slicing path is not modeled); ttnn::move of the
 *   halo output adds no L1 (move_sharded frees its source first [16]); the halo program's own CBs (halo.ts
 *   haloProgramCbBytesPerCore) are checked while its input and output are both allocated (`writerProgram`); the halo shard of an already
 *   sharded input uses C snapped as above, not the input's own shard width. Sharded nearest upsample is not modeled;
 *   bilinear upsample: upsampleBilinear.ts.
 * Worked example: max_pool2d 1x1x12544x64 bf16 (112x112, C 64, k3 s2 p1 → 56x56), height sharded on 64 cores
 *   (as ResNet-18 runs it): in_ntiles_c = 2, rows = 9, in_cb = 2·32·9 = 576 → 1024 elements: scalar 4,096 + clear
 *   2,048 + in_0 4,096 + in_1 4,096 = 14,336 B (row-major output: no pre-tilize CB). From a DRAM input: resharded
 *   input 12,544 / 64 = 196 rows · 128 B = 25,088 B, then the halo output: 49 outputs per core, the widest span one
 *   output row down and 8 columns back: (2·1 + 2)·114 + (−2·8 + 2) + 1 = 443 padded-input sticks · 128 B = 56,704 B.
 */

import type { DataType } from '../../ttnn/dtype';
import { itemValue, wordOf } from '../../ttnn/dialectFields';
import { TILE_ELEMENTS, elementBytes, tileBytes } from '../../ttnn/dtype';
import { type TensorLayout, alignUp } from '../../ttnn/layout';
import type { PropValue, TensorSpec, TtnnOp } from '../../ttnn/op';
import {
  CbSpec,
  ResolvedTensor,
  finishProgram,
  fmtBytes,
  gridArea,
  outputsInL1,
  propBool,
  propInt,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import { firstSplitRange, shardGridFirstRange } from '../printedRange';
import type {
  CoreRangeXY,
  EstimateContext,
  L1Intermediate,
  L1SmallBuffer,
  OpEstimate,
  OpEstimateResult,
  Writable,
  WriterProgram,
} from '../types';
import { illegal, unmodeled } from '../types';
import { atNewestBuild, atOrAfter, readSpanCite, windowWithinReadSpan } from '../changePoints';
import { specWith, stepOp } from './composite';
import { estimateReduction } from './reduction';
import {
  ConvProblem,
  ParallelConfig,
  ShardScheme,
  determineParallelConfig,
  hwInts,
  readerIndicesWordsPerCore,
  rowWiseBox,
} from './conv2d';
import {
  HaloProgramInput,
  InPlaceHaloGeometry,
  haloConfigL1SmallBuffers,
  haloDramConfigPageBytes,
  haloElementBytes,
  haloMaxRemoteSticks,
  haloProgramCbBytesPerCore,
  haloStickDtype,
  haloSticksPerCore,
  inPlaceHaloProgramCbBytesPerCore,
} from './halo';
import { estimateBilinearUpsample } from './upsampleBilinear';
import { i2sScratchPageBytes } from './memoryConfig';

const CITES = {
  usage:
    'tt-metal ttnn/cpp/ttnn/operations/pool/pool_utils.cpp (calculate_L1_usage, get_factory_parameters, determine_pool_config_for_auto_shard; index id 342725637)',
  factory: 'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_multi_core_program_factory.cpp@002a3f4',
  parallel: 'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@002a3f4 (determine_parallel_config)',
  invoke:
    'tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@465a425 (pool2d_L1, get_pool_input_memory_config; output shard height round_up(out_nhw, cores_nhw · (tiled ? 32 : 1)) / cores_nhw)',
  halo: 'tt-metal ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp (generate_shard_boundaries; span rule checked against threads #35223, #35261, #36803); halo program CBs: ttnn/cpp/ttnn/operations/sliding_window/halo/device/untilize_with_halo_program_factory.cpp@02a3583',
  inPlaceHalo:
    'tt-metal PR #19834; untilize_with_halo_program_factory.cpp@02a3583 (inplace_untilize_with_halo_multi_core); sliding_window.cpp (search index id 3923747601, max_ref_size)',
  upsample:
    'tt-metal ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_program_factory_multicore_interleaved.cpp@003a561, @686ea5d25a and @622c6fb9c0; upsample_op.cpp@686ea5d25a~1 and @30605c4198, upsample_device_operation.cpp@622c6fb9c0 (validate)',
  autoShardValid:
    'tt-metal ttnn/cpp/ttnn/operations/pool/pool_utils.cpp@3380016a0e (determine_valid_parallel_config: channels / num_cores_c must be 16 or a multiple of 32), generic_pools.cpp@3380016a0e (TT_FATAL when no scheme is valid); the check gone at @7ef2d0a0d0 (PR #26448)',
  mpwiValidate:
    'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_op.cpp (validate_pool2d with return_indices: @5965834630 kernel 9 sticks and H·W within uint16, @9b02e24864 a row-major output, @30ab409cc4 at most 9, @c5d8862c9f at most 32, @966d61f815 no kernel limit, @3ddcbb3538 uint32 indices), pool_utils.cpp@5965834630..966d61f815~1 (get_factory_parameters: TT_FATAL for return_indices with is_large_kernel)',
  descriptorMismatch:
    'tt-metal PR #43305, pool_multi_core_program_factory.cpp@761e21dca0 (reader-index CB at max_reader_indices_size; TT_FATAL "Local CB size mismatch: actual {} != expected {}"), fixed by PR #44064 (09e2e4ab83)',
  validate:
    'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_op.cpp@3c6ee52 (validate: input dtype BFLOAT16, "Only BFLOAT16 supported for now"; the same check from PR #15561 to @622c6fb, 2026-06); the input is the halo output (generic_pools.cpp pool2d_L1), halo_device_operation.cpp (its dtype by build)',
} as const;

export interface PoolShape {
  readonly batch: number;
  readonly channels: number;
  readonly inputH: number;
  readonly inputW: number;
  readonly outputH: number;
  readonly outputW: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly padH: number;
  readonly padW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly ceilPadH: number;
  readonly ceilPadW: number;
}

function poolShape(op: TtnnOp): PoolShape | string {
  const batch = propInt(op, 'batch_size');
  const channels = propInt(op, 'channels');
  const inputH = propInt(op, 'input_height');
  const inputW = propInt(op, 'input_width');
  const k = hwInts(op, 'kernel_size', 'kernel');
  const s = hwInts(op, 'stride', 'stride') ?? [1, 1];
  const d = hwInts(op, 'dilation', 'dilation') ?? [1, 1];
  const p = hwInts(op, 'padding', 'padding') ?? [0, 0];
  if (
    batch === undefined ||
    channels === undefined ||
    inputH === undefined ||
    inputW === undefined ||
    k === undefined ||
    k.length !== 2
  ) {
    return 'batch_size, channels, input_height, input_width or kernel_size attribute missing';
  }
  // tt-mlir: 2 values (pH, pW) or 4 (top, left, bottom, right).
  const [pt, pl, pb, pr] = p.length === 4 ? [p[0], p[1], p[2], p[3]] : [p[0] ?? 0, p[1] ?? 0, p[0] ?? 0, p[1] ?? 0];
  const ceilMode = propBool(op, 'ceil_mode') ?? false;
  const dim = (inp: number, kk: number, ss: number, dd: number, pad: number): { out: number; ceilPad: number } => {
    const eff = (kk - 1) * dd + 1;
    const span = inp + pad - eff;
    const out = (ceilMode ? Math.ceil(span / ss) : Math.floor(span / ss)) + 1;
    const ceilPad = ceilMode ? Math.max(0, (out - 1) * ss + eff - (inp + pad)) : 0;
    return { out, ceilPad };
  };
  const h = dim(inputH, k[0], s[0] ?? 1, d[0] ?? 1, pt + pb);
  const w = dim(inputW, k[1], s[1] ?? 1, d[1] ?? 1, pl + pr);
  if ([batch, channels, inputH, inputW, k[0], k[1]].some((v) => !(v > 0)) || !(h.out > 0) || !(w.out > 0))
    return 'pool attributes must be positive';
  return {
    batch,
    channels,
    inputH,
    inputW,
    outputH: h.out,
    outputW: w.out,
    kernel: [k[0], k[1]],
    stride: [s[0] ?? 1, s[1] ?? 1],
    dilation: [d[0] ?? 1, d[1] ?? 1],
    padH: pt + pb,
    padW: pl + pr,
    padTop: pt,
    padLeft: pl,
    ceilPadH: h.ceilPad,
    ceilPadW: w.ceilPad,
  };
}

interface PoolFlavor {
  readonly avg: boolean;
  readonly returnIndices: boolean;
  readonly oneScalarPerCore: boolean;
  /** count_include_pad (tt-metal's default true): the avg pool's divisor counts the padding. */
  readonly countIncludePad: boolean;
  readonly outputTiled: boolean;
  readonly configInDram: boolean;
}

/** `calculate_L1_usage` for one parallel config: CB list plus the output shard (tensor-backed). */
function poolCbs(
  shape: PoolShape,
  flavor: PoolFlavor,
  inputDtype: DataType,
  outputDtype: DataType,
  pc: ParallelConfig,
  ctx: EstimateContext,
  forAutoShardRanking: boolean,
  readerIndicesPageBytes?: number,
): { cbs: CbSpec[]; cbBytes: number; outputShardBytes: number } {
  const nbytes = haloElementBytes(inputDtype, ctx);
  const nShardsC = pc.coresC;
  const inNtilesC = Math.ceil(shape.channels / nShardsC / 32);
  const kernelHw = shape.kernel[0] * shape.kernel[1];
  const rows = kernelHw <= 16 ? kernelHw : 32;
  const large = isLargeKernel(shape, nShardsC);
  const maxTiles = flavor.returnIndices ? 1 : flavor.avg && large ? 4 : 8;
  const wide = inNtilesC > maxTiles;
  const inCbElems = flavor.returnIndices
    ? maxTiles * TILE_ELEMENTS
    : wide
      ? maxTiles * 32 * rows
      : inNtilesC * 32 * rows;
  const inCbPage = nbytes * alignUp(inCbElems, TILE_ELEMENTS);
  // The output shard height of pool2d's sharded output memory config: ceil(NHW_out / cores_nhw) sticks, rounded to a
  // tile multiple only for a tiled output (a row-major output keeps the bare quotient) [7]. Auto shard ranks with
  // get_memconfig's shard instead, whatever the output layout [16].
  const shardH = forAutoShardRanking
    ? poolRankingShardSticks(shape, pc)
    : poolOutputShardSticks(shape, pc, flavor.outputTiled);
  const cbs: CbSpec[] = [{ index: 0, role: 'scalar', nPages: 2, pageBytes: TILE_ELEMENTS * nbytes }];
  if (flavor.avg && !flavor.oneScalarPerCore)
    cbs.push({ index: 1, role: 'scalar (second reader)', nPages: 2, pageBytes: TILE_ELEMENTS * nbytes });
  cbs.push({ index: 2, role: 'clear value', nPages: 1, pageBytes: TILE_ELEMENTS * nbytes });
  // Config tensors in DRAM (change point pool-config-tensors-in-dram): the reader-index CB is created here, before the
  // input CBs, so the next CB starts at its end rounded up to the alignment: the worst case of 3 words per output stick
  // + 2 B, or the DRAM page the caller passes (change point pool-reader-indices-actual-page) [10].
  if (flavor.configInDram)
    cbs.push({
      index: 8,
      role: 'reader indices (config in DRAM)',
      nPages: 1,
      pageBytes: readerIndicesPageBytes ?? shardH * 6 + 2,
    });
  cbs.push({ index: 3, role: 'input (reader 0)', nPages: 2, pageBytes: inCbPage });
  cbs.push({ index: 4, role: 'input (reader 1)', nPages: 2, pageBytes: inCbPage });
  if (flavor.returnIndices) {
    // max_pool2d_with_indices' index tiles [12]: in_idx, pack_idx_tmp and the three increment tiles; from change point
    // pool-mpwi-large-kernel-cbs a compute temporary, and two intra-kernel increments for a large kernel; from
    // pool-mpwi-32-bit-indices uint32 index tiles (4 B) for an input of more than 65,535 sticks per image.
    const moreCbs = atOrAfter(ctx, 'pool-mpwi-large-kernel-cbs');
    const indexTiles = 5 + (moreCbs ? 1 + (large ? 2 : 0) : 0);
    const indexBytes = mpwiIndexBytes(shape, ctx);
    cbs.push({
      index: 5,
      role: `index temporaries (${indexTiles} index tiles)`,
      nPages: indexTiles,
      pageBytes: indexBytes * TILE_ELEMENTS,
    });
    cbs.push({ index: 6, role: 'pack temporary', nPages: 1, pageBytes: nbytes * TILE_ELEMENTS });
  }
  if (flavor.outputTiled)
    cbs.push({ index: 7, role: 'pre-tilize', nPages: 1, pageBytes: inNtilesC * TILE_ELEMENTS * nbytes });
  // Output CB pages: whole tiles of the shard (rounded down), or sticks of 16 channels (B = the halo's datum size) [14].
  const shardW = poolOutputShardWidth(shape.channels, nShardsC, flavor.outputTiled, forAutoShardRanking, ctx);
  const outputShardBytes = flavor.outputTiled
    ? Math.floor((shardH * shardW) / TILE_ELEMENTS) * tileBytes(outputDtype)
    : shardH * shardW * nbytes;
  cbs.push({ index: 16, role: 'output (sharded)', nPages: 1, pageBytes: outputShardBytes, tensorBacked: true });
  // max_pool2d_with_indices' index output: the same sticks of index words (calculate_pool_cb_sizes@984f529e2f).
  if (flavor.returnIndices)
    cbs.push({
      index: 17,
      role: 'output indices (sharded)',
      nPages: 1,
      pageBytes: shardH * shardW * mpwiIndexBytes(shape, ctx),
      tensorBacked: true,
    });
  // An avg pool's per-element scalar config in DRAM: the last CB, at its worst case of 3 words per output stick [10].
  if (flavor.configInDram && !flavor.oneScalarPerCore)
    cbs.push({ index: 9, role: 'avg scalar config (config in DRAM)', nPages: 1, pageBytes: shardH * 6 });
  const cbBytes = cbs.reduce((n, c) => n + (c.tensorBacked === true ? 0 : c.nPages * c.pageBytes), 0);
  return { cbs, cbBytes, outputShardBytes };
}

/** Bytes of one max_pool2d_with_indices index: uint32 from change point pool-mpwi-32-bit-indices for an input of more
 *  than 65,535 sticks per image (get_index_data_type), else uint16 [12]. */
function mpwiIndexBytes(shape: PoolShape, ctx: EstimateContext): number {
  return shape.inputH * shape.inputW > 65_535 && atOrAfter(ctx, 'pool-mpwi-32-bit-indices') ? 4 : 2;
}

/** get_factory_parameters' is_large_kernel: more window sticks than one reduction's rows (32, or 16 when the last
 *  channel tile of a shard, C / cores_c rounded down, holds at most 16 channels) (pool_utils.cpp@3ddcbb3538). */
function isLargeKernel(shape: PoolShape, coresC: number): boolean {
  const perShardC = Math.floor(shape.channels / coresC);
  const lastPartial = perShardC % 32 !== 0 && perShardC % 32 <= 16;
  return shape.kernel[0] * shape.kernel[1] > (lastPartial ? 16 : 32);
}

/**
 * max_pool2d_with_indices' own rejections before the program, by build [15]: the input's H·W must fit uint16 indices
 * until change point pool-mpwi-32-bit-indices; the output must be row-major from pool-mpwi-row-major-output; the kernel
 * must have 9 sticks, then at most 9 (pool-mpwi-kernel-up-to-9), then at most 32 (pool-mpwi-kernel-up-to-32), with no
 * limit from pool-mpwi-large-kernel-cbs, which also lifts get_factory_parameters' large-kernel rejection.
 */
function mpwiRejection(shape: PoolShape, outputTiled: boolean, ctx: EstimateContext): string | undefined {
  const hw = shape.inputH * shape.inputW;
  if (hw > 65_535 && !atOrAfter(ctx, 'pool-mpwi-32-bit-indices'))
    return `Input HW ${hw} will overflow uint16 indices max 65535`;
  if (outputTiled && atOrAfter(ctx, 'pool-mpwi-row-major-output'))
    return 'Only ROW_MAJOR supported when return_indices is true';
  if (atOrAfter(ctx, 'pool-mpwi-large-kernel-cbs')) return undefined;
  const [kh, kw] = shape.kernel;
  if (atOrAfter(ctx, 'pool-mpwi-kernel-up-to-32')) {
    if (kh * kw > 32) return `only kernel sizes less than or equal to 32 are supported, got ${kh}x${kw}`;
  } else if (atOrAfter(ctx, 'pool-mpwi-kernel-up-to-9')) {
    if (kh * kw > 9) return `only kernel sizes less than or equal to 9 are supported, got ${kh}x${kw}`;
  } else if (kh * kw !== 9) return `only kernel sizes equal to 9 are supported, got ${kh}x${kw}`;
  return undefined;
}

function asConvProblem(shape: PoolShape, outputTiled: boolean): ConvProblem {
  // determine_parallel_config only reads these fields (channels in = out, no override, row-major orientation).
  return {
    batch: shape.batch,
    inChannels: shape.channels,
    outChannels: shape.channels,
    inputH: shape.inputH,
    inputW: shape.inputW,
    outputH: shape.outputH,
    outputW: shape.outputW,
    kernel: shape.kernel,
    stride: [1, 1],
    padding: [0, 0, 0, 0],
    dilation: [1, 1],
    groups: 1,
    hasBias: false,
    inputDtype: 'bf16',
    outputDtype: 'bf16',
    weightsDtype: 'bf16',
    inputL1BytesPerCore: 0,
    inputLayout: {
      kind: 'layout',
      pageLayout: outputTiled ? 'tile' : 'row_major',
      dtype: 'bf16',
      bufferType: 'l1',
      memoryLayout: 'interleaved',
      gridShape: [1, 1],
      coreRanges: undefined,
      shardShape: [1, 1],
      syntax: 'ttnn_layout',
    },
    config: {
      weightsDtype: undefined,
      actBlockHOverride: 0,
      actBlockWDiv: 1,
      shardLayout: undefined,
      reshardIfNotOptimal: false,
      transposeShards: false,
      outputLayout: 'tile',
      actDoubleBuffer: false,
      weightsDoubleBuffer: false,
      fullInnerDim: false,
      configTensorsInDram: false,
      deallocateActivation: false,
      reallocateHaloOutput: true,
      enableSplitReader: false,
      present: false,
    },
    fp32DestAcc: false,
    packerL1Acc: false,
    path: 'l1',
    slices: undefined,
    transposed: false,
  };
}

/** The first shard scheme an `applied_shard_scheme` attribute (`#ttnn.tensor_memory_layout<height_sharded>`) names. */
function appliedShardScheme(applied: PropValue | undefined): ShardScheme | undefined {
  const count = applied?.kind === 'dialect' ? applied.items.length : 0;
  for (let i = 0; i < count; i++) {
    const w = wordOf(itemValue(applied, i));
    if (w === 'height_sharded' || w === 'width_sharded' || w === 'block_sharded') return w;
  }
  return undefined;
}

/**
 * `determine_valid_parallel_config` (conv2d_utils.cpp determine_parallel_config with the pool's flags), by build [11]:
 *   from change point pool-parallel-config-half-tile-units: shard height a tile multiple only for tiled outputs,
 *     channels in units of 32 for a tiled input or output, else 16;
 *   from pool-parallel-config-shard-units to it: N·H·W in single rows, channels in tiles of 32, and a width / block
 *     channel core count doubled to half-tile (16-channel) shards when every core got one tile and twice the cores
 *     fit (the grid for width, a grid row for block), except for a tiled input from
 *     pool-parallel-config-tiled-whole-tiles;
 *   before: is_out_tiled = false, so N·H·W rounded up to 32 and counted in rows, channels counted one by one.
 */
function poolParallelConfig(
  shape: PoolShape,
  scheme: ShardScheme,
  inputTiled: boolean,
  outputTiled: boolean,
  grid: { x: number; y: number },
  ctx: EstimateContext,
  applied = false,
): ParallelConfig {
  if (!atOrAfter(ctx, 'pool-parallel-config-shard-units'))
    return determineParallelConfig(asConvProblem(shape, false), scheme, 32, grid, true, {
      tileH: 1,
      tileW: 1,
      rowsOfNhwTile: true,
    });
  if (atOrAfter(ctx, 'pool-parallel-config-half-tile-units'))
    return determineParallelConfig(
      asConvProblem(shape, outputTiled),
      scheme,
      poolChannelBlock(scheme, inputTiled, applied, ctx),
      grid,
      true,
      {
        tileH: outputTiled ? 32 : 1,
        tileW: inputTiled || outputTiled ? 32 : 16,
      },
    );
  const pc = determineParallelConfig(asConvProblem(shape, false), scheme, 32, grid, true, { tileH: 1, tileW: 32 });
  if (scheme === 'height_sharded' || (inputTiled && atOrAfter(ctx, 'pool-parallel-config-tiled-whole-tiles')))
    return pc;
  const maxCoresC = scheme === 'width_sharded' ? grid.x * grid.y : grid.x;
  if (Math.ceil(Math.ceil(shape.channels / 32) / pc.coresC) !== 1 || 2 * pc.coresC > maxCoresC) return pc;
  const coresC = 2 * pc.coresC;
  return scheme === 'width_sharded'
    ? { ...pc, nCores: coresC, coresC, box: rowWiseBox(coresC, grid.x) }
    : { ...pc, nCores: coresC * pc.coresNhw, coresC, box: [coresC, pc.coresNhw] };
}

/**
 * The input_channels_alignment determine_parallel_config splits block sharding's input channels by (input_channels_blocks
 * = ceil(C / it)): TILE_WIDTH for auto shard (determine_valid_parallel_config) in every build; for an applied scheme
 * from change point pool-applied-scheme-l1-alignment (PR #32157, get_pool_input_memory_config) a row-major input's
 * l1_alignment / 2 B = 8 channels, before it TILE_WIDTH too (generic_pools.cpp@fa00323117 and its parent). Only block
 * sharding reads it, so only a row-major block-sharded applied scheme asks the change point.
 */
function poolChannelBlock(scheme: ShardScheme, inputTiled: boolean, applied: boolean, ctx: EstimateContext): number {
  if (!applied || inputTiled || scheme !== 'block_sharded') return 32;
  return atOrAfter(ctx, 'pool-applied-scheme-l1-alignment') ? ctx.device.l1AlignmentBytes / 2 : 32;
}

/** Auto shard's validity check from change point pool-auto-shard-l1-ranked to pool-parallel-config-half-tile-units:
 *  a scheme whose channels per core (C / cores_c, rounded down) are neither 16 nor a multiple of 32 is skipped [11]. */
function poolChannelsPerCoreValid(shape: PoolShape, pc: ParallelConfig): boolean {
  const perCore = Math.floor(shape.channels / pc.coresC);
  return perCore === 16 || perCore % 32 === 0;
}

export function estimatePool2d(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const shape = poolShape(op);
  if (typeof shape === 'string') return unmodeled(op.name, shape);
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  // In-place halo (tt-metal PR #19834, the reland of PR #19056; tt-mlir's own lowering always passes
  // in_place_halo = false, TTIRToTTNN.cpp@19c86fc): see poolIntermediates.
  // in_place_halo was removed by PR #31516 (halo-in-place-removed): from then on a pool that asks for it runs the plain
  // halo.
  const inPlaceHalo =
    (propBool(op, 'in_place_halo') ?? false) &&
    atOrAfter(ctx, 'halo-in-place') &&
    !atOrAfter(ctx, 'halo-in-place-removed');
  const avg = op.name === 'ttnn.avg_pool2d';
  const returnIndices = op.name === 'ttnn.max_pool2d_with_indices';
  if (avg && atOrAfter(ctx, 'avg-pool2d-global-reduce')) {
    const global = globalAvgPoolGate(op, shape, input, ctx);
    if (global.path === 'fast path') return estimateGlobalAvgPoolReduce(op, shape, input, ctx);
    if (global.path === 'rejected') return illegal(op.name, global.rule, CITE_GLOBAL_REDUCE);
  }
  // The pool program's input is the halo output, which it takes as bfloat16 only (pool_op.cpp validate, from PR #15561
  // through pool_op.cpp@622c6fb): an f32 input in every build, and other non-bf16 ones in the builds whose halo keeps
  // them (halo.ts haloStickDtype), are rejected.
  const haloDtype = haloStickDtype(input.dtype, ctx);
  if (haloDtype !== 'bf16')
    return illegal(
      op.name,
      `a ${input.dtype} input reaches the pool program as a ${haloDtype} halo output: "Only BFLOAT16 supported for now"`,
      CITES.validate,
    );
  const countIncludePad = propBool(op, 'count_include_pad') ?? true;
  const divisorOverride = propInt(op, 'divisor_override');
  const ceilMode = propBool(op, 'ceil_mode') ?? false;
  const oneScalarPerCore =
    !avg ||
    divisorOverride !== undefined ||
    ((!ceilMode || (shape.ceilPadH === 0 && shape.ceilPadW === 0)) &&
      (countIncludePad || (shape.padH === 0 && shape.padW === 0)));
  const flavor: PoolFlavor = {
    avg,
    returnIndices,
    oneScalarPerCore,
    countIncludePad,
    outputTiled: out.layout.pageLayout === 'tile',
    // The pools take the flag from change point pool-config-tensors-in-dram; before it their configs are L1_SMALL.
    configInDram: (propBool(op, 'config_tensors_in_dram') ?? false) && atOrAfter(ctx, 'pool-config-tensors-in-dram'),
  };
  const mpwiRejected = returnIndices ? mpwiRejection(shape, flavor.outputTiled, ctx) : undefined;
  if (mpwiRejected !== undefined) return illegal(op.name, mpwiRejected, CITES.mpwiValidate);
  const grid = { x: ctx.device.workerGrid[1], y: ctx.device.workerGrid[0] };
  const inScheme = input.layout.memoryLayout;
  let pc: ParallelConfig;
  let why: string;
  let forcedScheme: ShardScheme | undefined;
  const alreadySharded =
    input.layout.bufferType === 'l1' &&
    (inScheme === 'height_sharded' || inScheme === 'width_sharded' || inScheme === 'block_sharded');
  if (alreadySharded && inPlaceHalo)
    return unmodeled(
      op.name,
      "in_place_halo = true on an input already sharded in L1: the in-place halo frees the caller's input tensor and puts the halo output in its place, which the live-tensor accounting does not model",
    );
  if (alreadySharded) {
    const [rows, cols] = input.layout.gridShape;
    const n = rows * cols;
    pc =
      inScheme === 'height_sharded'
        ? { scheme: inScheme, nCores: n, coresNhw: n, coresC: 1, box: rowWiseBox(n, grid.x) }
        : inScheme === 'width_sharded'
          ? { scheme: inScheme, nCores: n, coresNhw: 1, coresC: n, box: rowWiseBox(n, grid.x) }
          : { scheme: inScheme, nCores: n, coresNhw: rows, coresC: cols, box: [cols, rows] };
    why = `input already ${inScheme} on ${n} cores`;
  } else {
    const applied = op.properties['applied_shard_scheme'];
    const forced = appliedShardScheme(applied);
    forcedScheme = forced;
    // Before change point pool-auto-shard-l1-ranked an unsharded input with no scheme given is height sharded [11].
    const autoRanked = forced === undefined && atOrAfter(ctx, 'pool-auto-shard-l1-ranked');
    const options: ShardScheme[] =
      forced !== undefined
        ? [forced]
        : autoRanked
          ? ['height_sharded', 'width_sharded', 'block_sharded']
          : ['height_sharded'];
    const checkChannels = autoRanked && !atOrAfter(ctx, 'pool-parallel-config-half-tile-units');
    const sized = [];
    for (const s of options) {
      const p = poolParallelConfig(
        shape,
        s,
        input.layout.pageLayout === 'tile',
        flavor.outputTiled,
        grid,
        ctx,
        forced !== undefined,
      );
      if (checkChannels && !poolChannelsPerCoreValid(shape, p)) continue;
      const r = poolCbs(shape, flavor, input.dtype, out.dtype, p, ctx, true);
      // calculate_L1_usage's total: the local CBs and the output shard, plus max_pool2d_with_indices' index shard
      // (pool_utils.cpp@5965834630 through calculate_pool_cb_sizes@984f529e2f: out_idx_cb in the total).
      // Both shards through align_buffer (round up to the DRAM alignment) [16].
      const indexShardBytes = r.cbs.find((c) => c.role === 'output indices (sharded)')?.pageBytes ?? 0;
      const dramAlign = ctx.device.dramAlignmentBytes;
      sized.push({
        s,
        p,
        total: r.cbBytes + alignUp(r.outputShardBytes, dramAlign) + alignUp(indexShardBytes, dramAlign),
      });
    }
    if (sized.length === 0)
      return illegal(
        op.name,
        `"autosharding could not determine valid shard scheme, please check tensor dimensions": ${shape.channels} channels split over no scheme's cores into 16 or a multiple of 32 per core`,
        CITES.autoShardValid,
      );
    // tt-metal keeps height unless another is strictly smaller; width before block.
    let best = sized[0]!;
    for (const c of sized.slice(1)) if (c.total < best.total) best = c;
    pc = best.p;
    why =
      forced !== undefined
        ? `applied_shard_scheme ${forced}`
        : !autoRanked
          ? 'no applied_shard_scheme: height sharded (no auto shard before tt-metal PR #23668)'
          : `auto shard (${sized.map((c) => `${c.s.replace('_sharded', '')} ${fmtBytes(c.total)}`).join(', ')}) → ${best.s}`;
  }
  if (returnIndices && isLargeKernel(shape, pc.coresC) && !atOrAfter(ctx, 'pool-mpwi-large-kernel-cbs'))
    return illegal(
      op.name,
      'Currently only small full width max pool is supported with return_indices',
      CITES.mpwiValidate,
    );
  // Auto shard (calculate_L1_usage) ranks with the worst-case reader-index page; the factory sizes the CB to the
  // built config tensor's page from change point pool-reader-indices-actual-page.
  const readerIndicesPageBytes =
    flavor.configInDram && atOrAfter(ctx, 'pool-reader-indices-actual-page')
      ? poolReaderIndicesPageBytes(shape, pc, flavor.outputTiled)
      : undefined;
  const { cbs, cbBytes, outputShardBytes } = poolCbs(
    shape,
    flavor,
    input.dtype,
    out.dtype,
    pc,
    ctx,
    false,
    readerIndicesPageBytes,
  );
  // Between change points pool-reader-indices-descriptor-worst-case and pool-reader-indices-actual-page-restored the
  // factory creates the reader-index CB at its worst case but checks the local CBs' plain sum against the prediction
  // at the DRAM page: any other page fails its self-check.
  if (
    readerIndicesPageBytes !== undefined &&
    atOrAfter(ctx, 'pool-reader-indices-descriptor-worst-case') &&
    !atOrAfter(ctx, 'pool-reader-indices-actual-page-restored')
  ) {
    const worstCase = poolCbs(shape, flavor, input.dtype, out.dtype, pc, ctx, false);
    if (worstCase.cbBytes !== cbBytes)
      return illegal(
        op.name,
        `Local CB size mismatch: actual ${worstCase.cbBytes} != expected ${cbBytes}`,
        CITES.descriptorMismatch,
      );
  }
  const intermediates = poolIntermediates(op, shape, input, flavor, pc, alreadySharded, inPlaceHalo, ctx);
  // The pool program writes its own sharded output (and index output); when the result is not that shard,
  // generic_pools.cpp moves it to the result's memory config afterwards [7][14]: the shard is then an L1 tensor of its
  // own, live while the pool program runs (the move's program is not modeled).
  const resultIsOwnShard = resultIsPoolOutputShard(
    out,
    pc,
    poolOutputShardSticks(shape, pc, flavor.outputTiled),
    shape.channels,
    ctx,
  );
  if (!resultIsOwnShard) {
    intermediates.push({
      role: 'pool output shard (moved to the result after)',
      bytesPerCore: outputShardBytes,
      liveDuringProgram: true,
    });
    const indexCb = returnIndices ? cbs.find((c) => c.role === 'output indices (sharded)') : undefined;
    if (indexCb !== undefined)
      intermediates.push({
        role: 'pool index shard (moved to the result after)',
        bytesPerCore: indexCb.pageBytes,
        liveDuringProgram: true,
      });
  }
  // Exact inside read span pool2d-factory-cbs-2025-09 when no input is assumed: an input already sharded in L1 (no
  // reshard, auto shard or DRAM slicing) whose shard width is the snapped channel width the halo output is sized with,
  // and a result that is the pool's own output shard (no move after).
  // Exact inside read span pool2d-interleaved-input-2025-09 for an interleaved input [16]: auto shard (or a height /
  // width applied scheme, whose parallel config ignores the channel alignment), an input already flattened to
  // [1, 1, N·H·W, C] whose channels need no padding to the snapped width (no reshape, no ttnn::pad), and a result that
  // is the pool's own shard or DRAM-interleaved (the move after it binds its CBs to the shard and allocates no L1).
  const interleavedInputExact =
    !alreadySharded &&
    input.layout.memoryLayout === 'interleaved' &&
    (input.layout.bufferType === 'dram' || input.layout.bufferType === 'l1') &&
    forcedScheme !== 'block_sharded' &&
    input.logical.length === 4 &&
    input.logical[0] === 1 &&
    input.logical[1] === 1 &&
    shape.channels % (pc.coresC * (input.layout.pageLayout === 'tile' ? 32 : 8)) === 0 &&
    (resultIsOwnShard || (out.layout.bufferType === 'dram' && out.layout.memoryLayout === 'interleaved')) &&
    windowWithinReadSpan(
      ctx,
      input.layout.bufferType === 'l1' ? 'pool2d-l1-interleaved-input-2025-09' : 'pool2d-interleaved-input-2025-09',
    );
  const exact =
    !inPlaceHalo &&
    (!returnIndices || atOrAfter(ctx, 'pool-mpwi-kernel-index')) &&
    ((alreadySharded &&
      windowWithinReadSpan(ctx, 'pool2d-factory-cbs-2025-09') &&
      inputShardWidthIsSnapped(shape, input, pc) &&
      resultIsOwnShard) ||
      interleavedInputExact);
  const intermediateNotes = intermediates.map((t) => `${t.role} ${fmtBytes(t.bytesPerCore)} per core`);
  const est = finishProgram({
    op,
    ctx,
    factory: `Pool2D MultiCore (${pc.scheme})`,
    factoryReason: `${why}; ${pc.nCores} cores (${pc.coresNhw} along NHW × ${pc.coresC} along C); output ${shape.outputH}x${shape.outputW}`,
    grid: [pc.box[1], pc.box[0]],
    groups: [{ name: 'shard cores', nCores: pc.nCores, firstCore: [0, 0] }],
    cbs,
    ...(exact
      ? { confidence: 'exact' as const }
      : {
          confidence: 'approx' as const,
          approxReason: alreadySharded
            ? "pool2d factory CBs read commit by commit only for builds 2025-09-11..2026-06-23 (read span pool2d-factory-cbs-2025-09), with the input's shard width the snapped channel width and the result the pool's own output shard (else a to_memory_config of the output follows, not modeled)"
            : "pool2d on an input not already sharded in L1 is read commit by commit only for builds 2025-09-11..2026-02-09 (read span pool2d-interleaved-input-2025-09; to 2026-06-23 for an L1 input, read span pool2d-l1-interleaved-input-2025-09: an interleaved input flattened to [1, 1, N·H·W, C] with channels a multiple of the snapped width, auto shard or a height / width scheme, the result the pool's own shard or DRAM-interleaved); from tt-metal PR #35774 (2026-02-10) a DRAM input takes the automatic DRAM slicer (not modeled)",
        }),
    citations: [
      CITES.usage,
      CITES.factory,
      CITES.parallel,
      CITES.invoke,
      CITES.halo,
      ...(inPlaceHalo ? [CITES.inPlaceHalo] : []),
      ...(exact ? [readSpanCite('pool2d-factory-cbs-2025-09')] : []),
      ...(interleavedInputExact
        ? [
            readSpanCite(
              input.layout.bufferType === 'l1'
                ? 'pool2d-l1-interleaved-input-2025-09'
                : 'pool2d-interleaved-input-2025-09',
            ),
          ]
        : []),
    ],
    notes: [`pool output shard ${fmtBytes(outputShardBytes)} per core (tensor-backed)`, ...intermediateNotes],
    l1Intermediates: intermediates,
  });
  const l1Small = flavor.configInDram
    ? []
    : poolL1SmallBuffers(shape, input, flavor, pc, alreadySharded, inPlaceHalo, ctx);
  // In place (finishProgram's estimate is made just now and not yet shared), not a spread copy of every pool estimate.
  if (l1Small.length > 0) (est as Writable<OpEstimate>).l1SmallBuffers = l1Small;
  return est;
}

/**
 * The buffers a pool allocates in L1_SMALL without `config_tensors_in_dram` (always before change point
 * pool-config-tensors-in-dram), in order: its halo's four config tensors (halo.ts haloDramConfigPageBytes: the rows
 * tt-metal also pages the DRAM ones by), then the pool program's reader indices (pool_multi_core_program_factory.cpp:
 * one block per core, `poolReaderIndicesPageBytes`; before change point conv2d-reader-indices-segments one index per
 * output stick of a shard), then an avg pool's per-element scalar config (change point avg-pool2d-scalar-config,
 * `avgPoolScalarRunsPerCore`), each a {1, row} uint16 shard per core of the pool's grid, L1-aligned. The in-place
 * halo's configs (another generator) are not counted (fewer bytes than there are).
 */
function poolL1SmallBuffers(
  shape: PoolShape,
  input: ResolvedTensor,
  flavor: PoolFlavor,
  pc: ParallelConfig,
  alreadySharded: boolean,
  inPlaceHalo: boolean,
  estimateCtx: EstimateContext,
): L1SmallBuffer[] {
  // Answered at the window's newest build, splitting nothing (conv2d.ts convL1SmallBuffers).
  const ctx = atNewestBuild(estimateCtx);
  const align = ctx.device.l1AlignmentBytes;
  const banks = pc.nCores;
  const out: L1SmallBuffer[] = [];
  const inTiled = input.layout.pageLayout === 'tile';
  const outputShardSticks = poolOutputShardSticks(shape, pc, flavor.outputTiled);
  if (!inPlaceHalo) {
    const inputSticks = shape.batch * shape.inputH * shape.inputW;
    const shardH = alreadySharded
      ? shardRowSticks(input.layout)
      : alignUp(inputSticks, pc.coresNhw * (inTiled ? 32 : 1)) / pc.coresNhw;
    const pages = haloDramConfigPageBytes(
      {
        geometry: poolHaloGeometry(shape),
        outputSticksPerShard: outputShardSticks,
        inputSticksPerShard: shardH,
        gridColumns: pc.scheme === 'height_sharded' ? pc.box[0] : 0,
      },
      inTiled,
    );
    out.push(...haloConfigL1SmallBuffers(pages, align, banks));
  }
  const readerBytes = atOrAfter(ctx, 'conv2d-reader-indices-segments')
    ? poolReaderIndicesPageBytes(shape, pc, flavor.outputTiled)
    : 2 * (outputShardSticks + (outputShardSticks % 2));
  out.push({ role: 'pool reader indices', bytesPerBank: alignUp(readerBytes, align), banks });
  // The avg pool's per-element scalars, after the reader indices (pool_multi_core_program_factory.cpp@622c6fb
  // create_workload_descriptor; the same order at @67a560408f^): a {1, 3 · max_scalars_cnt} uint16 shard per core of
  // the input's grid.
  if (flavor.avg && !flavor.oneScalarPerCore && atOrAfter(ctx, 'avg-pool2d-scalar-config')) {
    const runs = avgPoolScalarRunsPerCore(shape, flavor.countIncludePad, pc, outputShardSticks);
    out.push({ role: 'avg pool scalar config', bytesPerBank: alignUp(2 * 3 * runs, align), banks });
  }
  return out;
}

/**
 * `max_scalars_cnt` of tt-metal's avg-pool scalar config (pool_multi_core_program_factory.cpp@622c6fb
 * create_scalar_config_tensor, get_bf16_avg_pool_config_scalars; the same at @7d751099a4, the asymmetric-padding
 * form): for each NHW core (every core when height sharded, grid rows when block sharded, one pass when width sharded),
 * the runs of equal pool area over `maxOutNhwPerCore` output sticks from the core's first one (w fastest, h wrapping
 * at the output height), the most runs of any core. The pool area is the window clipped to the padded input (ceil
 * padding never counts): with count_include_pad the whole clipped window, else its part inside the input. The next
 * core starts `maxOutNhwPerCore` sticks on; once that reaches the batch's end, tt-metal takes the remainder but restarts
 * h and w at 0 (its loop resets them, not the remainder), which is kept here.
 */
export function avgPoolScalarRunsPerCore(
  shape: PoolShape,
  countIncludePad: boolean,
  pc: ParallelConfig,
  maxOutNhwPerCore: number,
): number {
  const [kH, kW] = shape.kernel;
  const [sH, sW] = shape.stride;
  const padT = shape.padTop;
  const padL = shape.padLeft;
  const padB = shape.padH - padT;
  const padR = shape.padW - padL;
  const { outputH, outputW, inputH, inputW, batch } = shape;
  const passes = pc.scheme === 'width_sharded' ? 1 : pc.scheme === 'block_sharded' ? pc.coresNhw : pc.nCores;
  const area = (h: number, w: number): number => {
    const hStart = h * sH - padT;
    const wStart = w * sW - padL;
    const hEnd = Math.min(hStart + kH, inputH + padB);
    const wEnd = Math.min(wStart + kW, inputW + padR);
    if (countIncludePad) return (hEnd - hStart) * (wEnd - wStart);
    const eh = Math.min(hEnd, inputH) - Math.max(hStart, 0);
    const ew = Math.min(wEnd, inputW) - Math.max(wStart, 0);
    return eh > 0 && ew > 0 ? eh * ew : 0;
  };
  let most = 0;
  let nhw = 0;
  let h = 0;
  let w = 0;
  for (let core = 0; core < passes; core++) {
    let runs = 0;
    let last = -1;
    let ch = h;
    let cw = w;
    for (let i = 0; i < maxOutNhwPerCore; i++) {
      const a = area(ch, cw);
      if (a !== last) runs++;
      last = a;
      cw = (cw + 1) % outputW;
      if (cw === 0) ch = (ch + 1) % outputH;
    }
    most = Math.max(most, runs);
    if (pc.scheme === 'width_sharded') break;
    nhw += maxOutNhwPerCore;
    w = nhw % outputW;
    h = Math.floor(nhw / outputW) % outputH;
    const n = Math.floor(nhw / (outputW * outputH));
    if (n === batch) {
      nhw -= n * outputW * outputH;
      h = 0;
      w = 0;
    }
  }
  return most;
}

/**
 * The L1 tensors pool2d allocates before its program [4]: the input resharded to the pool's parallel config when it
 * is not already sharded (freed after the halo when the input was in DRAM or `deallocate_input`, else held to the
 * end), then the halo output, held while the pool program runs.
 */
function poolIntermediates(
  op: TtnnOp,
  shape: PoolShape,
  input: ResolvedTensor,
  flavor: PoolFlavor,
  pc: ParallelConfig,
  alreadySharded: boolean,
  inPlaceHalo: boolean,
  ctx: EstimateContext,
): L1Intermediate[] {
  const outputTiled = flavor.outputTiled;
  const inTiled = input.layout.pageLayout === 'tile';
  const nbytes = haloElementBytes(input.dtype, ctx);
  // Channels snapped to cores·alignment: a tile for tiled inputs, else L1 alignment (16 B) in bf16 elements.
  const cAlign = inTiled ? 32 : 8;
  const shardW = alignUp(shape.channels, pc.coresC * cAlign) / pc.coresC;
  const out: L1Intermediate[] = [];
  const haloSticks = poolHaloSticksPerCore(shape, pc, outputTiled);
  const haloBytesPerCore = haloSticks * shardW * nbytes;
  const outputShardSticks = poolOutputShardSticks(shape, pc, outputTiled);
  const inputSticks = shape.batch * shape.inputH * shape.inputW;
  // Sticks per core of the halo's input: the resharded input's shard height, or an L1-sharded input's own.
  const shardH = alreadySharded
    ? shardRowSticks(input.layout)
    : alignUp(inputSticks, pc.coresNhw * (inTiled ? 32 : 1)) / pc.coresNhw;
  const haloProgram: HaloProgramInput = {
    tiled: inTiled,
    dtype: input.dtype,
    shardWidth: shardW,
    inputSticks,
    coresNhw: pc.coresNhw,
    // generic_pools passes config_tensor_in_dram to its halo (change point pool-config-tensors-in-dram); the halo's
    // NoC order of tied transfers follows the input shard grid's columns (height sharded) [10].
    ...(flavor.configInDram && {
      dramConfigs: {
        geometry: poolHaloGeometry(shape),
        outputSticksPerShard: outputShardSticks,
        inputSticksPerShard: shardH,
        gridColumns: pc.scheme === 'height_sharded' ? pc.box[0] : 0,
      },
    }),
  };
  if (!alreadySharded) {
    const bytesPerCore = inTiled
      ? ((shardH * shardW) / TILE_ELEMENTS) * tileBytes(input.dtype)
      : shardH * shardW * (elementBytes(input.dtype) ?? 2);
    // The reshard is to_memory_config's interleaved_to_sharded into the L1 shard (no dtype change): its output CB is the
    // shard itself, its one unbound CB the four-page alignment scratch of memoryConfig.ts [16].
    const scratchPageBytes = i2sScratchPageBytes(
      ctx,
      inTiled ? tileBytes(input.dtype) : shardW * (elementBytes(input.dtype) ?? 2),
      input.layout.bufferType === 'dram',
    );
    const reshardProgram: WriterProgram = {
      name: 'reshard (interleaved_to_sharded)',
      cbBytesPerCore: 4 * (scratchPageBytes ?? 0),
      printedRange: haloPrintedRange(pc, input, false, ctx),
      factory: 'InterleavedToShardedProgramFactory',
    };
    // In-place halo [6]: only while the input shard has no more sticks than the halo output shard (else tt-metal falls
    // back to the separate-buffer halo). The halo frees the resharded input and allocates its output in its place.
    if (inPlaceHalo && shardH <= haloSticks) {
      out.push({ role: 'resharded pool input', bytesPerCore, liveDuringProgram: false, writerProgram: reshardProgram });
      const maxRemoteSticks = haloMaxRemoteSticks(poolHaloGeometry(shape), outputShardSticks, shardH);
      out.push({
        role: 'halo output (in place)',
        bytesPerCore: haloBytesPerCore,
        liveDuringProgram: true,
        replacesPrevious: true,
        writerProgram: {
          name: `in-place halo (remote temp CB of ${maxRemoteSticks} sticks)`,
          cbBytesPerCore: inPlaceHaloProgramCbBytesPerCore({ ...haloProgram, maxRemoteSticks }, ctx),
          printedRange: haloPrintedRange(pc, input, alreadySharded, ctx),
        },
      });
      return out;
    }
    // A DRAM input's reshard is freed only from change point pool-dram-input-reshard-freed; before it, only an explicit
    // deallocate_input (the attribute came with the same PR, so older IR does not carry it).
    const freedAfterHalo =
      (input.layout.bufferType === 'dram' && atOrAfter(ctx, 'pool-dram-input-reshard-freed')) ||
      (propBool(op, 'deallocate_input') ?? false);
    // Freed after the halo; the halo output is moved up over it unless reallocate_halo_output is off (tt-mlir's
    // attribute, default true like tt-metal's pool2d argument): then a hole stays above the halo output [4].
    const freedLeavesHole = freedAfterHalo && !(propBool(op, 'reallocate_halo_output') ?? true);
    out.push({
      role: 'resharded pool input',
      bytesPerCore,
      liveDuringProgram: !freedAfterHalo,
      writerProgram: reshardProgram,
      ...(freedLeavesHole && { freedLeavesHole }),
    });
  }
  out.push({
    role: 'halo output',
    bytesPerCore: haloBytesPerCore,
    liveDuringProgram: true,
    writerProgram: {
      name: 'halo (untilize_with_halo)',
      cbBytesPerCore: haloProgramCbBytesPerCore(haloProgram, ctx),
      printedRange: haloPrintedRange(pc, input, alreadySharded, ctx),
    },
  });
  return out;
}

/**
 * The first CoreRange of the halo program's CBs: both halo factories create every CB on all_cores = the halo output's
 * shard grid (untilize_with_halo_program_factory.cpp@02a3583), the pool's parallel config — an already-sharded
 * input's own grid, a block config's rectangle, else num_cores_to_corerangeset(n, grid, row-wise) (full rows first).
 * tt-metal #21305 prints (0,0)-(12,6) for 100 height shards on 13 columns, tt-mlir #6441 (0,0)-(7,7) for 64.
 */
function haloPrintedRange(
  pc: ParallelConfig,
  input: ResolvedTensor,
  alreadySharded: boolean,
  ctx: EstimateContext,
): CoreRangeXY {
  const deviceCols = ctx.device.workerGrid[1];
  if (alreadySharded) return shardGridFirstRange(input.layout, deviceCols);
  if (pc.scheme === 'block_sharded')
    return [
      [0, 0],
      [pc.box[0] - 1, pc.box[1] - 1],
    ];
  // Row-wise: merging the ranges (cb-core-ranges-merged) changes nothing.
  return firstSplitRange(pc.nCores, ctx.device.workerGrid, 'row', false);
}

/** Halo output sticks per core [5]: output shards of ceil(NHW_out / cores_nhw) sticks (a tile multiple for a tiled
 *  output), each spanning its windows over the padded input (ceil-mode padding included). */
function poolHaloSticksPerCore(shape: PoolShape, pc: ParallelConfig, outputTiled: boolean): number {
  return haloSticksPerCore(poolHaloGeometry(shape), poolOutputShardSticks(shape, pc, outputTiled));
}

/**
 * The DRAM reader-indices config tensor's page, in bytes: pool2d builds its indices with
 * generate_sliding_window_op_config(op_trace_metadata, shard_boundaries, stride_w) and its defaults (is_conv false: one
 * block per core; pad_cores: every row as long as the longest), one row per NHW core in DRAM
 * (pool_multi_core_program_factory.cpp, sliding_window.cpp@984f529e2f). The list has conv's layout, so conv2d.ts's
 * readerIndicesWordsPerCore counts it with a single block of the whole output shard. It never exceeds the factory's
 * TT_FATAL bound (2·(2 + 2·shard) ≤ 6·shard + 2 B for a shard of at least one stick).
 */
function poolReaderIndicesPageBytes(shape: PoolShape, pc: ParallelConfig, outputTiled: boolean): number {
  const shardSticks = poolOutputShardSticks(shape, pc, outputTiled);
  return 2 * readerIndicesWordsPerCore(poolHaloGeometry(shape), shardSticks, pc.coresNhw, [shardSticks, 0]);
}

/** The pool's window geometry for the halo (ceil-mode padding counted after the last row / column). */
function poolHaloGeometry(shape: PoolShape): InPlaceHaloGeometry {
  return {
    batch: shape.batch,
    inputH: shape.inputH,
    inputW: shape.inputW,
    padH: shape.padH + shape.ceilPadH,
    padW: shape.padW + shape.ceilPadW,
    padTop: shape.padTop,
    padLeft: shape.padLeft,
    kernel: shape.kernel,
    stride: shape.stride,
    dilation: shape.dilation,
    outputH: shape.outputH,
    outputW: shape.outputW,
  };
}

/** Output sticks per shard [7]: round_up(NHW_out, cores_nhw · (32 if the output is tiled else 1)) / cores_nhw; the
 *  pool output shard, its config tensors and the halo's output split all use it. */
/**
 * The output shard height auto shard ranks a scheme with [16]: determine_pool_config_for_auto_shard's get_memconfig
 * builds the output memory config with create_sharded_memory_config_from_parallel_config(…, TILE_HEIGHT) for every
 * output layout: N·H·W rounded up to cores_nhw · 32 for height and block sharding, the whole N·H·W for width sharding.
 */
function poolRankingShardSticks(shape: PoolShape, pc: ParallelConfig): number {
  const total = shape.batch * shape.outputH * shape.outputW;
  return pc.scheme === 'width_sharded' ? total : alignUp(total, pc.coresNhw * 32) / pc.coresNhw;
}

function poolOutputShardSticks(shape: PoolShape, pc: ParallelConfig, outputTiled: boolean): number {
  const total = shape.batch * shape.outputH * shape.outputW;
  return alignUp(total, pc.coresNhw * (outputTiled ? 32 : 1)) / pc.coresNhw;
}

/**
 * The pool output's shard width in channels [14]: round_up(C, cores_c · 32) / cores_c for a tiled output, else
 * round_up(C, cores_c · 16) / cores_c; from change point pool-output-face-pad a row-major shard whose widest channel
 * slice (ceil(C / cores_c)) ends in a partial tile of 1..15 channels after more than one face takes the tile rounding,
 * and auto shard's ranking (calculate_L1_usage) sizes a tiled output at the 16 rounding (before it, the 32).
 */
function poolOutputShardWidth(
  channels: number,
  coresC: number,
  outputTiled: boolean,
  forAutoShardRanking: boolean,
  ctx: EstimateContext,
): number {
  const facePad = atOrAfter(ctx, 'pool-output-face-pad');
  const perShard = Math.ceil(channels / coresC);
  const partialUnderFace = perShard % 32 > 0 && perShard % 32 < 16 && perShard > 16;
  const tileRounded = outputTiled
    ? !(forAutoShardRanking && facePad)
    : !forAutoShardRanking && facePad && partialUnderFace;
  return alignUp(channels, coresC * (tileRounded ? 32 : 16)) / coresC;
}

/** Whether the result is the L1 shard the pool program writes (same scheme, shard height and width), so no
 *  to_memory_config follows it (generic_pools.cpp pool2d_L1: memory_config != out_memory_config moves the output). */
function resultIsPoolOutputShard(
  out: ResolvedTensor,
  pc: ParallelConfig,
  shardSticks: number,
  channels: number,
  ctx: EstimateContext,
): boolean {
  const layout = out.layout;
  if (layout.bufferType !== 'l1' || layout.memoryLayout !== pc.scheme) return false;
  const tiled = layout.pageLayout === 'tile';
  const widthElems = (layout.shardShape[layout.shardShape.length - 1] ?? 0) * (tiled ? 32 : 1);
  return (
    shardRowSticks(layout) === shardSticks &&
    widthElems === poolOutputShardWidth(channels, pc.coresC, tiled, false, ctx)
  );
}

/** Whether an L1-sharded input's own shard width is the channel width the halo output is sized with (poolIntermediates). */
function inputShardWidthIsSnapped(shape: PoolShape, input: ResolvedTensor, pc: ParallelConfig): boolean {
  const dims = input.layout.shardShape;
  const inTiled = input.layout.pageLayout === 'tile';
  const widthElems = (dims[dims.length - 1] ?? 0) * (inTiled ? 32 : 1);
  return widthElems === alignUp(shape.channels, pc.coresC * (inTiled ? 32 : 8)) / pc.coresC;
}

/** Sticks per core of a sharded layout: its memref's rows (tile rows · 32 for a tiled layout). */
function shardRowSticks(layout: TensorLayout): number {
  const dims = layout.shardShape;
  let rows = 1;
  for (let i = 0; i < dims.length - 1; i++) rows *= dims[i]!;
  return layout.pageLayout === 'tile' ? rows * 32 : rows;
}

export function estimateUpsample(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  const mode = op.properties['mode'];
  const scale = op.properties['scale_factor'];
  const scales = scale?.kind === 'int' ? [scale.value] : scale?.kind === 'ints' ? scale.values : [];
  if (mode !== undefined && mode.kind === 'string' && mode.value === 'bilinear')
    return estimateBilinearUpsample(op, ctx, input, out, scales);
  if (mode !== undefined && mode.kind === 'string' && mode.value !== 'nearest')
    return unmodeled(op.name, `upsample mode "${mode.value}" is neither nearest nor bilinear (not modeled)`);
  if (input.layout.memoryLayout !== 'interleaved')
    return unmodeled(op.name, 'sharded upsample (multi-core sharded factory) is not modeled');
  if (scales.some((s) => !Number.isInteger(s)))
    return unmodeled(op.name, 'non-integer scale factors use the nearest-float factory (not modeled)');
  // The device op's validation by build: a row-major bfloat16 input only before change points
  // upsample-interleaved-tiled-input and upsample-nearest-any-dtype; a tiled input tile-aligned from the first (its
  // wording from upsample-tile-aligned-wording).
  const tiled = input.layout.pageLayout === 'tile';
  if (tiled && !atOrAfter(ctx, 'upsample-interleaved-tiled-input'))
    return illegal(op.name, 'Input tensor layout should be ROW_MAJOR', CITES.upsample);
  if (input.dtype !== 'bf16' && !atOrAfter(ctx, 'upsample-nearest-any-dtype'))
    return illegal(op.name, 'Input tensor data type should be BFLOAT16', CITES.upsample);
  if (tiled && !input.padded.every((d, i) => d === input.logical[i]))
    return illegal(
      op.name,
      atOrAfter(ctx, 'upsample-tile-aligned-wording')
        ? 'Tiled input must be tile-aligned (no padding difference)'
        : 'Only tile aligned tile input is currently supported',
      CITES.upsample,
    );
  // Exact inside the read span when the result is what the factory writes: row-major, interleaved, the input's dtype
  // (bfloat8_b → bfloat16).
  const exact =
    windowWithinReadSpan(ctx, 'upsample-nearest-interleaved') &&
    out.layout.pageLayout === 'row_major' &&
    out.layout.memoryLayout === 'interleaved' &&
    out.dtype === (input.dtype === 'bfp_bf8' ? 'bf16' : input.dtype);
  const confidence = exact
    ? ({ confidence: 'exact' as const } as const)
    : {
        confidence: 'approx' as const,
        approxReason:
          'interleaved nearest upsample read commit by commit for builds 2025-08-25..2026-06-23 only (read span upsample-nearest-interleaved), into a row-major interleaved result of the input dtype',
      };
  const citations = [CITES.upsample, ...(exact ? [readSpanCite('upsample-nearest-interleaved')] : [])];
  const area = gridArea(ctx);
  const p = input.padded;
  const last = p[p.length - 1] ?? 1;
  const volume = p.reduce((n, d) => n * d, 1);
  if (input.layout.pageLayout === 'tile') {
    const wt = last / 32;
    const tileRows = volume / last / 32;
    const split = splitWorkToCores(area, tileRows);
    const pages = wt * (split.maxUnitsPerCore === 1 ? 1 : 2);
    return finishProgram({
      op,
      ctx,
      factory: 'UpsampleMultiCoreInterleavedProgramFactory',
      factoryReason: `tiled input: ${tileRows} tile rows over ${split.nCores} cores; a row of ${wt} tiles per block`,
      groups: [{ name: 'all', nCores: split.nCores, firstCore: [0, 0] }],
      cbs: [
        { index: 0, role: 'input', nPages: pages, pageBytes: tileBytes(input.dtype) },
        { index: 1, role: 'output (untilized)', nPages: pages, pageBytes: tileBytes(out.dtype) },
      ],
      ...confidence,
      citations,
    });
  }
  const elem = elementBytes(input.dtype) ?? 2;
  const sticks = volume / last;
  const split = splitWorkToCores(area, sticks);
  const group1PerCore = split.maxUnitsPerCore;
  const pages = group1PerCore === 1 ? 1 : 2;
  return finishProgram({
    op,
    ctx,
    factory: 'UpsampleMultiCoreInterleavedProgramFactory',
    factoryReason: `row-major input: ${sticks} sticks over ${split.nCores} cores (${group1PerCore} on the first) → ${pages === 1 ? 'single' : 'double'}-buffered stick of ${last} elements`,
    groups: [{ name: 'all', nCores: split.nCores, firstCore: [0, 0] }],
    cbs: [
      {
        index: 0,
        role: 'input/output stick',
        nPages: pages,
        pageBytes: alignUp(last * elem, ctx.device.dramAlignmentBytes),
      },
    ],
    ...confidence,
    citations,
  });
}

/**
 * avg_pool2d as a global pool [r]: an interleaved (not sharded) input whose window covers the whole image with no
 *   padding is reduced by one pool_sum program (sum over the spatial rows with the 1/(kH·kW) scaler) instead of the
 *   reshard + halo + sliding-window pool; a sharded input keeps the sliding window (PR #44226: "direct avg_pool2d
 *   callers ... continue to hit the sharded-input gate"). Batch 1 on the flattened [1, 1, H·W, C] input is that
 *   pool_sum over dim −2 of the input itself ("no reshapes, just 1 device op"): sized as `ttnn.sum` over dim 2 like
 *   global_avg_pool2d below. A batch > 1 is first reshaped to [N, H, W, C] (not read: unmodeled).
 * [r] tt-metal PR #43820 (change point avg-pool2d-global-reduce; description of 2026-05-07) and PR #44226.
 */
const CITE_GLOBAL_REDUCE =
  'tt-metal PR #43820 (avg_pool2d: global pooling through pool_sum; change point avg-pool2d-global-reduce), generic_pools.cpp@1536dd481d (is_global_pool) and @f3678d3ce0 (PR #44275, change point avg-pool2d-global-reduce-sharded)';

type GlobalPoolPath =
  { readonly path: 'fast path' | 'sliding window' } | { readonly path: 'rejected'; readonly rule: string };
const FAST_PATH: GlobalPoolPath = { path: 'fast path' };
const SLIDING_WINDOW: GlobalPoolPath = { path: 'sliding window' };

/**
 * Which path avg_pool2d takes for a whole-image window [r]: kernel exactly H x W (strict: a larger kernel keeps the
 * sliding window and its validation), no padding, no dilation, no applied_shard_scheme; until change point
 * avg-pool2d-global-reduce-sharded also an interleaved input that is not bfloat8_b / bfloat4_b tiled, and the fast
 * path's own check that the padded N·H·W rows split evenly over the batch (a TT_FATAL, returned as the rule); from it a
 * sharded input is accepted (copied to interleaved first), a block-float tiled one only with H·W a tile multiple, and a
 * batch that does not split the padded rows takes the sliding window instead.
 */
function globalAvgPoolGate(op: TtnnOp, shape: PoolShape, input: ResolvedTensor, ctx: EstimateContext): GlobalPoolPath {
  const whole =
    shape.kernel[0] === shape.inputH &&
    shape.kernel[1] === shape.inputW &&
    shape.padH === 0 &&
    shape.padW === 0 &&
    shape.dilation[0] === 1 &&
    shape.dilation[1] === 1 &&
    appliedShardScheme(op.properties['applied_shard_scheme']) === undefined;
  if (!whole) return SLIDING_WINDOW;
  const blockFloatTile = (input.dtype === 'bfp_bf8' || input.dtype === 'bfp_bf4') && input.layout.pageLayout === 'tile';
  const p = input.padded;
  const paddedRows = p.slice(0, -1).reduce((n, d) => n * d, 1);
  const rowsSplit = paddedRows % shape.batch === 0;
  if (atOrAfter(ctx, 'avg-pool2d-global-reduce-sharded'))
    return rowsSplit && (!blockFloatTile || (shape.inputH * shape.inputW) % 32 === 0) ? FAST_PATH : SLIDING_WINDOW;
  if (input.layout.memoryLayout !== 'interleaved' || blockFloatTile) return SLIDING_WINDOW;
  return rowsSplit
    ? FAST_PATH
    : {
        path: 'rejected',
        rule: `Global pool fast path: padded spatial elements (${paddedRows}) must be divisible by batch_size (${shape.batch})`,
      };
}

function estimateGlobalAvgPoolReduce(
  op: TtnnOp,
  shape: PoolShape,
  input: ResolvedTensor,
  ctx: EstimateContext,
): OpEstimateResult {
  const [d0, d1] = input.logical;
  if (shape.batch !== 1 || input.logical.length !== 4 || d0 !== 1 || d1 !== 1)
    return unmodeled(
      op.name,
      `global avg_pool2d (kernel covers the ${shape.inputH}x${shape.inputW} input) runs pool_sum after a reshape to [N, 1, H·W, C] for batch ${shape.batch} or an unflattened input (${CITE_GLOBAL_REDUCE}): that path is not modeled`,
    );
  // A sharded input (from change point avg-pool2d-global-reduce-sharded) is copied to interleaved in the requested
  // output's buffer type first: sized on that copy, the copy itself not counted.
  const sharded = input.layout.memoryLayout !== 'interleaved';
  const out = resolveTensor(op.results[0], 'result');
  const reduced = sharded
    ? specWith(op.operands[0] as TensorSpec, {
        memoryLayout: 'interleaved',
        ...(typeof out !== 'string' && { bufferType: out.layout.bufferType }),
      })
    : op.operands[0]!;
  const sum = estimateReduction(
    stepOp(op, 'ttnn.sum', [reduced], [op.results[0]!], {
      dim_arg: { kind: 'ints', values: [2] },
      keep_dim: { kind: 'bool', value: true },
    }),
    ctx,
  );
  if (sum.kind !== 'estimate')
    return sum.kind === 'unmodeled'
      ? unmodeled(op.name, `global avg_pool2d, pool_sum over the spatial rows: ${sum.reason}`)
      : { ...sum, opName: op.name };
  return {
    ...sum,
    opName: op.name,
    factoryReason: `global avg_pool2d (kernel ${shape.kernel[0]}x${shape.kernel[1]} covers the ${shape.inputH}x${shape.inputW} input, no padding, interleaved input): one pool_sum over dim −2 instead of the halo and sliding window: ${sum.factoryReason}`,
    outputs: outputsInL1(op, ctx),
    confidence: 'approx',
    approxReason: [
      "pool_sum is sized with the reduction estimator's CB set",
      ...(sharded ? ['the interleaved copy of the sharded input is not counted'] : []),
      sum.approxReason,
    ]
      .filter((r) => r !== '')
      .join('; '),
    citations: [CITE_GLOBAL_REDUCE, ...sum.citations],
  };
}

/**
 * `ttnn.global_avg_pool2d` [g]: a rank-3 [H, W, C] input is viewed as [1, H, W, C] (same last two dims: no program),
 *   the [N, H, W, C] input is viewed as [N, 1, H·Wp, C] (Wp = W padded to the tile for a tiled input), then one
 *   pool_sum over dim −2 with a 1/(H·W) scaler, a generic reduce over H; the final reshape to [N, 1, 1, C] is a view.
 *   So the figure is that of `ttnn.sum` over dim 2 of the viewed tensor (reduction.ts, the H reduce: input 2, scaler
 *   1 bf16, output 2 tiles; row-major inputs go through tilize/untilize there). A rank-2 [H, W] input is reshaped to
 *   [1, H, W, 1], which moves data (not modeled); other ranks are rejected ("Input tensor must be rank 2, 3, or 4").
 * [g] tt-metal ttnn/cpp/ttnn/operations/pool/global_avg_pool/global_avg_pool.cpp@050f24f
 * Worked example: 1x7x7x2048 bf16 tiled → view 1x1x(7·32)x2048 → sum over H: 2·2,048 + 2,048 + 2·2,048 = 10,240 B.
 */
const CITE_GLOBAL_AVG_POOL = 'tt-metal ttnn/cpp/ttnn/operations/pool/global_avg_pool/global_avg_pool.cpp@050f24f';

export function estimateGlobalAvgPool2d(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  const rank = input.logical.length;
  if (atOrAfter(ctx, 'avg-pool2d-global-reduce')) {
    const viaAvgPool = globalAvgPoolAsAvgPool2d(op, input, ctx);
    if (viaAvgPool !== undefined) return viaAvgPool;
  }
  if (rank < 2 || rank > 4)
    return illegal(op.name, `Input tensor must be rank 2, 3, or 4, got rank ${rank}`, CITE_GLOBAL_AVG_POOL);
  if (rank === 2)
    return unmodeled(
      op.name,
      'rank-2 global_avg_pool2d reshapes [H, W] to [1, H, W, 1] first (a data-moving reshape): not modeled',
    );
  const padded = rank === 3 ? [1, ...input.padded] : input.padded;
  const logical = rank === 3 ? [1, ...input.logical] : input.logical;
  const [n, h, wPadded] = padded as [number, number, number, number];
  const c = logical[3]!;
  const viewed = specWith(op.operands[0] as TensorSpec, {
    dims: [n, 1, h * wPadded, c],
    memoryLayout: input.layout.memoryLayout,
  });
  const sum = estimateReduction(
    stepOp(op, 'ttnn.sum', [viewed], [op.results[0]!], {
      dim_arg: { kind: 'ints', values: [2] },
      keep_dim: { kind: 'bool', value: true },
    }),
    ctx,
  );
  if (sum.kind !== 'estimate')
    return sum.kind === 'unmodeled'
      ? unmodeled(op.name, `pool_sum over H: ${sum.reason}`)
      : { ...sum, opName: op.name };
  return {
    ...sum,
    opName: op.name,
    factoryReason: `pool_sum over H of the [${n}, 1, ${h * wPadded}, ${c}] view: ${sum.factoryReason}`,
    outputs: outputsInL1(op, ctx),
    confidence: 'approx',
    approxReason: ["the H reduce is sized with the reduction estimator's CB set", sum.approxReason]
      .filter((r) => r !== '')
      .join('; '),
    citations: [
      ...(atOrAfter(ctx, 'avg-pool2d-global-reduce')
        ? [CITE_GLOBAL_AVG_POOL_RUNTIME, CITE_GLOBAL_REDUCE]
        : [CITE_GLOBAL_AVG_POOL]),
      ...sum.citations,
    ],
  };
}

/**
 * `ttnn.global_avg_pool2d` from change point avg-pool2d-global-reduce [m]: tt-metal PR #43820 deleted
 * ttnn::global_avg_pool2d, and tt-mlir's runtime (PR #8408, its uplift to that tt-metal) runs ::ttnn::avg_pool2d on the
 * rank-4 [N, H, W, C] input with kernel (H, W), stride 1, no padding, then reshapes the result to [N, 1, 1, C]. When the
 * whole-image gate passes, the pool_sum is the view + sum of estimateGlobalAvgPool2d (undefined: the caller goes on);
 * else avg_pool2d's sliding window, sized by estimatePool2d, approx (the reshape after it is not counted).
 * [m] tt-mlir runtime/lib/ttnn/operations/pool/pool2d.cpp@d4792381ca (tt-mlir PR #8408, 2026-05-15).
 */
const CITE_GLOBAL_AVG_POOL_RUNTIME =
  'tt-mlir runtime/lib/ttnn/operations/pool/pool2d.cpp@d4792381ca (PR #8408: GlobalAvgPool2dOp runs ::ttnn::avg_pool2d with kernel (H, W), stride 1, no padding, then a reshape to [N, 1, 1, C]; "GlobalAvgPool2d expects a rank 4 input tensor"); tt-metal PR #43820 (ttnn::global_avg_pool2d deleted)';

function globalAvgPoolAsAvgPool2d(
  op: TtnnOp,
  input: ResolvedTensor,
  ctx: EstimateContext,
): OpEstimateResult | undefined {
  if (input.logical.length !== 4)
    return illegal(op.name, 'GlobalAvgPool2d expects a rank 4 input tensor', CITE_GLOBAL_AVG_POOL_RUNTIME);
  const [n, h, w, c] = input.logical as [number, number, number, number];
  const int = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });
  const pair = (a: number, b: number): PropValue => ({ kind: 'ints', values: [a, b] });
  const poolOp = stepOp(op, 'ttnn.avg_pool2d', [op.operands[0]!], [op.results[0]!], {
    batch_size: int(n),
    channels: int(c),
    input_height: int(h),
    input_width: int(w),
    kernel_size: pair(h, w),
    stride: pair(1, 1),
    padding: pair(0, 0),
    dilation: pair(1, 1),
  });
  const shape = poolShape(poolOp);
  if (typeof shape === 'string') return unmodeled(op.name, shape);
  const gate = globalAvgPoolGate(poolOp, shape, input, ctx);
  if (gate.path === 'fast path') return undefined;
  if (gate.path === 'rejected') return illegal(op.name, gate.rule, CITE_GLOBAL_REDUCE);
  const pool = estimatePool2d(poolOp, ctx);
  if (pool.kind !== 'estimate') return { ...pool, opName: op.name };
  return {
    ...pool,
    opName: op.name,
    factoryReason: `avg_pool2d with kernel ${h}x${w} (tt-mlir's runtime from tt-metal PR #43820), not the whole-image fast path: ${pool.factoryReason}`,
    confidence: 'approx',
    approxReason: [
      'the reshape of the avg_pool2d result to [N, 1, 1, C] is not counted',
      pool.confidence === 'approx' ? pool.approxReason : '',
    ]
      .filter((r) => r !== '')
      .join('; '),
    citations: [CITE_GLOBAL_AVG_POOL_RUNTIME, ...pool.citations],
  };
}
