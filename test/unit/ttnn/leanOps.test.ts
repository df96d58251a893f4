/**
 * The TTNN view's lean op records (ttnn/fromSyntax.ts): ops of a parse that is not editable keep their ranges as
 * numbers (`SettledTtnnOp`, ranges made at each read) and share one-name lists per SSA name; an editable parse's ops
 * keep the tree's range handles. Both must read as the plain op the view made before: same ranges, same names, same
 * JSON — and sharing must never merge two different names.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parse } from '../../../server/src/mlir/parser';
import { RangeTable, TableRange as RangeTableHandle } from '../../../server/src/text/rangeTable';
import { moduleFromSyntax, OneNameLists } from '../../../server/src/ttnn/fromSyntax';
import { opWith, type TtnnModule, type TtnnOp } from '../../../server/src/ttnn/op';
import { allCorpusFiles } from '../../support/corpus';

const RELU_FUNCTION = [
  'func.func @f(%arg0: tensor<32x32xbf16>) -> tensor<32x32xbf16> {',
  '  %0 = "ttnn.relu"(%arg0) : (tensor<32x32xbf16>) -> tensor<32x32xbf16>',
  '  return %0 : tensor<32x32xbf16>',
  '}',
].join('\n');

const settledView = (text: string): TtnnModule => moduleFromSyntax(parse(text, { lazyFunctionBodies: true }));
const editableView = (text: string): TtnnModule => moduleFromSyntax(parse(text, { rangeTable: new RangeTable() }));

/** The op's fields read one by one (not through toJSON), ranges as plain values. */
function fieldsOf(op: TtnnOp): unknown {
  return {
    name: op.name,
    resultNames: [...op.resultNames],
    operandNames: [...op.operandNames],
    operands: op.operands,
    results: op.results,
    properties: op.properties,
    symbolUses: [...op.symbolUses],
    range: { start: op.range.start, end: op.range.end },
    nameRange: { start: op.nameRange.start, end: op.nameRange.end },
    source: op.source,
  };
}

describe('TTNN view: lean op records', () => {
  it('a settled op reads (fields and JSON) as the editable parse`s op, on every corpus file', () => {
    let ops = 0;
    for (const file of allCorpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const settled = settledView(text);
      const editable = editableView(text);
      assert.equal(settled.functions.length, editable.functions.length, file);
      settled.functions.forEach((fn, f) => {
        const other = editable.functions[f]!;
        assert.equal(fn.ops.length, other.ops.length, file);
        fn.ops.forEach((op, i) => {
          // Neither keeps range objects: the settled op keeps numbers, the editable parse's reads its syntax op's slots.
          assert.ok(
            !(other.ops[i]!.range instanceof RangeTableHandle) && !(op.range instanceof RangeTableHandle),
            file,
          );
          assert.deepEqual(fieldsOf(op), fieldsOf(other.ops[i]!), `${file} ${fn.name} op ${i}`);
          assert.equal(JSON.stringify(op), JSON.stringify(other.ops[i]), `${file} ${fn.name} op ${i} JSON`);
          ops++;
        });
      });
      assert.equal(JSON.stringify(settled), JSON.stringify(editable), file);
    }
    assert.ok(ops > 10_000, `ops compared: ${ops}`);
  });

  it('ranges are the op`s text: the range starts at its results and the name range covers the op name', () => {
    const text = RELU_FUNCTION;
    const [relu, ret] = settledView(text).functions[0]!.ops;
    const at = text.indexOf('%0 = ');
    assert.deepEqual(relu!.range, { start: at, end: text.indexOf(' -> tensor<32x32xbf16>\n') + 22 });
    assert.equal(text.slice(relu!.nameRange.start, relu!.nameRange.end), '"ttnn.relu"');
    assert.equal(text.slice(ret!.nameRange.start, ret!.nameRange.end), 'return');
  });

  it('names sharing one list stay apart: %1, %01, %10, %1#0 and a far %N each keep their own name', () => {
    const ty = 'tensor<32x32xbf16>';
    const names = ['%1', '%01', '%10', '%1000000', '%x1', '%1_a'];
    const lines = [`func.func @f(%arg0: ${ty}) {`];
    for (const n of names) lines.push(`  ${n} = "ttnn.relu"(%arg0) : (${ty}) -> ${ty}`);
    lines.push(`  %2:2 = "ttnn.split"(%arg0) : (${ty}) -> (${ty}, ${ty})`);
    for (const n of [...names, '%2#0', '%2#1']) lines.push(`  "ttnn.deallocate"(${n}) : (${ty}) -> ()`);
    lines.push('  return', '}', `func.func @g(%arg0: ${ty}) {`, `  %1 = "ttnn.relu"(%arg0) : (${ty}) -> ${ty}`);
    lines.push(`  "ttnn.deallocate"(%1) : (${ty}) -> ()`, '  return', '}');
    const [f, g] = settledView(lines.join('\n')).functions;
    const ops = f!.ops;
    names.forEach((n, i) => {
      assert.deepEqual(ops[i]!.resultNames, [n]);
      const dealloc = ops[names.length + 1 + i]!;
      assert.deepEqual(dealloc.operandNames, [n]);
      // The defining op's and the user's lists are one (read-only) object: the saving this path is for.
      assert.equal(dealloc.operandNames, ops[i]!.resultNames, n);
    });
    assert.deepEqual(ops[names.length]!.resultNames, ['%2#0', '%2#1']);
    assert.deepEqual(ops[2 * names.length + 1]!.operandNames, ['%2#0']);
    assert.deepEqual(ops[2 * names.length + 2]!.operandNames, ['%2#1']);
    assert.deepEqual(g!.ops[0]!.resultNames, ['%1']);
    assert.deepEqual(g!.ops[1]!.operandNames, ['%1']);
  });

  it('one-name lists: %N in an array at N, bounded by the names kept whatever numbers a file writes', () => {
    const dense = new OneNameLists();
    for (let n = 0; n < 5000; n++) assert.deepEqual(dense.of(`%${n}`), [`%${n}`]);
    assert.equal(dense.numberedLength, 5000);
    assert.equal(dense.of('%17'), dense.of('%17'), 'one list per name');
    // Names 1000 apart, each within reach of the array's end: the array must not grow by 1000 per name.
    const sparse = new OneNameLists();
    const names = Array.from({ length: 3000 }, (_, i) => `%${i * 1000}`);
    for (const name of names) assert.deepEqual(sparse.of(name), [name]);
    for (const name of names) assert.equal(sparse.interned(name), name);
    assert.ok(sparse.numberedLength <= 2 * 3000 + 1025, `array length ${sparse.numberedLength}`);
    for (const name of names) assert.equal(sparse.of(name), sparse.of(name), name);
  });

  it('opWith keeps a settled op`s ranges, which a spread would drop (they are getters)', () => {
    const text = RELU_FUNCTION;
    const op = settledView(text).functions[0]!.ops[0]!;
    const copy = opWith(op, { name: 'ttnn.gelu' });
    assert.equal(copy.name, 'ttnn.gelu');
    assert.deepEqual(copy.range, op.range);
    assert.deepEqual(copy.nameRange, op.nameRange);
    assert.equal(copy.operands, op.operands);
    assert.equal(({ ...op } as TtnnOp).range, undefined, 'a spread copy has no range: the reason for opWith');
  });
});
