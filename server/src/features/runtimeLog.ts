/**
 * An imported tt-mlir runtime log laid over the document: the op that really threw (Error with tt-metal's message
 * and our estimate next to it), ops that ran fine although we flag them (our model is wrong there), and one hover
 * line per observed op. The log is matched to this version of the file or reported as a mismatch, never guessed.
 */

import { throwsAtRunTime } from '../analysis/analyze';
import { observeOps, type EstimateForComparison, type ObservedOp } from '../logs/compare';
import { correlate, describeCorrelation, type MappedOp } from '../logs/correlate';
import { parseLog } from '../logs/parseLog';
import type { TextRange } from '../text/textRange';
import type { Diagnostic } from './diagnostics';
import { opEntryByStart, type DocumentAnalysis } from './documentAnalysis';
import { formatInteger } from './format';

export interface RuntimeLogFindings {
  /** One line for the user: what was mapped, or why nothing was. */
  readonly summary: string;
  readonly mapped: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Hover line per observed op, keyed by the op's start offset: `tt-metal: 9,990,400 B at (7,6); estimate: ...`. */
  readonly opNotes: ReadonlyMap<number, string>;
  /** Every op the log observed (completed or threw) with the estimate comparison, for the CLI's `observed` field. */
  readonly observed: readonly ObservedOp[];
  /** The base tt-metal's number implies for the op that threw (its head range), when it differs from ours. */
  readonly baseSuggestion: { readonly l1UnreservedBase: number; readonly range: TextRange } | undefined;
}

/** Correlates `logText` with the document. Total: an unusable or foreign log yields a summary and nothing else. */
export function runtimeLogFindings(doc: DocumentAnalysis, logText: string, logName: string): RuntimeLogFindings {
  const correlation = correlate(parseLog(logText), doc.parse);
  const summary = `${logName}: ${describeCorrelation(correlation)}`;
  const estimateFor = (op: MappedOp): EstimateForComparison | undefined => {
    const entry = opEntryByStart(doc, op.range.start);
    const est = entry?.op.estimate;
    if (entry === undefined || est === undefined || est.kind !== 'estimate') return undefined;
    const o = entry.op.overflow;
    return {
      cbRegionEndBytes: est.cbRegionEndBytes,
      cbBytesPerCore: est.cbBytesPerCore,
      worstCore: est.reportedCore,
      l1UnreservedBase: doc.analysis.device.l1UnreservedBase,
      overflows: o !== undefined && throwsAtRunTime(o.kind),
      l1SizeBytes: doc.analysis.device.l1SizeBytes,
    };
  };
  const diagnostics: Diagnostic[] = [];
  let baseSuggestion: RuntimeLogFindings['baseSuggestion'];
  const opNotes = new Map<number, string>();
  const observedOps = observeOps(correlation, estimateFor);
  for (const observed of observedOps) {
    const head = { start: observed.op.range.start, end: Math.max(observed.op.nameRange.end, observed.op.range.start) };
    if (observed.kind === 'threw') {
      const c = observed.comparison;
      opNotes.set(observed.op.range.start, c.text);
      const failure = correlation.kind === 'mapped' ? correlation.failure : undefined;
      if (c.kind === 'compared' && c.suggestedL1UnreservedBase !== undefined)
        baseSuggestion = { l1UnreservedBase: c.suggestedL1UnreservedBase, range: head };
      const base =
        c.kind === 'compared' && c.suggestedL1UnreservedBase !== undefined
          ? ` The numbers imply l1_unreserved_base = ${formatInteger(c.suggestedL1UnreservedBase)} B: set ttnnL1.l1UnreservedBase to it.`
          : '';
      diagnostics.push({
        range: head,
        severity: 'error',
        code: 'runtime-failure',
        message: `tt-metal threw here at run time (${logName}${failure === undefined ? '' : `:${failure.line}`}): ${failure?.message ?? ''}\n${c.text}.${base}`,
        related: [],
      });
    } else if (observed.comparison.kind === 'contradiction') {
      opNotes.set(observed.op.range.start, observed.comparison.text);
      diagnostics.push({
        range: head,
        severity: 'warning',
        code: 'runtime-contradiction',
        message: `${observed.comparison.text} (${logName})`,
        related: [],
      });
    } else {
      opNotes.set(observed.op.range.start, `ran to completion in ${logName}`);
    }
  }
  return {
    summary,
    mapped: correlation.kind === 'mapped',
    diagnostics,
    opNotes,
    observed: observedOps,
    baseSuggestion,
  };
}
