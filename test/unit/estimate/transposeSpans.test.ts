/**
 * ttnn.transpose / ttnn.permute on the builds of read spans transpose-tiled-interleaved, transpose-rm-before-permute,
 * permute-rm-factories and permute-tiled-factories (changePoints.ts READ_SPANS): `exact` inside, `approx` outside, and
 * the rules the reading found. WH n150 (8x8 grid, 32 B DRAM / 16 B L1 alignment, base 102,656, L1 1,499,136); figures
 * by hand from the tt-metal factories cited per test.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import { assertExactUpToNewestRead, int, ints, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r;
}

const on = (earliest: string, latest: string) => whContext({ window: { earliest, latest } });
const cites = (e: OpEstimate, span: string) => e.citations.some((c) => c.startsWith(`read span ${span} `));
const rm = (shape: number[], o: { dtype?: 'f32' | 'bf16'; buffer?: 'l1' | 'dram' } = {}) =>
  tensor(shape, { page: 'row_major', dtype: o.dtype ?? 'bf16', buffer: o.buffer });

describe('estimate/transpose: read span transpose-tiled-interleaved', () => {
  const wh = op('ttnn.transpose', [tensor([1, 1, 64, 128])], [tensor([1, 1, 128, 64])], {
    dim0: int(-2),
    dim1: int(-1),
  });

  it('tiled WH: c_0 + c_16 = 2 · 2,048 + 2 · 2,048 = 8,192 B, exact inside the span and cited by it', () => {
    // transpose_program_factory.cpp@416ce55 transpose_wh_multi_core (tiled: num_input_tiles = num_output_tiles = 2) …
    // transpose_wh_program_factory.cpp@622c6fb.
    const window = { earliest: '2025-01-01', latest: '2025-06-16' };
    const e = est(estimateOp(wh, whContext({ window })));
    assert.equal(e.factory, 'TransposeWHProgramFactory');
    assert.equal(e.cbBytesPerCore, 8_192);
    assertExactUpToNewestRead(e, window);
    assert.ok(cites(e, 'transpose-tiled-interleaved'));
  });

  it('tiled WH: approx on a window before the span and on one past 622c6fb', () => {
    const before = est(estimateOp(wh, on('2024-12-01', '2024-12-20')));
    assert.equal(before.cbBytesPerCore, 8_192);
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span transpose-tiled-interleaved/);
    const pastWindow = { earliest: '2026-07-01', latest: '2026-07-20' };
    const past = est(estimateOp(wh, whContext({ window: pastWindow })));
    assert.deepEqual([past.confidence, past.approxReason], ['approx', pastNewestReadReason(pastWindow)]);
  });

  it('tiled WH of a sharded input: approx (the sharded factories are not modeled)', () => {
    const sharded = tensor([1, 1, 64, 128], { buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const outSharded = tensor([1, 1, 128, 64], { buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const e = est(
      estimateOp(
        op('ttnn.transpose', [sharded], [outSharded], { dim0: int(-2), dim1: int(-1) }),
        on('2025-03-01', '2025-03-10'),
      ),
    );
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /sharded tiled WH/);
  });

  it('tiled HC with C = 28: c_0 2 · 2,048 + the one-face-row pad CB 16 · 2 = 32 B → 4,128 B, exact inside the span', () => {
    // transpose_hc_multi_core_tiled_interleaved@416ce55: needs_padding = C % 32 ≠ 0 and a pad value (0.0f default):
    // pad CB face_shape[1] · elem = 32 B, placed after c_0 at base + 4,096 (32-aligned): 4,128 B.
    const hc = op('ttnn.transpose', [tensor([1, 28, 64, 64])], [tensor([1, 64, 28, 64])], {
      dim0: int(1),
      dim1: int(2),
    });
    const e = est(estimateOp(hc, on('2025-03-01', '2025-06-16')));
    assert.equal(e.factory, 'TransposeHCTiledInterleavedProgramFactory');
    assert.equal(e.cbBytesPerCore, 4_128);
    assert.equal(e.confidence, 'exact');
    assert.ok(cites(e, 'transpose-tiled-interleaved'));
    const before = est(estimateOp(hc, on('2024-12-01', '2024-12-20')));
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span transpose-tiled-interleaved/);
  });
});

describe('estimate/transpose: read span transpose-rm-before-permute (2025-01-01 … 01-22)', () => {
  const firstDays = () => on('2025-01-01', '2025-01-02');

  it('row-major WH whose H · elem is not a multiple of 16 B runs the tiled path (FACE_WIDTH rule)', () => {
    // 1x1x3x224 f32: H · 4 = 12 B, not a multiple of FACE_WIDTH 16 → transpose.cpp@416ce55 sets tiled_only: to_layout
    // TILE, the tiled WH transpose (c_0 + c_16 = 4 · 4,096 = 16,384 B), to_layout ROW_MAJOR.
    const t = op('ttnn.transpose', [rm([1, 1, 3, 224], { dtype: 'f32' })], [rm([1, 1, 224, 3], { dtype: 'f32' })], {
      dim0: int(-2),
      dim1: int(-1),
    });
    const e = est(estimateOp(t, firstDays()));
    assert.notEqual(e.factory, 'TransposeWHRowMajorProgramFactory');
    assert.match(e.factoryReason, /tiled WH transpose: TransposeWHProgramFactory 16384 B/);
  });

  it('row-major WH that fits: the four CBs, exact inside the span; approx on a window reaching back before it', () => {
    // 1x2x64x96 bf16: Wt = 3, Ht = 2: c_0 2·3, c_16 2·2, c_24 3·2, c_25 2 tiles = 18 · 2,048 = 36,864 B.
    const t = op('ttnn.transpose', [rm([1, 2, 64, 96])], [rm([1, 2, 96, 64])], { dim0: int(-2), dim1: int(-1) });
    const e = est(estimateOp(t, firstDays()));
    assert.equal(e.factory, 'TransposeWHRowMajorProgramFactory');
    assert.equal(e.cbBytesPerCore, 36_864);
    assert.equal(e.confidence, 'exact');
    assert.ok(cites(e, 'transpose-rm-before-permute'));
    const before = est(estimateOp(t, on('2024-12-20', '2024-12-31')));
    assert.equal(before.cbBytesPerCore, 36_864);
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span transpose-rm-before-permute/);
  });

  it('row-major HC with W · elem aligned: the stick CB, exact inside the span, approx before it', () => {
    // transpose_hc_multi_core@416ce55 row-major: [1, 8, 64, 96] bf16 DRAM, 192 B sticks (a multiple of 32): N·C·H = 512
    // sticks over 64 cores = 8 each; c_0 = 8 · 192 = 1,536 B.
    const t = op('ttnn.transpose', [rm([1, 8, 64, 96])], [rm([1, 64, 8, 96])], { dim0: int(1), dim1: int(2) });
    const e = est(estimateOp(t, on('2025-01-03', '2025-01-22')));
    assert.equal(e.cbBytesPerCore, 1_536);
    assert.equal(e.confidence, 'exact');
    const before = est(estimateOp(t, on('2024-12-20', '2024-12-31')));
    assert.equal(before.confidence, 'approx');
  });
});

describe('estimate/permute: read spans permute-rm-factories and permute-tiled-factories', () => {
  it('row-major, last dim kept, L1 input: the page aligned to the L1 alignment (16), not the DRAM one', () => {
    // permute_rm_program_factory.cpp detail::page_size: round_up(W · elem, L1 alignment for an L1 buffer): 104 · 2 = 208
    // (a multiple of 16) → c_0 = 2 · 208 = 416 B. (The DRAM alignment would give 2 · 224 = 448.)
    const p = op('ttnn.permute', [rm([2, 3, 4, 104], { buffer: 'l1' })], [rm([3, 2, 4, 104], { buffer: 'l1' })], {
      permutation: ints(1, 0, 2, 3),
    });
    const e = est(estimateOp(p, on('2025-09-17', '2026-01-18')));
    assert.equal(e.factory, 'PermuteDeviceOperation::MultiCoreRowInvariant');
    assert.equal(e.cbBytesPerCore, 416);
    assert.equal(e.confidence, 'exact');
    assert.ok(cites(e, 'permute-rm-factories'));
    const before = est(estimateOp(p, on('2024-12-01', '2024-12-20')));
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span permute-rm-factories/);
  });

  it('TiledGeneric: no pad CB when only the new last dim is off the tile grid (needs_x_padding sets kernel args only)', () => {
    // 1x40x64x64 bf16 DRAM, perm (0,2,3,1): X = C = 40 (40 % 32 ≠ 0: needs_x_padding), new H = W = 64 (no
    // needs_y_padding). permute_tiled_program_factory.cpp@fb9f208 … @622c6fb creates c_3 under `if (needs_y_padding)`.
    // Page = 2,048 + max(0, 32 − 16 · 2) = 2,048; c_0..c_2 = 3 · 2 · 2,048 = 12,288 B.
    const p = op('ttnn.permute', [tensor([1, 40, 64, 64])], [tensor([1, 64, 64, 40])], {
      permutation: ints(0, 2, 3, 1),
    });
    const e = est(estimateOp(p, on('2025-09-17', '2026-01-18')));
    assert.equal(e.factory, 'PermuteDeviceOperation::MultiCoreTiledGeneric');
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.equal(e.confidence, 'exact');
    assert.ok(cites(e, 'permute-tiled-factories'));
    const pastWindow = { earliest: '2026-07-01', latest: '2026-07-20' };
    const past = est(estimateOp(p, whContext({ window: pastWindow })));
    assert.deepEqual([past.confidence, past.approxReason], ['approx', pastNewestReadReason(pastWindow)]);
  });
});
