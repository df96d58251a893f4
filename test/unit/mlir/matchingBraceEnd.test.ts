/**
 * lexer.ts `matchingBraceEnd` (where a lazily parsed function body ends) jumps between the characters it stops at
 * with indexOf, remembering what it found across calls (NextOffsets). The oracle here is the plain character-by-
 * character scan it replaced, which reads the text the way `lexAt` does: both must give the same answer at every `{`
 * of the corpus and of mutated files, for two limits, with offsets shared across calls and afresh.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { NextOffsets, matchingBraceEnd } from '../../../server/src/mlir/lexer';
import { allCorpusFiles, DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';

/** The scan as it was before the indexOf jumps (lexer.ts before this change): every character in turn. */
function scannedBraceEnd(text: string, open: number, limit: number): number | undefined {
  let depth = 0;
  let i = open;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i, limit);
      if (text.charCodeAt(end - 1) !== 34 || end - i < 2) return undefined;
      i = end;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const eol = text.indexOf('\n', i + 2);
      i = eol < 0 || eol > limit ? limit : eol;
      continue;
    }
    if (c === 123) {
      if (text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 35) return undefined;
      depth++;
    } else if (c === 125) {
      if (--depth === 0) return i + 1;
    } else if (c === 35 && text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 125) {
      return undefined;
    }
    i++;
  }
  return undefined;
}

/** After the closing quote of the string at `i`, or where an unterminated one stops (a line end, `limit`). */
function stringEnd(text: string, i: number, limit: number): number {
  let j = i + 1;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === 10 || c === 13) return j;
    j++;
  }
  return limit;
}

/** Calls at every `{` in text order, as a parse does, sharing one NextOffsets per limit; and one call afresh each. */
function assertSameAtEveryBrace(text: string, what: string): number {
  let checked = 0;
  const whole = new NextOffsets(text);
  const half = new NextOffsets(text);
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    const halfLimit = Math.floor((open + text.length) / 2);
    const expected = scannedBraceEnd(text, open, text.length);
    assert.equal(matchingBraceEnd(text, open, text.length, whole), expected, `${what}: { at ${open}`);
    assert.equal(matchingBraceEnd(text, open, text.length), expected, `${what}: { at ${open}, afresh`);
    assert.equal(
      matchingBraceEnd(text, open, halfLimit, half),
      scannedBraceEnd(text, open, halfLimit),
      `${what}: { at ${open}, limit ${halfLimit}`,
    );
    checked++;
  }
  return checked;
}

describe('mlir lexer: matchingBraceEnd', () => {
  it('skips strings and comments, and gives up at markers, unterminated strings and the limit', () => {
    const cases: [string, number | undefined][] = [
      ['{ "}" }', 7],
      ['{ "a\\"}" }', 10],
      ['{ // }\n }', 9],
      ['{ a / b }', 9],
      ['{ "#-}" }', 9],
      ['{ "#"-} }', 7],
      ['{ // #-}\n }', 11],
      ['{ #-} }', undefined],
      ['{ {-# x }', undefined],
      ['{ "unterminated\n }', undefined],
      ['{ // no line end }', undefined],
      ['{ { }', undefined],
      ['{}', 2],
    ];
    for (const [text, expected] of cases) {
      assert.equal(matchingBraceEnd(text, 0, text.length), expected, text);
      assert.equal(scannedBraceEnd(text, 0, text.length), expected, `oracle: ${text}`);
    }
    // The limit cuts the text: a `}` at or after it is not seen.
    assert.equal(matchingBraceEnd('{ } }', 0, 2), undefined);
    assert.equal(matchingBraceEnd('{ } }', 0, 3), 3);
  });

  it('gives the answer of a character-by-character scan at every { of the corpus', () => {
    let checked = 0;
    for (const file of allCorpusFiles()) checked += assertSameAtEveryBrace(fs.readFileSync(file, 'utf8'), file);
    assert.ok(checked > 10_000, `braces checked: ${checked}`);
  });

  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: gives the answer of a character-by-character scan at every { of a mutated file`, () => {
      const sources = [readCorpus(DUMP.llamaAttentionTest), readCorpus(DUMP.oom), readCorpus(DUMP.mnistSharded)];
      const random = makeRandom(name.length * 31337);
      for (let i = 0; i < 12; i++)
        assertSameAtEveryBrace(mutate(sources[i % sources.length]!, random), `${name} #${i}`);
    });
  }
});
