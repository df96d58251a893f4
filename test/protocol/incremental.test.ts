/**
 * Edits inside ops take the incremental path (only the edited op is re-parsed); the diagnostics must be exactly
 * those of a fresh open of the same final text.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/text/lineIndex';
import { REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';

const SEED = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');

/** Diagnostics without the document's own URI, so two documents with the same text compare equal. */
function normalized(p: proto.PublishDiagnosticsParams): unknown {
  return JSON.parse(JSON.stringify(p.diagnostics).split(p.uri).join('<self>'));
}

describe('protocol: incremental re-parse', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('publishes after in-op edits exactly what a fresh open of the final text publishes', async () => {
    const uri = 'untitled:edited.mlir';
    await lsp.open(uri, SEED);
    await lsp.diagnostics(uri, 1);
    let text = SEED;
    // Edits inside ops before, at and after the failing %9 (types, shapes, attribute values), one version each.
    const edits: [string, number, string, number][] = [
      ['%6 = "ttnn.to_layout"', 40, ' ', 0],
      ['%9 = "ttnn.to_layout"', 60, '  ', 0],
      ['%12 = "ttnn.permute"', 50, '', 1],
      ['"ttnn.embedding"(%arg3, %9)', 5, 'x', 0],
    ];
    let version = 1;
    for (const [anchor, offsetInOp, newText, deleteCount] of edits) {
      const start = text.indexOf(anchor) + offsetInOp;
      const index = new LineIndex(text);
      const range = { start: index.position(start), end: index.position(start + deleteCount) };
      text = text.slice(0, start) + newText + text.slice(start + deleteCount);
      version++;
      await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
      await lsp.diagnostics(uri, version);
    }
    const incremental = await lsp.diagnostics(uri, version);
    const freshUri = 'untitled:fresh.mlir';
    await lsp.open(freshUri, text);
    const fresh = await lsp.diagnostics(freshUri, 1);
    assert.deepStrictEqual(normalized(incremental), normalized(fresh));
    assert.ok(incremental.diagnostics.length > 0);
  });
});
