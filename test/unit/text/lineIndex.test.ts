import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/text/lineIndex';
import { countAtOrBelow, firstIndexNotBefore } from '../../../server/src/text/search';

describe('LineIndex', () => {
  it('maps offsets to UTF-16 positions across LF and CRLF line breaks', () => {
    const index = new LineIndex('ab\r\ncd\n😀x');
    assert.deepEqual(index.position(0), { line: 0, character: 0 });
    assert.deepEqual(index.position(4), { line: 1, character: 0 });
    // The emoji is two UTF-16 code units, so `x` is at character 2 of line 2.
    assert.deepEqual(index.position(9), { line: 2, character: 2 });
    assert.equal(index.offset({ line: 2, character: 2 }), 9);
    assert.equal(index.lineEnd(0), 2);
    assert.equal(index.lineCount, 3);
  });

  it('positionsOnly gives the same position as the index for every offset, past the end too', () => {
    const text = 'ab\r\ncd\n😀x\r\n\nlast';
    const index = new LineIndex(text);
    const positions = index.positionsOnly();
    for (let offset = -1; offset <= text.length + 2; offset++)
      assert.deepEqual(positions.position(offset), index.position(offset), `offset ${offset}`);
  });

  it('positionInto writes the same position as position, from the index and from positionsOnly', () => {
    const text = 'ab\r\ncd\n😀x\r\n\nlast';
    const index = new LineIndex(text);
    const positions = index.positionsOnly();
    const into = { line: -1, character: -1 };
    for (let offset = -1; offset <= text.length + 2; offset++) {
      index.positionInto(offset, into);
      assert.deepEqual(into, index.position(offset), `offset ${offset}`);
      into.line = into.character = -1;
      positions.positionInto(offset, into);
      assert.deepEqual(into, index.position(offset), `offset ${offset} (positionsOnly)`);
    }
  });

  it('positionNear gives the same position as position for every offset from every line, far ones too', () => {
    // 30 lines (LF, CRLF, empty, a surrogate pair), so a hint can be more than positionNear's few steps away.
    const text = Array.from(
      { length: 30 },
      (_, i) => (i % 3 === 0 ? '' : `l${i}😀`) + (i % 4 === 0 ? '\r\n' : '\n'),
    ).join('');
    const index = new LineIndex(text);
    for (let near = -2; near <= index.lineCount + 2; near++)
      for (let offset = -1; offset <= text.length + 2; offset++)
        assert.deepEqual(index.positionNear(offset, near), index.position(offset), `offset ${offset} near ${near}`);
  });

  it('countAtOrBelow equals firstIndexNotBefore with "at or below" on sorted lists with repeats (seeded)', () => {
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let trial = 0; trial < 200; trial++) {
      const sorted = Array.from({ length: next(12) }, () => next(20)).sort((a, b) => a - b);
      for (let value = -2; value <= 22; value++)
        assert.equal(
          countAtOrBelow(sorted, value),
          firstIndexNotBefore(sorted.length, (k) => sorted[k]! <= value),
          `${JSON.stringify(sorted)} at ${value}`,
        );
    }
  });

  it('clamps out-of-range positions instead of throwing', () => {
    const index = new LineIndex('one\ntwo');
    assert.equal(index.offset({ line: 9, character: 0 }), 7);
    assert.equal(index.offset({ line: 0, character: 99 }), 3);
    assert.deepEqual(index.position(100), { line: 1, character: 3 });
  });

  it('edited equals a fresh index after random edits mixing LF, CR and CRLF (seeded)', () => {
    // mulberry32, so failures reproduce.
    let a = 12345;
    const next = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', ' ', 'xyz\n'];
    const randomText = (n: number): string =>
      Array.from({ length: n }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    // The expected text is kept as a plain string beside the index, whose own text is read only at the end of each
    // trial (reading it earlier would flatten it and skip the piece paths under test).
    let expected = randomText(40);
    let index = new LineIndex(expected);
    for (let trial = 0; trial < 2000; trial++) {
      const start = Math.floor(next() * (expected.length + 1));
      const end = Math.min(expected.length, start + Math.floor(next() * 4));
      const change = { start, end, newText: randomText(Math.floor(next() * 3)) };
      const edited = expected.slice(0, start) + change.newText + expected.slice(end);
      const incremental = LineIndex.edited(index, change);
      const fresh = new LineIndex(edited);
      assert.equal(
        incremental.lineCount,
        fresh.lineCount,
        `trial ${trial}: ${JSON.stringify(expected)} + ${JSON.stringify(change)}`,
      );
      for (let line = 0; line < fresh.lineCount; line++) {
        assert.equal(incremental.lineStart(line), fresh.lineStart(line), `trial ${trial}, line ${line}`);
        assert.equal(incremental.lineEnd(line), fresh.lineEnd(line), `trial ${trial}, line end ${line}`);
      }
      assert.equal(incremental.length, edited.length);
      if (trial % 7 === 0) assert.equal(incremental.text, edited);
      expected = edited.length > 400 ? randomText(40) : edited;
      index = edited.length > 400 ? new LineIndex(expected) : incremental;
    }
  });
});
