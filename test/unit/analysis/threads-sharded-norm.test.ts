/**
 * Public-thread cases of sharded layer_norm / rms_norm (ops/normSharded.ts), on the shared harness
 * (test/support/threadCases.ts; fixtures in test/fixtures/threads, their headers cite the threads). One thread quotes
 * a figure of the sharded factory: tt-mlir #8065's clash, whose printed region end the reconstructed op gives to the
 * byte. The others are runs the threads say succeeded, asserted as "fits", with the CB total worked by hand from the
 * factory so a change of the model shows here.
 */

import * as assert from 'node:assert/strict';
import { assertFits, deviceOp, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: sharded layer_norm / rms_norm', () => {
  const rms9272 = { file: 'rms_norm_tt-mlir-9272.mlir' };

  it('tt-mlir #9272 (2026-09-01): width-sharded rms_norm (1,1,32,2048) ran at tt-metal c18bff73f84d: fits', () => {
    assertFits({ ...rms9272, date: '2026-08-31' });
  });

  it('tt-mlir #9272: the sharded factory on the 64 shard cores, 96,256 B of CBs (hand-derived)', () => {
    // block_h 1, block_w 1 (one tile column per core), Kt 64; all rows in one shard → 1D mcast over 64 blocks; 8x8
    // bounding box, rectangular → two-stage reduce, ex_external 8 + 8 − 1 = 15; fp32 acc on → f32 tiles (4,096 B);
    // c_4 f32 at this build (tt-metal PR #41637, 2026-04-24: sharded_layernorm_factory_helpers.cpp@7fb82fd).
    // c_5 gamma 1·2,048 + c_24 4,096 + c_18 4,096 + c_2/c_3 2·2,048 + c_4 4,096 + c_11 4,096 + c_12 4,096 + c_13 15·4,096
    // + c_20 4,096 + c_15 4,096 = 2,048 + 8,192 + 8,192 + 8,192 + 61,440 + 8,192 = 96,256. c_0 / c_16 are the shards.
    const { op } = deviceOp({ ...rms9272, date: '2026-08-31' });
    assert.equal(op.estimate.kind, 'estimate');
    if (op.estimate.kind !== 'estimate') return;
    assert.equal(op.estimate.factory, 'LayerNormShardedProgramFactory');
    assert.equal(op.estimate.nCoresUsed, 64);
    assert.equal(op.estimate.cbBytesPerCore, 96_256);
  });

  it('tt-mlir #9272 on a build before tt-metal PR #34335 (tt-mlir #6326: the sharded rms_norm crashed): unmodeled, never "fits"', () => {
    const { op, unmodeled } = deviceOp({ ...rms9272, date: '2025-12-01' });
    assert.equal(op.estimate.kind, 'unmodeled');
    assert.ok(unmodeled);
  });

  it('tt-mlir #8065 (2026-04-22): the sharded rms_norm CB region ends at 675,104 B exactly', () => {
    // LayerNormShardedProgramFactory, block_h 17, block_w 2, Kt 128, all rows in one shard → 1D mcast, 8x8 rectangular
    // → two-stage, ex_external 8 + 8 − 1 = 15, rows per worker ⌈17 / 8⌉ = 3; fp32 acc → f32 intermediates:
    // c_5 2·2,048 + c_24, c_18 2·34·4,096 + c_2, c_3, c_4 3·2,048 + c_11, c_12 2·17·4,096 + c_13 15·4,096 + c_20 3·4,096
    // + c_15 17·4,096 = 4,096 + 278,528 + 6,144 + 139,264 + 61,440 + 12,288 + 69,632 = 571,392; + the 2026-04 base
    // 103,712 (ttnn/l1BaseHistory.ts, #42882 of the same day) = 675,104, tt-metal's printed region end.
    const { op } = deviceOp({ file: 'rms_norm_tt-mlir-8065.mlir', date: '2026-04-22' });
    assert.equal(op.estimate.kind, 'estimate');
    assert.equal(op.estimate.kind === 'estimate' && op.estimate.factory, 'LayerNormShardedProgramFactory');
    assert.equal(regionEnd(op), 675_104);
    // The thread's range: every CB on all_cores = the shard grid, the 8x8 width-shard grid. (The clash itself needs the
    // unreconstructed L1 tensor, so the range is read from the estimate, not from a message.)
    assert.deepEqual(op.estimate.kind === 'estimate' ? op.estimate.reportedRange : undefined, [
      [0, 0],
      [7, 7],
    ]);
  });
});
