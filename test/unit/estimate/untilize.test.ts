/** Untilize family: the seed failure, both eras of the 2-D block split, and the small-tensor factories. */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import { computeNcoresWh, computeNcoresWhSb, splitBlocksForTilize } from '../../../server/src/estimate/common';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { assertExactUpToNewestRead, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}

describe('estimate/untilize', () => {
  // Seed: tensor<4x4884480xbf16> tile (padded 32 rows) → row-major, DRAM interleaved, WH n150 base 102,656.
  const seedOp = op('ttnn.to_layout', [tensor([4, 4884480])], [tensor([4, 4884480], { page: 'row_major' })]);

  it('before PR #17790: the tile-row factory, the column factory from PR #17538 (Wt > Ht) and PR #17752 (no room)', () => {
    // llama_attention_ttnn.mlir's reshape untilizes a 12x3200 f32 tile tensor (to_layout: 12 ≠ 32 padded rows →
    // untilize_with_unpadding). Wt = 100, Ht = 1, f32 tiles 4,096 B.
    const wide = op(
      'ttnn.to_layout',
      [tensor([12, 3200], { dtype: 'f32' })],
      [tensor([12, 3200], { dtype: 'f32', page: 'row_major' })],
    );
    // untilize_with_unpadding_program_factory.cpp@09349dd: the tile-row factory, c_0 = c_16 = 100 · 4,096 → 819,200 B.
    const jan = est(estimateOp(wide, whContext({ ttMetalDate: '2025-02-03' })));
    assert.equal(jan.factory, 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory');
    assert.equal(jan.cbBytesPerCore, 819_200);
    assert.equal(jan.confidence, 'exact');
    // @1b01e8b (PR #17538, 2025-02-05): Wt = 100 > Ht = 1 → the column factory, c_0 = c_16 = 1 · 4,096 → 8,192 B;
    // split_blocks_for_tilize(64, 100): 2 columns per core → 50 cores.
    const col = est(estimateOp(wide, whContext({ ttMetalDate: '2025-02-06' })));
    assert.equal(col.factory, 'untilize_with_unpadding_multi_core_col_interleaved');
    assert.equal(col.cbBytesPerCore, 8_192);
    assert.equal(col.nCoresUsed, 50);
    // all_cores of split_blocks_for_tilize (CoreCoord overload then): six whole 8-core rows and 2 cores of the
    // seventh; the message prints the first rectangle, (0,0)-(7,5).
    assert.deepEqual(col.reportedRange, [
      [0, 0],
      [7, 5],
    ]);
    assert.equal(col.confidence, 'exact');
    // @a4b0687 (PR #17752, 2025-02-08): only when 2 · 4,096 · 100 = 819,200 B does not fit below the free L1 (it does
    // here) → the tile-row factory again.
    const feb = est(estimateOp(wide, whContext({ ttMetalDate: '2025-02-10' })));
    assert.equal(feb.cbBytesPerCore, 819_200);
    assert.equal(feb.confidence, 'exact');
    // A row that does not fit: 12x5760 f32, Wt = 180: 2 · 4,096 · 180 = 1,474,560 B ≥ the free L1 (1,499,136 −
    // 102,656 = 1,396,480 B) → the column factory: 8,192 B.
    const huge = op(
      'ttnn.to_layout',
      [tensor([12, 5760], { dtype: 'f32' })],
      [tensor([12, 5760], { dtype: 'f32', page: 'row_major' })],
    );
    assert.equal(est(estimateOp(huge, whContext({ ttMetalDate: '2025-02-10' }))).cbBytesPerCore, 8_192);
  });

  it('reproduces the seed: 9,990,400 B on core (7,6), block factory, legacy era', () => {
    // The seed's log is of 2025-12-31: after tt-metal PR #34268 (cores column-major), before PR #35806 (sub-blocks).
    const e = est(estimateOp(seedOp, whContext({ ttMetalDate: '2025-12-31' })));
    assert.equal(e.factory, 'UntilizeWithUnpaddingMultiCoreBlockInterleavedProgramFactory');
    // Wt = 4,884,480 / 32 = 152,640; per = ceil(152,640 / 64) = 2,385; isqrt = 48; first c > 48 with
    // ceil(152,640 / c) < 64 is 2,423 (152,640 / 63 = 2,422.9). 62 full blocks per row, cliff_row = 152,640 − 62·2,423 = 2,414.
    // Ht = 1 < 2,423 → no full cores: 62 cliff_col cores + the cliff_col_row core (index 62, column-major (7,6)).
    // Region end = 102,656 + 2,414·2,048 + 2,414·2,048 = 9,990,400.
    assert.equal(e.cbRegionEndBytes, 9_990_400);
    assert.deepEqual(e.reportedCore, [7, 6]);
    assert.equal(e.cbBytesPerCore, 9_887_744);
    // cliff_col cores hold full 2,423-tile blocks: 2·2,423·2,048 = 9,924,608 B (worse, but validated later).
    assert.equal(e.worstCbBytesPerCore, 9_924_608);
    assert.deepEqual(e.worstCore, [0, 0]);
    assert.equal(e.nCoresUsed, 63);
    assert.equal(e.confidence, 'exact');
    const cliffColRow = e.coreGroups.find((g) => g.name === 'cliff_col_row');
    assert.deepEqual(cliffColRow, {
      name: 'cliff_col_row',
      nCores: 1,
      firstCore: [7, 6],
      cbBytesPerCore: 9_887_744,
      cbRegionEndBytes: 9_990_400,
    });
    assert.deepEqual(
      e.cbs.filter((c) => c.coreGroup === 'cliff_col_row').map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
      [
        ['c_0', 2414, 2048],
        ['c_16', 2414, 2048],
      ],
    );
  });

  it('before tt-metal PR #34268 the same cliff is named (6,7): split_blocks_for_tilize_wh(grid_size, …) steps x first', () => {
    // The CoreCoord overload hands out cores x first: the cliff_col_row core, index 62, is (62 mod 8, floor(62 / 8)) =
    // (6,7), the core tt-forge-fe's Reshape225 / Cumsum0 xfail reasons name at tt-metal 7d60ca2 (2025-03-25).
    const e = est(estimateOp(seedOp, whContext({ ttMetalDate: '2025-12-11' })));
    assert.equal(e.cbRegionEndBytes, 9_990_400);
    assert.deepEqual(e.reportedCore, [6, 7]);
  });

  it('sub-block era (tt-metal PR #35806): the same op fits', () => {
    const e = est(estimateOp(seedOp, whContext({ era: 'sub-block' })));
    // limit = (1,499,136 − 102,656) div 4,096 = 340 tiles < 2,423 → compute_ncores_wh_sb: B = 9·269 = 2,421 (64 blocks),
    // s = 269, cliff_row = 152,640 − 63·2,421 = 117 (ttmetal-l1-model.md §3.7).
    // cliff_col cores: 102,656 + 2·269·2,048 = 1,204,480; last core (index 63 = (7,7)): 102,656 + 2·117·2,048 = 581,888.
    const byName = new Map(e.coreGroups.map((g) => [g.name, g]));
    assert.equal(byName.get('cliff_col')?.cbRegionEndBytes, 1_204_480);
    assert.equal(byName.get('cliff_col')?.nCores, 63);
    assert.equal(byName.get('cliff_col_row')?.cbRegionEndBytes, 581_888);
    assert.deepEqual(byName.get('cliff_col_row')?.firstCore, [7, 7]);
    assert.equal(e.cbRegionEndBytes, 1_204_480);
  });

  it('work-split helpers match tt-metal on the worked numbers', () => {
    assert.equal(computeNcoresWh(64, 152_640, 152_640, 1).blockSize, 2423);
    const sb = computeNcoresWhSb(64, 152_640, 1, 340);
    assert.deepEqual([sb?.blockSize, sb?.subBlockSize, sb?.nCores], [2421, 269, 64]);
    // split_blocks_for_tilize: 960 tile rows on 64 cores → 15 per core, 64 cores, no cliff.
    assert.deepEqual(splitBlocksForTilize(64, 960), { nCores: 64, blocksPerCore: 15, blocksCliff: 0 });
    // 2 rows → 1 per core on 2 cores.
    assert.deepEqual(splitBlocksForTilize(64, 2), { nCores: 2, blocksPerCore: 1, blocksCliff: 0 });
  });

  it('64x1024 DRAM tile → row-major: 131,072 B (tt-mlir OpModel TestOpModelLib.cpp@b73fc81:867)', () => {
    // No padding change → untilize; Wt = 32 (not > 32) → MultiCore: 2 tile rows on 2 cores, one block per core →
    // single-buffered c_0 = c_16 = 32 tiles · 2,048 = 65,536 each.
    const e = est(
      estimateOp(op('ttnn.to_layout', [tensor([64, 1024])], [tensor([64, 1024], { page: 'row_major' })]), whContext()),
    );
    assert.equal(e.factory, 'UntilizeMultiCoreProgramFactory');
    assert.equal(e.cbBytesPerCore, 131_072);
    assert.equal(e.cbBytesSummedOverRanges, 131_072);
    assert.equal(e.l1TensorBytesPerCore, 0);
  });

  it('untilize_with_unpadding interleaved factory when a tile row fits (seed %25)', () => {
    // 1x4x60x106x768: padded 106 → 128 rows; Wt = 24 (not > 32), (2,048 + 2,048)·24 = 98,304 < free L1 →
    // MultiCoreInterleaved: c_0 = c_16 = 24 tiles → 98,304 B; end = 102,656 + 98,304 = 200,960.
    const e = est(
      estimateOp(
        op('ttnn.to_layout', [tensor([1, 4, 60, 106, 768])], [tensor([1, 4, 60, 106, 768], { page: 'row_major' })]),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory');
    assert.equal(e.cbRegionEndBytes, 200_960);
    // 4·60·128 / 32 = 960 tile rows → 64 cores.
    assert.equal(e.nCoresUsed, 64);
  });

  describe('read span untilize-with-unpadding-interleaved-2025-2026', () => {
    // 60x1000 bf16 tile (padded 64x1024) → row-major 60x1000: to_layout drops the padding → untilize_with_unpadding;
    // Wt = 32 (not > 32), (2,048 + 2,048)·32 = 131,072 < free L1 → the tile-row factory, c_0 = c_16 = 32·2,048 = 65,536
    // → 131,072 B.
    const viaToLayout = op('ttnn.to_layout', [tensor([60, 1000])], [tensor([60, 1000], { page: 'row_major' })]);
    const direct = op(
      'ttnn.untilize_with_unpadding',
      [tensor([60, 1000])],
      [tensor([60, 1000], { page: 'row_major' })],
    );
    const SPAN = 'untilize-with-unpadding-interleaved-2025-2026';

    it('a window inside the span is exact and cites it; one reaching past 2026-06-23 is approx for the later builds', () => {
      for (const window of [
        { earliest: '2025-01-01', latest: '2025-02-04' },
        { earliest: '2026-03-06', latest: '2026-05-05' },
        { earliest: '2026-06-10', latest: '2026-07-10' },
      ]) {
        const e = est(estimateOp(viaToLayout, whContext({ window })));
        assert.equal(e.factory, 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory');
        assert.equal(e.cbBytesPerCore, 131_072);
        assertExactUpToNewestRead(e, window);
        assert.ok(e.citations.some((c) => c.startsWith(`read span ${SPAN} (builds 2025-01-01..2026-06-23`)));
      }
    });

    it('a window reaching builds before the span (a configured 2024 date) is approx, with the same figure', () => {
      const e = est(estimateOp(viaToLayout, whContext({ window: { earliest: '2024-12-20', latest: '2025-01-05' } })));
      assert.equal(e.cbBytesPerCore, 131_072);
      assert.equal(e.confidence, 'approx');
      assert.match(
        e.approxReason,
        new RegExp(`read at every build 2025-01-01\\.\\.2026-06-23 \\(read span ${SPAN}\\)`),
      );
    });

    it('a direct call is approx before tt-metal PR #16555 (use_multicore defaulted to false), exact from it', () => {
      const before = est(estimateOp(direct, whContext({ ttMetalDate: '2025-01-09' })));
      assert.equal(before.cbBytesPerCore, 131_072);
      assert.equal(before.confidence, 'approx');
      assert.match(before.approxReason, /use_multicore defaulted to false before tt-metal PR #16555/);
      assert.equal(est(estimateOp(direct, whContext({ ttMetalDate: '2025-01-10' }))).confidence, 'exact');
    });
  });

  it('multi-core untilize: one tile row per core double-buffered until tt-metal PR #23198', () => {
    // ttnn.untilize of [64, 1024] bf16: Wt = 32 (not > 32), 2 tile rows over 2 cores, one each; (2,048 + 2,048)·32 =
    // 131,072 B < free L1 → UntilizeMultiCoreProgramFactory. untilize_program_factory.cpp@3a255e7: c_0 = c_16 =
    // 2·Wt = 64 tiles → 2·64·2,048 = 262,144 B; @f73c77e (2025-06-12): one block per core → Wt = 32 tiles → 131,072 B.
    const untilize = op('ttnn.untilize', [tensor([64, 1024])], [tensor([64, 1024], { page: 'row_major' })]);
    const at = (date: string) => est(estimateOp(untilize, whContext({ ttMetalDate: date })));
    assert.equal(at('2025-06-11').factory, 'UntilizeMultiCoreProgramFactory');
    assert.equal(at('2025-06-11').cbBytesPerCore, 262_144);
    assert.equal(at('2025-06-12').cbBytesPerCore, 131_072);
  });

  it('before tt-metal PR #17790 a plain untilize had no block factory: a wide row of 2+ tile rows ran single-core', () => {
    // ttnn.untilize of [64, 16384] bf16, base 102,656: Wt = 512, 2 tile rows; (2,048 + 2,048)·512 = 2,097,152 B over
    // free L1 → the block factory from PR #17790. Before it (untilize_op.cpp@3949130: untilize_multi_core):
    // max_tiles = ⌊(749,568 − 102,656) / (2,048 + 2,048)⌋ = ⌊646,912 / 4,096⌋ = 157 < 512 and 2 tile rows → single core
    // (untilize_single_core@3949130): the largest divisor of 512 ≤ 157 is 128 → c_0 = c_16 = 128·2,048 = 262,144 →
    // 524,288 B on one core.
    const wide = op('ttnn.untilize', [tensor([64, 16384])], [tensor([64, 16384], { page: 'row_major' })]);
    const at = (date: string) => est(estimateOp(wide, whContext({ base: 102_656, ttMetalDate: date })));
    const before = at('2025-02-27');
    assert.equal(before.factory, 'UntilizeSingleCoreProgramFactory');
    assert.equal(before.cbBytesPerCore, 524_288);
    assert.equal(before.nCoresUsed, 1);
    assert.equal(at('2025-02-28').factory, 'UntilizeMultiCoreBlockProgramFactory');
  });

  it('the row-too-wide test divides by T_in + T_out until tt-metal PR #27194, by 2·T_in from it (bfp8 input)', () => {
    // ttnn.untilize of [8000, 8000] bfp8 → bf16, base 102,656: Wt = Ht = 250. A row fits ((1,088 + 1,088)·250 =
    // 544,000 B < free L1); the wide test: the row split gives ⌈250 / 64⌉ = 4 rows per core on ⌈250 / 4⌉ = 63 cores,
    // the 2-D split 49 (62,500 blocks, 977 per core, the first side c > 31 with ⌈250 / c⌉² < 64 is 36: 7·7) → no block.
    // Before PR #27194 (untilize_program_factory.cpp@f73c77e): max_tiles_per_cb = ⌊646,912 / (1,088 + 2,048)⌋ = 206 <
    // 250, 250 tile rows → single core (untilize_single_core: the largest divisor of 250 ≤ 206 is 125): c_0 =
    // 125·1,088 = 136,000, c_16 = 125·2,048 = 256,000 → 392,000 B. From it (get_pf_type): ⌊646,912 / 2,176⌋ = 297 ≥ 250
    // → the multi-core factory, 4 rows per core → double-buffered: c_0 = 2·250·1,088 = 544,000, c_16 = 2·250·2,048 =
    // 1,024,000 → 1,568,000 B.
    const bfp8 = op(
      'ttnn.untilize',
      [tensor([8000, 8000], { dtype: 'bfp_bf8' })],
      [tensor([8000, 8000], { page: 'row_major', dtype: 'bf16' })],
    );
    const at = (date: string) => est(estimateOp(bfp8, whContext({ base: 102_656, ttMetalDate: date })));
    const before = at('2025-08-25');
    assert.equal(before.factory, 'UntilizeSingleCoreProgramFactory');
    assert.equal(before.cbBytesPerCore, 392_000);
    const after = at('2025-08-26');
    assert.equal(after.factory, 'UntilizeMultiCoreProgramFactory');
    assert.equal(after.cbBytesPerCore, 1_568_000);
  });

  it('live L1 tensors shrink the free space the factory sees', () => {
    // 32x16384 bf16 (no padding): Wt = 512, (2,048 + 2,048)·512 = 2,097,152 > free L1 anyway → block; with a
    // small tensor 32x256 (Wt = 8): 32,768 B needed; 1,380,000 B of live L1 leaves 1,499,136 − 1,380,000 − 102,656 = 16,480
    // < 32,768 → block factory instead of MultiCore.
    const small = op('ttnn.untilize', [tensor([32, 256])], [tensor([32, 256], { page: 'row_major' })]);
    assert.equal(est(estimateOp(small, whContext())).factory, 'UntilizeMultiCoreProgramFactory');
    assert.equal(
      est(estimateOp(small, whContext({ live: 1_380_000 }))).factory,
      'UntilizeMultiCoreBlockProgramFactory',
    );
  });

  describe('codegen factory (tt-metal PR #50178 from ≈2026-08-17; budget from PR #53399 ≈2026-08-21)', () => {
    // Hand arithmetic from untilize_codegen_cb_plan.cpp@3804c86 (plan_cb_depths, pages_for_builder) on WH n150 (64 cores,
    // base 102,656 given explicitly): pages per CB unit p; both double-buffered (2p + 2p tiles of 2,048 B) while
    // 4·p·2,048 ≤ budget, then 2p + p, then p + p, else the native factory.
    const base = 102_656;
    const wide = op('ttnn.untilize', [tensor([2048, 5120])], [tensor([2048, 5120], { page: 'row_major' })]);
    it('64 tile rows of Wt = 160 on 64 cores: whole rows, both CBs double-buffered (1,310,720 B)', () => {
      // choose_2d_ncol: 64 rows ≥ 64 cores → 1; p = 160; 4·160·2,048 = 1,310,720 ≤ 1,499,136 − 102,656 = 1,396,480.
      const e = est(estimateOp(wide, whContext({ ttMetalDate: '2026-08-18', base })));
      assert.equal(e.factory, 'UntilizeCodegenProgramFactory');
      assert.equal(e.cbBytesPerCore, 1_310_720);
      assert.equal(e.nCoresUsed, 64);
    });
    it('the day before PR #50178: the native factory (its 2-D block split)', () => {
      const e = est(estimateOp(wide, whContext({ ttMetalDate: '2026-08-16', base })));
      assert.notEqual(e.factory, 'UntilizeCodegenProgramFactory');
    });
    it('after PR #53399 the plan budgets against the free L1: 400,000 B live → 2p + p (983,040 B)', () => {
      // 1,499,136 − 400,000 − 102,656 = 996,480: 1,310,720 > it ≥ 3·160·2,048 = 983,040 → DoubleIn.
      const after = est(estimateOp(wide, whContext({ ttMetalDate: '2026-08-22', base, live: 400_000 })));
      assert.equal(after.cbBytesPerCore, 983_040);
      // Before it the whole range above the base is the budget whatever is live: still 1,310,720.
      const before = est(estimateOp(wide, whContext({ ttMetalDate: '2026-08-18', base, live: 400_000 })));
      assert.equal(before.cbBytesPerCore, 1_310_720);
    });
    it('8 tile rows of Wt = 96 on 64 cores: a 2-D split of 8 column blocks, 12 tiles per unit', () => {
      // choose_2d_ncol(8, 96, 64): d ≤ min(64 / 8, 96) = 8, largest divisor of 96 → 8; p = 12; 4·12·2,048 = 98,304.
      const e = est(
        estimateOp(
          op('ttnn.untilize', [tensor([256, 3072])], [tensor([256, 3072], { page: 'row_major' })]),
          whContext({ ttMetalDate: '2026-08-18', base }),
        ),
      );
      assert.equal(e.factory, 'UntilizeCodegenProgramFactory');
      assert.equal(e.cbBytesPerCore, 98_304);
      assert.equal(e.nCoresUsed, 64);
    });
    it('one tile row of Wt = 100 splits its columns: ⌈100 / 64⌉ = 2 tiles per core (16,384 B)', () => {
      const e = est(
        estimateOp(
          op('ttnn.untilize', [tensor([32, 3200])], [tensor([32, 3200], { page: 'row_major' })]),
          whContext({ ttMetalDate: '2026-08-18', base }),
        ),
      );
      assert.equal(e.cbBytesPerCore, 4 * 2 * 2048);
      assert.equal(e.nCoresUsed, 64);
    });
    it("tt-metal PR #53399's fix: Gemma-3's logits row with the thread's residents falls back to the native factory", () => {
      // [1,1,32,262208] bfp8 → bf16 (threads-tilize.test.ts): p = 129. The thread's lowest L1 buffer sits at 556,864, so
      // 1,499,136 − 556,864 = 942,272 B per core are live; free = 556,864 − 105,664 = 451,200 < 2·129·2,048 = 528,384:
      // after PR #53399 no tier fits → native: a tile row needs (1,088 + 2,048)·8,194 > 451,200 → the block factory,
      // whose sub-blocks are capped at ⌊451,200 / 3,136⌋ = 143 tiles, so its CBs end below the residents (the fix);
      // before it the whole-range budget keeps the codegen plan that clashed (809,088 B).
      const logits = op(
        'ttnn.to_layout',
        [tensor([1, 1, 32, 262208], { dtype: 'bfp_bf8' })],
        [tensor([1, 1, 32, 262208], { page: 'row_major' })],
      );
      const live = 942_272;
      const before = est(estimateOp(logits, whContext({ ttMetalDate: '2026-08-18', base: 105_664, live })));
      assert.equal(before.cbBytesPerCore, 809_088);
      const after = est(estimateOp(logits, whContext({ ttMetalDate: '2026-08-22', base: 105_664, live })));
      assert.equal(after.factory, 'UntilizeMultiCoreBlockProgramFactory');
      assert.ok(after.cbRegionEndBytes <= 556_864, `${after.cbRegionEndBytes}`);
    });
    it('out of its scope (f32; a multi-row input wider than 2·Wt·2,048 > 800,000 B): the native factories', () => {
      const f32 = op(
        'ttnn.untilize',
        [tensor([2048, 5120], { dtype: 'f32' })],
        [tensor([2048, 5120], { page: 'row_major', dtype: 'f32' })],
      );
      assert.notEqual(
        est(estimateOp(f32, whContext({ ttMetalDate: '2026-08-18', base }))).factory,
        'UntilizeCodegenProgramFactory',
      );
      // Wt = 196: 2·196·2,048 = 802,816 > 800,000.
      const tooWide = op('ttnn.untilize', [tensor([64, 6272])], [tensor([64, 6272], { page: 'row_major' })]);
      assert.notEqual(
        est(estimateOp(tooWide, whContext({ ttMetalDate: '2026-08-18', base }))).factory,
        'UntilizeCodegenProgramFactory',
      );
    });
  });

  it('a DRAM-sharded input is explicitly unmodeled (an evenly L1-sharded one: datamove.test.ts)', () => {
    const r = estimateOp(
      op(
        'ttnn.to_layout',
        [tensor([256, 64], { buffer: 'dram', mem: 'height_sharded', grid: [8, 1] })],
        [tensor([256, 64], { page: 'row_major' })],
      ),
      whContext(),
    );
    assert.equal(r.kind, 'unmodeled');
  });
});
