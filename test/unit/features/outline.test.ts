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
    assert.deepStrictEqual(symbols.map(shape), [
      { name: 'builtin.module @SyncTensorsGraph.42', kind: 'module', children: 1 },
    ]);
    const deviceModule = symbols[0]!.children[0]!;
    assert.deepStrictEqual(shape(deviceModule), { name: 'ttcore.device_module', kind: 'module', children: 1 });
    const inner = deviceModule.children[0]!;
    // `ttcore.device @default_device` has no body, so only the function shows.
    assert.deepStrictEqual(inner.children.map(shape), [
      { name: '@main_const_eval_0', kind: 'function', children: 3 },
      { name: '@main', kind: 'function', children: 23 },
    ]);
    const main = inner.children[1]!;
    // 23 = lines 37..59 of the file (one op per line, counted with awk); the const-eval function's 3 are lines 32..34.
    assert.strictEqual(main.detail, '23 ops');
    assert.strictEqual(main.children[8]!.name, '%9 = ttnn.to_layout');
    assert.strictEqual(SEED.slice(main.children[8]!.selectionRange.start, main.children[8]!.selectionRange.end), '%9');
    assert.strictEqual(main.children[3]!.name, 'ttnn.deallocate');
  });

  it('groups the ops of a huge function into buckets', () => {
    const body = Array.from({ length: 5 }, (_, i) => `    %${i} = "ttnn.get_device"() : () -> !ttnn.device`).join('\n');
    const text = `module {\n  func.func @f() {\n${body}\n    return\n  }\n}\n`;
    const main = documentSymbols(parse(text).file, { opsPerGroup: 2 })[0]!.children[0]!;
    assert.deepStrictEqual(
      main.children.map((c) => [c.name, c.kind, c.children.length]),
      [
        ['ops 1–2', 'group', 2],
        ['ops 3–4', 'group', 2],
        ['ops 5–6', 'group', 2],
      ],
    );
    assert.strictEqual(main.detail, '6 ops');
  });

  it('puts a detail next to each op', () => {
    const symbols = documentSymbols(parse(SEED).file, {
      opDetail: (op) => (op.name === 'ttnn.to_layout' ? 'L1 1%' : undefined),
    });
    const main = symbols[0]!.children[0]!.children[0]!.children[1]!;
    assert.deepStrictEqual(
      main.children.filter((c) => c.detail !== '').map((c) => c.name),
      ['%6 = ttnn.to_layout', '%9 = ttnn.to_layout', '%25 = ttnn.to_layout'],
    );
  });
});

describe('features/folding', () => {
  it('folds the comment header, alias tables and every nested body of the seed', () => {
    const folds = foldingRanges(parse(SEED).file, new LineIndex(SEED));
    // 0-based lines: comments 1-8; aliases 9-26 and 64-75; module 27..63, device_module 28..62, module 29..61,
    // @main_const_eval_0 31..35, @main 36..60 (1-based, from grep -n); a body folds up to the line before its closing brace.
    assert.deepStrictEqual(folds, [
      { startLine: 0, endLine: 7, kind: 'comment' },
      { startLine: 8, endLine: 25, kind: 'imports' },
      { startLine: 26, endLine: 61, kind: 'region' },
      { startLine: 27, endLine: 60, kind: 'region' },
      { startLine: 28, endLine: 59, kind: 'region' },
      { startLine: 30, endLine: 33, kind: 'region' },
      { startLine: 35, endLine: 58, kind: 'region' },
      { startLine: 63, endLine: 74, kind: 'imports' },
    ]);
  });
});
