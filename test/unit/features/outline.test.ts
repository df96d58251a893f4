import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { foldingRanges } from '../../../server/src/features/folding';
import { documentSymbols, type OutlineSymbol } from '../../../server/src/features/symbols';
import { parse } from '../../../server/src/mlir/parser';
import { LineIndex } from '../../../server/src/text/lineIndex';

const SEED = fs.readFileSync(path.join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8');

function shape(s: OutlineSymbol): unknown {
  return { name: s.name, kind: s.kind, children: s.children.length };
}

describe('features/symbols', () => {
  it('outlines the seed: module > device_module > module > @main with its 22 ops', () => {
    const symbols = documentSymbols(parse(SEED).file);
    assert.deepStrictEqual(symbols.map(shape), [{ name: 'builtin.module @SyncTensorsGraph.42', kind: 'module', children: 1 }]);
    const deviceModule = symbols[0]!.children[0]!;
    assert.deepStrictEqual(shape(deviceModule), { name: 'ttcore.device_module', kind: 'module', children: 1 });
    const inner = deviceModule.children[0]!;
    // `ttcore.device @default_device` has no body, so only the function shows.
    assert.deepStrictEqual(inner.children.map(shape), [{ name: '@main', kind: 'function', children: 22 }]);
    const main = inner.children[0]!;
    // 22 = lines 30..51 of the file (one op per line, counted with awk).
    assert.strictEqual(main.detail, '22 ops');
    assert.strictEqual(main.children[7]!.name, '%9 = ttnn.to_layout');
    assert.strictEqual(SEED.slice(main.children[7]!.selectionRange.start, main.children[7]!.selectionRange.end), '%9');
    assert.strictEqual(main.children[2]!.name, 'ttnn.deallocate');
  });

  it('groups the ops of a huge function into buckets', () => {
    const body = Array.from({ length: 5 }, (_, i) => `    %${i} = "ttnn.get_device"() : () -> !ttnn.device`).join('\n');
    const text = `module {\n  func.func @f() {\n${body}\n    return\n  }\n}\n`;
    const main = documentSymbols(parse(text).file, { opsPerGroup: 2 })[0]!.children[0]!;
    assert.deepStrictEqual(main.children.map((c) => [c.name, c.kind, c.children.length]), [
      ['ops 1–2', 'group', 2],
      ['ops 3–4', 'group', 2],
      ['ops 5–6', 'group', 2],
    ]);
    assert.strictEqual(main.detail, '6 ops');
  });

  it('puts a detail next to each op', () => {
    const symbols = documentSymbols(parse(SEED).file, { opDetail: (op) => (op.name === 'ttnn.to_layout' ? 'L1 1%' : undefined) });
    const main = symbols[0]!.children[0]!.children[0]!.children[0]!;
    assert.deepStrictEqual(main.children.filter((c) => c.detail !== '').map((c) => c.name), ['%6 = ttnn.to_layout', '%9 = ttnn.to_layout', '%25 = ttnn.to_layout']);
  });
});

describe('features/folding', () => {
  it('folds the comment header, alias tables and every nested body of the seed', () => {
    const folds = foldingRanges(parse(SEED).file, new LineIndex(SEED));
    // 0-based lines: comments 1-6; aliases 7-24 and 56-67; module 25..55, device_module 26..54, module 27..53,
    // func 29..52 (1-based, from grep -n); a body folds up to the line before its closing brace.
    assert.deepStrictEqual(folds, [
      { startLine: 0, endLine: 5, kind: 'comment' },
      { startLine: 6, endLine: 23, kind: 'imports' },
      { startLine: 24, endLine: 53, kind: 'region' },
      { startLine: 25, endLine: 52, kind: 'region' },
      { startLine: 26, endLine: 51, kind: 'region' },
      { startLine: 28, endLine: 50, kind: 'region' },
      { startLine: 55, endLine: 66, kind: 'imports' },
    ]);
  });
});
