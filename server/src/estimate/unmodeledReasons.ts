/**
 * Ops tt-mlir emits that run a device program this tool has no L1 model for, with the specific reason (shown instead
 * of a bare "no L1 model"). Listed in ARCHITECTURE.md; an op here never gets a number.
 */

export const KNOWN_UNMODELED: ReadonlyMap<string, string> = new Map([
  // Normalization variants (tt-metal ttnn/cpp/ttnn/operations/normalization/ and experimental/ccl/rms_allgather/).
  ['ttnn.distributed_rms_norm', 'runs ttnn::fused_rms_minimal (RMSAllGather: a width-sharded rms_norm fused with a fabric all-gather, experimental CCL factory); not modeled'],
  ['ttnn.rms_norm_pre_all_gather', 'runs the distributed-norm pre-all-gather factory (per-row statistics); not modeled'],
  ['ttnn.layer_norm_pre_all_gather', 'runs the distributed-norm pre-all-gather factory (per-row statistics); not modeled'],
  ['ttnn.layer_norm_post_all_gather', 'runs the distributed-norm post-all-gather factory (normalise with gathered statistics); not modeled'],
  ['ttnn.group_norm', 'runs the sharded/mcast group-norm factories (program config from the input shard spec and num_groups); not modeled'],
  ['ttnn.distributed_layer_norm', 'decomposed by tt-mlir into layer_norm pre/post all-gather and an all_gather; as one op it has no tt-metal program of its own'],
  ['ttnn.dit_rms_norm_unary_fused', 'runs a fused DiT rms_norm + activation factory; not modeled'],
  // Attention variants.
  ['ttnn.sdpa_bw', 'runs tt-train\'s SDPA backward factory (ttml); not modeled'],
  // Multi-device (CCL) ops without a model (all_gather, reduce_scatter, all_reduce, point_to_point: ops/ccl.ts).
  ['ttnn.all_to_all_dispatch', 'runs tt-metal\'s all_to_all_dispatch factory (ttnn/cpp/ttnn/operations/ccl/all_to_all_dispatch; MoE token routing over fabric), which was not read; not modeled'],
  ['ttnn.all_to_all_dispatch_metadata', 'runs ttnn::experimental::all_to_all_dispatch_metadata in persistent mode (sparse-mcast dispatch with a drain/tilizer core and fabric mux cores chosen by the op); not modeled'],
  ['ttnn.all_to_all_combine', 'runs tt-metal\'s all_to_all_combine factory (ttnn/cpp/ttnn/operations/ccl/all_to_all_combine; MoE combine over fabric), which was not read; not modeled'],
  ['ttnn.all_reduce_async', 'runs ttnn::experimental::all_reduce_async with tt-mlir-allocated semaphores (its fused all-reduce factory was not read); not modeled'],
  ['ttnn.mesh_partition', 'runs tt-metal\'s mesh_partition (a per-device slice along cluster_axis); its factory was not read; not modeled'],
  ['ttnn.paged_flash_multi_latent_attention_decode', 'MLA decode (SDPA decode factory with use_mla and Q-head parallelism); not modeled'],
]);
