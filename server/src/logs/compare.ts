/**
 * Compares what tt-metal reported in a runtime log with our estimate for the same op: the hover line
 * ("tt-metal: 9,990,400 B at (7,6); estimate: 9,990,400 B — exact"), the calibration hint for `l1_unreserved_base`,
 * and contradictions (an op we flag ran fine, or an op we pass overflowed). Pure; written against a minimal estimate
 * shape so the estimator can be wired in without changes here.
 */

import { formatInteger } from '../text/numbers';
import type { Correlation, MappedOp } from './correlate';
import type { CoreRange, LogFailure } from './parseLog';

/** The parts of an op's L1 estimate the comparison needs (fill from estimate/ `OpEstimate` and the device). */
export interface EstimateForComparison {
  /** `l1UnreservedBase + cbBytesPerCore` on the reported core: the number tt-metal prints ("grow to N B", "region ends at E"). */
  readonly cbRegionEndBytes: number;
  readonly cbBytesPerCore: number;
  /** The core the estimate reports, [x, y] (pass OpEstimate.reportedCore: the core tt-metal names in its message). */
  readonly worstCore: readonly [number, number];
  readonly l1UnreservedBase: number;
  /** Whether the analysis flags this op. */
  readonly overflows: boolean;
  /** The device's L1 size, when known: checked against tt-metal's "max L1 size". */
  readonly l1SizeBytes?: number;
}

export type CoreAgreement = 'same' | 'inRange' | 'different' | 'unknown';

export type FailureComparison =
  | {
      readonly kind: 'compared';
      /** tt-metal's CB region end (both CB failure kinds). */
      readonly observedBytes: number;
      readonly estimatedBytes: number;
      /** observed − estimated: positive when we under-estimate. */
      readonly deltaBytes: number;
      readonly coreAgreement: CoreAgreement;
      /** `observed − cbBytesPerCore` when that differs from our base by a plausible amount (see MAX_BASE_SHIFT_BYTES). */
      readonly suggestedL1UnreservedBase: number | undefined;
      /** tt-metal overflowed L1 but the estimate says the op fits. */
      readonly missedOverflow: boolean;
      /** For the hover and the CLI. */
      readonly text: string;
      readonly notes: readonly string[];
    }
  | { readonly kind: 'notComparable'; readonly reason: string; readonly text: string };

export type ReachedComparison =
  | { readonly kind: 'consistent' }
  /** We flag the op, yet it ran to completion: the model is wrong for it. */
  | { readonly kind: 'contradiction'; readonly text: string };

/**
 * The unreserved base differs by build and board (99,104 … 111,360 B in tt-mlir system descs; reference
 * ttmetal-l1-model.md, table row "its value"); a larger gap means the CB model, not the base, is off.
 */
export const MAX_BASE_SHIFT_BYTES = 64 * 1024;

export function compareFailure(failure: LogFailure, estimate: EstimateForComparison | undefined): FailureComparison {
  const observedText = `tt-metal: ${describeObserved(failure)}`;
  if (failure.kind === 'outOfMemory' || failure.kind === 'other' || failure.bytes === undefined) {
    const reason =
      failure.kind === 'outOfMemory'
        ? (fragmentationReason(failure.outOfMemory) ??
          'the allocator ran out of space for buffers; the estimate models circular buffers')
        : 'the failure is not a circular-buffer check';
    return { kind: 'notComparable', reason, text: `${observedText}; not comparable: ${reason}` };
  }
  if (estimate === undefined) {
    return {
      kind: 'notComparable',
      reason: 'no estimate for this op',
      text: `${observedText}; estimate: none (op not modeled)`,
    };
  }

  const observed = failure.bytes;
  const delta = observed - estimate.cbRegionEndBytes;
  const coreAgreement = agreeCore(failure.coreRanges, estimate.worstCore);
  const notes: string[] = [];
  const impliedBase = observed - estimate.cbBytesPerCore;
  const baseShift = impliedBase - estimate.l1UnreservedBase;
  // Only when the core matches: another core can have another CB set, so the gap would not be the base.
  const suggestedL1UnreservedBase =
    delta !== 0 &&
    coreAgreement !== 'different' &&
    impliedBase > 0 &&
    (failure.limitBytes === undefined || impliedBase < failure.limitBytes) &&
    Math.abs(baseShift) <= MAX_BASE_SHIFT_BYTES
      ? impliedBase
      : undefined;
  const missedOverflow = !estimate.overflows;
  if (missedOverflow)
    notes.push('tt-metal overflowed L1 here but the estimate says the op fits: our model is wrong for this op');
  if (coreAgreement === 'different') {
    notes.push(
      `tt-metal reports core range ${failure.coreRangeText ?? '?'}, the estimate core (${estimate.worstCore[0]},${estimate.worstCore[1]})`,
    );
  }
  if (
    failure.kind === 'cbExceedsL1' &&
    estimate.l1SizeBytes !== undefined &&
    failure.limitBytes !== undefined &&
    failure.limitBytes !== estimate.l1SizeBytes
  ) {
    notes.push(
      `tt-metal's max L1 size is ${formatBytes(failure.limitBytes)}, the device setting ${formatBytes(estimate.l1SizeBytes)}: wrong device?`,
    );
  }

  const verdict =
    delta === 0
      ? 'exact'
      : `${formatBytes(Math.abs(delta))} ${delta > 0 ? 'under' : 'over'} (${percent(delta, observed)})`;
  let text = `${observedText}; estimate: ${formatBytes(estimate.cbRegionEndBytes)} — ${verdict}`;
  if (suggestedL1UnreservedBase !== undefined)
    text += `; use l1_unreserved_base = ${suggestedL1UnreservedBase} from this log`;
  return {
    kind: 'compared',
    observedBytes: observed,
    estimatedBytes: estimate.cbRegionEndBytes,
    deltaBytes: delta,
    coreAgreement,
    suggestedL1UnreservedBase,
    missedOverflow,
    text,
    notes,
  };
}

/**
 * An allocator failure with enough free bytes in the bank but no free block that large: fragmentation. tt-metal prints
 * the bank's statistics since PR #32150 (bank_manager.cpp@b04063a: allocated, free, largest free block), and fails an
 * allocation when no single free block of the allocator (free_list_opt.cpp) holds the bank's share. The analysis packs
 * L1 tensors (a byte total per core, no free-block layout), so it cannot predict this failure: said in the reason.
 */
function fragmentationReason(oom: LogFailure['outOfMemory']): string | undefined {
  if (oom?.freeBytes === undefined || oom.largestFreeBlockBytes === undefined || oom.allocatedBytes === undefined)
    return undefined;
  if (oom.freeBytes < oom.bytesPerBank || oom.largestFreeBlockBytes >= oom.bytesPerBank) return undefined;
  return (
    `the bank's free space is fragmented: ${formatBytes(oom.freeBytes)} free would hold the ${formatBytes(oom.bytesPerBank)} per bank, ` +
    `but the largest free block is ${formatBytes(oom.largestFreeBlockBytes)} (${formatBytes(oom.allocatedBytes)} allocated); ` +
    'the estimate packs L1 tensors and does not model the free-block layout'
  );
}

/** An op the log shows completing: a contradiction when we flag it. */
export function compareReached(opLabel: string, estimate: EstimateForComparison | undefined): ReachedComparison {
  if (estimate === undefined || !estimate.overflows) return { kind: 'consistent' };
  return {
    kind: 'contradiction',
    text:
      `${opLabel} ran fine in this log, but the estimate flags it (CB region ends at ${formatBytes(estimate.cbRegionEndBytes)}): ` +
      'our model is wrong here',
  };
}

/** What the log says about one op of the file, next to our estimate: for diagnostics, hovers and the CLI's `observed`. */
export type ObservedOp =
  | { readonly kind: 'threw'; readonly op: MappedOp; readonly comparison: FailureComparison }
  | { readonly kind: 'completed'; readonly op: MappedOp; readonly comparison: ReachedComparison };

/**
 * Every op a mapped (or failure-free) correlation touches, in execution order, the op that threw last.
 * `estimateFor` looks up our estimate for an op by its range (undefined when unmodeled).
 */
export function observeOps(
  correlation: Correlation,
  estimateFor: (op: MappedOp) => EstimateForComparison | undefined,
): ObservedOp[] {
  if (correlation.kind !== 'mapped' && correlation.kind !== 'noFailure') return [];
  const observed: ObservedOp[] = correlation.reachedOps.map((op) => ({
    kind: 'completed',
    op,
    comparison: compareReached(opLabel(op), estimateFor(op)),
  }));
  if (correlation.kind === 'mapped') {
    observed.push({
      kind: 'threw',
      op: correlation.failingOp,
      comparison: compareFailure(correlation.failure, estimateFor(correlation.failingOp)),
    });
  }
  return observed;
}

/** `%9 (ttnn.to_layout)`, or the op name alone for result-less ops. */
export function opLabel(op: MappedOp): string {
  return op.resultName === undefined ? op.opName : `${op.resultName} (${op.opName})`;
}

/** `9,990,400 B at (7,6)`, `890,144 B at (0,0)-(3,7)`, `780,800 B per bank (bank size 1,331,936 B)`. */
export function describeObserved(failure: LogFailure): string {
  if (failure.kind === 'outOfMemory' && failure.outOfMemory !== undefined) {
    const oom = failure.outOfMemory;
    return `${formatBytes(oom.bytesPerBank)} per bank (bank size ${formatBytes(oom.bankSizeBytes)})`;
  }
  if (failure.bytes === undefined) return failure.message;
  const where = failure.coreRanges.length === 0 ? '' : ` at ${failure.coreRanges.map(showRange).join(', ')}`;
  return `${formatBytes(failure.bytes)}${where}`;
}

/** Thousands separators, fixed so output does not depend on the locale: `9,990,400 B`. */
export function formatBytes(bytes: number): string {
  return `${formatInteger(Math.trunc(bytes))} B`;
}

function showRange(range: CoreRange): string {
  const start = `(${range.startX},${range.startY})`;
  return range.startX === range.endX && range.startY === range.endY ? start : `${start}-(${range.endX},${range.endY})`;
}

function agreeCore(ranges: readonly CoreRange[], core: readonly [number, number]): CoreAgreement {
  if (ranges.length === 0) return 'unknown';
  const [x, y] = core;
  if (ranges.some((r) => r.startX === x && r.endX === x && r.startY === y && r.endY === y)) return 'same';
  if (ranges.some((r) => r.startX <= x && x <= r.endX && r.startY <= y && y <= r.endY)) return 'inRange';
  return 'different';
}

function percent(delta: number, observed: number): string {
  if (observed === 0) return '—';
  const value = (Math.abs(delta) / observed) * 100;
  return `${value < 0.1 ? value.toFixed(2) : value.toFixed(1)} %`;
}
