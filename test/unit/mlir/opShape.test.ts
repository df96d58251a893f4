/**
 * An op is built in place (parser/operations.ts `newDraft`: the draft is the op) and its trailing function type goes
 * straight into its lists (parser/types.ts `parseOpFunctionType`, no FunctionType node). The oracles: the Operation
 * interface's field order, and the general path's FunctionType node for the same text parsed as a type attribute.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parse } from '../../../server/src/mlir/parser';
import {
  packedFunctionTypeOf,
  packedOperandCodeAt,
  packedOperandCountOf,
  SlottedOp,
} from '../../../server/src/mlir/parser/nodes';
import { FUNCTION_TYPE_NUMBER_MASK, MAX_KEYED_ID, mixTypeId } from '../../../server/src/mlir/parser/types';
import type { Operation, TypeNode } from '../../../server/src/mlir/syntax';
import { allCorpusFiles } from '../../support/corpus';
import { plainTree, shiftedRanges } from '../../support/plainTree';

const OPS_PER_FILE = 400;

/** syntax.ts `Operation`, in its declared order. */
const OPERATION_FIELDS = [
  'kind',
  'name',
  'nameRange',
  'form',
  'results',
  'operands',
  'successors',
  'properties',
  'attributes',
  'regions',
  'operandTypes',
  'resultTypes',
  'symbol',
  'symbolUses',
  'location',
  'range',
  'signature',
  'visibility',
];

function allOps(ops: readonly Operation[], out: Operation[] = []): Operation[] {
  for (const op of ops) {
    out.push(op);
    for (const region of op.regions) for (const block of region.blocks) allOps(block.operations, out);
  }
  return out;
}

/** The general path's input and result lists of the function type `text`, parsed as a type attribute at `at`. */
function functionTypeAsAttribute(text: string, at: number): { inputs: unknown; results: unknown } | undefined {
  const prefix = '"t.t"() {f = ';
  const tree = parse(`${prefix}${text}} : () -> ()\n`);
  if (tree.errors.length > 0) return undefined;
  const value = tree.file.chunks[0]!.operations[0]!.attributes!.entries[0]!.value;
  if (value.kind !== 'typeAttr' || value.type.kind !== 'function') return undefined;
  const by = at - prefix.length;
  return {
    inputs: shiftedRanges(plainTree(value.type.inputs), by),
    results: shiftedRanges(plainTree(value.type.results), by),
  };
}

/** Where a generic op without regions writes its function type: after ` : `, up to its location or its end. */
function functionTypeText(text: string, op: Operation): { text: string; at: number } | undefined {
  const afterOperands = Math.max(
    op.nameRange.end,
    op.operands.length > 0 ? op.operands[op.operands.length - 1]!.range.end : 0,
    op.properties?.range.end ?? 0,
    op.attributes?.range.end ?? 0,
  );
  const colon = text.indexOf(' : (', afterOperands);
  const end = op.location === undefined ? op.range.end : text.lastIndexOf(' loc(', op.range.end);
  if (colon < 0 || end <= colon) return undefined;
  return { text: text.slice(colon + 3, end), at: colon + 3 };
}

describe('mlir parser: an op built in place, its function type into its lists', () => {
  it("keeps Operation's field order for generic, custom, function and module ops, lazy or not", () => {
    const text = [
      'module {',
      '  func.func @f(%a: tensor<2xbf16>) -> tensor<2xbf16> {',
      '    %0 = "t.a"(%a) <{x = 1 : i32}> {s = @g} : (tensor<2xbf16>) -> tensor<2xbf16> loc("n")',
      '    %1 = ttcore.load_cached(@g, [%0]) : (tensor<2xbf16>) -> tensor<2xbf16>',
      '    "t.b"() ({',
      '      "t.c"() : () -> ()',
      '    }) : () -> ()',
      '    return %1 : tensor<2xbf16>',
      '  }',
      '}',
      '',
    ].join('\n');
    for (const lazyFunctionBodies of [false, true]) {
      const tree = parse(text, { lazyFunctionBodies });
      assert.deepEqual(tree.errors, []);
      const ops = allOps(tree.file.chunks[0]!.operations);
      assert.deepEqual(
        ops.map((op) => op.name),
        ['builtin.module', 'func.func', 't.a', 'ttcore.load_cached', 't.b', 't.c', 'func.return'],
      );
      for (const op of ops) {
        // A parsed op keeps its ranges as slots (parser/nodes.ts SlottedOp); its JSON has the interface's fields.
        const fields = op instanceof SlottedOp ? Object.keys(op.toJSON()) : Object.keys(op);
        assert.deepEqual(fields, OPERATION_FIELDS, `${op.name} (lazy: ${lazyFunctionBodies})`);
      }
      // Every slotted op has the same own fields in the same order: one hidden class.
      const slotted = ops.filter((op) => op instanceof SlottedOp);
      assert.ok(slotted.length >= 5);
      for (const op of slotted) assert.deepEqual(Object.keys(op), Object.keys(slotted[0]!), op.name);
      const [, , a, loadCached, b] = ops;
      // Symbols referenced by attributes and by the custom form land on their own op only.
      assert.deepEqual(
        a!.symbolUses.map((s) => s.name),
        ['@g'],
      );
      assert.deepEqual(
        loadCached!.symbolUses.map((s) => s.name),
        ['@g'],
      );
      assert.deepEqual(b!.symbolUses, []);
      assert.equal(b!.regions.length, 1);
      // Empty lists are the one shared empty list.
      assert.equal(b!.successors, a!.successors);
      assert.equal(b!.results, ops[5]!.results);
    }
  });

  it('gives a generic op the lists the general path gives its function type, on every corpus file', () => {
    let checked = 0;
    const generalAtZero = new Map<string, { inputs: unknown; results: unknown } | undefined>();
    for (const file of allCorpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const tree = parse(text);
      // The first ops of each file: a model dump repeats its few op shapes thousands of times.
      for (const op of allOps(tree.file.chunks.flatMap((c) => c.operations)).slice(0, OPS_PER_FILE)) {
        if (op.form !== 'generic' || op.regions.length > 0) continue;
        const written = functionTypeText(text, op);
        if (written === undefined) continue;
        // Once per distinct text (a type's tree is a function of its text and where it starts).
        if (!generalAtZero.has(written.text)) generalAtZero.set(written.text, functionTypeAsAttribute(written.text, 0));
        const atZero = generalAtZero.get(written.text);
        if (atZero === undefined) continue;
        const general = {
          inputs: shiftedRanges(atZero.inputs, written.at),
          results: shiftedRanges(atZero.results, written.at),
        };
        // Both through JSON, as `shifted` makes the general path's (a field holding undefined is left out).
        const ours = (types: readonly TypeNode[]): unknown => shiftedRanges(plainTree(types), 0);
        assert.deepEqual(ours(op.operandTypes), general.inputs, `${file}: ${op.name} at ${op.range.start}`);
        assert.deepEqual(ours(op.resultTypes), general.results, `${file}: ${op.name} at ${op.range.start}`);
        checked++;
      }
    }
    assert.ok(checked > 1000, `checked ${checked} ops`);
  });

  it('reports what the general path reports for a malformed function type, and keeps no lists', () => {
    // Each is malformed at a token inside the text, which both contexts follow with something else.
    const cases = [
      '(tensor<2xbf16> tensor<2xbf16>) -> i1',
      '(tensor<2xbf16>) tensor<2xbf16>',
      '(tensor<2xbf16>) -> (tensor<2xbf16> i1)',
      '(i1, ) -> i1',
    ];
    const opPrefix = '"t.a"(%x) : ';
    const attrPrefix = '"t.t"() {f = ';
    for (const written of cases) {
      const asOp = parse(`${opPrefix}${written}\n`);
      const asAttr = parse(`${attrPrefix}${written}} : () -> ()\n`);
      const [opError, attrError] = [asOp.errors[0], asAttr.errors[0]];
      assert.ok(opError !== undefined && attrError !== undefined, written);
      assert.equal(opError.message, attrError.message, written);
      const by = attrPrefix.length - opPrefix.length;
      assert.deepEqual(opError.range, { start: attrError.range.start - by, end: attrError.range.end - by }, written);
      const op = asOp.file.chunks[0]!.operations[0]!;
      assert.deepEqual([op.operandTypes, op.resultTypes], [[], []], written);
    }
  });

  it('packs two function types whose numbers collide as two, each with its own types', () => {
    // Template ids follow first use: `tensor<Nxf32>` is id N-1 after an op listing tensor<1xf32> .. tensor<600xf32>.
    const ids = (n: number): string => `tensor<${n + 1}xf32>`;
    const all = Array.from({ length: 600 }, (_, k) => ids(k)).join(', ');
    // (10, 10) -> 10 and (586, 105) -> 459: 2 inputs, `) -> ` (gap 5), found by a search for equal numbers.
    const numberOf = (inputs: number[], results: number[]): number => {
      let n = inputs.length;
      for (const id of inputs) n = mixTypeId(n, id);
      n = mixTypeId(n, MAX_KEYED_ID + 1 + 5);
      for (const id of results) n = mixTypeId(n, id);
      return n & FUNCTION_TYPE_NUMBER_MASK;
    };
    assert.equal(numberOf([10, 10], [10]), numberOf([586, 105], [459]), 'the two numbers collide');
    const first = `(${ids(10)}, ${ids(10)}) -> ${ids(10)}`;
    const second = `(${ids(586)}, ${ids(105)}) -> ${ids(459)}`;
    const text =
      `"t.all"() : () -> (${all})\n` +
      `%0 = "t.a"(%x, %x) : ${first}\n` +
      `%1 = "t.b"(%x, %x) : ${second}\n` +
      `%2 = "t.c"(%x, %x) : ${second}\n` +
      `%3 = "t.d"(%x, %x) : ${first}\n`;
    const tree = parse(text);
    assert.deepEqual(tree.errors, []);
    const [, a, b, c, d] = tree.file.chunks[0]!.operations;
    const written = (op: Operation): string =>
      `(${op.operandTypes.map((t) => text.slice(t.range.start, t.range.end)).join(', ')}) -> ` +
      op.resultTypes.map((t) => text.slice(t.range.start, t.range.end)).join(', ');
    assert.deepEqual(
      [a, b, c, d].map((op) => written(op!)),
      [first, second, second, first],
    );
    const packed = [a, b, c, d].map((op) => packedFunctionTypeOf(op!));
    assert.ok(packed.every((fn) => fn !== undefined));
    assert.notEqual(packed[0], packed[1]);
    // One template per function type, found again under either key.
    assert.equal(packed[1], packed[2]);
    assert.equal(packed[0], packed[3]);
  });

  it('reads two `%a, %b` uses packed into one number as the written names at their written places', () => {
    // Each use's range is where its name is written, found in the text by search (not by the parser): the second
    // name starts two characters (`, `) after the first ends only when written so.
    const lines = [
      '%0 = "t.a"(%3, %7) : (i32, i32) -> i32',
      '%1 = "t.b"(%arg0, %12345) : (i32, i32) -> i32',
      '%2 = "t.c"(%524287, %0) : (i32, i32) -> i32', // N = 2^19 - 1: the largest code (2^20 - 2) that packs
      '%3 = "t.d"(%524288, %0) : (i32, i32) -> i32', // code 2^20: kept as a list
      '%4 = "t.e"(%3,%7) : (i32, i32) -> i32', // not `, `-separated: kept as a list
      '%5 = "t.f"(%3 ,  %7) : (i32, i32) -> i32',
      '"t.g"(%0, %1, %2) : (i32, i32, i32) -> ()',
    ];
    const text = lines.join('\n') + '\n';
    const tree = parse(text);
    assert.deepEqual(tree.errors, []);
    const ops = tree.file.chunks[0]!.operations;
    let lineStart = 0;
    for (const [k, line] of lines.entries()) {
      const op = ops[k]!;
      const open = line.indexOf('(');
      const names = line
        .slice(open + 1, line.indexOf(')'))
        .split(',')
        .map((n) => n.trim());
      let from = open;
      const expected = names.map((name) => {
        const start = line.indexOf(name, from);
        from = start + name.length;
        return { name, range: { start: lineStart + start, end: lineStart + start + name.length } };
      });
      assert.deepEqual(
        op.operands.map((u) => ({ name: u.name, range: u.range })),
        expected,
        line,
      );
      const count = packedOperandCountOf(op);
      assert.equal(count, names.length, line);
      const codes = Array.from({ length: count }, (_, i) => packedOperandCodeAt(op, i));
      // packedValueName: N·2 for %N, N·2 + 1 for %argN.
      assert.deepEqual(
        codes,
        names.map((n) => (n.startsWith('%arg') ? Number(n.slice(4)) * 2 + 1 : Number(n.slice(1)) * 2)),
        line,
      );
      lineStart += line.length + 1;
    }
    const pairShaped = ops.map(
      (op) => typeof (op as SlottedOp).$o === 'number' && ((op as SlottedOp).$o as number) < 0,
    );
    assert.deepEqual(pairShaped, [true, true, true, false, false, false, false]);
  });
});
