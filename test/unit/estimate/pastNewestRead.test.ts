/**
 * Builds after the newest one the tt-metal mirror reaches (622c6fb, 2026-06-23) cannot be read, so no estimate over a
 * window holding them is `exact`: the registry makes every such run `approx` with one reason (`pastNewestReadReason`,
 * registry.ts withinReadBuilds), for every estimator at once, and the reason says how to get `exact`. The figures do not
 * depend on it: the same in a window to 06-23 and one past it. Figures are hand arithmetic from the cited factories.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  FULL_WINDOW,
  NEWEST_READ_BUILD,
  PAST_NEWEST_READ_TEXT,
  pastNewestReadReason,
  windowPastNewestRead,
  type TtMetalWindow,
} from '../../../server/src/estimate/changePoints';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { TtnnOp } from '../../../server/src/ttnn/op';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { inferBuildWindow } from '../../../server/src/analysis/buildWindow';
import { newEstimateReuse } from '../../../server/src/analysis/estimateCache';
import { DEVICE_VALUE, int, ints, op, tensor, whContext } from './build';

const CORPUS = join(__dirname, '../../fixtures/corpus');

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r as OpEstimate;
}

/** How often `text` occurs in `s`. */
function occurrences(s: string, text: string): number {
  return s.split(text).length - 1;
}

const STRADDLING: TtMetalWindow = { earliest: '2026-06-20', latest: '2026-07-01' };
const WHOLLY_PAST: TtMetalWindow = { earliest: '2026-07-01', latest: '2026-07-01' };

/** The op in a window read to 06-23, one reaching past it, and one wholly after it, with the figure unchanged. */
function readAndPast(o: TtnnOp): { read: OpEstimate; past: OpEstimate; wholly: OpEstimate } {
  const read = est(estimateOp(o, whContext({ window: { earliest: '2026-06-20', latest: '2026-06-20' } })));
  const past = est(estimateOp(o, whContext({ window: STRADDLING })));
  const wholly = est(estimateOp(o, whContext({ window: WHOLLY_PAST })));
  assert.equal(past.cbBytesPerCore, read.cbBytesPerCore, `${o.name}: no figure moves`);
  assert.equal(wholly.cbBytesPerCore, read.cbBytesPerCore, `${o.name}: no figure moves`);
  return { read, past, wholly };
}

// sum over W of 1x1x64x1024 bf16 (versionRangeConfidence.test.ts): 2 tile rows on 2 cores, c_0 2·2,048 + c_2 2,048 +
// c_3 2·2,048 = 10,240 B, the W reduce factory read to 622c6fb (exact there).
const SUM_W = op('ttnn.sum', [tensor([1, 1, 64, 1024])], [tensor([1, 1, 64, 1])], {
  keep_dim: { kind: 'bool', value: true },
  dim_arg: ints(3),
});

describe('estimate/changePoints: builds past the newest read one', () => {
  it('a window is past the newest read build when its newest build is after 2026-06-23', () => {
    const ctx = (earliest: string, latest: string) => whContext({ window: { earliest, latest } });
    assert.equal(windowPastNewestRead(ctx('2025-01-01', '2026-06-23')), false);
    assert.equal(windowPastNewestRead(ctx('2026-06-23', '2026-06-24')), true);
    assert.equal(windowPastNewestRead(ctx('2026-07-10', '2026-11-30')), true);
    assert.match(PAST_NEWEST_READ_TEXT, /after tt-metal 622c6fb \(2026-06-23\).*cannot be read/);
  });

  it('the reason says how to get exact when the window reaches back to the read builds, and not when wholly after', () => {
    const reaching = pastNewestReadReason(FULL_WINDOW);
    assert.ok(reaching.startsWith(PAST_NEWEST_READ_TEXT), reaching);
    assert.match(reaching, /--tt-metal-date YYYY-MM-DD, setting ttnnL1\.ttMetalDate, if it is 2026-06-23 or earlier/);
    const wholly = pastNewestReadReason(WHOLLY_PAST);
    assert.ok(wholly.startsWith(PAST_NEWEST_READ_TEXT), wholly);
    assert.doesNotMatch(wholly, /--tt-metal-date/);
  });

  it('the rule: sum over W is exact in a window ending 06-23 and approx with the one reason in one reaching past it', () => {
    // From reduce-scaler-one-tile (2026-04-14) c_2 is one tile: no change point from there to 2026-08-31.
    const read = est(estimateOp(SUM_W, whContext({ window: { earliest: '2026-04-14', latest: NEWEST_READ_BUILD } })));
    assert.equal(read.cbBytesPerCore, 10_240);
    assert.equal(read.confidence, 'exact');
    assert.equal(read.approxReason, '');
    const pastWindow = { earliest: '2026-04-14', latest: '2026-08-31' };
    const past = est(estimateOp(SUM_W, whContext({ window: pastWindow })));
    assert.equal(past.versionRange, undefined);
    assert.equal(past.cbBytesPerCore, 10_240);
    assert.equal(past.confidence, 'approx');
    assert.equal(past.approxReason, pastNewestReadReason(pastWindow));
    assert.equal(occurrences(past.approxReason, PAST_NEWEST_READ_TEXT), 1);
  });

  it('a split window: sub-windows up to 06-23 stay exact, the newest is approx and the range reason names its builds', () => {
    // sum over W across 2026-06-01..2026-09-30: split at reduce-reader-batched-input-cb (≈2026-09-03); 10,240 B in both.
    const window = { earliest: '2026-06-01', latest: '2026-09-30' };
    const e = est(estimateOp(SUM_W, whContext({ window })));
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.equal(e.confidence, 'approx');
    const figures = e.versionRange?.figures ?? [];
    assert.ok(figures.length >= 2, JSON.stringify(e.versionRange));
    // Every sub-window reaches past 06-23 here: none is exact.
    assert.ok(
      figures.every((f) => f.confidence === 'approx'),
      JSON.stringify(figures),
    );
    const first = figures[0]!;
    assert.equal(first.approxReason, pastNewestReadReason(first.window));
    // Reaching back to 2025: split also at reduce-scaler-one-tile (2026-04-14), before which c_2 is two tiles (c_0, c_2,
    // c_3 2 · 2,048 each = 12,288 B): that sub-window ends before 06-23 and stays exact; the reason names the others.
    const long = est(estimateOp(SUM_W, whContext({ window: { earliest: '2025-01-01', latest: '2026-09-30' } })));
    assert.deepEqual(
      long.versionRange?.figures.map((f) => [f.window.earliest, f.window.latest, f.confidence, f.cbBytesPerCore]),
      [
        ['2025-01-01', '2026-04-13', 'exact', 12_288],
        ['2026-04-14', '2026-09-02', 'approx', 10_240],
        ['2026-09-03', '2026-09-30', 'approx', 10_240],
      ],
    );
    assert.equal(long.confidence, 'approx');
    const middle = { earliest: '2026-04-14', latest: '2026-09-02' };
    assert.ok(
      long.approxReason.startsWith(`on tt-metal builds 2026-04-14..2026-09-02: ${pastNewestReadReason(middle)}; `),
      long.approxReason,
    );
    assert.equal(occurrences(long.approxReason, PAST_NEWEST_READ_TEXT), 1);
  });

  it('fill_cache: exact to 06-23 (read span fill-cache-factory), past it approx for the one reason', () => {
    // fill_cache_multi_core: c_0 two input tiles, 2 · 2,048 = 4,096 B (bf16).
    const { read, past, wholly } = readAndPast(
      op('ttnn.fill_cache', [tensor([1, 8, 128, 128]), tensor([1, 8, 64, 128])], [], { batch_offset: int(0) }),
    );
    assert.equal(read.cbBytesPerCore, 4_096);
    assert.equal(read.confidence, 'exact');
    assert.equal(past.confidence, 'approx');
    assert.equal(past.approxReason, pastNewestReadReason(STRADDLING));
    assert.equal(wholly.approxReason, pastNewestReadReason(WHOLLY_PAST));
  });

  it('rand: exact to 06-23 (read span rand-f32-typecast), past it its own reason leads with the unread builds', () => {
    const { read, past } = readAndPast(op('ttnn.rand', [DEVICE_VALUE], [tensor([64, 1024])]));
    assert.equal(read.confidence, 'exact');
    assert.ok(past.approxReason.startsWith(`${PAST_NEWEST_READ_TEXT}: a Metal 2.0 port`), past.approxReason);
    assert.equal(occurrences(past.approxReason, PAST_NEWEST_READ_TEXT), 1);
  });

  it('cumsum along W: approx for its own reason everywhere; past 06-23 it names the later tile-axis kernel, once', () => {
    const f32 = tensor([1, 1, 32, 4096], { dtype: 'f32' });
    const { read, past } = readAndPast(op('ttnn.cumsum', [f32], [f32], { dim: int(3) }));
    assert.equal(read.approxReason, 'the permuted copies of an L1 input are not counted');
    assert.equal(
      past.approxReason,
      'a stored version later than tt-metal 622c6fb (2026-06-23) scans H and W in place (tile-axis kernel, not modeled); the permuted copies of an L1 input are not counted',
    );
  });

  it('min over H with the negate flag and prod over every dim: exact to 06-23, the one reason past it', () => {
    const min = op('ttnn.min', [tensor([1, 1, 64, 6400])], [tensor([1, 1, 1, 6400])], {
      keep_dim: { kind: 'bool', value: true },
      dim_arg: ints(2),
    });
    const m = readAndPast(min);
    // Read span reduce-min-negate-w-h-2026 holds 2026-06-20 and every readable build of the later windows.
    assert.equal(m.read.confidence, 'exact');
    assert.equal(m.past.approxReason, pastNewestReadReason(STRADDLING));
    assert.equal(m.wholly.approxReason, pastNewestReadReason(WHOLLY_PAST));
    const prod = readAndPast(op('ttnn.prod', [tensor([64, 64])], [tensor([1, 1])], {}));
    // prod_all: c_0, c_2, c_3 two bf16 tiles each = 6 · 2,048 = 12,288 B.
    assert.equal(prod.read.cbBytesPerCore, 12_288);
    assert.equal(prod.read.confidence, 'exact');
    assert.equal(prod.past.approxReason, pastNewestReadReason(STRADDLING));
  });

  it('rules of change points past 06-23 (reshape PR #50967, untilize codegen PR #50178) name the unread builds', () => {
    const column = op(
      'ttnn.reshape',
      [tensor([32, 1], { dtype: 'u32', page: 'row_major' })],
      [tensor([32], { dtype: 'u32', page: 'row_major' })],
      { shape: ints(32) },
    );
    const reshaped = est(estimateOp(column, whContext({ ttMetalDate: '2026-08-01' })));
    assert.ok(
      reshaped.approxReason.includes(`the CBs before it are given (${PAST_NEWEST_READ_TEXT})`),
      reshaped.approxReason,
    );
    assert.equal(occurrences(reshaped.approxReason, PAST_NEWEST_READ_TEXT), 1);
    const untilize = op('ttnn.untilize', [tensor([2048, 5120])], [tensor([2048, 5120], { page: 'row_major' })]);
    const codegen = est(estimateOp(untilize, whContext({ ttMetalDate: '2026-08-18' })));
    assert.equal(codegen.factory, 'UntilizeCodegenProgramFactory');
    assert.ok(codegen.approxReason.startsWith(`${PAST_NEWEST_READ_TEXT}: routing as PR #50178`), codegen.approxReason);
  });

  it('gather along the last dim of a 4-D f32 input: exact to 06-23, past it approx for the one reason', () => {
    // Wt_input = 2048 / 32 = 64 > 60: SingleRowMultiCore, c_0 2 f32 tiles (2 · 4,096) + c_1 one u32 index tile (4,096)
    // + c_2 one f32 output tile (4,096) = 16,384 B (gather_program_factory.cpp; an f32 input never takes the codegen
    // path, which is bf16 only).
    const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
    const { read, past } = readAndPast(
      op('ttnn.gather', [f32([1, 1, 32, 2048]), tensor([1, 1, 32, 64], { dtype: 'u32' })], [f32([1, 1, 32, 64])], {
        dim: int(3),
      }),
    );
    assert.equal(read.cbBytesPerCore, 16_384);
    assert.equal(read.confidence, 'exact');
    assert.equal(past.confidence, 'approx');
    assert.equal(past.approxReason, pastNewestReadReason(STRADDLING));
  });

  it('illegal, unmodeled and no-program results are untouched past 06-23', () => {
    const ctx = whContext({ window: FULL_WINDOW });
    assert.equal(estimateOp(op('ttnn.not_an_op', [tensor([32, 32])], [tensor([32, 32])]), ctx).kind, 'unmodeled');
    assert.equal(estimateOp(op('ttnn.deallocate', [tensor([32, 32])], []), ctx).kind, 'noProgram');
  });

  it('a dump whose dated syntax ends before 06-23 stays exact (oom_ttnn.mlir, 2026-03..05); the default window is approx', () => {
    const text = readFileSync(join(CORPUS, 'oom_ttnn.mlir'), 'utf8');
    const parsed = parse(text);
    const dated = inferBuildWindow(text);
    assert.ok(dated.window.latest <= NEWEST_READ_BUILD, JSON.stringify(dated.window));
    const reuse = newEstimateReuse();
    const layerNormOf = (a: ReturnType<typeof analyzeModule>) =>
      est(a.functions.flatMap((f) => f.ops).find((o) => o.op.name === 'ttnn.layer_norm')!.estimate);
    // The layer_norm's figure (normattn.test.ts: 782,336 B of CBs, large-tensor kernel, 56-tile width).
    const inDated = layerNormOf(analyzeModule(parsed, { ttMetal: dated, reuse }));
    assert.equal(inDated.cbBytesPerCore, 782_336);
    assert.equal(inDated.confidence, 'exact');
    // The same document analysed again over a window to 2026-11-30: the earlier exact estimate is not reused.
    const later = { window: { earliest: dated.window.earliest, latest: '2026-11-30' }, source: 'configured' as const };
    const inLater = layerNormOf(analyzeModule(parsed, { ttMetal: { ...later, how: 'test' }, reuse }));
    assert.equal(inLater.cbBytesPerCore, 782_336);
    assert.equal(inLater.confidence, 'approx');
    assert.ok(inLater.approxReason.includes(pastNewestReadReason(later.window)), inLater.approxReason);
  });
});
