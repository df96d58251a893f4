/**
 * MoE ops: sparse_matmul (sparse_matmul_multicore_reuse_mcast_1d_optimized.cpp@060a2d5, validate @01656bf, tt-mlir
 * runtime's default config) and moe_expert_token_remap (moe_expert_token_remap_program_factory.cpp@369c386). Figures by
 * hand from those factories on WH n150 (8x8 grid, 32 B DRAM / 16 B L1 alignment; CBs placed at 32 B boundaries).
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { DataType } from '../../../server/src/ttnn/dtype';
import type { PropValue } from '../../../server/src/ttnn/op';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { dialect, int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r as OpEstimate;
}

const bool = (value: boolean): PropValue => ({ kind: 'bool', value });
const CORPUS = join(__dirname, '../../fixtures/corpus');

function corpusEstimates(rel: string, opName: string, date?: string): OpEstimateResult[] {
  const ttMetal =
    date === undefined ? undefined : { window: { earliest: date, latest: date }, source: 'none' as const, how: date };
  const a = analyzeModule(parse(readFileSync(join(CORPUS, rel), 'utf8')), { ttMetal });
  return a.functions.flatMap((f) => f.ops.filter((o) => o.op.name === opName).map((o) => o.estimate));
}

// in0_block_w 4, out_block / per_core 1x2, on an 8x8 grid: the explicit 1D config the tests below share.
const explicit1dConfig = dialect('ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config', {
  compute_with_storage_grid_size: '#ttnn.core_coord<8,8>',
  in0_block_w: '4',
  out_subblock_h: '1',
  out_subblock_w: '2',
  out_block_h: '1',
  out_block_w: '2',
  per_core_m: '1',
  per_core_n: '2',
  fuse_batch: 'false',
  mcast_in0: 'true',
});

describe('estimate/moe: sparse_matmul', () => {
  // a 1x1x32x64, b 1x4x64x32, sparsity 1x1x1x4 bf16 row-major DRAM (tt-mlir perf_targets/flops_attention.mlir).
  const flopsOp = (resultDtype: DataType = 'bf16') =>
    op(
      'ttnn.sparse_matmul',
      [tensor([1, 1, 32, 64]), tensor([1, 4, 64, 32]), tensor([1, 1, 1, 4], { page: 'row_major' })],
      [tensor([1, 1, 1, 4, 32, 32], { dtype: resultDtype })],
      { is_input_a_sparse: bool(false), is_input_b_sparse: bool(true), nnz: int(2) },
    );

  it('runtime default config (no program_config): one core, double-buffered 1-tile blocks, two sparsity pages', () => {
    // per_core_M = max(1, ⌊32/32⌋) = 1, per_core_N = max(1, ⌈1/8⌉) = 1 → 1·1 = 1 core. Kt = 2, in0_block_w 1 → 2 blocks;
    // batchA 1 · batchB 4 · 2 > 1 → depth 2. c_0 = 2·1·1·2,048 = 4,096; c_1 = 4,096; c_4 = 1·2,048 (shared with c_5);
    // sparsity page = align32(4·2) = 32, twice. 4,096 + 4,096 + 2,048 + 32 + 32 = 10,304 B.
    const e = est(estimateOp(flopsOp(), whContext()));
    assert.equal(e.factory, 'SparseMatmulMultiCoreReuseMcast1DProgramFactory');
    assert.equal(e.nCoresUsed, 1);
    assert.equal(e.cbBytesPerCore, 10_304);
    assert.equal(e.confidence, 'approx'); // the runtime's config and the default compute config are assumed
  });

  it("an unset compute config takes tt-metal's default, as matmul's: a bfloat8_b result gets bf16 partials of its own", () => {
    // The first test's op with a bfloat8_b result. sparse_matmul resolves an unset config through
    // create_matmul_attributes (sparse_matmul_device_operation.cpp, main of 2026-06-23): packer_l1_acc on for a
    // non-f32 output, and over Kt / in0_block_w = 2 blocks the partials go to a Float16_b c_5 apart from c_4.
    // c_0 4,096 + c_1 4,096 + c_4 1 bfp8 tile 1,088 + c_5 1 bf16 tile 2,048 + two 32 B sparsity pages = 11,392 B
    // (both flags off, as assumed before, gave c_4 shared with c_5: 9,344 B).
    const e = est(estimateOp(flopsOp('bfp_bf8'), whContext()));
    assert.equal(e.cbBytesPerCore, 11_392);
  });

  it('an explicit 1D config: blocks from the config, four cores', () => {
    // a 1x1x64x512 (Mt 2, Kt 16), b 1x8x512x128 (Nt 4), sparsity 1x1x1x8 row-major bf16.
    // in0_block_w 4, out_block 1x2, per_core 1x2 → ⌈2/1⌉·⌈4/2⌉ = 4 cores (≤ 8 in a row: rectangular). 16/4 = 4 K blocks,
    // batch 1·8·4 > 1 → depth 2. c_0 = 2·1·4·2,048 = 16,384; c_1 = 2·2·4·2,048 = 32,768; c_4 = 1·2·2,048 = 4,096;
    // sparsity page = align32(8·2) = 32, twice → 16,384 + 32,768 + 4,096 + 32 + 32 = 53,312 B.
    const args = [tensor([1, 1, 64, 512]), tensor([1, 8, 512, 128]), tensor([1, 1, 1, 8], { page: 'row_major' })];
    const result = [tensor([1, 1, 1, 8, 64, 128])];
    const e = est(
      estimateOp(
        op('ttnn.sparse_matmul', args, result, {
          is_input_a_sparse: bool(false),
          is_input_b_sparse: bool(true),
          program_config: explicit1dConfig,
        }),
        whContext(),
      ),
    );
    assert.equal(e.nCoresUsed, 4);
    assert.equal(e.cbBytesPerCore, 53_312);
    // fp32 accumulation: the partials (c_5) get their own 2-tile f32 CB: + 2·4,096 = 8,192 → 61,504 B.
    const fp32 = dialect('ttnn.device_compute_kernel_config', { fp32_dest_acc_en: 'true' });
    const f = est(
      estimateOp(
        op('ttnn.sparse_matmul', args, result, {
          is_input_b_sparse: bool(true),
          program_config: explicit1dConfig,
          compute_config: fp32,
        }),
        whContext(),
      ),
    );
    assert.equal(f.cbBytesPerCore, 61_504);
    assert.equal(f.confidence, 'exact');
  });

  it("tt-metal's validation: sparsity volume, rectangular core grid, at least one sparse input", () => {
    // b sparse only: batch_length = batch(a) · batch(b) = 1 · 4 = 4, but the sparsity holds 8.
    const bad = estimateOp(
      op(
        'ttnn.sparse_matmul',
        [tensor([1, 1, 32, 64]), tensor([1, 4, 64, 32]), tensor([1, 1, 1, 8], { page: 'row_major' })],
        [tensor([1, 1, 1, 4, 32, 32])],
        { is_input_b_sparse: bool(true) },
      ),
      whContext(),
    );
    assert.equal(bad.kind, 'illegal');
    assert.match((bad as { rule: string }).rule, /sparsity logical_volume \(8\) must equal batch_length \(4\)/);
    // M = 48: Mt 2, per_core_M = ⌊48/32⌋ = 1 → 2 rows of blocks; Nt 10 → per_core_N = ⌈10/8⌉ = 2 → 5 columns: 10 cores,
    // row-major over 8 columns their bounding box is 2·8 = 16 cores → tt-metal rejects the non-rectangular grid.
    const ragged = estimateOp(
      op(
        'ttnn.sparse_matmul',
        [tensor([1, 1, 48, 64]), tensor([1, 4, 64, 320]), tensor([1, 1, 1, 4], { page: 'row_major' })],
        [tensor([1, 1, 1, 4, 48, 320])],
        { is_input_b_sparse: bool(true) },
      ),
      whContext(),
    );
    assert.equal(ragged.kind, 'illegal');
    assert.match(
      (ragged as { rule: string }).rule,
      /num_cores_with_work \(10\) must be equal to in0_mcast_receiver_num_cores \(16\)/,
    );
    const neither = estimateOp(
      op(
        'ttnn.sparse_matmul',
        [tensor([1, 1, 32, 64]), tensor([1, 4, 64, 32]), tensor([1, 1, 1, 4], { page: 'row_major' })],
        [tensor([1, 1, 1, 4, 32, 32])],
        { is_input_a_sparse: bool(false), is_input_b_sparse: bool(false) },
      ),
      whContext(),
    );
    assert.equal(neither.kind, 'illegal');
  });

  it('the corpus dumps (workaround test, flops test) get figures; the tiled f32 sparsity is sized as the row-major bf16 tt-mlir makes of it', () => {
    // moe_ccl_workaround_with_optimizer.mlir: a 1x4x32x256, b 1x4x256x64, sparsity 1x4x1x4, no nnz. Mt 1, Kt 8, Nt 2
    // → per_core_N = 1 → 2 cores; batchA 4 · batchB 4 · 8 > 1 → depth 2: 4,096 + 4,096 + 2,048 + 32 + 32 = 10,304 B
    // (a build from 2025-10-29 on, the aligned sparsity page of PR #30351 and no c_25).
    const workaround = 'test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir';
    const moe = corpusEstimates(workaround, 'ttnn.sparse_matmul', '2025-11-27');
    assert.equal(moe.length, 2);
    for (const r of moe) {
      const e = est(r);
      assert.equal(e.nCoresUsed, 2);
      assert.equal(e.cbBytesPerCore, 10_304);
    }
    // Builds 2025-09-06..10-28 (PRs #27275 … #31291) count the nonzero batches into c_25: sparsity volume 16 · 4 B =
    // 64 B → 10,368 B; the whole window (no build in the file) reports that worst sub-window.
    assert.equal(est(corpusEstimates(workaround, 'ttnn.sparse_matmul', '2025-10-15')[0]).cbBytesPerCore, 10_368);
    assert.equal(est(corpusEstimates(workaround, 'ttnn.sparse_matmul')[0]).cbBytesPerCore, 10_368);
    // flops_attention.mlir gives nnz 2: no c_25 on any build.
    const flops = corpusEstimates('test/ttmlir/Dialect/TTNN/perf_targets/flops_attention.mlir', 'ttnn.sparse_matmul');
    assert.equal(est(flops[0]).cbBytesPerCore, 10_304);
  });

  it('explicit config across builds: Float32 sparsity entries before PR #30351, exact only inside the read span', () => {
    // The explicit-config op above (53,312 B with 8 experts) with nnz 2. Its sparsity CBs before 9ba9f06 are batchB ·
    // 4 = 8 · 4 = 32 B each, the aligned bf16 page after: the same. With 32 experts (b 1x32x512x128, sparsity
    // 1x1x1x32): c_0 16,384 + c_1 32,768 + c_4 4,096 = 53,248 B, + 2 · align32(32 · 2 B) = 128 → 53,376 B from
    // 2025-10-10, + 2 · 32 · 4 B = 256 → 53,504 B before.
    const sparse = (nnz?: number, experts = 8) =>
      op(
        'ttnn.sparse_matmul',
        [tensor([1, 1, 64, 512]), tensor([1, experts, 512, 128]), tensor([1, 1, 1, experts], { page: 'row_major' })],
        [tensor([1, 1, 1, experts, 64, 128])],
        {
          is_input_a_sparse: bool(false),
          is_input_b_sparse: bool(true),
          ...(nnz !== undefined && { nnz: int(nnz) }),
          program_config: explicit1dConfig,
        },
      );
    const on = (date: string, nnz?: number, experts?: number) =>
      est(estimateOp(sparse(nnz, experts), whContext({ ttMetalDate: date })));
    assert.equal(on('2025-10-09', 2).cbBytesPerCore, 53_312);
    assert.equal(on('2025-10-09', 2).confidence, 'exact');
    assert.equal(on('2025-10-09', 2, 32).cbBytesPerCore, 53_504);
    assert.equal(on('2025-10-10', 2, 32).cbBytesPerCore, 53_376);
    // No nnz on 2025-10-20: + c_25 of 8 entries · 4 B = 32 B → 53,344 B; gone from 2025-10-29.
    assert.equal(on('2025-10-20').cbBytesPerCore, 53_344);
    assert.equal(on('2025-10-29').cbBytesPerCore, 53_312);
    // Before sparse_matmul existed (PR #25027, 2025-07-29) and past 622c6fb the factory was not read: approx.
    assert.equal(on('2025-07-01', 2).confidence, 'approx');
    assert.equal(on('2026-07-01', 2).confidence, 'approx');
    assert.equal(on('2026-06-23', 2).confidence, 'exact');
  });

  it('reads properties (program_config, compute_config, nnz, sparse flags)', () => {
    assert.equal(estimatorReads('ttnn.sparse_matmul').properties, true);
    assert.equal(estimatorReads('ttnn.moe_expert_token_remap').properties, false);
  });
});

describe('estimate/moe: moe_expert_token_remap', () => {
  it('the corpus remap: six single-page CBs on all 64 cores', () => {
    // topk 1x2x128x32 → row-major bf16 row 32·2 = 64 B; mapping 1x1x32x8 → u16 row 16 B; metadata 1x2x128x4 → 8 B;
    // experts per device = 4 (result 1x2x128x4). c_0 = align16(16) = 16, c_1 = align16(4·2) = 16, c_2 = align16(8) = 16,
    // c_3 = 2·align16(64) = 128, c_4 = 4·2 = 8, c_5 (reduced 1x1x8x4) = 4·2 = 8. Placed at 32 B boundaries:
    // 0–16, 32–48, 64–80, 96–224, 224–232, 256–264 → 264 B per core; summed 16+16+16+128+8+8 = 192 B.
    const remap = corpusEstimates(
      'test/ttmlir/Dialect/TTNN/Transforms/Workarounds/moe_ccl_workaround_with_optimizer.mlir',
      'ttnn.moe_expert_token_remap',
    );
    assert.equal(remap.length, 1);
    const e = est(remap[0]);
    assert.equal(e.nCoresUsed, 64);
    assert.equal(e.cbBytesPerCore, 264);
    assert.equal(e.cbBytesSummedOverRanges, 192);
    assert.equal(e.confidence, 'approx'); // the IR's operands are tiled si32: sized in the workaround's row-major form
  });

  it('row-major u16 operands as tt-metal requires them: exact; a one-result build has no reduced CB', () => {
    // topk 1x1x64x16 bf16 (row 32 B), mapping 1x1x16x4 u16 (8 B → 16), metadata 1x1x64x2 u16 (4 B → 16), 8 experts
    // per device: c_0 16, c_1 align16(16) = 16, c_2 16, c_3 2·32 = 64, c_4 8·2 = 16 → 0–16, 32–48, 64–80, 96–160,
    // 160–176 → 176 B.
    const rm = (shape: number[], dtype: 'bf16' | 'u16') => tensor(shape, { page: 'row_major', dtype });
    const e = est(
      estimateOp(
        op(
          'ttnn.moe_expert_token_remap',
          [rm([1, 1, 64, 16], 'bf16'), rm([1, 1, 16, 4], 'u16'), rm([1, 1, 64, 2], 'u16')],
          [rm([1, 1, 64, 8], 'bf16')],
          { reduction_size: int(32) },
        ),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 176);
    assert.equal(e.confidence, 'exact');
  });
});

describe('estimate/unmodeled reasons found by the s19 sweep of tt-mlir tests', () => {
  // Seen in tt-mlir's test/ttmlir/Dialect/TTNN/tt_lang_op_verify.mlir and moe_compute tests (19c86fc): each got a bare
  // "no L1 model" before; neither has a ttnn factory this tool read, so it must stay unmodeled, with its reason.
  const t = tensor([32, 32]);
  for (const [name, reasonWord] of [
    ['ttnn.tt_lang_op', 'tt-lang'],
    ['ttnn.prepare_moe_compute_w0_w1_weights', 'TTNNDeduceMoEComputeLayouts'],
  ] as const) {
    it(`${name} is unmodeled with its specific reason, never a figure`, () => {
      const r = estimateOp(op(name, [t, t], [t]), whContext());
      assert.equal(r.kind, 'unmodeled', JSON.stringify(r).slice(0, 300));
      assert.match((r as { reason: string }).reason, new RegExp(reasonWord));
      assert.doesNotMatch((r as { reason: string }).reason, /^no L1 model for/);
    });
  }
});
