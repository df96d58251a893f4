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

/**
 * The attention-optimized factory read at every first-parent commit from c262c36 (2026-04-03) to 622c6fb (2026-06-23):
 * 7fb82fd (tt-metal PR #41637, merged 2026-04-24 08:59 UTC) adds c_13, the sum scaler, one tile in the intermediate
 * format, and makes c_2 Float32 for a Float32 input; 86dab3f (PR #44849, 2026-05-28 18:39 UTC) gives a numeric_stable
 * run with no mask the whole-row c_0 and no c_10 when the last dim is unpadded (W = logical W), else c_0 2·block and
 * c_10 Wt tiles.
 */
describe('estimate/softmax over the last dim: the CBs of tt-metal PRs #41637 and #44849', () => {
  it('bf16 64x1024: 137,216 B on 2026-04-23, one bf16 sum-scaler tile more (139,264 B) from 2026-04-24', () => {
    // Wt 32, block 8, fp32 off: 137,216 B (the OpModel golden) + c_13 2,048 = 139,264 B.
    assert.equal(estimateOf(softmax([64, 1024], '2026-04-23')).cbBytesPerCore, 137_216);
    const e = estimateOf(softmax([64, 1024], '2026-04-24'));
    assert.equal(e.cbBytesPerCore, 139_264);
    assert.deepEqual(
      e.cbs.filter((c) => c.cbIndex === 'c_2' || c.cbIndex === 'c_13').map((c) => [c.cbIndex, c.pageBytes]),
      [
        ['c_2', 2_048],
        ['c_13', 2_048],
      ],
    );
    assert.equal(e.confidence, 'exact');
  });

  it('f32 (32, 1024): c_2 a Float32 tile and c_13 a Float32 tile from 2026-04-24 (204,800 → 210,944 B)', () => {
    // fp32 acc on (f32 input), block 4: 204,800 B before (above); after, c_2 4,096 (+2,048) and c_13 4,096 → 210,944.
    assert.equal(estimateOf(softmax([32, 1024], '2026-04-23', { dtype: 'f32' })).cbBytesPerCore, 204_800);
    assert.equal(estimateOf(softmax([32, 1024], '2026-04-24', { dtype: 'f32' })).cbBytesPerCore, 210_944);
  });

  it('numeric_stable bf16 64x1024 (unpadded): c_10 dropped from 2026-05-28 (239,616 → 174,080 B)', () => {
    // 2026-05-01: c_0 32·2,048 65,536 + c_11 16·2,048 32,768 + c_7 2,048 + c_2 2,048 + c_13 2,048 + c_6 65,536 + c_5
    // 2,048 + c_8 2,048 + c_10 65,536 = 239,616 B; from 05-28 no c_10: 174,080 B.
    assert.equal(estimateOf(softmax([64, 1024], '2026-05-01', { stable: true })).cbBytesPerCore, 239_616);
    const after = estimateOf(softmax([64, 1024], '2026-05-28', { stable: true }));
    assert.equal(after.cbBytesPerCore, 174_080);
    assert.equal(
      after.cbs.some((c) => c.cbIndex === 'c_10'),
      false,
    );
  });

  it('numeric_stable bf16 64x1000 (padded to Wt 32): c_0 2·block with c_10 the row from 2026-05-28 (206,848 B)', () => {
    // From 05-28: c_0 16·2,048 32,768 + c_11 32,768 + c_7, c_2, c_13, c_5, c_8 5·2,048 10,240 + c_6 65,536 + c_10
    // 65,536 = 206,848 B; before, the whole-row c_0 as well: 239,616 B.
    assert.equal(estimateOf(softmax([64, 1000], '2026-05-01', { stable: true })).cbBytesPerCore, 239_616);
    assert.equal(estimateOf(softmax([64, 1000], '2026-05-28', { stable: true })).cbBytesPerCore, 206_848);
  });
});
