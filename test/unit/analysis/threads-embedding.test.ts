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
