/**
 * Operand resolution (estimate/common.ts) is kept per spec object: a kept resolution equals a fresh one of an equal
 * spec (a new object, so resolved afresh) for every tensor of real dumps and the benchmark's dump, and a reason names
 * the operand each caller asks about.
 */

import { strict as assert } from 'assert';
import { generateTtnnModule } from '../../../bench/generate';
import { resolveTensor, resolveTensorSpec } from '../../../server/src/estimate/common';
import { parse } from '../../../server/src/mlir/parser';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { TensorSpec, TtnnModule } from '../../../server/src/ttnn/op';
import { DUMP, readCorpus } from '../../support/corpus';
import { tensor } from './build';

function tensorSpecs(module: TtnnModule): TensorSpec[] {
  const specs = new Set<TensorSpec>();
  for (const fn of module.functions)
    for (const o of fn.ops) for (const s of [...o.operands, ...o.results]) if (s.kind === 'tensor') specs.add(s);
  return [...specs];
}

describe('estimate/common: resolved tensors kept per spec', () => {
  it('a kept resolution is the same object on each call and equals a fresh one of an equal spec', () => {
    let compared = 0;
    const texts = [
      readCorpus(DUMP.resnet18),
      readCorpus(DUMP.falcon3DecodeTraced),
      readCorpus(DUMP.oom),
      generateTtnnModule({ nOps: 1_000, seed: 3 }),
    ];
    for (const text of texts) {
      for (const spec of tensorSpecs(moduleFromSyntax(parse(text)))) {
        const first = resolveTensorSpec(spec, 'input');
        const fresh = resolveTensorSpec(structuredClone(spec), 'input');
        assert.deepStrictEqual(first, fresh);
        if (typeof first !== 'string') assert.equal(resolveTensor(spec, 'result'), first);
        compared++;
      }
    }
    assert.ok(compared > 150, `${compared} specs compared`);
  });

  it('an unusable spec is not kept: its reason names the operand asked about', () => {
    const empty = tensor([0, 32]);
    assert.equal(resolveTensorSpec(empty, 'input'), 'input is empty (a zero dimension): no data to move');
    assert.equal(resolveTensorSpec(empty, 'weight'), 'weight is empty (a zero dimension): no data to move');
  });
});
