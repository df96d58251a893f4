/**
 * Chunks of one file whose aliases are the same texts (locations aside) share one set of decoded values in the TTNN
 * view (fromSyntax.ts `aliasEnvironmentKey`). Each chunk's view must still be the view of its text parsed alone, moved
 * to its offset: on corpus dumps repeated as `// -----` chunks (eager and lazy parses), on chunks that differ only in
 * their location aliases, in a location alias a property names, or in a layout, and on mutated copies.
 */

import * as assert from 'node:assert/strict';
import { makeRandom } from '../../../bench/random';
import { lazyBodiesParseCleanly, parse } from '../../../server/src/mlir/parser';
import type { ParseResult } from '../../../server/src/mlir/syntax';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { TtnnModule, TtnnOp } from '../../../server/src/ttnn/op';
import { DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';
import { shiftedRanges } from '../../support/plainTree';

/** Each chunk's functions in the view of `whole`, against the view of the chunk's text parsed alone. */
function assertChunkViewsAsAlone(text: string, whole: ParseResult, view: TtnnModule, what: string): void {
  for (const [i, chunk] of whole.file.chunks.entries()) {
    const { start, end } = chunk.range;
    const alone = moduleFromSyntax(parse(text.slice(start, end))).functions.map((f) => ({ ...f, chunkIndex: i }));
    const own = view.functions.filter((f) => f.chunkIndex === i);
    assert.deepEqual(shiftedRanges(own, 0), shiftedRanges(alone, start), `${what}: chunk ${i}`);
  }
}

const chunks = (...texts: string[]): string => texts.join('\n// -----\n');

describe('TTNN view: chunks with the same aliases share decoded values', () => {
  for (const dump of [DUMP.falcon3Decode, DUMP.resnet18, DUMP.mnistSharded]) {
    it(`${dump} repeated as three chunks: each chunk's view is its own, and later chunks share the specs`, () => {
      const text = chunks(readCorpus(dump), readCorpus(dump), readCorpus(dump));
      for (const lazy of [false, true]) {
        const whole = parse(text, { lazyFunctionBodies: lazy });
        const view = moduleFromSyntax(whole);
        if (lazy) assert.ok(lazyBodiesParseCleanly(whole));
        assertChunkViewsAsAlone(text, whole, view, `${dump} lazy=${lazy}`);
        // The same op of two chunks holds the same decoded objects (tensor types are kept once per text).
        const firstTensorOp = (chunk: number): TtnnOp =>
          view.functions
            .filter((f) => f.chunkIndex === chunk)
            .flatMap((f) => f.ops)
            .find((op) => op.results[0]?.kind === 'tensor')!;
        assert.equal(firstTensorOp(2).results, firstTensorOp(0).results);
        assert.equal(firstTensorOp(2).properties, firstTensorOp(0).properties);
      }
    });
  }

  it('chunks that differ only in where their location aliases point share specs and keep their own sources', () => {
    const chunk = (name: string, file: string): string => `#dram = #ttnn.buffer_type<dram>
#lay = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
func.func @f(%a: tensor<64x64xbf16, #lay>) -> tensor<64x64xbf16, #lay> {
  %0 = "ttnn.relu"(%a) : (tensor<64x64xbf16, #lay>) -> tensor<64x64xbf16, #lay> loc(#loc1)
  return %0 : tensor<64x64xbf16, #lay>
}
#loc0 = loc("${file}":3:4)
#loc1 = loc("${name}"(#loc0))`;
    const text = chunks(chunk('relu.1', 'a.py'), chunk('relu.2', 'b.py'));
    for (const lazy of [false, true]) {
      const whole = parse(text, { lazyFunctionBodies: lazy });
      const view = moduleFromSyntax(whole);
      assertChunkViewsAsAlone(text, whole, view, `lazy=${lazy}`);
      const [a, b] = view.functions.map((f) => f.ops[0]!);
      assert.deepEqual([a!.source?.file, b!.source?.file], ['a.py', 'b.py']);
      assert.equal(b!.results, a!.results);
    }
  });

  it('a location alias that a property names, defined in one chunk only: each chunk reads its own', () => {
    const chunk = (withLoc: boolean): string => `func.func @f(%a: tensor<32x32xbf16>) -> tensor<32x32xbf16> {
  %0 = "ttnn.relu"(%a) {tag = #loc9} : (tensor<32x32xbf16>) -> tensor<32x32xbf16>
  return %0 : tensor<32x32xbf16>
}
${withLoc ? '#loc9 = loc("x.py":1:1)' : ''}`;
    const text = chunks(chunk(true), chunk(false));
    const whole = parse(text);
    const view = moduleFromSyntax(whole);
    assertChunkViewsAsAlone(text, whole, view, 'tag');
    // A location is read as what it is; an undefined alias by its name (as each chunk alone gives them).
    assert.deepEqual(
      view.functions.map((f) => f.ops[0]!.properties['tag']),
      [
        { kind: 'other', text: 'loc' },
        { kind: 'other', text: '#loc9' },
      ],
    );
  });

  it('chunks whose layouts differ, or that define an alias the other does not, decode by their own aliases', () => {
    // The same alias names throughout: only the memory space's text differs, or the third chunk's extra definition.
    const chunk = (memory: string, extra: string): string => `#mem = #ttnn.buffer_type<${memory}>
${extra}#lay = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x2x!ttcore.tile<32x32, bf16>, #mem>, <interleaved>>
func.func @f(%a: tensor<64x64xbf16, #lay>) -> tensor<64x64xbf16, #lay> {
  %0 = "ttnn.relu"(%a) : (tensor<64x64xbf16, #lay>) -> tensor<64x64xbf16, #lay>
  return %0 : tensor<64x64xbf16, #lay>
}`;
    const text = chunks(chunk('dram', ''), chunk('l1', ''), chunk('dram', '#other = #ttnn.buffer_type<l1>\n'));
    const whole = parse(text);
    const view = moduleFromSyntax(whole);
    assertChunkViewsAsAlone(text, whole, view, 'layouts');
    const memory = view.functions.map((f) => {
      const spec = f.ops[0]!.results[0]!;
      return spec.kind === 'tensor' && spec.layout.kind === 'layout' ? spec.layout.bufferType : 'undecoded';
    });
    assert.deepEqual(memory, ['dram', 'l1', 'dram']);
    // Not one alias environment: the third chunk has a definition more, so it decodes on its own.
    assert.notEqual(view.functions[2]!.ops[0]!.results, view.functions[0]!.ops[0]!.results);
  });

  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: a mutated dump, repeated as two chunks, gives each chunk its own view`, () => {
      const random = makeRandom(name.length * 104_729);
      const source = readCorpus(DUMP.llamaAttentionTest);
      for (let i = 0; i < 6; i++) {
        const one = mutate(source, random);
        const text = chunks(one, one);
        const whole = parse(text);
        if (whole.file.chunks.length !== 2) continue;
        assertChunkViewsAsAlone(text, whole, moduleFromSyntax(whole), `${name} #${i}`);
      }
    });
  }
});
