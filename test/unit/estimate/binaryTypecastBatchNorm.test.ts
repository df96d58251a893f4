/**
 * Eltwise binary broadcasts (ops/eltwise.ts estimateBinary). Figures derived by hand from tt-metal's code:
 *  - subtile broadcast type: binary_ng_device_operation.cpp get_subtile_broadcast_type(a_h, a_w, b_h, b_w), the same
 *    from @2e97074 (2024-11-07) to @2feb3d4 (2026-05-26): equal → NONE; a 1x1 → SCALAR_A; b 1x1 → SCALAR_B;
 *    a_h 1 and b_w 1 → ROW_A_COL_B; a_w 1 and b_h 1 → ROW_B_COL_A; a_h 1 → ROW_A; a_w 1 → COL_A; b_h 1 → ROW_B;
 *    b_w 1 → COL_B.
 *  - binary_ng's CBs (binary_ng_program_factory.cpp): c_0, c_1, c_2 of 2 tiles each; c_5 (2 tiles of a) / c_6 (2 tiles
 *    of b) for ROW_A / ROW_B from @60f878c (2025-08-04), also ROW_A_COL_B / ROW_B_COL_A from @698ea32, also
 *    COL_* / SCALAR_* from @0fca1ed (2026-04-09).
 *  - which program runs (binary.cpp): legacy before f1d7b9a (2025-06-06, use_legacy.value_or(true)); at f1d7b9a
 *    is_legacy_only takes any_row_broadcasted (H of 1 against more); from 60f878c any_non_llk_row_broadcasted
 *    (bf16 pairs to binary_ng); from 7219e97 (2026-02-05) only block-format cases; none from 0fca1ed.
 *  - legacy broadcast factories (broadcast_height_multi_core_program_factory.cpp, …_width_…, …_height_and_width_…
 *    @1d923b2 and @ffdcf4b): c_0, c_1, c_2 of 2 tiles each, after preprocess_inputs' repeat of dims 0 / -3 and its swap.
 * Tile bytes: bf16 2,048, f32 4,096, bfp8 1,088. No public thread prints a figure for these shapes.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { subtileBroadcast } from '../../../server/src/estimate/ops/eltwise';
import { op, tensor, whContext } from './build';
import type { DataType } from '../../../server/src/ttnn/dtype';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const binary = (name: string, a: number[], b: number[], c: number[], dtype: DataType = 'bf16') =>
  op(name, [tensor(a, { dtype }), tensor(b, { dtype })], [tensor(c, { dtype })]);

const on = (date: string) => whContext({ ttMetalDate: date });
const window = (earliest: string, latest: string) => whContext({ window: { earliest, latest } });

describe('estimate/binary broadcast', () => {
  it('names the subtile broadcast type as get_subtile_broadcast_type does', () => {
    // (a_h, a_w, b_h, b_w) → type, one row per branch of the function, in its order.
    const table: [number, number, number, number, string][] = [
      [64, 128, 64, 128, 'NONE'],
      [1, 1, 64, 128, 'SCALAR_A'],
      [64, 128, 1, 1, 'SCALAR_B'],
      [1, 128, 64, 1, 'ROW_A_COL_B'],
      [64, 1, 1, 128, 'ROW_B_COL_A'],
      [1, 128, 64, 128, 'ROW_A'],
      [64, 1, 64, 128, 'COL_A'],
      [64, 128, 1, 128, 'ROW_B'],
      [64, 128, 64, 1, 'COL_B'],
      [64, 128, 32, 64, 'invalid'],
    ];
    for (const [aH, aW, bH, bW, want] of table) assert.equal(subtileBroadcast(aH, aW, bH, bW), want);
  });

  it('falcon3 decode multiply (1x32x1x1 · 1x1x1x128 f32, SCALAR_A): c_5 only from tt-metal PR #37996', () => {
    const mul = binary('ttnn.multiply', [1, 32, 1, 1], [1, 1, 1, 128], [1, 32, 1, 128], 'f32');
    // 2026-05-01: binary_ng makes c_5 for SCALAR_A: (c_0 + c_1 + c_5 + c_2) = 4 · 2 · 4,096 = 32,768 B.
    const after = estimateOf(estimateOp(mul, on('2026-05-01')));
    assert.equal(after.cbBytesPerCore, 32_768);
    assert.equal(after.confidence, 'exact');
    // 2026-03-01: f32, interleaved, not a block format: binary_ng (is_legacy_only only tests block formats from
    // 7219e97), no c_5 for SCALAR_A yet: 3 · 2 · 4,096 = 24,576 B.
    const before = estimateOf(estimateOp(mul, on('2026-03-01')));
    assert.equal(before.cbBytesPerCore, 24_576);
    assert.equal(before.confidence, 'exact');
    // The corpus window 2026-03-06..2026-05-05 holds both: each sub-window's program is read, so the range is exact and
    // reports the larger figure with both in versionRange.
    const range = estimateOf(estimateOp(mul, window('2026-03-06', '2026-05-05')));
    assert.equal(range.confidence, 'exact');
    assert.equal(range.cbBytesPerCore, 32_768);
    assert.deepEqual(
      range.versionRange?.figures.map((f) => (f.kind === 'estimate' ? f.cbBytesPerCore : f.kind)),
      [24_576, 32_768],
    );
  });

  it('resnet add (1x64x112x112 + 64x1x1 f32) on an early-2025 build: the legacy BroadcastHeightAndWidthMultiCore', () => {
    // Dims -3 agree (64 = 64), rank 3 vs 4 asks no dim-0 repeat; b is 1x1 in H and W: c_0, c_1, c_2 of
    // 2 f32 tiles = 6 · 4,096 = 24,576 B.
    const add = binary('ttnn.add', [1, 64, 112, 112], [64, 1, 1], [1, 64, 112, 112], 'f32');
    const e = estimateOf(estimateOp(add, on('2025-03-01')));
    assert.equal(e.factory, 'BinaryDeviceOperation::BroadcastHeightAndWidthMultiCore');
    assert.equal(e.cbBytesPerCore, 24_576);
    assert.equal(e.confidence, 'exact');
  });

  it('a bf16 row broadcast: legacy BroadcastHeight before the LLK row broadcast, binary_ng with c_6 after', () => {
    const mul = binary('ttnn.multiply', [64, 1024], [1, 1024], [64, 1024]);
    // 2025-07-15: binary_ng is the default, but any_row_broadcasted (b's H 1 against 64) keeps the legacy op, which
    // is not in is_binary_ng_only for multiply: c_0, c_1, c_2 of 2 bf16 tiles = 12,288 B.
    const legacy = estimateOf(estimateOp(mul, on('2025-07-15')));
    assert.equal(legacy.factory, 'BinaryDeviceOperation::BroadcastHeightMultiCore');
    assert.equal(legacy.cbBytesPerCore, 12_288);
    assert.equal(legacy.confidence, 'exact');
    // 2025-09-01: a bf16 pair is not any_non_llk_row_broadcasted: binary_ng, ROW_B, c_6 added: 4 · 2 · 2,048 = 16,384 B.
    const ng = estimateOf(estimateOp(mul, on('2025-09-01')));
    assert.equal(ng.factory, 'BinaryNgDeviceOperation::ProgramFactory');
    assert.equal(ng.cbBytesPerCore, 16_384);
    assert.equal(ng.confidence, 'exact');
  });

  it('stays approx, naming the missing input, where the program is not known', () => {
    // f32 row broadcast in 2025-09: any_non_llk_row_broadcasted excluded f32 pairs at some version between 60f878c and
    // 8096aa6, not dated: legacy or binary_ng unknown.
    const f32Row = binary('ttnn.multiply', [64, 1024], [1, 1024], [64, 1024], 'f32');
    const unknown = estimateOf(estimateOp(f32Row, on('2025-09-01')));
    assert.equal(unknown.confidence, 'approx');
    assert.match(unknown.confidence === 'approx' ? unknown.approxReason : '', /is_legacy_only/);
    // A window from 2025-08 to 2026-05 holds that span: one approx sub-window makes the range approx.
    const range = estimateOf(estimateOp(f32Row, window('2025-08-10', '2026-05-05')));
    assert.equal(range.confidence, 'approx');
    assert.match(
      range.confidence === 'approx' ? range.approxReason : '',
      /^on tt-metal builds 2025-08-10\.\.2026-02-04/,
    );
    // A sharded broadcast on a binary_ng build: which CBs bind to shards (is_native_L1_sharding) is not modeled.
    const shardedRow = op(
      'ttnn.multiply',
      [
        tensor([1, 1, 3136, 256], { buffer: 'l1', mem: 'height_sharded', grid: [49, 1] }),
        tensor([1, 1, 1, 256], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] }),
      ],
      [tensor([1, 1, 3136, 256], { buffer: 'l1', mem: 'height_sharded', grid: [49, 1] })],
    );
    const sharded = estimateOf(estimateOp(shardedRow, on('2026-05-01')));
    assert.equal(sharded.confidence, 'approx');
    assert.match(sharded.confidence === 'approx' ? sharded.approxReason : '', /sharded broadcast/);
    // Legacy with a batch broadcast: preprocess_inputs repeats b's dim 0 (2 against 1) first.
    const repeated = binary('ttnn.add', [2, 3, 64, 1024], [1, 3, 1, 1024], [2, 3, 64, 1024]);
    const legacyRepeat = estimateOf(estimateOp(repeated, on('2025-03-01')));
    assert.equal(legacyRepeat.confidence, 'approx');
    assert.match(legacyRepeat.confidence === 'approx' ? legacyRepeat.approxReason : '', /ttnn::repeat/);
  });

  it('bfp8: legacy for a broadcast within the tile before PR #37996, binary_ng after; typecast for maximum', () => {
    const mul = binary('ttnn.multiply', [64, 1024], [1, 1024], [64, 1024], 'bfp_bf8');
    // 2026-03-01: any_subtile_broadcasted_block_format → legacy BroadcastHeightMultiCore: 6 · 1,088 = 6,528 B.
    const legacy = estimateOf(estimateOp(mul, on('2026-03-01')));
    assert.equal(legacy.factory, 'BinaryDeviceOperation::BroadcastHeightMultiCore');
    assert.equal(legacy.cbBytesPerCore, 6_528);
    assert.equal(legacy.confidence, 'exact');
    // 2026-05-01: binary_ng, ROW_B, c_6: 8 · 1,088 = 8,704 B.
    const ng = estimateOf(estimateOp(mul, on('2026-05-01')));
    assert.equal(ng.cbBytesPerCore, 8_704);
    assert.equal(ng.confidence, 'exact');
    // maximum of two bfp8 tensors: needs_typecast_to_bfloat16 before 0fca1ed (typecast programs not modeled).
    const max = binary('ttnn.maximum', [64, 1024], [64, 1024], [64, 1024], 'bfp_bf8');
    const typecast = estimateOf(estimateOp(max, on('2026-03-01')));
    assert.equal(typecast.confidence, 'approx');
    assert.match(typecast.confidence === 'approx' ? typecast.approxReason : '', /typecast to bf16/);
    assert.equal(estimateOf(estimateOp(max, on('2026-05-01'))).confidence, 'exact');
  });
});

/**
 * Sharded ttnn.typecast (ops/eltwise.ts estimateTypecast). From tt-metal PR #38616 (4d50a84, 2026-03-04)
 * typecast_device_op.cpp's select_program_factory runs TypecastShardedProgramFactory (c_0 / c_2 set on the input and
 * output buffers: no CB-region bytes) only when can_use_sharded_optimized_factory holds — equal tile sizes, L1 input
 * and output, L1-aligned whole-tile shards — and TypecastProgramFactory otherwise: c_0 and c_2 of two pages each
 * (typecast_program_factory.cpp@4d50a84) over split_work_to_cores of the input's pages. Before it every sharded input
 * ran the sharded factory, whose TT_FATAL rejected differing tile sizes (typecast_sharded_program_factory.cpp@f011e63).
 */
describe('estimate/binary of sharded operands (no broadcast)', () => {
  // binary_ng binds each of c_0/c_1/c_2 to its own shard when is_native_L1_sharding holds (binary_ng_utils.cpp and
  // binary_ng_program_factory.cpp@622c6fb), a test changed in tt-metal PRs #31096, #32134, #34482, #37229 among
  // others; the legacy sharded path before binary-ng-default was not read. Not modeled: any sharded operand is approx.
  const hs = { buffer: 'l1' as const, mem: 'height_sharded' as const, grid: [8, 1] as [number, number] };
  const sharded = op(
    'ttnn.add',
    [tensor([1, 1, 256, 64], hs), tensor([1, 1, 256, 64], hs)],
    [tensor([1, 1, 256, 64], hs)],
  );

  it('all sharded alike: the shard-bound figure stands, approx naming is_native_L1_sharding, on every era', () => {
    // Stand-in figure: c_0, c_1, c_2 all on the shards, 0 B of CB per core.
    for (const date of ['2025-03-01', '2025-11-01', '2026-05-01']) {
      const e = estimateOf(estimateOp(sharded, on(date)));
      assert.equal(e.cbBytesPerCore, 0, date);
      assert.equal(e.confidence, 'approx', date);
      assert.match(e.confidence === 'approx' ? e.approxReason : '', /is_native_L1_sharding/, date);
    }
  });

  it('a sharded a with a DRAM b: 3 · 2 · 2,048 = 12,288 B stand-in, approx; interleaved stays exact', () => {
    const mixed = op('ttnn.add', [tensor([1, 1, 256, 64], hs), tensor([1, 1, 256, 64])], [tensor([1, 1, 256, 64], hs)]);
    const m = estimateOf(estimateOp(mixed, on('2026-05-01')));
    assert.equal(m.cbBytesPerCore, 12_288);
    assert.equal(m.confidence, 'approx');
    // Interleaved DRAM a, b, c: c_0, c_1, c_2 of 2 bf16 tiles each = 3 · 2 · 2,048 = 12,288 B, exact.
    const dram = binary('ttnn.add', [1, 1, 256, 64], [1, 1, 256, 64], [1, 1, 256, 64]);
    const d = estimateOf(estimateOp(dram, on('2026-05-01')));
    assert.equal(d.cbBytesPerCore, 12_288);
    assert.equal(d.confidence, 'exact');
  });
});

describe('estimate/typecast of a sharded tensor', () => {
  const ws = (dtype: DataType, buffer: 'l1' | 'dram' = 'l1') =>
    tensor([1, 1, 1, 256], { dtype, buffer, mem: 'width_sharded', grid: [1, 8] });
  const typecast = (from: DataType, to: DataType, buffer: 'l1' | 'dram' = 'l1') =>
    op('ttnn.typecast', [ws(from, buffer)], [ws(to, buffer)]);

  it('vovnet bf16 → f32 width-sharded on 1x8 cores: TypecastProgramFactory, 12,288 B', () => {
    // Tile sizes differ (2,048 vs 4,096): c_0 2 · 2,048 + c_2 2 · 4,096 = 12,288 B; 8 tiles on 8 cores.
    const e = estimateOf(estimateOp(typecast('bf16', 'f32'), on('2026-04-01')));
    assert.equal(e.factory, 'TypecastProgramFactory');
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.equal(e.nCoresUsed, 8);
    assert.equal(e.confidence, 'exact');
  });

  it('equal tile sizes in L1 (f32 → u32): TypecastShardedProgramFactory, its CBs on the shards', () => {
    const e = estimateOf(estimateOp(typecast('f32', 'u32'), on('2026-04-01')));
    assert.equal(e.factory, 'TypecastShardedProgramFactory');
    assert.equal(e.cbBytesPerCore, 0);
    assert.equal(e.confidence, 'exact');
    // In DRAM the optimized factory is refused: c_0 2 · 4,096 + c_2 2 · 4,096 = 16,384 B.
    const dram = estimateOf(estimateOp(typecast('f32', 'u32', 'dram'), on('2026-04-01')));
    assert.equal(dram.factory, 'TypecastProgramFactory');
    assert.equal(dram.cbBytesPerCore, 16_384);
  });

  it('before PR #38616 the sharded factory throws for differing tile sizes; a layout mismatch throws always', () => {
    const before = estimateOp(typecast('bf16', 'f32'), on('2026-02-01'));
    assert.equal(before.kind, 'illegal');
    assert.match(before.kind === 'illegal' ? before.rule : '', /Input and output tile size should be same/);
    const mismatch = estimateOp(
      op('ttnn.typecast', [tensor([1, 1, 1, 256], { buffer: 'l1' })], [ws('f32')]),
      on('2026-04-01'),
    );
    assert.equal(mismatch.kind, 'illegal');
    assert.match(mismatch.kind === 'illegal' ? mismatch.rule : '', /Input and Output memory layout to match/);
  });
});

/**
 * ttnn.batch_norm_inference (ops/batchNorm.ts) across its factory's versions (batch_norm_program_factory.cpp):
 *  - @99f1ff6~1 (before tt-metal #18332, 2025-03-07): ten CBs of 2 tiles, c_8 num (input − mean) besides temp;
 *  - @99f1ff6..@0475d0d (to PR #40233, 2026-03-27): nine CBs of 2 tiles in per-tensor formats: c_0 input, c_1 mean,
 *    c_2 output, c_3 var, c_4 eps (var's format), c_5 weight, c_6 bias (bf16 when absent), c_7 den and c_8 temp
 *    (input's format);
 *  - @b04f3ed and its descriptor port @926ea5e: eps, den, temp in the intermediate format (Float32 when any tensor is),
 *    c_2 staged in it with c_9 in the output format when the output is not f32.
 */
describe('estimate/batch_norm_inference across its factory versions', () => {
  // bf16 input and output, f32 running mean and variance, no weight or bias.
  const bn = op(
    'ttnn.batch_norm_inference',
    [tensor([1, 32, 128, 128]), tensor([1, 32, 1, 1], { dtype: 'f32' }), tensor([1, 32, 1, 1], { dtype: 'f32' })],
    [tensor([1, 32, 128, 128])],
    { operandSegmentSizes: { kind: 'ints', values: [1, 1, 1, 0, 0] } },
  );

  it('2026-01 (create_cb factory): 2·(6 bf16 tiles + 3 f32 tiles) = 49,152 B, exact', () => {
    // bf16: c_0, c_2, c_5, c_6, c_7, c_8 → 6 · 2 · 2,048; f32: c_1, c_3, c_4 (var's format) → 3 · 2 · 4,096.
    const e = estimateOf(estimateOp(bn, on('2026-01-01')));
    assert.equal(e.cbBytesPerCore, 49_152);
    assert.equal(e.confidence, 'exact');
  });

  it('2026-05 (PR #40233): interm Float32 with the c_9 writer CB: 65,536 B, exact', () => {
    // bf16: c_0, c_9, c_5, c_6 → 4 · 2 · 2,048 = 16,384; f32: c_1, c_2 (staging), c_3, c_4, c_7, c_8 → 6 · 2 · 4,096
    // = 49,152; 65,536 B.
    const e = estimateOf(estimateOp(bn, on('2026-05-01')));
    assert.equal(e.cbBytesPerCore, 65_536);
    assert.equal(e.confidence, 'exact');
    // A window across the PR reports both, the larger, and stays exact (each version read).
    const range = estimateOf(estimateOp(bn, window('2026-01-01', '2026-05-01')));
    assert.equal(range.cbBytesPerCore, 65_536);
    assert.equal(range.confidence, 'exact');
  });

  it('before #18332 (2025-02): ten CBs, approx (the earlier versions were not each read)', () => {
    // 2 · (7 bf16 tiles + 3 f32 tiles) = 2 · (14,336 + 12,288) = 53,248 B.
    const e = estimateOf(estimateOp(bn, on('2025-02-01')));
    assert.equal(e.cbBytesPerCore, 53_248);
    assert.equal(e.confidence, 'approx');
  });
});
