/**
 * Per-device L1 estimate for the multi-device (CCL) ops tt-mlir emits: `ttnn.all_gather`, `ttnn.reduce_scatter`,
 * `ttnn.all_reduce`, `ttnn.all_reduce_async` and `ttnn.point_to_point` (tt-mlir lowers `collective_permute` to
 * `assign` + `point_to_point`).
 * tt-mlir prints per-device tensor types, so every figure here is one device's program; the ring size along
 * `cluster_axis` is read from the types (gather: result dim / input dim; scatter: input dim / result dim).
 *
 * Formula (bytes per worker core; mux cores hold fabric channel buffers from the unreserved base, not CBs):
 *   fabric channel buffer C = payload + header = 4,352 + H (1D fabric, the only kind tt-mlir's runtime opens)   [5][6]
 *   H = 64 B, 48 B from change point `fabric-1d-header-by-system-size` (fabric1dHeader; larger systems keep 64 B)
 *   pages per packet P = ⌊C / page⌋, page = tile bytes (tile layout)                                               [1][2]
 *   all_gather, native (tiled, gather dim not padded): c_0 = 3·min(M, P) pages,                                    [1][3]
 *     M = 2 scatter-write chunks, 4 from change point `ccl-scatter-write-4-chunks`                                   [7]
 *   all_gather, composite (row-major, or tiled and padded on the gather dim): all_broadcast + concat — unmodeled     [3]
 *   reduce_scatter, native (tiled, scatter slice tile-aligned): c_0..c_3 (input, intermediate, reader output,
 *     compute output) of 3·g pages each; Linear g = min(4P, 8); Ring g = n < 4 ? 4n : 8 with n = min(M, P)          [2][4]
 *   all_reduce (and all_reduce_async: tt-mlir's runtime, runtime/lib/ttnn/operations/ccl/all_reduce_async.cpp@19c86fc,
 *     calls the same cluster-axis experimental all_reduce_async ttnn::all_reduce calls):
 *     reduce_scatter then all_gather (each frees its CBs before the next): the reduce-scatter step's CBs;
 *     a single-tile tensor (no dim to split) runs the composite all_gather + local sum — unmodeled                    [8]
 *   point_to_point: sender c_0 = 2 aligned pages, c_1 = 4 headers, c_2 = one packet;
 *     receiver c_0 = 4 headers, c_1 = one packet, c_2 = 3·(pages per packet) pages; the figure is the larger          [9]
 *   packet (point_to_point) = k·aligned page, k = min(⌊Cmax / aligned page⌋, pages), Cmax = C (bf16: bit_floor(C))  [9]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/all_gather_async/device/all_gather_async_program_minimal_variants.cpp@527c0ee
 *       (ND revision of build_all_gather_async_minimal_default_program_artifacts: one sender CB c_in0 of
 *       3·num_tiles_to_write_per_packet pages, default_workers, FabricMuxConfig at the unreserved base; the 2025-07
 *       revision @00edc3b had M = 2 and a 16-header CB, gone by the ND revision), and
 *       ttnn/cpp/ttnn/operations/experimental/ccl/all_gather_matmul_async/… (build_…_program_artifacts_2, same CB, M = 4)
 *   [2] tt-metal …/experimental/ccl/reduce_scatter_minimal_async/device/reduce_scatter_minimal_async_program.cpp@07b4a3f
 *       (ring: tile_granularity = n < 4 ? 4n : 8; line: min(4·num_pages_per_packet, 8); c_in0..c_in3 = 3·granularity pages)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/ccl/all_gather/all_gather.cpp@00bbd1e, device/all_gather_program_factory.cpp@0055520
 *       (AllGatherProgram → build_all_gather_async_minimal_default_program_artifacts; default workers/buffers/chunks);
 *       …/experimental/ccl/composite_common.cpp@00d062b (use_composite_all_gather, use_composite_reduce_scatter)
 *   [4] tt-metal ttnn/cpp/ttnn/operations/ccl/reduce_scatter/device/reduce_scatter_program_factory.cpp@5b9c671 (ring or
 *       line builder by topology), reduce_scatter_device_operation.cpp@1d897df (intermediate defaults to DRAM interleaved)
 *   [5] tt-metal tt_metal/fabric/erisc_datamover_builder.hpp@9568a92 (default_packet_payload_size_bytes = tile_size(Bfp8_b)·4 =
 *       4,352), tt_metal/fabric/fabric_context.cpp (channel buffer = packet header + max payload; 1D header for ≤ 32 hops
 *       is 64 B; from tt-metal PR #34976 the 1D header is sized from the system's mesh, fabric_context.cpp
 *       compute_packet_specifications: 48 B up to 17 chips a side)
 *   [6] tt-mlir runtime/lib/common/mesh_fabric_config.cpp@19c86fc (FABRIC_1D or FABRIC_1D_RING)
 *   [7] tt-metal PR #32395 (fabric unicast scatter multi-chunk, 2 → 4 chunks) and PR #34581 (all-gather uses it)
 *   [8] tt-metal ttnn/cpp/ttnn/operations/ccl/all_reduce/all_reduce.cpp@7ffb830 (→ experimental all_reduce_async, whose
 *       cluster-axis overload takes the last dim, in tiles, the ring divides (finding_scatter_dim) and runs
 *       ttnn::reduce_scatter then ttnn::all_gather; no such dim, or a composite case → all_gather + local moreh_sum)
 *   [9] tt-metal ttnn/cpp/ttnn/operations/point_to_point/device/host/send_program_factory.cpp@2ed8bc3,
 *       receive_program_factory.cpp@2ed8bc3; compute_aligned_packet_dims (read in its …/ccl/reduce_to_root copy:
 *       pages that fit share a packet, a larger page goes in max-sized segments)
 *   [10] tt-metal PR #48301 (2026-07, "New ttnn.all_gather": unicast/multicast factories sized by per-arch sweep rules)
 *
 * Assumptions: the default fabric (1D, 4,352 B payload; tt-mlir sets no FabricRouterConfig) and the build's packet header
 *   (fabric1dHeader: the system's mesh is not in the IR; the header matters for page counts only near a multiple of the
 *   payload, flagged when it does); tt-mlir passes no
 *   num_links / num_workers_per_link / num_buffers_per_channel / chunks_per_sync, so the per-core CBs are the defaults'
 *   (they do not depend on the worker count); worker and mux core counts assume one link. The mux cores' fabric channel
 *   buffers (workers × buffers × C at the unreserved base) are not CBs and are not counted. Before change points
 *   `ccl-all-gather-nd` / `ccl-reduce-scatter-nd` the ttnn entry points ran earlier factories not read here (unmodeled);
 *   from `all-gather-rewrite` on, all_gather runs factories not modeled.
 * Worked example: reduce_scatter of a 1x1x256x128 bf16 tiled tensor over 4 devices (scatter dim 3 → 1x1x256x32):
 *   P = ⌊4,416 / 2,048⌋ = 2, Linear g = min(8, 8) = 8, four CBs of 3·8 = 24 tiles: 4·24·2,048 = 196,608 B per worker
 *   core; asserted in test/unit/estimate/ccl.test.ts.
 */

import { changePointText, atOrAfter } from '../changePoints';
import { tileBytes } from '../../ttnn/dtype';
import { alignUp } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { itemValue, wordOf } from '../../ttnn/dialectFields';
import { devicesAlongAxis } from '../../ttnn/device';
import { CbSpec, GroupSpec, ResolvedTensor, finishProgram, gridArea, propInt, resolveUnaryShape } from '../common';
import type { EstimateContext, OpEstimate, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';

const CITES = {
  allGatherMinimal:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/all_gather_async/device/all_gather_async_program_minimal_variants.cpp@00edc3b (sender CB c_in0 = 3·num_tiles_to_write_per_packet pages)',
  allGatherEntry:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_gather/all_gather.cpp@00bbd1e, device/all_gather_program_factory.cpp@0055520 (AllGatherProgram → minimal default builder)',
  allGatherValidate:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_gather/device/all_gather_device_operation.cpp@0055520 (validate_on_program_cache_miss)',
  composite:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/composite_common.cpp@00d062b (use_composite_all_gather, use_composite_reduce_scatter)',
  reduceScatter:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/reduce_scatter_minimal_async/device/reduce_scatter_minimal_async_program.cpp@07b4a3f (ring and line builders: c_in0..c_in3 = 3·tile_granularity pages)',
  reduceScatterEntry:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/reduce_scatter/device/reduce_scatter_program_factory.cpp@5b9c671, reduce_scatter_device_operation.cpp@1d897df (intermediate in DRAM unless configured)',
  fabric:
    'tt-metal tt_metal/fabric/erisc_datamover_builder.hpp@9568a92 (default_packet_payload_size_bytes = 4·1,088), fabric_context.cpp (channel buffer = header + payload)',
  ttmlirFabric: 'tt-mlir runtime/lib/common/mesh_fabric_config.cpp@19c86fc (FABRIC_1D / FABRIC_1D_RING)',
  allReduce:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_reduce/all_reduce.cpp@7ffb830 (→ experimental all_reduce_async); experimental/ccl/all_reduce_async/all_reduce_async.cpp, cluster-axis overload with optional semaphores (finding_scatter_dim; ttnn::reduce_scatter then ttnn::all_gather, or the composite all_gather + local sum)',
  p2pSend: 'tt-metal ttnn/cpp/ttnn/operations/point_to_point/device/host/send_program_factory.cpp@2ed8bc3',
  p2pReceive: 'tt-metal ttnn/cpp/ttnn/operations/point_to_point/device/host/receive_program_factory.cpp@2ed8bc3',
} as const;

/** Fabric 1D packet payload: `tt::tile_size(Bfp8_b) * 4` (FabricEriscDatamoverBuilder::default_packet_payload_size_bytes). */
export const FABRIC_PAYLOAD_BYTES = 1088 * 4;
/** The 1D packet header of every system before change point `fabric-1d-header-by-system-size` (PR #32575's 64 B). */
export const FABRIC_HEADER_BYTES = 64;
/** Largest header any fabric mode uses (HybridMeshPacketHeaderT<35>): bounds the header-size uncertainty. */
const FABRIC_HEADER_MAX_BYTES = 96;
/** `get_tt_fabric_channel_buffer_size_bytes()` of the build: header + payload. */
function channelBufferBytes(ctx: EstimateContext): number {
  return FABRIC_PAYLOAD_BYTES + fabric1dHeader(ctx).bytes;
}

/** What every CCL figure assumes of the fabric: the 1D fabric tt-mlir's runtime opens, and the build's header. */
function defaultFabric(ctx: EstimateContext): string {
  return `default 1D fabric (4,352 B payload) as tt-mlir's runtime opens it; ${fabric1dHeader(ctx).assumption}`;
}

/** 1D fabric packet header (`get_tt_fabric_packet_header_size_bytes`) for the build, and what the figure assumes. */
export interface FabricHeader {
  readonly bytes: number;
  readonly assumption: string;
}

/**
 * From change point `fabric-1d-header-by-system-size` (tt-metal PR #34976) FabricContext sizes the 1D header from the
 * system's mesh graph: LowLatencyPacketHeaderT<(max hops − 1) / 16>, max hops = largest mesh dimension − 1, i.e. 48 B
 * up to 17 chips a side and 64 B up to 33. The system's mesh graph is not in the IR (tt-mlir's mesh_shape is the
 * opened submesh), so 48 B assumes no dimension of it exceeds 17 chips: every single-galaxy system (8x4 at most).
 * Before the change point the header is 64 B on every system (PR #32575).
 */
export function fabric1dHeader(ctx: EstimateContext): FabricHeader {
  if (atOrAfter(ctx, 'fabric-1d-header-by-system-size'))
    return {
      bytes: 48,
      assumption:
        "48 B fabric packet headers: the system's mesh graph (not in the IR) taken to have no dimension over 17 chips; 64 B headers on larger systems",
    };
  return { bytes: 64, assumption: '64 B fabric packet headers (every system before tt-metal PR #34976)' };
}

/** ⌊channel buffer / page⌋, and whether another plausible header size would change it. */
function pagesPerPacket(page: number, ctx: EstimateContext): { pages: number; headerSensitive: boolean } {
  const pages = Math.floor(channelBufferBytes(ctx) / page);
  const low = Math.floor(FABRIC_PAYLOAD_BYTES / page);
  const high = Math.floor((FABRIC_PAYLOAD_BYTES + FABRIC_HEADER_MAX_BYTES) / page);
  return { pages, headerSensitive: low !== high };
}

/** Scatter-write chunks per fabric packet in the build (2, then 4 from PR #32395). */
function maxScatterChunks(ctx: EstimateContext): number {
  return atOrAfter(ctx, 'ccl-scatter-write-4-chunks') ? 4 : 2;
}

function normalizedDim(op: TtnnOp, name: string, rank: number): number | string {
  const raw = propInt(op, name);
  if (raw === undefined) return `${name} is missing`;
  const dim = raw < 0 ? raw + rank : raw;
  if (dim < 0 || dim >= rank) return `${name} ${raw} is outside the rank-${rank} tensor`;
  return dim;
}

/** Tiled and not padded on the last two dims that the op splits or joins (composite_common.cpp). */
function paddedOn(t: ResolvedTensor, dim: number, extent: number): boolean {
  const rank = t.logical.length;
  return (dim === rank - 1 || dim === rank - 2) && extent % 32 !== 0;
}

/**
 * Worker and mux core groups of one link: `choose_worker_cores` takes cores in row order from the sub-device's first
 * core, a mux core before each direction's workers (so the first worker is (1, 0)).
 */
function linkGroups(workersPerDirection: number): GroupSpec[] {
  return [
    { name: 'workers', nCores: 2 * workersPerDirection, firstCore: [1, 0] },
    { name: 'fabric mux', nCores: 2, firstCore: [0, 0] },
  ];
}

function approxReasons(parts: readonly (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('; ');
}

function cclEstimate(
  op: TtnnOp,
  ctx: EstimateContext,
  o: {
    factory: string;
    factoryReason: string;
    cbs: CbSpec[];
    workersPerDirection: number;
    reasons: readonly (string | false | undefined)[];
    citations: string[];
    notes?: string[];
  },
): OpEstimate {
  return finishProgram({
    op,
    ctx,
    factory: o.factory,
    factoryReason: o.factoryReason,
    groups: linkGroups(o.workersPerDirection),
    cbs: o.cbs.map((cb) => ({ ...cb, groups: ['workers'] })),
    confidence: 'approx',
    approxReason: approxReasons([defaultFabric(ctx), ...o.reasons]),
    citations: [...o.citations, CITES.fabric, CITES.ttmlirFabric],
    notes: [
      'per-device figure (tt-mlir prints per-device tensor types)',
      'fabric mux cores keep their channel buffers from the L1 unreserved base; they are not CBs and are not counted',
      ...(o.notes ?? []),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// all_gather

/**
 * `all_gather_async` minimal default worker count (`default_workers`): 4 above 256 KiB moved per link, 1 at or below
 * 4 KiB, else 2 (when the sub-device has the cores). Moved per link = output · (N − 1) / N, halved on a ring.
 */
function defaultAllGatherWorkers(outputBytes: number, ring: number, isRing: boolean, ctx: EstimateContext): number {
  const moved = (outputBytes * (ring - 1)) / ring / (isRing ? 2 : 1);
  const candidates = moved > 256 * 1024 ? [4, 2, 1] : moved <= 4 * 1024 ? [1] : [2, 1];
  for (const w of candidates) if (2 * (w + 1) <= gridArea(ctx)) return w;
  return 1;
}

function topologyOf(op: TtnnOp): 'ring' | 'linear' | undefined {
  // `#ttcore.topology<ring>`: the enum case as written.
  const topology = wordOf(itemValue(op.properties.topology, 0))?.toLowerCase();
  return topology === 'ring' || topology === 'linear' ? topology : undefined;
}

export function estimateAllGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (!atOrAfter(ctx, 'ccl-all-gather-nd')) {
    return unmodeled(
      op.name,
      `builds before ${changePointText('ccl-all-gather-nd')} ran an earlier ttnn::all_gather path whose factory was not read`,
    );
  }
  if (atOrAfter(ctx, 'all-gather-rewrite')) {
    return unmodeled(
      op.name,
      `from ${changePointText('all-gather-rewrite')} ttnn::all_gather picks its unicast or multicast factory and CB entry size by per-arch sweep rules (packets per entry, workers per direction); not modeled`,
    );
  }
  const shapes = resolveUnaryShape(op);
  if (typeof shapes === 'string') return unmodeled(op.name, shapes);
  const { input, output } = shapes;
  const rank = input.logical.length;
  if (rank < 2) return illegal(op.name, 'AllGather requires tensor of rank 2 or greater', CITES.allGatherValidate);
  const dim = normalizedDim(op, 'all_gather_dim', rank);
  if (typeof dim === 'string') return unmodeled(op.name, dim);
  const ring = output.logical[dim] / input.logical[dim];
  if (!Number.isInteger(ring) || ring < 1)
    return unmodeled(
      op.name,
      `result dim ${dim} (${output.logical[dim]}) is not a multiple of the input's (${input.logical[dim]}): ring size unknown`,
    );
  if (ring === 1)
    return illegal(op.name, 'all_gather op will only work for num_devices > 1, but has 1', CITES.allGatherValidate);
  if (input.layout.pageLayout !== 'tile') {
    return unmodeled(
      op.name,
      "a row-major all_gather runs tt-metal's composite (all_broadcast, then concat of the gathered tensors; composite_common.cpp); not modeled",
    );
  }
  if (paddedOn(input, dim, input.logical[dim])) {
    return unmodeled(
      op.name,
      `the gather dim (${input.logical[dim]}) is padded inside a tile: tt-metal runs the composite all_gather (untilize, all_broadcast, concat, tilize); not modeled`,
    );
  }
  const page = tileBytes(input.dtype);
  const { pages: perPacket, headerSensitive } = pagesPerPacket(page, ctx);
  const maxChunks = maxScatterChunks(ctx);
  const tilesPerPacket = Math.min(maxChunks, perPacket);
  const isRing = topologyOf(op) === 'ring';
  const outputBytes = output.geometry.nPages * output.geometry.pageBytes;
  const workers = defaultAllGatherWorkers(outputBytes, ring, isRing, ctx);
  return cclEstimate(op, ctx, {
    factory: 'AllGatherProgram (all_gather_async minimal default)',
    factoryReason: `tiled input, gather dim ${dim} over ${ring} devices not padded: native minimal all_gather; ${perPacket} tiles of ${page} B per ${channelBufferBytes(ctx)} B packet, at most ${maxChunks} scatter-write chunks → ${tilesPerPacket} per packet, triple-buffered`,
    cbs: [{ index: 0, role: 'sender tiles (reader → writer)', nPages: 3 * tilesPerPacket, pageBytes: page }],
    workersPerDirection: workers,
    reasons: [
      headerSensitive && `pages per packet depend on the fabric header size at ${page} B pages`,
      `worker count from default_workers at one link (${workers} per direction); per-core CBs do not depend on it`,
    ],
    citations: [CITES.allGatherEntry, CITES.allGatherMinimal, CITES.composite],
  });
}

// ---------------------------------------------------------------------------------------------
// reduce_scatter (and the reduce-scatter step of all_reduce)

interface ReduceScatterCbs {
  readonly granularity: number;
  readonly cbs: CbSpec[];
  readonly why: string;
  readonly topologyUnknown: boolean;
}

/** Line and ring builders' tile granularity for `page`, and the four CBs of the topology (worst when unknown). */
function reduceScatterCbs(op: TtnnOp, ctx: EstimateContext, page: number): ReduceScatterCbs {
  const { pages: perPacket } = pagesPerPacket(page, ctx);
  const lineG = Math.min(4 * perPacket, 8);
  const n = Math.min(maxScatterChunks(ctx), perPacket);
  const ringG = n < 4 ? 4 * n : 8;
  const topology = topologyOf(op);
  const granularity = topology === 'ring' ? ringG : topology === 'linear' ? lineG : Math.max(lineG, ringG);
  const roles = ['input', 'intermediate (received partials)', 'reader output', 'compute output (reduced)'];
  return {
    granularity,
    cbs: roles.map((role, index) => ({ index, role, nPages: 3 * granularity, pageBytes: page })),
    why: `${perPacket} pages of ${page} B per ${channelBufferBytes(ctx)} B packet → tile granularity ${granularity} (line ${lineG}, ring ${ringG}${topology === undefined ? ', topology not in the IR' : `, ${topology}`})`,
    topologyUnknown: topology === undefined && lineG !== ringG,
  };
}

export function estimateReduceScatter(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (!atOrAfter(ctx, 'ccl-reduce-scatter-nd')) {
    return unmodeled(
      op.name,
      `builds before ${changePointText('ccl-reduce-scatter-nd')} ran an earlier ttnn::reduce_scatter path (4-D only) whose factory was not read`,
    );
  }
  const shapes = resolveUnaryShape(op);
  if (typeof shapes === 'string') return unmodeled(op.name, shapes);
  const { input, output } = shapes;
  const rank = input.logical.length;
  const dim = normalizedDim(op, 'scatter_dim', rank);
  if (typeof dim === 'string') return unmodeled(op.name, dim);
  const ring = input.logical[dim] / output.logical[dim];
  if (!Number.isInteger(ring) || ring < 1)
    return unmodeled(
      op.name,
      `input dim ${dim} (${input.logical[dim]}) is not a multiple of the result's (${output.logical[dim]}): ring size unknown`,
    );
  if (ring === 1)
    return unmodeled(
      op.name,
      "ring size 1 along cluster_axis: tt-mlir folds this op away; tt-metal's validation of a one-device reduce_scatter was not read",
    );
  if (input.layout.pageLayout !== 'tile') {
    return unmodeled(
      op.name,
      "a row-major reduce_scatter runs tt-metal's composite (split, tilize, pad, concat, native reduce_scatter, untilize; composite_common.cpp); not modeled",
    );
  }
  if (paddedOn(input, dim, output.logical[dim])) {
    return unmodeled(
      op.name,
      `each device's slice of dim ${dim} (${output.logical[dim]}) is padded inside a tile: tt-metal runs the composite reduce_scatter (pad, concat, native, slice); not modeled`,
    );
  }
  const page = tileBytes(input.dtype);
  const rs = reduceScatterCbs(op, ctx, page);
  return cclEstimate(op, ctx, {
    factory: 'ReduceScatterProgram (reduce_scatter_minimal_async)',
    factoryReason: `tiled input, scatter dim ${dim} over ${ring} devices, tile-aligned slices: native minimal reduce_scatter; ${rs.why}`,
    cbs: rs.cbs,
    workersPerDirection: 1,
    reasons: [
      rs.topologyUnknown && 'topology not in the IR: the larger of the line and ring tile granularities',
      pagesPerPacket(page, ctx).headerSensitive &&
        `pages per packet depend on the fabric header size at ${page} B pages`,
      'worker and mux core counts assume one link and one worker per direction; per-core CBs do not depend on them',
      'the intermediate tensor is DRAM interleaved (tt-mlir passes no intermediate memory config)',
    ],
    citations: [CITES.reduceScatterEntry, CITES.reduceScatter, CITES.composite],
  });
}

// ---------------------------------------------------------------------------------------------
// all_reduce

export function estimateAllReduce(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (!atOrAfter(ctx, 'ccl-reduce-scatter-nd')) {
    return unmodeled(
      op.name,
      `builds before ${changePointText('ccl-reduce-scatter-nd')} ran an earlier reduce_scatter inside all_reduce whose factory was not read`,
    );
  }
  const shapes = resolveUnaryShape(op);
  if (typeof shapes === 'string') return unmodeled(op.name, shapes);
  const { input } = shapes;
  if (input.layout.pageLayout !== 'tile') {
    return unmodeled(
      op.name,
      'a row-major all_reduce runs the composite reduce_scatter and all_gather (untilize/tilize round trips); not modeled',
    );
  }
  // finding_scatter_dim: the last dim (tile units for the last two) the ring divides; none → the composite all-gather
  // + local moreh_sum. With every extent 1 no ring of two or more devices divides any dim.
  const tileUnits = input.padded.map((d, i) => (i >= input.padded.length - 2 ? d / 32 : d));
  // The ring: the devices along cluster_axis of the op's mesh (ttnn/device.ts DeviceMesh), when the IR states it.
  const axis = propInt(op, 'cluster_axis');
  const ring = devicesAlongAxis(op.mesh, axis);
  if (ring === undefined && tileUnits.every((d) => d === 1)) {
    return unmodeled(
      op.name,
      'no dim of a single-tile tensor splits over the ring: tt-metal runs the composite all_gather + local sum (all_broadcast, concat, moreh_sum); not modeled',
    );
  }
  const meshText =
    ring === undefined || op.mesh === undefined
      ? undefined
      : `${ring} ${ring === 1 ? 'device' : 'devices'} along cluster_axis ${axis} (mesh ${op.mesh.shape[0]}x${op.mesh.shape[1]})`;
  let scatter: string | undefined;
  if (ring !== undefined && ring > 1) {
    const found = allReduceScatterDim(input, tileUnits, ring);
    if (typeof found === 'string') return unmodeled(op.name, `${meshText}: ${found}; not modeled`);
    scatter = `${meshText}: reduce_scatter on dim ${found}`;
  }
  const page = tileBytes(input.dtype);
  const rs = reduceScatterCbs(op, ctx, page);
  const gatherStepChanged = atOrAfter(ctx, 'all-gather-rewrite');
  return cclEstimate(op, ctx, {
    factory: 'all_reduce_async: reduce_scatter (minimal) then all_gather',
    factoryReason: `all_reduce = reduce_scatter on the last dim the ring divides (tile units for the last two), then all_gather${scatter === undefined ? '' : ` (${scatter})`}; the reduce-scatter step's four CBs are the larger (all_gather's one sender CB is at most 3 packets): ${rs.why}`,
    cbs: rs.cbs,
    workersPerDirection: 1,
    reasons: [
      ring === undefined &&
        "the ring size along cluster_axis is not in the op's types (result = input) and no get_device mesh_shape or ttcore.device meshShape states the op's mesh: assumed some tile dim divides it into tile-aligned slices (else tt-metal runs the composite all_gather + local sum)",
      ring === 1 &&
        `${meshText}: tt-mlir's canonicalizer folds such an all_reduce to its input when the module's ttcore.device meshShape is not empty (TTNNOps.cpp@19c86fc AllReduceOp::fold, tt-mlir PR #2402); the figure is the native path's CBs, whose one-device ring was not read`,
      rs.topologyUnknown && 'topology not in the IR: the larger of the line and ring tile granularities',
      gatherStepChanged &&
        `the all_gather step runs the factories of ${changePointText('all-gather-rewrite')} (unicast: two CB entries of at most 3 packets, below this figure; multicast not read)`,
      "the scattered tensor between the two steps takes the result's memory config; when that is L1 it is not counted",
    ],
    citations: [CITES.allReduce, CITES.reduceScatter, CITES.allGatherMinimal],
  });
}

/**
 * all_reduce_async's choice for a ring of `ring` devices (all_reduce_async.cpp@622c6fb): finding_scatter_dim takes the
 * last dim whose extent (tile units for the last two, padded) the ring divides; with none, or when the reduce-scatter
 * or all-gather on that dim would be composite (composite_common.cpp@622c6fb use_composite_reduce_scatter: a tiled
 * slice of the last two dims not whole tiles; use_composite_all_gather: a tiled input padded on that dim), tt-metal
 * runs the composite all_gather + local sum: the reason. Else the scatter dim.
 */
function allReduceScatterDim(input: ResolvedTensor, tileUnits: readonly number[], ring: number): number | string {
  const rank = tileUnits.length;
  let dim = -1;
  for (let d = rank - 1; d >= 0; d--)
    if (tileUnits[d]! % ring === 0) {
      dim = d;
      break;
    }
  const composite = 'tt-metal runs the composite all_gather + local sum (all_broadcast, concat, moreh_sum)';
  if (dim < 0) return `no dim of the input divides over the ring: ${composite}`;
  const extent = input.logical[dim]!;
  const lastTwo = dim >= rank - 2;
  if (lastTwo && extent % ring === 0 && (extent / ring) % 32 !== 0)
    return `each device's slice of dim ${dim} (${extent / ring}) is not whole tiles: ${composite}`;
  if (paddedOn(input, dim, extent)) return `dim ${dim} (${extent}) is padded inside a tile: ${composite}`;
  return dim;
}

// ---------------------------------------------------------------------------------------------
// point_to_point

/**
 * `compute_aligned_packet_dims`: a page that fits travels with others, k = min(⌊max / aligned page⌋, pages) to a
 * packet; a larger page is cut into max-sized segments, one page per packet.
 */
function alignedPacketDims(
  t: ResolvedTensor,
  alignment: number,
  channel: number,
): { pagesPerPacket: number; packetBytes: number } {
  const max = t.dtype === 'bf16' ? 2 ** Math.floor(Math.log2(channel)) : channel;
  const aligned = alignUp(t.geometry.pageBytes, alignment);
  if (aligned <= max) {
    const k = Math.max(1, Math.min(Math.floor(max / aligned), t.geometry.nPages));
    return { pagesPerPacket: k, packetBytes: k * aligned };
  }
  return { pagesPerPacket: 1, packetBytes: max };
}

export function estimatePointToPoint(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const shapes = resolveUnaryShape(op);
  if (typeof shapes === 'string') return unmodeled(op.name, shapes);
  const { input, output } = shapes;
  const alignment = ctx.device.l1AlignmentBytes;
  const channel = channelBufferBytes(ctx);
  const header = fabric1dHeader(ctx).bytes;
  const send = alignedPacketDims(input, alignment, channel);
  const receive = alignedPacketDims(output, alignment, channel);
  const headers = 2 * 2 * header;
  const senderCbs: CbSpec[] = [
    {
      index: 0,
      role: 'sender pages (reader → writer)',
      nPages: 2,
      pageBytes: alignUp(input.geometry.pageBytes, alignment),
    },
    { index: 1, role: 'packet headers', nPages: 4, pageBytes: header },
    { index: 2, role: 'packet staging', nPages: 1, pageBytes: send.packetBytes },
  ];
  const receiverCbs: CbSpec[] = [
    { index: 0, role: 'packet headers', nPages: 4, pageBytes: header },
    { index: 1, role: 'packet staging', nPages: 1, pageBytes: receive.packetBytes },
    {
      index: 2,
      role: 'receiver pages (reader → writer)',
      nPages: 3 * receive.pagesPerPacket,
      pageBytes: output.geometry.pageBytes,
    },
  ];
  const total = (cbs: CbSpec[]): number =>
    cbs.reduce((n, cb) => n + alignUp(cb.nPages * cb.pageBytes, ctx.device.dramAlignmentBytes), 0);
  const receiverWorse = total(receiverCbs) >= total(senderCbs);
  return finishProgram({
    op,
    ctx,
    factory: receiverWorse
      ? 'PointToPointOp::SendReceive (receive program)'
      : 'PointToPointOp::SendReceive (send program)',
    factoryReason: `one core per device: the sender's program (2 pages, ${headers} B of headers, a ${send.packetBytes} B packet) or the receiver's (headers, a ${receive.packetBytes} B packet, 3·${receive.pagesPerPacket} pages); the figure is the ${receiverWorse ? 'receiver' : 'sender'}'s, the larger`,
    groups: [{ name: 'worker', nCores: 1, firstCore: [0, 0] }],
    cbs: receiverWorse ? receiverCbs : senderCbs,
    confidence: 'approx',
    approxReason: approxReasons([
      defaultFabric(ctx),
      output.layout.bufferType === 'l1' &&
        "the receive-side intermediate tensor (total packets × packet bytes, in the result's memory config, so in L1 here) is not counted",
    ]),
    citations: [CITES.p2pSend, CITES.p2pReceive, CITES.fabric],
    notes: ['per-device figure: the sender and the receiver run different programs; the larger is reported'],
  });
}
