/**
 * Offset <-> (line, character) conversion. The only place in the project that knows where lines break.
 * Lines and characters are 0-based and counted in UTF-16 code units, as LSP positions are.
 * An open document's text lives here as a PieceText, so an edit neither copies nor flattens it (see pieceText.ts).
 */

import { PieceText } from './pieceText';
import { countAtOrBelow } from './search';

export interface LineCol {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

/** Offsets → positions, and nothing else: what a report of positions needs (no text; see `LineIndex.positionsOnly`). */
export interface PositionIndex {
  position(offset: number): LineCol;
  /** `position(offset)` written into `into`: no object per call, for a writer that reads one per record. */
  positionInto(offset: number, into: MutableLineCol): void;
}

/** A position a caller reuses (`PositionIndex.positionInto`). */
export interface MutableLineCol {
  line: number;
  character: number;
}

export class LineIndex implements PositionIndex {
  /** Offset of the first character of each line; lineStarts[0] === 0. Typed: an edit copies it (V8 strings < 2^31). */
  private readonly lineStarts: Int32Array;
  private readonly source: PieceText;

  /** `lineStarts`, when given, must be those of the text (as `edited` computes them); otherwise they are scanned. */
  constructor(text: string | PieceText, lineStarts?: Int32Array) {
    this.source = typeof text === 'string' ? PieceText.of(text) : text;
    if (lineStarts !== undefined) {
      this.lineStarts = lineStarts;
      return;
    }
    const flat = this.source.toString();
    const starts: LineStartList = { values: new Int32Array(1024), count: 1 };
    scanLineStarts(flat, 0, flat.length, starts, 0);
    this.lineStarts = starts.values.slice(0, starts.count);
  }

  /**
   * The index of the previous text with `change` (offsets in the previous text) applied: only the lines around the
   * change are scanned again, the rest shift (a keystroke in a 22 MB file costs a copy of the line table, not a scan),
   * and the text itself is not copied (PieceText).
   */
  static edited(
    previous: LineIndex,
    change: { readonly start: number; readonly end: number; readonly newText: string },
  ): LineIndex {
    const source = previous.source.edited(change);
    const old = previous.lineStarts;
    const delta = change.newText.length - (change.end - change.start);
    // Rescan from the start of the line before the change's (so a CR+LF joined or split at a line start is seen) to a
    // line start past the change whose preceding character is unchanged; both ends are line starts in either text.
    const lo = Math.max(0, previous.position(change.start).line - 1);
    let hi = lo;
    while (hi < old.length && old[hi]! <= change.end + 1) hi++;
    const windowStart = old[lo]!;
    const windowEnd = hi < old.length ? old[hi]! + delta : source.length;
    const scanned: LineStartList = { values: new Int32Array(16), count: 0 };
    // One character more than the window: a CR at its end looks at the next one.
    scanLineStarts(source.slice(windowStart, windowEnd + 1), 0, windowEnd - windowStart, scanned, windowStart);
    // The scan pushed windowEnd itself (a line start) unless it is the end of the text.
    if (hi < old.length && scanned.count > 0 && scanned.values[scanned.count - 1] === windowEnd) scanned.count--;
    const head = lo + 1;
    const tail = old.length - hi;
    const starts = new Int32Array(head + scanned.count + tail);
    starts.set(old.subarray(0, head));
    starts.set(scanned.values.subarray(0, scanned.count), head);
    for (let i = 0, at = head + scanned.count; i < tail; i++) starts[at + i] = old[hi + i]! + delta;
    return new LineIndex(source, starts);
  }

  /** The whole text, flat (built on first use after an edit: prefer `slice` and `charCodeAt` on hot paths). */
  get text(): string {
    return this.source.toString();
  }

  get length(): number {
    return this.source.length;
  }

  /** Characters [from, to). */
  slice(from: number, to: number): string {
    return this.source.slice(from, to);
  }

  charCodeAt(offset: number): number {
    return this.source.charCodeAt(offset);
  }

  startsWith(prefix: string, offset: number): boolean {
    return this.source.startsWith(prefix, offset);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Position of an offset; offsets past the end clamp to the end of the text. */
  position(offset: number): LineCol {
    return positionIn(this.lineStarts, this.source.length, offset);
  }

  positionInto(offset: number, into: MutableLineCol): void {
    positionInto(this.lineStarts, this.source.length, offset, into);
  }

  /**
   * `position(offset)`, looked for first among the few lines from `nearLine` on (or just before it), then by binary
   * search: offsets read in source order (a list of diagnostics, a line or two apart) each cost a step or two, not a
   * search of the whole line table.
   */
  positionNear(offset: number, nearLine: number): LineCol {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    let line = Math.max(0, Math.min(nearLine, starts.length - 1));
    if (starts[line]! <= clamped) {
      const last = Math.min(starts.length - 1, line + NEAR_LINES);
      while (line < last && starts[line + 1]! <= clamped) line++;
      if (line === last && line < starts.length - 1 && starts[line + 1]! <= clamped)
        line = countAtOrBelow(starts, clamped) - 1;
    } else {
      const first = Math.max(0, line - NEAR_LINES);
      while (line > first && starts[line]! > clamped) line--;
      if (starts[line]! > clamped) line = countAtOrBelow(starts, clamped) - 1;
    }
    return { line, character: clamped - starts[line]! };
  }

  /**
   * The positions of this text without the text: a one-shot report that prints no source lines (JSON, SARIF) lets a
   * 22 MB text go before it writes.
   */
  positionsOnly(): PositionIndex {
    const { lineStarts, length } = this;
    return {
      position: (offset) => positionIn(lineStarts, length, offset),
      positionInto: (offset, into) => positionInto(lineStarts, length, offset, into),
    };
  }

  /** Offset of a position; a line or character past its end clamps to the end of that line or text. */
  offset(pos: LineCol): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.source.length;
    const start = this.lineStarts[pos.line]!;
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset just before the line break that ends a 0-based line (or the end of the text). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.source.length;
    let end = next - 1;
    if (end > 0 && this.source.charCodeAt(end) === 10 && this.source.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

// Lines `positionNear` steps over before it searches.
const NEAR_LINES = 8;

function positionIn(lineStarts: Int32Array, textLength: number, offset: number): LineCol {
  const at = { line: 0, character: 0 };
  positionInto(lineStarts, textLength, offset, at);
  return at;
}

function positionInto(lineStarts: Int32Array, textLength: number, offset: number, into: MutableLineCol): void {
  const clamped = Math.max(0, Math.min(offset, textLength));
  // The last line starting at or before the offset (line 0 starts at 0).
  const line = countAtOrBelow(lineStarts, clamped) - 1;
  into.line = line;
  into.character = clamped - lineStarts[line]!;
}

/**
 * Line starts as they are scanned: a typed array grown by doubling. A JS array's `push` per line, copied into an
 * Int32Array at the end, cost ~40 ms of CPU for a 25 MB, 153k-line text against ~23 ms for this (cold runs, 2026-12-06).
 */
interface LineStartList {
  values: Int32Array;
  count: number;
}

/** Appends to `starts` the offset (+ `base`) after each line break that begins in [from, to) of `text` (CR+LF counts once). */
function scanLineStarts(text: string, from: number, to: number, starts: LineStartList, base: number): void {
  let values = starts.values;
  let count = starts.count;
  // Without a CR only LFs break lines: the native search is several times faster than a loop over every character
  // (the whole 22 MB text is scanned when a document opens).
  const cr = text.indexOf('\r', from);
  if (cr < 0 || cr >= to) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      if (count === values.length) values = doubled(values);
      values[count++] = base + i + 1;
    }
  } else {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 /* \n */ && c !== 13 /* \r */) continue;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (count === values.length) values = doubled(values);
      values[count++] = base + i + 1;
    }
  }
  starts.values = values;
  starts.count = count;
}

function doubled(values: Int32Array): Int32Array {
  const grown = new Int32Array(2 * values.length);
  grown.set(values);
  return grown;
}
