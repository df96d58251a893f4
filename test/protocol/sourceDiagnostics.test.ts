/**
 * A dump's L1 failures in the Python source its `loc`s name (issue #17 item 8): opening the seed in a workspace that
 * holds the model file puts the %9 error on the F.pad line of that file, linking back to the op. Closing the dump as
 * saved keeps it (VS Code closes a dump's preview tab when the .py is opened from the explorer) until the dump's file
 * changes on disk; closing it with unsaved edits withdraws it. As a push client and as a pull client (which pulls
 * only `mlir` documents).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, diagnosticText, fileUri, startLsp, type LspSession } from '../support/lspProcess';

const SEED = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');
const PYTHON = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi/single_ops.py'), 'utf8');

function workspace(): { dir: string; dumpUri: string; pyUri: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-py-'));
  fs.writeFileSync(path.join(dir, 'model.mlir'), SEED);
  fs.mkdirSync(path.join(dir, 'mochi'));
  fs.writeFileSync(path.join(dir, 'mochi', 'single_ops.py'), PYTHON);
  return {
    dir,
    dumpUri: fileUri(path.join(dir, 'model.mlir')),
    pyUri: fileUri(path.join(dir, 'mochi', 'single_ops.py')),
  };
}

for (const pull of [false, true]) {
  describe(`protocol: L1 failures in the Python source (${pull ? 'pull' : 'push'} client)`, () => {
    let lsp: LspSession;
    const ws = workspace();
    before(async () => {
      lsp = await startLsp({ workspaceFolder: ws.dir, pullDiagnostics: pull });
    });
    after(async () => {
      assert.strictEqual(await lsp.shutdown(), 0);
    });

    it('puts the %9 error on the loc line of the model file, with a link back to the op', async () => {
      const pyDiagnostics = lsp.diagnostics(ws.pyUri);
      await lsp.open(ws.dumpUri, SEED);
      if (pull)
        await lsp.connection.sendRequest(proto.DocumentDiagnosticRequest.type, { textDocument: { uri: ws.dumpUri } });
      const published = await pyDiagnostics;
      // %9's loc is single_ops.py:16 (1-based): line 15 in the protocol.
      const error = published.diagnostics.find((d) => d.severity === proto.DiagnosticSeverity.Error);
      assert.ok(error !== undefined, JSON.stringify(published.diagnostics).slice(0, 400));
      assert.strictEqual(error.range.start.line, 15);
      assert.match(diagnosticText(error.message), /^model\.mlir: .*%9 ttnn\.to_layout.*9,990,400 B/);
      assert.strictEqual(error.relatedInformation?.[0]?.location.uri, ws.dumpUri);
      assert.match(PYTHON.split('\n')[15]!, /F\.pad/);
    });

    /** The diagnostics lists published for the Python file after the first `from` publications of the session. */
    function pyPublishedSince(from: number): proto.Diagnostic[][] {
      return lsp.published
        .slice(from)
        .filter((p) => p.uri === ws.pyUri)
        .map((p) => p.diagnostics);
    }

    /** A request answered after every notification sent before it (the server handles messages in order). */
    async function roundTrip(): Promise<void> {
      await lsp.connection.sendRequest(proto.HoverRequest.type, {
        textDocument: { uri: ws.pyUri },
        position: { line: 0, character: 0 },
      });
    }

    it('keeps them when the dump closes as saved, and withdraws them when its file changes on disk', async () => {
      const from = lsp.published.length;
      await lsp.connection.sendNotification(proto.DidCloseTextDocumentNotification.type, {
        textDocument: { uri: ws.dumpUri },
      });
      await roundTrip();
      assert.deepStrictEqual(
        pyPublishedSince(from),
        [],
        'nothing published for the Python file when the saved dump closes',
      );
      await lsp.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: ws.dumpUri, type: proto.FileChangeType.Changed }],
      });
      await roundTrip();
      assert.deepStrictEqual(pyPublishedSince(from), [[]]);
    });

    it('withdraws them when a dump with unsaved edits closes', async () => {
      const opened = lsp.published.length;
      // The editor's text differs from the file (an unsaved comment); its failures are the same.
      await lsp.open(ws.dumpUri, SEED + '\n// unsaved\n', 2);
      if (pull)
        await lsp.connection.sendRequest(proto.DocumentDiagnosticRequest.type, { textDocument: { uri: ws.dumpUri } });
      for (let i = 0; i < 200 && pyPublishedSince(opened).length === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(
        pyPublishedSince(opened)[0]?.some((d) => d.severity === proto.DiagnosticSeverity.Error),
        'the reopened dump says it again',
      );
      const from = lsp.published.length;
      await lsp.connection.sendNotification(proto.DidCloseTextDocumentNotification.type, {
        textDocument: { uri: ws.dumpUri },
      });
      await roundTrip();
      assert.deepStrictEqual(pyPublishedSince(from), [[]]);
    });
  });
}

describe('protocol: L1 failures in the Python source from a dump "Check workspace" analysed unopened', () => {
  let lsp: LspSession;
  const ws = workspace();
  before(async () => {
    lsp = await startLsp({ workspaceFolder: ws.dir });
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('puts the %9 error on the loc line, and withdraws it when the dump changes on disk', async () => {
    const pyDiagnostics = lsp.diagnostics(ws.pyUri);
    const result = await lsp.connection.sendRequest('ttnnL1/checkFiles', { uris: [ws.dumpUri] });
    assert.ok(JSON.stringify(result).includes('"overflowCount"'), JSON.stringify(result));
    const published = await pyDiagnostics;
    const error = published.diagnostics.find((d) => d.severity === proto.DiagnosticSeverity.Error);
    assert.ok(error !== undefined, JSON.stringify(published.diagnostics).slice(0, 400));
    // %9's loc is single_ops.py:16 (1-based): line 15 in the protocol.
    assert.strictEqual(error.range.start.line, 15);
    assert.match(diagnosticText(error.message), /^model\.mlir: .*%9 ttnn\.to_layout.*9,990,400 B/);
    assert.strictEqual(error.relatedInformation?.[0]?.location.uri, ws.dumpUri);
    // Nothing is published for the unopened dump itself.
    assert.ok(!lsp.published.some((p) => p.uri === ws.dumpUri));

    const from = lsp.published.length;
    await lsp.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: ws.dumpUri, type: proto.FileChangeType.Changed }],
    });
    // A request answered after the notification (the server handles messages in order).
    await lsp.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri: ws.pyUri },
      position: { line: 0, character: 0 },
    });
    const after = lsp.published.slice(from).filter((p) => p.uri === ws.pyUri);
    assert.deepStrictEqual(
      after.map((p) => p.diagnostics),
      [[]],
    );
  });
});
