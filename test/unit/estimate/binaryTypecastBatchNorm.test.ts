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
import { READ_SPANS } from '../../../server/src/estimate/changePoints';
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

  it('a [1, 1] operand against rows: no row broadcast in the builds of tt-metal PR #23686 (binary.cpp@56351ca)', () => {
    // b is 1x1 in H and W against a's 64 rows. Before 56351ca (2025-06-25) any_row_broadcasted is H 1 against more, so
    // is_legacy_only keeps the legacy op, and multiply is in no is_binary_ng_only case: BroadcastHeightAndWidthMultiCore,
    // c_0, c_1, c_2 of 2 bf16 tiles = 6 · 2,048 = 12,288 B. From it (and from its reapply 40e485d, 2025-08-01) the
    // one-row side must also be wider than 1: no row broadcast, binary_ng with SCALAR_B, which has no c_6 before
    // 0fca1ed: c_0, c_1, c_2 of 2 tiles = 12,288 B. Its revert f28e26c (2025-07-04) restores the legacy op.
    const mul = binary('ttnn.multiply', [64, 1024], [1, 1], [64, 1024]);
    const program = (date: string) => estimateOf(estimateOp(mul, on(date))).factory;
    assert.equal(program('2025-06-20'), 'BinaryDeviceOperation::BroadcastHeightAndWidthMultiCore');
    assert.equal(program('2025-06-30'), 'BinaryNgDeviceOperation::ProgramFactory');
    assert.equal(program('2025-07-10'), 'BinaryDeviceOperation::BroadcastHeightAndWidthMultiCore');
    assert.equal(program('2025-08-02'), 'BinaryNgDeviceOperation::ProgramFactory');
    for (const date of ['2025-06-20', '2025-06-30', '2025-07-10', '2025-08-02'])
      assert.equal(estimateOf(estimateOp(mul, on(date))).cbBytesPerCore, 12_288);
  });

  it('divide and the logical ops: the interim CB of a pre-activation is not modeled, so approx where tt-metal makes one', () => {
    // binary_ng_device_operation.cpp is_binary_sfpu_op: DIV is SFPU for f32 pairs only before a50488d (PR #26614,
    // 2025-10-28), so a bf16 divide ran the FPU multiply with RECIP on b through c_4; from it, SFPU DIV and no interim.
    // The figure is c_0, c_1, c_2 of 2 bf16 tiles = 6 · 2,048 = 12,288 B on both sides (c_4 not added).
    const div = binary('ttnn.divide', [64, 1024], [64, 1024], [64, 1024]);
    const before = estimateOf(estimateOp(div, on('2025-09-01')));
    assert.equal(before.cbBytesPerCore, 12_288);
    assert.equal(before.confidence, 'approx');
    assert.match(before.confidence === 'approx' ? before.approxReason : '', /RECIP pre-activation on b/);
    const after = estimateOf(estimateOp(div, on('2025-11-01')));
    assert.equal(after.cbBytesPerCore, 12_288);
    assert.equal(after.confidence, 'exact');
    // logical_or: process_lhs / process_rhs NEZ (binary_ng_utils.cpp OpConfig from 7f4eb32, PR #16153) → c_3, c_4.
    const or = estimateOf(estimateOp(binary('ttnn.logical_or', [64, 1024], [64, 1024], [64, 1024]), on('2026-05-01')));
    assert.equal(or.confidence, 'approx');
    assert.match(or.confidence === 'approx' ? or.approxReason : '', /interim CBs c_3 and c_4/);
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
    // vovnet's ROW_B multiply, a height-sharded and b width-sharded: both sharded, so #37996's sharded-a test is
    // skipped, and the shapes differ: is_native_L1_sharding is false (binary_ng_utils.cpp@0fca1ed), no CB on a shard:
    // c_0, c_1, c_2, c_6 of 2 bf16 tiles = 4 · 2 · 2,048 = 16,384 B, exact.
    const shardedRow = op(
      'ttnn.multiply',
      [
        tensor([1, 1, 3136, 256], { buffer: 'l1', mem: 'height_sharded', grid: [49, 1] }),
        tensor([1, 1, 1, 256], { buffer: 'l1', mem: 'width_sharded', grid: [1, 8] }),
      ],
      [tensor([1, 1, 3136, 256], { buffer: 'l1', mem: 'height_sharded', grid: [49, 1] })],
    );
    const sharded = estimateOf(estimateOp(shardedRow, on('2026-05-01')));
    assert.equal(sharded.cbBytesPerCore, 16_384);
    assert.equal(sharded.confidence, 'exact');
    // Legacy with a batch broadcast: preprocess_inputs repeats b's dim 0 (2 against 1) first.
    const repeated = binary('ttnn.add', [2, 3, 64, 1024], [1, 3, 1, 1024], [2, 3, 64, 1024]);
    const legacyRepeat = estimateOf(estimateOp(repeated, on('2025-03-01')));
    assert.equal(legacyRepeat.confidence, 'approx');
    assert.match(legacyRepeat.confidence === 'approx' ? legacyRepeat.approxReason : '', /ttnn::repeat/);
  });

  it('same-shape interleaved ops before f1d7b9a: the legacy ElementWiseMultiCore, the same CBs as binary_ng after', () => {
    // binary.cpp@1d923b2: use_legacy.value_or(true) sends every op to BinaryDeviceOperation; select_program_factory
    // (binary_device_operation.cpp@1d923b2) takes ElementWiseMultiCore for equal H and W unless is_binary_sfpu_op (a bf16
    // add is not; an f32 pair is). element_wise_multi_core_program_factory.cpp@1d923b2, unsharded: max_block_size 1,
    // c_0 = 2·T(a), c_1 = 2·T(b), c_2 = 2·T(c), each in its own tensor's format.
    // bf16 add of 64x1024: 3 · 2 · 2,048 = 12,288 B.
    const add = binary('ttnn.add', [64, 1024], [64, 1024], [64, 1024]);
    const legacy = estimateOf(estimateOp(add, on('2025-03-01')));
    assert.equal(legacy.factory, 'BinaryDeviceOperation::ElementWiseMultiCore');
    assert.equal(legacy.cbBytesPerCore, 12_288);
    assert.equal(legacy.confidence, 'exact');
    assert.ok(legacy.citations.some((c) => c.includes('element_wise_multi_core_program_factory.cpp')));
    assert.ok(
      !legacy.citations.some((c) =>
        c.startsWith(
          'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@5eb4ca2',
        ),
      ),
    );
    // 2025-07-15 (after f1d7b9a, 2025-06-06): no row broadcast, interleaved bf16: is_legacy_only false, binary_ng:
    // c_0, c_1, c_2 of 2 bf16 tiles = 12,288 B.
    const ng = estimateOf(estimateOp(add, on('2025-07-15')));
    assert.equal(ng.factory, 'BinaryNgDeviceOperation::ProgramFactory');
    assert.equal(ng.cbBytesPerCore, 12_288);
    // 2025-05-18 (inside #22243's window, c785901 .. 1d923b2): binary_ng ran.
    assert.equal(estimateOf(estimateOp(add, on('2025-05-18'))).factory, 'BinaryNgDeviceOperation::ProgramFactory');
    // An f32 multiply: is_binary_sfpu_op holds (MUL, both f32, @72322bd and @1d923b2): ElementWiseMultiCoreSfpu, whose
    // unsharded CBs are the same lines: 3 · 2 · 4,096 = 24,576 B.
    const mulF32 = binary('ttnn.multiply', [64, 1024], [64, 1024], [64, 1024], 'f32');
    const sfpu = estimateOf(estimateOp(mulF32, on('2025-03-01')));
    assert.equal(sfpu.factory, 'BinaryDeviceOperation::ElementWiseMultiCoreSfpu');
    assert.equal(sfpu.cbBytesPerCore, 24_576);
    // A bf16 a with a bfp8 b: c_0 2 · 2,048 + c_1 2 · 1,088 + c_2 2 · 2,048 = 10,368 B (each CB in its tensor's format).
    const mixed = op(
      'ttnn.add',
      [tensor([64, 1024], { dtype: 'bf16' }), tensor([64, 1024], { dtype: 'bfp_bf8' })],
      [tensor([64, 1024], { dtype: 'bf16' })],
    );
    const m = estimateOf(estimateOp(mixed, on('2025-03-01')));
    assert.equal(m.factory, 'BinaryDeviceOperation::ElementWiseMultiCore');
    assert.equal(m.cbBytesPerCore, 10_368);
    // Same H and W but a batch of 2 against 1: preprocess_inputs repeats b first (ttnn::repeat), not modeled: approx.
    const batch = binary('ttnn.add', [2, 1, 64, 1024], [1, 1, 64, 1024], [2, 1, 64, 1024]);
    const rep = estimateOf(estimateOp(batch, on('2025-03-01')));
    assert.equal(rep.confidence, 'approx');
    assert.match(rep.approxReason ?? '', /repeat/);
  });

  it('tensor-scalar f32 add before f1d7b9a: BroadcastHeightAndWidthMultiCore, its scalar c_1 one Float16_b tile', () => {
    // binary.cpp@1d923b2 (and @72322bd): prim::binary with the scalar; select_program_factory takes
    // BroadcastHeightAndWidthMultiCore; its c_1 is 1 tile of Float16_b when b is absent
    // (broadcast_height_and_width_multi_core_program_factory.cpp@1d923b2): 2 · 4,096 + 1 · 2,048 + 2 · 4,096 = 18,432 B.
    const addScalar = op('ttnn.add', [tensor([64, 1024], { dtype: 'f32' })], [tensor([64, 1024], { dtype: 'f32' })]);
    const legacy = estimateOf(estimateOp(addScalar, on('2025-03-01')));
    assert.equal(legacy.factory, 'BinaryDeviceOperation::BroadcastHeightAndWidthMultiCore');
    assert.equal(legacy.cbBytesPerCore, 18_432);
    // 2025-07-15: binary_ng; an f32 add is an SFPU op, so the scalar b takes a's dtype (binary_ng_program_factory.cpp
    // @f1d7b9a, b_dtype): 2 · 4,096 + 1 · 4,096 + 2 · 4,096 = 20,480 B.
    const ng = estimateOf(estimateOp(addScalar, on('2025-07-15')));
    assert.equal(ng.factory, 'BinaryNgDeviceOperation::ProgramFactory');
    assert.equal(ng.cbBytesPerCore, 20_480);
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
/**
 * Sharded binary_ng (ops/eltwise.ts estimateBinary). binary_ng binds c_0/c_1/c_2 to the shard of a/b/c (each one that
 * is sharded: 0 B of CB region) exactly when is_native_L1_sharding and get_shard_specs hold; otherwise each is its
 * 2-tile ring (c_1 one tile for a scalar b) and the shards are read through TensorAccessor. The test, read at each
 * change (binary_ng_program_factory.cpp / binary_ng_utils.cpp, nyoshifujiTT/tt-metal first-parent history):
 *  - @af6910e (2025-10-15): a tensor b, c sharded, a and b of one logical shape, none of a, b, c uneven, one of them
 *    sharded in L1;
 *  - @6132b08 (2025-10-27): also a and b in one memory layout and nothing in DRAM;
 *  - @8096aa6 (2025-12-19): a's and b's whole memory configs equal;
 *  - @31570cf (2026-01-13): c's unevenness no longer tested; a sharded a's / b's grid must be c's;
 *  - @ad5f256 (2026-01-28): tensor-scalar with an evenly sharded a and a sharded c binds;
 *  - @154ae51 (2026-02-06): get_shard_specs takes an uneven c as interleaved;
 *  - @0fca1ed (2026-04-09): an even, unbroadcast, height-sharded a with an unsharded b under COL/SCALAR binds.
 * is_uneven: the padded rows (all dims but the last) or width not a multiple of the shard's. Before 2025-10-15
 * is_legacy_only sent non-height-sharded (to #27989) and uneven (to #30557) operands to the legacy op: approx.
 * No public thread prints a sharded binary_ng CB figure; the figures below are by hand. bf16 tile 2,048 B.
 */
describe('estimate/binary of sharded operands', () => {
  const hs = (grid: [number, number]) => ({ buffer: 'l1' as const, mem: 'height_sharded' as const, grid });
  const x = [1, 1, 256, 64];
  const add = (a: ReturnType<typeof tensor>, b: ReturnType<typeof tensor> | undefined, c: ReturnType<typeof tensor>) =>
    op('ttnn.add', b === undefined ? [a] : [a, b], [c]);
  // Exact inside read span binary-sharded-tile-cbs (from #30557, 2025-10-15); before it the sharded programs were read
  // at their change points only: the same figures, approx.
  const bytes = (o: ReturnType<typeof op>, date: string) => {
    const e = estimateOf(estimateOp(o, on(date)));
    if (date >= READ_SPANS['binary-sharded-tile-cbs'].earliest)
      assert.equal(e.confidence, 'exact', `${date}: ${e.confidence === 'approx' ? e.approxReason : ''}`);
    else {
      assert.equal(e.confidence, 'approx', date);
      assert.match(e.approxReason, /read span binary-sharded-tile-cbs/);
    }
    return e.cbBytesPerCore;
  };

  it('a, b, c height-sharded alike (8 shards of 1x2 tiles, even): all three CBs on the shards, 0 B, exact', () => {
    const alike = add(tensor(x, hs([8, 1])), tensor(x, hs([8, 1])), tensor(x, hs([8, 1])));
    for (const date of ['2025-10-20', '2025-11-01', '2026-01-20', '2026-05-01']) assert.equal(bytes(alike, date), 0);
  });

  it('a height-sharded with b in DRAM: c_0, c_2 on shards (4,096 B) at #30557; 3 rings (12,288 B) from #31096', () => {
    const mixed = add(tensor(x, hs([8, 1])), tensor(x), tensor(x, hs([8, 1])));
    // 2025-10-20: no memory-layout or DRAM test yet; a L1-sharded: native. c_1 alone: 2 · 2,048 = 4,096 B.
    assert.equal(bytes(mixed, '2025-10-20'), 4_096);
    // 2025-11-01: b in DRAM: not native: (2 + 2 + 2) · 2,048 = 12,288 B; the same at 2026-05-01 (configs differ).
    assert.equal(bytes(mixed, '2025-11-01'), 12_288);
    assert.equal(bytes(mixed, '2026-05-01'), 12_288);
    // An L1-interleaved b: the layouts differ (#31096), so 12,288 B too; at #30557 4,096 B.
    const l1b = add(tensor(x, hs([8, 1])), tensor(x, { buffer: 'l1' }), tensor(x, hs([8, 1])));
    assert.equal(bytes(l1b, '2025-10-20'), 4_096);
    assert.equal(bytes(l1b, '2025-11-01'), 12_288);
  });

  it("uneven block-sharded output of L1-interleaved a, b (vovnet's 784x768 on 7x8): bound 01-13..02-05 only", () => {
    // 784 rows pad to 800 = 25 tiles; 7x8 grid → shard ceil(25/7) = 4 x 24/8 = 3 tiles: 7·4 = 28 ≠ 25, uneven.
    const y = [1, 1, 784, 768];
    const uneven = add(
      tensor(y, { buffer: 'l1' }),
      tensor(y, { buffer: 'l1' }),
      tensor(y, { buffer: 'l1', mem: 'block_sharded', grid: [7, 8] }),
    );
    // 2025-12-20: is_uneven(c) in is_native_L1_sharding: 3 rings, 12,288 B.
    assert.equal(bytes(uneven, '2025-12-20'), 12_288);
    // 2026-01-20 (#35420): c's unevenness untested, configs equal (L1 interleaved), c L1-sharded: c_2 on its shard,
    // c_0 + c_1 = 2 · 2 · 2,048 = 8,192 B.
    assert.equal(bytes(uneven, '2026-01-20'), 8_192);
    // 2026-02-10 (#37229): an uneven c is interleaved: 12,288 B; from #37996 only when a, b, c share a spec: 12,288 B.
    assert.equal(bytes(uneven, '2026-02-10'), 12_288);
    assert.equal(bytes(uneven, '2026-05-01'), 12_288);
    // The same op evenly block-sharded (256x64 on 8x2: 1x1-tile shards) binds c_2 on every build: 8,192 B.
    const even = add(
      tensor(x, { buffer: 'l1' }),
      tensor(x, { buffer: 'l1' }),
      tensor(x, { buffer: 'l1', mem: 'block_sharded', grid: [8, 2] }),
    );
    for (const date of ['2025-12-20', '2026-01-20', '2026-05-01']) assert.equal(bytes(even, date), 8_192);
  });

  it('a, b on 8 cores, c on 4 (same layout): all bound before #35420 (0 B), 3 rings after (12,288 B)', () => {
    const regrid = add(tensor(x, hs([8, 1])), tensor(x, hs([8, 1])), tensor(x, hs([4, 1])));
    assert.equal(bytes(regrid, '2026-01-05'), 0);
    assert.equal(bytes(regrid, '2026-01-20'), 12_288);
  });

  it('tensor-scalar on a height-sharded a: c_0, c_1 (1 tile), c_2 = 10,240 B before #36375; c_1 alone, 2,048 B, after', () => {
    const scalar = add(tensor(x, hs([8, 1])), undefined, tensor(x, hs([8, 1])));
    assert.equal(bytes(scalar, '2026-01-20'), 10_240);
    assert.equal(bytes(scalar, '2026-02-01'), 2_048);
  });

  it('COL_B broadcast, a height-sharded, b interleaved: from #37996 c_0/c_2 on shards (c_1 + c_6 = 8,192 B)', () => {
    const colB = (mem: 'height_sharded' | 'width_sharded', grid: [number, number]) =>
      op(
        'ttnn.multiply',
        [tensor(x, { buffer: 'l1', mem, grid }), tensor([1, 1, 256, 1], { buffer: 'l1' })],
        [tensor(x, { buffer: 'l1', mem, grid })],
      );
    // 2026-03-01: bf16, not block-format: binary_ng (is_legacy_only from #36054); shapes differ: not native; no c_6
    // for COL_B before #37996: 3 · 2 · 2,048 = 12,288 B.
    assert.equal(bytes(colB('height_sharded', [8, 1]), '2026-03-01'), 12_288);
    // 2026-05-01: a even, unbroadcast, height-sharded, b unsharded, COL_B: native; c_1 and c_6 rings: 8,192 B.
    assert.equal(bytes(colB('height_sharded', [8, 1]), '2026-05-01'), 8_192);
    // Width-sharded a (1x2 grid of 8x1-tile shards): the COL test needs height sharding: c_0, c_1, c_6, c_2 = 16,384 B.
    assert.equal(bytes(colB('width_sharded', [1, 2]), '2026-05-01'), 16_384);
  });

  it("vovnet's ROW_B multiply with a, b, c width-sharded alike on 1x24: nothing bound, 16,384 B (the stand-in gave 4,096)", () => {
    // 1x1x196x768 · 1x1x1x768: b is sharded, so #37996's sharded-a test does not apply, and the shapes differ: not
    // native on 2026-03-06..2026-05-05. c_0, c_1, c_2 and (ROW_B, from #26224) c_6 rings: 4 · 2 · 2,048 = 16,384 B.
    const ws = { buffer: 'l1' as const, mem: 'width_sharded' as const, grid: [1, 24] as [number, number] };
    const rowB = op(
      'ttnn.multiply',
      [tensor([1, 1, 196, 768], ws), tensor([1, 1, 1, 768], ws)],
      [tensor([1, 1, 196, 768], ws)],
    );
    const e = estimateOf(estimateOp(rowB, window('2026-03-06', '2026-05-05')));
    assert.equal(e.cbBytesPerCore, 16_384);
    assert.equal(e.confidence, 'exact');
  });

  it('legacy element-wise factory (before binary-ng-default; is_legacy_only after): shards bound, rings of 2·max_block', () => {
    // element_wise_multi_core_program_factory.cpp@1d923b2: num_tiles_per_shard of the first sharded tensor (a 32x64
    // shard: 2 tiles), max_block_size = largest divisor ≤ 8 of it (2): an interleaved input's CB 2·2 = 4 tiles.
    const alike = add(tensor(x, hs([8, 1])), tensor(x, hs([8, 1])), tensor(x, hs([8, 1])));
    assert.equal(bytes(alike, '2025-03-01'), 0);
    const dramB = add(tensor(x, hs([8, 1])), tensor(x), tensor(x, hs([8, 1])));
    // c_1 = 4 · 2,048 = 8,192 B (binary_ng's 2-tile ring would give 4,096 B).
    assert.equal(bytes(dramB, '2025-03-01'), 8_192);
    // Width-sharded a and b (1x2 grid: 8x1-tile shards, 8 tiles, max_block_size 8), interleaved output: c_2 is a real
    // CB of num_tiles_per_shard = 8 tiles: 16,384 B. On 2025-07-01 is_legacy_only still sends it to the legacy op
    // (any_non_height_sharded, binary.cpp@f1d7b9a): 16,384 B as well.
    const ws = { buffer: 'l1' as const, mem: 'width_sharded' as const, grid: [1, 2] as [number, number] };
    const wsOut = add(tensor(x, ws), tensor(x, ws), tensor(x));
    assert.equal(bytes(wsOut, '2025-03-01'), 16_384);
    assert.equal(bytes(wsOut, '2025-07-01'), 16_384);
    // 2025-07-01, height-sharded and even: binary_ng (before #27989), every sharded tensor's CB on its shard: 0 B; an
    // interleaved b there is a 2-tile ring: 4,096 B.
    assert.equal(bytes(alike, '2025-07-01'), 0);
    assert.equal(bytes(dramB, '2025-07-01'), 4_096);
  });

  it('stays approx where the sharded path was not read: binary-ng-default-first, legacy scalar', () => {
    const alike = add(tensor(x, hs([8, 1])), tensor(x, hs([8, 1])), tensor(x, hs([8, 1])));
    const reason = (o: ReturnType<typeof op>, date: string) => {
      const e = estimateOf(estimateOp(o, on(date)));
      assert.equal(e.confidence, 'approx', date);
      return e.confidence === 'approx' ? e.approxReason : '';
    };
    assert.match(reason(alike, '2025-05-18'), /binary-ng-default-first/);
    assert.match(reason(add(tensor(x, hs([8, 1])), undefined, tensor(x, hs([8, 1]))), '2025-03-01'), /tensor-scalar/);
    // 2025-09..11: every sub-window's factory binds all three (#16138's binding, #27989's, #30557's), 0 B; the builds
    // before 2025-10-15 lie outside read span binary-sharded-tile-cbs: approx.
    const range = estimateOf(estimateOp(alike, window('2025-09-01', '2025-11-30')));
    assert.equal(range.confidence, 'approx');
    assert.equal(range.cbBytesPerCore, 0);
    // 2025-10-15..11-30 lies inside it: exact.
    const inside = estimateOf(estimateOp(alike, window('2025-10-15', '2025-11-30')));
    assert.deepEqual([inside.confidence, inside.cbBytesPerCore], ['exact', 0]);
    assert.ok(inside.citations.some((c) => c.startsWith('read span binary-sharded-tile-cbs')));
  });

  // #27989's builds (2025-09-29..10-14), binary_ng_program_factory.cpp@629ddfc (CB lines the same to af6910e~1):
  // is_native_L1_sharding = tensor-scalar with a sharded a, or a and b of one logical shape with one of a, b, c sharded
  // in L1; c_0/c_1 bind under it, else 2 tiles; c_2 is c_num_tiles_per_shard (c's own shard) whenever c is sharded,
  // bound only under it. binary_ng_device_operation.cpp@629ddfc rejects sharded tensors outside L1 and, in
  // validate_sharding, sharded a/b, a/c (else b/c) of different memory layouts (to #30702, 6f9c404, 2025-10-17) or,
  // with no subtile broadcast, of different shard specs (to #31096, 6132b08, 2025-10-27).
  it("#27989's builds: alike 0 B; a DRAM b 4,096 B; tensor-scalar 6,144 B (10,240 B at #30557)", () => {
    const alike = add(tensor(x, hs([8, 1])), tensor(x, hs([8, 1])), tensor(x, hs([8, 1])));
    assert.equal(bytes(alike, '2025-10-01'), 0);
    // a L1-sharded, same shapes: native; c_0 and c_2 bound; c_1 2 · 2,048 = 4,096 B.
    assert.equal(bytes(add(tensor(x, hs([8, 1])), tensor(x), tensor(x, hs([8, 1]))), '2025-10-01'), 4_096);
    // Tensor-scalar with a sharded a and an interleaved c: native at 629ddfc (c_0 bound): c_1 1 tile + c_2 2 tiles =
    // 3 · 2,048 = 6,144 B. af6910e's test is false without a tensor b: c_0 2 tiles more, 10,240 B.
    const scalar = add(tensor(x, hs([8, 1])), undefined, tensor(x));
    assert.equal(bytes(scalar, '2025-10-01'), 6_144);
    assert.equal(bytes(scalar, '2025-10-20'), 10_240);
  });

  it("#27989's builds: a batch-broadcast b leaves a sharded c's whole shard in c_2, unbound (40,960 B; 12,288 B at #30557)", () => {
    // a and c 1x2x256x64 height-sharded on 2 cores (shards of 256x64: 8x2 = 16 tiles), b 1x1x256x64 interleaved: the
    // same H and W (no subtile broadcast) but different logical shapes, so not native. 629ddfc: c_0, c_1 2 tiles each
    // + c_2 16 tiles = 20 · 2,048 = 40,960 B on a's 2 shard cores. af6910e: c_2 a 2-tile ring too: 6 · 2,048 = 12,288 B.
    const big = [1, 2, 256, 64];
    const batchB = op('ttnn.add', [tensor(big, hs([2, 1])), tensor(x)], [tensor(big, hs([2, 1]))]);
    const e = estimateOf(estimateOp(batchB, on('2025-10-01')));
    assert.equal(e.cbBytesPerCore, 40_960);
    assert.equal(e.nCoresUsed, 2);
    assert.equal(bytes(batchB, '2025-10-20'), 12_288);
  });

  it("validate_sharding to #31096: spec and layout mismatches are tt-metal's TT_FATALs", () => {
    const rule = (o: ReturnType<typeof op>, date: string) => {
      const r = estimateOp(o, on(date));
      return r.kind === 'illegal' ? r.rule : `not illegal: ${r.kind}`;
    };
    // a, b on 8 cores, c on 4: a/c shard specs differ under no subtile broadcast.
    const regrid = add(tensor(x, hs([8, 1])), tensor(x, hs([8, 1])), tensor(x, hs([4, 1])));
    for (const date of ['2025-10-01', '2025-10-20', '2025-10-26'])
      assert.match(rule(regrid, date), /need to have the same shard spec/, date);
    assert.equal(bytes(regrid, '2025-10-27'), 0);
    // a height-, b width-sharded: the layout test until #30702 (2025-10-17), then the spec test.
    const ws = add(tensor(x, hs([8, 1])), tensor(x, { buffer: 'l1', mem: 'width_sharded', grid: [1, 2] }), tensor(x));
    assert.match(rule(ws, '2025-10-16'), /need to have the same memory layout/);
    assert.match(rule(ws, '2025-10-17'), /need to have the same shard spec/);
    // Before #27989 (binary_ng_device_operation.cpp@629ddfc~1, the same tests from 27d4416): height-sharded a and b,
    // even, so binary_ng runs (is_legacy_only@f1d7b9a), and validate_sharding rejects a's and b's specs.
    const abRegrid = add(tensor(x, hs([8, 1])), tensor(x, hs([4, 1])), tensor(x, hs([8, 1])));
    assert.match(rule(abRegrid, '2025-07-01'), /need to have the same shard spec/);
  });

  it('a sharded bfp8 a with an interleaved b: legacy before #37996 (4,352 B), binary_ng after (6,528 B)', () => {
    // bfp8 tile 1,088 B. 2026-03-01: any_sharded_block_format → legacy element-wise: c_1 = 2·2 tiles = 4,352 B.
    // 2026-05-01: binary_ng; the memory configs differ: not native: 3 rings · 2 · 1,088 = 6,528 B.
    const bf8 = { ...hs([8, 1]), dtype: 'bfp_bf8' as const };
    const mixed = add(tensor(x, bf8), tensor(x, { dtype: 'bfp_bf8' }), tensor(x, bf8));
    assert.equal(bytes(mixed, '2026-03-01'), 4_352);
    assert.equal(bytes(mixed, '2026-05-01'), 6_528);
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

describe('estimate/typecast of an interleaved tensor', () => {
  // typecast_program_factory.cpp: c_0 and c_2 of 2 pages each; a TILE page is a tile (bf16 2,048 B, f32 4,096 B).
  const tiled = op('ttnn.typecast', [tensor([1, 1, 32, 256])], [tensor([1, 1, 32, 256], { dtype: 'f32' })]);
  const rowMajor = op(
    'ttnn.typecast',
    [tensor([1, 1, 32, 256], { page: 'row_major' })],
    [tensor([1, 1, 32, 256], { dtype: 'f32', page: 'row_major' })],
  );

  it('TILE: 2 · 2,048 + 2 · 4,096 = 12,288 B, exact inside read span typecast-tile-interleaved and cited by it', () => {
    const e = estimateOf(estimateOp(tiled, on('2026-04-01')));
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.equal(e.confidence, 'exact');
    assert.ok(e.citations.some((c) => c.startsWith('read span typecast-tile-interleaved')));
    const early = estimateOf(estimateOp(tiled, on('2024-12-01')));
    assert.equal(early.confidence, 'approx');
    assert.match(early.confidence === 'approx' ? early.approxReason : '', /read at every build/);
  });

  it('ROW_MAJOR: the chunked factory of PR #34596 is not modeled, so approx, and the TILE read span is not cited', () => {
    const e = estimateOf(estimateOp(rowMajor, on('2026-04-01')));
    assert.equal(e.confidence, 'approx');
    assert.match(e.confidence === 'approx' ? e.approxReason : '', /TypecastRowMajorChunkedProgramFactory/);
    assert.ok(!e.citations.some((c) => c.includes('typecast-tile-interleaved')));
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
