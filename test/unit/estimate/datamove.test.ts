/**
 * Data movement, search, accumulation, creation, copy and quantization estimators, and the legality checks: figures
 * derived by hand from the tt-metal factories cited in each estimator (arithmetic in the comments), on WH n150
 * (8x8 grid, 32 B DRAM / 16 B L1 alignment, base 102,656).
 */

import { strict as assert } from 'assert';
import { ESTIMATORS, estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import { NO_PROGRAM_OPS } from '../../../server/src/estimate/ops/noProgram';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { DataType } from '../../../server/src/ttnn/dtype';
import { DEVICE_VALUE, int, ints, op, tensor, whContext } from './build';
import { presetDevice } from '../../../server/src/ttnn/device';
import { pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import { assertCoreGroups } from '../../support/coreGroups';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r;
}

const dram = (shape: number[], dtype: DataType = 'bf16') => tensor(shape, { dtype });
const l1 = (shape: number[], dtype: DataType = 'bf16') => tensor(shape, { buffer: 'l1', dtype });
const rm = (shape: number[], dtype: DataType = 'bf16') => tensor(shape, { page: 'row_major', dtype });
const bool = (value: boolean) => ({ kind: 'bool' as const, value });

describe('estimate/datamove: tiled permute (permute_tiled_program_factory.cpp@fb9f208 … @ef1afdb)', () => {
  it('TiledGeneric: both tiled dims move; three double-buffered block CBs plus the face-row padding CB', () => {
    // 1x64x56x56 bf16 DRAM, perm (0,2,3,1): output last dim = C (input dim 1) → generic. page = 2,048 +
    // max(0, 32 − 16·2) = 2,048. c_0..c_2 = 3 · 2 · 2,048 = 12,288; output H = 56 (not a multiple of 32) → c_3 = 16·2
    // = 32 B placed at base + 12,288 (32-aligned) → 12,320 B per core.
    const e = est(
      estimateOp(
        op('ttnn.permute', [dram([1, 64, 56, 56])], [dram([1, 56, 56, 64])], { permutation: ints(0, 2, 3, 1) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'PermuteDeviceOperation::MultiCoreTiledGeneric');
    assert.equal(e.cbBytesPerCore, 12_320);
    assert.equal(e.confidence, 'exact');
  });

  it('confidence: exact over a window read throughout, approx across PR #17048 or into the unread Metal 2.0 port', () => {
    // The same 12,320 B (above) in every sub-window: the CB lines of the three tiled factories are the same at every
    // commit from fb9f208 (PR #17048, 2025-01-23) to ef1afdb (2026-06-10). Before fb9f208 (PRs #16468 / #16671) they
    // were not compared; from change point permute-dataflow-buffers (PR #51095, ≈2026-07-24) the port is not read.
    const generic = op('ttnn.permute', [dram([1, 64, 56, 56])], [dram([1, 56, 56, 64])], {
      permutation: ints(0, 2, 3, 1),
    });
    const at = (earliest: string, latest: string) =>
      est(estimateOp(generic, whContext({ window: { earliest, latest } })));
    const read = at('2025-09-17', '2026-01-18');
    assert.equal(read.confidence, 'exact');
    assert.equal(read.cbBytesPerCore, 12_320);
    const straddlingPr17048 = at('2025-01-01', '2025-06-16');
    assert.equal(straddlingPr17048.confidence, 'approx');
    assert.match(straddlingPr17048.approxReason ?? '', /PR #17048/);
    const intoPort = at('2026-07-10', '2026-11-30');
    assert.equal(intoPort.confidence, 'approx');
    assert.match(intoPort.approxReason ?? '', /Metal 2\.0 port/);
  });

  it("TileRowInvariant (0,3,1,2): the output's last dim is the input's H (swapped tiles), exact", () => {
    // 1x32x64x96 bf16 DRAM, perm (0,3,1,2): output [1, 96, 32, 64]; the output's last dim is the input's H (dims[3] =
    // 2 = rank − 2): TileRowInvariant with swap_hw → c_0 2 tiles + c_16 2 tiles = 8,192 B; output H = input dim 1 = 32,
    // a multiple of 32 → no padding CB. Work: 1·32·2·3 = 192 input tiles over 64 cores.
    const e = est(
      estimateOp(
        op('ttnn.permute', [dram([1, 32, 64, 96])], [dram([1, 96, 32, 64])], { permutation: ints(0, 3, 1, 2) }),
        whContext({ ttMetalDate: '2026-04-01' }),
      ),
    );
    assert.equal(e.factory, 'PermuteDeviceOperation::MultiCoreTileRowInvariant');
    assert.equal(e.cbBytesPerCore, 8_192);
    assert.equal(e.confidence, 'exact');
  });

  it('TiledGeneric on f32: no read misalignment (face row 64 B ≥ 32 B alignment)', () => {
    // f32: page = 4,096 + max(0, 32 − 16·4) = 4,096; 3 · 2 · 4,096 = 24,576; output H = 64 → no padding CB.
    const e = est(
      estimateOp(
        op('ttnn.permute', [dram([2, 64, 64, 32], 'f32')], [dram([2, 64, 32, 64], 'f32')], {
          permutation: ints(0, 2, 3, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 24_576);
  });

  it('TileInvariant: batch dims permuted, the last two kept: one double-buffered tile CB', () => {
    // 2x3x4x64x64 bf16, perm (1,0,2,3,4) (rank 5: prim::permute, not a transpose): c_0 = 2 · 2,048 = 4,096 B.
    const e = est(
      estimateOp(
        op('ttnn.permute', [dram([2, 3, 4, 64, 64])], [dram([3, 2, 4, 64, 64])], { permutation: ints(1, 0, 2, 3, 4) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'PermuteDeviceOperation::MultiCoreTileInvariant');
    assert.equal(e.cbBytesPerCore, 4_096);
    assert.equal(e.confidence, 'exact');
  });

  it('a 4-D (1,0,2,3) permute runs as a CN transpose (permute.cpp permute_impl at fb9f208 … 622c6fb)', () => {
    const e = est(
      estimateOp(
        op('ttnn.permute', [dram([2, 3, 64, 64])], [dram([3, 2, 64, 64])], { permutation: ints(1, 0, 2, 3) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'TransposeCNProgramFactory');
    assert.equal(e.confidence, 'approx');
  });

  it('a rank-3 (1,0,2) permute is the 4-D (0,2,1,3): an HC transpose', () => {
    // ExecutePermute::invoke unsqueezes to 4-D and shifts the order by one (adjust_order): (0,2,1,3) → transpose_hc.
    const e = est(
      estimateOp(
        op('ttnn.permute', [dram([3, 64, 64])], [dram([64, 3, 64])], { permutation: ints(1, 0, 2) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'TransposeHCTiledInterleavedProgramFactory');
  });

  it('TileRowInvariant: W stays last, H moves; the padding face row when the new H is not tile-aligned', () => {
    // 1x2x3x56x64 bf16, perm (0,1,3,2,4) (rank 5: not the 4-D (0,2,1,3) that ttnn::permute runs as an HC
    // transpose): output H = input dim 2 = 3 → c_1 = 16 · 2 = 32 B after c_0 = 4,096 → 4,128 B.
    const e = est(
      estimateOp(
        op('ttnn.permute', [dram([1, 2, 3, 56, 64])], [dram([1, 2, 56, 3, 64])], { permutation: ints(0, 1, 3, 2, 4) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'PermuteDeviceOperation::MultiCoreTileRowInvariant');
    assert.equal(e.cbBytesPerCore, 4_128);
  });

  it('sharded tiled permute is refused by tt-metal: no number', () => {
    const hs = tensor([1, 64, 64, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    assert.equal(
      estimateOp(op('ttnn.permute', [hs], [dram([1, 64, 64, 64])], { permutation: ints(0, 2, 3, 1) }), whContext())
        .kind,
      'unmodeled',
    );
  });
});

describe('estimate/datamove: to_memory_config in every direction', () => {
  const shape = [1, 8, 64, 128];
  const hs = (dtype: DataType = 'bf16') => tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [8, 1], dtype });

  it('sharded → interleaved with a dtype change adds an output CB of one shard', () => {
    // 16 tile rows x 4 tile cols over an 8x1 grid: shard = 2 x 4 = 8 tiles. bf16 → f32: c_16 = 8 · 4,096 = 32,768 B.
    const e = est(estimateOp(op('ttnn.to_memory_config', [hs()], [dram(shape, 'f32')]), whContext()));
    assert.equal(e.factory, 'ShardedToInterleavedProgramFactory');
    assert.equal(e.cbBytesPerCore, 32_768);
  });

  it('reshard: the CB is the output shard itself (0 B of CB region)', () => {
    // whContext's build (2025-11-27) is before read span reshard-tiled-generic (5aa764d, 2025-12-05): factory not named.
    const block = tensor(shape, { buffer: 'l1', mem: 'block_sharded', grid: [2, 2] });
    const e = est(estimateOp(op('ttnn.to_memory_config', [hs()], [block]), whContext()));
    assert.equal(e.factory, 'ReshardDeviceOperation');
    assert.equal(e.cbBytesPerCore, 0);
    assert.equal(e.confidence, 'approx');
  });

  it('a tiled reshard into L1, not height → height, runs the generic factory: c_16 bound to the output shard, exact', () => {
    // to_memory_config_op.cpp@7cdaf9d: tiled, no dtype → can_use_reshard (valid; its CB checks are for height → height
    // and DRAM → DRAM) → ttnn::reshard. is_valid_for_legacy_reshard: height → block, an L1 output → legacy; not
    // height → height, not row-major width → width → ReshardGenericFactory: one CB c_16 of the output shard (2x2 grid:
    // 8 tile rows x 2 tile cols = 16 tiles), set_globally_allocated_address on the output: 0 B of CB region.
    const block = tensor(shape, { buffer: 'l1', mem: 'block_sharded', grid: [2, 2] });
    const e = est(estimateOp(op('ttnn.to_memory_config', [hs()], [block]), whContext({ ttMetalDate: '2026-04-15' })));
    assert.equal(e.factory, 'ReshardGenericFactory');
    assert.equal(e.cbBytesPerCore, 0);
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes, c.tensorBacked]),
      [['c_16', 16, 2_048, true]],
    );
    assert.equal(e.confidence, 'exact');
  });

  it('a tiled height → height reshard runs the same-width factory: c_0 bound to the local shard, no scratch, exact', () => {
    // reshard_device_operation.cpp (5aa764d … 4b30829): height → height with an L1 side → ReshardSameWidthFactory,
    // local = the output (L1): c_0 of its shard, 16 tile rows x 4 cols over a 4x1 grid = 4 x 4 = 16 tiles, bound to the
    // buffer; c_1 only when align(2,048, 16) or align(2,048, 32) ≠ 2,048: never. 0 B of CB region.
    const hh = tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [4, 1] });
    const same = est(estimateOp(op('ttnn.to_memory_config', [hs()], [hh]), whContext({ ttMetalDate: '2026-04-15' })));
    assert.equal(same.factory, 'ReshardSameWidthFactory');
    assert.equal(same.cbBytesPerCore, 0);
    assert.deepEqual(
      same.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes, c.tensorBacked]),
      [['c_0', 16, 2_048, true]],
    );
    assert.equal(same.confidence, 'exact');
    // Into DRAM the local shard is the L1 input's (8x1 grid: 2 x 4 = 8 tiles): still no CB-region bytes; the model
    // before this counted the DRAM output shard as an unbound CB.
    const hhDram = tensor(shape, { buffer: 'dram', mem: 'height_sharded', grid: [4, 1] });
    const toDram = est(
      estimateOp(op('ttnn.to_memory_config', [hs()], [hhDram]), whContext({ ttMetalDate: '2026-04-15' })),
    );
    assert.equal(toDram.factory, 'ReshardSameWidthFactory');
    assert.equal(toDram.cbBytesPerCore, 0);
    assert.deepEqual(
      toDram.cbs.map((c) => [c.cbIndex, c.nPages, c.tensorBacked]),
      [['c_0', 8, true]],
    );
    // A window wholly past 622c6fb: the factory as read at it (the same 8 bound tiles, 0 B), approx for the unread
    // builds alone; before session 32 it fell back to one CB of the DRAM output shard (4x1 grid: 4 x 4 = 16 tiles ·
    // 2,048 = 32,768 B, unbound).
    const pastWindow = { earliest: '2026-07-10', latest: '2026-11-30' };
    const pastDram = est(estimateOp(op('ttnn.to_memory_config', [hs()], [hhDram]), whContext({ window: pastWindow })));
    assert.equal(pastDram.factory, 'ReshardSameWidthFactory');
    assert.equal(pastDram.cbBytesPerCore, 0);
    assert.deepEqual([pastDram.confidence, pastDram.approxReason], ['approx', pastNewestReadReason(pastWindow)]);
  });

  it('interleaved DRAM → L1 runs the copy program (2 tiles); the same placement runs nothing', () => {
    // c_0 = 2 · 2,048 = 4,096 B.
    assert.equal(
      est(estimateOp(op('ttnn.to_memory_config', [dram(shape)], [l1(shape)]), whContext())).cbBytesPerCore,
      4_096,
    );
    assert.equal(estimateOp(op('ttnn.to_memory_config', [dram(shape)], [dram(shape)]), whContext()).kind, 'noProgram');
  });
});

describe('estimate/datamove: to_memory_config CBs by build (interleaved_to_sharded / sharded_to_interleaved factories read 2025-01..2026-06)', () => {
  const at = (date: string) => whContext({ ttMetalDate: date });
  const bh = (date: string) => ({
    device: presetDevice('blackhole_p100'),
    ttMetal: { window: { earliest: date, latest: date } },
  });
  const rmL1Shard = (shape: number[], dtype: DataType = 'bf16') =>
    tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [8, 1], dtype });

  it('interleaved → L1 shard (tiles) on Blackhole: 4 × align(2,048, L1 16) before PR #33905, 4 × align(2,048 + 64, 64) after', () => {
    // interleaved_to_sharded_program_factory.cpp@c83c151 (Blackhole: scratch page = align(unit, L1 alignment 16)):
    //   4 · 2,048 = 8,192 B. @3ae3181 (2026-02-03): align(2,048 + 64, 64) = 2,112 → 4 · 2,112 = 8,448 B. The output CB
    //   is the L1 shard (tensor-backed). Both exact.
    const i2s = op(
      'ttnn.to_memory_config',
      [tensor([1, 8, 64, 128])],
      [tensor([1, 8, 64, 128], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] })],
    );
    const before = est(estimateOp(i2s, bh('2025-11-27')));
    assert.equal(before.cbBytesPerCore, 8_192);
    assert.equal(before.confidence, 'exact');
    const after = est(estimateOp(i2s, bh('2026-03-01')));
    assert.equal(after.cbBytesPerCore, 8_448);
    assert.equal(after.confidence, 'exact');
  });

  it('interleaved → L1 shard (row-major, 40 bf16 wide): the scratch over three eras', () => {
    // Unit = 40 · 2 = 80 B from DRAM (Wormhole, HAL DRAM alignment 32). Before PR #17122 (2025-02-05, @8473c4d~1):
    //   keep_l1_aligned false, 80 % 32 ≠ 0 → scratch 4 · align(80, 32) = 4 · 96 = 384 B. 2025-06-01 (@8473c4d ..
    //   @c83c151): forced scratch, 4 · 96 = 384 B. 2026-03-01 (@3ae3181): 4 · align(80 + 32, 32) = 4 · 128 = 512 B.
    //   No dtype change: no CB page follows a buffer's alignment, so every era is exact.
    const i2s = op('ttnn.to_memory_config', [rm([64, 40])], [rmL1Shard([64, 40])]);
    const oldest = est(estimateOp(i2s, at('2025-01-15')));
    assert.equal(oldest.cbBytesPerCore, 384);
    assert.equal(oldest.confidence, 'exact');
    assert.equal(est(estimateOp(i2s, at('2025-06-01'))).cbBytesPerCore, 384);
    const newest = est(estimateOp(i2s, at('2026-03-01')));
    assert.equal(newest.cbBytesPerCore, 512);
    assert.equal(newest.confidence, 'exact');
    // 48 wide: unit 96 B, a multiple of 32, so before PR #17122 there is no scratch at all (0 B); after, 4 · 96 = 384.
    const aligned = op('ttnn.to_memory_config', [rm([64, 48])], [rmL1Shard([64, 48])]);
    assert.equal(est(estimateOp(aligned, at('2025-01-15'))).cbBytesPerCore, 0);
    assert.equal(est(estimateOp(aligned, at('2025-06-01'))).cbBytesPerCore, 384);
    // A dtype change (bf16 → f32) adds c_0 = 8 rows · align(80, source alignment): 8 · 96 = 768 B from DRAM (32) at
    //   2025-06-01, + 384 B scratch = 1,152 B. interleaved_to_sharded's validation refuses a row-major dtype change
    //   ("Input tensor layout must be TILE when dtype conversion is needed", interleaved_to_sharded_op.cpp@ff33cd4;
    //   validate_inputs → copy @1ed3656): approx in every build; before PR #17122 the page also took the larger
    //   alignment.
    const convert = op('ttnn.to_memory_config', [rm([64, 40])], [rmL1Shard([64, 40], 'f32')]);
    const mid = est(estimateOp(convert, at('2025-06-01')));
    assert.equal(mid.cbBytesPerCore, 1_152);
    assert.equal(mid.confidence, 'approx');
    assert.match(mid.approxReason ?? '', /validation rejects it: a dtype change needs a TILE tensor/);
    const early = est(estimateOp(convert, at('2025-01-15')));
    assert.equal(early.confidence, 'approx');
    assert.match(early.approxReason ?? '', /PR #17122/);
  });

  it('interleaved → sharded whose CBs reach l1_size − base: the I2S program before PR #41413, ttnn::copy from it', () => {
    // 1x1x1024x1024 bf16 → f32 on one core's shard (1,024 tiles): dtype change → c_0 = 1,024 · 2,048 = 2,097,152 B +
    //   scratch 4 · 2,080 = 8,320 → 2,105,472 B ≥ 1,499,136 − 102,656 = 1,396,480 (to_memory_config_op.cpp@1ed3656,
    //   can_use_interleaved_to_sharded). Before 2026-04-13 to_memory_config_op.hpp ran interleaved_to_sharded anyway.
    const out = tensor([1, 1, 1024, 1024], { buffer: 'l1', mem: 'height_sharded', grid: [1, 1], dtype: 'f32' });
    const big = op('ttnn.to_memory_config', [tensor([1, 1, 1024, 1024])], [out]);
    const before = est(estimateOp(big, at('2026-04-01')));
    assert.equal(before.factory, 'InterleavedToShardedProgramFactory');
    assert.equal(before.cbBytesPerCore, 2_105_472);
    const after = est(estimateOp(big, at('2026-04-20')));
    assert.notEqual(after.factory, 'InterleavedToShardedProgramFactory');
    assert.match(after.factoryReason, /reroutes to copy/);
  });

  it('sharded (row-major) → interleaved with a dtype change: c_16 pages aligned to the output buffer, refused by the validation; tiles exact in every build', () => {
    // 64x36 bf16 height-sharded over 8 cores → 8 rows per shard; f32 output unit = 36 · 4 = 144 B
    //   (sharded_to_interleaved_program_factory.cpp@e258476 .. @622c6fb: align(output unit, output buffer alignment)):
    //   to DRAM (32) 8 · 160 = 1,280 B; to L1 (16) 8 · 144 = 1,152 B. The validation refuses both a row-major dtype
    //   change and a shard row of 36 · 2 = 72 B (not a multiple of the L1 alignment 16): approx in every build.
    const toDram = op('ttnn.to_memory_config', [rmL1Shard([64, 36])], [rm([64, 36], 'f32')]);
    const e = est(estimateOp(toDram, at('2025-11-27')));
    assert.equal(e.cbBytesPerCore, 1_280);
    assert.equal(e.confidence, 'approx');
    assert.match(
      e.approxReason ?? '',
      /the row-major shard row \(72 B\) is not a multiple of the L1 alignment \(16 B\) and a dtype change needs a TILE tensor/,
    );
    const toL1 = op(
      'ttnn.to_memory_config',
      [rmL1Shard([64, 36])],
      [tensor([64, 36], { page: 'row_major', buffer: 'l1', dtype: 'f32' })],
    );
    assert.equal(est(estimateOp(toL1, at('2025-11-27'))).cbBytesPerCore, 1_152);
    assert.equal(est(estimateOp(toDram, at('2025-01-15'))).confidence, 'approx');
    // Tiles: bf16 → f32, 8 tiles per shard: c_16 = 8 · 4,096 = 32,768 B, exact even before PR #17122.
    const tiles = op(
      'ttnn.to_memory_config',
      [tensor([1, 8, 64, 128], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] })],
      [dram([1, 8, 64, 128], 'f32')],
    );
    const old = est(estimateOp(tiles, at('2025-01-15')));
    assert.equal(old.cbBytesPerCore, 32_768);
    assert.equal(old.confidence, 'exact');
  });
});

describe('estimate/datamove: ttnn::copy factory selection (change point copy-default-row-major-subblocks, PR #40964)', () => {
  const before = () => whContext({ ttMetalDate: '2026-04-01' });
  const after = () => whContext({ ttMetalDate: '2026-04-10' });
  const rmL1 = (shape: number[]) => tensor(shape, { page: 'row_major', buffer: 'l1' });

  it('row-major L1 → DRAM, 300-wide rows: one input page and two aligned output pages (the default program)', () => {
    // copy_default_row_major_program_factory.cpp@040a27c: rows of 300 · 2 = 600 B; c_0 = 600 (one page, unaligned),
    // c_1 = 2 · round_up(600, 32 DRAM) = 2 · 608 = 1,216, placed at the next 32-aligned address 608 → 1,824 B.
    // Before, c_0 = 2 · round_up(600, 32) = 1,216 B.
    const o = op('ttnn.to_memory_config', [rmL1([64, 300])], [rm([64, 300])]);
    assert.equal(est(estimateOp(o, after())).cbBytesPerCore, 1_824);
    assert.equal(est(estimateOp(o, before())).cbBytesPerCore, 1_216);
  });

  it('the default row-major copy splits rows column-wise: 70 rows → the 1-row group starts at (x=0,y=6)', () => {
    // copy_default_row_major_program_factory.cpp@040a27c: split_work_to_cores(8x8, 70) with row_wise = false and both
    // CBs on all_cores: 70 = 6·2 + 58·1, group 1 = column 0's first 6 cores, group 2 from the 7th column-major core
    // (x=0,y=6) (row-major it would be (x=6,y=0)); all_cores = the whole grid, printed (0,0)-(7,7).
    const e = est(estimateOp(op('ttnn.to_memory_config', [rmL1([70, 300])], [rm([70, 300])]), after()));
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

  it('rows over 256 KiB move in 256 KiB sub-blocks: 3 · 262,144 B whatever the row', () => {
    // (4, 600000) bf16: rows of 1,200,000 B. c_0 = min(1,200,000, 262,144), c_1 = 2 · 262,144 → 786,432 B.
    const o = op('ttnn.to_memory_config', [rmL1([4, 600_000])], [rm([4, 600_000])]);
    assert.equal(est(estimateOp(o, after())).cbBytesPerCore, 786_432);
  });

  it('assign DRAM → DRAM (same memory config) keeps the two-page program while it fits under l1_size − base', () => {
    // 300,000-wide bf16 rows: 2 · 600,000 = 1,200,000 < 1,499,136 − 102,656 = 1,396,480 → CopySameMemoryConfig.
    const small = op('ttnn.assign', [rm([4, 300_000])], [rm([4, 300_000])]);
    const e = est(estimateOp(small, after()));
    assert.equal(e.factory, 'CopyDeviceOperation');
    assert.equal(e.cbBytesPerCore, 1_200_000);
    // 400,000-wide: 2 · 800,000 = 1,600,000 ≥ 1,396,480 → the default row-major program, 262,144 + 2 · 262,144.
    const wide = op('ttnn.assign', [rm([4, 400_000])], [rm([4, 400_000])]);
    assert.equal(est(estimateOp(wide, after())).cbBytesPerCore, 786_432);
    assert.equal(est(estimateOp(wide, before())).cbBytesPerCore, 1_600_000);
  });

  it('a copy the same-memory-config program takes is one figure over a window straddling the change point', () => {
    // DRAM → DRAM tiled assign: 2 · 2,048 = 4,096 B < l1_size − base, the same-memory-config program before and after
    // PR #40964 alike, so the window 2026-03-01..2026-05-01 has no sub-windows (corpus negative_capture_or_execute_trace
    // printed two identical CopyDeviceOperation figures). A copy between configs is another factory after it: split.
    const window = { earliest: '2026-03-01', latest: '2026-05-01' };
    const same = est(estimateOp(op('ttnn.assign', [dram([64, 64])], [dram([64, 64])]), whContext({ window })));
    assert.deepEqual([same.factory, same.cbBytesPerCore, same.versionRange], ['CopyDeviceOperation', 4_096, undefined]);
    const moved = est(estimateOp(op('ttnn.to_memory_config', [l1([64, 64])], [dram([64, 64])]), whContext({ window })));
    assert.deepEqual(
      moved.versionRange?.figures.map((f) => f.factory),
      ['CopyDeviceOperation', 'CopyDeviceOperation (default tilized)'],
    );
  });

  it('tiled copies between memory configs keep their two-tile CB', () => {
    const o = op('ttnn.to_memory_config', [l1([64, 64])], [dram([64, 64])]);
    assert.equal(est(estimateOp(o, after())).cbBytesPerCore, 4_096);
  });
});

describe('estimate/datamove: search and accumulation', () => {
  it('argmax row-major, single core: one input row and one output row', () => {
    // 64x64 bf16 over dim 1, keep_dim false: c_0 = 64 · 2 = 128; c_1 = 64 (padded H) · 4 (u32) = 256, placed at
    // base + 128 (32-aligned) → 384 B.
    const e = est(
      estimateOp(
        op('ttnn.argmax', [rm([64, 64])], [rm([64], 'u32')], { dim: int(1), keep_dim: bool(false) }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 384);
    assert.equal(e.nCoresUsed, 1);
  });

  it('sort over the last dim, Wt = 4: the single-core factory with Wt-tile transposed CBs', () => {
    // 32x128 bf16, u16 indices: 4·2,048 + 4·2,048 + 4·2,048 + 4·2,048 + 2·2,048 + 2·2,048 + 1,024 = 20·2,048 + 1,024
    // = 41,984 B.
    const e = est(
      estimateOp(
        op('ttnn.sort', [dram([1, 1, 32, 128])], [dram([1, 1, 32, 128]), dram([1, 1, 32, 128], 'u16')], {
          dim: int(-1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 41_984);
  });

  it("sort off the last dim: the sort program writes in the requested config, the results come back in the input's", () => {
    // 64x64 bf16 over dim 0, DRAM input, L1 requested: values and u16 indices [1,1,64,64] (4 tiles each, 1 per bank:
    // 2,048 B) are L1 intermediates = 4,096 B; the transposed-back results are DRAM (0 B).
    const e = est(
      estimateOp(op('ttnn.sort', [dram([64, 64])], [l1([64, 64]), l1([64, 64], 'u16')], { dim: int(0) }), whContext()),
    );
    assert.equal(e.l1TensorBytesPerCore, 0);
    assert.equal(e.l1IntermediateBytesPerCore, 4_096);
    // Over the last dim with no padding the sort program's outputs are the results: no intermediates.
    const last = est(
      estimateOp(op('ttnn.sort', [l1([64, 64])], [l1([64, 64]), l1([64, 64], 'u16')], { dim: int(-1) }), whContext()),
    );
    assert.equal(last.l1TensorBytesPerCore, 4_096);
    assert.equal(last.l1IntermediateBytesPerCore, undefined);
  });

  it('sort with Wt > 64 uses the cross-core factory (figures in search.test.ts)', () => {
    assert.equal(
      est(
        estimateOp(
          op('ttnn.sort', [dram([32, 4096])], [dram([32, 4096]), dram([32, 4096], 'u16')], { dim: int(-1) }),
          whContext(),
        ),
      ).factory,
      'SortProgramFactoryCrossCoreDataExchange',
    );
  });

  it('topk k = 4 (one K tile), bf16 values, u16 indices', () => {
    // (4 + 4 + 4 + 4 + 2 + 2 + 1 + 1) · 2,048 = 22 · 2,048 = 45,056 B on one core.
    const e = est(
      estimateOp(
        op('ttnn.topk', [dram([64, 1024])], [dram([64, 4]), dram([64, 4], 'u16')], { k: int(4), dim: int(-1) }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 45_056);
  });

  it('cumsum f32: four 4-tile CBs', () => {
    // 16 · 4,096 = 65,536 B.
    assert.equal(
      est(
        estimateOp(
          op('ttnn.cumsum', [dram([64, 1024], 'f32')], [dram([64, 1024], 'f32')], { dim: int(0) }),
          whContext(),
        ),
      ).cbBytesPerCore,
      65_536,
    );
  });

  it('gather over 64 input tiles takes the multi-core factory', () => {
    // Wt_input = 2048/32 = 64 > 60: c_0 = 2 · 2,048, c_1 = 4,096 (u32 index tile), c_2 = 2,048 → 10,240 B.
    const e = est(
      estimateOp(
        op('ttnn.gather', [dram([1, 1, 32, 2048]), dram([1, 1, 32, 64], 'u32')], [dram([1, 1, 32, 64])], {
          dim: int(-1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'GatherProgramFactorySingleRowMultiCore');
    assert.equal(e.cbBytesPerCore, 10_240);
  });

  it('gather over few tiles holds a whole input row (single-row single-core factory)', () => {
    // Wt_input = 8: c_0 = 8 · 4,096 (f32) = 32,768, c_1 = 4,096, c_2 = 4,096 → 40,960 B.
    const e = est(
      estimateOp(
        op('ttnn.gather', [dram([32, 256], 'f32'), dram([32, 32], 'u32')], [dram([32, 32], 'f32')], { dim: int(1) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'GatherProgramFactorySingleRowSingleCore');
    assert.equal(e.cbBytesPerCore, 40_960);
  });

  it("the single-core gather splits the index's tile rows N·C·ceil(H / 32) of its 4-D view, not volume / W / 32", () => {
    // gather_program_factory.cpp (SingleRowSingleCore): Ht = N·C·H_padded / 32 of the index = 2·3·ceil(40/32) = 12 tile
    // rows → 12 cores (volume / W / 32 = 2·3·40 / 32 = 7.5 would give 8). Wt_input 4, Wt_index 2: c_0 4 · 2,048 +
    // c_1 one u32 tile 4,096 + c_2 2,048 = 14,336 B.
    const e = est(
      estimateOp(
        op('ttnn.gather', [dram([2, 3, 40, 128]), dram([2, 3, 40, 64], 'u32')], [dram([2, 3, 40, 64])], {
          dim: int(-1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.nCoresUsed, 12);
    assert.equal(e.cbBytesPerCore, 14_336);
  });
});

describe('estimate/datamove: the gather composite (gather.cpp@622c6fb) sizes its fill_pad and slice programs', () => {
  // Input 1x1x64x40 f32, index 1x1x20x8 u32, dim 3 (last: no transposes). pre_gather_transform_tensor: the index's
  // padding is filled (20 % 32 ≠ 0 below, 8 % 32 ≠ 0 right); the input is sliced to the index's padded N, C, H
  // (1x1x32x40) and its padding filled (40 % 32 ≠ 0 right, 32 rows none below).
  const gatherOp = () =>
    op('ttnn.gather', [dram([1, 1, 64, 40], 'f32'), dram([1, 1, 20, 8], 'u32')], [dram([1, 1, 20, 8], 'f32')], {
      dim: int(3),
    });
  it('from PR #42673 (fill_pad on whole tiles) the index fill is the largest program', () => {
    const e = est(estimateOp(gatherOp(), whContext({ ttMetalDate: '2026-06-01' })));
    // fill_pad_program_factory.cpp@9cb25bbb: fill_pad index (u32, T = 4,096): c_0 2T + c_1 T (right) + c_2 T (below) +
    //   c_16 2T = 24,576 B; slice (slice_program_factory_tile: c_0 = 2 f32 input tiles) = 8,192 B; fill_pad input
    //   (f32, right only): 2T + T + 2T = 20,480 B; gather: Wt_input = ceil(40/32) = 2, Wt_index = 1 → SingleRowSingleCore
    //   c_0 2 · 4,096 + c_1 4,096 + c_2 4,096 = 16,384 B.
    assert.equal(e.factory, 'FillPadProgramFactory');
    assert.equal(e.worstCbBytesPerCore, 24_576);
    assert.match(
      e.factoryReason,
      /fill_pad index: FillPadProgramFactory 24576 B; slice input: SliceTileProgramFactory 8192 B; fill_pad input: FillPadProgramFactory 20480 B; gather: GatherProgramFactorySingleRowSingleCore 16384 B/,
    );
    // fill_pad rests on its change point's readings, not on a read span.
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /fill_pad's factory was read at 9cb25bbb\^/);
  });
  it('before PR #42673 fill_pad holds two face-column pages and the gather is the largest', () => {
    const e = est(estimateOp(gatherOp(), whContext({ ttMetalDate: '2025-11-27' })));
    // fill_pad_program_factory.cpp@9cb25bbb^: c_0 = 2 · (4 B · 16 + 2) = 132 B for either operand; the gather's
    // 16,384 B is the largest.
    assert.equal(e.factory, 'GatherProgramFactorySingleRowSingleCore');
    assert.equal(e.worstCbBytesPerCore, 16_384);
    assert.match(
      e.factoryReason,
      /fill_pad index: FillPadProgramFactory 132 B; slice input: \S+ 8192 B; fill_pad input: \S+ 132 B/,
    );
  });
  it('an index of whole tiles with the input rows: no index fill, no slice; the input fill, then the gather', () => {
    // Index 1x1x64x32 (tile multiples), input 1x1x64x40: the slice ends 1x1x64x40 equal the input's (no-op); the
    // input's padding is filled (40 % 32 ≠ 0): 2T + T + 2T = 20,480 B > the gather's 16,384 B.
    const e = est(
      estimateOp(
        op('ttnn.gather', [dram([1, 1, 64, 40], 'f32'), dram([1, 1, 64, 32], 'u32')], [dram([1, 1, 64, 32], 'f32')], {
          dim: int(3),
        }),
        whContext({ ttMetalDate: '2026-06-01' }),
      ),
    );
    assert.equal(e.worstCbBytesPerCore, 20_480);
    assert.match(e.factoryReason, /^2 programs run in turn \(fill_pad input: FillPadProgramFactory 20480 B; gather: /);
  });
});

describe('estimate/datamove: composites (largest program of the sequence)', () => {
  it('rand f32 is the rand program alone; rand bf16 adds a typecast of the same size', () => {
    // rand program: 2 · 4,096 + 4,096 = 12,288; typecast f32 → bf16: 2 · 4,096 + 2 · 2,048 = 12,288.
    const f32 = est(estimateOp(op('ttnn.rand', [DEVICE_VALUE], [dram([64, 1024], 'f32')]), whContext()));
    assert.equal(f32.cbBytesPerCore, 12_288);
    assert.match(f32.factoryReason, /1 programs run in turn/);
    const bf16 = est(estimateOp(op('ttnn.rand', [DEVICE_VALUE], [dram([64, 1024])]), whContext()));
    assert.match(bf16.factoryReason, /typecast f32 → bf16/);
    assert.equal(bf16.l1IntermediateBytesPerCore, undefined);
  });

  it('rand before tt-metal PR #24672 (2025-07-14) is one program in the requested dtype; the typecast path after', () => {
    // rand.cpp@4b35144: prim::uniform(shape, dtype, layout, …) alone; rand_program_factory.cpp@4b35144: c_24 two f32
    // tiles (2 · 4,096) + c_0 one bf16 tile (2,048) = 10,240 B; 64 output tiles over 64 cores.
    const bf16 = op('ttnn.rand', [DEVICE_VALUE], [dram([64, 1024])]);
    const direct = est(estimateOp(bf16, whContext({ ttMetalDate: '2025-07-01' })));
    assert.equal(direct.cbBytesPerCore, 10_240);
    assert.equal(direct.factory, 'RandDeviceOperation::ProgramFactory');
    assert.equal(direct.confidence, 'exact');
    // From 2025-07-14: f32 program 2 · 4,096 + 4,096 = 12,288, typecast 2 · 4,096 + 2 · 2,048 = 12,288 → 12,288 B,
    // exact inside read span rand-f32-typecast (every commit 3a3c2d4 … 622c6fb).
    const after = est(estimateOp(bf16, whContext({ ttMetalDate: '2025-07-14' })));
    assert.equal(after.cbBytesPerCore, 12_288);
    assert.equal(after.confidence, 'exact');
    // A window across the merge reports both builds' figures and the larger one.
    const across = est(estimateOp(bf16, whContext({ window: { earliest: '2025-07-01', latest: '2025-08-01' } })));
    assert.equal(across.cbBytesPerCore, 12_288);
    assert.deepEqual(
      across.versionRange?.figures.map((f) => (f.kind === 'estimate' ? f.cbBytesPerCore : f.kind)),
      [10_240, 12_288],
    );
    // Past 622c6fb (2026-06-23): approx, naming the undated Metal 2.0 port.
    const later = est(estimateOp(bf16, whContext({ ttMetalDate: '2026-08-01' })));
    assert.equal(later.confidence, 'approx');
    assert.match(later.approxReason ?? '', /622c6fb.*Metal 2\.0 port/);
  });

  it('rand into L1: the f32 tensor is live while the typecast allocates the result', () => {
    // 128x1024 bf16 row-major result: f32 [128,1024] = 128 tiles → 2 per bank = 8,192; bf16 tiles → 4,096; row-major
    // 128 rows of 2,048 B → 2 per bank = 4,096. Pairs: 8,192 + 4,096 = 12,288 (uniform → typecast) and 4,096 + 4,096
    // (typecast → to_layout): peak 12,288, of which the 4,096 B result is the output.
    const e = est(
      estimateOp(
        op('ttnn.rand', [DEVICE_VALUE], [tensor([128, 1024], { buffer: 'l1', page: 'row_major' })]),
        whContext(),
      ),
    );
    assert.equal(e.l1IntermediateBytesPerCore, 8_192);
    assert.equal(e.l1TensorBytesPerCore, 4_096);
  });

  it('quantize with scalar-tensor parameters: bf16 binary steps (6 tiles) and the typecast to si32', () => {
    // binary: 3 · 2 · 2,048 = 12,288; typecast bf16 → si32: 2 · 2,048 + 2 · 4,096 = 12,288 → 12,288 B.
    const e = est(
      estimateOp(
        op('ttnn.quantize', [dram([32, 64]), dram([1]), dram([1], 'si32')], [dram([32, 64], 'si32')]),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 12_288);
  });

  it('embedding with tiled weights and a TILE result: untilize of the weights, then the fused factory, which dominates', () => {
    // weights 1024x512 bf16 tiles: Wt = 16, 32 tile rows ≤ 64 cores → one row per core: c_0 = c_16 = 16 · 2,048
    // → 65,536 B. Then row-major indices of 32 (a multiple of 32), width 512 and a TILE result: fused_tilized →
    // EmbeddingsFusedProgramFactory, Wt = 16 ≤ 64 → double-buffered: c_0 = 2·16·2,048 = 65,536, c_1 = 32·4 = 128,
    // c_2 = 65,536 → 131,200 B, the larger program.
    const e = est(
      estimateOp(op('ttnn.embedding', [rm([1, 32], 'u32'), dram([1024, 512])], [dram([1, 32, 512])]), whContext()),
    );
    assert.equal(e.cbBytesPerCore, 131_200);
    assert.equal(e.factory, 'EmbeddingsFusedProgramFactory');
    assert.match(e.factoryReason, /untilize weights: \S+ 65536 B/);
    // 31 indices (not a multiple of 32): no fused factory; the untilize of the weights stays the largest program.
    const unfused = est(
      estimateOp(op('ttnn.embedding', [rm([1, 31], 'u32'), dram([1024, 512])], [dram([1, 31, 512])]), whContext()),
    );
    assert.equal(unfused.cbBytesPerCore, 65_536);
  });

  it('fused embedding inside read span embedding-fused-2026-spring (2026-03-19..06-03): exact, outside approx', () => {
    // embeddings_fused_program_factory.cpp@c262c36: row-major indices [2, 64] viewed as [2, 1, 1, 64] → 2·64/32 = 4
    // blocks over 4 cores (column-wise); weights 3072 wide bf16: Wt = 96 > 64 tiles → single-buffered, and 2·96·2,048 =
    // 393,216 B ≤ 1 MiB → not chunked: c_0 96·2,048 = 196,608 + c_1 32·4 = 128 + c_2 196,608 = 393,344 B.
    const fused = (date: string) =>
      est(
        estimateOp(
          op('ttnn.embedding', [rm([2, 64], 'u32'), rm([1024, 3072])], [dram([2, 64, 3072])]),
          whContext({ ttMetalDate: date }),
        ),
      );
    const inside = fused('2026-05-01');
    assert.deepEqual(
      [inside.factory, inside.cbBytesPerCore, inside.nCoresUsed, inside.confidence],
      ['EmbeddingsFusedProgramFactory', 393_344, 4, 'exact'],
    );
    assert.equal(fused('2026-03-18').confidence, 'approx');
    assert.equal(fused('2026-06-04').confidence, 'approx');
  });

  it('row-major mean: tilize → reduce → untilize', () => {
    // 1x1x49x2048 f32 row-major, mean over dim 2 (H): the H reduce program is 2·4,096 + 1·2,048 (bf16 scaler) +
    // 2·4,096 = 18,432 B over NC·Wt = 64 columns; it runs between the tilize and the untilize, and is the largest.
    const e = est(
      estimateOp(
        op('ttnn.mean', [rm([1, 1, 49, 2048], 'f32')], [rm([1, 1, 1, 2048], 'f32')], {
          dim_arg: ints(2),
          keep_dim: bool(true),
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 18_432);
    assert.match(e.factoryReason, /tilize input: .*; reduce: ReduceMultiCoreHProgramFactory 18432 B; untilize result/);
  });
});

describe('estimate/datamove: legality', () => {
  const shape = [28672, 32];
  const hs = tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [64, 1] });

  it('unary with mismatched memory layouts is illegal before the relaxation, estimated after it', () => {
    const relu = op('ttnn.relu', [l1(shape)], [hs]);
    const before = estimateOp(relu, whContext());
    assert.equal(before.kind, 'illegal');
    assert.match(before.kind === 'illegal' ? before.rule : '', /Input and Output memory layout to match/);
    assert.equal(estimateOp(relu, whContext({ ttMetalDate: '2026-06-01' })).kind, 'estimate');
    // A window straddling the change point keeps the legal (estimated) sub-window and reports both.
    const straddle = estimateOp(relu, whContext({ window: { earliest: '2026-01-01', latest: '2026-06-30' } }));
    assert.equal(straddle.kind, 'estimate');
    assert.deepEqual(straddle.kind === 'estimate' ? straddle.versionRange?.figures.map((f) => f.kind) : [], [
      'illegal',
      'estimate',
    ]);
  });

  it('binary broadcast: equal-or-one per dim from the right', () => {
    assert.equal(
      estimateOp(op('ttnn.multiply', [dram([64, 1024]), dram([1, 1024])], [dram([64, 1024])]), whContext()).kind,
      'estimate',
    );
    const bad = estimateOp(
      op('ttnn.add', [dram([2, 64, 1024]), dram([3, 1, 1024])], [dram([3, 64, 1024])]),
      whContext(),
    );
    assert.equal(bad.kind, 'illegal');
    assert.match(bad.kind === 'illegal' ? bad.rule : '', /Broadcasting rule violation for rank -3, dim a: 2, dim b: 3/);
  });

  it('reductions over a dim outside [-rank, rank-1] are illegal', () => {
    assert.equal(
      estimateOp(op('ttnn.sum', [dram([64, 1024])], [dram([64, 1])], { dim_arg: ints(2) }), whContext()).kind,
      'illegal',
    );
    assert.equal(
      estimateOp(op('ttnn.argmax', [rm([64, 64])], [rm([64], 'u32')], { dim: int(-3) }), whContext()).kind,
      'illegal',
    );
    assert.equal(
      // keep_dim: a 64x1 result keeps the reduced dim (tt-mlir's verifyReduceOp).
      estimateOp(
        op('ttnn.sum', [dram([64, 1024])], [dram([64, 1])], {
          dim_arg: ints(-1),
          keep_dim: { kind: 'bool', value: true },
        }),
        whContext(),
      ).kind,
      'estimate',
    );
  });
});

describe('estimate/datamove: the no-program list and registry reads', () => {
  it('every no-program op costs no CBs; an L1 result still counts its bytes', () => {
    for (const name of NO_PROGRAM_OPS) {
      const r = estimateOp(op(name, [dram([64, 64])], [dram([64, 64])]), whContext());
      assert.equal(r.kind, 'noProgram', name);
    }
    // ttnn.empty of 64x1024 f32 in L1: 64 tiles over 64 banks = 4,096 B per core (golden TestOpModelLib.cpp:3671).
    const empty = estimateOp(op('ttnn.empty', [DEVICE_VALUE], [l1([64, 1024], 'f32')]), whContext());
    assert.equal(empty.kind === 'noProgram' ? empty.l1TensorBytesPerCore : -1, 4_096);
  });

  it('the no-program list names only host-side or bookkeeping ops (no device program hides there)', () => {
    const expected = [
      'ttnn.get_device',
      'ttnn.deallocate',
      'ttnn.to_device',
      'ttnn.from_device',
      'ttnn.empty',
      'ttnn.full',
      'ttnn.zeros',
      'ttnn.ones',
      'ttnn.constant',
      'ttnn.arange',
      'ttnn.to_tensor_spec',
      'ttnn.write_tensor',
      'ttnn.dump_tensor',
      'ttnn.load_tensor',
      'ttnn.mesh_shard',
      'ttnn.begin_trace_capture',
      'ttnn.end_trace_capture',
      'ttnn.execute_trace',
      'ttnn.capture_or_execute_trace',
      'ttnn.to_dtype',
      'func.return',
      'func.call',
      'ttcore.load_cached',
      'tt.load_cached',
      'ttnn.alloc',
      'ttnn.distribute_tensor',
      'ttnn.aggregate_tensor',
      'ttnn.create_global_semaphore',
      'ttnn.reset_global_semaphore',
      'ttnn.allocate_moe_compute_semaphore',
    ];
    assert.deepEqual([...NO_PROGRAM_OPS].sort(), [...expected].sort());
  });

  it('estimators that run a to_layout step read live L1; those that read attributes say so', () => {
    for (const name of ['ttnn.repeat', 'ttnn.repeat_interleave', 'ttnn.embedding', 'ttnn.rand', 'ttnn.mean'])
      assert.equal(estimatorReads(name).liveL1, true, name);
    for (const name of [
      'ttnn.sort',
      'ttnn.topk',
      'ttnn.gather',
      'ttnn.quantize',
      'ttnn.argmax',
      'ttnn.prod',
      'ttnn.cumsum',
      'ttnn.permute',
    ])
      assert.equal(estimatorReads(name).properties, true, name);
    for (const name of ['ttnn.assign', 'ttnn.to_memory_config', 'ttnn.embedding_bw'])
      assert.deepEqual(estimatorReads(name), { properties: false, liveL1: false }, name);
    assert.ok(ESTIMATORS.has('ttnn.slice_dynamic'));
  });
});

describe('estimate/datamove: prod over all dims', () => {
  it('prod_all runs on one core with three double-buffered tile CBs of the input format', () => {
    // prod_all_program_factory.cpp (every commit 2025-01 … 622c6fb): c_0 input, c_2 intermediate (c_24 before PR
    // #18462), c_3 output, 2 tiles each of the input's format. f32 32x64: 3 · 2 · 4,096 = 24,576 B on core (0,0).
    const e = est(
      estimateOp(
        op('ttnn.prod', [dram([32, 64], 'f32')], [dram([1, 1], 'f32')], { keep_dim: bool(false) }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'ProdAllProgramFactory');
    assert.equal(e.cbBytesPerCore, 24_576);
    assert.equal(e.nCoresUsed, 1);
    assert.equal(e.confidence, 'exact');
    // bf16 input, f32 result: the CBs follow the input (2,048 B tiles) → 12,288 B.
    const bf16 = est(
      estimateOp(op('ttnn.prod', [dram([32, 64])], [dram([1, 1], 'f32')], { keep_dim: bool(false) }), whContext()),
    );
    assert.equal(bf16.cbBytesPerCore, 12_288);
    // A padded bfp8 input after PR #42464 (2026-04-16): typecast + fill_pad first, not sized → approx.
    const bfp8 = est(
      estimateOp(
        op('ttnn.prod', [dram([30, 64], 'bfp_bf8')], [dram([1, 1], 'bfp_bf8')], { keep_dim: bool(false) }),
        whContext({ ttMetalDate: '2026-04-16' }),
      ),
    );
    assert.equal(bfp8.confidence, 'approx');
    assert.match(bfp8.approxReason, /PR #42464/);
  });

  it('prod over the last dim holds the permuted input, the zeros prod_nc writes and the first permute back in L1', () => {
    const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
    // 64x128 bf16 over dim 1 (4-D dim 3), L1 result: [128,1,1,64] = 128·2 = 256 tiles → 4 per bank = 8,192; zeros
    // [1,1,1,64] 2 tiles → 2,048; permute back [1,1,1,64] → 2,048: 12,288 B besides the [64] result (2 tiles, 2,048 B).
    const e = est(
      estimateOp(
        op('ttnn.prod', [dram([64, 128])], [l1([64])], { dim_arg: int(1), keep_dim: bool(false) }),
        whContext(),
      ),
    );
    assert.equal(e.l1IntermediateBytesPerCore, 12_288);
    assert.equal(e.l1TensorBytesPerCore, 2_048);
    // In DRAM nothing lands in L1; over dim 0 of a 4-D input prod_nc's zeros is the result.
    assert.equal(
      est(
        estimateOp(
          op('ttnn.prod', [dram([64, 128])], [dram([64])], { dim_arg: int(1), keep_dim: bool(false) }),
          whContext(),
        ),
      ).l1IntermediateBytesPerCore,
      undefined,
    );
    assert.equal(
      est(
        estimateOp(
          op('ttnn.prod', [dram([2, 3, 64, 64])], [l1([3, 64, 64])], { dim_arg: int(0), keep_dim: bool(false) }),
          whContext(),
        ),
      ).l1IntermediateBytesPerCore,
      undefined,
    );
  });
});

describe('estimate/datamove: argmax on tiles', () => {
  it('a tiled input with a tiled result is rejected by the factory (illegal); a row-major result is sized', () => {
    const tiled = estimateOp(
      op('ttnn.argmax', [dram([64, 96])], [dram([1, 1], 'u32')], { keep_dim: bool(true) }),
      whContext(),
    );
    assert.equal(tiled.kind, 'illegal');
    // TILE input: c_0 = one bf16 tile 2,048; c_1 = one output row of 1 u32 = 4 B at base + 2,048 → 2,052 B.
    const e = est(
      estimateOp(op('ttnn.argmax', [dram([64, 96])], [rm([1, 1], 'u32')], { keep_dim: bool(true) }), whContext()),
    );
    assert.equal(e.cbBytesPerCore, 2_052);
  });
});

describe('estimate/datamove: repeat and slice_dynamic by hand', () => {
  it('row-major repeat runs the row-major program alone: two CBs of 2 · 64 + row bytes', () => {
    // 4x100 bf16 rows of 200 B: each CB 128 + 200 = 328 B; the second starts at the next 32 B boundary (352):
    // 352 + 328 = 680 B per core, on every worker core.
    const e = est(
      estimateOp(
        op('ttnn.repeat', [rm([4, 100])], [rm([8, 100])], {
          repeat_dims: { kind: 'dialect', name: 'ttnn.shape', text: '#ttnn.shape<2x1>', items: ['2x1'], fields: {} },
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 680);
    assert.equal(e.nCoresUsed, 64);
    // whContext's build (2025-11-27) is inside read span repeat-rm-round-trip.
    assert.equal(e.confidence, 'exact');
  });

  const shapeAttr = (reps: string) =>
    ({ kind: 'dialect', name: 'ttnn.shape', text: `#ttnn.shape<${reps}>`, items: [reps], fields: {} }) as const;

  it('a last-dim repeat runs the last-dim factory: CBs of 2s, 4s, 8s or 16s by the row bytes s', () => {
    // repeat_program_factory_last_dim.cpp: `READ_ALIGNMENT * 2 + (s & 0xF) == 0 ? s : (s & 0x7) == 0 ? s * 2 : …`
    // parses as ((128 + (s & 0xF)) == 0) ? s : …, never the first branch. [4, 100] bf16 → [4, 200]: s = 200, a multiple
    // of 8 → 400 B each; c_1 at the next 32 B boundary (416): 816 B per core.
    const e = est(
      estimateOp(op('ttnn.repeat', [rm([4, 100])], [rm([4, 200])], { repeat_dims: shapeAttr('1x2') }), whContext()),
    );
    assert.equal(e.factory, 'RepeatProgramFactoryLastDim (row-major)');
    assert.equal(e.cbBytesPerCore, 816);
    assert.equal(e.confidence, 'exact');
    // [4, 3] bf16 → [4, 6]: s = 6, even but not a multiple of 4 → 8 · 6 = 48 B each; c_1 at 64: 112 B.
    const odd = est(
      estimateOp(op('ttnn.repeat', [rm([4, 3])], [rm([4, 6])], { repeat_dims: shapeAttr('1x2') }), whContext()),
    );
    assert.equal(odd.cbBytesPerCore, 112);
  });

  it('every repeated dim runs its own program, last dim first, the higher dims on the widened rows', () => {
    // [4, 100] bf16 → [8, 200]: the last dim first (s = 200 → 816 B as above), then dim 0 by the higher-dim factory on
    // rows now 400 B wide: 128 + 400 = 528 B each, c_1 at 544 → 1,072 B, the larger of the two programs.
    const e = est(
      estimateOp(op('ttnn.repeat', [rm([4, 100])], [rm([8, 200])], { repeat_dims: shapeAttr('2x2') }), whContext()),
    );
    assert.equal(e.cbBytesPerCore, 1_072);
    assert.match(
      e.factoryReason,
      /2 programs run in turn \(row-major repeat ×2 of dim 1: RepeatProgramFactoryLastDim \(row-major\) 816 B; row-major repeat ×2 of dim 0/,
    );
    assert.equal(e.confidence, 'exact');
    // After 622c6fb (2026-06-23), the newest build read: the same programs (PR #46318 keeps them for row-major inputs),
    // approx.
    const past = est(
      estimateOp(
        op('ttnn.repeat', [rm([4, 100])], [rm([8, 200])], { repeat_dims: shapeAttr('2x2') }),
        whContext({ ttMetalDate: '2026-07-01' }),
      ),
    );
    assert.equal(past.confidence, 'approx');
  });

  it('from tt-metal PR #46318 (2026-06-21) a tile-aligned TILE repeat runs tile-native programs: one CB of 2 · 64 + a tile', () => {
    // repeat.cpp@7c23328: is_tile_repeat_eligible ([64, 64]: both last dims multiples of 32) → repeat_dim_tile per
    // repeated dim; repeat_program_factory_higher_dim.cpp@7c23328 with a tile page: c_0 = READ_ALIGNMENT · 2 + tile =
    // 128 + 2,048 (bf16) = 2,176 B, no c_1, on all 64 worker cores; no untilize / tilize around it.
    const tiled = op('ttnn.repeat', [dram([64, 64])], [dram([128, 64])], { repeat_dims: shapeAttr('2x1') });
    const e = est(estimateOp(tiled, whContext({ ttMetalDate: '2026-06-22' })));
    assert.equal(e.factory, 'RepeatProgramFactoryHigherDim (tile-native)');
    assert.equal(e.cbBytesPerCore, 2_176);
    assert.equal(e.nCoresUsed, 64);
    // 2026-06-22 lies in read span repeat-tile-native-2026-06 (7c23328 … 622c6fb).
    assert.equal(e.confidence, 'exact');
    // f32 tiles (4,096 B): 128 + 4,096 = 4,224 B; both dims repeated → two programs, last dim first, each 4,224 B.
    const both = est(
      estimateOp(
        op('ttnn.repeat', [dram([32, 64], 'f32')], [dram([64, 128], 'f32')], { repeat_dims: shapeAttr('2x2') }),
        whContext({ ttMetalDate: '2026-06-22' }),
      ),
    );
    assert.equal(both.cbBytesPerCore, 4_224);
    assert.match(
      both.factoryReason,
      /2 programs run in turn \(tile repeat ×2 of dim 1: .* 4224 B; tile repeat ×2 of dim 0/,
    );
    // The day before the merge: the row-major round trip (untilize first), not the tile program.
    const before = est(estimateOp(tiled, whContext({ ttMetalDate: '2026-06-20' })));
    assert.ok(before.factoryReason.includes('untilize input'), before.factoryReason);
    // Builds after 622c6fb (2026-06-23) were not read: the same figure, approx with the registry's one reason.
    const later = est(estimateOp(tiled, whContext({ ttMetalDate: '2026-08-01' })));
    assert.equal(later.cbBytesPerCore, 2_176);
    assert.deepEqual(
      [later.confidence, later.approxReason],
      ['approx', pastNewestReadReason({ earliest: '2026-08-01', latest: '2026-08-01' })],
    );
  });

  it('after PR #46318 a TILE input off the tile grid keeps the row-major round trip', () => {
    // [4, 100] bf16 TILE: 100 % 32 ≠ 0 → is_tile_repeat_eligible false → untilize, the last-dim row-major program
    // (s = 200 B, a multiple of 8 → c_0 = c_1 = 400 B, c_1 at 416: 816 B), tilize back.
    const e = est(
      estimateOp(
        op('ttnn.repeat', [dram([4, 100])], [dram([4, 200])], { repeat_dims: shapeAttr('1x2') }),
        whContext({ ttMetalDate: '2026-06-22' }),
      ),
    );
    assert.ok(e.factoryReason.includes('untilize input'), e.factoryReason);
    assert.ok(e.factoryReason.includes('RepeatProgramFactoryLastDim (row-major) 816 B'), e.factoryReason);
    assert.equal(e.confidence, 'exact');
  });

  it('a tiled repeat reports the first of its programs whose CBs pass L1 (tt-metal throws there), not the largest', () => {
    // (2441216,) f32 tiles × 2 at tt-metal 7d60ca2 (2025-03-25, base 102,112): the untilize of the input runs first,
    // UntilizeWithUnpaddingMultiCoreBlockInterleaved over one tile row of Wt = 76,288: 62 cores of 1,211-tile blocks and
    // a 1,206-tile cliff, created first: c_0 = c_16 = 1,206·4,096 → 9,879,552 + 102,112 = 9,981,664 B, the untilize
    // figure tt-forge-fe's Reshape225 / Cumsum0 xfail reasons print for that build (threads-datamove.test.ts). The
    // tilize of the (4882432,) result, later, is larger (152,576 tiles over 64 cores) but never runs.
    const e = est(
      estimateOp(
        op('ttnn.repeat', [dram([2_441_216], 'f32')], [dram([4_882_432], 'f32')], {
          repeat_dims: { kind: 'dialect', name: 'ttnn.shape', text: '#ttnn.shape<2>', items: ['2'], fields: {} },
        }),
        whContext({ ttMetalDate: '2025-03-25', base: 102_112 }),
      ),
    );
    assert.equal(e.cbRegionEndBytes, 9_981_664);
    assert.ok(e.factoryReason.includes('the first past L1 is untilize input'), e.factoryReason);
    assert.ok(e.worstCbBytesPerCore < 10_000_000);
  });

  it('slice_dynamic on tiles: two input tiles (the tile factory, begins assumed tile-aligned)', () => {
    const e = est(
      estimateOp(
        op('ttnn.slice_dynamic', [dram([4, 64, 64]), dram([3], 'si32'), dram([3], 'si32')], [dram([2, 32, 32])]),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 4_096);
    assert.equal(e.confidence, 'approx');
    assert.equal(
      estimateOp(
        op('ttnn.slice_dynamic', [rm([4, 64, 64]), dram([3], 'si32'), dram([3], 'si32')], [rm([2, 32, 32])]),
        whContext(),
      ).kind,
      'unmodeled',
    );
  });
});

describe('estimate/datamove: scatter (scatter_program_factory.cpp@0055520)', () => {
  it('row-major f32 scatter: one page per tensor, the chunk caps the page at a fraction of free L1', () => {
    // free = 1,499,136 − 102,656 = 1,396,480; chunk = ceil32(⌊⌊⌊1,396,480/4⌋/4⌋·0.8 − 32⌋) = ceil32(69,792) = 69,792
    // elements ≥ every row here. Pages: input 128·4 = 512, source 32·4 = 128, index 32·4 = 128, output 512; placed at
    // base, +512, +640, +768 → 1,280 B.
    const e = est(
      estimateOp(
        op('ttnn.scatter', [rm([64, 128], 'f32'), rm([64, 32], 'si32'), rm([64, 32], 'f32')], [rm([64, 128], 'f32')], {
          dim: int(-1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 1_280);
  });

  it('a row wider than the chunk is read in chunks; live L1 shrinks the chunk', () => {
    // 100,000 f32 per row: pages of min(100,000, 69,792) · 4 = 279,168 B, four of them = 1,116,672 B.
    const wide = (live?: number) =>
      est(
        estimateOp(
          op(
            'ttnn.scatter',
            [rm([2, 100_000], 'f32'), rm([2, 100_000], 'si32'), rm([2, 100_000], 'f32')],
            [rm([2, 100_000], 'f32')],
            { dim: int(-1) },
          ),
          whContext({ live }),
        ),
      );
    assert.equal(wide().cbBytesPerCore, 1_116_672);
    // 500,000 B live: free = 896,480 → chunk = ceil32(⌊56,030·0.8 − 32⌋) = ceil32(44,792) = 44,800; page = 179,200;
    // four pages = 716,800 B.
    assert.equal(wide(500_000).cbBytesPerCore, 716_800);
  });
});

describe('estimate/datamove: sharded row-major reshape (reshape.cpp perform_reshape_on_2D_RM@d30b8c2 … @622c6fb)', () => {
  const l1Rm = (shape: number[], mem: 'height_sharded' | 'width_sharded' | 'interleaved', grid: [number, number]) =>
    tensor(shape, { page: 'row_major', buffer: 'l1', mem, grid });

  it('a height-sharded input: sharded_to_interleaved into L1, then the interleaved row-major reshape', () => {
    // [64, 32] bf16 RM, L1 height-sharded over 2 cores (shards of 32 rows) → [32, 64] DRAM interleaved, a 2025-06 build.
    // s2i (same dtype): c_0 bound to the L1 shard → 0 B of CBs. Its result is L1 interleaved (the input's buffer
    // type): 64 rows of 64 B over 64 banks → 64 B per core, live while the reshape runs.
    // Reshape (reshape_rm_host_prep.cpp): src row 64 B, dst row 128 B: c_0 = 2 · (floor64(63) + 128) = 256,
    // c_1 = floor64(127) + 80 = 144 → 400 B (no second instance before PR #28169, 2025-09-16).
    const e = est(
      estimateOp(
        op('ttnn.reshape', [l1Rm([64, 32], 'height_sharded', [2, 1])], [rm([32, 64])], { shape: ints(32, 64) }),
        whContext({ ttMetalDate: '2025-06-01' }),
      ),
    );
    assert.equal(e.factory, 'ReshapeRMProgramFactory');
    assert.equal(e.cbBytesPerCore, 400);
    assert.equal(e.l1IntermediateBytesPerCore, 64);
    assert.equal(e.confidence, 'exact', e.approxReason);
  });

  it('a sharded result: the reshape into L1 interleaved, then interleaved_to_sharded; recomputed shard from PR #36015', () => {
    // [32, 64] bf16 RM DRAM interleaved → [64, 32] L1 height-sharded over 2 cores (shards [32, 32]).
    // Reshape: src row 128 B, dst row 64 B: c_0 = 2 · (floor64(127) + 128) = 384, c_1 = floor64(63) + 80 = 80 → 464 B;
    // its result, L1 interleaved: 64 rows of 64 B over 64 banks = 64 B per core.
    // i2s (L1 → L1 shard, same dtype): the output CB is the shard (0 B); scratch c_1 = 4 pages of the shard row
    // (32 · 2 = 64 B): 4 · align(64, 32) = 256 B on a 2025-06 build (before PR #33905). 464 > 256: the reshape.
    const toHeight = op('ttnn.reshape', [rm([32, 64])], [l1Rm([64, 32], 'height_sharded', [2, 1])], {
      shape: ints(64, 32),
    });
    const before = est(estimateOp(toHeight, whContext({ ttMetalDate: '2025-06-01' })));
    assert.equal(before.factory, 'ReshapeRMProgramFactory');
    assert.equal(before.cbBytesPerCore, 464);
    assert.equal(before.l1IntermediateBytesPerCore, 64);
    assert.equal(before.confidence, 'exact', before.approxReason);
    // From PR #36015 (2026-01-20) the result shards into TensorSpec::height_sharded over the 2-core grid:
    // [div_up(64, 2), 32] = [32, 32], the IR's shard: still exact. On 2026-03-01, 64 divides 128 → PR #28169's second
    // instance: c_2 at 464 rounded up to the 32 B CB alignment (program.cpp allocate_circular_buffers) = 480 →
    // 480 + 384 + 80 = 944 B; the i2s scratch 4 · align(64 + 32, 32) = 384 B (PR #33905, 2026-02-03).
    const after = est(estimateOp(toHeight, whContext({ ttMetalDate: '2026-03-01' })));
    assert.equal(after.cbBytesPerCore, 944);
    assert.equal(after.confidence, 'exact', after.approxReason);
    // A result height-sharded over 3 cores in shards of 40 rows (the IR's; 3 · 40 ≥ 64): the recomputed shard is
    // [div_up(64, 3), 32] = [22, 32], not the IR's → exact before PR #36015, approx from it.
    const shard40 = l1Rm([64, 32], 'height_sharded', [3, 1]);
    const odd = { ...shard40, layout: { ...shard40.layout, shardShape: [40, 32] } } as typeof shard40;
    const toOdd = op('ttnn.reshape', [rm([32, 64])], [odd], { shape: ints(64, 32) });
    assert.equal(est(estimateOp(toOdd, whContext({ ttMetalDate: '2026-01-19' }))).confidence, 'exact');
    const oddAfter = est(estimateOp(toOdd, whContext({ ttMetalDate: '2026-01-20' })));
    assert.equal(oddAfter.confidence, 'approx');
    assert.match(oddAfter.approxReason, /recomputes for the output shape/);
    // Width-sharded over 2 cores, shards [64, 16]: width_sharded gives [64, div_up(32, 2)] = [64, 16], the IR's: exact.
    const toWidth = op('ttnn.reshape', [rm([32, 64])], [l1Rm([64, 32], 'width_sharded', [1, 2])], {
      shape: ints(64, 32),
    });
    assert.equal(est(estimateOp(toWidth, whContext({ ttMetalDate: '2026-03-01' }))).confidence, 'exact');
  });

  it('sides that agree on sharded-ness and L1-ness, the width kept: a view (this_is_view), whatever the shard scheme', () => {
    // reshape.cpp@d30b8c2 … @622c6fb: last dims equal (32), both sharded, both in L1, row-major → PerformView.
    const r = estimateOp(
      op('ttnn.reshape', [l1Rm([64, 32], 'height_sharded', [2, 1])], [l1Rm([2, 32, 32], 'width_sharded', [1, 1])], {
        shape: ints(2, 32, 32),
      }),
      whContext({ ttMetalDate: '2025-06-01' }),
    );
    assert.equal(r.kind, 'noProgram');
  });
});

describe('estimate/datamove: sharded untilize, L1 shard into an L1 shard of the same spec', () => {
  // [256, 64] bf16, L1 height-sharded over 8 cores: tile shards of 1x2 tiles (32 rows x 64), row-major shards 32x64.
  const tiled = tensor([256, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
  const rowMajor = tensor([256, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1], page: 'row_major' });
  const toRm = op('ttnn.to_layout', [tiled], [rowMajor], { layout: int(0) });

  it('both CBs are the shards (0 B): untilize_multi_core before PR #23198, the shard-spec-identical factory after', () => {
    // untilize_program_factory.cpp@e258476 … @3a255e7: num_input_tiles = ntiles_per_block · nblocks_per_core = 2 · 1
    // tiles on a.buffer(), num_output_tiles likewise on output.buffer() → no CB bytes of its own.
    const before = est(estimateOp(toRm, whContext({ ttMetalDate: '2025-04-01' })));
    assert.equal(before.factory, 'UntilizeMultiCoreProgramFactory');
    assert.equal(before.cbBytesPerCore, 0);
    assert.equal(before.confidence, 'exact', before.approxReason);
    // From f73c77e (2025-06-12): c_0 = num_tiles_per_shard · T_in on src0_buffer, c_16 likewise on dst_buffer.
    const after = est(estimateOp(toRm, whContext({ ttMetalDate: '2026-03-01' })));
    assert.equal(after.factory, 'UntilizeMultiCoreInputAndOutputShardTypeAndShardSpecIdenticalProgramFactory');
    assert.equal(after.cbBytesPerCore, 0);
    assert.equal(after.confidence, 'exact', after.approxReason);
  });

  it('into a DRAM interleaved result: c_0 the shard, c_16 shard-width tile rows (always two before PR #23198)', () => {
    const toDram = op('ttnn.to_layout', [tiled], [tensor([256, 64], { page: 'row_major' })], { layout: int(0) });
    // untilize_program_factory.cpp@e258476 … @3a255e7: num_output_tiles = ntiles_per_block · 2 = 2 · 2 tiles ·
    // 2,048 B = 8,192 B (c_0 on the shard).
    const before = est(estimateOp(toDram, whContext({ ttMetalDate: '2025-04-01' })));
    assert.equal(before.factory, 'UntilizeMultiCoreProgramFactory');
    assert.equal(before.cbBytesPerCore, 8_192);
    assert.equal(before.confidence, 'exact', before.approxReason);
    // From f73c77e: num_input_blocks_per_full_core = 32 / 32 = 1 → output_cb_num_tiles = 2 → 4,096 B.
    assert.equal(est(estimateOp(toDram, whContext({ ttMetalDate: '2026-03-01' }))).cbBytesPerCore, 4_096);
    // Shards of two tile rows ([512, 64] over 8 cores: 64 x 64): 2 · 2 tiles · 2,048 = 8,192 B again.
    const tall = tensor([512, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const tallToDram = op('ttnn.to_layout', [tall], [tensor([512, 64], { page: 'row_major' })], { layout: int(0) });
    assert.equal(est(estimateOp(tallToDram, whContext({ ttMetalDate: '2026-03-01' }))).cbBytesPerCore, 8_192);
  });

  it('another shard spec is modeled only from PR #23198; a padding change stays unmodeled', () => {
    const otherSpec = tensor([256, 64], { buffer: 'l1', mem: 'height_sharded', grid: [4, 1], page: 'row_major' });
    const toOther = op('ttnn.to_layout', [tiled], [otherSpec], { layout: int(0) });
    assert.equal(estimateOp(toOther, whContext({ ttMetalDate: '2025-04-01' })).kind, 'unmodeled');
    // c_16 not bound to the 4-core output: one row of 2 tiles (the input shard is one tile row) = 4,096 B.
    assert.equal(est(estimateOp(toOther, whContext({ ttMetalDate: '2026-03-01' }))).cbBytesPerCore, 4_096);
    const padded = tensor([250, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const paddedRm = tensor([250, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1], page: 'row_major' });
    assert.equal(
      estimateOp(op('ttnn.to_layout', [padded], [paddedRm], { layout: int(0) }), whContext()).kind,
      'unmodeled',
    );
  });
});
