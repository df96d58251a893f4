/**
 * A whole file's analysis in words for the status bar, the CLI and fixes: the ops without an L1 model and the verdict
 * (never "no op overflows" while an op is unmodeled).
 */

import { isL1Overflow } from './overflow';
import type { ModuleAnalysis } from './types';

/** Ops without an L1 model (device programs only: unmodeled ops are never no-program ops), with their distinct names. */
export function unmodeledDeviceOps(analysis: ModuleAnalysis): {
  readonly count: number;
  readonly names: readonly string[];
} {
  let count = 0;
  const names = new Set<string>();
  // Index loops: run once per report over every op, where for-of made an iterator result per op (4 MB at 100k ops).
  for (const f of analysis.functions) {
    const ops = f.ops;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i]!;
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
  // An index loop: it runs once per analysis, unoptimized, over every overflow (18k at 100k ops).
  const overflowRefs = analysis.overflows;
  for (let i = 0; i < overflowRefs.length; i++) {
    const o = overflowRefs[i]!;
    if (isL1Overflow(o.overflow)) overflows++;
    else if (o.overflow.kind === 'opIllegal') illegal++;
    else if (o.overflow.buildDependent !== undefined) buildDependent++;
  }
  const unmodeled = unmodeledDeviceOps(analysis);
  const parts: string[] = [];
  if (overflows > 0) parts.push(`${overflows} op${overflows === 1 ? ' overflows' : 's overflow'} L1`);
  if (illegal > 0) parts.push(`${illegal} op${illegal === 1 ? '' : 's'} tt-metal rejects`);
  if (buildDependent > 0)
    parts.push(
      `${buildDependent} op${buildDependent === 1 ? ' overflows' : 's overflow'} on some tt-metal builds of the window`,
    );
  if (parts.length === 0) parts.push(unmodeled.count > 0 ? 'no modeled op overflows L1' : 'no op overflows L1');
  if (unmodeled.count > 0) parts.push(unmodeledText(unmodeled.count, unmodeled.names));
  return parts.join('; ');
}
