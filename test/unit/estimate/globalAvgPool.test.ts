/**
 * global_avg_pool2d: a view to [N, 1, H·Wp, C] then one pool_sum over H (tt-metal
 * ttnn/cpp/ttnn/operations/pool/global_avg_pool/global_avg_pool.cpp@050f24f). The H-reduce program's CBs
 * (reduce_op_multi_core_h_program_factory.cpp@049eabc): c_0 input 2 tiles, c_2 scaler 1 bf16 tile, c_3 output 2 tiles.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate } from '../../../server/src/estimate/types';
import type { PropValue } from '../../../server/src/ttnn/op';
import { int, ints, op, tensor, whContext } from './build';

describe('estimate/global_avg_pool2d', () => {
  it('1x7x7x2048 bf16 tiled: 2·2,048 + 2,048 + 2·2,048 = 10,240 B', () => {
    const r = estimateOp(
      op('ttnn.global_avg_pool2d', [tensor([1, 7, 7, 2048])], [tensor([1, 1, 1, 2048])]),
      whContext(),
    );
    assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : '');
    assert.equal(r.cbBytesSummedOverRanges, 2 * 2048 + 2048 + 2 * 2048);
  });

  it('f32 input and output: 2·4,096 + 2,048 (one bf16 scaler tile) + 2·4,096 = 18,432 B', () => {
    const f32 = (s: number[]) => tensor(s, { dtype: 'f32' });
    const r = estimateOp(op('ttnn.global_avg_pool2d', [f32([2, 14, 14, 64])], [f32([2, 1, 1, 64])]), whContext());
    assert.equal((r as OpEstimate).cbBytesSummedOverRanges, 2 * 4096 + 2048 + 2 * 4096);
  });

  it('rank 5 is rejected; rank 2 (a data-moving reshape first) is unmodeled', () => {
    assert.equal(
      estimateOp(op('ttnn.global_avg_pool2d', [tensor([1, 1, 7, 7, 64])], [tensor([1, 1, 1, 1, 64])]), whContext())
        .kind,
      'illegal',
    );
    assert.equal(
      estimateOp(op('ttnn.global_avg_pool2d', [tensor([49, 64])], [tensor([1, 64])]), whContext()).kind,
      'unmodeled',
    );
  });
});

// avg_pool2d's whole-image fast path by build (generic_pools.cpp is_global_pool): from tt-metal PR #43820 (1536dd481d,
// 2026-05-12) kernel exactly H x W, no padding or dilation, no applied_shard_scheme, an interleaved input that is not
// bfloat8_b / bfloat4_b tiled, and the padded N·H·W rows split evenly over the batch or the fast path's TT_FATAL; from
// PR #44275 (f3678d3ce0, 2026-05-14) sharded inputs too (copied to interleaved), block-float tiled ones with H·W a tile
// multiple, and an uneven batch takes the sliding window.
describe('estimate/avg_pool2d whole-image fast path by build (PRs #43820, #44275)', () => {
  const attrs = (n: number, hw: number, c: number): Record<string, PropValue> => ({
    batch_size: int(n),
    channels: int(c),
    input_height: int(hw),
    input_width: int(hw),
    kernel_size: ints(hw, hw),
    stride: ints(1, 1),
    padding: ints(0, 0),
    dilation: ints(1, 1),
  });
  const path = (input: ReturnType<typeof tensor>, n: number, hw: number, c: number, date: string) => {
    const r = estimateOp(
      op('ttnn.avg_pool2d', [input], [tensor([1, 1, n, c], { page: 'row_major' })], attrs(n, hw, c)),
      whContext({ ttMetalDate: date }),
    );
    if (r.kind === 'illegal') return r.rule;
    if (r.kind !== 'estimate') return r.kind;
    return /pool_sum/.test(r.factoryReason) ? 'fast path' : r.factory;
  };

  it("MobileNetV2's batch 10 at 7x7: 490 rows tile-padded to 512 do not split over 10: the TT_FATAL, then the sliding window", () => {
    // #44275's own example ("MobileNetV2 batch=10: 10*7*7=490 → 512, 512%10!=0"): a tiled [1, 1, 490, 64] input.
    const input = tensor([1, 1, 490, 64], { page: 'tile' });
    assert.equal(
      path(input, 10, 7, 64, '2026-05-13'),
      'Global pool fast path: padded spatial elements (512) must be divisible by batch_size (10)',
    );
    assert.match(path(input, 10, 7, 64, '2026-05-14'), /^Pool2D MultiCore/);
  });

  it('a height-sharded L1 input: the sliding window until 2026-05-13, the fast path from 2026-05-14', () => {
    const input = tensor([1, 1, 64, 64], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    assert.match(path(input, 1, 8, 64, '2026-05-13'), /^Pool2D MultiCore/);
    assert.equal(path(input, 1, 8, 64, '2026-05-14'), 'fast path');
  });

  it('bfloat8_b tiled: the sliding window until 2026-05-13; from 2026-05-14 the fast path for 8x8 (64 rows), not 7x7', () => {
    const bf8 = (rows: number) => tensor([1, 1, rows, 64], { page: 'tile', dtype: 'bfp_bf8' });
    assert.match(path(bf8(64), 1, 8, 64, '2026-05-13'), /^Pool2D MultiCore/);
    assert.equal(path(bf8(64), 1, 8, 64, '2026-05-14'), 'fast path');
    assert.match(path(bf8(49), 1, 7, 64, '2026-05-14'), /^Pool2D MultiCore/);
  });

  it('an applied_shard_scheme keeps the sliding window in both builds', () => {
    const input = tensor([1, 1, 64, 64], { page: 'row_major' });
    const withScheme = {
      ...attrs(1, 8, 64),
      applied_shard_scheme: {
        kind: 'dialect',
        name: 'ttnn.tensor_memory_layout',
        text: '#ttnn.tensor_memory_layout<height_sharded>',
        items: ['height_sharded'],
        fields: {},
      } as PropValue,
    };
    for (const date of ['2026-05-12', '2026-05-14']) {
      const r = estimateOp(
        op('ttnn.avg_pool2d', [input], [tensor([1, 1, 1, 64], { page: 'row_major' })], withScheme),
        whContext({ ttMetalDate: date }),
      );
      assert.ok(r.kind === 'estimate' && r.factory.startsWith('Pool2D MultiCore'), date);
    }
  });
});

// ttnn.global_avg_pool2d from tt-metal PR #43820 (ttnn::global_avg_pool2d deleted): tt-mlir's runtime
// (pool2d.cpp@d4792381ca, PR #8408) runs ::ttnn::avg_pool2d on the rank-4 input with kernel (H, W), then reshapes.
describe('estimate/global_avg_pool2d as avg_pool2d from PR #43820', () => {
  it('a rank-3 input is rejected by the runtime from 2026-05-12; the deleted op took it the day before', () => {
    const r = (date: string) =>
      estimateOp(
        op('ttnn.global_avg_pool2d', [tensor([7, 7, 64])], [tensor([1, 1, 64])]),
        whContext({ ttMetalDate: date }),
      );
    assert.equal(r('2026-05-11').kind, 'estimate');
    const after = r('2026-05-12');
    assert.equal(after.kind === 'illegal' ? after.rule : after.kind, 'GlobalAvgPool2d expects a rank 4 input tensor');
  });

  it('1x7x7x2048 bf16 tiled takes the fast path: the same 10,240 B view + sum', () => {
    const r = estimateOp(
      op('ttnn.global_avg_pool2d', [tensor([1, 7, 7, 2048])], [tensor([1, 1, 1, 2048])]),
      whContext({ ttMetalDate: '2026-05-14' }),
    );
    assert.equal((r as OpEstimate).cbBytesSummedOverRanges, 2 * 2048 + 2048 + 2 * 2048);
  });

  it('a bfloat8_b tiled 1x7x7x64 input on 2026-05-13 takes the sliding-window pool (approx)', () => {
    const r = estimateOp(
      op('ttnn.global_avg_pool2d', [tensor([1, 7, 7, 64], { dtype: 'bfp_bf8' })], [tensor([1, 1, 1, 64])]),
      whContext({ ttMetalDate: '2026-05-13' }),
    );
    assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : '');
    assert.match((r as OpEstimate).factory, /^Pool2D MultiCore/);
    assert.equal((r as OpEstimate).confidence, 'approx');
  });
});
