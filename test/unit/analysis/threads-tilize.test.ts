/**
 * Public-thread cases of tilize / untilize and the to_layout conversions that run them (ops/tilize.ts, untilize.ts,
 * toLayout.ts), on the shared harness (test/support/threadCases.ts; fixtures in test/fixtures/threads, their headers cite
 * the threads). Expected figures are tt-metal's, quoted from the threads; the arithmetic in the comments is the
 * factory's.
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: tilize / untilize (test/fixtures/threads)', () => {
  describe('tilize / untilize', () => {
    const u16804 = { file: 'untilize_tt-metal-16804.mlir', date: '2025-01-16' };
    it('tt-metal #16804 (2025-01-16): to_layout of [1,1,1,50304] to row-major overflows (no block factory yet)', () => {
      assertFails(u16804, 'untilize_1x1x1x50304');
    });
    it('tt-metal #16804: [1,3,5,25152] overflows too', () => {
      assertFails(u16804, 'untilize_1x3x5x25152', { first: false });
    });
    it('tt-metal #15950 (2024-12-12): tilize_with_zero_padding of (1,1,1,50304) bf16 grows to 6,538,016 B exactly', () => {
      // Tile-row factory before tt-metal PR #17790: c_0 = c_16 = 1,572·2,048 = 3,219,456 → 6,438,912 + 99,104 (the
      // 2024-12 base of analysis/l1BaseHistory.ts, which tt-metal #16348's and #16288's figures give as well as this one)
      // = 6,538,016 (6,541,568 with the preset's 102,656).
      assert.equal(regionEnd(assertFails({ file: 'tilize_tt-metal-15950.mlir', date: '2025-01-01' })), 6_538_016);
    });
    it('tt-metal #27315 (2025-08-22): to_layout of [16, 5210112] bf16 to tile overflows (legacy block split)', () => {
      assertFails({ file: 'tilize_tt-metal-27315.mlir', date: '2025-08-22' });
    });
    it('tt-metal #27315 after PR #35806 (its ticket): fits', () => {
      assertFits({ file: 'tilize_tt-metal-27315.mlir', date: '2026-06-01' });
    });
    it('tt-metal #38364 (2026-02-23): 2,966,816 B exactly on its build date', () => {
      // Hand-derived in test/unit/estimate/tilize.test.ts: 103,712 + 466·(4,096 + 2,048) on the cliff core (7,6).
      const op = assertFails({ file: 'tilize_tt-metal-38364.mlir', date: '2026-02-23' });
      assert.equal(regionEnd(op), 2_966_816);
      assert.deepEqual(op.overflow?.core, [7, 6]);
    });
    it('tt-metal #35738 (2026-01-13, GR00T): to_layout of (32, 1572864) bf16 to row-major, 3,092,736 B to the byte', () => {
      // Legacy block split (before PR #35806): one tile row, Wt = 49,152; compute_ncores_wh's block b = 781 →
      // ⌊49,152 / 781⌋ = 62 blocks of 781 tiles and a 730-tile cliff (62·781 + 730 = 49,152), 63 cores. CBs are created
      // and checked cliff_col_row first: 730·(2,048 + 2,048) = 2,990,080 + 102,656 (the 2025-12 base of
      // ttnn/l1BaseHistory.ts, tt-mlir #6536's, for the reporter's 2026-01-05 checkout) = 3,092,736, tt-metal's figure.
      // The cliff is the 63rd core: (x=6,y=7) row-major, as tt-metal printed. A tile-aligned untilize takes
      // UntilizeMultiCoreBlockProgramFactory, which calls split_blocks_for_tilize_wh's CoreCoord overload (x first) at
      // every build read; the (7,6) of tt-xla #2762 (4 rows: untilize_with_unpadding) and tt-metal #38364
      // (tilize_with_val_padding) came from the padding factories after tt-metal PR #34268 (2025-12-12) moved them to
      // the CoreRangeSet overload (corerange_to_cores order, column-major; work_split_tilize.hpp@02ed05c).
      const op = assertFails({ file: 'untilize_tt-metal-35738.mlir', date: '2026-01-05' });
      assert.equal(regionEnd(op), 3_092_736);
      assert.equal(printedRange(op), '[(x=6,y=7) - (x=6,y=7)]');
    });
    it('tt-metal #35738 "resolved in the latest main branch" (2026-04-15, after PR #35806 sub-blocks): fits', () => {
      assertFits({ file: 'untilize_tt-metal-35738.mlir', date: '2026-04-15' });
    });
  });

  describe("untilize of a detector's flattened class scores (a full group of many cores)", () => {
    const run = { file: 'untilize_tt-xla-3389.mlir', date: '2026-02-20' };
    it('tt-xla #3389 (2026-02-20, RetinaNet): 22,734,112 B to the byte on [(x=0,y=0) - (x=7,y=6)]', () => {
      // [11,138,400] bf16 tiled: Ht = 1, Wt = 348,075 (a tile row, 2·2,048·348,075 B, does not fit) → the block
      // factory (legacy split, before tt-metal PR #35806). compute_ncores_wh's block c is the smallest with
      // ⌈348,075 / c⌉·⌈1 / c⌉ < 64: c = 5,525 = 348,075 / 63, so 63 full blocks and no cliff. c_0 + c_16 =
      // 5,525·(2,048 + 2,048) = 22,630,400, + 103,712 (the 2026-01-30..04-23 base of ttnn/l1BaseHistory.ts) =
      // 22,734,112, the thread's figure (f32 tiles would give 45,364,512).
      // The range: the 63 full cores are 1x1 CoreRanges in corerange_to_cores order (column-major from tt-metal PR
      // #34268), every core but (7,7); add_circular_buffer merges them (CoreRangeSet::merge_ranges' row sweep,
      // core_coord.cpp@6a80094): rows 0-6 are whole (0..7), row 7 is 0..6, so (0,0)-(7,6) then (0,7)-(6,7), and the
      // first allocator is (0,0)-(7,6), as tt-metal printed. Before this session: core (0,0) alone.
      const op = assertFails(run);
      assert.equal(regionEnd(op), 22_734_112);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=6)]');
    });
    it("tt-xla's RetinaNet xfail of 2025-12-10 (an older pinned build): 22,732,608 B on [(x=0,y=0) - (x=7,y=6)]", () => {
      // tenstorrent/tt-xla tests/runner/test_config/torch/test_config_inference_single_device.yaml, commit f36d899
      // (#2526, 2025-12-10), retinanet/pytorch-ResNet50_Backbone_with_FPN_V2: the same 22,630,400 B of CBs over 102,208
      // (the base of tt-metal builds of 2025-11-18..12-03 in ttnn/l1BaseHistory.ts, tt-mlir's pin 39590dfd of 12-02).
      // Before tt-metal PR #34268 the block factory's cores are row-major (the CoreCoord overload): the 63 cores are
      // rows 0-6 and (0..6, 7), merged into (0,0)-(7,6) then (0,7)-(6,7): the same first range.
      const op = assertFails({ ...run, date: '2025-12-02' });
      assert.equal(regionEnd(op), 22_732_608);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=6)]');
    });
    it('tt-xla #3389 after tt-metal PR #35806 (sub-blocks, 2026-02-24): fits', () => {
      // The block edge is capped at the free-L1 limit (sub-blocks, change point `tilize-untilize-sub-block`).
      assertFits({ ...run, date: '2026-02-24' });
    });
  });

  describe('untilize of a gather-to-embedding weight', () => {
    it('tt-mlir #6536 (2026-01-08, Mochi replicate pad): the (4, 4884480) bf16 weight grows to 9,990,400 B on (7,6)', () => {
      // tt-metal dcae048 (2025-12-23, tt-xla's pin through tt-mlir 10152fa). Wt = 4,884,480 / 32 = 152,640, Ht = 1:
      // the block factory (Wt > 32, one tile row); compute_ncores_wh takes the smallest block c with ⌈152,640 / c⌉ < 64
      // cores, c = 2,423: 62 full cores and a cliff of 152,640 − 62 · 2,423 = 2,414 tiles on core index 62, (7,6)
      // column-major (PR #34268's CoreRangeSet overload). Its CBs: c_0 = c_16 = 2,414 · 2,048 → 9,887,744 B + 102,656 (the 2025-12 base) =
      // 9,990,400, tt-metal's figure to the byte.
      const op = assertFails({ file: 'to_layout_tt-mlir-6536.mlir', date: '2025-12-23' });
      assert.equal(regionEnd(op), 9_990_400);
      assert.equal(printedRange(op), '[(x=7,y=6) - (x=7,y=6)]');
    });
  });

  describe('untilize codegen factory (tt-metal PR #50178)', () => {
    // From tt-metal PR #50178 (≈2026-08-17, "[codegen] Port untilize") ttnn::untilize routes a TILE, interleaved,
    // tile-aligned bf16 / bfp8 input to UntilizeCodegenDeviceOperation (untilize_codegen_supported.cpp@0420ab8), whose CB
    // plan (untilize_codegen_cb_plan.cpp@3804c86) double-buffers whole units: 64 tile rows on the 110-core p150a grid →
    // choose_2d_ncol 1, pages = Wt = 160; c_0 = c_16 = 2·160·2,048 = 655,360 B while the four fit the budget (the whole
    // range above the base before PR #53399): 1,310,720 B. tt-metal printed a region end of 1,422,208 = 1,310,720 +
    // 111,488, the Blackhole base from tt-metal PR #49417's 128 B mailbox growth (ttnn/l1BaseHistory.ts, dated
    // 2026-07-26; PR #52980's 13,296 B mailbox gives it from dev_mem_map.h): to the byte. The native block factory of
    // the day before gives 45,056 B.
    const run = { file: 'slice_tt-metal-53319.mlir', date: '2026-08-17', arch: 'blackhole_p150' };
    it('tt-metal PR #53319 (2026-08-17, Blackhole): the slice untilizes [1,2048,5120] bf16, CBs end at 1,422,208 B', () => {
      const { op } = deviceOp(run);
      assert.equal(op.estimate.kind === 'estimate' ? op.estimate.factory : '', 'UntilizeCodegenProgramFactory');
      assert.equal(op.estimate.kind === 'estimate' ? op.estimate.cbBytesPerCore : NaN, 1_310_720);
      assert.equal(regionEnd(op), 1_422_208);
    });
    it('tt-metal PR #53319: before PR #50178 the same untilize takes the native block factory (45,056 B)', () => {
      // Wt = 160 > 32 and wider than high → 2-D split: compute_ncores_wh(110 cores, 10,240 tiles): per = 94, isqrt 9; the
      // first c > 9 with ⌈160/c⌉·⌈64/c⌉ < 110 is 11 (15·6 = 90; c = 10 gives 16·7 = 112): c_0 = c_16 = 11 tiles = 45,056 B.
      const { op } = deviceOp({ ...run, date: '2026-08-16' });
      assert.equal(op.estimate.kind === 'estimate' ? op.estimate.cbBytesPerCore : NaN, 45_056);
    });
  });

  describe('untilize codegen factory: tt-metal PR #53399 (2026-08-17, N150, Gemma-3-4b vision demo)', () => {
    // The thread prints no shape; the figure pins it. The codegen plan puts c_0 = 2p bfp8 pages (1,088 B) and c_16 = 2p
    // bf16 pages (2,048 B) on every core: 914,752 − 105,664 (the Wormhole base of builds after tt-metal PR #49417,
    // ttnn/l1BaseHistory.ts, which PR #54698 also prints on 2026-08-28) = 809,088 = 2p·3,136 → p = 129. With the
    // 2026-06/07 base (104,224) no p gives the figure (810,528 is no multiple of 3,136, 6,144 or 8,192): the thread's
    // build ran the post-#49417 map, and the dated base now gives it. p = 129 is the column split of one tile row over 64 cores: ⌈Wt / 64⌉ = 129
    // for Wt in 8,193..8,256, and Gemma-3's vocabulary, 262,208 = 8,194 tiles, is the logits row the demo untilizes
    // (bfp8 LM-head output, batch padded to 32 rows). Before PR #53399 the plan's budget is the whole range above the base:
    // 4·129·2,048 = 1,056,768 ≤ 1,393,472 → both CBs double-buffered.
    const run = { file: 'untilize_tt-metal-53399.mlir', date: '2026-08-17' };
    it("the logits untilize: CBs end at 914,752 B to the byte (the clash address 556,864 is the model's residents)", () => {
      const { op } = deviceOp(run);
      assert.equal(op.estimate.kind === 'estimate' ? op.estimate.factory : '', 'UntilizeCodegenProgramFactory');
      assert.equal(regionEnd(op), 914_752);
      assert.equal(op.estimate.kind === 'estimate' ? op.estimate.nCoresUsed : 0, 64);
    });
  });

  describe('tilize of a DRAM width-sharded row-major input', () => {
    it('tt-metal #45331 (2026-05-27): 5,576,032 B to the byte on [0-0 - 7-7], before PR #47384', () => {
      // Wt = 42,752 / 32 = 1,336 tiles; the default factory's c_0 + c_16, one tile row each (no other CB):
      // 1,336·(2,048 + 2,048) = 5,472,256, + 103,776 (the late-2026-05 base of ttnn/l1BaseHistory.ts, which #45543's
      // figures two days later give too) = 5,576,032.
      // The build: the thread throws at program.cpp:1426, the end of validate_circular_buffer_region's overflow throw in
      // tt-metal from b90824d (2026-05-20) until 4cd9b59 (2026-05-26 20:13 UTC) added lines above it (read in the
      // history of a tt-metal fork, nyoshifujiTT/tt-metal): the build predates PR #43840 (2026-05-26 23:37 UTC),
      // so it is run on 2026-05-25: MEM_BRISC_FIRMWARE_SIZE was 6 KiB + 64 B from tt-metal PR #44545 (3363681,
      // 2026-05-16) to PR #45505 (0080d14, 2026-05-29), 103,712 + 64 = 103,776 B, the table's base of that day.
      // The range: 2,048 rows = 64 tile rows on the 64 cores of the 8x8 grid; the CBs sit on split_blocks_for_tilize's
      // 64 1x1 CoreRanges (column-major, tt-metal PR #33365 on), which add_circular_buffer merges into (0,0)-(7,7).
      const op = assertFails({ file: 'tilize_tt-metal-45331.mlir', date: '2026-05-25' });
      assert.equal(regionEnd(op), 5_576_032);
      assert.equal(printedRange(op), '[0-0 - 7-7]');
    });
    it('tt-metal #45331 on a build with PR #43840 (program descriptors): the same CBs print core (0,0) alone', () => {
      // The 64 1x1 ranges reach the program unmerged: one CB allocator per core, the first (0,0)'s (as tt-metal #45543
      // printed two days later, threads-eltwise.test.ts).
      const op = assertFails({ file: 'tilize_tt-metal-45331.mlir', date: '2026-05-27' });
      assert.equal(regionEnd(op), 5_576_032);
      assert.equal(printedRange(op), '[0-0 - 0-0]');
    });
    it('tt-metal #45331 after PR #47384 (rerouted through DRAM interleaved): fits', () => {
      assertFits({ file: 'tilize_tt-metal-45331.mlir', date: '2026-07-01' });
    });
    it('tt-metal #47735 (2026-06-22): tilize_with_val_padding of the same input still grows to 5,576,480 B', () => {
      // The same 1,336-tile row: 5,472,256 + 104,224 (the base of that build: 5,576,480 − 5,472,256, which the n150
      // system desc of tt-mlir e9b87da also prints) = 5,576,480; the whole-row CBs of the tilize_with_val_padding
      // factory are assumed (not read), so this pins the base and the CBs together.
      const op = assertFails({ file: 'tilize_tt-metal-47735.mlir', date: '2026-06-22' });
      assert.equal(regionEnd(op), 5_576_480);
      // The thread's range: the tilize_with_val_padding default factory's 1x1 all_cores, unmerged from PR #43840.
      assert.equal(printedRange(op), '[0-0 - 0-0]');
    });
  });
});
