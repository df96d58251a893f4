/**
 * Quick fixes for an overflowing `ttnn.conv2d` / `ttnn.conv_transpose2d`: `conv2d_config` changes that shrink its CBs
 * (tt-metal's own levers against conv OOM, conv2d_utils.cpp@002a3f4 and tt-metal PR #16374):
 *   - double buffering off (`enable_act_double_buffer`, `enable_weights_double_buffer`);
 *   - a smaller `act_block_h_override` (a multiple of 32 that divides the per-core output height, so tt-metal takes it
 *     as is: determine_per_core_conv_block_config);
 *   - another `shard_layout` when the input is not already sharded.
 * Each candidate is pre-screened with the estimator, then the fitting ones (at most two, largest act block first) are
 * verified by re-analysis. Written into the op's `conv2d_config = #ttnn.conv2d_config<...>` (fields kept in their order,
 * changed ones replaced, new ones appended).
 */

import type { FunctionAnalysis } from '../analysis/analyze';
import { estimateOp } from '../estimate/registry';
import type { EstimateContext } from '../estimate/types';
import { planConv2dOp } from '../estimate/ops/conv2d';
import { opWith, type PropValue, type TtnnOp } from '../ttnn/op';
import { propertyEdit, type SyntaxFunction } from './edits';
import type { Fix, RejectedFix } from './types';
import type { Baseline } from './verify';
import { formatBytes, verifyCandidate } from './verify';

type Fields = ReadonlyArray<readonly [string, string]>;

interface Candidate {
  readonly what: string;
  readonly changes: Readonly<Record<string, string>>;
}

function currentFields(op: TtnnOp): Fields {
  const cfg = op.properties['conv2d_config'];
  if (cfg === undefined || cfg.kind !== 'dialect') return [];
  const out: [string, string][] = [];
  for (const item of cfg.items) {
    const eq = item.indexOf('=');
    if (eq > 0) out.push([item.slice(0, eq), item.slice(eq + 1)]);
  }
  return out;
}

function merged(fields: Fields, changes: Readonly<Record<string, string>>): [string, string][] {
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

/** Divisors of n below `below`, largest first; at most `max` of them (the search is bounded for huge shards). */
function divisorsBelow(n: number, below: number, max = 16): number[] {
  const out: number[] = [];
  for (let d = Math.min(n, below - 1, 1 << 16); d >= 1 && out.length < max; d--) if (n % d === 0) out.push(d);
  return out;
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
  const { plan, problem } = planned;
  const fields = currentFields(target.op);
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
    for (const scheme of ['height_sharded', 'block_sharded', 'width_sharded'] as const) {
      if (scheme !== plan.input.scheme)
        candidates.push({ what: `shard_layout = ${scheme}`, changes: { shard_layout: scheme } });
    }
  }
  const limit = ctx.device.l1SizeBytes - target.liveL1TensorBytesPerCore;
  const fixes: Fix[] = [];
  const rejected: RejectedFix[] = [];
  for (const c of candidates) {
    if (fixes.length >= 2) break;
    const next = merged(fields, c.changes);
    const r = estimateOp(withConfig(target.op, next), ctx);
    if (r.kind !== 'estimate' || r.cbRegionEndBytes > limit) continue;
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
  if (fixes.length === 0 && rejected.length === 0)
    rejected.push({
      fixKind: 'conv2dConfig',
      title: 'Change conv2d_config',
      reason: 'no act block, buffering or shard layout change fits',
    });
  return { fixes, rejected };
}
