/**
 * Public-thread regression cases for the data-movement families without thread cases elsewhere (to_memory_config /
 * interleaved_to_sharded, reshape): test/fixtures/threads/<op>_<repo>-<N>.mlir, run by the shared harness
 * (test/support/threadCases.ts) at the thread's build date. Expected figures are tt-metal's, quoted from the threads;
 * the arithmetic in the comments follows the factory each estimator cites.
 */

import * as assert from 'node:assert/strict';
import {
  analyse,
  assertFails,
  assertFits,
  assertNear,
  deviceOp,
  printedRange,
  regionEnd,
} from '../../support/threadCases';

describe('public-thread regression set: data movement (test/fixtures/threads)', () => {
  describe('to_memory_config → DRAM width-sharded (interleaved_to_sharded)', () => {
    // A ttnn model run, not tt-mlir's runtime: the device is opened with tt-metal's DEFAULT_L1_SMALL_SIZE = 0
    // (tt_metal/hostdevcommon/api/hostdevcommon/common_values.hpp@152bdb3); the thread's L1 buffer at 1,378,048 B,
    // 194,816 B under the 1,572,864 B L1 size, agrees (with 64 KiB of L1_SMALL it would sit under 1,507,328 B).
    // The thread's checkout (4a5bfad) predates Blackhole's 13,424 B mailbox (l1BaseHistory.ts: 111,616 B from tt-metal
    // PR #54274, 2026-08-25): its figure less the CBs below is 111,488, the base of PR #49417's map, given here.
    const run = {
      file: 'to_memory_config_tt-metal-54621.mlir',
      date: '2026-08-27',
      arch: 'blackhole_p100',
      l1SmallSize: 0,
      base: 111_488,
    };

    it('tt-metal #54621 (2026-08-27, P100): the (2048, 320) bf16 shard ends the CB region at 1,430,656 B to the byte', () => {
      // interleaved_to_sharded_program_factory.cpp@019b681, DRAM destination: the output CB is not bound to the shard, it
      // holds all 64 x 10 = 640 tiles x align(2,048, 64) = 1,310,720 B ("an L1 CB sized to 1.31 MB"); scratch c_1 =
      // 4 x align(2,048 + 64, 64) = 8,448 → 1,319,168 B + 111,488 (the Blackhole base of builds after tt-metal PR
      // #49417, ttnn/l1BaseHistory.ts) = 1,430,656, tt-metal's figure to the byte (the 2026-07 base 111,360 would give
      // 1,430,528; the 2026-08-25 one, 111,616, 1,430,784).
      const { op } = deviceOp(run, 'wo');
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(regionEnd(op), 1_430_656);
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.factory, 'InterleavedToShardedProgramFactory');
    });

    it("tt-metal #54621: the CBs clash with the L1 buffer below them, the run's first error", () => {
      // With the stand-in L1 tensor live (95 tiles x 2,048 B per bank), the lowest L1 buffer sits at
      // 1,572,864 − 194,560 = 1,378,304 < 1,430,656: "clash with L1 buffers", as in the thread (buffer at 1,378,048).
      const a = analyse(run);
      assert.ok(a.firstFailure !== undefined);
      assert.equal(a.functions[a.firstFailure.functionIndex]!.fn.name, '@wo_beside_l1_buffer');
      assert.equal(a.firstFailure.overflow.kind, 'cbClashesWithL1Buffers');
      assert.equal(a.firstFailure.overflow.limitBytes, 1_378_304);
    });

    it('tt-metal #54621: without a live L1 buffer the op alone stays under max L1 (1,430,656 < 1,572,864 B)', () => {
      assertFits(run, 'wo');
    });

    it('tt-metal #54621: the (2048, 448) wqkv shard "exceeds max L1 so it reroutes to generic copy"', () => {
      // to_memory_config_op.cpp@040a27c can_use_interleaved_to_sharded: 64 x 14 x 2,048 + 8,448 = 1,843,456 B ≥
      // l1_size − base = 1,572,864 − 111,488 = 1,461,376 → ttnn::copy, two-page CBs, which fit. Interleaved in, DRAM
      // width-sharded out: the memory configs differ, so select_program_factory takes the default tilized factory, not
      // the same-memory-config one (copy_device_operation.cpp, search index id 52470118365).
      const { op } = deviceOp(run, 'wqkv');
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.factory, 'CopyDeviceOperation (default tilized)');
      assertFits(run, 'wqkv');
    });
  });

  describe('to_memory_config L1 → DRAM of a row-major tensor (ttnn::copy)', () => {
    // tt-mlir #7899 (2026-04-09) and tt-xla #4214 (2026-04-10), Gemma 2B on n150: "clash with L1 buffers on core range
    // [(x=0,y=0) - (x=3,y=7)]. L1 buffer allocated at 665600 and static circular buffer region ends at 890144".
    const run = { file: 'to_memory_config_tt-mlir-7899.mlir', date: '2026-04-09' };

    it('tt-mlir #7899 / tt-xla #4214: the copy is the first error, clashing with the row-major tensor at 665,600 B', () => {
      // L1 top 1,499,136 − 65,536 (tt-mlir's L1_SMALL) = 1,433,600; the tiled logits take 8,000 / 64 = 125 tiles =
      // 256,000 B per bank below it (1,177,600), the row-major copy one 512,000 B row per bank on 32 banks below that:
      // 665,600, the thread's address.
      const a = analyse(run);
      assert.ok(a.firstFailure !== undefined);
      assert.equal(a.firstFailure.opIndex, 1, 'the to_memory_config, not the to_layout before it');
      assert.equal(a.firstFailure.overflow.kind, 'cbClashesWithL1Buffers');
      assert.equal(a.firstFailure.overflow.limitBytes, 665_600);
      // The thread's line, bar its program id: a copy program of 2026-04 holds CBs.
      assert.equal(
        a.firstFailure.overflow.message,
        'Statically allocated circular buffers clash with L1 buffers on core range [(x=0,y=0) - (x=3,y=7)]. L1 buffer allocated at 665600 and static circular buffer region ends at 890144',
      );
    });

    it('tt-mlir #7899 on builds of tt-metal PR #53570 (2026-08-18) on: the default row-major copy words it "dataflow"', () => {
      // #53570 ports copy's DefaultRowMajor (and DefaultTilized) factory to dataflow buffers, checked by
      // validate_dataflow_buffer_region; the day before, the same program still held CBs. Addresses follow each build's
      // L1 base, so only the words are asserted. (On these builds the codegen untilize before it overflows first; the
      // copy's own message is read.)
      const message = (date: string) => analyse({ ...run, date }).functions[0]!.ops[1]!.overflow?.message ?? '';
      const worded = (word: string) =>
        new RegExp(
          `^Statically allocated ${word} buffers clash with L1 buffers on core range \\[0-0 - 3-7\\]\\. L1 buffer allocated at \\d+ and static ${word} buffer region ends at \\d+$`,
        );
      assert.match(message('2026-08-17'), worded('circular'));
      assert.match(message('2026-08-18'), worded('dataflow'));
    });

    it('tt-mlir #7899: the default row-major copy of tt-metal PR #40964 ends the CB region at 890,144 B exactly', () => {
      // copy_default_row_major_program_factory.cpp@040a27c: rows of 256,000 x 2 = 512,000 B > 256 KiB, so c_0 = 262,144
      // (one input sub-block) and c_1 = 2 x 262,144 (two aligned output sub-blocks) = 786,432 ("~786KB"), one row per
      // core on 32 cores; + the 2026-04 Wormhole base 103,712 = 890,144.
      const toMemoryConfig = analyse(run).functions[0]!.ops[1]!;
      assert.equal(toMemoryConfig.estimate.kind === 'estimate' && toMemoryConfig.estimate.cbBytesPerCore, 786_432);
      assert.equal(regionEnd(toMemoryConfig), 890_144);
      // 32 rows split column-wise (split_work_to_cores' default): all_cores = 4 full columns of 8, (0,0)-(3,7), the
      // thread's range.
      assert.equal(printedRange(toMemoryConfig), '[(x=0,y=0) - (x=3,y=7)]');
    });

    it('tt-mlir #7899 before PR #40964: one copy program, two whole 512,000 B rows (1,024,000 B of CBs)', () => {
      // copy_program_factory.cpp: c_0 = 2 x round_up(512,000, 32) = 1,024,000; the region would end at 1,127,712.
      const a = analyse({ ...run, date: '2026-04-01' });
      const toMemoryConfig = a.functions[0]!.ops[1]!;
      assert.equal(toMemoryConfig.estimate.kind === 'estimate' && toMemoryConfig.estimate.cbBytesPerCore, 1_024_000);
    });
  });

  describe('permute (tiled, block-sharded L1 result)', () => {
    // tt-mlir #5463 (2025-10-23): the optimizer's OpModel query of ResNet's input permute, "outputTensorUsage: 5138432,
    // cBUsagePeak: 12288" (tt-metal's figures for the op; the thread's l1Usage adds the DRAM input as if it were in L1).
    const run = { file: 'permute_tt-mlir-5463.mlir', date: '2025-10-23' };
    it('tt-mlir #5463: 12,288 B of CBs and a 5,138,432 B output shard per core, which cannot be allocated', () => {
      // Tiled generic permute (both tiled dims move, see permute.ts): c_0 = c_1 = c_2 = 2 · (2,048 + m) with
      // m = max(0, 32 − 16 · 2) = 0 (DRAM read alignment 32 B) → 3 · 4,096 = 12,288; no c_3 (the output H 224 is a
      // multiple of 32). Output: 8 · 224 · 224 / 32 = 12,544 tile rows over the 5 block rows → 2,509 (rounded up) x 1
      // tile x 2,048 B = 5,138,432 B per core, more than a whole L1 bank.
      const { op, first } = deviceOp(run);
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.cbBytesPerCore, 12_288);
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.l1TensorBytesPerCore, 5_138_432);
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
      assert.equal(first, 'this op');
    });
  });

  describe('reshape (tile layout)', () => {
    const r1655 = { file: 'reshape_tt-forge-onnx-1655.mlir' };
    it('tt-forge-onnx #1655 (2025-03-31): (1, 596, 4096) f32 → (2441216,) overflows, the first error', () => {
      // Before tt-metal PR #20189 a tiled reshape untilizes, reshapes in row-major and tilizes back. The row-major
      // reshape stages a whole 2,441,216 x 4 = 9,764,864 B destination row (and the tilize a row of 76,288 tiles), far
      // beyond 1,499,136 B; the thread quotes no figure.
      assertFails({ ...r1655, date: '2025-03-31' }, 'reshape216');
    });
    for (const fn of ['reshape224', 'reshape225'])
      it(`tt-forge-onnx #1655 (2025-03-31): ${fn} overflows too`, () => {
        assertFails({ ...r1655, date: '2025-03-31' }, fn, { first: false });
      });
    // The figures of #1655's cases, from tenstorrent/tt-forge-fe test_reshape.py's xfail reasons: 14243328e (2025-03-26)
    // ran tt-metal 7d60ca2 (2025-03-25, base 102,112), c92a65b88 (2025-04-04) tt-metal 7598b7e (2025-04-01, base 97,248)
    // (the fixture's header). Each reshape runs three programs in turn (untilize, row-major reshape, tilize) and
    // tt-metal throws at the first whose CBs end past L1.
    const f1655: readonly [string, string, string, number, number, string][] = [
      // (1, 596, 4096) f32 → (2441216,): the untilize (57,344 B) fits; ReshapeRMProgramFactory
      // (reshape_rm_program_factory.cpp@010ba92) on the whole grid: c_0 = 2·(floor64(4,096·4 − 1) + 128) = 32,896,
      // c_1 = floor64(2,441,216·4 − 1) + 80 = 9,764,880 → 9,797,776 B.
      ['reshape216', 'Reshape216', '2025-03-25', 9_899_888, 9_895_024, '[(x=0,y=0) - (x=7,y=7)]'],
      // (1, 576, 4096) f32 → (2359296,): c_0 32,896 + c_1 floor64(9,437,184 − 1) + 80 = 9,437,200 → 9,470,096 B.
      ['reshape224', 'Reshape224', '2025-03-25', 9_572_208, 9_567_344, '[(x=0,y=0) - (x=7,y=7)]'],
      // (2441216,) f32 → (1, 596, 4096): the untilize of the 1-D input (one tile row of Wt = 76,288, unpadded to one row)
      // is first: UntilizeWithUnpaddingMultiCoreBlockInterleaved, split_blocks_for_tilize_wh: 62 cores of 1,211-tile
      // blocks and a cliff of 76,288 − 62·1,211 = 1,206 tiles, whose CBs are created first: c_0 = c_16 = 1,206·4,096 →
      // 9,879,552 B. tt-metal names that cliff core (x=6,y=7), the xfail reason's range: the 63rd core row-major, as
      // the factory called split_blocks_for_tilize_wh(grid_size, …) (the CoreCoord overload, index id 2769190507) until
      // tt-metal PR #34268 (2025-12-12) moved it to the CoreRangeSet overload (column-major: (x=7,y=6)).
      ['reshape225', 'Reshape225', '2025-03-25', 9_981_664, 9_976_800, '[(x=6,y=7) - (x=6,y=7)]'],
    ];
    for (const [fn, name, , march, april, range] of f1655) {
      it(`tt-forge-fe ${name} (#1655's case), tt-metal 7d60ca2 (2025-03-25): grows to ${march} B exactly${range ? ` on ${range}` : ''}`, () => {
        const op = assertFails({ ...r1655, date: '2025-03-25' }, fn, { first: fn === 'reshape216' });
        assert.equal(regionEnd(op), march);
        if (range !== '') assert.equal(printedRange(op), range);
        // The xfail reason's line as tt-metal printed it: no program named, whichever of the three failed.
        assert.equal(
          op.overflow?.message,
          `Statically allocated circular buffers on core range ${range} grow to ${march} B which is beyond max L1 size of 1499136 B`,
        );
      });
      it(`tt-forge-fe ${name}, tt-metal 7598b7e (2025-04-01): ${april} B, the same CBs on the 97,248 B base`, () => {
        assert.equal(regionEnd(assertFails({ ...r1655, date: '2025-04-01' }, fn, { first: false })), april);
      });
    }
    for (const fn of ['reshape216', 'reshape224', 'reshape225'])
      it(`tt-forge-onnx #1655: ${fn} fits on 2025-04-25 (PR #1880 drops its xfail; the native tiled reshape)`, () => {
        assertFits({ ...r1655, date: '2025-04-25' }, fn);
      });
    const r15109 = { file: 'reshape_tt-metal-15109.mlir' };
    it('tt-metal #15109 (2024-11-15): the untilize its reshape ran grows to 32,870,912 B (within 4 KiB)', () => {
      // reshape_view/reshape.cpp of 2024-11 (search index id 2440538989): (1, 19, 256008) is not a tile-multiple shape, so
      // row_major_reshape runs to_layout(ROW_MAJOR) first. One tile row on one core, whole-row CBs: c_0 = c_16 = 8,001
      // tiles x 2,048 B → 32,772,096 + the preset base 102,656 = 32,874,752 (tt-metal 32,870,912: its 2024 base was lower).
      // Modeled builds start at 2025-01-01 (OLDEST_MODELED_BUILD), so the date is clamped there.
      const op = assertFails({ ...r15109, date: '2025-01-01' }, 'untilize_19x256008');
      assertNear(regionEnd(op), 32_870_912);
    });
    it('tt-metal #15109 after the reshape rework (same last two dims → PerformView): the reshape is a view, no program', () => {
      // reshape.cpp after the rework (search index id 42533026580, "bandaid for issue 15317"/"issue 15558", in main
      // before 2025-01-01): tensor[-1] == shape[-1] and tensor[-2] == shape[-2] (19) → this_is_view → PerformView.
      const { op } = deviceOp({ ...r15109, date: '2025-01-01' }, 'reshape_19x256008');
      assert.equal(op.estimate.kind, 'noProgram');
      assert.equal(op.overflow, undefined);
    });
  });

  describe('repeat (row-major repeat program)', () => {
    // tt-xla's tt-mlir b3b1bea pins tt-metal 6f9186c (2025-08-19): Blackhole base 101,440 B from that build's
    // blackhole/dev_mem_map.h (MEM_MAP_END 30,736 → align64(30,736 + 70,656), ttnn/l1BaseHistory.ts). The 13x10
    // range is the unharvested p150 grid the thread printed.
    const run = { file: 'repeat_tt-xla-1066.mlir', date: '2025-08-19', arch: 'blackhole_p150_unharvested' };

    it('tt-xla #1066 (2025-08-20, XLM-R base): the LM-head bias repeat grows to 2,101,768 B on [(0,0) - (12,9)]', () => {
      // repeat_program_factory.cpp@6f9186c, higher-dim repeat: c_0 = c_1 = 64 · 2 + 250,002 · 4 = 1,000,136 B.
      // program.cpp places each CB at the region end aligned to 64: 101,440 + 1,000,136 = 1,101,576 → 1,101,632,
      // + 1,000,136 = 2,101,768, tt-metal's figure to the byte (8 past a multiple of 64, as the thread's).
      const op = assertFails(run);
      assert.equal(regionEnd(op), 2_101_768);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=12,y=9)]');
      // Build 2025-08-19 lies in read span repeat-rm-round-trip: the dim-1 repeat names the higher-dim factory.
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.factory, 'RepeatProgramFactoryHigherDim (row-major)');
    });
  });
});
