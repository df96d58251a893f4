/** Producer chains: the ops that made the tensor an op consumes, nearest first (what the overflow diagnostic links to). */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { inferBuildWindow } from '../../../server/src/analysis/buildWindow';
import { producerChain } from '../../../server/src/features/producers';
import type { FunctionAnalysis } from '../../../server/src/analysis/analyze';

const CORPUS = join(__dirname, '../../fixtures/corpus');

/** The chain as producers.ts defined it before its numbered-name table: a map of every result name (last one wins). */
function mapChainIndices(fn: FunctionAnalysis, opIndex: number, maxDepth: number): number[] {
  const definedBy = new Map<string, number>();
  fn.ops.forEach((o, i) => o.op.resultNames.forEach((n) => definedBy.set(n, i)));
  const out: number[] = [];
  let current = fn.ops[opIndex]!;
  for (let depth = 0; depth < maxDepth; depth++) {
    const k = current.op.operands.findIndex((s) => s.kind === 'tensor');
    const name = k < 0 ? undefined : current.op.operandNames[k];
    const index = name === undefined ? undefined : definedBy.get(name);
    if (index === undefined || index >= current.index) break;
    out.push(index);
    current = fn.ops[index]!;
  }
  return out;
}

function assertChainsMatchMap(text: string, label: string): number {
  const a = analyzeModule(parse(text), { ttMetal: inferBuildWindow(text) });
  let links = 0;
  for (const fn of a.functions) {
    for (const op of fn.ops) {
      const got = producerChain({ fn, op }, 4).map((l) => l.op.index);
      assert.deepEqual(got, mapChainIndices(fn, op.index, 4), `${label}: ${fn.fn.name} op ${op.index}`);
      links += got.length;
    }
  }
  return links;
}

const SEED = readFileSync(join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8');

describe('features/producerChain', () => {
  it('seed: the producer chain of %9 names the reshape that made the 4x4884480 tensor', () => {
    const a = analyzeModule(parse(SEED), { ttMetal: inferBuildWindow(SEED) });
    const main = a.functions.find((f) => f.fn.name === '@main')!;
    const idx = main.ops.findIndex((o) => o.op.resultNames[0] === '%9');
    const chain = producerChain({ fn: main, op: main.ops[idx]! }, 8);
    assert.deepEqual(
      chain.slice(0, 1).map((c) => [c.op.index, c.op.op.name, c.resultName, c.tensorText]),
      [[idx - 2, 'ttnn.reshape', '%8', '4x4884480xbf16 tile, dram interleaved']],
    );
    assert.deepEqual(
      chain.map((c) => c.op.op.name),
      ['ttnn.reshape', 'ttnn.permute', 'ttnn.to_layout'],
    );
  });

  it('stops at a function argument and at maxDepth', () => {
    const a = analyzeModule(parse(SEED), { ttMetal: inferBuildWindow(SEED) });
    const main = a.functions.find((f) => f.fn.name === '@main')!;
    const idx = main.ops.findIndex((o) => o.op.resultNames[0] === '%9');
    assert.equal(producerChain({ fn: main, op: main.ops[idx]! }, 1).length, 1);
    // %6 = to_layout(%arg2): a function argument, nothing in the body produced it.
    const toLayout = main.ops.find((o) => o.op.resultNames[0] === '%6')!;
    assert.deepEqual(toLayout.op.operandNames, ['%arg2']);
    assert.deepEqual(producerChain({ fn: main, op: toLayout }, 8), []);
  });

  // The numbered-name table (text/numberedNames.ts) must find what a map of names finds, for every spelling: numbered
  // names, names past the table, leading zeros, named and multi-result values, and a malformed file repeating names.
  it('finds the same producers as a map of every result name, on corpus files and renamed copies', () => {
    const files = [
      join(__dirname, '../../../examples/mochi_replicate_pad.mlir'),
      join(CORPUS, 'llama_attention_ttnn.mlir'),
      join(CORPUS, 'oom_ttnn.mlir'),
      join(CORPUS, 'r18_loc.mlir'),
    ];
    const renamings: [string, (n: number) => string][] = [
      ['as is', (n) => `%${n}`],
      ['past the table', (n) => `%${n + 5_000_000}`],
      ['leading zeros', (n) => `%0${n}`],
      ['named', (n) => `%v${n}`],
      ['mixed', (n) => (n % 3 === 0 ? `%${n}` : n % 3 === 1 ? `%x${n}` : `%${n * 1000}`)],
      ['repeated names', (n) => `%${n % 5}`],
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [label, rename] of renamings) {
        const renamed = text.replace(/%(\d+)\b/g, (_m, digits: string) => rename(Number(digits)));
        const links = assertChainsMatchMap(renamed, `${file} ${label}`);
        // Not vacuous: a well-formed copy links producers.
        if (label !== 'repeated names') assert.ok(links > 0, `${file} ${label}: no producer found`);
      }
    }
  });
});
