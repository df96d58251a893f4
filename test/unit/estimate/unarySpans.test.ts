/**
 * Unary ops on read spans unary-tile-interleaved / unary-tile-sharded, and binary ops with sharded tensors on read span
 * binary-sharded-tile-cbs (ops/eltwise.ts). Figures derived by hand from tt-metal's factories:
 *  - UnaryProgramFactory (unary_program_factory.cpp@aa5af61 … @aaca681): c_0 = 2 input tiles, c_2 = 2 output tiles,
 *    split_work_to_cores over the tiles; c_1 of 2 input tiles for CBRT from PR #28170 to PR #38279 (2ecbb1a,
 *    2026-02-24, which drops it).
 *  - UnaryShardedProgramFactory (unary_sharded_program_factory.cpp@aa5af61 … @aaca681): c_0 / c_2 set on the input /
 *    output buffers (no CB-region bytes); TT_FATAL "Input buffer should be in L1" for a DRAM shard.
 *  - unary_ng (PR #40294, 55e065a, 2026-03-27, for relu, cos, sin, silu, neg, hardsigmoid, …; PR #41001, aa301f4,
 *    2026-04-01, for sqrt, gelu, …): unary_ng_program_factory.cpp@55e065a binds c_0 / c_2 to the shards only when
 *    get_shard_specs holds (unary_ng_utils.cpp@55e065a: both sharded, the input and output even, neither in DRAM, one
 *    shard grid), else c_0 and c_2 are 2 tiles each; its validate lets the memory layouts differ.
 * Tile bytes: bf16 2,048, f32 4,096. No public thread prints a unary CB figure; the figures are by hand.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { TensorSpec } from '../../../server/src/ttnn/op';
import { assertExactUpToNewestRead, op, tensor, whContext } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const on = (date: string) => whContext({ ttMetalDate: date });
const window = (earliest: string, latest: string) => whContext({ window: { earliest, latest } });
const cites = (e: { citations: readonly string[] }, span: string) =>
  e.citations.some((c) => c.startsWith(`read span ${span}`));

const unary = (name: string, input: TensorSpec, output: TensorSpec = input) => op(name, [input], [output]);
const hs = (grid: [number, number], buffer: 'l1' | 'dram' = 'l1') => ({
  buffer,
  mem: 'height_sharded' as const,
  grid,
});

describe('estimate/unary on read span unary-tile-interleaved', () => {
  // bf16 1x1x64x1024 in DRAM: 2 · 32 = 64 tiles, one per core of the 8x8 grid.
  const relu = unary('ttnn.relu', tensor([1, 1, 64, 1024]));

  it('relu: c_0 2 · 2,048 + c_2 2 · 2,048 = 8,192 B, exact inside the span and cited by it', () => {
    const e = estimateOf(estimateOp(relu, on('2026-04-01')));
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed, e.confidence], [8_192, 64, 'exact']);
    assert.ok(cites(e, 'unary-tile-interleaved'));
    const early = estimateOf(estimateOp(relu, on('2025-01-02')));
    assert.deepEqual([early.cbBytesPerCore, early.confidence], [8_192, 'exact']);
  });

  it('a build before the span is approx; a window past its read end (622c6fb, 2026-06-23) is approx', () => {
    const before = estimateOf(estimateOp(relu, on('2024-12-01')));
    assert.equal(before.cbBytesPerCore, 8_192);
    assert.equal(before.confidence, 'approx');
    assert.match(
      before.approxReason,
      /read at every build 2025-01-01\.\.2026-06-23 \(read span unary-tile-interleaved\)/,
    );
    const past = { earliest: '2026-06-01', latest: '2026-07-15' };
    const e = estimateOf(estimateOp(relu, whContext({ window: past })));
    assert.equal(e.cbBytesPerCore, 8_192);
    assertExactUpToNewestRead(e, past);
    assert.equal(e.confidence, 'approx');
  });

  it('an op whose dispatch was not read (exp) and a row-major tensor stay approx with the same figure', () => {
    const exp = estimateOf(estimateOp(unary('ttnn.exp', tensor([1, 1, 64, 1024])), on('2026-04-01')));
    assert.equal(exp.cbBytesPerCore, 8_192);
    assert.equal(exp.confidence, 'approx');
    assert.match(exp.approxReason, /dispatch of exp .* was not read/);
    const rm = estimateOf(
      estimateOp(unary('ttnn.relu', tensor([1, 1, 64, 1024], { page: 'row_major' })), on('2026-04-01')),
    );
    assert.equal(rm.confidence, 'approx');
    assert.match(rm.approxReason, /row-major unary/);
  });

  it('a 2024 `#tt.layout` device tensor runs as tiles: f32 1x1x64x64 is 2 · 2 = 4 tiles on 4 cores, 16,384 B, exact', () => {
    // The dump's memref prints f32 scalars (the resnet_ttnn.mlir era); its ttnn.to_layout <tile> results are typed so.
    // c_0 2 · 4,096 + c_2 2 · 4,096 = 16,384 B; split_work_to_cores over 4 tiles: 4 cores (64 rows would give 64).
    const t = tensor([1, 1, 64, 64], { dtype: 'f32', page: 'row_major' });
    const ttLayout: TensorSpec = {
      ...t,
      layout: t.layout.kind === 'layout' ? { ...t.layout, syntax: 'tt_layout' } : t.layout,
    };
    const e = estimateOf(estimateOp(unary('ttnn.relu', ttLayout), on('2025-03-01')));
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed, e.confidence], [16_384, 4, 'exact']);
    assert.ok(cites(e, 'unary-tile-interleaved'));
  });

  it('cbrt: c_1 of 2 input tiles from PR #28170 until PR #38279 (2026-02-24): 12,288 B, then 8,192 B', () => {
    const cbrt = unary('ttnn.cbrt', tensor([1, 1, 64, 1024]));
    // 2026-01-01: c_0 2 + c_1 2 + c_2 2 tiles = 6 · 2,048 = 12,288 B.
    const before = estimateOf(estimateOp(cbrt, on('2026-01-01')));
    assert.equal(before.cbBytesPerCore, 12_288);
    // 2026-03-01: no c_1: 4 · 2,048 = 8,192 B.
    const after = estimateOf(estimateOp(cbrt, on('2026-03-01')));
    assert.equal(after.cbBytesPerCore, 8_192);
    // ttnn::cbrt's dispatch was not read build by build: approx at both.
    assert.deepEqual([before.confidence, after.confidence], ['approx', 'approx']);
    const range = estimateOf(estimateOp(cbrt, window('2026-01-01', '2026-03-01')));
    assert.deepEqual(
      range.versionRange?.figures.map((f) => (f.kind === 'estimate' ? f.cbBytesPerCore : f.kind)),
      [12_288, 8_192],
    );
  });
});

describe('estimate/unary on read span unary-tile-sharded', () => {
  // 1x1x256x64 bf16 height-sharded on 8 cores: 8 tile rows, shards of 1x2 tiles (even).
  const x = [1, 1, 256, 64];

  it('height-sharded alike: the old sharded factory and unary_ng both bind c_0 / c_2: 0 B, exact', () => {
    const relu = unary('ttnn.relu', tensor(x, hs([8, 1])));
    const old = estimateOf(estimateOp(relu, on('2026-03-01')));
    assert.deepEqual(
      [old.factory, old.cbBytesPerCore, old.nCoresUsed, old.confidence],
      ['UnaryShardedProgramFactory', 0, 8, 'exact'],
    );
    assert.ok(cites(old, 'unary-tile-sharded'));
    const ng = estimateOf(estimateOp(relu, on('2026-04-01')));
    assert.deepEqual([ng.factory, ng.cbBytesPerCore, ng.confidence], ['UnaryProgramFactory', 0, 'exact']);
    const past = { earliest: '2026-06-01', latest: '2026-07-15' };
    assertExactUpToNewestRead(estimateOf(estimateOp(relu, whContext({ window: past }))), past);
  });

  it('uneven shards: bound by the old factory (0 B), 2-tile CBs under unary_ng (8,192 B) from PR #40294', () => {
    // 1x1x96x64: 3 tile rows over 2 cores, shards of 2x2 tiles; 96 rows are not a multiple of the 64-row shard.
    const relu = unary('ttnn.relu', tensor([1, 1, 96, 64], hs([2, 1])));
    assert.equal(estimateOf(estimateOp(relu, on('2026-03-26'))).cbBytesPerCore, 0);
    // 2026-03-27: is_native_L1_sharding false: c_0 2 · 2,048 + c_2 2 · 2,048 = 8,192 B.
    const ng = estimateOf(estimateOp(relu, on('2026-03-27')));
    assert.deepEqual([ng.cbBytesPerCore, ng.confidence], [8_192, 'exact']);
    const range = estimateOf(estimateOp(relu, window('2026-03-06', '2026-05-05')));
    assert.equal(range.cbBytesPerCore, 8_192);
    assert.equal(range.confidence, 'exact');
  });

  it('a DRAM shard: TT_FATAL in the old sharded factory; unary_ng reads it through TensorAccessor, 8,192 B', () => {
    const sqrt = unary('ttnn.sqrt', tensor(x, hs([8, 1], 'dram')));
    const old = estimateOp(sqrt, on('2026-03-30'));
    assert.equal(old.kind, 'illegal');
    assert.match(old.kind === 'illegal' ? old.rule : '', /Input buffer should be in L1/);
    // sqrt moved to unary_ng with PR #41001 (2026-04-01).
    assert.equal(estimateOf(estimateOp(sqrt, on('2026-04-01'))).cbBytesPerCore, 8_192);
  });

  it('sharded in, interleaved out: legal for relu from PR #40294 (2026-03-27), for sqrt from PR #41001 (2026-04-01)', () => {
    const mixed = (name: string) => unary(name, tensor(x, hs([8, 1])), tensor(x, { buffer: 'l1' }));
    for (const [name, lastIllegal, firstLegal] of [
      ['ttnn.relu', '2026-03-26', '2026-03-27'],
      ['ttnn.sqrt', '2026-03-31', '2026-04-01'],
    ] as const) {
      const before = estimateOp(mixed(name), on(lastIllegal));
      assert.equal(before.kind, 'illegal', `${name} ${lastIllegal}`);
      assert.match(before.kind === 'illegal' ? before.rule : '', /Input and Output memory layout to match/);
      // get_shard_specs needs both sharded: c_0 and c_2 are 2 tiles: 8,192 B, on split_work_to_cores over 16 tiles.
      const e = estimateOf(estimateOp(mixed(name), on(firstLegal)));
      assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed, e.confidence], [8_192, 16, 'exact']);
    }
  });

  it("vovnet's width-sharded f32 hardsigmoid (1x1x1x256 on 1x8, even) across 2026-03-06..05-05: 0 B, exact", () => {
    // Padded 32x256: one 32x32 shard per core, the same grid in and out: bound before and after PR #40294.
    const t = tensor([1, 1, 1, 256], { dtype: 'f32', buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    const e = estimateOf(estimateOp(unary('ttnn.hardsigmoid', t), window('2026-03-06', '2026-05-05')));
    assert.deepEqual([e.cbBytesPerCore, e.confidence], [0, 'exact']);
    assert.ok(cites(e, 'unary-tile-sharded'));
  });
});

describe('estimate/binary on read span binary-sharded-tile-cbs', () => {
  const x = [1, 1, 256, 64];
  const alike = op('ttnn.add', [tensor(x, hs([8, 1])), tensor(x, hs([8, 1]))], [tensor(x, hs([8, 1]))]);

  it('a, b, c height-sharded alike: 0 B, exact and cited inside the span; approx before it and past its read end', () => {
    const e = estimateOf(estimateOp(alike, on('2026-05-01')));
    assert.deepEqual([e.cbBytesPerCore, e.confidence], [0, 'exact']);
    assert.ok(cites(e, 'binary-sharded-tile-cbs'));
    const before = estimateOf(estimateOp(alike, on('2025-10-14')));
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span binary-sharded-tile-cbs/);
    const past = { earliest: '2026-06-01', latest: '2026-07-15' };
    const late = estimateOf(estimateOp(alike, whContext({ window: past })));
    assertExactUpToNewestRead(late, past);
  });

  it('a row-major interleaved operand is approx; a 2024 `#tt.layout` one is tiles on span binary-interleaved-tile-cbs', () => {
    const rm = op(
      'ttnn.add',
      [tensor(x, { page: 'row_major' }), tensor(x, { page: 'row_major' })],
      [tensor(x, { page: 'row_major' })],
    );
    const e = estimateOf(estimateOp(rm, on('2026-05-01')));
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /row-major operand/);
    const asTtLayout = (t: TensorSpec): TensorSpec => ({
      ...t,
      layout: t.layout.kind === 'layout' ? { ...t.layout, syntax: 'tt_layout' } : t.layout,
    });
    // resnet_ttnn.mlir's add, 1x64x112x112 + 64x1x1 f32 on 2025-03-01: the legacy BroadcastHeightAndWidthMultiCore,
    // c_0, c_1, c_2 of 2 f32 tiles: 6 · 4,096 = 24,576 B, over 64 · 4 · 4 = 1,024 tiles on 64 cores.
    const add = op(
      'ttnn.add',
      [
        asTtLayout(tensor([1, 64, 112, 112], { dtype: 'f32', page: 'row_major' })),
        asTtLayout(tensor([64, 1, 1], { dtype: 'f32', page: 'row_major' })),
      ],
      [asTtLayout(tensor([1, 64, 112, 112], { dtype: 'f32', page: 'row_major' }))],
    );
    const r = estimateOf(estimateOp(add, on('2025-03-01')));
    assert.deepEqual([r.cbBytesPerCore, r.nCoresUsed, r.confidence], [24_576, 64, 'exact']);
    assert.ok(cites(r, 'binary-interleaved-tile-cbs'));
  });
});
