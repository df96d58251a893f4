/**
 * Matmul / linear: the program config tt-metal generates without one in the IR, and the CBs of the factory it selects.
 * Expected figures are worked by hand from tt-metal's selection (config/matmul_program_config.cpp@001cea9) and
 * factories (matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49, …_mcast_1d_…@00629f0); the arithmetic is in
 * the comments. WH n150: 8x8 grid, L1 1,499,136 B, base 102,656 B → free L1 1,396,480 B; bf16 tile 2,048 B.
 */

import * as assert from 'node:assert/strict';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue } from '../../../server/src/ttnn/op';
import { matmulConfigAttribute } from '../../../server/src/estimate/ops/matmulConfig';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { estimatorReads } from '../../../server/src/estimate/registry';
import { dialect, op, tensor, whContext } from './build';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import { presetDevice } from '../../../server/src/ttnn/device';
import { DUMP, MATMUL_FILES, readCorpus } from '../../support/corpus';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const dram = (shape: number[]) => tensor(shape);
const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });

describe('estimate/matmul: auto-config, one case per selection path', () => {
  it('all DRAM interleaved 1024³: 2D mcast over the whole grid, in0_block_w = Kt / 8', () => {
    // Mt = Kt = Nt = 32. Not narrow. all_dram_interleaved → 2D: in0_block_w = 32/8 = 4, per_core = ceil(32/8) = 4 x 4;
    // estimate 4·4·2·T + 4·4·2·T + 16·T + 16·T = 196,608 < 1,396,480 → kept. Subblock: (4,2) divides 4x4.
    // K blocks = 32/4 = 8 > 1 → double-buffered: c_0 = 4·4·2 = 32 tiles, c_1 = 32 tiles, c_4 = 16 tiles (interm shared).
    // 80 tiles x 2,048 = 163,840 B on 8 x 8 = 64 cores.
    const e = est(
      estimateOp(op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])]), whContext()),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
    assert.equal(e.cbBytesPerCore, 163_840);
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_0', 32],
        ['c_1', 32],
        ['c_4', 16],
      ],
    );
    assert.equal(e.nCoresUsed, 64);
    assert.match(
      e.factoryReason,
      /tt-metal would pick MatmulMultiCoreReuseMultiCastProgramConfig with grid 8x8 \(x by y\), per_core_M 4, per_core_N 4, in0_block_w 4, out_subblock 4x2/,
    );
    assert.match(e.factoryReason, /because all operands DRAM interleaved/);
    // The default build (2025-11-27) lies in read span matmul-auto-2d-all-dram-2025-2026 and the 4x4 block passes the
    // first test (196,608 B < 1,396,480 B): exact. A build after the snapshot (2026-07-01): the same figure, approx.
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-2d-all-dram-2025-2026')));
    const later = est(
      estimateOp(
        op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])]),
        whContext({ ttMetalDate: '2026-07-01' }),
      ),
    );
    assert.equal(later.cbBytesPerCore, 163_840);
    assert.equal(later.confidence, 'approx');
  });

  it('L1 output, 1024³: per-core factor 16 (largest block under free L1), 2 x 2 blocks, 2D mcast', () => {
    // create_simple: estimate(16,16,w=2) = 16·2·2·T·2 + 256·T·2 = 1,310,720 < 1,396,480 → 16. Blocks ceil(32/16) = 2 x 2;
    // not all-DRAM, 4 ≤ 64 and Kt % 2 = 0 → core range 2x2 → 2D with per_core 16, in0_block_w 2, subblock 4x2 → 1x2
    // (2 ≠ per_core_N). c_0 = 16·2·2 = 64 tiles, c_1 = 64, c_4 = 256 → 384 x 2,048 = 786,432 B on 4 cores.
    const e = est(
      estimateOp(op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [l1([1024, 1024])]), whContext()),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
    assert.equal(e.cbBytesPerCore, 786_432);
    assert.equal(e.nCoresUsed, 4);
    assert.match(e.factoryReason, /per-core factor 16/);
  });

  it('live L1 tensors shrink the per-core factor (get_max_l1_space)', () => {
    // Same op with 400,000 B/core of live L1: free = 1,499,136 − 400,000 − 102,656 = 996,480; 16 needs 1,310,720 → no;
    // 8: 8·2·2·T·2 + 64·T·2 = 393,216 → yes. Blocks 4x4 → 2D per_core 8, w 2: c_0 32 + c_1 32 + c_4 64 = 128 tiles
    // = 262,144 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [l1([1024, 1024])]),
        whContext({ live: 400_000 }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 262_144);
    assert.deepEqual(estimatorReads('ttnn.matmul'), { properties: true, liveL1: true });
  });

  it('wide narrow shape 32x1024 @ 1024x4096: 1D mcast of in0', () => {
    // height 32, width 4096: ratio 128 > 8 → narrow and wide. Factor 16 → blocks 1 x 8 → one row → get_mcast_1d_config
    // (mcast_in0): per_core_M = 32/32 = 1, per_core_N = ceil(ceil(4096/64)/32) = 2, in0_block_w = 2 (Kt 32 even);
    // subblock: first table pair dividing 1x2 is (1,2). K blocks 16 → double: c_0 1·2·2 = 4, c_1 2·2·2 = 8, c_4 2 tiles
    // → 14 x 2,048 = 28,672 B; cores 1 x ceil(128/2) = 64.
    const e = est(
      estimateOp(op('ttnn.matmul', [dram([32, 1024]), dram([1024, 4096])], [dram([32, 4096])]), whContext()),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.equal(e.cbBytesPerCore, 28_672);
    assert.equal(e.nCoresUsed, 64);
    assert.match(e.factoryReason, /mcast_in0 true/);
  });

  it('transpose_b reads b as its transpose (same as the untransposed wide case)', () => {
    // b 4096x1024 with transpose_b → K = 1024, N = 4096: the case above, 28,672 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [dram([32, 1024]), dram([4096, 1024])], [dram([32, 4096])], {
          transpose_b: { kind: 'bool', value: true },
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 28_672);
  });

  it('tall narrow shape 4096x1024 @ 1024x32: 1D mcast of in1', () => {
    // Blocks 8 x 1 → one column → mcast_in1: per_core_M = ceil(ceil(4096/64)/32) = 2, per_core_N = 1, in0_block_w 2;
    // subblock for 2x1: (2,1). c_0 2·2·2 = 8, c_1 1·2·2 = 4, c_4 2 → 14 tiles = 28,672 B on 64 cores.
    const e = est(
      estimateOp(op('ttnn.matmul', [dram([4096, 1024]), dram([1024, 32])], [dram([4096, 32])]), whContext()),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.equal(e.cbBytesPerCore, 28_672);
    assert.match(e.factoryReason, /mcast_in0 false/);
  });

  it('more blocks than cores (not all DRAM): the non-reuse multi-core factory, 2-tile CBs', () => {
    // 8192x64 @ 64x8192, b in L1: Mt = Nt = 256, factor 16 → 16 x 16 = 256 blocks > 64 cores → MatmulMultiCoreProgramConfig:
    // c_0, c_1, c_16 of 2 tiles each = 12,288 B.
    const e = est(estimateOp(op('ttnn.matmul', [dram([8192, 64]), l1([64, 8192])], [dram([8192, 8192])]), whContext()));
    assert.equal(e.factory, 'MatmulMultiCoreProgramConfig');
    assert.equal(e.cbBytesPerCore, 12_288);
  });

  it('block-sharded a: 2D mcast from the shard, with the shard CB tensor-backed and the 64 B scratch CB', () => {
    // a 1024x1024 block sharded on 4x4 (shard 8x8 tiles), b 1024x512 DRAM. M = K = 32, N = 16; cores along x = 32/8 = 4,
    // along y = 4 → per_core_M = 32/4 = 8, per_core_N = ceil(16/4) = 4, in0_block_w = gcd(8, 32) = 8. Estimate
    // 262,144 + 131,072 + 65,536 + 65,536 + in2 8·8·T = 131,072 → 655,360 < free → kept; subblock (4,2).
    // K blocks 4 → double: c_0 8·8·2 = 128 tiles = 262,144; c_1 4·8·2 = 64 tiles = 131,072; c_2 shard (tensor-backed);
    // c_6 64 B; c_4 32 tiles = 65,536 → 262,144 + 131,072 + 64 + 65,536 = 458,816 B (each start 32 B aligned).
    const a = tensor([1024, 1024], { buffer: 'l1', mem: 'block_sharded', grid: [4, 4] });
    const e = est(estimateOp(op('ttnn.matmul', [a, dram([1024, 512])], [dram([1024, 512])]), whContext()));
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
    assert.equal(e.cbBytesPerCore, 458_816);
    assert.equal(e.nCoresUsed, 16);
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_2' && c.tensorBacked));
  });

  it('block-sharded a and output: the shard CBs sit on the tensors, each counted once as an L1 tensor', () => {
    // As above with the output block sharded in L1 on the same 4x4 grid: the 2D factory puts c_2 on a's shard and c_4
    // (shared with the partials, per_core_M = out_block_h) on the output shard (matmul_multicore_reuse_mcast_2d_program_
    // factory.cpp@0000d49). CB region: c_0 262,144 + c_1 131,072 + c_6 64 = 393,280 B; the output is the op's one L1
    // tensor, per_core_M·per_core_N = 8·4 tiles = 65,536 B per core; a's shard is the producer's tensor, not the op's.
    const a = tensor([1024, 1024], { buffer: 'l1', mem: 'block_sharded', grid: [4, 4] });
    const out = tensor([1024, 512], { buffer: 'l1', mem: 'block_sharded', grid: [4, 4] });
    const e = est(estimateOp(op('ttnn.matmul', [a, dram([1024, 512])], [out]), whContext()));
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
    assert.deepEqual(
      e.cbs.filter((c) => c.tensorBacked).map((c) => c.cbIndex),
      ['c_2', 'c_4'],
    );
    assert.equal(e.cbBytesPerCore, 393_280);
    assert.equal(e.l1TensorBytesPerCore, 65_536);
  });

  it('batched b with a block sharded on one core: the batched reuse factory', () => {
    // a [2,64,64] block sharded on 1x1 (shard 4x2 tiles), b [2,64,64] DRAM. get_matmul_program_config: b interleaved,
    // a block sharded but not on a 2-D grid → create_matmul_program_config, b batched, a sharded: per_core_M = 4 (shard
    // height), per_core_N = N = 2, in0_block_w = 2 (shard width); get_subblock_sizes(4, 2): (w 4, h 2) fails 2 % 4,
    // (w 2, h 4) divides → 4x2. Reuse factory: Mt per batch 2 < per_core_M 4 → batch scale 2; c_0 = a's shard
    // 4·2 = 8 tiles (tensor-backed); c_1 = 2·2·2 = 8 tiles = 16,384; c_4 (shared with the partials) 4·2 = 8 tiles =
    // 16,384 → 32,768 B on the shard's 1 core.
    const a = tensor([2, 64, 64], { buffer: 'l1', mem: 'block_sharded', grid: [1, 1] });
    const e = est(estimateOp(op('ttnn.matmul', [a, dram([2, 64, 64])], [dram([2, 64, 64])]), whContext()));
    assert.equal(e.factory, 'MatmulMultiCoreReuseProgramConfig');
    assert.equal(e.cbBytesPerCore, 32_768);
    assert.equal(e.nCoresUsed, 1);
    assert.match(e.factoryReason, /per_core_M 4, per_core_N 2, in0_block_w 2, out_subblock 4x2/);
  });

  it("batched b with a sharded a: per_core_N counts b's logical width in whole tiles, floored", () => {
    // The case above with b [2,64,50] (N padded to 64): create_matmul_program_config takes n = b's logical N / 32 =
    // 50 / 32 = 1 (integer division; the logical shape at matmul_op.cpp@3787a8a, @2bb3ccb, config/
    // matmul_program_config.cpp@601278a, @622c6fb). Reuse factory: c_0 a's shard 8 tiles (tensor-backed); c_1 =
    // per_core_N 1 · in0_block_w 2 · 2 = 4 tiles = 8,192; c_4 = per_core_M 4 · 1 = 4 tiles = 8,192 → 16,384 B.
    const a = tensor([2, 64, 64], { buffer: 'l1', mem: 'block_sharded', grid: [1, 1] });
    const e = est(estimateOp(op('ttnn.matmul', [a, dram([2, 64, 50])], [dram([2, 64, 50])]), whContext()));
    assert.equal(e.factory, 'MatmulMultiCoreReuseProgramConfig');
    assert.match(e.factoryReason, /per_core_M 4, per_core_N 1, in0_block_w 2/);
    assert.equal(e.cbBytesPerCore, 16_384);
    // b's logical N under one tile: n = 0, which get_program_config's sanity check rejects.
    const narrow = estimateOp(op('ttnn.matmul', [a, dram([2, 64, 20])], [dram([2, 64, 20])]), whContext());
    assert.equal(narrow.kind, 'illegal');
    assert.match((narrow as { rule: string }).rule, /per_core_N must be greater than 0!/);
  });

  it('before tt-metal PR #31649 an auto config never fuses the bias: the all-DRAM linear adds it after (no c_3)', () => {
    // bound_matmul@f01114d: post_process_bias whenever there is no program config and no core grid; the selection does
    // not see the bias (not passed): the 1024³ config of the first case, 163,840 B. From 2025-11-04 the case below.
    const o = () => op('ttnn.linear', [dram([1024, 1024]), dram([1024, 1024]), dram([1, 1024])], [dram([1024, 1024])]);
    const before = est(estimateOp(o(), whContext({ ttMetalDate: '2025-11-03' })));
    assert.equal(before.cbBytesPerCore, 163_840);
    assert.ok(!before.cbs.some((c) => c.cbIndex === 'c_3'));
    assert.ok(before.notes.some((n) => /before PR #31649/.test(n)));
    const after = est(estimateOp(o(), whContext({ ttMetalDate: '2025-11-04' })));
    assert.equal(after.cbBytesPerCore, 172_032);
  });

  it('a tall bias with a given config: rejected before tt-metal PR #32510, added after from it', () => {
    // The first case's 2D config written out (grid 8x8, per_core 4x4, in0_block_w 4, subblock 4x2) and a bias of 64
    // rows (2 tile rows): before 2025-11-17 bound_matmul passes it to the device op, whose validate requires a bias's
    // padded height to be one tile (matmul_op.cpp@0236bc1 and @f9dc6d2; tt-metal #32441's error); from it
    // get_post_process_bias sends a bias not one tile row high to ttnn.add (the matmul alone: 163,840 B).
    const cfg = dialect('ttnn.matmul_multi_core_reuse_multi_cast_program_config', {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: '4',
      out_subblock_h: '4',
      out_subblock_w: '2',
      out_block_h: '4',
      out_block_w: '4',
      per_core_m: '4',
      per_core_n: '4',
      transpose_mcast: 'false',
      fuse_batch: 'false',
    });
    const o = () =>
      op('ttnn.linear', [dram([1024, 1024]), dram([1024, 1024]), dram([64, 1024])], [dram([1024, 1024])], {
        matmul_program_config: cfg,
      });
    const before = estimateOp(o(), whContext({ ttMetalDate: '2025-11-16' }));
    assert.equal(
      before.kind === 'illegal' && before.rule,
      'Unsupported bias shape: padded second last dimension of bias, 64, not equal to tile height, 32',
    );
    const after = est(estimateOp(o(), whContext({ ttMetalDate: '2025-11-17' })));
    assert.equal(after.cbBytesPerCore, 163_840);
    assert.ok(after.notes.some((n) => /64 rows, not one tile row/.test(n)));
  });

  it('linear with a one-row bias fuses it: bias CB of out_block_w tiles', () => {
    // 1024³ all DRAM as in the first case plus bias 1x1024 (padded 32x1024: one tile row) → c_3 = out_block_w = 4 tiles
    // = 8,192 B → 163,840 + 8,192 = 172,032 B.
    const e = est(
      estimateOp(
        op('ttnn.linear', [dram([1024, 1024]), dram([1024, 1024]), dram([1, 1024])], [dram([1024, 1024])]),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 172_032);
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_3' && c.nPages === 4));
  });

  it('bfp8 weights: in1 pages are 1,088 B', () => {
    // The first case with b in bfp_bf8: c_1 = 32 tiles x 1,088 = 34,816 → 65,536 + 34,816 + 32,768 = 133,120 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [dram([1024, 1024]), tensor([1024, 1024], { dtype: 'bfp_bf8' })], [dram([1024, 1024])]),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 133_120);
  });

  it('renders the chosen config in tt-mlir attribute syntax, and the hover reason carries it', () => {
    const e = est(
      estimateOp(op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])]), whContext()),
    );
    const text = matmulConfigAttribute({
      kind: 'MatmulMultiCoreReuseMultiCastProgramConfig',
      gridX: 8,
      gridY: 8,
      in0BlockW: 4,
      outSubblockH: 4,
      outSubblockW: 2,
      outBlockH: 4,
      outBlockW: 4,
      perCoreM: 4,
      perCoreN: 4,
      fuseBatch: false,
      mcastIn0: false,
      transposeMcast: false,
    });
    assert.equal(
      text,
      '#ttnn.matmul_multi_core_reuse_multi_cast_program_config<compute_with_storage_grid_size = #ttnn.core_coord<8, 8>, in0_block_w = 4, out_subblock_h = 4, out_subblock_w = 2, out_block_h = 4, out_block_w = 4, per_core_m = 4, per_core_n = 4, transpose_mcast = false, fuse_batch = false>',
    );
    assert.ok(e.factoryReason.includes(`matmul_program_config = ${text}`));
  });
});

describe('estimate/matmul: configurations tt-metal rejects', () => {
  it('sharded a with sharded b: b must be interleaved', () => {
    const bs = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'block_sharded', grid: [4, 4] });
    const r = estimateOp(op('ttnn.matmul', [bs([1024, 1024]), bs([1024, 1024])], [dram([1024, 1024])]), whContext());
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /Input tensor B must have INTERLEAVED memory layout/);
  });

  it('inner dimensions that differ', () => {
    const r = estimateOp(op('ttnn.matmul', [dram([64, 96]), dram([64, 64])], [dram([64, 64])]), whContext());
    assert.equal(r.kind, 'illegal');
  });

  it('a linear bias with batched weights', () => {
    const r = estimateOp(
      op('ttnn.linear', [dram([64, 64]), dram([2, 64, 64]), dram([1, 64])], [dram([2, 64, 64])]),
      whContext(),
    );
    assert.equal(r.kind, 'illegal');
  });
});

describe('estimate/matmul: every matmul/linear of the corpus dumps gets a figure', () => {
  for (const file of MATMUL_FILES) {
    it(file, () => {
      const doc = analyzeDocument(readCorpus(file), DEFAULT_ANALYSIS_SETTINGS);
      const ops = doc.analysis.functions
        .flatMap((f) => f.ops)
        .filter((o) => o.op.name === 'ttnn.matmul' || o.op.name === 'ttnn.linear');
      assert.ok(ops.length > 0);
      for (const o of ops) {
        const e = o.estimate;
        assert.equal(
          e.kind,
          'estimate',
          `${o.op.resultNames[0]}: ${e.kind === 'unmodeled' ? e.reason : e.kind === 'illegal' ? e.rule : ''}`,
        );
        if (e.kind === 'estimate') assert.ok(e.factoryReason.length > 0 && e.cbBytesPerCore > 0);
      }
    });
  }

  it('falcon3 decode (Blackhole 10x11): the 32x3072 @ 3072x5120ᵀ projection is 1D mcast of in0 over 11x10', () => {
    // M = 32 (one tile row), N = 5120 (transpose_b), grid x 11, y 10: blocks 1 x ceil(160/16) = 10 → one row → mcast_in0:
    // per_core_N = ceil(ceil(5120/110)/32) = ceil(47/32) = 2, in0_block_w 2 (Kt 96).
    const doc = analyzeDocument(readCorpus(DUMP.falcon3DecodeTraced), DEFAULT_ANALYSIS_SETTINGS);
    const o = doc.analysis.functions
      .flatMap((f) => f.ops)
      .find(
        (x) =>
          x.op.name === 'ttnn.matmul' &&
          x.op.results[0]?.kind === 'tensor' &&
          x.op.results[0].shape.kind === 'known' &&
          x.op.results[0].shape.dims.join('x') === '32x5120',
      )!;
    const e = est(o.estimate);
    assert.match(e.factoryReason, /grid 11x10 \(x by y\), per_core_M 1, per_core_N 2, in0_block_w 2/);
  });
});

describe('estimate/matmul: read span matmul-explicit-1d-mcast-in0 (2026-03-05..2026-05-05)', () => {
  // VoVNet's classifier linear: a 1x1024 f32 (L1 interleaved) @ 1024x1000 f32 (DRAM) + bias 1000 f32 (DRAM, one tile
  // row, fused) → 1x1000 f32, width-sharded in L1, with the IR's 1D config: grid 8x4, mcast_in0, per_core 1x1,
  // in0_block_w 8. matmul_multicore_reuse_mcast_1d_program_factory.cpp (process_mcast_in0, the same CB lines @e617a17,
  // @c262c36, @21210d4): Kt 32 / 8 = 4 K blocks, B 1 → double-buffered: c_0 1·8·2 = 16 f32 tiles = 65,536 B, c_1
  // 1·8·2 = 16 = 65,536 B; c_4 the 1x1-tile output shard (bound to it); c_3 out_block_w = 1 bias tile = 4,096 B; f32
  // output → fp32 accumulation, partials Float32 = the output's format, one block row: no c_5. 135,168 B.
  const linear = (date: string) => {
    const settings = { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: date };
    const doc = analyzeDocument(readCorpus(DUMP.vovnet), settings);
    const o = doc.analysis.functions.flatMap((f) => f.ops).find((x) => x.op.name === 'ttnn.linear')!;
    return est(o.estimate);
  };
  it("VoVNet's dump window (2026-03-06..05-05) lies in it: 135,168 B, exact", () => {
    const e = linear('auto');
    assert.equal(e.cbBytesPerCore, 135_168);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => /read span matmul-explicit-1d-mcast-in0/.test(c)));
  });
  it('a build outside it keeps the figure but not the exactness', () => {
    const e = linear('2026-02-15');
    assert.equal(e.cbBytesPerCore, 135_168);
    assert.equal(e.confidence, 'approx');
  });
});

describe('estimate/matmul: version axis', () => {
  // a [1,64,1024] times b [4,1024,1024] (a broadcast over b's batches).
  const build = () => op('ttnn.matmul', [dram([1, 64, 1024]), dram([4, 1024, 1024])], [dram([4, 64, 1024])]);
  it('before tt-metal PR #47640 the broadcast is rejected (tt-metal issue #12834)', () => {
    const r = estimateOp(build(), whContext({ ttMetalDate: '2025-11-27' }));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /BCMK\*BCKN=BCMN/);
  });
  it('from PR #40172 (2026-03-25) an explicit 1D mcast-in1 config runs a rank-4 broadcast with a[1] = 1, a reused', () => {
    // matmul_device_operation.cpp@7dde75c (can_use_in0_reuse): a [1, 1, 64, 1024], b [1, 4, 1024, 1024], explicit 1D
    // config, fuse_batch and mcast_in0 false, nothing sharded → legal; the factory's reuse_in0_in_CB keeps a's row
    // block in c_0: per_core_M 2 · num_blocks (Kt 32 / in0_block_w 2 = 16) · 2 = 64 tiles, single-buffered.
    const config = dialect('ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config', {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: '2',
      out_subblock_h: '1',
      out_subblock_w: '4',
      out_block_h: '2',
      out_block_w: '4',
      per_core_m: '2',
      per_core_n: '4',
      fuse_batch: 'false',
      mcast_in0: 'false',
    });
    const explicit = () =>
      op('ttnn.matmul', [dram([1, 1, 64, 1024]), dram([1, 4, 1024, 1024])], [dram([1, 4, 64, 1024])], {
        matmul_program_config: config,
      });
    assert.equal(estimateOp(explicit(), whContext({ ttMetalDate: '2026-03-24' })).kind, 'illegal');
    const e = est(estimateOp(explicit(), whContext({ ttMetalDate: '2026-03-25' })));
    assert.deepEqual(
      e.cbs.filter((c) => c.cbIndex === 'c_0').map((c) => c.nPages),
      [64],
    );
    // Without a config the broadcast stays rejected until PR #47640 routes the auto config.
    const auto = op('ttnn.matmul', [dram([1, 1, 64, 1024]), dram([1, 4, 1024, 1024])], [dram([1, 4, 64, 1024])]);
    assert.equal(estimateOp(auto, whContext({ ttMetalDate: '2026-03-25' })).kind, 'illegal');
  });
  it('from PR #47640 on it is a 1D mcast-in1 config; a window straddling the change reports both', () => {
    // get_mcast_1d_config(fuse_batch false, mcast_in0 false): M = 64 → per_core_M = ceil(ceil(64/64)/32) = 1,
    // per_core_N = 1024/32 = 32, in0_block_w = 2 (Kt 32). Estimate 1·2·2·T + 32·2·2·T + 32·T·2 = 397,312 < free → kept.
    // The mcast_in1 factory (matmul_multicore_reuse_mcast_1d_program_factory.cpp@00629f0) takes reuse_in0_in_CB here
    // (in0_B 1, in1_B 4, a and the output interleaved, no bcast_batch, no fused activation): c_0 = per_core_M · num_blocks
    // · in0_block_w = 1·16·2 = 32 tiles, single-buffered; c_1 double-buffered since in1_B·num_blocks = 64 > 1:
    // 32·2·2 = 128; c_4 the 1x32 out block, 32 → 192 tiles = 393,216 B.
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-08-01' })));
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_0', 32],
        ['c_1', 128],
        ['c_4', 32],
      ],
    );
    assert.equal(e.cbBytesPerCore, 393_216);
    // With transpose_a (a stored [1, 1024, 64]; fused from PR #32295) c_10 is created with in0_CB_size, c_0's own
    // 32 tiles: 192 + 32 = 224 tiles = 458,752 B.
    const transposed = op('ttnn.matmul', [dram([1, 1024, 64]), dram([4, 1024, 1024])], [dram([4, 64, 1024])], {
      transpose_a: { kind: 'bool', value: true },
    });
    const t = est(estimateOp(transposed, whContext({ ttMetalDate: '2026-08-01' })));
    assert.equal(t.cbs.find((c) => c.cbIndex === 'c_10')?.nPages, 32);
    assert.equal(t.cbBytesPerCore, 458_752);
    const r = estimateOp(build(), whContext({ window: { earliest: '2026-01-01', latest: '2026-08-01' } }));
    assert.equal(r.kind, 'estimate');
    if (r.kind === 'estimate')
      assert.deepEqual(
        r.versionRange?.figures.map((f) => f.kind),
        ['illegal', 'estimate'],
      );
  });
});

describe('estimate/matmul: the late-2024 auto-config (before tt-metal PR #15938)', () => {
  // Worked from tt-metal matmul_op.cpp@0155a43 (create_simple_matmul_program_config of late 2024) and
  // matmul_op_multi_core_reuse_program_factory.cpp@080a251. Per-core factor estimate of that era: M·w·2·T(a) +
  // M·w·2·T(b) + M·N·T(a), no interm term. bf16, factor 16: 131,072 + 131,072 + 524,288 = 786,432 < 1,396,480 → 16.
  const before = { ttMetalDate: '2025-01-01' };
  it('blocks that fit the core count but not the grid (16 block rows > 8) → NonOptimizedReuse, fixed 16x16 blocks', () => {
    // 8192x1024 @ 1024x512, output in L1: Mt 256, Nt 16 → 16 x 1 blocks, 16 ≤ 64 and Kt 32 % 2 = 0; 16 rows > 8 → no
    // core range; 256 % 16 = 16 % 16 = 0 → NonOptimizedReuse. Factory: c_0 16·2·2 = 64, c_1 64, c_16 16·16 = 256 tiles
    // → 384 x 2,048 = 786,432 B on (256/16)·(16/16) = 16 cores.
    const build = () => op('ttnn.matmul', [dram([8192, 1024]), dram([1024, 512])], [l1([8192, 512])]);
    const e = est(estimateOp(build(), whContext(before)));
    assert.equal(e.factory, 'MatmulMultiCoreNonOptimizedReuseProgramConfig');
    assert.equal(e.cbBytesPerCore, 786_432);
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_0', 64],
        ['c_1', 64],
        ['c_16', 256],
      ],
    );
    assert.equal(e.nCoresUsed, 16);
    assert.match(e.factoryReason, /fit the core count but not the 8x8 grid/);
  });
  it('a window straddling PR #15938 reports both builds', () => {
    const build = () => op('ttnn.matmul', [dram([8192, 1024]), dram([1024, 512])], [l1([8192, 512])]);
    const r = estimateOp(build(), whContext({ window: { earliest: '2025-01-01', latest: '2025-02-01' } }));
    assert.equal(r.kind, 'estimate');
    if (r.kind === 'estimate') {
      assert.deepEqual(r.versionRange?.changePoints, ['matmul-all-dram-2d-any-grid']);
      assert.equal(r.versionRange?.figures.length, 2);
    }
  });
  it('all DRAM on an 8x7 grid (n300, worker dispatch): NonOptimizedReuse then, 2D mcast on any grid after', () => {
    // 4096x512 @ 512x512 bf16: Mt 128, Nt 16 → 8 x 1 blocks of 16; 8 rows > 7 → NonOptimizedReuse: 786,432 B on 8 cores.
    const build = () => op('ttnn.matmul', [dram([4096, 512]), dram([512, 512])], [dram([4096, 512])]);
    const n300 = (ttMetalDate: string) => ({
      ...whContext({ ttMetalDate }),
      device: presetDevice('wormhole_b0_n300_worker_dispatch'),
    });
    const old = est(estimateOp(build(), n300('2025-01-01')));
    assert.equal(old.factory, 'MatmulMultiCoreNonOptimizedReuseProgramConfig');
    assert.equal(old.cbBytesPerCore, 786_432);
    assert.equal(old.nCoresUsed, 8);
    const after = est(estimateOp(build(), n300('2025-02-01')));
    assert.equal(after.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
  });
  it('all DRAM on an 8x8 grid: PR #15214 rebalancing, per_core ceil(Mt/8) x ceil(Nt/8)', () => {
    // 2048x512 @ 512x512 f32 (the n150 side of tt-metal #16348): factor 16 → 262,144 + 262,144 + 1,048,576 > free; 8 →
    // 8 x 2 blocks fit the 8x8 grid → 2D; all DRAM on 8x8: in0_block_w 16/8 = 2, per_core 64/8 = 8 x 16/8 = 2; estimate
    // 131,072 + 131,072 + 65,536 + 16·2,048 = 360,448 fits → block 8x2. K blocks 8 → double: c_0 8·2·2 = 32, c_1 2·2·2 =
    // 8, c_4 8·2 = 16 tiles → 56 x 4,096 = 229,376 B. No compute config: tt-metal's default from PR #15214 until PR
    // #16567 is packer_l1_acc on, fp32 accumulation off (matmul_op.cpp@93fccc5), and with 8 K blocks > 2 the 2D factory
    // packs its partials as Float16_b (matmul_op_multi_core_reuse_mcast_2d_program_factory.cpp@5058b8f lines 75-80), not
    // the f32 output's format: an interm CB of its own, 16 tiles · 2,048 = 32,768 → 262,144 B.
    const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
    const e = est(
      estimateOp(op('ttnn.matmul', [f32([2048, 512]), f32([512, 512])], [f32([2048, 512])]), whContext(before)),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
    assert.equal(e.cbBytesPerCore, 262_144);
  });
  it('a factor that divides Mt but not 16 → NonOptimizedReuse, whose factory rejects it', () => {
    // 256x256 @ 256x256 f32: factor 8 (16 does not fit), one 8x8 block → no core range (a single block); 8 % 8 = 0 →
    // NonOptimizedReuse, whose factory requires Mt % 16 == 0 (TT_FATAL "Error"): Mt = 8.
    const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
    const r = estimateOp(op('ttnn.matmul', [f32([256, 256]), f32([256, 256])], [f32([256, 256])]), whContext(before));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /Mt % 16 == 0/);
  });
});

describe('estimate/matmul: explicit DRAM-sharded config (the corpus perf test)', () => {
  it('test_perf_matmul_multi_core_reuse_multi_cast_dram_sharded_program_config.mlir: 45,056 B', () => {
    // a 32x1024 width sharded on 8 cores (shard 1x4 tiles), b 1024x1280 width sharded (shard 32x5 tiles), output
    // 32x1280 width sharded (1x5); config in0_block_w 1, per_core_m 1, per_core_n 5. Nt = 40, Kt = 32. WH: 12 DRAM banks;
    // b's shards padded to 5 x 12 = 60 > 40 tiles → floor(20/5) = 4 banks hold only padding → 8 workers;
    // per_core_N_compute = ceil(40/8) = 5; subblock (1,5); widening to 6..8 never lowers ceil(5/w) = 1 → stays 5.
    // K blocks 32 → c_0 = 1·1·2 = 2 tiles (4,096), c_1 = 5·1·3 = 15 tiles (30,720), c_2 a's shard (tensor-backed),
    // c_4 = 1·5 = 5 tiles (10,240), c_6 the output shard (tensor-backed) → 45,056 B.
    const file =
      'test/ttmlir/Silicon/TTNN/n150/perf/test_perf_matmul_multi_core_reuse_multi_cast_dram_sharded_program_config.mlir';
    const doc = analyzeDocument(readCorpus(file), DEFAULT_ANALYSIS_SETTINGS);
    const o = doc.analysis.functions.flatMap((f) => f.ops).find((x) => x.op.name === 'ttnn.matmul')!;
    const e = est(o.estimate);
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig');
    assert.equal(e.cbBytesPerCore, 45_056);
    assert.match(e.factoryReason, /program config from the IR/);
  });
});

describe('estimate/matmul: narrow L1 matmuls (tt-metal PR #32173)', () => {
  // 8192x1024 @ 1024x512, output in L1: height 8192 / width 512 = 16 > 8, so narrow and tall. Factor 16 → blocks
  // ceil(256/16) = 16 x ceil(16/16) = 1: 16 rows exceed the 8-row grid → no core range.
  const build = () => op('ttnn.matmul', [dram([8192, 1024]), dram([1024, 512])], [l1([8192, 512])]);
  it('from PR #32173 on: tall → 1D mcast in1', () => {
    // get_mcast_1d_config (mcast_in1): per_core_M = ceil(ceil(8192/64)/32) = 4, per_core_N = 16, in0_block_w 2;
    // estimate 32,768 + 131,072 + 131,072 + 131,072 = 425,984 fits; subblock (4,2). K blocks 16 → double:
    // c_0 4·2·2 = 16 tiles, c_1 16·2·2 = 64, c_4 4·16 = 64 → 144 tiles = 294,912 B on ceil(256/4) = 64 cores.
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2025-11-27' })));
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.equal(e.cbBytesPerCore, 294_912);
  });
  it('before it: not narrow (an L1 tensor), no 2D core range → the non-reuse factory, 12,288 B', () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2025-06-01' })));
    assert.equal(e.factory, 'MatmulMultiCoreProgramConfig');
    assert.equal(e.cbBytesPerCore, 12_288);
  });
});

describe('estimate/matmul: the printed config parses back as the same config', () => {
  it('1D and reuse configs round-trip through the explicit-config path with the same CBs', () => {
    // The auto-configured wide case (28,672 B) and the reuse case (32,768 B), re-estimated with their printed
    // attribute as matmul_program_config, give the same figures.
    const cases = [
      op('ttnn.matmul', [dram([32, 1024]), dram([1024, 4096])], [dram([32, 4096])]),
      op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])]),
    ];
    for (const o of cases) {
      const auto = est(estimateOp(o, whContext()));
      const printed = /matmul_program_config = (#ttnn\.(\w+)<(.*)>)$/.exec(auto.factoryReason);
      assert.ok(printed !== null, auto.factoryReason);
      const fields: Record<string, string> = {};
      for (const part of printed[3].split(/, (?=\w+ = )/)) {
        const [k, v] = part.split(' = ');
        fields[k] = v.replace(/#ttnn\.core_coord<(\d+), (\d+)>/, '$1,$2');
      }
      const config = { kind: 'dialect' as const, name: `ttnn.${printed[2]}`, text: printed[1], items: [], fields };
      const explicit = est(estimateOp({ ...o, properties: { matmul_program_config: config } }, whContext()));
      assert.equal(explicit.cbBytesPerCore, auto.cbBytesPerCore);
      assert.equal(explicit.nCoresUsed, auto.nCoresUsed);
    }
  });
});

describe('estimate/matmul: bias and activation outside the matmul program (bound_matmul)', () => {
  it('a one-row bias with an L1 output is added after the matmul: no bias CB, the matmul result is an L1 intermediate', () => {
    // get_post_process_bias: auto config and a non-DRAM output → post-process. The selection still counts the bias tile:
    // estimate(16,16,2) = 1,310,720 + 2·2,048 = 1,314,816 < 1,396,480 → factor 16, the 2D config of the L1-output
    // case: 786,432 B, no c_3. The matmul result in L1 interleaved: 1,024 tiles / 64 banks = 16 tiles x 2,048 = 32,768 B
    // per core, alive until the add has run.
    const o = op('ttnn.linear', [dram([1024, 1024]), dram([1024, 1024]), dram([1, 1024])], [l1([1024, 1024])]);
    const e = est(estimateOp(o, whContext()));
    assert.equal(e.cbBytesPerCore, 786_432);
    assert.ok(!e.cbs.some((c) => c.cbIndex === 'c_3'));
    assert.equal(e.l1IntermediateBytesPerCore, 32_768);
    assert.ok(e.notes.some((n) => /ttnn\.add/.test(n)));
  });

  it('an activation runs as a unary op after the matmul; with sharded inputs tt-metal rejects it', () => {
    const relu = { activation: { kind: 'string' as const, value: 'relu' } };
    const plain = est(
      estimateOp(op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [l1([1024, 1024])], relu), whContext()),
    );
    assert.equal(plain.l1IntermediateBytesPerCore, 32_768);
    const a = tensor([1024, 1024], { buffer: 'l1', mem: 'block_sharded', grid: [4, 4] });
    const r = estimateOp(op('ttnn.matmul', [a, dram([1024, 512])], [dram([1024, 512])], relu), whContext());
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /fused_activation/);
  });
});

describe('estimate/matmul: transpose_a with MatmulMultiCoreReuseProgramConfig (tt-metal PR #32295)', () => {
  // PR #32295's description (2025-11-12) says configs other than the 1D/2D mcast ones keep a separate ttnn.transpose,
  // but the reuse factory as merged reads a with transposed strides and transposes each in0 tile through c_10:
  // matmul_multicore_reuse_optimized_program_factory.cpp (ttnn::prim, still with only in0_last_ktile_w, i.e. before the
  // #35247 padding fix) and @00fca59 both create c_10 of in0_CB_size when in0_transpose_tile; the reuse factory before
  // the PR (matmul_op_multi_core_reuse_optimized_program_factory.cpp@00a631e) has no transpose argument and no c_10.
  // tt-metal issue #35247 (2026-01-04: transpose_a with this config zeroes the last output row, the pad_last_ktile of the
  // un-transposed tile) shows the fused path running with this config; closed PR #35249 quotes the merged gate
  // (needs_manual_transpose_a = transpose_a && needs_manual_transpose, which excludes this config).
  //
  // a stored [256, 128] with transpose_a → M 128 (Mt 4), K 256 (Kt 8); b [256, 512] (Nt 16). Explicit config: grid 8x8,
  // per_core_M 4, per_core_N 4, in0_block_w 2. Reuse factory: per_core_M_per_batch = min(4, Mt 4) = 4; c_0 4·2·2 = 16
  // tiles; c_1 4·2·2 = 16 tiles; interm = output format (no fp32, no packer L1 acc) → c_4 4·4 = 16 tiles shared with
  // c_5; c_10 = in0_CB_size = 16 tiles. 64 tiles x 2,048 = 131,072 B after the PR, 48 tiles = 98,304 B before it.
  // Blocks (1·4/4)·(16/4) = 4 over the 8x8 grid → 4 cores.
  const reuseConfig: PropValue = {
    kind: 'dialect',
    name: 'ttnn.matmul_multi_core_reuse_program_config',
    text: '',
    items: [],
    fields: {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: '2',
      out_subblock_h: '2',
      out_subblock_w: '2',
      per_core_m: '4',
      per_core_n: '4',
    },
  };
  const build = () =>
    op('ttnn.matmul', [dram([256, 128]), dram([256, 512])], [dram([128, 512])], {
      transpose_a: { kind: 'bool', value: true },
      matmul_program_config: reuseConfig,
    });
  it('after PR #32295: the reuse factory transposes in0 through c_10, a copy of c_0 (131,072 B)', () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-02-10' })));
    assert.equal(e.factory, 'MatmulMultiCoreReuseProgramConfig');
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_0', 16],
        ['c_1', 16],
        ['c_4', 16],
        ['c_10', 16],
      ],
    );
    assert.equal(e.cbBytesPerCore, 64 * 2048);
    assert.equal(e.nCoresUsed, 4);
  });
  it('after it, the non-reuse multi-core factory still transposes separately: no c_10, a note says so', () => {
    // a stored [64, 8192] with transpose_a → 8192x64 @ 64x8192 (b in L1), the non-reuse case above: 12,288 B.
    const o = op('ttnn.matmul', [dram([64, 8192]), l1([64, 8192])], [dram([8192, 8192])], {
      transpose_a: { kind: 'bool', value: true },
    });
    const e = est(estimateOp(o, whContext({ ttMetalDate: '2026-02-10' })));
    assert.equal(e.factory, 'MatmulMultiCoreProgramConfig');
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.ok(
      e.notes.some((n) => /separate ttnn\.transpose/.test(n)),
      e.notes.join('; '),
    );
  });
  it('before it: ttnn.transpose runs first as its own program, the matmul has no c_10 (98,304 B)', () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2025-10-01' })));
    assert.equal(e.cbBytesPerCore, 48 * 2048);
    assert.ok(!e.cbs.some((c) => c.cbIndex === 'c_10'));
  });
});

describe('estimate/matmul: 1D mcast in1 with a height-sharded a (c_0 alias or copy)', () => {
  // a [1024, 256] height sharded on 8 cores: shard 128x256 = 4x8 tiles (Mt 32, Kt 8); b [256, 256] DRAM (Nt 8); DRAM
  // output. Explicit 1D config (mcast_in0 false, fuse_batch): per_core_M 4, per_core_N 8 → 8x1 blocks on 8 cores.
  // matmul_multicore_reuse_mcast_1d_program_factory.cpp@00629f0, mcast_in1: c_0 = num_blocks·per_core_M·in0_block_w·B
  // tiles, globally allocated on a's shard unless extract_shard_sub_blocks (shard width / in0_block_w > 1), in which case
  // c_0 is a real CB and the shard is c_2 (in0_block_tiles, tensor-backed).
  const a = tensor([1024, 256], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
  const config = (w: number, bh: number, bw: number): PropValue => ({
    kind: 'dialect',
    name: 'ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config',
    text: '',
    items: [],
    fields: {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: String(w),
      out_subblock_h: '1',
      out_subblock_w: '4',
      out_block_h: String(bh),
      out_block_w: String(bw),
      per_core_m: '4',
      per_core_n: '8',
      fuse_batch: 'true',
      mcast_in0: 'false',
    },
  });
  const build = (w: number, bh: number, bw: number) =>
    op('ttnn.matmul', [a, dram([256, 256])], [dram([1024, 256])], { matmul_program_config: config(w, bh, bw) });
  const cbPages = (e: OpEstimate) => e.cbs.map((c) => [c.cbIndex, c.nPages, c.tensorBacked]);

  it('in0_block_w 2 < shard width 8: the reader extracts sub-blocks, c_0 is a real copy (196,608 B, any build)', () => {
    // num_blocks 8/2 = 4. c_0 4·4·2·1 = 32 tiles (real) = 65,536; c_2 4·2 = 8 tiles on the shard (tensor-backed);
    // (the factory creates c_0, c_2, then c_1) c_1 8·2·2 = 32 tiles (B·num_blocks 4 > 1) = 65,536; c_4 4·8 = 32 tiles (interm shared) = 65,536 → 196,608 B.
    for (const date of ['2026-02-10', '2026-09-01']) {
      const e = est(estimateOp(build(2, 4, 8), whContext({ ttMetalDate: date })));
      assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
      assert.deepEqual(cbPages(e), [
        ['c_0', 32, false],
        ['c_2', 8, true],
        ['c_1', 32, false],
        ['c_4', 32, false],
      ]);
      assert.equal(e.cbBytesPerCore, 196_608);
    }
  });

  // in0_block_w 8 = K: num_blocks 1 (single-buffered inputs). c_0 sized 1·4·8·1 = 32 tiles; c_1 4·8 = 32 tiles = 65,536;
  // c_4 out block 2x4 = 8 tiles = 16,384. Out blocks per core: 4/2 = 2 rows x 8/4 = 2 columns.
  it('in0_block_w = K, 2x2 out blocks per core: before PR #50975 c_0 aliases the shard (81,920 B)', () => {
    const e = est(estimateOp(build(8, 2, 4), whContext({ ttMetalDate: '2026-07-01' })));
    assert.deepEqual(cbPages(e), [
      ['c_0', 32, true],
      ['c_1', 32, false],
      ['c_4', 8, false],
    ]);
    assert.equal(e.cbBytesPerCore, 65_536 + 16_384);
  });
  it('from PR #50975 (tt-metal #26150 fix) c_0 is a real copy of the shard: +65,536 B (147,456 B)', () => {
    const e = est(estimateOp(build(8, 2, 4), whContext({ ttMetalDate: '2026-08-15' })));
    assert.deepEqual(cbPages(e), [
      ['c_0', 32, false],
      ['c_2', 16, true],
      ['c_1', 32, false],
      ['c_4', 8, false],
    ]);
    assert.equal(e.cbBytesPerCore, 65_536 + 65_536 + 16_384);
  });
  it('one out-block row per core (out_block_h = per_core_M): the alias stays after PR #50975 too', () => {
    // out block 4x4: 1 row x 2 columns → no copy. c_0 32 tiles aliased; c_1 4·8 = 32; c_4 16 tiles = 32,768 → 98,304 B.
    const e = est(estimateOp(build(8, 4, 4), whContext({ ttMetalDate: '2026-08-15' })));
    assert.equal(e.cbs[0].tensorBacked, true);
    assert.equal(e.cbBytesPerCore, 65_536 + 32_768);
  });
});

describe('estimate/matmul: a block-sharded output on one core, around tt-metal PR #53662', () => {
  // a, b [512, 512] bf16 in DRAM (Mt = Kt = Nt = 16), output block sharded on the 1x1 grid. create_simple: estimate(16,
  // 16, w 2) = 64 + 64 + 256 + 256 tiles = 1,310,720 < 1,396,480 → factor 16; blocks 1 x 1 → no core range; a
  // single-core block-sharded output keeps the 2D path. Kt 16 even → in0_block_w 2, 8 K blocks → double-buffered:
  // c_0 16·2·2 = 64, c_1 64 tiles, c_4 the 16x16 output shard (tensor-backed) → 128 tiles = 262,144 B on both sides.
  const out = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'block_sharded', grid: [1, 1] });
  it('subblock: 4x2 cut to 1x2 before; after, the widest one-row subblock dividing per_core_N (1x8)', () => {
    // Before (matmul_program_config.cpp@001cea9): out_subblock 4x2, and 2 ≠ per_core_N 16 → h 1: 1x2. After (PR #53662
    // review, 2026-08-20): get_matmul_subblock_params(16, 16) = 4x2 breaks the sharded-output rule (w = per_core_N or
    // h = 1) → re-selected with h = 1: 1x8, the first one-row pair of the table dividing 16.
    const build = () => op('ttnn.matmul', [dram([512, 512]), dram([512, 512])], [out([512, 512])]);
    const before = est(estimateOp(build(), whContext({ ttMetalDate: '2026-08-01' })));
    const after = est(estimateOp(build(), whContext({ ttMetalDate: '2026-09-01' })));
    assert.match(before.factoryReason, /per_core_M 16, per_core_N 16, in0_block_w 2, out_subblock 1x2/);
    assert.match(after.factoryReason, /per_core_M 16, per_core_N 16, in0_block_w 2, out_subblock 1x8/);
    assert.equal(before.cbBytesPerCore, 128 * 2048);
    assert.equal(after.cbBytesPerCore, 128 * 2048);
  });
  it('a batched a with an unbatched b: fuse_batch from the PR on, so the two batches are two block rows', () => {
    // a [2, 512, 512]: before, fuse_batch false: B 2 loops over one 16x16 block on one core. After: fuse_batch, M =
    // 2·16 = 32 tiles → ceil(32/16) = 2 block rows → 2 cores; CBs unchanged (B 1, 8 K blocks: still double-buffered).
    const build = () => op('ttnn.matmul', [dram([2, 512, 512]), dram([512, 512])], [out([2, 512, 512])]);
    const before = est(estimateOp(build(), whContext({ ttMetalDate: '2026-08-01' })));
    const after = est(estimateOp(build(), whContext({ ttMetalDate: '2026-09-01' })));
    assert.doesNotMatch(before.factoryReason, /fuse_batch true/);
    assert.match(after.factoryReason, /fuse_batch true/);
    assert.equal(before.nCoresUsed, 1);
    assert.equal(after.nCoresUsed, 2);
    assert.equal(after.cbBytesPerCore, 128 * 2048);
  });
});

describe("estimate/matmul: 1D mcast buffering by each operand's batch (in0_B / in1_B, tt-metal PR #40172)", () => {
  // a [4, 256, 64] batched (Mt 8 per batch, Kt 2), b [64, 256] unbatched (Nt 8), DRAM; explicit 1D mcast-in1 config,
  // fuse_batch false, in0_block_w 2 = K → num_blocks 1. matmul_multicore_reuse_mcast_1d_program_factory.cpp@00629f0:
  // in0_B = 4, in1_B = 1 (fuse_batch false: each operand's own batch count, create_program); c_0 double-buffered on
  // in0_B·num_blocks = 4 > 1, c_1 on in1_B·num_blocks = 1 → single. At 86aa094 (before the split) one B = 4 for both.
  // The split is PR #40172's (7dde75c, merged 2026-03-25 12:17 UTC).
  // c_0 out_block_h 1 · w 2 · 2 = 4 tiles; c_1 out_block_w 8 · 2 · (1 | 2) = 16 | 32 tiles; c_4 1·8 = 8 tiles (shared).
  const config = (mcastIn0: boolean) =>
    dialect('ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config', {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: '2',
      out_subblock_h: '1',
      out_subblock_w: '8',
      out_block_h: '1',
      out_block_w: '8',
      per_core_m: '1',
      per_core_n: '8',
      fuse_batch: 'false',
      mcast_in0: String(mcastIn0),
    });
  const build = (mcastIn0 = false) =>
    op('ttnn.matmul', [dram([4, 256, 64]), dram([64, 256])], [dram([4, 256, 256])], {
      matmul_program_config: config(mcastIn0),
    });
  it('after PR #40172: c_1 single-buffered for the unbatched b (28 tiles, 57,344 B)', () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-03-25' })));
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_0', 4],
        ['c_1', 16],
        ['c_4', 8],
      ],
    );
    assert.equal(e.cbBytesPerCore, 28 * 2048);
  });
  it('the mcast_in0 program keeps one B (in0_B) for c_1 on main to 2026-06-23; the split reaches it with PR #47640', () => {
    // matmul_multicore_reuse_mcast_1d_program_factory.cpp at main of 2026-06-23 (622c6fb): the mcast_in0 program is
    // passed in0_B alone and double-buffers c_1 on in0_B·num_blocks = 4 > 1; 00629f0 passes it in1_B as well. The same
    // operands with mcast_in0 true: c_0 4, c_1 8·2·(2 | 1) = 32 | 16, c_4 8 → 44 tiles (90,112 B) | 28 tiles (57,344 B).
    assert.equal(est(estimateOp(build(true), whContext({ ttMetalDate: '2026-04-15' }))).cbBytesPerCore, 44 * 2048);
    assert.equal(est(estimateOp(build(true), whContext({ ttMetalDate: '2026-07-01' }))).cbBytesPerCore, 28 * 2048);
  });
  it("before it: c_1 double-buffered on a's batch (44 tiles, 90,112 B); a window across it reports both", () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-03-24' })));
    assert.equal(e.cbBytesPerCore, 44 * 2048);
    const both = estimateOp(build(), whContext({ window: { earliest: '2026-03-24', latest: '2026-03-25' } }));
    assert.equal(both.kind, 'estimate');
    if (both.kind === 'estimate') {
      assert.deepEqual(both.versionRange?.changePoints, ['matmul-1d-per-operand-batch']);
      assert.deepEqual(
        both.versionRange?.figures.map((f) => f.cbBytesPerCore),
        [44 * 2048, 28 * 2048],
      );
    }
  });
});

describe('estimate/matmul: packer L1 accumulation by factory (interm Float16_b)', () => {
  // a [32, 128] (Mt 1, Kt 4), b [128, 1024] (Nt 32) bf16, bfp8 DRAM output, packer_l1_acc on, in0_block_w 2 → two K
  // blocks. The 1D mcast_in0 factory (…_mcast_1d_…@00629f0) enables packer L1 accumulation with num_blocks > 1: interm
  // Float16_b (2,048 B) ≠ the bfp8 output → c_5 of its own. The mcast_in1 factory (and 2D, …_mcast_2d_…@0000d49) needs
  // num_blocks > 2 without a bias: interm = the output format, one shared c_4.
  // Grid 8x4, per_core 1x1, out block 1x1: c_0 1·2·2 = 4 bf16 tiles 8,192; c_1 1·2·2 = 4 bf16 tiles 8,192; c_4 1 bfp8
  // tile 1,088; c_5 1 tile 2,048.
  const cfg = (mcastIn0: boolean, pcm: number, pcn: number) =>
    dialect('ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config', {
      compute_with_storage_grid_size: '8,4',
      in0_block_w: '2',
      out_subblock_h: '1',
      out_subblock_w: '1',
      out_block_h: String(pcm),
      out_block_w: String(pcn),
      per_core_m: String(pcm),
      per_core_n: String(pcn),
      fuse_batch: 'true',
      mcast_in0: String(mcastIn0),
    });
  const compute = dialect('ttnn.device_compute_kernel_config', { packer_l1_acc: 'true' });
  it('mcast_in0, two K blocks: a separate Float16_b c_5 (19,520 B)', () => {
    const o = op('ttnn.matmul', [dram([32, 128]), dram([128, 1024])], [tensor([32, 1024], { dtype: 'bfp_bf8' })], {
      matmul_program_config: cfg(true, 1, 1),
      compute_config: compute,
    });
    const e = est(estimateOp(o, whContext({})));
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_5' && c.pageBytes === 2048));
    assert.equal(e.cbBytesPerCore, 8192 + 8192 + 1088 + 2048);
  });
  it('mcast_in1 with the same two K blocks: no L1 accumulation, c_4 shared (17,472 B)', () => {
    // a [1024, 128] (Mt 32) tall, b [128, 32] (Nt 1); per_core_M 1, per_core_N 1 on 32 cores: same CB shapes.
    const o = op('ttnn.matmul', [dram([1024, 128]), dram([128, 32])], [tensor([1024, 32], { dtype: 'bfp_bf8' })], {
      matmul_program_config: cfg(false, 1, 1),
      compute_config: compute,
    });
    const e = est(estimateOp(o, whContext({})));
    assert.ok(!e.cbs.some((c) => c.cbIndex === 'c_5'));
    assert.equal(e.cbBytesPerCore, 8192 + 8192 + 1088);
  });
});

describe('estimate/matmul: no compute config in the IR runs with tt-metal default (PRs #15214, #16567)', () => {
  // tt-mlir's runtime passes no compute kernel config unless the IR prints compute_config (runtime/lib/ttnn/operations/
  // matmul/matmul.cpp@13cf48f, @d65d1b8, @c275567); create_matmul_struct then fills in its own defaults
  // (matmul_op.cpp@93fccc5~1: init_device_compute_kernel_config's, both off; @93fccc5, PR #15214 of 2024-11-21:
  // packer_l1_acc on; @652490d, PR #16567 of 2025-01-10: fp32 accumulation for an f32 output, packer_l1_acc otherwise).
  // 1024³ with bf16 inputs and a bfp8_b output, all DRAM: 2D mcast per_core 4x4, in0_block_w 4, 8 K blocks (double
  // buffered): c_0 4·4·2 = 32 and c_1 32 bf16 tiles = 65,536 B each, c_4 16 bfp8_b tiles · 1,088 = 17,408 B. With
  // packer_l1_acc and 8 K blocks > 2 the 2D factory packs partials as Float16_b, not bfp8_b: c_5 of its own, 16 ·
  // 2,048 = 32,768 B.
  const bfp8Out = (extra: Record<string, PropValue> = {}) =>
    op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [tensor([1024, 1024], { dtype: 'bfp_bf8' })], extra);
  it('from PR #15214 a bfp8_b output has a Float16_b c_5 (181,248 B); the day before, c_4 shared (148,480 B)', () => {
    const cb = (date: string) => est(estimateOp(bfp8Out(), whContext({ ttMetalDate: date }))).cbBytesPerCore;
    assert.equal(cb('2024-11-20'), 65_536 + 65_536 + 17_408);
    for (const date of ['2024-11-21', '2025-01-10', '2026-06-01'])
      assert.equal(cb(date), 65_536 + 65_536 + 17_408 + 32_768);
    // The IR's compute_config wins: packer_l1_acc off (absent) shares c_4 in any build.
    const printed = est(
      estimateOp(
        bfp8Out({ compute_config: dialect('ttnn.device_compute_kernel_config', { fp32_dest_acc_en: 'false' }) }),
        whContext({ ttMetalDate: '2026-06-01' }),
      ),
    );
    assert.equal(printed.cbBytesPerCore, 65_536 + 65_536 + 17_408);
    assert.doesNotMatch(est(estimateOp(bfp8Out(), whContext({}))).approxReason ?? '', /compute kernel config/);
  });
  it('an f32 output: Float16_b partials of their own until PR #16567, f32 accumulation into c_4 from it', () => {
    // 1024³ f32 all DRAM after PR #15938's selection: the same 2D 4x4 blocks (estimate 4,096 B tiles: 4·4·2 + 4·4·2 +
    // 16 + 16 = 96 tiles = 393,216 < free L1), sub-block (4,2) before PR #16567, (2,2) from it (fp32: h·w ≤ 4). c_0 and
    // c_1 32 f32 tiles = 131,072 B each, c_4 16 · 4,096 = 65,536: 327,680 B. Before PR #16567 packer_l1_acc adds c_5 16
    // · 2,048 = 32,768 B (Float16_b ≠ Float32): 360,448 B. From it fp32 accumulation: Float32 partials share c_4.
    const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
    const mm = op('ttnn.matmul', [f32([1024, 1024]), f32([1024, 1024])], [f32([1024, 1024])]);
    const at = (date: string) => est(estimateOp(mm, whContext({ ttMetalDate: date })));
    assert.equal(at('2025-01-09').cbBytesPerCore, 131_072 + 131_072 + 65_536 + 32_768);
    const after = at('2025-01-10');
    assert.equal(after.cbBytesPerCore, 131_072 + 131_072 + 65_536);
    assert.match(after.factoryReason, /out_subblock 2x2/);
  });
});

describe('estimate/matmul: a height-sharded a on one core, around tt-metal PR #52039', () => {
  // The PR's own repro (matmul_default_height_sharded sweep): M 384, K 32, N 32, a height sharded on one core (shard
  // 384x32 = 12x1 tiles), b and the output DRAM interleaved, no program config.
  const build = () =>
    op(
      'ttnn.matmul',
      [tensor([384, 32], { buffer: 'l1', mem: 'height_sharded', grid: [1, 1] }), dram([32, 32])],
      [dram([384, 32])],
    );
  it('before: create_matmul_program_config on the 8x8 grid gives per_core_M 1, twelve M blocks for one shard core: illegal', () => {
    // get_matmul_program_config@001cea9: a 1x1 shard grid skips the shard path → create_matmul_program_config: K 32 is
    // within one tile → 1D systolic, tall (height sharded): per_core_M = ceil(12 / 64) = 1 → ceil(12 / 1) = 12 M blocks
    // > 1 shard core, the TT_FATAL PR #52039's description quotes.
    const r = estimateOp(build(), whContext({ ttMetalDate: '2026-07-01' }));
    assert.equal(r.kind, 'illegal');
    assert.match(
      r.kind === 'illegal' ? r.rule : '',
      /ceil\(M\/per_core_M\)=12 must not exceed input A shard grid cores \(1\)/,
    );
  });
  it('after: the 1D config from the shard (per_core_M 12, per_core_N 1, in0_block_w 1) on one core, 26,624 B', () => {
    // Shard path: per_core_M = shard height 12, per_core_N = N 1, in0_block_w = K 1; one K block, B 1 (fuse_batch):
    // single-buffered. mcast_in1 factory (…_mcast_1d_…@00629f0): c_0 the shard itself (shard width 1 / in0_block_w 1 = 1,
    // one out-block row: no copy), c_1 1·1 = 1 tile 2,048, c_4 the 12x1 out block 12 tiles 24,576 → 26,624 B.
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-09-01' })));
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.match(e.factoryReason, /per_core_M 12, per_core_N 1, in0_block_w 1/);
    assert.equal(e.cbs[0].tensorBacked, true);
    assert.equal(e.cbBytesPerCore, 26_624);
  });
});

describe('estimate/matmul: the all-DRAM 2D out-block search order (tt-metal PR #49621)', () => {
  // 4096x8192 @ 8192x4096 bf16, all DRAM, n150 8x8: Mt 128, Kt 256, Nt 128 → per_core ceil(128/8) = 16 x 16,
  // in0_block_w 256/8 = 32. get_estimated_size_of_cbs = 2,048·(2·k·m + 2·k·n + m·n + m·n) = 4,096·(k(m+n) + m·n) must
  // stay below the free 1,396,480 B: k(m+n) + m·n ≤ 340. The whole 16x16 block at k 32 is 1,280: no.
  // k outer (matmul_program_config.cpp@001cea9): at k 32 the largest fitting block is 4x4 (32·8 + 16 = 272; 8x4 is
  // 32·12 + 32 = 416, 8x8 576) → out block 4x4, in0_block_w 32. 2D factory CBs (256/32 = 8 K blocks: double-buffered):
  // c_0 4·32·2 = 256 + c_1 256 + c_4 16 = 528 tiles = 1,081,344 B.
  // Area outer (PR #49621): 16x16 with k 32, 16, 8, 4 fails (4·32 + 256 = 384), k 2 fits (2·32 + 256 = 320) → out block
  // 16x16, in0_block_w 2 (128 K blocks): c_0 16·2·2 = 64 + c_1 64 + c_4 256 = 384 tiles = 786,432 B.
  const build = () => op('ttnn.matmul', [dram([4096, 8192]), dram([8192, 4096])], [dram([4096, 4096])]);
  it('before: the largest in0_block_w first (out block 4x4, in0_block_w 32, 1,081,344 B)', () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-06-01' })));
    assert.match(e.factoryReason, /in0_block_w 32, out_subblock \dx\d, out_block 4x4/);
    assert.equal(e.cbBytesPerCore, 528 * 2048);
  });
  it('after: the largest out block first (16x16, in0_block_w 2, 786,432 B); a window across it reports both', () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-08-01' })));
    assert.match(e.factoryReason, /per_core_M 16, per_core_N 16, in0_block_w 2,/);
    assert.equal(e.cbBytesPerCore, 384 * 2048);
    const both = est(estimateOp(build(), whContext({ window: { earliest: '2026-06-01', latest: '2026-08-01' } })));
    assert.deepEqual(both.versionRange?.changePoints, ['matmul-multi-dim-factor-area-first']);
  });
  it('a matmul whose whole block fits does not read the change point', () => {
    // 1024³: per_core 4x4, in0_block_w 4: 4,096·(4·8 + 16) = 196,608 B fits → no search, no version range.
    const r = est(
      estimateOp(
        op('ttnn.matmul', [dram([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])]),
        whContext({ window: { earliest: '2026-06-01', latest: '2026-08-01' } }),
      ),
    );
    assert.equal(r.versionRange, undefined);
  });
});

describe('estimate/matmul: the bias term of the auto-config estimate (tt-metal PR #17056, #16704)', () => {
  // linear 1024x1024 @ 1024x1024 + a one-row bf16 bias, a L1 interleaved, b, bias and the output in DRAM (not all DRAM,
  // so create_simple's per-core factor decides; the bias is added after the matmul, so the device op's selection never
  // sees its tile: the bias-counted block below is bound_matmul's own selection only, from PR #32295). Live L1 84,480 B: free L1 1,499,136 − 102,656 − 84,480 = 1,312,000 B. estimate(16, 16, w 2) = in0 16·2·2 + in1 16·2·2 = 128 tiles + out 256
  // + interm 256 = 640 tiles = 1,310,720 B (fits) + bias w·2,048 = 4,096 → 1,314,816 B (does not).
  // Factor 16: 2x2 blocks, 2D per_core 16x16: c_0 64 + c_1 64 + c_4 256 = 384 tiles = 786,432 B.
  // Factor 8: 4x4 blocks, 2D per_core 8x8: c_0 32 + c_1 32 + c_4 64 = 128 tiles = 262,144 B.
  const build = () => op('ttnn.linear', [l1([1024, 1024]), dram([1024, 1024]), dram([1024])], [dram([1024, 1024])]);
  it('before PR #17056 the estimate has no bias term: per-core factor 16 (786,432 B)', () => {
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2025-01-20', live: 84_480 })));
    assert.match(e.factoryReason, /per_core_M 16, per_core_N 16/);
    assert.equal(e.cbBytesPerCore, 384 * 2048);
  });
  it('after it, but before PR #32295, a bias added after the matmul is not passed to the selection: factor 16', () => {
    // bound_matmul@(2025-10) calls matmul(a, b, post_process_bias ? nullopt : bias) and the device op picks the config:
    // an auto config's bias (always added after before PR #31649) never reaches get_estimated_size_of_cbs.
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2025-03-01', live: 84_480 })));
    assert.match(e.factoryReason, /per_core_M 16, per_core_N 16/);
    assert.equal(e.cbBytesPerCore, 384 * 2048);
  });
  it('from PR #32295 too the device op chooses its config without a bias added after: factor 16 (786,432 B)', () => {
    // bound_matmul@92f1cd6 / @622c6fb runs get_program_config with the bias tile only to decide needs_manual_transpose;
    // the matmul it launches (matmul(a, b, post_process_bias ? nullopt : bias) → matmul_op.cpp@92f1cd6 create_program,
    // matmul_device_operation.cpp@622c6fb prim::matmul) picks the config again from its own bias, none here.
    const e = est(estimateOp(build(), whContext({ ttMetalDate: '2026-01-01', live: 84_480 })));
    assert.match(e.factoryReason, /per_core_M 16, per_core_N 16/);
    assert.equal(e.cbBytesPerCore, 384 * 2048);
  });
});

describe('estimate/matmul: a sharded output with several out-block columns per core (tt-metal #58046)', () => {
  // a [256, 256] (Mt 8, Kt 8), b [256, 512] (Nt 16) bf16 DRAM; the output block sharded on a 2x2 grid: shard 4x8
  // tiles. Explicit 2D config: per_core 4x8, out block 4x4 (one block row, two block columns), subblock 1x4,
  // in0_block_w 2 → 4 K blocks, double-buffered inputs. matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49:
  // c_0 4·2·2 = 16 tiles, c_1 4·2·2 = 16 tiles = 65,536 B; c_4 the 4·8 output shard (tensor-backed). do_not_inplace
  // only when per_core_M ≠ out_block_h: the partials share the shard → 65,536 B. matmul_buffers.cpp@c9482b1
  // (several_output_blocks, #58046): per_core_N ≠ out_block_w also → c_5 of its own, 4·4 = 16 tiles = 32,768 B →
  // 98,304 B.
  const cfg = (outBlockW: number) =>
    dialect('ttnn.matmul_multi_core_reuse_multi_cast_program_config', {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: '2',
      out_subblock_h: '1',
      out_subblock_w: '4',
      out_block_h: '4',
      out_block_w: String(outBlockW),
      per_core_m: '4',
      per_core_n: '8',
      transpose_mcast: 'false',
      fuse_batch: 'false',
    });
  const build = (outBlockW: number) =>
    op(
      'ttnn.matmul',
      [dram([256, 256]), dram([256, 512])],
      [tensor([256, 512], { buffer: 'l1', mem: 'block_sharded', grid: [2, 2] })],
      { matmul_program_config: cfg(outBlockW) },
    );
  it('before: the partials share the output shard (65,536 B)', () => {
    const e = est(estimateOp(build(4), whContext({ ttMetalDate: '2026-09-01' })));
    assert.ok(!e.cbs.some((c) => c.cbIndex === 'c_5'));
    assert.equal(e.cbBytesPerCore, 65_536);
  });
  it('after: a c_5 of out_block_h·out_block_w tiles (98,304 B); a window across it reports both', () => {
    const e = est(estimateOp(build(4), whContext({ ttMetalDate: '2026-10-15' })));
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_5' && c.nPages === 16));
    assert.equal(e.cbBytesPerCore, 98_304);
    const both = est(estimateOp(build(4), whContext({ window: { earliest: '2026-09-01', latest: '2026-10-15' } })));
    assert.deepEqual(both.versionRange?.changePoints, ['matmul-sharded-out-own-partials']);
    assert.deepEqual(
      both.versionRange?.figures.map((f) => f.cbBytesPerCore),
      [65_536, 98_304],
    );
  });
  it('one out block per core (out_block_w = per_core_N): shared in every build, the change point not read', () => {
    // c_0 16 + c_1 8·2·2 = 32 tiles = 98,304 B; c_4 the shard.
    const both = est(estimateOp(build(8), whContext({ window: { earliest: '2026-09-01', latest: '2026-10-15' } })));
    assert.equal(both.versionRange, undefined);
    assert.equal(both.cbBytesPerCore, 98_304);
  });
  it('the same rule reads packer L1 accumulation from two K blocks on (the mcast_in1 case above: +2,048 B)', () => {
    // a [1024, 128] (Kt 4), in0_block_w 2 → two K blocks, bfp8 output, packer_l1_acc: before, mcast_in1 needs more
    // than two (interm = bfp8, shared: 8,192 + 8,192 + 1,088 = 17,472 B); after (start(): Kt / in0_block_w > 1) the
    // partials are Float16_b ≠ bfp8: a c_5 of 1 tile, 2,048 B → 19,520 B.
    const cfg1d = dialect('ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config', {
      compute_with_storage_grid_size: '8,4',
      in0_block_w: '2',
      out_subblock_h: '1',
      out_subblock_w: '1',
      out_block_h: '1',
      out_block_w: '1',
      per_core_m: '1',
      per_core_n: '1',
      fuse_batch: 'true',
      mcast_in0: 'false',
    });
    const o = op('ttnn.matmul', [dram([1024, 128]), dram([128, 32])], [tensor([1024, 32], { dtype: 'bfp_bf8' })], {
      matmul_program_config: cfg1d,
      compute_config: dialect('ttnn.device_compute_kernel_config', { packer_l1_acc: 'true' }),
    });
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2026-09-01' }))).cbBytesPerCore, 17_472);
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2026-10-15' }))).cbBytesPerCore, 19_520);
  });
});

describe('estimate/matmul: auto config with a fused transpose_a (read span matmul-auto-transpose-a-fused)', () => {
  // tt-mlir perf_targets/flops_matmul_conv.mlir's transpose_a matmul: a stored [64, 512] bf16 → M 512 (Mt 16), K 64
  // (Kt 2); b [64, 32] (Nt 1); all DRAM interleaved, no config. create_simple on the transposed shape: in0_block_w 2;
  // the output is narrow and tall (512 x 32; or the per-core factor's blocks form one column): get_mcast_1d_config with
  // mcast_in1: per_core_M = ceil(ceil(512 / 64) / 32) = 1, per_core_N = 32 / 32 = 1, in0_block_w = 2 (Kt even), out
  // block 1x1 (its whole block fits the first test). 1D mcast-in1 program: B 1 · num_blocks 2 / 2 = 1 → no doubling:
  // c_0 1·2 = 2 tiles, c_1 1·2 = 2 tiles, c_4 1·1 = 1 tile shared with the partials (bf16 output, one K block: no
  // packer L1 accumulation), c_10 = in0_CB_size = 2 tiles → 7 tiles x 2,048 = 14,336 B on 16 cores.
  const o = () =>
    op('ttnn.matmul', [dram([64, 512]), dram([64, 32])], [dram([512, 32])], {
      transpose_a: { kind: 'bool', value: true },
      transpose_b: { kind: 'bool', value: false },
    });

  it('from PR #32295 (2025-12-17) the 1D program holds c_10, exact on builds to 622c6fb', () => {
    const e = est(estimateOp(o(), whContext({ ttMetalDate: '2026-03-01' })));
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.equal(e.cbBytesPerCore, 14_336);
    assert.equal(e.nCoresUsed, 16);
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_10' && c.nPages === 2));
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => /matmul-auto-transpose-a-fused/.test(c)));
    // The span's first and last builds.
    assert.equal(est(estimateOp(o(), whContext({ ttMetalDate: '2025-12-17' }))).confidence, 'exact');
    assert.equal(est(estimateOp(o(), whContext({ ttMetalDate: '2026-06-23' }))).confidence, 'exact');
  });

  it('before it ttnn.transpose runs first and the matmul has no c_10; past 622c6fb approx', () => {
    // 2025-12-16: bound_matmul transposes a into DRAM itself; the matmul sees [512, 64]: the same config, no c_10:
    // 5 tiles = 10,240 B.
    const before = est(estimateOp(o(), whContext({ ttMetalDate: '2025-12-16' })));
    assert.equal(before.cbBytesPerCore, 10_240);
    assert.ok(!before.cbs.some((c) => c.cbIndex === 'c_10'));
    const past = est(estimateOp(o(), whContext({ window: { earliest: '2026-03-01', latest: '2026-09-01' } })));
    assert.equal(past.cbBytesPerCore, 14_336);
    assert.equal(past.confidence, 'approx');
    // The registry's one reason for builds past the mirror (the read path holds up to 622c6fb).
    assert.match(
      past.approxReason,
      /^builds after tt-metal 622c6fb \(2026-06-23\).*cannot be read: the factory read up to it/,
    );
  });
});

describe('estimate/matmul: a linear bias with MatmulMultiCoreReuseProgramConfig (tt-metal PR #49825)', () => {
  // a [32, 256] (Mt 1, Kt 8), b [256, 128] (Nt 4), bias [1, 128] (one tile row) bf16 DRAM; DRAM output. Explicit reuse
  // config, in0_block_w 2, subblock 1x4 (1x2 for per_core_N 2).
  const cfg = (perCoreN: number) =>
    dialect('ttnn.matmul_multi_core_reuse_program_config', {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: '2',
      out_subblock_h: '1',
      out_subblock_w: String(Math.min(perCoreN, 4)),
      per_core_m: '1',
      per_core_n: String(perCoreN),
    });
  const build = (perCoreN: number) =>
    op('ttnn.linear', [dram([32, 256]), dram([256, 128]), dram([1, 128])], [dram([32, 128])], {
      matmul_program_config: cfg(perCoreN),
    });
  it('before: the device op rejects a bias with this config', () => {
    const r = estimateOp(build(4), whContext({ ttMetalDate: '2026-07-01' }));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /Bias is not supported for this matmul program config/);
  });
  it('after: one 1x4 block per batch matrix → c_3 holds the whole block, 4 tiles (57,344 B)', () => {
    // matmul_buffers.cpp@c9482b1 reuse_buffers / PR #49825: c_0 1·2·2 = 4, c_1 4·2·2 = 16, c_4 1·4 = 4 (shared),
    // c_3 per_core_M_per_batch 1 · per_core_N 4 = 4 tiles → 28 tiles · 2,048 = 57,344 B.
    const e = est(estimateOp(build(4), whContext({ ttMetalDate: '2026-08-01' })));
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_3' && c.nPages === 4));
    assert.equal(e.cbBytesPerCore, 57_344);
  });
  it('after, per_core_N 2 < Nt 4: not one block, the bias is added after the matmul (no c_3, 28,672 B)', () => {
    // c_0 4 + c_1 2·2·2 = 8 + c_4 2 = 14 tiles = 28,672 B.
    const e = est(estimateOp(build(2), whContext({ ttMetalDate: '2026-08-01' })));
    assert.ok(!e.cbs.some((c) => c.cbIndex === 'c_3'));
    assert.equal(e.cbBytesPerCore, 28_672);
    assert.ok(e.notes.some((n) => /PR #49825/.test(n)));
  });
});

describe('estimate/matmul: explicit 1D configs tt-metal validation rejects (validate_matmul_mcast1d_config)', () => {
  // a [1024, 256] height sharded on 8 cores (shard 4x8 tiles), b [256, 256] (Nt 8), fuse_batch, mcast_in1.
  const a = tensor([1024, 256], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
  const cfg = (fields: Record<string, string>) =>
    dialect('ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config', {
      compute_with_storage_grid_size: '8,8',
      in0_block_w: '8',
      out_subblock_h: '1',
      out_subblock_w: '4',
      out_block_h: '4',
      out_block_w: '8',
      per_core_m: '4',
      per_core_n: '8',
      fuse_batch: 'true',
      mcast_in0: 'false',
      ...fields,
    });
  const rule = (r: OpEstimateResult) => (r.kind === 'illegal' ? r.rule : `not illegal: ${r.kind}`);
  const run = (aIn: typeof a, bIn: typeof a, outT: typeof a, fields: Record<string, string> = {}) =>
    estimateOp(op('ttnn.matmul', [aIn, bIn], [outT], { matmul_program_config: cfg(fields) }), whContext());
  it('per_core_M must be the shard height (8 ≠ 128 / 32)', () => {
    // ceil(32 / 8) = 4 M blocks ≤ 8 shard cores: the M-block check passes; per_core_M 8 ≠ 4 shard rows.
    const r = run(a, dram([256, 256]), dram([1024, 256]), { per_core_m: '8', out_block_h: '8' });
    assert.equal(rule(r), 'per_core_M (8) must equal shard_shape[0] (128) / in0_tile height (32)');
  });
  it('fuse_batch off with a sharded a', () => {
    const r = run(a, dram([256, 256]), dram([1024, 256]), { fuse_batch: 'false' });
    assert.equal(rule(r), 'fuse_batch must be enabled when input A is sharded');
  });
  it('a height-sharded output needs per_core_N = N (4 ≠ 8), and a matching layout', () => {
    const outHs = tensor([1024, 256], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const r = run(a, dram([256, 256]), outHs, { per_core_n: '4', out_block_w: '4' });
    assert.equal(rule(r), 'N (8) must equal per_core_N (4)');
    const outWs = tensor([1024, 256], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    assert.match(rule(run(a, dram([256, 256]), outWs)), /input A and output memory layouts must match/);
  });
  it('mcast_in1 reads b interleaved only', () => {
    const bWs = tensor([256, 256], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    assert.equal(rule(run(a, bWs, dram([1024, 256]))), 'input B must be INTERLEAVED, got: WIDTH_SHARDED');
  });
  it('mcast_in0 with a height-sharded a: a must be width sharded', () => {
    assert.equal(
      rule(run(a, dram([256, 256]), dram([1024, 256]), { mcast_in0: 'true' })),
      'input A must be WIDTH_SHARDED when mcast_in0 or gather_in0 is set, got: HEIGHT_SHARDED',
    );
  });
  it('the same config with valid fields is sized (98,304 B, the alias case above)', () => {
    // in0_block_w 8 = K: c_0 aliases the shard; c_1 4·8 = 32 tiles = 65,536; c_4 out block 4x4 = 16 tiles = 32,768.
    const e = est(run(a, dram([256, 256]), dram([1024, 256]), { out_block_w: '4' }));
    assert.equal(e.cbBytesPerCore, 98_304);
  });
});

describe('estimate/matmul: the bias term of the auto-config estimate, per_core_N tiles (tt-metal PR #38309, #36316)', () => {
  // Linear a [20480, 64] @ b [64, 832] + bias [1, 832], bf16, all DRAM (WH n150, base 102,656 B → free 1,396,480 B).
  // Tall (20480 / 832 > 8) → get_mcast_1d_config in1: per_core_M ⌈⌈20480/64⌉/32⌉ = 10, per_core_N 26, in0_block_w 2 (Kt
  // 2 even). get_multi_dim_per_core_factor, estimate(10, 26, 2) = 10·2·2 + 26·2·2 + 260 + 260 tiles + bias:
  // before the PR 2 bias tiles → 666 tiles = 1,363,968 B < free: the whole 10x26 block. Factory (one K block,
  // single-buffered): c_0 10·2 = 20, c_1 26·2 = 52, c_4 260, c_3 26 → 358 tiles = 733,184 B.
  // After it 26 bias tiles → 690 tiles = 1,413,120 B > free: out block 10x13 (estimate 40 + 52 + 130 + 130 + 13 = 365
  // tiles fits): c_0 20, c_1 13·2 = 26, c_4 130, c_3 13 → 189 tiles = 387,072 B.
  const build = () => op('ttnn.linear', [dram([20480, 64]), dram([64, 832]), dram([1, 832])], [dram([20480, 832])]);
  it('before: the whole 10x26 block (733,184 B); after: a 10x13 out block (387,072 B); a window reports both', () => {
    const before = est(estimateOp(build(), whContext({ ttMetalDate: '2026-02-01' })));
    const after = est(estimateOp(build(), whContext({ ttMetalDate: '2026-03-01' })));
    assert.equal(before.cbBytesPerCore, 358 * 2048);
    assert.equal(after.cbBytesPerCore, 189 * 2048);
    assert.match(after.factoryReason, /out_block 10x13/);
    const both = est(estimateOp(build(), whContext({ window: { earliest: '2026-02-01', latest: '2026-03-01' } })));
    assert.deepEqual(both.versionRange?.changePoints, ['matmul-estimate-bias-per-core-n']);
  });
});

describe('estimate/matmul: per_core_M above Mt in an explicit config (tt-metal PR #55682, #51550)', () => {
  // The PR's example: a [1, 1, 128, 2048] (Mt 4, Kt 64) @ b [2048, 2048] (Nt 64), DRAM; explicit 2D config per_core_M 7,
  // per_core_N 8, in0_block_w 2, out block 7x8, subblock 1x8 on an 8x8 grid: ceil(4/7) = 1 x 8 blocks.
  const cfg = dialect('ttnn.matmul_multi_core_reuse_multi_cast_program_config', {
    compute_with_storage_grid_size: '8,8',
    in0_block_w: '2',
    out_subblock_h: '1',
    out_subblock_w: '8',
    out_block_h: '7',
    out_block_w: '8',
    per_core_m: '7',
    per_core_n: '8',
    transpose_mcast: 'false',
    fuse_batch: 'false',
  });
  const build = () =>
    op('ttnn.matmul', [dram([1, 1, 128, 2048]), dram([2048, 2048])], [dram([1, 1, 128, 2048])], {
      matmul_program_config: cfg,
    });
  it('before: sized as written (c_0 7·2·2 = 28, c_1 8·2·2 = 32, c_4 56 tiles → 237,568 B)', () => {
    assert.equal(est(estimateOp(build(), whContext({ ttMetalDate: '2026-09-01' }))).cbBytesPerCore, 116 * 2048);
  });
  it('after: rejected by validation', () => {
    const r = estimateOp(build(), whContext({ ttMetalDate: '2026-09-15' }));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /^per_core_M \(7\) exceeds Mt \(4\)/);
  });
});

describe('estimate/matmul: a block-sharded a on one column of cores, around tt-metal PR #33777', () => {
  // get_matmul_program_config takes a block-sharded a from the shard only on a 2-D shard grid; on one column it falls to
  // create_matmul_program_config, whose block-shard branch (matmul_op.cpp@bf7da96 before, @c579ac2 after) computes
  // k = K / 32, n = N / 32 from the logical widths before the PR and the padded ones after, then per_core_M = shard
  // height / 32, per_core_N = n·shard_w / (k·32), in0_block_w = gcd(shard_w / 32, k).
  const build = (a: number[], b: number[], out: number[]) =>
    op('ttnn.matmul', [tensor(a, { buffer: 'l1', mem: 'block_sharded', grid: [8, 1] }), dram(b)], [dram(out)]);
  it("the PR's own test (a 4096x16 on 8 cores, b 16x128): a floating-point exception before, 172,096 B after", () => {
    // The PR's test_matmul_block_sharded_input_with_padding: a logical 4096x16, padded 4096x32, shard 512x32 on 8 cores
    // (the test's 8x1 COL_MAJOR grid; here 8 rows x 1 column, row-major: the same 16x1-tile shards).
    // Before: k = 16 / 32 = 0 → per_core_N divides by 0: "Floating point exception (core dumped)", the crash the PR
    // description names. After: k = 32/32 = 1, n = 128/32 = 4, per_core_M = 512/32 = 16, per_core_N = 4·32/(1·32) = 4,
    // in0_block_w = gcd(1, 1) = 1; the whole 16x4 block fits free L1; get_subblock_sizes(16, 4): (w 4, h 2) → 2x4.
    // 2D factory (matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49), one K block → single-buffered:
    // c_0 16·1 = 16 tiles 32,768 + c_1 1·4 = 4 tiles 8,192 + c_2 a's shard (tensor-backed) + c_6 64 B + c_4 16·4 = 64
    // tiles 131,072 = 172,096 B.
    const o = () => build([4096, 16], [16, 128], [4096, 128]);
    const before = estimateOp(o(), whContext({ ttMetalDate: '2025-12-04' }));
    assert.equal(before.kind, 'illegal');
    assert.match(
      before.kind === 'illegal' ? before.rule : '',
      /^Floating point exception \(core dumped\).*16 \/ 32 = 0/,
    );
    const after = est(estimateOp(o(), whContext({ ttMetalDate: '2025-12-05' })));
    assert.match(after.factoryReason, /per_core_M 16, per_core_N 4, in0_block_w 1, out_subblock 2x4/);
    assert.equal(after.cbBytesPerCore, 172_096);
  });
  it('a logical K of 48 (padded 64): per_core_N 16, in0_block_w 1 before; per_core_N 8, in0_block_w 2 after', () => {
    // a 1024x48 (padded 1024x64: shard 4x2 tiles on 8 rows), b 48x256 (N 8 tiles).
    // Before: k = 48 / 32 = 1, n = 8: per_core_M 4, per_core_N = 8·64/(1·32) = 16, in0_block_w = gcd(2, 1) = 1; Kt 2 /
    // w 1 = 2 K blocks → double-buffered. get_subblock_sizes(4, 16): (w 4, h 2) → w 4 ≠ per_core_N 16 → h 1: 1x4.
    // c_0 4·1·2 = 8 tiles + c_1 1·16·2 = 32 tiles + c_4 4·16 = 64 tiles = 104 tiles = 212,992 + c_6 64 = 213,056 B.
    // After: k = 2, n = 8: per_core_N = 8·64/(2·32) = 8, in0_block_w = gcd(2, 2) = 2, one K block → single: c_0 4·2 = 8
    // + c_1 2·8 = 16 + c_4 4·8 = 32 = 56 tiles = 114,688 + 64 = 114,752 B. A window across 2025-12-05 reports both.
    const o = () => build([1024, 48], [48, 256], [1024, 256]);
    const before = est(estimateOp(o(), whContext({ ttMetalDate: '2025-12-04' })));
    assert.match(before.factoryReason, /per_core_M 4, per_core_N 16, in0_block_w 1, out_subblock 1x4/);
    assert.equal(before.cbBytesPerCore, 213_056);
    const after = est(estimateOp(o(), whContext({ ttMetalDate: '2025-12-05' })));
    assert.match(after.factoryReason, /per_core_M 4, per_core_N 8, in0_block_w 2, out_subblock 1x4/);
    assert.equal(after.cbBytesPerCore, 114_752);
    const both = est(estimateOp(o(), whContext({ window: { earliest: '2025-12-01', latest: '2025-12-10' } })));
    assert.deepEqual(both.versionRange?.changePoints, ['matmul-block-shard-padded-tiles']);
  });
  it('tile-multiple widths do not read the change point', () => {
    // a 1024x64 (K exactly 2 tiles), b 64x256: logical and padded counts agree → no version range.
    const e = est(
      estimateOp(
        build([1024, 64], [64, 256], [1024, 256]),
        whContext({ window: { earliest: '2025-12-01', latest: '2025-12-10' } }),
      ),
    );
    assert.equal(e.versionRange, undefined);
  });
});

describe("estimate/matmul: read span 'matmul-auto-1d-mcast-in0' (builds 2026-04-04..2026-05-05)", () => {
  // 32x4096 @ 4096x4096 bf16, all DRAM interleaved, no config (matmul_program_config.cpp@b2292f9 create_simple): height
  // 32, width 4096, ratio 128 > 8 → wide → get_mcast_1d_config(mcast_in0): per_core_M = 32/32 = 1, per_core_N =
  // ceil(ceil(4096/64)/32) = 2, in0_block_w = 2 (Kt 128 even); the 1x2 block fits; get_matmul_subblock_params(1, 2): the
  // first table pair dividing 1x2 is (1,2). 1D mcast-in0 factory (@b2292f9): num_blocks 128/2 = 64 > 1 → c_0 1·2·2 = 4,
  // c_1 2·2·2 = 8 tiles; packer_l1_acc on (bf16 output) with 64 K blocks → partials Float16_b, the output's format:
  // shared c_4 of 1·2 = 2 tiles → 14 tiles = 28,672 B.
  const build = () => op('ttnn.matmul', [dram([32, 4096]), dram([4096, 4096])], [dram([32, 4096])]);
  it('a window inside the span is exact', () => {
    const e = est(estimateOp(build(), whContext({ window: { earliest: '2026-04-15', latest: '2026-05-05' } })));
    assert.equal(e.cbBytesPerCore, 28_672);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-1d-mcast-in0')));
  });
  it('a build after every read span (the snapshot ends 2026-06-23), or a window reaching past it: approx, same figure', () => {
    for (const ctx of [
      whContext({ ttMetalDate: '2026-07-01' }),
      whContext({ window: { earliest: '2026-06-01', latest: '2026-07-20' } }),
    ]) {
      const e = est(estimateOp(build(), ctx));
      assert.equal(e.cbBytesPerCore, 28_672);
      assert.equal(e.confidence, 'approx');
      // The builds after the newest read (622c6fb) are named: "selection code does at …" for a window wholly after it;
      // for one reaching past it from the span, the registry's reason for every op (registry.ts withinReadBuilds).
      if (ctx.ttMetal.window.earliest > '2026-06-23')
        assert.match(e.approxReason, /tt-metal 622c6fb \(2026-06-23\).*later builds not read/);
      else assert.equal(e.approxReason, pastNewestReadReason(ctx.ttMetal.window));
    }
  });
  it("an L1 operand's 2D routing: read since session 28 (span matmul-auto-interleaved-2025-2026), 786,432 B, exact", () => {
    // 1024³ bf16, a interleaved in L1 (2 MiB over 64 banks: 32,768 B a bank), b and the output in DRAM. Not narrow
    // (ratio 1, not all DRAM). get_per_core_factor with in0_block_w 2: the 16x16 block's estimate 16·2·2·T + 16·2·2·T
    // + 256·T + 256·T = 640 · 2,048 = 1,310,720 B < the free 1,396,480 B (estimateOp places no L1 tensor; a's 32,768 B a
    // bank below it would leave 1,363,712 B, the same answer) → 16. Blocks ceil(32/16) = 2 x 2
    // ≤ 8 x 8, Kt even → get_core_range 2x2 → 2D (core_range.y > 0): per_core 16x16, out block 16x16, subblock 4x2 cut
    // to 1x2 (2 ≠ 16). 2D factory: num_blocks 32/2 = 16 > 1 → c_0 16·2·2 = 64, c_1 64 tiles; c_4 256 tiles, the
    // partials bf16 (packer_l1_acc with 16 > 2 K blocks) like the output: shared. (64 + 64 + 256) · 2,048 = 786,432 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [l1([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])]),
        whContext({ ttMetalDate: '2026-04-20' }),
      ),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
    assert.equal(e.cbBytesPerCore, 786_432);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-interleaved-2025-2026')));
    // After the snapshot's newest build: the same figure, approx.
    const later = est(
      estimateOp(
        op('ttnn.matmul', [l1([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])]),
        whContext({ ttMetalDate: '2026-07-01' }),
      ),
    );
    assert.equal(later.cbBytesPerCore, 786_432);
    assert.equal(later.confidence, 'approx');
  });
  it("read span 'matmul-auto-2d-all-dram': flops_ccl_reduce's 64x64 @ 64x64 bf16, 10,240 B, exact", () => {
    // matmul_program_config.cpp@b2292f9 create_simple: Mt = Kt = Nt = 2, all DRAM, 64x64 not narrow; per-core factor
    // 16 → one block, get_core_range(1, 1) = 0x0, so the all-DRAM 2D branch: in0_block_w = Kt % 8 ? 1 : Kt/8 → 1,
    // per_core ceil(2/8) = 1 x 1, the 1x1 block fits, subblock 1x1. 2D factory: num_blocks 2 > 1 → c_0 1·1·2 = 2, c_1 2
    // tiles; bf16 output: packer_l1_acc on but needs > 2 K blocks → partials in bf16, shared c_4 of 1 tile: 5 · 2,048 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [dram([64, 64]), dram([64, 64])], [dram([64, 64])]),
        whContext({ window: { earliest: '2026-04-07', latest: '2026-05-05' } }),
      ),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig');
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-2d-all-dram')));
    // 2026-07-01 is after every read span: the same figure, approx.
    const before = est(
      estimateOp(
        op('ttnn.matmul', [dram([64, 64]), dram([64, 64])], [dram([64, 64])]),
        whContext({ ttMetalDate: '2026-07-01' }),
      ),
    );
    assert.equal(before.cbBytesPerCore, 10_240);
    assert.equal(before.confidence, 'approx');
  });
});

describe("estimate/matmul: read spans 'matmul-auto-multicore-2025-01' and 'matmul-auto-1d-all-dram-2025'", () => {
  // tt-mlir's llama_attention_ttnn.mlir (window 2025-01-01..2025-06-16): all f32 (tile 4,096 B), DRAM interleaved, no
  // program config. Hand derivations from tt-metal matmul_op.cpp and its factories at @bf94433 (2025-01-01..05),
  // @3787a8a / @652490d (01-06, 01-10) and @2bb3ccb (06-12).
  const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
  const wide = () => op('ttnn.matmul', [f32([12, 3200]), f32([3200, 3200])], [f32([12, 3200])]);
  const tall = () => op('ttnn.matmul', [f32([1, 32, 50, 100]), f32([1, 32, 100, 12])], [f32([1, 32, 50, 12])]);
  const on = (date: string) => est(estimateOp(wide(), whContext({ ttMetalDate: date })));

  it('12x3200 @ 3200x3200 before #15938: MatmulMultiCoreProgramConfig, c_0 + c_1 + out of 2 tiles = 24,576 B, exact', () => {
    // Late-2024 create_simple (@bf94433, the text of @0155a43): per-core factor 8 → 1 x 13 blocks (13 ≤ 64, Kt even);
    // get_core_range(1, 13, 8, 8) is 0x0 (13 > 8 columns): no 1D/2D route; 8 divides neither Mt 1 nor Nt 100 →
    // MatmulMultiCoreProgramConfig, whose c_0, c_1, c_16 have 2 tiles each: 6 · 4,096 = 24,576 B.
    const e = on('2025-01-03');
    assert.equal(e.factory, 'MatmulMultiCoreProgramConfig');
    assert.equal(e.cbBytesPerCore, 24_576);
    assert.equal(e.confidence, 'exact');
  });

  it('12x3200 @ 3200x3200 from #15938: 1D mcast in0, 61,440 B to 01-09, 57,344 B from #16567; exact', () => {
    // All DRAM, height 32 ≤ one tile → narrow, width > height → wide → get_mcast_1d_config(mcast_in0): per_core_M 1,
    // per_core_N ceil(ceil(3200/64)/32) = 2, in0_block_w 2 (Kt 100 even), out block 1x2. num_blocks 50 > 1: c_0 1·2·2 =
    // 4 tiles, c_1 2·2·2 = 8 tiles, c_4 1·2 = 2 tiles: 14 · 4,096 = 57,344 B. To 01-09 (default_fp32_acc false,
    // default_l1_acc true): packer_l1_acc_en with 50 K blocks makes the partials Float16_b ≠ Float32 output: a separate
    // c_5 of 2 · 2,048 = 4,096 B → 61,440 B. From @652490d (f32 output: fp32 acc on, l1 acc off): partials Float32, shared.
    const early = on('2025-01-08');
    assert.equal(early.cbBytesPerCore, 61_440);
    assert.equal(early.confidence, 'exact');
    const later = on('2025-04-01');
    assert.equal(later.cbBytesPerCore, 57_344);
    assert.equal(later.confidence, 'exact');
    assert.ok(later.citations.some((c) => c.startsWith('read span matmul-auto-1d-all-dram-2025')));
    // The whole dump window: every sub-window exact.
    const range = est(estimateOp(wide(), whContext({ window: { earliest: '2025-01-01', latest: '2025-06-16' } })));
    assert.equal(range.confidence, 'exact');
  });

  it('batched 50x100 @ 100x12 (B 32): 1D mcast in1, (4 + 4 + 1) · 4,096 = 36,864 B, exact; 2026-07-01 stays approx', () => {
    // Padded a 64x128, b 128x32: height 64, width 32 ≤ one tile → narrow, tall → mcast_in1: per_core_M ceil(ceil(64/64)
    // /32) = 1, per_core_N 1, in0_block_w 2 (Kt 4), num_blocks 2. B·num_blocks = 64 > 1: c_0 1·2·2 = 4, c_1 1·2·2 = 4
    // tiles; out 1 tile; mcast_in1 packer_l1_acc_en needs > 2 K blocks: partials in the output's Float32, shared.
    for (const date of ['2025-01-08', '2025-04-01']) {
      const e = est(estimateOp(tall(), whContext({ ttMetalDate: date })));
      assert.equal(e.cbBytesPerCore, 36_864, date);
      assert.equal(e.confidence, 'exact', date);
    }
    // 2025-06-20: read span matmul-auto-1d-all-dram-2025-2026 (B · num_blocks > 1 doubles both before #40172; a and b
    // both have batch 32, so the per-operand rule after it doubles both too).
    const mid = est(estimateOp(tall(), whContext({ ttMetalDate: '2025-06-20' })));
    assert.equal(mid.cbBytesPerCore, 36_864);
    assert.equal(mid.confidence, 'exact');
    assert.ok(mid.citations.some((c) => c.startsWith('read span matmul-auto-1d-all-dram-2025-2026')));
    // After the snapshot (a build not read commit by commit): the same figure, approx.
    const after = est(estimateOp(tall(), whContext({ ttMetalDate: '2026-07-01' })));
    assert.equal(after.cbBytesPerCore, 36_864);
    assert.equal(after.confidence, 'approx');
  });

  it('an L1 operand is outside the 2025 span (its routing was not compared): approx', () => {
    const l1a = op(
      'ttnn.matmul',
      [tensor([12, 3200], { dtype: 'f32', buffer: 'l1' }), f32([3200, 3200])],
      [f32([12, 3200])],
    );
    assert.equal(est(estimateOp(l1a, whContext({ ttMetalDate: '2025-04-01' }))).confidence, 'approx');
  });
});

/**
 * The 2D mcast program with transpose_mcast (an explicit MatmulMultiCoreReuseMultiCastProgramConfig).
 * matmul_multicore_reuse_mcast_2d_program_factory.cpp (@3787a8a in matmul_op_multi_core_reuse_mcast_2d_program_factory.cpp,
 * @d447542~1, @622c6fb): num_blocks_y = ceil(Mt / per_core_M), num_blocks_x = ceil(Nt / per_core_N); under
 * transpose_mcast both the grid check (num_blocks_x ≤ grid x, num_blocks_y ≤ grid y, after swapping them) and
 * all_cores (num_blocks_x columns by num_blocks_y rows, swapped) turn; a block-sharded a widens all_cores along in0's
 * width to its shard grid. The CB sizes do not depend on transpose_mcast. matmul_device_operation.cpp's validation
 * (@97327cf, @622c6fb): a block-sharded a must be COL_MAJOR under transpose_mcast (tt-mlir's shards are ROW_MAJOR); a
 * height-sharded a and a sharded b reject transpose_mcast. No public thread prints a transpose_mcast figure.
 */
describe('estimate/matmul 2D mcast with transpose_mcast', () => {
  const cfg2d = (f: Record<string, string>) =>
    dialect('ttnn.matmul_multi_core_reuse_multi_cast_program_config', {
      compute_with_storage_grid_size: '8,4',
      in0_block_w: '2',
      out_subblock_h: '1',
      out_subblock_w: '4',
      out_block_h: '1',
      out_block_w: '4',
      per_core_m: '1',
      per_core_n: '4',
      transpose_mcast: 'true',
      fuse_batch: 'false',
      ...f,
    });
  const mm = (a: ReturnType<typeof tensor>, b: ReturnType<typeof tensor>, f: Record<string, string> = {}) =>
    op('ttnn.matmul', [a, b], [dram([256, 512])], { matmul_program_config: cfg2d(f) });
  const rule = (r: OpEstimateResult) => (r.kind === 'illegal' ? r.rule : `not illegal: ${r.kind}`);

  it('256x256 @ 256x512 on an 8x4 grid: 8 block rows fit only transposed, on (0,0)-(7,3), 49,152 B', () => {
    // Mt 8, Nt 16, Kt 8: per_core 1x4 → 8 block rows, 4 block columns. Untransposed: 8 rows > 4 grid rows → the
    // factory's TT_FATAL. Transposed: x 8 ≤ 8, y 4 ≤ 4; all_cores (0,0)-(7,3), 32 cores. K blocks 8/2 = 4 → double
    // buffers: c_0 1·2·2 = 4 tiles, c_1 4·2·2 = 16 tiles, c_4 1·4 = 4 tiles (bf16 partials share it): 24 · 2,048 =
    // 49,152 B.
    const untransposed = estimateOp(mm(dram([256, 256]), dram([256, 512]), { transpose_mcast: 'false' }), whContext());
    assert.equal(
      rule(untransposed),
      'Num output blocks along y (8) must be smaller than or equal to the number of rows in compute grid (4)!',
    );
    const e = est(estimateOp(mm(dram([256, 256]), dram([256, 512])), whContext()));
    assert.equal(e.cbBytesPerCore, 49_152);
    assert.equal(e.nCoresUsed, 32);
    assert.deepEqual(e.reportedRange, [
      [0, 0],
      [7, 3],
    ]);
  });

  it('transposed, the grid check is on the swapped counts: 16 block rows on 8 columns is rejected', () => {
    // M 512 (Mt 16), per_core_M 1 → 16 block rows, x after the swap: 16 > 8 columns.
    const r = estimateOp(
      op('ttnn.matmul', [dram([512, 256]), dram([256, 512])], [dram([512, 512])], {
        matmul_program_config: cfg2d({}),
      }),
      whContext(),
    );
    assert.equal(
      rule(r),
      'Num output blocks along x (16) must be smaller than or equal to the number of columns in compute grid (8)!',
    );
  });

  it('sharded operands: a ROW_MAJOR block-sharded a, a height-sharded a or a sharded b reject transpose_mcast', () => {
    const bs = tensor([256, 256], { buffer: 'l1', mem: 'block_sharded', grid: [4, 8] });
    assert.equal(
      rule(estimateOp(mm(bs, dram([256, 512]), { fuse_batch: 'true' }), whContext())),
      'Input tensor A must have COL_MAJOR shard orientation for transpose MCAST, got: ROW_MAJOR',
    );
    const hsA = tensor([256, 256], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    assert.equal(
      rule(estimateOp(mm(hsA, dram([256, 512]), { fuse_batch: 'true' }), whContext())),
      'Transpose MCAST not supported with HEIGHT_SHARDED layout',
    );
    assert.equal(
      rule(estimateOp(mm(hsA, dram([256, 512])), whContext())),
      'Batch fusion is required when input A is sharded',
    );
    const wsB = tensor([256, 512], { buffer: 'l1', mem: 'width_sharded', grid: [1, 4] });
    assert.equal(
      rule(estimateOp(mm(dram([256, 256]), wsB), whContext())),
      'Transpose MCAST not supported when input B is sharded',
    );
  });

  it('a block-sharded a whose shard grid is wider than the output blocks: all_cores spans its 8 columns', () => {
    // a 256x512 block-sharded on 2 rows x 8 columns: shards of 128x64 (4x2 tiles). b 512x128 (Nt 4). per_core 4x1 →
    // 2 block rows x 4 block columns; in0 spans 8 > 4 columns, so all_cores is (0,0)-(7,1), 16 cores. K blocks 16/2 = 8:
    // c_0 4·2·2 = 16 tiles, c_1 1·2·2 = 4, c_4 4·1 = 4 (partials share it) → 24 · 2,048 = 49,152 B, + c_6 64 B of
    // mcast scratch = 49,216 B; c_2 is a's shard (tensor-backed).
    const a = tensor([256, 512], { buffer: 'l1', mem: 'block_sharded', grid: [2, 8] });
    const o = op('ttnn.matmul', [a, dram([512, 128])], [dram([256, 128])], {
      matmul_program_config: cfg2d({
        per_core_m: '4',
        per_core_n: '1',
        out_block_h: '4',
        out_block_w: '1',
        out_subblock_h: '4',
        out_subblock_w: '1',
        transpose_mcast: 'false',
        fuse_batch: 'true',
      }),
    });
    const e = est(estimateOp(o, whContext()));
    assert.equal(e.cbBytesPerCore, 49_216);
    assert.equal(e.nCoresUsed, 16);
    assert.deepEqual(e.reportedRange, [
      [0, 0],
      [7, 1],
    ]);
  });
});

describe('estimate/matmul auto config for a block-sharded a', () => {
  it('leaves fuse_batch at its default, true: a batched a spans the block rows of every batch', () => {
    // a 1x2x256x256 bf16 block-sharded on 4 rows x 8 columns (shards of 128x32: 4x1 tiles), b 256x256 DRAM.
    // create_matmul_program_config's block-sharded branch (matmul_op.cpp@3787a8a, matmul_program_config.cpp@622c6fb):
    // M = 2·8 = 16 tiles with the batches fused, K 8, N 8; grid 8x4; per_core_M = ceil(16/4) = 4, per_core_N =
    // ceil(8/8) = 1; fuse_batch not set: the struct's default, true. The 2D factory then has ceil(16/4) = 4 block rows
    // and 8 block columns: all_cores (0,0)-(7,3), 32 cores (with fuse_batch false it would see 8/4 = 2 block rows).
    const a = tensor([1, 2, 256, 256], { buffer: 'l1', mem: 'block_sharded', grid: [4, 8] });
    const e = est(estimateOp(op('ttnn.matmul', [a, dram([256, 256])], [dram([1, 2, 256, 256])]), whContext()));
    assert.match(e.factoryReason, /per_core_m = 4, per_core_n = 1, transpose_mcast = false, fuse_batch = true>/);
    assert.equal(e.nCoresUsed, 32);
    assert.deepEqual(e.reportedRange, [
      [0, 0],
      [7, 3],
    ]);
  });
});

describe("estimate/matmul: read spans 'matmul-auto-1d-all-dram-2025-2026', '…-interleaved-…' and '…-2d-all-dram-…'", () => {
  // The selection (matmul_op.cpp, then config/matmul_program_config.cpp) and the 1D / 2D factories read at every
  // first-parent commit touching them up to 622c6fb (2026-06-23); changePoints.ts READ_SPANS has the commits.
  const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
  const mnistWindow = { earliest: '2025-05-27', latest: '2026-05-15' };

  it("mnist_sharded's 1x784 @ 784x256 f32 over 2025-05-27..2026-05-15: 1D mcast in0, 20,480 B, exact", () => {
    // Padded a 32x800 (Kt 25), b 800x256 (Nt 8); all DRAM, height 32 ≤ a tile → narrow, width 256 > 32 → wide →
    // get_mcast_1d_config(mcast_in0): per_core_M 32/32 = 1, per_core_N ceil(ceil(256/64)/32) = 1, in0_block_w 1 (Kt odd);
    // the 1x1 block passes the first test. 1D mcast-in0 factory: num_blocks 25 > 1 → c_0 1·1·2 = 2, c_1 1·1·2 = 2
    // tiles; f32 output → fp32 accumulation, partials Float32 = the output's format: shared c_4 of 1 tile.
    // (2 + 2 + 1) · 4,096 = 20,480 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [f32([1, 784]), f32([784, 256])], [f32([1, 256])]),
        whContext({ window: mnistWindow }),
      ),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.equal(e.cbBytesPerCore, 20_480);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-1d-all-dram-2025-2026')));
  });

  it('its 1x256 @ 256x10: 1D mcast in1, 36,864 B, exact', () => {
    // Padded a 32x256 (Kt 8), b 256x32; height 32 = width 32 → narrow, not wide → tall → mcast_in1: per_core_M
    // ceil(ceil(32/64)/32) = 1, per_core_N 32/32 = 1, in0_block_w 2 (Kt even), num_blocks 4 > 1: c_0 1·2·2 = 4, c_1
    // 1·2·2 = 4 tiles; the mcast-in1 factory's packer_l1_acc needs > 2 K blocks but fp32 accumulation is on (f32 out):
    // partials Float32, shared c_4 of 1 tile. 9 · 4,096 = 36,864 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [f32([1, 256]), f32([256, 10])], [f32([1, 10])]),
        whContext({ window: mnistWindow }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 36_864);
    assert.equal(e.confidence, 'exact');
  });

  it('an L1 a on the interleaved 1D path (from #32173, 2025-11-10): 28,672 B, exact to 2026-06-23', () => {
    // 32x1024 bf16 a in L1, b 1024x4096 and the output in DRAM: ratio 128 > 8 → narrow for any buffers from #32173 →
    // wide → mcast_in0: per_core_M 1, per_core_N ceil(ceil(4096/64)/32) = 2, in0_block_w 2 (Kt 32), the 1x2 block fits;
    // num_blocks 16: c_0 1·2·2 = 4, c_1 2·2·2 = 8, c_4 1·2 = 2 tiles (bf16 partials share it): 14 · 2,048 = 28,672 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [l1([32, 1024]), dram([1024, 4096])], [dram([32, 4096])]),
        whContext({ window: { earliest: '2025-11-10', latest: '2026-06-23' } }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 28_672);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-interleaved-2025-2026')));
  });

  it('an L1 a with an odd Kt in one block: MatmulMultiCoreProgramConfig, 12,288 B, exact over 2025-05-23..2026-06-23', () => {
    // 32x96 bf16 a in L1, b 96x32 and the output in DRAM: Mt = Nt = 1, Kt = 3; not narrow (ratio 1, not all DRAM).
    // One block (1x1), not sharded: in0_block_w stays 2, and Kt 3 % 2 ≠ 0 fails create_simple's reuse condition →
    // MatmulMultiCoreProgramConfig, whose c_0, c_1 and output CB hold 2 tiles each: 6 · 2,048 = 12,288 B.
    const build = () => op('ttnn.matmul', [l1([32, 96]), dram([96, 32])], [dram([32, 32])]);
    const e = est(estimateOp(build(), whContext({ window: { earliest: '2025-05-23', latest: '2026-06-23' } })));
    assert.equal(e.factory, 'MatmulMultiCoreProgramConfig');
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.equal(e.confidence, 'exact');
    // A window reaching 2025-05-21 (#22181 removed this config for a day): the same figure, approx.
    const early = est(estimateOp(build(), whContext({ window: { earliest: '2025-05-15', latest: '2025-06-30' } })));
    assert.equal(early.cbBytesPerCore, 12_288);
    assert.equal(early.confidence, 'approx');
  });

  it('a block that must be cut to fit stays approx (601278a walked the blocks smallest first on 2026-01-10)', () => {
    // 32x4096 @ 4096x262144 bf16, all DRAM: mcast_in0, per_core_N ceil(ceil(262144/64)/32) = 128, in0_block_w 2; the
    // first test: 1·2·2·T + 128·2·2·T + 128·T + 128·T = (4 + 512 + 256) · 2,048 = 1,581,056 B ≥ 1,396,480 B → the
    // out-block search runs, which these spans do not cover.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [dram([32, 4096]), dram([4096, 262144])], [dram([32, 262144])]),
        whContext({ ttMetalDate: '2025-11-27' }),
      ),
    );
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /2026 selection code/);
  });

  it('transpose_b: its own ttnn.transpose before PR #32295 (16,384 B, smaller), fused after; 20,480 B, exact', () => {
    // The matmul sees b transposed either way: the 20,480 B of the first case. Before #32295 bound_matmul transposes the
    // DRAM b itself (transpose_op_program_factory.cpp@31abaa8 transpose_wh_multi_core: c_0 and c_16 of 2 f32 tiles =
    // 16,384 B < 20,480 B); from it the 1D factory reads b with swapped strides (no CB).
    const e = est(
      estimateOp(
        op('ttnn.matmul', [f32([1, 784]), f32([256, 784])], [f32([1, 256])], {
          transpose_b: { kind: 'bool', value: true },
        }),
        whContext({ window: mnistWindow }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 20_480);
    assert.equal(e.confidence, 'exact', e.approxReason);
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-transpose-b')));
  });

  // Read spans 'matmul-auto-bias-2025-2026' and 'matmul-auto-transpose-b' (session 29): r18_loc.mlir:1115's classifier, 1x512 @ (1000x512)ᵀ
  // + a 1x1000 bias, f32 (T = 4,096 B), all DRAM, on the WH 8x8 grid (free L1 1,396,480 B), over r18's window.
  // get_per_core_factor, in0_block_w 2: 16 needs (16·2·2 + 16·2·2 + 256 + 256)·T = 640·T > free; 8 needs
  // (8·2·2 + 8·2·2 + 64 + 64)·T = 192·T = 786,432 B (+ the bias term 2·T when it is fused) ≤ free → 8. Mt 1, Kt 16,
  // Nt 32: 1 x 4 blocks, one row → 1D mcast in0: per_core_M 1, per_core_N ceil(ceil(1000 / 64) / 32) = 1, 32 cores,
  // in0_block_w 2 → 8 K blocks: c_0 1·2·2 = 4, c_1 4, c_4 1 tile (f32 output: fp32 partials, the same format, shared)
  // = 9·T = 36,864 B; a fused bias adds c_3 out_block_w = 1 tile → 40,960 B
  // (matmul_multicore_reuse_mcast_1d_program_factory.cpp@622c6fb, in3_CB_tiles = out_block_w, single-buffered).
  const r18Linear = () =>
    op('ttnn.linear', [f32([1, 512]), f32([1000, 512]), f32([1, 1000])], [f32([1, 1000])], {
      transpose_b: { kind: 'bool', value: true },
    });
  it("r18's linear (bias, transpose_b) over 2025-09-17..2026-01-18: 36,864 B, then 40,960 B with the fused bias; exact", () => {
    const e = est(estimateOp(r18Linear(), whContext({ window: { earliest: '2025-09-17', latest: '2026-01-18' } })));
    assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
    assert.equal(e.confidence, 'exact', e.approxReason);
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-bias-2025-2026')));
    const figures = e.versionRange?.figures.map((f) => [f.window.earliest, f.cbBytesPerCore, f.confidence]);
    // Before PR #31649 (2025-11-04) bound_matmul adds every auto-config bias after the matmul (ttnn.add, a program of
    // its own); from it the all-DRAM bias is fused. PR #32295 (2025-12-17) fuses transpose_b: no CB either way.
    assert.deepEqual(figures?.[0], ['2025-09-17', 9 * 4096, 'exact']);
    assert.ok(figures?.slice(1).every(([, cb, c]) => cb === 10 * 4096 && c === 'exact'));
  });
  it('before PR #32295 the transposed b and the bias add are programs of their own, estimated and smaller', () => {
    const e = est(estimateOp(r18Linear(), whContext({ ttMetalDate: '2025-10-01' })));
    assert.equal(e.cbBytesPerCore, 9 * 4096);
    assert.ok(e.notes?.some((n) => /ttnn\.transpose of b runs as a program of its own before the matmul/.test(n)));
    assert.ok(e.notes?.some((n) => /the bias ttnn\.add runs as a program of its own after the matmul/.test(n)));
  });
  it('a side program larger than the matmul is the figure: the largest of the programs in turn, 16,384 B, exact', () => {
    // 32x32 @ (32x32)ᵀ f32 all DRAM before PR #32295: Kt 1, one K block → c_0 1 + c_1 1 + c_4 1 = 3·T = 12,288 B; the
    // ttnn.transpose of b before it (transpose_op_program_factory.cpp@31abaa8 transpose_wh_multi_core: a tiled input
    // has num_input_tiles = num_output_tiles = 2, c_0 and c_16 of 2 f32 tiles = 16,384 B) is larger. The two run in
    // turn, each allocating its CBs when it runs, so the op's figure is max(16,384, 12,288) = 16,384 B.
    const e = est(
      estimateOp(
        op('ttnn.matmul', [f32([32, 32]), f32([32, 32])], [f32([32, 32])], {
          transpose_b: { kind: 'bool', value: true },
        }),
        whContext({ ttMetalDate: '2025-10-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 4 * 4096);
    assert.equal(e.confidence, 'exact', e.approxReason);
    assert.match(
      e.factoryReason,
      /^2 programs run in turn \(ttnn\.transpose of b: \S+ 16384 B; the matmul: \S+ 12288 B\); the largest is ttnn\.transpose of b/,
    );
  });
  // Read span 'matmul-auto-activation-after' (session 31): bound_matmul runs an activation with no user grid after the
  // matmul, as a unary program into the output's memory config (matmul.cpp 0236bc1 … 622c6fb); the selection never sees
  // it (generate_matmul_program_config hands it only to the user-grid branch).
  // 32x32 @ 32x32 f32 all DRAM (the test above without transpose_b): Kt 1, one K block → c_0 1 + c_1 1 + c_4 1 tile
  // = 3 · 4,096 = 12,288 B. The relu after it: the interleaved unary program's c_0 and c_2 of 2 f32 tiles each
  // (unary_program_factory.cpp@d82e424 num_input_tiles = num_output_tiles = 2; unary_ng_program_factory.cpp@622c6fb
  // value_or(2); no temporary CB for relu) = 4 · 4,096 = 16,384 B. max(12,288, 16,384) = 16,384 B.
  const reluMatmul = (activation: string) =>
    op('ttnn.matmul', [f32([32, 32]), f32([32, 32])], [f32([32, 32])], {
      activation: { kind: 'string', value: activation },
    });
  it('a relu after an all-DRAM auto-config matmul is a program of its own: the larger, 16,384 B, exact', () => {
    for (const date of ['2025-10-01', '2026-04-15']) {
      const e = est(estimateOp(reluMatmul('relu'), whContext({ ttMetalDate: date })));
      assert.equal(e.cbBytesPerCore, 4 * 4096, date);
      assert.equal(e.confidence, 'exact', `${date}: ${e.approxReason}`);
      assert.match(e.factoryReason, /^2 programs run in turn \(the matmul: \S+ 12288 B; the activation: \S+ 16384 B\)/);
      assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-activation-after')));
    }
  });
  it('an activation the span does not cover (sigmoid; thrown before PR #30149) stays approx', () => {
    const e = est(estimateOp(reluMatmul('sigmoid'), whContext({ ttMetalDate: '2026-04-15' })));
    assert.equal(e.confidence, 'approx');
  });
});

describe('estimate/matmul: a bias more than one tile row high (tt-metal #32441, PRs #31649 and #32510)', () => {
  // linear_bfp8_weights.mlir's linear: a 2048x2048 bf16, b 1024x2048 with transpose_b, bias 2048x1024, output
  // 2048x1024, all DRAM interleaved, no program config. The bias's padded height, 2048, is not one tile row.
  const tallBias = () =>
    op('ttnn.linear', [dram([2048, 2048]), dram([1024, 2048]), dram([2048, 1024])], [dram([2048, 1024])], {
      transpose_b: { kind: 'bool', value: true },
    });
  it('fused into the all-DRAM auto config between PR #31649 and PR #32510: the device op rejects it', () => {
    // get_post_process_bias@f9dc6d2 fuses any bias of an all-DRAM auto config; the device op's validate requires a
    // fused bias's padded second last dimension to equal the tile height. tt-metal #32441 (ViT through Forge, 2025-11-14)
    // printed "Unsupported bias shape: padded second last dimension of bias, 1600, not equal to tile height, 32".
    const r = estimateOp(tallBias(), whContext({ ttMetalDate: '2025-11-10' }));
    assert.equal(r.kind, 'illegal');
    assert.equal(
      r.kind === 'illegal' && r.rule,
      'Unsupported bias shape: padded second last dimension of bias, 2048, not equal to tile height, 32',
    );
  });
  it('added after from PR #32510: three programs in turn, the matmul the largest at 458,752 B, exact', () => {
    // 2025-11-20, before PR #32295: bound_matmul transposes b itself (TransposeWH: c_0 and c_16 of 2 bf16 tiles =
    // 4 · 2,048 = 8,192 B), runs the matmul without the bias, then ttnn.add(result, bias) into DRAM.
    // The matmul: all DRAM → 2D, Mt 64, Nt 32, Kt 64 on 8x8: per_core_M ceil(64/8) = 8, per_core_N ceil(32/8) = 4,
    // in0_block_w 64/8 = 8 → 8 K blocks (double-buffered); c_0 8·8·2 = 128, c_1 4·8·2 = 64, c_4 8·4 = 32 tiles
    // (bf16 output; packer_l1_acc's Float16_b partials share it) = 224 · 2,048 = 458,752 B.
    // The add: binary_ng's c_0, c_1 and c_2 of 2 bf16 tiles each = 12,288 B. max(8,192, 458,752, 12,288) = 458,752.
    const e = est(estimateOp(tallBias(), whContext({ ttMetalDate: '2025-11-20' })));
    assert.equal(e.cbBytesPerCore, 224 * 2048);
    assert.equal(e.confidence, 'exact', e.approxReason);
    assert.match(
      e.factoryReason,
      /^3 programs run in turn \(ttnn\.transpose of b: \S+ 8192 B; the matmul: \S+ 458752 B; the bias ttnn\.add: \S+ 12288 B\)/,
    );
    assert.ok(e.citations.some((c) => c.startsWith('read span matmul-auto-bias-added-after-any-height')));
  });
  it('a window past 622c6fb names the unread builds, not earlier ones', () => {
    const e = est(estimateOp(tallBias(), whContext({ window: { earliest: '2026-01-01', latest: '2026-11-30' } })));
    assert.equal(e.confidence, 'approx');
    // The part up to 622c6fb is on read paths: the registry's reason for the later builds, once (no earlier builds).
    assert.equal(e.approxReason, pastNewestReadReason({ earliest: '2026-01-01', latest: '2026-11-30' }));
  });
});

describe("estimate/matmul: the auto-config estimate's transpose_a term (tt-metal PRs #34875, #34466, #37243)", () => {
  // 1024³ bf16 (T = 2,048 B), a in L1 with transpose_a, b and the output in DRAM, no program config: create_simple's
  // per-core-factor 2D branch. get_per_core_factor with in0_block_w 2, free L1 1,396,480 B: the 16x16 block's estimate
  // is 16·2·2 + 16·2·2 + 256 + 256 = 640 tiles = 1,310,720 B; the in0 transpose term (the in0 block again, 64 tiles)
  // makes it 704 tiles = 1,441,792 B ≥ 1,396,480, and then 8x8: 32 + 32 + 64 + 64 + 32 = 224 tiles fits → 8.
  // 16: blocks 2 x 2 → 2D per_core 16x16: c_0 16·2·2 = 64, c_1 64, c_4 256, c_10 (in0_transposed, c_0's size) 64 tiles
  //     = 448 · 2,048 = 917,504 B.
  // 8:  blocks 4 x 4 → 2D per_core 8x8: c_0 32, c_1 32, c_4 64, c_10 32 tiles = 160 · 2,048 = 327,680 B.
  // get_estimated_size_of_cbs: no term for an interleaved a from #32295 (92f1cd6, 12-17); the in0 block from #34875
  // (4f06a9d, 12-24); none again from #34466 (601278a, 01-10, the new-infra move); the in0 block from #37243 (a63efb9,
  // 02-10) on.
  const build = () =>
    op('ttnn.matmul', [l1([1024, 1024]), dram([1024, 1024])], [dram([1024, 1024])], {
      transpose_a: { kind: 'bool', value: true },
    });
  const on = (date: string) => est(estimateOp(build(), whContext({ ttMetalDate: date })));
  it('per build: 917,504 B (no term) on 12-20 and 01-20; 327,680 B (the in0 term) on 12-30 and 03-01', () => {
    for (const [date, bytes, perCore] of [
      ['2025-12-20', 917_504, 16],
      ['2025-12-30', 327_680, 8],
      ['2026-01-20', 917_504, 16],
      ['2026-03-01', 327_680, 8],
    ] as const) {
      const e = on(date);
      assert.equal(e.factory, 'MatmulMultiCoreReuseMultiCastProgramConfig', date);
      assert.equal(e.cbBytesPerCore, bytes, date);
      assert.match(e.factoryReason, new RegExp(`per_core_M ${perCore}, per_core_N ${perCore}`), date);
    }
  });
  it('a window across #37243 reports both figures', () => {
    const e = est(estimateOp(build(), whContext({ window: { earliest: '2026-02-01', latest: '2026-02-20' } })));
    // The estimate is the sub-window with the larger figure; the range names the change point and both figures.
    assert.equal(e.cbBytesPerCore, 917_504);
    assert.deepEqual(e.versionRange?.changePoints.includes('matmul-estimate-transpose-a-in0-restored'), true);
    assert.deepEqual(
      e.versionRange?.figures.map((f) => [f.window.earliest, f.cbBytesPerCore]),
      [
        ['2026-02-01', 917_504],
        ['2026-02-10', 327_680],
      ],
    );
  });
});
