/** Every estimator is total: random shapes (rank 0–5, zero dims), layouts and dtypes never throw or yield NaN/negative figures. */

import { strict as assert } from 'assert';
import { ESTIMATORS, estimateOp } from '../../../server/src/estimate/registry';
import type { DataType } from '../../../server/src/ttnn/dtype';
import type { ValueSpec } from '../../../server/src/ttnn/op';
import { int, ints, op, tensor, whContext } from './build';
import { makeRandom as prng } from '../../../bench/random';

function numbersIn(value: unknown, out: number[] = [], depth = 0): number[] {
  if (depth > 8) return out;
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out, depth + 1);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) numbersIn(v, out, depth + 1);
  return out;
}

describe('estimate/robustness', () => {
  for (const seed of [42, 7, 2026])
    it(`random inputs to every estimator give finite, non-negative figures or an explicit reason (seed ${seed})`, () => {
      const random = prng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
      const dtypes: DataType[] = ['bf16', 'f32', 'bfp_bf8', 'u32', 'si32', 'u8'];
      const dims = [0, 1, 3, 31, 32, 33, 64, 1000, 4096, 100_000];
      const randomTensor = (): ValueSpec => {
        const rank = Math.floor(random() * 6);
        const shape = Array.from({ length: rank }, () => pick(dims));
        const page = pick(['tile', 'row_major'] as const);
        const dtype = page === 'row_major' && pick(dtypes).startsWith('bfp') ? 'bf16' : pick(dtypes);
        const mem = pick(['interleaved', 'interleaved', 'height_sharded', 'block_sharded'] as const);
        return tensor(shape, {
          page,
          dtype,
          buffer: pick(['dram', 'l1', 'system_memory'] as const),
          mem,
          grid: [pick([1, 2, 8]), pick([1, 8])],
        });
      };
      const names = [...ESTIMATORS.keys()];
      for (let i = 0; i < 3000; i++) {
        const name = pick(names);
        const operands = Array.from({ length: 1 + Math.floor(random() * 3) }, randomTensor);
        const o = op(name, operands, [randomTensor()], {
          permutation: ints(...[0, 1, 2, 3, 4].slice(0, Math.floor(random() * 6)).reverse()),
          dim0: int(pick([0, 1, -1, 7])),
          dim1: int(pick([0, 1, -2])),
          dimension: int(pick([-1, 0, 3])),
          padding: ints(0, 1, 2, 3),
          kernel_size: ints(3, 3, 3),
        });
        const ctx = whContext({
          era: pick(['legacy-block', 'sub-block'] as const),
          live: pick([0, 500_000, 1_396_000, 2_000_000]),
        });
        const r = estimateOp(o, ctx);
        if (r.kind === 'unmodeled') {
          assert.ok(r.reason.length > 0);
          assert.ok(!r.reason.startsWith('internal estimator error'), `${name}: ${r.reason}`);
          continue;
        }
        for (const n of numbersIn(r))
          assert.ok(Number.isFinite(n) && n >= 0, `${name}: bad figure ${n} in ${JSON.stringify(r).slice(0, 300)}`);
      }
    });
});
