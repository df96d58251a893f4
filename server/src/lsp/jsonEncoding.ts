/**
 * The bytes of an outgoing JSON-RPC message, built piece by piece: the text `JSON.stringify(message)` writes, with every
 * non-ASCII UTF-16 code unit written as a `\uXXXX` escape (lowercase hex, as JSON.stringify writes its own escapes), so
 * the bytes are all ASCII: the same JSON value as vscode-jsonrpc's default encoder (`Buffer.from(JSON.stringify(message),
 * 'utf-8')`), and the same UTF-8 (LSP's only charset). Why ASCII: the client's reader (vscode-jsonrpc, VS Code's
 * too) decodes the whole body with `toString('utf-8')` and then `JSON.parse`s it. A publish of 23k diagnostics is
 * 18 MB of JSON with 16k '—' in it: as UTF-8 that body decodes to a two-byte string of 36 MB, which decoded and parsed
 * ~1.4-2x slower in the client than the ASCII body (+48 KB of escapes), which decodes to a one-byte string (bench
 * figures in docs/internals.md). Non-ASCII text appears only inside JSON strings, where an escape means the same
 * character. Without the whole text as one string: as one string the publish is two-byte (35 MB), V8 builds it as a
 * tree of parts and flattens it for the encoding (another 35 MB), all in the large-object space: the server's peak RSS
 * climbed by ~50 MB per keystroke until a full GC, 1,147 MB after 20 (bench/lspBench.ts keystrokes on the generated
 * 100k-op dump). Built from small pieces, that garbage dies young. The pieces are written into output chunks as they
 * come (see NON_ASCII for how).
 */

import { hasToJson, omittedByJson } from '../host/jsonBytes';

/**
 * Levels of plain objects and arrays written piece by piece; below, values are written by `JSON.stringify`, the
 * elements of an array at the last piecewise level `BATCH_ELEMENTS` per call.
 */
// A message is {jsonrpc, params|result: {…, diagnostics|items: [ … ]}}: the array's elements are at depth 3.
const PIECEWISE_DEPTH = 3;

// Elements of the deepest piecewise array written by one JSON.stringify (diagnostics: ~0.8 KB each).
const BATCH_ELEMENTS = 32;

// Bytes of one output chunk: small pieces are written straight into it (no joined string per chunk).
const CHUNK_BYTES = 256 * 1024;

// Bytes of a message's first chunk; each next one is 4x the last, up to CHUNK_BYTES (or a piece's bytes if more).
// Most answers (a hover: ~0.6 KB) fit in it, a slice of Node's Buffer pool (under half its 8 KB). A 256 KB chunk per
// message was external memory of its own: 300 hovers in a row made 75 MB of it, a scavenge every ~128 hovers, and,
// right after the first publish of a large document, enough external memory to start V8's incremental marking of the
// whole (~170 MB) heap in the middle of the hovers (docs/internals.md, server/src/host: the hover trace).
const FIRST_CHUNK_BYTES = 2 * 1024;

/** The message's bytes as the chunks they were written into, for a writer that sends them one by one. */
export function encodeJsonChunks(message: unknown): Buffer[] {
  const encoded: Buffer[] = [];
  let chunkBytes = FIRST_CHUNK_BYTES;
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  const finishChunk = (): void => {
    if (used > 0) encoded.push(chunk.subarray(0, used));
    used = 0;
  };
  const room = (bytes: number): void => {
    if (used + bytes <= chunk.length) return;
    finishChunk();
    chunkBytes = Math.min(CHUNK_BYTES, 4 * chunkBytes);
    chunk = Buffer.allocUnsafe(Math.max(chunkBytes, bytes));
  };
  const latin1 = (text: string): void => {
    room(text.length);
    used += chunk.write(text, used, 'latin1');
  };
  const emit = (text: string): void => {
    NON_ASCII.lastIndex = 0;
    let run = NON_ASCII.exec(text);
    if (run === null) return latin1(text);
    let from = 0;
    while (run !== null) {
      if (run.index > from) latin1(text.slice(from, run.index));
      from = run.index + run[0].length;
      room(6 * run[0].length);
      for (let i = run.index; i < from; i++) used = writeEscape(chunk, used, text.charCodeAt(i));
      run = NON_ASCII.exec(text);
    }
    if (from < text.length) latin1(text.slice(from));
  };

  const write = (value: unknown, depth: number): void => {
    if (depth === PIECEWISE_DEPTH - 1 && Array.isArray(value) && !hasToJson(value)) {
      // The elements JSON.stringify writes whole, a batch at a time: one call per element (23k diagnostics) cost more
      // in calls than in bytes. A batch's text is its elements' texts joined by commas, so the bytes are the same.
      emit('[');
      for (let i = 0; i < value.length; i += BATCH_ELEMENTS) {
        if (i > 0) emit(',');
        const batch = JSON.stringify(value.slice(i, i + BATCH_ELEMENTS));
        emit(batch.slice(1, -1));
      }
      emit(']');
    } else if (depth < PIECEWISE_DEPTH && Array.isArray(value) && !hasToJson(value)) {
      emit('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) emit(',');
        // An element JSON.stringify leaves out (undefined, a function) is written as null inside an array.
        if (omittedByJson(value[i])) emit('null');
        else write(value[i], depth + 1);
      }
      emit(']');
    } else if (depth < PIECEWISE_DEPTH && isPlainObject(value)) {
      emit('{');
      let first = true;
      for (const key of Object.keys(value)) {
        const member = value[key];
        if (omittedByJson(member)) continue;
        emit(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
        first = false;
        write(member, depth + 1);
      }
      emit('}');
    } else {
      emit(JSON.stringify(value));
    }
  };

  write(message, 0);
  finishChunk();
  return encoded;
}

/**
 * Runs of non-ASCII UTF-16 code units (surrogates included). Outside them JSON text is ASCII, whose bytes are its
 * Latin-1 bytes, which V8 copies out of any string fast; each unit of a run is written as its escape. A lone surrogate
 * never gets here: JSON.stringify escapes it itself.
 */
const NON_ASCII = /[\u0080-\uffff]+/g;

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** Writes `\uXXXX` for the code unit at `at`; returns the offset after it. */
function writeEscape(chunk: Buffer, at: number, unit: number): number {
  chunk[at] = 0x5c; // '\'
  chunk[at + 1] = 0x75; // 'u'
  chunk[at + 2] = HEX_DIGITS[(unit >> 12) & 15]!;
  chunk[at + 3] = HEX_DIGITS[(unit >> 8) & 15]!;
  chunk[at + 4] = HEX_DIGITS[(unit >> 4) & 15]!;
  chunk[at + 5] = HEX_DIGITS[unit & 15]!;
  return at + 6;
}

/** An object JSON.stringify writes as its own enumerable keys (not a Date, boxed primitive or anything with toJSON). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !hasToJson(value);
}
