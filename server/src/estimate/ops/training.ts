/**
 * L1 estimates for tt-train's (ttml) device ops that tt-mlir emits: `ttnn.adamw` (ttml::metal::adamw, the fused AdamW
 * optimizer step) and `ttnn.sdpa_bw` (ttml::metal::sdpa_bw, scaled dot-product attention backward). tt-mlir's OpModel
 * calls exactly these (tt-mlir lib/OpModel/TTNN/TTNNOpModel.cpp@19c86fc, OpModel<AdamWOp> / OpModel<SDPABackwardOp>).
 *
 * AdamW (AdamWProgramFactory [1]): T = tiles of the padded param, split_work_to_cores over T on the compute grid,
 *   block b = min(2, tiles per core of group 1); every CB on every used core, P = tile bytes of the param dtype:
 *   c_0 param, c_2 exp_avg, c_3 exp_avg_sq, c_16 param out, c_17 exp_avg out, c_18 exp_avg_sq out: b·P each;
 *   c_1 grad: b bf16 tiles (the gradient is always bf16);
 *   amsgrad (max_exp_avg_sq present): c_4 in, c_19 out b·P each, c_26 2b Float32 tiles;
 *   c_24 momentum, c_25 variance: 2b Float32 tiles each.
 *   The op updates param and the moments in place (tt-mlir: no results; ttml returns param itself), so it allocates
 *   no tensor. Validation [2]: every operand on device, in DRAM, TILE, INTERLEAVED; param bf16 or f32; grad bf16;
 *   exp_avg / exp_avg_sq / max_exp_avg_sq of the param's dtype; stochastic rounding only with a bf16 param.
 * SDPA backward (ttml sdpa_bw [3]) runs two programs in turn, KV then Q; the figure is the larger one (composite.ts).
 *   Wt = head_dim/32 (Q, K, V inner dims are equal), rows split over the compute grid:
 *   KV program [4] (rows = B·kv_heads·S/32): c_0 grad_output, c_1 attn_output, c_2 query, c_3 key, c_4 value: 2·Wt
 *     bf16 tiles each; c_5 mask 2; c_6 intermediates 4; c_7 1 Float32; c_8..c_11 grad V/K holders Wt Float32 each;
 *     c_12..c_16 1 Float32 each; c_17 grad_key, c_18 grad_value 2·Wt bf16 each.
 *   Q program [5] (rows = B·q_heads·S/32), bf16 tiles: c_0..c_4 2·Wt each; c_5 1; c_6 2; c_7, c_8 1 each;
 *     c_9, c_10 Wt each; c_13..c_17 1 each; c_18 Wt; c_21 1; c_22 2.
 *   Both create the mask CB whether or not a mask is passed.
 *
 * References (tenstorrent/tt-metal):
 *   [1] tt-train/sources/ttml/metal/optimizers/adamw/device/adamw_program_factory.cpp@050f24f
 *   [2] tt-train/sources/ttml/metal/optimizers/adamw/device/adamw_device_operation.cpp@06c8522 (validate_on_program_cache_miss)
 *   [3] tt-train/sources/ttml/metal/ops/sdpa_bw/sdpa_bw.cpp@01fd8ac (KV program, then Q program)
 *   [4] tt-train/sources/ttml/metal/ops/sdpa_bw/device/sdpa_bw_kv_program_factory.cpp@01fd8ac
 *   [5] tt-train/sources/ttml/metal/ops/sdpa_bw/device/sdpa_bw_q_program_factory.cpp@03063f0
 *
 * Assumptions ('approx'): one version of each factory was read (tt-train's history was not traced, so no change
 *   points); tt-mlir HEAD passes a mask_type sdpa_bw versions read do not take, and the Q factory read is a different
 *   commit from the KV one.
 * Worked examples: adamw of a 1x1x128x128 f32 param (16 tiles over 16 cores, b = 1): 6·4,096 + 2,048 + 2·2·4,096 =
 *   43,008 B. sdpa_bw of 1x2x64x64 (Wt = 2, 4 rows): KV 34 bf16 tiles (69,632 B) + 14 Float32 tiles (57,344 B) =
 *   126,976 B; Q 39 bf16 tiles = 79,872 B; the figure is the KV program's 126,976 B.
 */

import { tileBytes } from '../../ttnn/dtype';
import { isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  CbSpec,
  ResolvedTensor,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { largestStep } from './composite';

const CITES = {
  adamw: 'tt-metal tt-train/sources/ttml/metal/optimizers/adamw/device/adamw_program_factory.cpp@050f24f',
  adamwValidate:
    'tt-metal tt-train/sources/ttml/metal/optimizers/adamw/device/adamw_device_operation.cpp@06c8522 (validate_on_program_cache_miss)',
  sdpaBw: 'tt-metal tt-train/sources/ttml/metal/ops/sdpa_bw/sdpa_bw.cpp@01fd8ac',
  sdpaBwKv: 'tt-metal tt-train/sources/ttml/metal/ops/sdpa_bw/device/sdpa_bw_kv_program_factory.cpp@01fd8ac',
  sdpaBwQ: 'tt-metal tt-train/sources/ttml/metal/ops/sdpa_bw/device/sdpa_bw_q_program_factory.cpp@03063f0',
} as const;

const TILE = 32;

/** tt-train's check_tensor: on device, DRAM, TILE, INTERLEAVED, of the required dtype [2]. */
function adamwOperandRule(t: ResolvedTensor, name: string, dtype: string): string | undefined {
  if (t.layout.bufferType === 'system_memory') return `AdamW optimizer requires '${name}' to be on DEVICE`;
  if (t.layout.bufferType !== 'dram') return `Tensor '${name}' must be in DRAM`;
  if (t.layout.pageLayout !== 'tile') return `Tensor '${name}' must have layout 'TILE'`;
  if (t.dtype !== dtype) return `Tensor '${name}' must have data type '${dtype}', but got '${t.dtype}'`;
  if (isSharded(t.layout)) return `Tensor '${name}' must use INTERLEAVED memory layout`;
  return undefined;
}

export function estimateAdamW(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const names = [
    'Parameter',
    'Gradient',
    'Exponential Average Buffer',
    'Exponential Average Squared Buffer',
    'Max Exponential Average Squared Buffer',
  ];
  const operands: ResolvedTensor[] = [];
  for (let i = 0; i < Math.min(op.operands.length, names.length); i++) {
    const t = resolveTensor(op.operands[i], names[i]!);
    if (typeof t === 'string') return unmodeled(op.name, t);
    operands.push(t);
  }
  if (operands.length < 4) return unmodeled(op.name, 'adamw takes param, grad, exp_avg and exp_avg_sq');
  const param = operands[0]!;
  if (param.dtype !== 'bf16' && param.dtype !== 'f32')
    return illegal(
      op.name,
      `Parameter tensor must be BFLOAT16 or FLOAT32, but got '${param.dtype}'`,
      CITES.adamwValidate,
    );
  if ((propBool(op, 'stochastic_rounding') ?? false) && param.dtype !== 'bf16') {
    return illegal(op.name, 'Stochastic rounding is only supported with BFLOAT16 parameters', CITES.adamwValidate);
  }
  for (let i = 0; i < operands.length; i++) {
    const broken = adamwOperandRule(operands[i]!, names[i]!, i === 1 ? 'bf16' : param.dtype);
    if (broken !== undefined) return illegal(op.name, broken, CITES.adamwValidate);
  }
  if (param.padded.length !== 4) return illegal(op.name, 'Input tensor must be 4D', CITES.adamw);
  const tiles = param.geometry.nPages;
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, tiles));
  const block = Math.min(2, split.maxUnitsPerCore);
  const p = tileBytes(param.dtype);
  const f32 = tileBytes('f32');
  const amsgrad = operands.length === 5;
  const cbs: CbSpec[] = [
    { index: 0, role: 'param', nPages: block, pageBytes: p },
    { index: 1, role: 'grad (bf16)', nPages: block, pageBytes: tileBytes('bf16') },
    { index: 2, role: 'exp_avg', nPages: block, pageBytes: p },
    { index: 3, role: 'exp_avg_sq', nPages: block, pageBytes: p },
    { index: 16, role: 'param out', nPages: block, pageBytes: p },
    { index: 17, role: 'exp_avg out', nPages: block, pageBytes: p },
    { index: 18, role: 'exp_avg_sq out', nPages: block, pageBytes: p },
  ];
  if (amsgrad) {
    cbs.push(
      { index: 4, role: 'max_exp_avg_sq', nPages: block, pageBytes: p },
      { index: 19, role: 'max_exp_avg_sq out', nPages: block, pageBytes: p },
      { index: 26, role: 'max_exp_avg_sq (Float32)', nPages: 2 * block, pageBytes: f32 },
    );
  }
  cbs.push(
    { index: 24, role: 'momentum (Float32)', nPages: 2 * block, pageBytes: f32 },
    { index: 25, role: 'variance (Float32)', nPages: 2 * block, pageBytes: f32 },
  );
  return finishProgram({
    op,
    ctx,
    factory: 'AdamWProgramFactory (tt-train)',
    factoryReason: `${tiles} param tiles over ${split.nCores} cores, block ${block}${amsgrad ? '; amsgrad' : ''}; updates in place (no tensor allocated)`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs,
    confidence: 'approx',
    approxReason: 'one version of the tt-train factory read; its history was not traced',
    citations: [CITES.adamw, CITES.adamwValidate, CITE.workSplit],
  });
}

function sdpaBwProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  which: 'kv' | 'q',
  rows: number,
  wt: number,
): OpEstimateResult {
  const bf16 = tileBytes('bf16');
  const f32 = tileBytes('f32');
  const inputs = ['grad_output', 'attn_output', 'query', 'key', 'value'].map((role, i): CbSpec => ({
    index: i,
    role,
    nPages: 2 * wt,
    pageBytes: bf16,
  }));
  const cbs: CbSpec[] =
    which === 'kv'
      ? [
          ...inputs,
          { index: 5, role: 'mask', nPages: 2, pageBytes: bf16 },
          { index: 6, role: 'intermediates', nPages: 4, pageBytes: bf16 },
          { index: 7, role: 'matmul reduce (Float32)', nPages: 1, pageBytes: f32 },
          ...[8, 9, 10, 11].map((index): CbSpec => ({
            index,
            role: 'grad V/K holder (Float32)',
            nPages: wt,
            pageBytes: f32,
          })),
          ...[15, 12, 13, 14, 16].map((index): CbSpec => ({
            index,
            role: 'scratch (Float32)',
            nPages: 1,
            pageBytes: f32,
          })),
          { index: 17, role: 'grad_key', nPages: 2 * wt, pageBytes: bf16 },
          { index: 18, role: 'grad_value', nPages: 2 * wt, pageBytes: bf16 },
        ]
      : [
          ...inputs,
          { index: 5, role: 'mask', nPages: 1, pageBytes: bf16 },
          { index: 6, role: 'intermediates', nPages: 2, pageBytes: bf16 },
          { index: 7, role: 'matmul reduce', nPages: 1, pageBytes: bf16 },
          { index: 8, role: 'reduction scaler', nPages: 1, pageBytes: bf16 },
          { index: 9, role: 'prev grad_query', nPages: wt, pageBytes: bf16 },
          { index: 10, role: 'cur grad_query', nPages: wt, pageBytes: bf16 },
          ...[13, 14, 15, 16, 17].map((index): CbSpec => ({ index, role: 'scratch', nPages: 1, pageBytes: bf16 })),
          { index: 18, role: 'grad_query', nPages: wt, pageBytes: bf16 },
          { index: 21, role: 'writer sync', nPages: 1, pageBytes: bf16 },
          { index: 22, role: 'masked intermediates', nPages: 2, pageBytes: bf16 },
        ];
  const split = splitWorkToCores(gridArea(ctx), Math.max(1, rows));
  return finishProgram({
    op,
    ctx,
    factory: which === 'kv' ? 'SDPABackwardKVProgramFactory (tt-train)' : 'SDPABackwardQProgramFactory (tt-train)',
    factoryReason: `${rows} ${which === 'kv' ? 'K/V' : 'Q'} tile rows over ${split.nCores} cores; head_dim = ${wt} tiles`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs,
    confidence: 'approx',
    approxReason: 'one version of each tt-train factory read; tt-mlir passes a mask_type these versions do not take',
    citations: [which === 'kv' ? CITES.sdpaBwKv : CITES.sdpaBwQ, CITE.workSplit],
  });
}

/** Operands: grad_output, attn_output, query, key, value, intermediates[, attention_mask] (TTNNOps.td@19c86fc). */
export function estimateSdpaBw(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const names = ['grad_output', 'attn_output', 'query', 'key', 'value', 'intermediates'];
  const t: ResolvedTensor[] = [];
  for (let i = 0; i < names.length; i++) {
    const r = resolveTensor(op.operands[i], names[i]!);
    if (typeof r === 'string') return unmodeled(op.name, r);
    t.push(r);
  }
  const [gradOut, , query, key, value] = t as [
    ResolvedTensor,
    ResolvedTensor,
    ResolvedTensor,
    ResolvedTensor,
    ResolvedTensor,
    ResolvedTensor,
  ];
  if ([gradOut, query, key, value].some((x) => x.padded.length !== 4))
    return unmodeled(op.name, 'sdpa_bw takes 4-D [B, heads, S, E] tensors');
  const [qB, qNH, qS, qE] = gradOut.padded as [number, number, number, number];
  const [kB, kNH, kS, kE] = key.padded as [number, number, number, number];
  const [vB, vNH, vS, vE] = value.padded as [number, number, number, number];
  if (qE !== kE || qE !== vE)
    return illegal(op.name, 'Embedding dims of grad_output, Q, K, V must be the same', CITES.sdpaBwQ);
  if (qB !== kB || qB !== vB)
    return illegal(op.name, 'Query,Key and Value batch sizes must be the same', CITES.sdpaBwQ);
  if (qS !== kS || qS !== vS)
    return illegal(op.name, 'Query, Key and Value sequence lengths must be the same', CITES.sdpaBwQ);
  if (kNH !== vNH) return illegal(op.name, 'Key and Value number of heads must be the same', CITES.sdpaBwQ);
  if (qNH % kNH !== 0) return illegal(op.name, 'Number of heads must be divisible by number of groups', CITES.sdpaBwQ);
  const wt = qE / TILE;
  const st = qS / TILE;
  return largestStep(
    op,
    ctx,
    [
      { label: 'grad K/V program', result: sdpaBwProgram(op, ctx, 'kv', kB * kNH * st, wt) },
      { label: 'grad Q program', result: sdpaBwProgram(op, ctx, 'q', qB * qNH * st, wt) },
    ],
    { confidence: 'approx', citations: [CITES.sdpaBw] },
  );
}
