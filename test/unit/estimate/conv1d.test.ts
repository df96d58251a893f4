/**
 * ttnn.conv1d as the conv2d tt-metal runs for it (tt-metal conv1d.cpp@5cd3a45: a [N, 1, L, C] image, kernel (1, K),
 * stride (1, s), padding left/right, dilation (1, d); tt-mlir TTNNOps.td@19c86fc TTNN_Conv1dOp). The conv1d and the
 * height-1 conv2d written by hand are in one fixture; the figure is hand arithmetic from get_cb_info, written out below.
 */

import { strict as assert } from 'assert';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import type { OpEstimate } from '../../../server/src/estimate/types';

// A 1024-long, 64 -> 64 channel conv1d, k3 s1 padding [1, 1], bias, L1 interleaved tiled input and result, height sharded
// by its conv2d_config; @as_conv2d is the conv2d tt-metal's conv1d calls (input_height 1, input_width 1024, kernel 1x3,
// padding 0 top/bottom and 1 left/right in tt-mlir's (top, left, bottom, right) order).
const FIXTURE = `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
#in3 = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 1024 + d1, d2), <1x1>, memref<32x2x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
#in4 = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 1024 + d1 * 1024 + d2, d3), <1x1>, memref<32x2x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
#indram = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 1024 + d1, d2), <1x1>, memref<32x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#w3 = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 64 + d1, d2), <1x1>, memref<4096x3xbf16, #dram>, <interleaved>>
#w4 = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 64 + d1 * 64 + d2, d3), <1x1>, memref<4096x3xbf16, #dram>, <interleaved>>
#b = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 1024 + d1 * 1024 + d2, d3), <1x1>, memref<32x2x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
#outdram = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 1024 + d1 * 1024 + d2, d3), <1x1>, memref<32x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @as_conv1d(%arg0: tensor<1x1024x64xbf16, #in3>, %arg1: tensor<64x64x3xbf16, #w3>, %arg2: tensor<1x1x1x64xbf16, #b>, %arg3: !ttnn.device) -> tensor<1x1x1024x64xbf16, #out> {
    %0 = "ttnn.conv1d"(%arg0, %arg1, %arg2, %arg3) <{batch_size = 1 : i32, dilation = 1 : i32, groups = 1 : i32, in_channels = 64 : i32, input_length = 1024 : i32, kernel_size = 3 : i32, out_channels = 64 : i32, padding = array<i32: 1, 1>, stride = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, shard_layout = height_sharded>}> : (tensor<1x1024x64xbf16, #in3>, tensor<64x64x3xbf16, #w3>, tensor<1x1x1x64xbf16, #b>, !ttnn.device) -> tensor<1x1x1024x64xbf16, #out>
    return %0 : tensor<1x1x1024x64xbf16, #out>
  }
  func.func @as_conv2d(%arg0: tensor<1x1x1024x64xbf16, #in4>, %arg1: tensor<64x64x1x3xbf16, #w4>, %arg2: tensor<1x1x1x64xbf16, #b>, %arg3: !ttnn.device) -> tensor<1x1x1024x64xbf16, #out> {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2, %arg3) <{batch_size = 1 : i32, dilation = array<i32: 1, 1>, groups = 1 : i32, in_channels = 64 : i32, input_height = 1 : i32, input_width = 1024 : i32, kernel_size = array<i32: 1, 3>, out_channels = 64 : i32, padding = array<i32: 0, 1, 0, 1>, stride = array<i32: 1, 1>, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, shard_layout = height_sharded>}> : (tensor<1x1x1024x64xbf16, #in4>, tensor<64x64x1x3xbf16, #w4>, tensor<1x1x1x64xbf16, #b>, !ttnn.device) -> tensor<1x1x1024x64xbf16, #out>
    return %0 : tensor<1x1x1024x64xbf16, #out>
  }
  func.func @dram_conv1d(%arg0: tensor<1x1024x64xbf16, #indram>, %arg1: tensor<64x64x3xbf16, #w3>, %arg2: !ttnn.device) -> tensor<1x1x1024x64xbf16, #outdram> {
    %0 = "ttnn.conv1d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, dilation = 1 : i32, groups = 1 : i32, in_channels = 64 : i32, input_length = 1024 : i32, kernel_size = 3 : i32, out_channels = 64 : i32, padding = array<i32: 1, 1>, stride = 1 : i32}> : (tensor<1x1024x64xbf16, #indram>, tensor<64x64x3xbf16, #w3>, !ttnn.device) -> tensor<1x1x1024x64xbf16, #outdram>
    return %0 : tensor<1x1x1024x64xbf16, #outdram>
  }
  func.func @dram_height_conv1d(%arg0: tensor<1x1024x64xbf16, #indram>, %arg1: tensor<64x64x3xbf16, #w3>, %arg2: !ttnn.device) -> tensor<1x1x1024x64xbf16, #outdram> {
    %0 = "ttnn.conv1d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_slice_config = #ttnn.conv2d_slice_config<dram_height, 2>, dilation = 1 : i32, groups = 1 : i32, in_channels = 64 : i32, input_length = 1024 : i32, kernel_size = 3 : i32, out_channels = 64 : i32, padding = array<i32: 1, 1>, stride = 1 : i32}> : (tensor<1x1024x64xbf16, #indram>, tensor<64x64x3xbf16, #w3>, !ttnn.device) -> tensor<1x1x1024x64xbf16, #outdram>
    return %0 : tensor<1x1x1024x64xbf16, #outdram>
  }
}
`;

function resultOf(fn: string, ttMetalDate = '2026-08-20') {
  const a = analyzeDocument(FIXTURE, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate, arch: 'wormhole_b0' }).analysis;
  const f = a.functions.find((x) => x.fn.name === `@${fn}`);
  assert.ok(f !== undefined, fn);
  return f.ops.find((o) => o.op.name.startsWith('ttnn.conv'))!.estimate;
}

function estimateOf(fn: string, ttMetalDate = '2026-08-20'): OpEstimate {
  const e = resultOf(fn, ttMetalDate);
  assert.equal(e.kind, 'estimate', e.kind === 'estimate' ? '' : `${e.kind}: ${'reason' in e ? e.reason : ''}`);
  return e as OpEstimate;
}

describe('estimate/conv1d (the height-1 conv2d tt-metal runs)', () => {
  it('gets the CBs and L1 tensors of the equivalent conv2d written by hand', () => {
    const c1 = estimateOf('as_conv1d');
    const c2 = estimateOf('as_conv2d');
    const cbs = (e: OpEstimate) => e.cbs.map((c) => [c.role, c.nPages, c.pageBytes]);
    assert.deepEqual(cbs(c1), cbs(c2));
    assert.equal(c1.cbBytesSummedOverRanges, c2.cbBytesSummedOverRanges);
    assert.equal(c1.nCoresUsed, c2.nCoresUsed);
    // The same tensors and the same writer CBs; the writer's name is the op's (conv1d's factory names itself).
    const tensors = (e: OpEstimate) =>
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram, t.writerProgram?.cbBytesPerCore]);
    assert.deepEqual(tensors(c1), tensors(c2));
    assert.match(c1.factory, /conv1d/);
  });

  it('hand figure: L 1024, 64 → 64, k3 p[1,1], bias, height sharded on 32 cores: 53,312 B of CBs', () => {
    // conv2d of 1x1024, kernel 1x3 (conv1d.cpp@5cd3a45). NHW_t = 1024/32 = 32; the largest d ≤ 64 cores whose padding of
    // 32 is < one share is 32 (divides) → 32 cores, per_core_M = 1 tile, per_core_N = 64/32 = 2 tiles.
    // C_align 32 (tiled L1 input) → C_in_pad 64; act_block_w = round_up(64·kW 3, 32)/32 = 6 tiles; act_block_h = 1.
    // get_cb_info: WEIGHTS 2·6 = 12 (one act block in h, no double buffer), ACT 1·6 = 6 (one tile row: no split
    // reader), ACT_TILIZED 6, BIAS per_core_N = 2; MATMUL_PARTIALS and OUT are tensor-backed (bf16 tile output).
    // (12 + 6 + 6 + 2) · 2,048 + 64 (L1_ARRAY) = 53,248 + 64 = 53,312 B.
    // (Mapping L onto the height, as builds before PR #34957 did, gives act_block_w = round_up(64·1, 32)/32 = 2 instead.)
    const e = estimateOf('as_conv1d');
    assert.equal(e.cbBytesSummedOverRanges, 53_312);
    assert.equal(e.nCoresUsed, 32);
    // L1 tensors (conv2d.cpp@645aa76 order): reshard round_up(1024, 32·32)/32 = 32 rows · 64 ch = 2 tiles = 4,096 B;
    // halo: 32 outputs per core over a 1x1026 padded row, span 31 + 3 = 34 sticks · 64 ch · 2 B = 4,352 B; the L1
    // interleaved result is a copy, so the 1x2-tile sharded output (4,096 B) is held while the conv runs.
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore]),
      [
        ['resharded conv input', 4_096],
        ['halo output', 4_352],
        ['conv output shard', 4_096],
      ],
    );
  });

  it('a DRAM input without a slice config: L1_FULL before tt-metal PR #47927, the DRAM path (width slices) after', () => {
    const before = estimateOf('dram_conv1d', '2026-06-01');
    assert.doesNotMatch(before.factoryReason, /DRAM path/);
    const after = estimateOf('dram_conv1d', '2026-08-20');
    assert.match(after.factoryReason, /DRAM path .*output-width slice/);
  });

  it('from PR #33763 a tiled conv1d output is width-sliced in 32-column groups, a row-major one by single columns', () => {
    // op_slicing.cpp (index id 56161219110): compute_slice_rounding_value is TILE_HEIGHT for a TILE output sliced by
    // width (slice_write writes whole tiles), 1 otherwise; a height-1 output's height guess has one slice (the whole
    // conv), so the count is searched along the width. A 65,536-long, 512 → 512 k3 conv1d: its input alone is
    // 65,536 · 512 · 2 B = 64 MiB, 1 MiB a core over 64, so it is sliced; 65,536 / 32 = 2,048 column groups.
    const text = (layout: string) => `
#dram = #ttnn.buffer_type<dram>
#in = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 65536 + d1, d2), <1x1>, memref<2048x16x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 512 + d1, d2), <1x1>, memref<262144x3xbf16, #dram>, <interleaved>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 65536 + d1 * 65536 + d2, d3), <1x1>, memref<2048x16x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @long(%arg0: tensor<1x65536x512xbf16, #in>, %arg1: tensor<512x512x3xbf16, #w>, %arg2: !ttnn.device) -> tensor<1x1x65536x512xbf16, #out> {
    %0 = "ttnn.conv1d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<output_layout = ${layout}>, dilation = 1 : i32, groups = 1 : i32, in_channels = 512 : i32, input_length = 65536 : i32, kernel_size = 3 : i32, out_channels = 512 : i32, padding = array<i32: 1, 1>, stride = 1 : i32}> : (tensor<1x65536x512xbf16, #in>, tensor<512x512x3xbf16, #w>, !ttnn.device) -> tensor<1x1x65536x512xbf16, #out>
    return %0 : tensor<1x1x65536x512xbf16, #out>
  }
}
`;
    const reasonOf = (layout: string, date: string) => {
      const a = analyzeDocument(text(layout), { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: date, arch: 'wormhole_b0' });
      const e = a.analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.conv1d')!.estimate;
      return e.kind === 'estimate' ? (e.factoryReason ?? '') : e.kind;
    };
    const tiled = /: (\d+) output-width slice\(s\) of 32-column groups/.exec(reasonOf('tile', '2026-08-20'));
    assert.ok(tiled !== null, 'tiled: width slices of 32-column groups');
    assert.ok(Number(tiled[1]) > 1 && Number(tiled[1]) <= 2_048);
    const rowMajor = reasonOf('row_major', '2026-08-20');
    assert.match(rowMajor, /: \d+ output-width slice\(s\) assumed/);
    assert.doesNotMatch(rowMajor, /column groups/);
  });

  it('an explicit dram_height slice config is illegal (tt-metal conv1d.cpp: "Conv1D does not support DRAM_HEIGHT slicing")', () => {
    const r = resultOf('dram_height_conv1d');
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /DRAM_HEIGHT/);
  });
});
