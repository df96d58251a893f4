/** estimate/legality.ts: the op validation rules the registry checks before an estimator, per build window. */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import { op, tensor, whContext } from './build';

const S = [28672, 32];
const l1 = tensor(S, { buffer: 'l1' });
const dram = tensor(S);
const hs = tensor(S, { buffer: 'l1', mem: 'height_sharded', grid: [64, 1] });

describe('estimate/legality', () => {
  it("a unary op with interleaved input and sharded output is illegal before the relaxation, with tt-metal's words", () => {
    const r = estimateOp(op('ttnn.exp', [l1], [hs]), whContext({ ttMetalDate: '2026-02-15' }));
    assert.equal(r.kind, 'illegal');
    assert.match(
      r.kind === 'illegal' ? r.rule : '',
      /^Unary operation requires Input and Output memory layout to match/,
    );
  });

  it('and legal (an estimate) on builds after it', () => {
    assert.equal(estimateOp(op('ttnn.exp', [l1], [hs]), whContext({ ttMetalDate: '2026-06-15' })).kind, 'estimate');
  });

  it('a window straddling the change reports the illegal sub-window in versionRange', () => {
    const r = estimateOp(
      op('ttnn.exp', [l1], [hs]),
      whContext({ window: { earliest: '2026-01-01', latest: '2026-06-30' } }),
    );
    assert.equal(r.kind, 'estimate');
    const kinds = r.kind === 'estimate' ? r.versionRange?.figures.map((f) => f.kind) : undefined;
    assert.deepEqual(kinds, ['illegal', 'estimate']);
  });

  it('matching layouts are legal in every build: interleaved → interleaved, sharded → sharded; binary ops are not affected', () => {
    for (const date of ['2025-06-01', '2026-06-01']) {
      assert.equal(estimateOp(op('ttnn.exp', [dram], [l1]), whContext({ ttMetalDate: date })).kind, 'estimate');
      assert.equal(estimateOp(op('ttnn.exp', [hs], [hs]), whContext({ ttMetalDate: date })).kind, 'estimate');
      assert.notEqual(estimateOp(op('ttnn.add', [dram, dram], [hs]), whContext({ ttMetalDate: date })).kind, 'illegal');
    }
  });
});
