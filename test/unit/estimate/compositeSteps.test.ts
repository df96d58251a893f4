/**
 * composite.ts reportedStepIndex: which program of a composite the op reports, the one choice largestStep and
 * reduction.ts withStageIntermediates (the reported program's own L1 tensors) both follow.
 */

import * as assert from 'node:assert/strict';
import { reportedStepIndex, type Step } from '../../../server/src/estimate/ops/composite';
import type { EstimateContext, OpEstimateResult } from '../../../server/src/estimate/types';

// Wormhole's L1: 1,499,136 B. Only the fields the choice reads are filled in.
const ctx = { device: { l1SizeBytes: 1_499_136 } } as unknown as EstimateContext;
const step = (label: string, worstCbBytesPerCore: number, cbRegionEndBytes: number): Step => ({
  label,
  result: { kind: 'estimate', worstCbBytesPerCore, cbRegionEndBytes } as unknown as OpEstimateResult,
});
const noProgram: Step = { label: 'view', result: { kind: 'noProgram' } as unknown as OpEstimateResult };

describe('estimate/composite: the reported step', () => {
  // untilize 1,450,000 B of CBs ending at 1,450,000 + 103,712 = 1,553,712 > 1,499,136 (past L1), then a tilize of
  // 2,000,000 B: tt-metal throws at the untilize, the first program past L1.
  const steps = [step('untilize', 1_450_000, 1_553_712), noProgram, step('tilize', 2_000_000, 2_103_712)];
  it('the largest worst-core CBs by default (2,000,000 > 1,450,000)', () => {
    assert.equal(reportedStepIndex(steps, ctx, false), 2);
  });
  it('with firstBeyondL1, the first whose region ends past 1,499,136 B', () => {
    assert.equal(reportedStepIndex(steps, ctx, true), 0);
  });
  it('with firstBeyondL1 and none past L1 (1,200,000 + 103,712 and 1,300,000 + 103,712), the largest', () => {
    const fitting = [step('a', 1_200_000, 1_303_712), step('b', 1_300_000, 1_403_712)];
    assert.equal(reportedStepIndex(fitting, ctx, true), 1);
  });
  it('ties go to the later step; no program at all: −1', () => {
    assert.equal(reportedStepIndex([step('a', 10, 20), step('b', 10, 20)], ctx, false), 1);
    assert.equal(reportedStepIndex([noProgram], ctx, false), -1);
  });
});
