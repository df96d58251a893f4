/**
 * Layout solver for an overflowing op: try other placements of its output(s) and of its inputs (by re-placing the
 * producing op's result) — DRAM interleaved, L1 interleaved, height/width/block sharded over grids up to the worker
 * grid — pre-screen each with the op's own estimator, then fully verify the best few (re-parse, re-analyse).
 */

import type { FunctionAnalysis, OpAnalysis } from '../analysis/analyze';
import { l1BufferTopBytes } from '../analysis/analyze';
import { estimateOp } from '../estimate/registry';
import type { TensorLayout } from '../ttnn/layout';
import { opWith, type TensorSpec, type TtnnOp, type ValueSpec } from '../ttnn/op';
import { SyntaxFunction } from './edits';
import { Placement, aliasWriter, physicalUnits, placementLabel } from './layoutText';
import { l1BytesOf, placedLayout, retypeBlocker, retypeEdits, writeContext } from './retype';
import type { Baseline } from './verify';
import { formatBytes, failureText, illegalIn, verifyCandidate } from './verify';
import type { Fix, RejectedFix } from './types';

type KnownTensor = TensorSpec & { readonly layout: TensorLayout; readonly dims: readonly number[] };

function known(spec: ValueSpec | undefined): KnownTensor | undefined {
  if (spec === undefined || spec.kind !== 'tensor' || spec.shape.kind !== 'known' || spec.layout.kind !== 'layout')
    return undefined;
  return { ...spec, layout: spec.layout, dims: spec.shape.dims };
}

/** Placements to try for a tensor of `dims` on a `[R, C]` worker grid (its current one excluded by the caller). */
export function placementsFor(
  dims: readonly number[],
  layout: TensorLayout,
  grid: readonly [number, number],
): Placement[] {
  const [R, C] = grid;
  const n = R * C;
  const { rows, cols } = physicalUnits(dims, layout.pageLayout);
  const out: Placement[] = [
    { kind: 'dram_interleaved', grid: [1, 1] },
    { kind: 'l1_interleaved', grid: [R, C] },
  ];
  const counts = [...new Set([n, n / 2, n / 4, n / 8, C, rows, cols].map(Math.floor))]
    .filter((k) => k >= 2 && k <= n)
    .sort((a, b) => b - a);
  for (const k of counts) if (k <= rows) out.push({ kind: 'height_sharded', grid: [k, 1] });
  for (const k of counts) if (k <= cols) out.push({ kind: 'width_sharded', grid: [1, k] });
  if (layout.pageLayout === 'tile') {
    for (const r of [...new Set([R, Math.floor(R / 2), Math.floor(R / 4)])]) {
      for (const c of [...new Set([C, Math.floor(C / 2), Math.floor(C / 4)])]) {
        if (r >= 1 && c >= 1 && r * c >= 2 && r <= rows && c <= cols) out.push({ kind: 'block_sharded', grid: [r, c] });
      }
    }
  }
  return out;
}

function samePlacement(layout: TensorLayout, p: Placement): boolean {
  const kind =
    layout.bufferType === 'dram' && layout.memoryLayout === 'interleaved'
      ? 'dram_interleaved'
      : layout.bufferType === 'l1' && layout.memoryLayout === 'interleaved'
        ? 'l1_interleaved'
        : layout.memoryLayout;
  if (kind !== p.kind) return false;
  return (
    p.kind === 'dram_interleaved' ||
    p.kind === 'l1_interleaved' ||
    (layout.gridShape[0] === p.grid[0] && layout.gridShape[1] === p.grid[1])
  );
}

interface Slot {
  readonly valueName: string;
  readonly spec: KnownTensor;
  /** 'output': a result of the target; 'input': an operand, re-placed at its producer. */
  readonly role: 'output' | 'input';
  readonly producerIndex: number;
}

interface Screened {
  readonly slot: Slot;
  readonly placement: Placement;
  readonly peakBytesPerCore: number;
}

function withSpec(op: TtnnOp, name: string, spec: ValueSpec): TtnnOp {
  return opWith(op, {
    operands: op.operands.map((s, i) => (op.operandNames[i] === name ? spec : s)),
    results: op.results.map((s, i) => (op.resultNames[i] === name ? spec : s)),
  });
}

/**
 * Peak (CBs + live L1) of `o` with value `name` re-placed, or undefined when unmodeled, over the limit, or rejected by
 * a tt-metal rule of some build in the window (`illegal` is recorded: nothing illegal is ever offered).
 */
function screenOp(
  base: Baseline,
  o: OpAnalysis,
  name: string,
  oldLayout: TensorLayout,
  newSpec: KnownTensor,
  illegal?: (rule: string) => void,
): number | undefined {
  const device = base.analysis.device;
  const live =
    o.liveL1TensorBytesPerCore -
    l1BytesOf(newSpec.dims, oldLayout, device) +
    l1BytesOf(newSpec.dims, newSpec.layout, device);
  const est = estimateOp(withSpec(o.op, name, newSpec), {
    device,
    ttMetal: { window: base.analysis.ttMetal.window },
    liveL1BytesPerCore: live,
  });
  if (est.kind === 'unmodeled') return undefined;
  const rule = illegalIn(est);
  if (rule !== undefined) {
    illegal?.(rule);
    return undefined;
  }
  const cb = est.kind === 'estimate' ? est.worstCbBytesPerCore : 0;
  if (live > l1BufferTopBytes(device) - device.l1UnreservedBase || cb + live > base.analysis.limitBytesPerCore)
    return undefined;
  return cb + live;
}

export interface SolverResult {
  readonly fixes: Fix[];
  readonly rejected: RejectedFix[];
  /** Why nothing is offered, when nothing is. */
  readonly reason: string | undefined;
}

export function solveLayouts(base: Baseline, fn: SyntaxFunction, fa: FunctionAnalysis): SolverResult {
  const target = fa.ops[base.target.opIndex];
  const device = base.analysis.device;
  const maxFixes = base.options.maxLayoutFixes ?? 3;
  const maxVerify = base.options.maxLayoutVerifications ?? 8;
  const rejected: RejectedFix[] = [];
  const defAt = new Map<string, number>();
  fa.fn.ops.forEach((op, i) => op.resultNames.forEach((n) => defAt.set(n, i)));

  const slots: Slot[] = [];
  const blockers: string[] = [];
  target.op.resultNames.forEach((name, r) => {
    const spec = known(target.op.results[r]);
    if (spec === undefined) return;
    const blocked = retypeBlocker(fn, name);
    if (blocked !== undefined) blockers.push(blocked);
    else slots.push({ valueName: name, spec, role: 'output', producerIndex: base.target.opIndex });
  });
  const seenInputs = new Set<string>();
  target.op.operandNames.forEach((name, k) => {
    const spec = known(target.op.operands[k]);
    if (spec === undefined || seenInputs.has(name)) return;
    seenInputs.add(name);
    const p = defAt.get(name);
    const blocked = retypeBlocker(fn, name);
    if (p === undefined || blocked !== undefined) {
      blockers.push(blocked ?? `${name} has no producer here`);
      return;
    }
    slots.push({ valueName: name, spec, role: 'input', producerIndex: p });
  });
  if (slots.length === 0)
    return {
      fixes: [],
      rejected,
      reason: `no input or output of ${target.op.name} can be re-placed: ${blockers.join('; ') || 'no tensors with known layouts'}`,
    };

  // Pre-screen: the target (and the producer, for inputs) must be modeled and fit; keep the best per (slot, kind).
  const era = writeContext(fn, device).era;
  const best = new Map<string, Screened>();
  let closest: { label: string; bytes: number } | undefined;
  for (const slot of slots) {
    for (const placement of placementsFor(slot.spec.dims, slot.spec.layout, device.workerGrid)) {
      if (samePlacement(slot.spec.layout, placement)) continue;
      const layout = placedLayout(slot.spec, slot.spec.dims, placement, device.workerGrid, era);
      const spec: KnownTensor = { ...slot.spec, layout };
      let illegalRule: string | undefined;
      const peak = screenOp(base, target, slot.valueName, slot.spec.layout, spec, (rule) => (illegalRule = rule));
      const what = `${slot.role === 'output' ? 'output' : 'input'} ${slot.valueName} → ${placementLabel(placement)}`;
      if (illegalRule !== undefined) {
        rejected.push({ fixKind: 'layout', title: what, reason: `tt-metal rejects it: ${illegalRule}` });
        continue;
      }
      if (peak === undefined) {
        const live =
          target.liveL1TensorBytesPerCore -
          l1BytesOf(spec.dims, slot.spec.layout, device) +
          l1BytesOf(spec.dims, layout, device);
        const est = estimateOp(withSpec(target.op, slot.valueName, spec), {
          device,
          ttMetal: { window: base.analysis.ttMetal.window },
          liveL1BytesPerCore: live,
        });
        if (est.kind !== 'unmodeled') {
          const bytes = (est.kind === 'estimate' ? est.worstCbBytesPerCore : 0) + live;
          if (closest === undefined || bytes < closest.bytes)
            closest = { label: `${slot.valueName} ${placementLabel(placement)}`, bytes };
        }
        continue;
      }
      if (slot.role === 'input') {
        const producer = fa.ops[slot.producerIndex];
        let producerRule: string | undefined;
        if (
          screenOp(base, producer, slot.valueName, slot.spec.layout, spec, (rule) => (producerRule = rule)) ===
          undefined
        ) {
          if (producerRule !== undefined)
            rejected.push({ fixKind: 'layout', title: what, reason: `tt-metal rejects its producer: ${producerRule}` });
          continue;
        }
      }
      const key = `${slot.valueName}|${placement.kind}`;
      const prior = best.get(key);
      if (prior === undefined || peak < prior.peakBytesPerCore)
        best.set(key, { slot, placement, peakBytesPerCore: peak });
    }
  }
  const ranked = [...best.values()].sort((a, b) => a.peakBytesPerCore - b.peakBytesPerCore);
  if (ranked.length === 0) {
    const limit = formatBytes(base.analysis.limitBytesPerCore);
    const why =
      closest === undefined
        ? `no other layout of ${target.op.name}'s inputs or outputs has an L1 model here`
        : `no layout fits: the closest layout, ${closest.label}, still needs ${formatBytes(closest.bytes)}/core (limit ${limit})`;
    return { fixes: [], rejected, reason: why };
  }

  const fixes: Fix[] = [];
  let verified = 0;
  for (const c of ranked) {
    if (fixes.length >= maxFixes || verified >= maxVerify) break;
    const w = writeContext(fn, device);
    const writer = aliasWriter(base.text, fn.chunk);
    const edits = retypeEdits(fn, c.slot.valueName, c.slot.spec, c.placement, w, writer);
    const label = placementLabel(c.placement);
    const what =
      c.slot.role === 'output' ? `output ${c.slot.valueName}` : `input ${c.slot.valueName} (at its producer)`;
    if (typeof edits === 'string') {
      rejected.push({ fixKind: 'layout', title: `${what} → ${label}`, reason: edits });
      continue;
    }
    const aliasEdit = writer.edit();
    const all = aliasEdit === undefined ? edits : [...edits, aliasEdit];
    verified++;
    const outcome = verifyCandidate(base, { edits: all, removesTarget: false, replacementResults: [] });
    if (!outcome.ok) {
      rejected.push({ fixKind: 'layout', title: `${what} → ${label}`, reason: outcome.reason });
      continue;
    }
    const v = outcome.verification;
    const after = v.targetAfter === 'removed' ? c.peakBytesPerCore : v.targetAfter.peakL1BytesPerCore;
    const then = v.firstFailureAfter === undefined ? '' : ` · then ${failureText(v.firstFailureAfter)} fails first`;
    fixes.push({
      id: `layout:${fa.fn.name}:${target.op.resultNames[0] ?? base.target.opIndex}:${c.slot.role}:${c.slot.valueName}:${c.placement.kind}:${c.placement.grid.join('x')}`,
      title: `Put ${what} in ${label}: ${formatBytes(after)}/core${then}`,
      kind: 'quickfix',
      fixKind: 'layout',
      edits: all,
      verification: v,
      notes: [],
      isPreferred: false,
    });
  }
  const reason =
    fixes.length > 0
      ? undefined
      : `no re-placed layout passed verification: ${rejected
          .map((r) => `${r.title}: ${r.reason}`)
          .slice(0, 3)
          .join('; ')}`;
  return { fixes, rejected, reason };
}
