/**
 * ttnn.mesh_partition (ops/meshPartition.ts): each device runs the slice device operation's program on its part
 * (mesh_partition_program_factory.cpp@003544f); one device along the axis returns the input (mesh_partition.cpp@06bd373).
 * Figures derived by hand from the row-major slice factory as ops/slice.ts states it (slice_program_factory_rm.cpp@04d7c1a):
 * a = max(src, dst alignment) = 32 B for DRAM on Wormhole, doubled when begins[-1]·elem is not a multiple of it;
 * page = round_up(row bytes, a); m = largest divisor of round_up(rows per core, 32) with m·page ≤ 4,096; c_0 = 2·m·page.
 * tt-mlir runs mesh_partition on row-major DRAM tensors (its to_layout before the op). Device: Wormhole n150.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { int, op, tensor, whContext } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const ctx = whContext({ ttMetalDate: '2026-08-20' });
const partition = (input: number[], result: number[], dim: number, page: 'row_major' | 'tile' = 'row_major') =>
  op('ttnn.mesh_partition', [tensor(input, { page })], [tensor(result, { page })], {
    dim: int(dim),
    cluster_axis: int(1),
  });

describe('estimate/mesh_partition', () => {
  it('4x32 bf16 → 1x32 along dim 0 (4 devices): one 64 B row, m = 32, c_0 = 2·32·64 = 4,096 B', () => {
    // begins[-1] = 0 on every device: a = 32, page = round_up(64, 32) = 64; 1 row on 1 core → round_up(1, 32) = 32,
    // 32·64 = 2,048 ≤ 4,096 → m = 32.
    const e = estimateOf(estimateOp(partition([4, 32], [1, 32], 0), ctx));
    assert.equal(e.worstCbBytesPerCore, 4096);
    assert.match(e.factoryReason, /of 4 along the cluster axis/);
  });

  it('1x32 → 1x8 along the last dim: device 1 begins at 8·2 = 16 B, off the 32 B alignment, so its page doubles: 4,096 B', () => {
    // Device 0: a = 32, page = round_up(16, 32) = 32, m = 32 → 2,048 B. Devices 1 and 3 (begin 16 B, 48 B): a = 64,
    // page = 64, m = 32 (32·64 = 2,048 ≤ 4,096) → 2·32·64 = 4,096 B. Device 2 (32 B) as device 0. The largest: 4,096 B.
    const e = estimateOf(estimateOp(partition([1, 32], [1, 8], 1), ctx));
    assert.equal(e.worstCbBytesPerCore, 4096);
    assert.match(e.factoryReason, /device 1 of 4/);
  });

  it('one device along the axis: the input is returned (no program)', () => {
    assert.equal(estimateOp(partition([4, 32], [4, 32], 0), ctx).kind, 'noProgram');
  });

  it('a tiled 64x64 split into 16-column parts is unmodeled (the slice device op refuses off-tile begins)', () => {
    assert.equal(estimateOp(partition([64, 64], [64, 16], 1, 'tile'), ctx).kind, 'unmodeled');
  });

  it('parses the printed form (cluster_axis, dim) on a row-major DRAM input', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#in = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<8x64xbf16, #dram>, <interleaved>>
#out = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x64xbf16, #dram>, <interleaved>>
module {
  func.func @main(%x: tensor<8x64xbf16, #in>) -> tensor<2x64xbf16, #out> {
    %0 = "ttnn.mesh_partition"(%x) <{cluster_axis = 1 : ui32, dim = 0 : si32}> : (tensor<8x64xbf16, #in>) -> tensor<2x64xbf16, #out>
    return %0 : tensor<2x64xbf16, #out>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.mesh_partition')!;
    // 4 devices, 2 rows of 128 B each: a = 32, page 128; 2 rows over 2 cores → 1 row each → m = 32 (32·128 = 4,096)
    // → c_0 = 2·32·128 = 8,192 B.
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 8192);
  });
});
