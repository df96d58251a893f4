/**
 * Ops tt-mlir emits that run a device program this tool has no L1 model for, with the specific reason (shown instead
 * of a bare "no L1 model"). Listed in docs/estimators.md; an op here never gets a number.
 */

export const KNOWN_UNMODELED: ReadonlyMap<string, string> = new Map([
  // Normalization variants (tt-metal ttnn/cpp/ttnn/operations/normalization/ and experimental/ccl/rms_allgather/).
  [
    'ttnn.distributed_layer_norm',
    "tt-mlir's TTNNDecomposition pass always rewrites it before the flatbuffer (DistributedLayerNormDecompositionRewritePattern.cpp@19c86fc) into [add], layer_norm_pre_all_gather, all_gather and layer_norm_post_all_gather, which are estimated once the dump shows them; as one op it is not modeled (its gathered-stats width is 64 x the devices along cluster_axis, which the op's mesh gives: TtnnOp.mesh)",
  ],
  // Ops tt-mlir emits (TTNNOps.td@19c86fc) whose programs were not read.
  [
    'ttnn.d2m_subgraph',
    "dispatches the function it references: after tt-mlir's TTNNMaterializeD2M that function holds ttnn.generic programs (estimated there from their CB descriptors); before it, TTNN ops that D2M compiles into programs of its own, so ttnn's factories do not size them",
  ],
  [
    'ttnn.tt_lang_op',
    "a user tt-lang kernel: its program (reader/writer/compute threads and their CBs) is compiled by tt-lang's resolver into the op's kernel_artifact, not authored in TTNN, and tt-mlir exempts it from its own op model (OpModelExempt, TTNNOps.td@19c86fc); no ttnn factory sizes it",
  ],
  [
    'ttnn.prepare_moe_compute_w0_w1_weights',
    "prepacks moe_compute's gate/up expert weights into its bank-aware sharded layout; the result layout is deduced by tt-mlir's TTNNDeduceMoEComputeLayouts pass through a graph-capture query (TTNNOps.td@19c86fc) and the preparing program was not read",
  ],
  [
    'ttnn.prepare_moe_compute_w2_weights',
    "prepacks moe_compute's down (W2) expert weight into its bank-aware sharded layout with a chain of ttnn ops (tt-metal experimental/ccl/moe_compute/moe_compute_utils.cpp@622c6fb prepare_w2_tensor_for_moe_compute: prepare_w2_no_n_pad's ring-rotated reorder, a zero N-pad concat to 7-tile blocks, to_layout TILE); the result layout is deduced by tt-mlir through a graph-capture query (TTNNOps.td@19c86fc) and the chain's programs were not sized",
  ],
  ['ttnn.indexer_score_dsa', 'DeepSeek sparse-attention indexer scorer (experimental factory); not read'],
  [
    'ttnn.moe_compute',
    'fused MoE expert compute (selective tilize, expert matmuls, ring exchange, combine): tt-metal experimental/ccl/moe_compute/device/moe_compute_program_factory.cpp sizes its buffers by an L1 plan of its own (moe_compute_l1_plan.hpp) and was revised 200+ times; not read',
  ],
  [
    'ttnn.moe_gpt',
    'fused GPT-OSS MoE pipeline (selective tilize, gate/up projection, SwiGLU, ring all-to-all, down projection, combine) on DRAM-bank and worker cores; factory not read',
  ],
  [
    'ttnn.selective_reduce_combine',
    'MoE reduce-and-combine over the fabric (tt-metal experimental/ccl/moe/selective_reduce_combine/device/selective_reduce_combine_program_factory.cpp, CBs tied to moe_compute output shards); not read',
  ],
]);
