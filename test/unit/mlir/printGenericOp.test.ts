/** printGenericOp: new IR in MLIR's generic form, which the parser reads back to the same names, attributes and types. */

import { strict as assert } from 'assert';
import { printGenericOp } from '../../../server/src/mlir/print';
import { parse } from '../../../server/src/mlir/parser';

const T = 'tensor<1x32xbf16>';

describe('mlir/printGenericOp', () => {
  it('prints results, operands, properties, a single result type without parentheses and the location', () => {
    const line = printGenericOp({
      results: ['%p'],
      name: 'ttnn.pad',
      operands: ['%x'],
      properties: [
        ['padding', 'array<i32: 0, 1>'],
        ['use_multicore', 'true'],
      ],
      operandTypes: [T],
      resultTypes: ['tensor<1x33xbf16>'],
      location: 'loc("a.py":3:0)',
    });
    assert.equal(
      line,
      '%p = "ttnn.pad"(%x) <{padding = array<i32: 0, 1>, use_multicore = true}> : (tensor<1x32xbf16>) -> tensor<1x33xbf16> loc("a.py":3:0)',
    );
  });

  it('an op without results returns `()`; without properties prints no `<{}>`; several result types are parenthesised', () => {
    assert.equal(
      printGenericOp({ results: [], name: 'ttnn.deallocate', operands: ['%x'], operandTypes: [T], resultTypes: [] }),
      `"ttnn.deallocate"(%x) : (${T}) -> ()`,
    );
    assert.equal(
      printGenericOp({ results: ['%a', '%b'], name: 'x.two', operands: [], operandTypes: [], resultTypes: [T, T] }),
      `%a, %b = "x.two"() : () -> (${T}, ${T})`,
    );
  });

  it('the parser reads the printed op back: name, operands, result names, property names and types', () => {
    const line = printGenericOp({
      results: ['%c'],
      name: 'ttnn.concat',
      operands: ['%arg0', '%arg1'],
      properties: [['dim', '1 : si32']],
      operandTypes: [T, T],
      resultTypes: ['tensor<1x64xbf16>'],
    });
    const parsed = parse(
      `func.func @f(%arg0: ${T}, %arg1: ${T}) -> tensor<1x64xbf16> {\n  ${line}\n  return %c : tensor<1x64xbf16>\n}`,
    );
    assert.deepEqual(parsed.errors, []);
    const op = parsed.file.chunks[0]!.operations[0]!.regions[0]!.blocks[0]!.operations[0]!;
    assert.equal(op.name, 'ttnn.concat');
    assert.deepEqual(
      op.operands.map((o) => o.name),
      ['%arg0', '%arg1'],
    );
    assert.deepEqual(
      op.results.map((r) => r.name),
      ['%c'],
    );
    assert.deepEqual(
      op.properties?.entries.map((e) => e.name),
      ['dim'],
    );
    assert.equal(op.resultTypes.length, 1);
    assert.equal(op.operandTypes.length, 2);
  });
});
