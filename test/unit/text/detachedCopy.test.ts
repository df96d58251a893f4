import * as assert from 'node:assert/strict';
import { detachedCopy } from '../../../server/src/text/detachedCopy';

describe('text/detachedCopy', () => {
  it('gives the same characters for empty, short, long and non-ASCII slices', () => {
    const file = `${'x'.repeat(100)}{ttir.name = "args_0", é = "\u{1F600}"}${'y'.repeat(100)}`;
    for (const [start, end] of [
      [0, 0],
      [100, 101],
      [100, 112],
      [100, 113],
      [100, file.length - 100],
      [0, file.length],
    ] as const) {
      const slice = file.slice(start, end);
      assert.equal(detachedCopy(slice), slice);
    }
  });
});
