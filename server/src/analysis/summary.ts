/**
 * Small protocol-free views of a ModuleAnalysis for the status bar, the timeline webview and the CLI: figures only,
 * positions as UTF-16 offsets (lsp/ converts them with LineIndex).
 */

import type { TextRange } from '../text/textRange';
import { isL1Overflow, type ModuleAnalysis } from './analyze';

export interface AnalysisSummary {
  /** Highest per-op peak (CB region + live L1 tensors), bytes per core; null when no op has a figure. */
  readonly peakL1BytesPerCore: number | null;
  readonly limitBytesPerCore: number;
  /** Overflows tt-metal would throw on (first + not reached); cap warnings excluded. */
  readonly overflowCount: number;
  readonly unmodeledOpCount: number;
  readonly modeledOpCount: number;
}

export function summarize(analysis: ModuleAnalysis): AnalysisSummary {
  let modeled = 0;
  let unmodeledCount = 0;
  for (const f of analysis.functions) {
    for (const o of f.ops) {
      if (o.estimate.kind === 'unmodeled') unmodeledCount++;
      else modeled++;
    }
  }
  return {
    peakL1BytesPerCore: analysis.peak === undefined ? null : analysis.peak.bytesPerCore,
    limitBytesPerCore: analysis.limitBytesPerCore,
    overflowCount: analysis.overflows.filter((o) => isL1Overflow(o.overflow)).length,
    unmodeledOpCount: unmodeledCount,
    modeledOpCount: modeled,
  };
}

/** Ops without an L1 model (device programs only: unmodeled ops are never no-program ops), with their distinct names. */
export function unmodeledDeviceOps(analysis: ModuleAnalysis): { readonly count: number; readonly names: readonly string[] } {
  let count = 0;
  const names = new Set<string>();
  for (const f of analysis.functions) {
    for (const o of f.ops) {
      if (o.estimate.kind !== 'unmodeled') continue;
      count++;
      names.add(o.op.name);
    }
  }
  return { count, names: [...names].sort() };
}

/** `3 ops without an L1 model — cannot rule out an overflow` (with their names when given). */
export function unmodeledText(count: number, names: readonly string[] = []): string {
  return `${count} op${count === 1 ? '' : 's'} without an L1 model — cannot rule out an overflow${names.length > 0 ? `: ${names.join(', ')}` : ''}`;
}

/**
 * One line for a whole file: the L1 overflows, rejected configurations and build-dependent overflows, and the ops
 * without a model. Never says "no op overflows" while an op is unmodeled.
 */
export function verdictText(analysis: ModuleAnalysis): string {
  let overflows = 0;
  let illegal = 0;
  let buildDependent = 0;
  for (const o of analysis.overflows) {
    if (isL1Overflow(o.overflow)) overflows++;
    else if (o.overflow.kind === 'opIllegal') illegal++;
    else if (o.overflow.buildDependent !== undefined) buildDependent++;
  }
  const unmodeled = unmodeledDeviceOps(analysis);
  const parts: string[] = [];
  if (overflows > 0) parts.push(`${overflows} op${overflows === 1 ? ' overflows' : 's overflow'} L1`);
  if (illegal > 0) parts.push(`${illegal} op${illegal === 1 ? '' : 's'} tt-metal rejects`);
  if (buildDependent > 0) parts.push(`${buildDependent} op${buildDependent === 1 ? ' overflows' : 's overflow'} on some tt-metal builds of the window`);
  if (parts.length === 0) parts.push(unmodeled.count > 0 ? 'no modeled op overflows L1' : 'no op overflows L1');
  if (unmodeled.count > 0) parts.push(unmodeledText(unmodeled.count, unmodeled.names));
  return parts.join('; ');
}

export interface TimelinePoint {
  /** Start offset of the op (for line/character). */
  readonly range: TextRange;
  readonly opName: string;
  /** First SSA result, or ''. */
  readonly result: string;
  /** Worst-core CB bytes (without the base); null when unmodeled. */
  readonly cbBytesPerCore: number | null;
  readonly liveL1TensorBytesPerCore: number;
  readonly overflows: boolean;
}

export interface TimelineFunction {
  readonly name: string;
  readonly points: readonly TimelinePoint[];
}

/** Per function, per op (deallocate and return skipped), in source order: the `ttnnL1/timeline` data. */
export function timeline(analysis: ModuleAnalysis): TimelineFunction[] {
  return analysis.functions
    .filter((f) => f.ops.length > 0)
    .map((f) => ({
      name: f.fn.name,
      points: f.ops
        .filter((o) => o.op.name !== 'ttnn.deallocate' && o.op.name !== 'func.return')
        .map((o) => ({
          range: o.op.range,
          opName: o.op.name,
          result: o.op.resultNames[0] ?? '',
          cbBytesPerCore: o.cbBytesPerCore,
          liveL1TensorBytesPerCore: o.liveL1TensorBytesPerCore,
          overflows: o.overflow !== undefined && isL1Overflow(o.overflow),
        })),
    }));
}
