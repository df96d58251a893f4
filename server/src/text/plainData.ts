/**
 * Deep equality of plain data (arrays and objects of primitives and plain data), strict enough that equal values also
 * encode to the same JSON: the analysis keeps one copy of equal estimate parts (analysis/sharedParts.ts), and a
 * background worker sends only the diagnostics that changed (lsp/diagnosticsDelta.ts).
 */

/**
 * Values nested deeper than this compare unequal (plain data here is never cyclic; the bound only stops a runaway). The
 * deepest estimate part is a version range's figure's L1 intermediate's writer program's printed range, whose numbers
 * sit 9 levels down: at the old bound of 6 such estimates never compared equal, so none was shared and each was
 * compared in vain with its bucket (100k-op generated dump: 12.9k failed deep comparisons, 2.9k at 10).
 */
export const PLAIN_DATA_MAX_DEPTH = 12;

/**
 * Whether two values are the same plain data: primitives by `Object.is`, arrays by element, objects by prototype and
 * keys in order (so equal values also encode to the same JSON). Values nested deeper than PLAIN_DATA_MAX_DEPTH compare
 * unequal.
 */
export function samePlainData(a: unknown, b: unknown): boolean {
  return samePlainDataAt(a, b, 0);
}

function samePlainDataAt(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > PLAIN_DATA_MAX_DEPTH)
    return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainDataAt(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // `for in` lists own keys in `Object.keys` order here (plain objects of one prototype with no enumerable keys). b's
  // keys go to this depth's reused list: an `Object.keys` array per comparison was ~19 MB per 100k-op analysis.
  const keysB = (KEYS_AT_DEPTH[depth] ??= []);
  let count = 0;
  for (const key in b) keysB[count++] = key;
  let i = 0;
  for (const key in a) {
    if (i >= count || key !== keysB[i++]) return false;
    if (!samePlainDataAt((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1))
      return false;
  }
  return i === count;
}

// samePlainData's lists of b's keys, one per depth (a comparison at one depth is done before the next at that depth).
const KEYS_AT_DEPTH: string[][] = [];
