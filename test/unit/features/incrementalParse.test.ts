/**
 * Incremental re-parse must equal a full parse of the edited text, node for node and range for range. Checked on
 * seeded random one-character edits inside ops of the seed and of corpus files (the full parse is the oracle).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { reparseChange, type TextChange } from '../../../server/src/features/incrementalParse';
import { walkOperations } from '../../../server/src/features/syntaxWalk';
import { parse } from '../../../server/src/mlir/parser';
import type { ParseResult } from '../../../server/src/mlir/syntax';
import { makeRandom as random } from '../../../bench/random';

const ROOT = path.join(__dirname, '../../..');
const FILES = [
  'examples/mochi_replicate_pad.mlir',
  'test/fixtures/corpus/tools/explorer/test/models/resnet_ttnn.mlir',
  'test/fixtures/corpus/ttnn/test_llama_attention_ttnn.mlir',
  'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/ttnn_force_final_deallocs.mlir',
  'test/fixtures/corpus/test/ttmlir/Silicon/TTNN/n150/Transforms/DecomposeLayouts/decomposing_layouts_dram_sharded.mlir',
];


/** Undefined-valued keys and absent keys are the same tree. */
function canonical(result: ParseResult): string {
  return JSON.stringify(result);
}

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.newText + text.slice(c.end);
}

describe('features/incrementalParse', () => {
  for (const file of FILES) {
    it(`equals a full parse after random one-character edits: ${path.basename(file)}`, () => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const previous = parse(text);
      const leaves: { start: number; end: number }[] = [];
      walkOperations(previous.file, ({ op }) => {
        if (op.regions.length === 0) leaves.push(op.range);
      });
      const next = random(file.length);
      const alphabet = ['1', '0', 'x', ' ', ',', '%', '#', '"', '<', '>', '(', ')', 'a', '\n'];
      let incremental = 0;
      const trials = 40;
      for (let i = 0; i < trials; i++) {
        const leaf = leaves[Math.floor(next() * leaves.length)]!;
        const at = leaf.start + 1 + Math.floor(next() * Math.max(1, leaf.end - leaf.start - 2));
        const kind = next();
        const change: TextChange = kind < 0.4 ? { start: at, end: at, newText: alphabet[Math.floor(next() * alphabet.length)]! } : kind < 0.7 ? { start: at, end: at + 1, newText: '' } : { start: at, end: at + 1, newText: alphabet[Math.floor(next() * alphabet.length)]! };
        const edited = apply(text, change);
        const result = reparseChange(previous, change, edited);
        if (result === undefined) continue;
        incremental++;
        assert.strictEqual(canonical(result), canonical(parse(edited)), `edit ${JSON.stringify(change)} in ${file}`);
      }
      // Most edits inside an op keep it parseable on its own; make sure the fast path really ran.
      assert.ok(incremental >= trials / 5, `only ${incremental} of ${trials} edits took the incremental path`);
    });
  }

  it('declines edits that are not inside one op, and files with errors', () => {
    const text = fs.readFileSync(path.join(ROOT, FILES[0]!), 'utf8');
    const previous = parse(text);
    const between = text.indexOf('\n        "ttnn.deallocate"');
    assert.strictEqual(reparseChange(previous, { start: between, end: between, newText: 'x' }, text.slice(0, between) + 'x' + text.slice(between)), undefined);
    const alias = text.indexOf('#ttnn_layout6 =') + 3;
    assert.strictEqual(reparseChange(previous, { start: alias, end: alias, newText: '9' }, text.slice(0, alias) + '9' + text.slice(alias)), undefined);
    const broken = parse('module {\n  %0 = "ttnn.a"( : () -> ()\n}\n');
    assert.strictEqual(reparseChange(broken, { start: 14, end: 14, newText: '1' }, ''), undefined);
  });
});
