import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../../server/src/mlir/parser';
import { locationOfAlias, resolveLocation } from '../../../server/src/mlir/locations';
import { occurrenceAt } from '../../../server/src/mlir/occurrences';
import { definitionsOf, nameErrors, occurrencesOf } from '../../../server/src/mlir/scopes';
import type { Operation, ParseResult } from '../../../server/src/mlir/syntax';
import { makeRandom } from '../../../bench/random';
import { MUTATIONS } from '../../support/mutations';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');
const SOURCES = [
  'oom_ttnn.mlir',
  'falcon3_chisel/ir/notrace/falcon3_7b_bf16_1layer_notrace_decode_ttnn.mlir',
  'ttnn/test_llama_attention_ttnn.mlir',
  'history/5122b71de2/test/ttmlir/EmitC/TTNN/models/mnist_sharded.mlir',
  'test/ttmlir/Dialect/TTNN/Transforms/Decomposition/rotary_embedding_decomposition.mlir',
  'test/ttmlir/Dialect/TTNN/layout_encoding.mlir',
].map((p) => readFileSync(path.join(CORPUS, p), 'utf8'));

function checkWellFormed(text: string, result: ParseResult): void {
  assert.ok(!result.errors.some((e) => e.message.startsWith('internal parser error')));
  for (const e of result.errors)
    assert.ok(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length);
  let guard = 0;
  const walk = (ops: readonly Operation[]): void => {
    for (const op of ops) {
      assert.ok(guard++ < 1_000_000);
      assert.ok(op.range.start >= 0 && op.range.start <= op.range.end && op.range.end <= text.length);
      for (const r of op.regions) for (const b of r.blocks) walk(b.operations);
    }
  };
  for (const c of result.file.chunks) walk(c.operations);
}

describe('mlir parser under mutation (seeded)', () => {
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: 60 mutated corpus files parse and resolve names without throwing`, () => {
      const random = makeRandom(name.length * 7919);
      for (let i = 0; i < 60; i++) {
        const source = SOURCES[i % SOURCES.length];
        let text = mutate(source, random);
        if (i % 3 === 0) text = mutate(text, random);
        const result = parse(text);
        checkWellFormed(text, result);
        nameErrors(result.file);
        const probe = Math.floor(random() * text.length);
        const found = occurrenceAt(result.file, probe);
        if (found !== undefined) {
          definitionsOf(found);
          occurrencesOf(found);
        }
        if (found?.occurrence.nameKind === 'alias' && found.occurrence.name.startsWith('#loc')) {
          const aliases = found.chunk.aliases;
          resolveLocation({ kind: 'aliasRef', name: found.occurrence.name, range: found.occurrence.range }, (name) =>
            locationOfAlias(aliases.find((a) => a.name === name)),
          );
        }
      }
    });
  }

  it('random byte soup parses without throwing', () => {
    const random = makeRandom(42);
    const alphabet = '%#!@^"<>(){}[],:=-x0123456789abcdef .\n\\/*';
    for (let i = 0; i < 40; i++) {
      const chars: string[] = [];
      const n = 1 + Math.floor(random() * 400);
      for (let k = 0; k < n; k++) chars.push(alphabet[Math.floor(random() * alphabet.length)]);
      const text = chars.join('');
      const result = parse(text);
      checkWellFormed(text, result);
      nameErrors(result.file);
    }
  });
});
