/**
 * vscode-jsonrpc's stream reader for the stdio transport, reading each message's body into a buffer of its
 * Content-Length as the chunks arrive. The library's reader keeps the chunks and joins them once the last one is in:
 * a didOpen of the 100k-op dump (22 MB) was then copied (first touches of 22 MB of fresh memory), decoded and parsed
 * after the last byte, on the path to the first diagnostics; here the copy happens while the rest of the body is still
 * arriving, and an all-ASCII body (a dump's is) is decoded as Latin-1, which for ASCII is the same text. A body over
 * 1 MB is parsed by `longStrings.parseJsonBody`: its long strings (the document's text) unescaped in place and decoded
 * once, with no string of the whole body.
 * Same messages, in the same order, and the same errors as the library's reader (headers `key: value` lines ending in
 * an empty line, `Content-Length` required; the body is UTF-8 JSON), but for a long string's leniency (longStrings.ts).
 */

import { isAscii } from 'node:buffer';
import * as lsp from 'vscode-languageserver/node';
import { LONG_BODY_BYTES, LongStringUnescaper, parseJsonBody } from './longStrings';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

export class PresizedStreamMessageReader extends lsp.AbstractMessageReader implements lsp.MessageReader {
  /** Bytes of a header not yet ended, or undefined between messages. */
  private header: Buffer | undefined;
  /** The body being read, allocated at its Content-Length, and how much of it has arrived. */
  private body: Buffer | undefined;
  private bodyBytes = 0;
  private bodyAscii = true;
  /** A long body's long strings, unescaped as its chunks arrive. */
  private unescaper: LongStringUnescaper | undefined;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: lsp.DataCallback): lsp.Disposable {
    const onData = (data: Buffer): void => {
      try {
        this.onData(data, callback);
      } catch (error) {
        this.fireError(error);
      }
    };
    const onError = (error: unknown): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    return lsp.Disposable.create(() => {
      this.stream.off('data', onData);
      this.stream.off('error', onError);
      this.stream.off('close', onClose);
    });
  }

  private onData(data: Buffer, callback: lsp.DataCallback): void {
    let at = 0;
    while (at < data.length) {
      if (this.body === undefined) {
        const held = this.header?.length ?? 0;
        const pending = this.header === undefined ? data.subarray(at) : Buffer.concat([this.header, data.subarray(at)]);
        const end = pending.indexOf(HEADER_END);
        if (end < 0) {
          // A copy: the stream may reuse the chunk's memory.
          this.header = Buffer.from(pending);
          return;
        }
        this.header = undefined;
        at += end + HEADER_END.length - held;
        const length = this.contentLengthOf(pending.toString('ascii', 0, end));
        if (length === undefined) continue;
        this.body = Buffer.allocUnsafe(length);
        this.bodyBytes = 0;
        this.bodyAscii = true;
        this.unescaper = length >= LONG_BODY_BYTES ? new LongStringUnescaper(this.body) : undefined;
      }
      const body = this.body;
      const n = Math.min(body.length - this.bodyBytes, data.length - at);
      if (n > 0) {
        const piece = data.subarray(at, at + n);
        if (this.bodyAscii && !isAscii(piece)) this.bodyAscii = false;
        piece.copy(body, this.bodyBytes);
        this.bodyBytes += n;
        at += n;
      }
      if (this.bodyBytes < body.length) {
        this.unescaper?.advance(this.bodyBytes);
        return;
      }
      this.body = undefined;
      const unescaper = this.unescaper;
      this.unescaper = undefined;
      let message: lsp.Message;
      try {
        message = parseJsonBody(body, this.bodyAscii ? 'latin1' : 'utf8', unescaper) as lsp.Message;
      } catch (error) {
        this.fireError(error);
        continue;
      }
      // A throw while the message is handled is reported and the rest of the chunk still read, as the library does.
      try {
        callback(message);
      } catch (error) {
        this.fireError(error);
      }
    }
  }

  /** The header's Content-Length, or undefined after reporting why there is none (as the library's reader does). */
  private contentLengthOf(headerText: string): number | undefined {
    return contentLength(headerText, (error) => this.fireError(error));
  }
}

/**
 * The Content-Length of a header block (its lines without the final empty one), as the library reads it: each line
 * `key: value` (else an error is thrown), keys compared in lower case, the value read by parseInt.
 */
function contentLength(headerText: string, report?: (error: Error) => void): number | undefined {
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) throw new Error(`Message header must separate key and value using ':'\n${line}`);
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const value = headers.get('content-length');
  if (!value) {
    report?.(
      new Error(`Header must provide a Content-Length property.\n${JSON.stringify(Object.fromEntries(headers))}`),
    );
    return undefined;
  }
  const length = parseInt(value);
  if (isNaN(length)) {
    report?.(new Error(`Content-Length value must be a number. Got ${value}`));
    return undefined;
  }
  return length;
}
