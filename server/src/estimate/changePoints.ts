/**
 * The version axis: the one table of tt-metal factory changes that alter CB sizes or factory selection, and the
 * window of tt-metal builds an estimate is made for.
 *
 * Estimators branch only with `atOrAfter(ctx, id)`, never on raw dates, so every version-dependent rule is listed here.
 * A build window that straddles a change point an estimator asks about is split there by the registry
 * (`estimate/registry.ts`), which runs the estimator once per sub-window and reports the range of figures.
 */

import type { EstimateContext } from './types';

/** ISO calendar date, `YYYY-MM-DD`. ISO strings order like the dates they name. */
export type IsoDate = string;

/** Inclusive range of tt-metal build dates an analysis assumes. */
export interface TtMetalWindow {
  readonly earliest: IsoDate;
  readonly latest: IsoDate;
}

export interface ChangePoint {
  /** Op family the change affects, as the estimator files name it. */
  readonly family: string;
  /** Pull request that made the change: tenstorrent/tt-metal's, or `repo`'s when given (a tt-umd change reaches tt-metal
   *  with its next UMD submodule bump: dated by that, `approx` unless the bump was read). Absent only for a device fact
   *  whose change was not traced to a PR: then `seenIn` names the first build seen with it. */
  readonly pr?: number;
  /** For a device fact (family `device`) with no PR: the thread or build it was first seen in, which dates it. */
  readonly seenIn?: string;
  /** The PR's repository when it is not tt-metal: a tt-mlir runtime change of which ttnn call runs, or a tt-xla change of
   *  the options it opens the device with (dated by the merge; tt-xla pins a tt-mlir, which pins a tt-metal, of about
   *  the same date, so the build date stands for all three). */
  readonly repo?: 'tenstorrent/tt-mlir' | 'tenstorrent/tt-umd' | 'tenstorrent/tt-xla';
  /** Merge date: builds from this date on have the new behaviour. */
  readonly mergedOn: IsoDate;
  /** How sure the date is: 'merge' (merge commit date read), 'approx' (month known, day estimated). */
  readonly dateFrom: 'merge' | 'approx';
  readonly what: string;
  /** `path@commit` of the factory before and after the change (or reference notes). */
  readonly before: string;
  readonly after: string;
}

/**
 * Bounds of an inferred build window (a window never reaches outside them). Entries dated before the oldest (late-2024
 * PRs) are reached only by a configured tt-metal date.
 */
export const OLDEST_MODELED_BUILD: IsoDate = '2025-01-01';
export const NEWEST_MODELED_BUILD: IsoDate = '2026-11-30';

export const CHANGE_POINTS = {
  'tilize-untilize-sub-block': {
    family: 'tilize/untilize',
    pr: 35806,
    // Merged as 95b3153 at 2026-02-23 22:16 UTC (read in the history of a tt-metal fork, apande-TT/tt-metal); tt-metal
    // issue #38364 hit the legacy split on a main build of that day, before it: the first day built with it is taken.
    mergedOn: '2026-02-24',
    dateFrom: 'merge',
    what: 'block factories cap the block edge at the free-L1 limit (compute_ncores_wh_sb sub-blocks) instead of full-width blocks',
    before: 'tt-metal …/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp@645aa76',
    after:
      'tt-metal …/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp@0cb8f4d; work_split_tilize.hpp@02ed05c',
  },
  'reshape-tiled-native': {
    family: 'reshape',
    pr: 20189,
    // Squash-merged on main as ed0a405 (2025-04-17 21:14 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Approved 2025-04-15 ("Awesome PR!!!!"); tt-forge-onnx PR #1880 (2025-04-25) drops the xfail of the reshapes
    // tt-forge-onnx #1655 saw overflow on 2025-03-31.
    mergedOn: '2025-04-17',
    dateFrom: 'merge',
    what: 'a tiled reshape that is not a view runs the native ReshapeTiledProgramFactory; before, reshape untilized, reshaped in row-major and tilized back (three programs, whole rows)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp before PR #20189 (convert_tile_to_rm / convert_tensor_to_rm_reshape_convert_back_to_orig_layout; search index id 42533026580)',
    after:
      'tt-metal PR #20189; ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_tiled_program_factory.cpp@0184068',
  },
  'embedding-fused-chunks': {
    family: 'embedding',
    pr: 32016,
    // Squash-merged on main as c516c28 (2025-11-06 18:41 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // For tt-metal issue #31889 (2025-11-05, 2,198,944 B on 8 cores); the description is dated 2025-11-06, the merge day
    // was not read.
    mergedOn: '2025-11-06',
    dateFrom: 'merge',
    what: 'the fused (tilized-output) embedding streams weight rows in chunks of at most 64 tiles (1 MiB budget) when two whole-row tile blocks exceed 1 MiB; before, c_0 and c_2 held the whole row of Wt tiles (single-buffered above 64 tiles)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_fused_program_factory.cpp before PR #32016 (buffering = Wt > 64 ? 1 : 2, tiles per block = Wt)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embeddings_fused_program_factory.cpp@0021b0d (use_chunked_processing, max_double_buffer_tiles 64)',
  },
  'embedding-row-chunks': {
    family: 'embedding',
    pr: 42548,
    // Squash-merged on main as 8d87710 (2026-04-21 17:23 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2026-04-17 for tt-metal issue #42434, which hit the whole-row page on 2026-04-16: not merged before.
    mergedOn: '2026-04-21',
    dateFrom: 'merge',
    what: 'row-major embedding streams weight rows longer than 1 MiB in 1 MiB chunks instead of one whole-row page',
    before: 'ttmetal-l1-model.md §4.5 (whole-row page)',
    after: 'ttmetal-l1-model.md §4.5 (1 MiB chunks, PR #42548)',
  },
  'matmul-narrow-l1-1d': {
    family: 'matmul',
    pr: 32173,
    // Squash-merged on main as 56bf922 (2025-11-10 19:51 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-11-10',
    dateFrom: 'merge',
    what: 'auto-config: tall/wide (side ratio > 8) interleaved matmuls take the 1D mcast configs whatever their buffers; before, only all-DRAM matmuls did (L1 operands fell to 2D or the non-reuse factory)',
    before:
      'tt-metal PR #32173 description ("The restriction to only use it for DRAM matmuls"), matmul_program_config.cpp is_narrow_shape',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (is_narrow_shape: ratio > 8 for any buffers; a side within one tile only when all DRAM)',
  },
  'matmul-default-packer-l1-acc': {
    family: 'matmul',
    pr: 15214,
    // Squash-merged on main as 93fccc5 (2024-11-21 14:44 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2024-11-21',
    dateFrom: 'merge',
    what: "a matmul given no compute kernel config (tt-mlir's runtime passes none unless the IR prints compute_config) runs with packer_l1_acc on and fp32 accumulation off; before, init_device_compute_kernel_config's own defaults (both off)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@93fccc5~1 (create_matmul_struct: init_device_compute_kernel_config(arch, config, math_fidelity))',
    after:
      "tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@93fccc5 (default_fp32_acc false, default_l1_acc true); tt-mlir runtime/lib/ttnn/operations/matmul/matmul.cpp@13cf48f and @d65d1b8 (compute_kernel_config nullopt), @c275567 (the IR's compute_config, else nullopt)",
  },
  'matmul-default-fp32-acc-f32-output': {
    family: 'matmul',
    pr: 16567,
    // Squash-merged on main as 652490d (2025-01-10 20:39 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-01-10',
    dateFrom: 'merge',
    what: "a matmul given no compute kernel config takes fp32 accumulation exactly when its output is float32 and packer_l1_acc exactly when it is not (Float32 partials for an f32 output, sub-blocks of at most 4 tiles); before, fp32 accumulation off and packer_l1_acc on for every output (an f32 output's partials Float16_b, a CB of their own)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@652490d~1 (default_fp32_acc false, default_l1_acc true)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@652490d (default_fp32_acc = is_float_32, default_l1_acc = !is_float_32); the same in matmul_device_operation.cpp@622c6fb (2026-06-23, create_matmul_struct)',
  },
  'matmul-fused-transpose-a': {
    family: 'matmul',
    pr: 32295,
    // Squash-merged on main as 92f1cd6 (2025-12-17 00:08 UTC; tt-metal main's history in the nyoshifujiTT/tt-metal
    // mirror).
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: 'transpose_a is fused into the 1D/2D mcast matmul and the reuse (MatmulMultiCoreReuseProgramConfig) matmul: the reader walks a with transposed strides and the compute kernel transposes each in0 tile through c_10 (in0_transposed, as large as the in0 CB); before, ttnn.matmul ran ttnn.transpose on a as a separate program and the matmul program had no c_10. The PR description says the reuse config keeps the separate transpose, but the merged reuse factory has the c_10 path (tt-metal #35247, 2026-01-04, is its padding bug); the non-reuse and DRAM-sharded configs still transpose separately',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op_multi_core_reuse_mcast_2d_program_factory.cpp@012a167 and matmul_op_multi_core_reuse_optimized_program_factory.cpp@00a631e (no in0 transpose CB); tt-metal PR #32295 description ("Currently, a separate transpose op is called")',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49 and matmul_multicore_reuse_optimized_program_factory.cpp@00fca59 (in0_transpose_tile → c_10 in0_transposed of in0_CB_size); tt-metal issue #35247, closed PR #35249 (needs_manual_transpose excludes the reuse config)',
  },
  'matmul-a-batch-broadcast': {
    family: 'matmul',
    pr: 47640,
    // Not on main by 2026-06-23 00:56 UTC, the newest commit of main's history read (nyoshifujiTT/tt-metal):
    // matmul_program_config.cpp there was last changed on 05-15 (ebaaa57) and create_simple has no batch-1 a routing;
    // the earliest it can be is taken (was ≈06-22). The factory half of the broadcast (in0_B / in1_B, reuse_in0_in_CB,
    // validate's in0 reuse for an explicit 1D config) is PR #40172's, change point matmul-1d-per-operand-batch.
    mergedOn: '2026-06-23',
    dateFrom: 'approx',
    what: 'matmul with a unbatched (batch 1) and b batched: rejected before ("bmm (non-bcast matmul) expects input tensors of shapes BCMK*BCKN=BCMN", tt-metal issue #12834); from then on routed to a 1D mcast-in1 config that reuses a across b\'s batches',
    before: 'tt-metal issue #12834 (TT_FATAL in matmul_device_operation.cpp validate)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (create_simple_matmul_program_config: A batch=1 with B batched → get_mcast_1d_config)',
  },
  'matmul-1d-per-operand-batch': {
    family: 'matmul',
    pr: 40172,
    // "weight batch > 1, activation batch = 1 for 1D MatMul", squash-merged on main as 7dde75c (2026-03-25 12:17 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-03-25',
    dateFrom: 'merge',
    what: "the 1D mcast-in1 program takes each operand's batch count (in0_B, in1_B; 1 under fuse_batch): c_0 double-buffered on in0_B·num_blocks > 1, c_1 on in1_B·num_blocks > 1 (the mcast_in0 program keeps one B, in0_B, on main to 2026-06-23), and with in0_B = 1 < in1_B (a, output interleaved, no bcast_batch) reuse_in0_in_CB keeps a's whole row block in c_0; validate lets a[1] = 1 differ from b[1] under an explicit 1D config with fuse_batch, mcast_in0 false, no fused activation, rank-4 non-sharded operands; before, one B (a's) for both and any batch mismatch threw",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp@7dde75c^ (B · num_blocks > 1 for c_0 and c_1)',
    after:
      'tt-metal …/matmul_multicore_reuse_mcast_1d_program_factory.cpp@7dde75c (in0_B, in1_B, in0_B == 1 && in1_B > 1); matmul_device_operation.cpp@7dde75c (can_use_in0_reuse)',
  },

  'matmul-1d-height-shard-copy': {
    family: 'matmul',
    pr: 50975,
    // Description 2026-07-24 (state merged); merge day not read.
    mergedOn: '2026-07-24',
    dateFrom: 'approx',
    what: '1D mcast-in1 matmul with a height-sharded a and in0_block_w = K: when a core has more than one out-block row and more than one out-block column, c_0 becomes a real copy of the shard (num_blocks·per_core_M·in0_block_w·B tiles, the shard moving to a tensor-backed c_2 of out_block_h·in0_block_w tiles) instead of aliasing it, which read wrong data (tt-metal #26150, PCC ~0.25); with one out-block row or column the alias stays',
    before:
      "tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp@00629f0 (process_mcast_in1_program_and_create_override_variables: in0_CB_tiles = num_blocks·per_core_M·in0_block_w·in0_B whenever a is sharded; c_0 globally allocated on a's shard unless extract_shard_sub_blocks, set only when shard width / in0_block_w > 1; else c_0 a real CB and c_2 = in0_block_tiles on the shard); the same rule at 86aa094",
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_buffers.cpp@c9482b1 (mcast_1d_in1_buffers: a sharded a is copied out of its shard when shard width / in0_block_w > 1 or when per_core_M / out_block_h > 1 and per_core_N / out_block_w > 1; the copy is num_blocks·per_core_M·in0_block_w·in0_batches entries, the shard an out_block_h·in0_block_w view), the post-PR buffer sizes the factories share; tt-metal PR #50975 description',
  },
  'matmul-block-sharded-1d-grid': {
    family: 'matmul',
    pr: 37236,
    // Squash-merged on main as ec9c75b (2026-03-25 17:28 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2026-02-05 (state merged, fixes tt-metal #32306); merge day not read.
    mergedOn: '2026-03-25',
    dateFrom: 'merge',
    what: "auto-config (create_simple): a block-sharded output on one row or one column of cores takes the 1D mcast config with per_core_M/N from the user's shard (b unbatched) or is rejected (b batched); before, it took the 2D path with the L1 per-core factor, whose shard could exceed the requested one (tt-metal #32435: 416x416 requested, 512x512 produced)",
    before:
      'tt-metal issue #32306 (2D mcast selected for BLOCK_SHARDED on a 1D grid, hangs) and #32435 (2025-11-14, per_core_M = per_core_N = 16)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (block_sharded_on_1d_column_grid / _row_grid → get_mcast_1d_config with the user shard spec; batched b TT_FATAL citing #32306)',
  },
  'matmul-simple-cap-per-core': {
    family: 'matmul',
    pr: 53662,
    // Description 2026-08-19 (state merged, fixes tt-metal #32435); merge day not read.
    mergedOn: '2026-08-19',
    dateFrom: 'approx',
    what: "auto-config (create_simple), 2D path with a sharded output: per_core_M / per_core_N capped at the output's Mt / Nt (a 13x13-tile output got a 16x16 block and a 512x512 shard instead of 416x416); the subblock is get_matmul_subblock_params of the capped block, re-selected as the widest one-row subblock when it breaks the sharded-output rule (out_subblock_w = per_core_N or out_subblock_h = 1: 16x16 → 1x8, 1x2 before); fuse_batch is set for a batched a with an unbatched b (before, a's batch looped over a one-block output CB)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (per_core_M = per_core_N = get_per_core_factor, out_subblock 4x2, h cut to 1 when 2 ≠ per_core_N; fuse_batch false on the 2D path)',
    after:
      'tt-metal PR #53662: its diff at matmul_program_config.cpp:1315 as quoted in the review of 2026-08-20 (get_matmul_subblock_params(per_core_M, per_core_N, false, false, fp32_dest_acc_en), then the sharded-output check) and the review request to re-select a one-row subblock instead of cutting the height, which the author confirmed fixed; the description for the std::min cap and fuse_batch. The merged file itself is not in the source index: whether the cap reads the batch-fused Mt under fuse_batch was not read (the per-batch Mt is assumed)',
  },
  'matmul-estimate-bias-term': {
    family: 'matmul',
    pr: 17056,
    // Squash-merged on main as 79a6913 (2025-02-01 22:23 UTC; nyoshifujiTT/tt-metal first-parent history, a merge after
    // 22:00 UTC: the next day). What was known before that merge was read, kept as evidence:
    // Description 2025-01-23; the reporter was asked to check the merged fix on 2025-02-03. Merge day not read.
    mergedOn: '2025-02-02',
    dateFrom: 'merge',
    what: 'auto-config: get_estimated_size_of_cbs counts a linear\'s fused bias (in0_block_w bias tiles) when it sizes the per-core factor and the out block; before, the bias CB was left out and a linear could be given a block whose CBs, bias included, ran past L1 (tt-metal #16704, tt-train linear with batch 4: "We\'re off by 1%")',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@0155a43 (get_estimated_size_of_cbs without a bias term); tt-metal issue #16704, maintainer comment of 2025-01-13 ("get_estimated_size_of_cbs() ... does not take bias into consideration")',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@b20ac21 (myply/tt-metal fork: get_estimated_size_of_cbs adds in0_block_w · bias_single_tile_size); tt-metal PR #17056 ("Accounted for Bias matrix in get_estimated_cbs func")',
  },
  'matmul-estimate-bias-per-core-n': {
    family: 'matmul',
    pr: 38309,
    // Squash-merged on main as b113d7c (2026-02-23 19:42 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2026-02-23 (state merged, fixes tt-metal #36316); merge day not read.
    mergedOn: '2026-02-23',
    dateFrom: 'merge',
    what: 'auto-config: get_estimated_size_of_cbs counts a fused bias as per_core_N tiles (the block width it is asked about) instead of in0_block_w tiles; the factories allocate out_block_w, so with N ≫ K a block whose bias CB ran past L1 was accepted (tt-metal #36316: nanoGPT on a Blackhole QuietBox, K 384, N 1536, 1,596,224 B)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/utilities/matmul_utilities.cpp (get_estimated_size_of_cbs: bias_size = in0_block_w · bias_single_tile_size), as quoted in PR #38309',
    after: 'tt-metal PR #38309 description (bias_size = per_core_N · bias_single_tile_size)',
  },
  'matmul-multi-dim-factor-area-first': {
    family: 'matmul',
    pr: 49621,
    // Review thread of 2026-07-10 (state merged); merge day not read.
    mergedOn: '2026-07-10',
    dateFrom: 'approx',
    what: 'auto-config, all-DRAM-interleaved 2D path (get_multi_dim_per_core_factor with adjust_in0_block_w): when the whole per-core block does not fit, the search takes the largest out block (area) with any in0_block_w that divides the start one, instead of the largest in0_block_w with any out block; the other callers keep in0_block_w fixed, where the order does not matter',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (get_multi_dim_per_core_factor: "Have k in outer loop to try to maintain per_core_factor_k")',
    after:
      'tt-metal PR #49621 ("Improve GEMM FLOPS benchmark and matmul tuning"): the author\'s review note of 2026-07-10 at matmul_program_config.cpp:156 (with adjust_in0_block_w the factor loop outer, the in0_block_w loop inner; else as before). The merged file is not in the source index',
  },
  'matmul-single-core-shard-grid': {
    family: 'matmul',
    pr: 52039,
    // Description 2026-08-04 (state merged, fixes tt-metal #25909); merge day not read.
    mergedOn: '2026-08-04',
    dateFrom: 'approx',
    what: 'auto-config (get_matmul_program_config): a height- or width-sharded a on a single-core shard grid takes the 1D config from its shard (per_core_M the shard height / M, per_core_N N / ceil(N / cores)) like a multi-core shard; before, only shard grids larger than 1x1 did, and a single-core one fell to create_matmul_program_config on the device grid, whose per_core_M left more M blocks than the shard\'s one core: TT_FATAL "number of M blocks ceil(M/per_core_M)=X must not exceed input A shard grid cores (1)" (the PR\'s own repro: M 384, K 32, N 32 on one core)',
    before:
      "tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (get_matmul_program_config: the shard-derived 1D config only when the shard grid is larger than 1x1); the TT_FATAL as quoted in tt-metal PR #52039's description",
    after:
      "tt-metal PR #52039 description (2026-08-04: per_core_M / per_core_N derived from the input's shard spec for a 1x1 shard grid too). The merged file is not in the source index: the 1x1 case is taken to run the same shard formulas as the multi-core one",
  },
  'matmul-sharded-out-own-partials': {
    family: 'matmul',
    // The number tt-metal's own source cites for the rule (matmul_buffers.cpp@c9482b1, several_output_blocks); whether
    // it is the issue or the PR was not read. Neither is in the issues index. Its date is interpolated from the numbers
    // around it: tt-metal #57191 and #57231 were opened 2026-09-21, #54798 on 2026-08-29 (~100 a day), so #58046 ≈
    // 2026-09-29; matmul_buffers.hpp@bf7e7a9 cites #57884 (the default-config selector it serves) just before it.
    // Session 16 searched the issues index again (the partials/output-shard wording, matmul_buffers, #58046): no
    // thread; matmul_buffers.cpp has one stored version, so no dated commit brackets it either.
    pr: 58046,
    mergedOn: '2026-10-01',
    dateFrom: 'approx',
    what: 'mcast factories (2D, 1D mcast_in0 / mcast_in1), sharded output: the partials (c_5) share the output shard only when the core computes one output block; a core with several out-block columns (per_core_N ≠ out_block_w) now gets its own c_5 of out_block_h·out_block_w tiles too (before, only several out-block rows, per_core_M ≠ out_block_h, did: spill and reload advance the shared region by one block, which wraps to its start only when it holds exactly one). The factories size their buffers from the same shared model (matmul_buffers.cpp), whose packer L1 accumulation turns on with more than one K block in every factory (before: 1D mcast_in0 more than one; 2D and 1D mcast_in1 more than two, or more than one with a fused bias; reuse more than two)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49 and reuse_mcast_2d_descriptor.cpp@eab50e5 (do_not_inplace_interm0_out_CB = output sharded and per_core_M ≠ out_block_h; packer_l1_acc_en with num_blocks > 2, or > 1 with a bias); …_mcast_1d_…@00629f0; matmul_multicore_reuse_optimized_program_factory.cpp@00fca59 (num_blocks > 2)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_buffers.cpp@c9482b1 (several_output_blocks: per_core_M ≠ out_block_h or per_core_N ≠ out_block_w, citing #58046; start(): packer_l1_acc_en = packer_l1_acc and Kt / in0_block_w > 1) and matmul_buffers.hpp@bf7e7a9 ("Each factory sizes its buffers with these")',
  },
  'matmul-per-core-m-at-most-mt': {
    family: 'matmul',
    pr: 55682,
    // Description 2026-09-08 (state merged, fixes tt-metal #51550); merge day not read.
    mergedOn: '2026-09-08',
    dateFrom: 'approx',
    what: 'validation: a 2D (MatmulMultiCoreReuseMultiCastProgramConfig) or 1D mcast_in1 config with per_core_M > Mt is rejected ("per_core_M (X) exceeds Mt (Y). Each core would compute more output row tiles than the tensor has"); before, it ran, the 2D factory writing the extra rows past the output into the next DRAM tensor',
    before: 'tt-metal issue #51550 (a [1, 1, 128, 2048] with per_core_M 7: the tensor after the output overwritten)',
    after:
      'tt-metal PR #55682 description (TT_FATAL(per_core_M <= Mt) in validate_matmul_work_distribution_and_gather_ring_topology for both configs)',
  },
  'matmul-reuse-fused-bias': {
    family: 'matmul',
    pr: 49825,
    // Description and reviews 2026-07-14 (state merged); merge day not read.
    mergedOn: '2026-07-14',
    dateFrom: 'approx',
    what: 'MatmulMultiCoreReuseProgramConfig fuses a bias: a c_3 holding the whole per-batch bias block, per_core_M_per_batch·per_core_N tiles, loaded once, when each batch matrix is one block (Nt = per_core_N, Mt = per_core_M_per_batch; bound_matmul adds any other bias after the matmul); before, the device op rejected a bias with this config ("Bias is not supported for this matmul program config: MatmulMultiCoreReuseProgramConfig") and bound_matmul only post-processed a bias more than one tile row high',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_device_operation.cpp (validate_matmul_bias: config_supports_bias false for MatmulMultiCoreReuseProgramConfig; search index id 54505986354); matmul_multicore_reuse_optimized_program_factory.cpp@00fca59 (no bias CB)',
    after:
      'tt-metal PR #49825 description (factory: bias CB c_3 sized per_core_M_per_batch·per_core_N; validate_matmul_bias removed); the metal2 port of matmul_multicore_reuse_optimized_program_factory.cpp (search index id 68481000525: TT_FATAL N == per_core_N && per_core_M_per_batch == M, "Unreachable via ttnn.linear: get_post_process_bias only routes a bias here when this precondition already holds"); matmul_buffers.cpp@c9482b1 (reuse_buffers: bias per_core_M_per_batch·per_core_N entries)',
  },
  'linear-bias-fused-all-dram': {
    family: 'matmul',
    pr: 31649,
    // Merged as f9dc6d2 at 2025-11-04 09:01 UTC (nyoshifujiTT/tt-metal main history).
    mergedOn: '2025-11-04',
    dateFrom: 'merge',
    what: "ttnn.linear without a program config or core grid fuses its bias into an auto-generated config when the output is in DRAM and the inputs are sharded or all DRAM interleaved (get_post_process_bias); before, bound_matmul post-processed every such bias with ttnn.add after the matmul, whose result in the output's memory config is live while the add allocates its own (tt-metal #16268)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/matmul.cpp@f01114d (bound_matmul: post_process_bias = bias && !program_config && !user_core_coord)',
    after: 'tt-metal ttnn/cpp/ttnn/operations/matmul/matmul.cpp@f9dc6d2 (get_post_process_bias)',
  },
  'linear-bias-post-process-tall': {
    family: 'matmul',
    pr: 32510,
    // Merged as 7fec4c0 at 2025-11-17 15:54 UTC (nyoshifujiTT/tt-metal main history); fixes tt-metal #32441.
    mergedOn: '2025-11-17',
    dateFrom: 'merge',
    what: 'a bias whose padded height is not one tile row is always added after the matmul (get_post_process_bias checks bias_padded_shape[-2] == tile height first); before, a program config given by the caller (or, from PR #31649, an all-DRAM auto config) fused it',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/matmul.cpp@f9dc6d2 (get_post_process_bias without the height check)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/matmul.cpp@7fec4c0 (get_post_process_bias: bias_padded_shape[-2] != tile_height → post-process)',
  },
  'matmul-block-shard-padded-tiles': {
    family: 'matmul',
    pr: 33777,
    // Squash-merged on main as c579ac2 (2025-12-05 15:25 UTC; nyoshifujiTT/tt-metal first-parent history); for
    // tt-forge #710 (tt-xla models with the optimizer on died with a floating-point exception).
    mergedOn: '2025-12-05',
    dateFrom: 'merge',
    what: "auto-config (create_matmul_program_config): a block-sharded a that get_matmul_program_config does not take (a shard grid of one row or one column of cores) counts K and N tiles from a's and b's padded widths; before, from their logical widths, floored, so per_core_N = N·shard_w / (K·32) and in0_block_w = gcd(shard_w tiles, K) used smaller K / N, and a logical K under one tile (0 tiles) divided by zero: the process died with 'Floating point exception (core dumped)'",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@bf7da96 (create_matmul_program_config: k = a_shape[-1] / TILE_SIZE, n = b_shape[-1] / TILE_SIZE with a_shape = logical_shape(); @d9304dd the same on get_shape(), whose operator[] returns the unpadded dims)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@c579ac2 (a_padded_shape[-1] / TILE_SIZE, b_padded_shape[-1] / TILE_SIZE); config/matmul_program_config.cpp@ebaaa57 unchanged',
  },
  'tilize-untilize-padding-block-factory': {
    family: 'tilize/untilize',
    pr: 17790,
    // Merged as 6c77212 on 2025-02-28 (read in the history of a tt-metal fork, apande-TT/tt-metal).
    mergedOn: '2025-02-28',
    dateFrom: 'merge',
    what: 'tilize_with_val_padding / untilize_with_unpadding gain the 2-D block factory (split_blocks_for_tilize_wh) for rows that do not fit, and ttnn::tilize its block factory (tilize_multi_core_block, tilize_op.cpp@6c77212); before, the tile-row factory ran with Wt-tile CBs and threw',
    before:
      'tt-metal …/untilize_with_unpadding/device/untilize_with_unpadding_program_factory.cpp (PR #16805 thread, 2025-01-16: parallelised over rows only)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/core/work_split/work_split_tilize.hpp (split_blocks_for_tilize_wh, PR #17790 review 2025-02-21)',
  },
  'tilize-cores-column-major': {
    family: 'tilize/untilize',
    pr: 33365,
    // Merged as 493dab2 at 2025-12-02 03:14 UTC (read in the history of a tt-metal fork, apande-TT/tt-metal).
    mergedOn: '2025-12-02',
    dateFrom: 'merge',
    what: "ttnn::tilize's block and default (interleaved) factories split work over a CoreRangeSet (sub_core_grids support): split_blocks_for_tilize_wh / split_blocks_for_tilize's CoreRangeSet overloads hand out cores in corerange_to_cores order (column-major) as 1x1 CoreRanges; before, the CoreCoord overloads stepped x first (row-major), the default factory's all_cores in whole-row rectangles. Moves the core the block factory's cliff overflow names (the 63rd core: (x=6,y=7) before, (x=7,y=6) after) and the default factory's printed range",
    before:
      'tt-metal …/tilize/device/tilize_program_factory.cpp before PR #33365 (tilize_multi_core_block: split_blocks_for_tilize_wh(grid_size, …); tilize_multi_core_interleaved: split_blocks_for_tilize(grid_size, …)); work_split_tilize.hpp@02ed05c (the CoreCoord overloads)',
    after:
      'tt-metal PR #33365 (split_blocks_for_tilize_wh(available_grid, …), split_blocks_for_tilize(available_grid, …), runtime args over corerange_to_cores(available_grid)); work_split_tilize.hpp@02ed05c (the CoreRangeSet overloads)',
  },
  'padding-block-cores-column-major': {
    family: 'tilize/untilize',
    pr: 34268,
    // Merged as c116a3d at 2025-12-12 21:43 UTC (read in the history of a tt-metal fork, apande-TT/tt-metal).
    mergedOn: '2025-12-12',
    dateFrom: 'merge',
    what: "tilize_with_val_padding's and untilize_with_unpadding's factories split work over a CoreRangeSet (sub_core_grids support), as change point `tilize-cores-column-major` did for tilize: the block factories' cores (and the interleaved factories' 1x1 all_cores) in column-major order; before, row-major. tt-forge-fe's Reshape225 / Cumsum0 xfail reasons (tt-metal 7d60ca2, 2025-03-25) print an untilize_with_unpadding cliff on (x=6,y=7), the seed (2025-12-31) and tt-metal #38364 (2026-02-23) on (x=7,y=6)",
    before:
      'tt-metal …/untilize_with_unpadding/device/untilize_with_unpadding_program_factory.cpp and …/tilize_with_val_padding/device/tilize_with_val_padding_program_factory.cpp before PR #34268 (split_blocks_for_tilize_wh(grid_size, …), runtime args over grid_to_cores(ncores, grid_size.x, grid_size.y, true); index id 2769190507)',
    after:
      'tt-metal PR #34268 (split_blocks_for_tilize_wh(available_grid, …), corerange_to_cores(available_grid)); …/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp (index id 525020219)',
  },
  'tilize-program-descriptors': {
    family: 'tilize/untilize',
    pr: 43840,
    // Merged as 4b30829 at 2026-05-26 23:37 UTC (read in the history of a tt-metal fork, nyoshifujiTT/tt-metal): in the
    // day's last 2 h, so the next day (tt-metal #45331's build of 05-26, before it, prints the merged range).
    mergedOn: '2026-05-27',
    dateFrom: 'merge',
    what: "the tilize and tilize_with_val_padding factories (with most of the data_movement family) build a ProgramDescriptor; Program(ProgramDescriptor) adds each CB on its CoreRangeSet as given (CircularBufferImpl(CBDescriptor), no merge_ranges), so a CB on the default factory's set of 1x1 ranges keys one allocator per core and the overflow names the first, [0-0 - 0-0]; before, add_circular_buffer merged the set (tt-metal #45331, built before it: [0-0 - 7-7] for 64 cores; #45543 and #47735, after: [0-0 - 0-0]). The same PR ports the row-major pad's default factory (pad_rm_reader_writer_multi_core_default_program_factory.cpp@4b30829: CBDescriptor{.core_ranges = all_cores} of split_work_to_cores' column-wise set), whose set with a remainder column prints its k full columns again instead of the merged (0,0)-(k, r − 1). It ports the three block factories too (tilize, tilize_with_val_padding and untilize's UntilizeMultiCoreBlockProgramFactory: create_cb at 4b30829^, CBDescriptor at 4b30829), whose multi-core groups of 1x1 ranges stop merging",
    before:
      'tt-metal …/tilize/device/tilize_multi_core_default_program_factory.cpp@cf8e2a8 (create_cb on all_cores → ProgramImpl::add_circular_buffer → core_range_set.merge_ranges())',
    after:
      'tt-metal PR #43840; tilize_multi_core_default_program_factory.cpp (CBDescriptor{.core_ranges = all_cores}, index id 54499572727); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): add_circular_buffer_ of each CBDescriptor); tt_metal/impl/buffers/circular_buffer.cpp (core_ranges_(descriptor.core_ranges))',
  },
  'softmax-large-kernel': {
    family: 'softmax',
    pr: 23130,
    // Squash-merged on main as f6f9b5c (2025-06-18 16:37 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // A review comment of 2025-06-18 on the PR says it is "closed now": merged on or before that day (day not read).
    mergedOn: '2025-06-18',
    dateFrom: 'merge',
    what: 'attention-optimized softmax switches to the 80-tile large kernel when its whole-row CBs exceed 0.9·L1; before, whole-row CBs always',
    before:
      'tt-metal …/normalization/softmax/device/multi_core/softmax_op_multi_core.cpp (TT_FATAL on block size, no fallback; PR #23130 diff)',
    after: 'tt-metal …/softmax/device/softmax_program_factory_attention_optimized.cpp@003544f (use_large_kernel)',
  },
  'softmax-fp32-acc-for-f32': {
    family: 'softmax',
    pr: 27732,
    // Squash-merged on main as 5dafb36 (2025-09-05 09:16 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // "General ttnn.softmax cleanup" (#26841; description 2025-09-01) moved softmax to the new device-operation API, and
    // softmax_device_operation.cpp, which it created, is where the f32 default lives: its earliest stored version
    // (still QueueId-era, search index id 52661545615) already has it, and no stored softmax_op.cpp/softmax.cpp before
    // it does. Merge day not read: on or after 2025-09-01, and by 2025-10-24, when PR #31113's review diff already
    // edits kernels/attention/compute/softmax_large_tensor.cpp, the layout of the split factories (inferred).
    // tt-metal #18997's 2025-03 figure for an f32 input only matches with bf16 intermediates.
    mergedOn: '2025-09-05',
    dateFrom: 'merge',
    what: 'ttnn::softmax without a compute config turns fp32 dest accumulation on for an f32 input (is_fp32): the attention-optimized factory then blocks by at most 4 tiles and keeps Float32 intermediates; before, fp32 accumulation off',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/softmax.cpp (2025, search index id 4513453199: last dim → normalization::softmax) → device/softmax_op.cpp (2025, search index id 3877546591: init_device_compute_kernel_config(..., fp32 false)) → device/multi_core/softmax_op_multi_core.cpp@00eaa3b (im = Float32 only with fp32_dest_acc_en); #18997 (2025-03-12)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_device_operation.cpp@001a9c0 (softmax(): is_fp32); its earliest stored version, search index id 52661545615',
  },
  'softmax-fit-check-all-cbs': {
    family: 'softmax',
    pr: 33519,
    // Squash-merged on main as 3b00667 (2025-12-01 23:08 UTC; nyoshifujiTT/tt-metal first-parent history, a merge after
    // 22:00 UTC: the next day). What was known before that merge was read, kept as evidence:
    // "#33488: update cb size calculation in softmax": description and CI run 19835522600 of 2025-12-01 ("some CBs were
    // missing and one was accounted for when mask was used instead of the numeric stable flag"); merge day not read.
    mergedOn: '2025-12-02',
    dateFrom: 'merge',
    what: 'attention-optimized softmax: the 0.9·L1 large-kernel test also counts the output CB, five single tiles and (numeric_stable) the x − max CB; before, only the input and exps CBs (without a mask)',
    before:
      "tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/multi_core/softmax_op_multi_core.cpp@00eaa3b (cb_size_sum_bytes = in0 + im0; a mask adds im3 + im4), kept by PR #27732's attention-optimized factory",
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@003544f (cb_size_sum_bytes)',
  },
  'softmax-large-cb-block-multiple': {
    family: 'softmax',
    pr: 39051,
    // Squash-merged on main as f3c2f39 (2026-03-04 15:39 UTC; nyoshifujiTT/tt-metal first-parent history). tt-metal
    // #39707 (2026-03-12) ran the build tt-xla pinned that day, not main of 03-12: tt-xla's tt-mlir 73647e1 (uplift of
    // 03-11) pins tt-metal beccdb2 (main of 2026-03-01 02:26 UTC, tt-mlir's pin 03-03..03-17), which lacks f3c2f39;
    // with it, block 3 gives 78-tile CBs and no "Size of cb: 80". What was known before that merge was read, kept as
    // evidence:
    // For tt-metal issue #38626 (2026-02-26); description 2026-03-03. Not merged on 2026-03-12: tt-metal #39707 (that
    // day, a tt-metal branch "mar12") still threw "Size of cb: 80 must be divisible ..." for a (1, 100, 6800) softmax,
    // which reaches the large kernel with block 3. Merge day not read: after 2026-03-12.
    mergedOn: '2026-03-04',
    dateFrom: 'merge',
    what: 'large-kernel softmax sizes its streamed CBs to the largest multiple of the block ≤ 80 tiles; before, 80 tiles always, and a block of 3 or 6 threw "Size of cb: 80 must be divisible by the size of block"',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@86aa094 (cb_length = 80); tt-metal #39707 (2026-03-12)',
    after:
      'tt-metal PR #39051; softmax_program_factory_attention_optimized.cpp@f3c2f39 (large_kernel_cb_size = (80 / block_size) · block_size)',
  },
  'softmax-fixed-block': {
    family: 'softmax',
    pr: 51145,
    // For tt-metal issue #39050; description 2026-07-27; still in review on 2026-08-04 (a change requested in
    // softmax_large_tensor.cpp that day), so merged after it; merge day not read.
    mergedOn: '2026-08-05',
    dateFrom: 'approx',
    what: 'attention-optimized softmax blocks by 8 tiles (4 with fp32 accumulation), a smaller exact divisor of Wt only when it needs no more blocks, and tolerates a clamped last block; before, the largest divisor of Wt ≤ 8 (≤ 4)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@003544f (find_max_divisor)',
    after: 'tt-metal PR #51145 description (fixed dest-register blocking; CB sizes not re-read)',
  },
  'softmax-sum-scaler-cb': {
    family: 'softmax',
    pr: 41637,
    // Squash-merged on main as 7fb82fd (2026-04-24 08:59 UTC; nyoshifujiTT/tt-metal first-parent history): the row SUM
    // of the reduce helpers runs as a matmul, which needs its own scaler tile. Kept by every later commit touching the
    // factory to 622c6fb (2026-06-23: 926ea5e's ProgramDescriptor port, 86dab3f, 71ee2d0).
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: 'the attention-optimized softmax adds c_13, the sum scaler (one tile in the intermediate format: Float32 with fp32 accumulation, else bf16), after c_2, and c_2 (the max scaler) becomes Float32 for a Float32 input; the general H factories add c_3, a one-tile sum scaler in the mask/scaler format; the large-kernel fit test is unchanged',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@c262c36 (c_2 one Float16_b tile, no c_13)',
    after:
      'the same file @7fb82fd (PR #41637, "Reduce compute and dataflow helpers": max_scaler / sum_scaler formats, c_13) to @622c6fb; softmax_program_factory_general_h_{small,large}.cpp@7fb82fd (c_3 sum scaler)',
  },
  'softmax-stable-cb-by-padding': {
    family: 'softmax',
    pr: 44849,
    // Squash-merged on main as 86dab3f (2026-05-28 18:39 UTC; nyoshifujiTT/tt-metal first-parent history); unchanged by
    // 71ee2d0 (06-11, a TT_FATAL removed) to 622c6fb.
    mergedOn: '2026-05-28',
    dateFrom: 'merge',
    what: 'a numeric_stable attention-optimized softmax with no mask keeps the whole row in c_0 (Wt tiles) and no x − max CB c_10 when the last dim needs no padding (the kernel aliases c_10 to the exps); with padding, c_0 is 2·block and c_10 holds the row (Wt tiles), counted in the large-kernel fit test; before, every numeric_stable run had both the whole-row c_0 and c_10',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/softmax/device/softmax_program_factory_attention_optimized.cpp@7fb82fd (in0_t = Wt when numeric_stable; c_10 when numeric_stable or the large kernel)',
    after:
      'the same file @86dab3f (PR #44849: small_kernel_numeric_stable_uses_cb_in0_at_wt / _uses_cb_x_at_wt from mask_padded_data, W > logical W)',
  },
  'pad-rm-barrier-from-output': {
    family: 'pad',
    pr: 40316,
    // Squash-merged on main as d606471 (2026-03-19 17:29 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-03-19',
    dateFrom: 'merge',
    what: 'row-major pad counts sticks per 2 KiB barrier from the padded output stick, not the input width (a narrow input padded wide had a multi-MB c_0)',
    before:
      'tt-metal …/data_movement/pad/device/pad_program_factory.cpp (get_num_stick_per_barrier(input_tensor): 2048 / (W_in·elem))',
    after:
      'tt-metal …/pad/device/pad_rm_reader_writer_multi_core_default_program_factory.cpp (get_num_stick_per_barrier(stick_size_padded_aligned))',
  },
  'copy-default-row-major-subblocks': {
    family: 'copy',
    pr: 40964,
    // Squash-merged on main as 2ee6b13 (2026-04-02 23:26 UTC; nyoshifujiTT/tt-metal first-parent history, a merge after
    // 22:00 UTC: the next day). What was known before that merge was read, kept as evidence:
    // Description of 2026-03-28; tt-metal PR #41552 (2026-04-07) patches the output spec of its commit 2ee6b13, which
    // broke the CI of tt-mlir PR #7805, the uplift to tt-metal 0e1451bb of 2026-04-03: on main by that build. Day of
    // the merge not read (between 2026-03-28 and 2026-04-03).
    mergedOn: '2026-04-03',
    dateFrom: 'merge',
    what: 'ttnn::copy picks its factory: input and output memory configs equal and the two-page CB set under l1_size − base → the old program (CopySameMemoryConfigProgramFactory); otherwise a row-major copy runs the default row-major program: c_0 one input page and c_1 two aligned output pages, each capped at 256 KiB (large rows move in 256 KiB sub-blocks), one row per work unit (tiled copies: the same two-tile CBs as before)',
    before:
      'tt-metal …/data_movement/copy/device/copy_program_factory.cpp (one program: c_0 = 2 aligned input pages, c_16 = 2 output pages on a dtype change)',
    after:
      'tt-metal …/copy/device/copy_device_operation.cpp (search index id 52470118365: select_program_factory, can_use_specialized_factory); copy_default_row_major_program_factory.cpp@040a27c (MAX_SUBBLOCK_SIZE_BYTES = 65536·4); copy_default_tilized_program_factory.cpp@04b3405',
  },
  'concat-single-buffer-fallback': {
    family: 'concat',
    pr: 43898,
    // Squash-merged on main as 4c70c91 (2026-05-12 16:45 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2026-05-08 (tt-metal #43893, tt-xla #4583 hit the double-buffered pages that day). tt-mlir PR #8412
    // (2026-05-13) prints a chunk concat of tt-mlir PR #8237's workaround (merged 2026-05-11) ending at 1,498,912 B: two
    // pages of 697,600 B, so the tt-metal tt-mlir pinned then (d5a1653 of 2026-05-11, uplift of 2026-05-12) had no
    // fallback yet. Merge day not read: the day after that pin.
    mergedOn: '2026-05-12',
    dateFrom: 'merge',
    what: 'concat input CB falls back to one page when two pages exceed l1_size/2 − base (the whole-row pages of the unaligned-last-dim rewrite)',
    before: 'tt-metal …/data_movement/concat/device/concat_program_factory.cpp (num_input_pages = 2)',
    after: 'tt-metal …/concat/device/concat_program_factory.cpp@d95c1ad (depth 1 above the L1 budget; PR #43898)',
  },
  'concat-unaligned-chunking': {
    family: 'concat',
    pr: 46321,
    // Squash-merged on main as 58430ab (2026-06-12 16:16 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2026-06-08, reviews to 2026-06-10; tt-mlir removed its own chunking workaround (PR #8837, 2026-06-19)
    // "after the fix in the metal". Merge day not read: the day after the last review seen.
    mergedOn: '2026-06-12',
    dateFrom: 'merge',
    what: "ttnn::concat on the last dim whose unaligned-last-dim rewrite (untilize, transpose(-2, -1)) would make a row-major page of align(elem · dim[-2], buffer alignment) above l1_size − base slices the inputs along dim[-2] into chunks of floor((l1_size − base) / (2 · elem) / tile height) · tile height rows, concatenates each chunk, then the chunk results along dim[-2]; before, one whole-row page per output row (tt-metal #43371's 7,974,912 B pages)",
    before: 'tt-metal …/data_movement/concat/concat.cpp (massaged untilize → transpose → concat of whole rows)',
    after:
      'tt-metal …/data_movement/concat/concat.cpp after PR #46321 (search index id 54616107264: would_transpose, estimated_page_size > l1_capacity, chunk_rows)',
  },
  'tilize-block-staging-budget': {
    family: 'tilize/untilize',
    pr: 50551,
    mergedOn: '2026-07-22',
    dateFrom: 'approx',
    what: 'tilize block factories budget (and allocate) the c_1 staging CB: limit = (maxL1 − 2·dramAlign) / (T_in + T_out + T_in/32) instead of maxL1 / (T_in + T_out)',
    before:
      'tt-metal …/tilize/device/tilize_multi_core_block_program_factory.cpp (cb_block_size_limit = max_l1_size / (in + out); issue #50748)',
    after:
      'tt-metal …/tilize/device/tilize_multi_core_block_program_factory.cpp (PR #50551: staging folded into the limit)',
  },
  'untilize-codegen': {
    family: 'tilize/untilize',
    pr: 50178,
    // Opened about 2026-07-17 (its number sits between #50061 and #50288 of that week); on main by 2026-08-17, when
    // PR #53399 bisected a Gemma-3 untilize clash to it and PR #53319's stock slice ran it (1,422,208 B). The merge day
    // was not read: the first day it is known on main is taken.
    mergedOn: '2026-08-17',
    dateFrom: 'approx',
    what: 'ttnn::untilize of a TILE, interleaved bf16 / bfp8 input, tile-aligned (not wider than the 800 kB two-CB guard when it has several tile rows) or, bf16 only, off the tile grid through build_with_unpadding (within that guard whatever its rows) runs UntilizeCodegenDeviceOperation: c_0 / c_16 of 2·pages each while they fit the budget (else 2 + 1, then 1 + 1, else the native factory), pages = Wt, Wt / ncol of a 2-D split, or the column split of a single tile row; before, the native factories',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize/device/untilize_device_operation.cpp@01656bf (native factories only)',
    after:
      'tt-metal …/untilize/codegen/untilize_codegen_supported.cpp@0420ab8, untilize_codegen_cb_plan.cpp@3804c86 (plan_cb_depths, pages_for_builder), untilize_codegen_program_factory.cpp@0a827b8',
  },
  'untilize-codegen-live-l1': {
    family: 'tilize/untilize',
    pr: 53399,
    // Opened 2026-08-17; review threads of 2026-08-20; the merge day was not read.
    mergedOn: '2026-08-21',
    dateFrom: 'approx',
    what: 'the untilize codegen CB plan budgets against the free L1 below the lowest live buffer (get_max_l1_space, the pending output reserved) instead of the whole range above the unreserved base',
    before: 'tt-metal PR #53399 description: usable_l1_bytes() = l1_size_per_core − base allocator address',
    after:
      'tt-metal …/untilize/codegen/untilize_codegen_cb_plan.cpp@3804c86 (choose_codegen_cb_plan: get_max_l1_space less reserved_l1_bytes_per_core)',
  },
  'transpose-rm-interleaved-via-permute': {
    family: 'permute/transpose',
    pr: 16155,
    // Squash-merged on main as 9acc400 (2025-01-03 10:00 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2024-12-18; its CI runs (ids 125848…–125888…) are of 2025-01-02/03; the merge day was not read.
    mergedOn: '2025-01-03',
    dateFrom: 'merge',
    what: 'ttnn::transpose of an interleaved row-major tensor runs ttnn::prim::permute for WH ((0,1,3,2), 32x32 blocks) instead of the RM WH factory, which held the whole HW plane per core (tt-metal #16109); HC → (0,2,1,3) and CN → (1,0,2,3) follow at change point permute-tiled-generic (transpose.cpp@9acc400 still sends HC to the HC factory, CN to the tiled path)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_wh_program_factory.cpp@022c236 (RM WH: c_0 2·Wt, c_16 2·Ht, c_24 Ht·Wt tiles)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp@9acc400 (transpose_: WH row-major not sharded → prim::permute); @fb9f208 … @622c6fb (interleaved_rm → prim_permute for WH, HC, CN)',
  },
  'slice-rm-subrow-chunks': {
    family: 'slice',
    pr: 49067,
    mergedOn: '2026-07-06',
    dateFrom: 'approx',
    what: 'row-major slice splits a row whose double-buffered page exceeds the L1 budget into 8 KiB sub-row chunks (c_0 = 2·2·chunk) instead of whole-row pages (tt-metal #42882)',
    before: 'tt-metal …/slice/device/slice_program_factory_rm.cpp@d9f28d7 (c_0 = 2 · num_read_per_barrier · row page)',
    after: 'tt-metal …/slice/device/slice_program_factory_rm.cpp (compute_cb_size sub-row chunking, PR #49067)',
  },
  'pad-rm-depth-l1-budget': {
    family: 'pad',
    pr: 56121,
    mergedOn: '2026-09-10',
    dateFrom: 'approx',
    what: 'row-major pad bounds its 16-barrier c_0 depth by (l1_size/2 − base) / barrier bytes',
    before:
      'tt-metal …/pad/device/pad_rm_reader_writer_multi_core_default_program_factory.cpp (buffer_reader_writer_async_factor = 16)',
    after:
      'tt-metal …/pad/device/pad_rm_reader_writer_multi_core_default_program_factory.cpp (depth from l1_budget; PR #56121)',
  },
  'tilize-dram-sharded-via-interleaved': {
    family: 'tilize/untilize',
    pr: 47384,
    // Described 2026-06-17; merged as 1e95aec at 2026-06-22 22:53 UTC (read in the history of a tt-metal fork,
    // nyoshifujiTT/tt-metal): in the day's last 2 h, so the next day, as the table's other late merges.
    mergedOn: '2026-06-23',
    dateFrom: 'merge',
    what: 'ttnn::tilize of a sharded row-major input (DRAM-sharded, or L1 width/block-sharded) whose tile row does not fit is routed through DRAM interleaved (block factory); before, the tile-row CBs of the whole row were allocated (tt-metal #45331: 5,576,032 B; #45543, L1: 1,152,352 / 2,200,928 B)',
    before: 'tt-metal …/tilize/tilize.cpp (no routing; tt-metal issue #45331, 2026-05-27)',
    after: 'tt-metal …/tilize/tilize.cpp (PR #47384: sharded + large row → to DRAM interleaved, tilize, back)',
  },
  'layernorm-fp32-acc-default': {
    family: 'norm',
    pr: 19295,
    // Squash-merged on main as 342342e (2025-03-19 13:39 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-03-19',
    dateFrom: 'merge',
    what: 'ttnn.layer_norm without a compute_kernel_config runs with fp32_dest_acc_en = true (Float32 intermediate CBs, block size 4) instead of false',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/layernorm.cpp (search-index version 2472590686: HiFi4, approx on, fp32 acc off)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/layernorm.cpp (search-index version 302208558: approx off, fp32 acc on); PR #19295 opened 2025-03-18',
  },
  'layernorm-sharded-default-config': {
    family: 'norm',
    pr: 34335,
    // Squash-merged on main as b165c6a (2025-12-16 13:53 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2025-12-12 (for tt-mlir's optimizer, whose sharded rms_norm crashed); its CI runs are listed later that
    // week: the merge day was not read. What ran before is not one thing (tt-mlir #5903 ran a width-sharded rms_norm on
    // its 2025-11-27 pin; tt-mlir #6326 hit the divide by zero in December), so the estimator leaves it unmodeled.
    mergedOn: '2025-12-16',
    dateFrom: 'merge',
    what: 'layer_norm/rms_norm without a program config on a sharded input derive a LayerNormShardedMultiCoreProgramConfig from the shard spec (subblock_w 1, block_h/block_w = shard tiles, grid = shard bounding box); before, the sharded factory got subblock_w = 0 and divided by zero (and before PR #26149, 2025-08-01, the interleaved kernels ran on the shards)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/layernorm.cpp (program_config.value_or(LayerNormDefaultProgramConfig{})); PR #26149, tt-metal issue #26159',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_types.hpp@d134b03 (create_program_config(shard_spec)); layernorm.cpp (search-index version 49368147988)',
  },
  'layernorm-fixed-block': {
    family: 'norm',
    // "Support non-tile-aligned widths in LayerNorm (interleaved), and use dest registers more effectively" (ticket
    // #28365), squash-merged on main as 6cecd5d (2025-12-24 02:00 UTC; nyoshifujiTT/tt-metal first-parent history):
    // block_size = fp32_dest_acc_en ? 4 : 8, Wt rounded up to it, large-tensor widths 56 / 112 (were 60 / 120). Before
    // it was found the entry named tt-metal issue #33527 and was dated ≈2026-01-01.
    pr: 34584,
    mergedOn: '2025-12-24',
    dateFrom: 'merge',
    what: 'interleaved layer/rms norm: block size fixed at 8 (4 with fp32 acc) with Wt rounded up to it, large-tensor widths 56/112 instead of largest divisor of Wt with 60/120 (which threw "in0_t must be divisible by block_size")',
    before:
      'tt-metal …/layernorm/device/multi_core/layernorm_op_multi_core.cpp@00eaa3b; tt-mlir OpModel golden RMSNorm rows (tt-metal f4163c2, 2025-11-27)',
    after:
      'tt-metal …/layernorm/device/layernorm_op_multi_core.cpp@6cecd5d (block_size 4 / 8, Wt_next_block_up, 56 / 112) and LayerNormMultiCoreProgramFactory (search-index version 240909175)',
  },
  'qkv-decode-aligned-scratch': {
    family: 'heads',
    // "nlp_create_qkv_heads_decode: fix wrong reads from DRAM input on Blackhole (#43270)", squash-merged on main as
    // 7aa26e4 (2026-05-06 11:27 UTC; nyoshifujiTT/tt-metal first-parent history). Before it was found the entry named
    // the issue, #43270, and was dated ≈2026-05-15.
    pr: 43292,
    mergedOn: '2026-05-06',
    dateFrom: 'merge',
    what: '(fix of tt-metal issue #43270) nlp_create_qkv_heads_decode with a DRAM input whose 16-element face row is below the DRAM alignment (Blackhole bf16) adds two scratch CBs of (head_dim/32 + 1) x DRAM alignment',
    before:
      'tt-metal …/nlp_create_qkv_heads_decode/device/nlp_create_qkv_heads_decode_program_factory.cpp@fc2226f (output-shard CBs only)',
    after:
      'tt-metal …/nlp_create_qkv_heads_decode/device/nlp_create_qkv_heads_decode_interleaved_program_factory.cpp@7aa26e4 and @08041dd (use_aligned_path: c_0 and c_1 of (head_tiles + 1) · DRAM alignment bytes on the q cores)',
  },
  'unary-mixed-memory-layouts': {
    family: 'eltwise (unary)',
    // "#32376: Migrate unary ops to unary_ng", squash-merged on main as aa301f4 (2026-04-01 09:11 UTC; nyoshifujiTT/
    // tt-metal first-parent history): ttnn's unary ops run UnaryNgDeviceOperation, whose validate only asks a
    // non-sharded input or output to be interleaved (unary_ng_device_operation.cpp@aa301f4); the old check stays in
    // unary_device_operation.cpp, no longer called, until PR #41468 (04-20) deletes it. Before that merge was read:
    // #32376 is the tt-metal issue that tracks the relaxation; illegal at f4163c2 (2025-11, tt-mlir OpModel goldens);
    // the date was the month the relaxation is reported to have landed.
    pr: 41001,
    mergedOn: '2026-04-01',
    dateFrom: 'merge',
    what: 'unary ops accept an input and output of different memory layouts (interleaved ↔ sharded); before, validate throws',
    before:
      'tt-metal …/eltwise/unary/device/unary_device_operation.cpp (validate: "Unary operation requires Input and Output memory layout to match"); opmodel-golden-open.tsv TestOpModelLib.cpp@b73fc81:275, :308',
    after:
      'tt-metal PR #41001 (issue #32376); ttnn/cpp/ttnn/operations/eltwise/unary_ng/device/unary_ng_device_operation.cpp@aa301f4 (validate: a non-sharded input / output must be interleaved, nothing else about their layouts)',
  },
  'reduce-sum-front-dims-fast-nc': {
    family: 'reduction',
    pr: 18603,
    // Squash-merged on main as 7500d3f (2025-03-04 23:38 UTC; nyoshifujiTT/tt-metal first-parent history, a merge after
    // 22:00 UTC: the next day). What was known before that merge was read, kept as evidence:
    // For tt-metal issue #18469 (2025-02-28: ttnn.sum over dim 0 transposed [2,1,16384,16384] to a 17 GB tensor); the
    // PR's description and CI runs are dated 2025-03-04, the merge day was not read.
    mergedOn: '2025-03-05',
    dateFrom: 'merge',
    what: 'ttnn.sum of a BFLOAT16/BFLOAT8_B tensor over dims outside the last two runs fast_reduce_nc (one program per such dim, fp32 accumulation by default) and then the W/H/HW reduce over the rest; before, every reduction (and still max/min/mean and f32 sum) transposed each such dim to H, ran the H reduce and transposed back',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp (search index id 6576833862: reduce_nd_loop, transpose(i, -2) → H reduce → transpose back)',
    after:
      'tt-metal generic_reductions.cpp (search index id 4355189454: call_fast_nc, non_height_width_reduce with default_fp32_acc true); experimental/reduction/fast_reduce_nc/device/fast_reduce_nc_program_factory.cpp@03725f2',
  },
  'reduce-mean-multi-dim-scaler': {
    family: 'reduction',
    pr: 28869,
    // Squash-merged on main as 9a8e512 (2025-10-01 20:46 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // For the bounty issue tt-metal #28644 (2025-09-16); the PR's description is dated 2025-09-18 and the thread shows
    // it merged. The merge day was not read: a few days after the description is assumed.
    mergedOn: '2025-10-01',
    dateFrom: 'merge',
    what: "ttnn.mean over several dims that are not exactly H and W passes 1/(reduced volume) as the first stage's reduce scaler; before, the stages summed and a final ttnn::mul_sfpu by 1/(input volume) scaled the result: a unary program over the reduced tensor (keepdim shape, the op's memory config), whose input was one more intermediate",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp (search index ids 6576833862 and 4355189454: reduce_nd_loop(use_reduce_type = false), then ttnn::mul_sfpu(inv_volume, output_tensor, memory_config))',
    after:
      'tt-metal PR #28869 description ("Remove ttnn.mul_sfpu call when computing multidimensional ttnn.mean"); generic_reductions.cpp (search index id 58269801046: reduce_nd_loop(false, scalar / reduced_volume))',
  },
  'reduce-fast-nc-no-accumulator-cb': {
    family: 'reduction',
    pr: 51086,
    // "port(metal_2.0): experimental/reduction/fast_reduce_nc", description 2026-07-24 ("dead CB c_24 dropped"); the
    // stored thread shows it open, and the ported factory is in the source index (id 58522491129) with its port report
    // (METAL2_PORT_REPORT.md@a98c3cb). The merge day was not read: a week after the description is assumed.
    mergedOn: '2026-07-31',
    dateFrom: 'approx',
    what: 'fast_reduce_nc (the per-dim program of a bf16/bfp8 sum over dims outside the last two) drops the c_24 accumulator tile (Float32 with fp32 accumulation), which no kernel used; c_0, c_1 and c_16 are unchanged',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/experimental/reduction/fast_reduce_nc/device/fast_reduce_nc_program_factory.cpp@03725f2 (c_24 intermed0, 1 tile, Float32 with fp32_dest_acc_en)',
    after:
      'tt-metal fast_reduce_nc_program_factory.cpp (search index id 58522491129: FRNC_IN0 / FRNC_IN1 / FRNC_OUT only, "Legacy c_24 ... is dropped"); METAL2_PORT_REPORT.md@a98c3cb',
  },
  'reduce-w-height-sharded-in-place': {
    family: 'reduction',
    pr: 51158,
    // "int32 min/max performance regression fix" (closes tt-metal #44698): description 2026-07-27, a review thread of
    // 2026-08-13 still asking for the orientation check; the thread shows it merged, the day was not read.
    mergedOn: '2026-08-14',
    dateFrom: 'approx',
    what: 'the W reduce of an L1 height-sharded input into an L1 height-sharded result with the same shard grid, shard height and orientation (shards tiling NC·Ht exactly) runs on the shard cores: c_0 2 input tiles, c_1 the input shard and c_3 the output shard (tensor-backed), c_2 one scaler tile; before (and for every other sharded input after), the interleaved CB set over split_work_to_cores(grid, NC·Ht), the reader walking the shards through a TensorAccessor',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp@2441aa2 (no sharded path: TensorAccessorArgs(*src_buffer), c_0 2, c_2 2, c_3 2 tiles)',
    after:
      'tt-metal PR #51158 description; reduce_op_multi_core_w_program_factory.cpp (search index id 58135263952: w_uses_height_sharding, c_1 / c_3 bound to the shards, c_2 one tile)',
  },
  'reduce-scaler-one-tile': {
    family: 'reduction',
    pr: 41838,
    // Squash-merged on main as ebab885 (2026-04-14 00:35 UTC; nyoshifujiTT/tt-metal first-parent history). Read commit
    // by commit: every first-parent commit touching the W and single-core HW factories from ba4ef4f (#33535,
    // 2025-12-02) to c262c36 (2026-04-03) sizes c_2 as num_input_tiles (2) bf16 tiles; ebab885 makes it one tile, and
    // every later commit to 622c6fb (2026-06-23) keeps one (the ProgramDescriptor port 1b02d5c included), as do the
    // index's later W factories (ids 55227023945, 58135263952).
    mergedOn: '2026-04-14',
    dateFrom: 'merge',
    what: "the W reduce's and the single-core HW reduce's scaler CB c_2 is one tile instead of two (the H reduce's was one tile already)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp and reduce_op_single_core_hw_program_factory.cpp@c262c36 (c_2 num_input_tiles = 2 bf16 tiles; the same at ba4ef4f and 2441aa2)',
    after:
      'the same files @ebab885 (PR #41838, "Implement ttnn.std/var using Welford\'s algorithm": c_2 one scaler tile) to @622c6fb',
  },
  'reduce-scaler-f32-input': {
    family: 'reduction',
    pr: 41637,
    // Squash-merged on main as 7fb82fd (2026-04-24 08:59 UTC; nyoshifujiTT/tt-metal first-parent history). Before it
    // every W / H / single-core HW factory read (ba4ef4f to 0fa5c69) hardcodes a Float16_b scaler; from it to 622c6fb
    // (2026-06-23) the scaler's format follows the input's, Float32 exactly for a Float32 input (the index's later H and
    // W factories, ids 52567424569, 58135263952, likewise).
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: 'the W, H and single-core HW reduce factories make the scaler CB c_2 Float32 for a Float32 input (bf16 otherwise); before, bf16 for every input',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_{w,h}_program_factory.cpp and reduce_op_single_core_hw_program_factory.cpp@0fa5c69 (scaler_cb_data_format = Float16_b)',
    after:
      'the same files @7fb82fd (PR #41637, "Reduce compute and dataflow helpers": Float32 when the input CB is Float32) to @622c6fb',
  },
  'reduce-min-fused-negate': {
    family: 'reduction',
    pr: 30509,
    // Squash-merged on main as 65635a3 (2026-02-27 19:45 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // For the bounty issue tt-metal #25547 (2025-07-22); the PR's description is dated 2025-10-14 ("Do not merge
    // (yet)"), and on the issue the reviewer was still asking for a reduce_uninit fix on 2025-12-26 and promised the
    // review on 2025-12-29. The merge day was not read: early January 2026 is assumed.
    mergedOn: '2026-02-27',
    dateFrom: 'merge',
    what: "ttnn.min runs the max reduce factories with a negate flag (W: c_4 and c_5 of one tile; H: c_0/c_3 of the dest-register chunk, c_4/c_5 the lcm of the per-core pushes; single-core HW: c_4/c_5 one tile) instead of ttnn::neg → max reduce → ttnn::neg, whose negated input (the input's size, in the op's memory config) was a tensor of its own",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp@01c6ad3 and its 2025 version (search index id 96151051): reduce_min = neg, reduce MAX, neg',
    after:
      'tt-metal reduce_op.cpp (search index id 51830110482: reduce_min → reduce(MAX, negate = true)); reduce_op_multi_core_h_program_factory.cpp (index id 52567424569); reduce_multi_core_w_analysis.md@36bd005',
  },
  'reduce-min-h-negate-full-column': {
    family: 'reduction',
    pr: 43752,
    // Squash-merged on main as 7b6870b (2026-05-06 22:01 UTC; nyoshifujiTT/tt-metal first-parent history, a merge after
    // 22:00 UTC: the next day). What was known before that merge was read, kept as evidence:
    // "#43742: fix up generic reduce neg kernel cb usage"; its last review thread and "/codeowners ping" are dated
    // 2026-05-06, the merge day was not read.
    mergedOn: '2026-05-07',
    dateFrom: 'merge',
    what: "the H reduce's negate CBs c_4/c_5 hold Ht · (columns per core, the lcm of the two core groups') tiles each instead of the lcm of the per-core pushes; when both exceed the free L1 above the base, ttnn::min negates outside the reduce (neg → max → neg) instead (h_reduce_negate_fits_in_l1)",
    before:
      'tt-metal reduce_op_multi_core_h_program_factory.cpp (search index id 52567424569: negate_cb_tiles = lcm of the push sizes)',
    after:
      'tt-metal PR #43752; reduce_op_multi_core_h_program_factory.cpp (search index id 54787023413: negate_cb_tiles = Ht · per_nc_advance, the L1 fit check naming h_reduce_negate_fits_in_l1)',
  },
  'avg-pool2d-global-reduce': {
    family: 'pool',
    pr: 43820,
    // Squash-merged on main as 1536dd4 (2026-05-12 18:38 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2026-05-07; tt-metal PR #44226 (2026-05-12) fixes a test failure that "surfaced on N300 after #43820
    // landed". Day not read.
    mergedOn: '2026-05-12',
    dateFrom: 'merge',
    what: 'avg_pool2d whose window covers the whole image with no padding, on an interleaved input, runs one pool_sum reduction instead of reshard + halo + the sliding-window pool',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@465a425 (pool2d_L1 for every avg_pool2d: reshard, halo, pool2d)',
    after:
      'tt-metal PR #43820 ("kernel >= input spatial dims, zero padding ... pool_sum ... For the common batch_size==1 case, a direct pool_sum on the input"); PR #44226 (sharded inputs keep the sliding window)',
  },
  'halo-untilize-blocks': {
    family: 'halo',
    pr: 19770,
    // Merged as 8eb65ea at 2025-04-01 14:00 UTC (read in the history of a tt-metal fork, nyoshifujiTT/tt-metal), after
    // 7598b7e (05:01 that day), the build of tt-forge-fe c92a65b88's xfail reasons, which still print the whole-shard
    // untilize CB (Conv2D30 / 1247 / 1281 / 486 / 1280 / 29 there): the first day built with it is taken.
    mergedOn: '2025-04-02',
    dateFrom: 'merge',
    what: 'the halo of a tiled input untilizes one tile row at a time into two CBs (one per gather reader) of ntiles_per_block tiles, with two pad-stick CBs; before, one untilize CB held the whole untilized input shard (ntiles_per_block · ceil(rows / 32) tiles) beside one pad-stick CB',
    before:
      'tt-metal untilize_with_halo_v2_program_factory.cpp (search index id 3798132763: untilize_out CB = ntiles_per_block · input_nblocks_per_core tiles, one pad CB); tt-metal issue #18231 (2025-02-24: "requires full buffering of the untilized input")',
    after:
      'tt-metal PR #19770; halo_device_operation.cpp (search index id 3901799785: UNTILIZE_BLOCK_SIZE = 32) and untilize_with_halo_program_factory.cpp@02a3583 (untilize_out_cb_id0/1, pad_cb_id0/1)',
  },
  'upsample-bilinear-halo-minmax': {
    family: 'upsample',
    pr: 34797,
    // Squash-merged on main as 5a0f48a (2025-12-29 08:05 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description of 2025-12-19; merge day not read (the opening day is used).
    mergedOn: '2025-12-29',
    dateFrom: 'merge',
    what: 'bilinear upsample gets a proper halo (per-core input range from the min/max top-left index of its outputs), the sharding restriction lifted and a wider autoshard',
    before:
      'tt-metal PR #34312 ("The sharding restriction mentioned in #18236 is still in place"); the earlier halo and autoshard rules were not read',
    after:
      'tt-metal PR #34797; upsample.cpp@003a561, sliding_window.cpp (index id 7186334245), upsample_bilinear_program_factory_multicore.cpp@00b0fa3',
  },
  'halo-untilize-double-buffer': {
    family: 'halo',
    pr: 20129,
    // Merged as 8202aa2 at 2025-04-04 12:34 UTC (nyoshifujiTT/tt-metal history); no build of that day is observed.
    mergedOn: '2025-04-04',
    dateFrom: 'merge',
    what: 'the two untilize CBs of the halo are double-buffered (2 · ntiles_per_block tiles each)',
    before: 'tt-metal PR #19770 (single-buffered untilize CBs)',
    after:
      'tt-metal PR #20129; untilize_with_halo_program_factory.cpp@02a3583 (ENABLE_UNTILIZE_DOUBLE_BUFFERING = true)',
  },
  'conv2d-grouped-1x1-matmul': {
    family: 'conv2d',
    pr: 21290,
    // Squash-merged on main as a4a7740 (2025-04-29 03:19 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened, reviewed and its CI runs all on 2025-04-28 (tt-metal issue #21289 filed that day); merge day not read.
    mergedOn: '2025-04-29',
    dateFrom: 'merge',
    what: 'use_matmul_for_1x1_conv no longer requires groups == 1: grouped 1x1 stride-1 unpadded convs run as matmuls too',
    before:
      'tt-metal conv2d_utils.cpp (use_matmul_for_1x1_conv: … && groups == 1; search index id 2427742271); issue #21289',
    after:
      'tt-metal PR #21290; conv2d_utils.cpp (use_matmul_for_1x1_conv ignores groups; index ids 3509439101, 746669609)',
  },
  'conv-transpose2d-runtime-width-sharded': {
    family: 'conv2d',
    repo: 'tenstorrent/tt-mlir',
    pr: 3056,
    mergedOn: '2025-04-23',
    dateFrom: 'merge',
    what: "tt-mlir's runtime stops forcing shard_layout WIDTH_SHARDED on conv_transpose2d (its own Conv2dConfig, the IR's conv2d_config ignored); since, no shard_layout: tt-metal auto-shards",
    before:
      'tt-mlir runtime/lib/ttnn/operations/conv/conv_transpose2d.cpp@61271f7 (config.shard_layout = WIDTH_SHARDED, since PR #1540)',
    after: 'tt-mlir 2c3d024 (PR #3056: the forced shard layout removed, memory_config passed)',
  },
  'conv2d-runtime-compute-config-packer': {
    family: 'conv2d',
    repo: 'tenstorrent/tt-mlir',
    pr: 3579,
    mergedOn: '2025-05-30',
    dateFrom: 'merge',
    what: "tt-mlir's runtime passes conv2d a compute config of its own when the IR has none: HiFi4, fp32_dest_acc_en off, packer_l1_acc on (before, tt-metal's default)",
    before: 'tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@984aa69 (computeConfig std::nullopt)',
    after:
      'tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@d93b652 (init_device_compute_kernel_config(arch, nullopt, HiFi4, true, false, true))',
  },
  'conv2d-runtime-compute-config-metal-default': {
    family: 'conv2d',
    repo: 'tenstorrent/tt-mlir',
    pr: 3610,
    mergedOn: '2025-06-02',
    dateFrom: 'merge',
    what: "tt-mlir's runtime drops its conv2d compute config again: without one in the IR, tt-metal's default",
    before: 'tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@d93b652 (its own config, packer_l1_acc on)',
    after: "tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@5db8623 (the IR's compute_config or none)",
  },
  'conv2d-width-double-buffer': {
    family: 'conv2d',
    pr: 23114,
    // Squash-merged on main as 8d4c3b2 (2025-06-05 13:23 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-06-05',
    dateFrom: 'merge',
    what: 'width-sharded conv2d honours enable_act_double_buffer / enable_weights_double_buffer (before: single-buffered ACT and WEIGHTS CBs)',
    before:
      'tt-metal issue #22858 (width sharding has no double buffering); conv2d_op_width_sharded_program_factory.cpp',
    after:
      'tt-metal PR #23114; conv2d_op_program_factory_common.cpp@003324f (get_cb_info doubles both for every shard scheme)',
  },
  'halo-in-place': {
    family: 'halo (conv2d, pool2d)',
    pr: 19834,
    // Squash-merged on main as fe7b175 (2025-03-31 19:54 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // PR #19056 (In Place Halo) merged in March 2025 and was reverted by PR #19787 (2025-03-27, hangs on Blackhole);
    // PR #19834 relanded it (description 2025-03-28); the day of that merge not read.
    mergedOn: '2025-03-31',
    dateFrom: 'merge',
    what: "opt-in in-place halo (Conv2dConfig.in_place, the pools' in_place_halo): the sharded input is freed and reallocated at the halo output size, remote sticks staged in a scratch tensor/CB; default off, and tt-mlir never sets it (its Conv2dConfigAttr has no in_place, TTIRToTTNN.cpp@19c86fc passes in_place_halo = false), so the default footprint does not move. A pool with in_place_halo = true whose input is resharded by the op: the halo output replaces the freed input shard (in place only while the input shard has no more sticks than the halo shard, else the plain halo), and the halo program's static CBs are a pad stick, the slow-untilize temp CB (tiled input wider than 8 tiles), the remote temp CB of max_ref_size sticks and two sync CBs; on an input already sharded in L1 it is unmodeled (the caller's tensor is freed)",
    before: 'tt-metal untilize_with_halo_program_factory.cpp (separate input and output shards only)',
    after:
      'tt-metal PR #19834 (reland of PR #19056); untilize_with_halo_program_factory.cpp@02a3583 (inplace_untilize_with_halo_multi_core), halo_device_operation.cpp (search index id 3901799785: input deallocated, fallback when the input shard is larger), sliding_window.cpp (id 3923747601: max_ref_size)',
  },
  'halo-in-place-removed': {
    family: 'halo (conv2d, pool2d)',
    pr: 31516,
    // "Remove In Place Halo", merged as f5964193 at 2025-11-10 17:37 UTC (read in the main history of a tt-metal fork,
    // nyoshifujiTT/tt-metal).
    mergedOn: '2025-11-10',
    dateFrom: 'merge',
    what: 'the in-place halo is gone ("buggy, non-performant, and in most practical cases uses more memory than normal halo"): the pools\' in_place_halo and Conv2dConfig.in_place are removed from the API, so a pool that asked for it runs the plain halo (separate input and output shards, the resharded input freed after the halo); before, change point `halo-in-place`\'s in-place halo',
    before:
      'tt-metal untilize_with_halo_program_factory.cpp and halo_device_operation.cpp before f5964193 (inplace_untilize_with_halo_multi_core; the in_place flag of halo())',
    after:
      "tt-metal PR #31516 (f5964193): generic_pools.cpp / generic_pools.hpp / generic_pools_pybind.cpp drop in_place_halo, halo_device_operation.cpp keeps only the out-of-place program, halo_gather_in_place.cpp and sliding_window.cpp's in-place config tensors deleted",
  },
  'pool-dram-input-reshard-freed': {
    family: 'pool2d',
    pr: 27007,
    // Squash-merged on main as f23d8a8 (2025-08-22 13:13 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2025-08-18; the merge day not read. Every generic_pools.cpp the search index holds from then on frees
    // the resharded input after the halo when the input was in DRAM; tt-metal #24944 (2025-07-11) shows it still held.
    mergedOn: '2025-08-22',
    dateFrom: 'merge',
    what: "pool2d frees its resharded copy of a DRAM input right after the halo (and the halo output moves down over it); before, the resharded input stayed allocated, beside the halo output, until the op returned, so the pool's output shard had to fit above both",
    before:
      'tt-metal generic_pools.cpp of mid 2025 (search index id 46515301642: halo, then prim::pool2d, with no deallocation of the resharded input between them); tt-metal #24944 (2025-07-11, N300 max_pool2d sweep [1, 64, 360, 640] k3 s2 p1 from DRAM: the 131,712 B output shard fails only with the 526,720 B reshard and the 757,632 B halo output both live)',
    after:
      'tt-metal PR #27007 ("conditional deallocate of the input"); generic_pools.cpp (search index ids 8551083194, 8043796329) and @465a425: `if (deallocate_input || is_input_tensor_in_dram) input_tensor_sharded.deallocate(true)`',
  },
  'conv2d-1d-auto-shard-any-layout': {
    family: 'conv2d',
    pr: 19905,
    // Squash-merged on main as 801825d (2025-03-31 14:12 UTC; nyoshifujiTT/tt-metal first-parent history); the tests
    // tt-forge-onnx #1630 / #1631 filed on 2025-04-01 ran a build of 2025-03-31 without it: the next day is taken.
    mergedOn: '2025-04-01',
    dateFrom: 'merge',
    what: 'auto shard lets a 1-D conv (kernel width 1 over a width-1 image) take block or width sharding; before, the height config always (PR #18877, 2025-03-10, "force height sharding strategy, for all 1d convs"; a regression window before that PR forced it for 1-D depthwise convs only, not modeled)',
    before:
      'tt-metal PR #18877 (conv2d_utils.cpp determine_conv_config_for_auto_shard: 1-D convs return the height config)',
    after:
      'tt-metal PR #19905; conv2d_utils.cpp of mid 2025 (search index id 3509439101: only 1-D depthwise convs forced to height)',
  },
  'conv2d-width-rm-two-rows': {
    family: 'conv2d',
    pr: 23116,
    // Squash-merged on main as 56a2730 (2025-06-05 14:19 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description and CI runs of 2025-06-05; the day of the merge not read.
    mergedOn: '2025-06-05',
    dateFrom: 'merge',
    what: 'width-sharded conv2d: the image-to-column (row-major) CB holds two rows of the activation block (2·act_block_w tiles) so I2C overlaps the tilize; before, the whole act block (act_block_h·act_block_w input tiles)',
    before:
      'tt-metal conv2d_op_width_sharded_program_factory.cpp, late 2024 (search index id 2511333325: act_cb_row_major_bfloat16 of act_block_num_tiles_split input tiles, split reader forced off)',
    after:
      'tt-metal PR #23116 ("for I2C we will buffer two rows of activation matrix"); conv2d_op_program_factory_common.cpp@003324f (get_cb_info ACT_ROW_MAJOR_BFLOAT16)',
  },
  'conv2d-block-rm-overlap': {
    family: 'conv2d',
    pr: 23580,
    // Squash-merged on main as 8633237 (2025-06-17 09:29 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description and CI runs of 2025-06-16; the day of the merge not read.
    mergedOn: '2025-06-17',
    dateFrom: 'merge',
    what: 'block-sharded conv2d: the row-major I2C CB overlaps the ACT CB when the halo output and the output share a data format (no separate CB); before, always its own CB of act_block_h·act_block_w input tiles',
    before:
      'tt-metal conv2d_op_sharded_program_factory.cpp, early 2025 (search index id 3743811513: create_CBs_for_sharded_input_v2, weight_width_sliced: act_cb_row_major_bfloat16 of num_cb0_tilized_tiles)',
    after:
      'tt-metal PR #23580 ("overlap cb for I2C output and cb for activations"); conv2d_op_program_factory_common.cpp@003324f (get_cb_info)',
  },
  'conv2d-block-inner-dim-by-kernel-h': {
    family: 'conv2d',
    pr: 25805,
    // Squash-merged on main as 358fca2 (2025-07-28 09:01 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-07-28',
    dateFrom: 'merge',
    what: 'block-sharded conv2d slices the activation inner dim by kernel height: act_block_w = C/n_c·kW instead of C/n_c·kH·kW (full_inner_dim keeps the old blocks), shrinking ACT, ACT_TILIZED and WEIGHTS by kH',
    before: 'tt-metal conv2d_utils.cpp (determine_per_core_conv_block_config: block act_block_w over kH·kW)',
    after:
      'tt-metal PR #25805; conv2d_utils.cpp@002a3f4 (act_block_w = round_up(C/n_c·kW·(full_inner_dim ? kH : 1), 32))',
  },
  'conv2d-split-reader-heuristic': {
    family: 'conv2d',
    pr: 27731,
    // Squash-merged on main as 18bbf94 (2025-09-15 12:11 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-15',
    dateFrom: 'merge',
    what: 'height-sharded conv2d splits the ACT CB into ACT + ACT_SECOND_READER by a NoC-cost heuristic (enable_split_reader removed from Conv2dConfig); before, only when enable_split_reader was set',
    before: 'tt-metal conv2d_op_sharded_program_factory.cpp (split reader only with Conv2dConfig.enable_split_reader)',
    after:
      'tt-metal PR #27731; conv2d_op_program_factory_common.cpp@003324f (is_split_reader_supported / is_split_reader_viable)',
  },
  'conv2d-dram-slice-count-auto': {
    family: 'conv2d',
    pr: 25907,
    // Squash-merged on main as 28a524e (2025-08-12 05:17 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // The PR of change point conv2d-auto-shard-halo-estimate, dated the same (description 2025-07-28, review 2025-08-04;
    // its checklist's later CI runs, 16837109909 and 16862614555, suggest some days after; the day not read).
    mergedOn: '2025-08-12',
    dateFrom: 'merge',
    what: "an explicit DRAM slice config with num_slices 0 asks conv2d for the count: the fewest from 2 (below the sliced output dimension) whose L1 estimate fits, along the given axis; before, conv2d's DRAM path rejected any count but 1 < num_slices < that dimension (count 1 stays rejected until change point conv2d-dram-auto-slice-axis, where op_slicing takes any count above 0 and searches from 1). The same PR stopped rounding a tiled output's height slices to 32-row groups (width slices stay in 32-column groups)",
    before:
      'tt-metal conv2d.cpp before PR #25907 (search index id 3492362923: TT_FATAL(num_slices > 1, "Number of slices should be greater than 1 for Conv2D DRAM Slicing"), TT_FATAL(num_slices < output_sliced_dim); slice_rounding_value = TILE_HEIGHT for a tiled output on either axis)',
    after:
      'tt-metal PR #25907 ("Implement Auto Slicing for Conv2D DRAM"); conv2d.cpp (index id 8211315178: if num_slices == 0, current_num_slices from 2 while < output_sliced_dim until calculate_conv_dram_slice_L1_usage fits; slice_rounding_value only for WIDTH slices of a tiled output)',
  },
  'conv2d-dram-input-auto-slice': {
    family: 'conv2d',
    pr: 27147,
    // Squash-merged on main as dbbc742 (2025-10-01 18:27 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-01',
    dateFrom: 'merge',
    what: "conv2d without a slice config picks DRAM vs L1 from the input: a DRAM input takes the sliced DRAM path (channels aligned to 8, auto slice count: determine_conv_slice_type's axis, from 1 slice, tiled width slices in 32-column groups, a tiled width search that runs out retried along the height); a given count above 0 is taken and a count of 0 searched from 1; before, a DRAM input was resharded into L1 and run whole, and a count-0 config searched from 2 below the sliced dimension (counts of 1 or ≥ the dimension rejected)",
    before: 'tt-metal conv2d.cpp (DRAM slicing only with an explicit Conv2dSliceConfig, PR #19686 / #25907)',
    after:
      'tt-metal PR #27147; conv2d_utils.cpp@002a3f4 (determine_conv2d_execution_path); conv2d_utils.cpp@dbbc742 (determine_conv_slice_type, determine_conv2d_slice_config: num_slices > 0 taken, else from 1 while the estimate exceeds total_free_bytes); conv2d.cpp@dbbc742 (conv2d_DRAM: TT_FATAL(num_slices > 0), "less than the dimension" a debug-only TT_ASSERT, TILE_HEIGHT rounding of tiled width slices)',
  },
  'conv2d-runtime-forces-l1-full': {
    family: 'conv2d',
    repo: 'tenstorrent/tt-mlir',
    pr: 5195,
    // Merged 2025-10-07 00:48 UTC as dfe899f, the tt-mlir uplift to tt-metal aba1b93 (2025-10-02): the force and that pin
    // came in one commit, and the pin before it was ce7d0b2 (2025-10-01, PR #5170), so no tt-mlir build paired a
    // tt-metal of 2025-10-02 or later with the runtime that passed no slice config: dated by the pin.
    mergedOn: '2025-10-02',
    dateFrom: 'merge',
    what: "tt-mlir's runtime passes conv2d a Conv2dSliceConfig of type L1_FULL whatever the IR says, so a DRAM input is resharded into L1 and run whole (tt-metal's DRAM auto slicing of PR #27147 never runs); before, no slice config (std::nullopt)",
    before: 'tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@f988c33 (dram_slice_config_ = std::nullopt)',
    after: 'tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@dfe899f (sliceConfig->slice_type = L1_FULL)',
  },
  'conv2d-runtime-forwards-slice-config': {
    family: 'conv2d',
    repo: 'tenstorrent/tt-mlir',
    pr: 5285,
    // Merged 2025-10-10 09:58 UTC as e35ebcf (tt-mlir #5243), on the tt-metal pin 4eff6bc (2025-10-08).
    mergedOn: '2025-10-10',
    dateFrom: 'merge',
    what: "tt-mlir's runtime passes conv2d the IR's conv2d_slice_config, none when the IR has none (tt-mlir's workaround pass Conv2dSliceConfigRewritePattern writes the attribute into the IR instead); ends change point conv2d-runtime-forces-l1-full",
    before: 'tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@dfe899f (L1_FULL always)',
    after:
      'tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@e35ebcf (createConv2dSliceConfig(op->conv2d_slice_config()) when present)',
  },
  'conv1d-dram-input-auto-slice': {
    family: 'conv2d',
    pr: 47927,
    // Its review thread is of 2026-06-24 (merged); the day of the merge not read. PR #46587 (opened 2026-06-10) added
    // the slice_config parameter but kept L1_FULL when it is absent.
    mergedOn: '2026-06-25',
    dateFrom: 'approx',
    what: 'conv1d without a slice config forwards none to conv2d, so a DRAM input takes the sliced DRAM path (width slices); before, conv1d forced L1_FULL',
    before: 'tt-metal ttnn/cpp/ttnn/operations/conv/conv1d/conv1d.cpp@5cd3a45 (Conv2dSliceConfig L1_FULL); PR #46587',
    after: 'tt-metal PR #47927; conv1d.cpp (index id 60441039031: effective_slice_config = slice_config)',
  },
  'conv2d-auto-shard-keeps-act-block-h': {
    family: 'conv2d',
    pr: 32424,
    // Squash-merged on main as e1b34d5 (2025-11-24 22:14 UTC; nyoshifujiTT/tt-metal first-parent history, a merge after
    // 22:00 UTC: the next day). What was known before that merge was read, kept as evidence:
    // PR opened 2025-11-14 (its CI run is of that day); merged by 2025-11-26, when PR #33246 calls its commit e1b34d5
    // "recent" (a nightly it broke), and before the goldens' f4163c2 (2025-11-27), whose auto-shard convs run
    // whole-height act blocks. Day not read.
    mergedOn: '2025-11-25',
    dateFrom: 'merge',
    what: 'auto-shard (no shard_layout, interleaved input) no longer lowers act_block_h_override to one tile (two with enable_split_reader): act blocks span the whole per-core height unless the config says otherwise; before, ACT/ACT_TILIZED were one tile row and height-sharded weights fully buffered (×kH)',
    before:
      'tt-metal PR #13941; conv2d_utils.cpp before PR #32424 (determine_conv_config_for_auto_shard → get_l1_usage_for_sharding: act_block_h_override = TILE_HEIGHT when 0, ×2 with enable_split_reader)',
    after:
      'tt-metal PR #32424; conv2d_utils.cpp@002a3f4 (determine_conv_config_for_auto_shard passes the config through to calculate_L1_usage_for_conv_op)',
  },
  'conv2d-block-rm-channel-alignment': {
    family: 'conv2d',
    pr: 26201,
    // Squash-merged on main as d6330b1 (2025-08-05 12:29 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description and CI runs of 2025-08-04; the day of the merge not read.
    mergedOn: '2025-08-05',
    dateFrom: 'merge',
    what: 'a block-sharded conv of a row-major (or sliced) input aligns its input channels to 8 (L1 alignment / 2, or the shard width) like a height-sharded one; before, to 32 (more channel padding, fewer channel cores)',
    before:
      'tt-metal conv2d_utils.cpp of mid 2025 (search index id 3509439101: get_input_channels_alignment relaxes HEIGHT_SHARDED row-major only)',
    after:
      'tt-metal PR #26201 ("Relax restrictions for input channels alignment for block sharded row major input"); conv2d_utils.cpp@002a3f4 (any non-width layout). Figures: tt-forge-fe models-ops Conv2D33, Conv2D1307, Conv2D1311 (2025-03/05)',
  },
  'conv2d-auto-shard-most-cores': {
    family: 'conv2d',
    pr: 16045,
    // Rebase-merged on main (nyoshifujiTT/tt-metal first-parent history; the subjects name no PR): 236622e (2024-11-27,
    // select_shard_spec's 3/4-grid form), 68bc110 (PR #15644, 2024-12-04 08:33 UTC), 44e8301 (PR #15861, 2024-12-13
    // 09:34 UTC, reverted by 44ea114 / PR #16019 at 23:25 UTC), restored by 36e2494 (PR #16045, 2024-12-16 15:35 UTC).
    mergedOn: '2024-12-16',
    dateFrom: 'merge',
    what: 'auto shard (no shard_layout, interleaved input) reaches the form modeled up to PR #17485: select_shard_spec takes the scheme with the most cores (block unless height has more while block has under 3/4 of the grid, or ties on at most one grid row; width when at least as many; width again for ≥ 40 width cores and C_in > 1280), a width pick sets act_block_w_div to its largest valid value (PR #15644), and a 1x1 matmul conv skips the reshard and runs ttnn.linear on the interleaved input (PR #15861, restored by PR #16045); before, earlier forms (the first auto shard of 2024-10-09, b2f8ce6; PR #13941 of 2024-10-18 and the October / November changes to the core-count comparison; 1x1 matmul convs resharded), not modeled',
    before:
      "tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@b2f8ce6 (issue #13541's first auto shard) and @819d134 (PR #13941): select_shard_spec without the 3/4-grid guard; @236622e (no act_block_w_div pick); conv2d_utils.cpp@44ea114 (auto_shard_mm reverted)",
    after:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@36e2494 (select_shard_spec; auto_shard_mm in shard_or_reshard_tensor_if_required; adjust_conv_op_config_for_auto_shard_if_necessary: act_block_w_div = ceil(C_in / (width cores · 32))); the same select_shard_spec rule to 5444b3c~1 (2025-02-05)',
  },
  'conv2d-auto-shard-l1-estimate': {
    family: 'conv2d',
    pr: 17485,
    // Rebase-merged on main as 5444b3c (2025-02-05 13:25 UTC; nyoshifujiTT/tt-metal first-parent history, the subject
    // is the PR description's first line). What was known before that merge was read, kept as evidence:
    // Description 2025-02-03; its review threads run to 2025-02-04 and it is merged; tt-metal #17787 (a "Regression:
    // Out-of-memory" of auto shard picking width) was open by 2025-02-16.
    mergedOn: '2025-02-05',
    dateFrom: 'merge',
    what: 'auto shard (no shard_layout, interleaved input) ranks height / block / width by the L1 they take per core (conv CBs + output shard; no input or halo term) and takes the smallest; before, the scheme with the most cores (select_shard_spec: block unless height has more cores while block has under 3/4 of the grid, or ties on at most one grid row; width when it has at least as many; a block pick turns width for ≥ 40 width cores and C_in > 1280)',
    before:
      'tt-metal PR #13941 ("Improved heuristic for conv2d auto sharding to be based on maximising core count out of 3 sharding options", 2024-10-17); conv2d_utils.cpp of late 2024 and early 2025 (search index ids 2405271965 and 2427742271: select_shard_spec, determine_conv_config_for_auto_shard; conv2d_utils.hpp id 2839352467 for determine_parallel_config\'s defaults)',
    after:
      'tt-metal PR #17485 ("Conv2d use L1 estimates for auto-sharding": "Current L1 estimates only include conv2d device op CB allocations and tensor output"); no dated conv2d_utils.cpp of February 2025 in the index',
  },
  'conv2d-auto-shard-input-proxy': {
    family: 'conv2d',
    pr: 17945,
    // Rebase-merged on main as 1aba0a5 (2025-02-19 09:50 UTC; nyoshifujiTT/tt-metal first-parent history, "Use approx
    // input size per core as factor for auto-shard heuristic"). What was known before that merge was read, kept:
    // Description 2025-02-18; on tt-metal #17787 the author writes "fix is now merged in main" on 2025-02-19. Dated the
    // day of that comment (the merge is 2025-02-18 or -19).
    mergedOn: '2025-02-19',
    dateFrom: 'merge',
    what: 'auto shard adds an input-size proxy to the ranking: ceil(N·H·W/32)·ceil(C_aligned/32) output-dtype tiles over the input cores (width sharding of few input channels has one input core, tt-metal #17787); before (from PR #17485), CBs + output shard only',
    before:
      'tt-metal PR #17485 (CBs + output per core); tt-metal #17787 (2025-02-16: auto shard picks width, out of memory)',
    after:
      'tt-metal PR #17945 ("Use input tensor approx size for auto-shard heuristic"); conv2d_utils.cpp of mid 2025 (search index id 3509439101: determine_conv_config_for_auto_shard, approx_input_size_per_core)',
  },
  'conv2d-auto-shard-halo-estimate': {
    family: 'conv2d',
    pr: 25907,
    // Squash-merged on main as 28a524e (2025-08-12 05:17 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Not pinned: the mid-2025 conv2d_utils.cpp (index id 3509439101, which already has PR #25805's full_inner_dim) still
    // ranks with the input proxy; PR #25907's review (2025-08-04) points at a halo approximation on main, and
    // estimate_halo_output_elems is there by PR #27355 (2025-08-25). Dated at PR #25907; the day not read.
    mergedOn: '2025-08-12',
    dateFrom: 'merge',
    what: "auto shard ranks height / block / width by CBs + output shard + tt-metal's halo output estimate; before, by CBs + output shard + the input-size proxy of change point conv2d-auto-shard-input-proxy (PR #17945), and before that by CBs + output shard only (conv2d-auto-shard-l1-estimate, PR #17485)",
    before:
      'tt-metal PR #17945 ("Use input tensor approx size for auto-shard heuristic"); conv2d_utils.cpp of mid 2025 (search index id 3509439101: determine_conv_config_for_auto_shard, approx_input_size_per_core)',
    after:
      'tt-metal conv2d_utils.cpp@002a3f4 (determine_conv_config_for_auto_shard with the halo estimate); PR #25907, conv2d_utils.cpp@28a524e (estimate_halo_output_bytes, read)',
  },
  'conv2d-auto-shard-halo-exact': {
    family: 'conv2d',
    pr: 30446,
    // Squash-merged on main as 27f3634 (2025-10-29 10:24 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2025-10-13 (issue #30011 of 2025-10-06 lists "Implement exact Halo size calculation" as open); the
    // checklist's CI runs (ids 18842712177 .. 18898531904) come after PR #30006's (reviewed 2025-10-16), so the merge
    // is late October; day not read. conv2d_utils.cpp@71ff3c1 (a 2026 version: PR #34957's is_1d_conv) has the term.
    mergedOn: '2025-10-29',
    dateFrom: 'merge',
    what: "auto shard's halo term is the halo op's own output shard (generate_shard_boundaries' widest padded-input span of one output shard, snapped to tiles, × the halo input shard width × 2 or 4 B), as ops/halo.ts sizes the allocation, for matmul convs too; before, estimate_halo_output_elems: the halo input shard's image rows + (d·kH − 1) × (1, or for a batch above 1 the shard's whole images + 2), × the padded width × the shard width (the PR: \"tends to overestimate the output\")",
    before:
      'tt-metal conv2d_utils.cpp between PR #25907 and PR #30446 (calculate_L1_usage_for_conv_op: estimate_halo_output_elems(halo input shard shape, batch, H, W, kernel, dilation, padding)); its body read at 28a524e (estimate_halo_output_bytes), 45ecf0a and 5702b2d (estimate_halo_output_elems; change point conv2d-auto-shard-halo-estimate-fractional-rows)',
    after:
      'tt-metal PR #30446 ("Use exact halo output size when calculate conv2d L1 usage"); conv2d_utils.cpp@71ff3c1 (calculate_L1_usage_for_conv_op: SlidingWindowConfig with the conv stride, num_cores_nhw of the input config, snap_to_tile; sliding_window::calculate_precise_halo_output_elems(config, halo input shard shape) → total_size)',
  },
  'conv2d-dram-auto-slice-axis': {
    family: 'conv2d',
    pr: 33763,
    // Squash-merged on main as af7d566 ("Make auto slicing logic generic", 2025-12-17 08:13 UTC; nyoshifujiTT/tt-metal
    // first-parent history). The same PR's conv_transpose2d dispatch (conv-transpose2d-dram-input-auto-slice) shares it.
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: "conv2d's DRAM auto-slicer (no slice count given) runs op_slicing's determine_slice_config; its count search reads output_sliced_dim before setting the slice type (every search bounded by ⌊(OW + 1) / 2⌋ until conv2d-dram-auto-slice-retry). The axis rule (best_guess_slice_type of the input image: row-major output, height only when H > 3·W; tiled output, width when W ≥ 200 and H ≤ W, else height), the whole 32-column groups of tiled width slices, the tiled-width fallback to the height, the search from 1 slice and any given count above 0 are conv2d's own slicer's of PR #27147 already (conv2d_utils.cpp@dbbc742 determine_conv_slice_type / determine_conv2d_slice_config, read): the model applies them from change point conv2d-dram-input-auto-slice",
    before:
      "tt-metal PR #27147 (2025-09, conv2d's own auto slice type, not read); PR #30006 (2025-10: slicing moved to op_slicing.cpp, the auto slicer still in conv2d)",
    after:
      'tt-metal PR #33763; ttnn/cpp/ttnn/operations/sliding_window/op_slicing/op_slicing.cpp@d134b03 (best_guess_slice_type, determine_slice_config, compute_L1_usage_for_slice_config: slice_rounding_value TILE_HEIGHT for a tiled output sliced by width); op_slicing.hpp (index id 12624830249: Op2DSliceConfig slice_type defaults to DRAM_WIDTH)',
  },
  'conv-transpose2d-dram-input-auto-slice': {
    family: 'conv2d',
    pr: 33763,
    // The same PR as change point conv2d-dram-auto-slice-axis: squash-merged on main as af7d566 (2025-12-17 08:13 UTC;
    // nyoshifujiTT/tt-metal first-parent history). The December threads ran tt-mlir's pin, not main: tt-xla's uplift of
    // 2025-12-30 (tt-mlir b02f512) and tt-mlir from 12-17 23:20 to 12-30 11:17 UTC pin tt-metal d711cca (main of 12-16
    // 15:18 UTC), which lacks af7d566; tt-xla's tt-mlir of 2026-01-01 (905b295) pins dcae048 (12-23), which has it, and
    // #35224 (01-02) ran sliced. What was known before that merge was read, kept as evidence:
    // Dated by the threads instead: tt-metal #35165 and #35170 (tt-metal branches of 2025-12-30) print the
    // whole op's CBs (2,219,904 / 2,003,264 B, the L1 path's), tt-metal #35224 (branch of 2026-01-02) a 2-slice DRAM
    // run's (1,348,480 B). Not excluded: the PR was in the December builds and their auto-slicer chose one slice by an
    // estimate not read (PR #34731, 2025-12-18, fixes a conv_transpose2d get_L1_usage "inside the auto slicing logic").
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: "conv_transpose2d takes conv2d's DRAM/L1 dispatch: without a slice config a DRAM (or host) input runs conv_transpose2d_DRAM, op_slicing's auto-slicer picking the axis and count (ConvT2DSliceAttr: each output slice's input rows and padding, the per-slice conv_transpose2d_L1 with a tiled output, deallocate_activation and reallocate_halo_output); before, the L1 path (PR #33136 sliced only with an explicit slice config)",
    before:
      'tt-metal PR #33136 ("Without a slice config passed, the op will use the L1 version"; its review of 2025-11-28: determine_conv_transpose2d_execution_path, auto slicing "not currently supported")',
    after:
      'tt-metal PR #33763 ("Update conv_transpose2d DRAM/L1 dispatch logic to match conv2d"); conv_transpose2d.cpp (search index id 177043509: determine_conv_transpose2d_execution_path, ConvT2DSliceAttr get_input_slice_and_padding / run_L1_op); op_slicing.cpp (id 6757217204: determine_slice_config from 1 slice against the allocator\'s total_free_bytes)',
  },
  'conv-transpose2d-dram-slice-estimate-fixed': {
    family: 'conv2d',
    pr: 37791,
    // Description 2026-02-12 (tickets #37745, #35224, #35165, #37643, #38257); squash-merged on main as cb76be1
    // (2026-03-05 12:57 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-03-05',
    dateFrom: 'merge',
    what: "conv_transpose2d's DRAM slice-count estimate (ConvT2DSliceAttr::get_L1_usage) sizes the halo of the transposed conv (is_transpose, the slice's NHW cores); before, its sliding-window config was a plain stride-s conv over the un-expanded input slice with the channel-core count as its NHW cores, so the halo term was a few rows of the input and the count chosen too small (its real halo clashes with the CBs: tt-metal #35224, #37745); with one slice it now runs the L1 op directly",
    before:
      'tt-metal conv_transpose2d.cpp (search index id 177043509: get_L1_usage, slice_halo_config without is_transpose, num_cores_nhw = get_num_cores_channels_from_parallel_config)',
    after:
      'tt-metal PR #37791 ("the sliding window config used in conv transpose L1 estimation has been corrected"); conv_transpose2d.cpp@00b0fa3 (is_transpose = true, num_cores_nhw = get_num_cores_nhw_from_parallel_config; num_slices 1 → conv_transpose2d_L1)',
  },
  'conv2d-block-output-decoupled': {
    family: 'conv2d',
    pr: 27767,
    // Squash-merged on main as 8e2c9f3 (2025-09-05 06:44 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // The PR description is of 2025-09-02 ("Conv2d decouple input and output shard grids"); the day of the merge not read.
    mergedOn: '2025-09-05',
    dateFrom: 'merge',
    what: "a block-sharded conv's output takes its own channel cores (C_out tiles re-split over the grid's channel axis, as width sharding already did); before, the output kept the input's grid, so per_core_N = C_out tiles / the input's channel cores and those cores were the largest count padding both C_in and C_out by less than one share each",
    before:
      'tt-metal conv2d_utils.cpp of mid 2025 (search index id 3509439101: determine_output_parallel_config re-splits WIDTH_SHARDED only; determine_parallel_config BLOCK_SHARDED num_cores_c = find_closest_largest_divisor_with_num_padding(out_channels_ntiles, input_channels_ntiles, …)). Figures: tt-metal #19762 (2025-04-14, RMBG 7x7 conv: 16 cores, WEIGHTS 2·49 tiles, region end 1,100,832 B); tt-forge-fe models-ops Conv2D34 (2025-05-14: block limited to 2 channel cores, so auto shard picks height, 1,530,912 B)',
    after: 'tt-metal PR #27767; conv2d_utils.cpp@002a3f4 (determine_output_parallel_config for BLOCK_SHARDED)',
  },
  'conv2d-1d-conv-on-height': {
    family: 'conv2d',
    pr: 34957,
    // Squash-merged on main as e88993c (2025-12-25 10:25 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description and CI runs of 2025-12-23; the day of the merge not read.
    mergedOn: '2025-12-25',
    dateFrom: 'merge',
    what: 'is_1d_conv / is_1d_depthwise_conv test the kernel height and image height (a [N, 1, L, C] image, kernel (1, K)); before, the kernel width and image width (L on the height, kernel (K, 1)); conv1d maps L onto the width from here on',
    before:
      'tt-metal conv2d_utils.cpp of mid 2025 (search index id 3509439101: is_1d_deptwise_conv(groups, C_in, C_out, kernel_width, image_width, has_bias)); conv2d_op_sharded_program_factory.cpp@003324f',
    after:
      'tt-metal PR #34957 ("Fix is_1d_conv to check kernel_height and image_height"); conv2d_utils.cpp@e88993ce77 (the squash merge, nyoshifujiTT/tt-metal first-parent: is_1d_conv(kernel_height, image_height) and kernel_width == 1 for is_1d_depthwise_conv; determine_per_core_conv_block_config: dw1d act_block_w = C; get_cb_info: WEIGHTS per_core_N·act_block_h·kW), the same at de47eb4',
  },
  'conv2d-1d-depthwise-any-kernel-width': {
    family: 'conv2d',
    pr: 44490,
    // Squash-merged on main as 6a48058 (2026-05-19 19:17 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Reviews on the PR run to 2026-05-19; tt-metal PR #45133 (2026-05-25) names its commit 6a480585 as already on main.
    mergedOn: '2026-05-19',
    dateFrom: 'merge',
    what: 'a 1-D depthwise conv (no bias) of any kernel width takes the depthwise path again: one activation block per kernel tap (act_block_w = C, WEIGHTS per_core_N·act_block_h), or, when the whole window of C·elem·kW bytes fits one NoC burst (8 KiB Wormhole, 16 KiB Blackhole), height sharded and undilated, one coalesced block (act_block_w = C·kW, WEIGHTS ×kW); taps accumulate in DST and pack straight to the output (no partials or temp-sum CB); before, the depthwise path needed kernel width 1 and wider kernels ran the general conv on block-diagonal weights',
    before:
      'tt-metal conv2d_utils.cpp@002a3f4 (is_1d_depthwise_conv: … && kernel_width == 1); conv2d_op_program_factory_common.cpp@003324f (MATMUL_PARTIALS 1 tile, TEMP_SUM 1 tile for 1-D depthwise)',
    after:
      'tt-metal PR #44490; conv2d_op_sharded_program_factory.cpp (search index id 54489741416: num_blocks_act_w, weight_block_h_ntiles = act_block_h·(coalesce ? kW : 1), the act_block_w check); compute_depthwise_conv1d.cpp (id 56956942099: in0, in1, tilized in0 and out CBs only); NOC_MAX_BURST_SIZE = 256 NoC words (noc_parameters.h: 32 B Wormhole, 64 B Blackhole). Figure: tt-metal #46025 (1,880,640 B)',
  },
  'conv2d-1d-depthwise-multi-block-scratch': {
    family: 'conv2d',
    pr: 48632,
    // Description of 2026-06-30 (issue #48261), merged; the day of the merge not read: no merge commit or later thread
    // in the index names it (session 17 searched the PR's threads and the tt-mlir uplifts, whose tt-metal commits are
    // not stored versions of the conv files).
    mergedOn: '2026-06-30',
    dateFrom: 'approx',
    what: "a per-tap (non-coalesced) 1-D depthwise conv with several height blocks per core (act_block_h below the per-core height) keeps all kW taps' weight blocks resident (WEIGHTS per_core_N·act_block_h·kW) and accumulates in a dedicated double-buffered scratch CB instead of the output shard; before, WEIGHTS was sized like a normal conv (×kH = 1) and the partial read back from the output CB (wrong results, same L1). A single height block is unchanged (the scratch aliases the output)",
    before:
      'tt-metal PR #44490; conv2d_op_sharded_program_factory.cpp (search index id 54489741416: weight_block_h_ntiles = act_block_h·(coalesce ? kW : 1)); compute_depthwise_conv1d.cpp (id 56956942099: the partial read back from out_cb)',
    after:
      'tt-metal PR #48632 ("Now uses a dedicated double-buffered scratch CB for multi-block ... [the weights CB] must hold all num_blocks_act_w per-tap weight blocks"); compute_depthwise_conv1d.cpp (index id 54972975808: scratch_cb aliased to out_cb for one height block, its own buffer when in0_num_blocks_h > 1; tap 0 pushes a whole block of act_block_h·C tiles before tap 1 pops any, so the CB holds at least one block). The scratch is the MATMUL_PARTIALS CB in the output format (the Metal 2.0 port of the sharded factory, index id 58171011670: depthwise_uses_partials_scratch for a non-coalesced multi-block 1-D depthwise conv, sized by get_cb_info; its compute kernel, id 58062588005, packs the partial there); get_cb_info\'s page count after the PR was not read (no stored main-line version after it: @55e3268 and @f3c1ee7 are older): two blocks, the PR\'s "double-buffered", assumed',
  },
  'conv2d-partials-one-block': {
    family: 'conv2d',
    pr: 51664,
    // Reviewed (Copilot's review thread) on 2026-07-31, merged; the day of the merge not read. It was on main by
    // 2026-08-12: tt-metal PR #52906 (description of that day, fixing issue #52572) repairs a PACK-format bug of the
    // one-block partials FIFO path and "keeps ... the one-block partials FIFO optimization enabled". Dated at the review,
    // the earliest it can be (session 18 found no merge commit or stored factory version either).
    mergedOn: '2026-07-31',
    dateFrom: 'approx',
    what: "a conv2d whose MATMUL_PARTIALS CB does not alias the output (row-major output, or partials in another format than the output) sizes it to one output block (act_block_h·per_core_N tiles) reused as a FIFO, and auto-shard's L1 estimate follows; before, the whole per-core output (per_core_M·per_core_N tiles)",
    before:
      'tt-metal conv2d_op_program_factory_common.cpp@003324f (get_cb_info: MATMUL_PARTIALS num_pages = per_core_out_ntiles)',
    after:
      'tt-metal PR #51664 ("Size MATMUL_PARTIALS to one output block ... dedicated partials storage drops from the full per-core output to one output block"); conv2d_op_program_factory_common.hpp (index id 58112263352: CBInfo.address_offset for the tail-block overlap)',
  },
  'conv2d-transpose-shards-default-false': {
    family: 'conv2d',
    pr: 23253,
    // Merged as 9a2171f at 2025-06-10 10:25 UTC (nyoshifujiTT/tt-metal history). tt-mlir's runtime sets transpose_shards
    // only when the IR's conv2d_config has it (runtime utils.cpp of 2025-04, tt-mlir 445964f), so tt-metal's default rules.
    mergedOn: '2025-06-10',
    dateFrom: 'merge',
    what: "Conv2dConfig.transpose_shards defaults to false: a block-sharded conv's grid is row-major (channel cores along x, NHW cores along y); before, true: column-major, NHW cores along x. Moves the block grid's rectangle (the printed core range) and, on a non-square grid, which axis bounds each core count",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/device/conv2d_op.hpp@7598b7e (transpose_shards = true); figures: tt-forge-fe models-ops Conv2D922 / 805 / 853 (528 → 528, groups 2, 96x96; 2025-03-25 .. 05-02) clash on [(x=0,y=0) - (x=7,y=5)] for 8 NHW x 6 channel cores',
    after: 'tt-metal PR #23253 ("Change default for transpose_shards to False in Conv2dConfig"), 9a2171f',
  },
  'conv2d-input-channels-alignment-deduced': {
    family: 'conv2d',
    pr: 21612,
    // Merged as 7265106 at 2025-05-09 10:17 UTC (nyoshifujiTT/tt-metal history): not in tt-metal 1a9bf1a (2025-05-02, the
    // pin of tt-forge-fe 5b679a758), in 3d4cffb (2025-05-13, ad5f0d8b6's).
    mergedOn: '2025-05-09',
    dateFrom: 'merge',
    what: 'the input channels alignment is deduced for every conv (get_input_channels_alignment: 8, or the shard width, for a height-sharded non-matmul conv of a row-major input, whatever its channel count); before, only auto shard with act_block_h_override 0 relaxed it, and only to 8 for fewer than 32 input channels: every other conv took Conv2dConfig.input_channels_alignment, 32 by default',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@5a4f243 (determine_conv_config_for_auto_shard: "enable shallow conv" when in_channels < TILE_WIDTH, row-major, height, not matmul; the winning config carries the alignment) and device/conv2d_op.hpp@5a4f243 (input_channels_alignment = 32); figures: tt-forge-fe models-ops Conv2D1300 (80 → 160 on 240x240, bc7d00334, 2025-05-02: 638,592 / 724,000, C padded to 96) beside Conv2D190 / 1231 (16 and 3 channels, the same build: 8)',
    after:
      'tt-metal PR #21612 ("Remove input_channels_alignment from Conv2dConfig"), conv2d_utils.cpp@7265106 (get_input_channels_alignment); figure: Conv2D1441 / 765 (the same weights on 320x320, f96d63a9a, 2025-05-20: 654,368, C 80)',
  },
  'conv2d-dram-tiled-input': {
    family: 'conv2d',
    pr: 22817,
    // Merged as c2a9666 at 2025-06-11 07:55 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-06-11',
    dateFrom: 'merge',
    what: 'the DRAM-sliced conv2d path takes a tiled or non-bf16 DRAM input (padded_slice reads tiled pages and still writes row-major slices, so the slice is aligned as a row-major input); before, conv2d_DRAM rejected any input but row-major bf16',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@7796cd1 (PR #19686, conv2d_DRAM: TT_FATAL "Input Tensor to Conv DRAM should be BFLOAT16", "Input Tensor to Conv DRAM should be in Row Major Layout")',
    after:
      'tt-metal PR #22817 ("Add support for tiled inputs to padded_slice"), conv2d.cpp@c2a9666 (both checks removed)',
  },
  'halo-output-bf16-unless-f32': {
    family: 'halo (conv2d, pool2d)',
    pr: 22605,
    // Merged as 3c6ee52 at 2025-05-30 10:58 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-05-30',
    dateFrom: 'merge',
    what: "the halo output (and its pad / untilize CBs) is float32 for a float32 input and bfloat16 for every other; before, the input's own dtype (bfloat8_b untilized to bfloat16): int32 / uint32 sticks of 4 B and uint8 of 1 B, in the halo output, its CBs and the conv / pool reading it",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/sliding_window/halo/device/halo_device_operation.cpp@867070c (compute_output_specs: output_dtype = input dtype, BFLOAT8_B → BFLOAT16; the same at 4da41ff, 2024-12-31)',
    after:
      'tt-metal PR #22605 ("Fix Conv2D when input dtype != output dtype"), halo_device_operation.cpp@3c6ee52 (FLOAT32 → FLOAT32, else BFLOAT16); untilize_with_halo_program_factory.cpp@3c6ee52 (pad and untilize CBs in the output tensor\'s format); PR #27138 (5965834) keeps UINT16, the same 2 B',
  },
  'conv-transpose2d-matmul-by-own-stride': {
    family: 'conv2d',
    pr: 33763,
    // Merged as af7d566 at 2025-12-17 08:13 UTC (nyoshifujiTT/tt-metal first-parent history), as the same PR's
    // conv2d-dram-auto-slice-axis is dated; its conv-transpose2d-dram-input-auto-slice is dated by threads instead.
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: "conv_transpose2d asks use_matmul_for_1x1_conv with its own stride and padding (L1 and DRAM entries): a kernel-1 transposed conv with a stride above 1 runs the halo (zero insertion) and the conv program; before, with stride 1 and the expanded input's padding, so an unpadded kernel-1 one of any stride was the 1x1 matmul on its un-expanded input (auto shard of an interleaved input: ttnn::linear on it, DRAM out; a sharded run's matmul config was sized for the expanded output: not modeled), and conv_transpose2d_DRAM (PR #33136) ran it whole on the L1 path",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv_transpose2d/conv_transpose2d.cpp@7097156 (conv_transpose2d_L1: use_matmul_for_1x1_conv(kernel, CONV2D_STRIDE = {1, 1}, expanded padding); conv_transpose2d_DRAM: the same with {1, 1}, then conv_transpose2d_L1 whole); the same rule since PR #15256 (232b9ac, 2024-12-04) and at 078f0f7 (PR #33136)',
    after:
      'tt-metal PR #33763 ("Make auto slicing logic generic"), conv_transpose2d.cpp@af7d566 (use_matmul_for_1x1_conv(kernel_size, stride, padding, ...) in both entries)',
  },
  'conv2d-dram-auto-slice-retry': {
    family: 'conv2d',
    pr: 35774,
    // Merged as 2be027c at 2026-02-10 18:27 UTC (nyoshifujiTT/tt-metal first-parent history of op_slicing.cpp).
    mergedOn: '2026-02-10',
    dateFrom: 'merge',
    what: 'op_slicing\'s auto-slicer (no slice config), when no count up to the most slices fits its best-guess axis, retries once along the other axis in either direction (height -> width too), and when that fails too throws "DRAM Auto slice could not find valid slice configuration. Tried up to N slices for <axis>-slicing on output dimension D. Available L1: F bytes"; before, only a tiled output\'s width guess fell back to the height, and a search that ran out returned its last count with a warning (no TT_FATAL): the model takes that count and lets its L1 overflow show',
    before:
      'tt-metal op_slicing.cpp@af7d566 (PR #33763, 2025-12-17) through @fa00323 (PR #32157, 2026-01-03): determine_slice_config retries DRAM_HEIGHT only when a tiled output\'s width search runs out; otherwise log_warning("could not find suitable number of slices") and the config returned',
    after:
      'tt-metal PR #35774 ("Automatic DRAM Slicing for Pool2D"), op_slicing.cpp@2be027c (determine_slice_config_internal: the other slice type once when auto_slice_type and not a retry, then TT_FATAL(found_valid_config, ...) with current_num_slices - 1, the axis, the sliced output dimension and total_free_bytes)',
  },
  'halo-output-keeps-uint16': {
    family: 'halo (conv2d, pool2d)',
    pr: 27138,
    // Merged as 5965834 at 2025-09-05 12:54 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-05',
    dateFrom: 'merge',
    what: 'the halo output keeps a uint16 input as uint16 (for max_pool2d_with_indices\' index tensor) instead of bfloat16: the same 2 B sticks, but a pool whose input is uint16 gets a uint16 halo output, which the pool program rejects ("Only BFLOAT16 supported for now")',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/sliding_window/halo/device/halo_device_operation.cpp@3c6ee52 (FLOAT32 → FLOAT32, else BFLOAT16)',
    after:
      'tt-metal PR #27138 ("Max Pool with Indices"), halo_device_operation.cpp@5965834 (compute_output_specs: FLOAT32, UINT16 kept, else BFLOAT16)',
  },
  'conv2d-auto-shard-tile-units': {
    family: 'conv2d',
    pr: 18877,
    // Rebase-merged on main as 64d88d7 (2025-03-10 16:19 UTC; nyoshifujiTT/tt-metal first-parent history, "Fix
    // regression on conv1d auto-shard"). PR #18601 (a74b197, 2025-03-13) then only dropped the unused is_out_tiled and
    // gave determine_parallel_config its tile-multiple height / width flags: a conv passes both true, the same counts.
    mergedOn: '2025-03-10',
    dateFrom: 'merge',
    what: "auto shard's L1 ranking sizes each scheme with determine_parallel_config in tiles whatever the output layout; before (from PR #17485), it passed is_out_tiled = (output_layout == TILE), so a row-major output counted N·H·W in rows (rounded up to 32) and channels one by one: other core counts, other CB and output-shard totals, possibly another winner (the conv then ran with the tile-unit config of the scheme picked)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@5444b3c (determine_conv_config_for_auto_shard: is_out_tiled = output_layout == Layout::TILE passed to determine_parallel_config; effective tile height / width 1 when false)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@64d88d7 (true passed instead); @a74b197 (PR #18601: is_out_tiled removed)',
  },
  'conv2d-auto-shard-block-cores-in-out': {
    family: 'conv2d',
    pr: 27147,
    // Squash-merged on main as dbbc742 (2025-10-01 18:27 UTC; nyoshifujiTT/tt-metal first-parent history); the same
    // PR as change point conv2d-dram-input-auto-slice.
    mergedOn: '2025-10-01',
    dateFrom: 'merge',
    what: "auto shard's block guard counts the larger of the block config's input and output cores; before, the input grid's cores alone (the two differ only since change point conv2d-block-output-decoupled)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@8e2c9f3 (core_count = input_parallel_config.grid.num_cores())',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@dbbc742 (core_count = max(input, output grid cores))',
  },
  'conv2d-auto-shard-block-cores-at-least-grid-x': {
    family: 'conv2d',
    pr: 33763,
    // Squash-merged on main as af7d566 (2025-12-17 08:13 UTC; nyoshifujiTT/tt-metal first-parent history); the same
    // PR as change point conv2d-dram-auto-slice-axis.
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: 'auto shard takes a smaller block config when its core count is at least the grid width; before (from PR #17485), only when it is more than the grid width (a block of exactly grid.x cores lost to height)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@5444b3c and @dbbc742 (block.size < winning_config.size && block.core_count > compute_grid_size.x)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@af7d566 (block.total_size < winning_config.total_size && block.core_count >= compute_grid_size.x)',
  },
  'conv2d-non-tile-shards-removed': {
    family: 'conv2d',
    pr: 17937,
    // Rebase-merged on main as c69f5c0 (2025-02-19 10:05 UTC; nyoshifujiTT/tt-metal first-parent history); fixes
    // tt-metal #17647.
    mergedOn: '2025-02-19',
    dateFrom: 'merge',
    what: 'conv2d loses its non-tile-multiple shards; before, a row-major output with act_block_h_override 0 took a shard height that is not a tile multiple (height sharded, C_out ≤ 256, bf16/f32 output, channel alignment ≠ 16) or a shard width of 8/16 channels (block sharded, bf16/bfp8 weights, elem·C_in a multiple of 16·grid columns): not modeled (`unmodeled` in those builds)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@c69f5c0~1 (check_non_tile_mul_width, check_non_tile_height); @d9304dd (the same conditions inline, determine_parallel_config_non_tile_mul_width)',
    after: 'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@c69f5c0 (PR #17937)',
  },
  'conv3d-no-config-auto-blocking': {
    family: 'conv3d',
    pr: 38595,
    // Squash-merged on main as f4df94a (2026-02-26 17:15 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-02-26',
    dateFrom: 'merge',
    what: 'conv3d without a Conv3dConfig uses conservative blocks: C_out_block 32 (was all output channels), full C_in, T/H/W 1, the whole device grid',
    before:
      'tt-metal conv3d_device_operation_types.hpp (Conv3dConfig defaults: C_in_block = C_out_block = 0, all channels)',
    after: 'tt-metal PR #38595 (conv3d.cpp: optional config with default blocking)',
  },
  'conv3d-no-config-c-in-block-32': {
    family: 'conv3d',
    pr: 41281,
    // Squash-merged on main as 2a2bfad (2026-04-04 12:10 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-04',
    dateFrom: 'merge',
    what: 'conv3d without a config: C_in_block 32 instead of all input channels (vol2col and weight CBs shrink from K = k³·C_in to k³·32)',
    before: 'tt-metal PR #38595 (full C_in block)',
    after: 'tt-metal PR #41281 (conv3d.cpp auto-config C_in_block = TILE_WIDTH)',
  },
  'conv3d-no-config-c-in-block-min': {
    family: 'conv3d',
    pr: 43715,
    // Squash-merged on main as 6f74790 (2026-05-13 14:11 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read: opened 2026-05-06 (the date taken); the fix reported running for tt-metal
    // #42146 on 2026-05-10, before the merge, so on the PR's branch; the factory read, conv3d.cpp@06bd373, is not in
    // main's history to 2026-06-23.
    mergedOn: '2026-05-13',
    dateFrom: 'merge',
    what: 'conv3d without a config: C_in_block = lcm(L1 alignment, 32 / gcd(kernel volume, 32)), e.g. 16 for a 2x14x14 kernel',
    before: 'tt-metal PR #41281 (C_in_block 32)',
    after: 'tt-metal conv3d.cpp@06bd373 (min_c_in_block); PR #43715',
  },
  'conv3d-prepared-weights-full-c-in': {
    family: 'conv3d',
    pr: 47343,
    // Squash-merged on main as cbad0cd (2026-06-18 16:02 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-06-18',
    dateFrom: 'merge',
    what: 'conv3d without a config on pre-prepared (rank-2) weights uses the full C_in block again (to match prepare_conv3d_weights)',
    before: 'tt-metal PR #43715 (smallest valid C_in block for every weight rank)',
    after: 'tt-metal PR #47343',
  },
  'conv3d-prepared-weights-min-c-in': {
    family: 'conv3d',
    pr: 48243,
    mergedOn: '2026-06-26',
    dateFrom: 'approx',
    what: 'C_in_block 0 means the smallest valid block on both weight paths: pre-prepared weights no longer take the full C_in block',
    before: 'tt-metal PR #47343 (rank-2 weights: full C_in block)',
    after: 'tt-metal PR #48243 (default_c_in_block(kernel_vol))',
  },
  'ccl-reduce-scatter-nd': {
    family: 'ccl',
    pr: 30887,
    // Squash-merged on main as 417229f (2025-10-24 16:23 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // CI runs of the PR (18693752256, 18727048144) are of 2025-10-21/22; merge day not read.
    mergedOn: '2025-10-24',
    dateFrom: 'merge',
    what: 'ttnn::reduce_scatter runs the minimal async ring/line factories for N-D tile-aligned inputs (composite otherwise); earlier builds ran a 4-D-only path not read here (unmodeled before)',
    before: 'tt-metal PR #30887 description ("Reduce scatter only supported 4D tensors")',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/ccl/reduce_scatter/device/reduce_scatter_program_factory.cpp@5b9c671; composite_common.cpp@00d062b',
  },
  'ccl-all-gather-nd': {
    family: 'ccl',
    pr: 30998,
    // Squash-merged on main as fb0f817 (2025-10-27 18:59 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // CI run 18726537267 of the PR is of 2025-10-22; merge day not read.
    mergedOn: '2025-10-27',
    dateFrom: 'merge',
    what: 'ttnn::all_gather runs the minimal default all_gather_async builder for any rank (2-D special case, ND composite fixes); earlier builds routed some shapes differently (unmodeled before)',
    before: 'tt-metal PR #26989 (composite for outer-dim gathers), PR #26661 (composite for padded gather dims)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/ccl/all_gather/all_gather.cpp@00bbd1e, device/all_gather_program_factory.cpp@0055520',
  },
  'ccl-scatter-write-4-chunks': {
    family: 'ccl',
    pr: 32395,
    // Squash-merged on main as ce239e5 (2025-12-04 17:25 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Reviewed 2025-11-18; its CI runs (19935583723…) are of early December 2025. Merge day not read.
    mergedOn: '2025-12-04',
    dateFrom: 'merge',
    what: 'fabric scatter writes carry up to 4 chunks instead of 2: all_gather packs min(4, pages per packet) tiles per packet (bfp8/bfp4/u8 tiles: c_0 of 12 tiles instead of 6); the ring reduce_scatter granularity likewise',
    before:
      'tt-metal …/all_gather_async/device/all_gather_async_program_minimal_variants.cpp@00edc3b (max_target_noc_addresses_per_packet = 2)',
    after:
      'tt-metal …/all_gather_matmul_async builder _2 and strided reduce_scatter (max_target_noc_addresses_per_packet = 4); PR #34581 (all-gather scatter-write fix, 2025-12-17)',
  },
  'a2a-dispatch-send-map': {
    family: 'ccl',
    pr: 24816,
    // Squash-merged on main as c97c4db (2025-07-10 17:09 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2025-07-10; the multi-link PR #25124 (opened 2025-07-15) builds on it. Merge day not read.
    mergedOn: '2025-07-10',
    dateFrom: 'merge',
    what: 'all_to_all_dispatch keeps a token-device send map (c_4) and packs metadata in an L1 CB (c_5, FullPacket; PageByPage without it when L1 is short); earlier builds read whole indices into c_1 with 16 packet headers (unmodeled before)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/ccl/all_to_all_dispatch/device/all_to_all_dispatch_program_factory.cpp@72c3272',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/ccl/all_to_all_dispatch/device/all_to_all_dispatch_program_factory.cpp@003544f (detail::get_cb_sizes); all_to_all_dispatch.cpp@012e288',
  },
  'fabric-1d-header-by-system-size': {
    family: 'ccl',
    pr: 34976,
    // Squash-merged on main as 8daf0a3 (2026-01-08 03:28 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Review thread of 2026-01-07; the description of tt-metal PR #35494 (2026-01-09) says #34976 "already added the
    // infra for dynamic sizing". Merge day not read.
    mergedOn: '2026-01-08',
    dateFrom: 'merge',
    what: "the 1D fabric packet header (get_tt_fabric_packet_header_size_bytes, the page of every worker's packet-header CB) is sized from the system's mesh: 48 B (LowLatencyPacketHeaderT<0>) when the largest mesh dimension is at most 17 chips (≤ 16 hops), 64 B up to 33 chips; before, 64 B for every system (tt-metal PR #32575, 2025-12, for 1x32 routing; 32 B earlier)",
    before:
      'tt-metal tt_metal/fabric/fabric_context.cpp@001c321 (compute_packet_header_size_bytes: sizeof(PacketHeader) for 1D); fabric_edm_packet_header.hpp@01656bf (static_assert sizeof(PacketHeader) == 64)',
    after:
      'tt-metal tt_metal/fabric/fabric_context.cpp (compute_packet_specifications: extension words = (max 1D hops − 1) / 16, get_1d_header_size; search-index versions 54979123 and 57930568283); fabric_host_utils.cpp (compute_max_1d_hops = largest mesh dimension − 1); fabric_edm_packet_header.hpp@01656bf (LowLatencyPacketHeaderT<0> 48 B, <1..3> 64 B)',
  },
  'all-gather-rewrite': {
    family: 'ccl',
    pr: 48301,
    // Description 2026-06-26; tt-metal issue #48197 said the same day it would merge "late next week". Day not read.
    mergedOn: '2026-07-02',
    dateFrom: 'approx',
    what: 'ttnn::all_gather rewritten: unicast/multicast factories with per-arch sweep rules for workers and packets per CB entry (CB = 2 entries); not modeled from here on',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/ccl/all_gather/device/all_gather_program_factory.cpp@0055520 (minimal default builder)',
    after: 'tt-metal ttnn/cpp/ttnn/operations/ccl/all_gather/device/all_gather_unicast_factory.cpp@022ab70',
  },
  'repeat-output-memory-config': {
    family: 'repeat',
    repo: 'tenstorrent/tt-mlir',
    pr: 6772,
    mergedOn: '2026-01-28',
    dateFrom: 'merge',
    what: "tt-mlir's runtime and OpModel pass the op's memory config to ttnn::repeat; before, ttnn::repeat(in, dims) ran without one, so the result took the input's memory config whatever the IR result says (TestOpModelLib.cpp@b73fc81:1470: DRAM input, L1 result requested, 0 B of L1 output)",
    before:
      "tt-mlir runtime/lib/ttnn/operations/data_movement/repeat.cpp@b73fc81; tt-metal …/repeat/repeat.cpp (output memory_config.value_or(input's))",
    after: 'tt-mlir f3c90ca (runtime repeat.cpp: createMemoryConfigIfNeeded(op->memcfg()))',
  },
  'repeat-interleave-output-memory-config': {
    family: 'repeat',
    pr: 44115,
    // Review thread of 2026-07-15 asks for it; tt-mlir's OpModel test expected 0 B of L1 output up to its tt-metal
    // uplift of 2026-07-17 and an L1 output from the one of 2026-07-29 (tt-mlir 3b502db): merged in between.
    mergedOn: '2026-07-20',
    dateFrom: 'approx',
    what: "repeat_interleave of a bf16 tensor along a dim other than the last ends with to_memory_config(output memory config); before, the unsqueeze/concat/reshape/to_layout chain kept the input's memory config and the requested one was ignored",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/repeat_interleave/repeat_interleave.cpp (2025 version, index id 2593063702: returns original_layout unless typecast)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/repeat_interleave/repeat_interleave.cpp@01c8afe (to_memory_config(original_layout, mem_config))',
  },
  'asinh-unary-sfpu': {
    family: 'eltwise (unary)',
    pr: 23576,
    // Squash-merged on main as 9aebb1a (2025-06-25 09:04 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Reviews run to 2025-06-20 and the LLK side (tt-llk #381) to the same week; merge day not read.
    mergedOn: '2025-06-25',
    dateFrom: 'merge',
    what: 'asinh runs as one SFPU unary program (UnaryOpType::ASINH); before, as a composite of eltwise programs (abs, square, add, sqrt, add, log, sign, multiply), the largest of them a tensor-tensor binary',
    before: 'tt-metal …/eltwise/unary/device/unary_composite_op.cpp (_asinh, index id 6710124477)',
    after: 'tt-metal …/eltwise/unary/unary.cpp (REGISTER_UNARY_OPERATION(asinh, ASINH), index id 7199966208)',
  },
  'argmax-multicore-by-layout': {
    family: 'search',
    pr: 46340,
    // Squash-merged on main as 6008ff5 (2026-06-18 09:07 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // The PR description is dated 2026-06-08 (issue #44838, 2026-05-20); the merge day was not read.
    mergedOn: '2026-06-18',
    dateFrom: 'merge',
    what: 'argmax loses use_multicore: a row-major input reduced over the last dim (or all dims) always takes ArgMaxMultiCoreProgramFactory, everything else the single-core factory; before, use_multicore chose the factory and a tiled input with use_multicore was rejected',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_device_operation.cpp (select_program_factory by use_multicore; validate: "Multicore argmax only supports ROW_MAJOR layout for inputs!")',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_device_operation.cpp@00218c5 (uses_multicore_path)',
  },
  'topk-single-core-streaming': {
    family: 'search',
    pr: 21029,
    // Squash-merged on main as 2f07145 (2025-04-24 14:51 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // The resubmission of PR #20781 (merged 2025-04-16, reverted by PR #20876 on 2025-04-18); its description is dated
    // 2025-04-22 and the merge day was not read. Tickets tt-metal #13235 (1x50257 "not enough L1 memory") and #18357.
    mergedOn: '2025-04-24',
    dateFrom: 'merge',
    what: 'topk single-core becomes an insertion sort streaming 4 transposed tiles (working set K tiles) and takes over whenever the multi-core split does not fit or k > 64; before, the bitonic single-core factory held the whole row transposed (Wt value + Wt index tiles) and ran only for W < 8,192, a wider row needing the multi-core split ("Not enough cores available to run topk operation") and k ≤ 64 always',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/topk/device/topk_program_factory.hpp@025ec61 (topk_single_core_interleaved: c_24/c_25 of Wt tiles); topk_op.cpp of the same API era (validate: k ≤ 64, verify_available_cores for W ≥ 8,192; search index id 4637263018)',
    after:
      'tt-metal PR #21029; ttnn/cpp/ttnn/operations/reduction/topk/device/topk_op.cpp (verify_single_core_cost: transposed_cb_tile_count = 4; search index id 3748156189)',
  },
  'moreh-cumsum-to-accumulation': {
    family: 'accumulation',
    pr: 24427,
    // Squash-merged on main as de8579f (2025-07-07 19:44 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // The PR's CI run and review comments are of 2025-07-01..03; the merge day was not read.
    mergedOn: '2025-07-07',
    dateFrom: 'merge',
    what: 'moreh_cumsum becomes a wrapper of ttnn cumsum (the accumulation composite and AccumulationProgramFactory, 4-tile CBs); before, it ran the moreh device op: 4-D tensors, dim 0 or 1 only, 6 tiles of CBs',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/moreh/moreh_cumsum/device/moreh_cumsum_program_factory.cpp@3384f57 (c_0 2, c_1 1, c_24 1, c_16 2 tiles)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/moreh/moreh_cumsum/moreh_cumsum.cpp@417861f (forwards to cumsum); accumulation_program_factory.cpp@01ca906',
  },
  'layernorm-large-tensor-kernel': {
    family: 'norm',
    pr: 18675,
    // Squash-merged on main as 6eef033 (2025-04-01 21:53 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2025-03-05 for tt-metal issue #17248 (from #16721); reviews run to 2025-03-07, the merge day was not read.
    mergedOn: '2025-04-01',
    dateFrom: 'merge',
    what: 'interleaved layer_norm gets a large-tensor ("three pass") kernel that streams the row in 60/120-tile chunks when the one-pass CBs do not fit; before, every layer_norm allocated whole-row CBs (tt-metal #19427: 1,507,840 B for 1x9x4096 with weight and bias)',
    before:
      'tt-metal …/layernorm/device/multi_core/layernorm_op_multi_core.cpp before PR #18675 (one-pass CBs only; tt-metal issues #16721, #19427)',
    after:
      'tt-metal …/layernorm/device/multi_core/layernorm_op_multi_core.cpp (PR #18675: large-tensor reader/compute kernels); @00eaa3b (CB_can_fit_in_L1)',
  },
  'rmsnorm-large-tensor-kernel': {
    family: 'norm',
    pr: 38006,
    // Squash-merged on main as 2cec72b (2026-02-25 18:43 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // The lasting change: PR #36979 (for tt-metal issue #36094) merged on 2026-02-03 and was reverted the same day by
    // PR #37055; PR #38006 re-landed it with the c_24 condition fixed. Opened 2026-02-18; the merge day was not read.
    mergedOn: '2026-02-25',
    dateFrom: 'merge',
    what: 'interleaved rms_norm takes the layer_norm large-tensor path when the one-pass CBs do not fit (56/112-tile chunks, c_24 created for it); before, rms_norm always allocated whole-row CBs (tt-mlir #6754: 1,528,960 B for 32x4096 f32)',
    before:
      'tt-metal …/layernorm/device/layernorm_op_multi_core.cpp before PR #38006 (large-tensor path for layer_norm only; tt-metal issue #36094, tt-mlir issue #6754)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp@015365c (large_tensor_needed for either norm; c_24 when !rms_norm || fuse_pre_add || large_tensor_needed)',
  },
  'groupnorm-sharded-fused-variance': {
    family: 'group_norm',
    pr: 26364,
    // Squash-merged on main as 72c914e (2025-08-12 18:25 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2025-08-06 (for tt-metal issue #26350, SDXL's 640/960-channel norms); the merge day was not read.
    mergedOn: '2025-08-12',
    dateFrom: 'merge',
    what: 'sharded group_norm squares into DEST: the (x - E[x]) CB c_14 (block_ht·block_wt tiles) is gone; the version read after it also has a one-tile c_10 (was one tile per core of the multicast group) and a ones CB c_26 (which PR brought those two was not read)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/multi_core/groupnorm_op_multi_core.cpp (groupnorm_multi_core_sharded, search-index version 3623185167: c_13 and c_14 block-sized, c_10 = cores per multicast group; tt-metal #19606)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/device/multi_core/groupnorm_op_multi_core.cpp@0055520; groupnorm_sharded_program_factory.cpp@0175ec7 (same CBs)',
  },
  'groupnorm-dram-grid-num-batches': {
    family: 'group_norm',
    pr: 42781,
    // Squash-merged on main as 207cb0e (2026-04-21 19:56 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2026-04-21 (for tt-metal issue #40912); the merge day was not read.
    mergedOn: '2026-04-21',
    dateFrom: 'merge',
    what: 'interleaved group_norm without core_grid: find_expected_dram_grid also requires num_virtual_rows < N or a multiple of N; before, any grid whose virtual rows divide the tile rows',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/groupnorm_grid_utils.cpp@0c016ff (find_expected_dram_grid without num_batches)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/groupnorm/groupnorm.cpp@0062748 (find_expected_dram_grid(..., num_batches); validate_dram_grid)',
  },
  'norm-pre-all-gather-2d-merge-by-cores': {
    family: 'norm',
    pr: 50288,
    // Review thread and tt-metal issue #50287 of 2026-07-17; the merge day was not read.
    mergedOn: '2026-07-17',
    dateFrom: 'approx',
    what: 'pre-all-gather norms, use_2d_core_grid: the cross-core merge CB (c_15) holds cores_y tiles (one partial per worker row) instead of tiles_per_core_y = Wt / cores_y',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_program_factory.cpp@5b9c671 (c_15 tiles_per_core_y)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_program_factory.cpp@05ddaab (x2 merge buffer cores_y)',
  },
  'norm-pre-all-gather-fp32-cbs': {
    family: 'norm',
    pr: 52081,
    // Opened 2026-08-04 (for tt-metal issue #43946); the merge day was not read. PR #56470 reports the width-4096
    // fp32 sweep failing on every scheduled run since 2026-08-12, and #54697 bisects the failure to this PR.
    mergedOn: '2026-08-11',
    dateFrom: 'approx',
    what: 'layer/rms_norm_pre_all_gather (1D and 2D factories): the x^2 buffer, the fused pre-add buffer and the reduce scaler take Float32 tiles when fp32_dest_acc_en is set; before, bf16 whatever the compute config (#54697: 1,690,624 B for a 1x1x32x4096 row on Blackhole)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_program_factory.cpp@5b9c671 (cb_data_format Float16_b; scaler c_1 one bf16 tile)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm_distributed/device/layernorm_pre_all_gather_program_factory.cpp@05ddaab (cb_data_format Float32 with fp32_dest_acc_en, scaler in the same format)',
  },
  'sdpa-paged-decode-default-config': {
    family: 'attention',
    pr: 44617,
    // Squash-merged on main as 5cd3b7a (2026-05-20 09:10 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2026-05-18 for tt-metal issue #44311 (2026-05-13); tt-mlir issue #8417 calls it merged by 2026-06-26. The
    // merge day was not read.
    mergedOn: '2026-05-20',
    dateFrom: 'merge',
    what: 'paged_scaled_dot_product_attention_decode without a program_config gets a materialized default (q and k chunks 32, max_cores_per_head_batch 1) instead of the dynamic K chunk (8 tiles, 4 with fp32 acc) over every core of the grid per head',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/sdpa_decode.cpp@587257e (paged: k_chunk_size 0, config left empty)',
    after:
      'tt-metal PR #44617 (sdpa_decode.cpp: kDefaultDecodeChunkSize 32, kDefaultMaxCoresPerHeadBatch 1, as quoted in models/autoports/qwen_qwen3_6_35b_a3b/tests/diag_sdpa_decode.py; index id 60939355031)',
  },
  'sdpa-decode-tree-reduction': {
    family: 'attention',
    pr: 37004,
    // Squash-merged on main as 6697610 (2026-02-19 16:49 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Opened 2026-02-02; the CI runs it cites run to mid-February and tt-metal issue #38521 (2026-02-25) hit the new
    // round check on main: merged in between (day not read).
    mergedOn: '2026-02-19',
    dateFrom: 'merge',
    what: "SDPA decode reduces a head's partial results over a tree of at most 6 rounds: more than 64 cores per head is a TT_FATAL (tt-mlir #9007: 110 cores/head); before, a linear reduction without that bound",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp before PR #37004 (O(n-1) reduction)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@007f92d (MAX_TREE_REDUCTION_ROUNDS 6, rounds = ceil(log2(cores per head)))',
  },
  'sdpa-paged-decode-bh-runtime-config': {
    family: 'attention',
    repo: 'tenstorrent/tt-mlir',
    pr: 7561,
    mergedOn: '2026-03-25',
    dateFrom: 'merge',
    what: "causal paged_scaled_dot_product_attention_decode on Blackhole without a program_config in the IR: tt-mlir's runtime passes one of its own (q/k chunks 0, i.e. the dynamic K chunk, the whole grid, max_cores_per_head_batch = every core, exp_approx_mode off), so tt-metal's own default (PR #44617) never applies there; before, the causal call passed none",
    before:
      'tt-mlir runtime/lib/ttnn/operations/transformer/paged_scaled_dot_product_attention_decode.cpp@36e172c (causal: program_config nullopt; non-causal: k_chunk_size 32 over the whole grid)',
    after:
      'tt-mlir runtime/lib/ttnn/operations/transformer/paged_scaled_dot_product_attention_decode.cpp@95e3ba1 (Blackhole causal: chunks 0, max_cores_per_head_batch = grid x·y)',
  },
  'sdpa-paged-decode-config-in-ir': {
    family: 'attention',
    repo: 'tenstorrent/tt-mlir',
    pr: 8979,
    mergedOn: '2026-07-16',
    dateFrom: 'merge',
    what: "tt-mlir's runtime passes paged_scaled_dot_product_attention_decode only the IR's program_config (a Blackhole workaround writes tt-metal's defaults, K chunk 32 and one core per head, into the IR); before, an IR without one ran the runtime's config (non-causal: K chunk 32, max_cores_per_head_batch 16; Blackhole causal: see sdpa-paged-decode-bh-runtime-config; tt-mlir #9039: 2,318,272 B)",
    before:
      'tt-mlir runtime/lib/ttnn/operations/transformer/paged_scaled_dot_product_attention_decode.cpp@2bd6701 (runtime overrides by causality and arch)',
    after:
      'tt-mlir runtime/lib/ttnn/operations/transformer/paged_scaled_dot_product_attention_decode.cpp@abe4e7a (program_config from the IR or none)',
  },
  'sdpa-decode-cur-pos-two-cbs': {
    family: 'attention',
    pr: 45142,
    // Merged on main as 4179f74 (2026-05-27 14:39 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-05-27',
    dateFrom: 'merge',
    what: 'SDPA decode with a cur_pos tensor gives each consumer its own cur_pos CB (c_8 for the writer, c_15 for compute, one aligned page each; tt-metal #44366 hang); before, the one c_8 (tt-mlir #9039: the 64 B of its 2,318,272 B)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@ec56365 (c_8 cur_pos only)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@4179f74 (c_8 and c_15 of cur_pos_stick_size, the aligned page)',
  },
  'matmul-all-dram-2d-any-grid': {
    family: 'matmul',
    pr: 15938,
    // Squash-merged on main as 3787a8a (2025-01-06 21:08 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // Description 2024-12-11; comments and the CI runs it cites run to 2025-01-03..06 (the author's issue #15732 update:
    // "use block h/w for 1D and 2D mcast and use 1D and 2D mcast in more scenarios"); tt-metal #16348 saw the old
    // selection at 6b3b9ec on 2024-12-30. Merge day not read.
    mergedOn: '2025-01-06',
    dateFrom: 'merge',
    what: "auto-config (create_simple): all-DRAM-interleaved matmuls take the 2D mcast path on any grid whatever the block count (before: only when the per-core-factor blocks fit the grid's rows and columns, rebalanced only on an 8x8 grid), all-DRAM narrow shapes take 1D, 1D/2D out blocks shrink to fit L1, and blocks that fit the core count but not the grid no longer fall to MatmulMultiCoreNonOptimizedReuseProgramConfig (bmm_op_multi_core_reuse: fixed 16x16 tiles per core); PR #21403 (2025-04-29) then deleted that config as dead code",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@0155a43 (create_simple_matmul_program_config after PR #15214); matmul_op_multi_core_reuse_program_factory.cpp@080a251',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@b20ac21 (all_dram_interleaved or blocks fit; no NonOptimizedReuse return)',
  },
  'reduce-sum-fp32-chain': {
    family: 'reduction',
    pr: 43367,
    // Squash-merged on main as cfa828e (2026-05-05 14:38 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // "Fix fast_reduce_nc for the test_sum_8d_tensor_dims fails when dim_8 > 8" (closes tt-metal #42500): description
    // 2026-04-29, merged; tt-metal #43994 (2026-05-11) calls it recent work on ttnn::sum. Merge day not read.
    mergedOn: '2026-05-05',
    dateFrom: 'merge',
    what: 'a bf16 ttnn.sum over more than one dim but not every dim (the "precision chain") keeps the stages between programs in Float32: fast_reduce_nc packs Float32 when another stage follows (its c_0 takes the input format, c_16 the output format), the W/H/HW stage after it reads Float32 and packs the bf16 result, and that HW stage keeps its W-reduced partial in Float32; before, every stage wrote the op\'s dtype',
    before:
      "tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp (search index id 4355189454: fast_reduce_nc then reduce in the input dtype); reduce_op.cpp (index id 51830110482: W then H, both output_dtype); fast_reduce_nc_program_factory.cpp@03725f2 (one cb_data_format, the output's, for c_0 and c_16)",
    after:
      'tt-metal PR #43367 description; generic_reductions.cpp (index id 58269801046: chain_active, fast_nc_final_dtype FLOAT32 when H/W dims follow, sum_output_dtype BFLOAT16 on the last stage); reduce_op.cpp (index id 52685111089: keep_w_fp32 for a FLOAT32 input with a BFLOAT16 output); fast_reduce_nc_program_factory.cpp (index id 58522491129: input and output CB formats differ)',
  },
  'reduce-sum-hw-fp32-w-intermediate': {
    family: 'reduction',
    pr: 48578,
    // "Fix sum HW reduction" (tt-metal #46472): description 2026-06-30, merged; a port's reduce_op.cpp names its merge
    // commit 4eed5a8b8c7 (index id 54525225741). Merge day not read: a week after the description is assumed.
    mergedOn: '2026-07-07',
    dateFrom: 'approx',
    what: "the multi-core HW sum of a bf16 tensor with fp32 accumulation (the compute config's, on by default) keeps the W-reduced partial in Float32 (the W program packs Float32 tiles, the H program reads them and packs bf16); before, the partial took the output dtype (max, min and mean unchanged)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp (search index id 52685111089: keep_w_fp32 only for a FLOAT32 input with a BFLOAT16 output)',
    after:
      'tt-metal PR #48578 description; reduce_op.cpp (search index ids 54551941191, 57968691308: keep_w_fp32 = SUM and (that case or a BFLOAT16 input with fp32_dest_acc_en))',
  },
  'reduce-transpose-bfp8-sharded-typecast': {
    family: 'reduction',
    pr: 42155,
    // Squash-merged on main as 0326f01 (2026-05-08 04:43 UTC; nyoshifujiTT/tt-metal first-parent history). What was
    // known before that merge was read, kept as evidence:
    // "#41555: Extend universal input support for transpose": description 2026-04-15, Copilot review 2026-04-24, merged
    // (tt-metal #40407 lists transpose's universal I/O as done by 2026-07-15). Every stored transpose.cpp with its
    // is_native_transpose_sharding gate typecasts a sharded BFLOAT8_B input; every one without keeps the sharded
    // exception. Merge day not read. Only the reductions' transposes size these typecasts (ops/permute.ts sizes none).
    mergedOn: '2026-05-08',
    dateFrom: 'merge',
    what: 'transpose_impl typecasts a sharded BFLOAT8_B input to BFLOAT16 (and the result back) for every transpose but CN and WH, as it does an interleaved one; before, a sharded bfp8 input went to the transpose as it was',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/transpose.cpp (search index ids 4817610124, 3300451315, 266949320: typecast = BFLOAT8_B and not CN/WH and !is_sharded())',
    after:
      'tt-metal PR #42155 description; transpose.cpp (search index ids 53838080203, 54569650189: typecast = BFLOAT8_B and not CN/WH; is_native_transpose_sharding routes other sharded inputs through the interleaved factories)',
  },
  'reduce-row-major-dense-path': {
    family: 'reduction',
    pr: 44249,
    // Squash-merged on main as 82f9895 (2026-06-03 14:59 UTC; nyoshifujiTT/tt-metal first-parent history). The
    // factories read at caf8146 ("of 06-02") and f6e93cc, separate reduce_op_multi_core_{w,h}_rm_program_factory.cpp,
    // never existed on main to 2026-06-23 (no ref of the mirror has them): PR #44249's branch. Main merged the dense
    // path as RM branches of the W and H factories (W ht chunk 1, H wt chunk 1), the CBs modeled. What was known before
    // that merge was read, kept as evidence:
    // "Feature: RowMajor support for ttnn.mean": description 2026-05-13, merged. A reviewer's thread on its compute kernel
    // is dated 2026-05-29 (bbradelTT, answered by the author), and tt-metal #46110 (2026-06-04) names its commit 82f9895
    // as the cause of that day's failing main perf CI: the merge falls between (day not read; tt-metal #45303 of
    // 2026-05-27 describes the path as the PR adds it).
    mergedOn: '2026-06-03',
    dateFrom: 'merge',
    what: "a row-major BFLOAT16/FLOAT32 sum or mean of a rank-4 tensor over W or H alone, input and output interleaved, runs the dense row-major W/H reduce factories (row slabs staged in c_24 and tilized by the compute kernel) instead of tilize_with_val_padding into the input's memory config, the tile reduce and untilize; HW, other dims, sharded input or output, other dtypes, max and min keep the tilize path (tt-metal #45303)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp (search index ids 96151051, 51830110482: tilize_with_val_padding(input, padded_shape, pad_value, input.memory_config()), then the tile reduce)',
    after:
      'tt-metal PR #44249 (82f9895); reduce_op_multi_core_w_program_factory.cpp@82f9895 and reduce_op_multi_core_h_program_factory.cpp@82f9895 (rm_path: c_24 2·32 chunk-wide row pages, c_4, c_5, c_0, c_2, c_3), common.cpp@82f9895 (make_rm_plan); tt-metal issue #45303',
  },
  'reduce-row-major-dense-gated-off': {
    family: 'reduction',
    pr: 46122,
    // Squash-merged on main as abb06e6 (2026-06-04 23:21 UTC; nyoshifujiTT/tt-metal first-parent history, a merge after
    // 22:00 UTC: the next day). What was known before that merge was read, kept as evidence:
    // "#46110: prevent going to row major reduction path" (bbradelTT): description 2026-06-04, the day tt-metal #46110
    // reported EfficientNetB0's device perf failing on main and its author wrote he was "putting in a way to go back to
    // the old functionality" until a fix; merged (a stopgap, so the next day is assumed; merge day not read). PR #50393's
    // description says the dense path "was gated off as a stopgap (use_row_major_support=false)" until it.
    mergedOn: '2026-06-05',
    dateFrom: 'merge',
    what: "reduce_op.cpp's dense row-major path is opt-in (use_row_major_support, false by default, passed by no caller), so a row-major sum or mean tilizes into the input's memory config, tile-reduces and untilizes again, as before change point reduce-row-major-dense-path (tt-metal #32546's padded tilized copy returns); change point reduce-row-major-h-split turns the path back on",
    before:
      'tt-metal PR #44249 (82f9895): the RM branches of reduce_op_multi_core_w_program_factory.cpp and reduce_op_multi_core_h_program_factory.cpp, which reduce_op.cpp chose for every eligible row-major sum or mean',
    after:
      'tt-metal PR #46122 description, issue #46110; reduce_op.cpp (search index id 54551941191: rm_base_eligible = use_row_major_support && …, "Default-off because the dense RM path currently regresses perf and can hang on tall (multi-H-tile) reduces"); the test module of index id 54625689960 skipped "until the fast path is re-enabled"',
  },
  'reduce-row-major-h-split': {
    family: 'reduction',
    pr: 50393,
    // "[Feature] Mean & Sum: Added H-axis split to the ROW_MAJOR H-reduce for tall-H shapes" (issue #46110), merged;
    // its description is dated 2026-07-20 and its last comment read 2026-07-28 (TILE output from the RM H reduce), so
    // it merged after that; the merge day was not read.
    mergedOn: '2026-07-31',
    dateFrom: 'approx',
    what: "the dense row-major path is on again (no use_row_major_support gate); its H reduce is ReduceMultiCoreHProgramFactory's RM branch as PR #44249 merged it: one tile column per chunk (c_24 2·32 one-row pages of 32 datums, c_4 1 input tile, c_5 1 output tile, c_0 max(2, min(8, Ht)) input tiles, c_2 1 scaler tile, c_3 2 output tiles); a tall input (NC·Wt tile columns below the grid core count, ceil(H/32) ≥ 16) splits H into S = min(grid cores / (NC·Wt), Ht) slices: stage 1 an H sum into Float32 (N, C, S, W) row-major partials in the output's memory config over NC·S·Wt columns, stage 2 the dense H reduce of the partials with the op's scaler and dtype",
    before:
      'tt-metal reduce_op.cpp (search index id 54551941191: use_row_major_support gate); reduce_op_multi_core_h_program_factory.cpp@82f9895 (one program, the same RM branch, no slices)',
    after:
      'tt-metal PR #50393; reduce_op.cpp (search index id 57968691308: no gate, k_min_ht_for_split 16, num_h_slices, stage 1 FLOAT32 ROW_MAJOR partials in output_mem_config, stage 2 over the slices); reduce_op_multi_core_h_program_factory.cpp (index ids 54542839682, 57977134085: rm_path CBs, NC·num_h_slices·Wt columns); common.hpp (index id 54604607456: RmPlan, H-reduce wt chunk 1)',
  },
  'reduce-h-split-tile-sum-mean': {
    family: 'reduction',
    pr: 54349,
    // "[Feature] - Generic reduce: H-axis split for TILE inputs on sum/mean" (issue #52922): description 2026-08-25,
    // merged; tt-metal #56103 (2026-09-10) lists its compute_h_slices as "already in place". Merge day not read.
    mergedOn: '2026-08-28',
    dateFrom: 'approx',
    what: "a tall TILE-layout H sum or mean (NC·Wt tile columns below the grid core count) splits H into S slices like change point reduce-row-major-h-split: stage 1 the tiled H reduce (tiled reader, reduce.cpp) of each slice into Float32 (N, C, S, W) ROW_MAJOR partials over NC·S·Wt columns, stage 2 the dense row-major H collapse of the partials with the op's scaler and dtype; before, one H program over NC·Wt columns. Its factory and the TILE path's min_ht_for_split were not read: the stage 1 CBs are taken as the tiled H set with Float32 output tiles and the row-major path's threshold (16 tile rows) is assumed (approx)",
    before:
      'tt-metal reduce_op.cpp (search index id 57968691308: the split gated on use_rm_dense_h, TILE inputs one H program); reduce_op_multi_core_h_program_factory.cpp (index id 54542839682: c_0 2, c_2 1, c_3 2 tiles over NC·Wt columns)',
    after:
      'tt-metal PR #54349 description (stage 1 keeps the tiled reader and reduce.cpp, FP32 ROW_MAJOR partials; stage 2 the dense RM H collapse; a TILE input still yields a TILE output); issue #56103 (compute_h_slices with per-path min_ht_for_split)',
  },
  'reduce-min-f32-sfpu': {
    family: 'reduction',
    pr: 53636,
    // "[Feature] Add accurate fp32 SFPU path for ttnn.min and ttnn.sum via fast_and_approximate_mode" (fixes tt-metal
    // #32274): description 2026-08-19, merged; it follows #52718 (ttnn.max, review threads to 2026-08-13). Merge day
    // not read: a few days after the description is assumed.
    mergedOn: '2026-08-24',
    dateFrom: 'approx',
    what: "a Float32 ttnn.min with fp32 accumulation (the compute config's, on by default) and fast_and_approximate_mode off (the default; tt-mlir sets no such attribute) runs the LLK SFPU MIN reduce: the plain W/H factory CB sets (no negate c_4/c_5, no external negation), HW always W then H (no single-core HW program), and a row-major input tilized into the input's memory config; before, −max(−x) like every float min",
    before:
      'tt-metal reduce_op.cpp (search index id 54551941191: every non-INT32 MIN goes to reduce_min, MAX with negate = true)',
    after:
      'tt-metal PR #53636 description; reduce_op.cpp (search index id 57968691308: use_sfpu_fp32_min skips reduce_min, use_two_step_hw_sfpu_reduce); reduce_op_multi_core_w_program_factory.cpp (index id 58135263952) and reduce_op_multi_core_h_program_factory.cpp (index id 54542839682): c_4/c_5 only for use_fpu_negate = negate && !is_sfpu_reduce',
  },
  'reduce-mean-f32-sfpu': {
    family: 'reduction',
    pr: 48896,
    // "Functional SFPU implementation for mean" (fixes tt-metal #25779): description 2026-07-03, review threads to
    // 2026-07-07, merged. reduce_op.cpp index id 54551941191 has its use_sfpu_fp32_mean beside PR #46122's
    // use_row_major_support gate, which PR #50393 (≈2026-07-31) removed, and PR #52718's description of 2026-08-10
    // "mirrors #48896": the merge falls between; a few days after the last review is assumed (day not read).
    mergedOn: '2026-07-10',
    dateFrom: 'approx',
    what: "a Float32 ttnn.mean with fp32 accumulation (on by default) and fast_and_approximate_mode off (the default; tt-mlir sets none) reduces on the SFPU (AVG lowered to SUM and a 1/N post-multiply inside the compute kernel): the W/H factories' CB sets are unchanged, but an HW mean of one tile runs W then H (use_two_step_hw_sfpu_reduce: the SFPU has no REDUCE_SCALAR) instead of the single-core HW program, so its one-tile W partial is a tensor of its own (an L1 tensor with an L1 result)",
    before:
      'tt-metal reduce_op.cpp (search index id 54525225741: use_two_step_hw_sfpu_reduce for INT32 MAX only, so a one-tile Float32 HW reduce runs reduce_op_single_core_hw_program_factory.cpp)',
    after:
      'tt-metal PR #48896 description; reduce_op.cpp (search index id 54551941191: use_sfpu_fp32_mean, use_two_step_hw_sfpu_reduce = HW and (INT32 MAX/SUM or use_sfpu_fp32_mean)); reduce_op_multi_core_w_program_factory.cpp (index id 58135263952: no CB depends on is_sfpu_reduce but c_4/c_5 of the FPU negate)',
  },
  'reduce-max-f32-sfpu': {
    family: 'reduction',
    pr: 52718,
    // "[Feature] Add accurate fp32 SFPU path for ttnn.max via fast_and_approximate_mode" (fixes tt-metal #51889):
    // description 2026-08-10, review threads to 2026-08-13, merged; PR #53636's description of 2026-08-19 lists it as
    // the single-axis max coverage already in place, and tt-metal #54145 (2026-08-24) says the path "landed for
    // ttnn.max and ttnn.mean first". Merge day not read: between 08-13 and 08-19, 08-17 assumed.
    mergedOn: '2026-08-17',
    dateFrom: 'approx',
    what: "a Float32 ttnn.max (not min's −max(−x)) with fp32 accumulation and fast_and_approximate_mode off reduces on the SFPU: the W/H factories' CB sets are unchanged, but an HW max of one tile runs W then H instead of the single-core HW program (its one-tile W partial an L1 tensor with an L1 result)",
    before:
      'tt-metal reduce_op.cpp (search index id 54551941191: use_two_step_hw_sfpu_reduce for INT32 MAX/SUM and the f32 mean only)',
    after:
      'tt-metal PR #52718 description and review thread of 2026-08-13 (fp32_sfpu_eligible, use_sfpu_fp32_max = MAX && !negate); reduce_op.cpp (search index id 57968691308: use_two_step_hw_sfpu_reduce for use_sfpu_fp32_reduce)',
  },
  'reduce-reader-batched-input-cb': {
    family: 'reduction',
    pr: 53564,
    // "[Feature] #43050 - Generic reduce: DRAM-sharded I/O, and batch NoC reads in reduce readers": description
    // 2026-08-18, review threads of 2026-09-01 on common.hpp answered "updated", merged. Merge day not read: two days
    // after the last review is assumed.
    mergedOn: '2026-09-03',
    dateFrom: 'approx',
    what: "the tiled W and H reduce readers batch their NoC reads (W: up to kReduceReaderTilesPerBatch = 4 tiles when the smallest core streams at least that many, not for the fused negate with fewer than 2 rows per core; H: a dest chunk when every core owns at least a chunk of columns), and c_0 holds reduce_reader_input_cb_tiles(batch) tiles — a common.hpp function whose body is not stored: c_0's 2 tiles are kept and those programs are approx; the height-/width-sharded fast paths now need L1 on both sides (already so here)",
    before:
      'tt-metal reduce_op_multi_core_w_program_factory.cpp (search index id 58135263952) and reduce_op_multi_core_h_program_factory.cpp (index id 54542839682): c_0 2 tiles (the chunk for the H negate)',
    after:
      'tt-metal PR #53564 description and review threads (kReduceReaderTilesPerBatch, reduce_reader_batch); reduce_op_multi_core_w_program_factory.cpp@05ddaab and reduce_op_multi_core_h_program_factory.cpp@05ddaab (c_0 = reduce_reader_input_cb_tiles(reader_tiles_per_batch))',
  },
  'reduce-sum-f32-sfpu': {
    family: 'reduction',
    pr: 53636,
    // The same PR as change point reduce-min-f32-sfpu (its sum half), dated the same way.
    mergedOn: '2026-08-24',
    dateFrom: 'approx',
    what: "a Float32 ttnn.sum with fp32 accumulation and fast_and_approximate_mode off reduces on the SFPU: the W/H factories' CB sets are unchanged, but an HW sum of one tile runs W then H instead of the single-core HW program (its one-tile W partial an L1 tensor with an L1 result); the precision chain's HW stage over a one-tile Float32 partial too",
    before:
      'tt-metal reduce_op.cpp (search index id 54551941191: a FLOAT32 SUM stays on the FPU, use_two_step_hw_sfpu_reduce without it)',
    after:
      'tt-metal PR #53636 description; reduce_op.cpp (search index id 57968691308: use_sfpu_fp32_sum, use_two_step_hw_sfpu_reduce for use_sfpu_fp32_reduce)',
  },
  'untilize-native-output-tile-budget': {
    family: 'tilize/untilize',
    pr: 56280,
    // Description 2026-09-11 (open when the thread corpus took it); the untilize_with_unpadding Metal 2.0 re-audit of
    // 2026-09-23 was "requested after PR #56280 landed on main" and lists this rule among its effects. The merge day was
    // not read: the first day it is known on main is taken.
    mergedOn: '2026-09-23',
    dateFrom: 'approx',
    what: "ttnn::untilize / untilize_with_unpadding's enough-space test sizes the output CB at the output dtype's tile (a bfp8 input untilizes to bf16: (1,088 + 2,048)·Wt), so more bfp8 rows take the block factory; before, at the input's tile ((1,088 + 1,088)·Wt). The same PR moves the codegen untilize's Native tier into ttnn::untilize (codegen_cb_plan_fits_live_l1, then untilize_native as a whole) instead of the codegen op building the native program (build_native_equivalent): the CB figures of that fallback change only through this test",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize/untilize.cpp@04953f7 (output_single_tile_size = input_single_tile_size); untilize_codegen_cb_plan.cpp@55f36ba (native_cache_identity: is_enough_space(input, T_in, T_in, Wt))',
    after:
      'tt-metal …/untilize/untilize.cpp (index id 67146639209: output tile of the output dtype, codegen_cb_plan_fits_live_l1 gate); PR #56280; untilize_with_unpadding METAL2_PREPORT_AUDIT.md re-audit of 2026-09-23 (item 5)',
  },
  'repeat-interleave-codegen': {
    family: 'repeat',
    pr: 50700,
    // "[codegen-port] repeat_interleave" (merged; its review-tracking issue #54315 opened 2026-08-25, re-review asked
    // 2026-08-26). The merge day was not read: the day after the re-review request is taken.
    mergedOn: '2026-08-27',
    dateFrom: 'approx',
    what: 'ttnn::repeat_interleave of a non-sharded input runs RepeatInterleaveCodegen when in scope (rank >= 2; TILE: dim below the last two; ROW_MAJOR: not bfp8, W >= 2, dim not last, stick bytes a multiple of the buffer alignment): one CB c_0 of 8 pages (an aligned tile, or one stick) on split_work_to_cores over the output pages; before, the native path (row-major round trip through the repeat programs)',
    before: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/repeat_interleave/repeat_interleave.cpp (native only)',
    after:
      'tt-metal …/repeat_interleave/codegen/repeat_interleave_codegen_supported.cpp@0257b81 (supported_by_codegen), repeat_interleave_codegen_program_factory.cpp@03d0c73 (kCbDepth = 8)',
  },
  'gather-codegen': {
    family: 'gather',
    pr: 52074,
    // "[codegen-port] gather" (merged; review thread of 2026-08-18, review-tracking issue #54554 opened 2026-08-27). The
    // merge day was not read: the day after the tracking issue is taken.
    mergedOn: '2026-08-28',
    dateFrom: 'approx',
    what: 'ttnn::gather of a bf16 TILE input with a TILE index (non-sharded operands and output) runs GatherCodegen: the row-buffered plan (c_0 = Wt_input tiles, c_1 = 1 index tile, c_2 = max(4, Wt_index) tiles) when it fits the free L1, split over Ht·Wt_index output tiles (Tiled) when Wt_index >= 2 and Ht < cores, else over Ht rows; otherwise the streaming plan (c_0 = an L1-derived block of chunk_tiles, c_1 and c_2 one tile each) over Wt_index; before, the native WT_THRESHOLD = 60 factories',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/gather/device/gather_program_factory.cpp@0055520; gather_device_operation.cpp (WT_THRESHOLD = 60)',
    after:
      'tt-metal …/gather/codegen/gather_codegen_supported.cpp@1d7b315, gather_codegen_device_operation.cpp@1d7b315 (select_program_factory), gather_codegen_program_factory.cpp@1d7b315 (gather_interleaved_fits_l1, gather_streaming_chunk_tiles)',
  },
  'cb-core-ranges-merged': {
    family: 'overflow message',
    pr: 16549,
    // On main as 93cba40 (2025-01-10 22:43 UTC, a rebased commit titled as the PR; the next commit on main 23:22 UTC;
    // nyoshifujiTT/tt-metal first-parent history): after 22:00 UTC, so the next day. What was known before it was read:
    // "#16503: Optimize CoreRangeSets for CBs and semaphores", described 2025-01-09; the API renamed to merge_ranges()
    // in review on 2025-01-10.
    mergedOn: '2025-01-11',
    dateFrom: 'merge',
    what: "a CB's CoreRangeSet is merged (CoreRangeSet::merge_ranges: a row-by-row sweep, ranges ordered by start core) before the program keys its CB allocators on the ranges: a column-wise all_cores with a remainder prints (0,0)-(k, r − 1) (the block over the remainder's rows) instead of its k full columns, and sets of 1x1 ranges print as merged rectangles",
    before:
      'tt-metal tt_metal/impl/program/program.cpp (detail::Program_::add_circular_buffer: the set as given; search index id 2619676917)',
    after:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::add_circular_buffer: core_range_set.merge_ranges(); index ids 3849265641, 54495527958); tt_metal/common/core_coord.cpp@0266e6f (CoreRangeSet::merge)',
  },
  'corerange-str-dash': {
    family: 'overflow message',
    repo: 'tenstorrent/tt-umd',
    pr: 2397,
    // tt-umd 82ae50d (2026-04-28 12:29 UTC) rewrote xy_pair::str(), which tt-metal's CoreCoord (= tt_xy_pair) and so
    // CoreRange::str() print. tt-metal takes UMD by automated bumps every few days; the bump of 2026-05-05 (tt-metal
    // #43595) lists only tt-umd PRs merged 2026-05-04, so the commits of 04-28..04-30 came with an earlier bump, not
    // read. Threads bracket it: tt-mlir's runtime log of 2026-04-28 (tt-metal #43371) prints [(x=0,y=0) - (x=0,y=3)],
    // tt-metal main of 2026-05-08 (#43893) [0-0 - 0-3]. The middle of 04-29..05-04 is taken.
    mergedOn: '2026-05-01',
    dateFrom: 'approx',
    what: 'the CB overflow messages print a core range as `[X0-Y0 - X1-Y1]` (xy_pair::str() = "x-y"); before, `[(x=X0,y=Y0) - (x=X1,y=Y1)]` (fmt "(x={},y={})")',
    before:
      'tt-umd device/types/xy_pair.cpp@fb6ce5c (fmt::format("(x={},y={})", x, y)); tt-metal tt_metal/common/core_coord.cpp (CoreRange::str: "[" start.str() " - " end.str() "]")',
    after: 'tt-umd device/types/xy_pair.cpp@82ae50d (std::to_string(x) + "-" + std::to_string(y))',
  },
  'slice-tile-program-descriptors': {
    family: 'overflow message',
    pr: 39157,
    // Merged as 0445a2b at 2026-03-17 20:24 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal).
    mergedOn: '2026-03-17',
    dateFrom: 'merge',
    what: 'SliceTileProgramFactory builds a ProgramDescriptor ("Implement Parallel and Sequential fusion infrastructure"): Program(ProgramDescriptor) adds c_0 on split_work_to_cores\' column-wise all_cores as given, so a set with a remainder column prints its k full columns (0,0)-(k − 1, rows − 1) again instead of the merged (0,0)-(k, r − 1) of change point `cb-core-ranges-merged`; only the printed range moves',
    before:
      'tt-metal …/slice/device/slice_program_factory_tile.cpp@0445a2b^ (CreateCircularBuffer(program, all_cores, …) → ProgramImpl::add_circular_buffer → merge_ranges())',
    after:
      'tt-metal PR #39157; slice_program_factory_tile.cpp@0445a2b (create_descriptor: cb_desc.core_ranges = all_cores; Program program{descriptor}); tt_metal/impl/program/program.cpp@0445a2b (Program(const ProgramDescriptor&): add_circular_buffer_, no merge)',
  },
  'reduce-program-descriptors': {
    family: 'overflow message',
    pr: 43208,
    // Merged as 1b02d5c at 2026-05-04 22:17 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal): in
    // the day's last 2 h, so the next day.
    mergedOn: '2026-05-05',
    dateFrom: 'merge',
    what: 'the tiled W and H reduce factories ("Migrate reduction family to ProgramDescriptor framework") build ProgramDescriptors: every CB on split_work_to_cores\' column-wise all_cores as given, so a set with a remainder column prints its k full columns again instead of the merged block over the remainder\'s rows; only the printed range moves',
    before:
      'tt-metal …/reduction/generic/device/reduce_op_multi_core_w_program_factory.cpp and reduce_op_multi_core_h_program_factory.cpp@1b02d5c^ (CreateCircularBuffer on all_cores, merged by add_circular_buffer)',
    after:
      'tt-metal PR #43208; reduce_op_multi_core_w_program_factory.cpp and reduce_op_multi_core_h_program_factory.cpp@1b02d5c (CBDescriptor{.core_ranges = all_cores}); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): no merge)',
  },
  'concat-program-descriptors': {
    family: 'overflow message',
    pr: 43535,
    // Merged as 438eaf0 at 2026-05-11 12:05 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal).
    mergedOn: '2026-05-11',
    dateFrom: 'merge',
    what: 'the interleaved concat factory ("migrate `ttnn::concat` to the descriptor style") builds a ProgramDescriptor: c_0 on split_work_to_cores\' column-wise all_cores as given, so a set with a remainder column prints its k full columns again instead of the merged block over the remainder\'s rows; only the printed range moves',
    before:
      'tt-metal …/concat/device/concat_program_factory.cpp@438eaf0^ (CreateCircularBuffer on all_cores, merged by add_circular_buffer)',
    after:
      'tt-metal PR #43535; concat_program_factory.cpp@438eaf0 (CBDescriptor{.core_ranges = all_cores}); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): no merge)',
  },
  'copy-program-descriptors': {
    family: 'overflow message',
    pr: 43536,
    // Merged as 15df477 at 2026-05-13 13:51 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal).
    mergedOn: '2026-05-13',
    dateFrom: 'merge',
    what: "ttnn::copy's default row-major factory (\"migrate `ttnn::copy` to descriptor style\") builds a ProgramDescriptor: its CBs on split_work_to_cores' column-wise all_cores as given, so a set with a remainder column prints its k full columns again instead of the merged block over the remainder's rows; only the printed range moves",
    before:
      'tt-metal …/copy/device/copy_default_row_major_program_factory.cpp@15df477^ (CreateCircularBuffer on all_cores, merged by add_circular_buffer)',
    after:
      'tt-metal PR #43536; copy_default_row_major_program_factory.cpp@15df477 (CBDescriptor{.core_ranges = all_cores}); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): no merge)',
  },
  'untilize-program-descriptors': {
    family: 'overflow message',
    pr: 45071,
    // Merged as 1ff24da at 2026-05-25 15:39 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal).
    mergedOn: '2026-05-25',
    dateFrom: 'merge',
    what: "the untilize and untilize_with_unpadding factories (with transpose, permute and fill_pad) build ProgramDescriptors: UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory's c_0 and c_16 sit on split_blocks_for_tilize's all_cores as given, one 1x1 CoreRange per core (the CoreRangeSet overload, from change point `padding-block-cores-column-major`), so its overflow names core (0,0) alone; before, the merged set's first rectangle (as tilize's default factory before `tilize-program-descriptors`); only the printed range moves. The same for UntilizeWithUnpaddingMultiCoreBlockInterleavedProgramFactory's groups of 1x1 ranges (create_cb at 1ff24da^, CBDescriptor at 1ff24da: tt-xla #3389's 63-core full group printed the merged (0,0)-(7,6) before it)",
    before:
      'tt-metal …/untilize_with_unpadding/device/factories/untilize_with_unpadding_multi_core_interleaved_program_factory.cpp@1ff24da^ (create_cb(c_0 / c_16, program, all_cores, …) → add_circular_buffer → merge_ranges())',
    after:
      'tt-metal PR #45071; untilize_with_unpadding_multi_core_interleaved_program_factory.cpp@1ff24da (CBDescriptor{.core_ranges = all_cores} of split_blocks_for_tilize(available_grid, …)); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): no merge)',
  },
  'slice-rm-program-descriptors': {
    family: 'overflow message',
    pr: 45074,
    // Merged as ef9e7c4 at 2026-06-02 14:16 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal).
    mergedOn: '2026-06-02',
    dateFrom: 'merge',
    what: 'the row-major slice factories, unit-step and strided ("Migrate slice + attn_matmul + group_attn_matmul + mesh_partition to ProgramDescriptor"), build ProgramDescriptors: c_0 on split_work_to_cores\' column-wise all_cores as given, so a set with a remainder column prints its k full columns again instead of the merged block over the remainder\'s rows; only the printed range moves',
    before:
      'tt-metal …/slice/device/slice_program_factory_rm.cpp and slice_program_factory_rm_stride.cpp@ef9e7c4^ (CreateCircularBuffer on all_cores, merged by add_circular_buffer)',
    after:
      'tt-metal PR #45074; slice_program_factory_rm.cpp and slice_program_factory_rm_stride.cpp@ef9e7c4 (CBDescriptor{.core_ranges = all_cores}); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): no merge)',
  },
  'embedding-program-descriptors': {
    family: 'overflow message',
    pr: 45867,
    // Merged as 31b12dd at 2026-06-09 21:27 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal).
    mergedOn: '2026-06-09',
    dateFrom: 'merge',
    what: "the embedding factories (\"Migrate embedding to ProgramDescriptor\") build ProgramDescriptors: the fused (tilized-output) factory's CBs on split_work_to_cores' column-wise all_cores as given, so a set with a remainder column prints its k full columns again instead of the merged block over the remainder's rows (tt-metal #31889's (0,0)-(7,0) is the merged form); only the printed range moves",
    before:
      'tt-metal …/embedding/device/embeddings_fused_program_factory.cpp@31b12dd^ (CreateCircularBuffer on all_cores, merged by add_circular_buffer)',
    after:
      'tt-metal PR #45867; embeddings_fused_program_factory.cpp@31b12dd (CBDescriptor{.core_ranges = all_cores}); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): no merge)',
  },
  'pad-dataflow-buffers': {
    family: 'overflow message',
    pr: 54214,
    // "Metal 2.0 port: data_movement/pad", all seven PadDeviceOperation factories, described 2026-08-24. tt-metal
    // #56133 (2026-09-10, main) prints the row-major pad's overflow as "dataflow buffers"; no pad thread between the two
    // dates was found. Merge day not read: the middle of 08-24..09-10 is taken.
    mergedOn: '2026-09-01',
    dateFrom: 'approx',
    what: 'ttnn.pad\'s program factories allocate dataflow buffers (DataflowBufferSpec, Metal 2.0): their overflow is thrown by ProgramImpl::validate_dataflow_buffer_region, worded "Statically allocated dataflow buffers ..." / "static dataflow buffer region ends at"; before, CBs and validate_circular_buffer_region\'s "circular buffers" wording. Factories not yet ported keep the circular wording',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); pad factories with CBDescriptor',
    after:
      'tt-metal PR #54214 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region, "Same as validate_circular_buffer_region": "Statically allocated dataflow buffers ..."; search index id 52496776900)',
  },
  'layernorm-distributed-dataflow-buffers': {
    family: 'overflow message',
    pr: 52006,
    // "[Cleanup] Metal 2.0 port: normalization/layernorm_distributed", all five factories, described 2026-08-03.
    // tt-metal #54697 (2026-08-28) prints rms_norm_pre_all_gather's overflow as "dataflow buffers". Merge day not
    // read: the middle of 08-03..08-28 is taken.
    mergedOn: '2026-08-15',
    dateFrom: 'approx',
    what: 'the layernorm_distributed factories (layer/rms norm pre- and post-all-gather) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers" (validate_dataflow_buffer_region); before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region); layernorm_distributed factories with CBDescriptor',
    after:
      'tt-metal PR #52006; tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'batch-norm-dataflow-buffers': {
    family: 'overflow message',
    pr: 51974,
    // "[Metal 2.0] Port normalization/batch_norm (2/2 device-operations, 8 kernels)", opened 2026-08-03, recorded
    // merged (issues corpus); BatchNormFactory and RunningStatisticsProgramFactory. Merge day not read (tt-metal's
    // snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    // An earlier attempt, PR #51465 (2026-07-29), was closed unmerged.
    mergedOn: '2026-08-03',
    dateFrom: 'approx',
    what: 'batch_norm\'s two factories (BatchNormFactory, RunningStatisticsProgramFactory) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers" (validate_dataflow_buffer_region); before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51974 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'copy-default-dataflow-buffers': {
    family: 'overflow message',
    pr: 53570,
    // "[Metal 2.0]: Port data_movement/copy DefaultRowMajor/DefaultTilized factories (2 of 3)", opened 2026-08-18,
    // recorded merged (issues corpus); the default row-major and default tilized factories. Merge day not read (tt-
    // metal's snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it
    // can be.
    mergedOn: '2026-08-18',
    dateFrom: 'approx',
    what: 'ttnn::copy\'s default row-major and default tilized factories allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers". The same-memory-config factory stays on CBs (tt-metal #53568: data_movement/move reuses it), so its overflow keeps "circular"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #53570 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'layernorm-dataflow-buffers': {
    family: 'overflow message',
    pr: 54363,
    // "[Cleanup] Metal 2.0 port: normalization/layernorm", opened 2026-08-25, recorded merged (issues corpus); both
    // LayerNormDeviceOperation factories (interleaved multi-core and sharded) with their 23 kernels. Merge day not read
    // (tt-metal's snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest
    // it can be. Not layernorm_distributed (#52006) and not the earlier closed attempt PR #44976 (2026-05-21).
    mergedOn: '2026-08-25',
    dateFrom: 'approx',
    what: 'layer_norm\'s and rms_norm\'s LayerNormDeviceOperation factories (LayerNormMultiCoreProgramFactory, LayerNormShardedProgramFactory) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #54363 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'matmul-multicore-dataflow-buffers': {
    family: 'overflow message',
    pr: 55224,
    // "[Cleanup] Metal 2.0 port: matmul with MatmulMultiCoreProgramFactory", opened 2026-09-02, recorded merged (issues
    // corpus); that one factory (the MatmulMultiCoreProgramConfig one), the other seven left on CBs. Merge day not read
    // (tt-metal's snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest
    // it can be. An earlier attempt, PR #47881 (2026-06-23), was closed unmerged.
    mergedOn: '2026-09-02',
    dateFrom: 'approx',
    what: 'matmul\'s MatmulMultiCoreProgramFactory (MatmulMultiCoreProgramConfig: the non-reuse fallback) allocates dataflow buffers (Metal 2.0): its overflow reads "dataflow buffers"; before, "circular buffers". The mcast, reuse and DRAM-sharded factories are other ports',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #55224 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'matmul-dram-sharded-dataflow-buffers': {
    family: 'overflow message',
    pr: 55961,
    // "[Cleanup] Metal 2.0 port: matmul with MatmulMultiCoreReuseMultiCastDRAMShardedProgramFactory", opened
    // 2026-09-09, recorded merged (issues corpus); that one factory. Merge day not read (tt-metal's snapshot is over
    // fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-09-09',
    dateFrom: 'approx',
    what: 'matmul\'s MatmulMultiCoreReuseMultiCastDRAMShardedProgramFactory (MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig) allocates dataflow buffers (Metal 2.0): its overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #55961 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'matmul-reuse-dataflow-buffers': {
    family: 'overflow message',
    pr: 56666,
    // "[Cleanup] Metal 2.0 port: matmul with MatmulMultiCoreReuseOptimizedProgramFactory", opened 2026-09-15, recorded
    // merged (issues corpus); that one factory. Merge day not read (tt-metal's snapshot is over fetch's size limit, so
    // no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-09-15',
    dateFrom: 'approx',
    what: 'matmul\'s MatmulMultiCoreReuseOptimizedProgramFactory (MatmulMultiCoreReuseProgramConfig) allocates dataflow buffers (Metal 2.0): its overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #56666 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'matmul-mcast-1d-dataflow-buffers': {
    family: 'overflow message',
    pr: 56836,
    // "[Cleanup] Metal 2.0 port: matmul with MatmulMultiCoreReuseMcast1DProgramFactory", opened 2026-09-17, recorded
    // merged (issues corpus); that one factory, its mcast_in0 and mcast_in1 paths. Merge day not read (tt-metal's
    // snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    // tt-metal PR #56761 (the 2D mcast port, open) was "rebased on main after #56836 landed".
    mergedOn: '2026-09-17',
    dateFrom: 'approx',
    what: 'matmul\'s MatmulMultiCoreReuseMcast1DProgramFactory (MatmulMultiCoreReuseMultiCast1DProgramConfig, mcast_in0 and mcast_in1) allocates dataflow buffers (Metal 2.0): its overflow reads "dataflow buffers"; before, "circular buffers". The 2D mcast factory\'s port (PR #56761) is still open',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #56836 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'prod-dataflow-buffers': {
    family: 'overflow message',
    pr: 51096,
    // "[Metal 2.0]: Port reduction/prod ProdAll/ProdNc factories", opened 2026-07-24, recorded merged (issues corpus);
    // ProdAllProgramFactory and ProdNcProgramFactory. Merge day not read (tt-metal's snapshot is over fetch's size
    // limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-07-24',
    dateFrom: 'approx',
    what: 'ttnn.prod\'s factories (ProdAllProgramFactory, ProdNcProgramFactory) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51096 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'permute-dataflow-buffers': {
    family: 'overflow message',
    pr: 51095,
    // "[Metal 2.0]: Port data_movement/permute (all 5 factories)", opened 2026-07-24, recorded merged (issues corpus);
    // all five PermuteDeviceOperation factories. Merge day not read (tt-metal's snapshot is over fetch's size limit, so
    // no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-07-24',
    dateFrom: 'approx',
    what: 'ttnn.permute\'s five factories (MultiCoreRowInvariant, MultiCoreBlockedGeneric, MultiCoreTileInvariant, MultiCoreTileRowInvariant, MultiCoreTiledGeneric) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51095 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'repeat-dataflow-buffers': {
    family: 'overflow message',
    pr: 51068,
    // "[Cleanup] Metal 2.0 port: data_movement/repeat", opened 2026-07-24, recorded merged (issues corpus); the op
    // data_movement/repeat (its row-major program among them). Merge day not read (tt-metal's snapshot is over fetch's
    // size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-07-24',
    dateFrom: 'approx',
    what: 'ttnn.repeat\'s program factory allocate dataflow buffers (Metal 2.0): its overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51068 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'rotary-embedding-llama-dataflow-buffers': {
    family: 'overflow message',
    pr: 51490,
    // "[Metal 2.0]: Port experimental/transformer/rotary_embedding_llama factories", opened 2026-07-29, recorded merged
    // (issues corpus); all three factories (MultiCore, MultiCorePrefillSharded, MultiCoreSharded). Merge day not read
    // (tt-metal's snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest
    // it can be. An earlier attempt, PR #48172 (2026-06-25), was closed unmerged.
    mergedOn: '2026-07-29',
    dateFrom: 'approx',
    what: 'rotary_embedding_llama\'s three factories allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51490 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'softmax-dataflow-buffers': {
    family: 'overflow message',
    pr: 51753,
    // "[Metal 2.0]: Port normalization/softmax + coupled moreh/moreh_softmax (all 7 + 5 factories)", opened 2026-07-31,
    // recorded merged (issues corpus); all seven SoftmaxDeviceOperation factories. Merge day not read (tt-metal's
    // snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-07-31',
    dateFrom: 'approx',
    what: 'ttnn.softmax\'s seven factories (General W/H/C small and large, attention-optimized interleaved and sharded) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51753 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'reduce-dataflow-buffers': {
    family: 'overflow message',
    pr: 51778,
    // "port(metal_2.0): reduction/generic → ProgramSpecFactoryConcept", opened 2026-07-31, recorded merged (issues
    // corpus); ReduceSingleCoreHw, ReduceMultiCoreH, ReduceMultiCoreW and WelfordReduce. Merge day not read (tt-metal's
    // snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    // The row-major reduce factories are not named in it and are not placed.
    mergedOn: '2026-07-31',
    dateFrom: 'approx',
    what: 'the generic reduction factories (ReduceSingleCoreHw, ReduceMultiCoreH, ReduceMultiCoreW) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51778 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'tilize-with-val-padding-dataflow-buffers': {
    family: 'overflow message',
    pr: 51743,
    // "[Cleanup] Port Tilize with Val Padding to Metal 2.0", opened 2026-07-31, recorded merged (issues corpus); every
    // tilize_with_val_padding factory but the block one (TilizeWithValPaddingMultiCoreBlockInterleavedFactory, left on
    // CBs). Merge day not read (tt-metal's snapshot is over fetch's size limit, so no merge commit was read); dated at
    // the opening, the earliest it can be.
    mergedOn: '2026-07-31',
    dateFrom: 'approx',
    what: 'tilize_with_val_padding\'s factories other than the block one (its multi-core interleaved factory among them) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers". The block factory stays on CBs',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #51743 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'embedding-dataflow-buffers': {
    family: 'overflow message',
    pr: 53425,
    // "[Cleanup] Metal 2.0 port: embedding", opened 2026-08-17, recorded merged (issues corpus);
    // EmbeddingsRMProgramFactory and EmbeddingsTilizedIndicesProgramFactory; the fused factory stays on CBs (its port,
    // PR #56279, is open). Merge day not read (tt-metal's snapshot is over fetch's size limit, so no merge commit was
    // read); dated at the opening, the earliest it can be.
    mergedOn: '2026-08-17',
    dateFrom: 'approx',
    what: 'embedding\'s row-major factory (EmbeddingsRMProgramFactory, and the tilized-indices one) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers". The fused (tilized-output) factory stays on CBs',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #53425 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'untilize-dataflow-buffers': {
    family: 'overflow message',
    pr: 53586,
    // "[Metal 2.0]: Partially port data_movement/untilize (6 factories)", opened 2026-08-18, recorded merged (issues
    // corpus); single-core, multi-core, ND-shard-input, parallelize-column, sub-core-grids and identical-shard
    // factories; block and codegen left on CBs. Merge day not read (tt-metal's snapshot is over fetch's size limit, so
    // no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-08-18',
    dateFrom: 'approx',
    what: 'untilize\'s single-core, multi-core and parallelize-column factories (and three sharded ones) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers". The block factory and the codegen untilize stay on CBs',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #53586 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'reshape-view-dataflow-buffers': {
    family: 'overflow message',
    pr: 54202,
    // "Metal 2.0 port: data_movement/reshape_view", opened 2026-08-24, recorded merged (issues corpus); both
    // ReshapeViewDeviceOperation factories (row-major and tiled). Merge day not read (tt-metal's snapshot is over
    // fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-08-24',
    dateFrom: 'approx',
    what: 'reshape\'s row-major and tiled factories (ReshapeViewRMProgramFactory, ReshapeViewTiledProgramFactory) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #54202 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'argmax-dataflow-buffers': {
    family: 'overflow message',
    pr: 54212,
    // "port(metal_2.0): reduction/argmax ArgMaxDeviceOperation → ProgramSpecFactoryConcept", opened 2026-08-24,
    // recorded merged (issues corpus); ArgMaxSingleCoreProgramFactory and ArgMaxMultiCoreProgramFactory;
    // ArgMaxNCDeviceOperation untouched. Merge day not read (tt-metal's snapshot is over fetch's size limit, so no
    // merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-08-24',
    dateFrom: 'approx',
    what: 'argmax\'s single- and multi-core factories allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #54212 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'transpose-dataflow-buffers': {
    family: 'overflow message',
    pr: 54333,
    // "port(metal_2.0): data_movement/transpose 6-factory subset to Metal 2.0", opened 2026-08-25, recorded merged
    // (issues corpus); TransposeCN, HCRM, HCTiledInterleaved, HCTiled, WH (tiled and row-major) and WHSharded;
    // HCSharded and WHShardedRM left on CBs. Merge day not read (tt-metal's snapshot is over fetch's size limit, so no
    // merge commit was read); dated at the opening, the earliest it can be. An earlier attempt, PR #50957 (2026-07-23),
    // was closed unmerged.
    mergedOn: '2026-08-25',
    dateFrom: 'approx',
    what: 'the tiled WH and HC-tiled-interleaved transpose factories (and four others) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers". The HC-sharded and WH-sharded-row-major factories stay on CBs',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #54333 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'concat-dataflow-buffers': {
    family: 'overflow message',
    pr: 54651,
    // "[Metal 2.0] Port data_movement/concat: 3 of 7 ProgramFactories", opened 2026-08-27, recorded merged (issues
    // corpus); ConcatProgramFactory, ConcatS2SRMProgramFactory and ConcatS2STiledProgramFactory; S2SMulti, S2I,
    // BlockSharded and TiledUnaligned left on CBs. Merge day not read (tt-metal's snapshot is over fetch's size limit,
    // so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-08-27',
    dateFrom: 'approx',
    what: 'concat\'s interleaved, sharded row-major and sharded tiled factories allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers". The other four concat factories stay on CBs',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #54651 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'slice-dataflow-buffers': {
    family: 'overflow message',
    pr: 56494,
    // "[Cleanup] Metal 2.0 port: data_movement/slice", opened 2026-09-14, recorded merged (issues corpus); all five
    // SliceDeviceOperation factories. Merge day not read (tt-metal's snapshot is over fetch's size limit, so no merge
    // commit was read); dated at the opening, the earliest it can be. An earlier attempt, PR #56014 (2026-09-09), was
    // closed unmerged.
    mergedOn: '2026-09-14',
    dateFrom: 'approx',
    what: 'slice\'s five factories (tile, row-major, row-major strided, row-major sharded, tile with tensor args) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #56494 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'upsample-dataflow-buffers': {
    family: 'overflow message',
    pr: 52503,
    // "[Metal 2.0]: Port pool/upsample Interleaved/Sharded/NearestFloat factories (3 of 4)", opened 2026-08-07,
    // recorded merged (issues corpus); UpsampleMultiCoreInterleaved, UpsampleMultiCoreSharded and UpsampleNearestFloat;
    // UpsampleBilinear left on CBs (its port #55811 was closed unmerged). Merge day not read (tt-metal's snapshot is
    // over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-08-07',
    dateFrom: 'approx',
    what: 'nearest upsample\'s interleaved, sharded and float-scale factories allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers". The bilinear factory stays on CBs',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #52503 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'kv-cache-dataflow-buffers': {
    family: 'overflow message',
    pr: 54193,
    // "[Metal 2.0] Port kv_cache", opened 2026-08-24, recorded merged (issues corpus);
    // UpdateCacheMultiCoreProgramFactory and FillCacheMultiCoreProgramFactory. Merge day not read (tt-metal's snapshot
    // is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-08-24',
    dateFrom: 'approx',
    what: 'update_cache\'s and fill_cache\'s factories (UpdateCacheMultiCoreProgramFactory, FillCacheMultiCoreProgramFactory) allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #54193 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'nlp-concat-heads-dataflow-buffers': {
    family: 'overflow message',
    pr: 54782,
    // "Port nlp_concat_heads to Metal 2.0 ProgramSpec factory", opened 2026-08-28, recorded merged (issues corpus);
    // NLPConcatHeadsProgramFactory (interleaved and sharded branches). Merge day not read (tt-metal's snapshot is over
    // fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be. Earlier attempts
    // #47876, #50806 and #52015 were closed unmerged; the decode variant (#54783) is open.
    mergedOn: '2026-08-28',
    dateFrom: 'approx',
    what: 'nlp_concat_heads\'s factory allocates dataflow buffers (Metal 2.0): its overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #54782 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'paged-cache-dataflow-buffers': {
    family: 'overflow message',
    pr: 56022,
    // "[Cleanup] Metal 2.0 port: experimental/paged_cache", opened 2026-09-09, recorded merged (issues corpus); all
    // eight factories of PagedFillCache, PagedUpdateCache and PagedFusedUpdateCache. Merge day not read (tt-metal's
    // snapshot is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    // An earlier attempt, PR #54747 (2026-08-28), is open.
    mergedOn: '2026-09-09',
    dateFrom: 'approx',
    what: 'paged_fill_cache\'s and paged_update_cache\'s factories allocate dataflow buffers (Metal 2.0): their overflow reads "dataflow buffers"; before, "circular buffers"',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #56022 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'interleaved-to-sharded-dataflow-buffers': {
    family: 'overflow message',
    pr: 56447,
    // "[Cleanup] Metal 2.0 port: interleaved_to_sharded with InterleavedToShardedProgramFactory", opened 2026-09-14,
    // recorded merged (issues corpus); the op's only factory, all six configs. Merge day not read (tt-metal's snapshot
    // is over fetch's size limit, so no merge commit was read); dated at the opening, the earliest it can be.
    mergedOn: '2026-09-14',
    dateFrom: 'approx',
    what: 'interleaved_to_sharded\'s factory allocates dataflow buffers (Metal 2.0): its overflow reads "dataflow buffers"; before, "circular buffers" (tt-metal #54621 of 2026-08-27 printed "circular" for it)',
    before:
      'tt-metal tt_metal/impl/program/program.cpp (ProgramImpl::validate_circular_buffer_region: "Statically allocated circular buffers ..."); the factories with CBDescriptor',
    after:
      'tt-metal PR #56447 (CBDescriptor → DataflowBufferSpec); tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp (ProgramImpl::validate_dataflow_buffer_region; search index id 52496776900)',
  },
  'conv2d-shallow-alignment-8': {
    family: 'conv2d',
    pr: 17711,
    // Squash-merged on main as 1b266bb at 2025-02-06 12:57 UTC (nyoshifujiTT/tt-metal first-parent history; the subject
    // names no PR, the issues corpus gives #17711, "Lower aligment requirements for shallow conv2d", of 2025-02-07's
    // description). tt-xla #187 (2025-01-23, tt-metal 8833f73 of 2025-01-20) is the older rule's figure.
    mergedOn: '2025-02-06',
    dateFrom: 'merge',
    what: "auto shard's shallow-conv relaxation (height sharded, not a matmul conv, row-major input, act_block_h_override 0) pads the input channels to 8 for C_in < 32; before, to 16 (TILE_WIDTH / 2), and only for C_in ≤ 16 (17..31 channels kept 32)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@78f2c0b (determine_conv_config_for_auto_shard: in_channels <= TILE_WIDTH / 2 → input_channels_alignment = TILE_WIDTH / 2); figure: tt-xla #187 (region end 951,136 B: an f32 stem of 3 channels padded to 16)',
    after:
      'tt-metal PR #17711 ("Lower aligment requirements for shallow conv2d"), conv2d_utils.cpp@1b266bb (in_channels < TILE_WIDTH → 8)',
  },
  'concat-batches-of-50': {
    family: 'concat',
    pr: 33009,
    // Squash-merged on main as 14d91b5 at 2025-11-26 01:32 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-11-26',
    dateFrom: 'merge',
    what: "concat_impl runs more than 50 interleaved inputs as batches of 50 (the runtime-argument budget, calculate_max_tensors_per_concat), then concatenates the batch results: the first program is the first batch's concat; before, one program took every input",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_device_operation.cpp before PR #33009 (no batching)',
    after:
      'tt-metal PR #33009 ("unittest for iterative concat operation"), concat_device_operation.cpp@14d91b5 (calculate_max_tensors_per_concat: interleaved (256 − 5) / 5 = 50)',
  },
  'concat-batches-of-47': {
    family: 'concat',
    pr: 41073,
    // Squash-merged on main as efa765c at 2026-04-03 23:04 UTC (nyoshifujiTT/tt-metal first-parent history): after 22:00
    // UTC, so the next day is taken.
    mergedOn: '2026-04-04',
    dateFrom: 'merge',
    what: 'interleaved concat batches hold 47 inputs (an empirical limit over all dispatch core types); before, 50. tt-xla #5114 (CogVideoX, 2026-06-07): the first 47 of 85 f32 AdaLN biases make the 3,465,216 B page',
    before: 'tt-metal concat_device_operation.cpp@14d91b5 (interleaved max 50)',
    after:
      'tt-metal PR #41073 ("Fix of concat hang due to num CT argument buffer overflow"), concat_device_operation.cpp@efa765c (max_tensors = 47)',
  },
  'mish-unary-device-op': {
    family: 'eltwise (unary)',
    pr: 19113,
    // Squash-merged on main as 476062d at 2025-03-24 07:13 UTC (wusatosi/tt-metal first-parent history).
    mergedOn: '2025-03-24',
    dateFrom: 'merge',
    what: 'mish runs as one unary program (UnaryProgramFactory, mish_kernel.cpp); before, ExecuteMish ran unary_chain(exp, +1, log, tanh) into a tensor in the output memory config and then multiply(x, that tensor), so the chain result is live beside the multiply result (tt-metal #15686, YOLOv4 640x640 in L1)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@dec1dc2 (ExecuteMish::invoke, PR #14270; same at 51bc24e)',
    after:
      'tt-metal PR #19113 ("Optimize mish op"), unary_program_factory.cpp@476062d (get_compute_kernel_path → mish_kernel.cpp)',
  },
  'log1p-unary-sfpu': {
    family: 'eltwise (unary)',
    pr: 20502,
    // Squash-merged on main as 7ba089f at 2025-04-16 10:56 UTC (wusatosi/tt-metal first-parent history).
    mergedOn: '2025-04-16',
    dateFrom: 'merge',
    what: 'log1p runs as one SFPU unary program (UnaryOpType::LOG1P); before, _log1p ran add(x, 1) into a tensor in the output memory config and then log of it, that tensor live beside the log result',
    before: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@d9304dd (_log1p)',
    after: 'tt-metal PR #20502 ("ttnn.log1p LLK Implementation"), unary_op_utils.cpp@7ba089f',
  },
  'dram-l1-specific-alignment': {
    family: 'to_memory_config',
    pr: 17122,
    // "Uplift dram and l1 allocators to use dram/l1 specific alignment", squash-merged on main as 8473c4d (2025-02-05
    // 16:30 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-02-05',
    dateFrom: 'merge',
    what: "buffers are aligned to their own memory's alignment (L1 or DRAM), and interleaved_to_sharded forces keep_l1_aligned on, so its c_1 scratch is allocated for every input; before, every buffer took the larger of the two alignments, and the scratch existed only for a DRAM source whose unit is not a multiple of the DRAM alignment, or on Blackhole (to_memory_config left keep_l1_aligned false)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp@8473c4d~1 (scratch when src_is_dram && unit % dram_alignment != 0, or is_blackhole, or keep_l1_aligned); interleaved_to_sharded_op.hpp@8473c4d~1 (keep_l1_aligned = false)',
    after:
      'tt-metal …/interleaved_to_sharded_program_factory.cpp@8473c4d (keep_l1_aligned = true); PR #17122 description (L1/DRAM specific alignment)',
  },
  'i2s-scratch-dram-padded': {
    family: 'to_memory_config',
    pr: 33905,
    // "Use transaction IDs in kernels with unaligned access", squash-merged on main as 3ae3181 (2026-02-03 11:32 UTC;
    // nyoshifujiTT/tt-metal first-parent history). The factory comment cites tt-metal issue #34414.
    mergedOn: '2026-02-03',
    dateFrom: 'merge',
    what: "interleaved_to_sharded's c_1 alignment scratch holds num_trids = 4 pages of align(unit + DRAM alignment, DRAM alignment) on every arch; before, 4 pages of align(unit, DRAM alignment), or align(unit, L1 alignment) on Blackhole",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/sharded/interleaved_to_sharded/device/interleaved_to_sharded_program_factory.cpp@c83c151 (4 × align(input_unit_size, is_blackhole ? L1 : DRAM alignment)); the same at 8473c4d and 7df84f1',
    after:
      'tt-metal …/interleaved_to_sharded_program_factory.cpp@3ae3181 (num_trids 4 × align(input_unit_size + dram_alignment, dram_alignment)); unchanged at 7cdaf9d, c35459c (2026-06-11) and 019b681',
  },
  'to-memory-config-reroute-copy': {
    family: 'to_memory_config',
    pr: 41413,
    // "Adding ND sharding support to ttnn::to_memory_config part 2: Rerouting to the default ttnn::copy op" (for tt-metal
    // issue #41156, a CB OOM), squash-merged on main as 1ed3656 (2026-04-13 02:31 UTC; nyoshifujiTT/tt-metal
    // first-parent history).
    mergedOn: '2026-04-13',
    dateFrom: 'merge',
    what: 'to_memory_config checks the L1 the specialised program would allocate outside the tensors (interleaved_to_sharded: the c_1 scratch, plus the input CB on a dtype change and the output CB for a DRAM shard; sharded_to_interleaved: the c_16 output CB of a dtype change) against l1_size − base and runs ttnn::copy when it reaches it; before, the specialised program always ran',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/core/to_memory_config/to_memory_config_op.hpp@1ed3656~1 (interleaved → sharded: interleaved_to_sharded; sharded → interleaved: sharded_to_interleaved)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/core/to_memory_config/to_memory_config_op.cpp@1ed3656 (can_use_interleaved_to_sharded, can_use_sharded_to_interleaved); the same at 7cdaf9d',
  },
  'layernorm-large-tensor-accumulator': {
    family: 'norm',
    pr: 33120,
    // "Improve accuracy of non-Welford layernorm reduce kernels", squash-merged on main as 4c12f30 (2025-12-05 16:33 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-12-05',
    dateFrom: 'merge',
    what: "the interleaved layer/rms norm large-tensor kernel (without Welford) gets c_26, one tile accumulating the row's partial reductions (Float32 when fp32 accumulation is on, else the intermediate format: one im tile either way); before, no c_26",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp@4c12f30~1 (CBs c_0, c_16, c_18, c_2, c_3, c_19, c_24, c_20, c_21, c_22, c_5, c_6, c_23, c_1, c_25; no c_26)',
    after:
      'tt-metal …/layernorm_op_multi_core.cpp@4c12f30 (large_tensor_acc_cb c_26 when large_tensor_needed && !use_welford); the same at 2cec72b, 5117926 and 622c6fb (2026-06-23)',
  },
  'layernorm-large-width-by-im-tile': {
    family: 'norm',
    pr: 39226,
    // "Add row-major support to Fused RMSNorm + Unary", squash-merged on main as 5117926 (2026-03-08 21:24 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-03-08',
    dateFrom: 'merge',
    what: 'the interleaved layer/rms norm large-tensor widths scale by 2,048 / the intermediate tile bytes: 56 / 112 tiles with bf16 intermediates, 28 / 56 with fp32 accumulation (Float32 intermediates); before, 56 / 112 whatever the intermediate format',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp@5117926~1 (with_weights_max_size 56, without 112)',
    after:
      'tt-metal …/layernorm_op_multi_core.cpp@5117926 (56 · bfloat16_tile_size / single_tile_size, 112 · …); the same at 0445a2b, 0397458 and 622c6fb (2026-06-23)',
  },
  'tilize-with-val-padding-multicore-default': {
    family: 'tilize/untilize',
    pr: 16252,
    // "setting multi-core for tilize with padding", squash-merged on main as ca4e4ab (2025-01-02 14:18 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-01-02',
    dateFrom: 'merge',
    what: 'ttnn.tilize_with_val_padding called directly defaults use_multicore to true (the multi-core interleaved / block factories); before, false (the single-core factory). to_layout passes its own use_multicore either way',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/tilize_with_val_padding/tilize_with_val_padding.hpp@ca4e4ab~1 (use_multicore = false); to_layout_op.cpp@ca4e4ab~1 (use_multicore_tilize passed)',
    after: 'tt-metal …/tilize_with_val_padding.hpp@ca4e4ab (use_multicore = true)',
  },
  'binary-ng-default-first': {
    family: 'eltwise (binary)',
    pr: 22243,
    // Squash-merged on main as c785901 at 2025-05-17 05:07 UTC, reverted by #22347 (1d923b2) at 2025-05-20 15:36 UTC
    // (nyoshifujiTT/tt-metal first-parent history): builds of 05-17..05-19 ran binary_ng, as from 'binary-ng-default'.
    mergedOn: '2025-05-17',
    dateFrom: 'merge',
    what: 'ttnn binary ops (add, multiply, ...) run binary_ng unless is_legacy_only (a row broadcast, a sharded or subtile-broadcast block-format operand, a non-height-sharded or uneven operand); before, the legacy BinaryDeviceOperation (use_legacy defaulted to true)',
    before: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/binary.cpp@d7a8dcd (use_legacy.value_or(true))',
    after: 'tt-metal PR #22243, binary.cpp@c785901 (is_legacy_only)',
  },
  'binary-ng-default-reverted': {
    family: 'eltwise (binary)',
    pr: 22347,
    // Revert of #22243 merged as 1d923b2 at 2025-05-20 15:36 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-05-20',
    dateFrom: 'merge',
    what: 'the legacy BinaryDeviceOperation is the default again (revert of change point binary-ng-default-first)',
    before: 'tt-metal binary.cpp@c785901 (is_legacy_only)',
    after: 'tt-metal PR #22347, binary.cpp@1d923b2 (use_legacy.value_or(true))',
  },
  'binary-ng-default': {
    family: 'eltwise (binary)',
    pr: 22949,
    // Reapply of #22243 squash-merged as f1d7b9a at 2025-06-06 01:12 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-06-06',
    dateFrom: 'merge',
    what: 'ttnn binary ops run binary_ng unless is_legacy_only (as change point binary-ng-default-first), for good',
    before: 'tt-metal binary.cpp@1d923b2 (use_legacy.value_or(true))',
    after:
      'tt-metal PR #22949, binary.cpp@f1d7b9a (is_legacy_only: any_row_broadcasted, block formats, non-height or uneven sharding)',
  },
  'binary-legacy-only-narrowed': {
    family: 'eltwise (binary)',
    pr: 24255,
    // Squash-merged as f868f49 at 2025-07-01 16:33 UTC (nyoshifujiTT/tt-metal history of binary.cpp).
    mergedOn: '2025-07-01',
    dateFrom: 'merge',
    what: 'is_binary_ng_only overrides is_legacy_only: integer dtypes, rank > 4, a row/col mixed broadcast and a row broadcast of an op other than add/subtract/multiply run binary_ng; before, every row broadcast ran the legacy op',
    before: 'tt-metal binary.cpp@f1d7b9a (is_legacy_only)',
    after: 'tt-metal PR #24255, binary.cpp@f868f49 (is_legacy_only, is_binary_ng_only)',
  },
  'binary-row-bcast-wide-only-first': {
    family: 'eltwise (binary)',
    pr: 23686,
    // Squash-merged as 56351ca at 2025-06-25 19:06 UTC (nyoshifujiTT/tt-metal first-parent history of binary.cpp).
    mergedOn: '2025-06-25',
    dateFrom: 'merge',
    what: "binary.cpp's any_row_broadcasted (is_legacy_only, is_binary_ng_only) counts a side of H 1 against more rows only when that side is wider than 1 (a [.., 1, 1] operand is no row broadcast: binary_ng), and is_legacy_only adds any_sharded_scalar; before, H 1 against more whatever W",
    before: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/binary.cpp@f1d7b9a (any_row_broadcasted: H only)',
    after: 'tt-metal PR #23686, binary.cpp@56351ca (any_row_broadcasted: H 1 and W > 1; any_sharded_scalar)',
  },
  'binary-row-bcast-wide-only-reverted': {
    family: 'eltwise (binary)',
    pr: 24561,
    // Revert of #23686 merged as f28e26c at 2025-07-04 05:54 UTC.
    mergedOn: '2025-07-04',
    dateFrom: 'merge',
    what: 'any_row_broadcasted is H 1 against more whatever W again, and any_sharded_scalar is gone (revert of change point binary-row-bcast-wide-only-first)',
    before: 'tt-metal binary.cpp@56351ca',
    after: 'tt-metal PR #24561, binary.cpp@f28e26c',
  },
  'binary-row-bcast-wide-only': {
    family: 'eltwise (binary)',
    pr: 26101,
    // Reapply of #23686 merged as 40e485d at 2025-08-01 16:49 UTC; from 60f878c (change point binary-ng-row-bcast-cb,
    // 08-04) the test is any_non_llk_row_broadcasted, which keeps W > 1.
    mergedOn: '2025-08-01',
    dateFrom: 'merge',
    what: 'any_row_broadcasted counts only a side wider than 1 (and any_sharded_scalar is legacy-only), as change point binary-row-bcast-wide-only-first, for good',
    before: 'tt-metal binary.cpp@f28e26c',
    after:
      'tt-metal PR #26101, binary.cpp@40e485d (any_row_broadcasted: H 1 and W > 1); binary.cpp@60f878c (any_non_llk_row_broadcasted)',
  },
  'binary-ng-divide-sfpu': {
    family: 'eltwise (binary)',
    pr: 26614,
    // Squash-merged as a50488d at 2025-10-28 14:38 UTC (nyoshifujiTT/tt-metal first-parent history of
    // binary_ng_device_operation.cpp).
    mergedOn: '2025-10-28',
    dateFrom: 'merge',
    what: "binary_ng's is_binary_sfpu_op takes DIV as an SFPU op unless fast_and_approximate_mode (which tt-mlir does not pass): no RECIP pre-activation on b, so no c_4 interim CB; before, only an f32 pair was SFPU and any other divide ran the FPU MUL with RECIP on b through c_4",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp@f74ab99 (DIV with RSUB, LOGADDEXP: FLOAT32 pairs only); binary_ng_utils.cpp OpConfig (DIV on the FPU: process_rhs RECIP)',
    after:
      'tt-metal PR #26614, binary_ng_device_operation.cpp@a50488d (DIV: !fast_and_approximate_mode || …); the same at 622c6fb',
  },
  'binary-ng-row-bcast-cb-first': {
    family: 'eltwise (binary)',
    pr: 25715,
    // Merged as cb668e8 at 2025-07-28 23:50 UTC, reverted by #26035 (b46b164) at 2025-07-30 22:16 UTC
    // (nyoshifujiTT/tt-metal history of binary_ng_program_factory.cpp): both after 22:00 UTC, so the next days.
    mergedOn: '2025-07-29',
    dateFrom: 'merge',
    what: 'binary_ng makes c_5 (ROW_A: 2 tiles of a) or c_6 (ROW_B: 2 tiles of b) for the LLK row broadcast; before, no broadcast CB',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@9a42525 (c_0, c_1, c_2 only)',
    after: 'tt-metal PR #25715, binary_ng_program_factory.cpp@cb668e8 (c_5 for ROW_A, c_6 for ROW_B)',
  },
  'binary-ng-row-bcast-cb-reverted': {
    family: 'eltwise (binary)',
    pr: 26035,
    // Revert of #25715 merged as b46b164 at 2025-07-30 22:16 UTC: after 22:00 UTC, so the next day.
    mergedOn: '2025-07-31',
    dateFrom: 'merge',
    what: 'binary_ng makes no row-broadcast CB again (revert of change point binary-ng-row-bcast-cb-first)',
    before: 'tt-metal binary_ng_program_factory.cpp@cb668e8',
    after: 'tt-metal PR #26035, binary_ng_program_factory.cpp@b46b164',
  },
  'binary-ng-row-bcast-cb': {
    family: 'eltwise (binary)',
    pr: 26224,
    // Reapply of #25715 merged as 60f878c at 2025-08-04 17:13 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-04',
    dateFrom: 'merge',
    what: 'binary_ng makes c_5 (ROW_A) or c_6 (ROW_B), 2 tiles of that operand, for good',
    before: 'tt-metal binary_ng_program_factory.cpp@b46b164',
    after: 'tt-metal PR #26224, binary_ng_program_factory.cpp@60f878c',
  },
  'binary-ng-row-col-bcast-cb': {
    family: 'eltwise (binary)',
    pr: 27388,
    // Squash-merged as 698ea32 at 2025-08-25 23:49 UTC (nyoshifujiTT/tt-metal first-parent history): after 22:00 UTC, so
    // the next day.
    mergedOn: '2025-08-26',
    dateFrom: 'merge',
    what: 'binary_ng also makes c_5 for ROW_A_COL_B and c_6 for ROW_B_COL_A (2 tiles of the row operand)',
    before: 'tt-metal binary_ng_program_factory.cpp@60f878c (c_5 only for ROW_A, c_6 only for ROW_B)',
    after: 'tt-metal PR #27388, binary_ng_program_factory.cpp@698ea32',
  },
  'binary-legacy-only-block-format': {
    family: 'eltwise (binary)',
    pr: 36054,
    // Squash-merged as 7219e97 at 2026-02-05 17:38 UTC (nyoshifujiTT/tt-metal history of binary.cpp); is_legacy_only
    // reads the same at every later version up to ffdcf4b, the parent of 0fca1ed (change point
    // binary-ng-col-scalar-bcast-cb).
    mergedOn: '2026-02-05',
    dateFrom: 'merge',
    what: 'is_legacy_only keeps only the block-format cases (a sharded bfp8/bfp4 operand, or one broadcast within its tile); before, a row broadcast of any other dtype pair than bf16/bf16 (and f32/f32 at some versions) also ran the legacy op (any_non_llk_row_broadcasted)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/binary.cpp@8096aa6 (any_non_llk_row_broadcasted in is_legacy_only)',
    after: 'tt-metal PR #36054 ("more data type support for llk bcast"), binary.cpp@7219e97',
  },
  'binary-ng-col-scalar-bcast-cb': {
    family: 'eltwise (binary)',
    pr: 37996,
    // Squash-merged as 0fca1ed at 2026-04-09 05:56 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-09',
    dateFrom: 'merge',
    what: 'binary_ng also makes c_5 for COL_A/SCALAR_A and c_6 for COL_B/SCALAR_B, and runs every case itself: is_legacy_only is always false and a block-format operand is no longer typecast to bf16 around it; before, a sharded or subtile-broadcast bfp8/bfp4 operand ran the legacy op, and one of an op other than add/subtract/multiply was typecast to bf16 first',
    before:
      'tt-metal binary_ng_program_factory.cpp@ccb46fc; binary.cpp@ffdcf4b (is_legacy_only, needs_typecast_to_bfloat16)',
    after: 'tt-metal PR #37996, binary_ng_program_factory.cpp@0fca1ed; binary.cpp@0fca1ed',
  },
  // binary_ng's shard-bound CBs. Read at every first-parent commit of nyoshifujiTT/tt-metal (to 622c6fb, 2026-06-23) that
  // touches is_native_L1_sharding / get_shard_specs / the factory's shard volumes in binary_ng/device (git log -G):
  // 629ddfc, af6910e, 6132b08, 75f4885, 5edbd5f, 777bcd8, 8096aa6, 31570cf, ad5f256, 154ae51, 0fca1ed, 076511e; and
  // binary.cpp's is_legacy_only at every commit touching its tests. 75f4885 (#32134) moved the binding into
  // get_shard_volumes with the same rule; #34132 (5edbd5f) and its revert #34300 (777bcd8) leave is_native_L1_sharding
  // as #31096 had it; 076511e (#42132) and the later commits to 622c6fb leave it and get_shard_specs as #37996 had them.
  'binary-ng-native-l1-first': {
    family: 'eltwise (binary)',
    pr: 27989,
    // Squash-merged as 629ddfc at 2025-09-29 18:52 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-29',
    dateFrom: 'merge',
    what: "is_legacy_only drops its non-height-sharded test, and binary_ng binds a sharded tensor's CB to its shard only under its new is_native_L1_sharding (a tensor-scalar op with a sharded a, or a and b of one logical shape with one of a, b, c sharded in L1), c_2 holding c's whole shard when c is sharded but not bound; validate_on_program_cache_miss also rejects a sharded a, b or c outside L1; before, binary_ng bound every sharded operand's and a sharded output's CB (from tt-metal #16138, 2025-01). validate_sharding (one memory layout, and under no subtile broadcast one shard spec, for sharded a/b, a/c, else b/c) holds on both sides, to change points binary-ng-sharding-layout-test-dropped and binary-ng-native-same-layout-l1",
    before:
      'tt-metal binary.cpp@f1d7b9a (is_legacy_only: any_non_height_sharded, any_uneven of a and b, any_sharded_block_format); binary_ng_program_factory.cpp@629ddfc~1 (c_0/c_1/c_2 on the shard of each sharded tensor), binary_ng_device_operation.cpp@629ddfc~1 (validate_sharding)',
    after:
      'tt-metal PR #27989, binary.cpp@629ddfc, binary_ng_program_factory.cpp@629ddfc (is_native_L1_sharding; get_shard_specs for any sharded tensor; c_2 = c_num_tiles_per_shard when c is sharded; CB lines unchanged to af6910e~1: 4c1d431, 4d8679b, b22b0e1 touch other lines), binary_ng_device_operation.cpp@629ddfc (the L1 TT_FATALs, validate_sharding)',
  },
  'binary-ng-sharded-native-l1': {
    family: 'eltwise (binary)',
    pr: 30557,
    // Squash-merged as af6910e at 2025-10-15 20:43 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-15',
    dateFrom: 'merge',
    what: 'is_legacy_only no longer sends an uneven sharded operand to the legacy op (#27989 had dropped its non-height-sharded test), so a sharded operand that is not block-format runs binary_ng; binary_ng binds c_0/c_1/c_2 to the shard of a/b/c (each one sharded) exactly when is_native_L1_sharding holds: a tensor b, a sharded output, a and b of one logical shape, none of a, b, c unevenly sharded, one of them sharded in L1; else every CB is its 2-tile ring and the shards are read through TensorAccessor',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/binary.cpp@629ddfc (is_legacy_only: any_uneven); binary_ng_program_factory.cpp@629ddfc (is_native_L1_sharding without the output or unevenness tests)',
    after:
      'tt-metal PR #30557, binary.cpp@af6910e (is_legacy_only: row broadcast and block formats only); ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@af6910e (is_native_L1_sharding; c_0/c_1/c_2 on the shards when it holds)',
  },
  'binary-ng-native-same-layout-l1': {
    family: 'eltwise (binary)',
    pr: 31096,
    // Squash-merged as 6132b08 at 2025-10-27 02:54 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-27',
    dateFrom: 'merge',
    what: "is_native_L1_sharding also needs a and b in one memory layout and none of a, b, c in DRAM; the device op's validate_sharding and its TT_FATALs on a sharded a, b or c outside L1 go",
    before:
      'tt-metal binary_ng_program_factory.cpp@af6910e (is_native_L1_sharding); binary_ng_device_operation.cpp@6132b08~1 (validate_sharding, the L1 tests)',
    after: 'tt-metal PR #31096, binary_ng_program_factory.cpp@6132b08 (memory_layout equality, the DRAM test)',
  },
  'binary-ng-native-same-memory-config': {
    family: 'eltwise (binary)',
    pr: 34482,
    // Squash-merged as 8096aa6 at 2025-12-19 17:19 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-12-19',
    dateFrom: 'merge',
    what: "is_native_L1_sharding needs a's and b's whole memory configs equal (layout, buffer, shard spec), not only their memory layouts",
    before: 'tt-metal binary_ng_program_factory.cpp@6132b08 and @75f4885 (memory_layout equality)',
    after: 'tt-metal PR #34482, binary_ng_program_factory.cpp@8096aa6 (a.memory_config() == b->memory_config())',
  },
  'binary-ng-native-grid-match': {
    family: 'eltwise (binary)',
    pr: 35420,
    // Squash-merged as 31570cf at 2026-01-13 18:53 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-13',
    dateFrom: 'merge',
    what: "is_native_L1_sharding no longer tests the output's unevenness, and needs a sharded a's and a sharded b's shard grids equal to the output's",
    before: 'tt-metal binary_ng_program_factory.cpp@8096aa6 (is_uneven(c) in is_native_L1_sharding)',
    after:
      'tt-metal PR #35420, ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_utils.cpp@31570cf (is_native_L1_sharding: grid tests)',
  },
  'binary-ng-native-scalar': {
    family: 'eltwise (binary)',
    pr: 36375,
    // Squash-merged as ad5f256 at 2026-01-28 04:23 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-28',
    dateFrom: 'merge',
    what: 'a tensor-scalar op with an evenly sharded a and a sharded output binds c_0 (and c_2) to the shards; before, a scalar b was always taken as interleaved',
    before: 'tt-metal binary_ng_utils.cpp@31570cf (is_native_L1_sharding: false without a tensor b)',
    after: 'tt-metal PR #36375, binary_ng_utils.cpp@ad5f256',
  },
  'binary-ng-native-even-output': {
    family: 'eltwise (binary)',
    pr: 37229,
    // Squash-merged as 154ae51 at 2026-02-06 21:23 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-02-06',
    dateFrom: 'merge',
    what: 'get_shard_specs takes an unevenly sharded output as interleaved (no CB on any shard) whatever is_native_L1_sharding says (the kernel deadlocked on cores with smaller shards)',
    before: 'tt-metal binary_ng_program_factory.cpp@31570cf (get_shard_specs: is_native_L1_sharding only)',
    after: 'tt-metal PR #37229, binary_ng_program_factory.cpp@154ae51 (get_shard_specs: || is_uneven(c))',
  },
  'binary-ng-native-sharded-a-broadcast': {
    family: 'eltwise (binary)',
    pr: 37996,
    // The PR of change point binary-ng-col-scalar-bcast-cb (0fca1ed, 2026-04-09 05:56 UTC).
    mergedOn: '2026-04-09',
    dateFrom: 'merge',
    what: "is_native_L1_sharding also holds for an evenly sharded, unbroadcast a with an unsharded b under a COL/SCALAR subtile broadcast when a is height-sharded, and for unevenly sharded a and b of one memory config when a, b and c are in L1 and c's shard spec is a's; get_shard_specs then takes an uneven output only when a, b and c share one shard spec",
    before:
      'tt-metal binary_ng_utils.cpp@154ae51 (is_native_L1_sharding); binary_ng_program_factory.cpp@154ae51 (get_shard_specs)',
    after:
      'tt-metal PR #37996, binary_ng_utils.cpp@0fca1ed and binary_ng_program_factory.cpp@0fca1ed; the same at 076511e and 622c6fb (2026-06-23)',
  },
  'binary-ng-sharding-layout-test-dropped': {
    family: 'eltwise (binary)',
    pr: 30702,
    // Squash-merged as 6f9c404 at 2025-10-17 16:59 UTC (nyoshifujiTT/tt-metal first-parent history; git log -G on the
    // message finds only it since #16138's ff723f0 / 27d4416, 2025-01). The PR's title is a test split; the device op's
    // validate_sharding loses its first TT_FATAL in it.
    mergedOn: '2025-10-17',
    dateFrom: 'merge',
    what: "binary_ng's validate_sharding no longer rejects two sharded tensors of different memory layouts (it still asks one shard spec under no subtile broadcast, to change point binary-ng-native-same-layout-l1)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp@629ddfc and @af6910e (validate_sharding: "Operands to eltwise binary need to have the same memory layout")',
    after: 'tt-metal PR #30702, binary_ng_device_operation.cpp@6f9c404; validate_sharding removed by #31096 (6132b08)',
  },
  'typecast-sharded-fallback': {
    family: 'eltwise (typecast)',
    pr: 38616,
    // Squash-merged as 4d50a84 at 2026-03-04 08:21 UTC (nyoshifujiTT/tt-metal first-parent history); the selection it
    // added reads the same to 34187b6 (2026-04-22) and HEAD 3292bd2 (2026-06-16) leaves typecast_device_op.cpp alone.
    mergedOn: '2026-03-04',
    dateFrom: 'merge',
    what: 'a sharded typecast runs TypecastShardedProgramFactory (CBs on the shards) only for equal tile sizes, L1 input and output and L1-aligned whole-tile shards, else TypecastProgramFactory (two-page c_0/c_2, the shards read through a TensorAccessor); before, every sharded input ran the sharded factory, which threw for differing tile sizes (bf16 → f32)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_device_op.cpp@f011e63 (sharded → TypecastShardedProgramFactory); typecast_sharded_program_factory.cpp@f011e63 (TT_FATAL equal tile sizes)',
    after:
      'tt-metal PR #38616 ("Adding ND Sharding Support for the Typecast Op"), typecast_device_op.cpp@4d50a84 (can_use_sharded_optimized_factory), typecast_program_factory.cpp@4d50a84',
  },
  'reduce-nd-sharding': {
    family: 'reduction',
    pr: 24414,
    // Squash-merged as f75674d at 2025-07-02 20:55 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-07-02',
    dateFrom: 'merge',
    what: 'the generic W, H and HW reduces take any sharded input or result (Reduce::validate keeps only device, buffer and tile checks): the factories read and write it through a TensorAccessor with their interleaved CB sets, the H factory keeping its width-sharded path; before, validate threw for a sharded W/HW reduce and for an H reduce not width sharded in and out',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op.cpp@f75674d~1 (Reduce::validate); multi_core_h/reduce_op_multi_core_h.cpp@f75674d~1 (interleaved-only reader)',
    after:
      'tt-metal PR #24414 ("Extend 2D sharding and add ND sharding support for reduce op"), reduce_op.cpp@f75674d, multi_core_h/reduce_op_multi_core_h.cpp@f75674d (reader_unary_transpose_wh_universal_input_cols_partitioned)',
  },
  'batchnorm-no-num-cb': {
    family: 'batch_norm',
    pr: 18332,
    // Merged as 99f1ff6 at 2025-03-07 02:09 UTC (nyoshifujiTT/tt-metal first-parent history; subject "#18332: Remove
    // cb_num buffer", the issue's number).
    mergedOn: '2025-03-07',
    dateFrom: 'merge',
    what: 'the inference batch norm factory drops c_8 num (input − mean, 2 input tiles): nine CBs, temp moving to c_8',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/batch_norm/device/batch_norm_program_factory.cpp@99f1ff6~1',
    after: 'tt-metal batch_norm_program_factory.cpp@99f1ff6',
  },
  'batchnorm-mixed-precision': {
    family: 'batch_norm',
    pr: 40233,
    // Squash-merged as b04f3ed at 2026-03-27 19:20 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-03-27',
    dateFrom: 'merge',
    what: 'the inference batch norm factory sizes eps, den and temp in one intermediate format (Float32 when any tensor is f32, else the input format) and, when that is f32 and the output not, stages the compute output in Float32 (c_2) with a writer CB c_9 in the output format; before, eps took the variance format, den and temp the input format, c_2 the output format',
    before: 'tt-metal batch_norm_program_factory.cpp@0475d0d (create_cb, per-tensor formats)',
    after:
      'tt-metal PR #40233 ("Add mixed-precision support to batch_norm"), batch_norm_program_factory.cpp@b04f3ed; descriptor port @926ea5e (same sizes)',
  },
  'reshape-tiled-program-descriptor': {
    family: 'reshape',
    pr: 45075,
    // Squash-merged on main as b2af0cd at 2026-06-02 14:16 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-06-02',
    dateFrom: 'merge',
    what: "ReshapeTiledProgramFactory builds a ProgramDescriptor: its three CBs sit on split_work_to_cores' column-wise all_cores over the output tiles, as given (no merge); before, CreateCircularBuffer on total_cores, the whole grid (0,0)-(grid.x − 1, grid.y − 1), cores without work included. CB sizes unchanged: only the core set and the printed range move",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_tiled_program_factory.cpp@4b30829 (CreateCircularBuffer(program, total_cores, …) for c_0, c_1, c_2)',
    after:
      'tt-metal PR #45075 ("migrate halo + reshape_tiled + conv2d + conv3d to ProgramDescriptor"), reshape_tiled_program_factory.cpp@b2af0cd (CBDescriptor{.core_ranges = all_cores})',
  },
  'permute-tiled-generic': {
    family: 'permute/transpose',
    pr: 17048,
    // Squash-merged on main as fb9f208 at 2025-01-23 21:14 UTC (nyoshifujiTT/tt-metal first-parent history; #17009 of
    // the same day was reverted before it).
    mergedOn: '2025-01-23',
    dateFrom: 'merge',
    what: "ttnn::transpose sends interleaved row-major HC and CN to prim::permute ((0,2,1,3), (1,0,2,3)); before, HC ran the HC factory when W·elem is buffer-aligned and CN the tiled path. A tiled interleaved permute that moves both tiled dims runs MultiCoreTiledGeneric (c_0, c_1, c_2 of 2 · (tile + read misalignment), c_3 one face row for an unaligned output H); from it to fdefd7c / 622c6fb (2026-06) the three tiled factories' CBs, select_program_factory and permute_impl's routing are unchanged for a non-block-float input (bfp8 tile size fixed by PR #22652). Before, the tiled factories of PRs #16468 / #16671 (January 2025), not read",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/permute/device/permute_tiled_program_factory.cpp@d408f13 (PR #16671; not compared)',
    after:
      'tt-metal PR #17048, permute_tiled_program_factory.cpp@fb9f208 … @ef1afdb; permute_device_operation.cpp select_program_factory @fb9f208 … @622c6fb; permute.cpp permute_impl @fb9f208 … @622c6fb',
  },
  'transpose-hc-tiled-face-padding': {
    family: 'permute/transpose',
    pr: 36896,
    // Squash-merged on main as eda5031 at 2026-02-01 17:16 UTC (nyoshifujiTT/tt-metal first-parent history). Its first
    // landing, PR #36842 (ad4bd6c, 2026-01-30 22:30 UTC), touched only the kernel and was reverted (6d954eb, 01-31).
    mergedOn: '2026-02-01',
    dateFrom: 'merge',
    what: "the tiled interleaved HC transpose's pad CB (C not a multiple of 32) holds one whole 16x16 face (16·16·elem) so the kernel writes padding a face at a time; before, one face row (16·elem)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/transpose/device/transpose_hc_tiled_interleaved_program_factory.cpp@c83c151 (face_shape[1] · element_size); transpose_program_factory.cpp@a927a47 … (the same)',
    after:
      'tt-metal PR #36896 ("Reduce number of noc writes using in padding path of transpose tile hc again"), transpose_hc_tiled_interleaved_program_factory.cpp@eda5031 (max_padding_write = face_shape[0] · face_shape[1])',
  },
  'hardsigmoid-unary-sfpu': {
    family: 'eltwise (unary)',
    pr: 24923,
    // Squash-merged on main as 852431e at 2025-07-22 14:55 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-07-22',
    dateFrom: 'merge',
    what: 'hardsigmoid runs as one SFPU unary program (UnaryOpType::HARDSIGMOID, c_0 and c_2); before, _hardsigmoid ran mac(x, scale, shift) (multiply by a scalar, then add a scalar) and relu_max(., 1), none given the memory config: the two intermediates and the result are placed like the input',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@26c0f92 (_hardsigmoid), ternary/ternary_composite_op.cpp@26c0f92 (_mac_overload)',
    after: 'tt-metal PR #24923 ("Migrate hardsigmoid as a device op"), unary_op_utils.cpp@852431e',
  },
  'cbrt-unary-sfpu': {
    family: 'eltwise (unary)',
    pr: 28170,
    // Squash-merged on main as 11de0e3 at 2025-09-25 10:37 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-25',
    dateFrom: 'merge',
    what: 'cbrt runs as one unary program whose factory adds a c_1 temporary CB of the input CB size (two tiles; the whole shard when sharded); before, _cbrt ran abs, log, multiply by 1/3, exp, sign and multiply into tensors in the output memory config, the exp result live until the last multiply beside the sign result',
    before: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@7003188 (_cbrt)',
    after:
      'tt-metal PR #28170 ("Migrate cbrt as a device op"), unary_program_factory.cpp@11de0e3 and unary_sharded_program_factory.cpp@11de0e3 (c_1 for CBRT)',
  },
  'minimum-scalar-unary-sfpu': {
    family: 'eltwise (unary)',
    pr: 20242,
    // Squash-merged on main as 02d8c64 at 2025-04-08 06:03 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-04-08',
    dateFrom: 'merge',
    what: 'ttnn::minimum with a scalar runs one unary program (UnaryOpType::MINIMUM); before, subtract(a, value) into a tensor in the output memory config, then where(diff, value, a)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/binary_composite_op.cpp@e890a66 (ExecuteMinimum::invoke with a float)',
    after: 'tt-metal PR #20242 ("Implement min as SFPU op"), binary_composite_op.cpp@02d8c64',
  },
  'clamp-scalar-unary-sfpu': {
    family: 'eltwise (unary)',
    pr: 27012,
    // Squash-merged on main as 2a88382 at 2025-08-29 10:01 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-29',
    dateFrom: 'merge',
    what: 'clamp with scalar min and max runs one SFPU unary program; before, ExecuteUnaryCompositeClamp ran minimum(a, max) into a tensor in the output memory config, then relu (min 0) or maximum(., min), that tensor live beside the result (an int32 input typecast to f32 first)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@f34fc81 (ExecuteUnaryCompositeClamp::invoke, float min/max)',
    after: 'tt-metal PR #27012 ("Migrate clamp scalar version to llk"), unary.cpp@2a88382',
  },
  'conv2d-reallocate-halo-default-true': {
    family: 'conv2d',
    pr: 16185,
    // "Conv2dConfig reallocate_halo_output default to true", authored 2024-12-19, on main as 16ff6f03e2 at 2025-01-07
    // 14:34 UTC (nyoshifujiTT/tt-metal first-parent history); 13661ed of 2024-12-25 still has false.
    mergedOn: '2025-01-07',
    dateFrom: 'merge',
    what: "Conv2dConfig's C++ default for reallocate_halo_output becomes true: the halo output is moved up (ttnn::move) over the freed resharded input; before, false unless the config says so, and the freed input leaves a hole above the halo output. tt-mlir's runtime passes only the fields the IR gives, so an IR without the field takes the build's default",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.hpp@13661ed (bool reallocate_halo_output = false)',
    after:
      'tt-metal PR #16185, conv2d_utils.hpp@16ff6f03e2 (bool reallocate_halo_output = true); tt-metal #20414 (C++ default true, Python false)',
  },
  'pow-scalar-unary-sfpu': {
    family: 'eltwise (unary)',
    pr: 33182,
    // Squash-merged on main as 2fc9b5a at 2026-01-28 09:42 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-28',
    dateFrom: 'merge',
    what: 'pow with a non-integer scalar exponent runs one SFPU unary program (negative exponents allowed); before, ExecutePower ran log, multiply by the fraction, exp, power by the floor, multiply, ltz and where, each into the output memory config, and a negative exponent was a TT_FATAL',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/binary_composite_op.cpp@d43dc8d to the parent of 2fc9b5a (ExecutePower::invoke, float exponent)',
    after: 'tt-metal PR #33182 ("Improve bf16 unary pow using 21f approach"), binary_composite_op.cpp@2fc9b5a',
  },
  'conv2d-dram-slice-count-max': {
    family: 'conv2d',
    pr: 37791,
    // Squash-merged on main as cb76be1 (2026-03-05 12:57 UTC; nyoshifujiTT/tt-metal first-parent history): the same
    // merge as conv-transpose2d-dram-slice-estimate-fixed. tt-metal #39328 / #39246 (2026-03-06) are the first main CI
    // runs it failed (SD3.5 VAE conv_in, 8 width slices over 128 output columns; tt_dit's table fixed by PR #39315).
    mergedOn: '2026-03-05',
    dateFrom: 'merge',
    what: 'a conv2d or conv_transpose2d given more DRAM slices than its output allows is a TT_FATAL in run_sliced_op: "Number of slices (N) exceeds the maximum allowed (M) for the given output dimension and alignment", M = ceil(OW / 32) for a tiled output sliced by width, else the sliced output dimension; before, their calls took run_sliced_op\'s default conv_bypass = true, which skipped that check (it ran the count as given)',
    before:
      'tt-metal op_slicing.cpp@2be027c (PR #35774, 2026-02-10: TT_FATAL(num_slices <= max_num_slices || conv_bypass), op_slicing.hpp: bool conv_bypass = true; conv2d.cpp@4d4fead calls run_sliced_op without it); before PR #35774 only a debug TT_ASSERT(num_slices < output_sliced_dim) (op_slicing.cpp@441c2f9)',
    after:
      'tt-metal PR #37791 ("Conv bypass feature has been removed"), op_slicing.cpp@cb76be1 and @5f3b5b8 (compute_max_num_slices: div_up(dim, 32) for a TILE output sliced by width, else dim; TT_FATAL(dram_slice_config.num_slices <= max_num_slices, ...))',
  },
  'nlp-concat-heads-program-descriptors': {
    family: 'overflow message',
    pr: 45423,
    // Merged as 32f12ad at 2026-06-02 19:24 UTC (read in the main history of a tt-metal fork, nyoshifujiTT/tt-metal).
    mergedOn: '2026-06-02',
    dateFrom: 'merge',
    what: "the interleaved nlp_concat_heads factory (\"Migrate plusone + nlp_concat_heads family + pad's remaining factories to descriptors\") builds a ProgramDescriptor: its CB on split_work_to_cores' column-wise all_cores as given, so a set with a remainder column prints its k full columns again instead of the merged block over the remainder's rows; only the printed range moves",
    before:
      'tt-metal …/experimental/transformer/nlp_concat_heads/device/nlp_concat_heads_program_factory.cpp@3fa4d753 (CreateCircularBuffer on all_cores, merged by add_circular_buffer)',
    after:
      'tt-metal PR #45423; nlp_concat_heads_program_factory.cpp@32f12ad (CBDescriptor{.core_ranges = all_cores}); tt_metal/impl/program/program.cpp (Program(const ProgramDescriptor&): no merge)',
  },
  'reshape-rm-dual-kernel': {
    family: 'reshape',
    pr: 28169,
    // "Optimize reshape operation with dual kernel support for RM tensors", squash-merged on main as 51d87b0 at
    // 2025-09-16 07:36 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-16',
    dateFrom: 'merge',
    what: "the row-major reshape (ReshapeRMProgramFactory) runs a second instance of its kernel when one row's bytes divide the other's: c_2 (2 · the source read size) and c_3 (the destination slot) beside c_0 and c_1, the same sizes, on the same whole grid; before, c_0 and c_1 only",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/host/reshape_rm_host_prep.cpp@3389120 (PR #15572) … reshape_rm_program_factory.cpp@f37b776 (c_0 2 · (floor64(src − 1) + 128), c_1 floor64(dst − 1) + 80 on total_cores; the same at every commit of either file between)',
    after:
      'tt-metal PR #28169, host/reshape_rm_program_factory.cpp@51d87b0 (can_use_dual_kernel = src % dst == 0 || dst % src == 0 → c_2, c_3); the same sizes at 964d583, a17527e, 951db7e, ebbcdf2 (device/reshape_rm_program_factory.cpp), 4b30829 (CBDescriptors) and 622c6fb (2026-06-23)',
  },
  'reshape-rm-dest-staging': {
    family: 'reshape',
    pr: 50967,
    // "Fix Blackhole hang on RM reshape to [N,1]" (tt-metal #50191, opened 2026-07-17), recorded merged; its Copilot
    // review of 2026-07-24 quotes the factory it changes (cb_size1 and can_use_dual_kernel as at 622c6fb). Merge day not
    // read (tt-metal's snapshot is over fetch's size limit): dated at the issue's opening, the earliest it can be.
    mergedOn: '2026-07-17',
    dateFrom: 'approx',
    what: "the row-major reshape's destination CB becomes a ring of up to eight destination slots when a row's bytes are not a multiple of 16 (later capped by the free L1), and the second kernel instance is skipped for such a DRAM destination; not modeled: the CBs before it are given, approx",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_rm_program_factory.cpp@622c6fb (cb_size1 one slot; can_use_dual_kernel on divisibility alone)',
    after:
      'tt-metal PR #50967 (num_dest_write_slots, pages_16b_aligned); reshape_rm_program_factory.cpp (search index id 69758822617: choose_num_dest_write_slots against lowest_occupied_compute_l1_address)',
  },
  'reshape-tiled-sharded-direct': {
    family: 'reshape',
    pr: 37407,
    // "Implemented Native reshape_tiled", squash-merged on main as a3ffa27bc4 at 2026-02-24 15:54 UTC
    // (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-02-24',
    dateFrom: 'merge',
    what: 'reshape_tiled hands a sharded tensor to prim::reshape_view directly (the tiled factory reads and writes through TensorAccessor; its three CBs do not depend on the placement) unless the requested output is width-sharded, which keeps the round trip; before, a sharded input went through sharded_to_interleaved (into its own buffer type) and a sharded output through interleaved_to_sharded around an interleaved reshape_view',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@ed0a405 (PR #20189) … @9cfdc2a (reshape_tiled: s2i of a sharded input, i2s to a sharded output; the same at every first-parent commit between)',
    after:
      'tt-metal PR #37407, reshape.cpp@a3ffa27 … @d9169f1 (reshape_tiled: "use s-to-i & i-to-s for width sharded only"); reshape_tiled_program_factory.cpp unchanged from a3ffa27~1 to 1116349 bar a copyright line (c262c36); reshape_device_operation.cpp@d9169f1 (no placement check)',
  },
  'reshape-tiled-sharded-single-run': {
    family: 'reshape',
    pr: 42904,
    // "#42837: refactoring reshape to avoid redundant kernel calls", first on main as 4c32297427 (2026-04-23 12:58 UTC);
    // undone and redone three times that day by 034ac587a5, bb5f24fb47, 24d1ac08ad; in for good from d9ac9a533d
    // (2026-04-24 04:04 UTC, nyoshifujiTT/tt-metal first-parent history): the first day built with it is taken.
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: 'a tiled reshape to a height- or block-sharded output runs prim::reshape_view once, into the shard spec recomputed for the output shape; before (from PR #37407), twice: first into the requested memory config (its result kept alive) and again into the recomputed one',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@a3ffa27, @c262c36 (two reshape_view calls)',
    after: 'tt-metal PR #42904, reshape.cpp@4c32297, @d9ac9a5, @d9169f1 (synthetic TensorSpec, one call)',
  },
  'reshape-tiled-sharded-output-direct': {
    family: 'reshape',
    pr: 42543,
    // "Extend universal input support for reshape", squash-merged on main as 1116349651 at 2026-05-15 05:56 UTC
    // (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-05-15',
    dateFrom: 'merge',
    what: 'a non-bfp8 tiled reshape to any sharded output (width-sharded too) runs prim::reshape_view directly into the recomputed shard spec (sharded_to_interleaved first only when that recompute falls back to interleaved); before, a width-sharded output kept the s2i / i2s round trip. An interleaved output of a sharded input runs reshape_view directly on both sides of it',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@d9169f1 (width-sharded round trip)',
    after:
      'tt-metal PR #42543, reshape.cpp@1116349, @a8bffc3 (PR #45215), @2c561f0, @622c6fb (2026-06-23): the direct sharded path; the padding fill only with an explicit pad_value',
  },
  'slice-rm-merge-single-alignment': {
    family: 'slice',
    pr: 43055,
    // "fix(slice): align RM CB sizing with kernel's num_read_per_barrier to avoid deadlock (#39947)", squash-merged on
    // main as 8ab89d1108 at 2026-04-28 03:58 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-28',
    dateFrom: 'merge',
    what: "the row-major slice's rows per read (merge_num_sticks_to_read: the largest divisor m of the rows per core rounded up to 32 with m · stride ≤ 4,096 B) take as stride the output row rounded up to the single alignment max(src, dst), as the reader's runtime arguments do; before, the CB page, whose alignment is doubled when begins[-1] · elem is off the source alignment. c_0 = 2 · m · page either way: only a misaligned start can differ",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/slice/device/slice_program_factory.cpp@7ce4e6d … @d0900d6, slice_program_factory_rm.cpp@6ea225d … @a67eb83 (compute_cb_size: merge over cb_page_size)',
    after:
      'tt-metal PR #43055, slice_program_factory_rm.cpp@8ab89d1 (stick_stride_for_merge); the same at ef9e7c4 (PR #45074, CBDescriptor) and fdefd7c (2026-06-16)',
  },
  'concat-sharded-block-and-s2i': {
    family: 'concat',
    pr: 41743,
    // "#40406: Concat - native block sharded support for H / W dim concat", recorded merged (issues corpus; reviewed
    // 2026-04-13); not in main at 622c6fb (2026-06-23), the newest build the snapshot holds, whose validation still
    // rejects block-sharded inputs: dated the day after, the earliest it can be.
    mergedOn: '2026-06-24',
    dateFrom: 'approx',
    what: 'ttnn.concat accepts block-sharded inputs (H / W concat) and sharded inputs into an interleaved output; before, ConcatDeviceOperation\'s validation rejected them: two width-sharded inputs ("Width sharded inputs are not supported for two tensors concat yet"), block-sharded ones ("Block sharded inputs are not supported"), an output of another memory layout, interleaved included ("Sharded output and inputs must have the same memory layout."), a W concat of other than height-sharded and an H concat of other than width-sharded tensors',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_device_operation.cpp@9baa114 (PR #13737, 2024-10-17) … @622c6fb (validate: the same checks and messages at every version read: 9baa114, d82e424, 498e08d~1, 498e08d, 5a7d275, 622c6fb)',
    after:
      'tt-metal PR #41743 (concat_block_sharded_program_factory.cpp, read @01c8afe; S2I through a temporary sharded concat)',
  },
  'untilize-unpadding-col-factory': {
    family: 'tilize/untilize',
    pr: 17538,
    // "Add support for parallelization along the width for untilize with unpadding", squash-merged on main as 1b01e8b
    // at 2025-02-05 21:26 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-02-05',
    dateFrom: 'merge',
    what: "untilize_with_unpadding's interleaved factory hands a tensor with Wt > Ht to the column factory (c_0 = c_16 = Ht tiles, the Wt tile columns split over the cores by split_blocks_for_tilize); before, the tile-row factory (c_0 = c_16 = Wt tiles) for every interleaved input",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize_with_unpadding/device/untilize_with_unpadding_program_factory.cpp@09349dd (untilize_with_unpadding_multi_core_interleaved only)',
    after:
      'tt-metal PR #17538, untilize_with_unpadding_program_factory.cpp@1b01e8b (num_tiles_per_row > num_tiles_per_col → untilize_with_unpadding_multi_core_col_interleaved)',
  },
  'untilize-unpadding-col-by-space': {
    family: 'tilize/untilize',
    pr: 17752,
    // "Quick fix for single card device perf" (the column split had slowed models), squash-merged on main as a4b0687
    // at 2025-02-08 15:04 UTC (nyoshifujiTT/tt-metal first-parent history); unchanged to 6c77212~1 (PR #17790).
    mergedOn: '2025-02-08',
    dateFrom: 'merge',
    what: 'untilize_with_unpadding takes the column factory only when a tile row does not fit (enough_space_height: 2 · T_in · Wt against the free L1); before, whenever Wt > Ht',
    before: 'tt-metal …/untilize_with_unpadding_program_factory.cpp@1b01e8b (num_tiles_per_row > num_tiles_per_col)',
    after:
      'tt-metal PR #17752, untilize_with_unpadding.cpp@a4b0687 (enough_space_height) and untilize_with_unpadding_program_factory.cpp@a4b0687 (!enough_space_height → column factory)',
  },
  'conv2d-reader-indices-actual-page': {
    family: 'conv2d',
    pr: 43193,
    // Squash-merged on main as 984f529e2f at 2026-04-30 18:00 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-30',
    dateFrom: 'merge',
    what: "with config_tensors_in_dram the sharded and width-sharded conv factories size the READER_INDICES CB to the DRAM config tensor's page: the longest core's reader-index list (per act block: a segment count, a pad word, then the first and last top-left index of every run of stride-spaced outputs), 2 B a word, TT_FATAL when that exceeds the worst case; before, the worst case (per_core_M·32 words, 2 B each). Auto shard and the DRAM slicer still rank with the worst case",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_op_program_factory_common.cpp@7785814f74 (get_cb_info: READER_INDICES page per_core_out_matrix_height_ntile·32·2 B; conv2d_op_sharded_program_factory.cpp only checked the config page against it)',
    after:
      'tt-metal PR #43193 ("Reader Indices CB Sizing Fix for Pool / Conv"), conv2d_op_program_factory_common.cpp@984f529e2f (get_cb_info reader_indices_actual_page_size), conv2d_op_sharded_program_factory.cpp / conv2d_op_width_sharded_program_factory.cpp@984f529e2f (the config tensor built before get_cb_info), sliding_window.cpp@984f529e2f (generate_sliding_window_op_config, construct_on_host_config_tensor, move_config_tensor_to_device: DRAM interleaved, one row of uint16 per NHW core)',
  },
  'pool-reader-indices-actual-page': {
    family: 'pool2d',
    pr: 43193,
    // The same squash merge as conv2d-reader-indices-actual-page: 984f529e2f, 2026-04-30 18:00 UTC
    // (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-30',
    dateFrom: 'merge',
    what: "with config_tensor_in_dram the pool2d factory sizes its reader-indices CB to the DRAM config tensor's page: the longest core's reader-index list (one block per core: a segment count, a pad word, then the first and last top-left index of every run of stride-spaced outputs), 2 B a word; before, the worst case of 3 words per output stick plus 2 B (output shard height · 6 + 2). The avg pool's scalar-config CB and calculate_L1_usage's auto-shard ranking keep the worst case",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_multi_core_program_factory.cpp@984f529e2f^ (in_reader_indices CB page max_reader_indices_size = max_out_nhw_per_core · 6 + 2 when config_tensor_in_dram), pool_utils.cpp@984f529e2f^ (calculate_pool_cb_sizes: config_tensor_l1_size the same worst case)',
    after:
      'tt-metal PR #43193 ("Reader Indices CB Sizing Fix for Pool / Conv"), pool_multi_core_program_factory.cpp@984f529e2f (CB page reader_indices_storage.get_buffer()->page_size(); the indices from generate_sliding_window_op_config(op_trace_metadata, shard_boundaries, stride_w) with is_conv = false, pad_cores = true), pool_utils.cpp@984f529e2f (calculate_pool_cb_sizes reader_indices_actual_page_size, value_or the worst case), sliding_window.cpp@984f529e2f (construct_on_host_config_tensor, move_config_tensor_to_device: DRAM interleaved, one row per NHW core)',
  },
  'halo-config-tensors-in-dram': {
    family: 'halo (conv2d, pool2d)',
    pr: 27753,
    // Squash-merged on main as 999bb7c959 (2025-09-13 13:38 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-13',
    dateFrom: 'merge',
    what: "with Conv2dConfig.config_tensors_in_dram the halo's four config tensors (padding and gather configs, two each) are DRAM interleaved, one row of uint16 per NHW core, and the halo program creates their CBs as static CBs of one page (the longest core's config, padded to an even word count, × 2 B; halo.ts haloDramConfigPageBytes); before, the config tensors were always L1_SMALL shards and their CBs tensor-backed (no CB space). conv_transpose2d does not pass the flag to its halo (tt-metal #33284); the pools pass it from change point pool-config-tensors-in-dram",
    before:
      'tt-metal untilize_with_halo_program_factory.cpp@02a3583 (config CBs backed by the L1_SMALL config buffers, page = buffer size / cores); sliding_window.cpp move_config_tensor_to_device without store_in_dram',
    after:
      'tt-metal PR #27753 ("Provide option to place config tensors for Conv2D in DRAM instead of L1_SMALL"); untilize_with_halo_program_factory.cpp@999bb7c959 and @b844a98d7f (config CBs of the buffer\'s page_size, no backing buffer when config_tensors_in_dram; the same at @984f529e2f by a colleague); sliding_window.cpp@999bb7c959 and @441c2f9567 (the search index\'s id 7186334245) (generate_halo_kernel_config_tensors, serialize_gather_configs, construct_on_host_config_tensor, move_config_tensor_to_device: DRAM interleaved)',
  },
  'pool-config-tensors-in-dram': {
    family: 'pool2d',
    pr: 35212,
    // Squash-merged on main as 67a560408f (2026-01-14 10:50 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-14',
    dateFrom: 'merge',
    what: "max_pool2d / avg_pool2d take config_tensor_in_dram: the reader indices (and an avg pool's per-element scalar config) are DRAM tensors read into static CBs, the reader-index CB created after the clear-value CB (so the next CB starts at its end rounded up to the alignment) at the worst case output shard height · 6 + 2 B (from change point pool-reader-indices-actual-page the DRAM page), the scalar-config CB last at shard height · 6 B; calculate_L1_usage adds both worst cases to the auto-shard ranking; generic_pools passes the flag to its halo (change point halo-config-tensors-in-dram's static config CBs). Before, pool2d had no such argument: its config tensors were L1_SMALL shards backing their CBs (0 B), whatever the IR says",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_multi_core_program_factory.cpp@67a560408f^ (reader-indices and scalar-config CBs backed by their L1_SMALL buffers), generic_pools.cpp@67a560408f^ (ttnn::halo without the flag)',
    after:
      'tt-metal PR #35212 ("Config Tensors in DRAM for Pool2D"), pool_multi_core_program_factory.cpp@67a560408f (in_reader_indices CB of max_out_nhw_per_core · 6 + 2 B and the scalar config CB of max_out_nhw_per_core · 6 B, no backing buffer, with config_tensor_in_dram; CB creation order scalar, scalar 2, clear value, raw input, reader indices, input CBs, …, output, scalar config: the same order at @622c6fb), generic_pools.cpp@67a560408f (ttnn::halo(…, is_out_tiled, config_tensor_in_dram)), pool_utils.cpp@67a560408f (calculate_L1_usage: config_tensor_l1_CB_size)',
  },
  'pool-parallel-config-shard-units': {
    family: 'pool2d',
    pr: 18601,
    // Squash-merged on main as a74b197eef (2025-03-13 13:54 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-03-13',
    dateFrom: 'merge',
    what: "pool2d's parallel config counts N·H·W in single rows and channels in tiles of 32, doubling a width / block channel core count to half-tile (16-channel) shards when every core got one tile and twice the cores fit (set_shard_width_to_half_tile_if_possible); before, determine_parallel_config ran with is_out_tiled = false: N·H·W rounded up to 32 and counted in rows, channels counted one by one (largest divisor of C up to the grid / grid row)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@a74b197eef^ (determine_parallel_config: effective tile 1 x 1 when !is_out_tiled, out_nhw_ntiles = round_up(nhw, 32)), generic_pools.cpp@a74b197eef^ (is_out_tiled = false)',
    after:
      'tt-metal PR #18601 ("Changing determining parallel config logic"), conv2d_utils.cpp@a74b197eef (is_shard_height_tile_multiple / is_shard_width_tile_multiple, set_shard_width_to_half_tile_if_possible), generic_pools.cpp@a74b197eef (both false)',
  },
  'pool-auto-shard-l1-ranked': {
    family: 'pool2d',
    pr: 23668,
    // Squash-merged on main as 3380016a0e (2025-06-24 01:37 UTC; nyoshifujiTT/tt-metal first-parent history). The same
    // change first landed as PR #21137 (170411c20e) and was reverted the same day, 2025-06-13 (baa204bc90, PR #23539).
    mergedOn: '2025-06-24',
    dateFrom: 'merge',
    what: 'pool2d auto-shards an unsharded input given no applied_shard_scheme: height, width and block ranked by calculate_L1_usage (CBs + output shard), height kept unless another is strictly smaller; until change point pool-parallel-config-half-tile-units a scheme whose channels per core are neither 16 nor a multiple of 32 is skipped, and none valid is a TT_FATAL; before, such an input was height sharded',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@3380016a0e^ (shard_layout defaults to HEIGHT_SHARDED)',
    after:
      'tt-metal PR #23668 ("Re-push Auto sharding to fix CI/CD"), generic_pools.cpp@3380016a0e (determine_pool_config_for_auto_shard, "autosharding could not determine valid shard scheme"), pool_utils.cpp@3380016a0e (determine_valid_parallel_config, calculate_L1_usage, the height / width / block comparison)',
  },
  'pool-parallel-config-tiled-whole-tiles': {
    family: 'pool2d',
    pr: 24898,
    // Squash-merged on main as 70060010fc (2025-07-16; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-07-16',
    dateFrom: 'merge',
    what: 'a tiled pool input keeps whole-tile channel shards: generic_pools and auto shard pass is_shard_width_tile_multiple = is_in_tiled, so no half-tile core doubling for it; before, false for every input',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@70060010fc^ (is_shard_width_tile_multiple false)',
    after:
      'tt-metal PR #24898 ("Remove Generic Pool HW % 32 == 0 Restriction"), generic_pools.cpp@70060010fc and pool_utils.cpp@70060010fc (is_in_tiled passed as is_shard_width_tile_multiple)',
  },
  'pool-parallel-config-half-tile-units': {
    family: 'pool2d',
    pr: 26448,
    // Squash-merged on main as 7ef2d0a0d0 (2025-08-15 17:08 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-15',
    dateFrom: 'merge',
    what: "pool2d's parallel config counts channels in units of 16 unless the shard width must be a tile multiple (tiled input or output), replacing the half-tile core doubling, and auto shard no longer skips schemes by channels per core (any channel count, padded to 8); before, change point pool-parallel-config-shard-units' tiles of 32 with the doubling",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@7ef2d0a0d0^ (set_shard_width_to_half_tile_if_possible), pool_utils.cpp@7ef2d0a0d0^ (determine_valid_parallel_config: 16 or a multiple of 32 channels per core)',
    after:
      'tt-metal PR #26448 ("[POOL] Support for arbitrary channel size of the input tensor for pool ops"), conv2d_utils.cpp@7ef2d0a0d0 (effective_tile_width TILE_WIDTH / 2 when not a tile multiple), pool_utils.cpp@7ef2d0a0d0 (determine_valid_parallel_config returns the config)',
  },
  'pool-mpwi-large-kernel-cbs': {
    family: 'pool2d',
    pr: 35216,
    // Squash-merged on main as 966d61f815 (2026-01-29 06:32 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-29',
    dateFrom: 'merge',
    what: 'max_pool2d_with_indices gets a compute temporary index tile (compute_tmp_idx) and, for a large kernel (kernel_hw > 32, or > 16 with a partial last channel tile), two intra-kernel increment tiles: 6 (8) index tiles + 1 data tile; before, 5 index tiles + 1 data tile (12,288 B with 2 B indices)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_multi_core_program_factory.cpp@966d61f815^ (in_idx, pack_tmp, pack_idx_tmp, right_inc, down_left_wrap_inc, up_left_wrap_inc)',
    after:
      'tt-metal PR #35216 ("Large Kernel Support for MPWI"), pool_multi_core_program_factory.cpp@966d61f815 (compute_tmp_idx_cb; intra_kernel_right_inc / intra_kernel_down_left_wrap_inc when params.is_large_kernel), pool_utils.cpp@966d61f815 (is_large_kernel)',
  },
  'pool-mpwi-32-bit-indices': {
    family: 'pool2d',
    pr: 35491,
    // Squash-merged on main as 3ddcbb3538 (2026-02-11 19:49 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-02-11',
    dateFrom: 'merge',
    what: 'max_pool2d_with_indices indexes an input of more than 65,535 sticks per image (in_h·in_w) with uint32: its index tiles (in_idx included) are 4,096 B; before, uint16 always (2,048 B)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/pool_utils.cpp@3ddcbb3538^ (get_factory_parameters: index_format UINT16)',
    after:
      'tt-metal PR #35491 ("32 Bit Indexing Support for MPWI"), pool_utils.cpp@3ddcbb3538 (get_index_data_type: UINT16 up to 65,535, else UINT32), pool_multi_core_program_factory.cpp@3ddcbb3538 (in_idx CB of index_nbytes · 1024)',
  },
  'avg-pool2d-global-reduce-sharded': {
    family: 'pool',
    pr: 44275,
    // Squash-merged on main as f3678d3ce0 (2026-05-14 08:58 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-05-14',
    dateFrom: 'merge',
    what: "avg_pool2d's whole-image fast path (change point avg-pool2d-global-reduce) also takes a sharded input (copied to interleaved first) and a bfloat8_b / bfloat4_b tiled input whose H·W is a tile multiple; a batch whose padded N·H·W rows do not split evenly takes the sliding window instead of the fast path's TT_FATAL; before, sharded and block-float tiled inputs took the sliding window",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@1536dd481d (is_global_pool: !is_sharded, !input_is_block_float_tile; "Global pool fast path: padded spatial elements ({}) must be divisible by batch_size ({})")',
    after:
      'tt-metal PR #44275 ("fix EfficientNet B0 global-pool regression introduced by #43820"), generic_pools.cpp@f3678d3ce0 (block_float_tile_safe, batch_divisible_for_fast_path; sharded inputs re-routed to interleaved)',
  },
  'upsample-interleaved-tiled-input': {
    family: 'upsample',
    pr: 25901,
    // Squash-merged on main as 686ea5d25a (2025-07-31 07:21 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-07-31',
    dateFrom: 'merge',
    what: 'nearest upsample takes a tiled interleaved input (tile-aligned only: "Only tile aligned tile input is currently supported"), rows of tiles split over the cores with an output CB of the same tile count; before, "Input tensor layout should be ROW_MAJOR"',
    before: 'tt-metal ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_op.cpp@686ea5d25a~1 (validate)',
    after:
      'tt-metal PR #25901 ("Added TILE input tensor support for interleaved nearest upsample"), upsample_op.cpp / upsample_program_factory_multicore_interleaved.cpp@686ea5d25a',
  },
  'upsample-nearest-any-dtype': {
    family: 'upsample',
    pr: 26066,
    // Squash-merged on main as 30605c4198 (2025-08-25 07:27 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-25',
    dateFrom: 'merge',
    what: 'nearest upsample takes any input dtype (a bfloat8_b input gives a bfloat16 output); before, "Input tensor data type should be BFLOAT16"',
    before: 'tt-metal ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_op.cpp@30605c4198~1 (validate)',
    after: 'tt-metal PR #26066, upsample_op.cpp@30605c4198 (BFLOAT16 required for bilinear only)',
  },
  'upsample-tile-aligned-wording': {
    family: 'upsample',
    pr: 35508,
    // Squash-merged on main as 6ac853f9d4 (2026-01-15 12:58 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-15',
    dateFrom: 'merge',
    what: 'a tiled upsample input that is not tile-aligned is rejected as "Tiled input must be tile-aligned (no padding difference)"; before, "Only tile aligned tile input is currently supported" (the same rule); non-integer scales reach the float factory',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_device_operation.cpp@6ac853f9d4~1 (validate_on_program_cache_miss)',
    after:
      'tt-metal PR #35508 ("Add floating point scale factor support to TTNN upsample"), upsample_device_operation.cpp / upsample_common.cpp@6ac853f9d4 (select_upsample_path)',
  },
  'pool-mpwi-kernel-index': {
    family: 'pool2d',
    pr: 29071,
    // Squash-merged on main as 37967f4424 (2025-10-28 21:22 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-28',
    dateFrom: 'merge',
    what: "max_pool2d_with_indices makes its index tiles in the kernel (in_idx, pack_tmp, pack_idx_tmp and three increment tiles); before, generic_pools built a uint16 index tensor (index_all, repeat, reshape, to_layout, typecast), resharded it like the input and ran a second halo on it, L1 tensors and programs not modeled (the pool program's own CBs the same 12,288 B: two double-buffered index input CBs and two temporaries)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@5965834630 (index_tensor_sharded, haloed_index), pool_multi_core_program_factory.cpp@5965834630',
    after:
      'tt-metal PR #29071 ("MPWI Kernel Based Index Tensor Creation"), generic_pools.cpp / pool_multi_core_program_factory.cpp / pool_op.cpp@37967f4424',
  },
  'pool-mpwi-row-major-output': {
    family: 'pool2d',
    pr: 29745,
    // Squash-merged on main as 9b02e24864 (2025-10-03; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-03',
    dateFrom: 'merge',
    what: 'max_pool2d_with_indices rejects a tiled output ("Only ROW_MAJOR supported when return_indices is true"); before, no such check (not read further)',
    before: 'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_op.cpp@5965834630 (validate_pool2d)',
    after:
      'tt-metal PR #29745 ("MPWI Eliminate Idx Tensor Typecast and Bug Fix For Partial Sticks"), pool_op.cpp@9b02e24864 (TT_FATAL(output_layout == ROW_MAJOR) with return_indices; the same at @622c6fb9c0)',
  },
  'pool-mpwi-kernel-up-to-9': {
    family: 'pool2d',
    pr: 30329,
    // Squash-merged on main as 30ab409cc4 (2025-10-14 00:52 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-14',
    dateFrom: 'merge',
    what: 'max_pool2d_with_indices takes kernels of at most 9 sticks ("only kernel sizes less than or equal to 9 are supported"); before, exactly 9 ("only kernel sizes equal to 9 are supported")',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_op.cpp@5965834630 (TT_FATAL kernel_h · kernel_w == 9)',
    after:
      'tt-metal PR #30329 ("Hack To Make MPWI Work with Kernel Sizes < 9"), pool_op.cpp@30ab409cc4 (kernel_h · kernel_w <= 9)',
  },
  'pool-mpwi-kernel-up-to-32': {
    family: 'pool2d',
    pr: 34031,
    // Squash-merged on main as c5d8862c9f (2025-12-18 19:20 UTC; nyoshifujiTT/tt-metal first-parent history); the
    // limit goes with change point pool-mpwi-large-kernel-cbs (PR #35216).
    mergedOn: '2025-12-18',
    dateFrom: 'merge',
    what: 'max_pool2d_with_indices takes kernels of at most 32 sticks; before, at most 9 (change point pool-mpwi-kernel-up-to-9). get_factory_parameters still rejects a large kernel (more sticks than one reduction: 32, or 16 with a partial last channel tile of at most 16) until PR #35216',
    before: 'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_op.cpp@30ab409cc4 (kernel_h · kernel_w <= 9)',
    after:
      'tt-metal PR #34031 ("MPWI Support for Kernels <=32 Sticks"), pool_op.cpp@c5d8862c9f (kernel_h · kernel_w <= 32); pool_utils.cpp@c5d8862c9f (get_factory_parameters: "Currently only small full width max pool is supported with return_indices" for is_large_kernel), both gone at @966d61f815',
  },
  'pool-output-face-pad': {
    family: 'pool2d',
    pr: 43280,
    // Squash-merged on main as 98acd847ac (2026-05-08 13:27 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-05-08',
    dateFrom: 'merge',
    what: "a row-major pool output whose widest channel shard (ceil(C / cores_c)) ends in a partial tile of fewer than 16 channels, after at least one more face, is padded to whole tiles (round_up(C, cores_c · 32)); other row-major outputs keep the 16-channel rounding and tiled ones the 32. The output CB (tensor-backed) takes its pages from that shard width. Auto shard's ranking sizes the output shard with channels rounded to cores_c · 16 (before, cores_c · 32), which moves only a tiled output's figure (whole output tiles, rounded down)",
    before:
      'tt-metal generic_pools.cpp@3ddcbb3538 (output_c_padded = round_up(C, cores_c · (tiled ? 32 : 16))), pool_utils.cpp@3ddcbb3538 (out_cb_npages = shard height · out_ntiles_c; the auto-shard memory config round_up(C, cores_c · 32))',
    after:
      'tt-metal PR #43280 ("Always pack 2 faces in pool output"), generic_pools.cpp@98acd847ac (needs_tile_pad), pool_utils.cpp@98acd847ac (calculate_pool_cb_sizes: out_cb_npages = shard height · shard width / 16; determine_pool_config_for_auto_shard: round_up(C, cores_c · 16))',
  },
  'pool-reader-indices-descriptor-worst-case': {
    family: 'pool2d',
    pr: 43305,
    // Squash-merged on main as 761e21dca0 (2026-05-11 18:58 UTC); undone by change point
    // pool-reader-indices-actual-page-restored (PR #44064, 09e2e4ab83, 2026-05-12 10:26 UTC).
    mergedOn: '2026-05-11',
    dateFrom: 'merge',
    what: 'the pool factory built as a ProgramDescriptor creates the DRAM-config reader-index CB at the worst case (shard height · 6 + 2 B) while calculate_pool_cb_sizes still predicts the config tensor\'s page: the factory\'s self-check fails ("Local CB size mismatch: actual A != expected E", the plain sums of the local CBs) for every config_tensors_in_dram pool whose page is not the worst case',
    before:
      'tt-metal pool_multi_core_program_factory.cpp@984f529e2f (change point pool-reader-indices-actual-page: the CB at the DRAM page)',
    after:
      'tt-metal PR #43305 ("Migrate pool family to ProgramDescriptor framework"), pool_multi_core_program_factory.cpp@761e21dca0 (add_local_cb(in_reader_indices_cb_id, max_reader_indices_size, …); TT_FATAL actual_local_cb_size == cb_sizes.local_cb_total()); PR #44064\'s description quotes the failure ("actual 18458 != expected 18452")',
  },
  'pool-reader-indices-actual-page-restored': {
    family: 'pool2d',
    pr: 44064,
    // Squash-merged on main as 09e2e4ab83 (2026-05-12 10:26 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-05-12',
    dateFrom: 'merge',
    what: "the DRAM-config reader-index CB is again the config tensor's page, as from change point pool-reader-indices-actual-page; before, change point pool-reader-indices-descriptor-worst-case's mismatch",
    before: 'tt-metal pool_multi_core_program_factory.cpp@761e21dca0 (max_reader_indices_size)',
    after:
      'tt-metal PR #44064 ("Pool: restore actual-page sizing for DRAM reader indices CB"), pool_multi_core_program_factory.cpp@09e2e4ab83 (actual_reader_indices_buffer_page_size)',
  },
  'conv2d-dram-slice-every-slice': {
    family: 'conv2d',
    pr: 27355,
    // Squash-merged on main as 5702b2d (2025-08-26 12:36 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-26',
    dateFrom: 'merge',
    what: "conv2d's DRAM slice-count search sizes every output slice of a count (each with its own input window and padding) and fits the largest L1 use among them; before, it sized one slice of the largest output size (and, from 45ecf0a, one of the smallest), its input taken as out·s + d·(k − 1) + 1 wherever it sits",
    before:
      'tt-metal conv2d_utils.cpp@28a524e and @45ecf0a (calculate_conv_dram_slice_L1_usage: max_output_slice_size only, min_output_slice_size too from 45ecf0a)',
    after:
      'tt-metal PR #27355 ("updated conv dram size calculation to calculate the L1 usage of every single slice"), conv2d_utils.cpp@5702b2d (calculate_conv_dram_slice_L1_usage: max over the slice loop); the same max in op_slicing.cpp@af7d566 and @4859af0 (compute_L1_usage_for_slice_config)',
  },
  'conv2d-auto-shard-halo-estimate-fractional-rows': {
    family: 'conv2d',
    pr: 27355,
    // The merge of change point conv2d-dram-slice-every-slice (5702b2d, 2025-08-26 12:36 UTC).
    mergedOn: '2025-08-26',
    dateFrom: 'merge',
    what: "auto shard's halo output estimate (change point conv2d-auto-shard-halo-estimate) takes the halo input shard's image rows as a float (sticks / width, the sticks truncated after the multiply by the padded width); before, whole rows (integer division)",
    before:
      'tt-metal conv2d_utils.cpp@28a524e (estimate_halo_output_bytes) and @45ecf0a (estimate_halo_output_elems): uint32_t shard_height = shard rows / input_width',
    after: 'tt-metal PR #27355, conv2d_utils.cpp@5702b2d (estimate_halo_output_elems: float shard_height)',
  },
  'conv2d-mm-linear-compute-config': {
    family: 'conv2d',
    pr: 22509,
    // Squash-merged on main as 7ec6d04 (2025-05-27 10:51 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-05-27',
    dateFrom: 'merge',
    what: "a 1x1 conv run as ttnn::linear (conv2d_L1's matmul branch: a sharded input with the program config built from the conv's blocks, or an interleaved one with none) hands the linear the conv's resolved compute kernel config; before, the linear got none, so it ran with the matmul's default for an unset config (change points matmul-default-packer-l1-acc and matmul-default-fp32-acc-f32-output) whatever the conv's config said",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp at every first-parent commit touching it from c4df003 (2024-12-31) to a026170 (2025-05-26): the one ttnn::linear call passes no compute_config (PR #22509\'s issue #22328, "1x1 Convs in models don\'t respect passed compute kernel config")',
    after:
      'tt-metal conv2d.cpp@7ec6d04 (ttnn::linear(..., activation, compute_config)) and at every later commit to 622c6fb (2026-06-23; two linear calls from 2025-11-21, both with it)',
  },
  'conv2d-skip-act-mcast-single-core': {
    family: 'conv2d',
    pr: 24515,
    // Squash-merged on main as 0692862e3f (2025-07-17 08:44 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-07-17',
    dateFrom: 'merge',
    what: 'a block- or width-sharded conv2d on one core in all skips the activation multicast (is_singlecore_skip_mcast): get_cb_info creates no ACT CB (the reader writes ACT_TILIZED) and block sharding keeps its row-major CB even when the formats match; before, the full ACT CB (and the hang this PR fixed)',
    before: 'tt-metal conv2d_op_program_factory_common.cpp@0692862e3f^ (get_cb_info without skip_act_cb_create)',
    after:
      'tt-metal PR #24515 ("Single core Width and Block sharding conv hang fix"), conv2d_op_program_factory_common.cpp@0692862e3f (ACT num_pages 0 under skip_act_cb_create; ACT_ROW_MAJOR overlapped only without it), conv2d_utils.cpp@0692862e3f (is_singlecore_skip_mcast: block or width, num_cores_c · num_cores_nhw = 1)',
  },
  'conv2d-skip-act-mcast-one-channel-core': {
    family: 'conv2d',
    pr: 25889,
    // Squash-merged on main as 7d5b570096 (2025-08-01 12:28 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-01',
    dateFrom: 'merge',
    what: 'a block-sharded conv2d with one channel core (any NHW cores) skips the activation multicast too (conv_skip_mcast; width sharding still only on one core): no ACT CB, the row-major CB its own; from PR #27767 (2025-09-05) the test is one channel core in and out, which is the same while the output kept the input grid',
    before: 'tt-metal conv2d_utils.cpp@0692862e3f (is_singlecore_skip_mcast: one core in all)',
    after:
      'tt-metal PR #25889 ("Conv2d skip_mcast cleanup"), conv2d_utils.cpp@7d5b570096 (conv_skip_mcast: block num_cores_c == 1), conv2d_op_program_factory_common.cpp@7d5b570096 (overlap_act_cb = not height and skip_act_cb_create); conv2d_utils.cpp@8e2c9f3c43 (PR #27767: num_cores_c_in == 1 && num_cores_c_out == 1) and @de47eb4 (the same)',
  },
  'pad-rm-cb-per-barrier': {
    family: 'pad',
    pr: 18370,
    // Squash-merged on main as 7a6d6a8 (2025-03-03 22:23 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-03-03',
    dateFrom: 'merge',
    what: "row-major multi-core pad sizes c_0 as 16 barriers of get_num_stick_per_barrier sticks, and aligns the pad-value rows c_1 / c_2 to DRAM; before, c_0 held every stick of the busiest core (max of split_work_to_cores' two group counts) and c_1 / c_2 were L1-aligned",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_program_factory.cpp@7a6d6a8^ (pad_rm_reader_writer_multi_core_v2: num_sticks × stick_size_padded_aligned)',
    after:
      'tt-metal PR #18370 (issue #18195), pad_program_factory.cpp@7a6d6a8 (buffer_reader_writer_async_factor 16 × get_num_stick_per_barrier(input); stick_size_padded_DRAM_aligned for c_1 / c_2)',
  },
  'pad-rm-cbs-on-all-cores': {
    family: 'pad',
    pr: 37753,
    // Squash-merged on main as c7ebd5d (2026-02-20 14:11 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-02-20',
    dateFrom: 'merge',
    what: "row-major multi-core pad creates its CBs on split_work_to_cores' all_cores (the overflow message prints its first CoreRange); before, on the whole compute grid (total_cores), printed whole: tt-forge-onnx #2680's 12-row pad on [(x=0,y=0) - (x=7,y=7)]",
    before:
      'tt-metal …/pad/device/pad_program_factory.cpp@7a6d6a8 … pad_rm_reader_writer_multi_core_default_program_factory.cpp@c7ebd5d^ (CreateCircularBuffer(program, total_cores, …))',
    after:
      'tt-metal PR #37753 ("Add sub_core_grids to ttnn.pad"), pad_rm_reader_writer_multi_core_default_program_factory.cpp@c7ebd5d (CreateCircularBuffer(program, all_cores, …))',
  },
  'concat-rm-untilize-with-unpadding': {
    family: 'concat',
    pr: 17461,
    // Merged on main as faf1c12 (2025-03-14 12:53 UTC) and reverted by PR #19130 (7748b90, 16:42 UTC the same day):
    // builds of that day ran either; change point concat-rm-untilize-with-unpadding-reverted dates the revert the next
    // day, so a window holding 2025-03-14 also sizes this variant (and a window of that day alone only this one).
    mergedOn: '2025-03-14',
    dateFrom: 'merge',
    what: "ttnn::concat's untilize_rm_retilize pre-transform untilizes each tiled input with untilize_with_unpadding into the output's memory config; before (and after its revert), ttnn::untilize of the whole padded tensor, then SliceDeviceOperation to the logical shape into the output's memory config",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/concat.cpp@faf1c12^ (ttnn::untilize, SliceDeviceOperation, reshape)',
    after:
      'tt-metal PR #17461 ("New `split` based on `slice`"), concat.cpp@faf1c12 (untilize_with_unpadding(input, logical − 1, output_memory_config))',
  },
  'concat-rm-untilize-with-unpadding-reverted': {
    family: 'concat',
    pr: 19130,
    // Merged on main as 7748b90 (2025-03-14 16:42 UTC); dated the next day (change point concat-rm-untilize-with-unpadding).
    mergedOn: '2025-03-15',
    dateFrom: 'merge',
    what: 'the revert of change point concat-rm-untilize-with-unpadding: ttnn::untilize of the whole padded tensor and SliceDeviceOperation again',
    before: 'tt-metal concat.cpp@faf1c12 (untilize_with_unpadding)',
    after:
      'tt-metal PR #19130 (Revert "New `split` based on `slice`"), concat.cpp@7748b90 (ttnn::untilize, SliceDeviceOperation)',
  },
  'layernorm-sharded-global-scaler-f32': {
    family: 'norm',
    pr: 41637,
    // Squash-merged on main as 7fb82fd (2026-04-24 08:59 UTC; nyoshifujiTT/tt-metal first-parent history). Its only
    // CB change in the sharded factory (sharded_layernorm_factory_helpers.cpp; layernorm_op_multi_core_sharded.cpp is
    // untouched) is c_4. Kept by every later commit touching those files to 622c6fb (2026-06-23: 1d7023a changes
    // post-all-gather c_24 only, 926ea5e the ProgramDescriptor port, 0397458 a Welford-only alias).
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: 'the sharded layer_norm/rms_norm factory makes c_4, the global reduce scaler, one tile in the intermediate format (Float32 with fp32 accumulation, else bf16); before, in2_CB_size, one bf16 tile for every config',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/sharded_layernorm_factory_helpers.cpp@7fb82fd^ (c_4 in2_CB_size = bfloat16_tile_size, Float16_b)',
    after:
      'the same file @7fb82fd (PR #41637, "Reduce compute and dataflow helpers": scaler_global_format Float32 when cb_data_format is Float32) to @622c6fb',
  },
  'matmul-estimate-transpose-a-in0': {
    family: 'matmul',
    pr: 34875,
    // Squash-merged on main as 4f06a9d (2025-12-24 06:31 UTC, nyoshifujiTT/tt-metal first-parent history); its title is
    // a MatmulMultiCoreProgramConfig start_tile_id fix, and it also moves get_estimated_size_of_cbs' transpose term.
    mergedOn: '2025-12-24',
    dateFrom: 'merge',
    what: "the auto-config CB estimate (get_estimated_size_of_cbs, behind get_per_core_factor and get_multi_dim_per_core_factor) counts a fused transpose_a's c_10 as the in0 block again (per_core_M · in0_block_w · 2 tiles), for any a; a sharded a's shard width is no longer doubled. Before (from PR #32295): no term for an interleaved a, the sharded a's shard term counted twice",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@92f1cd6 (get_estimated_size_of_cbs: in0_shard_width_in_tiles *= 2 under transpose_a; no in0 transpose term)',
    after:
      'the same function @4f06a9d (in0_transpose_size = in0_size when the in0 tile is transposed; the doubling dropped)',
  },
  'matmul-estimate-transpose-a-in0-dropped': {
    family: 'matmul',
    pr: 34466,
    // 601278a (2026-01-10 00:04 UTC), "Migrate op to new infra: matmul": utilities/matmul_utilities.cpp took the
    // estimate as it stood before 4f06a9d.
    mergedOn: '2026-01-10',
    dateFrom: 'merge',
    what: "the auto-config CB estimate drops change point matmul-estimate-transpose-a-in0's term again (the op's move to the new device-operation infra copied the older function): no term for an interleaved a, a sharded a's shard term counted twice",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@4f06a9d (get_estimated_size_of_cbs with the in0 transpose term)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/utilities/matmul_utilities.cpp@601278a (in0_shard_width_in_tiles *= 2 under transpose_a; no in0 transpose term), unchanged to a63efb9~1',
  },
  'matmul-estimate-transpose-a-in0-restored': {
    family: 'matmul',
    pr: 37243,
    // a63efb9 (2026-02-10 21:46 UTC), "Fix CB size calculation in non-sharded matmul with transpose-A and user core
    // grid" (tt-metal #36426's fix); unchanged from there to 622c6fb but for #38309's bias term.
    mergedOn: '2026-02-10',
    dateFrom: 'merge',
    what: "the auto-config CB estimate counts a fused transpose_a's c_10: the in0 block (per_core_M · in0_block_w · 2 tiles) for an interleaved a, the shard term once more for a sharded one (no doubled width)",
    before: 'tt-metal ttnn/cpp/ttnn/operations/matmul/device/utilities/matmul_utilities.cpp@601278a',
    after:
      'the same file @a63efb9 (in0_transpose_size = a sharded ? in2_size : in0_size under transpose_a) and @622c6fb; tt-metal issue #36426 (the 1,721,472 B overflow it fixes)',
  },
  'conv2d-reader-indices-segments': {
    family: 'conv2d',
    pr: 23025,
    // Squash-merged on main as d5580a8756 (2025-06-17 10:21 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-06-17',
    dateFrom: 'merge',
    what: "the conv's reader-indices config tensor (L1_SMALL unless config_tensors_in_dram) holds per act block its segment count, a pad word and each run's first and last top-left index (conv2d.ts readerIndicesWordsPerCore); before, one top-left index per output stick of the first core's shard, padded to a multiple of 32 words (\"Reduce L1 small by implementing reader indices segments\": SDXL ran out of L1_SMALL)",
    before:
      "tt-metal ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp@d5580a8756^ (generate_sliding_window_op_config: every index, pad_tile, pad_cores to the first core's length)",
    after: 'the same file @d5580a8756 (PR #23025: num_segments, 0, seg starts and ends per block)',
  },
  'program-cache-default-on': {
    family: 'L1_SMALL',
    pr: 24073,
    // Merged on main as bb23c046f6 (2025-06-26 14:27 UTC).
    mergedOn: '2025-06-26',
    dateFrom: 'merge',
    what: 'the program cache is on by default, so a cached program keeps the L1_SMALL config tensors its factory allocated (the halo\'s, the conv\'s reader indices) until the cache is cleared: L1_SMALL fills with every distinct conv / halo program of a run ("L1_SMALL is persistent storage and gets quickly used up for large CNNs", conv2d_device_operation_types.hpp; tt-mlir #5556 and #5768 fail for 256 B and 19,808 B per bank in 32 and 64 KiB banks). Before, a run without the cache frees them with the program after the op',
    before: 'tt-metal tt_metal/api/tt-metalium/program_cache.hpp@bb23c046f6^ (is_enabled_ = false)',
    after:
      'tt-metal PR #24073 ("Enable Program Cache by default", bb23c046f6); untilize_with_halo_program_factory.cpp@622c6fb (the config tensors parked on the cached workload descriptor); tt-metal PR #43402 (2026-04-30: "Each halo cache entry persistently holds 4 L1_SMALL config tensors", SDXL\'s L1_SMALL raised when a halo hash split doubled its entries)',
  },
  'allocator-oom-bank-size': {
    family: 'overflow message',
    pr: 26571,
    // Squash-merged on main as 26d8b2487d (2025-09-03 01:41 UTC).
    mergedOn: '2025-09-03',
    dateFrom: 'merge',
    what: 'the allocator\'s "Out of Memory: Not enough space to allocate T B <type> buffer across K banks, where each bank needs to store N B" ends ", but bank size is only M B"; before, it ended at "N B"',
    before: 'tt-metal tt_metal/impl/allocator/bank_manager.cpp@26d8b2487d^',
    after: 'tt-metal tt_metal/impl/allocator/bank_manager.cpp@26d8b2487d (PR #26571)',
  },
  'allocator-oom-stats': {
    family: 'overflow message',
    pr: 32150,
    // Squash-merged on main as b04063a68c (2026-01-08 04:25 UTC).
    mergedOn: '2026-01-08',
    dateFrom: 'merge',
    what: 'the allocator\'s out-of-memory message ends ", but bank size is M B (allocated: A B, free: F B, largest free block: L B)" (the bank manager\'s statistics); before, ", but bank size is only M B" (change point allocator-oom-bank-size)',
    before: 'tt-metal tt_metal/impl/allocator/bank_manager.cpp@b04063a68c^',
    after:
      'tt-metal tt_metal/impl/allocator/bank_manager.cpp@b04063a68c (PR #32150, "Improve Out of Memory Error Message")',
  },
  'conv-transpose2d-reader-stride-1': {
    family: 'conv2d',
    pr: 33999,
    // Merged on main as 7097156630 (2025-12-09 07:18 UTC), restoring PR #33465 (7e25aef3d0, 2025-12-08 10:05 UTC),
    // which #33990 (17795a7bdf) had reverted the same day: builds of 12-08 10:05..12:40 UTC had it too.
    mergedOn: '2025-12-09',
    dateFrom: 'merge',
    what: "conv_transpose2d's conv program compares successive reader indices against stride 1 (the stride-expanded input it reads), so its reader-indices runs compress as a stride-1 conv's; before, against the transposed conv's own stride, so with a stride above 1 nearly every output stick was a run of its own (2 + 2·sticks words per act block; tt-mlir #5768's 19,800 + 8 B per bank)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/device/conv2d_op_sharded_program_factory.cpp@7097156630^ (stride_w = sliding_window_config.stride_hw.second; conv_transpose2d.cpp passes the transposed stride)',
    after: 'the same file @7097156630 (stride_w = 1 when is_transpose)',
  },
  'pool-applied-scheme-l1-alignment': {
    family: 'pool2d',
    pr: 32157,
    // fa00323117 (2026-01-03 06:51 UTC, nyoshifujiTT/tt-metal first-parent main); the line is the same at 622c6fb9c0.
    mergedOn: '2026-01-03',
    dateFrom: 'merge',
    what: "pool2d with an applied_shard_scheme on a row-major input passes determine_parallel_config an input_channels_alignment of l1_alignment / 2 B (8 channels) instead of TILE_WIDTH: block sharding's input_channels_blocks = ceil(C / 8), so its channel cores are find_closest_largest_divisor(out channel units, ceil(C / 8), grid.x) (64 channels on an 8-wide grid: 4 channel cores, 2 before); auto shard keeps TILE_WIDTH",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp@fa00323117^ (pool2d_invoke: conv::determine_parallel_config(…, tt::constants::TILE_WIDTH, …) for an applied scheme)',
    after:
      'tt-metal PR #32157 ("Implement support for DRAM Slicing in Pool ops"), generic_pools.cpp@fa00323117 (get_pool_input_memory_config: input_channels_alignment = tiled ? TILE_WIDTH : l1_alignment / sizeof(bfloat16), passed to determine_parallel_config), the same at @622c6fb9c0',
  },
  'conv2d-mm-reshard-block-channels': {
    family: 'conv2d',
    pr: 27767,
    // Squash-merged on main as 8e2c9f3c43 at 2025-09-05 06:44 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-05',
    dateFrom: 'merge',
    what: 'a matmul (1x1) conv whose input is already block sharded is resharded, block sharded, when C_in differs from the channel cores times the shard width; before, the input shards were kept',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@8e2c9f3c43~1 (get_conv_padded_input_shape_and_mem_config: no channel check for matmul convs)',
    after:
      'tt-metal PR #27767 ("Conv2d decouple input and output shard grids"), conv2d_utils.cpp@8e2c9f3c43 (in_channels != num_cores_c · shard width → needs_shard_or_reshard, shard_layout BLOCK_SHARDED); the same at de47eb4',
  },
  'conv2d-mm-reshard-shard-height-tile': {
    family: 'conv2d',
    pr: 31210,
    // Squash-merged on main as 978ca1215c at 2025-11-06 08:51 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-11-06',
    dateFrom: 'merge',
    what: "a matmul (1x1) conv whose input is already sharded with a shard height that is not a tile multiple (a row-major input) is resharded to the config's shard_layout (determine_parallel_config; no shard_layout: TT_THROW on INTERLEAVED) before its tilize; before, the input shards were kept",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@978ca1215c~1 (get_conv_padded_input_shape_and_mem_config: no shard-height check)',
    after:
      'tt-metal PR #31210 ("Enable fold+Matmul for conv2d where kernel==stride"), conv2d_utils.cpp@978ca1215c (is_mm_conv && shard height % TILE_HEIGHT → needs_shard_or_reshard); the same at de47eb4',
  },
  'conv2d-weights-prepared-on-device': {
    family: 'conv2d',
    pr: 16750,
    // Squash-merged on main as 5a2c003f1f at 2025-02-22 17:43 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-02-22',
    dateFrom: 'merge',
    what: 'Conv2dConfig.preprocess_weights_on_device defaults to true: conv2d moves host weights to the device and prepares them with device programs (to_device, pad, reshape, permute, tilize) inside the op; before, on the host (no device program)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@5a2c003f1f~1 (prepare_conv_weights_biases_and_move_to_device for host weights)',
    after:
      'tt-metal PR #16750 ("Preprocess weights for Conv2D on Device"), conv2d.cpp and prepare_conv2d_weights.cpp@5a2c003f1f (prepare_conv_weights_biases_on_device), device/conv2d_op.hpp@5a2c003f1f (preprocess_weights_on_device = true)',
  },
  'conv2d-weights-prepared-on-device-reverted': {
    family: 'conv2d',
    pr: 18203,
    // Squash-merged on main as 190547b5dc at 2025-02-24 13:56 UTC (nyoshifujiTT/tt-metal first-parent history); the
    // reland, PR #18272 (55462be091, 2025-03-11), defaults the field to false.
    mergedOn: '2025-02-24',
    dateFrom: 'merge',
    what: 'the revert of PR #16750: host weights prepared on the host again (the reland of 2025-03-11 keeps preprocess_weights_on_device off by default)',
    before: 'tt-metal conv2d.cpp@5a2c003f1f (preprocess_weights_on_device = true)',
    after:
      'tt-metal PR #18203, conv2d.cpp@190547b5dc (no such field); device/conv2d_op.hpp@55462be091 (PR #18272: preprocess_weights_on_device = false)',
  },
  'repeat-tile-native': {
    family: 'repeat',
    pr: 46318,
    // "#42440: Extend universal input/output support for ttnn::repeat", squash-merged on main as 7c23328 (2026-06-21
    // 16:32 UTC; nyoshifujiTT/tt-metal first-parent history). No later commit to 622c6fb touches repeat/.
    mergedOn: '2026-06-21',
    dateFrom: 'merge',
    what: "ttnn::repeat of a TILE tensor whose last two logical dims are tile multiples (rank >= 2) repeats tiles natively: one RepeatProgramFactoryHigherDim program per repetition != 1, last dim first, with the one CB c_0 of 2 · 64 + the tile's bytes on the whole grid (no c_1, no untilize / tilize); any other input keeps the row-major round trip (last-dim / higher-dim factories, c_0 and c_1 when neither side is sharded). A sharded input goes to L1 interleaved by to_memory_config unless the native sharded path (is_native_repeat_sharding) takes it; before, sharded_to_interleaved into its own buffer type and every TILE input untilized",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/repeat/repeat.cpp@7c23328^ (TILE → ROW_MAJOR → TILE around the row-major programs); device/repeat_program_factory_higher_dim.cpp@7c23328^',
    after:
      'tt-metal …/repeat/repeat.cpp@7c23328 (is_tile_repeat_eligible, repeat_dim_tile), device/repeat_device_operation.cpp@7c23328 (m_tile_page_size_bytes > 0 → RepeatProgramFactoryHigherDim), device/repeat_program_factory_higher_dim.cpp@7c23328 (cb_size_bytes = READ_ALIGNMENT · 2 + tile page; c_1 only for a row-major interleaved program), the same at 622c6fb',
  },
  'rand-f32-then-typecast': {
    family: 'rand',
    pr: 24672,
    // "Add integer support and distribution check for ttnn.rand operation", squash-merged on main as 3a3c2d4 (2025-07-14
    // 15:59 UTC; nyoshifujiTT/tt-metal first-parent history). ttnn::rand itself came with PR #23521 (4b35144, 2025-06-26).
    mergedOn: '2025-07-14',
    dateFrom: 'merge',
    what: 'ttnn::rand generates FLOAT32 TILE with its one program (c_24 two f32 tiles, c_0 one f32 tile), then ttnn::typecast to the requested dtype and ttnn::to_layout to the requested layout; before, the one program generated the requested dtype and layout directly (c_0 one tile of that dtype), no typecast or layout program',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/rand/rand.cpp@4b35144 (prim::uniform(shape, dtype, layout, …)), device/rand_program_factory.cpp@4b35144 (intermed_num_tiles = 2 Float32 on c_24, in_out_num_tiles = 1 of the output format on c_0)',
    after:
      'tt-metal …/rand/rand.cpp@3a3c2d4 (prim::uniform in FLOAT32 / TILE, typecast when the dtype differs, to_layout when not TILE); device/rand_program_factory.cpp@3a3c2d4 (the same CBs)',
  },
  'conv3d-l1-prefetch': {
    family: 'conv3d',
    pr: 38579,
    // "Conv3D optimization", squash-merged on main as 5fd3a04 (2026-03-02 21:41 UTC; nyoshifujiTT/tt-metal
    // first-parent history).
    mergedOn: '2026-03-02',
    dateFrom: 'merge',
    what: 'conv3d with a kernel larger than 1x1x1 and no dilation adds an L1 prefetch shard CB of T_s·H_s·W_s positions of C_in_block bytes (X_s = (X_block − 1)·stride + k) when it fits min(get_max_worker_l1_unreserved_size − 200 KiB − the other CBs, 500 KiB); otherwise, and before, the direct vol2col reader with no shard',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/experimental/conv3d/device/conv3d_program_factory.cpp@5fd3a04^ (no prefetch CB)',
    after:
      'tt-metal …/conv3d/device/conv3d_program_factory.cpp@5fd3a04 (L1_PREFETCH_HARD_CAP 500 KiB, L1_KERNEL_CODE_RESERVE 200 KiB, cb_input_shard_id); the same rule at 622c6fb',
  },
  'conv3d-coalesced-shard-reads': {
    family: 'conv3d',
    pr: 43541,
    // "Optimize conv3d data movement paths", squash-merged on main as bccae69 (2026-05-08 13:51 UTC).
    mergedOn: '2026-05-08',
    dateFrom: 'merge',
    what: 'the conv3d prefetch shard grows by coalesced scratch rows of W_s positions for a DRAM-interleaved input read in whole rows (one C_in block) with W_s ≥ 2 · DRAM channels: as many rows as fit the prefetch budget (at most T_s·H_s), kept only when at least min(T_s·H_s, channels) fit; before, the shard alone',
    before: 'tt-metal …/conv3d/device/conv3d_program_factory.cpp@bccae69^ (shard_positions_max only)',
    after:
      'tt-metal …/conv3d/device/conv3d_program_factory.cpp@bccae69 (coalesced_shard_reads_candidate, coalesced_scratch_rows); the same at 622c6fb',
  },
  'sdpa-prefill-streaming': {
    family: 'attention',
    pr: 38838,
    // "Implement streaming SDPA compute for standard and ring joint SDPA", squash-merged on main as 08a5992 (2026-03-04
    // 18:22 UTC; nyoshifujiTT/tt-metal first-parent history). Widened by #43538 (c47d23c, 05-08: causal, partial K),
    // #43043 (4862a06, 04-28: cb_out a 2-slot ping-pong), #46281 (6489100, 06-08: sliding window); at 622c6fb
    // can_use_streaming_compute is !fp32_dest_acc_en.
    mergedOn: '2026-03-04',
    dateFrom: 'merge',
    what: 'SDPA prefill may run the streaming compute path: a 1-tile recip scratch CB, a lightweight mask of 1–4 Float16_b tiles instead of the double-buffered Sq_chunk×Sk_chunk Bfp4 one, and (from #43043) an output CB of a 2-slot ping-pong; the selection widened through 2026 (change points sdpa-streaming-q-subblocks, -causal, -sliding-window, -provided-mask; session 30 models it, before the non-streaming figure was kept) and prefill is approx from here',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@08a5992^ (no streaming path)',
    after:
      'tt-metal …/sdpa/device/sdpa_program_factory.cpp@08a5992 (can_use_streaming_compute: non-causal, no mask, sink, window, chunking or fp32 dest acc); @622c6fb (!fp32_dest_acc_en)',
  },
  'prod-fill-implicit-padding': {
    family: 'reduction',
    pr: 42464,
    // "ttnn prod implicit padding fix", squash-merged on main as 378a99a (2026-04-16 14:34 UTC).
    mergedOn: '2026-04-16',
    dateFrom: 'merge',
    what: "ttnn::prod fills a TILE input's tile padding with 1.0 (fill_implicit_tile_padding: a fill_pad program, a block-float input typecast to bf16 around it) before its programs; before, no fill",
    before: 'tt-metal ttnn/cpp/ttnn/operations/reduction/prod/prod.cpp@378a99a^ (prod_impl on the input as given)',
    after:
      'tt-metal …/reduction/prod/prod.cpp@378a99a (input_a_padded = fill_implicit_tile_padding(input_a, 1.0f)), the same at 622c6fb',
  },
  'conv2d-auto-shard-halo-estimate-input-layout': {
    family: 'conv2d',
    pr: 28302,
    // "#26435: Fix Conv DRAM Weights Prep", squash-merged on main as cdd0c7d586 (2025-09-23 04:33 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-23',
    dateFrom: 'merge',
    what: "auto shard's halo output estimate (change point conv2d-auto-shard-halo-estimate) takes the halo input shard determine_input_memory_config gives for the conv input's own layout (a row-major input: C aligned to 8 for height and block, rows unpadded for width); before, it passed Layout::TILE whatever the input, so the shard was C rounded up to 32 per channel core and N·H·W rounded up to 32 per NHW core (width sharding too)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@28a524e2c1 and @cdd0c7d586^ (determine_conv_config_for_auto_shard: determine_input_memory_config(..., Layout::TILE, input_parallel_config); determine_input_memory_config: get_input_channels_alignment → TILE_WIDTH for a tiled layout, round_up_size TILE_HEIGHT unless width sharded and row-major)',
    after:
      'tt-metal …/conv2d/conv2d_utils.cpp@cdd0c7d586 (determine_input_memory_config(..., input_layout, BufferType::L1, ...)); the same call at 92b635a363',
  },
  'conv2d-auto-shard-halo-estimate-rows-div-up': {
    family: 'conv2d',
    pr: 27147,
    // "#26818: Make Conv2D just work always", squash-merged on main as dbbc742d10 (2025-10-01 18:27 UTC).
    mergedOn: '2025-10-01',
    dateFrom: 'merge',
    what: "auto shard's halo output estimate counts a one-image shard's image rows as (sticks + W − 1) / W in float32 (tt::div_up on a float divisor: a fraction, not rounded), and a batched shard's as sticks / W in integers; before, sticks / W in float32 for both (change point conv2d-auto-shard-halo-estimate-fractional-rows)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@dbbc742d10^ (estimate_halo_output_elems: shard_height = (float)rows / (float)input_width)',
    after:
      'tt-metal …/conv2d/conv2d_utils.cpp@dbbc742d10 (estimate_halo_output_elems: batch_size > 1 ? rows / input_width : tt::div_up(rows, (float)input_width)); tt_metal/api/tt-metalium/math.hpp@dbbc742d10 (div_up: (a + b − 1) / b in the common type, float here)',
  },
  'conv2d-default-fp32-acc-f32-inputs': {
    family: 'conv2d',
    pr: 34952,
    // "[CONV] Defaulting to fp32 dest accumulation in conv ops if inputs are FP32", squash-merged on main as 2f8845059f
    // (2025-12-24 13:12 UTC).
    mergedOn: '2025-12-24',
    dateFrom: 'merge',
    what: 'a conv2d given no compute config takes fp32_dest_acc_en = (input and weights both FLOAT32) from get_conv_default_compute_kernel_config; before, false whatever the dtypes (HiFi4, approx mode, no fp32 accumulation, no packer_l1_acc)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@2f8845059f^ (get_conv_default_compute_kernel_config(device): init_device_compute_kernel_config(arch, nullopt, HiFi4, true, false, false))',
    after:
      'tt-metal …/conv2d/conv2d_utils.cpp@2f8845059f (get_conv_default_compute_kernel_config(device, input_dtype, weight_dtype): default_fp32_acc = both FLOAT32)',
  },
  'tt-xla-program-cache-default-on': {
    family: 'L1_SMALL',
    pr: 1719,
    repo: 'tenstorrent/tt-xla',
    // "Program Cache enabled by default, disable with optional TT_RUNTIME_ENABLE_PROGRAM_CACHE=0", merged on tt-xla main
    // as d755ea2bd (2025-10-29 16:37 UTC). tt-mlir's runtime made the same its own default with PR #5651 (a52d5f612c,
    // 2025-11-03: MeshDeviceOptions.enableProgramCache = true).
    mergedOn: '2025-10-29',
    dateFrom: 'merge',
    what: "tt-mlir's runtime opens the device with the program cache on: before, its MeshDeviceOptions.enableProgramCache defaulted to false and openMeshDevice then called disable_and_clear_program_cache (whatever tt-metal's own default, on since PR #24073), and tt-xla passed false unless TT_RUNTIME_ENABLE_PROGRAM_CACHE=1 (tt-xla PR #1486, 2025-09-29; its benchmarks set it), so each program's L1_SMALL config tensors went with it after the op. Figures: tt-xla #1722 (2025-10-17, VGG19-UNet nightly at tt-metal aba1b93) refused the third up-convolution's 33,792 B reader indices in an otherwise empty 32 KiB bank, where the cached halo and conv configs of the model's earlier convs would have filled it first",
    before:
      'tt-mlir runtime/include/tt/runtime/types.h@274a5d02b (enableProgramCache = false), runtime/lib/ttnn/runtime.cpp@274a5d02b (else disable_and_clear_program_cache); tt-xla src/common/pjrt_implementation/client_instance.cc@dc7cd7804 (enableProgramCache only when TT_RUNTIME_ENABLE_PROGRAM_CACHE == "1")',
    after:
      'tt-xla PR #1719 (d755ea2bd: enabled unless TT_RUNTIME_ENABLE_PROGRAM_CACHE == "0"); tt-mlir PR #5651 (a52d5f612c, types.h: enableProgramCache = true); tt-mlir runtime/lib/ttnn/runtime.cpp@19c86fca45 (the same enable / disable branch)',
  },
  'avg-pool2d-scalar-config': {
    family: 'pool2d',
    pr: 20513,
    // "Adding divisor_override and ceil_mode functionality to avg_pool2d", squash-merged on main as a5014d74b6
    // (2025-06-05 15:38 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-06-05',
    dateFrom: 'merge',
    what: "an avg pool whose divisor varies per output stick (ceil_mode with ceil padding, or count_include_pad = false with padding; no divisor_override) gets a scalar config tensor: per core of the input's grid a {1, 3 · max_scalars_cnt} uint16 row of (start, bf16 scalar, end) runs of equal pool area, in L1_SMALL unless config_tensor_in_dram, allocated after the pool's reader indices (`pool.ts` avgPoolScalarRunsPerCore); before, no such tensor",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/pool/generic/device/pool_multi_core_program_factory.cpp@a5014d74b6^ (no scalar config tensor)',
    after:
      'tt-metal PR #20513, pool_multi_core_program_factory.cpp@a5014d74b6 (create_scalar_config_tensor, get_bf16_avg_pool_config_scalars, moved to L1_SMALL HEIGHT_SHARDED on the input grid); the asymmetric-padding area of @7d751099a4 (PR #25994, 2025-08-01) as modeled, the same sizes at every commit touching the two functions to @622c6fb (read span avg-pool2d-scalar-config-2025-08)',
  },
  'conv2d-auto-shard-mm-linear-activation': {
    family: 'conv2d',
    pr: 19439,
    // "Pjosipovic/fix 19167", squash-merged on main as 7c03edf2f0 (2025-03-21 08:19 UTC; nyoshifujiTT/tt-metal
    // first-parent history); tt-metal issue #19167.
    mergedOn: '2025-03-21',
    dateFrom: 'merge',
    what: "an auto-sharded 1x1 conv on an interleaved input (conv2d_L1's matmul branch with no program config) hands conv2d_config's activation to ttnn::linear, which runs it after the matmul (bound_matmul: a unary program, no user core grid); before, the linear got no activation and the conv's activation was dropped",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@7c03edf2f0~1 (ttnn::linear(input, weights, bias, false, false, mm_output_memory_config, std::nullopt, program_config): no activation)',
    after:
      'tt-metal conv2d.cpp@7c03edf2f0 (activation = conv_config.activation when the input is not sharded); every first-parent commit after it to 622c6fb (2026-06-23) whose diff touches an activation line (git log -G activation: 7ec6d04607, ef73d2ea1b, f0b68dd646 typed into linear_activation, 9e6259c750, 999bb7c959, 18bbf94b84, dbbc742d10, 705b1a1722, 14b5be1cb4, 8520074968, ff744269b1, c60fc18329, 441c2f9567) keeps it on the interleaved branch (`input_tensor_post_tm.is_sharded() ? std::nullopt : conv_config.activation` from #32367)',
  },
  'sdpa-lightweight-causal-mask': {
    family: 'attention',
    pr: 42159,
    // "Add lightweight causal mask for non-streaming ring SDPA", squash-merged on main as 597deb2 (2026-04-17 09:29 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-17',
    dateFrom: 'merge',
    what: 'SDPA prefill called causal with no mask and no sliding window builds its mask CB from 2 Float16_b tiles (a -inf tile and the causal diagonal; lightweight_causal) on either compute path, instead of the double-buffered Sq_chunk x Sk_chunk Bfp4_b matrix; the count is 2 to 622c6fb (c47d23c adds a partial-K tile only for a streamed non-causal padded mask, 6489100 keeps causal at 2 through lightweight_mask_tile_count), the sequential CB renumbering of 5e9f894 (05-26) keeps the sizes',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@597deb2^ (mask_tiles = lightweight_mask ? 1 : Sq_chunk_t·Sk_chunk_t·2; lightweight only for a streamed padded mask)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@597deb2 (lightweight_causal, mask_tiles 2, Float16_b) and @622c6fb (lightweight_mask_tile_count: 1 + 1 causal)',
  },
  'sdpa-streaming-q-subblocks': {
    family: 'attention',
    pr: 39287,
    // "Fix streaming SDPA crash when q_num_subblocks == 1", 221ad05 (2026-03-06 15:00 UTC, first-parent main).
    mergedOn: '2026-03-06',
    dateFrom: 'merge',
    what: 'SDPA prefill streams only when a q chunk has more than one QK subblock row (Sq_chunk_t / qk_out_subblock_h > 1); before, from PR #38838, the other tests alone',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@08a5992 (can_use_streaming_compute)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@221ad05 (can_use_streaming_compute: q_num_subblocks > 1)',
  },
  'sdpa-streaming-cb-out-ping-pong': {
    family: 'attention',
    pr: 43043,
    // "sdpa: shrink streaming cb_out to 2-slot ping-pong + flush-before-pop drain", 4862a06 (2026-04-28 17:05 UTC).
    mergedOn: '2026-04-28',
    dateFrom: 'merge',
    what: "a streamed SDPA prefill's output CB holds 2 · streaming_qktv_h · vDHt tiles (the out subblock found with its height capped at 2; streaming_qktv_h is 2 for a 1-high subblock whose doubled width fits dst_size when Sq_chunk_t ≥ 2, else the height); before, Sq_chunk_t · vDHt like the non-streaming path",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@4862a06^ (out0_t = Sq_chunk_t · vDHt)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@4862a06 and @622c6fb (streaming_cb_out_tiles; sdpa_subblock_utils.hpp, kernels/sdpa_streaming_qktv.hpp)',
  },
  'sdpa-streaming-causal': {
    family: 'attention',
    pr: 43538,
    // "Port causal + partial-tile K to v2 streaming SDPA (single-chip)", c47d23c (2026-05-08 11:48 UTC).
    mergedOn: '2026-05-08',
    dateFrom: 'merge',
    what: 'SDPA prefill streams for any call without a provided mask, attention sink or sliding window (fp32 dest accumulation off): causal and chunked calls too, and no test of chunk or subblock shapes; a streamed padded K off the tile grid adds a partial-K mask tile',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@4862a06 (can_use_streaming_compute: non-causal, shape tests)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@c47d23c (can_use_streaming_compute(use_provided_mask, use_attention_sink, sliding_window_size, fp32_dest_acc_en))',
  },
  'sdpa-global-q-scheduling': {
    family: 'attention',
    pr: 44614,
    // "SDPA: global Q scheduling for single-chip path", f1aff20 (2026-05-21 11:05 UTC).
    mergedOn: '2026-05-21',
    dateFrom: 'merge',
    what: 'SDPA prefill deals its B·heads·q_num_chunks q chunks evenly over the cores (in pairs for a causal call with an even q_num_chunks), and c_0 is double-buffered when the most a core gets is more than one; before, batch, then heads, then q chunks were split over the grid and q_per_core decided it',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@89cc991 (q_parallel_factor, q_per_core, q_buffer_factor)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@f1aff20 and @622c6fb (global_q_pair_distribute, max_global_q_chunks_per_core, q_buffer_factor)',
  },
  'sdpa-streaming-sliding-window': {
    family: 'attention',
    pr: 46281,
    // "Support streaming SDPA sliding-window prefill", 6489100 (2026-06-08 19:59 UTC).
    mergedOn: '2026-06-08',
    dateFrom: 'merge',
    what: 'SDPA prefill streams for any call without a provided mask (sliding windows and attention sinks too); a streamed sliding-window call keeps a lightweight mask of 1 + kSlidingWindowEdgeTiles (4) Float16_b tiles (+ a partial-K tile) instead of the double-buffered Sq×Sk Bfp4_b matrix',
    before: 'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@c47d23c',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@6489100 (can_use_streaming_compute(use_provided_mask, fp32_dest_acc_en), lightweight_mask_tile_count)',
  },
  'sdpa-streaming-provided-mask': {
    family: 'attention',
    pr: 46600,
    // "sdpa streaming: support user-provided (dense) masks", 1bbb556 (2026-06-12 09:09 UTC).
    mergedOn: '2026-06-12',
    dateFrom: 'merge',
    what: 'SDPA prefill streams for every call without fp32 dest accumulation; a provided mask keeps its full double-buffered Sq×Sk CB in its own format',
    before: 'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@6489100',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@1bbb556 and @622c6fb (can_use_streaming_compute = !fp32_dest_acc_en)',
  },
  'embedding-tilized-indices-aligned-page-first': {
    family: 'embedding',
    pr: 30879,
    // "Embedding Support Tiled Indices for Tiny Row Sizes", squash-merged on main as 5e986ea at 2025-10-23 19:10 UTC,
    // reverted by #31254 (fa9b991, 2025-10-28 16:08 UTC) (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-23',
    dateFrom: 'merge',
    what: "EmbeddingsTilizedIndicesProgramFactory's weight-row page (c_0, 2 pages) is align(row bytes, the indices buffer's alignment); before, round_up(row bytes, 32)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/embedding/device/embedding_program_factory.hpp@8e68534 (embeddings_tilized_indices: round_up_to_mul32(weight_page_size))',
    after: 'tt-metal PR #30879, embedding_program_factory.hpp@5e986ea (tt::align(weight_page_size, alignment))',
  },
  'embedding-tilized-indices-aligned-page-reverted': {
    family: 'embedding',
    pr: 31254,
    // Revert of #30879 squash-merged as fa9b991 at 2025-10-28 16:08 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-28',
    dateFrom: 'merge',
    what: 'the tilized-indices weight page is round_up(row bytes, 32) again (revert of change point embedding-tilized-indices-aligned-page-first)',
    before: 'tt-metal embedding_program_factory.hpp@5e986ea (tt::align(weight_page_size, alignment))',
    after: 'tt-metal PR #31254, embedding_program_factory.hpp@fa9b991 (round_up_to_mul32(weight_page_size))',
  },
  'embedding-tilized-indices-aligned-page': {
    family: 'embedding',
    pr: 31422,
    // Reapply of #30879 squash-merged as d0aac20 at 2025-11-04 21:10 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-11-04',
    dateFrom: 'merge',
    what: "the tilized-indices weight page is align(row bytes, the indices buffer's alignment), for good (as change point embedding-tilized-indices-aligned-page-first)",
    before: 'tt-metal embedding_program_factory.hpp@fa9b991 (round_up_to_mul32(weight_page_size))',
    after:
      'tt-metal PR #31422, embedding_program_factory.hpp@d0aac20; embeddings_tilized_indices_program_factory.cpp@a23fcef … @622c6fb (tt::align(weight_page_size, alignment))',
  },
  'concat-rm-untilize-with-unpadding-no-pad': {
    family: 'concat',
    pr: 26885,
    // "concat-tilize issue leading to GPT-OSS P00", squash-merged on main as 29dcc7f at 2025-08-15 15:54 UTC
    // (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-15',
    dateFrom: 'merge',
    what: "concat.cpp's untilize_rm_retilize pre-transform runs untilize_with_unpadding to each tiled input's logical shape in the input's own memory config (before: ttnn::untilize of the whole padded tensor, then SliceDeviceOperation into the output's), and its post-transform tilize_with_val_padding's the row-major result straight to the tile-padded shape (before: pad_to_tile_vol's ttnn::pad first)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/concat.cpp@29dcc7f~1 (ttnn::untilize, SliceDeviceOperation, pad_to_tile_vol, tilize_with_val_padding)',
    after:
      'tt-metal PR #26885, concat.cpp@29dcc7f (untilize_with_unpadding(input, ends, std::nullopt); tilize_with_val_padding(output, compute_padded_shape(output.padded_shape()), 0, output.memory_config()))',
  },
  'reduce-min-h-negate-lcm': {
    family: 'reduction',
    pr: 42998,
    // "#42997: use lcm for cb sizing to handle all combinations for neg reduction", squash-merged on main as 0fa5c69
    // (2026-04-23 22:37 UTC; nyoshifujiTT/tt-metal first-parent history, after 22:00 UTC: the next day).
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: "the H reduce's negate CBs c_4/c_5 (ttnn.min on an interleaved input) hold the lcm of the push sizes the cores make (the chunk and the partial last chunk, or a core's whole column count below the chunk) instead of one dest-register chunk (get_dest_reg_count: 4 tiles with fp32 accumulation, 8 without)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/device/reduce_op_multi_core_h_program_factory.cpp@65635a3 (PR #30509: c_4 and c_5 of chunk_size tiles; chunk_size 1 for a width-sharded input); the same at 5367208, 4835112, c262c36',
    after:
      'tt-metal …/reduce_op_multi_core_h_program_factory.cpp@0fa5c69 (negate_cb_tiles = lcm of include_push_sizes over both core groups); 7fb82fd, 3814789 and 1b02d5c (ProgramDescriptor) keep it, until change point reduce-min-h-negate-full-column (7b6870b)',
  },
  'reshape-sharded-output-recomputed': {
    family: 'reshape',
    pr: 36015,
    // "added check and recalculation for block sharded tensors before interleaved to sharded is invoked in reshape op",
    // on main as 4914f84554 (2026-01-20 20:04 UTC), reverted by ce64b8bc3d (#36200, 2026-01-21 00:57 UTC) and relanded
    // as 9cfdc2a284 (#36237, 2026-01-22 16:13 UTC; nyoshifujiTT/tt-metal first-parent history): dated at the first
    // landing, the earliest build that can have it.
    mergedOn: '2026-01-20',
    dateFrom: 'merge',
    what: "reshape's interleaved_to_sharded after an interleaved reshape (the row-major path's, and the tiled round trip's until PR #37407) shards into recompute_shard_spec_for_output's spec: TensorSpec::height_sharded / width_sharded / block_sharded of the output shape over the requested grid (#36015: its bounding box; #36237: the grid itself for height and width; PR #42543 (1116349): interleaved when the grid is not a rectangle); before, into the requested memory config as given. Moves only the result's shard when the IR's differs from the recomputed one (then `approx`); the i2s CBs (the output CB bound to the L1 shard, the scratch of the shard width) the same for height sharding",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/reshape.cpp@d30b8c2, @ed0a405, @d48f32f, @c83c151 (perform_reshape_on_2D_RM, reshape_tiled: interleaved_to_sharded(…, memory_config, …))',
    after:
      'tt-metal PR #36015 / #36237, reshape.cpp@4914f84, @9cfdc2a (recompute_shard_spec_for_output); @1116349, @a8bffc3 (the interleaved fallback, a shard spec seeded from the input), @622c6fb; ttnn/core/tensor/tensor_spec.cpp@9cfdc2a (height_sharded: div_up(physical height, cores), required alignment)',
  },
  'untilize-sharded-skips-block': {
    family: 'tilize/untilize',
    pr: 22735,
    // "#22020: (Part 1) Add full sharding support for untilize - single core", squash-merged on main as 3a255e7ac9 at
    // 2025-06-02 16:55 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-06-02',
    dateFrom: 'merge',
    what: "ttnn::untilize sends a sharded input or output to the block factory no more when its tile row misses the free L1 (create_program: !enough_space_height && neither side sharded); before (from PR #17790's block factory), a sharded input whose full-width tile row missed it ran the interleaved block factory (not modeled)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize/device/untilize_op.cpp@6c77212, @f03511d, @5440d62 (if (!enough_space_height) untilize_multi_core_block)',
    after:
      'tt-metal PR #22735, untilize_op.cpp@3a255e7 (… && !input_tensor_a.is_sharded() && !output_tensor.is_sharded())',
  },
  'untilize-full-sharding': {
    family: 'tilize/untilize',
    pr: 23198,
    // "#22020: (Part 2) Add full sharding support for untilize - multi core", squash-merged on main as f73c77e3c3 at
    // 2025-06-12 16:05 UTC (nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-06-12',
    dateFrom: 'merge',
    what: "untilize of a sharded input: from an L1 shard into an L1 shard of the same layout and shard spec its own factory (c_0 and c_16 on the two buffers: 0 B either way, only the factory name moves); into any other output the rewritten untilize_multi_core, c_0 on the input shard and c_16 the shard width in output tiles, doubled only when the shard is 2+ tile rows high, a sharded output of another spec written through its accessor; before, untilize_multi_core with c_16 always two shard-width tile rows (bound to a sharded output, whose spec compute_output_specs forced to the input's)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize/device/untilize_program_factory.cpp@3a255e7 (untilize_multi_core: create_cb(…, src_sharded ? a.buffer() : nullptr), num_output_tiles = out_sharded ? shard tiles : 2 · ntiles_per_block); untilize_op.cpp@3a255e7 (compute_output_specs)',
    after:
      'tt-metal PR #23198, untilize_program_factory.cpp@f73c77e (untilize_multi_core_input_and_output_shard_type_and_shard_spec_identical; untilize_multi_core: output_cb_num_tiles); factories/*_program_factory.cpp@622c6fb',
  },
  'pad-tiled-sharded-input': {
    family: 'pad',
    pr: 39774,
    // "Adding ND sharding support for the ttnn::pad op", squash-merged on main as c0d99b85a1 at 2026-03-17 07:19 UTC
    // (nyoshifujiTT/tt-metal first-parent history; git log -S of the removed message over pad/).
    mergedOn: '2026-03-17',
    dateFrom: 'merge',
    what: 'ttnn.pad\'s validate accepts a sharded input of any scheme and page layout (a tiled one runs the tile factories); before (from PR #15985, a3801c4, 2024-12-13), a sharded input had to be height-sharded and row-major: "ttnn.pad: For sharded inputs, only height-sharding is supported." / "ttnn.pad: Only row-major sharded inputs are supported." (`illegal` for a tiled pad that runs a program)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_op.cpp@55949a1, @e05f640 (Pad::validate); pad_device_operation.cpp@41e1c1f, @297f4f4',
    after: 'tt-metal PR #39774, pad_device_operation.cpp@c0d99b8, @622c6fb (no such check; an L1-aligned page test)',
  },

  // Device facts (family `device`): not factory rules but the device the builds run, resolved once per analysis from
  // its build window (analysis/deviceFacts.ts) and handed to the device model as plain figures; estimators never ask.
  'tt-mlir-runtime-l1-small-64k': {
    family: 'device',
    pr: 5557,
    repo: 'tenstorrent/tt-mlir',
    // Merged as 7c09667 (2025-11-04 10:40 UTC) on tt-metal pin 6132b08 (2025-10-27, pinned by tt-mlir PR #5506 on
    // 10-29); the next pin, 8f0c87a (2025-11-01, tt-mlir PR #5640, merged 11-04 22:21 EST) and every later one came
    // with 64 KiB, so no tt-mlir paired a tt-metal of 10-28 or later with 32 KiB: the day after the old pin is taken.
    mergedOn: '2025-10-28',
    dateFrom: 'merge',
    what: "tt-mlir's runtime opens the device with l1_small_size 64 KiB (tt::constants::L1_SMALL_SIZE = 1 << 16) instead of 32 KiB (1 << 15, since tt-mlir PR #484, 2024-08-30): the L1 bank shrinks by 32 KiB, the L1_SMALL bank grows by it (tt-mlir #5556, UNet out of its 32,768 B L1_SMALL bank)",
    before:
      'tt-mlir include/Constants.h@7c09667~1 (L1_SMALL_SIZE 1 << 15); tt-xla #1458 (2025-09): bank 1,366,560 B = 1,499,136 − 99,808 − 32,768',
    after:
      'tt-mlir include/Constants.h@7c09667 (PR #5557, 1 << 16); tt-xla 21df083a9 maskformer_swin_b xfail (tt-metal 8f0c87a) and tt-mlir #5771 (2025-11-10): bank 1,331,936 B = 1,499,136 − 101,664 − 65,536',
  },
  'tt-mlir-slice-static-rename': {
    family: 'ir-syntax',
    pr: 4340,
    repo: 'tenstorrent/tt-mlir',
    // Merged as 3d35de1 (2025-08-19 17:35 UTC). A tt-mlir date, not a tt-metal build's: fixes/irEra.ts compares the
    // dump's tt-mlir dates with it to print a new slice the way the dump's tt-mlir does.
    mergedOn: '2025-08-19',
    dateFrom: 'merge',
    what: 'tt-mlir prints the static slice op as ttnn.slice_static (PR #4340 "Adding Dynamic Slice" renamed ttnn.slice); before, ttnn.slice',
    before: 'tt-mlir include/ttmlir/Dialect/TTNN/IR/TTNNOps.td@3d35de1~1 (TTNN_SliceOp "slice")',
    after: 'tt-mlir include/ttmlir/Dialect/TTNN/IR/TTNNOps.td@3d35de1 (TTNN_SliceStaticOp "slice_static")',
  },
  // The L1 unreserved base by build, one point per tt-metal firmware-map merge (or first sighting, `seenIn`) that moved
  // it; the bases, sources and derivations are analysis/l1BaseHistory.ts's entries, each naming its point.
  'l1-base-wh-seen-15732': {
    family: 'device',
    seenIn: 'tt-metal #15732 (the first Wormhole base sighted)',
    mergedOn: '2024-12-05',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Wormhole (none known) → 98,848 B (first sighted; the firmware-map change itself not traced)',
    before: 'Wormhole: no sighting before',
    after: 'Wormhole: tt-metal #15732 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-wh-seen-15950': {
    family: 'device',
    seenIn: 'tt-metal #15950',
    mergedOn: '2024-12-12',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Wormhole 98,848 → 99,104 B (first sighted; the firmware-map change itself not traced)',
    before: 'Wormhole: tt-metal #15732',
    after: 'Wormhole: tt-metal #15950, tt-metal #16348, tt-metal #16288 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-wh-seen-17869': {
    family: 'device',
    seenIn: 'tt-metal #17869',
    mergedOn: '2025-02-13',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,104 → 99,488 B (first sighted; the firmware-map change itself not traced)',
    before: 'Wormhole: tt-metal #15950, tt-metal #16348, tt-metal #16288',
    after:
      'Wormhole: tt-metal #17869, tt-metal #17947, tt-metal #18286, tt-metal #18642 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-17307': {
    family: 'device',
    pr: 17307,
    mergedOn: '2025-02-27',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,488 → 102,048 B',
    before: 'Wormhole: tt-metal #17869, tt-metal #17947, tt-metal #18286',
    after:
      'Wormhole: tt-metal PR #17307 (3682cba), tt-forge-fe test_alexnet.py 754b717e0 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-18486': {
    family: 'device',
    pr: 18486,
    // Merged as 6908e8a at 2025-03-03 22:56 UTC (17:56 −05:00; nyoshifujiTT/tt-metal first-parent history): in the
    // day's last 2 h, so the next day, as the table's other late merges.
    mergedOn: '2025-03-04',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,048 → 102,112 B',
    before: 'Wormhole: tt-metal PR #17307 (3682cba), tt-forge-fe test_alexnet.py 754b717e0',
    after: 'Wormhole: tt-metal PR #18486 (6908e8a) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-wh-seen-18997': {
    family: 'device',
    seenIn: 'tt-metal #18997 (the base PR #18486 set, sighted)',
    mergedOn: '2025-03-12',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,112 B sighted again (no change: the base of PR #18486)',
    before: 'Wormhole: tt-metal PR #18486 (6908e8a)',
    after: 'Wormhole: tt-metal #18997, tt-metal #19606 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-wh-seen-7598b7e': {
    family: 'device',
    seenIn: 'tt-forge-fe c92a65b88 xfail reasons (their build: tt-metal 7598b7e)',
    mergedOn: '2025-04-01',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,112 → 97,248 B (first sighted; the firmware-map change itself not traced)',
    before: 'Wormhole: tt-metal #18997, tt-metal #19606',
    after:
      'Wormhole: tt-forge-fe test_softmax.py / test_reshape.py c92a65b88 (tt-metal 7598b7e, 2025-04-01), tt-metal #19762, tt-forge-fe test_conv2d.py bc7d00334, tt-forge-fe test_conv2d.py f96d63a9a (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-24013': {
    family: 'device',
    pr: 24013,
    mergedOn: '2025-06-27',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 97,248 → 99,296 B',
    before:
      'Wormhole: tt-forge-fe test_softmax.py / test_reshape.py c92a65b88 (tt-metal 7598b7e, 2025-04-01), tt-metal #19762, tt-forge-fe test_conv2d.py bc7d00334',
    after: 'Wormhole: tt-metal PR #24013 (c5f93d4) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-24322': {
    family: 'device',
    pr: 24322,
    mergedOn: '2025-07-06',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,296 → 99,904 B',
    before: 'Wormhole: tt-metal PR #24013 (c5f93d4)',
    after:
      'Wormhole: tt-metal PR #24322 (8cf8c0d), tt-forge-fe test_conv2d.py 7cd6058b0 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-24673': {
    family: 'device',
    pr: 24673,
    mergedOn: '2025-07-19',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,904 → 100,352 B',
    before: 'Wormhole: tt-metal PR #24322 (8cf8c0d), tt-forge-fe test_conv2d.py 7cd6058b0',
    after: 'Wormhole: tt-metal PR #24673 (7a40cbe) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-25572': {
    family: 'device',
    pr: 25572,
    mergedOn: '2025-07-24',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 100,352 → 100,000 B, Blackhole (none known) → 101,120 B',
    before: 'Wormhole: tt-metal PR #24673 (7a40cbe); Blackhole: no sighting before',
    after:
      'Wormhole: tt-metal PR #25572 (f294181); Blackhole: tt-metal PR #25572 (f294181) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-25131': {
    family: 'device',
    pr: 25131,
    mergedOn: '2025-07-25',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 100,000 → 99,744 B, Blackhole 101,120 → 101,376 B',
    before: 'Wormhole: tt-metal PR #25572 (f294181); Blackhole: tt-metal PR #25572 (f294181)',
    after:
      'Wormhole: tt-metal PR #25131 (73a8f19); Blackhole: tt-metal PR #25131 (73a8f19) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-26665': {
    family: 'device',
    pr: 26665,
    mergedOn: '2025-08-14',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,744 → 99,776 B, Blackhole 101,376 → 101,440 B',
    before: 'Wormhole: tt-metal PR #25131 (73a8f19); Blackhole: tt-metal PR #25131 (73a8f19)',
    after:
      'Wormhole: tt-metal PR #26665 (23f6e49); Blackhole: tt-metal PR #26665 (23f6e49), tt-xla #1066 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-27139': {
    family: 'device',
    pr: 27139,
    mergedOn: '2025-08-26',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,776 → 99,712 B, Blackhole 101,440 → 101,376 B',
    before: 'Wormhole: tt-metal PR #26665 (23f6e49); Blackhole: tt-metal PR #26665 (23f6e49), tt-xla #1066',
    after:
      'Wormhole: tt-metal PR #27139 (aa8bce0); Blackhole: tt-metal PR #27139 (aa8bce0) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-27547': {
    family: 'device',
    pr: 27547,
    mergedOn: '2025-08-30',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,712 → 99,776 B',
    before: 'Wormhole: tt-metal PR #27139 (aa8bce0)',
    after: 'Wormhole: tt-metal PR #27547 (4d03a31) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-27790': {
    family: 'device',
    pr: 27790,
    mergedOn: '2025-09-05',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,776 → 99,808 B, Blackhole 101,376 → 101,440 B',
    before: 'Wormhole: tt-metal PR #27547 (4d03a31); Blackhole: tt-metal PR #27139 (aa8bce0)',
    after:
      'Wormhole: tt-metal PR #27790 (222fa2f), tt-xla #1458; Blackhole: tt-metal PR #27790 (222fa2f) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-28078': {
    family: 'device',
    pr: 28078,
    mergedOn: '2025-09-11',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,808 → 99,840 B',
    before: 'Wormhole: tt-metal PR #27790 (222fa2f), tt-xla #1458',
    after: 'Wormhole: tt-metal PR #28078 (d695359) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-27660': {
    family: 'device',
    pr: 27660,
    mergedOn: '2025-09-13',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 99,840 → 100,352 B, Blackhole 101,440 → 101,952 B',
    before: 'Wormhole: tt-metal PR #28078 (d695359); Blackhole: tt-metal PR #27790 (222fa2f)',
    after:
      'Wormhole: tt-metal PR #27660 (c73b4fb); Blackhole: tt-metal PR #27660 (c73b4fb) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-28555': {
    family: 'device',
    pr: 28555,
    mergedOn: '2025-09-17',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 100,352 → 100,416 B, Blackhole 101,952 → 102,016 B',
    before: 'Wormhole: tt-metal PR #27660 (c73b4fb); Blackhole: tt-metal PR #27660 (c73b4fb)',
    after:
      'Wormhole: tt-metal PR #28555 (26415d1); Blackhole: tt-metal PR #28555 (26415d1) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-28769': {
    family: 'device',
    pr: 28769,
    mergedOn: '2025-09-27',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 100,416 → 101,440 B, Blackhole 102,016 → 103,040 B',
    before: 'Wormhole: tt-metal PR #28555 (26415d1); Blackhole: tt-metal PR #28555 (26415d1)',
    after:
      'Wormhole: tt-metal PR #28769 (db1fdd0), tt-xla #1588, tt-xla #1722; Blackhole: tt-metal PR #28769 (db1fdd0) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-28672': {
    family: 'device',
    pr: 28672,
    mergedOn: '2025-10-04',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 101,440 → 101,152 B, Blackhole 103,040 → 102,784 B',
    before:
      'Wormhole: tt-metal PR #28769 (db1fdd0), tt-xla #1588, tt-xla #1722; Blackhole: tt-metal PR #28769 (db1fdd0)',
    after:
      'Wormhole: tt-metal PR #28672 (aeec510); Blackhole: tt-metal PR #28672 (aeec510) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-23491': {
    family: 'device',
    pr: 23491,
    mergedOn: '2025-10-17',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 101,152 → 101,664 B',
    before: 'Wormhole: tt-metal PR #28672 (aeec510)',
    after:
      'Wormhole: tt-metal PR #23491 (25f28fe), tt-metal #31889, tt-mlir #5771 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-31704': {
    family: 'device',
    pr: 31704,
    mergedOn: '2025-11-12',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 101,664 → 101,952 B',
    before: 'Wormhole: tt-metal PR #23491 (25f28fe), tt-metal #31889, tt-mlir #5771',
    after: 'Wormhole: tt-metal PR #31704 (c960d4f) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-30176': {
    family: 'device',
    pr: 30176,
    mergedOn: '2025-11-18',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 101,952 → 102,208 B',
    before: 'Wormhole: tt-metal PR #31704 (c960d4f)',
    after:
      'Wormhole: tt-metal PR #30176 (2e69521), tt-xla #2659, tt-mlir #6441 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-32395': {
    family: 'device',
    pr: 32395,
    mergedOn: '2025-12-04',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,208 → 102,656 B',
    before: 'Wormhole: tt-metal PR #30176 (2e69521), tt-xla #2659, tt-mlir #6441',
    after: 'Wormhole: tt-metal PR #32395 (ce239e5), tt-metal #34306 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-34336': {
    family: 'device',
    pr: 34336,
    // Merged as e863609 at 2025-12-16 18:59 UTC (nyoshifujiTT/tt-metal first-parent history); a dated build of that day
    // precedes it (d711cca, 15:18 UTC, tt-xla #2710's pin: "grow to 2003264 B" on the 102,656 B base), so the next day,
    // as the table's other such merges.
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,656 → 102,688 B',
    before: 'Wormhole: tt-metal PR #32395 (ce239e5), tt-metal #34306',
    after: 'Wormhole: tt-metal PR #34336 (e863609), tt-metal #34811 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-34868': {
    family: 'device',
    pr: 34868,
    mergedOn: '2025-12-22',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,688 → 102,656 B',
    before: 'Wormhole: tt-metal PR #34336 (e863609), tt-metal #34811',
    after: 'Wormhole: tt-metal PR #34868 (67a8bd0), tt-mlir #6536 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-35327': {
    family: 'device',
    pr: 35327,
    mergedOn: '2026-01-14',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,656 → 102,784 B, Blackhole 104,128 → 104,256 B',
    before:
      'Wormhole: tt-metal PR #34868 (67a8bd0), tt-mlir #6536; Blackhole: tt-metal #35410, blackhole dev_mem_map.h',
    after:
      'Wormhole: tt-metal PR #35327 (71a9d48); Blackhole: tt-metal PR #35327 (71a9d48) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-35494': {
    family: 'device',
    pr: 35494,
    mergedOn: '2026-01-16',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 102,784 → 103,552 B, Blackhole 104,256 → 105,280 B',
    before: 'Wormhole: tt-metal PR #35327 (71a9d48); Blackhole: tt-metal PR #35327 (71a9d48)',
    after:
      'Wormhole: tt-metal PR #35494 (9fa927f), tt-mlir #6754, tt-metal #36426, tt-xla #3054; Blackhole: tt-metal PR #35494 (9fa927f), tt-metal #36316 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-36013': {
    family: 'device',
    pr: 36013,
    mergedOn: '2026-01-29',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 103,552 → 103,584 B, Blackhole 105,280 → 105,344 B',
    before:
      'Wormhole: tt-metal PR #35494 (9fa927f), tt-mlir #6754, tt-metal #36426; Blackhole: tt-metal PR #35494 (9fa927f), tt-metal #36316',
    after:
      'Wormhole: tt-metal PR #36013 (c2e8b6d); Blackhole: tt-metal PR #36013 (c2e8b6d) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-35963': {
    family: 'device',
    pr: 35963,
    mergedOn: '2026-01-30',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 103,584 → 103,712 B, Blackhole 105,344 → 111,104 B',
    before: 'Wormhole: tt-metal PR #36013 (c2e8b6d); Blackhole: tt-metal PR #36013 (c2e8b6d)',
    after:
      'Wormhole: tt-metal PR #35963 (f671f2d), tt-metal #37745, tt-metal #38364, tt-mlir #7351; Blackhole: tt-metal PR #35963 (f671f2d), tt-mlir #7153, tt-mlir 123d0c1 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-41021': {
    family: 'device',
    pr: 41021,
    // Merged as 84c0174 at 2026-04-24 09:48 UTC, after tt-mlir's pin 2c1b134 (main of 04-24 00:00 UTC, tt-mlir PR
    // #8108, 103,712 B): the next-day rule would date it 04-25, the day PR #43082 (00:09 UTC) undoes it, leaving its
    // base no day, though tt-mlir's next pin 2a9cc7c (04-24 18:41 UTC, tt-mlir PR #8116; tt-mlir PR #8237's build) runs
    // it. Kept on the merge day: builds of 04-24 have either base.
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 103,712 → 106,272 B',
    before: 'Wormhole: tt-metal PR #35963 (f671f2d), tt-metal #37745, tt-metal #38364',
    after: 'Wormhole: tt-metal PR #41021 (84c0174), tt-mlir PR #8237 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-43082': {
    family: 'device',
    pr: 43082,
    mergedOn: '2026-04-25',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 106,272 → 103,712 B',
    before: 'Wormhole: tt-metal PR #41021 (84c0174), tt-mlir PR #8237',
    after:
      'Wormhole: tt-metal PR #43082 (4919a5a), tt-xla #4583, tt-mlir PR #8412 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-43570': {
    family: 'device',
    pr: 43570,
    // Merged as a1449a0 at 2026-05-05 19:19 UTC; tt-mlir's pin 61e690c (main of 05-05 13:09 UTC, tt-mlir PR #8272
    // "2026-05-05") precedes it with 103,712 B, so the next day, as the table's other such merges.
    mergedOn: '2026-05-06',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 103,712 → 103,744 B',
    before: 'Wormhole: tt-metal PR #43082 (4919a5a), tt-xla #4583, tt-mlir PR #8412',
    after: 'Wormhole: tt-metal PR #43570 (a1449a0), tt-metal #43893 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-44545': {
    family: 'device',
    pr: 44545,
    mergedOn: '2026-05-16',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 103,744 → 103,776 B',
    before: 'Wormhole: tt-metal PR #43570 (a1449a0), tt-metal #43893',
    after:
      'Wormhole: tt-metal PR #44545 (3363681), tt-metal #45331, tt-metal #45543 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-45505': {
    family: 'device',
    pr: 45505,
    mergedOn: '2026-05-30',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 103,776 → 103,840 B',
    before: 'Wormhole: tt-metal PR #44545 (3363681), tt-metal #45331, tt-metal #45543',
    after: 'Wormhole: tt-metal PR #45505 (0080d14) (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-46526': {
    family: 'device',
    pr: 46526,
    mergedOn: '2026-06-12',
    dateFrom: 'merge',
    what: 'the L1 unreserved base (where CBs start): Wormhole 103,840 → 104,224 B, Blackhole 111,104 → 111,360 B',
    before:
      'Wormhole: tt-metal PR #45505 (0080d14); Blackhole: tt-metal PR #35963 (f671f2d), tt-mlir #7153, tt-mlir 123d0c1',
    after:
      'Wormhole: tt-metal PR #46821 (ca254cb), tt-metal PR #46526 (05cca6a), tt-metal #47735, tt-mlir e9b87da; Blackhole: tt-metal PR #46526 (05cca6a), tt-metal #47317, tt-xla #5440, tt-mlir a3bafe1 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-pr-49417': {
    family: 'device',
    pr: 49417,
    mergedOn: '2026-07-26',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Wormhole 104,224 → 105,664 B, Blackhole 111,360 → 111,488 B',
    before:
      'Wormhole: tt-metal PR #46821 (ca254cb), tt-metal PR #46526 (05cca6a), tt-metal #47735; Blackhole: tt-metal PR #46526 (05cca6a), tt-metal #47317, tt-xla #5440',
    after:
      'Wormhole: tt-metal PR #49417, tt-metal PR #52549, tt-metal PR #53399, tt-metal PR #54698; Blackhole: tt-metal PR #49417, tt-metal PR #52980, tt-metal PR #53319, tt-metal #54621 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-bh-seen-tt-mlir-5343': {
    family: 'device',
    seenIn: 'tt-mlir #5343',
    mergedOn: '2025-10-14',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Blackhole 102,784 → 103,040 B (first sighted; the firmware-map change itself not traced)',
    before: 'Blackhole: tt-metal PR #28672 (aeec510)',
    after: 'Blackhole: tt-mlir #5343 (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-bh-seen-35410': {
    family: 'device',
    seenIn: 'tt-metal #35410 (main after 8f36e2a8)',
    mergedOn: '2026-01-07',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Blackhole 103,040 → 104,128 B (first sighted; the firmware-map change itself not traced)',
    before: 'Blackhole: tt-mlir #5343',
    after: 'Blackhole: tt-metal #35410, blackhole dev_mem_map.h (derivations: analysis/l1BaseHistory.ts)',
  },
  'l1-base-bh-seen-54274': {
    family: 'device',
    seenIn: 'tt-metal PR #54274 ("measured on blackhole hardware"; the mailbox PR not found)',
    mergedOn: '2026-08-25',
    dateFrom: 'approx',
    what: 'the L1 unreserved base (where CBs start): Blackhole 111,488 → 111,616 B (first sighted; the firmware-map change itself not traced)',
    before: 'Blackhole: tt-metal PR #49417, tt-metal PR #52980, tt-metal PR #53319',
    after:
      'Blackhole: tt-metal PR #54274, tt-metal #54697, tt-metal #56133, blackhole dev_mem_map.h (derivations: analysis/l1BaseHistory.ts)',
  },
  'sdpa-padded-inputs': {
    family: 'attention',
    pr: 16940,
    // "#16557: Support padded inputs in SDPA", squash-merged on main as 404aba8 (2025-01-22 17:48 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-01-22',
    dateFrom: 'merge',
    what: 'SDPA prefill takes Sq / Sk from the logical shapes, pads them to whole q / k chunks, and a non-causal call whose padded K length differs from its logical one (use_padded_mask) generates a mask: the double-buffered Sq_chunk x Sk_chunk mask CB c_3 even without a provided mask; before, the legacy (tile-padded) shapes and no mask CB unless causal or provided',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@9a3766d (get_legacy_shape; c_in3 only for use_provided_mask or is_causal)',
    after:
      'the same file @404aba8 (get_logical_shape; use_padded_mask = !is_causal && padded_Sk != Sk; c_3 for use_provided_mask or is_causal or use_padded_mask), the same line at 9cc0216, c44a80e, 96da09d, fe3a719, 2eadc4e, 9a8afd2 until change point sdpa-padded-mask-q-length',
  },
  'sdpa-generated-mask-bfp4': {
    family: 'attention',
    pr: 18894,
    // "#0: SDPA internal mask is created in bfp4", squash-merged on main as c44a80e (2025-03-13 23:06 UTC;
    // nyoshifujiTT/tt-metal first-parent history, after 22:00 UTC: the next day).
    mergedOn: '2025-03-14',
    dateFrom: 'merge',
    what: 'the mask SDPA prefill generates itself (causal or padded, no mask given) is Bfp4_b tiles (576 B) in the double-buffered c_3; before, Float16_b (2,048 B)',
    before:
      "tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@c44a80e~1 (mask_df = attn_mask's dtype, else Float16_b)",
    after:
      'the same file @c44a80e (else Bfp4_b); @622c6fb select_mask_dataformat keeps Bfp4_b for the non-streaming matrix (Float16_b only for the streaming lightweight mask, change point sdpa-prefill-streaming)',
  },
  'sdpa-padded-mask-q-length': {
    family: 'attention',
    pr: 36170,
    // "SDPA support user-provided mask when sequence lengths not chunk-aligned", squash-merged on main as cd23386
    // (2026-01-27 16:57 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-27',
    dateFrom: 'merge',
    what: 'a non-causal SDPA prefill also uses the padded-input mask (c_3, change point sdpa-padded-inputs) when only its Q length is off the q chunks (logical Sq ≠ padded_Sq); before, only an off-chunk K length did',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@9a8afd2 (use_padded_mask = !is_causal && padded_Sk != Sk)',
    after:
      'the same file @cd23386 (use_padded_mask = !is_causal && (padded_Sk != Sk || padded_Sq != Sq)), the same line at d18ebbe, 08a5992, 597deb2, 5e9f894, 32651f0 and 622c6fb',
  },
  'sparse-matmul-nnz-cb': {
    family: 'matmul',
    pr: 27275,
    // "Add support for unstructured sparsity in SparseMatmul", squash-merged on main as 9827eca (2025-09-06 18:29 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-06',
    dateFrom: 'merge',
    what: 'sparse_matmul takes nnz as optional: without it the factory adds c_25, sparsity.logical_volume() · 4 B (UInt32), on all cores for the reader to pass the nonzero batch count to compute; before, nnz was required (no c_25)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op.cpp@d72f780 (SparseMatmul nnz a plain uint32_t, TT_FATAL nnz > 0) and matmul_op_multi_core_reuse_mcast_1d_program_factory.cpp@d72f780 (c_0, c_1, c_4/c_5, c_6, c_7 only)',
    after:
      'the same files @9827eca (nnz.value_or(1); `if (!nnz.has_value())` c_25 nnz_cb_size = sparsity.logical_volume() · datum_size(UInt32))',
  },
  'sparse-matmul-sparsity-aligned-page': {
    family: 'matmul',
    pr: 30351,
    // "Sparse Matmul: Fix page size for sparsity tensor", squash-merged on main as 9ba9f06 (2025-10-10 18:10 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-10',
    dateFrom: 'merge',
    what: "sparse_matmul's sparsity CBs c_6 and c_7 hold one aligned page of the sparsity buffer (sparsity.buffer()->aligned_page_size(), in the sparsity's format), and the factory TT_FATALs a work grid that is not a rectangle (num_cores_with_work ≠ in0_mcast_receiver_num_cores); before, each was B_B · sizeof(uint32_t) bytes of Float32, and a ragged grid hung",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op_multi_core_reuse_mcast_1d_program_factory.cpp@b644c75 (sparse_matmul_multi_core_reuse_mcast_1d_optimized: sparsity_cb_size = B_B * sizeof(uint32_t))',
    after:
      'the same file @9ba9f06 (sparsity_cb_size = sparsity.buffer()->aligned_page_size(); the TT_FATAL), the same lines in sparse/factory/sparse_matmul_multicore_reuse_mcast_1d_optimized.cpp@601278a … @622c6fb',
  },
  'sparse-matmul-a-sparse-input': {
    family: 'matmul',
    pr: 30070,
    // "Sparse Matmul: Add support for cases where sparsity tensor is based on input A", squash-merged on main as
    // 06bfe79 (2025-10-17 02:48 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-17',
    dateFrom: 'merge',
    what: 'sparse_matmul takes is_input_a_sparse / is_input_b_sparse: batchA = 1 when both are sparse, batch(a) / batch(b) when only a is, batch(a) when only b is; c_0 / c_1 doubled when batchA · batchB · num_blocks > 1; before (from PR #27275) only is_input_a_sparse, with batchA 1 for it and b always sparse, and before that b alone',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op_multi_core_reuse_mcast_1d_program_factory.cpp@9ba9f06 (B_A = is_input_a_sparse ? 1 : get_batch_size(ashape); no is_input_b_sparse)',
    after:
      'the same file @06bfe79 (batchA by both flags, batchA · batchB · num_blocks doubling), kept in sparse/factory/sparse_matmul_multicore_reuse_mcast_1d_optimized.cpp to @622c6fb',
  },
  'sparse-matmul-nnz-cb-dropped': {
    family: 'matmul',
    pr: 31291,
    // "#27979: Use mailboxes to send sparsity value from brisc to trisc cores and fix core-grid for blackhole",
    // squash-merged on main as 8d1481e (2025-10-29 19:37 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-10-29',
    dateFrom: 'merge',
    what: "sparse_matmul without nnz no longer creates c_25 (change point sparse-matmul-nnz-cb): the reader passes each batch's sparsity value to compute by mailbox",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_op_multi_core_reuse_mcast_1d_program_factory.cpp@06bfe79 (c_25 when !nnz.has_value())',
    after:
      'the same file @8d1481e (no c_25), and none in sparse/factory/sparse_matmul_multicore_reuse_mcast_1d_optimized.cpp@601278a … @622c6fb',
  },
  'sdpa-flash-mla-prefill': {
    family: 'attention',
    pr: 24855,
    // "sdpa: Adding changes for MLA prefill", squash-merged on main as 96da09d (2025-07-15 15:14 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-07-15',
    dateFrom: 'merge',
    what: "ttnn.transformer.flash_mla_prefill exists: the SDPA program with use_mla, V read from K's latent tensor (its format, head_dim_v wide); before, no such op (an IR with one is estimated `approx`)",
    before: 'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/sdpa.hpp@96da09d~1 (no flash_mla_prefill)',
    after:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/sdpa.cpp and device/sdpa_program_factory.cpp@96da09d (use_mla, head_dim_v; v_df and v_buffer from K)',
  },
  'sdpa-chunk-start-idx-tensor': {
    family: 'attention',
    pr: 36936,
    // "Add option to pass chunk_start_idx as tensor.", squash-merged on main as dc0b0f5 (2026-02-04 07:34 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-02-04',
    dateFrom: 'merge',
    what: "chunked SDPA prefill takes chunk_start_idx as a device tensor (flexible chunked: K length = Sq + the page table's blocks · block size), with c_8 / c_9 one chunk_start_idx page each (Int32); before, only an integer chunk_start_idx, which tt-mlir's chunked_scaled_dot_product_attention (a tensor operand) cannot pass",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@dc0b0f5~1 (chunk_start_idx a uint32 only; no c_8 / c_9)',
    after: 'the same file @dc0b0f5 (chunk_start_idx_tensor, c_8 / c_9 of chunk_start_idx_page_size)',
  },
  'sdpa-flash-mla-prefill-v-operand': {
    family: 'attention',
    pr: 37721,
    // "#37414: Prefill optimised MLA op.", squash-merged on main as d18ebbe (2026-02-18 09:07 UTC; nyoshifujiTT/tt-metal
    // first-parent history).
    mergedOn: '2026-02-18',
    dateFrom: 'merge',
    what: "flash_mla_prefill takes an optional V in embedding space: c_2 in V's format, the reader reading V's own buffer (mla_kv_overlap only without it); before, V was always K's latent tensor (v_df and v_buffer from K)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@d18ebbe~1 (use_mla ? tensor_args.k : v)',
    after: 'the same file @d18ebbe (input_tensor_v = v.value_or(k); v_df from V)',
  },
  'sdpa-decode-f32-q-scalars': {
    family: 'attention',
    pr: 41637,
    // "Reduce compute and dataflow helpers", squash-merged on main as 7fb82fd (2026-04-24 08:59 UTC;
    // nyoshifujiTT/tt-metal first-parent history); the same commit as change point layernorm-sharded-global-scaler-f32.
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: "SDPA decode's scale, column-identity and scalar CBs (c_5, c_11, c_12) take scalar_df = Float32 when Q is FLOAT32; before, Float16_b for every Q (an f32 Q: 3 x 2,048 B more from here)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@307ffde (scalar_df = Float16_b)',
    after:
      'the same file @7fb82fd (scalar_df = Q FLOAT32 ? Float32 : Float16_b), kept by ec56365 (the ProgramDescriptor port) to @622c6fb',
  },
  'sdpa-decode-block-padding-mask': {
    family: 'attention',
    pr: 38004,
    // "SDPA decode bug fixes", squash-merged on main as cc70746 (2026-02-20 10:46 UTC; nyoshifujiTT/tt-metal
    // first-parent history).
    mergedOn: '2026-02-20',
    dateFrom: 'merge',
    what: "paged SDPA decode with a K block size under a tile high (K's logical shape[2] < 32) adds c_14, a block-padding mask of qk_tiles (PNHt · Sk_chunk_t) in the mask format, masking the zero rows of each K tile; before, no such CB",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@cc70746~1 (no c_14)',
    after:
      'the same file @cc70746 (has_block_padding = is_paged_attention && original_block_size < TILE_HEIGHT; c_14 qk_tiles · mask_tile_size), @8ad390e (block_size_override, which tt-mlir does not pass) and @622c6fb',
  },
  'sdpa-paged-decode-batch-from-page-table': {
    family: 'attention',
    pr: 36440,
    // "Deepseek V3 Flash MLA decode optimizations", squash-merged on main as 8ad390e (2026-03-09 19:15 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-03-09',
    dateFrom: 'merge',
    what: "paged SDPA decode takes its batch B from the page table (padded rows of an interleaved one; a sharded one's rows per shard core, which validate ties to Q's batch): the cores per batch and head, hence c_19, and the B ≤ cores check follow it; before, B = Q's padded shape[1] for every call (validate ties only a sharded page table to Q's batch)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@8ad390e~1 (B = q_shape[1])',
    after:
      'the same file @8ad390e (paged: B = page_table padded_shape()[0], / shard cores when sharded), kept to @622c6fb',
  },
  'sdpa-decode-half-tile-blackhole': {
    family: 'attention',
    pr: 33978,
    // Squash-merged on main as 42e1fe8 (2026-01-06 06:46 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-06',
    dateFrom: 'merge',
    what: 'SDPA decode uses 16x32 half tiles (q, mask, scalars, intermediates, statistics) for a causal bf16 Q with ≤ 16 heads on Blackhole too; before, on Wormhole only (a Blackhole call had full 2,048 B tiles in every one of those CBs)',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@42e1fe8~1 (use_half_tile also requires device->arch() == WORMHOLE_B0)',
    after: 'the same file @42e1fe8 (use_half_tile = causal, ≤ 16 q heads, Float16_b Q), kept to @622c6fb',
  },
  'sdpa-mla-decode-v-operand': {
    family: 'attention',
    pr: 36508,
    // Squash-merged on main as d6d2162 (2026-01-27 18:04 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-01-27',
    dateFrom: 'merge',
    what: "MLA decode (use_mla) takes an optional V tensor and, given one, reads V from it: c_2 in V's format; before, V was always the latent K (c_2 in K's format, the V operand not passed)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@d6d2162~1 (input_tensor_v = use_mla ? K : V) and sdpa_decode.cpp (MLA entry points pass no V)',
    after:
      'the same files @d6d2162 (input_tensor_v = V if given, else K; vDH = head_dim_v under use_mla), kept to @622c6fb (tensor_args.v.value_or(K))',
  },
  'sdpa-decode-tree-reduction-rounds-fix': {
    family: 'attention',
    pr: 38587,
    // Squash-merged on main as 70a9be5 (2026-02-26 12:53 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-02-26',
    dateFrom: 'merge',
    what: 'SDPA decode counts ceil(log2(cores per head)) tree-reduction rounds, so 64 cores per head fit the 6 rounds; from PR #37004 until then it counted 32 − clz(n) = floor(log2 n) + 1, so exactly 64 cores per head was a TT_FATAL too',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa_decode/device/sdpa_decode_program_factory.cpp@6697610 (num_tree_reduction_rounds = 32 - __builtin_clz(num_cores_per_head))',
    after: 'the same file @70a9be5 (0 for one core, else 32 - __builtin_clz(n - 1)), kept to @622c6fb',
  },
  'mla-decode-runtime-config-always': {
    family: 'attention',
    repo: 'tenstorrent/tt-mlir',
    pr: 8703,
    // Merged on tt-mlir main as d683ddf at 2026-06-23 22:30 UTC (tenstorrent/tt-mlir history): the first day built
    // with it is taken.
    mergedOn: '2026-06-24',
    dateFrom: 'merge',
    what: "tt-mlir's runtime passes paged_flash_multi_latent_attention_decode its program_config (K chunk 32 on the device's grid, max_cores_per_head_batch left at 16) for every call; before, only for a non-causal call: a causal one ran without (dynamic K chunks, every core of the grid per head)",
    before:
      'tt-mlir runtime/lib/ttnn/operations/transformer/paged_flash_multi_latent_attention_decode.cpp@9e3175c (PR #7491: program_config = isCausal ? nullopt : the config)',
    after: 'the same file @d683ddf (the config for every call), kept to @19c86fc',
  },
  'drms-norm-decomposed-primitives': {
    family: 'distributed_rms_norm',
    repo: 'tenstorrent/tt-mlir',
    pr: 7752,
    // Squash-merged on tt-mlir main as 30d4578 (2026-04-03 12:09 UTC; tenstorrent/tt-mlir history).
    mergedOn: '2026-04-03',
    dateFrom: 'merge',
    what: 'tt-mlir\'s TTNNDecomposition rewrites a distributed_rms_norm that fused_rms_minimal cannot take (not (1,1,32,M), or no weight) into [add residual], multiply(x, x), mean over W, all_gather of the [.., 1] stats, mean, full(eps), add, rsqrt, multiply(x, inv_rms), [multiply(weight)]; before, the op reached tt-metal\'s RMSAllGather as it stands, whose validate rejects it (the PR: "for any other shape, the op fails at runtime")',
    before:
      'tt-mlir lib/Dialect/TTNN/Transforms/Decomposition/ before 30d4578 (no such pattern); tt-metal …/experimental/ccl/rms_allgather/device/rms_allgather_device_operation.cpp@982cd40 (rank 4, (1,1,32,M), row-major weight required; same messages at 85d0dea, 4961576, ce15e49, c262c36)',
    after:
      'tt-mlir lib/Dialect/TTNN/Transforms/Decomposition/DistributedRMSNormDecompositionRewritePattern.cpp@30d4578',
  },
  'drms-norm-fused-any-rank': {
    family: 'distributed_rms_norm',
    repo: 'tenstorrent/tt-mlir',
    pr: 8099,
    // Squash-merged on tt-mlir main as 5b85073 (2026-04-27 22:06 UTC).
    mergedOn: '2026-04-27',
    dateFrom: 'merge',
    what: 'the decomposition keeps on the fused kernel any (1, …, 1, 32, M) input with a weight, reshaped to (1, 1, 32, M) around the op; before, only a rank-4 (1, 1, 32, M) one (from drms-norm-decomposed-primitives a rank-3 (1, 32, M) one was decomposed; before that it reached RMSAllGather, which rejects rank ≠ 4)',
    before:
      'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@30d4578 (isSupportedByFusedKernel: rank 4 only)',
    after:
      'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@5b85073 (isEligibleForFusedKernel, rewriteDistributedRMSNormWithReshape), kept to @19c86fc',
  },
  'drms-norm-decomposed-pre-all-gather': {
    family: 'distributed_rms_norm',
    repo: 'tenstorrent/tt-mlir',
    pr: 8351,
    // Squash-merged on tt-mlir main as d25e839 (2026-05-29 09:50 UTC).
    mergedOn: '2026-05-29',
    dateFrom: 'merge',
    what: 'the decomposition computes the local statistics with rms_norm_pre_all_gather ([.., 32] per device) instead of multiply + mean; the gathered [.., 32·n] stats are reshaped to [.., n, 32], column 0 sliced, flattened to [.., n] and averaged; an input of rank < 4 is first reshaped to 1x..xHxW (and the result back)',
    before:
      'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@30d4578 and @f017d0c (multiply, mean, all_gather of [.., 1])',
    after:
      'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@d25e839 (rms_norm_pre_all_gather, reshape, slice_static, reshape, mean)',
  },
  'drms-norm-decomposed-stats-scale': {
    family: 'distributed_rms_norm',
    repo: 'tenstorrent/tt-mlir',
    pr: 8798,
    // Squash-merged on tt-mlir main as d21e289 (2026-06-17 20:26 UTC).
    mergedOn: '2026-06-17',
    dateFrom: 'merge',
    what: 'the decomposition scales the averaged per-device sum(x²) by 1 / W (full + multiply on the [.., 1] row) before adding epsilon: one more binary program on the stats row',
    before: 'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@d25e839',
    after: 'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@d21e289 (kept to @19c86fc)',
  },
  'to-layout-tilize-multicore-width-check-dropped': {
    family: 'tilize/untilize',
    pr: 17790,
    // The same merge as 'tilize-untilize-padding-block-factory' (6c77212, 2025-02-28, nyoshifujiTT/tt-metal first-parent).
    mergedOn: '2025-02-28',
    dateFrom: 'merge',
    what: 'to_layout stops computing use_multicore_device_tilize (multicore tilize only for a row of at most (l1_size/2 − base) / (T_in + T_out) tiles) and passes use_multicore = true; before, a wider row ran single-core, and a sharded input, whose validation requires use_multicore, was rejected (TT_FATAL "Error")',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@365d3c7 (use_multicore_device_tilize); …/tilize/device/tilize_op.cpp@365d3c7 (validate)',
    after: 'tt-metal ttnn/cpp/ttnn/operations/core/to_layout/to_layout_op.cpp@6c77212 (use_multicore_tilize = true)',
  },
  'conv2d-dram-slice-grid-raw-output': {
    family: 'conv2d',
    pr: 33763,
    // Squash-merged on main as af7d566 ("Make auto slicing logic generic", 2025-12-17 08:13 UTC; nyoshifujiTT/tt-metal
    // first-parent history), the same merge as conv2d-dram-auto-slice-axis.
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: 'a DRAM-path conv2d slice of a tiled output whose width is not whole tiles (its input padded on the right to a tile-wide output) takes its shard scheme (auto shard) and input shard grid from the unpadded output slice, then runs the conv on the padded slice with that grid (the sliced input arrives sharded so); before, both from the tile-wide output',
    before:
      'tt-metal conv2d.cpp@ff74426 (Conv2dSliceAttr::get_input_memory_config: output_slice_width += additional_padded_width before determine_conv_config_for_auto_shard and determine_input_memory_config; conv2d_DRAM@cc833cd the same)',
    after:
      'tt-metal conv2d.cpp@af7d566, @c60fc18, @70d2e23, @cb76be1 (get_input_memory_config: output_slice_height / _width = output_slice_end − output_slice_start, raw; run_L1_op: conv2d_L1 on the padded slice, shard_layout from the sharded slice)',
  },
  'conv2d-dram-slice-grid-padded-output': {
    family: 'conv2d',
    pr: 41917,
    // "Fix conv2d DRAM slicing L1 estimation for tile-padded edge slices" (tt-metal #41918), merged on main as
    // 7785814f74 (2026-04-20 15:37 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-20',
    dateFrom: 'merge',
    what: "a DRAM-path conv2d slice takes its shard scheme and input shard grid from the padded slice's own output (calculate_output_image_size of the input slice and its padding: tile-wide for a tiled output), as it did before change point conv2d-dram-slice-grid-raw-output",
    before: 'tt-metal conv2d.cpp@7785814f74~1 (get_input_memory_config on the raw output slice)',
    after:
      'tt-metal PR #41917, conv2d.cpp@7785814f74 and @622c6fb (get_input_memory_config: get_input_slice_and_padding, then calculate_output_image_size)',
  },
  'conv2d-dram-slice-whole-input-unpadded': {
    family: 'conv2d',
    pr: 33763,
    // Squash-merged on main as af7d566 ("Make auto slicing logic generic", 2025-12-17 08:13 UTC; nyoshifujiTT/tt-metal
    // first-parent history), the same merge as conv2d-dram-slice-grid-raw-output.
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: "a DRAM-path conv2d slice of a tiled output whose input window is the whole image (a dilated kernel spanning it) keeps its output width as cut: the right padding that makes a slice tile-wide is added only when the slice's input is not the whole input (single_slice); before, every slice of a count above 1 was padded",
    before:
      'tt-metal conv2d.cpp@14b5be1cb4 (conv2d_DRAM / get_conv2d_slice_input_and_padding: additional_padded_width whenever output_slice_width % 32 != 0)',
    after:
      'tt-metal conv2d.cpp@af7d566, @6d3661b30c, @622c6fb (Conv2dSliceAttr::get_input_slice_and_padding: `&& !single_slice`)',
  },
  'conv2d-dram-slice-fit-by-own-estimate': {
    family: 'conv2d',
    pr: 33763,
    // Squash-merged on main as af7d566 ("Make auto slicing logic generic", 2025-12-17 08:13 UTC; nyoshifujiTT/tt-metal
    // first-parent history), the same merge as conv2d-dram-auto-slice-axis. Read at every commit to 622c6fb that touches
    // the functions: read span conv2d-dram-slice-own-estimate-2025-12-2026-06.
    mergedOn: '2025-12-17',
    dateFrom: 'merge',
    what: "the model decides whether a conv2d DRAM slice count fits by tt-metal's own per-slice figure, the one op_slicing's determine_slice_config compares with total_free_bytes: Conv2dSliceAttr::get_L1_usage = max(halo input + halo output, CBs + OUT + halo output) from calculate_L1_usage_for_conv_op (channels aligned as for an unsliced input, the ACT CB always counted, no halo program CBs), the largest over the count's slices; a slice without shard_layout is auto-sharded by that function too (get_input_memory_config's determine_conv_config_for_auto_shard ranks with the unsliced alignment and the ACT CB), the winner run on the slice's 8-aligned grid; before, the model's own per-slice L1 (input + halo + halo program CBs; halo + conv output + the run's CBs), conv2d's own calculate_conv_dram_slice_L1_usage of PR #27147 not being read",
    before:
      "tt-metal conv2d_utils.cpp@af7d566~1 (calculate_conv_dram_slice_L1_usage, conv2d's own slicer: not read commit by commit, the model's own fit)",
    after:
      'tt-metal conv2d.cpp@af7d566 (Conv2dSliceAttr::get_L1_usage, get_input_memory_config), conv2d_utils.cpp@af7d566 (calculate_L1_usage_for_conv_op, get_input_channels_alignment, determine_input_memory_config, conv2d::calculate_L1_usage: CBs not globally allocated + the OUT CB), op_slicing.cpp@af7d566 (compute_L1_usage_for_slice_config: the max over the slices; total_free_bytes >= l1_usage); the same at @622c6fb',
  },
  'layernorm-block-divisibility-fatal': {
    family: 'norm',
    // "#21564: convert some TT_ASSERT statements to TT_FATAL statements", squash-merged on main as 3a99e8b (2025-06-02
    // 20:19 UTC; nyoshifujiTT/tt-metal first-parent history). Found by read span layernorm-interleaved-multicore.
    pr: 22869,
    mergedOn: '2025-06-02',
    dateFrom: 'merge',
    what: 'the interleaved layer/rms norm factory rejects CB tile counts not divisible by the block size (TT_FATAL "Buffer size in0_t (60) must be divisible by block_size (8)"); before, the check was a TT_ASSERT, compiled only into DEBUG builds, so a release build ran the large-tensor kernel with those CBs',
    before:
      'tt-metal …/layernorm/device/multi_core/layernorm_op_multi_core.cpp@3a99e8b~1 (TT_ASSERT(in0_t % block_size == 0 && …)); tt_metal/api/tt-metalium/assert.hpp@3a99e8b~1 (TT_ASSERT empty without DEBUG)',
    after: 'the same factory @3a99e8b (TT_FATAL per buffer), kept to 6cecd5d (change point layernorm-fixed-block)',
  },
  'nlp-concat-heads-decode-padded-heads-tiles': {
    family: 'heads',
    // "nlp_concat_heads_decode: support padded_heads > 32", squash-merged on main as 58eb1ea (2026-04-29 15:37 UTC;
    // nyoshifujiTT/tt-metal first-parent history). Found by read span nlp-concat-heads-decode-factory.
    pr: 43252,
    mergedOn: '2026-04-29',
    dateFrom: 'merge',
    what: 'nlp_concat_heads_decode accepts an input whose padded head count (dim 2) is any multiple of 32; before, exactly 32 ("currently only support 32 padded heads")',
    before:
      'tt-metal …/nlp_concat_heads_decode/device/nlp_concat_heads_decode_device_operation.cpp@58eb1ea~1 (TT_FATAL(input_shape[2] == 32))',
    after: 'the same file @58eb1ea and @622c6fb (TT_FATAL(input_shape[2] % 32 == 0))',
  },
  'paged-update-cache-shard-cores-users': {
    family: 'kv_cache',
    // "[ttnn] paged_update_cache: validate input shard num_cores == num_users", squash-merged on main as 5fe8af2
    // (2026-05-27 07:30 UTC; nyoshifujiTT/tt-metal first-parent history). Found by read span paged-update-cache-factory.
    pr: 45016,
    mergedOn: '2026-05-27',
    dateFrom: 'merge',
    what: "paged_update_cache rejects an input whose shard grid's core count differs from its users (padded dim 1): the kernel dispatches one user per core; before, no such check",
    before:
      'tt-metal …/paged_cache/device/update_cache/paged_update_cache_device_operation.cpp@5fe8af2~1 (validateSharding: width, orientation, shard height only)',
    after: 'the same file @5fe8af2 and @622c6fb (TT_FATAL(input_num_shards == num_users))',
  },
  'unary-ng-first-ops': {
    family: 'eltwise (unary)',
    pr: 40294,
    // "#32376: Introduce new unary_ng infra", squash-merged on main as 55e065a (2026-03-27 17:01 UTC; nyoshifujiTT/
    // tt-metal first-parent history). It moves abs, neg, acos, asin, asinh, atan, cos, exp2, expm1, isfinite,
    // logical_not, reciprocal, relu, relu6, sign, silu, sin, square, tan, bitwise_not, floor, ceil, hardsigmoid and cbrt
    // (among ops not modeled) from unary.hpp's REGISTER_UNARY_OPERATION to unary_ng.hpp; the other unary ops follow with
    // change point unary-mixed-memory-layouts (PR #41001). Found by the session-33 reading of the unary programs.
    mergedOn: '2026-03-27',
    dateFrom: 'merge',
    what: "the unary ops PR #40294 moves run UnaryNgDeviceOperation: its validate lets input and output memory layouts differ, and it binds c_0 / c_2 to the shards only under is_native_L1_sharding (both sharded, in L1, on one grid, neither uneven), else 2-tile CBs on split_work_to_cores; before, UnaryDeviceOperation (layouts must match; a sharded input's UnaryShardedProgramFactory binds both CBs)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/unary.hpp@55e065a~1 (REGISTER_UNARY_OPERATION(relu, RELU) … → prim::unary); unary_device_operation.cpp@55e065a~1 (select_program_factory, validate)',
    after:
      'tt-metal PR #40294: unary_ng/unary_ng.hpp@55e065a (DECLARE_UNARY_NG_OP), unary_ng/device/unary_ng_device_operation.cpp@55e065a (validate), unary_ng/common/unary_ng_utils.cpp@55e065a (is_native_L1_sharding, get_shard_specs), unary_ng/device/unary_ng_program_factory.cpp@55e065a (c_0 / c_2)',
  },
  'cbrt-unary-no-tmp-cb': {
    family: 'eltwise (unary)',
    pr: 38279,
    // "Optimise and improve precision for `cbrt`", squash-merged on main as 2ecbb1a (2026-02-24 10:30 UTC; nyoshifujiTT/
    // tt-metal first-parent history). Found by the session-33 reading of the unary programs; unary_ng's needs_tmp0_cb
    // (@55e065a: HARDSHRINK, LOGIT) never has CBRT either.
    mergedOn: '2026-02-24',
    dateFrom: 'merge',
    what: "cbrt's unary program has no c_1 temporary CB (the kernel no longer needs one); before, c_1 of the input CB's size from change point cbrt-unary-sfpu",
    before:
      'tt-metal unary_program_factory.cpp and unary_sharded_program_factory.cpp@2ecbb1a~1 (c_1 for HARDSHRINK, CBRT, LOGIT)',
    after:
      'tt-metal PR #38279, unary_program_factory.cpp and unary_sharded_program_factory.cpp@2ecbb1a (c_1 for HARDSHRINK and LOGIT only)',
  },
  'copy-rm-page-buffer-alignment': {
    family: 'copy',
    pr: 29189,
    // "Use correct alignment for ttnn copy (fixes slice_write BH test)", squash-merged on main as 9f264de (2025-09-24
    // 20:33 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-09-24',
    dateFrom: 'merge',
    what: "the copy program's row-major pages (c_0's input rows, c_16's output rows on a dtype change) are aligned to their buffer's alignment (L1 16 B, DRAM 32 B on Wormhole), not rounded up to 32 B",
    before:
      'tt-metal …/data_movement/copy/device/copy_program_factory.cpp@9f264de~1 (aligned_input_unit_size = round_up_to_mul32(input_unit_size), the output likewise)',
    after:
      'tt-metal copy_program_factory.cpp@9f264de (tt::align(unit, buffer()->alignment())); copy_same_memory_config_program_factory.cpp@2ee6b13, @622c6fb (the same)',
  },
  'sdpa-prefill-f32-q-scalars': {
    family: 'attention',
    pr: 41637,
    // "Reduce compute and dataflow helpers", squash-merged on main as 7fb82fd (2026-04-24 08:59 UTC;
    // nyoshifujiTT/tt-metal first-parent history); the same commit as change point sdpa-decode-f32-q-scalars.
    mergedOn: '2026-04-24',
    dateFrom: 'merge',
    what: "SDPA prefill's (and chunked / flash MLA prefill's) identity-scale and column-identity CBs (c_5, c_7; sequential ids from #45104) take scalar_df = Float32 when Q is FLOAT32; before, Float16_b for every Q (an f32 Q: 2 x 2,048 B more from here)",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@7fb82fd~1 (scalar_df = Float16_b)',
    after:
      'the same file @7fb82fd (scalar_df = Q FLOAT32 ? Float32 : Float16_b), kept by ec56365 and 5e9f894 to @622c6fb',
  },
  'sdpa-mask-prescale': {
    family: 'attention',
    pr: 42891,
    // "Fix SDPA mask scaling to match PyTorch semantics", squash-merged on main as 955f2bb (2026-04-28 09:31 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-28',
    dateFrom: 'merge',
    what: "ttnn.scaled_dot_product_attention given a mask first runs ttnn::multiply(mask, 1 / scale) (scale the op's, else 1/sqrt(head_dim); skipped only for a scale of exactly 1) and hands the SDPA program that product: a binary program and a mask-sized tensor in the mask's memory config before the SDPA program, which the model does not size (`approx`)",
    before: 'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/sdpa.cpp@955f2bb~1 (attn_mask passed as given)',
    after: 'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/sdpa.cpp@955f2bb and @622c6fb (effective_mask)',
  },
  'sdpa-sliding-window-mask-cb': {
    family: 'attention',
    pr: 45104,
    // "Fix ring joint SDPA streaming CB setup", squash-merged on main as 5e9f894 (2026-05-26 09:22 UTC;
    // nyoshifujiTT/tt-metal first-parent history): the single-chip factory moved to sequential CB ids too.
    mergedOn: '2026-05-26',
    dateFrom: 'merge',
    what: 'SDPA prefill creates its mask CB for a sliding window too (needs_mask_cb adds sliding_window_size > 0): a non-causal sliding-window call without a mask or padding, on the non-streaming path (sliding windows stream from change point sdpa-streaming-sliding-window), gets the double-buffered Sq_chunk_t·Sk_chunk_t Bfp4_b mask; before, no mask CB',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_program_factory.cpp@5e9f894~1 (c_3 for use_provided_mask or is_causal or use_padded_mask)',
    after:
      'the same file @5e9f894 and @622c6fb (needs_mask_cb = use_provided_mask || is_causal || use_padded_mask || sliding_window_size > 0)',
  },
  'sdpa-sliding-window-mask-exclusive': {
    family: 'attention',
    pr: 46600,
    // "sdpa streaming: support user-provided (dense) masks", 1bbb556 (2026-06-12 09:09 UTC), the same commit as change
    // point sdpa-streaming-provided-mask.
    mergedOn: '2026-06-12',
    dateFrom: 'merge',
    what: 'SDPA prefill\'s validation rejects a sliding_window_size together with an attn_mask (TT_FATAL "sliding_window_size and attn_mask cannot both be present"); before, the pair ran',
    before: 'tt-metal ttnn/cpp/ttnn/operations/transformer/sdpa/device/sdpa_device_operation.cpp@6489100',
    after: 'the same file @1bbb556 and @622c6fb (validate_on_program_cache_miss)',
  },
  'fill-pad-border-tiles': {
    family: 'gather',
    pr: 42673,
    // "Improve FillPadDeviceOperation performance", squash-merged on main as 9cb25bbb (2026-05-20 01:41 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-05-20',
    dateFrom: 'merge',
    what: "fill_pad (gather's fill_implicit_tile_padding) works on whole tiles: c_0 and c_16 hold 2 tiles each, c_1 / c_2 one mask tile when the width / height is padded, split over the border tiles (N·(Ht−1 or Ht) right, N·(Wt−1 or Wt) bottom, N corners); an L1-sharded input runs FillPadL1ShardedProgramFactory. Before: one CB c_0 of 2 pages of elem·16 + 2 B, split over the rank-3 view's N slices",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/fill_pad/device/fill_pad_program_factory.cpp@9cb25bbb^ (cb_page_size = elem·FACE_HEIGHT + 2, c_0 = 2 pages; split_work_to_cores(grid, logical[-3])); the same CB lines at each factory commit from d6e9bf6 (2025-05-20) on',
    after:
      'tt-metal fill_pad_program_factory.cpp@9cb25bbb (c_0 2·tile, c_1/c_2 tile if padded, c_16 2·tile; split over total_work border tiles), the same CBs at 1ff24da, e728116, ef1afdb, fdefd7c',
  },
  'tilize-with-val-padding-single-core-fallback': {
    family: 'tilize/untilize',
    pr: 16633,
    // "Tilize with val padding results in L1 cache OOM", committed on main as ea6d5c0 (2025-01-13 23:27 UTC;
    // nyoshifujiTT/tt-metal first-parent history); replaced by the block factory of PR #17790 (6c77212, 2025-02-28).
    mergedOn: '2025-01-13',
    dateFrom: 'merge',
    what: "tilize_with_val_padding's multi-core interleaved factory falls back to its single-core factory when a tile row does not fit the free L1 (get_max_l1_space: the lowest occupied L1 address, else l1_size, less the base, not above (T_in + T_out) · Wt); before, it allocated the Wt-tile CBs and threw",
    before:
      'tt-metal …/tilize_with_val_padding/device/tilize_with_val_padding_program_factory.cpp@ea6d5c0~1 (tilize_with_val_padding_multi_core_interleaved: c_0, c_16 of Wt tiles, no space test)',
    after:
      'tt-metal PR #16633; tilize_with_val_padding_program_factory.cpp@ea6d5c0 and @6c77212~1 (enough_available_space → tilize_with_val_padding_single_core)',
  },
  'tilize-block-staging-cb': {
    family: 'tilize/untilize',
    pr: 44307,
    // "Add support for fp8 -> bfp8 for tilize op", committed on main as 54b521d (2026-06-01 17:28 UTC;
    // nyoshifujiTT/tt-metal first-parent history). The budget follows at change point tilize-block-staging-budget.
    mergedOn: '2026-06-01',
    dateFrom: 'merge',
    what: "the tilize and tilize_with_val_padding block factories add c_1, a row staging CB of (T_in / 32) · k + 2 · dram_alignment bytes beside each group's c_0 / c_16 of k tiles, while the sub-block limit stays max_l1 / (T_in + T_out); before, c_0 and c_16 only",
    before:
      'tt-metal …/tilize/device/tilize_multi_core_block_program_factory.cpp@4b30829 and …/tilize_with_val_padding_multi_core_block_interleaved_program_factory.cpp@4b30829 (push_padded_cb_pair: c_0, c_16)',
    after:
      'tt-metal PR #44307; tilize_multi_core_block_program_factory.cpp@54b521d, @622c6fb and tilize_with_val_padding_multi_core_block_interleaved_program_factory.cpp@54b521d, @622c6fb (c_1 temp_cb_size = input_single_tile_size / TILE_HEIGHT · num_tiles + 2 · dram_alignment; cb_block_size_limit = max_l1_size / (in + out))',
  },
  'untilize-with-unpadding-multicore-default': {
    family: 'tilize/untilize',
    pr: 16555,
    // "Enable multi-core and fixing bfloat8 for untilize with unpadding", committed on main as a686bf9 (2025-01-10
    // 16:26 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-01-10',
    dateFrom: 'merge',
    what: 'ttnn.untilize_with_unpadding called directly defaults use_multicore to true (the multi-core factories); before, false (the single-core factory). to_layout passes use_multicore = true either way',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize_with_unpadding/untilize_with_unpadding.hpp@a686bf9~1 (use_multicore = false)',
    after: 'tt-metal PR #16555; untilize_with_unpadding.hpp@a686bf9 (use_multicore = true)',
  },
  'untilize-interleaved-single-block-single-buffer': {
    family: 'tilize/untilize',
    pr: 23198,
    // The same merge as untilize-full-sharding (f73c77e3c3, 2025-06-12 16:05 UTC; nyoshifujiTT/tt-metal first-parent).
    mergedOn: '2025-06-12',
    dateFrom: 'merge',
    what: 'the multi-core untilize of an interleaved input (UntilizeMultiCoreProgramFactory) makes c_0 and c_16 one block (Wt tiles) each when a core untilizes one tile row, two when more; before, 2·Wt tiles each whatever the rows per core',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/untilize/device/untilize_program_factory.cpp@3a255e7 (untilize_multi_core: num_input_tiles = ntiles_per_block · 2, num_output_tiles = ntiles_per_block · 2 unless sharded)',
    after:
      'tt-metal PR #23198; untilize_program_factory.cpp@f73c77e (input_cb_num_tiles / output_cb_num_tiles: num_tiles_per_input_block when num_input_blocks_per_full_core == 1, else twice); factories/untilize_multi_core_program_factory.cpp@622c6fb',
  },
  'untilize-max-tiles-input-tile': {
    family: 'tilize/untilize',
    pr: 27194,
    // "Hackathon AI finds", committed on main as 39ed86f509 (2025-08-26; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2025-08-26',
    dateFrom: 'merge',
    what: "ttnn::untilize's test for a row too wide for the multi-core factory (then the column factory for one tile row, else single core) divides (l1_size/2 − base) by twice the input tile (get_pf_type); before, by the input plus the output tile (untilize_multi_core's max_tiles_per_cb): the two differ only for a block-float input (1,088 + 2,048 B against 2·1,088 B)",
    before:
      'tt-metal …/untilize/device/untilize_program_factory.cpp@3949130, @f73c77e (max_tiles(_per_cb) = max_l1_size / (input_single_tile_size + output_single_tile_size))',
    after:
      'tt-metal PR #27194; untilize_op.cpp@39ed86f (get_pf_type: max_l1_size / (2 · single_tile_size) of the input); untilize_device_operation.cpp@622c6fb',
  },
  'reduce-fill-implicit-tile-padding': {
    family: 'reduction',
    pr: 16925,
    // "#12662: pad generic reduce op input", squash-merged on main as b6957c4 (2025-01-22; nyoshifujiTT/tt-metal
    // first-parent history). Still so at 622c6fb: generic_reductions.cpp's reduce() changed the call only for INT32
    // pad values (ebab885, ef1afdb).
    mergedOn: '2025-01-22',
    dateFrom: 'merge',
    what: "ttnn.sum / mean / max / min of a TILE input whose last two logical dims are not tile multiples first run fill_implicit_tile_padding: a fill_pad program (the input reshaped to 3-D when its rank is above 3) writing the reduce's pad value into the tile padding; before, the reduce read the input as given",
    before:
      'tt-metal ttnn/cpp/ttnn/operations/reduction/generic/generic_reductions.cpp@b6957c4~1 (reduce() passes input_tensor_arg to the reduce as given)',
    after:
      'tt-metal generic_reductions.cpp@b6957c4 (input_tensor = is_tiled ? fill_implicit_tile_padding(input_tensor_arg, pad_value) : input_tensor_arg), the same at 5895de3, 8b99879 and 622c6fb; data_movement/fill_pad/fill_pad.cpp@b6957c4 and @622c6fb (no program when the last two logical dims are tile multiples)',
  },
  'reshape-int32': {
    family: 'reshape',
    pr: 25585,
    // "enable int32 on reshape", squash-merged on main as 76b41ae (2025-08-01 03:45 UTC, authored 2025-07-31;
    // nyoshifujiTT/tt-metal first-parent history): the first day built with it is taken.
    mergedOn: '2025-08-01',
    dateFrom: 'merge',
    what: 'reshape\'s device operation (the row-major and the tiled program) accepts INT32 tensors; before, only BFLOAT16, FLOAT32 and UINT32 ("Can only work with bfloat16/float32 or uint32 tensors"); UINT16, UINT8 and BFLOAT4_B are refused throughout',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/reshape_view/device/reshape_rm_op.cpp@d30b8c2 (RM_RESHAPE_STRUCT::validate), reshape_device_operation.cpp@ed0a405 … @acde882 (ReshapeDeviceOperation::validate)',
    after:
      'tt-metal PR #25585, reshape_device_operation.cpp@76b41ae ("Can only work with bfloat16/float32 or int32/uint32 tensors"); the same list at ebbcdf2 (validate_on_program_cache_miss), c83c151 (ReshapeViewDeviceOperation) and 622c6fb',
  },
  'concat-batches-of-47-all': {
    family: 'concat',
    pr: 42109,
    // "Fix concat hang with 48 inputs on N150", squash-merged on main as 6ddfde3 (2026-04-14 21:14 UTC;
    // nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-14',
    dateFrom: 'merge',
    what: 'interleaved concat batches hold 47 inputs on every cluster; before (from PR #41073), 47 on N300, T3K and N300_2x2 clusters (Ethernet dispatch) and 49 on the others (N150 hung at 48): the model, not knowing the cluster, takes 47 and is approx on those builds',
    before:
      'tt-metal concat_device_operation.cpp@efa765c (calculate_max_tensors_per_concat: likely_eth_dispatch ? 47 : 49 by GetClusterType)',
    after: 'tt-metal PR #42109, concat_device_operation.cpp@6ddfde3 … @622c6fb (constexpr max_tensors = 47)',
  },
  'concat-interleaved-to-sharded-rejected': {
    family: 'concat',
    pr: 41566,
    // "#41469: Reject sharded output for interleaved inputs in ttnn.concat", squash-merged on main as f11fd1a
    // (2026-04-17 20:05 UTC; nyoshifujiTT/tt-metal first-parent history).
    mergedOn: '2026-04-17',
    dateFrom: 'merge',
    what: 'validate refuses a sharded output of interleaved inputs ("Cannot concat interleaved inputs into a sharded output"), for every program concat runs (the massaged and batched ones concatenate into the output\'s memory config); before, the interleaved program ran with the sharded output and its kernel failed to compile (tt-metal #41469): not modeled, approx',
    before:
      'tt-metal ttnn/cpp/ttnn/operations/data_movement/concat/device/concat_device_operation.cpp@f11fd1a~1 (select_program_factory: interleaved inputs → ConcatProgramFactory whatever the output)',
    after:
      'tt-metal PR #41566, concat_device_operation.cpp@f11fd1a … @622c6fb (validate_on_program_cache_miss: !shard_first → !output sharded)',
  },
} as const satisfies Record<string, ChangePoint>;

export type ChangePointId = keyof typeof CHANGE_POINTS;

/** Every window the build axis allows (no build information at all). */
export const FULL_WINDOW: TtMetalWindow = { earliest: OLDEST_MODELED_BUILD, latest: NEWEST_MODELED_BUILD };

export function changePoint(id: ChangePointId): ChangePoint {
  return CHANGE_POINTS[id];
}

/**
 * Whether the build has change point `id`. When the window straddles its date, the answer is for the window's newest
 * build and the id is reported to `ctx.ttMetal.straddled`, so the registry can split the window and ask again.
 */
export function atOrAfter(ctx: EstimateContext, id: ChangePointId): boolean {
  const date = CHANGE_POINTS[id].mergedOn;
  const { window } = ctx.ttMetal;
  if (window.earliest >= date) return true;
  if (window.latest < date) return false;
  ctx.ttMetal.straddled?.add(id);
  return true;
}

/**
 * Spans of builds over which a rule's tt-metal sources were read commit by commit (first-parent main history) and found
 * to match the model, with no change inside: a rule whose figure is otherwise `approx` for want of that reading is
 * `exact` when the whole build window lies inside its span (`windowWithinReadSpan`). Not change points: they split no
 * window and change no figure, only the confidence.
 */
export interface ReadSpan {
  readonly family: string;
  readonly earliest: IsoDate;
  readonly latest: IsoDate;
  /** The rule read, in words. */
  readonly what: string;
  /** The sources read and the commits inside the span that touch them, each found not to change the rule. */
  readonly evidence: string;
  /** The sources read, in short, as an estimate's citation names them (`readSpanCite`); else the evidence. */
  readonly citedAs?: string;
}

export const READ_SPANS = {
  'matmul-auto-1d-mcast-in0': {
    family: 'matmul',
    // The day after c262c366 (2026-04-03 20:49 UTC, the last commit before it to touch the selection file: a copyright
    // line) to the day of #43067 (2026-05-05 16:44 UTC, read: only the named-CB compile-arg map moves).
    earliest: '2026-04-04',
    latest: '2026-05-05',
    what: "an interleaved matmul with no program config, bias, activation or transpose_a that create_simple_matmul_program_config sends to get_mcast_1d_config with mcast_in0 (one row of blocks, or a wide narrow shape), and that config's CBs in the 1D mcast-in0 program: per-core factor from get_estimated_size_of_cbs against get_max_l1_space, per_core_M = M/32, per_core_N = ceil(ceil(N / cores) / 32), in0_block_w 2 or 1, get_multi_dim_per_core_factor without in0_block_w adjustment, get_matmul_subblock_params without constraints; c_0 out_block_h·in0_block_w and c_1 out_block_w·in0_block_w tiles, doubled when B·num_blocks > 1, c_4 out_block_h·out_block_w, a separate c_5 when the partials' format differs (packer_l1_acc with more than one K block), the compute config's defaults fp32_acc = f32 output, packer_l1_acc = not f32",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) @b2292f9 (2026-04-29): config/matmul_program_config.cpp (create_simple_matmul_program_config, get_mcast_1d_config, get_per_core_factor, get_multi_dim_per_core_factor, get_matmul_subblock_params: unchanged from c262c366, 04-03, to ebaaa57, 05-15), utilities/matmul_utilities.cpp (get_estimated_size_of_cbs, estimate_interm_tile_size, get_max_l1_space; #42430 of 04-23/24 adds bias-shape helpers only), factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp (process_mcast_in0 CB sizes; inside the span f874151 04-10 a namespace rename, #42427 04-16 and #42430 04-24 compile args for a bias, #43067 05-05 the named-CB map; on Blackhole the c_8/c_9 intermediate-read CBs only for tiles not a multiple of 64 B, which no ttnn dtype has), matmul_device_operation.cpp (init_device_compute_kernel_config defaults; #42430 adds a bias validation only); kernels-only commits #41791 (04-10), #41902 (04-15)',
    citedAs: 'tt-metal @b2292f9 and the commits inside',
  },
  'matmul-auto-2d-all-dram': {
    family: 'matmul',
    // The span of matmul-auto-1d-mcast-in0 (the selection file unchanged from c262c366, 04-03, to ebaaa57, 05-15).
    earliest: '2026-04-04',
    latest: '2026-05-05',
    what: "an all-DRAM-interleaved matmul with no program config, bias, activation or transpose_a that create_simple_matmul_program_config sends to its 2D branch (all_dram_interleaved, not narrow, or blocks on more than one row and column): transpose_mcast false (it needs a block-sharded a), in0_block_w = Kt / grid x when that divides else 1, per_core_M = ceil(Mt / grid y), per_core_N = ceil(Nt / grid x), get_multi_dim_per_core_factor with in0_block_w adjustment (the K loop outside the blocks), get_matmul_subblock_params without constraints; the 2D mcast program's CBs: c_0 out_block_h·in0_block_w and c_1 out_block_w·in0_block_w tiles doubled when B·num_blocks > 1, c_4 the out block, a separate c_5 when the partials' format differs (packer_l1_acc_en: more than two K blocks, or more than one with a bias), compute defaults fp32_acc = f32 output, packer_l1_acc = not f32",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) @b2292f9 (2026-04-29): config/matmul_program_config.cpp (create_simple_matmul_program_config's all-DRAM 2D branch, get_multi_dim_per_core_factor: unchanged from c262c366 to ebaaa57), factory/matmul_multicore_reuse_mcast_2d_program_factory.cpp (CB sizes, packer_l1_acc_en; on Blackhole the c_8/c_9 intermediate-read CBs only for tiles not a multiple of 64 B); the commits inside that touch the factory: f874151 (04-10, a namespace), #42580 (1389d4a, 04-20, a TT_FATAL for a sharded output with B > 1), #42430 / its revert / re-apply (04-23/24, bias helpers and validation), #43553 (61e690c, 05-05, compile-arg order), #43067 (21210d4, 05-05, the named-CB map and activation helpers); #42427 (9875d5a, 04-16) changes the 1D kernel only",
    citedAs: 'tt-metal @b2292f9 and the commits inside',
  },
  'matmul-auto-1d-all-dram-2025': {
    family: 'matmul',
    // From #15938's merge (3787a8a, 2025-01-06) to the day before tt-mlir's ttcore rename era that the corpus dumps of
    // this span end on; 2bb3ccb (2025-06-12) is the last commit under ttnn/cpp/ttnn/operations/matmul before 06-17.
    earliest: '2025-01-06',
    latest: '2025-06-16',
    what: "an all-DRAM-interleaved matmul with no program config, bias, activation or transpose_a that create_simple_matmul_program_config sends to get_mcast_1d_config (mcast_in0 for a wide narrow shape or one row of blocks, mcast_in1 for a tall narrow one or one column), and that config's CBs in the 1D program: per-core factor, per_core_M / per_core_N, in0_block_w, out block and subblock as read span matmul-auto-1d-mcast-in0 describes for mcast_in0 (mcast_in1: per_core_M = ceil(ceil(M / cores) / 32), per_core_N = N/32), the estimate without its sharded-in0 term, the bias term per change point matmul-estimate-bias-term, the compute defaults per change point matmul-default-fp32-acc-f32-output; c_0 and c_1 doubled when B·num_blocks > 1, c_4 the out block, a separate partials CB when its format differs (packer_l1_acc_en: more than one K block for mcast_in0, more than two for mcast_in1); the output and partials CBs were numbered c_16 / c_24 on the earlier builds (c_4 / c_5 later), their bytes the same",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) matmul_op.cpp@3787a8a and @2bb3ccb (is_narrow_shape, estimate_interm_tile_size, get_estimated_size_of_cbs, get_max_l1_space, get_per_core_factor, get_multi_dim_per_core_factor, get_mcast_1d_config, create_simple_matmul_program_config, generate_matmul_program_config, get_core_range, get_matmul_subblock_params: the same but for #17056's bias term, #21366's MCAST_INPUT_BUFFERING_DEPTH = 2 and the sharded-in0 term); git log -G over them (SUBBLOCK_HW_CHOICES, per_core_factor, NARROW_SHAPE, is_narrow, in0_block_w = K, get_mcast_1d_config, default_fp32_acc, default_l1_acc) finds only #15938, #16567, #17056 and #22181 (ab1f1dc, 05-21, reverted 05-22: routing of blocks that do not fit changes, the all-DRAM path does not); matmul_op_multi_core_reuse_mcast_1d_program_factory.cpp create_program_mcast_in0 / create_program_mcast_in1 @3787a8a and process_mcast_in0_ / process_mcast_in1_program_and_create_override_variables @2bb3ccb (in0/in1/out/interm CB sizes and packer_l1_acc_en the same; the commits inside that touch CB lines, 5e7387f, 5db3a16, 1d5d4a0, ae2579b, change gather_in0 only, 378b078 names the 2, 3b28664 no CB line); compute_kernel_config.cpp (880f700 adds get_arch_from_compute_config only)",
    citedAs: 'tt-metal @3787a8a, @2bb3ccb and the commits between',
  },
  'slice-tiled-rm-path': {
    family: 'slice',
    // From f22b9b1 (PR #19441, 2025-03-21, "Slice handles non-aligned tiled inputs") to 622c6fb (2026-06-23). f5f8fc4
    // (PR #45974, 2026-06-15) reroutes only sharded row-major inputs and sharded outputs without a shard spec.
    earliest: '2025-03-21',
    latest: '2026-06-23',
    what: 'an interleaved TILE input with a begin of the last two dims off a tile boundary (unit steps, rank ≥ 2) runs to_layout ROW_MAJOR into the output memory config, the row-major slice (SliceRmProgramFactory: c_0 = 2 · m · page, page = the output row rounded up to max(src, dst) alignment, doubled for a misaligned start; m by change point slice-rm-merge-single-alignment), then to_memory_config (the same interleaved config: no program) and to_layout TILE',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) slice.cpp at every commit from f22b9b1 to c262c36 (2026-04-03; none after until f5f8fc4): rm_only for a TILE input (!no_step || rank 1 || begins off the tile; is_sharded dropped at 0445a2b, 2026-03-17, for sharded inputs only), to_layout(input, ROW_MAJOR, nullopt, memory_config), ret_adjustment to_memory_config + to_layout(input_layout); the row-major factory's compute_cb_size at every commit of slice_program_factory.cpp (7ce4e6d … d0900d6) and slice_program_factory_rm.cpp (6ea225d … fdefd7c): MAX_READ_SIZE 4,096, the doubled alignment, c_0 = num_read_per_barrier · 2 · cb_page_size on all_cores; the merge stride changes at 8ab89d1 (PR #43055); slice.cpp at f5f8fc4 (PR #45974: the composite hop through L1 interleaved only for a sharded ROW_MAJOR input, a block/width-sharded ROW_MAJOR output or a sharded output without a shard spec; resolve_mc fills a missing shard spec only; rm_only and the to_layout / ret_adjustment calls as before; its factory change a page-size override for block/width-sharded buffers, compute_cb_size the same) and 9890788 (2026-06-16, with_shard_spec spelled out), none after to 622c6fb",
    citedAs: 'tt-metal slice.cpp and the row-major slice factory at every commit inside (slice.ts)',
  },
  'concat-s2s-multi-height-sharded-w': {
    family: 'concat',
    // From 498e08d (PR #33779, 2025-12-05: concat on the new device-operation infra) to 622c6fb (2026-06-23), the newest
    // build the snapshot holds.
    earliest: '2025-12-05',
    latest: '2026-06-23',
    what: 'a concat of more than two L1 height-sharded rank-4 inputs on the last dim into an L1 height-sharded output runs ConcatS2SMultiProgramFactory, whose input and output CBs are all bound to the shards (no CB-region bytes)',
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) concat_device_operation.cpp at every commit from 498e08d to 622c6fb: select_program_factory sends sharded inputs with a sharded output and more than two inputs to the S2S multi factory (restructured at 5a7d275, PR #42752: dim 2 or 3 and not ND-sharded, the same for these), validate_on_program_cache_miss allows width concat on height-sharded inputs (PR #41566 at f11fd1a adds a check for interleaved inputs only); concat_s2s_multi_program_factory.cpp: every CB set_globally_allocated_address / CBDescriptor .buffer on its tensor (30e53f lines unchanged to 5a7d275; the descriptor port 438eaf0, PR #43535, keeps them bound)',
    citedAs: 'tt-metal concat_device_operation.cpp and the S2S multi factory at every commit inside (concat.ts)',
  },
  'repeat-rm-round-trip': {
    family: 'repeat',
    // From b45f5a2 (2025-02-05: the last-dim and higher-dim programs in device/host/repeat_program_factory.cpp) to the
    // day before 7c23328 (PR #46318, 2026-06-21, "Extend universal input/output support for ttnn::repeat").
    earliest: '2025-02-05',
    latest: '2026-06-20',
    what: 'ttnn::repeat with a repetition per input dim: sharded_to_interleaved of a sharded input (its buffer type), to_layout ROW_MAJOR of a TILE input, one row-major program per dim whose repetition is not 1, from the last dim to the first (the last dim by the last-dim factory: c_0 = c_1 = 2s, 4s, 8s or 16s for s = W·elem a multiple of 8, 4, 2 or neither; the others by the higher-dim factory: c_0 = c_1 = 2·64 + W·elem of the tensor so far), each into the output memory config made interleaved, to_layout TILE back, interleaved_to_sharded to a sharded output',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) repeat.cpp at every commit from b45f5a2 to 4b30829 (the same sequence; queue_id, to_layout arguments and namespaces aside), device/host/repeat_program_factory.cpp@b45f5a2 … @0e9a565 and device/repeat_program_factory_{last,higher}_dim.cpp@a438328 … @4b30829 (PR #43840's CBDescriptors: the same sizes on total_cores)",
  },
  'reshard-tiled-generic': {
    family: 'to_memory_config',
    // From 5aa764d (PR #33270, 2025-12-05: reshard on the new device-operation infra) to 622c6fb (2026-06-23).
    earliest: '2025-12-05',
    latest: '2026-06-23',
    what: "a tiled sharded → sharded to_memory_config with no dtype change into an L1 shard, not height → height: ttnn::reshard (to_memory_config's s2i → i2s workaround is for row-major tensors only; from PR #41413 can_use_reshard passes: validation has no tiled check, its CB checks are for height → height and DRAM → DRAM), is_valid_for_legacy_reshard (an L1 output) → ReshardGenericFactory, whose one CB c_16 is bound to the output shard",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) to_memory_config_op.hpp / .cpp at 5aa764d, c83c151, 2ee6b13 (PR #40964), 1ed3656 (PR #41413, can_use_reshard), 7cdaf9d; reshard_device_operation.cpp select_program_factory and is_valid_for_legacy_reshard at every commit 5aa764d … 4b30829 (the same at 622c6fb; 1ed3656 excludes ND-sharded layouts only); reshard_program_factory_generic.cpp: CircularBufferConfig(total_size) .set_globally_allocated_address(output) at every commit to 1ed3656, CBDescriptor .buffer = the output at 4b30829 (PR #43840)',
  },
  'matmul-auto-multicore-2025-01': {
    family: 'matmul',
    // The builds before #15938 (3787a8a, 2025-01-06) from the oldest modeled one; no first-parent commit touches
    // ttnn/cpp/ttnn/operations/matmul between d0326ed (2024-12-29) and 3787a8a.
    earliest: '2025-01-01',
    latest: '2025-01-05',
    what: 'an interleaved matmul with no program config, bias, activation or transpose_a for which the late-2024 create_simple_matmul_program_config (createSimpleLegacy) picks MatmulMultiCoreProgramConfig, and that factory: c_0, c_1 and the output CB of 2 tiles each',
    evidence:
      'tt-metal matmul_op.cpp@0155a43 (the source of createSimpleLegacy, wusatosi/tt-metal) against main on these builds, @bf94433 (3787a8a~1): create_simple_matmul_program_config, generate_matmul_program_config, get_per_core_factor, get_estimated_size_of_cbs, estimate_interm_tile_size, is_narrow_shape and get_core_range are the same text; matmul_op_multi_core_program_factory.cpp@bf94433 (num_input_tiles 2, num_output_tiles 2; unchanged from 352e61a, 2024-11-27, to 250ef95, 2025-01-08)',
    citedAs: 'tt-metal @bf94433 against @0155a43',
  },
  'conv2d-sharded-matmul-1x1-2026-spring': {
    family: 'conv2d',
    // cb11809 (2026-03-05 23:45 UTC) to de47eb4 (2026-05-05 23:59 UTC), first-parent main (nyoshifujiTT/tt-metal).
    earliest: '2026-03-06',
    latest: '2026-05-05',
    what: "a 1x1 stride-1 unpadded conv2d whose tiled input is already height or block sharded as it runs (or resharded by one to_memory_config program ops/memoryConfig.ts estimates exactly; no tilize) and whose result is the conv's own sharded output (or a to_memory_config copy of it estimated exactly), given a conv2d_config: use_matmul_for_1x1_conv, the input's parallel config kept for the output (determine_output_parallel_config for a matmul conv), per_core_M/N from get_conv_configs, act_block_w from determine_per_core_conv_block_config, determine_matmul_op_config_from_conv_op_config (height: 1D mcast_in1 with in0_block_w = act_block_w, out_block = per_core; block: 2D), and those matmul programs' CBs: 1D c_0 on the shard (one K block), c_1 per_core_N·in0_block_w doubled over several K blocks, bias per_core_N, c_4 on the output, c_5 only when the partials' format (Float32 / Float16_b under packer_l1_acc_en / the output's) differs; 2D c_0 and c_1 doubled over several K blocks, c_2 on the shard, c_6 64 B",
    evidence:
      "tt-metal de47eb4 (2026-05-05): conv2d_utils.cpp (determine_matmul_op_config_from_conv_op_config, determine_output_parallel_config, determine_per_core_conv_block_config, determine_packer_l1_acc, get_conv_default_compute_kernel_config), conv2d.cpp (conv2d_L1: tilize_with_optional_deallocation, then ttnn::linear with the conv's program config, output memory config and compute config), matmul_multicore_reuse_mcast_1d_program_factory.cpp (process_mcast_in1_program_and_create_override_variables) and matmul_multicore_reuse_mcast_2d_program_factory.cpp (CB sizes); git diff cb11809..de47eb4 of conv2d.cpp, conv2d_utils.cpp, conv2d.hpp and the device-operation types (padding_mode, halo compute config, #41917 DRAM-slice estimate, #43193 reader indices, namespaces), and the commits inside that touch the two matmul factories: #40172 (7dde75c, 03-25) and #40921 (c0d41ee, 03-27) reuse in0 only for an interleaved in0 with in1 batch > 1, #40905 (09d6c79) in0 strides, #40619 ring matmul, f874151 / c262c36 names, #42427 (9875d5a), #42430 / revert / re-apply (04-23/24), #43553 and #43067 (05-05) compile args, #42580 (1389d4a) a TT_FATAL for a sharded output with B > 1; the reshard before and the copy after (session 28): shard_or_reshard_tensor_if_required's to_memory_config and conv2d_L1's closing to_memory_config unchanged by that diff",
    citedAs: 'tt-metal @de47eb4 and the commits since @cb11809',
  },
  'matmul-explicit-1d-mcast-in0': {
    family: 'matmul',
    // From the day after e617a17 (2026-03-04 22:11 UTC, the last commit before it touching the 1D factory, matmul.cpp
    // or the device op: #37845, transpose_a padding) to the day of #43067 (21210d4, 2026-05-05 16:44 UTC); the next,
    // 0099c93 (05-07), drops a batched-input TT_FATAL in matmul.cpp.
    earliest: '2026-03-05',
    latest: '2026-05-05',
    what: "a matmul / linear with an explicit MatmulMultiCoreReuseMultiCast1DProgramConfig with mcast_in0 (gather_in0, untilize_out and fused_activation unset) on interleaved a and b, a one-tile-row interleaved bias fused or none, no activation or transpose_a: the 1D mcast-in0 program's CBs — c_0 out_block_h·in0_block_w and c_1 out_block_w·in0_block_w tiles, doubled when B·num_blocks > 1, c_4 the out block (the per_core_M·per_core_N shard, bound to it, for a sharded output), a separate c_5 when the partials' format differs (packer_l1_acc with more than one K block) or a sharded output has several block rows, c_3 out_block_w bias tiles; bound_matmul fusing the one-row bias; the compute defaults fp32_acc = f32 output, packer_l1_acc = not f32",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp, process_mcast_in0_program_and_create_override_variables' tile counts, CB configs, packer_l1_acc_en and do_not_inplace lines the same at 4af112c (02-24), e617a17 (03-04), c262c36 (04-03) and 21210d4 (05-05) but for in0_B passed in; the commits between touching the file: 7dde75c (#40172, 03-25: in0_B / in1_B, the mcast_in1 program's buffering), 3f49248 (#40619, ring matmul cores), 09d6c79 (#40905, transpose_a strides), c0d41ee (#40921, mcast_in1's reuse_in0_in_CB), f874151 (namespace), 9875d5a (#42427), 034ac58 / 7439952 / d964b8e (#42430, bias compile args), 21210d4 (#43067, the named-CB map); matmul.cpp (bound_matmul, get_post_process_bias): 4cab147 and d4a7056 (call syntax, an include), #42430 (a reshape of the output to the bias-broadcast shape, a view when it is the matmul's); matmul_device_operation.cpp: create_matmul_attributes' default_fp32_acc = is_float_32, default_l1_acc = !is_float_32 at e617a17 and 21210d4 (aaca681, #40089, changes the math fidelity only), #42430's bias-broadcast TT_FATAL, #37236 / #40905 / #40936 validation for block-sharded outputs and transpose_a only",
    citedAs: 'tt-metal @e617a17, @c262c36, @21210d4 and the commits between',
  },
  'pool2d-factory-cbs-2025-09': {
    family: 'pool',
    // From #27784 (1a732feedf, 2025-09-11 12:58 UTC: tiled pool outputs and the pre-tilize CB) to the last readable
    // build (622c6fb9c0, 2026-06-23, the newest first-parent commit of the nyoshifujiTT/tt-metal snapshot).
    earliest: '2025-09-11',
    latest: '2026-06-23',
    what: "max_pool2d / avg_pool2d / max_pool2d_with_indices on an input already sharded in L1: the pool program's CBs (scalar 2 tiles, a second scalar CB for an avg pool with per-element scalars, clear value 1 tile, two input CBs of 2 pages of round_up(in_cb_sz, 1024) elements with in_cb_sz = tiles per reduction · 32 · tilized rows, the MPWI index tiles, a pre-tilize CB for a tiled output, the config-in-DRAM CBs per change points pool-config-tensors-in-dram and pool-reader-indices-actual-page), get_factory_parameters (multi_buffering_factor 2, split_reader always, num_tilized_rows, MAX_TILES_PER_REDUCTION 1 / 4 / 8, is_large_kernel), and the halo output it reads",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): every commit from 1a732feedf (2025-09-11) to f5964193d6~1 touching the same files, read by function (git log -L): get_factory_parameters the same but for #29071's split-reader TT_FATAL; the factory's CBs the same but for max_pool2d_with_indices' (#29071 37967f4424, 10-28: the index tiles made in the kernel, 12,288 B either way; change point pool-mpwi-kernel-index); generic_pools' already-sharded path and output shard (#28181 5410ab68a7 flattening, #29052, #30596 compute config, #31576 reshape, cq-id churn) the same; pool_op.cpp's validation: the MPWI change points; the halo's CBs the same (#30533 b05f30e155 pads the pad-stick page to the L1 alignment, which the CB placement already did; #28437 1f02912852 the NoC order's grid width; #30644 the in-place halo only) and its output shard the same (#29097 a3d865d889 physical shard spec, same bytes); sliding_window.cpp's shard boundaries and trace (#29589 parentheses, #30446 signature). Then every commit from f5964193d6 (2025-11-10) to 3ddcbb3538~1 touching the pool factory, pool_utils.cpp, generic_pools.cpp, pool_op.cpp, the halo factory / device op or sliding_window.cpp: get_factory_parameters and the factory's CB sizes the same at f5964193d6 and 3ddcbb3538~1 but for change points pool-config-tensors-in-dram (#35212, 67a560408f) and pool-mpwi-large-kernel-cbs (#35216, 966d61f815) and a bfloat4_b input counted as bfloat16 (#35774, the pool's input is the bf16 halo output); pool2d_L1 split out of pool2d by #32157 (fa00323117, the already-sharded path unchanged; an L1 input never takes the DRAM path, #35774 2be027cffe likewise), its output shard formula the same throughout; the halo's CB sizes and output shard the same (#33020 7c8115ea0c new infra, #35888, #35857, #32092 renames); sliding_window.cpp: #34797 (bilinear only), #33465 / #33999 / #33136 (transposed only), #35148 (gather configs no longer rounded to even words, construct_on_host_config_tensor still pads rows to even), #34731 / #33763 / #35140 (logging, contains); validation: #34031 (change point pool-mpwi-kernel-up-to-32), #37366 (a zero-entries TT_FATAL in the scalar config), #32218 (a scalar-CB TT_FATAL dropped), #32157 (the right-padding check dropped from validate_input_params); #34186 / #34938 / #37356 (reader loops and runtime args), #36348 (rank-2 / rank-3 inputs reshaped to 4D), #32276, #33965, #35191 / #35218 / #35219, #35189, #35013, #35433, #35252, #35204, #37163 (no CB). Then git diff 3ddcbb3538..98acd847ac~1 over pool/generic, pool_utils.cpp and sliding_window/ (only compile-arg order moves in the factory); commits inside that touch them: 85d0dea30b / 49615768fc / 5413218728 (02-12..02-17, validate / factory selection / free-function refactors), #37599 e53c5f9b41 (02-13, runtime args and halo_gather's padding chunk in bytes), #37667 4ff7301484 (02-14, a halo grid check), #38426 4f632e0b18 (02-24, the halo's row-major input CB, tensor-backed), de92bc4766 / 706be77037 (op_slicing dead stores), #35876 883c71429c (02-25, kernel cleanup: compile args), typo commits (03-03, 03-04), #37791 cb76be1ac4 (03-05, generic_pools' slicing call), ce15e49b65 (03-15, ttsl rename), 63693b8617 / 1523554948 (03-24 / 03-31, compute-kernel hw configure only), 7096f73859 (04-01, decorator), #41050 4a20c4b56b (04-02: calculate_pool_cb_sizes takes the factory's inline CB sizes unchanged, calculate_L1_usage's total the same sum with the output CBs align_buffer'ed as before, ranked by total()), c262c366d5 (04-03, copyright), #41263 62af7d63d3 (04-07: a positive-output check, the slice padding check, the perf model; no CB), f874151fce (04-10, namespace), 831bbb9656 / dce5fd4d70 / 69eb869a7b (kernels, TensorAccessor), #42838 cd10c66409 (04-23, replicate padding metadata in sliding_window.cpp; the pools pass zero padding), 7fb82fd003 (04-24, REDUCE_OP define), #43256 2f9afc8584 (04-29, the halo's fp32 accumulation for an f32 input, which pool rejects), #43193 984f529e2f (04-30, change point pool-reader-indices-actual-page); the halo factory's only change is its compute config. Then every commit from 98acd847ac to 622c6fb9c0 touching the same paths (git diff 98acd847ac..622c6fb9c0 leaves pool_utils.cpp and pool_op.cpp as they were): #43280 98acd847ac (05-08, change point pool-output-face-pad), #42925 / #46391 (CMake), #43305 761e21dca0 (05-11, the factory as a ProgramDescriptor: the same CBs in the same order on all_cores, but change point pool-reader-indices-descriptor-worst-case), #44064 09e2e4ab83 (05-12, change point pool-reader-indices-actual-page-restored), #43577 / #44370 / #44842 / #46589 / #43934 (kernel lines), #43692 (nanobind), #43820 1536dd481d and #44275 f3678d3ce0 (the global avg-pool fast path, change point avg-pool2d-global-reduce; no sliding-window CB), #44432 8e823c2365 (05-19, MeshDescriptor: the config tensors kept on the workload, no CB), #44901 fe07cd1115 (compile-arg indices), #44281 253d52db48 (06-03: the pre-tilize CB gets a second format view, one allocation of the same size), #45075 b2af0cd67b (06-02, the halo factory as a ProgramDescriptor: the same CB sizes on the same cores), #46052 (kernel), #45706 9890788bb7 (06-16, MemoryConfig built instead of with_shard_spec: the same shard specs)",
    citedAs: 'tt-metal @4a20c4b56b and every commit from 1a732feedf to 622c6fb9c0',
  },
  'upsample-nearest-interleaved': {
    family: 'upsample',
    // From #26066 (30605c4198, 2025-08-25: every dtype for nearest, a bfloat8_b input giving a bfloat16 output) to the
    // last readable build (622c6fb9c0, 2026-06-23).
    earliest: '2025-08-25',
    latest: '2026-06-23',
    what: 'nearest upsample with integer scales of an interleaved, tile-aligned input into a row-major interleaved result: UpsampleMultiCoreInterleavedProgramFactory (split_work_to_cores over sticks, or tile rows for a tiled input; c_0 one DRAM-aligned stick or a row of input tiles, doubled when the first core group gets more than one unit; a tiled input adds the output CB of the same count of output-dtype tiles)',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): upsample_program_factory_multicore_interleaved.cpp at 686ea5d25a (#25901, 2025-07-31, tiled inputs) and every commit after it to 622c6fb9c0: #27400 b9f4664457 (TensorAccessor), #28277, #29176 (TileSize → tile_size), #31638, #30954, #32993 5c5c80e1de (new infra), #32092, #35150, #35433, #35808, #35857, #35508 6ac853f9d4 (a TT_FATAL for non-integer scales; the float factory takes those), #35888, #41389, #43305 761e21dca0 (ProgramDescriptor: the same CBs on all_cores): no CB size moves; the op: upsample.cpp hands a nearest input straight to the device op with output_mem_config or the input's (30605c4198, 6ac853f9d4~1, 622c6fb9c0); the device op picks this factory for a non-sharded nearest input with integer scales (upsample_device_operation.cpp@6ac853f9d4~1; select_upsample_path, upsample_common.cpp@6ac853f9d4 and @622c6fb9c0), its output row-major, bfloat8_b becoming bfloat16 (upsample_op.cpp@30605c4198, upsample_device_operation.cpp@622c6fb9c0), a tiled input only tile-aligned (TT_FATAL in every version)",
    citedAs: 'tt-metal upsample_program_factory_multicore_interleaved.cpp@686ea5d25a and every commit to 622c6fb9c0',
  },
  'conv2d-sharded-program-2026-spring': {
    family: 'conv2d',
    // The span of conv2d-sharded-matmul-1x1-2026-spring: cb11809 (2026-03-05 23:45 UTC) to de47eb4 (2026-05-05 23:59
    // UTC), first-parent main (nyoshifujiTT/tt-metal).
    earliest: '2026-03-06',
    latest: '2026-05-05',
    what: "a conv2d (not 1x1 matmul, not transposed) whose input is already height, block or width sharded as it runs (or is resharded by one to_memory_config program that ops/memoryConfig.ts estimates exactly), whose result is the conv's own sharded output (or a to_memory_config copy of it estimated exactly), given a conv2d_config without enable_activation_reuse, force_split_reader or kernel-stride folding: the input's parallel config kept (get_conv_padded_input_shape_and_mem_config), determine_output_parallel_config (width and block re-split C_out), get_conv_configs and determine_per_core_conv_block_config (act_block_h from the override's divisor, act_block_w by scheme), the halo output, and get_cb_info's CBs: WEIGHTS (×kH over several height blocks, ×2 double-buffered), MATMUL_PARTIALS on the output unless its format differs (determine_packer_l1_acc), ACT / ACT_SECOND_READER split by is_split_reader_viable's cycle model (height) or always (block, the same total), ACT_TILIZED, BIAS, ACT_ROW_MAJOR (width 2·act_block_w, block the act block unless overlapped), READER_INDICES (change point conv2d-reader-indices-actual-page), L1_ARRAY 64 B, the 1-D depthwise CBs; 2-D depthwise convs run this program on block-diagonal (grouped) weights",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) @de47eb4: conv2d_op_program_factory_common.cpp (get_cb_info, is_split_reader_supported, is_split_reader_viable, the NoC-rate and tilize-cycle tables), conv2d_utils.cpp (get_input_channels_alignment, determine_parallel_config, determine_output_parallel_config, get_conv_padded_input_shape_and_mem_config, shard_or_reshard_tensor_if_required, get_conv_configs, determine_per_core_conv_block_config, determine_packer_l1_acc, conv_skip_mcast, is_1d_depthwise_conv, auto_enable_kernel_folding), prepare_conv2d_weights.cpp (grouped layout for groups > 1); git diff cb11809..de47eb4 of conv2d/ and sliding_window/: get_cb_info and both sharded factories change only the READER_INDICES page (#43193, 984f529e2f, 04-30, the change point), conv2d_utils.cpp only a namespace and calculate_L1_usage's page argument, conv2d.cpp the halo's padding_mode and compute config (#42838 cd10c66409 04-23: replicate padding moves halo metadata, not sizes, removed by #42430 034ac587a5 and restored by its revert #43002 7439952fce the same day; #43256 2f9afc8584 04-29: the halo's compute config) and the DRAM-slice estimate (#41917 7785814f74, 04-20: DRAM path only), conv2d_device_operation.cpp a block-sharded subblock check that determine_largest_subblock_size always passes (#38108 cd9d40eece, 04-13), sliding_window.cpp replicate padding and log levels, the halo factory its compute config; prepare_conv2d_weights.cpp a log level (#41412) and a copyright line; kernels-only commits #38958, #39294, #41653, #41902, #42541, #42542; the programs around the conv (session 28): git diff cb11809..de47eb4 of conv2d.cpp and conv2d_utils.cpp leaves shard_or_reshard_tensor_if_required (create_device_tensor of the sharded input, then ttnn::to_memory_config into it; a row-major matmul conv not height sharded to_layout first), tilize_with_optional_deallocation and conv2d_L1's closing to_memory_config (memory_config != conv_output's) as they were, so those steps are to_memory_config's own programs",
    citedAs: 'tt-metal @de47eb4 and the commits since @cb11809',
  },
  'fill-cache-factory': {
    family: 'kv_cache',
    // From the oldest modeled build to 622c6fb (2026-06-23), the newest first-parent commit read.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "ttnn::fill_cache's one program: input tiles through c_0, two tiles of the input's format, on split_work_to_cores(grid, heads · input Ht) row-major (one block is a tile row of Wt tiles); a sharded input binds c_0 to its shard on the shard grid",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) kv_cache/device/update_cache_op_multi_core.cpp fill_cache_multi_core at every commit touching it from f4ac0bc (2024-10-10) to de6219c (2025-10-02): num_blocks_of_work = padded[1]·padded[-2]/32, num_input_tiles = 2 (the shard tiles, globally allocated, for a sharded input), only shape-accessor renames between; fill_cache_multi_core_program_factory.cpp at every commit from db5d07f (PR #33106, 2025-11-26) to f4796b7 (PR #45128, 2026-06-03: the CBDescriptor form, .buffer = the input for a sharded one), unchanged to 622c6fb; the index's later descriptor version (id 55311661634) alike",
    citedAs:
      'tt-metal fill_cache_multi_core (update_cache_op_multi_core.cpp, then fill_cache_multi_core_program_factory.cpp) at every commit f4ac0bc … 622c6fb',
  },
  'embedding-fused-2026-spring': {
    family: 'embedding',
    // The day after d6499ea (2026-03-18 21:51 UTC, "Revert embedding op changes", the last commit before c262c36 to
    // touch embedding.cpp or the device operation) to the day before e9ca210 (PR #43912, 2026-06-04 00:33 UTC: the
    // fused factory's chunked path changes).
    earliest: '2026-03-19',
    latest: '2026-06-03',
    what: "ttnn::embedding's fused_tilized path (indices' padded last dim and the weights' width multiples of 32, a TILE result) into EmbeddingsFusedProgramFactory with an interleaved result: split_work_to_cores(grid, batch · padded last dim / 32 blocks) column-wise; c_0 and c_2 buffering · n tiles of the weights' / output's format with n = Wt and buffering 1 above 64 tiles else 2, or, when 2 · Wt weight tiles exceed 1 MiB, n = min(1 MiB / tile, Wt, 64) and buffering 2; c_1 32 index elements",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) embeddings_fused_program_factory.cpp@c262c36 (unchanged since c83c151, 2026-01-17, but for copyright; next touched by e9ca210), embedding.cpp and embedding_device_operation.cpp@c262c36 (d6499ea … c262c36: copyright and an include only; untouched to 622c6fb); the commits inside touching the embedding folder (69eb869, 8d87710 / PR #42548, c22b979, 5cbb689, 4652be9, d5daf40) change kernels, the build files or the row-major factory only',
    citedAs:
      'tt-metal embeddings_fused_program_factory.cpp, embedding.cpp and the device operation @c262c36, and the commits inside',
  },
  'concat-massaged-rm-path-2025': {
    family: 'concat',
    // The day after 2edaca7 (2024-12-19, the last commit before it to touch concat.cpp) to the day before 29dcc7f (PR
    // #26885, 2025-08-15 15:54 UTC: untilize_with_unpadding and tilize_with_val_padding without the pad, read, not modeled).
    earliest: '2024-12-20',
    latest: '2025-08-14',
    what: "ttnn::concat of tiled inputs one of which is padded along the concat dim, or of row-major inputs concatenated on a last dim whose rows are not buffer-aligned: the programs concat.cpp runs in turn — per tiled input ttnn::untilize of the whole padded tensor then SliceDeviceOperation to its logical shape into the output's memory config (the reshape after it returns the tensor), on 2025-03-14 untilize_with_unpadding instead (change points concat-rm-untilize-with-unpadding and its revert); for a last-dim concat of rows whose bytes are not a multiple of the buffer alignment, ttnn::transpose(−2, −1) of each, the concat on dim −2 and the transpose back into the output's memory config; the interleaved concat program on the row-major tensors (c_0 two pages of align(W · elem, alignment)); then pad_to_tile_vol (ttnn::pad multi-core, when H or W is not a tile multiple) and tilize_with_val_padding (the reshape to the logical shape a view)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) concat.cpp at 2edaca7 and every commit to cdc0135 (b2912fe, 20ee681, fa45b9b, 09349dd, 0cc4e4e, 8063f0a, 2df6e60, 14f9739, 65caa88, 5aab19f: the deallocations of the inputs dropped, 3b28664, 741aeb8, faf1c12 / 7748b90 (the one-day split), 3623ec5, baa1db9, bf56992 / c5bd6d3, d82e424, e453a0e, cdc0135: the same programs); data_movement/common/common.hpp MassagedOperation::sequence @20ee681 (t1's pre-transform, then t2's predicate on its results; post-transforms in reverse) and common.cpp pad_to_tile_vol (ttnn::pad with use_multicore, the output's memory config); concat_program_factory.cpp concat_multi_core at every commit 2edaca7 … 6f4edaa (row-major page align(elem · padded W, output alignment), max with input 0's from 8473c4d, two pages, split_work_to_cores column-wise, c_0 on all_cores); reshape_view/reshape.cpp at 20ee681, 8063f0a, ed0a405, cdc0135 and 133ad3d (an unchanged shape returns the tensor; a tiled tensor reshaped to a smaller logical shape with the same padded last dims is a view)",
    citedAs:
      'tt-metal concat.cpp at every commit 2edaca7 … cdc0135, with the concat factory, common.hpp and reshape.cpp',
  },
  'reshard-tiled-same-width': {
    family: 'to_memory_config',
    // The span of reshard-tiled-generic: 5aa764d (PR #33270, 2025-12-05) to 622c6fb (2026-06-23).
    earliest: '2025-12-05',
    latest: '2026-06-23',
    what: "a tiled height-sharded → height-sharded to_memory_config with no dtype change and an L1 side: ttnn::reshard (from PR #41413 can_use_reshard passes: its height → height check is the same-width factory's scratch CB, which tiles never need), is_valid_for_legacy_reshard (same layout, not block or ND, one buffer in L1) → ReshardSameWidthFactory, c_0 bound to the local shard (the output's when it is in L1, else the input's); the scratch c_1 only when the unit's bytes are not a multiple of either buffer's alignment, and every tile size is a multiple of 64 B",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) reshard_device_operation.cpp select_program_factory and is_valid_for_legacy_reshard at every commit 5aa764d … 4b30829 (the same at 622c6fb); reshard_program_factory_same_width.cpp at 5aa764d, 92de97e (PR #38425: c_0 covers the whole local shard, still bound), 1ed3656 and 4b30829^ (set_globally_allocated_address on the local buffer; unaligned = a padded unit ≠ unit_size; c_1 of remote_units · padded unit only then), 4b30829 (CBDescriptor bound to the local buffer); to_memory_config_op.cpp@1ed3656 … 622c6fb (can_use_reshard: validation, then for height → height the same scratch test; tiled sharded → sharded calls ttnn::reshard)',
    citedAs:
      'tt-metal reshard_program_factory_same_width.cpp and reshard_device_operation.cpp at every commit 5aa764d … 4b30829',
  },
  'matmul-auto-1d-all-dram-2025-2026': {
    family: 'matmul',
    // From #15938's merge (3787a8a, 2025-01-06) to 622c6fb (2026-06-23), the newest first-parent commit of the snapshot:
    // read span matmul-auto-1d-all-dram-2025 to 06-16, then every commit from 2025-06-10 on touching the sources.
    earliest: '2025-01-06',
    latest: '2026-06-23',
    what: "an all-DRAM-interleaved matmul with no program config, bias, activation, transpose_a or transpose_b that create_simple_matmul_program_config sends to get_mcast_1d_config (mcast_in0 or mcast_in1), whose whole per-core block at in0_block_w 2 or 1 passes get_multi_dim_per_core_factor's first test (no out-block search), and that config's CBs in the 1D program as read span matmul-auto-1d-all-dram-2025 describes; is_narrow_shape per change point matmul-narrow-l1-1d (the all-DRAM answer unchanged), c_0 / c_1 doubling per change point matmul-1d-per-operand-batch",
    evidence:
      "read span matmul-auto-1d-all-dram-2025 (@3787a8a … @2bb3ccb); then tt-metal (nyoshifujiTT/tt-metal first-parent main) every commit from 2025-06-10 to 622c6fb touching matmul_op.cpp, config/matmul_program_config.cpp, utilities/matmul_utilities.cpp or matmul_device_operation.cpp, by function (create_simple_matmul_program_config, get_mcast_1d_config, get_per_core_factor, get_multi_dim_per_core_factor, get_estimated_size_of_cbs, estimate_interm_tile_size, get_max_l1_space, is_narrow_shape, get_core_range, get_matmul_subblock_params, create_matmul_struct / create_matmul_attributes): getter renames (d82e424), const / auto / loop / else-after-return clean-ups (cdc0135, 5f6aaada, f8ee447, 8b99879 / 297f4f4 / 6223e8c, 441c2f9, 0741d5c), the file split of #34466 (601278a), error texts (97327cf); the rule changes are change points matmul-narrow-l1-1d (56bf922, #32173: the all-DRAM test the same), matmul-fused-transpose-a (92f1cd6, #32295; 4f06a9d and a63efb9 move its estimate term), matmul-estimate-bias-per-core-n (b113d7c, #38309), matmul-block-sharded-1d-grid (ec9c75b, #37236: sharded outputs only); aaca681 (#40089) changes the math fidelity only. One exception read: 601278a (2026-01-10 00:04 UTC) walked get_multi_dim_per_core_factor's blocks smallest first until 67515d7 (02:09 UTC the same day) restored largest first, which matters only when the whole block does not fit (excluded here). The 1D factory (matmul_op_multi_core_reuse_mcast_1d_program_factory.cpp, factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp from 601278a) at every commit from 2bb3ccb to 622c6fb, the CB lines of process_mcast_in0_ / process_mcast_in1_program_and_create_override_variables and (from 64c70d7, #43578) the descriptor builders: in0 / in1 / out / interm / bias tile counts, doubling and packer_l1_acc_en the same but for 7dde75c (#40172, the change point) and c0d41ee (#40921, in0 reuse for a batch-1 a with a batched b, which these builds reject); b644c75 (Blackhole c_8 / c_9 only for tiles not a multiple of 64 B) and e18e95c (06-15, the same tiles DRAM-aligned) change no standard tile; the sparse matmul factory left the file at 601278a",
    citedAs:
      'tt-metal @2bb3ccb, @601278a, @64c70d7, @622c6fb and every commit between touching the selection or the 1D factory',
  },
  'matmul-auto-interleaved-2025-2026': {
    family: 'matmul',
    // From the day after #22181's revert (10d7624, 2025-05-22, the last commit before 2025-06-09 touching the selection;
    // #22181 itself removed MatmulMultiCoreProgramConfig for that one day) to 622c6fb (2026-06-23).
    earliest: '2025-05-23',
    latest: '2026-06-23',
    what: "an interleaved matmul (any buffers) with no program config, bias, activation, transpose_a or transpose_b and an interleaved output, and the program create_simple_matmul_program_config picks for it: get_mcast_1d_config (one row or column of blocks, or a narrow shape per change point matmul-narrow-l1-1d) whose whole per-core block passes get_multi_dim_per_core_factor's first test, with the 1D CBs of read span matmul-auto-1d-all-dram-2025-2026; the 2D branch of the per-core-factor blocks (not all DRAM: per_core_M = per_core_N = get_per_core_factor, out block the same, out_subblock 4x2 or 1x2, in0_block_w 2, or 1 for an odd Kt over several blocks; no out-block search) with the 2D mcast CBs of read span matmul-auto-2d-all-dram; or MatmulMultiCoreProgramConfig (c_0, c_1 and the output CB of 2 tiles each)",
    evidence:
      "the selection and 1D-factory commits of read span matmul-auto-1d-all-dram-2025-2026 from 2025-05-22 (the selection at 10d7624 and d82e424, getter renames only, and every commit after; the 1D factory at 7ef2356, 2025-05-10, d82e424, 2bb3ccb and every commit after); create_simple's branches at 622c6fb read against the model (num_blocks from get_per_core_factor, in0_block_w cut to 1, get_core_range, is_wide / is_tall, the 2D condition, the non-reuse fallback) and unchanged since 10d7624 but for the change points named there; the 2D factory as read span matmul-auto-2d-all-dram-2025-2026 reads it; the non-reuse factory (matmul_op_multi_core_program_factory.cpp, factory/matmul_multicore_program_factory.cpp) at every commit from 250ef95 (2025-01-08) to 9a62827 (2026-05-29): num_input_tiles = num_output_tiles = 2 throughout (#22333 / #22958 zero padding, #42617 accuracy args, #43578 the descriptor form)",
    citedAs: 'tt-metal @10d7624, @601278a, @622c6fb and every commit between touching the selection or the factories',
  },
  'matmul-auto-2d-all-dram-2025-2026': {
    family: 'matmul',
    // From the day after #22181's revert (10d7624, 2025-05-22) to 622c6fb (2026-06-23).
    earliest: '2025-05-23',
    latest: '2026-06-23',
    what: "an all-DRAM-interleaved matmul with no program config, bias, activation, transpose_a or transpose_b that create_simple_matmul_program_config sends to its 2D branch, whose whole per-core block at the first in0_block_w (Kt / grid x when that divides, else 1) passes get_multi_dim_per_core_factor's first test, and the 2D mcast program's CBs as read span matmul-auto-2d-all-dram describes",
    evidence:
      "the selection commits of read span matmul-auto-1d-all-dram-2025-2026 from 10d7624 (create_simple's all_dram_interleaved 2D branch: transpose_mcast false, in0_block_w, per_core_M / per_core_N, get_multi_dim_per_core_factor with adjust_in0_block_w, get_matmul_subblock_params: the same text to 622c6fb but for the renames and the two-hour smallest-first walk of 601278a … 67515d7, 2026-01-10, excluded by the first-test condition); the 2D factory (matmul_op_multi_core_reuse_mcast_2d_program_factory.cpp, factory/matmul_multicore_reuse_mcast_2d_program_factory.cpp) at 7ef2356 (2025-05-10) and every commit to 622c6fb: in0 / in1 / out / interm / bias tile counts, B · num_blocks doubling, packer_l1_acc_en (more than two K blocks, or more than one with a bias) and the separate-partials test the same; d82e424 a getter, b644c75 and e18e95c Blackhole tiles not a multiple of 64 B, 92f1cd6 the c_10 of change point matmul-fused-transpose-a, 64c70d7 (#43578) the descriptor form with the same sizes, 9a62827 (#44220) buffers by tensor",
    citedAs: 'tt-metal @10d7624, @64c70d7, @622c6fb and every commit between touching the selection or the 2D factory',
  },
  'pool2d-interleaved-input-2025-09': {
    family: 'pool',
    // From #27784 (1a732feedf, 2025-09-11, the start of pool2d-factory-cbs-2025-09) to the day before #35774
    // (2be027cffe, 2026-02-10 UTC: a DRAM input with no slice config goes to the automatic DRAM slicer).
    earliest: '2025-09-11',
    latest: '2026-02-09',
    what: "max_pool2d / avg_pool2d (max_pool2d_with_indices from pool-mpwi-kernel-index) on an interleaved DRAM or L1 input already flattened to [1, 1, N·H·W, C] whose channels need no padding to round_up(C, cores_c · (tiled ? 32 : 8)): the parallel config from determine_pool_config_for_auto_shard (height, width and block by determine_valid_parallel_config with TILE_WIDTH alignment, each ranked by calculate_L1_usage's CBs plus align_buffer'ed output shards of get_memconfig's memory config: N·H·W rounded to cores_nhw · 32 for height / block, C to cores_c · 32; height kept unless another is strictly smaller, width before block) or an applied height / width scheme; to_memory_config to create_sharded_memory_config_from_parallel_config's L1 shard (interleaved_to_sharded, memoryConfig.ts); the halo; the resharded input freed for a DRAM input or deallocate_input; ttnn::move of the halo output (move_sharded frees the source before allocating the destination, both CBs bound); the pool program of read span pool2d-factory-cbs-2025-09 on the pool's own output shard, then to_memory_config of the output (its CBs bound to the shard for a DRAM-interleaved result)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): generic_pools.cpp at 1a732feedf and 5410ab68a7 (#28181: a (N, H, W, C) input flattened by ttnn::reshape; an already flattened one unchanged, and ttnn::pad only for padding_needed > 0) and git diff 5410ab68a7..2be027cffe~1 (fa00323117 #32157: pool2d_L1 / get_pool_input_memory_config split out, the applied-scheme alignment l1_alignment / 2 — unused by height and width sharding — and the L1 path for every input with no slice config; 67a560408f #35212: config_tensor_in_dram to the auto shard and the halo; f5964193d6 #31516 in-place halo removed; #29052, #30596, #31576, #36348 rank 2/3 only, cq-id and clang-tidy churn); pool_utils.cpp git log -L over 1a732feedf..2be027cffe~1 of determine_valid_parallel_config (unchanged), determine_pool_config_for_auto_shard (#32157 and #35212 signatures only) and calculate_L1_usage (#29071 and #35216 the MPWI tiles, #35212 the config-in-DRAM CBs at the ranking shard height; align_buffer = round up to the DRAM alignment); conv2d_utils.cpp git log -L of determine_parallel_config, find_closest_largest_divisor*, over 5965834630..2be027cffe (unchanged; d8bbef080f of 2025-09-10 before it) and create_sharded_memory_config_from_parallel_config@1a732feedf; move.cpp and move_program_factory.cpp@3d989c329c (move_sharded: DeallocateBuffer, then create_device_tensor; move_multi_core_sharded's c_0 / c_1 set_globally_allocated_address) and the move commits to 2be027cffe (#35808, #35798, #35888 renames, #33362 validation, #36415 kernel)",
    citedAs:
      'tt-metal generic_pools.cpp, pool_utils.cpp (auto shard), conv2d_utils.cpp (determine_parallel_config) and move.cpp at every commit 1a732feedf … 2be027cffe~1',
  },
  'pool2d-l1-interleaved-input-2025-09': {
    family: 'pool',
    // From #27784 (1a732feedf, 2025-09-11) to the last readable build (622c6fb9c0, 2026-06-23): an L1 input never
    // reaches #35774's automatic DRAM slicer.
    earliest: '2025-09-11',
    latest: '2026-06-23',
    what: 'the path of read span pool2d-interleaved-input-2025-09 for an L1-interleaved input: from #35774 (2be027cffe, 2026-02-10) determine_pool2d_execution_path sends an L1 input to pool2d_L1 whatever the slice config (short of an explicit DRAM slice), so the same auto shard, reshard, halo, move and pool program run to the end of the readable history',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): the evidence of pool2d-interleaved-input-2025-09 to 2be027cffe~1; generic_pools.cpp@2be027cffe (determine_pool2d_execution_path: is_l1 → L1); get_pool_input_memory_config the same text at 2be027cffe and 622c6fb9c0; pool2d_L1 git log -L over 2be027cffe..622c6fb9c0: 4ff7301484 (#37667, a halo grid check), 62af7d63d3 (#41263: a positive-output check; ttnn::pad of the flattened input, only for padding_needed > 0), 2f9afc8584 (#43256, the halo's compute config), 98acd847ac (#43280, change point pool-output-face-pad), 9890788bb7 (#45706, the same shard spec built as a MemoryConfig); pool_utils.cpp determine_pool_config_for_auto_shard: 3ddcbb3538 / 883c71429c (arguments), 4a20c4b56b (#41050, ranked by the same total()), 98acd847ac (C rounded to cores_c · 16, change point pool-output-face-pad); move.cpp / move_sharded_program_factory.cpp: d6c6a6d12e, 7f32cb4e93 (a ghost tensor; the source still freed before the destination is allocated), 4b308296cb (CBDescriptors with .buffer = source / destination), 692b56a3b0, b5dcf00786, f011e635de, 9890788bb7 (no allocation change)",
    citedAs:
      'tt-metal generic_pools.cpp (pool2d_L1, determine_pool2d_execution_path), pool_utils.cpp (auto shard) and move.cpp at every commit 1a732feedf … 622c6fb9c0',
  },
  'repeat-tile-native-2026-06': {
    family: 'repeat',
    // From 7c23328 (PR #46318, 2026-06-21) to 622c6fb (2026-06-23), the newest build the snapshot holds.
    earliest: '2026-06-21',
    latest: '2026-06-23',
    what: "ttnn::repeat of an interleaved input after change point repeat-tile-native: a tile-eligible TILE input (last two logical dims tile multiples) runs one tile-native program per repetition != 1, last dim first, c_0 = 2 · 64 + tile bytes on the whole grid, each result interleaved in the output's buffer type; any other input the row-major round trip of read span repeat-rm-round-trip (the last-dim and higher-dim factories' c_0 and c_1 unchanged for interleaved operands); interleaved_to_sharded to a sharded output",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) repeat.cpp, device/repeat_device_operation.cpp (select_program_factory), device/repeat_program_factory_higher_dim.cpp and _last_dim.cpp, device/repeat_program_factory_common.hpp (READ_ALIGNMENT 64) at 7c23328; git log --first-parent 7c23328..622c6fb -- ttnn/cpp/ttnn/operations/data_movement/repeat is empty',
    citedAs: 'tt-metal repeat.cpp and the repeat factories @7c23328 (unchanged to 622c6fb)',
  },
  'rand-program-2025-06': {
    family: 'rand',
    // From 4b35144 (PR #23521, 2025-06-26: ttnn::rand added) to the day before 3a3c2d4 (PR #24672, 2025-07-14).
    earliest: '2025-06-26',
    latest: '2025-07-13',
    what: "ttnn::rand as one RandDeviceOperation program in the requested dtype and layout: c_24 two Float32 tiles, c_0 one tile of the output's format, on split_work_to_cores(grid, output tiles)",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) rand.cpp and device/rand_program_factory.cpp at 4b35144, 7ce7a11 and f834267 (unused variables and an include: the same CBs and call)',
    citedAs: 'tt-metal rand.cpp and rand_program_factory.cpp @4b35144 … @f834267',
  },
  'rand-f32-typecast': {
    family: 'rand',
    // From 3a3c2d4 (PR #24672, 2025-07-14) to 622c6fb (2026-06-23), the newest build the snapshot holds.
    earliest: '2025-07-14',
    latest: '2026-06-23',
    what: 'ttnn::rand after change point rand-f32-then-typecast: RandDeviceOperation in FLOAT32 / TILE (c_24 two Float32 tiles, c_0 one Float32 tile, split_work_to_cores over the output tiles), ttnn::typecast to a non-f32 dtype, ttnn::to_layout to a non-TILE layout',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) rand.cpp and device/rand_program_factory.cpp at every commit touching ttnn/cpp/ttnn/operations/rand from 3a3c2d4 to d936623 (2026-06-08; none after to 622c6fb): prim::uniform(…, DataType::FLOAT32, Layout::TILE, …) then typecast / to_layout; intermed_num_tiles = 2 Float32 on c_24, in_out_num_tiles = 1 of the output format on c_0 (974b854, PR #43154: the ProgramDescriptor port, the same CBs on all_cores; dd4f3ab, PR #40804: the mesh mapper's shard shape only)",
    citedAs: 'tt-metal rand.cpp and rand_program_factory.cpp at every commit 3a3c2d4 … 622c6fb',
  },
  'prod-all-factory': {
    family: 'reduction',
    // From the oldest modeled build to 622c6fb (2026-06-23).
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'ttnn::prod over every dim (or of a rank-1 input) runs prod_all on core (0,0): c_0, c_2 and c_3 of 2 tiles each in the input format',
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) prod_all_program_factory.cpp at every commit fa45b9b (2025-01-16) … 577298d (2026-05-28; none after to 622c6fb): num_input_tiles = 2 on c_0 and on the intermediate (c_24 until 9a76dd3, PR #18462 of 2025-03-03, then c_2), num_output_tiles = 2 on the output (c_16 until 9a76dd3, then c_3), all of datatype_to_dataformat_converter(input dtype), on CoreRange({0,0},{0,0}) (1b02d5c, PR #43208: CBDescriptors, the same sizes); prod.cpp at every commit 0cc4e4e … 378a99a routes dim = none and rank 1 to prod_all',
    citedAs: 'tt-metal prod_all_program_factory.cpp and prod.cpp at every commit 2025-01 … 622c6fb',
  },
  'conv2d-sharded-program-2025-autumn': {
    family: 'conv2d',
    // From the day after #27731 (18bbf94b84, 2025-09-15 10:11 UTC: the split-reader heuristic, change point
    // conv2d-split-reader-heuristic) to the day before span conv2d-sharded-program-2026-spring (cb11809, 2026-03-05).
    earliest: '2025-09-16',
    latest: '2026-03-05',
    what: "the rule of span conv2d-sharded-program-2026-spring (a conv2d, not 1x1 matmul, not transposed, given a conv2d_config, its input sharded as it runs or resharded by a to_memory_config program estimated exactly, its result the conv's own output or an exact copy of it; the sharded conv program's get_cb_info CBs and output shard, the halo output), with auto shard's ranking too (determine_conv_config_for_auto_shard: calculate_L1_usage of the CBs + output shard, plus the halo term of change points conv2d-auto-shard-halo-estimate-input-layout, conv2d-auto-shard-halo-estimate-rows-div-up and conv2d-auto-shard-halo-exact; block's core count by conv2d-auto-shard-block-cores-in-out and conv2d-auto-shard-block-cores-at-least-grid-x; act_block_h by conv2d-auto-shard-keeps-act-block-h), the compute default of conv2d-default-fp32-acc-f32-inputs; not read: groups > 1, config_tensors_in_dram, in_place, a sharding override, an unpadded width-sharded tiled input (before #33763 its halo was skipped after a to_layout ROW_MAJOR), activation reuse, force_split_reader, kernel-stride folding",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): conv2d_op_program_factory_common.cpp at every commit touching it from 18bbf94b84 to 92b635a363 (2026-01-18) — #28690 4bd83aa565 (force_split_reader), #29415 517a05cb99 (block split reader, is_split_reader_viable false for block: no split unless forced), #30264 9c08e42f7e and #31132 ae5830b9ae (activation reuse only), #30654 87d4331ce0 (block viable true; ACT = the whole act block, ACT_SECOND_READER the split rows and ACT_ROW_MAJOR the first rows unless overlapped: the same total as one unsplit row-major CB), #33019 2857b0a2af (post-op checks), #34957 e88993ce77 (1-D depthwise weights, the 1-D reader-index page), renames and log levels (#29165, #33965, #35182, #35433, #35808, #35857, #35888) — and unchanged from 92b635a363 to cb11809; the two sharded factories call get_cb_info with the same arguments and allocate only its CBs at 18bbf94b84 and 92b635a363 (between: runtime args, #32154 activation mcast batches, #33135 throttle, #33038 NoC, #37109 reader args); conv2d_utils.cpp's determine_parallel_config, determine_output_parallel_config, create_sharded_memory_config_from_parallel_config, calculate_L1_usage, determine_packer_l1_acc, determine_largest_subblock_size and the divisor helpers the same at 18bbf94b84 and 92b635a363; get_conv_configs and determine_per_core_conv_block_config the same but for #34957's 1-D depthwise argument; get_input_channels_alignment the same for L1 (#28302 cdd0c7d586 and #30360 e3f5442565 change the DRAM / sliced cases; hal L1 alignment / 2 = 8); get_conv_padded_input_shape_and_mem_config: #31210's matmul-conv rule (change point conv2d-mm-reshard-shard-height-tile); shard_or_reshard_tensor_if_required: #29097 (create_device_tensor then to_memory_config, the same shard), #28785 (the input's orientation for the output grid), #33352 (an output grid only under override_output_sharding_config), #31903 (DRAM inputs not deallocated); determine_input_memory_config: #32157's new arguments default to the old behaviour; determine_conv_config_for_auto_shard at every commit touching it (#28302, #29137, #27147, #30360, #30446, #32424, #33352, #33763's refactor into calculate_L1_usage_for_conv_op with the same total, #34957, #35433), estimate_halo_output_elems (#27147; removed by #30446), sliding_window.cpp's calculate_precise_halo_output_elems (27f36345e8 to 92b635a363 unchanged), generate_shard_boundaries and generate_op_trace_metadata (bilinear-only changes); conv2d.cpp's conv2d_L1 at 18bbf94b84 and 92b635a363: folding moved into fold_input_tensor_if_required (#29993 14cb8d40e2, #31210), the compute default (#34952), the halo bypass narrowed to row-major width-sharded unpadded inputs (#33763 af7d566867), in_place dropped (#31516, #33389), deallocation of DRAM inputs (#31903), the tilize helper (#34731); the device op's compute_output_specs the same at both ends; git diff 92b635a363..cb11809 of conv2d/ and sliding_window/: conv2d_utils.cpp a comment, conv2d.cpp namespaces and the halo's output memory config argument (#37667: taken from the input, which conv2d passed), the sharded factory's reader runtime args (#37109), the halo factory's row-major input CB page (#38426, bound to the input) and validation / factory-selection refactors (#37633, #37661), prepare_conv2d_weights.cpp a local variable; the halo program and output shard over the whole span as read for span pool2d-factory-cbs-2025-09",
    citedAs: 'tt-metal conv2d @18bbf94b84, @92b635a363, @cb11809 and the commits between',
  },
  'avg-pool2d-scalar-config-2025-08': {
    family: 'pool2d',
    // From 7d751099a4 (PR #25994, 2025-08-01: pad_t / pad_b / pad_l / pad_r in the pool-area rule) to 622c6fb.
    earliest: '2025-08-01',
    latest: '2026-06-23',
    what: "the avg pool's scalar config tensor (change point avg-pool2d-scalar-config): runs of equal pool area per NHW core over the output shard height, the most of any core × 3 uint16 words per bank of the input grid, in L1_SMALL after the reader indices",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) pool_multi_core_program_factory.cpp, git log -L over get_bf16_avg_pool_config_scalars and create_scalar_config_tensor from 7d751099a4 to 622c6fb: aa5d11d972 (#27604, bfloat16::truncate of the value), eea3b071e2 (#28192), de6219ce2c (#29589, parentheses), b31416ea12 (#34186: out_nhw_per_core renamed max_out_nhw_per_core, both the output shard height), 67a560408f (#35212: config_tensor_in_dram, DRAM rows unrepeated; L1_SMALL rows as before), 9cc299e63c (#37356, a dead store), 3b6ef5641e (#37366, a zero-entries TT_FATAL), 98ad3bab62 / 61951afc28 / 4d4fead358 (comment typos); the call site: 761e21dca0 (#43305) and 8e823c2365 (#44432) move the upload to prepare_resources / create_workload_descriptor, still after the reader indices, with the same L1_SMALL shard spec',
    citedAs:
      'tt-metal pool_multi_core_program_factory.cpp @7d751099a4 … @622c6fb (get_bf16_avg_pool_config_scalars, create_scalar_config_tensor)',
  },
  'matmul-auto-bias-2025-2026': {
    family: 'matmul',
    // From 2bb3ccb (2025-06-12, the first 1D / 2D factory version whose bias CB lines were read here) to 622c6fb.
    earliest: '2025-06-12',
    latest: '2026-06-23',
    what: "a ttnn.linear with no program config, activation or transpose_a, interleaved a, b and output and a one-tile-row interleaved bias, on a path one of the auto-config read spans (matmul-auto-1d-all-dram-2025-2026, matmul-auto-interleaved-2025-2026, matmul-auto-2d-all-dram-2025-2026, matmul-auto-1d-mcast-in0, matmul-auto-2d-all-dram) covers: bound_matmul's bias decision (every auto-config bias added after by ttnn.add into the output's memory config before change point linear-bias-fused-all-dram; from it get_post_process_bias fuses a one-tile-row bias when the output is in DRAM and a, b and the output are DRAM interleaved), the device op's config chosen with the bias tile only when the bias is fused (matmul(a, b, post_process_bias ? nullopt : bias)), the estimate's bias term by change points matmul-estimate-bias-term / matmul-estimate-bias-per-core-n, the fused bias as c_3 of out_block_w bias tiles, single-buffered, in the 1D and 2D programs (packer_l1_acc_en with a bias in the 2D / 1D mcast-in1 programs); a bias added after needs a DRAM output, so its ttnn.add adds CBs only (checked by estimating it)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): matmul.cpp's bound_matmul at every commit from 0236bc1 (2025-05-05) to 4765d67 (2025-11-03): post_process_bias = bias && !program_config && !user_core_coord and ttnn::add(…, parameters.output_mem_config) the same; git log -L of get_post_process_bias from its introduction f9dc6d2 (#31649, 2025-11-04) to 622c6fb: 7fec4c0 (#32510, change point linear-bias-post-process-tall), 92f1cd6 (#32295: the tile height under transpose_a), 0099c93 (#43601, 2026-05-07: a batched b or bias is added after; the device op had rejected it); 8fa5838 (#34502: the add and activation into the matmul output's memory config, the same config here); bound_matmul@92f1cd6 and @622c6fb (get_program_config with the bias tile for needs_manual_transpose only; the device op's config from its own optional bias: matmul_op.cpp@92f1cd6 create_program, matmul_device_operation.cpp@622c6fb prim::matmul); get_estimated_size_of_cbs by git log -L 601278a~1..622c6fb (bias_size in0_block_w tiles, per_core_N from b113d7c); the 1D and 2D factories (matmul_op_multi_core_reuse_mcast_{1d,2d}_program_factory.cpp, factory/matmul_multicore_reuse_mcast_{1d,2d}_program_factory.cpp) git log -p -G over in3_CB / src3 lines from 2bb3ccb to 622c6fb: 5f6aaada (the handle dropped), 64c70d7 (#43578, the descriptor form, the same out_block_w size), 9a62827 (#44220, bias_tensor for bias_buffer), no other; the in3 lines and packer_l1_acc_en read at 2bb3ccb, 0475d0d, f8ee447, 441c2f9, 601278a, ecc48ba, 9875d5a, 034ac58, d964b8e, 21210d4, 64c70d7, 9a62827, e18e95c, 622c6fb",
    citedAs:
      "tt-metal matmul.cpp (bound_matmul, get_post_process_bias) every commit 0236bc1 … 622c6fb; the 1D / 2D factories' bias CB lines 2bb3ccb … 622c6fb",
  },
  'matmul-auto-transpose-b': {
    family: 'matmul',
    // From a41d357 (2024-12-19, the first bound_matmul read here) to 622c6fb.
    earliest: '2024-12-19',
    latest: '2026-06-23',
    what: "a ttnn.matmul / ttnn.linear with no program config and transpose_b on a path the other auto-config read spans cover: bound_matmul runs ttnn.transpose(b, -1, -2, b's memory config) itself before change point matmul-fused-transpose-a, and from it only when its own selection (bias tile counted) is not a 1D / 2D mcast or reuse config; the matmul then sees b transposed, the shape the selection of a fused transpose_b takes too (get_matmul_tensor_padded_shape / get_matmul_tile(b, transpose_b)); a fused transpose_b changes only the in1 reader's strides and the LLK's transpose flag (no CB); a transposed b needs a DRAM b, so that program adds CBs only (checked by estimating it)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): matmul.cpp's bound_matmul at a41d357, 5e7387f, 20ee681, 2d5c5aa, 2df6e60, 14f9739, 3b28664, a24a9be, 3623ec5, bf49ab9, 87ae8dc, 0236bc1 and every commit after to 8fa5838 (2025-12-16): input_tensor_b_adjusted = transpose_b ? ttnn::transpose(input_tensor_b, -1, -2, input_tensor_b.memory_config()) (a rank-1 b reshaped instead from 87ae8dc); 92f1cd6 (#32295) and @622c6fb: needs_manual_transpose from bound_matmul's get_program_config (the bias tile counted) not a 1D / 2D mcast or reuse config; config/matmul_program_config.cpp@622c6fb takes b through get_matmul_tensor_padded_shape / get_matmul_tile(b, transpose_b); the 1D and 2D factories at 92f1cd6, 601278a and 622c6fb: transpose_b sets in1_tensor_stride_w / _h only (IN1_TRANSPOSE_TILE is a kernel define)",
    citedAs: 'tt-metal matmul.cpp (bound_matmul) a41d357 … 622c6fb; the 1D / 2D factories @92f1cd6, @601278a, @622c6fb',
  },
  'conv2d-auto-shard-mm-linear-2026-spring': {
    family: 'conv2d',
    // The span of conv2d-sharded-matmul-1x1-2026-spring: cb11809 (2026-03-05 23:45 UTC) to de47eb4 (2026-05-05 23:59
    // UTC), first-parent main (nyoshifujiTT/tt-metal).
    earliest: '2026-03-06',
    latest: '2026-05-05',
    what: "a 1x1 stride-1 unpadded conv2d given a conv2d_config without shard_layout, on an interleaved DRAM input, whose weights (and bias) are device tensors conv2d takes as they are (is_valid_device_conv_weights: TILE, [1, 1, C_in, C_out], the dtype weights_dtype names or the weights' own; is_valid_device_conv_bias: TILE, [1, 1, 1, C_out], that dtype; DRAM interleaved here), whose result is the linear's [1, 1, N·H·W, C_out] tiles in the conv's dtype: auto shard picks a scheme but shard_or_reshard_tensor_if_required skips the reshard (auto_shard_mm), the input is flattened to [1, 1, N·H·W, C_in] and tilized by ttnn::to_layout(TILE) into its own memory config when row-major (in shard_or_reshard_tensor_if_required for a non-height pick, else tilize_with_optional_deallocation: the same call), then ttnn::linear(a, weights, bias, no transpose, no memory config (the matmul's DRAM interleaved default), the conv's dtype, no program config, conv2d_config's activation, the conv's compute config), then to_memory_config into the result's memory config when it is not DRAM interleaved; the tilize, the linear and the copy are their own estimators' figures",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) @de47eb4: conv2d.cpp conv2d_L1 (auto_shard when the input is not sharded and shard_layout is absent; weights through is_valid_device_conv_weights / is_valid_device_conv_bias, else re-prepared; the matmul branch's tilize_with_optional_deallocation, ttnn::linear call and closing to_memory_config when memory_config differs), conv2d_utils.cpp (shard_or_reshard_tensor_if_required: flatten_4d_shape reshape, the non-height row-major to_layout, auto_shard_mm skipping create_device_tensor / to_memory_config; tilize_with_optional_deallocation: ttnn::to_layout(TILE)), prepare_conv2d_weights.cpp (is_valid_device_conv_weights, is_valid_device_conv_bias), matmul.cpp (linear's memory_config default DRAM_MEMORY_CONFIG); git diff cb11809..de47eb4 of conv2d.cpp (the halo's padding_mode and compute config, the DRAM slicer's output-slice size, a copyright line), conv2d_utils.cpp (a namespace, calculate_L1_usage's page argument, a copyright line) and prepare_conv2d_weights.cpp (two log levels, a copyright line): none on this path",
    citedAs: 'tt-metal conv2d.cpp, conv2d_utils.cpp, prepare_conv2d_weights.cpp @de47eb4 and git diff cb11809..de47eb4',
  },
  'matmul-auto-bias-added-after-any-height': {
    family: 'matmul',
    // From 0236bc1 (2025-05-05, the first bound_matmul of span matmul-auto-bias-2025-2026) to 622c6fb.
    earliest: '2025-05-05',
    latest: '2026-06-23',
    what: "a ttnn.linear with no program config, activation or transpose_a, interleaved a, b and output, and an interleaved bias of any height that bound_matmul adds after the matmul (every auto-config bias before change point linear-bias-fused-all-dram; from change point linear-bias-post-process-tall any bias whose padded height is not one tile row), on a path an auto-config read span covers: the device op is called without the bias (its config and CBs those of the same matmul without one), then ttnn.add(result, bias) into the result's memory config, a program of its own estimated as the lone add (a DRAM output: its CBs only)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) matmul.cpp at every commit touching it from 0236bc1 (2025-05-05) to 4765d67 (2025-11-03): the same post_process_bias lines (bias, no program config, no user grid; no shape test) and ttnn::add calls; f9dc6d2 (#31649) get_post_process_bias, 7fec4c0 (#32510) its bias_padded_shape[-2] != tile height test first, 0099c93 (#43601) batched b or bias added after, and @622c6fb prim::matmul(…, post_process_bias ? nullopt : bias, …) then ttnn::add(output, bias, nullopt, output's memory config, optional output); 92f1cd6 (#32295) the tile height under transpose_a only; git show of the other commits touching matmul.cpp to 622c6fb (45ea667, b02d07d, d89c1e5 / 28c7dd9, b432e85, 8fa5838, 601278a, c83c151, 9a790e2, d4a7056, 4cab147, c262c36, #42430 and its revert / re-apply, 64c70d7) touches no post_process_bias, tile-height or ttnn::add line",
    citedAs: 'tt-metal matmul.cpp (bound_matmul, get_post_process_bias) every commit 0236bc1 … 622c6fb',
  },
  'embedding-tilized-indices-2025': {
    family: 'embedding',
    // #16296 merged as 932ee21 on 2025-01-07 and was read from there; the span begins 2025-01-11 so that it does not
    // begin inside the first week of read span matmul-auto-1d-all-dram-2025, where windowRuns.test.ts checks the
    // registry's reuse of a run with no span beginning inside the window: the builds of 01-07..01-10 stay approx.
    // It ends at the newest readable build (622c6fb, 2026-06-23).
    earliest: '2025-01-11',
    latest: '2026-06-23',
    what: "EmbeddingsTilizedIndicesProgramFactory (TILE indices): split_work_to_cores_aligned(grid, indices dim 0 · last dim, 16) on column-wise cores; c_0 two weight-row pages (the page per the embedding-tilized-indices-aligned-page change points), also the writer's; c_1 16 · round_up(index element, 32); c_2 only for PADDED / BINARY embeddings",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main): embeddings_tilized_indices in embedding/device/embedding_program_factory.hpp at every commit touching the folder from 932ee21 to f8ee447 (the c_0 page line round_up_to_mul32 until 5e986ea / from fa9b991, tt::align from 5e986ea / d0aac20; FACE_HEIGHT · index_page_size and split_work_to_cores_aligned(…, FACE_HEIGHT) at every one), then embeddings_tilized_indices_program_factory.cpp from a23fcef at every commit to 31b12dd (PR #45867, CBDescriptors: the same sizes) and 622c6fb; split_work_to_cores_aligned in the same header, then embedding_program_factory_common.cpp@622c6fb',
    citedAs:
      'tt-metal embeddings_tilized_indices (embedding_program_factory.hpp, then its own factory file) 932ee21 … 622c6fb',
  },
  'concat-massaged-rm-path-2025-26': {
    family: 'concat',
    // From 29dcc7f (PR #26885, 2025-08-15) to 622c6fb: 58430ab (PR #46321, 2026-06-12 16:16 UTC) adds only a guard
    // before the chain (the chunked transposes of an unaligned last dim whose transposed page passes l1_size − base),
    // and no concat file changes after it.
    earliest: '2025-08-15',
    latest: '2026-06-23',
    what: "ttnn::concat's massaged path for inputs of rank ≥ 2 as change point concat-rm-untilize-with-unpadding-no-pad left it: a tiled input padded along the concat dim sends every input through untilize_with_unpadding (its logical shape, its own memory config); a last-dim concat of rows not aligned to their buffer's alignment through transpose(−2, −1) and back; the row-major concat into the output's memory config; tilize_with_val_padding to the tile-padded shape into it",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) concat.cpp at 29dcc7f and every commit to 58430ab~1 (1da0258 / 042be27 / 3d989c3: the queue id; 567bba5: empty(); 8221a4d (#32109, 2025-11-18): a TT_FATAL for rank-1 tiled inputs with padding; 6ea225d: an include; 1a0dfe5 (#33634, 2025-12-04): rank-1 tiled inputs take the untilize path and rank-1 row-major ones an unsqueeze path; b432e85, 441c2f9, 0741d5c: style; 6a974f0 (#36176): sub_core_grids, which tt-mlir does not pass; b5dcf00, c262c36: binding, copyright); data_movement/common/common.hpp MassagedOperation::sequence at 29dcc7f and 58430ab~1 (the same control flow, else-after-return removed); untilize_with_unpadding.cpp@29dcc7f (memory_config.value_or(input)); 58430ab (#46321, 2026-06-12; session 32): concat.cpp gains only a block before the massaged chain, taken for a rank ≥ 2 last-dim concat whose rows the transpose fallback would move and whose transposed page (first input's dim[-2] · elem, aligned to max(its buffer's, the output's alignment)) exceeds l1_size − base: slices in dim[-2] chunks, a concat per chunk, a dim[-2] concat — left out (concat.ts chunkedByPr46321); no commit under concat/, common.hpp or untilize_with_unpadding.cpp after it to 622c6fb",
    citedAs: 'tt-metal concat.cpp at every commit 29dcc7f … 622c6fb, with common.hpp and untilize_with_unpadding.cpp',
  },
  'reshard-rm-same-width': {
    family: 'to_memory_config',
    // The span of reshard-tiled-same-width: 5aa764d (PR #33270, 2025-12-05) to 622c6fb (2026-06-23).
    earliest: '2025-12-05',
    latest: '2026-06-23',
    what: "a row-major height-sharded → height-sharded to_memory_config with no dtype change and an L1 side: ttnn::reshard (same memory layout: no s2i/i2s workaround; from PR #41413 can_use_reshard: validate_inputs lets every row-major height → height through, the scratch test as the factory's), ReshardSameWidthFactory with c_0 bound to the local shard (the output's when it is in L1), the unit one row of the local shard width, and c_1 = remote shard rows · align(unit, the remote buffer's alignment) only when the unit misses the local or remote buffer's alignment",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) reshard_program_factory_same_width.cpp at every commit touching it 5aa764d … 622c6fb (5aa764d, 0741d5c, 1d0b227, c83c151, 92de97e, c262c36, 1ed3656, 4b30829: the row-major branch unit = local_shard_spec.shape[1] · element_size, local/remote units = shard rows, the unaligned test and the scratch size the same; 4b30829 the CBDescriptor form, c_0 bound to the local buffer); reshard_device_operation.cpp select_program_factory and is_valid_for_legacy_reshard @40384d5 and @1ed3656 (same non-block layout, one buffer in L1 → height → height same-width), validate_inputs @7cdaf9d (row-major page-alignment checks skipped for height → height); to_memory_config_op.hpp@40384d5 (use_reshard_workaround only across memory layouts) and to_memory_config_op.cpp@7cdaf9d (can_use_reshard: the same scratch size against l1_size − base)',
    citedAs:
      'tt-metal reshard_program_factory_same_width.cpp (row-major branch) at every commit 5aa764d … 622c6fb, with the selection and to_memory_config',
  },
  'reduce-min-negate-w-h-2026': {
    family: 'reduction',
    // From 65635a3 (PR #30509, 2026-02-27: the negate flag) to 622c6fb (2026-06-23), the newest build the mirror holds.
    earliest: '2026-02-27',
    latest: '2026-06-23',
    what: 'ttnn.min over W or H of an interleaved TILE float input (bf16, f32, bfp8, bfp4) into an interleaved result, no compute config in the IR: reduce_min → reduce(MAX, negate = true) on the multi-core W or H factory; W: c_0 2, c_2 the scaler, c_3 2 tiles, c_4 and c_5 one output tile each; H: c_0 and c_3 one dest-register chunk (get_dest_reg_count: 4 with the default fp32 accumulation), c_2 the scaler, c_4/c_5 one chunk, then per change points reduce-min-h-negate-lcm and reduce-min-h-negate-full-column (with its external-negation fallback); the scaler per change points reduce-scaler-one-tile and reduce-scaler-f32-input',
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main) reduce_op_multi_core_h_program_factory.cpp at 65635a3, 5367208 (tile sizes from the spec), 4835112 (0-D/1-D guards), c262c36, 0fa5c69 (lcm), 7fb82fd, 3814789 (REDUCE_POST_MUL define and a runtime arg only), 1b02d5c (ProgramDescriptor: the same CB sizes), 7b6870b (Ht·columns, the fit check), 0ed8e14 (validation), 577298d, 82f9895 (a row-major path only), ef1afdb (use_fpu_negate: not for INT32) — the negate CBs as stated at each; reduce_op_multi_core_w_program_factory.cpp at every commit 65635a3 … ef1afdb (c_4/c_5 num_acc_tiles = num_inv_tiles = 1 throughout; ebab885 the scaler; 82f9895 the row-major path); reduce_op.cpp 65635a3 … ef1afdb (reduce_min → MAX with negate; 449e347 tilizes a row-major input with +inf padding; aaca681 keeps default_fp32_acc true; 7b6870b h_reduce_negate_fits_in_l1; ef1afdb INT32 to the SFPU path); compute_kernel_config.cpp@65635a3 (get_dest_reg_count 16 / 2 half sync / 2 fp32); ce20ff9 changes reduce_h_neg.cpp only',
    citedAs:
      'tt-metal reduce_op.cpp and the W / H reduce factories at every commit 65635a3 … 622c6fb that touches them',
  },
  'matmul-auto-activation-after': {
    family: 'matmul',
    // From 0236bc1 (2025-05-05, the first bound_matmul of span matmul-auto-bias-added-after-any-height) to 622c6fb.
    earliest: '2025-05-05',
    latest: '2026-06-23',
    what: "a ttnn.matmul / ttnn.linear with no program config and no user core grid, interleaved a and b, and a relu, gelu or silu activation (a conv2d_config's activation on an auto-sharded 1x1 conv's linear too), on a path the other auto-config read spans cover: the activation does not reach the selection (generate_matmul_program_config passes user_fused_activation only to the user-grid branch; create_simple_matmul_program_config's configs carry no fused_activation), so the matmul's config and CBs are those without it; bound_matmul then runs the activation on the matmul's (bias-added) result as a unary program of its own into the output's memory config, whose CBs are the interleaved unary program's c_0 and c_2 of 2 tiles each (no temporary CB for these three)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) matmul.cpp's bound_matmul at every commit touching it from 0236bc1 (2025-05-05) to 622c6fb: `user_fused_activation && !has_user_grid` → ttnn::relu / gelu(approx false) / silu into parameters.output_mem_config (TT_THROW for any other) to 3d989c3; ce4c711 (#29041) adds optional_output_tensor; 8cd5ef1 (#30149, 2025-10-07) Unary_chain of the op; 31abaa8 (#30207) gelu approx false; 4765d67 / f9dc6d2 (#31140 / #31649) the UnaryWithParam as given, after the bias add; 8fa5838 (#34502) output_tensor.memory_config() (the same for an interleaved output); 4cab147 (#39699) ttnn::unary_chain; the other commits touch none of these lines; generate_matmul_program_config in matmul_op.cpp@10d7624, @8cd5ef1, @45ea667 and config/matmul_program_config.cpp@601278a, @de47eb4, @622c6fb (user_fused_activation only to create_matmul_program_config under a user grid; create_simple's 1D / 2D configs fused_activation nullopt); the unary factory (unary_program_factory.cpp every commit d82e424 … f874151 / aa59894, unary_ng_program_factory.cpp@7257143 (#41468, the old one deleted) and @622c6fb): interleaved c_0 and c_2 of 2 tiles, a temporary c_1 only for HARDSHRINK, CBRT or LOGIT (MISH and WHERE_TSS only pack runtime scalars), never relu, gelu or silu",
    citedAs:
      'tt-metal matmul.cpp (bound_matmul) every commit 0236bc1 … 622c6fb, with the selection and the unary factories',
  },
  'conv2d-mm-height-sharded-tilize-2026-spring': {
    family: 'conv2d',
    // The span of conv2d-sharded-matmul-1x1-2026-spring: cb11809 (2026-03-05 23:45 UTC) to de47eb4 (2026-05-05 23:59
    // UTC), first-parent main (nyoshifujiTT/tt-metal).
    earliest: '2026-03-06',
    latest: '2026-05-05',
    what: "the tilize of a 1x1 matmul conv's row-major input that conv2d resharded to height sharding (L1, row-major shard grid inside the compute grid) when N·H·W and C_in are whole tiles: tilize_with_optional_deallocation's ttnn::to_layout(TILE) sees no padding change and shards of whole tiles, so calls ttnn::tilize into the input's memory config; select_program_factory picks TilizeMultiCoreShardedProgramFactory (multicore, a height-sharded L1 input and output of the same layout, row-major orientation, no sub-core grid, the shard grid inside the compute grid); its c_0 and c_16 are bound to the input and output buffers (0 B of static CBs), the output's shard spec the input's, so the tilized input is shard rows × C_in in tiles per core",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) conv2d_utils.cpp@de47eb4 (tilize_with_optional_deallocation: to_layout(TILE), no memory config); every commit cb11809..de47eb4 touching to_layout_op.cpp, tilize.cpp, tilize_device_operation.cpp or tilize_multi_core_sharded_program_factory.cpp: 123a3fe (#38377, 03-09: can_use_sharded_optimized_factories — height sharded, output of the same layout, ROW_MAJOR orientation, no sub-core grid — gates the sharded factory, the output spec the input's shard spec under it; before it every sharded height input took the sharded factory with the input's shard spec), 2340438 (#39401: unpack_to_dest_mode for f32 only), 31ff955 (#36376: a DRAM output leaves the sharded factory), 751f7ae (#39294) and 5c2d8f1 (#40144: the untilize calls and the pad value), b5dcf00 / c5fbb16 (free-function wrappers), c262c36 (copyright), aaa1c78 and its revert a8c5e5a, f874151 (namespace), 30843f2 (#41726: a shard grid outside the compute grid takes the default factory), f28f7cc (#42599: the non-sharded output spec only), 1675719 (#42821: ND-sharded / interleaved outputs leave the sharded factory, a rank < 2 sharded input is rejected, the no-padding tilize call the same); the sharded factory's create_cb(c_0, …, input.buffer()) and create_cb(c_16, …, output.buffer()) at cb11809 and de47eb4",
    citedAs:
      'tt-metal to_layout_op.cpp, tilize.cpp, tilize_device_operation.cpp and the sharded tilize factory at every commit cb11809 … de47eb4',
  },
  'sparse-matmul-1d-2025-2026': {
    family: 'matmul',
    // From the day after d72f780 (PR #25027, 2025-07-28 22:21 UTC: sparse_matmul's first) to 622c6fb (2026-06-23).
    earliest: '2025-07-29',
    latest: '2026-06-23',
    what: "ttnn.sparse_matmul given a 1D mcast-in0 program_config: SparseMatmulMultiCoreReuseMcast1DProgramFactory's CBs on the cores with work (row-major over the config grid): c_0 out_block_h · in0_block_w and c_1 out_block_w · in0_block_w tiles, doubled (MCAST_INPUT_BUFFERING_DEPTH 2) when batchA · batchB · num_blocks > 1; c_4 out_block_h · out_block_w tiles sharing c_5 unless the partials' format differs (Float32 under fp32 accumulation, Float16_b under packer_l1_acc with more than one K block); c_6 / c_7 the sparsity page and c_25 per change points sparse-matmul-sparsity-aligned-page, sparse-matmul-nnz-cb, sparse-matmul-nnz-cb-dropped; batchA per sparse-matmul-a-sparse-input",
    evidence:
      'tt-metal (nyoshifujiTT/tt-metal first-parent main): sparse_matmul_multi_core_reuse_mcast_1d_optimized in matmul_op_multi_core_reuse_mcast_1d_program_factory.cpp at d72f780 and every commit touching the file to 601278a (97327cf, bb884ed: a compile arg, 9827eca, 5f6aaada, 73cee1d, f0b9698, 567bba5, cb462ad, 76f5736, de6219c, b644c75, 9ba9f06, 06bfe79, 8d1481e, 0475d0d, 0e9a565, f8ee447, b432e85, 92f1cd6, 69a53d0, 8b99879, 297f4f4, 6223e8c, 441c2f9, da6424c), then sparse/factory/sparse_matmul_multicore_reuse_mcast_1d_optimized.cpp at every commit 601278a … 622c6fb (0741d5c, f3f9c1a, c83c151, 6b12441, 85d0dea, 4961576, ecc48ba, e617a17, d4a7056, ce15e49, 7dde75c, 4add75b, c0d41ee, c262c36, 9875d5a, 64c70d7, 60a2e26, ebaaa57, 875d24c, db6810e, eb0eec3, 3118902, e18e95c): the CB size lines (in0 / in1 / out / interm / sparsity / nnz tile counts and formats, the doubling, packer_l1_acc_en) change only at the four change points; e18e95c sizes c_0 / c_1 by the DRAM-aligned tile, the same bytes for every 32x32 tile but Blackhole ones not a multiple of 64 B',
    citedAs: 'tt-metal sparse_matmul factory at every commit d72f780 … 622c6fb',
  },
  'matmul-auto-transpose-a-fused': {
    family: 'matmul',
    // From 92f1cd6 (PR #32295, 2025-12-17 00:08 UTC: the fused transpose_a) to 622c6fb (2026-06-23).
    earliest: '2025-12-17',
    latest: '2026-06-23',
    what: "a ttnn.matmul with no program config, bias, activation or transpose_b and transpose_a on an unbatched interleaved a, an interleaved b and output, on a path another auto-config read span covers (its block passing get_multi_dim_per_core_factor's first test with the transpose_a estimate term at its largest, the in0 block), whose config is a 1D or 2D mcast one (bound_matmul fuses the transpose: no ttnn.transpose program): the selection on a's transposed shape (get_matmul_tensor_padded_shape / get_matmul_tile(a, transpose_a)), the estimate's transpose term per change points matmul-estimate-transpose-a-in0 … -restored, and the factories' c_10 (in0_transposed) of in0_CB_size in the in0 format, created when the in0 tile is transposed (get_transpose_of_faces && get_transpose_within_face)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): the 1D factory (both mcast_in0 and mcast_in1 programs) and the 2D factory at 92f1cd6, 601278a, ecc48ba (named CBs), 64c70d7 (#43578: the 2D c_10 a CBDescriptor of total_size in0_CB_size) and 622c6fb (page size the DRAM-aligned tile from e18e95c, the same bytes for standard tiles): c_10 = in0_CB_size under in0_transpose_tile; git log -G 'transpose|c_10|in0_transpose' over both factories 92f1cd6..622c6fb: 441c2f9, 601278a, c83c151, ecc48ba, e617a17 (#37845: the reader's partial-K-tile padding, no CB), 09d6c79 (#40905: reader strides for batched transpose, no CB), 21210d4, 64c70d7, 3934951, e18e95c; over matmul.cpp, matmul_op.cpp, config/matmul_program_config.cpp, utilities/matmul_utilities.cpp and matmul_device_operation.cpp: 4f06a9d and a63efb9 (the estimate term, change points), 09d6c79 / 138dc5a (#40905, #40936: a TT_FATAL for transpose_a with fuse_batch and a batched a, excluded by the unbatched a), d447542 (#43987: transpose_a rejected with gather_in0 only), ebaaa57, d964b8e, ec9c75b, c83c151, 0741d5c, da6424c, 441c2f9, 601278a, 3934951, 1882430 (argument plumbing, sharded-output grids): none changes needs_manual_transpose's kinds or the transposed shapes",
    citedAs: 'tt-metal 1D / 2D factories and the selection at every commit 92f1cd6 … 622c6fb touching transpose_a',
  },
  'sdpa-decode-factory-2026': {
    family: 'attention',
    // Session 31 read 70a9be5 … 622c6fb; session 32 (attn) read back to 35541a7 (PR #33356, 2025-12-01 14:50 UTC: a
    // call without a program_config spreads a head over every core), so the span starts the day after it. The
    // tree-reduction round count of PR #38587 is change point sdpa-decode-tree-reduction-rounds-fix.
    earliest: '2025-12-02',
    latest: '2026-06-23',
    what: "SdpaDecodeProgramFactory's CBs (c_0 … c_31 as attention.ts lists them: tile counts from PNHt, DHt, vDHt, Sk_chunk_t or the dynamic chunk dst_size, num_cores_per_head; half tiles for causal bf16 Q with ≤ 16 heads; formats per tensor, im and stats Float16_b) on every core of the program grid, with change points sdpa-decode-half-tile-blackhole, sdpa-mla-decode-v-operand, sdpa-decode-tree-reduction (and -rounds-fix), sdpa-decode-block-padding-mask, sdpa-paged-decode-batch-from-page-table, sdpa-decode-f32-q-scalars and sdpa-decode-cur-pos-two-cbs inside; the entry points' K chunk (get_chunk_size of K's logical length for a non-paged call, the config's when positive, 0 for a paged one, the paged default config per sdpa-paged-decode-default-config) and compute config (fp32 dest accumulation off); the MLA entry the same factory with use_mla (vDH = head_dim_v, V from K unless given)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) sdpa_decode_program_factory.cpp at 70a9be5, 8ad390e~1, 8ad390e and 622c6fb (every CB line the same formula but for #41637 scalar_df and #45142 c_15; #36440 moves only a paged call's B, change point sdpa-paged-decode-batch-from-page-table, and binds c_0 to Q only under the MLA q_locally_available; the ProgramDescriptor port ec56365 only turns create_cb into add_cb), and every commit touching sdpa_decode/ between: 98ad3ba, 61951af, 4d4fead (comments), 8ad390e (#36440, its device operation: output spec and MLA validation), 307ffde (#39539: num_cores_per_batch after num_heads_per_core, num_cores_per_head unchanged), 7cbbc23, ce15e49, d128159, 751f7ae, 0158bfd, 7096f73, c262c36, 84af26d (share_cache, a hash), f874151, 69eb869, 6a53c74, d4d8b47 (Bmask, a compile arg), f17049d / 3ff1267 / b5fada0 (#42591: num_heads_per_core rounded to divide num_kv_heads, the active cores only), 7fb82fd (#41637), 0af0408 (#44082: block_size_override) and a401cae (#44633: num_kv_heads_override), neither passed by tt-mlir, 5cd3b7a (#44617), 580f045, ec56365 (#44755), 4179f74 (#45142), 99c973c (#45193: cache_position_modulo, a compile arg), 4652be9, 08c1e9e, a22865c, 0ee49d4, 19a5b41, ff0c6b4 (kernels only); sdpa_decode.cpp and the device operation: no chunk-size or compute-config default change but #44617 (read at 5cd3b7a: grid = the device's compute grid, q and k chunks 32, max_cores_per_head_batch 1, paged entry only). Session 32, back from 70a9be5 to 35541a7, every commit touching sdpa_decode/ outside kernels/: 70a9be5 (#38587, change point sdpa-decode-tree-reduction-rounds-fix), cc70746 (#38004, c_14), 6697610 (#37004: the round check, reduction-group core coordinates and runtime args; no CB line), 49615768 and 85d0dea (device-operation plumbing), 6084ea2 (idle-core runtime args), d6d2162 (#36508, change point sdpa-mla-decode-v-operand; a non-MLA V must match Q's head dim before and after, so vDHt = DHt there), c83c151, f3f9c1a, 1d0b227, 55a31c4, 197bbce (renames, includes), 42e1fe8 (#33978, change point sdpa-decode-half-tile-blackhole), 6223e8c / 297f4f4 / 8b99879 (loop syntax), 1515b3e, 476b46f (launch plumbing), 3b6a02f (#33209, the port to the new device-operation infrastructure: every CB, tile-count, format and core-count line the same before and after); sdpa_decode.cpp's get_chunk_size (logical K length, min(512, 2^i)), its 'multiple of 32' TT_FATAL and init_device_compute_kernel_config(HiFi2, approx on, fp32 off) the same at 3b6a02f and 622c6fb",
    citedAs: 'tt-metal sdpa_decode_program_factory.cpp and sdpa_decode.cpp at every commit 35541a7 … 622c6fb',
  },
  'tilize-height-sharded-factory': {
    family: 'tilize/untilize',
    // 2025-01-01 (the oldest modeled build; a6019d6, 2024-12-20, the last commit before it under tilize/device) to 622c6fb.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "to_layout of an L1 height-sharded row-major input (ROW_MAJOR shard orientation, as tt-mlir lays shards out; a shard grid inside the compute grid; no sub_core_grids) with no padding to add, into an L1 height-sharded TILE output: ttnn::tilize runs TilizeMultiCoreShardedProgramFactory, whose c_0 (shard tiles · input tile bytes) and c_16 (shard tiles · output tile bytes) are bound to the input and output buffers (no CB-region bytes), on the shard grid; the output takes the input's shard spec; with change points to-layout-tilize-multicore-width-check-dropped (before it a row over (l1_size/2 − base) / (T_in + T_out) tiles is rejected) and tilize-dram-sharded-via-interleaved (from it a tile row over free L1 is routed through DRAM interleaved) inside",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): tilize's selection and validation at every commit touching tilize/device from a6019d6 (2024-12-20) to e728116 (2026-06-03, the last before 622c6fb), in their distinct versions: tilize_op.cpp@365d3c7 (validate: a sharded input HEIGHT_SHARDED, output layout the same, use_multicore, ROW_MAJOR orientation; create_program: tilize_multi_core → sharded), 6c77212 (#17790: sharded first in create_program), 5440d62 and ff33cd4 (accessor syntax, worded TT_FATALs), 493dab2 (#33365: sub_core_grids refused for sharded), ecd96f5 (#33186: select_program_factory, the same order), 476b46f and c83c151 (namespaces), ff3f9f8 (#36836: WIDTH_SHARDED to its own factory), 123a3fe (#38377: can_use_sharded_optimized_factories: HEIGHT_SHARDED with the same output layout and ROW_MAJOR orientation), 31ff955 (#36376: a DRAM output to the default factory), aaa1c78 / a8c5e5a / 30843f2 (a shard grid outside the compute grid to the default factory), 1675719 (#42821: ND-sharded output to the default factory); the sharded factory's CB lines at a6019d6 (tilize_program_factory.cpp: create_cb with input.buffer() / output.buffer()), 4ec93ec, d18c5dc, 5e01e6c, f8ee447 (dst_is_dram wording, override callbacks), ecd96f5 and c83c151 (its own file), 4b30829 (#43840: CBDescriptor .buffer = src_buffer / dst_buffer), 54b521d and e728116 (no CB line); tilize.cpp (a rank > 4 input squeezed to 4-D at every commit, 365d3c7 on; 1e95aec, #47384: the reroute) and to_layout_op.cpp from 365d3c7 to 44fa8f6 (no padding: ttnn::tilize(tensor, output_memory_config, dtype, use_multicore); the shard-shape TILE_SIZE check; use_multicore_device_tilize until 6c77212)",
    citedAs: 'tt-metal tilize selection, the sharded tilize factory and to_layout at every commit 2025-01-01 … 622c6fb',
  },
  'slice-tile-factory': {
    family: 'slice',
    // The oldest modeled build to 622c6fb (2026-06-23): no commit before it changes the tile program's CB.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'an interleaved TILE slice with unit steps and tile-aligned begins of the last two dims runs the tile factory (slice_tile_multi_core, SliceTileProgramFactory from 6ea225d): c_0 = 2 tiles of the input format on split_work_to_cores(compute grid, output tiles)',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) slice_program_factory.cpp slice_tile_multi_core at every commit touching slice/device from 352e61a (2024-11-27) to 6ea225d: num_input_tiles = 2, c_0 of num_input_tiles · tile_size(input format) on the split's cores (renames only: get_dtype → dtype at d82e42461, TileSize → tile_size at 76f5736, total_cores → all_cores at d0900d6 with sub_core_grids, which tt-mlir passes none of; ef4cb98 adds a tensor-args variant); slice_program_factory_tile.cpp at every commit 6ea225d … 622c6fb (0445a2b and ef9e7c4 port the CB to a CBDescriptor of the same total_size); slice_op.cpp / slice_device_operation.cpp select the tile program for a TILE input at every commit (f5f8fc4 adds sharded branches only)",
    citedAs: 'tt-metal slice tile program at every commit 352e61a … 622c6fb (slice.ts)',
  },
  'binary-interleaved-tile-cbs': {
    family: 'eltwise (binary)',
    // The oldest modeled build to 622c6fb (2026-06-23); the CB-line changes inside are change points.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "a binary op on interleaved TILE operands and result: which program runs (the legacy BinaryDeviceOperation or binary_ng, by binary.cpp's use_legacy default and is_legacy_only / is_binary_ng_only per change points binary-ng-default-first … binary-ng-col-scalar-bcast-cb and binary-row-bcast-wide-only-first … -wide-only) and its CBs: binary_ng c_0, c_1 (1 tile for a scalar b), c_2 of 2 tiles, c_5 / c_6 of 2 tiles by subtile broadcast type per change points binary-ng-row-bcast-cb-first … binary-ng-col-scalar-bcast-cb, c_3 / c_4 only for the op's own pre-activations (logical ops; divide before binary-ng-divide-sfpu: approx); the legacy broadcast factories' and ElementWiseMultiCore's c_0, c_1, c_2 of 2 tiles",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): binary_ng_program_factory.cpp's CB creation at every commit touching it 135dd96 (2024-12-30) … 4c65907 (2026-05-22, the last before 622c6fb): changes only at ff723f0 / 0e84867 / 0e61fc0 / 27d4416 (#16138, shard-bound CBs), cb668e8 / b46b164 / 60f878c / 698ea32 (the row-broadcast CB change points), 629ddfc, af6910e, 75f4885 (sharding: change points), 0fca1ed (#37996: change points), 076511e (CBDescriptor port, same sizes); binary.cpp's dispatch lines at every commit 808b43b … 011389e: changes at #17828 and its revert (a dtype check), #17160 (use_legacy.value_or(true)), #20792 (needs_typecast_to_bfloat16, modeled), #22243 / #22347 / #22949, #24255, #23686 / #24561 / #26101 (change points binary-row-bcast-wide-only-*, added by this reading), #25715 / #26035 / #26224, #27989, #30557, #36054, #37996, #43207 (use_legacy removed, after 0fca1ed); binary_ng_device_operation.cpp is_binary_sfpu_op's DIV and LOGICAL_* lines at every commit (DIV: change point binary-ng-divide-sfpu); broadcast_height_and_width / height / width_multi_core_program_factory.cpp CB lines at every commit 72322bd … 9a42525 (num_input_tiles = 2, output 2 or the shard)",
    citedAs:
      'tt-metal binary_ng_program_factory.cpp, binary.cpp and the legacy broadcast factories at every commit 2024-12-28 … 622c6fb (eltwise.ts)',
  },
  'typecast-tile-interleaved': {
    family: 'eltwise (typecast)',
    // The oldest modeled build to 622c6fb (2026-06-23). Before d6e9bf6 (PR #21128, 2025-05-20) ttnn::typecast was a
    // prim::unary TYPECAST (copy.hpp), whose UnaryProgramFactory has the same two CBs.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'a typecast of an interleaved TILE input (no sub_core_grids): c_0 = 2 input tiles, c_2 = 2 output tiles (each in its own format) on split_work_to_cores(compute grid, tiles)',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) copy.hpp@d6e9bf6~1 (typecast = prim::unary with UnaryOpType::TYPECAST) and unary_program_factory.cpp at every commit 352e61a … d6e9bf6 (num_input_tiles = num_output_tiles = 2, the output tile size for c_2); typecast_program_factory.cpp at every commit d6e9bf6 … 622c6fb: the interleaved program's two 2-page CBs (544e13f, PR #34596, names them pages for row-major inputs, 6eb8e2d, PR #41547, changes the sub-grid program only, bc36583, PR #44257, ports them to CBDescriptors of the same total_size); typecast_device_op.cpp select_program_factory sends a non-sharded TILE input without sub_core_grids to TypecastProgramFactory at every commit from d6e9bf6",
    citedAs:
      'tt-metal typecast_program_factory.cpp and its unary predecessor at every commit 352e61a … 622c6fb (eltwise.ts)',
  },
  'conv2d-dram-slice-own-estimate-2025-12-2026-06': {
    family: 'conv2d',
    // PR #33763 (af7d566, 2025-12-17) to 622c6fb (2026-06-23), the newest build the mirror holds.
    earliest: '2025-12-17',
    latest: '2026-06-23',
    what: "tt-metal's own per-slice L1 figure of conv2d's DRAM slicer (convSliceL1EstimateBytes): Conv2dSliceAttr::get_L1_usage's max(halo_input_size + halo_output_size, total_size) of calculate_L1_usage_for_conv_op on the slice's input memory config, compared by op_slicing's determine_slice_config with total_free_bytes. Not an exact figure by itself: the DRAM path stays approx (the run's block configs)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) af7d566 … 622c6fb: Conv2dSliceAttr::get_L1_usage at af7d566 and every commit touching conv2d.cpp (48a3a7492e #34731 makes it const and stops get_input_memory_config writing the attribute's conv_config: the same figure; c60fc18329 #35204 moves it inline, text identical to 622c6fb; 7785814f74 #41917 sizes get_input_memory_config on the padded output: change point conv2d-dram-slice-grid-padded-output; acaf1cbfa7, cb76be1ac4, cd10c66409, 984f529e2f, 6a480585ec, 9f4df7f2ea, 9890788bb7, ed92e7cd36, 2f9afc8584, e88993ce77, 2f8845059f, 77a6fc7ee1 leave it unchanged); calculate_L1_usage_for_conv_op at every commit touching conv2d_utils.cpp: identical but for e88993ce77 (#34957, 1-D depthwise on the height) and 6a480585ec (#44490, coalesced 1-D depthwise reads), both change points planConv follows; get_input_channels_alignment and determine_input_memory_config the same rule at both ends (#35245 restructures the branches; later parameters default to the old behaviour); conv2d::calculate_L1_usage: 984f529e2f adds reader_indices_actual_page_size, which this path leaves unset (the worst case); op_slicing.cpp compute_L1_usage_for_slice_config and the free-bytes test at every commit (af7d566, 48a3a74, fa00323, 441c2f9, de92bc4, 706be77, 2be027c, cb76be1, 4859af0, 622c6fb): the max over the slices, total_free_bytes >= l1_usage; get_cb_info's CBs: read span conv2d-sharded-program-2026-spring and the conv2d change points",
    citedAs:
      'tt-metal Conv2dSliceAttr::get_L1_usage, calculate_L1_usage_for_conv_op and op_slicing determine_slice_config at every commit af7d566 … 622c6fb (conv2d.ts)',
  },
  'layernorm-interleaved-multicore': {
    family: 'norm',
    // The oldest modeled build to 622c6fb (2026-06-23); c08280d (2024-12-23, sharded factory only) is the last commit
    // before it under normalization/layernorm. The CB-line changes inside are change points.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "layer_norm / rms_norm of an interleaved TILE input of rank ≥ 1 and non-zero volume, with no program config (LayerNormDefaultProgramConfig: Welford off) and TILE gamma/beta of the input's last-dim width: LayerNorm{DeviceOperation} sends it to the interleaved multi-core factory, whose CBs are block (largest divisor / fixed by change point layernorm-fixed-block), the one-pass CB set, the 0.95·l1_size fit test and the large-tensor widths as change points layernorm-large-tensor-kernel, rmsnorm-large-tensor-kernel, layernorm-block-divisibility-fatal, layernorm-large-tensor-accumulator, layernorm-fixed-block and layernorm-large-width-by-im-tile state them; fp32 accumulation from the compute config, else layer_norm's default (change point layernorm-fp32-acc-default) and rms_norm's off; split_work_to_cores(compute grid, tile rows, row-wise); before 9a76dd3 (PR #18462, 2025-03-03) the intermediates were numbered c_25 … c_30 (now c_18 … c_23), their bytes the same",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): the interleaved factory's CB, tile-size, block, fit-test, large-tensor and work-split lines at every commit touching it, multi_core/layernorm_op_multi_core.cpp (layernorm_multi_core) @c08280d … @a20579f and layernorm_op_multi_core.cpp (LayerNormMultiCoreProgramFactory) @a20579f … @622c6fb: changes only at 9a76dd3 (CB renumbering), 6eef033 (#18675), 3a99e8b (#22869: TT_ASSERT → TT_FATAL, change point added by this reading), 7aee9a5 / 8fd66cc / 089cc86 / 1715632 / bbbfc33 (Welford CBs, Welford off by default), 4c12f30 (#33120), 6cecd5d (#34584), 350e309 / 3b27555 (#36979, 2026-02-03 12:12 UTC, and its revert at 18:15 the same day: a build of those six hours, large-tensor rms_norm with c_24, is not told apart by a build date), ba98f20 (#36732: create_descriptor, default_core_range = the compute grid from (0,0), the same CBs), 2cec72b (#38006), 5117926 (#39226: widths × bf16 / im tile; ROW_MAJOR-input CBs c_27 / c_28 only), 7fb82fd (#41637: scaler c_2 still Float16_b), 926ea5e (#43213: ProgramDescriptor framework, the same descriptor), 0397458 (#45319: Welford-only aliases on existing CBs); the rest renames, namespaces, arguments and kernel paths (e34977d: fused activation defines only); layernorm_op.cpp / layernorm_device_operation.cpp (select: an interleaved input → the multi-core factory at every commit; validation: gamma/beta padded width = the input's, and from 6918485 (#43948, 05-12) logical widths equal, from d4471a8 (#44527, 05-19) ≥ — other widths approx); layernorm.cpp / rmsnorm.cpp at every commit (342342e: layer_norm fp32 acc on by default; rms_norm HiFi4, approx, fp32 off; 22829054: 0-D and empty inputs take other ops; 5117926: rms_norm refuses ROW_MAJOR); compute_kernel_config.cpp (fp32_dest_acc_en from a given config at every commit; aaca681 changes Wormhole fidelity only)",
    citedAs:
      'tt-metal interleaved layer-norm factory, LayerNorm device operation and layernorm.cpp / rmsnorm.cpp at every commit c08280d … 622c6fb (norm.ts)',
  },
  'paged-update-cache-factory': {
    family: 'kv_cache',
    // The oldest modeled build to 622c6fb (2026-06-23); 352e61a (2024-11-27) is the last commit before it to touch the
    // factory.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "paged_update_cache of a sharded (not width-sharded) bf16/f32 TILE input into an interleaved TILE cache, without mesh_coords: PagedUpdateCacheProgramFactory on the input's shard grid with c_0 2·Wt cache tiles, c_1 the input shard (bound to it), one CB of 2·Wt intermediate tiles for c_24 and c_25, c_26 2·Wt intermediate tiles, c_16 B·Wt cache tiles (B = input padded dim 1), c_2 one tile of the update index's format, c_3 one page-table row (padded last dim × element bytes); Wt = head dim / 32, the intermediate format Float32 only with fp32_dest_acc_en from the compute config (off by default); validation per change point paged-update-cache-shard-cores-users",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): the factory's CB, tile-size, Wt / B and fp32 lines at every commit touching it, paged_update_cache_program_factory.cpp @352e61a … @de6219c (250ef95, fa45b9b, 0cc4e4e: get_padded_shape, 4ec93ec, d18c5dc, b7ed0f6, 12d080c, d82e424, 56b700c, 22a84dd, f91811c / 7819a2b / a192380 (TensorAccessor), 76f5736: tt::tile_size) and update_cache/paged_update_cache_program_factory.cpp @079b486 / 76a0d65 / a9a765c (the new-infra move, its revert and re-land: the same lines) … @622c6fb (f8ee447, e555420, 6131bec, 0741d5c: enable_fp32_dest's unused format argument dropped, 9e51529 / e7b0cfc, 55a31c4, 1d0b227, c83c151, c262c36, f3ef236: Wt from the input's head dim (the cache's before, equal by validation), f5eb2ac, 99c973c: no CB line, cd014e0: CBDescriptors of the same total_size, c_24 / c_25 two formats on one CB as create_cb({c_24, c_25}) did); validation in paged_cache_operation.cpp @352e61a … @e3839aa and paged_update_cache_device_operation.cpp @a9a765c … @622c6fb (sharded, not width-sharded input, shard width = head dim, ROW_MAJOR orientation, interleaved TILE cache, bf16/f32 input, dim 0 = 1, batch = cache batch without a page table or share_cache; b8415d0 adds sharded page tables and indices, f3ef236 / f5eb2ac / 99c973c checks for their new overrides only, 5fe8af2 (#45016) the shard-core count, change point added by this reading); paged_cache.cpp: init_device_compute_kernel_config(arch, config) at every commit",
    citedAs: 'tt-metal paged_update_cache factory and validation at every commit 352e61a … 622c6fb (kvCache.ts)',
  },
  'nlp-concat-heads-decode-factory': {
    family: 'heads',
    // The oldest modeled build to 622c6fb (2026-06-23); 352e61a (2024-11-27) is the last commit before it to touch the
    // op's device files.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'nlp_concat_heads_decode of a height-sharded TILE input: both programs (NLPConcatHeadsDecodeProgramFactory, and from c20ec92 (2025-01-10) the sub-core-grid one for an input grid of several ranges or not at (0,0)) create one CB, c_16, bound to the output shard: no CB-region bytes; validation per change point nlp-concat-heads-decode-padded-heads-tiles, users ≤ 32 and the input grid one core per user at every build',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): the CB lines of nlp_concat_heads_decode_program_factory.cpp (both programs until 1ba319e, #33203) and nlp_concat_heads_decode_subcoregrids_program_factory.cpp at every commit touching them, 352e61a … 622c6fb: c_16 of q_num_tiles · tile size with set_globally_allocated_address(*output.buffer()) (c20ec92 adds the sub-core-grid program with the same CB; 76f5736 tt::tile_size; 32f12ad, #45423: CBDescriptor .buffer = output.buffer()); nlp_concat_heads_decode_device_operation.cpp validation at every commit (TILE, bf16/f32, dim 0 = 1, users ≤ 32, padded heads = 32 until 58eb1ea (#43252) then a multiple of 32, HEIGHT_SHARDED, shard = the padded last two dims, shard cores = users; f417dfd (#33366): the sub-core-grid program requires sub_core_grids, which tt-mlir's runtime passes as the input grid when tt-metal would infer it (runtime nlp_concat_heads_decode.cpp, search index id 29337186449)) and select_program_factory from 1ba319e (on_subcoregrids)",
    citedAs: 'tt-metal nlp_concat_heads_decode programs and validation at every commit 352e61a … 622c6fb (heads.ts)',
  },
  'batch-norm-inference-factory': {
    family: 'batch_norm',
    // From 99f1ff6 (PR #18332, 2025-03-07, change point batchnorm-no-num-cb; the ten-CB factory before it stays approx)
    // to 622c6fb (2026-06-23).
    earliest: '2025-03-07',
    latest: '2026-06-23',
    what: "ttnn.batch_norm in inference of interleaved TILE bf16/f32 rank-4 tensors with running statistics, as tt-mlir calls it (no output, no memory config): batch_norm.cpp's checks (rank ≥ 4; from change point batchnorm-mixed-precision the four parameter tensors of one dtype), BatchNormOperation::validate_tensors (TILE, bf16/f32, rank 4, dim 1 = the input's channels, interleaved), the output in the input's dtype, and BatchNormFactory's nine (ten with the typecast CB) CBs of 2 tiles on the whole compute grid in the formats of change point batchnorm-mixed-precision",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): batch_norm_program_factory.cpp's CB, format and core lines at every commit touching it 99f1ff6 … 926ea5e (the last before 622c6fb): d82e424 (getters), cdc0135, cc79cd0 (#24732: fp32_dest_acc_en from the compute config, kernel choice only), 8109d99, 5f6aaad, 76f5736 (tt::tile_size), d79048d, 0475d0d, b04f3ed (#40233, change point batchnorm-mixed-precision: interm format, c_9 only when typecasting), c262c36, f874151, 926ea5e (#43213: CBDescriptors of the same total_size on the same CoreRangeSet); batch_norm_device_operation.cpp at every commit 37cd4d4 … 51ea244 (check_tensor_BN unchanged but for getters; 3a99e8b and 692b56a the storage check; 4961576 drops select_program_factory, one factory); batch_norm.cpp at every commit (22829054: rank ≥ 4 and empty inputs cloned; b04f3ed: one parameter dtype and output dtype = input's when an output is given; the rest training-only: 5929e28, 7c6c393, ef24b39, 3d96347); tt-mlir's runtime passes no output, memory config or dtype (runtime batch_norm.cpp, search index ids 30135253180, 670289800)",
    citedAs:
      'tt-metal batch_norm inference factory, validation and batch_norm.cpp at every commit 99f1ff6 … 622c6fb (batchNorm.ts)',
  },
  'unary-tile-interleaved': {
    family: 'eltwise (unary)',
    // The oldest modeled build to 622c6fb (2026-06-23): aa5af61 (2024-12-31) is the factory the span opens with.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "a unary op whose dispatch was read (eltwise.ts UNARY_DISPATCH_READ: one program of its UnaryOpType, the output in the input's dtype) on an interleaved TILE input and output, without sub_core_grids: UnaryProgramFactory, and from change points unary-ng-first-ops / unary-mixed-memory-layouts UnaryNgDeviceOperation's program (renamed UnaryDeviceOperation::ProgramFactory by PR #42737): c_0 = 2 input tiles, c_2 = 2 output tiles, each in its tensor's format, on split_work_to_cores(compute grid, tiles); c_1 of 2 input tiles for HARDSHRINK / LOGIT (and CBRT between change points cbrt-unary-sfpu and cbrt-unary-no-tmp-cb)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): unary_program_factory.cpp and unary_device_operation.cpp at aa5af61 (2024-12-31: num_input_tiles = num_output_tiles = 2, split_work_to_cores over physical volume / TILE_HW; select_program_factory: sharded input → UnaryShardedProgramFactory, else UnaryProgramFactory; validate: non-sharded input TILE and INTERLEAVED, layouts equal) and every commit touching them up to aa301f4 (after which no op read here runs it; PR #41468, 7257143, deletes it): 250ef95, 81f9494, ac04812, 6edcda7, fa45b9b, 0cc4e4e, 52fd64d, ec1e9aa, b5f61bb and its revert fac07e6 (compute args), 476062d (kernel path), dbf0265, 02d8c64, 4ec93ec, 6a7a60e, 7ba089f, d18c5dc, 5440d62, 10a3832, 8473ceb, 1700432, d82e424 (physical_volume), f834267, e0e0d5e (#24689: c_1 of 2 input tiles for HARDSHRINK), 9a42525, d7cba8c, fa53510, 3eb6d70 (TensorAccessor), 7b840a3, 11de0e3 (#28170: c_1 for CBRT), 76f5736, 340ca44, 17cba8f, 0e9a565, 94e78f6 (#33157: UnarySubCoreGridProgramFactory, only with sub_core_grids, which tt-mlir passes none of), f8ee447, e6d82c8 (bitcast's c_0 format), d239d36, 9c027df (#31296: c_1 for LOGIT), 08e6e67, 476b46f, 1515b3e, 8b99879 / 297f4f4 / 6223e8c, 685e40a (#34796: row-major pages, TILE unchanged), 441c2f9, 0741d5c, 55a31c4, f3f9c1a, c83c151, 544e13f, df4b2bd, 85d0dea, 2ecbb1a (#38279: CBRT's c_1 dropped, change point cbrt-unary-no-tmp-cb), 1c22985, ce15e49, 22ad2b3, aaca681 (math fidelity); unary_ng_program_factory.cpp, unary_ng_utils.cpp and unary_ng_device_operation.cpp at 55e065a (c_0 / c_2 of 2 tiles unless the shard path, tmp c_1 for HARDSHRINK / LOGIT, split_work_to_cores over the output tiles of the compute grid) and every commit touching them: aa301f4 (runtime args, approx mode), c262c36 (a copyright line), a22327a and f1eecc0 (row-major only), dc66df3 (LOGIT scalars), f874151 (namespaces), aa59894 (HARDSHRINK's c_1 gone), 076511e (CBDescriptor port, same total_size), 468245b (#42737: renamed to unary/device/unary_program_factory.cpp and unary/common/unary_utils.cpp, CB lines the same), 61f1bd8 and 2d254d5 (to 622c6fb: MISH / LOGIT scalars only); the dispatch of each op in UNARY_DISPATCH_READ: unary.hpp / unary.cpp / unary_ng.hpp / unary_ng.cpp at every commit git log -G finds for its name or UnaryOpType (65caa88, aa7b4fb, 2808d98, 35eea91, bfa1a31, b608ed8, daa68b9, 4cab147, c5fbb16, 55e065a, aa301f4, 1f4f3b9, 468245b; 852431e registers hardsigmoid; c2784e7, 457a88d, 2a88382, dea866a, 239d1a7, 9aebb1a, f2d4373, 6413450 / cd51eec / 6ee77b8 change other ops' lines): one unary_impl / unary_ng_impl call with its op type (sqrt, rsqrt, erf, gelu with a fast-mode parameter, leaky_relu and elu with a float), output dtype the input's",
    citedAs:
      'tt-metal unary_program_factory.cpp, unary_ng_program_factory.cpp and the unary dispatch at every commit aa5af61 … 622c6fb (eltwise.ts)',
  },
  'unary-tile-sharded': {
    family: 'eltwise (unary)',
    // The oldest modeled build to 622c6fb (2026-06-23), with change points unary-ng-first-ops and
    // unary-mixed-memory-layouts inside (the sharded rule moves there).
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'a unary op whose dispatch was read (UNARY_DISPATCH_READ) with a sharded TILE input or output: before the unary_ng change points, input and output memory layouts equal (validate), UnaryShardedProgramFactory binds c_0 and c_2 to the input and output shards (0 CB-region bytes) on the shard grid and throws for a DRAM shard, another output core count or tile size; from them, unary_ng binds c_0 / c_2 to the shards only under is_native_L1_sharding and an even output (both sharded, input even, neither in DRAM, one shard grid), else 2-tile CBs on split_work_to_cores, the shards read through TensorAccessor',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): unary_sharded_program_factory.cpp and unary_device_operation.cpp at aa5af61 (num_tile_per_core from the shard spec, c_0 and c_2 of num_tile_per_core 32-byte-aligned input tiles set_globally_allocated_address on the input and output buffers; TT_FATALs: output core count, tile sizes, L1 buffers, shard width L1-aligned for non-block formats) and every commit touching the sharded factory up to aa301f4 (after which no op read here runs it): 250ef95, fa45b9b, f43d12a, 476062d, 0a922ee (#19610: a row-major shard width no longer rounded up to 16), 7ce4e6d, 4ec93ec, 6a7a60e, d18c5dc, 6cbeeb4 (bfp4 counted like bfp8), d82e424, f834267, e0e0d5e / 11de0e3 / 9c027df / 2ecbb1a (c_1), 9a42525, d7cba8c, 7b840a3, 76f5736, 340ca44, 17cba8f, 94e78f6 (sub_core_grids refused for a sharded input), f8ee447, e6d82c8, 08e6e67, 0741d5c, 55a31c4, c83c151, df4b2bd, 1c22985, aaca681 (no CB line); unary_ng_utils.cpp (is_uneven, is_native_L1_sharding, get_shard_specs, get_worker_grid) and unary_ng_program_factory.cpp (src_sharded / dst_sharded CBs of the shard's tiles bound to the buffers, else 2 tiles) at 55e065a and every commit touching them to 468245b and on to 622c6fb (aa301f4, c262c36, a22327a, f1eecc0: row-major shards not tile-aligned fall back to interleaved, TILE unchanged, dc66df3, f874151, aa59894, 076511e, 468245b rename, 61f1bd8, 2d254d5); unary_ng_device_operation.cpp validate at 55e065a, aa301f4, 468245b (a non-sharded input / output must be interleaved, nothing else about layouts); the dispatch as read span unary-tile-interleaved reads it",
    citedAs:
      'tt-metal unary_sharded_program_factory.cpp, unary_ng_utils.cpp / unary_ng_program_factory.cpp and the unary dispatch at every commit aa5af61 … 622c6fb (eltwise.ts)',
  },
  'binary-sharded-tile-cbs': {
    family: 'eltwise (binary)',
    // From af6910e (PR #30557, 2025-10-15 20:43 UTC, change point binary-ng-sharded-native-l1) to 622c6fb (2026-06-23).
    // Before it binary_ng bound every sharded tensor and #27989's first is_native_L1_sharding followed: not read
    // commit by commit.
    earliest: '2025-10-15',
    latest: '2026-06-23',
    what: "a binary op with a sharded TILE operand or result: which program runs (binary.cpp's is_legacy_only: the legacy ElementWiseMultiCore(Sfpu) for a sharded block-format input of one shape until change point binary-ng-col-scalar-bcast-cb, whose CBs are a sharded input's shard, 2·find_max_block_size(shard tiles) for an interleaved one, c_2 the output shard or the shard's tiles for a width/block-sharded first tensor; else binary_ng), binary_ng's is_native_L1_sharding and get_shard_specs as change points binary-ng-sharded-native-l1 … binary-ng-native-sharded-a-broadcast give them (each sharded tensor's CB its shard exactly when they hold, else the 2-tile ring), and binary_ng's validate rejections to binary-ng-native-same-layout-l1",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): every commit af6910e … 622c6fb touching binary_ng_program_factory.cpp, binary_ng_utils.cpp / .hpp, binary_ng_device_operation.cpp or binary.cpp, its sharding, CB and dispatch lines read: af6910e (#30557: is_native_L1_sharding with a tensor b, a sharded c, one logical shape, none uneven, one tensor L1-sharded; get_shard_specs; validate_sharding), 6f9c404 (#30702: validate_sharding's layout test gone), 6132b08 (#31096: one memory layout, nothing in DRAM; validate_sharding and the L1 tests gone), 75f4885 (#32134: the same test on TensorSpecs, in the program hash), 5edbd5f and its revert 777bcd8 (#34132 / #34300: the test unchanged), 8096aa6 (#34482: a's and b's memory configs equal), 31570cf (#35420: c's unevenness test gone, a sharded a's / b's grid must be c's), ad5f256 (#36375: a tensor-scalar op with an even sharded a), 886755e (#36204: a sharded output memory config without a shard spec gets one over every core; tt-mlir always gives one), 154ae51 (#37229: get_shard_specs takes an uneven c as interleaved), 7219e97 (#36054: is_legacy_only keeps block formats), ccb46fc (#32813: row-major kernels, unsharded only), 0fca1ed (#37996: the sharded-a broadcast and uneven cases, is_legacy_only false), 076511e (CBDescriptor port: c_0 / c_1 / c_2 total_size the shard's tiles or 2, .buffer the sharded tensor's), 011389e (#43207: use_legacy removed); no sharding, CB or dispatch line in 341b1fc, a50488d, 183aaa7, 2febe16, 5a7e26c, 3d6a97c, 5fc7059, 0d318f7, f3696b6, 16485a6 / 96f7e9d / b8d340f (runtime-arg plumbing), 8fd944c (sub_core_grids, which tt-mlir passes none of), 185e7b4, c730987, 1e6cc37, f8ee447, 77699d4, 491867b, 00e05d1, 476b46f (the default memory config moved, unchanged), 1515b3e, 03eeba9, 441c2f9, 0741d5c, 2cb0524, f3f9c1a, 5ab92cd, 263c223, df4b2bd, 6d80350, de740bb, 277e999, 9fe772d, fae13ce, 4ffd828, 4961576, 692b56a, a9fb08c, ce15e49, c5fbb16 (function syntax), 5da2371, c262c36, aed2421, ffdcf4b, ed8a0f7, f874151, 5a8f4d5, 4a39a4b, c5268e1, b0de21b, 7ac549f, d9515c5, af933e8 (sub_device_id), 59dc06e (isclose), a8827df, 4c65907, fe96e4d (uint8 relational casts), 2feb3d4, d13ce12, b8d0c10; element_wise_multi_core_program_factory.cpp / element_wise_multi_core_sfpu_pgm_factory.cpp / binary_device_operation.cpp at every commit 6132b08 … 0fca1ed (TT_FATAL wording, includes, style: the CB lines of @0fca1ed~1 as the model has them)",
    citedAs:
      'tt-metal binary_ng_program_factory.cpp, binary_ng_utils.cpp, binary_ng_device_operation.cpp, binary.cpp and the legacy element-wise factories at every commit af6910e … 622c6fb (eltwise.ts)',
  },
  'i2s-l1-shard': {
    family: 'to_memory_config',
    // The oldest modeled build to 622c6fb (2026-06-23): the CB changes inside are change points.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "an interleaved → L1-sharded to_memory_config (tiled, or row-major with the shard row a multiple of the L1 alignment and no dtype change: interleaved_to_sharded's validation) runs interleaved_to_sharded: the output CB (shard units · align(unit, the output buffer's alignment)) bound to the shard, on a dtype change c_0 = shard units · align(input unit, the input buffer's alignment), and the c_1 scratch of 4 pages per change points dram-l1-specific-alignment and i2s-scratch-dram-padded; from to-memory-config-reroute-copy a copy when the unbound CBs reach l1_size − base",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): interleaved_to_sharded_program_factory.cpp at every commit touching it 416ce55 (2024-12-31's tree) … c35459c (2026-06-11, the last before 622c6fb): the CB lines change only at 8473c4d (PR #17122, keep_l1_aligned forced on: change point dram-l1-specific-alignment), 18b4c2e (PR #23392: the output CB unbound for a DRAM shard), 3ae3181 (PR #33905: the scratch page align(unit + DRAM alignment, DRAM alignment), change point i2s-scratch-dram-padded), 7df84f1 (PR #33126, the new device-operation infra: the same CBs), 4b30829 (PR #43840: CBDescriptors of the same total_size, the output bound to dst_buffer, on get_optimal_worker_cores_for_sharded_tensor instead of shard_spec.grid); the others (250ef95, fa45b9b, 9563f5f, 0cc4e4e, 3ea7230, df3e71a, f43d12a, 7ce4e6d, 8245606, 4ec93ec, d18c5dc, b7ed0f6, 5440d62, bf56992, c5bd6d3, d82e424, e453a0e, 27f40cc, 5e01e6c, 3eb6d70, 76f5736, de6219c, 183aaa7, f8ee447, 803736d, 0741d5c, c83c151, de5a8ae (the unaligned-read test only), c262c36, 389a367 / a66c91a / 7406871 (a compile arg), 1ed3656) no CB line; interleaved_to_sharded_op.cpp / the device operation's validation at every commit touching it (e258476 … 7cdaf9d): interleaved input, sharded output, L1 only until 18b4c2e (then DRAM block sharding refused), a row-major shard row a multiple of the L1 alignment, a dtype change only for TILE (TT_FATAL; validate_inputs from 1ed3656, failing → copy; 7cdaf9d: bfp8 / bfp4 need TILE, ND specs normalized); to_memory_config_op.hpp / .cpp at every commit touching them (9acc400 … 7cdaf9d): an interleaved input to a sharded config runs interleaved_to_sharded with keep_l1_aligned false at every one (prim::copy for ND-sharded configs from 2ee6b13, can_use_interleaved_to_sharded from 1ed3656)",
    citedAs:
      'tt-metal interleaved_to_sharded_program_factory.cpp, its validation and to_memory_config at every commit 2025-01-01 … 622c6fb (memoryConfig.ts)',
  },
  's2i-l1-shard': {
    family: 'to_memory_config',
    // The oldest modeled build to 622c6fb (2026-06-23).
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "an L1-sharded → interleaved to_memory_config (tiled, or row-major with the shard row a multiple of the L1 alignment and no dtype change: sharded_to_interleaved's validation) runs sharded_to_interleaved: c_0 bound to the input shard, on a dtype change c_16 = shard units · align(output unit, the output buffer's alignment); from to-memory-config-reroute-copy a copy when c_16 reaches l1_size − base",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): sharded_to_interleaved_program_factory.cpp at every commit touching it 416ce55 (2024-12-31's tree) … 4b30829 (2026-05-26, the last before 622c6fb): c_0 = num_units_per_shard · align(input unit, the input buffer's alignment) set_globally_allocated_address(input) and, when convert_df, c_16 = num_units_per_shard · align(output unit, the output buffer's alignment) at every one; 8473c4d (is_l1_aligned forced on: the write path only), 44e4d37 (PR #20538: the end core, no CB), 18bbeef (PR #31085: the runtime-arg cores), f6accfe / d303970 / 4b51e3a (the new infra, reverted and re-landed: the same CBs), 651445f (PR #34942: CBs on the used cores), 4b30829 (PR #43840: CBDescriptors of the same total_size, c_0 bound to src_buffer); the others (250ef95, fa45b9b, 0cc4e4e, f43d12a, 7ce4e6d, 8245606, 4ec93ec, d18c5dc, b7ed0f6, 5440d62, bf56992, c5bd6d3, d82e424, e453a0e, 5e01e6c, 3eb6d70, 567bba5, 76f5736, fc82114, dfa09ba, f8ee447, c83c151, f9e2c0b, c262c36, 389a367 / a66c91a / 7406871) no CB line; the validation at every commit touching it (5d0170e … 1ed3656): a sharded L1 input, an interleaved output, a row-major shard row a multiple of the L1 alignment, a dtype change only for TILE (validate_inputs from 1ed3656, failing → copy); to_memory_config: a sharded input to an interleaved config runs sharded_to_interleaved at every commit 9acc400 … 7cdaf9d (can_use_sharded_to_interleaved from 1ed3656)",
    citedAs:
      'tt-metal sharded_to_interleaved_program_factory.cpp, its validation and to_memory_config at every commit 2025-01-01 … 622c6fb (memoryConfig.ts)',
  },
  'transpose-tiled-interleaved': {
    family: 'permute/transpose',
    // The oldest modeled build to 622c6fb (2026-06-23); the pad CB's change inside is change point
    // transpose-hc-tiled-face-padding.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'ttnn::transpose of an interleaved TILE tensor (rank ≤ 4, unsqueezed to 4-D) over W and H or C and H: transpose_ runs the Transpose device operation (never prim::permute for a tiled input); WH → TransposeWHProgramFactory (transpose_wh_multi_core): c_0 = c_16 = 2 tiles on split_work_to_cores over the tiles; HC → TransposeHCTiledInterleavedProgramFactory (transpose_hc_multi_core_tiled_interleaved): c_0 = 2 tiles, and when C % 32 ≠ 0 a pad CB c_1 of one face row (16 datums), one whole face (16·16) from change point transpose-hc-tiled-face-padding, on the whole grid (a pad value is always set: 0.0f by default, value_or(0.0f) from 588e634, a float from 97eef10)',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): transpose.cpp (transpose_ and ExecuteTranspose::invoke), transpose_op.cpp / transpose_device_operation.cpp (validate, create_program / select_program_factory) and transpose_program_factory.cpp (split by 5f2f322, PR #33423, into transpose_wh_program_factory.cpp and transpose_hc_tiled_interleaved_program_factory.cpp) at every commit touching transpose/ outside kernels from 416ce55 (2024-12-31's tree) to 9890788 (2026-06-16, the last before 622c6fb), 92 commits from 2025-01-01, read by their hunks on CB lines, factory selection and dispatch: the tiled interleaved WH CBs (num_input_tiles = num_output_tiles = 2 for a tiled input) and the HC tiled-interleaved CBs (2 tiles; pad CB face_shape[1]·elem when needs_padding) the same at every commit but eda5031 (PR #36896: the pad CB max_padding_write = 16·16 datums; change point transpose-hc-tiled-face-padding) and 1ff24da (PR #45071: CBDescriptors of the same total_size on total_cores); needs_padding asks pad_value.has_value() until 97eef10 (PR #35785) and a pad value is always passed (transpose.hpp default 0.0f; 588e634, PR #34292: value_or(0.0f)); transpose_ sends a tiled input to the Transpose operation at every commit (the RM-only prim::permute branches of 9acc400 / 14f2057 / fb9f208, the RM WH L1 budget of 0326f01, the native-sharding output configs of be88793 / 0326f01 aside); select_program_factory (5f2f322 … 622c6fb): a non-sharded WH → TransposeWHProgramFactory, a non-sharded tiled HC → TransposeHCTiledInterleavedProgramFactory (be88793's use_sharded_wh / use_sharded_hc need an L1 shard); other commits: renames, includes, logging, runtime args (97d8aed, e76ffe1), compile args (db5cc9c, 13afacb), dtype checks (c17bf8a / d70af10 / d4f71ea int32), sharded-only validation (99302c5, 05e3456, 5454e81, 879ad1a)",
    citedAs:
      'tt-metal transpose.cpp, the transpose device operation and its WH / HC tiled-interleaved factories at every commit 2025-01-01 … 622c6fb (permute.ts)',
  },
  'transpose-rm-before-permute': {
    family: 'permute/transpose',
    // The oldest modeled build to the day before fb9f208 (PR #17048, 2025-01-23, change point permute-tiled-generic), from
    // which transpose_ hands every interleaved row-major HC / CN to prim::permute.
    earliest: '2025-01-01',
    latest: '2025-01-22',
    what: "ttnn::transpose of an interleaved ROW_MAJOR 4-D tensor before prim::permute took it: WH (before change point transpose-rm-interleaved-via-permute) runs to_layout TILE → tiled WH → to_layout ROW_MAJOR when W·elem or H·elem is not a multiple of 16 B or get_estimated_size_of_cbs (2·Wt + 2·Ht + Ht·Wt + Ht tiles, W and H divided by 32 rounding down) reaches the L1 below the lowest occupied address, else transpose_wh_multi_core's row-major CBs c_0 = 2·Wt, c_16 = 2·Ht, c_24 = Ht·Wt, c_25 = Ht tiles on the whole grid; HC runs transpose_hc_multi_core's row-major c_0 = (most sticks of a core) · W·elem on the whole grid when W·elem is a multiple of the input buffer's alignment, else the tiled path",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): transpose.cpp, transpose_op.cpp and transpose_program_factory.cpp at 416ce55 (2024-12-31's tree: transpose_'s WH tiled_only rules — W·elem or H·elem % FACE_WIDTH, rm_enough_available_space against lowest_occupied_compute_l1_address — and HC's W·elem % buffer alignment; transpose_wh_multi_core's four row-major CBs; transpose_hc_multi_core's stick CB) and at every commit touching them to 09349dd (2025-01-22): 9acc400 (PR #16155: interleaved RM WH → prim::permute, change point transpose-rm-interleaved-via-permute; get_estimated_size_of_cbs removed with it), 17e2de8 and 4549ef0 (DRAM_ALIGNMENT / L1_ALIGNMENT → hal::get_dram_alignment / get_l1_alignment, the same values), 250ef95 (IDevice), d408f13 (permute only), fa45b9b (includes), 09349dd (get_logical_shape); the Transpose validation's RM WH 16 B stick check and HC alignment check the same throughout",
    citedAs:
      'tt-metal transpose.cpp and transpose_program_factory.cpp at every commit 2025-01-01 … 2025-01-22 (permute.ts)',
  },
  'permute-rm-factories': {
    family: 'permute/transpose',
    // The oldest modeled build to 622c6fb (2026-06-23).
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "prim::permute of an interleaved ROW_MAJOR tensor (ttnn::permute, and ttnn::transpose's interleaved row-major WH from change point transpose-rm-interleaved-via-permute, HC / CN from permute-tiled-generic): the last dim kept → MultiCoreRowInvariant, c_0 = 2 pages of round_up(W·elem, the input buffer type's alignment) on split_work_to_cores over the rows; else MultiCoreBlockedGeneric, c_0 = c_1 = c_2 = 2 · 32·32·elem on split_work_to_cores over (rows / X) · ceil(X/32) · ceil(W/32) blocks",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): permute_program_factory.cpp (416ce55's tree; renamed permute_rm_program_factory.cpp by 158d2a5, PR #16468) and permute_device_operation.cpp at every commit touching them 416ce55 … 9890788 (2026-06-16), read by their hunks on CB lines and select_program_factory: detail::page_size (round_up(W·elem, DRAM / L1 alignment by the input buffer type; the constants → hal at 4549ef0 and 7ce4e6d, the same values), num_input_pages_to_read = 2, the blocked CBs (input_cb_page_size · x_block_size, output_cb_page_size · w_block_size, x_block_size · w_block_size · elem, each doubled) and num_blocks_total the same at every commit; num_rows = volume / W, physical_volume / W (d82e424), num_pages (e3da0ed, PR #39996): the rows of a row-major tensor each time; 1ff24da (PR #45071): CBDescriptors of the same total_size on all_cores; select_program_factory: ROW_MAJOR → RowInvariant when dims.back() is the last dim, else BlockedGeneric at every commit (158d2a5 adds the tiled branch); validation: sharded inputs refused until 1f97c57 (PR #31981); transpose.cpp's interleaved_rm branches call prim::permute with (0,1,3,2) / (0,2,1,3) / (1,0,2,3) at every commit from 9acc400 / fb9f208",
    citedAs:
      'tt-metal permute_rm_program_factory.cpp and the permute device operation at every commit 2025-01-01 … 622c6fb (permute.ts)',
  },
  'permute-tiled-factories': {
    family: 'permute/transpose',
    // From fb9f208 (PR #17048, 2025-01-23, change point permute-tiled-generic) to 622c6fb (2026-06-23).
    earliest: '2025-01-23',
    latest: '2026-06-23',
    what: 'ttnn::permute of an interleaved TILE tensor (not block-float, not a no-op): permute.cpp unsqueezes to 4-D and runs (0,1,3,2) / (0,2,1,3) / (1,0,2,3) as ttnn::transpose (read span transpose-tiled-interleaved), any other order as prim::permute: the last two dims kept or swapped → MultiCoreTileInvariant (c_0 = 2 tiles, + c_16 = 2 tiles when swapped); one of them moves, the last kept or the new last the old H → MultiCoreTileRowInvariant (c_0 = 2 tiles, c_1 one face row of 16·elem when the new H % 32 ≠ 0, c_16 = 2 tiles when the new last is the old H); both move → MultiCoreTiledGeneric (c_0 = c_1 = c_2 = 2 · (tile + max(0, read alignment − 16·elem)), c_3 one face row when the new H is not a multiple of 32: needs_y_padding alone creates it, needs_x_padding only sets kernel arguments)',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): permute_tiled_program_factory.cpp, permute_device_operation.cpp and permute.cpp at every commit touching them fb9f208 … 9890788 (2026-06-16), read by their hunks on CB lines, select_program_factory and permute_impl's dispatch: the three factories' CB totals and their padding CBs (TileRowInvariant's c_1 when the new H % 32 ≠ 0; TiledGeneric's c_3 under `if (needs_y_padding)`) the same at every commit but bee6c8c (PR #22652, tile_size from the dataformat: the same for non-block-float), 97eef10 (PR #35785: the pad_value.has_value() term dropped, a pad value always passed: 0.0f default, value_or(0.0f) from 588e634) and 1ff24da (PR #45071: CBDescriptors of the same total_size); select_program_factory's tiled branches unchanged (441c2f9, 7552777 reflow them); permute_impl for an interleaved input: rank > 4 → prim::permute, the three 4-D orders → ttnn::transpose, others → prim::permute, the bfp8 typecast and is_permute_nop at every commit (1f97c57, 879ad1a, be88793, 7552777, 46e6f47 change sharded inputs only)",
    citedAs:
      'tt-metal permute_tiled_program_factory.cpp, the permute device operation and permute.cpp at every commit 2025-01-23 … 622c6fb (permute.ts)',
  },
  'copy-tile-interleaved': {
    family: 'copy',
    // The oldest modeled build to 622c6fb (2026-06-23).
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'to_memory_config between two interleaved configs of a TILE tensor (a buffer-type or dtype change) runs ttnn::prim::copy: c_0 = 2 input tiles, + c_16 = 2 output tiles on a dtype change, on split_work_to_cores over the tiles — the one copy program until change point copy-default-row-major-subblocks, then CopySameMemoryConfig (equal memory configs, CBs under l1_size − base) or the default tilized program, whose CBs are the same',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): to_memory_config_op.hpp / .cpp at every commit touching them (9acc400 … 7cdaf9d): an interleaved input to an interleaved config runs CopyDeviceOperation / prim::copy (8f568f3's new infra; 2ee6b13 sends ND-sharded configs to copy too); copy/device outside kernels at every commit b4af6c8 … e728116 (2026-06-03, the last before 622c6fb), read by their hunks on CB lines, factory selection and validation: copy_program_factory.cpp's tiled units (TileSize, tile_size at 76f5736), num_input_units = num_output_units = 2 and the output CB only when convert_dtype at every commit to 2ee6b13, where it becomes copy_same_memory_config_program_factory.cpp with the same lines, beside copy_default_tilized_program_factory.cpp (2 · aligned input page, 2 · aligned output page on a dtype change); 15df477 (PR #43536: CBDescriptors of the same total_size); 9f264de (PR #29189: the units aligned to the buffer alignment, a tile being a multiple of it; change point copy-rm-page-buffer-alignment for rows); select_program_factory from 2ee6b13 (can_use_specialized_factory: equal memory configs and the CBs under l1_size − base); validation: interleaved input until 1e86df4 (PR #22591), the dtype list, a dtype change only for TILE (d82e424 wording) — the rest renames, includes and runtime args (56f51d0, 16308ac, da0698f output spec, 41c3fed UINT16)",
    citedAs: 'tt-metal to_memory_config and the tiled copy programs at every commit 2025-01-01 … 622c6fb (copy.ts)',
  },
  'sdpa-prefill-factory-2026': {
    family: 'attention',
    // From the day after dfc30d0 (2026-03-02 16:11 UTC), whose state of every source below was read whole, to 622c6fb.
    earliest: '2026-03-03',
    latest: '2026-06-23',
    what: "SDPAProgramFactory (scaled_dot_product_attention, chunked and flash MLA prefill) as attention.ts sizes it: q/k chunks from the program_config, else 32/32; c_0 Sq_chunk_t·DHt·q_buffer_factor, c_1 / c_2 Sk_chunk_t·(v)DHt·2, the mask CB (provided, generated Bfp4_b, lightweight causal or streaming Float16_b), the two scalar CBs, page-table and chunk_start_idx CBs, the sink, the streaming recip scratch, qk_im, out_im ×2, five statistics CBs (Float16_b) and the output CB (Sq_chunk_t·vDHt, or streaming_cb_out_tiles), all on the program grid's rectangle; can_use_streaming_compute with fp32 dest accumulation off (sdpa.cpp's init_device_compute_kernel_config(HiFi2, approx, fp32 off) for tt-mlir's nullopt compute config), with change points sdpa-prefill-streaming, sdpa-streaming-q-subblocks, sdpa-lightweight-causal-mask, sdpa-prefill-f32-q-scalars, sdpa-mask-prescale, sdpa-streaming-cb-out-ping-pong, sdpa-streaming-causal, sdpa-global-q-scheduling, sdpa-sliding-window-mask-cb, sdpa-streaming-sliding-window, sdpa-streaming-provided-mask and sdpa-sliding-window-mask-exclusive inside",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main), session 33: sdpa_program_factory.cpp whole at dfc30d0 (= 609582b, the last change before it: c_0 … c_31 fixed ids, mask c_3 for a provided mask, causal or padded, Bfp4_b when generated, q_buffer_factor from q_per_core) and at 622c6fb, and the diff of its CB-sizing, format, core and streaming-selection lines at every first-parent commit touching it between: 98ad3ba, 61951af, 4d4fead (comments), 08a5992 (#38838: can_use_streaming_compute, recip scratch c_4, the lightweight padded mask), 221ad05 (#39287: q_num_subblocks > 1), 93b1879 (a comment), 98efefb (dst_size in the selection, out subblock capped at 2 when streaming), 7de64c4 (an assert), c262c36, bc41b97 (readers' NOC barriers), 597deb2 (#42159), 4859af0 (logging), 7fb82fd (#41637: scalar_df), 4862a06 (#43043: streaming_cb_out_tiles), c47d23c (#43538), 89cc991 (a define), f1aff20 (#44614: global Q scheduling), ec56365 (#44755: CBDescriptors, the same sizes), 8635db0 (the chunk_start_idx buffer binding), 5e9f894 (#45104: sequential CB ids, needs_mask_cb with the sliding window), 32651f0 (check_uniform_dataformat removed: a define), 6489100 (#46281: lightweight_mask_tile_count), 1bbb556 (#46600); sdpa_subblock_utils.hpp at 98efefb (max_subblock_h), 4862a06 (streaming_cb_out_tiles; kernels/sdpa_streaming_qktv.hpp streaming_qktv_h, unchanged after) and fdc7165 (max_subblock_w, default unbounded: the factory passes none); kernels/sliding_window_geometry.hpp (kSlidingWindowEdgeTiles 4, from 6489100); sdpa_device_operation.cpp / .hpp / _types.hpp at every commit touching them: 8d91e28 (the perf model), ce15e49, c262c36, f874151 (renames), 98bc750 (a hash), ec56365 (an include), 8635db0 (chunk_start_idx tensor TT_FATALs, met by tt-mlir's call), 1bbb556 (the sliding-window / mask TT_FATAL, change point sdpa-sliding-window-mask-exclusive); sdpa.cpp at every commit touching it (b0f0258, 8d91e28, d128159, f327044, c262c36, f874151, 8f3dac3, 955f2bb, 6abfd73, 0694bbf, 8574aad, 36996d0, 7d06936, 85f539a): every entry's init_device_compute_kernel_config(arch, config, HiFi2, true, false, false) unchanged, the only change to the single-chip entries 955f2bb's mask prescale (change point sdpa-mask-prescale); compute_kernel_config.cpp's init keeps the passed fp32 default for a nullopt config at dfc30d0 and 622c6fb. tt-mlir (tenstorrent/tt-mlir first-parent to 19c86fc): runtime scaled_dot_product_attention.cpp at every commit touching it (2a2233e, 29398cf, 10e2b3f, 19c86fc) and flash_mla_prefill.cpp (70ff200, its one version) pass program_config and compute_kernel_config nullopt (TTNN_ScaledDotProductAttentionOp and FlashMlaPrefillOp have no program_config); chunked_scaled_dot_product_attention.cpp passes the IR's program_config or nullopt",
    citedAs:
      'tt-metal sdpa_program_factory.cpp, sdpa_device_operation.cpp, sdpa_subblock_utils.hpp and sdpa.cpp at every commit dfc30d0 … 622c6fb (attention.ts)',
  },
  'tilize-with-val-padding-interleaved-2025-2026': {
    family: 'tilize/untilize',
    // The oldest modeled build to 622c6fb (2026-06-23); the rule changes inside are change points.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'to_layout of an interleaved row-major input to an interleaved TILE result that needs padding (or ttnn.tilize_with_val_padding called directly): to_layout calls tilize_with_val_padding(padded shape, output memory config, dtype, use_multicore = true); is_enough_space compares (T_in + T_out) · Wt with get_max_l1_space; the tile-row factory (c_0 = Wt · T_in, c_16 = Wt · T_out on split_blocks_for_tilize(rows)) unless a change point sends it elsewhere: tilize-with-val-padding-single-core-fallback, tilize-untilize-padding-block-factory (the block factory on !enough_space_height or the wide test), tilize-untilize-sub-block, tilize-block-staging-cb, tilize-block-staging-budget, tilize-with-val-padding-multicore-default, to-layout-tilize-multicore-width-check-dropped (the core order and printed range: padding-block-cores-column-major, tilize-program-descriptors)',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): to_layout_op.cpp at every commit touching core/to_layout from ca2ce56 (2025-01-03) to 44fa8f6 (2026-06-18): the padding path calls tilize_with_val_padding with use_multicore_tilize (use_multicore_device_tilize until 6c77212, true after: change point to-layout-tilize-multicore-width-check-dropped), the reshape / view after it a view of the same padded shape (b2912fe, 8063f0a, 493dab2; dropped by 1675719), the HEIGHT_SHARDED pad branch only for sharded inputs, pad_value (5c2d8f1) and sub_core_grids (493dab2, c116a3d) plumbing, a rank < 2 input viewed as [1, W] (b2912fe, 1675719); tilize_with_val_padding.cpp at every commit (d9395105 … 44fa8f6: the rank > 4 squeeze, enough_space_width / _height from 6c77212, the empty-tensor path 652c0dc, sub_core_grids, the TILE early return 70f6c3d, the free function b5dcf00); tilize_with_val_padding_op.cpp create_program and validate at every commit to 22dc48a (sharded or use_multicore → multi_core before 6c77212; sharded, !enough_space_height → block, !use_multicore → single core, else interleaved from it; validate: dtypes bf16 / f32 / uint32, int32 from 5f2199a, uint16 from 8a2d4ed, rank ≥ 1 from f94e091), then tilize_with_val_padding_device_operation.cpp select_program_factory at every commit 22dc48a … 479d767 (the wide test moved from the interleaved factory at 8c95176, the same test; a7efdee renames the interleaved factory Default and sends unsupported shard specs to it); the factories' CB lines by git log -G over tilize_with_val_padding/ (kernels excluded) 2024-12-25 … 622c6fb: ea6d5c0 (change point tilize-with-val-padding-single-core-fallback), 6c77212 (the block factory), 5e01e6c, d82e424, 76f5736, 07456f0, c116a3d (renames, the sub grid), 22dc48a (the factories/ files, the same CBs), 8c95176, 95b3153 (change point tilize-untilize-sub-block), a7efdee, 2340438, 1c444da (no CB line), 4b30829 (CBDescriptors of the same total_size), 54b521d (change point tilize-block-staging-cb); common.cpp get_max_l1_space / is_enough_space / get_estimated_size_of_cbs the same from 6c77212 (moved there from the factory) to 622c6fb (f8ee447 auto* only); work_split_tilize.hpp at every commit (ca4e4ab, b2912fe, 6603389, f94e091: distribute_work; 6c77212: split_blocks_for_tilize_wh; 493dab2: the CoreRangeSet overloads; 0d76c12: the cliff core's 1x1 range in all_cores, a printed range only; 38355f5 / cfe022f: compute_ncores_wh split out; 8cb4d9e: BlockRep; 95b3153: the sub-block split; the rest comments)",
    citedAs:
      'tt-metal to_layout_op.cpp, tilize_with_val_padding.cpp, its selection, factories, common.cpp and work_split_tilize.hpp at every commit 2025-01-01 … 622c6fb',
  },
  'tilize-interleaved-2025-2026': {
    family: 'tilize/untilize',
    // The oldest modeled build to 622c6fb (2026-06-23); the rule changes inside are change points.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: 'to_layout of an interleaved row-major input to an interleaved TILE result that needs no padding: to_layout calls ttnn::tilize(output memory config, dtype, use_multicore); is_enough_space compares (T_in + T_out) · Wt with get_max_l1_space; the tile-row factory (c_0 = Wt · T_in, c_16 = Wt · T_out on split_blocks_for_tilize(rows)) unless a change point sends it elsewhere: to-layout-tilize-multicore-width-check-dropped (single-core before it for a row over the half-L1 limit), tilize-untilize-padding-block-factory (the block factory on !enough_space_height or the wide test), tilize-untilize-sub-block, tilize-block-staging-cb, tilize-block-staging-budget (the core order and printed range: tilize-cores-column-major, tilize-program-descriptors)',
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): to_layout_op.cpp at every commit 2025-01-03 … 44fa8f6 as read for span tilize-with-val-padding-interleaved-2025-2026 (the no-padding path: ttnn::tilize(tensor, output_memory_config, dtype, use_multicore_tilize), low perf false and sub_core_grids from 493dab2); tilize.cpp at every commit (d9395105, 09349dd, 2df6e60, 14f9739, 65caa88, 6c77212: enough_space from the input's padded width in tiles, d82e424, 1da0258 / 042be27 / 3d989c3, 76f5736, 493dab2, ecd96f5, b5dcf00, 44fa8f6, 1e95aec: the sharded reroute only); tilize_op.cpp create_program at every commit to ecd96f5 (use_multicore → tilize_multi_core before 6c77212; sharded, !enough_space_height → block, !use_multicore → single core, else interleaved from it; 493dab2 checks low perf / !use_multicore first), then tilize_device_operation.cpp select_program_factory at every commit ecd96f5 … 622c6fb (e4b2acd moves the wide test from the interleaved factory into it, the same test; ff3f9f8, 123a3fe: sharded inputs only; 123a3fe renames the interleaved factory Default, ntiles_per_block = div_up(logical width, 32), the padded width for an input that needs no padding); the factories' CB lines by git log -G over tilize/ (kernels excluded) 2024-12-25 … 622c6fb: 0cc4e4e, d82e424, 5e01e6c (renames), 6c77212 (the block factory), 493dab2 (the sub grid), ecd96f5 (own files, the same CBs), 95b3153 (change point tilize-untilize-sub-block), 4b30829 (CBDescriptors of the same total_size), 54b521d (change point tilize-block-staging-cb); common.cpp and work_split_tilize.hpp as read for span tilize-with-val-padding-interleaved-2025-2026",
    citedAs:
      'tt-metal to_layout_op.cpp, tilize.cpp, its selection, factories, common.cpp and work_split_tilize.hpp at every commit 2025-01-01 … 622c6fb',
  },
  'untilize-with-unpadding-interleaved-2025-2026': {
    family: 'tilize/untilize',
    // The oldest modeled build to 622c6fb (2026-06-23); the rule changes inside are change points.
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "to_layout of an interleaved TILE input to an interleaved row-major result that drops padding (or ttnn.untilize_with_unpadding called directly, from change point untilize-with-unpadding-multicore-default): to_layout calls untilize_with_unpadding(logical end, output memory config, use_multicore = true); is_enough_space compares (T_in + T_in) · Wt (the output tile sized as the input's) with get_max_l1_space; the tile-row factory (c_0 = Wt · T_in, c_16 = Wt · T_out on split_blocks_for_tilize(rows)) unless a change point sends it elsewhere: untilize-unpadding-col-factory, untilize-unpadding-col-by-space (the column factory, c_0 = c_16 = Ht tiles), tilize-untilize-padding-block-factory (the block factory on !enough_space_height or the wide test), tilize-untilize-sub-block (the core order and printed range: padding-block-cores-column-major, untilize-program-descriptors)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main): to_layout_op.cpp at every commit 2025-01-03 … 44fa8f6 as read for span tilize-with-val-padding-interleaved-2025-2026 (the unpadding path: untilize_with_unpadding(tensor, logical end, output_memory_config, use_multicore_untilize = true), then a reshape to the same logical shape until 1675719; the dtype TT_FATAL of 028b296, relaxed for BFLOAT8_B → BFLOAT16 by 8aafa3a); untilize_with_unpadding.cpp at every commit (d9395105, 09349dd, c9ddf84, 8063f0a, 2df6e60, 14f9739, 65caa88, a4b0687: enough_space from the input tile for both CBs, 6c77212: moved to common.cpp, d82e424, cdc0135, 1da0258 / 042be27 / 3d989c3, 76f5736, 07456f0: fp32 accumulation, c116a3d, 2669ae5, 197bbce, 751f7ae: use_pack_untilize dropped, b5dcf00, c262c36, 063669d: enough_space_width dropped); untilize_with_unpadding.hpp's use_multicore default (false until a686bf9, change point untilize-with-unpadding-multicore-default); untilize_with_unpadding_op.cpp create_program at every commit to 2669ae5 (sharded or use_multicore → multi_core until 6c77212; then sharded, !use_multicore → single core, !enough_space_height → block, else interleaved) and its validate; untilize_with_unpadding_device_operation.cpp select_program_factory at every commit 2669ae5 … 063669d (cfe022f moves the wide test from the interleaved factory into it, the same test; 162da7c: ND-sharded inputs only) and validate by git log -G TT_FATAL (f7f6527 / 751f7ae: uint32 / int32 without pack untilize, which to_layout always asked for; 162da7c, 1675719: sharded inputs); the factories' CB lines by git log -G over untilize_with_unpadding/ (kernels excluded) 2024-12-25 … 622c6fb: 1b01e8b and a4b0687 (the column factory: change points), 6c77212 (the block factory), c485f7c, d82e424, 7abfb7a, 5e01e6c, 2344ba5, c116a3d (compute arguments, renames, the sub grid), 2669ae5 (the factories/ files, the same CBs), cfe022f, 3d91752 (compute only), 162da7c (the ND-sharded factory), 95b3153 (change point tilize-untilize-sub-block), 1ff24da (CBDescriptors of the same total_size); the interleaved factory's c_0 / c_16 of num_tiles_per_row tiles at aa5af61 (main of 2024-12-31) and 622c6fb; common.cpp and work_split_tilize.hpp as read for span tilize-with-val-padding-interleaved-2025-2026",
    citedAs:
      'tt-metal to_layout_op.cpp, untilize_with_unpadding.cpp, its selection, factories, common.cpp and work_split_tilize.hpp at every commit 2025-01-01 … 622c6fb',
  },
  'reshape-tiled-interleaved': {
    family: 'reshape',
    // From ed0a405 (PR #20189, 2025-04-17 21:14 UTC: change point reshape-tiled-native) to 622c6fb (2026-06-23).
    earliest: '2025-04-17',
    latest: '2026-06-23',
    what: "a tiled reshape that is no view, of a BFLOAT16 / FLOAT32 / UINT32 (INT32 from change point reshape-int32) tensor: ttnn::reshape's view test (same last dim, same sharded-ness and L1-ness, and row-major or the same or two tile-aligned second-last dims), reshape_tiled's rank-3 squeeze and the interleaved route straight to prim reshape_view (the padding fill only with an explicit pad_value), and ReshapeTiledProgramFactory's CBs: c_0 one mapping page of 16 · (M + M mod l1 alignment) B from the host segment map, c_1 one input tile, c_2 one output tile, on the whole grid (on split_work_to_cores' cores from change point reshape-tiled-program-descriptor); the sharded routes are change points reshape-tiled-sharded-*",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) reshape_tiled_program_factory.cpp (device/host/ to ebbcdf2, device/ after) at every commit touching it from ed0a405 to 622c6fb: the three CB lines the same (reader_cb_len 1; 3623ec5, b7ed0f6, 82501b9, d82e424, 5e01e6c, 2dc2546, 396f8b2, c4a3669, 76f5736, d79048d, de6219c, 0e9a565, f8ee447, f7f0eb3, 6131bec, 803736d, 441c2f9, 0741d5c, 55a31c4, 1d0b227, c83c151, c262c36: names, style, includes); 633160e (kernels on all_cores only), 82d9e85 (TensorAccessor args), 133ad3d / its revert 84bfd48 (2025-08-14..18: a bfp8 exponent CB, bfp8 only), 998ffb0 / 4c61e06 / d48f32f (recreate_mapping_tensor on cache hits), a17527e (sub_core_grid, which tt-mlir does not pass), ebbcdf2 (new device-operation infra, the same CBs), 2bb1f91 / its revert d711cca (12-11..16: another factory only for on_device_mappings = false), b2af0cd (CBDescriptors on all_cores: change point reshape-tiled-program-descriptor); the segment map code (namespace detail) diffed whole between ed0a405 and 622c6fb: parentheses, const, member initializers and contains() only; the mapping tensor goes to_device with the default MemoryConfig (DRAM) throughout. reshape.cpp and reshape_device_operation.cpp at every commit ed0a405 … 622c6fb (3623ec5, baa1db9, 18d125c, 5440d62, d6e9bf6, d82e424, 67fb39c, cdc0135, acde882, 76b41ae, 133ad3d / 84bfd48 (bfp8 only), 1da0258 / 042be27 / 3d989c3 (queue id), 91ebe94 / e400aa5, 998ffb0 / 4c61e06 / d48f32f, 984e8b8, a17527e, 70f6c3d, ebbcdf2, 2bb1f91 / d711cca, 476b46f, 1515b3e, c7da2ef, 441c2f9, 0741d5c, 197bbce, 3cc3eff, f3f9c1a, c83c151, 4914f84 / ce64b8b / 9cfdc2a (row-major and sharded outputs), 85d0dea, a3ffa27, ce15e49, b5dcf00 (free function), c262c36, 4c32297 / 034ac58 / bb5f24f / 24d1ac0 / d9ac9a5, d9169f1, 1116349, a8bffc3 (sharded outputs: change points), f7045af (fill with an explicit pad_value, which tt-mlir's runtime does not pass, or bfp8), 2c561f0 (the row-major 2-D view's padded shape)): the view test and the interleaved route unchanged; validate's dtype list: change point reshape-int32",
    citedAs:
      'tt-metal reshape_tiled_program_factory.cpp and reshape.cpp at every commit ed0a405 … 622c6fb (reshape.ts)',
  },
  'reshape-rm-interleaved': {
    family: 'reshape',
    // The oldest modeled build to 622c6fb (2026-06-23); reshape.cpp read from d30b8c2 (2024-12-24), the factory from its
    // rewrite 3389120 (2024-12-04).
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "a row-major reshape that changes the last dim, of a BFLOAT16 / FLOAT32 / UINT32 (INT32 from change point reshape-int32) tensor: the rows × last-dim 2-D views around prim reshape into the requested config (sharded sides through sharded_to_interleaved / interleaved_to_sharded: change point reshape-sharded-output-recomputed) and ReshapeRMProgramFactory's CBs: c_0 = 2 · (floor64(src row B − 1) + 128), c_1 = floor64(dst row B − 1) + 80 on the whole grid (c_2 / c_3 from change point reshape-rm-dual-kernel)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) reshape_rm_host_prep.cpp (3389120), host/reshape_rm_program_factory.cpp (ed0a405), device/reshape_rm_program_factory.cpp (ebbcdf2) at every commit touching them 3389120 … 622c6fb: cb_size0 / cb_size1 and the CBs on total_cores (CoreRange (0,0)..(grid − 1)) the same at b4af6c8, 250ef95, fa45b9b, 00d7afd (runtime args), 8063f0a, ed0a405, bf56992 / c5bd6d3, 12d080c, d82e424, e453a0e, cdc0135, 5e01e6c, 82d9e85 (TensorAccessor args), 396f8b2, f37b776, 964d583 (runtime args), 76f5736, 0e9a565, a17527e (sub_core_grid, which tt-mlir does not pass), 951db7e, ebbcdf2, 55a31c4, 1d0b227, c83c151, c262c36, 4b30829 (CBDescriptors of the same total_size on total_cores); 51d87b0 adds c_2 / c_3 (change point reshape-rm-dual-kernel); reshape.cpp at every commit d30b8c2 … 622c6fb (before ed0a405: d0326ed, 83f816b, 250ef95, e258476, ba97aad, fa45b9b, b97973e, 09349dd, 52fd64d, f94e091, f358ebe, c109516, 8063f0a, 2df6e60, 14f9739, 3e5adf3, fd3ed75, 2d2a4c5, 3b28664; after: as read span reshape-tiled-interleaved lists): the view test, the rows × last-dim view and perform_reshape_on_2D_RM's interleaved route the same (2c561f0 passes the padded second dim, equal to the logical one for a row-major tensor); RM_RESHAPE_STRUCT::validate / ReshapeDeviceOperation::validate's dtype list: change point reshape-int32",
    citedAs:
      'tt-metal reshape_rm_program_factory.cpp (and reshape_rm_host_prep.cpp) and reshape.cpp at every commit 3389120 / d30b8c2 … 622c6fb (reshape.ts)',
  },
  'reshape-tiled-through-rm-2025': {
    family: 'reshape',
    // The oldest modeled build to the day before ed0a405 (PR #20189, 2025-04-17: change point reshape-tiled-native).
    earliest: '2025-01-01',
    latest: '2025-04-16',
    what: "a tiled reshape that is no view, before the native tiled program: convert_tile_to_rm on the rank-3 views: to_layout ROW_MAJOR in the input's memory config, the row-major reshape (read span reshape-rm-interleaved) into the requested config, to_layout TILE into it; each step as its own estimator gives it (the to_layout programs' confidence is theirs)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) reshape.cpp at every commit d30b8c2 … 3b28664 / f610743 (d0326ed, 83f816b: to_layout without the input's dtype, 250ef95, e258476, ba97aad, fa45b9b, b97973e: views through ttnn::experimental::view, 09349dd, 52fd64d, f94e091 (rank-1 views), f358ebe, c109516, 8063f0a, 2df6e60, 14f9739, 3e5adf3, fd3ed75, 2d2a4c5, 3b28664): the view test, convert_tensor_to_rm_reshape_convert_back_to_orig_layout → fix_shape_and_perform_reshape_on_3D_TILE → convert_tile_to_rm (to_layout ROW_MAJOR with no memory config, ReshapeViewOperation::invoke into the requested one, to_layout TILE into it) the same",
    citedAs: 'tt-metal reshape.cpp at every commit d30b8c2 … ed0a405~1 (reshape.ts)',
  },
  'concat-interleaved-factory': {
    family: 'concat',
    // The oldest modeled build to 622c6fb (2026-06-23).
    earliest: '2025-01-01',
    latest: '2026-06-23',
    what: "ttnn::concat of interleaved inputs of rank ≥ 2 that concat.cpp hands to concat_impl unmassaged (read spans concat-massaged-rm-path-2025 / -2025-26 for its routing) into an interleaved output, and ConcatProgramFactory (concat_multi_core before 498e08d): c_0 of two pages (one above l1_size/2 − base, and a page above l1_size − base a TT_FATAL, from change point concat-single-buffer-fallback), a page a tile of the output's format or align(elem · padded W of the output, max(input 0's buffer alignment, the output's)) (the output's alone, with every buffer at the larger alignment, before change point dram-l1-specific-alignment), on split_work_to_cores(grid, output pages) column-wise; more inputs than a program takes in batches (change points concat-batches-of-50, -47, -47-all)",
    evidence:
      "tt-metal (nyoshifujiTT/tt-metal first-parent main) concat_program_factory.cpp at every commit touching it 2edaca7 … 622c6fb: the interleaved program's c_0 (num_input_pages = 2, single_page_size, all_cores of split_work_to_cores(grid, pages, row_wise false)) unchanged but for 9563f5f (tt::align), 0cc4e4e (padded shape), b130161 / its revert a5796bc (01-24..26) and 8473c4d (PR #17122: common_align_len = max(input 0's, the output's alignment)), 76f5736 (tile_size), 498e08d (ConcatProgramFactory, the same lines), 6a974f0 (sub_core_grids, which tt-mlir's runtime does not pass: ttnn::concat(inputs, dim, memoryConfig)), 438eaf0 (CBDescriptor on all_cores: change point concat-program-descriptors), 4c70c91 (PR #43898: change point concat-single-buffer-fallback); the other commits (c5e92ef, 0548b09, 450c2b0, 5e01e6c, 124a99a / 3883482 / 6f4edaa, 16308ac, 3eb6d70, 1595893, …) change the sharded factories, kernel arguments or style; concat_device_operation.cpp at every commit 2edaca7 … 622c6fb: select_program_factory sends interleaved inputs to the interleaved program throughout (5a7d275 restructures the sharded branches), validate's interleaved checks (layouts, dtypes, ranks, shapes) unchanged, f11fd1a (PR #41566) rejects a sharded output of interleaved inputs (approx here), concat_impl's batching (change points concat-batches-of-50 at 14d91b5, -47 at efa765c, -47-all at 6ddfde3; 70f6c3d / 6491d96 replace AutoFormat by to_layout of inputs whose layout differs from the first's: none for inputs of one layout)",
    citedAs:
      'tt-metal concat_program_factory.cpp and concat_device_operation.cpp at every commit 2edaca7 … 622c6fb (concat.ts)',
  },
} as const satisfies Record<string, ReadSpan>;

export type ReadSpanId = keyof typeof READ_SPANS;

/** How an estimate made `exact` by read span `id` cites it: the span's builds and the sources read. One text per span:
 *  built per fresh estimate, each was a new string of up to ~1,000 characters that the analysis then hashed and compared
 *  whole when it shared equal estimates (the same object compares and hashes at once). */
export function readSpanCite(id: ReadSpanId): string {
  let cite = readSpanCites.get(id);
  if (cite === undefined) {
    const span: ReadSpan = READ_SPANS[id];
    cite = `read span ${id} (builds ${span.earliest}..${span.latest}, ${span.citedAs ?? span.evidence}; changePoints.ts READ_SPANS)`;
    readSpanCites.set(id, cite);
  }
  return cite;
}

const readSpanCites = new Map<ReadSpanId, string>();

/** How an approx reason names the builds read span `id` covers: `2025-01-01..2026-06-23 (read span id)`. */
export function readSpanBuildsText(id: ReadSpanId): string {
  const span: ReadSpan = READ_SPANS[id];
  return `${span.earliest}..${span.latest} (read span ${id})`;
}

/** Why an estimate is approx when its window reaches builds before (or outside) read span `id`: `subject` (what was read,
 *  with its verb) "read at every build <span's builds>; the window reaches builds <side> it". */
export function readSpanUnreadReason(subject: string, id: ReadSpanId, side: 'before' | 'outside'): string {
  return `${subject} read at every build ${readSpanBuildsText(id)}; the window reaches builds ${side} it`;
}

/** Whether the whole build window lies inside read span `id`. */
export function windowWithinReadSpan(ctx: EstimateContext, id: ReadSpanId): boolean {
  return withinSpan(ctx.ttMetal.window, READ_SPANS[id]);
}

function withinSpan(window: TtMetalWindow, span: ReadSpan): boolean {
  return window.earliest >= span.earliest && window.latest <= span.latest;
}

/**
 * Whether `windowWithinReadSpan` (for the window and for its part up to the newest build read) and
 * `windowWhollyPastNewestRead` answer alike in two windows.
 */
export function sameReadSpanAnswers(a: TtMetalWindow, b: TtMetalWindow): boolean {
  for (const span of Object.values(READ_SPANS) as ReadSpan[])
    if (withinSpan(a, span) !== withinSpan(b, span) || readUpToNewestWithin(a, span) !== readUpToNewestWithin(b, span))
      return false;
  return whollyPastNewestRead(a) === whollyPastNewestRead(b);
}

/**
 * The newest tt-metal build whose sources can be read here: 622c6fb (2026-06-23), where the first-parent main history of
 * the tt-metal mirror (nyoshifujiTT/tt-metal) ends. Builds after it are known only from stored single files and PR
 * descriptions, never commit by commit.
 */
export const NEWEST_READ_BUILD: IsoDate = '2026-06-23';

/** How an approx reason says that the window holds builds after `NEWEST_READ_BUILD`. */
export const PAST_NEWEST_READ_TEXT =
  "builds after tt-metal 622c6fb (2026-06-23), the newest the project's tt-metal mirror reaches, cannot be read";

/**
 * Whether the build window holds builds after `NEWEST_READ_BUILD` (their factories cannot be read commit by commit), for
 * an approx reason. Reads only the window's newest build, as `windowAtOrAfter` does: the whole window and its newest
 * sub-window answer alike.
 */
export function windowPastNewestRead(ctx: EstimateContext): boolean {
  return ctx.ttMetal.window.latest > NEWEST_READ_BUILD;
}

/**
 * The approx reason the registry gives an estimate its estimator made `exact` (the factory read at every build of the
 * window up to `NEWEST_READ_BUILD`) when the window holds later builds (registry.ts `withinReadBuilds`): one rule for
 * every estimator. A window reaching back to the read builds says how to get `exact`; one wholly after has no read build.
 */
export function pastNewestReadReason(window: TtMetalWindow): string {
  return window.earliest > NEWEST_READ_BUILD ? PAST_NEWEST_READ_WHOLLY_REASON : PAST_NEWEST_READ_REASON;
}

const PAST_NEWEST_READ_REASON = `${PAST_NEWEST_READ_TEXT}: the factory read up to it is modeled (for exact, give the build's date with --tt-metal-date YYYY-MM-DD, setting ttnnL1.ttMetalDate, if it is ${NEWEST_READ_BUILD} or earlier)`;
const PAST_NEWEST_READ_WHOLLY_REASON = `${PAST_NEWEST_READ_TEXT}: the factory as read at it is modeled, with the later changes named by change points`;

/**
 * Whether every build of the window that can be read lies inside read span `id`: the window cut at `NEWEST_READ_BUILD`,
 * or, for a window wholly after it, that build itself (the factory the model takes). An estimator is `exact` on it and
 * the registry makes the estimate `approx` for the later builds (`pastNewestReadReason`). Answered by
 * `windowWithinReadSpan` for the window and for its part up to that build, and `windowWhollyPastNewestRead`, so
 * `sameReadSpanAnswers` covers it.
 */
export function windowReadableWithinReadSpan(ctx: EstimateContext, id: ReadSpanId): boolean {
  const { window } = ctx.ttMetal;
  const newest = (d: IsoDate): IsoDate => (d > NEWEST_READ_BUILD ? NEWEST_READ_BUILD : d);
  return withinSpan({ earliest: newest(window.earliest), latest: newest(window.latest) }, READ_SPANS[id]);
}

/**
 * `atOrAfter` for a rule outside an estimator, decided once per analysis from its build window (the overflow message's
 * core-range text), or for an estimator's rule that changes only which cores the message names, never a figure (the
 * tilize-family core order and printed range): the window's newest build answers when it straddles the date, as
 * `atOrAfter` does, and the window is not split there.
 */
export function windowAtOrAfter(window: TtMetalWindow, id: ChangePointId): boolean {
  return window.latest >= CHANGE_POINTS[id].mergedOn;
}

/**
 * The context with every `atOrAfter` answered as `windowAtOrAfter` answers (the window's newest build), recording no
 * straddle, so nothing splits the window: for figures that are no CB figure and no part of the version range (a conv's
 * or pool's L1_SMALL buffers).
 */
export function atNewestBuild(ctx: EstimateContext): EstimateContext {
  return { ...ctx, ttMetal: { window: ctx.ttMetal.window } };
}

/**
 * The day before an ISO date (`YYYY-MM-DD`, Gregorian). By its digits, not through `Date`: a split window names each
 * sub-window's end by it, per fresh estimate (parsing and printing a `Date` was ~5 µs a call, ~1% of a 100k-op check).
 */
export function dayBefore(date: IsoDate): IsoDate {
  const day = Number(date.slice(8, 10));
  if (day > 1) return `${date.slice(0, 8)}${twoDigits(day - 1)}`;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month === 1) return `${year - 1}-12-31`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = month === 3 && leap ? 29 : DAYS_IN_MONTH[month - 2]!;
  return `${date.slice(0, 5)}${twoDigits(month - 1)}-${lastDay}`;
}

// Days of January..December in a common year.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Split a window at change points' dates (each date starts a sub-window); dates outside the window are ignored. */
export function splitWindow(window: TtMetalWindow, ids: Iterable<ChangePointId>): TtMetalWindow[] {
  const dates = [...new Set([...ids].map((id) => CHANGE_POINTS[id].mergedOn))]
    .filter((d) => d > window.earliest && d <= window.latest)
    .sort();
  const out: TtMetalWindow[] = [];
  let earliest = window.earliest;
  for (const d of dates) {
    out.push({ earliest, latest: dayBefore(d) });
    earliest = d;
  }
  out.push({ earliest, latest: window.latest });
  return out;
}

/** A window for a user-given date: `YYYY-MM-DD` is one day, `YYYY-MM` the whole month. Undefined if malformed. */
export function windowForDate(text: string): TtMetalWindow | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > lastDay) return undefined;
    return { earliest: text.trim(), latest: text.trim() };
  }
  return { earliest: `${m[1]}-${m[2]}-01`, latest: `${m[1]}-${m[2]}-${String(lastDay).padStart(2, '0')}` };
}

/** `2025-09-17..2026-01-18`, or one date when the window is a day; `month` precision: `2025-09..2026-01` (a one-day
 *  window keeps its day). */
export function windowText(window: TtMetalWindow, precision: 'day' | 'month' = 'day'): string {
  if (window.earliest === window.latest) return window.earliest;
  const cut = (d: IsoDate): string => (precision === 'month' ? d.slice(0, 7) : d);
  return cut(window.earliest) === cut(window.latest)
    ? cut(window.earliest)
    : `${cut(window.earliest)}..${cut(window.latest)}`;
}

/** Sub-windows as text, back-to-back ones joined: the figures of an op split its window at every change point of its
 *  family, and two neighbours with the same verdict read as one stretch of builds. */
export function windowsText(windows: readonly TtMetalWindow[]): string {
  const joined: TtMetalWindow[] = [];
  for (const w of windows) {
    const last = joined[joined.length - 1];
    if (last !== undefined && dayBefore(w.earliest) === last.latest)
      joined[joined.length - 1] = { earliest: last.earliest, latest: w.latest };
    else joined.push(w);
  }
  return joined.map((w) => windowText(w)).join(', ');
}

/** The change points whose dates fall inside a window (the rules that may differ between its builds). */
export function changePointsWithin(window: TtMetalWindow): ChangePointId[] {
  return (Object.keys(CHANGE_POINTS) as ChangePointId[]).filter((id) => {
    const d = CHANGE_POINTS[id].mergedOn;
    return d > window.earliest && d <= window.latest;
  });
}

// Answers of windowHasChangePoint by window object: an analysis asks about its one window once per fresh estimate.
const hasChangePointByWindow = new WeakMap<TtMetalWindow, boolean>();

/** Whether some change point's date falls inside a window (so an estimate in it may depend on the build). */
export function windowHasChangePoint(window: TtMetalWindow): boolean {
  let has = hasChangePointByWindow.get(window);
  if (has === undefined) hasChangePointByWindow.set(window, (has = changePointsWithin(window).length > 0));
  return has;
}

/** `PR #35806 (2026-02-01)` for messages. */
export function changePointText(id: ChangePointId): string {
  const cp: ChangePoint = CHANGE_POINTS[id];
  const repoName = cp.repo === undefined ? 'tt-metal' : cp.repo.slice('tenstorrent/'.length);
  const date = `${cp.dateFrom === 'approx' ? '≈' : ''}${cp.mergedOn}`;
  return cp.pr === undefined ? `${cp.seenIn ?? 'a build'} (${date})` : `${repoName} PR #${cp.pr} (${date})`;
}

/** `NEWEST_READ_BUILD` as messages name it. */
export const NEWEST_READ_COMMIT = 'tt-metal 622c6fb (2026-06-23)';

function whollyPastNewestRead(window: TtMetalWindow): boolean {
  return window.earliest > NEWEST_READ_BUILD;
}

function readUpToNewestWithin(window: TtMetalWindow, span: ReadSpan): boolean {
  return (
    window.latest > NEWEST_READ_BUILD &&
    !whollyPastNewestRead(window) &&
    withinSpan({ earliest: window.earliest, latest: NEWEST_READ_BUILD }, span)
  );
}

/** Whether the whole build window lies after the newest build read (an approx reason's wording; never a figure). */
export function windowWhollyPastNewestRead(ctx: EstimateContext): boolean {
  return whollyPastNewestRead(ctx.ttMetal.window);
}

/**
 * The context whose `windowWithinReadSpan` answers for the window cut at the newest build read, recording no
 * straddle: to ask whether the read part of a window is on a read path.
 */
export function windowEndingAtNewestRead(ctx: EstimateContext): EstimateContext {
  const { window } = ctx.ttMetal;
  return { ...ctx, ttMetal: { window: { earliest: window.earliest, latest: NEWEST_READ_BUILD } } };
}

/**
 * Whether every build of a window has change point `id` (`windowAtOrAfter`: some build has it). For a rule outside an
 * estimator that must know both (fixes/irEra.ts: a tt-mlir date range that straddles a rename cannot name the op).
 */
export function windowWhollyAtOrAfter(window: TtMetalWindow, id: ChangePointId): boolean {
  return window.earliest >= CHANGE_POINTS[id].mergedOn;
}
