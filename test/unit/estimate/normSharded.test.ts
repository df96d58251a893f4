/**
 * Sharded layer_norm / rms_norm (ops/normSharded.ts): figures derived by hand from tt-metal's
 * LayerNormShardedProgramFactory (layernorm_op_multi_core_sharded.cpp, sharded_layernorm_factory_helpers.cpp: CB sizes
 * and list; layernorm_types.hpp@d134b03: the program config derived from the shard spec), arithmetic in the comments.
 * Wormhole n150 preset: 8x8 worker grid, bf16 tile 2,048 B, f32 tile 4,096 B.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { computeConfig, op, tensor, whContext } from './build';

const AFTER = '2026-03-01'; // after PR #34335 (≈2025-12-16) and PR #19295
const BEFORE = '2025-11-01';
const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

function norm(name: string, input: TensorSpec, output: TensorSpec, gamma?: TensorSpec, beta?: TensorSpec) {
  const operands = [input, ...(gamma ? [gamma] : []), ...(beta ? [beta] : [])];
  return op(name, operands, [output], { operandSegmentSizes: segments(1, gamma ? 1 : 0, beta ? 1 : 0) });
}

describe('estimate/normSharded', () => {
  const width32 = tensor([1, 1, 32, 4096], { buffer: 'l1', mem: 'width_sharded', grid: [1, 32] });

  it('rms_norm 1x1x32x4096 width-sharded on 32 cores: 53,248 B (two-stage reduce over 8x4)', () => {
    // Shard 1x4 tiles: block_h 1, block_w 4, Kt 128. All rows in one shard → 1D mcast, 32 blocks; the 32 cores lie
    // row-major on the 8-wide grid as 8x4, rectangular, 1 < 8 ≤ 8 and y 4 > 1 → two-stage, ex_external 8 + 4 − 1 = 11.
    // rms_norm default fp32 acc off → bf16 intermediates (2,048 B). c_0 / c_16 sit on the shards (0 B).
    // c_24 4 + c_18 4 + c_2 1 + c_3 1 + c_4 1 + c_11 1 + c_12 1 + c_13 11 + c_20 ⌈1/8⌉ = 1 + c_15 1 = 26 tiles = 53,248 B.
    const e = estimateOf(estimateOp(norm('ttnn.rms_norm', width32, width32), whContext({ ttMetalDate: AFTER })));
    assert.equal(e.cbBytesPerCore, 53_248);
    assert.equal(e.nCoresUsed, 32);
    assert.equal(e.confidence, 'approx');
    const tensorBacked = e.cbs.filter((c) => c.tensorBacked).map((c) => c.cbIndex);
    assert.deepEqual(tensorBacked, ['c_0', 'c_16']);
    // The output shard (1x4 bf16 tiles = 8,192 B per core) is an L1 tensor of its own, not CB space.
    assert.equal(e.l1TensorBytesPerCore, 8_192);
  });

  it('layer_norm 1x1x256x1024 block-sharded 8x4 with bf16 gamma/beta: 161,792 B (2D, fp32 acc default)', () => {
    // Shard: 8 tile rows / 8 = 1, 32 tile columns / 4 = 8 → block_h 1, block_w 8, Kt 32. Not all rows in one shard →
    // 2D, num_blocks = grid x = 4, no two-stage; ex_external ⌈32/8⌉ = 4; rows per worker ⌈1/4⌉ = 1.
    // layer_norm default fp32 acc on (PR #19295) → Float32 intermediates (4,096 B).
    // gamma c_5 8·2,048 = 16,384, beta c_6 16,384; c_24 8·4,096 = 32,768, c_18 32,768;
    // c_8 4,096 + c_9 4,096 + c_10 4·4,096 = 16,384; c_2/c_3/c_4 3·2,048 = 6,144;
    // c_11 4,096 + c_12 4,096 + c_13 16,384 + c_20 4,096 + c_15 4,096.
    // 32,768 + 65,536 + 24,576 + 6,144 + 32,768 = 161,792.
    const x = tensor([1, 1, 256, 1024], { buffer: 'l1', mem: 'block_sharded', grid: [8, 4] });
    const w = tensor([1, 1, 1, 1024]);
    const e = estimateOf(estimateOp(norm('ttnn.layer_norm', x, x, w, w), whContext({ ttMetalDate: AFTER })));
    assert.equal(e.cbBytesPerCore, 161_792);
    assert.equal(e.nCoresUsed, 32);
  });

  it('c_4 (global reduce scaler) is bf16 before PR #41637 (2026-04-24) and Float32 with fp32 acc from it', () => {
    // sharded_layernorm_factory_helpers.cpp@7fb82fd^: c_4 = in2_CB_size, one bf16 tile (2,048 B) for every config;
    // @7fb82fd (PR #41637): one tile of Float32 when the intermediates are Float32 (4,096 B), else bf16.
    // layer_norm 1x1x256x1024 block-sharded 8x4 with bf16 gamma/beta, default fp32 acc on (as in the test above):
    //   2026-04-23: 161,792 B (c_2/c_3/c_4 3·2,048 = 6,144);
    //   2026-04-24: c_2 2,048 + c_3 2,048 + c_4 4,096 = 8,192 → 161,792 − 6,144 + 8,192 = 163,840 B.
    // rms_norm 1x1x32x4096 width-sharded on 32 cores, fp32 acc off (first test): c_4 stays 2,048, 53,248 B both days.
    const x = tensor([1, 1, 256, 1024], { buffer: 'l1', mem: 'block_sharded', grid: [8, 4] });
    const w = tensor([1, 1, 1, 1024]);
    const c4Bytes = (e: Extract<OpEstimateResult, { kind: 'estimate' }>) =>
      e.cbs.find((c) => c.cbIndex === 'c_4')?.totalBytes;
    const layerOn = (date: string) =>
      estimateOf(estimateOp(norm('ttnn.layer_norm', x, x, w, w), whContext({ ttMetalDate: date })));
    const before = layerOn('2026-04-23');
    const after = layerOn('2026-04-24');
    assert.equal(before.cbBytesPerCore, 161_792);
    assert.equal(c4Bytes(before), 2_048);
    assert.equal(after.cbBytesPerCore, 163_840);
    assert.equal(c4Bytes(after), 4_096);
    for (const date of ['2026-04-23', '2026-04-24']) {
      const rms = estimateOf(estimateOp(norm('ttnn.rms_norm', width32, width32), whContext({ ttMetalDate: date })));
      assert.equal(rms.cbBytesPerCore, 53_248, date);
    }
  });

  it('rms_norm width-sharded on 49 cores (non-rectangular 8x7 box): no two-stage reduce, 118,784 B', () => {
    // 1x1x32x1568: Kt 49, shard 1x1 tile per core. 49 cores row-major on 8 columns: box 8x7 = 56 ≠ 49 → the two-stage
    // reduce is skipped, ex_external = ⌈49/1⌉ = 49 tiles; rows per worker ⌈1/49⌉ = 1; bf16 intermediates.
    // c_24 1 + c_18 1 + c_2/c_3/c_4 3 + c_11 1 + c_12 1 + c_13 49 + c_20 1 + c_15 1 = 58 tiles = 118,784 B.
    const x = tensor([1, 1, 32, 1568], { buffer: 'l1', mem: 'width_sharded', grid: [1, 49] });
    const e = estimateOf(estimateOp(norm('ttnn.rms_norm', x, x), whContext({ ttMetalDate: AFTER })));
    assert.equal(e.cbBytesPerCore, 118_784);
    assert.match(e.approxReason, /non-rectangular/);
  });

  it('a wide width-sharded rms_norm with fp32 acc overflows L1 (x and x − E[x] hold the whole shard in f32)', () => {
    // 1x1x1024x8192 on 8 cores: shard 32x32 tiles = 1,024 tiles; c_24 and c_18 1,024·4,096 = 4,194,304 B each.
    const x = tensor([1, 1, 1024, 8192], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    const cfg = computeConfig(true);
    const o = op('ttnn.rms_norm', [x], [x], { operandSegmentSizes: segments(1, 0, 0), compute_config: cfg });
    const e = estimateOf(estimateOp(o, whContext({ ttMetalDate: AFTER })));
    assert.ok(e.cbBytesPerCore > 2 * 4_194_304, `${e.cbBytesPerCore}`);
    assert.ok(e.cbRegionEndBytes > 1_499_136);
  });

  it('height-sharded input is illegal (tt-metal validate: "Height sharded inputs are not supported.")', () => {
    const x = tensor([1, 1, 256, 1024], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const r = estimateOp(norm('ttnn.rms_norm', x, x), whContext({ ttMetalDate: AFTER }));
    assert.equal(r.kind, 'illegal');
    assert.equal(r.kind === 'illegal' ? r.rule : '', 'Height sharded inputs are not supported.');
  });

  it('a sharded input with an interleaved output is illegal ("Sharded inputs require sharded outputs.")', () => {
    const r = estimateOp(
      norm('ttnn.rms_norm', width32, tensor([1, 1, 32, 4096], { buffer: 'l1' })),
      whContext({ ttMetalDate: AFTER }),
    );
    assert.equal(r.kind === 'illegal' ? r.rule : r.kind, 'Sharded inputs require sharded outputs.');
  });

  it('a shard shape that does not tile the input (wider than the tensor) is unmodeled, not a made-up number', () => {
    const x = tensor([1, 1, 32, 256], { buffer: 'l1', mem: 'width_sharded', grid: [1, 2] });
    const bad = { ...x, layout: x.layout.kind === 'layout' ? { ...x.layout, shardShape: [1, 16] } : x.layout };
    const r = estimateOp(norm('ttnn.rms_norm', bad, bad), whContext({ ttMetalDate: AFTER }));
    assert.equal(r.kind, 'unmodeled');
  });

  it('a DRAM width-sharded input is unmodeled (the factory backs its input CB with an L1 shard)', () => {
    const x = tensor([1, 1, 32, 4096], { buffer: 'dram', mem: 'width_sharded', grid: [1, 8] });
    const r = estimateOp(norm('ttnn.rms_norm', x, width32), whContext({ ttMetalDate: AFTER }));
    assert.equal(r.kind, 'unmodeled');
  });

  it('before PR #34335 (no derived sharded config) the sharded norm is unmodeled, naming the PR', () => {
    const r = estimateOp(norm('ttnn.rms_norm', width32, width32), whContext({ ttMetalDate: BEFORE }));
    assert.equal(r.kind, 'unmodeled');
    assert.match(r.kind === 'unmodeled' ? r.reason : '', /#34335/);
  });
});
