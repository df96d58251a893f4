/** The editor-shaped, protocol-free API the LSP layer and the CLI call (rust-analyzer's `ide` layer). */

export {
  analysisOptions,
  analyzeAfterEdits,
  analyzeDetached,
  analyzeDocument,
  analyzeParsed,
  indexAnalysis,
  opEntryByStart,
  DEFAULT_ANALYSIS_SETTINGS,
  type AnalysisSettings,
  type DerivedParse,
  type DocumentAnalysis,
  type DocumentEdit,
  type NotReachedSeverity,
  type OpEntry,
} from './documentAnalysis';
export type { TextChange } from '../mlir/incrementalParse';
export {
  detachedDiagnosticsInput,
  diagnostics,
  diagnosticsInputOf,
  hasMlirOperations,
  notMlirReason,
  internalErrorDiagnostic,
  tooLargeDiagnostic,
  type Diagnostic,
  type DiagnosticsInput,
  type DiagnosticsOptions,
  type RelatedInformation,
  type RelatedTarget,
  type Severity,
  type UnlinkedSourceReason,
} from './diagnostics';
export type { SyntaxFacts } from './syntaxFacts';
export { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, type DiagnosticCode } from './diagnosticCodes';
export { hoverAt, opBreakdownAt, opMarkdown, type Hover, type HoverOptions } from './hover';
export { runtimeLogFindings, type RuntimeLogFindings } from './runtimeLog';
export { functionSummary, opEntryAt, opLabel, opSummary, type SourceLine } from './opView';
export { producerChain, type ProducerLink } from './producers';
export { inlayHints, type InlayHint } from './inlayHints';
export { codeLenses, type CodeLens } from './codeLens';
export {
  codeActionsAt,
  fixesForFirstFailure,
  runtimeLogActionsAt,
  type CodeAction,
  type CodeActionEdit,
  type CodeActionOptions,
} from './codeActions';
export { definitionAt, referencesAt, type ReferencesOptions } from './navigation';
export { documentSymbols, type OutlineKind, type OutlineOptions, type OutlineSymbol } from './symbols';
export { foldingRanges, type FoldingRegion } from './folding';
export { fileSummary, timeline, type FileSummary, type Timeline, type TimelinePoint } from './timeline';
export { formatBytes, formatInteger, formatMegabytes, formatOpModelTerms, formatPercent } from './format';

// Core results and helpers the front ends print as they are: the CLI's JSON contract reads the analysis and the
// OpModel terms, `ttnn-l1 fix` applies fixes; lsp/ and cli/ import them from here, not from the layers below.
export { cbLimitBytes, isL1Overflow, type ModuleAnalysis, type OpAnalysis } from '../analysis/analyze';
export { unmodeledDeviceOps, verdictText } from '../analysis/summary';
export { opModelTerms } from '../estimate/opModelTerms';
export type { VersionedFigure, VersionRange } from '../estimate/types';
export { windowText } from '../estimate/changePoints';
export { isPresetName, PRESET_NAMES } from '../ttnn/device';
export { applyFix, fixesFor, fixTargetOf, type Fix, type FixEnv, type PythonFile } from '../fixes';
