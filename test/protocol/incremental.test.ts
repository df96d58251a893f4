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
      await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range, text: newText }],
      });
      await lsp.diagnostics(uri, version);
    }
    const incremental = await lsp.diagnostics(uri, version);
    const freshUri = 'untitled:fresh.mlir';
    await lsp.open(freshUri, text);
    const fresh = await lsp.diagnostics(freshUri, 1);
    assert.deepStrictEqual(normalized(incremental), normalized(fresh));
    assert.ok(incremental.diagnostics.length > 0);
  });

  it('answers hover, definition, references, inlay hints, outline and code lens after a run of in-place edits as a fresh open does', async () => {
    // The tree is edited in place (ranges shifted in a table, ops replaced in their blocks): every position-bearing
    // answer must still match a fresh parse of the same text. Seeded one-character edits inside ops, plus two edits
    // that add lines (which re-parse everything), each waited for.
    const uri = 'untitled:many-edits.mlir';
    await lsp.open(uri, SEED);
    await lsp.diagnostics(uri, 1);
    let text = SEED;
    let version = 1;
    let state = 12345;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 40; k++) {
      // A space or a digit after a random ", " inside an op line, or (twice) a new comment line before an op.
      const newLine = k === 13 || k === 29;
      const anchors: number[] = [];
      const re = newLine ? /\n( +)"ttnn\./g : /^ +%\d+ = "ttnn\.[^\n]*?, /gm;
      for (let m = re.exec(text); m !== null; m = re.exec(text))
        anchors.push(newLine ? m.index + 1 : m.index + m[0].length);
      const start = anchors[Math.floor(next() * anchors.length)]!;
      const newText = newLine ? '// note\n' : next() < 0.5 ? ' ' : '';
      if (newText === '') continue;
      const index = new LineIndex(text);
      text = text.slice(0, start) + newText + text.slice(start);
      version++;
      await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: index.position(start), end: index.position(start) }, text: newText }],
      });
      await lsp.diagnostics(uri, version);
    }
    const freshUri = 'untitled:many-edits-fresh.mlir';
    await lsp.open(freshUri, text);
    await lsp.diagnostics(freshUri, 1);

    const ask = async (target: string): Promise<unknown[]> => {
      const doc = { textDocument: { uri: target } };
      const index = new LineIndex(text);
      const answers: unknown[] = [];
      // Every result name and every operand use of every op.
      const re = /%[\w#]+/g;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const position = index.position(m.index + 1);
        answers.push(await lsp.connection.sendRequest(proto.HoverRequest.type, { ...doc, position }));
        answers.push(await lsp.connection.sendRequest(proto.DefinitionRequest.type, { ...doc, position }));
        answers.push(
          await lsp.connection.sendRequest(proto.ReferencesRequest.type, {
            ...doc,
            position,
            context: { includeDeclaration: true },
          }),
        );
      }
      const whole = { start: { line: 0, character: 0 }, end: index.position(text.length) };
      answers.push(await lsp.connection.sendRequest(proto.InlayHintRequest.type, { ...doc, range: whole }));
      answers.push(await lsp.connection.sendRequest(proto.DocumentSymbolRequest.type, doc));
      answers.push(await lsp.connection.sendRequest(proto.CodeLensRequest.type, doc));
      answers.push(await lsp.connection.sendRequest(proto.FoldingRangeRequest.type, doc));
      // The hover's breakdown link carries the document URI URL-encoded.
      return JSON.parse(
        JSON.stringify(answers).split(target).join('<self>').split(encodeURIComponent(target)).join('<self>'),
      ) as unknown[];
    };
    const edited = await ask(uri);
    const fresh = await ask(freshUri);
    assert.ok(edited.length > 100, `${edited.length} answers`);
    assert.deepStrictEqual(edited, fresh);
  });
});
