/** Replicate-pad chain (seed, tt-mlir #6536): recognition by structure, constant ttnn.pad, slice + concat, Python edit. */

import { strict as assert } from 'assert';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import { clampPattern, findPadChain } from '../../../server/src/fixes/replicatePad';
import { applyFix } from '../../../server/src/fixes/index';
import type { Fix } from '../../../server/src/fixes/types';
import { MOCHI_ENV, changedLines, checkIrFix, fixesAt, load, read } from './harness';

const SEED = 'examples/mochi_replicate_pad.mlir';
// Seed op indices in @main (deallocates count): 1 to_layout %6, 3 permute %7, 5 reshape %8, 7 to_layout %9 (fails),
// 9 embedding %10, 11 reshape %11, 13 permute %12, 15 permute %13, 17 conv3d %24.
const FAILING = 7;

function byKind(fixes: readonly Fix[], kind: Fix['fixKind']): Fix {
  const f = fixes.find((x) => x.fixKind === kind);
  assert.ok(f !== undefined, `a ${kind} fix is offered (got ${fixes.map((x) => x.fixKind).join(', ')})`);
  return f;
}

describe('fixes/replicatePad', () => {
  it('finds the seed chain by structure: to_layout → permute → reshape → to_layout → embedding → reshape → permute', () => {
    const l = load(read(SEED));
    const fn = moduleFromSyntax(l.parse).functions[0];
    const chain = findPadChain(fn, FAILING);
    assert.ok(chain !== undefined);
    assert.deepEqual(chain.opIndices, [1, 3, 5, 7, 9, 11, 13]);
    assert.deepEqual(chain.deallocIndices, [4, 6, 8, 10, 12, 14]);
    assert.equal(chain.inputName, '%arg2');
    assert.equal(chain.outputName, '%12');
    // permutation [2, 0, 1, 3, 4] puts dim 2 (time, 4 frames) first; 6 indices → 2 rows of padding.
    assert.equal(chain.dim, 2);
    assert.deepEqual([chain.front, chain.back, chain.indexPattern], [2, 0, 'assumed']);
    // Any op of the chain finds it; ops outside do not.
    assert.ok(findPadChain(fn, 9) !== undefined);
    assert.equal(findPadChain(fn, 17), undefined);
  });

  it('does not depend on loc names', () => {
    const text = read(SEED).replace(/aten__index\w*/g, 'op');
    const fn = moduleFromSyntax(load(text).parse).functions[0];
    assert.ok(findPadChain(fn, FAILING) !== undefined);
  });

  it('reads clamp index patterns and rejects real gathers', () => {
    assert.deepEqual(clampPattern([0, 0, 0, 1, 2, 3], 4), { front: 2, back: 0 });
    assert.deepEqual(clampPattern([0, 1, 2, 3, 3, 3], 4), { front: 0, back: 2 });
    assert.deepEqual(clampPattern([0, 0, 1, 2, 3, 3], 4), { front: 1, back: 1 });
    assert.equal(clampPattern([3, 1, 0, 2, 2, 1], 4), undefined);
    assert.equal(clampPattern([0, 1], 4), undefined);
  });

  it('offers slice + concat (preferred), constant pad and the Python edit for the seed, each verified', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', FAILING, MOCHI_ENV);
    assert.deepEqual(r.fixes.map((f) => f.fixKind), ['sliceConcatPad', 'constantPadIr', 'constantPadPython']);
    assert.equal(r.fixes[0].isPreferred, true);
    for (const f of r.fixes) {
      // The seed's point: removing the pad moves the failure to the conv3d.
      assert.equal(f.verification.firstFailureAfter?.resultName, '%24');
      assert.equal(f.verification.firstFailureAfter?.opName, 'ttnn.conv3d');
      assert.match(f.title, /then %24 ttnn\.conv3d fails first/);
      assert.equal(f.verification.targetAfter, 'removed');
      assert.equal(f.verification.targetBefore.resultName, '%9');
      assert.equal(f.kind, 'quickfix');
    }
    assert.match(byKind(r.fixes, 'constantPadIr').title, /numerics change/);
    assert.match(byKind(r.fixes, 'constantPadPython').title, /numerics change/);
    assert.ok(byKind(r.fixes, 'constantPadIr').notes.some((n) => /front/.test(n)), 'states the front-pad assumption');
  });

  it('constant pad: one ttnn.pad with the chain output type, 36,288 B of CBs; the chain is gone', () => {
    const l = load(read(SEED));
    const fix = byKind(fixesAt(l, '@main', FAILING, MOCHI_ENV).fixes, 'constantPadIr');
    const { fixedText, after } = checkIrFix(l, fix, '@main', FAILING, { removed: true });
    assert.ok(fixedText.includes(
      '%12 = "ttnn.pad"(%arg2) <{padding = array<i32: 0, 0, 0, 0, 2, 0, 0, 0, 0, 0>, use_multicore = true, value = 0.000000e+00 : f32}> : ' +
        '(tensor<1x768x4x60x106xbf16, #ttnn_layout2>) -> tensor<1x768x6x60x106xbf16, #ttnn_layout10> loc(#loc8)',
    ));
    for (const gone of ['"ttnn.embedding"', '"ttnn.deallocate"(%9)', '%7 = ', '%11 = ']) assert.ok(!fixedText.includes(gone), gone);
    assert.ok(fixedText.includes('"ttnn.deallocate"(%arg2)'), 'the input is still freed after its (new) use');
    const ops = after.functions[0].ops;
    const pad = ops.find((o) => o.op.name === 'ttnn.pad')!;
    // Row-major pad (ttmetal-l1-model.md §4.12): stick = align16(106·2) = 224 B; n = ceil(2048/224) = 10;
    // c_0 = 16·10·224 = 35,840; pad value c_1 = align32(212) = 224; front padding → pad-align c_2 = 224. Total 36,288.
    assert.equal(pad.cbBytesPerCore, 36_288);
    assert.equal(pad.overflow, undefined);
    assert.equal(after.firstFailure?.opIndex, ops.findIndex((o) => o.op.name === 'ttnn.conv3d'));
  });

  it('slice + concat keeps the values: edge slice, concatenated twice in front along dim 2', () => {
    const l = load(read(SEED));
    const fix = byKind(fixesAt(l, '@main', FAILING).fixes, 'sliceConcatPad');
    const { fixedText, after } = checkIrFix(l, fix, '@main', FAILING, { removed: true });
    // New alias for the 1x768x1x60x106 edge, in the seed's row-major DRAM form (compare #ttnn_layout2's strides).
    assert.ok(fixedText.includes('#ttnn_layout_l1lens0 = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 46080 + d1 * 60 + d2 * 60 + d3, d4), <1x1>, memref<46080x106xbf16, #dram>, <interleaved>>'));
    assert.ok(fixedText.includes('"ttnn.slice_static"(%arg2) <{begins = [0 : i32, 0 : i32, 0 : i32, 0 : i32, 0 : i32], ends = [1 : i32, 768 : i32, 1 : i32, 60 : i32, 106 : i32]'));
    assert.ok(/%12 = "ttnn\.concat"\((%l1lens_front0), \1, %arg2\) <\{dim = 2 : si32\}>/.test(fixedText));
    for (const name of ['ttnn.slice_static', 'ttnn.concat']) {
      const o = after.functions[0].ops.find((x) => x.op.name === name)!;
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
    assert.deepEqual(changedLines(before, after), [{
      line: 16,
      before: '        x = F.pad(x, self.time_causal_padding, mode="replicate")',
      after: '        x = F.pad(x, self.time_causal_padding, mode="constant", value=0)',
    }]);
  });

  it('no Python fix when the workspace lacks the file', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', FAILING, { pythonFiles: () => undefined });
    assert.ok(!r.fixes.some((f) => f.fixKind === 'constantPadPython'));
    assert.ok(r.rejected.some((x) => x.fixKind === 'constantPadPython' && /not in the workspace/.test(x.reason)));
  });

  it('constant indices decide front or back padding', () => {
    const front = load(read('test/fixtures/fixes/pad_front_indices.mlir'));
    const f = byKind(fixesAt(front, '@main', 8).fixes, 'constantPadIr');
    assert.deepEqual(f.notes, []);
    assert.ok(checkIrFix(front, f, '@main', 8, { removed: true }).fixedText.includes('padding = array<i32: 0, 0, 0, 0, 2, 0, 0, 0, 0, 0>'));
    const back = load(read('test/fixtures/fixes/pad_back_indices.mlir'));
    const r = fixesAt(back, '@main', 8);
    const b = byKind(r.fixes, 'constantPadIr');
    assert.ok(checkIrFix(back, b, '@main', 8, { removed: true }).fixedText.includes('padding = array<i32: 0, 0, 0, 0, 0, 2, 0, 0, 0, 0>'));
    const sc = checkIrFix(back, byKind(r.fixes, 'sliceConcatPad'), '@main', 8, { removed: true }).fixedText;
    // The back edge is the last frame: begins 3 on dim 2; concat puts it after the input, twice.
    assert.ok(sc.includes('<{begins = [0 : i32, 0 : i32, 3 : i32, 0 : i32, 0 : i32], ends = [1 : i32, 768 : i32, 4 : i32, 60 : i32, 106 : i32]'));
    assert.ok(/%12 = "ttnn\.concat"\(%arg2, (%l1lens_back0), \1\)/.test(sc));
  });

  it('a gather whose indices are not a clamp pattern gets no padding fix', () => {
    const l = load(read('test/fixtures/fixes/gather_not_pad.mlir'));
    const fn = moduleFromSyntax(l.parse).functions[0];
    assert.equal(findPadChain(fn, 8), undefined);
    const r = fixesAt(l, '@main', 8, MOCHI_ENV);
    assert.ok(!r.fixes.some((f) => f.fixKind === 'constantPadIr' || f.fixKind === 'sliceConcatPad' || f.fixKind === 'constantPadPython'));
  });

  it('no layout fits the seed untilize, and the result says why', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', FAILING);
    assert.ok(!r.fixes.some((f) => f.fixKind === 'layout'));
    assert.match(r.layoutReason ?? '', /no layout fits/);
  });

  it('an op that fits gets no fixes', () => {
    const l = load(read(SEED));
    const r = fixesAt(l, '@main', 1);
    assert.deepEqual(r.fixes, []);
    assert.match(r.layoutReason ?? '', /does not overflow/);
  });
});
