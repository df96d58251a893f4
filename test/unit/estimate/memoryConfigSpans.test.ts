/**
 * to_memory_config's interleaved_to_sharded and sharded_to_interleaved programs on the builds of read spans
 * i2s-l1-shard and s2i-l1-shard (changePoints.ts READ_SPANS): `exact` inside them, `approx` outside, and `approx` for
 * row-major shards their validation refuses. WH n150 (8x8 grid, 32 B DRAM / 16 B L1 alignment, base 102,656); figures
 * by hand from interleaved_to_sharded_program_factory.cpp / sharded_to_interleaved_program_factory.cpp (cited per test).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import { assertExactUpToNewestRead, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r;
}

const on = (earliest: string, latest: string) => whContext({ window: { earliest, latest } });
const cites = (e: OpEstimate, span: string) => e.citations.some((c) => c.startsWith(`read span ${span} `));

describe('estimate/to_memory_config: read spans i2s-l1-shard and s2i-l1-shard', () => {
  // 1x8x64x128 bf16 tiles: 8·2·4 = 64 tiles; height-sharded over 8 cores → 8 tiles (2x4) per shard.
  const dramTiles = tensor([1, 8, 64, 128]);
  const l1Shard = tensor([1, 8, 64, 128], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
  const i2s = op('ttnn.to_memory_config', [dramTiles], [l1Shard]);
  const s2i = op('ttnn.to_memory_config', [l1Shard], [tensor([1, 8, 64, 128], { dtype: 'f32' })]);

  it('interleaved → L1 shard (tiles): exact on a window inside the span, cited by it', () => {
    // interleaved_to_sharded_program_factory.cpp@3ae3181 … @c35459c: the output CB is the shard (bound, 0 B);
    // keep_l1_aligned is forced on, so the c_1 scratch is 4 · align(2,048 + 32, 32) = 4 · 2,080 = 8,320 B.
    const window = { earliest: '2026-03-06', latest: '2026-05-05' };
    const e = est(estimateOp(i2s, whContext({ window })));
    assert.equal(e.factory, 'InterleavedToShardedProgramFactory');
    assert.equal(e.cbBytesPerCore, 8_320);
    assertExactUpToNewestRead(e, window);
    assert.ok(cites(e, 'i2s-l1-shard'));
  });

  it('interleaved → L1 shard: approx on a window past the span (after 622c6fb) and on one before it', () => {
    // Past 2026-06-23 the registry's withinReadBuilds rule answers; the figure is the same 8,320 B.
    const pastWindow = { earliest: '2026-07-01', latest: '2026-08-01' };
    const past = est(estimateOp(i2s, whContext({ window: pastWindow })));
    assert.equal(past.cbBytesPerCore, 8_320);
    assert.deepEqual([past.confidence, past.approxReason], ['approx', pastNewestReadReason(pastWindow)]);
    // Before the span (2024-12): the factory then had the 2024 scratch rule (DRAM source, 2,048 % 32 = 0 → none).
    const before = est(estimateOp(i2s, on('2024-12-01', '2024-12-20')));
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read at every build 2025-01-01\.\.2026-06-23 \(read span i2s-l1-shard\)/);
  });

  it('L1 shard → interleaved with a dtype change (tiles): exact inside s2i-l1-shard, approx before it', () => {
    // sharded_to_interleaved_program_factory.cpp@416ce55 … @4b30829: c_0 bound to the input shard (0 B), c_16 = 8
    // tiles · align(4,096, 32) = 32,768 B for the f32 output.
    const window = { earliest: '2025-01-01', latest: '2025-06-16' };
    const e = est(estimateOp(s2i, whContext({ window })));
    assert.equal(e.factory, 'ShardedToInterleavedProgramFactory');
    assert.equal(e.cbBytesPerCore, 32_768);
    assertExactUpToNewestRead(e, window);
    assert.ok(cites(e, 's2i-l1-shard'));
    const before = est(estimateOp(s2i, on('2024-12-01', '2025-02-01')));
    assert.equal(before.cbBytesPerCore, 32_768);
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span s2i-l1-shard/);
  });

  it('a row-major shard row the validation refuses (36 bf16 = 72 B, not a multiple of 16): approx in every build', () => {
    // interleaved_to_sharded_op.cpp validate: shard_spec.shape[1] · element_size % L1 alignment == 0 (TT_FATAL; from
    // 1ed3656 validate_inputs false → ttnn::copy). The factory's figure stays: unit 36 · 2 = 72 B from DRAM;
    // 2026-03 (@3ae3181): scratch 4 · align(72 + 32, 32) = 4 · 128 = 512 B, the output CB bound to the shard.
    const rmShard = tensor([64, 36], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const refused = op('ttnn.to_memory_config', [tensor([64, 36], { page: 'row_major' })], [rmShard]);
    const e = est(estimateOp(refused, on('2026-03-06', '2026-03-20')));
    assert.equal(e.cbBytesPerCore, 512);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /the row-major shard row \(72 B\) is not a multiple of the L1 alignment \(16 B\)/);
    // 40 bf16 = 80 B passes (80 = 5 · 16): 4 · align(80 + 32, 32) = 4 · 128 = 512 B, exact.
    const passes = op(
      'ttnn.to_memory_config',
      [tensor([64, 40], { page: 'row_major' })],
      [tensor([64, 40], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [8, 1] })],
    );
    const ok = est(estimateOp(passes, on('2026-03-06', '2026-03-20')));
    assert.equal(ok.cbBytesPerCore, 512);
    assert.equal(ok.confidence, 'exact');
  });

  it('a DRAM-sharded input to sharded_to_interleaved: approx, its validation wants an L1 input', () => {
    const dramShard = tensor([1, 8, 64, 128], { buffer: 'dram', mem: 'height_sharded', grid: [8, 1] });
    const s2iDram = op('ttnn.to_memory_config', [dramShard], [tensor([1, 8, 64, 128])]);
    const e = est(estimateOp(s2iDram, on('2026-03-06', '2026-03-20')));
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /rejects a DRAM-sharded input/);
  });
});

describe('estimate/to_memory_config: interleaved → interleaved copy (read span copy-tile-interleaved)', () => {
  it('TILE bf16 DRAM → f32 L1: c_0 2 · 2,048 + c_16 2 · 4,096 = 12,288 B, exact inside the span, approx before it', () => {
    // copy_program_factory.cpp@416ce55 … copy_same_memory_config / default_tilized_program_factory.cpp@622c6fb:
    // num_input_units = 2 input tiles, and on a dtype change num_output_units = 2 output tiles.
    const copy = op(
      'ttnn.to_memory_config',
      [tensor([1, 1, 64, 64])],
      [tensor([1, 1, 64, 64], { buffer: 'l1', dtype: 'f32' })],
    );
    const window = { earliest: '2026-03-06', latest: '2026-05-05' };
    const e = est(estimateOp(copy, whContext({ window })));
    assert.equal(e.cbBytesPerCore, 12_288);
    assertExactUpToNewestRead(e, window);
    assert.ok(cites(e, 'copy-tile-interleaved'));
    const before = est(estimateOp(copy, on('2024-12-01', '2024-12-20')));
    assert.equal(before.cbBytesPerCore, 12_288);
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span copy-tile-interleaved/);
  });

  it('row-major L1 → DRAM, 40 bf16 wide (80 B rows): round_up(80, 32) = 96 before PR #29189, align(80, L1 16) = 80 after', () => {
    // copy_program_factory.cpp@9f264de~1: c_0 = 2 · round_up_to_mul32(80) = 192 B; @9f264de: 2 · align(80, 16) = 160 B
    // (the input buffer is L1). Both before PR #40964, which sends differing memory configs to the default program.
    const copy = op(
      'ttnn.to_memory_config',
      [tensor([64, 40], { page: 'row_major', buffer: 'l1' })],
      [tensor([64, 40], { page: 'row_major' })],
    );
    assert.equal(est(estimateOp(copy, on('2025-06-01', '2025-06-01'))).cbBytesPerCore, 192);
    assert.equal(est(estimateOp(copy, on('2025-12-01', '2025-12-01'))).cbBytesPerCore, 160);
  });
});
