/**
 * The read spans of session 33 for layer_norm / rms_norm (layernorm-interleaved-multicore), paged_update_cache
 * (paged-update-cache-factory) and nlp_concat_heads_decode (nlp-concat-heads-decode-factory), and the rules their
 * reading found (change points layernorm-block-divisibility-fatal, paged-update-cache-shard-cores-users,
 * nlp-concat-heads-decode-padded-heads-tiles). Every figure is derived by hand below from the factories' CB lines.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { computeConfig, int, op, tensor, whContext } from './build';

const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });
const bool = (value: boolean): PropValue => ({ kind: 'bool', value });

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

function illegalRule(r: OpEstimateResult): string {
  assert.equal(r.kind, 'illegal', r.kind === 'estimate' ? `estimate ${r.cbBytesPerCore}` : r.kind);
  return r.kind === 'illegal' ? r.rule : '';
}

const PAST = { earliest: '2026-06-01', latest: '2026-07-01' };

describe('read span layernorm-interleaved-multicore (rms_norm / layer_norm, interleaved factory)', () => {
  // rms_norm 1x1x32x1024 bf16 in DRAM, no weight, no compute_config (rms_norm's default: fp32 acc off, so im = bf16):
  // Wt = 1024/32 = 32, block 8 (fixed-block era: 8; before it find_max_divisor(32, 8) = 8 too), Wt rounded up = 32.
  // One-pass CBs (rms_norm: no c_18, no c_24): c_0 32 · 2,048 = 65,536; c_16 2·8 · 2,048 = 32,768; c_2, c_3, c_19
  // 2 · 2,048 = 4,096 each; c_20 32 · 2,048 = 65,536; c_21 8 · 2,048 = 16,384. Sum 192,512 B.
  const rms = op('ttnn.rms_norm', [tensor([1, 1, 32, 1024])], [tensor([1, 1, 32, 1024])], {
    operandSegmentSizes: segments(1, 0, 0),
  });
  const bytes = 65_536 + 32_768 + 3 * 4_096 + 65_536 + 16_384;

  it('exact inside the span (2026-04-01) and cited by it; 192,512 B', () => {
    const e = estimateOf(estimateOp(rms, whContext({ ttMetalDate: '2026-04-01' })));
    assert.equal(bytes, 192_512);
    assert.equal(e.cbBytesPerCore, bytes);
    assert.deepEqual([e.confidence, e.approxReason], ['exact', '']);
    assert.ok(e.citations.some((c) => c.startsWith('read span layernorm-interleaved-multicore')));
  });

  it('a build before the span (2024-12-01): the same figure, approx', () => {
    const e = estimateOf(estimateOp(rms, whContext({ ttMetalDate: '2024-12-01' })));
    assert.equal(e.cbBytesPerCore, bytes);
    assert.equal(e.confidence, 'approx');
    assert.match(
      e.approxReason,
      /read at every build 2025-01-01\.\.2026-06-23 \(read span layernorm-interleaved-multicore\)/,
    );
  });

  it('a window past its read end (622c6fb, 2026-06-23): approx with the registry reason', () => {
    const e = estimateOf(estimateOp(rms, whContext({ window: PAST })));
    assert.equal(e.cbBytesPerCore, bytes);
    assert.deepEqual([e.confidence, e.approxReason], ['approx', pastNewestReadReason(PAST)]);
  });

  it("a weight narrower than the input's last dim: approx (its validation changed at PRs #43948 / #44527)", () => {
    const narrow = op('ttnn.rms_norm', [tensor([1, 1, 32, 1024]), tensor([1000])], [tensor([1, 1, 32, 1024])], {
      operandSegmentSizes: segments(1, 1, 0),
    });
    const e = estimateOf(estimateOp(narrow, whContext({ ttMetalDate: '2026-04-01' })));
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /weight's last dim \(1000\) is not the input's \(1024\)/);
  });

  // layer_norm 1x1x32x8192 bf16 with a bf16 weight, compute_config fp32 off (im = bf16 2,048 B): Wt = 256; before
  // layernorm-fixed-block, block = find_max_divisor(256, 8) = 8. One-pass sum (CB_can_fit_in_L1, in tiles of 2,048):
  // in0 256 + out0 16 + im0 256 + im3 256 + in5 256 + in6 256 (bf16 when absent) + im6 16 + im5 16 + im4 8 + im1 2 +
  // in2 2 + in3 2 + im2 2 = 1,344 tiles = 2,752,512 B ≥ 0.95 · L1: the large-tensor kernel, with a weight 60 tiles,
  // and 60 % 8 = 4.
  const ln = op('ttnn.layer_norm', [tensor([1, 1, 32, 8192]), tensor([8192])], [tensor([1, 1, 32, 8192])], {
    operandSegmentSizes: segments(1, 1, 0),
    compute_config: computeConfig(false),
  });

  it('layer_norm large-tensor width 60 with block 8 before PR #22869 (2025-05-01): the CBs run, exact', () => {
    // Build 2025-05-01 (after PR #18675's large-tensor kernel, before PR #33120's c_26): c_0 60 · 2,048 = 122,880;
    // c_16 16 · 2,048 = 32,768; c_18, c_2, c_3, c_19 4,096 each; c_24 and c_20 60 · 2,048 = 122,880 each; c_21
    // 8 · 2,048 = 16,384; c_22 16 · 2,048 = 32,768 (a weight); c_5 60 · 2,048 = 122,880. Sum 589,824 B.
    const e = estimateOf(estimateOp(ln, whContext({ ttMetalDate: '2025-05-01' })));
    assert.equal(e.factory, 'LayerNormMultiCoreProgramFactory (large-tensor kernel)');
    assert.equal(e.cbBytesPerCore, 4 * 122_880 + 2 * 32_768 + 4 * 4_096 + 16_384);
    assert.equal(e.cbBytesPerCore, 589_824);
    assert.deepEqual([e.confidence, e.approxReason], ['exact', '']);
  });

  it('the same layer_norm from PR #22869 (2025-06-10): "Buffer size in0_t (60) must be divisible by block_size (8)"', () => {
    assert.equal(
      illegalRule(estimateOp(ln, whContext({ ttMetalDate: '2025-06-10' }))),
      'Buffer size in0_t (60) must be divisible by block_size (8)',
    );
  });
});

/** paged_update_cache of a 1x32x4x256 bf16 input height-sharded over `grid` into a paged 64x4x32x256 bf16 cache. */
function pagedUpdate(grid: readonly [number, number]) {
  const input = tensor([1, 32, 4, 256], { buffer: 'l1', mem: 'height_sharded', grid });
  const rmInt = (shape: number[]): TensorSpec => tensor(shape, { page: 'row_major', dtype: 'si32' });
  return op('ttnn.paged_update_cache', [tensor([64, 4, 32, 256]), input, rmInt([32]), rmInt([32, 1024])], [], {
    share_cache: bool(false),
  });
}

describe('read span paged-update-cache-factory', () => {
  // Wt = 256/32 = 8, B = input padded dim 1 = 32, cache and intermediates bf16 (2,048 B; no compute config):
  // c_0 2·8 · 2,048 = 32,768; c_1 the input shard (bound to it: no CB-region bytes); c_24/c_25 one CB of 2·8 · 2,048 =
  // 32,768; c_26 32,768; c_16 32·8 · 2,048 = 524,288; c_2 one Int32 tile 4,096; c_3 one page-table row 1,024 · 4 =
  // 4,096. Sum 630,784 B on the input's 32 shard cores.
  const bytes = 3 * 32_768 + 524_288 + 4_096 + 4_096;
  const oneUserPerCore = pagedUpdate([32, 1]);

  it('exact inside the span (2026-04-01), 630,784 B, cited by it', () => {
    const e = estimateOf(estimateOp(oneUserPerCore, whContext({ ttMetalDate: '2026-04-01' })));
    assert.equal(bytes, 630_784);
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed], [bytes, 32]);
    assert.deepEqual([e.confidence, e.approxReason], ['exact', '']);
    assert.ok(e.citations.some((c) => c.startsWith('read span paged-update-cache-factory')));
  });

  it('before the span (2024-12-01) approx; a window past its read end approx with the registry reason', () => {
    const early = estimateOf(estimateOp(oneUserPerCore, whContext({ ttMetalDate: '2024-12-01' })));
    assert.equal(early.cbBytesPerCore, bytes);
    assert.equal(early.confidence, 'approx');
    assert.match(early.approxReason, /read span paged-update-cache-factory/);
    const past = estimateOf(estimateOp(oneUserPerCore, whContext({ window: PAST })));
    assert.deepEqual([past.confidence, past.approxReason], ['approx', pastNewestReadReason(PAST)]);
  });

  it('an input on 16 cores for 32 users: runs before PR #45016 (2026-05-01), rejected from it (2026-06-01)', () => {
    // 32 tile rows over 16 cores: shards of 2 x 8 tiles, still bound to c_1, so the CB figure is the same.
    const sixteen = pagedUpdate([16, 1]);
    const before = estimateOf(estimateOp(sixteen, whContext({ ttMetalDate: '2026-05-01' })));
    assert.deepEqual([before.cbBytesPerCore, before.confidence], [bytes, 'exact']);
    assert.equal(
      illegalRule(estimateOp(sixteen, whContext({ ttMetalDate: '2026-06-01' }))),
      'Input tensor shard grid must have num_cores (16) equal to the number of users / batch (32)',
    );
    // One user per core passes either way: a window across PR #45016 is not split for it.
    const across = { earliest: '2026-05-01', latest: '2026-06-01' };
    assert.equal(estimateOf(estimateOp(oneUserPerCore, whContext({ window: across }))).versionRange, undefined);
  });
});

/** nlp_concat_heads_decode of `users` users' `heads` heads of `headDim`, the input height-sharded over `inGrid`. */
function concatHeadsDecode(heads: number, headDim: number, inGrid: readonly [number, number], users = 32) {
  const input = tensor([1, users, heads, headDim], { buffer: 'l1', mem: 'height_sharded', grid: inGrid });
  const output = tensor([1, 1, 32, heads * headDim], { buffer: 'l1', mem: 'width_sharded', grid: [1, heads] });
  return op('ttnn.nlp_concat_heads_decode', [input], [output], { num_heads: int(heads) });
}

describe('read span nlp-concat-heads-decode-factory', () => {
  // 12 heads of 256: the output [1, 1, 32, 3072] width-sharded over 12 cores, 8 tiles each (8 · 2,048 = 16,384 B of
  // L1 tensor); its one CB, c_16, is bound to that shard: 0 B of CB region.
  const falconLike = concatHeadsDecode(12, 256, [32, 1]);

  it('exact inside the span (2026-04-01): no CB-region bytes, the 16,384 B output shard', () => {
    const e = estimateOf(estimateOp(falconLike, whContext({ ttMetalDate: '2026-04-01' })));
    assert.deepEqual([e.cbBytesPerCore, e.l1TensorBytesPerCore], [0, 16_384]);
    assert.deepEqual([e.confidence, e.approxReason], ['exact', '']);
    assert.ok(e.citations.some((c) => c.startsWith('read span nlp-concat-heads-decode-factory')));
  });

  it('before the span (2024-12-01) approx; a window past its read end approx with the registry reason', () => {
    const early = estimateOf(estimateOp(falconLike, whContext({ ttMetalDate: '2024-12-01' })));
    assert.equal(early.confidence, 'approx');
    assert.match(early.approxReason, /read span nlp-concat-heads-decode-factory/);
    const past = estimateOf(estimateOp(falconLike, whContext({ window: PAST })));
    assert.deepEqual([past.confidence, past.approxReason], ['approx', pastNewestReadReason(PAST)]);
  });

  it('40 heads (64 padded): rejected before PR #43252 (2026-04-28), run from it (2026-04-29)', () => {
    // Input [1, 32, 40, 128] pads its heads to 64: 32 · 64 / 32 = 64 tile rows over 32 cores, shards of 2 x 4 tiles.
    const wide = concatHeadsDecode(40, 128, [32, 1]);
    assert.equal(
      illegalRule(estimateOp(wide, whContext({ ttMetalDate: '2026-04-28' }))),
      'currently only support 32 padded heads',
    );
    const after = estimateOf(estimateOp(wide, whContext({ ttMetalDate: '2026-04-29' })));
    assert.deepEqual([after.cbBytesPerCore, after.confidence], [0, 'exact']);
    // 32 padded heads pass either way: a window across PR #43252 is not split for them.
    const across = { earliest: '2026-04-15', latest: '2026-05-05' };
    assert.equal(estimateOf(estimateOp(falconLike, whContext({ window: across }))).versionRange, undefined);
  });

  it('validation in tt-metal order: a shard of two users fails the shard height, 32 cores for 16 users the core count', () => {
    // 32 users on 16 cores: shards of 2 tile rows = 64 rows, not the padded heads (32), checked before the core count.
    assert.equal(
      illegalRule(estimateOp(concatHeadsDecode(12, 256, [16, 1]), whContext({ ttMetalDate: '2026-04-01' }))),
      'Shard spec shape[0] (64) must match input tensor padded shape[-2] (32)',
    );
    // 16 users on 32 cores: 16 tile rows give shards of one tile row (32 rows, the padded heads), on 32 cores.
    assert.equal(
      illegalRule(estimateOp(concatHeadsDecode(12, 256, [32, 1], 16), whContext({ ttMetalDate: '2026-04-01' }))),
      'Input core grid num_cores must be equal to num users',
    );
  });
});

/** batch_norm_inference of a 1x32x128x128 input with 1x32x1x1 mean, var, weight and bias (dtypes as given). */
function batchNorm(o: { input?: 'bf16' | 'f32' | 'bfp_bf8'; weight?: 'bf16' | 'f32'; result?: 'bf16' | 'f32' } = {}) {
  const stat = (dtype: 'bf16' | 'f32' = 'bf16') => tensor([1, 32, 1, 1], { dtype });
  return op(
    'ttnn.batch_norm_inference',
    [tensor([1, 32, 128, 128], { dtype: o.input ?? 'bf16' }), stat(), stat(), stat(o.weight), stat()],
    [tensor([1, 32, 128, 128], { dtype: o.result ?? o.input ?? 'bf16' })],
    { operandSegmentSizes: segments(1, 1, 1, 1, 1) },
  );
}

describe('read span batch-norm-inference-factory', () => {
  // All bf16: nine CBs of 2 tiles (c_0 input, c_1 mean, c_2 output, c_3 var, c_4 eps, c_5 weight, c_6 bias, c_7 den,
  // c_8 temp), 9 · 2 · 2,048 = 36,864 B on every core.
  it('exact inside the span (2026-04-01): 36,864 B, cited by it', () => {
    const e = estimateOf(estimateOp(batchNorm(), whContext({ ttMetalDate: '2026-04-01' })));
    assert.equal(e.cbBytesPerCore, 9 * 2 * 2_048);
    assert.deepEqual([e.confidence, e.approxReason], ['exact', '']);
    assert.ok(e.citations.some((c) => c.startsWith('read span batch-norm-inference-factory')));
  });

  it('a window past its read end: approx with the registry reason', () => {
    const e = estimateOf(estimateOp(batchNorm(), whContext({ window: PAST })));
    assert.deepEqual([e.cbBytesPerCore, e.confidence, e.approxReason], [36_864, 'approx', pastNewestReadReason(PAST)]);
  });

  it('an f32 weight among bf16 statistics: 40,960 B before PR #40233 (2026-03-01), rejected from it (2026-04-01)', () => {
    // Per-tensor formats before it: c_5 the weight's f32 (2 · 4,096 = 8,192), the other eight CBs bf16 (c_4 eps in the
    // variance's format, c_7 / c_8 in the input's): 8 · 2 · 2,048 + 8,192 = 40,960 B.
    const mixed = batchNorm({ weight: 'f32' });
    const before = estimateOf(estimateOp(mixed, whContext({ ttMetalDate: '2026-03-01' })));
    assert.deepEqual([before.cbBytesPerCore, before.confidence], [8 * 2 * 2_048 + 2 * 4_096, 'exact']);
    assert.equal(before.cbBytesPerCore, 40_960);
    assert.equal(
      illegalRule(estimateOp(mixed, whContext({ ttMetalDate: '2026-04-01' }))),
      'batch_norm: weight dtype (FLOAT32) must match other parameter tensors dtype (BFLOAT16)',
    );
  });

  it("validate_tensors rejects a bfloat8_b input; a result of another dtype than the input's is approx", () => {
    assert.equal(
      illegalRule(estimateOp(batchNorm({ input: 'bfp_bf8' }), whContext({ ttMetalDate: '2026-04-01' }))),
      'batch_norm only supports bfloat16, float32. Got: DataType::BFLOAT8_B',
    );
    const e = estimateOf(estimateOp(batchNorm({ result: 'f32' }), whContext({ ttMetalDate: '2026-04-01' })));
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /tt-metal's output is in the input's dtype/);
  });
});
