import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/text/lineIndex';

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

  it('clamps out-of-range positions instead of throwing', () => {
    const index = new LineIndex('one\ntwo');
    assert.equal(index.offset({ line: 9, character: 0 }), 7);
    assert.equal(index.offset({ line: 0, character: 99 }), 3);
    assert.deepEqual(index.position(100), { line: 1, character: 3 });
  });

  it('afterChange equals a fresh index after random edits mixing LF, CR and CRLF (seeded)', () => {
    // mulberry32, so failures reproduce.
    let a = 12345;
    const next = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', ' ', 'xyz\n'];
    const randomText = (n: number): string => Array.from({ length: n }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    let index = new LineIndex(randomText(40));
    for (let trial = 0; trial < 2000; trial++) {
      const text = index.text;
      const start = Math.floor(next() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(next() * 4));
      const change = { start, end, newText: randomText(Math.floor(next() * 3)) };
      const edited = text.slice(0, start) + change.newText + text.slice(end);
      const incremental = LineIndex.afterChange(index, change, edited);
      const fresh = new LineIndex(edited);
      assert.equal(incremental.lineCount, fresh.lineCount, `trial ${trial}: ${JSON.stringify(text)} + ${JSON.stringify(change)}`);
      for (let line = 0; line < fresh.lineCount; line++) assert.equal(incremental.lineStart(line), fresh.lineStart(line), `trial ${trial}, line ${line}`);
      index = edited.length > 400 ? new LineIndex(randomText(40)) : incremental;
    }
  });
});
