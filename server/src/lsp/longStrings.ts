/**
 * `JSON.parse` of a large message body (a didOpen or full-text didChange of a dump: one string of tens of MB), without
 * the body's text as a string: each long string value is unescaped in place in the body's bytes and decoded from there
 * once, and only the rest of the body (with a marker for each long string) goes through `JSON.parse`. The usual way
 * made the whole body a string (22 MB for the 100k-op dump) and `JSON.parse` made the document's text from it: two
 * strings of the text's size, with the first touches of their fresh memory, between the last byte and the analysis.
 * Same value as `JSON.parse(body.toString(encoding))`. Long strings are read more leniently: a raw control character
 * inside one is taken as written (JSON wants it escaped; encoders escape it), and an invalid escape or an unterminated
 * string in one is reported with `JSON.parse`'s words but, the bytes being already rewritten, without a second try.
 */

// Bodies shorter than this are parsed as they are.
export const LONG_BODY_BYTES = 1 << 20;
// A string value at least this long (as written) is unescaped in place and decoded apart.
const LONG_STRING_BYTES = 1 << 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** What a long string value decodes to, found at `open` (its opening quote) to `close` (its closing quote). */
interface LongString {
  readonly open: number;
  readonly close: number;
  readonly text: string;
}

/**
 * The value `JSON.parse(body.toString(encoding))` gives (the same SyntaxError for most invalid bodies; see above).
 * `body` may be rewritten: the caller must not read it afterwards.
 */
export function parseJsonBody(body: Buffer, encoding: 'latin1' | 'utf8'): unknown {
  if (body.length < LONG_BODY_BYTES) return JSON.parse(body.toString(encoding));
  const long: LongString[] = [];
  // Outside strings, a quote always opens one: jump from string to string.
  for (let at = body.indexOf(QUOTE); at >= 0;) {
    const close = shortStringEnd(body, at + 1);
    if (close === UNTERMINATED) break;
    if (close !== LONG) {
      at = body.indexOf(QUOTE, close + 1);
      continue;
    }
    const s = unescapeInPlace(body, at + 1, encoding);
    long.push({ open: at, close: s.close, text: s.text });
    at = body.indexOf(QUOTE, s.close + 1);
  }
  // No long string (the body is as it came): JSON.parse reads it, and words any error.
  if (long.length === 0) return JSON.parse(body.toString(encoding));
  let skeleton = '';
  let from = 0;
  for (const [i, s] of long.entries()) {
    skeleton += body.toString(encoding, from, s.open) + JSON.stringify(marker(i));
    from = s.close + 1;
  }
  skeleton += body.toString(encoding, from);
  return withLongStrings(JSON.parse(skeleton), long);
}

// A marker no message holds (checked: each must be met exactly once).
function marker(i: number): string {
  return `\u0000ttnn-l1 long string ${i}\u0000`;
}

const UNTERMINATED = -1;
const LONG = -2;

/** The offset of the quote closing the string whose text starts at `start`, UNTERMINATED, or LONG when it is long. */
function shortStringEnd(body: Buffer, start: number): number {
  for (let at = start; ;) {
    const quote = body.indexOf(QUOTE, at);
    if (quote < 0) return UNTERMINATED;
    if (quote - start >= LONG_STRING_BYTES) return LONG;
    // Escaped when an odd number of backslashes precedes it.
    let k = quote - 1;
    while (k >= start && body[k] === BACKSLASH) k--;
    if ((quote - 1 - k) % 2 === 0) return quote;
    at = quote + 1;
  }
}

/**
 * Unescapes the string whose text starts at `start` in place, moving each run between escapes down over the escapes'
 * extra bytes, and decodes it. Escapes of characters past ASCII are kept apart (`cuts`) and joined in when decoding.
 */
function unescapeInPlace(body: Buffer, start: number, encoding: 'latin1' | 'utf8'): { close: number; text: string } {
  let read = start;
  let write = start;
  let quote = body.indexOf(QUOTE, read);
  // Characters written as \u escapes past ASCII, with where they go in the unescaped bytes.
  let cuts: { at: number; char: string }[] | undefined;
  for (;;) {
    if (quote < 0) throw new SyntaxError(`Unterminated string in JSON at position ${body.length}`);
    const backslash = body.indexOf(BACKSLASH, read);
    if (backslash < 0 || backslash > quote) {
      if (write !== read) body.copyWithin(write, read, quote);
      write += quote - read;
      break;
    }
    if (write !== read) body.copyWithin(write, read, backslash);
    write += backslash - read;
    const escaped = body[backslash + 1];
    read = backslash + 2;
    switch (escaped) {
      case 0x6e: // n
        body[write++] = 0x0a;
        break;
      case QUOTE:
        body[write++] = QUOTE;
        // That quote was escaped: the string ends at a later one.
        quote = body.indexOf(QUOTE, read);
        break;
      case BACKSLASH:
      case 0x2f: // /
        body[write++] = escaped;
        break;
      case 0x74: // t
        body[write++] = 0x09;
        break;
      case 0x72: // r
        body[write++] = 0x0d;
        break;
      case 0x62: // b
        body[write++] = 0x08;
        break;
      case 0x66: // f
        body[write++] = 0x0c;
        break;
      case 0x75: {
        // u: four hex digits.
        const hex = body.toString('latin1', read, read + 4);
        const bad = /[^0-9a-fA-F]|^.{0,3}$/.exec(hex);
        if (bad !== null) throw new SyntaxError(`Bad Unicode escape in JSON at position ${read + bad.index}`);
        const code = parseInt(hex, 16);
        read += 4;
        if (code < 0x80) body[write++] = code;
        else (cuts ??= []).push({ at: write, char: String.fromCharCode(code) });
        break;
      }
      default:
        throw new SyntaxError(`Bad escaped character in JSON at position ${backslash + 1}`);
    }
  }
  const close = quote;
  if (cuts === undefined) return { close, text: body.toString(encoding, start, write) };
  // Runs of bytes between the characters of \u escapes (a surrogate pair's halves join as JSON.parse joins them).
  let text = '';
  let from = start;
  for (const cut of cuts) {
    text += body.toString(encoding, from, cut.at) + cut.char;
    from = cut.at;
  }
  return { close, text: text + body.toString(encoding, from, write) };
}

/** `value` with each marker string replaced by its long string's text (each met once, else a SyntaxError). */
function withLongStrings(value: unknown, long: readonly LongString[]): unknown {
  const byMarker = new Map(long.map((s, i) => [marker(i), s.text]));
  const met = new Set<string>();
  const take = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    const text = byMarker.get(v);
    if (text === undefined) return v;
    if (met.has(v)) throw new SyntaxError('a JSON string of the message is one of its long-string markers');
    met.add(v);
    return text;
  };
  const top = take(value);
  // Iterative: a deep message must not overflow the stack here when JSON.parse did not.
  const pending: unknown[] = [top];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        v[i] = take(v[i]);
        pending.push(v[i]);
      }
    } else {
      const record = v as Record<string, unknown>;
      // Own keys only, as JSON.parse made them ("__proto__" among them is an own data property: assigning it is safe).
      for (const key of Object.keys(record)) {
        record[key] = take(record[key]);
        pending.push(record[key]);
      }
    }
  }
  if (met.size !== long.length) throw new SyntaxError('a long JSON string was not found again after parsing');
  return top;
}
