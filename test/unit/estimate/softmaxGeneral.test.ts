/**
 * `ttnn.softmax` over dim -2 (server/src/estimate/ops/softmax.ts): tt-metal's general H factories, figures by hand
 * from softmax_program_factory_general_h_small.cpp / _h_large.cpp @003544f and is_softmax_general_h_small_available
 * (base + CB bytes ≤ 512 KiB = 524,288). bf16 tile = 2,048 B; the n150 base is 102,656 B.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { PropValue } from '../../../server/src/ttnn/op';
import { computeConfig, int, op, tensor, whContext } from './build';

function softmaxH(shape: number[], o: { dtype?: 'bf16' | 'f32'; fp32?: boolean; date?: string } = {}) {
  const t = () => tensor(shape, { dtype: o.dtype ?? 'bf16' });
  const props: Record<string, PropValue> = { dimension: int(-2) };
  if (o.fp32 !== undefined) props['compute_config'] = computeConfig(o.fp32);
  return estimateOp(op('ttnn.softmax', [t()], [t()], props), whContext({ ttMetalDate: o.date }));
}

describe('estimate/softmax over dim -2 (general H factories)', () => {
  it('whole-column CBs while they fit 512 KiB with the base (Ht = 50)', () => {
    // small test: 102,656 + (4·50 + 5)·2,048 = 102,656 + 419,840 = 522,496 ≤ 524,288 → H-small;
    // CBs: 50 + 1 + 1 + 50 + 50 + 1 + 1 + 50 + 1 = 205 tiles = 419,840 B; Wt = 1 column → 1 core.
    const r = softmaxH([50 * 32, 32]);
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.factory, 'SoftmaxProgramFactoryGeneralHSmall');
    assert.equal(r.cbBytesPerCore, 419_840);
    assert.equal(r.nCoresUsed, 1);
  });

  it('two-tile streaming CBs one tile row later (Ht = 51)', () => {
    // 102,656 + 209·2,048 = 530,688 > 524,288 → H-large: 2 + 1 + 1 + 2 + 2 + 1 + 1 + 1 + 1 = 12 tiles = 24,576 B.
    const r = softmaxH([51 * 32, 32]);
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.factory, 'SoftmaxProgramFactoryGeneralHLarge');
    assert.equal(r.cbBytesPerCore, 24_576);
  });

  it("a compute config's fp32_dest_acc_en makes a bf16 input's intermediates Float32 (Ht = 50 then streams)", () => {
    // small test with ti = 4,096: 102,656 + (2·50 + 2)·2,048 + (2·50 + 3)·4,096 = 102,656 + 208,896 + 421,888
    // = 733,440 > 524,288 → H-large: c_0, c_16 2·2,048 each, c_1, c_2 2,048 each = 12,288; c_24 2·4,096 = 8,192;
    // c_25..c_28 4·4,096 = 16,384 → 36,864 B (without the config the same op keeps whole columns, 419,840 B above).
    const r = softmaxH([50 * 32, 32], { fp32: true });
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.factory, 'SoftmaxProgramFactoryGeneralHLarge');
    assert.equal(r.cbBytesPerCore, 36_864);
  });

  it('an f32 input with a compute config turning fp32 accumulation off throws, as the general factories do', () => {
    const r = softmaxH([64, 32], { dtype: 'f32', fp32: false });
    assert.equal(r.kind, 'illegal');
    assert.ok(r.kind === 'illegal' && r.rule.includes('FP32 destination accumulation must be enabled'));
  });

  it('splits the tile columns over cores', () => {
    // 2x64x96: NC = 2, Wt = 3 → 6 columns on 6 cores; Ht = 2 → small: 13 tiles = 26,624 B each.
    const r = softmaxH([2, 64, 96]);
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.nCoresUsed, 6);
    assert.equal(r.cbBytesPerCore, 26_624);
  });

  it('from tt-metal PR #41637 (7fb82fd, 2026-04-24) a one-tile sum scaler c_3: Ht = 51 streams in 13 tiles', () => {
    // general_h_large.cpp@7fb82fd: the 12 tiles above + c_3 1 = 13 tiles = 26,624 B; the small test is unchanged.
    const r = softmaxH([51 * 32, 32], { date: '2026-04-24' });
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.cbBytesPerCore, 26_624);
    const before = softmaxH([51 * 32, 32], { date: '2026-04-23' });
    assert.equal(before.kind === 'estimate' && before.cbBytesPerCore, 24_576);
  });
});
