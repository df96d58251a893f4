/**
 * tt-train (ttml) ops tt-mlir emits: `ttnn.adamw` and `ttnn.sdpa_bw`. Figures by hand from the factories cited in
 * server/src/estimate/ops/training.ts (arithmetic in the comments); rules worded like tt-train's TT_FATALs.
 */

import { strict as assert } from 'assert';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { TensorSpec } from '../../../server/src/ttnn/op';
import { op, tensor, whContext } from './build';

const dram = (shape: number[], dtype: 'bf16' | 'f32' = 'bf16') => tensor(shape, { dtype });

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r as Extract<OpEstimateResult, { kind: 'estimate' }>;
}

const adamw = (param: TensorSpec, grad: TensorSpec, moments: TensorSpec, amsgrad = false) =>
  op('ttnn.adamw', [param, grad, moments, moments, ...(amsgrad ? [moments] : [])], []);

describe('estimate/training (tt-train adamw, sdpa_bw)', () => {
  it('adamw: f32 param, one tile per core', () => {
    const p = dram([1, 1, 128, 128], 'f32');
    const e = estimateOf(estimateOp(adamw(p, dram([1, 1, 128, 128]), p), whContext()));
    // 16 tiles over 16 cores, block = min(2, 1) = 1: c_0, c_2, c_3, c_16, c_17, c_18 one f32 tile each (6·4,096) +
    // c_1 one bf16 tile (2,048) + c_24, c_25 two f32 tiles each (4·4,096) = 24,576 + 2,048 + 16,384 = 43,008 B.
    assert.equal(e.cbBytesPerCore, 43_008);
    assert.equal(e.nCoresUsed, 16);
    assert.equal(e.l1TensorBytesPerCore, 0);
  });

  it('adamw: bf16 param with amsgrad, two tiles per core', () => {
    const p = dram([1, 1, 512, 512]);
    const e = estimateOf(estimateOp(adamw(p, p, p, true), whContext()));
    // 256 tiles over 64 cores = 4 each, block 2: inputs c_0..c_4 (param, grad, two moments, max_exp_avg_sq) and
    // outputs c_16..c_19: 9·2·2,048 = 36,864; c_26, c_24, c_25: 3·4·4,096 = 49,152 → 86,016 B.
    assert.equal(e.cbBytesPerCore, 86_016);
  });

  it('adamw: operands tt-train rejects are illegal', () => {
    const p = dram([1, 1, 128, 128], 'f32');
    const inL1 = estimateOp(
      adamw(tensor([1, 1, 128, 128], { dtype: 'f32', buffer: 'l1' }), dram([1, 1, 128, 128]), p),
      whContext(),
    );
    assert.equal(inL1.kind === 'illegal' ? inL1.rule : inL1.kind, "Tensor 'Parameter' must be in DRAM");
    const f32Grad = estimateOp(adamw(p, p, p), whContext());
    assert.equal(
      f32Grad.kind === 'illegal' ? f32Grad.rule : f32Grad.kind,
      "Tensor 'Gradient' must have data type 'bf16', but got 'f32'",
    );
    assert.deepEqual(estimatorReads('ttnn.adamw'), { properties: true, liveL1: false });
  });

  it('sdpa_bw: the larger of the K/V and Q programs', () => {
    const t = dram([1, 2, 64, 64]);
    const o = op('ttnn.sdpa_bw', [t, t, t, t, t, dram([1, 2, 64, 32], 'f32'), dram([1, 1, 64, 64])], [t, t, t]);
    const e = estimateOf(estimateOp(o, whContext()));
    // Wt = 2. KV: c_0..c_4 5·4 + c_5 2 + c_6 4 + c_17, c_18 2·4 = 34 bf16 tiles = 69,632; c_7 1 + c_8..c_11 4·2 +
    // c_12..c_16 5 = 14 f32 tiles = 57,344 → 126,976 B. Q: c_0..c_4 20 + c_5 1 + c_6 2 + c_7, c_8 2 + c_9, c_10 4 +
    // c_13..c_17 5 + c_18 2 + c_21 1 + c_22 2 = 39 bf16 tiles = 79,872 B.
    assert.equal(e.cbBytesPerCore, 126_976);
    assert.equal(e.l1TensorBytesPerCore, 0);
    assert.match(e.factory, /KV/);
  });

  it('sdpa_bw: mismatched K/V heads are illegal', () => {
    const q = dram([1, 4, 64, 64]);
    const o = op(
      'ttnn.sdpa_bw',
      [q, q, q, dram([1, 2, 64, 64]), dram([1, 1, 64, 64]), dram([1, 4, 64, 32], 'f32')],
      [q, q, q],
    );
    const r = estimateOp(o, whContext());
    assert.equal(r.kind === 'illegal' ? r.rule : r.kind, 'Key and Value number of heads must be the same');
  });
});
