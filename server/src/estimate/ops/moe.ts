/**
 * L1 estimates for the MoE ops tt-mlir emits for expert routing: `ttnn.sparse_matmul`, `ttnn.moe_expert_token_remap`
 * and `ttnn.topk_router_gpt`.
 *
 * sparse_matmul (SparseMatmulMultiCoreReuseMcast1DProgramFactory [1], validation [2]):
 *   config: the IR's `program_config` (a 1D mcast-in0 config); without one, the config PR #7300's branch runtime built
 *     [3]: in0_block_w = out_block_h = out_block_w = out_subblock_h = out_subblock_w = 1, per_core_M = max(1, ⌊M / 32⌋),
 *     per_core_N = max(1, ⌈Nt / 8⌉), grid 8x8, mcast_in0 (tt-mlir main sets the same blocks at compile time, on a grid
 *     of as many columns as divide Nt evenly: the same CBs per core, other cores)
 *   batchA = 1 (a and b sparse), batch(a) / batch(b) (a sparse), batch(a) (b sparse); batchB = batch(b)
 *   num_blocks = Kt / in0_block_w; d = 2 when batchA · batchB · num_blocks > 1, else 1 (MCAST_INPUT_BUFFERING_DEPTH)
 *   c_0 (in0) = d · out_block_h · in0_block_w · T(a);  c_1 (in1) = d · out_block_w · in0_block_w · T(b)
 *   c_4 (out) = out_block_h · out_block_w · T(out), sharing its region with c_5 (partials) unless the partials format
 *     differs (fp32 accumulation or packer L1 accumulation over more than one block: then c_5 is its own CB)
 *   c_6, c_7 (sparsity) = one aligned sparsity page each (one row of the row-major sparsity tensor); before change point
 *     `sparse-matmul-sparsity-aligned-page` batchB · 4 B each
 *   c_25 (no nnz) = sparsity volume · 4 B, from change point `sparse-matmul-nnz-cb` to `sparse-matmul-nnz-cb-dropped`
 *   cores: ⌈Mt / per_core_M⌉ · ⌈Nt / per_core_N⌉, row-major over the config grid, all with the same CBs
 *
 * moe_expert_token_remap (MoeExpertTokenRemapDeviceOperation::Multicore [4], validation [5]): on every core of the grid,
 *   c_0 = align16(mapping page), c_1 = align16(experts_per_device · 2), c_2 = align16(metadata page),
 *   c_3 = 2 · align16(topk page), c_4 = output mapping page, c_5 = output reduced page (two-result builds only).
 *   Pages are row-major rows: last dim × element size.
 *
 * topk_router_gpt (TopkRouterGptProgramFactory [7]): on the DRAM-bank worker cores (one per bank; fewer than 12 is
 *   tt-metal's TT_FATAL), in 4 groups of 3 ring positions, the third of each group a worker, one worker the collector;
 *   every tile bf16 (2,048 B); max_k = ⌈(hidden / 32) / 3⌉:
 *   all cores: c_0 weight max_k, c_1 input max_k, c_2 2, c_3 1 tiles;
 *   workers: + c_4, c_5, c_6 1 tile each, c_8, c_9 4 tiles each;
 *   collector: + c_10 2, c_11..c_15 1 each, c_16 2 tiles, c_19 2 · 32 · round_up(k, 8) · 2 B.
 *   The core sets nest (all ⊃ workers ⊃ collector), so each group's CBs follow one another.
 *
 * References (tenstorrent/tt-metal unless noted):
 *   [1] ttnn/cpp/ttnn/operations/matmul/device/sparse/factory/sparse_matmul_multicore_reuse_mcast_1d_optimized.cpp@060a2d5
 *       (dataflow-buffer form; the earlier CircularBufferConfig form — c_0, c_1, c_4/c_5, c_6, c_7 — sizes the same
 *       buffers alike on Wormhole, where every 32x32 tile size is a multiple of the 32 B DRAM alignment)
 *   [2] ttnn/cpp/ttnn/operations/matmul/device/sparse/sparse_matmul_device_operation.cpp@01656bf
 *       (validate_on_program_cache_miss; create_sparse_matmul_attributes: the matmul compute-kernel defaults)
 *   [3] tenstorrent/tt-mlir runtime/lib/ttnn/operations/matmul/matmul.cpp (createSparseMatmulProgramConfig) on PR
 *       #7300's branch only (716292c, 2026-03-02); as merged (e710bf1, 2026-03-07) and to 19c86fc, TTIR→TTNN sets
 *       program_config (TTIRToTTNN.cpp createSparseMatmulProgramConfigAttr) and the runtime asserts it is present
 *       ("SparseMatmulOp requires program_config to be set at compile time"): a TTNN IR without one does not run
 *       through tt-mlir's flatbuffer runtime on any build of tt-mlir main
 *   [4] ttnn/cpp/ttnn/operations/data_movement/moe_expert_token_remap/device/moe_expert_token_remap_program_factory.cpp@369c386
 *       (two results, reduction_size; @0100b45 has one result and no c_5)
 *   [5] .../moe_expert_token_remap_device_operation.cpp@0100b45 (topk, mapping and metadata row-major; u16 mapping and
 *       metadata; output dtype and layout follow topk)
 *   [6] tenstorrent/tt-mlir test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir
 *       (the TTNN workarounds make the sparsity row-major bf16, the remap's topk row-major bf16 and its mapping and
 *       metadata row-major u16 before the op runs)
 *   [7] ttnn/cpp/ttnn/operations/experimental/topk_router_gpt/device/topk_router_gpt_program_factory.cpp@12b42a1;
 *       tt-mlir runtime/lib/ttnn/operations/reduction/topk_router_gpt.cpp@19c86fc (input, weight, bias, k, num_experts)
 *
 * Version: an explicit config is `exact` only on windows inside read span `sparse-matmul-1d-2025-2026` (the factory at
 *   every commit from sparse_matmul's first, PR #25027, to 622c6fb); a sparse a or dense b before change point
 *   `sparse-matmul-a-sparse-input`, or no nnz before `sparse-matmul-nnz-cb`, is `approx`.
 * Assumptions: the operands are taken in the form tt-mlir's workarounds give them [6] ('approx' when the IR's form
 *   differs); tt-metal's default compute kernel config for an unset one (as matmul's: change points
 *   matmul-default-packer-l1-acc, matmul-default-fp32-acc-f32-output) unless `compute_config` says so;
 *   the indexed (gather) mode of newer sparse_matmul builds is not emitted by tt-mlir.
 * Worked example: sparse_matmul of a 1x1x32x64 and b 1x4x64x32 bf16 with a 1x1x1x4 bf16 sparsity in DRAM (tt-mlir
 *   perf_targets/flops_attention.mlir): runtime config per_core_M = 1, per_core_N = 1; Kt = 2, batchA · batchB ·
 *   num_blocks = 1 · 4 · 2 > 1 → d = 2: c_0 = c_1 = 2 · 2,048 = 4,096; c_4 = 2,048; sparsity page = align32(4 · 2) = 32
 *   twice → 4,096 + 4,096 + 2,048 + 32 + 32 = 10,304 B on one core (see moe.test.ts).
 */

import { elementBytes, tileBytes, type DataType } from '../../ttnn/dtype';
import { alignUp, volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  bufferAlignmentBytes,
  ResolvedTensor,
  coreAt,
  finishProgram,
  propBool,
  propInt,
  resolveTensor,
} from '../common';
import type { CbSpec } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { matmulComputeFlags, parseMatmulConfig } from './matmul';
import { atOrAfter, NEWEST_READ_COMMIT, readSpanCite, windowWithinReadSpan } from '../changePoints';

const CITES = {
  sparseFactory:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/sparse/factory/sparse_matmul_multicore_reuse_mcast_1d_optimized.cpp@060a2d5',
  sparseValidate:
    'tt-metal ttnn/cpp/ttnn/operations/matmul/device/sparse/sparse_matmul_device_operation.cpp@01656bf (validate_on_program_cache_miss)',
  sparseRuntimeConfig:
    'tt-mlir runtime/lib/ttnn/operations/matmul/matmul.cpp@716292c (createSparseMatmulProgramConfig, PR #7300 branch); @e710bf1 … @19c86fc (LOG_ASSERT: program_config set at compile time by TTIRToTTNN.cpp createSparseMatmulProgramConfigAttr)',
  remapFactory:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/moe_expert_token_remap/device/moe_expert_token_remap_program_factory.cpp@369c386',
  remapValidate:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/moe_expert_token_remap/device/moe_expert_token_remap_device_operation.cpp@0100b45',
  workarounds:
    'tt-mlir test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir (operand workarounds)',
} as const;

/** tt-mlir's runtime hard-codes the Wormhole 8x8 grid for its default sparse_matmul config. */
const RUNTIME_DEFAULT_GRID = 8;

function batchOf(padded: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < padded.length - 2; i++) n *= padded[i];
  return n;
}

/** The aligned page of a row-major tensor in the dtype a workaround gives it. */
function rowMajorPage(t: ResolvedTensor, dtype: DataType, align: number): number | undefined {
  const elem = elementBytes(dtype);
  if (elem === undefined) return undefined;
  const w = t.logical[t.logical.length - 1] ?? 1;
  return alignUp(w * elem, align);
}

export function estimateSparseMatmul(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const a = resolveTensor(op.operands[0], 'a');
  if (typeof a === 'string') return unmodeled(op.name, a);
  const b = resolveTensor(op.operands[1], 'b');
  if (typeof b === 'string') return unmodeled(op.name, b);
  const sparsity = resolveTensor(op.operands[2], 'sparsity');
  if (typeof sparsity === 'string') return unmodeled(op.name, sparsity);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  if (a.layout.pageLayout !== 'tile' || b.layout.pageLayout !== 'tile')
    return unmodeled(
      op.name,
      'row-major sparse_matmul operand: tt-metal requires tiled a and b (a to_layout is missing)',
    );
  const aSparse = propBool(op, 'is_input_a_sparse') ?? false;
  const bSparse = propBool(op, 'is_input_b_sparse') ?? true;
  if (!aSparse && !bSparse)
    return illegal(
      op.name,
      'sparse_matmul requires at least one of is_input_a_sparse or is_input_b_sparse to be true',
      CITES.sparseValidate,
    );
  const kA = a.padded[a.padded.length - 1];
  const kB = b.padded[b.padded.length - 2] ?? 1;
  if (kA !== kB)
    return illegal(
      op.name,
      `Dimension K (A.shape[-1] ${kA}) and B.shape[-2] (${kB}) must match for A and B`,
      CITES.sparseValidate,
    );
  const batchLengthA = batchOf(a.padded);
  const batchLengthB = batchOf(b.padded);
  const batchLength = aSparse && bSparse ? batchLengthB : aSparse ? batchLengthA : batchLengthA * batchLengthB;
  const sparsityVolume = volume(sparsity.logical);
  if (sparsityVolume !== batchLength)
    return illegal(
      op.name,
      `sparsity logical_volume (${sparsityVolume}) must equal batch_length (${batchLength})`,
      CITES.sparseValidate,
    );
  const nnz = propInt(op, 'nnz');
  if (nnz !== undefined && nnz > batchLength)
    return illegal(
      op.name,
      `nnz (${nnz}) must be less than or equal to the length of all batch dimensions (${batchLength})`,
      CITES.sparseValidate,
    );

  const mt = (a.padded[a.padded.length - 2] ?? 32) / 32;
  const kt = kA / 32;
  const nt = b.padded[b.padded.length - 1] / 32;
  const explicit = op.properties['program_config'] ?? op.properties['matmul_program_config'];
  let gridX: number;
  let gridY: number;
  let in0BlockW: number;
  let outBlockH: number;
  let outBlockW: number;
  let perCoreM: number;
  let perCoreN: number;
  const approx: string[] = [];
  const citations: string[] = [CITES.sparseFactory, CITES.sparseValidate];
  if (explicit !== undefined && explicit.kind === 'dialect') {
    const cfg = parseMatmulConfig(explicit, ctx.device.workerGrid);
    if (typeof cfg === 'string') return unmodeled(op.name, cfg);
    if (cfg.kind !== 'MatmulMultiCoreReuseMultiCast1DProgramConfig')
      return unmodeled(
        op.name,
        `sparse_matmul runs only the 1D mcast factory; ${cfg.kind} is not a config it accepts (std::get fails)`,
      );
    if (!cfg.mcastIn0) return illegal(op.name, 'Only mcast_in0 is supported for sparse matmul', CITES.sparseFactory);
    ({ gridX, gridY, in0BlockW, outBlockH, outBlockW, perCoreM, perCoreN } = cfg);
  } else {
    gridX = RUNTIME_DEFAULT_GRID;
    gridY = RUNTIME_DEFAULT_GRID;
    in0BlockW = 1;
    outBlockH = 1;
    outBlockW = 1;
    perCoreM = Math.max(1, Math.floor((a.logical[a.logical.length - 2] ?? 32) / 32));
    perCoreN = Math.max(1, Math.ceil(nt / RUNTIME_DEFAULT_GRID));
    approx.push(
      "no program_config in the IR, which tt-mlir's runtime asserts is set at compile time (tt-mlir PR #7300 on): the blocks of the config its compiler would set (all 1) are assumed, as PR #7300's branch runtime built them",
    );
    citations.push(CITES.sparseRuntimeConfig);
  }
  if (kt % in0BlockW !== 0)
    return illegal(op.name, `Kt (${kt}) must be divisible by in0_block_w (${in0BlockW})`, CITES.sparseFactory);
  const nCores = Math.ceil(mt / perCoreM) * Math.ceil(nt / perCoreN);
  if (nCores > gridX * gridY)
    return illegal(
      op.name,
      `Number of blocks exceeds number of cores available: ${nCores} blocks > ${gridX * gridY} cores`,
      CITES.sparseFactory,
    );
  // Cores with work are laid out row-major over gridX columns; the in0 multicast covers their bounding box.
  const boundingBox = nCores <= gridX ? nCores : gridX * Math.ceil(nCores / gridX);
  // The factory checks the grid from PR #30351 (change point 'sparse-matmul-sparsity-aligned-page'); before, the cores
  // outside the work rectangle waited for a multicast that never came.
  if (boundingBox !== nCores)
    return illegal(
      op.name,
      atOrAfter(ctx, 'sparse-matmul-sparsity-aligned-page')
        ? `num_cores_with_work (${nCores}) must be equal to in0_mcast_receiver_num_cores (${boundingBox}), please adjust the core grid to make it rectangular.`
        : `${nCores} cores with work in a ${boundingBox}-core multicast rectangle: the program hangs (no check before tt-metal PR #30351)`,
      CITES.sparseFactory,
    );

  const batchB = batchLengthB;
  const batchA =
    aSparse && bSparse ? 1 : aSparse ? Math.max(1, Math.floor(batchLengthA / Math.max(1, batchB))) : batchLengthA;
  const numBlocks = kt / in0BlockW;
  const depth = batchA * batchB * numBlocks > 1 ? 2 : 1;
  // sparse_matmul resolves an unset config as matmul does (create_sparse_matmul_attributes calls
  // create_matmul_attributes: sparse_matmul_device_operation.cpp, tt-metal main of 2026-06-23).
  const flags = matmulComputeFlags(op, out.dtype, ctx);
  const outTile = tileBytes(out.dtype);
  const packerL1Acc = flags.packerL1Acc && numBlocks > 1;
  // Partials format: f32 with fp32 accumulation, bf16 with packer L1 accumulation, else the output format.
  const intermDtype: DataType = flags.fp32 ? 'f32' : packerL1Acc ? 'bf16' : out.dtype;
  const separateInterm = intermDtype !== out.dtype;
  // The sparsity CBs c_6 / c_7: one aligned page of the sparsity buffer from PR #30351 (change point
  // 'sparse-matmul-sparsity-aligned-page'); before, batchB · 4 B (Float32 entries).
  const alignedPage = atOrAfter(ctx, 'sparse-matmul-sparsity-aligned-page');
  const sparsityPage = alignedPage ? rowMajorPage(sparsity, 'bf16', bufferAlignmentBytes(sparsity, ctx)) : batchB * 4;
  if (sparsityPage === undefined) return unmodeled(op.name, 'sparsity has no row-major page');
  if (alignedPage && (sparsity.layout.pageLayout !== 'row_major' || sparsity.dtype !== 'bf16'))
    approx.push("the sparsity is taken as the row-major bf16 tensor tt-mlir's workaround makes of it");
  // Without nnz the reader counted the nonzero batches into c_25, sparsity volume · 4 B, from PR #27275 until PR #31291
  // passed the count by mailbox (change points 'sparse-matmul-nnz-cb', 'sparse-matmul-nnz-cb-dropped'); before PR
  // #27275 nnz was required, and only b could be sparse until PR #30070 ('sparse-matmul-a-sparse-input').
  const nnzCb =
    nnz === undefined && atOrAfter(ctx, 'sparse-matmul-nnz-cb') && !atOrAfter(ctx, 'sparse-matmul-nnz-cb-dropped');
  if (nnz === undefined && !atOrAfter(ctx, 'sparse-matmul-nnz-cb'))
    approx.push('sparse_matmul without nnz, which tt-metal required before PR #27275 (2025-09-06)');
  if ((aSparse || !bSparse) && !atOrAfter(ctx, 'sparse-matmul-a-sparse-input'))
    approx.push(
      'a sparse a or a dense b, which tt-metal took only from PR #30070 (2025-10-17): earlier rules not modeled',
    );
  if (explicit !== undefined && approx.length === 0 && !windowWithinReadSpan(ctx, 'sparse-matmul-1d-2025-2026'))
    approx.push(
      `the factory was read at every build from tt-metal PR #25027 (2025-07-29, sparse_matmul's first) to ${NEWEST_READ_COMMIT}; the window reaches builds outside`,
    );
  const blockTilesOut = outBlockH * outBlockW;
  const cbs: CbSpec[] = [
    { index: 0, role: 'in0 block', nPages: depth * outBlockH * in0BlockW, pageBytes: tileBytes(a.dtype) },
    { index: 1, role: 'in1 block', nPages: depth * outBlockW * in0BlockW, pageBytes: tileBytes(b.dtype) },
    {
      index: 4,
      role: separateInterm ? 'output block' : 'output / partials block',
      nPages: blockTilesOut,
      pageBytes: outTile,
    },
    ...(separateInterm
      ? [{ index: 5, role: 'partials block', nPages: blockTilesOut, pageBytes: tileBytes(intermDtype) }]
      : []),
    { index: 6, role: 'sparsity page (in0 sender)', nPages: 1, pageBytes: sparsityPage },
    { index: 7, role: 'sparsity page (in1 sender)', nPages: 1, pageBytes: sparsityPage },
    ...(nnzCb
      ? [{ index: 25, role: 'nonzero batch count (nnz)', nPages: 1, pageBytes: volume(sparsity.logical) * 4 }]
      : []),
  ];
  if (explicit !== undefined && approx.length === 0) citations.push(readSpanCite('sparse-matmul-1d-2025-2026'));
  return finishProgram({
    op,
    ctx,
    factory: 'SparseMatmulMultiCoreReuseMcast1DProgramFactory',
    factoryReason: `per_core_M ${perCoreM}, per_core_N ${perCoreN}, in0_block_w ${in0BlockW} → ${nCores} core${nCores === 1 ? '' : 's'}; batchA ${batchA} · batchB ${batchB} · ${numBlocks} K blocks → ${depth === 2 ? 'double' : 'single'}-buffered inputs`,
    grid: [gridY, gridX],
    groups: [{ name: 'all', nCores, firstCore: coreAt(0, [gridY, gridX], 'row') }],
    cbs,
    confidence: approx.length === 0 ? 'exact' : 'approx',
    approxReason: approx.join('; '),
    citations,
  });
}

export function estimateMoeExpertTokenRemap(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const topk = resolveTensor(op.operands[0], 'topk');
  if (typeof topk === 'string') return unmodeled(op.name, topk);
  const mapping = resolveTensor(op.operands[1], 'mapping');
  if (typeof mapping === 'string') return unmodeled(op.name, mapping);
  const metadata = resolveTensor(op.operands[2], 'metadata');
  if (typeof metadata === 'string') return unmodeled(op.name, metadata);
  const mappingOut = resolveTensor(op.results[0], 'mapping result');
  if (typeof mappingOut === 'string') return unmodeled(op.name, mappingOut);
  const reducedSpec = op.results[1];
  const reduced = reducedSpec === undefined ? undefined : resolveTensor(reducedSpec, 'reduced result');
  if (typeof reduced === 'string') return unmodeled(op.name, reduced);
  if (metadata.logical.length < 4) return unmodeled(op.name, 'metadata must be 4-D [1, batch, seq, k]');
  const l1Align = ctx.device.l1AlignmentBytes;
  // The workarounds give topk row-major bf16 and mapping / metadata row-major u16; the results follow topk.
  const approx: string[] = [];
  if (topk.layout.pageLayout !== 'row_major' || topk.dtype !== 'bf16')
    approx.push("topk taken as the row-major bf16 tensor tt-mlir's workaround makes of it");
  for (const [t, what] of [
    [mapping, 'mapping'],
    [metadata, 'metadata'],
  ] as const) {
    if (t.layout.pageLayout !== 'row_major' || t.dtype !== 'u16')
      approx.push(`${what} taken as the row-major u16 tensor tt-mlir's workaround makes of it`);
  }
  const rowBytes = (t: ResolvedTensor, elem: number): number => (t.logical[t.logical.length - 1] ?? 1) * elem;
  const outElem = 2; // bf16, the topk dtype after the workaround
  const expertsPerDevice = mappingOut.logical[mappingOut.logical.length - 1] ?? 1;
  const cbs: CbSpec[] = [
    { index: 0, role: 'expert mapping page', nPages: 1, pageBytes: alignUp(rowBytes(mapping, 2), l1Align) },
    { index: 1, role: 'local experts scratch', nPages: 1, pageBytes: alignUp(expertsPerDevice * 2, l1Align) },
    { index: 2, role: 'metadata page', nPages: 1, pageBytes: alignUp(rowBytes(metadata, 2), l1Align) },
    { index: 3, role: 'topk pages', nPages: 2, pageBytes: alignUp(rowBytes(topk, 2), l1Align) },
    { index: 4, role: 'output mapping page', nPages: 1, pageBytes: expertsPerDevice * outElem },
    ...(reduced === undefined
      ? []
      : [{ index: 5, role: 'output reduced page', nPages: 1, pageBytes: rowBytes(reduced, outElem) }]),
  ];
  const [rows, cols] = ctx.device.workerGrid;
  return finishProgram({
    op,
    ctx,
    factory: 'MoeExpertTokenRemapDeviceOperation::Multicore',
    factoryReason: `CBs on every core of the ${cols}x${rows} grid; ${expertsPerDevice} experts per device${reduced === undefined ? '' : ', reduced output'}`,
    groups: [{ name: 'grid', nCores: rows * cols, firstCore: [0, 0] }],
    cbs,
    confidence: approx.length === 0 ? 'exact' : 'approx',
    approxReason: approx.join('; '),
    citations: [CITES.remapFactory, CITES.remapValidate, CITES.workarounds],
  });
}

const CITE_TOPK_ROUTER_GPT =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/topk_router_gpt/device/topk_router_gpt_program_factory.cpp@12b42a1';

/** `ttnn.topk_router_gpt` [7]: the fused GPT-OSS router matmul + top-k on the DRAM-bank worker cores. */
export function estimateTopkRouterGpt(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const k = propInt(op, 'k');
  if (k === undefined || k <= 0) return unmodeled(op.name, 'k missing or not positive');
  const groups = 4;
  const coresPerGroup = 3;
  const banks = ctx.device.nDramBanks;
  if (banks < groups * coresPerGroup)
    return illegal(
      op.name,
      `topk_router_gpt requires at least ${groups * coresPerGroup} DRAM-aligned cores, got ${banks}`,
      CITE_TOPK_ROUTER_GPT,
    );
  const hidden = input.logical[input.logical.length - 1] ?? 0;
  const totalKTiles = Math.floor(hidden / 32);
  const maxK = Math.ceil(totalKTiles / coresPerGroup);
  const tile = tileBytes('bf16');
  const kPadded = Math.ceil(k / 8) * 8;
  const all = ['collector', 'workers', 'others'];
  const workers = ['collector', 'workers'];
  const collector = ['collector'];
  const cbs: CbSpec[] = [
    { index: 0, role: 'weight', nPages: maxK, pageBytes: tile, groups: all },
    { index: 1, role: 'input', nPages: maxK, pageBytes: tile, groups: all },
    { index: 2, role: 'partial receive', nPages: 2, pageBytes: tile, groups: all },
    { index: 3, role: 'local out', nPages: 1, pageBytes: tile, groups: all },
    { index: 4, role: 'bias', nPages: 1, pageBytes: tile, groups: workers },
    { index: 5, role: 'index', nPages: 1, pageBytes: tile, groups: workers },
    { index: 6, role: 'top-k values', nPages: 1, pageBytes: tile, groups: workers },
    { index: 8, role: 'gathered values', nPages: groups, pageBytes: tile, groups: workers },
    { index: 9, role: 'gathered indices', nPages: groups, pageBytes: tile, groups: workers },
    { index: 10, role: 'intermediate values', nPages: 2, pageBytes: tile, groups: collector },
    { index: 11, role: 'intermediate indices', nPages: 1, pageBytes: tile, groups: collector },
    { index: 12, role: 'softmax mask', nPages: 1, pageBytes: tile, groups: collector },
    { index: 13, role: 'softmax scratch', nPages: 1, pageBytes: tile, groups: collector },
    { index: 14, role: 'reduce scaler', nPages: 1, pageBytes: tile, groups: collector },
    { index: 15, role: 'broadcast scaler', nPages: 1, pageBytes: tile, groups: collector },
    { index: 16, role: 'final out', nPages: 2, pageBytes: tile, groups: collector },
    { index: 19, role: 'dispatch scratch', nPages: 1, pageBytes: 2 * 32 * kPadded * 2, groups: collector },
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'TopkRouterGptProgramFactory',
    factoryReason: `${banks} DRAM-bank worker cores: 4 groups of 3, 4 workers, 1 collector; hidden ${hidden} → ${totalKTiles} K tiles, ${maxK} per core`,
    groups: [
      { name: 'collector', nCores: 1, firstCore: [0, 0] },
      { name: 'workers', nCores: groups - 1, firstCore: [0, 0] },
      { name: 'others', nCores: banks - groups, firstCore: [0, 0] },
    ],
    cbs,
    confidence: 'approx',
    approxReason:
      'the DRAM-bank worker cores are placed by the device (positions not modeled); factory read at one 2026 version (12b42a1), others not compared',
    citations: [CITE_TOPK_ROUTER_GPT],
  });
}
