// Scope assertions for syntaxes/mlir.tmLanguage.json on real lines: the seed example and the tt-mlir corpus
// (test/fixtures/corpus, Apache-2.0, see its SOURCE.md). Expected scopes are the grammar's documented names.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { IGrammar } from 'vscode-textmate';
import { loadMlirGrammar, scopesCovering, tokenizeLines, type TokenizedLine } from './tmGrammar';

const ROOT = path.join(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

let grammar: IGrammar;
before(async () => {
  grammar = await loadMlirGrammar();
});

/** Tokenizes `lines` and returns the last one, so earlier lines can set up multi-line state. */
function lastLine(...lines: string[]): TokenizedLine {
  const tokenized = tokenizeLines(grammar, lines);
  return tokenized[tokenized.length - 1]!;
}

/** Asserts that each `[needle, scope]` is one token run whose every token carries `scope`. */
function check(
  line: TokenizedLine,
  expectations: readonly (readonly [string, string] | readonly [string, string, number])[],
): void {
  for (const [needle, scope, occurrence] of expectations) {
    const covering = scopesCovering(line, needle, occurrence ?? 0);
    if (typeof covering === 'string') assert.fail(`${covering}\n  line: ${line.text}`);
    for (const scopes of covering) {
      assert.ok(scopes.includes(scope), `'${needle}' should have ${scope}, has ${scopes.join(' ')}`);
    }
  }
}

/** Asserts that no token covering `needle` carries `scope`. */
function checkNot(line: TokenizedLine, needle: string, scope: string): void {
  const covering = scopesCovering(line, needle, 0, { exact: false });
  if (typeof covering === 'string') assert.fail(covering);
  for (const scopes of covering) assert.ok(!scopes.includes(scope), `'${needle}' should not have ${scope}`);
}

describe('grammar: mlir.tmLanguage.json', () => {
  it('declares source.mlir, the scope LLVM vscode-mlir uses, so the two extensions coexist', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes', 'mlir.tmLanguage.json'), 'utf8')) as {
      scopeName: string;
    };
    assert.strictEqual(raw.scopeName, 'source.mlir');
  });

  it('generic ttnn op: SSA result, quoted op name, properties, types and location (seed example, %9)', () => {
    const line = lastLine(
      '        %9 = "ttnn.to_layout"(%8) <{layout = #ttnn.layout<row_major>}> : (tensor<4x4884480xbf16, #ttnn_layout5>) -> tensor<4x4884480xbf16, #ttnn_layout6> loc(#loc7)',
    );
    check(line, [
      ['%9', 'variable.other.ssa.mlir'],
      ['"ttnn.to_layout"', 'entity.name.function.op.generic.ttnn.mlir'],
      ['%8', 'variable.other.ssa.mlir'],
      ['layout', 'entity.other.attribute-name.mlir', 1],
      ['#ttnn.layout<', 'support.type.attribute.dialect.ttnn.mlir'],
      ['row_major', 'constant.language.ttnn.mlir'],
      ['tensor', 'storage.type.builtin.mlir'],
      ['4x4884480x', 'constant.numeric.dimension.mlir'],
      ['bf16', 'storage.type.primitive.mlir'],
      ['#ttnn_layout5', 'variable.other.constant.attribute-alias.mlir'],
      ['->', 'keyword.operator.arrow.mlir'],
      ['#ttnn_layout6', 'variable.other.constant.attribute-alias.mlir'],
      ['loc', 'keyword.other.location.mlir'],
      ['#loc7', 'meta.location.mlir'],
    ]);
  });

  it('layout alias definition with an affine map, nested memref and tile type closes every bracket', () => {
    const [layout, next] = tokenizeLines(grammar, [
      '#ttnn_layout3 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 196608 + d1 * 256 + d2 * 64 + d3, d4), <1x1>, memref<6144x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>',
      '        %7 = "ttnn.permute"(%6) <{permutation = array<i64: 2, 0, 1, 3, 4>}> : (tensor<1x768x4x60x106xbf16, #ttnn_layout3>) -> tensor<4x1x768x60x106xbf16, #ttnn_layout4> loc(#loc5)',
    ]);
    check(layout!, [
      ['#ttnn_layout3', 'variable.other.constant.attribute-alias.definition.mlir'],
      ['#ttnn.ttnn_layout<', 'support.type.attribute.dialect.ttnn.mlir'],
      ['d0', 'variable.parameter.affine.mlir'],
      ['->', 'keyword.operator.arrow.mlir'],
      ['196608', 'constant.numeric.integer.mlir'],
      ['1x1', 'constant.numeric.shape.mlir'],
      ['memref', 'storage.type.builtin.mlir'],
      ['6144x4x', 'constant.numeric.dimension.mlir'],
      ['!ttcore.tile', 'entity.name.type.dialect.mlir'],
      ['32x32', 'constant.numeric.shape.mlir'],
      ['bf16', 'storage.type.primitive.mlir'],
      ['#dram', 'variable.other.constant.attribute-alias.mlir'],
      ['interleaved', 'constant.language.ttnn.mlir'],
      ['interleaved', 'meta.attribute.dialect.ttnn.mlir'],
    ]);
    assert.strictEqual(layout!.depthAfter, 1, 'the alias line must end with every <...> closed');
    check(next!, [
      ['%7', 'variable.other.ssa.mlir'],
      ['"ttnn.permute"', 'entity.name.function.op.generic.ttnn.mlir'],
      ['array', 'support.type.attribute.builtin.mlir'],
      ['i64', 'storage.type.primitive.mlir'],
    ]);
    checkNot(next!, '%7', 'meta.attribute.dialect.ttnn.mlir');
  });

  it('custom op form: func.func with symbol, argument attributes and a location string', () => {
    const line = lastLine(
      '      func.func @main(%arg0: tensor<20736x768xbf16, #ttnn_layout> {ttcore.argument_type = #ttcore.argument_type<parameter>, ttir.name = "conv.weight"} loc("p1.w"), %arg1: tensor<1x768xbf16, #ttnn_layout1> loc("p2.b")) -> (tensor<1x4x60x106x768xbf16, #ttnn_layout13>) {',
    );
    check(line, [
      ['func.func', 'entity.name.function.op.custom.mlir'],
      ['@main', 'entity.name.function.symbol.mlir'],
      ['%arg0', 'variable.other.ssa.mlir'],
      ['ttcore.argument_type', 'entity.other.attribute-name.mlir'],
      ['#ttcore.argument_type<', 'support.type.attribute.dialect.ttnn.mlir'],
      ['"conv.weight"', 'string.quoted.double.mlir'],
      ['"p1.w"', 'string.quoted.double.location.mlir'],
    ]);
    checkNot(line, '"conv.weight"', 'entity.name.function.op.generic.mlir');
  });

  it('custom op form with results, block labels and a trailing comment (corpus: vovnet.opt.ttnn.mlir)', () => {
    const branch = lastLine('        llvm.br ^bb1(%6 : i64)');
    check(branch, [
      ['llvm.br', 'entity.name.function.op.custom.mlir'],
      ['^bb1', 'entity.name.label.block.mlir'],
      ['i64', 'storage.type.primitive.mlir'],
    ]);
    const block = lastLine('      ^bb1(%33: i64):  // 2 preds: ^bb0, ^bb2');
    check(block, [
      ['^bb1', 'entity.name.label.block.mlir'],
      ['%33', 'variable.other.ssa.mlir'],
      ['// 2 preds: ^bb0, ^bb2', 'comment.line.double-slash.mlir'],
    ]);
    const device = lastLine(
      '      ttcore.device @default_device = <workerGrid = #ttcore.grid<8x8, (d0, d1) -> (0, d0, d1)>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), meshShape = 1x1, chipIds = [0]> loc(#loc)',
    );
    check(device, [
      ['ttcore.device', 'entity.name.function.op.custom.mlir'],
      ['@default_device', 'entity.name.function.symbol.mlir'],
      ['workerGrid', 'entity.other.attribute-name.mlir'],
      ['8x8', 'constant.numeric.shape.mlir'],
      ['s0', 'variable.parameter.affine.mlir'],
      ['meshShape', 'entity.other.attribute-name.mlir'],
    ]);
    assert.strictEqual(device.depthAfter, 1);
  });

  it('locations: named with a nested alias, file:line:col, unknown (seed example)', () => {
    const named = lastLine('#loc4 = loc("aten__index_in_0_layout"(#loc2))');
    check(named, [
      ['#loc4', 'variable.other.constant.attribute-alias.definition.mlir'],
      ['"aten__index_in_0_layout"', 'string.quoted.double.location.mlir'],
      ['#loc2', 'meta.location.mlir'],
    ]);
    checkNot(named, '"aten__index_in_0_layout"', 'entity.name.function.op.generic.mlir');
    assert.strictEqual(named.depthAfter, 1);
    const fileLine = lastLine('#loc2 = loc("tests/torch/models/mochi/single_ops.py":16:0)');
    check(fileLine, [
      ['"tests/torch/models/mochi/single_ops.py"', 'string.quoted.double.location.mlir'],
      ['16', 'constant.numeric.integer.location.mlir'],
    ]);
    check(lastLine('#loc = loc(unknown)'), [['unknown', 'keyword.other.location.mlir']]);
  });

  it('comments, FileCheck directives and the // ----- split marker (corpus: pad_workaround, rotary_embedding)', () => {
    const checkLine = lastLine('    // CHECK: %[[PAD:[0-9]+]] = "ttnn.pad"(%[[ARG0]])');
    check(checkLine, [
      ['CHECK', 'keyword.other.directive.mlir'],
      [': %[[PAD:[0-9]+]] = "ttnn.pad"(%[[ARG0]])', 'comment.line.double-slash.mlir'],
    ]);
    checkNot(checkLine, '"ttnn.pad"', 'entity.name.function.op.generic.ttnn.mlir');
    check(lastLine('// -----'), [['// -----', 'meta.separator.split-input.mlir']]);
  });

  it('numbers: floats with exponents, dense, hex-like offsets, integers with types (corpus: pad_workaround, cacheable-creation-ops)', () => {
    const pad = lastLine(
      '    %0 = "ttnn.pad"(%arg0) <{padding = array<i32: 0, 0, 1, 1, 1, 1>, use_multicore = false, value = 0.000000e+00 : f32}> : (tensor<1x30x30xsi32, #ttnn_layout>) -> tensor<1x32x32xsi32, #ttnn_layout1>',
    );
    check(pad, [
      ['"ttnn.pad"', 'entity.name.function.op.generic.ttnn.mlir'],
      ['0.000000e+00', 'constant.numeric.float.mlir'],
      ['f32', 'storage.type.primitive.mlir'],
      ['false', 'constant.language.boolean.mlir'],
      ['si32', 'storage.type.primitive.mlir'],
    ]);
    const constant = lastLine(
      '    %constant = "ttnn.constant"(%device) <{layout = #ttnn.layout<tile>, value = dense<3.000000e+00> : tensor<32x32xbf16>}> : (!ttnn.device) -> tensor<32x32xbf16, #ttnn_layout>',
    );
    check(constant, [
      ['dense', 'support.type.attribute.builtin.mlir'],
      ['3.000000e+00', 'constant.numeric.float.mlir'],
      ['tile', 'constant.language.ttnn.mlir'],
      ['!ttnn.device', 'entity.name.type.dialect.mlir'],
    ]);
    const device = lastLine(
      '        %5 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device loc(#loc)',
    );
    check(device, [
      ['#ttnn<', 'support.type.attribute.dialect.ttnn.mlir'],
      ['0x0', 'constant.numeric.shape.mlir'],
    ]);
    const index = lastLine(
      '#ttnn_layout16 = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<32x1xui32, #dram>, <interleaved>>',
    );
    check(index, [
      ['32x1x', 'constant.numeric.dimension.mlir'],
      ['ui32', 'storage.type.primitive.mlir'],
    ]);
  });

  it('sharded memory configs: nested attributes, core ranges, L1 buffer type (corpus: rotary_embedding_llama)', () => {
    const line = lastLine(
      '#height_sharded_mem_config = #ttnn.memory_config<#l1, <height_sharded>, #ttnn.shard_spec<#ttnn.core_range_set<[#ttnn.core_range<(0, 0), (7, 0)>]>, <32x32>, <row_major>>>',
    );
    check(line, [
      ['#l1', 'variable.other.constant.attribute-alias.mlir'],
      ['height_sharded', 'constant.language.ttnn.mlir', 1],
      ['#ttnn.core_range<', 'support.type.attribute.dialect.ttnn.mlir'],
      ['row_major', 'constant.language.ttnn.mlir'],
    ]);
    assert.strictEqual(line.depthAfter, 1);
  });

  it('module header and return (seed example)', () => {
    const module = lastLine(
      'module @SyncTensorsGraph.42 attributes {ttcore.meshes = #ttcore.meshes<[<"mesh" = 1x1>]>} {',
    );
    check(module, [
      ['module', 'keyword.other.mlir'],
      ['@SyncTensorsGraph.42', 'entity.name.function.symbol.mlir'],
      ['attributes', 'keyword.other.mlir'],
      ['ttcore.meshes', 'entity.other.attribute-name.mlir'],
    ]);
    const ret = lastLine('        return %25 : tensor<1x4x60x106x768xbf16, #ttnn_layout13> loc(#loc)');
    check(ret, [
      ['return', 'keyword.control.return.mlir'],
      ['%25', 'variable.other.ssa.mlir'],
    ]);
  });

  it('every corpus file and example: each statement starts outside any bracket, and each whole file ends balanced', function () {
    this.timeout(30_000); // ~2 s: it tokenizes about 2 MB of corpus.
    const files = [...listMlirFiles(CORPUS), ...listMlirFiles(path.join(ROOT, 'examples'))];
    assert.ok(files.length >= 50, `expected the corpus, found ${files.length} files`);
    // Properties may span lines (`<{` ... `}>`), so balance is checked where a new statement begins.
    const statementStart = /^\s*(?:%[\w$.-]+(?::\d+)? = |"[\w.]+"\(|func\.func |return\b|#[\w$.-]+ = )/;
    const unbalanced: string[] = [];
    for (const file of files) {
      // The first 1,500 lines of a file hold every construct it uses; the rest is more of the same ops.
      const allLines = fs.readFileSync(file, 'utf8').split('\n');
      const lines = allLines.slice(0, 1500);
      const tokenized = tokenizeLines(grammar, lines);
      let depthBefore = 1;
      for (const [lineIdx, line] of tokenized.entries()) {
        if (depthBefore !== 1 && statementStart.test(line.text))
          unbalanced.push(`${path.relative(ROOT, file)}:${lineIdx + 1}`);
        depthBefore = line.depthAfter;
      }
      if (lines.length === allLines.length && depthBefore !== 1)
        unbalanced.push(`${path.relative(ROOT, file)}: end of file`);
    }
    assert.deepStrictEqual(unbalanced.slice(0, 10), []);
  });
});

function listMlirFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listMlirFiles(full));
    else if (entry.name.endsWith('.mlir')) found.push(full);
  }
  return found.sort();
}
