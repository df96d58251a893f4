/** The real server on a large corpus file (resnet, 1,115 ops): outline, hover, definition, references. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import * as ext from '../../server/src/lsp/ext';
import { fileUri, REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';
import { positionOf } from '../support/positions';

const FILE = path.join(REPO_ROOT, 'test/fixtures/corpus/tools/explorer/test/models/resnet_ttnn.mlir');
const TEXT = fs.readFileSync(FILE, 'utf8');
const URI = fileUri(FILE);
const LINES = TEXT.split('\n');

const posOf = (needle: string, from = 0): proto.Position => positionOf(TEXT, needle, { from });

describe('protocol: corpus resnet_ttnn.mlir', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
    await lsp.open(URI, TEXT);
    await lsp.diagnostics(URI, 1);
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('outlines every function with its op count', async () => {
    const symbols = (await lsp.connection.sendRequest(proto.DocumentSymbolRequest.type, {
      textDocument: { uri: URI },
    })) as proto.DocumentSymbol[];
    const functions: proto.DocumentSymbol[] = [];
    const visit = (s: proto.DocumentSymbol): void => {
      if (s.kind === proto.SymbolKind.Function) functions.push(s);
      else s.children?.forEach(visit);
    };
    symbols.forEach(visit);
    // Independent count: lines starting with `func.func` in the file.
    assert.strictEqual(functions.length, LINES.filter((l) => /^\s*func\.func /.test(l)).length);
    for (const f of functions) {
      // Ops of a function: the non-empty lines strictly between its header and its closing brace, one op per line.
      const header = f.range.start.line;
      const nOps = LINES.slice(header + 1, f.range.end.line).filter((l) => l.trim() !== '').length;
      assert.match(f.detail ?? '', new RegExp(`^${nOps} ops( · peak L1 \\d+%)?$`), f.name);
    }
  });

  it('hovers the first conv2d with its shapes as written', async () => {
    const at = TEXT.indexOf('"ttnn.conv2d"');
    const lineStart = TEXT.lastIndexOf('\n', at) + 1;
    const line = TEXT.slice(lineStart, TEXT.indexOf('\n', at));
    const result = /^\s*(%\w+) =/.exec(line)![1]!;
    const hover = await lsp.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri: URI },
      position: posOf('"ttnn.conv2d"'),
    });
    const markdown = (hover!.contents as proto.MarkupContent).value;
    assert.ok(markdown.startsWith(`**${result} ttnn.conv2d**`), markdown.split('\n')[0]);
    // The shapes are in the op's full breakdown, which the hover links to.
    const breakdown = await lsp.connection.sendRequest<ext.OpBreakdownResult | null>(ext.OP_BREAKDOWN_METHOD, {
      uri: URI,
      position: posOf('"ttnn.conv2d"'),
    });
    const outShape = /-> tensor<([0-9x]+)x(bf16|f32)/.exec(line)![1]!;
    assert.ok(breakdown!.markdown.includes(`| output 0 | \`${result}\` ${outShape}x`), breakdown!.markdown);
  });

  it('goes from an operand to its definition and back through references', async () => {
    const at = TEXT.indexOf('"ttnn.conv2d"');
    const line = TEXT.slice(at, TEXT.indexOf('\n', at));
    const operand = /\((%\w+)/.exec(line)![1]!;
    const usePos = posOf(`(${operand}`, at);
    usePos.character += 1;
    const defs = (await lsp.connection.sendRequest(proto.DefinitionRequest.type, {
      textDocument: { uri: URI },
      position: usePos,
    })) as proto.Location[];
    assert.strictEqual(defs.length, 1);
    const defLine = LINES[defs[0]!.range.start.line]!;
    assert.strictEqual(defLine.slice(defs[0]!.range.start.character, defs[0]!.range.end.character), operand);
    const refs = await lsp.connection.sendRequest(proto.ReferencesRequest.type, {
      textDocument: { uri: URI },
      position: usePos,
      context: { includeDeclaration: false },
    });
    assert.ok(refs!.some((r) => r.range.start.line === usePos.line && r.range.start.character === usePos.character));
    for (const r of refs!)
      assert.strictEqual(LINES[r.range.start.line]!.slice(r.range.start.character, r.range.end.character), operand);
  });
});
