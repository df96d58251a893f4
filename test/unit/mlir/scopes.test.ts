import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rangeOf } from '../../support/textRanges';
import { aliasesByName, resolveAttr } from '../../../server/src/mlir/aliases';
import { locationOfAlias, resolveLocation } from '../../../server/src/mlir/locations';
import { occurrenceAt, type Occurrence } from '../../../server/src/mlir/occurrences';
import { parse } from '../../../server/src/mlir/parser';
import { definitionsOf, nameErrors, occurrencesOf } from '../../../server/src/mlir/scopes';
import type { Chunk, SyntaxFile } from '../../../server/src/mlir/syntax';
import type { TextRange } from '../../../server/src/text/textRange';

/** The first `length` characters of the nth `needle`: `%0` of `%0:2`. */
function nameRange(text: string, needle: string, length: number, nth = 0): TextRange {
  const r = rangeOf(text, needle, nth);
  return { start: r.start, end: r.start + length };
}

const fileOf = (text: string): SyntaxFile => {
  const result = parse(text);
  assert.deepEqual(result.errors, []);
  return result.file;
};

const plain = (os: readonly Occurrence[]): TextRange[] => os.map((o) => ({ start: o.range.start, end: o.range.end }));

/** What the name under `offset` resolves to: its kind, whether it is a definition, the definitions and the uses. */
function resolveAt(file: SyntaxFile, offset: number) {
  const at = occurrenceAt(file, offset);
  assert.ok(at, `no name at ${offset}`);
  const all = occurrencesOf(at);
  return {
    kind: at.occurrence.nameKind,
    isDefinition: all.some((o) => o.isDefinition && o.range.start === at.occurrence.range.start),
    definitions: plain(definitionsOf(at)),
    uses: plain(all.filter((o) => !o.isDefinition)),
  };
}

function locationLookup(chunk: Chunk | undefined) {
  return (name: string) => locationOfAlias(chunk?.aliases.find((a) => a.name === name));
}

describe('mlir scopes: values', () => {
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
  const file = fileOf(text);

  it('has no name errors (%0#0 and %0#1 are within the 2 results of %0:2)', () => {
    assert.deepEqual(nameErrors(file), []);
  });

  it('links %0#N uses to the %0:2 group, separately per function', () => {
    const def = rangeOf(text, '%0:2');
    const found = resolveAt(file, def.start + 1);
    assert.equal(found.kind, 'value');
    assert.equal(found.isDefinition, true);
    assert.deepEqual(found.definitions, [{ start: def.start, end: def.start + 2 }]);
    // A use's range is the name without its result number.
    assert.deepEqual(found.uses, [nameRange(text, '%0#0', 2), nameRange(text, '%0#1', 2)]);
    // `%0` in @g is another value.
    const inG = resolveAt(file, rangeOf(text, '%0 = call').start);
    assert.deepEqual(inG.definitions, [nameRange(text, '%0 = call', 2)]);
    const returned = rangeOf(text, 'return %0').start + 'return '.length;
    assert.deepEqual(inG.uses, [{ start: returned, end: returned + 2 }]);
  });

  it('treats function arguments as definitions of the entry block', () => {
    const found = resolveAt(file, rangeOf(text, '%arg0', 1).start);
    assert.equal(found.isDefinition, false);
    assert.deepEqual(found.definitions, [rangeOf(text, '%arg0', 0)]);
    assert.deepEqual(found.uses, [rangeOf(text, '%arg0', 1)]);
    const fn = file.chunks[0]!.operations[0]!.regions[0]!.blocks[0]!.operations[0]!;
    const arg = fn.regions[0]!.blocks[0]!.arguments[0]!;
    assert.equal(arg, fn.signature?.arguments[0]);
    assert.deepEqual(found.definitions, [{ start: arg.nameRange.start, end: arg.nameRange.end }]);
  });

  it('finds alias uses inside dialect bodies and before their definition', () => {
    const dram = resolveAt(file, rangeOf(text, '#dram>').start);
    assert.equal(dram.kind, 'alias');
    const dramDef = rangeOf(text, '#dram =').start;
    assert.deepEqual(dram.definitions, [{ start: dramDef, end: dramDef + '#dram'.length }]);
    assert.equal(dram.uses.length, 1);
    const layoutUses = resolveAt(file, rangeOf(text, '#l>').start);
    // #l: 2 in each signature (arg, result), 3 + 3 + 1 in @f's body, 2 + 1 in @g's body.
    assert.equal(layoutUses.uses.length, 2 + 3 + 3 + 1 + 2 + 2 + 1);
    const loc2 = resolveAt(file, rangeOf(text, 'loc(#loc2)').start + 4);
    assert.deepEqual(loc2.definitions, [
      { start: rangeOf(text, '#loc2 =').start, end: rangeOf(text, '#loc2 =').start + 5 },
    ]);
  });

  it('resolves symbols: call @f refers to func.func @f', () => {
    const use = resolveAt(file, rangeOf(text, '@f(%arg0)').start);
    assert.equal(use.kind, 'symbol');
    assert.deepEqual(use.definitions, [rangeOf(text, '@f')]);
    assert.deepEqual(use.uses, [
      { start: rangeOf(text, '@f(%arg0)').start, end: rangeOf(text, '@f(%arg0)').start + 2 },
    ]);
  });

  it('resolves location chains to names and the first file:line:col', () => {
    const loc = resolveLocation(
      { kind: 'aliasRef', name: '#loc2', range: { start: 0, end: 0 } },
      locationLookup(file.chunks[0]),
    );
    assert.deepEqual(loc, {
      names: ['split'],
      fileLineCol: { file: 'm.py', line: 7, column: 1 },
      first: { kind: 'name', name: 'split' },
      aliasChain: ['#loc2', '#loc1'],
      incomplete: false,
    });
  });
});

describe('mlir scopes: regions, labels and symbol tables', () => {
  it('keeps a value defined in a region to that region: sibling regions may reuse the name', () => {
    const text = [
      'func.func @f(%c: i1) {',
      '  "t.if"(%c) ({',
      '    %x = "t.a"() : () -> i32',
      '    "t.use"(%x) : (i32) -> ()',
      '  }, {',
      '    %x = "t.b"() : () -> i32',
      '    "t.use"(%x) : (i32) -> ()',
      '  }) : (i1) -> ()',
      '}',
    ].join('\n');
    const file = fileOf(text);
    assert.deepEqual(nameErrors(file), []);
    const second = resolveAt(file, rangeOf(text, '%x)', 1).start);
    assert.deepEqual(second.definitions, [nameRange(text, '%x =', 2, 1)]);
    assert.deepEqual(second.uses, [nameRange(text, '%x)', 2, 1)]);
    // The outer argument is visible in both regions.
    assert.deepEqual(resolveAt(file, rangeOf(text, '%c)').start).definitions, [rangeOf(text, '%c')]);
  });

  it('lists both definitions of a name defined twice', () => {
    const text = [
      'func.func @f() {',
      '  %0 = "t.a"() : () -> i32',
      '  %0 = "t.b"() : () -> i32',
      '  "t.use"(%0) : (i32) -> ()',
      '}',
    ].join('\n');
    const file = fileOf(text);
    assert.deepEqual(resolveAt(file, rangeOf(text, '%0)').start).definitions, [
      rangeOf(text, '%0', 0),
      rangeOf(text, '%0', 1),
    ]);
  });

  it('looks a symbol up in the nearest module that defines it, and groups uses of an undefined one', () => {
    const text = [
      'module {',
      '  func.func @f() { return }',
      '  func.func @g() {',
      '    call @f() : () -> ()',
      '    call @nope() : () -> ()',
      '    return',
      '  }',
      '  module @inner {',
      '    func.func @f() { return }',
      '    func.func @h() {',
      '      call @f() : () -> ()',
      '      call @g() : () -> ()',
      '      call @nope() : () -> ()',
      '      return',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const file = fileOf(text);
    const outerUse = resolveAt(file, rangeOf(text, '@f()', 1).start);
    assert.deepEqual(outerUse.definitions, [rangeOf(text, '@f', 0)]);
    assert.deepEqual(outerUse.uses, [rangeOf(text, '@f', 1)]);
    const innerUse = resolveAt(file, rangeOf(text, '@f()', 3).start);
    assert.deepEqual(innerUse.definitions, [rangeOf(text, '@f', 2)]);
    assert.deepEqual(innerUse.uses, [rangeOf(text, '@f', 3)]);
    // @g is not defined in @inner: the use resolves in the module around it.
    assert.deepEqual(resolveAt(file, rangeOf(text, '@g()', 1).start).definitions, [rangeOf(text, '@g', 0)]);
    const nope = resolveAt(file, rangeOf(text, '@nope').start);
    assert.deepEqual(nope.definitions, []);
    assert.deepEqual(nope.uses, [rangeOf(text, '@nope', 0), rangeOf(text, '@nope', 1)]);
    assert.deepEqual(
      nameErrors(file).map((d) => [d.severity, d.message, d.range.start]),
      [
        ['warning', "'@nope' does not reference a defined symbol", rangeOf(text, '@nope', 0).start],
        ['warning', "'@nope' does not reference a defined symbol", rangeOf(text, '@nope', 1).start],
      ],
    );
  });

  it('treats ttcore.device_module and ttcore.cpu_module as symbol tables (TTCoreOps.td: SymbolTable)', () => {
    // The same @f in the device and the CPU module: each use resolves inside its own wrapper.
    const text = [
      'module {',
      '  ttcore.device_module {',
      '    func.func @f() { return }',
      '    func.func @g() {',
      '      call @f() : () -> ()',
      '      return',
      '    }',
      '  }',
      '  ttcore.cpu_module {',
      '    func.func @f() { return }',
      '    func.func @h() {',
      '      call @f() : () -> ()',
      '      return',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const file = fileOf(text);
    assert.deepEqual(resolveAt(file, rangeOf(text, '@f()', 1).start).definitions, [rangeOf(text, '@f', 0)]);
    assert.deepEqual(resolveAt(file, rangeOf(text, '@f()', 3).start).definitions, [rangeOf(text, '@f', 2)]);
    assert.deepEqual(nameErrors(file), []);
  });

  it('counts `callee = @f` once and finds symbols inside dialect attribute bodies', () => {
    const text = [
      'func.func @f() { return }',
      'func.func @g() {',
      '  "t.call"() {callee = @f, table = #t.table<@f>} : () -> ()',
      '  return',
      '}',
    ].join('\n');
    const file = fileOf(text);
    const found = resolveAt(file, rangeOf(text, '@f', 1).start);
    assert.deepEqual(found.definitions, [rangeOf(text, '@f', 0)]);
    assert.deepEqual(found.uses, [rangeOf(text, '@f', 1), rangeOf(text, '@f', 2)]);
    assert.deepEqual(nameErrors(file), []);
  });

  it('reads `#ttnn<...>` inside a body as a dialect attribute, not an alias use', () => {
    const text = ['#m = #t.mesh<#ttnn<mesh_shape 1x1>, #undefined_alias>', 'func.func @f() { return }'].join('\n');
    assert.deepEqual(
      nameErrors(fileOf(text)).map((d) => d.message),
      ["undefined symbol alias id 'undefined_alias'"],
    );
  });
});

describe('mlir scopes: names inside shared dictionaries, dialect attributes and tensor types', () => {
  // The same properties, attribute and type texts on three ops: the parser keeps one copy of each text, and the
  // walks take the names inside it once per text, at each use's own place.
  const op = '  %X = "t.op"() <{a = #l, b = #t.cfg<#l, #m>, c = [#l]}> {d = #t.ref<@f>} : () -> tensor<2x2xbf16, #l>';
  const text = [
    '#l = #t.layout<2>',
    'func.func @f() {',
    op.replace('%X', '%0'),
    op.replace('%X', '%1'),
    op.replace('%X', '%2'),
    '  return',
    '}',
  ].join('\n');
  const file = parse(text).file;

  it('lists every use of an alias, each where the text has it', () => {
    const found = resolveAt(file, rangeOf(text, '#l', 1).start);
    // 4 uses per op (a, b's body, c's array, the type's encoding) x 3 ops.
    assert.deepEqual(
      found.uses,
      Array.from({ length: 12 }, (_, i) => rangeOf(text, '#l', i + 1)),
    );
  });

  it('lists every symbol use inside the shared bodies', () => {
    const found = resolveAt(file, rangeOf(text, '@f', 1).start);
    assert.deepEqual(found.definitions, [rangeOf(text, '@f', 0)]);
    assert.deepEqual(found.uses, [rangeOf(text, '@f', 1), rangeOf(text, '@f', 2), rangeOf(text, '@f', 3)]);
  });

  it('reports an undefined alias at each use', () => {
    assert.deepEqual(
      nameErrors(file).map((d) => [d.message, d.range]),
      [0, 1, 2].map((i) => ["undefined symbol alias id 'm'", rangeOf(text, '#m', i)]),
    );
  });
});

describe('mlir scopes: name errors', () => {
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
    const errors = nameErrors(fileOf(text));
    assert.deepEqual(
      errors.map((d) => [d.severity, d.message, text.slice(d.range.start, d.range.end)]),
      [
        ['error', "use of undeclared SSA value name '%nope'", '%nope'],
        ['error', "redefinition of SSA value '%0'", '%0'],
        ['error', "result number 2 of '%1' is out of range (it defines 2)", '%1#2'],
        ['error', "undefined symbol alias id 'missing'", '#missing'],
        ['warning', "'@absent' does not reference a defined symbol", '@absent'],
      ],
    );
    assert.deepEqual(errors[1]!.range, rangeOf(text, '%0', 1));
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
    const file = fileOf(text);
    assert.deepEqual(
      nameErrors(file).map((d) => d.range),
      [rangeOf(text, '%arg0', 2)],
    );
    // Navigation agrees: the use inside @inner has no definition, the one in the plain region does.
    assert.deepEqual(resolveAt(file, rangeOf(text, '%arg0', 2).start).definitions, []);
    assert.deepEqual(resolveAt(file, rangeOf(text, '%arg0', 1).start).definitions, [rangeOf(text, '%arg0', 0)]);
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
    const file = fileOf(text);
    assert.deepEqual(
      nameErrors(file).map((d) => d.range),
      [rangeOf(text, '%undefined')],
    );
    const iv = resolveAt(file, rangeOf(text, '%i', 1).start);
    assert.deepEqual(iv.definitions, [rangeOf(text, '%i', 0)]);
  });

  it('resolves block labels used as successors', () => {
    const text = [
      'func.func @f() {',
      '  "t.br"() [^bb1] : () -> ()',
      '^bb1:',
      '  "t.br"() [^bb9] : () -> ()',
      '}',
    ].join('\n');
    const file = fileOf(text);
    assert.deepEqual(
      nameErrors(file).map((d) => d.message),
      ["reference to an undefined block '^bb9'"],
    );
    const label = resolveAt(file, rangeOf(text, '^bb1', 0).start);
    assert.deepEqual(label.definitions, [rangeOf(text, '^bb1', 1)]);
  });

  it('reports alias redefinitions and survives location cycles', () => {
    const text = ['#loc1 = loc(#loc2)', '#loc2 = loc("n"(#loc1))', '#a = #b', '#b = #a', '#a = 1'].join('\n');
    const file = fileOf(text);
    assert.deepEqual(
      nameErrors(file).map((d) => [d.message, d.range]),
      [["redefinition of alias '#a'", rangeOf(text, '#a', 2)]],
    );
    const loc = resolveLocation(
      { kind: 'aliasRef', name: '#loc1', range: { start: 0, end: 0 } },
      locationLookup(file.chunks[0]),
    );
    assert.deepEqual(loc, {
      names: ['n'],
      fileLineCol: undefined,
      first: { kind: 'name', name: 'n' },
      aliasChain: ['#loc1', '#loc2'],
      incomplete: true,
    });
    // The chain #a -> #b -> #a never reaches a value (the first #a wins; the redefinition is ignored).
    assert.equal(
      resolveAttr({ kind: 'attrAlias', name: '#a', range: { start: 0, end: 0 } }, aliasesByName(file.chunks[0]!)),
      undefined,
    );
  });

  it('follows alias chains to the final value', () => {
    const file = fileOf(['#dram = #ttnn.buffer_type<dram>', '#mem = #dram'].join('\n'));
    const value = resolveAttr(
      { kind: 'attrAlias', name: '#mem', range: { start: 0, end: 0 } },
      aliasesByName(file.chunks[0]!),
    );
    assert.ok(value?.kind === 'dialectAttr' && value.name === 'ttnn.buffer_type');
  });
});

describe('mlir scopes: consistency on real files', () => {
  for (const rel of ['examples/mochi_replicate_pad.mlir', 'test/fixtures/corpus/ttnn/test_llama_attention_ttnn.mlir']) {
    it(`${rel}: every occurrence of a name lists itself and resolves to the same definitions as the rest`, () => {
      const text = readFileSync(path.join(__dirname, '../../..', rel), 'utf8');
      const file = fileOf(text);
      const starts = (os: readonly Occurrence[]): number[] => os.map((o) => o.range.start);
      let names = 0;
      for (let offset = 0; offset < text.length; offset++) {
        const at = occurrenceAt(file, offset);
        if (at === undefined || at.occurrence.range.start !== offset) continue;
        names++;
        const definitions = starts(definitionsOf(at));
        const all = occurrencesOf(at);
        assert.ok(
          all.some((o) => o.range.start === offset),
          `${at.occurrence.name} at ${offset} is not among its own occurrences`,
        );
        for (const o of all)
          assert.deepEqual(
            starts(definitionsOf(occurrenceAt(file, o.range.start)!)),
            definitions,
            `${at.occurrence.name} at ${o.range.start}`,
          );
      }
      assert.ok(names > 100, `only ${names} names found`);
    });
  }
});
