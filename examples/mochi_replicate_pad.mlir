// Mochi/CogVideoX causal Conv3d (tt-xla, 2025-12): F.pad(x, (1, 1, 1, 1, 2, 0), mode="replicate") on a
// 1x768x4x60x106 bf16 activation, lowered by tt-mlir to a gather -> embedding workaround (tt-mlir issue #6536).
// At run time tt-metal threw on %9 with:
//   Statically allocated circular buffers on core range [(x=7,y=6) - (x=7,y=6)] grow to 9990400 B
//   which is beyond max L1 size of 1499136 B
// Reconstructed from the shapes, op order and locations in the original debug log (see README). The gather indices
// [[0, 0, 0, 1, 2, 3]] are a constant hoisted into a const-eval function and loaded with ttcore.load_cached, as the
// tt-mlir of the time printed it (`attributes {const_eval}`, before tt-mlir PR #6502; shared/corpus r18_loc.mlir).
#dram = #ttnn.buffer_type<dram>
#loc = loc(unknown)
#loc1 = loc("p0.x")
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 102656, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#ttnn_layout = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<648x24x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#ttnn_layout1 = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x24x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#ttnn_layout2 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 184320 + d1 * 240 + d2 * 60 + d3, d4), <1x1>, memref<184320x106xbf16, #dram>, <interleaved>>
#ttnn_layout3 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 196608 + d1 * 256 + d2 * 64 + d3, d4), <1x1>, memref<6144x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#ttnn_layout4 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 49152 + d1 * 49152 + d2 * 64 + d3, d4), <1x1>, memref<6144x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#ttnn_layout5 = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x152640x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#ttnn_layout6 = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<4x4884480xbf16, #dram>, <interleaved>>
#ttnn_layout7 = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x6xui32, #dram>, <interleaved>>
#ttnn_layout8 = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 6 + d1, d2), <1x1>, memref<6x4884480xbf16, #dram>, <interleaved>>
#ttnn_layout9 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 46080 + d1 * 46080 + d2 * 60 + d3, d4), <1x1>, memref<276480x106xbf16, #dram>, <interleaved>>
#ttnn_layout10 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 276480 + d1 * 360 + d2 * 60 + d3, d4), <1x1>, memref<276480x106xbf16, #dram>, <interleaved>>
#ttnn_layout11 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 38160 + d1 * 6360 + d2 * 106 + d3, d4), <1x1>, memref<38160x768xbf16, #dram>, <interleaved>>
#ttnn_layout12 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 30720 + d1 * 7680 + d2 * 128 + d3, d4), <1x1>, memref<960x24x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#ttnn_layout13 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 25440 + d1 * 6360 + d2 * 106 + d3, d4), <1x1>, memref<25440x768xbf16, #dram>, <interleaved>>
module @SyncTensorsGraph.42 attributes {ttcore.meshes = #ttcore.meshes<[<"mesh" = 1x1>]>} {
  ttcore.device_module {
    builtin.module @SyncTensorsGraph.42 attributes {ttcore.meshes = #ttcore.meshes<[<"mesh" = 1x1>]>, ttcore.system_desc = #system_desc} {
      ttcore.device @default_device = <workerGrid = #ttcore.grid<8x8, (d0, d1) -> (0, d0, d1)>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0, s1, s2, s3, s4, s5, s6] -> (0, 0, (((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) mod 12, ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv (s4 * 12) + ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) mod s4 + s5), meshShape = 1x1, chipIds = [0]> loc(#loc)
      func.func @main_const_eval_0() -> tensor<1x6xui32, #ttnn_layout7> attributes {const_eval} {
        %0 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device loc(#loc)
        %1 = "ttnn.constant"(%0) <{layout = #ttnn.layout<row_major>, value = dense<[[0, 0, 0, 1, 2, 3]]> : tensor<1x6xui32>}> : (!ttnn.device) -> tensor<1x6xui32, #ttnn_layout7> loc(#loc)
        return %1 : tensor<1x6xui32, #ttnn_layout7> loc(#loc)
      } loc(#loc)
      func.func @main(%arg0: tensor<20736x768xbf16, #ttnn_layout> {ttcore.argument_type = #ttcore.argument_type<parameter>, ttir.name = "conv.weight"} loc("p1.w"), %arg1: tensor<1x768xbf16, #ttnn_layout1> {ttcore.argument_type = #ttcore.argument_type<parameter>, ttir.name = "conv.bias"} loc("p2.b"), %arg2: tensor<1x768x4x60x106xbf16, #ttnn_layout2> {ttcore.argument_type = #ttcore.argument_type<input>, ttir.name = "args_0"} loc("p0.x")) -> (tensor<1x4x60x106x768xbf16, #ttnn_layout13> {ttir.name = "CogVideoXCausalConv3d.output"}) {
        %0 = ttcore.load_cached(@main_const_eval_0, []) : () -> tensor<1x6xui32, #ttnn_layout7> loc(#loc)
        %5 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device loc(#loc)
        %6 = "ttnn.to_layout"(%arg2) <{layout = #ttnn.layout<tile>}> : (tensor<1x768x4x60x106xbf16, #ttnn_layout2>) -> tensor<1x768x4x60x106xbf16, #ttnn_layout3> loc(#loc4)
        "ttnn.deallocate"(%arg2) <{force = false}> : (tensor<1x768x4x60x106xbf16, #ttnn_layout2>) -> () loc(#loc)
        %7 = "ttnn.permute"(%6) <{permutation = array<i64: 2, 0, 1, 3, 4>}> : (tensor<1x768x4x60x106xbf16, #ttnn_layout3>) -> tensor<4x1x768x60x106xbf16, #ttnn_layout4> loc(#loc5)
        "ttnn.deallocate"(%6) <{force = false}> : (tensor<1x768x4x60x106xbf16, #ttnn_layout3>) -> () loc(#loc)
        %8 = "ttnn.reshape"(%7) <{shape = [4 : i32, 4884480 : i32]}> : (tensor<4x1x768x60x106xbf16, #ttnn_layout4>) -> tensor<4x4884480xbf16, #ttnn_layout5> loc(#loc6)
        "ttnn.deallocate"(%7) <{force = false}> : (tensor<4x1x768x60x106xbf16, #ttnn_layout4>) -> () loc(#loc)
        %9 = "ttnn.to_layout"(%8) <{layout = #ttnn.layout<row_major>}> : (tensor<4x4884480xbf16, #ttnn_layout5>) -> tensor<4x4884480xbf16, #ttnn_layout6> loc(#loc7)
        "ttnn.deallocate"(%8) <{force = false}> : (tensor<4x4884480xbf16, #ttnn_layout5>) -> () loc(#loc)
        %10 = "ttnn.embedding"(%0, %9) : (tensor<1x6xui32, #ttnn_layout7>, tensor<4x4884480xbf16, #ttnn_layout6>) -> tensor<1x6x4884480xbf16, #ttnn_layout8> loc(#loc8)
        "ttnn.deallocate"(%9) <{force = false}> : (tensor<4x4884480xbf16, #ttnn_layout6>) -> () loc(#loc)
        %11 = "ttnn.reshape"(%10) <{shape = [6 : i32, 1 : i32, 768 : i32, 60 : i32, 106 : i32]}> : (tensor<1x6x4884480xbf16, #ttnn_layout8>) -> tensor<6x1x768x60x106xbf16, #ttnn_layout9> loc(#loc9)
        "ttnn.deallocate"(%10) <{force = false}> : (tensor<1x6x4884480xbf16, #ttnn_layout8>) -> () loc(#loc)
        %12 = "ttnn.permute"(%11) <{permutation = array<i64: 1, 2, 0, 3, 4>}> : (tensor<6x1x768x60x106xbf16, #ttnn_layout9>) -> tensor<1x768x6x60x106xbf16, #ttnn_layout10> loc(#loc10)
        "ttnn.deallocate"(%11) <{force = false}> : (tensor<6x1x768x60x106xbf16, #ttnn_layout9>) -> () loc(#loc)
        %13 = "ttnn.permute"(%12) <{permutation = array<i64: 0, 2, 3, 4, 1>}> : (tensor<1x768x6x60x106xbf16, #ttnn_layout10>) -> tensor<1x6x60x106x768xbf16, #ttnn_layout11> loc(#loc11)
        "ttnn.deallocate"(%12) <{force = false}> : (tensor<1x768x6x60x106xbf16, #ttnn_layout10>) -> () loc(#loc)
        %24 = "ttnn.conv3d"(%13, %arg0, %arg1, %5) <{batch_size = 1 : i32, dtype = #ttcore.supportedDataTypes<bf16>, groups = 1 : i32, in_channels = 768 : i32, input_depth = 6 : i32, input_height = 60 : i32, input_width = 106 : i32, kernel_size = array<i32: 3, 3, 3>, out_channels = 768 : i32, padding = array<i32: 0, 1, 1>, padding_mode = "zeros", stride = array<i32: 1, 1, 1>}> : (tensor<1x6x60x106x768xbf16, #ttnn_layout11>, tensor<20736x768xbf16, #ttnn_layout>, tensor<1x768xbf16, #ttnn_layout1>, !ttnn.device) -> tensor<1x4x60x106x768xbf16, #ttnn_layout12> loc(#loc12)
        "ttnn.deallocate"(%13) <{force = false}> : (tensor<1x6x60x106x768xbf16, #ttnn_layout11>) -> () loc(#loc)
        %25 = "ttnn.to_layout"(%24) <{layout = #ttnn.layout<row_major>}> : (tensor<1x4x60x106x768xbf16, #ttnn_layout12>) -> tensor<1x4x60x106x768xbf16, #ttnn_layout13> loc(#loc13)
        "ttnn.deallocate"(%24) <{force = false}> : (tensor<1x4x60x106x768xbf16, #ttnn_layout12>) -> () loc(#loc)
        return %25 : tensor<1x4x60x106x768xbf16, #ttnn_layout13> loc(#loc)
      } loc(#loc)
    } loc(#loc)
  } loc(#loc)
} loc(#loc)
#loc2 = loc("tests/torch/models/mochi/single_ops.py":16:0)
#loc3 = loc("tests/torch/models/mochi/single_ops.py":17:0)
#loc4 = loc("aten__index_in_0_layout"(#loc2))
#loc5 = loc("aten__index_permuteInput"(#loc2))
#loc6 = loc("aten__index_reshapeInput"(#loc2))
#loc7 = loc("aten__index_workaround"(#loc2))
#loc8 = loc("aten__index"(#loc2))
#loc9 = loc("aten__index_reshapeOutput"(#loc2))
#loc10 = loc("aten__index_permuteOutput"(#loc2))
#loc11 = loc("aten__convolution_permuteInput"(#loc3))
#loc12 = loc("aten__convolution"(#loc3))
#loc13 = loc("aten__convolution_out_0_layout"(#loc3))
