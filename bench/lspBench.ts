/**
 * Language-server benchmark on generated 10k- and 100k-op files, over the real bundled server and stdio: time to
 * first diagnostics, hover p50/p99, keystroke-to-diagnostics after a one-character edit, peak RSS; and, when Debian's
 * `mlir-lsp-server-16` is installed, its time to first diagnostics on the same text and our ratio to it.
 */

import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { analyzeTtnnModule } from '../server/src/analysis/analyze';
import { analysisOptions, DEFAULT_ANALYSIS_SETTINGS, indexAnalysis } from '../server/src/features/documentAnalysis';
import { diagnostics } from '../server/src/features/diagnostics';
import { parse } from '../server/src/mlir/parser';
import { moduleFromSyntax } from '../server/src/ttnn/fromSyntax';
import { LineIndex } from '../server/src/text/lineIndex';
import { startLsp, type LspSession } from '../test/support/lspProcess';
import { generateTtnnModule } from './generate';

export interface LspBenchResult {
  readonly nOps: number;
  readonly bytes: number;
  readonly firstDiagnosticsMs: number;
  readonly nDiagnostics: number;
  readonly hoverP50Ms: number;
  readonly hoverP99Ms: number;
  /** The first keystroke after the open. */
  readonly editToDiagnosticsMs: number;
  /** Median and p90 over N_EDITS keystrokes in a row (each waits for its diagnostics). */
  readonly editToDiagnosticsMedianMs: number;
  readonly editToDiagnosticsP90Ms: number;
  readonly peakRssBytes: number | undefined;
  readonly mlirLsp: { readonly firstDiagnosticsMs: number; readonly nDiagnostics: number; readonly firstMessage: string } | undefined;
  /** A do-nothing server on the same libraries (bench/nullServer.ts): what receiving the file alone costs. */
  readonly floor: { readonly firstDiagnosticsMs: number; readonly peakRssBytes: number | undefined };
  /** Where a full analysis spends its time, measured in this process (ms): which layer to make incremental first. */
  readonly breakdownMs: { readonly parse: number; readonly fromSyntax: number; readonly analysis: number; readonly features: number };
}

/** One full pass, layer by layer, in-process (the server runs the same code bundled). */
function breakdown(text: string): LspBenchResult['breakdownMs'] {
  let t = nowMs();
  const parsed = parse(text);
  const parseMs = nowMs() - t;
  t = nowMs();
  const module = moduleFromSyntax(parsed);
  const fromSyntaxMs = nowMs() - t;
  t = nowMs();
  const analysis = analyzeTtnnModule(module, analysisOptions(DEFAULT_ANALYSIS_SETTINGS));
  const analysisMs = nowMs() - t;
  t = nowMs();
  diagnostics(indexAnalysis(text, parsed, analysis, DEFAULT_ANALYSIS_SETTINGS));
  const featuresMs = nowMs() - t;
  return { parse: parseMs, fromSyntax: fromSyntaxMs, analysis: analysisMs, features: featuresMs };
}

const MLIR_LSP_CANDIDATES = ['/usr/bin/mlir-lsp-server-16', '/usr/lib/llvm-16/bin/mlir-lsp-server'];
const N_HOVERS = 300;
// Enough keystrokes for a median and a p90 that GC pauses do not decide alone.
const N_EDITS = 20;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** VmHWM of a live process (Linux), in bytes. */
function peakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? undefined : Number(m[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Offsets of the result names of `count` ops spread evenly over the file. */
function hoverOffsets(text: string, count: number): number[] {
  const all: number[] = [];
  const re = /^\s+(%\d+) = "ttnn\./gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) all.push(m.index + m[0].indexOf('%') + 1);
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

async function timeFirstDiagnostics(lsp: LspSession, uri: string, text: string): Promise<{ ms: number; params: proto.PublishDiagnosticsParams }> {
  const t0 = nowMs();
  const published = lsp.diagnostics(uri, 1);
  await lsp.open(uri, text, 1);
  const params = await published;
  return { ms: nowMs() - t0, params };
}

export async function benchLsp(nOps: number): Promise<LspBenchResult> {
  const text = generateTtnnModule({ nOps, seed: 1 });
  const uri = `untitled:bench-${nOps}.mlir`;
  const lineIndex = new LineIndex(text);
  const lsp = await startLsp();
  const first = await timeFirstDiagnostics(lsp, uri, text);

  const hoverMs: number[] = [];
  for (const offset of hoverOffsets(text, N_HOVERS)) {
    const t0 = nowMs();
    await lsp.connection.sendRequest(proto.HoverRequest.type, { textDocument: { uri }, position: lineIndex.position(offset) });
    hoverMs.push(nowMs() - t0);
  }
  hoverMs.sort((a, b) => a - b);

  // Keystrokes in the middle of the file, one at a time: a space typed in an op's type list (the op still parses).
  // The first edit after the open also pays one-off costs (the client document's line table), so several are timed.
  const editMs: number[] = [];
  let edited = text;
  let editedLines = lineIndex;
  const editOps = hoverOffsets(text, N_EDITS + 2).slice(1, N_EDITS + 1);
  for (const [k, opOffset] of editOps.entries()) {
    // Offsets before the earlier insertions' points are unchanged; later ones moved by one character per edit.
    const editAt = edited.indexOf(' : (', opOffset + k) + 2;
    const version = 2 + k;
    const t0 = nowMs();
    const republished = lsp.diagnostics(uri, version);
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: editedLines.position(editAt), end: editedLines.position(editAt) }, text: ' ' }],
    });
    await republished;
    editMs.push(nowMs() - t0);
    // Patched, not rescanned: this client's own work should not weigh on the server it measures.
    editedLines = LineIndex.edited(editedLines, { start: editAt, end: editAt, newText: ' ' });
    edited = editedLines.text;
  }
  const editToDiagnosticsMs = editMs[0] ?? NaN;
  const rss = peakRss(lsp.child.pid);
  await lsp.shutdown();

  const nullServer = await startLsp({ command: { path: process.execPath, args: [path.join(__dirname, 'nullServer.js'), '--stdio'] } });
  const floorFirst = await timeFirstDiagnostics(nullServer, uri, text);
  const floor = { firstDiagnosticsMs: floorFirst.ms, peakRssBytes: peakRss(nullServer.child.pid) };
  await nullServer.shutdown();

  let mlirLsp: LspBenchResult['mlirLsp'];
  const mlirPath = MLIR_LSP_CANDIDATES.find((p) => fs.existsSync(p));
  if (mlirPath !== undefined) {
    const other = await startLsp({ command: { path: mlirPath, args: [] } });
    const theirs = await timeFirstDiagnostics(other, uri.replace('untitled:', 'file:///tmp/'), text);
    mlirLsp = { firstDiagnosticsMs: theirs.ms, nDiagnostics: theirs.params.diagnostics.length, firstMessage: String(theirs.params.diagnostics[0]?.message ?? '') };
    await other.shutdown();
  }
  return {
    nOps,
    bytes: text.length,
    firstDiagnosticsMs: first.ms,
    nDiagnostics: first.params.diagnostics.length,
    hoverP50Ms: percentile(hoverMs, 50),
    hoverP99Ms: percentile(hoverMs, 99),
    editToDiagnosticsMs,
    editToDiagnosticsMedianMs: percentile([...editMs].sort((a, b) => a - b), 50),
    editToDiagnosticsP90Ms: percentile([...editMs].sort((a, b) => a - b), 90),
    peakRssBytes: rss,
    mlirLsp,
    floor,
    breakdownMs: breakdown(text),
  };
}

/** Prints one block per size; returns the measurements. */
export async function runLspBench(log: (line: string) => void = console.log, sizes: readonly number[] = [10_000, 100_000]): Promise<LspBenchResult[]> {
  const results: LspBenchResult[] = [];
  for (const nOps of sizes) {
    const r = await benchLsp(nOps);
    results.push(r);
    const mb = (r.bytes / 1e6).toFixed(1);
    const rss = r.peakRssBytes === undefined ? 'n/a' : `${(r.peakRssBytes / 1e6).toFixed(0)} MB (${(r.peakRssBytes / r.bytes).toFixed(1)}x file)`;
    log(`lsp ${nOps} ops (${mb} MB): first diagnostics ${r.firstDiagnosticsMs.toFixed(0)} ms (${r.nDiagnostics} diagnostics)`);
    log(`lsp ${nOps} ops: hover p50 ${r.hoverP50Ms.toFixed(2)} ms, p99 ${r.hoverP99Ms.toFixed(2)} ms; edit-to-diagnostics ${r.editToDiagnosticsMs.toFixed(0)} ms first, ${r.editToDiagnosticsMedianMs.toFixed(0)} ms median (p90 ${r.editToDiagnosticsP90Ms.toFixed(0)} ms) of ${N_EDITS}; peak RSS ${rss}`);
    const floorRss = r.floor.peakRssBytes === undefined ? 'n/a' : `${(r.floor.peakRssBytes / 1e6).toFixed(0)} MB (${(r.floor.peakRssBytes / r.bytes).toFixed(1)}x file)`;
    log(`lsp ${nOps} ops: floor (a server on the same libraries that does nothing, bench/nullServer.ts): first diagnostics ${r.floor.firstDiagnosticsMs.toFixed(0)} ms, peak RSS ${floorRss}`);
    const b = r.breakdownMs;
    log(`lsp ${nOps} ops: full pass in-process: parse ${b.parse.toFixed(0)} ms, fromSyntax ${b.fromSyntax.toFixed(0)} ms, analysis ${b.analysis.toFixed(0)} ms, features ${b.features.toFixed(0)} ms`);
    if (r.mlirLsp === undefined) {
      log(`lsp ${nOps} ops: mlir-lsp-server-16 not installed (apt-get install mlir-16-tools) — no comparison`);
    } else {
      const ratio = r.firstDiagnosticsMs / r.mlirLsp.firstDiagnosticsMs;
      log(
        `lsp ${nOps} ops: mlir-lsp-server-16 first diagnostics ${r.mlirLsp.firstDiagnosticsMs.toFixed(0)} ms (${r.mlirLsp.nDiagnostics} diagnostics` +
          `${r.mlirLsp.firstMessage === '' ? '' : `, first: "${r.mlirLsp.firstMessage.slice(0, 80)}"`}); ours/theirs = ${ratio.toFixed(2)}`,
      );
    }
  }
  return results;
}
