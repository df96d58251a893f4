/**
 * Lazy function bodies (mlir/parser/lazyBodies.ts): a lazy parse whose bodies parse cleanly equals the eager parse of
 * the same text (the eager parse is the oracle, compared as JSON, which reads every body through `regions`), and a
 * body that does not parse cleanly is reported, so the caller can parse eagerly instead.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { forEachFunctionOp, lazyBodiesParseCleanly, parse } from '../../../server/src/mlir/parser';
import type { Operation } from '../../../server/src/mlir/syntax';
import type { SlottedOp } from '../../../server/src/mlir/parser/nodes';
import { derivedParserState, newParserState } from '../../../server/src/mlir/parser/state';
import { createLexer } from '../../../server/src/mlir/lexer';
import { RangeTable } from '../../../server/src/text/rangeTable';
import { allCorpusFiles, DUMP, MODEL_DUMPS, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';

const lazily = (text: string) => parse(text, { lazyFunctionBodies: true });

function functionsOf(ops: readonly Operation[], out: Operation[] = []): Operation[] {
  for (const op of ops) {
    if (op.name === 'func.func') out.push(op);
    else for (const region of op.regions) for (const block of region.blocks) functionsOf(block.operations, out);
  }
  return out;
}

function firstFunction(ops: readonly Operation[]): Operation | undefined {
  for (const op of ops) {
    if (op.name === 'func.func') return op;
    for (const region of op.regions)
      for (const block of region.blocks) {
        const found = firstFunction(block.operations);
        if (found !== undefined) return found;
      }
  }
  return undefined;
}

const FUNCTION = (body: string): string =>
  [
    'module {',
    '  func.func @f(%arg0: tensor<4xbf16>) -> tensor<4xbf16> {',
    body,
    '    return %arg0 : tensor<4xbf16>',
    '  }',
    '  func.func @g() {',
    '    return',
    '  }',
    '}',
    '',
  ].join('\n');

describe('lazy function bodies', function () {
  // Whole-corpus property runs: their time scales with the corpus and the machine's load (3-25 s on 2 cores), so the
  // 30 s hang guard of .mocharc.json is too tight for them on a loaded machine.
  this.timeout(180_000);
  it('every corpus file parses cleanly and lazily into the tree the eager parse gives', () => {
    const files = allCorpusFiles();
    assert.ok(files.length > 40, `corpus files: ${files.length}`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const lazy = lazily(text);
      assert.ok(lazyBodiesParseCleanly(lazy), file);
      assert.equal(JSON.stringify(lazy), JSON.stringify(parse(text)), file);
    }
  });

  it("a function op of a lazy parse has the eager op's fields, in its order, and its body through regions", () => {
    const text = FUNCTION('    %0 = "ttnn.abs"(%arg0) : (tensor<4xbf16>) -> tensor<4xbf16>');
    const lazyFunctions = functionsOf(lazily(text).file.chunks[0]!.operations);
    const eagerFunctions = functionsOf(parse(text).file.chunks[0]!.operations);
    assert.equal(lazyFunctions.length, 2);
    for (const [i, lazyFn] of lazyFunctions.entries()) {
      // The eager op keeps its ranges as slots (parser/nodes.ts SlottedOp); its JSON lists the fields it stands for.
      assert.deepEqual(Object.keys(lazyFn), Object.keys((eagerFunctions[i] as SlottedOp).toJSON()));
      assert.equal(Object.getPrototypeOf(lazyFn), Object.prototype);
      assert.equal(JSON.stringify(lazyFn.regions), JSON.stringify(eagerFunctions[i]!.regions));
    }
  });

  it('a body is not in the tree until read, and each read parses it again', () => {
    const text = readCorpus(DUMP.falcon3Decode);
    const lazy = lazily(text);
    const fn = firstFunction(lazy.file.chunks[0]!.operations);
    assert.ok(fn !== undefined);
    const first = fn.regions[0]!;
    const second = fn.regions[0]!;
    assert.notEqual(first, second);
    assert.equal(JSON.stringify(first), JSON.stringify(second));
    assert.ok(first.blocks[0]!.operations.length > 0);
  });

  // A streamed op is valid while it is visited (its slots are then reused), so each is written out during its visit.
  it('a lazy body streamed op by op gives the ops, blocks and entry arguments of the eager body', () => {
    for (const rel of MODEL_DUMPS) {
      const text = readCorpus(rel);
      const eagerFunctions = functionsOf(parse(text).file.chunks.flatMap((c) => c.operations));
      const lazyFunctions = functionsOf(lazily(text).file.chunks.flatMap((c) => c.operations));
      assert.equal(lazyFunctions.length, eagerFunctions.length, rel);
      assert.ok(eagerFunctions.length > 0, rel);
      for (const [i, eager] of eagerFunctions.entries()) {
        const streamed: string[] = [];
        const shape = forEachFunctionOp(lazyFunctions[i]!, (op) => streamed.push(JSON.stringify(op)));
        const blocks = eager.regions[0]?.blocks ?? [];
        assert.deepEqual(
          streamed,
          blocks.flatMap((b) => b.operations).map((op) => JSON.stringify(op)),
          `${rel} ${eager.symbol?.name}`,
        );
        assert.equal(shape.blockCount, blocks.length);
        assert.equal(JSON.stringify(shape.entryArguments), JSON.stringify(blocks[0]?.arguments ?? []));
        // An eagerly parsed function is read from its tree, with the same answer.
        const fromTree: string[] = [];
        const treeShape = forEachFunctionOp(eager, (op) => fromTree.push(JSON.stringify(op)));
        assert.equal(JSON.stringify(treeShape), JSON.stringify(shape));
        assert.deepEqual(fromTree, streamed);
      }
    }
  });

  it("a streamed body's slot table holds one op's slots at a time, not the body's", () => {
    const ops = Array.from(
      { length: 2000 },
      (_, i) => `    %${i} = "ttnn.abs"(%arg0) : (tensor<4xbf16>) -> tensor<4xbf16>`,
    );
    const fn = functionsOf(lazily(FUNCTION(ops.join('\n'))).file.chunks[0]!.operations)[0]!;
    const tables = new Set<unknown>();
    const slotCounts: number[] = [];
    forEachFunctionOp(fn, (op) => {
      // The op's result group is a slotted node (parser/nodes.ts): `$t` is the table its range is read from.
      const table = (op.results[0] as unknown as { $t?: { size: number } } | undefined)?.$t;
      if (table === undefined) return;
      tables.add(table);
      slotCounts.push(table.size);
    });
    assert.equal(tables.size, 1);
    assert.equal(slotCounts.length, 2000);
    // Every op takes the same few slots from where the previous op's were taken back.
    assert.ok(Math.max(...slotCounts) < 32, `slots in use: ${Math.max(...slotCounts)}`);
  });

  it('braces inside strings and comments do not end a body early', () => {
    const text = FUNCTION(
      [
        '    // a comment with a } and a {',
        '    %0 = "ttnn.abs"(%arg0) {note = "}{}"} : (tensor<4xbf16>) -> tensor<4xbf16> loc("a}b")',
      ].join('\n'),
    );
    const lazy = lazily(text);
    assert.ok(lazyBodiesParseCleanly(lazy));
    assert.equal(JSON.stringify(lazy), JSON.stringify(parse(text)));
    assert.equal(parse(text).errors.length, 0);
  });

  it("a body's parser state has a chunk state's fields in the same order (one hidden class for both)", () => {
    const text = 'module {}';
    const chunk = newParserState(text, 0, text.length, {
      errors: [],
      resourceSections: [],
      ranges: undefined,
      slots: new RangeTable(4),
    });
    const body = derivedParserState(chunk, {
      lx: createLexer(text, 0, text.length),
      slots: new RangeTable(4),
      depth: 1,
      opSink: undefined,
      opSinkDepth: 2,
    });
    assert.deepEqual(Object.keys(body), Object.keys(chunk));
  });

  it('a body with a syntax error makes the lazy parse unusable', () => {
    const text = FUNCTION('    %0 = "ttnn.abs"(%arg0 : (tensor<4xbf16>) -> tensor<4xbf16>');
    assert.ok(parse(text).errors.length > 0);
    assert.equal(lazyBodiesParseCleanly(lazily(text)), false);
  });

  it('a body whose braces do not balance is parsed eagerly, as the eager parse does', () => {
    const text = FUNCTION('    %0 = "ttnn.abs"(%arg0) {a = 1 : (tensor<4xbf16>) -> tensor<4xbf16>').replace(
      /\}\n$/,
      '',
    );
    const lazy = lazily(text);
    assert.equal(JSON.stringify(lazy), JSON.stringify(parse(text)));
  });

  // The property the CLI relies on: whenever the lazy parse says it is clean, it is the eager parse.
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: a mutated file's lazy parse, when clean, equals its eager parse`, () => {
      const sources = [readCorpus(DUMP.falcon3Decode), readCorpus(DUMP.llamaAttentionTest), readCorpus(DUMP.oom)];
      const random = makeRandom(name.length * 104729);
      const outcomes = { clean: 0, unclean: 0 };
      for (let i = 0; i < 24; i++) {
        const text = mutate(sources[i % sources.length]!, random);
        const lazy = lazily(text);
        if (!lazyBodiesParseCleanly(lazy)) {
          outcomes.unclean++;
          continue;
        }
        outcomes.clean++;
        assert.equal(JSON.stringify(lazy), JSON.stringify(parse(text)), `${name} #${i}`);
      }
      assert.ok(outcomes.clean > 0, JSON.stringify(outcomes));
    });
  }
});
