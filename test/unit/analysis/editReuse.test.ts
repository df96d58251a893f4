/** Op records kept across an edit in place: only replaced ops are analysed again, and only when liveness holds. */

import { strict as assert } from 'assert';
import { afterOpEdits, reindex } from '../../../server/src/analysis/editReuse';
import { estimateCache } from '../../../server/src/analysis/estimateCache';
import { liveBytesPerOp, liveIntervalsOf } from '../../../server/src/analysis/liveness';
import { l1Limits } from '../../../server/src/analysis/overflow';
import { functionRecord, opRecord, type OpRecordContext } from '../../../server/src/analysis/records';
import { presetDevice } from '../../../server/src/ttnn/device';
import type { TtnnFunction, TtnnOp } from '../../../server/src/ttnn/op';
import { tensor } from '../estimate/build';
import { fnOf, namedOp } from './fnBuild';

const DEVICE = presetDevice('wormhole_b0_n150');
const WINDOW = { earliest: '2025-11-27', latest: '2025-11-27' };
const CTX: OpRecordContext = {
  limits: l1Limits(DEVICE, undefined),
  ttMetal: { window: WINDOW, source: 'configured', how: 'test' },
  estimate: estimateCache(DEVICE, WINDOW, 1, undefined).estimate,
};
const L1 = tensor([64, 64], { buffer: 'l1', mem: 'height_sharded', grid: [1, 1] });
const DRAM = tensor([64, 64]);
const relu = (result: string, input: string, out = L1): TtnnOp => namedOp('ttnn.relu', [[input, L1]], [[result, out]]);

function analysed(fn: TtnnFunction, steps: Int32Array) {
  const intervals = liveIntervalsOf(fn, DEVICE);
  const live = liveBytesPerOp(fn.ops.length, intervals);
  return functionRecord(
    fn,
    fn.ops.map((o, i) => opRecord(CTX, o, i, live[i]!, steps[i])),
    intervals,
    true,
  );
}

describe('analysis/editReuse', () => {
  const ops = [relu('%0', '%arg0'), relu('%1', '%0'), relu('%2', '%1')];
  const fn = fnOf('@main', ops, { args: [{ name: '%arg0', spec: L1 }] });
  const steps = Int32Array.from([0, 1, 2]);
  const earlier = analysed(fn, steps);

  it('the same function keeps its record', () => {
    assert.equal(afterOpEdits(earlier, fn, steps, CTX), earlier);
  });

  it('one op replaced with the same names and L1 bytes: that op alone gets a new record', () => {
    const edited = fnOf('@main', [ops[0]!, relu('%1', '%0'), ops[2]!], { args: fn.args });
    const after = afterOpEdits(earlier, edited, steps, CTX);
    assert.ok(after !== undefined);
    assert.equal(after.ops[0], earlier.ops[0]);
    assert.notEqual(after.ops[1], earlier.ops[1]);
    assert.equal(after.ops[1]!.op, edited.ops[1]);
    assert.equal(after.ops[2], earlier.ops[2]);
    assert.equal(after.liveIntervals, earlier.liveIntervals);
    // The same result as analysing the edited function from scratch.
    assert.deepEqual(
      after.ops.map((o) => o.peakL1BytesPerCore),
      analysed(edited, steps).ops.map((o) => o.peakL1BytesPerCore),
    );
  });

  it('an edit that changes liveness, the op count or reachability is analysed in full (undefined)', () => {
    const renamed = fnOf('@main', [ops[0]!, relu('%9', '%0'), ops[2]!], { args: fn.args });
    assert.equal(afterOpEdits(earlier, renamed, steps, CTX), undefined);
    const toDram = fnOf('@main', [ops[0]!, relu('%1', '%0', DRAM), ops[2]!], { args: fn.args });
    assert.equal(afterOpEdits(earlier, toDram, steps, CTX), undefined);
    assert.equal(afterOpEdits(earlier, fnOf('@main', ops.slice(0, 2), { args: fn.args }), steps, CTX), undefined);
    assert.equal(afterOpEdits(earlier, fn, undefined, CTX), undefined);
  });

  it('reindex re-decides the edited indices and keeps the list ascending', () => {
    assert.deepEqual(
      reindex([1, 4, 7], [4, 5], (i) => i === 5),
      [1, 5, 7],
    );
    assert.deepEqual(
      reindex([1, 4], [], () => true),
      [1, 4],
    );
  });
});
