/**
 * The bytes of an outgoing JSON-RPC message, built piece by piece: the same bytes as
 * `Buffer.from(JSON.stringify(message), charset)` (vscode-jsonrpc's default encoder), without the message's whole text
 * as one string. A publish of 23k diagnostics is 17.6 MB of JSON; as one string it is two-byte (messages contain '—',
 * so 35 MB), V8 builds it as a tree of parts and flattens it for the encoding (another 35 MB), all in the large-object
 * space: the server's peak RSS climbed by ~50 MB per keystroke until a full GC, 1,147 MB after 20 (bench/lspBench.ts
 * keystrokes on the generated 100k-op dump). Built from small pieces, that garbage dies young.
 */

/** Levels of plain objects and arrays written piece by piece; below, each value is one `JSON.stringify`. */
// A message is {jsonrpc, params|result: {…, diagnostics|items: [ … ]}}: each array element is one piece at depth 3.
const PIECEWISE_DEPTH = 3;

// UTF-16 code units gathered before encoding them: small enough to stay in V8's young generation.
const PIECE_CHARS = 64 * 1024;

export function encodeJsonPiecewise(message: unknown, charset: BufferEncoding): Buffer {
  const encoded: Buffer[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const emit = (text: string): void => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= PIECE_CHARS) flush();
  };
  const flush = (): void => {
    if (pendingChars > 0) encoded.push(Buffer.from(pending.join(''), charset));
    pending = [];
    pendingChars = 0;
  };

  const write = (value: unknown, depth: number): void => {
    if (depth < PIECEWISE_DEPTH && Array.isArray(value) && !hasToJson(value)) {
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
  flush();
  return encoded.length === 1 ? encoded[0] : Buffer.concat(encoded);
}

/** Values JSON.stringify writes nothing for (a member with one is left out). */
function omittedByJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An object JSON.stringify writes as its own enumerable keys (not a Date, boxed primitive or anything with toJSON). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !hasToJson(value);
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
