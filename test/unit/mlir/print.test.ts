/** mlir/print (syntax nodes back to text), mlir/aliases (per-chunk alias table) and mlir/syntaxSearch; expected texts written by hand. */

import * as assert from 'node:assert/strict';
import { aliasesByName, resolveAttr, resolveType } from '../../../server/src/mlir/aliases';
import { parse } from '../../../server/src/mlir/parser';
import { printAttr, printTokens, printType, type PrintOptions } from '../../../server/src/mlir/print';
import type { AliasDefinition, AttrNode, Chunk, TypeNode } from '../../../server/src/mlir/syntax';
import { indexContaining } from '../../../server/src/mlir/syntaxSearch';

const NO_RANGE = { start: 0, end: 0 };

function chunkOf(text: string): Chunk {
  const result = parse(text);
  assert.deepEqual(result.errors, []);
  return result.file.chunks[0]!;
}

function definition(chunk: Chunk, name: string): AliasDefinition {
  const found = chunk.aliases.find((a) => a.name === name);
  assert.ok(found !== undefined, `no alias ${name}`);
  return found;
}

function attrOf(chunk: Chunk, name: string): AttrNode {
  const attr = definition(chunk, name).attr;
  assert.ok(attr !== undefined, `${name} is not an attribute alias`);
  return attr;
}

function typeOf(chunk: Chunk, name: string): TypeNode {
  const type = definition(chunk, name).type;
  assert.ok(type !== undefined, `${name} is not a type alias`);
  return type;
}

const LAYOUT = `#dram = #ttnn.buffer_type<dram>
#l = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#mesh = #ttnn<mesh_shape 1x1>
!t = tensor<32x32xbf16, #l>
`;

describe('mlir/print', () => {
  const chunk = chunkOf(LAYOUT);
  const layout = attrOf(chunk, '#l');

  it('prints token trees compactly: a space only between two words, a shape prefix glued to its element type', () => {
    assert.ok(layout.kind === 'dialectAttr' && layout.body !== undefined);
    const printed = printTokens(layout.body.children);
    assert.deepEqual(printed, {
      text: '(d0,d1)->(d0,d1),<1x1>,memref<1x1x!ttcore.tile<32x32,bf16>,#dram>,<interleaved>',
      truncated: false,
    });
    const mesh = attrOf(chunk, '#mesh');
    assert.ok(mesh.kind === 'dialectAttr' && mesh.body !== undefined);
    assert.equal(printTokens([mesh.body]).text, '<mesh_shape 1x1>');
  });

  it("with the ', ' separator puts a space after every comma and nowhere else", () => {
    assert.equal(
      printAttr(layout, { separator: ', ' }).text,
      '#ttnn.ttnn_layout<(d0, d1)->(d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>',
    );
    assert.equal(printType(typeOf(chunk, '!t'), { separator: ', ' }).text, 'tensor<32x32xbf16, #l>');
  });

  it('cuts the text at the budget, closes the brackets it opened and says so', () => {
    const chunk2 = chunkOf('#a = #foo.bar<abc, defgh, ijk>\n');
    const attr = attrOf(chunk2, '#a');
    assert.ok(attr.kind === 'dialectAttr' && attr.body !== undefined);
    // Counted: `abc` 3, `,` 4, `defgh` 9; the next `,` finds 9 > 4 and stops; `<` `>` are counted when the group closes.
    assert.deepEqual(printTokens([attr.body], { budgetChars: 4 }), { text: '<abc,defgh>', truncated: true });
    assert.deepEqual(printTokens([attr.body], { budgetChars: 14 }), { text: '<abc,defgh,ijk>', truncated: false });
  });

  it('expands aliases in references and in tokens when given their definitions, and memoises them', () => {
    const aliases = aliasesByName(chunk);
    const expandedAliases = new Map<string, string>();
    const options: PrintOptions = { aliasDefinition: (name) => aliases.get(name), expandedAliases };
    const expectedLayout =
      '#ttnn.ttnn_layout<(d0,d1)->(d0,d1),<1x1>,memref<1x1x!ttcore.tile<32x32,bf16>,#ttnn.buffer_type<dram>>,<interleaved>>';
    assert.deepEqual(printType({ kind: 'typeAlias', name: '!t', range: NO_RANGE }, options), {
      text: `tensor<32x32xbf16,${expectedLayout}>`,
      truncated: false,
    });
    assert.equal(expandedAliases.get('#dram'), '#ttnn.buffer_type<dram>');
    assert.equal(expandedAliases.get('#l'), expectedLayout);
    // Undefined names and dialect names (`#ttnn<...>` is not an alias) stay as written.
    assert.equal(printAttr({ kind: 'attrAlias', name: '#nowhere', range: NO_RANGE }, options).text, '#nowhere');
    assert.equal(printAttr(attrOf(chunk, '#mesh'), options).text, '#ttnn<mesh_shape 1x1>');
  });

  it('keeps a reference met inside its own expansion as written, and stops an alias bomb at the budget', () => {
    const cycle = chunkOf('#a = [#b]\n#b = [#a]\n');
    const cyclic = aliasesByName(cycle);
    assert.deepEqual(
      printAttr({ kind: 'attrAlias', name: '#a', range: NO_RANGE }, { aliasDefinition: (n) => cyclic.get(n) }),
      { text: '[[#a]]', truncated: false },
    );

    const lines: string[] = [];
    for (let i = 0; i < 30; i++) lines.push(`#a${i} = [#a${i + 1}, #a${i + 1}]`);
    const bomb = aliasesByName(chunkOf(`${lines.join('\n')}\n#a30 = 1\n`));
    const printed = printAttr(
      { kind: 'attrAlias', name: '#a0', range: NO_RANGE },
      { aliasDefinition: (n) => bomb.get(n), budgetChars: 1000 },
    );
    assert.equal(printed.truncated, true);
    // At most the budget, one more element and a closing bracket per level of the 30.
    assert.ok(printed.text.length < 1000 + 40, `printed ${printed.text.length} characters`);
  });

  it('prints attributes in MLIR form', () => {
    const attrs = chunkOf(
      '#d = {a = 1 : i64, b = "x\\"y", c, d = array<i32: 1, 0>, e = true, f = dense<1.0> : tensor<2xf32>, g = (i32, f32) -> (i1, i1), h = (i32) -> i32, i = [1, 2], j = array<i64>}\n' +
        '#m = affine_map<(d0) -> (d0)>\n',
    );
    assert.equal(
      printAttr(attrOf(attrs, '#d'), { separator: ', ' }).text,
      '{a = 1 : i64, b = "x\\"y", c, d = array<i32: 1, 0>, e = true, f = dense<1.0> : tensor<2xf32>, g = (i32, f32) -> (i1, i1), h = (i32) -> i32, i = [1, 2], j = array<i64>}',
    );
    assert.equal(
      printAttr(attrOf(attrs, '#d')).text,
      '{a = 1 : i64,b = "x\\"y",c,d = array<i32: 1,0>,e = true,f = dense<1.0> : tensor<2xf32>,g = (i32,f32) -> (i1,i1),h = (i32) -> i32,i = [1,2],j = array<i64>}',
    );
    assert.equal(printAttr(attrOf(attrs, '#m')).text, 'affine_map<(d0)->(d0)>');
  });

  it('prints types in MLIR form', () => {
    const types = chunkOf(
      '!m = memref<2x4xbf16, #dram>\n!u = tensor<*xf32>\n!v = vector<4xf32>\n!s = !ttcore.tile<32x32, bf16>\n!z = tensor<bf16>\n',
    );
    assert.equal(printType(typeOf(types, '!m'), { separator: ', ' }).text, 'memref<2x4xbf16, #dram>');
    assert.equal(printType(typeOf(types, '!u')).text, 'tensor<*xf32>');
    assert.equal(printType(typeOf(types, '!v')).text, 'vector<4xf32>');
    assert.equal(printType(typeOf(types, '!s')).text, '!ttcore.tile<32x32,bf16>');
    assert.equal(printType(typeOf(types, '!z')).text, 'tensor<bf16>');
  });
});

describe('mlir/aliases', () => {
  it('keeps the first definition of a name, per chunk object, with # and ! apart', () => {
    const chunk = chunkOf('#a = 1\n#a = 2\n!a = i32\n');
    const table = aliasesByName(chunk);
    assert.equal(table, aliasesByName(chunk));
    const first = table.get('#a')?.attr;
    assert.ok(first?.kind === 'integer');
    assert.equal(first.text, '1');
    assert.equal(table.get('!a')?.type?.kind, 'scalar');
  });

  it('follows chains to the value, and gives nothing for undefined names and cycles', () => {
    const chunk = chunkOf('#c = #b\n#b = #a\n#a = 5\n#x = #y\n#y = #x\n!q = !p\n!p = f32\n');
    const table = aliasesByName(chunk);
    const ref = (name: string): AttrNode => ({ kind: 'attrAlias', name, range: NO_RANGE });
    const resolved = resolveAttr(ref('#c'), table);
    assert.ok(resolved?.kind === 'integer');
    assert.equal(resolved.text, '5');
    assert.equal(resolveAttr(ref('#nowhere'), table), undefined);
    assert.equal(resolveAttr(ref('#x'), table), undefined);
    const type = resolveType({ kind: 'typeAlias', name: '!q', range: NO_RANGE }, table);
    assert.ok(type?.kind === 'scalar');
    assert.equal(type.name, 'f32');
  });
});

describe('mlir/syntaxSearch', () => {
  const nodes = [{ range: { start: 0, end: 5 } }, { range: { start: 5, end: 9 } }, { range: { start: 12, end: 20 } }];

  it('finds the node whose [start, end) holds an offset', () => {
    assert.deepEqual(
      [0, 4, 5, 8, 9, 11, 12, 19, 20, -1].map((o) => indexContaining(nodes, o)),
      [0, 0, 1, 1, -1, -1, 2, 2, -1, -1],
    );
    assert.equal(indexContaining([], 3), -1);
  });

  it('with includeEnd also at a node end', () => {
    assert.equal(indexContaining(nodes, 9, { includeEnd: true }), 1);
    assert.equal(indexContaining(nodes, 20, { includeEnd: true }), 2);
    assert.equal(indexContaining(nodes, 11, { includeEnd: true }), -1);
  });
});
