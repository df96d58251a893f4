/**
 * The memo of steps a composite estimator makes with another op's estimator (estimate/stepMemo.ts): an entry replays
 * the change points its run reported straddled, holds for every free-L1 figure only when its run did not read it, and
 * is kept per device and build window.
 */

import { strict as assert } from 'assert';
import { atOrAfter, type ChangePointId } from '../../../server/src/estimate/changePoints';
import { liveL1Of } from '../../../server/src/estimate/common';
import { StepMemo } from '../../../server/src/estimate/stepMemo';
import type { EstimateContext } from '../../../server/src/estimate/types';
import { presetDevice } from '../../../server/src/ttnn/device';

const DEVICE = presetDevice('wormhole_b0_n150');
// Straddles change point i2s-scratch-dram-padded (tt-metal PR #33905, merged 2026-02-03).
const FEBRUARY = { earliest: '2026-02-01', latest: '2026-02-28' };
const BEFORE = { earliest: '2026-02-01', latest: '2026-02-02' };

function ctxOf(
  window: { earliest: string; latest: string },
  live = 0,
): EstimateContext & { ttMetal: { straddled: Set<ChangePointId> }; liveL1Read: { read: boolean } } {
  return {
    device: DEVICE,
    ttMetal: { window, straddled: new Set() },
    liveL1BytesPerCore: live,
    liveL1Read: { read: false },
  };
}

describe('estimate/stepMemo', () => {
  it('a remembered step reports the change points its run straddled to each caller; another window runs afresh', () => {
    const memo = new StepMemo<boolean>();
    let runs = 0;
    const make = (ctx: EstimateContext): boolean => {
      runs++;
      return atOrAfter(ctx, 'i2s-scratch-dram-padded');
    };
    const first = ctxOf(FEBRUARY);
    // A straddled change point is answered as the window's newest build has it: after.
    assert.equal(memo.recall(first, 'k', make), true);
    assert.deepEqual([...first.ttMetal.straddled], ['i2s-scratch-dram-padded']);
    const second = ctxOf(FEBRUARY);
    assert.equal(memo.recall(second, 'k', make), true);
    assert.deepEqual([...second.ttMetal.straddled], ['i2s-scratch-dram-padded']);
    assert.equal(runs, 1);
    const before = ctxOf(BEFORE);
    assert.equal(memo.recall(before, 'k', make), false);
    assert.deepEqual([...before.ttMetal.straddled], []);
    assert.equal(runs, 2);
    // Another key, another device: run afresh.
    memo.recall(ctxOf(FEBRUARY), 'other', make);
    memo.recall({ ...ctxOf(FEBRUARY), device: { ...DEVICE } }, 'k', make);
    assert.equal(runs, 4);
  });

  it('a step that read no free L1 holds at every figure; one that read it, at its own figure, and marks the caller', () => {
    const memo = new StepMemo<number>();
    let runs = 0;
    const ignoring = (): number => ++runs;
    const reading = (ctx: EstimateContext): number => {
      runs++;
      return liveL1Of(ctx);
    };
    for (const live of [0, 1_000, 700_000]) {
      const ctx = ctxOf(FEBRUARY, live);
      assert.equal(memo.recall(ctx, 'ignoring', ignoring), 1);
      assert.equal(ctx.liveL1Read.read, false, `ignoring at ${live} B`);
    }
    assert.equal(runs, 1);
    for (const live of [1_000, 700_000, 1_000, 700_000]) {
      const ctx = ctxOf(FEBRUARY, live);
      assert.equal(memo.recall(ctx, 'reading', reading), live);
      assert.equal(ctx.liveL1Read.read, true, `reading at ${live} B`);
    }
    // One run per distinct figure.
    assert.equal(runs, 3);
  });
});
