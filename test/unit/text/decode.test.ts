import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { decodeSource, type DecodedSource } from '../../../server/src/text/decode';
import { allCorpusFiles } from '../../support/corpus';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decodeSource', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const result = decodeSource(bytes(0xef, 0xbb, 0xbf, 0x25, 0x30));
    assert.deepEqual(result, { kind: 'text', text: '%0', warnings: [] });
  });

  it('rejects binary input and MLIR bytecode with a reason', () => {
    const binary = decodeSource(bytes(0x6d, 0x6f, 0x00, 0x64));
    assert.deepEqual(binary, { kind: 'rejected', reason: 'binary file (NUL byte at offset 2), not MLIR text' });
    const bytecode = decodeSource(bytes(0x4d, 0x4c, 0xef, 0x52, 0x01));
    assert.equal(bytecode.kind, 'rejected');
    assert.match(bytecode.kind === 'rejected' ? bytecode.reason : '', /MLIR bytecode/);
  });

  it('keeps going on invalid UTF-8 with a warning', () => {
    const result = decodeSource(bytes(0x2f, 0x2f, 0xe9, 0x0a));
    assert.equal(result.kind, 'text');
    if (result.kind === 'text') {
      assert.equal(result.text, '//\uFFFD\n');
      assert.equal(result.warnings.length, 1);
    }
  });

  describe('the ASCII path equals UTF-8 decoding', () => {
    /** What decodeSource gave before its ASCII path: every text through the UTF-8 decoder. */
    function utf8Reference(input: Uint8Array): DecodedSource {
      const start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
      try {
        return {
          kind: 'text',
          text: new TextDecoder('utf-8', { fatal: true }).decode(input.subarray(start)),
          warnings: [],
        };
      } catch {
        const text = new TextDecoder('utf-8').decode(input.subarray(start));
        const warning = `not valid UTF-8; undecodable bytes were replaced (first near character ${text.indexOf('\uFFFD')})`;
        return { kind: 'text', text, warnings: [warning] };
      }
    }

    // A seeded generator (mulberry32): the mutations are the same at every run.
    function seeded(seed: number): () => number {
      let a = seed >>> 0;
      return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    // Non-ASCII UTF-8 (é, €, an emoji's surrogate pair), a BOM in the middle, and bytes that are not UTF-8 (a lone
    // continuation byte, a truncated sequence, an overlong encoding, Latin-1's é).
    const INSERTS = [
      [0xc3, 0xa9],
      [0xe2, 0x82, 0xac],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xef, 0xbb, 0xbf],
      [0x80],
      [0xe2, 0x82],
      [0xc0, 0xaf],
      [0xe9],
    ];

    function withInsert(input: Uint8Array, at: number, insert: readonly number[]): Uint8Array {
      const out = new Uint8Array(input.length + insert.length);
      out.set(input.subarray(0, at), 0);
      out.set(insert, at);
      out.set(input.subarray(at), at + insert.length);
      return out;
    }

    it('on every corpus file, with and without a BOM', () => {
      const files = allCorpusFiles();
      assert.ok(files.length > 50, `corpus files: ${files.length}`);
      for (const file of files) {
        const input = fs.readFileSync(file);
        assert.deepEqual(decodeSource(input), utf8Reference(input), file);
        const withBom = withInsert(input, 0, [0xef, 0xbb, 0xbf]);
        assert.deepEqual(decodeSource(withBom), utf8Reference(withBom), `${file} with a BOM`);
      }
    });

    it('on corpus files with non-ASCII or invalid bytes inserted anywhere, BOMs included', () => {
      const random = seeded(18);
      // Small files, each a different one: the inserts, not the file sizes, are what is under test.
      const inputs = allCorpusFiles()
        .map((file) => ({ file, input: fs.readFileSync(file) }))
        .filter(({ input }) => input.length < 20_000)
        .slice(0, 24);
      assert.equal(inputs.length, 24);
      for (const { file, input } of inputs) {
        for (const insert of INSERTS) {
          // The first byte, the last, and a random place: the ASCII check must look at every byte.
          for (const at of [0, input.length, Math.floor(random() * input.length)]) {
            const mutated = withInsert(input, at, insert);
            assert.deepEqual(decodeSource(mutated), utf8Reference(mutated), `${file}: ${insert.join(',')} at ${at}`);
            const withBom = withInsert(mutated, 0, [0xef, 0xbb, 0xbf]);
            assert.deepEqual(decodeSource(withBom), utf8Reference(withBom), `${file} with a BOM`);
          }
        }
      }
    });

    it('on a text longer than Node keeps in the heap (an external string), ASCII or not at its end', () => {
      const line = Buffer.from('%0 = "ttnn.add"(%a, %b) : (tensor<32x32xbf16>) -> tensor<32x32xbf16> loc(#loc1)\n');
      const ascii = new Uint8Array(Buffer.concat(Array.from({ length: 16_000 }, () => line)));
      assert.ok(ascii.length > 1_100_000); // past Node's EXTERN_APEX (~1 MB): an external string
      const decoded = decodeSource(ascii);
      assert.deepEqual(decoded, utf8Reference(ascii));
      assert.equal(decoded.kind === 'text' ? decoded.text.length : 0, ascii.length);
      for (const insert of INSERTS) {
        const tail = withInsert(ascii, ascii.length - 1, insert);
        assert.deepEqual(decodeSource(tail), utf8Reference(tail), insert.join(','));
      }
    });
  });
});
