/**
 * How the registry runs an estimator over a build window: once, recording nothing, when no change point falls inside
 * the window (every `atOrAfter` has one answer there); else with the change points it asks about recorded, split at
 * those it straddles. The single run gives what the recording path gives, over real dumps and the benchmark's dump.
 */

import { strict as assert } from 'assert';
import { generateTtnnModule } from '../../../bench/generate';
import {
  CHANGE_POINTS,
  FULL_WINDOW,
  changePointsWithin,
  dayBefore,
  windowHasChangePoint,
  type TtMetalWindow,
} from '../../../server/src/estimate/changePoints';
import { estimateOp, estimateOpRecordingChangePoints } from '../../../server/src/estimate/registry';
import { parse } from '../../../server/src/mlir/parser';
import { resolveDevice } from '../../../server/src/ttnn/device';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { TtnnModule, TtnnOp } from '../../../server/src/ttnn/op';
import { DUMP, readCorpus } from '../../support/corpus';
import { op, tensor, whContext } from './build';

/** Change-point dates in order, each once. */
const DATES: readonly string[] = [...new Set(Object.values(CHANGE_POINTS).map((c): string => c.mergedOn))].sort();

/** The windows between consecutive change points (from one date to the day before the next): none falls inside. */
const GAPS: readonly TtMetalWindow[] = DATES.slice(0, -1).map((d, i) => ({
  earliest: d,
  latest: dayBefore(DATES[i + 1]!),
}));

/** Windows over two consecutive gaps: each straddles one change point (the recording path on both sides). */
const SPANS: readonly TtMetalWindow[] = GAPS.slice(1).map((g, i) => ({
  earliest: GAPS[i]!.earliest,
  latest: g.latest,
}));

/** One op of each distinct input (name, specs, properties) of `module`: the estimates the memo would make. */
function distinctOps(module: TtnnModule): TtnnOp[] {
  const seen = new Set<string>();
  const out: TtnnOp[] = [];
  for (const fn of module.functions) {
    for (const o of fn.ops) {
      const key = JSON.stringify([o.name, o.operands, o.results, o.properties]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(o);
    }
  }
  return out;
}

/** Every op of `module` in each window, by both paths: deep-equal. Returns how many estimates were compared. */
function assertPathsAgree(module: TtnnModule, windows: readonly TtMetalWindow[], lives: readonly number[]): number {
  const device = resolveDevice(module.systemDesc, {});
  let compared = 0;
  for (const o of distinctOps(module)) {
    for (const window of windows) {
      for (const live of lives) {
        const ctx = { device, ttMetal: { window }, liveL1BytesPerCore: live };
        assert.deepStrictEqual(
          estimateOp(o, ctx),
          estimateOpRecordingChangePoints(o, ctx),
          `${o.name} in ${window.earliest}..${window.latest}`,
        );
        compared++;
      }
    }
  }
  return compared;
}

describe('estimate/registry: runs per build window', () => {
  it('a window has a change point when one falls after its first day and by its last', () => {
    assert.ok(DATES.length > 2);
    for (const gap of GAPS) {
      assert.equal(windowHasChangePoint(gap), false, `${gap.earliest}..${gap.latest}`);
      // One day more at either end takes in the change point there (the first gap has none before it).
      assert.equal(
        windowHasChangePoint({ earliest: gap.earliest, latest: DATES[DATES.indexOf(gap.earliest) + 1]! }),
        true,
      );
      if (gap.earliest !== DATES[0])
        assert.equal(windowHasChangePoint({ earliest: dayBefore(gap.earliest), latest: gap.latest }), true);
    }
    assert.equal(windowHasChangePoint(FULL_WINDOW), changePointsWithin(FULL_WINDOW).length > 0);
    // A single build date never straddles: a change point on that day is in effect for it.
    assert.equal(windowHasChangePoint({ earliest: DATES[3]!, latest: DATES[3]! }), false);
  });

  it('the single run equals the recording path over real dumps in every window between change points, and across each', function () {
    this.timeout(240_000);
    let compared = 0;
    for (const file of [DUMP.resnet18, DUMP.falcon3DecodeTraced, DUMP.llamaAttention, DUMP.oom, DUMP.vovnet]) {
      compared += assertPathsAgree(moduleFromSyntax(parse(readCorpus(file))), [...GAPS, ...SPANS], [0, 1_300_000]);
    }
    assert.ok(compared > 5_000, `${compared} estimates compared`);
  });

  it("the single run equals the recording path over the benchmark's generated dump", function () {
    this.timeout(240_000);
    const generated = moduleFromSyntax(parse(generateTtnnModule({ nOps: 2_000, seed: 5 })));
    // The gaps around the tilize/untilize and embedding change points, where the generated ops' factories branch.
    const near = [...GAPS, ...SPANS].filter((g) => g.earliest >= '2026-01-01' && g.earliest <= '2026-06-01');
    assert.ok(assertPathsAgree(generated, near, [0, 700_000, 1_450_000]) > 1_000);
  });

  it('figures do not depend on the order estimates are made in: a recording run between single runs', () => {
    // The tilize/untilize sub-block change gives this untilize a version range in a window straddling it
    // (changePoints.test.ts); a small one asks about it and gets none.
    const big = op('ttnn.to_layout', [tensor([4, 4884480])], [tensor([4, 4884480], { page: 'row_major' })]);
    const small = op('ttnn.to_layout', [tensor([64, 1024])], [tensor([64, 1024], { page: 'row_major' })]);
    const straddling = whContext({ window: { earliest: '2025-12-01', latest: '2026-06-30' } });
    const sequence = [big, small, small, big, big, small];
    const forward = sequence.map((o) => estimateOp(o, straddling));
    const backward = sequence
      .slice()
      .reverse()
      .map((o) => estimateOp(o, straddling))
      .reverse();
    assert.deepStrictEqual(forward, backward);
    const ranges = forward.map((e) => (e.kind === 'estimate' ? e.versionRange?.figures.length : undefined));
    assert.deepEqual(ranges, [2, undefined, undefined, 2, 2, undefined]);
  });
});
