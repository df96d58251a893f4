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

/**
 * A non-negative integer per SSA name of one function: `%N` below the table's limit in a typed array indexed by N (a
 * dump numbers a function's results densely from %0: about one number per result), other names (`%arg0`, `%x`,
 * `%0#1`, numbers past the limit) in a map. Liveness slots and defining-op indexes both use it.
 */
export class NumberedNameIndex {
  // The value + 1 of `%N` at N (0: none), for N below `limit`.
  private readonly numbered: Int32Array;
  private limit: number;
  private readonly others = new Map<string, number>();

  /** An empty index whose table holds `%0` up to `%(capacity - 1)`. */
  constructor(capacity: number) {
    this.numbered = new Int32Array(capacity);
    this.limit = capacity;
  }

  /** Empties the index, its table now holding `%0` up to `%(limit - 1)` (`limit` at most the capacity it was made with). */
  clear(limit: number): void {
    this.others.clear();
    this.limit = limit;
    this.numbered.fill(0, 0, limit);
  }

  /** The value kept for `name`, or -1. */
  get(name: string): number {
    const n = numberAfter(name, '%');
    if (n >= 0 && n < this.limit) return this.numbered[n]! - 1;
    return this.others.get(name) ?? -1;
  }

  /** Keeps `value` (>= 0) for `name`, in place of any earlier one. */
  set(name: string, value: number): void {
    const n = numberAfter(name, '%');
    if (n >= 0 && n < this.limit) this.numbered[n] = value + 1;
    else this.others.set(name, value);
  }

  /** The value kept for `name`; when it has none, `value`, now kept for it. */
  getOrSet(name: string, value: number): number {
    const n = numberAfter(name, '%');
    if (n >= 0 && n < this.limit) {
      const kept = this.numbered[n]!;
      if (kept !== 0) return kept - 1;
      this.numbered[n] = value + 1;
      return value;
    }
    const kept = this.others.get(name);
    if (kept !== undefined) return kept;
    this.others.set(name, value);
    return value;
  }
}
