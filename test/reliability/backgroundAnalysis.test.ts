/**
 * Documents over `ttnnL1.backgroundAnalysisMB` are analysed in a worker thread: requests on other documents are
 * answered meanwhile, results equal an in-process analysis, and a newer version cancels the stale job.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { generateTtnnModule } from '../../bench/generate';
import * as ext from '../../server/src/lsp/ext';
import { LineIndex } from '../../server/src/text/lineIndex';
import { REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';

const SEED = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');
const OOM = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/corpus/oom_ttnn.mlir'), 'utf8');
// ~2.2 MB of comment lines: over the 1 MB threshold these tests set, cheap enough to analyse twice.
const PADDING = '// padding line to make the file large ...............................................\n'.repeat(
  25_000,
);
const BIG_V1 = SEED + PADDING;
const BIG_V2 = OOM + PADDING;
const SMALL = SEED;

describe('reliability: background analysis of large documents', () => {
  let background: LspSession;
  let inProcess: LspSession;
  before(async () => {
    background = await startLsp({ settings: { backgroundAnalysisMB: 1 } });
    // Default threshold (32 MB): the same texts analysed on the main thread, as the reference.
    inProcess = await startLsp({ settings: {} });
  });
  after(async () => {
    assert.strictEqual(await background.shutdown(), 0);
    assert.strictEqual(await inProcess.shutdown(), 0);
  });

  const inProcessDiagnostics = async (uri: string, text: string): Promise<proto.Diagnostic[]> => {
    await inProcess.open(uri, text);
    return (await inProcess.diagnostics(uri, 1)).diagnostics;
  };

  it('answers a hover on a small document before the big one is analysed, with the in-process diagnostics', async () => {
    assert.ok(BIG_V1.length > 1e6 && SMALL.length < 1e6);
    const big = 'untitled:big.mlir';
    const small = 'untitled:small.mlir';
    const bigDiagnostics = background.diagnostics(big, 1);
    await background.open(big, BIG_V1);
    await background.open(small, SMALL);
    // On %9's op name in the small copy of the seed: answered in-process with tt-metal's figure for it.
    const op9Line = SMALL.split('\n').findIndex((l) => l.includes('%9 = "ttnn.to_layout"'));
    const op9Character = SMALL.split('\n')[op9Line]!.indexOf('ttnn.to_layout');
    const hover = await background.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri: small },
      position: { line: op9Line, character: op9Character },
    });
    const published = await bigDiagnostics;
    // The big one runs in the worker, so the main thread answers the small one meanwhile; which reply comes first is
    // the scheduler's business (a fast machine may finish the big one first), so that order is not asserted.
    assert.ok(
      background.logMessages.some((m) => m.startsWith(`background analysis of ${big} version 1 (`)),
      'analysed in the worker',
    );
    assert.ok(
      !background.logMessages.some((m) => m.startsWith(`background analysis of ${small}`)),
      'the small one in-process',
    );
    assert.match(JSON.stringify(hover?.contents), /9,990,400 B/);
    const expected = await inProcessDiagnostics(big, BIG_V1);
    assert.ok(
      expected.some((d) => d.code === 'l1-cb-overflow'),
      'the seed failure is found',
    );
    assert.deepStrictEqual(published.diagnostics, expected);
    // A feature request on the big document is forwarded to its worker and answered like in-process.
    const overflow = expected.find((d) => d.code === 'l1-cb-overflow')!;
    const params = { textDocument: { uri: big }, position: overflow.range.start };
    const workerHover = await background.connection.sendRequest(proto.HoverRequest.type, params);
    const mainHover = await inProcess.connection.sendRequest(proto.HoverRequest.type, params);
    assert.ok(mainHover !== null);
    assert.deepStrictEqual(workerHover, mainHover);
    const symbols = { textDocument: { uri: big } };
    assert.deepStrictEqual(
      await background.connection.sendRequest(proto.DocumentSymbolRequest.type, symbols),
      await inProcess.connection.sendRequest(proto.DocumentSymbolRequest.type, symbols),
    );
  });

  it('applies in-op edits in place in the worker and publishes what the main thread would for the final text', async () => {
    const uri = 'untitled:typed-into.mlir';
    await background.open(uri, BIG_V1);
    await background.diagnostics(uri, 1);
    let text = BIG_V1;
    // Spaces typed after a comma inside op lines, one version each, each waited for.
    const anchors = [...SEED.matchAll(/^ +%\d+ = "ttnn\.[^\n]*?, /gm)].map((m) => m.index + m[0].length).slice(0, 4);
    let version = 1;
    for (const [k, at] of anchors.entries()) {
      const start = at + k; // each earlier space moved the later anchors by one
      const index = new LineIndex(text);
      text = text.slice(0, start) + ' ' + text.slice(start);
      version++;
      await background.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: index.position(start), end: index.position(start) }, text: ' ' }],
      });
      await background.diagnostics(uri, version);
    }
    assert.strictEqual(version, 5);
    const inPlace = background.logMessages.filter(
      (m) => m.startsWith(`background analysis of ${uri} version `) && m.endsWith('edits applied in place'),
    );
    assert.deepStrictEqual(inPlace.length, 4, background.logMessages.join('\n'));
    // Each version after the first travels to the worker as its one edit, never as the 2 MB text again.
    const started = background.logMessages.filter(
      (m) => m.startsWith(`background analysis of ${uri} version `) && m.endsWith(' started'),
    );
    assert.deepStrictEqual(
      started.map((m) => /version (\d+) \(2\.2 MB(, sent as 1 edit)?\)/.exec(m)?.slice(1)),
      [
        ['1', undefined],
        ['2', ', sent as 1 edit'],
        ['3', ', sent as 1 edit'],
        ['4', ', sent as 1 edit'],
        ['5', ', sent as 1 edit'],
      ],
    );
    const final = await background.diagnostics(uri, version);
    assert.deepStrictEqual(final.diagnostics, await inProcessDiagnostics(uri, text));
    // A request on it is answered from the edited tree like in-process.
    const overflow = final.diagnostics.find((d) => d.code === 'l1-cb-overflow')!;
    const params = { textDocument: { uri }, position: overflow.range.start };
    assert.deepStrictEqual(
      await background.connection.sendRequest(proto.HoverRequest.type, params),
      await inProcess.connection.sendRequest(proto.HoverRequest.type, params),
    );
  });

  it('imports a runtime log in the worker and re-publishes the document with the runtime failure', async () => {
    const uri = 'untitled:with-log.mlir';
    await background.open(uri, BIG_V1);
    await background.diagnostics(uri, 1);
    // The session's own publishDiagnostics handler records every publish (a second handler would replace it).
    const publishedBefore = background.published.length;
    const republished = (async (): Promise<proto.PublishDiagnosticsParams> => {
      for (;;) {
        const found = background.published
          .slice(publishedBefore)
          .find((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'runtime-failure'));
        if (found !== undefined) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const log = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/logs/seed_mochi.log'), 'utf8');
    const result = await background.connection.sendRequest<ext.ImportLogResult>(ext.IMPORT_LOG_METHOD, {
      uri,
      logText: log,
      logName: 'seed.log',
    });
    assert.strictEqual(result.mapped, true, result.message);
    const runtime = (await republished).diagnostics.find((d) => d.code === 'runtime-failure')!;
    assert.strictEqual(
      runtime.range.start.line,
      SEED.split('\n').findIndex((l) => l.includes('%9 = "ttnn.to_layout"')),
    );
  });

  it('cancels the first job when a second version arrives, and publishes only the final version', async () => {
    const uri = 'untitled:edited.mlir';
    // Ops to analyse, not comments: the first job must still run when the change arrives (BIG_V1 took ~60 ms in a
    // fresh worker, which a loaded machine can stall past).
    await background.open(uri, generateTtnnModule({ nOps: 20_000, seed: 3 }));
    // A request makes the version-1 analysis start now (not after the debounce); it ends cancelled, answered empty.
    const staleHover = background.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    await background.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: BIG_V2 }],
    });
    const final = await background.diagnostics(uri, 2);
    assert.strictEqual(await staleHover, null);
    assert.ok(
      background.logMessages.some((m) => m === `background analysis of ${uri} version 1 cancelled`),
      background.logMessages.join('\n'),
    );
    assert.deepStrictEqual(
      background.published.filter((p) => p.uri === uri).map((p) => p.version),
      [2],
    );
    assert.deepStrictEqual(final.diagnostics, await inProcessDiagnostics(uri, BIG_V2));
  });
});
