/**
 * The first CoreRange of num_cores_to_corerangeset (tt_metal/common/work_split.cpp, search index id 2641121430), which
 * tt-metal's CB-overflow message names for split_work_to_cores factories that create their CBs on all_cores. Expected
 * ranges by hand from that function: row-wise the floor(n / cols) full rows when n > cols, else row 0's n cores;
 * column-wise the floor(n / rows) full columns when n > rows, else column 0's n cores (the remainder is a later range).
 */

import { strict as assert } from 'assert';
import { groupsFromSplit, splitWorkToCores } from '../../../server/src/estimate/common';
import { firstSplitRange } from '../../../server/src/estimate/printedRange';
import { whContext } from './build';

describe('estimate/common: firstSplitRange (num_cores_to_corerangeset)', () => {
  const wh: [number, number] = [8, 8]; // [rows, cols]
  const n300: [number, number] = [7, 8]; // 7 rows of 8 (x = 8, y = 7)

  it('column-wise: fewer cores than a column stay in column 0', () => {
    assert.deepEqual(firstSplitRange(3, wh, 'col', true), [
      [0, 0],
      [0, 2],
    ]);
    assert.deepEqual(firstSplitRange(8, wh, 'col', true), [
      [0, 0],
      [0, 7],
    ]);
  });
  it('column-wise, unmerged (before cb-core-ranges-merged): 20 cores on 8 rows → 2 full columns (0,0)-(1,7)', () => {
    // num_cores_to_corerangeset: {(0,0)-(1,7), (2,0)-(2,3)}, the program keys its allocators on them as given.
    assert.deepEqual(firstSplitRange(20, wh, 'col', false), [
      [0, 0],
      [1, 7],
    ]);
  });
  it('column-wise, merged: 20 cores on 8 rows → (0,0)-(2,3), the block over the remainder column', () => {
    // CoreRangeSet::merge sweeps rows: rows 0..3 hold x 0..2, rows 4..7 x 0..1, so the set becomes
    // {(0,0)-(2,3), (0,4)-(1,7)}, ordered by start core: (0,0)-(2,3) first.
    assert.deepEqual(firstSplitRange(20, wh, 'col', true), [
      [0, 0],
      [2, 3],
    ]);
  });
  it('column-wise on a 7-row grid: 30 cores → 4 full columns and 2 → merged (0,0)-(4,1), unmerged (0,0)-(3,6)', () => {
    assert.deepEqual(firstSplitRange(30, n300, 'col', false), [
      [0, 0],
      [3, 6],
    ]);
    assert.deepEqual(firstSplitRange(30, n300, 'col', true), [
      [0, 0],
      [4, 1],
    ]);
    // 28 = 4 whole columns: one range, merged or not.
    assert.deepEqual(firstSplitRange(28, n300, 'col', true), [
      [0, 0],
      [3, 6],
    ]);
  });
  it('row-wise sets come out of the merge unchanged: 13 cores → (0,0)-(7,0) either way', () => {
    assert.deepEqual(firstSplitRange(13, wh, 'row', true), firstSplitRange(13, wh, 'row', false));
  });
  it('row-wise: 13 cores on 8 columns → row 0 whole (0,0)-(7,0); 5 cores → (0,0)-(4,0)', () => {
    assert.deepEqual(firstSplitRange(13, wh, 'row', true), [
      [0, 0],
      [7, 0],
    ]);
    assert.deepEqual(firstSplitRange(5, wh, 'row', true), [
      [0, 0],
      [4, 0],
    ]);
  });
  it("groupsFromSplit: both groups of a split carry all_cores' first range only when opted in", () => {
    // 100 units over 64 cores: 36 cores take 2, 28 take 1; all_cores = all 64 cores = (0,0)-(7,7) either way.
    const split = splitWorkToCores(64, 100);
    const on = groupsFromSplit(split, wh, 'col', { order: 'col', ctx: whContext() });
    assert.equal(on.length, 2);
    for (const g of on)
      assert.deepEqual(g.printedRange, [
        [0, 0],
        [7, 7],
      ]);
    for (const g of groupsFromSplit(split, wh, 'col')) assert.equal(g.printedRange, undefined);
  });
});

describe('estimate/common: groupsFromSplit and change point cb-core-ranges-merged', () => {
  const wh: [number, number] = [8, 8];
  it('20 cores column-wise: (0,0)-(2,3) from the merge on, (0,0)-(1,7) before it', () => {
    // 20 units over 20 cores (one each): all_cores = {(0,0)-(1,7), (2,0)-(2,3)}; merged from PR #16549.
    const split = splitWorkToCores(64, 20);
    const at = (date: string) =>
      groupsFromSplit(split, wh, 'col', {
        order: 'col',
        ctx: whContext({ ttMetalDate: date }),
      })[0]!.printedRange;
    assert.deepEqual(at('2025-06-01'), [
      [0, 0],
      [2, 3],
    ]);
    assert.deepEqual(at('2025-01-02'), [
      [0, 0],
      [1, 7],
    ]);
  });
});
