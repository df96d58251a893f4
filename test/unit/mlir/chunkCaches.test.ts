/**
 * The chunks of one file share the parser's caches of shared texts (parser/state.ts `ParserCaches`): a later chunk
 * takes the dictionaries, tensor types, dialect attributes and names an earlier chunk parsed. Each chunk's tree must
 * still be the tree of that chunk parsed alone (its own caches), moved to its offset — on corpus dumps repeated as
 * `// -----` chunks, on the corpus files that have chunks, and on mutated copies.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { parse, sharedTextOf } from '../../../server/src/mlir/parser';
import type { Chunk, ParseError, ParseResult } from '../../../server/src/mlir/syntax';
import { allCorpusFiles, DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';
import { plainTree, shiftedRanges } from '../../support/plainTree';

/** Each chunk of `whole` against its text parsed alone; the errors against the chunks' own. */
function assertChunksAsAlone(text: string, whole: ParseResult, what: string): void {
  const alone: ParseError[] = [];
  for (const [i, chunk] of whole.file.chunks.entries()) {
    const { start, end } = chunk.range;
    const own = parse(text.slice(start, end));
    assert.equal(own.file.chunks.length, 1, `${what}: chunk ${i} is one chunk alone`);
    const expected = shiftedRanges(plainTree(own.file.chunks[0]), start) as Chunk;
    assert.deepEqual(shiftedRanges(plainTree(chunk), 0), expected, `${what}: chunk ${i}`);
    alone.push(...(shiftedRanges(own.errors, start) as ParseError[]));
  }
  assert.deepEqual(shiftedRanges(whole.errors, 0), alone, `${what}: errors`);
}

describe('chunk caches: chunks share the caches and keep their trees', () => {
  it('a dump repeated as chunks: every chunk is its text parsed alone, and later chunks reuse the shared texts', () => {
    const dump = readCorpus(DUMP.resnet18);
    const text = [dump, dump, dump].join('\n// -----\n');
    const whole = parse(text);
    assert.equal(whole.file.chunks.length, 3);
    assert.deepEqual(whole.errors, []);
    assertChunksAsAlone(text, whole, 'resnet18 x3');
    // The caches are shared: the second chunk's first shared tensor and dictionary are the first chunk's texts.
    const firstShared = (chunk: Chunk): { tensor: object; dict: object } => {
      let tensor: object | undefined;
      let dict: object | undefined;
      const visit = (ops: Chunk['operations']): void => {
        for (const op of ops) {
          for (const t of op.resultTypes) if (tensor === undefined && t.kind === 'tensor') tensor = sharedTextOf(t);
          if (dict === undefined && op.properties !== undefined) dict = sharedTextOf(op.properties);
          for (const region of op.regions) for (const block of region.blocks) visit(block.operations);
        }
      };
      visit(chunk.operations);
      assert.ok(tensor !== undefined && dict !== undefined);
      return { tensor, dict };
    };
    const [a, b] = whole.file.chunks;
    assert.equal(firstShared(b!).tensor, firstShared(a!).tensor);
    assert.equal(firstShared(b!).dict, firstShared(a!).dict);
  });

  it('every corpus file with chunks, and mutated copies of them', () => {
    const random = makeRandom(1205);
    let checked = 0;
    for (const file of allCorpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('// -----')) continue;
      assertChunksAsAlone(text, parse(text), file);
      for (const [name, mutate] of Object.entries(MUTATIONS)) {
        const mutated = mutate(text, random);
        assertChunksAsAlone(mutated, parse(mutated), `${file} ${name}`);
      }
      checked++;
    }
    assert.ok(checked >= 5, `${checked} files with chunks`);
  });
});
