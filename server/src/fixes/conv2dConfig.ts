/**
 * Quick fixes for an overflowing `ttnn.conv2d` / `ttnn.conv_transpose2d`: `conv2d_config` changes that shrink its CBs
 * (tt-metal's own levers against conv OOM, conv2d_utils.cpp@002a3f4 and tt-metal PR #16374):
 *   - double buffering off (`enable_act_double_buffer`, `enable_weights_double_buffer`);
 *   - a smaller `act_block_h_override` (a multiple of 32 that divides the per-core output height, so tt-metal takes it
 *     as is: determine_per_core_conv_block_config);
 *   - another `shard_layout` when the input is not already sharded;
 *   - an auto-sharded 1x1 conv (ttnn.linear on the interleaved input) gets only `shard_layout` candidates: the act block
 *     and buffering fields do not reach the linear;
 *   - when none of those fits and the input is in DRAM: DRAM slicing, `conv2d_slice_config<dram_height, N>` with the
 *     fewest slices that fit (tt-mlir's own fallback for this OOM: optimizer/conv2d_l1_oom_fallback.mlir replaces an
 *     `l1_full` slice config; tt-metal conv2d.cpp@645aa76 conv2d_DRAM runs the L1 path once per slice). On the L1 path
 *     the halo output and resharded input often cannot fit whatever the CBs (estimate/ops/conv2d.ts).
 * Each candidate is pre-screened with the estimator (its CBs and its own L1 tensors, analysis/overflow.ts
 * walkIntermediates), then the fitting ones (at most two, largest act block first) are verified by re-analysis. Written into the op's `conv2d_config = #ttnn.conv2d_config<...>` (fields kept in their order,
 * changed ones replaced, new ones appended).
 */

import type { FunctionAnalysis } from '../analysis/analyze';
import { estimateOp } from '../estimate/registry';
import type { EstimateContext, OpEstimateResult } from '../estimate/types';
import { cbLimitBytes, walkIntermediates } from '../analysis/overflow';
import { isAutoShardedMatmulConv, planConv2dOp, type ConvPlan, type ConvProblem } from '../estimate/ops/conv2d';
import { opWith, type PropValue, type TtnnOp } from '../ttnn/op';
import { propertyEdit, type SyntaxFunction } from './edits';
import type { Fix, RejectedFix } from './types';
import type { Baseline } from './verify';
import { formatBytes, verifyCandidate } from './verify';

type Fields = ReadonlyArray<readonly [string, string]>;

export interface Candidate {
  readonly what: string;
  readonly changes: Readonly<Record<string, string>>;
}

/** The op's `conv2d_config` fields in their order (none without one). */
export function currentConv2dConfigFields(op: TtnnOp): Fields {
  const cfg = op.properties['conv2d_config'];
  if (cfg === undefined || cfg.kind !== 'dialect') return [];
  const out: [string, string][] = [];
  for (const item of cfg.items) {
    const eq = item.indexOf('=');
    if (eq > 0) out.push([item.slice(0, eq), item.slice(eq + 1)]);
  }
  return out;
}

/** `fields` with `changes`: changed ones replaced in place, new ones appended. */
export function mergedConv2dConfigFields(
  fields: Fields,
  changes: Readonly<Record<string, string>>,
): [string, string][] {
  const out: [string, string][] = fields.map(([k, v]) => [k, changes[k] ?? v]);
  for (const [k, v] of Object.entries(changes)) if (!fields.some(([f]) => f === k)) out.push([k, v]);
  return out;
}

export function conv2dConfigText(fields: Fields): string {
  return `#ttnn.conv2d_config<${fields.map(([k, v]) => `${k} = ${v}`).join(', ')}>`;
}

function withConfig(op: TtnnOp, fields: Fields): TtnnOp {
  const record: Record<string, string> = {};
  for (const [k, v] of fields) record[k] = v;
  const cfg: PropValue = {
    kind: 'dialect',
    name: 'ttnn.conv2d_config',
    text: conv2dConfigText(fields),
    items: fields.map(([k, v]) => `${k}=${v}`),
    fields: record,
  };
  return opWith(op, { properties: { ...op.properties, conv2d_config: cfg } });
}

function sliceConfigText(count: number): string {
  return `#ttnn.conv2d_slice_config<dram_height, ${count}>`;
}

function withDramSlices(op: TtnnOp, count: number): TtnnOp {
  const cfg: PropValue = {
    kind: 'dialect',
    name: 'ttnn.conv2d_slice_config',
    text: sliceConfigText(count),
    items: ['dram_height', String(count)],
    fields: {},
  };
  return opWith(op, { properties: { ...op.properties, conv2d_slice_config: cfg } });
}

/** The estimate fits beside `live` bytes of L1 tensors: its own L1 tensors one by one, then its CBs. */
function estimateFits(r: OpEstimateResult, live: number, ctx: EstimateContext): boolean {
  if (r.kind !== 'estimate') return false;
  const base = ctx.device.l1UnreservedBase;
  let held = 0;
  if (r.l1Intermediates !== undefined) {
    const walk = walkIntermediates(r.l1Intermediates, live, r.l1TensorBytesPerCore, ctx.device);
    if (walk.failed !== undefined) return false;
    held = walk.heldDuringProgram;
  }
  return base + r.worstCbBytesPerCore <= cbLimitBytes(ctx.device, live + held);
}

/** Divisors of n below `below`, largest first; at most `max` of them (the search is bounded for huge shards). */
function divisorsBelow(n: number, below: number, max = 16): number[] {
  const out: number[] = [];
  for (let d = Math.min(n, below - 1, 1 << 16); d >= 1 && out.length < max; d--) if (n % d === 0) out.push(d);
  return out;
}

/**
 * The `conv2d_config` changes worth estimating, smallest change first. An auto-sharded 1x1 conv runs ttnn.linear on its
 * interleaved input with tt-metal's own matmul config (estimate/ops/conv2d.ts [8]): act_block_h_override and the
 * double-buffer flags never reach it, so only a `shard_layout` (which turns auto shard off: reshard, then the matmul
 * or conv program from the shards) can change its figure, whichever scheme the sharded plan would have picked.
 */
export function conv2dConfigCandidates(
  planned: { readonly plan: ConvPlan; readonly problem: ConvProblem },
  ctx: EstimateContext,
): Candidate[] {
  const { plan, problem } = planned;
  const schemes = ['height_sharded', 'block_sharded', 'width_sharded'] as const;
  if (isAutoShardedMatmulConv(problem, ctx))
    return schemes.map((scheme) => ({ what: `shard_layout = ${scheme}`, changes: { shard_layout: scheme } }));
  const candidates: Candidate[] = [];
  const buffered = problem.config.actDoubleBuffer || problem.config.weightsDoubleBuffer;
  const noDouble: Record<string, string> = buffered
    ? { enable_act_double_buffer: 'false', enable_weights_double_buffer: 'false' }
    : {};
  if (buffered) candidates.push({ what: 'double buffering off', changes: noDouble });
  for (const d of divisorsBelow(plan.perCoreOutHTiles, plan.actBlockHTiles)) {
    candidates.push({ what: `act_block_h_override = ${32 * d}`, changes: { act_block_h_override: String(32 * d) } });
    if (buffered)
      candidates.push({
        what: `act_block_h_override = ${32 * d}, double buffering off`,
        changes: { act_block_h_override: String(32 * d), ...noDouble },
      });
  }
  const inputSharded =
    problem.path === 'l1' &&
    problem.inputLayout.bufferType === 'l1' &&
    problem.inputLayout.memoryLayout !== 'interleaved';
  if (!inputSharded) {
    for (const scheme of schemes) {
      if (scheme !== plan.input.scheme)
        candidates.push({ what: `shard_layout = ${scheme}`, changes: { shard_layout: scheme } });
    }
  }
  return candidates;
}

export function conv2dConfigFixes(
  base: Baseline,
  sfn: SyntaxFunction,
  fa: FunctionAnalysis,
): { fixes: Fix[]; rejected: RejectedFix[] } {
  const target = fa.ops[base.target.opIndex];
  const sop = sfn.bodyOps[base.target.opIndex];
  if (
    target === undefined ||
    sop === undefined ||
    (target.op.name !== 'ttnn.conv2d' && target.op.name !== 'ttnn.conv_transpose2d')
  )
    return { fixes: [], rejected: [] };
  const ctx: EstimateContext = {
    device: base.analysis.device,
    ttMetal: { window: base.analysis.ttMetal.window },
    liveL1BytesPerCore: target.liveL1TensorBytesPerCore,
  };
  const planned = planConv2dOp(target.op, ctx);
  if (!('plan' in planned))
    return {
      fixes: [],
      rejected: [
        {
          fixKind: 'conv2dConfig',
          title: 'Change conv2d_config',
          reason: 'unmodeled' in planned ? planned.unmodeled : planned.illegal,
        },
      ],
    };
  const fields = currentConv2dConfigFields(target.op);
  const candidates = conv2dConfigCandidates(planned, ctx);
  const { problem } = planned;
  const live = target.liveL1TensorBytesPerCore;
  const limit = ctx.device.l1SizeBytes - live;
  const fixes: Fix[] = [];
  const rejected: RejectedFix[] = [];
  for (const c of candidates) {
    if (fixes.length >= 2) break;
    const next = mergedConv2dConfigFields(fields, c.changes);
    const r = estimateOp(withConfig(target.op, next), ctx);
    if (r.kind !== 'estimate' || r.cbRegionEndBytes > limit || !estimateFits(r, live, ctx)) continue;
    const edit = propertyEdit(sop, 'conv2d_config', conv2dConfigText(next));
    const title = `Set conv2d_config ${c.what} (${formatBytes(r.cbBytesPerCore)} of CBs per core)`;
    if (typeof edit === 'string') {
      rejected.push({ fixKind: 'conv2dConfig', title, reason: edit });
      break;
    }
    const outcome = verifyCandidate(base, { edits: [edit], removesTarget: false, replacementResults: [] });
    if (!outcome.ok) {
      rejected.push({ fixKind: 'conv2dConfig', title, reason: outcome.reason });
      continue;
    }
    const then = outcome.verification.afterText;
    fixes.push({
      id: `conv2d-config:${fa.fn.name}:${target.op.resultNames[0] ?? target.index}:${Object.entries(c.changes)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
      title: `${title} · ${then}`,
      kind: 'quickfix',
      fixKind: 'conv2dConfig',
      edits: [edit],
      verification: outcome.verification,
      notes: [
        "re-derived with tt-metal's conv2d block heuristics (conv2d_utils.cpp@002a3f4); smaller act blocks and single buffering trade speed for L1",
      ],
      isPreferred: false,
    });
  }
  if (fixes.length === 0 && problem.path === 'l1' && problem.inputLayout.bufferType === 'dram') {
    const sliced = dramSliceFix(target.op, ctx, live, sop, base, fa);
    if (sliced !== undefined) {
      if ('fix' in sliced) fixes.push(sliced.fix);
      else rejected.push(sliced.rejected);
    }
  }
  if (fixes.length === 0 && rejected.length === 0)
    rejected.push({
      fixKind: 'conv2dConfig',
      title: 'Change conv2d_config',
      reason: 'no act block, buffering or shard layout change fits',
    });
  return { fixes, rejected };
}

/** DRAM slicing with the fewest output-height slices that fit: every count up to 64, then doubling, bounded by the
 *  input height (the output has no more rows than it for the convs this path takes). */
function dramSliceFix(
  op: TtnnOp,
  ctx: EstimateContext,
  live: number,
  sop: SyntaxFunction['bodyOps'][number],
  base: Baseline,
  fa: FunctionAnalysis,
): { fix: Fix } | { rejected: RejectedFix } | undefined {
  const h = op.properties['input_height'];
  const bound = h?.kind === 'int' ? h.value : 0;
  let found: { count: number; cbBytes: number } | undefined;
  for (let count = 2; count <= bound && found === undefined; count = count < 64 ? count + 1 : count * 2) {
    const r = estimateOp(withDramSlices(op, count), ctx);
    if (r.kind === 'estimate' && estimateFits(r, live, ctx)) found = { count, cbBytes: r.cbBytesPerCore };
  }
  if (found === undefined) return undefined;
  const title = `Set conv2d_slice_config<dram_height, ${found.count}> (DRAM slicing; ${formatBytes(found.cbBytes)} of CBs per core)`;
  const edit = propertyEdit(sop, 'conv2d_slice_config', sliceConfigText(found.count));
  if (typeof edit === 'string') return { rejected: { fixKind: 'conv2dConfig', title, reason: edit } };
  const outcome = verifyCandidate(base, { edits: [edit], removesTarget: false, replacementResults: [] });
  if (!outcome.ok) return { rejected: { fixKind: 'conv2dConfig', title, reason: outcome.reason } };
  return {
    fix: {
      id: `conv2d-slice:${fa.fn.name}:${op.resultNames[0] ?? ''}:dram_height=${found.count}`,
      title: `${title} · ${outcome.verification.afterText}`,
      kind: 'quickfix',
      fixKind: 'conv2dConfig',
      edits: [edit],
      verification: outcome.verification,
      notes: [
        "tt-mlir's own fallback for a conv that does not fit in L1 (optimizer/conv2d_l1_oom_fallback.mlir); each slice runs the L1 path on a band of output rows, reading and writing DRAM",
      ],
      isPreferred: false,
    },
  };
}
