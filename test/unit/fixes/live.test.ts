/** Overflows from L1 tensors held live: deallocate after last use, spill to DRAM, and the layout solver; corpus files. */

import { strict as assert } from 'assert';
import type { Fix } from '../../../server/src/fixes/types';
import { checkIrFix, fixesAt, functionIndexOf, load, read } from './harness';

const LIVE = 'test/fixtures/fixes/l1_live.mlir';

function kinds(fixes: readonly Fix[]): string[] {
  return fixes.map((f) => f.fixKind);
}

describe('fixes/live tensors and layouts', () => {
  // l1_live.mlir: %0 and %2 each 716,800 B/core in L1 interleaved (350 tiles x 2,048 B); %0 is freed only after %3.
  // At %2 (op 2): 1,433,600 B live > 1,499,136 − 102,656 = 1,396,480 B → l1BuffersExhausted.
  it('the fixture fails where expected', () => {
    const l = load(read(LIVE));
    assert.equal(l.analysis.firstFailure?.opIndex, 2);
    assert.equal(l.analysis.firstFailure?.overflow.kind, 'l1BuffersExhausted');
    assert.equal(l.analysis.functions[0].ops[2].liveL1TensorBytesPerCore, 1_433_600);
  });

  it('offers DRAM for %2, deallocating %0 after %1, and spilling %0; each fits after re-analysis', () => {
    const l = load(read(LIVE));
    const r = fixesAt(l, '@main', 2);
    assert.deepEqual(kinds(r.fixes), ['layout', 'deallocate', 'spillToDram']);
    for (const f of r.fixes) {
      const { after } = checkIrFix(l, f, '@main', 2, { removed: false });
      const op2 = after.functions[0].ops.find((o) => o.op.resultNames[0] === '%2')!;
      // One 716,800 B tensor live + the binary add's CBs, 3 CBs x 2 tiles x 2,048 B = 12,288 → 729,088 B = 0.73 MB.
      assert.equal(op2.peakL1BytesPerCore, 729_088, f.id);
      assert.match(f.title, /0\.73 MB\/core/);
      assert.equal(f.verification.firstFailureAfter, undefined, 'nothing overflows afterwards');
      assert.match(f.verification.summary, /no op overflows after this/);
    }
    assert.equal(
      r.fixes[0].title,
      'Put output %2 in DRAM interleaved: 0.73 MB/core (checked for tt-metal 2025-01-01..2026-11-30)',
    );
    assert.equal(
      r.fixes[1].title,
      'Deallocate %0 (0.72 MB/core) after its last use (%1): %2 0.73 MB/core (checked for tt-metal 2025-01-01..2026-11-30)',
    );
  });

  it('the deallocate moves: one free of %0, right after %1', () => {
    const l = load(read(LIVE));
    const fix = fixesAt(l, '@main', 2).fixes.find((f) => f.fixKind === 'deallocate')!;
    const { fixedText } = checkIrFix(l, fix, '@main', 2, { removed: false });
    const lines = fixedText.split('\n').map((s) => s.trim());
    const relu = lines.findIndex((s) => s.startsWith('%1 = "ttnn.relu"'));
    assert.equal(
      lines[relu + 1],
      '"ttnn.deallocate"(%0) <{force = false}> : (tensor<4480x5120xbf16, #ttnn_layout1>) -> ()',
    );
    assert.equal(lines.filter((s) => s.startsWith('"ttnn.deallocate"(%0)')).length, 1);
  });

  it('spilling reuses the equal DRAM alias and retypes every use', () => {
    const l = load(read(LIVE));
    const fix = fixesAt(l, '@main', 2).fixes.find((f) => f.fixKind === 'spillToDram')!;
    const { fixedText } = checkIrFix(l, fix, '@main', 2, { removed: false });
    assert.ok(!fixedText.includes('l1lens'), 'no new alias: #ttnn_layout is the DRAM form already');
    assert.ok(
      fixedText.includes(
        '%0 = "ttnn.add"(%arg0, %arg1) : (tensor<4480x5120xbf16, #ttnn_layout>, tensor<4480x5120xbf16, #ttnn_layout>) -> tensor<4480x5120xbf16, #ttnn_layout>',
      ),
    );
    assert.ok(fixedText.includes('"ttnn.relu"(%0) : (tensor<4480x5120xbf16, #ttnn_layout>)'));
  });

  it('an input is re-placed at its producer', () => {
    const l = load(read(LIVE));
    const r = fixesAt(l, '@main', 3);
    const input = r.fixes.find((f) => f.fixKind === 'layout')!;
    assert.equal(
      input.title,
      'Put input %2 (at its producer) in DRAM interleaved: 0.73 MB/core (checked for tt-metal 2025-01-01..2026-11-30)',
    );
    checkIrFix(l, input, '@main', 3, { removed: false });
  });

  it('split files: the @main of the second // ----- chunk is the one fixed', () => {
    const small = read(LIVE)
      .replace(/4480x5120/g, '64x64')
      .replace('memref<140x160x', 'memref<2x2x')
      .replace('memref<1x350x', 'memref<1x1x');
    const text = `${small}\n// -----\n${read(LIVE)}`;
    const l = load(text);
    const o = l.analysis.firstFailure!;
    const functionIndex = functionIndexOf(l, o);
    assert.equal(functionIndex, 1);
    const r = fixesAt(l, '@main', o.opIndex, {}, functionIndex);
    assert.deepEqual(kinds(r.fixes), ['layout', 'deallocate', 'spillToDram']);
    for (const f of r.fixes) {
      assert.ok(
        f.edits.every((e) => e.range.start > text.indexOf('// -----')),
        `${f.id} edits the second chunk only`,
      );
      checkIrFix(l, f, '@main', o.opIndex, { removed: false, functionIndex });
    }
  });

  it("corpus ttnn_force_final_deallocs.mlir: the view reshape shares its input buffer; only the conv's own tensors overflow", () => {
    // The conv activation is reshaped as a view; counting the view as a second L1 buffer was a false 1.8 MB failure.
    // The activation is counted once: 26,650 tiles over 64 banks → 417 · 2,048 = 854,016 B. The conv itself (800x1066x3,
    // k7 s2, L1 input) is the one tt-mlir's conv2d_l1_oom_fallback.mlir documents as an L1 OOM: its own resharded input
    // (13,344 rows · 32 ch = 417 tiles = 854,016 B) does not fit beside the activation (1,708,032 B > 1,396,480 B);
    // the live buffers alone fit.
    const l = load(read('test/fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/ttnn_force_final_deallocs.mlir'));
    const conv = l.analysis.functions
      .flatMap((f) => f.ops.map((op) => ({ f, op })))
      .find((x) => x.op.op.name === 'ttnn.conv2d')!;
    assert.equal(conv.op.liveL1TensorBytesPerCore, 854_016);
    assert.deepEqual(l.analysis.firstFailure?.overflow.failedAllocation, {
      role: 'resharded conv input',
      bytesPerCore: 854_016,
      allocatedBeforeBytes: 854_016,
      // 64 cores · 854,016 = 54,657,024 B in tt-metal's allocator line.
      banks: 64,
      bufferBytes: 54_657_024,
    });
    assert.equal(l.analysis.firstFailure?.opIndex, conv.op.index);
    assert.ok(l.analysis.overflows.every((o) => o.overflow.failedAllocation !== undefined));
  });

  it('corpus l1_spill_reshape_view_alias.mlir under a 10% usable-L1 cap: the L1 add output moves to DRAM and fits', () => {
    const l = load(
      read('test/fixtures/corpus/test/ttmlir/Dialect/TTNN/optimizer/greedy/l1_spill_reshape_view_alias.mlir'),
      { usableL1Cap: 0.1 },
    );
    const add = l.analysis.overflows.find(
      (o) => l.analysis.functions.find((f) => f.fn.name === o.functionName)!.ops[o.opIndex].op.name === 'ttnn.add',
    )!;
    const r = fixesAt(l, add.functionName, add.opIndex);
    const layout = r.fixes.filter((f) => f.fixKind === 'layout');
    assert.ok(layout.length >= 1 && layout.length <= 3);
    assert.match(
      layout[0].title,
      /^Put output %T in DRAM interleaved: \d+\.\d\d (MB|kB)\/core \(checked for tt-metal [\d.-]+\)$/,
    );
    for (const f of layout) {
      const { fixedText } = checkIrFix(l, f, add.functionName, add.opIndex, { removed: false });
      assert.match(
        fixedText,
        /%T = "ttnn.add"\(.*-> tensor<[^>]*#ttnn_layout_dram_2d>/,
        'the add now produces the DRAM layout',
      );
    }
  });

  it('every fix offered for the first 10 overflows of several corpus files under tight caps verifies independently', function () {
    // Each offered fix re-analyses its file: about 8 s of CPU since conv ops count their own L1 tensors (ResNet-18's
    // convs now exceed the 10% cap too, so their fixes are searched and verified), over the default timeout when the
    // machine is loaded.
    this.timeout(120_000);
    const files = [
      'test/fixtures/corpus/llama_attention_ttnn.mlir',
      'test/fixtures/corpus/r18_loc.mlir',
      'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/optimizer/greedy/l1_spill_reshape_view_alias.mlir',
      'test/fixtures/corpus/test/ttmlir/Transforms/memory_management.mlir',
      'test/fixtures/corpus/falcon3_chisel/ir/notrace/falcon3_7b_bf16_1layer_notrace_decode_ttnn.mlir',
    ];
    let offered = 0;
    for (const file of files) {
      for (const cap of [0.01, 0.05, 0.1]) {
        const l = load(read(file), { usableL1Cap: cap });
        for (const o of l.analysis.overflows.slice(0, 10)) {
          const functionIndex = functionIndexOf(l, o);
          const r = fixesAt(l, o.functionName, o.opIndex, {}, functionIndex);
          for (const f of r.fixes) {
            checkIrFix(l, f, o.functionName, o.opIndex, {
              removed: f.fixKind === 'constantPadIr' || f.fixKind === 'sliceConcatPad',
              functionIndex,
            });
            offered++;
          }
          if (r.fixes.length === 0)
            assert.ok(r.rejected.length > 0 || (r.layoutReason ?? '') !== '', `${file} op ${o.opIndex}: says why`);
        }
      }
    }
    assert.ok(offered > 0, 'some fixes were offered');
  });
});
