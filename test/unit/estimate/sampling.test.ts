/**
 * ttnn.sampling (ops/sampling.ts) and ttnn.all_reduce_async (ops/ccl.ts' all_reduce path). Figures derived by hand:
 *  - sampling: SamplingProgramFactory (reduction/sampling/device/sampling_program_factory.cpp@465a425), 32 users → Ht = 1,
 *    32 cores; bf16 values (tile 2,048 B), UInt16 index tiles (2,048 B), 32-bit row-major indices.
 *  - all_reduce_async: tt-mlir's runtime (runtime/lib/ttnn/operations/ccl/all_reduce_async.cpp@19c86fc) calls the
 *    cluster-axis ttnn::experimental::all_reduce_async, as ttnn::all_reduce does: reduce_scatter_minimal_async then
 *    all_gather_async; the reduce-scatter step's four CBs of 3·8 bf16 tiles are the larger: 4·24·2,048 = 196,608 B
 *    (line granularity min(4·2, 8) = 8 pages, as ccl.test.ts derives for reduce_scatter).
 * Device: Wormhole n150, 8x8 workers.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import type { TensorSpec } from '../../../server/src/ttnn/op';
import { int, op, tensor, whContext, assertExactUpToNewestRead } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const ctx = whContext({ ttMetalDate: '2026-08-20' });

function sampling(users: number, width: number, o: { values?: TensorSpec; indices?: TensorSpec } = {}) {
  const values = o.values ?? tensor([1, 1, users, width]);
  const indices = o.indices ?? tensor([1, 1, users, width], { dtype: 'si32', page: 'row_major' });
  const perUser = (dtype: 'u32' | 'bf16') => tensor([users], { dtype, page: 'row_major' });
  return op(
    'ttnn.sampling',
    [values, indices, perUser('u32'), perUser('bf16'), perUser('bf16')],
    [tensor([1, 1, 1, users], { dtype: 'u32', page: 'row_major' })],
  );
}

describe('estimate/sampling', () => {
  it('32 users of 256 candidates (Wt = 8): 110,976 B on each of 32 cores', () => {
    // c_0 4·2,048 = 8,192; c_2 8,192; c_3 2,048; c_4 8,192; c_5 8·2,048 = 16,384; c_6 16,384; c_7, c_1, c_8 2·2,048
    // each = 12,288; c_9, c_10 1·2,048 each, c_11 2,048 = 6,144; c_12 32 rows · 8·32·4 B = 32,768; c_13 32·4 = 128;
    // c_14 32·4 = 128; c_15, c_16 32·2 = 64 each.
    // 8,192 + 8,192 + 2,048 + 8,192 + 16,384 + 16,384 + 12,288 + 6,144 + 32,768 + 128 + 128 + 64 + 64 = 110,976.
    const e = estimateOf(estimateOp(sampling(32, 256), ctx));
    assert.equal(e.worstCbBytesPerCore, 110_976);
    assert.equal(e.nCoresUsed, 32);
    assertExactUpToNewestRead(e, ctx.ttMetal.window);
  });

  it('8,192 candidates (Wt = 256): 45,440 + 8,192·256 = 2,142,592 B, past Wormhole L1', () => {
    // The Wt-sized CBs: c_5 + c_6 = 2·256·2,048 = 1,048,576 and c_12 = 32 · 256·32·4 = 1,048,576; the rest 45,440.
    const e = estimateOf(estimateOp(sampling(32, 8192), ctx));
    assert.equal(e.worstCbBytesPerCore, 2_142_592);
    assert.ok(e.cbRegionEndBytes > ctx.device.l1SizeBytes);
  });

  it("tt-metal's validate: f32 values, tiled indices are illegal; 16 users is not a factory read here", () => {
    const f32 = estimateOp(sampling(32, 256, { values: tensor([1, 1, 32, 256], { dtype: 'f32' }) }), ctx);
    assert.equal(f32.kind, 'illegal');
    assert.match(f32.kind === 'illegal' ? f32.rule : '', /Only BFLOAT16/);
    const tiled = estimateOp(sampling(32, 256, { indices: tensor([1, 1, 32, 256], { dtype: 'si32' }) }), ctx);
    assert.equal(tiled.kind, 'illegal');
    assert.match(tiled.kind === 'illegal' ? tiled.rule : '', /ROW_MAJOR is supported for input indices/);
    assert.equal(estimateOp(sampling(16, 256), ctx).kind, 'unmodeled');
  });

  it('parses the printed form (values, indices, k, p, temp; seed) and gives the 32-user figure', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#vals = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x8x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#idx = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<32x256xsi32, #dram>, <interleaved>>
#k = #ttnn.ttnn_layout<(d0) -> (0, d0), <1x1>, memref<1x32xui32, #dram>, <interleaved>>
#pt = #ttnn.ttnn_layout<(d0) -> (0, d0), <1x1>, memref<1x32xbf16, #dram>, <interleaved>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 + d1 + d2, d3), <1x1>, memref<1x32xui32, #dram>, <interleaved>>
module {
  func.func @main(%v: tensor<1x1x32x256xbf16, #vals>, %i: tensor<1x1x32x256xsi32, #idx>, %k: tensor<32xui32, #k>, %p: tensor<32xbf16, #pt>, %t: tensor<32xbf16, #pt>) -> tensor<1x1x1x32xui32, #out> {
    %0 = "ttnn.sampling"(%v, %i, %k, %p, %t) <{seed = 42 : ui32}> : (tensor<1x1x32x256xbf16, #vals>, tensor<1x1x32x256xsi32, #idx>, tensor<32xui32, #k>, tensor<32xbf16, #pt>, tensor<32xbf16, #pt>) -> tensor<1x1x1x32xui32, #out>
    return %0 : tensor<1x1x1x32xui32, #out>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.sampling')!;
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 110_976);
  });
});

describe('estimate/all_reduce_async', () => {
  it("runs all_reduce's programs: the reduce-scatter step, 4·24·2,048 = 196,608 B for 1x1x256x128 bf16", () => {
    const t = tensor([1, 1, 256, 128]);
    const e = estimateOf(estimateOp(op('ttnn.all_reduce_async', [t], [t], { cluster_axis: int(1) }), ctx));
    assert.equal(e.worstCbBytesPerCore, 196_608);
    assert.equal(e.confidence, 'approx'); // the ring size is not in the types
  });

  it('parses the printed form (reduce_type, cluster_axis)', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#lay = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 256 + d2, d3), <1x1>, memref<8x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%x: tensor<1x1x256x128xbf16, #lay>) -> tensor<1x1x256x128xbf16, #lay> {
    %0 = "ttnn.all_reduce_async"(%x) <{cluster_axis = 1 : ui32, reduce_type = #ttcore.reduce_type<sum>}> : (tensor<1x1x256x128xbf16, #lay>) -> tensor<1x1x256x128xbf16, #lay>
    return %0 : tensor<1x1x256x128xbf16, #lay>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.all_reduce_async')!;
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 196_608);
  });
});
