/**
 * The read spans behind reshape's `exact` (changePoints.ts READ_SPANS reshape-tiled-interleaved, reshape-rm-interleaved,
 * reshape-tiled-through-rm-2025) and the dtype rule the reading found (change point reshape-int32). Figures are worked
 * by hand from tt-metal's factories:
 *   - ReshapeTiledProgramFactory (reshape_tiled_program_factory.cpp@ed0a405 … @622c6fb): c_0 one mapping page of
 *     16 · (M + M mod 16) B, c_1 one input tile, c_2 one output tile;
 *   - ReshapeRMProgramFactory (reshape_rm_program_factory.cpp@ed0a405 … @622c6fb): c_0 = 2 · (floor64(src − 1) + 128),
 *     c_1 = floor64(dst − 1) + 80 (src, dst: row bytes), c_2 / c_3 of the same sizes from 51d87b0 when one row divides
 *     the other;
 *   - validate (reshape_device_operation.cpp): BFLOAT16, FLOAT32, UINT32, and INT32 from 76b41ae (2025-08-01).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import { op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r));
  return r as OpEstimate;
}

const on = (date: string) => whContext({ ttMetalDate: date });
const reshape = (from: number[], to: number[], o: Parameters<typeof tensor>[1] = {}) =>
  op('ttnn.reshape', [tensor(from, o)], [tensor(to, o)]);
const cites = (e: OpEstimate, span: string): boolean => e.citations.some((c) => c.startsWith(`read span ${span} `));
const reasonOf = (e: OpEstimate): string => (e.confidence === 'approx' ? e.approxReason : '');

describe('estimate/reshape: the tiled program on the builds of read span reshape-tiled-interleaved', () => {
  // [1, 20, 16] → [1, 40, 8]: every output row ho is input row ⌊ho/2⌋, cols 8·(ho mod 2)..+7; from one row to the next
  // the output offset jumps to the next face row while the input offset steps by one: a segment per row, 32 in output
  // tile 0 from the one input tile → M = 32, + 32 mod 16 = 32 entries · 16 B = 512 B (reshapeTiled.test.ts works it
  // element by element). bf16 tiles: 32 · 32 · 2 = 2,048 B.
  const tiled = reshape([1, 20, 16], [1, 40, 8]);

  it('inside the span (2026-04-15): 512 + 2,048 + 2,048 = 4,608 B, exact, cited by the span', () => {
    const e = est(estimateOp(tiled, on('2026-04-15')));
    assert.equal(e.cbBytesPerCore, 512 + 2_048 + 2_048);
    assert.equal(e.confidence, 'exact');
    assert.ok(cites(e, 'reshape-tiled-interleaved'));
  });

  it('on its first build (2025-04-17, ed0a405) exact; a window past its read end (to 2026-07-10) approx', () => {
    assert.equal(est(estimateOp(tiled, on('2025-04-17'))).confidence, 'exact');
    const window = { earliest: '2026-04-15', latest: '2026-07-10' };
    const past = est(estimateOp(tiled, whContext({ window })));
    assert.equal(past.cbBytesPerCore, 4_608);
    assert.deepEqual([past.confidence, reasonOf(past)], ['approx', pastNewestReadReason(window)]);
  });

  it('si32 tiles (4,096 B): illegal before PR #25585 (2025-07-31 build), 512 + 2 · 4,096 = 8,704 B after', () => {
    const si32 = reshape([1, 20, 16], [1, 40, 8], { dtype: 'si32' });
    const before = estimateOp(si32, on('2025-07-31'));
    assert.equal(before.kind, 'illegal');
    assert.match(
      before.kind === 'illegal' ? before.rule : '',
      /Can only work with bfloat16\/float32 or uint32 tensors/,
    );
    const after = est(estimateOp(si32, on('2025-08-01')));
    // The segment map depends on the shapes only: 512 B as for bf16; tiles of 32 · 32 · 4 B.
    assert.equal(after.cbBytesPerCore, 512 + 4_096 + 4_096);
    assert.equal(after.confidence, 'exact');
  });

  it('u16 and bfp_bf4 are refused by validate on every build', () => {
    for (const dtype of ['u16', 'bfp_bf4'] as const) {
      const r = estimateOp(reshape([1, 20, 16], [1, 40, 8], { dtype }), on('2026-04-15'));
      assert.equal(r.kind, 'illegal', dtype);
      assert.match(r.kind === 'illegal' ? r.rule : '', /int32\/uint32 tensors/);
    }
  });
});

describe('estimate/reshape: the row-major program on the builds of read span reshape-rm-interleaved', () => {
  // [4, 96] → [8, 48] bf16: src row 96 · 2 = 192 B, dst row 48 · 2 = 96 B.
  // c_0 = 2 · (floor64(191) + 128) = 2 · (128 + 128) = 512 B; c_1 = floor64(95) + 80 = 64 + 80 = 144 B.
  const rm = reshape([4, 96], [8, 48], { page: 'row_major' });

  it('2025-06-01 (before PR #28169): c_0 + c_1 = 512 + 144 = 656 B, exact, cited by the span', () => {
    const e = est(estimateOp(rm, on('2025-06-01')));
    assert.equal(e.cbBytesPerCore, 512 + 144);
    assert.equal(e.confidence, 'exact');
    assert.ok(cites(e, 'reshape-rm-interleaved'));
  });

  it('2026-04-15: 192 % 96 = 0 → the second instance adds c_2 = 512, c_3 = 144: 1,328 B, exact', () => {
    // program.cpp@622c6fb (allocate_circular_buffers) starts each CB at the previous end aligned to the DRAM alignment
    // (32 B on Wormhole): c_0 0..512, c_1 512..656, c_2 at align(656, 32) = 672..1,184, c_3 1,184..1,328.
    const e = est(estimateOp(rm, on('2026-04-15')));
    assert.equal(e.cbBytesPerCore, 672 + 512 + 144);
    assert.equal(e.confidence, 'exact');
  });

  it('a configured build before the span (2024-12-20) is approx for want of that reading, the figure the same', () => {
    const e = est(estimateOp(rm, on('2024-12-20')));
    assert.equal(e.cbBytesPerCore, 656);
    assert.equal(e.confidence, 'approx');
    assert.match(reasonOf(e), /row-major reshape was read at every build 2025-01-01\.\.2026-06-23/);
  });

  it('u8 rows are refused by validate ("bfloat16/float32 or uint32" before PR #25585)', () => {
    const r = estimateOp(reshape([4, 96], [8, 48], { page: 'row_major', dtype: 'u8' }), on('2025-06-01'));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /bfloat16\/float32 or uint32 tensors \(u8\)/);
  });
});

describe('estimate/reshape: the untilize / reshape / tilize route of read span reshape-tiled-through-rm-2025', () => {
  const tiled = reshape([1, 20, 16], [1, 40, 8]);

  it('inside the span (2025-03-01) the route is cited; before it (2024-12-20) approx for want of its reading', () => {
    const inside = est(estimateOp(tiled, on('2025-03-01')));
    assert.ok(cites(inside, 'reshape-tiled-through-rm-2025'));
    assert.doesNotMatch(reasonOf(inside), /route was read/);
    const before = est(estimateOp(tiled, on('2024-12-20')));
    assert.equal(before.confidence, 'approx');
    assert.match(
      reasonOf(before),
      /untilize \/ reshape \/ tilize route was read at every build 2025-01-01\.\.2025-04-16/,
    );
  });
});
