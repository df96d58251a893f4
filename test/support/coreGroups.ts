import * as assert from 'node:assert/strict';
import type { OpEstimate } from '../../server/src/estimate/types';

type Core = readonly [number, number];

/** Asserts an estimate's core groups (first core and core count of each, in order) and the range tt-metal prints. */
export function assertCoreGroups(
  estimate: Pick<OpEstimate, 'coreGroups' | 'reportedRange'>,
  groups: readonly (readonly [Core, number])[],
  reportedRange: readonly [Core, Core],
): void {
  assert.deepEqual(
    estimate.coreGroups.map((g) => [g.firstCore, g.nCores]),
    groups,
  );
  assert.deepEqual(estimate.reportedRange, reportedRange);
}
