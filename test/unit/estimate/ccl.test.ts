/**
 * Multi-device (CCL) family: per-device worker CBs of all_gather, reduce_scatter, all_reduce and point_to_point, their
 * composite / illegal / out-of-era cases, the scatter-write change point, and the real corpus dump
 * test/ttmlir/Dialect/TTNN/perf_targets/flops_ccl_reduce.mlir (tt-mlir 19c86fc; license note in
 * test/fixtures/corpus/SOURCE.md). Expected figures are derived by hand from the factories cited in ops/ccl.ts.
 *
 * Shared arithmetic: fabric channel buffer C = 4,352 B payload (tile_size(Bfp8_b)·4) + 64 B header = 4,416 B (the
 * header of builds before tt-metal PR #34976, NOV_2025; 48 B after it, 4,400 B, which gives the same P); pages per
 * packet P = ⌊4,416 / tile bytes⌋: bf16 2,048 → 2, f32 4,096 → 1, bfp8 1,088 → 4, bfp4 576 → 7.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import type { DataType } from '../../../server/src/ttnn/dtype';
import type { PropValue } from '../../../server/src/ttnn/op';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : r.rule}`);
  return r as OpEstimate;
}

const topology = (name: 'ring' | 'linear'): PropValue => ({
  kind: 'dialect',
  name: 'ttcore.topology',
  text: `#ttcore.topology<${name}>`,
  items: [name],
  fields: {},
});

/** A build after the ND entry points and before the scatter-write change (the goldens' tt-metal, 2025-11-27). */
const NOV_2025 = whContext();
/** After tt-metal PR #32395 (4-chunk scatter writes), before the all_gather rewrite (PR #48301). */
const JAN_2026 = whContext({ ttMetalDate: '2026-01-15' });

function allGather(
  inShape: number[],
  outShape: number[],
  dim: number,
  dtype: DataType = 'bf16',
  page: 'tile' | 'row_major' = 'tile',
) {
  return op('ttnn.all_gather', [tensor(inShape, { dtype, page })], [tensor(outShape, { dtype, page })], {
    all_gather_dim: int(dim),
    cluster_axis: int(1),
  });
}

function reduceScatter(
  inShape: number[],
  outShape: number[],
  dim: number,
  dtype: DataType = 'bf16',
  extra: Record<string, PropValue> = {},
) {
  return op('ttnn.reduce_scatter', [tensor(inShape, { dtype })], [tensor(outShape, { dtype })], {
    scatter_dim: int(dim),
    cluster_axis: int(1),
    ...extra,
  });
}

describe('estimate/ccl', () => {
  describe('all_gather (minimal default all_gather_async)', () => {
    it('bf16 tiles: c_0 = 3·min(2, 2) tiles = 12,288 B per worker core', () => {
      // P = 2, min(M = 2, 2) = 2 tiles per packet, triple-buffered: 6 · 2,048 = 12,288.
      const e = est(estimateOp(allGather([1, 1, 256, 128], [1, 1, 256, 512], 3), NOV_2025));
      assert.deepEqual(
        e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
        [['c_0', 6, 2048]],
      );
      assert.equal(e.worstCbBytesPerCore, 12_288);
      assert.equal(e.cbRegionEndBytes, 102_656 + 12_288);
      assert.equal(e.confidence, 'approx');
    });

    it('bfp8 tiles double across tt-metal PR #32395 (2 → 4 scatter-write chunks)', () => {
      // P = ⌊4,416 / 1,088⌋ = 4. Before: min(2, 4) = 2 → 6 · 1,088 = 6,528; after: min(4, 4) = 4 → 12 · 1,088 = 13,056.
      const o = allGather([1, 1, 32, 1024], [1, 1, 32, 2048], 3, 'bfp_bf8');
      assert.equal(est(estimateOp(o, NOV_2025)).worstCbBytesPerCore, 6_528);
      assert.equal(est(estimateOp(o, JAN_2026)).worstCbBytesPerCore, 13_056);
      const straddle = est(estimateOp(o, whContext({ window: { earliest: '2025-11-01', latest: '2026-01-31' } })));
      assert.equal(straddle.worstCbBytesPerCore, 13_056);
      // The window also straddles fabric-1d-header-by-system-size (≈2026-01-08): P = ⌊(4,352 + 48) / 1,088⌋ = 4 still.
      assert.deepEqual(
        straddle.versionRange?.figures.map((f) => f.worstCbBytesPerCore),
        [6_528, 13_056, 13_056],
      );
      assert.ok(straddle.versionRange?.changePoints.includes('ccl-scatter-write-4-chunks'));
    });

    it('f32 tiles: one tile per packet whatever the chunk limit (3 · 4,096 = 12,288 B)', () => {
      const o = allGather([1, 1, 64, 64], [1, 1, 128, 64], 2, 'f32');
      assert.equal(est(estimateOp(o, NOV_2025)).worstCbBytesPerCore, 12_288);
      assert.equal(est(estimateOp(o, JAN_2026)).worstCbBytesPerCore, 12_288);
    });

    it('an L1 result is counted as an L1 tensor, not as CBs', () => {
      const l1 = op('ttnn.all_gather', [tensor([1, 1, 64, 64])], [tensor([1, 1, 64, 256], { buffer: 'l1' })], {
        all_gather_dim: int(3),
        cluster_axis: int(1),
      });
      const e = est(estimateOp(l1, NOV_2025));
      // 64x256 bf16 = 2 · 8 = 16 tiles over 64 L1 banks → one 2,048 B page per bank.
      assert.equal(e.l1TensorBytesPerCore, 2_048);
      assert.equal(e.worstCbBytesPerCore, 12_288);
    });

    it('row-major or padded gather dims run the composite (unmodeled, never a figure)', () => {
      const rm = estimateOp(allGather([1, 1, 32, 64], [1, 1, 32, 128], 3, 'bf16', 'row_major'), NOV_2025);
      assert.equal(rm.kind, 'unmodeled');
      assert.match(rm.kind === 'unmodeled' ? rm.reason : '', /composite/);
      // tt-metal issue #42635 (2026-04-18): per-device 128x25136 f32 tiles gathered on dim 1 over 8 devices ran out of
      // L1; 25,136 % 32 = 16, so ttnn::all_gather took the composite path, which this model does not size.
      const thread = estimateOp(
        allGather([128, 25136], [128, 201088], 1, 'f32'),
        whContext({ ttMetalDate: '2026-04-18' }),
      );
      assert.equal(thread.kind, 'unmodeled');
      assert.match(thread.kind === 'unmodeled' ? thread.reason : '', /padded inside a tile/);
    });

    it('one device along the axis is what tt-metal rejects', () => {
      const r = estimateOp(allGather([1, 1, 32, 64], [1, 1, 32, 64], 3), NOV_2025);
      assert.equal(r.kind, 'illegal');
      assert.match(r.kind === 'illegal' ? r.rule : '', /num_devices > 1/);
    });

    it('outside the modeled factory era it is unmodeled with the change point named', () => {
      const o = allGather([1, 1, 256, 128], [1, 1, 256, 512], 3);
      const before = estimateOp(o, whContext({ ttMetalDate: '2025-06-01' }));
      assert.equal(before.kind, 'unmodeled');
      assert.match(before.kind === 'unmodeled' ? before.reason : '', /#30998/);
      const after = estimateOp(o, whContext({ ttMetalDate: '2026-08-20' }));
      assert.equal(after.kind, 'unmodeled');
      assert.match(after.kind === 'unmodeled' ? after.reason : '', /#48301/);
    });
  });

  describe('reduce_scatter (reduce_scatter_minimal_async)', () => {
    it('bf16: four CBs of 3·8 tiles = 196,608 B per worker core', () => {
      // Line g = min(4·2, 8) = 8; ring n = min(2, 2) = 2 → g = 4·2 = 8. 4 CBs · 24 · 2,048 = 196,608.
      const e = est(estimateOp(reduceScatter([1, 1, 256, 128], [1, 1, 256, 32], 3), NOV_2025));
      assert.deepEqual(
        e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
        [
          ['c_0', 24, 2048],
          ['c_1', 24, 2048],
          ['c_2', 24, 2048],
          ['c_3', 24, 2048],
        ],
      );
      assert.equal(e.worstCbBytesPerCore, 196_608);
    });

    it('f32: granularity 4 (one tile per packet): 4 · 12 · 4,096 = 196,608 B', () => {
      assert.equal(
        est(estimateOp(reduceScatter([1, 1, 64, 256], [1, 1, 64, 64], 3, 'f32'), NOV_2025)).worstCbBytesPerCore,
        196_608,
      );
    });

    it('bfp8 and bfp4 cap the granularity at 8 in both eras and topologies', () => {
      // bfp8: P = 4, line min(16, 8) = 8, ring n = 2 (then 4) → 8: 4 · 24 · 1,088 = 104,448.
      // bfp4: P = 7, line 8, ring n = 2 (then 4) → 8: 4 · 24 · 576 = 55,296.
      for (const ctx of [NOV_2025, JAN_2026]) {
        const topologies: Record<string, PropValue>[] = [
          {},
          { topology: topology('ring') },
          { topology: topology('linear') },
        ];
        for (const t of topologies) {
          assert.equal(
            est(estimateOp(reduceScatter([1, 1, 64, 256], [1, 1, 64, 128], 3, 'bfp_bf8', t), ctx)).worstCbBytesPerCore,
            104_448,
          );
          assert.equal(
            est(estimateOp(reduceScatter([1, 1, 64, 256], [1, 1, 64, 128], 3, 'bfp_bf4', t), ctx)).worstCbBytesPerCore,
            55_296,
          );
        }
      }
    });

    it('a slice padded inside a tile, or a row-major input, runs the composite (unmodeled)', () => {
      // 96 / 2 = 48 columns per device: 48 % 32 != 0.
      const padded = estimateOp(reduceScatter([1, 1, 32, 96], [1, 1, 32, 48], 3), NOV_2025);
      assert.equal(padded.kind, 'unmodeled');
      const rm = estimateOp(
        op(
          'ttnn.reduce_scatter',
          [tensor([1, 1, 32, 128], { page: 'row_major' })],
          [tensor([1, 1, 32, 64], { page: 'row_major' })],
          { scatter_dim: int(3) },
        ),
        NOV_2025,
      );
      assert.equal(rm.kind, 'unmodeled');
      assert.match(rm.kind === 'unmodeled' ? rm.reason : '', /composite/);
    });

    it('is unmodeled before the N-D entry point (tt-metal PR #30887)', () => {
      const r = estimateOp(
        reduceScatter([1, 1, 256, 128], [1, 1, 256, 32], 3),
        whContext({ ttMetalDate: '2025-09-01' }),
      );
      assert.equal(r.kind, 'unmodeled');
      assert.match(r.kind === 'unmodeled' ? r.reason : '', /#30887/);
    });
  });

  describe('all_reduce (reduce_scatter then all_gather)', () => {
    it('the reduce-scatter step dominates: 196,608 B for bf16, also after the all_gather rewrite', () => {
      const o = op('ttnn.all_reduce', [tensor([1, 1, 256, 128])], [tensor([1, 1, 256, 128])], { cluster_axis: int(1) });
      assert.equal(est(estimateOp(o, NOV_2025)).worstCbBytesPerCore, 196_608);
      const late = est(estimateOp(o, whContext({ ttMetalDate: '2026-08-20' })));
      assert.equal(late.worstCbBytesPerCore, 196_608);
      assert.match(late.approxReason, /#48301/);
    });

    it('a single-tile tensor has no dim to scatter: the composite all_gather + local sum (unmodeled)', () => {
      // finding_scatter_dim over tile extents [1, 1, 1, 1] finds no dim a ring of ≥ 2 divides.
      const r = estimateOp(
        op('ttnn.all_reduce', [tensor([1, 1, 32, 32])], [tensor([1, 1, 32, 32])], { cluster_axis: int(1) }),
        NOV_2025,
      );
      assert.equal(r.kind, 'unmodeled');
      assert.match(r.kind === 'unmodeled' ? r.reason : '', /composite/);
    });
  });

  describe('all_reduce on a known mesh (the ring is the devices along cluster_axis)', () => {
    const onMesh = (dims: number[], rows: number, cols: number, axis = 1) => ({
      ...op('ttnn.all_reduce', [tensor(dims)], [tensor(dims)], { cluster_axis: int(axis) }),
      mesh: { shape: [rows, cols] as const, source: 'module device' as const, range: { start: 0, end: 0 } },
    });

    it('mesh 1x4, axis 1, 1x1x256x128: scatter dim 3 (4 tiles / 4), 32-wide slices: native, 196,608 B', () => {
      // finding_scatter_dim over tile extents [1, 1, 8, 4]: the last one 4 divides is dim 3; 128 / 4 = 32 is whole
      // tiles, the input not padded: reduce_scatter + all_gather. CBs as without a mesh: 4 CBs of 3·8 tiles of 2,048 B.
      const e = est(estimateOp(onMesh([1, 1, 256, 128], 1, 4), NOV_2025));
      assert.equal(e.worstCbBytesPerCore, 4 * 3 * 8 * 2048);
      assert.match(e.factoryReason, /4 devices along cluster_axis 1 \(mesh 1x4\): reduce_scatter on dim 3/);
      assert.doesNotMatch(e.approxReason, /ring size along cluster_axis is not in the op's types/);
    });

    it('mesh 1x8: 4 tiles wide do not split 8 ways, the 8 tile rows do: scatter dim 2, 196,608 B', () => {
      // tile extents [1, 1, 8, 4]: 4 % 8 ≠ 0, 8 % 8 = 0 → dim 2; 256 / 8 = 32 rows, whole tiles.
      const e = est(estimateOp(onMesh([1, 1, 256, 128], 1, 8), NOV_2025));
      assert.equal(e.worstCbBytesPerCore, 196_608);
      assert.match(e.factoryReason, /reduce_scatter on dim 2/);
    });

    it('mesh 1x3: no dim divides over 3 devices: the composite all_gather + local sum, unmodeled', () => {
      // tile extents [1, 1, 8, 4]: none is a multiple of 3.
      const r = estimateOp(onMesh([1, 1, 256, 128], 1, 3), NOV_2025);
      assert.equal(r.kind, 'unmodeled');
      assert.match(r.kind === 'unmodeled' ? r.reason : '', /^3 devices along cluster_axis 1 \(mesh 1x3\): no dim/);
    });

    it('mesh 1x4 on a 100-wide tensor: 4 padded tiles split, but 100 / 4 = 25 columns are not whole tiles: composite', () => {
      // padded 128 → 4 tiles, 4 % 4 = 0 → dim 3; use_composite_reduce_scatter: logical 100 % 4 = 0, 25 % 32 ≠ 0.
      const r = estimateOp(onMesh([1, 1, 32, 100], 1, 4), NOV_2025);
      assert.equal(r.kind, 'unmodeled');
      assert.match(r.kind === 'unmodeled' ? r.reason : '', /slice of dim 3 \(25\) is not whole tiles/);
    });

    it('mesh 1x4, axis 0: one device; the figure stays the native CBs, with why (tt-mlir folds it)', () => {
      const e = est(estimateOp(onMesh([1, 1, 256, 128], 1, 4, 0), NOV_2025));
      assert.equal(e.worstCbBytesPerCore, 196_608);
      assert.match(e.approxReason, /^[^]*1 device along cluster_axis 0 \(mesh 1x4\): [^]*AllReduceOp::fold/);
    });
  });

  describe('point_to_point', () => {
    it('bf16 tiles: the receiver program (headers + 4,096 B packet + 3·2 tiles) = 16,640 B', () => {
      // bf16 packets are bit_floor(4,416) = 4,096 B: 2 tiles. Receiver: 4·64 + 4,096 + 6·2,048 = 256 + 4,096 + 12,288.
      // Sender: 2·2,048 + 256 + 4,096 = 8,448.
      const e = est(
        estimateOp(op('ttnn.point_to_point', [tensor([1, 1, 64, 64])], [tensor([1, 1, 64, 64])], {}), NOV_2025),
      );
      assert.equal(e.worstCbBytesPerCore, 16_640);
      assert.equal(e.nCoresUsed, 1);
      assert.match(e.factory, /receive/);
    });

    it('f32 tiles: one 4,096 B tile per 4,416 B packet: receiver 256 + 4,096 + 3·4,096 = 16,640 B', () => {
      const e = est(
        estimateOp(
          op(
            'ttnn.point_to_point',
            [tensor([1, 1, 64, 64], { dtype: 'f32' })],
            [tensor([1, 1, 64, 64], { dtype: 'f32' })],
            {},
          ),
          NOV_2025,
        ),
      );
      assert.equal(e.worstCbBytesPerCore, 16_640);
    });

    it('a row-major f32 row wider than a packet goes in 4,416 B segments', () => {
      // 1 x 2048 f32 row = 8,192 B > 4,416: one page per packet, packet = 4,416. Receiver: 256 + 4,416 + 3·8,192 =
      // 29,248 (CBs at 32 B alignment: 256, 4,416, 24,576). Sender: 2·8,192 + 256 + 4,416 = 21,056.
      const rm = (): ReturnType<typeof tensor> => tensor([4, 2048], { dtype: 'f32', page: 'row_major' });
      const e = est(estimateOp(op('ttnn.point_to_point', [rm()], [rm()], {}), NOV_2025));
      assert.equal(e.worstCbBytesPerCore, 29_248);
    });
  });

  it('declares what the estimators read (topology and dims are properties; point_to_point reads types only)', () => {
    for (const name of ['ttnn.all_gather', 'ttnn.reduce_scatter'])
      assert.deepEqual(estimatorReads(name), { properties: true, liveL1: false });
    // all_reduce's ring is the devices along cluster_axis of the op's mesh, not in its types.
    for (const name of ['ttnn.all_reduce', 'ttnn.all_reduce_async'])
      assert.deepEqual(estimatorReads(name), { properties: true, liveL1: false, mesh: true });
    assert.deepEqual(estimatorReads('ttnn.point_to_point'), { properties: false, liveL1: false });
  });

  it('the corpus CCL dump (flops_ccl_reduce.mlir, mesh 1x4, base 103,712) gets a figure for every CCL op', () => {
    const text = readFileSync(
      join(__dirname, '../../fixtures/corpus/test/ttmlir/Dialect/TTNN/perf_targets/flops_ccl_reduce.mlir'),
      'utf8',
    );
    const a = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-01-15' }).analysis;
    const ends = new Map<string, number[]>();
    for (const o of a.functions[0]!.ops) {
      if (!/all_|reduce_scatter/.test(o.op.name)) continue;
      const e = est(o.estimate);
      ends.set(o.op.name, [...(ends.get(o.op.name) ?? []), e.cbRegionEndBytes]);
    }
    // all_reduce ×2 and reduce_scatter: 103,712 + 196,608 = 300,320; all_gather (1x1x256x128 → 256x512): 103,712 + 12,288.
    assert.deepEqual(Object.fromEntries(ends), {
      'ttnn.all_reduce': [300_320, 300_320],
      'ttnn.reduce_scatter': [300_320],
      'ttnn.all_gather': [116_000],
    });
  });
});
