/**
 * group_norm cases of the public-thread regression set (test/fixtures/threads/group_norm_*.mlir; harness in
 * test/support/threadCases.ts). Expected figures are tt-metal's, quoted from the threads; the arithmetic that gives ours
 * is in each comment (factory: groupnorm_multi_core_sharded before tt-metal PR #26364, search-index version 3623185167).
 */

import * as assert from 'node:assert/strict';
import { assertFails, deviceOp, printedRange, regionEnd, type Run } from '../../support/threadCases';

describe('public-thread regression set: group_norm', () => {
  // tt-metal #19606 (2025-03-25): SDXL 1024x1024 UNet norms, block-sharded 8x8 row-major bf16, bfloat8_b mask.
  const gn19606: Run = { file: 'group_norm_tt-metal-19606.mlir', date: '2025-03-25' };

  // Per core: shard 2048 x C/8, per_core_Mt 64; groups of C/32 channels; one group span block_wt = 2 for both shapes
  // (20-wide groups in 80 columns: [20,39] spans tiles 0-1; 30-wide in 120: [30,59] spans 0-1). bf16 tiles 2,048 B,
  // bfloat8_b mask tiles 1,088 B. CBs: c_1 and c_30 (row-major output) 64·Nt each, c_2/c_3/c_4 1 each, c_7 mask
  // 2·2 = 4 bfp8 tiles = 4,352 B, repack c_11 2·Nt (C/8 is not a multiple of 32), c_13 x and c_14 x − E[x] 64·2 = 128
  // each, c_8 1, c_10 8 (one partial per core of a column of 8), c_15 1, c_17 1.
  //   640: Nt 3 → 192 + 192 + 3 + 6 + 128 + 128 + 1 + 8 + 1 + 1 = 660 tiles = 1,351,680 + 4,352 = 1,356,032 B.
  //   960: Nt 4 → 256 + 256 + 3 + 8 + 128 + 128 + 1 + 8 + 1 + 1 = 790 tiles = 1,617,920 + 4,352 = 1,622,272 B.
  // Both thread figures give the same base: 1,458,144 − 1,356,032 = 102,112 = 1,724,384 − 1,622,272.

  it('tt-metal #19606: [1, 640, 128, 128] clashes with L1 buffers, region end 1,458,144 B exactly', () => {
    const { op, first } = deviceOp(gn19606, 'group_norm_640');
    assert.equal(op.estimate.kind, 'estimate');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(first, 'this op');
    // The 2025-03 base of ttnn/l1BaseHistory.ts (102,112, this figure's and #18997's) + 1,356,032 = 1,458,144 (the
    // preset's 102,656 would give 1,458,688, 544 B above). The base is #18997's figure (2025-03-12, a softmax), not
    // this thread's, so the region end is held to the byte.
    assert.equal(regionEnd(op), 102_112 + 1_356_032);
    assert.equal(regionEnd(op), 1_458_144);
    // The thread's range: every CB on the input's shard grid, the 8x8 block grid.
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
  });

  it('tt-metal #19606: [1, 960, 128, 128] grows to 1,724,384 B, beyond L1, exactly', () => {
    const op = assertFails(gn19606, 'group_norm_960', { first: false });
    // 102,112 (#18997's base) + 1,622,272 = 1,724,384, tt-metal's figure to the byte.
    assert.equal(regionEnd(op), 1_724_384);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
  });

  it('tt-metal #19606: the base the 640 figure implies (102,112, the 2025-03 base of the dated table) gives the 960 figure to the byte', () => {
    const { op } = deviceOp(gn19606, 'group_norm_960');
    assert.equal(regionEnd(op), 1_724_384);
  });

  it('tt-metal #19606 after PR #26364 (no x − E[x] CB, one-tile c_10, ones tile c_26): 640 still clashes, 960 no longer grows past L1', () => {
    // 640: 660 − 128 (c_14) − 8 + 1 (c_10) + 1 (c_26) = 526 tiles = 1,077,248 + 4,352 = 1,081,600 B; the input and
    // output shards (327,680 B each) sit from 843,776 up, below the region end 102,112 + 1,081,600 = 1,183,712. SDXL
    // also needed the negative mask (in/out CB overlap) of the same PR, which tt-mlir does not pass.
    const later: Run = { ...gn19606, date: '2025-10-01' };
    const { op: op640 } = deviceOp(later, 'group_norm_640');
    assert.equal(op640.estimate.kind === 'estimate' ? op640.estimate.cbBytesPerCore : NaN, 1_081_600);
    assert.equal(op640.overflow?.kind, 'cbClashesWithL1Buffers');
    // 960: 790 − 128 − 8 + 1 + 1 = 656 tiles = 1,343,488 + 4,352 = 1,347,840 B: inside L1, below the shards no more.
    const { op: op960 } = deviceOp(later, 'group_norm_960');
    assert.equal(op960.estimate.kind === 'estimate' ? op960.estimate.cbBytesPerCore : NaN, 1_347_840);
    assert.notEqual(op960.overflow?.kind, 'cbBeyondL1');
  });

  // tt-metal #16001 (2024-12-13): SDXL-turbo 1024x1024 group_norm issue cases, 8x4 core grid, column-major block shards.
  // The (1, 1920, 64, 64) case: shard 512 x 480 → Mt 16, Nt 15 (480 % 32 = 0: no repack CBs); 32 groups of 60
  // channels, 8 per core, the widest spanning 3 tiles ([60, 119] → tiles 1-3): block_wt 3, block_ht 16. One batch
  // over the 8 height cores, a group inside one core: c_10 8. Row-major input and output: c_1 and c_30 16·15 = 240
  // each; c_2/c_3/c_4 3; gamma and beta given: c_5, c_6 15 each; c_13 and c_14 16·3 = 48 each; c_8, c_15, c_17 1 each:
  // 620 bf16 tiles = 1,269,760 B, plus c_7 mask 2·3 bfloat8_b tiles = 6,528 B → 1,276,288 B. With the 2024-12 base
  // (99,104) the region ends at 1,375,392, the thread's figure to the byte.
  const gn16001: Run = { file: 'group_norm_tt-metal-16001.mlir', date: '2024-12-13', l1SmallSize: 0 };
  it('tt-metal #16001: [1, 1920, 64, 64] on 8x4 cores, region end 1,375,392 B on (0,0)-(7,3), exact', () => {
    const { op, first } = deviceOp(gn16001, 'group_norm_1920x64x64');
    assert.equal(first, 'this op');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(regionEnd(op), 1_375_392);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=3)]');
    // The clash partner is not asserted: the test ran in place (no output tensor) with its input shard at 723,456
    // (below the freed row-major L1 input of 74 pages of 3,840 B on 56 banks); a tt-mlir result is its own tensor.
  });
});
