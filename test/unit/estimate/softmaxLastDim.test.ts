/**
 * `ttnn.softmax` over the last dim (server/src/estimate/ops/softmax.ts): SoftmaxProgramFactoryAttentionOptimized,
 * figures by hand from softmax_program_factory_attention_optimized.cpp@003544f and ttnn::softmax's compute-config
 * default (softmax_device_operation.cpp@001a9c0: fp32 accumulation for an f32 input), with the build dates of the
 * change points around them. Tiles: bf16 2,048 B, f32 4,096 B; Wormhole l1_size 1,499,136 B (0.9· = 1,349,222.4).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue } from '../../../server/src/ttnn/op';
import { int, op, tensor, whContext } from './build';
import { softmaxFixedBlock } from '../../../server/src/estimate/ops/softmax';

const bool = (value: boolean): PropValue => ({ kind: 'bool', value });

function softmax(shape: number[], date: string, o: { dtype?: 'f32' | 'bf16'; stable?: boolean } = {}) {
  const t = () => tensor(shape, { dtype: o.dtype ?? 'bf16' });
  return estimateOp(
    op('ttnn.softmax', [t()], [t()], { dimension: int(-1), numericStable: bool(o.stable ?? false) }),
    whContext({ ttMetalDate: date }),
  );
}

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

describe('estimate/softmax over the last dim (attention-optimized factory)', () => {
  it('f32 (32, 1024) before PR #27732: fp32 acc off, block 8, bf16 intermediates, 202,752 B', () => {
    // Wt = 32, block 8: c_0 16·4,096 + c_11 16·4,096 + c_7 2,048 + c_2 2,048 + c_6 32·2,048 + c_5 2,048
    // = 65,536 + 65,536 + 2,048 + 2,048 + 65,536 + 2,048 = 202,752.
    const e = estimateOf(softmax([32, 1024], '2025-06-01', { dtype: 'f32' }));
    assert.equal(e.cbBytesPerCore, 202_752);
  });

  it('the same op from PR #27732 on: fp32 acc for the f32 input, block 4, f32 intermediates, 204,800 B', () => {
    // block = largest divisor of 32 ≤ 4 = 4: c_0 8·4,096 + c_11 8·4,096 + c_7 4,096 + c_2 2,048 + c_6 32·4,096
    // + c_5 2,048 = 32,768 + 32,768 + 4,096 + 2,048 + 131,072 + 2,048 = 204,800.
    const e = estimateOf(softmax([32, 1024], '2026-01-01', { dtype: 'f32' }));
    assert.equal(e.cbBytesPerCore, 204_800);
  });

  it('find_max_divisor skips 7 and 5: a (32, 224) row (Wt = 7) blocks by 1, a (32, 160) row (Wt = 5) too', () => {
    // find_max_divisor(7, 8): 8 no, 7 and 5 skipped, 6, 4, 3, 2 no → 1. c_0 2·1 + c_11 2·1 + c_7, c_2, c_5 1 each
    // + c_6 7 = 14 tiles = 28,672 B (with a block of 7 it would be c_0 14 + c_11 14 + 3 + 7 = 38 tiles).
    assert.equal(estimateOf(softmax([32, 224], '2025-06-01')).cbBytesPerCore, 28_672);
    // Wt = 5: c_0 2 + c_11 2 + 3 + c_6 5 = 12 tiles = 24,576 B.
    assert.equal(estimateOf(softmax([32, 160], '2025-06-01')).cbBytesPerCore, 24_576);
  });

  it('bf16 keeps fp32 off whatever the build (137,216 B for 64x1024, the OpModel golden)', () => {
    assert.equal(estimateOf(softmax([64, 1024], '2026-01-01')).cbBytesPerCore, 137_216);
  });

  it('the large-kernel test before PR #33519 counts c_0 + c_6 only: a stable 8192-wide row keeps whole rows', () => {
    // (32, 8192) bf16 stable, Wt = 256: c_0 256·2,048 + c_6 256·2,048 = 1,048,576 ≤ 1,349,222 → no large kernel:
    // c_0 524,288 + c_11 32,768 + c_7, c_2, c_5, c_8 8,192 + c_6 524,288 + c_10 524,288 = 1,613,824 B (overflows L1).
    const before = estimateOf(softmax([32, 8192], '2025-09-01', { stable: true }));
    assert.equal(before.cbBytesPerCore, 1_613_824);
    // From it c_11, 5 single tiles and c_10 count too: 1,615,872 > 1,349,222 → the 80-tile large kernel, 538,624 B.
    const after = estimateOf(softmax([32, 8192], '2025-12-15', { stable: true }));
    assert.equal(after.cbBytesPerCore, 538_624);
  });

  it('before PR #23130 there is no large kernel at all; a non-stable (32, 65536) row keeps Wt exps tiles', () => {
    // Wt = 2048, block 8: c_6 2048·2,048 = 4,194,304 alone → whole-row CBs: 32,768 + 32,768 + 3·2,048 + 4,194,304.
    const e = estimateOf(softmax([32, 65536], '2025-05-01'));
    assert.equal(e.cbBytesPerCore, 4_265_984);
  });

  it("PR #51145's fixed blocking: 8 (4 with fp32), or a smaller exact divisor needing no more blocks", () => {
    assert.equal(softmaxFixedBlock(32, 8), 8);
    assert.equal(softmaxFixedBlock(6, 8), 6); // one block either way
    assert.equal(softmaxFixedBlock(5, 8), 5);
    assert.equal(softmaxFixedBlock(12, 8), 6); // 2 blocks of 6 = 2 blocks of 8
    assert.equal(softmaxFixedBlock(11, 8), 8); // no divisor gives 2 blocks: 8 + a clamped 3
    assert.equal(softmaxFixedBlock(195, 4), 4);
  });

  it('rank > 4 runs the general W factories: unmodeled, not the attention-optimized figure', () => {
    const r = softmax([2, 2, 2, 32, 1024], '2026-01-01');
    assert.equal(r.kind, 'unmodeled');
  });
});
