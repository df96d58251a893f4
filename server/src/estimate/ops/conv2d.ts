/**
 * L1 estimate for `ttnn.conv2d` and `ttnn.conv_transpose2d` with or without `conv2d_config`: the shard layout,
 * parallel config and block config tt-metal derives at run time, then the CBs of `get_cb_info`.
 *
 * Formula (bytes per core; every CB on every core of the conv's grid):
 *   path: DRAM input without a slice config → DRAM path (sliced op) since tt-metal PR #27147 (conv_transpose2d since
 *     PR #33763 [19]; not while tt-mlir's runtime forced L1_FULL, tt-mlir PR #5195 to #5285 [7]);
 *     `dram_height|dram_width` → DRAM path; else the L1 path                                               [1]
 *   C_align = 32, except 8 (= L1 alignment / 2) for non-matmul, non-width convs whose input is row-major
 *     or sliced (a sharded row-major input with a 16/8-aligned shard width keeps that); block sharded only
 *     since change point conv2d-block-rm-channel-alignment (height only before); before change point
 *     conv2d-input-channels-alignment-deduced only auto shard (act_block_h_override 0) relaxed it, to 8, and only
 *     for C_in < 32 (conv2d_utils.cpp@5a4f243, determine_conv_config_for_auto_shard); before change point
 *     conv2d-shallow-alignment-8 to 16, and only for C_in ≤ 16 (conv2d_utils.cpp@78f2c0b)                   [1]
 *   shard layout = config `shard_layout`, the input's sharding, or auto: the smallest of height / block /
 *     width by CBs + output shard + halo shard (block needs ≥ grid.x cores, before change point
 *     conv2d-auto-shard-block-cores-at-least-grid-x more than grid.x, and before conv2d-auto-shard-block-cores-in-out
 *     counted on the input grid alone; width not for matmul convs; before conv2d-auto-shard-tile-units a row-major
 *     output was ranked with core counts in rows and single channels): the halo
 *     op's own shard (halo.ts span rule) since change point conv2d-auto-shard-halo-exact, tt-metal's estimate before
 *     it; before change point conv2d-auto-shard-halo-estimate an input-size proxy instead of the halo, before change point
 *     conv2d-auto-shard-input-proxy no third term; before conv2d-auto-shard-l1-estimate the most cores  [1][14]
 *   auto shard before tt-metal PR #19905: a 1-D conv (kernel width 1, image width 1) is height sharded [11]
 *   auto shard before tt-metal PR #32424: act_block_h_override 0 → 32 (64 with enable_split_reader), so ACT and
 *     ACT_TILIZED hold one tile row and height-sharded weights are fully buffered (×kH)                    [5]
 *   determine_parallel_config: NHW_t = ceil(B·OH·OW / 32); height: n = largest divisor ≤ grid area whose
 *     padding of NHW_t is < one share (in multiples of act_block_h_override); block: n_nhw the same on the
 *     grid's rows, n_c = same rule on ceil(C_in / C_align) over the grid's columns; width: n_c on C_in tiles  [1]
 *   output config: width re-splits C_out tiles, block too since change point conv2d-block-output-decoupled (before,
 *     the output kept the input's grid and block's n_c padded both C_in and C_out by < one share) [15];
 *     per_core_M = NHW padded to n_nhw·32 / n_nhw / 32, per_core_N = ceil(round_up(C_out, n_c_out·32) / n_c_out / 32) [1]
 *   block config: act_block_h = per_core_M (or the override's largest divisor of it);
 *     act_block_w = height: round_up(C_in_pad·kW, 32); block: round_up(C_in_pad / n_c · kW, 32);
 *     width: C_in_pad·kH·kW / (n_c · act_block_w_div)   (all in tiles below)                                [1]
 *   get_cb_info: WEIGHTS = per_core_N·act_block_w (height with > 1 act block in h: ×kH, else ×2 if weights
 *     double-buffered); MATMUL_PARTIALS = per_core_M·per_core_N partial tiles unless it aliases the output (one
 *     output block, act_block_h·per_core_N, since change point conv2d-partials-one-block [16]);
 *     ACT (+ ACT_SECOND_READER when the split-reader heuristic fires; same total) = act_block_h·act_block_w,
 *     ×2 if act double-buffered, input tile (height) or output tile (width/block); ACT_TILIZED =
 *     act_block_h·act_block_w output tiles; BIAS = per_core_N; ACT_ROW_MAJOR: width 2·act_block_w,
 *     block = ACT unless overlapped (same input/output format); before change points conv2d-width-rm-two-rows
 *     (PR #23116) / conv2d-block-rm-overlap (PR #23580) the whole act block in input tiles, width and block
 *     alike, never overlapped [10]; READER_INDICES only when `config_tensors_in_dram`: the worst case
 *     per_core_M·32·2 B (·6 for a one-column image before change point conv2d-1d-conv-on-height), which auto shard and
 *     the DRAM slicer always rank with; the factory's own CB since change point conv2d-reader-indices-actual-page is
 *     the config tensor's page, 2 B · the longest core's index list (per act block 2 + 2·runs of stride-spaced
 *     outputs; the split reader's blocks: block sharding always, height by the cycle model of
 *     conv2d_op_program_factory_common.cpp@984f529e2f), TT_FATAL above the worst case; L1_ARRAY 64 B. OUT,
 *     ACT_SHARDED and (default) READER_INDICES are tensors. [2]
 *   1x1 stride-1 unpadded conv (groups 1 before change point conv2d-grouped-1x1-matmul) on an interleaved input with no config shard_layout (auto shard): no reshard,
 *     ttnn.linear on the interleaved input with tt-metal's own matmul config, output DRAM interleaved; before change
 *     point conv2d-auto-shard-l1-estimate too (the most-cores rule's scheme does not reach the linear)         [8]
 *   other 1x1 stride-1 unpadded non-width convs run ttnn.matmul with the conv's blocks: in0 = per_core_M·K_t
 *     (height sharded: one K block, so c_0 is the input shard itself, tensor-backed), in1 = per_core_N·K_t,
 *     bias per_core_N, output tensor-backed, interm per_core_M·per_core_N only when its format (Float32 under fp32
 *     accumulation, Float16_b when the partials are packed in L1) differs from the output's; block sharded: the 2D
 *     factory's c_6 L1 array (64 B) besides (ttmetal-l1-model.md §4.8)                                        [3]
 *   1-D depthwise (groups = C_in = C_out, no bias; kernel height 1 over a height-1 image, kernel width 1 until change
 *     point conv2d-1d-depthwise-any-kernel-width; kernel width 1 over a width-1 image before conv2d-1d-conv-on-height):
 *     auto shard → height; act_block_w = C_pad (C_pad·kW when coalesced: height sharded, dilation 1 and
 *     C_pad·elem·kW ≤ NOC_MAX_BURST_SIZE, 8 KiB WH / 16 KiB BH, since that change point); WEIGHTS = per_core_N·act_block_h
 *     (×kW coalesced); no split reader; before that change point MATMUL_PARTIALS and TEMP_SUM of one tile each,
 *     since, neither (taps accumulate in DST and pack to the output); per tap over several height blocks (an
 *     act_block_h_override) since change point conv2d-1d-depthwise-multi-block-scratch (PR #48632): WEIGHTS
 *     per_core_N·act_block_h·kW (every tap resident) and a partial scratch CB, assumed two blocks of output tiles [13]
 *   not change points: tt-metal PRs #49694 (block-sharded 1-D depthwise) and #53444 (1-D depthwise in the auto-shard
 *     comparison) were open in the thread corpus, and tt-forge-models #912 / #917 (2026-09-01/02) still hit the
 *     height-only C 8192 depthwise conv1d, so auto shard keeps 1-D depthwise convs height sharded (a later merge
 *     of either is not in the corpus)                                                                             [13]
 *   conv_transpose2d under tt-mlir's runtime before its PR #3056: width sharded, the IR's conv2d_config ignored  [9]
 *   conv_transpose2d: the same conv program on the stride-expanded halo input (stride 1, output size
 *     (H−1)·s − p_total + d·(k−1) + out_pad + 1)                                                           [4]
 *   conv_transpose2d's 1x1 matmul test: its own stride since change point conv-transpose2d-matmul-by-own-stride; before,
 *     stride 1 and the expanded padding, so an unpadded kernel-1 one of any stride is the matmul on the un-expanded
 *     input (interleaved auto shard: ttnn.linear on it; sharded: unmodeled; a DRAM slice config: run whole)   [20]
 *   conv_transpose2d DRAM path (a DRAM input without a slice config since change point
 *     conv-transpose2d-dram-input-auto-slice; 1x1 stride-1 unpadded convs excepted): each output slice runs the
 *     transposed conv on the input rows it reads (first slice: rows 0 .. ⌊(end − 1 + pad)/s⌋, re-padded to its stride
 *     phase), output tiled, its width padded to whole tiles unless the slice is the whole input; the count is the
 *     fewest from 1 whose tt-metal estimate max(halo + conv output + CBs, input + halo) (CBs sized for the unpadded
 *     width) fits the L1 allocator's free bytes (below L1_SMALL); the halo term a plain stride-s conv's over the
 *     un-expanded input slice with channel-core shards before change point conv-transpose2d-dram-slice-estimate-fixed,
 *     the transposed conv's own since                                                                         [19]
 *   conv1d: the conv2d of a [N, 1, L, C] image: input_height 1, input_width L, kernel (1, K), stride (1, s),
 *     padding (top 0, bottom 0, left pL, right pR), dilation (1, d), the same groups and configs; without a
 *     slice config the L1 path before tt-metal PR #47927, conv2d's default (DRAM input → DRAM path) since;
 *     a height-1 output is sliced along its width (the only axis there is), a tiled one in 32-column groups
 *     since change point conv2d-dram-auto-slice-axis                                                       [7][17]
 *   a given slice count must be 1 < n < the sliced output dimension before change point conv2d-dram-input-auto-slice
 *     (PR #27147; any n > 0 from it); n = 0 asks for the count along the given axis since change point
 *     conv2d-dram-slice-count-auto (rejected before; searched from 2, so fatal over a sliced dimension of 1 or 2, until
 *     conv2d-dram-input-auto-slice, from 1 since) [17]
 *
 * L1 tensors before the program (`l1Intermediates`, checked one allocation at a time by analysis/overflow.ts)   [6]
 *   1. resharded input, unless the input is already sharded as the plan runs it (DRAM path: the slice's input
 *      shard; a matmul conv's input shards are not kept when their height is not a tile multiple or, block sharded,
 *      their channel cores × width is not C_in, change points conv2d-mm-reshard-shard-height-tile and
 *      conv2d-mm-reshard-block-channels): rows round_up(N·H·W, cores_nhw·32) / cores_nhw (width-sharded row-major:
 *      unrounded), width C_in padded / cores_c, in the input's layout, written by to_memory_config's program (its CBs
 *      from ops/memoryConfig.ts, checked with the operand still allocated); dropped once the next tensor exists (the halo or tilize output
 *      replaces the only reference to it); conv_transpose2d's (not a matmul conv) held while the program runs unless
 *      deallocate_activation [20];
 *   with deallocate_activation an L1 input operand is force-freed mid-op (`freesOperand`): right after the reshard,
 *      which is moved up over it, else right after the halo, moved up only by reallocate_halo_output
 *      (conv2d_utils.cpp@f01114d shard_or_reshard_tensor_if_required, conv2d.cpp@f01114d; the same at @99cb505 and
 *      @ab9630a); not modeled for conv_transpose2d, the DRAM path or an unresharded matmul conv [6];
 *   2. matmul convs: the tilized input when the input is row-major; other convs: the halo output (halo.ts span rule,
 *      output shards of per_core_M·32 sticks, row-major in the input's element size), unless the halo is bypassed
 *      (width sharded, row-major, no padding); both held while the program runs;
 *   3. the conv's sharded L1 output when the op's result is not that tensor (DRAM or interleaved result, or a DRAM-path
 *      slice), held while the program runs; `to_memory_config` copies it out afterwards. With an L1 result the conv
 *      program is this tensor's writer, checked before the result is allocated, and the op's last program is that
 *      copy, estimated by ops/memoryConfig.ts (sharded_to_interleaved or a reshard: its CB the tensor-backed shard) [22].
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@002a3f4 (get_input_channels_alignment,
 *       determine_parallel_config, determine_output_parallel_config, get_conv_configs,
 *       determine_per_core_conv_block_config, calculate_L1_usage_for_conv_op, determine_conv_config_for_auto_shard,
 *       get_conv_padded_input_shape_and_mem_config, determine_conv2d_execution_path)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_op_program_factory_common.cpp@003324f (get_cb_info,
 *       is_split_reader_supported); the program factory creates exactly these CBs (allocate_cbs); ttmetal-l1-model.md §4.9
 *   [3] conv2d_utils.cpp@002a3f4 (use_matmul_for_1x1_conv, determine_matmul_op_config_from_conv_op_config: height
 *       → 1D mcast-in1 with in0_block_w = act_block_w, out_block_h/w = per_core_M/N; the same in early 2025, index id
 *       2427742271); ttmetal-l1-model.md §4.8. Height-sharded in0: tt-metal ttnn/cpp/ttnn/operations/matmul/device/
 *       multi_core_reuse_mcast_1d_optimized/bmm_op_multi_core_reuse_mcast_1d_optimized.cpp@021f9d3
 *       (create_program_mcast_in1: c_0 of num_blocks·per_core_M·in0_block_w·B tiles, globally allocated on the
 *       shard unless shard width / in0_block_w > 1) and matmul_buffers.cpp@c9482b1 (the same alias after PR #50975
 *       unless per_core_M / out_block_h > 1 and per_core_N / out_block_w > 1). Figure: tt-metal #18642 (YOLOv10x,
 *       2025-03-05: 1,862,048 B = base + WEIGHTS + BIAS only). Read again at de47eb4 (2026-05-05):
 *       determine_matmul_op_config_from_conv_op_config (conv2d_utils.cpp), matmul_multicore_reuse_mcast_1d_program_factory.cpp
 *       (process_mcast_in1_program_and_create_override_variables: c_0 aliases the shard unless its width / in0_block_w
 *       > 1; interm0 separate when its format, Float32 / Float16_b under packer_l1_acc_en / the output's, differs) and
 *       matmul_multicore_reuse_mcast_2d_program_factory.cpp (block-sharded in0: c_0 and c_1 doubled over several K
 *       blocks, c_2 on the shard, c_6 a 64 B L1 array); the commits between cb11809 (2026-03-05) and de47eb4 that touch
 *       those files move no CB of a batch-1 conv matmul (#40172 / #40921: in0 reused only for an interleaved in0 with
 *       in1 batch > 1; #42427, #42430, #43067, #43553: compile args; #42580: a TT_FATAL for a sharded output with B > 1)
 *   [4] conv2d_utils.cpp@002a3f4 (calculate_ct2d_output_image_size); tt-metal conv_transpose2d.cpp
 *   [5] tt-metal conv2d_utils.cpp before PR #32424 (determine_conv_config_for_auto_shard, get_l1_usage_for_sharding;
 *       added by PR #13941); change point conv2d-auto-shard-keeps-act-block-h
 *   [6] tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@645aa76 (conv2d_L1: shard_or_reshard_tensor_if_required,
 *       halo, the resharded input deallocated or dropped, ttnn::prim::conv2d into conv_out_memory_config, then
 *       to_memory_config; matmul convs: tilize_with_optional_deallocation, linear); the same order at @002c902 (late
 *       2024: the resharded input is deallocated after the halo since conv2d sets deallocate_activation when it
 *       resharded), so no change point; conv2d_utils.cpp@002a3f4 (determine_input_memory_config: the reshard's shard
 *       shape). Figures: tt-mlir #5771 / tt-metal #13324 (halo 780,800 B, test/unit/analysis/threads-conv2d.test.ts)
 *   [7] tt-metal ttnn/cpp/ttnn/operations/conv/conv1d/conv1d.cpp@5cd3a45 (the height-1 mapping since PR #34957,
 *       Dec 2025, before tt-mlir had a conv1d op: earlier builds mapped L onto the height; slice config forced to
 *       L1_FULL); the same file after PR #47927 (index id 60441039031: slice_config forwarded, nullopt auto-routes by
 *       the input's buffer, DRAM_HEIGHT rejected); tt-mlir TTNNOps.td@19c86fc (TTNN_Conv1dOp: padding [pL, pR]) and
 *       runtime/lib/ttnn/operations/conv/conv1d.cpp@19c86fc (passes padding as the [pL, pR] pair); tt-mlir
 *       runtime/lib/ttnn/operations/conv/conv2d.cpp@dfe899f (PR #5195: conv2d always called with an L1_FULL slice
 *       config) and @e35ebcf (PR #5285: the IR's slice config or none); tt-xla's ViT-L/16-384 (be436c622 → tt-mlir
 *       274a5d0 → tt-metal aba1b93: the whole input resharded, "4718592 B L1 buffer across 6 banks")
 *   [8] auto-sharded 1x1 convs: conv2d.cpp@645aa76 (conv2d_L1 sets auto_shard for an unsharded input without
 *       shard_layout; the matmul branch builds a program config and output memory config only when the input is
 *       sharded) and conv2d_utils.cpp (shard_or_reshard_tensor_if_required: `auto_shard_mm = auto_shard && is_mm_conv`
 *       skips the reshard, "run the matmul out of interleaved tensor"; index id 746669609, the same test in the
 *       late-2024 and 2026 versions the index holds, so no later change point); matmul.cpp (MatmulOperation /
 *       LinearOperation::invoke: no memory config → DRAM_MEMORY_CONFIG; index id 1003329183). The linear's CBs are
 *       matmul.ts's auto config.
 *       Before change point conv2d-auto-shard-l1-estimate too: conv2d_utils.cpp of early 2025 (index id 2427742271,
 *       determine_conv_config_for_auto_shard still on select_shard_spec's most-cores rule) and of late 2024 (id
 *       2405271965) skip the reshard the same way, and conv2d.cpp of early 2025 (ids 2762361960, 24122444325) builds
 *       the matmul program config only for a sharded input; the rule's scheme reaches only the weights' padding, and a
 *       matmul conv's channel cores divide both channel tile counts (determine_parallel_config without channel padding
 *       for mm convs), so the weights stay [round_up(C_in, 32), round_up(C_out, 32)]: the linear is modeled there.
 *       The path is tt-metal PR #15861 (reverted the day it merged, restored by PR #16045 on 2024-12-16: change point
 *       conv2d-auto-shard-most-cores); before it auto shard resharded (not modeled).
 *   [9] tt-mlir runtime/lib/ttnn/operations/conv/conv_transpose2d.cpp@61271f7 (2025-03: Conv2dConfig() with dtype,
 *       weights_dtype and shard_layout = WIDTH_SHARDED, from PR #1540 on); @2c3d024 (PR #3056: the forced layout
 *       dropped); change point conv-transpose2d-runtime-width-sharded
 *  [10] the factories before get_cb_info: tt-metal conv2d_op_width_sharded_program_factory.cpp of late 2024 (search
 *       index id 2511333325: act_cb_row_major_bfloat16 = act_block_num_tiles_split input tiles, split reader forced
 *       off, so the whole block) and conv2d_op_sharded_program_factory.cpp of early 2025 (id 3743811513,
 *       create_CBs_for_sharded_input_v2: block sharded always creates act_cb_row_major_bfloat16 of
 *       num_cb0_tilized_tiles); PR #23116 / #23580 descriptions (2025-06-05 / 2025-06-16) for the changes
 *  [11] tt-metal PR #18877 (2025-03-10, "force height sharding strategy, for all 1d convs not just for 1d depthwise")
 *       and PR #19905 (2025-03-31, "Allow conv1d to use width and block sharding; add auto-shard support"): change
 *       point conv2d-1d-auto-shard-any-layout; conv2d_utils.cpp of mid 2025 (search index id 3509439101) forces height
 *       for 1-D depthwise convs only. Figures: tt-forge-onnx #1630 / #1631 (whisper stems, 2025-03-31)
 *  [12] tt-mlir runtime/lib/ttnn/operations/conv/conv2d.cpp@d93b652 (PR #3579, 2025-05-30: without a compute config in
 *       the IR, init_device_compute_kernel_config(arch, HiFi4, approx, fp32_dest_acc off, packer_l1_acc on)) and @5db8623
 *       (PR #3610, 2025-06-02: dropped); change points conv2d-runtime-compute-config-packer / -metal-default. Figure:
 *       tt-mlir #3643 (Conv2D940: the bf16 partials CB beside an f32 output, 465,952 B region end)
 *  [13] 1-D depthwise: tt-metal conv2d_utils.cpp of mid 2025 (search index id 3509439101: is_1d_deptwise_conv on kernel
 *       and image width), PR #34957 (2025-12-23: on kernel and image height), kernel_width == 1 as well in the same
 *       squash merge, e88993ce77 of 2025-12-25, with the dw1d act_block_w = C and WEIGHTS per_core_N·act_block_h·kW (kW
 *       = 1), read there and at de47eb4; partials and TEMP_SUM one tile, conv2d_op_program_factory_common.cpp@003324f); PR #44490 (2026-05-19): conv2d_op_sharded_program_factory.cpp
 *       (index id 54489741416: num_blocks_act_w = coalesce ? 1 : kW, weight_block_h_ntiles = act_block_h·(coalesce ? kW : 1),
 *       act_block_w = C·(coalesce ? kW : 1)), compute_depthwise_conv1d.cpp (id 56956942099: in0, in1, tilized in0 and
 *       out CBs only), noc_parameters.h (NOC_MAX_BURST_SIZE = 256 words of 32 B WH / 64 B BH). Figure: tt-metal #46025
 *       (Blackhole, f32, C 192, K 12: 1,880,640 B exact; the C 768 / 384 rows, per tap, fit as the thread says).
 *       PR #48632 (≈2026-06-30, "a dedicated double-buffered scratch CB for multi-block"; the weights CB "must hold all
 *       num_blocks_act_w per-tap weight blocks"); compute_depthwise_conv1d.cpp (index id 54972975808: scratch_cb is
 *       out_cb for one height block, its own buffer for several; tap 0 pushes a whole act_block_h·C-tile block into it
 *       before tap 1 pops, so one block is its floor and the PR's "double-buffered" gives the two assumed); the scratch
 *       CB's host size was not read (no stored main-line factory after the PR). PRs #49694
 *       (2026-07-12) and #53444 (2026-08-17): open; tt-forge-models #912 / #917 (a DRAM auto-slice failure on the same
 *       height-sharded C 8192 conv in September 2026)
 *  [14] auto-shard ranking: tt-metal PR #17485 (2025-02-05, "use L1 estimates": CB allocations + output tensor per
 *       core, change point conv2d-auto-shard-l1-estimate; before it PR #13941's most-cores rule, select_shard_spec of
 *       conv2d_utils.cpp of late 2024 / early 2025, search index ids 2405271965 / 2427742271; defaults of
 *       determine_parallel_config from conv2d_utils.hpp, id 2839352467; builds before change point
 *       conv2d-auto-shard-most-cores, 2024-12-16, unmodeled);
 *       tt-metal conv2d_utils.cpp of mid 2025 (search index id 3509439101, determine_conv_config_for_auto_shard:
 *       CB_allocation_size + output + approx_input_size_per_core, PR #17945, change point conv2d-auto-shard-input-proxy);
 *       the halo estimate later (@002a3f4; estimate_halo_output_bytes / _elems read at 28a524e, 45ecf0a and 5702b2d);
 *       change points conv2d-auto-shard-halo-estimate and conv2d-auto-shard-halo-estimate-fractional-rows. Figures: tt-forge-fe models-ops
 *       Conv2D1441 / Conv2D765 (2025-05-20, clash at 416,448 / 654,368, height picked by the proxy). The exact halo:
 *       tt-metal PR #30446 (≈2025-10-29); conv2d_utils.cpp@71ff3c1 (calculate_L1_usage_for_conv_op: a SlidingWindowConfig
 *       with the conv's stride, padding, dilation, the input config's NHW cores and snap_to_tile, then
 *       sliding_window::calculate_precise_halo_output_elems × the halo input shard width, for any conv, matmul too);
 *       change point conv2d-auto-shard-halo-exact. The block guard: conv2d_utils.cpp@5444b3c (block.core_count =
 *       input cores > grid x), @dbbc742 (PR #27147: max of input and output cores), @af7d566 (PR #33763: ≥ grid x);
 *       the units: @5444b3c (is_out_tiled = output_layout == TILE into determine_parallel_config), @64d88d7 (PR
 *       #18877: true)
 *  [15] output grid: tt-metal conv2d_utils.cpp of mid 2025 (search index id 3509439101: determine_output_parallel_config
 *       re-splits WIDTH_SHARDED only; determine_parallel_config BLOCK_SHARDED num_cores_c =
 *       find_closest_largest_divisor_with_num_padding(out_channels_ntiles, input_channels_ntiles, …)); PR #27767 ("Conv2d
 *       decouple input and output shard grids", 2025-09) and conv2d_utils.cpp@002a3f4 for the block re-split; change point
 *       conv2d-block-output-decoupled. Figures: tt-metal #19762 (2025-04-14, RMBG 7x7 conv, block 8x2: 1,100,832 / 564,736);
 *       tt-forge-fe models-ops Conv2D34 (2025-05-14: block limited to 2 channel cores, height picked, 1,530,912 B)
 *  [17] DRAM auto-slice axis: tt-metal PR #33763 (2025-12-17, "Make auto slicing logic generic");
 *       ttnn/cpp/ttnn/operations/sliding_window/op_slicing/op_slicing.cpp@d134b03 (best_guess_slice_type on the input
 *       image; determine_slice_config: count from 1 while its L1 estimate exceeds the free L1, tiled width slices in
 *       32-column groups clamped to ceil(OW / 32), a height retry when a tiled width search runs out; from PR #35774
 *       (2026-02-10, op_slicing.cpp@2be027c, change point conv2d-dram-auto-slice-retry) one retry along the other axis
 *       in either direction, then a TT_FATAL naming the count tried, the axis, the sliced dimension and
 *       total_free_bytes (index id 56161219110; tt-metal #53303: "Tried up to 1 slices for width-slicing on output
 *       dimension 15"); a given slice type with num_slices 0: that axis only, from 1 slice; any count above 0 taken as
 *       given); change point conv2d-dram-auto-slice-axis. A height-1 output (conv1d): the tiled guess (input under 200
 *       wide) is the height, whose one slice is the whole conv, then the width retry in 32-column groups
 *       (op_slicing.cpp of 2026, index id 56161219110: compute_max_num_slices, the retry both ways; tt-forge-models
 *       #917 / #912, 2026-09: "Tried up to 1 slices for width-slicing on output dimension 21"). Given counts:
 *       conv2d.cpp before PR #25907 (search index id 3492362923: TT_FATAL 1 < num_slices < the sliced output dimension)
 *       and from it (id 8211315178: num_slices 0 → the fewest from 2 below that dimension that fit, on the given axis,
 *       tiled width slices rounded to 32; count 1 still rejected); change point conv2d-dram-slice-count-auto. The count
 *       fits by tt-metal's own get_L1_usage from PR #33763 [27], by the model's own per-slice L1 before. The DRAM
 *       path's input (conv2d.cpp@7796cd1, PR #19686): row-major bf16 only until change point conv2d-dram-tiled-input
 *       (PR #22817); its channel alignment before PR #21612 (conv2d.cpp@867070c, the parent of 7265106): conv2d_DRAM ran
 *       determine_conv_config_for_auto_shard itself on the first slice (a row-major DRAM-interleaved input) unless
 *       shard_layout was given, and handed the winning config, alignment included, to conv2d_L1 with shard_layout set:
 *       the L1 path's pre-#21612 rule, so no change point of its own
 *  [18] printed core range (program.cpp validate_circular_buffer_region: one CB allocator per CoreRange of the
 *       CoreRangeSet given to CreateCircularBuffer, the first overflowing one printed): the sharded conv factory creates
 *       its CBs on `all_cores`, the CoreRange (0,0)-(num_cores_x − 1, num_cores_y − 1) of the parallel config's grid
 *       (optimized_conv_op_sharded_v2.cpp, index id 3950407250: the bounding box even when the last row is partly
 *       idle); the same in 2026 for height sharding (conv2d_op_sharded_program_factory.cpp@55e3268,
 *       Conv2dShardedProgramFactory::create), while block sharding there takes input_cores.merge(output_cores): both
 *       grids start at (0,0) and share the NHW extent (the output re-splits channels only), so the merge is the
 *       rectangle of the larger, the one printed here; a 1x1 height conv's 1D matmul creates them on num_cores_to_corerangeset's full rows + remainder, whose
 *       first range (the full rows) tt-metal names. Figures: tt-metal #18286 (13 cores → (0,0)-(7,1)), #18642 (50
 *       cores → (0,0)-(7,5)). Width sharding: the factory computes on the input's shard grid ("Compute only on cores that
 *       have an input shard": all_cores = the input shard spec's grid; conv2d_op_width_sharded_program_factory.cpp of
 *       late 2024 / early 2025, search index id 2511333325), num_cores_to_corerangeset's row-wise set of C cores, whose
 *       first range tt-metal names; figures: tt-forge-fe models-ops xfail reasons (test_conv2dtranspose.py at
 *       14243328e / c92a65b88, 2025-03/04: 16 cores → (0,0)-(7,1), 8 → (0,0)-(7,0), 2 → (0,0)-(1,0), 32 → (0,0)-(7,3)).
 *       The 2D (block) matmul: not read, the single first core is printed. The halo program creates its CBs on the halo
 *       output's shard grid, the conv's input parallel config (untilize_with_halo_v2_program_factory.cpp@7598b7e:
 *       all_cores = the output's shard spec grid): a height or width grid is num_cores_to_corerangeset's row-wise set,
 *       its full rows first; a block grid its rectangle. Figures: tt-forge-fe models-ops xfail reasons at 0cde875b1 /
 *       14243328e / c92a65b88 (2025-02..04): halo clashes on 57, 62 and 63 height cores → (0,0)-(7,6), 8 → (0,0)-(7,0),
 *       64 → (0,0)-(7,7)
 *  [19] conv_transpose2d's DRAM path: tt-metal PR #33136 (≈2025-12, explicit slice configs only), PR #33763 (its
 *       DRAM/L1 dispatch: change point conv-transpose2d-dram-input-auto-slice, main's af7d566 of 2025-12-17);
 *       conv_transpose2d.cpp (search index id 177043509, before PR #37791: ConvT2DSliceAttr get_input_slice_and_padding,
 *       get_L1_usage with slice_halo_config lacking is_transpose and num_cores_nhw = the channel cores, run_L1_op forcing
 *       TILE output, deallocate_activation and reallocate_halo_output; conv_transpose2d_DRAM's mm_conv return);
 *       @00b0fa3 (after PR #37791: is_transpose, NHW cores; one slice runs conv_transpose2d_L1), change point
 *       conv-transpose2d-dram-slice-estimate-fixed; op_slicing.cpp (index id 6757217204: determine_slice_config from
 *       1 slice against total_free_bytes, run_sliced_op: the first slices take the remainder). Figures: tt-metal #37745 /
 *       tt-xla #3282 (1,170,784 / 1,081,984 B) and #35224 / tt-xla #2729 (1,348,480 / 963,584 B), exact
 *  [20] conv_transpose2d's own body (ttnn/cpp/ttnn/operations/conv/conv_transpose2d/conv_transpose2d.cpp; search index
 *       ids 2460399488 and 3581494554 of early / mid 2025, 51774687182 and 24132366499 of 2026): the halo output is a
 *       tensor of its own and the resharded input (input_tensor_post_tm) stays referenced until the function returns,
 *       freed before the conv program only under deallocate_activation (unlike conv2d, which moves the halo output
 *       into the same variable); so the input shard, the halo output and the conv output are all held while the program
 *       runs. Figure: tt-forge-fe models-ops xfail reasons of Conv2Dtranspose1 / 9 (14243328e, c92a65b88): "L1 buffer
 *       allocated at 1227648" = 1,466,368 − (28,672 input + 107,648 halo + 102,400 output)
 *  [16] partials CB: tt-metal PR #51664 (≈2026-07-31, "Size MATMUL_PARTIALS to one output block ... private one-block
 *       partial storage for untilized output or data-format mismatch"); conv2d_op_program_factory_common.hpp (index id
 *       58112263352: CBInfo.address_offset, the tiled OUT/PARTIALS overlap); change point conv2d-partials-one-block
 *  [21] transpose_shards: tt-metal's Conv2dConfig default true (device/conv2d_op.hpp@7598b7e) until PR #23253 (change
 *       point conv2d-transpose-shards-default-false); block sharding's grid is column-major (NHW cores along x) while it
 *       is true. tt-mlir's runtime passes the field only when the IR's conv2d_config carries it (runtime
 *       operations/utils.cpp@445964f)
 *  [22] conv2d.cpp@f01114d (2024-12) and @622c6fb (2026-06): `ttnn::to_memory_config(conv_output, memory_config)` runs
 *       after the conv (and matmul) program when the requested memory config differs from the conv's sharded output.
 *       Figure: tt-metal #16267 (2024-12-23), "L1 buffer allocated at 265216": 1,482,752 − (375,040 interleaved input +
 *       393,216 reshard + 449,280 halo), the conv output shard in the freed reshard's hole, no result yet
 *  [23] a plain conv's DRAM slice: each slice reads only the input rows (columns) its outputs need and is padded only
 *       where that window leaves the image, the image edge keeping the conv's own padding (conv2d_DRAM's slice loop,
 *       conv2d.cpp@6a89f84 of 2025-06; Conv2dSliceAttr::get_input_slice_and_padding, conv2d.cpp@5f3b5b8 of
 *       2026-03-17). Output rows (columns) [a, b) read input [a·s − pad_before, (b − 1)·s − pad_before + d·(k − 1) + 1)
 *       clipped to the image and padded where they leave it; the first slice keeps the conv's pad_before, the last its
 *       pad_after and reads to the image's end. Figure: tt-metal #40090 (2026-03-17, SD3.5 VAE conv_out
 *       1024x1024, 128 → 3, 4 width slices): halo output 1,188,864 B per bank = 18 rows × 258 padded columns × 256 B
 *       (the padding kept on both sides of a 258-column window gave 260 columns, 1,197,568 B). An inner slice reads
 *       pad_before more input than the first, the last any rows no output uses: tt-metal's count search takes the
 *       largest L1 over all slices from PR #27355 (conv2d_utils.cpp@5702b2d calculate_conv_dram_slice_L1_usage,
 *       op_slicing.cpp@4859af0 compute_L1_usage_for_slice_config; change point conv2d-dram-slice-every-slice; before it
 *       one slice of the largest output size, the model's first), and the estimate reports the slice of most modeled L1
 *  [24] read span conv2d-sharded-program-2025-autumn (2025-09-16..2026-03-05, first-parent main of nyoshifujiTT/tt-metal):
 *       get_cb_info (conv2d_op_program_factory_common.cpp) at every commit from 18bbf94b84 (#27731) to 92b635a363 and
 *       identical at cb11809; conv2d_utils.cpp's sizing functions compared at 18bbf94b84 and 92b635a363 and every commit
 *       between that touches them; conv2d.cpp's conv2d_L1 at both ends, its differences traced to their commits. Change
 *       points found by the read: conv2d-auto-shard-halo-estimate-input-layout (#28302),
 *       conv2d-auto-shard-halo-estimate-rows-div-up (#27147), conv2d-default-fp32-acc-f32-inputs (#34952)
 *  [25] read span conv2d-auto-shard-mm-linear-2026-spring (2026-03-06..2026-05-05): conv2d.cpp, conv2d_utils.cpp and
 *       prepare_conv2d_weights.cpp @de47eb4 (conv2d_L1's matmul branch for an interleaved input, auto_shard_mm,
 *       is_valid_device_conv_weights / is_valid_device_conv_bias, the linear's DRAM default), git diff cb11809..de47eb4
 *       of the three: nothing on that path; change point conv2d-auto-shard-mm-linear-activation (PR #19439, 7c03edf2f0:
 *       the linear gets conv2d_config's activation; dropped before)
 *  [26] read span conv2d-mm-height-sharded-tilize-2026-spring (2026-03-06..2026-05-05): tilize_with_optional_deallocation
 *       (conv2d_utils.cpp@de47eb4) → ttnn::to_layout(TILE) (to_layout_op.cpp: no padding change → ttnn::tilize into the
 *       input's memory config) → TilizeMultiCoreShardedProgramFactory (tilize_device_operation.cpp select_program_factory
 *       and can_use_sharded_optimized_factories from #38377; tilize_multi_core_sharded_program_factory.cpp: c_0 and c_16
 *       bound to the input and output shards, the output's shard spec the input's), every commit cb11809..de47eb4
 *  [27] tt-metal's own slice L1 figure, which op_slicing's count search compares with total_free_bytes (change point
 *       conv2d-dram-slice-fit-by-own-estimate, PR #33763, af7d566 of 2025-12-17; read span
 *       conv2d-dram-slice-own-estimate-2025-12-2026-06 to 622c6fb): Conv2dSliceAttr::get_L1_usage (conv2d.cpp@af7d566,
 *       inline from c60fc18329, @622c6fb) = max(halo_input_size + halo_output_size, total_size) of
 *       calculate_L1_usage_for_conv_op (conv2d_utils.cpp@af7d566 / @622c6fb) on the slice's input memory config
 *       (get_input_memory_config: its grid, shard width aligned with sliced_op = a DRAM buffer unless single_slice);
 *       total_size = conv2d::calculate_L1_usage's CBs not globally allocated + the OUT CB (get_cb_info with
 *       skip_act_cb_create false, reader indices at the worst case) + the halo output
 *       (calculate_precise_halo_output_elems × input_datum_size, 4 for FLOAT32 else 2); halo_input_size = the shard's
 *       elements × input_datum_size (/ 2 for BFLOAT8_B); channels aligned by get_input_channels_alignment with
 *       sliced_op false (32 for a tiled input)
 *
 * Assumptions: the compute config defaults to tt-metal's conv default (HiFi4, fp32 accumulation only for f32 input and
 *   f32 weights from change point conv2d-default-fp32-acc-f32-inputs, never before; no packer L1 accumulation) unless `compute_config` says otherwise (or tt-mlir's runtime set its own,
 *   [12]); weights dtype = config `weights_dtype`, else the weight operand's. Activation reuse, kernel-stride folding
 *   and the 2-D depthwise pool-based path of later builds are not modeled (a folded conv is estimated unfolded). Before PR #32424 auto shard also set a width-sharded act_block_w_div to its largest
 *   value (PR #15644): modeled before change point conv2d-auto-shard-l1-estimate (mostCoresAutoShard), not after it
 *   (the config's is used). The auto-shard choice ranks schemes with tt-metal's own halo estimate
 *   (estimatedHaloElementsPerCore: the halo input shard's image rows + (d·kH − 1) × (1, or the shard's whole images
 *   + 2 for a batch above 1), whole rows until PR #27355, fractional from it) until
 *   change point conv2d-auto-shard-halo-exact, the allocation rule of halo.ts
 *   from it; L1_SMALL config tensors are not counted. `reallocate_halo_output` (C++ default true from change point
 *   conv2d-reallocate-halo-default-true, tt-metal PR #16185; ttnn::move of a sharded tensor frees it first and reallocates it at the top, move.cpp@8557d7a, with
 *   tensor-backed CBs only, move_sharded_program_factory.cpp@b49840b) keeps L1 packed; with it false the freed
 *   resharded input stays a hole above the halo output (L1Intermediate.freedLeavesHole), as it does above a matmul
 *   conv's tilized copy of a row-major input (tilize_with_optional_deallocation). The halo program's own CBs
 *   (halo.ts haloProgramCbBytesPerCore) ride on the halo output (`writerProgram`): checked while the resharded input
 *   and the halo output are both allocated, before the conv's CBs exist.
 *   The halo bypass follows @645aa76 (width sharded, row-major, unpadded); @002c902 bypassed any unpadded
 *   width-sharded input, tiled too (the PR between is not known, so no change point: a tiled unpadded width-sharded
 *   conv of an old build is given a halo output it did not allocate).
 *   The DRAM path's slice count is
 *   tt-metal's only when given (`conv2d_slice_config<dram_height|dram_width, n>`, n > 0); otherwise the smallest count
 *   that fits is assumed: along the axis a count-0 config names (from 2 before change point conv2d-dram-input-auto-slice),
 *   else along tt-metal's best-guess axis, the rule of conv2d's own slicer of PR #27147 (conv2d_utils.cpp@dbbc742
 *   determine_conv_slice_type, read) and of op_slicing from PR #33763 [17]. A given tiled width count cuts 32-column groups (all builds); before PR #25907 (change point
 *   conv2d-dram-slice-count-auto) a tiled height count cut 32-row groups too (index id 3492362923), from it even
 *   slices. A tiled output's slice is computed whole tiles wide (output width padded to 32 by right padding). Always 'approx': tt-metal's block defaults changed many times in 2025.
 * Worked example (tt-mlir OpModel Interface test, golden 229,440 B): input 1x1x50176x3 bf16 tiled L1, weights
 *   64x3x7x7, k7 s2 p3 → 112x112; C_align 32; auto shard → height: NHW_t = 392, 56 cores (64 pads 56 tiles ≥ one share
 *   of 7; 56 divides); per_core_M = 7, per_core_N = 2, act_block_w = round_up(32·7, 32)/32 = 7:
 *   WEIGHTS 2·7 = 14 tiles, ACT 7·7 = 49 (split 28 + 21), ACT_TILIZED 49 → 112 · 2,048 + 64 (L1_ARRAY) = 229,440 B.
 */

import { DataType, TILE_ELEMENTS, elementBytes, tileBytes } from '../../ttnn/dtype';
import type { TensorLayout } from '../../ttnn/layout';
import { alignUp, l1Footprint } from '../../ttnn/layout';
import type { PropValue, TensorSpec, TtnnOp, ValueSpec } from '../../ttnn/op';
import { boolOf, fieldValue, intOf, itemValue, wordOf } from '../../ttnn/dialectFields';
import { CbSpec, finishProgram, fmtBytes, liveL1Of, propInt, propInts, resolveTensor } from '../common';
import { atNewestBuild, atOrAfter, changePointText, readSpanCite, windowWithinReadSpan } from '../changePoints';
import type { ReadSpanId } from '../changePoints';
import { firstRowWiseRange, gridRectangle } from '../printedRange';
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
import {
  HaloGeometry,
  InPlaceHaloGeometry,
  haloConfigL1SmallBuffers,
  haloDramConfigPageBytes,
  haloElementBytes,
  haloProgramCbBytesPerCore,
  haloStickDtype,
  haloSticksPerCore,
} from './halo';
import { largestStep, programOf, specWith, stepOp } from './composite';
import { StepMemo, objectKey } from '../stepMemo';
import { estimateToLayout } from './toLayout';
import { estimateToMemoryConfig } from './memoryConfig';
import {
  MATMUL_L1_ARRAY_CB_BYTES,
  type MatmulComputeFlags,
  estimateMatmul,
  matmulUnsetComputeFlags,
  packerL1AccEnabled,
} from './matmul';
import { noProgram } from './noProgram';

const CITES = {
  utils:
    'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_utils.cpp@002a3f4 (determine_parallel_config, get_conv_configs, determine_per_core_conv_block_config, determine_conv_config_for_auto_shard)',
  cbInfo:
    'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_op_program_factory_common.cpp@003324f (get_cb_info, calculate_L1_usage)',
  model: 'ttmetal-l1-model.md §4.9 (conv2d CBs), §4.8 (matmul CBs for 1x1 convs)',
  invoke:
    'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@645aa76 (conv2d_L1: shard_or_reshard_tensor_if_required, halo, conv, to_memory_config); conv2d_utils.cpp@002a3f4 (determine_input_memory_config)',
  autoShardMm:
    'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@645aa76 (conv2d_L1: auto_shard, matmul program config only for a sharded input); conv2d_utils.cpp (shard_or_reshard_tensor_if_required: auto_shard_mm skips the reshard; index id 746669609)',
  slicing:
    'tt-metal conv2d.cpp before PR #25907 (search index id 3492362923: TT_FATAL 1 < num_slices < the sliced dimension), from it (id 8211315178: num_slices 0 → the fewest from 2 that fit); ttnn/cpp/ttnn/operations/sliding_window/op_slicing/op_slicing.cpp@d134b03 from PR #33763 (determine_slice_config: a count above 0 is taken as given); op_slicing.cpp@5f3b5b8 from PR #37791 (run_sliced_op: a count above compute_max_num_slices is a TT_FATAL)',
  dramInput:
    'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d.cpp@7796cd1 (PR #19686, conv2d_DRAM: the input must be ROW_MAJOR and BFLOAT16), both checks dropped by PR #22817 (c2a9666)',
  readerIndices:
    'tt-metal ttnn/cpp/ttnn/operations/conv/conv2d/conv2d_op_program_factory_common.cpp@984f529e2f (get_cb_info, PR #43193)',
  halo: 'tt-metal ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp (generate_shard_boundaries; span rule checked against tt-mlir #5771); halo program CBs: ttnn/cpp/ttnn/operations/sliding_window/halo/device/untilize_with_halo_program_factory.cpp@02a3583 (change points halo-untilize-blocks, halo-untilize-double-buffer)',
} as const;

export type ShardScheme = 'height_sharded' | 'block_sharded' | 'width_sharded';

/** `Conv2dConfig` fields that shape the CBs, with tt-metal's defaults. */
export interface Conv2dConfigFields {
  readonly weightsDtype: DataType | undefined;
  readonly actBlockHOverride: number;
  readonly actBlockWDiv: number;
  readonly shardLayout: ShardScheme | undefined;
  /** shardLayout is the DRAM path's first slice's auto-shard pick, kept for the later slices (not the IR's). */
  readonly shardLayoutOfFirstSlice?: boolean;
  readonly reshardIfNotOptimal: boolean;
  /** undefined: absent from the IR, so tt-metal's default of the build, which `planConv` asks for a block grid only [21]. */
  readonly transposeShards: boolean | undefined;
  readonly outputLayout: 'tile' | 'row_major';
  readonly actDoubleBuffer: boolean;
  readonly weightsDoubleBuffer: boolean;
  readonly fullInnerDim: boolean;
  readonly configTensorsInDram: boolean;
  readonly deallocateActivation: boolean;
  /** Move the halo output up over the freed resharded input (ttnn::move) before the conv; undefined when the IR does not
   *  say: the build's C++ default, true from change point conv2d-reallocate-halo-default-true (ttnn's Python default
   *  stays false), read by `reallocatesHaloOutput`. */
  readonly reallocateHaloOutput: boolean | undefined;
  /** Older builds: the split reader only when asked for (the field was removed by tt-metal PR #27731). */
  readonly enableSplitReader: boolean;
  /** Fields the model does not follow (activation reuse; force_split_reader, which overrides the split-reader
   *  heuristic; kernel-stride folding), read only to say an estimate is not exact: undefined when absent. */
  readonly enableActivationReuse?: boolean;
  readonly forceSplitReader?: boolean;
  readonly kernelStrideFolding?: boolean;
  /** in_place (the in-place halo, removed by tt-metal PR #31516) and override_sharding_config /
   *  override_output_sharding_config (a core_grid of the IR's own), read only to keep such a conv out of read span
   *  conv2d-sharded-program-2025-autumn: undefined when absent. */
  readonly inPlaceHalo?: boolean;
  readonly overrideSharding?: boolean;
  /** The attribute was present in the IR. */
  readonly present: boolean;
}

/** Everything about one conv the CB arithmetic needs, read from the op. */
export interface ConvProblem {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly inputH: number;
  readonly inputW: number;
  readonly outputH: number;
  readonly outputW: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  /** top, bottom, left, right (tt-metal's padding_n4 order). */
  readonly padding: readonly [number, number, number, number];
  readonly dilation: readonly [number, number];
  readonly groups: number;
  readonly hasBias: boolean;
  readonly inputDtype: DataType;
  readonly outputDtype: DataType;
  readonly weightsDtype: DataType;
  readonly inputLayout: TensorLayout;
  /** The input operand's L1 bytes per core (0 unless it is an L1 tensor): what deallocate_activation frees [6]. */
  readonly inputL1BytesPerCore: number;
  readonly config: Conv2dConfigFields;
  readonly fp32DestAcc: boolean;
  readonly packerL1Acc: boolean;
  /** 'l1' or 'dram' execution path. */
  readonly path: 'l1' | 'dram';
  /**
   * The DRAM path's `conv2d_slice_config<dram_height|dram_width, count>` as written, or undefined without one. A count of
   * 0 asks tt-metal to pick the count along the given axis (since PR #25907; rejected before) [17].
   */
  readonly slices: { readonly kind: 'height' | 'width'; readonly count: number } | undefined;
  readonly transposed: boolean;
  /** On the auto-shard path with act_block_h_override 0 (the only convs whose channel alignment tt-metal relaxed before
   *  change point conv2d-input-channels-alignment-deduced). */
  readonly autoShardDefaultBlockH?: boolean;
  /** A DRAM-path slice of a tiled output padded on the right to whole tiles: its output width before that padding,
   *  which sizes its shard grid between change points conv2d-dram-slice-grid-raw-output and -padded-output [17]. */
  readonly unpaddedSliceOutputW?: number;
}

export interface ParallelConfig {
  readonly scheme: ShardScheme;
  readonly nCores: number;
  readonly coresNhw: number;
  readonly coresC: number;
  /** Bounding box [x (cols), y (rows)]. */
  readonly box: readonly [number, number];
}

export interface ConvPlan {
  readonly input: ParallelConfig;
  readonly output: ParallelConfig;
  readonly channelsAlignment: number;
  readonly inChannelsPadded: number;
  readonly perCoreOutHTiles: number;
  readonly perCoreOutWTiles: number;
  readonly actBlockHTiles: number;
  readonly actBlockWTiles: number;
  readonly mmConv: boolean;
  readonly cbs: readonly CbSpec[];
  readonly cbBytes: number;
  readonly outputShardBytes: number;
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Attribute reading

/** A dialect attribute's `true`/`false` field, else `dflt`. */
function boolField(p: PropValue | undefined, name: string, dflt: boolean): boolean {
  return boolOf(fieldValue(p, name)) ?? dflt;
}

/** A dialect attribute's non-negative integer field, else `dflt`. */
function intField(p: PropValue | undefined, name: string, dflt: number): number {
  const v = intOf(fieldValue(p, name));
  return v !== undefined && v >= 0 ? v : dflt;
}

const DTYPE_NAMES: Readonly<Record<string, DataType>> = {
  bf16: 'bf16',
  f32: 'f32',
  bfp_bf8: 'bfp_bf8',
  bfp_bf4: 'bfp_bf4',
  f16: 'f16',
  u32: 'u32',
  si32: 'si32',
  u16: 'u16',
  u8: 'u8',
};

export function readConv2dConfig(op: TtnnOp): Conv2dConfigFields {
  const f = op.properties['conv2d_config'];
  const shard = wordOf(fieldValue(f, 'shard_layout'));
  const dtype = wordOf(fieldValue(f, 'weights_dtype'));
  return {
    weightsDtype: dtype !== undefined && Object.hasOwn(DTYPE_NAMES, dtype) ? DTYPE_NAMES[dtype] : undefined,
    actBlockHOverride: intField(f, 'act_block_h_override', 0),
    actBlockWDiv: Math.max(1, intField(f, 'act_block_w_div', 1)),
    shardLayout:
      shard === 'height_sharded' || shard === 'block_sharded' || shard === 'width_sharded' ? shard : undefined,
    reshardIfNotOptimal: boolField(f, 'reshard_if_not_optimal', false),
    // Absent from the IR: tt-metal's default of the build (tt-mlir's runtime sets only what the IR gives), asked by
    // planConv for a block grid alone, so a height or width conv does not straddle its change point [21].
    transposeShards: boolOf(fieldValue(f, 'transpose_shards')),
    outputLayout: wordOf(fieldValue(f, 'output_layout')) === 'row_major' ? 'row_major' : 'tile',
    actDoubleBuffer: boolField(f, 'enable_act_double_buffer', false),
    weightsDoubleBuffer: boolField(f, 'enable_weights_double_buffer', false),
    fullInnerDim: boolField(f, 'full_inner_dim', false),
    configTensorsInDram: boolField(f, 'config_tensors_in_dram', false),
    deallocateActivation: boolField(f, 'deallocate_activation', false),
    reallocateHaloOutput: boolOf(fieldValue(f, 'reallocate_halo_output')),
    enableSplitReader: boolField(f, 'enable_split_reader', false),
    enableActivationReuse: boolOf(fieldValue(f, 'enable_activation_reuse')),
    forceSplitReader: boolOf(fieldValue(f, 'force_split_reader')),
    kernelStrideFolding: boolOf(fieldValue(f, 'enable_kernel_stride_folding')),
    inPlaceHalo: boolOf(fieldValue(f, 'in_place')),
    overrideSharding:
      boolOf(fieldValue(f, 'override_sharding_config')) === true ||
      boolOf(fieldValue(f, 'override_output_sharding_config')) === true,
    present: op.properties['conv2d_config'] !== undefined,
  };
}

/**
 * tt-mlir's runtime of change point conv2d-runtime-forces-l1-full (until conv2d-runtime-forwards-slice-config) called
 * ttnn::conv2d with an L1_FULL slice config, so an IR conv2d without one never reached tt-metal's DRAM path [7].
 */
function runtimeForcesL1Full(op: TtnnOp, ctx: EstimateContext): boolean {
  return (
    op.name === 'ttnn.conv2d' &&
    atOrAfter(ctx, 'conv2d-runtime-forces-l1-full') &&
    !atOrAfter(ctx, 'conv2d-runtime-forwards-slice-config')
  );
}

function pair(v: readonly number[] | undefined, dflt: number): [number, number] | undefined {
  if (v === undefined) return [dflt, dflt];
  if (v.length === 1) return [v[0], v[0]];
  if (v.length === 2) return [v[0], v[1]];
  return undefined;
}

/** An (H, W) attribute: `name = array<i32: h, w>`, or the 2024 spelling `<stem>_height` / `<stem>_width`. */
export function hwInts(op: TtnnOp, name: string, stem: string): readonly number[] | undefined {
  const v = propInts(op, name);
  if (v !== undefined) return v;
  const h = propInt(op, `${stem}_height`);
  const w = propInt(op, `${stem}_width`);
  return h !== undefined && w !== undefined ? [h, w] : undefined;
}

/** tt-mlir prints 2 values (pH, pW) or 4 values (top, left, bottom, right); tt-metal wants top, bottom, left, right. */
function padding4(v: readonly number[] | undefined): [number, number, number, number] | undefined {
  if (v === undefined) return [0, 0, 0, 0];
  if (v.length === 2) return [v[0], v[0], v[1], v[1]];
  if (v.length === 4) return [v[0], v[2], v[1], v[3]];
  return undefined;
}

/** The conv family's weights operand (conv2d, conv_transpose2d, conv1d). */
export const CONV_WEIGHTS_OPERAND = 1;

/**
 * What the conv family's estimates read of the weights operand, for the analysis's estimate memo (registry.ts
 * `partlyRead`): `readConvProblem` its kind and layout's dtype, `weightsPreparedOnDevice` its buffer, the registry's
 * shard-grid check an L1 layout's grid, and `autoShardedMmNotRead` (`isDramTileTensor`) whether weights of shape
 * [1, 1, C_in, C_out] are DRAM interleaved tiles: so that shape's last two dims and page and memory layout. Not
 * another shape, the element type or a DRAM or host layout's geometry (the weights' figures come from the
 * attributes). undefined: read whole (an L1 or undecoded layout, not a tensor).
 */
export function convWeightsRead(spec: ValueSpec): object | undefined {
  if (spec.kind !== 'tensor' || spec.layout.kind !== 'layout' || spec.layout.bufferType === 'l1') return undefined;
  const { dtype, bufferType, pageLayout, memoryLayout } = spec.layout;
  const dims = spec.shape.kind === 'known' ? spec.shape.dims : undefined;
  const asPrepared =
    dims !== undefined && dims.length === 4 && dims[0] === 1 && dims[1] === 1
      ? { inChannels: dims[2], outChannels: dims[3], pageLayout, memoryLayout }
      : null;
  return { kind: 'conv weights', dtype, bufferType, asPrepared };
}

/** Read a conv2d / conv_transpose2d op. A string is the reason it cannot be estimated. */
export function readConvProblem(op: TtnnOp, transposed: boolean, ctx: EstimateContext): ConvProblem | string {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return input;
  const weight = op.operands[CONV_WEIGHTS_OPERAND];
  if (weight === undefined || weight.kind !== 'tensor') return 'weight operand missing';
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return out;
  const get = (n: string): number | undefined => propInt(op, n);
  const inChannels = get('in_channels');
  const outChannels = get('out_channels');
  const batch = get('batch_size');
  const inputH = get('input_height');
  const inputW = get('input_width');
  if (
    inChannels === undefined ||
    outChannels === undefined ||
    batch === undefined ||
    inputH === undefined ||
    inputW === undefined
  ) {
    return 'in_channels, out_channels, batch_size, input_height or input_width attribute missing';
  }
  const kernel = pair(hwInts(op, 'kernel_size', 'kernel'), 1);
  const stride = pair(hwInts(op, 'stride', 'stride'), 1);
  const dilation = pair(hwInts(op, 'dilation', 'dilation'), 1);
  const padding = padding4(hwInts(op, 'padding', 'padding'));
  if (propInts(op, 'kernel_size') === undefined && propInt(op, 'kernel_height') === undefined)
    return 'kernel_size attribute missing';
  if (kernel === undefined || stride === undefined || dilation === undefined || padding === undefined)
    return 'kernel_size, stride, padding or dilation has an unexpected length';
  const groups = get('groups') ?? 1;
  if (
    [inChannels, outChannels, batch, inputH, inputW, groups, ...kernel, ...stride, ...dilation].some((v) => !(v > 0)) ||
    padding.some((p) => p < 0)
  ) {
    return 'conv attributes must be positive';
  }
  // tt-mlir's Conv1dOp / Conv2dOp / ConvTranspose2dOp verifiers (TTNNOps.cpp@19c86fc): such IR never reaches
  // tt-metal, and the per-group channel counts below would be fractional (found by fuzzing).
  if (
    [inChannels, outChannels, groups].every(Number.isSafeInteger) &&
    (inChannels % groups !== 0 || outChannels % groups !== 0)
  )
    return `tt-mlir's verifier rejects this op: in_channels ${inChannels} and out_channels ${outChannels} must both be divisible by groups ${groups}`;
  let outputH: number;
  let outputW: number;
  if (transposed) {
    const outPad = pair(propInts(op, 'output_padding'), 0) ?? [0, 0];
    outputH = (inputH - 1) * stride[0] - (padding[0] + padding[1]) + dilation[0] * (kernel[0] - 1) + outPad[0] + 1;
    outputW = (inputW - 1) * stride[1] - (padding[2] + padding[3]) + dilation[1] * (kernel[1] - 1) + outPad[1] + 1;
  } else {
    outputH =
      Math.floor((inputH - kernel[0] - (kernel[0] - 1) * (dilation[0] - 1) + padding[0] + padding[1]) / stride[0]) + 1;
    outputW =
      Math.floor((inputW - kernel[1] - (kernel[1] - 1) * (dilation[1] - 1) + padding[2] + padding[3]) / stride[1]) + 1;
  }
  if (!(outputH > 0) || !(outputW > 0))
    return transposed || ![...kernel, ...dilation, inputH, inputW, outputH, outputW].every(Number.isSafeInteger)
      ? `output image ${outputH}x${outputW} is empty`
      : `output image ${outputH}x${outputW} is empty: the ${kernel[0]}x${kernel[1]} kernel (dilation ${dilation[0]}x${dilation[1]}) is larger than the padded ${inputH}x${inputW} input`;
  const weightDtype = weight.layout.kind === 'layout' ? weight.layout.dtype : undefined;
  // Until tt-mlir PR #3056 its runtime ran conv_transpose2d with a Conv2dConfig of its own: the defaults, the operands'
  // dtypes and shard_layout WIDTH_SHARDED, whatever the IR's conv2d_config [9].
  const config: Conv2dConfigFields =
    transposed && !atOrAfter(ctx, 'conv-transpose2d-runtime-width-sharded')
      ? {
          ...readConv2dConfig({
            ...op,
            properties: Object.fromEntries(Object.entries(op.properties).filter(([k]) => k !== 'conv2d_config')),
          }),
          weightsDtype: weightDtype,
          shardLayout: 'width_sharded',
        }
      : readConv2dConfig(op);
  const weightsDtype =
    config.weightsDtype ?? (weightDtype === 'f32' && input.dtype !== 'f32' ? 'bf16' : weightDtype) ?? 'bf16';
  const ccProp = op.properties['compute_config'];
  const ccIr = ccProp?.kind === 'dialect' ? ccProp : undefined;
  // Between tt-mlir PRs #3579 and #3610 its runtime gave a conv2d without a compute config its own: fp32 accumulation
  // off, packer_l1_acc on [12].
  const runtimeConfig =
    ccIr === undefined &&
    atOrAfter(ctx, 'conv2d-runtime-compute-config-packer') &&
    !atOrAfter(ctx, 'conv2d-runtime-compute-config-metal-default');
  // tt-metal's own default accumulates in fp32 for f32 input and weights only since change point
  // conv2d-default-fp32-acc-f32-inputs (PR #34952), never before; asked only for such a conv.
  const fp32DestAcc = runtimeConfig
    ? false
    : (boolOf(fieldValue(ccIr, 'fp32_dest_acc_en')) ??
      (input.dtype === 'f32' && weightsDtype === 'f32' && atOrAfter(ctx, 'conv2d-default-fp32-acc-f32-inputs')));
  const packerL1Acc = runtimeConfig || boolField(ccIr, 'packer_l1_acc', false);
  const slice = op.properties['conv2d_slice_config'];
  // `#ttnn.conv2d_slice_config<dram_height, 4>`: the slice type, then the number of slices.
  // A first item that is not a slice type reads as none of them (the L1 path), not as an absent config.
  const sliceFirst = itemValue(slice, 0);
  const sliceType = sliceFirst === undefined ? undefined : (wordOf(sliceFirst) ?? '');
  const sliceCount = intOf(itemValue(slice, 1)) ?? 0;
  const inDram = input.layout.bufferType === 'dram' || input.layout.bufferType === 'system_memory';
  let path: 'l1' | 'dram' = 'l1';
  let slices: ConvProblem['slices'];
  if (sliceType === 'l1_full') path = 'l1';
  // Without a slice config a DRAM input takes the DRAM (sliced) path only since tt-metal PR #27147; conv1d forced
  // L1_FULL until PR #47927 [7].
  // tt-mlir's runtime passed ttnn.conv2d L1_FULL whatever the IR said from tt-mlir PR #5195 to #5285 (2025-10) [7].
  // conv_transpose2d takes that dispatch with tt-metal PR #33763, but its DRAM entry runs a 1x1 stride-1 unpadded
  // (matmul) conv on the L1 path whole (conv_transpose2d_DRAM's mm_conv return) [19].
  else if (sliceType === undefined)
    path =
      inDram &&
      (transposed
        ? atOrAfter(ctx, 'conv-transpose2d-dram-input-auto-slice') &&
          !usesMatmulFor1x1(kernel, stride, padding, dilation, groups, config.shardLayout, ctx)
        : atOrAfter(ctx, 'conv2d-dram-input-auto-slice') &&
          (op.name !== 'ttnn.conv1d' || atOrAfter(ctx, 'conv1d-dram-input-auto-slice')) &&
          !runtimeForcesL1Full(op, ctx))
        ? 'dram'
        : 'l1';
  // A given DRAM slice config does not slice such a matmul conv_transpose2d either: conv_transpose2d_DRAM asks
  // use_matmul_for_1x1_conv before it reads the slice config and returns conv_transpose2d_L1 on the whole op (search
  // index ids 24132366499, PR #33136's explicit-only slicing, and 177043509, after PR #33763; the earliest stored entry,
  // id 51774687182, ran it as one interleaved ttnn.linear instead, not modeled apart) [19].
  else if (
    transposed &&
    (sliceType === 'dram_height' || sliceType === 'dram_width') &&
    usesMatmulFor1x1(
      kernel,
      transposedMatmulOnUnexpandedInput(kernel, stride, ctx) ? [1, 1] : stride,
      padding,
      dilation,
      groups,
      config.shardLayout,
      ctx,
    )
  )
    path = 'l1';
  else if (sliceType === 'dram_height' || sliceType === 'dram_width') {
    path = 'dram';
    // A count of 0 (tt-mlir's OOM fallback writes `<dram_width, 0>`) is kept: tt-metal picks the count on this axis [17].
    slices = { kind: sliceType === 'dram_height' ? 'height' : 'width', count: Math.max(0, sliceCount) };
  }
  // A bias holds C_out values; 2024-era dumps pass the destination tensor (N·OH·OW·C_out) in the same position.
  const third = op.operands[2];
  const hasBias =
    third?.kind === 'tensor' &&
    third.shape.kind === 'known' &&
    third.shape.dims.reduce((n, d) => n * d, 1) === outChannels;
  return {
    batch,
    inChannels,
    outChannels,
    inputH,
    inputW,
    outputH,
    outputW,
    kernel,
    stride,
    padding,
    dilation,
    groups,
    hasBias,
    inputDtype: input.dtype,
    outputDtype: out.dtype,
    weightsDtype,
    inputLayout: input.layout,
    inputL1BytesPerCore: l1Footprint(input.logical, input.layout, ctx.device)?.bytesPerCore ?? 0,
    config,
    fp32DestAcc,
    packerL1Acc,
    path,
    slices,
    transposed,
  };
}

// ---------------------------------------------------------------------------------------------
// tt-metal's divisor searches (conv2d_utils.cpp)

function closestLargestDivisor(num: number, start: number): number {
  // No divisor exceeds num: start there at most (a huge override must not spin).
  let d = Math.max(1, Math.min(start, num));
  while (d > 1 && num % d !== 0) d--;
  return d;
}

function closestLargestCommonDivisor(a: number, b: number, start: number): number {
  let d = Math.max(1, start);
  while (d > 1 && (a % d !== 0 || b % d !== 0)) d--;
  return d;
}

function closestDivisorWithPadding(num: number, start: number): number {
  let d = Math.max(1, start);
  while (d > 1 && alignUp(num, d) - num >= alignUp(num, d) / d) d--;
  return d;
}

/** `find_closest_largest_divisor_with_num_padding(num1, num2, start)`: both counts padded by less than one share. */
function closestCommonDivisorWithPadding(a: number, b: number, start: number): number {
  let d = Math.max(1, start);
  const wasteful = (n: number, x: number): boolean => alignUp(n, x) - n >= alignUp(n, x) / x;
  while (d > 1 && (wasteful(a, d) || wasteful(b, d))) d--;
  return d;
}

function closestDivisorWithPaddingAndMult(num: number, start: number, mult: number): number {
  let d = Math.max(1, start);
  const padded = (x: number): number => alignUp(num, x * mult);
  while (d > 1 && padded(d) - num >= padded(d) / d) d--;
  return d;
}

/** `num_cores_to_corerangeset(n, grid, row_wise = true)`: its bounding box. */
export function rowWiseBox(n: number, gridX: number): [number, number] {
  return n >= gridX ? [gridX, Math.ceil(n / gridX)] : [n, 1];
}

interface Grid {
  readonly x: number;
  readonly y: number;
}

function isDepthwise(p: ConvProblem): boolean {
  return p.groups === p.inChannels && p.groups === p.outChannels;
}

/**
 * `is_1d_depthwise_conv` of the build [13]: a bias-free depthwise conv over a 1-D image, L on the height before change
 * point conv2d-1d-conv-on-height, on the width since; kernel width 1 only until conv2d-1d-depthwise-any-kernel-width.
 */
function is1dDepthwise(p: ConvProblem, ctx: EstimateContext): boolean {
  if (!isDepthwise(p) || p.hasBias) return false;
  if (!atOrAfter(ctx, 'conv2d-1d-conv-on-height')) return p.kernel[1] === 1 && p.inputW === 1;
  const oneD = p.kernel[0] === 1 && p.inputH === 1;
  return atOrAfter(ctx, 'conv2d-1d-depthwise-any-kernel-width') ? oneD : oneD && p.kernel[1] === 1;
}

/**
 * conv_skip_mcast's skip_activation_mcast for a block or width sharded conv (conv2d_utils.cpp@de47eb4: one channel core
 * in and out), with get_cb_info's consequence (no ACT CB, block's row-major CB not overlapped): since change point
 * conv2d-skip-act-mcast-one-channel-core; from change point conv2d-skip-act-mcast-single-core only for a conv on one
 * core in all; before, never. Asked only for a conv it could change [2].
 */
function skipsActivationMcast(
  scheme: ShardScheme,
  input: ParallelConfig,
  output: ParallelConfig,
  ctx: EstimateContext,
): boolean {
  if (scheme === 'height_sharded' || input.coresC !== 1 || output.coresC !== 1) return false;
  if (input.nCores === 1 && output.nCores === 1 && atOrAfter(ctx, 'conv2d-skip-act-mcast-single-core')) return true;
  return atOrAfter(ctx, 'conv2d-skip-act-mcast-one-channel-core');
}

/** NOC_MAX_BURST_SIZE: 256 NoC words of 32 B (Wormhole) or 64 B (Blackhole) [13]. */
function nocMaxBurstBytes(ctx: EstimateContext): number {
  return 256 * (ctx.device.arch === 'blackhole' ? 64 : 32);
}

/**
 * Since change point conv2d-1d-depthwise-any-kernel-width a height-sharded, undilated 1-D depthwise conv reads its whole
 * kernel window in one NoC burst when C·elem·kW fits one (one coalesced block of C·kW), else one tap at a time [13].
 */
function coalesces1dDepthwise(
  p: ConvProblem,
  scheme: ShardScheme,
  inChannelsPadded: number,
  ctx: EstimateContext,
): boolean {
  return (
    atOrAfter(ctx, 'conv2d-1d-depthwise-any-kernel-width') &&
    scheme === 'height_sharded' &&
    p.dilation[1] === 1 &&
    inChannelsPadded * haloElementBytes(p.inputDtype, ctx) * p.kernel[1] <= nocMaxBurstBytes(ctx)
  );
}

/**
 * `use_matmul_for_1x1_conv` [3]; it required groups == 1 until change point conv2d-grouped-1x1-matmul. conv_transpose2d
 * asks it with its own stride and padding since change point conv-transpose2d-matmul-by-own-stride (taken here where its
 * output is its input's size: kernel 1, stride 1, no padding or output padding); before, with stride 1 and the
 * stride-expanded input's padding (d·(k − 1) − p a side: 0 for an unpadded kernel-1 conv), so a kernel-1 unpadded
 * transposed conv of any stride was the matmul on its un-expanded input (`transposedMatmulOnUnexpandedInput`) [20].
 */
export function isMatmulConv(p: ConvProblem, scheme: ShardScheme | undefined, ctx: EstimateContext): boolean {
  if (p.transposed && transposedMatmulOnUnexpandedInput(p.kernel, p.stride, ctx))
    return usesMatmulFor1x1(p.kernel, [1, 1], p.padding, p.dilation, p.groups, scheme, ctx);
  return (
    (!p.transposed || (p.outputH === p.inputH && p.outputW === p.inputW)) &&
    usesMatmulFor1x1(p.kernel, p.stride, p.padding, p.dilation, p.groups, scheme, ctx)
  );
}

/**
 * A kernel-1 transposed conv with a stride above 1 before change point conv-transpose2d-matmul-by-own-stride: its
 * use_matmul_for_1x1_conv check saw stride 1 (conv_transpose2d.cpp@7097156, both conv_transpose2d_L1 and
 * conv_transpose2d_DRAM), so an unpadded one ran ttnn::linear on the input as stored, no halo and no zero insertion [20].
 * The change point is asked only for such a conv.
 */
function transposedMatmulOnUnexpandedInput(
  kernel: readonly [number, number],
  stride: readonly [number, number],
  ctx: EstimateContext,
): boolean {
  if (kernel[0] !== 1 || kernel[1] !== 1 || (stride[0] === 1 && stride[1] === 1)) return false;
  return !atOrAfter(ctx, 'conv-transpose2d-matmul-by-own-stride');
}

/** `use_matmul_for_1x1_conv` on the op's own kernel, stride, padding and dilation [3]: conv_transpose2d_DRAM asks it
 *  too, and runs such a conv whole on the L1 path [19]. */
function usesMatmulFor1x1(
  kernel: readonly [number, number],
  stride: readonly [number, number],
  padding: readonly number[],
  dilation: readonly [number, number],
  groups: number,
  scheme: ShardScheme | undefined,
  ctx: EstimateContext,
): boolean {
  return (
    (groups === 1 || atOrAfter(ctx, 'conv2d-grouped-1x1-matmul')) &&
    kernel[0] === 1 &&
    kernel[1] === 1 &&
    stride[0] === 1 &&
    stride[1] === 1 &&
    padding.every((x) => x === 0) &&
    dilation[0] === 1 &&
    dilation[1] === 1 &&
    scheme !== 'width_sharded'
  );
}

/**
 * `get_input_channels_alignment`: block sharding shares the row-major relaxation only since tt-metal PR #26201 [1].
 * `slicedOp`: a DRAM-path slice (its input arrives sharded, 8-aligned); tt-metal's own slice L1 estimate passes false [27].
 */
function channelsAlignment(
  p: ConvProblem,
  scheme: ShardScheme,
  mm: boolean,
  l1AlignmentBytes: number,
  ctx: EstimateContext,
  slicedOp = p.path === 'dram',
): number {
  if (isDepthwise(p)) return 32;
  const rowMajor = p.inputLayout.pageLayout === 'row_major';
  // The change point is asked only where it can matter (a configured tiled conv is not split at it).
  if (
    !mm &&
    (rowMajor || slicedOp) &&
    (scheme === 'height_sharded' || (scheme === 'block_sharded' && atOrAfter(ctx, 'conv2d-block-rm-channel-alignment')))
  ) {
    const deduced = deducedChannelsAlignment(p, scheme, l1AlignmentBytes);
    // Before PR #21612 only auto shard (act_block_h_override 0) relaxed the alignment for shallow row-major height
    // convs, to 8 for C_in < 32 (before PR #17711: to 16, for C_in ≤ 16 only); other convs kept the config's 32 [1].
    const shallowAutoShard =
      p.autoShardDefaultBlockH === true && rowMajor && scheme === 'height_sharded' && p.inChannels < 32;
    const before = !shallowAutoShard
      ? 32
      : atOrAfter(ctx, 'conv2d-shallow-alignment-8')
        ? 8
        : p.inChannels <= 16
          ? 16
          : 32;
    if (before === deduced || atOrAfter(ctx, 'conv2d-input-channels-alignment-deduced')) return deduced;
    return before;
  }
  return 32;
}

/** `get_input_channels_alignment` of tt-metal PR #21612 on, for a non-matmul row-major (or sliced) conv. */
function deducedChannelsAlignment(p: ConvProblem, scheme: ShardScheme, l1AlignmentBytes: number): number {
  if (p.path === 'l1' && p.inputLayout.memoryLayout === scheme) {
    const shardWidth =
      p.inputLayout.pageLayout === 'tile'
        ? (p.inputLayout.shardShape[1] ?? 1) * 32
        : (p.inputLayout.shardShape[p.inputLayout.shardShape.length - 1] ?? 0);
    if (shardWidth % 32 === 0) return 32;
    if (shardWidth % 16 === 0) return 16;
    if (shardWidth % 8 === 0) return 8;
    return 32;
  }
  return l1AlignmentBytes / 2;
}

/** `determine_parallel_config`. */
export function determineParallelConfig(
  p: ConvProblem,
  scheme: ShardScheme,
  align: number,
  grid: Grid,
  mm: boolean,
  /** Pools: the shard height/width need not be tile multiples (units of 1 row, 16 channels). `rowsOfNhwTile`: auto
   *  shard's ranking of a row-major output before change point conv2d-auto-shard-tile-units, which counted N·H·W
   *  rounded up to 32 in rows and every channel count (C_in too) in single channels. */
  units: { readonly tileH: number; readonly tileW: number; readonly rowsOfNhwTile?: boolean } = {
    tileH: 32,
    tileW: 32,
  },
  /** Block sharding picks its channel cores for the input alone (change point conv2d-block-output-decoupled). */
  outputDecoupled = true,
): ParallelConfig {
  const rows = units.rowsOfNhwTile === true;
  const alignment = rows ? 1 : isDepthwise(p) ? 32 : align;
  const nhw = p.batch * p.outputH * p.outputW;
  const outNhwTiles = rows ? alignUp(nhw, 32) : Math.ceil(nhw / units.tileH);
  const outCTiles = Math.ceil(p.outChannels / units.tileW);
  const abhTiles = p.config.actBlockHOverride === 0 ? 1 : Math.max(1, Math.floor(p.config.actBlockHOverride / 32));
  const colMajor = p.config.transposeShards === true;
  if (scheme === 'height_sharded') {
    const n = closestDivisorWithPaddingAndMult(outNhwTiles, grid.x * grid.y, abhTiles);
    return { scheme, nCores: n, coresNhw: n, coresC: 1, box: rowWiseBox(n, grid.x) };
  }
  if (scheme === 'block_sharded') {
    const inBlocks = Math.ceil(p.inChannels / alignment);
    const coresNhw = closestDivisorWithPaddingAndMult(outNhwTiles, colMajor ? grid.x : grid.y, abhTiles);
    const startC = colMajor ? grid.y : grid.x;
    // Until the output grid was decoupled (PR #27767) the output kept the input's channel cores, so their count had
    // to suit both channel counts [15].
    const c = mm
      ? closestLargestCommonDivisor(outCTiles, inBlocks, startC)
      : outputDecoupled
        ? closestDivisorWithPadding(inBlocks, startC)
        : closestCommonDivisorWithPadding(outCTiles, inBlocks, startC);
    return {
      scheme,
      nCores: coresNhw * c,
      coresNhw,
      coresC: c,
      box: colMajor ? [coresNhw, c] : [c, coresNhw],
    };
  }
  const inTiles = Math.ceil(p.inChannels / units.tileW);
  const c = !mm ? closestDivisorWithPadding(inTiles, grid.x * grid.y) : closestLargestDivisor(inTiles, grid.x * grid.y);
  return { scheme, nCores: c, coresNhw: 1, coresC: c, box: rowWiseBox(c, grid.x) };
}

/** `determine_output_parallel_config`: block sharding re-splits the output channels only since change point
 *  conv2d-block-output-decoupled (before, the output kept the input's grid) [15]. */
function outputParallelConfig(
  p: ConvProblem,
  input: ParallelConfig,
  grid: Grid,
  mm: boolean,
  blockDecoupled: boolean,
): ParallelConfig {
  if (mm) return input;
  const outCTiles = Math.ceil(p.outChannels / 32);
  if (input.scheme === 'width_sharded') {
    const c = closestDivisorWithPadding(outCTiles, grid.x * grid.y);
    return { ...input, nCores: c, coresC: c, box: rowWiseBox(c, grid.x) };
  }
  if (input.scheme === 'block_sharded' && blockDecoupled) {
    const colMajor = p.config.transposeShards === true;
    const c = closestDivisorWithPadding(outCTiles, colMajor ? grid.y : grid.x);
    return {
      ...input,
      nCores: input.coresNhw * c,
      coresC: c,
      box: colMajor ? [input.coresNhw, c] : [c, input.coresNhw],
    };
  }
  return input;
}

/** The parallel config of an L1-sharded input (its shard grid), when the IR says so. */
function inputShardConfig(layout: TensorLayout, gridX: number): ParallelConfig | undefined {
  const scheme = layout.memoryLayout;
  if (
    layout.bufferType !== 'l1' ||
    (scheme !== 'height_sharded' && scheme !== 'block_sharded' && scheme !== 'width_sharded')
  )
    return undefined;
  const [rows, cols] = layout.gridShape;
  if (scheme === 'height_sharded')
    return { scheme, nCores: rows * cols, coresNhw: rows * cols, coresC: 1, box: rowWiseBox(rows * cols, gridX) };
  // tt-mlir writes a width-sharded grid as 1xN virtual cores mapped row-wise onto the device grid
  // (virt_to_physical_map (d0, d1) -> (0, d1 floordiv X, d1 mod X)): the physical shard grid is num_cores_to_corerangeset's.
  if (scheme === 'width_sharded')
    return {
      scheme,
      nCores: rows * cols,
      coresNhw: 1,
      coresC: rows * cols,
      box: rows === 1 ? rowWiseBox(cols, gridX) : [cols, rows],
    };
  return { scheme, nCores: rows * cols, coresNhw: rows, coresC: cols, box: [cols, rows] };
}

function tileOf(dtype: DataType): number {
  return tileBytes(dtype);
}

/**
 * tt-metal's halo output estimate, which auto shard ranked with from PR #25907 until PR #30446 [14]: the halo input
 * shard's image rows (its sticks / the image width), plus the dilated kernel height less one times the batch-boundary
 * multiplier (1 for one image; the shard's whole images + 2 for a batch above 1), times the padded image width, times
 * the shard width (conv2d_utils.cpp@28a524e estimate_halo_output_bytes, @45ecf0a estimate_halo_output_elems). The rows
 * are whole before change point conv2d-auto-shard-halo-estimate-fractional-rows (integer division), a float from it
 * (conv2d_utils.cpp@5702b2d: sticks / width as a float, the product truncated to whole sticks; float32 arithmetic).
 */
export function estimatedHaloElementsPerCore(
  p: Pick<ConvProblem, 'batch' | 'inputH' | 'inputW' | 'kernel' | 'dilation' | 'padding'>,
  haloInputShardRows: number,
  haloInputShardWidth: number,
  ctx: EstimateContext,
): number {
  const fractional = atOrAfter(ctx, 'conv2d-auto-shard-halo-estimate-fractional-rows');
  const f = Math.fround;
  const shardImageRows = fractional
    ? fractionalShardImageRows(p, haloInputShardRows, ctx)
    : Math.floor(haloInputShardRows / p.inputW);
  const shardImages = Math.trunc(fractional ? f(shardImageRows / f(p.inputH)) : shardImageRows / p.inputH);
  const batchBoundaryMultiplier = p.batch > 1 ? shardImages + 2 : 1;
  const overlapRows = (p.dilation[0] * p.kernel[0] - 1) * batchBoundaryMultiplier;
  const paddedWidth = p.inputW + p.padding[2] + p.padding[3];
  const sticks = fractional
    ? Math.trunc(f(f(shardImageRows + overlapRows) * paddedWidth))
    : (shardImageRows + overlapRows) * paddedWidth;
  return sticks * haloInputShardWidth;
}

/**
 * The float rows of estimate_halo_output_elems from change point conv2d-auto-shard-halo-estimate-fractional-rows:
 * sticks / W in float32; from change point conv2d-auto-shard-halo-estimate-rows-div-up (PR #27147) a batched shard's
 * sticks / W in integers and a one-image shard's tt::div_up(sticks, (float)W) = (sticks + W − 1) / W in float32, a
 * fraction (conv2d_utils.cpp@dbbc742d10; math.hpp@dbbc742d10 div_up in the common type). The change point is asked
 * only where the two rules differ.
 */
function fractionalShardImageRows(
  p: Pick<ConvProblem, 'batch' | 'inputW'>,
  haloInputShardRows: number,
  ctx: EstimateContext,
): number {
  const f = Math.fround;
  const before = f(f(haloInputShardRows) / f(p.inputW));
  const from =
    p.batch > 1
      ? Math.floor(haloInputShardRows / p.inputW)
      : f(f(f(f(haloInputShardRows) + f(p.inputW)) - 1) / f(p.inputW));
  return from === before || !atOrAfter(ctx, 'conv2d-auto-shard-halo-estimate-rows-div-up') ? before : from;
}

/**
 * The halo input shard auto shard's halo estimate ranks with: the shard of the conv input's own layout since change
 * point conv2d-auto-shard-halo-estimate-input-layout (PR #28302), before it the shard determine_input_memory_config
 * gave for Layout::TILE: C rounded up to 32 per channel core, N·H·W to 32 per NHW core (conv2d_utils.cpp@28a524e2c1,
 * @cdd0c7d586^). Asked only for a row-major input whose two shards differ [14].
 */
function haloEstimateShard(p: ConvProblem, x: ConvPlan, ctx: EstimateContext): [rows: number, width: number] {
  const own: [number, number] = [haloInputShardRows(p, x.input), x.inChannelsPadded / x.input.coresC];
  const nhwIn = p.batch * p.inputH * p.inputW;
  const tiled: [number, number] = [
    alignUp(nhwIn, x.input.coresNhw * 32) / x.input.coresNhw,
    alignUp(p.inChannels, x.input.coresC * 32) / x.input.coresC,
  ];
  if (tiled[0] === own[0] && tiled[1] === own[1]) return own;
  return atOrAfter(ctx, 'conv2d-auto-shard-halo-estimate-input-layout') ? own : tiled;
}

/**
 * Rows (sticks) of the conv's input shard, the halo's input: N·H·W padded to cores_nhw·32 over the NHW cores (a
 * width-sharded row-major input: unpadded) [6].
 */
function haloInputShardRows(p: ConvProblem, input: ParallelConfig): number {
  const nhwIn = p.batch * p.inputH * p.inputW;
  return input.scheme === 'width_sharded' && p.inputLayout.pageLayout === 'row_major'
    ? nhwIn
    : alignUp(nhwIn, input.coresNhw * 32) / input.coresNhw;
}

/** Plan one conv for a shard scheme: configs and the CB list, or a reason tt-metal would reject it. */
/** transpose_shards moves a block grid alone: its build default is asked only for one [21]. */
function orientedProblem(p: ConvProblem, scheme: ShardScheme, ctx: EstimateContext): ConvProblem {
  if (scheme !== 'block_sharded' || p.config.transposeShards !== undefined) return p;
  return { ...p, config: { ...p.config, transposeShards: !atOrAfter(ctx, 'conv2d-transpose-shards-default-false') } };
}

export function planConv(
  p: ConvProblem,
  scheme: ShardScheme,
  grid: Grid,
  l1AlignmentBytes: number,
  ctx: EstimateContext,
  given?: ParallelConfig,
  /** Sized as tt-metal's DRAM slicer sizes a slice (calculate_L1_usage_for_conv_op): channels aligned as for an unsliced
   *  input, and the ACT CB made even where the factory skips the activation multicast [27]. */
  sliceL1Estimate = false,
): ConvPlan | string {
  const mm = isMatmulConv(p, scheme, ctx);
  const align = channelsAlignment(p, scheme, mm, l1AlignmentBytes, ctx, sliceL1Estimate ? false : p.path === 'dram');
  const oriented = orientedProblem(p, scheme, ctx);
  const grids = (decoupled: boolean): { input: ParallelConfig; output: ParallelConfig } => {
    const input = given ?? determineParallelConfig(oriented, scheme, align, grid, mm, undefined, decoupled);
    return { input, output: outputParallelConfig(oriented, input, grid, mm, decoupled) };
  };
  // The change point is asked only where the two rules give different grids (a block conv whose C_in and C_out want
  // the same channel cores is not split at it).
  let chosen = grids(true);
  if (scheme === 'block_sharded' && !mm) {
    const coupled = grids(false);
    const same = (a: ParallelConfig, b: ParallelConfig): boolean =>
      a.nCores === b.nCores && a.coresNhw === b.coresNhw && a.coresC === b.coresC;
    const differ = !same(coupled.input, chosen.input) || !same(coupled.output, chosen.output);
    if (differ && !atOrAfter(ctx, 'conv2d-block-output-decoupled')) chosen = coupled;
  }
  const { input, output } = chosen;
  const inChannelsPadded = alignUp(p.inChannels, input.coresC * align);
  const outChannelsPadded = alignUp(p.outChannels, output.coresC * 32);
  const nhwOut = p.batch * p.outputH * p.outputW;
  const nhwShard = scheme === 'width_sharded' ? nhwOut : alignUp(nhwOut, output.coresNhw * 32) / output.coresNhw;
  const perCoreOutHTiles = Math.ceil(nhwShard / 32);
  const perCoreOutWTiles = Math.ceil(outChannelsPadded / output.coresC / 32);
  const paddedPerCoreHTiles = Math.floor(nhwShard / 32);
  let actBlockHTiles = perCoreOutHTiles;
  if (p.config.actBlockHOverride > 0) {
    if (p.config.actBlockHOverride % 32 !== 0)
      return `act_block_h_override ${p.config.actBlockHOverride} is not a multiple of 32 (tile height)`;
    const ov = p.config.actBlockHOverride / 32;
    actBlockHTiles = paddedPerCoreHTiles % ov === 0 ? ov : closestLargestDivisor(paddedPerCoreHTiles, ov);
  }
  const dw1d = is1dDepthwise(p, ctx);
  // Since PR #44490 the depthwise path runs per tap (no partials or temp-sum CB, taps accumulate in DST) or coalesced.
  const dw1dTaps = dw1d && atOrAfter(ctx, 'conv2d-1d-depthwise-any-kernel-width');
  const coalesce = dw1d && coalesces1dDepthwise(p, scheme, inChannelsPadded, ctx);
  let actBlockW: number;
  if (scheme === 'height_sharded')
    actBlockW = dw1d
      ? alignUp(inChannelsPadded * (coalesce ? p.kernel[1] : 1), 32)
      : alignUp(inChannelsPadded * p.kernel[1], 32);
  else if (scheme === 'block_sharded') {
    const fullInner = p.config.fullInnerDim || !atOrAfter(ctx, 'conv2d-block-inner-dim-by-kernel-h');
    actBlockW = alignUp((inChannelsPadded / input.coresC) * p.kernel[1] * (fullInner ? p.kernel[0] : 1), 32);
  } else {
    const div = 32 * input.nCores * p.config.actBlockWDiv;
    if (inChannelsPadded % div !== 0)
      return `Padded In Channels = ${inChannelsPadded} is not a multiple of 32 · ${input.nCores} cores · act_block_w_div ${p.config.actBlockWDiv}`;
    actBlockW = (inChannelsPadded * p.kernel[0] * p.kernel[1]) / (input.nCores * p.config.actBlockWDiv);
  }
  const actBlockWTiles = Math.ceil(actBlockW / 32);
  const inputTile = tileOf(haloStickDtype(p.inputDtype, ctx));
  const weightsTile = tileOf(p.weightsDtype);
  const outputTile = tileOf(p.outputDtype);
  const perCoreOutTiles = perCoreOutHTiles * perCoreOutWTiles;
  const notes: string[] = [];
  const cbs: CbSpec[] = [];
  // Weight matrix height in tiles as prepare_conv_weights lays it out: kH rows of act_block_w (height), kH·kW·C / 32 otherwise.
  const weightHTiles =
    scheme === 'height_sharded'
      ? p.kernel[0] * actBlockWTiles
      : Math.ceil((inChannelsPadded * p.kernel[0] * p.kernel[1]) / 32);
  const numBlocksActH = Math.max(1, Math.floor(perCoreOutHTiles / actBlockHTiles));
  const numBlocksActW = Math.max(1, Math.floor(weightHTiles / Math.max(1, actBlockWTiles)));
  const in0BlocksW =
    scheme === 'block_sharded'
      ? numBlocksActW * Math.max(1, Math.floor(Math.ceil(outChannelsPadded / 32) / perCoreOutWTiles))
      : numBlocksActW;
  const packer = p.packerL1Acc && ((p.hasBias && in0BlocksW > 1) || in0BlocksW > 2);
  const partialDtype: DataType = packer ? (p.fp32DestAcc ? 'f32' : 'bf16') : p.outputDtype;
  const outputShardBytes = perCoreOutTiles * outputTile;

  if (mm) {
    // ttnn.matmul with MatmulMultiCoreReuseMultiCast(1D) configs built from the conv's blocks (in0_block_w = act_block_w).
    const kTiles = actBlockWTiles;
    const numKBlocks = Math.max(1, Math.ceil(Math.ceil(inChannelsPadded / 32) / kTiles));
    const buffering = numKBlocks > 1 ? 2 : 1;
    // Height sharded: the 1D mcast-in1 factory points c_0 at the (resharded or tilized) input shard itself when one K
    // block spans the shard width, which a height conv's in0_block_w = act_block_w = all of K always does; its
    // out_block_h/w = per_core_M/N, so the later copy rule (matmul-1d-height-shard-copy) never fires either [3].
    const in0AliasesShard = scheme === 'height_sharded' && numKBlocks === 1;
    cbs.push({
      index: 0,
      role: in0AliasesShard ? 'in0 (the input shard)' : 'in0 (activations)',
      nPages: perCoreOutHTiles * kTiles * buffering,
      pageBytes: tileOf(p.inputDtype),
      ...(in0AliasesShard ? { tensorBacked: true } : {}),
    });
    cbs.push({
      index: 1,
      role: 'in1 (weights)',
      nPages: perCoreOutWTiles * kTiles * buffering,
      pageBytes: weightsTile,
    });
    if (p.hasBias) cbs.push({ index: 3, role: 'bias', nPages: perCoreOutWTiles, pageBytes: weightsTile });
    cbs.push({
      index: 4,
      role: 'output (sharded)',
      nPages: perCoreOutTiles,
      pageBytes: outputTile,
      tensorBacked: true,
    });
    // Block sharded: the 2D factory backs c_2 with the block-sharded input and adds its 64 B L1-array CB c_6 [3].
    if (scheme === 'block_sharded')
      cbs.push({ index: 6, role: 'mcast scratch (l1 array)', nPages: 1, pageBytes: MATMUL_L1_ARRAY_CB_BYTES });
    // Partials packed in L1 (packer_l1_acc_en, the matmul factories' rule for these K blocks) are Float16_b [3]; the
    // flags are the linear's (convLinearComputeFlags), not the conv's before change point conv2d-mm-linear-compute-config.
    const mmFlags = convLinearComputeFlags(p, ctx);
    const packerOn =
      mmFlags.packerL1Acc &&
      packerL1AccEnabled(
        {
          kind:
            scheme === 'height_sharded'
              ? 'MatmulMultiCoreReuseMultiCast1DProgramConfig'
              : 'MatmulMultiCoreReuseMultiCastProgramConfig',
          mcastIn0: false,
        },
        numKBlocks,
        p.hasBias,
        p.outputDtype,
        mmFlags.fp32,
        ctx,
      );
    const intermDtype: DataType = mmFlags.fp32 ? 'f32' : packerOn ? 'bf16' : p.outputDtype;
    if (intermDtype !== p.outputDtype)
      cbs.push({ index: 5, role: 'interm0', nPages: perCoreOutTiles, pageBytes: tileOf(intermDtype) });
    notes.push(
      `1x1 stride-1 conv runs ttnn.matmul: per_core_M ${perCoreOutHTiles}, per_core_N ${perCoreOutWTiles}, in0_block_w ${kTiles}`,
    );
  } else {
    const doubleBuffers = scheme !== 'width_sharded' || atOrAfter(ctx, 'conv2d-width-double-buffer');
    // Several height blocks of a per-tap 1-D depthwise conv keep every tap's weights resident and give the running
    // partial its own scratch CB (the output shard cannot double as it) since change point
    // conv2d-1d-depthwise-multi-block-scratch [13]; asked only when the conv has several height blocks.
    const dw1dMultiBlock =
      dw1dTaps && !coalesce && numBlocksActH > 1 && atOrAfter(ctx, 'conv2d-1d-depthwise-multi-block-scratch');
    let weightTiles = perCoreOutWTiles * (dw1d ? actBlockHTiles * (coalesce ? p.kernel[1] : 1) : actBlockWTiles);
    if (dw1dMultiBlock) weightTiles = perCoreOutWTiles * actBlockHTiles * p.kernel[1];
    else if (scheme === 'height_sharded') {
      if (numBlocksActH > 1) weightTiles *= p.kernel[0];
      else if (p.config.weightsDoubleBuffer) weightTiles *= 2;
    } else if (p.config.weightsDoubleBuffer && doubleBuffers) weightTiles *= 2;
    cbs.push({ index: 0, role: 'weights', nPages: weightTiles, pageBytes: weightsTile });
    const partialsAliasOutput = p.config.outputLayout === 'tile' && partialDtype === p.outputDtype && !dw1d;
    // A partials CB of its own (row-major output or another format) holds one output block since change point
    // conv2d-partials-one-block (PR #51664), the whole per-core output before; asked only when the two differ [16].
    const partialsOneBlock =
      !dw1d && !partialsAliasOutput && numBlocksActH > 1 && atOrAfter(ctx, 'conv2d-partials-one-block');
    if (!dw1dTaps)
      cbs.push({
        index: 1,
        role: 'matmul partials',
        nPages: dw1d ? 1 : partialsOneBlock ? actBlockHTiles * perCoreOutWTiles : perCoreOutTiles,
        pageBytes: tileOf(partialDtype),
        tensorBacked: partialsAliasOutput,
      });
    else if (dw1dMultiBlock)
      cbs.push({
        index: 1,
        role: 'depthwise partial scratch',
        nPages: 2 * actBlockHTiles * perCoreOutWTiles,
        pageBytes: outputTile,
      });
    const split =
      scheme === 'height_sharded' &&
      !dw1d &&
      actBlockHTiles > 1 &&
      (atOrAfter(ctx, 'conv2d-split-reader-heuristic')
        ? splitReaderViable(p, actBlockHTiles, actBlockWTiles, perCoreOutWTiles, inChannelsPadded, ctx)
        : p.config.enableSplitReader);
    const buffering = p.config.actDoubleBuffer && doubleBuffers ? 2 : 1;
    const skipActCb = !sliceL1Estimate && skipsActivationMcast(scheme, input, output, ctx);
    const actTile = scheme === 'height_sharded' ? inputTile : outputTile;
    const first = split ? actBlockHTiles - Math.floor(actBlockHTiles / 2) : actBlockHTiles;
    const second = split ? Math.floor(actBlockHTiles / 2) : 0;
    const actTiles = first * actBlockWTiles * buffering;
    // A block or width conv that skips the activation multicast reads its act block straight into ACT_TILIZED: no ACT
    // CB, and block sharding's row-major CB is then its own [2].
    if (!skipActCb) cbs.push({ index: 2, role: 'act', nPages: actTiles, pageBytes: actTile });
    if (second > 0)
      cbs.push({
        index: 3,
        role: 'act (second reader)',
        nPages: second * actBlockWTiles * buffering,
        pageBytes: actTile,
      });
    if (dw1d && !dw1dTaps) cbs.push({ index: 4, role: 'temp sum', nPages: 1, pageBytes: outputTile });
    cbs.push({ index: 5, role: 'act tilized', nPages: actBlockHTiles * actBlockWTiles, pageBytes: outputTile });
    if (p.hasBias) cbs.push({ index: 6, role: 'bias', nPages: perCoreOutWTiles, pageBytes: weightsTile });
    const inputDf = haloStickDtype(p.inputDtype, ctx);
    // The image-to-column output: two block rows (width, PR #23116) or the ACT CB itself when the formats match
    // (block, PR #23580); before them the whole act block, single-buffered [2].
    if (scheme === 'width_sharded')
      cbs.push({
        index: 7,
        role: 'act row-major',
        nPages: atOrAfter(ctx, 'conv2d-width-rm-two-rows') ? 2 * actBlockWTiles : actBlockHTiles * actBlockWTiles,
        pageBytes: inputTile,
      });
    else if (scheme === 'block_sharded' && !atOrAfter(ctx, 'conv2d-block-rm-overlap'))
      cbs.push({ index: 7, role: 'act row-major', nPages: actBlockHTiles * actBlockWTiles, pageBytes: inputTile });
    else if (scheme === 'block_sharded' && (inputDf !== p.outputDtype || skipActCb))
      cbs.push({ index: 7, role: 'act row-major', nPages: actTiles, pageBytes: inputTile });
    cbs.push({ index: 8, role: 'output', nPages: perCoreOutTiles, pageBytes: outputTile, tensorBacked: true });
    // The worst case get_cb_info sizes a DRAM config's reader indices to (and auto shard ranks with): one word per output
    // row; three for an image one column wide (its is_1d_conv: height ≠ 1, width 1) before change point
    // conv2d-1d-conv-on-height (PR #34957 dropped the case). The factory's own page is `withActualReaderIndices`' [2].
    const threeWords =
      p.config.configTensorsInDram && p.inputH !== 1 && p.inputW === 1 && !atOrAfter(ctx, 'conv2d-1d-conv-on-height');
    const indexBytes = perCoreOutHTiles * 32 * (threeWords ? 6 : 2);
    cbs.push({
      index: 9,
      role: 'reader indices',
      nPages: 1,
      pageBytes: indexBytes,
      tensorBacked: !p.config.configTensorsInDram,
    });
    cbs.push({ index: 10, role: 'L1 scratchpad', nPages: 1, pageBytes: 64 });
    if (split) notes.push(`split reader (heuristic): act ${first}+${second} of ${actBlockHTiles} tile rows`);
    if (skipActCb)
      notes.push('one channel core: the activation multicast is skipped and no ACT CB is made (skip_activation_mcast)');
    if (dw1d)
      notes.push(
        dw1dMultiBlock
          ? `1-D depthwise path, one kernel tap per block over ${numBlocksActH} height blocks: all ${p.kernel[1]} taps' weights resident and a double-buffered partial scratch CB of two blocks (tt-metal PR #48632; the scratch CB's size is inferred from the PR, not read from the factory)`
          : dw1dTaps
            ? `1-D depthwise path, ${coalesce ? `coalesced: the whole ${p.kernel[1]}-tap window in one block` : 'one kernel tap per block'} (no partials or temp-sum CB)`
            : '1-D depthwise path (kernel width 1): partials and temp-sum CBs of one tile',
      );
    if (partialsOneBlock)
      notes.push(
        `partials CB of one output block (${actBlockHTiles}x${perCoreOutWTiles} tiles) instead of the per-core output (tt-metal PR #51664)`,
      );
  }
  const cbBytes = cbs.reduce((n, cb) => n + (cb.tensorBacked === true ? 0 : cb.nPages * cb.pageBytes), 0);
  return {
    input,
    output,
    channelsAlignment: align,
    inChannelsPadded,
    perCoreOutHTiles,
    perCoreOutWTiles,
    actBlockHTiles,
    actBlockWTiles,
    mmConv: mm,
    cbs,
    cbBytes,
    outputShardBytes,
    notes,
  };
}

/** Shard scheme and parallel config tt-metal would use (config, input sharding, or auto-shard by total L1). */
/** A plan tt-metal's rule of the build would pick but the model cannot say (a rule not read), with the reason. */
interface ConvUnmodeled {
  readonly unmodeled: string;
}

function choosePlan(
  p: ConvProblem,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): { plan: ConvPlan; why: string; resharded: boolean; runs?: ConvProblem } | ConvUnmodeled | string {
  const chosen = choosePlanOfRules(p, grid, l1Align, ctx);
  if (typeof chosen === 'string' || 'unmodeled' in chosen) return chosen;
  // Auto shard runs the conv with the config it lowered (act_block_h_override 32 in those builds).
  const nonTile = nonTileShardRule(chosen.runs ?? p, chosen.plan, grid);
  if (nonTile === undefined || atOrAfter(ctx, 'conv2d-non-tile-shards-removed')) return chosen;
  return {
    unmodeled: `conv2d with a row-major output and act_block_h_override 0 in a build before ${changePointText('conv2d-non-tile-shards-removed')}: ${nonTile} (not modeled); give a later build, or a tiled output_layout`,
  };
}

/**
 * The non-tile-multiple shard rules tt-metal had until PR #17937 (conv2d_utils.cpp@c69f5c0~1 check_non_tile_height /
 * check_non_tile_mul_width; the same conditions inline @d9304dd), for the conv's own config (auto shard's ranking ran
 * with act_block_h_override 32, so it never met them).
 */
function nonTileShardRule(p: ConvProblem, plan: ConvPlan, grid: Grid): string | undefined {
  if (p.config.outputLayout !== 'row_major' || p.config.actBlockHOverride !== 0) return undefined;
  const scheme = plan.input.scheme;
  if (
    scheme === 'height_sharded' &&
    p.outChannels <= 256 &&
    (p.outputDtype === 'bf16' || p.outputDtype === 'f32') &&
    plan.channelsAlignment !== 16
  )
    return `a height-sharded conv of ${p.outChannels} ≤ 256 output channels takes a shard height that is not a tile multiple`;
  const channelCores = p.config.transposeShards === true ? grid.y : grid.x;
  const elementBytes = p.weightsDtype === 'bfp_bf8' ? 1 : 2;
  if (
    scheme === 'block_sharded' &&
    (p.weightsDtype === 'bfp_bf8' || p.weightsDtype === 'bf16') &&
    (elementBytes * p.inChannels) % (16 * channelCores) === 0
  )
    return `a block-sharded conv whose ${elementBytes}·${p.inChannels} input-channel bytes divide by 16·${channelCores} takes a shard width that is not a tile multiple`;
  return undefined;
}

/**
 * A padded DRAM slice between change points conv2d-dram-slice-grid-raw-output and conv2d-dram-slice-grid-padded-output:
 * Conv2dSliceAttr::get_input_memory_config picks the scheme (auto shard, or the config's) and the input shard grid for
 * the output slice as cut, not the tile-wide one the halo and conv then produce (conv2d.cpp@af7d566 to @7785814f74~1;
 * tt-metal #41918), and conv2d_L1 keeps the sliced input's shards; so the plan runs the padded slice on that grid [17].
 */
function planOnUnpaddedSliceGrid(
  p: ConvProblem,
  unpaddedOutputW: number,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): { plan: ConvPlan; why: string; resharded: boolean; runs?: ConvProblem } | ConvUnmodeled | string {
  const [top, bottom, left, right] = p.padding;
  const cut: ConvProblem = {
    ...p,
    outputW: unpaddedOutputW,
    padding: [top, bottom, left, right - (p.outputW - unpaddedOutputW) * p.stride[1]],
    unpaddedSliceOutputW: undefined,
  };
  const chosen = choosePlanOfRules(cut, grid, l1Align, ctx);
  if (typeof chosen === 'string' || 'unmodeled' in chosen) return chosen;
  const runs = chosen.runs === undefined ? p : { ...p, config: chosen.runs.config };
  const plan = planConv(runs, chosen.plan.input.scheme, grid, l1Align, ctx, chosen.plan.input);
  if (typeof plan === 'string') return plan;
  return {
    plan,
    why: `${chosen.why}; shard grid sized for the slice's ${unpaddedOutputW} output columns before its padding to ${p.outputW} (${changePointText('conv2d-dram-slice-grid-raw-output')}, until ${changePointText('conv2d-dram-slice-grid-padded-output')})`,
    resharded: true,
    runs,
  };
}

function choosePlanOfRules(
  p: ConvProblem,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): { plan: ConvPlan; why: string; resharded: boolean; runs?: ConvProblem } | ConvUnmodeled | string {
  const unpadded = p.unpaddedSliceOutputW;
  if (
    unpadded !== undefined &&
    atOrAfter(ctx, 'conv2d-dram-slice-grid-raw-output') &&
    !atOrAfter(ctx, 'conv2d-dram-slice-grid-padded-output')
  )
    return planOnUnpaddedSliceGrid(p, unpadded, grid, l1Align, ctx);
  const given = p.path === 'l1' ? inputShardConfig(p.inputLayout, grid.x) : undefined;
  const mmReshard = given === undefined ? undefined : matmulConvReshard(p, given, ctx);
  if (mmReshard !== undefined) {
    if (mmReshard.scheme === undefined) return mmReshard.rejected;
    const plan = planConv(p, mmReshard.scheme, grid, l1Align, ctx);
    if (typeof plan === 'string') return plan;
    return { plan, why: mmReshard.why, resharded: true };
  }
  if (
    given !== undefined &&
    !p.config.reshardIfNotOptimal &&
    (p.config.shardLayout === undefined || p.config.shardLayout === given.scheme)
  ) {
    const plan = planConv(p, given.scheme, grid, l1Align, ctx, given);
    if (typeof plan === 'string') return plan;
    return { plan, why: `input already ${given.scheme} on ${given.nCores} cores`, resharded: false };
  }
  if (p.config.shardLayout !== undefined) {
    const plan = planConv(p, p.config.shardLayout, grid, l1Align, ctx);
    if (typeof plan === 'string') return plan;
    const why =
      p.transposed && !atOrAfter(ctx, 'conv-transpose2d-runtime-width-sharded')
        ? "tt-mlir's runtime sets shard_layout = width_sharded for conv_transpose2d (before tt-mlir PR #3056)"
        : p.config.shardLayoutOfFirstSlice === true
          ? `${p.config.shardLayout}, the first slice's auto-shard pick, kept for the later slices`
          : `conv2d_config shard_layout = ${p.config.shardLayout}`;
    return { plan, why, resharded: true };
  }
  const lowered = autoShardProblem(p, ctx);
  const auto = autoShard({ ...lowered, autoShardDefaultBlockH: p.config.actBlockHOverride === 0 }, grid, l1Align, ctx);
  if (typeof auto === 'string' || 'unmodeled' in auto) return auto;
  const chosen = { ...auto, resharded: true, runs: lowered };
  if (lowered === p) return chosen;
  return {
    ...chosen,
    why: `${chosen.why}; act_block_h_override ${lowered.config.actBlockHOverride} set by auto-shard (before tt-metal PR #32424)`,
  };
}

/**
 * The matmul conv's reasons to reshard an input already sharded (get_conv_padded_input_shape_and_mem_config,
 * conv2d_utils.cpp@de47eb4) [1]: a block-sharded input whose channel cores' shards do not hold exactly C_in (from change
 * point conv2d-mm-reshard-block-channels; resharded block sharded whatever the config says), and a shard height that is
 * not a tile multiple, which the matmul's tilize needs (from change point conv2d-mm-reshard-shard-height-tile; resharded
 * to the config's shard_layout, and with none tt-metal's determine_parallel_config throws on the default INTERLEAVED).
 * The IR gives no shard orientation: row-major assumed, as inputShardConfig does. Undefined: the shards are kept (as far
 * as these rules go).
 */
function matmulConvReshard(
  p: ConvProblem,
  given: ParallelConfig,
  ctx: EstimateContext,
):
  | { readonly scheme: ShardScheme; readonly why: string }
  | { readonly scheme: undefined; readonly rejected: string }
  | undefined {
  if (!isMatmulConv(p, given.scheme, ctx)) return undefined;
  const layout = p.inputLayout;
  const unit = layout.pageLayout === 'tile' ? 32 : 1;
  const shardWidth = (layout.shardShape[layout.shardShape.length - 1] ?? 0) * unit;
  const shardHeight = (layout.shardShape[layout.shardShape.length - 2] ?? 0) * unit;
  if (
    given.scheme === 'block_sharded' &&
    p.inChannels !== given.coresC * shardWidth &&
    atOrAfter(ctx, 'conv2d-mm-reshard-block-channels')
  )
    return {
      scheme: 'block_sharded',
      why: `a block-sharded matmul-conv input whose ${given.coresC} channel shards of ${shardWidth} do not hold C_in ${p.inChannels} is resharded block sharded (${changePointText('conv2d-mm-reshard-block-channels')})`,
    };
  if (shardHeight % 32 !== 0 && atOrAfter(ctx, 'conv2d-mm-reshard-shard-height-tile')) {
    const scheme = p.config.shardLayout;
    if (scheme === undefined)
      return {
        scheme: undefined,
        rejected:
          'a sharded matmul-conv input whose shard height is not a tile multiple is resharded to conv2d_config.shard_layout, which is absent: "Conv2d supports Height, Block or Width Sharded Layouts but got TensorMemoryLayout::INTERLEAVED"',
      };
    return {
      scheme,
      why: `a matmul-conv input shard of ${shardHeight} rows (not a tile multiple) is resharded to conv2d_config shard_layout = ${scheme} (${changePointText('conv2d-mm-reshard-shard-height-tile')})`,
    };
  }
  return undefined;
}

/**
 * Before tt-metal PR #32424 the auto-shard path lowered a zero act_block_h_override to one tile row (two when the
 * config asked for the split reader) to keep L1 low; the config it picked ran with that override.
 */
function autoShardProblem(p: ConvProblem, ctx: EstimateContext): ConvProblem {
  if (p.config.actBlockHOverride !== 0 || atOrAfter(ctx, 'conv2d-auto-shard-keeps-act-block-h')) return p;
  const splitReaderAsked = p.config.enableSplitReader && !atOrAfter(ctx, 'conv2d-split-reader-heuristic');
  return { ...p, config: { ...p.config, actBlockHOverride: splitReaderAsked ? 64 : 32 } };
}

function autoShard(
  p: ConvProblem,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): { plan: ConvPlan; why: string } | ConvUnmodeled | string {
  const height = planConv(p, 'height_sharded', grid, l1Align, ctx);
  if (typeof height === 'string') return height;
  if (is1dDepthwise(p, ctx)) return { plan: height, why: 'auto shard: 1-D depthwise convs are height sharded' };
  // Before tt-metal PR #19905 a 1-D conv (is_1d_conv: kernel width 1 over a width-1 image, L on the height) ran height
  // sharded only, so auto-shard returned the height config (PR #18877's "force height sharding ... for all 1d convs") [11].
  if (
    !atOrAfter(ctx, 'conv2d-1d-auto-shard-any-layout') &&
    p.kernel[1] === 1 &&
    p.inputW === 1 &&
    !isMatmulConv(p, undefined, ctx)
  )
    return {
      plan: height,
      why: 'auto shard: 1-D convs (kernel width 1, image width 1) are height sharded (before tt-metal PR #19905)',
    };
  // Before tt-metal PR #17485 auto shard took the scheme with the most cores (select_shard_spec), not the least L1 [14].
  if (!atOrAfter(ctx, 'conv2d-auto-shard-l1-estimate')) {
    // Before change point conv2d-auto-shard-most-cores the rule took earlier forms (October / November 2024), not read.
    if (!atOrAfter(ctx, 'conv2d-auto-shard-most-cores'))
      return {
        unmodeled: `conv2d auto shard (no shard_layout, interleaved input) in a build before ${changePointText('conv2d-auto-shard-most-cores')} (its earlier rules, from October 2024, are not modeled): set conv2d_config shard_layout, or give a later build`,
      };
    return mostCoresAutoShard(p, height, grid, l1Align, ctx);
  }
  // The third term: tt-metal's halo estimate since change point conv2d-auto-shard-halo-estimate; before it PR #17945's
  // proxy (change point conv2d-auto-shard-input-proxy), the input tensor's tiles (C aligned as the scheme aligns it) in
  // output-dtype tiles spread over the input cores; before that none (PR #17485: CBs + output only) [14].
  // Since change point conv2d-auto-shard-halo-exact (PR #30446) the halo term is the halo op's own output shard, the
  // allocation rule of halo.ts (for matmul convs too: @71ff3c1 computes it whatever the conv); before, the estimate.
  const haloTerm = atOrAfter(ctx, 'conv2d-auto-shard-halo-estimate');
  const exactHalo = haloTerm && atOrAfter(ctx, 'conv2d-auto-shard-halo-exact');
  const inputProxyTerm = atOrAfter(ctx, 'conv2d-auto-shard-input-proxy');
  const thirdTermKind = exactHalo
    ? 'exact halo'
    : haloTerm
      ? 'halo estimate'
      : inputProxyTerm
        ? 'input-size proxy'
        : 'none';
  const thirdTerm = (x: ConvPlan): number =>
    thirdTermKind === 'exact halo'
      ? exactHaloBytesPerCore(p, x, ctx)
      : thirdTermKind === 'halo estimate'
        ? x.mmConv
          ? 0
          : estimatedHaloElementsPerCore(p, ...haloEstimateShard(p, x, ctx), ctx) * haloElementBytes(p.inputDtype, ctx)
        : thirdTermKind === 'none'
          ? 0
          : Math.floor(
              (Math.ceil((p.batch * p.inputH * p.inputW) / 32) *
                Math.ceil(alignUp(p.inChannels, x.channelsAlignment) / 32) *
                tileOf(p.outputDtype)) /
                x.input.nCores,
            );
  const total = (x: ConvPlan): number => x.cbBytes + x.outputShardBytes + thirdTerm(x);
  // Block wins only with enough cores to slice the channels too: more than grid.x input cores from PR #17485, the
  // larger of the input and output core counts from PR #27147, at least grid.x from PR #33763 [14]. Each change point
  // is asked only where its two rules disagree.
  const blockSlicesChannels = (block: ConvPlan): boolean => {
    const inputCores = block.input.nCores;
    const inOutCores = Math.max(inputCores, block.output.nCores);
    const cores =
      inOutCores === inputCores || atOrAfter(ctx, 'conv2d-auto-shard-block-cores-in-out') ? inOutCores : inputCores;
    if (cores !== grid.x) return cores > grid.x;
    return atOrAfter(ctx, 'conv2d-auto-shard-block-cores-at-least-grid-x');
  };
  const rank = (
    plan: (scheme: ShardScheme) => ConvPlan | string,
  ): { winner: ShardScheme; sizes: string[] } | string => {
    const heightPlan = plan('height_sharded');
    if (typeof heightPlan === 'string') return heightPlan;
    let best = heightPlan;
    const sizes = [`height ${fmtBytes(total(heightPlan))}`];
    const block = plan('block_sharded');
    if (typeof block !== 'string') {
      sizes.push(`block ${fmtBytes(total(block))}`);
      if (total(block) < total(best) && blockSlicesChannels(block)) best = block;
    }
    if (!isMatmulConv(p, undefined, ctx)) {
      const width = plan('width_sharded');
      if (typeof width !== 'string') {
        sizes.push(`width ${fmtBytes(total(width))}`);
        if (total(width) < total(best)) best = width;
      }
    }
    return { winner: best.input.scheme, sizes };
  };
  const plans = new Map<ShardScheme, ConvPlan | string>([['height_sharded', height]]);
  const tilePlan = (scheme: ShardScheme): ConvPlan | string => {
    if (!plans.has(scheme)) plans.set(scheme, planConv(p, scheme, grid, l1Align, ctx));
    return plans.get(scheme)!;
  };
  // A conv2d DRAM slice is ranked by Conv2dSliceAttr::get_input_memory_config's auto shard, whose
  // calculate_L1_usage_for_conv_op aligns channels as for an unsliced input and always counts the ACT CB, from change
  // point conv2d-dram-slice-fit-by-own-estimate; the winner then runs on the slice's own grid [27].
  const rankedAsSliceEstimate =
    p.path === 'dram' &&
    !p.transposed &&
    !isMatmulConv(p, undefined, ctx) &&
    atOrAfter(ctx, 'conv2d-dram-slice-fit-by-own-estimate');
  const rankingPlans = new Map<ShardScheme, ConvPlan | string>();
  const rankingPlan = !rankedAsSliceEstimate
    ? tilePlan
    : (scheme: ShardScheme): ConvPlan | string => {
        if (!rankingPlans.has(scheme))
          rankingPlans.set(scheme, planConv(p, scheme, grid, l1Align, ctx, undefined, true));
        return rankingPlans.get(scheme)!;
      };
  let ranked = rank(rankingPlan);
  if (typeof ranked === 'string') return ranked;
  let units = '';
  // Before change point conv2d-auto-shard-tile-units (PR #18877) a row-major output was ranked with
  // determine_parallel_config in rows and single channels; the conv then ran the tile-unit config of the scheme picked.
  // The change point is asked only when the two rankings pick different schemes.
  if (p.config.outputLayout === 'row_major') {
    const rowUnits = rank((scheme) => {
      const mm = isMatmulConv(p, scheme, ctx);
      const units = { tileH: 1, tileW: 1, rowsOfNhwTile: true };
      // The window before PR #18877 lies before change point conv2d-block-output-decoupled (block grids coupled).
      const given = determineParallelConfig(orientedProblem(p, scheme, ctx), scheme, 1, grid, mm, units, false);
      return planConv(p, scheme, grid, l1Align, ctx, given);
    });
    if (
      typeof rowUnits !== 'string' &&
      rowUnits.winner !== ranked.winner &&
      !atOrAfter(ctx, 'conv2d-auto-shard-tile-units')
    ) {
      ranked = rowUnits;
      units = ', core counts in rows and channels for a row-major output (before tt-metal PR #18877)';
    }
  }
  const winner = tilePlan(ranked.winner);
  if (typeof winner === 'string') return winner;
  const asSlice = rankedAsSliceEstimate ? ", sized as tt-metal's DRAM slicer sizes a slice" : '';
  return {
    plan: winner,
    why: `auto shard (CBs + output${thirdTermKind === 'none' ? '' : ` + ${thirdTermKind}`} per core${units}${asSlice}: ${ranked.sizes.join(', ')}) → ${winner.input.scheme}`,
  };
}

/**
 * Auto shard before change point conv2d-auto-shard-l1-estimate: select_shard_spec of tt-metal PR #13941 [14]. Each
 * scheme's core count is determine_parallel_config's with its defaults (tiled output, tile-multiple shard width, no
 * act_block_h override; channel padding unless a matmul conv; block before the output grid was decoupled): block
 * unless height has more cores while block has under 3/4 of the grid, or ties with block on at most one grid row;
 * width when it has at least as many (never for a matmul conv); a block pick turns width when width has 40 or more
 * cores and C_in > 1280. A width pick with act_block_w_div 1 gets div_up(C_in, width cores · 32) (PR #15644, the same
 * function). The 1-D rules that precede it in autoShard give the height its 1-D branch gave.
 */
function mostCoresAutoShard(
  p: ConvProblem,
  height: ConvPlan,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): { plan: ConvPlan; why: string } | string {
  const mm = isMatmulConv(p, undefined, ctx);
  const defaults: ConvProblem = { ...p, config: { ...p.config, actBlockHOverride: 0 } };
  const cores = (scheme: ShardScheme): number =>
    determineParallelConfig(defaults, scheme, 32, grid, mm, undefined, false).nCores;
  const heightCores = cores('height_sharded');
  const blockCores = cores('block_sharded');
  const widthCores = mm ? 0 : cores('width_sharded');
  let scheme: ShardScheme = 'block_sharded';
  let most = blockCores;
  const threeQuarterCores = Math.floor(0.75 * grid.x * grid.y);
  if ((heightCores > most && most < threeQuarterCores) || (heightCores === most && heightCores <= grid.x)) {
    scheme = 'height_sharded';
    most = heightCores;
  }
  if (widthCores >= most) scheme = 'width_sharded';
  if (scheme === 'block_sharded' && widthCores >= 40 && p.inChannels > 1280) scheme = 'width_sharded';
  const why = `auto shard by core count (height ${heightCores}, block ${blockCores}, width ${mm ? 'n/a' : widthCores}; before tt-metal PR #17485) → ${scheme}`;
  if (scheme === 'height_sharded') return { plan: height, why };
  const chosen =
    scheme === 'width_sharded' && p.config.actBlockWDiv === 1
      ? { ...p, config: { ...p.config, actBlockWDiv: Math.ceil(p.inChannels / (widthCores * 32)) } }
      : p;
  const plan = planConv(chosen, scheme, grid, l1Align, ctx);
  if (typeof plan === 'string') return plan;
  return { plan, why };
}

/**
 * The halo output shard auto shard ranks with since change point conv2d-auto-shard-halo-exact: the widest padded-input
 * span of one output shard (output shards of per_core_M tiles, the whole output on width sharding's single NHW core) ×
 * the halo input shard width (C padded / channel cores), in the halo's element size (`haloElementBytes`) [14].
 */
function exactHaloBytesPerCore(p: ConvProblem, x: ConvPlan, ctx: EstimateContext): number {
  const outputSticksPerShard =
    x.input.scheme === 'width_sharded' ? p.batch * p.outputH * p.outputW : x.perCoreOutHTiles * 32;
  const sticks = haloSticksPerCore(haloGeometry(p), outputSticksPerShard);
  return sticks * (x.inChannelsPadded / x.input.coresC) * haloElementBytes(p.inputDtype, ctx);
}

/**
 * The output slices of the DRAM path along `kind` that differ in what they run, first to last, each as the conv it runs:
 * the output slice with the input window and padding tt-metal gives it [23]. `groups` is the slice granule along the
 * sliced axis: the first ceil(extent / groups) mod count slices take one group more [17]. An inner slice reads
 * pad_before more input than the first, and the last reads to the image's end (rows a strided conv never uses
 * included), so any of them can need the most L1. A tiled output's slice is computed whole tiles wide: tt-metal pads its
 * output width up to a multiple of 32 with extra right padding (additional_padded_width · stride; conv2d.cpp index ids
 * 3492362923, 8211315178, and Conv2dSliceAttr of the op_slicing builds, index id 54522630930, there unless the slice's
 * input is the whole input: change point conv2d-dram-slice-whole-input-unpadded) [17]. conv_transpose2d: its first slice only [19].
 */
function dramSliceProblems(
  p: ConvProblem,
  kind: 'height' | 'width',
  count: number,
  groups: number,
  ctx: EstimateContext,
): ConvProblem[] {
  if (p.transposed) return [transposedSliceProblem(p, kind, count, groups)];
  if (count <= 1) return [p];
  const extent = kind === 'height' ? p.outputH : p.outputW;
  const units = Math.ceil(extent / groups);
  const [top, bottom, left, right] = p.padding;
  const out: ConvProblem[] = [];
  const seen: SliceAxis[] = [];
  // compute_L1_usage_for_slice_config's loop (op_slicing.cpp@4859af0; conv2d_utils.cpp@5702b2d before it).
  for (let i = 0, start = 0; i < count && start < extent; i++) {
    const end = Math.min(extent, start + groups * (Math.floor(units / count) + (i < units % count ? 1 : 0)));
    const axis =
      kind === 'height'
        ? sliceAxis(p.inputH, p.outputH, p.kernel[0], p.stride[0], p.dilation[0], top, bottom, start, end)
        : sliceAxis(p.inputW, p.outputW, p.kernel[1], p.stride[1], p.dilation[1], left, right, start, end);
    start = end;
    // A slice whose window lies wholly in the padding reads no input: tt-metal skips it.
    if (axis.inExtent <= 0 || seen.some((a) => sameSliceAxis(a, axis))) continue;
    seen.push(axis);
    const sliced: ConvProblem =
      kind === 'height'
        ? {
            ...p,
            outputH: axis.outExtent,
            inputH: axis.inExtent,
            padding: [axis.padBefore, axis.padAfter, left, right],
          }
        : {
            ...p,
            outputW: axis.outExtent,
            inputW: axis.inExtent,
            padding: [top, bottom, axis.padBefore, axis.padAfter],
          };
    const tileWideW = alignUp(sliced.outputW, 32);
    // From change point conv2d-dram-slice-whole-input-unpadded a slice whose input window is the whole image (a dilated
    // kernel spanning it) is not padded to whole tiles (get_input_slice_and_padding's single_slice, conv2d.cpp@af7d566).
    const wholeInput = sliced.inputH === p.inputH && sliced.inputW === p.inputW;
    if (
      p.config.outputLayout !== 'tile' ||
      tileWideW === sliced.outputW ||
      (wholeInput && atOrAfter(ctx, 'conv2d-dram-slice-whole-input-unpadded'))
    )
      out.push(sliced);
    else {
      const [sTop, sBottom, sLeft, sRight] = sliced.padding;
      out.push({
        ...sliced,
        outputW: tileWideW,
        padding: [sTop, sBottom, sLeft, sRight + (tileWideW - sliced.outputW) * p.stride[1]],
        unpaddedSliceOutputW: sliced.outputW,
      });
    }
  }
  return out;
}

/** The first output slice of the DRAM path (one of the largest) [23]. */
function sliceProblem(
  p: ConvProblem,
  kind: 'height' | 'width',
  count: number,
  groups: number,
  ctx: EstimateContext,
): ConvProblem {
  return dramSliceProblems(p, kind, count, groups, ctx)[0] ?? p;
}

/** One axis of a plain conv's DRAM slice: its output extent, the input it reads and that input's padding. */
interface SliceAxis {
  readonly outExtent: number;
  readonly inExtent: number;
  readonly padBefore: number;
  readonly padAfter: number;
}

function sameSliceAxis(a: SliceAxis, b: SliceAxis): boolean {
  return (
    a.outExtent === b.outExtent && a.inExtent === b.inExtent && a.padBefore === b.padBefore && a.padAfter === b.padAfter
  );
}

/**
 * One axis of a plain conv's DRAM slice, outputs [outStart, outEnd) [23] (Conv2dSliceAttr::get_input_slice_and_padding,
 * conv2d.cpp@4859af0; the same window in conv2d_utils.cpp@5702b2d): the input window [outStart·s − pad_before,
 * (outEnd − 1)·s − pad_before + d·(k − 1) + 1) clipped to the image, padded where it leaves the image; a slice at the
 * image's first (last) output starts (ends) at the image's edge with the conv's own padding.
 */
function sliceAxis(
  inputExtent: number,
  outputExtent: number,
  kernel: number,
  stride: number,
  dilation: number,
  padBefore: number,
  padAfter: number,
  outStart: number,
  outEnd: number,
): SliceAxis {
  const windowStart = outStart * stride - padBefore;
  const windowEnd = (outEnd - 1) * stride - padBefore + (kernel - 1) * dilation + 1;
  const first = outStart === 0;
  const last = outEnd >= outputExtent;
  const inStart = first ? 0 : Math.max(0, windowStart);
  const inEnd = last ? inputExtent : Math.min(inputExtent, windowEnd);
  return {
    outExtent: outEnd - outStart,
    inExtent: inEnd - inStart,
    padBefore: first ? padBefore : Math.max(0, -windowStart),
    padAfter: last ? padAfter : Math.max(0, windowEnd - inputExtent),
  };
}

/**
 * One axis of ConvT2DSliceAttr::get_input_slice_and_padding [19]: the input rows (or columns) the transposed conv's output
 * [outStart, outEnd) reads, and the padding and output padding of the conv_transpose2d that makes exactly that output.
 * In the stride-expanded image the output's window starts d·(k−1) − pad before the first input row ("actual" padding);
 * an inner slice starts at the first input row at or after its window's origin and is re-padded up to the stride phase.
 */
function transposedAxisSlice(
  inputExtent: number,
  outputExtent: number,
  kernel: number,
  stride: number,
  dilation: number,
  padBefore: number,
  padAfter: number,
  outStart: number,
  outEnd: number,
): { inStart: number; inEnd: number; padBefore: number; padAfter: number } {
  const base = dilation * (kernel - 1);
  const actualBefore = base - padBefore;
  const actualAfter = base - padAfter;
  const unpaddedStart = Math.max(0, outStart - actualBefore);
  const beforeOffset = unpaddedStart % stride === 0 ? 0 : stride - (unpaddedStart % stride);
  const expandedEnd = outEnd - actualBefore + base;
  const afterOffset = outEnd < outputExtent ? (expandedEnd - 1) % stride : 0;
  let inStart = Math.max(0, Math.ceil((outStart - actualBefore) / stride));
  let inEnd = Math.min(inputExtent, Math.floor((expandedEnd - 1) / stride) + 1);
  let before = Math.max(0, actualBefore - outStart, beforeOffset);
  let after = Math.max(0, expandedEnd - outputExtent, afterOffset);
  if (outStart === 0) {
    before = actualBefore;
    inStart = 0;
  }
  if (outEnd === outputExtent) {
    after = actualAfter;
    inEnd = inputExtent;
  }
  return { inStart, inEnd, padBefore: base - before, padAfter: base - after };
}

/**
 * The first (largest) output slice of conv_transpose2d's DRAM path as the transposed conv each slice runs [19]: its input
 * slice and padding from ConvT2DSliceAttr, a tiled output (run_L1_op forces TILE), the slice's output width padded to
 * whole tiles unless the slice is the whole input (extra output padding on the right), and deallocate_activation /
 * reallocate_halo_output on. One slice is the whole op with those settings.
 */
function transposedSliceProblem(p: ConvProblem, kind: 'height' | 'width', count: number, groups = 1): ConvProblem {
  const extent = kind === 'height' ? p.outputH : p.outputW;
  const size = count <= 1 ? extent : Math.min(extent, groups * Math.ceil(Math.ceil(extent / groups) / count));
  const rows = transposedAxisSlice(
    p.inputH,
    p.outputH,
    p.kernel[0],
    p.stride[0],
    p.dilation[0],
    p.padding[0],
    p.padding[1],
    0,
    kind === 'height' ? size : p.outputH,
  );
  const cols = transposedAxisSlice(
    p.inputW,
    p.outputW,
    p.kernel[1],
    p.stride[1],
    p.dilation[1],
    p.padding[2],
    p.padding[3],
    0,
    kind === 'width' ? size : p.outputW,
  );
  const inputH = rows.inEnd - rows.inStart;
  const inputW = cols.inEnd - cols.inStart;
  const outputW = kind === 'width' ? size : p.outputW;
  const wholeInput = inputH === p.inputH && inputW === p.inputW;
  return {
    ...p,
    inputH,
    inputW,
    outputH: kind === 'height' ? size : p.outputH,
    outputW: wholeInput ? outputW : alignUp(outputW, 32),
    padding: [rows.padBefore, rows.padAfter, cols.padBefore, cols.padAfter],
    config: { ...p.config, outputLayout: 'tile', deallocateActivation: true, reallocateHaloOutput: true },
  };
}

/**
 * tt-metal's own L1 figure for one conv_transpose2d DRAM slice (ConvT2DSliceAttr::get_L1_usage) [19]: the larger of halo
 * + conv output shard + CBs and input shard + halo. The shard layout and cores are the slice's (its output width padded
 * to whole tiles), but the conv's block config and CBs are sized for the unpadded output width (get_conv_configs is given
 * the raw slice width). The halo is the transposed conv's own since change point
 * conv-transpose2d-dram-slice-estimate-fixed; before, a plain stride-s conv's over the un-expanded input slice (its padding
 * the transposed conv's), its output split over as many shards as the input has channel cores, each snapped to whole
 * tiles.
 */
function transposedSliceL1Estimate(
  sliced: ConvProblem,
  rawOutputW: number,
  plan: ConvPlan,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): number {
  const sized = planConv({ ...sliced, outputW: rawOutputW }, plan.input.scheme, grid, l1Align, ctx);
  const conv = typeof sized === 'string' ? plan : sized;
  const shardWidth = plan.inChannelsPadded / plan.input.coresC;
  const elem = haloElementBytes(sliced.inputDtype, ctx);
  const snappedShard = (sticks: number, cores: number): number => alignUp(sticks, cores * 32) / cores;
  let haloSticks: number;
  if (atOrAfter(ctx, 'conv-transpose2d-dram-slice-estimate-fixed'))
    haloSticks = haloSticksPerCore(
      haloGeometry(sliced),
      snappedShard(sliced.batch * sliced.outputH * sliced.outputW, plan.input.coresNhw),
    );
  else {
    const padH = sliced.padding[0] + sliced.padding[1];
    const padW = sliced.padding[2] + sliced.padding[3];
    const effH = sliced.dilation[0] * (sliced.kernel[0] - 1) + 1;
    const effW = sliced.dilation[1] * (sliced.kernel[1] - 1) + 1;
    const outputH = Math.floor((sliced.inputH + padH - effH) / sliced.stride[0]) + 1;
    const outputW = Math.floor((sliced.inputW + padW - effW) / sliced.stride[1]) + 1;
    const outputSticks = sliced.batch * Math.max(0, outputH) * Math.max(0, outputW);
    haloSticks =
      outputSticks === 0
        ? 0
        : haloSticksPerCore(
            { ...haloGeometry({ ...sliced, transposed: false }), outputH, outputW },
            snappedShard(outputSticks, plan.input.coresC),
          );
  }
  const halo = haloSticks * shardWidth * elem;
  const input = haloInputShardRows(sliced, plan.input) * shardWidth * elem;
  return Math.max(halo + conv.outputShardBytes + conv.cbBytes, input + halo);
}

/**
 * tt-metal's own L1 figure for one conv2d DRAM slice, the one op_slicing's count search compares with the allocator's
 * total_free_bytes from change point conv2d-dram-slice-fit-by-own-estimate (Conv2dSliceAttr::get_L1_usage →
 * calculate_L1_usage_for_conv_op) [27]: the larger of
 *   halo input + halo output                     (the slice's input shard beside the halo output), and
 *   CBs + OUT + halo output                      (the conv's CBs beside its output and the halo output),
 * where the shard grid is the slice input's memory config (the run plan's `runPlan.input`, from the same
 * get_input_memory_config); the CBs are get_cb_info's not globally allocated ones (reader indices at their worst case),
 * sized with channels aligned as for an unsliced input (32 for a tiled one: calculate_L1_usage_for_conv_op passes
 * sliced_op false) and the ACT CB always made (skip_act_cb_create false); OUT is the output shard; the halo output is
 * calculate_precise_halo_output_elems over the halo input shard width; the halo input is that shard's rows × width; both
 * in 4 B elements for an f32 input, else 2 B (halved for bfp8). The halo program's own CBs are not counted. The shard
 * width is 8-aligned (determine_input_memory_config with a DRAM buffer: sliced) unless the slice is the whole input
 * (single_slice: an L1 buffer, unsliced alignment).
 */
function convSliceL1EstimateBytes(
  sliced: ConvProblem,
  runPlan: ConvPlan,
  wholeInput: boolean,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): number | undefined {
  const est = planConv(sliced, runPlan.input.scheme, grid, l1Align, ctx, runPlan.input, true);
  if (typeof est === 'string') return undefined;
  const shard = wholeInput ? est : runPlan;
  const shardWidth = shard.inChannelsPadded / shard.input.coresC;
  const datumBytes = sliced.inputDtype === 'f32' ? 4 : 2;
  const haloInputBytes = Math.floor(
    (haloInputShardRows(sliced, runPlan.input) * shardWidth * datumBytes) / (sliced.inputDtype === 'bfp_bf8' ? 2 : 1),
  );
  const outputSticksPerShard =
    est.input.scheme === 'width_sharded' ? sliced.batch * sliced.outputH * sliced.outputW : est.perCoreOutHTiles * 32;
  const haloOutputBytes = haloSticksPerCore(haloGeometry(sliced), outputSticksPerShard) * shardWidth * datumBytes;
  return Math.max(haloInputBytes + haloOutputBytes, est.cbBytes + est.outputShardBytes + haloOutputBytes);
}

/**
 * The largest of tt-metal's own slice L1 figures (`convSliceL1EstimateBytes`) over `slices`, each planned afresh as
 * get_L1_usage plans it; undefined when a slice has no plan (illegal or unmodeled: the caller's choosePlan says why).
 */
function largestSliceL1Estimate(
  p: ConvProblem,
  slices: readonly ConvProblem[],
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): number | undefined {
  let most = 0;
  for (const slice of slices) {
    const c = choosePlan(slice, grid, l1Align, ctx);
    if (typeof c === 'string' || 'unmodeled' in c) return undefined;
    const wholeInput = slice.inputH === p.inputH && slice.inputW === p.inputW;
    const bytes = convSliceL1EstimateBytes(slice, c.plan, wholeInput, grid, l1Align, ctx);
    if (bytes === undefined) return undefined;
    most = Math.max(most, bytes);
  }
  return most;
}

/**
 * tt-metal's auto-slicer axis since change point conv2d-dram-auto-slice-axis (op_slicing.cpp best_guess_slice_type, on the
 * input image): a row-major output slices by width unless the input is more than 3x taller than wide; a tiled one by
 * width only when the input is at least 200 wide and not taller than wide [17].
 */
function bestGuessSliceAxis(p: ConvProblem): 'height' | 'width' {
  if (p.config.outputLayout === 'row_major') return p.inputH > p.inputW * 3 ? 'height' : 'width';
  return p.inputW < 200 || p.inputH > p.inputW ? 'height' : 'width';
}

/**
 * The fewest DRAM-path slices along `kind` whose L1 fits (every count from `minCount` up to 64, then doubling; for tiled
 * width slices only the ceil(OW / 32) counts that give different slices; at most `maxCount`), and whether that count fits
 * at all; with tt-metal's own slice figure the count was decided by, when it was [27].
 */
function fewestFittingSlices(
  p: ConvProblem,
  kind: 'height' | 'width',
  columns: number,
  grid: Grid,
  l1Align: number,
  free: number,
  ctx: EstimateContext,
  minCount = 1,
  maxCount = Infinity,
): { count: number; fits: boolean; ownEstimateBytes?: number } {
  const extent = Math.max(1, Math.min(maxCount, Math.ceil((kind === 'width' ? p.outputW : p.outputH) / columns)));
  let count = Math.min(minCount, extent);
  // From change point conv2d-dram-slice-every-slice a count fits when its largest slice does; before, tt-metal sized a
  // slice of the largest output size (the first) [17][23].
  const everySlice = !p.transposed && atOrAfter(ctx, 'conv2d-dram-slice-every-slice');
  // A 1x1 matmul conv never reaches tt-metal's count search (conv2d_DRAM runs conv2d_L1 on it whole, conv2d.cpp@af7d566,
  // @622c6fb), so its figure is not one tt-metal computes: the model's own fit stays (the search itself is the model's).
  const ownEstimate =
    !p.transposed &&
    !isMatmulConv(p, p.config.shardLayout, ctx) &&
    atOrAfter(ctx, 'conv2d-dram-slice-fit-by-own-estimate');
  for (;;) {
    if (p.transposed) {
      const sliced = sliceProblem(p, kind, count, columns, ctx);
      const c = choosePlan(sliced, grid, l1Align, ctx);
      // No plan (illegal or unmodeled) stops the search: the caller's choosePlan says why.
      if (typeof c === 'string' || 'unmodeled' in c) return { count, fits: true };
      // conv_transpose2d: tt-metal's own per-slice figure against its free L1 [19].
      const rawOutputW =
        kind === 'width' && count > 1
          ? Math.min(p.outputW, columns * Math.ceil(Math.ceil(p.outputW / columns) / count))
          : p.outputW;
      if (transposedSliceL1Estimate(sliced, rawOutputW, c.plan, grid, l1Align, ctx) <= free)
        return { count, fits: true };
    } else if (ownEstimate) {
      // conv2d from change point conv2d-dram-slice-fit-by-own-estimate: tt-metal's own figure of every slice [27].
      const most = largestSliceL1Estimate(p, dramSliceProblems(p, kind, count, columns, ctx), grid, l1Align, ctx);
      if (most === undefined) return { count, fits: true };
      if (most <= free || count >= extent) return { count, fits: most <= free, ownEstimateBytes: most };
    } else {
      // conv2d before it: each slice's L1 as modeled (tt-metal's calculate_conv_dram_slice_L1_usage was not read).
      const slices = dramSliceProblems(p, kind, count, columns, ctx);
      const worst = largestSlice(everySlice ? slices : slices.slice(0, 1), grid, l1Align, ctx);
      if (worst.needBytes === undefined || worst.needBytes <= free) return { count, fits: true };
    }
    if (count >= extent) return { count, fits: false };
    count = count < 64 ? count + 1 : Math.min(extent, count * 2);
  }
}

/**
 * The DRAM-path slice an estimate reports: of the slices that run, the one of most modeled L1 (the first of equals), and
 * a note naming it when it is not the first [23].
 */
function sizedSlice(
  p: ConvProblem,
  kind: 'height' | 'width',
  count: number,
  groups: number,
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): { problem: ConvProblem; note: string } {
  const slices = stickyFirstSliceScheme(dramSliceProblems(p, kind, count, groups, ctx), grid, l1Align, ctx);
  if (slices.length <= 1) return { problem: slices[0] ?? p, note: '' };
  const worst = largestSlice(slices, grid, l1Align, ctx);
  if (worst.index === 0) return { problem: worst.slice, note: '' };
  const extent = kind === 'height' ? worst.slice.outputH : worst.slice.outputW;
  const input = kind === 'height' ? worst.slice.inputH : worst.slice.inputW;
  const unit = kind === 'height' ? 'rows' : 'columns';
  return {
    problem: worst.slice,
    note: `, sized on the slice of most L1 (${extent} output ${unit} from ${input} input ${unit}), not the first`,
  };
}

/**
 * The slices as they run: with no shard_layout given, the first slice's auto-shard config is kept for the later ones.
 * conv2d's DRAM path keeps it in the config it holds across slices: conv2d_DRAM's loop assigned
 * determine_conv_config_for_auto_shard's config to its own conv_config (conv2d.cpp@7796cd1, @cc833cd),
 * Conv2dSliceAttr::get_input_memory_config to the attribute's (@ff74426, @af7d566), and from PR #34731 run_L1_op sets
 * the attribute's shard_layout from the first sharded slice (@48a3a74, @70d2e23, @622c6fb); the count search sizes
 * each slice afresh (get_L1_usage works on a copy, or resets it) [17]. So a later slice whose own ranking would differ
 * runs in the first one's scheme (tt-xla #4202: MapTR's 4-column edge slice height sharded, as its first 32-column one).
 */
function stickyFirstSliceScheme(
  slices: readonly ConvProblem[],
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): readonly ConvProblem[] {
  const first = slices[0];
  if (slices.length <= 1 || first === undefined || first.config.shardLayout !== undefined) return slices;
  const chosen = choosePlan(first, grid, l1Align, ctx);
  if (typeof chosen === 'string' || 'unmodeled' in chosen) return slices;
  const config: Conv2dConfigFields = {
    ...(chosen.runs ?? first).config,
    shardLayout: chosen.plan.input.scheme,
    shardLayoutOfFirstSlice: true,
  };
  // The kept config is auto shard's whole winner: its channel alignment too (before PR #21612 a config field) [1].
  const autoShardDefaultBlockH = first.config.actBlockHOverride === 0;
  return [first, ...slices.slice(1).map((s) => ({ ...s, config, autoShardDefaultBlockH }))];
}

/**
 * The slice of most modeled L1 among `slices` (the first of equals) and that L1 in bytes per core; a slice with no plan
 * (illegal or unmodeled) is returned at once with no figure, for the caller's choosePlan to say why.
 */
function largestSlice(
  slices: readonly ConvProblem[],
  grid: Grid,
  l1Align: number,
  ctx: EstimateContext,
): { slice: ConvProblem; index: number; needBytes: number | undefined } {
  let best: { slice: ConvProblem; index: number; needBytes: number | undefined } | undefined;
  for (let index = 0; index < slices.length; index++) {
    const slice = slices[index];
    const c = choosePlan(slice, grid, l1Align, ctx);
    if (typeof c === 'string' || 'unmodeled' in c) return { slice, index, needBytes: undefined };
    const needBytes = sliceL1NeedBytes(slice, c.plan, ctx);
    if (best?.needBytes === undefined || needBytes > best.needBytes) best = { slice, index, needBytes };
  }
  return best ?? { slice: slices[0], index: 0, needBytes: undefined };
}

/**
 * Why tt-metal rejects a given DRAM slice count, or undefined. Before PR #25907 conv2d's DRAM path required
 * 1 < num_slices < the sliced output dimension (index id 3492362923); from it a count of 0 means "find one" (index id
 * 8211315178), still never 1; from change point conv2d-dram-input-auto-slice (PR #27147's slicer, conv2d_utils.cpp@dbbc742;
 * the same in op_slicing.cpp@d134b03) any count above 0 is taken (a count of 1 runs the L1 op whole; at least the
 * dimension is only a debug TT_ASSERT) [17]; from change point
 * conv2d-dram-slice-count-max (PR #37791) a count above ceil(OW / 32) (a tiled output's width slices) or the sliced
 * output dimension is a TT_FATAL (tt-metal #39328: 8 width slices over 128 tiled output columns).
 */
function rejectedSliceCount(
  p: ConvProblem,
  given: { readonly kind: 'height' | 'width'; readonly count: number },
  ctx: EstimateContext,
): string | undefined {
  const dim = given.kind === 'height' ? p.outputH : p.outputW;
  if (atOrAfter(ctx, 'conv2d-dram-slice-count-max')) {
    // run_sliced_op's count check, no longer bypassed for convs (op_slicing.cpp@5f3b5b8, compute_max_num_slices).
    const most = given.kind === 'width' && p.config.outputLayout === 'tile' ? Math.ceil(dim / 32) : dim;
    return given.count > most
      ? `conv2d_slice_config dram_${given.kind} with ${given.count} slices over an output ${given.kind} of ${dim}: "Number of slices (${given.count}) exceeds the maximum allowed (${most}) for the given output dimension and alignment"`
      : undefined;
  }
  if (atOrAfter(ctx, 'conv2d-dram-input-auto-slice')) return undefined;
  const countZeroAuto = atOrAfter(ctx, 'conv2d-dram-slice-count-auto');
  // conv2d's search (index id 8211315178) tries counts from 2 while below the sliced dimension: over a dimension of 1
  // its TT_FATAL(current_num_slices <= dim) fails, over 2 it sets no count and the count-above-1 check fails.
  if (given.count === 0 && countZeroAuto && dim === 1)
    return `conv2d_slice_config dram_${given.kind} with 0 slices over an output ${given.kind} of 1: "Could not find a suitable number of slices for Conv2D DRAM Slicing"`;
  if (given.count === 0 && countZeroAuto && dim > 2) return undefined;
  if (given.count <= 1)
    return `conv2d_slice_config dram_${given.kind} with ${given.count} slices${given.count === 0 && countZeroAuto ? ` over an output ${given.kind} of ${dim} (no count from 2 below it to try)` : ''}: "Number of slices should be greater than 1 for Conv2D DRAM Slicing"${countZeroAuto ? '' : ' (a count of 0, tt-metal picking one, is accepted from tt-metal PR #25907)'}`;
  if (given.count >= dim)
    return `conv2d_slice_config dram_${given.kind} with ${given.count} slices over an output ${given.kind} of ${dim}: "Number of slices should be less than the dimension being sliced in Conv2D DRAM Slicing"`;
  return undefined;
}

/**
 * conv2d_DRAM of tt-metal PR #19686 took only a row-major bf16 input (TT_FATALs at conv2d.cpp@7796cd1) until change point
 * conv2d-dram-tiled-input (PR #22817: padded_slice reads tiled pages and still writes row-major slices) [17].
 */
function rejectedDramInput(p: ConvProblem, ctx: EstimateContext): string | undefined {
  const tiled = p.inputLayout.pageLayout !== 'row_major';
  // The change point is asked only where it can matter: a row-major bf16 input, or a DRAM path without a slice config
  // (change point conv2d-dram-input-auto-slice, months later), is not split at it.
  if (p.transposed || p.slices === undefined || (!tiled && p.inputDtype === 'bf16')) return undefined;
  if (atOrAfter(ctx, 'conv2d-dram-tiled-input')) return undefined;
  if (tiled)
    return 'a tiled input on the DRAM-sliced conv2d path: "Input Tensor to Conv DRAM should be in Row Major Layout" (tiled inputs taken from tt-metal PR #22817)';
  if (p.inputDtype !== 'bf16')
    return `a ${p.inputDtype} input on the DRAM-sliced conv2d path: "Input Tensor to Conv DRAM should be BFLOAT16" (other dtypes taken from tt-metal PR #22817)`;
  return undefined;
}

/**
 * The plan tt-metal would run for a conv2d / conv_transpose2d op (after DRAM slicing), or why there is none. `read` is
 * the op's `readConvProblem` when the caller has it already (the estimator reads it first for the auto-sharded
 * matmul test: reading it twice was ~30 ms and ~10 MB of garbage at 100k ops).
 */
export function planConv2dOp(
  op: TtnnOp,
  ctx: EstimateContext,
  read: ConvProblem | string = readConvProblem(op, op.name === 'ttnn.conv_transpose2d', ctx),
):
  | {
      plan: ConvPlan;
      why: string;
      problem: ConvProblem;
      /** The problem the plan is for: one DRAM-path slice, or the whole conv. */
      sliced: ConvProblem;
      resharded: boolean;
      sliceNote: string;
    }
  | { unmodeled: string }
  | { illegal: string; cite?: string } {
  const p = read;
  if (typeof p === 'string') return { unmodeled: p };
  // Before change point conv-transpose2d-matmul-by-own-stride a kernel-1 strided transposed conv that was not auto-sharded
  // from an interleaved input (estimateAutoShardedMatmulConv) ran the sharded 1x1 matmul on its un-expanded input with a
  // program config for the expanded output (conv_transpose2d.cpp@7097156) [20]: what tt-metal did with it was not read.
  if (
    p.transposed &&
    p.path === 'l1' &&
    (p.outputH !== p.inputH || p.outputW !== p.inputW) &&
    isMatmulConv(p, p.config.shardLayout ?? inputShardConfig(p.inputLayout, ctx.device.workerGrid[1])?.scheme, ctx)
  )
    return {
      unmodeled:
        'a kernel-1 conv_transpose2d with a stride above 1 ran as the 1x1 matmul on its un-expanded input before tt-metal PR #33763 (2025-12-17), with a sharded program config sized for the expanded output: not modeled (it runs the halo and conv program from that PR)',
    };
  const grid: Grid = { x: ctx.device.workerGrid[1], y: ctx.device.workerGrid[0] };
  const l1Align = ctx.device.l1AlignmentBytes;
  let problem = p;
  let sliceNote = '';
  if (p.path === 'dram') {
    const input = rejectedDramInput(p, ctx);
    if (input !== undefined) return { illegal: input, cite: CITES.dramInput };
    const given = p.slices;
    const rejected = given === undefined ? undefined : rejectedSliceCount(p, given, ctx);
    if (rejected !== undefined) return { illegal: rejected, cite: CITES.slicing };
    if (given !== undefined && given.count > 0) {
      // A tiled output's width slices are whole 32-column groups in every build (slice_write writes whole tiles:
      // conv2d.cpp index ids 3492362923 and 8211315178 round by TILE_HEIGHT, op_slicing.cpp@d134b03 too); its height
      // slices were whole 32-row groups too before PR #25907 (index id 3492362923: slice_rounding_value for either
      // axis; id 8211315178 rounds the width only) [17].
      const groups =
        p.config.outputLayout === 'tile' && (given.kind === 'width' || !atOrAfter(ctx, 'conv2d-dram-slice-count-auto'))
          ? 32
          : 1;
      const sized = sizedSlice(p, given.kind, given.count, groups, grid, l1Align, ctx);
      problem = sized.problem;
      const unit = given.kind === 'width' ? 'column' : 'row';
      sliceNote = `DRAM path, ${given.count} ${given.kind} slices${groups > 1 ? ` of ${groups}-${unit} groups` : ''} (conv2d_slice_config)${sized.note}; `;
    } else {
      // tt-metal picks the slice count from its own L1 estimate; take the fewest slices that fit [17]. Every build
      // with a count search compares it with the L1 allocator's total_free_bytes: conv2d.cpp's own search from PR
      // #25907 (index id 8211315178) and op_slicing.cpp's for conv2d and conv_transpose2d from PR #33763 (id
      // 6757217204); before PR #25907 there was no search (id 3492362923). get_statistics(L1) is the L1 bank
      // manager's (allocator.cpp, id 3674939954), whose bank is l1_size - base - l1_small_size
      // (l1_banking_allocator.cpp, id 3615500374): the L1_SMALL region never counts as free, so no change point.
      const free = ctx.device.l1SizeBytes - ctx.device.l1UnreservedBase - ctx.device.l1SmallSizeBytes - liveL1Of(ctx);
      const axisRead = atOrAfter(ctx, 'conv2d-dram-auto-slice-axis');
      const retryRead = atOrAfter(ctx, 'conv2d-dram-auto-slice-retry');
      // conv2d's own slicer of PR #27147 (change point conv2d-dram-input-auto-slice; conv2d_utils.cpp@dbbc742
      // determine_conv_slice_type, determine_conv2d_slice_config) already had op_slicing's axis guess, its 32-column
      // groups, its tiled-width fallback to the height and its search from 1 slice (a given count above 0 taken) [17].
      const autoSliceRead = atOrAfter(ctx, 'conv2d-dram-input-auto-slice');
      // Between the two change points op_slicing read output_sliced_dim before setting the slice type (Op2DSliceConfig
      // defaults to DRAM_WIDTH): every search, either axis, tried counts up to ⌊(OW + 1) / 2⌋ and, when none fit, kept
      // the last count it tried (num_slices is set before each estimate), which run_sliced_op clamps to the sliced
      // dimension (tiled width: ceil(OW / 32)) (op_slicing.cpp@af7d566 to @70d2e23, unchanged) [17].
      const searchBound = axisRead && !retryRead ? Math.floor((p.outputW + 1) / 2) : Infinity;
      const tiled = p.config.outputLayout === 'tile';
      let kind: 'height' | 'width';
      let how: string;
      let minCount = 1;
      let maxCount = Infinity;
      if (given !== undefined) {
        // `<dram_height|dram_width, 0>`: the count along the given axis, no other axis tried. Before PR #33763 conv2d's
        // own search ran from 2 slices while below the sliced dimension (index id 8211315178); op_slicing from 1.
        kind = given.kind;
        how = 'the axis of conv2d_slice_config, its count 0';
        if (!autoSliceRead) {
          minCount = 2;
          maxCount = (kind === 'width' ? p.outputW : p.outputH) - 1;
        }
      } else if (p.outputH === 1) {
        // A height-1 output (conv1d): op_slicing's best guess for a tiled output under 200 wide is the height, whose one
        // slice is the whole conv; when that does not fit it retries along the width, the guess for the rest [7][17].
        kind = 'width';
        how = 'the width: a height-1 output has one height slice';
      } else {
        // The axis: tt-metal's best guess, the same rule in conv2d's slicer of PR #27147 (the only builds that slice
        // without a config) and op_slicing's of PR #33763 [17].
        kind = bestGuessSliceAxis(p);
        how = "axis by tt-metal's best guess";
      }
      // A tiled output's width slices are whole 32-column groups (slice_write), so only ceil(OW / 32) counts differ:
      // op_slicing.cpp@d134b03 and, for a given axis, conv2d.cpp before it (index id 8211315178: slice_rounding_value).
      let columns = kind === 'width' && tiled ? 32 : 1;
      let found = fewestFittingSlices(
        p,
        kind,
        columns,
        grid,
        l1Align,
        free,
        ctx,
        minCount,
        Math.min(maxCount, searchBound),
      );
      // No count fits the best guess: tt-metal retries once along the other axis (determine_slice_config's fallback;
      // a height-1 output has nothing to gain from its one height slice) [17]. Before change point
      // conv2d-dram-auto-slice-retry only a tiled width guess fell back, to the height (op_slicing.cpp@af7d566).
      if (
        !found.fits &&
        given === undefined &&
        p.outputH !== 1 &&
        (retryRead || (kind === 'width' && columns === 32))
      ) {
        const guess = kind;
        kind = kind === 'width' ? 'height' : 'width';
        columns = kind === 'width' && tiled ? 32 : 1;
        how = `the ${kind}, retried: no ${guess} count (tt-metal's best guess) fits`;
        found = fewestFittingSlices(p, kind, columns, grid, l1Align, free, ctx, 1, searchBound);
      }
      // From change point conv2d-dram-auto-slice-retry a search that runs out of counts is a TT_FATAL before any
      // program: up to ceil(dimension / 32) tiled width slices, the dimension otherwise (compute_max_num_slices);
      // before it op_slicing returned its last count with a warning [17]. conv_transpose2d's DRAM path runs the same
      // determine_slice_config (op_slicing.cpp@3fa4d75; tt-forge-remediation's AudioSeal report prints it for a
      // conv_transpose2d).
      if (!found.fits && retryRead) {
        const dimension = kind === 'width' ? p.outputW : p.outputH;
        const last = choosePlan(sliceProblem(p, kind, found.count, columns, ctx), grid, l1Align, ctx);
        const cbs = typeof last === 'string' || 'unmodeled' in last ? '' : `, their CBs alone ${last.plan.cbBytes} B`;
        const need =
          found.ownEstimateBytes === undefined
            ? cbs
            : `${cbs}; tt-metal's own slice figure ${found.ownEstimateBytes} B`;
        return {
          illegal: `no DRAM slice count fits the ${free} B of free L1 (at ${found.count} ${kind} slice(s)${need}): "DRAM Auto slice could not find valid slice configuration. Tried up to ${found.count} slices for ${kind}-slicing on output dimension ${dimension}. Available L1: ${free} bytes. Operation requires more memory than available even with maximum slicing."`,
          cite: CITES.slicing,
        };
      }
      // A search that runs out keeps min(⌊(OW + 1) / 2⌋, the sliced extent): fewestFittingSlices' last count.
      const count = found.count;
      const sized = sizedSlice(p, kind, count, columns, grid, l1Align, ctx);
      problem = sized.problem;
      sliceNote = `DRAM path (${given !== undefined ? `conv2d_slice_config dram_${kind} with no count` : 'input in DRAM, no l1_full slice config'}): ${count} output-${kind} slice(s)${columns > 1 ? ` of ${columns}-column groups` : ''} assumed (${found.fits ? 'the fewest that fit' : 'none fits: the count op_slicing returns when its search runs out'}${found.ownEstimateBytes === undefined ? '' : `, by tt-metal's own slice figure: ${fmtBytes(found.ownEstimateBytes)} against ${fmtBytes(free)} free`}; ${how})${sized.note}; `;
    }
  }
  const chosen = choosePlan(problem, grid, l1Align, ctx);
  if (typeof chosen === 'string') return { illegal: chosen };
  if ('unmodeled' in chosen) return chosen;
  return { plan: chosen.plan, why: chosen.why, problem: p, sliced: problem, resharded: chosen.resharded, sliceNote };
}

/**
 * The L1 one DRAM-path slice needs per core: the most held while its L1 tensors are allocated in turn (the slice's
 * input shard, then the halo output beside it, with the halo program's CBs), or while the halo output, the slice's conv
 * output and the CBs are held together. It fits when this is at most the free L1.
 */
function sliceL1NeedBytes(sliced: ConvProblem, plan: ConvPlan, ctx: EstimateContext): number {
  const tensors = convIntermediates(sliced, plan, true, false, ctx);
  let held = 0;
  let pendingFree = 0;
  let needBytes = 0;
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!;
    held += t.bytesPerCore;
    needBytes = Math.max(needBytes, held + (t.writerProgram?.cbBytesPerCore ?? 0));
    held -= pendingFree;
    pendingFree = t.liveDuringProgram ? 0 : t.bytesPerCore;
  }
  return Math.max(needBytes, held - pendingFree + plan.cbBytes);
}

/**
 * The L1 tensors conv2d allocates before its program, in order [6]:
 *   1. the input resharded to the conv's parallel config, when it is not already sharded that way (DRAM path: the
 *      slice's input shard): rows round_up(N·H·W, cores_nhw·32) / cores_nhw (width sharding of a row-major input: no
 *      rounding), width C_in padded / cores_c; freed once the next tensor exists (its last reference is dropped), except
 *      conv_transpose2d's, held while its program runs unless deallocate_activation [20];
 *   2. matmul convs (1x1, stride 1): the tilized input when the input is row-major, held while the matmul runs;
 *      other convs: the halo output (row-major, input element size), held while the conv runs, unless the halo is
 *      bypassed (width sharded, row-major, no padding);
 *   3. the conv's sharded L1 output when the op's result is not that tensor (a DRAM or interleaved result is a
 *      `to_memory_config` copy made after the program), held while the program runs.
 */
/** Whether the halo output is moved up over the freed input: the IR's flag, else the build's C++ default. */
function reallocatesHaloOutput(p: ConvProblem, ctx: EstimateContext): boolean {
  return p.config.reallocateHaloOutput ?? atOrAfter(ctx, 'conv2d-reallocate-halo-default-true');
}

function convIntermediates(
  p: ConvProblem,
  plan: ConvPlan,
  resharded: boolean,
  outputIsResult: boolean,
  ctx: EstimateContext,
  reshardStep?: ConvStep,
): L1Intermediate[] {
  const out: L1Intermediate[] = [];
  const input = plan.input;
  const rowMajor = p.inputLayout.pageLayout === 'row_major';
  const nhwIn = p.batch * p.inputH * p.inputW;
  const shardW = plan.inChannelsPadded / input.coresC;
  const rows = haloInputShardRows(p, input);
  const elem = elementBytes(p.inputDtype) ?? 2;
  const noPadding = p.padding.every((x) => x === 0);
  const haloBypassed = input.scheme === 'width_sharded' && rowMajor && noPadding && !p.transposed;
  // conv2d force-deallocates its own L1 input under deallocate_activation, mid-op; the DRAM path (a slice's input shard
  // is not the operand) and conv_transpose2d (not read) are left as they were [6].
  const freesInput = p.config.deallocateActivation && p.inputL1BytesPerCore > 0 && !p.transposed && p.path === 'l1';
  if (resharded) {
    const bytesPerCore = rowMajor ? rows * shardW * elem : ((rows * shardW) / TILE_ELEMENTS) * tileBytes(p.inputDtype);
    // The program's own input when nothing replaces it (a tiled matmul conv, a bypassed halo). Else freed once the
    // halo output or the tilized input replaces it; the halo output is moved up over it only by
    // reallocate_halo_output, a tilized input never (tilize_with_optional_deallocation): else it leaves a hole [6].
    // conv_transpose2d holds its resharded input until it returns [20].
    const heldByTranspose = p.transposed && !plan.mmConv && !p.config.deallocateActivation;
    const replaced = heldByTranspose ? false : plan.mmConv ? rowMajor : !haloBypassed;
    const freedLeavesHole = replaced && (plan.mmConv || !reallocatesHaloOutput(p, ctx));
    out.push({
      role: 'resharded conv input',
      bytesPerCore,
      liveDuringProgram: !replaced,
      ...(freedLeavesHole && { freedLeavesHole }),
      // deallocate_activation: the L1 input is freed right after the reshard and the reshard moved up over it [6].
      ...(freesInput && { freesOperand: { bytesPerCore: p.inputL1BytesPerCore, leavesHole: false } }),
      // The reshard program (to_memory_config into the tensor just created) runs with it and the input allocated.
      ...(reshardStep?.program !== undefined && { writerProgram: reshardStep.program }),
    });
  }
  if (plan.mmConv) {
    if (rowMajor)
      out.push({
        role: 'tilized conv input',
        bytesPerCore: ((alignUp(rows, 32) * alignUp(shardW, 32)) / TILE_ELEMENTS) * tileBytes(p.inputDtype),
        liveDuringProgram: true,
      });
  } else {
    if (!haloBypassed) {
      const sticks = haloSticksPerCore(
        haloGeometry(p),
        input.scheme === 'width_sharded' ? p.batch * p.outputH * p.outputW : plan.perCoreOutHTiles * 32,
      );
      // conv_transpose2d does not pass config_tensors_in_dram to its halo (tt-metal #33284, open 2025-11-26).
      const dramConfigs = p.config.configTensorsInDram && !p.transposed;
      const haloCbBytes = haloProgramCbBytesPerCore(
        {
          tiled: !rowMajor,
          dtype: p.inputDtype,
          shardWidth: shardW,
          inputSticks: nhwIn,
          coresNhw: input.coresNhw,
          dramConfigs: dramConfigs
            ? {
                geometry: withHaloPads(haloGeometry(p), p.padding[0], p.padding[2]),
                outputSticksPerShard:
                  input.scheme === 'width_sharded' ? p.batch * p.outputH * p.outputW : plan.perCoreOutHTiles * 32,
                inputSticksPerShard: rows,
                gridColumns: input.scheme === 'height_sharded' ? input.box[0] : 0,
              }
            : undefined,
        },
        ctx,
      );
      // Stored in key order, not spread in: a property after a spread in a literal is a runtime call.
      const halo = {
        role: 'halo output',
        bytesPerCore: sticks * shardW * haloElementBytes(p.inputDtype, ctx),
        liveDuringProgram: true,
      } as Writable<L1Intermediate>;
      // deallocate_activation on an input the halo read in place: freed after the halo, then moved over only by
      // reallocate_halo_output [6].
      if (freesInput && !resharded)
        halo.freesOperand = { bytesPerCore: p.inputL1BytesPerCore, leavesHole: !reallocatesHaloOutput(p, ctx) };
      halo.writerProgram = {
        name: 'halo (untilize_with_halo)',
        cbBytesPerCore: haloCbBytes,
        printedRange: convHaloPrintedRange(input),
      };
      out.push(halo);
    }
  }
  if (!outputIsResult)
    out.push({ role: 'conv output shard', bytesPerCore: plan.outputShardBytes, liveDuringProgram: true });
  return out;
}

/** The halo's sliding window: the conv's own, or for conv_transpose2d the stride-1 conv over the stride-expanded input. */
/** `g` (a fresh object) with the top and left padding stored in it: a spread copy with two more keys made each key
 *  after the spread a runtime call. */
function withHaloPads(g: HaloGeometry, padTop: number, padLeft: number): InPlaceHaloGeometry {
  const padded = g as Writable<InPlaceHaloGeometry>;
  padded.padTop = padTop;
  padded.padLeft = padLeft;
  return padded;
}

function haloGeometry(p: ConvProblem): HaloGeometry {
  const effH = (p.kernel[0] - 1) * p.dilation[0] + 1;
  const effW = (p.kernel[1] - 1) * p.dilation[1] + 1;
  if (!p.transposed)
    return {
      batch: p.batch,
      inputH: p.inputH,
      inputW: p.inputW,
      padH: p.padding[0] + p.padding[1],
      padW: p.padding[2] + p.padding[3],
      kernel: p.kernel,
      stride: p.stride,
      dilation: p.dilation,
      outputH: p.outputH,
      outputW: p.outputW,
    };
  const inputH = (p.inputH - 1) * p.stride[0] + 1;
  const inputW = (p.inputW - 1) * p.stride[1] + 1;
  return {
    batch: p.batch,
    inputH,
    inputW,
    padH: Math.max(0, p.outputH + effH - 1 - inputH),
    padW: Math.max(0, p.outputW + effW - 1 - inputW),
    kernel: p.kernel,
    stride: [1, 1],
    dilation: p.dilation,
    outputH: p.outputH,
    outputW: p.outputW,
  };
}

/**
 * Words (uint16) of the longest core's reader-index list, the page of a conv's DRAM config tensor
 * (sliding_window.cpp@984f529e2f generate_sliding_window_op_config with is_conv, pad_cores; construct_on_host_config_tensor
 * pads the row to an even length). Each core's outputs [core·shard, min((core + 1)·shard, N·OH·OW)) are cut into act
 * blocks of `blockSticks[0]` outputs, alternating with `blockSticks[1]` under the split reader; a block is its segment
 * count, a pad word, and the first and last top-left index of each run whose indices step by the stride width, so
 * 2 + 2·runs words. Runs break where the next output starts a row (the index jumps by sh·Wp − (OW − 1)·sw) or an image,
 * unless that jump happens to equal sw. A transposed conv's geometry is its stride-1 expanded input (haloGeometry).
 * `readerStrideW`: the stride the program compares successive indices against when it is not the geometry's (a
 * transposed conv before change point conv-transpose2d-reader-stride-1 compared against its own stride while its
 * indices step by 1): then every step inside a row breaks the run too.
 */
export function readerIndicesWordsPerCore(
  g: HaloGeometry,
  sticksPerShard: number,
  coresNhw: number,
  blockSticks: readonly [number, number],
  readerStrideW: number = g.stride[1],
): number {
  const hp = g.inputH + g.padH;
  const wp = g.inputW + g.padW;
  const sw = g.stride[1];
  const perImage = g.outputH * g.outputW;
  const total = g.batch * perImage;
  const inRowBreaks = sw !== readerStrideW;
  const rowBreaks = g.stride[0] * wp - (g.outputW - 1) * sw !== readerStrideW;
  const imageBreaks = hp * wp - (g.outputH - 1) * g.stride[0] * wp - (g.outputW - 1) * sw !== readerStrideW;
  const split = blockSticks[1] > 0;
  let longest = 0;
  for (let core = 0; core < coresNhw; core++) {
    const first = core * sticksPerShard;
    if (first >= total) break;
    const last = Math.min(first + sticksPerShard, total) - 1;
    let words = 0;
    let firstReader = true;
    for (let a = first; a <= last; firstReader = !firstReader) {
      const b = Math.min(a + (split && !firstReader ? blockSticks[1] : blockSticks[0]) - 1, last);
      const rows = Math.floor(b / g.outputW) - Math.floor(a / g.outputW);
      const images = Math.floor(b / perImage) - Math.floor(a / perImage);
      const runs = 1 + (inRowBreaks ? b - a - rows : 0) + (rowBreaks ? rows - images : 0) + (imageBreaks ? images : 0);
      words += 2 + 2 * runs;
      a = b + 1;
    }
    longest = Math.max(longest, words);
  }
  return longest + (longest % 2);
}

const f32 = Math.fround;

/** A clamped linear NoC rate (GB/s) of conv2d_op_program_factory_common.cpp@984f529e2f, in C++ float arithmetic. */
function nocRateGbps(bytes: number, minBytes: number, linearUpTo: number, minRate: number, peakRate: number): number {
  const effective = Math.min(Math.max(bytes, minBytes), linearUpTo);
  const perByte = f32(f32(f32(peakRate) - f32(minRate)) / (linearUpTo - minBytes));
  return f32(f32(minRate) + f32(perByte * (effective - minBytes)));
}

/** get_tilize_cycles_per_tile@984f529e2f: [halo f32 | bf16][output f32, bf16, bfloat8_b][fp32 dest acc off, on]. */
const TILIZE_CYCLES: Record<'blackhole' | 'wormhole_b0', Record<'f32' | 'bf16', Record<string, [number, number]>>> = {
  blackhole: {
    f32: { f32: [132, 132], bf16: [132, 80], bfp_bf8: [132, 77] },
    bf16: { f32: [105, 128], bf16: [72, 72], bfp_bf8: [60, 60] },
  },
  wormhole_b0: {
    f32: { f32: [107, 128], bf16: [74, 74], bfp_bf8: [74, 70] },
    bf16: { f32: [92, 117], bf16: [61, 68], bfp_bf8: [40, 43] },
  },
};

/**
 * `is_split_reader_viable` for a height-sharded conv (conv2d_op_program_factory_common.cpp@18bbf94b84, PR #27731, the
 * same at @984f529e2f), in C++ float arithmetic: split when act_cycles / 2 + max(weight_cycles, tilize_cycles) <
 * max(act_cycles + tilize_cycles, weight_cycles). act_cycles: the act block (act_block_h·32 rows of C_pad·kW halo
 * elements) over the local L1 NoC rate of one C_pad·kW read (C_pad when dilated); weight_cycles: the weight block
 * (per_core_N·act_block_w tiles) over the DRAM rate of one tile plus the multicast rate of the block; tilize_cycles:
 * per-tile cycles of the arch, halo and output dtypes and fp32 accumulation × act_block_h·act_block_w. Cycles at 1 GHz
 * (Wormhole) or 1.35 GHz (Blackhole). An output dtype outside tt-metal's tilize table (it throws there) is taken as no
 * split. The split moves act tiles between ACT and ACT_SECOND_READER, never the CB total [2].
 */
function splitReaderViable(
  p: ConvProblem,
  actBlockHTiles: number,
  actBlockWTiles: number,
  perCoreOutWTiles: number,
  inChannelsPadded: number,
  ctx: EstimateContext,
): boolean {
  const arch = ctx.device.arch === 'blackhole' ? 'blackhole' : 'wormhole_b0';
  const haloDtype = haloStickDtype(p.inputDtype, ctx) === 'f32' ? 'f32' : 'bf16';
  const cycles = TILIZE_CYCLES[arch][haloDtype][p.outputDtype];
  if (cycles === undefined) return false;
  const clockGhz = f32(arch === 'blackhole' ? 1.35 : 1.0);
  const minBytes = ctx.device.l1AlignmentBytes;
  const inputBytes = haloDtype === 'f32' ? 4 : 2;
  const unitBytes = inputBytes * inChannelsPadded * (p.dilation[1] === 1 ? p.kernel[1] : 1);
  const localRate =
    arch === 'blackhole'
      ? nocRateGbps(unitBytes, minBytes, 4096, 1.124, 80.48)
      : nocRateGbps(unitBytes, minBytes, 1024, 0.868, 27.84);
  const actBytes = inputBytes * actBlockHTiles * 32 * inChannelsPadded * p.kernel[1];
  const actCycles = f32(f32(clockGhz * f32(actBytes)) / localRate);
  const weightsTile = tileOf(p.weightsDtype);
  const weightBytes = weightsTile * perCoreOutWTiles * actBlockWTiles;
  const mcastRate =
    arch === 'blackhole'
      ? nocRateGbps(weightBytes, minBytes, 65536, 0.182, 57.677)
      : nocRateGbps(weightBytes, minBytes, 65536, 0.318, 25.345);
  const dramRate =
    arch === 'blackhole'
      ? nocRateGbps(weightsTile, minBytes, 2048, 0.671, 80.885)
      : nocRateGbps(weightsTile, minBytes, 2048, 0.436, 28.411);
  const weightCycles = f32(f32(clockGhz * f32(weightBytes)) * f32(f32(1 / dramRate) + f32(1 / mcastRate)));
  const tilizeCycles = f32(cycles[p.fp32DestAcc ? 1 : 0] * actBlockWTiles * actBlockHTiles);
  return (
    f32(f32(actCycles / 2) + Math.max(weightCycles, tilizeCycles)) <
    Math.max(f32(actCycles + tilizeCycles), weightCycles)
  );
}

/**
 * Whether the sharded factory reads an act block with two readers (is_split_reader_supported and viable,
 * conv2d_op_program_factory_common.cpp@984f529e2f): height or block sharded, not 1-D depthwise, more than one tile row;
 * block sharding always (since PR #30654, 2025-10-27; PR #29415 of 10-01 only when forced; the CB list keeps its
 * unsplit form, the same total), height by
 * `splitReaderViable`. Asked here for the reader-index blocks [2].
 */
function splitsActBlock(p: ConvProblem, plan: ConvPlan, ctx: EstimateContext): boolean {
  const scheme = plan.input.scheme;
  if (scheme === 'width_sharded' || plan.actBlockHTiles <= 1 || is1dDepthwise(p, ctx)) return false;
  if (scheme === 'block_sharded') return true;
  return splitReaderViable(
    p,
    plan.actBlockHTiles,
    plan.actBlockWTiles,
    plan.perCoreOutWTiles,
    plan.inChannelsPadded,
    ctx,
  );
}

/**
 * The conv program's CBs with READER_INDICES at the factory's own page: since change point
 * conv2d-reader-indices-actual-page a DRAM config tensor's page (`readerIndicesWordsPerCore` · 2 B, TT_FATAL above the
 * worst case), before it the worst case `planConv` sized (which auto shard and the DRAM slicer rank with in every build)
 * [2]. A string is tt-metal's error.
 */
function withActualReaderIndices(p: ConvProblem, plan: ConvPlan, ctx: EstimateContext): readonly CbSpec[] | string {
  if (plan.mmConv || !p.config.configTensorsInDram || !atOrAfter(ctx, 'conv2d-reader-indices-actual-page'))
    return plan.cbs;
  const split = splitsActBlock(p, plan, ctx);
  const h = plan.actBlockHTiles;
  const blockSticks: [number, number] = split ? [(h - Math.floor(h / 2)) * 32, Math.floor(h / 2) * 32] : [h * 32, 0];
  const pageBytes =
    2 * readerIndicesWordsPerCore(haloGeometry(p), plan.perCoreOutHTiles * 32, plan.input.coresNhw, blockSticks);
  const worstBytes = plan.perCoreOutHTiles * 32 * 2;
  if (pageBytes > worstBytes)
    return `Reader indices buffer page size ${pageBytes} exceeds worst-case CB size ${worstBytes} (config tensor layout changed?)`;
  return plan.cbs.map((cb) => (cb.role === 'reader indices' ? { ...cb, pageBytes } : cb));
}

/**
 * The op's result is the conv's own sharded L1 output (its memory config: the shard scheme, core count and shard
 * shape), not a copy made after it: tt-mlir's runtime passes the result's memory config, and conv2d_L1 runs
 * `to_memory_config` when it differs from the conv output's (conv2d.cpp@de47eb4) [22].
 */
function resultIsConvOutput(op: TtnnOp, plan: ConvPlan, path: 'l1' | 'dram'): boolean {
  const r = resolveTensor(op.results[0], 'result');
  if (path !== 'l1' || typeof r === 'string') return false;
  const layout = r.layout;
  if (layout.bufferType !== 'l1' || layout.memoryLayout !== plan.output.scheme) return false;
  const [rows, cols] = layout.gridShape;
  if (rows * cols !== plan.output.nCores) return false;
  const [shardH, shardW] = layout.shardShape;
  const unit = layout.pageLayout === 'tile' ? 1 : 32;
  return shardH === plan.perCoreOutHTiles * unit && shardW === plan.perCoreOutWTiles * unit;
}

/**
 * conv2d_L1's auto-sharded matmul conv [6] [8]: an unsharded input with no `shard_layout` in the config is auto-sharded
 * (`auto_shard`), and for a 1x1 matmul conv shard_or_reshard_tensor_if_required then skips the reshard
 * (`auto_shard_mm`: "run the matmul out of interleaved tensor"); the input stays interleaved, so conv2d passes
 * ttnn::linear no program config and no output memory config: the matmul picks its own config for interleaved
 * operands and writes DRAM interleaved (matmul.cpp's default), and `to_memory_config` copies the result afterwards.
 * Not gated on change point conv2d-auto-shard-l1-estimate: before it the most-cores rule picked a scheme, but this
 * path ignores it (no reshard, no program config; the weights' padding is tile rounding whatever it picked) [8].
 * Until tt-metal PR #28619 (8538102, 2025-09-17) the weights were padded for the pick's channel cores (C_out to a
 * multiple of cores_c · 32, which the linear reads as N), but a matmul conv's cores_c divides C_out's tile count
 * (determine_parallel_config without channel padding, find_closest_largest_divisor of the output channel tiles, at
 * every first-parent commit of conv2d_utils.cpp from 36e2494 to f0b9698; its output parallel config is the input's),
 * so that padding is tile rounding too; from the PR the [KhKwCi, Co] matrix is tilized as it is.
 * From change point conv2d-auto-shard-most-cores (PR #15861, restored by PR #16045); before it auto shard resharded.
 */
export function isAutoShardedMatmulConv(p: ConvProblem, ctx: EstimateContext): boolean {
  return (
    p.path === 'l1' &&
    p.inputLayout.memoryLayout === 'interleaved' &&
    p.config.shardLayout === undefined &&
    isMatmulConv(p, undefined, ctx) &&
    atOrAfter(ctx, 'conv2d-auto-shard-most-cores')
  );
}

function dramTileSpec(dims: readonly number[], dtype: DataType): TensorSpec {
  const rank = dims.length;
  return {
    kind: 'tensor',
    shape: { kind: 'known', dims },
    elementDtype: dtype,
    layout: {
      kind: 'layout',
      pageLayout: 'tile',
      dtype,
      bufferType: 'dram',
      memoryLayout: 'interleaved',
      gridShape: [1, 1],
      coreRanges: undefined,
      shardShape: [Math.ceil(dims[rank - 2] / 32), Math.ceil(dims[rank - 1] / 32)],
      syntax: 'ttnn_layout',
    },
    layoutAlias: '',
  };
}

/**
 * conv2d_config's activation as written (`<op_type = relu>`; `"relu"` in older dumps), undefined when absent or empty
 * (`""`: none).
 */
function convActivationText(op: TtnnOp): string | undefined {
  const config = op.properties['conv2d_config'];
  if (config?.kind !== 'dialect') return undefined;
  const text = config.fields['activation'];
  return text === undefined || text === '' || text === '""' ? undefined : text;
}

/**
 * The ttnn.linear an auto-sharded 1x1 conv runs [8]: a = the flattened [1, 1, N·H·W, C_in] input, tiled in its own
 * buffer (tilize_with_optional_deallocation keeps the memory config); b = the prepared [C_in, C_out] weights and the
 * [1, C_out] bias, in DRAM (prepare_conv_weights_biases_and_move_to_device); the result DRAM interleaved. A conv2d's
 * activation goes to the linear (run after the matmul as a unary program) from change point
 * conv2d-auto-shard-mm-linear-activation; dropped before [25].
 */
function autoShardedMatmulConvAsLinear(op: TtnnOp, p: ConvProblem, activation: string | undefined): TtnnOp {
  const nhw = p.batch * p.inputH * p.inputW;
  const a = dramTileSpec([1, 1, nhw, p.inChannels], p.inputDtype);
  const aOwn: TensorSpec = {
    ...a,
    layout: {
      ...(a.layout as TensorLayout),
      bufferType: p.inputLayout.bufferType,
      gridShape: p.inputLayout.gridShape,
    },
  };
  const operands: TensorSpec[] = [
    aOwn,
    dramTileSpec([1, 1, p.inChannels, p.outChannels], p.weightsDtype),
    ...(p.hasBias ? [dramTileSpec([1, 1, 1, p.outChannels], p.weightsDtype)] : []),
  ];
  return {
    ...op,
    name: 'ttnn.linear',
    operands,
    results: [dramTileSpec([1, 1, nhw, p.outChannels], p.outputDtype)],
    properties: activation === undefined ? {} : { activation: { kind: 'string', value: activation } },
  };
}

/** Whether `spec` is a DRAM interleaved TILE tensor of exactly `dims` and `dtype`. */
function isDramTileTensor(spec: ValueSpec | undefined, dims: readonly number[], dtype: DataType): boolean {
  if (spec?.kind !== 'tensor' || spec.layout.kind !== 'layout' || spec.shape.kind !== 'known') return false;
  const l = spec.layout;
  return (
    l.pageLayout === 'tile' &&
    l.bufferType === 'dram' &&
    l.memoryLayout === 'interleaved' &&
    l.dtype === dtype &&
    spec.shape.dims.length === dims.length &&
    spec.shape.dims.every((d, i) => d === dims[i])
  );
}

/**
 * Why an auto-sharded matmul conv's own steps are not read over the build window, else undefined: read span
 * conv2d-auto-shard-mm-linear-2026-spring covers a conv2d given a conv2d_config, on an interleaved DRAM input, whose
 * weights and bias are DRAM interleaved TILE device tensors conv2d takes as they are (is_valid_device_conv_weights /
 * is_valid_device_conv_bias: [1, 1, C_in, C_out] and [1, 1, 1, C_out] in the weights dtype, so the linear's b and bias
 * are the IR's own), and whose result is DRAM interleaved (the linear's own memory config: no copy after) [25].
 */
function autoShardedMmNotRead(op: TtnnOp, p: ConvProblem, ctx: EstimateContext): string | undefined {
  if (p.transposed || !p.config.present || !windowWithinReadSpan(ctx, 'conv2d-auto-shard-mm-linear-2026-spring'))
    return "the linear's operands as conv2d prepares them (weights [C_in, C_out] and bias tiled in DRAM)";
  if (p.inputLayout.bufferType !== 'dram')
    return 'an L1 input tilized into L1 before the linear (not read over the window)';
  if (!isDramTileTensor(op.operands[1], [1, 1, p.inChannels, p.outChannels], p.weightsDtype))
    return 'weights not already prepared on the device as [1, 1, C_in, C_out] DRAM tiles: conv2d prepares them (not read over the window)';
  if (p.hasBias && !isDramTileTensor(op.operands[2], [1, 1, 1, p.outChannels], p.weightsDtype))
    return 'a bias not already prepared on the device as [1, 1, 1, C_out] DRAM tiles: conv2d prepares it (not read over the window)';
  const result = op.results[0];
  const nhw = p.batch * p.inputH * p.inputW;
  if (
    result?.kind !== 'tensor' ||
    result.layout.kind !== 'layout' ||
    result.layout.pageLayout !== 'tile' ||
    result.layout.dtype !== p.outputDtype ||
    result.shape.kind !== 'known' ||
    result.shape.dims.join('x') !== `1x1x${nhw}x${p.outChannels}`
  )
    return "a result whose shape, dtype or layout is not the linear's [1, 1, N·H·W, C_out] tiles (not read)";
  return undefined;
}

/**
 * The compute flags of the ttnn::linear a 1x1 conv runs, sharded (a program config from the conv's blocks) or not:
 * conv2d resolves its compute config (the IR's, else the conv default) and hands it on (conv2d.cpp@622c6fb conv2d_L1)
 * from change point conv2d-mm-linear-compute-config; before it the one linear call of both paths got none
 * (conv2d.cpp@7ec6d04~1), so create_matmul_struct's default for an unset config, by the linear's output dtype.
 */
function convLinearComputeFlags(p: ConvProblem, ctx: EstimateContext): MatmulComputeFlags {
  return atOrAfter(ctx, 'conv2d-mm-linear-compute-config')
    ? { fp32: p.fp32DestAcc, packerL1Acc: p.packerL1Acc }
    : matmulUnsetComputeFlags(p.outputDtype, ctx);
}

/**
 * Builds with tt-metal PR #16750 (merged 2025-02-22, reverted by PR #18203 on 2025-02-24): Conv2dConfig's
 * preprocess_weights_on_device defaulted to true, so conv2d (not conv_transpose2d) moved host weights to the device and
 * prepared them there with device programs (prepare_conv_weights_biases_on_device: to_device, then ttnn::pad, reshape,
 * permute, tilize; conv2d.cpp / prepare_conv2d_weights.cpp@5a2c003f1f), which the model does not size. tt-mlir's runtime
 * of those days default-constructed the config (runtime/lib/ttnn/operations/conv/conv2d.cpp@13cf48f44d). Undefined
 * unless the weights are on the host in such a build; else why the figure is approx.
 */
function weightsPreparedOnDevice(op: TtnnOp, p: ConvProblem, ctx: EstimateContext): string | undefined {
  const weights = op.operands[CONV_WEIGHTS_OPERAND];
  if (p.transposed || weights?.kind !== 'tensor' || weights.layout.kind !== 'layout') return undefined;
  if (weights.layout.bufferType !== 'system_memory') return undefined;
  if (
    !atOrAfter(ctx, 'conv2d-weights-prepared-on-device') ||
    atOrAfter(ctx, 'conv2d-weights-prepared-on-device-reverted')
  )
    return undefined;
  return `host weights are prepared on the device in these builds (${changePointText('conv2d-weights-prepared-on-device')}, reverted by ${changePointText('conv2d-weights-prepared-on-device-reverted')}): its to_device, pad, permute and tilize programs inside the conv are not modeled`;
}

function estimateAutoShardedMatmulConv(op: TtnnOp, p: ConvProblem, ctx: EstimateContext): OpEstimateResult {
  const activationText = p.transposed ? undefined : convActivationText(op);
  const activation =
    activationText !== undefined && atOrAfter(ctx, 'conv2d-auto-shard-mm-linear-activation')
      ? activationText
      : undefined;
  const linearOp = autoShardedMatmulConvAsLinear(op, p, activation);
  const est = estimateMatmul(linearOp, ctx, convLinearComputeFlags(p, ctx));
  if (est.kind !== 'estimate')
    return est.kind === 'unmodeled' || est.kind === 'illegal' ? { ...est, opName: op.name } : est;
  const onDevicePrep = weightsPreparedOnDevice(op, p, ctx);
  const notRead = autoShardedMmNotRead(op, p, ctx);
  const linear: OpEstimate = {
    ...est,
    confidence: notRead === undefined ? est.confidence : 'approx',
    approxReason:
      notRead === undefined
        ? est.approxReason
        : notRead +
          (onDevicePrep === undefined ? '' : `; ${onDevicePrep}`) +
          (est.approxReason === '' ? '' : `; ${est.approxReason}`),
    opName: op.name,
    factory: `${p.transposed ? 'conv_transpose2d' : 'conv2d'} → ttnn.linear (auto-sharded 1x1 conv, interleaved input): ${est.factory}`,
    programFactory: est.programFactory ?? est.factory,
    factoryReason:
      `conv2d_config has no shard_layout and the input is interleaved, so ${p.transposed ? 'conv_transpose2d' : 'conv2d'} auto-shards; ` +
      (p.stride[0] === 1 && p.stride[1] === 1
        ? 'a 1x1 stride-1 conv then '
        : 'a kernel-1 unpadded transposed conv (its 1x1 check saw stride 1 before tt-metal PR #33763: no halo, no zero insertion, the output rows those of the input) then ') +
      'skips the reshard (auto_shard_mm) and runs ttnn.linear on the interleaved input with no program config; ' +
      est.factoryReason,
    citations: [
      CITES.autoShardMm,
      ...(notRead === undefined ? [readSpanCite('conv2d-auto-shard-mm-linear-2026-spring')] : []),
      ...est.citations,
    ],
  };
  // The linear writes DRAM interleaved (its default); a result in another memory config is a to_memory_config copy of
  // it made after the matmul (`memory_config != matmul_output.memory_config()` once in conv2d.cpp at each of its 123
  // first-parent commits from 2024-12-10 to 622c6fb) [22].
  const result = op.results[0];
  const copy =
    result?.kind === 'tensor' &&
    result.layout.kind === 'layout' &&
    !(result.layout.bufferType === 'dram' && result.layout.memoryLayout === 'interleaved')
      ? estimateToMemoryConfig(stepOp(op, 'ttnn.to_memory_config', [linearOp.results[0]!], [result]), ctx)
      : undefined;
  const copyStep =
    copy === undefined ? [] : [{ label: 'to_memory_config of the linear output to the result', result: copy }];
  const rowMajor = p.inputLayout.pageLayout === 'row_major';
  if (!rowMajor && copy === undefined) return linear;
  if (!rowMajor) return largestStep(op, ctx, [{ label: 'ttnn.linear', result: linear }, ...copyStep]);
  // A row-major input is first tilized into its own memory config by ttnn::to_layout(TILE), a program of its own, on
  // the input flattened to [1, 1, N·H·W, C_in] (a view): in shard_or_reshard_tensor_if_required for a non-height pick,
  // else in the matmul branch (conv2d.cpp@b4a702b ttnn::to_layout; @f547498 (PR #21285) keeps the input's dtype,
  // which tt-mlir's runtime also set as conv_config.dtype before; @de47eb4 tilize_with_optional_deallocation). Its
  // result, in L1 for an L1 input, is the linear's a, held while the matmul runs [8].
  const flat = specWith(op.operands[0] as TensorSpec, { dims: [1, 1, p.batch * p.inputH * p.inputW, p.inChannels] });
  const tilize = estimateToLayout(stepOp(op, 'ttnn.to_layout', [flat], [specWith(flat, { pageLayout: 'tile' })]), ctx);
  // Without deallocate_activation the tilized input is conv2d_L1's local until it returns, so an L1 one is still
  // allocated while the copy runs; with it, it is freed right after the linear (conv2d.cpp@de47eb4) [22].
  return largestStep(op, ctx, [
    {
      label: 'tilize the row-major conv input (to_layout)',
      result: tilize,
      resultHeldToLast: copy !== undefined && !p.config.deallocateActivation,
    },
    { label: 'ttnn.linear', result: linear },
    ...copyStep,
  ]);
}

/**
 * The CoreRange tt-metal's CB overflow message names for a conv's program [18]: a sharded conv's CBs sit on its grid's
 * bounding box (block sharded: the larger of the input and output grids, which contains the other); a 1x1 height conv's matmul on full rows + a remainder, the full rows first; a width-sharded
 * conv on its input's row-wise shard grid, the full rows first. The block (2D) matmul was not read: no range (the
 * message names the first core alone).
 */
function convPrintedRange(plan: ConvPlan): CoreRangeXY | undefined {
  const grid = plan.input.nCores >= plan.output.nCores ? plan.input : plan.output;
  const [boxCols, boxRows] = grid.box;
  if (plan.mmConv) {
    if (plan.input.scheme !== 'height_sharded') return undefined;
    return firstRowWiseRange(grid.nCores, boxCols);
  }
  if (plan.input.scheme === 'width_sharded') return firstRowWiseRange(plan.input.nCores, plan.input.box[0]);
  return gridRectangle([boxRows, boxCols]);
}

/** The first CoreRange of the halo program's CBs [18]: the conv's input grid, full rows first (block: its rectangle). */
function convHaloPrintedRange(input: ParallelConfig): CoreRangeXY {
  const [boxCols, boxRows] = input.box;
  if (input.scheme === 'block_sharded') return gridRectangle([boxRows, boxCols]);
  return firstRowWiseRange(input.nCores, boxCols);
}

export function estimateConv2dFamily(op: TtnnOp, ctx: EstimateContext, transposed: boolean): OpEstimateResult {
  const read = readConvProblem(op, transposed, ctx);
  if (typeof read !== 'string' && isAutoShardedMatmulConv(read, ctx))
    return estimateAutoShardedMatmulConv(op, read, ctx);
  // The plan reads the op as a transposed conv when its name says so, as `read` did when `transposed` is that.
  const planned = planConv2dOp(op, ctx, transposed === (op.name === 'ttnn.conv_transpose2d') ? read : undefined);
  if ('unmodeled' in planned) return unmodeled(op.name, planned.unmodeled);
  if ('illegal' in planned) return illegal(op.name, planned.illegal, planned.cite ?? CITES.utils);
  const { plan, why, problem: p, sliced, resharded, sliceNote } = planned;
  const cbs = withActualReaderIndices(sliced, plan, ctx);
  if (typeof cbs === 'string') return illegal(op.name, cbs, CITES.readerIndices);
  const outputIsResult = resultIsConvOutput(op, plan, p.path);
  const steps = convCopySteps(op, p, plan, resharded, outputIsResult, ctx);
  const intermediates = convIntermediates(sliced, plan, resharded, outputIsResult, ctx, steps.reshard);
  const onDevicePrep = weightsPreparedOnDevice(op, p, ctx);
  const programExactness = convExactness(p, plan, resharded, outputIsResult, ctx, steps);
  const exactness =
    onDevicePrep === undefined
      ? programExactness
      : {
          approxReason: 'span' in programExactness ? onDevicePrep : `${programExactness.approxReason}; ${onDevicePrep}`,
        };
  const cores = Math.max(plan.input.nCores, plan.output.nCores);
  const family = transposed ? 'conv_transpose2d' : op.name === 'ttnn.conv1d' ? 'conv1d (a height-1 conv2d)' : 'conv2d';
  const matmulKind = plan.input.scheme === 'height_sharded' ? '1D' : '';
  const factory = plan.mmConv
    ? `${family} → matmul (MatmulMultiCoreReuseMultiCast${matmulKind})`
    : `${family} sharded program (${plan.input.scheme})`;
  // The intermediates' texts by index loops, not `map` results joined and spread: those result arrays' maps deopted
  // this function (recompiled 3 times per run). Same texts, same order.
  let allocatedText = intermediates.length === 0 ? 'none' : '';
  const notes = [...plan.notes];
  for (let i = 0; i < intermediates.length; i++) {
    const t = intermediates[i]!;
    allocatedText += `${i > 0 ? ', ' : ''}${t.role} ${fmtBytes(t.bytesPerCore)}`;
    notes.push(
      `${t.role} ${fmtBytes(t.bytesPerCore)} per core (an L1 tensor, ${t.liveDuringProgram ? 'held while the program runs' : 'freed once the next one exists'})`,
    );
    if (t.freesOperand !== undefined)
      notes.push(
        `deallocate_activation: the L1 input (${fmtBytes(t.freesOperand.bytesPerCore)} per core) is freed inside this op once the ${t.role} exists; any later use of that tensor reads freed L1 (a use-after-free in tt-metal)`,
      );
  }
  notes.push(`conv output shard ${fmtBytes(plan.outputShardBytes)} per core (OUT CB is tensor-backed)`);
  if (cbs !== plan.cbs) {
    const page = cbs.find((cb) => cb.role === 'reader indices')?.pageBytes ?? 0;
    notes.push(
      `reader indices CB at the DRAM config tensor's page, ${fmtBytes(page)} (worst case ${fmtBytes(plan.perCoreOutHTiles * 64)}; tt-metal PR #43193)`,
    );
  }
  // Optional fields as undefined, not spread in: each property after a spread in a literal is a runtime call.
  const est = finishProgram({
    op,
    ctx,
    factory,
    // The 1x1 conv runs ttnn::matmul with that program config [3]: its program is the matmul's.
    programFactory: plan.mmConv ? `MatmulMultiCoreReuseMultiCast${matmulKind}ProgramConfig` : undefined,
    factoryReason:
      `${sliceNote}${why}; ${plan.input.nCores} input cores (${plan.input.coresNhw} along NHW × ${plan.input.coresC} along C), ` +
      `per core out ${plan.perCoreOutHTiles}x${plan.perCoreOutWTiles} tiles, act block ${plan.actBlockHTiles}x${plan.actBlockWTiles} tiles, ` +
      `C_in padded to ${plan.inChannelsPadded} (alignment ${plan.channelsAlignment}); L1 tensors allocated before the program: ` +
      allocatedText +
      ' per core',
    grid: [plan.output.box[1], plan.output.box[0]],
    groups: [{ name: 'conv cores', nCores: cores, firstCore: [0, 0], printedRange: convPrintedRange(plan) }],
    cbs,
    confidence: 'span' in exactness ? 'exact' : 'approx',
    approxReason: 'span' in exactness ? undefined : exactness.approxReason,
    citations: [
      CITES.utils,
      CITES.cbInfo,
      CITES.model,
      CITES.invoke,
      CITES.halo,
      ...('span' in exactness ? [readSpanCite(exactness.span)] : []),
      ...('span' in exactness && exactness.alsoRead !== undefined ? [readSpanCite(exactness.alsoRead)] : []),
      ...stepCitations(steps),
    ],
    notes,
    l1Intermediates: intermediates,
  });
  const result = withConvProgramBeforeResult(est, family, steps.copy);
  const l1Small = convL1SmallBuffers(sliced, plan, ctx);
  // Written in place, as withConvProgramBeforeResult writes: `result` is this estimator's own fresh estimate, and a
  // spread copy of every conv estimate was the garbage session 27 removed. The key goes last, as a copy's would.
  if (l1Small.length > 0) (result as Writable<OpEstimate>).l1SmallBuffers = l1Small;
  return result;
}

/**
 * The buffers a conv allocates in L1_SMALL, in order: the halo's four config tensors (untilize_with_halo_program_factory
 * moves padding 0, padding 1, gather 0, gather 1 to the device), then the conv program's reader indices
 * (conv2d_op_sharded_program_factory.cpp, conv_reader_indices_tensor); each a {1, row} uint16 shard per core of the
 * input's parallel-config grid (sliding_window.cpp move_config_tensor_to_device), so per bank the longest core's row
 * (`haloDramConfigPageBytes`, `readerIndicesWordsPerCore`: the rows tt-metal also pages DRAM config tensors by) ×
 * 2 B, L1-aligned. None in L1_SMALL with `config_tensors_in_dram` from change point halo-config-tensors-in-dram (PR
 * #27753), except conv_transpose2d's halo configs, which always are (conv_transpose2d does not pass the flag to its
 * halo, tt-metal #33284). A 1x1 matmul conv runs no halo and no sliding-window program; a bypassed halo (width sharded,
 * row-major, unpadded) runs none either. A transposed conv's halo works on the stride-expanded input (its zeros are
 * padding sticks, sliding_window.cpp generate_pad_metadata with is_transpose, padded by k − 1 − p before).
 */
function convL1SmallBuffers(p: ConvProblem, plan: ConvPlan, estimateCtx: EstimateContext): L1SmallBuffer[] {
  if (plan.mmConv) return [];
  // L1_SMALL figures are no CB figure and no part of the version range: their rules are answered at the window's newest
  // build (as windowAtOrAfter answers), without splitting the window there.
  const ctx = atNewestBuild(estimateCtx);
  const input = plan.input;
  const rowMajor = p.inputLayout.pageLayout === 'row_major';
  const noPadding = p.padding.every((x) => x === 0);
  if (input.scheme === 'width_sharded' && rowMajor && noPadding && !p.transposed) return [];
  const configsInDram = p.config.configTensorsInDram && atOrAfter(ctx, 'halo-config-tensors-in-dram');
  const align = ctx.device.l1AlignmentBytes;
  const banks = input.nCores;
  const out: L1SmallBuffer[] = [];
  if (!configsInDram || p.transposed) {
    const g = haloGeometry(p);
    const effH = (p.kernel[0] - 1) * p.dilation[0] + 1;
    const effW = (p.kernel[1] - 1) * p.dilation[1] + 1;
    const rows = haloInputShardRows(p, input);
    const pages = haloDramConfigPageBytes(
      {
        geometry: {
          ...g,
          padTop: p.transposed ? effH - 1 - p.padding[0] : p.padding[0],
          padLeft: p.transposed ? effW - 1 - p.padding[2] : p.padding[2],
        },
        outputSticksPerShard:
          input.scheme === 'width_sharded' ? p.batch * p.outputH * p.outputW : plan.perCoreOutHTiles * 32,
        inputSticksPerShard: rows,
        gridColumns: input.scheme === 'height_sharded' ? input.box[0] : 0,
        ...(p.transposed && { strideExpansion: p.stride }),
      },
      !rowMajor,
    );
    out.push(...haloConfigL1SmallBuffers(pages, align, banks));
  }
  if (!configsInDram) {
    const sticksPerShard = plan.perCoreOutHTiles * 32;
    let words: number;
    if (!atOrAfter(ctx, 'conv2d-reader-indices-segments')) {
      // One index per output stick of the first core's shard, padded to a multiple of 32 (pad_tile).
      words = alignUp(Math.min(sticksPerShard, p.batch * p.outputH * p.outputW), 32);
    } else {
      const split = splitsActBlock(p, plan, ctx);
      const h = plan.actBlockHTiles;
      const blockSticks: [number, number] = split
        ? [(h - Math.floor(h / 2)) * 32, Math.floor(h / 2) * 32]
        : [h * 32, 0];
      const readerStrideW =
        p.transposed && p.stride[1] > 1 && !atOrAfter(ctx, 'conv-transpose2d-reader-stride-1')
          ? p.stride[1]
          : undefined;
      words = readerIndicesWordsPerCore(haloGeometry(p), sticksPerShard, input.coresNhw, blockSticks, readerStrideW);
    }
    out.push({ role: 'conv reader indices', bytesPerBank: alignUp(2 * words, align), banks });
  }
  return out;
}

/** The to_memory_config programs conv2d_L1 runs around the conv: the input's reshard and the output's copy [6]. */
interface ConvCopySteps {
  /** shard_or_reshard_tensor_if_required's to_memory_config into the conv's input config, when it is one program. */
  readonly reshard?: ConvStep;
  /** The copy of the conv (or matmul) output to the requested memory config. */
  readonly copy?: ConvStep;
}

/** What the conv's estimate keeps of a step's estimate (its program, exactness and citations), not the estimate. */
interface ConvStep {
  /** The step's program as a writer (`programOf` under the step's label); undefined when it is no estimate. */
  readonly program?: WriterProgram;
  /** Its worst core's CB bytes (0 when no estimate). */
  readonly worstCbBytesPerCore: number;
  /** Undefined when exact, else why not (`stepNotExact`). */
  readonly notExact: string | undefined;
  readonly citations: readonly string[];
}

const NO_CITATIONS: readonly string[] = [];

function convStep(label: string, result: OpEstimateResult): ConvStep {
  if (result.kind !== 'estimate')
    return { program: undefined, worstCbBytesPerCore: 0, notExact: stepNotExact(result), citations: NO_CITATIONS };
  return {
    program: programOf({ label, result }, result),
    worstCbBytesPerCore: result.worstCbBytesPerCore,
    notExact: stepNotExact(result),
    citations: result.citations,
  };
}

const RESHARD_LABEL = 'reshard the conv input (to_memory_config)';
const COPY_LABEL = 'to_memory_config of the conv output shard to the result';

// The steps of every conv estimate by their inputs: a dump's convs share few inputs and output configs (generated
// 100k-op dump: 15,909 steps, 2,276 distinct with their build windows), and to_memory_config's estimate made anew for
// each was ~3% of a check.
const convSteps = new StepMemo<ConvStep>();

/**
 * A sharded L1 tensor spec of the conv's: [1, 1, rows·cores_nhw, width·cores_c] on a parallel config, shards of rows ×
 * width elements (tt-mlir's grid: height [n, 1], width [1, n], block [cores_nhw, cores_c]).
 */
function convShardSpec(
  base: TensorSpec,
  dtype: DataType,
  pageLayout: 'tile' | 'row_major',
  config: ParallelConfig,
  rows: number,
  width: number,
): TensorSpec {
  const gridShape: [number, number] =
    config.scheme === 'height_sharded'
      ? [config.nCores, 1]
      : config.scheme === 'width_sharded'
        ? [1, config.nCores]
        : [config.coresNhw, config.coresC];
  const tile = pageLayout === 'tile';
  return {
    kind: 'tensor',
    shape: { kind: 'known', dims: [1, 1, rows * config.coresNhw, width * config.coresC] },
    elementDtype: dtype,
    layout: {
      kind: 'layout',
      pageLayout,
      dtype,
      bufferType: 'l1',
      memoryLayout: config.scheme,
      gridShape,
      coreRanges: undefined,
      shardShape: tile ? [Math.ceil(rows / 32), Math.ceil(width / 32)] : [rows, width],
      syntax: base.layout.kind === 'layout' ? base.layout.syntax : 'ttnn_layout',
    },
    layoutAlias: '',
  };
}

/**
 * The reshard and copy conv2d_L1 runs around the conv program, each estimated by to_memory_config's own estimator
 * (conv2d.cpp / conv2d_utils.cpp@de47eb4, unchanged from cb11809: shard_or_reshard_tensor_if_required creates the
 * sharded input tensor, then ttnn::to_memory_config into it; after the conv, to_memory_config when the requested memory
 * config differs) [6]. L1 path only (the DRAM path's slices are its own), conv2d only (conv_transpose2d not read), and no
 * reshard step for a row-major matmul conv that is not height sharded (tilized by to_layout first, workaround #13979).
 */
function convCopySteps(
  op: TtnnOp,
  p: ConvProblem,
  plan: ConvPlan,
  resharded: boolean,
  outputIsResult: boolean,
  ctx: EstimateContext,
): ConvCopySteps {
  if (p.path !== 'l1' || p.transposed) return {};
  const input = op.operands[0];
  const result = op.results[0];
  if (input === undefined || input.kind !== 'tensor' || result === undefined || result.kind !== 'tensor') return {};
  const rowMajor = p.inputLayout.pageLayout === 'row_major';
  let reshard: ConvStep | undefined;
  // A row-major input narrower than its shard (channels padded to the alignment) runs the same program:
  // interleaved_to_sharded sizes its pages and scratch CB by the shard width alone (input_unit_size = shard width ·
  // element size at every commit read, 2025-01-08 … 622c6fb, 73 commits; memoryConfig.ts [1]).
  if (resharded && !(plan.mmConv && rowMajor && plan.input.scheme !== 'height_sharded')) {
    const config = plan.input;
    const rows = haloInputShardRows(p, config);
    const width = plan.inChannelsPadded / config.coresC;
    // The step reads its op's name and two specs: the conv's input (by object) and the shard spec made from these.
    const key = `r|${objectKey(input)}|${p.inputDtype}|${p.inputLayout.pageLayout}|${parallelConfigKey(config)}|${rows}|${width}`;
    reshard = convSteps.recall(ctx, key, (stepCtx) => {
      const shard = convShardSpec(input, p.inputDtype, p.inputLayout.pageLayout, config, rows, width);
      return convStep(
        RESHARD_LABEL,
        estimateToMemoryConfig(stepOp(op, 'ttnn.to_memory_config', [input], [shard]), stepCtx),
      );
    });
  }
  let copy: ConvStep | undefined;
  const outWidth = plan.perCoreOutWTiles * 32 * plan.output.coresC;
  if (!outputIsResult && p.config.outputLayout === 'row_major' && p.outChannels !== outWidth)
    copy = convStep(
      COPY_LABEL,
      unmodeled(
        'ttnn.to_memory_config',
        `the row-major conv output's shards are ${outWidth} channels wide for ${p.outChannels} (rows wider than the result's: not read)`,
      ),
    );
  else if (!outputIsResult) {
    const config = plan.output;
    const rows = plan.perCoreOutHTiles * 32;
    const width = plan.perCoreOutWTiles * 32;
    const key = `c|${objectKey(result)}|${p.outputDtype}|${p.config.outputLayout}|${parallelConfigKey(config)}|${rows}|${width}`;
    copy = convSteps.recall(ctx, key, (stepCtx) => {
      const out = convShardSpec(result, p.outputDtype, p.config.outputLayout, config, rows, width);
      return convStep(
        COPY_LABEL,
        estimateToMemoryConfig(stepOp(op, 'ttnn.to_memory_config', [out], [result]), stepCtx),
      );
    });
  }
  return { reshard, copy };
}

/** What convShardSpec reads of a parallel config, as a memo key part. */
function parallelConfigKey(config: ParallelConfig): string {
  return `${config.scheme}|${config.nCores}|${config.coresNhw}|${config.coresC}`;
}

function stepCitations(steps: ConvCopySteps): string[] {
  const out: string[] = [];
  // No list of the two steps, no for-of: this runs for every conv estimate.
  addCitations(out, steps.reshard);
  addCitations(out, steps.copy);
  return out;
}

function addCitations(out: string[], step: ConvStep | undefined): void {
  if (step === undefined) return;
  const citations = step.citations;
  for (let i = 0; i < citations.length; i++) if (!out.includes(citations[i]!)) out.push(citations[i]!);
}

/** A step's verdict for exactness: undefined when exact, else why not. */
function stepNotExact(step: OpEstimateResult): string | undefined {
  if (step.kind === 'estimate') return step.confidence === 'exact' ? undefined : step.approxReason;
  if (step.kind === 'noProgram') return undefined;
  return step.kind === 'unmodeled' ? step.reason : `rejected: ${step.rule}`;
}

/**
 * The read span that makes the conv's figure `exact`, else why it is `approx`. Exact: a conv2d already sharded as it
 * runs (no reshard), its result the conv's own sharded output, a conv2d_config given, and the build window inside the
 * span over which its program's rules were read commit by commit: a 1x1 matmul conv on a tiled height or block sharded
 * input [3], or the sharded conv program with none of the config fields the model does not follow (activation reuse,
 * force_split_reader, kernel-stride folding) [1][2]. Inside a span, the reason names the step that was not read.
 */
function convExactness(
  p: ConvProblem,
  plan: ConvPlan,
  resharded: boolean,
  outputIsResult: boolean,
  ctx: EstimateContext,
  steps: ConvCopySteps,
): { readonly span: ReadSpanId; readonly alsoRead?: ReadSpanId } | { readonly approxReason: string } {
  // The sharded program was read over two spans; a window inside the autumn one takes it [24].
  const autumn = !plan.mmConv && windowWithinReadSpan(ctx, 'conv2d-sharded-program-2025-autumn');
  const span: ReadSpanId = plan.mmConv
    ? 'conv2d-sharded-matmul-1x1-2026-spring'
    : autumn
      ? 'conv2d-sharded-program-2025-autumn'
      : 'conv2d-sharded-program-2026-spring';
  const inSpan = !p.transposed && p.path === 'l1' && windowWithinReadSpan(ctx, span);
  // Written only for an approx answer: an exact conv needs no reason text.
  const heuristics = (): string =>
    `conv2d block/parallel configs re-derived from tt-metal's heuristics (they change between builds)${p.config.present ? '' : '; no conv2d_config in the IR: tt-metal defaults'}` +
    (!inSpan && isDepthwise(p) && p.kernel[0] * p.kernel[1] > 1 && p.inputH > 1
      ? '; 2-D depthwise: the general conv CBs on block-diagonal weights (later builds run a pool-based depthwise kernel, not modeled)'
      : '');
  const rowMajor = p.inputLayout.pageLayout === 'row_major';
  const notRead = (step: string): { approxReason: string } => ({
    approxReason: `${step} (not read over the window; the conv program's own rules were, read span ${span})`,
  });
  if (!inSpan || !p.config.present) return { approxReason: heuristics() };
  if (plan.mmConv && plan.input.scheme === 'width_sharded') return { approxReason: heuristics() };
  // The reshard and the copy are to_memory_config's programs, exact when its estimator is (conv2d.cpp and
  // conv2d_utils.cpp call them alike at cb11809 and de47eb4) [6].
  const reshardNot = resharded ? (steps.reshard === undefined ? 'not modeled' : steps.reshard.notExact) : undefined;
  if (reshardNot !== undefined)
    return notRead(`the input is resharded before the conv (to_memory_config: ${reshardNot})`);
  if (plan.mmConv && rowMajor && !(resharded && tilizesShardsInPlace(p, plan, ctx)))
    return notRead('the row-major input is tilized before the matmul');
  // Only a kept (not resharded) input can carry a shard off the alignment: a resharded one is the reshard step's.
  if (!plan.mmConv && !resharded && !keepsInputShards(p, plan.input.scheme))
    return { approxReason: `${heuristics()}; a row-major input shard off the channel alignment is resharded` };
  if (p.config.enableActivationReuse === true || p.config.forceSplitReader !== undefined || mayFold(p))
    return {
      approxReason: `${heuristics()}; conv2d_config asks for activation reuse, force_split_reader or kernel-stride folding (not modeled)`,
    };
  const autumnNot = autumn ? notReadInAutumn(p, plan) : undefined;
  if (autumnNot !== undefined) return { approxReason: `${heuristics()}; ${autumnNot}` };
  const copyNot = outputIsResult ? undefined : steps.copy === undefined ? 'not modeled' : steps.copy.notExact;
  if (copyNot !== undefined)
    return notRead(`the conv output is copied to the result's memory config (to_memory_config: ${copyNot})`);
  return plan.mmConv && rowMajor ? { span, alsoRead: 'conv2d-mm-height-sharded-tilize-2026-spring' } : { span };
}

/**
 * Whether a matmul conv's resharded row-major input is tilized by the height-sharded tilize program with no padding,
 * over a window where that was read [26]: to_layout(TILE) tilizes without a pad only when the tensor's rows (N·H·W) and
 * channels (the conv's, unpadded) are whole tiles; the sharded factory's two CBs are the input and output shards (0 B of
 * static CBs), the output shard (the 'tilized conv input') the input's shape in tiles. Its shard rows are whole tiles
 * (haloInputShardRows rounds N·H·W to cores · 32) and the conv's reshard makes a row-major grid inside the compute grid.
 */
function tilizesShardsInPlace(p: ConvProblem, plan: ConvPlan, ctx: EstimateContext): boolean {
  return (
    plan.input.scheme === 'height_sharded' &&
    (p.batch * p.inputH * p.inputW) % 32 === 0 &&
    p.inChannels % 32 === 0 &&
    plan.inChannelsPadded === p.inChannels &&
    windowWithinReadSpan(ctx, 'conv2d-mm-height-sharded-tilize-2026-spring')
  );
}

/**
 * What read span conv2d-sharded-program-2025-autumn leaves out, else undefined [22]: grouped and depthwise convs (PR
 * #34957 moved the 1-D depthwise rules inside it), config tensors in DRAM, the in-place halo (until PR #31516), a
 * sharding override, and an unpadded width-sharded tiled input (until PR #33763 it skipped the halo after a to_layout
 * ROW_MAJOR that the model does not run) [24].
 */
function notReadInAutumn(p: ConvProblem, plan: ConvPlan): string | undefined {
  const unpadded = p.padding.every((x) => x === 0);
  if (p.groups > 1) return 'a grouped or depthwise conv (not read over this window)';
  if (p.config.configTensorsInDram) return 'config_tensors_in_dram (not read over this window)';
  if (p.config.inPlaceHalo === true) return 'in_place halo (not read over this window)';
  if (p.config.overrideSharding === true) return 'a sharding override in conv2d_config (not read over this window)';
  if (plan.input.scheme === 'width_sharded' && p.inputLayout.pageLayout !== 'row_major' && unpadded)
    return 'an unpadded width-sharded tiled input: builds before tt-metal PR #33763 skip the halo after a to_layout ROW_MAJOR (not modeled)';
  return undefined;
}

/**
 * Whether tt-metal keeps a sharded input's shards (get_conv_padded_input_shape_and_mem_config: no reshard unless the
 * shard width misses the channel alignment): a tiled shard's width is whole tiles, a row-major one's must be a multiple
 * of 32 when width sharded, else of 8 (get_input_channels_alignment takes 32, 16 or 8 from the shard width itself) [1].
 */
function keepsInputShards(p: ConvProblem, scheme: ShardScheme): boolean {
  if (p.inputLayout.pageLayout !== 'row_major') return true;
  const shardWidth = p.inputLayout.shardShape[p.inputLayout.shardShape.length - 1] ?? 0;
  return shardWidth > 0 && shardWidth % (scheme === 'width_sharded' ? 32 : 8) === 0;
}

/**
 * Whether tt-metal may fold the kernel into the stride (not modeled): asked for in the config, or, the field absent,
 * auto_enable_kernel_folding's first tests pass (kernel = stride > 1, undilated; conv2d_utils.cpp@de47eb4) [1].
 */
function mayFold(p: ConvProblem): boolean {
  if (p.config.kernelStrideFolding !== undefined) return p.config.kernelStrideFolding;
  return (
    p.stride[0] === p.kernel[0] &&
    p.stride[1] === p.kernel[1] &&
    (p.stride[0] !== 1 || p.stride[1] !== 1) &&
    p.dilation[0] === 1 &&
    p.dilation[1] === 1
  );
}

/**
 * conv2d runs its program on the conv output shard and only then moves that shard to the requested memory config
 * (`ttnn::to_memory_config` after the conv [21]): with an L1 result, the conv program's CBs meet the L1 buffers live
 * before the result exists [22]. The conv program becomes the writer of the 'conv output shard' intermediate, checked when that is
 * allocated, and the op's last program is the copy to the result: sharded_to_interleaved or reshard, whose one CB is
 * the tensor-backed shard (same dtype: the conv writes the result's dtype), 0 B of static CBs.
 */
function withConvProgramBeforeResult(est: OpEstimate, family: string, copy?: ConvStep): OpEstimate {
  const shard = est.l1Intermediates?.find((t) => t.role === 'conv output shard');
  const copyCbBytes = copy?.worstCbBytesPerCore ?? 0;
  if (shard === undefined || (est.l1TensorBytesPerCore === 0 && copyCbBytes === 0)) return est;
  // Written in place, not copied: `est` is finishProgram's estimate made just now from this estimator's own lists (its
  // intermediates and notes), not yet returned (a copy was ~12 MB of garbage at 100k ops). Same keys in the same order
  // as a copy's: the shard's writerProgram and the estimate's lastProgram go last.
  (shard as Writable<L1Intermediate>).writerProgram = programOf({ label: family, result: est }, est);
  (est as Writable<OpEstimate>).lastProgram = copy?.program ?? { name: COPY_LABEL, cbBytesPerCore: 0 };
  (est.notes as string[]).push(
    'the conv program runs before the result is allocated (to_memory_config after the conv)',
  );
  return est;
}

export function estimateConv2d(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimateConv2dFamily(op, ctx, false);
}

export function estimateConvTranspose2d(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimateConv2dFamily(op, ctx, true);
}

const int = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });
const ints = (values: readonly number[]): PropValue => ({ kind: 'ints', values });

/**
 * `ttnn.conv1d` with the conv2d attributes tt-metal's conv1d passes to conv2d [7]: a [N, 1, L, C] image, the kernel,
 * stride and dilation on the width, the [pL, pR] padding on the left and right (tt-mlir's 4-value order is top, left,
 * bottom, right). Everything else (channels, batch, groups, configs, operands, result) is the op's own.
 */
export function conv1dAsConv2d(op: TtnnOp): TtnnOp | string {
  const length = propInt(op, 'input_length');
  const kernel = propInt(op, 'kernel_size');
  if (length === undefined || kernel === undefined) return 'input_length or kernel_size attribute missing';
  const pad = propInts(op, 'padding') ?? [0];
  if (pad.length !== 1 && pad.length !== 2) return 'padding has an unexpected length';
  const [left, right] = pad.length === 1 ? [pad[0], pad[0]] : [pad[0], pad[1]];
  return {
    ...op,
    properties: {
      ...op.properties,
      input_height: int(1),
      input_width: int(length),
      kernel_size: ints([1, kernel]),
      stride: ints([1, propInt(op, 'stride') ?? 1]),
      padding: ints([0, left, 0, right]),
      dilation: ints([1, propInt(op, 'dilation') ?? 1]),
    },
  };
}

export function estimateConv1d(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const asConv2d = conv1dAsConv2d(op);
  if (typeof asConv2d === 'string') return unmodeled(op.name, asConv2d);
  // tt-metal's conv1d takes a slice config since PR #46587 (which tt-mlir's runtime needs to pass one) and rejects
  // height slicing there: the height is always 1 [7].
  const slice = op.properties['conv2d_slice_config'];
  if (wordOf(itemValue(slice, 0)) === 'dram_height')
    return illegal(
      op.name,
      'conv1d rejects DRAM_HEIGHT slicing (its conv2d has height 1): use dram_width or l1_full',
      'tt-metal ttnn/cpp/ttnn/operations/conv/conv1d/conv1d.cpp (PR #46587; index id 60441039031)',
    );
  return estimateConv2dFamily(asConv2d, ctx, false);
}

/**
 * `ttnn.prepare_conv2d_weights` / `ttnn.prepare_conv2d_bias`: with the weights on the host, tt-metal reorders, pads
 * and tilizes them on the host and copies the result to the device (conv2d.cpp / prepare_conv2d_weights.cpp:
 * `!is_device_tensor(weight)` → prepare_conv_weights_biases_and_move_to_device, "Preprocessing weights on host and
 * moving to device"), so no CBs; the tt-mlir OpModel
 * reports 0 B (TestOpModelLib.cpp@b73fc81:3844–3864). Weights already on the device run a chain of device ops
 * (to_layout, pad, permute) that is not modeled.
 */
export function estimatePrepareConv2d(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const weights = op.operands[0];
  if (weights === undefined || weights.kind !== 'tensor' || weights.layout.kind !== 'layout')
    return unmodeled(op.name, 'weights operand layout unknown');
  if (weights.layout.bufferType === 'system_memory') {
    return noProgram(
      op,
      ctx,
      'host-side weight preparation (reorder, pad, tilize on the host), then a copy to the device: no device program',
    );
  }
  return unmodeled(
    op.name,
    `${op.name} on device-resident weights runs a chain of device ops (to_layout, pad, permute): not modeled`,
  );
}
