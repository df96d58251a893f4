/** Numbered names read as their number only when spelled canonically, so equal numbers mean equal texts. */

import { strict as assert } from 'assert';
import { NumberedNameIndex, numberAfter } from '../../../server/src/text/numberedNames';

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

  describe('NumberedNameIndex', () => {
    // Names of every kind the index splits: %N inside and past the table, leading zeros, arguments, results of
    // multi-result ops, names in other dialects' spelling.
    const names = ['%0', '%1', '%7', '%8', '%9', '%10', '%123', '%01', '%007', '%arg0', '%arg1', '%x', '%0#1', '%1#0'];
    const pseudoRandom = (seed: number) => () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

    it('keeps what a Map keeps, through set, getOrSet and clear, with the table limit anywhere', () => {
      const random = pseudoRandom(7);
      for (const capacity of [0, 1, 8, 200]) {
        const index = new NumberedNameIndex(capacity);
        let model = new Map<string, number>();
        for (let step = 0; step < 2000; step++) {
          const name = names[Math.floor(random() * names.length)]!;
          const value = Math.floor(random() * 50);
          const action = random();
          if (action < 0.3) {
            index.set(name, value);
            model.set(name, value);
          } else if (action < 0.6) {
            const kept = model.get(name) ?? value;
            model.set(name, kept);
            assert.equal(index.getOrSet(name, value), kept, `getOrSet(${name}, ${value})`);
          } else if (action < 0.98) {
            assert.equal(index.get(name), model.get(name) ?? -1, `get(${name})`);
          } else {
            const limit = Math.floor(random() * (capacity + 1));
            index.clear(limit);
            model = new Map();
          }
        }
        for (const name of names)
          assert.equal(index.get(name), model.get(name) ?? -1, `${name} at capacity ${capacity}`);
      }
    });

    it('tells %1 from %01 and %1#0, inside and past the table', () => {
      for (const capacity of [0, 4]) {
        const index = new NumberedNameIndex(capacity);
        index.set('%1', 1);
        index.set('%01', 2);
        index.set('%1#0', 3);
        index.set('%100', 4);
        assert.deepEqual(
          ['%1', '%01', '%1#0', '%100', '%10'].map((n) => index.get(n)),
          [1, 2, 3, 4, -1],
        );
      }
    });
  });
});
