/** Ranges located by searching a fixture's text, independently of the parser under test. */

import type { TextRange } from '../../server/src/text/textRange';

/** The range of the `nth` (0-based) occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): TextRange {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurrence ${nth} not in fixture`);
  }
  return { start: at, end: at + needle.length };
}
