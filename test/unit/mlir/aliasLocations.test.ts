/**
 * `loc(#name)` read from the characters (parser/locations.ts `aliasLocation`) against the general path that lexes it
 * token by token (`parseLocationTokens`): at every `loc` of the corpus and of mutated copies, and at the nesting
 * limit, both give the same node, errors, depth and lexer state.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { parseLocation, parseLocationTokens } from '../../../server/src/mlir/parser/locations';
import { newParserState, type ParserState } from '../../../server/src/mlir/parser/state';
import type { Location } from '../../../server/src/mlir/syntax';
import { RangeTable } from '../../../server/src/text/rangeTable';
import { allCorpusFiles, DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';
import { plainTree } from '../../support/plainTree';

/** A parse of `text` whose current token is the `loc` at `at`, `depth` levels down. */
function stateAt(text: string, at: number, depth: number): ParserState {
  const p = newParserState(text, at, text.length, {
    errors: [],
    resourceSections: [],
    ranges: undefined,
    slots: new RangeTable(16),
  });
  p.depth = depth;
  p.deepest = depth;
  return p;
}

function outcome(p: ParserState, loc: Location | undefined): unknown {
  const { kind, start, end, pos, prevEnd, newlineBefore } = p.lx;
  return {
    loc: plainTree(loc),
    errors: p.errors,
    lexer: { kind, start, end, pos, prevEnd, newlineBefore },
    depth: p.depth,
    deepest: p.deepest,
    slots: p.slots.size,
  };
}

/** Compares both paths at every `loc` token of `text`; returns how many took the fast path's form. */
function assertEveryLocation(text: string, what: string, depths: readonly number[] = [0]): number {
  let aliases = 0;
  for (let at = text.indexOf('loc', 0); at >= 0; at = text.indexOf('loc', at + 1)) {
    for (const depth of depths) {
      const fast = stateAt(text, at, depth);
      if (fast.lx.start !== at || fast.lx.end !== at + 3) break; // not a `loc` token of its own
      const general = stateAt(text, at, depth);
      const expected = outcome(general, parseLocationTokens(general));
      assert.deepEqual(outcome(fast, parseLocation(fast)), expected, `${what}: loc at ${at}, depth ${depth}`);
      if (depth === depths[0] && text.startsWith('loc(#', at)) aliases++;
    }
  }
  return aliases;
}

describe('mlir parser: loc(#alias) read from the characters', () => {
  it('equals the general path on the spellings around it', () => {
    const text = [
      'loc(#loc12)',
      'loc(#loc12) %1',
      'loc(#loc12)\n%1 = "t.a"()',
      'loc( #a)',
      'loc(#a )',
      'loc(#)',
      'loc(#-})',
      'loc(#a.b-c$d_e)',
      'loc(#a#2)',
      'loc(#a(',
      'loc(#a',
      'loc("n"(#a))',
      'loc(unknown)',
      'loc(#a)loc(#b)',
    ].join('\n');
    assert.equal(assertEveryLocation(text, 'hand-made', [0, 1, 198, 199, 200]), 12);
  });

  it('equals the general path at every loc of the corpus', () => {
    let aliases = 0;
    for (const file of allCorpusFiles()) aliases += assertEveryLocation(fs.readFileSync(file, 'utf8'), file);
    assert.ok(aliases > 5000, `loc(#...) compared: ${aliases}`);
  });

  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: equals the general path at every loc of a mutated dump`, () => {
      const source = readCorpus(DUMP.resnet18);
      const random = makeRandom(name.length * 6151);
      for (let i = 0; i < 3; i++) assertEveryLocation(mutate(source, random), `${name} #${i}`, [0, 199]);
    });
  }
});
