/**
 * The UTF-8 bytes of an outgoing JSON-RPC message (LSP's only charset): the same bytes as
 * `Buffer.from(JSON.stringify(message), 'utf-8')` (vscode-jsonrpc's default encoder), written member by member into
 * 256 KB chunks by the report's byte writer (host/jsonBytes.ts): keys, digits and strings byte by byte. No string of
 * the message or of a part of it is built. A publish of 23k diagnostics is 17.6 MB of JSON; as one string it is
 * two-byte (messages contain '—', so 35 MB), V8 builds it as a tree of parts and flattens it for the encoding (another
 * 35 MB), all in the large-object space: the server's peak RSS climbed by ~50 MB per keystroke until a full GC. One
 * `JSON.stringify` per diagnostic avoided that garbage but cost more (each piece with a '—' is a two-byte string,
 * encoded run by run): 439-495 ms for that publish against 313-349 ms member by member (first encoding in a process,
 * --single-threaded).
 */

import { JsonBytes } from '../host/jsonBytes';

// Bytes of one output chunk.
const CHUNK_BYTES = 256 * 1024;

/** The message's bytes as the chunks they were written into, for a writer that sends them one by one. */
export function encodeJsonChunks(message: unknown): Buffer[] {
  const encoded: Buffer[] = [];
  // Every chunk is kept (sent after the header, which needs the total length), so the writer starts a new one.
  const out = new JsonBytes((chunk) => {
    encoded.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    return 'kept';
  }, CHUNK_BYTES);
  out.value(message);
  out.flush();
  return encoded;
}
