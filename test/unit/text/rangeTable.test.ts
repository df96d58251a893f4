import * as assert from 'node:assert/strict';
import { RangeTable } from '../../../server/src/text/rangeTable';

describe('text/rangeTable', () => {
  it('trim keeps every slot and handle, and the table still grows after it', () => {
    const table = new RangeTable();
    const handles = [];
    for (let i = 0; i < 1500; i++) handles.push(table.add(i, i + 3));
    table.trim();
    assert.equal(table.starts.length, 1500);
    assert.deepEqual(handles[1499]!.toJSON(), { start: 1499, end: 1502 });
    const later = table.addSlot(7, 9);
    assert.equal(later, 1500);
    assert.deepEqual([table.starts[later], table.ends[later]], [7, 9]);
    table.shiftFrom(1000, 5);
    // Before the edit: unchanged; containing it: grows; after it: moves.
    assert.deepEqual(handles[996]!.toJSON(), { start: 996, end: 999 });
    assert.deepEqual(handles[999]!.toJSON(), { start: 999, end: 1007 });
    assert.deepEqual(handles[1000]!.toJSON(), { start: 1005, end: 1008 });
  });

  it('releaseFrom takes back the slots handed out since a mark', () => {
    const table = new RangeTable();
    table.addSlot(0, 1);
    const mark = table.size;
    table.addSlot(2, 3);
    table.addSlot(4, 5);
    table.releaseFrom(mark);
    assert.equal(table.size, 1);
    assert.equal(table.liveCount, 1);
    assert.equal(table.addSlot(6, 7), 1);
  });
});
