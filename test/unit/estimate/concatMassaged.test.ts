/**
 * ttnn::concat's massaged path on the builds of read span concat-massaged-rm-path-2025 (concat.cpp@2edaca7 … @cdc0135):
 * tiled inputs padded along the concat dim are untilized whole and sliced to their logical shape, a last-dim concat of
 * rows that are not buffer-aligned is transposed (−2, −1) around the row-major concat, and the result is padded to whole
 * tiles and tilized. Figures derived by hand from the factories named in each case (WH n150, f32 tile 4,096 B, DRAM
 * alignment 32 B). The shapes are tt-mlir's llama_attention dumps' (their tt-metal window 2025-01-01..2025-06-16).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { assertExactUpToNewestRead, int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
// llama_attention's `%19 = ttnn.concat(%17, %17, %18) {dim = 2}`: two 1x12x50 inputs and, before tt-mlir PR #2308
// (2025-02-28), the 1x12x100 DPS output operand.
const llamaConcat = (withDpsOperand: boolean) =>
  op(
    'ttnn.concat',
    [f32([1, 12, 50]), f32([1, 12, 50]), ...(withDpsOperand ? [f32([1, 12, 100])] : [])],
    [f32([1, 12, 100])],
    { dim: int(2) },
  );
const at = (date: string) => whContext({ ttMetalDate: date });
// Two bf16 [1, 1, 20, 64] tiles on dim 2: heights off the tile grid.
const heightConcat = op('ttnn.concat', [tensor([1, 1, 20, 64]), tensor([1, 1, 20, 64])], [tensor([1, 1, 40, 64])], {
  dim: int(2),
});

describe('estimate/concat: the massaged row-major path (read span concat-massaged-rm-path-2025)', () => {
  it('runs ten programs in concat.cpp order, the DPS output operand not taken for an input', () => {
    const e = est(estimateOp(llamaConcat(true), at('2025-04-01')));
    const labels = /^10 programs run in turn \((.*)\); the/.exec(e.factoryReason)?.[1] ?? '';
    assert.deepEqual(
      labels.split('; ').map((s) => s.replace(/: .*$/, '')),
      [
        'untilize input 0',
        'slice input 0 to 1x12x50',
        'untilize input 1',
        'slice input 1 to 1x12x50',
        'transpose input 0 (−2, −1)',
        'transpose input 1 (−2, −1)',
        'row-major concat',
        'transpose the result back',
        'pad the result to whole tiles',
        'tilize_with_val_padding',
      ],
    );
  });

  it('2025-04-01: the pad to whole tiles is the largest program, 49,664 B, exact', () => {
    // pad_to_tile_vol: 1x12x100 row-major → 1x32x128 (ttnn::pad, multi-core, after PR #18370): stick = 128·4 = 512 B;
    // sticks per 2 KiB barrier from the 400 B input row: 0, 400, …, 2,000 → 6; c_0 = 16·6·512 = 49,152; c_1 = align(512,
    // 32) = 512; no front pad and 512 % 32 = 0 → no c_2: 49,664 B. The others are smaller: each untilize c_0 = c_16 = 2
    // f32 tiles (16,384 B), the tilize c_0 = c_16 = 4 tiles (32,768 B), the concat two 64 B pages of a 12-float row.
    const e = est(estimateOp(llamaConcat(false), at('2025-04-01')));
    assert.equal(e.cbBytesPerCore, 49_664);
    assert.match(e.factoryReason, /the largest is pad the result to whole tiles/);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it('2025-01-02 (before PR #16155): the row-major WH transpose back holds a whole HW plane, 73,728 B', () => {
    // transpose_wh_multi_core on a row-major 1x100x12 f32 (W·4 = 48 and H·4 = 400 multiples of 16, so transpose.cpp@416ce55
    // keeps the row-major factory): Ht = 4, Wt = 1 → c_0 = 2·Wt, c_16 = 2·Ht, c_24 = Ht·Wt, c_25 = Ht = 2 + 8 + 4 + 4 =
    // 18 f32 tiles = 73,728 B (transpose_program_factory.cpp@416ce55); the pad before PR #18370 holds one 512 B stick per
    // core and the pad-value row: 1,024 B.
    const e = est(estimateOp(llamaConcat(false), at('2025-01-02')));
    assert.equal(e.cbBytesPerCore, 73_728);
    assert.match(e.factoryReason, /the largest is transpose the result back/);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it('2025-01-01: tilize_with_val_padding called directly runs its single-core factory, Wt tiles each way', () => {
    // tilize_with_val_padding_single_core@d9304dd: max_tiles = ⌊⌊(1,499,136/2 − base − 32) / (4·64 + 4)⌋ / 32⌋ ≥ 78 > Wt
    // = 4 → c_0 = c_16 = 4 f32 tiles = 32,768 B on core (0,0).
    const e = est(estimateOp(llamaConcat(false), at('2025-01-01')));
    assert.match(e.factoryReason, /tilize_with_val_padding: TilizeWithValPaddingSingleCoreProgramFactory 32768 B/);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it('a tiled concat on dim −2 with a height off the tile grid goes through rows too, without transposes', () => {
    // build_untilize_rm_retilize_concat's predicate is logical[dim] ≠ padded[dim] for any tiled input: 20 ≠ 32. Two
    // untilizes and two slices, the concat, the pad of 40 rows to 64, the tilize: 7 programs.
    const e = est(estimateOp(heightConcat, at('2025-04-01')));
    assert.match(e.factoryReason, /^7 programs run in turn/);
    assert.doesNotMatch(e.factoryReason, /transpose/);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it('2026-06-20 and a window wholly past 622c6fb: the same four programs, 8,192 B (span read to 622c6fb)', () => {
    // concat.cpp from 58430ab (#46321) to 622c6fb adds only the chunking guard, not taken here (no transposes). As on
    // 2025-10-01: untilize_with_unpadding of each 1x1x20x64 bf16 (padded 1x1x32x64, Wt = 2): 2 · (2,048 + 2,048) =
    // 8,192 B; the concat of 128 B rows two pages, 256 B; tilize_with_val_padding of 1x1x40x64, Wt = 2: 8,192 B.
    for (const window of [
      { earliest: '2026-06-20', latest: '2026-06-20' },
      { earliest: '2026-07-10', latest: '2026-11-30' },
    ]) {
      const e = est(estimateOp(heightConcat, whContext({ window })));
      assert.match(e.factoryReason, /^4 programs run in turn/);
      assert.equal(e.cbBytesPerCore, 8_192);
      assertExactUpToNewestRead(e, window);
    }
  });
});

describe('estimate/concat: the massaged path with L1 operands', () => {
  const l1 = (shape: number[]) => tensor(shape, { dtype: 'f32', buffer: 'l1' });
  const l1Concat = op('ttnn.concat', [l1([1, 12, 50]), l1([1, 12, 50])], [l1([1, 12, 100])], { dim: int(2) });
  it('before tt-metal PR #17122 (2025-02-05) an L1 buffer took the DRAM alignment: approx', () => {
    const e = est(estimateOp(l1Concat, at('2025-02-04')));
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /PR #17122/);
  });
  it('from PR #17122 each buffer its own alignment: exact', () => {
    const e = est(estimateOp(l1Concat, at('2025-02-05')));
    assert.equal(e.confidence, 'exact', e.approxReason);
  });
});

// From tt-metal PR #26885 (29dcc7f, 2025-08-15) concat.cpp untilizes each padded tiled input with untilize_with_unpadding
// straight to its logical shape (in the input's own memory config: DRAM here) and tilizes the row-major result with
// tilize_with_val_padding to the tile-padded shape, no pad program; read at every commit to 622c6fb (read span
// concat-massaged-rm-path-2025-26, 2025-08-15..2026-06-23; 58430ab adds only PR #46321's chunking guard).
describe('estimate/concat: the massaged path from PR #26885 (read span concat-massaged-rm-path-2025-26)', () => {
  it("llama_attention's concat, 2025-10-01: seven programs, no slice or pad; the tilize 32,768 B is the largest, exact", () => {
    // untilize_with_unpadding of a 1x12x50 f32 tile tensor (padded 1x32x64, Wt = 2): c_0 = c_16 = 2 · 4,096 = 16,384 B.
    // The untilized rows (50 · 4 = 200 B) miss the 32 B DRAM alignment → the transposes (−2, −1) around the concat.
    // tilize_with_val_padding of the 1x12x100 result to 1x32x128: Wt = 4, c_0 = c_16 = 4 · 4,096 → 32,768 B.
    const e = est(estimateOp(llamaConcat(false), at('2025-10-01')));
    const labels = /^7 programs run in turn \((.*)\); the/.exec(e.factoryReason)?.[1] ?? '';
    assert.deepEqual(
      labels.split('; ').map((s) => s.replace(/: .*$/, '')),
      [
        'untilize_with_unpadding input 0',
        'untilize_with_unpadding input 1',
        'transpose input 0 (−2, −1)',
        'transpose input 1 (−2, −1)',
        'row-major concat',
        'transpose the result back',
        'tilize_with_val_padding',
      ],
    );
    assert.match(labels, /untilize_with_unpadding input 0: \S+ 16384 B/);
    assert.equal(e.cbBytesPerCore, 32_768);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it('two bf16 1x1x20x64 on dim 2, 2025-10-01: 8,192 B, exact', () => {
    // untilize_with_unpadding of each (padded 1x1x32x64, Wt = 2): 2 · (2,048 + 2,048) = 8,192 B; the row-major concat
    // of 128 B rows (aligned: no transposes) two pages, 256 B; tilize_with_val_padding of 1x1x40x64 → Wt = 2: 8,192 B.
    const e = est(estimateOp(heightConcat, at('2025-10-01')));
    assert.match(e.factoryReason, /^4 programs run in turn/);
    assert.match(e.factoryReason, /row-major concat: ConcatProgramFactory 256 B/);
    assert.equal(e.cbBytesPerCore, 8_192);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it("2026-06-12 (PR #46321's guard not taken): the seven programs, 32,768 B, exact", () => {
    // The guard needs the transposed page, dim[-2] · elem = 12 · 4 = 48 → 64 B aligned, above l1_size − base: no.
    const e = est(estimateOp(llamaConcat(false), at('2026-06-12')));
    assert.match(e.factoryReason, /^7 programs run in turn/);
    assert.equal(e.cbBytesPerCore, 32_768);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it("PR #46321's guard taken: the chunked path is not sized step by step (approx), before it the chain's page guard fails", () => {
    // f32 [1, 1, 349,184, 3] + [1, 1, 349,184, 1] on the last dim: 3 ≠ 32 padded, 12 B rows off the 32 B alignment →
    // the transposes; transposed page = 349,184 · 4 = 1,396,736 B > l1_size − base = 1,499,136 − 102,656 = 1,396,480.
    // chunk rows = ⌊⌊1,396,480 / (2 · 4)⌋ / 32⌋ · 32 = ⌊174,560 / 32⌋ · 32 = 174,560 → ⌈349,184 / 174,560⌉ = 3 chunks
    // (2 · 174,560 = 349,120 < 349,184).
    const big = (w: number) => f32([1, 1, 349_184, w]);
    const wide = op('ttnn.concat', [big(3), big(1)], [big(4)], { dim: int(3) });
    const chunked = est(estimateOp(wide, at('2026-06-12')));
    assert.equal(chunked.factory, 'ConcatProgramFactory');
    assert.match(chunked.factoryReason, /3 chunks of 174560 rows/);
    assert.equal(chunked.confidence, 'approx');
    // The day before, the massaged chain's row-major concat of the transposed rows meets PR #43898's page guard, the
    // failure #46321 fixes: 1,396,736 > 1,396,480.
    const before = estimateOp(wide, at('2026-06-11'));
    assert.equal(before.kind, 'illegal');
    assert.match(
      before.kind === 'illegal' ? before.rule : '',
      /page size \(1396736 B\) exceeds per-core L1 capacity \(1396480 B\)/,
    );
  });
});
