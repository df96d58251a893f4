/**
 * A block-sharded 1x1 stride-1 conv runs ttnn.linear with a MatmulMultiCoreReuseMultiCastProgramConfig built from the
 * conv's blocks (conv2d_utils.cpp determine_matmul_op_config_from_conv_op_config, read at tt-metal de47eb4 of
 * 2026-05-05): the 2D mcast factory's CBs (matmul_multicore_reuse_mcast_2d_program_factory.cpp@de47eb4). Hand
 * arithmetic below; none of it read from the code under test.
 */

import { strict as assert } from 'assert';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';

// 1x16x16x256 bf16 tiled DRAM input, 256 → 256, 1x1 stride 1, no bias, shard_layout = block_sharded on an 8x8 grid.
const text = (outDtype: 'bf16' | 'bfp_bf8', compute: string) => {
  const outElem = outDtype === 'bf16' ? 'bf16' : '!ttcore.tile<32x32, bfp_bf8>';
  return `
#dram = #ttnn.buffer_type<dram>
#system_memory = #ttnn.buffer_type<system_memory>
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <1x1>, memref<8x8x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 1 + d2, d3), <1x1>, memref<65536x1xbf16, #system_memory>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <1x1>, memref<8x8x!ttcore.tile<32x32, ${outDtype}>, #dram>, <interleaved>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @f(%arg0: tensor<1x1x256x256xbf16, #in>, %arg1: tensor<256x256x1x1xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x256x256x${outElem}, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, ${compute}conv2d_config = #ttnn.conv2d_config<shard_layout = block_sharded>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<${outDtype}>, groups = 1 : i32, in_channels = 256 : i32, input_height = 16 : i32, input_width = 16 : i32, kernel_size = array<i32: 1, 1>, out_channels = 256 : i32, padding = array<i32: 0, 0>, stride = array<i32: 1, 1>}> : (tensor<1x1x256x256xbf16, #in>, tensor<256x256x1x1xbf16, #w>, !ttnn.device) -> tensor<1x1x256x256x${outElem}, #out>
    return %0 : tensor<1x1x256x256x${outElem}, #out>
  }
}
`;
};

function cbBytes(outDtype: 'bf16' | 'bfp_bf8', compute = '', ttMetalDate = '2026-04-10'): number {
  const a = analyzeDocument(text(outDtype, compute), { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate }).analysis;
  const e = a.functions[0]!.ops.find((o) => o.op.name === 'ttnn.conv2d')!.estimate;
  assert.ok(e.kind === 'estimate');
  assert.match(e.factory, /MatmulMultiCoreReuseMultiCast\)/);
  return e.cbBytesPerCore;
}

// determine_parallel_config, block: 8 output tile rows over 8 core rows, 256 / 32 = 8 channel tiles over 8 core columns
// → per_core_M 1, per_core_N 1; act_block_w = 256 / 8 channels = 1 tile = in0_block_w, so K (8 tiles) runs in
// num_blocks = 8 blocks. The 2D factory: c_0 = out_block_h · in0_block_w = 1 tile, doubled (B · num_blocks > 1) = 2 bf16
// tiles = 4,096 B; c_1 = out_block_w · in0_block_w, doubled = 4,096 B; c_2 on the block-sharded input and c_4 on the
// sharded output (no static bytes); c_6, the in0-block-sharded L1 array, 32 · 2 = 64 B.
describe('estimate/conv2d → matmul (block sharded 1x1): the 2D mcast factory CBs', () => {
  it('bf16 output, conv default compute config: c_0 4,096 + c_1 4,096 + c_6 64 = 8,256 B', () => {
    assert.equal(cbBytes('bf16'), 8_256);
  });

  it('bfp_bf8 output with packer_l1_acc: partials packed in L1 as Float16_b, a c_5 of one bf16 tile: 10,304 B', () => {
    // packer_l1_acc_en = packer_l1_acc && (bias && num_blocks > 1 || num_blocks > 2): 8 blocks → on, so interm0 is
    // Float16_b, not the output's bfp_bf8: a c_5 of out_block_h · out_block_w = 1 tile, 2,048 B. 8,256 + 2,048.
    assert.equal(
      cbBytes('bfp_bf8', 'compute_config = #ttnn.device_compute_kernel_config<packer_l1_acc = true>, '),
      10_304,
    );
  });

  it("before tt-metal PR #22509 the sharded matmul runs with the matmul's default compute config, not the conv's", () => {
    // conv2d.cpp@7ec6d04~1 (conv2d_L1, matmul branch): one ttnn::linear call serves both the sharded input (program
    // config from determine_matmul_op_config_from_conv_op_config) and the interleaved one, and passes no compute config;
    // 7ec6d04 (PR #22509, 2025-05-27) adds it. Without one, create_matmul_struct (matmul_op.cpp@7ec6d04~1) takes
    // default_fp32_acc = (output is Float32), default_l1_acc = !(output is Float32): bfp_bf8 output → fp32 off,
    // packer_l1_acc on. The 2D factory of that build (matmul_op_multi_core_reuse_mcast_2d_program_factory.cpp@7ec6d04~1)
    // has the same CBs as above and packer_l1_acc_en = packer_l1_acc && (bias && num_blocks > 1 || num_blocks > 2):
    // 8 blocks → on, interm0 Float16_b ≠ bfp_bf8 → c_5 of one bf16 tile: 8,256 + 2,048 = 10,304 B on 2025-05-20.
    // On 2025-05-28 the linear gets the conv's config: the IR prints none and tt-mlir's runtime passes none before its
    // PR #3579 (2025-05-30), so get_conv_default_compute_kernel_config (conv2d_utils.cpp@7ec6d04~1: fp32 and
    // packer_l1_acc off) → interm0 in the output's format, shared with c_4: 8,256 B.
    assert.equal(cbBytes('bfp_bf8', '', '2025-05-20'), 10_304);
    assert.equal(cbBytes('bfp_bf8', '', '2025-05-28'), 8_256);
  });
});

// vovnet's stem 1x1 conv (docs/vovnet-bounty vovnet.opt.ttnn.mlir line 931): 1x112x112x64 bf16 tiled, already height
// sharded on 56 cores (7x2 tiles each), prepared weights [1, 1, 64, 64] and bias in DRAM, relu, result the conv's own
// height-sharded output.
const stemText = `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#bias = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 64 + d1 * 64 + d2, d3), <1x1>, memref<2x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#hs = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 12544 + d1 * 12544 + d2, d3), <56x1, virt_to_physical_map = (d0, d1) -> (0, d0 floordiv 8, d0 mod 8), physical_to_virt_map = (d0, d1, d2) -> (d1 * 8 + d2, 0)>, memref<7x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @stem(%arg0: tensor<1x1x12544x64xbf16, #hs>, %arg1: tensor<1x1x64x64xbf16, #w>, %arg2: tensor<1x1x1x64xbf16, #bias>, %arg3: !ttnn.device) -> tensor<1x1x12544x64xbf16, #hs> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2, %arg3) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, activation = <op_type = relu>, deallocate_activation = true, act_block_h_override = 0, shard_layout = height_sharded, enable_kernel_stride_folding = false, config_tensors_in_dram = true>, conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 1 : i32, in_channels = 64 : i32, input_height = 112 : i32, input_width = 112 : i32, kernel_size = array<i32: 1, 1>, out_channels = 64 : i32, padding = array<i32: 0, 0, 0, 0>, stride = array<i32: 1, 1>}> : (tensor<1x1x12544x64xbf16, #hs>, tensor<1x1x64x64xbf16, #w>, tensor<1x1x1x64xbf16, #bias>, !ttnn.device) -> tensor<1x1x12544x64xbf16, #hs>
    return %0 : tensor<1x1x12544x64xbf16, #hs>
  }
}
`;

function stem(date: string) {
  const a = analyzeDocument(stemText, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: date }).analysis;
  const e = a.functions[0]!.ops.find((o) => o.op.name === 'ttnn.conv2d')!.estimate;
  assert.ok(e.kind === 'estimate');
  return e;
}

// 112 · 112 = 12,544 rows = 392 tiles on the input's 56 cores → per_core_M 7; 64 output channels → per_core_N 2; K =
// 64 / 32 = 2 tiles = act_block_w = in0_block_w, one K block. The 1D mcast_in1 factory: c_0 on the input shard (its
// width / in0_block_w = 1), c_1 = per_core_N · in0_block_w = 4 bf16 tiles = 8,192 B (one K block: not doubled), bias c_3
// = per_core_N = 2 tiles = 4,096 B, c_4 on the output shard, no c_5 (bf16 partials, no fp32 accumulation): 12,288 B.
describe('estimate/conv2d → matmul (height sharded 1x1) over read span conv2d-sharded-matmul-1x1-2026-spring', () => {
  it('a 2026-04-10 build: 12,288 B of CBs, exact (the span 2026-03-06..2026-05-05 was read commit by commit)', () => {
    const e = stem('2026-04-10');
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.equal(e.confidence, 'exact');
  });

  it('builds outside the span (2026-03-01, 2026-05-20): the same CBs, approx', () => {
    for (const date of ['2026-03-01', '2026-05-20']) {
      const e = stem(date);
      assert.equal(e.cbBytesPerCore, 12_288);
      assert.equal(e.confidence, 'approx', date);
    }
  });
});
