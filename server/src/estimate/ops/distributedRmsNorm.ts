/**
 * Per-device L1 estimate for `ttnn.distributed_rms_norm`: tt-mlir's runtime calls ttnn::fused_rms_minimal [1], tt-metal's
 * RMSAllGather (an rms_norm over a width-sharded [1, 1, 32, N] tensor whose E(x²) statistics are all-gathered over the
 * fabric along `cluster_axis`: only the one-tile statistics travel, the data stays) [2][3].
 *
 * What tt-mlir hands the kernel (its TTNN passes, [4]):
 *   - TTNNDecomposition rewrites every op the fused kernel cannot take — no weight, or a shape other than
 *     (1, …, 1, 32, N) with N % 32 == 0; before change point 'drms-norm-fused-any-rank' (tt-mlir PR #8099) also any
 *     rank other than 4 — into rms_norm_pre_all_gather + all_gather + the post-gather eltwise ops. Such an op in the IR
 *     is that pass's input: estimated as the programs the rewrite leaves (distributedRmsNormDecomposed.ts).
 *   - The workaround (DistributedRMSNormWidthShardInputRewritePattern) makes an input that is not width-sharded
 *     width-sharded in L1 on c cores, c = the largest divisor of Kt = N / 32 not above min(grid cores, Kt), virtual
 *     grid 1 x c; the output takes the input's shard spec (skip_write_back); compute_config defaults to HiFi4 with
 *     fp32_dest_acc_en = true; program_config = LayerNormShardedMultiCoreProgramConfig(block_h 1, block_w = shard tiles).
 *   - The stats scratch is [1, 1, 32, 32] (f32 with fp32 accumulation, else bf16) width-sharded on core (0, 0).
 *
 * CBs, RMSAllGather factory [2] (im = Float32 tile with fp32_dest_acc_en, else bf16; bw = block_w tiles; all on every
 * core of the input's shard grid unless marked "sender": the grid's first core, which holds the stats):
 *   c_0 scaler 1 bf16 · c_1 pre scaler-c 1 bf16 · c_2 E(x²) partial 1 im · c_3 E(x²) 1 im ·
 *   c_4 E(x²) gathered ext im, ext = two-stage ? grid x + grid y − 1 : ⌈Kt / bw⌉ (two-stage: 1 < x ≤ compute grid x,
 *     y > 1) · c_6 pre x bw im · c_7 stats to all-gather 1 stats tile · c_8 packet headers 2 · 8 = 16 fabric headers ·
 *   c_12 / c_5 input (post / pre; on the residual when fused) and, with a residual, c_22 / c_21: bound to the shards ·
 *   c_9 E(x²) global 1 im · c_10 output bw out tiles (bound to the output when skip_write_back) · c_11 gamma bw tiles of
 *   the gamma dtype · c_13 epsilon 1 bf16 · c_14 scaler-c 1 bf16 · c_15 x bw im · c_16 resharded output (only without
 *   skip_write_back; bound to the output) · sender: c_17 variance 1 im, c_18 reduced stats 1 im, c_19 gathered stats
 *   (bound to the stats tensor) · c_20 signalling 2 B.
 * Fabric header: 48 B from change point `fabric-1d-header-by-system-size`, 64 B before (ops/ccl.ts fabric1dHeader).
 *
 * Validation [3] (the rules whose inputs the IR has): width- or block-sharded only ("Height sharded inputs are not
 *   supported."), a sharded output, block_w = ⌈Kt / shard cores⌉, row-major gamma of f32 / bf16, input f32 / bf16 /
 *   bfp8.
 *
 * References (tenstorrent/tt-metal unless noted):
 *   [1] tt-mlir runtime/lib/ttnn/operations/normalization/distributed_rms_norm.cpp@19c86fc (program config, stats and
 *       semaphore from the IR; Linear topology, num_links from the op or the default)
 *   [2] ttnn/cpp/ttnn/operations/experimental/ccl/rms_allgather/device/rms_allgather_program_factory.cpp@0050300
 *       (RMSAllGatherMeshWorkloadFactory::create_at) — the same CB sizes as the older
 *       …/rms_allgather/device/multi_core/rms_allgather_pf.cpp@0055520 (frmsnorm_multi_core_sharded)
 *   [3] …/rms_allgather/device/rms_allgather_device_operation.cpp@01872fa (validate_on_program_cache_miss; the
 *       compute config defaults to HiFi4 without fp32 accumulation when none is passed)
 *   [4] tt-mlir lib/Dialect/TTNN/Transforms/Decomposition/DistributedRMSNormDecompositionRewritePattern.cpp,
 *       Workarounds/Decomposition/DistributedRMSNormWidthShardInputRewritePattern.cpp, IR/TTNNOps.cpp
 *       (DistributedRMSNormOp::allocateBuffers)@19c86fc
 *
 * Worked example (tt-metal's fused_rms_1_1_32_8192 shape on Wormhole 8x8, from a DRAM input): Kt = 256, c = 64,
 *   bw = 4, grid 8x8 → two-stage, ext 15; fp32 (f32 im 4,096 B), bf16 gamma; sender core: c_0, c_1, c_13, c_14 4·2,048 +
 *   c_11 4·2,048 + c_2, c_3, c_7, c_9, c_17, c_18 6·4,096 + c_4 15·4,096 + c_6, c_15 2·16,384 + c_8 16·48 + c_20 2
 *   = 135,938 B (test/unit/estimate/distributedRmsNorm.test.ts).
 */

import { DataType, tileBytes } from '../../ttnn/dtype';
import { atOrAfter } from '../changePoints';
import type { TensorLayout } from '../../ttnn/layout';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { CbSpec, GroupSpec, ResolvedTensor, finishProgram, gridArea, resolveTensor, shardGridBox } from '../common';
import type { EstimateContext, L1Intermediate, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { fabric1dHeader } from './ccl';
import { estimateDecomposedDistributedRmsNorm } from './distributedRmsNormDecomposed';
import { fp32DestAccFromConfig, operandSegments } from './norm';

const CITES = {
  runtime:
    'tt-mlir runtime/lib/ttnn/operations/normalization/distributed_rms_norm.cpp@19c86fc (→ ttnn::fused_rms_minimal)',
  factory:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/rms_allgather/device/rms_allgather_program_factory.cpp@0050300 (RMSAllGatherMeshWorkloadFactory::create_at; same CBs as multi_core/rms_allgather_pf.cpp@0055520)',
  validate:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/rms_allgather/device/rms_allgather_device_operation.cpp@01872fa (validate_on_program_cache_miss)',
  ttmlir:
    'tt-mlir lib/Dialect/TTNN/Transforms/Decomposition/DistributedRMSNormDecompositionRewritePattern.cpp, Workarounds/Decomposition/DistributedRMSNormWidthShardInputRewritePattern.cpp, IR/TTNNOps.cpp (allocateBuffers)@19c86fc',
} as const;

/** Why tt-mlir's decomposition rewrites the op (isEligibleForFusedKernel), or undefined when the fused kernel runs. */
function decompositionReason(input: ResolvedTensor, hasWeight: boolean): string | undefined {
  if (!hasWeight) return 'no weight (the fused kernel requires gamma, tt-metal issue #38211)';
  const shape = input.logical;
  const rank = shape.length;
  if (rank < 2) return `rank ${rank}`;
  if (shape[rank - 2] !== 32) return `second-to-last dim ${shape[rank - 2]} (the fused kernel takes 32 rows)`;
  if (shape[rank - 1] % 32 !== 0) return `last dim ${shape[rank - 1]} is not a multiple of 32`;
  if (shape.slice(0, rank - 2).some((d) => d !== 1))
    return `leading dims [${shape.slice(0, rank - 2).join(', ')}] are not all 1`;
  return undefined;
}

/** Largest divisor of kt not above cap (the workaround's core count). */
function largestDivisorAtMost(kt: number, cap: number): number {
  for (let c = Math.min(cap, kt); c >= 1; c--) if (kt % c === 0) return c;
  return 1;
}

function sameShardSpec(a: TensorLayout, b: TensorLayout): boolean {
  if (a.memoryLayout !== b.memoryLayout || a.bufferType !== b.bufferType) return false;
  if (a.shardShape.join('x') !== b.shardShape.join('x') || a.gridShape.join('x') !== b.gridShape.join('x'))
    return false;
  const ra = (a.coreRanges ?? []).map((r) => `${r.start.x},${r.start.y}-${r.end.x},${r.end.y}`).join(';');
  const rb = (b.coreRanges ?? []).map((r) => `${r.start.x},${r.start.y}-${r.end.x},${r.end.y}`).join(';');
  return ra === rb;
}

export function estimateDistributedRmsNorm(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  // (input, weight, residual, stats, semaphore, device)
  const segments = operandSegments(op);
  const at = (segment: number): number | undefined =>
    op.properties['operandSegmentSizes'] !== undefined ? segments[segment]?.[0] : segment === 0 ? 0 : undefined;
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const weightIndex = at(1);
  const weight = weightIndex === undefined ? undefined : resolveTensor(op.operands[weightIndex], 'weight');
  if (typeof weight === 'string') return unmodeled(op.name, weight);
  const residualIndex = at(2);
  const residual = residualIndex === undefined ? undefined : resolveTensor(op.operands[residualIndex], 'residual');
  if (typeof residual === 'string') return unmodeled(op.name, residual);
  const statsIndex = at(3);
  const stats = statsIndex === undefined ? undefined : resolveTensor(op.operands[statsIndex], 'stats');
  if (typeof stats === 'string') return unmodeled(op.name, stats);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (op.properties['operandSegmentSizes'] === undefined && op.operands.length > 2)
    return unmodeled(op.name, 'no operandSegmentSizes: which operands are weight, residual and stats is unknown');

  const decomposed =
    decompositionReason(input, weight !== undefined) ??
    (input.logical.length !== 4 && !atOrAfter(ctx, 'drms-norm-fused-any-rank')
      ? `rank ${input.logical.length} (the fused path took rank-4 inputs only before tt-mlir PR #8099)`
      : undefined);
  if (decomposed !== undefined) {
    const spec = (i: number | undefined): TensorSpec | undefined => {
      const v = i === undefined ? undefined : op.operands[i];
      return v?.kind === 'tensor' ? v : undefined;
    };
    const inputSpec = spec(0);
    const outputSpec = op.results[0];
    if (inputSpec === undefined || outputSpec?.kind !== 'tensor')
      return unmodeled(op.name, 'input or result is not a tensor');
    return estimateDecomposedDistributedRmsNorm(op, ctx, {
      input: inputSpec,
      weight: spec(weightIndex),
      residual: spec(residualIndex),
      output: outputSpec,
      why: decomposed,
    });
  }

  const kt = input.padded[input.padded.length - 1] / 32;
  const layout = input.layout;
  const cols = ctx.device.workerGrid[1];
  const approx: string[] = [];
  const intermediates: L1Intermediate[] = [];
  let blockWt: number;
  let grid: { x: number; y: number; cores: number; start: readonly [number, number] };
  const inputDtype: DataType = input.dtype;
  let skipWriteBack = true;
  let outputShardTiles = 0;
  // The workaround leaves a width-sharded input alone and reshards every other one (height- and block-sharded too).
  const preWorkaround = layout.memoryLayout !== 'width_sharded';

  if (!preWorkaround) {
    if (layout.bufferType !== 'l1')
      return unmodeled(op.name, 'DRAM width-sharded input: the fused kernel binds its CBs to L1 shards; not modeled');
    if (layout.pageLayout !== 'tile')
      return illegal(op.name, `Input tensor layout must be TILE but got ROW_MAJOR`, CITES.validate);
    grid = shardGridBox(layout, cols);
    blockWt = layout.shardShape[layout.shardShape.length - 1] ?? 0;
    if (!(blockWt > 0) || grid.cores < 1) return unmodeled(op.name, 'the input shard spec has no width');
    if (Math.ceil(kt / grid.cores) !== blockWt)
      return illegal(op.name, 'block_w must equal to K / num_cores.', CITES.validate);
    if (output.layout.memoryLayout === 'interleaved' || output.layout.memoryLayout === undefined)
      return illegal(
        op.name,
        'fused_rms_minimal requires a sharded output memory config (width-sharded in L1); an interleaved output memory config is not supported.',
        CITES.validate,
      );
    if (output.layout.memoryLayout !== 'width_sharded' || output.layout.bufferType !== layout.bufferType)
      return illegal(
        op.name,
        `Input tensor memory layout (WIDTH_SHARDED) must match output memory config layout (${output.layout.memoryLayout.toUpperCase()})`,
        CITES.validate,
      );
    skipWriteBack = sameShardSpec(layout, output.layout);
    outputShardTiles = output.layout.shardShape[output.layout.shardShape.length - 1] ?? blockWt;
  } else {
    // The workaround's layout: c cores, virtual grid 1 x c laid row-major on the device grid.
    const c = largestDivisorAtMost(kt, gridArea(ctx));
    blockWt = kt / c;
    grid = { x: Math.min(c, cols), y: Math.ceil(c / cols), cores: c, start: [0, 0] };
    const shardBytes = blockWt * tileBytes(inputDtype);
    approx.push(
      `sized as the width-sharded L1 input tt-mlir's workaround gives it (IR: ${layout.bufferType} ${layout.memoryLayout ?? ''} ${layout.pageLayout}): ${c} cores of ${blockWt} tiles; its to_tensor_spec and the to_memory_config back are not in this IR`,
    );
    intermediates.push(
      { role: 'width-sharded input shard (tt-mlir workaround)', bytesPerCore: shardBytes, liveDuringProgram: true },
      { role: 'width-sharded output shard (tt-mlir workaround)', bytesPerCore: shardBytes, liveDuringProgram: true },
    );
  }
  if (inputDtype !== 'f32' && inputDtype !== 'bf16' && inputDtype !== 'bfp_bf8')
    return illegal(
      op.name,
      `Input tensor dtype must be FLOAT32, BFLOAT16, or BFLOAT8_B but got ${inputDtype}`,
      CITES.validate,
    );

  // compute_config: the IR's; absent, the workaround's default (fp32 on); present without the field, tt-metal's (off).
  const hasConfig = op.properties['compute_config'] !== undefined;
  const fp32 = fp32DestAccFromConfig(op) ?? !hasConfig;
  const im = tileBytes(fp32 ? 'f32' : 'bf16');
  const bf16 = tileBytes('bf16');
  const statsDtype: DataType = stats?.dtype ?? (fp32 ? 'f32' : 'bf16');
  if (stats === undefined)
    intermediates.push({
      role: "stats scratch [1, 1, 32, 32] on core (0, 0) (tt-mlir's allocateBuffers; worst core)",
      bytesPerCore: tileBytes(statsDtype),
      liveDuringProgram: true,
    });
  // c_19 is bound to the stats tensor but sized in the accumulation format (tt-metal #38206): a bf16 stats tensor with
  // fp32 accumulation is too small for it, and CreateCircularBuffer throws.
  if (stats !== undefined && fp32 && stats.dtype !== 'f32')
    return illegal(
      op.name,
      `Cannot set circular buffer size: c_19 (gathered stats) needs ${tileBytes('f32')} B per tile with fp32_dest_acc_en, the ${stats.dtype} stats tensor has ${tileBytes(stats.dtype)} (tt-metal #38206)`,
      CITES.factory,
    );
  const gammaDtype: DataType = weight?.dtype === 'f32' ? 'f32' : 'bf16';
  if (weight !== undefined && weight.dtype !== 'f32' && weight.dtype !== 'bf16')
    return illegal(op.name, `Gamma tensor dtype must be FLOAT32 or BFLOAT16 but got ${weight.dtype}`, CITES.validate);
  const tIn = tileBytes(inputDtype);
  const tOut = tileBytes(output.dtype);
  const twoStage = grid.x > 1 && grid.x <= cols && grid.y > 1;
  const extTiles = twoStage ? grid.x + grid.y - 1 : Math.ceil(kt / blockWt);
  const header = fabric1dHeader(ctx);
  approx.push(header.assumption);

  const sender = ['sender core'];
  const cbs: CbSpec[] = [
    { index: 0, role: 'reduce scaler', nPages: 1, pageBytes: bf16 },
    { index: 1, role: 'pre-gather scaler (1 / cores)', nPages: 1, pageBytes: bf16 },
    { index: 2, role: 'E(x²) partial', nPages: 1, pageBytes: im },
    { index: 3, role: 'E(x²)', nPages: 1, pageBytes: im },
    { index: 4, role: 'E(x²) partials gathered', nPages: extTiles, pageBytes: im },
    { index: 6, role: 'x (pre-gather)', nPages: blockWt, pageBytes: im },
    { index: 7, role: 'stats tile to all-gather', nPages: 1, pageBytes: tileBytes(statsDtype) },
    { index: 8, role: 'fabric packet headers (2 x 8)', nPages: 16, pageBytes: header.bytes },
  ];
  if (residual !== undefined) {
    const tRes = tileBytes(residual.dtype);
    cbs.push(
      { index: 22, role: 'input shard (residual add)', nPages: blockWt, pageBytes: tIn, tensorBacked: true },
      { index: 21, role: 'residual shard (x + residual)', nPages: blockWt, pageBytes: tRes, tensorBacked: true },
      { index: 12, role: 'x + residual shard', nPages: blockWt, pageBytes: tRes, tensorBacked: true },
      { index: 5, role: 'x + residual shard (pre-gather)', nPages: blockWt, pageBytes: tRes, tensorBacked: true },
    );
  } else {
    cbs.push(
      { index: 12, role: 'input shard', nPages: blockWt, pageBytes: tIn, tensorBacked: true },
      { index: 5, role: 'input shard (pre-gather)', nPages: blockWt, pageBytes: tIn, tensorBacked: true },
    );
  }
  cbs.push(
    { index: 9, role: 'E(x²) global', nPages: 1, pageBytes: im },
    { index: 10, role: 'output', nPages: blockWt, pageBytes: tOut, tensorBacked: skipWriteBack },
  );
  if (weight !== undefined) cbs.push({ index: 11, role: 'gamma', nPages: blockWt, pageBytes: tileBytes(gammaDtype) });
  cbs.push(
    { index: 13, role: 'epsilon', nPages: 1, pageBytes: bf16 },
    { index: 14, role: 'scaler-c (1 / devices)', nPages: 1, pageBytes: bf16 },
    { index: 15, role: 'x', nPages: blockWt, pageBytes: im },
  );
  if (!skipWriteBack)
    cbs.push({ index: 16, role: 'resharded output', nPages: outputShardTiles, pageBytes: tOut, tensorBacked: true });
  cbs.push(
    { index: 17, role: 'variance', nPages: 1, pageBytes: im, groups: sender },
    { index: 18, role: 'reduced stats', nPages: 1, pageBytes: im, groups: sender },
    { index: 19, role: 'gathered stats', nPages: 1, pageBytes: im, groups: sender, tensorBacked: true },
    { index: 20, role: 'signalling', nPages: 1, pageBytes: 2 },
  );
  const groups: GroupSpec[] = [{ name: 'sender core', nCores: 1, firstCore: [grid.start[0], grid.start[1]] }];
  if (grid.cores > 1)
    groups.push({
      name: 'other shard cores',
      nCores: grid.cores - 1,
      firstCore: grid.x > 1 ? [grid.start[0] + 1, grid.start[1]] : [grid.start[0], grid.start[1] + 1],
    });
  const intermediateBytes = intermediates.reduce((s, t) => s + t.bytesPerCore, 0);
  return finishProgram({
    op,
    ctx,
    factory: 'RMSAllGather (fused_rms_minimal)',
    factoryReason: `width-sharded [1, 1, 32, ${kt * 32}] on ${grid.cores} cores (${grid.x}x${grid.y}), block_w ${blockWt} tiles${twoStage ? ', two-stage reduce' : ''}; fp32 accumulation ${fp32 ? 'on' : 'off'} (${hasConfig ? 'compute_config' : "tt-mlir's workaround default"}); ${skipWriteBack ? 'output on the input shard spec (skip_write_back)' : 'output resharded'}; E(x²) all-gathered over the fabric along cluster_axis`,
    groups,
    cbs,
    confidence: 'approx',
    approxReason: approx.join('; '),
    citations: [CITES.runtime, CITES.factory, CITES.validate, CITES.ttmlir],
    notes: [
      'per-device figure (tt-mlir prints per-device tensor types)',
      'c_20 shares one address on every shard core, after the sender-only c_17 / c_18: on the other cores it sits above a gap',
    ],
    ...(intermediates.length > 0
      ? { l1IntermediateBytesPerCore: intermediateBytes, l1Intermediates: intermediates }
      : {}),
  });
}
