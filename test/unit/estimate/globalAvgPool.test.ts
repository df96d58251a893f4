/**
 * global_avg_pool2d: a view to [N, 1, H·Wp, C] then one pool_sum over H (tt-metal
 * ttnn/cpp/ttnn/operations/pool/global_avg_pool/global_avg_pool.cpp@050f24f). The H-reduce program's CBs
 * (reduce_op_multi_core_h_program_factory.cpp@049eabc): c_0 input 2 tiles, c_2 scaler 1 bf16 tile, c_3 output 2 tiles.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate } from '../../../server/src/estimate/types';
import { op, tensor, whContext } from './build';

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
