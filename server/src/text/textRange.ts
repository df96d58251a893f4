/** Half-open ranges of UTF-16 code-unit offsets: the position unit of the whole core (LSP's default encoding). */

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export function textRange(start: number, end: number): TextRange {
  return { start, end };
}

export function containsOffset(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

export function rangeLength(range: TextRange): number {
  return range.end - range.start;
}

/** Smallest range covering both. */
export function coverRanges(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Whether two half-open ranges share an offset. */
export function rangesOverlap(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}
