import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../server/src/mlir/parser';
import { applyChange, parseForEdits, type TextChange } from '../../server/src/mlir/incrementalParse';
import { walkOperations } from '../../server/src/features/syntaxWalk';

/** One edit inside a leaf op: which leaf and where in it (fractions), how many characters to delete, what to insert. */
export type LeafEdit = readonly [where: number, within: number, deleteCount: number, inserted: readonly string[]];

/** Edit lists for `checkLeafEdits`: 1..maxEdits edits, each deleting 0..2 characters and inserting 0..3 `alphabet` pieces. */
export function leafEdits(alphabet: readonly string[], maxEdits: number): fc.Arbitrary<LeafEdit[]> {
  return fc.array(
    fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 2 }),
      fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: maxEdits },
  );
}

/**
 * Applies `edits` one after another, each strictly inside an op without regions, to an editable parse of `text`: an
 * accepted edit must give exactly a fresh parse of the edited text, a declined one must leave the tree untouched.
 */
export function checkLeafEdits(text: string, edits: readonly LeafEdit[]): void {
  const editable = parseForEdits(text);
  for (const [where, within, deleteCount, inserted] of edits) {
    const leaves: { start: number; end: number }[] = [];
    walkOperations(editable.parse.file, ({ op }) => {
      if (op.regions.length === 0) leaves.push({ start: op.range.start, end: op.range.end });
    });
    const leaf = leaves[Math.floor(where * leaves.length)];
    if (leaf === undefined) return;
    const at = Math.min(leaf.end, leaf.start + 1 + Math.floor(within * Math.max(1, leaf.end - leaf.start - 2)));
    const change: TextChange = { start: at, end: Math.min(text.length, at + deleteCount), newText: inserted.join('') };
    const edited = text.slice(0, change.start) + change.newText + text.slice(change.end);
    const before = JSON.stringify(editable.parse);
    if (applyChange(editable, change, edited) === undefined) {
      assert.strictEqual(JSON.stringify(editable.parse), before);
      continue;
    }
    text = edited;
    assert.strictEqual(JSON.stringify(editable.parse), JSON.stringify(parse(text)));
  }
}
