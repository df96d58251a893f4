/**
 * An immutable text as a list of pieces (flat strings, or V8 slices of one), so that an edit costs its neighbourhood
 * rather than a copy of the whole text: reading a JS string built by concatenation flattens it, and on a 22 MB document
 * that was a 22 MB copy (and as much garbage) per keystroke. The flat string is built only when someone asks for it
 * (`toString`), once, or when the pieces get too many.
 */

import { firstIndexNotBefore } from './search';

// Past this many pieces an edit first flattens the text: lookups stay cheap and a flatten is paid once per ~MAX/2 edits.
const MAX_PIECES = 256;

export class PieceText {
  private flat: string | undefined;

  private constructor(
    private readonly pieces: readonly string[],
    /** Offset of each piece's first character. */
    private readonly starts: Int32Array,
    readonly length: number,
  ) {
    if (pieces.length === 1) this.flat = pieces[0];
  }

  static of(text: string): PieceText {
    return new PieceText([text], Int32Array.of(0), text.length);
  }

  /** The text with [start, end) replaced by `newText` (offsets clamped into the text). */
  edited(change: { readonly start: number; readonly end: number; readonly newText: string }): PieceText {
    const source = this.pieces.length >= MAX_PIECES ? PieceText.of(this.toString()) : this;
    const start = Math.max(0, Math.min(change.start, source.length));
    const end = Math.max(start, Math.min(change.end, source.length));
    const pieces: string[] = [];
    let placed = false;
    for (let k = 0; k < source.pieces.length; k++) {
      const piece = source.pieces[k]!;
      const from = source.starts[k]!;
      const to = from + piece.length;
      if (to <= start) {
        pieces.push(piece);
        continue;
      }
      // The first piece reaching `start`: its part before the change, then the new text.
      if (!placed) {
        if (from < start) pieces.push(piece.slice(0, start - from));
        pieces.push(change.newText);
        placed = true;
      }
      // Slices of a flat string (or of a slice) are V8 slices of the same flat string: nothing is copied or joined.
      if (to > end) pieces.push(from >= end ? piece : piece.slice(end - from));
    }
    if (!placed) pieces.push(change.newText);
    return PieceText.fromPieces(pieces.filter((p) => p.length > 0));
  }

  /** Characters [from, to) as a flat string (of that size only). */
  slice(from: number, to: number): string {
    const a = Math.max(0, Math.min(from, this.length));
    const b = Math.max(a, Math.min(to, this.length));
    if (this.flat !== undefined) return this.flat.slice(a, b);
    let out = '';
    for (let k = this.pieceAt(a); k < this.pieces.length && this.starts[k]! < b; k++) {
      const s = this.starts[k]!;
      out += this.pieces[k]!.slice(Math.max(0, a - s), b - s);
    }
    return out;
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text (as String.prototype.charCodeAt). */
  charCodeAt(offset: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    if (offset < 0 || offset >= this.length) return NaN;
    const k = this.pieceAt(offset);
    return this.pieces[k]!.charCodeAt(offset - this.starts[k]!);
  }

  /** As String.prototype.startsWith (an offset outside the text is clamped into it). */
  startsWith(prefix: string, offset: number): boolean {
    if (this.flat !== undefined) return this.flat.startsWith(prefix, offset);
    const at = Math.max(0, Math.min(offset, this.length));
    return this.slice(at, at + prefix.length) === prefix;
  }

  /** The whole text, flat (built once). */
  toString(): string {
    this.flat ??= this.pieces.join('');
    return this.flat;
  }

  private static fromPieces(pieces: readonly string[]): PieceText {
    const starts = new Int32Array(Math.max(1, pieces.length));
    let length = 0;
    for (let k = 0; k < pieces.length; k++) {
      starts[k] = length;
      length += pieces[k]!.length;
    }
    return new PieceText(pieces.length === 0 ? [''] : pieces, starts, length);
  }

  /** Index of the piece holding `offset` (the last piece for the end of the text). */
  private pieceAt(offset: number): number {
    return Math.max(0, firstIndexNotBefore(this.pieces.length, (k) => this.starts[k]! <= offset) - 1);
  }
}
