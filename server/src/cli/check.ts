/** `ttnn-l1 check`: analyse files, print text / JSON / SARIF, and choose the exit code. */

import type { CheckCommand } from './args';
import { readSourceFile, type ReadResult } from './files';
import {
  EXIT_OK,
  EXIT_OVERFLOW,
  EXIT_UNUSABLE_INPUT,
  lazyFileReport,
  writeJsonReport,
  type FileReport,
  type ObservedReport,
} from './report';
import { streamSink } from '../host/jsonBytes';
import { writeSarif, writeText, type SarifFile } from './render';
import { settingsFromCommand } from './settings';
import { runtimeLogFindings, type CliLogFindings } from './runtimeLog';
import {
  analyzeDetached,
  analyzeDocument,
  detachedDiagnosticsInput,
  diagnostics as documentDiagnostics,
  hasMlirOperations,
  notMlirReason,
  type AnalysisSettings,
  type Diagnostic,
  type DiagnosticsInput,
  type DocumentAnalysis,
} from '../features';
import type { LineIndex, PositionIndex } from '../text/lineIndex';

export function runCheck(command: CheckCommand, toolVersion: string): number {
  const settings = settingsFromCommand(command);
  if (settings.kind === 'unusable') {
    process.stderr.write(`ttnn-l1: ${settings.reason}\n`);
    return EXIT_UNUSABLE_INPUT;
  }
  // What outlives a file's analysis: its summary, for the exit code.
  const checked: FileReport['summary'][] = [];
  const sarif: SarifFile[] = [];
  let unusable = false;
  for (const file of command.files) {
    const checkedFile = analyseFile(file, command, settings.settings);
    if (checkedFile === undefined) {
      unusable = true;
      continue;
    }
    const { analysis, diagnostics, positions, sourceLines, observed } = checkedFile;
    // Each file is written once analysed (its analysis is then garbage): op records are built only as written.
    const report = lazyFileReport(file, analysis, diagnostics, positions, observed);
    if (sourceLines !== undefined) writeText(report, diagnostics, sourceLines, streamSink(process.stdout));
    // One JSON object per file, one per line (a single file's output is one JSON document), streamed.
    else if (command.format === 'json') writeJsonReport(report, streamSink(process.stdout));
    else sarif.push({ report: { file }, diagnostics, positions });
    checked.push(report.summary);
  }
  if (command.format === 'sarif') writeSarif(sarif, toolVersion, streamSink(process.stdout));
  if (unusable) return EXIT_UNUSABLE_INPUT;
  // An op tt-metal rejects is a failure point like an overflow: the run throws there.
  if (checked.some((s) => s.overflowCount > 0 || s.illegalOpCount > 0)) return EXIT_OVERFLOW;
  if (command.failOnUnmodeled && checked.some((s) => s.unmodeledOpCount > 0)) return EXIT_OVERFLOW;
  return EXIT_OK;
}

/** What the report of one file is written from. */
interface AnalysedFile {
  readonly analysis: DocumentAnalysis['analysis'];
  readonly diagnostics: readonly Diagnostic[];
  readonly positions: PositionIndex;
  /** The text's lines, for the text report's source excerpts only: the other reports let the text go. */
  readonly sourceLines: LineIndex | undefined;
  readonly observed: ReadonlyMap<string, ObservedReport>;
}

/** What a report of `format` reads of the text: positions only, unless it quotes source lines (text). */
function linesFor(
  format: CheckCommand['format'],
  lineIndex: LineIndex,
): Pick<AnalysedFile, 'positions' | 'sourceLines'> {
  return format === 'text'
    ? { positions: lineIndex, sourceLines: lineIndex }
    : { positions: lineIndex.positionsOnly(), sourceLines: undefined };
}

/** A source file that could be read. */
type ReadSource = Extract<ReadResult, { readonly kind: 'text' }>;

/**
 * Reads and analyses one file, saying on stderr why when it is unusable (then undefined). Returns what the report
 * needs and not the syntax tree, the larger part of the memory: it is garbage once the TTNN view is built (with
 * `--log`, once the log is matched to the ops), before the diagnostics and the report are made.
 */
function analyseFile(file: string, command: CheckCommand, settings: AnalysisSettings): AnalysedFile | undefined {
  const source = readSourceFile(file);
  if (source.kind === 'unusable') {
    process.stderr.write(`ttnn-l1: ${source.reason}\n`);
    return undefined;
  }
  return command.logPath === undefined
    ? analyseAlone(file, source, command.format, settings)
    : analyseWithLog(file, source, command.logPath, command.format, settings);
}

function analyseAlone(
  file: string,
  source: ReadSource,
  format: CheckCommand['format'],
  settings: AnalysisSettings,
): AnalysedFile | undefined {
  const input = analyzeDetached(source.text, settings);
  if (!usable(file, source, input.syntax.hasMlirOperations)) return undefined;
  const { analysis, lineIndex } = input;
  return {
    analysis,
    diagnostics: documentDiagnostics(input),
    ...linesFor(format, lineIndex),
    observed: new Map(),
  };
}

function analyseWithLog(
  file: string,
  source: ReadSource,
  logPath: string,
  format: CheckCommand['format'],
  settings: AnalysisSettings,
): AnalysedFile | undefined {
  const matched = matchLog(file, source, logPath, settings);
  if (matched === undefined) return undefined;
  const { input, findings } = matched;
  return {
    analysis: input.analysis,
    diagnostics: [...documentDiagnostics(input), ...findings.diagnostics].sort((a, b) => a.range.start - b.range.start),
    ...linesFor(format, input.lineIndex),
    observed: findings.observed,
  };
}

/**
 * The runtime log matched to the analysed document. The log's lines are matched to syntax ops (logs/correlate.ts), so
 * the whole document lives until then; only this frame holds it, and it is gone before the diagnostics are made.
 */
function matchLog(
  file: string,
  source: ReadSource,
  logPath: string,
  settings: AnalysisSettings,
): { readonly input: DiagnosticsInput; readonly findings: Extract<CliLogFindings, { kind: 'ok' }> } | undefined {
  const doc = analyzeDocument(source.text, settings);
  if (!usable(file, source, hasMlirOperations(doc.parse))) return undefined;
  const findings = runtimeLogFindings(logPath, doc);
  if (findings.kind === 'unusable') {
    process.stderr.write(`ttnn-l1: ${findings.reason}\n`);
    return undefined;
  }
  process.stderr.write(`ttnn-l1: ${findings.summary}\n`);
  return { input: detachedDiagnosticsInput(doc), findings };
}

/** Whether the file holds MLIR, said on stderr when not; then its read warnings (only input that is used gets them). */
function usable(file: string, source: ReadSource, hasMlirOperations: boolean): boolean {
  if (!hasMlirOperations) {
    process.stderr.write(`ttnn-l1: ${file}: ${notMlirReason(source.text)}\n`);
    return false;
  }
  for (const warning of source.warnings) process.stderr.write(`ttnn-l1: warning: ${file}: ${warning}\n`);
  return true;
}
