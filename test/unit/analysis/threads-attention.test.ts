/**
 * Public-thread regression cases for attention and LLM decode (test/fixtures/threads/*sdpa*.mlir): the first error
 * lands on the thread's op, the CB region end is within 4 KiB of tt-metal's figure (exact where every input is known),
 * and nothing is flagged once the fixing PR is in. The paged SDPA decode case of tt-metal #44311 stays in
 * threads.test.ts. Expected figures are tt-metal's, quoted from the threads; the arithmetic in the comments is the
 * factory's (server/src/estimate/ops/attention.ts cites it).
 */

import * as assert from 'node:assert/strict';
import { assertFails, assertFits, assertNear, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: attention (test/fixtures/threads)', () => {
  describe('paged SDPA decode through tt-mlir on Blackhole', () => {
    const t9039 = { file: 'paged_sdpa_decode_tt-mlir-9039.mlir', arch: 'blackhole_p150' };
    it('tt-mlir #9039 (2026-07-15, gemma-4-E4B, opt-level 1): 2,318,272 B to the byte, the first error', () => {
      // No program_config in the IR: tt-mlir's runtime passes its Blackhole one (PR #7561: chunks 0, 110 cores per
      // head), so tt-metal's own default (PR #44617, K chunk 32, one core per head) does not apply. 8 q heads ≤ 16 and
      // causal bf16: 16x32 half tiles (1,024 B). Dynamic K chunk 8 tiles, DHt 16, PNHt 1, 2 KV heads: cores per head
      // ⌊110 / 1 / 2⌋ = 55. K, V 8·16·2 full bf16 tiles each = 1,048,576 B; c_19 (16 + 2)·54 = 972 half tiles =
      // 995,328 B; Q, tilized Q, c_25, c_26, c_23, c_16 16 half tiles each = 98,304 B; output c_20 16 full = 32,768 B;
      // mask c_3 and QK^T c_24 8 half each = 16,384 B; c_5, c_6, c_7, c_12, c_17, c_18 and 7 statistics 13 half =
      // 13,312 B; c_11 one full = 2,048 B; the page-table row of tt-xla's test (max_model_len 128 / block 32 = 4 int32)
      // one 64 B DRAM-aligned page; cur_pos (1,) int32 one 64 B page twice, c_8 for the writer and c_15 for compute
      // (tt-metal PR #45142, 2026-05-27, sdpa_decode_program_factory.cpp@4179f74) = 192 B: 2,206,912 B of CBs +
      // 111,360 (Blackhole base of 2026-06-12..07-25) = 2,318,272, tt-metal's figure to the byte.
      const op = assertFails({ ...t9039, date: '2026-07-15' }, 'opt_level_1');
      assert.equal(regionEnd(op), 2_318_272);
      // A build before PR #45142 has the one c_8: 64 B fewer CBs (the bases of the two dates differ, so the CBs are
      // compared).
      const before = deviceOp({ ...t9039, date: '2026-05-26' }, 'opt_level_1').op.cbBytesPerCore;
      assert.equal((op.cbBytesPerCore ?? 0) - (before ?? 0), 64);
    });
    it("tt-mlir #9039: on core range [0-0 - 10-9], the thread's (x-y style of a 2026-07 build)", () => {
      // Every CB on core_grid = CoreRange({0, 0}, {grid.x − 1, grid.y − 1}), the runtime's config taking the device's
      // 11x10 Blackhole compute grid (sdpa_decode_program_factory.cpp@007f92d).
      assert.equal(printedRange(assertFails({ ...t9039, date: '2026-07-15' }, 'opt_level_1')), '[0-0 - 10-9]');
    });
    it('tt-mlir #9039: at opt-level 0 (the workaround config of tt-mlir PR #8384) it fits, "the model compiles"', () => {
      // The workaround's max_cores_per_head_batch is min(page-table blocks, 32) = 4: c_19 (16 + 2)·3 half tiles.
      assertFits({ ...t9039, date: '2026-07-15' }, 'opt_level_0');
    });
    it('tt-mlir #9039 after tt-mlir PR #8979 (K chunk 32, one core per head): fits, with or without the IR config', () => {
      assertFits({ ...t9039, date: '2026-07-20' }, 'after_pr_8979');
      // Without one, the runtime passes none from PR #8979 on and tt-metal's PR #44617 default runs.
      assertFits({ ...t9039, date: '2026-07-20' }, 'opt_level_1');
    });

    const t9007 = { file: 'paged_sdpa_decode_tt-mlir-9007.mlir', arch: 'blackhole_p150' };
    it('tt-mlir #9007 (2026-07-10, gemma-4-31B over 4 devices, opt-level 1): "got 110 cores/head" is rejected', () => {
      // 1 KV head per device at batch 1 and the runtime's max_cores_per_head_batch of 110: ⌊110 / 1 / 1⌋ = 110 cores
      // per head > 2^6, a TT_FATAL in the factory before any CB is made.
      const { op, first } = deviceOp({ ...t9007, date: '2026-07-10' }, 'global_layer_per_device');
      assert.equal(op.estimate.kind, 'illegal');
      assert.ok(op.estimate.kind === 'illegal' && op.estimate.rule.includes('got 110 cores/head'), 'the factory rule');
      assert.equal(first, 'this op');
    });
    it('tt-mlir #9007: at opt-level 0 (32 cores per head) it fits, "they compile"', () => {
      assertFits({ ...t9007, date: '2026-07-10' }, 'opt_level_0');
    });
    it('tt-mlir #9007 after tt-mlir PR #8979: tt-metal default, one core per head, fits', () => {
      assertFits({ ...t9007, date: '2026-07-20' }, 'global_layer_per_device');
    });
  });

  describe('SDPA prefill', () => {
    it('tt-metal #16288 (2024-12-23, SD3.5 at 512x512): 10,105,632 B exactly, with the late-2024 base', () => {
      // Reconstructed inputs (see the fixture): 1184-token chunks = 37 tiles, DHt 2, a bf16 mask, one q chunk per core.
      // Tiles: Q 37·2 = 74, K and V 37·2·2 = 148 each, mask 37·37·2 = 2,738, c_5 + c_7 2, QK^T 37·37 = 1,369, c_25 +
      // c_26 2·74 = 148, c_27..c_31 5·37 = 185, output 74: 4,886 bf16 tiles = 10,006,528 B; + the late-2024 base
      // 99,104 (the 2024-12 base of ttnn/l1BaseHistory.ts, as tt-metal #15950 and #16348 print it) = 10,105,632,
      // tt-metal's figure.
      const op = assertFails({ file: 'sdpa_tt-metal-16288.mlir', date: '2025-01-01' });
      assertNear(regionEnd(op), 10_105_632);
      assert.equal(regionEnd(op), 10_105_632);
      // The thread's range: every CB on core_grid, the whole 8x8 compute grid.
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    });
  });

  describe('concatenate_heads (nlp_concat_heads, interleaved) of DeepSeek-V3 MLA: 128 heads x v_head_dim 128', () => {
    // nlp_concat_heads_program_factory.cpp@3fa4d753: per_tensor_tiles = 128·128 / 32 = 512, c_0 double-buffered
    // 2·512·2,048 = 2,097,152 B on split_work_to_cores(grid, B·S / 32) column-wise all_cores.
    const file = 'concatenate_heads_deepseek-v3-mla.mlir';
    it('tiny DeepSeek-V3 (remediation report of 2026-04-29, p150): 2,208,256 B on [(x=0,y=0) - (x=0,y=0)]', () => {
      // One row block (S ≤ 32), one core: 2,097,152 + 111,104 (Blackhole, 2026-01-30..06-11).
      const op = assertFails({ file, date: '2026-04-29', arch: 'blackhole_p150' }, 'deepseek_v3_tiny');
      assert.equal(regionEnd(op), 2_208_256);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=0,y=0)]');
    });
    it("vLLM MLA prefill [1-64] (tt-xla, tt-mlir e018513cd → tt-metal d5a16537 of 2026-05-11, n150): the note's figure", () => {
      // S 64: two row blocks on two cores, column-wise (0,0)-(0,1). 2,097,152 + 103,744 (Wormhole from tt-metal PR #43570,
      // dated 2026-05-06, in ttnn/l1BaseHistory.ts) = 2,200,896, "on core range [0-0 - 0-1]".
      const op = assertFails({ file, date: '2026-05-11', arch: 'wormhole_b0_n150' }, 'deepseek_v3_mla_prefill', {
        first: false,
      });
      assert.equal(regionEnd(op), 2_200_896);
      assert.equal(printedRange(op), '[0-0 - 0-1]');
    });
  });
});
