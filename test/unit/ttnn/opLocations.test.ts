/**
 * Python sources of ops in the TTNN view (ttnn/fromSyntax.ts `opSource`): its shortcuts for the alias shapes
 * dumps write (`#locN = loc("name")`, `loc("name"(#locK))` with `#locK` a file position) must give what the general
 * walk (mlir/locations.ts `resolveLocation`, the oracle here) gives, on the corpus, on every alias shape, and on
 * mutated files.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { aliasesByName } from '../../../server/src/mlir/aliases';
import { locationOfAlias, resolveLocation } from '../../../server/src/mlir/locations';
import { parse } from '../../../server/src/mlir/parser';
import type { Operation, ParseResult } from '../../../server/src/mlir/syntax';
import { chunkAliases, moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import { allCorpusFiles, DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';

/** Each function body op's source by the general walk, keyed by where the op starts. */
function walkedLocations(tree: ParseResult): Map<number, unknown> {
  const out = new Map<number, unknown>();
  for (const chunk of tree.file.chunks) {
    const aliases = aliasesByName(chunk);
    const lookup = (name: string) => locationOfAlias(aliases.get(name));
    const visit = (ops: readonly Operation[], depth: number): void => {
      for (const op of ops) {
        if (depth > 16) return;
        const isFunction = op.name === 'func.func';
        // A device op outside any function is the view's too (its entry function of loose ops, fromSyntax.ts).
        if (op.name.startsWith('ttnn.') && !out.has(op.range.start)) {
          out.set(op.range.start, resolveLocation(op.location, lookup).fileLineCol);
        }
        for (const region of op.regions)
          for (const block of region.blocks) {
            if (isFunction)
              for (const inner of block.operations) {
                out.set(inner.range.start, resolveLocation(inner.location, lookup).fileLineCol);
              }
            visit(block.operations, depth + 1);
          }
      }
    };
    visit(chunk.operations, 0);
  }
  return out;
}

/** Asserts the view's source of every op equals the general walk's; returns how many ops were compared. */
function assertViewMatchesWalk(text: string, what: string): number {
  // The view of an eager parse, so that the oracle walks the same tree also where a lazy parse would not be clean.
  const tree = parse(text);
  const expected = walkedLocations(tree);
  let compared = 0;
  for (const fn of moduleFromSyntax(tree).functions)
    for (const op of fn.ops) {
      assert.ok(expected.has(op.range.start), `${what}: no syntax op at ${op.range.start}`);
      assert.deepEqual(op.source, expected.get(op.range.start), `${what}: op at ${op.range.start}`);
      compared++;
    }
  return compared;
}

/** One op per alias shape `opSource` distinguishes (and the shapes next to them that need the walk). */
const EVERY_ALIAS_SHAPE = `func.func @f(%a: tensor<2xbf16>) -> tensor<2xbf16> {
  %0 = "ttnn.abs"(%a) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#bare)
  %1 = "ttnn.abs"(%0) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toFile)
  %2 = "ttnn.abs"(%1) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toFileAgain)
  %3 = "ttnn.abs"(%2) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toUnknown)
  %4 = "ttnn.abs"(%3) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toBare)
  %5 = "ttnn.abs"(%4) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toUndefined)
  %6 = "ttnn.abs"(%5) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toSelf)
  %7 = "ttnn.abs"(%6) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toNamed)
  %8 = "ttnn.abs"(%7) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toChain)
  %9 = "ttnn.abs"(%8) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toFused)
  %10 = "ttnn.abs"(%9) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#inlineFile)
  %11 = "ttnn.abs"(%10) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#inlineUnknown)
  %12 = "ttnn.abs"(%11) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#inlineNamed)
  %13 = "ttnn.abs"(%12) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#toFile)
  %14 = "ttnn.abs"(%13) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#cycleA)
  %15 = "ttnn.abs"(%14) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#notALocation)
  %16 = "ttnn.abs"(%15) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#file)
  return %16 : tensor<2xbf16>
}
#file = loc("a.py":3:4)
#unknown = loc(unknown)
#bare = loc("p0.1")
#named = loc("outer"(#file))
#alias = loc(#file)
#toFile = loc("add.1"(#file))
#toFileAgain = loc("add.2"(#file))
#toUnknown = loc("add.3"(#unknown))
#toBare = loc("add.4"(#bare))
#toUndefined = loc("add.5"(#nowhere))
#toSelf = loc("add.6"(#toSelf))
#toNamed = loc("add.7"(#named))
#toChain = loc("add.8"(#alias))
#toFused = loc("add.9"(fused[#bare, #file]))
#inlineFile = loc("add.10"("b.py":7:1))
#inlineUnknown = loc("add.11"(unknown))
#inlineNamed = loc("add.12"("inner"))
#cycleA = loc("add.13"(#cycleB))
#cycleB = loc("add.14"(#cycleA))
#notALocation = #ttnn.buffer_type<dram>
`;

/**
 * Numbered aliases (`#locN`, read by their number from an array when they are dense, as here): non-canonical twins, a
 * redefinition, gaps, a use past the largest number.
 */
const NUMBERED_ALIASES = `func.func @f(%a: tensor<2xbf16>) -> tensor<2xbf16> {
  %0 = "ttnn.abs"(%a) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc1)
  %1 = "ttnn.abs"(%0) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc7)
  %2 = "ttnn.abs"(%1) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc07)
  %3 = "ttnn.abs"(%2) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc3)
  %4 = "ttnn.abs"(%3) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc0)
  %5 = "ttnn.abs"(%4) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc1000)
  %6 = "ttnn.abs"(%5) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc)
  %7 = "ttnn.abs"(%6) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc2)
  %8 = "ttnn.abs"(%7) : (tensor<2xbf16>) -> tensor<2xbf16> loc(#loc5000)
  return %8 : tensor<2xbf16>
}
#loc = loc("a.py":1:1)
#loc0 = loc("zero"(#loc))
#loc1 = loc("one"(#loc))
#loc2 = loc("two"(#loc1))
#loc7 = loc("seven"(#loc))
#loc07 = loc("oh-seven")
#loc7 = loc("seven again")
#loc1000 = loc("far"(#loc))
`;

describe('ttnn/fromSyntax op locations', () => {
  it('give numbered aliases, read by their number, the source the general walk gives', () => {
    assert.equal(assertViewMatchesWalk(NUMBERED_ALIASES, 'numbered aliases'), 10);
    // By hand: the first #loc7 wins (`"seven"(#loc)`: a.py:1:1; the second has no file), #loc07 is its own alias
    // (no file), #loc3 is not defined.
    const ops = moduleFromSyntax(parse(NUMBERED_ALIASES)).functions[0]!.ops;
    const loc = { file: 'a.py', line: 1, column: 1 };
    assert.deepEqual(
      ops.slice(0, 4).map((o) => o.source),
      [loc, loc, undefined, undefined],
    );
  });

  it('chunkAliases finds every alias aliasesByName finds, and no other (corpus, numbered and mutated files)', () => {
    const texts = [NUMBERED_ALIASES, EVERY_ALIAS_SHAPE, ...allCorpusFiles().map((f) => fs.readFileSync(f, 'utf8'))];
    const random = makeRandom(4242);
    for (const mutate of Object.values(MUTATIONS))
      for (let i = 0; i < 4; i++) texts.push(mutate(NUMBERED_ALIASES, random));
    let compared = 0;
    for (const text of texts)
      for (const chunk of parse(text).file.chunks) {
        const expected = aliasesByName(chunk);
        const actual = chunkAliases(chunk);
        const names = new Set(chunk.aliases.map((a) => a.name));
        // Names no alias has: numbers past the largest, leading zeros, near misses.
        for (let n = 0; n <= chunk.aliases.length + 2; n++) names.add(`#loc${n}`).add(`#loc0${n}`);
        for (const name of ['#loc', '#loc-1', '#loc1a', '#LOC1', 'loc1', '#loc99999999']) names.add(name);
        for (const name of names) {
          assert.equal(actual.get(name), expected.get(name), name);
          compared++;
        }
      }
    assert.ok(compared > 10_000, `names compared: ${compared}`);
  });

  it('give every alias shape the source the general walk gives', () => {
    assert.equal(assertViewMatchesWalk(EVERY_ALIAS_SHAPE, 'every alias shape'), 18); // 17 ops and the return
    // Spot-check the oracle itself, by hand from the aliases above.
    const ops = moduleFromSyntax(parse(EVERY_ALIAS_SHAPE)).functions[0]!.ops;
    assert.deepEqual(ops[1]!.source, { file: 'a.py', line: 3, column: 4 });
    assert.deepEqual(ops[6]!.source, undefined);
    assert.deepEqual(ops[8]!.source, { file: 'a.py', line: 3, column: 4 });
    assert.deepEqual(ops[10]!.source, { file: 'b.py', line: 7, column: 1 });
  });

  it('give every corpus op the source the general walk gives', () => {
    let compared = 0;
    for (const file of allCorpusFiles()) compared += assertViewMatchesWalk(fs.readFileSync(file, 'utf8'), file);
    assert.ok(compared > 10_000, `ops compared: ${compared}`);
  });

  // Damaged alias definitions and references change which shortcut applies; the walk stays the oracle.
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: give a mutated file's ops the source the general walk gives`, () => {
      const sources = [EVERY_ALIAS_SHAPE, readCorpus(DUMP.resnetExplorer), readCorpus(DUMP.oom)];
      const random = makeRandom(name.length * 7919);
      for (let i = 0; i < 24; i++) {
        const text = mutate(sources[i % sources.length]!, random);
        assertViewMatchesWalk(text, `${name} #${i}`);
      }
    });
  }
});
