/**
 * The TTNN view of a lazy parse (function bodies streamed op by op, mlir/parser/lazyBodies.ts) equals the view of the
 * eager parse of the same text, which reads every body from its tree (the oracle). The streamed ops are valid during
 * their visit only (their slots are reused for the next op), so this is also the check that the view keeps nothing
 * of an op's syntax whose ranges would later read another op's offsets.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { lazyBodiesParseCleanly, parse } from '../../../server/src/mlir/parser';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import { allCorpusFiles, DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';

/** The view of `text` from a lazy parse, or undefined when the lazy parse is not clean (the CLI then parses eagerly). */
function lazyView(text: string): string | undefined {
  const lazy = parse(text, { lazyFunctionBodies: true });
  const view = JSON.stringify(moduleFromSyntax(lazy));
  return lazyBodiesParseCleanly(lazy) ? view : undefined;
}

const eagerView = (text: string): string => JSON.stringify(moduleFromSyntax(parse(text)));

describe('TTNN view of a lazy parse', () => {
  it('equals the view of the eager parse on every corpus file', () => {
    const files = allCorpusFiles();
    assert.ok(files.length > 40, `corpus files: ${files.length}`);
    let ops = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const view = lazyView(text);
      assert.ok(view !== undefined, file);
      assert.equal(view, eagerView(text), file);
      ops += (view.match(/"resultNames":/g) ?? []).length;
    }
    assert.ok(ops > 10_000, `ops viewed: ${ops}`);
  });

  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: a mutated file's lazy view, when its parse is clean, equals its eager view`, () => {
      const sources = [readCorpus(DUMP.falcon3Decode), readCorpus(DUMP.llamaAttentionTest), readCorpus(DUMP.oom)];
      const random = makeRandom(name.length * 7919);
      let clean = 0;
      for (let i = 0; i < 18; i++) {
        const text = mutate(sources[i % sources.length]!, random);
        const view = lazyView(text);
        if (view === undefined) continue;
        clean++;
        assert.equal(view, eagerView(text), `${name} #${i}`);
      }
      assert.ok(clean > 0, `${name}: no clean mutation`);
    });
  }
});
