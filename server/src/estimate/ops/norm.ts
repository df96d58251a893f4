/**
 * L1 estimate for `ttnn.layer_norm` and `ttnn.rms_norm` on interleaved tiled inputs (LayerNormMultiCoreProgramFactory).
 *
 * Formula (tiles per core; T(x) = tile bytes of dtype x, im = Float32 with fp32 dest accumulation else bf16):   [1][2]
 *   Wt = padded width / 32; block = 8 (4 with fp32 acc)
 *     builds before 'layernorm-fixed-block': block = find_max_divisor(Wt, 8) (4): the largest divisor other than 7 and
 *     5, WtB = Wt
 *     builds from it on: WtB = Wt rounded up to a multiple of block
 *   fit test (layer_norm from 'layernorm-large-tensor-kernel', rms_norm from 'rmsnorm-large-tensor-kernel'; before,
 *   the one-pass CBs below are allocated whatever their size):
 *     Σ [in0 WtB·T(in), out0 2·block·T(out), im0/im3 WtB·im, in5/in6 WtB·T(gamma/beta, bf16 if absent),
 *        im6/im5 2·block·im, im4 8·im, im1/im2 2·im, in2/in3 2·T(bf16)] < 0.95 · l1_size
 *     when it fails: large-tensor kernel, in0/im0/im3/in5/in6 = 56 tiles (60 before the change point) if gamma,
 *     beta or Float32 input, else 112 (120); from 'layernorm-large-width-by-im-tile' × 2,048 / im (28 / 56 with
 *     fp32 acc)                                                                                              [1][2][7]
 *   CBs created, in order: c_0 in0 · c_16 out0 · c_18 2 im (layer_norm) · c_2 2 bf16 · c_3 2 bf16 · c_19 2 im ·
 *     c_24 WtB im (layer_norm, or large tensor) · c_20 WtB im · c_21 8 im · c_26 1 im (large tensor, from
 *     'layernorm-large-tensor-accumulator') ·
 *     c_22 2·block im (gamma or beta) · c_5 WtB T(gamma) · c_6 WtB T(beta)                                    [2][4]
 *   cores: split_work_to_cores(grid, NC·Ht tile rows), row-major; every core has the same CBs.
 *
 * Version axis: 'layernorm-fp32-acc-default' (layer_norm without compute_config: fp32 acc on from tt-metal PR #19295);
 *   'layernorm-fixed-block' (block size / large-tensor widths); 'layernorm-large-tensor-kernel' (tt-metal PR #18675)
 *   and 'rmsnorm-large-tensor-kernel' (PR #38006): from when each norm may leave the one-pass kernel [4]. rms_norm
 *   without compute_config: fp32 acc off (the OpModel golden rows, tt-metal f4163c2, only match with it off).
 *   'layernorm-block-divisibility-fatal' (PR #22869): from it a large-tensor width not divisible by the block is
 *   rejected; before, the check was a TT_ASSERT (DEBUG builds only) and the kernel ran with those CBs.
 *   `exact` rests on read span 'layernorm-interleaved-multicore' (every commit 2025-01-01 … 622c6fb of the factory, its
 *   selection and layernorm.cpp / rmsnorm.cpp), for TILE gamma/beta of the input's width and a rank ≥ 1 input.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/multi_core/layernorm_op_multi_core.cpp@00eaa3b
 *       (largest-divisor block, 60/120 large-tensor widths, `CB_can_fit_in_L1` 0.95 · l1_size)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp
 *       (LayerNormMultiCoreProgramFactory, search-index version 240909175: fixed block, 56/112, c_26, CB order)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/layernorm.cpp (default compute config); tt-mlir
 *       runtime/lib/ttnn/operations/normalization/layer_norm.cpp@19c86fc passes no compute config
 *   [4] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp@015365c (the
 *       large-tensor switch without a norm-type guard; c_24 for rms_norm on the large path); PR #18675, PR #38006
 *       (PR #36979 re-landed); before them: tt-metal issues #19427 (layer_norm, 1,507,840 B) and tt-mlir #6754
 *       (rms_norm, 1,528,960 B)
 *   [5] tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/dit_rms_norm_unary_fused/dit_rms_norm_unary_fused.cpp
 *       (search-index id 51857218344); tt-mlir runtime/lib/ttnn/operations/normalization/dit_rms_norm_unary_fused.cpp@19c86fc
 *   [6] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp@015365c
 *       (create_descriptor: FUSE_PRE_ADD sizes, fused_activation as compute defines)
 *   [7] the large-tensor CB set read on main at each change: layernorm_op_multi_core.cpp@4c12f30~1 (no c_26),
 *       @4c12f30 (c_26 large_tensor_acc_cb: Float32 when fp32 acc and not legacy reduction, else the intermediate
 *       format, so one im tile), @6cecd5d, @2cec72b, @5117926 (widths × bfloat16_tile_size / single_tile_size),
 *       @0445a2b, @7fb82fd, @0397458, @622c6fb (2026-06-23)
 *
 * dit_rms_norm_unary_fused: ttnn::experimental::dit_rms_norm_unary_fused is ttnn::prim::layer_norm with RMSNORM, the
 *   activation fused into the compute kernel by defines (no CB) and, without compute_config, fp32 accumulation on
 *   exactly for a Float32 input [5]. Its residual (fused pre-add, read at [6]): in0 = 2·block tiles, c_24 WtB im,
 *   c_1 = 2·block tiles of the residual's dtype (created after c_6), and the fit test counts in1 = 2·block·T(b) and
 *   im6 = WtB·im; a residual before 'layernorm-fixed-block' is unmodeled (that factory was not read for it).
 *
 * Assumptions: no residual input on layer_norm / rms_norm (tt-mlir's ops have none); Welford off (LayerNormDefaultProgramConfig default; its
 *   reciprocal CB is tensor-backed anyway); sharded inputs use the sharded factory (ops/normSharded.ts); row-major gamma/beta
 *   keeps the one-pass kernel.
 * Worked example: rms_norm 1x64x64x64 bf16, no gamma, fp32 off: Wt = 2, block 2: c_0 2 + c_16 4 + c_2 2 + c_3 2 +
 *   c_19 2 + c_20 2 + c_21 8 = 22 tiles = 45,056 B (tt-mlir OpModel golden, TestOpModelLib.cpp:4268).
 */

import { atOrAfter, readSpanUnreadReason, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import { DataType, tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { boolOf, fieldValue } from '../../ttnn/dialectFields';
import {
  CITE,
  CbSpec,
  ResolvedTensor,
  finishProgram,
  groupsFromSplit,
  propInts,
  resolveTensor,
  splitWorkToCores,
  findMaxDivisor,
  gridArea,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { estimateShardedNorm } from './normSharded';

const CITE_LN_OLD =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/multi_core/layernorm_op_multi_core.cpp@00eaa3b';
const CITE_LN_NEW =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp (LayerNormMultiCoreProgramFactory, search-index version 240909175)';
const CITE_LN_DEFAULTS =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/layernorm.cpp (default compute kernel config); tt-metal PR #19295';

/** Operands of an op with optional operands, split by `operandSegmentSizes` (one operand per segment when absent). */
export function operandSegments(op: TtnnOp): readonly (readonly number[])[] {
  const sizes = propInts(op, 'operandSegmentSizes');
  const out: number[][] = [];
  if (sizes === undefined) return op.operands.map((_, i) => [i]);
  let next = 0;
  for (const n of sizes) {
    const seg: number[] = [];
    for (let k = 0; k < n; k++) seg.push(next++);
    out.push(seg);
  }
  return out;
}

/** The `fp32_dest_acc_en` of a `#ttnn.device_compute_kernel_config<…>` property, if the op has one that says. */
export function fp32DestAccFromConfig(op: TtnnOp): boolean | undefined {
  const p = op.properties['compute_config'] ?? op.properties['compute_kernel_config'];
  if (p === undefined || p.kind !== 'dialect') return undefined;
  return boolOf(fieldValue(p, 'fp32_dest_acc_en'));
}

type NormKind = 'layer' | 'rms';

export function estimateLayerNorm(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimateNorm(op, ctx, 'layer');
}

export function estimateRmsNorm(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  return estimateNorm(op, ctx, 'rms');
}

const CITE_DIT =
  'tt-metal ttnn/cpp/ttnn/operations/experimental/transformer/dit_rms_norm_unary_fused/dit_rms_norm_unary_fused.cpp (ttnn::prim::layer_norm, RMSNORM, fused activation; default fp32 acc = Float32 input)';
const CITE_LN_PRE_ADD =
  'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core.cpp@015365c (FUSE_PRE_ADD CBs)';

/** `ttnn.dit_rms_norm_unary_fused` (input, weight, bias, residual_input segments): rms_norm's factory [5][6]. */
export function estimateDitRmsNormUnaryFused(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = op.operands[0];
  const f32Input = input?.kind === 'tensor' && input.layout.kind === 'layout' && input.layout.dtype === 'f32';
  return estimateNorm(op, ctx, 'rms', {
    fp32Default: f32Input,
    fp32DefaultWhy: `dit_rms_norm_unary_fused default: ${f32Input ? 'Float32' : 'non-Float32'} input`,
    residualSegment: 3,
    citations: [CITE_DIT],
  });
}

function optionalOperand(
  op: TtnnOp,
  segments: readonly (readonly number[])[],
  segment: number,
  what: string,
): ResolvedTensor | string | undefined {
  const idx = segments[segment]?.[0];
  if (idx === undefined) return undefined;
  return resolveTensor(op.operands[idx], what);
}

interface NormVariant {
  /** fp32 accumulation without a compute_config (the op's own default), and why. */
  readonly fp32Default?: boolean;
  readonly fp32DefaultWhy?: string;
  /** The operand segment of a fused pre-add residual, when the op has one. */
  readonly residualSegment?: number;
  readonly citations?: readonly string[];
}

function estimateNorm(op: TtnnOp, ctx: EstimateContext, kind: NormKind, variant: NormVariant = {}): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile')
    return unmodeled(op.name, 'row-major input: the row-major layer/rms norm kernels are not modeled');
  const segments = operandSegments(op);
  const gamma = optionalOperand(op, segments, 1, 'weight');
  const beta = optionalOperand(op, segments, 2, 'bias');
  if (typeof gamma === 'string') return unmodeled(op.name, gamma);
  if (typeof beta === 'string') return unmodeled(op.name, beta);
  const residual =
    variant.residualSegment === undefined
      ? undefined
      : optionalOperand(op, segments, variant.residualSegment, 'residual_input');
  if (typeof residual === 'string') return unmodeled(op.name, residual);

  const configured = fp32DestAccFromConfig(op);
  const fp32 =
    configured ?? variant.fp32Default ?? (kind === 'layer' ? atOrAfter(ctx, 'layernorm-fp32-acc-default') : false);
  const fp32Why =
    configured !== undefined
      ? 'compute_config'
      : variant.fp32DefaultWhy !== undefined
        ? variant.fp32DefaultWhy
        : kind === 'layer'
          ? fp32
            ? 'layer_norm default since PR #19295'
            : 'layer_norm default before PR #19295'
          : 'rms_norm default';
  // A sharded input takes the sharded factory (ops/normSharded.ts), whatever the program config tt-mlir leaves unset.
  if (input.layout.memoryLayout !== 'interleaved') {
    if (residual !== undefined)
      return unmodeled(op.name, "sharded input with a residual: the sharded factory's pre-add CBs were not read");
    return estimateShardedNorm(op, ctx, { kind, input, output, gamma, beta, fp32, fp32Why });
  }
  const fixedBlock = atOrAfter(ctx, 'layernorm-fixed-block');
  if (residual !== undefined && !fixedBlock)
    return unmodeled(
      op.name,
      'a residual (fused pre-add) in builds before the fixed-block layer-norm factory: its CBs were not read there',
    );
  const rank = input.padded.length;
  const wt = input.padded[rank - 1] / 32;
  const rows = input.geometry.heightTilesTotal;
  const maxBlock = fp32 ? 4 : 8;
  const block = fixedBlock ? maxBlock : findMaxDivisor(wt, maxBlock);
  let wtB = fixedBlock ? Math.ceil(wt / block) * block : wt;

  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);
  const im = tileBytes(fp32 ? 'f32' : 'bf16');
  const bf16 = tileBytes('bf16');
  const gammaDtype: DataType = gamma?.dtype ?? 'bf16';
  const betaDtype: DataType = beta?.dtype ?? 'bf16';
  const rowMajorWeights = gamma?.layout.pageLayout === 'row_major' || beta?.layout.pageLayout === 'row_major';

  // CB_can_fit_in_L1 sums every buffer, used or not (in1 is 0 without a residual; with one, in0 shrinks to 2·block
  // tiles and im6 grows to WtB [6]).
  const tRes = residual === undefined ? 0 : tileBytes(residual.dtype);
  const smallSum =
    (residual === undefined ? wtB : 2 * block) * tIn +
    2 * block * tRes +
    2 * block * tOut +
    2 * wtB * im +
    wtB * tileBytes(gammaDtype) +
    wtB * tileBytes(betaDtype) +
    (residual === undefined ? 2 * block : wtB) * im +
    2 * block * im +
    8 * im +
    2 * im +
    2 * bf16 +
    2 * bf16 +
    2 * im;
  const fits = smallSum < ctx.device.l1SizeBytes * 0.95;
  // The large-tensor path came to layer_norm with PR #18675 and to rms_norm with PR #38006; before, whole-row CBs.
  const large =
    !rowMajorWeights &&
    !fits &&
    atOrAfter(ctx, kind === 'layer' ? 'layernorm-large-tensor-kernel' : 'rmsnorm-large-tensor-kernel');
  if (large) {
    const weighted = gamma !== undefined || beta !== undefined || input.dtype === 'f32';
    wtB = weighted ? (fixedBlock ? 56 : 60) : fixedBlock ? 112 : 120;
    // From 'layernorm-large-width-by-im-tile' the widths scale by bf16 tile / intermediate tile (halved with fp32 acc).
    if (fp32 && atOrAfter(ctx, 'layernorm-large-width-by-im-tile')) wtB = (wtB * bf16) / im;
    // Older builds threw before allocating: TT_FATAL(in0_t % block_size == 0) (tt-metal issue #33527); before PR #22869
    // it was a TT_ASSERT, empty in release builds, and the kernel ran with these CBs.
    if (wtB % block !== 0 && atOrAfter(ctx, 'layernorm-block-divisibility-fatal')) {
      return illegal(op.name, `Buffer size in0_t (${wtB}) must be divisible by block_size (${block})`, CITE_LN_OLD);
    }
  }
  const cbs: CbSpec[] = [
    { index: 0, role: 'input', nPages: residual === undefined ? wtB : 2 * block, pageBytes: tIn },
    { index: 16, role: 'output', nPages: 2 * block, pageBytes: tOut },
  ];
  if (kind === 'layer') cbs.push({ index: 18, role: 'E[x]', nPages: 2, pageBytes: im });
  cbs.push(
    { index: 2, role: 'reduce scaler', nPages: 2, pageBytes: bf16 },
    { index: 3, role: 'epsilon', nPages: 2, pageBytes: bf16 },
    { index: 19, role: '1/sqrt(var)', nPages: 2, pageBytes: im },
  );
  if (kind === 'layer' || large || residual !== undefined)
    cbs.push({
      index: 24,
      role: residual !== undefined && kind === 'rms' ? 'x = a + b' : 'x - E[x]',
      nPages: wtB,
      pageBytes: im,
    });
  cbs.push(
    { index: 20, role: 'squares', nPages: wtB, pageBytes: im },
    { index: 21, role: 'reduce staging', nPages: 8, pageBytes: im },
  );
  // c_26 from 'layernorm-large-tensor-accumulator' (Welford off): Float32 under fp32 acc, else the intermediate format.
  if (large && atOrAfter(ctx, 'layernorm-large-tensor-accumulator'))
    cbs.push({ index: 26, role: 'large-tensor accumulator', nPages: 1, pageBytes: im });
  if (gamma !== undefined || beta !== undefined)
    cbs.push({ index: 22, role: 'gamma/beta staging', nPages: 2 * block, pageBytes: im });
  if (gamma !== undefined) cbs.push({ index: 5, role: 'gamma', nPages: wtB, pageBytes: tileBytes(gammaDtype) });
  if (beta !== undefined) cbs.push({ index: 6, role: 'beta', nPages: wtB, pageBytes: tileBytes(betaDtype) });
  if (residual !== undefined) {
    if (kind === 'layer') cbs.push({ index: 23, role: 'x = a + b', nPages: wtB, pageBytes: im });
    cbs.push({ index: 1, role: 'residual', nPages: 2 * block, pageBytes: tRes });
  }

  const split = splitWorkToCores(gridArea(ctx), rows);
  const unread = variant.residualSegment === undefined ? unreadReason(op, ctx, input, gamma, beta) : undefined;
  return finishProgram({
    op,
    ctx,
    factory: large ? 'LayerNormMultiCoreProgramFactory (large-tensor kernel)' : 'LayerNormMultiCoreProgramFactory',
    factoryReason: `Wt = ${wt}, block ${block} (fp32 acc ${fp32 ? 'on' : 'off'}: ${fp32Why}); one-pass CBs ${smallSum} B ${fits ? '<' : '≥'} 0.95·L1${!fits && !large ? (rowMajorWeights ? ' (row-major gamma/beta keep the one-pass kernel)' : ` (no large-tensor kernel for ${kind === 'layer' ? 'layer_norm before PR #18675' : 'rms_norm before PR #38006'})`) : ''}${large ? `; large-tensor width ${wtB} tiles` : ''}; ${rows} tile rows over ${split.nCores} cores`,
    // Every CB on all_cores, split_work_to_cores(grid, rows, row_wise)'s set (layernorm_op_multi_core.cpp of 2024,
    // index id 2407502137; the 2026 factories, ids 57957008689 / 317708230, outside their use_2d_core_grid branch, which
    // tt-mlir does not set): its first range, the full rows — tt-mlir #7153 prints (0,0)-(12,7) for 113 rows on 13x10.
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row', { order: 'row', ctx }),
    cbs,
    confidence: unread === undefined ? 'exact' : 'approx',
    approxReason: unread ?? '',
    citations: [
      fixedBlock ? CITE_LN_NEW : CITE_LN_OLD,
      CITE_LN_DEFAULTS,
      ...(residual !== undefined ? [CITE_LN_PRE_ADD] : []),
      ...(variant.citations ?? []),
      CITE.workSplit,
      ...(variant.residualSegment === undefined ? [readSpanCite('layernorm-interleaved-multicore')] : []),
    ],
  });
}

const LN_UNREAD_BUILDS = readSpanUnreadReason(
  'the interleaved layer-norm program, its selection and layernorm.cpp / rmsnorm.cpp were',
  'layernorm-interleaved-multicore',
  'before',
);

/**
 * Why layer_norm / rms_norm is not `exact` on the interleaved factory: the window outside read span
 * layernorm-interleaved-multicore, or inputs the reading did not cover (a 0-D input takes other ops from tt-metal PR
 * #19927; gamma/beta of another width or row-major meet validation that changed at PRs #43948 and #44527). An empty
 * input never reaches here (resolveTensor).
 */
function unreadReason(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  gamma: ResolvedTensor | undefined,
  beta: ResolvedTensor | undefined,
): string | undefined {
  if (!windowReadableWithinReadSpan(ctx, 'layernorm-interleaved-multicore')) return LN_UNREAD_BUILDS;
  const spec = op.operands[0];
  if (spec?.kind === 'tensor' && spec.shape.kind === 'known' && spec.shape.dims.length === 0)
    return 'a 0-D input: layernorm.cpp / rmsnorm.cpp run other ops for it (tt-metal PR #19927), not read';
  const width = input.logical[input.logical.length - 1];
  for (const [w, name] of [
    [gamma, 'weight'],
    [beta, 'bias'],
  ] as const) {
    if (w === undefined) continue;
    if (w.layout.pageLayout !== 'tile')
      return `a row-major ${name}: its validation ([…, 32] sticks) was not read against tt-mlir's layout`;
    if (w.logical[w.logical.length - 1] !== width)
      return `the ${name}'s last dim (${w.logical[w.logical.length - 1]}) is not the input's (${width}): validation of it changed at tt-metal PRs #43948 and #44527, not modeled`;
  }
  return undefined;
}
