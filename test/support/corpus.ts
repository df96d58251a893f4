/**
 * The corpus of real tt-mlir files (test/fixtures/corpus, Apache-2.0; license note in its SOURCE.md) as the coverage
 * tests name it: one place for the paths of the real pipeline dumps and the families' extra test files.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '../fixtures/corpus');

/** A corpus file's text by its path inside the corpus. */
export function readCorpus(rel: string): string {
  return fs.readFileSync(path.join(CORPUS_DIR, rel), 'utf8');
}

/** The path of every `.mlir` file in the corpus, at any depth. */
export function allCorpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS_DIR, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mlir'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Whole-model dumps printed by tt-mlir pipelines (not hand-written lit tests). */
export const DUMP = {
  vovnet: 'docs/vovnet-bounty/vovnet_clean/vovnet.opt.ttnn.mlir',
  vovnetCppDp: 'docs/vovnet-bounty/vovnet_clean/vovnet_cpp_dp/irs/ttnn_1780078440058.mlir',
  resnet18: 'r18_loc.mlir',
  resnetExplorer: 'tools/explorer/test/models/resnet_ttnn.mlir',
  falcon3Decode: 'falcon3_chisel/ir/notrace/falcon3_7b_bf16_1layer_notrace_decode_ttnn.mlir',
  falcon3DecodeTraced: 'falcon3_chisel/ir/traced/falcon3_7b_baseline_bfp8_decode_ttnn.mlir',
  llamaAttention: 'llama_attention_ttnn.mlir',
  llamaAttentionTest: 'ttnn/test_llama_attention_ttnn.mlir',
  mnistShardedOld: 'history/5122b71de2/test/ttmlir/EmitC/TTNN/models/mnist_sharded.mlir',
  mnistSharded: 'test/ttmlir/EmitC/TTNN/models/mnist_sharded.mlir',
  oom: 'oom_ttnn.mlir',
} as const;

/** Every dump above, in this order. */
export const MODEL_DUMPS: readonly string[] = Object.values(DUMP);

/** Dumps and lit tests with convolution-family ops (conv2d, pools, batch_norm, conv3d). */
export const CONV_FILES: readonly string[] = [
  DUMP.resnet18,
  DUMP.vovnet,
  DUMP.vovnetCppDp,
  DUMP.resnetExplorer,
  'test/ttmlir/EmitC/TTNN/conv/conv2d_conv2dconfig.mlir',
  'test/ttmlir/Silicon/TTNN/n150/perf/test_perf_conv2d_config.mlir',
  'test/ttmlir/Dialect/TTNN/optimizer/conv2d_l1_oom_fallback.mlir',
  'test/ttmlir/Dialect/TTNN/perf_targets/flops_matmul_conv.mlir',
];

/** Dumps and lit tests with norm, attention, KV-cache, heads and rotary ops. */
export const NORM_ATTENTION_FILES: readonly string[] = [
  DUMP.falcon3Decode,
  DUMP.falcon3DecodeTraced,
  DUMP.oom,
  DUMP.llamaAttention,
  DUMP.llamaAttentionTest,
  'test/ttmlir/Dialect/TTNN/perf_targets/flops_attention.mlir',
  'test/ttmlir/Dialect/TTNN/perf_targets/sdpa_dram_bound.mlir',
  'test/ttmlir/Silicon/TTNN/n150/transformer/nlp_concat_heads_decode.mlir',
  'test/ttmlir/Silicon/TTNN/n150/transformer/rotary_embedding_llama.mlir',
  'test/ttmlir/Dialect/TTNN/Transforms/Workarounds/fill_cache_input_pad_workaround.mlir',
  'test/ttmlir/Dialect/TTNN/kv_cache_conversion/paged_update_cache_bfp8.mlir',
  'test/ttmlir/Dialect/TTNN/Transforms/Decomposition/distributed_rms_norm_decomposition.mlir',
];

/** The model dumps plus the lit tests the data-movement / reduction / creation coverage test names. */
export const COVERAGE_FILES: readonly string[] = [
  DUMP.vovnet,
  DUMP.vovnetCppDp,
  DUMP.resnet18,
  DUMP.resnetExplorer,
  DUMP.falcon3Decode,
  DUMP.falcon3DecodeTraced,
  DUMP.llamaAttention,
  DUMP.llamaAttentionTest,
  DUMP.mnistShardedOld,
  DUMP.mnistSharded,
  DUMP.oom,
  'test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir',
  'test/ttmlir/Dialect/TTNN/perf_targets/flops_ccl_reduce.mlir',
  'test/ttmlir/Conversion/TTNNToTTIR/reduction_op.mlir',
  'test/ttmlir/Dialect/TTNN/Canonicalizer/layout_to_creation_ops_canonicalizer.mlir',
  'test/ttmlir/Transforms/memory_management.mlir',
];

/** Dumps and lit tests with matmul / linear ops. */
export const MATMUL_FILES: readonly string[] = [
  DUMP.falcon3Decode,
  DUMP.falcon3DecodeTraced,
  DUMP.llamaAttention,
  DUMP.llamaAttentionTest,
  DUMP.mnistShardedOld,
  DUMP.mnistSharded,
  'test/ttmlir/Dialect/TTNN/perf_targets/flops_matmul_conv.mlir',
  'test/ttmlir/Dialect/TTNN/weight_conversion/linear_bfp8_weights.mlir',
  'test/ttmlir/Silicon/TTNN/n150/perf/test_perf_matmul_multi_core_reuse_multi_cast_dram_sharded_program_config.mlir',
];
