/** The one MLIR text scanner: strings skipped whole, `->` never closes a bracket, depth never below zero. */

import { strict as assert } from 'assert';
import { isBalanced, matchingClose, scanMlirText, splitTopLevel } from '../../../server/src/mlir/textScan';

describe('mlir/textScan', () => {
  it('splits at top-level commas only, through strings, nested brackets and arrows', () => {
    assert.deepEqual(splitTopLevel('a, <b, c>, "x, y", (d0, d1) -> (d0, d1), [1, 2]'), [
      'a',
      '<b, c>',
      '"x, y"',
      '(d0, d1) -> (d0, d1)',
      '[1, 2]',
    ]);
    assert.deepEqual(splitTopLevel(''), []);
    assert.deepEqual(splitTopLevel('a,'), ['a', '']);
    assert.deepEqual(splitTopLevel('x = 1; y = 2', ';'), ['x = 1', 'y = 2']);
  });

  it('finds the matching close of a bracket, not a `>` of an arrow or one inside a string', () => {
    const text = '<(d0) -> (d0), "a>b", <1x1>> tail';
    assert.equal(matchingClose(text, 0), text.indexOf(' tail') - 1);
    assert.equal(matchingClose('(unclosed', 0), undefined);
  });

  it('balanced means every string and bracket closes; stray closers do not go negative', () => {
    assert.ok(isBalanced('f(a, "b)", [c]) -> d'));
    assert.ok(!isBalanced('f(a, [b)'));
    assert.ok(!isBalanced('"open'));
    assert.ok(isBalanced(')) (x)'));
  });

  it('visits an arrow once with its depth', () => {
    const arrows: [number, number][] = [];
    scanMlirText('(a -> b) -> c', (i, c, depth) => {
      if (c === '->') arrows.push([i, depth]);
    });
    assert.deepEqual(arrows, [
      [3, 1],
      [9, 0],
    ]);
  });
});
