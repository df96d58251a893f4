/**
 * rms_norm_pre_all_gather / layer_norm_pre_all_gather (ops/normPreAllGather.ts): figures derived by hand from tt-metal's
 * LayerNormPreAllGatherProgramFactory (layernorm_pre_all_gather_program_factory.cpp@5b9c671 before PR #52081, @05ddaab
 * after; arithmetic in the comments), and tt-metal's own figure for Wormhole from PR #54698's description.
 */

import { strict as assert } from 'assert';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { computeConfig, op, tensor, whContext, assertExactUpToNewestRead } from './build';

const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });
const AFTER = '2026-09-01'; // after PR #52081 (≈2026-08-11)
const BEFORE = '2026-08-01';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

function unmodeledReason(r: OpEstimateResult): string {
  assert.equal(r.kind, 'unmodeled');
  return r.kind === 'unmodeled' ? r.reason : '';
}

/** rms_norm_pre_all_gather as tt-mlir prints it: (input, residual) segments, result = one stats tile per row. */
function rmsPre(input: TensorSpec, props: Record<string, PropValue> = {}, residual?: TensorSpec, out?: TensorSpec) {
  const dims = input.shape.kind === 'known' ? input.shape.dims : [];
  const result = out ?? tensor([...dims.slice(0, -1), 32], { dtype: 'bf16' });
  return op('ttnn.rms_norm_pre_all_gather', residual ? [input, residual] : [input], [result], {
    operandSegmentSizes: segments(1, residual ? 1 : 0),
    ...props,
  });
}

/** layer_norm_pre_all_gather: (input, residual_input, recip) segments, result = two stats tiles per row (Σx, Σx²). */
function layerPre(input: TensorSpec, props: Record<string, PropValue> = {}, residual?: TensorSpec, recip?: TensorSpec) {
  const dims = input.shape.kind === 'known' ? input.shape.dims : [];
  const operands: TensorSpec[] = [input, ...(residual ? [residual] : []), ...(recip ? [recip] : [])];
  return op('ttnn.layer_norm_pre_all_gather', operands, [tensor([...dims.slice(0, -1), 64], { dtype: 'bf16' })], {
    operandSegmentSizes: segments(1, residual ? 1 : 0, recip ? 1 : 0),
    ...props,
  });
}

describe('estimate/normPreAllGather', () => {
  const row4096 = tensor([1, 1, 32, 4096]);

  it('rms, 1x1x32x4096 bf16, fp32 acc, after PR #52081: 1,579,008 B on one core (tt-metal #54697)', () => {
    // Wt = 128: input 2·128·2,048 = 524,288 + scaler 1·4,096 + x^2 2·128·4,096 = 1,048,576 + out 1·2,048 = 1,579,008.
    const e = estimateOf(
      estimateOp(rmsPre(row4096, { compute_config: computeConfig(true) }), whContext({ ttMetalDate: AFTER })),
    );
    assert.equal(e.cbBytesPerCore, 1_579_008);
    assert.equal(e.nCoresUsed, 1);
    assertExactUpToNewestRead(e, { earliest: AFTER, latest: AFTER });
  });

  it("Wormhole: within 4 KiB of the 1,684,672 B tt-metal printed (PR #54698's description), with the 2026 base", () => {
    // tt-metal #38364's 2026 Wormhole base (103,712) + 1,579,008 = 1,682,720.
    const e = estimateOf(
      estimateOp(
        rmsPre(row4096, { compute_config: computeConfig(true) }),
        whContext({ ttMetalDate: AFTER, base: 103_712 }),
      ),
    );
    assert.ok(Math.abs(e.cbRegionEndBytes - 1_684_672) <= 4096, `${e.cbRegionEndBytes}`);
  });

  it('before PR #52081 every intermediate is bf16 whatever fp32_dest_acc_en; a straddling window gives both figures', () => {
    // input 524,288 + scaler 2,048 + x^2 2·128·2,048 = 524,288 + out 2,048 = 1,052,672.
    const pre = rmsPre(row4096, { compute_config: computeConfig(true) });
    assert.equal(estimateOf(estimateOp(pre, whContext({ ttMetalDate: BEFORE }))).cbBytesPerCore, 1_052_672);
    const both = estimateOf(estimateOp(pre, whContext({ window: { earliest: BEFORE, latest: AFTER } })));
    assert.deepEqual(
      both.versionRange?.figures.map((f) => f.cbBytesPerCore),
      [1_052_672, 1_579_008],
    );
    // fp32 off after the change: the bf16 figure again.
    const off = rmsPre(row4096, { compute_config: computeConfig(false) });
    assert.equal(estimateOf(estimateOp(off, whContext({ ttMetalDate: AFTER }))).cbBytesPerCore, 1_052_672);
  });

  it('layer_norm with a fused residual, 1x1x128x1024, fp32 acc: 663,552 B on each of 4 cores', () => {
    // Wt = 32, 4 tile rows → 4 cores. input 64·2,048 = 131,072 + scaler 4,096 + residual 64·2,048 = 131,072 + a+b
    // 32·4,096 = 131,072 + x^2 64·4,096 = 262,144 + out 2·2,048 = 4,096 → 663,552.
    const x = tensor([1, 1, 128, 1024]);
    const e = estimateOf(
      estimateOp(layerPre(x, { compute_config: computeConfig(true) }, x), whContext({ ttMetalDate: AFTER })),
    );
    assert.equal(e.cbBytesPerCore, 663_552);
    assert.equal(e.nCoresUsed, 4);
  });

  it('bfp8 input, 1x1x64x2048, fp32 off: 405,504 B on 2 cores', () => {
    // Wt = 64: input 128·1,088 = 139,264 + scaler 2,048 + x^2 128·2,048 = 262,144 + out 2,048 = 405,504.
    const x = tensor([1, 1, 64, 2048], { dtype: 'bfp_bf8' });
    const e = estimateOf(
      estimateOp(rmsPre(x, { compute_config: computeConfig(false) }), whContext({ ttMetalDate: AFTER })),
    );
    assert.equal(e.cbBytesPerCore, 405_504);
    assert.equal(e.nCoresUsed, 2);
  });

  it('without compute_config: the ttnn default (fp32 off), approx once the format follows the config', () => {
    const e = estimateOf(estimateOp(rmsPre(row4096), whContext({ ttMetalDate: AFTER })));
    assert.equal(e.cbBytesPerCore, 1_052_672);
    assert.equal(e.confidence, 'approx');
    const before = estimateOf(estimateOp(rmsPre(row4096), whContext({ ttMetalDate: BEFORE })));
    assertExactUpToNewestRead(before, { earliest: BEFORE, latest: BEFORE });
  });

  it("use_2d_core_grid, 1x1x32x4096 fp32 acc (tt-metal #55075, Wormhole): within 4 KiB of tt-metal's 1,725,632 B", () => {
    // 1 tile row → cores_x = 1; Wt = 128 → cores_y = 8 (≤ grid.y), 16 tiles each. Merge core: input 524,288 + scaler
    // 4,096 + x^2 1,048,576 + merge 8·4,096 = 32,768 + partial 4,096 + zero 4,096 + out 2,048 = 1,619,968;
    // + the 2026 Wormhole base 103,712 = 1,723,680.
    const twoD = rmsPre(row4096, {
      compute_config: computeConfig(true),
      use_2d_core_grid: { kind: 'bool', value: true },
    });
    const e = estimateOf(estimateOp(twoD, whContext({ ttMetalDate: AFTER, base: 103_712 })));
    assert.equal(e.cbBytesPerCore, 1_619_968);
    assert.equal(e.nCoresUsed, 8);
    assert.ok(Math.abs(e.cbRegionEndBytes - 1_725_632) <= 4096, `${e.cbRegionEndBytes}`);
  });

  it('use_2d_core_grid across PR #50288 (merge buffer Wt/cores_y → cores_y) and PR #52081 (bf16 → Float32)', () => {
    const twoD = rmsPre(row4096, {
      compute_config: computeConfig(true),
      use_2d_core_grid: { kind: 'bool', value: true },
    });
    // Before both (bf16): 524,288 + 2,048 + 524,288 + merge 16·2,048 = 32,768 + 2,048 + 2,048 + 2,048 = 1,089,536.
    assert.equal(estimateOf(estimateOp(twoD, whContext({ ttMetalDate: '2026-07-01' }))).cbBytesPerCore, 1_089_536);
    // After #50288 only: merge 8·2,048 = 16,384 → 1,073,152.
    assert.equal(estimateOf(estimateOp(twoD, whContext({ ttMetalDate: '2026-07-25' }))).cbBytesPerCore, 1_073_152);
    // 8 tile rows x Wt 32 → 8 x 8 cores, 4 tiles of the row each; bf16, fp32 off, after both: 64·2,048 + 2,048 +
    // 64·2,048 + 8·2,048 + 2,048 + 2,048 + 2,048 = 286,720 on the merge row.
    const wide = rmsPre(tensor([1, 1, 256, 1024]), {
      compute_config: computeConfig(false),
      use_2d_core_grid: { kind: 'bool', value: true },
    });
    const e = estimateOf(estimateOp(wide, whContext({ ttMetalDate: AFTER })));
    assert.equal(e.cbBytesPerCore, 286_720);
    assert.equal(e.nCoresUsed, 64);
  });

  it('factories and configurations it does not model are unmodeled, with the reason', () => {
    const ctx = whContext({ ttMetalDate: AFTER });
    const sharded = tensor([1, 1, 32, 4096], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    assert.match(unmodeledReason(estimateOp(rmsPre(sharded), ctx)), /sharded LayerNorm factory/);
    const twoD = layerPre(row4096, { use_2d_core_grid: { kind: 'bool', value: true } });
    assert.match(unmodeledReason(estimateOp(twoD, ctx)), /2DProgramFactory is modeled for rms only/);
    const recip = tensor([1, 1, 32, 4096]);
    assert.match(unmodeledReason(estimateOp(layerPre(row4096, {}, undefined, recip), ctx)), /Welford/);
    const f32 = tensor([1, 1, 32, 4096], { dtype: 'f32' });
    assert.match(
      unmodeledReason(estimateOp(rmsPre(f32, { compute_config: computeConfig(false) }), ctx)),
      /Float32 input with fp32_dest_acc_en off/,
    );
  });

  it('declares that it reads properties (compute_config, use_2d_core_grid) and not live L1', () => {
    for (const name of ['ttnn.rms_norm_pre_all_gather', 'ttnn.layer_norm_pre_all_gather'])
      assert.deepEqual(estimatorReads(name), { properties: true, liveL1: false });
  });
});
