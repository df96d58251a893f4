/**
 * Ranges stored by column in two Int32Arrays and handed out as small handle objects whose `start`/`end` read the
 * arrays. An edit in a 100k-op tree must move millions of ranges (mlir/incrementalParse.ts): over the arrays that
 * is one tight pass, over the objects themselves it was a cache miss each (~30 ms per keystroke).
 * Offsets fit in 31 bits: V8 strings are shorter than 2^30 code units.
 */

import type { TextRange } from './textRange';

const INITIAL_CAPACITY = 1024;
const DEAD = -1;

export class RangeTable {
  /** @internal Read by TableRange. */
  starts: Int32Array;
  /** @internal Read by TableRange. */
  ends: Int32Array;
  private used = 0;
  private dead = 0;

  /** `capacity`: slots before the first doubling (a small table for a short-lived parse of a few nodes). */
  constructor(capacity = INITIAL_CAPACITY) {
    this.starts = new Int32Array(Math.max(1, capacity));
    this.ends = new Int32Array(Math.max(1, capacity));
  }

  /** Ranges still in the tree. */
  get liveCount(): number {
    return this.used - this.dead;
  }

  add(start: number, end: number): TableRange {
    return new TableRange(this, this.slotFor(start, end));
  }

  /** A new slot holding `start`/`end`, for nodes that keep the slot number instead of a handle (mlir/parser/nodes.ts). */
  addSlot(start: number, end: number): number {
    return this.slotFor(start, end);
  }

  /** Slots handed out so far: a mark for `releaseFrom`. */
  get size(): number {
    return this.used;
  }

  /**
   * Takes back the slots handed out since `mark` (a `size`): the parse dropped the nodes holding them, and they were
   * the last handed out (mlir/parser/attributes.ts, shared dialect attributes).
   */
  releaseFrom(mark: number): void {
    if (mark <= this.used) this.used = mark;
  }

  /**
   * Drops the capacity beyond the slots in use (the arrays double as they fill): for a table that is complete, like
   * the one a non-editable parse keeps for its nodes' slots. Adding slots later still works.
   */
  trim(): void {
    if (this.used === this.starts.length) return;
    this.starts = this.starts.slice(0, Math.max(this.used, 1));
    this.ends = this.ends.slice(0, Math.max(this.used, 1));
  }

  /** The slot `slot` of table `from`, copied into this one offset by `by`; returns the new slot. */
  adoptSlot(from: RangeTable, slot: number, by: number): number {
    return this.slotFor(from.starts[slot]! + by, from.ends[slot]! + by);
  }

  /** Like `kill`, for a slot held by number. */
  killSlot(slot: number): void {
    if (this.starts[slot] === DEAD) return;
    this.starts[slot] = DEAD;
    this.ends[slot] = DEAD;
    this.dead++;
  }

  /** Moves a handle of another table (a scratch parse's) into this one, offsetting it by `by`. */
  adopt(range: TableRange, by: number): void {
    const slot = this.slotFor(range.start + by, range.end + by);
    range.table = this;
    range.slot = slot;
  }

  /** The range leaves the tree; its slot is skipped from now on (slots are not reused: a full parse starts afresh). */
  kill(range: TableRange): void {
    if (range.table === this) this.killSlot(range.slot);
  }

  /**
   * After text at `at` grew by `delta` (negative: shrank): ranges starting at or after `at` move, ranges that start
   * before it and end at or after it (the nodes containing the edit) grow.
   */
  shiftFrom(at: number, delta: number): void {
    const starts = this.starts;
    const ends = this.ends;
    for (let i = 0, n = this.used; i < n; i++) {
      if (starts[i]! >= at) {
        starts[i] += delta;
        ends[i] += delta;
      } else if (ends[i]! >= at) {
        // A dead slot (-1) never gets here: edits happen at offsets >= 0.
        ends[i] += delta;
      }
    }
  }

  private slotFor(start: number, end: number): number {
    if (this.used === this.starts.length) {
      const starts = new Int32Array(this.used * 2);
      const ends = new Int32Array(this.used * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    const slot = this.used++;
    this.starts[slot] = start;
    this.ends[slot] = end;
    return slot;
  }
}

/** A TextRange living in a RangeTable. Serialises as a plain `{ start, end }`. */
export class TableRange implements TextRange {
  /** @internal Set by RangeTable.adopt. */
  constructor(
    public table: RangeTable,
    public slot: number,
  ) {}

  get start(): number {
    return this.table.starts[this.slot]!;
  }

  get end(): number {
    return this.table.ends[this.slot]!;
  }

  toJSON(): TextRange {
    return { start: this.start, end: this.end };
  }
}
