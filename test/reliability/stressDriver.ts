/**
 * Drives the real bundled server through a long editing session: seeded random edits through incremental didChange,
 * with hovers, code actions, inlay hints and outlines in between; then compares the final diagnostics with a fresh
 * analysis of the final text (a second document opened with it). Shared by test/reliability/stress.test.ts (short)
 * and bench/stress.ts (10k edits, prints RSS).
 */

import * as fs from 'node:fs';
import * as proto from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startLsp, type LspSession } from '../support/lspProcess';
import { makeRandom } from '../../bench/random';

export interface StressOptions {
  readonly edits: number;
  readonly seed: number;
  /** One request (hover, code action, inlay hints or outline, in turn) after every this many edits. */
  readonly requestEvery: number;
  readonly text: string;
  /** Called every `reportEvery` edits with the server's resident set size (bytes; undefined off Linux). */
  readonly onProgress?: (editsDone: number, rssBytes: number | undefined) => void;
  readonly reportEvery?: number;
  /** Extra documents to open alongside (e.g. one whose analysis is made to fail). */
  readonly alsoOpen?: readonly { readonly uri: string; readonly text: string }[];
}

export interface StressResult {
  readonly requests: Record<'hover' | 'codeAction' | 'inlayHint' | 'documentSymbol', number>;
  /** Requests answered with an error (any error at all fails the stress test). */
  readonly requestErrors: readonly string[];
  readonly finalText: string;
  readonly finalVersion: number;
  /** Diagnostics of the edited document at its final version, and of a fresh document with the same text. */
  readonly finalDiagnostics: readonly proto.Diagnostic[];
  readonly freshDiagnostics: readonly proto.Diagnostic[];
  readonly alsoOpenDiagnostics: readonly proto.PublishDiagnosticsParams[];
  readonly rssBytes: readonly number[];
  readonly exitCode: number | null;
  readonly stderr: string;
}

const SNIPPETS = [
  '1',
  '32',
  'x',
  'x64',
  '0',
  '%',
  '<',
  '>',
  '(',
  ')',
  '{',
  '}',
  ' ',
  '\n',
  'bf16',
  'f32',
  '#dram',
  '#l1',
  '"ttnn.relu"',
  '99999999999999999999',
  '-1',
  ', ',
  ': ',
  'loc(',
  '\u00e9',
  '\u{1F600}',
];

export function rssOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb === null ? undefined : Number(kb[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Strips what legitimately differs between two documents with the same text (the uri in related information). */
export function comparable(diagnostics: readonly proto.Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: (d.relatedInformation ?? []).map((r) => ({ range: r.location.range, message: r.message })),
  }));
}

export async function runStress(options: StressOptions): Promise<StressResult> {
  const random = makeRandom(options.seed);
  const lsp: LspSession = await startLsp();
  const uri = 'untitled:stress.mlir';
  let doc = TextDocument.create(uri, 'mlir', 1, options.text);
  await lsp.open(uri, options.text, 1);
  await lsp.diagnostics(uri, 1);
  for (const other of options.alsoOpen ?? []) await lsp.open(other.uri, other.text, 1);

  const requests = { hover: 0, codeAction: 0, inlayHint: 0, documentSymbol: 0 };
  const requestErrors: string[] = [];
  const rssBytes: number[] = [];
  const position = (offset: number): proto.Position => doc.positionAt(offset);

  const request = async (k: number): Promise<void> => {
    const text = doc.getText();
    const at = position(Math.floor(random() * (text.length + 1)));
    const textDocument = { uri };
    try {
      switch (k % 4) {
        case 0:
          requests.hover++;
          await lsp.connection.sendRequest(proto.HoverRequest.type, { textDocument, position: at });
          break;
        case 1: {
          requests.codeAction++;
          // On a diagnostic when there is one (that is where quick fixes are computed), else at a random line. The
          // session's latest publish (lspProcess keeps it; another notification handler would replace its own).
          const latestDiagnostics = (await lsp.diagnostics(uri)).diagnostics;
          const d =
            latestDiagnostics.length > 0
              ? latestDiagnostics[Math.floor(random() * latestDiagnostics.length)]
              : undefined;
          const range = d?.range ?? { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } };
          await lsp.connection.sendRequest(proto.CodeActionRequest.type, {
            textDocument,
            range,
            context: { diagnostics: d === undefined ? [] : [d] },
          });
          break;
        }
        case 2:
          requests.inlayHint++;
          await lsp.connection.sendRequest(proto.InlayHintRequest.type, {
            textDocument,
            range: { start: { line: 0, character: 0 }, end: position(text.length) },
          });
          break;
        case 3:
          requests.documentSymbol++;
          await lsp.connection.sendRequest(proto.DocumentSymbolRequest.type, { textDocument });
          break;
      }
    } catch (error) {
      requestErrors.push(
        `${['hover', 'codeAction', 'inlayHint', 'documentSymbol'][k % 4]}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const originalLines = options.text.split('\n');
  let nRequests = 0;
  for (let i = 0; i < options.edits; i++) {
    const text = doc.getText();
    const start = Math.floor(random() * (text.length + 1));
    // Keep the document about its original size (and so still MLIR-like): grow it back with original lines when edits
    // have eaten it, trim whole lines when it has grown.
    const roll =
      text.length < 0.7 * options.text.length ? 0.9 : text.length > 1.5 * options.text.length ? 0.5 : random();
    let change: { range: proto.Range; text: string };
    if (roll >= 0.85) {
      const line = originalLines[Math.floor(random() * originalLines.length)] ?? '';
      const at = doc.positionAt(start).line;
      change = { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: `${line}\n` };
    } else if (roll < 0.4 || text.length === 0) {
      change = {
        range: { start: position(start), end: position(start) },
        text: SNIPPETS[Math.floor(random() * SNIPPETS.length)],
      };
    } else if (roll < 0.65) {
      const end = Math.min(
        text.length,
        roll === 0.5 ? text.indexOf('\n', start) + 1 || text.length : start + 1 + Math.floor(random() * 12),
      );
      change = { range: { start: position(start), end: position(end) }, text: '' };
    } else {
      // Retype a number (the edit users make most: a shape, a grid, a core count).
      const m = /\d+/.exec(text.slice(start));
      const s = m === null ? start : start + m.index;
      const e = m === null ? start : s + m[0].length;
      change = { range: { start: position(s), end: position(e) }, text: String(Math.floor(random() * 5000)) };
    }
    const version = doc.version + 1;
    doc = TextDocument.update(doc, [change], version);
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    if ((i + 1) % options.requestEvery === 0) await request(nRequests++);
    if (options.reportEvery !== undefined && (i + 1) % options.reportEvery === 0) {
      const rss = rssOf(lsp.child.pid);
      if (rss !== undefined) rssBytes.push(rss);
      options.onProgress?.(i + 1, rss);
    }
  }

  const finalText = doc.getText();
  const finalVersion = doc.version;
  const final = await lsp.diagnostics(uri, finalVersion);
  const freshUri = 'untitled:fresh.mlir';
  await lsp.open(freshUri, finalText, 1);
  const fresh = await lsp.diagnostics(freshUri, 1);
  const alsoOpenDiagnostics: proto.PublishDiagnosticsParams[] = [];
  for (const other of options.alsoOpen ?? []) alsoOpenDiagnostics.push(await lsp.diagnostics(other.uri, 1));
  const rss = rssOf(lsp.child.pid);
  if (rss !== undefined) rssBytes.push(rss);
  const exitCode = await lsp.shutdown();
  return {
    requests,
    requestErrors,
    finalText,
    finalVersion,
    finalDiagnostics: final.diagnostics,
    freshDiagnostics: fresh.diagnostics,
    alsoOpenDiagnostics,
    rssBytes,
    exitCode,
    stderr: lsp.stderr(),
  };
}
