/**
 * Fixes on op lines outside any function (runtime-log records pasted into a file): each run of loose ops is an entry
 * function of its own (ttnn/fromSyntax.ts `walkChunk`), and a fix rewrites the lines as it would a function's body.
 */

import { strict as assert } from 'assert';
import { TOP_LEVEL_OPS_FUNCTION } from '../../../server/src/ttnn/op';
import { checkIrFix, fixesAt, load, read } from './harness';

/** l1_live.mlir's aliases and the body of its @main (no `return`) as loose lines in the module that holds the system
 *  desc; `between` (a function) goes after the first `split` lines. */
function looseLive(split?: number, between = 'func.func @g() {\n  return\n}'): string {
  const lines = read('test/fixtures/fixes/l1_live.mlir').split('\n');
  const head = lines.filter((l) => l.startsWith('#'));
  const body = lines.filter((l) => /^\s+(%\d+ = |"ttnn\.deallocate")/.test(l)).map((l) => l.trim());
  const ops = split === undefined ? body : [...body.slice(0, split), between, ...body.slice(split)];
  return [...head, 'module attributes {ttcore.system_desc = #system_desc} {', ...ops, '}'].join('\n');
}

describe('fixes/op lines outside any function', () => {
  // As live.test.ts' @main: %0 and %2, 716,800 B per core each (350 tiles · 2,048 B) in L1 interleaved, live together at
  // %2: 1,433,600 B > 1,499,136 − 102,656 = 1,396,480 B. Fixed, %2 holds one of them plus the binary add's CBs,
  // 3 CBs · 2 tiles · 2,048 B = 12,288 B: 729,088 B.
  it('offers and verifies the fixes a function body gets: DRAM for %2, deallocating %0 early, spilling %0', () => {
    const l = load(looseLive());
    assert.deepEqual(
      l.analysis.functions.map((f) => f.fn.name),
      [TOP_LEVEL_OPS_FUNCTION],
    );
    assert.equal(l.analysis.firstFailure?.opIndex, 2);
    const r = fixesAt(l, TOP_LEVEL_OPS_FUNCTION, 2);
    assert.deepEqual(
      r.fixes.map((f) => f.fixKind),
      ['layout', 'deallocate', 'spillToDram'],
    );
    for (const f of r.fixes) {
      const { fixedText, after } = checkIrFix(l, f, TOP_LEVEL_OPS_FUNCTION, 2, { removed: false });
      // Still op lines: the fix added no function around them.
      assert.deepEqual(
        after.functions.map((x) => x.fn.name),
        [TOP_LEVEL_OPS_FUNCTION],
        f.id,
      );
      assert.doesNotMatch(fixedText, /func\.func/, f.id);
      const op2 = after.functions[0]!.ops.find((o) => o.op.resultNames[0] === '%2')!;
      assert.equal(op2.peakL1BytesPerCore, 729_088, f.id);
      assert.equal(after.firstFailure, undefined, f.id);
    }
  });

  it('a function between the lines splits them: the second run is fixed alone, its values from the first its arguments', () => {
    // @g after %0 and %1: the run %2, %3 and the frees takes %1 and %0 as arguments, live from its start (as a
    // function's caller-owned arguments), so %2 still overflows: 716,800 (%0) + 716,800 (%2) B. %0 cannot be retyped
    // there (it is made by the other run, whose written types would go stale), so no spill; the free of %0 can move to
    // the run's start, and %2 can go to DRAM.
    const l = load(looseLive(2));
    assert.deepEqual(
      l.analysis.functions.map((f) => [f.fn.name, f.fn.args.map((a) => a.name)]),
      [
        ['@g', []],
        [TOP_LEVEL_OPS_FUNCTION, ['%arg0', '%arg1']],
        [TOP_LEVEL_OPS_FUNCTION, ['%arg2', '%arg3', '%1', '%0']],
      ],
    );
    const ff = l.analysis.firstFailure!;
    assert.deepEqual([ff.functionIndex, ff.opIndex, ff.overflow.kind], [2, 0, 'l1BuffersExhausted']);
    const r = fixesAt(l, TOP_LEVEL_OPS_FUNCTION, 0, {}, 2);
    assert.deepEqual(
      r.fixes.map((f) => f.fixKind),
      ['layout', 'deallocate'],
    );
    for (const f of r.fixes) {
      const { fixedText } = checkIrFix(l, f, TOP_LEVEL_OPS_FUNCTION, 0, { removed: false, functionIndex: 2 });
      // Nothing above @g moved: the first run's lines are as they were.
      const g = fixedText.indexOf('func.func @g');
      assert.equal(fixedText.slice(0, g), looseLive(2).slice(0, g), f.id);
    }
  });

  it('values a later run names outlive their run, and no fix frees or retypes them under it', () => {
    // @g after %0, %1 and %2: the later run frees %0, %1 and %2, so the first run keeps them to its end (as returned
    // values) and %2 fails there as in the unbroken lines, 716,800 (%0) + 716,800 (%2) B live. Freeing %0 early or moving
    // %2 to DRAM would change values the later run reads as they are written: neither is offered, each says why.
    const l = load(looseLive(3));
    assert.deepEqual(
      l.analysis.functions.map((f) => [f.fn.liveOutNames, f.fn.args.map((a) => a.name)]),
      [
        [undefined, []],
        [
          ['%0', '%1', '%2'],
          ['%arg0', '%arg1', '%arg2', '%arg3'],
        ],
        [undefined, ['%1', '%2', '%0']],
      ],
    );
    const ff = l.analysis.firstFailure!;
    assert.deepEqual([ff.functionIndex, ff.opIndex, ff.overflow.kind], [1, 2, 'l1BuffersExhausted']);
    assert.equal(l.analysis.functions[1]!.ops[2]!.liveL1TensorBytesPerCore, 1_433_600);
    const r = fixesAt(l, TOP_LEVEL_OPS_FUNCTION, 2, {}, 1);
    assert.deepEqual(r.fixes, []);
    const later = 'is named again by the op lines past the next function, which would not see this change';
    assert.deepEqual(
      r.rejected.map((x) => [x.fixKind, x.reason]),
      [['deallocate', `%0 ${later}`]],
    );
    assert.match(r.layoutReason ?? '', new RegExp(`%2 ${later}`));
  });
});
