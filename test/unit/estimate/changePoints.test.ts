/** The version axis: change-point lookups, window splitting, and the registry's figure range across a window. */

import { strict as assert } from 'assert';
import {
  CHANGE_POINTS,
  changePointText,
  dayBefore,
  splitWindow,
  windowForDate,
  windowsText,
} from '../../../server/src/estimate/changePoints';
import { atOrAfter } from '../../../server/src/estimate/changePoints';
import { estimateOp, estimateOverWindow } from '../../../server/src/estimate/registry';
import type { OpEstimate } from '../../../server/src/estimate/types';
import { inferBuildWindow } from '../../../server/src/analysis/buildWindow';
import { op, tensor, whContext } from './build';

describe('estimate/changePoints', () => {
  const subBlock = CHANGE_POINTS['tilize-untilize-sub-block'].mergedOn;
  const seedOp = op('ttnn.to_layout', [tensor([4, 4884480])], [tensor([4, 4884480], { page: 'row_major' })]);

  it("names a change point's PR in its own repository: tt-metal by default, tt-mlir's and tt-umd's by name", () => {
    assert.equal(changePointText('tilize-untilize-sub-block').split(' PR #')[0], 'tt-metal');
    // tt-mlir PR #3056 (conv_transpose2d's runtime call) and tt-umd PR #2397 (xy_pair::str()) are not tt-metal PRs.
    assert.equal(changePointText('conv-transpose2d-runtime-width-sharded'), 'tt-mlir PR #3056 (2025-04-23)');
    assert.equal(changePointText('corerange-str-dash'), 'tt-umd PR #2397 (≈2026-05-01)');
  });

  it('reads user dates as a day or a whole month, and rejects malformed ones', () => {
    assert.deepEqual(windowForDate('2026-03-19'), { earliest: '2026-03-19', latest: '2026-03-19' });
    assert.deepEqual(windowForDate('2024-02'), { earliest: '2024-02-01', latest: '2024-02-29' });
    assert.equal(windowForDate('2026-02-30'), undefined);
    assert.equal(windowForDate('March 2026'), undefined);
  });

  it('splits again at a change point first asked inside one sub-window', () => {
    // A rule asked only where an earlier one is false (conv2d's auto shard: the halo term after PR #25907, else the
    // input proxy after PR #17945): the whole window's run asks only the first; its early sub-window asks the second,
    // which must split that sub-window too, or its figure mixes builds before and after the second.
    const base = estimateOp(seedOp, whContext());
    assert.equal(base.kind, 'estimate');
    const withFigure = (bytes: number): OpEstimate => ({
      ...(base as OpEstimate),
      cbBytesPerCore: bytes,
      worstCbBytesPerCore: bytes,
    });
    const nested = (_: unknown, ctx: Parameters<typeof atOrAfter>[0]) =>
      atOrAfter(ctx, 'conv2d-auto-shard-halo-estimate')
        ? withFigure(3_000)
        : atOrAfter(ctx, 'conv2d-auto-shard-input-proxy')
          ? withFigure(2_000)
          : withFigure(1_000);
    const r = estimateOverWindow(
      seedOp,
      nested,
      whContext({ window: { earliest: '2025-01-01', latest: '2025-12-31' } }),
    );
    assert.equal(r.kind, 'estimate');
    const figures = (r as OpEstimate).versionRange?.figures.map((f) => [f.window.earliest, f.cbBytesPerCore]);
    assert.deepEqual(figures, [
      ['2025-01-01', 1_000],
      [CHANGE_POINTS['conv2d-auto-shard-input-proxy'].mergedOn, 2_000],
      [CHANGE_POINTS['conv2d-auto-shard-halo-estimate'].mergedOn, 3_000],
    ]);
  });

  it('splits a window at each change point inside it, and nowhere else', () => {
    const parts = splitWindow({ earliest: '2025-06-01', latest: '2026-06-30' }, [
      'tilize-untilize-sub-block',
      'embedding-row-chunks',
    ]);
    assert.equal(parts.length, 3);
    assert.equal(parts[0]!.earliest, '2025-06-01');
    assert.equal(parts[1]!.earliest, subBlock);
    assert.equal(parts[2]!.latest, '2026-06-30');
    for (let i = 1; i < parts.length; i++) assert.ok(parts[i - 1]!.latest < parts[i]!.earliest);
    assert.equal(
      splitWindow({ earliest: '2026-06-01', latest: '2026-06-30' }, ['tilize-untilize-sub-block']).length,
      1,
    );
  });

  it('a window straddling tt-metal PR #35806 gives both figures of the seed untilize: the legacy 9,990,400 B one is reported', () => {
    const straddling = estimateOp(seedOp, whContext({ window: { earliest: '2025-12-01', latest: '2026-06-30' } }));
    assert.equal(straddling.kind, 'estimate');
    if (straddling.kind !== 'estimate') return;
    // The worst sub-window is reported: the legacy block split's 9,990,400 B (hand-derived in untilize.test.ts).
    assert.equal(straddling.cbRegionEndBytes, 9_990_400);
    const range = straddling.versionRange;
    assert.ok(range !== undefined, 'a straddled change point yields a version range');
    assert.deepEqual(range.changePoints, ['tilize-untilize-sub-block']);
    assert.equal(range.figures.length, 2);
    assert.equal(range.figures[0]!.cbRegionEndBytes, 9_990_400);
    // After the change the worst core holds 2 x 269 sub-block tiles: 102,656 + 2·269·2,048 = 1,204,480 (untilize.test.ts).
    assert.equal(range.figures[1]!.worstCbBytesPerCore! + 102_656, 1_204_480);
    // A window on one side has no range.
    assert.equal(
      estimateOp(seedOp, whContext({ ttMetalDate: '2026-06-15' })).kind === 'estimate' &&
        (estimateOp(seedOp, whContext({ ttMetalDate: '2026-06-15' })) as { versionRange?: unknown }).versionRange,
      undefined,
    );
  });

  it('an op whose factory does not depend on the straddled change point gets no range', () => {
    // f32: outside the untilize codegen factory's bf16 / bfp8 scope, so the native multi-core factory over the whole
    // window (its bf16 twin runs the codegen factory from tt-metal PR #50178 and gets a range). 256 tile rows over 64
    // cores, 4 per core: c_0 / c_16 double-buffered in every build (one row per core was double-buffered only before
    // change point untilize-interleaved-single-block-single-buffer, which such an op straddles).
    const f32 = { dtype: 'f32' as const };
    const small = op(
      'ttnn.to_layout',
      [tensor([8192, 1024], f32)],
      [tensor([8192, 1024], { ...f32, page: 'row_major' })],
    );
    const r = estimateOp(small, whContext({ window: { earliest: '2025-01-01', latest: '2026-11-30' } }));
    assert.equal(r.kind === 'estimate' ? r.versionRange : 'not an estimate', undefined);
    const bf16 = op('ttnn.to_layout', [tensor([8192, 1024])], [tensor([8192, 1024], { page: 'row_major' })]);
    const ranged = estimateOp(bf16, whContext({ window: { earliest: '2025-01-01', latest: '2026-11-30' } }));
    assert.ok(ranged.kind === 'estimate' && ranged.versionRange?.changePoints.includes('untilize-codegen'));
  });

  it('infers a window from dated syntax, and says when there is none', () => {
    assert.equal(inferBuildWindow('"ttnn.add"(%0, %1)').source, 'none');
    const after = inferBuildWindow(
      '#x = #ttnn.ttnn_layout<(d0) -> (d0), <8x8, virt_to_physical_map = (d0, d1) -> (0, d0, d1)>> ttcore.device_module {}',
    );
    assert.equal(after.source, 'dump');
    // virt_to_physical_map: printed by tt-mlir from 2026-03-27 (minus the 21-day uplift lag) until 2026-05-06.
    assert.deepEqual(after.window, { earliest: '2026-03-06', latest: '2026-05-05' });
  });

  it('joins back-to-back sub-windows when it names builds, and keeps a gap', () => {
    // Two sub-windows split at a change point both fail: the message names one stretch of builds.
    const failsIn = [
      { earliest: '2025-05-27', latest: '2026-02-23' },
      { earliest: '2026-02-24', latest: '2026-07-05' },
    ];
    assert.equal(windowsText(failsIn), '2025-05-27..2026-07-05');
    // Across a month end, and with a gap after it.
    const split = [
      { earliest: '2025-01-01', latest: '2025-01-31' },
      { earliest: '2025-02-01', latest: '2025-02-10' },
      { earliest: '2025-03-01', latest: '2025-03-01' },
    ];
    assert.equal(windowsText(split), '2025-01-01..2025-02-10, 2025-03-01');
  });

  it('names the day before any date as the UTC calendar does (month ends, leap years, centuries)', () => {
    // The oracle is Date's own calendar arithmetic: midnight UTC less one day, printed back as YYYY-MM-DD.
    const viaDate = (date: string): string =>
      new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    let checked = 0;
    for (let t = Date.parse('2023-12-01T00:00:00Z'); t <= Date.parse('2029-01-31T00:00:00Z'); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      assert.equal(dayBefore(date), viaDate(date), date);
      checked++;
    }
    assert.equal(checked, 1889);
    // 2024 is a leap year, 1900 and 2100 are not, 2000 is.
    assert.equal(dayBefore('2024-03-01'), '2024-02-29');
    assert.equal(dayBefore('2100-03-01'), '2100-02-28');
    assert.equal(dayBefore('2000-03-01'), '2000-02-29');
    assert.equal(dayBefore('1900-03-01'), '1900-02-28');
    assert.equal(dayBefore('2026-01-01'), '2025-12-31');
  });
});
