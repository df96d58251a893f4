/**
 * host/jsonBytes.ts: the byte writer of the streamed report gives what JSON.stringify gives, as UTF-8, whatever the
 * chunk size (the expected text is JSON.stringify's own), and never writes into a chunk its sink kept.
 */

import { strict as assert } from 'assert';
import { JsonBytes, StreamedArray, streamSink, type ChunkSink } from '../../../server/src/host/jsonBytes';

// Texts through every path: short and long (longer than a small chunk can hold: JSON.stringify's text), ASCII, 2-, 3-
// and 4-byte UTF-8, each character JSON.stringify escapes, lone surrogates (escaped as \udXXX), at either end.
const TEXTS: readonly string[] = [
  '',
  'a',
  '%12',
  'ttnn.to_layout',
  'x'.repeat(23),
  'x'.repeat(24),
  'quote " inside',
  'back\\slash',
  '\u0000\u0001\b\t\n\f\r\u001f',
  'é',
  'No L1 model — reshape',
  'a long reason with a dash — and more words after it, past the short-text limit',
  '𝄞',
  'clef 𝄞 in a long text, past the short-text limit of the writer',
  '\ud834',
  '\udd1e',
  'lone \ud834 high surrogate in a long text past the limit',
  'lone \udd1e low surrogate in a long text past the limit',
  'a long text ending in a newline, past the short-text limit\n',
  '"quoted at both ends, past the short-text limit of the writer"',
  'é→𝄞'.repeat(500),
  // Every escape, DEL (not escaped) and the first 2- and 3-byte characters, in a text past a short-text length.
  'a text with \u0000 \u001f \b\t\n\f\r " \\ \u007f \u0080 \u07ff \u0800 \uffff and then more words',
];

const NUMBERS: readonly number[] = [
  0,
  1,
  9,
  10,
  99,
  100,
  1_499_136,
  2 ** 53 - 1,
  2 ** 53,
  -1,
  -0,
  1.5,
  1e21,
  NaN,
  Infinity,
];

const VALUES: readonly unknown[] = [
  // What JSON.stringify leaves out of objects, writes as null in arrays, or asks toJSON for, at any depth.
  { fn: () => 1, sym: Symbol('s'), list: [() => 1, Symbol('s'), undefined], nested: { toJSON: () => 'replaced' } },
  Object.assign([1, 2], { toJSON: () => 'array' }),
  { nullProto: Object.assign(Object.create(null) as object, { b: 2, a: 1 }), boxed: [new String('s'), new Number(1)] },
  ...TEXTS,
  ...NUMBERS,
  true,
  false,
  null,
  [],
  {},
  [1, undefined, 'two', null, [3, [4]]],
  { b: 1, a: 'x', 2: 'integer keys first', 1: true, skipped: undefined, nested: { list: [{ k: 'v' }] } },
  { when: new Date(0), text: TEXTS[10] },
  TEXTS.map((text, i) => ({ text, i })),
];

/** Everything written, chunk by chunk, with chunks of `capacityBytes`; `keep` chunks (the sink says 'kept'). */
function written(write: (out: JsonBytes) => void, capacityBytes: number, keep: boolean): string {
  const chunks: Uint8Array[] = [];
  const sink: ChunkSink = (chunk) => {
    chunks.push(keep ? chunk : Buffer.from(chunk));
    return keep ? 'kept' : 'done';
  };
  const out = new JsonBytes(sink, capacityBytes);
  write(out);
  out.flush();
  return Buffer.concat(chunks).toString('utf8');
}

describe('host/jsonBytes: JSON as UTF-8 bytes', () => {
  for (const capacityBytes of [16, 64, 1 << 17]) {
    for (const keep of [true, false]) {
      it(`values as JSON.stringify writes them (${capacityBytes}-byte chunks, sink ${keep ? 'keeps' : 'copies'})`, () => {
        for (const value of VALUES) {
          assert.equal(
            written((out) => out.value(value), capacityBytes, keep),
            JSON.stringify(value),
            JSON.stringify(value).slice(0, 80),
          );
        }
        // One stream of all of them, so chunks end inside values.
        const all = written(
          (out) => VALUES.forEach((v, i) => (i > 0 && out.ascii(','), out.value(v))),
          capacityBytes,
          keep,
        );
        assert.equal(all, VALUES.map((v) => JSON.stringify(v)).join(','));
      });
    }
  }

  it('indented values as JSON.stringify(value, null, 2) writes them; a streamed array as the array', () => {
    const nested = { a: [], b: {}, c: [{}, [], [[]]], d: { e: { f: [1, { g: 'h' }] } }, 'key "quoted"': 1 };
    for (const capacityBytes of [16, 1 << 17]) {
      for (const value of [...VALUES, nested, [VALUES]]) {
        assert.equal(
          written((out) => out.indented(value), capacityBytes, true),
          JSON.stringify(value, null, 2),
        );
      }
      const items = VALUES.filter((v) => v !== undefined);
      const streamed = new StreamedArray((write) => items.forEach(write));
      assert.equal(
        written(
          (out) => out.indented({ run: [{ results: streamed, none: new StreamedArray(() => {}) }] }),
          capacityBytes,
          true,
        ),
        JSON.stringify({ run: [{ results: items, none: [] }] }, null, 2),
      );
    }
  });

  it('a writer without a sink: take() returns each part, intact after later parts fill its page and new ones', () => {
    // Reversed too: nested values first, so a page fills in the middle of a part (it moves to the next page).
    for (const [pageBytes, values] of [16, 256, 1 << 16].flatMap(
      (n) =>
        [
          [n, VALUES],
          [n, [...VALUES].reverse()],
        ] as const,
    )) {
      const parts = new JsonBytes(undefined, pageBytes);
      const taken = values.map((value) => {
        parts.value(value);
        return parts.take();
      });
      assert.deepEqual(
        taken.map((part) => Buffer.from(part).toString('utf8')),
        values.map((value) => JSON.stringify(value)),
      );
      assert.equal(parts.take().length, 0);
      // Parts copied into records: the same bytes, whichever chunk they land in.
      assert.equal(
        written((out) => [...taken, ...taken].forEach((part) => out.bytes(part)), 16, false),
        Buffer.concat([...taken, ...taken]).toString('utf8'),
      );
    }
  });

  it('streamSink: a write the stream has not finished keeps the chunk', () => {
    let pending = 0;
    const stream = {
      write: (chunk: Uint8Array) => (pending += chunk.length),
      get writableLength() {
        return pending;
      },
    };
    const sink = streamSink(stream);
    assert.equal(sink(new Uint8Array(0)), 'done');
    assert.equal(sink(new Uint8Array(3)), 'kept');
    pending = 0;
    const syncStream = { write: () => true, writableLength: 0 };
    assert.equal(streamSink(syncStream)(new Uint8Array(3)), 'done');
  });
});
