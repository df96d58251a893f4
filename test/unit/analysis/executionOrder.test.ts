/** Execution order: entries first, a callee's ops run where it is called (once), unreached functions get no steps. */

import { strict as assert } from 'assert';
import { entryOrder, executionSteps } from '../../../server/src/analysis/executionOrder';
import { callOp, fnOf, namedOp } from './fnBuild';

const plain = (n: string) => namedOp('ttnn.relu', [], [[n, { kind: 'other', typeText: 'i32' }]]);

describe('analysis/executionOrder', () => {
  it('a callee runs before the calling op continues, once, even when called twice', () => {
    const callee = fnOf('@main_const_eval_0', [plain('%c0'), plain('%c1')], { role: 'const_eval' });
    const main = fnOf('@main', [plain('%0'), callOp('@main_const_eval_0'), plain('%2'), callOp('@main_const_eval_0')]);
    const steps = executionSteps([callee, main]);
    // main %0 → 0; the callee's two ops → 1, 2; the call → 3; %2 → 4; the second call runs nothing new → 5.
    assert.deepEqual([...steps.get(main)!], [0, 3, 4, 5]);
    assert.deepEqual([...steps.get(callee)!], [1, 2]);
  });

  it('@main and @forward run before other entries; a function nobody calls is not reached', () => {
    const other = fnOf('@other_entry', [plain('%0')]);
    const main = fnOf('@main', [plain('%0')]);
    const helper = fnOf('@helper', [plain('%0')], { role: 'other' });
    assert.deepEqual(
      entryOrder([other, main, helper]).map((f) => f.name),
      ['@main', '@other_entry'],
    );
    const steps = executionSteps([other, main, helper]);
    assert.deepEqual([...steps.get(main)!], [0]);
    assert.deepEqual([...steps.get(other)!], [1]);
    assert.equal(steps.get(helper), undefined);
  });

  it('without entries every runnable function runs in file order; declarations and CPU-module functions never run', () => {
    const a = fnOf('@a', [plain('%0')], { role: 'other' });
    const decl = fnOf('@decl', [], { role: 'entry', isDeclaration: true });
    const cpu = fnOf('@cpu', [plain('%0')], { role: 'entry', inCpuModule: true });
    const b = fnOf('@b', [plain('%0')], { role: 'other' });
    assert.deepEqual(
      entryOrder([a, decl, cpu, b]).map((f) => f.name),
      ['@a', '@b'],
    );
    const caller = fnOf('@main', [callOp('@cpu'), callOp('@decl')]);
    const steps = executionSteps([caller, decl, cpu]);
    assert.deepEqual([...steps.get(caller)!], [0, 1]);
    assert.equal(steps.get(cpu), undefined);
  });

  it("symbols resolve within the caller's chunk (split files repeat names); recursion ends", () => {
    const callee0 = fnOf('@f', [plain('%0')], { role: 'other', chunkIndex: 0 });
    const callee1 = fnOf('@f', [plain('%0')], { role: 'other', chunkIndex: 1 });
    const main1 = fnOf('@main', [callOp('@f'), callOp('@main')], { chunkIndex: 1 });
    const steps = executionSteps([callee0, callee1, main1]);
    assert.equal(steps.get(callee0), undefined);
    assert.deepEqual([...steps.get(callee1)!], [0]);
    assert.deepEqual([...steps.get(main1)!], [1, 2]);
  });

  it("reuses an earlier version's steps only while every function numbers its ops alike", () => {
    const callee = fnOf('@main_const_eval_0', [plain('%c0'), plain('%c1')], { role: 'const_eval' });
    const other = fnOf('@main_const_eval_1', [plain('%d0')], { role: 'const_eval' });
    const main = fnOf('@main', [plain('%0'), callOp('@main_const_eval_0'), plain('%2')]);
    const earlier = { functions: [callee, other, main], steps: executionSteps([callee, other, main]) };
    const same = (functions: Parameters<typeof executionSteps>[0]): void => {
      const reused = executionSteps(functions, earlier);
      const fresh = executionSteps(functions);
      assert.deepEqual(
        functions.map((f) => [...(reused.get(f) ?? [])]),
        functions.map((f) => [...(fresh.get(f) ?? [])]),
      );
    };
    // An edit inside an op (a new function object, the same ops and symbol uses): the earlier steps, rekeyed.
    const edited = fnOf('@main', [plain('%0'), callOp('@main_const_eval_0'), plain('%2')]);
    const reused = executionSteps([callee, other, edited], earlier);
    assert.equal(reused.get(edited), earlier.steps.get(main));
    same([callee, other, edited]);
    // A call now naming another function, an op more, a function fewer: numbered afresh.
    same([callee, other, fnOf('@main', [plain('%0'), callOp('@main_const_eval_1'), plain('%2')])]);
    same([callee, other, fnOf('@main', [plain('%0'), callOp('@main_const_eval_0'), plain('%2'), plain('%3')])]);
    same([callee, fnOf('@main', [plain('%0'), callOp('@main_const_eval_0'), plain('%2')])]);
    // The callee grew: main's ops after the call move.
    same([fnOf('@main_const_eval_0', [plain('%c0')], { role: 'const_eval' }), other, edited]);
  });
});
