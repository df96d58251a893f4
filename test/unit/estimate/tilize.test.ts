/** Tilize family: tt-metal issue #38364 reproduced from its shapes, and the interleaved factory. */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import { tilizeWithValPaddingSingleCore } from '../../../server/src/estimate/ops/tilize';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { assertExactUpToNewestRead, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}

describe('estimate/tilize', () => {
  it('reproduces tt-metal issue #38364: 2,966,816 B on (7,6) with base 103,712', () => {
    // tilize_with_val_padding of [1,1,1,1048576] f32 (row-major) → bf16 tile. Wt = 32,768, Ht = 1.
    // (4,096 + 2,048)·32,768 ≫ L1 → block factory. per = 512, isqrt = 22; first c > 22 with ceil(32,768 / c) < 64
    // is 521 (32,768 / 520 = 63.02 → 64). 62 full blocks per row, cliff_row = 32,768 − 62·521 = 466 on index 62 = (7,6).
    // End = 103,712 + 466·4,096 + 466·2,048 = 103,712 + 2,863,104 = 2,966,816.
    const input = tensor([1, 1, 1, 1_048_576], { page: 'row_major', dtype: 'f32' });
    const output = tensor([1, 1, 1, 1_048_576], { dtype: 'bf16' });
    for (const name of ['ttnn.tilize_with_val_padding', 'ttnn.to_layout']) {
      // The thread's build (2026-02-23): the CoreRangeSet overload's column-major cores (tt-metal PR #34268 on).
      const e = est(estimateOp(op(name, [input], [output]), whContext({ base: 103_712, ttMetalDate: '2026-02-23' })));
      assert.equal(e.factory, 'TilizeWithValPaddingMultiCoreBlockInterleavedProgramFactory', name);
      assert.equal(e.cbRegionEndBytes, 2_966_816, name);
      assert.deepEqual(e.reportedCore, [7, 6], name);
    }
  });

  it('64x1024 DRAM row-major → tile: 131,072 B (tt-mlir OpModel interface test, TestOpModelInterface.cpp@b73fc81:1499)', () => {
    // No padding → tilize; Wt = 32 → interleaved factory: c_0 = 32·2,048, c_16 = 32·2,048.
    const e = est(
      estimateOp(op('ttnn.to_layout', [tensor([64, 1024], { page: 'row_major' })], [tensor([64, 1024])]), whContext()),
    );
    assert.equal(e.factory, 'TilizeMultiCoreInterleavedProgramFactory');
    assert.equal(e.cbBytesPerCore, 131_072);
    assert.equal(e.confidence, 'exact');
  });

  it('tilize_with_val_padding interleaved factory: Wt tiles per CB, exact over the whole build axis (to_layout)', () => {
    // 60x1000 bf16 row-major → tile pads to 64x1024 → tilize_with_val_padding; Wt = 32 (not > 32), a tile row fits →
    //   the multi-core interleaved (default) factory, read at ca4e4ab, 9102752, 22dc48a, a7efdee, 1c444da, 622c6fb:
    //   c_0 = Wt·T_in = 32·2,048, c_16 = Wt·T_out = 32·2,048 → 131,072 B in every build.
    const toLayout = op('ttnn.to_layout', [tensor([60, 1000], { page: 'row_major' })], [tensor([60, 1000])]);
    for (const window of [
      { earliest: '2025-01-01', latest: '2025-06-16' },
      { earliest: '2026-03-06', latest: '2026-05-05' },
    ]) {
      const e = est(estimateOp(toLayout, whContext({ window })));
      assert.equal(e.factory, 'TilizeWithValPaddingMultiCoreInterleavedProgramFactory');
      assert.equal(e.cbBytesPerCore, 131_072);
      assert.equal(e.confidence, 'exact', JSON.stringify(window));
    }
    // Called directly, tilize_with_val_padding's use_multicore defaulted to false before tt-metal PR #16252
    // (2025-01-02); whether tt-mlir's runtime passed it is not read → approx that day, exact from the next.
    const direct = op(
      'ttnn.tilize_with_val_padding',
      [tensor([60, 1000], { page: 'row_major' })],
      [tensor([60, 1000])],
    );
    assert.equal(est(estimateOp(direct, whContext({ ttMetalDate: '2025-01-01' }))).confidence, 'approx');
    assert.equal(est(estimateOp(direct, whContext({ ttMetalDate: '2025-01-02' }))).confidence, 'exact');
    // tt-metal's own default-argument call (concat.cpp's re-tilize) on that day: tilize_with_val_padding_single_core
    // @d9304dd: max_tiles = ⌊⌊(749,568 − base − 32) / (2·64 + 2)⌋ / 32⌋ > 100 ≥ Wt = 32 → one block of 32 tiles,
    // c_0 = c_16 = 32·2,048 = 65,536 on core (0,0): 131,072 B.
    const single = est(tilizeWithValPaddingSingleCore(direct, whContext({ ttMetalDate: '2025-01-01' })));
    assert.equal(single.cbBytesPerCore, 131_072);
    assert.equal(single.nCoresUsed, 1);
    assert.equal(single.confidence, 'exact');
    // A row wider than a block: f32 (60, 32768), Wt = 1,024 > max_tiles = ⌊⌊(749,568 − base − 32) / 260⌋ / 32⌋
    // (base 99,104..104,000 → 77 or 78): the largest divisor of 1,024 under it is 64 → c_0 = c_16 = 64·4,096 = 262,144
    // each, 524,288 B.
    const wide = op(
      'ttnn.tilize_with_val_padding',
      [tensor([60, 32768], { page: 'row_major', dtype: 'f32' })],
      [tensor([60, 32768], { dtype: 'f32' })],
    );
    assert.equal(
      est(tilizeWithValPaddingSingleCore(wide, whContext({ ttMetalDate: '2025-01-01' }))).cbBytesPerCore,
      524_288,
    );
  });

  it("the default factory's printed range by build: whole rows, then merged 1x1 columns, then core (0,0) alone", () => {
    // to_layout of [384, 1024] bf16 row-major → tile: Wt = 32 (not > 32), a row fits → the default factory, 12 tile
    // rows on 12 cores of the 8x8 grid (split_blocks_for_tilize: 1 per core). Its CBs sit on all_cores:
    // before tt-metal PR #33365 the CoreCoord overload's rectangles, one full row (0,0)-(7,0) then (0,1)-(3,1): the
    // first is (0,0)-(7,0); from it 1x1 ranges column-major, cores (0,0)..(0,7), (1,0)..(1,3), which merge_ranges sweeps
    // row by row into (0,0)-(1,3) and (0,4)-(0,7): the first is (0,0)-(1,3); from PR #43840 the ProgramDescriptor keeps
    // the 1x1 ranges, the first (0,0)-(0,0).
    const toTile = op('ttnn.to_layout', [tensor([384, 1024], { page: 'row_major' })], [tensor([384, 1024])]);
    const cases: readonly [string, [[number, number], [number, number]]][] = [
      [
        '2025-12-01',
        [
          [0, 0],
          [7, 0],
        ],
      ],
      [
        '2026-01-15',
        [
          [0, 0],
          [1, 3],
        ],
      ],
      [
        '2026-06-01',
        [
          [0, 0],
          [0, 0],
        ],
      ],
    ];
    for (const [date, range] of cases) {
      const e = est(estimateOp(toTile, whContext({ ttMetalDate: date })));
      assert.equal(e.factory, 'TilizeMultiCoreInterleavedProgramFactory', date);
      assert.equal(e.nCoresUsed, 12, date);
      assert.deepEqual(e.reportedRange, range, date);
    }
  });

  it('sub-block era adds the staging CB and caps the block', () => {
    // limit = (1,396,480 − 64) div (4,096 + 2,048 + 128) = 222 tiles (base 102,656); block 521 > 222 → sub-blocks.
    const input = tensor([1, 1, 1, 1_048_576], { page: 'row_major', dtype: 'f32' });
    const e = est(
      estimateOp(
        op('ttnn.tilize_with_val_padding', [input], [tensor([1, 1, 1, 1_048_576])]),
        whContext({ era: 'sub-block' }),
      ),
    );
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_1' && c.role === 'staging'));
    assert.ok(e.worstCbBytesPerCore + 102_656 <= 1_499_136, `fits: ${e.worstCbBytesPerCore}`);
  });

  describe('interleaved read spans (tilize-with-val-padding-interleaved-2025-2026, tilize-interleaved-2025-2026)', () => {
    // 60x1000 bf16 row-major → tile pads to 64x1024 → tilize_with_val_padding; 64x1024 needs no padding → tilize. Both
    // Wt = 32 (not > 32) and a row fits: the tile-row factory, c_0 = c_16 = 32·2,048 = 65,536 → 131,072 B.
    const padded = op('ttnn.to_layout', [tensor([60, 1000], { page: 'row_major' })], [tensor([60, 1000])]);
    const unpadded = op('ttnn.to_layout', [tensor([64, 1024], { page: 'row_major' })], [tensor([64, 1024])]);
    const cases = [
      [
        padded,
        'TilizeWithValPaddingMultiCoreInterleavedProgramFactory',
        'tilize-with-val-padding-interleaved-2025-2026',
      ],
      [unpadded, 'TilizeMultiCoreInterleavedProgramFactory', 'tilize-interleaved-2025-2026'],
    ] as const;

    it('a window inside the span is exact and cites it; one reaching past 2026-06-23 is approx for the later builds', () => {
      for (const [toLayout, factory, span] of cases)
        for (const window of [
          { earliest: '2025-01-01', latest: '2025-02-27' },
          { earliest: '2026-03-06', latest: '2026-05-05' },
          { earliest: '2026-06-10', latest: '2026-07-10' },
        ]) {
          const e = est(estimateOp(toLayout, whContext({ window })));
          assert.equal(e.factory, factory);
          assert.equal(e.cbBytesPerCore, 131_072);
          assertExactUpToNewestRead(e, window);
          assert.ok(
            e.citations.some((c) => c.startsWith(`read span ${span} (builds 2025-01-01..2026-06-23`)),
            span,
          );
        }
    });

    it('a window reaching builds before the span (a configured 2024 date) is approx, with the same figure', () => {
      for (const [toLayout, factory, span] of cases) {
        const e = est(estimateOp(toLayout, whContext({ window: { earliest: '2024-12-20', latest: '2025-01-05' } })));
        assert.equal(e.factory, factory);
        assert.equal(e.cbBytesPerCore, 131_072);
        assert.equal(e.confidence, 'approx');
        assert.match(
          e.approxReason,
          new RegExp(`read at every build 2025-01-01\\.\\.2026-06-23 \\(read span ${span}\\)`),
        );
      }
    });

    it('ttnn.tilize called directly is approx before tt-metal PR #33365 (use_multicore defaulted to false)', () => {
      const direct = op('ttnn.tilize', [tensor([64, 1024], { page: 'row_major' })], [tensor([64, 1024])]);
      const before = est(estimateOp(direct, whContext({ ttMetalDate: '2025-12-01' })));
      assert.equal(before.cbBytesPerCore, 131_072);
      assert.equal(before.confidence, 'approx');
      assert.match(before.approxReason, /use_multicore defaulted to false before tt-metal PR #33365/);
      assert.equal(est(estimateOp(direct, whContext({ ttMetalDate: '2025-12-02' }))).confidence, 'exact');
    });

    it('tilize_with_val_padding falls back to single-core for a row over free L1 from PR #16633 until PR #17790', () => {
      // tilize_with_val_padding of [30, 8000] f32 → f32 tile [32, 8000]: Wt = 250, (4,096 + 4,096)·250 = 2,048,000 B
      // ≥ free L1 1,499,136 − 102,656 = 1,396,480 → !enough_space.
      // Before PR #16633 (2025-01-10): the tile-row factory, c_0 = c_16 = 250·4,096 = 1,024,000 → 2,048,000 B.
      // From it (2025-02-01): tilize_with_val_padding_single_core: max_tiles = ⌊⌊(749,568 − 102,656 − 32) / (4·64 + 4)⌋
      // / 32⌋ = ⌊⌊646,880 / 260⌋ / 32⌋ = ⌊2,488 / 32⌋ = 77; the largest divisor of 250 ≤ 77 is 50 → c_0 = c_16 =
      // 50·4,096 = 204,800 → 409,600 B on core (0,0). From PR #17790 (2025-02-28): the block factory.
      const direct = op(
        'ttnn.tilize_with_val_padding',
        [tensor([30, 8000], { page: 'row_major', dtype: 'f32' })],
        [tensor([30, 8000], { dtype: 'f32' })],
      );
      const ctx = (date: string) => whContext({ base: 102_656, ttMetalDate: date });
      const before = est(estimateOp(direct, ctx('2025-01-10')));
      assert.equal(before.factory, 'TilizeWithValPaddingMultiCoreInterleavedProgramFactory');
      assert.equal(before.cbBytesPerCore, 2_048_000);
      const fallback = est(estimateOp(direct, ctx('2025-02-01')));
      assert.equal(fallback.factory, 'TilizeWithValPaddingSingleCoreProgramFactory');
      assert.equal(fallback.cbBytesPerCore, 409_600);
      assert.equal(fallback.nCoresUsed, 1);
      assert.equal(fallback.confidence, 'exact');
      assert.ok(fallback.citations.some((c) => c.includes('PR #16633')));
      assert.equal(
        est(estimateOp(direct, ctx('2025-02-28'))).factory,
        'TilizeWithValPaddingMultiCoreBlockInterleavedProgramFactory',
      );
    });

    it('the block factories allocate the c_1 staging CB from PR #44307, unbudgeted until PR #50551', () => {
      // tilize_with_val_padding of [1, 1, 1, 9600] f32 → bf16: Wt = 300, Ht = 1; (4,096 + 2,048)·300 = 1,843,200 B over
      // free L1 1,499,136 − 103,712 = 1,395,424 → block factory. split_blocks_for_tilize_wh: 300 blocks over 64 cores →
      // 5 per core; √5 → 2 (2·2 ≠ 5), then the first c ≥ 3 with ⌈300 / c⌉·⌈1 / c⌉ < 64 is 5 (60 blocks): blocks of 5
      // tiles, within the sub-block limit ⌊1,395,424 / 6,144⌋ = 227 (and PR #50551's ⌊1,395,360 / 6,272⌋ = 222).
      // Ht = 1 < 5: every core a cliff_col core of width 5: c_0 = 5·4,096 = 20,480, c_16 = 5·2,048 = 10,240 → 30,720 B.
      // From PR #44307 (2026-06-01) c_1 = 4,096 / 32 · 5 + 2·32 (dram_alignment, Wormhole) = 704 beside them: 31,424 B,
      // also after PR #50551 (2026-07-22; its budget leaves the block at 5).
      const input = tensor([1, 1, 1, 9600], { page: 'row_major', dtype: 'f32' });
      const output = tensor([1, 1, 1, 9600], { dtype: 'bf16' });
      for (const name of ['ttnn.tilize_with_val_padding', 'ttnn.to_layout']) {
        const at = (date: string) =>
          est(estimateOp(op(name, [input], [output]), whContext({ base: 103_712, ttMetalDate: date })));
        const before = at('2026-05-30');
        assert.equal(before.factory, 'TilizeWithValPaddingMultiCoreBlockInterleavedProgramFactory', name);
        assert.equal(before.nCoresUsed, 60, name);
        assert.equal(before.worstCbBytesPerCore, 30_720, name);
        assert.ok(!before.cbs.some((c) => c.cbIndex === 'c_1'), name);
        const staged = at('2026-06-10');
        assert.equal(staged.worstCbBytesPerCore, 31_424, name);
        assert.ok(
          staged.cbs.some((c) => c.cbIndex === 'c_1' && c.totalBytes === 704),
          name,
        );
        assert.equal(staged.confidence, 'exact', name);
        assert.equal(at('2026-07-22').worstCbBytesPerCore, 31_424, name);
      }
    });
  });

  describe('L1 height-sharded input (the sharded factory, read span tilize-height-sharded-factory)', () => {
    // Row-major bf16 [1, 1, 256, W] height-sharded on 8 cores: shard [32, W]; the TILE result the same shard in tiles.
    const heightSharded = (w: number, page: 'tile' | 'row_major', buffer: 'l1' | 'dram' = 'l1') =>
      tensor([1, 1, 256, w], { page, buffer, mem: 'height_sharded', grid: [8, 1] });
    const toLayout = (w: number) => op('ttnn.to_layout', [heightSharded(w, 'row_major')], [heightSharded(w, 'tile')]);

    it('c_0 and c_16 are the input and output shards: no CB-region bytes, exact over the span', () => {
      // W = 64: shard [32, 64] = 1·2 = 2 tiles; c_0 = 2·2,048 (input buffer), c_16 = 2·2,048 (output buffer), both
      // bound to the tensors (tilize_multi_core_sharded's create_cb with the buffers) → 0 B of CBs.
      for (const window of [
        { earliest: '2025-01-01', latest: '2026-06-22' },
        { earliest: '2026-03-09', latest: '2026-06-23' },
      ]) {
        const e = est(estimateOp(toLayout(64), whContext({ window })));
        assert.equal(e.factory, 'TilizeMultiCoreShardedProgramFactory');
        assert.equal(e.cbBytesPerCore, 0);
        assert.deepEqual(
          e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes, c.tensorBacked]),
          [
            ['c_0', 2, 2_048, true],
            ['c_16', 2, 2_048, true],
          ],
        );
        assertExactUpToNewestRead(e, window);
      }
    });

    it('before tt-metal PR #17790 to_layout rejects a row over (l1_size/2 − base) / (T_in + T_out) tiles', () => {
      // base 102,656: (⌊1,499,136 / 2⌋ − 102,656) / (2,048 + 2,048) = 646,912 / 4,096 = 157.9 → 157 tiles.
      // W = 5,120: Wt = 160 > 157 → use_multicore false → the sharded validation's TT_FATAL("Error").
      const before = estimateOp(toLayout(5_120), whContext({ base: 102_656, ttMetalDate: '2025-02-27' }));
      assert.equal(before.kind, 'illegal');
      assert.match(before.kind === 'illegal' ? before.rule : '', /160 > 157 tiles/);
      // From 2025-02-28 to_layout passes use_multicore = true: the sharded factory (shard [32, 5,120] = 160 tiles).
      const after = est(estimateOp(toLayout(5_120), whContext({ base: 102_656, ttMetalDate: '2025-02-28' })));
      assert.equal(after.factory, 'TilizeMultiCoreShardedProgramFactory');
      assert.deepEqual(
        after.cbs.map((c) => [c.nPages, c.tensorBacked]),
        [
          [160, true],
          [160, true],
        ],
      );
      assert.equal(after.cbBytesPerCore, 0);
    });

    it('a tile row over free L1 keeps the sharded factory before tt-metal PR #47384 and is routed via DRAM from it', () => {
      // base 104,224: free L1 = 1,499,136 − 104,224 = 1,394,912; W = 11,008 → Wt = 344; (2,048 + 2,048)·344 =
      // 1,409,024 ≥ 1,394,912 → is_enough_space false.
      const ctx = (date: string) => whContext({ base: 104_224, ttMetalDate: date });
      const kept = est(estimateOp(toLayout(11_008), ctx('2026-06-22')));
      assert.equal(kept.factory, 'TilizeMultiCoreShardedProgramFactory');
      assert.equal(kept.cbBytesPerCore, 0);
      const routed = est(estimateOp(toLayout(11_008), ctx('2026-06-23')));
      assert.equal(routed.factory, 'TilizeMultiCoreBlockProgramFactory');
      assert.match(routed.factoryReason, /PR #47384/);
    });

    it("a shard not of whole tiles is to_layout's TT_THROW; a padded or non-height-sharded output is unmodeled", () => {
      // 256 rows (no padding) over 10 cores: shard [⌈256 / 10⌉, 64] = [26, 64], 26 not a multiple of 32.
      const odd = tensor([1, 1, 256, 64], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [10, 1] });
      const r = estimateOp(op('ttnn.to_layout', [odd], [heightSharded(64, 'tile')]), whContext());
      assert.equal(r.kind, 'illegal');
      assert.match(r.kind === 'illegal' ? r.rule : '', /multiple of TILE_SIZE/);
      const toInterleaved = op(
        'ttnn.to_layout',
        [heightSharded(64, 'row_major')],
        [tensor([1, 1, 256, 64], { buffer: 'l1' })],
      );
      assert.equal(estimateOp(toInterleaved, whContext()).kind, 'unmodeled');
    });
  });

  it('before tt-metal PR #17790 to_layout ran a row over its multicore limit single-core (interleaved)', () => {
    // base 102,656, bf16: limit = (⌊1,499,136 / 2⌋ − 102,656) / (2,048 + 2,048) = 646,912 / 4,096 → 157 tiles.
    // [32, 5,120]: Wt = 160 > 157 → use_multicore false → tilize_single_core: the largest divisor of 160 ≤ 157 is 80;
    // c_0 = c_16 = 80 · 2,048 = 163,840 → 327,680 B on core (0,0).
    const ctx = (date: string) => whContext({ base: 102_656, ttMetalDate: date });
    const wide = op('ttnn.to_layout', [tensor([32, 5_120], { page: 'row_major' })], [tensor([32, 5_120])]);
    const before = est(estimateOp(wide, ctx('2025-02-27')));
    assert.equal(before.factory, 'TilizeSingleCoreProgramFactory');
    assert.equal(before.cbBytesPerCore, 327_680);
    assert.deepEqual(before.reportedCore, [0, 0]);
    assert.equal(before.confidence, 'exact', before.approxReason);
    assert.notEqual(est(estimateOp(wide, ctx('2025-02-28'))).factory, 'TilizeSingleCoreProgramFactory');
    // [30, 5,100] pads to [32, 5,120] → tilize_with_val_padding single-core [10]: max_tiles = ⌊⌊(749,568 − 102,656 −
    // 32) / (2·64 + 2)⌋ / 32⌋ = ⌊4,976 / 32⌋ = 155 → the largest divisor of 160 ≤ 155 is 80: 327,680 B again.
    const padded = op('ttnn.to_layout', [tensor([30, 5_100], { page: 'row_major' })], [tensor([30, 5_100])]);
    const twvp = est(estimateOp(padded, ctx('2025-02-27')));
    assert.equal(twvp.factory, 'TilizeWithValPaddingSingleCoreProgramFactory');
    assert.equal(twvp.cbBytesPerCore, 327_680);
    // A row within the limit keeps the multi-core factory: [32, 4,096], Wt = 128 ≤ 157 → c_0 = c_16 = 128 tiles.
    const narrow = op('ttnn.to_layout', [tensor([32, 4_096], { page: 'row_major' })], [tensor([32, 4_096])]);
    assert.equal(est(estimateOp(narrow, ctx('2025-02-27'))).factory, 'TilizeMultiCoreInterleavedProgramFactory');
  });
});
