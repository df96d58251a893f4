/** Hand-derived figures for the smaller op families (each expected number is worked out in the comment). */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { DEVICE_VALUE, int, ints, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}

const rm = (shape: number[]) => tensor(shape, { page: 'row_major' });

describe('estimate/families', () => {
  it('pad (row-major): 16 blocks of 11 sticks + pad value + pad align = 34,176 B', () => {
    // stick = align(96 x 2, 16) = 192; n = ceil(2048 / 192) = 11; c_0 = 16 x 11 x 192 = 33,792;
    // c_1 = align(192, 32) = 192; front padding → c_2 = 192. Sum 34,176.
    // A build after tt-metal PR #40316 (2026-03-19), which counts the barrier from the output stick.
    const pad = op('ttnn.pad', [rm([1, 32, 64])], [rm([1, 32, 96])], { padding: ints(0, 0, 0, 0, 16, 16) });
    assert.equal(est(estimateOp(pad, whContext({ ttMetalDate: '2026-04-01' }))).cbBytesPerCore, 34_176);
    // Before it (the goldens' 2025-11 build) n came from the 64 x 2 = 128 B input stick: ceil(2048 / 128) = 16;
    // c_0 = 16 x 16 x 192 = 49,152; + 192 + 192 = 49,536.
    assert.equal(est(estimateOp(pad, whContext())).cbBytesPerCore, 49_536);
  });

  it('slice (row-major): 2 x 16 rows of 192 B = 6,144 B', () => {
    // 64 output rows on 64 cores → 1 row per core → round_up(1, 32) = 32; largest divisor of 32 with m x 192 ≤ 4096 is 16.
    const e = est(
      estimateOp(
        op('ttnn.slice_static', [rm([128, 128])], [rm([64, 96])], {
          begins: ints(0, 0),
          ends: ints(64, 96),
          step: ints(1, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 6_144);
    assert.equal(e.confidence, 'exact');
  });

  it('reshape: same last dim and height is a view; a data-moving tiled reshape is 5,120 B', () => {
    const view = estimateOp(op('ttnn.reshape', [tensor([1, 12, 3200])], [tensor([12, 3200])]), whContext());
    assert.equal(view.kind, 'noProgram');
    // 64x1024 → 256x256: mapping page 64 entries x 16 B = 1,024 + 1 input tile 2,048 + 1 output tile 2,048 (the
    // segment map derived in reshapeTiled.test.ts); traced as tt-metal builds it, so exact.
    const moved = est(estimateOp(op('ttnn.reshape', [tensor([64, 1024])], [tensor([256, 256])]), whContext()));
    assert.equal(moved.cbBytesPerCore, 5_120);
    assert.equal(moved.confidence, 'exact');
  });

  it('row-major reshape: a second kernel instance and its CBs from PR #28169 when one row divides the other', () => {
    // falcon3_7b_bf16_1layer_notrace_decode_ttnn.mlir's %3: 32x1 u32 → 32, DRAM row-major: 4 B rows into one 128 B row.
    // reshape_rm_host_prep.cpp@3389120 … reshape_rm_program_factory.cpp@f37b776: c_0 = 2 · (floor64(4 − 1) + 128) =
    // 256, c_1 = floor64(128 − 1) + 80 = 144 → 400 B. From 51d87b0 (PR #28169, 2025-09-16; the same to 622c6fb):
    // 128 % 4 = 0 → c_2 = 256 and c_3 = 144 too; c_2 starts at 400 rounded up to the 32 B DRAM alignment (program.cpp
    // allocate_circular_buffers) = 416 → 416 + 256 + 144 = 816 B.
    const u32 = (shape: number[]) => tensor(shape, { page: 'row_major', dtype: 'u32' });
    const column = op('ttnn.reshape', [u32([32, 1])], [u32([32])], { shape: ints(32) });
    const before = est(estimateOp(column, whContext({ ttMetalDate: '2025-09-15' })));
    assert.equal(before.cbBytesPerCore, 400);
    assert.equal(before.confidence, 'exact');
    const after = est(estimateOp(column, whContext({ ttMetalDate: '2026-04-20' })));
    assert.equal(after.factory, 'ReshapeRMProgramFactory');
    assert.equal(after.cbBytesPerCore, 816);
    assert.equal(after.confidence, 'exact');
    // 6-element bf16 rows (12 B) into 8-element rows (16 B): neither divides the other → one instance:
    // 2 · (floor64(11) + 128) + floor64(15) + 80 = 256 + 80 = 336 B.
    const odd = est(
      estimateOp(
        op('ttnn.reshape', [rm([4, 6])], [rm([3, 8])], { shape: ints(3, 8) }),
        whContext({ ttMetalDate: '2026-04-20' }),
      ),
    );
    assert.equal(odd.cbBytesPerCore, 336);
    // From PR #50967 (dated at #50191's opening, 2026-07-17) the destination staging ring is not modeled: approx.
    assert.equal(est(estimateOp(column, whContext({ ttMetalDate: '2026-08-01' }))).confidence, 'approx');
  });

  // Before change point 'transpose-rm-interleaved-via-permute' (tt-metal PR #16155, 2025-01-03) the transpose
  // factories ran interleaved row-major inputs; from it ttnn::transpose hands them to prim::permute.
  const beforePr16155 = () => whContext({ ttMetalDate: '2025-01-01' });

  it('transpose (row-major WH) keeps a whole HW plane per core, before PR #16155', () => {
    // transpose_program_factory.cpp@416ce55 transpose_wh_multi_core, row-major: 64x96 bf16: Wt = 3, Ht = 2; c_0 = 2 x 3,
    // c_16 = 2 x 2, c_24 = 2 x 3, c_25 = 2 tiles = 18 tiles x 2,048 = 36,864 B. W·2 = 192 and H·2 = 128 are multiples of
    // 16 and the CBs fit, so transpose.cpp@416ce55 keeps the row-major factory.
    const e = est(
      estimateOp(
        op('ttnn.transpose', [rm([1, 2, 64, 96])], [rm([1, 2, 96, 64])], { dim0: int(-2), dim1: int(-1) }),
        beforePr16155(),
      ),
    );
    assert.equal(e.factory, 'TransposeWHRowMajorProgramFactory');
    assert.equal(e.cbBytesPerCore, 36_864);
    assert.equal(e.confidence, 'exact');
  });

  it('transpose (row-major HC) buffers every stick of a core, before PR #16155', () => {
    // transpose_program_factory.cpp@a927a47 (2024-12-24) = @9acc400: [1, 8, 64, 96] bf16 DRAM, 192 B sticks (a multiple
    // of the 32 B DRAM alignment, so transpose.cpp keeps it row-major): N·C·H = 512 sticks over 64 cores = 8 each;
    // c_0 = 8 x 192 = 1,536 B. (The 2026 factory's max(W·elem, aligned page) would be the same 192 here.)
    const e = est(
      estimateOp(
        op('ttnn.transpose', [rm([1, 8, 64, 96])], [rm([1, 64, 8, 96])], { dim0: int(1), dim1: int(2) }),
        beforePr16155(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 1_536);
    assert.equal(e.confidence, 'exact');
  });

  it('transpose (row-major, interleaved) from PR #16155 runs prim::permute: WH blocked, HC / CN row-invariant', () => {
    // transpose.cpp@00b0fa3: interleaved_rm WH → prim::permute (0,1,3,2), the last dim moves: c_0, c_1, c_2 of two
    // 32x32 bf16 blocks = 3 · 2 · 2,048 = 12,288 B whatever H·W (the WH factory above: 32,768 B here, growing with H·W).
    const wh = est(
      estimateOp(
        op('ttnn.transpose', [rm([1, 2, 64, 96])], [rm([1, 2, 96, 64])], { dim0: int(-2), dim1: int(-1) }),
        whContext(),
      ),
    );
    assert.equal(wh.factory, 'PermuteDeviceOperation::MultiCoreBlockedGeneric');
    assert.equal(wh.cbBytesPerCore, 12_288);
    // Blocks (permute_rm_program_factory.cpp, the same at b80a975 … 1ff24da): num_rows = 1·2·64 = 128, X = H = 64,
    // W = 96 → (128 / 64) · ceil(64/32) · ceil(96/32) = 2 · 2 · 3 = 12 blocks on 12 cores; every build read → exact.
    assert.equal(
      wh.coreGroups.reduce((n, g) => n + g.nCores, 0),
      12,
    );
    assert.equal(wh.confidence, 'exact');
    // A window reaching into the unread Metal 2.0 port of the permute factories (PR #51095, ≈2026-07-24): approx.
    const intoPort = est(
      estimateOp(
        op('ttnn.transpose', [rm([1, 2, 64, 96])], [rm([1, 2, 96, 64])], { dim0: int(-2), dim1: int(-1) }),
        whContext({ window: { earliest: '2026-06-01', latest: '2026-11-30' } }),
      ),
    );
    assert.equal(intoPort.confidence, 'approx');
    // HC → (0,2,1,3) and CN → (1,0,2,3) keep the last dim: c_0 two rows of align(100 · 2, max(32, 16)) = 224 → 448 B.
    for (const [dims, out] of [
      [
        [1, 2],
        [1, 64, 8, 100],
      ],
      [
        [0, 1],
        [8, 1, 64, 100],
      ],
    ] as const) {
      const e = est(
        estimateOp(
          op('ttnn.transpose', [rm([1, 8, 64, 100])], [rm([...out])], { dim0: int(dims[0]), dim1: int(dims[1]) }),
          whContext(),
        ),
      );
      assert.equal(e.factory, 'PermuteDeviceOperation::MultiCoreRowInvariant');
      assert.equal(e.cbBytesPerCore, 448);
      // transpose.cpp's transpose_ sends interleaved row-major HC / CN to prim::permute from fb9f208 (PR #17048) at
      // every later commit read (to 622c6fb): exact on the goldens' 2025-11 build.
      assert.equal(e.confidence, 'exact');
    }
  });

  it('interleaved row-major HC before PR #17048 runs the January 2025 HC factory (whole rows per core)', () => {
    // transpose.cpp@9acc400: HC row-major goes to transpose_hc_multi_core when W·elem is a multiple of the input
    // buffer's alignment (DRAM: 32). [1, 8, 64, 96] bf16: 192 B sticks, aligned; N·C·H = 512 sticks over 64 cores = 8
    // each; c_0 = 8 · 192 = 1,536 B on total_cores (the whole grid) — transpose_program_factory.cpp@9acc400.
    const jan = whContext({ ttMetalDate: '2025-01-10' });
    const e = est(
      estimateOp(op('ttnn.transpose', [rm([1, 8, 64, 96])], [rm([1, 64, 8, 96])], { dim0: int(1), dim1: int(2) }), jan),
    );
    assert.equal(e.factory, 'transpose_hc_multi_core (row-major)');
    assert.equal(e.cbBytesPerCore, 1_536);
    assert.equal(e.confidence, 'exact');
    // W = 100: 200 B is not a multiple of 32 → transpose.cpp@9acc400 / @09349dd sets tiled_only: to_layout TILE, the
    // tiled HC transpose, to_layout ROW_MAJOR, each a program in turn (every factory read in January 2025):
    //   tilize_with_val_padding to [1, 8, 64, 128]: Wt = 4, c_0 = c_16 = 4 · 2,048 = 8,192 → 16,384 B;
    //   transpose_hc_multi_core_tiled_interleaved: c_0 2 · 2,048 = 4,096 + pad c_1 (C = 8) one face row 16 · 2 = 32
    //     → 4,128 B;
    //   untilize_with_unpadding of [1, 64, 32 (C padded), 128]: Wt = 4 → 16,384 B (ties go to the later program).
    const unaligned = est(
      estimateOp(
        op('ttnn.transpose', [rm([1, 8, 64, 100])], [rm([1, 64, 8, 100])], { dim0: int(1), dim1: int(2) }),
        jan,
      ),
    );
    assert.equal(unaligned.factory, 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory');
    assert.equal(unaligned.cbBytesPerCore, 16_384);
    assert.match(unaligned.factoryReason, /TransposeHCTiledInterleavedProgramFactory 4128 B/);
    assert.equal(unaligned.confidence, 'exact');
    // A window across PR #17048 (2025-01-23): the January factory, then prim::permute's two 192 B rows (384 B).
    const across = est(
      estimateOp(
        op('ttnn.transpose', [rm([1, 8, 64, 96])], [rm([1, 64, 8, 96])], { dim0: int(1), dim1: int(2) }),
        whContext({ window: { earliest: '2025-01-10', latest: '2025-03-01' } }),
      ),
    );
    assert.equal(across.confidence, 'exact');
    assert.deepEqual(
      across.versionRange?.figures.map((f) => (f.kind === 'estimate' ? f.cbBytesPerCore : -1)),
      [1_536, 384],
    );
  });

  it('an unaligned row-major HC before PR #17048 runs through tiles: the pad CB can make the transpose the largest', () => {
    // tools/explorer/test/models/resnet_ttnn.mlir's %262: [1, 28, 128, 28] f32 DRAM, dims (-3, -2); W·elem = 112 B is not
    // a multiple of the 32 B DRAM alignment → tiled_only (transpose.cpp@09349dd). f32 tiles are 4,096 B:
    //   tilize_with_val_padding to [1, 28, 128, 32]: Wt = 1 → c_0 + c_16 = 8,192 B;
    //   tiled HC transpose (transpose_program_factory.cpp@09349dd): c_0 2 · 4,096 + c_1 one face row 16 · 4 (C = 28)
    //     = 8,256 B on the whole grid;
    //   untilize_with_unpadding of [1, 128, 32, 32]: Wt = 1 → 8,192 B.
    // The row-major factory's figure kept before was 56 sticks · align(112, 32) = 7,168 B.
    const hc = op(
      'ttnn.transpose',
      [tensor([1, 28, 128, 28], { page: 'row_major', dtype: 'f32' })],
      [tensor([1, 128, 28, 28], { page: 'row_major', dtype: 'f32' })],
      { dim0: int(-3), dim1: int(-2) },
    );
    const e = est(estimateOp(hc, whContext({ ttMetalDate: '2025-01-10' })));
    assert.equal(e.factory, 'TransposeHCTiledInterleavedProgramFactory');
    assert.equal(e.cbBytesPerCore, 8_256);
    assert.equal(e.confidence, 'exact');
    // The resnet dump's window (2025-01-01 .. 2025-06-16): from PR #17048 prim::permute's row-invariant factory, two
    // rows of align(112, 32) = 128 B = 256 B.
    const across = est(estimateOp(hc, whContext({ window: { earliest: '2025-01-01', latest: '2025-06-16' } })));
    assert.equal(across.confidence, 'exact');
    assert.deepEqual(
      across.versionRange?.figures.map((f) => (f.kind === 'estimate' ? f.cbBytesPerCore : -1)),
      [8_256, 8_256, 256],
    );
  });

  it('a rank-5 row-major transpose is a ttnn::permute (transpose_nd), never the whole-plane WH factory', () => {
    // transpose.cpp@043b5ac / @00b0fa3: transpose_impl sends rank > 4 to transpose_nd → ttnn::permute. WH of
    // [1, 1, 2, 64, 96] bf16: the last dim moves → three double-buffered 32x32 bf16 blocks = 3 · 2 · 2,048 = 12,288 B
    // (the WH factory would hold the 2x3-tile plane: 32,768 B). Dims (0, 1) keep the last dim: two rows of
    // align(96 · 2, 32) = 192 B → 384 B. Both builds, approx (the routing is read at two versions only).
    for (const date of ['2025-01-01', '2026-01-01']) {
      const wh = est(
        estimateOp(
          op('ttnn.transpose', [rm([1, 1, 2, 64, 96])], [rm([1, 1, 2, 96, 64])], { dim0: int(3), dim1: int(4) }),
          whContext({ ttMetalDate: date }),
        ),
      );
      assert.equal(wh.factory, 'PermuteDeviceOperation::MultiCoreBlockedGeneric', date);
      assert.equal(wh.cbBytesPerCore, 12_288, date);
      assert.equal(wh.confidence, 'approx', date);
      const front = est(
        estimateOp(
          op('ttnn.transpose', [rm([2, 1, 2, 64, 96])], [rm([1, 2, 2, 64, 96])], { dim0: int(0), dim1: int(1) }),
          whContext({ ttMetalDate: date }),
        ),
      );
      assert.equal(front.factory, 'PermuteDeviceOperation::MultiCoreRowInvariant', date);
      assert.equal(front.cbBytesPerCore, 384, date);
    }
  });

  it('a large row-major WH transpose: the whole-plane factory overflowed (tt-metal #16109); prim::permute fits', () => {
    // [1, 1, 1024, 1024] bf16: Wt = Ht = 32; the factory's CBs (2·32 + 2·32 + 32·32 + 32) · 2,048 = 2,424,832 B reach
    // l1_size − base (1,499,136 − 102,656 = 1,396,480), so transpose.cpp@416ce55 (rm_enough_available_space false) runs
    // to_layout TILE, the tiled WH transpose (c_0 + c_16 = 4 · 2,048 = 8,192 B) and to_layout ROW_MAJOR. After: 12,288 B.
    const t = op('ttnn.transpose', [rm([1, 1, 1024, 1024])], [rm([1, 1, 1024, 1024])], { dim0: int(2), dim1: int(3) });
    const before = est(estimateOp(t, beforePr16155()));
    assert.notEqual(before.factory, 'TransposeWHRowMajorProgramFactory');
    assert.match(before.factoryReason, /3 programs run in turn .*tiled WH transpose: TransposeWHProgramFactory 8192 B/);
    assert.equal(est(estimateOp(t, whContext())).cbBytesPerCore, 12_288);
  });

  it('permute (row-major, last dim kept) and concat (row-major)', () => {
    // Rows of 106 bf16 = 212 B, aligned to max(32, 16) = 224; double-buffered: 448.
    const p = est(
      estimateOp(
        op('ttnn.permute', [rm([2, 3, 4, 106])], [rm([3, 2, 4, 106])], { permutation: ints(1, 0, 2, 3) }),
        whContext(),
      ),
    );
    assert.equal(p.cbBytesPerCore, 448);
    // Output rows of 100 bf16 = 200 B, aligned to 32 → 224; c_0 = 2 pages.
    const c = est(
      estimateOp(op('ttnn.concat', [rm([32, 100]), rm([32, 100])], [rm([64, 100])], { dim: int(0) }), whContext()),
    );
    assert.equal(c.cbBytesPerCore, 448);
  });

  it('matmul with a program config', () => {
    // per_core_M 2, per_core_N 4, in0_block_w 2, bf16: in0 2 x 2 x 2 = 8 tiles, in1 4 x 2 x 2 = 16, out 2 x 4 = 8:
    // 32 tiles x 2,048 = 65,536 B. Cores with work: ceil(2/2) x ceil(32/4) = 8 blocks (the 1D factory puts its CBs on
    // the cores with work, not the whole 8x4 grid: matmul_multicore_reuse_mcast_1d_program_factory.cpp@00629f0).
    const config = {
      kind: 'dialect' as const,
      name: 'ttnn.matmul_multi_core_reuse_multi_cast_1d_program_config',
      text: '',
      items: [],
      fields: {
        compute_with_storage_grid_size: '#ttnn.core_coord<8,4>',
        in0_block_w: '2',
        per_core_m: '2',
        per_core_n: '4',
      },
    };
    const e = est(
      estimateOp(
        op('ttnn.matmul', [tensor([64, 128]), tensor([128, 1024])], [tensor([64, 1024])], {
          matmul_program_config: config,
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 65_536);
    assert.equal(e.nCoresUsed, 8);
    // Without a config tt-metal generates one (estimate/ops/matmulConfig.ts; cases in matmul.test.ts).
    assert.equal(
      estimateOp(op('ttnn.matmul', [tensor([64, 128]), tensor([128, 1024])], [tensor([64, 1024])]), whContext()).kind,
      'estimate',
    );
  });

  it('to_memory_config interleaved → L1 height-sharded: only the alignment scratch costs CB space', () => {
    // Output CB is the shard (tensor-backed). From tt-metal PR #33905 (2026-02-03; interleaved_to_sharded_program_factory
    // .cpp@3ae3181) scratch = 4 x align(2,048 + 32, 32) = 4 x 2,080 = 8,320 B; at the golden build (2025-11-27, @c83c151)
    // 4 x align(2,048, 32) = 8,192 B. Output 1x8x64x128 bf16 = 64 tiles over an 8x1 shard grid = 8 tiles x 2,048 =
    // 16,384 B per core.
    const out = tensor([1, 8, 64, 128], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const i2s = op('ttnn.to_memory_config', [tensor([1, 8, 64, 128])], [out]);
    const e = est(estimateOp(i2s, whContext({ ttMetalDate: '2026-03-01' })));
    assert.equal(e.cbBytesPerCore, 8_320);
    assert.equal(e.l1TensorBytesPerCore, 16_384);
    assert.equal(e.confidence, 'exact');
    const older = est(estimateOp(i2s, whContext()));
    assert.equal(older.cbBytesPerCore, 8_192);
    assert.equal(older.confidence, 'exact');
    // Back to DRAM (sharded_to_interleaved): the only CB is the input shard itself (tensor-backed), same dtype → 0 B.
    assert.equal(
      est(estimateOp(op('ttnn.to_memory_config', [out], [tensor([1, 8, 64, 128])]), whContext())).cbBytesPerCore,
      0,
    );
  });

  it('an op without a model whose inputs are all on the host is a host op; on device it is unmodeled', () => {
    const host = tensor([64, 3, 7, 7], { page: 'row_major', buffer: 'system_memory' });
    assert.equal(
      estimateOp(op('ttnn.prepare_conv2d_weights', [host], [tensor([1, 1, 147, 64])]), whContext()).kind,
      'noProgram',
    );
    // (rms_norm, the earlier example, is modeled now: ops/norm.ts.) An op name no estimator or reason table knows:
    const r = estimateOp(op('ttnn.some_future_op', [tensor([32, 64])], [tensor([32, 64])]), whContext());
    assert.deepEqual(r, {
      kind: 'unmodeled',
      opName: 'ttnn.some_future_op',
      reason: 'no L1 model for ttnn.some_future_op',
    });
  });

  it('conv3d with conv3d_config', () => {
    // k 3x3x3, C_in 768 in blocks of 64 (12 blocks), C_out block 32, T/H/W blocks 1: patch = 27 x 64 = 1,728;
    // M_t = 1, K_t = 54, N_t = 1. vol2col_rm = 1 page x 1,728 x 2 B = 3,456; vol2col_tiled 54, weight 54, interm 1,
    // result 1, reduction 1 + 1, bias 1 = 113 tiles x 2,048 = 231,424. Total 234,880.
    const config = {
      kind: 'dialect' as const,
      name: 'ttnn.conv3d_config',
      text: '',
      items: [],
      fields: { t_out_block: '1', w_out_block: '1', h_out_block: '1', c_out_block: '32', c_in_block: '64' },
    };
    const e = est(
      estimateOp(
        op(
          'ttnn.conv3d',
          [rm([1, 6, 60, 106, 768]), rm([20736, 768]), rm([1, 768]), DEVICE_VALUE],
          [tensor([1, 4, 60, 106, 768])],
          {
            conv3d_config: config,
            kernel_size: ints(3, 3, 3),
            in_channels: int(768),
            out_channels: int(768),
          },
        ),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesPerCore, 234_880);
  });
});
