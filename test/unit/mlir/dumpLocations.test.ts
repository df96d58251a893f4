/**
 * The dump-location fast path (parser/locations.ts `parseDumpLocation`: `loc(#loc12)`, `loc("name")`,
 * `loc("name"(#loc7))` built from the characters) against the general token-by-token path, at every `loc(` of the
 * corpus and of mutated copies: where the fast path answers, it must build the same nodes (classes, fields, slots in
 * the same order), nest as deep and leave the lexer where the general path does; where it declines, it must not have
 * moved or taken a slot.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { Tok } from '../../../server/src/mlir/lexer';
import { parse } from '../../../server/src/mlir/parser';
import { parseDumpLocation, parseLocationGeneral } from '../../../server/src/mlir/parser/locations';
import { newParserState, type ParserState } from '../../../server/src/mlir/parser/state';
import { RangeTable } from '../../../server/src/text/rangeTable';
import { allCorpusFiles } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';
import { plainTree } from '../../support/plainTree';

/** A parse state whose current token is the `loc` at `at`, scanning up to `limit`, `depth` levels deep. */
function stateAt(text: string, at: number, limit: number, depth: number): ParserState {
  const p = newParserState(text, at, limit, {
    errors: [],
    resourceSections: [],
    ranges: undefined,
    slots: new RangeTable(),
  });
  p.depth = depth;
  p.deepest = depth;
  return p;
}

/** What a location parse leaves behind: the lexer, the nesting, the slots taken and the errors. */
function after(p: ParserState): unknown {
  const lx = p.lx;
  const slots = p.slots;
  return {
    lexer: [lx.pos, lx.kind, lx.start, lx.end, lx.newlineBefore, lx.prevEnd],
    depth: p.depth,
    deepest: p.deepest,
    slots: [...slots.starts.slice(0, slots.size)].map((s, i) => [s, slots.ends[i]]),
    errors: p.errors,
  };
}

/** The classes of a location's nodes, outermost first. */
function classes(loc: unknown): string[] {
  const out: string[] = [];
  for (let node = loc as { child?: unknown } | undefined; node !== undefined; node = node.child as typeof node)
    out.push((node as object).constructor.name);
  return out;
}

interface Tally {
  fast: number;
  declined: number;
}

/** Compares the two paths at `at` with scanning stopped at `limit`. */
function compareAt(text: string, at: number, limit: number, depth: number, tally: Tally, what: string): void {
  const fast = stateAt(text, at, limit, depth);
  if (fast.lx.kind !== Tok.BareId || fast.lx.end !== at + 3) return; // `loc` inside a longer word or a string
  const before = after(fast);
  const fastLoc = parseDumpLocation(fast);
  if (fastLoc === undefined) {
    assert.deepEqual(after(fast), before, `${what}: declined without moving`);
    tally.declined++;
    return;
  }
  const general = stateAt(text, at, limit, depth);
  const generalLoc = parseLocationGeneral(general);
  assert.deepEqual(plainTree(fastLoc), plainTree(generalLoc), `${what}: tree`);
  assert.deepEqual(classes(fastLoc), classes(generalLoc), `${what}: node classes`);
  assert.deepEqual(after(fast), after(general), `${what}: state after`);
  assert.deepEqual(general.errors, [], `${what}: the general path reports nothing where the fast path answers`);
  tally.fast++;
}

/** Every `loc(` of `text`: with the whole text, cut short at each offset through the location, and nearly too deep. */
function compareAll(text: string, tally: Tally, what: string): void {
  for (let at = text.indexOf('loc('); at >= 0; at = text.indexOf('loc(', at + 1)) {
    compareAt(text, at, text.length, 0, tally, `${what} @${at}`);
    const close = text.indexOf(')', at + 4);
    const lineEnd = text.indexOf('\n', at);
    const lastLimit = Math.min(close < 0 ? text.length : close + 3, lineEnd < 0 ? text.length : lineEnd + 1);
    for (let limit = at + 3; limit <= lastLimit && limit <= text.length; limit++)
      compareAt(text, at, limit, 0, tally, `${what} @${at} limit ${limit}`);
    for (const depth of [198, 199, 200])
      compareAt(text, at, text.length, depth, tally, `${what} @${at} depth ${depth}`);
  }
}

describe('dump locations: fast path equals the general path', () => {
  const files = allCorpusFiles();

  it('at every loc( of the corpus', () => {
    const tally: Tally = { fast: 0, declined: 0 };
    for (const file of files) compareAll(fs.readFileSync(file, 'utf8'), tally, file);
    // The corpus's dumps write their op and alias locations in the forms the fast path takes.
    assert.ok(tally.fast > 10_000, `fast path taken ${tally.fast} times`);
    assert.ok(tally.declined > 1_000, `declined ${tally.declined} times`);
  });

  it('at every loc( of mutated corpus files', () => {
    const random = makeRandom(20261205);
    const tally: Tally = { fast: 0, declined: 0 };
    const small = files.filter((f) => fs.statSync(f).size < 200_000);
    for (let round = 0; round < 3; round++) {
      for (const file of small) {
        const text = fs.readFileSync(file, 'utf8');
        for (const [name, mutate] of Object.entries(MUTATIONS))
          compareAll(mutate(text, random), tally, `${file} ${name}`);
      }
    }
    assert.ok(tally.fast > 0 && tally.declined > 0);
  });

  it('hand-picked edges: escapes, unterminated strings, spaced forms and chunk ends', () => {
    const cases = [
      'loc(#loc1)',
      'loc(#loc-1.a$b_)',
      'loc(#)',
      'loc(#-})',
      'loc("a\\"b")',
      'loc("a\\22b"(#loc3))',
      'loc("unterminated)\n',
      'loc("x"(#loc3) )',
      'loc("x" (#loc3))',
      'loc( #loc1)',
      'loc("f.py":1:2)',
      'loc("n"("m"))',
      'loc(unknown)',
      'loc("")',
      'loc("x"(#l))// c\n%1',
      'loc(#l)\n// -----\n',
    ];
    const tally: Tally = { fast: 0, declined: 0 };
    for (const text of cases) compareAll(text, tally, JSON.stringify(text));
    assert.equal(tally.fast + tally.declined > cases.length, true);
    // A parse of a dump-style file takes the fast path and equals its tree with the general path's spacing.
    const dense = parse('"t.a"() : () -> () loc("n"(#l1))\n#l1 = loc("p0.1")\n');
    const spaced = parse('"t.a"() : () -> () loc("n"(#l1))\n#l1 = loc( "p0.1")\n');
    assert.deepEqual(dense.errors, []);
    assert.deepEqual(spaced.errors, []);
    const alias = (r: typeof dense): unknown => {
      const a = r.file.chunks[0]!.aliases[0]!.attr as { loc: { name: string } };
      return a.loc.name;
    };
    assert.equal(alias(dense), 'p0.1');
    assert.equal(alias(spaced), 'p0.1');
  });
});
