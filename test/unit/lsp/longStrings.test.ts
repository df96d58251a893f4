/**
 * lsp/longStrings.ts: a large message body parsed with its long strings unescaped in place gives the value
 * `JSON.parse` gives for the body's text, whatever the escapes, encodings and places of the long strings.
 */

import * as assert from 'node:assert/strict';
import { LONG_BODY_BYTES, LongStringUnescaper, parseJsonBody } from '../../../server/src/lsp/longStrings';

/** `JSON.parse` of the body's text and `parseJsonBody` of a copy of it (which it may rewrite). */
function bothWays(json: string): { expected: unknown; actual: unknown } {
  const body = Buffer.from(json, 'utf8');
  const encoding = body.length === json.length ? 'latin1' : 'utf8';
  const expected: unknown = JSON.parse(body.toString(encoding));
  return { expected, actual: parseJsonBody(Buffer.from(body), encoding) };
}

/**
 * `parseJsonBody` of the body as the reader gives it: copied chunk by chunk (cut at `cuts`) into a buffer of its
 * length whose bytes not yet written are quotes and backslashes (what a search past the bytes in would trip on),
 * the unescaper advanced after each chunk.
 */
function chunked(json: string, cuts: readonly number[]): unknown {
  const bytes = Buffer.from(json, 'utf8');
  const encoding = bytes.length === json.length ? 'latin1' : 'utf8';
  const body = Buffer.alloc(bytes.length, '"\\u');
  const unescaper = new LongStringUnescaper(body);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    bytes.copy(body, from, from, cut);
    from = cut;
    if (cut < bytes.length) unescaper.advance(cut);
  }
  return parseJsonBody(body, encoding, unescaper);
}

/** Cuts every `step` bytes, and around every offset in `near` (one byte either side). */
function cutsOf(length: number, step: number, near: readonly number[] = []): number[] {
  const cuts = new Set<number>();
  for (let at = step; at < length; at += step) cuts.add(at);
  for (const at of near) for (const d of [-1, 0, 1, 2, 5]) if (at + d > 0 && at + d < length) cuts.add(at + d);
  return [...cuts].sort((a, b) => a - b);
}

/** A text of about `n` characters drawn from `alphabet` by a fixed linear congruential sequence. */
function textOf(n: number, alphabet: readonly string[], seed: number): string {
  let x = seed;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    parts.push(alphabet[(x >>> 8) % alphabet.length]!);
  }
  return parts.join('');
}

// Every character JSON.stringify escapes (quote, backslash, the control characters), ASCII, Latin-1, other BMP
// characters and a surrogate pair.
const ASCII = ['a', 'b', ' ', '%', '0', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '{', '}'];
const WIDE = [...ASCII, 'é', '\u00ff', '—', '\u2028', '𝄞'];

describe('lsp/longStrings: large bodies parsed with long strings unescaped in place', () => {
  it('gives JSON.parse value for a didOpen of a dump-sized text (ASCII and UTF-8)', () => {
    for (const [alphabet, seed] of [
      [ASCII, 1],
      [WIDE, 2],
    ] as const) {
      const text = textOf(LONG_BODY_BYTES, alphabet, seed);
      const message = {
        jsonrpc: '2.0',
        method: 'textDocument/didOpen',
        params: { textDocument: { uri: 'file:///a "b".mlir', languageId: 'mlir', version: 1, text } },
      };
      const { expected, actual } = bothWays(JSON.stringify(message));
      assert.deepEqual(actual, expected);
      assert.equal((actual as typeof message).params.textDocument.text, text);
    }
  });

  it('finds long strings anywhere: first or last member, in arrays, several, beside short strings that end in backslashes', () => {
    const long = (seed: number): string => textOf(70_000, WIDE, seed);
    const cases: unknown[] = [
      { text: long(3), uri: 'x\\', pad: long(4).repeat(16) },
      [long(5), 'short \\\\', { a: [long(6), 1, null, true] }, long(7)],
      { nested: { deeper: [[[long(9)]]] }, n: -1.5e3, s: '"\\"' },
      { contentChanges: [{ text: long(10).repeat(8) }], textDocument: { uri: 'u', version: 2 } },
    ];
    const texts = cases.map((value) => JSON.stringify(value));
    // A "__proto__" key is an own property in JSON.parse's value (a JS literal would set the prototype instead).
    texts.push(`{"__proto__":${JSON.stringify(long(8))},"x":{"__proto__":[${JSON.stringify(long(13))}]}}`);
    for (const json of texts) {
      // Padded (JSON allows trailing white space) to a body long enough to take this path.
      const { expected, actual } = bothWays(json.padEnd(LONG_BODY_BYTES + 10, ' '));
      assert.deepEqual(actual, expected);
      assert.deepEqual(Object.keys(actual as object), Object.keys(expected as object));
    }
  });

  it('reads \\u escapes as JSON.parse does (upper and lower case hex, surrogates, lone surrogates)', () => {
    const escapes = ['\\u0041', '\\u00e9', '\\u00E9', '\\u2014', '\\ud834\\udd1e', '\\ud800', '\\u0000', '\\u007f'];
    const text = textOf(80_000, ['a', '\\n', '\\"', ...escapes], 11);
    const json = `{"jsonrpc":"2.0","method":"x","params":{"text":"${text}"}}`.padEnd(LONG_BODY_BYTES + 10, ' ');
    const { expected, actual } = bothWays(json);
    assert.deepEqual(actual, expected);
  });

  it('words errors as JSON.parse does for bodies without long strings, and rejects a bad escape in a long one', () => {
    const short = `{"a":"${'x'.repeat(100)}", bad}`.padEnd(LONG_BODY_BYTES + 10, ' ');
    assert.throws(() => parseJsonBody(Buffer.from(short, 'latin1'), 'latin1'), {
      message: ((): string => {
        try {
          JSON.parse(short);
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      })(),
    });
    const badEscape = `{"a":"${'x'.repeat(100_000)}\\q"}`.padEnd(LONG_BODY_BYTES + 10, ' ');
    assert.throws(() => parseJsonBody(Buffer.from(badEscape, 'latin1'), 'latin1'), SyntaxError);
    const unterminated = `{"a":"${'x'.repeat(LONG_BODY_BYTES)}`;
    assert.throws(() => parseJsonBody(Buffer.from(unterminated, 'latin1'), 'latin1'), SyntaxError);
  });

  it('gives the same value when the body arrives in chunks cut anywhere, escapes and the long-string threshold included', () => {
    const escapes = ['\\u0041', '\\u00e9', '\\u2014', '\\ud834\\udd1e', '\\n', '\\"', '\\\\', '\\/'];
    const escaped = textOf(90_000, ['a', 'b', ...escapes], 14);
    const bodies = [
      JSON.stringify({ uri: 'file:///a "b".mlir', text: textOf(LONG_BODY_BYTES, WIDE, 15) }),
      `{"jsonrpc":"2.0","method":"x","params":{"a":"short \\\\","text":"${escaped}","b":"\\"q\\""}}`.padEnd(
        LONG_BODY_BYTES + 10,
        ' ',
      ),
      // Strings just under and at the long-string threshold (64 KiB as written), several long ones.
      JSON.stringify([
        textOf(65_535, ASCII, 16),
        'x'.repeat(65_535),
        'y'.repeat(65_536),
        textOf(70_000, WIDE, 17),
      ]).padEnd(LONG_BODY_BYTES + 10, ' '),
    ];
    for (const [i, json] of bodies.entries()) {
      const expected: unknown = JSON.parse(json);
      const length = Buffer.byteLength(json, 'utf8');
      // Every escape's backslash and every quote of the escaped body's first 200 KB, for cuts inside escapes.
      const near: number[] = [];
      for (let at = json.indexOf('\\'); at >= 0 && at < 200_000; at = json.indexOf('\\', at + 1)) near.push(at);
      for (const step of [65_536, 4_093, 977]) {
        assert.deepEqual(chunked(json, cutsOf(length, step, i === 1 ? near : [])), expected, `body ${i}, step ${step}`);
      }
    }
  });

  it('reports a bad escape or an unterminated long string once the whole body is in, also in chunks', () => {
    const badEscape = `{"a":"${'x'.repeat(100_000)}\\q"}`.padEnd(LONG_BODY_BYTES + 10, ' ');
    assert.throws(() => chunked(badEscape, cutsOf(badEscape.length, 4_096, [100_006])), SyntaxError);
    const badUnicode = `{"a":"${'x'.repeat(100_000)}\\u00g0"}`.padEnd(LONG_BODY_BYTES + 10, ' ');
    assert.throws(() => chunked(badUnicode, cutsOf(badUnicode.length, 4_096, [100_006])), SyntaxError);
    const unterminated = `{"a":"${'x'.repeat(LONG_BODY_BYTES)}`;
    assert.throws(() => chunked(unterminated, cutsOf(unterminated.length, 65_536)), SyntaxError);
  });

  it('refuses a message holding one of its markers as a string of its own rather than misplace a long string', () => {
    const json = JSON.stringify({ a: textOf(70_000, ASCII, 12), b: '\u0000ttnn-l1 long string 0\u0000' }).padEnd(
      LONG_BODY_BYTES + 10,
      ' ',
    );
    assert.throws(() => parseJsonBody(Buffer.from(json, 'latin1'), 'latin1'), SyntaxError);
  });
});
