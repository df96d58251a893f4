/**
 * conv2d's DRAM auto-slicer decides a count by tt-metal's own per-slice figure from tt-metal PR #33763 (af7d566,
 * 2025-12-17; change point conv2d-dram-slice-fit-by-own-estimate): op_slicing.cpp's determine_slice_config takes the
 * fewest slices whose compute_L1_usage_for_slice_config (the largest Conv2dSliceAttr::get_L1_usage of the count's slices)
 * is at most the allocator's total_free_bytes. get_L1_usage (conv2d.cpp@af7d566, @622c6fb) =
 *   max(halo_input_size + halo_output_size, CBs + OUT + halo_output_size)
 * of calculate_L1_usage_for_conv_op (conv2d_utils.cpp@af7d566, @622c6fb): CBs are get_cb_info's not globally allocated
 * ones with channels aligned by get_input_channels_alignment(…, sliced_op = false, …) — 32 for a tiled input — and the
 * ACT CB always made; OUT the output CB; the halo output calculate_precise_halo_output_elems × 2 B (bf16); the halo input
 * the slice input's shard (determine_input_memory_config with a DRAM buffer: channels aligned to 8) × 2 B. The halo
 * program's own CBs are not counted. Before the change point the model decides by its own per-slice L1 (input + halo +
 * the halo program's CBs; halo + conv output + the run's CBs, channels aligned to 8 for a slice).
 *
 * Every figure below is derived by hand from those functions; the device is Wormhole n150 (8x8), base 103,712 B, tt-mlir's
 * L1_SMALL 64 KiB: free L1 = 1,499,136 − 103,712 − 65,536 = 1,329,888 B.
 */

import { strict as assert } from 'assert';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';

const SYSTEM_DESC = `#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>`;

/** A bf16 conv2d (batch 1, no bias) on a tiled DRAM-interleaved input, height sharded by its config, no slice config. */
function text(o: { h: number; w: number; cIn: number; cOut: number; k: number; s: number; p: number }): string {
  const oh = Math.floor((o.h + 2 * o.p - o.k) / o.s) + 1;
  const ow = Math.floor((o.w + 2 * o.p - o.k) / o.s) + 1;
  const nhw = o.h * o.w;
  const onhw = oh * ow;
  const tiles = (rows: number, c: number) => `${Math.ceil(rows / 32)}x${Math.ceil(c / 32)}`;
  const inT = `tensor<1x1x${nhw}x${o.cIn}xbf16, #in>`;
  const wT = `tensor<${o.cOut}x${o.cIn}x${o.k}x${o.k}xbf16, #w>`;
  const outT = `tensor<1x1x${onhw}x${o.cOut}xbf16, #out>`;
  return `
#dram = #ttnn.buffer_type<dram>
#system_memory = #ttnn.buffer_type<system_memory>
${SYSTEM_DESC}
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * ${nhw} + d1 * ${nhw} + d2, d3), <1x1>, memref<${tiles(nhw, o.cIn)}x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * ${o.cIn * o.k} + d1 * ${o.k} + d2, d3), <1x1>, memref<${o.cOut * o.cIn * o.k}x${o.k}xbf16, #system_memory>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * ${onhw} + d1 * ${onhw} + d2, d3), <1x1>, memref<${tiles(onhw, o.cOut)}x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @conv(%arg0: ${inT}, %arg1: ${wT}, %arg2: !ttnn.device) -> ${outT} {
    %0 = "ttnn.conv2d"(%arg0, %arg1, %arg2) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<shard_layout = height_sharded, enable_kernel_stride_folding = false>, dilation = array<i32: 1, 1>, groups = 1 : i32, in_channels = ${o.cIn} : i32, input_height = ${o.h} : i32, input_width = ${o.w} : i32, kernel_size = array<i32: ${o.k}, ${o.k}>, out_channels = ${o.cOut} : i32, padding = array<i32: ${o.p}, ${o.p}>, stride = array<i32: ${o.s}, ${o.s}>}> : (${inT}, ${wT}, !ttnn.device) -> ${outT}
    return %0 : ${outT}
  }
}
`;
}

function sliceReason(conv: Parameters<typeof text>[0], ttMetalDate: string): string {
  const a = analyzeDocument(text(conv), { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate }).analysis;
  const e = a.functions[0]!.ops.find((o) => o.op.name === 'ttnn.conv2d')!.estimate;
  assert.equal(e.kind, 'estimate', e.kind === 'estimate' ? '' : JSON.stringify(e));
  return e.kind === 'estimate' ? (e.factoryReason ?? '') : '';
}

describe("estimate/conv2d DRAM auto slice count: tt-metal's own slice figure (calculate_L1_usage_for_conv_op)", () => {
  // Case A: 8 → 32 channels, 3x3 s1 p1 on a 1280 x 128 tiled image: tt-metal's figure is larger than the model's own
  // (its CBs see the 8 channels aligned to 32), so it takes more slices. The input is 128 wide (< 200): height slices.
  const narrow = { h: 1280, w: 128, cIn: 8, cOut: 32, k: 3, s: 1, p: 1 };
  // One slice (the whole conv): 1280 x 128 = 163,840 outputs = 5,120 tiles over 64 height cores = 80 tiles (20 output
  // rows) per core, per_core_N = 1, act_block_h = per_core_M = 80 (no override), one act block in h.
  //   tt-metal: C_in aligned to 32 (tiled input, sliced_op false): act_block_w = round_up(32 · 3, 32) = 96 = 3 tiles;
  //     ACT 80 · 3 = 240 + ACT_TILIZED 240 + WEIGHTS 1 · 3 = 3 tiles = 483 · 2,048 + 64 (L1 scratch) = 989,248 B;
  //     OUT 80 · 2,048 = 163,840 B; halo: 20 output rows need (20 + 2) · (128 + 2) = 2,860 padded sticks, in a shard 32
  //     wide (single_slice: the whole input, an L1 buffer, unsliced alignment) · 2 B = 183,040 B; halo input 2,560
  //     sticks · 32 · 2 = 163,840 B. max(163,840 + 183,040, 989,248 + 163,840 + 183,040) = 1,336,128 B > 1,329,888.
  //   The model's own: C_in aligned to 8: act_block_w = round_up(8 · 3, 32) = 32 = 1 tile; ACT 80 + ACT_TILIZED 80 +
  //     WEIGHTS 1 = 161 · 2,048 + 64 = 329,792 B; halo 2,860 · 8 · 2 = 45,760 B; + the output 163,840 B = 539,392 B
  //     (the input phase: 40,960 + 45,760 + the halo program's 8,224 B of CBs, less): fits.
  // Two slices of 640 output rows, each reading 641 input rows (one padding row kept at the image edge): 81,920 outputs =
  // 2,560 tiles = 40 per core (10 rows).
  //   tt-metal: ACT 40 · 3 = 120 + ACT_TILIZED 120 + WEIGHTS 3 = 243 · 2,048 + 64 = 497,728 B; OUT 40 · 2,048 = 81,920 B;
  //     halo (10 + 2) · 130 = 1,560 sticks · 8 (a DRAM-buffer slice: channels aligned to 8) · 2 = 24,960 B; halo input
  //     round_up(641 · 128, 64 · 32) / 64 = 1,312 sticks · 8 · 2 = 20,992 B. max(45,952, 604,608) = 604,608 B: fits.
  it('from PR #33763 (2026-03-30 build): 1,336,128 B at one slice does not fit, 2 slices at 604,608 B do', () => {
    const reason = sliceReason(narrow, '2026-03-30');
    assert.match(
      reason,
      /: 2 output-height slice\(s\) assumed \(the fewest that fit, by tt-metal's own slice figure: 604,608 B against 1,329,888 B free;/,
    );
  });
  it("before PR #33763 (2025-12-16 build) the model's own 539,392 B fits one slice", () => {
    assert.match(sliceReason(narrow, '2025-12-16'), /: 1 output-height slice\(s\) assumed \(the fewest that fit;/);
  });

  // Case B: 336 → 32 channels, 1x1 stride 2 (not a matmul conv) on a 1024 x 128 tiled image → 512 x 64: the input phase
  // decides, where the model adds the halo program's CBs and tt-metal does not, so tt-metal takes fewer slices. 336 is a
  // multiple of 8 (the slice's alignment) and its CBs round it to 11 tiles either way.
  const wide = { h: 1024, w: 128, cIn: 336, cOut: 32, k: 1, s: 2, p: 0 };
  // One slice: the input shard alone, 131,072 / 64 = 2,048 sticks · 336 · 2 = 1,376,256 B > 1,329,888: no fit for either.
  // Two slices of 256 output rows (the first reads input rows 0 .. 510, the second 512 .. 1023): 16,384 outputs = 512
  // tiles = 8 per core (4 output rows of 64).
  //   Halo input: round_up(512 · 128, 64 · 32) / 64 = 1,024 sticks (511 rows round to the same) · 336 · 2 = 688,128 B.
  //   Halo output: 4 output rows at stride 2 span 3 · 2 · 128 + 63 · 2 + 1 = 895 input sticks · 336 · 2 = 601,440 B.
  //   tt-metal: act_block_w = round_up(352 · 1, 32) = 11 tiles (C_in 336 aligned to 32 = 352); ACT 8 · 11 = 88 +
  //     ACT_TILIZED 88 + WEIGHTS 11 = 187 · 2,048 + 64 = 383,040 B; OUT 8 · 2,048 = 16,384 B: 1,000,864 B with the halo,
  //     below the input phase 688,128 + 601,440 = 1,289,568 B ≤ 1,329,888: fits at 2.
  //   The model's own adds the halo program's CBs to the input phase (a tiled input: two 672 B sticks and two untilize
  //     blocks of 2 · 11 tiles): 2 · 672 + 2 · 45,056 = 91,456 B → 1,381,024 B > 1,329,888: it needed a third slice.
  it('from PR #33763 (2026-03-30 build): 2 slices at 1,289,568 B (the input and halo shards; no halo program CBs)', () => {
    const reason = sliceReason(wide, '2026-03-30');
    assert.match(
      reason,
      /: 2 output-height slice\(s\) assumed \(the fewest that fit, by tt-metal's own slice figure: 1,289,568 B against 1,329,888 B free;/,
    );
  });
  it("before PR #33763 (2025-12-16 build) the model's own 1,381,024 B at 2 slices does not fit: 3", () => {
    assert.match(sliceReason(wide, '2025-12-16'), /: 3 output-height slice\(s\) assumed \(the fewest that fit;/);
  });
});
