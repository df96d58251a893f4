/**
 * JSON text written straight into UTF-8 bytes: one buffer, handed to a sink whenever it fills and reused when the
 * sink is done with it. The CLI's streamed reports (cli/report.ts, cli/render.ts) write each record here member by
 * member, so no string of a record is built, flattened and encoded (V8 flattens a concatenation before `Buffer.write`
 * can encode it). The server's encoder (lsp/jsonEncoding.ts) does not use it (see docs/internals.md, host).
 */

/**
 * Takes one chunk of output. Returns 'kept' when it still holds the chunk after returning, so the writer must not
 * write into it again; 'done' when it has finished with it (written synchronously, or copied).
 */
export type ChunkSink = (chunk: Uint8Array) => 'kept' | 'done';

/**
 * A sink over a Node writable stream. Node writes stdout to a file synchronously, but to a pipe asynchronously on
 * Linux too (a write the pipe cannot take at once is queued with the caller's buffer): a write the stream has not
 * finished when `write` returns (`writableLength > 0`) keeps the chunk.
 */
export function streamSink(stream: { write(chunk: Uint8Array): unknown; readonly writableLength: number }): ChunkSink {
  return (chunk) => {
    stream.write(chunk);
    return stream.writableLength > 0 ? 'kept' : 'done';
  };
}

// Chunks of at most this many bytes go to the sink: few system calls, no buffer of the whole report.
export const JSON_CHUNK_BYTES = 1 << 17;

const NO_BYTES = new Uint8Array(0);
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with a receiver (`asciiString`)
const charCodeAt = String.prototype.charCodeAt;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;
// `JSON.stringify(value, null, 2)`.
const INDENT_SPACES = 2;
const BACKSLASH = 0x5c;
const DIGIT_0 = 0x30;
// At most 3 UTF-8 bytes per UTF-16 code unit (a surrogate pair's 4 bytes are 2 units).
const MAX_UTF8_BYTES_PER_UNIT = 3;
// 2^53 - 1 has 16 digits.
const MAX_SAFE_INTEGER_DIGITS = 16;

/**
 * A character JSON.stringify escapes (a quote, a backslash, a control character) or a surrogate (escaped when lone;
 * the rare pair goes that way too). A regular expression scans a long text several times faster than a loop.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
// Texts shorter than this are scanned and copied by `asciiString`; longer ones by ESCAPED and Buffer's encoder.
const SHORT_TEXT_UNITS = 24;
// Parts of at most this many bytes are copied by `bytes` in a loop.
const SHORT_PART_BYTES = 48;

/** An array whose items are made one at a time as they are written (`JsonBytes.indented`), not held at once. */
export class StreamedArray {
  constructor(readonly forEach: (write: (item: unknown) => void) => void) {}
}

/**
 * A `{...}` object JSON.stringify writes as its own enumerable keys: no prototype but Object's (no inherited keys), no
 * `toJSON` of its own.
 */
function isObjectLiteral(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    !hasToJson(value)
  );
}

/** Whether JSON.stringify writes `value` through its own `toJSON`. */
export function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** A member JSON.stringify leaves out of an object, and writes as null in an array. */
export function omittedByJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * UTF-8 bytes in one buffer. With a sink, the buffer is passed on whenever it is full (`flush` passes the rest);
 * without one, it is a page of parts that `take` returns (record parts kept to be copied into many records), and a
 * full page is followed by a new one.
 */
export class JsonBytes {
  private chunk: Buffer;
  private used = 0;
  /** Where the part `take` returns next starts (a writer without a sink). */
  private partStart = 0;

  constructor(
    private readonly sink: ChunkSink | undefined,
    capacityBytes = JSON_CHUNK_BYTES,
  ) {
    // Room for any number's digits, written without a flush in between.
    this.chunk = Buffer.allocUnsafe(Math.max(capacityBytes, MAX_SAFE_INTEGER_DIGITS));
  }

  /** Text known to be ASCII (punctuation, keys), written as is. */
  ascii(text: string): void {
    if (!this.room(text.length)) return this.writeLarge(text);
    const chunk = this.chunk;
    let at = this.used;
    for (let i = 0; i < text.length; i++) chunk[at++] = text.charCodeAt(i);
    this.used = at;
  }

  /** Any text, written as UTF-8 as is (e.g. JSON.stringify's output). */
  utf8(text: string): void {
    if (!this.room(MAX_UTF8_BYTES_PER_UNIT * text.length)) return this.writeLarge(text);
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /**
   * `JSON.stringify(text)`. Texts with nothing to escape are copied (a short one byte by byte, a long one by Buffer's
   * encoder: a JavaScript loop over every unit doubled the 300k-op report's string writing, 141 -> 446 ms); JSON.stringify
   * is left the rare text with a character to escape.
   */
  string(text: string): void {
    if (!this.room(MAX_UTF8_BYTES_PER_UNIT * text.length + 2)) return this.utf8(JSON.stringify(text));
    if (text.length < SHORT_TEXT_UNITS) {
      if (!this.asciiString(text)) this.utf8(JSON.stringify(text));
      return;
    }
    if (ESCAPED.test(text)) return this.utf8(JSON.stringify(text));
    const chunk = this.chunk;
    let at = this.used;
    chunk[at++] = QUOTE;
    at += chunk.write(text, at, 'utf8');
    chunk[at++] = QUOTE;
    this.used = at;
  }

  /**
   * A short text written between quotes byte by byte when it is printable ASCII with nothing to escape (names,
   * results); false, with nothing written, when it is not. Cheaper than two calls into Buffer for a few characters.
   */
  private asciiString(text: string): boolean {
    const chunk = this.chunk;
    let at = this.used;
    chunk[at++] = QUOTE;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      // Called on String.prototype's own function: `text.charCodeAt` looked the method up by the text's map, which varies
      // (flat, sliced, concatenated, internalized), a megamorphic load per character.
      const c = charCodeAt.call(text, i);
      if (c < 0x20 || c >= 0x80 || c === QUOTE || c === BACKSLASH) return false;
      chunk[at++] = c;
    }
    chunk[at++] = QUOTE;
    this.used = at;
    return true;
  }

  /** `JSON.stringify(n)`: a non-negative safe integer as digits, without a string; anything else through it. */
  number(n: number): void {
    if (!(Number.isSafeInteger(n) && n >= 0)) return this.ascii(JSON.stringify(n));
    this.room(MAX_SAFE_INTEGER_DIGITS);
    let digits = 1;
    for (let power = 10; power <= n; power *= 10) digits++;
    const chunk = this.chunk;
    let at = this.used + digits;
    this.used = at;
    do {
      chunk[--at] = DIGIT_0 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /**
   * `"name":`, after a comma unless it is the object's first member, for a name of printable ASCII with nothing to
   * escape (a record's field names): written as is.
   */
  fieldName(name: string, first: boolean): void {
    // One room check and one loop for the name and its punctuation: this runs for every member of every record.
    if (!this.room(name.length + 4)) return this.ascii(`${first ? '' : ','}"${name}":`);
    const chunk = this.chunk;
    let at = this.used;
    if (!first) chunk[at++] = COMMA;
    chunk[at++] = QUOTE;
    for (let i = 0; i < name.length; i++) chunk[at++] = name.charCodeAt(i);
    chunk[at++] = QUOTE;
    chunk[at++] = COLON;
    this.used = at;
  }

  /**
   * `JSON.stringify(value)` of any value it writes something for (not undefined, a function or a symbol): plain data —
   * numbers, strings, booleans, null, arrays and object literals of them, as the report's records are — written member
   * by member; anything else (a Date, a boxed value, an object with toJSON or without a
   * prototype) through JSON.stringify.
   */
  value(value: unknown): void {
    if (typeof value === 'number') this.number(value);
    else if (typeof value === 'string') this.string(value);
    else if (typeof value === 'boolean') this.ascii(value ? 'true' : 'false');
    else if (value === null) this.ascii('null');
    else if (Array.isArray(value) && !hasToJson(value)) this.array(value);
    else if (isObjectLiteral(value)) this.object(value);
    else this.utf8(JSON.stringify(value));
  }

  private array(items: readonly unknown[]): void {
    this.ascii('[');
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.ascii(',');
      // JSON.stringify writes an absent element (a hole, undefined, a function, a symbol) as null.
      if (omittedByJson(items[i])) this.ascii('null');
      else this.value(items[i]);
    }
    this.ascii(']');
  }

  private object(members: Record<string, unknown>): void {
    this.ascii('{');
    let first = true;
    // An object literal inherits no enumerable key, and `for in` lists its own in JSON.stringify's order.
    for (const key in members) {
      const member = members[key];
      if (omittedByJson(member)) continue;
      if (!first) this.ascii(',');
      first = false;
      this.string(key);
      this.ascii(':');
      this.value(member);
    }
    this.ascii('}');
  }

  /**
   * `JSON.stringify(value, null, 2)` for plain data (as `value`), starting on a line indented `depth` levels; the
   * items of a `StreamedArray` are made as they are written.
   */
  indented(value: unknown, depth = 0): void {
    if (value instanceof StreamedArray || (Array.isArray(value) && !hasToJson(value))) {
      let count = 0;
      const item = (element: unknown): void => {
        this.ascii(count++ === 0 ? '[\n' : ',\n');
        this.spaces(INDENT_SPACES * (depth + 1));
        // JSON.stringify writes an absent element as null.
        if (omittedByJson(element)) this.ascii('null');
        else this.indented(element, depth + 1);
      };
      if (value instanceof StreamedArray) value.forEach(item);
      else for (let i = 0; i < value.length; i++) item(value[i]);
      if (count === 0) return this.ascii('[]');
      this.ascii('\n');
      this.spaces(INDENT_SPACES * depth);
      this.ascii(']');
    } else if (isObjectLiteral(value)) {
      let first = true;
      for (const key in value) {
        const member = value[key];
        if (omittedByJson(member)) continue;
        this.ascii(first ? '{\n' : ',\n');
        first = false;
        this.spaces(INDENT_SPACES * (depth + 1));
        this.string(key);
        this.ascii(': ');
        this.indented(member, depth + 1);
      }
      if (first) return this.ascii('{}');
      this.ascii('\n');
      this.spaces(INDENT_SPACES * depth);
      this.ascii('}');
    } else if (typeof value === 'object' && value !== null) {
      // Not plain data (a Date, a boxed value, toJSON, no prototype): JSON.stringify's text, its lines indented here.
      this.utf8(JSON.stringify(value, null, INDENT_SPACES).replace(/\n/g, '\n' + ' '.repeat(INDENT_SPACES * depth)));
    } else {
      this.value(value);
    }
  }

  private spaces(count: number): void {
    while (count > 0) {
      const n = Math.min(count, this.chunk.length);
      this.room(n);
      this.chunk.fill(SPACE, this.used, this.used + n);
      this.used += n;
      count -= n;
    }
  }

  /** Bytes written as is (a part made by a sinkless writer's `take`; never written into afterwards). */
  bytes(part: Uint8Array): void {
    const n = part.length;
    if (!this.room(n)) {
      this.sink!(part);
      return;
    }
    // A short part (a record's recurring member) byte by byte: a call into TypedArray's set costs more.
    if (n <= SHORT_PART_BYTES) {
      const chunk = this.chunk;
      let at = this.used;
      for (let i = 0; i < n; i++) chunk[at++] = part[i]!;
      this.used = at;
      return;
    }
    this.chunk.set(part, this.used);
    this.used += n;
  }

  /**
   * The bytes written since the last `take` (a writer without a sink). They stay where they were written and are never
   * written into again: a view, no copy.
   */
  take(): Uint8Array {
    if (this.used === this.partStart) return NO_BYTES;
    const part = new Uint8Array(this.chunk.buffer, this.chunk.byteOffset + this.partStart, this.used - this.partStart);
    this.partStart = this.used;
    return part;
  }

  /** Passes what is written to the sink. */
  flush(): void {
    if (this.used === 0 || this.sink === undefined) return;
    const use = this.sink(this.chunk.subarray(0, this.used));
    // A kept chunk belongs to the sink now: write on into a new one.
    if (use === 'kept') this.chunk = Buffer.allocUnsafe(this.chunk.length);
    this.used = 0;
  }

  /** Whether `bytes` more fit in the chunk, after flushing or growing it if need be. */
  private room(bytes: number): boolean {
    if (this.used + bytes <= this.chunk.length) return true;
    if (this.sink === undefined) {
      // A new page for the part being written: earlier parts stay in the pages they were taken from.
      const partBytes = this.used - this.partStart;
      const page = Buffer.allocUnsafe(Math.max(this.chunk.length, 2 * (partBytes + bytes)));
      this.chunk.copy(page, 0, this.partStart, this.used);
      this.chunk = page;
      this.partStart = 0;
      this.used = partBytes;
      return true;
    }
    this.flush();
    return bytes <= this.chunk.length;
  }

  /** Text longer than a chunk (after a flush): its own buffer to the sink. */
  private writeLarge(text: string): void {
    this.sink!(Buffer.from(text, 'utf8'));
  }
}
