/**
 * Public-thread cases of the search reductions (topk; ops/search.ts), on the shared harness (test/support/threadCases.ts;
 * fixtures in test/fixtures/threads, their headers cite the threads). tt-metal #13235 quotes no figure: before tt-metal
 * PR #21029 its 1x50257 topk is rejected by validate (no multi-core split fits), asserted as the op's first error with
 * the rule tt-metal prints; the bitonic single-core factory of those builds is checked by hand on a narrower row.
 * Multi-core argmax: two nsmithtt/tt-forge-remediation reports of tt-xla model tests (Blackhole p150, tt-metal 3fa4d753).
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

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

describe('public-thread regression set: multi-core argmax (test/fixtures/threads)', () => {
  // ArgMaxMultiCoreProgramFactory (argmax_multi_core_program_factory.cpp@3fa4d753): the reduced row in units of DRAM
  // alignment / 2 = 32 elements over split_work_to_cores(11x10, units), column-wise; c_0 = round32(units·32·2) per core
  // group (cores0 first), c_1 = round32(rows·4), c_2 = round32(rows·4)·n, c_3 = round32(rows·2)·n on all_cores.
  const run = { file: 'argmax_tt-forge-remediation-p150.mlir', date: '2026-04-08', arch: 'blackhole_p150' };
  it("Emu3 VQ argmin (2026-04-28): 2,831,488 B on [(x=0,y=0) - (x=3,y=3)], the report's", () => {
    // 32,768 / 32 = 1,024 units over 110 cores: 34 cores of 10 units, 76 of 9. c_0 = 640; c_1 = 16,384; c_2 = 16,384·110 =
    // 1,802,240; c_3 = 8,192·110 = 901,120 → 2,720,384 + 111,104 = 2,831,488. cores0 = 3 full columns + 4 cores of
    // column 3, merged (add_circular_buffer) to (0,0)-(3,3) over (0,4)-(2,9): c_0's first allocator is the one printed.
    const op = assertFails(run, 'emu3_vq_argmin');
    assert.equal(regionEnd(op), 2_831_488);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=3,y=3)]');
  });
  it('EfficientLoFTR coarse match (2026-04-28): 3,298,432 B on [(x=0,y=0) - (x=3,y=9)]', () => {
    // 4,800 / 32 = 150 units over 110 cores: 40 cores of 2 units (c_0 = 128), 70 of 1. c_1 = 19,200; c_2 = 19,200·110 =
    // 2,112,000; c_3 = 9,600·110 = 1,056,000 → 3,187,328 + 111,104 = 3,298,432. cores0 = 4 full columns, (0,0)-(3,9).
    const op = assertFails(run, 'efficientloftr_coarse_match', { first: false });
    assert.equal(regionEnd(op), 3_298_432);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=3,y=9)]');
  });
  it('after the ProgramDescriptor port (tt-metal PR #43208, 2026-05-05): the same CBs, cores0 unmerged', () => {
    // CBDescriptor{.core_ranges = cores0} (argmax_multi_core_program_factory.cpp@1b02d5c) is not merged: Emu3's cores0
    // prints its 3 full columns, (0,0)-(2,9), in the x-y style of that build (change point corerange-str-dash); the bytes
    // do not move.
    const op = assertFails({ ...run, date: '2026-05-06' }, 'emu3_vq_argmin');
    assert.equal(regionEnd(op), 2_831_488);
    assert.equal(printedRange(op), '[0-0 - 2-9]');
  });
});
