/**
 * tt-metal's 2026 codegen ports of data-movement ops (change points `untilize-codegen`, `untilize-native-output-tile-budget`,
 * `repeat-interleave-codegen`, `gather-codegen`). Expected figures are hand arithmetic from the factories the change
 * points cite, written out in each test; WH n150 (64 worker cores, l1_size 1,499,136 B, base 102,656 B given explicitly,
 * so 1,396,480 B above the base).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}

const base = 102_656;

describe('estimate/codegen ports of 2026', () => {
  describe('untilize codegen off the tile grid (tt-metal PR #50178 as merged: build_with_unpadding)', () => {
    // untilize_codegen_program_factory.cpp@ef10818 build_with_unpadding: the padded tile rows over the cores, p = Wt pages
    // per unit (no column split), both CBs in the bf16 input format, the same three depth tiers; PR #50178's routing
    // table keeps only non-tile-aligned bfp8 on native. Budget before PR #53399: 1,499,136 − 102,656 = 1,396,480.
    const unaligned = op('ttnn.untilize', [tensor([100, 3000])], [tensor([100, 3000], { page: 'row_major' })]);
    it('[100, 3000] bf16: 4 tile rows of Wt = 94 on 4 cores, both CBs double-buffered (770,048 B)', () => {
      // Padded [128, 3008]: Wt = 94, 4 tile rows; guard 2·94·2,048 = 385,024 ≤ 800,000. 4·94·2,048 = 770,048 ≤ 1,396,480
      // → c_0 = c_16 = 188 tiles · 2,048 = 385,024 B.
      const e = est(estimateOp(unaligned, whContext({ ttMetalDate: '2026-08-18', base })));
      assert.equal(e.factory, 'UntilizeCodegenProgramFactory');
      assert.equal(e.cbBytesPerCore, 770_048);
      assert.equal(e.nCoresUsed, 4);
    });
    it('one tile row off the grid keeps whole rows: [20, 3000] on one core (770,048 B), unlike the aligned column split', () => {
      // Non-aligned: p = Wt = 94 on the single tile row → 770,048 B on 1 core. The aligned [32, 3008] splits its 94
      // columns over 64 cores instead: p = ⌈94 / 64⌉ = 2 → 4·2·2,048 = 16,384 B.
      const row = est(
        estimateOp(
          op('ttnn.untilize', [tensor([20, 3000])], [tensor([20, 3000], { page: 'row_major' })]),
          whContext({ ttMetalDate: '2026-08-18', base }),
        ),
      );
      assert.equal(row.cbBytesPerCore, 770_048);
      assert.equal(row.nCoresUsed, 1);
      const aligned = est(
        estimateOp(
          op('ttnn.untilize', [tensor([32, 3008])], [tensor([32, 3008], { page: 'row_major' })]),
          whContext({ ttMetalDate: '2026-08-18', base }),
        ),
      );
      assert.equal(aligned.cbBytesPerCore, 16_384);
    });
    it('bfp8 off the grid, a row wider than the guard even on one tile row, and builds before PR #50178: native', () => {
      const bfp8 = op(
        'ttnn.untilize',
        [tensor([100, 3000], { dtype: 'bfp_bf8' })],
        [tensor([100, 3000], { page: 'row_major' })],
      );
      assert.notEqual(
        est(estimateOp(bfp8, whContext({ ttMetalDate: '2026-08-18', base }))).factory,
        'UntilizeCodegenProgramFactory',
      );
      // [20, 12800]: Wt = 400, 2·400·2,048 = 1,638,400 > 800,000 — the with-unpadding guard holds whatever the rows.
      const wide = op('ttnn.untilize', [tensor([20, 12800])], [tensor([20, 12800], { page: 'row_major' })]);
      assert.notEqual(
        est(estimateOp(wide, whContext({ ttMetalDate: '2026-08-18', base }))).factory,
        'UntilizeCodegenProgramFactory',
      );
      assert.notEqual(
        est(estimateOp(unaligned, whContext({ ttMetalDate: '2026-08-16', base }))).factory,
        'UntilizeCodegenProgramFactory',
      );
    });
    it('when no codegen plan fits the free L1, the Native tier is the unpadding program (300,000 B free → its block factory)', () => {
      // After PR #53399 the budget is the free L1: 1,499,136 − 1,096,480 − 102,656 = 300,000 < 2·94·2,048 = 385,024 → no
      // tier. build_native_equivalent (untilize_with_unpadding for an input off the grid): (2,048 + 2,048)·94 = 385,024 >
      // 300,000 → its block factory, not the plain untilize's.
      const e = est(estimateOp(unaligned, whContext({ ttMetalDate: '2026-08-22', base, live: 1_096_480 })));
      assert.equal(e.factory, 'UntilizeWithUnpaddingMultiCoreBlockInterleavedProgramFactory');
    });
    it('to_layout off the grid still runs untilize_with_unpadding (to_layout_impl never reaches ttnn::untilize there)', () => {
      const e = est(
        estimateOp(
          op('ttnn.to_layout', [tensor([100, 3000])], [tensor([100, 3000], { page: 'row_major' })]),
          whContext({ ttMetalDate: '2026-08-18', base }),
        ),
      );
      assert.match(e.factory, /^UntilizeWithUnpadding/);
    });
  });

  describe('untilize enough-space test of a bfp8 input (tt-metal PR #56280, ≈2026-09-23)', () => {
    // to_layout of [32, 1000] bfp8 to row-major: padded [32, 1024], Wt = 32, logical ≠ padded → untilize_with_unpadding.
    // 1,316,480 B of live L1 leave 1,499,136 − 1,316,480 − 102,656 = 80,000 B free.
    const logits = op(
      'ttnn.to_layout',
      [tensor([32, 1000], { dtype: 'bfp_bf8' })],
      [tensor([32, 1000], { page: 'row_major' })],
    );
    const live = 1_316_480;
    it('before it the output is sized at the input tile: (1,088 + 1,088)·32 = 69,632 < 80,000 → the tile-row factory (100,352 B)', () => {
      // Wt = 32 is not > 32, so no 2-D test: MultiCoreInterleaved, c_0 = 32·1,088 = 34,816, c_16 = 32·2,048 = 65,536.
      const e = est(estimateOp(logits, whContext({ ttMetalDate: '2026-09-01', base, live })));
      assert.equal(e.factory, 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory');
      assert.equal(e.cbBytesPerCore, 100_352);
    });
    it('from it at the bf16 output tile: (1,088 + 2,048)·32 = 100,352 > 80,000 → the block factory, within the free L1', () => {
      // Sub-block era: the block edge is capped at ⌊80,000 / 3,136⌋ = 25 tiles, so at most 25·3,136 = 78,400 B.
      const e = est(estimateOp(logits, whContext({ ttMetalDate: '2026-09-24', base, live })));
      assert.equal(e.factory, 'UntilizeWithUnpaddingMultiCoreBlockInterleavedProgramFactory');
      assert.ok(e.worstCbBytesPerCore <= 78_400, `${e.worstCbBytesPerCore}`);
    });
    it('a bf16 input is not asked about it (its output tile is its input tile)', () => {
      const bf16 = op('ttnn.to_layout', [tensor([32, 1000])], [tensor([32, 1000], { page: 'row_major' })]);
      const e = est(
        estimateOp(bf16, whContext({ window: { earliest: '2026-09-01', latest: '2026-09-30' }, base, live })),
      );
      assert.ok(!(e.versionRange?.changePoints ?? []).includes('untilize-native-output-tile-budget'));
    });
  });

  describe('gather codegen (tt-metal PR #52074, ≈2026-08-28)', () => {
    // gather_codegen_program_factory.cpp@1d7b315: P = 2,048 (bf16 tile), P_idx = 4,096 (u32 tile); row-buffered
    // footprint Wt_input·P + P_idx + max(4, Wt_index)·P against the free L1, else streaming.
    const gather = (inputW: number, indexW: number, dtype: 'bf16' | 'f32' = 'bf16') =>
      op(
        'ttnn.gather',
        [tensor([1, 1, 32, inputW], { dtype }), tensor([1, 1, 32, indexW], { dtype: 'u32' })],
        [tensor([1, 1, 32, indexW], { dtype })],
        { dim: int(-1) },
      );
    it('[1,1,32,2048] by a [1,1,32,64] index: row-buffered Tiled on 2 cores (143,360 B); native the day before (10,240 B)', () => {
      // Wt_input = 64, Wt_index = 2, Ht = 1: 64·2,048 + 4,096 + 4·2,048 = 143,360 ≤ 1,396,480; Wt_index ≥ 2 and Ht < 64 →
      // Tiled over Ht·Wt_index = 2 output tiles. Native (Wt_input > 60): 2·2,048 + 4,096 + 2,048 = 10,240.
      const e = est(estimateOp(gather(2048, 64), whContext({ ttMetalDate: '2026-08-29', base })));
      assert.equal(e.factory, 'GatherCodegenProgramFactoryTiled');
      assert.equal(e.cbBytesPerCore, 143_360);
      assert.equal(e.nCoresUsed, 2);
      const before = est(estimateOp(gather(2048, 64), whContext({ ttMetalDate: '2026-08-27', base })));
      assert.equal(before.factory, 'GatherProgramFactorySingleRowMultiCore');
      assert.equal(before.cbBytesPerCore, 10_240);
    });
    it('a vocabulary-wide row streams: [1,1,32,262144] by [1,1,32,32] → 631-tile blocks (1,298,432 B)', () => {
      // Wt_input = 8,192: the row-buffered plan needs 16.8 MB → streaming. affordable = ⌊(1,396,480 − 4,096 − 2,048) /
      // 2,048⌋ = 678; blocks = ⌈8,192 / 678⌉ = 13; chunk = ⌈8,192 / 13⌉ = 631: 631·2,048 + 4,096 + 2,048 = 1,298,432,
      // split over Wt_index = 1 → 1 core.
      const e = est(estimateOp(gather(262144, 32), whContext({ ttMetalDate: '2026-08-29', base })));
      assert.equal(e.factory, 'GatherCodegenProgramFactoryStreaming');
      assert.equal(e.cbBytesPerCore, 1_298_432);
      assert.equal(e.nCoresUsed, 1);
    });
    it('the streaming block shrinks with the live L1: 1,000,000 B live → 187-tile blocks (389,120 B)', () => {
      // free = 396,480: affordable = ⌊(396,480 − 6,144) / 2,048⌋ = 190; blocks = ⌈8,192 / 190⌉ = 44; chunk = ⌈8,192 / 44⌉
      // = 187: 187·2,048 + 6,144 = 389,120.
      const e = est(estimateOp(gather(262144, 32), whContext({ ttMetalDate: '2026-08-29', base, live: 1_000_000 })));
      assert.equal(e.cbBytesPerCore, 389_120);
    });
    it('an f32 input stays on the native factories', () => {
      const e = est(estimateOp(gather(2048, 64, 'f32'), whContext({ ttMetalDate: '2026-08-29', base })));
      assert.equal(e.factory, 'GatherProgramFactorySingleRowMultiCore');
    });
  });

  describe('repeat_interleave codegen (tt-metal PR #50700, ≈2026-08-27)', () => {
    // repeat_interleave_codegen_program_factory.cpp@03d0c73: one CB c_0 of kCbDepth = 8 pages (TILE: the tile aligned to
    // DRAM's 32 B; ROW_MAJOR: one W·elem stick), split_work_to_cores over the output pages.
    const ri = (
      shape: number[],
      outShape: number[],
      dim: number,
      repeats: number,
      o: Parameters<typeof tensor>[1] = {},
    ) =>
      op('ttnn.repeat_interleave', [tensor(shape, o)], [tensor(outShape, o)], { dim: int(dim), repeats: int(repeats) });
    it('TILE [2,4,64,128] bf16 along dim 1 ×3: 8 tiles (16,384 B) on 64 cores; bfp8: 8·1,088 = 8,704 B', () => {
      // 2·4·2·4 = 64 input tiles · 3 = 192 output tiles → 64 cores of 3.
      const e = est(estimateOp(ri([2, 4, 64, 128], [2, 12, 64, 128], 1, 3), whContext({ ttMetalDate: '2026-08-28' })));
      assert.equal(e.factory, 'RepeatInterleaveCodegenProgramFactory');
      assert.equal(e.cbBytesPerCore, 16_384);
      assert.equal(e.nCoresUsed, 64);
      const bfp8 = est(
        estimateOp(
          ri([2, 4, 64, 128], [2, 12, 64, 128], 1, 3, { dtype: 'bfp_bf8' }),
          whContext({ ttMetalDate: '2026-08-28' }),
        ),
      );
      assert.equal(bfp8.cbBytesPerCore, 8_704);
    });
    it('ROW_MAJOR [1,8,32,256] bf16 along dim 2 ×2: 8 sticks of 512 B (4,096 B)', () => {
      const e = est(
        estimateOp(
          ri([1, 8, 32, 256], [1, 8, 64, 256], 2, 2, { page: 'row_major' }),
          whContext({ ttMetalDate: '2026-08-28' }),
        ),
      );
      assert.equal(e.factory, 'RepeatInterleaveCodegenProgramFactory');
      assert.equal(e.cbBytesPerCore, 4_096);
    });
    it('out of scope (a tile dim, a 266 B stick) or before the PR: the native programs', () => {
      const tileDim = ri([2, 4, 64, 128], [2, 4, 192, 128], 2, 3);
      assert.notEqual(
        est(estimateOp(tileDim, whContext({ ttMetalDate: '2026-08-28' }))).factory,
        'RepeatInterleaveCodegenProgramFactory',
      );
      // 133·2 = 266 B is no multiple of the 32 B DRAM alignment.
      const odd = ri([1, 8, 32, 133], [1, 16, 32, 133], 1, 2, { page: 'row_major' });
      assert.notEqual(
        est(estimateOp(odd, whContext({ ttMetalDate: '2026-08-28' }))).factory,
        'RepeatInterleaveCodegenProgramFactory',
      );
      const early = ri([2, 4, 64, 128], [2, 12, 64, 128], 1, 3);
      assert.notEqual(
        est(estimateOp(early, whContext({ ttMetalDate: '2026-08-26' }))).factory,
        'RepeatInterleaveCodegenProgramFactory',
      );
    });
    it('a sharded result in its scope is unmodeled, with the reason', () => {
      const r = estimateOp(
        op(
          'ttnn.repeat_interleave',
          [tensor([2, 4, 64, 128])],
          [tensor([2, 12, 64, 128], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] })],
          { dim: int(1), repeats: int(3) },
        ),
        whContext({ ttMetalDate: '2026-08-28' }),
      );
      assert.equal(r.kind, 'unmodeled');
      assert.match(r.kind === 'unmodeled' ? r.reason : '', /sharded result/);
    });
  });
});
