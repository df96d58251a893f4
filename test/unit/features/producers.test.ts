/** Producer chains: the ops that made the tensor an op consumes, nearest first (what the overflow diagnostic links to). */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { inferBuildWindow } from '../../../server/src/analysis/buildWindow';
import { producerChain } from '../../../server/src/features/producers';

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
});
