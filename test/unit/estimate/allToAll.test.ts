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
      // c_0 2·14,336 = 28,672; c_1 64·32 = 2,048; c_2 256·64 = 16,384; c_3 2·48 = 96 (a 2026-06 build: 48 B headers
      // from tt-metal PR #34976); c_4 32·64 = 2,048 (starts 32 B-aligned after c_3); c_5 64·8·32 = 16,384 → 65,632 B.
      const e = est(estimateOp(dispatch(64, 7168, 8, 256, 32, 8), CTX));
      assert.deepEqual(
        e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
        [
          ['c_0', 2, 14_336],
          ['c_1', 64, 32],
          ['c_2', 256, 64],
          ['c_3', 2, 48],
          ['c_4', 1, 2_048],
          ['c_5', 512, 32],
        ],
      );
      assert.equal(e.worstCbBytesPerCore, 65_632);
      assert.equal(e.confidence, 'approx');
      assert.match(e.factory, /FullPacket/);
    });

    it('L1 operands align pages to 16 B', () => {
      // k = 4 u16 → 8 B → align16 16; mapping 8 devices → 16 B. 32 tokens of 2,880: page 5,760.
      // c_0 11,520; c_1 32·16 = 512; c_2 32 experts · 16 = 512; c_3 2·48 = 96; c_4 8·32 = 256; c_5 32·2·16 = 1,024
      // → 13,920.
      const e = est(estimateOp(dispatch(32, 2880, 4, 32, 8, 2, { buffer: 'l1', outBuffer: 'dram' }), CTX));
      assert.equal(e.worstCbBytesPerCore, 13_920);
    });

    it('PageByPage (no metadata CB) when the CBs and L1 outputs exceed the free L1', () => {
      // Same op as the first case with 1,400,000 B of live L1: free L1 = 1,499,136 − 1,400,000 − base < 65,632.
      const e = est(
        estimateOp(dispatch(64, 7168, 8, 256, 32, 8), whContext({ ttMetalDate: '2026-06-01', live: 1_400_000 })),
      );
      assert.match(e.factory, /PageByPage/);
      assert.equal(e.worstCbBytesPerCore, 65_632 - 16_384);
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

  it('the corpus MoE CCL file (mesh 2x4): dispatch 25,952 B, combine 29,696 B per sender core', () => {
    // The IR shows tiled si32 operands; the workarounds make them row-major (bf16 input, u16 indices / mapping).
    // dispatch 1x1x128x2880 / 1x1x128x4 / 1x1x32x8, DRAM: page 5,760; indices align32(8) = 32; mapping align32(16) = 32;
    //   c_0 11,520 + c_1 128·32 = 4,096 + c_2 32·32 = 1,024 + c_3 2·48 = 96 (48 B headers in a 2026-06 build) + c_4
    //   8·128 = 1,024 + c_5 128·2·32 = 8,192 = 25,952.
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
      'ttnn.all_to_all_dispatch': 25_952,
      'ttnn.all_to_all_combine': 29_696,
    });
  });

  describe('all_to_all_dispatch_metadata (persistent, DIRECT: detail::get_cb_sizes@01c8afe)', () => {
    const metadata = (tokens: number, hidden: number, k: number, experts: number, meshDevices: number, axis: number) =>
      op(
        'ttnn.all_to_all_dispatch_metadata',
        [
          rm([1, 1, tokens, hidden], 'bf16'),
          rm([1, 1, tokens, k], 'u16'),
          rm([1, 1, tokens, k], 'bf16'),
          rm([meshDevices, experts], 'u16'),
        ],
        [rm([1, tokens * axis, hidden], 'bf16'), rm([1, tokens * axis, k], 'u16'), rm([1, tokens * axis, k], 'bf16')],
        { cluster_axis: int(0), num_devices: int(axis) },
      );

    it('GPT-OSS-like 128 tokens x 2880, k 4, 128 experts on 8 devices: 21,376 B on the one sender core', () => {
      // tokens = 128, one link → t = 128. L1 pages (16 B alignment): input 2,880·2 = 5,760; indices / scores out 4·2 = 8
      // → 16. Mapping row 128·2 = 256 in DRAM (32 B). Headers 48 B (2026-06 build, PR #34976).
      // c_0 2·5,760 = 11,520; c_1 128·16 = 2,048; c_6 2,048; c_2 256; c_3 8·48 = 384; c_4 8·128·1 = 1,024;
      // c_5 128·(16 + 16) = 4,096 → 21,376 (every size a multiple of 32).
      const e = est(estimateOp(metadata(128, 2880, 4, 128, 8, 2), CTX));
      assert.equal(e.worstCbBytesPerCore, 21_376);
      assert.equal(e.nCoresUsed, 1);
      assert.match(e.approxReason ?? '', /get_num_links/);
      assert.match(e.approxReason ?? '', /48 B fabric packet headers/);
    });

    it('rejects scores whose shape differs from the indices (validate)', () => {
      const o = metadata(32, 128, 4, 4, 8, 1);
      const bad = { ...o, operands: [o.operands[0]!, o.operands[1]!, rm([1, 1, 32, 2], 'bf16'), o.operands[3]!] };
      const r = estimateOp(bad, CTX);
      assert.equal(r.kind, 'illegal');
      assert.match(r.kind === 'illegal' ? r.rule : '', /Scores tensor shape/);
    });

    it('the corpus files (tt-mlir 19c86fc): 3,232 B of CBs and 1,312 B of workaround tensors on core (0,0)', () => {
      // input 1x1x32x128 bf16, indices / scores 1x1x32x4, mapping 8x4 u16 (DRAM): 32 tokens on 1 sender core.
      // c_0 2·256 = 512; c_1 32·16 = 512; c_6 512; c_2 align32(4·2) = 32; c_3 8·48 = 384; c_4 8·32 = 256;
      // c_5 32·(16 + 16) = 1,024 → 3,232. The window starts 2026-07-10 (to_tensor_spec syntax): 48 B headers.
      // L1 intermediates: the workaround's L1-interleaved copies, ⌈32 rows / 64 banks⌉ = 1 page each: input 256,
      // indices 16, scores 16; the drain-core outputs 32·16 = 512 twice → 1,312.
      for (const file of [
        'test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir',
        'test/ttmlir/Dialect/TTNN/Transforms/Workarounds/to_layout_canonical_l1_interleaved.mlir',
      ]) {
        const a = analyzeDocument(readCorpus(file), DEFAULT_ANALYSIS_SETTINGS).analysis;
        const rec = a.functions.flatMap((f) => f.ops).find((o) => o.op.name === 'ttnn.all_to_all_dispatch_metadata');
        assert.ok(rec !== undefined, file);
        const e = est(rec.estimate);
        assert.equal(e.worstCbBytesPerCore, 3_232, file);
        assert.equal(e.l1IntermediateBytesPerCore, 1_312, file);
      }
    });
  });
});
