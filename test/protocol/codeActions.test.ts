/**
 * Quick fixes over the real server on the seed: the replicate-pad rewrites and the Python F.pad edit are offered on
 * %9, each applies cleanly, and after the constant-pad rewrite the first failure moves to the conv3d (the seed's point),
 * whose conv3d_config blocking fix then leaves no error.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/text/lineIndex';
import { fileUri, REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';
import { lineOf } from '../support/positions';

const SEED_PATH = path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir');
const SEED = fs.readFileSync(SEED_PATH, 'utf8');
const URI = fileUri(SEED_PATH);
const PY_PATH = path.join(REPO_ROOT, 'examples/mochi/single_ops.py');

function applyEdits(text: string, edits: readonly proto.TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => index.offset(b.range.start) - index.offset(a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, index.offset(e.range.start)) + e.newText + out.slice(index.offset(e.range.end));
  return out;
}

describe('protocol: code actions on the seed', () => {
  let lsp: LspSession;
  let actions: proto.CodeAction[];
  before(async () => {
    lsp = await startLsp();
    await lsp.open(URI, SEED);
    const published = await lsp.diagnostics(URI, 1);
    const line = lineOf(SEED, '%9 =');
    const range = { start: { line, character: 9 }, end: { line, character: 9 } };
    const diagnostics = published.diagnostics.filter((d) => d.range.start.line === line);
    actions = (await lsp.connection.sendRequest(proto.CodeActionRequest.type, {
      textDocument: { uri: URI },
      range,
      context: { diagnostics },
    })) as proto.CodeAction[];
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('offers verified quick fixes attached to the %9 Error, one preferred', () => {
    assert.ok(actions.length >= 3, actions.map((a) => a.title).join('\n'));
    assert.ok(
      actions.every((a) => a.kind === proto.CodeActionKind.QuickFix && a.diagnostics?.[0]?.code === 'l1-cb-overflow'),
    );
    assert.strictEqual(actions.filter((a) => a.isPreferred === true).length, 1);
  });

  it('edits the Python source to constant padding in the F.pad call the loc names (line 16)', () => {
    const py = actions.find((a) => Object.keys(a.edit?.changes ?? {}).includes(fileUri(PY_PATH)))!;
    assert.ok(py !== undefined, 'no Python fix');
    const before = fs.readFileSync(PY_PATH, 'utf8');
    const after = applyEdits(before, py.edit!.changes![fileUri(PY_PATH)]!);
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    assert.strictEqual(changed.length, 1);
    assert.strictEqual(lineOf(after, changed[0]!), 15);
    assert.match(changed[0]!, /F\.pad\(x, self\.time_causal_padding, mode="constant", value=0\)/);
  });

  it('the preferred fix is slice + concat with the proven indices', () => {
    const preferred = actions.find((a) => a.isPreferred === true)!;
    assert.match(
      preferred.title,
      /^Rewrite the replicate pad as slice \+ concat \(same values: indices \[0, 0, 0, 1, 2, 3\] proven by ttnn\.constant in @main_const_eval_0/,
    );
  });

  it('after the constant-pad rewrite, %9 is gone and tt-metal fails first at the conv3d', async () => {
    const rewrite = actions.find((a) => a.title.startsWith('Replace the replicate-pad chain'))!;
    assert.match(rewrite.title, /then %24 ttnn\.conv3d fails first \(checked for tt-metal 2025-09-17\.\.2026-01-18\)$/);
    const fixed = applyEdits(SEED, rewrite.edit!.changes![URI]!);
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const published = await lsp.diagnostics(URI, 2);
    const errors = published.diagnostics.filter((d) => d.severity === proto.DiagnosticSeverity.Error);
    assert.deepStrictEqual(
      errors.map((d) => d.range.start.line),
      [lineOf(fixed, '%24 = "ttnn.conv3d"')],
    );
    assert.ok(!fixed.includes('%9 = "ttnn.to_layout"'));
    // The conv3d then gets its conv3d_config blocking fix (fixes/conv3dConfig.ts), and applying it leaves no error.
    const line = lineOf(fixed, '%24 = "ttnn.conv3d"');
    const diagnostics = published.diagnostics.filter((d) => d.range.start.line === line);
    const conv = (await lsp.connection.sendRequest(proto.CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line, character: 9 }, end: { line, character: 9 } },
      context: { diagnostics },
    })) as proto.CodeAction[];
    const blocking = conv.find((a) => a.title.startsWith('Set conv3d_config blocking'));
    assert.ok(blocking !== undefined, conv.map((a) => a.title).join('\n'));
    const blocked = applyEdits(fixed, blocking.edit!.changes![URI]!);
    assert.match(
      blocked,
      /conv3d_config = #ttnn\.conv3d_config<[^>]*c_in_block = \d+, compute_with_storage_grid_size = #ttcore\.grid<8x8>>/,
    );
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ text: blocked }],
    });
    const after = await lsp.diagnostics(URI, 3);
    assert.deepStrictEqual(
      after.diagnostics.filter((d) => d.severity === proto.DiagnosticSeverity.Error).map((d) => d.message),
      [],
    );
  });
});

describe('protocol: the config-tensors-in-DRAM fix on an L1_SMALL failure', () => {
  // tt-mlir #5768's conv_transpose2d at tt-metal 2025-10-27 (tt-mlir's runtime then opened 32 KiB of L1_SMALL): the
  // reader indices (19,808 B per bank) do not fit after the halo's 15,040 B (test/unit/fixes/configTensorsInDram.test.ts).
  const FILE = path.join(REPO_ROOT, 'test/fixtures/threads/conv_transpose2d_tt-mlir-5768.mlir');
  const TEXT = fs.readFileSync(FILE, 'utf8');
  const FILE_URI = fileUri(FILE);
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp({ settings: { ttMetalDate: '2025-10-27' } });
    await lsp.open(FILE_URI, TEXT);
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('is offered on the l1-small-out-of-memory Error, and applying it leaves no error', async () => {
    const published = await lsp.diagnostics(FILE_URI, 1);
    const line = lineOf(TEXT, '%0 = "ttnn.conv_transpose2d"');
    const diagnostics = published.diagnostics.filter((d) => d.range.start.line === line);
    assert.deepStrictEqual(
      diagnostics.map((d) => d.code),
      ['l1-small-out-of-memory'],
    );
    const actions = (await lsp.connection.sendRequest(proto.CodeActionRequest.type, {
      textDocument: { uri: FILE_URI },
      range: { start: { line, character: 9 }, end: { line, character: 9 } },
      context: { diagnostics },
    })) as proto.CodeAction[];
    const dram = actions.find((a) => a.title.startsWith('Set conv2d_config config_tensors_in_dram = true'));
    assert.ok(dram !== undefined, actions.map((a) => a.title).join('\n'));
    assert.match(dram.title, /no op overflows after this \(checked for tt-metal 2025-10-27\)$/);
    const fixed = applyEdits(TEXT, dram.edit!.changes![FILE_URI]!);
    assert.match(fixed, /enable_kernel_stride_folding = false, config_tensors_in_dram = true>/);
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: FILE_URI, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const after = await lsp.diagnostics(FILE_URI, 2);
    assert.deepStrictEqual(
      after.diagnostics.filter((d) => d.severity === proto.DiagnosticSeverity.Error).map((d) => d.message),
      [],
    );
  });
});
