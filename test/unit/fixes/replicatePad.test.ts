/**
 * Replicate-pad chain (seed, tt-mlir #6536): recognition by structure, constant ttnn.pad, slice + concat, Python edit.
 * The seed's indices are a const-eval constant (proven); mochi_runtime_indices.mlir has them as a function argument.
 */

import { strict as assert } from 'assert';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import { clampPattern, findPadChain } from '../../../server/src/fixes/replicatePad';
import { applyFix } from '../../../server/src/fixes/index';
import type { Fix } from '../../../server/src/fixes/types';
import { MOCHI_ENV, changedLines, checkIrFix, fixesAt, load, read } from './harness';

const SEED = 'examples/mochi_replicate_pad.mlir';
const RUNTIME = 'test/fixtures/fixes/mochi_runtime_indices.mlir';
// Seed op indices in @main (deallocates count): 0 load_cached %0 (the indices), 2 to_layout %6, 4 permute %7,
// 6 reshape %8, 8 to_layout %9 (fails), 10 embedding %10, 12 reshape %11, 14 permute %12, 16 permute %13, 18 conv3d %24.
const FAILING = 8;
// The runtime-indices fixture has no load_cached: every index one less.
const RUNTIME_FAILING = 7;

function byKind(fixes: readonly Fix[], kind: Fix['fixKind']): Fix {
  const f = fixes.find((x) => x.fixKind === kind);
  assert.ok(f !== undefined, `a ${kind} fix is offered (got ${fixes.map((x) => x.fixKind).join(', ')})`);
  return f;
}

describe('fixes/replicatePad', () => {
  it('finds the seed chain by structure: to_layout → permute → reshape → to_layout → embedding → reshape → permute', () => {
    const l = load(read(SEED));
    const mod = moduleFromSyntax(l.parse);
    const fn = mod.functions.find((f) => f.name === '@main')!;
    const chain = findPadChain(fn, FAILING, mod);
    assert.ok(chain !== undefined);
    assert.deepEqual(chain.opIndices, [2, 4, 6, 8, 10, 12, 14]);
    assert.deepEqual(chain.deallocIndices, [5, 7, 9, 11, 13, 15]);
    assert.equal(chain.inputName, '%arg2');
    assert.equal(chain.outputName, '%12');
    // permutation [2, 0, 1, 3, 4] puts dim 2 (time, 4 frames) first; dense<[[0, 0, 0, 1, 2, 3]]> → 2 rows in front.
    assert.equal(chain.dim, 2);
    assert.deepEqual([chain.front, chain.back, chain.indexPattern], [2, 0, 'proven']);
    assert.match(chain.indexSource, /ttnn\.constant in @main_const_eval_0 \(ttcore\.load_cached\)/);
    // Any op of the chain finds it; ops outside do not.
    assert.ok(findPadChain(fn, 10, mod) !== undefined);
    assert.equal(findPadChain(fn, 18, mod), undefined);
  });

  it('runtime indices (a function argument) are only assumed: the causal front pad, said so', () => {
    const l = load(read(RUNTIME));
    const mod = moduleFromSyntax(l.parse);
    const chain = findPadChain(mod.functions[0], RUNTIME_FAILING, mod)!;
    assert.deepEqual([chain.front, chain.back, chain.indexPattern], [2, 0, 'assumed']);
    assert.deepEqual(chain.indices, [0, 0, 0, 1, 2, 3]);
    assert.match(chain.indexSource, /%arg3 are a function argument/);
  });

  it('does not depend on loc names', () => {
    const text = read(SEED).replace(/aten__index\w*/g, 'op');
    const mod = moduleFromSyntax(load(text).parse);
    assert.ok(findPadChain(mod.functions[1], FAILING, mod) !== undefined);
  });

  it('reads clamp index patterns and rejects real gathers', () => {
    assert.deepEqual(clampPattern([0, 0, 0, 1, 2, 3], 4), { front: 2, back: 0 });
    assert.deepEqual(clampPattern([0, 1, 2, 3, 3, 3], 4), { front: 0, back: 2 });
    assert.deepEqual(clampPattern([0, 0, 1, 2, 3, 3], 4), { front: 1, back: 1 });
    assert.equal(clampPattern([3, 1, 0, 2, 2, 1], 4), undefined);
    assert.equal(clampPattern([0, 1], 4), undefined);
  });

  it('offers slice + concat (preferred, "same values"), constant pad and the Python edit for the seed, each verified', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', FAILING, MOCHI_ENV);
    assert.deepEqual(
      r.fixes.map((f) => f.fixKind),
      ['sliceConcatPad', 'constantPadIr', 'constantPadPython'],
    );
    assert.equal(r.fixes[0].isPreferred, true);
    assert.match(
      r.fixes[0].title,
      /same values: indices \[0, 0, 0, 1, 2, 3\] proven by ttnn\.constant in @main_const_eval_0/,
    );
    for (const f of r.fixes) {
      // The seed's point: removing the pad moves the failure to the conv3d.
      assert.equal(f.verification.firstFailureAfter?.resultName, '%24');
      assert.equal(f.verification.firstFailureAfter?.opName, 'ttnn.conv3d');
      assert.match(f.title, /then %24 ttnn\.conv3d fails first/);
      assert.match(f.title, /\(checked for tt-metal 2025-01-01\.\.2026-11-30\)$/);
      assert.equal(f.verification.targetAfter, 'removed');
      assert.equal(f.verification.targetBefore.resultName, '%9');
      assert.equal(f.kind, 'quickfix');
      assert.equal(f.assumes, undefined);
    }
    assert.match(byKind(r.fixes, 'constantPadIr').title, /numerics change/);
    assert.match(byKind(r.fixes, 'constantPadPython').title, /numerics change/);
  });

  it('runtime indices: every pad fix states its assumption in the title, none is preferred or "same values"', () => {
    const l = load(read(RUNTIME));
    const r = fixesAt(l, '@main', RUNTIME_FAILING, MOCHI_ENV);
    const pads = r.fixes.filter(
      (f) => f.fixKind !== 'layout' && f.fixKind !== 'deallocate' && f.fixKind !== 'spillToDram',
    );
    assert.deepEqual(pads.map((f) => f.fixKind).sort(), ['constantPadIr', 'constantPadPython', 'sliceConcatPad']);
    for (const f of pads) {
      assert.match(f.title, /^If the indices are \[0, 0, 0, 1, 2, 3\] \(2 rows in front of dim 2\): /);
      assert.equal(f.assumes, 'if the indices are [0, 0, 0, 1, 2, 3] (2 rows in front of dim 2)');
      assert.equal(f.isPreferred, false);
      assert.doesNotMatch(f.title, /same values/);
      assert.ok(
        f.notes.some((n) => /%arg3 are a function argument/.test(n)),
        'the note says why it is assumed',
      );
    }
  });

  it('constant pad of the rank-5 input: reshape to rank 3, one ttnn.pad, reshape back (tt-metal #38144); the chain is gone', () => {
    const l = load(read(SEED));
    const fix = byKind(fixesAt(l, '@main', FAILING, MOCHI_ENV).fixes, 'constantPadIr');
    const { fixedText, after } = checkIrFix(l, fix, '@main', FAILING, { removed: true });
    // [1, 768 | 4 | 60, 106] → [768, 4, 6360]: the dims before and after the padded one merged.
    assert.match(
      fixedText,
      /(%l1lens_flat0) = "ttnn\.reshape"\(%arg2\) <\{shape = \[768 : i32, 4 : i32, 6360 : i32\]\}>/,
    );
    assert.match(
      fixedText,
      /(%l1lens_padded0) = "ttnn\.pad"\(%l1lens_flat0\) <\{padding = array<i32: 0, 0, 2, 0, 0, 0>, use_multicore = true, value = 0\.000000e\+00 : f32\}>/,
    );
    assert.match(
      fixedText,
      /%12 = "ttnn\.reshape"\(%l1lens_padded0\) <\{shape = \[1 : i32, 768 : i32, 6 : i32, 60 : i32, 106 : i32\]\}> : \(tensor<768x6x6360xbf16, #ttnn_layout_l1lens\d>\) -> tensor<1x768x6x60x106xbf16, #ttnn_layout10>/,
    );
    assert.ok(fix.notes.some((n) => /#38144/.test(n)));
    for (const gone of ['"ttnn.embedding"', '"ttnn.deallocate"(%9)', '%7 = ', '%11 = '])
      assert.ok(!fixedText.includes(gone), gone);
    assert.ok(fixedText.includes('"ttnn.deallocate"(%arg2)'), 'the input is still freed after its (new) use');
    const ops = after.functions[1].ops;
    const pad = ops.find((o) => o.op.name === 'ttnn.pad')!;
    // Row-major pad (ttmetal-l1-model.md §4.12) of 768x4x6360 bf16 → 768x6x6360: stick = align16(6360·2) = 12,720 B.
    // The harness gives no build date, so the whole build axis is estimated and its worst build reported: before
    // tt-metal PR #18370 (2025-03-03) c_0 held the busiest core's rows, 4,608 rows / 64 cores = 72 → 72·12,720 =
    // 915,840; pad value c_1 and (front padding) pad-align c_2 one L1-aligned stick each, 12,720, the second 16 B later
    // (CBs start on 32 B): 941,296. From PR #18370: n = max(ceil(2048/12720), 1) = 1; c_0 = 16·1·12,720 = 203,520;
    // c_1 = c_2 = align32(12,720) = 12,736 → 228,992.
    assert.equal(pad.cbBytesPerCore, 941_296);
    const figures =
      pad.estimate.kind === 'estimate' ? (pad.estimate.versionRange?.figures.map((f) => f.cbBytesPerCore) ?? []) : [];
    assert.deepEqual(new Set(figures), new Set([941_296, 228_992]));
    assert.equal(figures[0], 941_296);
    assert.equal(pad.overflow, undefined);
    assert.equal(
      after.firstFailure?.opIndex,
      ops.findIndex((o) => o.op.name === 'ttnn.conv3d'),
    );
  });

  it('slice + repeat + concat keeps the values: edge slice, repeated twice, in front along dim 2 (tt-mlir PR #6562)', () => {
    const l = load(read(SEED));
    const fix = byKind(fixesAt(l, '@main', FAILING).fixes, 'sliceConcatPad');
    const { fixedText, after } = checkIrFix(l, fix, '@main', FAILING, { removed: true });
    const mainAfter = after.functions.find((f) => f.fn.name === '@main')!;
    // New alias for the 1x768x1x60x106 edge, in the seed's row-major DRAM form (compare #ttnn_layout2's strides).
    assert.ok(
      fixedText.includes(
        '#ttnn_layout_l1lens0 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 46080 + d1 * 60 + d2 * 60 + d3, d4), <1x1>, memref<46080x106xbf16, #dram>, <interleaved>>',
      ),
    );
    assert.ok(
      fixedText.includes(
        '"ttnn.slice_static"(%arg2) <{begins = [0 : i32, 0 : i32, 0 : i32, 0 : i32, 0 : i32], ends = [1 : i32, 768 : i32, 1 : i32, 60 : i32, 106 : i32]',
      ),
    );
    assert.ok(
      fixedText.includes('%l1lens_front_rep0 = "ttnn.repeat"(%l1lens_front0) <{repeat_dims = #ttnn.shape<1x1x2x1x1>}>'),
    );
    assert.ok(/%12 = "ttnn\.concat"\(%l1lens_front_rep0, %arg2\) <\{dim = 2 : si32\}>/.test(fixedText));
    for (const name of ['ttnn.slice_static', 'ttnn.repeat', 'ttnn.concat']) {
      const o = mainAfter.ops.find((x) => x.op.name === name)!;
      assert.equal(o.estimate.kind, 'estimate', name);
      assert.equal(o.overflow, undefined, name);
    }
  });

  it('Python edit changes exactly the F.pad call on the loc line', () => {
    const l = load(read(SEED));
    const fix = byKind(fixesAt(l, '@main', FAILING, MOCHI_ENV).fixes, 'constantPadPython');
    assert.deepEqual([...new Set(fix.edits.map((e) => e.uri))], ['examples/mochi/single_ops.py']);
    const before = read('examples/mochi/single_ops.py');
    const after = applyFix(before, fix, 'examples/mochi/single_ops.py')!;
    assert.deepEqual(changedLines(before, after), [
      {
        line: 16,
        before: '        x = F.pad(x, self.time_causal_padding, mode="replicate")',
        after: '        x = F.pad(x, self.time_causal_padding, mode="constant", value=0)',
      },
    ]);
  });

  it('no Python fix when the workspace lacks the file', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', FAILING, { pythonFiles: () => undefined });
    assert.ok(!r.fixes.some((f) => f.fixKind === 'constantPadPython'));
    assert.ok(r.rejected.some((x) => x.fixKind === 'constantPadPython' && /not in the workspace/.test(x.reason)));
  });

  it('constant indices decide front or back padding; with them the preferred fix is slice + concat', () => {
    const front = load(read('test/fixtures/fixes/pad_front_indices.mlir'));
    const fr = fixesAt(front, '@main', 8);
    assert.equal(fr.fixes[0].fixKind, 'sliceConcatPad');
    assert.equal(fr.fixes[0].isPreferred, true);
    const f = byKind(fr.fixes, 'constantPadIr');
    assert.deepEqual(f.notes.slice(0, 1), [
      'gather indices [0, 0, 0, 1, 2, 3] proven by ttnn.constant in @main: 2 rows in front of dim 2',
    ]);
    assert.ok(
      checkIrFix(front, f, '@main', 8, { removed: true }).fixedText.includes('padding = array<i32: 0, 0, 2, 0, 0, 0>'),
    );
    const back = load(read('test/fixtures/fixes/pad_back_indices.mlir'));
    const r = fixesAt(back, '@main', 8);
    assert.equal(r.fixes[0].fixKind, 'sliceConcatPad');
    assert.equal(r.fixes[0].isPreferred, true);
    const b = byKind(r.fixes, 'constantPadIr');
    assert.ok(
      checkIrFix(back, b, '@main', 8, { removed: true }).fixedText.includes('padding = array<i32: 0, 0, 0, 2, 0, 0>'),
    );
    const sc = checkIrFix(back, byKind(r.fixes, 'sliceConcatPad'), '@main', 8, { removed: true }).fixedText;
    // The back edge is the last frame: begins 3 on dim 2; repeated twice, concat puts it after the input.
    assert.ok(
      sc.includes(
        '<{begins = [0 : i32, 0 : i32, 3 : i32, 0 : i32, 0 : i32], ends = [1 : i32, 768 : i32, 4 : i32, 60 : i32, 106 : i32]',
      ),
    );
    assert.ok(/%12 = "ttnn\.concat"\(%arg2, %l1lens_back_rep0\)/.test(sc), sc.slice(0, 0));
  });

  it('a gather whose indices are not a clamp pattern gets no padding fix', () => {
    const l = load(read('test/fixtures/fixes/gather_not_pad.mlir'));
    const fn = moduleFromSyntax(l.parse).functions[0];
    assert.equal(findPadChain(fn, 8), undefined);
    const r = fixesAt(l, '@main', 8, MOCHI_ENV);
    assert.ok(
      !r.fixes.some(
        (f) => f.fixKind === 'constantPadIr' || f.fixKind === 'sliceConcatPad' || f.fixKind === 'constantPadPython',
      ),
    );
  });

  it('no layout fits the seed untilize, and the result says why', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', FAILING);
    assert.ok(!r.fixes.some((f) => f.fixKind === 'layout'));
    assert.match(r.layoutReason ?? '', /no layout fits: the closest layout, /);
  });

  it('an op that fits gets no fixes, and says why', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', 2);
    assert.deepEqual(r.fixes, []);
    assert.match(r.layoutReason ?? '', /does not overflow/);
    assert.match(r.noFixReason ?? '', /^No verified fix: %6 does not overflow/);
  });
});
