/**
 * PieceText against plain strings: after every one of a long run of random edits, slices, code units, prefixes and the
 * flat text equal those of the string the same edits give (read without flattening first, so the piece paths run).
 */

import * as assert from 'node:assert/strict';
import { PieceText } from '../../../server/src/text/pieceText';
import { makeRandom } from '../../../bench/random';

describe('text/pieceText', () => {
  it('reads like the plain string after each of 3000 random edits (past the flatten threshold several times)', () => {
    const next = makeRandom(7);
    const alphabet = ['a', 'bc', '\n', '\r\n', ' ', 'xyz', '😀', ''];
    const word = (n: number): string =>
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    let expected = word(200);
    let text = PieceText.of(expected);
    for (let trial = 0; trial < 3000; trial++) {
      const start = Math.floor(next() * (expected.length + 1));
      const end = Math.min(expected.length, start + Math.floor(next() * 5));
      const newText = word(Math.floor(next() * 3));
      text = text.edited({ start, end, newText });
      expected = expected.slice(0, start) + newText + expected.slice(end);
      assert.equal(text.length, expected.length, `trial ${trial}`);
      for (let probe = 0; probe < 4; probe++) {
        const a = Math.floor(next() * (expected.length + 2)) - 1;
        const b = a + Math.floor(next() * 30);
        assert.equal(
          text.slice(a, b),
          expected.slice(Math.max(0, a), Math.max(0, b)),
          `trial ${trial}: slice(${a}, ${b})`,
        );
        assert.ok(Object.is(text.charCodeAt(a), expected.charCodeAt(a)), `trial ${trial}: charCodeAt(${a})`);
        assert.equal(text.startsWith('bc', a), expected.startsWith('bc', a), `trial ${trial}: startsWith at ${a}`);
      }
      if (trial % 50 === 0) assert.equal(text.toString(), expected, `trial ${trial}`);
      // Keep the text short enough for quick comparisons, through a fresh start.
      if (expected.length > 2000) {
        expected = word(200);
        text = PieceText.of(expected);
      }
    }
  });

  it('clamps edits outside the text', () => {
    assert.equal(PieceText.of('abc').edited({ start: 5, end: 9, newText: 'd' }).toString(), 'abcd');
    assert.equal(PieceText.of('abc').edited({ start: -2, end: 1, newText: 'z' }).toString(), 'zbc');
  });
});
