/**
 * The sharded conv2d program over read span conv2d-sharded-program-2026-spring (tt-metal cb11809..de47eb4, 2026-03-06..
 * 2026-05-05): get_cb_info, is_split_reader_viable and determine_per_core_conv_block_config read at de47eb4, none
 * changed inside the span but for the reader-indices page of PR #43193 (04-30). The figures are hand arithmetic from
 * those functions, written out below; none is read from the code under test.
 */

import { strict as assert } from 'assert';
import { analyzed } from '../../support/checks';
import type { OpEstimate } from '../../../server/src/estimate/types';

// VoVNet's stage-1 depthwise conv (docs/vovnet-bounty vovnet.opt.ttnn.mlir line 934): 1x112x112x64 bf16 tiled, already
// height sharded on 56 cores (7x2 tiles each), groups 64, 3x3 stride 2 pad 1 → 56x56x64; prepared weights [1, 1, 576,
// 64] in DRAM, no bias. The result is either the conv's own output (56 cores, 2x2 tiles) or, as in the dump, 49 cores.
const text = (resultCores: 56 | 49, config = '') => `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 576 + d1 * 576 + d2, d3), <1x1>, memref<18x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 12544 + d1 * 12544 + d2, d3), <56x1, virt_to_physical_map = (d0, d1) -> (0, d0 floordiv 8, d0 mod 8), physical_to_virt_map = (d0, d1, d2) -> (d1 * 8 + d2, 0)>, memref<7x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), <${resultCores}x1, virt_to_physical_map = (d0, d1) -> (0, d0 floordiv 8, d0 mod 8), physical_to_virt_map = (d0, d1, d2) -> (d1 * 8 + d2, 0)>, memref<2x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @dw(%arg0: tensor<1x1x12544x64xbf16, #in>, %arg1: tensor<1x1x576x64xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x3136x64xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, deallocate_activation = true, act_block_h_override = 0, shard_layout = height_sharded, enable_kernel_stride_folding = false, config_tensors_in_dram = true${config}>, conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 64 : i32, in_channels = 64 : i32, input_height = 112 : i32, input_width = 112 : i32, kernel_size = array<i32: 3, 3>, out_channels = 64 : i32, padding = array<i32: 1, 1, 1, 1>, stride = array<i32: 2, 2>}> : (tensor<1x1x12544x64xbf16, #in>, tensor<1x1x576x64xbf16, #w>, !ttnn.device) -> tensor<1x1x3136x64xbf16, #out>
    return %0 : tensor<1x1x3136x64xbf16, #out>
  }
}
`;

/** The function's one conv2d estimate on a build of `date`. */
function conv(src: string, date: string): OpEstimate {
  const [estimate] = analyzed(src, { ttMetalDate: date }).analysis.functions[0]!.ops.map((o) => o.estimate);
  assert.ok(estimate?.kind === 'estimate');
  return estimate;
}

// The input's 56-core height config is kept (tiled shards, no reshard). 56 · 56 = 3,136 output rows = 98 tiles over 56
// cores → per_core_M 2 tiles (shard 64 rows), per_core_N = 64 / 32 = 2. act_block_h = per_core_M = 2 (override 0),
// act_block_w = round_up(64 · 3, 32) / 32 = 6 tiles (the grouped weights are block-diagonal over all 64 channels); one
// height block. Split reader (Wormhole, cycles at 1 GHz): act 2·2·32·64·3 = 24,576 B over the local rate of a 384 B read,
// 0.868 + (27.84 − 0.868)/(1024 − 16)·368 ≈ 10.715 GB/s → ≈ 2,294 cycles; weights 12 tiles = 24,576 B over DRAM 28.411
// (a 2 KiB tile, the peak) and multicast 0.318 + 25.027/65,520·24,560 ≈ 9.700 GB/s → ≈ 3,399 cycles; tilize 61 · 12 =
// 732. Split: 1,147 + 3,399 = 4,546, not below max(2,294 + 732, 3,399) = 3,399: one reader.
// CBs: WEIGHTS per_core_N · act_block_w = 12 tiles (one height block, no double buffer) 24,576 B; MATMUL_PARTIALS on
// the output (bf16 partials = the output's format); ACT 2 · 6 = 12 input tiles 24,576 B; ACT_TILIZED 12 output tiles
// 24,576 B; READER_INDICES (config tensors in DRAM) before PR #43193 the worst case 2 · 32 · 2 = 128 B; L1_ARRAY 64 B.
// 3 · 24,576 + 128 + 64 = 73,920 B.
describe('estimate/conv2d sharded program over read span conv2d-sharded-program-2026-spring', () => {
  it('a 2026-04-10 build, the result the conv output: 73,920 B of CBs, exact', () => {
    const e = conv(text(56), '2026-04-10');
    assert.equal(e.factory, 'conv2d sharded program (height_sharded)');
    assert.equal(e.cbBytesPerCore, 73_920);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.includes('read span conv2d-sharded-program-2026-spring')));
  });

  it('builds outside the span: approx (2026-03-01: the same 73,920 B; 2026-05-20 reads the reader indices at their page)', () => {
    const before = conv(text(56), '2026-03-01');
    assert.equal(before.cbBytesPerCore, 73_920);
    assert.equal(before.confidence, 'approx');
    assert.equal(conv(text(56), '2026-05-20').confidence, 'approx');
  });

  // conv2d_L1 (conv2d.cpp@de47eb4) writes the conv's output on its own 56-core config, then runs to_memory_config when
  // the requested memory config (tt-mlir's runtime passes the result's) differs: the 2x2-tile shard, 4 · 2,048 = 8,192 B
  // per core, is an L1 tensor held while the conv runs, besides the 49-core result. The copy is a tiled height → height
  // reshard into L1 (read span reshard-tiled-same-width): ReshardSameWidthFactory, its c_0 bound to the 49-core result
  // shard, 0 B of CBs, run once the result exists; exact.
  it('a result on 49 cores: the conv output shard (8,192 B) is held while the conv runs, the copy 0 B → exact', () => {
    const e = conv(text(49), '2026-04-10');
    assert.equal(e.cbBytesPerCore, 73_920);
    const shard = e.l1Intermediates?.find((t) => t.role === 'conv output shard');
    assert.equal(shard?.bytesPerCore, 8_192);
    assert.equal(e.lastProgram?.cbBytesPerCore, 0);
    assert.match(e.lastProgram?.name ?? '', /ReshardSameWidthFactory/);
    assert.equal(e.confidence, 'exact');
  });

  it('a config the model does not follow (force_split_reader) keeps the figure approx inside the span', () => {
    const e = conv(text(56, ', force_split_reader = true'), '2026-04-10');
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /force_split_reader/);
  });
});

// A 16x16x32 → 32 3x3 pad-1 conv, bf16 tiled input already block sharded on 4 NHW cores × 1 channel core (4 x 2x1
// tiles), bfp_bf8 output, bf16 weights. Channel alignment 32 (tiled input): C_in padded 32; the output re-split of 1 tile
// of C_out keeps 1 channel core; per_core_M 2 tiles (64 rows), per_core_N 1; act_block_h 2, act_block_w =
// round_up(32 / 1 · kW 3, 32) = 3 tiles (the kernel width only, since change point conv2d-block-inner-dim-by-kernel-h);
// weights 288 / 32 = 9 tile rows, 3 K blocks, no packer accumulation: bfp_bf8 partials on the output. CBs: WEIGHTS 1 · 3
// bf16 tiles 6,144 B; ACT_TILIZED 2 · 3 bfp_bf8 tiles (1,088 B) 6,528 B; L1_ARRAY 64 B; the act block of 6 tiles is
// either ACT (6 output tiles, 6,528 B) plus the row-major CB (formats differ: 6 input tiles, 12,288 B), or, skipping the
// activation multicast (one channel core in and out, conv_skip_mcast), no ACT: the row-major CB and the second reader's
// CB hold the 6 input tiles (3 + 3 with the block split reader of 2026), 12,288 B.
const skipText = `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 288 + d1 * 288 + d2, d3), <1x1>, memref<9x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <4x1, virt_to_physical_map = (d0, d1) -> (0, d0, d1), physical_to_virt_map = (d0, d1, d2) -> (d1, d2)>, memref<2x1x!ttcore.tile<32x32, bf16>, #l1>, <block_sharded>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <4x1, virt_to_physical_map = (d0, d1) -> (0, d0, d1), physical_to_virt_map = (d0, d1, d2) -> (d1, d2)>, memref<2x1x!ttcore.tile<32x32, bfp_bf8>, #l1>, <block_sharded>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @f(%arg0: tensor<1x1x256x32xbf16, #in>, %arg1: tensor<1x1x288x32xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x256x32x!ttcore.tile<32x32, bfp_bf8>, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, shard_layout = block_sharded>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bfp_bf8>, groups = 1 : i32, in_channels = 32 : i32, input_height = 16 : i32, input_width = 16 : i32, kernel_size = array<i32: 3, 3>, out_channels = 32 : i32, padding = array<i32: 1, 1, 1, 1>, stride = array<i32: 1, 1>}> : (tensor<1x1x256x32xbf16, #in>, tensor<1x1x288x32xbf16, #w>, !ttnn.device) -> tensor<1x1x256x32x!ttcore.tile<32x32, bfp_bf8>, #out>
    return %0 : tensor<1x1x256x32x!ttcore.tile<32x32, bfp_bf8>, #out>
  }
}
`;

describe('estimate/conv2d skip_activation_mcast (block sharded on one channel core)', () => {
  it('before tt-metal PR #25889 (2025-07-31) the ACT CB is made: 6,144 + 6,528 + 12,288 + 6,528 + 64 = 31,552 B', () => {
    assert.equal(conv(skipText, '2025-07-31').cbBytesPerCore, 31_552);
  });

  it('from PR #25889 (2025-08-01) no ACT CB: 6,144 + 12,288 + 6,528 + 64 = 25,024 B; the same at 2026-04-10, exact', () => {
    assert.equal(conv(skipText, '2025-08-01').cbBytesPerCore, 25_024);
    const e = conv(skipText, '2026-04-10');
    assert.equal(e.cbBytesPerCore, 25_024);
    assert.equal(e.confidence, 'exact');
  });
});

// Read span conv2d-sharded-program-2025-autumn (tt-metal 18bbf94b84..cb11809, 2025-09-16..2026-03-05). The block conv
// above on one channel core: get_cb_info@517a05cb99 (PR #29415, 2025-10-01) lets block sharding split its act block
// only when forced (is_split_reader_viable returns false for block), so on 2025-10-15 the CBs are those derived above,
// 25,024 B. From PR #30654 (87d4331ce0, 2025-10-27) block always splits an act block of more than one tile row (here
// act_block_h 2: rows 1 + 1): ACT would hold the whole block (it is skipped here, one channel core), ACT_SECOND_READER
// the split row (3 input tiles, 6,144 B) and ACT_ROW_MAJOR the first row (3 input tiles, 6,144 B), overlap off since
// skip_act_cb_create: 6,144 + 6,144 = the unsplit row-major CB's 12,288 B, so 25,024 B again on 2025-11-01.
describe('estimate/conv2d sharded program over read span conv2d-sharded-program-2025-autumn', () => {
  it('2025-10-15 and 2025-11-01 (either side of PR #30654): 25,024 B, exact, citing the autumn span', () => {
    for (const date of ['2025-10-15', '2025-11-01']) {
      const e = conv(skipText, date);
      assert.equal(e.cbBytesPerCore, 25_024, date);
      assert.equal(e.confidence, 'exact', date);
      assert.ok(e.citations.some((c) => c.includes('read span conv2d-sharded-program-2025-autumn')));
    }
  });

  it('the day of PR #27731 (2025-09-15), before the span: the same 25,024 B, approx', () => {
    const e = conv(skipText, '2025-09-15');
    assert.equal(e.cbBytesPerCore, 25_024);
    assert.equal(e.confidence, 'approx');
  });

  // The VoVNet depthwise conv (groups 64): PR #34957 (2025-12-25) moved the 1-D depthwise rules inside the span, and
  // grouped convs were not read over it. Its CBs are those of the 2026 span above (73,920 B): no rule the model follows
  // moves them in between.
  it('a grouped (depthwise) conv inside the window stays approx and says why', () => {
    const e = conv(text(56), '2025-11-01');
    assert.equal(e.cbBytesPerCore, 73_920);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /grouped or depthwise conv/);
  });
});
