/**
 * The programs conv2d_L1 runs around the conv (conv2d.cpp / conv2d_utils.cpp@de47eb4, the same at cb11809): the
 * input's reshard (shard_or_reshard_tensor_if_required: create the sharded tensor, then ttnn::to_memory_config into
 * it), the matmul conv's reasons to reshard an input already sharded (get_conv_padded_input_shape_and_mem_config,
 * change points conv2d-mm-reshard-block-channels and conv2d-mm-reshard-shard-height-tile), and the copy of the conv
 * output to the requested memory config. Expected figures are hand arithmetic from those functions and from the
 * to_memory_config factories (interleaved_to_sharded, the same-width reshard, sharded_to_interleaved), written out below.
 */

import { strict as assert } from 'assert';
import { analyzed } from '../../support/checks';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';

const SYSTEM_DESC = `#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>`;

const HEIGHT_49 = `<49x1, virt_to_physical_map = (d0, d1) -> (0, d0 floordiv 8, d0 mod 8), physical_to_virt_map = (d0, d1, d2) -> (d1 * 8 + d2, 0)>`;
const HEIGHT_56 = `<56x1, virt_to_physical_map = (d0, d1) -> (0, d0 floordiv 8, d0 mod 8), physical_to_virt_map = (d0, d1, d2) -> (d1 * 8 + d2, 0)>`;

/** The function's one conv2d estimate (any kind) on a build of `date`. */
function convResult(src: string, date: string): OpEstimateResult {
  const [estimate] = analyzed(src, { ttMetalDate: date }).analysis.functions[0]!.ops.map((o) => o.estimate);
  assert.ok(estimate !== undefined);
  return estimate;
}

function conv(src: string, date: string): OpEstimate {
  const e = convResult(src, date);
  assert.ok(e.kind === 'estimate', JSON.stringify(e).slice(0, 300));
  return e;
}

// VoVNet's stage-1 depthwise conv (convShardedSpan.test.ts) with its input L1 interleaved instead of sharded:
// 1x112x112x64 bf16 tiled, groups 64, 3x3 stride 2 pad 1 → 56x56x64, shard_layout height_sharded.
const depthwise = (result: 'l1' | 'dram') => `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
${SYSTEM_DESC}
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 576 + d1 * 576 + d2, d3), <1x1>, memref<18x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 12544 + d1 * 12544 + d2, d3), <8x8>, memref<392x2x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
#out = ${
  result === 'l1'
    ? `#ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), ${HEIGHT_49}, memref<2x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>`
    : `#ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), <1x1>, memref<98x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>`
}
module attributes {ttcore.system_desc = #system_desc} {
  func.func @dw(%arg0: tensor<1x1x12544x64xbf16, #in>, %arg1: tensor<1x1x576x64xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x3136x64xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, deallocate_activation = false, act_block_h_override = 0, shard_layout = height_sharded, enable_kernel_stride_folding = false, config_tensors_in_dram = true>, conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 64 : i32, in_channels = 64 : i32, input_height = 112 : i32, input_width = 112 : i32, kernel_size = array<i32: 3, 3>, out_channels = 64 : i32, padding = array<i32: 1, 1, 1, 1>, stride = array<i32: 2, 2>}> : (tensor<1x1x12544x64xbf16, #in>, tensor<1x1x576x64xbf16, #w>, !ttnn.device) -> tensor<1x1x3136x64xbf16, #out>
    return %0 : tensor<1x1x3136x64xbf16, #out>
  }
}
`;

// determine_parallel_config (height): 56 · 56 = 3,136 output rows = 98 tiles; the most cores ≤ 64 whose padding of 98
// is under one share is 49 (2 tiles each; 50..64 cores take 2 tiles each and pad 2n − 98 ≥ 2). The input shard: 12,544
// rows padded to 49 · 32 = 1,568 (already a multiple: 8 · 1,568) → 256 rows × 64 channels = 8 × 2 tiles, 32,768 B. The
// conv program on 49 cores is the 56-core one of convShardedSpan.test.ts (per_core_M 2 tiles, per_core_N 2, act block
// 2 × 6 tiles, one reader): 73,920 B of CBs.
describe('estimate/conv2d input reshard (interleaved_to_sharded) inside read span conv2d-sharded-program-2026-spring', () => {
  // interleaved_to_sharded of a bf16 tiled L1 input into a height-sharded L1 shard: c_0 is the output shard itself
  // (bound), and from tt-metal PR #33905 (2026-02-03) the c_1 alignment scratch of four pages of align(2,048 + 32, 32)
  // = 2,080 B: 8,320 B, checked while the input and the new 32,768 B shard are both allocated.
  it("the reshard program is the resharded input's writer: 8,320 B of CBs; the conv 73,920 B, exact", () => {
    const e = conv(depthwise('l1'), '2026-04-10');
    assert.equal(e.cbBytesPerCore, 73_920);
    const resharded = e.l1Intermediates?.find((t) => t.role === 'resharded conv input');
    assert.equal(resharded?.bytesPerCore, 32_768);
    assert.equal(resharded?.writerProgram?.cbBytesPerCore, 8_320);
    assert.match(resharded?.writerProgram?.name ?? '', /InterleavedToSharded/);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.includes('interleaved_to_sharded_program_factory.cpp')));
  });

  // A DRAM interleaved result: the conv's 49-core output shard (2 × 2 tiles, 8,192 B) is held while it runs, then
  // sharded_to_interleaved copies it out, its one CB c_0 bound to that shard (same dtype): 0 B, exact.
  it('a DRAM result: the copy is sharded_to_interleaved on the bound shard, exact', () => {
    const e = conv(depthwise('dram'), '2026-04-10');
    assert.equal(e.cbBytesPerCore, 73_920);
    assert.equal(e.l1Intermediates?.find((t) => t.role === 'conv output shard')?.bytesPerCore, 8_192);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.includes('sharded_to_interleaved_program_factory.cpp')));
  });

  it('outside the span (2026-03-01) the same figures stay approx', () => {
    const e = conv(depthwise('l1'), '2026-03-01');
    assert.equal(e.cbBytesPerCore, 73_920);
    assert.equal(e.confidence, 'approx');
  });
});

// VoVNet's 1x1 conv (vovnet_cpp_dp ttnn_1780078440058.mlir line 1935): batch 4, 28x28x256 → 160, bf16, its input
// row-major and height sharded on 56 cores of 3,136 / 56 = 56 rows, the result on 49 cores (2 × 5 tiles).
const matmulConv = (config: string) => `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
${SYSTEM_DESC}
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <1x1>, memref<8x5x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#b = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x5x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), ${HEIGHT_56}, memref<56x256xbf16, #l1>, <height_sharded>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), ${HEIGHT_49}, memref<2x5x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @mm(%arg0: tensor<1x1x3136x256xbf16, #in>, %arg1: tensor<1x1x256x160xbf16, #w>, %arg2: tensor<1x1x1x160xbf16, #b>, %arg3: !ttnn.device) -> tensor<1x1x3136x160xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2, %arg3) <{batch_size = 4 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, deallocate_activation = false, act_block_h_override = 0${config}, enable_kernel_stride_folding = false, config_tensors_in_dram = true>, conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 1 : i32, in_channels = 256 : i32, input_height = 28 : i32, input_width = 28 : i32, kernel_size = array<i32: 1, 1>, out_channels = 160 : i32, padding = array<i32: 0, 0, 0, 0>, stride = array<i32: 1, 1>}> : (tensor<1x1x3136x256xbf16, #in>, tensor<1x1x256x160xbf16, #w>, tensor<1x1x1x160xbf16, #b>, !ttnn.device) -> tensor<1x1x3136x160xbf16, #out>
    return %0 : tensor<1x1x3136x160xbf16, #out>
  }
}
`;

describe('estimate/conv2d: a matmul conv reshards a sharded input whose shard height is not a tile multiple (PR #31210)', () => {
  // From PR #31210 (2025-11-06) the 56-row shards are resharded to shard_layout height_sharded: the matmul conv's
  // determine_parallel_config over 3,136 rows = 98 tiles picks 49 cores (2 tiles each), so the input shard is 3,136
  // padded to 49 · 32 = 1,568 (twice) over 49 = 64 rows × 256 channels · 2 B = 32,768 B, row-major; the tilized input
  // beside it is 2 × 8 tiles = 32,768 B. The conv's output is then the result's 49-core config itself.
  it('2026-04-10: resharded to 49 cores (a 32,768 B row-major input shard), the result the conv output', () => {
    const e = conv(matmulConv(', shard_layout = height_sharded'), '2026-04-10');
    assert.match(e.factory, /MatmulMultiCoreReuseMultiCast1D/);
    assert.equal(e.l1Intermediates?.find((t) => t.role === 'resharded conv input')?.bytesPerCore, 32_768);
    assert.equal(e.l1Intermediates?.find((t) => t.role === 'tilized conv input')?.bytesPerCore, 32_768);
    assert.equal(
      e.l1Intermediates?.find((t) => t.role === 'conv output shard'),
      undefined,
    );
    // The row-major height → height reshard (56 → 64-row shards of 256 · 2 = 512 B rows, a multiple of the 16 B L1
    // alignment) is the same-width factory, c_0 bound to the output shard and no scratch: 0 B, exact (read span
    // reshard-rm-same-width). The tilize after it (session 31, read span conv2d-mm-height-sharded-tilize-2026-spring):
    // 3,136 rows = 98 tiles and 256 channels = 8 tiles need no padding, the 64 × 256 shards are whole tiles, so
    // to_layout calls ttnn::tilize into the same memory config → TilizeMultiCoreShardedProgramFactory, c_0 and c_16
    // bound to the two shards (0 B): exact.
    const resharded = e.l1Intermediates?.find((t) => t.role === 'resharded conv input');
    assert.match(resharded?.writerProgram?.name ?? '', /ReshardSameWidthFactory/);
    assert.equal(resharded?.writerProgram?.cbBytesPerCore, 0);
    assert.equal(e.confidence, 'exact', e.approxReason);
    assert.ok(e.citations.some((c) => c.startsWith('read span conv2d-mm-height-sharded-tilize-2026-spring')));
    // Outside the span (2026-05-10) the tilize is not read.
    const later = conv(matmulConv(', shard_layout = height_sharded'), '2026-05-10');
    assert.equal(later.confidence, 'approx');
  });

  // VoVNet's 14x14x512 → 192 conv (line 2006 of the same dump): 4 · 14 · 14 = 784 rows on 49 cores of 16, resharded
  // to 25 cores of 32 rows (784 = 24.5 tiles). 784 rows are not whole tiles, so to_layout pads (ttnn::pad of the
  // height-sharded tensor, then tilize): not read, approx.
  it('2026-04-10: a tilize that must pad 784 rows to 800 stays approx', () => {
    const src = matmulConv(', shard_layout = height_sharded')
      .replaceAll('3136', '784')
      .replaceAll('x256', 'x512')
      .replace('memref<56x512xbf16', 'memref<16x512xbf16')
      .replace(HEIGHT_56, HEIGHT_49)
      .replace('memref<8x5x!ttcore', 'memref<16x6x!ttcore')
      .replace('memref<1x5x!ttcore', 'memref<1x6x!ttcore')
      .replace('memref<2x5x!ttcore', 'memref<1x6x!ttcore')
      .replaceAll('x160', 'x192')
      .replace('in_channels = 256', 'in_channels = 512')
      .replace('out_channels = 160', 'out_channels = 192')
      .replace('input_height = 28', 'input_height = 14')
      .replace('input_width = 28', 'input_width = 14')
      .replace('d0 * 256 + d1 * 256', 'd0 * 512 + d1 * 512');
    const e = conv(src, '2026-04-10');
    // The resharded input: 32 rows × 512 channels × 2 B = 32,768 B per core.
    assert.equal(e.l1Intermediates?.find((t) => t.role === 'resharded conv input')?.bytesPerCore, 32 * 512 * 2);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /tilized before the matmul/);
  });

  // Before the PR the 56-row shards were kept (the tilized input 56 → 64 rows, 2 × 8 tiles = 32,768 B) and no reshard.
  it('2025-10-01: the 56-core shards kept, no resharded input', () => {
    const e = conv(matmulConv(', shard_layout = height_sharded'), '2025-10-01');
    assert.equal(
      e.l1Intermediates?.find((t) => t.role === 'resharded conv input'),
      undefined,
    );
    assert.equal(e.l1Intermediates?.find((t) => t.role === 'tilized conv input')?.bytesPerCore, 32_768);
  });

  // With no shard_layout the reshard asks determine_parallel_config for the default TensorMemoryLayout, INTERLEAVED,
  // which it throws on.
  it('2026-04-10 with no shard_layout: rejected (determine_parallel_config throws)', () => {
    const e = convResult(matmulConv(''), '2026-04-10');
    assert.equal(e.kind, 'illegal');
    assert.match(e.kind === 'illegal' ? e.rule : '', /Height, Block or Width Sharded Layouts/);
  });
});

// A 1x1 conv of 16x16x80 → 64, bf16 tiled, its input block sharded on 2 NHW × 3 channel cores of 4 × 1 tiles: the
// channel cores' shards hold 3 · 32 = 96 channels, not C_in = 80.
const blockMatmulConv = `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
${SYSTEM_DESC}
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 80 + d1 * 80 + d2, d3), <1x1>, memref<3x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <2x3, virt_to_physical_map = (d0, d1) -> (0, d0, d1), physical_to_virt_map = (d0, d1, d2) -> (d1, d2)>, memref<4x1x!ttcore.tile<32x32, bf16>, #l1>, <block_sharded>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <1x1>, memref<8x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @mm(%arg0: tensor<1x1x256x80xbf16, #in>, %arg1: tensor<1x1x80x64xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x256x64xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, shard_layout = block_sharded>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 1 : i32, in_channels = 80 : i32, input_height = 16 : i32, input_width = 16 : i32, kernel_size = array<i32: 1, 1>, out_channels = 64 : i32, padding = array<i32: 0, 0, 0, 0>, stride = array<i32: 1, 1>}> : (tensor<1x1x256x80xbf16, #in>, tensor<1x1x80x64xbf16, #w>, !ttnn.device) -> tensor<1x1x256x64xbf16, #out>
    return %0 : tensor<1x1x256x64xbf16, #out>
  }
}
`;

describe('estimate/conv2d: a block-sharded matmul-conv input whose channel shards miss C_in is resharded (PR #27767)', () => {
  it('from 2025-09-05 the input is resharded block sharded; before, its 2 × 3 shards were kept', () => {
    const after = conv(blockMatmulConv, '2025-09-10');
    assert.ok(after.l1Intermediates?.some((t) => t.role === 'resharded conv input'));
    assert.match(after.factory, /matmul/);
    const before = conv(blockMatmulConv, '2025-09-01');
    assert.equal(
      before.l1Intermediates?.find((t) => t.role === 'resharded conv input'),
      undefined,
    );
  });
});

// The depthwise conv above with its weights on the host ([64, 1, 3, 3] bf16 in system memory), the input already
// height sharded on 49 cores (8 × 2 tiles each) and the result the conv's own 49-core output.
const hostWeights = `
#l1 = #ttnn.buffer_type<l1>
#system_memory = #ttnn.buffer_type<system_memory>
${SYSTEM_DESC}
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 9 + d1 * 9 + d2 * 3, d3), <1x1>, memref<576x3xbf16, #system_memory>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 12544 + d1 * 12544 + d2, d3), ${HEIGHT_49}, memref<8x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), ${HEIGHT_49}, memref<2x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @dw(%arg0: tensor<1x1x12544x64xbf16, #in>, %arg1: tensor<64x1x3x3xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x3136x64xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, act_block_h_override = 0, shard_layout = height_sharded>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 64 : i32, in_channels = 64 : i32, input_height = 112 : i32, input_width = 112 : i32, kernel_size = array<i32: 3, 3>, out_channels = 64 : i32, padding = array<i32: 1, 1, 1, 1>, stride = array<i32: 2, 2>}> : (tensor<1x1x12544x64xbf16, #in>, tensor<64x1x3x3xbf16, #w>, !ttnn.device) -> tensor<1x1x3136x64xbf16, #out>
    return %0 : tensor<1x1x3136x64xbf16, #out>
  }
}
`;

// PR #16750 (5a2c003f1f, 2025-02-22) made Conv2dConfig.preprocess_weights_on_device default to true, so host weights
// were prepared by device programs inside conv2d; its revert PR #18203 (190547b5dc, 2025-02-24) ended that.
describe('estimate/conv2d: host weights prepared on the device between PR #16750 and its revert', () => {
  it('a 2025-02-23 build says so (approx); 2025-02-21 and 2025-02-24 builds do not', () => {
    assert.match(conv(hostWeights, '2025-02-23').approxReason, /prepared on the device.*#16750.*#18203/);
    assert.doesNotMatch(conv(hostWeights, '2025-02-21').approxReason, /prepared on the device/);
    assert.doesNotMatch(conv(hostWeights, '2025-02-24').approxReason, /prepared on the device/);
  });
});

// A 3-channel row-major L1 interleaved image (1x32x32x3 bf16) into a height-sharded 3x3 conv to 32 channels. A
// non-matmul height conv of a row-major input aligns C_in to 8 (half the 16 B L1 alignment, in bf16 elements), so the
// reshard writes 8-channel rows from 3-channel ones. interleaved_to_sharded sizes its pages and scratch by the shard
// width alone (input_unit_size = shard_spec.shape[1] · element_size at every commit read, 2025-01-08 … 622c6fb, 73 commits; the
// reader copies num_units_per_row = 3 · 2 B of each row), so the narrow rows change no CB.
const narrowRows = `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
${SYSTEM_DESC}
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 288 + d1 * 288 + d2, d3), <1x1>, memref<9x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 1024 + d1 * 1024 + d2, d3), <8x8>, memref<1024x3xbf16, #l1>, <interleaved>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 1024 + d1 * 1024 + d2, d3), <1x1>, memref<32x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @f(%arg0: tensor<1x1x1024x3xbf16, #in>, %arg1: tensor<1x1x288x32xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x1024x32xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, act_block_h_override = 0, shard_layout = height_sharded>, conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 1 : i32, in_channels = 3 : i32, input_height = 32 : i32, input_width = 32 : i32, kernel_size = array<i32: 3, 3>, out_channels = 32 : i32, padding = array<i32: 1, 1, 1, 1>, stride = array<i32: 1, 1>}> : (tensor<1x1x1024x3xbf16, #in>, tensor<1x1x288x32xbf16, #w>, !ttnn.device) -> tensor<1x1x1024x32xbf16, #out>
    return %0 : tensor<1x1x1024x32xbf16, #out>
  }
}
`;

describe('estimate/conv2d: a row-major input narrower than its shards', () => {
  // 32 · 32 = 1,024 output rows = 32 tiles over 32 cores (1 tile each); the resharded input shard: 1,024 / 32 = 32 rows
  // of 8 channels · 2 B = 512 B. I2S unit = 8 · 2 = 16 B; c_0 is the L1 shard itself (bound, 0 B); c_1 scratch of 4
  // pages: from tt-metal PR #33905 (2026-02-03) align(16 + 32, 32) = 64 B → 256 B, before it align(16, 32) = 32 B →
  // 128 B.
  it('2026-04-10: the reshard is interleaved_to_sharded, 256 B of CBs; the conv exact', () => {
    const e = conv(narrowRows, '2026-04-10');
    assert.equal(e.confidence, 'exact');
    const resharded = e.l1Intermediates?.find((t) => t.role === 'resharded conv input');
    assert.equal(resharded?.bytesPerCore, 512);
    assert.match(resharded?.writerProgram?.name ?? '', /InterleavedToSharded/);
    assert.equal(resharded?.writerProgram?.cbBytesPerCore, 256);
  });

  it('2026-01-10 (before PR #33905): the scratch is 4 · 32 = 128 B; the conv exact', () => {
    const e = conv(narrowRows, '2026-01-10');
    assert.equal(e.confidence, 'exact');
    assert.equal(e.l1Intermediates?.find((t) => t.role === 'resharded conv input')?.writerProgram?.cbBytesPerCore, 128);
  });
});

// The depthwise conv above twice on one L1 interleaved input, the first into the L1 height-sharded result, the second
// into DRAM: both reshard the input into the same 49-core shard, so the second conv's reshard step is the first's,
// remembered (conv2d.ts `convSteps`).
const twoDepthwise = `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
${SYSTEM_DESC}
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 576 + d1 * 576 + d2, d3), <1x1>, memref<18x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 12544 + d1 * 12544 + d2, d3), <8x8>, memref<392x2x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
#outl1 = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), ${HEIGHT_49}, memref<2x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>
#outdram = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 3136 + d1 * 3136 + d2, d3), <1x1>, memref<98x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @dw(%arg0: tensor<1x1x12544x64xbf16, #in>, %arg1: tensor<1x1x576x64xbf16, #w>, %arg2: !ttnn.device) -> (tensor<1x1x3136x64xbf16, #outl1>, tensor<1x1x3136x64xbf16, #outdram>) {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, deallocate_activation = false, act_block_h_override = 0, shard_layout = height_sharded, enable_kernel_stride_folding = false, config_tensors_in_dram = true>, conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 64 : i32, in_channels = 64 : i32, input_height = 112 : i32, input_width = 112 : i32, kernel_size = array<i32: 3, 3>, out_channels = 64 : i32, padding = array<i32: 1, 1, 1, 1>, stride = array<i32: 2, 2>}> : (tensor<1x1x12544x64xbf16, #in>, tensor<1x1x576x64xbf16, #w>, !ttnn.device) -> tensor<1x1x3136x64xbf16, #outl1>
    %1 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, deallocate_activation = false, act_block_h_override = 0, shard_layout = height_sharded, enable_kernel_stride_folding = false, config_tensors_in_dram = true>, conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, dtype = #ttcore.supportedDataTypes<bf16>, groups = 64 : i32, in_channels = 64 : i32, input_height = 112 : i32, input_width = 112 : i32, kernel_size = array<i32: 3, 3>, out_channels = 64 : i32, padding = array<i32: 1, 1, 1, 1>, stride = array<i32: 2, 2>}> : (tensor<1x1x12544x64xbf16, #in>, tensor<1x1x576x64xbf16, #w>, !ttnn.device) -> tensor<1x1x3136x64xbf16, #outdram>
    return %0, %1 : tensor<1x1x3136x64xbf16, #outl1>, tensor<1x1x3136x64xbf16, #outdram>
  }
}
`;

describe('estimate/conv2d: a remembered reshard step splits the build window as a fresh one does', () => {
  // Builds of 2026-02 straddle tt-metal PR #33905 (2026-02-03, change point i2s-scratch-dram-padded), which only the
  // reshard step asks about: interleaved_to_sharded's c_1 scratch is four pages of align(2,048, 32) = 2,048 B, 8,192 B,
  // before it, and of align(2,048 + 32, 32) = 2,080 B, 8,320 B, from it.
  it('both convs: the window split on 2026-02-03, the reshard 8,192 B before and 8,320 B from it', () => {
    const ops = analyzed(twoDepthwise, { ttMetalDate: '2026-02' }).analysis.functions[0]!.ops;
    const convs = ops.filter((o) => o.op.name === 'ttnn.conv2d').map((o) => o.estimate);
    assert.equal(convs.length, 2);
    for (const [i, e] of convs.entries()) {
      assert.ok(e?.kind === 'estimate', `conv ${i}`);
      assert.ok(e.versionRange?.changePoints.includes('i2s-scratch-dram-padded'), `conv ${i}`);
      const reshardBytes = (from: boolean): number | undefined =>
        e.versionRange?.figures
          .find((f) => (from ? f.window.earliest >= '2026-02-03' : f.window.latest < '2026-02-03'))
          ?.l1Intermediates?.find((t) => t.role === 'resharded conv input')?.writerProgram?.cbBytesPerCore;
      assert.equal(reshardBytes(false), 8_192, `conv ${i} before`);
      assert.equal(reshardBytes(true), 8_320, `conv ${i} from`);
    }
  });
});
