/**
 * The one scanner for MLIR text that is not parsed into a tree (log lines, attribute bodies, layout texts): strings are
 * skipped whole (with `\` escapes), `->` is one token that never closes a bracket, and `( [ { <` nest. The parser has
 * its own lexer; everything else that needs "top level" or "the matching close" uses this file.
 */

const OPENERS = '([{<';
const CLOSERS = ')]}>';

/** Offset of the quote closing the string that opens at `quote`, or `text.length` when it is unterminated. */
export function skipString(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/**
 * Calls `visit(offset, char, depth)` for each character outside strings from `from`, `depth` being the bracket depth
 * before it (never below 0); an arrow is visited once as `'->'` and never closes a bracket. `visit` returning true
 * stops the scan. Returns the final depth and whether a string was left open.
 */
export function scanMlirText(
  text: string,
  visit: (offset: number, char: string, depth: number) => boolean | void,
  from = 0,
): { readonly depth: number; readonly unterminatedString: boolean } {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = skipString(text, i);
      if (end >= text.length) return { depth, unterminatedString: true };
      i = end;
      continue;
    }
    if (c === '-' && text[i + 1] === '>') {
      if (visit(i, '->', depth) === true) break;
      i++;
      continue;
    }
    if (visit(i, c, depth) === true) break;
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
  }
  return { depth, unterminatedString: false };
}

/** Offset of the bracket closing the one at `open`, or undefined when it never closes. */
export function matchingClose(text: string, open: number): number | undefined {
  let found: number | undefined;
  scanMlirText(
    text,
    (i, c, depth) => {
      if (depth === 1 && CLOSERS.includes(c)) {
        found = i;
        return true;
      }
      return false;
    },
    open,
  );
  return found;
}

/** Whether every string closes and no bracket is left open (extra closers are tolerated). */
export function isBalanced(text: string): boolean {
  const end = scanMlirText(text, () => false);
  return !end.unterminatedString && end.depth === 0;
}

/** Split at top-level `sep` (outside brackets and strings), each part trimmed; empty text gives no parts. */
export function splitTopLevel(text: string, sep = ','): string[] {
  const out: string[] = [];
  let start = 0;
  scanMlirText(text, (i, c, depth) => {
    if (c === sep && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  });
  const last = text.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}
