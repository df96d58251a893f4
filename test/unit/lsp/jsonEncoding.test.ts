/**
 * lsp/jsonEncoding.ts: the piecewise encoder writes JSON.stringify's text with every non-ASCII code unit as a `\uXXXX`
 * escape — all-ASCII bytes of the same JSON value vscode-jsonrpc's default encoder writes
 * (`Buffer.from(JSON.stringify(message), 'utf-8')`) — on real published diagnostics and on the values JSON.stringify
 * treats specially, and never stringifies a whole large message, or a large share of it, at once.
 */

import * as assert from 'node:assert/strict';
import { generateTtnnModule } from '../../../bench/generate';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features';
import * as handlers from '../../../server/src/lsp/handlers';
import { encodeJsonChunks } from '../../../server/src/lsp/jsonEncoding';
import type { AnalyzedDocument } from '../../../server/src/lsp/outcome';
import { handlerContext } from '../../support/handlerContext';

const URI = 'untitled:generated.mlir';

/** The publishDiagnostics notification the server sends for `text`, as the object the JSON-RPC writer encodes. */
async function publishMessage(text: string): Promise<{ message: object; nDiagnostics: number }> {
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  const analyzed: AnalyzedDocument = { uri: URI, version: 1, settingsGeneration: 0, outcome: { kind: 'ok', doc } };
  const ctx = handlerContext(() => Promise.resolve(analyzed));
  const items = (await handlers.diagnosticItems(ctx, URI))?.items ?? [];
  return {
    message: {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: URI, version: 1, diagnostics: items },
    },
    nDiagnostics: items.length,
  };
}

/** The encoder's chunks joined: the bytes the stdio writer sends after the header. */
function piecewiseEncoding(message: unknown): Buffer {
  return Buffer.concat(encodeJsonChunks(message));
}

function defaultEncoding(message: unknown): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf-8');
}

/** JSON.stringify's text with each non-ASCII UTF-16 code unit replaced by its escape, as Latin-1 (ASCII) bytes. */
function asciiEscapedEncoding(message: unknown): Buffer {
  const escaped = JSON.stringify(message).replace(
    /[\u0080-\uffff]/g,
    (unit) => '\\u' + unit.charCodeAt(0).toString(16).padStart(4, '0'),
  );
  return Buffer.from(escaped, 'latin1');
}

/** The encoder's bytes are the escaped text, all ASCII, and read back (as a client decodes them) as the default's value. */
function assertSameJsonInAscii(message: unknown): void {
  const ours = piecewiseEncoding(message);
  assert.ok(ours.equals(asciiEscapedEncoding(message)));
  assert.ok(
    ours.every((byte) => byte < 0x80),
    'a byte outside ASCII',
  );
  assert.deepStrictEqual(
    JSON.parse(ours.toString('utf-8')) as unknown,
    JSON.parse(defaultEncoding(message).toString('utf-8')) as unknown,
  );
}

describe('lsp/jsonEncoding: piecewise JSON-RPC message bytes', () => {
  it("writes the default encoder's JSON in ASCII for a publish of many diagnostics (with non-Latin-1 text)", async () => {
    const { message, nDiagnostics } = await publishMessage(generateTtnnModule({ nOps: 2000, seed: 1 }));
    const expected = defaultEncoding(message);
    // Enough diagnostics for many pieces, and text that makes the JSON two-byte (the case that motivated this).
    assert.ok(nDiagnostics > 100, `${nDiagnostics} diagnostics`);
    assert.ok(expected.length > 256 * 1024, `${expected.length} bytes`);
    assert.ok([...expected.toString('utf-8')].some((c) => c.codePointAt(0)! > 0xff));
    assertSameJsonInAscii(message);
  });

  it('writes what JSON.stringify writes (escaped to ASCII) for values it treats specially, at every depth', () => {
    const date = new Date(Date.UTC(2026, 11, 5));
    const special = {
      skipped: undefined,
      fn: () => 1,
      sym: Symbol('s'),
      nil: null,
      nan: Number.NaN,
      inf: -Infinity,
      date,
      withToJson: { toJSON: () => ({ replaced: true }) },
      arrayWithToJson: Object.assign([1, 2], { toJSON: () => 'array' }),
      boxed: [new String('s'), new Number(1), new Boolean(false)],
      inArray: [undefined, () => 1, Symbol('s'), null, 'x — y', '\u{1F600}', '\ud800 lone', '"quoted"\n'],
      // Non-ASCII runs (encoded apart from the ASCII around them): Latin-1 (two UTF-8 bytes, not its Latin-1 byte),
      // at either end, surrogate pairs and lone surrogates next to other non-ASCII characters, the last code unit.
      nonAscii: [
        'é',
        'aé',
        '\u0080x\u00ff',
        'ends —',
        '— starts',
        '\udc00',
        'a\ud83d',
        '\u{1F600}é—x',
        '\ufffF',
        'a→b—c',
      ],
      // One piece longer than an output chunk, with non-ASCII text inside and at its end.
      long: ['—'.repeat(100_000) + 'x'.repeat(300_000) + 'é'],
      // eslint-disable-next-line no-sparse-arrays -- a hole, which JSON.stringify writes as null
      sparse: [1, , 3],
      empty: { a: [], o: {} },
      nullProto: Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
      ordered: { 2: 'two', b: 'b', 1: 'one', a: 'a' },
    };
    const messages: unknown[] = [
      special,
      { result: special },
      { params: { nested: special } },
      { params: { items: [special, special] } },
      [special, [special, [special]]],
      'just a string — here',
      42,
      null,
    ];
    for (const message of messages) assertSameJsonInAscii(message);
  });

  it('writes the same JSON whichever chunk a piece starts or ends in, as chunks grow from small to full size', () => {
    // Pieces of lengths around the chunk sizes (2, 8, 32, 128, 256 KB), with escapes that straddle a boundary.
    for (const chars of [1, 2047, 2048, 2049, 6000, 8191, 10_241, 40_000, 131_073, 300_000])
      assertSameJsonInAscii({ jsonrpc: '2.0', id: 1, result: { contents: { value: `—${'x'.repeat(chars)}é—` } } });
    assertSameJsonInAscii({
      params: { items: Array.from({ length: 400 }, (_, i) => `item ${i} — ${'y'.repeat(i * 7)}`) },
    });
  });

  // A chunk of 256 KB per message was external memory of its own: 300 hovers in a row made 75 MB of it, which started
  // V8's marking of the whole heap in the middle of the bench's hovers (docs/internals.md, server/src/host: the hover
  // trace).
  it('gives a small answer a small buffer, and a large one buffers not much larger than its bytes', () => {
    const memoryOf = (chunks: readonly Buffer[]): number =>
      [...new Set(chunks.map((c) => c.buffer))].reduce((sum, b) => sum + b.byteLength, 0);
    // A hover answer of the bench's size (~0.6 KB) sits in one slice of Node's 8 KB Buffer pool.
    const hover = {
      jsonrpc: '2.0',
      id: 7,
      result: { contents: { kind: 'markdown', value: `**%1** — ${'z'.repeat(500)}` } },
    };
    const hoverChunks = encodeJsonChunks(hover);
    assert.equal(hoverChunks.length, 1);
    assert.ok(memoryOf(hoverChunks) <= 8 * 1024, `${memoryOf(hoverChunks)} bytes of buffers`);
    // 40 KB of JSON in one piece: the 2 KB first chunk, one of the piece's size, then a 32 KB one; not 256 KB ones.
    const medium = { result: 'w'.repeat(40_000) };
    const mediumChunks = encodeJsonChunks(medium);
    const bytes = mediumChunks.reduce((sum, c) => sum + c.length, 0);
    assert.ok(bytes > 40_000 && memoryOf(mediumChunks) < 4 * bytes, `${memoryOf(mediumChunks)} for ${bytes} bytes`);
  });

  // The pieces are a batch of diagnostics at most (lsp/jsonEncoding.ts BATCH_ELEMENTS, ~0.8 KB each): each stays a
  // regular young object (V8 puts objects over 128 KB, a two-byte string of 64k characters, in the large-object
  // space), and never a large share of the message.
  it('never stringifies more than a small batch of array elements of a large message at once', async () => {
    const { message } = await publishMessage(generateTtnnModule({ nOps: 2000, seed: 1 }));
    const wholeChars = JSON.stringify(message).length;
    const stringify = JSON.stringify;
    let longestChars = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      const text = stringify(...args);
      longestChars = Math.max(longestChars, text?.length ?? 0);
      return text;
    }) as typeof stringify;
    try {
      piecewiseEncoding(message);
    } finally {
      JSON.stringify = stringify;
    }
    assert.ok(wholeChars > 300_000, `${wholeChars} chars: not a large message`);
    assert.ok(
      longestChars > 0 && longestChars < 64 * 1024 && longestChars < wholeChars / 10,
      `${longestChars} of ${wholeChars} chars at once`,
    );
  });
});
