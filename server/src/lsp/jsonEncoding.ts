/**
 * The UTF-8 bytes of an outgoing JSON-RPC message (LSP's only charset), built piece by piece: the same bytes as
 * `Buffer.from(JSON.stringify(message), 'utf-8')` (vscode-jsonrpc's default encoder), without the message's whole text
 * as one string. A publish of 23k diagnostics is 17.6 MB of JSON; as one string it is two-byte (messages contain '—',
 * so 35 MB), V8 builds it as a tree of parts and flattens it for the encoding (another 35 MB), all in the large-object
 * space: the server's peak RSS climbed by ~50 MB per keystroke until a full GC, 1,147 MB after 20 (bench/lspBench.ts
 * keystrokes on the generated 100k-op dump). Built from small pieces, that garbage dies young. The pieces are written
 * into output chunks as they come (see NON_ASCII for how).
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

/** The message's bytes as the chunks they were written into, for a writer that sends them one by one. */
export function encodeJsonChunks(message: unknown): Buffer[] {
  const encoded: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  const finishChunk = (): void => {
    if (used > 0) encoded.push(chunk.subarray(0, used));
    used = 0;
  };
  const room = (bytes: number): void => {
    if (used + bytes <= chunk.length) return;
    finishChunk();
    chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
  };
  const emit = (text: string): void => {
    NON_ASCII.lastIndex = 0;
    let run = NON_ASCII.exec(text);
    if (run === null) {
      room(text.length);
      used += chunk.write(text, used, 'latin1');
      return;
    }
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    room(text.length * 3);
    let from = 0;
    while (run !== null) {
      if (run.index > from) used += chunk.write(text.slice(from, run.index), used, 'latin1');
      used += chunk.write(run[0], used, 'utf-8');
      from = run.index + run[0].length;
      run = NON_ASCII.exec(text);
    }
    if (from < text.length) used += chunk.write(text.slice(from), used, 'latin1');
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
 * Runs of non-ASCII UTF-16 code units (surrogates included, so a pair stays in one run). Outside them JSON text is
 * ASCII, whose UTF-8 bytes are its Latin-1 bytes, which V8 copies out of any string fast; UTF-8 out of a two-byte
 * string goes character by character, 5-10x slower, and one '—' in a message makes a whole piece two-byte (15k of
 * the generated 100k dump's 23k diagnostics). A run is encoded as UTF-8 on its own: it is bounded by ASCII (or the
 * text's ends), so a lone surrogate in it is lone in the text too and becomes U+FFFD either way.
 */
const NON_ASCII = /[\u0080-\uffff]+/g;

/** An object JSON.stringify writes as its own enumerable keys (not a Date, boxed primitive or anything with toJSON). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !hasToJson(value);
}
