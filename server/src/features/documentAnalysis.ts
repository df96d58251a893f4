/**
 * One document's analysis: the text, its parse, and the whole-module L1 analysis, computed once per version and
 * shared by every feature. Settings come in explicitly; nothing here reads globals.
 */

import { parse } from '../mlir/parser';
import type { ParseResult } from '../mlir/syntax';
import { LineIndex } from '../text/lineIndex';

export type NotReachedSeverity = 'error' | 'warning' | 'information' | 'hint';

/** The `ttnnL1.*` settings that change results (plain data, passed explicitly). */
export interface AnalysisSettings {
  /** `auto` (system_desc, else wormhole_b0 n150), a preset name (`wormhole_b0_n150`, ...) or an arch (`blackhole`). */
  readonly arch: string;
  /** Override of the L1 unreserved base in bytes; undefined keeps the system_desc / preset value. */
  readonly l1UnreservedBase: number | undefined;
  /** Fraction of (L1 size - base) the planner may use; 1.0 = all of it (tt-mlir plans with 0.95). */
  readonly usableL1Cap: number;
  /** tt-metal era whose program factories to model; `default` lets the estimators choose. */
  readonly ttMetalEra: string;
  /** Severity of overflows after the first failure ("not reached"). */
  readonly notReachedSeverity: NotReachedSeverity;
  /** Report ops without an L1 model as Information diagnostics. */
  readonly noModelInfo: boolean;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  arch: 'auto',
  l1UnreservedBase: undefined,
  usableL1Cap: 1.0,
  ttMetalEra: 'default',
  notReachedSeverity: 'warning',
  noModelInfo: false,
};

export interface DocumentAnalysis {
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly parse: ParseResult;
  readonly settings: AnalysisSettings;
}

/** Parses and analyses a document. Total: bad input yields diagnostics, never an exception. */
export function analyzeDocument(text: string, settings: AnalysisSettings): DocumentAnalysis {
  const parseResult = parse(text);
  return { text, lineIndex: new LineIndex(text), parse: parseResult, settings };
}
