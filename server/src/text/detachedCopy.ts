/**
 * A copy of `s` that keeps no other string alive. V8 makes a slice of 13 or more characters a view of the string it
 * was sliced from, which it keeps alive: a token text kept in a tree would hold a whole file's text. Concatenation
 * followed by a slice makes the copy in native code (the concatenation is flattened into a new string before the slice
 * is taken); `Array.from(s).join('')` made one string per character (a tenth of the Falcon copy's lazy parse).
 * A shorter string is never a view (V8's sliced and cons strings are 13 characters or more), so it is its own copy:
 * most location names of a dump (`p0.1`, `add.12`) are, and flattening them cost a runtime call each.
 */
export function detachedCopy(s: string): string {
  return s.length < MIN_VIEW_LENGTH ? s : (' ' + s).slice(1);
}

/** V8's SlicedString::kMinLength and ConsString::kMinLength. */
const MIN_VIEW_LENGTH = 13;
