/**
 * Regression set of real L1 failures from public issue threads (test/fixtures/threads/*.mlir; each file's header cites the
 * thread, its date, the error line and the build). Each case runs the whole analysis for the thread's tt-metal build date
 * (`ttMetalDate`, as `--tt-metal-date` does) and checks: the first error lands on the thread's op, the CB region end is
 * within 4 KiB of tt-metal's figure where the thread quotes one (exact where every input is known), and nothing is
 * flagged where the thread (or the fixing PR's test) says the op ran. Expected figures are tt-metal's, from the threads.
 * max_pool2d threads quote an allocation instead ("each bank needs to store N B"): the op's intermediate tensor whose
 * allocation overflows must be N B per core exactly.
 *
 * Ops without a model in the thread's build (the 2025-03 moreh_cumsum of tt-forge-onnx #1634, before tt-metal
 * PR #24427, whose thread quotes no figure) are asserted as "overflow or unmodeled" — never "fits" — so the assertion
 * keeps holding when their models land; their figures are `it.skip` until then.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import type { OpAnalysis } from '../../../server/src/analysis/analyze';
import * as features from '../../../server/src/features';
import { parseLog } from '../../../server/src/logs/parseLog';
import {
  analyse,
  assertFails,
  assertFits,
  assertNear,
  deviceOp,
  DIR,
  printedRange,
  regionEnd,
  type Run,
} from '../../support/threadCases';

describe('public-thread regression set (test/fixtures/threads)', () => {
  describe('pad (row-major)', () => {
    const pad39875 = { file: 'pad_tt-metal-39875.mlir' };
    it('tt-metal #39875 (2026-03-13): 6,395,936 B exactly, before PR #40316', () => {
      // u32 [8,1,1,1] → [8,1,1,192]: n = 2048 / (1 x 4 B input stick) = 512; stick = 768 B; c_0 = 16·512·768 = 6,291,456;
      // c_1 = align(768, 32) = 768; no front pad, 768 % 32 = 0 → no c_2. 103,712 + 6,292,224 = 6,395,936.
      assert.equal(regionEnd(assertFails({ ...pad39875, date: '2026-03-13' })), 6_395_936);
    });
    it("tt-metal #39875: on core range [(x=0,y=0) - (x=0,y=7)], the thread's", () => {
      // 8 output rows → split_work_to_cores' default column-wise all_cores on the 8x8 grid: 8 cores, no full column
      // beyond them, so its one CoreRange is column 0, (0,0)-(0,7); every CB is on all_cores.
      assert.equal(printedRange(assertFails({ ...pad39875, date: '2026-03-13' })), '[(x=0,y=0) - (x=0,y=7)]');
    });
    it('tt-metal #39875 after PR #40316 (its test runs this shape): fits', () => {
      assertFits({ ...pad39875, date: '2026-04-01' });
    });
    const pad2680 = { file: 'pad_tt-forge-onnx-2680.mlir', date: '2025-07-18' };
    it('tt-forge-onnx #2680 (tt-metal 8141206, 2025-07-18): 1,545,600 B exactly', () => {
      // f32 (12, 3) → (12, 132), 31 in front: stick = align(132·4, 16) = 528; n from the 12 B input stick: the loop
      // 0, 12, …, 2,040 < 2,048 runs 171 times; c_0 = 16·171·528 = 1,444,608; c_1 = c_2 (front pad) = align(528, 32) = 544
      // → 1,445,696 + base 99,904 (tt-metal 8141206) = 1,545,600, the thread's figure.
      assert.equal(regionEnd(assertFails(pad2680)), 1_545_600);
    });
    it("tt-forge-onnx #2680: on core range [(x=0,y=0) - (x=7,y=7)], the thread's (CBs on the whole grid before PR #37753)", () => {
      // 12 rows take 12 cores, but pad_rm_reader_writer_multi_core_v2 creates every CB on total_cores, the whole 8x8
      // grid (pad_program_factory.cpp@7a6d6a8 … @c7ebd5d^); from PR #37753 on all_cores, 12 cores, never the whole grid.
      assert.equal(printedRange(assertFails(pad2680)), '[(x=0,y=0) - (x=7,y=7)]');
      assert.notEqual(printedRange(assertFails({ ...pad2680, date: '2026-02-20' })), '[(x=0,y=0) - (x=7,y=7)]');
    });
    it('tt-metal #32611 (2025-11-18): monodepth2 pad [1,16,194,1] → width 640 overflows', () => {
      // n = 2048 / 2 B = 1024 sticks of 1,280 B, 16 deep: 20,971,520 B of c_0 (thread quotes no figure).
      assertFails({ file: 'pad_tt-metal-32611.mlir', date: '2025-11-18' });
    });
    const pad56133 = { file: 'pad_tt-metal-56133.mlir', arch: 'blackhole_p150' };
    it('tt-metal #56133 (2026-09-10, Blackhole): 1,957,760 B, before PR #56121', () => {
      // stick = align(51,275·2, 16) = 102,560, n = 1; c_0 = 16·102,560 = 1,640,960; c_1 = c_2 (front pad) = align(102,550, 64)
      // = 102,592 → 1,846,144 + base 111,616 (the 2026-08/09 Blackhole base of ttnn/l1BaseHistory.ts, #54697's) = 1,957,760.
      assert.equal(regionEnd(assertFails({ ...pad56133, date: '2026-09-09' })), 1_957_760);
    });
    it('tt-metal #56133 (2026-09-10): the message word for word, "dataflow" after the pad port (PR #54214)', () => {
      // ttnn.pad's factories allocate dataflow buffers from change point pad-dataflow-buffers, so tt-metal throws from
      // validate_dataflow_buffer_region; 1,957,760 B as above, Blackhole's L1 1,572,864 B, one row on core (0,0).
      const message = assertFails({ ...pad56133, date: '2026-09-09' }).overflow?.message ?? '';
      assert.equal(
        message,
        'Statically allocated dataflow buffers on core range [0-0 - 0-0] grow to 1957760 B which is beyond max L1 size of 1572864 B',
      );
      // The log reader takes our line as it takes tt-metal's (test/fixtures/logs/pad_dataflow_56133.log): the same
      // failure, so a run's log and the prediction compare field by field.
      const read = (text: string) => {
        const f = parseLog(text).failure;
        assert.ok(f !== undefined, text);
        return [f.kind, f.bufferWord, f.coreRangeText, f.bytes, f.limitBytes];
      };
      const logged = fs.readFileSync(path.join(DIR, '../logs/pad_dataflow_56133.log'), 'utf8');
      assert.deepEqual(read(`[critical] [program.cpp:1102] [Always] ${message}`), read(logged));
    });
    it('tt-metal #56133 on a build before PR #54214 (2026-08-20): the same figure, worded "circular"', () => {
      // Before the port the factory made CBs, checked by validate_circular_buffer_region: #54876's wording (2026-08-30,
      // "Statically allocated circular buffers ... on core range [0-0 - 10-9]"). The same 1,846,144 B of CBs over the
      // Blackhole base of 2026-07-26..08-24 (ttnn/l1BaseHistory.ts), 111,488 B: 1,957,632 B.
      assert.equal(
        assertFails({ ...pad56133, date: '2026-08-20' }).overflow?.message,
        'Statically allocated circular buffers on core range [0-0 - 0-0] grow to 1957632 B which is beyond max L1 size of 1572864 B',
      );
    });
    it('tt-metal #56133: "the same op with a 13115-wide row passes"', () => {
      assertFits({ file: 'pad_tt-metal-56133-passes.mlir', arch: 'blackhole_p150', date: '2026-09-09' });
    });
    it('tt-metal #56133 after PR #56121 (L1-budget depth): fits', () => {
      assertFits({ ...pad56133, date: '2026-10-01' });
    });
    it('tt-xla #6069 (2026-09-10, HunyuanVideo-1.5 on QB2): the rank-2 mask pad grows to 1,957,632 B (within 4 KiB)', () => {
      // The same CBs as #56133 (rank does not enter: one 51,275-wide row): 1,846,144 B. tt-xla's pinned tt-metal had a
      // base 128 B below #56133's main (1,957,632 − 1,846,144 = 111,488, between the 2026-07 and 2026-08 Blackhole bases
      // of ttnn/l1BaseHistory.ts); its build date is not printed, so the figure is held within 4 KiB, not to the byte.
      const op = assertFails({ file: 'pad_tt-xla-6069.mlir', arch: 'blackhole_p150', date: '2026-09-09' });
      assert.equal(op.estimate.kind === 'estimate' ? op.estimate.cbBytesPerCore : NaN, 1_846_144);
      assertNear(regionEnd(op), 1_957_632);
    });
  });

  describe('softmax', () => {
    const s18997 = { file: 'softmax_tt-metal-18997.mlir', date: '2025-03-12' };
    it('tt-metal #18997 (2025-03-12): (32, 32000) f32 grows to 2,287,328 B exactly, the first error', () => {
      // Before PR #23130 (no large kernel): Wt = 1000, block 8: c_0 = c_11 = 16·4,096; c_7, c_2, c_5 = 2,048 each;
      // c_6 = 1000·2,048 = 2,048,000 → 2,185,216 + 102,112 (the 2025-03 base of analysis/l1BaseHistory.ts, which
      // #19606's figures and tt-metal PR #18486's memory map give as well as this one) = 2,287,328, tt-metal's figure
      // (2,287,872 with the preset's 102,656).
      const op = assertFails(s18997, 'f32_32x32000');
      assert.equal(regionEnd(op), 2_185_216 + 102_112);
      assert.equal(regionEnd(op), 2_287_328);
      // The thread's range: the attention-optimized factory puts every CB on all_device_cores, the whole 8x8 grid,
      // though one tile row runs on core (0,0) alone.
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    });
    for (const fn of [
      'f32_128x32000',
      'f32_512x32000',
      'f32_2048x32000',
      'f32_32x128000',
      'f32_128x128000',
      'f32_512x128000',
      'f32_2048x128000',
      'bf16_32x32000',
    ]) {
      it(`tt-metal #18997: ${fn} also overflows ("also happens for other dimensions ... also when bfloat16")`, () => {
        assertFails(s18997, fn, { first: false });
      });
    }
    it('pytorch2.0_ttnn #669 (2024-12-23): numeric_stable (19, 256008) bf16 grows to 49,277,728 B exactly', () => {
      // Wt = 8,001 = 3²·7·127; find_max_divisor(8,001, 8) skips 7 → block 3. Whole rows (no large kernel before
      // PR #23130): c_0, c_6, c_10 3·8,001 = 24,003 tiles + c_11 2·3 = 6 + c_7, c_2, c_5, c_8 4 = 24,013 tiles
      // = 49,178,624 B + 99,104 (the 2024-12 base of ttnn/l1BaseHistory.ts) = 49,277,728, tt-metal's figure.
      const op = assertFails({ file: 'softmax_pytorch2.0_ttnn-669.mlir', date: '2024-12-23' });
      assert.equal(regionEnd(op), 49_277_728);
      // The thread's range: all_device_cores, the whole 8x8 grid (one tile row of 19 rows).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    });
    it('tt-metal #18275 (2025-02-25): [1, 128·1024] overflows', () => {
      assertFails({ file: 'softmax_tt-metal-18275.mlir', date: '2025-02-25' });
    });
    it('tt-forge-onnx #1658 (2025-03-31): (1, 1, 512, 50176) f32 overflows', () => {
      assertFails({ file: 'softmax_tt-forge-onnx-1658.mlir', date: '2025-03-31' });
    });
    // The figures of #1658's case, from tenstorrent/tt-forge-fe test_softmax.py's xfail reasons, each at the tt-metal its
    // tt-mlir pinned (the fixture's header). Whole-row CBs, fp32 accumulation off (before `softmax-fp32-acc-for-f32`),
    // so bf16 intermediates: Wt = 50,176 / 32 = 1,568, block = find_max_divisor(1,568, 8) = 8; c_0 2·8·4,096 = 65,536,
    // c_11 2·8·4,096 = 65,536, c_7 2,048, c_2 2,048, c_6 1,568·2,048 = 3,211,264, c_5 2,048 → 3,348,480 B on every core;
    // the CBs sit on the whole grid, (0,0)-(7,7), which the reason prints.
    const s1658 = { file: 'softmax_tt-forge-onnx-1658.mlir' };
    const f1658: readonly [string, string, number][] = [
      ['0cde875b1: tt-metal 99e8f45 (2025-02-21), base 99,488', '2025-02-21', 3_447_968],
      ['14243328e: tt-metal 7d60ca2 (2025-03-25), base 102,112', '2025-03-25', 3_450_592],
      ['c92a65b88: tt-metal 7598b7e (2025-04-01), base 97,248', '2025-04-01', 3_445_728],
      ['f96d63a9a: tt-metal 0176b3b (2025-05-16), base 97,248', '2025-05-16', 3_445_728],
    ];
    for (const [build, date, figure] of f1658) {
      it(`tt-forge-fe Softmax0 (#1658's case), ${build}: grows to ${figure} B on (0,0)-(7,7), exactly`, () => {
        const op = assertFails({ ...s1658, date }, 'perceiver_softmax');
        assert.equal(regionEnd(op), figure);
        assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
      });
    }
    it('tt-forge-fe e31f3b7b5 (tt-metal eefaadf, 2025-06-13): the case regenerated in bf16 grows to 3,380,192 B exactly', () => {
      // bf16 input and output: c_0 and c_11 2·8·2,048 = 32,768 each, the rest as above: 3,282,944 + 97,248 = 3,380,192.
      // tt-metal PR #23130's large-kernel fallback (`softmax-large-kernel`, ≈2025-06-18) was not in that build.
      const op = assertFails({ ...s1658, date: '2025-06-13' }, 'perceiver_softmax_bf16', { first: false });
      assert.equal(regionEnd(op), 3_380_192);
    });
    const s20099 = { file: 'softmax_tt-metal-20099.mlir', date: '2025-04-03' };
    it('tt-metal #20099 (2025-04-03): numeric_stable softmax of (2, 1, 16384, 8192) bf16 overflows, with and without fp32 acc', () => {
      // Before PR #23130: Wt = 256, block 8, numeric_stable keeps whole rows in c_0, c_6 and c_10:
      // 3·256·2,048 + c_11 16·2,048 + c_7, c_2, c_5, c_8 4·2,048 = 1,613,824 B > 1,499,136 B of L1.
      // @stable is the fixture's first function: the run's first failure.
      assertFails(s20099, 'stable');
      assertFails(s20099, 'stable_fp32', { first: false });
    });
    it('tt-metal #20099: the same softmax with numeric_stable=False runs ("it works with numeric_stable option off")', () => {
      // c_0 2·8 + c_11 16 tiles = 65,536 + c_6 256·2,048 = 524,288 + c_7, c_2, c_5 6,144 = 595,968 B.
      assertFits(s20099, 'unstable');
    });
    it('tt-metal #20099 after PR #33519 (c_10 counted in the large-kernel test): the large kernel, 538,624 B, fits', () => {
      // Test: c_0 524,288 + c_6 524,288 + c_11 32,768 + 5·2,048 + c_10 524,288 = 1,615,872 > 0.9·1,499,136 → large kernel,
      // 80-tile c_0, c_6, c_10 (3·163,840) + c_11 32,768 + c_7, c_12, c_15, c_16, c_2, c_5, c_8 7·2,048 = 538,624 B.
      const { op } = deviceOp({ ...s20099, date: '2026-01-15' }, 'stable');
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.cbBytesPerCore, 538_624);
      assert.equal(op.overflow, undefined);
    });
    const s38626 = { file: 'softmax_tt-metal-38626.mlir' };
    it('tt-metal #38626 (2026-02-26): Wt = 195 with fp32 acc → block 3 → "Size of cb: 80 must be divisible by the size of block"', () => {
      // fp32 acc → largest divisor of 195 ≤ 4 is 3; the large-kernel test (c_0 195·2,048 + c_6 195·4,096 + c_11 6·2,048
      // + 5·4,096 + c_10 195·4,096 = 2,029,568 B) exceeds 0.9·L1, and 80 % 3 ≠ 0 throws.
      const { op, first } = deviceOp({ ...s38626, date: '2026-02-26' });
      assert.equal(op.estimate.kind, 'illegal');
      assert.equal(first, 'this op', 'the validation error is the first failure of the run');
      assert.ok(op.estimate.kind === 'illegal' && op.estimate.rule.includes('Size of cb: 80 must be divisible'));
    });
    it('tt-metal #38626 after PR #39051 (78-tile CBs, the largest multiple of 3 ≤ 80): 835,584 B, fits', () => {
      // c_0 78·2,048 + c_11 6·2,048 + c_7, c_12, c_15, c_16 4·4,096 + c_2 2,048 + c_6 78·4,096 + c_5 2,048 + c_8 4,096
      // + c_10 78·4,096 = 159,744 + 12,288 + 16,384 + 2,048 + 319,488 + 2,048 + 4,096 + 319,488 = 835,584 B.
      const { op } = deviceOp({ ...s38626, date: '2026-04-01' });
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.cbBytesPerCore, 835_584);
      assert.equal(op.overflow, undefined);
    });
    const s39707 = { file: 'softmax_tt-metal-39707.mlir' };
    it('tt-metal #39707 (2026-03-12, tt-metal beccdb2 of 03-01): (1, 100, 6800) bf16, Wt = 213 → block 3 → "Size of cb: 80 must be divisible"', () => {
      // The large-kernel test (stable with fp32, the fixture's header) is 2,213,888 B > 0.9·L1; 80 % 3 ≠ 0 throws. The
      // thread's build is tt-xla's pin of 03-11 (tt-mlir 73647e1 → tt-metal beccdb2, main of 2026-03-01), before PR
      // #39051's merge (f3c2f39, 03-04); a main build of 03-04 on has 78-tile CBs (the case below).
      const { op, first } = deviceOp({ ...s39707, date: '2026-03-01' });
      assert.equal(op.estimate.kind, 'illegal');
      assert.equal(first, 'this op', 'the validation error is the first failure of the run');
      assert.ok(op.estimate.kind === 'illegal' && op.estimate.rule.includes('Size of cb: 80 must be divisible'));
    });
    it('tt-metal #39707 after PR #39051 (merged 2026-03-04): 78-tile streamed CBs, 835,584 B, fits', () => {
      // Same block (3) and fp32 intermediates as #38626, so the same CB list: 835,584 B (see the case above).
      const { op } = deviceOp({ ...s39707, date: '2026-03-04' });
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.cbBytesPerCore, 835_584);
      assert.equal(op.overflow, undefined);
    });
  });

  describe('slice, embedding', () => {
    it('tt-metal #42434 (2026-04-16): embedding of (32, 1572864) bf16 rows, 3,249,696 B exactly', () => {
      // One row per core → c_0 = 1 x 1,572,864·2 = 3,145,728; c_1 = (32 / 4)·32 = 256; 103,712 + 3,145,984 = 3,249,696.
      assert.equal(regionEnd(assertFails({ file: 'embedding_tt-metal-42434.mlir', date: '2026-04-16' })), 3_249_696);
    });
    it('tt-metal #42434 after PR #42548 (1 MiB chunks): fits', () => {
      assertFits({ file: 'embedding_tt-metal-42434.mlir', date: '2026-05-01' });
    });
    it('tt-metal #42882 (2026-04-22): 2,168,608 B exactly', () => {
      // Row = 258,112·4 = 1,032,448 B, 1 row per read, double-buffered: 103,712 + 2,064,896 (test/unit/estimate/slice.test.ts).
      assert.equal(regionEnd(assertFails({ file: 'slice_tt-metal-42882.mlir', date: '2026-04-22' })), 2_168_608);
    });
    it("tt-metal #42882: on core range [(x=0,y=0) - (x=0,y=5)], the thread's", () => {
      // 6 output rows → split_work_to_cores(8x8, 6) column-wise; c_0 on all_cores = column 0's 6 cores
      // (slice_program_factory_rm.cpp@04d7c1a).
      assert.equal(
        printedRange(assertFails({ file: 'slice_tt-metal-42882.mlir', date: '2026-04-22' })),
        '[(x=0,y=0) - (x=0,y=5)]',
      );
    });
    it('tt-metal #42882 after PR #49067 (sub-row chunks, for this issue): fits', () => {
      assertFits({ file: 'slice_tt-metal-42882.mlir', date: '2026-08-01' });
    });
    it('tt-metal #38436 (2026-02-24, Phi-3.5-vision): a rank-1 slice grows to 9,311,520 B on (7,6), its untilize', () => {
      // No shape in the thread. A rank-1 TILE slice runs to_layout ROW_MAJOR of the whole input first; with one tile row
      // (Ht = 1) the legacy block split (before PR #35806) puts the row cliff on the 63rd core column-wise, (7,6), the
      // core tt-metal printed. 9,311,520 − 103,712 (the 2026-02 base) = 9,207,808 = cliff·(T_in + T_out): 1,124 f32 tiles
      // (8,192 B each) or 2,248 bf16 tiles. Over one-row widths that are whole rows of Phi-3.5's hidden size 3,072
      // (Wt = 96·n) the f32 cliff is 1,124 only at n = 757: compute_ncores_wh(64, Wt = 72,672) → block 1,154,
      // 62 blocks + cliff 72,672 − 62·1,154 = 1,124. 757 is the image-token count of one Phi-3.5-vision image in a 2x2
      // crop grid, (4 + 1)·144 + 1 + (2 + 1)·12; the bf16 fits (n = 1,483, 1,514) are no such count. The reporter's
      // branch (feb24) predates PR #35806's merge, so the run is asserted on the day before the change point.
      const op = assertFails({ file: 'slice_tt-metal-38436.mlir', date: '2026-02-23' });
      assert.equal(regionEnd(op), 9_311_520);
      assert.deepEqual(op.overflow?.core, [7, 6]);
      // The thread's range: column-major, after tt-metal PR #34268 (change point `padding-block-cores-column-major`).
      assert.equal(printedRange(op), '[(x=7,y=6) - (x=7,y=6)]');
      assert.equal(op.estimate.kind === 'estimate' ? op.estimate.cbBytesPerCore : NaN, 1_124 * 8_192);
    });
    it('tt-metal #32635 (2025-11-18): embedding of 786,432-wide bf16 rows overflows (whole-row page)', () => {
      // One 1,572,864 B row page before tt-metal PR #42548's 1 MiB chunks.
      assertFails({ file: 'embedding_tt-metal-32635.mlir', date: '2025-11-18' });
    });
  });

  describe('layer_norm / rms_norm (interleaved, whole-row CBs before the large-tensor kernels)', () => {
    const ln19427 = { file: 'layer_norm_tt-metal-19427.mlir', date: '2025-01-01' };
    it('tt-metal #19427 (2024-12): albert 1x9x4096 with weight and bias grows to 1,507,840 B (within 4 KiB)', () => {
      // Before PR #18675 no large-tensor kernel; fp32 acc off (before PR #19295): Wt = 128, block 8, bf16 tiles 2,048 B:
      // c_0, c_24, c_20, c_5, c_6 128 tiles each (640) + c_16, c_22 16 each + c_21 8 + c_18, c_2, c_3, c_19 2 each
      // = 688 tiles = 1,409,024 B + 99,104 (the 2024-12 base of ttnn/l1BaseHistory.ts) = 1,508,128; tt-metal printed
      // 1,507,840 (288 B lower: an input of this reconstruction, or a build between the 98,848 and 99,104 B ones).
      assertNear(regionEnd(assertFails(ln19427, 'albert_1x9x4096')), 1_507_840);
    });
    it('tt-metal #19427: falcon 1x7x4544 with weight and bias also overflows ("these two input variations")', () => {
      assertFails(ln19427, 'falcon_1x7x4544', { first: false });
    });
    it('tt-metal #19427 after PR #18675 (large-tensor kernel): both fit', () => {
      assertFits({ ...ln19427, date: '2025-04-01' }, 'albert_1x9x4096');
      assertFits({ ...ln19427, date: '2025-04-01' }, 'falcon_1x7x4544');
    });
    it('tt-metal #16721 (2025-01-14): layer_norm of (32, 8192) bf16 without weights overflows', () => {
      // Wt = 256: c_0, c_24, c_20 are 256 tiles of 2,048 B each, 1,572,864 B before anything else.
      assertFails({ file: 'layer_norm_tt-metal-16721.mlir', date: '2025-01-14' });
    });
    it('tt-metal #16721 after PR #18675 (its fix, via #17248): fits', () => {
      assertFits({ file: 'layer_norm_tt-metal-16721.mlir', date: '2025-04-01' });
    });
    const rms6754 = { file: 'rms_norm_tt-mlir-6754.mlir' };
    it('tt-mlir #6754 (2026-01-22): rms_norm of (32, 4096) f32, fp32 acc, grows to 1,528,960 B (within 4 KiB)', () => {
      // Wt = 128, block 4, f32 tiles 4,096 B, bf16 weight 2,048 B: c_0 128·4,096 + c_16 8·4,096 + c_2, c_3 2·2,048 each
      // + c_19 2·4,096 + c_20 128·4,096 + c_21 8·4,096 + c_22 8·4,096 + c_5 128·2,048 = 1,425,408 B; + 103,552 (the
      // 2026-01 base of ttnn/l1BaseHistory.ts, which this figure and tt-metal #36426's give) = 1,528,960, tt-metal's.
      assertNear(regionEnd(assertFails({ ...rms6754, date: '2026-01-22' })), 1_528_960);
    });
    it('tt-xla #2935 / PR #2936 (2026-01-21, the same Qwen3-Embedding-8B rms_norm through vLLM): 1,528,960 B (within 4 KiB)', () => {
      assertNear(regionEnd(assertFails({ ...rms6754, date: '2026-01-21' })), 1_528_960);
    });
    it('tt-mlir #6754 after tt-metal PR #38006 (rms_norm large-tensor path, for #36094): fits', () => {
      assertFits({ ...rms6754, date: '2026-03-01' });
    });
    it('tt-metal #36094 (2026-01-19): rms_norm of (1, 5120) bf16 with fp32 acc overflows on one core', () => {
      // Wt = 160, block 4: c_0 160·2,048 + c_20 160·4,096 + c_5 160·2,048 = 1,310,720 B before the small CBs.
      assertFails({ file: 'rms_norm_tt-metal-36094.mlir', date: '2026-01-19' });
      // After PR #38006 (the fix for this issue): the large-tensor path.
      assertFits({ file: 'rms_norm_tt-metal-36094.mlir', date: '2026-03-01' });
    });
  });

  describe('rms_norm (interleaved, L1 result, Blackhole): tt-mlir #7153', () => {
    it('tt-mlir #7153 (2026-02-23, Z-Image at optimizer level 2): the CB region ends at 1,192,448 B exactly, a clash', () => {
      // tt-metal pin 5280a9c (2026-02-17), before PR #38006: whole-row CBs. Wt = 120, fp32 acc (tt-mlir's rewrite)
      // → block 4, f32 intermediates: c_0 120·2,048 = 245,760 + c_16 8·2,048 = 16,384 + c_2, c_3 4·2,048 = 8,192
      // + c_19 2·4,096 = 8,192 + c_20 120·4,096 = 491,520 + c_21 8·4,096 = 32,768 + c_22 8·4,096 = 32,768
      // + c_5 120·2,048 = 245,760 = 1,081,344; + the system desc's base 111,104 = 1,192,448, tt-metal's figure.
      const { op, first } = deviceOp({ file: 'rms_norm_tt-mlir-7153.mlir', date: '2026-02-17' });
      assert.equal(regionEnd(op), 1_192_448);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
      assert.equal(first, 'this op');
      // The thread's range: 3,616 rows = 113 tile rows over the 13x10 grid, one each: split_work_to_cores' all_cores
      // = num_cores_to_corerangeset(113, x=13, row-wise) = 8 full rows (0,0)-(12,7), then (0,8)-(8,8).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=12,y=7)]');
    });
  });

  describe('rms_norm (interleaved, L1 result, one tile row): tt-mlir #6758', () => {
    it('tt-mlir #6758 (2026-01-27, Llama 3.1 8B decode block at optimizer level 2): region end 1,250,432 B exactly', () => {
      // tt-metal pin a7d0da9 (2026-01-24), before PR #38006: whole rows. Wt = 128, fp32 acc → block 4: c_0 128·2,048
      // = 262,144 + c_16 8·2,048 = 16,384 + c_2, c_3 4·2,048 = 8,192 + c_19 2·4,096 = 8,192 + c_20 128·4,096 = 524,288
      // + c_21 8·4,096 = 32,768 + c_22 8·4,096 = 32,768 + c_5 128·2,048 = 262,144 = 1,146,880; + 103,552 (the late
      // 2026-01 base of ttnn/l1BaseHistory.ts, as tt-mlir #6754 of the same week) = 1,250,432, tt-metal's figure.
      const { op, first } = deviceOp({ file: 'rms_norm_tt-mlir-6758.mlir', date: '2026-01-24' });
      assert.equal(regionEnd(op), 1_250_432);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
      assert.equal(first, 'this op');
    });
  });

  describe('rms_norm (interleaved, whole rows on one core): tt-xla #2846', () => {
    it('tt-xla #2846 (2026-01-16): grows to 1,511,680 B exactly, before tt-metal PR #38006', () => {
      // Wt = 160, fp32 → block 4, WtB 160; no large-tensor path for rms_norm yet: c_0 160·2,048 = 327,680 + c_16 8·2,048
      // = 16,384 + c_2, c_3 2·2·2,048 = 8,192 + c_19 2·4,096 = 8,192 + c_20 160·4,096 = 655,360 + c_21 8·4,096 = 32,768
      // + c_22 8·4,096 = 32,768 + c_5 160·2,048 = 327,680 = 1,409,024; + 102,656 = 1,511,680: tt-mlir main pinned
      // tt-metal 8f16e2b8 (2026-01-13 18:17 UTC, before PR #35327's 102,784 B) from 01-15 to 01-19, the build asserted.
      const op = assertFails({ file: 'rms_norm_tt-xla-2846.mlir', date: '2026-01-13' });
      assert.equal(regionEnd(op), 1_511_680);
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.nCoresUsed, 1);
    });
  });

  describe('rms_norm (interleaved, one-pass): OpModel figures of tt-mlir PR #7818', () => {
    const r7818 = { file: 'rms_norm_tt-mlir-7818.mlir', date: '2026-04-04' };
    it('tt-mlir PR #7818 (2026-04-04): 544x2560 bf16 with fp32 acc, 753,664 B of CBs exactly ("matches runtime")', () => {
      // Wt = 80, fp32 → block 4, WtB 80; one-pass (well under 0.95·L1): c_0 80·2,048 + c_16 8·2,048 + c_2, c_3 2·2,048
      // each + c_19 2·4,096 + c_20 80·4,096 + c_21 8·4,096 + c_22 8·4,096 + c_5 80·2,048
      // = 163,840 + 16,384 + 8,192 + 8,192 + 327,680 + 32,768 + 32,768 + 163,840 = 753,664.
      const { op } = deviceOp(r7818, 'fp32_acc');
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.cbBytesPerCore, 753_664);
    });
    it('tt-mlir PR #7818: the same op without its compute config (rms_norm default fp32 off), 585,728 B exactly', () => {
      // block 8: c_0 163,840 + c_16 16·2,048 + c_2, c_3 8,192 + c_19 2·2,048 + c_20 80·2,048 + c_21 8·2,048
      // + c_22 16·2,048 + c_5 163,840 = 163,840 + 32,768 + 8,192 + 4,096 + 163,840 + 16,384 + 32,768 + 163,840 = 585,728.
      const { op } = deviceOp(r7818, 'no_config');
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(op.estimate.kind === 'estimate' && op.estimate.cbBytesPerCore, 585_728);
    });
  });

  describe('rms_norm_pre_all_gather (interleaved, whole-row CBs)', () => {
    // ops/normPreAllGather.ts: tt-metal's figure for the thread's op, a build after PR #52081; the same
    // call with fp32_dest_acc_en off runs (the thread's repro output), and so does the fp32 one on a build before it.
    it('tt-metal #54697 (rms_norm_pre_all_gather, Blackhole): 1,690,624 B within 4 KiB; fp32 off, or before PR #52081, fits', () => {
      const run = { file: 'rms_norm_pre_all_gather_tt-metal-54697.mlir', date: '2026-08-28', arch: 'blackhole_p150' };
      const fp32On = assertFails(run, 'fp32_on');
      assertNear(regionEnd(fp32On), 1_690_624);
      // "statically allocated dataflow buffers on core range [0-0 - 0-0] grow to 1690624 B ...": layernorm_distributed
      // runs on dataflow buffers from its Metal 2.0 port (change point layernorm-distributed-dataflow-buffers).
      assert.match(
        fp32On.overflow?.message ?? '',
        /^Statically allocated dataflow buffers on core range \[0-0 - 0-0\] grow to \d+ B which is beyond max L1 size of 1572864 B$/,
      );
      assertFits(run, 'fp32_off');
      // "passes on 4dfe546c002 (parent of #52081)" (PR #54698, bisecting #54697's repro).
      assertFits({ ...run, date: '2026-08-01' }, 'fp32_on');
    });

    describe('tt-metal #29728 (2025-09-30, Wormhole 1x2): pre-all-gather → all_gather → post-all-gather, whole-row CBs', () => {
      // The thread prints no figures, only which test cases stop in validate_circular_buffer_region
      // (program.cpp:906): rms_norm at hidden 8192 PASSED; layer_norm 8192, layer_norm 16384 and rms_norm 16384 FAILED.
      // Per device the row is hidden / 2: Wt = 128 (8192) or 256 (16384); bf16 input, bf16 stats, fp32 acc on.
      // Pre (before PR #52081, every CB bf16): c_0 2·Wt + c_1 1 + c_6 2·Wt + c_14 1 (rms) / 2 (layer) tiles of 2,048 B.
      // Post (layernorm_post_all_gather_op_multi_core.cpp@04896f2, row-major bf16 gamma/beta, CBs as tiles of their
      // dtype): rms c_0 Wt·2,048 + c_1 2·2,048 + c_2 Wt·2,048 + c_4, c_5 2·2,048 + c_6 1·4,096 + c_8..c_10 3·4,096
      // + c_12 Wt·4,096 + c_14 Wt·2,048; layer adds c_1 +2, c_3 Wt·2,048, c_6 +1, c_7 1, c_11 Wt, c_13 Wt (·4,096).
      const run = { file: 'distributed_norm_tt-metal-29728.mlir', date: '2025-09-30', arch: 'wormhole_b0' };
      let a: ReturnType<typeof analyse>;
      before(() => {
        a = analyse(run);
      });
      const beyond = (fn: string) => {
        const f = a.functions.find((x) => x.fn.name === `@${fn}`)!;
        return f.ops.filter((o) => o.overflow?.kind === 'cbBeyondL1');
      };
      const cbs = (o: OpAnalysis) => (o.estimate.kind === 'estimate' ? o.estimate.cbBytesPerCore : NaN);

      it('rms_norm, hidden 8192: PASSED — nothing flagged (post 1,335,296 B of CBs, the largest)', () => {
        // 262,144 + 4,096 + 262,144 + 4,096 + 4,096 + 12,288 + 524,288 + 262,144 = 1,335,296; + main's base of
        // 2025-09-30 (PR #28769) 101,440 = 1,436,736 ≤ 1,499,136.
        assert.deepEqual(beyond('rms_norm_8192'), []);
        const post = a.functions.find((x) => x.fn.name === '@rms_norm_8192')!.ops[2]!;
        assert.equal(post.op.name, 'ttnn.rms_norm_post_all_gather');
        assert.equal(cbs(post), 1_335_296);
      });

      it('layer_norm, hidden 8192: FAILED — the post-all-gather op, 2,658,304 B of CBs (the pre op fits)', () => {
        // rms's 1,335,296 + stats 2·2,048 + beta 262,144 + c_6 4,096 + c_7 4,096 + c_11 524,288 + c_13 524,288.
        const over = beyond('layer_norm_8192');
        assert.deepEqual(
          over.map((o) => o.op.name),
          ['ttnn.layer_norm_post_all_gather'],
        );
        assert.equal(cbs(over[0]!), 2_658_304);
        assert.equal(a.functions[a.firstFailure!.functionIndex]!.fn.name, '@layer_norm_8192', 'the first error');
      });

      for (const kind of ['rms', 'layer'] as const) {
        it(`${kind}_norm, hidden 16384: FAILED — already the pre-all-gather op (2·256 + 2·256 bf16 tiles)`, () => {
          // 4·256·2,048 = 2,097,152 + 2,048 + (1 or 2)·2,048.
          const over = beyond(`${kind}_norm_16384`);
          assert.equal(over[0]?.op.name, `ttnn.${kind}_norm_pre_all_gather`);
          assert.equal(cbs(over[0]!), kind === 'rms' ? 2_101_248 : 2_103_296);
        });
      }
    });
  });

  describe('max_pool2d (the resharded input and the halo output, allocated before the CBs)', () => {
    /**
     * The tensor whose allocation tt-metal refuses: walking the op's intermediates in allocation order from the L1
     * tensors live around it (less its own outputs, not yet allocated), the one whose region end is the overflow's.
     */
    function failingAllocation(run: Run): { role: string; bytesPerCore: number; before: number } {
      const op = assertOutOfMemory(run);
      assert.ok(op.estimate.kind === 'estimate' && op.overflow !== undefined);
      const base = analyse(run).device.l1UnreservedBase;
      let held = op.liveL1TensorBytesPerCore - op.estimate.l1TensorBytesPerCore;
      for (const t of op.estimate.l1Intermediates ?? []) {
        const before = held;
        held += t.bytesPerCore;
        if (base + held === op.overflow.cbRegionEndBytes) return { role: t.role, bytesPerCore: t.bytesPerCore, before };
      }
      return assert.fail(`no intermediate of ${run.file} ends at ${op.overflow.cbRegionEndBytes} B`);
    }
    function assertOutOfMemory(run: Run): OpAnalysis {
      const { op, first } = deviceOp(run);
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(
        op.overflow?.kind,
        'l1BuffersExhausted',
        `${run.file} at ${run.date}: ${op.overflow?.kind ?? 'fits'}`,
      );
      assert.equal(first, 'this op', 'the first error of the run');
      return op;
    }

    it('tt-metal #35115 (2025-12-29, DETR-3D): the resharded input, 4,454,400 B per bank exactly', () => {
      // 6·464·800 = 2,227,200 input sticks over 64 cores = 34,800 rows · 64 ch · 2 B = 4,454,400 (tt-metal's figure).
      const t = failingAllocation({ file: 'max_pool2d_tt-metal-35115.mlir', date: '2025-12-29' });
      assert.deepEqual([t.role, t.bytesPerCore, t.before], ['resharded pool input', 4_454_400, 0]);
    });
    it('tt-metal #36802 (2026-01-30, UniAD, same shape): 4,454,400 B with nothing else allocated ("allocated: 0 B")', () => {
      const t = failingAllocation({ file: 'max_pool2d_tt-metal-36802.mlir', date: '2026-01-30' });
      assert.deepEqual([t.role, t.bytesPerCore, t.before], ['resharded pool input', 4_454_400, 0]);
    });
    it('tt-metal #35223 (2026-01-02, smp Unet): the halo output, 1,182,336 B per bank exactly, after the reshard', () => {
      // Reshard: 608·784 = 476,672 sticks / 64 = 7,448 rows · 128 B = 953,344 B (fits alone); the halo's 1,182,336 B
      // (tt-metal's figure) does not fit beside it.
      const t = failingAllocation({ file: 'max_pool2d_tt-metal-35223.mlir', date: '2026-01-02' });
      assert.deepEqual([t.role, t.bytesPerCore, t.before], ['halo output', 1_182_336, 953_344]);
    });
    // The tt-mlir / tt-xla threads the pool fixtures take their shapes from print the same allocations at their own
    // dates (their bank, 1,330,944 B, is 1,499,136 − 65,536 of tt-mlir's L1_SMALL − a 102,656 B base).
    for (const [file, date, thread, role, bytes, before] of [
      [
        'max_pool2d_tt-metal-35115.mlir',
        '2025-12-23',
        'tt-mlir #6427 / tt-xla #2655 (DETR-3D)',
        'resharded pool input',
        4_454_400,
        0,
      ],
      ['max_pool2d_tt-metal-35261.mlir', '2026-01-05', 'tt-xla #2733 (MapTR)', 'halo output', 1_350_784, 1_152_000],
      [
        'max_pool2d_tt-metal-35431.mlir',
        '2026-01-06',
        'tt-mlir #6509 (BEVFormer-tiny)',
        'halo output',
        1_350_784,
        1_152_000,
      ],
      ['max_pool2d_tt-metal-35223.mlir', '2025-11-27', 'tt-xla #2348 (smp Unet)', 'halo output', 1_182_336, 953_344],
      // tenstorrent/tt-forge-fe test_maxpool2d.py 2b7bd495b (2025-09-16), the same (1, 64, 608, 784) bf16 k3 s2 p1 pool's
      // xfail reason, "75669504 B L1 buffer across 64 banks ... 1182336 B", at its tt-mlir's tt-metal 0a04f84 (2025-08-22).
      [
        'max_pool2d_tt-metal-35223.mlir',
        '2025-08-22',
        'tt-forge-fe MaxPool2d (tt-metal 0a04f84)',
        'halo output',
        1_182_336,
        953_344,
      ],
      ['max_pool2d_tt-metal-36802.mlir', '2026-01-30', 'tt-xla #3050 (UniAD)', 'resharded pool input', 4_454_400, 0],
      [
        'max_pool2d_tt-metal-36803.mlir',
        '2026-01-30',
        'tt-xla #3054 / #3057 (SSR, VADv2)',
        'halo output',
        865_408,
        737_280,
      ],
    ] as const) {
      it(`${thread} (${date}): "each bank needs to store ${bytes} B", the ${role}`, () => {
        const t = failingAllocation({ file, date });
        assert.deepEqual([t.role, t.bytesPerCore, t.before], [role, bytes, before]);
      });
    }
    it('tt-xla #2659 (2025-12-23, the same smp Unet pool through tt-xla): 1,182,336 B per bank, bank size 1,331,392', () => {
      // "Not enough space to allocate 75669504 B L1 buffer across 64 banks, where each bank needs to store 1182336 B, but
      // bank size is only 1331392 B": the same halo output ten days before #35223; the bank is 1,499,136 − 102,208 −
      // 65,536 (tt-mlir's L1_SMALL since PR #5557). 102,208 B is tt-metal main's base only from 2025-11-18 to 12-03
      // (l1BaseHistory.ts): tt-xla ran tt-mlir's pin of then (tt-metal 39590dfd, 2025-12-02), the date asserted.
      const t = failingAllocation({ file: 'max_pool2d_tt-metal-35223.mlir', date: '2025-12-02' });
      assert.deepEqual([t.role, t.bytesPerCore, t.before], ['halo output', 1_182_336, 953_344]);
      const op = assertOutOfMemory({ file: 'max_pool2d_tt-metal-35223.mlir', date: '2025-12-02' });
      assert.equal((op.overflow?.limitBytes ?? 0) - 102_208, 1_331_392, 'the bank: L1_SMALL start − base');
    });
    for (const [file, date, thread] of [
      ['max_pool2d_tt-metal-35261.mlir', '2026-01-05', '#35261 (MapTR)'],
      ['max_pool2d_tt-metal-35431.mlir', '2026-01-08', '#35431 (BEVFormer-tiny)'],
    ] as const) {
      it(`tt-metal ${thread} (${date}): the halo output, 1,350,784 B per bank exactly, after the reshard`, () => {
        // Reshard: 6·240·400 = 576,000 sticks / 64 = 9,000 rows · 128 B = 1,152,000 B; then tt-metal's 1,350,784 B.
        const t = failingAllocation({ file, date });
        assert.deepEqual([t.role, t.bytesPerCore, t.before], ['halo output', 1_350_784, 1_152_000]);
      });
    }
    it("tt-metal #36803 (2026-01-30, SSR/VADv2): halo 865,408 B with the reshard's 737,280 B allocated, both as printed", () => {
      const t = failingAllocation({ file: 'max_pool2d_tt-metal-36803.mlir', date: '2026-01-30' });
      assert.deepEqual([t.role, t.bytesPerCore, t.before], ['halo output', 865_408, 737_280]);
    });
    it("tt-metal #36803: the diagnostic names the buffer tt-metal's allocator could not place, with its printed figures", () => {
      const text = fs.readFileSync(path.join(DIR, 'max_pool2d_tt-metal-36803.mlir'), 'utf8');
      const doc = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-01-30' });
      const [d] = features.diagnostics(doc).filter((x) => x.code === 'l1-out-of-memory');
      assert.ok(d !== undefined, 'an out-of-memory diagnostic');
      // "each bank needs to store 865408 B … (allocated: 737280 B …)" (the thread's error line).
      assert.match(
        d.message,
        /not enough space to allocate the halo output, 865,408 B per core \(55,386,112 B across 64 banks in tt-metal's allocator message\), with 737,280 B/,
      );
      assert.match(
        d.message,
        /Why: before .* ttnn allocates the resharded pool input \(737,280 B\), then the halo output/,
      );
    });
    it('tt-metal #22920 (2025-06-03, DETR3D k1x64): the halo output, 1,048,576 B per bank, beside the 1,048,576 B input shard', () => {
      // The test's own height shard: 2,048 · 64 = 131,072 input sticks over 64 cores = 2,048 sticks · 256 ch · 2 B =
      // 1,048,576 B (in L1 before the op). Halo: 2,048 output sticks / 64 = 32 per core, each a whole 64-wide input row:
      // 32 · 64 = 2,048 sticks · 512 B = 1,048,576 B (tt-metal's figure, 64 · 1,048,576 = 67,108,864 B), which does not
      // fit beside the input in 1,499,136 − 24,576 (L1_SMALL) − 97,248 (base) = 1,377,312 B.
      const op = assertOutOfMemory({ file: 'max_pool2d_tt-metal-22920.mlir', date: '2025-06-03', l1SmallSize: 24_576 });
      assert.deepEqual(
        [op.overflow?.failedAllocation?.role, op.overflow?.failedAllocation?.bytesPerCore],
        ['halo output', 1_048_576],
      );
      assert.equal(op.overflow?.failedAllocation?.allocatedBeforeBytes, 1_048_576, 'the pre-sharded input');
    });
    const sweep24944 = {
      file: 'max_pool2d_tt-metal-24944.mlir',
      arch: 'wormhole_b0_n300_worker_dispatch',
      l1SmallSize: 16_384,
    };
    it('tt-metal #24944 (2025-07-11, N300 sweep): the pool output shard fails, 131,712 B per bank over 56 banks exactly', () => {
      // 180 x 320 = 57,600 output sticks over the 56 cores of the N300's 7x8 worker grid: ceil = 1,029 sticks · 64 ch ·
      // 2 B = 131,712 B per bank, 56 · 131,712 = 7,375,872 B (tt-metal's two figures). It fails only above both the
      // reshard (230,400 / 56 → 4,115 sticks · 128 B = 526,720 B) and the halo output (757,632 B): 1,284,352 +
      // 131,712 = 1,416,064 B > 1,499,136 − 16,384 (L1_SMALL) − 99,904 (main's base of 07-06..07-18) = 1,382,848 B, while
      // 1,284,352 B fit; with the reshard freed after the halo, 757,632 + 131,712 = 889,344 B would fit.
      const op = assertOutOfMemory({ ...sweep24944, date: '2025-07-11' });
      assert.ok(op.estimate.kind === 'estimate');
      assert.equal(
        op.overflow?.failedAllocation,
        undefined,
        'every intermediate fits: the output is the failing buffer',
      );
      assert.deepEqual(
        [op.estimate.l1TensorBytesPerCore, op.estimate.nCoresUsed * op.estimate.l1TensorBytesPerCore],
        [131_712, 7_375_872],
      );
      assert.deepEqual(
        (op.estimate.l1Intermediates ?? []).map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram]),
        [
          ['resharded pool input', 526_720, true],
          ['halo output', 757_632, true],
        ],
      );
    });
    it("tt-metal #24944 from change point pool-dram-input-reshard-freed (PR #27007): the DRAM input's reshard is freed, fits", () => {
      // 757,632 + 131,712 = 889,344 B of 1,382,848 B (the hand sum in the test above).
      assertFits({ ...sweep24944, date: '2025-09-01' });
    });
    it('tt-mlir #6441 (2025-12-25, Carvana UNet via tt-xla): the halo CBs clash at 102,400 B and end at 102,464 B, both exactly', () => {
      // Row-major bf16 (tt-mlir's Pool2D workaround), 1x480x640x64, kernel 2, stride 2: 76,800 output sticks over 64
      // cores = 1,200 each. Reshard: 307,200 input sticks / 64 = 4,800 · 64 ch · 2 B = 614,400 B. Halo: core 1's outputs
      // 1,200..2,399 (row 3 col 240 .. row 7 col 159) read input sticks 6·640 + 480 = 4,320 .. 15·640 + 319 = 9,919,
      // 5,600 sticks (the widest span) · 128 B = 716,800 B. Both allocated top-down from 1,499,136 − 65,536 (L1_SMALL)
      // = 1,433,600: the lower ends at 1,433,600 − 1,331,200 = 102,400, tt-metal's "L1 buffer allocated at". The halo
      // program's own CBs are two pad sticks (a row-major input needs no untilize CB), 2 · 128 = 256 B, from the base
      // 102,208 (tt-xla #2659): 102,464, tt-metal's region end. That base is tt-metal main's only from 2025-11-18 to
      // 12-03 (l1BaseHistory.ts): tt-xla ran tt-mlir's pin of then, tt-metal 39590dfd (2025-12-02), asserted here.
      const { op, first } = deviceOp({ file: 'max_pool2d_tt-mlir-6441.mlir', date: '2025-12-02' });
      assert.equal(first, 'this op');
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
      assert.deepEqual([op.overflow?.limitBytes, op.overflow?.cbRegionEndBytes], [102_400, 102_464]);
      assert.deepEqual(
        [op.overflow?.failedProgram?.name, op.overflow?.failedProgram?.cbBytesPerCore],
        ['halo (untilize_with_halo)', 256],
      );
      // The thread's range: the halo's CBs sit on its output shard grid, 64 height shards = the 8x8 grid.
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    });
    it('tt-xla #2652 (2025-12-23, the same Carvana UNet model run, the same build): the same clash, 102,400 / 102,464 B', () => {
      const { op, first } = deviceOp({ file: 'max_pool2d_tt-mlir-6441.mlir', date: '2025-12-02' });
      assert.equal(first, 'this op');
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
      assert.deepEqual([op.overflow?.limitBytes, op.overflow?.cbRegionEndBytes], [102_400, 102_464]);
    });
    it('ResNet-18 stem pool 1x112x112x64 from DRAM (tt-mlir runs it on Wormhole): fits', () => {
      assertFits({ file: 'max_pool2d_resnet18-stem-runs.mlir', date: '2026-01-30' });
    });
    // tt-metal #21305 (2025-04-28, Blackhole CI): in-place-halo bfloat8_b max_pool2d of 1x512x10x10, kernel 5x5, stride 1,
    // padding 2, applied_shard_scheme HEIGHT_SHARDED: "Statically allocated circular buffers on core range [(x=0,y=0) -
    // (x=12,y=6)] grow to 1588224 B which is beyond max L1 size of 1572864 B". The test file of that time skips the case
    // on Blackhole "due to large remote temp CB" (test_maxpool2d.py, search index id 4077476451).
    // Hand arithmetic (untilize_with_halo_program_factory.cpp@02a3583, sliding_window.cpp id 3923747601): 100 output
    // sticks over 100 cores, 1 each; the halo span of a core is 4·14 + 5 = 61 padded sticks (14 = 10 + 2·2); the
    // resharded input shard is 32 sticks (100 rounded to 100 cores · 32 / 100), so input sticks live on cores 0-3. Core 1
    // holds sticks 32-63 (row 3 cols 2-9, rows 4-5, row 6 cols 0-3); counting, over the 100 destination spans, the
    // real sticks each takes from core 1: 1,422 (core 0: 1,152, core 2: 1,257, core 3: 98) → remote temp CB 1,422 ·
    // 512 · 2 B = 1,456,128 B; pad stick 1,024 B; slow-untilize temp CB (16 tiles > 8) 16 · 2,048 = 32,768 B; two sync
    // CBs 2 · 16 B: 1,489,952 B. On the preset Blackhole base 111,616 B (first seen 2026-08; the base of April-2025
    // Blackhole builds is not observed) the region ends at 1,601,568 B, 13,344 B above the thread. Tolerance 16 KiB,
    // for that base alone: the thread's figure less these CB bytes implies a base of 98,272 B (98,304 B if that build
    // had no sync CBs: its figure is a multiple of 1,024), not verified elsewhere.
    it('tt-metal #21305 (2025-04-28, Blackhole): the in-place halo of the bf8 pool grows past L1 (1,588,224 B; base unknown, within 16 KiB)', () => {
      const op = assertFails({
        file: 'max_pool2d_tt-metal-21305.mlir',
        date: '2025-04-28',
        arch: 'blackhole_p150_unharvested',
        l1SmallSize: 16_384,
      });
      const o = op.overflow;
      assert.equal(o?.kind, 'cbBeyondL1');
      assert.match(o?.failedProgram?.name ?? '', /in-place halo \(remote temp CB of 1422 sticks\)/);
      // The thread's range: the halo's CBs on its output shard grid, num_cores_to_corerangeset(100, x=13, row-wise):
      // 7 full rows (0,0)-(12,6) first, then (0,7)-(8,7).
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=12,y=6)]');
      assert.equal(o?.failedProgram?.cbBytesPerCore, 1_489_952);
      assert.ok(
        op.estimate.kind === 'estimate' && op.estimate.nCoresUsed === 100,
        '100 cores: (0,0)-(12,6) and (0,7)-(8,7)',
      );
      // The pool's row-major output shard (generic_pools.cpp@465a425: round_up(100, 100 · 1) / 100 sticks, no tile
      // rounding for a row-major output): 1 stick · 512 · 2 B = 1,024 B per core, not 32 sticks (32,768 B).
      assert.equal(
        op.estimate.kind === 'estimate' ? op.estimate.cbs.find((c) => c.role === 'output (sharded)')?.pageBytes : NaN,
        1_024,
      );
      const end = o?.cbRegionEndBytes ?? NaN;
      assert.ok(Math.abs(end - 1_588_224) <= 16_384, `${end} B vs tt-metal's 1,588,224 B`);
    });
  });

  describe('avg_pool2d over the whole image (global)', () => {
    const avg1433 = { file: 'avg_pool2d_tt-xla-1433.mlir' };
    it("tt-xla #1433 (2025-09-22, EfficientNet-B4): out of L1 at one of the sliding-window pool's own tensors, the first error", () => {
      // One output stick: the pool's L1 tensors hold the whole 50,176-stick image on a handful of cores (height: all 48
      // channels on one core, 50,176 · 96 B = 4,816,896 B; width: 16 channels per core on 3, 1,605,632 B), above the
      // 1.36 MB bank whichever scheme is picked. The thread's figure is cut off: the allocation is not asserted.
      const { op, first } = deviceOp({ ...avg1433, date: '2025-09-22' });
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
      assert.ok(op.overflow?.failedAllocation !== undefined, "one of the op's own L1 tensors");
      assert.equal(first, 'this op');
    });
    it('after tt-metal PR #43820 (2026-05, whole-image avg_pool2d → one pool_sum): fits, sized as a reduction', () => {
      const { op } = deviceOp({ ...avg1433, date: '2026-05-15' });
      assert.equal(op.overflow, undefined);
      assert.ok(op.estimate.kind === 'estimate' && /pool_sum/.test(op.estimate.factoryReason));
    });
    it('from tt-metal PR #44249 (merged 2026-06-03) the row-major pool_sum runs the dense row-major H reduce: 30,720 B on 2 cores, fits', () => {
      // reduce_op.cpp@82f9895: a rank-4 row-major bf16 SUM over H with interleaved input and output takes the RM branch
      // of reduce_op_multi_core_h_program_factory.cpp@82f9895. [1, 1, 50176, 48]: Wt = ceil(48/32) = 2 tile columns →
      // 2 cores; wt chunk 1, Ht = 50,176/32 = 1,568 → ht chunk 8; one c_24 page = one row of 32 · 2 B. c_24 2·32·64 =
      // 4,096; c_4 2,048; c_5 1 tile 2,048; c_0 max(2, 8) = 8 tiles = 16,384; c_2 2,048; c_3 2 tiles 4,096 → 30,720 B.
      const { op } = deviceOp({ ...avg1433, date: '2026-06-03' });
      assert.equal(op.overflow, undefined);
      assert.ok(op.estimate.kind === 'estimate', 'modeled');
      assert.equal(op.estimate.cbBytesPerCore, 30_720);
      assert.equal(op.estimate.nCoresUsed, 2);
      assert.match(op.estimate.factoryReason, /pool_sum.*dense row-major H reduce/);
    });
    it('from tt-metal PR #50393 (≈2026-07-31) the tall pool_sum splits H into 32 slices: two programs, 36,864 B, fits', () => {
      // reduce_op.cpp (index id 57968691308): NC·Wt = 2 tile columns < 64 cores and Ht = 1,568 ≥ 16, so S = min(64/2,
      // 1,568) = 32. Both stages run ReduceMultiCoreHProgramFactory's RM branch (index ids 54542839682, 57977134085;
      // wt chunk 1, ht chunk min(8, Ht)). Stage 1, H sum into Float32 (1, 1, 32, 48) partials over NC·S·Wt = 64
      // columns: c_24 64 rows · 32·2 B = 4,096; c_4 2,048; c_5 1 Float32 tile 4,096; c_0 8 tiles 16,384; c_2 2,048; c_3
      // 2 Float32 tiles 8,192 → 36,864 B on 64 cores. Stage 2 over the 32 Float32 rows (Ht 1, 2 columns): c_24 64 · 128
      // = 8,192; c_4 4,096; c_5 2,048; c_0 2·4,096; c_2 4,096; c_3 2·2,048 → 30,720 B. The larger is stage 1.
      const { op } = deviceOp({ ...avg1433, date: '2026-08-01' });
      assert.equal(op.overflow, undefined);
      assert.ok(op.estimate.kind === 'estimate', 'modeled');
      assert.equal(op.estimate.cbBytesPerCore, 36_864);
      assert.equal(op.estimate.nCoresUsed, 64);
      assert.match(op.estimate.factoryReason, /32 slices/);
    });
  });

  describe('conv2d', () => {
    const c17947 = { file: 'conv2d_tt-metal-17947.mlir', date: '2025-02-18' };
    it('tt-metal #17947 (2025-02-18), HEIGHT_SHARDED as the thread ran it: the CBs of the 2025 factory, the first error', () => {
      // The thread's test is test_new_conv2d.py::test_conv_mem_config_wh with config_override None: bfloat8_b
      // activations (the conv's output dtype) and weights, a bias, packer_l1_acc, TILE output (fixture header).
      // 16·112·112 = 200,704 output rows = 6,272 tiles / 64 cores = 98 per core (64 divides 6,272); C_in 16 → 32
      // (Conv2dConfig input_channels_alignment 32); act_block_w = round_up(32·kW 4, 32) = 128 = 4 tiles (one kernel row,
      // num_blocks_act_w = kH = 4); act_block_h = per_core_M = 98 (no override), per_core_N = 2. Tiles: bf16 2,048 B,
      // bfp8 1,088 B. ACT 98·4 = 392 bf16 (the halo's row-major bf16) = 802,816; ACT_TILIZED 392 in the output's bfp8 =
      // 426,496; WEIGHTS 2·4 = 8 bfp8 (one act block in h: not fully buffered) = 8,704; BIAS 2 bfp8 = 2,176; packer L1
      // accumulation is on (bias and 4 K blocks > 1), so the partials are bf16, not the bfp8 output: their own CB of the
      // per-core output, 98·2 = 196 bf16 = 401,408; L1 scratch 64 → 1,641,664 B
      // (conv2d_op_sharded_program_factory.cpp of early 2025, create_CBs_for_sharded_input_v2: index id 41864809891, a
      // separate interm0 CB when its format is not the output's; id 3743811513, its num_output_tiles = the per-core
      // output block, out_block_h 98 · weight_block_w 2).
      const op = assertFails(c17947, 'conv_issue');
      assert.equal(op.cbBytesPerCore, 1_641_664);
    });
    it('tt-metal #17947: "grow to 1741152 B", exactly (the base the figure implies is tt-metal #17869\'s)', () => {
      // 1,741,152 − 1,641,664 = 99,488 B of base: exactly the base tt-metal #17869's figure gives five days earlier
      // (296,160 − 196,672, threads-conv2d.test.ts), the dated table's 2025-02 entry.
      assert.equal(regionEnd(assertFails(c17947, 'conv_issue')), 1_741_152);
      // "on core range [(x=0,y=0) - (x=7,y=7)]": the sharded conv factory's CBs on the 64 height cores' 8x8 box.
      assert.equal(printedRange(assertFails(c17947, 'conv_issue')), '[(x=0,y=0) - (x=7,y=7)]');
    });
    it('tt-metal #17947, auto-shard (the maintainer: "if you remove that both test variants will pass"): fits', () => {
      // Before tt-metal PR #32424 auto-shard lowers act_block_h_override to 32: ACT and ACT_TILIZED one tile row.
      assertFits(c17947, 'conv_issue_auto_shard');
    });
    it('tt-metal #32610 (2025-11-18, mlp_mixer, kernel 1x512 over a 1x512 image): overflows, the first error', () => {
      // The thread quotes no figure (opening post or comments in the index).
      assertFails({ file: 'conv2d_tt-metal-32610.mlir', date: '2025-11-18' });
    });
  });

  describe("moreh_cumsum (tt-forge-onnx #1634) through tt-mlir's 4-D workaround", () => {
    const c1634 = { file: 'cumsum_tt-forge-onnx-1634.mlir' };
    it("tt-forge-fe Cumsum0 (#1634's case), tt-metal 7d60ca2 (2025-03-25): the workaround's first reshape grows to 9,981,664 B exactly", () => {
      // CumSumOpRewritePattern@7c2b24c: (2441216,) → (2441216, 1, 1, 1) first. Before tt-metal PR #20189 a tiled reshape
      // untilizes first: the 1-D input is one tile row of Wt = 76,288 unpadded to one row →
      // UntilizeWithUnpaddingMultiCoreBlockInterleaved, split_blocks_for_tilize_wh: 62 cores of 1,211-tile blocks and a
      // cliff of 76,288 − 62·1,211 = 1,206 tiles, created first: c_0 = c_16 = 1,206·4,096 → 9,879,552 + 102,112 =
      // 9,981,664, the xfail reason's figure (the same as Reshape225's, threads-datamove.test.ts), on the cliff core
      // the reason names, (x=6,y=7): the 63rd core row-major, before tt-metal PR #34268 (change point
      // `padding-block-cores-column-major`).
      const { op, first } = deviceOp({ ...c1634, date: '2025-03-25' }, 'cumsum_workaround');
      assert.equal(first, 'this op');
      assert.equal(op.op.name, 'ttnn.reshape');
      assert.equal(regionEnd(op), 9_981_664);
      assert.equal(printedRange(op), '[(x=6,y=7) - (x=6,y=7)]');
    });
    it('tt-forge-fe c92a65b88 (tt-metal 7598b7e, 2025-04-01): 9,976,800 B, the same CBs on the 97,248 B base', () => {
      const { op } = deviceOp({ ...c1634, date: '2025-04-01' }, 'cumsum_workaround');
      assert.equal(regionEnd(op), 9_976_800);
    });
  });

  describe('families without a model yet: never "fits"', () => {
    const cases = [{ file: 'cumsum_tt-forge-onnx-1634.mlir', date: '2025-03-31' }];
    for (const run of cases) {
      it(`${run.file}: overflow or unmodeled ("cannot rule out")`, () => {
        const { op, unmodeled } = deviceOp(run);
        assert.ok(
          op.overflow !== undefined || (unmodeled && op.estimate.kind === 'unmodeled'),
          `${run.file}: neither flagged nor unmodeled`,
        );
      });
    }
  });
});

describe('public-thread regression set, further families (test/fixtures/threads)', () => {
  describe('conv3d (no Conv3dConfig: auto blocking by build)', () => {
    const conv3d = { file: 'conv3d_tt-metal-42146.mlir' };
    // C_in 3 padded to 32, C_in_block 32, C_out_block 32, T/H/W blocks 1: patch = 2·14·14·32 = 12,544, K_t = 392, N_t = 1,
    // M_t = 1. vol2col rm 1 page of 12,544·2 = 25,088; vol2col tiled 392·2,048 = 802,816; weight 392·1·2,048 = 802,816;
    // matmul interm + result 2·2,048 → 1,634,816 + 103,712 = 1,738,528 (tt-metal's figure in both threads).
    it('tt-metal #42146 (2026-04-15): 1,738,528 B exactly', () => {
      const op = assertFails({ ...conv3d, date: '2026-04-15' });
      assert.equal(regionEnd(op), 1_738_528);
      // The thread's range: every CB on core_grid, the config's whole 8x8 compute grid.
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    });
    it('tt-mlir #7351 (2026-03-05, the same op through tt-xla): 1,738,528 B exactly', () => {
      assert.equal(regionEnd(assertFails({ ...conv3d, date: '2026-03-05' })), 1_738_528);
    });
    it('tt-xla #3656 (2026-03-10, the same conv3d in Qwen2.5 VL and Qwen3 VL): 1,738,528 B exactly', () => {
      assert.equal(regionEnd(assertFails({ ...conv3d, date: '2026-03-10' })), 1_738_528);
    });
    it("tt-xla's olmOCR xfail (test config of 2026-03-03, p150): the same conv3d on Blackhole, 1,745,920 B exactly", () => {
      // tt-xla 696f223cd → tt-mlir 27a42fd → tt-metal 8a085d0 (2026-02-23). The IR's conv3d_config (c_in_block 32,
      // c_out_block 32, no grid) gives the CBs above, 1,634,816 B, + 111,104 (Blackhole base of 2026-01-30..06-11) =
      // 1,745,920; every CB on the device's 13x10 compute grid, the reason's (0,0)-(12,9).
      const op = assertFails({
        file: 'conv3d_tt-xla-olmocr-p150.mlir',
        date: '2026-02-23',
        arch: 'blackhole_p150_unharvested',
      });
      assert.equal(op.cbBytesPerCore, 1_634_816);
      assert.equal(regionEnd(op), 1_745_920);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=12,y=9)]');
    });
    // nsmithtt/tt-forge-remediation's tt-xla model reports (Blackhole p150, tt-metal 3fa4d753 of 2026-04-08 under tt-mlir
    // 553c0632): tt-mlir attaches no conv3d_config, pads C_in to 32; tt-metal's default of the build (after PR #41281):
    // C_in_block 32, C_out_block 32, T/H/W 1, the whole 11x10 grid. Base 111,104 (Blackhole, 2026-01-30..06-11).
    const remediation = { file: 'conv3d_tt-forge-remediation-p150.mlir', date: '2026-04-08', arch: 'blackhole_p150' };
    it('Qwen3-VL patch embed (remediation reports of 2026-04-28): 2,247,168 B on [(x=0,y=0) - (x=10,y=9)]', () => {
      // patch 2·16·16·32 = 16,384 → K_t 512, N_t 1, M_t 1: vol2col rm 16,384·2 = 32,768; vol2col tiled 512 + weight 512
      // + interm 1 + result 1 + bias 1 = 1,027 tiles = 2,103,296 → 2,136,064 + 111,104 = 2,247,168, the reports' figure.
      const op = assertFails(remediation, 'qwen3_vl_patch_embed');
      assert.equal(regionEnd(op), 2_247_168);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=10,y=9)]');
    });
    it('GLM-4V patch embed (glyph / glm_ocr reports of 2026-04-28): 1,747,968 B on [(x=0,y=0) - (x=10,y=9)]', () => {
      // patch 2·14·14·32 = 12,544 → K_t 392: 25,088 + (392 + 392 + 1 + 1 + 1 bias)·2,048 = 1,636,864 + 111,104.
      const op = assertFails(remediation, 'glm4v_patch_embed', { first: false });
      assert.equal(regionEnd(op), 1_747_968);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=10,y=9)]');
    });
    it('Qwen2.5-VL patch embed (fara / cosmos_reason1 reports, no bias): 1,745,920 B on [(x=0,y=0) - (x=10,y=9)]', () => {
      // The olmOCR figure above without the bias tile: 1,634,816 + 111,104, on the p150's 11x10 grid.
      const op = assertFails(remediation, 'qwen2_5_vl_patch_embed', { first: false });
      assert.equal(regionEnd(op), 1_745_920);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=10,y=9)]');
    });
    it('after tt-metal PR #43715 (merged 2026-05-13; C_in_block 16, the blocks the thread says fit): fits', () => {
      assertFits({ ...conv3d, date: '2026-05-13' });
    });
    it('tt-xla #2872 (2026-01-19, Qwen 2.5 VL 3B; again in tt-xla #4581): 3,375,680 B exactly', () => {
      // No conv3d_config and no channel padding in that tt-mlir: tt-metal's default Conv3dConfig takes all channels,
      // C_in = 3, C_out 1280. patch = 2·14·14·3 = 1,176 → K_t 37; N_t 40; M_t 1. vol2col rm 1 page of
      // round_up(1,176, 32)·2 = 2,368; vol2col tiled 37 + weight 37·40 = 1,480 + interm 40 + result 40 = 1,597 tiles
      // = 3,270,656 → 3,273,024 + 102,656 = 3,375,680, tt-xla's figure: the base of tt-mlir's pin until 2026-01-19 17:09
      // UTC, tt-metal 8f16e2b8 (2026-01-13; its next pin, acd0707a of 01-15, has PR #35327's 102,784 B), asserted at
      // that build. With the channels padded to 32 (the rule before) the weight alone was 392·40 tiles, 33.2 MB.
      const op = assertFails({ file: 'conv3d_tt-xla-2872.mlir', date: '2026-01-13' });
      assert.equal(regionEnd(op), 3_375_680);
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    });
    it('tt-metal #43873 (2026-05-08, Qwen 2.5-VL N_64, C_out_block 1280): 33,208,128 B on [0-0 - 7-7], word for word', () => {
      // conv3d_program_factory.cpp@c47d23c (main of 05-08): patch = 2·14·14·32 = 12,544 (tile aligned) → K_t 392;
      // C_out_block 1280 → N_t 40; one patch per block → M_t 1, so out_subblock_h 1 (out_subblock_w 8 ≠ N_t). bf16
      // tiles of 2,048 B, partials bf16 (one C_in block): vol2col rm 1 page of 12,544·2 = 25,088; vol2col tiled 392
      // tiles = 802,816; weight 392·40 = 15,680 tiles = 32,112,640; interm 40 tiles = 81,920; result 40 tiles = 81,920
      // → 33,104,384 + 103,744 (builds of 2026-05-05..15) = 33,208,128, the thread's figure.
      const run = { file: 'conv3d_tt-metal-43873.mlir', date: '2026-05-08' };
      const op = assertFails(run);
      assert.equal(regionEnd(op), 33_208_128);
      assert.equal(printedRange(op), '[0-0 - 7-7]');
      assert.equal(
        op.overflow?.message,
        'Statically allocated circular buffers on core range [0-0 - 7-7] grow to 33208128 B which is beyond max L1 size of 1499136 B',
      );
    });
    const conv8981 = { file: 'conv3d_tt-mlir-8981.mlir', date: '2026-07-09' };
    it('tt-mlir #8981 (2026-07-09, Qwen3.5-27B patch embed, c_in_block 32 from tt-mlir): 2,240,288 B exactly', () => {
      // patch = 2·16·16·32 = 16,384 → K_t 512; c_out_block 32 → N_t 1; M_t 1. vol2col rm 16,384·2 = 32,768;
      // vol2col tiled 512 + weight 512 + interm 1 + result 1 + bias 1 = 1,027 tiles = 2,103,296 → 2,136,064
      // + 104,224 (the 2026-06..07 base of ttnn/l1BaseHistory.ts) = 2,240,288, tt-metal's figure (without the bias
      // tile: 2,238,240, which no dated base gives).
      assert.equal(regionEnd(assertFails(conv8981, 'qwen35_patch_embed')), 2_240_288);
    });
    it("tt-mlir #8981: on core range [0-0 - 7-6], the thread's, in the x-y style of its build", () => {
      // Every CB on core_grid, the config's grid<8x7> = CoreCoord {x = 8, y = 7}: (0,0)-(7,6). A build of 2026-07 prints
      // cores as "x-y" (tt-umd PR #2397, change point corerange-str-dash).
      assert.equal(printedRange(assertFails(conv8981, 'qwen35_patch_embed')), '[0-0 - 7-6]');
    });
    it('tt-mlir #8981 after tt-mlir PR #8980 (c_in_block 16, two C_in blocks): fits', () => {
      // patch 2·16·16·16 = 8,192 → K_t 256: rm 8,192·2 = 16,384 + (256 + 256 + 1 + 1 + reduction 1 + ack 1 + bias 1 = 517)
      // ·2,048 = 1,058,816 → 1,075,200 B, plus the L1 prefetch shard of tt-metal PR #38579 (2x16x16 kernel, blocks of 1):
      // 2·16·16 positions of 16·2 B = 16,384 B, inside min(1,499,136 − 104,224 − 204,800 − 1,075,200, 512,000) = 114,912
      // (two C_in blocks: no coalesced scratch) → 1,091,584 B.
      const { op } = deviceOp(conv8981, 'after_pr_8980');
      assert.equal(op.cbBytesPerCore, 1_091_584);
      assertFits(conv8981, 'after_pr_8980');
    });
    const ltx = { file: 'conv3d_tt-metal-46868.mlir', date: '2026-06-12', arch: 'blackhole_p150' };
    it('tt-metal PR #46868 (2026-06-12, LTX-2.3 VAE on Blackhole, tt_dit default C_in_block 1024): 3,711,744 B exactly', () => {
      // patch = 27 · 1,024 = 27,648 → K_t 864; c_out_block 32 → N_t 1; M_t 1. vol2col rm 27,648 · 2 = 55,296; vol2col
      // tiled 864 + weight 864 + interm 1 + result 1 + bias 1 = 1,731 bf16 tiles = 3,545,088 → 3,600,384 + 111,360 (the
      // Blackhole base from tt-metal PR #46526, merged the same day) = 3,711,744, the PR's figure. The PR's own
      // estimate, "~1.77 MB each" for vol2col_tiled and weight_tiled, is the 864 tiles.
      assert.equal(regionEnd(assertFails(ltx, 'ltx_res_conv')), 3_711_744);
    });
    it('tt-metal PR #46868: its channel fallback, C_in_block 128, fits ("each big CB ~221 KB")', () => {
      // patch 27 · 128 = 3,456 → K_t 108: vol2col tiled and weight 108 tiles = 221,184 B each, the PR's "~221 KB".
      assertFits(ltx, 'pr_46868');
    });
  });

  describe('update_cache', () => {
    it('tt-mlir #3679 (2025-06-04): the f32 test_update_cache grows to 2,587,616 B exactly', () => {
      // Cache (1, 32, 64, 512) f32, input (1, 32, 1, 512) f32: Wt 16, granularity min(2, 1) = 1, B = 32 (padded),
      // 32 batched heads over 32 cores (the thread's 8x4 range). c_0 2·16 f32 tiles 131,072; c_1 2·16 131,072;
      // c_24+c_25 and c_26 2·16 bf16 tiles each (no fp32 dest acc: tt-mlir passes no compute config) 65,536 + 65,536;
      // c_16 B·Wt = 512 f32 tiles 2,097,152 → 2,490,368 + 97,248 (the 2025-06 base of ttnn/l1BaseHistory.ts)
      // = 2,587,616, tt-metal's figure; an fp32 intermediate would give 2,718,688.
      assert.equal(regionEnd(assertFails({ file: 'update_cache_tt-mlir-3679.mlir', date: '2025-06-04' })), 2_587_616);
    });
    it("tt-mlir #3679: on core range [(x=0,y=0) - (x=7,y=3)], the thread's", () => {
      // split_work_to_cores(grid, 32 heads, row_major = true): 32 cores = 4 full rows of 8, one CoreRange (0,0)-(7,3).
      const op = assertFails({ file: 'update_cache_tt-mlir-3679.mlir', date: '2025-06-04' });
      assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=3)]');
    });
  });

  describe('paged_scaled_dot_product_attention_decode (no program_config)', () => {
    const sdpa = { file: 'paged_sdpa_decode_tt-metal-44311.mlir', arch: 'blackhole_p150' };
    it('tt-metal #44311 (2026-05-13, head_dim 512, Blackhole): overflows under the dynamic-chunk, all-core default', () => {
      // Dynamic K chunk 8 tiles, DHt 16: K and V 8·16·2 = 256 tiles each; cores per head ⌊110 / 4⌋ = 27 (p150, 10x11),
      // so the reduction scratch c_19 is (16 + 2)·26 = 468 tiles: over 2 MB of CBs before anything else.
      assertFails({ ...sdpa, date: '2026-05-13' });
    });
    it('between tt-metal PR #44617 and tt-mlir PR #8979 a tt-mlir run on Blackhole still overflows', () => {
      // tt-mlir #8417 (2026-06-26): the tt-metal fix "isn't applied in tt-mlir for blackhole devices since we set the
      // program config" (the runtime's Blackhole config, tt-mlir PR #7561: dynamic chunks over every core per head).
      assertFails({ ...sdpa, date: '2026-06-01' });
    });
    it('after tt-metal PR #44617 and tt-mlir PR #8979 (K chunk 32, one core per head): 393,856 B of CBs, fits', () => {
      // Full tiles (32 q heads > 16), PNHt 1, DHt 16, Sk 1, no c_19: Q 16 + K 32 + V 32 + mask 1 + c_5..c_7 3 + tilized Q
      // 16 + c_11, c_12 2 + QK^T 1 + c_25, c_26 32 + 7 statistics + c_23 16 + c_16 16 + c_17, c_18 2 + output 16 = 192
      // tiles = 393,216 B, + cur_pos page 64 B (4 B aligned to 64) twice (c_8 and, from tt-metal PR #45142, c_15) +
      // page-table row 512 B (128·4) = 393,856 B.
      assertFits({ ...sdpa, date: '2026-07-20' });
      const { op } = deviceOp({ ...sdpa, date: '2026-07-20' });
      assert.equal(op.cbBytesPerCore, 393_856);
    });
  });
});
