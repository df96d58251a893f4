/**
 * The one registry from TTNN op name to estimator, and `estimateOp`, the entry point the analysis, CLI and LSP use.
 * Total: never throws; unknown ops and unreadable operands give an explicit Unmodeled result.
 */

import type { TtnnOp, ValueSpec } from '../ttnn/op';
import { isSharded, shardCoreCount } from '../ttnn/layout';
import { estimateSdpa, estimateSdpaDecode, estimateSdpaFw } from './ops/attention';
import { estimateAllToAllCombine, estimateAllToAllDispatch, estimateAllToAllDispatchMetadata } from './ops/allToAll';
import { estimateAllGather, estimateAllReduce, estimatePointToPoint, estimateReduceScatter } from './ops/ccl';
import { estimateConcat } from './ops/concat';
import { estimateDistributedRmsNorm } from './ops/distributedRmsNorm';
import { estimateConv3d } from './ops/conv';
import {
  CONV_WEIGHTS_OPERAND,
  convWeightsRead,
  estimateConv1d,
  estimateConv2d,
  estimateConvTranspose2d,
  estimatePrepareConv2d,
} from './ops/conv2d';
import { estimateBatchNorm, estimateBatchNormTraining } from './ops/batchNorm';
import { estimateGlobalAvgPool2d, estimatePool2d, estimateUpsample } from './ops/pool';
import {
  BINARY_OPS,
  UNARY_OPS,
  estimateAsinh,
  estimateLog1p,
  estimateCbrt,
  estimateHardsigmoid,
  estimateClampScalar,
  estimatePowScalar,
  estimateMish,
  estimateBinary,
  estimateClampTensor,
  estimateDropout,
  estimateTypecast,
  estimateUnaryOp,
  estimateWhere,
} from './ops/eltwise';
import { estimateAccumulation } from './ops/accumulation';
import { estimateCopy } from './ops/copy';
import { estimateRand } from './ops/creation';
import { estimateEmbedding, estimateEmbeddingBackward } from './ops/embedding';
import {
  estimateNlpConcatHeads,
  estimateNlpConcatHeadsDecode,
  estimateNlpCreateQkvHeadsDecode,
  estimateRotaryEmbedding,
  estimateRotaryEmbeddingLlama,
  estimateSplitQkvHeads,
} from './ops/heads';
import {
  estimateFillCache,
  estimatePagedFillCache,
  estimatePagedUpdateCache,
  estimateUpdateCache,
} from './ops/kvCache';
import { estimateGather, estimateScatter } from './ops/gather';
import { estimateGeluBackward } from './ops/geluBackward';
import { estimateGeneric } from './ops/generic';
import { estimateQuantization } from './ops/quantization';
import { estimateRepeat } from './ops/repeat';
import { estimateArgMax, estimateSort, estimateTopK } from './ops/search';
import { estimateSampling } from './ops/sampling';
import { estimateSliceDynamic } from './ops/sliceDynamic';
import { estimateAdamW, estimateSdpaBw } from './ops/training';
import { estimateMatmul } from './ops/matmul';
import { estimateMeshPartition } from './ops/meshPartition';
import { estimateMoeExpertTokenRemap, estimateSparseMatmul, estimateTopkRouterGpt } from './ops/moe';
import { estimateToMemoryConfig } from './ops/memoryConfig';
import { NO_PROGRAM_OPS, compositeNoProgram, noProgram } from './ops/noProgram';
import { estimateGroupNorm } from './ops/groupNorm';
import { estimateDitRmsNormUnaryFused, estimateLayerNorm, estimateRmsNorm } from './ops/norm';
import { estimateLayerNormPreAllGather, estimateRmsNormPreAllGather } from './ops/normPreAllGather';
import { estimateLayerNormPostAllGather, estimateRmsNormPostAllGather } from './ops/normPostAllGather';
import { estimatePad } from './ops/pad';
import {
  estimatePrepareConv3dWeights,
  estimatePrepareConvTranspose2dBias,
  estimatePrepareConvTranspose2dWeights,
} from './ops/prepareWeights';
import { estimatePermute, estimateTranspose } from './ops/permute';
import { estimateGenericReduction, estimateProd } from './ops/reduction';
import { estimateReshape } from './ops/reshape';
import { estimateSlice } from './ops/slice';
import { estimateSoftmax } from './ops/softmax';
import { estimateTilizeOp, estimateToLayout, estimateUntilizeOp } from './ops/toLayout';
import type { ChangePointId, TtMetalWindow } from './changePoints';
import {
  NEWEST_READ_BUILD,
  pastNewestReadReason,
  sameReadSpanAnswers,
  splitWindow,
  windowHasChangePoint,
  windowsText,
} from './changePoints';
import type { EstimateContext, OpEstimate, OpEstimateResult, VersionRange, VersionedFigure } from './types';
import { unmodeled } from './types';
import { KNOWN_UNMODELED } from './unmodeledReasons';
import { legalityOf } from './legality';

export type Estimator = (op: TtnnOp, ctx: EstimateContext) => OpEstimateResult;

/**
 * What an estimator reads besides its op's name and operand/result types. Estimates are cached by exactly these
 * inputs (analysis/analyze.ts), so an estimator that reads a property or free L1 and does not say so gets stale
 * figures: `properties` = any op property or attribute; `liveL1` = `ctx.liveL1BytesPerCore` (free L1 changes the
 * factory choice of the (un)tilize family).
 */
export interface EstimatorReads {
  readonly properties: boolean;
  readonly liveL1: boolean;
  /** The op's device mesh (`TtnnOp.mesh`: its shape only): the devices along cluster_axis. */
  readonly mesh?: boolean;
  /** An operand the estimator reads only part of: the memo keys it by `read(spec)`, what is read of it (undefined: the
   *  whole spec). */
  readonly partlyRead?: {
    readonly operandIndex: number;
    readonly read: (spec: ValueSpec) => object | undefined;
  };
}

export interface EstimatorEntry {
  readonly estimate: Estimator;
  readonly reads: EstimatorReads;
  /** `estimate` after tt-metal's validation (legality.ts): what `estimateOp` runs. */
  readonly validatedEstimate: Estimator;
}

const TYPES_ONLY: EstimatorReads = { properties: false, liveL1: false };
const PROPERTIES: EstimatorReads = { properties: true, liveL1: false };
const LIVE_L1: EstimatorReads = { properties: false, liveL1: true };
const PROPERTIES_LIVE_L1: EstimatorReads = { properties: true, liveL1: true };
const PROPERTIES_MESH: EstimatorReads = { properties: true, liveL1: false, mesh: true };
const PROPERTIES_LIVE_L1_MESH: EstimatorReads = { properties: true, liveL1: true, mesh: true };
// The conv family reads of its weights little but their dtype and buffer, and for a [1, 1, C_in, C_out] shape its page
// and memory layout (conv2d.ts `convWeightsRead`): a dump's convs of one problem with weights written at other shapes
// share an estimate.
const CONV_READS: EstimatorReads = {
  properties: true,
  liveL1: true,
  partlyRead: { operandIndex: CONV_WEIGHTS_OPERAND, read: convWeightsRead },
};

function buildRegistry(): ReadonlyMap<string, EstimatorEntry> {
  const r = new Map<string, EstimatorEntry>();
  const add = (names: string | readonly string[], estimate: Estimator, reads: EstimatorReads): void => {
    const validatedEstimate = withLegality(estimate);
    for (const name of typeof names === 'string' ? [names] : names) r.set(name, { estimate, reads, validatedEstimate });
  };
  add('ttnn.to_layout', estimateToLayout, LIVE_L1);
  add(['ttnn.untilize', 'ttnn.untilize_with_unpadding'], estimateUntilizeOp, LIVE_L1);
  add(['ttnn.tilize', 'ttnn.tilize_with_val_padding'], estimateTilizeOp, LIVE_L1);
  add(UNARY_OPS, estimateUnaryOp, TYPES_ONLY);
  add('ttnn.asinh', estimateAsinh, TYPES_ONLY);
  // In UNARY_OPS for legality; composites before their change points.
  add('ttnn.mish', estimateMish, TYPES_ONLY);
  add('ttnn.log1p', estimateLog1p, TYPES_ONLY);
  add('ttnn.cbrt', estimateCbrt, TYPES_ONLY);
  add('ttnn.hardsigmoid', estimateHardsigmoid, TYPES_ONLY);
  // `ttnn.clamp` (tt-mlir PR #1093, 0432a34) was renamed `ttnn.clamp_scalar` with the same min / max attributes by
  // tt-mlir PR #2268 (5db2ee5, 2025-03-26).
  add(['ttnn.clamp_scalar', 'ttnn.clamp'], estimateClampScalar, PROPERTIES);
  add('ttnn.pow_scalar', estimatePowScalar, PROPERTIES);
  add(BINARY_OPS, estimateBinary, TYPES_ONLY);
  add(['ttnn.typecast', 'ttnn.bitcast_convert'], estimateTypecast, TYPES_ONLY);
  add('ttnn.where', estimateWhere, TYPES_ONLY);
  add('ttnn.clamp_tensor', estimateClampTensor, TYPES_ONLY);
  add('ttnn.dropout', estimateDropout, TYPES_ONLY);
  // The program attribute carries every CB descriptor (total_size, core ranges, tensor-backed or not).
  add('ttnn.generic', estimateGeneric, PROPERTIES);
  add('ttnn.embedding', estimateEmbedding, LIVE_L1);
  add('ttnn.pad', estimatePad, PROPERTIES);
  add('ttnn.permute', estimatePermute, PROPERTIES);
  add('ttnn.transpose', estimateTranspose, PROPERTIES);
  add('ttnn.concat', estimateConcat, PROPERTIES);
  add(['ttnn.slice', 'ttnn.slice_static'], estimateSlice, PROPERTIES);
  add('ttnn.reshape', estimateReshape, TYPES_ONLY);
  // Free L1 (get_max_l1_space) picks the per-core block of an auto-generated config.
  add(['ttnn.matmul', 'ttnn.linear'], estimateMatmul, PROPERTIES_LIVE_L1);
  // The DRAM path picks its slice count by the free L1 (ctx.liveL1BytesPerCore).
  add('ttnn.conv2d', estimateConv2d, CONV_READS);
  add('ttnn.conv_transpose2d', estimateConvTranspose2d, CONV_READS);
  // conv1d: its attributes translated into the height-1 conv2d tt-metal runs (same free-L1 slice count).
  add('ttnn.conv1d', estimateConv1d, CONV_READS);
  add(['ttnn.prepare_conv2d_weights', 'ttnn.prepare_conv2d_bias'], estimatePrepareConv2d, TYPES_ONLY);
  add('ttnn.prepare_conv_transpose2d_weights', estimatePrepareConvTranspose2dWeights, TYPES_ONLY);
  add('ttnn.prepare_conv_transpose2d_bias', estimatePrepareConvTranspose2dBias, TYPES_ONLY);
  // groups, alignment and c_in_block fix the device steps' shapes.
  add('ttnn.prepare_conv3d_weights', estimatePrepareConv3dWeights, PROPERTIES);
  add(['ttnn.batch_norm_inference', 'ttnn.batch_norm'], estimateBatchNorm, PROPERTIES);
  add(['ttnn.max_pool2d', 'ttnn.avg_pool2d', 'ttnn.max_pool2d_with_indices'], estimatePool2d, PROPERTIES);
  add('ttnn.upsample', estimateUpsample, PROPERTIES);
  add('ttnn.global_avg_pool2d', estimateGlobalAvgPool2d, TYPES_ONLY);
  // operandSegmentSizes says which optional statistics/weight/bias operands are present.
  add('ttnn.batch_norm_training', estimateBatchNormTraining, PROPERTIES);
  add('ttnn.conv3d', estimateConv3d, PROPERTIES);
  add(
    ['sum', 'mean', 'max', 'min'].map((n) => `ttnn.${n}`),
    estimateGenericReduction,
    PROPERTIES_LIVE_L1,
  );
  // MoE: program_config, compute_config, nnz and which input is sparse; the remap reads only types.
  add('ttnn.sparse_matmul', estimateSparseMatmul, PROPERTIES);
  add('ttnn.moe_expert_token_remap', estimateMoeExpertTokenRemap, TYPES_ONLY);
  add('ttnn.topk_router_gpt', estimateTopkRouterGpt, PROPERTIES); // k
  add('ttnn.prod', estimateProd, PROPERTIES);
  add('ttnn.argmax', estimateArgMax, PROPERTIES);
  add(['ttnn.cumsum', 'ttnn.cumprod', 'ttnn.moreh_cumsum'], estimateAccumulation, PROPERTIES);
  add('ttnn.sort', estimateSort, PROPERTIES);
  add('ttnn.topk', estimateTopK, PROPERTIES);
  add('ttnn.sampling', estimateSampling, TYPES_ONLY);
  add(['ttnn.repeat', 'ttnn.repeat_interleave'], estimateRepeat, PROPERTIES_LIVE_L1);
  add(['ttnn.assign', 'ttnn.copy'], estimateCopy, TYPES_ONLY);
  add('ttnn.rand', estimateRand, LIVE_L1);
  add(['ttnn.quantize', 'ttnn.dequantize', 'ttnn.requantize'], estimateQuantization, PROPERTIES);
  add('ttnn.embedding_bw', estimateEmbeddingBackward, TYPES_ONLY);
  add('ttnn.gelu_bw', estimateGeluBackward, TYPES_ONLY);
  add('ttnn.slice_dynamic', estimateSliceDynamic, TYPES_ONLY);
  add('ttnn.gather', estimateGather, PROPERTIES_LIVE_L1);
  add('ttnn.scatter', estimateScatter, PROPERTIES_LIVE_L1);
  add('ttnn.softmax', estimateSoftmax, PROPERTIES);
  add('ttnn.to_memory_config', estimateToMemoryConfig, TYPES_ONLY);
  // Norms read operandSegmentSizes (which optional operands exist) and compute_config (fp32 dest accumulation).
  add('ttnn.layer_norm', estimateLayerNorm, PROPERTIES);
  add('ttnn.rms_norm', estimateRmsNorm, PROPERTIES);
  // rms_norm's factory with a fused activation (no CB) and residual; its own fp32 default (Float32 input).
  add('ttnn.dit_rms_norm_unary_fused', estimateDitRmsNormUnaryFused, PROPERTIES);
  // num_groups and operandSegmentSizes (which of input_mask / weight / bias exist).
  add('ttnn.group_norm', estimateGroupNorm, PROPERTIES);
  add('ttnn.rms_norm_pre_all_gather', estimateRmsNormPreAllGather, PROPERTIES);
  add('ttnn.layer_norm_pre_all_gather', estimateLayerNormPreAllGather, PROPERTIES);
  // The 1D factory caps its row buffers by the L1 above the allocator base (a device constant), not the free L1.
  add('ttnn.rms_norm_post_all_gather', estimateRmsNormPostAllGather, PROPERTIES);
  // Fused rms_norm + fabric all-gather of the statistics (compute_config, operandSegmentSizes).
  // The decomposed form's mean steps read the free L1 (reduction.ts), its all_gather the devices along cluster_axis.
  add('ttnn.distributed_rms_norm', estimateDistributedRmsNorm, PROPERTIES_LIVE_L1_MESH);
  add('ttnn.layer_norm_post_all_gather', estimateLayerNormPostAllGather, PROPERTIES);
  // KV caches read operandSegmentSizes and compute_config.
  add('ttnn.update_cache', estimateUpdateCache, PROPERTIES);
  add('ttnn.fill_cache', estimateFillCache, TYPES_ONLY);
  add('ttnn.paged_update_cache', estimatePagedUpdateCache, PROPERTIES);
  add('ttnn.paged_fill_cache', estimatePagedFillCache, TYPES_ONLY);
  add(['ttnn.nlp_concat_heads', 'ttnn.concatenate_heads'], estimateNlpConcatHeads, TYPES_ONLY);
  // Attention reads is_causal, program_config, operandSegmentSizes, head_dim_v, sliding_window_size, compute_config.
  add(
    ['ttnn.scaled_dot_product_attention', 'ttnn.flash_mla_prefill', 'ttnn.chunked_scaled_dot_product_attention'],
    estimateSdpa,
    PROPERTIES,
  );
  add(
    [
      'ttnn.scaled_dot_product_attention_decode',
      'ttnn.paged_scaled_dot_product_attention_decode',
      'ttnn.paged_flash_multi_latent_attention_decode',
    ],
    estimateSdpaDecode,
    PROPERTIES,
  );
  add('ttnn.sdpa_fw', estimateSdpaFw, PROPERTIES); // operandSegmentSizes, return_intermediates
  add('ttnn.sdpa_bw', estimateSdpaBw, TYPES_ONLY);
  add('ttnn.adamw', estimateAdamW, PROPERTIES); // stochastic_rounding
  add('ttnn.nlp_concat_heads_decode', estimateNlpConcatHeadsDecode, TYPES_ONLY);
  add('ttnn.split_query_key_value_and_split_heads', estimateSplitQkvHeads, PROPERTIES); // transpose_key
  add('ttnn.nlp_create_qkv_heads_decode', estimateNlpCreateQkvHeadsDecode, PROPERTIES); // num_heads, num_kv_heads
  add('ttnn.rotary_embedding', estimateRotaryEmbedding, PROPERTIES); // token_index
  add('ttnn.rotary_embedding_llama', estimateRotaryEmbeddingLlama, PROPERTIES); // is_decode_mode
  // CCL: all_gather_dim / scatter_dim and topology; the ring size comes from the per-device types.
  add('ttnn.all_gather', estimateAllGather, PROPERTIES);
  add('ttnn.reduce_scatter', estimateReduceScatter, PROPERTIES);
  // topology; the devices along cluster_axis pick the scatter dim (or the composite path).
  add('ttnn.all_reduce', estimateAllReduce, PROPERTIES_MESH);
  // tt-mlir's runtime calls ttnn::experimental::all_reduce_async's cluster-axis overload, the one ttnn::all_reduce
  // calls: the same programs, with the same attributes (reduce_type, cluster_axis, num_links, topology).
  add('ttnn.all_reduce_async', estimateAllReduce, PROPERTIES_MESH);
  add('ttnn.point_to_point', estimatePointToPoint, TYPES_ONLY);
  // dim picks the sliced dim; the device count is input dim / result dim.
  add('ttnn.mesh_partition', estimateMeshPartition, PROPERTIES);
  // MoE all-to-all: num_devices (devices along cluster_axis); dispatch drops its metadata CB when free L1 is short.
  add('ttnn.all_to_all_dispatch', estimateAllToAllDispatch, PROPERTIES_LIVE_L1);
  add('ttnn.all_to_all_combine', estimateAllToAllCombine, PROPERTIES);
  add('ttnn.all_to_all_dispatch_metadata', estimateAllToAllDispatchMetadata, TYPES_ONLY);
  add(NO_PROGRAM_OPS, (op, ctx) => noProgram(op, ctx), TYPES_ONLY);
  add('ttcore.composite', compositeNoProgram, PROPERTIES); // composite_name, decomposition
  return r;
}

export const ESTIMATORS: ReadonlyMap<string, EstimatorEntry> = buildRegistry();

const NO_PROGRAM: ReadonlySet<string> = new Set([...NO_PROGRAM_OPS, 'ttcore.composite']);

/** Op names with an estimator (including the no-program ones). */
export function modeledOpNames(): readonly string[] {
  return [...ESTIMATORS.keys()].sort();
}

/** What the estimator of `opName` reads (unknown ops read nothing: they are unmodeled whatever their inputs). */
export function estimatorReads(opName: string): EstimatorReads {
  return ESTIMATORS.get(opName)?.reads ?? TYPES_ONLY;
}

/**
 * Per-core L1 estimate of one op on `ctx.device`. Returns an OpEstimate (CBs per core, region end, worst core),
 * NoProgram (no kernels), or Unmodeled with the reason (never an invented number).
 */
export function estimateOp(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimateOpIn(op, ctx, windowHasChangePoint(ctx.ttMetal.window));
}

/**
 * `estimateOp` by the general path whatever the window: the estimator runs with the change points it asks about
 * recorded (and the window split at those it straddles). `estimateOp` runs an estimator once, recording nothing, in a
 * window no change point falls in, where every `atOrAfter` has one answer; tests hold the two equal.
 */
export function estimateOpRecordingChangePoints(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimateOpIn(op, ctx, true);
}

/**
 * `estimateOpRecordingChangePoints` with every sub-window of a split window run afresh, the newest one too, whose figure
 * the general path takes from its run over the whole window (`estimatePerSubWindow`); tests hold the two equal.
 */
export function estimateOpRunningEverySubWindow(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimateOpIn(op, ctx, true, false);
}

function estimateOpIn(
  op: TtnnOp,
  ctx: EstimateContext,
  mayStraddle: boolean,
  reuseWholeWindowRun = true,
): OpEstimateResult {
  const entry = ESTIMATORS.get(op.name);
  if (entry === undefined) {
    // An op whose tensor inputs all live on the host (e.g. prepare_conv2d_weights on host weights) runs on the host.
    const tensors = op.operands.filter((s) => s.kind === 'tensor');
    if (
      tensors.length > 0 &&
      tensors.every((s) => s.kind === 'tensor' && s.layout.kind === 'layout' && s.layout.bufferType === 'system_memory')
    ) {
      return noProgram(op, ctx, 'all tensor inputs are on the host: the op runs on the host');
    }
    return unmodeled(op.name, KNOWN_UNMODELED.get(op.name) ?? `no L1 model for ${op.name}`);
  }
  // A program's factory and CBs depend on where its output goes: an undecodable first result means no number, for
  // every estimator alike (found by fuzzing: transpose and permute read only their input).
  const result = op.results[0];
  if (result?.kind === 'tensor' && !NO_PROGRAM.has(op.name)) {
    if (result.layout.kind === 'unknown') {
      const rejectedWhy = result.layout.rejectedByTtMlir;
      if (rejectedWhy !== undefined)
        return unmodeled(
          op.name,
          `tt-mlir's TTNNLayoutAttr verifier rejects the result layout ("${result.layout.reason}"): this IR does not compile to a flatbuffer, so no tt-metal program runs for it (${rejectedWhy})`,
        );
      return unmodeled(op.name, `result layout unknown: ${result.layout.reason}`);
    }
    if (result.shape.kind === 'unknown') return unmodeled(op.name, `result: ${result.shape.reason}`);
  }
  const offDevice = shardGridBeyondDevice(op, ctx);
  if (offDevice !== undefined) return unmodeled(op.name, offDevice);
  return mayStraddle
    ? estimateOverWindow(op, entry.validatedEstimate, ctx, reuseWholeWindowRun)
    : runTotal(op, entry.validatedEstimate, ctx);
}

/**
 * An L1-sharded operand or result whose shard grid holds more cores than the device's worker grid cannot be placed on
 * this device (a dump made for a larger chip, or a hand-edited layout): every per-core figure would be spread over
 * cores that do not exist, so the op gets no number (found by fuzzing: a 16x8 width-sharded conv1d input sized over
 * 128 cores of an 8x8 Wormhole).
 */
function shardGridBeyondDevice(op: TtnnOp, ctx: EstimateContext): string | undefined {
  const [rows, cols] = ctx.device.workerGrid;
  const deviceCores = rows * cols;
  // Index loops, no list of labelled specs: this runs for every fresh estimate (~30k per 100k-op analysis), and
  // nearly every op passes.
  const { operands, results } = op;
  for (let i = 0; i < operands.length; i++) {
    const why = shardsBeyond(operands[i]!, deviceCores);
    if (why !== undefined)
      return `operand ${i} ${why} (${rows}x${cols}): the layout does not fit this device (a dump made for a larger chip?)`;
  }
  for (let i = 0; i < results.length; i++) {
    const why = shardsBeyond(results[i]!, deviceCores);
    if (why !== undefined)
      return `result ${i} ${why} (${rows}x${cols}): the layout does not fit this device (a dump made for a larger chip?)`;
  }
  return undefined;
}

/** What is wrong with an L1-sharded spec whose shard grid holds more cores than `deviceCores`, else undefined. */
function shardsBeyond(s: ValueSpec, deviceCores: number): string | undefined {
  if (s.kind !== 'tensor' || s.layout.kind !== 'layout') return undefined;
  const layout = s.layout;
  if (layout.bufferType !== 'l1' || !isSharded(layout)) return undefined;
  const shardCores = shardCoreCount(layout);
  if (shardCores <= deviceCores) return undefined;
  return `is sharded over ${shardCores} cores (grid ${layout.gridShape[0]}x${layout.gridShape[1]}) but the device has ${deviceCores} worker cores`;
}

/** tt-metal validates an op before its program factory runs: a broken rule (legality.ts) is the result. */
function withLegality(estimator: Estimator): Estimator {
  return (op, ctx) => legalityOf(op, ctx) ?? estimator(op, ctx);
}

/** Sub-windows are at most one per change point; the bound only guards against a table with hundreds of them. */
const MAX_SUB_WINDOWS = 64;

/**
 * Run an estimator for the context's build window. When the window straddles change points the estimator asks about,
 * split it there and run once per sub-window (repeating while new straddles appear; the newest sub-window's figure is
 * the first run's, `estimatePerSubWindow`); the result is the sub-window with the largest worst-core CB figure,
 * carrying every sub-window's figure in `versionRange`.
 */
export function estimateOverWindow(
  op: TtnnOp,
  estimator: Estimator,
  ctx: EstimateContext,
  reuseWholeWindowRun = true,
): OpEstimateResult {
  // The first run's recorder is the spare one when free, given back when nothing was recorded (nearly every run): no
  // Set per estimate (100k-op dump: 10 MB of them).
  const recorder = spareRecorder ?? new Set<ChangePointId>();
  spareRecorder = undefined;
  const result = runTotal(op, estimator, contextFor(ctx, { window: ctx.ttMetal.window, straddled: recorder }));
  if (recorder.size === 0) {
    spareRecorder = recorder;
    return result;
  }
  return estimatePerSubWindow(op, estimator, ctx, recorder, reuseWholeWindowRun ? result : undefined);
}

// An empty recorder of straddled change points, free for estimateOverWindow's first run.
let spareRecorder: Set<ChangePointId> | undefined = new Set();

/**
 * The runs of `estimateOverWindow` once its first run, over the whole window, asked about the change points
 * `straddled` and gave `wholeWindowResult` (undefined: run every sub-window afresh). That result is the newest
 * sub-window's (the one ending with the window), which is not run again. An estimator reads the window only through
 * changePoints.ts (no other read of `ctx.ttMetal` in estimate/), and there:
 * - `atOrAfter` answers a straddled id as the newest build does, and the newest sub-window starts on or after the date
 *   of every id split (all those the first run straddled): it answers each the same and records none. An id not
 *   straddled has one answer over the whole window.
 * - `windowAtOrAfter` and `windowPastNewestRead` read only the newest build, the same in both.
 * - `windowWithinReadSpan` also reads the first build: a read span starting inside the window can take in the newest
 *   sub-window and not the whole (an auto-configured matmul, conv2d's 1x1 path); then the sub-window is run.
 * With the same answers an estimator, a pure function of its op and context, takes the same path to the same result.
 */
function estimatePerSubWindow(
  op: TtnnOp,
  estimator: Estimator,
  ctx: EstimateContext,
  straddled: ReadonlySet<ChangePointId>,
  wholeWindowResult: OpEstimateResult | undefined,
): OpEstimateResult {
  const whole = ctx.ttMetal.window;
  const asked = new Set<ChangePointId>();
  let runs: { window: TtMetalWindow; result: OpEstimateResult }[] = [];
  let askedSorted: readonly ChangePointId[] = [];
  // A change point first asked inside one sub-window (behind another atOrAfter there) splits the window in the next
  // round, until no run asks about a new one.
  let pending: ReadonlySet<ChangePointId> = straddled;
  for (let round = 0; round < 8 && pending.size > 0; round++) {
    for (const id of pending) asked.add(id);
    runs = [];
    const found = new Set<ChangePointId>();
    const { windows, newestAnswersAlike, ids } = subWindowsOf(whole, asked);
    askedSorted = ids;
    for (let i = 0; i < windows.length; i++) {
      const window = windows[i]!;
      if (wholeWindowResult !== undefined && i === windows.length - 1 && newestAnswersAlike) {
        runs.push({ window, result: wholeWindowResult });
        continue;
      }
      const runStraddled = new Set<ChangePointId>();
      runs.push({ window, result: runTotal(op, estimator, contextFor(ctx, { window, straddled: runStraddled })) });
      for (const id of runStraddled) if (!asked.has(id)) found.add(id);
    }
    pending = found;
  }
  return combineWindows(runs, askedSorted);
}

/** A window split at a set of change points: the sub-windows, and whether the newest one (ending with the window)
 *  answers every read-span question as the whole window does (`sameReadSpanAnswers`), so that it takes the whole
 *  window's run. */
interface SubWindows {
  /** The change points split at, sorted (a version range's `changePoints`). */
  readonly ids: readonly ChangePointId[];
  readonly windows: readonly TtMetalWindow[];
  readonly newestAnswersAlike: boolean;
}

// Splits by window object, then by the sorted ids split at: an analysis has one window, and its splits are few (every
// conv of the generated 100k-op dump splits at one change point, 2.5k times), each a pure function of the dates. The
// sub-windows are shared by the estimates' version ranges (plain data, never written).
const subWindowsByWindow = new WeakMap<TtMetalWindow, Map<string, SubWindows>>();

function subWindowsOf(whole: TtMetalWindow, ids: ReadonlySet<ChangePointId>): SubWindows {
  let byIds = subWindowsByWindow.get(whole);
  if (byIds === undefined) subWindowsByWindow.set(whole, (byIds = new Map<string, SubWindows>()));
  const sorted = [...ids].sort();
  const key = sorted.join(' ');
  let split = byIds.get(key);
  if (split === undefined) {
    const windows = splitWindow(whole, sorted).slice(0, MAX_SUB_WINDOWS);
    const newest = windows[windows.length - 1]!;
    split = {
      ids: sorted,
      windows,
      newestAnswersAlike: newest.latest === whole.latest && sameReadSpanAnswers(newest, whole),
    };
    byIds.set(key, split);
  }
  return split;
}

/** `ctx` on the builds `ttMetal`, its fields stored in the analysis's order: a spread of `ctx` and a key after it in a
 *  literal was a runtime call (V8's DefineKeyedOwnPropertyInLiteral) per fresh estimate. */
function contextFor(ctx: EstimateContext, ttMetal: EstimateContext['ttMetal']): EstimateContext {
  return { device: ctx.device, ttMetal, liveL1BytesPerCore: ctx.liveL1BytesPerCore, liveL1Read: ctx.liveL1Read };
}

function runTotal(op: TtnnOp, estimator: Estimator, ctx: EstimateContext): OpEstimateResult {
  try {
    return withinReadBuilds(withinModel(estimator(op, ctx)), ctx.ttMetal.window);
  } catch (e) {
    // Estimators are written to be total; this is a last line of defence so one bad op never sinks a file.
    return unmodeled(op.name, `internal estimator error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function combineWindows(
  runs: readonly { window: TtMetalWindow; result: OpEstimateResult }[],
  changePoints: readonly ChangePointId[],
): OpEstimateResult {
  const figures: VersionedFigure[] = runs.map(({ window, result }) => {
    switch (result.kind) {
      case 'estimate':
        return {
          window,
          kind: result.kind,
          factory: result.factory,
          cbBytesPerCore: result.cbBytesPerCore,
          worstCbBytesPerCore: result.worstCbBytesPerCore,
          cbRegionEndBytes: result.cbRegionEndBytes,
          confidence: result.confidence,
          ...(result.confidence === 'approx' && { approxReason: result.approxReason }),
          ...(result.l1Intermediates !== undefined && {
            l1Intermediates: result.l1Intermediates,
            l1TensorBytesPerCore: result.l1TensorBytesPerCore,
          }),
          ...(result.lastProgram !== undefined && { lastProgram: result.lastProgram }),
        };
      case 'illegal':
        return { window, kind: result.kind, reason: result.rule };
      case 'unmodeled':
      case 'noProgram':
        return { window, kind: result.kind, reason: result.reason };
    }
  });
  let worst: OpEstimate | undefined;
  for (const { result } of runs)
    if (result.kind === 'estimate' && (worst === undefined || result.worstCbBytesPerCore > worst.worstCbBytesPerCore))
      worst = result;
  const chosen: OpEstimateResult = worst ?? runs[runs.length - 1]!.result;
  if (chosen.kind !== 'estimate') return chosen;
  const versionRange: VersionRange = { changePoints, figures };
  return { ...chosen, ...rangeConfidence(chosen, runs), versionRange };
}

/**
 * The confidence of a range of builds: 'exact' only when every sub-window's estimate is exact (the formula read at each
 * of its builds, every input known). One approximated or unmodeled sub-window makes the whole range 'approx', even when
 * the reported figure is an exact sub-window's (reduce-reader-batched-input-cb: the same figure is exact before it and
 * a kept bound after), and the reason says on which builds and why. A sub-window tt-metal rejects (`illegal`) is a
 * verdict read from its validation, not an approximation: it leaves the confidence alone. Every sub-window approx for
 * one reason: the chosen estimate's own words, with no build list.
 */
function rangeConfidence(
  chosen: OpEstimate,
  runs: readonly { window: TtMetalWindow; result: OpEstimateResult }[],
): Pick<OpEstimate, 'confidence' | 'approxReason'> {
  const notExact = new Map<string, TtMetalWindow[]>();
  for (const { window, result } of runs) {
    const reason =
      result.kind === 'estimate'
        ? result.confidence === 'approx'
          ? result.approxReason
          : undefined
        : result.kind === 'unmodeled'
          ? `not modeled: ${result.reason}`
          : undefined;
    if (reason === undefined) continue;
    const windows = notExact.get(reason);
    if (windows === undefined) notExact.set(reason, [window]);
    else windows.push(window);
  }
  if (notExact.size === 0) return { confidence: chosen.confidence, approxReason: chosen.approxReason };
  const everyRun = [...notExact.values()].reduce((n, ws) => n + ws.length, 0) === runs.length;
  if (everyRun && notExact.size === 1 && chosen.confidence === 'approx')
    return { confidence: 'approx', approxReason: chosen.approxReason };
  const parts = [...notExact].map(([reason, windows]) => `on tt-metal builds ${windowsText(windows)}: ${reason}`);
  return { confidence: 'approx', approxReason: parts.join('; ') };
}

/**
 * The documented rule for every estimator at once: `exact` only for builds whose factory could be read. An estimator
 * answers for the builds up to `NEWEST_READ_BUILD` (tt-metal 622c6fb, where the mirror ends); a run whose window holds
 * later builds is `approx` with `pastNewestReadReason`, its figures unchanged. Per run, so a split window's sub-windows
 * up to that build stay `exact` (rangeConfidence names the builds). An estimate approx for its own reason keeps it.
 */
function withinReadBuilds(result: OpEstimateResult, window: TtMetalWindow): OpEstimateResult {
  if (result.kind !== 'estimate' || result.confidence !== 'exact' || window.latest <= NEWEST_READ_BUILD) return result;
  return { ...result, confidence: 'approx', approxReason: pastNewestReadReason(window) };
}

/** Reasons of model-overflow results start with this (features/diagnostics.ts reports them as `model-overflow`). */
export const MODEL_OVERFLOW = 'model overflow';

/**
 * The documented rule for every estimator at once: a byte figure that is not an exact non-negative integer (past
 * 2^53 a JS number rounds; huge attributes reach Infinity or NaN) is a model overflow with no number, never
 * "3.744e+24 B" or a `null` in the JSON report.
 */
function withinModel(result: OpEstimateResult): OpEstimateResult {
  const bad =
    result.kind === 'estimate'
      ? firstInexactFigure(result)
      : result.kind === 'noProgram'
        ? isExactBytes(result.l1TensorBytesPerCore)
          ? undefined
          : 'l1TensorBytesPerCore'
        : undefined;
  if (bad === undefined) return result;
  return unmodeled(
    result.opName,
    `${MODEL_OVERFLOW}: ${bad} is not an exact byte count (beyond 2^53 B, so no figure is given)`,
  );
}

/** Whether a figure is an exact byte (or page, core) count: a non-negative integer a JS number holds exactly. */
function isExactBytes(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function firstInexactFigure(e: OpEstimate): string | undefined {
  // Labels are worded only for a bad figure: this runs on every fresh estimate.
  if (!isExactBytes(e.cbBytesPerCore)) return 'cbBytesPerCore';
  if (!isExactBytes(e.cbRegionEndBytes)) return 'cbRegionEndBytes';
  if (!isExactBytes(e.worstCbBytesPerCore)) return 'worstCbBytesPerCore';
  if (!isExactBytes(e.cbBytesSummedOverRanges)) return 'cbBytesSummedOverRanges';
  if (!isExactBytes(e.l1TensorBytesPerCore)) return 'l1TensorBytesPerCore';
  if (!isExactBytes(e.nCoresUsed)) return 'nCoresUsed';
  if (e.l1IntermediateBytesPerCore !== undefined && !isExactBytes(e.l1IntermediateBytesPerCore))
    return 'l1IntermediateBytesPerCore';
  // Index loops: for-of made an iterator result per element until this was optimized (~0.5 MB at 100k ops).
  const { coreGroups, cbs, outputs } = e;
  for (let i = 0; i < coreGroups.length; i++) {
    const g = coreGroups[i]!;
    if (!isExactBytes(g.cbBytesPerCore)) return `core group ${g.name} CB bytes`;
    if (!isExactBytes(g.cbRegionEndBytes)) return `core group ${g.name} region end`;
  }
  for (let i = 0; i < cbs.length; i++) {
    const cb = cbs[i]!;
    if (!isExactBytes(cb.nPages)) return `${cb.cbIndex} pages`;
    if (!isExactBytes(cb.pageBytes)) return `${cb.cbIndex} page bytes`;
    if (!isExactBytes(cb.totalBytes)) return `${cb.cbIndex} bytes`;
  }
  for (let i = 0; i < outputs.length; i++)
    if (!isExactBytes(outputs[i]!.bytesPerCore)) return `result ${outputs[i]!.resultIndex} L1 bytes`;
  return undefined;
}
