/** `ttnn-l1 check`: analyse files, print text / JSON / SARIF, and choose the exit code. */

import type { CheckCommand } from './args';
import { readSourceFile } from './files';
import {
  EXIT_OK,
  EXIT_OVERFLOW,
  EXIT_UNUSABLE_INPUT,
  lazyFileReport,
  writeJsonReport,
  type FileReport,
} from './report';
import { renderSarif, renderText } from './render';
import { settingsFromCommand } from './settings';
import { runtimeLogFindings } from './runtimeLog';
import { analyzeDocument, diagnostics as documentDiagnostics, hasMlirOperations, type Diagnostic } from '../features';
import type { LineIndex } from '../text/lineIndex';

/** What SARIF keeps of each file until the one log over all files is written. */
interface SarifFile {
  readonly report: { readonly file: string };
  readonly diagnostics: readonly Diagnostic[];
  readonly lineIndex: LineIndex;
}

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
    const source = readSourceFile(file);
    if (source.kind === 'unusable') {
      process.stderr.write(`ttnn-l1: ${source.reason}\n`);
      unusable = true;
      continue;
    }
    const doc = analyzeDocument(source.text, settings.settings);
    if (!hasMlirOperations(doc.parse)) {
      process.stderr.write(`ttnn-l1: ${file}: no MLIR operations found; is this an MLIR file?\n`);
      unusable = true;
      continue;
    }
    // Warnings only for input that is used (unusable input gets its one line).
    for (const warning of source.warnings) process.stderr.write(`ttnn-l1: warning: ${file}: ${warning}\n`);
    let diagnostics = documentDiagnostics(doc);
    let observed = new Map();
    if (command.logPath !== undefined) {
      const findings = runtimeLogFindings(command.logPath, doc);
      if (findings.kind === 'unusable') {
        process.stderr.write(`ttnn-l1: ${findings.reason}\n`);
        unusable = true;
        continue;
      }
      process.stderr.write(`ttnn-l1: ${findings.summary}\n`);
      diagnostics = [...diagnostics, ...findings.diagnostics].sort((a, b) => a.range.start - b.range.start);
      observed = findings.observed;
    }
    // Each file is written once analysed (its analysis is then garbage): op records are built only as written.
    const report = lazyFileReport(file, doc.analysis, diagnostics, doc.lineIndex, observed);
    if (command.format === 'text') process.stdout.write(renderText(report, diagnostics, doc.lineIndex));
    // One JSON object per file, one per line (a single file's output is one JSON document), streamed.
    else if (command.format === 'json') writeJsonReport(report, (chunk) => process.stdout.write(chunk));
    else sarif.push({ report: { file }, diagnostics, lineIndex: doc.lineIndex });
    checked.push(report.summary);
  }
  if (command.format === 'sarif') process.stdout.write(renderSarif(sarif, toolVersion));
  if (unusable) return EXIT_UNUSABLE_INPUT;
  // An op tt-metal rejects is a failure point like an overflow: the run throws there.
  if (checked.some((s) => s.overflowCount > 0 || s.illegalOpCount > 0)) return EXIT_OVERFLOW;
  if (command.failOnUnmodeled && checked.some((s) => s.unmodeledOpCount > 0)) return EXIT_OVERFLOW;
  return EXIT_OK;
}
