/**
 * Shared tensor types with a dialect element type (parser/types.ts `sharedDialectTensor`: `tensor<5120x3072x
 * !ttcore.tile<32x32, bfp_bf8>, #ttnn_layout3>` interned by its text): every use, first or later, must be the tree
 * the general path builds. The oracle is the general path itself, on the element type written alone (a dialect
 * type is never shared) and on the `#alias`, each at the offsets it has inside the tensor.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { parse } from '../../../server/src/mlir/parser';
import { SlottedSharedTensor } from '../../../server/src/mlir/parser/nodes';
import type { Operation, ParseResult, TypeNode } from '../../../server/src/mlir/syntax';
import type { TextRange } from '../../../server/src/text/textRange';
import { allCorpusFiles, DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';
import { plainTree, shiftedRanges } from '../../support/plainTree';

/** The general path's tree of the type text at `range` of `text`, as if it were parsed there. */
function generalType(text: string, range: TextRange): unknown {
  const prefix = '"t.t"() : () -> ';
  const alone = parse(prefix + text.slice(range.start, range.end));
  assert.deepEqual(alone.errors, []);
  const type = alone.file.chunks[0]!.operations[0]!.resultTypes[0]!;
  return shiftedRanges(plainTree(type), range.start - prefix.length);
}

/** Asserts every shared tensor with a dialect element in `tree`'s ops equals the general path's parts; returns how many. */
function assertSharedDialectTensors(text: string, tree: ParseResult, what: string): number {
  let checked = 0;
  const checkType = (t: TypeNode): void => {
    if (!(t instanceof SlottedSharedTensor) || t.$x.elementBody === undefined) return;
    const element = t.elementType;
    assert.deepEqual(plainTree(element), generalType(text, element.range), `${what}: element at ${t.range.start}`);
    // Field order as the general path's object literal (JSON of lazy and eager trees is compared elsewhere).
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(element)) as object), ['kind', 'name', 'body', 'range']);
    if (t.encoding !== undefined)
      assert.deepEqual(plainTree(t.encoding), {
        kind: 'attrAlias',
        name: text.slice(t.encoding.range.start, t.encoding.range.end),
        range: t.encoding.range,
      });
    const expectedEncodingEnd = t.encoding === undefined ? element.range.end : t.encoding.range.end;
    assert.equal(text.slice(expectedEncodingEnd, t.range.end), '>', `${what}: type ends after its last part`);
    checked++;
  };
  const visit = (ops: readonly Operation[]): void => {
    for (const op of ops) {
      for (const t of [...op.operandTypes, ...op.resultTypes]) checkType(t);
      for (const a of op.signature?.arguments ?? []) if (a.type !== undefined) checkType(a.type);
      for (const region of op.regions) for (const block of region.blocks) visit(block.operations);
    }
  };
  for (const chunk of tree.file.chunks) visit(chunk.operations);
  return checked;
}

describe('mlir parser: shared tensor types with a dialect element type', () => {
  it('gives the first and every later use the general tree, at its own offsets', () => {
    const type = 'tensor<2x4x!ttcore.tile<32x32, bfp_bf8>, #l3>';
    const text = [
      `%0 = "t.a"(%a) : (${type}) -> ${type}`,
      `%1 = "t.b"(%0) : (tensor<2x!ttcore.tile<32x32, bf16>>) -> ${type}`,
      '',
    ].join('\n');
    const tree = parse(text);
    assert.deepEqual(tree.errors, []);
    const [a, b] = tree.file.chunks[0]!.operations;
    const uses = [a!.operandTypes[0]!, a!.resultTypes[0]!, b!.operandTypes[0]!, b!.resultTypes[0]!];
    assert.ok(uses.every((t) => t instanceof SlottedSharedTensor));
    // The same template for the same text; a different text, another.
    const [x0, x1, x2, x3] = uses.map((t) => (t as SlottedSharedTensor).$x);
    assert.ok(x0 === x1 && x1 === x3 && x2 !== x0);
    assert.equal(assertSharedDialectTensors(text, tree, 'hand-made'), 4);
    const last = uses[3]!;
    assert.ok(last.kind === 'tensor');
    assert.deepEqual(
      [last.shape, last.shapeText],
      [
        [2, 4],
        ['2', '4'],
      ],
    );
    assert.ok(last.elementType.kind === 'dialectType' && last.elementType.name === 'ttcore.tile');
  });

  it('leaves a tensor whose element or encoding is not plain to the general path', () => {
    const text = [
      '"t.a"() : () -> tensor<2x!ttcore.tile<32x32, bf16>, #ttnn.buffer_type<dram>>',
      '"t.b"() : () -> tensor<2x!ttcore.tile<32x32, bf16>, #l, #m>',
      '"t.c"() : () -> tensor<2x!foo.bar>',
      '',
    ].join('\n');
    const tree = parse(text);
    const types = tree.file.chunks[0]!.operations.map((op) => op.resultTypes[0]);
    assert.ok(types.every((t) => t !== undefined && !(t instanceof SlottedSharedTensor)));
  });

  it('gives every such type of the corpus the general tree', () => {
    let checked = 0;
    for (const file of allCorpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      checked += assertSharedDialectTensors(text, parse(text), file);
    }
    assert.ok(checked > 1000, `shared dialect-element tensors checked: ${checked}`);
  });

  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: gives every such type of a mutated file the general tree`, () => {
      const source = readCorpus(DUMP.falcon3DecodeTraced);
      const random = makeRandom(name.length * 4099);
      for (let i = 0; i < 4; i++) {
        const text = mutate(source, random);
        assertSharedDialectTensors(text, parse(text), `${name} #${i}`);
      }
    });
  }
});
