/**
 * Custom-form ops of other dialects that tt-mlir's own tests print between TTNN ops (hand-written shapes, modelled on
 * the syntax of tt-mlir's test/ttmlir/Dialect/TTNN/nd_layout_encoding.mlir, Conversion/StableHLOToTTIR/
 * convolution_decomposition.mlir, Silicon/StableHLO/n150/composite_op.mlir and Silicon/TTNN/n150/spatial/*.mlir):
 * their grammar is unknown to the parser, so each must be skipped to its end without a syntax error, and the TTNN ops
 * around it must parse and estimate exactly as they do without it. A real syntax error must still be reported.
 */

import * as assert from 'node:assert/strict';
import { parse } from '../../../server/src/mlir/parser';
import { applyChange, parseForEdits } from '../../../server/src/mlir/incrementalParse';
import fc from 'fast-check';
import { checkLeafEdits, leafEdits } from '../../support/leafEdits';
import type { Operation } from '../../../server/src/mlir/syntax';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { rangeOf } from '../../support/textRanges';

const T = 'tensor<32x256xf32, #l>';
const ALIASES = [
  '#dram = #ttnn.buffer_type<dram>',
  '#l = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x8x!ttcore.tile<32x32, f32>, #dram>, <interleaved>>',
];
const BEFORE = `    %t0 = "ttnn.relu"(%arg0) : (${T}) -> ${T}`;
const AFTER = `    %t1 = "ttnn.exp"(%t0) : (${T}) -> ${T}`;

/** A TTNN function with `middle` (lines) between its two TTNN ops; `extra` lines after the function. */
function moduleWith(middle: readonly string[], extra: readonly string[] = []): string {
  return [
    ...ALIASES,
    'module {',
    `  func.func @f(%arg0: ${T}) -> ${T} {`,
    BEFORE,
    ...middle,
    AFTER,
    `    return %t1 : ${T}`,
    '  }',
    ...extra,
    '}',
  ].join('\n');
}

const SHAPES: Record<string, { middle: string[]; extra?: string[]; custom: string }> = {
  'a prefix-less `yield` in the region of emitc.expression (its default dialect)': {
    middle: [
      '    %e = emitc.expression : () -> i32 {',
      '      %c = "emitc.constant"() <{value = 7 : i32}> : () -> i32',
      '      yield %c : i32',
      '    }',
    ],
    custom: 'emitc.expression',
  },
  'stablehlo.convolution with dim_numbers, window and attributes on their own lines': {
    middle: [
      '    %c = stablehlo.convolution(%arg0, %arg0)',
      '      dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f],',
      '      window = {',
      '        stride = [2, 2],',
      '        pad = [[1, 1], [0, 0]]',
      '      } {',
      '        feature_group_count = 1 : i64,',
      '        batch_group_count = 1 : i64',
      `      } : (${T}, ${T}) -> ${T}`,
    ],
    custom: 'stablehlo.convolution',
  },
  'stablehlo.composite with its attribute dictionary over several lines': {
    middle: [
      '    %k = stablehlo.composite "demo.twice" %arg0, %arg0 {',
      '      composite_attributes = {dim = 1 : i64},',
      '      decomposition = @twice_impl',
      `    } : (${T}, ${T}) -> ${T}`,
    ],
    extra: [
      `  func.func private @twice_impl(%a: ${T}, %b: ${T}) -> ${T} {`,
      `    %s = stablehlo.add %a, %b : ${T}`,
      `    return %s : ${T}`,
      '  }',
    ],
    custom: 'stablehlo.composite',
  },
  'd2m.spatial with regions separated by `},` / `{` and a d2m.generic with ins/outs/{ on their own lines': {
    middle: [
      '    %s = d2m.spatial {grid_ranges = [#ttcore.core_range<(0, 0), (0, 0)>, #ttcore.core_range<(1, 1), (1, 1)>]}',
      `    ins(%arg0 : ${T})`,
      `    outs(%t0 : ${T}) {`,
      '      ^region0():',
      '        %g = d2m.generic {block_factors = [1, 1], grid = #ttcore.grid<1x1>}',
      `            ins(%arg0 : ${T})`,
      `            outs(%t0 : ${T})`,
      '         {',
      `          d2m.yield %t0 : (${T})`,
      `        } : ${T}`,
      `        d2m.spatial_yield %g : (${T})`,
      '    },',
      '    {',
      '      ^region1():',
      '        %g2 = d2m.generic {',
      '          block_factors = [1, 1],',
      '          grid = #ttcore.grid<1x1>',
      `        } ins() outs(%t0 : ${T}) {`,
      `          d2m.yield %t0 : (${T})`,
      `        } : ${T}`,
      `        d2m.spatial_yield %g2 : (${T})`,
      '    }',
      `     : ${T}`,
    ],
    custom: 'd2m.spatial',
  },
};

function bodyOf(text: string): readonly Operation[] {
  const r = parse(text);
  const moduleOp = r.file.chunks[0].operations[0];
  return moduleOp.regions[0].blocks[0].operations[0].regions[0].blocks[0].operations;
}

/** cbBytesPerCore of the two TTNN ops, by op name, from the whole analysis. */
function ttnnFigures(text: string): Record<string, number> {
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  const out: Record<string, number> = {};
  for (const entry of doc.opsInOrder) {
    const e = entry.op.estimate;
    const name = entry.op.op.name;
    if (name.startsWith('ttnn.') && e.kind === 'estimate') out[name] = e.cbBytesPerCore;
  }
  return out;
}

describe('mlir parser: unknown custom forms of other dialects among TTNN ops', () => {
  // The reference: the same two TTNN ops with nothing between them.
  const plain = moduleWith([]);
  const plainFigures = ttnnFigures(plain);

  it('the reference file parses cleanly and both TTNN ops have an estimate', () => {
    assert.deepEqual(parse(plain).errors, []);
    assert.deepEqual(Object.keys(plainFigures).sort(), ['ttnn.exp', 'ttnn.relu']);
  });

  for (const [title, shape] of Object.entries(SHAPES)) {
    describe(title, () => {
      const text = moduleWith(shape.middle, shape.extra);

      it('parses without a syntax error', () => {
        assert.deepEqual(
          parse(text).errors.map((e) => e.message),
          [],
        );
      });

      it('is one op from its first line to its last, between the two TTNN ops', () => {
        const body = bodyOf(text);
        assert.deepEqual(
          body.map((o) => o.name),
          ['ttnn.relu', shape.custom, 'ttnn.exp', 'func.return'],
        );
        // From the first non-blank character of its first line to the end of its last line.
        const lines = shape.middle.join('\n');
        const at = text.indexOf(lines);
        const start = at + shape.middle[0].length - shape.middle[0].trimStart().length;
        const end = at + lines.length;
        assert.deepEqual(body[1].range, { start, end });
        assert.deepEqual(body[0].range, rangeOf(text, BEFORE.trimStart()));
        assert.deepEqual(body[2].range, rangeOf(text, AFTER.trimStart()));
      });

      it('leaves the TTNN ops their estimates', () => {
        assert.deepEqual(ttnnFigures(text), plainFigures);
      });

      it('re-parses an edit in the following TTNN op as a fresh parse does', () => {
        const editable = parseForEdits(text);
        const at = text.indexOf('32x256xf32', text.indexOf(AFTER.trimStart()));
        const change = { start: at, end: at + 2, newText: '64' };
        const next = text.slice(0, at) + '64' + text.slice(at + 2);
        applyChange(editable, change, next);
        const fresh = parse(next);
        assert.deepEqual(editable.parse.errors, fresh.errors);
        const names = (ops: readonly Operation[]): unknown =>
          ops.map((o) => [o.name, o.range, o.operands.map((v) => v.name)]);
        const editedBody =
          editable.parse.file.chunks[0].operations[0].regions[0].blocks[0].operations[0].regions[0].blocks[0]
            .operations;
        assert.deepEqual(names(editedBody), names(bodyOf(next)));
      });
    });
  }

  it('keeps the operands of the custom ops (their regions and dictionaries are read, not dropped)', () => {
    const conv = bodyOf(
      moduleWith(SHAPES['stablehlo.convolution with dim_numbers, window and attributes on their own lines'].middle),
    )[1];
    assert.deepEqual(
      conv.operands.map((o) => o.name),
      ['%arg0', '%arg0'],
    );
    assert.deepEqual(
      conv.attributes?.entries.map((e) => e.name),
      ['stride', 'pad'],
    );
    const spatial = bodyOf(moduleWith(SHAPES[Object.keys(SHAPES)[3]].middle))[1];
    assert.equal(spatial.regions.length, 2);
    assert.deepEqual(
      spatial.regions[0].blocks[0].operations.map((o) => o.name),
      ['d2m.generic', 'd2m.spatial_yield'],
    );
    assert.deepEqual(
      spatial.regions[1].blocks[0].operations.map((o) => o.name),
      ['d2m.generic', 'd2m.spatial_yield'],
    );
    const expression = bodyOf(moduleWith(SHAPES[Object.keys(SHAPES)[0]].middle))[1];
    assert.deepEqual(
      expression.regions[0].blocks[0].operations.map((o) => [o.name, o.operands.map((v) => v.name)]),
      [
        ['emitc.constant', []],
        ['yield', ['%c']],
      ],
    );
  });

  it('property: edits inside any op of a file holding every shape, applied in place or declined, leave the parse of the text', () => {
    // As incrementalParse.test.ts's property, on custom forms whose end depends on the line after them (`name =`, `{`,
    // `},`): an accepted edit must give exactly a fresh parse, a declined one must leave the tree untouched.
    const shapes = Object.values(SHAPES);
    const start = moduleWith(
      shapes.flatMap((s) => s.middle),
      shapes.flatMap((s) => s.extra ?? []),
    );
    const alphabet = ['{', '}', '(', ')', '[', ']', '\n', '=', ',', ':', '%', '@', '"', 'x', 'yield', ' ', '->'];
    fc.assert(
      fc.property(leafEdits(alphabet, 10), (edits) => checkLeafEdits(start, edits)),
      { numRuns: 150, seed: 20261206 },
    );
  });

  describe('real syntax errors are still reported', () => {
    it('a prefix-less op directly in a func.func body (func has no `yield`)', () => {
      const text = moduleWith(['    yield %t0 : i32']);
      const r = parse(text);
      assert.deepEqual(
        r.errors.map((e) => [e.message, e.range]),
        [["custom op 'yield' is unknown", rangeOf(text, 'yield')]],
      );
      assert.deepEqual(
        bodyOf(text).map((o) => o.name),
        ['ttnn.relu', 'ttnn.exp', 'func.return'],
      );
    });

    it('a broken generic TTNN op after a multi-line custom op', () => {
      const broken = `    %t1 = "ttnn.exp"(%t0 : (${T}) -> ${T}`;
      const text = moduleWith(
        SHAPES['stablehlo.composite with its attribute dictionary over several lines'].middle,
      ).replace(AFTER, broken);
      const r = parse(text);
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0].message, /expected '\)' after operands/);
      const colon = text.indexOf(':', text.indexOf(broken.trimStart()));
      assert.deepEqual(r.errors[0].range, { start: colon, end: colon + 1 });
    });

    it('a word at the start of a line that is neither an op nor `name =` still ends the custom op and is reported', () => {
      const text = moduleWith([
        '    %k = stablehlo.composite "demo.twice" %arg0, %arg0',
        '      decomposition @twice_impl',
      ]);
      const r = parse(text);
      assert.deepEqual(
        r.errors.map((e) => e.message),
        ["custom op 'decomposition' is unknown"],
      );
    });
  });
});
