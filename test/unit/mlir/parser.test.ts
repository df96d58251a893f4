import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { plainTree } from '../../support/plainTree';
import { rangeOf } from '../../support/textRanges';
import { parse } from '../../../server/src/mlir/parser';
import { ListStack } from '../../../server/src/mlir/parser/state';
import { applyChange, parseForEdits } from '../../../server/src/mlir/incrementalParse';
import type {
  AttrNode,
  DictAttr,
  Location,
  MemRefType,
  Operation,
  ParseResult,
  TensorType,
  TokenTree,
  TypeNode,
} from '../../../server/src/mlir/syntax';

const FIXTURES = path.join(__dirname, '../../fixtures/mlir');

function allOps(result: ParseResult): Operation[] {
  const out: Operation[] = [];
  const walk = (ops: readonly Operation[]): void => {
    for (const op of ops) {
      out.push(op);
      for (const r of op.regions) for (const b of r.blocks) walk(b.operations);
    }
  };
  for (const c of result.file.chunks) walk(c.operations);
  return out;
}

function entry(dict: DictAttr | undefined, name: string): AttrNode {
  const e = dict?.entries.find((x) => x.name === name);
  assert.ok(e, `missing entry ${name}`);
  return e.value;
}

const CLOSERS = { '<': '>', '(': ')', '[': ']', '{': '}' } as const;

/** The tree flattened back to its tokens, delimiters included. */
function leafTexts(tree: TokenTree): string[] {
  if (tree.kind === 'leaf') return [tree.text];
  return [tree.open, ...tree.children.flatMap(leafTexts), CLOSERS[tree.open]];
}

function asTensor(t: TypeNode | undefined): TensorType {
  assert.equal(t?.kind, 'tensor');
  return t;
}

describe('mlir parser: generic ops', () => {
  const text = [
    '%0:2 = "test.op"(%arg0, %1#1) <{a = 1 : i32, s = "q\\"x"}> ({',
    '^bb0(%x: f32 loc("bx")):',
    '  "test.yield"(%x) : (f32) -> ()',
    '}) {b} : (tensor<2x?xf32>, i32) -> (i1, memref<4x!tt.tile<32x32, f32>, #l1>) loc("n"("f.py":3:4))',
  ].join('\n');
  const result = parse(text);
  const op = result.file.chunks[0].operations[0];

  it('parses without errors into one op with a region', () => {
    assert.deepEqual(result.errors, []);
    assert.equal(result.file.chunks.length, 1);
    assert.equal(result.file.chunks[0].operations.length, 1);
  });

  it('records name, results and operands with exact ranges', () => {
    assert.equal(op.name, 'test.op');
    assert.equal(op.form, 'generic');
    assert.deepEqual(op.nameRange, rangeOf(text, '"test.op"'));
    assert.deepEqual(plainTree(op.results), [{ name: '%0', count: 2, range: rangeOf(text, '%0:2') }]);
    assert.deepEqual(plainTree(op.operands), [
      { name: '%arg0', resultIndex: undefined, range: rangeOf(text, '%arg0') },
      { name: '%1', resultIndex: 1, range: rangeOf(text, '%1#1') },
    ]);
    assert.deepEqual(op.range, { start: 0, end: text.length });
  });

  it('reads properties and discardable attributes', () => {
    const a = entry(op.properties, 'a');
    assert.equal(a.kind, 'integer');
    assert.equal(a.kind === 'integer' && a.value, 1);
    assert.deepEqual(a.range, rangeOf(text, '1 : i32'));
    const s = entry(op.properties, 's');
    assert.equal(s.kind === 'string' && s.value, 'q"x');
    assert.deepEqual(op.properties?.range, rangeOf(text, '{a = 1 : i32, s = "q\\"x"}'));
    assert.equal(entry(op.attributes, 'b').kind, 'unit');
  });

  it('parses the region with a labelled block and its arguments', () => {
    const [region] = op.regions;
    assert.equal(region.blocks.length, 1);
    const block = region.blocks[0];
    assert.deepEqual(block.label, { name: '^bb0', range: rangeOf(text, '^bb0') });
    assert.equal(block.arguments[0].name, '%x');
    assert.deepEqual(block.arguments[0].nameRange, rangeOf(text, '%x'));
    assert.deepEqual(plainTree(block.arguments[0].location), {
      kind: 'name',
      name: 'bx',
      child: undefined,
      range: rangeOf(text, '"bx"'),
    });
    assert.equal(block.operations[0].name, 'test.yield');
    assert.deepEqual(block.operations[0].operands[0].range, rangeOf(text, '%x', 1));
  });

  it('splits the function type into operand and result types', () => {
    const t0 = asTensor(op.operandTypes[0]);
    assert.deepEqual(t0.shape, [2, null]);
    assert.deepEqual(t0.shapeText, ['2', '?']);
    assert.equal(t0.elementType.kind === 'scalar' && t0.elementType.name, 'f32');
    assert.deepEqual(t0.range, rangeOf(text, 'tensor<2x?xf32>'));
    assert.equal(op.operandTypes[1].kind === 'scalar' && op.operandTypes[1].name, 'i32');
    const m = op.resultTypes[1] as MemRefType;
    assert.equal(m.kind, 'memref');
    assert.deepEqual(m.shape, [4]);
    assert.equal(m.elementType.kind === 'dialectType' && m.elementType.name, 'tt.tile');
    assert.deepEqual(plainTree(m.memorySpace), { kind: 'attrAlias', name: '#l1', range: rangeOf(text, '#l1') });
    assert.equal(m.layout, undefined);
  });

  it('builds each list from its own items only, also after a list that failed inside another (parser/state.ts ListStack)', () => {
    // Op 0's result type list fails inside a nested function type (after `i1,` a type is missing); ops 1 and 2 must
    // still get exactly their own operands, result groups and types.
    const listText = [
      '%0 = "t.a"(%p, %q) : (i32, f32) -> (i1, (i8, i16) -> (i1, ))',
      '%1:2, %2 = "t.b"(%y, %z, %w) : (i32, f32, tensor<2xf32>) -> (i1, i8, i16)',
      '%3 = "t.c"() : () -> ()',
      '',
    ].join('\n');
    const parsed = parse(listText);
    assert.ok(parsed.errors.length > 0, 'op 0 should not parse');
    const [, op1, op2] = parsed.file.chunks[0]!.operations;
    assert.equal(op1?.name, 't.b');
    assert.deepEqual(
      op1.results.map((r) => [r.name, r.count]),
      [
        ['%1', 2],
        ['%2', 1],
      ],
    );
    assert.deepEqual(
      op1.operands.map((u) => u.name),
      ['%y', '%z', '%w'],
    );
    assert.deepEqual(
      op1.operandTypes.map((t) => t.kind),
      ['scalar', 'scalar', 'tensor'],
    );
    assert.deepEqual(
      op1.resultTypes.map((t) => (t.kind === 'scalar' ? t.name : t.kind)),
      ['i1', 'i8', 'i16'],
    );
    assert.equal(op2?.name, 't.c');
    assert.deepEqual([op2.operands.length, op2.operandTypes.length, op2.resultTypes.length], [0, 0, 0]);
  });

  it('ListStack: a list takes what it pushed above its mark; a dropped inner list leaves nothing behind', () => {
    const stack = new ListStack<string>();
    const outer = stack.mark();
    stack.push('a');
    const inner = stack.mark();
    stack.push('x');
    stack.push('y');
    assert.deepEqual(stack.take(inner), ['x', 'y']);
    const failed = stack.mark();
    stack.push('z');
    stack.drop(failed);
    stack.push('b');
    const list = stack.take(outer);
    assert.deepEqual(list, ['a', 'b']);
    list.push('c'); // the list is the caller's own array
    assert.deepEqual([stack.mark(), stack.take(stack.mark())], [0, []]);
  });

  it('reads a named location with a file:line:col child', () => {
    const loc: Location = {
      kind: 'name',
      name: 'n',
      child: { kind: 'fileLineCol', file: 'f.py', line: 3, column: 4, range: rangeOf(text, '"f.py":3:4') },
      range: rangeOf(text, '"n"("f.py":3:4)'),
    };
    assert.deepEqual(plainTree(op.location), loc);
  });
});

describe('mlir parser: attributes and types', () => {
  const parseAlias = (source: string) => {
    const r = parse(source);
    assert.deepEqual(r.errors, [], source);
    return r.file.chunks[0].aliases[0];
  };

  it('keeps dialect attribute bodies as token trees (affine maps, core ranges, memrefs)', () => {
    const src =
      '#l = #ttnn.ttnn_layout<(d0, d1) -> (d0 * 32 + d1, 0), <2x1>, memref<1x4x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>, core_ranges = <[#ttnn.core_range<(0,0), (7,7)>]>>';
    const a = parseAlias(src);
    assert.equal(a.name, '#l');
    assert.deepEqual(a.nameRange, { start: 0, end: 2 });
    const attr = a.attr;
    assert.ok(attr?.kind === 'dialectAttr');
    assert.equal(attr.name, 'ttnn.ttnn_layout');
    assert.deepEqual(attr.range, { start: 5, end: src.length });
    const body = attr.body;
    assert.ok(body);
    // The body's tokens as written, whitespace dropped (`1x4x` and `2x1` are dimension lists).
    const expected = [
      '<',
      '(',
      'd0',
      ',',
      'd1',
      ')',
      '->',
      '(',
      'd0',
      '*',
      '32',
      '+',
      'd1',
      ',',
      '0',
      ')',
      ',',
      '<',
      '2x1',
      '>',
      ',',
      'memref',
      '<',
      '1x4x',
      '!ttcore.tile',
      '<',
      '32x32',
      ',',
      'bf16',
      '>',
      ',',
      '#l1',
      '>',
      ',',
      '<',
      'height_sharded',
      '>',
      ',',
      'core_ranges',
      '=',
      '<',
      '[',
      '#ttnn.core_range',
      '<',
      '(',
      '0',
      ',',
      '0',
      ')',
      ',',
      '(',
      '7',
      ',',
      '7',
      ')',
      '>',
      ']',
      '>',
      '>',
    ];
    assert.deepEqual(leafTexts(body), expected);
    assert.equal(expected.join(''), src.slice(src.indexOf('<')).replace(/ /g, ''));
  });

  it('parses dense, dense_resource, array, hex, negative, float, bool and nested literals', () => {
    const src =
      '#d = {a = dense<[1.0, 2.0]> : tensor<2xf32>, b = dense_resource<blob> : tensor<2xf32>, c = array<i32: 1, -2>, h = 0x1F : i64, z = 0x0 : i32, n = -3 : i64, f = 9.99999997E-7 : f32, t = true, arr = [4 : i32, "s"], ft = (i32) -> tensor<1xf32>, m = affine_map<(d0) -> (d0)>, mesh = #ttnn<mesh_shape 1x1>}';
    const attr = parseAlias(src).attr;
    assert.ok(attr?.kind === 'dict');
    const get = (n: string) => entry(attr, n);
    const dense = get('a');
    assert.ok(dense.kind === 'opaque');
    assert.equal(dense.keyword, 'dense');
    assert.equal(asTensor(dense.type).shapeText[0], '2');
    const res = get('b');
    assert.ok(res.kind === 'opaque' && res.keyword === 'dense_resource');
    assert.deepEqual(plainTree(get('c')), {
      kind: 'denseArray',
      elementType: { kind: 'scalar', name: 'i32', range: rangeOf(src, 'i32') },
      elementTexts: ['1', '-2'],
      range: rangeOf(src, 'array<i32: 1, -2>'),
    });
    const h = get('h');
    assert.ok(h.kind === 'integer');
    assert.equal(h.value, 31);
    const z = get('z');
    assert.ok(z.kind === 'integer' && z.value === 0 && z.text === '0x0');
    const n = get('n');
    assert.ok(n.kind === 'integer' && n.value === -3 && n.text === '-3');
    assert.deepEqual(n.range, rangeOf(src, '-3 : i64'));
    const f = get('f');
    assert.ok(f.kind === 'float' && f.value === 9.99999997e-7);
    assert.deepEqual(plainTree(get('t')), { kind: 'bool', value: true, range: rangeOf(src, 'true') });
    const arr = get('arr');
    assert.ok(arr.kind === 'array' && arr.elements.length === 2);
    const ft = get('ft');
    assert.ok(ft.kind === 'typeAttr' && ft.type.kind === 'function');
    const m = get('m');
    assert.ok(m.kind === 'opaque' && m.keyword === 'affine_map');
    const mesh = get('mesh');
    assert.ok(mesh.kind === 'dialectAttr' && mesh.name === 'ttnn');
  });

  it('parses tensor types: rank 0, unranked, tile element type, inline encoding', () => {
    const src = [
      '!a = tensor<f32>',
      '!b = tensor<*xf32>',
      '!c = tensor<5120x3072x!ttcore.tile<32x32, bfp_bf8>, #ttnn_layout7>',
      '!d = tensor<1x12x3200xf32, #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 12 + d1, d2), <1x1>, memref<12x3200xf32, #ttnn.buffer_type<system_memory>>>>',
      '!e = vector<4xf32>',
      '!f = !ttnn.device',
      '!g = !f',
    ].join('\n');
    const r = parse(src);
    assert.deepEqual(r.errors, []);
    const types = r.file.chunks[0].aliases.map((a) => a.type);
    assert.deepEqual(asTensor(types[0]).shape, []);
    assert.equal(asTensor(types[1]).shape, undefined);
    const c = asTensor(types[2]);
    assert.deepEqual(c.shape, [5120, 3072]);
    assert.ok(c.elementType.kind === 'dialectType' && c.elementType.name === 'ttcore.tile');
    assert.deepEqual(plainTree(c.encoding), {
      kind: 'attrAlias',
      name: '#ttnn_layout7',
      range: rangeOf(src, '#ttnn_layout7'),
    });
    const d = asTensor(types[3]);
    assert.ok(d.encoding?.kind === 'dialectAttr' && d.encoding.name === 'ttnn.ttnn_layout');
    assert.deepEqual(d.shape, [1, 12, 3200]);
    assert.ok(types[4]?.kind === 'otherType' && types[4].name === 'vector');
    assert.ok(types[5]?.kind === 'dialectType' && types[5].name === 'ttnn.device' && types[5].body === undefined);
    assert.deepEqual(types[6], { kind: 'typeAlias', name: '!f', range: rangeOf(src, '!f', 1) });
  });

  it('gives each use of a repeated tensor type its own ranges, the same tree as other spellings, and moves them with an edit', () => {
    // The first two types are spelled as dumps print them (one template per distinct text, see types.ts
    // parseSharedTensor); the third and fourth take the general path (a space before the comma, a tile element).
    const src = [
      'module {',
      '%0 = "t.a"(%arg0) : (tensor<64x4096xbf16, #l3>) -> tensor<64x4096xbf16, #l3>',
      '%1 = "t.b"(%0) : (tensor<64x4096xbf16 , #l3>) -> tensor<2x!ttcore.tile<32x32, bf16>, #l3>',
      '%2 = "t.c"(%1) : (tensor<7xi32>) -> tensor<bf16>',
      '}',
    ].join('\n');
    const r = parse(src);
    assert.deepEqual(r.errors, []);
    const [a, b, c] = r.file.chunks[0].operations[0].regions[0].blocks[0].operations;
    const tensorAt = (t: TypeNode | undefined, nth: number, text: string) => {
      const whole = rangeOf(src, text, nth);
      const elementText = text.includes('bf16') ? 'bf16' : text.includes('i32') ? 'i32' : '!ttcore.tile';
      return { t: asTensor(t), whole, element: rangeOf(src.slice(whole.start), elementText), offset: whole.start };
    };
    const expectTensor = (t: TypeNode | undefined, text: string, nth: number, shape: number[]): void => {
      const { t: tensor, whole, element, offset } = tensorAt(t, nth, text);
      assert.deepEqual(tensor.range, whole);
      assert.deepEqual(tensor.shape, shape);
      assert.deepEqual(tensor.shapeText, shape.map(String));
      assert.equal(tensor.elementType.range.start, element.start + offset);
      if (text.includes('#l3')) {
        const enc = rangeOf(src.slice(whole.start), '#l3');
        assert.deepEqual(plainTree(tensor.encoding), {
          kind: 'attrAlias',
          name: '#l3',
          range: { start: enc.start + offset, end: enc.end + offset },
        });
      } else {
        assert.equal(tensor.encoding, undefined);
      }
    };
    expectTensor(a.operandTypes[0], 'tensor<64x4096xbf16, #l3>', 0, [64, 4096]);
    expectTensor(a.resultTypes[0], 'tensor<64x4096xbf16, #l3>', 1, [64, 4096]);
    expectTensor(b.operandTypes[0], 'tensor<64x4096xbf16 , #l3>', 0, [64, 4096]);
    expectTensor(c.operandTypes[0], 'tensor<7xi32>', 0, [7]);
    expectTensor(c.resultTypes[0], 'tensor<bf16>', 0, []);
    const tile = asTensor(b.resultTypes[0]);
    assert.ok(tile.elementType.kind === 'dialectType' && tile.elementType.name === 'ttcore.tile');
    // Both spellings of the same type give the same tree but for the ranges.
    const strip = (v: unknown): unknown =>
      JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'range' ? undefined : x))) as unknown;
    assert.deepEqual(strip(a.operandTypes[0]), strip(b.operandTypes[0]));
    assert.deepEqual(Object.keys(plainTree(a.operandTypes[0]) as object), [
      'shape',
      'shapeText',
      'elementType',
      'encoding',
      'kind',
      'range',
    ]);
    // An edit inside the first op re-parses it; the shared types after it move with their slots.
    const editable = parseForEdits(src);
    const at = src.indexOf('%arg0') + 4;
    const edited = src.slice(0, at) + '1' + src.slice(at);
    assert.ok(applyChange(editable, { start: at, end: at, newText: '1' }, edited));
    assert.equal(JSON.stringify(editable.parse), JSON.stringify(parse(edited)));
    const moved = asTensor(
      editable.parse.file.chunks[0].operations[0].regions[0].blocks[0].operations[2].operandTypes[0],
    );
    assert.deepEqual(plainTree(moved.elementType), { name: 'i32', kind: 'scalar', range: rangeOf(edited, 'i32') });
  });

  it('gives each use of a repeated dialect attribute its own token ranges, and moves them with an edit', () => {
    const attr = '#ttnn.conv2d_config<activation = <op_type = relu>, s = "a>b", n = -3>';
    const src = [
      'module {',
      `%0 = "t.a"(%arg0) <{c = ${attr}}> : (tensor<4xbf16>) -> tensor<4xbf16>`,
      `%1 = "t.b"(%0) <{c = ${attr}, d = #ttnn.layout<tile>}> : (tensor<4xbf16>) -> tensor<4xbf16>`,
      '}',
    ].join('\n');
    const r = parse(src);
    assert.deepEqual(r.errors, []);
    const ops = r.file.chunks[0].operations[0].regions[0].blocks[0].operations;
    // Every token of the body where the text has it, found by searching the text (not through the parser).
    const expectBody = (value: AttrNode, text: string, nth: number): void => {
      assert.ok(value.kind === 'dialectAttr' && value.body !== undefined);
      const at = rangeOf(src, text, nth).start;
      assert.deepEqual(value.range, { start: at, end: at + text.length });
      const leaves: { text: string; start: number }[] = [];
      const walk = (t: TokenTree): void => {
        if (t.kind === 'leaf') leaves.push({ text: t.text, start: t.range.start });
        else t.children.forEach(walk);
      };
      walk(value.body);
      let from = at;
      for (const leaf of leaves) {
        const found = src.indexOf(leaf.text, from);
        assert.equal(leaf.start, found, leaf.text);
        from = found + leaf.text.length;
      }
    };
    expectBody(entry(ops[0].properties, 'c'), attr, 0);
    expectBody(entry(ops[1].properties, 'c'), attr, 1);
    expectBody(entry(ops[1].properties, 'd'), '#ttnn.layout<tile>', 0);
    const body = entry(ops[1].properties, 'c');
    assert.ok(body.kind === 'dialectAttr' && body.body !== undefined);
    assert.deepEqual(leafTexts(body.body), [
      '<',
      'activation',
      '=',
      '<',
      'op_type',
      '=',
      'relu',
      '>',
      ',',
      's',
      '=',
      '"a>b"',
      ',',
      'n',
      '=',
      '-3',
      '>',
    ]);
    // An edit inside the first op re-parses it; the attribute of the second moves with its slot.
    const editable = parseForEdits(src);
    const at = src.indexOf('%arg0') + 4;
    const edited = src.slice(0, at) + '1' + src.slice(at);
    assert.ok(applyChange(editable, { start: at, end: at, newText: '1' }, edited));
    assert.equal(JSON.stringify(editable.parse), JSON.stringify(parse(edited)));
    const moved = entry(editable.parse.file.chunks[0].operations[0].regions[0].blocks[0].operations[1].properties, 'c');
    assert.ok(moved.kind === 'dialectAttr' && moved.body !== undefined);
    assert.deepEqual(moved.body.children[0]!.range, rangeOf(edited, 'activation', 1));
  });

  it('gives each use of a repeated dictionary its own entry ranges, keeps its symbol uses, and moves it with an edit', () => {
    const props = '<{a = 1 : i32, s = "x}y", l = [2 : i32, #l3], d = {n}, c = @callee}>';
    const src = [
      'module {',
      `%0 = "t.a"(%arg0) ${props} : (tensor<4xbf16>) -> tensor<4xbf16>`,
      `%1 = "t.b"(%0) ${props} : (tensor<4xbf16>) -> tensor<4xbf16>`,
      '}',
    ].join('\n');
    const r = parse(src);
    assert.deepEqual(r.errors, []);
    const ops = r.file.chunks[0].operations[0].regions[0].blocks[0].operations;
    ops.forEach((op, nth) => {
      const at = rangeOf(src, props, nth).start + 1; // after '<'
      assert.deepEqual(op.properties?.range, { start: at, end: at + props.length - 2 });
      const entries = op.properties!.entries;
      assert.deepEqual(
        entries.map((e) => e.name),
        ['a', 's', 'l', 'd', 'c'],
      );
      const rel = (needle: string) => {
        const x = rangeOf(src.slice(at), needle);
        return { start: x.start + at, end: x.end + at };
      };
      assert.deepEqual(entries[0]!.nameRange, rel('a'));
      assert.deepEqual(entries[0]!.range, rel('a = 1 : i32'));
      assert.deepEqual(plainTree(entries[1]!.value), {
        kind: 'string',
        value: 'x}y',
        type: undefined,
        range: rel('"x}y"'),
      });
      const list = entries[2]!.value;
      assert.ok(list.kind === 'array');
      assert.deepEqual(list.elements[1]!.range, rel('#l3'));
      const inner = entries[3]!.value;
      assert.ok(inner.kind === 'dict');
      assert.deepEqual(inner.entries[0]!.range, rel('n'));
      // The symbol reference is recorded for each op.
      assert.deepEqual(
        op.symbolUses.map((s) => [s.name, s.range]),
        [['@callee', rel('@callee')]],
      );
    });
    // Without the symbol reference the two dictionaries share one text; the tree is the same.
    const shared = src.replaceAll(', c = @callee', '');
    const s = parse(shared);
    const sOps = s.file.chunks[0].operations[0].regions[0].blocks[0].operations;
    assert.deepEqual(
      sOps.map((op) => op.properties!.entries[2]!.value.range),
      [rangeOf(shared, '[2 : i32, #l3]', 0), rangeOf(shared, '[2 : i32, #l3]', 1)],
    );
    // An edit inside the first op re-parses it; the dictionary of the second moves with its slot.
    const editable = parseForEdits(shared);
    const at = shared.indexOf('%arg0') + 4;
    const edited = shared.slice(0, at) + '1' + shared.slice(at);
    assert.ok(applyChange(editable, { start: at, end: at, newText: '1' }, edited));
    assert.equal(JSON.stringify(editable.parse), JSON.stringify(parse(edited)));
    const moved = editable.parse.file.chunks[0].operations[0].regions[0].blocks[0].operations[1].properties;
    assert.deepEqual(moved?.entries[1]!.range, rangeOf(edited, 's = "x}y"', 1));
  });

  it('keeps shape digits beyond 2^53 exactly', () => {
    const a = parseAlias('!t = tensor<18446744073709551615x2xf32>');
    assert.deepEqual(asTensor(a.type).shapeText, ['18446744073709551615', '2']);
  });

  it('parses every location form', () => {
    const src = [
      '#l0 = loc(unknown)',
      '#l1 = loc("forward":4294967295:3500)',
      '#l2 = loc("a"(#l1))',
      '#l3 = loc(fused[#l1, "b"])',
      '#l4 = loc(fused<"meta">["c"])',
      '#l5 = loc(callsite(#l2 at #l3))',
    ].join('\n');
    const r = parse(src);
    assert.deepEqual(r.errors, []);
    const locs = r.file.chunks[0].aliases.map((a) => (a.attr?.kind === 'loc' ? a.attr.loc : undefined));
    assert.deepEqual(plainTree(locs[0]), { kind: 'unknown', range: rangeOf(src, 'unknown') });
    assert.deepEqual(locs[1], {
      kind: 'fileLineCol',
      file: 'forward',
      line: 4294967295,
      column: 3500,
      range: rangeOf(src, '"forward":4294967295:3500'),
    });
    assert.deepEqual(plainTree(locs[2]), {
      kind: 'name',
      name: 'a',
      child: { kind: 'aliasRef', name: '#l1', range: rangeOf(src, '#l1', 1) },
      range: rangeOf(src, '"a"(#l1)'),
    });
    assert.ok(locs[3]?.kind === 'fused' && locs[3].locations.length === 2);
    assert.ok(locs[4]?.kind === 'fused' && locs[4].locations[0].kind === 'name');
    assert.ok(locs[5]?.kind === 'callsite' && locs[5].callee.kind === 'aliasRef' && locs[5].caller.kind === 'aliasRef');
  });
});

describe('mlir parser: custom forms (fixture custom_forms.mlir)', () => {
  const text = readFileSync(path.join(FIXTURES, 'custom_forms.mlir'), 'utf8');
  const result = parse(text);
  const ops = allOps(result);
  const named = (name: string, nth = 0) => {
    const found = ops.filter((o) => o.name === name)[nth];
    assert.ok(found, `no op ${name} #${nth}`);
    return found;
  };

  it('parses without errors; aliases after the module belong to the chunk', () => {
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.file.chunks[0].aliases.map((a) => a.name),
      ['#loc', '!tile', '#loc1', '#loc2', '#loc3'],
    );
  });

  it('nests module > device_module > builtin.module and names modules', () => {
    const top = result.file.chunks[0].operations;
    assert.equal(top.length, 1);
    assert.equal(top[0].name, 'builtin.module');
    const moduleAt = rangeOf(text, 'module @Graph.1').start;
    assert.deepEqual(top[0].nameRange, { start: moduleAt, end: moduleAt + 'module'.length });
    assert.deepEqual(top[0].symbol, { name: '@Graph.1', range: rangeOf(text, '@Graph.1') });
    assert.ok(top[0].attributes?.entries[0].name === 'ttcore.meshes');
    const inner = top[0].regions[0].blocks[0].operations;
    assert.deepEqual(
      inner.map((o) => o.name),
      ['ttcore.device_module', 'ttcore.cpu_module'],
    );
    assert.equal(inner[0].regions[0].blocks[0].operations[0].name, 'builtin.module');
    assert.deepEqual(plainTree(top[0].location), {
      kind: 'aliasRef',
      name: '#loc',
      range: { start: text.lastIndexOf('} loc(#loc)') + 6, end: text.lastIndexOf('} loc(#loc)') + 10 },
    });
  });

  it('reads ttcore.device with its attribute as the device_attr property', () => {
    const dev = named('ttcore.device');
    assert.deepEqual(dev.symbol, { name: '@default_device', range: rangeOf(text, '@default_device') });
    const attr = entry(dev.properties, 'device_attr');
    assert.ok(attr.kind === 'opaque');
    assert.ok(dev.location?.kind === 'aliasRef');
  });

  it('reads function declarations, definitions, signatures and visibility', () => {
    const decl = named('func.func', 0);
    assert.equal(decl.visibility, 'private');
    assert.equal(decl.regions.length, 0);
    assert.equal(decl.signature?.arguments.length, 2);
    assert.equal(decl.signature?.arguments[0].name, '');
    assert.ok(decl.signature?.arguments[1].attributes?.entries[0].name === 'ttir.name');
    assert.equal(decl.signature?.results.length, 1);

    const main = named('func.func', 2);
    const mainAt = rangeOf(text, '@main(').start;
    assert.deepEqual(main.symbol, { name: '@main', range: { start: mainAt, end: mainAt + '@main'.length } });
    const args = main.signature?.arguments ?? [];
    assert.deepEqual(
      args.map((a) => a.name),
      ['%arg0', '%arg1'],
    );
    assert.deepEqual(plainTree(args[0].location), {
      kind: 'name',
      name: 'p0.x',
      child: undefined,
      range: rangeOf(text, '"p0.x"'),
    });
    const m = args[1].type as MemRefType;
    assert.ok(m.kind === 'memref' && m.elementType.kind === 'typeAlias' && m.memorySpace?.kind === 'dialectAttr');
    assert.ok(main.signature?.results[0].attributes?.entries[0].name === 'ttir.name');
    // The entry block's arguments are the function's.
    assert.equal(main.regions[0].blocks[0].arguments, main.signature?.arguments);
    const constEval = named('func.func', 1);
    assert.ok(constEval.attributes?.entries[0].name === 'tt.function_type');
    assert.equal(constEval.signature?.results.length, 2);
  });

  it('reads call, return and load_cached', () => {
    const call = named('func.call');
    assert.deepEqual(call.symbolUses, [{ name: '@cpu_hoisted', range: rangeOf(text, '@cpu_hoisted', 1) }]);
    assert.deepEqual(
      call.operands.map((o) => o.name),
      ['%arg0', '%arg0'],
    );
    assert.equal(call.attributes?.entries[0].name, 'ttir.cpu_hoist_call');
    assert.equal(call.operandTypes.length, 2);
    assert.equal(call.resultTypes.length, 1);
    const ret = named('func.return');
    assert.deepEqual(
      ret.operands.map((o) => o.name),
      ['%0', '%arg0'],
    );
    assert.equal(ret.operandTypes.length, 2);
    const lc = named('ttcore.load_cached');
    assert.deepEqual(plainTree(lc.results), [{ name: '%0', count: 2, range: rangeOf(text, '%0:2') }]);
    assert.deepEqual(lc.symbolUses[0].name, '@main_const_eval_0');
    assert.deepEqual(lc.operands[0].name, '%arg0');
    assert.equal(lc.resultTypes.length, 2);
    const add = named('ttnn.add');
    assert.deepEqual(
      add.operands.map((o) => [o.name, o.resultIndex]),
      [
        ['%0', 0],
        ['%0', 1],
      ],
    );
  });

  it('captures unknown custom ops (llvm) with operands, successors, blocks and symbols', () => {
    const helper = ops.find((o) => o.symbol?.name === '@helper');
    assert.ok(helper);
    assert.equal(helper.name, 'llvm.func');
    const blocks = helper.regions[0].blocks;
    assert.deepEqual(
      blocks.map((b) => b.label?.name),
      [undefined, '^bb1', '^bb2', '^bb3'],
    );
    assert.deepEqual(
      blocks[1].arguments.map((a) => a.name),
      ['%1'],
    );
    const br = blocks[0].operations[1];
    assert.equal(br.name, 'llvm.br');
    assert.deepEqual(br.successors, [{ name: '^bb1', range: rangeOf(text, '^bb1') }]);
    assert.deepEqual(
      br.operands.map((o) => o.name),
      ['%0'],
    );
    const condBr = blocks[1].operations[1];
    assert.deepEqual(
      condBr.successors.map((s) => s.name),
      ['^bb2', '^bb3'],
    );
    const icmp = blocks[1].operations[0];
    assert.deepEqual(
      icmp.operands.map((o) => o.name),
      ['%1', '%arg1'],
    );
    assert.equal(icmp.resultTypes[0].kind === 'scalar' && icmp.resultTypes[0].name, 'i64');
    const call = blocks[2].operations[1];
    assert.deepEqual(
      call.symbolUses.map((s) => s.name),
      ['@malloc'],
    );
    assert.equal(blocks[3].operations[0].name, 'llvm.return');
    const malloc = ops.find((o) => o.symbol?.name === '@malloc');
    assert.equal(malloc?.regions.length, 0);
    assert.ok(malloc?.location?.kind === 'aliasRef');
  });
});

describe('mlir parser: multi-line custom ops', () => {
  it('keeps ins(...)/outs(...) lines with ttnn.d2m_subgraph (printed on separate lines)', () => {
    const text = [
      'func.func @f(%arg0: tensor<4xf32>, %out: tensor<4xf32>) -> tensor<4xf32> {',
      '  %0 = ttnn.d2m_subgraph @d2m_subgraph',
      '      ins(%arg0 : tensor<4xf32>)',
      '      outs(%out : tensor<4xf32>) : tensor<4xf32>',
      '  return %0 : tensor<4xf32>',
      '}',
    ].join('\n');
    const r = parse(text);
    assert.deepEqual(r.errors, []);
    const body = r.file.chunks[0].operations[0].regions[0].blocks[0].operations;
    assert.deepEqual(
      body.map((o) => o.name),
      ['ttnn.d2m_subgraph', 'func.return'],
    );
    const sub = body[0];
    assert.deepEqual(
      sub.operands.map((o) => o.name),
      ['%arg0', '%out'],
    );
    assert.deepEqual(sub.symbolUses, [{ name: '@d2m_subgraph', range: rangeOf(text, '@d2m_subgraph') }]);
    assert.equal(asTensor(sub.resultTypes[0]).shapeText[0], '4');
    assert.equal(sub.range.end, rangeOf(text, ') : tensor<4xf32>').end);
  });
});

describe('mlir parser: unknown custom ops around regions', () => {
  it('gives an unknown custom op the operands before and after its region, and its region ops their own', () => {
    // Read off the text: test.wrap names %a, (%b) before its region and %b, [%0] after it.
    const text = [
      'func.func @f(%a: i32, %b: i32) {',
      '  test.wrap %a, (%b) {',
      '    %0 = "t.x"(%b, %a) : (i32, i32) -> i32',
      '    test.inner %0 [%a]',
      '  } %b, [%0]',
      '  return',
      '}',
    ].join('\n');
    const r = parse(text);
    assert.deepEqual(r.errors, []);
    const wrap = r.file.chunks[0].operations[0].regions[0].blocks[0].operations[0];
    const names = (op: Operation): string[] => op.operands.map((o) => o.name);
    assert.deepEqual(names(wrap), ['%a', '%b', '%b', '%0']);
    const inner = wrap.regions[0].blocks[0].operations;
    assert.deepEqual(inner.map(names), [
      ['%b', '%a'],
      ['%0', '%a'],
    ]);
  });
});

describe('mlir parser: split files and resources (fixture split.mlir)', () => {
  const text = readFileSync(path.join(FIXTURES, 'split.mlir'), 'utf8');
  const result = parse(text);

  it('makes one chunk per // ----- section', () => {
    assert.deepEqual(result.errors, []);
    assert.equal(result.file.chunks.length, 2);
    const marker = text.indexOf('// -----');
    assert.deepEqual(result.file.chunks[0].range, { start: 0, end: marker });
    assert.equal(result.file.chunks[1].range.start, marker + '// -----\n'.length);
    assert.equal(result.file.chunks[0].aliases.length, 1);
    assert.equal(result.file.chunks[1].aliases.length, 0);
    assert.equal(result.file.chunks[1].operations[0].symbol?.name, '@second');
  });

  it('skips the dialect_resources section without tokenising it', () => {
    const start = text.indexOf('{-#');
    const end = text.indexOf('#-}') + 3;
    assert.deepEqual(result.file.resourceSections, [{ start, end }]);
  });
});

describe('mlir parser: errors and recovery', () => {
  it('reports a precise range and resumes at the next op', () => {
    const src = ['%0 = "a.b"(%x : () -> ()', '%1 = "a.c"() : () -> i32', '%2 = "a.d"(%1) : (i32) -> i32'].join('\n');
    const r = parse(src);
    assert.equal(r.errors.length, 1);
    assert.deepEqual(r.errors[0].range, rangeOf(src, ':'));
    assert.match(r.errors[0].message, /expected '\)' after operands/);
    assert.deepEqual(
      r.file.chunks[0].operations.map((o) => o.name),
      ['a.b', 'a.c', 'a.d'],
    );
    assert.deepEqual(r.file.chunks[0].operations[2].operands[0].range, rangeOf(src, '%1', 1));
  });

  it('recovers inside a region and keeps the enclosing structure', () => {
    const src = [
      'func.func @f() {',
      '  %0 = "a.b"() <{x = }> : () -> i32',
      '  "a.c"() : () -> ()',
      '}',
      'func.func @g() {',
      '}',
    ].join('\n');
    const r = parse(src);
    assert.equal(r.errors.length, 1);
    const braceAt = rangeOf(src, '}>').start;
    assert.deepEqual(r.errors[0].range, { start: braceAt, end: braceAt + 1 });
    const top = r.file.chunks[0].operations;
    assert.deepEqual(
      top.map((o) => o.symbol?.name),
      ['@f', '@g'],
    );
    assert.deepEqual(
      top[0].regions[0].blocks[0].operations.map((o) => o.name),
      ['a.b', 'a.c'],
    );
  });

  it('reports and drops an undotted unknown custom op, then keeps parsing', () => {
    const src = ['ttnn.add %0', 'foo %1, %2', '"a.b"() : () -> ()'].join('\n');
    const r = parse(src);
    assert.deepEqual(
      r.errors.map((e) => [e.message, e.range]),
      [["custom op 'foo' is unknown", rangeOf(src, 'foo')]],
    );
    assert.deepEqual(
      r.file.chunks[0].operations.map((o) => o.name),
      ['ttnn.add', 'a.b'],
    );
  });

  it('skips a large resource blob in one step', () => {
    const blob = `"0x${'0A'.repeat(1_000_000)}"`;
    const src = `"a.b"() : () -> ()\n{-#\n  dialect_resources: { builtin: { b: ${blob} } }\n#-}\n`;
    const r = parse(src);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.file.resourceSections, [{ start: src.indexOf('{-#'), end: src.indexOf('#-}') + 3 }]);
  });

  it('reports stray characters and unterminated groups', () => {
    const r = parse('#a = #x.y<1, $>\n%0 = "a.b"() : () -> tensor<4xf32');
    assert.deepEqual(
      r.errors.map((e) => e.message),
      ["unexpected character '$'", "expected '>' to close the shaped type, found end of input"],
    );
  });

  it('survives nesting 512 levels deep without recursion overflow', () => {
    for (const src of [
      '('.repeat(512),
      `"a.b"() <{x = ${'['.repeat(512)}}> : () -> ()`,
      `#a = #x.y${'<'.repeat(512)}`,
      `!a = ${'!b.c<'.repeat(512)}`,
      `#a = loc(${'"n"('.repeat(512)}`,
      'module {'.repeat(512),
    ]) {
      const r = parse(src);
      assert.ok(r.errors.length > 0, src.slice(0, 20));
      assert.ok(!r.errors.some((e) => e.message.startsWith('internal')), src.slice(0, 20));
    }
  });

  it('reports running out of input once, not once per open construct', () => {
    const r = parse('module {\n  func.func @f() {\n    "a.b"() <{x = [#t.y<(1, ');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].range.end <= r.file.range.end, true);
  });

  it('reads CRLF files and ignores split markers inside resource blobs', () => {
    const src = ['"a.b"() : () -> ()', '{-#', '  // -----', '#-}', '// -----', '"a.c"() : () -> ()', ''].join('\r\n');
    const r = parse(src);
    assert.deepEqual(r.errors, []);
    assert.equal(r.file.chunks.length, 2);
    assert.deepEqual(
      r.file.chunks.map((c) => c.operations.map((o) => o.name)),
      [['a.b'], ['a.c']],
    );
    assert.deepEqual(r.file.chunks[1].operations[0].range, rangeOf(src, '"a.c"() : () -> ()'));
  });

  it('never throws on empty or degenerate input', () => {
    for (const src of ['', '\n', '}', '{-#', '#-}', '%0:', '"', '@', '^', 'loc(', '// -----', '// -----\n// -----']) {
      const r = parse(src);
      assert.ok(r.file.chunks.length >= 1);
    }
  });
});
