/**
 * matmul / linear cases of the public-thread regression set (test/fixtures/threads/matmul_*.mlir; harness in
 * test/support/threadCases.ts). Expected figures are tt-metal's own, from the threads; the CB sums in the comments are
 * hand arithmetic from the factories cited in server/src/estimate/ops/matmul.ts.
 *
 * Several threads passed ttnn a core_grid, which TTNN IR cannot carry: ttnn.matmul / ttnn.linear have no grid attribute
 * (a, b, bias, transpose_a/b, matmul_program_config, activation, compute_config: include/ttmlir/Dialect/TTNN/IR/
 * TTNNOps.td@ad601aa, 2026-04-01, and @19c86fc, 2026-08-20) and tt-mlir's runtime calls ttnn::matmul / ttnn::linear with
 * core_grid = std::nullopt (runtime/lib/ttnn/operations/matmul/matmul.cpp@19c86fc), so tt-metal's user-grid path
 * (create_matmul_program_config → create_matmul_1d_systolic_array_program_config) is never reached from a tt-mlir dump
 * with interleaved inputs. Those fixtures write out the program config tt-metal derives from the grid (each fixture's
 * header gives the derivation), so they check the factory CBs, not the selection.
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, assertNear, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

const TILE_BF16 = 2048;

describe('public-thread regression set: matmul / linear', () => {
  describe('no program config: the auto-config of the build', () => {
    // Before tt-metal PR #15938 (2025-01-06) create_simple took the 2D path only when the per-core-factor blocks fit
    // the grid (8 block rows > 7 on n300's 8x7), else MatmulMultiCoreNonOptimizedReuseProgramConfig, whose factory
    // (bmm_op_multi_core_reuse, matmul_op_multi_core_reuse_program_factory.cpp@080a251) fixes per_core 16x16,
    // in0_block_w 2: c_0 64 + c_1 64 + c_16 256 f32 tiles = 1,572,864 B + 99,104 (late-2024 base) = 1,671,968, on
    // (64/16)·(16/16) = 4 cores, the thread's core range (x=0..3, y=0). On n150's 8x8 the 8x2 blocks fit: 2D mcast.
    it('tt-metal #16348 (n300 8x7 grid, 2024-12): 1,671,968 B exactly; n150 fits', () => {
      const run = { file: 'matmul_tt-metal-16348.mlir', date: '2025-01-01', arch: 'wormhole_b0_n300_worker_dispatch' };
      const op = assertFails(run);
      // 1,572,864 + 99,104 (the 2024-12 base tt-metal #15950's and #16288's figures give, not only this one's).
      assert.equal(regionEnd(op), 1_572_864 + 99_104);
      assert.equal(regionEnd(op), 1_671_968);
      // The thread's range: Mt 64, Nt 16 → (64/16)·(16/16) = 4 blocks of 16x16 tiles; all_cores =
      // num_cores_to_corerangeset(4, the 8-wide grid, row-wise) = row 0's first 4 cores.
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=3,y=0)]');
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
      // The thread's range: the 1D factory's num_cores_to_corerangeset(56 blocks, grid x=7 y=8, row-major) = 8 full rows
      // of 7, (0,0)-(6,7).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=6,y=7)]');
    });
  });

  describe('transpose_a, 2D mcast (core_grid 8x8)', () => {
    const run = { file: 'matmul_tt-metal-36426.mlir' };
    // 2D mcast factory with the fused transpose (PR #32295): out block 43x2, in0_block_w 4, 64 K blocks: c_0 43·4·2 = 344
    // + c_1 2·4·2 = 16 + c_4 43·2 = 86 (interm shared: bf16, no packer L1 acc) + c_10 in0_transposed = c_0's 344 = 790
    // tiles = 1,617,920 B. The thread's 1,721,472 B leaves a 103,552 B base (tt-mlir #6754's, the day before: the 2026-01
    // entry of ttnn/l1BaseHistory.ts).
    it('tt-metal #36426 (2026-01-23): 1,721,472 B exactly, the first error', () => {
      const op = assertFails({ ...run, date: '2026-01-23' });
      assert.equal(op.cbBytesPerCore, 790 * TILE_BF16);
      // 1,617,920 + 103,552 (the base tt-mlir #6754's figure and tt-xla #3054's bank give) = 1,721,472, to the byte.
      assert.equal(regionEnd(op), 1_721_472);
      // The thread's range: the 2D factory's all_cores, the blocks' grid (0,0)-(7,7) of the 8x8 core_grid.
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
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
  describe('block-sharded L1 output, no program config (tt-forge flow)', () => {
    const run = { file: 'matmul_tt-metal-32435.mlir' };
    // create_simple: the per-core factor is sized against the free L1 before the output exists (the config decides
    // its shard): estimate(16, 16, w 2) = in0 16·2·2 + in1 16·2·2 + out 256 + interm 256 tiles = 1,310,720 B
    // < 1,499,136 − 102,112 (the 2025 base, ttnn/l1BaseHistory.ts) = 1,397,024 → 16. Mt = Nt = 13 (400 padded to 416), Kt 13 odd and a sharded output → w 1.
    // Blocks ceil(13/16) = 1 x 1 → no core range → a block-sharded output takes the 2D path: per_core 16 x 16, the
    // output shard 16·16 tiles · 2,048 = 524,288 B per core (the thread's 512x512 shard); CBs c_0 16·1·2 + c_1 16·1·2
    // = 64 tiles = 131,072 B (13 K blocks: double-buffered), c_4 on the output shard.
    it('tt-metal #32435 (2025-11-14): per_core 16x16, the 512x512 shard (524,288 B) instead of the requested 416x416', () => {
      const { op } = deviceOp({ ...run, date: '2025-11-13' }, 'matmul_block_sharded_column');
      assert.equal(op.estimate.kind, 'estimate');
      if (op.estimate.kind !== 'estimate') return;
      assert.match(op.estimate.factoryReason, /per_core_M 16, per_core_N 16/);
      assert.equal(op.estimate.outputs[0].bytesPerCore, 16 * 16 * TILE_BF16);
      assert.equal(op.cbBytesPerCore, 64 * TILE_BF16);
    });
    it('after tt-metal PR #37236 (2026-03-25; 1-column grid → 1D mcast in1 from the user shard): 13x13, 346,112 B', () => {
      // get_mcast_1d_config with the user shard: per_core_M = 416/32 = 13, per_core_N = 13, fuse_batch (b unbatched),
      // in0_block_w 1: c_0 13·1·2 + c_1 13·1·2 = 52 tiles = 106,496 B; the output shard 169 tiles = 346,112 B.
      const { op } = deviceOp({ ...run, date: '2026-03-26' }, 'matmul_block_sharded_column');
      assert.equal(op.estimate.kind, 'estimate');
      if (op.estimate.kind !== 'estimate') return;
      assert.equal(op.estimate.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
      assert.equal(op.estimate.outputs[0].bytesPerCore, 13 * 13 * TILE_BF16);
      assert.equal(op.cbBytesPerCore, 52 * TILE_BF16);
    });
    it('one core (still the 2D path): 16x16 until tt-metal PR #53662 caps the block at the 13x13 output', () => {
      // Before: as above, 524,288 B shard and 131,072 B of CBs. After: per_core 13 x 13, subblock 1x1 (13 is prime):
      // c_0 13·1·2 + c_1 13·1·2 = 52 tiles = 106,496 B, the shard 346,112 B.
      const before = deviceOp({ ...run, date: '2026-08-01' }, 'single_core').op;
      const after = deviceOp({ ...run, date: '2026-09-01' }, 'single_core').op;
      assert.ok(before.estimate.kind === 'estimate' && after.estimate.kind === 'estimate');
      assert.equal(before.estimate.outputs[0].bytesPerCore, 16 * 16 * TILE_BF16);
      assert.equal(before.cbBytesPerCore, 64 * TILE_BF16);
      assert.equal(after.estimate.outputs[0].bytesPerCore, 13 * 13 * TILE_BF16);
      assert.equal(after.cbBytesPerCore, 52 * TILE_BF16);
    });
  });

  describe('explicit 2D config on a Blackhole P100 (tt-transformers Llama-3.1-8B prefill QKV)', () => {
    const run = { file: 'matmul_tt-metal-35410.mlir', date: '2026-01-07', arch: 'blackhole_p100' };
    // 2D mcast factory (matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49): B 8 batches, Mt 64, Kt 128,
    // in0_block_w 1 → 128 K blocks: double-buffered inputs; out block 8x28; packer L1 accumulation (128 > 2 blocks)
    // with fp32 accumulation → interm Float32, a c_5 of its own. c_0 8·1·2 = 16 bf16 tiles = 32,768; c_1 28·1·2 = 56
    // bfp8 tiles (1,088 B, already a multiple of Blackhole's 64 B DRAM alignment) = 60,928; c_4 8·28 = 224 bf16 tiles =
    // 458,752; c_5 224 Float32 tiles = 917,504 → 1,469,952 B. Blocks ⌈64/8⌉ = 8 x ⌈192/28⌉ = 7: the thread's core
    // range (x=0..6, y=0..7). The thread's 1,574,080 B leaves a Blackhole base of 104,128 B, which is what the
    // blackhole dev_mem_map.h of early 2026-01 gives (before tt-metal PR #35327's fabric connection lock: mailbox end
    // 96 + 12,768 = 12,864; + 512 zeros + 1,024 LLK debug = 14,400; firmware 7,168 + 4 · 1,536 → 27,712; NoC and fabric
    // counters 80 + 32 → 27,824; routing header 484 + paths 768 + exit table 1,024 + 12 → 30,112; connections 656 →
    // 30,768; packet headers 112 · 24 → MEM_MAP_END 33,456; + 69 KiB = 104,112 → 104,128 aligned to 64): the dated
    // table's entry for 2026-01-07, so the region end is tt-metal's to the byte.
    it("tt-metal #35410 (2026-01-07): 1,469,952 B of CBs by hand, 1,574,080 B on that day's base", () => {
      const op = assertFails(run, 'xqkv_prefill');
      assert.equal(op.cbBytesPerCore, 1_469_952);
      assert.equal(regionEnd(op), 1_574_080);
      // The thread's range: the 2D factory's all_cores, 7 block columns by 8 block rows, (0,0)-(6,7).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=6,y=7)]');
    });
    it('after tt-metal PR #35683 (grid 8x10, per_core_M 7): fits', () => {
      // c_0 14 bf16 = 28,672 + c_1 60,928 + c_4 196 bf16 = 401,408 + c_5 196 Float32 = 802,816 → 1,293,824 B: under L1
      // with any base below 279,040 B. Blocks ⌈64/7⌉ = 10 rows on the 10-row grid.
      assertFits(run, 'fixed');
      assert.equal(deviceOp(run, 'fixed').op.cbBytesPerCore, 1_293_824);
    });
  });
  describe('linear with a fused bias, 1D mcast in1 on a Blackhole QuietBox (tt-train nanoGPT, core_grid 13x10)', () => {
    const run = { file: 'matmul_tt-metal-36316.mlir', date: '2026-01-22', arch: 'blackhole_p150_unharvested' };
    // 1D mcast in1 factory (…_mcast_1d_…@00629f0), per_core_M 4, per_core_N 48, in0_block_w 1 → Kt 12 blocks
    // (double-buffered inputs); out block 4x48; packer L1 accumulation with fp32 accumulation → interm Float32, a c_5 of
    // its own. c_0 4·1·2 = 8 bf16 tiles; c_1 48·1·2 = 96; c_4 4·48 = 192; c_5 192 Float32 tiles (4,096 B); c_3 bias
    // out_block_w 48 → (8 + 96 + 192 + 48)·2,048 + 192·4,096 = 1,490,944 B: the 47 bias tiles (96,256 B) the estimate
    // left out (PR #38309) push it past L1. The thread's 1,596,224 B leaves a Blackhole base of 105,280 B, the
    // dev_mem_map.h with PR #35327's 144 B fabric connection lock, 1 KiB routing paths and 144 B packet headers
    // (#35410's map + 144 + 256 + 32 · 24 = MEM_MAP_END 34,624; + 69 KiB = 105,280, 64-aligned): the dated table's
    // entry from 2026-01-22, so the region end is tt-metal's to the byte.
    it("tt-metal #36316 (2026-01-22): 1,490,944 B of CBs by hand, 1,596,224 B on that day's base", () => {
      const op = assertFails(run);
      assert.equal(op.cbBytesPerCore, 1_490_944);
      assert.equal(regionEnd(op), 1_596_224);
      // The thread's range: the 1D factory's num_cores_to_corerangeset over the 13-wide grid, row-major: its first range,
      // the full rows (0,0)-(12,8).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=12,y=8)]');
    });
  });
  describe('transpose_a, 1D mcast in1 (tt-train linear backward, core_grid 7x8)', () => {
    const run = { file: 'matmul_tt-metal-34811.mlir', date: '2025-12-19' };
    // 1D mcast in1 with the fused transpose (PR #32295): per_core_M 43, out block 43x4, in0_block_w 1 → 25 K blocks
    // (double-buffered inputs); fp32 accumulation → interm Float32, a c_5 of its own. c_0 43·1·2 = 86 bf16 tiles; c_1
    // 4·1·2 = 8; c_4 43·4 = 172; c_5 172 Float32 tiles (4,096 B); c_10 in0_transposed = c_0's 86 → (86 + 8 + 172 + 86)
    // · 2,048 + 172 · 4,096 = 1,425,408 B. The thread's 1,528,096 B leaves a base of 102,688 B: Wormhole dev_mem_map.h
    // on tt-metal main from PR #34336 (2025-12-16 18:59 UTC, MEM_MAP_END 32,016 B) to PR #34868 (12-22), the dated
    // table's entry of 2025-12-19 (l1BaseHistory.ts), so the region end is tt-metal's to the byte.
    it('tt-metal #34811 (2025-12-19): 1,528,096 B exactly, the first error', () => {
      const op = assertFails(run, 'lm_head_weight_grad');
      assert.equal(op.cbBytesPerCore, 1_425_408);
      assert.equal(regionEnd(op), 1_528_096);
      // The thread's range: the 1D factory's first range of num_cores_to_corerangeset over the x=7 y=8 grid, (0,0)-(6,7).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=6,y=7)]');
    });
    it('vocab 80,000 runs (the thread): out block 15x12, 1,277,952 B of CBs', () => {
      // c_0 15·1·2 = 30, c_1 12·1·2 = 24, c_4 180, c_10 30 bf16 tiles + c_5 180 Float32 tiles = 1,277,952 B.
      assertFits(run, 'vocab_80000');
      assert.equal(deviceOp(run, 'vocab_80000').op.cbBytesPerCore, (30 + 24 + 180 + 30) * TILE_BF16 + 180 * 4096);
    });
  });
  describe('explicit 2D config of a model, chunked batches (DeepSeek-V3 LM head prefill on a Galaxy)', () => {
    const run = { file: 'matmul_tt-metal-34306.mlir', date: '2025-12-12' };
    // The fixture's header derives the config: grid 8x9, per_core_M 29, per_core_N 16, in0_block_w 8, out block 29x16.
    // 2D mcast factory: c_0 29·8·2 = 464 bf16 tiles 950,272 + c_1 16·8·2 = 256 bfp4_b tiles (576 B) 147,456 + c_4 29·16 =
    // 464 bf16 tiles 950,272 (interm Float16_b = the output's format, packer_l1_acc shares it) = 2,048,000 B. The thread's
    // 2,150,656 B less these is a base of 102,656 B: Wormhole dev_mem_map.h on tt-metal main from PR #32395
    // (2025-12-04 17:25 UTC, MEM_MAP_END 31,984 B) to PR #34336 (12-16), the dated table's base of 2025-12-12.
    it('tt-metal #34306 (2025-12-12): 2,150,656 B exactly on its build date, on (0,0)-(7,1)', () => {
      const op = assertFails(run);
      assert.equal(op.cbBytesPerCore, 2_048_000);
      assert.equal(regionEnd(op), 2_150_656);
      // ⌈32 / 29⌉ = 2 block rows of the 32-tile chunk by ⌈127 / 16⌉ = 8 block columns: all_cores (0,0)-(7,1).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=1)]');
    });
  });
  describe('explicit 2D config of a model (tt-transformers Llama-3.1-8B prefill MLP, accuracy mode, n150)', () => {
    const run = { file: 'matmul_tt-metal-21904.mlir', date: '2025-05-09' };
    // The fixture's header derives the config: grid 8x8, per_core 4x56, in0_block_w 8. 2D mcast factory: c_0 4·8·2 = 64
    // bf16 tiles 131,072 + c_1 56·8·2 = 896 bfp8_b tiles (1,088 B) 974,848 + c_4 4·56 = 224 bf16 tiles 458,752 (fp32
    // accumulation off: the partials share c_4) = 1,564,672 B + 97,248 (the 2025-04..06 base of l1BaseHistory.ts) =
    // 1,661,920, tt-metal's figure.
    it('tt-metal #21904 (2025-05-09): the FF1 linear with bfp8 weights grows to 1,661,920 B exactly, on (0,0)-(7,7)', () => {
      const op = assertFails(run, 'ff1_prefill_accuracy');
      assert.equal(op.cbBytesPerCore, 1_564_672);
      assert.equal(regionEnd(op), 1_661_920);
      // 32 / 4 = 8 block rows by 448 / 56 = 8 block columns.
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    });
    it('the performance mode (bfp4 weights, 576 B tiles) fits: c_1 896 tiles 516,096 B, 1,105,920 B of CBs', () => {
      assertFits(run, 'performance');
      assert.equal(deviceOp(run, 'performance').op.cbBytesPerCore, 131_072 + 896 * 576 + 458_752);
    });
    it('PR #22610 (2025-06-03: 512-row prefill chunks on N150) fits: per_core_M 2, 1,269,760 B of CBs', () => {
      // c_0 2·8·2 = 32 bf16 tiles 65,536 + c_1 974,848 (unchanged) + c_4 2·56 = 112 bf16 tiles 229,376.
      assertFits(run, 'pr_22610');
      assert.equal(deviceOp(run, 'pr_22610').op.cbBytesPerCore, 65_536 + 974_848 + 229_376);
    });
  });
  describe('1D mcast in1 without out blocks (DeepSeek-V3 d_p shared expert, Kimi K2.6 on a Blackhole Galaxy)', () => {
    const run = { file: 'matmul_tt-metal-47317.mlir', date: '2026-06-17', arch: 'blackhole_p150' };
    // The fixture's header derives the config: per_core 2x224, in0_block_w 1, no out_block set (out block = per core).
    // 1D factory: c_0 2·1·2 = 4 bf16 tiles 8,192 + c_1 224·1·2 = 448 bfp8_b tiles (1,088 B) 487,424 + c_4 2·224 = 448
    // bf16 tiles 917,504 (fp32 accumulation off: shared with the partials) = 1,413,120 B. The thread's region end,
    // 1,524,480, less these is a base of 111,360 B: blackhole dev_mem_map.h on tt-metal main since PR #46526
    // (2026-06-12 14:49 UTC, a 13,168 B mailbox: MEM_MAP_END 40,704 B), the dated table's base of 2026-06-17.
    it('tt-metal #47317 (2026-06-17): the CB region ends at 1,524,480 B exactly on its build date', () => {
      const { op } = deviceOp(run, 'shared_expert_down');
      assert.equal(op.cbBytesPerCore, 1_413_120);
      assert.equal(regionEnd(op), 1_524_480);
      // The clash partner (an L1 buffer at 1,522,880 B) is the model's, not in the fixture: on its own the op fits.
      assert.equal(op.overflow, undefined);
    });
    it('PR #47447 (out_block_h 1, out_block_w 56): 240,640 B of CBs', () => {
      // c_0 1·1·2 = 2 bf16 tiles + c_1 56·1·2 = 112 bfp8_b tiles + c_4 1·56 = 56 bf16 tiles.
      assert.equal(deviceOp(run, 'fixed').op.cbBytesPerCore, 2 * TILE_BF16 + 112 * 1088 + 56 * TILE_BF16);
    });
  });

  describe('bias added after the matmul into an L1 result (SDXL-turbo linear, n150 with worker dispatch)', () => {
    // tt-metal #16268 (2024-12-23): ttnn.linear with a bias, no program config, memory_config L1: bound_matmul of that
    // build (matmul.cpp@f01114d) post-processes any bias when there is neither a program config nor a core grid: the
    // matmul writes its (1, 4096, 5120) bf16 result in L1, then ttnn.add(result, bias) allocates its own there while the
    // first is live. 4096·5120 / 1,024 = 20,480 tiles · 2,048 = 41,943,040 B, the thread's "41943040 B L1 buffer"; over
    // the 56 banks of the 8x7 grid: ⌈20,480 / 56⌉ = 366 pages · 2,048 = 749,568 B per bank, its "each bank needs to
    // store 749568 B". Two of them need 1,499,136 B per bank; the bank holds 1,499,136 − 99,104 (the 2024-12 base) =
    // 1,400,032 B (ttnn's pytest device: no L1_SMALL): the add's result is the allocation that fails.
    const run = {
      file: 'matmul_tt-metal-16268.mlir',
      date: '2024-12-23',
      arch: 'wormhole_b0_n300_worker_dispatch',
      l1SmallSize: 0,
    };
    it('tt-metal #16268: out of L1 at the bias add, 749,568 B per bank beside the matmul result', () => {
      const { op, first } = deviceOp(run, 'linear_4096x640_640x5120_bias_l1');
      assert.equal(first, 'this op', 'the first error of the run');
      assert.equal(op.estimate.kind, 'estimate');
      assert.ok(op.estimate.kind === 'estimate');
      assert.equal(op.estimate.l1TensorBytesPerCore, 749_568);
      assert.deepEqual(
        op.estimate.l1Intermediates?.map((t) => [t.bytesPerCore, t.liveDuringProgram]),
        [[749_568, true]],
      );
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
      assert.equal(op.overflow?.cbRegionEndBytes, 99_104 + 2 * 749_568);
      assert.equal(op.overflow?.limitBytes, 1_499_136);
    });
    it('tt-metal #16268: with a bfloat8_b a (the thread: "Passes when dtype = bfloat8") both results fit', () => {
      // bfp8 result: 366 pages · 1,088 = 398,208 B per bank, two of them 796,416 B < 1,400,032 B.
      const { op } = deviceOp(run, 'linear_bf8_a');
      assert.ok(op.estimate.kind === 'estimate');
      assert.equal(op.estimate.l1TensorBytesPerCore, 398_208);
      assert.equal(op.overflow, undefined);
    });
  });
});

describe('bias added after the matmul into an L1 result: SD3.5 linear, bfloat8_b, n150 (tt-metal #16289)', () => {
  // tt-metal #16289 (2024-12-23, branch test of main 2024-12-22): ttnn.linear with a bias, no program config or core
  // grid, dtype bfloat8_b, memory_config L1: as for #16268 above, that build's bound_matmul writes the matmul result
  // in L1 and then adds the bias into a second L1 result while the first is live. (2, 4096, 6144) bfloat8_b:
  // 2·128·192 = 49,152 tiles · 1,088 = 53,477,376 B, the thread's "53477376 B L1 buffer"; over the 64 banks of the
  // n150's 8x8 grid: 49,152 / 64 = 768 pages · 1,088 = 835,584 B per bank, its "each bank needs to store 835584 B".
  // The bank holds 1,499,136 − 99,104 (the 2024-12 base) = 1,400,032 B (ttnn's pytest device: no L1_SMALL): the first
  // result fits, the second (2 · 835,584 = 1,671,168 B) does not.
  const run = { file: 'matmul_tt-metal-16289.mlir', date: '2024-12-22', l1SmallSize: 0 };
  it('out of L1 at the bias add: 835,584 B per bank beside the matmul result of the same size', () => {
    const { op, first } = deviceOp(run, 'linear_sd35');
    assert.equal(first, 'this op', 'the first error of the run');
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.nCoresUsed, 64);
    assert.equal(op.estimate.l1TensorBytesPerCore, 835_584);
    assert.deepEqual(
      op.estimate.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram]),
      [['matmul result', 835_584, true]],
    );
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    assert.equal(op.overflow?.cbRegionEndBytes, 99_104 + 2 * 835_584);
    assert.equal(op.overflow?.limitBytes, 1_499_136);
  });
});
