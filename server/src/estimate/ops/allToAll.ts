/**
 * Per-device L1 estimate for the MoE all-to-all CCL ops tt-mlir emits: `ttnn.all_to_all_dispatch` (route each token
 * to the devices holding its selected experts) and `ttnn.all_to_all_combine` (send the expert outputs back). Same
 * conventions as ops/ccl.ts: tt-mlir prints per-device types, so each figure is one device's program; fabric
 * constants (4,352 B payload, the build's 1D header: fabric1dHeader) come from there.
 *
 * Sizes (bytes; a row-major page = last dim × element size, aligned to its buffer's alignment: DRAM 32 B on Wormhole,
 * L1 16 B; T = tokens on this device = volume / hidden; L = num_links = 1, the default tt-mlir's runtime leaves; one
 * sender core per link, from the sub-device's first core):
 *   dispatch (AllToAllDispatchSparse; get_cb_sizes)                                                          [1][2]
 *     c_0 input      2 · aligned input page
 *     c_1 indices    ⌈T / L⌉ · aligned indices page
 *     c_2 mapping    mapping pages · aligned mapping page
 *     c_3 headers    2 · packet header (48 B, 64 B before change point fabric-1d-header-by-system-size)
 *     c_4 send map   mesh devices · ⌈T / L⌉ · 1 B (one byte per token and device: "already sent")
 *     c_5 metadata   T · dispatch devices · aligned indices page — only in the FullPacket impl, which the entry
 *                    point picks when Σ(c_0..c_5) + the L1 results per bank fit in the largest free L1 block;
 *                    otherwise PageByPage (no c_5)                                                            [3]
 *   combine (AllToAllCombineFromSparse)                                                                       [4]
 *     c_0 data       E_d · input page aligned to its buffer (DRAM 32 / L1 16), E_d = experts / mesh devices
 *     c_1 mapping    align16(mapping page);  c_2 local experts align16(2 · E_d);  c_3 metadata align16(metadata page)
 *     c_4 client interface  2 · CLIENT_INTERFACE_SIZE (3,280)                                                 [5]
 * Mesh size: the expert mapping is [1, 1, experts, mesh devices] (one column per device), so its last dim is the mesh
 * device count the factories read from the mesh view; `num_devices` (tt-mlir) is the device count along cluster_axis.
 * Operands: tt-metal requires row-major bf16 input and row-major u16 indices / mapping / metadata; tt-mlir's TTNN
 * workarounds convert the operands to that form before the op runs [6], so pages are sized in that form ('approx'
 * when the IR still shows another form; the conversions are separate programs).
 *
 * References (tenstorrent/tt-metal unless noted):
 *   [1] ttnn/cpp/ttnn/operations/ccl/all_to_all_dispatch/device/all_to_all_dispatch_program_factory.cpp@003544f
 *       (detail::get_cb_sizes; CBs on the sender core grid; c_5 only for AllToAllTransferType::FullPacket)
 *   [2] …/all_to_all_dispatch/device/all_to_all_dispatch_device_operation.cpp@5cd3a45 (validate_on_program_cache_miss)
 *   [3] …/all_to_all_dispatch/all_to_all_dispatch.cpp@012e288 (num_links default 1; FullPacket unless the CBs and L1
 *       outputs exceed largest_free_block_bytes, then PageByPage)
 *   [4] …/all_to_all_combine/device/all_to_all_combine_program_factory.cpp@003544f (same CBs @40e8731, mid-2025);
 *       …/all_to_all_combine_device_operation.cpp@021df86 (validate_on_program_cache_miss)
 *   [5] tt_metal/fabric/fabric_edm_packet_header / fabric_common.h (CLIENT_INTERFACE_SIZE = 3280)
 *   [6] tt-mlir runtime/lib/ttnn/operations/ccl/all_to_all_dispatch.cpp, all_to_all_combine.cpp@05044f1 (axis from
 *       cluster_axis; num_links, topology, sub-device left to the defaults; locally_reduced false);
 *       test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir (operand workarounds)
 *   [7] tt-metal PR #24816 (2025-07, token-device send map c_4 and packed metadata c_5 with the PageByPage fallback);
 *       PR #25124 (multi-link token split). Change point `a2a-dispatch-send-map`; the earlier factory (@72c3272:
 *       whole-indices CB, 16 packet headers, no send map) is not modeled.
 *
 * Assumptions ('approx' always): the build's 1D fabric header (ccl.ts fabric1dHeader: 48 B from tt-metal PR #34976 on
 *   systems no wider than 17 chips, else 64 B);
 *   num_links = 1; the largest free L1 block taken as the L1 above the unreserved base not held by live buffers; the
 *   all_to_all_dispatch_metadata (experimental, persistent mode) is modeled at the end of this file.
 * Worked example (tt-mlir moe_ccl_workaround_with_optimizer.mlir, mesh 2x4, cluster_axis 0): dispatch of 1x1x128x2880
 *   bf16 tokens with 1x1x128x4 indices and a 1x1x32x8 mapping, all DRAM: page 5,760; indices page align32(8) = 32;
 *   mapping page align32(16) = 32 (32 pages); T = 128: c_0 11,520 + c_1 4,096 + c_2 1,024 + c_3 2·48 = 96 (2026 build)
 *   + c_4 8·128 = 1,024 + c_5 128·2·32 = 8,192 → 25,952 B on one core (c_3 2·64 and 25,984 B before tt-metal PR #34976;
 *   asserted in test/unit/estimate/allToAll.test.ts).
 */

import { elementBytes, type DataType } from '../../ttnn/dtype';
import { alignUp, isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { atOrAfter } from '../changePoints';
import {
  bufferAlignmentBytes,
  CbSpec,
  ResolvedTensor,
  finishProgram,
  maxL1Space,
  outputsInL1,
  propInt,
  resolveTensor,
} from '../common';
import type { EstimateContext, L1Intermediate, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { fabric1dHeader } from './ccl';

const CITES = {
  dispatchFactory:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_to_all_dispatch/device/all_to_all_dispatch_program_factory.cpp@003544f (detail::get_cb_sizes)',
  dispatchValidate:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_to_all_dispatch/device/all_to_all_dispatch_device_operation.cpp@5cd3a45 (validate_on_program_cache_miss)',
  dispatchEntry:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_to_all_dispatch/all_to_all_dispatch.cpp@012e288 (num_links 1; FullPacket unless the CBs and L1 outputs exceed the largest free L1 block)',
  combineFactory:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_to_all_combine/device/all_to_all_combine_program_factory.cpp@003544f (c_0..c_4; same at @40e8731)',
  combineValidate:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/all_to_all_combine/device/all_to_all_combine_device_operation.cpp@021df86 (validate_on_program_cache_miss)',
  clientInterface: 'tt-metal tt_metal/fabric fabric_common.h (CLIENT_INTERFACE_SIZE = 3280)',
  runtime:
    'tt-mlir runtime/lib/ttnn/operations/ccl/all_to_all_dispatch.cpp, all_to_all_combine.cpp@05044f1 (num_links / topology / sub-device defaults)',
  workarounds:
    'tt-mlir test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir (row-major bf16 input, row-major u16 indices / mapping / metadata)',
} as const;

/** Fabric client interface bytes (tt_fabric CLIENT_INTERFACE_SIZE). */
const CLIENT_INTERFACE_BYTES = 3280;
/** tt-mlir's runtime passes no num_links; the ttnn entry points default to 1. */
const NUM_LINKS = 1;

/** Row-major page of `t` in `dtype` (the form tt-mlir's workaround gives it): last dim × element size. */
function rowBytes(t: ResolvedTensor, dtype: DataType): number {
  return (t.logical[t.logical.length - 1] ?? 1) * (elementBytes(dtype) ?? 2);
}

function rows(t: ResolvedTensor): number {
  const last = t.logical[t.logical.length - 1] ?? 1;
  return last === 0 ? 0 : t.logical.reduce((a, b) => a * b, 1) / last;
}

function workaroundNote(t: ResolvedTensor, what: string, dtype: DataType): string | undefined {
  if (t.layout.pageLayout === 'row_major' && t.dtype === dtype) return undefined;
  return `${what} sized as the row-major ${dtype} tensor tt-mlir's workaround makes of it (IR: ${t.layout.pageLayout} ${t.dtype})`;
}

function resultSharded(op: TtnnOp): boolean {
  return op.results.some((r) => r.kind === 'tensor' && r.layout.kind === 'layout' && isSharded(r.layout));
}

function senderGroup() {
  return [{ name: 'senders', nCores: NUM_LINKS, firstCore: [0, 0] as [number, number] }];
}

export function estimateAllToAllDispatch(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (!atOrAfter(ctx, 'a2a-dispatch-send-map')) {
    return unmodeled(
      op.name,
      'builds before tt-metal PR #24816 (change point a2a-dispatch-send-map) ran an earlier all_to_all_dispatch factory (whole-indices CB, 16 packet headers) not modeled',
    );
  }
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const indices = resolveTensor(op.operands[1], 'expert indices');
  if (typeof indices === 'string') return unmodeled(op.name, indices);
  const mapping = resolveTensor(op.operands[2], 'expert mapping');
  if (typeof mapping === 'string') return unmodeled(op.name, mapping);
  const rank = input.logical.length;
  if (rank !== 4 || indices.logical.length !== rank) {
    return illegal(
      op.name,
      'Input and indices tensor must have the same number of dimensions (rank 4)',
      CITES.dispatchValidate,
    );
  }
  for (let i = 0; i < rank - 1; i++) {
    if (input.logical[i] !== indices.logical[i]) {
      return illegal(
        op.name,
        `Input and indices tensor must have the same shape for all dimensions except the last. Mismatch at dimension ${i} with shape ${input.logical[i]} and ${indices.logical[i]}`,
        CITES.dispatchValidate,
      );
    }
  }
  if (resultSharded(op)) return illegal(op.name, 'Output memory config must not be sharded', CITES.dispatchValidate);
  const meshDevices = mapping.logical[mapping.logical.length - 1] ?? 0;
  const dispatchDevices = propInt(op, 'num_devices');
  if (meshDevices < 1) return unmodeled(op.name, 'the expert mapping has no device column: mesh size unknown');
  if (dispatchDevices === undefined || dispatchDevices < 1)
    return unmodeled(op.name, 'num_devices (devices along cluster_axis) is missing');

  const inputPage = alignUp(rowBytes(input, 'bf16'), bufferAlignmentBytes(input, ctx));
  const indicesPage = alignUp(rowBytes(indices, 'u16'), bufferAlignmentBytes(indices, ctx));
  const mappingPage = alignUp(rowBytes(mapping, 'u16'), bufferAlignmentBytes(mapping, ctx));
  const tokens = rows(input);
  const tokensPerCore = Math.ceil(tokens / NUM_LINKS);
  const base: CbSpec[] = [
    { index: 0, role: 'input token pages (double-buffered)', nPages: 2, pageBytes: inputPage },
    { index: 1, role: "expert indices of this core's tokens", nPages: tokensPerCore, pageBytes: indicesPage },
    { index: 2, role: 'expert mapping (whole tensor)', nPages: rows(mapping), pageBytes: mappingPage },
    { index: 3, role: 'fabric packet headers', nPages: 2, pageBytes: fabric1dHeader(ctx).bytes },
    { index: 4, role: 'token-device send map (1 B each)', nPages: 1, pageBytes: meshDevices * tokensPerCore },
  ];
  const metadataCb: CbSpec = {
    index: 5,
    role: 'packed metadata (FullPacket)',
    nPages: tokens * dispatchDevices,
    pageBytes: indicesPage,
  };
  const allCbsBytes = [...base, metadataCb].reduce((s, c) => s + c.nPages * c.pageBytes, 0);
  const l1OutputsBytes = outputsInL1(op, ctx).reduce((s, o) => s + o.bytesPerCore, 0);
  const fullPacket = allCbsBytes + l1OutputsBytes <= maxL1Space(ctx);
  const approx = [
    fabric1dHeader(ctx).assumption,
    "num_links 1, as tt-mlir's runtime leaves it",
    'largest free L1 block taken as the unreserved L1 not held by live buffers',
    workaroundNote(input, 'input', 'bf16'),
    workaroundNote(indices, 'indices', 'u16'),
    workaroundNote(mapping, 'mapping', 'u16'),
  ].filter((s): s is string => s !== undefined);
  return finishProgram({
    op,
    ctx,
    factory: `AllToAllDispatchSparse (${fullPacket ? 'FullPacket' : 'PageByPage'})`,
    factoryReason: `${tokens} tokens on ${NUM_LINKS} sender core; ${meshDevices} mesh devices, ${dispatchDevices} along cluster_axis; CBs${l1OutputsBytes > 0 ? ' + L1 outputs' : ''} = ${allCbsBytes + l1OutputsBytes} B ${fullPacket ? 'fit' : 'exceed'} the free L1 (${maxL1Space(ctx)} B)`,
    groups: senderGroup(),
    cbs: fullPacket ? [...base, metadataCb] : base,
    confidence: 'approx',
    approxReason: approx.join('; '),
    citations: [CITES.dispatchFactory, CITES.dispatchEntry, CITES.dispatchValidate, CITES.runtime, CITES.workarounds],
    notes: ['per-device figure (tt-mlir prints per-device tensor types)'],
  });
}

export function estimateAllToAllCombine(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const metadata = resolveTensor(op.operands[1], 'expert metadata');
  if (typeof metadata === 'string') return unmodeled(op.name, metadata);
  const mapping = resolveTensor(op.operands[2], 'expert mapping');
  if (typeof mapping === 'string') return unmodeled(op.name, mapping);
  if (input.logical.length !== 4 || metadata.logical.length !== 4 || mapping.logical.length !== 4) {
    return illegal(op.name, 'Input, metadata, and mapping tensors must all be rank 4', CITES.combineValidate);
  }
  const meshDevices = mapping.logical[3];
  const experts = mapping.logical[2];
  if (meshDevices < 1) return unmodeled(op.name, 'the expert mapping has no device column: mesh size unknown');
  if (experts % meshDevices !== 0) {
    return illegal(
      op.name,
      `Number of experts ${experts} should be evenly divisible by devices: ${meshDevices}`,
      CITES.combineValidate,
    );
  }
  const expertsPerDevice = experts / meshDevices;
  // tt-mlir's runtime passes locally_reduced = false: one input slice per local expert.
  if (input.logical[0] !== expertsPerDevice) {
    return illegal(
      op.name,
      `Expected input shape dim 0: ${input.logical[0]} to be equal to expert mapping dim 2: ${experts} / ${meshDevices} devices`,
      CITES.combineValidate,
    );
  }
  const axisGroup = propInt(op, 'num_devices');
  if (axisGroup === undefined || axisGroup < 1)
    return unmodeled(op.name, 'num_devices (devices along cluster_axis) is missing');
  const batch = metadata.logical[1];
  if (batch % axisGroup !== 0)
    return illegal(op.name, `Batch ${batch} must be divisible by axis group`, CITES.combineValidate);
  if (resultSharded(op)) return illegal(op.name, 'Output memory config must not be sharded', CITES.combineValidate);

  const l1Align = ctx.device.l1AlignmentBytes;
  const cbs: CbSpec[] = [
    {
      index: 0,
      role: 'expert output token pages (one per local expert)',
      nPages: expertsPerDevice,
      pageBytes: alignUp(rowBytes(input, 'bf16'), bufferAlignmentBytes(input, ctx)),
    },
    { index: 1, role: 'expert mapping page', nPages: 1, pageBytes: alignUp(rowBytes(mapping, 'u16'), l1Align) },
    { index: 2, role: 'local experts scratch', nPages: 1, pageBytes: alignUp(2 * expertsPerDevice, l1Align) },
    { index: 3, role: 'metadata page', nPages: 1, pageBytes: alignUp(rowBytes(metadata, 'u16'), l1Align) },
    {
      index: 4,
      role: 'fabric client interface (unicast + atomic-inc headers)',
      nPages: 2,
      pageBytes: CLIENT_INTERFACE_BYTES,
    },
  ];
  const approx = [
    "num_links 1, as tt-mlir's runtime leaves it",
    workaroundNote(input, 'input', 'bf16'),
    workaroundNote(metadata, 'metadata', 'u16'),
    workaroundNote(mapping, 'mapping', 'u16'),
  ].filter((s): s is string => s !== undefined);
  return finishProgram({
    op,
    ctx,
    factory: 'AllToAllCombineFromSparse',
    factoryReason: `${experts} experts over ${meshDevices} mesh devices → ${expertsPerDevice} per device (c_0 buffering); ${batch * metadata.logical[2]} tokens on ${NUM_LINKS} sender core`,
    groups: senderGroup(),
    cbs,
    confidence: 'approx',
    approxReason: approx.join('; '),
    citations: [CITES.combineFactory, CITES.combineValidate, CITES.clientInterface, CITES.runtime, CITES.workarounds],
    notes: ['per-device figure (tt-mlir prints per-device tensor types)'],
  });
}

// ---------------------------------------------------------------------------------------------
// all_to_all_dispatch_metadata

const METADATA_CITES = {
  factory:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/all_to_all_dispatch_metadata/device/all_to_all_dispatch_metadata_program_factory.cpp@01c8afe (detail::get_cb_sizes; CBs on the num_links sender cores of DIRECT mode)',
  entry:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/all_to_all_dispatch_metadata/all_to_all_dispatch_metadata.cpp@cb76de9 (num_links = get_num_links(mesh, axis) when not given; worker cores from (0,0); drain core from the persistent indices shard)',
  validate:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/all_to_all_dispatch_metadata/device/all_to_all_dispatch_metadata_device_operation.cpp@003cc26 (validate_on_program_cache_miss)',
  runtime:
    'tt-mlir runtime/lib/ttnn/operations/ccl/all_to_all_dispatch_metadata.cpp@19c86fc (persistent buffers and semaphore bound; num_links nullopt; WorkerMode::DIRECT; SPARSE_MCAST_SHORTEST_PATH)',
  workarounds:
    'tt-mlir lib/Dialect/TTNN/IR/TTNNWorkaroundsPass.cpp (createAllToAllDispatchMetadataOpOperandsWorkarounds: L1-interleaved row-major bf16 input / scores, u16 indices, row-major u16 mapping) and IR/TTNNOps.cpp (AllToAllDispatchMetadataOp::allocateBuffers: indices / scores height-sharded on core (0,0))@19c86fc',
} as const;

/**
 * `ttnn.all_to_all_dispatch_metadata` (tt-mlir's runtime: persistent mode, WorkerMode::DIRECT) on its sender cores:
 * one per link, each holding the CBs of detail::get_cb_sizes [METADATA_CITES.factory]:
 *   c_0 2 · aligned input page · c_1 t · aligned indices-out page · c_6 t · aligned scores-out page ·
 *   c_2 one aligned mapping row (the [devices, experts] mapping's source-device row) · c_3 8 fabric packet headers ·
 *   c_4 mesh devices · t · 1 B (send map) · c_5 tokens · (aligned indices-out + aligned scores-out page) (metadata),
 * with tokens = the input's rows on this device and t = ⌈tokens / num_links⌉. num_links is get_num_links(mesh, axis),
 * the fabric's Ethernet links along cluster_axis, which the IR does not carry: the figure takes 1 link, the largest
 * per-core CBs (more links split c_1, c_4 and c_6). Operands are sized in the form tt-mlir's workaround gives them
 * (L1-interleaved row-major bf16 input and scores, u16 indices; row-major u16 mapping in its own buffer); the indices
 * and scores outputs are height-sharded on the drain core (0, 0), L1-aligned.
 */
export function estimateAllToAllDispatchMetadata(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const indices = resolveTensor(op.operands[1], 'expert indices');
  if (typeof indices === 'string') return unmodeled(op.name, indices);
  const scores = resolveTensor(op.operands[2], 'expert scores');
  if (typeof scores === 'string') return unmodeled(op.name, scores);
  const mapping = resolveTensor(op.operands[3], 'expert mapping');
  if (typeof mapping === 'string') return unmodeled(op.name, mapping);
  const indicesOut = resolveTensor(op.results[1], 'indices result');
  if (typeof indicesOut === 'string') return unmodeled(op.name, indicesOut);
  const scoresOut = resolveTensor(op.results[2], 'scores result');
  if (typeof scoresOut === 'string') return unmodeled(op.name, scoresOut);
  if (indices.logical.join('x') !== scores.logical.join('x'))
    return illegal(
      op.name,
      `Scores tensor shape [${scores.logical.join(', ')}] must match indices tensor shape [${indices.logical.join(', ')}]`,
      METADATA_CITES.validate,
    );
  const rank = input.logical.length;
  if (rank !== 4 || indices.logical.length !== rank)
    return illegal(
      op.name,
      'Input and indices tensor must have the same number of dimensions',
      METADATA_CITES.validate,
    );
  for (let i = 0; i < rank - 1; i++) {
    if (input.logical[i] !== indices.logical[i])
      return illegal(
        op.name,
        `Input and indices tensor must have the same shape for all dimensions except the last. Mismatch at dimension ${i} with shape ${input.logical[i]} and ${indices.logical[i]}`,
        METADATA_CITES.validate,
      );
  }
  if (mapping.logical.length !== 2)
    return illegal(
      op.name,
      `Expert mapping tensor must have rank 2 with shape [devices, experts], got rank ${mapping.logical.length}`,
      METADATA_CITES.validate,
    );
  const meshDevices = mapping.logical[0];
  const l1Align = ctx.device.l1AlignmentBytes;
  const numLinks = 1;
  const tokens = rows(input);
  const perCore = Math.ceil(tokens / numLinks);
  const inputPage = alignUp(rowBytes(input, 'bf16'), l1Align);
  const indicesOutPage = alignUp(rowBytes(indicesOut, 'u16'), l1Align);
  const scoresOutPage = alignUp(rowBytes(scoresOut, 'bf16'), l1Align);
  const mappingPage = alignUp(rowBytes(mapping, 'u16'), bufferAlignmentBytes(mapping, ctx));
  const header = fabric1dHeader(ctx);
  const cbs: CbSpec[] = [
    { index: 0, role: 'input token pages (double-buffered)', nPages: 2, pageBytes: inputPage },
    { index: 1, role: "expert indices of this core's tokens", nPages: perCore, pageBytes: indicesOutPage },
    { index: 6, role: "expert scores of this core's tokens", nPages: perCore, pageBytes: scoresOutPage },
    { index: 2, role: "expert mapping (this device's row)", nPages: 1, pageBytes: mappingPage },
    { index: 3, role: 'fabric packet headers', nPages: 8, pageBytes: header.bytes },
    { index: 4, role: 'token-device send map (1 B each)', nPages: 1, pageBytes: meshDevices * perCore },
    {
      index: 5,
      role: 'metadata (indices + scores per token)',
      nPages: tokens,
      pageBytes: indicesOutPage + scoresOutPage,
    },
  ];
  // The workaround's L1 copies of operands the IR keeps elsewhere, and the drain-core outputs, are not in this IR's
  // types: they are counted as the op's L1 tensors on core (0, 0), the first sender and the drain core.
  const banks = ctx.device.nL1Banks;
  const intermediates: L1Intermediate[] = [];
  const copy = (t: ResolvedTensor, what: string, page: number): void => {
    if (t.layout.bufferType === 'l1') return;
    intermediates.push({
      role: `${what} in L1 (tt-mlir workaround)`,
      bytesPerCore: Math.ceil(rows(t) / banks) * page,
      liveDuringProgram: true,
    });
  };
  copy(input, 'input', inputPage);
  copy(indices, 'expert indices', alignUp(rowBytes(indices, 'u16'), l1Align));
  copy(scores, 'expert scores', alignUp(rowBytes(scores, 'bf16'), l1Align));
  const drainSharded = (t: ResolvedTensor): boolean => t.layout.bufferType === 'l1' && isSharded(t.layout);
  if (!drainSharded(indicesOut))
    intermediates.push({
      role: 'indices output sharded on the drain core (0, 0)',
      bytesPerCore: rows(indicesOut) * indicesOutPage,
      liveDuringProgram: true,
    });
  if (!drainSharded(scoresOut))
    intermediates.push({
      role: 'scores output sharded on the drain core (0, 0)',
      bytesPerCore: rows(scoresOut) * scoresOutPage,
      liveDuringProgram: true,
    });
  const approx = [
    `num_links is get_num_links(mesh, cluster_axis), the fabric's Ethernet links along the axis (not in the IR): 1 link taken, the largest per-core CBs (${numLinks} sender core)`,
    header.assumption,
    workaroundNote(input, 'input', 'bf16'),
    workaroundNote(indices, 'indices', 'u16'),
    workaroundNote(scores, 'scores', 'bf16'),
    intermediates.length > 0
      ? "the workaround's L1 operand copies and drain-core outputs are not in this IR's types: counted as the op's L1 intermediates"
      : undefined,
  ].filter((s): s is string => s !== undefined);
  const intermediateBytes = intermediates.reduce((s, t) => s + t.bytesPerCore, 0);
  return finishProgram({
    op,
    ctx,
    factory: 'AllToAllDispatchMetadataSparse (persistent, DIRECT)',
    factoryReason: `${tokens} tokens on ${numLinks} sender core; ${meshDevices} mesh devices; indices and scores pages of ${indicesOutPage} / ${scoresOutPage} B on the drain core`,
    groups: senderGroup(),
    cbs,
    confidence: 'approx',
    approxReason: approx.join('; '),
    citations: [
      METADATA_CITES.factory,
      METADATA_CITES.entry,
      METADATA_CITES.validate,
      METADATA_CITES.runtime,
      METADATA_CITES.workarounds,
    ],
    notes: [
      'per-device figure (tt-mlir prints per-device tensor types)',
      'in persistent mode the outputs are the buffers tt-mlir binds in the function prelude: they are not allocated by the op',
    ],
    ...(intermediates.length > 0
      ? { l1IntermediateBytesPerCore: intermediateBytes, l1Intermediates: intermediates }
      : {}),
  });
}
