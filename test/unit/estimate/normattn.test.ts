/**
 * Normalization, attention, KV-cache, heads and rotary estimators: figures derived by hand from the tt-metal factories
 * (arithmetic in the comments), the tt-mlir OpModel upper bounds (read from the TSV), tt-metal's own error message
 * (issue #33527), and every op of these families in the real corpus dumps.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { inferBuildWindow } from '../../../server/src/analysis/buildWindow';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec, TtnnOp } from '../../../server/src/ttnn/op';
import { assertExactUpToNewestRead, computeConfig, dialect, int, op, tensor, whContext } from './build';
import { loadGolden } from './goldenCases/goldenRows';
import { NORM_ATTENTION_FILES } from '../../support/corpus';
import { presetDevice } from '../../../server/src/ttnn/device';

const CORPUS = join(__dirname, '../../fixtures/corpus');
const dram = (shape: number[], dtype: 'bf16' | 'f32' = 'bf16') => tensor(shape, { dtype });
const rmInt = (shape: number[]) => tensor(shape, { page: 'row_major', dtype: 'si32' });
const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });
const bool = (value: boolean): PropValue => ({ kind: 'bool', value });

/** A causal SDPA decode of Q (1x1x8x64, as given) over DRAM K/V 1x1x1024x64, with an 8x8 program config of K chunk 128
 *  and any more config fields; the result is laid out like Q. */
function sdpaDecodeK128(q: TensorSpec, moreConfig: Record<string, string> = {}): TtnnOp {
  return op('ttnn.scaled_dot_product_attention_decode', [q, dram([1, 1, 1024, 64]), dram([1, 1, 1024, 64])], [q], {
    is_causal: bool(true),
    operandSegmentSizes: segments(1, 1, 1, 0, 0, 0),
    program_config: dialect('ttnn.sdpa_program_config', {
      compute_with_storage_grid_size: '<8,8>',
      q_chunk_size: '0',
      k_chunk_size: '128',
      ...moreConfig,
    }),
  });
}

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

function analyzeCorpus(rel: string) {
  const text = readFileSync(join(CORPUS, rel), 'utf8');
  return analyzeModule(parse(text), { ttMetal: inferBuildWindow(text) });
}

function opsNamed(a: ReturnType<typeof analyzeCorpus>, name: string) {
  return a.functions.flatMap((f) => f.ops).filter((o) => o.op.name === name);
}

function layerNorm(
  input: TensorSpec,
  props: Record<string, PropValue> = {},
  weight?: TensorSpec,
  bias?: TensorSpec,
): TtnnOp {
  const operands = [input, ...(weight ? [weight] : []), ...(bias ? [bias] : [])];
  return op('ttnn.layer_norm', operands, [input], {
    operandSegmentSizes: segments(1, weight ? 1 : 0, bias ? 1 : 0),
    ...props,
  });
}

describe('estimate/normattn', () => {
  it('oom_ttnn.mlir: its f32 layer_norm (1x8190x3072, Blackhole, build window 2026-03..05) runs the large-tensor kernel and fits', () => {
    const a = analyzeCorpus('oom_ttnn.mlir');
    assert.ok(
      a.ttMetal.window.earliest >= '2026-03-01' && a.ttMetal.window.latest <= '2026-05-31',
      JSON.stringify(a.ttMetal.window),
    );
    const [ln] = opsNamed(a, 'ttnn.layer_norm');
    const e = estimateOf(ln!.estimate);
    // Wt = 3072/32 = 96; layer_norm's default compute config has fp32 acc on (tt-metal PR #19295): block 4, im = 4,096 B.
    // One-pass fit test (CB_can_fit_in_L1 sums every buffer): in0 96·4096 + out0 8·4096 + im0, im3 2·96·4096 +
    //   in5, in6 2·96·2048 (bf16 when absent) + im6, im5 2·8·4096 + im4 8·4096 + im1 2·4096 + in2, in3 2·2·2048 + im2 2·4096
    //   = 393,216 + 32,768 + 786,432 + 393,216 + 65,536 + 32,768 + 8,192 + 8,192 + 8,192 = 1,728,512 ≥ 0.95·1,572,864
    //   → large-tensor kernel; Float32 input → width 56 tiles.
    // CBs: c_0 56·4096 + c_16 8·4096 + c_18 2·4096 + c_2 2·2048 + c_3 2·2048 + c_19 2·4096 + c_24 56·4096 + c_20 56·4096
    //   + c_21 8·4096 + c_26 4096 = 229,376·3 + 32,768·2 + 8,192·2 + 4,096·3 = 782,336 B (all 64-B multiples).
    assert.equal(e.factory, 'LayerNormMultiCoreProgramFactory (large-tensor kernel)');
    assert.equal(e.cbBytesPerCore, 782_336);
    // 111,104 (the dump's l1_unreserved_base) + 782,336 = 893,440 < 1,572,864: this op is not what ran out of L1.
    assert.equal(e.cbRegionEndBytes, 893_440);
    assert.ok(!a.overflows.some((o) => a.functions[o.functionIndex]?.ops[o.opIndex]?.op.name === 'ttnn.layer_norm'));
  });

  it('layer_norm before the fixed-block change point uses 60-tile large-tensor CBs; the window straddling it reports both', () => {
    const a = analyzeCorpus('oom_ttnn.mlir');
    const ln = opsNamed(a, 'ttnn.layer_norm')[0]!.op;
    const device = a.device;
    const old = estimateOf(
      estimateOp(ln, { device, ttMetal: { window: { earliest: '2025-12-01', latest: '2025-12-01' } } }),
    );
    // Same CB list with 60 instead of 56, and no c_26 before tt-metal PR #33120 (2025-12-05; layernorm_op_multi_core.cpp
    // @4c12f30~1 creates none): 245,760·3 + 65,536 + 16,384 + 8,192 = 827,392 B; with c_26 (one 4,096 B tile) 831,488.
    assert.equal(old.cbBytesPerCore, 827_392);
    assert.equal(old.confidence, 'exact');
    const both = estimateOf(
      estimateOp(ln, { device, ttMetal: { window: { earliest: '2025-12-01', latest: '2026-02-28' } } }),
    );
    assert.deepEqual(
      both.versionRange?.figures.map((f) => f.cbBytesPerCore),
      [827_392, 831_488, 782_336],
    );
    assert.equal(both.confidence, 'exact');
  });

  it('flags the layer_norm tt-metal rejected with "in0_t (60) must be divisible by block_size (8)" (tt-metal issue #33527)', () => {
    // Issue #33527: 1x1x3584x4608 bf16 with bias, fp32 acc off → block = largest divisor of Wt = 144 up to 8 = 8; the
    // one-pass CBs (144·2048·5 + 6·16·2048 + ... > 0.95·L1) do not fit → large tensor with weights → 60 tiles, 60 % 8 ≠ 0.
    const ln = layerNorm(dram([1, 1, 3584, 4608]), { compute_config: computeConfig(false) }, undefined, dram([4608]));
    const r = estimateOp(ln, whContext({ ttMetalDate: '2025-11-27' }));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /in0_t \(60\) must be divisible by block_size \(8\)/);
    // After the fix the width is 56, a multiple of 8.
    assert.equal(estimateOp(ln, whContext({ ttMetalDate: '2026-06-01' })).kind, 'estimate');
  });

  it('layer_norm before the fixed-block change point blocks by find_max_divisor, which skips 7 and 5', () => {
    // (32, 224) bf16, no weights, fp32 off (2025-01, before PR #19295): Wt = 7 → find_max_divisor(7, 8) = 1 (7 and 5
    // skipped). c_0 7 + c_16 2·1 + c_18, c_2, c_3, c_19 2 each + c_24 7 + c_20 7 + c_21 8 = 39 tiles = 79,872 B
    // (a block of 7 would make c_16 14 tiles: 51 tiles).
    const r = estimateOf(estimateOp(layerNorm(dram([32, 224])), whContext({ ttMetalDate: '2025-01-15' })));
    assert.equal(r.cbBytesPerCore, 79_872);
  });

  it('layer_norm without compute_config: fp32 accumulation from tt-metal PR #19295 on (a straddling window gives both)', () => {
    // 32x1024 bf16, no weights, Wormhole. fp32 off: block 8, im bf16: c_0 32·2048 + c_16 16·2048 + c_18, c_2, c_3, c_19
    //   4·4096 + c_24, c_20 2·32·2048 + c_21 8·2048 = 65,536 + 32,768 + 16,384 + 131,072 + 16,384 = 262,144.
    // fp32 on: block 4, im f32: 65,536 + 8·2048 + 8,192 + 4,096 + 4,096 + 8,192 + 2·32·4096 + 8·4096 = 401,408.
    const ln = layerNorm(dram([32, 1024]));
    const r = estimateOf(estimateOp(ln, whContext({ window: { earliest: '2025-01-01', latest: '2025-06-30' } })));
    assert.deepEqual(
      r.versionRange?.figures.map((f) => f.cbBytesPerCore),
      [262_144, 401_408],
    );
  });

  it('Falcon3 decode rms_norm (32x3072 bf16, gamma, fp32 acc from compute_config, Blackhole, 2026-04/05): 446,464 B, exact', () => {
    const a = analyzeCorpus('falcon3_chisel/ir/notrace/falcon3_7b_bf16_1layer_notrace_decode_ttnn.mlir');
    const norms = opsNamed(a, 'ttnn.rms_norm');
    assert.equal(norms.length, 3);
    // Wt = 96, fp32 acc → block 4, im = 4,096 B. The dump's window (2026-04..05) is after tt-metal PR #38006, so rms_norm
    //   has the large-tensor path. Fit test: in0 196,608 + out0 16,384 + im0, im3 393,216 each + in5, in6 196,608 each
    //   + im6, im5, im4 32,768 each + im1, im2 8,192 each + in2, in3 4,096 each = 1,515,520 ≥ 0.95·1,572,864 →
    //   large tensor, gamma → 56 tiles, scaled by bfloat16_tile_size / single_tile_size = 2,048 / 4,096 from tt-metal
    //   PR #39226 (2026-03-08; layernorm_op_multi_core.cpp@5117926) → 28: c_0 28·2048 + c_16 8·2048 + c_2, c_3 2·2048
    //   each + c_19 2·4096 + c_24 28·4096 + c_20 28·4096 + c_21 8·4096 + c_26 4096 (from PR #33120) + c_22 8·4096
    //   + c_5 28·2048 = 57,344 + 16,384 + 8,192 + 8,192 + 114,688 + 114,688 + 32,768 + 4,096 + 32,768 + 57,344
    //   = 446,464. Every build of the window is after both PRs: exact.
    for (const n of norms) {
      const e = estimateOf(n.estimate);
      assert.equal(e.cbBytesPerCore, 446_464);
      assert.equal(e.confidence, 'exact');
    }
    // Before PR #39226 the width was 56 whatever the intermediate format (the figure above with 56 in place of 28):
    // 790,528 B, also exact.
    const before = estimateOf(
      estimateOp(norms[0]!.op, {
        device: a.device,
        ttMetal: { window: { earliest: '2026-03-01', latest: '2026-03-07' } },
      }),
    );
    assert.equal(before.cbBytesPerCore, 790_528);
    assert.equal(before.confidence, 'exact');
  });

  it('Falcon3 traced decode: paged_update_cache, paged SDPA decode and nlp_concat_heads_decode get their factory figures', () => {
    const a = analyzeCorpus('falcon3_chisel/ir/traced/falcon3_7b_baseline_bfp8_decode_ttnn.mlir');
    const updates = opsNamed(a, 'ttnn.paged_update_cache');
    assert.equal(updates.length, 56);
    // Cache 6528x4x32x256 bfp8 (1,088 B tiles), input 1x32x4x256 height-sharded (tensor-backed c_1), Wt = 8, B = 32:
    //   c_0 16·1088 + c_24 16·2048 + c_26 16·2048 + c_16 32·8·1088 + c_2 one si32 tile 4,096 + c_3 page-table row 1024·4
    //   = 17,408 + 32,768 + 32,768 + 278,528 + 4,096 + 4,096 = 369,664.
    for (const u of updates) assert.equal(estimateOf(u.estimate).cbBytesPerCore, 369_664);
    const sdpa = opsNamed(a, 'ttnn.paged_scaled_dot_product_attention_decode');
    assert.equal(sdpa.length, 28);
    // q 1x32x12x256 (12 heads → PNHt 1, causal bf16 → 1,024 B half tiles), K/V bfp8 DHt 8, k_chunk 32 → 1 tile,
    //   max_cores_per_head_batch 1 → 1 core per head (no reduction scratch):
    //   c_0 8·1024 + c_1, c_2 16·1088 each + c_3 1024 + c_5, c_6, c_7 1024 each + c_8 cur_pos 32·4 = 128 + c_9 1024·4
    //   + c_10 8·1024 + c_11 2048 + c_12 1024 + c_24 1024 + c_25, c_26, c_23, c_16 8·1024 each + 7 statistics 1024 +
    //   c_17, c_18 1024 each + c_19 0 + c_20 8·2048 = 121,984.
    for (const s of sdpa) assert.equal(estimateOf(s.estimate).cbBytesPerCore, 121_984);
    const concat = opsNamed(a, 'ttnn.nlp_concat_heads_decode');
    assert.equal(concat.length, 28);
    // Its one CB is the width-sharded output (globally allocated): no CB region.
    for (const c of concat) {
      const e = estimateOf(c.estimate);
      assert.equal(e.cbBytesPerCore, 0);
      assert.ok(e.cbs.length === 1 && e.cbs[0]!.tensorBacked);
    }
    assert.equal(opsNamed(a, 'ttnn.rms_norm').length, 57);
  });

  it('SDPA decode with a program_config that leaves max_cores_per_head_batch unset caps a head at 16 cores', () => {
    // sdpa_decode_program_factory.cpp@007f92d: with a config, max_num_cores_for_compute = max_cores_per_head_batch
    // (SDPAProgramConfig's default 16) · B · KV heads; only without one every core of the grid. q 1x1x8x64 causal bf16
    // (8 heads ≤ 16: 16x32 half tiles of 1,024 B), K/V 1x1x1024x64, K chunk 128 (4 tiles), DHt 2, PNHt 1, 8x8 grid:
    // cores per head min(64, 16·1·1) = 16, so c_19 = (2 + 2)·15 = 60 half tiles = 61,440 B (not (2 + 2)·63 over 64).
    // Half tiles: c_0 2, c_3 4, c_5 1, c_6 + c_7 2, c_10 2, c_12 1, c_24 4, c_25 + c_26 4, 7 statistics, c_23 2,
    // c_16 2, c_17 + c_18 2, c_19 60 = 93 → 95,232 B; full bf16 tiles: c_1, c_2 4·2·2 = 16 each, c_11 1, output
    // c_20 2 = 35 → 71,680 B. 166,912 B.
    const withConfig = (maxCores?: number) =>
      sdpaDecodeK128(dram([1, 1, 8, 64]), maxCores === undefined ? {} : { max_cores_per_head_batch: String(maxCores) });
    assert.equal(estimateOf(estimateOp(withConfig(), whContext())).cbBytesPerCore, 166_912);
    // max_cores_per_head_batch 64: 64 cores per head, c_19 (2 + 2)·63 = 252 half tiles, 192 more than above.
    assert.equal(estimateOf(estimateOp(withConfig(64), whContext())).cbBytesPerCore, 166_912 + 192 * 1024);
  });

  it('paged SDPA decode over K blocks of 16 rows adds the block-padding mask c_14 from tt-metal PR #38004 (2026-02-20)', () => {
    // The OpModel case's paged decode (q 1x1x12x64, causal bf16 → half tiles of 1,024 B, PNHt 1; no program_config on
    // a build before PR #44617: dynamic K chunks of 8 tiles) with K/V blocks of 16 rows: has_block_padding, c_14 =
    // qk_tiles (PNHt 1 · Sk 8) mask tiles = 8 · 1,024 = 8,192 B.
    const paged = (blockRows: number) =>
      op(
        'ttnn.paged_scaled_dot_product_attention_decode',
        [
          dram([1, 1, 12, 64]),
          dram([128, 12, blockRows, 64]),
          dram([128, 12, blockRows, 64]),
          rmInt([1, 128]),
          rmInt([1]),
        ],
        [dram([1, 1, 12, 64])],
        { is_causal: bool(true), operandSegmentSizes: segments(1, 1, 1, 1, 0, 1, 0) },
      );
    const on = (rows: number, date: string) =>
      estimateOf(estimateOp(paged(rows), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    // (PR #37004's tree reduction merged the same day, so compare with 32-row blocks on each build.)
    assert.equal(on(16, '2026-02-20') - on(32, '2026-02-20'), 8_192);
    assert.equal(on(16, '2026-02-19'), on(32, '2026-02-19'));
  });

  it('SDPA decode of an f32 Q: Float32 scale, identity and scalar CBs from tt-metal PR #41637 (2026-04-24)', () => {
    // sdpa_decode_program_factory.cpp@7fb82fd: scalar_df = Float32 for a FLOAT32 Q (Float16_b at @307ffde). An f32 Q
    // takes no half tiles, so c_5, c_11 and c_12 (one tile each) grow from 2,048 to 4,096 B: 3 · 2,048 = 6,144 B.
    const q = dram([1, 1, 8, 64], 'f32');
    const on = (date: string) =>
      estimateOf(estimateOp(sdpaDecodeK128(q), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(on('2026-04-24') - on('2026-04-23'), 6_144);
    // A bf16 Q keeps its (half-tile) Float16_b CBs.
    const bf = dram([1, 1, 8, 64]);
    const onBf = (date: string) =>
      estimateOf(estimateOp(sdpaDecodeK128(bf), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(onBf('2026-04-24'), onBf('2026-04-23'));
  });

  it('SDPA decode is exact only inside read span sdpa-decode-factory-2026 (every factory commit from 35541a7, 2025-12-01)', () => {
    // sdpa_decode_program_factory.cpp@3b6a02f, @70a9be5 and @622c6fb size the CBs alike (but for the f32-Q scalars, c_15
    // and Blackhole half tiles, not used here). q 1x1x8x64 causal bf16 → 16x32 half tiles of 1,024 B; K/V 1x1x1024x64
    // bf16, DHt 2; K chunk 128 → Sk 4; PNHt 1; 8x8 grid, max_cores_per_head_batch unset (16) → 16 cores per head.
    // Half tiles: c_0 2 + c_3 4 + c_5 1 + c_6, c_7 2 + c_10 2 + c_12 1 + c_24 4 + c_25, c_26 2·2 + c_27..31, c_21, c_22 7
    //   + c_23 2 + c_16 2 + c_17, c_18 2 + c_19 (2 + 2·1)·(16 − 1) = 60 → 93 · 1,024 = 95,232 B;
    // full bf16 tiles of 2,048 B: c_1 4·2·2 = 16 + c_2 16 + c_11 1 + c_20 2 → 35 · 2,048 = 71,680 B. 166,912 B on both
    // sides of the span's start: only the confidence moves.
    const at = (date: string) =>
      estimateOf(estimateOp(sdpaDecodeK128(dram([1, 1, 8, 64])), whContext({ ttMetalDate: date })));
    for (const date of ['2025-12-02', '2026-02-26', '2026-02-27']) {
      const inside = at(date);
      assert.equal(inside.cbBytesPerCore, 95_232 + 71_680);
      assert.equal(inside.confidence, 'exact', date);
      assert.ok(inside.citations.some((c) => c.includes('read span sdpa-decode-factory-2026')));
    }
    const before = at('2025-12-01');
    assert.equal(before.cbBytesPerCore, 95_232 + 71_680);
    assert.equal(before.confidence, 'approx');
    assert.match(
      before.approxReason ?? '',
      /read at every commit from tt-metal 35541a7 .*earlier builds were not read/,
    );
    // A window reaching back before the span is approx; 2026-02-20..2026-05-05 (inside it) and the Falcon3 dumps' are exact.
    const win = (earliest: string, latest: string) =>
      estimateOf(estimateOp(sdpaDecodeK128(dram([1, 1, 8, 64])), whContext({ window: { earliest, latest } })))
        .confidence;
    assert.equal(win('2025-11-20', '2026-05-05'), 'approx');
    assert.equal(win('2026-02-20', '2026-05-05'), 'exact');
    assert.equal(win('2026-04-15', '2026-05-05'), 'exact');
  });

  it('SDPA decode on Blackhole takes 16x32 half tiles from tt-metal PR #33978 (2026-01-06), full tiles before', () => {
    // sdpa_decode_program_factory.cpp@42e1fe8~1: use_half_tile also requires WORMHOLE_B0; @42e1fe8 drops it. The
    // sdpaDecodeK128 call (its 8x8 program config grid) has 93 half-tile-able tiles (q, mask, scalars, intermediates,
    // statistics, c_19; listed in the read-span test above) and 35 full tiles (c_1, c_2, c_11, c_20) = 71,680 B.
    //   from 2026-01-06: 93 · 1,024 = 95,232 B → 166,912 B;  before: 93 · 2,048 = 190,464 B → 262,144 B.
    const bhAt = (date: string) =>
      estimateOf(
        estimateOp(sdpaDecodeK128(dram([1, 1, 8, 64])), {
          ...whContext({ ttMetalDate: date }),
          device: presetDevice('blackhole_p150'),
        }),
      );
    const after = bhAt('2026-01-06');
    assert.equal(after.cbBytesPerCore, 95_232 + 71_680);
    assert.equal(after.confidence, 'exact');
    const before = bhAt('2026-01-05');
    assert.equal(before.cbBytesPerCore, 190_464 + 71_680);
    assert.equal(before.confidence, 'exact');
    // Wormhole had them on both builds.
    const whAt = (date: string) =>
      estimateOf(estimateOp(sdpaDecodeK128(dram([1, 1, 8, 64])), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(whAt('2026-01-05'), 95_232 + 71_680);
  });

  it('SDPA decode with 64 cores per head: a TT_FATAL from PR #37004 (2026-02-19) until PR #38587 (2026-02-26)', () => {
    // sdpa_decode_program_factory.cpp@6697610: rounds = 32 − clz(64) = 7 > 6, TT_FATAL; @70a9be5: 32 − clz(63) = 6.
    // sdpaDecodeK128 with max_cores_per_head_batch 64 on its 8x8 grid: min(64, 64·1·1) / 1 / 1 = 64 cores per head.
    // Where it runs, c_19 = (2 + 2)·63 half tiles: 166,912 + (252 − 60)·1,024 B (the cap test above).
    const at = (date: string) =>
      estimateOp(
        sdpaDecodeK128(dram([1, 1, 8, 64]), { max_cores_per_head_batch: '64' }),
        whContext({ ttMetalDate: date }),
      );
    for (const date of ['2026-02-19', '2026-02-25']) {
      const r = at(date);
      assert.equal(r.kind, 'illegal', date);
    }
    for (const date of ['2026-02-18', '2026-02-26'])
      assert.equal(estimateOf(at(date)).cbBytesPerCore, 166_912 + 192 * 1024, date);
  });

  it("SDPA decode without a program_config: get_chunk_size of K's logical length, every core per head (exact in the span)", () => {
    // sdpa_decode.cpp@3b6a02f and @622c6fb: k_chunk_size = min(512, 2^i), 2^i the largest power of two (i ≥ 1) dividing
    // K's logical length; not a multiple of 32 → TT_FATAL. With no config the factory spreads a head over every core
    // (35541a7): 8x8 = 64 cores per head (legal from PR #38587).
    // q 1x1x8x64 causal bf16 (half tiles 1,024 B, PNHt 1, DHt 2), K/V 1x1x1024x64: chunk min(512, 1024) = 512 → Sk 16.
    // Half tiles: c_0 2 + c_3 16 + c_5 1 + c_6, c_7 2 + c_10 2 + c_12 1 + c_24 16 + c_25, c_26 4 + 7 statistics + c_23 2
    //   + c_16 2 + c_17, c_18 2 + c_19 (2 + 2)·63 = 252 → 309 · 1,024 = 316,416 B;
    // full tiles: c_1 16·2·2 = 64 + c_2 64 + c_11 1 + c_20 2 = 131 · 2,048 = 268,288 B. 584,704 B.
    const decode = (kRows: number) =>
      op(
        'ttnn.scaled_dot_product_attention_decode',
        [dram([1, 1, 8, 64]), dram([1, 1, kRows, 64]), dram([1, 1, kRows, 64])],
        [dram([1, 1, 8, 64])],
        { is_causal: bool(true), operandSegmentSizes: segments(1, 1, 1, 0, 0, 0) },
      );
    const e = estimateOf(estimateOp(decode(1024), whContext({ ttMetalDate: '2026-03-15' })));
    assert.equal(e.cbBytesPerCore, 316_416 + 268_288);
    assert.equal(e.confidence, 'exact');
    // K of 48 logical rows: get_chunk_size(48) = 16, not a multiple of 32.
    const r = estimateOp(decode(48), whContext({ ttMetalDate: '2026-03-15' }));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /maximum calculated k_chunk_size is: 16/);
  });

  it('paged SDPA decode takes B from an interleaved page table from tt-metal PR #36440 (2026-03-09), from Q before', () => {
    // sdpa_decode_program_factory.cpp@8ad390e~1: B = q_shape[1]; @8ad390e: paged B = page_table padded_shape()[0].
    // q 1x1x8x64 causal bf16 (half tiles, PNHt 1, DHt 2), K/V 32 blocks of 1x32x64, page table 4x32 (4 rows): K
    // chunk 128, 8x8 grid, max_cores_per_head_batch 64, one KV head.
    //   Q's B = 1: cores per head min(64, 64·1·1) / 1 = 64 → c_19 (2 + 2)·63 = 252 half tiles.
    //   page table's B = 4: min(64, 64·4·1) / 4 = 16 → c_19 (2 + 2)·15 = 60 half tiles: 192 · 1,024 = 196,608 B fewer.
    const paged = op(
      'ttnn.paged_scaled_dot_product_attention_decode',
      [dram([1, 1, 8, 64]), dram([32, 1, 32, 64]), dram([32, 1, 32, 64]), rmInt([4, 32])],
      [dram([1, 1, 8, 64])],
      {
        is_causal: bool(true),
        operandSegmentSizes: segments(1, 1, 1, 1, 0, 0, 0),
        program_config: dialect('ttnn.sdpa_program_config', {
          compute_with_storage_grid_size: '<8,8>',
          q_chunk_size: '0',
          k_chunk_size: '128',
          max_cores_per_head_batch: '64',
        }),
      },
    );
    const on = (date: string) => estimateOf(estimateOp(paged, whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(on('2026-03-08') - on('2026-03-09'), 196_608);
  });

  it('SDPA decode with a height-sharded Q still has its Q CB; a sharded output is the output CB', () => {
    // sdpa_decode_program_factory.cpp@007f92d: c_0 is set on Q's buffer only with the program_config's
    // q_locally_available (an MLA option tt-mlir's sdpa_program_config attribute does not carry); otherwise the reader
    // copies Q from its shard into a c_0 of its own (the 2024 factory had no such option: c_0 was never on Q). c_20 is
    // globally allocated on a sharded output. The case above with Q and the output height sharded on one core: c_0's 2
    // half tiles (2,048 B) still count, c_20's 2 bf16 tiles (4,096 B) do not: 166,912 − 4,096 = 162,816 B.
    const sharded = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [1, 1] });
    const o = sdpaDecodeK128(sharded([1, 1, 8, 64]));
    const e = estimateOf(estimateOp(o, whContext()));
    assert.equal(e.cbBytesPerCore, 162_816);
    const c0 = e.cbs.find((c) => c.cbIndex === 'c_0')!;
    assert.equal(c0.tensorBacked, false);
    assert.equal(c0.totalBytes, 2048);
    assert.equal(e.cbs.find((c) => c.cbIndex === 'c_20')!.tensorBacked, true);
  });

  it('SDPA decode, paged decode and prefill stay within the tt-mlir OpModel upper bounds', () => {
    const golden = loadGolden();
    const bound = (line: number) => golden.find((g) => g.file === 'Lib' && g.line === line)!.figures.cb!;
    const q = dram([1, 1, 12, 32]);
    const kv = dram([1, 12, 128, 32]);
    const curPos = dram([1]);
    const decode = (mask: boolean, sink: boolean, causal: boolean) =>
      op(
        'ttnn.scaled_dot_product_attention_decode',
        [q, kv, kv, ...(mask ? [dram([1, 1, 12, 128])] : []), curPos, ...(sink ? [dram([12, 32])] : [])],
        [q],
        {
          is_causal: bool(causal),
          operandSegmentSizes: segments(1, 1, 1, mask ? 1 : 0, 1, sink ? 1 : 0),
        },
      );
    const cases: [number, TtnnOp][] = [
      [5335, decode(false, false, true)],
      [5370, decode(true, false, false)],
      [5408, decode(false, true, true)],
      [5448, decode(true, true, false)],
      [
        5635,
        op(
          'ttnn.paged_scaled_dot_product_attention_decode',
          [dram([1, 1, 12, 64]), dram([128, 12, 32, 64]), dram([128, 12, 32, 64]), rmInt([1, 128]), rmInt([1])],
          [dram([1, 1, 12, 64])],
          {
            is_causal: bool(true),
            operandSegmentSizes: segments(1, 1, 1, 1, 0, 1, 0),
          },
        ),
      ],
      [
        5767,
        op(
          'ttnn.scaled_dot_product_attention',
          [dram([1, 1, 32, 64]), dram([1, 1, 128, 64]), dram([1, 1, 128, 64]), dram([1, 1, 32, 128])],
          [dram([1, 1, 32, 64])],
          {
            is_causal: bool(false),
            operandSegmentSizes: segments(1, 1, 1, 1, 0),
          },
        ),
      ],
    ];
    for (const [line, o] of cases) {
      const e = estimateOf(estimateOp(o, whContext()));
      assert.ok(e.cbBytesSummedOverRanges <= bound(line), `Lib:${line}: ${e.cbBytesSummedOverRanges} > ${bound(line)}`);
    }
    // Lib:5335 by hand: causal, 12 heads, bf16 → half tiles (1,024 B); K chunk = 128 (S = 128) → 4 tiles; 5 cores per
    // head (64 / 12): c_0 1 + c_1, c_2 2·(4·1·2048)/1024 = 16 each + c_3 4 + c_5 1 + c_6, c_7 2 + c_8 2 (one bf16 tile
    // page of cur_pos) + c_10 1 + c_11 2 + c_12 1 + c_24 4 + c_25, c_26 2 + 7 statistics + c_23, c_16 2 + c_17, c_18 2 +
    // c_19 (1 + 2)·4 = 12 + c_20 2 = 77 KiB units = 78,848 B: the bound itself.
    assert.equal(estimateOf(estimateOp(cases[0]![1], whContext())).cbBytesSummedOverRanges, 78_848);
  });

  it('rms_norm with weight and bias, by hand from the golden-era factory (largest-divisor block, fp32 acc off)', () => {
    const rms = (shape: number[], w?: number) =>
      op('ttnn.rms_norm', [dram(shape), ...(w ? [dram([w]), dram([w])] : [])], [dram(shape)], {
        operandSegmentSizes: segments(1, w ? 1 : 0, w ? 1 : 0),
      });
    // 1x32x128x128 with gamma and beta [128]: Wt = 4, block 4: c_0 4 + c_16 8 + c_2 2 + c_3 2 + c_19 2 + c_20 4 + c_21 8 +
    //   c_22 8 + c_5 4 + c_6 4 = 46 tiles = 94,208 B.
    assert.equal(estimateOf(estimateOp(rms([1, 32, 128, 128], 128), whContext())).cbBytesPerCore, 94_208);
    // 1x16x32x32, no weights: Wt = 1, block 1: c_0 1 + c_16 2 + c_2 2 + c_3 2 + c_19 2 + c_20 1 + c_21 8 = 18 tiles = 36,864 B.
    assert.equal(estimateOf(estimateOp(rms([1, 16, 32, 32]), whContext())).cbBytesPerCore, 36_864);
    // After 'layernorm-fixed-block' (tt-metal PR #34584, merged 2025-12-24 02:00 UTC as 6cecd5d) the block is 8 and Wt
    //   is rounded up to it: c_0 8 + c_16 16 + 2 + 2 + 2 + c_20 8 + c_21 8 = 46 tiles = 94,208 B for the 1x16x32x32 case;
    //   a main build of 12-23 still has block 1 (36,864 B).
    const rmsOn = (date: string) =>
      estimateOf(estimateOp(rms([1, 16, 32, 32]), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(rmsOn('2025-12-23'), 36_864);
    for (const date of ['2025-12-24', '2026-06-01']) assert.equal(rmsOn(date), 94_208, date);
  });

  it('chunked SDPA (paged K/V, chunk_start_idx tensor) adds the page-table and chunk-start CBs to the prefill list', () => {
    const q = dram([1, 8, 128, 64]);
    const kv = dram([64, 8, 32, 64]);
    const o = op('ttnn.chunked_scaled_dot_product_attention', [q, kv, kv, rmInt([1, 16]), rmInt([1])], [q]);
    // Default 32/32 chunks; 4 q chunks over 8 heads on 64 cores → 1 per core (c_0 single-buffered), DHt 2, causal:
    //   c_0 2·2048 + c_1, c_2 4·2048 each + c_3 2 Bfp4_b tiles (576 B) + c_5, c_7 2048 each + c_6 16·4 + c_8, c_9 32 each
    //   + c_24 2048 + c_25, c_26 2·2048 each + c_27..c_31 2048 each + c_16 2·2048 = 50,432 B.
    assert.equal(estimateOf(estimateOp(o, whContext())).cbBytesPerCore, 50_432);
  });

  it('a causal prefill without a mask keeps 2 Float16_b mask tiles from tt-metal PR #42159 (2026-04-17)', () => {
    // The chunked case above: its causal mask c_3 is 2 Bfp4_b tiles (Sq_chunk 1 · Sk_chunk 1 · 2, 576 B each) through
    // 2026-04-16; from 597deb2 lightweight_causal makes it 2 Float16_b tiles (a -inf tile and the diagonal):
    // 50,432 − 2·576 + 2·2,048 = 53,376 B. A sliding window keeps the double-buffered Bfp4_b matrix.
    const q = dram([1, 8, 128, 64]);
    const kv = dram([64, 8, 32, 64]);
    const o = () => op('ttnn.chunked_scaled_dot_product_attention', [q, kv, kv, rmInt([1, 16]), rmInt([1])], [q]);
    const on = (date: string) => estimateOf(estimateOp(o(), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(on('2026-04-16'), 50_432);
    assert.equal(on('2026-04-17'), 53_376);
    // scaled_dot_product_attention 1x1x64x64 causal (2 q chunks over 64 cores: 1 each), DHt 2: c_0 2 + c_1, c_2 4 each
    // + c_5, c_7 1 each + c_24 1 + c_25, c_26 2 each + c_27..c_31 5 + c_16 2 = 24 bf16 tiles = 49,152 B, + the mask.
    const sdpa = (window?: number) =>
      op(
        'ttnn.scaled_dot_product_attention',
        [dram([1, 1, 64, 64]), dram([1, 1, 64, 64]), dram([1, 1, 64, 64])],
        [dram([1, 1, 64, 64])],
        {
          is_causal: bool(true),
          operandSegmentSizes: segments(1, 1, 1, 0, 0),
          ...(window !== undefined && { sliding_window_size: { kind: 'int', value: window, text: String(window) } }),
        },
      );
    const sdpaOn = (date: string, window?: number) =>
      estimateOf(estimateOp(sdpa(window), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(sdpaOn('2026-04-20'), 49_152 + 2 * 2048);
    assert.equal(sdpaOn('2026-04-20', 32), 49_152 + 2 * 576);
  });

  it('sdpa_fw (tt-train) by hand; an L1 query is rejected like tt-metal does', () => {
    const qkv = dram([1, 2, 64, 64]);
    const o = (q: TensorSpec) =>
      op('ttnn.sdpa_fw', [q, qkv, qkv, dram([1, 1, 64, 64])], [qkv], { operandSegmentSizes: segments(1, 1, 1, 1) });
    // E = 2 tiles: c_0, c_1, c_2 4 bf16 tiles each + c_3 1 + c_5..c_9 5 + c_10..c_12 3 Float32 tiles + c_13..c_15 2 each
    //   = 24·2,048 + 3·4,096 = 61,440 B.
    assert.equal(estimateOf(estimateOp(o(qkv), whContext())).cbBytesPerCore, 61_440);
    const r = estimateOp(o(tensor([1, 2, 64, 64], { buffer: 'l1' })), whContext());
    assert.equal(r.kind === 'illegal' ? r.rule : r.kind, 'Query buffer must be in DRAM');
  });

  it('update_cache with a sharded input backs c_1 with the shard and runs on the shard grid', () => {
    const input = tensor([1, 32, 32, 512], { buffer: 'l1', mem: 'height_sharded', grid: [1, 1] });
    const e = estimateOf(
      estimateOp(
        op('ttnn.update_cache', [dram([1, 32, 64, 512]), input, dram([1])], [], { batch_offset: int(0) }),
        whContext(),
      ),
    );
    // Bcache = 1 → granularity 1, Wt = 16, B = 32: c_0 32 + c_24 32 + c_26 32 + c_16 512 tiles = 608 · 2,048 = 1,245,184.
    assert.equal(e.cbBytesPerCore, 1_245_184);
    assert.equal(e.nCoresUsed, 1);
  });

  it('fill_cache splits heads · input Ht tile rows over the grid; a sharded input is its own c_0', () => {
    // fill_cache_multi_core (update_cache_op_multi_core.cpp to 2025-10, fill_cache_multi_core_program_factory.cpp
    // after, read span fill-cache-factory): num_blocks_of_work = padded[1] · padded[-2] / 32 = 8 heads · 2 tile rows =
    // 16 blocks (of Wt = 4 tiles each) → 16 cores, c_0 2 bf16 tiles = 4,096 B. (Split by tiles it would be 64 cores.)
    const fill = (input: TensorSpec, date?: string) =>
      estimateOf(
        estimateOp(
          op('ttnn.fill_cache', [dram([1, 8, 128, 128]), input], [], { batch_offset: int(0) }),
          whContext({ ttMetalDate: date }),
        ),
      );
    const e = fill(dram([1, 8, 64, 128]), '2026-06-01');
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed, e.confidence], [4_096, 16, 'exact']);
    // After the last commit read (2026-06-23) the same figure, approx.
    assert.equal(fill(dram([1, 8, 64, 128]), '2026-07-01').confidence, 'approx');
    // Height-sharded on 2 cores (16 tile rows / 2 = 8 each, · Wt 4 = 32 tiles): c_0 is the 32-tile shard, globally
    // allocated (0 B of CBs).
    const sharded = fill(tensor([1, 8, 64, 128], { buffer: 'l1', mem: 'height_sharded', grid: [2, 1] }), '2026-06-01');
    assert.deepEqual(
      [sharded.cbBytesPerCore, sharded.nCoresUsed, sharded.cbs.map((c) => [c.cbIndex, c.nPages, c.tensorBacked])],
      [0, 2, [['c_0', 32, true]]],
    );
  });

  it('KV caches report the L1 cache they update in place as their output, not as an allocation', () => {
    const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
    const e = estimateOf(
      estimateOp(
        op(
          'ttnn.update_cache',
          [l1([1, 32, 64, 512]), l1([1, 32, 3, 512]), tensor([1], { buffer: 'l1', dtype: 'u32' })],
          [],
          { batch_offset: int(0) },
        ),
        whContext(),
      ),
    );
    // Cache 1x32x64x512 bf16 = 32·2·16 = 1,024 tiles over 64 L1 banks = 16 tiles · 2,048 = 32,768 B per core.
    assert.deepEqual(
      e.inPlaceOutputs?.map((o) => [o.operandIndex, o.bytesPerCore]),
      [[0, 32_768]],
    );
    assert.equal(e.l1TensorBytesPerCore, 0);
    const d = estimateOf(
      estimateOp(
        op('ttnn.fill_cache', [dram([1, 32, 64, 512]), dram([1, 32, 3, 512])], [], { batch_offset: int(0) }),
        whContext(),
      ),
    );
    assert.equal(d.inPlaceOutputs, undefined);
  });

  it('sdpa prefill with a program_config: the same figure either side of tt-metal PR #38838 (2026-03-04), exact on both', () => {
    // Non-causal, no mask, q/k chunks 64/64: the non-streaming factory at 000e7c0. q 1x1x64x64 bf16 → Sq_chunk_t 2,
    // DHt 2; K/V 1x1x128x64 → Sk_chunk_t 2; one q chunk per core: c_0 2·2 = 4, c_1 and c_2 2·2·2 = 8 each, c_5 and
    // c_7 1 each, c_24 2·2 = 4, c_25 and c_26 2·2 = 4 each, c_27..c_31 2 each = 10, c_16 4 → 48 bf16 tiles = 98,304 B.
    const sdpa = op(
      'ttnn.scaled_dot_product_attention',
      [dram([1, 1, 64, 64]), dram([1, 1, 128, 64]), dram([1, 1, 128, 64])],
      [dram([1, 1, 64, 64])],
      {
        is_causal: bool(false),
        operandSegmentSizes: segments(1, 1, 1, 0, 0),
        program_config: dialect('ttnn.sdpa_program_config', {
          compute_with_storage_grid_size: '<8, 8>',
          q_chunk_size: '64',
          k_chunk_size: '64',
        }),
      },
    );
    const before = estimateOf(estimateOp(sdpa, whContext({ ttMetalDate: '2026-03-03' })));
    assert.equal(before.cbBytesPerCore, 98_304);
    assert.equal(before.confidence, 'exact');
    const after = estimateOf(estimateOp(sdpa, whContext({ ttMetalDate: '2026-03-04' })));
    assert.equal(after.cbBytesPerCore, 98_304);
    // Inside read span sdpa-prefill-factory-2026 (2026-03-03..2026-06-23).
    assert.deepEqual([after.confidence, after.approxReason], ['exact', '']);
    assert.match(after.factoryReason, /non-streaming compute path/);
    // Not streamed at 08a5992's rule: the QK subblock of the 2x2 chunk block is (2, 2) (the first table pair within
    // dst 8 dividing it), and Sk_chunk_t 2 is no multiple of 8 / 2 = 4. From PR #43538 (2026-05-08) any call without a
    // mask, sink or window streams: + the 1-tile recip scratch, and (PR #43043) the output CB 2 · streaming_qktv_h ·
    // vDHt with the out subblock of the 2x2 block capped at height 2, (2, 2): qktv_h 2 → 2·2·2 = 8 tiles for 4.
    // 48 − 4 + 8 + 1 = 53 tiles = 108,544 B.
    const on = (date: string) => estimateOf(estimateOp(sdpa, whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(on('2026-05-07'), 98_304);
    assert.equal(on('2026-05-08'), 53 * 2048);
  });

  it('non-causal sdpa prefill masks padding by logical lengths: K from PR #16940, Q from PR #36170; Bfp4_b from PR #18894', () => {
    // q/k chunks 32/32 by program_config, non-streaming builds (before 2026-03-04). q 1x1x64x64 bf16: Sq_chunk_t 1,
    // DHt 2, 2 q chunks on 2 of the 64 cores (one each: c_0 single-buffered). Without a mask CB: c_0 1·2 = 2, c_1 and
    // c_2 1·2·2 = 4 each, c_5 and c_7 1 each, c_24 1·1 = 1, c_25 and c_26 1·2 = 2 each, c_27..c_31 1 each, c_16 1·2 = 2
    // → 2 + 8 + 2 + 1 + 4 + 5 + 2 = 24 bf16 tiles = 49,152 B. A mask adds c_3 = Sq_chunk_t · Sk_chunk_t · 2 = 2 tiles.
    const sdpa = (qLen: number, kLen: number) =>
      op(
        'ttnn.scaled_dot_product_attention',
        [dram([1, 1, qLen, 64]), dram([1, 1, kLen, 64]), dram([1, 1, kLen, 64])],
        [dram([1, 1, qLen, 64])],
        {
          is_causal: bool(false),
          operandSegmentSizes: segments(1, 1, 1, 0, 0),
          program_config: dialect('ttnn.sdpa_program_config', {
            compute_with_storage_grid_size: '<8, 8>',
            q_chunk_size: '32',
            k_chunk_size: '32',
          }),
        },
      );
    const on = (qLen: number, kLen: number, date: string) =>
      estimateOf(estimateOp(sdpa(qLen, kLen), whContext({ ttMetalDate: date })));
    // K of logical length 100 (tile-padded to 128, which is whole chunks): padded_Sk = ceil(100 / 32) · 32 = 128 ≠ 100.
    // Before 404aba8 (2025-01-22) the factory took the padded shape and had no padded-input mask: 49,152 B.
    assert.equal(on(64, 100, '2025-01-21').cbBytesPerCore, 49_152);
    // From it the mask is generated, Float16_b until c44a80e: + 2 · 2,048 = 53,248 B.
    assert.equal(on(64, 100, '2025-02-15').cbBytesPerCore, 53_248);
    // Bfp4_b from 2025-03-14: + 2 · 576 = 50,304 B; exact on a non-streaming build with a program_config.
    const k100 = on(64, 100, '2026-02-01');
    assert.equal(k100.cbBytesPerCore, 50_304);
    assert.equal(k100.confidence, 'exact');
    // Q of logical length 50 (padded_Sq = 64 ≠ 50), K on the chunks: no mask before cd23386 (2026-01-27), one from it.
    assert.equal(on(50, 64, '2026-01-26').cbBytesPerCore, 49_152);
    assert.equal(on(50, 64, '2026-01-27').cbBytesPerCore, 50_304);
  });

  it('flash_mla_prefill is exact only on builds that have it (PR #24855), with a V operand from PR #37721', () => {
    // q 1x1x64x64 (DHt 2), latent K 1x1x128x64, head_dim_v 32 (vDHt 1), non-causal, q/k chunks 32/32, lengths on the
    // chunk grid (no mask): 2 q chunks on 2 cores, one each. c_0 1·2 = 2, c_1 1·2·2 = 4, c_2 (V, K's or V's format)
    // 1·1·2 = 2, c_5 and c_7 1 each, c_24 1, c_25 and c_26 1·1 each, c_27..c_31 1 each, c_16 1·1 = 1 → 2 + 4 + 2 + 2 +
    // 1 + 2 + 5 + 1 = 19 bf16 tiles = 38,912 B on the non-streaming builds.
    const mla = (withV: boolean) =>
      op(
        'ttnn.flash_mla_prefill',
        [dram([1, 1, 64, 64]), dram([1, 1, 128, 64]), ...(withV ? [dram([1, 1, 128, 32])] : [])],
        [dram([1, 1, 64, 32])],
        {
          is_causal: bool(false),
          head_dim_v: int(32),
          operandSegmentSizes: segments(1, 1, withV ? 1 : 0, 0),
          program_config: dialect('ttnn.sdpa_program_config', {
            compute_with_storage_grid_size: '<8, 8>',
            q_chunk_size: '32',
            k_chunk_size: '32',
          }),
        },
      );
    const on = (withV: boolean, date: string) => estimateOf(estimateOp(mla(withV), whContext({ ttMetalDate: date })));
    assert.equal(on(false, '2025-08-01').cbBytesPerCore, 38_912);
    assert.equal(on(false, '2025-08-01').confidence, 'exact');
    assert.equal(on(false, '2025-07-14').confidence, 'approx');
    assert.match(on(false, '2025-07-14').approxReason, /not in tt-metal builds before PR #24855/);
    assert.equal(on(true, '2026-02-17').confidence, 'approx');
    assert.equal(on(true, '2026-02-18').cbBytesPerCore, 38_912);
    assert.equal(on(true, '2026-02-18').confidence, 'exact');
  });

  it('causal sdpa prefill across 2026: lightweight mask, then streaming (PR #43538), then global Q scheduling (PR #44614)', () => {
    // q/k/v 1x8x64x64 bf16, causal, no program_config: 32/32 chunks → Sq_chunk_t = Sk_chunk_t = 1, DHt 2, 2 q chunks a
    // head. Split: batch 1, heads 8, q parallel min(64 / 8, 2) = 2 → 1 q chunk a core → c_0 single-buffered.
    // 2026-05-07 (non-streaming; lightweight causal mask from PR #42159): c_0 2 + c_1, c_2 4 each + mask 2 Float16_b +
    //   c_5, c_7 1 each + c_24 1 + c_25, c_26 2 each + 5 statistics + c_16 2 = 26 bf16 tiles = 53,248 B.
    // 2026-05-08 (streams): + recip 1; c_16 = 2 · qktv_h · vDHt with the out subblock of the 1x2 block (1, 2) (no
    //   earlier table pair divides it), qktv_h 1 (Sq_chunk_t < 2) → 4 tiles for 2: 29 tiles = 59,392 B.
    // 2026-05-21 (global Q): 16 q chunks in 8 pairs over 64 cores → 8 cores take 2 → c_0 double-buffered, + 2 tiles:
    //   31 tiles = 63,488 B.
    const sdpa = op(
      'ttnn.scaled_dot_product_attention',
      [dram([1, 8, 64, 64]), dram([1, 8, 64, 64]), dram([1, 8, 64, 64])],
      [dram([1, 8, 64, 64])],
      { is_causal: bool(true), operandSegmentSizes: segments(1, 1, 1, 0, 0) },
    );
    const on = (date: string) => estimateOf(estimateOp(sdpa, whContext({ ttMetalDate: date })));
    assert.equal(on('2026-05-07').cbBytesPerCore, 26 * 2048);
    assert.equal(on('2026-05-08').cbBytesPerCore, 29 * 2048);
    assert.match(on('2026-05-08').factoryReason, /streaming compute path/);
    assert.equal(on('2026-05-21').cbBytesPerCore, 31 * 2048);
    // A window across all three reports each figure; inside read span sdpa-prefill-factory-2026 it is exact (tt-mlir's
    // runtime passes no program_config, so the 32/32 default is known).
    const w = estimateOf(estimateOp(sdpa, whContext({ window: { earliest: '2026-05-01', latest: '2026-06-01' } })));
    assert.deepEqual([w.confidence, w.approxReason], ['exact', '']);
    assert.deepEqual(
      w.versionRange?.figures.map((f) => (f.kind === 'estimate' ? f.cbBytesPerCore : f.kind)),
      [26 * 2048, 29 * 2048, 31 * 2048],
    );
  });

  it('sdpa prefill without a program_config: exact inside read span sdpa-prefill-factory-2026, approx before it and past 622c6fb', () => {
    // q/k/v 1x8x64x64 bf16, causal, no program_config (tt-mlir's runtime passes none): the figures of the test above.
    const sdpa = op(
      'ttnn.scaled_dot_product_attention',
      [dram([1, 8, 64, 64]), dram([1, 8, 64, 64]), dram([1, 8, 64, 64])],
      [dram([1, 8, 64, 64])],
      { is_causal: bool(true), operandSegmentSizes: segments(1, 1, 1, 0, 0) },
    );
    const inSpan = { earliest: '2026-05-21', latest: '2026-06-23' };
    const e = estimateOf(estimateOp(sdpa, whContext({ window: inSpan })));
    // 31 bf16 tiles from global Q scheduling (the test above).
    assert.equal(e.cbBytesPerCore, 31 * 2048);
    assertExactUpToNewestRead(e, inSpan);
    assert.ok(e.citations.some((c) => c.startsWith('read span sdpa-prefill-factory-2026')));
    // One day past the newest build read: the same figure, approx by the registry's rule.
    const past = { earliest: '2026-05-21', latest: '2026-06-24' };
    const p = estimateOf(estimateOp(sdpa, whContext({ window: past })));
    assert.equal(p.cbBytesPerCore, 31 * 2048);
    assertExactUpToNewestRead(p, past);
    assert.equal(p.confidence, 'approx');
    // Builds before the span (2026-02-01..2026-03-02: no change point asked of this call inside) were not read at
    // every commit: 2026-02 is non-streaming with the lightweight mask not yet in (PR #42159): mask c_3 = Sq_chunk_t ·
    // Sk_chunk_t · 2 = 2 Bfp4_b tiles (576 B) for its 2 tiles; 26 − 2 = 24 bf16 tiles + 1,152 = 50,304 B.
    const before = estimateOf(
      estimateOp(sdpa, whContext({ window: { earliest: '2026-02-01', latest: '2026-03-02' } })),
    );
    assert.equal(before.cbBytesPerCore, 24 * 2048 + 2 * 576);
    assert.equal(before.confidence, 'approx');
    assert.match(before.approxReason, /read span sdpa-prefill-factory-2026, builds 2026-03-03\.\.2026-06-23/);
  });

  it('sdpa prefill of an f32 Q: c_5 / c_7 Float32 from tt-metal PR #41637 (2026-04-24)', () => {
    // q/k/v/out 1x1x64x64 f32, non-causal, no mask, no config: Sq_chunk_t = Sk_chunk_t = 1, DHt 2. Not streaming in
    // 2026-04 (08a5992's shape test: the 1x1 QK subblock is (1, 1), Sk_chunk_t 1 is no multiple of 8 / 1). 2 q chunks
    // on 2 cores, one each (before global Q scheduling): c_0 1·2 = 2, c_1 and c_2 1·2·2 = 4 each, c_16 1·2 = 2 f32
    // tiles of 4,096 B = 12 · 4,096 = 49,152; c_24 1, c_25 and c_26 1·2 = 2 each, c_27..c_31 1 each = 10 bf16 tiles =
    // 20,480; c_5 and c_7: 2 bf16 tiles = 4,096 before, 2 f32 tiles = 8,192 from PR #41637.
    const sdpa = op(
      'ttnn.scaled_dot_product_attention',
      [dram([1, 1, 64, 64], 'f32'), dram([1, 1, 64, 64], 'f32'), dram([1, 1, 64, 64], 'f32')],
      [dram([1, 1, 64, 64], 'f32')],
      { is_causal: bool(false), operandSegmentSizes: segments(1, 1, 1, 0, 0) },
    );
    const on = (date: string) => estimateOf(estimateOp(sdpa, whContext({ ttMetalDate: date })));
    assert.equal(on('2026-04-23').cbBytesPerCore, 49_152 + 20_480 + 4_096);
    assert.equal(on('2026-04-24').cbBytesPerCore, 49_152 + 20_480 + 8_192);
    assert.equal(on('2026-04-24').confidence, 'exact');
  });

  it('non-causal sliding-window sdpa prefill: a mask CB from PR #45104, the streamed one from PR #46281; with a mask illegal from PR #46600', () => {
    // q/k/v 1x1x64x64 bf16, non-causal, sliding_window_size 32, no mask, no config: Sq_chunk_t = Sk_chunk_t = 1, DHt 2,
    // vDHt 2; lengths on the chunks (no padded mask). 2 q chunks over 64 cores under global Q scheduling (non-causal:
    // base 2 / 64 = 0, 2 cores take one) → c_0 single-buffered. Not streaming until PR #46281 (a sliding window).
    // 2026-05-25: c_0 2, c_1 4, c_2 4, c_5 1, c_7 1, c_24 1, c_25 2, c_26 2, 5 statistics, c_16 2 = 24 bf16 tiles.
    // 2026-05-26 (PR #45104): + the mask Sq_chunk_t · Sk_chunk_t · 2 = 2 Bfp4_b tiles of 576 B.
    // 2026-06-08 (PR #46281, streams): the mask 1 + kSlidingWindowEdgeTiles 4 = 5 Float16_b tiles; + recip 1; c_16 =
    //   2 · qktv_h · vDHt: the out subblock of the 1x2 block is (1, 2) (no earlier table pair divides it), qktv_h 1
    //   (Sq_chunk_t < 2) → 4 tiles for 2: 24 − 2 + 4 + 1 + 5 = 32 bf16 tiles.
    const sdpa = (withMask: boolean) =>
      op(
        'ttnn.scaled_dot_product_attention',
        [dram([1, 1, 64, 64]), dram([1, 1, 64, 64]), dram([1, 1, 64, 64]), ...(withMask ? [dram([1, 1, 64, 64])] : [])],
        [dram([1, 1, 64, 64])],
        {
          is_causal: bool(false),
          sliding_window_size: int(32),
          operandSegmentSizes: segments(1, 1, 1, withMask ? 1 : 0, 0),
        },
      );
    const on = (withMask: boolean, date: string) => estimateOp(sdpa(withMask), whContext({ ttMetalDate: date }));
    assert.equal(estimateOf(on(false, '2026-05-25')).cbBytesPerCore, 24 * 2048);
    assert.equal(estimateOf(on(false, '2026-05-26')).cbBytesPerCore, 24 * 2048 + 2 * 576);
    assert.equal(estimateOf(on(false, '2026-06-08')).cbBytesPerCore, 32 * 2048);
    assert.equal(estimateOf(on(false, '2026-06-08')).confidence, 'exact');
    // With a mask: runs (approx: the mask is first multiplied by 1/scale, PR #42891) until PR #46600 rejects the pair.
    assert.equal(on(true, '2026-06-11').kind, 'estimate');
    const rejected = on(true, '2026-06-12');
    assert.equal(rejected.kind, 'illegal');
    assert.match(
      rejected.kind === 'illegal' ? rejected.rule : '',
      /sliding_window_size and attn_mask cannot both be present/,
    );
  });

  it('sdpa prefill with a mask: approx from PR #42891 (the mask multiplied by 1/scale first) unless the scale is 1', () => {
    // q/k/v/mask 1x1x64x64 bf16, non-causal, no config, non-streaming (a provided mask streams only from PR #46600):
    // 24 bf16 tiles (the sliding-window test's 2026-05-25 list; 2026-04: 2 q chunks on 2 cores, one each) + the mask
    // Sq_chunk_t · Sk_chunk_t · 2 = 2 bf16 tiles = 26 tiles = 53,248 B, on either side of the change point.
    const sdpa = (scale?: number) =>
      op(
        'ttnn.scaled_dot_product_attention',
        [dram([1, 1, 64, 64]), dram([1, 1, 64, 64]), dram([1, 1, 64, 64]), dram([1, 1, 64, 64])],
        [dram([1, 1, 64, 64])],
        {
          is_causal: bool(false),
          operandSegmentSizes: segments(1, 1, 1, 1, 0),
          ...(scale === undefined ? {} : { scale: { kind: 'float', value: scale } as PropValue }),
        },
      );
    const on = (date: string, scale?: number) => estimateOf(estimateOp(sdpa(scale), whContext({ ttMetalDate: date })));
    assert.equal(on('2026-04-27').cbBytesPerCore, 26 * 2048);
    assert.equal(on('2026-04-27').confidence, 'exact');
    // No scale: 1/sqrt(64) = 0.125, so the mask is multiplied by 8 first.
    const after = on('2026-04-28');
    assert.equal(after.cbBytesPerCore, 26 * 2048);
    assert.equal(after.confidence, 'approx');
    assert.match(after.approxReason, /PR #42891 .*scale 0\.125/);
    assert.equal(on('2026-04-28', 1).confidence, 'exact');
  });

  it('declares what each estimator reads', () => {
    for (const name of [
      'ttnn.layer_norm',
      'ttnn.rms_norm',
      'ttnn.update_cache',
      'ttnn.paged_update_cache',
      'ttnn.scaled_dot_product_attention',
      'ttnn.chunked_scaled_dot_product_attention',
      'ttnn.scaled_dot_product_attention_decode',
      'ttnn.paged_scaled_dot_product_attention_decode',
      'ttnn.flash_mla_prefill',
      'ttnn.split_query_key_value_and_split_heads',
      'ttnn.nlp_create_qkv_heads_decode',
      'ttnn.rotary_embedding',
      'ttnn.rotary_embedding_llama',
    ]) {
      assert.deepEqual(estimatorReads(name), { properties: true, liveL1: false }, name);
    }
    for (const name of [
      'ttnn.fill_cache',
      'ttnn.paged_fill_cache',
      'ttnn.nlp_concat_heads',
      'ttnn.concatenate_heads',
      'ttnn.nlp_concat_heads_decode',
    ]) {
      assert.deepEqual(estimatorReads(name), { properties: false, liveL1: false }, name);
    }
    // A property change must change the figure for a 'properties' estimator: transpose_key adds two 4-tile CBs.
    const split = (t: boolean) =>
      op(
        'ttnn.split_query_key_value_and_split_heads',
        [dram([1, 512, 1536])],
        [dram([1, 16, 512, 32]), dram([1, 16, 512, 32]), dram([1, 16, 512, 32])],
        { num_heads: int(16), transpose_key: bool(t) },
      );
    assert.equal(
      estimateOf(estimateOp(split(true), whContext())).cbBytesPerCore -
        estimateOf(estimateOp(split(false), whContext())).cbBytesPerCore,
      8 * 2048,
    );
  });

  it('every norm/attention/KV-cache/heads/rotary op in the real dumps gets a figure or a specific reason', function () {
    this.timeout(120_000);
    const files = NORM_ATTENTION_FILES;
    const family = /norm|attention|cache|heads|rotary|flash_mla|split_query/;
    let figures = 0;
    let reasons = 0;
    for (const file of files) {
      for (const o of analyzeCorpus(file).functions.flatMap((f) => f.ops)) {
        if (!family.test(o.op.name) || o.op.name === 'ttcore.load_cached') continue;
        const e = o.estimate;
        if (e.kind === 'estimate') {
          figures++;
          assert.ok(Number.isFinite(e.cbBytesPerCore) && e.cbBytesPerCore >= 0);
        } else {
          reasons++;
          assert.ok(e.kind === 'unmodeled' || e.kind === 'illegal', `${file}: ${o.op.name} is ${e.kind}`);
          const why = e.kind === 'unmodeled' ? e.reason : e.rule;
          assert.ok(!/^no L1 model for/.test(why), `${file}: ${o.op.name} has no specific reason`);
        }
      }
    }
    // 3 + 57 rms_norm, 2 + 56 paged_update_cache, 1 + 28 paged SDPA decode, 1 + 28 nlp_concat_heads_decode, 1 layer_norm,
    // 4 + 1 prefill SDPA / MLA, 7 nlp_concat_heads_decode, 3 rotary llama, 3 fill_cache + 1 paged_fill_cache,
    // 2 distributed_rms_norm on (1, 1, 32, 128) / (1, 32, 128) with a weight (the fused RMSAllGather kernel), 5 that
    // tt-mlir's decomposition rewrites before they run (no weight, 64 rows, or leading dims not 1: its programs in turn).
    assert.equal(figures, 3 + 57 + 2 + 56 + 1 + 28 + 1 + 28 + 1 + 4 + 1 + 7 + 3 + 3 + 1 + 2 + 5);
    // An interleaved-input paged_update_cache (illegal: "Expect input_tensor to be sharded").
    assert.equal(reasons, 1);
  });

  it('nlp_create_qkv_heads_decode of a Blackhole bf16 DRAM input: two DRAM-aligned scratch CBs from tt-metal PR #43292 (2026-05-06)', () => {
    // nlp_create_qkv_heads_decode_interleaved_program_factory.cpp@7aa26e4: a DRAM input whose 16-element face row
    // (16 · 2 B = 32 B for bf16) is below the DRAM alignment (Blackhole 64 B) adds c_0 and c_1 of (head_tiles + 1) ·
    // 64 B. 8 q heads + 2·8 kv heads of head_dim 128 (3,072 wide): head_tiles 4 → 2 · 5 · 64 = 640 B more per core.
    // Wormhole's DRAM alignment is 32 B, not above the 32 B row: no scratch on any build.
    const hs8 = (heads: number) => tensor([1, 8, heads, 128], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const qkv = op('ttnn.nlp_create_qkv_heads_decode', [dram([1, 1, 8, 3072])], [hs8(8), hs8(8), hs8(8)], {
      num_heads: int(8),
      num_kv_heads: int(8),
    });
    const bhOn = (date: string) => ({ ...whContext({ ttMetalDate: date }), device: presetDevice('blackhole_p150') });
    const cbs = (ctx: ReturnType<typeof whContext>) => estimateOf(estimateOp(qkv, ctx)).cbBytesPerCore;
    assert.equal(cbs(bhOn('2026-05-06')) - cbs(bhOn('2026-05-05')), 640);
    assert.equal(cbs(whContext({ ttMetalDate: '2026-05-06' })), cbs(whContext({ ttMetalDate: '2026-05-05' })));
  });

  it('decode-mode rotary_embedding_llama: shard-backed CBs plus three head_dim scratch CBs; interleaved paged_update_cache input is illegal', () => {
    const a = analyzeCorpus('test/ttmlir/Silicon/TTNN/n150/transformer/rotary_embedding_llama.mlir');
    const decode = opsNamed(a, 'ttnn.rotary_embedding_llama').find(
      (o) =>
        o.op.properties['is_decode_mode']?.kind === 'bool' &&
        (o.op.properties['is_decode_mode'] as { value: boolean }).value,
    );
    const e = estimateOf(decode!.estimate);
    // 1x1x32x32 height-sharded: head_dim 1 tile → c_24, c_25, c_26 one bf16 tile each = 6,144 B; the rest are shards.
    assert.equal(e.cbBytesPerCore, 6_144);
    assert.equal(e.cbs.filter((c) => c.tensorBacked).length, 5);
    const [update] = opsNamed(
      analyzeCorpus('test/ttmlir/Dialect/TTNN/kv_cache_conversion/paged_update_cache_bfp8.mlir'),
      'ttnn.paged_update_cache',
    );
    assert.equal(update!.estimate.kind, 'illegal');
    assert.equal(update!.estimate.kind === 'illegal' ? update!.estimate.rule : '', 'Expect input_tensor to be sharded');
  });
});
