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

function convEstimate(slice: string, ttMetalDate = '2026-04-21') {
  const a = analyzeDocument(text(slice), { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate }).analysis;
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
    // 983,616 B (+ the 103,712 B base = 1,087,328 B, the region end tt-xla #4202 printed at 2026-04-10 for its edge slice: see SOURCE.md). Even 25-column slices would
    // give 6 · 60 · 25 = 9,000 rows = 282 tiles, not 45 cores of 8.
    const e = convEstimate('dram_width, 4');
    assert.equal(e.kind === 'estimate' ? e.cbBytesPerCore : 0, 983_616);
    assert.equal(e.kind === 'estimate' ? e.nCoresUsed : 0, 45);
    assert.match(e.kind === 'estimate' ? (e.factoryReason ?? '') : '', /4 width slices of 32-column groups/);
  });
  it('<dram_width, 4> on 2026-04-10 (between PR #33763 and PR #41917): the 4-column edge slice runs on its unpadded grid', () => {
    // The last slice cuts 4 output columns (100 = 3 · 32 + 4), run 32 wide with extra right padding. In these builds
    // Conv2dSliceAttr::get_input_memory_config sizes its grid on the 4 columns as cut (conv2d.cpp@70d2e23; tt-metal
    // #41918): 6 · 60 · 4 = 1,440 rows = 45 tiles, height sharded with act_block_h_override 256 (8 tiles):
    // find_closest_largest_divisor_with_num_padding_and_mult(45, 64, 8) steps down from 64 while the padding
    // round_up(45, 8d) − 45 is at least round_up(45, 8d) / d: d = 7 pads 56 − 45 = 11 ≥ 8, d = 6 pads 48 − 45 = 3 < 8,
    // so 6 cores. The conv then runs the padded slice's 360 tiles on those 6 cores: 60 tiles per core (the first three
    // slices keep 45 cores of 8). From PR #41917 (2026-04-20) the grid is the padded slice's again (the test above).
    const e = convEstimate('dram_width, 4', '2026-04-10');
    assert.equal(e.kind === 'estimate' ? e.nCoresUsed : 0, 6);
    assert.match(e.kind === 'estimate' ? (e.factoryReason ?? '') : '', /6 input cores .* per core out 60x4 tiles/);
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

// A strided conv whose last DRAM slice reads more input than its first: batch 1, 132x128, C 256 → 32, kernel 1, stride 4,
// no padding → output 33x32 (⌊131 / 4⌋ + 1, ⌊127 / 4⌋ + 1); row-major bf16 DRAM input, tiled bf16 output, height sharded.
// Conv2dSliceAttr::get_input_slice_and_padding (conv2d.cpp@4859af0): output rows [a, b) read input rows
// [4a, 4(b − 1) + 1), except that the slice ending at the last output row reads to the image's end (row 132), the 3 rows
// no output uses included. One output row is 32 sticks = one tile; n tiles of output go on n cores (determine_parallel_config,
// at most 64) and the resharded input shard is round_up(rows · 128, n · 32) / n sticks of 256 · 2 = 512 B
// (determine_input_memory_config). Every core's halo output is one output row's window: input sticks 0, 4, …, 124 of a
// row, 125 sticks · 512 B = 64,000 B; the halo program's CBs are two 512 B sticks (row-major input, config tensors in
// L1_SMALL) = 1,024 B.
const stridedText = (slice: string, l1Size: number) => `
#dram = #ttnn.buffer_type<dram>
#system_memory = #ttnn.buffer_type<system_memory>
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = ${l1Size}, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 16896 + d1 * 16896 + d2, d3), <1x1>, memref<16896x256xbf16, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 1 + d2, d3), <1x1>, memref<8192x1xbf16, #system_memory>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 1056 + d1 * 1056 + d2, d3), <1x1>, memref<33x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @f(%arg0: tensor<1x1x16896x256xbf16, #in>, %arg1: tensor<32x256x1x1xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x1056x32xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<shard_layout = height_sharded>, conv2d_slice_config = #ttnn.conv2d_slice_config<${slice}>, dilation = array<i32: 1, 1>, groups = 1 : i32, in_channels = 256 : i32, input_height = 132 : i32, input_width = 128 : i32, kernel_size = array<i32: 1, 1>, out_channels = 32 : i32, padding = array<i32: 0, 0>, stride = array<i32: 4, 4>}> : (tensor<1x1x16896x256xbf16, #in>, tensor<32x256x1x1xbf16, #w>, !ttnn.device) -> tensor<1x1x1056x32xbf16, #out>
    return %0 : tensor<1x1x1056x32xbf16, #out>
  }
}
`;

function stridedConvAt(slice: string, l1Size: number, ttMetalDate: string) {
  const a = analyzeDocument(stridedText(slice, l1Size), { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate }).analysis;
  return a.functions[0]!.ops.find((o) => o.op.name === 'ttnn.conv2d')!;
}

function stridedConv(slice: string, l1Size: number) {
  return stridedConvAt(slice, l1Size, '2026-04-10');
}

describe('estimate/conv2d DRAM path: the slice of most L1, not the first (op_slicing compute_L1_usage_for_slice_config)', () => {
  it('<dram_height, 3>: the last slice reads 44 input rows, 262,144 B of resharded input per core (the first, 245,760 B)', () => {
    // 33 rows in 3 slices of 11 (11 cores each). First [0, 11): rows [0, 41) = 5,248 sticks, round_up(5,248, 352) / 11
    // = 480 sticks = 245,760 B. Last [22, 33): rows [88, 132) = 44 rows = 5,632 sticks = 512 per core = 262,144 B.
    const op = stridedConv('dram_height, 3', 1_499_136);
    assert.ok(op.estimate.kind === 'estimate');
    assert.match(op.estimate.factoryReason ?? '', /11 output rows from 44 input rows/);
    assert.match(op.estimate.factoryReason ?? '', /resharded conv input 262,144 B/);
  });

  it("<dram_height, 0> with 318,000 B free: every count's last slice needs 327,168 B, so no count fits (the first of 3 would)", () => {
    // Free L1 = 487,248 − 103,712 base − 65,536 L1_SMALL = 318,000 B. A count's first 3-slice needs 245,760 + 64,000 +
    // 1,024 = 310,784 B (fits). But the last slice of any count, n output rows from row 33 − n, reads input rows
    // [4(33 − n), 132) = 4n rows on n cores: 4n · 128 / n = 512 sticks per core = 262,144 B, + 64,000 + 1,024 = 327,168 B
    // > 318,000 at every count (one slice, the whole conv: 132 · 128 / 33 = 512 too). tt-metal's search sizes every
    // slice from PR #27355 (conv2d_utils.cpp@5702b2d; op_slicing.cpp@4859af0), so it finds none.
    const op = stridedConv('dram_height, 0', 487_248);
    assert.equal(op.estimate.kind, 'illegal');
    assert.match(op.estimate.kind === 'illegal' ? op.estimate.rule : '', /no DRAM slice count fits the 318000 B/);
  });

  it('<dram_height, 0> on a 2026-01-28 build (before PR #35774): the search runs out and keeps its last count, 16', () => {
    // op_slicing.cpp@70d2e23 determine_slice_config reads output_sliced_dim while slice_type is still the DRAM_WIDTH
    // default, so the search is bounded by the output width: OW = (128 − 1) / 4 + 1 = 32, counts 1..(32 + 1) / 2 = 16.
    // num_slices is set to each count before its estimate, and no count fits (the test above: every last slice needs
    // 327,168 > 318,000 B), so the loop ends with num_slices = 16, not 17; no TT_FATAL in this build. run_sliced_op clamps
    // it to the 33 output rows: min(16, 33) = 16 height slices.
    const op = stridedConvAt('dram_height, 0', 487_248, '2026-01-28');
    assert.ok(op.estimate.kind === 'estimate', op.estimate.kind);
    assert.match(op.estimate.factoryReason ?? '', /: 16 output-height slice\(s\) assumed \(none fits/);
  });
});
