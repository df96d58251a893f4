/**
 * The confidence of an estimate over a build window that straddles change points (estimate/registry.ts
 * rangeConfidence): `exact` means the formula was read from the factory at the user's build and every input is known,
 * so a range of builds that includes an approximated one is `approx` as a whole, whichever sub-window's figure is
 * reported; each sub-window keeps its own confidence in `versionRange`, and the words name the approximated builds.
 * Figures are hand arithmetic from the factories the estimators cite (comments).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue } from '../../../server/src/ttnn/op';
import { computeConfig, ints, op, tensor, whContext } from './build';
import { versionRangeText } from '../../../server/src/features/buildText';
import { presetDevice } from '../../../server/src/ttnn/device';
import { fileReport } from '../../../server/src/cli/report';
import { analyzeDocument, diagnostics } from '../../../server/src/features';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';

const KEEP = { kind: 'bool', value: true } as const;

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r));
  return r as OpEstimate;
}

describe('estimate/registry: the confidence of a build range that straddles change points', () => {
  // sum over W of 1x1x64x1024 bf16 (reduction.test.ts): 2 tile rows on 2 cores, c_0 2·2,048 + c_2 2,048 + c_3
  // 2·2,048 = 10,240 B (the factory read to 622c6fb; exact). From change point reduce-reader-batched-input-cb
  // (≈2026-09-03) the reader batches 4 tiles (1 row · 32 tiles per core ≥ 4) and c_0 is a function not read: the same
  // 10,240 B is kept, approx.
  const sumW = op('ttnn.sum', [tensor([1, 1, 64, 1024])], [tensor([1, 1, 64, 1])], {
    keep_dim: KEEP,
    dim_arg: ints(3),
  });
  const straddling = { earliest: '2026-08-01', latest: '2026-09-30' };

  it('reduce-scaler-one-tile (2026-04-14): 12,288 B exact before, 10,240 B approx after (builds past 06-23) → approx overall', () => {
    // Before the change point the scaler c_2 is two tiles: 2·2,048 · 3 = 12,288 B, the reported (worst) figure, from an
    // exact sub-window; the later one reaches past 622c6fb (2026-06-23), so the range is approx, naming those builds.
    const e = est(estimateOp(sumW, whContext({ window: { earliest: '2026-04-01', latest: '2026-06-30' } })));
    assert.equal(e.cbBytesPerCore, 12_288);
    const figures = e.versionRange?.figures ?? [];
    assert.deepEqual(
      figures.map((f) => [f.window.earliest, f.window.latest, f.cbBytesPerCore, f.confidence]),
      [
        ['2026-04-01', '2026-04-13', 12_288, 'exact'],
        ['2026-04-14', '2026-06-30', 10_240, 'approx'],
      ],
    );
    assert.equal(e.confidence, 'approx');
    const later = { earliest: '2026-04-14', latest: '2026-06-30' };
    assert.equal(e.approxReason, `on tt-metal builds 2026-04-14..2026-06-30: ${pastNewestReadReason(later)}`);
    assert.equal(figures[0]!.approxReason, undefined);
    assert.equal(figures[1]!.approxReason, pastNewestReadReason(later));
  });

  it('reduce-reader-batched-input-cb: the same 10,240 B in both sub-windows, approx for different reasons → each named', () => {
    const e = est(estimateOp(sumW, whContext({ window: straddling })));
    assert.equal(e.cbBytesPerCore, 10_240);
    const figures = e.versionRange?.figures ?? [];
    assert.deepEqual(
      figures.map((f) => [f.window.earliest, f.window.latest, f.cbBytesPerCore, f.confidence]),
      [
        ['2026-08-01', '2026-09-02', 10_240, 'approx'],
        ['2026-09-03', '2026-09-30', 10_240, 'approx'],
      ],
    );
    assert.equal(e.confidence, 'approx');
    assert.ok(
      e.approxReason.startsWith(`on tt-metal builds 2026-08-01..2026-09-02: ${pastNewestReadReason(straddling)}; `),
      e.approxReason,
    );
    assert.match(e.approxReason, /; on tt-metal builds 2026-09-03\.\.2026-09-30: .*reduce-reader-batched-input-cb/);
    assert.match(figures[1]!.approxReason ?? '', /c_0's 2 tiles are kept, likely a lower bound$/);
  });

  it('a single build on either side keeps its own confidence (no range, no build list)', () => {
    const read = est(estimateOp(sumW, whContext({ ttMetalDate: '2026-06-20' })));
    assert.deepEqual([read.confidence, read.approxReason, read.versionRange], ['exact', '', undefined]);
    const unread = { earliest: '2026-08-27', latest: '2026-08-27' };
    const before = est(estimateOp(sumW, whContext({ window: unread })));
    assert.deepEqual(
      [before.confidence, before.approxReason, before.versionRange],
      ['approx', pastNewestReadReason(unread), undefined],
    );
    const after = est(estimateOp(sumW, whContext({ ttMetalDate: '2026-09-15' })));
    assert.equal(after.confidence, 'approx');
    assert.doesNotMatch(after.approxReason, /^on tt-metal builds/);
  });

  it('a range whose sub-windows are approx for the one reason gives it once (rms_norm_pre_all_gather across PR #52081)', () => {
    // normPreAllGather.test.ts: 1x1x32x4096 bf16 with fp32 accumulation, one core. Before PR #52081 (≈2026-08-11):
    // input 2·128·2,048 + scaler 2,048 + x^2 2·128·2,048 + out 2,048 = 1,052,672 B; after, Float32 x^2 and scaler:
    // 524,288 + 4,096 + 1,048,576 + 2,048 = 1,579,008 B. Both factories read (@5b9c671, @05ddaab), but at builds past
    // 622c6fb, which cannot be read commit by commit: approx either side for that one reason, said once with no build
    // list. (A range exact on every sub-window stays exact: normattn.test.ts, layer_norm across 2025-12..2026-02.)
    const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });
    const pre = op('ttnn.rms_norm_pre_all_gather', [tensor([1, 1, 32, 4096])], [tensor([1, 1, 32, 32])], {
      operandSegmentSizes: segments(1, 0),
      compute_config: computeConfig(true),
    });
    const window = { earliest: '2026-08-01', latest: '2026-09-01' };
    const e = est(estimateOp(pre, whContext({ window })));
    assert.deepEqual(
      e.versionRange?.figures.map((f) => [f.cbBytesPerCore, f.confidence]),
      [
        [1_052_672, 'approx'],
        [1_579_008, 'approx'],
      ],
    );
    assert.deepEqual(
      [e.cbBytesPerCore, e.confidence, e.approxReason],
      [1_579_008, 'approx', pastNewestReadReason(window)],
    );
  });

  it('the build-range text says which builds are exact and which approx', () => {
    const e = est(estimateOp(sumW, whContext({ window: { earliest: '2026-04-01', latest: '2026-09-30' } })));
    const text = versionRangeText(e.versionRange!, presetDevice('wormhole_b0_n150'), 0) ?? '';
    assert.match(text, /exact on tt-metal builds 2026-04-01\.\.2026-04-13, approx on 2026-04-14\.\.2026-09-30/);
  });

  it("the JSON report of a dump read as a 2026-09 build: the op approx with the approximated builds' reason", () => {
    // --tt-metal-date 2026-09 is the window 2026-09-01..09-30, which reduce-reader-batched-input-cb (≈2026-09-03) splits.
    const text = [
      '#dram = #ttnn.buffer_type<dram>',
      '#in = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 64 + d1 * 64 + d2, d3), <1x1>, memref<2x32x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>',
      '#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 64 + d1 * 64 + d2, d3), <1x1>, memref<2x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>',
      'module {',
      '  func.func @sum_w(%arg0: tensor<1x1x64x1024xbf16, #in>) -> tensor<1x1x64x1xbf16, #out> {',
      '    %0 = "ttnn.sum"(%arg0) <{dim_arg = [3 : i32], keep_dim = true}> : (tensor<1x1x64x1024xbf16, #in>) -> tensor<1x1x64x1xbf16, #out>',
      '    return %0 : tensor<1x1x64x1xbf16, #out>',
      '  }',
      '}',
    ].join('\n');
    const doc = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-09' });
    const report = fileReport('sum.mlir', doc.analysis, diagnostics(doc), doc.lineIndex);
    const o = report.ops.find((r) => r.result === '%0');
    assert.ok(o !== undefined);
    assert.equal(o.cbBytesPerCore, 10_240);
    assert.equal(o.confidence, 'approx');
    // Both sub-windows are past 622c6fb: the first approx for that, the second for the kept c_0 bound.
    assert.match(o.approxReason ?? '', /^on tt-metal builds 2026-09-01\.\.2026-09-02: builds after tt-metal 622c6fb/);
    assert.match(o.approxReason ?? '', /; on tt-metal builds 2026-09-03\.\.2026-09-30: /);
    assert.deepEqual(
      o.versionRange?.figures.map((f) => f.confidence),
      ['approx', 'approx'],
    );
  });
});
