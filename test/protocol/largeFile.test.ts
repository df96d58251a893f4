/**
 * Files over 10 MB: the server reports work-done progress while it analyses, then publishes as usual; a keystroke
 * applied in place gets no progress (its round trip to the client would cost more than the edit).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';

const SEED = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');
// 11 MB of comment lines after the seed: large enough for progress, cheap to analyse.
const PADDING = '// padding line to make the file large ...............................................\n'.repeat(
  130_000,
);

describe('protocol: large file', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp({ progress: true });
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('reports progress for a file over 10 MB and still finds the seed failure', async () => {
    const text = SEED + PADDING;
    assert.ok(text.length > 10 * 1024 * 1024);
    const uri = 'untitled:large.mlir';
    await lsp.open(uri, text);
    const published = await lsp.diagnostics(uri, 1);
    assert.deepStrictEqual(lsp.progressBegins, ['TTNN L1']);
    const errors = published.diagnostics.filter((d) => d.severity === proto.DiagnosticSeverity.Error);
    assert.deepStrictEqual(
      errors.map((d) => d.code),
      ['l1-cb-overflow'],
    );
  });

  it('reports no progress for a keystroke inside an op, and publishes its version', async () => {
    const text = SEED + PADDING;
    const uri = 'untitled:typed.mlir';
    await lsp.open(uri, text);
    await lsp.diagnostics(uri, 1);
    const before = lsp.progressBegins.length;
    // A space after the first comma of %9's op line: the op still parses, the edit is applied in place.
    const line = SEED.split('\n').findIndex((l) => l.includes('%9 = "ttnn.to_layout"'));
    const character = SEED.split('\n')[line]!.indexOf(', ') + 1;
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ' ' }],
    });
    const published = await lsp.diagnostics(uri, 2);
    assert.ok(published.diagnostics.some((d) => d.code === 'l1-cb-overflow'));
    assert.strictEqual(lsp.progressBegins.length, before);
  });
});
