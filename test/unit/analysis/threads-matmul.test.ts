/**
 * matmul / linear cases of the public-thread regression set (test/fixtures/threads/matmul_*.mlir; harness in
 * test/support/threadCases.ts). Expected figures are tt-metal's own, from the threads; the CB sums in the comments are
 * hand arithmetic from the factories cited in server/src/estimate/ops/matmul.ts.
 *
 * Two threads passed ttnn a core_grid, which TTNN IR cannot carry: their fixtures write out the program config tt-metal
 * derives from that grid (each fixture's header gives the derivation), so they check the factory CBs, not the selection.
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, assertNear, BASE_2026, deviceOp, regionEnd } from '../../support/threadCases';

const TILE_BF16 = 2048;

describe('public-thread regression set: matmul / linear', () => {
  describe('no program config: the auto-config of the build', () => {
    // Before tt-metal PR #15938 (≈2025-01-07) create_simple took the 2D path only when the per-core-factor blocks fit
    // the grid (8 block rows > 7 on n300's 8x7), else MatmulMultiCoreNonOptimizedReuseProgramConfig, whose factory
    // (bmm_op_multi_core_reuse, matmul_op_multi_core_reuse_program_factory.cpp@080a251) fixes per_core 16x16,
    // in0_block_w 2: c_0 64 + c_1 64 + c_16 256 f32 tiles = 1,572,864 B + 99,104 (late-2024 base) = 1,671,968, on
    // (64/16)·(16/16) = 4 cores, the thread's core range (x=0..3, y=0). On n150's 8x8 the 8x2 blocks fit: 2D mcast.
    it('tt-metal #16348 (n300 8x7 grid, 2024-12): 1,671,968 B within 4 KiB; n150 fits', () => {
      const run = { file: 'matmul_tt-metal-16348.mlir', date: '2025-01-01', arch: 'wormhole_b0_n300_worker_dispatch' };
      assertNear(regionEnd(assertFails(run)), 1_671_968);
      assertFits({ ...run, arch: 'wormhole_b0_n150' });
    });
  });

  describe('linear with a fused bias, 1D mcast in1 (tt-train core_grid 7x8)', () => {
    const run = { file: 'matmul_tt-metal-15732.mlir', date: '2024-12-05' };
    // 1D mcast factory, per_core_M 37, per_core_N 72, in0_block_w 1, Kt/w = 24 blocks (double-buffered inputs):
    // c_0 37·1·2 = 74 + c_1 72·1·2 = 144 + c_4 37·72 = 2,664 (packer_l1_acc: interm Float16_b = the bf16 output format,
    // shared) + c_3 bias 72 = 2,954 tiles · 2,048 = 6,049,792 B. The thread's 6,148,640 B leaves a 98,848 B base, in the
    // late-2024 range (#16348 implies 99,104 on n300).
    it('tt-metal #15732 (2024-12-05): 6,148,640 B within 4 KiB, the first error', () => {
      const op = assertFails(run);
      assert.equal(op.cbBytesPerCore, 2954 * TILE_BF16);
      assertNear(regionEnd(op), 6_148_640);
    });
  });

  describe('transpose_a, 2D mcast (core_grid 8x8)', () => {
    const run = { file: 'matmul_tt-metal-36426.mlir', base: BASE_2026 };
    // 2D mcast factory with the fused transpose (PR #32295): out block 43x2, in0_block_w 4, 64 K blocks: c_0 43·4·2 = 344
    // + c_1 2·4·2 = 16 + c_4 43·2 = 86 (interm shared: bf16, no packer L1 acc) + c_10 in0_transposed = c_0's 344 = 790
    // tiles = 1,617,920 B. The thread's 1,721,472 B leaves a 103,552 B base (BASE_2026 is 103,712).
    it('tt-metal #36426 (2026-01-23): 1,721,472 B within 4 KiB, the first error', () => {
      const op = assertFails({ ...run, date: '2026-01-23' });
      assert.equal(op.cbBytesPerCore, 790 * TILE_BF16);
      assertNear(regionEnd(op), 1_721_472);
    });
    it('after tt-metal PR #37243 (c_10 counted: out block 1x16): fits', () => {
      // c_0 1·4·2 = 8 + c_1 16·4·2 = 128 + c_4 16 + c_10 8 = 160 tiles = 327,680 B.
      assertFits({ ...run, date: '2026-02-10' }, 'fixed');
      assert.equal(deviceOp({ ...run, date: '2026-02-10' }, 'fixed').op.cbBytesPerCore, 160 * TILE_BF16);
    });
    it('before tt-metal PR #32295 (transpose_a a separate ttnn.transpose): the same config has no c_10', () => {
      // 790 − 344 = 446 tiles = 913,408 B: fits.
      assertFits({ ...run, date: '2025-10-01' });
      assert.equal(deviceOp({ ...run, date: '2025-10-01' }).op.cbBytesPerCore, 446 * TILE_BF16);
    });
  });
});
