/** The editor-shaped, protocol-free API the LSP layer and the CLI call (rust-analyzer's `ide` layer). */

export { analysisOptions, analyzeAfterEdits, analyzeDocument, analyzeParsed, indexAnalysis, opEntryByStart, DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings, type DerivedParse, type DocumentAnalysis, type DocumentEdit, type NotReachedSeverity, type OpEntry } from './documentAnalysis';
export { diagnostics, hasMlirOperations, internalErrorDiagnostic, tooLargeDiagnostic, type Diagnostic, type RelatedInformation, type RelatedTarget, type Severity } from './diagnostics';
export { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, type DiagnosticCode } from './diagnosticCodes';
export { hoverAt, opBreakdownAt, opMarkdown, type Hover, type HoverOptions } from './hover';
export { runtimeLogFindings, type RuntimeLogFindings } from './runtimeLog';
export { functionSummary, opEntryAt, opLabel, opSummary, sourceLineOf, type SourceLine } from './opView';
export { producerChain, type ProducerLink } from './producers';
export { inlayHints, type InlayHint } from './inlayHints';
export { codeLenses, type CodeLens } from './codeLens';
export { codeActionsAt, runtimeLogActionsAt, type CodeAction, type CodeActionEdit, type CodeActionOptions } from './codeActions';
export { definitionAt, referencesAt, type ReferencesOptions } from './navigation';
export { documentSymbols, type OutlineKind, type OutlineOptions, type OutlineSymbol } from './symbols';
export { foldingRanges, type FoldingRegion } from './folding';
export { fileSummary, timeline, type FileSummary, type Timeline, type TimelinePoint } from './timeline';
export { formatBytes, formatInteger, formatMegabytes, formatPercent } from './format';
