/**
 * The read span behind the interleaved concat program's `exact` (changePoints.ts READ_SPANS concat-interleaved-factory)
 * and the rules its reading found. ConcatProgramFactory (concat_program_factory.cpp@2edaca7 … @622c6fb): c_0 of two
 * pages, a page one tile of the output's format, or for row-major align(elem · padded W, common_align_len) with
 * common_align_len = max(input 0's buffer alignment, the output's) from 8473c4d (PR #17122); before it every buffer took
 * the larger of the L1 and DRAM alignments. WH n150: L1 alignment 16 B, DRAM 32 B.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const on = (date: string) => whContext({ ttMetalDate: date });
const reasonOf = (e: OpEstimate): string => (e.confidence === 'approx' ? e.approxReason : '');

describe('estimate/concat: the interleaved program on the builds of read span concat-interleaved-factory', () => {
  // Two tiled [64, 1024] bf16 on dim 0 → [128, 1024]: c_0 = 2 pages · one bf16 tile (32 · 32 · 2 = 2,048 B) = 4,096 B.
  const tiled = op('ttnn.concat', [tensor([64, 1024]), tensor([64, 1024])], [tensor([128, 1024])], { dim: int(0) });

  it('inside the span (2026-04-15): 2 · 2,048 = 4,096 B, exact, cited by the span', () => {
    const e = est(estimateOp(tiled, on('2026-04-15')));
    assert.equal(e.cbBytesPerCore, 4_096);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span concat-interleaved-factory ')));
  });

  it('a configured build before it (2024-12-20) and a window past its read end (to 2026-07-10) are approx', () => {
    const before = est(estimateOp(tiled, on('2024-12-20')));
    assert.equal(before.cbBytesPerCore, 4_096);
    assert.match(reasonOf(before), /interleaved concat program was read at every build 2025-01-01\.\.2026-06-23/);
    const window = { earliest: '2026-04-15', latest: '2026-07-10' };
    const past = est(estimateOp(tiled, whContext({ window })));
    assert.deepEqual([past.confidence, reasonOf(past)], ['approx', pastNewestReadReason(window)]);
  });

  it('rank-1: row-major inputs with aligned rows run the program directly (exact); tiled ones are left out', () => {
    // [64] f32 rows of 256 B (a multiple of the 32 B DRAM alignment) → [128]: one output row, page 512 B, c_0 = 1,024 B.
    const rows = op(
      'ttnn.concat',
      [tensor([64], { page: 'row_major', dtype: 'f32' }), tensor([64], { page: 'row_major', dtype: 'f32' })],
      [tensor([128], { page: 'row_major', dtype: 'f32' })],
      { dim: int(0) },
    );
    const e = est(estimateOp(rows, on('2026-04-15')));
    assert.equal(e.cbBytesPerCore, 2 * 512);
    assert.equal(e.confidence, 'exact');
    const tiles = op('ttnn.concat', [tensor([64]), tensor([64])], [tensor([128])], { dim: int(0) });
    const r = estimateOp(tiles, on('2026-04-15'));
    assert.ok(r.kind !== 'estimate' || r.confidence === 'approx');
  });
});

describe('estimate/concat: the row-major page aligns to input 0 and the output only (common_align_len)', () => {
  // [32, 24] bf16 rows of 24 · 2 = 48 B, concatenated on dim 0 (no transpose): input 0 and the output in L1, input 1 in
  // DRAM. From 8473c4d: max(16, 16) = 16 → page align(48, 16) = 48 B, c_0 = 96 B (input 1's 32 B alignment plays no
  // part). Before it every buffer took max(16, 32) = 32: page align(48, 32) = 64 B, c_0 = 128 B.
  const mixed = op(
    'ttnn.concat',
    [tensor([32, 24], { page: 'row_major', buffer: 'l1' }), tensor([32, 24], { page: 'row_major', buffer: 'dram' })],
    [tensor([64, 24], { page: 'row_major', buffer: 'l1' })],
    { dim: int(0) },
  );

  it('2026-04-15: 2 · 48 = 96 B, exact', () => {
    const e = est(estimateOp(mixed, on('2026-04-15')));
    assert.equal(e.cbBytesPerCore, 96);
    assert.equal(e.confidence, 'exact');
  });

  it('2025-01-20 (before PR #17122): 2 · 64 = 128 B', () => {
    assert.equal(est(estimateOp(mixed, on('2025-01-20'))).cbBytesPerCore, 128);
  });
});

describe('estimate/concat: batches between PR #41073 and PR #42109 depend on the cluster', () => {
  // 48 tiled [32, 32] bf16 on dim 0: every program's c_0 is 2 · 2,048 = 4,096 B whatever the batching; from PR #41073
  // (2026-04-04) to PR #42109 (2026-04-14) the batch held 47 inputs on N300 / T3K and 49 on other clusters.
  const pieces = op(
    'ttnn.concat',
    Array.from({ length: 48 }, () => tensor([32, 32])),
    [tensor([1536, 32])],
    { dim: int(0) },
  );

  it('2026-04-10: 4,096 B, approx (the cluster is not known); 2026-04-20: exact', () => {
    const april10 = est(estimateOp(pieces, on('2026-04-10')));
    assert.equal(april10.cbBytesPerCore, 4_096);
    assert.match(reasonOf(april10), /47 inputs on N300 \/ T3K clusters .* and 49 on the others until PR #42109/);
    const april20 = est(estimateOp(pieces, on('2026-04-20')));
    assert.equal(april20.cbBytesPerCore, 4_096);
    assert.equal(april20.confidence, 'exact');
  });
});

describe('estimate/concat: interleaved inputs into a sharded output (tt-metal PR #41566)', () => {
  // Two DRAM-interleaved tiled [64, 1024] bf16 on dim 0 into an L1 height-sharded [128, 1024] over 4 cores.
  const intoSharded = op(
    'ttnn.concat',
    [tensor([64, 1024]), tensor([64, 1024])],
    [tensor([128, 1024], { buffer: 'l1', mem: 'height_sharded', grid: [4, 1] })],
    { dim: int(0) },
  );

  it("refused from f11fd1a (2026-04-17) in validate's words; before it approx, not exact", () => {
    const after = estimateOp(intoSharded, on('2026-04-20'));
    assert.equal(after.kind, 'illegal');
    assert.match(
      after.kind === 'illegal' ? after.rule : '',
      /^Cannot concat interleaved inputs into a sharded output\./,
    );
    const before = est(estimateOp(intoSharded, on('2026-04-10')));
    assert.equal(before.confidence, 'approx');
    assert.match(reasonOf(before), /interleaved inputs into a sharded output: before tt-metal PR #41566/);
  });
});
