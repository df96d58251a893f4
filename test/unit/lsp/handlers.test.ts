/**
 * lsp/handlers.ts ordering: answers about the whole document (outline, folding, code lenses, timeline) that waited for
 * the same analysis as the diagnostics let the diagnostics' write go first, and are not computed once cancelled. The
 * JSON-RPC writer sends from a later turn of the event loop (setImmediate); the diagnostics side is simulated so.
 */

import * as assert from 'node:assert/strict';
import * as lsp from 'vscode-languageserver';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features';
import * as handlers from '../../../server/src/lsp/handlers';
import type { AnalyzedDocument } from '../../../server/src/lsp/outcome';
import { handlerContext } from '../../support/handlerContext';
import { SEED } from '../../support/seedVariants';

const URI = 'untitled:seed.mlir';

/** A context whose analysis of URI is in progress until `finish` is called. */
function analysisInProgress(): { ctx: handlers.DocumentContext; finish: () => void; done: Promise<unknown> } {
  const doc = analyzeDocument(SEED, DEFAULT_ANALYSIS_SETTINGS);
  const analyzed: AnalyzedDocument = { uri: URI, version: 1, settingsGeneration: 0, outcome: { kind: 'ok', doc } };
  let finish: () => void = () => undefined;
  const done = new Promise<AnalyzedDocument>((resolve) => (finish = () => resolve(analyzed)));
  const ctx = handlerContext(() => done);
  return { ctx, finish, done };
}

/** The diagnostics of URI, then their write from the next turn of the event loop, as the JSON-RPC writer does. */
function writeDiagnostics(ctx: handlers.DocumentContext, events: string[]): Promise<void> {
  return handlers.diagnosticItems(ctx, URI).then(
    (items) =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          events.push(`diagnostics written (${items?.items.length ?? 'none'})`);
          resolve();
        }),
      ),
  );
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('lsp handlers: whole-document answers after the diagnostics', () => {
  const wholeDocument: [string, (ctx: handlers.DocumentContext, token: lsp.CancellationToken) => Promise<unknown>][] = [
    ['outline', (ctx, token) => handlers.onDocumentSymbol(ctx, { textDocument: { uri: URI } }, token)],
    ['folding', (ctx, token) => handlers.onFoldingRanges(ctx, { textDocument: { uri: URI } }, token)],
    ['code lenses', (ctx, token) => handlers.onCodeLens(ctx, { textDocument: { uri: URI } }, token)],
    ['timeline', (ctx, token) => handlers.onTimeline(ctx, { uri: URI }, token)],
  ];

  for (const [name, request] of wholeDocument) {
    it(`answers the ${name}, requested first, after the diagnostics are written`, async () => {
      const { ctx, finish } = analysisInProgress();
      const events: string[] = [];
      const answer = request(ctx, lsp.CancellationToken.None).then(() => void events.push(name));
      const written = writeDiagnostics(ctx, events);
      finish();
      await Promise.all([answer, written]);
      const nDiagnostics = (await handlers.diagnosticItems(ctx, URI))!.items.length;
      assert.ok(nDiagnostics > 0, 'the seed has diagnostics');
      assert.deepEqual(events, [`diagnostics written (${nDiagnostics})`, name]);
    });
  }

  it('waits for a diagnostic pull handled a few turns later (read behind other requests)', async () => {
    const { ctx, finish, done } = analysisInProgress();
    const events: string[] = [];
    const answer = handlers
      .onDocumentSymbol(ctx, { textDocument: { uri: URI } }, lsp.CancellationToken.None)
      .then(() => void events.push('outline'));
    // JSON-RPC handles one message per turn: the pull is handled after the three requests read before it.
    const written = done.then(() => turns(3)).then(() => writeDiagnostics(ctx, events));
    finish();
    await Promise.all([answer, written]);
    assert.deepEqual(events.slice(1), ['outline']);
  });

  it('does not compute an outline the client cancelled while the analysis finished', async () => {
    const { ctx, finish, done } = analysisInProgress();
    const cancellation = new lsp.CancellationTokenSource();
    const answer = handlers.onDocumentSymbol(ctx, { textDocument: { uri: URI } }, cancellation.token);
    // The client's $/cancelRequest (it sends one on the next keystroke) is read before the outline is computed.
    void done.then(() => setImmediate(() => cancellation.cancel()));
    finish();
    await assert.rejects(
      answer,
      (e: unknown) => e instanceof lsp.ResponseError && e.code === lsp.LSPErrorCodes.RequestCancelled,
    );
  });

  it('still answers the outline when nothing else is waiting', async () => {
    const { ctx, finish } = analysisInProgress();
    finish();
    const symbols = await handlers.onDocumentSymbol(ctx, { textDocument: { uri: URI } }, lsp.CancellationToken.None);
    assert.ok(symbols.length > 0);
  });
});
