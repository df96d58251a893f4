/**
 * Language-server benchmark over the real bundled server and stdio, at 10k, 100k and 300k ops:
 * - on the generated dump (bench/generate.ts): time to first diagnostics, hover p50/p99, peak RSS, and keystrokes on a
 *   file with very many diagnostics (every op of its kind unmodeled or illegal: ~23k at 100k ops); next to it
 *   `mlir-lsp-server-16` on the generic-form copy of the same text (bench/genericForm.ts; LLVM's full parse and
 *   verify) when installed, and the null server (bench/nullServer.ts) as the floor for first diagnostics only;
 * - on the real Falcon3-7B decode dump replicated to the size (bench/falcon.ts): keystrokes on a clean file (no
 *   diagnostics) and with many diagnostics (`usableL1Cap` 0.3: ~57 per copy, ~1.2k at 100k ops; 0.5 until the decode
 *   rms_norm's large-tensor widths were dated, tt-metal PR #39226, which took its 790,528 B to 446,464).
 * - on the generated dump, as an editor opens it: a pull client asking for the outline, folding ranges and code lenses
 *   before the diagnostic pull (the order that makes the pull wait longest), timed to each answer.
 * A keystroke is a space typed into an op's type list (the op still parses), timed to the diagnostics of its version.
 * Documents over `backgroundAnalysisMB` (32 MB: the 300k-op files) are analysed in the worker, as in an editor.
 */

import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { analyzeTtnnModule, newEstimateReuse } from '../server/src/analysis/analyze';
import {
  analysisOptions,
  DEFAULT_ANALYSIS_SETTINGS,
  indexAnalysis,
  resolveBuildWindow,
} from '../server/src/features/documentAnalysis';
import { diagnostics } from '../server/src/features/diagnostics';
import { parseForEdits } from '../server/src/mlir/incrementalParse';
import { moduleFromSyntax } from '../server/src/ttnn/fromSyntax';
import { LineIndex } from '../server/src/text/lineIndex';
import { diagnosticText, SERVER_BUNDLE, startLsp, type LspSession } from '../test/support/lspProcess';
import { falconDump } from './falcon';
import { generateTtnnModule } from './generate';
import { toGenericForm } from './genericForm';

export interface KeystrokeFigures {
  /** Size of the file typed into. */
  readonly bytes: number;
  /** Diagnostics the file has (published for every keystroke). */
  readonly nDiagnostics: number;
  readonly firstMs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  /** Whether the server analysed the file in its background worker. */
  readonly inWorker: boolean;
  readonly peakRssBytes: number | undefined;
  /** The server's CPU time (all its threads) per keystroke, first included: steadier than latency on a busy machine. */
  readonly cpuMsPerKeystroke: number | undefined;
}

export interface LspBenchResult {
  readonly nOps: number;
  readonly bytes: number;
  readonly firstDiagnosticsMs: number;
  /** Of `firstDiagnosticsMs`, the client's own: from the publish's last byte to its parsed value. */
  readonly clientParseMs: number;
  readonly nDiagnostics: number;
  readonly hoverP50Ms: number;
  readonly hoverP99Ms: number;
  readonly peakRssBytes: number | undefined;
  /** Keystrokes on the generated dump (very many diagnostics), and on the Falcon copy clean and with many. */
  readonly keystrokes: {
    readonly generated: KeystrokeFigures;
    readonly falconClean: KeystrokeFigures;
    readonly falconMany: KeystrokeFigures;
  };
  readonly mlirLsp:
    | {
        readonly firstDiagnosticsMs: number;
        readonly clientParseMs: number;
        readonly nDiagnostics: number;
        readonly firstMessage: string;
      }
    | undefined;
  /** didOpen to each answer for a pull client that asks the outline, folding and code lenses before its pull. */
  readonly editorOpen: { readonly diagnosticsMs: number; readonly outlineMs: number };
  /** A do-nothing server on the same libraries (bench/nullServer.ts): what receiving the file alone costs. */
  readonly floor: { readonly firstDiagnosticsMs: number; readonly peakRssBytes: number | undefined };
  /** Where a full analysis spends its time, measured in this process (ms): which layer to make incremental first. */
  readonly breakdownMs:
    | { readonly parse: number; readonly fromSyntax: number; readonly analysis: number; readonly features: number }
    | undefined;
}

/**
 * One full pass, layer by layer, in-process, as the server makes an opened document's first analysis (the same code
 * bundled): the editable parse, and the analysis over the build window inferred from the dump with estimate reuse on.
 * (Analysed over every modeled build instead, the default of `analyzeTtnnModule`, the estimators run once per
 * sub-window between change points: 1.7-2x the server's analysis CPU on the generated 100k-op dump.)
 */
function breakdown(text: string): NonNullable<LspBenchResult['breakdownMs']> {
  let t = nowMs();
  const parsed = parseForEdits(text).parse;
  const parseMs = nowMs() - t;
  t = nowMs();
  const module = moduleFromSyntax(parsed);
  const fromSyntaxMs = nowMs() - t;
  t = nowMs();
  const analysis = analyzeTtnnModule(module, {
    ...analysisOptions(DEFAULT_ANALYSIS_SETTINGS),
    ttMetal: resolveBuildWindow(DEFAULT_ANALYSIS_SETTINGS, text),
    reuse: newEstimateReuse(),
  });
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
/** usableL1Cap giving the Falcon copy its many diagnostics at 100k ops: its 1,254 decode rms_norms (446,464 B per
 *  core) pass 0.3 of the usable L1, not 0.35. */
const MANY_DIAGNOSTICS_CAP = 0.3;
// The server as an editor starts it (default heap). BENCH_SERVER names another bundle (a build of an older commit)
// for before/after figures on the same machine.
const SERVER = { path: process.execPath, args: [process.env['BENCH_SERVER'] ?? SERVER_BUNDLE, '--stdio'] };
// The floor: a do-nothing server on the same libraries (bench/nullServer.ts).
const NULL_SERVER = { path: process.execPath, args: [path.join(__dirname, 'nullServer.js'), '--stdio'] };

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

/** User + system CPU time of a live process, all threads (Linux), in ms; 10 ms resolution. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
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

/**
 * didOpen to the version's first publish, and how much of it the client spent after the publish's last byte came in
 * (the reader's join, decode and `JSON.parse`: 18 MB for our 23k diagnostics at 100k ops, next to nothing for a
 * server that publishes none).
 */
async function timeFirstDiagnostics(
  lsp: LspSession,
  uri: string,
  text: string,
): Promise<{ ms: number; clientParseMs: number; params: proto.PublishDiagnosticsParams }> {
  let lastByteMs = NaN;
  const stamp = (): void => void (lastByteMs = nowMs());
  lsp.child.stdout!.on('data', stamp);
  const t0 = nowMs();
  const published = lsp.diagnostics(uri, 1);
  await lsp.open(uri, text, 1);
  const params = await published;
  const doneMs = nowMs();
  lsp.child.stdout!.off('data', stamp);
  return { ms: doneMs - t0, clientParseMs: doneMs - lastByteMs, params };
}

/**
 * didOpen, then what an editor asks on open before the diagnostics (outline for breadcrumbs, folding, code lenses), then
 * the diagnostic pull: ms to the diagnostics and to the outline.
 */
async function timeEditorOpen(uri: string, text: string): Promise<LspBenchResult['editorOpen']> {
  const lsp = await startLsp({ command: SERVER, settings: {}, pullDiagnostics: true });
  const t0 = nowMs();
  await lsp.open(uri, text, 1);
  const textDocument = { uri };
  const answeredAfter = <T>(request: Promise<T>): Promise<number> => request.then(() => nowMs() - t0);
  const [outlineMs, , , diagnosticsMs] = await Promise.all([
    answeredAfter(lsp.connection.sendRequest(proto.DocumentSymbolRequest.type, { textDocument })),
    answeredAfter(lsp.connection.sendRequest(proto.FoldingRangeRequest.type, { textDocument })),
    answeredAfter(lsp.connection.sendRequest(proto.CodeLensRequest.type, { textDocument })),
    answeredAfter(lsp.connection.sendRequest(proto.DocumentDiagnosticRequest.type, { textDocument })),
  ]);
  await lsp.shutdown();
  return { diagnosticsMs, outlineMs };
}

/**
 * `N_EDITS` keystrokes in a row, spread over the file, each waited for: a space typed into an op's type list.
 * The first keystroke after the open also pays one-off costs, so it is reported apart from the median and p90.
 */
async function timeKeystrokes(lsp: LspSession, uri: string, text: string): Promise<{ ms: number[] }> {
  const ms: number[] = [];
  let editedLines = new LineIndex(text);
  const editOps = hoverOffsets(text, N_EDITS + 2).slice(1, N_EDITS + 1);
  for (const [k, opOffset] of editOps.entries()) {
    // Offsets in the original text; the k earlier insertions (all before this point) moved it by k characters.
    const editAt = text.indexOf(' : (', opOffset) + 2 + k;
    const version = 2 + k;
    const t0 = nowMs();
    const republished = lsp.diagnostics(uri, version);
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [
        { range: { start: editedLines.position(editAt), end: editedLines.position(editAt) }, text: ' ' },
      ],
    });
    await republished;
    ms.push(nowMs() - t0);
    // Patched, not rescanned: this client's own work should not weigh on the server it measures.
    editedLines = LineIndex.edited(editedLines, { start: editAt, end: editAt, newText: ' ' });
  }
  return { ms };
}

/** Opens `text` in a fresh server with `settings`, types `N_EDITS` keystrokes, and reports them. */
export async function keystrokeSession(
  nOps: number,
  name: string,
  text: string,
  settings: Record<string, unknown>,
): Promise<KeystrokeFigures> {
  const lsp = await startLsp({ command: SERVER, settings });
  const uri = `untitled:${name}-${nOps}.mlir`;
  const first = await timeFirstDiagnostics(lsp, uri, text);
  const cpuBefore = cpuMs(lsp.child.pid);
  const { ms } = await timeKeystrokes(lsp, uri, text);
  const cpuAfter = cpuMs(lsp.child.pid);
  const cpuMsPerKeystroke =
    cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / ms.length;
  const figures = { ...keystrokeFigures(text.length, first.params.diagnostics.length, ms, lsp), cpuMsPerKeystroke };
  await lsp.shutdown();
  return figures;
}

function keystrokeFigures(
  bytes: number,
  nDiagnostics: number,
  ms: readonly number[],
  lsp: LspSession,
): KeystrokeFigures {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    bytes,
    nDiagnostics,
    firstMs: ms[0] ?? NaN,
    medianMs: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    inWorker: lsp.logMessages.some((m) => m.startsWith('background analysis of ')),
    peakRssBytes: peakRss(lsp.child.pid),
    cpuMsPerKeystroke: undefined,
  };
}

export async function benchLsp(nOps: number, options: { readonly breakdown?: boolean } = {}): Promise<LspBenchResult> {
  const text = generateTtnnModule({ nOps, seed: 1 });
  const uri = `untitled:bench-${nOps}.mlir`;
  const lineIndex = new LineIndex(text);
  const lsp = await startLsp({ command: SERVER, settings: {} });
  const first = await timeFirstDiagnostics(lsp, uri, text);

  const hoverMs: number[] = [];
  for (const offset of hoverOffsets(text, N_HOVERS)) {
    const t0 = nowMs();
    await lsp.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri },
      position: lineIndex.position(offset),
    });
    hoverMs.push(nowMs() - t0);
  }
  hoverMs.sort((a, b) => a - b);
  const generated = keystrokeFigures(
    text.length,
    first.params.diagnostics.length,
    (await timeKeystrokes(lsp, uri, text)).ms,
    lsp,
  );
  const rss = peakRss(lsp.child.pid);
  await lsp.shutdown();

  const editorOpen = await timeEditorOpen(uri, text);

  const falcon = falconDump(nOps);
  const falconClean = await keystrokeSession(nOps, 'falcon', falcon, {});
  const falconMany = await keystrokeSession(nOps, 'falcon-cap', falcon, { usableL1Cap: MANY_DIAGNOSTICS_CAP });

  const nullServer = await startLsp({ command: NULL_SERVER });
  const floorFirst = await timeFirstDiagnostics(nullServer, uri, text);
  const floor = { firstDiagnosticsMs: floorFirst.ms, peakRssBytes: peakRss(nullServer.child.pid) };
  await nullServer.shutdown();

  let mlirLsp: LspBenchResult['mlirLsp'];
  const mlirPath = MLIR_LSP_CANDIDATES.find((p) => fs.existsSync(p));
  if (mlirPath !== undefined) {
    // LLVM 16 reads the generic-form copy whole (the printed form stops it at the first tt-mlir custom op).
    const other = await startLsp({ command: { path: mlirPath, args: [] } });
    const theirs = await timeFirstDiagnostics(other, uri.replace('untitled:', 'file:///tmp/'), toGenericForm(text));
    mlirLsp = {
      firstDiagnosticsMs: theirs.ms,
      clientParseMs: theirs.clientParseMs,
      nDiagnostics: theirs.params.diagnostics.length,
      firstMessage: diagnosticText(theirs.params.diagnostics[0]?.message ?? ''),
    };
    await other.shutdown();
  }
  return {
    nOps,
    bytes: text.length,
    firstDiagnosticsMs: first.ms,
    clientParseMs: first.clientParseMs,
    nDiagnostics: first.params.diagnostics.length,
    hoverP50Ms: percentile(hoverMs, 50),
    hoverP99Ms: percentile(hoverMs, 99),
    peakRssBytes: rss,
    keystrokes: { generated, falconClean, falconMany },
    editorOpen,
    mlirLsp,
    floor,
    breakdownMs: options.breakdown === false ? undefined : breakdown(text),
  };
}

/** Prints one block per size; returns the measurements. */
export async function runLspBench(
  log: (line: string) => void = console.log,
  sizes: readonly number[] = [10_000, 100_000, 300_000],
): Promise<LspBenchResult[]> {
  const results: LspBenchResult[] = [];
  const mb = (b: number | undefined, file: number): string =>
    b === undefined ? 'n/a' : `${(b / 1e6).toFixed(0)} MB (${(b / file).toFixed(1)}x file)`;
  for (const nOps of sizes) {
    // The in-process layer breakdown holds a second copy of the analysis in this process: skipped at 300k ops.
    const r = await benchLsp(nOps, { breakdown: nOps <= 100_000 });
    results.push(r);
    log(
      `lsp ${nOps} ops (${(r.bytes / 1e6).toFixed(1)} MB): first diagnostics ${r.firstDiagnosticsMs.toFixed(0)} ms (${r.nDiagnostics} diagnostics; the client's parse of the publish ${r.clientParseMs.toFixed(0)} ms of it); hover p50 ${r.hoverP50Ms.toFixed(2)} ms, p99 ${r.hoverP99Ms.toFixed(2)} ms; peak RSS ${mb(r.peakRssBytes, r.bytes)}`,
    );
    const keys = (label: string, k: KeystrokeFigures): void =>
      log(
        `lsp ${nOps} ops: keystroke-to-diagnostics, ${label} (${k.nDiagnostics} diagnostics${k.inWorker ? ', background worker' : ''}): median ${k.medianMs.toFixed(0)} ms, p90 ${k.p90Ms.toFixed(0)} ms (first ${k.firstMs.toFixed(0)} ms) of ${N_EDITS}; peak RSS ${mb(k.peakRssBytes, k.bytes)}`,
      );
    keys(
      `Falcon3-7B copies (${(r.keystrokes.falconClean.bytes / 1e6).toFixed(1)} MB), clean`,
      r.keystrokes.falconClean,
    );
    keys(`Falcon3-7B copy, usableL1Cap ${MANY_DIAGNOSTICS_CAP}`, r.keystrokes.falconMany);
    keys('generated dump', r.keystrokes.generated);
    log(
      `lsp ${nOps} ops: opened by a pull client that asks outline, folding and code lenses before its pull: diagnostics ${r.editorOpen.diagnosticsMs.toFixed(0)} ms, outline ${r.editorOpen.outlineMs.toFixed(0)} ms`,
    );
    log(
      `lsp ${nOps} ops: floor for first diagnostics (a server on the same libraries that does nothing, bench/nullServer.ts): ${r.floor.firstDiagnosticsMs.toFixed(0)} ms, peak RSS ${mb(r.floor.peakRssBytes, r.bytes)}`,
    );
    const b = r.breakdownMs;
    if (b !== undefined)
      log(
        `lsp ${nOps} ops: full pass in-process: parse ${b.parse.toFixed(0)} ms, fromSyntax ${b.fromSyntax.toFixed(0)} ms, analysis ${b.analysis.toFixed(0)} ms, features ${b.features.toFixed(0)} ms`,
      );
    if (r.mlirLsp === undefined) {
      log(`lsp ${nOps} ops: mlir-lsp-server-16 not installed (apt-get install mlir-16-tools) — no comparison`);
    } else {
      const ratio = r.firstDiagnosticsMs / r.mlirLsp.firstDiagnosticsMs;
      log(
        `lsp ${nOps} ops: mlir-lsp-server-16 on the generic-form copy: first diagnostics ${r.mlirLsp.firstDiagnosticsMs.toFixed(0)} ms (${r.mlirLsp.nDiagnostics} diagnostics; client's parse ${r.mlirLsp.clientParseMs.toFixed(0)} ms` +
          `${r.mlirLsp.firstMessage === '' ? '' : `, first: "${r.mlirLsp.firstMessage.slice(0, 80)}"`}); ours/theirs = ${ratio.toFixed(2)}`,
      );
    }
  }
  return results;
}

/** One server's time to first diagnostics, and its CPU (all threads) from the didOpen to the publish. */
interface FirstDiagnosticsRun {
  readonly ms: number;
  readonly clientParseMs: number;
  readonly serverCpuMs: number | undefined;
  readonly nDiagnostics: number;
}

/** A fresh server of `command` opening `text`: process start and initialize are not timed, as in `benchLsp`. */
async function firstDiagnosticsRun(
  command: { readonly path: string; readonly args: readonly string[] },
  uri: string,
  text: string,
): Promise<FirstDiagnosticsRun> {
  const lsp = await startLsp({ command, settings: {} });
  const cpuBefore = cpuMs(lsp.child.pid);
  const first = await timeFirstDiagnostics(lsp, uri, text);
  const cpuAfter = cpuMs(lsp.child.pid);
  await lsp.shutdown();
  return {
    ms: first.ms,
    clientParseMs: first.clientParseMs,
    serverCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    nDiagnostics: first.params.diagnostics.length,
  };
}

/**
 * `npm run bench -- --first-diagnostics ROUNDS`: first diagnostics alone, `rounds` rounds of ours, the null server and
 * mlir-lsp-server-16 (generic copy) in turn, each a fresh process, so that each side's spread shows next to the ratio
 * (the full bench takes one run of each: on the VM at load 6-14, 8 rounds gave ratios of 2.0-4.5 while each server's
 * CPU from didOpen to publish, also printed here, stayed within +-8%). `dump` 'falcon': the Falcon3-7B copy
 * (bench/falcon.ts, 0 diagnostics at default settings), whose first publish is parse, view and analysis alone.
 */
export async function runFirstDiagnosticsBench(
  log: (line: string) => void,
  nOps: number,
  rounds: number,
  dump: 'generated' | 'falcon' = 'generated',
): Promise<void> {
  const text = dump === 'falcon' ? falconDump(nOps) : generateTtnnModule({ nOps, seed: 1 });
  const mlirPath = MLIR_LSP_CANDIDATES.find((p) => fs.existsSync(p));
  const generic = mlirPath === undefined ? undefined : toGenericForm(text);
  const sides: { name: string; run: () => Promise<FirstDiagnosticsRun> }[] = [
    { name: 'ours', run: () => firstDiagnosticsRun(SERVER, `untitled:bench-${nOps}.mlir`, text) },
    {
      name: 'null server',
      run: () => firstDiagnosticsRun(NULL_SERVER, `untitled:bench-${nOps}.mlir`, text),
    },
  ];
  if (mlirPath !== undefined && generic !== undefined)
    sides.push({
      name: 'mlir-lsp-server-16',
      run: () => firstDiagnosticsRun({ path: mlirPath, args: [] }, `file:///tmp/bench-${nOps}.mlir`, generic),
    });
  const runs = new Map<string, FirstDiagnosticsRun[]>(sides.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) for (const side of sides) runs.get(side.name)!.push(await side.run());
  const spread = (values: readonly number[]): string => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${sorted[0]!.toFixed(0)}/${percentile(sorted, 50).toFixed(0)}/${sorted[sorted.length - 1]!.toFixed(0)}`;
  };
  for (const side of sides) {
    const r = runs.get(side.name)!;
    const cpu = r.map((x) => x.serverCpuMs).filter((x): x is number => x !== undefined);
    log(
      `lsp ${nOps} ops${dump === 'falcon' ? ' (Falcon copy)' : ''}, first diagnostics, ${side.name} (${r[0]!.nDiagnostics} diagnostics), min/median/max of ${rounds}: ${spread(r.map((x) => x.ms))} ms; client's parse ${spread(r.map((x) => x.clientParseMs))} ms; server CPU ${cpu.length === r.length ? spread(cpu) : 'n/a'} ms`,
    );
  }
  const theirs = runs.get('mlir-lsp-server-16');
  if (theirs !== undefined) {
    const ratios = runs.get('ours')!.map((x, i) => x.ms / theirs[i]!.ms);
    log(
      `lsp ${nOps} ops${dump === 'falcon' ? ' (Falcon copy)' : ''}, first diagnostics, ours/mlir-lsp-server-16 per round: ${ratios.map((x) => x.toFixed(2)).join(' ')}`,
    );
  }
}

/**
 * The worker path against in-process analysis on the same file (the Falcon copy at `nOps`, many diagnostics):
 * `backgroundAnalysisMB` 0 sends every document to the worker, a threshold past the file keeps it in-process.
 */
export async function runWorkerComparison(log: (line: string) => void, nOps: number): Promise<void> {
  const text = falconDump(nOps);
  for (const [label, mbThreshold] of [
    ['in-process', 1e6],
    ['background worker', 0],
  ] as const) {
    const k = await keystrokeSession(nOps, `falcon-${mbThreshold}`, text, {
      usableL1Cap: MANY_DIAGNOSTICS_CAP,
      backgroundAnalysisMB: mbThreshold,
    });
    log(
      `lsp ${nOps} ops, Falcon3-7B copy (${(text.length / 1e6).toFixed(1)} MB, ${k.nDiagnostics} diagnostics), ${label}: keystroke median ${k.medianMs.toFixed(0)} ms, p90 ${k.p90Ms.toFixed(0)} ms (first ${k.firstMs.toFixed(0)} ms), server CPU ${(k.cpuMsPerKeystroke ?? NaN).toFixed(1)} ms per keystroke; peak RSS ${(k.peakRssBytes === undefined ? NaN : k.peakRssBytes / 1e6).toFixed(0)} MB`,
    );
  }
}
