/**
 * Incremental re-parse after an edit inside one op (a keystroke in a shape, an attribute, a location), in place: only
 * that op's text is parsed again and replaces the op in its block; every other node keeps its identity, and the ranges
 * after it (handles, and the slots parser/nodes.ts's nodes hold) move in one pass over the tree's range table (`ParseOptions.rangeTable`) rather than by copying the tree —
 * on a 100k-op file a copy allocated millions of objects per keystroke. Anything less local (new lines of
 * ops, regions, aliases, a file with errors) is declined and the caller parses the whole text.
 *
 * The one mutating operation of the core, like tree-sitter's `ts_tree_edit`: the caller owns the `EditableParse` and
 * must treat everything derived from its earlier version (ranges read before the edit) as stale.
 */

import { detachedCopy } from '../text/detachedCopy';
import { parse } from './parser';
import type { Block, Operation, ParseResult } from './syntax';
import { indexContaining } from './syntaxSearch';
import { RangeTable, TableRange } from '../text/rangeTable';
import { opsAt } from './occurrences';
import { SlottedNamedNode, SlottedNode, SlottedOp, opNameSlot, setOpNameSlot } from './parser/nodes';

/** One contiguous replacement, in offsets of the previous text. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A parse that edits can be applied to: the tree and the table holding every range in it. */
export interface EditableParse {
  readonly parse: ParseResult;
  readonly ranges: RangeTable;
}

export function parseForEdits(text: string): EditableParse {
  const ranges = new RangeTable(expectedRangeCount(text.length));
  return { parse: parse(text, { rangeTable: ranges }), ranges };
}

// TTNN dumps hold one range per ~35-40 characters since ops pack their location, one-result and operand names
// (parser/nodes.ts SlottedOp; generated and Falcon 100k-op copies: 41.4 and 35.4, were 19.8 and 20.3; corpus models
// 30.7 to 48, vovnet 6.2). Sized for one per 28 up front, the table of a 22 MB text is allocated once instead of
// doubling eleven times: the doublings wrote 32 MB of fresh typed arrays to end at 16 MB (parse CPU -7%, peak RSS -15
// MB at 100k ops); one per 16, as before the packing, left 5 MB of it unused. A denser text still doubles as before.
const CHARS_PER_RANGE_EXPECTED = 28;

/** The range-table capacity to start a parse of `chars` characters with. */
export function expectedRangeCount(chars: number): number {
  return Math.ceil(chars / CHARS_PER_RANGE_EXPECTED);
}

/** What `applyChange` did: `removed` left the tree, `inserted` took its place at `index` of `block` (a block of `parent`). */
export interface AppliedChange {
  readonly removed: Operation;
  readonly inserted: Operation;
  readonly parent: Operation;
  readonly block: Block;
  readonly index: number;
}

/** Slices of a text: a string, or a LineIndex (whose text is then not flattened). */
export interface TextSlices {
  slice(start: number, end: number): string;
}

/**
 * Applies `change` (to the text the tree was parsed from, giving `text`) when it lies strictly inside one op without
 * regions and that op re-parses cleanly on its own; returns undefined and leaves the tree untouched otherwise.
 */
export function applyChange(editable: EditableParse, change: TextChange, text: TextSlices): AppliedChange | undefined {
  const { parse: previous, ranges } = editable;
  if (previous.errors.length > 0 || change.start > change.end) return undefined;
  const chain = opsAt(previous.file, change.start);
  const leaf = chain[chain.length - 1];
  const parent = chain[chain.length - 2];
  // Strictly inside the op: its first and last characters stay, so the ops around it tokenise as before.
  if (leaf === undefined || parent === undefined || leaf.regions.length > 0) return undefined;
  const leafStart = leaf.range.start;
  const leafEnd = leaf.range.end;
  if (!(leafStart < change.start && change.end < leafEnd)) return undefined;
  const block = blockHolding(parent, leaf);
  const index = block === undefined ? -1 : indexContaining(block.operations, leafStart);
  if (block === undefined || block.operations[index] !== leaf) return undefined;
  const delta = change.newText.length - (change.end - change.start);
  // A fresh copy of the op's characters: token texts are slices of the parsed string, and slices of `text` would keep
  // this version's whole text alive for as long as the op lives (one full text per edit, found as heap growth).
  const opText = detachedCopy(text.slice(leafStart, leafEnd + delta));
  const reparsed = parse(opText, { rangeTable: new RangeTable() });
  const chunk = reparsed.file.chunks[0];
  const op = chunk?.operations[0];
  if (reparsed.errors.length > 0 || reparsed.file.chunks.length !== 1 || reparsed.file.resourceSections.length > 0)
    return undefined;
  if (chunk === undefined || op === undefined || chunk.aliases.length > 0 || chunk.operations.length !== 1)
    return undefined;
  if (op.regions.length > 0 || op.range.start !== 0 || op.range.end !== opText.length) return undefined;
  // An edit that renames the op changes its grammar: an unknown custom-form op is scanned up to a line break that
  // depends on the text after it, which the scratch parse does not see (found on `ttcore.lo)ad_cached(...)`).
  if (op.name !== leaf.name || op.form !== leaf.form) return undefined;

  // From here on the tree changes; nothing below can fail.
  const removedRanges = rangesOf(leaf);
  for (const r of removedRanges.handles) ranges.kill(r);
  for (const n of removedRanges.slotted) {
    ranges.killSlot(n.$s);
    if (n instanceof SlottedNamedNode) ranges.killSlot(n.$n);
    else if (n instanceof SlottedOp && opNameSlot(n) >= 0) ranges.killSlot(opNameSlot(n));
  }
  // Ranges after the op move; those that start before it and reach its end (the ops, blocks, regions, chunk and file
  // containing it) grow.
  ranges.shiftFrom(leafEnd, delta);
  const insertedRanges = rangesOf(op);
  for (const r of insertedRanges.handles) ranges.adopt(r, leafStart);
  for (const n of insertedRanges.slotted) {
    const scratch = n.$t;
    n.$s = ranges.adoptSlot(scratch, n.$s, leafStart);
    if (n instanceof SlottedNamedNode) n.$n = ranges.adoptSlot(scratch, n.$n, leafStart);
    else if (n instanceof SlottedOp && opNameSlot(n) >= 0)
      setOpNameSlot(n, ranges.adoptSlot(scratch, opNameSlot(n), leafStart));
    n.$t = ranges;
  }
  (block.operations as Operation[])[index] = op;
  return { removed: leaf, inserted: op, parent, block, index };
}

function blockHolding(parent: Operation, op: Operation): Block | undefined {
  for (const region of parent.regions) {
    for (const block of region.blocks)
      if (block.range.start <= op.range.start && op.range.end <= block.range.end) return block;
  }
  return undefined;
}

// An op without regions is a few dozen nodes; this bounds a hostile one.
const MAX_WALK_DEPTH = 256;

/**
 * Every range in an op's subtree, each once: TableRange handles (a parse with a range table makes only those) and
 * the nodes that hold slots of the table themselves (parser/nodes.ts).
 */
function rangesOf(op: Operation): { handles: Set<TableRange>; slotted: Set<SlottedNode> } {
  const handles = new Set<TableRange>();
  const slotted = new Set<SlottedNode>();
  const seen = new Set<object>();
  const visit = (node: object, depth: number): void => {
    if (seen.has(node) || depth > MAX_WALK_DEPTH) return;
    seen.add(node);
    if (node instanceof TableRange) {
      handles.add(node);
      return;
    }
    if (node instanceof RangeTable) return;
    if (node instanceof SlottedNode) slotted.add(node);
    for (const value of Object.values(node))
      if (typeof value === 'object' && value !== null) visit(value as object, depth + 1);
  };
  visit(op, 0);
  return { handles, slotted };
}
