/** L1 tensor liveness: intervals from definition to last use / deallocate / return, arguments, view reshapes, the sweep. */

import { strict as assert } from 'assert';
import { l1Bytes, liveBytesPerOp, liveIntervalsOf, sameLivenessOp } from '../../../server/src/analysis/liveness';
import { presetDevice } from '../../../server/src/ttnn/device';
import { tensor } from '../estimate/build';
import { fnOf, namedOp } from './fnBuild';

const DEVICE = presetDevice('wormhole_b0_n150');
// 64x64 bf16 tiles height-sharded on one core: 2x2 tiles x 2,048 B (32·32·2) = 8,192 B per core.
const L1 = tensor([64, 64], { buffer: 'l1', mem: 'height_sharded', grid: [1, 1] });
const L1_BYTES = 8_192;
const DRAM = tensor([64, 64]);

const unary = (result: string, input: string, out = L1) => namedOp('ttnn.relu', [[input, L1]], [[result, out]]);
const dealloc = (name: string) => namedOp('ttnn.deallocate', [[name, L1]], []);
const ret = (...names: string[]) =>
  namedOp(
    'func.return',
    names.map((n) => [n, L1] as [string, typeof L1]),
    [],
  );

describe('analysis/liveness', () => {
  it('an L1 tensor is 8,192 B per core; a DRAM one is not counted', () => {
    assert.equal(l1Bytes(L1, DEVICE), L1_BYTES);
    assert.equal(l1Bytes(DRAM, DEVICE), 0);
  });

  it('a result lives to its last use, its deallocate, or the end when returned; an unused one at its op only', () => {
    const fn = fnOf(
      '@main',
      [
        unary('%0', '%arg0'), // used by %2: [0, 2]
        unary('%1', '%arg0'), // unused: [1, 1]
        unary('%2', '%0'), // deallocated at 4: [2, 4]
        unary('%3', '%2', DRAM), // DRAM: no interval
        dealloc('%2'),
        unary('%5', '%arg0'), // returned: [5, 6]
        ret('%5'),
      ],
      { args: [{ name: '%arg0', spec: L1 }] },
    );
    const intervals = liveIntervalsOf(fn, DEVICE).map((iv) => [iv.valueName, iv.startIndex, iv.endIndex, iv.definedAt]);
    assert.deepEqual(intervals, [
      // A caller-owned argument never deallocated: the whole function.
      ['%arg0', 0, 6, -1],
      ['%0', 0, 2, 0],
      ['%1', 1, 1, 1],
      ['%2', 2, 4, 2],
      ['%5', 5, 6, 5],
    ]);
  });

  it('names count by their text: %1 and %01 are two values, and numbers past the slot table are values too', () => {
    const fn = fnOf(
      '@main',
      [
        unary('%1', '%arg0'), // used by nothing: %01 below is another name
        unary('%01', '%arg0'), // used at 3
        unary('%4000000', '%arg0'), // a number far past the function's names: used at 4
        unary('%3', '%01'),
        unary('%5', '%4000000'),
        unary('%6#0', '%arg0'), // not a plain number: deallocated at 6
        dealloc('%6#0'),
        ret('%3', '%5'),
      ],
      { args: [{ name: '%arg0', spec: L1 }] },
    );
    const intervals = liveIntervalsOf(fn, DEVICE).map((iv) => [iv.valueName, iv.startIndex, iv.endIndex]);
    assert.deepEqual(intervals, [
      ['%arg0', 0, 7],
      ['%1', 0, 0],
      ['%01', 1, 3],
      ['%4000000', 2, 4],
      ['%3', 3, 7],
      ['%5', 4, 7],
      ['%6#0', 5, 6],
    ]);
  });

  it('a deallocated argument lives from the start to its deallocate', () => {
    const fn = fnOf('@main', [unary('%0', '%arg0'), dealloc('%arg0'), ret('%0')], {
      args: [{ name: '%arg0', spec: L1 }],
    });
    assert.deepEqual(liveIntervalsOf(fn, DEVICE).find((iv) => iv.valueName === '%arg0')?.endIndex, 1);
  });

  it("a view reshape shares its input's buffer: no interval of its own, its uses extend the input's", () => {
    const view = tensor([1, 64, 64], { buffer: 'l1', mem: 'height_sharded', grid: [1, 1] });
    const fn = fnOf('@main', [
      unary('%0', '%arg0'),
      namedOp('ttnn.reshape', [['%0', L1]], [['%1', view]]),
      unary('%2', '%arg0', DRAM),
      namedOp('ttnn.relu', [['%1', view]], [['%3', DRAM]]),
      namedOp('ttnn.deallocate', [['%1', view]], []),
    ]);
    const intervals = liveIntervalsOf(fn, DEVICE).map((iv) => [iv.valueName, iv.startIndex, iv.endIndex]);
    // %0's buffer is used through %1 at op 3 and freed through %1 at op 4.
    assert.deepEqual(intervals, [['%0', 0, 4]]);
  });

  it('live bytes per op are the sum of the intervals covering it', () => {
    const iv = (start: number, end: number, bytes: number) => ({
      valueName: '%x',
      bytesPerCore: bytes,
      startIndex: start,
      endIndex: end,
      definedAt: start,
    });
    // op 0: 100; op 1: 100 + 50; op 2: 50; op 3: nothing; an interval past the end is cut at the last op.
    assert.deepEqual(liveBytesPerOp(4, [iv(0, 1, 100), iv(1, 2, 50)]), [100, 150, 50, 0]);
    assert.deepEqual(liveBytesPerOp(2, [iv(1, 9, 7)]), [0, 7]);
  });

  it('intervals of a function do not depend on the functions analysed before it (small ones share one slot table)', () => {
    // A chain of n relus with every other result deallocated: sizes around the shared table's 4,096 slots (3 names
    // per op).
    const chain = (n: number, name: string) => {
      const ops = [];
      for (let i = 0; i < n; i++) {
        ops.push(unary(`%${2 * i}`, i === 0 ? '%arg0' : `%${2 * i - 2}`));
        if (i % 2 === 1) ops.push(dealloc(`%${2 * i - 2}`));
      }
      ops.push(ret(`%${2 * n - 2}`));
      return fnOf(name, ops, { args: [{ name: '%arg0', spec: L1 }] });
    };
    const fns = [
      chain(3, '@a'),
      chain(1_500, '@b'),
      chain(2, '@c'),
      chain(40, '@d'),
      chain(1_000, '@e'),
      chain(5, '@f'),
    ];
    const forward = fns.map((fn) => liveIntervalsOf(fn, DEVICE));
    const backward = fns
      .slice()
      .reverse()
      .map((fn) => liveIntervalsOf(fn, DEVICE))
      .reverse();
    assert.deepEqual(forward, backward);
    // @c: %0 (op 0) is used by %2 at op 1 and freed at op 2; %2 is returned (op 3): [0, 2] and [1, 3]; the argument
    // lives throughout, never deallocated.
    assert.deepEqual(
      forward[2]!.map((iv) => [iv.valueName, iv.startIndex, iv.endIndex]),
      [
        ['%arg0', 0, 3],
        ['%0', 0, 2],
        ['%2', 1, 3],
      ],
    );
  });

  it('two ops feed liveness the same only with the same names and L1 bytes', () => {
    const a = unary('%0', '%arg0');
    assert.ok(sameLivenessOp(a, unary('%0', '%arg0'), DEVICE));
    assert.ok(!sameLivenessOp(a, unary('%9', '%arg0'), DEVICE));
    assert.ok(!sameLivenessOp(a, unary('%0', '%arg1'), DEVICE));
    assert.ok(!sameLivenessOp(a, unary('%0', '%arg0', DRAM), DEVICE));
    // Another spec object with the same L1 bytes feeds liveness the same.
    assert.ok(
      sameLivenessOp(
        a,
        unary('%0', '%arg0', tensor([64, 64], { buffer: 'l1', mem: 'height_sharded', grid: [1, 1] })),
        DEVICE,
      ),
    );
  });
});
