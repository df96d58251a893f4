/**
 * Public-thread cases of ttnn.embedding's fused (tilized-output) factory (ops/embedding.ts), on the shared harness
 * (test/support/threadCases.ts; fixtures in test/fixtures/threads, their headers cite the threads). The row-major
 * factory's threads (tt-metal #42434, #32635) stay in threads.test.ts. Expected figures are tt-metal's, quoted from the
 * threads; the arithmetic in the comments is the factory's.
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: fused embedding (test/fixtures/threads)', () => {
  const t31889 = { file: 'embedding_tt-metal-31889.mlir' };

  it('tt-metal #31889 (2025-11-05, tt-train): 2,198,944 B to the byte on 8 cores, the fused factory', () => {
    // Row-major indices (256 = 8 blocks of 32 rows) and a TILE result: EmbeddingsFusedProgramFactory. Before PR #32016,
    // Wt = 16,384 / 32 = 512 > 64 → single-buffered whole rows: c_0 = 512·2,048 = 1,048,576, c_1 = 32·4 = 128,
    // c_2 = 512·2,048 = 1,048,576 → 2,097,280 B + 101,664 (tt-metal main's base from PR #23491, 2025-10-17, to PR
    // #31704, 2025-11-12, in the dated table; tt-mlir #5771's bank size gives it five days later, 1,499,136 − 65,536 −
    // 1,331,936) = 2,198,944, tt-metal's figure.
    const op = assertFails({ ...t31889, date: '2025-11-05' });
    assert.equal(regionEnd(op), 2_198_944);
    assert.equal(op.estimate.kind === 'estimate' ? op.estimate.factory : '', 'EmbeddingsFusedProgramFactory');
    assert.equal(op.estimate.kind === 'estimate' ? op.estimate.nCoresUsed : 0, 8);
  });

  it("tt-metal #31889: on core range [(x=0,y=0) - (x=7,y=0)], the thread's, for the 57 blocks it implies", () => {
    // The fused factory's all_cores = split_work_to_cores(8x8, 57) column-wise = {(0,0)-(6,7), (7,0)-(7,0)}; the
    // program merges it (PR #16549, CoreRangeSet::merge_ranges, a row sweep): row 0 spans x 0..7, rows 1..7 x 0..6 →
    // {(0,0)-(7,0), (0,1)-(6,7)}, ordered by start core: (0,0)-(7,0) first, the row the thread printed. Same bytes per
    // core as the 8-block function (every core holds the whole-row CBs).
    const op = assertFails({ ...t31889, date: '2025-11-05' }, 'tt_train_embedding_57_blocks', {
      first: false,
    });
    assert.equal(regionEnd(op), 2_198_944);
    assert.equal(op.estimate.kind === 'estimate' ? op.estimate.nCoresUsed : 0, 57);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=0)]');
  });

  it('tt-metal #31889 without a build date: the range in the (x=,y=) style of the builds that overflow', () => {
    // The dump's syntax gives builds 2025-05-27..2026-11-30 (the window straddles tt-umd PR #2397, ≈2026-05-01, whose
    // builds print "x-y"). Only builds before tt-metal PR #32016 (2025-11-06) overflow (2,198,944 B in the thread, the
    // 2025-11-05 build): all of them print a core as "(x=X,y=Y)" (xy_pair.cpp@fb6ce5c), so the figure's message does.
    const op = assertFails({ ...t31889, date: '' }, 'tt_train_embedding_57_blocks', { first: false });
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=0)]');
  });

  it('tt-metal #31889 after PR #32016 (64-tile chunks, double-buffered): 524,416 B of CBs, fits', () => {
    // 2·512·2,048 > 1 MiB → chunked: n = min(⌊1 MiB / 2,048⌋, 512, 64) = 64, b = 2: 2·64·2,048 + 128 + 2·64·2,048.
    assertFits({ ...t31889, date: '2025-12-01' });
    const { op } = deviceOp({ ...t31889, date: '2025-12-01' });
    assert.equal(op.estimate.kind === 'estimate' ? op.estimate.cbBytesPerCore : 0, 524_416);
  });
});

describe('public-thread regression set: row-major embedding of wide rows (tt-xla remediation reports, p150)', () => {
  // EmbeddingsRMProgramFactory at tt-metal 3fa4d753 (2026-04-08, before PR #42548's 1 MiB chunks): split_work_to_cores
  // (11x10, rows) column-wise; c_0 = buffering · align(row bytes, 64) (buffering 2 when a core group has more than one
  // row), c_1 = the indices' 64 B alignment / 4 B = 16 indices · align(4, 32) = 512 B; every CB on all_cores, merged.
  // Base 111,104 (Blackhole, 2026-01-30..06-11).
  const run = { file: 'embedding_tt-forge-remediation-p150.mlir', date: '2026-04-08', arch: 'blackhole_p150' };
  const cases: readonly (readonly [string, string, number, string])[] = [
    // 1,575,936·2 = 3,151,872 (a 64 B multiple), 2 rows on 2 cores: 3,151,872 + 512 + 111,104.
    [
      'Longformer-zh sliding window (the op printed)',
      'longformer_zh_sliding_window',
      3_263_488,
      '[(x=0,y=0) - (x=0,y=1)]',
    ],
    // 2,101,248·2 = 4,202,496 + 512 + 111,104.
    ['Longformer-large sliding window', 'longformer_large_sliding_window', 4_314_112, '[(x=0,y=0) - (x=0,y=1)]'],
    // 6,297,600·2 = 12,595,200 + 512 + 111,104.
    ['LED global attention', 'led_global_attention', 12_706_816, '[(x=0,y=0) - (x=0,y=1)]'],
    // 2,160,900·2 = 4,321,800 → align 64: 4,321,856 + 512 + 111,104; 5 rows, 5 cores.
    ['Idefics2 real-image select', 'idefics2_real_images', 4_433_472, '[(x=0,y=0) - (x=0,y=4)]'],
    // 2,097,152·2 = 4,194,304 + 512 + 111,104; 10 rows, 10 cores.
    ['DeepSeek-V3.2 expert gather', 'deepseek_v3_2_expert_down_proj', 4_305_920, '[(x=0,y=0) - (x=0,y=9)]'],
    // 1,966,080·2 = 3,932,160, doubled (256 rows over 110 cores: 36 cores of 3) = 7,864,320 + 512 + 111,104; all_cores is
    // the whole grid.
    ['GigaChat expert gather', 'gigachat_expert_gate_up', 7_975_936, '[(x=0,y=0) - (x=10,y=9)]'],
  ];
  for (const [what, fn, figure, range] of cases) {
    it(`${what}: ${figure} B on ${range}, the report's`, () => {
      const op = assertFails(run, fn, { first: fn === 'longformer_zh_sliding_window' });
      assert.equal(regionEnd(op), figure);
      assert.equal(printedRange(op), range);
    });
  }
  it('after tt-metal PR #42548 (2026-04-21): rows over 1 MiB stream in 1 MiB chunks, LED fits', () => {
    // c_0 = 1 · 1,048,576 + c_1 512 + 111,104 = 1,160,192 < 1,572,864.
    assertFits({ ...run, date: '2026-04-22' }, 'led_global_attention');
  });
});
