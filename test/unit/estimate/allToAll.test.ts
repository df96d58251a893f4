/**
 * MoE all-to-all CCL ops (estimate/ops/allToAll.ts): all_to_all_dispatch and all_to_all_combine per-device CBs, the
 * dispatch's FullPacket / PageByPage choice, validation rules as illegal, the change point, and the real corpus file
 * test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir (tt-mlir 19c86fc, mesh 2x4;
 * license note in test/fixtures/corpus/SOURCE.md). Expected figures are derived by hand from the factories cited in
 * ops/allToAll.ts: a row-major page is last dim × element size aligned to its buffer (Wormhole DRAM 32 B, L1 16 B);
 * CBs are placed at 32 B-aligned starts.
 */

import { strict as assert } from 'assert';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import type { DataType } from '../../../server/src/ttnn/dtype';
import type { BufferType } from '../../../server/src/ttnn/layout';
import { readCorpus } from '../../support/corpus';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : r.rule}`);
  return r as OpEstimate;
}

const CTX = whContext({ ttMetalDate: '2026-06-01' });
const rm = (shape: number[], dtype: DataType, buffer: BufferType = 'dram') =>
  tensor(shape, { dtype, page: 'row_major', buffer });

function dispatch(
  tokens: number,
  hidden: number,
  k: number,
  experts: number,
  meshDevices: number,
  axisDevices: number,
  o: { buffer?: BufferType; outBuffer?: BufferType } = {},
) {
  const b = o.buffer ?? 'dram';
  const ob = o.outBuffer ?? b;
  return op(
    'ttnn.all_to_all_dispatch',
    [
      rm([1, 1, tokens, hidden], 'bf16', b),
      rm([1, 1, tokens, k], 'u16', b),
      rm([1, 1, experts, meshDevices], 'u16', b),
    ],
    [rm([1, axisDevices, tokens, hidden], 'bf16', ob), rm([1, axisDevices, tokens, k], 'u16', ob)],
    { cluster_axis: int(0), num_devices: int(axisDevices) },
  );
}

function combine(
  inShape: number[],
  metaShape: number[],
  experts: number,
  meshDevices: number,
  axisDevices: number,
  outShape: number[],
  buffer: BufferType = 'dram',
) {
  return op(
    'ttnn.all_to_all_combine',
    [rm(inShape, 'bf16', buffer), rm(metaShape, 'u16', buffer), rm([1, 1, experts, meshDevices], 'u16', buffer)],
    [rm(outShape, 'bf16', buffer)],
    {
      cluster_axis: int(0),
      num_devices: int(axisDevices),
      num_experts_per_tok: int(metaShape[3]),
      output_shard_dim: int(1),
    },
  );
}

describe('estimate/allToAll', () => {
  describe('all_to_all_dispatch (AllToAllDispatchSparse)', () => {
    it('FullPacket: the six CBs of get_cb_sizes on one sender core', () => {
      // 64 tokens of 7,168 bf16 (page 14,336, a multiple of 32), k = 8 (u16 page 16 → align32 32), 256 experts over
      // 32 mesh devices (mapping page 64 B, 256 pages), 8 devices along the axis:
      // c_0 2·14,336 = 28,672; c_1 64·32 = 2,048; c_2 256·64 = 16,384; c_3 2·64 = 128; c_4 32·64 = 2,048;
      // c_5 64·8·32 = 16,384 → 65,664 B.
      const e = est(estimateOp(dispatch(64, 7168, 8, 256, 32, 8), CTX));
      assert.deepEqual(
        e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
        [
          ['c_0', 2, 14_336],
          ['c_1', 64, 32],
          ['c_2', 256, 64],
          ['c_3', 2, 64],
          ['c_4', 1, 2_048],
          ['c_5', 512, 32],
        ],
      );
      assert.equal(e.worstCbBytesPerCore, 65_664);
      assert.equal(e.confidence, 'approx');
      assert.match(e.factory, /FullPacket/);
    });

    it('L1 operands align pages to 16 B', () => {
      // k = 4 u16 → 8 B → align16 16; mapping 8 devices → 16 B. 32 tokens of 2,880: page 5,760.
      // c_0 11,520; c_1 32·16 = 512; c_2 32 experts · 16 = 512; c_3 128; c_4 8·32 = 256; c_5 32·2·16 = 1,024 → 13,952.
      const e = est(estimateOp(dispatch(32, 2880, 4, 32, 8, 2, { buffer: 'l1', outBuffer: 'dram' }), CTX));
      assert.equal(e.worstCbBytesPerCore, 13_952);
    });

    it('PageByPage (no metadata CB) when the CBs and L1 outputs exceed the free L1', () => {
      // Same op as the first case with 1,400,000 B of live L1: free L1 = 1,499,136 − 1,400,000 − base < 65,664.
      const e = est(
        estimateOp(dispatch(64, 7168, 8, 256, 32, 8), whContext({ ttMetalDate: '2026-06-01', live: 1_400_000 })),
      );
      assert.match(e.factory, /PageByPage/);
      assert.equal(e.worstCbBytesPerCore, 65_664 - 16_384);
      assert.ok(!e.cbs.some((c) => c.cbIndex === 'c_5'));
    });

    it('illegal: indices that differ from the input outside the last dim, and a sharded output', () => {
      const bad = op(
        'ttnn.all_to_all_dispatch',
        [rm([1, 1, 64, 256], 'bf16'), rm([1, 1, 32, 4], 'u16'), rm([1, 1, 16, 8], 'u16')],
        [rm([1, 2, 64, 256], 'bf16'), rm([1, 2, 64, 4], 'u16')],
        { cluster_axis: int(0), num_devices: int(2) },
      );
      const r = estimateOp(bad, CTX);
      assert.equal(r.kind, 'illegal');
      assert.match(r.kind === 'illegal' ? r.rule : '', /same shape for all dimensions except the last/);
      const sharded = dispatch(32, 256, 4, 16, 8, 2);
      const out = sharded.results[0]!;
      const shardedOut = {
        ...sharded,
        results: [
          {
            ...out,
            layout: { ...(out as { layout: object }).layout, memoryLayout: 'height_sharded', bufferType: 'l1' },
          },
          sharded.results[1]!,
        ],
      } as typeof sharded;
      const s = estimateOp(shardedOut, CTX);
      assert.equal(s.kind, 'illegal');
      assert.match(s.kind === 'illegal' ? s.rule : '', /must not be sharded/);
    });

    it('builds before tt-metal PR #24816 (a2a-dispatch-send-map) ran an earlier factory: unmodeled', () => {
      const r = estimateOp(dispatch(64, 7168, 8, 256, 32, 8), whContext({ ttMetalDate: '2025-06-01' }));
      assert.equal(r.kind, 'unmodeled');
    });
  });

  describe('all_to_all_combine (AllToAllCombineFromSparse)', () => {
    it('c_0 holds one page per local expert; the fabric client interface is 2 · 3,280 B', () => {
      // 256 experts / 32 devices = 8 local experts; hidden 7,168 → page 14,336 (DRAM, multiple of 32): c_0 8·14,336 =
      // 114,688; c_1 mapping 32·2 = 64; c_2 align16(16) = 16; c_3 metadata 8·2 = 16; c_4 6,560.
      // Placed at 32 B-aligned starts: 114,688 + 64 + 32 + 32 + 6,560 = 121,376.
      const e = est(estimateOp(combine([8, 8, 1, 7168], [1, 8, 1, 8], 256, 32, 8, [8, 1, 1, 7168]), CTX));
      assert.deepEqual(
        e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
        [
          ['c_0', 8, 14_336],
          ['c_1', 1, 64],
          ['c_2', 1, 16],
          ['c_3', 1, 16],
          ['c_4', 2, 3_280],
        ],
      );
      assert.equal(e.worstCbBytesPerCore, 121_376);
    });

    it('illegal: experts not divisible by the mesh, input dim 0 ≠ local experts, batch not divisible by the axis group', () => {
      const rule = (r: OpEstimateResult) => (r.kind === 'illegal' ? r.rule : `${r.kind}`);
      assert.match(
        rule(estimateOp(combine([4, 2, 1, 256], [1, 2, 1, 4], 30, 8, 2, [4, 1, 1, 256]), CTX)),
        /evenly divisible by devices/,
      );
      assert.match(
        rule(estimateOp(combine([2, 2, 1, 256], [1, 2, 1, 4], 32, 8, 2, [4, 1, 1, 256]), CTX)),
        /Expected input shape dim 0/,
      );
      assert.match(
        rule(estimateOp(combine([4, 3, 1, 256], [1, 3, 1, 4], 32, 8, 2, [4, 1, 1, 256]), CTX)),
        /must be divisible by axis group/,
      );
    });
  });

  it('declares what the estimators read (num_devices; dispatch also the live L1)', () => {
    assert.deepEqual(estimatorReads('ttnn.all_to_all_dispatch'), { properties: true, liveL1: true });
    assert.deepEqual(estimatorReads('ttnn.all_to_all_combine'), { properties: true, liveL1: false });
  });

  it('the corpus MoE CCL file (mesh 2x4): dispatch 25,984 B, combine 29,696 B per sender core', () => {
    // The IR shows tiled si32 operands; the workarounds make them row-major (bf16 input, u16 indices / mapping).
    // dispatch 1x1x128x2880 / 1x1x128x4 / 1x1x32x8, DRAM: page 5,760; indices align32(8) = 32; mapping align32(16) = 32;
    //   c_0 11,520 + c_1 128·32 = 4,096 + c_2 32·32 = 1,024 + c_3 128 + c_4 8·128 = 1,024 + c_5 128·2·32 = 8,192 = 25,984.
    // combine 4x2x128x2880 / 1x2x128x4 / 1x1x32x8: 32 / 8 = 4 local experts: c_0 4·5,760 = 23,040; c_1, c_2, c_3 16 B
    //   each at 32 B-aligned starts (3·32); c_4 6,560 → 23,040 + 96 + 6,560 = 29,696.
    const text = readCorpus('test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir');
    const a = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-06-01' }).analysis;
    const figures = new Map<string, number>();
    for (const f of a.functions) {
      for (const o of f.ops) {
        if (o.op.name !== 'ttnn.all_to_all_dispatch' && o.op.name !== 'ttnn.all_to_all_combine') continue;
        const e = est(o.estimate);
        figures.set(o.op.name, e.worstCbBytesPerCore);
        assert.match(e.approxReason ?? '', /workaround/);
      }
    }
    assert.deepEqual(Object.fromEntries(figures), {
      'ttnn.all_to_all_dispatch': 25_984,
      'ttnn.all_to_all_combine': 29_696,
    });
  });
});
