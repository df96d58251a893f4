/**
 * Editor positions (0-based line, UTF-16 character: LSP's Position) of text found in a fixture by search, computed
 * independently of the server's LineIndex under test. `\n` line breaks (the fixtures').
 */

import { rangeOf } from './textRanges';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** The position of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The position `delta` characters into the `nth` (0-based) occurrence of `needle` (at or after `from`). */
export function positionOf(
  text: string,
  needle: string,
  o: { readonly nth?: number; readonly delta?: number; readonly from?: number } = {},
): Position {
  const start =
    o.from === undefined
      ? rangeOf(text, needle, o.nth).start
      : o.from + rangeOf(text.slice(o.from), needle, o.nth).start;
  return positionAt(text, start + (o.delta ?? 0));
}

/** The 0-based line of the `nth` occurrence of `needle`. */
export function lineOf(text: string, needle: string, nth = 0): number {
  return positionOf(text, needle, { nth }).line;
}
