/**
 * conv2d's DRAM path with a given width slice count on a tiled output: the slices are whole 32-column groups
 * (slice_write writes whole tiles; tt-metal conv2d.cpp index ids 3492362923 / 8211315178 and op_slicing.cpp@d134b03
 * round the slice by TILE_HEIGHT), not even cuts of the width. Hand arithmetic from get_cb_info below.
 */

import { strict as assert } from 'assert';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { deviceOp } from '../../support/threadCases';

// The MapTR conv of tt-xla #4202 / tt-metal #41918 (2026-04): batch 6, 120x200, C 128 → 128, 3x3 s2 p1 → 60x100, f32
// row-major DRAM input, host f32 weights, HiFi4 with fp32 accumulation, DRAM f32 result. The thread's IR carries neither
// the slice config nor the act_block_h_override written here (its EmitPy repro, tt-metal
// tests/ttnn/unit_tests/operations/conv2d/test_conv2d_org.py@ad04947: Conv2dConfig(config_tensors_in_dram=True,
// enable_kernel_stride_folding=False), slice_config=None), so the thread's figure is not asserted; the config here is
// ours, chosen so the arithmetic is the plan the thread's region implies.
const text = (slice: string) => `
#dram = #ttnn.buffer_type<dram>
#system_memory = #ttnn.buffer_type<system_memory>
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 144000 + d1 * 144000 + d2, d3), <1x1>, memref<144000x128xf32, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 384 + d1 * 3 + d2, d3), <1x1>, memref<49152x3xf32, #system_memory>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 36000 + d1 * 36000 + d2, d3), <1x1>, memref<1125x4x!ttcore.tile<32x32, f32>, #dram>, <interleaved>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @maptr(%arg0: tensor<1x1x144000x128xf32, #in>, %arg1: tensor<128x128x3x3xf32, #w>, %arg2: !ttnn.device) -> tensor<1x1x36000x128xf32, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 6 : i32, compute_config = #ttnn.device_compute_kernel_config<math_fidelity = hifi4, fp32_dest_acc_en = true>, conv2d_config = #ttnn.conv2d_config<config_tensors_in_dram = true, enable_kernel_stride_folding = false, shard_layout = height_sharded, act_block_h_override = 256>, conv2d_slice_config = #ttnn.conv2d_slice_config<${slice}>, dilation = array<i32: 1, 1>, groups = 1 : i32, in_channels = 128 : i32, input_height = 120 : i32, input_width = 200 : i32, kernel_size = array<i32: 3, 3>, out_channels = 128 : i32, padding = array<i32: 1, 1>, stride = array<i32: 2, 2>}> : (tensor<1x1x144000x128xf32, #in>, tensor<128x128x3x3xf32, #w>, !ttnn.device) -> tensor<1x1x36000x128xf32, #out>
    return %0 : tensor<1x1x36000x128xf32, #out>
  }
}
`;

function convEstimate(slice: string) {
  const a = analyzeDocument(text(slice), {
    ...DEFAULT_ANALYSIS_SETTINGS,
    ttMetalDate: '2026-04-10',
  }).analysis;
  const e = a.functions[0]!.ops.find((o) => o.op.name === 'ttnn.conv2d')!.estimate;
  assert.equal(e.kind, 'estimate');
  return e;
}

describe('estimate/conv2d DRAM path: a given width count on a tiled output cuts 32-column groups', () => {
  it('<dram_width, 4> over 100 output columns: slices of 32 columns, 45 cores of 8 tile rows, 983,616 B', () => {
    // ceil(100 / 32) = 4 column groups over 4 slices: 32 columns each (the last, 4). The widest slice has 6 · 60 · 32 =
    // 11,520 output rows = 360 tiles; act_block_h_override 256 rows = 8 tiles: determine_parallel_config splits 360 / 8
    // = 45 blocks over ≤ 64 cores → 45 cores, per_core_M 8, per_core_N 128 / 32 = 4. act_block_w = round_up(128 · 3, 32)
    // / 32 = 12 tiles, one act block in h. f32 (fp32 accumulation): ACT 8 · 12 = 96, ACT_TILIZED 96, WEIGHTS 4 · 12 =
    // 48 → 240 · 4,096 = 983,040 B; reader indices in DRAM → a CB of per_core_M · 32 · 2 = 512 B; L1 scratch 64 B:
    // 983,616 B (+ the 103,712 B base = 1,087,328 B, the region end tt-xla #4202 printed). Even 25-column slices would
    // give 6 · 60 · 25 = 9,000 rows = 282 tiles, not 45 cores of 8.
    const e = convEstimate('dram_width, 4');
    assert.equal(e.kind === 'estimate' ? e.cbBytesPerCore : 0, 983_616);
    assert.equal(e.kind === 'estimate' ? e.nCoresUsed : 0, 45);
    assert.match(e.kind === 'estimate' ? (e.factoryReason ?? '') : '', /4 width slices of 32-column groups/);
  });
});

// tt-metal's DRAM auto-slicer takes the fewest slices whose L1 figure fits the allocator's total_free_bytes, in every
// build that has one (conv2d.cpp index id 8211315178 from PR #25907, op_slicing.cpp id 6757217204 from PR #33763); that
// is the L1 bank manager's (allocator.cpp id 3674939954), whose bank is l1_size - base - l1_small_size
// (l1_banking_allocator.cpp id 3615500374). So the slice count is sized below the L1_SMALL region.
describe('estimate/conv2d DRAM auto slice count: sized to the L1 bank below L1_SMALL', () => {
  it('tt-metal #17947 auto-shard conv, 2026-01-15 build, base 102,656 B, L1_SMALL 64 KiB: 2 height slices, fits', () => {
    // One slice (the whole 112-row output): CBs 1,022,656 B end at 102,656 + 1,022,656 = 1,125,312 B; the halo output
    // (114,080 B) and conv output shard (213,248 B) held during the program sit top-down from 1,499,136 - 65,536 =
    // 1,433,600 B, lowest at 1,106,272 B < 1,125,312 B: it does not fit the bank, so tt-metal's search goes on to 2.
    // (Counting L1_SMALL as free, as the model did before, the lowest would be 1,171,808 B >= 1,125,312 B: 1 slice,
    // then the model's own clash report at 1,106,272 B against a count tt-metal never picks.)
    const { op } = deviceOp(
      { file: 'conv2d_tt-metal-17947.mlir', date: '2026-01-15', base: 102_656 },
      'conv_issue_auto_shard',
    );
    assert.ok(op.estimate.kind === 'estimate');
    assert.match(op.estimate.factoryReason ?? '', /2 output-height slice\(s\) assumed/);
    assert.equal(op.overflow, undefined);
  });
});
