import * as assert from 'node:assert/strict';
import { parse } from '../../../server/src/mlir/parser';
import { buildSemanticIndex, resolveAttrAlias, resolveLocation, symbolAt } from '../../../server/src/mlir/semantic';
import type { TextRange } from '../../../server/src/text/textRange';

function rangeOf(text: string, needle: string, nth = 0): TextRange {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture lacks occurrence ${nth} of ${needle}`);
  }
  return { start: at, end: at + needle.length };
}

const index = (text: string) => {
  const result = parse(text);
  assert.deepEqual(result.errors, []);
  return buildSemanticIndex(result);
};

describe('mlir semantic index: values', () => {
  const text = [
    '#l = #ttnn.ttnn_layout<(d0) -> (0, d0), <1x1>, memref<1x4xf32, #dram>, <interleaved>>',
    '#dram = #ttnn.buffer_type<dram>',
    'module {',
    '  func.func @f(%arg0: tensor<4xf32, #l>) -> tensor<4xf32, #l> {',
    '    %0:2 = "t.split"(%arg0) : (tensor<4xf32, #l>) -> (tensor<4xf32, #l>, tensor<4xf32, #l>) loc(#loc2)',
    '    %1 = "t.add"(%0#0, %0#1) : (tensor<4xf32, #l>, tensor<4xf32, #l>) -> tensor<4xf32, #l>',
    '    return %1 : tensor<4xf32, #l>',
    '  }',
    '  func.func @g(%arg0: tensor<4xf32, #l>) -> tensor<4xf32, #l> {',
    '    %0 = call @f(%arg0) : (tensor<4xf32, #l>) -> tensor<4xf32, #l>',
    '    return %0 : tensor<4xf32, #l>',
    '  }',
    '}',
    '#loc1 = loc("m.py":7:1)',
    '#loc2 = loc("split"(#loc1))',
  ].join('\n');
  const ix = index(text);

  it('has no diagnostics', () => {
    assert.deepEqual(ix.diagnostics, []);
  });

  it('links %0#N uses to the %0:2 group, separately per function', () => {
    const def = rangeOf(text, '%0:2');
    const found = symbolAt(ix, def.start + 1);
    assert.ok(found);
    assert.equal(found.kind, 'value');
    assert.equal(found.isDefinition, true);
    assert.deepEqual(found.definition, { start: def.start, end: def.start + 2 });
    assert.deepEqual(found.references, [rangeOf(text, '%0#0'), rangeOf(text, '%0#1')]);
    assert.equal(found.entity.resultCount, 2);
    // `%0` in @g is another value.
    const inG = symbolAt(ix, rangeOf(text, '%0 = call').start);
    assert.ok(inG);
    assert.notEqual(inG.entity, found.entity);
    const returned = rangeOf(text, 'return %0').start + 'return '.length;
    assert.deepEqual(inG.references, [{ start: returned, end: returned + 2 }]);
  });

  it('treats function arguments as definitions of the entry block', () => {
    const found = symbolAt(ix, rangeOf(text, '%arg0', 1).start);
    assert.ok(found);
    assert.equal(found.isDefinition, false);
    assert.deepEqual(found.definition, rangeOf(text, '%arg0', 0));
    assert.deepEqual(found.references, [rangeOf(text, '%arg0', 1)]);
    assert.equal(found.entity.blockArgument?.name, '%arg0');
  });

  it('finds alias uses inside dialect bodies and before their definition', () => {
    const dram = symbolAt(ix, rangeOf(text, '#dram>').start);
    assert.ok(dram);
    assert.equal(dram.kind, 'attrAlias');
    const dramDef = rangeOf(text, '#dram =').start;
    assert.deepEqual(dram.definition, { start: dramDef, end: dramDef + '#dram'.length });
    assert.equal(dram.references.length, 1);
    const layoutUses = symbolAt(ix, rangeOf(text, '#l>').start);
    // #l: 2 in each signature (arg, result), 3 + 3 + 1 in @f's body, 2 + 1 in @g's body.
    assert.equal(layoutUses?.references.length, 2 + 3 + 3 + 1 + 2 + 2 + 1);
    const loc2 = symbolAt(ix, rangeOf(text, 'loc(#loc2)').start + 4);
    assert.ok(loc2);
    assert.deepEqual(loc2.definition, { start: rangeOf(text, '#loc2 =').start, end: rangeOf(text, '#loc2 =').start + 5 });
  });

  it('resolves symbols: call @f refers to func.func @f', () => {
    const use = symbolAt(ix, rangeOf(text, '@f(%arg0)').start);
    assert.ok(use);
    assert.equal(use.kind, 'symbol');
    assert.deepEqual(use.definition, rangeOf(text, '@f'));
    assert.deepEqual(use.references, [{ start: rangeOf(text, '@f(%arg0)').start, end: rangeOf(text, '@f(%arg0)').start + 2 }]);
  });

  it('resolves location chains to names and the first file:line:col', () => {
    const loc = resolveLocation(ix, { kind: 'aliasRef', name: '#loc2', range: { start: 0, end: 0 } });
    assert.deepEqual(loc, { names: ['split'], fileLineCol: { file: 'm.py', line: 7, column: 1 }, first: { kind: 'name', name: 'split' }, aliasChain: ['#loc2', '#loc1'], incomplete: false });
  });
});

describe('mlir semantic index: diagnostics', () => {
  it('reports undefined values, redefinitions, bad result numbers, undefined aliases and symbols', () => {
    const text = [
      'func.func @f(%arg0: i32) {',
      '  %0 = "t.a"(%nope) : (i32) -> i32',
      '  %0 = "t.b"() : () -> i32',
      '  %1:2 = "t.c"() : () -> (i32, i32)',
      '  "t.d"(%1#2) : (i32) -> ()',
      '  "t.e"() {x = #missing} : () -> ()',
      '  %2 = call @absent() : () -> i32',
      '}',
    ].join('\n');
    const ix = index(text);
    assert.deepEqual(
      ix.diagnostics.map((d) => [d.severity, d.message, text.slice(d.range.start, d.range.end)]),
      [
        ['error', "use of undeclared SSA value name '%nope'", '%nope'],
        ['error', "redefinition of SSA value '%0'", '%0'],
        ['error', "result number 2 of '%1' is out of range (it defines 2)", '%1#2'],
        ['error', "undefined symbol alias id 'missing'", '#missing'],
        ['warning', "'@absent' does not reference a defined symbol", '@absent'],
      ],
    );
    assert.deepEqual(ix.diagnostics[1].range, rangeOf(text, '%0', 1));
  });

  it('scopes values: nested non-isolated regions see outer values, isolated ones do not', () => {
    const text = [
      'func.func @f(%arg0: i32) {',
      '  "t.wrap"() ({',
      '    "t.use"(%arg0) : (i32) -> ()',
      '  }) : () -> ()',
      '  "t.iso"() ({',
      '    func.func @inner() {',
      '      "t.use"(%arg0) : (i32) -> ()',
      '    }',
      '  }) : () -> ()',
      '}',
    ].join('\n');
    const ix = index(text);
    assert.deepEqual(
      ix.diagnostics.map((d) => d.range),
      [rangeOf(text, '%arg0', 2)],
    );
  });

  it('takes unknown names in unknown custom ops as definitions their regions see (scf.for)', () => {
    const text = [
      'func.func @f(%lb: index, %ub: index) {',
      '  scf.for %i = %lb to %ub step %lb {',
      '    "t.use"(%i) : (index) -> ()',
      '  }',
      '  "t.use"(%undefined) : (index) -> ()',
      '}',
    ].join('\n');
    const ix = index(text);
    assert.deepEqual(
      ix.diagnostics.map((d) => d.range),
      [rangeOf(text, '%undefined')],
    );
    const iv = symbolAt(ix, rangeOf(text, '%i', 1).start);
    assert.deepEqual(iv?.definition, rangeOf(text, '%i', 0));
  });

  it('resolves block labels used as successors', () => {
    const text = ['func.func @f() {', '  "t.br"() [^bb1] : () -> ()', '^bb1:', '  "t.br"() [^bb9] : () -> ()', '}'].join('\n');
    const ix = index(text);
    assert.deepEqual(
      ix.diagnostics.map((d) => d.message),
      ["reference to an undefined block '^bb9'"],
    );
    const label = symbolAt(ix, rangeOf(text, '^bb1', 0).start);
    assert.deepEqual(label?.definition, rangeOf(text, '^bb1', 1));
  });

  it('reports alias redefinitions and survives location cycles', () => {
    const text = ['#loc1 = loc(#loc2)', '#loc2 = loc("n"(#loc1))', '#a = #b', '#b = #a', '#a = 1'].join('\n');
    const ix = index(text);
    assert.deepEqual(
      ix.diagnostics.map((d) => [d.message, d.range]),
      [["redefinition of alias '#a'", rangeOf(text, '#a', 2)]],
    );
    const loc = resolveLocation(ix, { kind: 'aliasRef', name: '#loc1', range: { start: 0, end: 0 } });
    assert.deepEqual(loc, { names: ['n'], fileLineCol: undefined, first: { kind: 'name', name: 'n' }, aliasChain: ['#loc1', '#loc2'], incomplete: true });
    const alias = resolveAttrAlias(ix, '#a');
    assert.deepEqual(
      alias?.chain.map((d) => d.name),
      ['#a', '#b'],
    );
    assert.equal(alias?.attr, undefined);
  });

  it('follows alias chains to the final value', () => {
    const ix = index(['#dram = #ttnn.buffer_type<dram>', '#mem = #dram'].join('\n'));
    const alias = resolveAttrAlias(ix, '#mem');
    assert.deepEqual(
      alias?.chain.map((d) => d.name),
      ['#mem', '#dram'],
    );
    assert.ok(alias?.attr?.kind === 'dialectAttr' && alias.attr.name === 'ttnn.buffer_type');
  });
});
