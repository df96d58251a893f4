/**
 * Public-thread cases of the search reductions (topk; ops/search.ts), on the shared harness (test/support/threadCases.ts;
 * fixtures in test/fixtures/threads, their headers cite the threads). tt-metal #13235 quotes no figure: before tt-metal
 * PR #21029 its 1x50257 topk is rejected by validate (no multi-core split fits), asserted as the op's first error with
 * the rule tt-metal prints; the bitonic single-core factory of those builds is checked by hand on a narrower row.
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, deviceOp, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: topk (test/fixtures/threads)', () => {
  const t13235 = { file: 'topk_tt-metal-13235.mlir' };

  it('tt-metal #13235 (2025-01-21): topk of 1x50257 "not enough L1 memory": rejected, the first error', () => {
    // Padded W = 50,272 ≥ 8,192 needs a multi-core split (topk_op.cpp before PR #21029): at most 8 − 1 = 7 local cores;
    // split 25,136 → 2 cores: 2·2·4,096 + 2·785·4,096 = 6,447,104 ≥ 2·1,499,136; 12,568 → 4 cores: 32,768 +
    // 4·392·4,096 = 6,455,296 ≥ 4·1,499,136; 6,284 → 8 cores > 7, and smaller splits more: "Not enough cores available".
    const { op, first } = deviceOp({ ...t13235, date: '2025-01-21' }, 'gpt2_logits_topk');
    assert.equal(op.estimate.kind, 'illegal');
    assert.ok(op.estimate.kind === 'illegal' && op.estimate.rule.includes('Not enough cores available'));
    assert.equal(first, 'this op');
  });

  it('tt-metal #13235 after PR #21029 ("working set is k tiles only"): fits', () => {
    assertFits({ ...t13235, date: '2025-06-01' }, 'gpt2_logits_topk');
  });

  it('before PR #21029 a (32, 8160) f32 row runs the bitonic single-core factory, whole-row CBs: 1,702,688 B', () => {
    // Wt = 255; T(f32) = 4,096, T(u16) = 2,048: c_0 4·4,096 + c_1 4·2,048 + c_24 255·4,096 + c_25 255·2,048 + c_16
    // 2·4,096 + c_17 2·2,048 = 1,603,584 B + 99,104 (the 2024-12 base of ttnn/l1BaseHistory.ts) = 1,702,688.
    const op = assertFails({ ...t13235, date: '2025-01-21' }, 'narrow', { first: false });
    assert.equal(regionEnd(op), 1_702_688);
    assert.match(op.estimate.kind === 'estimate' ? op.estimate.factory : '', /bitonic/);
  });

  it('the same row after PR #21029: 4 streamed transposed tiles, fits', () => {
    assertFits({ ...t13235, date: '2025-06-01' }, 'narrow');
  });
});
