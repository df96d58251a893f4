/**
 * Public-thread regression set, reductions (fixtures in test/fixtures/threads, their headers cite the threads).
 * tt-metal #32546 (2025-11-17): ttnn.mean of a row-major L1 tensor tilizes it into the input's own memory config
 * (reduce_op.cpp, search index id 96151051: tilize_with_val_padding(input, padded_shape, pad_value,
 * input.memory_config())); a (N, 256, 1, 2) tensor pads every [1, 2] row to a 32x32 tile.
 */

import * as assert from 'node:assert/strict';
import { assertFits, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: reductions (test/fixtures/threads)', () => {
  const run = { file: 'mean_tt-metal-32546.mlir', date: '2025-11-17' };

  it('tt-metal #32546 (2025-11-17): mean of (1000, 256, 1, 2) row-major in L1 asks for "500 MB": out of L1, first error', () => {
    // Tilized: 1000·256·1 tile rows × 1 tile column = 256,000 bf16 tiles × 2,048 B = 524,288,000 B = 500 MiB (the
    // thread's "500 MB", 512x the 1,024,000 B input); over 64 banks 4,000 tiles = 8,192,000 B per bank, far above the
    // 1,331,936 B between the 2025-11 base and L1_SMALL. (8,192,000 B · 64 banks = 524,288,000 B = 500 · 1024 · 1024.)
    const { op, first } = deviceOp(run, 'mean_1000');
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    assert.deepEqual(
      [op.overflow.failedAllocation?.role, op.overflow.failedAllocation?.bytesPerCore],
      ['result of tilize input', 8_192_000],
    );
    // tt-metal's allocator line: the whole tilized copy across the 64 banks.
    assert.match(
      op.overflow.message,
      /allocate 524288000 B L1 buffer across 64 banks, where each bank needs to store 8192000 B/,
    );
    assert.equal(first, 'this op');
  });

  it("tt-metal #32546: the table's (100, 256, 1, 2) passes", () => {
    // 25,600 tiles over 64 banks = 400 · 2,048 = 819,200 B per bank tilized, with the 6,400 B row-major input and
    // result (400 pages of 16 B each) and the W reduce's 12,288 B of CBs: fits.
    assertFits(run, 'mean_100');
  });

  it("from tt-metal PR #44249 (merged 2026-06-03) the (1000, 256, 1, 2) mean runs the W factory's RM branch: no 500 MB copy, fits", () => {
    // reduce_op_multi_core_w_program_factory.cpp@82f9895 (rm_path), make_rm_plan: 256,000 rows over 64 cores = 4,000
    // per core; Wt = 1 → wt chunk 1, ht chunk 1; one c_24 page = one row of 32 · 2 B. c_24 2·32·64 = 4,096 + c_4 2,048 +
    // c_5 2,048 + c_0 2·2,048 + c_2 2,048 + c_3 2·2,048 = 18,432 B; the input is read row-major, never tilized. From PR
    // #50393 (≈2026-07-31), which turned the path back on, the same program.
    for (const date of ['2026-06-03', '2026-08-01']) {
      const { op } = deviceOp({ ...run, date }, 'mean_1000');
      assert.equal(op.overflow, undefined, date);
      assert.ok(op.estimate.kind === 'estimate', 'modeled');
      assert.equal(op.estimate.factory, 'ReduceMultiCoreWProgramFactory', date);
      assert.equal(op.estimate.cbBytesPerCore, 18_432, date);
      assert.ok(!op.estimate.l1IntermediateBytesPerCore, date);
    }
  });

  it('while PR #46122 gates the dense path off (≈2026-06-05 .. PR #50393) the "500 MB" tilized copy is back: out of L1', () => {
    // reduce_op.cpp (index id 54551941191): rm_base_eligible needs use_row_major_support, false by default, so the mean
    // tilizes into the input's L1 again: 4,000 tiles · 2,048 B = 8,192,000 B per bank, the thread's figure (its test
    // module skipped "until the fast path is re-enabled", index id 54625689960).
    const { op } = deviceOp({ ...run, date: '2026-06-15' }, 'mean_1000');
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    assert.deepEqual(
      [op.overflow.failedAllocation?.role, op.overflow.failedAllocation?.bytesPerCore],
      ['result of tilize input', 8_192_000],
    );
  });

  describe('tt-xla #5438 / #5439 (2026-06-30, Falcon3 7B / 10B TP at opt-level 2): the clash in ttnn::sum', () => {
    const sum5438 = { file: 'sum_tt-xla-5438.mlir', date: '2026-06-30' };
    it('the CB region ends at 124,704 B exactly, on all 64 cores, and the sum is the first error', () => {
      // "static circular buffer region ends at 124704" (both threads, backtrace ttnn::sum -> ttnn::prim::reduce). A
      // float32 W reduce: c_0 2 tiles + c_2 1 (the scaler) + c_3 2 = 5 · 4,096 = 20,480 B
      // (reduce_op_multi_core_w_program_factory.cpp); + 104,224 (the 2026-06..07 Wormhole base of
      // ttnn/l1BaseHistory.ts, tt-metal #47735) = 124,704. A bf16 sum's CBs (12,288 B) end at 116,512: the figure pins
      // the dtype. 64 tile rows over split_work_to_cores: 64 cores, the printed [0-0 - 7-7].
      const { op, first } = deviceOp(sum5438);
      assert.equal(op.op.name, 'ttnn.sum');
      assert.ok(op.estimate.kind === 'estimate', 'modeled');
      assert.equal(op.estimate.cbBytesPerCore, 20_480);
      assert.equal(op.estimate.nCoresUsed, 64);
      assert.equal(regionEnd(op), 124_704);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
      // "L1 buffer allocated at 117600": the fixture's stand-in live set is sized to put it there (not a prediction).
      assert.equal(op.overflow?.limitBytes, 117_600);
      assert.equal(first, 'this op');
    });
    it("clashes on core range [0-0 - 7-7], the threads' (x-y style of a 2026-06 build)", () => {
      // 64 tile rows ≥ the 64 cores: split_work_to_cores' all_cores is the whole grid, (0,0)-(7,7), where every CB is
      // created (reduce_op_multi_core_w.cpp@08d7e9a).
      assert.equal(printedRange(deviceOp(sum5438).op), '[0-0 - 7-7]');
    });
  });
});
