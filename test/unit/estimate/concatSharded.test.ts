/**
 * L1-sharded concat: the zero-copy sharded factories (concat_device_operation.cpp@0029bb1 select/validate,
 * concat_s2s_multi_program_factory.cpp@019b681, concat_s2s_tiled_program_factory.cpp@09b4c34,
 * concat_s2i_program_factory.cpp@050f24f). Figures by hand; CBs placed at 32 B boundaries on WH n150.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { DataType } from '../../../server/src/ttnn/dtype';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r as OpEstimate;
}

// Height-sharded over 2 cores: 128 rows → shards of 2 tile rows.
const hs = (shape: number[], dtype: DataType = 'bf16') =>
  tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [2, 1], dtype });
const ws = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'width_sharded', grid: [1, 2] });

describe('estimate/concat: L1-sharded operands', () => {
  it('two tiled height-sharded inputs on W: the S2S tiled factory stages the transposes through four CBs', () => {
    // Shard widths: 64 → 2 tiles, 128 → 4 tiles. c_3 = 2·2,048 = 4,096; c_4 = 4·2,048 = 8,192; c_5 = 6·2,048 = 12,288;
    // c_6 = 6·2,048 = 12,288 (inputs and output are bound to their shards) → 36,864 B on each of the 2 cores.
    const e = est(
      estimateOp(
        op('ttnn.concat', [hs([1, 1, 128, 64]), hs([1, 1, 128, 128])], [hs([1, 1, 128, 192])], { dim: int(3) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ConcatS2STiledProgramFactory');
    assert.equal(e.nCoresUsed, 2);
    assert.equal(e.cbBytesPerCore, 36_864);
    // bfp8: the staging CBs hold bf16 tiles (2,048), the output transpose bfp8 tiles (1,088):
    // 4,096 + 8,192 + 12,288 + 6·1,088 = 6,528 → 31,104 B.
    const b = est(
      estimateOp(
        op(
          'ttnn.concat',
          [hs([1, 1, 128, 64], 'bfp_bf8'), hs([1, 1, 128, 128], 'bfp_bf8')],
          [hs([1, 1, 128, 192], 'bfp_bf8')],
          { dim: int(3) },
        ),
        whContext(),
      ),
    );
    assert.equal(b.cbBytesPerCore, 31_104);
  });

  it('more than two inputs: the S2S multi factory binds every CB to a shard (no CB-region bytes)', () => {
    const e = est(
      estimateOp(
        op('ttnn.concat', [hs([1, 1, 128, 64]), hs([1, 1, 128, 64]), hs([1, 1, 128, 64])], [hs([1, 1, 128, 192])], {
          dim: int(3),
        }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ConcatS2SMultiProgramFactory');
    assert.equal(e.cbBytesPerCore, 0);
    assert.ok(e.cbs.every((c) => c.tensorBacked));
    // whContext's build (2025-11-27) is before read span concat-s2s-multi-height-sharded-w (498e08d, 2025-12-05).
    assert.equal(e.confidence, 'approx');
  });

  it('the S2S multi factory is exact on the builds read (2025-12-05..2026-06-23), approx on a window reaching past', () => {
    // concat_device_operation.cpp@498e08d … @622c6fb: more than two sharded inputs with a sharded output → S2S multi
    // (dim 3 of rank 4); every CB bound to its shard at each commit: 0 B of CB region.
    const three = op(
      'ttnn.concat',
      [hs([1, 1, 128, 64]), hs([1, 1, 128, 64]), hs([1, 1, 128, 64])],
      [hs([1, 1, 128, 192])],
      { dim: int(3) },
    );
    const inside = est(estimateOp(three, whContext({ ttMetalDate: '2026-04-15' })));
    assert.equal(inside.cbBytesPerCore, 0);
    assert.equal(inside.confidence, 'exact');
    const past = est(estimateOp(three, whContext({ window: { earliest: '2026-06-01', latest: '2026-07-01' } })));
    assert.equal(past.confidence, 'approx');
  });

  // Builds from change point concat-sharded-block-and-s2i (PR #41743, dated 2026-06-24 at the earliest).
  const afterBlockSupport = () => whContext({ ttMetalDate: '2026-07-01' });

  it('sharded inputs to an interleaved output: S2I, input shards bound (from PR #41743); rejected before', () => {
    const s2i = op('ttnn.concat', [hs([1, 1, 128, 64]), hs([1, 1, 128, 64])], [tensor([1, 1, 128, 128])], {
      dim: int(3),
    });
    const e = est(estimateOp(s2i, afterBlockSupport()));
    assert.equal(e.factory, 'ConcatS2IProgramFactory');
    assert.equal(e.cbBytesPerCore, 0);
    // concat_device_operation.cpp@9baa114 … @622c6fb validate: the interleaved output's memory layout is not the
    // inputs' → TT_FATAL "Sharded output and inputs must have the same memory layout."
    const before = estimateOp(s2i, whContext());
    assert.equal(before.kind, 'illegal');
    assert.equal((before as { rule: string }).rule, 'Sharded output and inputs must have the same memory layout.');
  });

  it('block-sharded inputs: rejected by the validation before PR #41743 ("Block sharded inputs are not supported")', () => {
    const bs = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'block_sharded', grid: [2, 2] });
    const r = estimateOp(
      op('ttnn.concat', [bs([1, 1, 128, 128]), bs([1, 1, 128, 128])], [bs([1, 1, 128, 256])], { dim: int(3) }),
      whContext({ ttMetalDate: '2026-04-15' }),
    );
    assert.equal(r.kind, 'illegal');
    assert.equal((r as { rule: string }).rule, 'Block sharded inputs are not supported');
  });

  it("tt-metal's validation: W concat of width-sharded tensors, mixed sharding, a batch-dim concat", () => {
    const widthOnWsOp = op('ttnn.concat', [ws([1, 1, 64, 128]), ws([1, 1, 64, 128])], [ws([1, 1, 64, 256])], {
      dim: int(3),
    });
    const widthOnWs = estimateOp(widthOnWsOp, afterBlockSupport());
    assert.equal(widthOnWs.kind, 'illegal');
    assert.match(
      (widthOnWs as { rule: string }).rule,
      /Only support width concat on height-sharded or block-sharded tensors/,
    );
    // Before PR #41743 the per-input check fires first: two width-sharded inputs.
    const widthOnWsBefore = estimateOp(widthOnWsOp, whContext());
    assert.equal(
      (widthOnWsBefore as { rule: string }).rule,
      'Width sharded inputs are not supported for two tensors concat yet',
    );
    const mixed = estimateOp(
      op('ttnn.concat', [hs([1, 1, 128, 64]), tensor([1, 1, 128, 64])], [hs([1, 1, 128, 128])], { dim: int(3) }),
      whContext(),
    );
    assert.equal(mixed.kind, 'illegal');
    const batch = estimateOp(
      op('ttnn.concat', [hs([1, 1, 128, 64]), hs([1, 1, 128, 64])], [hs([2, 1, 128, 64])], { dim: int(0) }),
      whContext(),
    );
    assert.equal(batch.kind, 'illegal');
    assert.match((batch as { rule: string }).rule, /Only width or height concat on sharded tensors/);
  });

  it("the VoVNet dump's height-sharded four-way concats get a figure (S2S multi, no CB-region bytes)", () => {
    const text = readFileSync(
      join(__dirname, '../../fixtures/corpus/docs/vovnet-bounty/vovnet_clean/vovnet.opt.ttnn.mlir'),
      'utf8',
    );
    const concats = analyzeModule(parse(text)).functions.flatMap((f) =>
      f.ops.filter((o) => o.op.name === 'ttnn.concat'),
    );
    const sharded = concats.filter(
      (o) => o.estimate.kind === 'estimate' && o.estimate.factory === 'ConcatS2SMultiProgramFactory',
    );
    assert.ok(sharded.length >= 1);
    for (const o of concats) assert.notEqual(o.estimate.kind, 'unmodeled');
  });
});
