import * as assert from 'assert';
import { definitionAt, referencesAt } from '../../../server/src/features/navigation';
import { allRangesOf, cursor, rangeOf } from './fixture';
import { parse } from '../../../server/src/mlir/parser';

const T = 'tensor<32x32xbf16, #ttnn_layout>';
const SOURCE = `#dram = #ttnn.buffer_type<dram>
#ttnn_layout = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @f(%arg0: ${T}) -> ${T} {
    %0 = "ttnn.relu"(%arg0) : (${T}) -> ${T} loc(#loc1)
    %1 = "ttnn.relu"(%0) : (${T}) -> ${T} loc(#loc2)
    return %1 : ${T} loc(#loc1)
  }
  func.func @g(%arg0: ${T}) -> ${T} {
    %0 = func.call @f(%arg0) : (${T}) -> ${T}
    return %0 : ${T}
  }
}
#loc1 = loc("model.py":3:0)
#loc2 = loc("relu_2"(#loc1))
`;

/** SOURCE with `$0` inserted at the start of the nth occurrence of `needle` (+ `delta` characters). */
function at(needle: string, nth = 0, delta = 1): ReturnType<typeof cursor> {
  const r = rangeOf(SOURCE, needle, nth);
  return cursor(SOURCE.slice(0, r.start + delta) + '$0' + SOURCE.slice(r.start + delta));
}

describe('features/navigation', () => {
  it('a use among thousands of operands of one op: every cursor place on it finds the definition (operands searched by binary search)', () => {
    // %0:2 has two results; `%0#1` is a use of %0 whose range covers `#1`; the cursor on `#` (just after the name) is on
    // %0, on `1` it is on no name.
    const uses = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? '%0#1' : '%arg0')).join(', ');
    const text = `func.func @f(%arg0: tensor<4xf32>) -> tensor<4xf32> {\n  %0:2 = "test.two"(%arg0) : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)\n  %1 = "ttnn.concat"(${uses}) : () -> tensor<4xf32>\n  return %1 : tensor<4xf32>\n}\n`;
    const file = parse(text).file;
    const argDef = { start: text.indexOf('%arg0'), end: text.indexOf('%arg0') + 5 };
    const resultDef = { start: text.indexOf('%0:2'), end: text.indexOf('%0:2') + 2 };
    const opStart = text.indexOf('"ttnn.concat"(') + 14;
    for (const k of [0, 1, 777, 1499, 2999]) {
      // Uses are 7 characters apart ('%arg0, '); after the `%0#1, ` (6 characters) one fewer.
      const start = k < 1500 ? opStart + k * 7 : opStart + 1500 * 7 + 6 + (k - 1501) * 7;
      assert.equal(text.slice(start, start + 5), '%arg0', `use ${k}`);
      for (const d of [0, 2, 5]) assert.deepStrictEqual(definitionAt(file, start + d), [argDef], `use ${k} +${d}`);
    }
    const special = opStart + 1500 * 7;
    assert.equal(text.slice(special, special + 4), '%0#1');
    assert.deepStrictEqual(definitionAt(file, special + 1), [resultDef]);
    assert.deepStrictEqual(definitionAt(file, special + 2), [resultDef]);
    assert.deepStrictEqual(definitionAt(file, special + 3), []);
    // References still list every use (3000 - 1 of %arg0 in the op, one in the first op, and the definition).
    assert.equal(referencesAt(file, opStart, { includeDeclaration: true }).length, 2999 + 1 + 1);
  });

  it('goes from an SSA use to its result definition', () => {
    const c = at('%0)', 0);
    assert.deepStrictEqual(
      definitionAt(c.file, c.offset),
      [rangeOf(SOURCE, '%0 =', 0)].map((r) => ({ start: r.start, end: r.start + 2 })),
    );
  });

  it('goes from a use to a function argument (block argument)', () => {
    const c = at('%arg0)', 0);
    const def = rangeOf(SOURCE, '%arg0:', 0);
    assert.deepStrictEqual(definitionAt(c.file, c.offset), [{ start: def.start, end: def.start + 5 }]);
  });

  it('keeps SSA names scoped per function', () => {
    // %0 in @g: its definition is in @g (second `%0 =`), and its references stay in @g.
    const c = at('%0 :', 0);
    const defG = rangeOf(SOURCE, '%0 =', 1);
    assert.deepStrictEqual(definitionAt(c.file, c.offset), [{ start: defG.start, end: defG.start + 2 }]);
    const refs = referencesAt(c.file, c.offset, { includeDeclaration: true });
    const use = rangeOf(SOURCE, '%0 :', 0);
    assert.deepStrictEqual(refs, [
      { start: defG.start, end: defG.start + 2 },
      { start: use.start, end: use.start + 2 },
    ]);
  });

  it('finds every use of a layout alias, in types and in another alias body', () => {
    const c = at('#ttnn_layout>', 3);
    const refs = referencesAt(c.file, c.offset, { includeDeclaration: true });
    assert.deepStrictEqual(
      refs,
      allRangesOf(SOURCE, '#ttnn_layout').filter((r) => SOURCE.charAt(r.end) !== '<'),
    );
    const noDecl = referencesAt(c.file, c.offset, { includeDeclaration: false });
    assert.strictEqual(noDecl.length, refs.length - 1);
  });

  it('goes from an alias used inside an uninterpreted body to its definition', () => {
    const c = at('#dram>', 0);
    assert.deepStrictEqual(definitionAt(c.file, c.offset), [rangeOf(SOURCE, '#dram', 0)]);
  });

  it('resolves #locN used before its definition after the module, also from another loc', () => {
    const c = at('#loc1)', 0);
    const def = rangeOf(SOURCE, '#loc1 =', 0);
    assert.deepStrictEqual(definitionAt(c.file, c.offset), [{ start: def.start, end: def.start + 5 }]);
    const nested = at('#loc1))', 0);
    assert.deepStrictEqual(definitionAt(nested.file, nested.offset), [{ start: def.start, end: def.start + 5 }]);
    assert.strictEqual(referencesAt(c.file, c.offset, { includeDeclaration: false }).length, 3);
  });

  it('goes from a call to the function symbol and lists its references', () => {
    const c = at('@f(', 0);
    assert.deepStrictEqual(definitionAt(c.file, c.offset), [rangeOf(SOURCE, '@f', 0)]);
    assert.deepStrictEqual(referencesAt(c.file, c.offset, { includeDeclaration: true }), allRangesOf(SOURCE, '@f'));
  });

  it('returns nothing off any name', () => {
    const c = at('"ttnn.relu"', 0, 3);
    assert.deepStrictEqual(definitionAt(c.file, c.offset), []);
    assert.deepStrictEqual(referencesAt(c.file, c.offset, { includeDeclaration: true }), []);
  });

  it('goes from a successor to its block label and lists every branch to it', () => {
    const text =
      'func.func @f(%arg0: i1) {\n  "cf.cond_br"(%arg0)[^bb1, ^bb2] : (i1) -> ()\n^bb1:\n  "cf.br"()[^bb2] : () -> ()\n^bb2:\n  return\n}\n';
    const use = text.indexOf('^bb2]') + 1;
    const c = cursor(text.slice(0, use) + '$0' + text.slice(use));
    const label = rangeOf(text, '^bb2:');
    assert.deepStrictEqual(definitionAt(c.file, c.offset), [{ start: label.start, end: label.start + 4 }]);
    assert.deepStrictEqual(referencesAt(c.file, c.offset, { includeDeclaration: true }), allRangesOf(text, '^bb2'));
  });
});
