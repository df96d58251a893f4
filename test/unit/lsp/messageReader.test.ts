/**
 * lsp/messageReader.ts: the stdio reader that reads each body into a buffer of its Content-Length as it arrives gives
 * the messages and errors vscode-jsonrpc's own stream reader gives, whatever the chunks the bytes come in.
 */

import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import * as lsp from 'vscode-languageserver/node';
import { PresizedStreamMessageReader } from '../../../server/src/lsp/messageReader';

function framed(message: unknown, headers = ''): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n${headers}\r\n`, 'ascii'), body]);
}

/** What a reader delivers (messages, then error messages) for `bytes` written in pieces cut at `cuts`. */
async function read(
  make: (stream: PassThrough) => lsp.MessageReader,
  bytes: Buffer,
  cuts: readonly number[],
): Promise<{ messages: unknown[]; errors: string[] }> {
  const stream = new PassThrough();
  const reader = make(stream);
  const messages: unknown[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    stream.write(bytes.subarray(from, cut));
    from = cut;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The library's reader delivers after its decoder's promise settles.
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setImmediate(resolve));
  return { messages, errors };
}

const ours = (s: PassThrough): lsp.MessageReader => new PresizedStreamMessageReader(s);
const library = (s: PassThrough): lsp.MessageReader => new lsp.StreamMessageReader(s);

describe('lsp/messageReader: presized stdio message reader', () => {
  const stream = Buffer.concat([
    framed({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
    framed(
      { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: '%0 = "ttnn.add"(%1) : () -> ()\n' } },
      'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n',
    ),
    // Non-ASCII: read as UTF-8 (an em dash and a character outside the BMP).
    framed({ jsonrpc: '2.0', method: 'x', params: { text: 'a — b 𝄞' } }),
    framed({ jsonrpc: '2.0', id: 2, result: null }),
  ]);

  it('delivers the messages the library reader does, for the bytes in one chunk or cut anywhere', async () => {
    const expected = await read(library, stream, []);
    assert.equal(expected.messages.length, 4);
    assert.deepEqual((expected.messages[2] as { params: { text: string } }).params.text, 'a — b 𝄞');
    assert.deepEqual(await read(ours, stream, []), expected);
    for (let cut = 1; cut < stream.length; cut += 7) {
      assert.deepEqual(await read(ours, stream, [cut]), expected, `cut at ${cut}`);
      assert.deepEqual(await read(ours, stream, [cut, Math.min(stream.length, cut + 3)]), expected, `cut at ${cut}+3`);
    }
    // Byte by byte: headers and a UTF-8 sequence split across chunks.
    const everyByte = Array.from({ length: stream.length - 1 }, (_, i) => i + 1);
    assert.deepEqual(await read(ours, stream, everyByte), expected);
  });

  it('reads on after a message whose handling throws, reporting the throw, as the library does', async () => {
    for (const make of [library, ours]) {
      const s = new PassThrough();
      const reader = make(s);
      const seen: unknown[] = [];
      const errors: string[] = [];
      reader.onError((e) => errors.push(e.message));
      reader.listen((m) => {
        seen.push(m);
        if (seen.length === 1) throw new Error('handler failed');
      });
      s.write(stream);
      for (let i = 0; i < 6; i++) await new Promise((resolve) => setImmediate(resolve));
      assert.equal(seen.length, 4);
      assert.deepEqual(errors, ['handler failed']);
    }
  });

  it('reports what the library reports for a header without Content-Length, a bad header line or a bad body', async () => {
    const cases = [
      Buffer.from('Content-Type: x\r\n\r\n', 'ascii'),
      Buffer.from('Content-Length: abc\r\n\r\n', 'ascii'),
      Buffer.from('no colon\r\n\r\n', 'ascii'),
      Buffer.from('Content-Length: 3\r\n\r\n{x}', 'ascii'),
    ];
    for (const bytes of cases) {
      const expected = await read(library, bytes, []);
      assert.equal(expected.errors.length, 1, bytes.toString());
      assert.deepEqual(await read(ours, bytes, []), expected, bytes.toString());
    }
  });
});
