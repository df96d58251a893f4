import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { fileUri, REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';
import { positionOf } from '../support/positions';

const SEED_PATH = path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir');
const SEED = fs.readFileSync(SEED_PATH, 'utf8');
const URI = fileUri(SEED_PATH);

/** 0-based position of the nth occurrence of `needle` (+ delta characters). */
const pos = (needle: string, nth = 0, delta = 0): proto.Position => positionOf(SEED, needle, { nth, delta });

describe('protocol: navigation on the seed example', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
    await lsp.open(URI, SEED);
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('goes to the definition of %8 from its use in %9', async () => {
    const result = (await lsp.connection.sendRequest(proto.DefinitionRequest.type, {
      textDocument: { uri: URI },
      position: pos('(%8)', 0, 2),
    })) as proto.Location[];
    const def = pos('%8 =');
    assert.deepStrictEqual(result, [
      { uri: URI, range: { start: def, end: { line: def.line, character: def.character + 2 } } },
    ]);
  });

  it('finds the references of #loc2 (two locs wrap it) with and without the declaration', async () => {
    const params = { textDocument: { uri: URI }, position: pos('#loc2 =', 0, 1) };
    const withDecl = await lsp.connection.sendRequest(proto.ReferencesRequest.type, {
      ...params,
      context: { includeDeclaration: true },
    });
    const uses = SEED.split('(#loc2)').length - 1;
    assert.strictEqual(withDecl?.length, uses + 1);
    const without = await lsp.connection.sendRequest(proto.ReferencesRequest.type, {
      ...params,
      context: { includeDeclaration: false },
    });
    assert.strictEqual(without?.length, uses);
  });

  it('outlines module > device_module > module > @main_const_eval_0, @main', async () => {
    const symbols = (await lsp.connection.sendRequest(proto.DocumentSymbolRequest.type, {
      textDocument: { uri: URI },
    })) as proto.DocumentSymbol[];
    const fns = symbols[0]!.children![0]!.children![0]!.children!;
    assert.deepStrictEqual(
      fns.map((f) => f.name),
      ['@main_const_eval_0', '@main'],
    );
    const main = fns[1]!;
    assert.strictEqual(main.kind, proto.SymbolKind.Function);
    assert.deepStrictEqual(main.selectionRange.start, pos('@main('));
  });

  it('folds the module bodies', async () => {
    const folds = await lsp.connection.sendRequest(proto.FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.ok(folds?.some((f) => f.startLine === pos('func.func @main').line && f.kind === 'region'));
  });
});
