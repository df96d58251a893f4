/**
 * Ops tt-mlir emits that run a device program this tool has no L1 model for, with the specific reason (shown instead
 * of a bare "no L1 model"). Listed in docs/estimators.md; an op here never gets a number.
 */

export const KNOWN_UNMODELED: ReadonlyMap<string, string> = new Map([
  // Normalization variants (tt-metal ttnn/cpp/ttnn/operations/normalization/ and experimental/ccl/rms_allgather/).
  [
    'ttnn.distributed_layer_norm',
    'decomposed by tt-mlir into layer_norm pre/post all-gather and an all_gather; as one op it has no tt-metal program of its own',
  ],
  ['ttnn.dit_rms_norm_unary_fused', 'runs a fused DiT rms_norm + activation factory; not modeled'],
  // Attention variants.
  // Multi-device (CCL) ops without a model (all_gather, reduce_scatter, all_reduce, point_to_point: ops/ccl.ts;
  // all_to_all_dispatch, all_to_all_combine, all_to_all_dispatch_metadata: ops/allToAll.ts).
  [
    'ttnn.all_reduce_async',
    'runs ttnn::experimental::all_reduce_async with tt-mlir-allocated semaphores (its fused all-reduce factory was not read); not modeled',
  ],
  [
    'ttnn.mesh_partition',
    "runs tt-metal's mesh_partition (a per-device slice along cluster_axis); its factory was not read; not modeled",
  ],
  [
    'ttnn.paged_flash_multi_latent_attention_decode',
    'MLA decode (SDPA decode factory with use_mla and Q-head parallelism); not modeled',
  ],
  // Ops tt-mlir emits (TTNNOps.td@19c86fc) whose programs were not read.
  ['ttnn.d2m_subgraph', 'dispatches a D2M-compiled subgraph of ttnn.generic programs; not modeled'],
  ['ttnn.indexer_score_dsa', 'DeepSeek sparse-attention indexer scorer (experimental factory); not read'],
  [
    'ttnn.moe_compute',
    'fused MoE expert compute (selective tilize, experts, combine across devices); factory not read',
  ],
  ['ttnn.moe_gpt', 'fused GPT-OSS MoE compute kernel; factory not read'],
  ['ttnn.selective_reduce_combine', 'MoE reduce-and-combine across devices (fabric); factory not read'],
  ['ttnn.topk_router_gpt', 'fused GPT-OSS router (linear + top-k); factory not read'],
  ['ttnn.sampling', 'fused top-k / top-p / multinomial sampling factory; not read'],
]);
