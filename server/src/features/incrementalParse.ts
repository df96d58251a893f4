/**
 * Incremental re-parse after an edit inside one op (a keystroke in a shape, an attribute, a location), in place: only
 * that op's text is parsed again and replaces the op in its block; every other node keeps its identity, and the ranges
 * after it move by walking the flat list of the tree's range objects (`ParseOptions.rangeSink`) rather than copying
 * the tree — on a 100k-op file a copy allocated millions of objects per keystroke. Anything less local (new lines of
 * ops, regions, aliases, a file with errors) is declined and the caller parses the whole text.
 *
 * The one mutating operation of the core, like tree-sitter's `ts_tree_edit`: the caller owns the `EditableParse` and
 * must treat everything derived from its earlier version (ranges read before the edit) as stale.
 */

import { parse } from '../mlir/parser';
import type { Block, Operation, ParseResult } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';
import { opsAt } from './occurrences';

/** One contiguous replacement, in offsets of the previous text. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A parse that edits can be applied to: the tree and every range object in it, each once. */
export interface EditableParse {
  readonly parse: ParseResult;
  /** Unordered; shifted in place by `applyChange`. */
  readonly ranges: TextRange[];
}

export function parseForEdits(text: string): EditableParse {
  const ranges: TextRange[] = [];
  return { parse: parse(text, { rangeSink: ranges }), ranges };
}

/** What `applyChange` did: `removed` left the tree, `inserted` took its place at `index` of `block` (a block of `parent`). */
export interface AppliedChange {
  readonly removed: Operation;
  readonly inserted: Operation;
  readonly parent: Operation;
  readonly block: Block;
  readonly index: number;
}

/**
 * Applies `change` (to the text the tree was parsed from, giving `text`) when it lies strictly inside one op without
 * regions and that op re-parses cleanly on its own; returns undefined and leaves the tree untouched otherwise.
 */
export function applyChange(editable: EditableParse, change: TextChange, text: string): AppliedChange | undefined {
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
  const index = block === undefined ? -1 : indexOfOp(block.operations, leaf);
  if (block === undefined || index < 0) return undefined;
  const delta = change.newText.length - (change.end - change.start);
  // A fresh copy of the op's characters: token texts are slices of the parsed string, and slices of `text` would keep
  // this version's whole text alive for as long as the op lives (one full text per edit, found as heap growth).
  const opText = Array.from(text.slice(leafStart, leafEnd + delta)).join('');
  const reparsed = parse(opText);
  const chunk = reparsed.file.chunks[0];
  const op = chunk?.operations[0];
  if (reparsed.errors.length > 0 || reparsed.file.chunks.length !== 1 || reparsed.file.resourceSections.length > 0) return undefined;
  if (chunk === undefined || op === undefined || chunk.aliases.length > 0 || chunk.operations.length !== 1) return undefined;
  if (op.regions.length > 0 || op.range.start !== 0 || op.range.end !== opText.length) return undefined;

  // From here on the tree changes; nothing below can fail.
  const removed = rangesOf(leaf);
  let kept = 0;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    if (r.start >= leafStart && r.end <= leafEnd && removed.has(r)) continue;
    const m = r as { start: number; end: number };
    if (r.start >= leafEnd) {
      m.start += delta;
      m.end += delta;
    } else if (r.end >= leafEnd) {
      // Starts before the op and reaches its end: an op, block, region, chunk or file containing it.
      m.end += delta;
    }
    ranges[kept++] = r;
  }
  ranges.length = kept;
  for (const r of rangesOf(op)) {
    const m = r as { start: number; end: number };
    m.start += leafStart;
    m.end += leafStart;
    ranges.push(r);
  }
  (block.operations as Operation[])[index] = op;
  return { removed: leaf, inserted: op, parent, block, index };
}

function blockHolding(parent: Operation, op: Operation): Block | undefined {
  for (const region of parent.regions) {
    for (const block of region.blocks) if (block.range.start <= op.range.start && op.range.end <= block.range.end) return block;
  }
  return undefined;
}

/** Binary search by start offset (a block's ops are in source order). */
function indexOfOp(ops: readonly Operation[], op: Operation): number {
  let lo = 0;
  let hi = ops.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ops[mid]!.range.start;
    if (at === op.range.start) return ops[mid] === op ? mid : -1;
    if (at < op.range.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// An op without regions is a few dozen nodes; this bounds a hostile one.
const MAX_WALK_DEPTH = 256;

/** Every range object in an op's subtree (objects with exactly `start` and `end`), each once. */
function rangesOf(op: Operation): Set<TextRange> {
  const found = new Set<TextRange>();
  const seen = new Set<object>();
  const visit = (node: object, depth: number): void => {
    if (seen.has(node) || depth > MAX_WALK_DEPTH) return;
    seen.add(node);
    if (isRange(node)) {
      found.add(node);
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) visit(value as object, depth + 1);
  };
  visit(op, 0);
  return found;
}

function isRange(node: object): node is TextRange {
  const r = node as Partial<TextRange>;
  return typeof r.start === 'number' && typeof r.end === 'number' && Object.keys(node).length === 2;
}
