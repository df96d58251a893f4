/**
 * The version axis per family: each change point in estimate/changePoints.ts flips the figure the way the tt-metal
 * factories before and after it allocate. Figures are derived by hand from the factories (arithmetic in comments).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { int, ints, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}
const rm = (shape: number[], dtype: 'bf16' | 'f32' | 'u32' = 'bf16') => tensor(shape, { page: 'row_major', dtype });

describe('estimate history (change points)', () => {
  it('pad: sticks per barrier from the input width before tt-metal PR #40316, from the output stick after', () => {
    // bf16 [4,1,1,8] → [4,1,1,1024]: stick = 2,048 B. Before: n = ceil(2048 / 16 B input) = 128 → c_0 = 16·128·2,048
    // = 4,194,304; after: n = max(ceil(2048 / 2048), 1) = 1 → c_0 = 16·2,048 = 32,768. c_1 = 2,048 (no c_2).
    const pad = op('ttnn.pad', [rm([4, 1, 1, 8])], [rm([4, 1, 1, 1024])], { padding: ints(0, 0, 0, 0, 0, 0, 0, 1016) });
    assert.equal(est(estimateOp(pad, whContext({ ttMetalDate: '2026-03-18' }))).cbBytesPerCore, 4_194_304 + 2_048);
    assert.equal(est(estimateOp(pad, whContext({ ttMetalDate: '2026-03-19' }))).cbBytesPerCore, 32_768 + 2_048);
    // A window across the PR reports both figures and the worst one.
    const both = est(estimateOp(pad, whContext({ window: { earliest: '2026-03-01', latest: '2026-04-30' } })));
    assert.deepEqual(both.versionRange?.changePoints, ['pad-rm-barrier-from-output']);
    assert.equal(both.cbBytesPerCore, 4_196_352);
  });

  it('pad: from tt-metal PR #56121 the c_0 depth is bounded by l1_size/2 − base', () => {
    // bf16 width 40,000: stick 80,000 B, n = 1. Budget = 749,568 − 102,656 = 646,912 → ⌊646,912 / 80,000⌋ = 8 deep.
    const pad = op('ttnn.pad', [rm([1, 1, 1, 100])], [rm([1, 1, 1, 40_000])], {
      padding: ints(0, 0, 0, 0, 0, 0, 0, 39_900),
    });
    const before = est(estimateOp(pad, whContext({ ttMetalDate: '2026-09-01' })));
    const after = est(estimateOp(pad, whContext({ ttMetalDate: '2026-10-01' })));
    assert.equal(before.cbs.find((c) => c.cbIndex === 'c_0')?.totalBytes, 16 * 80_000);
    assert.equal(after.cbs.find((c) => c.cbIndex === 'c_0')?.totalBytes, 8 * 80_000);
    assert.equal(after.confidence, 'approx');
  });

  it('concat: two pages above l1_size/2 − base are single-buffered from tt-metal PR #43898 on', () => {
    // Row-major [2, 200,000] bf16 concat on dim 0: page = 400,000 B; 2 pages = 800,000 > 646,912 → 1 page after.
    // Still two pages on 2026-05-11 (tt-mlir PR #8412's chunk concat on the tt-metal tt-mlir pinned that day).
    const c = op('ttnn.concat', [rm([1, 200_000]), rm([1, 200_000])], [rm([2, 200_000])], { dim: int(0) });
    assert.equal(est(estimateOp(c, whContext({ ttMetalDate: '2026-05-11' }))).cbBytesPerCore, 800_000);
    assert.equal(est(estimateOp(c, whContext({ ttMetalDate: '2026-05-12' }))).cbBytesPerCore, 400_000);
  });

  it('concat: tiled inputs with an unaligned last dim concatenate whole transposed rows', () => {
    // [1000, 5] + [1000, 3] f32 on dim 1: page = align(1,000·4, 32) = 4,000 → 2 pages = 8,000 B, one of the seven
    // programs concat.cpp runs inside read span concat-massaged-rm-path-2025-26 (read to 622c6fb since session 32:
    // 2025-11-27 and 2026-06-20 alike), all sized.
    const c = op(
      'ttnn.concat',
      [tensor([1000, 5], { dtype: 'f32' }), tensor([1000, 3], { dtype: 'f32' })],
      [tensor([1000, 8], { dtype: 'f32' })],
      { dim: int(1) },
    );
    const june = { ttMetalDate: '2026-06-20' };
    for (const ctx of [whContext(june), whContext()]) {
      const inside = est(estimateOp(c, ctx));
      assert.match(inside.factoryReason, /^7 programs run in turn .*row-major concat: ConcatProgramFactory 8000 B/);
      assert.equal(inside.confidence, 'exact');
    }
    // Tile-padded widths whose row bytes are DRAM-aligned (bf16 16 = 32 B) are not transposed
    // (build_non_aligned_last_dim_concat's alignment test): the untilized rows are concatenated on the last dim, page =
    // align(32 · 2, 32) = 64 B, 2 pages = 128 B, whatever the height; transposed rows would be align(500,000 · 2, 32)
    // = 1,000,000 B pages.
    const paddedAligned = op('ttnn.concat', [tensor([500_000, 16]), tensor([500_000, 16])], [tensor([500_000, 32])], {
      dim: int(1),
    });
    assert.match(
      est(estimateOp(paddedAligned, whContext(june))).factoryReason,
      /row-major concat: ConcatProgramFactory 128 B/,
    );
    // Aligned last dims keep tile pages: 2·4,096.
    const aligned = op(
      'ttnn.concat',
      [tensor([1000, 32], { dtype: 'f32' }), tensor([1000, 64], { dtype: 'f32' })],
      [tensor([1000, 96], { dtype: 'f32' })],
      { dim: int(1) },
    );
    assert.equal(est(estimateOp(aligned, whContext(june))).cbBytesPerCore, 8_192);
  });

  it('softmax: no large kernel before tt-metal PR #23130; the large kernel has c_5 and c_10 (536,576 B for 1x1x32x32768 bf16)', () => {
    const s = op('ttnn.softmax', [tensor([1, 1, 32, 32_768])], [tensor([1, 1, 32, 32_768])], { dimension: int(-1) });
    // Large kernel: c_0, c_6, c_10 = 80·2,048 = 163,840 each; c_11 = 2·8·2,048 = 32,768; c_2, c_5, c_7, c_12, c_15,
    // c_16 = 2,048 each → 3·163,840 + 32,768 + 6·2,048 = 536,576 (the factory's figure in this project's issue #12).
    const after = est(estimateOp(s, whContext({ ttMetalDate: '2025-11-27' })));
    assert.equal(after.cbBytesPerCore, 536_576);
    // Before: whole-row CBs. Wt = 1,024: c_0 = c_11 = 16·2,048; c_7, c_2, c_5 = 2,048; c_6 = 1,024·2,048 → 2,169,856.
    const before = est(estimateOp(s, whContext({ ttMetalDate: '2025-03-01' })));
    assert.equal(before.cbBytesPerCore, 2 * 32_768 + 3 * 2_048 + 2_097_152);
  });

  it('untilize_with_unpadding: the tile-row factory before tt-metal PR #17790, the block factory after', () => {
    // [1, 1, 1, 50304] bf16 (tt-metal #16804): Wt = 1,572. Before: c_0 = c_16 = 1,572·2,048 = 3,219,456 each.
    const u = op('ttnn.untilize_with_unpadding', [tensor([1, 1, 1, 50_304])], [rm([1, 1, 1, 50_304])]);
    const before = est(estimateOp(u, whContext({ ttMetalDate: '2025-01-16' })));
    assert.equal(before.factory, 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory');
    assert.equal(before.cbBytesPerCore, 2 * 3_219_456);
    assert.equal(
      est(estimateOp(u, whContext({ ttMetalDate: '2025-03-01' }))).factory,
      'UntilizeWithUnpaddingMultiCoreBlockInterleavedProgramFactory',
    );
  });

  it('slice (row-major): whole-row pages before tt-metal PR #49067, 8 KiB sub-row chunks after', () => {
    // f32 rows of 258,112: page = 1,032,448 B; 2 pages > 1,499,136 − 102,656 = 1,396,480 → after: chunk =
    // min(8,192, 1,396,480 / 8) = 8,192; c_0 = 2·2·8,192 = 32,768. Before: 2 x 1,032,448 = 2,064,896.
    const s = op('ttnn.slice_static', [rm([6, 3, 258_112], 'f32')], [rm([6, 1, 258_112], 'f32')], {
      begins: ints(0, 2, 0),
      ends: ints(6, 3, 258_112),
      step: ints(1, 1, 1),
    });
    assert.equal(est(estimateOp(s, whContext({ ttMetalDate: '2026-07-05' }))).cbBytesPerCore, 2_064_896);
    assert.equal(est(estimateOp(s, whContext({ ttMetalDate: '2026-07-06' }))).cbBytesPerCore, 32_768);
  });

  it('tilize block factory: no c_1 staging in the budget before tt-metal PR #50551, staging CB and a smaller limit after', () => {
    // [1,1,1,1048576] f32 → bf16 tile (tt-metal #38364's op), base 102,656: maxL1 = 1,396,480.
    // Before: limit = ⌊1,396,480 / 6,144⌋ = 227 tiles, CBs c_0 + c_16 only. After: ⌊(1,396,480 − 64) / 6,272⌋ = 222, + c_1.
    const t = op('ttnn.tilize_with_val_padding', [rm([1, 1, 1, 1_048_576], 'f32')], [tensor([1, 1, 1, 1_048_576])]);
    const before = est(estimateOp(t, whContext({ ttMetalDate: '2026-04-01' })));
    const after = est(estimateOp(t, whContext({ ttMetalDate: '2026-08-01' })));
    assert.ok(!before.cbs.some((c) => c.cbIndex === 'c_1'));
    assert.ok(after.cbs.some((c) => c.cbIndex === 'c_1' && c.role === 'staging'));
    assert.match(before.factoryReason, /limit 227 tiles/);
    assert.match(after.factoryReason, /limit 222 tiles/);
    for (const e of [before, after]) assert.ok(e.worstCbBytesPerCore <= 1_396_480, `fits: ${e.worstCbBytesPerCore}`);
  });

  it('transpose HC (tiled): one double-buffered input CB, plus a pad CB when C % 32 != 0 (a face row, a face from PR #36896)', () => {
    // bf16 [1, 3, 64, 64] dims (1, 2): c_0 = 2·2,048; C = 3 → pad CB. On the goldens' 2025-11 build (before eda5031,
    // PR #36896): face_shape[1]·elem = 16·2 = 32 B → 4,128 B; from 2026-02-01: 16·16·2 = 512 → 4,608 B. Both exact
    // (transpose_program_factory.cpp@a927a47 … the HC factory@622c6fb read: c_0 2 tiles, CBs on the whole grid).
    const t = op('ttnn.transpose', [tensor([1, 3, 64, 64])], [tensor([1, 64, 3, 64])], { dim0: int(1), dim1: int(2) });
    const nov2025 = est(estimateOp(t, whContext()));
    assert.equal(nov2025.cbBytesPerCore, 4_128);
    assert.equal(nov2025.confidence, 'exact');
    const apr2026 = est(estimateOp(t, whContext({ ttMetalDate: '2026-04-01' })));
    assert.equal(apr2026.cbBytesPerCore, 4_608);
    assert.equal(apr2026.confidence, 'exact');
    // Into the unread Metal 2.0 port of the transpose factories (PR #54333, ≈2026-08-25): approx.
    const intoPort = est(estimateOp(t, whContext({ window: { earliest: '2026-07-01', latest: '2026-11-30' } })));
    assert.equal(intoPort.confidence, 'approx');
    const aligned = op('ttnn.transpose', [tensor([1, 32, 64, 64])], [tensor([1, 64, 32, 64])], {
      dim0: int(1),
      dim1: int(2),
    });
    assert.equal(est(estimateOp(aligned, whContext())).cbBytesPerCore, 4_096);
    const permute = op('ttnn.permute', [tensor([1, 3, 64, 64])], [tensor([1, 64, 3, 64])], {
      permutation: ints(0, 2, 1, 3),
    });
    assert.equal(est(estimateOp(permute, whContext())).factory, 'TransposeHCTiledInterleavedProgramFactory');
  });
  it("repeat / repeat_interleave: the result keeps the input's memory config until tt-mlir #6772 / tt-metal #44115", () => {
    const shape = (dims: number[]) => ({
      kind: 'dialect' as const,
      name: 'ttnn.shape',
      text: '',
      items: [dims.join('x')],
      fields: {},
    });
    const l1 = (s: number[]) => tensor(s, { buffer: 'l1' });
    // 64x1024 DRAM input repeated to 128x1024 with an L1 result: 128 tiles / 64 banks · 2,048 = 4,096 B per core when
    // the L1 result is honoured, 0 while the input's DRAM config is kept.
    const repeat = op('ttnn.repeat', [tensor([64, 1024])], [l1([128, 1024])], { repeat_dims: shape([2, 1]) });
    assert.equal(est(estimateOp(repeat, whContext({ ttMetalDate: '2026-01-27' }))).l1TensorBytesPerCore, 0);
    assert.equal(est(estimateOp(repeat, whContext({ ttMetalDate: '2026-01-28' }))).l1TensorBytesPerCore, 4_096);
    const ri = (dim: number, out: number[]) =>
      op('ttnn.repeat_interleave', [tensor([64, 1024])], [l1(out)], { repeats: int(2), dim: int(dim) });
    assert.equal(est(estimateOp(ri(0, [128, 1024]), whContext({ ttMetalDate: '2026-07-19' }))).l1TensorBytesPerCore, 0);
    assert.equal(
      est(estimateOp(ri(0, [128, 1024]), whContext({ ttMetalDate: '2026-07-20' }))).l1TensorBytesPerCore,
      4_096,
    );
    // Along the last dim the transposes take the requested config in every build.
    assert.equal(
      est(estimateOp(ri(1, [64, 2048]), whContext({ ttMetalDate: '2026-07-19' }))).l1TensorBytesPerCore,
      4_096,
    );
  });
  it('asinh: a composite of eltwise programs before tt-metal PR #23576, one unary SFPU program after', () => {
    // bf16 64x1024: binary step c_0 + c_1 + c_2 = 3·2·2,048 = 12,288 B; unary c_0 + c_2 = 2·2·2,048 = 8,192 B.
    const asinh = op('ttnn.asinh', [tensor([64, 1024])], [tensor([64, 1024])]);
    assert.equal(est(estimateOp(asinh, whContext({ ttMetalDate: '2025-06-24' }))).cbBytesPerCore, 12_288);
    assert.equal(est(estimateOp(asinh, whContext({ ttMetalDate: '2025-06-25' }))).cbBytesPerCore, 8_192);
  });
  it('log1p: add 1 then log before tt-metal PR #20502, its add result an L1 tensor held through the log; one program after', () => {
    // bf16 256x2048 in L1 (512 tiles, ⌈512 / 64⌉ = 8 pages a bank · 2,048 = 16,384 B). Add step: c_0 2 + c_1 1 (the
    // scalar) + c_2 2 tiles = 5·2,048 = 10,240 B; log step: c_0 + c_2 = 8,192 B. The add's result, in the output's
    // memory config (L1), is live while the log runs and allocates its own.
    const t = tensor([256, 2048], { buffer: 'l1' });
    const log1p = op('ttnn.log1p', [t], [t]);
    const before = est(estimateOp(log1p, whContext({ ttMetalDate: '2025-04-15' })));
    assert.equal(before.cbBytesPerCore, 10_240);
    assert.deepEqual(
      before.l1Intermediates?.map((i) => [i.bytesPerCore, i.liveDuringProgram, i.writerProgram?.cbBytesPerCore]),
      [[16_384, true, 10_240]],
    );
    assert.equal(before.lastProgram?.cbBytesPerCore, 8_192);
    const after = est(estimateOp(log1p, whContext({ ttMetalDate: '2025-04-16' })));
    assert.equal(after.cbBytesPerCore, 8_192);
    assert.equal(after.l1Intermediates, undefined);
  });
  it('cbrt: six programs before tt-metal PR #28170 (the exp result held to the last multiply); one unary program with a c_1 temporary after', () => {
    // _cbrt (unary_composite_op.cpp@7003188): abs, log, multiply by 1/3, exp, sign(x), multiply(exp, sign), each result
    // in the output's memory config. bf16 256x2048 in L1: 512 tiles, ⌈512 / 64⌉ = 8 pages a bank · 2,048 = 16,384 B.
    // Unary steps: c_0 2 + c_2 2 tiles = 8,192 B; the scalar multiply: c_0 2 + c_1 1 + c_2 2 = 10,240 B; the last
    // multiply: 3 · 2 tiles = 12,288 B, the largest. Live at the last multiply: the exp and sign results (the abs, log and
    // scalar-product results were freed after the program that read them).
    const t = tensor([256, 2048], { buffer: 'l1' });
    const cbrt = op('ttnn.cbrt', [t], [t]);
    const before = est(estimateOp(cbrt, whContext({ ttMetalDate: '2025-09-24' })));
    assert.equal(before.cbBytesPerCore, 12_288);
    assert.deepEqual(
      before.l1Intermediates?.map((i) => [i.bytesPerCore, i.liveDuringProgram, i.writerProgram?.cbBytesPerCore]),
      [
        [16_384, false, 8_192],
        [16_384, false, 8_192],
        [16_384, false, 10_240],
        [16_384, true, 8_192],
        [16_384, true, 8_192],
      ],
    );
    // unary_program_factory.cpp@11de0e3: c_1 = num_input_tiles (2) · the input tile for CBRT: 3 · 2 · 2,048 = 12,288 B.
    const after = est(estimateOp(cbrt, whContext({ ttMetalDate: '2025-09-25' })));
    assert.equal(after.cbBytesPerCore, 12_288);
    assert.equal(after.l1Intermediates, undefined);
    assert.ok(after.factory.startsWith('UnaryProgramFactory'));
    // unary_sharded_program_factory.cpp@11de0e3: c_0 and c_2 are the shards (0 B); c_1 = num_tile_per_core · the
    // 32-B-aligned tile. 512x256 bf16 height-sharded on 8 cores: 16 x 8 tiles / 8 = 16 tiles a shard · 2,048 = 32,768 B.
    const sh = tensor([512, 256], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const sharded = est(estimateOp(op('ttnn.cbrt', [sh], [sh]), whContext({ ttMetalDate: '2025-09-25' })));
    assert.equal(sharded.cbBytesPerCore, 32_768);
  });
  it('hardsigmoid: multiply, add, relu_max placed like the input before tt-metal PR #24923; one unary program after', () => {
    // _hardsigmoid (unary_composite_op.cpp@26c0f92) calls ttnn::mac(x, scale, shift) and relu_max(., 1) with no memory
    // config: _mac_overload (ternary_composite_op.cpp@26c0f92) is add(multiply(x, scale), shift), each result in the
    // input's memory config, the op's own too. Scalar steps: c_0 2 + c_1 1 + c_2 2 tiles = 10,240 B (bf16); relu_max:
    // c_0 2 + c_2 2 = 8,192 B. The add (the later of the two 10,240 B steps) is reported.
    const l1 = tensor([256, 2048], { buffer: 'l1' }); // 8 pages a bank · 2,048 = 16,384 B
    const dram = tensor([256, 2048]);
    const hs = op('ttnn.hardsigmoid', [dram], [l1]);
    const before = est(estimateOp(hs, whContext({ ttMetalDate: '2025-07-21' })));
    assert.equal(before.cbBytesPerCore, 10_240);
    assert.equal(before.l1TensorBytesPerCore, 0); // written as L1, but placed like the DRAM input
    const after = est(estimateOp(hs, whContext({ ttMetalDate: '2025-07-22' })));
    assert.equal(after.cbBytesPerCore, 8_192);
    assert.equal(after.l1TensorBytesPerCore, 16_384);
    // An L1 input: the product is live through the add, the sum through relu_max (the last program, 8,192 B).
    const inL1 = est(estimateOp(op('ttnn.hardsigmoid', [l1], [l1]), whContext({ ttMetalDate: '2025-07-21' })));
    assert.deepEqual(
      inL1.l1Intermediates?.map((i) => [i.bytesPerCore, i.liveDuringProgram, i.writerProgram?.cbBytesPerCore]),
      [
        [16_384, false, 10_240],
        [16_384, true, 10_240],
      ],
    );
    assert.equal(inL1.lastProgram?.cbBytesPerCore, 8_192);
  });
  it('pow_scalar with a non-integer exponent: a composite before tt-metal PR #33182 (2026-01-28), one unary program after', () => {
    // ExecutePower (binary_composite_op.cpp@d43dc8d .. parent of 2fc9b5a), exponent 0.5, bf16 64x1024 in DRAM: log,
    // exp, power-by-floor, ltz are unary (c_0 2 + c_2 2 tiles = 4 · 2,048 = 8,192 B); multiply by the scalar fraction
    // is binary_ng with a one-tile c_1 (2 + 1 + 2 tiles = 10,240 B); multiply of two tensors 3 · 2 · 2,048 = 12,288 B;
    // where(ltz, NaN, product): c_0, c_1, c_3 of 2 tiles = 12,288 B. Largest 12,288 B (the where, the later tie).
    const t = tensor([64, 1024]);
    const f = (value: number) => ({ kind: 'float' as const, value });
    const half = op('ttnn.pow_scalar', [t], [t], { rhs: f(0.5) });
    const before = est(estimateOp(half, whContext({ ttMetalDate: '2026-01-27' })));
    assert.equal(before.cbBytesPerCore, 12_288);
    assert.equal(before.confidence, 'approx');
    assert.ok(before.notes.some((n) => n.includes('where')));
    // From 2fc9b5a: one unary program, c_0 2 + c_2 2 tiles = 8,192 B. ttnn::pow's dispatch was not read build by
    // build (read span unary-tile-interleaved covers the unary programs, not this entry point): approx.
    const after = est(estimateOp(half, whContext({ ttMetalDate: '2026-01-28' })));
    assert.equal(after.cbBytesPerCore, 8_192);
    assert.equal(after.confidence, 'approx');
    assert.match(after.approxReason, /dispatch of pow_scalar .* was not read/);
    // An integral exponent was ttnn::power(uint32): one unary program, 8,192 B, at both.
    const square = est(
      estimateOp(op('ttnn.pow_scalar', [t], [t], { rhs: f(2) }), whContext({ ttMetalDate: '2026-01-27' })),
    );
    assert.equal(square.cbBytesPerCore, 8_192);
    assert.equal(square.confidence, 'approx');
    // A negative exponent was a TT_FATAL ("works for positive exponents only") before the change point.
    const negative = op('ttnn.pow_scalar', [t], [t], { rhs: f(-0.5) });
    assert.equal(estimateOp(negative, whContext({ ttMetalDate: '2026-01-27' })).kind, 'illegal');
    assert.equal(estimateOp(negative, whContext({ ttMetalDate: '2026-01-28' })).kind, 'estimate');
  });

  it('clamp_scalar: minimum then relu / maximum before tt-metal PR #27012, the minimum result held through the second; one unary program after', () => {
    // ExecuteUnaryCompositeClamp (unary_composite_op.cpp@f34fc81): a_max = minimum(a, max) in the output's memory config,
    // then relu(a_max) when min is 0, else maximum(a_max, min); minimum / maximum with a scalar are unary programs
    // (binary_composite_op.cpp@f34fc81): c_0 2 + c_2 2 tiles = 8,192 B (bf16). bf16 256x2048 in L1: 16,384 B a bank.
    const t = tensor([256, 2048], { buffer: 'l1' });
    const f = (value: number) => ({ kind: 'float' as const, value });
    const relu6Like = op('ttnn.clamp_scalar', [t], [t], { min: f(0), max: f(6) });
    const before = est(estimateOp(relu6Like, whContext({ ttMetalDate: '2025-08-28' })));
    assert.equal(before.cbBytesPerCore, 8_192);
    assert.equal(before.confidence, 'exact');
    assert.deepEqual(
      before.l1Intermediates?.map((i) => [i.bytesPerCore, i.liveDuringProgram, i.writerProgram?.cbBytesPerCore]),
      [[16_384, true, 8_192]],
    );
    assert.ok(before.notes.some((n) => n.includes('relu')));
    const after = est(estimateOp(relu6Like, whContext({ ttMetalDate: '2025-08-29' })));
    assert.equal(after.cbBytesPerCore, 8_192);
    assert.equal(after.l1Intermediates, undefined);
    // Before tt-metal PR #20242 (2025-04-08) the minimum itself is subtract then where: approx.
    const bounded = op('ttnn.clamp_scalar', [t], [t], { min: f(-1), max: f(1) });
    const early = est(estimateOp(bounded, whContext({ ttMetalDate: '2025-04-07' })));
    assert.equal(early.confidence, 'approx');
    assert.ok(early.notes.some((n) => n.includes('maximum')));
    // An int32 input is typecast to f32 first (placed like the input, the local held to the end): typecast c_0 2 ·
    // 4,096 + c_2 2 · 4,096 = 16,384 B; f32 tensors in L1: 8 pages a bank · 4,096 = 32,768 B.
    const i32 = tensor([256, 2048], { buffer: 'l1', dtype: 'si32' });
    const intClamp = est(
      estimateOp(
        op('ttnn.clamp_scalar', [i32], [i32], { min: f(0), max: f(6) }),
        whContext({ ttMetalDate: '2025-08-28' }),
      ),
    );
    assert.equal(intClamp.cbBytesPerCore, 16_384);
    assert.deepEqual(
      intClamp.l1Intermediates?.map((i) => [i.bytesPerCore, i.liveDuringProgram, i.writerProgram?.cbBytesPerCore]),
      [
        [32_768, true, 16_384],
        [32_768, true, 16_384],
      ],
    );
  });
});
