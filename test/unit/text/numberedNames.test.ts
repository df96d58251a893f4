/** Numbered names read as their number only when spelled canonically, so equal numbers mean equal texts. */

import { strict as assert } from 'assert';
import { numberAfter } from '../../../server/src/text/numberedNames';

describe('text/numberedNames', () => {
  it('reads the number after the prefix', () => {
    assert.equal(numberAfter('%0', '%'), 0);
    assert.equal(numberAfter('%123', '%'), 123);
    assert.equal(numberAfter('#loc45', '#loc'), 45);
    assert.equal(numberAfter('%999999999', '%'), 999_999_999);
  });

  it('is -1 for any other spelling: leading zeros, other characters, no digits, another prefix, too many digits', () => {
    for (const name of [
      '%01',
      '%00',
      '%',
      '%arg0',
      '%1#0',
      '%1a',
      '%-1',
      '%1.0',
      '#loc',
      '#loc07',
      'loc7',
      '%1000000000',
    ])
      assert.equal(numberAfter(name, name.startsWith('#') || name.startsWith('loc') ? '#loc' : '%'), -1, name);
  });

  it('gives distinct names distinct numbers (every name up to 3 digits with leading zeros and letters mixed in)', () => {
    const seen = new Map<number, string>();
    const alphabet = ['0', '1', '2', '9', 'a', '#'];
    const names = [''];
    for (let length = 1; length <= 3; length++)
      for (const stem of names.filter((n) => n.length === length - 1)) for (const c of alphabet) names.push(stem + c);
    for (const stem of names) {
      const n = numberAfter(`%${stem}`, '%');
      if (n < 0) continue;
      assert.equal(String(n), stem, `%${stem} reads as ${n}`);
      assert.equal(seen.get(n), undefined, `%${stem} and ${seen.get(n)} both read as ${n}`);
      seen.set(n, `%${stem}`);
    }
  });
});
