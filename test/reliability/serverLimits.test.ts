/**
 * The language server with bad documents: one too big for its heap gets one diagnostic saying so (instead of a V8
 * abort and a restart loop), prose gets one "no MLIR operations" diagnostic, and the server keeps serving others.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as proto from 'vscode-languageserver-protocol/node';
import * as os from 'node:os';
import { fileUri, REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';

const SEED_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');

function messageOf(d: proto.Diagnostic): string {
  return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}

describe('reliability: server limits', function () {
  this.timeout(120_000);
  let lsp: LspSession;
  const previous = process.env.NODE_OPTIONS;

  before(async () => {
    // The spawned server inherits NODE_OPTIONS: a 160 MB old space cannot hold the analysis of a 12 MB document.
    process.env.NODE_OPTIONS = '--max-old-space-size=160';
    try {
      lsp = await startLsp();
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
  });
  after(async () => {
    assert.equal(await lsp.shutdown(), 0);
  });

  it('a document too large for the heap: one diagnostic with the way out, and the server lives on', async () => {
    const big =
      SEED_TEXT +
      '// padding line to make the file large ...............................................\n'.repeat(140_000);
    assert.ok(big.length > 12_000_000);
    await lsp.open('untitled:huge.mlir', big);
    const published = await lsp.diagnostics('untitled:huge.mlir', 1);
    assert.equal(published.diagnostics.length, 1);
    assert.match(
      messageOf(published.diagnostics[0]!),
      /needs about [\d.]+ GB of JavaScript heap.*max-old-space-size=\d+/,
    );
    // A limit, not a bug: its own code, and no "please report it".
    assert.equal(published.diagnostics[0]!.code, 'too-large');
    assert.doesNotMatch(messageOf(published.diagnostics[0]!), /report/i);

    await lsp.open('untitled:small.mlir', SEED_TEXT);
    const small = await lsp.diagnostics('untitled:small.mlir', 1);
    assert.ok(small.diagnostics.some((d) => d.code === 'l1-cb-overflow'));
    const hover = await lsp.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri: 'untitled:small.mlir' },
      position: { line: 36, character: 10 },
    });
    assert.ok(hover !== null);
  });

  it('Check workspace: a file too large for this heap is refused with the way out, not read into an abort', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-limits-'));
    try {
      const big = path.join(dir, 'big.mlir');
      fs.writeFileSync(
        big,
        SEED_TEXT +
          '// padding line to make the file large ...............................................\n'.repeat(140_000),
      );
      const result = (await lsp.connection.sendRequest('ttnnL1/checkFiles', {
        uris: [fileUri(big), fileUri(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'))],
      })) as { files: { overflowCount: number; error?: string }[] };
      assert.match(result.files[0]!.error ?? '', /needs about [\d.]+ GB of JavaScript heap.*max-old-space-size=\d+/);
      assert.ok(result.files[1]!.overflowCount > 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prose gets one "No MLIR operations found" diagnostic, not one per line', async () => {
    const prose = 'just some prose\nand more words here\n'.repeat(200);
    await lsp.open('untitled:notes.mlir', prose);
    const published = await lsp.diagnostics('untitled:notes.mlir', 1);
    assert.equal(published.diagnostics.length, 1);
    assert.match(
      messageOf(published.diagnostics[0]!),
      /No MLIR operations found; is this an MLIR file\? \(custom op 'just' is unknown\)/,
    );
  });
});
