/**
 * Renders a checked file for humans (compiler-style `file:line:col: severity: message [code]` with the source line
 * and a caret) and for code-scanning tools (SARIF 2.1.0). Same diagnostics the language server publishes.
 */

import { DIAGNOSTIC_CODES, formatInteger, formatOpModelTerms, windowText, type Diagnostic } from '../features';
import type { LineIndex, PositionIndex } from '../text/lineIndex';
import { JsonBytes, StreamedArray, type ChunkSink } from '../host/jsonBytes';
import { lazyView, type FileReport, type LazyFileReport } from './report';

/** Source lines in dumps can be thousands of characters; show a window around the caret. */
const SOURCE_WINDOW_CHARS = 120;

/** The text of `writeText`, as one string (tests). */
export function renderText(
  whole: FileReport | LazyFileReport,
  diagnostics: readonly Diagnostic[],
  lineIndex: LineIndex,
): string {
  const chunks: Buffer[] = [];
  writeText(whole, diagnostics, lineIndex, (chunk) => {
    chunks.push(Buffer.from(chunk));
    return 'done';
  });
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes the text report of one file to `sink`, line by line into reused chunks (as the JSON report is written): no
 * array of its lines and no string of the whole text (100k-op dump: 16.6 MB, 23,349 diagnostics).
 */
export function writeText(
  whole: FileReport | LazyFileReport,
  diagnostics: readonly Diagnostic[],
  lineIndex: LineIndex,
  sink: ChunkSink,
): void {
  const report = 'estimatedOpCount' in whole ? whole : lazyView(whole);
  const bytes = new JsonBytes(sink);
  const writeLines = (...lines: string[]): void => {
    for (const line of lines) {
      bytes.utf8(line);
      bytes.ascii('\n');
    }
  };
  const d = report.device;
  writeLines(
    `${report.file}: ${d.arch}, grid ${d.grid[0]}x${d.grid[1]}, L1 ${formatInteger(d.l1SizeBytes)} B per core, ` +
      `CBs start at ${formatInteger(d.l1UnreservedBase)} B (${d.detail})`,
  );
  for (const diag of diagnostics) {
    const pos = lineIndex.position(diag.range.start);
    writeLines(`${report.file}:${pos.line + 1}:${pos.character + 1}: ${diag.severity}: ${diag.message} [${diag.code}]`);
    writeLines(...sourceExcerpt(lineIndex, diag.range.start, diag.range.end));
    const terms = termsOfOpAt(report, pos.line + 1);
    if (terms !== undefined) writeLines(`  note: ${terms}`);
    for (const rel of diag.related) {
      if (rel.target.kind === 'range') {
        const at = lineIndex.position(rel.target.range.start);
        writeLines(`  note: ${report.file}:${at.line + 1}:${at.character + 1}: ${rel.message}`);
      } else {
        writeLines(`  note: ${rel.target.file}:${rel.target.line}:${rel.target.column}: ${rel.message}`);
      }
    }
  }
  const s = report.summary;
  // Never "no op overflows" while an op is unmodeled: an overflow there cannot be ruled out.
  const verdict =
    s.firstFailure !== undefined
      ? `tt-metal will throw at ${s.firstFailure.result ? `${s.firstFailure.result} = ` : ''}${s.firstFailure.op} (line ${s.firstFailure.line})`
      : s.buildDependentOverflowCount > 0
        ? `${s.buildDependentOverflowCount} op${s.buildDependentOverflowCount === 1 ? ' overflows' : 's overflow'} L1 on some tt-metal builds of the window only`
        : s.unmodeledOpCount > 0
          ? 'no modeled op overflows L1'
          : 'no op overflows L1';
  const count = `${s.overflowCount} overflowing op${s.overflowCount === 1 ? '' : 's'}${s.illegalOpCount > 0 ? `, ${s.illegalOpCount} op${s.illegalOpCount === 1 ? '' : 's'} tt-metal rejects` : ''}`;
  const modeled = report.estimatedOpCount();
  writeLines(`${report.file}: tt-metal build ${windowText(d.ttMetalDate)} (${d.ttMetalDate.how})`);
  writeLines(`${report.file}: ${verdict}; ${count}; ${modeled} ops estimated`);
  if (s.unmodeledOpCount > 0) {
    writeLines(
      `${report.file}: ${s.unmodeledOpCount} op${s.unmodeledOpCount === 1 ? '' : 's'} without an L1 model — cannot rule out an overflow: ${s.unmodeledOpNames.join(', ')}`,
    );
  }
  bytes.flush();
}

/** The OpModel-terms line of the one op reported on `line` (1-based) that has them. */
function termsOfOpAt(report: LazyFileReport, line: number): string | undefined {
  const ops = report.opsOnLine(line).filter((o) => o.peakL1BytesPerCore !== undefined);
  const o = ops.length === 1 ? ops[0]! : undefined;
  if (o === undefined || o.worstCbBytesPerCore === undefined || o.cbBytesSummedOverRanges === undefined)
    return undefined;
  return formatOpModelTerms({
    worstCbBytesPerCore: o.worstCbBytesPerCore,
    cbBytesSummedOverRanges: o.cbBytesSummedOverRanges,
    tensorL1BytesPerCore: (o.l1TensorBytesPerCore ?? 0) + (o.intermediateL1BytesPerCore ?? 0),
    peakL1BytesPerCore: o.peakL1BytesPerCore!,
  });
}

function sourceExcerpt(lineIndex: LineIndex, start: number, end: number): string[] {
  const pos = lineIndex.position(start);
  const lineStart = lineIndex.lineStart(pos.line);
  const lineEnd = lineIndex.lineEnd(pos.line);
  const caretLength = Math.max(1, Math.min(end, lineEnd) - start);
  const from = Math.max(lineStart, start - SOURCE_WINDOW_CHARS / 2);
  const to = Math.min(lineEnd, from + SOURCE_WINDOW_CHARS);
  const text = lineIndex.text.slice(from, to).replace(/\t/g, ' ');
  const gutter = String(pos.line + 1).padStart(6);
  const prefix = from > lineStart ? '…' : '';
  return [
    `${gutter} | ${prefix}${text}${to < lineEnd ? '…' : ''}`,
    `${' '.repeat(6)} | ${' '.repeat(prefix.length + start - from)}${'^'.repeat(Math.min(caretLength, to - start))}`,
  ];
}

const SARIF_LEVEL: Record<Diagnostic['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** What the SARIF log needs of each checked file (kept for every file until the one log is written: no text). */
export interface SarifFile {
  readonly report: { readonly file: string };
  readonly diagnostics: readonly Diagnostic[];
  readonly positions: PositionIndex;
}

/** The log of `writeSarif`, as one string (tests). */
export function renderSarif(files: readonly SarifFile[], toolVersion: string): string {
  const chunks: Buffer[] = [];
  writeSarif(files, toolVersion, (chunk) => {
    chunks.push(Buffer.from(chunk));
    return 'done';
  });
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes one SARIF 2.1.0 log covering every checked file, as `JSON.stringify(log, null, 2)` writes it, with each
 * result made as it is written (100k-op dump: 23,349 results, 20 MB): no array of results, no string of the log.
 */
export function writeSarif(files: readonly SarifFile[], toolVersion: string, sink: ChunkSink): void {
  const results = new StreamedArray((write) => {
    for (const { report, diagnostics, positions } of files) {
      const uri = report.file.split('\\').join('/');
      for (const diag of diagnostics) write(sarifResult(diag, uri, positions));
    }
  });
  const rules = Object.entries(DIAGNOSTIC_CODES).map(([id, description]) => ({
    id,
    shortDescription: { text: typeof description === 'string' ? description : id },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'ttnn-l1', version: toolVersion, rules } }, results }],
  };
  const out = new JsonBytes(sink);
  out.indented(log);
  out.ascii('\n');
  out.flush();
}

function sarifResult(diag: Diagnostic, uri: string, positions: PositionIndex): object {
  const start = positions.position(diag.range.start);
  const end = positions.position(diag.range.end);
  return {
    ruleId: diag.code,
    level: SARIF_LEVEL[diag.severity],
    message: { text: diag.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: {
            startLine: start.line + 1,
            startColumn: start.character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
          },
        },
      },
    ],
  };
}
