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
});
