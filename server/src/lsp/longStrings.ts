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

/**
 * The value `JSON.parse(body.toString(encoding))` gives (the same SyntaxError for most invalid bodies; see above).
 * `body` may be rewritten: the caller must not read it afterwards. `progress`: the body's long strings as unescaped
 * while its bytes arrived (`LongStringUnescaper`), finished here.
 */
export function parseJsonBody(body: Buffer, encoding: 'latin1' | 'utf8', progress?: LongStringUnescaper): unknown {
  if (body.length < LONG_BODY_BYTES) return JSON.parse(body.toString(encoding));
  const unescaper = progress ?? new LongStringUnescaper(body);
  unescaper.advance(body.length);
  return unescaper.finish(encoding);
}

// A marker no message holds (checked: each must be met exactly once).
function marker(i: number): string {
  return `\u0000ttnn-l1 long string ${i}\u0000`;
}

// Bytes of the longest escape (`\uXXXX`): an escape starting closer than this to the bytes arrived so far waits.
const LONGEST_ESCAPE_BYTES = 6;

/** A long string unescaped: its quotes in the body, where its unescaped bytes end, its \u escapes past ASCII. */
interface UnescapedString {
  readonly open: number;
  readonly close: number;
  readonly end: number;
  readonly cuts: readonly Cut[] | undefined;
}

/** A character written as a \u escape past ASCII, and where it goes in the unescaped bytes. */
interface Cut {
  readonly at: number;
  readonly char: string;
}

/**
 * Unescapes a large body's long strings in place as its bytes arrive (`advance` after each chunk), so that after the
 * last byte only what the last chunks brought is left; `parseJsonBody` finishes it. The didOpen of the 100k-op dump
 * arrives in ~345 chunks of 64 KB over which the server's thread is mostly idle. Scans exactly as one pass over the
 * whole body would: outside strings a quote always opens one; a string whose closing quote is at least
 * `LONG_STRING_BYTES` away is long, and unescaped by moving each run between escapes down over the escapes' extra
 * bytes. A failure is kept and thrown by `finish`, once the whole body is in, as one pass would have thrown it.
 */
export class LongStringUnescaper {
  /** The bytes arrived so far: searches stop at their end (the rest of `body` is not written yet). */
  private view: Buffer;
  private state: 'outside' | 'string' | 'long' | 'done' = 'outside';
  /** Outside a string: where the next quote is looked for; in a string: where its closing quote is looked for. */
  private at = 0;
  /** In a string: where its text starts. */
  private start = 0;
  /**
   * In a long string: the next byte to read, where the next unescaped byte goes, and its next quote (-1: none before
   * `quoteFrom`).
   */
  private read = 0;
  private write = 0;
  private quote = -1;
  private quoteFrom = 0;
  private cuts: Cut[] | undefined;
  private readonly unescaped: UnescapedString[] = [];
  private failure: { readonly error: unknown } | undefined;

  constructor(private readonly body: Buffer) {
    this.view = body.subarray(0, 0);
  }

  /** The first `arrived` bytes of the body are in (and will not change). */
  advance(arrived: number): void {
    if (this.failure !== undefined || this.state === 'done') return;
    this.view = this.body.subarray(0, arrived);
    try {
      this.scan(arrived === this.body.length);
    } catch (error) {
      this.failure = { error };
    }
  }

  /** The body's value, once `advance` has seen all of it. */
  finish(encoding: 'latin1' | 'utf8'): unknown {
    if (this.failure !== undefined) throw this.failure.error;
    const body = this.body;
    // No long string (the body is as it came): JSON.parse reads it, and words any error.
    if (this.unescaped.length === 0) return JSON.parse(body.toString(encoding));
    let skeleton = '';
    let from = 0;
    const texts: string[] = [];
    for (const [i, s] of this.unescaped.entries()) {
      skeleton += body.toString(encoding, from, s.open) + JSON.stringify(marker(i));
      from = s.close + 1;
      texts.push(decode(body, s.open + 1, s, encoding));
    }
    skeleton += body.toString(encoding, from);
    return withLongStrings(JSON.parse(skeleton), texts);
  }

  private scan(final: boolean): void {
    const view = this.view;
    for (;;) {
      switch (this.state) {
        case 'outside': {
          // Outside strings, a quote always opens one: jump from string to string.
          const quote = view.indexOf(QUOTE, this.at);
          if (quote < 0) {
            this.at = view.length;
            if (final) this.state = 'done';
            return;
          }
          this.start = this.at = quote + 1;
          this.state = 'string';
          break;
        }
        case 'string': {
          const close = this.stringEnd(final);
          if (close === WAIT) return;
          if (close === UNTERMINATED) {
            this.state = 'done';
            return;
          }
          if (close === LONG) {
            this.read = this.write = this.quoteFrom = this.start;
            this.quote = -1;
            this.cuts = undefined;
            this.state = 'long';
          } else {
            this.at = close + 1;
            this.state = 'outside';
          }
          break;
        }
        case 'long': {
          if (!this.unescapeLong(final)) return;
          this.unescaped.push({ open: this.start - 1, close: this.quote, end: this.write, cuts: this.cuts });
          this.at = this.quote + 1;
          this.state = 'outside';
          break;
        }
        case 'done':
          return;
      }
    }
  }

  /**
   * The offset of the quote closing the string whose text starts at `start`, or LONG when it is long, UNTERMINATED
   * when the body has no closing quote, WAIT when the bytes in do not tell yet.
   */
  private stringEnd(final: boolean): number {
    const view = this.view;
    const start = this.start;
    for (;;) {
      const quote = view.indexOf(QUOTE, this.at);
      if (quote < 0) {
        // No quote in the first LONG_STRING_BYTES: long, if it ends at all (else unescaping it says unterminated).
        if (view.length - start >= LONG_STRING_BYTES) return LONG;
        if (final) return UNTERMINATED;
        this.at = view.length;
        return WAIT;
      }
      if (quote - start >= LONG_STRING_BYTES) return LONG;
      // Escaped when an odd number of backslashes precedes it.
      let k = quote - 1;
      while (k >= start && view[k] === BACKSLASH) k--;
      if ((quote - 1 - k) % 2 === 0) return quote;
      this.at = quote + 1;
    }
  }

  /** Unescapes the long string as far as the bytes in allow; true once its closing quote is reached (`quote`). */
  private unescapeLong(final: boolean): boolean {
    const view = this.view;
    const arrived = view.length;
    for (;;) {
      if (this.quote < 0) {
        const quote = view.indexOf(QUOTE, this.quoteFrom);
        if (quote >= 0) this.quote = quote;
        else this.quoteFrom = arrived;
      }
      const quote = this.quote;
      const backslash = view.indexOf(BACKSLASH, this.read);
      if (backslash >= 0 && (quote < 0 || backslash < quote)) {
        this.moveRunTo(backslash);
        // The escape may not be in whole yet.
        if (!final && backslash + LONGEST_ESCAPE_BYTES > arrived) return false;
        this.unescapeAt(backslash);
        continue;
      }
      if (quote >= 0) {
        this.moveRunTo(quote);
        return true;
      }
      if (final) throw new SyntaxError(`Unterminated string in JSON at position ${this.body.length}`);
      this.moveRunTo(arrived);
      return false;
    }
  }

  /** Moves the bytes from `read` to `to` (no escape among them) down to `write`. */
  private moveRunTo(to: number): void {
    if (this.write !== this.read) this.body.copyWithin(this.write, this.read, to);
    this.write += to - this.read;
    this.read = to;
  }

  /** Writes the character of the escape at `backslash` (= `read`) and reads past it. */
  private unescapeAt(backslash: number): void {
    const body = this.body;
    const escaped = body[backslash + 1];
    this.read = backslash + 2;
    switch (escaped) {
      case 0x6e: // n
        body[this.write++] = 0x0a;
        break;
      case QUOTE:
        body[this.write++] = QUOTE;
        // That quote was escaped: the string ends at a later one.
        this.quote = -1;
        this.quoteFrom = this.read;
        break;
      case BACKSLASH:
      case 0x2f: // /
        body[this.write++] = escaped;
        break;
      case 0x74: // t
        body[this.write++] = 0x09;
        break;
      case 0x72: // r
        body[this.write++] = 0x0d;
        break;
      case 0x62: // b
        body[this.write++] = 0x08;
        break;
      case 0x66: // f
        body[this.write++] = 0x0c;
        break;
      case 0x75: {
        // u: four hex digits.
        const hex = body.toString('latin1', this.read, this.read + 4);
        const bad = /[^0-9a-fA-F]|^.{0,3}$/.exec(hex);
        if (bad !== null) throw new SyntaxError(`Bad Unicode escape in JSON at position ${this.read + bad.index}`);
        const code = parseInt(hex, 16);
        this.read += 4;
        if (code < 0x80) body[this.write++] = code;
        else (this.cuts ??= []).push({ at: this.write, char: String.fromCharCode(code) });
        break;
      }
      default:
        throw new SyntaxError(`Bad escaped character in JSON at position ${backslash + 1}`);
    }
  }
}

const UNTERMINATED = -1;
const LONG = -2;
const WAIT = -3;

/** The text of an unescaped long string: its bytes from `start`, with the characters of its \u escapes past ASCII. */
function decode(body: Buffer, start: number, s: UnescapedString, encoding: 'latin1' | 'utf8'): string {
  if (s.cuts === undefined) return body.toString(encoding, start, s.end);
  // Runs of bytes between the characters of \u escapes (a surrogate pair's halves join as JSON.parse joins them).
  let text = '';
  let from = start;
  for (const cut of s.cuts) {
    text += body.toString(encoding, from, cut.at) + cut.char;
    from = cut.at;
  }
  return text + body.toString(encoding, from, s.end);
}

/** `value` with each marker string replaced by its long string's text (each met once, else a SyntaxError). */
function withLongStrings(value: unknown, long: readonly string[]): unknown {
  const byMarker = new Map(long.map((text, i) => [marker(i), text]));
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
