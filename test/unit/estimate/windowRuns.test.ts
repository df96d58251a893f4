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
  atOrAfter,
  changePointsWithin,
  dayBefore,
  sameReadSpanAnswers,
  windowHasChangePoint,
  windowWithinReadSpan,
  type TtMetalWindow,
} from '../../../server/src/estimate/changePoints';
import {
  estimateOp,
  estimateOpRecordingChangePoints,
  estimateOpRunningEverySubWindow,
  estimateOverWindow,
  type Estimator,
} from '../../../server/src/estimate/registry';
import type { OpEstimate } from '../../../server/src/estimate/types';
import { parse } from '../../../server/src/mlir/parser';
import { resolveDevice } from '../../../server/src/ttnn/device';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { TtnnModule, TtnnOp } from '../../../server/src/ttnn/op';
import { DUMP, readCorpus } from '../../support/corpus';
import { serverCodeLines } from '../../support/sourceLines';
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

type EstimatePath = (o: TtnnOp, ctx: Parameters<typeof estimateOp>[1]) => ReturnType<typeof estimateOp>;

/** Every op of `module` in each window, by both paths: deep-equal. Returns how many estimates were compared. */
function assertPathsAgree(
  module: TtnnModule,
  windows: readonly TtMetalWindow[],
  lives: readonly number[],
  paths: readonly [EstimatePath, EstimatePath] = [estimateOp, estimateOpRecordingChangePoints],
): number {
  const device = resolveDevice(module.systemDesc, {});
  let compared = 0;
  for (const o of distinctOps(module)) {
    for (const window of windows) {
      for (const live of lives) {
        const ctx = { device, ttMetal: { window }, liveL1BytesPerCore: live };
        assert.deepStrictEqual(paths[0](o, ctx), paths[1](o, ctx), `${o.name} in ${window.earliest}..${window.latest}`);
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

describe("estimate/registry: the newest sub-window's figure is the whole window's run", () => {
  const anyOp = op('ttnn.add', [tensor([32, 32]), tensor([32, 32])], [tensor([32, 32])]);
  const base = estimateOp(anyOp, whContext());
  const jan10 = CHANGE_POINTS['matmul-default-fp32-acc-f32-output'].mergedOn;
  /** Reads a change point and a read span, as an auto-configured matmul does; records each window it runs in. */
  const spanReader = (runs: TtMetalWindow[]): Estimator => {
    return (_, ctx) => {
      runs.push(ctx.ttMetal.window);
      const bytes = atOrAfter(ctx, 'matmul-default-fp32-acc-f32-output') ? 2_000 : 1_000;
      const figure = { ...(base as OpEstimate), cbBytesPerCore: bytes, worstCbBytesPerCore: bytes };
      return windowWithinReadSpan(ctx, 'matmul-auto-1d-all-dram-2025')
        ? { ...figure, confidence: 'exact', approxReason: '' }
        : { ...figure, confidence: 'approx', approxReason: 'outside the read span' };
    };
  };
  const both = (window: TtMetalWindow) => {
    const reused: TtMetalWindow[] = [];
    const afresh: TtMetalWindow[] = [];
    const ctx = whContext({ window });
    const r = estimateOverWindow(anyOp, spanReader(reused), ctx);
    const f = estimateOverWindow(anyOp, spanReader(afresh), ctx, false);
    assert.deepStrictEqual(r, f);
    assert.equal(r.kind, 'estimate');
    const figures = (r as OpEstimate).versionRange?.figures ?? [];
    return { reused, afresh, figures: figures.map((x) => [x.window.earliest, x.cbBytesPerCore, x.confidence]) };
  };

  it('a read span beginning inside the window: the newest sub-window is run, its own figure exact', () => {
    // Read span matmul-auto-1d-all-dram-2025 holds builds 2025-01-06..2025-06-16. The window 2025-01-01..06-16 is not
    // inside it, its sub-window from 01-10 (PR #16567) is: the whole window's run says approx, that sub-window exact.
    const { reused, afresh, figures } = both({ earliest: '2025-01-01', latest: '2025-06-16' });
    assert.deepEqual(figures, [
      ['2025-01-01', 1_000, 'approx'],
      [jan10, 2_000, 'exact'],
    ]);
    assert.equal(reused.length, 3);
    assert.equal(afresh.length, 3);
    assert.equal(
      sameReadSpanAnswers({ earliest: '2025-01-01', latest: '2025-06-16' }, { earliest: jan10, latest: '2025-06-16' }),
      false,
    );
  });

  it('no read span beginning inside the window: the newest sub-window is not run again', () => {
    // From the span's first build: the window and both sub-windows lie inside it, all exact.
    const { reused, afresh, figures } = both({ earliest: '2025-01-06', latest: '2025-06-16' });
    assert.deepEqual(figures, [
      ['2025-01-06', 1_000, 'exact'],
      [jan10, 2_000, 'exact'],
    ]);
    assert.deepEqual(reused, [
      { earliest: '2025-01-06', latest: '2025-06-16' },
      { earliest: '2025-01-06', latest: dayBefore(jan10) },
    ]);
    assert.equal(afresh.length, 3);
  });

  it('estimators read the window only through changePoints.ts accessors (atOrAfter, windowAtOrAfter, windowWithinReadSpan, windowPastNewestRead, …)', () => {
    // The reuse rests on this: any other read (the window's dates or text) could tell the whole window from its newest
    // sub-window. `atOrAfter` and `windowWithinReadSpan` take the context; the window itself is read where it is passed.
    const sources = serverCodeLines('estimate').filter(
      ({ file }) => !['changePoints.ts', 'registry.ts', 'types.ts'].includes(file),
    );
    assert.ok(sources.length > 40, `${sources.length} estimator sources`);
    const readers: string[] = [];
    for (const { file, lines } of sources) {
      // A helper handed the window takes a TtMetalWindow: every line of its file naming `window` is listed.
      const takesWindow = lines.some((line) => /TtMetalWindow/.test(line) && !line.startsWith('import'));
      for (const line of lines)
        if (/\bttMetal\b/.test(line) || (takesWindow && /\bwindow\b/.test(line)))
          readers.push(`${file}: ${line.trim()}`);
    }
    assert.deepEqual(
      readers.sort(),
      [
        'common.ts: !(descriptorsFrom !== undefined && windowAtOrAfter(ctx.ttMetal.window, descriptorsFrom));',
        // An argument of splitBlocksForTilizeRange (printedRange.ts), which passes it to windowAtOrAfter.
        'ops/tilize.ts: ctx.ttMetal.window,',
        'ops/untilize.ts: ctx.ttMetal.window,',
        "ops/untilize.ts: args.columnMajorFrom !== undefined && windowAtOrAfter(ctx.ttMetal.window, args.columnMajorFrom) ? 'col' : 'row';",
        // blockFactoryProgram's merged prefix range: until the factory's ProgramDescriptor, from cb-core-ranges-merged.
        'ops/untilize.ts: !windowAtOrAfter(ctx.ttMetal.window, args.descriptorsFrom);',
        "ops/untilize.ts: windowAtOrAfter(ctx.ttMetal.window, 'cb-core-ranges-merged') &&",
        "ops/reshape.ts: const groups = windowAtOrAfter(ctx.ttMetal.window, 'reshape-tiled-program-descriptor')",
        // The step memo (conv2d's reshard and copy) keys an entry by the window it was made in and makes it there.
        'stepMemo.ts: const { window, straddled } = ctx.ttMetal;',
        'stepMemo.ts: ttMetal: { window, straddled: runStraddled },',
        'printedRange.ts: const columnMajor = windowAtOrAfter(window, columnMajorFrom);',
        'printedRange.ts: const merged = !columnMajor || !windowAtOrAfter(window, descriptorsFrom);',
        'printedRange.ts: window: TtMetalWindow,',
      ].sort(),
    );
  });

  it('every estimator: the same results as running each sub-window afresh, over real dumps and the generated one', function () {
    this.timeout(240_000);
    // The dumps' own windows (resnet and llama attention: 2025-01-01..2025-06-16, where matmul's read spans begin
    // inside; the generated dump: 2026-04-15..2026-05-05) and every window straddling one change point.
    const windows = [
      { earliest: '2025-01-01', latest: '2025-06-16' },
      { earliest: '2026-04-15', latest: '2026-05-05' },
      FULL_WINDOW,
      ...SPANS,
    ];
    const paths = [estimateOpRecordingChangePoints, estimateOpRunningEverySubWindow] as const;
    let compared = 0;
    for (const file of [DUMP.resnet18, DUMP.resnetExplorer, DUMP.llamaAttention, DUMP.vovnet]) {
      compared += assertPathsAgree(moduleFromSyntax(parse(readCorpus(file))), windows, [0], paths);
    }
    const generated = moduleFromSyntax(parse(generateTtnnModule({ nOps: 2_000, seed: 5 })));
    compared += assertPathsAgree(generated, windows.slice(0, 3), [0, 1_450_000], paths);
    assert.ok(compared > 5_000, `${compared} estimates compared`);
  });
});
