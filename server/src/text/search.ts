/** Binary search over anything ordered, by a predicate: the one search the line table, the text pieces and op lookups share. */

/**
 * The first index in [0, length) whose item is not `before` the target, or `length`: `before` holds for a prefix of
 * the indices and fails for the rest (items in source order compared with an offset).
 */
export function firstIndexNotBefore(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `firstIndexNotBefore` over numbers sorted ascending with "at or below `value`" as `before`: the count of items
 * `<= value`. Its own loop, with no predicate closure: a report asks the line table for a position per op, and a
 * closure per call (its context captures the target) was old-generation garbage at 100k ops.
 */
export function countAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
