/** Tilize family: tt-metal issue #38364 reproduced from its shapes, and the interleaved factory. */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}

describe('estimate/tilize', () => {
  it('reproduces tt-metal issue #38364: 2,966,816 B on (7,6) with base 103,712', () => {
    // tilize_with_val_padding of [1,1,1,1048576] f32 (row-major) → bf16 tile. Wt = 32,768, Ht = 1.
    // (4,096 + 2,048)·32,768 ≫ L1 → block factory. per = 512, isqrt = 22; first c > 22 with ceil(32,768 / c) < 64
    // is 521 (32,768 / 520 = 63.02 → 64). 62 full blocks per row, cliff_row = 32,768 − 62·521 = 466 on index 62 = (7,6).
    // End = 103,712 + 466·4,096 + 466·2,048 = 103,712 + 2,863,104 = 2,966,816.
    const input = tensor([1, 1, 1, 1_048_576], { page: 'row_major', dtype: 'f32' });
    const output = tensor([1, 1, 1, 1_048_576], { dtype: 'bf16' });
    for (const name of ['ttnn.tilize_with_val_padding', 'ttnn.to_layout']) {
      const e = est(estimateOp(op(name, [input], [output]), whContext({ base: 103_712 })));
      assert.equal(e.factory, 'TilizeWithValPaddingMultiCoreBlockInterleavedProgramFactory', name);
      assert.equal(e.cbRegionEndBytes, 2_966_816, name);
      assert.deepEqual(e.reportedCore, [7, 6], name);
    }
  });

  it('64x1024 DRAM row-major → tile: 131,072 B (tt-mlir OpModel interface test, TestOpModelInterface.cpp@b73fc81:1499)', () => {
    // No padding → tilize; Wt = 32 → interleaved factory: c_0 = 32·2,048, c_16 = 32·2,048.
    const e = est(
      estimateOp(op('ttnn.to_layout', [tensor([64, 1024], { page: 'row_major' })], [tensor([64, 1024])]), whContext()),
    );
    assert.equal(e.factory, 'TilizeMultiCoreInterleavedProgramFactory');
    assert.equal(e.cbBytesPerCore, 131_072);
    assert.equal(e.confidence, 'exact');
  });

  it('sub-block era adds the staging CB and caps the block', () => {
    // limit = (1,396,480 − 64) div (4,096 + 2,048 + 128) = 222 tiles (base 102,656); block 521 > 222 → sub-blocks.
    const input = tensor([1, 1, 1, 1_048_576], { page: 'row_major', dtype: 'f32' });
    const e = est(
      estimateOp(
        op('ttnn.tilize_with_val_padding', [input], [tensor([1, 1, 1, 1_048_576])]),
        whContext({ era: 'sub-block' }),
      ),
    );
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_1' && c.role === 'staging'));
    assert.ok(e.worstCbBytesPerCore + 102_656 <= 1_499_136, `fits: ${e.worstCbBytesPerCore}`);
  });
});
