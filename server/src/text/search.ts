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
