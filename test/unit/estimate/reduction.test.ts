/**
 * Generic reductions by the dims they reduce: W (last dim), H (second-to-last) and HW (both). Expected figures are
 * hand arithmetic from the factories cited in server/src/estimate/ops/reduction.ts: W reduce
 * (reduce_op_multi_core_w_program_factory.cpp, 2025: c_0 2, c_2 2 bf16, c_3 2 tiles), H reduce
 * (reduce_op_multi_core_h_program_factory.cpp@049eabc: c_0 2, c_2 1 bf16, c_3 2 tiles over NC·Wt columns) and HW
 * (reduce_op.cpp: more than one input tile → W then H; one tile → reduce_op_single_core_hw_program_factory.cpp@050f24f).
 * Tile bytes: bf16 2,048, f32 4,096. Wormhole n150: 8x8 = 64 worker cores, 64 L1 banks.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { assertExactUpToNewestRead, computeConfig, ints, op, tensor, whContext } from './build';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import { assertCoreGroups } from '../../support/coreGroups';

/** Results below keep the reduced dims as 1: tt-mlir's verifier (verifyReduceOp) requires keep_dim for that shape. */
const KEEP = { kind: 'bool', value: true } as const;

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r));
  return r as OpEstimate;
}

const dram = (shape: number[], dtype: 'bf16' | 'f32' = 'bf16') => tensor(shape, { dtype });
const l1 = (shape: number[], dtype: 'bf16' | 'f32' = 'bf16') => tensor(shape, { dtype, buffer: 'l1' });

describe('estimate/reduction: W, H and HW reduce programs', () => {
  it('W: sum over the last dim of 1x1x64x1024 bf16', () => {
    // NC·Ht = 1·2 = 2 tile rows → 2 cores; CBs 2·2,048 + 2·2,048 + 2·2,048 = 12,288 B.
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([1, 1, 64, 1024])], [dram([1, 1, 64, 1])], { keep_dim: KEEP, dim_arg: ints(3) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreWProgramFactory');
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.equal(e.nCoresUsed, 2);
    assert.equal(e.confidence, 'exact');
  });

  it('W: 70 tile rows split column-wise, the 1-row group from (x=0,y=6); every CB on all_cores, the whole grid', () => {
    // reduce_op_multi_core_w.cpp@08d7e9a: split_work_to_cores(8x8, 70) with row_wise = false, rows by core_group
    // membership: 70 = 6·2 + 58·1, group 1 = column 0's first 6 cores, group 2 from the 7th column-major core (0,6);
    // all_cores = (0,0)-(7,7).
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([1, 1, 2240, 64])], [dram([1, 1, 2240, 1])], { keep_dim: KEEP, dim_arg: ints(3) }),
        whContext(),
      ),
    );
    assertCoreGroups(
      e,
      [
        [[0, 0], 6],
        [[0, 6], 58],
      ],
      [
        [0, 0],
        [7, 7],
      ],
    );
  });

  it('H: mean over dim 2 of 1x1x3136x256 bf16 (the vovnet shape, interleaved) uses the 1-tile scaler', () => {
    // NC·Wt = 1·(256/32) = 8 tile columns → 8 cores; CBs 2·2,048 + 1·2,048 + 2·2,048 = 10,240 B (the W set would
    // give 12,288 B and split 98 tile rows instead).
    const e = est(
      estimateOp(
        op('ttnn.mean', [dram([1, 1, 3136, 256])], [dram([1, 1, 1, 256])], { keep_dim: KEEP, dim_arg: ints(2) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.equal(e.nCoresUsed, 8);
    assert.equal(e.confidence, 'exact');
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_0', 2],
        ['c_2', 1],
        ['c_3', 2],
      ],
    );
  });

  it('H on a rank-2 tensor is dim 0; f32 input and output', () => {
    // 128x64 f32 over dim 0: NC·Wt = 1·2 = 2 columns → 2 cores; 2·4,096 + 1·2,048 + 2·4,096 = 18,432 B.
    const e = est(
      estimateOp(op('ttnn.max', [dram([128, 64], 'f32')], [dram([64], 'f32')], { dim_arg: ints(0) }), whContext()),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 18_432);
    assert.equal(e.nCoresUsed, 2);
  });

  it('H: NC·Wt columns past the grid split unevenly', () => {
    // 4x1x49x1024 bf16 over dim 2: NC·Wt = 4·32 = 128 columns over 64 cores (2 each); CBs 10,240 B.
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([4, 1, 49, 1024])], [dram([4, 1, 1, 1024])], { keep_dim: KEEP, dim_arg: ints(-2) }),
        whContext(),
      ),
    );
    assert.equal(e.nCoresUsed, 64);
    assert.equal(e.cbBytesPerCore, 10_240);
  });

  it('HW over more than one tile runs W then H; the larger (W) program is reported', () => {
    // 1x1024x7x7 f32 over dims 2, 3 (the vovnet global mean): 1,024 input tiles > 1 → W reduce over NC·Ht = 1,024
    // rows: 2·4,096 + 2·2,048 + 2·4,096 = 20,480 B; then H reduce of the [1,1024,7,1] result over NC·Wt = 1,024
    // columns: 2·4,096 + 2,048 + 2·4,096 = 18,432 B. Reported: 20,480 B.
    const e = est(
      estimateOp(
        op('ttnn.mean', [dram([1, 1024, 7, 7], 'f32')], [dram([1, 1024, 1, 1], 'f32')], {
          keep_dim: KEEP,
          dim_arg: ints(2, 3),
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 20_480);
    assert.equal(e.factory, 'ReduceMultiCoreWProgramFactory');
    assert.match(
      e.factoryReason,
      /reduce W: ReduceMultiCoreWProgramFactory 20480 B; reduce H: ReduceMultiCoreHProgramFactory 18432 B/,
    );
    assert.equal(e.l1IntermediateBytesPerCore, undefined);
  });

  it('HW with an L1 result keeps the W-reduced partial in L1 through the H reduce', () => {
    // As above with an L1 interleaved result: the W result [1,1024,7,1] f32 takes the output's memory config:
    // 1,024 tiles over 64 banks = 16 tiles · 4,096 = 65,536 B per core.
    const e = est(
      estimateOp(
        op('ttnn.mean', [dram([1, 1024, 7, 7], 'f32')], [l1([1, 1024, 1, 1], 'f32')], {
          keep_dim: KEEP,
          dim_arg: ints(2, 3),
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 20_480);
    assert.equal(e.l1IntermediateBytesPerCore, 65_536);
  });

  it('HW over a single tile runs the single-core HW factory', () => {
    // 32x32 bf16 over dims 0, 1: one tile → core (0,0); CBs 2·2,048 + 2·2,048 (scaler) + 2·2,048 = 12,288 B.
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([32, 32])], [dram([1, 1])], { keep_dim: KEEP, dim_arg: ints(0, 1) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceSingleCoreHwProgramFactory');
    assert.equal(e.nCoresUsed, 1);
    assert.equal(e.cbBytesPerCore, 12_288);
  });

  it('a height-sharded H reduce: the interleaved CB set from tt-metal PR #24414, illegal before it', () => {
    // From PR #24414 (f75674d, 2025-07-02) the H factory reads a sharded input that is not width sharded in and out
    // through a TensorAccessor with its interleaved CBs (reduce_op_multi_core_h_program_factory.cpp@ba4ef4f..@ef1afdb):
    // vovnet's mean over dim 2 of 1x1x3136x256 bf16: c_0 2·2,048 + c_2 one scaler tile 2,048 + c_3 2·2,048 = 10,240 B.
    const sharded = tensor([1, 1, 3136, 256], { buffer: 'l1', mem: 'height_sharded', grid: [49, 1] });
    const mean = op('ttnn.mean', [sharded], [dram([1, 1, 1, 256])], { keep_dim: KEEP, dim_arg: ints(2) });
    const hs = est(estimateOp(mean, whContext()));
    assert.equal(hs.cbBytesPerCore, 10_240);
    assert.equal(hs.confidence, 'exact');
    // Before it Reduce::validate (reduce_op.cpp@f75674d~1) threw for a sharded H input that is not width sharded.
    const before = estimateOp(mean, whContext({ ttMetalDate: '2025-06-01' }));
    assert.equal(before.kind, 'illegal');
    assert.match(
      before.kind === 'illegal' ? before.rule : '',
      /^Illegal input memory config height_sharded for sharded reduction along H!$/,
    );
  });

  it('H of a width-sharded input into a width-sharded result runs on the shards (c_1, c_3 bound to them)', () => {
    // reduce_op_multi_core_h.cpp (2024, in_sharded) and the 2026 factory (use_width_sharding): 1x1x64x1024 bf16 on
    // 8 cores, 64x128 shards (2x4 tiles): c_0 2·2,048 + c_2 2,048 = 6,144 B per core; c_1 (8 input tiles) and c_3
    // (4 output tiles) are the shards themselves. The interleaved set would add 2 output tiles: 10,240 B.
    const ws = tensor([1, 1, 64, 1024], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    const wsOut = tensor([1, 1, 1, 1024], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] });
    const e = est(estimateOp(op('ttnn.sum', [ws], [wsOut], { keep_dim: KEEP, dim_arg: ints(2) }), whContext()));
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory (width sharded)');
    assert.equal(e.cbBytesPerCore, 6_144);
    assert.equal(e.nCoresUsed, 8);
    assert.equal(e.confidence, 'exact');
    assert.deepEqual(
      e.cbs.filter((c) => c.tensorBacked).map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_1', 8],
        ['c_3', 4],
      ],
    );
    // Into an interleaved result the interleaved path runs (use_width_sharding needs both sharded; the reader walks
    // the shards through a TensorAccessor from PR #24414).
    const toDram = est(
      estimateOp(op('ttnn.sum', [ws], [dram([1, 1, 1, 1024])], { keep_dim: KEEP, dim_arg: ints(2) }), whContext()),
    );
    assert.equal(toDram.cbBytesPerCore, 10_240);
    assert.equal(toDram.confidence, 'exact');
  });
});

/**
 * ttnn.min = −max(−x) (reduce_op.cpp). Before change point reduce-min-fused-negate (tt-metal PR #30509, 2026-02-27):
 * ttnn::neg (UnaryProgramFactory: c_0 2 + c_2 2 tiles) → the max reduce → ttnn::neg, the negated input and the max
 * result in the op's memory config. From it the factories' negate flag: W adds c_4 and c_5 of one tile
 * (reduce_multi_core_w_analysis.md@36bd005); H makes c_0 and c_3 the dest-register chunk (4 tiles with the default fp32
 * accumulation, 8 without) and c_4/c_5 one chunk each (reduce_op_multi_core_h_program_factory.cpp@65635a3), from change
 * point reduce-min-h-negate-lcm (PR #42998, 0fa5c69, 2026-04-24) the lcm of the per-core pushes (@0fa5c69; index id
 * 52567424569), from change point reduce-min-h-negate-full-column (PR #43752, ≈2026-05-07) Ht · (per-core columns) tiles each, with the external
 * negation when both exceed the free L1 (index id 54787023413).
 */
describe('estimate/reduction: a sharded input to the W reduce', () => {
  // 1x1x256x1024 bf16 height-sharded on 8 cores (grid 8x1: 32x1024 shards = 1 tile row of 32 tiles), reduced over W
  // into 1x1x256x1 (one tile column) height-sharded on the same 8 cores (1-tile shards).
  const hs = tensor([1, 1, 256, 1024], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
  const hsOut = tensor([1, 1, 256, 1], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
  const sumW = (result = hsOut, date?: string) =>
    est(
      estimateOp(
        op('ttnn.sum', [hs], [result], { keep_dim: KEEP, dim_arg: ints(3) }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('before tt-metal PR #51158: the interleaved CB set over the grid (the reader walks the shards)', () => {
    // reduce_op_multi_core_w_program_factory.cpp@2441aa2 has no sharded path: NC·Ht = 8 tile rows → 8 cores;
    // c_0 2·2,048 + c_2 2·2,048 + c_3 2·2,048 = 12,288 B. A 2026-08 build is past change point reduce-scaler-one-tile
    // (@ebab885, PR #41838: c_2 one bf16 tile): 2·2,048 + 2,048 + 2·2,048 = 10,240 B.
    const e = sumW(hsOut, '2026-08-01');
    assert.equal(e.factory, 'ReduceMultiCoreWProgramFactory');
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.equal(e.nCoresUsed, 8);
    assertExactUpToNewestRead(e, { earliest: '2026-08-01', latest: '2026-08-01' });
    const old = sumW(hsOut, '2025-11-27');
    assert.deepEqual([old.cbBytesPerCore, old.confidence], [12_288, 'exact']);
  });

  it('from PR #51158: on the shard cores, c_1 and c_3 bound to the shards', () => {
    // w_uses_height_sharding (index id 58135263952): same grid, shard height 1 tile, 1 · 8 cores = NC·Ht = 8. c_0
    // 2·2,048 + c_2 one bf16 scaler tile 2,048 = 6,144 B per core; c_1 (the 32-tile input shard) and c_3 (the 1-tile
    // output shard) are the tensors themselves.
    const e = sumW(hsOut, '2026-09-01');
    assert.equal(e.factory, 'ReduceMultiCoreWProgramFactory (height sharded)');
    assert.equal(e.cbBytesPerCore, 6_144);
    assert.equal(e.nCoresUsed, 8);
    assert.deepEqual(
      e.cbs.filter((c) => c.tensorBacked).map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_1', 32],
        ['c_3', 1],
      ],
    );
    assert.equal(e.confidence, 'approx');
    // An interleaved result, or a result on another grid, falls through to the generic path: 10,240 B.
    assert.equal(sumW(l1([1, 1, 256, 1]), '2026-09-01').cbBytesPerCore, 10_240);
    const other = tensor([1, 1, 256, 1], { buffer: 'l1', mem: 'height_sharded', grid: [4, 1] });
    assert.equal(sumW(other, '2026-09-01').factory, 'ReduceMultiCoreWProgramFactory');
  });
});

describe("estimate/reduction: the W reduce's scaler CB across change point reduce-scaler-one-tile", () => {
  // sum over W of 1x1x64x1024 bf16: NC·Ht = 2 tile rows → 2 cores. reduce_op_multi_core_w_program_factory.cpp, read at
  // every first-parent commit from ba4ef4f (2025-12-02) to c262c36 (2026-04-03): c_2 = num_input_tiles = 2 bf16 tiles,
  // c_0 2·2,048 + c_2 2·2,048 + c_3 2·2,048 = 12,288 B. From ebab885 (tt-metal PR #41838, merged 2026-04-14 00:35 UTC)
  // c_2 is one tile: 2·2,048 + 2,048 + 2·2,048 = 10,240 B. Both read: exact on either side.
  const sumW = (ctx: Parameters<typeof whContext>[0]) =>
    est(
      estimateOp(
        op('ttnn.sum', [dram([1, 1, 64, 1024])], [dram([1, 1, 64, 1])], { keep_dim: KEEP, dim_arg: ints(3) }),
        whContext(ctx),
      ),
    );

  it('the day before it (2026-04-13): two bf16 scaler tiles, 12,288 B, exact', () => {
    const e = sumW({ ttMetalDate: '2026-04-13' });
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
      [
        ['c_0', 2, 2_048],
        ['c_2', 2, 2_048],
        ['c_3', 2, 2_048],
      ],
    );
    assert.equal(e.confidence, 'exact');
  });

  it('from it (2026-04-14): one scaler tile, 10,240 B, exact; a window across it reports 12,288 B, exact', () => {
    const e = sumW({ ttMetalDate: '2026-04-14' });
    assert.deepEqual([e.cbBytesPerCore, e.confidence], [10_240, 'exact']);
    const range = sumW({ window: { earliest: '2026-04-01', latest: '2026-04-20' } });
    assert.deepEqual([range.cbBytesPerCore, range.confidence], [12_288, 'exact']);
    assert.deepEqual(
      range.versionRange?.figures.map((f) => [f.window.earliest, f.cbBytesPerCore]),
      [
        ['2026-04-01', 12_288],
        ['2026-04-14', 10_240],
      ],
    );
  });
});

describe('estimate/reduction: ttnn.min', () => {
  it('from PR #30509, H of a block-sharded tensor: the interleaved CBs, approx for the sharded rules of 2026 (#42120, #43253)', () => {
    // The corpus's reduction_op.mlir @test_min at a build inside read span reduce-min-negate-w-h-2026, after change
    // points reduce-scaler-f32-input (7fb82fd) and reduce-min-h-negate-full-column (7b6870b): 128x64 f32 block-sharded
    // on one core → 64 f32, block sharded. Not both width sharded, so the H factory's interleaved CBs: Ht = 4, Wt = 2
    // columns over 2 cores (1 each); c_0 = chunk 4 (fp32 accumulation by default) · 4,096 = 16,384; c_2 = one Float32
    // scaler tile 4,096; c_3 = 4 · 4,096 = 16,384; c_4, c_5 = Ht · 1 column = 4 tiles each → 2 · 16,384 = 32,768;
    // 69,632 B in all.
    const sharded = (shape: number[]) => tensor(shape, { dtype: 'f32', buffer: 'l1', mem: 'block_sharded' });
    const e = est(
      estimateOp(
        op('ttnn.min', [sharded([128, 64])], [sharded([64])], {
          keep_dim: { kind: 'bool', value: false },
          dim_arg: ints(0),
        }),
        whContext({ ttMetalDate: '2026-06-01' }),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 69_632);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /over H of a sharded tensor: .*PR #42120 .*PR #43253/);
  });

  it('before PR #30509: neg → max → neg, the negated input an L1 tensor when the result is in L1', () => {
    // 1x1x64x64 bf16 over H: neg 2·2,048 + 2·2,048 = 8,192 B; max H over 2 columns 10,240 B; neg of the 1x1x1x64
    // result 8,192 B → 10,240 B. L1 result: the negated 1x1x64x64 (4 tiles over 64 banks: 1 tile, 2,048 B) and the
    // max result (2 tiles: 2,048 B) are live during the max reduce → 4,096 B.
    const e = est(
      estimateOp(
        op('ttnn.min', [dram([1, 1, 64, 64])], [l1([1, 1, 1, 64])], { keep_dim: KEEP, dim_arg: ints(2) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.match(
      e.factoryReason,
      /neg input: UnaryProgramFactory 8192 B; max reduce: .*neg result: UnaryProgramFactory/,
    );
    assert.equal(e.l1IntermediateBytesPerCore, 4_096);
  });

  it('from PR #30509, W: the negate variant adds c_4 and c_5 of one tile', () => {
    // 1x1x64x64 bf16 over W: c_0 2, c_2 2, c_3 2, c_4 1, c_5 1 tiles = 8 · 2,048 = 16,384 B.
    const e = est(
      estimateOp(
        op('ttnn.min', [dram([1, 1, 64, 64])], [dram([1, 1, 64, 1])], { keep_dim: KEEP, dim_arg: ints(3) }),
        whContext({ ttMetalDate: '2026-03-01' }),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreWProgramFactory');
    assert.equal(e.cbBytesPerCore, 16_384);
    // Read span reduce-min-negate-w-h-2026 (65635a3 … 622c6fb, interleaved float input, no compute_config): exact.
    assert.equal(e.confidence, 'exact');
  });

  it('from PR #30509, H: chunk-deep c_0/c_3, c_4/c_5 one chunk, from PR #42998 the lcm of the per-core pushes', () => {
    // 1x1x64x6400 bf16 over H: 200 columns over 64 cores → 8 cores take 4, 56 take 3. Chunk 4 (fp32 accumulation on by
    // default: reduce_op.cpp@65635a3 default_fp32_acc true; get_dest_reg_count 16 / 2 half sync / 2 fp32 = 4).
    // @65635a3 (2026-03-01): c_4/c_5 = chunk_size = 4 tiles each:
    // c_0 4·2,048 + c_2 2,048 + c_3 4·2,048 + 2·4·2,048 = 8,192 + 2,048 + 8,192 + 16,384 = 34,816 B.
    // @0fa5c69 (2026-05-01): 4 ≥ 4 pushes 4 (no partial); 3 < 4 pushes 3 → lcm(4, 3) = 12 tiles each for c_4/c_5:
    // 8,192 + 2,048 + 8,192 + 2·12·2,048 = 49,152 → 67,584 B.
    const min = (ctx: ReturnType<typeof whContext>, props = {}) =>
      est(
        estimateOp(
          op('ttnn.min', [dram([1, 1, 64, 6400])], [dram([1, 1, 1, 6400])], {
            keep_dim: KEEP,
            dim_arg: ints(2),
            ...props,
          }),
          ctx,
        ),
      );
    assert.equal(min(whContext({ ttMetalDate: '2026-03-01' })).cbBytesPerCore, 34_816);
    const e = min(whContext({ ttMetalDate: '2026-05-01' }));
    assert.equal(e.cbBytesPerCore, 67_584);
    assert.deepEqual(
      e.cbs.filter((c) => c.coreGroup === e.cbs[0]!.coreGroup).map((c) => [c.cbIndex, c.nPages]),
      [
        ['c_0', 4],
        ['c_2', 1],
        ['c_3', 4],
        ['c_4', 12],
        ['c_5', 12],
      ],
    );
    // fp32 accumulation off: chunk 8. @65635a3 c_4/c_5 = 8 tiles each: 16,384 + 2,048 + 16,384 + 2·8·2,048 = 67,584 B;
    // @0fa5c69 4 and 3 < 8 → lcm(4, 3) = 12: 16,384 + 2,048 + 16,384 + 49,152 = 83,968 B.
    assert.equal(
      min(whContext({ ttMetalDate: '2026-03-01' }), { compute_config: computeConfig(false) }).cbBytesPerCore,
      67_584,
    );
    assert.equal(
      min(whContext({ ttMetalDate: '2026-05-01' }), { compute_config: computeConfig(false) }).cbBytesPerCore,
      83_968,
    );
    // From PR #43752: c_4/c_5 = Ht · lcm(4, 3) = 2 · 12 = 24 tiles each: 8,192 + 2,048 + 8,192 + 2·24·2,048 = 116,736 B.
    const june = min(whContext({ ttMetalDate: '2026-06-01' }));
    assert.equal(june.cbBytesPerCore, 116_736);
    // Every build here lies in read span reduce-min-negate-w-h-2026 (2026-02-27..06-23): exact without a compute_config;
    // with one (it may set dst_full_sync_en, which the span does not cover) approx; past 06-23 approx, saying why.
    assert.deepEqual(
      [e.confidence, june.confidence, min(whContext({ ttMetalDate: '2026-03-01' })).confidence],
      ['exact', 'exact', 'exact'],
    );
    assert.equal(
      min(whContext({ ttMetalDate: '2026-06-01' }), { compute_config: computeConfig(false) }).confidence,
      'approx',
    );
    const july = min(whContext({ ttMetalDate: '2026-07-01' }));
    assert.equal(july.cbBytesPerCore, 116_736);
    assert.equal(july.confidence, 'approx');
    assert.equal(july.approxReason, pastNewestReadReason({ earliest: '2026-07-01', latest: '2026-07-01' }));
  });

  it('over a dim below H, the H stage between the transposes is min itself (its negation per build)', () => {
    // 1x8x64x64 bf16 over dim 1: HC transpose (4,608 B), min over H of 1x64x(8→32)x64, HC transpose back (4,096 B).
    // Golden build (2025-11): the min H stage is neg 8,192 → max 10,240 → neg 8,192 → 10,240 B.
    // 2026-03-01 (@65635a3): the negate H variant on 128 columns over 64 cores, c_4/c_5 one chunk of 4 tiles each:
    // 4·2,048 + 2,048 + 4·2,048 + 2·4·2,048 = 34,816 B. 2026-05-01 (@0fa5c69): 2 columns each < chunk 4 → c_4/c_5
    // lcm = 2 tiles: 4·2,048 + 2,048 + 4·2,048 + 2·2·2,048 = 26,624 B.
    const min = (date?: string) =>
      est(
        estimateOp(
          op('ttnn.min', [dram([1, 8, 64, 64])], [dram([1, 1, 64, 64])], { keep_dim: KEEP, dim_arg: ints(1) }),
          date === undefined ? whContext() : whContext({ ttMetalDate: date }),
        ),
      );
    const before = min();
    assert.equal(before.cbBytesPerCore, 10_240);
    assert.match(before.factoryReason, /neg input: UnaryProgramFactory/);
    assert.equal(min('2026-03-01').cbBytesPerCore, 34_816);
    assert.equal(min('2026-05-01').cbBytesPerCore, 26_624);
  });

  it('from PR #43752, negate CBs past the free L1 fall back to neg → max → neg', () => {
    // 1x1x12800x6400 bf16: Ht = 400, 400 · 12 = 4,800 tiles per CB, 2 · 4,800 · 2,048 B ≈ 19.7 MB > the free L1: the
    // external negation; its largest program is the plain max H reduce, 10,240 B.
    const e = est(
      estimateOp(
        op('ttnn.min', [dram([1, 1, 12800, 6400])], [dram([1, 1, 1, 6400])], { keep_dim: KEEP, dim_arg: ints(2) }),
        whContext({ ttMetalDate: '2026-06-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.match(e.factoryReason, /h_reduce_negate_fits_in_l1/);
  });
});

/**
 * Dims outside the last two: generic_reductions.cpp's reduce_nd_loop (from the last reduced dim: W → W reduce, H → H
 * reduce, a lower dim d → transpose(d, −2), H reduce, transpose back; transpose.cpp@00b0fa3: HC transpose when d is one
 * below H in the 4-D view, else a permute) and, from change point reduce-sum-front-dims-fast-nc (tt-metal PR #18603,
 * ≈2025-03-05), fast_reduce_nc for a bf16/bfp8 sum (fast_reduce_nc_program_factory.cpp@03725f2: c_0 2·granularity
 * tiles, c_1 1 bf16 tile, c_24 1 Float32 tile with the default fp32 accumulation, c_16 2 tiles; granularity = the largest
 * divisor ≤ 8 of the reduced dim; output tiles split over the grid). tt-metal #20540 (2025-04-10) shows the transpose
 * path on an f32 sum over dim 0 of 2x32x1536x1024: the 6,442,450,944 B DRAM buffer it could not allocate is the
 * transposed [1536, 32, 2 → 32, 1024] f32 tensor (1536·32·32·1024·4 B).
 */
describe('estimate/reduction: f32 ttnn.min on the SFPU from PR #53636 (≈2026-08-24)', () => {
  // reduce_op.cpp (index id 57968691308): use_sfpu_fp32_min (FLOAT32, fp32_dest_acc_en, fast_and_approximate_mode off)
  // skips reduce_min, so no negate flag: the W/H factories allocate c_4/c_5 only for use_fpu_negate (index ids
  // 58135263952, 54542839682), and HW always runs W then H (use_two_step_hw_sfpu_reduce). Float32 tiles 4,096 B.
  const fmin = (inShape: number[], outShape: number[], dims: number[], date: string, extra = {}) =>
    est(
      estimateOp(
        op('ttnn.min', [dram(inShape, 'f32')], [dram(outShape, 'f32')], {
          keep_dim: KEEP,
          dim_arg: ints(...dims),
          ...extra,
        }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('W: c_0 2 + c_2 1 Float32 scaler + c_3 2 tiles = 20,480 B; the negate variant before adds c_4/c_5 (28,672 B)', () => {
    // After: 2·4,096 + 4,096 + 2·4,096 = 20,480. Before (2026-08-01): + c_4 and c_5 of one Float32 tile = 28,672.
    assert.equal(fmin([1, 1, 64, 64], [1, 1, 64, 1], [3], '2026-09-01').cbBytesPerCore, 20_480);
    assert.equal(fmin([1, 1, 64, 64], [1, 1, 64, 1], [3], '2026-08-01').cbBytesPerCore, 28_672);
  });

  it('H: the plain H set (20,480 B) instead of chunk-deep c_0/c_3 and the full-column c_4/c_5 (53,248 B)', () => {
    // 1x1x64x64 f32 over H: 2 columns on 2 cores. After: c_0 2·4,096 + c_2 4,096 + c_3 2·4,096 = 20,480. Before
    // (2026-08-01, PR #43752's negate H): chunk 4 (fp32 accumulation) → c_0 4·4,096 = 16,384, c_3 16,384, c_2 4,096,
    // c_4 = c_5 = Ht 2 · 1 column = 2 tiles = 8,192 each → 53,248.
    const after = fmin([1, 1, 64, 64], [1, 1, 1, 64], [2], '2026-09-01');
    assert.equal(after.cbBytesPerCore, 20_480);
    assert.ok(!after.cbs.some((c) => c.cbIndex === 'c_4' || c.cbIndex === 'c_5'));
    assert.match(after.factoryReason, /SFPU MIN/);
    assert.equal(fmin([1, 1, 64, 64], [1, 1, 1, 64], [2], '2026-08-01').cbBytesPerCore, 53_248);
  });

  it('HW of one tile runs W then H (20,480 B each), not the single-core HW program', () => {
    const after = fmin([1, 1, 32, 32], [1, 1, 1, 1], [2, 3], '2026-09-01');
    assert.notEqual(after.factory, 'ReduceSingleCoreHwProgramFactory');
    assert.equal(after.cbBytesPerCore, 20_480);
    assert.equal(fmin([1, 1, 32, 32], [1, 1, 1, 1], [2, 3], '2026-08-01').factory, 'ReduceSingleCoreHwProgramFactory');
  });

  it('fp32 accumulation off keeps −max(−x): the negate variant', () => {
    // W with fp32_dest_acc_en false: the FPU path, c_4/c_5 one tile each → 28,672 B as before the change point.
    const e = fmin([1, 1, 64, 64], [1, 1, 64, 1], [3], '2026-09-01', { compute_config: computeConfig(false) });
    assert.equal(e.cbBytesPerCore, 28_672);
  });
});

describe('estimate/reduction: a one-tile Float32 sum / mean / max over H and W on the SFPU runs W then H', () => {
  // reduce_op.cpp: use_two_step_hw_sfpu_reduce covers INT32 MAX only at index id 54525225741, adds the f32 mean
  // (PR #48896) at 54551941191 and every use_sfpu_fp32_* (max PR #52718, sum PR #53636) at 57968691308 — the SFPU has
  // no REDUCE_SCALAR, so a one-tile HW reduce leaves reduce_op_single_core_hw_program_factory.cpp for W then H. A larger
  // input ran W then H before too (is_multicore_hw). CB bytes of a 1x1x32x32 f32 input, f32 result:
  //   single-core HW: c_0 2·4,096 + c_2 2 bf16 tiles 2·2,048 + c_3 2·4,096 = 20,480 B on core (0,0);
  //   W then H: W c_0 2·4,096 + c_2 one Float32 tile 4,096 (index id 58135263952) + c_3 2·4,096 = 20,480 B, H over the
  //   1x1x32x1 partial c_0 2·4,096 + c_2 4,096 + c_3 2·4,096 = 20,480 B: the same bytes, another pair of programs,
  //   and the W partial (one Float32 tile, 4,096 B on one bank) is an L1 tensor while the H reduce runs an L1 result.
  const hw = (name: string, date: string, result = dram, extra = {}) =>
    est(
      estimateOp(
        op(name, [dram([1, 1, 32, 32], 'f32')], [result([1, 1, 1, 1], 'f32')], {
          keep_dim: KEEP,
          dim_arg: ints(2, 3),
          ...extra,
        }),
        whContext({ ttMetalDate: date }),
      ),
    );

  for (const [name, pr, before, after] of [
    ['ttnn.mean', '#48896 (≈2026-07-10)', '2026-07-01', '2026-07-20'],
    ['ttnn.max', '#52718 (≈2026-08-17)', '2026-08-14', '2026-08-20'],
    ['ttnn.sum', '#53636 (≈2026-08-24)', '2026-08-20', '2026-09-01'],
  ] as const)
    it(`${name} from PR ${pr}: W then H (20,480 B each) instead of the single-core HW program (20,480 B)`, () => {
      const old = hw(name, before);
      assert.equal(old.factory, 'ReduceSingleCoreHwProgramFactory');
      assert.equal(old.cbBytesPerCore, 20_480);
      const now = hw(name, after);
      assert.notEqual(now.factory, 'ReduceSingleCoreHwProgramFactory');
      assert.match(now.factoryReason, /on the SFPU reduce runs W then H/);
      assert.equal(now.cbBytesPerCore, 20_480);
      assert.equal(now.nCoresUsed, 1);
    });

  it('with an L1 result the one-tile W partial is live during the H reduce (4,096 B)', () => {
    assert.equal(hw('ttnn.mean', '2026-07-01', l1).l1IntermediateBytesPerCore, undefined);
    assert.equal(hw('ttnn.mean', '2026-07-20', l1).l1IntermediateBytesPerCore, 4_096);
  });

  it('fp32 accumulation off keeps the FPU path: the single-core HW program', () => {
    const e = hw('ttnn.sum', '2026-09-01', dram, { compute_config: computeConfig(false) });
    assert.equal(e.factory, 'ReduceSingleCoreHwProgramFactory');
  });

  it('a bf16 one-tile HW sum keeps the single-core HW program (the SFPU path is Float32 only)', () => {
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([1, 1, 32, 32])], [dram([1, 1, 1, 1])], { keep_dim: KEEP, dim_arg: ints(2, 3) }),
        whContext({ ttMetalDate: '2026-09-01' }),
      ),
    );
    assert.equal(e.factory, 'ReduceSingleCoreHwProgramFactory');
  });
});

describe('estimate/reduction: batched reader reads from PR #53564 (≈2026-09-03) leave c_0 unread', () => {
  // The factories @05ddaab size c_0 as reduce_reader_input_cb_tiles(batch), a common.hpp function not stored. W: batch =
  // reduce_reader_batch(min rows per core · Wt), unbatched when the smallest core streams fewer than
  // kReduceReaderTilesPerBatch = 4 tiles (PR #53564's review thread of 2026-09-01); H: the dest chunk (4 tiles with
  // the default fp32 accumulation, 8 without) when every core owns at least a chunk of columns. The 2-tile c_0 is kept
  // and the program is approx where the reader batches; the figures do not move.
  const reduce = (
    inShape: number[],
    outShape: number[],
    dim: number,
    dtype: 'bf16' | 'f32',
    date: string,
    extra = {},
  ) =>
    est(
      estimateOp(
        op('ttnn.sum', [dram(inShape, dtype)], [dram(outShape, dtype)], {
          keep_dim: KEEP,
          dim_arg: ints(dim),
          ...extra,
        }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('W of 1x1x64x1024 f32: 2 rows on 2 cores, 1 row · Wt 32 = 32 tiles per core ≥ 4: approx after, exact before', () => {
    // c_0 2·4,096 + c_2 one Float32 tile 4,096 + c_3 2·4,096 = 20,480 B either side.
    const before = reduce([1, 1, 64, 1024], [1, 1, 64, 1], 3, 'f32', '2026-08-30');
    assertExactUpToNewestRead(before, { earliest: '2026-08-30', latest: '2026-08-30' });
    assert.equal(before.cbBytesPerCore, 20_480);
    const after = reduce([1, 1, 64, 1024], [1, 1, 64, 1], 3, 'f32', '2026-09-10');
    assert.equal(after.confidence, 'approx');
    assert.match(after.approxReason ?? '', /PR #53564/);
    assert.equal(after.cbBytesPerCore, 20_480);
  });

  it('W of 1x1x32x64 f32: one row of Wt 2 = 2 tiles < 4, the reader stays unbatched: exact after too', () => {
    assertExactUpToNewestRead(reduce([1, 1, 32, 64], [1, 1, 32, 1], 3, 'f32', '2026-09-10'), {
      earliest: '2026-09-10',
      latest: '2026-09-10',
    });
  });

  it('H of 1x1x64x8192 bf16: 256 columns on 64 cores, 4 per core ≥ the 4-tile chunk: approx after (10,240 B)', () => {
    // c_0 2·2,048 + c_2 2,048 + c_3 2·2,048 = 10,240 B.
    assertExactUpToNewestRead(reduce([1, 1, 64, 8192], [1, 1, 1, 8192], 2, 'bf16', '2026-08-30'), {
      earliest: '2026-08-30',
      latest: '2026-08-30',
    });
    const after = reduce([1, 1, 64, 8192], [1, 1, 1, 8192], 2, 'bf16', '2026-09-10');
    assert.equal(after.confidence, 'approx');
    assert.equal(after.cbBytesPerCore, 10_240);
  });

  it('the same H without fp32 accumulation: an 8-tile chunk, 4 columns per core < 8: unbatched, exact', () => {
    const e = reduce([1, 1, 64, 8192], [1, 1, 1, 8192], 2, 'bf16', '2026-09-10', {
      compute_config: computeConfig(false),
    });
    assertExactUpToNewestRead(e, { earliest: '2026-09-10', latest: '2026-09-10' });
  });
});

describe('estimate/reduction: the H split of a tall TILE sum/mean from PR #54349 (≈2026-08-28)', () => {
  const meanH = (shape: number[], date: string, out = dram) =>
    est(
      estimateOp(
        op('ttnn.mean', [dram(shape)], [out([shape[0]!, shape[1]!, 1, shape[3]!])], {
          keep_dim: KEEP,
          dim_arg: ints(2),
        }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it("vovnet's 1x1x3136x256 bf16 mean over H: 8 slices, stage 2 (30,720 B) the larger; one 10,240 B program before", () => {
    // NC·Wt = 8 tile columns < 64 cores, Ht = 98 ≥ 16 (the row-major path's threshold, assumed) → S = min(64/8, 98) =
    // 8. Stage 1 (tiled H set, Float32 output tiles; PR #54349's factory not read): NC·S·Wt = 64 columns, c_0 2·2,048
    // + c_2 2,048 + c_3 2·4,096 = 14,336 B on 64 cores. Stage 2, the dense RM H collapse of the (1, 1, 8, 256) Float32
    // partials (Ht 1 → ht chunk 1, 8 columns): c_24 64·128 = 8,192; c_4 4,096; c_5 2,048; c_0 2·4,096 = 8,192; c_2
    // 4,096; c_3 2·2,048 = 4,096 → 30,720 B on 8 cores. Before (2026-08-01): c_0 2·2,048 + c_2 2,048 + c_3 2·2,048.
    assert.equal(meanH([1, 1, 3136, 256], '2026-08-01').cbBytesPerCore, 10_240);
    const e = meanH([1, 1, 3136, 256], '2026-09-01');
    assert.equal(e.cbBytesPerCore, 30_720);
    assert.equal(e.nCoresUsed, 8);
    assert.match(e.factoryReason, /8 slices/);
    assert.match(e.factoryReason, /14336 B/);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason ?? '', /PR #54349/);
  });

  it('an H reduce that fills the grid or is short is one program; max is not split', () => {
    // 1x1x64x2048: Ht = 2 < 16. 1x1x1024x2048: NC·Wt = 64, not below 64 cores. Both: 10,240 B, one program.
    for (const shape of [
      [1, 1, 64, 2048],
      [1, 1, 1024, 2048],
    ]) {
      const e = meanH(shape, '2026-09-01');
      assert.equal(e.cbBytesPerCore, 10_240, String(shape));
      assert.doesNotMatch(e.factoryReason, /slices/);
    }
    const max = est(
      estimateOp(
        op('ttnn.max', [dram([1, 1, 3136, 256])], [dram([1, 1, 1, 256])], { keep_dim: KEEP, dim_arg: ints(2) }),
        whContext({ ttMetalDate: '2026-09-01' }),
      ),
    );
    assert.equal(max.cbBytesPerCore, 10_240);
  });
});

describe('estimate/reduction: dims outside the last two', () => {
  it('max over dim 1 (C): HC transpose, H reduce, HC transpose back; the H reduce is the largest', () => {
    // 1x8x64x64 bf16 → HC transpose to 1x64x8x64: c_0 2·2,048 + a 16·2 = 32 B pad CB (C = 8 is not a multiple of 32;
    // one face row on this 2025-11 build, before tt-metal PR #36896's whole face) = 4,128 B; H reduce of 1x64x(8→32)x64: NC·Wt = 64·2 = 128 columns over 64 cores, 2·2,048 + 2,048 +
    // 2·2,048 = 10,240 B; HC transpose back of 1x64x1x64 (C = 64: no pad CB) 4,096 B. Reported 10,240 B.
    const e = est(
      estimateOp(
        op('ttnn.max', [dram([1, 8, 64, 64])], [dram([1, 1, 64, 64])], { keep_dim: KEEP, dim_arg: ints(1) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.equal(e.nCoresUsed, 64);
    assert.equal(e.confidence, 'approx');
    assert.match(e.factoryReason, /TransposeHCTiledInterleavedProgramFactory 4128 B/);
    assert.match(e.factoryReason, /3 programs run in turn/);
  });

  it('bf16 sum over dim 0 runs fast_reduce_nc from change point reduce-sum-front-dims-fast-nc', () => {
    // 2x1x64x64 bf16 over dim 0: granularity 2 (2 divides 2) → c_0 4·2,048 = 8,192; c_1 2,048; c_16 2·2,048 = 4,096;
    // c_24 one Float32 tile 4,096 (non_height_width_reduce turns fp32 accumulation on) = 18,432 B; 1x1x64x64 = 4
    // output tiles → 4 cores.
    const sum = (ctx = whContext()) =>
      est(
        estimateOp(
          op('ttnn.sum', [dram([2, 1, 64, 64])], [dram([1, 1, 64, 64])], { keep_dim: KEEP, dim_arg: ints(0) }),
          ctx,
        ),
      );
    const after = sum();
    assert.equal(after.factory, 'FastReduceNCProgramFactory');
    assert.equal(after.cbBytesPerCore, 18_432);
    assert.equal(after.nCoresUsed, 4);
    // Before the PR (2025-02): permute {2,1,0,3} to 64x1x2x64, H reduce of its 64·1·2 = 128 columns (10,240 B),
    // permute back: the H reduce, 10,240 B, is the largest.
    const before = sum(whContext({ ttMetalDate: '2025-02-01' }));
    assert.equal(before.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(before.cbBytesPerCore, 10_240);
    assert.match(before.factoryReason, /PermuteDeviceOperation/);
    // fp32 accumulation off in the op's compute config: c_24 is one bf16 tile, 18,432 − 2,048 = 16,384 B.
    const off = est(
      estimateOp(
        op('ttnn.sum', [dram([2, 1, 64, 64])], [dram([1, 1, 64, 64])], {
          keep_dim: KEEP,
          dim_arg: ints(0),
          compute_config: computeConfig(false),
        }),
        whContext(),
      ),
    );
    assert.equal(off.cbBytesPerCore, 16_384);
  });

  it('an f32 sum over dim 0 keeps the transpose path (fast_reduce_nc is for bf16 and bfp8 only)', () => {
    // 2x1x64x64 f32: H reduce of the permuted 64x1x(2→32)x64, 128 columns: 2·4,096 + 2,048 + 2·4,096 = 18,432 B.
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([2, 1, 64, 64], 'f32')], [dram([1, 1, 64, 64], 'f32')], {
          keep_dim: KEEP,
          dim_arg: ints(0),
        }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 18_432);
  });

  it('from change point reduce-fast-nc-no-accumulator-cb (Metal 2.0 port, PR #51086) fast_reduce_nc has no c_24', () => {
    // The same 2x1x64x64 sum over dim 0: c_0 8,192 + c_1 2,048 + c_16 4,096 = 14,336 B (the 18,432 B above less the
    // 4,096 B Float32 accumulator tile, which no kernel used).
    const sum = (date: string) =>
      est(
        estimateOp(
          op('ttnn.sum', [dram([2, 1, 64, 64])], [dram([1, 1, 64, 64])], { keep_dim: KEEP, dim_arg: ints(0) }),
          whContext({ ttMetalDate: date }),
        ),
      );
    assert.equal(sum('2026-07-30').cbBytesPerCore, 18_432);
    const ported = sum('2026-08-15');
    assert.equal(ported.factory, 'FastReduceNCProgramFactory');
    assert.equal(ported.cbBytesPerCore, 14_336);
    assert.deepEqual(
      ported.cbs.map((c) => c.cbIndex),
      ['c_0', 'c_1', 'c_16'],
    );
  });

  it('a bfp8 max over dim 1: each HC transpose runs between typecasts to bf16 and back', () => {
    // transpose.cpp@00b0fa3: BFLOAT8_B is typecast to BFLOAT16 for any transpose but CN and WH. 1x8x64x64 bfp8
    // (1,088 B tiles): typecast of the input (32 tiles) c_0 2·1,088 + c_2 2·2,048 = 6,272 B; the bf16 HC transpose
    // to 1x64x8x64 c_0 2·2,048 + 32 B pad (one face row before PR #36896) = 4,128 B; typecast back 6,272 B; the H reduce of the bfp8 1x64x(8→32)x64
    // c_0 2·1,088 + c_2 2,048 + c_3 2·1,088 = 6,400 B; then typecast 6,272, HC transpose back 4,096 (C = 64), typecast
    // 6,272 B. Reported: the H reduce, 6,400 B, of 7 programs.
    const e = est(
      estimateOp(
        op('ttnn.max', [tensor([1, 8, 64, 64], { dtype: 'bfp_bf8' })], [tensor([1, 1, 64, 64], { dtype: 'bfp_bf8' })], {
          keep_dim: KEEP,
          dim_arg: ints(1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 6_400);
    assert.match(e.factoryReason, /7 programs run in turn/);
    assert.match(
      e.factoryReason,
      /typecast to bf16 \(dim 1 to H\): TypecastProgramFactory 6272 B; transpose dim 1 to H: TransposeHCTiledInterleavedProgramFactory 4128 B; typecast to bfp8 \(dim 1 to H\): TypecastProgramFactory 6272 B/,
    );
    assert.match(e.factoryReason, /transpose dim 1 back: TransposeHCTiledInterleavedProgramFactory 4096 B/);
  });

  it('a mean over dims 0 and 1: before change point reduce-mean-multi-dim-scaler a final mul_sfpu scales the result', () => {
    // generic_reductions.cpp before PR #28869: the stages sum, then ttnn::mul_sfpu(1/volume) over the keepdim
    // 1x1x64x64 result (4 tiles → 4 cores): the unary CBs c_0 2·2,048 + c_2 2·2,048 = 8,192 B. From the PR the first
    // stage's scaler does it: no such program.
    const mean = (date: string) =>
      est(
        estimateOp(
          op('ttnn.mean', [dram([2, 3, 64, 64])], [dram([1, 1, 64, 64])], { keep_dim: KEEP, dim_arg: ints(0, 1) }),
          whContext({ ttMetalDate: date }),
        ),
      );
    const before = mean('2025-09-01');
    assert.match(before.factoryReason, /scale by 1\/volume \(mul_sfpu\): UnaryProgramFactory 8192 B/);
    assert.match(before.factoryReason, /7 programs run in turn/);
    const after = mean('2025-10-01');
    assert.doesNotMatch(after.factoryReason, /mul_sfpu/);
    assert.match(after.factoryReason, /6 programs run in turn/);
    // The H reduces (10,240 B) are the largest either way.
    assert.equal(before.cbBytesPerCore, 10_240);
    assert.equal(after.cbBytesPerCore, 10_240);
  });

  it('bf16 sum over every dim: fast_reduce_nc over dims 1 then 0, then the HW reduce', () => {
    // 2x3x64x64 bf16, no dim_arg: dim 1 (3 long → granularity 3): c_0 6·2,048 = 12,288 + 2,048 + 4,096 + 4,096 =
    // 22,528 B; dim 0 (granularity 2): 18,432 B; HW of 1x1x64x64 (4 tiles: W then H): W 12,288 B. Reported 22,528 B.
    const e = est(
      estimateOp(op('ttnn.sum', [dram([2, 3, 64, 64])], [dram([1, 1, 1, 1])], { keep_dim: KEEP }), whContext()),
    );
    assert.equal(e.factory, 'FastReduceNCProgramFactory');
    assert.equal(e.cbBytesPerCore, 22_528);
    assert.match(e.factoryReason, /fast_reduce_nc dim 1: .*fast_reduce_nc dim 0: .*reduce HW/);
  });

  it('with an L1 result, the transposed input and its H-reduced result are L1 tensors during the H reduce', () => {
    // max over dim 0 of 2x3x64x64 bf16 into L1: transposed 64x3x(2→32)x64 = 64·3·1·2 = 384 tiles over 64 banks =
    // 6 tiles · 2,048 = 12,288 B per core; its H reduce 64x3x1x64, also 384 tiles = 12,288 B → 24,576 B.
    const e = est(
      estimateOp(
        op('ttnn.max', [dram([2, 3, 64, 64])], [l1([1, 3, 64, 64])], { keep_dim: KEEP, dim_arg: ints(0) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.l1IntermediateBytesPerCore, 24_576);
    assert.deepEqual(
      e.l1Intermediates?.map((t) => t.bytesPerCore),
      [12_288, 12_288],
    );
  });
});

/**
 * Float32 between the stages of a bf16 sum. tt-metal PR #43367 (change point reduce-sum-fp32-chain, 2026-05-05):
 * generic_reductions.cpp's precision chain (a bf16 sum over more than one dim but not every dim) has fast_reduce_nc
 * pack Float32 when a stage follows (its c_0 in the input's format, c_16 in the output's; c_24 two output tiles with
 * fp32 accumulation as fast_reduce_nc_program_factory.cpp@03725f2 sizes it), and the W/H/HW stage after it reads
 * Float32 and packs bf16, an HW stage keeping its W partial in Float32 (reduce_op.cpp, index id 52685111089). tt-metal
 * PR #48578 (change point reduce-sum-hw-fp32-w-intermediate, ≈2026-07-07): every multi-core HW sum of a bf16 tensor with
 * fp32 accumulation keeps the W partial in Float32 (index ids 54551941191, 57968691308). The H factory's scaler is one
 * Float32 tile for a Float32 input in the 2026 factory (index id 52567424569). Tile bytes: bf16 2,048, f32 4,096.
 */
describe('estimate/reduction: Float32 between the stages of a bf16 sum', () => {
  const sumHw = (date: string, extra: Record<string, unknown> = {}, result = dram([1, 1, 1, 1])) =>
    est(
      estimateOp(
        op('ttnn.sum', [dram([1, 1, 64, 1024])], [result], { keep_dim: KEEP, dim_arg: ints(2, 3), ...extra }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('HW sum before PR #48578 (2026-07-01): the W partial is bf16; both programs 10,240 B', () => {
    // 64 input tiles → W then H. W: NC·Ht = 2 tile rows, c_0 2·2,048 + c_2 one bf16 tile 2,048 (from change point
    // reduce-scaler-one-tile) + c_3 2·2,048 = 10,240 B; H of the 1x1x64x1 bf16 partial: 2·2,048 + 2,048 + 2·2,048 =
    // 10,240 B.
    const e = sumHw('2026-07-01');
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.match(
      e.factoryReason,
      /reduce W: ReduceMultiCoreWProgramFactory 10240 B; reduce H: ReduceMultiCoreHProgramFactory 10240 B/,
    );
  });

  it('HW sum from PR #48578 (2026-08-01): the W partial is Float32, the H reduce (16,384 B) is reported', () => {
    // W into Float32: c_0 2·2,048 + c_2 one bf16 tile 2,048 + c_3 2·4,096 = 14,336 B. H of the Float32 partial: c_0
    // 2·4,096 + c_2 one Float32 tile 4,096 (a Float32 input, from change point reduce-scaler-f32-input) + c_3 2·2,048 =
    // 16,384 B.
    const e = sumHw('2026-08-01');
    assert.equal(e.cbBytesPerCore, 16_384);
    assert.match(
      e.factoryReason,
      /reduce W \(Float32 partial\): ReduceMultiCoreWProgramFactory 14336 B; reduce H: ReduceMultiCoreHProgramFactory 16384 B/,
    );
    assertExactUpToNewestRead(e, { earliest: '2026-08-01', latest: '2026-08-01' });
  });

  it('HW sum from PR #48578 with an L1 result: the Float32 partial is the L1 tensor (4,096 B, 2,048 B before)', () => {
    // The 1x1x64x1 partial has 2 tiles over 64 banks: one tile per core, 4,096 B Float32 (2,048 B bf16 before).
    assert.equal(sumHw('2026-08-01', {}, l1([1, 1, 1, 1])).l1IntermediateBytesPerCore, 4_096);
    assert.equal(sumHw('2026-07-01', {}, l1([1, 1, 1, 1])).l1IntermediateBytesPerCore, 2_048);
  });

  it('HW sum from PR #48578 with fp32 accumulation off, and an HW mean: the partial stays bf16', () => {
    // keep_w_fp32 needs fp32_dest_acc_en for a bf16 input, and SUM (mean is AVG): 10,240 B as before.
    assert.equal(sumHw('2026-08-01', { compute_config: computeConfig(false) }).cbBytesPerCore, 10_240);
    const mean = est(
      estimateOp(
        op('ttnn.mean', [dram([1, 1, 64, 1024])], [dram([1, 1, 1, 1])], { keep_dim: KEEP, dim_arg: ints(2, 3) }),
        whContext({ ttMetalDate: '2026-08-01' }),
      ),
    );
    assert.equal(mean.cbBytesPerCore, 10_240);
  });

  const sumC_W = (date: string) =>
    est(
      estimateOp(
        op('ttnn.sum', [dram([1, 2, 64, 1024])], [dram([1, 1, 64, 1])], { keep_dim: KEEP, dim_arg: ints(1, 3) }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('a sum over dims 1 and 3 before PR #43367 (2026-04-01): every stage bf16', () => {
    // fast_reduce_nc over dim 1 (2 long: granularity 2): c_0 4·2,048 = 8,192 + c_1 2,048 + c_16 2·2,048 = 4,096 + c_24
    // one Float32 tile 4,096 = 18,432 B; the W reduce of 1x1x64x1024 bf16: 12,288 B. Reported 18,432 B.
    const e = sumC_W('2026-04-01');
    assert.equal(e.factory, 'FastReduceNCProgramFactory');
    assert.equal(e.cbBytesPerCore, 18_432);
  });

  it('the same sum from PR #43367 (2026-06-01): fast_reduce_nc packs Float32 and the W reduce reads it', () => {
    // fast_reduce_nc into Float32: c_0 4 bf16 input tiles 8,192 + c_1 2,048 + c_16 2·4,096 = 8,192 + c_24 2·4,096 =
    // 8,192 → 26,624 B; the W reduce of the Float32 1x1x64x1024 into bf16: c_0 2·4,096 + c_2 one Float32 tile 4,096 +
    // c_3 2·2,048 = 16,384 B. Reported 26,624 B.
    const e = sumC_W('2026-06-01');
    assert.equal(e.factory, 'FastReduceNCProgramFactory');
    assert.equal(e.cbBytesPerCore, 26_624);
    assert.match(e.factoryReason, /reduce W: ReduceMultiCoreWProgramFactory 16384 B/);
    assert.match(e.approxReason, /reduce-sum-fp32-chain/);
    // From change point reduce-fast-nc-no-accumulator-cb (2026-08-15) c_24 is gone: 8,192 + 2,048 + 8,192 = 18,432 B.
    assert.equal(sumC_W('2026-08-15').cbBytesPerCore, 18_432);
  });

  it('a bf16 sum over every dim is not in the chain (its stages stay bf16) in a 2026-06 build', () => {
    // generic_reductions.cpp skips the chain when dims cover every axis: 2x3x64x64, dim 1 first (granularity 3):
    // c_0 6·2,048 + 2,048 + 2·2,048 + 4,096 = 22,528 B, as before PR #43367.
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([2, 3, 64, 64])], [dram([1, 1, 1, 1])], { keep_dim: KEEP }),
        whContext({ ttMetalDate: '2026-06-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 22_528);
    assert.doesNotMatch(e.approxReason, /reduce-sum-fp32-chain/);
  });

  it('a chain ending in HW keeps the W partial Float32 already from PR #43367 (2026-06-01)', () => {
    // sum over dims 0, 2, 3 of 2x1x64x1024 bf16: fast_reduce_nc over dim 0 into Float32 (26,624 B as above); the HW
    // stage of the Float32 1x1x64x1024 into bf16: W into a Float32 partial, c_0 2·4,096 + c_2 4,096 + c_3 2·4,096 =
    // 20,480 B; H 2·4,096 + 4,096 + 2·2,048 = 16,384 B.
    const e = est(
      estimateOp(
        op('ttnn.sum', [dram([2, 1, 64, 1024])], [dram([1, 1, 1, 1])], { keep_dim: KEEP, dim_arg: ints(0, 2, 3) }),
        whContext({ ttMetalDate: '2026-06-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 26_624);
    assert.match(e.factoryReason, /reduce HW: ReduceMultiCoreWProgramFactory 20480 B/);
  });
});

describe('estimate/reduction: Float32 scalers from change point reduce-scaler-f32-input', () => {
  // tt-metal PR #41637 (7fb82fd, merged 2026-04-24 08:59 UTC): the W, H and single-core HW factories make c_2 Float32
  // for a Float32 input; every earlier commit from ba4ef4f hardcodes Float16_b. Tile bytes: bf16 2,048, f32 4,096.
  const f32Reduce = (name: string, dims: number[], outShape: number[], date: string, inShape = [1, 1, 64, 1024]) =>
    est(
      estimateOp(
        op(name, [dram(inShape, 'f32')], [dram(outShape, 'f32')], { keep_dim: KEEP, dim_arg: ints(...dims) }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('an f32 W reduce: two bf16 scaler tiles, then one bf16 tile, then one Float32 tile', () => {
    // sum over W of 1x1x64x1024 f32: c_0 2·4,096 + c_3 2·4,096 = 16,384 B plus c_2: 2·2,048 (to 2026-04-13) → 20,480 B;
    // 2,048 (04-14..04-23) → 18,432 B; 4,096 (from 04-24) → 20,480 B. Every side read: exact.
    const w = (date: string) => f32Reduce('ttnn.sum', [3], [1, 1, 64, 1], date);
    assert.deepEqual(
      ['2026-04-13', '2026-04-14', '2026-04-24'].map((d) => [w(d).cbBytesPerCore, w(d).confidence]),
      [
        [20_480, 'exact'],
        [18_432, 'exact'],
        [20_480, 'exact'],
      ],
    );
    assert.deepEqual(
      w('2026-04-24').cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes]),
      [
        ['c_0', 2, 4_096],
        ['c_2', 1, 4_096],
        ['c_3', 2, 4_096],
      ],
    );
  });

  it('an f32 H reduce: a bf16 scaler tile before it, a Float32 one from it, exact on both sides', () => {
    // mean over dim 2 of 1x1x3136x256 f32: 2·4,096 + 2,048 + 2·4,096 = 18,432 B before; 2·4,096 + 4,096 + 2·4,096 =
    // 20,480 B from it.
    const h = (date: string) => f32Reduce('ttnn.mean', [2], [1, 1, 1, 256], date, [1, 1, 3136, 256]);
    assert.deepEqual([h('2026-04-23').cbBytesPerCore, h('2026-04-23').confidence], [18_432, 'exact']);
    assert.deepEqual([h('2026-04-24').cbBytesPerCore, h('2026-04-24').confidence], [20_480, 'exact']);
  });

  it('a one-tile f32 max on the single-core HW factory: 2 bf16, 1 bf16, then 1 Float32 scaler tile', () => {
    // max over dims 2, 3 of 1x1x32x32 f32 (one tile; an f32 max leaves the FPU only from change point
    // reduce-max-f32-sfpu, ≈2026-08-17): c_0 2·4,096 + c_3 2·4,096 = 16,384 B plus c_2 2·2,048 → 20,480 B (04-13);
    // 2,048 → 18,432 B (04-14); 4,096 → 20,480 B (04-24).
    const hw = (date: string) => f32Reduce('ttnn.max', [2, 3], [1, 1, 1, 1], date, [1, 1, 32, 32]);
    assert.equal(hw('2026-04-13').factory, 'ReduceSingleCoreHwProgramFactory');
    assert.deepEqual(
      ['2026-04-13', '2026-04-14', '2026-04-24'].map((d) => hw(d).cbBytesPerCore),
      [20_480, 18_432, 20_480],
    );
    assert.equal(hw('2026-04-24').confidence, 'exact');
  });
});

/**
 * transpose.cpp's BFLOAT8_B typecasts around a reduction's HC transpose for a sharded input: before tt-metal PR #42155
 * (change point reduce-transpose-bfp8-sharded-typecast, 2026-05-08; index ids 4817610124, 3300451315, 266949320) a
 * sharded bfp8 tensor went to the transpose as it was; from it (index ids 53838080203, 54569650189) it is typecast to
 * bf16 and back like an interleaved one.
 */
describe('estimate/reduction: a sharded bfp8 input to a transposed reduction', () => {
  // max over dim 1 of 1x8x64x64 bfp8 height-sharded on 2 cores (1x8x64x64 = 512 rows → 256-row shards of 2 tiles),
  // result DRAM interleaved: transpose dim 1 to H (from the sharded input), the H reduce, transpose back (from the
  // interleaved reduced tensor, always between typecasts).
  const max = (date: string) =>
    est(
      estimateOp(
        op(
          'ttnn.max',
          [tensor([1, 8, 64, 64], { dtype: 'bfp_bf8', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] })],
          [tensor([1, 1, 64, 64], { dtype: 'bfp_bf8' })],
          { keep_dim: KEEP, dim_arg: ints(1) },
        ),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('before PR #42155 (2026-04-01): the first transpose takes the sharded bfp8 tensor directly: unmodeled', () => {
    // The sharded HC transpose of a BFLOAT8_B tensor (no typecast) is not modeled by ops/permute.ts, so the reduction
    // says so rather than giving a figure.
    const r = estimateOp(
      op(
        'ttnn.max',
        [tensor([1, 8, 64, 64], { dtype: 'bfp_bf8', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] })],
        [tensor([1, 1, 64, 64], { dtype: 'bfp_bf8' })],
        { keep_dim: KEEP, dim_arg: ints(1) },
      ),
      whContext({ ttMetalDate: '2026-04-01' }),
    );
    assert.equal(r.kind, 'unmodeled');
    assert.match(JSON.stringify(r), /transpose dim 1 to H: dtype bfp_bf8/);
  });

  it('from PR #42155 (2026-05-08): the sharded input is typecast to bf16 first, 7 programs', () => {
    // The typecast of the sharded input keeps its shards, but bfp8 (1,088 B tiles) to bf16 (2,048 B) fails
    // can_use_sharded_optimized_factory's equal tile sizes (typecast_device_op.cpp@4d50a84): TypecastProgramFactory,
    // c_0 2·1,088 + c_2 2·2,048 = 6,272 B; then the bf16 HC transpose and the typecast back to bfp8: 3 + 1 + 3 = 7
    // programs. The H reduce of the bfp8 1x64x(8→32)x64 is still the largest: c_0 2·1,088 + c_2 2,048 + c_3 2·1,088 =
    // 6,400 B.
    const e = max('2026-05-10');
    assert.match(e.factoryReason, /7 programs run in turn/);
    assert.match(e.factoryReason, /typecast to bf16 \(dim 1 to H\): TypecastProgramFactory/);
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(e.cbBytesPerCore, 6_400);
  });
});

describe('estimate/reduction: a row-major input', () => {
  // reduce_op.cpp (index ids 96151051, 51830110482): tilize_with_val_padding into the input's memory config, then the
  // tile reduce. (100, 256, 1, 2) bf16 row-major in L1, over the last dim: 25,600 tiles over 64 banks = 400 · 2,048 =
  // 819,200 B per core of tilized input, live during the reduce.
  const rmIn = tensor([100, 256, 1, 2], { page: 'row_major', buffer: 'l1' });
  const rmOut = tensor([100, 256, 1, 1], { page: 'row_major', buffer: 'l1' });
  const reduce = (name: string, date: string) =>
    estimateOp(op(name, [rmIn], [rmOut], { keep_dim: KEEP, dim_arg: ints(3) }), whContext({ ttMetalDate: date }));

  it('max: the tilized copy is an L1 intermediate of 819,200 B per core, before and after PR #44249', () => {
    for (const date of ['2025-11-17', '2026-06-15']) {
      const e = est(reduce('ttnn.max', date));
      assert.equal(e.l1IntermediateBytesPerCore, 819_200, date);
    }
  });

  it("sum from PR #44249 (merged 2026-06-03 as 82f9895): the W factory's RM branch, no tilized copy; before it the tilize path", () => {
    // reduce_op_multi_core_w_program_factory.cpp@82f9895 (rm_path) and common.cpp@82f9895 (make_rm_plan): NC·H =
    // 100·256·1 = 25,600 rows over 64 cores = 400 per core; Wt = ceil(2/32) = 1 → wt chunk 1, ht chunk 1; one c_24 page
    // = one row of 1·32 · 2 B = 64 B. c_24 2·32 pages = 4,096; c_4 2,048; c_5 1 tile 2,048; c_0 max(2, 1) = 2 tiles
    // 4,096; c_2 one bf16 tile 2,048; c_3 2 tiles 4,096 → 18,432 B.
    for (const date of ['2026-05-01', '2026-06-02']) {
      assert.equal(est(reduce('ttnn.sum', date)).l1IntermediateBytesPerCore, 819_200, date);
    }
    const e = est(reduce('ttnn.sum', '2026-06-03'));
    assert.equal(e.factory, 'ReduceMultiCoreWProgramFactory');
    assert.match(e.factoryReason, /dense row-major W reduce/);
    assert.equal(e.cbBytesPerCore, 18_432);
    assert.equal(e.nCoresUsed, 64);
    assert.ok(!e.l1IntermediateBytesPerCore, 'the dense path reads the row-major input directly');
    assert.equal(e.confidence, 'exact', 'main merged one W form');
  });

  it('PR #46122 (≈2026-06-05) gates the dense path off until PR #50393 (≈2026-07-31): the tilize path again', () => {
    // reduce_op.cpp (index id 54551941191): rm_base_eligible requires use_row_major_support, false by default, so the
    // sum tilizes into the input's L1 again (819,200 B per core, as before PR #44249); index id 57968691308 (after PR
    // #50393) has no gate: the dense W program (18,432 B, the arithmetic above) again.
    const gated = est(reduce('ttnn.sum', '2026-06-15'));
    assert.equal(gated.l1IntermediateBytesPerCore, 819_200);
    assert.doesNotMatch(gated.factoryReason, /dense row-major/);
    assert.ok(gated.citations.some((c) => /PR #46122/.test(c)));
    const back = est(reduce('ttnn.sum', '2026-08-01'));
    assert.match(back.factoryReason, /dense row-major W reduce/);
    assert.equal(back.cbBytesPerCore, 18_432);
  });

  it('dense row-major W over a wide f32 row: 8-tile-wide rows and a Float32 scaler', () => {
    // 1x1x64x300 f32 in DRAM, sum over W (82f9895): 64 rows over 64 cores = 1 per core; Wt = ceil(300/32) = 10 → wt
    // chunk 8; one c_24 page = 8·32 · 4 B = 1,024. c_24 2·32·1,024 = 65,536; c_4 4,096; c_5 1 tile 4,096; c_0 max(2, 8)
    // = 8 f32 tiles = 32,768; c_2 one Float32 tile 4,096; c_3 2 tiles = 8,192 → 118,784 B.
    const rm = (shape: number[]) => tensor(shape, { dtype: 'f32', page: 'row_major' });
    const e = est(
      estimateOp(
        op('ttnn.sum', [rm([1, 1, 64, 300])], [rm([1, 1, 64, 1])], { keep_dim: KEEP, dim_arg: ints(3) }),
        whContext({ ttMetalDate: '2026-06-03' }),
      ),
    );
    assert.equal(e.factory, 'ReduceMultiCoreWProgramFactory');
    assert.equal(e.cbBytesPerCore, 118_784);
    assert.equal(e.nCoresUsed, 64);
  });

  it('dense row-major H: mean over dim 2 of 2x3x300x96 bf16 (interleaved DRAM)', () => {
    // reduce_op_multi_core_h_program_factory.cpp@82f9895 (rm_path), make_rm_plan: Wt = 96/32 = 3; NC·Wt = 6·3 = 18 tile
    // columns → 18 cores; wt chunk 1, Ht = ceil(300/32) = 10 → ht chunk 8; one c_24 page = one row of 32 · 2 B. c_24
    // 2·32·64 = 4,096; c_4 2,048; c_5 1 tile 2,048; c_0 max(2, 8) = 8 tiles = 16,384; c_2 2,048; c_3 2 tiles 4,096 →
    // 30,720 B. Before PR #44249 and while PR #46122 gates it off: tilize, the tile H reduce, untilize.
    const rm = (shape: number[]) => tensor(shape, { page: 'row_major' });
    const mean = (date: string) =>
      estimateOp(
        op('ttnn.mean', [rm([2, 3, 300, 96])], [rm([2, 3, 1, 96])], { keep_dim: KEEP, dim_arg: ints(2) }),
        whContext({ ttMetalDate: date }),
      );
    const e = est(mean('2026-06-03'));
    assert.equal(e.factory, 'ReduceMultiCoreHProgramFactory');
    assert.match(e.factoryReason, /dense row-major H reduce/);
    assert.equal(e.cbBytesPerCore, 30_720);
    assert.equal(e.nCoresUsed, 18);
    assert.equal(e.confidence, 'exact');
    for (const date of ['2026-05-01', '2026-06-02', '2026-06-15']) {
      assert.doesNotMatch(est(mean(date)).factoryReason, /dense row-major/, date);
    }
    // From change point reduce-row-major-h-split: no split (NC·Wt = 18 < 64 but Ht = 10 < 16), the same RM branch (index
    // ids 54542839682, 57977134085 agree with 82f9895): 30,720 B on the same 18 columns.
    const after = est(mean('2026-08-01'));
    assert.equal(after.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(after.cbBytesPerCore, 30_720);
    assert.equal(after.nCoresUsed, 18);
    assertExactUpToNewestRead(after, { earliest: '2026-08-01', latest: '2026-08-01' });
  });

  const rmDram = (shape: number[], dtype: 'bf16' | 'f32' = 'bf16', buffer: 'dram' | 'l1' = 'dram') =>
    tensor(shape, { dtype, page: 'row_major', ...(buffer === 'l1' && { buffer: 'l1' as const }) });
  const meanH = (shape: number[], date: string, dtype: 'bf16' | 'f32' = 'bf16', out: 'dram' | 'l1' = 'dram') =>
    estimateOp(
      op('ttnn.mean', [rmDram(shape, dtype)], [rmDram([shape[0]!, shape[1]!, 1, shape[3]!], dtype, out)], {
        keep_dim: KEEP,
        dim_arg: ints(2),
      }),
      whContext({ ttMetalDate: date }),
    );

  it("from PR #50393 (2026-08-01) tt-xla #1433's pool_sum shape splits H into 32 slices: two programs, stage 1 the larger", () => {
    // reduce_op.cpp (index id 57968691308): 1x1x50176x48 bf16 row-major DRAM, mean over dim 2. NC·Wt = 1·2 = 2 tile
    // columns < 64 cores; Ht = 50,176/32 = 1,568 ≥ 16 → S = min(64/2 = 32, 1,568) = 32.
    // Stage 1 (H sum into Float32 (1, 1, 32, 48) partials, NC·S·Wt = 64 columns, ht chunk 8): c_24 64·64 = 4,096; c_4
    // 2,048; c_5 1·4,096; c_0 8·2,048 = 16,384; c_2 2,048; c_3 2·4,096 = 8,192 → 36,864 B on 64 cores.
    // Stage 2 (the 32 Float32 rows, Ht 1 → ht chunk 1, 2 columns): c_24 64·128 = 8,192; c_4 4,096; c_5 2,048; c_0
    // 2·4,096 = 8,192; c_2 Float32 4,096; c_3 2·2,048 = 4,096 → 30,720 B on 2 cores.
    const e = est(meanH([1, 1, 50176, 48], '2026-08-01'));
    assert.equal(e.cbBytesPerCore, 36_864);
    assert.equal(e.nCoresUsed, 64);
    assert.match(e.factoryReason, /32 slices/);
    assert.match(e.factoryReason, /30720 B/);
    assertExactUpToNewestRead(e, { earliest: '2026-08-01', latest: '2026-08-01' });
    assert.ok(!e.l1IntermediateBytesPerCore, 'the partials follow the DRAM result');
    // Before the split (2026-06-03, 82f9895): one dense H program over the 2 tile columns, ht chunk 8: c_24 4,096; c_4
    // 2,048; c_5 2,048; c_0 16,384; c_2 2,048; c_3 4,096 → 30,720 B on 2 cores.
    const before = est(meanH([1, 1, 50176, 48], '2026-06-03'));
    assert.equal(before.factory, 'ReduceMultiCoreHProgramFactory');
    assert.doesNotMatch(before.factoryReason, /slices/);
    assert.equal(before.cbBytesPerCore, 30_720);
    assert.equal(before.nCoresUsed, 2);
  });

  it('the split with an L1 result: the Float32 partials are an L1 tensor while stage 1 writes them', () => {
    // The (1, 1, 32, 48) Float32 row-major partials in the result's memory config (L1 interleaved): 32 pages of 48·4 =
    // 192 B over 64 banks → one page, 192 B, on the fullest bank.
    const e = est(meanH([1, 1, 50176, 48], '2026-08-01', 'bf16', 'l1'));
    const partials = (e.l1Intermediates ?? []).find((x) => /result of H sum of the slices/.test(x.role));
    assert.equal(partials?.bytesPerCore, 192);
  });

  it('a tall H reduce that already fills the grid is not split: 1x1x1024x2048 bf16, one dense H program', () => {
    // Wt = 2,048/32 = 64 = NC·Wt, not below the 64 cores, so S = 1 though Ht = 32 ≥ 16. The RM branch (wt chunk 1, ht
    // chunk 8) before and after PR #50393: c_24 4,096; c_4 2,048; c_5 2,048; c_0 8 tiles 16,384; c_2 2,048; c_3 4,096 →
    // 30,720 B on 64 cores.
    const before = est(meanH([1, 1, 1024, 2048], '2026-06-03'));
    assert.equal(before.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(before.cbBytesPerCore, 30_720);
    assert.equal(before.nCoresUsed, 64);
    const after = est(meanH([1, 1, 1024, 2048], '2026-08-01'));
    assert.equal(after.factory, 'ReduceMultiCoreHProgramFactory');
    assert.equal(after.cbBytesPerCore, 30_720);
    assert.equal(after.nCoresUsed, 64);
  });

  it('an f32 dense H reduce: 4-byte rows and Float32 tiles, before and after PR #50393', () => {
    // 2x3x300x96 f32, no split (Ht = 10). The RM branch at 82f9895 (2026-06-03) and from PR #50393 (2026-08-01;
    // use_sfpu_reduce changes only c_0's unpack mode): c_24 64 · 32·4 = 8,192; c_4 4,096; c_5 4,096; c_0 8 tiles
    // 32,768; c_2 4,096; c_3 2 tiles 8,192 → 61,440 B.
    const before = est(meanH([2, 3, 300, 96], '2026-06-03', 'f32'));
    assert.equal(before.cbBytesPerCore, 61_440);
    assert.equal(before.confidence, 'exact');
    const after = est(meanH([2, 3, 300, 96], '2026-08-01', 'f32'));
    assert.equal(after.cbBytesPerCore, 61_440);
    assertExactUpToNewestRead(after, { earliest: '2026-08-01', latest: '2026-08-01' });
  });

  describe('min tilizes into the output memory config (reduce_min, index ids 51830110482 .. 57968691308)', () => {
    // (100, 256, 1, 2) bf16: 25,600 tiles over 64 banks = 400 · 2,048 = 819,200 B per core when the tilized copy is in
    // L1, nothing when it is in DRAM. max keeps the input's config.
    const rmL1 = tensor([100, 256, 1, 2], { page: 'row_major', buffer: 'l1' });
    const rmDramIn = tensor([100, 256, 1, 2], { page: 'row_major' });
    const outL1 = tensor([100, 256, 1, 1], { page: 'row_major', buffer: 'l1' });
    const outDram = tensor([100, 256, 1, 1], { page: 'row_major' });
    const run = (name: string, input: typeof rmL1, output: typeof rmL1, date: string) =>
      est(
        estimateOp(op(name, [input], [output], { keep_dim: KEEP, dim_arg: ints(3) }), whContext({ ttMetalDate: date })),
      );

    it('L1 input, DRAM result: the tilized copy of min is in DRAM (no L1 intermediate); max keeps it in L1', () => {
      for (const date of ['2025-11-17', '2026-02-01', '2026-06-15']) {
        assert.ok(!run('ttnn.min', rmL1, outDram, date).l1IntermediateBytesPerCore, date);
        assert.equal(run('ttnn.max', rmL1, outDram, date).l1IntermediateBytesPerCore, 819_200, date);
      }
    });

    it('DRAM input, L1 result: the tilized copy of min is an L1 tensor of 819,200 B per core; max has none', () => {
      for (const date of ['2026-02-01', '2026-06-15']) {
        const e = run('ttnn.min', rmDramIn, outL1, date);
        // The copy is in L1 only because min tilizes into the L1 result's config (the input is in DRAM).
        const tilized = (e.l1Intermediates ?? []).find((x) => /tilize input/.test(x.role));
        assert.equal(tilized?.bytesPerCore, 819_200, date);
        assert.equal(
          (run('ttnn.max', rmDramIn, outL1, date).l1Intermediates ?? []).find((x) => /tilize input/.test(x.role))
            ?.bytesPerCore,
          0,
          date,
        );
      }
    });
  });
});

describe('estimate/reduction: fill_implicit_tile_padding before the reduce (change point reduce-fill-implicit-tile-padding)', () => {
  // The r18_loc corpus op: ttnn.sum over dims 2 and 3 of 1x512x7x7 f32. 7 is no tile multiple, so from tt-metal PR
  // #16925 (b6957c4, 2025-01-22) reduce() runs fill_implicit_tile_padding (a fill_pad program) first.
  const r18Sum = () =>
    op('ttnn.sum', [dram([1, 512, 7, 7], 'f32')], [dram([1, 512, 1, 1], 'f32')], {
      keep_dim: KEEP,
      dim_arg: ints(2, 3),
    });
  const FILL = /fill_implicit_tile_padding/;

  it('a padded input from PR #16925: fill_pad then the reduce, the reduce larger before PR #42673; approx (fill_pad has no read span)', () => {
    // HW over 512 tiles = W reduce then H reduce. W: NC·Ht = 512·1 tile rows; c_0 2 f32 tiles = 2·4,096 = 8,192 B,
    // c_2 2 bf16 scaler tiles (before PR #41838) = 2·2,048 = 4,096 B, c_3 2 f32 tiles = 8,192 B: 20,480 B.
    // fill_pad before PR #42673: c_0 = 2 pages of 4·16 + 2 = 66 B = 132 B, under the reduce's.
    const e = est(estimateOp(r18Sum(), whContext({ ttMetalDate: '2025-11-27' })));
    assert.equal(e.cbBytesPerCore, 20_480);
    assert.equal(e.confidence, 'approx');
    assert.match(e.factoryReason, /fill_pad input: FillPadProgramFactory 132 B/);
    assert.match(e.approxReason, /fill_pad/);
    assert.ok(e.citations.some((c) => c.includes('b6957c4')));
  });

  it('from PR #42673 (2026-05-20) the fill_pad program outweighs the reduce: 24,576 B', () => {
    // 7x7 pads right and below: c_0 2·4,096 + c_1 4,096 (right mask) + c_2 4,096 (bottom mask) + c_16 2·4,096, f32
    // tiles of 4,096 B: 24,576 B, over the reduce's 20,480 B.
    const e = est(estimateOp(r18Sum(), whContext({ ttMetalDate: '2026-06-01' })));
    assert.equal(e.factory, 'FillPadProgramFactory');
    assert.equal(e.cbBytesPerCore, 24_576);
    assert.equal(e.confidence, 'approx');
  });

  it('the same op before PR #16925 (a 2025-01-15 build) has no fill_pad program to size', () => {
    const e = est(estimateOp(r18Sum(), whContext({ ttMetalDate: '2025-01-15' })));
    assert.doesNotMatch(e.approxReason, FILL);
  });

  it('a window across 2025-01-22 is approx: its builds from PR #16925 run fill_pad', () => {
    const e = est(estimateOp(r18Sum(), whContext({ window: { earliest: '2025-01-10', latest: '2025-02-10' } })));
    assert.equal(e.confidence, 'approx');
  });

  it('a tile-aligned input runs no fill_pad: the vovnet H mean stays exact (10,240 B)', () => {
    // 1x1x3136x256: 3136 = 98·32 and 256 = 8·32. NC·Wt = 8 columns; 2·2,048 + 1·2,048 + 2·2,048 = 10,240 B.
    const e = est(
      estimateOp(
        op('ttnn.mean', [dram([1, 1, 3136, 256])], [dram([1, 1, 1, 256])], { keep_dim: KEEP, dim_arg: ints(2) }),
        whContext({ ttMetalDate: '2026-04-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 10_240);
    assert.equal(e.confidence, 'exact');
  });
});
