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
  // Multi-device (CCL) ops: tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/all_gather_async/device/
  // all_gather_async_program_minimal_variants.cpp@00edc3b (get_tt_fabric_channel_buffer_size_bytes, packet headers).
  ...(['all_gather', 'reduce_scatter', 'all_reduce', 'all_reduce_async', 'all_to_all_dispatch', 'all_to_all_dispatch_metadata', 'all_to_all_combine', 'point_to_point', 'mesh_partition'].map(
    (n): [string, string] => [`ttnn.${n}`, "worker CBs of tt-metal's CCL programs depend on the fabric channel buffer and packet header sizes and on the mux/worker core split chosen when the fabric is configured (e.g. all_gather_async minimal default: 3·min(2, packet/page) pages per worker core plus 16 packet headers; mux cores hold fabric channel buffers at the unreserved base), which the IR does not carry; not modeled"],
  )),
  ['ttnn.paged_flash_multi_latent_attention_decode', 'MLA decode (SDPA decode factory with use_mla and Q-head parallelism); not modeled'],
]);
