/**
 * matmul / linear cases of the public-thread regression set (test/fixtures/threads/matmul_*.mlir; harness in
 * test/support/threadCases.ts). Expected figures are tt-metal's own, from the threads; the CB sums in the comments are
 * hand arithmetic from the factories cited in server/src/estimate/ops/matmul.ts.
 *
 * Two threads passed ttnn a core_grid, which TTNN IR cannot carry: their fixtures write out the program config tt-metal
 * derives from that grid (each fixture's header gives the derivation), so they check the factory CBs, not the selection.
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, assertNear, deviceOp, regionEnd } from '../../support/threadCases';

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

  describe('no program config, compute config printed (tt-mlir LM head, bfp8 weights)', () => {
    const run = { file: 'matmul_tt-mlir-6945.mlir', date: '2026-02-05' };
    // Mt 18, Kt 128, Nt 4,008: 576 x 128,256 is narrow (ratio > 8) → 1D mcast in0, per_core_M 18, per_core_N
    // ⌈4,008/64⌉ = 63, in0_block_w 2, out block 9x21: c_0 9·2·2 = 36 bf16 tiles 73,728 + c_1 21·2·2 = 84 bfp8 tiles
    // (1,088 B) 91,392 + c_4 9·21 = 189 bf16 tiles 387,072 = 552,192 B, tt-metal's cbPeakUsage in the thread.
    it('tt-mlir #6945 (2026-02-05), fp32_dest_acc_en off: cbPeakUsage 552,192 B exactly', () => {
      const { op } = deviceOp(run, 'lm_head');
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(op.cbBytesPerCore, 552_192);
    });
    // tt-mlir's optimizer limit: tensorL1UsageCap × (L1 size − unreserved base) (getUsableL1PerCore,
    // lib/Dialect/TTNN/Utils/Utils.cpp@19c86fc). Base 103,552 B: the one tt-metal #36426's figure implies, same month.
    const capShare = (bytes: number) => bytes / (1_499_136 - 103_552);
    it('fp32_dest_acc_en on: an fp32 interm CB, just past the optimizer L1 cap of 0.95 the thread hits', () => {
      // interm0 Float32 ≠ the bf16 output: c_5 189·4,096 = 774,144 B of its own → 1,326,336 B = 0.9504 of the usable
      // L1: over the 0.95 cap ("Not enough L1 memory"), under the 0.96 the thread says almost fits. The runtime itself
      // has room (no overflow).
      const { op } = deviceOp(run, 'lm_head_fp32_acc');
      assert.equal(op.cbBytesPerCore, 552_192 + 189 * 4096);
      const share = capShare(op.cbBytesPerCore);
      assert.ok(share > 0.95 && share < 0.96, `${share}`);
      assert.equal(op.overflow, undefined);
    });
    it('the thread title: "in bf16/f32 fit" (fp32 accumulation, weights not bfp8)', () => {
      // Bigger in1 tiles make the auto-config's out-block search (get_multi_dim_per_core_factor) settle on 18x9 = 162
      // tiles instead of 9x21 = 189. f32 weights: c_0 18·2·2 = 72 bf16 tiles 147,456 + c_1 9·2·2 = 36 f32 tiles
      // 147,456 + c_5 162·4,096 + c_4 162·2,048 = 1,290,240 B (0.92); bf16 weights: c_1 73,728 → 1,216,512 B (0.87).
      // Both under the 0.95 cap.
      const f32 = deviceOp(run, 'lm_head_fp32_acc_f32_weights').op.cbBytesPerCore;
      const bf16 = deviceOp(run, 'lm_head_fp32_acc_bf16_weights').op.cbBytesPerCore;
      assert.equal(f32, 72 * 2048 + 36 * 4096 + 162 * 4096 + 162 * 2048);
      assert.equal(bf16, 72 * 2048 + 36 * 2048 + 162 * 4096 + 162 * 2048);
      assert.ok(capShare(f32) < 0.95 && capShare(bf16) < 0.95);
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
    const run = { file: 'matmul_tt-metal-36426.mlir' };
    // 2D mcast factory with the fused transpose (PR #32295): out block 43x2, in0_block_w 4, 64 K blocks: c_0 43·4·2 = 344
    // + c_1 2·4·2 = 16 + c_4 43·2 = 86 (interm shared: bf16, no packer L1 acc) + c_10 in0_transposed = c_0's 344 = 790
    // tiles = 1,617,920 B. The thread's 1,721,472 B leaves a 103,552 B base (tt-mlir #6754's, the day before: the 2026-01
    // entry of ttnn/l1BaseHistory.ts).
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
