/**
 * rms_norm_post_all_gather / layer_norm_post_all_gather (ops/normPostAllGather.ts): figures derived by hand from
 * tt-metal's LayerNormPostAllGatherProgramFactory (layernorm_post_all_gather_program_factory.cpp@015365c and @71ff3c1,
 * same CB sizes; arithmetic in the comments). No public thread with a tt-metal figure for these ops was found.
 */

import { strict as assert } from 'assert';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import { postAllGatherRowTiles } from '../../../server/src/estimate/ops/normPostAllGather';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { computeConfig, op, tensor, whContext } from './build';

const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });
const yes: PropValue = { kind: 'bool', value: true };

// Wormhole n150: 1,499,136 B of L1, allocator base 102,656 → A = 1,396,480 B above the base; 0.95·A = 1,326,656.
const WH_ABOVE_BASE = 1_396_480;

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

function unmodeledReason(r: OpEstimateResult): string {
  assert.equal(r.kind, 'unmodeled');
  return r.kind === 'unmodeled' ? r.reason : '';
}

/** The post-all-gather norm as tt-mlir prints it: (input, stats, weight, bias) segments, result like the input. */
function post(
  name: 'rms' | 'layer',
  input: TensorSpec,
  stats: TensorSpec,
  o: { weight?: TensorSpec; bias?: TensorSpec; props?: Record<string, PropValue> } = {},
) {
  const dims = input.shape.kind === 'known' ? input.shape.dims : [];
  const operands = [input, stats, ...(o.weight ? [o.weight] : []), ...(o.bias ? [o.bias] : [])];
  return op(`ttnn.${name}_norm_post_all_gather`, operands, [tensor(dims, { dtype: input.elementDtype })], {
    operandSegmentSizes: segments(1, 1, o.weight ? 1 : 0, o.bias ? 1 : 0),
    ...o.props,
  });
}

describe('estimate/normPostAllGather', () => {
  const ctx = whContext();

  it('rms, 1x1x32x4096 bf16, two devices of stats, bf16 weight, fp32 acc: 1,335,296 B on one core', () => {
    // Wt = 128 (128·2,048 = 262,144 ≤ 1,326,656: no cap). input 128·2,048 = 262,144 + stats 2·2,048 = 4,096 + gamma
    // 262,144 + eps 2,048 + scaler 2,048 + c_6 1·4,096 + c_8/c_9/c_10 3·4,096 = 12,288 + c_12 128·4,096 = 524,288
    // + out 262,144 = 1,335,296.
    const e = estimateOf(
      estimateOp(
        post('rms', tensor([1, 1, 32, 4096]), tensor([1, 1, 32, 64]), {
          weight: tensor([1, 1, 32, 4096]),
          props: { compute_config: computeConfig(true) },
        }),
        ctx,
      ),
    );
    assert.equal(e.cbBytesPerCore, 1_335_296);
    assert.equal(e.nCoresUsed, 1);
    assert.equal(e.confidence, 'approx');
  });

  it('layer, 1x1x64x2048 bf16, weight and bias, fp32 off: 942,080 B per core on 2 cores', () => {
    // Wt = 64, two tile rows → 2 cores. Row buffers (64 tiles of 2,048): input, gamma, beta, c_12, c_11 (x − E[x]),
    // c_13 (with a bias), out = 7·131,072 = 917,504; stats 4 columns (two devices x Σx, Σx²) 8,192; eps 2,048; scaler
    // 2,048; c_6 2·2,048 = 4,096; c_8/c_9/c_10 6,144; c_7 2,048 → 917,504 + 24,576 = 942,080.
    const e = estimateOf(
      estimateOp(
        post('layer', tensor([1, 1, 64, 2048]), tensor([1, 1, 64, 128]), {
          weight: tensor([1, 1, 32, 2048]),
          bias: tensor([1, 1, 32, 2048]),
          props: { compute_config: computeConfig(false) },
        }),
        ctx,
      ),
    );
    assert.equal(e.cbBytesPerCore, 942_080);
    assert.equal(e.nCoresUsed, 2);
  });

  it('layer without a bias has no c_13; Float32 weight tiles are 4,096 B', () => {
    // From the case above: − beta 131,072 − c_13 131,072, gamma 64·4,096 (+131,072) → 942,080 − 131,072 = 811,008.
    const e = estimateOf(
      estimateOp(
        post('layer', tensor([1, 1, 64, 2048]), tensor([1, 1, 64, 128]), {
          weight: tensor([1, 1, 32, 2048], { dtype: 'f32' }),
          props: { compute_config: computeConfig(false) },
        }),
        ctx,
      ),
    );
    assert.equal(e.cbBytesPerCore, 811_008);
  });

  it('row buffers cap at trunc((A / T)·0.95 / 7) tiles once a row exceeds 95 % of the L1 above the base', () => {
    // bf16: 647·2,048 = 1,325,056 ≤ 1,326,656 keeps Wt; 648·2,048 = 1,327,104 does not:
    // 1,396,480 / 2,048 = 681.875; ·0.95 = 647.78125; / 7 = 92.54 → 92.
    assert.equal(postAllGatherRowTiles(647, 2048, WH_ABOVE_BASE), 647);
    assert.equal(postAllGatherRowTiles(648, 2048, WH_ABOVE_BASE), 92);
    // bfp8 (1,088 B tiles): 1,396,480 / 1,088 = 1,283.53; ·0.95 = 1,219.35; / 7 = 174.19 → 174 (Wt 1,220 > 1,219.35).
    assert.equal(postAllGatherRowTiles(1219, 1088, WH_ABOVE_BASE), 1219);
    assert.equal(postAllGatherRowTiles(1220, 1088, WH_ABOVE_BASE), 174);
  });

  it('rms, 1x1x32x32768 bf16 (Wt = 1,024): capped at 92 tiles → 579,584 B, whatever the free L1', () => {
    // input 92·2,048 = 188,416, c_12 188,416, out 188,416 → 565,248; stats, eps, scaler, c_6 4·2,048 = 8,192;
    // c_8/c_9/c_10 6,144 → 579,584.
    const o = post('rms', tensor([1, 1, 32, 32768]), tensor([1, 1, 32, 32]), {
      props: { compute_config: computeConfig(false) },
    });
    const e = estimateOf(estimateOp(o, ctx));
    assert.equal(e.cbBytesPerCore, 579_584);
    assert.match(e.factoryReason ?? '', /capped at 92 tiles/);
    // A is l1_size_per_core − the allocator base, not the free L1: live tensors change nothing.
    const busy = estimateOf(estimateOp(o, whContext({ live: 900_000 })));
    assert.equal(busy.cbBytesPerCore, 579_584);
    assert.deepEqual(estimatorReads('ttnn.rms_norm_post_all_gather'), { properties: true, liveL1: false });
    assert.deepEqual(estimatorReads('ttnn.layer_norm_post_all_gather'), { properties: true, liveL1: false });
  });

  it('a larger allocator base lowers the cap: bf16 Wt = 1,024 with base 200,000 → 86 tiles', () => {
    // A = 1,499,136 − 200,000 = 1,299,136; / 2,048 = 634.34; ·0.95 = 602.63; / 7 = 86.09 → 86. Figure:
    // 3·86·2,048 = 528,384 + 8,192 + 6,144 = 542,720.
    const o = post('rms', tensor([1, 1, 32, 32768]), tensor([1, 1, 32, 32]), {
      props: { compute_config: computeConfig(false) },
    });
    const e = estimateOf(estimateOp(o, whContext({ base: 200_000 })));
    assert.equal(e.cbBytesPerCore, 542_720);
  });

  it('use_2d_core_grid: a cores_x x cores_y rectangle, row buffers Wt / cores_y, never capped', () => {
    // 1x1x256x4096: 8 tile rows, Wt = 128; Wormhole grid.y = 8 → cores_x = 8, cores_y = 8, 16 tiles each, 64 cores.
    // input 16·2,048 = 32,768, c_12 32,768, out 32,768 → 98,304; stats, eps, scaler, c_6 8,192; c_8..c_10 6,144
    // → 112,640.
    const e = estimateOf(
      estimateOp(
        post('rms', tensor([1, 1, 256, 4096]), tensor([1, 1, 256, 32]), {
          props: { compute_config: computeConfig(false), use_2d_core_grid: yes },
        }),
        ctx,
      ),
    );
    assert.equal(e.cbBytesPerCore, 112_640);
    assert.equal(e.nCoresUsed, 64);
  });

  it('Float32 input needs fp32 accumulation (PR #48226); with it, 4,096 B input tiles', () => {
    const f32Row = tensor([1, 1, 32, 1024], { dtype: 'f32' });
    const stats = tensor([1, 1, 32, 32], { dtype: 'f32' });
    assert.match(
      unmodeledReason(estimateOp(post('rms', f32Row, stats, { props: { compute_config: computeConfig(false) } }), ctx)),
      /fp32_dest_acc_en off/,
    );
    // Wt = 32, im = 4,096: input, c_12, out 3·32·4,096 = 393,216; stats 4,096; eps, scaler 2·2,048 = 4,096; c_6 and
    // c_8..c_10 4·4,096 = 16,384 → 417,792.
    const e = estimateOf(
      estimateOp(post('rms', f32Row, stats, { props: { compute_config: computeConfig(true) } }), ctx),
    );
    assert.equal(e.cbBytesPerCore, 417_792);
    assert.match(e.approxReason ?? '', /#48226/);
  });

  it('sharded input, and stats that do not split into whole devices, are unmodeled with the reason', () => {
    const sharded = tensor([1, 1, 32, 4096], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    assert.match(
      unmodeledReason(estimateOp(post('rms', sharded, tensor([1, 1, 32, 32])), ctx)),
      /sharded LayerNorm factory/,
    );
    // layer_norm: two columns per device; three columns is no whole number of devices.
    assert.match(
      unmodeledReason(estimateOp(post('layer', tensor([1, 1, 32, 4096]), tensor([1, 1, 32, 96])), ctx)),
      /whole number of devices/,
    );
  });
});
