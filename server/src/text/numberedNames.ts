/**
 * Names a dump numbers (`%123` SSA values, `#loc45` location aliases) read as their number, so a table indexed by it
 * can stand in for a map keyed by the text: at 100k ops, a map lookup per use of a name was a string hash and a few
 * cache misses each (liveness slots, alias lookups). Only the canonical spelling counts, so two names get one number
 * exactly when they are the same text.
 */

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
// Numbers below 2^31 fit the typed arrays that index by them; past this many digits a name is never canonical here.
const MAX_DIGITS = 9;

/**
 * N when `name` is `prefix` followed by N in decimal without leading zeros (`0` itself allowed) and nothing else, with
 * N < 10^9; else -1.
 */
export function numberAfter(name: string, prefix: string): number {
  const digits = name.length - prefix.length;
  if (digits < 1 || digits > MAX_DIGITS || !name.startsWith(prefix)) return -1;
  const first = name.charCodeAt(prefix.length);
  if (first === DIGIT_0 && digits > 1) return -1;
  let n = 0;
  for (let i = prefix.length; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}
