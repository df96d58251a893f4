/**
 * Public-thread cases of ttnn.concat (ops/concat.ts), on the shared harness (test/support/threadCases.ts; fixtures in
 * test/fixtures/threads, their headers cite the threads). Expected figures are tt-metal's, quoted from the threads.
 */

import * as assert from 'node:assert/strict';
import { analyse, assertFails, assertFits, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: concat (test/fixtures/threads)', () => {
  const c43893 = { file: 'concat_tt-metal-43893.mlir' };
  it('tt-metal #43893 (2026-05-08): 1,843,072 B to the byte, before PR #43898', () => {
    // Unaligned last dim → row-major concat of the transposed (1, 217413) rows: page = align(217,413·4, 32) = 869,664;
    // 2 pages + 103,744 (tt-metal main from PR #43570, a1449a0 of 2026-05-05 19:19 UTC, dated 05-06: BRISC firmware 6 KiB + 32 B,
    // ttnn/l1BaseHistory.ts) = 1,843,072, tt-metal's figure.
    assert.equal(regionEnd(assertFails({ ...c43893, date: '2026-05-08' })), 1_843_072);
  });
  it("tt-xla #4583 (2026-05-08, the same Faster R-CNN stack+flatten through tt-xla's pinned tt-metal): 1,843,040 B to the byte", () => {
    // The thread that led to #43893, before PR #43898: "grow to 1843040 B" on [0-0 - 0-3]; 2 · 869,664 + 103,712 =
    // 1,843,040, 32 B under #43893's main of the same day: tt-xla's pinned tt-metal predates PR #43570 (2026-05-05),
    // so it is run at 2026-05-04, a build day with only the 103,712 B base (ttnn/l1BaseHistory.ts).
    const op = assertFails({ ...c43893, date: '2026-05-04' });
    assert.equal(regionEnd(op), 1_843_040);
  });
  it("tt-xla #4583 / tt-metal #43893: on core range [0-0 - 0-3], the threads' (x-y style of a 2026-05 build)", () => {
    // 4 transposed output rows → split_work_to_cores(8x8, 4, row_wise = false): all_cores = column 0's 4 cores,
    // (0,0)-(0,3), where c_0 is created (concat_program_factory.cpp@00342c1, concat_multi_core).
    assert.equal(printedRange(assertFails({ ...c43893, date: '2026-05-07' })), '[0-0 - 0-3]');
  });
  it('tt-metal #43893 after PR #43898 (single-buffered): fits', () => {
    assertFits({ ...c43893, date: '2026-06-01' });
  });
  it('tt-metal #43371 (2026-04-29): int32 [1993728,3] + [1993728,1] on dim 1 overflows', () => {
    assertFails({ file: 'concat_tt-metal-43371.mlir', date: '2026-04-29' });
  });
  it("tt-mlir PR #8237 (log of 2026-04-28, the same concat through tt-mlir's runtime): grows to 16,056,096 B on (0,0)-(0,3), to the byte", () => {
    // "Statically allocated circular buffers on core range [(x=0,y=0) - (x=0,y=3)] grow to 16056096 B" (the PR's
    // description, executing %13 = "ttnn.concat" on the fixture's operands). Run at the tt-metal tt-mlir pinned,
    // 2a9cc7c of 2026-04-24 18:41 UTC. Transposed rows of 1,993,728 int32:
    // page = 7,974,912 B (tt-metal PR #46321's "~7.6 MB per page"), 2 pages = 15,949,824 B. The base is 2,560 B above
    // the 103,712 B of the builds around it: tt-metal PR #41021 (84c0174, 2026-04-24 09:48 UTC) had grown the Wormhole
    // BRISC firmware region by 2,560 B, which moves the allocator base with MEM_MAP_END, until PR #43082 (4919a5a,
    // 2026-04-25 00:09 UTC) restored it; 15,949,824 + 106,272 = 16,056,096. 4 output rows → 4 cores,
    // column-major: the printed (0,0)-(0,3).
    const op = assertFails({ file: 'concat_tt-metal-43371.mlir', date: '2026-04-24' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.cbBytesPerCore, 2 * 1_993_728 * 4);
    assert.equal(regionEnd(op), 16_056_096);
    assert.equal(op.estimate.nCoresUsed, 4);
    assert.deepEqual(
      op.estimate.coreGroups.map((g) => [g.firstCore, g.nCores]),
      [[[0, 0], 4]],
    );
    // The log's range, in the (x=,y=) style of a build before tt-umd PR #2397 reached tt-metal.
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=0,y=3)]');
  });
  it('tt-metal #43371 after PR #46321 (2026-06-12, the fix): chunked along dim[-2], fits', () => {
    // concat.cpp after PR #46321: the transposed page align(1,993,728 · 4, 32) = 7,974,912 B exceeds l1_capacity =
    // 1,499,136 − 104,224 (the base from 2026-06-12, ttnn/l1BaseHistory.ts) = 1,394,912, so chunk_rows =
    // floor(1,394,912 / 8 = 174,364 / 32) · 32 = 174,336; a chunk concat's page is 697,344 B, single-buffered
    // (2 · 697,344 > 749,568 − 104,224, PR #43898).
    const run = { file: 'concat_tt-metal-43371.mlir', date: '2026-06-20' };
    assertFits(run);
    const { op } = deviceOp(run);
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.cbBytesPerCore, 697_344);
    // Before the change point: the whole 1,993,728-element row is one page, and PR #43898's guard (page ≤ l1_size −
    // base = 1,499,136 − 103,840, the 2026-05-30..06-11 base) rejects it before any CB is made.
    const early = deviceOp({ ...run, date: '2026-06-10' }).op.estimate;
    assert.ok(early.kind === 'illegal', early.kind);
    assert.match(early.rule, /required CB page size \(7974912 B\) exceeds per-core L1 capacity \(1395296 B\)/);
    // Before PR #43898 (2026-05-12) no guard: two such pages grow beyond L1 (the thread's own failure, above).
    assertFails({ ...run, date: '2026-05-11' });
  });
  describe("tt-mlir PR #8412 (2026-05-13): a chunk concat of tt-mlir PR #8237's workaround clashes", () => {
    // Its figure needs the 103,712 B base: the tt-metal of the PR's branch predates PR #43570 (2026-05-05; tt-mlir's
    // d5a1653 pin of 2026-05-11 already has its + 32 B), so it is run at 2026-05-04 (ttnn/l1BaseHistory.ts).
    const run = { file: 'concat_tt-mlir-8412.mlir', date: '2026-05-04' };
    it('region end 1,498,912 B exactly on 3 cores, the concat the first error', () => {
      // "clash with L1 buffers on core range [0-0 - 0-2]. L1 buffer allocated at 1,433,280 and static circular buffer
      // region ends at 1,498,912". Chunk rows (tt-mlir's ConcatOpRewritePattern.cpp@7cdaf43): floor((1,499,136 −
      // 103,712) / (4 · 2)) = 174,428 → 174,400 (a multiple of 32). The chunk concat's transposed rows: page
      // 174,400 · 4 = 697,600 B, two pages (tt-metal without PR #43898's fallback) = 1,395,200 + 103,712 (the
      // 2026-02..05 base) = 1,498,912. Three output rows → three cores.
      const a = analyse(run);
      const concat = a.functions[0]?.ops[2];
      assert.ok(concat !== undefined && concat.estimate.kind === 'estimate');
      assert.equal(concat.op.name, 'ttnn.concat');
      assert.equal(concat.estimate.cbBytesPerCore, 1_395_200);
      assert.equal(concat.estimate.nCoresUsed, 3);
      assert.equal(regionEnd(concat), 1_498_912);
      assert.equal(concat.overflow?.kind, 'cbClashesWithL1Buffers');
      // The stand-in live set puts the lowest L1 buffer where tt-metal printed it (not a prediction).
      assert.equal(concat.overflow?.limitBytes, 1_433_280);
      // 3 rows → column 0's 3 cores, the thread's "[0-0 - 0-2]".
      assert.equal(printedRange(concat), '[0-0 - 0-2]');
      assert.deepEqual([a.firstFailure?.functionIndex, a.firstFailure?.opIndex], [0, 2]);
    });
    it('with PR #43898 (one page, 697,600 + 103,712 = 801,312 B) the same chunk concat stays below the L1 tensor', () => {
      assertFits({ ...run, date: '2026-05-20' }, 'chunk_concat');
    });
  });

  describe("tt-metal PR #43898's page guard: tt-xla #5367 (Z-Image) and #5114 (CogVideoX), June 2026", () => {
    const rule = (run: { file: string; date: string }, fn?: string): string => {
      const e = deviceOp(run, fn).op.estimate;
      assert.ok(e.kind === 'illegal', e.kind);
      return e.rule;
    };
    it('tt-xla #5367 (2026-06-24): 30 layers, page 1,966,080 B against 1,394,912 B; 24 layers 1,597,440 B; 18 fit', () => {
      // Row-major rank-1 concat on its only dim: page = one output row = 32 pieces · 15,360 · 4 B = 1,966,080
      // (26 · 61,440 = 1,597,440 for 24 layers, the thread's table). l1_size − base = 1,499,136 − 104,224 (the
      // 2026-06-12..07 Wormhole base, ttnn/l1BaseHistory.ts) = 1,394,912.
      const run = { file: 'concat_tt-xla-5367.mlir', date: '2026-06-24' };
      assert.match(
        rule(run, 'adaln_30_layers'),
        /^ttnn\.concat: required CB page size \(1966080 B\) exceeds per-core L1 capacity \(1394912 B\); op cannot fit on this device/,
      );
      assert.match(rule(run, 'adaln_24_layers'), /required CB page size \(1597440 B\) exceeds .* \(1394912 B\)/);
      // 20 · 61,440 = 1,228,800 B ≤ 1,394,912: one page (two exceed l1_size/2 − base = 645,344), 1,333,024 B of L1.
      assertFits(run, 'adaln_18_layers');
      // Before PR #43898 (2026-05-12) no guard: two pages grow beyond L1.
      assertFails({ ...run, date: '2026-05-11' }, 'adaln_30_layers');
    });
    it('tt-xla #5336 (2026-06-23, GLM-Image): 31 bf16 AdaLN biases, page 2,965,504 B against 1,395,296 B', () => {
      // 30 · 49,152 + 8,192 = 1,482,752 bf16 = 2,965,504 B, one row; 31 inputs ≤ 47, one program. The thread's capacity
      // is the 103,840 B base of 2026-05-30..06-11 (1,499,136 − 103,840 = 1,395,296): its pinned tt-metal is older than
      // the thread, so the latest build day with that base is taken.
      assert.match(
        rule({ file: 'concat_tt-xla-5336.mlir', date: '2026-06-11' }),
        /^ttnn\.concat: required CB page size \(2965504 B\) exceeds per-core L1 capacity \(1395296 B\)/,
      );
      assert.equal(deviceOp({ file: 'concat_tt-xla-5336.mlir', date: '2026-06-11' }).first, 'this op');
    });
    it('tt-xla #5114 (2026-06-07): the first batch of 47 of 85 biases, page 3,465,216 B against 1,395,296 B', () => {
      // 85 interleaved inputs > 47 (PR #41073) → the first program concatenates inputs 0..46: 47 · 18,432 f32 =
      // 866,304 · 4 = 3,465,216 B, one row; l1_size − base = 1,499,136 − 103,840 (2026-05-30..06-11) = 1,395,296.
      const run = { file: 'concat_tt-xla-5114.mlir', date: '2026-06-07' };
      assert.match(
        rule(run),
        /^ttnn\.concat: required CB page size \(3465216 B\) exceeds per-core L1 capacity \(1395296 B\)/,
      );
      // In a batch of 50 (PR #33009, before PR #41073) and before PR #43898's guard and fallback: two pages of
      // 50 · 73,728 = 3,686,400 B over the 103,712 B base of 2026-01-30..04-23 grow to 7,476,512 B.
      const batched = assertFails({ ...run, date: '2026-04-03' });
      assert.equal(regionEnd(batched), 7_476_512);
      // The later programs are sized too (concat_impl@14d91b5): batch 2, inputs 50..84 (34 · 18,432 + 6,144 =
      // 632,832 f32), one row of 2,531,328 B, two pages 5,062,656 B; the concat of the two batch results, one row of
      // the whole 1,554,432 · 4 = 6,217,728 B, two pages 12,435,456 B, the largest. tt-metal stops at the first program past L1, batch 1, so its
      // figure is the one reported; every input is known: exact.
      assert.ok(batched.estimate.kind === 'estimate');
      assert.match(
        batched.estimate.factoryReason,
        /^3 programs run in turn \(batch 1 \(inputs 0\.\.49, [^)]*\): ConcatProgramFactory 7372800 B; batch 2 \(inputs 50\.\.84, [^)]*\): ConcatProgramFactory 5062656 B; concat of the 2 batch results: ConcatProgramFactory 12435456 B\); the first past L1 is batch 1/,
      );
      assert.equal(batched.estimate.confidence, 'exact');
    });
  });
});
