/**
 * conv2d threads of the public-thread regression set (test/fixtures/threads/conv2d_*.mlir; the harness is
 * test/support/threadCases.ts): allocator out-of-memory errors on conv2d's own L1 tensors (the resharded input, the halo
 * output, the conv output before it moves to DRAM), which tt-metal allocates before the conv's CBs. The thread quotes
 * the allocation ("each bank needs to store N B"): the failing allocation must be N B per core exactly.
 */

import * as assert from 'node:assert/strict';
import {
  analyse,
  assertFails,
  assertFits,
  assertNear,
  deviceOp,
  printedRange,
  regionEnd,
  type Run,
} from '../../support/threadCases';
import { walkIntermediates } from '../../../server/src/analysis/overflow';

/** The op's allocation tt-metal's allocator refuses: its role, its bytes per core and the bytes allocated before it. */
function failedAllocation(run: Run): { role: string; bytesPerCore: number; before: number } {
  const { op, first } = deviceOp(run);
  assert.equal(op.estimate.kind, 'estimate');
  assert.equal(op.overflow?.kind, 'l1BuffersExhausted', `${run.file} at ${run.date}: ${op.overflow?.kind ?? 'fits'}`);
  assert.equal(first, 'this op', 'the first error of the run');
  const a = op.overflow.failedAllocation;
  assert.ok(a !== undefined, 'an allocation is named');
  return { role: a.role, bytesPerCore: a.bytesPerCore, before: a.allocatedBeforeBytes };
}

describe('public-thread regression set: conv2d (its own L1 tensors, allocated before the CBs)', () => {
  // Vanilla UNet 1x480x640, 64 → 32 channels, 3x3, padding 1, row-major bf16 input in DRAM, L1 path (l1_full).
  // Auto shard → height on 64 cores: 307,200 outputs = 9,600 tiles, 150 per core = 4,800 outputs (7.5 output rows of 640).
  // Resharded input: 307,200 rows / 64 = 4,800 rows · 64 ch · 2 B = 614,400 B.
  // Halo: padded width 642; a core's last output is 4,799 outputs on from its first, 7 rows and 319 columns on, so its
  // windows span 7·642 + 319 + (2·642 + 3) = 6,100 padded-input sticks · 64 ch · 2 B = 780,800 B (tt-metal's figure).
  const unet = 'conv2d_tt-mlir-5771.mlir';
  it('tt-mlir #5771 (2025-11-10, Vanilla UNet): the halo output, 780,800 B per bank exactly, after the 614,400 B reshard', () => {
    // "bank size is only 1331936 B" = 1,499,136 L1 − 101,664 base − 65,536 L1_SMALL (tt-mlir's runtime default since
    // tt-mlir PR #5557, 2025-11-04). With the default device (base 102,656 B) the bank is 1,499,136 − 102,656 − 65,536 =
    // 1,330,944 B: the 614,400 B reshard fits, and 614,400 + 780,800 = 1,395,200 B does not, in either bank.
    const t = failedAllocation({ file: unet, date: '2025-11-10' });
    assert.deepEqual([t.role, t.bytesPerCore, t.before], ['halo output', 780_800, 614_400]);
  });
  it('tt-metal #13324 (2024-10-01, the same conv in a tt-metal unit test): the same 780,800 B halo output', () => {
    // The thread does not print the bank size (its l1_small_size is not quoted): the halo tensor itself is asserted.
    // In 2024-10 an interleaved input was height sharded by default (PR #13573, 2024-10-08: "op will default to height
    // sharding"); auto shard is modeled from change point conv2d-auto-shard-most-cores (PR #16045, 2024-12-16), so the
    // thread's date gets no figure and says why.
    const early = deviceOp({ file: unet, date: '2024-10-01' }).op.estimate;
    assert.ok(early.kind === 'unmodeled', early.kind);
    assert.match(early.reason, /before tt-metal PR #16045/);
    // The first modeled auto-shard build (PR #17485's CBs + output ranking) picks height as the 2024 default did:
    // the halo of the height plan above.
    const { op } = deviceOp({ file: unet, date: '2025-02-05' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.deepEqual(
      op.estimate.l1Intermediates?.map((t) => [t.role, t.bytesPerCore]),
      [
        ['resharded conv input', 614_400],
        ['halo output', 780_800],
        // 4,800 rows · 32 output channels = 150 tiles · 2,048 B: the conv's sharded output before it moves to DRAM.
        ['conv output shard', 307_200],
      ],
    );
  });

  // tt-mlir f43cb99 vovnet_cpp_dp dump (line 2039, %100): ran on n300 (bench.log 2026-05-25). No shard_layout and a DRAM
  // interleaved input → conv2d_L1 auto-shards; a 1x1 conv then skips the reshard (auto_shard_mm, conv2d_utils.cpp) and,
  // the input not sharded, calls ttnn.linear with no program config and no output memory config (conv2d.cpp@645aa76).
  // All operands DRAM interleaved: 2D mcast on 8x8, Mt = 25, Kt = 34, Nt = 24 → per_core_M = ceil(25/8) = 4,
  // per_core_N = ceil(24/8) = 3, in0_block_w = 1 (34 % 8 ≠ 0). 2D mcast factory CBs: c_0 = 4·1·2 = 8 tiles, c_1 =
  // 3·1·2 = 6, c_4 output (interm shares it, same format) 4·3 = 12, bias c_3 = 3: 29 tiles · 2,048 B = 59,392 B.
  // The old plan (block 7x2 reshard, c_1 = 17·12·2 tiles) needed 1,138,688 B of CBs beside 237,568 B of tensors.
  it('VoVNet 1x1 conv (tt-mlir f43cb99, ran 2026-05-25): interleaved input, no reshard, the linear fits in 59,392 B', () => {
    const run = { file: 'conv2d_vovnet-1x1-auto-shard-mm.mlir', date: '2026-05-25' };
    const { op } = deviceOp(run);
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.cbBytesPerCore, 59_392);
    // No resharded input, no conv output shard: the linear writes DRAM (0 B of L1) and the to_memory_config copy into
    // the L1 result runs after it (conv2d.cpp@de47eb4 conv2d_L1), so the linear's CBs are checked without the result.
    // The conv's relu runs after the matmul inside the linear (bound_matmul, no user grid: read span
    // matmul-auto-activation-after), a unary program into DRAM too: c_0 and c_2 of 2 bf16 tiles = 4 · 2,048 = 8,192 B.
    assert.deepEqual(
      op.estimate.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.writerProgram?.cbBytesPerCore]),
      [
        ['result of the matmul', 0, 59_392],
        ['result of ttnn.linear', 0, 8_192],
      ],
      'no resharded input, no conv output shard',
    );
    assert.equal(op.overflow, undefined);
  });
  // The same conv with shard_layout = block_sharded: auto_shard is off, so conv2d reshards and runs the matmul from the
  // shards. Block 7 (NHW) x 2 (C): rows round_up(784, 7·32) / 7 = 128, width 1088 / 2 = 544 → 68 tiles · 2,048 =
  // 139,264 B of resharded input, held while the matmul reads it.
  // tt-metal #16486 (2025-01-07, branch test on main cb02e39 of 2025-01-05): SD3.5 VAE's 128 → 3 conv at 512x512,
  // block sharded. determine_parallel_config (conv2d_utils.cpp@cb02e39) splits NHW 8 ways (8,192 tiles, the grid's 8
  // rows) and C by the largest divisor ≤ 8 of both channel tile counts (1 output tile, 4 input tiles) = 1: an 8 x 1
  // grid, so the host input (262,144 x 128 bf16 = 67,108,864 B, the thread's "L1 buffer") goes onto 8 cores (the
  // allocator's "8 banks" are the shard grid's cores): 32,768 rows · 128 · 2 B = 8,388,608 B each, the thread's "each bank
  // needs to store 8388608 B", more than a bank: the reshard fails whatever else is live.
  it('tt-metal #16486 (2025-01-05, SD3.5 VAE): the resharded input onto an 8 x 1 block grid, 8,388,608 B per bank', () => {
    const run = { file: 'conv2d_tt-metal-16486.mlir', date: '2025-01-05', l1SmallSize: 16_384 };
    const t = failedAllocation(run);
    assert.deepEqual([t.role, t.bytesPerCore, t.before], ['resharded conv input', 8_388_608, 0]);
    const { op } = deviceOp(run);
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.nCoresUsed, 8);
    assert.deepEqual(op.estimate.grid, [1, 8], 'one row of 8 cores along NHW');
  });
  // tt-metal PR #40097 / #40090 (2026-03-17, tt-metal main CI on T3K): SD3.5 VAE conv_out, 1024x1024, 128 → 3, 3x3,
  // padding 1, a tiled bf16 DRAM input, 4 width slices (tt_dit's slice table after PR #39296), act_block_h 32. The first
  // slice makes output columns [0, 256): it reads input columns [0, 257) padded 1 on the left only (conv2d.cpp@5f3b5b8,
  // get_input_slice_and_padding), a 258-column padded image of 1,024 rows. Auto shard: height on 64 cores, 4,096 outputs
  // (16 output rows) each. Resharded input: 1,024 · 257 = 263,168 sticks over 64 cores = 4,112, snapped to 4,128 rows ·
  // 128 ch · 2 B = 1,056,768 B. Halo: a core's 16 output rows need 18 padded rows of 258 = 4,644 sticks · 256 B =
  // 1,188,864 B (the thread's "each bank needs to store"), 64 banks (76,087,296 B); the bank 1,499,136 − 103,712 base −
  // 32,768 L1_SMALL = 1,362,656 B (the thread's). The thread's "allocated: 1057792 B" is 1,024 B above the reshard (not
  // placed). Before this session the slice kept the conv's padding on both sides of a 258-column window (260 padded
  // columns, 4,678 sticks, 1,197,568 B). PR #40097's 8 slices (`@pr_40097`) ran (its T3K CI passed).
  it('tt-metal PR #40097 (2026-03-17, SD3.5 VAE conv_out, 4 width slices): the halo output, 1,188,864 B per bank, 64 banks', () => {
    const run = { file: 'conv2d_tt-metal-40090.mlir', date: '2026-03-17', l1SmallSize: 32_768 };
    const t = failedAllocation(run);
    assert.deepEqual([t.role, t.bytesPerCore, t.before], ['halo output', 1_188_864, 1_056_768]);
    const a = analyse(run);
    const { op } = deviceOp(run);
    assert.ok(op.estimate.kind === 'estimate' && op.overflow !== undefined);
    assert.equal(op.overflow.limitBytes - a.device.l1UnreservedBase, 1_362_656, 'the bank below L1_SMALL');
    assert.equal(op.estimate.nCoresUsed, 64);
    assertFits(run, 'pr_40097');
  });
  // tt-metal #39328 / #39246 (2026-03-06, main CI on T3K): the SD3.5 VAE's conv_in (16 → 512 at 128x128) given 8 width
  // slices by tt_dit's table. A tiled output is width-sliced in 32-column groups: at most ceil(128 / 32) = 4 slices.
  // run_sliced_op checks that only since tt-metal PR #37791 (2026-03-05) removed conv_bypass (op_slicing.cpp@cb76be1);
  // before, the count ran as given. PR #39315's 4 slices run.
  it('tt-metal #39328 (2026-03-06, SD3.5 VAE conv_in): "Number of slices (8) exceeds the maximum allowed (4)"', () => {
    const run = { file: 'conv2d_tt-metal-39328.mlir', date: '2026-03-06', l1SmallSize: 32_768 };
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op', 'the first error of the run');
    assert.ok(op.estimate.kind === 'illegal', op.estimate.kind);
    assert.match(op.estimate.rule, /Number of slices \(8\) exceeds the maximum allowed \(4\)/);
    assertFits(run, 'pr_39315');
    assertFits({ ...run, date: '2026-03-04' });
  });
  // tt-metal #16267 (2024-12-23, branch test on main 13661ed): SDXL-turbo 640 → 640 at 128x128, auto shard (block 8 x 7
  // on the 8x7 grid, before PR #17485), L1 interleaved row-major bf16 input, memory_config L1. Buffers from the top of
  // the bank (1,499,136 − 16,384 L1_SMALL = 1,482,752): the input, ⌈16,384 / 56⌉ = 293 sticks · 1,280 B = 375,040; the
  // resharded input, 2,048 rows · 96 ch · 2 B = 393,216; the halo output, 2,340 sticks · 192 B = 449,280; the reshard is
  // freed (a hole, reallocate_halo_output off) and the conv output shard (64 · 3 bf16 tiles = 393,216) takes it:
  // 1,482,752 − 1,217,536 = 265,216, the thread's "L1 buffer allocated at". The conv program runs before the result is
  // moved to L1 interleaved (to_memory_config after the conv, conv2d.cpp@f01114d). Its CBs (block sharded, weights
  // sliced, conv2d_op_sharded_program_factory.cpp@13661ed) with bf16 activations and bfloat8_b weights: act 27 · 2,048,
  // act row-major 27 · 2,048, tilized act 27 · 2,048, weights 27 · 3 · 1,088, bias 3 · 1,088, scratch 64 = 257,344;
  // + 99,104 (the 2024-12 base) = 356,448, the thread's region end. Before this session: the result was allocated
  // first and the op said "out of memory" at 1,416,640 B of tensors, not the clash.
  it('tt-metal #16267 (2024-12-23, SDXL-turbo): the conv program clashes at 265,216 with its CBs to 356,448, on (0,0)-(7,6)', () => {
    const run = {
      file: 'conv2d_tt-metal-16267.mlir',
      date: '2024-12-23',
      arch: 'wormhole_b0_n300_worker_dispatch',
      l1SmallSize: 16_384,
    };
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op', 'the first error of the run');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(op.overflow?.limitBytes, 265_216);
    assert.equal(regionEnd(op), 356_448);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=6)]');
  });
  // The maintainer's workaround on #16267 (2024-12-24, "set deallocate_activation and reallocate_halo_output to True";
  // the reporter, 12-26: "test got passed"): the same conv, the two flags on. At the thread's build (branch f01114d on
  // main 13661ed) conv2d_utils.cpp's shard_or_reshard_tensor_if_required force-deallocates the L1 input right after the
  // reshard and ttnn::move's the reshard up, and conv2d.cpp force-deallocates the reshard after the halo, then moves
  // the halo output up (reallocate_halo_output). From the top 1,482,752: input 375,040 → 1,107,712; reshard 393,216
  // → 714,496; input freed, reshard moved to 1,089,536; halo 449,280 → 640,256 (its CBs, 192 B, end at 99,296); reshard
  // freed, halo moved to 1,033,472; conv output shard 393,216 → 640,256. The CBs end at 99,104 + 257,344 = 356,448
  // (as in the clash above), below 640,256: fits, 283,808 B to spare. The op's own tensors held below the (freed)
  // input while the conv runs: 449,280 + 393,216 − 375,040 = 467,456.
  it('tt-metal #16267 workaround (deallocate_activation, reallocate_halo_output): the input freed mid-op, it fits', () => {
    const run = {
      file: 'conv2d_tt-metal-16267-workaround.mlir',
      date: '2024-12-23',
      arch: 'wormhole_b0_n300_worker_dispatch',
      l1SmallSize: 16_384,
    };
    assertFits(run);
    const { op } = deviceOp(run);
    assert.ok(op.estimate.kind === 'estimate');
    const list = op.estimate.l1Intermediates ?? [];
    assert.deepEqual(
      list.map((t) => [t.role, t.bytesPerCore, t.freesOperand?.bytesPerCore]),
      [
        ['resharded conv input', 393_216, 375_040],
        ['halo output', 449_280, undefined],
        ['conv output shard', 393_216, undefined],
      ],
    );
    const device = analyse(run).device;
    const walk = walkIntermediates(list, op.liveL1TensorBytesPerCore, op.estimate.l1TensorBytesPerCore, device);
    assert.equal(walk.heldDuringProgram, 467_456);
    // The branch's own test (f01114d: deallocate_activation=True, reallocate_halo_output False, that build's C++
    // default): the freed reshard stays a 393,216 B hole above the halo and the conv output shard fills it exactly, so
    // the lowest buffer is again the halo's bottom, 640,256: the same 467,456 B held.
    const holed = list.map((t) => (t.role === 'resharded conv input' ? { ...t, freedLeavesHole: true } : t));
    assert.equal(
      walkIntermediates(holed, op.liveL1TensorBytesPerCore, op.estimate.l1TensorBytesPerCore, device).heldDuringProgram,
      467_456,
    );
    assert.ok(
      op.estimate.notes.some((n) => /use-after-free/.test(n)),
      'a later use of the freed input is named',
    );
  });
  it('the same conv with shard_layout = block_sharded is resharded first (139,264 B per core)', () => {
    const { op } = deviceOp({ file: 'conv2d_vovnet-1x1-auto-shard-mm.mlir', date: '2026-05-25' }, 'with_shard_layout');
    assert.ok(op.estimate.kind === 'estimate');
    assert.deepEqual(
      op.estimate.l1Intermediates?.filter((t) => t.role === 'resharded conv input').map((t) => t.bytesPerCore),
      [139_264],
    );
  });
});

describe('public-thread regression set: conv_transpose2d (CBs beyond L1)', () => {
  // VGG19-UNet decoder: conv_transpose2d 512 → 256, 64x64 input, k2 s2 p0, f32 in and out, row-major DRAM input, no
  // shard_layout (auto shard), L1 path (before change point conv-transpose2d-dram-input-auto-slice). The transposed
  // conv runs the conv program on the stride-expanded input: output (64−1)·2 + (2−1) + 1 = 128 per side, 16,384 rows =
  // 512 tiles.
  // Auto shard picks block 8x8: per core 512/8 = 64 output tiles of NHW and 256/8 = 32 channels = 1 tile; C_in per
  // core 512/8 = 64, act_block_w = round_up(64·kW 2, 32)/32 = 4 tiles (kW only since PR #25805); act_block_h = 64.
  // f32 tiles of 4,096 B: WEIGHTS 1·4 = 4, ACT 64·4 = 256, ACT_TILIZED 256, BIAS 1 (partials share the f32 output,
  // ACT_ROW_MAJOR overlaps ACT: same f32 format; the output and reader indices are tensors) = 517 tiles · 4,096 + 64
  // L1_ARRAY = 2,117,696 B; + 102,208 B = 2,219,904 B, tt-metal's figure. The thread's repro is tt-mlir's EmitPy: its
  // base is tt-metal main's only from 2025-11-18 07:50 to 12-03 20:31 UTC (l1BaseHistory.ts), the build tt-mlir pinned
  // until 2025-12-08 (tt-metal 39590dfd of 12-02, its last pin with that base; main and tt-mlir's pins had 102,656 B by
  // 12-17 and 12-30), so it is asserted at that pin's date.
  const run = { file: 'conv_transpose2d_tt-metal-35165.mlir', date: '2025-12-02' };
  it('tt-metal #35165 (2025-12-30, VGG19-UNet, a tt-metal of 2025-12-02): the conv_transpose2d, CBs grow to 2,219,904 B exactly', () => {
    const op = assertFails(run);
    assert.equal(op.op.name, 'ttnn.conv_transpose2d');
    assert.equal(regionEnd(op), 2_219_904);
    // The thread's range: the sharded conv factory's CBs on its grid's bounding box, all 8x8 (62 of 64 cores busy).
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
  });
  it('tt-mlir #6354 (2025-12-17, the same op and figure): the same build, 2,219,904 B exactly', () => {
    // Same CBs (2,117,696 B) and the same 102,208 B base: tt-mlir main pinned tt-metal d711ccab (2025-12-16, 102,656 B)
    // that day, so the thread ran an older build, like #35165.
    const op = assertFails(run);
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.cbBytesPerCore, 2_117_696);
    assert.equal(regionEnd(op), 2_219_904);
  });
});

describe('public-thread regression set: conv_transpose2d, tt-xla #2710 / tt-metal #35170 (2025-12-30, PointPillars neck)', () => {
  // The neck's three ConvTranspose2d (tt-forge-models pointpillars model.py: 64/128/256 → 128, kernel = stride = 1/2/4,
  // no bias) in the model's order; float32. Printed: "grow to 2003264 B" on [(x=0,y=0) - (x=7,y=7)].
  // Build: tt-xla's uplift of 2025-12-30 07:05 UTC (tt-mlir b02f512) pins tt-metal d711cca, main of 2025-12-16, before
  // PR #33763 (af7d566, 12-17): the L1 path.
  const run = { file: 'conv_transpose2d_tt-xla-2710.mlir', date: '2025-12-16' };
  it('the stride-2 block (128 → 128 on 124x108) is the first error, 2,003,264 B exactly; the stride-1 block before it fits', () => {
    // Output 248x216 = 53,568 rows = 1,674 tiles; height sharding on 62 cores (1,674 = 62·27, the largest count
    // padded by less than one share), 27 tile rows and 128/32 = 4 tile columns per core. K = 2·2·128 = 512: act block
    // width kW·C = 256 = 8 tiles. f32 tiles of 4,096 B: WEIGHTS 8·4 = 32, ACT 14·8 = 112 + second reader 13·8 = 104,
    // ACT_TILIZED 27·8 = 216 (partials share the f32 output, which is the output tensor; no bias) = 464 tiles
    // = 1,900,544 + 64 (L1_ARRAY) = 1,900,608 B; + 102,656 = 2,003,264, tt-metal's figure. The rest is all base:
    // get_cb_info (conv2d_op_program_factory_common.cpp@003324f) makes no CB that is not a whole number of tiles but
    // the 64 B L1_ARRAY (READER_INDICES is the config tensor, 27·32·2 = 1,728 B, only when config tensors are in DRAM),
    // so f32 CBs + 64 B end 64 B past a multiple of 4,096 B above the base: 2,003,264 − 64 − 102,656 = 464 tiles.
    // 102,656 B is d711cca's (15:18 UTC on 12-16): PR #32395's map, before PR #34336 merged at 18:59 that day (its
    // change point is dated 12-17 for that reason; a 12-16 date gave 102,688 B, 2,003,296). Builds of that week
    // printed both bases: tt-xla #2659 (2025-12-23) a 1,331,392 B bank (102,208 B, an older pin), tt-mlir #6427 /
    // tt-xla #2655 of the same day a 1,330,944 B bank (1,499,136 − 65,536 L1_SMALL − 1,330,944 = 102,656 B).
    // The printed range is the 62 cores' bounding box (0,0)-(7,7), as tt-metal #41918's 45-core conv printed
    // (0,0)-(7,5) (SOURCE.md).
    const a = analyse(run);
    const [f] = a.functions;
    assert.ok(f !== undefined);
    const [stride1, stride2, stride4] = f.ops;
    assert.ok(stride1 !== undefined && stride2 !== undefined && stride4 !== undefined);
    assert.equal(stride1.overflow, undefined, 'the stride-1 block (64 → 128 on 248x216) fits');
    // A kernel-1 stride-1 conv_transpose2d is tt-metal's 1x1 matmul conv (conv_transpose2d.cpp asks
    // use_matmul_for_1x1_conv with the stride-expanded input's padding, 0 here): ttnn.linear on the interleaved input.
    assert.ok(stride1.estimate.kind === 'estimate');
    assert.match(stride1.estimate.factory, /^conv_transpose2d → ttnn\.linear/);
    assert.equal(stride2.op.name, 'ttnn.conv_transpose2d');
    assert.ok(stride2.estimate.kind === 'estimate');
    assert.equal(stride2.estimate.cbBytesPerCore, 1_900_608);
    // tt-metal #35161 (2025-12-30, the same conv_transpose2d alone on a device opened without L1_SMALL): "Not enough
    // space to allocate 27776 B L1_SMALL buffer across 62 banks" (its sharded config tensor, one bank per core): 62 cores.
    assert.equal(stride2.estimate.nCoresUsed, 62);
    assert.equal(stride2.overflow?.kind, 'cbBeyondL1');
    assert.equal(regionEnd(stride2), 1_900_608 + 102_656);
    assert.equal(regionEnd(stride2), 2_003_264);
    assert.deepEqual(
      [a.firstFailure?.functionIndex, a.firstFailure?.opIndex],
      [0, 1],
      'the stride-2 block fails first',
    );
  });
  it('with the 102,656 B base tt-mlir #6427 / tt-xla #2655 printed that week, the region ends at 2,003,264 B exactly', () => {
    // 102,656 (1,499,136 − 65,536 − 1,330,944, their bank line) + 1,900,608 (the CBs above) = 2,003,264 B.
    const [f] = analyse({ ...run, base: 102_656 }).functions;
    const stride2 = f?.ops[1];
    assert.ok(stride2 !== undefined);
    assert.equal(stride2.overflow?.kind, 'cbBeyondL1');
    assert.equal(regionEnd(stride2), 2_003_264);
    assert.equal(printedRange(stride2), '[(x=0,y=0) - (x=7,y=7)]');
  });
});

/** The L1 buffer address our clash message names (tt-metal: "L1 buffer allocated at N"). */
function clashPartner(op: ReturnType<typeof assertFails>): number {
  return Number(/L1 buffer allocated at (\d+)/.exec(op.overflow?.message ?? '')?.[1] ?? NaN);
}

/** The op's clash (CBs over an L1 buffer, not beyond L1). */
function assertClash(run: Run, fn?: string): ReturnType<typeof assertFails> {
  const { op, first } = deviceOp(run, fn);
  assert.ok(op.estimate.kind === 'estimate');
  assert.equal(
    op.overflow?.kind,
    'cbClashesWithL1Buffers',
    `${run.file} at ${run.date}: ${op.overflow?.kind ?? 'fits'}`,
  );
  assert.equal(first, 'this op', 'the first error of the run');
  return op;
}

describe('public-thread regression set: conv_transpose2d on the DRAM-sliced path (tt-metal PR #33763, before PR #37791)', () => {
  // tt-metal #37745 / tt-xla #3282 (2026-02-12), PointPillars' stride-4 neck block: 256 → 128, k4 s4 p0, f32, on 62x54 →
  // 248x216. DRAM input, no slice config: op_slicing's best guess is the height (tiled output, input 54 < 200 wide).
  // 7 slices of 36, 36, 36, 35, 35, 35, 35 output rows; the first reads input rows 0..8 (row 35 + 3 = 38 of the expanded
  // image, ⌊38/4⌋ = 8) and, not being the whole input, pads its 216 output columns to 224 (extra output padding).
  // Slice: 36·224 = 8,064 rows = 252 tiles; auto shard → block 8x8: 252/8 → 32 tiles per core (256 pads 4 < 32); C_in
  // 256/8 = 32 per core, act_block_w = 32·kW 4 = 128 = 4 tiles; C_out 128/8 → per_core_N 1. f32 tiles of 4,096 B: ACT
  // 32·4 = 128, ACT_TILIZED 128, WEIGHTS 1·4 = 4 (no bias; ACT_ROW_MAJOR shares ACT, same f32 format; partials share the
  // f32 output) = 260 tiles = 1,064,960 B + READER_INDICES 32·32·2 = 2,048 (config tensors in DRAM, as tt-mlir writes
  // them since its PR #6445) + 64 L1_ARRAY = 1,067,072 B; + 103,712 (Wormhole main's base since PR #35963, merged
  // 2026-01-29: ttnn/l1BaseHistory.ts) = 1,170,784 B: tt-metal's figure.
  // The clash partner: halo output + conv output shard. Halo: a shard of 32·32 = 1,024 outputs over the 224-wide rows of
  // the stride-expanded 33x213 image padded to 39x227 (3 each side, + 8 right for the tile padding); 1,023 outputs on
  // from its first is 4 rows + 127 columns, or 5 rows − 97 columns: span ≤ 5·227 − 97 + 3·227 + 3 + 1 = 1,723 sticks ·
  // 32 ch · 4 B = 220,544 B; output 32·4,096 = 131,072 B; 351,616 B below the bank top 1,499,136 − 65,536 (tt-xla's
  // L1_SMALL) = 1,433,600 → 1,081,984 (tt-xla #3282's figure); with a 32 KiB L1_SMALL, 1,114,752 (tt-metal #37745's
  // ttnn repro: the two figures differ by 32,768).
  // Why 7 slices: tt-metal's estimate (ConvT2DSliceAttr::get_L1_usage before PR #37791) sizes the conv for the unpadded
  // 36x216 slice (7,776 rows = 243 tiles → 31 per core: ACT 124 + ACT_TILIZED 124 + WEIGHTS 4 = 252 tiles + 1,984 + 64 =
  // 1,034,240 B, output 126,976 B) and the halo as a plain stride-4 conv over the 9x54 input (2x13 = 26 outputs in one
  // 32-stick shard: input sticks 0 .. 4·54 + 48 + 3·54 + 3 = 429, 430 · 32 · 4 = 55,040 B): 1,216,256 B ≤ the bank's
  // 1,330,944 B free; 6 slices (42 rows: 284 tiles → 36 per core, CBs 1,198,400 + output 147,456 B) do not fit.
  const pp = { file: 'conv_transpose2d_tt-metal-37745.mlir', date: '2026-02-12' };
  it('tt-metal #37745 (2026-02-12): 7 height slices, the CB region ends at 1,170,784 B and clashes with the L1 buffer at 1,114,752', () => {
    const op = assertClash({ ...pp, l1SmallSize: 32_768 });
    assert.equal(op.cbBytesPerCore, 1_067_072);
    assert.equal(regionEnd(op), 1_170_784);
    assert.equal(clashPartner(op), 1_114_752);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    assert.match(op.estimate.kind === 'estimate' ? op.estimate.factoryReason : '', /7 output-height slice/);
  });
  it('tt-xla #3282 (the same op through tt-xla, 64 KiB L1_SMALL): the L1 buffer at 1,081,984, the region end 1,170,784', () => {
    // tt-mlir main pinned tt-metal 7dda4187 (2026-02-09, 103,712 B) that day, after PR #35963.
    const op = assertClash(pp);
    assert.equal(clashPartner(op), 1_081_984);
    assert.equal(regionEnd(op), 1_170_784);
  });
  it('tt-xla #3282 model run (PointPillars neck, 2026-02-12): the stride-1 and stride-2 blocks run, the stride-4 block clashes at 1,081,984', () => {
    // conv_transpose2d_tt-xla-2710.mlir at the later date. Stride 1 (1x1): conv_transpose2d_DRAM runs matmul convs on
    // the L1 path. Stride 2: the estimate takes 3 slices (2: CBs for the unpadded 124x216 slice, 105 tiles per core,
    // 864,320 B, + its 430,080 B output + a plain stride-2 halo of about 990 sticks · 64 B exceed the 1,330,944 B free),
    // which fit. The fixture has no config tensors in DRAM (its December IR), so the
    // stride-4 CBs are 2,048 B under the fixture above.
    const a = analyse({ file: 'conv_transpose2d_tt-xla-2710.mlir', date: '2026-02-12' });
    const [f] = a.functions;
    assert.ok(f !== undefined);
    const [stride1, stride2, stride4] = f.ops;
    assert.equal(stride1?.overflow, undefined);
    assert.equal(stride2?.overflow, undefined);
    assert.equal(stride4?.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.ok(stride4 !== undefined);
    assert.equal(clashPartner(stride4), 1_081_984);
    assert.equal(stride4.cbBytesPerCore, 1_067_072 - 2_048);
    assert.deepEqual([a.firstFailure?.functionIndex, a.firstFailure?.opIndex], [0, 2]);
  });
  it('after PR #37791 (the halo of the transposed conv in the estimate): 8 slices, which fit', () => {
    // The fixed estimate adds the real 220,544 B halo to 7 slices' 1,034,240 + 126,976: 1,381,760 B > 1,330,944.
    const { op } = deviceOp({ ...pp, date: '2026-03-10' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.overflow, undefined);
    assert.match(op.estimate.factoryReason, /8 output-height slice/);
  });
  it('before the dispatch (December builds to tt-metal d711cca of 12-16, the pin of the 12-30 threads): the L1 path, the whole op', () => {
    const { op } = deviceOp({ ...pp, date: '2025-12-16' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.doesNotMatch(op.estimate.factoryReason, /DRAM path/);
  });

  // tt-metal #35224 / tt-xla #2729 (2026-01-02), BEVDepth SECONDFPN: 2048 → 128, k2 s2 p0, f32, batch 6 on 8x22 → 16x44.
  // Height (input 22 < 200 wide). 3 slices of 6, 5, 5 rows; the first reads input rows 0..2 and pads its 44 columns to
  // 64. Slice: 6·6·64 = 2,304 rows = 72 tiles; block 8x8: 9 tiles per core; C_in 2048/8 = 256, act_block_w = 256·2 =
  // 512 = 16 tiles; per_core_N 1. ACT 9·16 = 144, ACT_TILIZED 144, WEIGHTS 16 = 304 tiles = 1,245,184 B + READER_INDICES
  // 9·64 = 576 + 64 = 1,245,824 B; + 102,656 (the 2025-12/2026-01 base) = 1,348,480 B: tt-metal's figure. Clash partner:
  // conv output 9·4,096 = 36,864 B + halo 423 sticks · 256 ch · 4 B = 433,152 B = 470,016 B below 1,433,600 → 963,584
  // (tt-xla's figure; tt-metal's 996,352 with 32 KiB L1_SMALL). Why 3: the estimate sizes the unpadded 6x6x44 slice
  // (1,584 rows = 50 tiles → 7 per core: 240 tiles + 448 + 64 = 983,552 B, output 28,672 B) and the halo of a plain
  // stride-2 conv over the 3x22 input (1x11 outputs per image, shards of 32: the second spans image 2 column 10 to
  // image 5 column 8, 218 sticks · 1,024 B = 223,232 B): 1,235,456 B ≤ 1,330,944; 2 slices (8 rows: 66 tiles → 9 per
  // core, 1,245,824 + 36,864 B + a 155,648 B halo) do not fit.
  const bev = { file: 'conv_transpose2d_tt-metal-35224.mlir', date: '2026-01-02' };
  it('tt-metal #35224 (2026-01-02): 3 height slices, the CB region ends at 1,348,480 B and clashes with the L1 buffer at 996,352', () => {
    const op = assertClash({ ...bev, l1SmallSize: 32_768 }, 'bevdepth_secondfpn_deblock3');
    assert.equal(op.cbBytesPerCore, 1_245_824);
    assert.equal(regionEnd(op), 1_348_480);
    assert.equal(clashPartner(op), 996_352);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    assert.match(op.estimate.kind === 'estimate' ? op.estimate.factoryReason : '', /3 output-height slice/);
  });
  it('tt-xla #2729 (64 KiB L1_SMALL): the L1 buffer at 963,584; the same program with the count given', () => {
    const auto = assertClash(bev, 'bevdepth_secondfpn_deblock3');
    assert.equal(clashPartner(auto), 963_584);
    const { op: given } = deviceOp(bev, 'bevdepth_secondfpn_deblock3_three_slices');
    assert.equal(given.cbBytesPerCore, 1_245_824);
    assert.equal(given.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(clashPartner(given), 963_584);
  });
});

describe('public-thread regression set: conv_transpose2d under tt-mlir runtime before PR #3056 (width sharded)', () => {
  // tt-forge-onnx #1626 (tests of 2025-03-31): "circular buffers grow beyond max L1 size", no figure. tt-mlir's runtime of
  // that date ran conv_transpose2d with its own Conv2dConfig, shard_layout WIDTH_SHARDED (runtime conv_transpose2d.cpp
  // @61271f7), so all of C_out's output rows sit on each core. Conv2Dtranspose6, 256 → 128 on 32x32 (output 64x64 =
  // 4,096 rows = 128 tiles): 8 cores along C (256/32), act_block_h = 128 tiles, act_block_w = 256·2·2 / 8 / 32 = 4: ACT
  // alone is 128·4 f32 tiles · 4,096 B = 2,097,152 B, beyond L1 on its own.
  const run = { file: 'conv_transpose2d_tt-forge-onnx-1626.mlir', date: '2025-03-31' };
  it('tt-forge-onnx #1626: Conv2Dtranspose5 on 28x28 and Conv2Dtranspose6 on 32x32 grow beyond L1', () => {
    for (const fn of ['up5_28', 'up6_32']) {
      const op = assertFails(run, fn, { first: false });
      assert.equal(op.op.name, 'ttnn.conv_transpose2d');
      assert.ok(regionEnd(op) > 1_499_136, `${fn}: ${regionEnd(op)} B`);
    }
  });
  it('tt-forge-onnx #1626: Conv2Dtranspose5 on 16x16 grows beyond L1 too, as the thread says (before PR #23116)', () => {
    // 512 → 256, 16x16 → 32x32 = 1,024 rows = 32 tiles, width sharded on 16 cores (C_in 16 tiles): act_block_h 32,
    // act_block_w = 512·2·2 / 16 / 32 = 4, per_core_N 1, f32 everywhere (4,096 B tiles). The late-2024 / early-2025
    // width-sharded factory (search index id 2511333325) sizes its image-to-column CB as the whole act block in input
    // tiles: ACT 128 + ACT_TILIZED 128 + ACT_ROW_MAJOR 128 + WEIGHTS 4 = 388 tiles = 1,589,248 B + 64 B scratch =
    // 1,589,312 B; with the 2025-03 base 102,112 B the region ends at 1,691,424 B > 1,499,136 ("grow beyond max L1
    // size"). Today's two-row CB (8 tiles) would leave 1,097,792 B, which clashes with the conv's L1 tensors instead.
    const op = assertFails(run, 'up5_16');
    assert.equal(op.op.name, 'ttnn.conv_transpose2d');
    assert.equal(op.cbBytesPerCore, 1_589_312);
    assert.equal(op.overflow?.kind, 'cbBeyondL1');
  });
  it('tt-forge-onnx #1625 (tests of 2025-03-31): both conv_transpose2d clash with L1 buffers, as the thread says', () => {
    // "Statically allocated circular buffers clash with L1 buffers", no figure. Forced WIDTH_SHARDED (tt-mlir runtime
    // before PR #3056), 14x14 → 28x28 = 784 rows = 25 tiles on every core, k2 s2, f32 (4,096 B tiles).
    // Conv2Dtranspose9, 1024 → 512: 32 cores along C (1024/32), act_block_w = 1024·2·2 / 32 / 32 = 4, per_core_N 1;
    // Conv2Dtranspose1, 16 → 1: C aligned to 32, one core, act_block_w = 32·4 / 32 = 4, per_core_N 1. Both: ACT 25·4 =
    // 100, ACT_TILIZED 100, the pre-PR #23116 image-to-column CB 100, WEIGHTS 4 = 304 tiles = 1,245,184 B + 64 B =
    // 1,245,248 B; with the 2025-03 base 102,112 B the region ends at 1,347,360 B, below 1,499,136 B but above the
    // conv's L1 tensors (the held input shard, halo output and output shard at the top of L1), hence a clash, not
    // "beyond".
    const run1625 = { file: 'conv_transpose2d_tt-forge-onnx-1625.mlir', date: '2025-03-31' };
    for (const fn of ['up1_14', 'up9_14']) {
      const { op, first } = deviceOp(run1625, fn);
      assert.equal(op.op.name, 'ttnn.conv_transpose2d');
      assert.equal(op.cbBytesPerCore, 1_245_248, fn);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', fn);
      if (fn === 'up1_14') assert.equal(first, 'this op', 'the first error of the run');
    }
    // Since tt-mlir PR #3056 tt-metal auto-shards them: no overflow.
    for (const fn of ['up1_14', 'up9_14']) assertFits({ ...run1625, date: '2025-05-15' }, fn);
  });
  it('tt-forge-onnx #1624 (tests of 2025-03-31): the four UNet decoder conv_transpose2d run out of L1 at an allocation', () => {
    // "Out of L1 Memory" (the allocator), no figure. Forced WIDTH_SHARDED keeps every row on each of the C_in/32 cores.
    // Conv2Dtranspose7 on 112x112 (128 → 64): 4 cores; the resharded f32 input shard is all 12,544 rows ×
    // 32 channels × 4 B = 1,605,632 B, more than the 1,466,368 − 102,112 = 1,364,256 B between the 2025-03 base and
    // the L1 buffer top (L1 less tt-mlir's 32 KiB L1_SMALL): the allocation fails before any program runs.
    const run1624 = { file: 'conv_transpose2d_tt-forge-onnx-1624.mlir', date: '2025-03-31' };
    for (const fn of ['up6_56', 'up7_112', 'up7_64', 'up8_128']) {
      const { op, first } = deviceOp(run1624, fn);
      assert.equal(op.op.name, 'ttnn.conv_transpose2d');
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted', fn);
      // The fixture's first function holds the run's first failure.
      if (fn === 'up6_56') assert.equal(first, 'this op');
    }
    const { op } = deviceOp(run1624, 'up7_112');
    assert.match(
      op.overflow?.message ?? '',
      /6422528 B L1 buffer across 4 banks, where each bank needs to store 1605632 B/,
    );
  });
  it('since tt-mlir PR #3056 (no shard layout: auto shard) the same three convs fit', () => {
    for (const fn of ['up5_16', 'up5_28', 'up6_32']) assertFits({ ...run, date: '2025-05-15' }, fn);
  });
});

describe('conv_transpose2d: tt-forge-fe models-ops xfail reasons (2025-03-26 / 2025-04-04), the figures behind tt-forge-onnx #1624 / #1625 / #1626 and YOLOv6', () => {
  // tenstorrent/tt-forge-fe forge/test/models_ops/test_conv2dtranspose.py quotes tt-metal's lines in its xfail reasons.
  // Builds: 14243328e (2025-03-26) pins tt-mlir whose third_party/CMakeLists.txt names tt-metal 7d60ca2 (uplifted
  // 2025-03-25); c92a65b88 (2025-04-04) pins tt-metal 7598b7e (2025-04-01). tt-mlir's runtime forced WIDTH_SHARDED
  // (before tt-mlir PR #3056): every core holds all output rows and C_in/32 channels, so the CBs do not depend on C.
  // f32 tiles of 4,096 B; before PR #23116 the image-to-column CB is the whole act block in input tiles (ACT, ACT_TILIZED
  // and ACT_ROW_MAJOR of act_block_h x act_block_w tiles each, act_block_w = kH·kW·32/32 = 4), WEIGHTS act_block_w x
  // per_core_N (1) = 4, a bias tile when there is one, and the 64 B scratch. The two builds' figures differ by the base
  // alone: 102,112 B → 97,248 B (ttnn/l1BaseHistory.ts). The printed range is the input's row-wise shard grid of C_in/32
  // cores (the width-sharded factory computes on the input's shard grid), its full rows first.
  const builds = [
    ['2025-03-25', 102_112],
    ['2025-04-01', 97_248],
  ] as const;
  it('#1626: Conv2Dtranspose5 / 6 grow beyond max L1 size, region ends and core ranges exact at both builds', () => {
    // [function, CB tiles, range]: 16x16 → 32x32 = 32 tiles of rows: 3·32·4 + 4 = 388 tiles (16 cores: 512/32);
    // 28x28 → 56x56 = 98 tiles: 3·98·4 + 4 = 1,180 tiles (16 cores); 32x32 → 64x64 = 128 tiles: 3·128·4 + 4 = 1,540
    // tiles (8 cores: 256/32).
    const cases = [
      ['up5_16', 388, '[(x=0,y=0) - (x=7,y=1)]', [1_691_424, 1_686_560]],
      ['up5_28', 1_180, '[(x=0,y=0) - (x=7,y=1)]', [4_935_456, 4_930_592]],
      ['up6_32', 1_540, '[(x=0,y=0) - (x=7,y=0)]', [6_410_016, 6_405_152]],
    ] as const;
    for (const [fn, tiles, range, ends] of cases)
      builds.forEach(([date, base], i) => {
        const op = assertFails({ file: 'conv_transpose2d_tt-forge-onnx-1626.mlir', date }, fn, { first: false });
        assert.equal(op.cbBytesPerCore, tiles * 4_096 + 64, `${fn} at ${date}`);
        assert.equal(base + tiles * 4_096 + 64, ends[i], 'the hand sum is the printed figure');
        assert.deepEqual([regionEnd(op), printedRange(op)], [ends[i], range], `${fn} at ${date}`);
      });
  });
  it('#1625: Conv2Dtranspose1 / 9 clash with the L1 buffer at 1,227,648 B, region end and range exact at both builds', () => {
    // 14x14 → 28x28 = 784 rows = 25 tiles: 3·25·4 + 4 = 304 tiles + 64 B = 1,245,248 B. The lowest L1 buffer, from the
    // top 1,499,136 − 32,768 (L1_SMALL) = 1,466,368: conv_transpose2d holds its resharded input (224 rows of a tiled
    // input, rounded to 32, x 32 channels x 4 B = 28,672) while the halo output (29 x 29 = 841 sticks x 128 B = 107,648)
    // and the conv output shard (25 tiles = 102,400) are allocated below it: 1,466,368 − 238,720 = 1,227,648.
    for (const [fn, range] of [
      ['up1_14', '[(x=0,y=0) - (x=0,y=0)]'],
      ['up9_14', '[(x=0,y=0) - (x=7,y=3)]'],
    ] as const)
      builds.forEach(([date, base]) => {
        const { op } = deviceOp({ file: 'conv_transpose2d_tt-forge-onnx-1625.mlir', date }, fn);
        assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', `${fn} at ${date}`);
        assert.deepEqual(
          [op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes, printedRange(op)],
          [1_245_248, base + 1_245_248, 1_227_648, range],
          `${fn} at ${date}`,
        );
      });
    assert.deepEqual(
      builds.map(([, base]) => base + 1_245_248),
      [1_347_360, 1_342_496],
    );
  });
  it('#1624: the allocations tt-metal refuses, per bank and bank count exact', () => {
    // [function, role, bytes per bank, banks (C_in/32 cores)]: the resharded input of 112x112 (12,544 rows x 32 ch x
    // 4 B) and 128x128 (16,384 rows); the halo output of 56x56 (the stride-expanded input 111x111 padded by 1 on each
    // side: 113² = 12,769 sticks x 128 B = 1,634,432) and 64x64 (129² = 16,641 sticks: 2,130,048).
    const cases = [
      ['up6_56', 'halo output', 1_634_432, 8],
      ['up7_64', 'halo output', 2_130_048, 4],
      ['up7_112', 'resharded conv input', 1_605_632, 4],
      ['up8_128', 'resharded conv input', 2_097_152, 2],
    ] as const;
    for (const [fn, role, perBank, banks] of cases)
      for (const [date] of builds) {
        const { op } = deviceOp({ file: 'conv_transpose2d_tt-forge-onnx-1624.mlir', date }, fn);
        assert.equal(op.overflow?.kind, 'l1BuffersExhausted', `${fn} at ${date}`);
        assert.ok(op.estimate.kind === 'estimate');
        const a = op.overflow.failedAllocation;
        assert.deepEqual(
          [a?.role, a?.bytesPerCore, op.estimate.nCoresUsed],
          [role, perBank, banks],
          `${fn} at ${date}`,
        );
      }
  });
  it('YOLOv6 neck upsamplers (Conv2Dtranspose10..15, with bias): 1,838,112 / 6,999,072 B and their ranges at 2025-04-01', () => {
    // C → C, k2 s2, bias. 14x20 → 28x40 = 1,120 rows = 35 tiles: 3·35·4 + 4 + 1 (bias) = 425 tiles + 64 B = 1,740,864 B;
    // 28x40 → 56x80 = 4,480 rows = 140 tiles: 3·140·4 + 5 = 1,685 tiles + 64 B = 6,901,824 B; + 97,248.
    const file = 'conv_transpose2d_tt-forge-fe-models-ops-yolov6.mlir';
    const cases = [
      ['up10_14x20', 1_838_112, '[(x=0,y=0) - (x=1,y=0)]'],
      ['up11_28x40', 6_999_072, '[(x=0,y=0) - (x=0,y=0)]'],
      ['up12_14x20', 1_838_112, '[(x=0,y=0) - (x=5,y=0)]'],
      ['up13_28x40', 6_999_072, '[(x=0,y=0) - (x=2,y=0)]'],
      ['up14_14x20', 1_838_112, '[(x=0,y=0) - (x=7,y=0)]'],
      ['up15_28x40', 6_999_072, '[(x=0,y=0) - (x=3,y=0)]'],
      ['up15_14x20', 1_838_112, '[(x=0,y=0) - (x=3,y=0)]'],
      ['up10_28x40', 6_999_072, '[(x=0,y=0) - (x=1,y=0)]'],
    ] as const;
    for (const [fn, end, range] of cases) {
      const op = assertFails({ file, date: '2025-04-01' }, fn, { first: false });
      assert.equal(op.cbBytesPerCore, end === 1_838_112 ? 425 * 4_096 + 64 : 1_685 * 4_096 + 64, fn);
      assert.deepEqual([regionEnd(op), printedRange(op)], [end, range], fn);
    }
  });
  it('VGG19-UNet decoder (e31f3b7b5, tt-metal eefaadf of 2025-06-13, bf16, auto shard): clash at 415,232 / 424,992 and a 1,181,952 B halo over 64 banks', () => {
    // Conv2Dtranspose2, 256 → 128 on 128x128 → 256x256 = 65,536 rows = 2,048 tiles: height on 64 cores, 32 tiles (1,024
    // rows) each; act_block_h 1 (auto shard's override 32), act_block_w = 256·kW 2 / 32 = 16 tiles: WEIGHTS per_core_N 4 ·
    // 16 · kH 2 = 128, ACT 16, ACT_TILIZED 16 = 160 bf16 tiles = 327,680 + 64 B; + 97,248 = 424,992. The L1 tensors from
    // the top 1,466,368: the resharded input, held (256 rows x 256 ch x 2 B = 131,072), the halo output (the
    // stride-expanded input 255 wide padded to 257; 4 output rows need 5 input rows: 1,285 sticks x 512 B = 657,920) and
    // the output shard (1,024 x 128 x 2 = 262,144): 1,466,368 − 1,051,136 = 415,232. With the input freed the lowest
    // buffer would sit at 546,304, above the CB region: no error, against the xfail.
    // Conv2Dtranspose3, 128 → 64 on 256x256 → 512x512 = 262,144 rows: 64 cores of 4,096 rows (8 output rows), so the
    // halo output is 9 rows of 513 = 4,617 sticks x 256 B = 1,181,952 B per bank, after the 262,144 B input shard.
    const file = 'conv_transpose2d_tt-forge-fe-models-ops-vgg19-unet.mlir';
    const clash = deviceOp({ file, date: '2025-06-13' }, 'up2_128').op;
    assert.equal(clash.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual(
      [clash.cbBytesPerCore, regionEnd(clash), clash.overflow.limitBytes, printedRange(clash)],
      [327_744, 424_992, 415_232, '[(x=0,y=0) - (x=7,y=7)]'],
    );
    const oom = deviceOp({ file, date: '2025-06-13' }, 'up3_256').op;
    assert.equal(oom.overflow?.kind, 'l1BuffersExhausted');
    assert.ok(oom.estimate.kind === 'estimate');
    const a = oom.overflow.failedAllocation;
    assert.deepEqual(
      [a?.role, a?.bytesPerCore, a?.allocatedBeforeBytes, oom.estimate.nCoresUsed],
      ['halo output', 1_181_952, 262_144, 64],
    );
  });
});

describe('conv2d: tt-forge-onnx #1630 / #1631, whisper stems as 1-D convs (tests of 2025-03-31)', () => {
  // Whisper's encoder stem as conv2d on a (1, C, 3000, 1) f32 image, kernel (3, 1), padding 1 on the height, no
  // conv2d_config: tt-metal auto-shards. A 1-D conv (kernel width 1 over a width-1 image) got the height config then
  // (PR #18877, 2025-03-10; PR #19905 of 2025-03-31 opened block/width), with auto-shard's act_block_h_override 32.
  // Row-major input → C aligned to 8. f32 tiles 4,096 B; the 2025-03 base 102,112 B.
  const r1631 = { file: 'conv2d_tt-forge-onnx-1631.mlir', date: '2025-03-31' };
  const r1630 = { file: 'conv2d_tt-forge-onnx-1630.mlir', date: '2025-03-31' };
  it('#1631 Conv2D0 80 → 1280: grows beyond max L1 size (1,601,312 B), the first error', () => {
    // NHW 3000 → 94 tiles → 47 cores (47 divides 94), 2 tiles each; act_block_w = round_up(80·1, 32) = 96 → 3 tiles,
    // act_block_h 1 (override) → 2 act blocks per core → WEIGHTS fully buffered ×kH: 40·3·3 = 360 tiles = 1,474,560 B;
    // ACT 3 input tiles + ACT_TILIZED 3 output tiles = 24,576 B; 64 B scratch; output tensor-backed → 1,499,200 B,
    // region end 102,112 + 1,499,200 = 1,601,312 B > 1,499,136 B ("circular buffers grow beyond max L1 size").
    const op = assertFails(r1631, 'stem0_1280');
    assert.equal(op.cbBytesPerCore, 1_499_200);
    assert.equal(regionEnd(op), 1_601_312);
  });
  it('#1631 Conv2D1 1024 / 1280 / 768 → same, stride 2: grow beyond max L1 size', () => {
    // 1,500 output rows = 47 tiles on 47 cores, one act block each: WEIGHTS per_core_N·C/32 tiles (no ×kH):
    // 1024: 32·32 = 1,024 tiles alone = 4,194,304 B, beyond L1 whatever the rest.
    for (const fn of ['stem1_1024', 'stem1_1280', 'stem1_768']) {
      const op = assertFails(r1631, fn, { first: false });
      assert.ok(regionEnd(op) > 1_499_136, fn);
    }
  });
  it('tt-forge-fe models-ops xfail reasons of 14243328e (tt-metal 7d60ca2, 2025-03-25): the stride-2 stems grow to 2,658,080 / 4,558,624 / 6,983,456 B on (0,0)-(7,5)', () => {
    // test_conv2d.py's Conv2D1 cases of that regeneration quote the figures the issue lacks. 47 cores of one act block:
    // act_block_w = C · kW 1 / 32 tiles, WEIGHTS per_core_N (C_out/32) · act_block_w, ACT and ACT_TILIZED act_block_w
    // each, f32: 768: 24·24 + 2·24 = 624 tiles; 1024: 32·32 + 2·32 = 1,088; 1280: 40·40 + 2·40 = 1,680; each · 4,096 +
    // 64 B, on the 102,112 B base. The height-sharded conv prints its grid's bounding box: 47 cores → (0,0)-(7,5).
    const cases = [
      ['stem1_768', 624, 2_658_080],
      ['stem1_1024', 1_088, 4_558_624],
      ['stem1_1280', 1_680, 6_983_456],
    ] as const;
    for (const [fn, tiles, end] of cases) {
      const op = assertFails({ ...r1631, date: '2025-03-25' }, fn, { first: false });
      assert.equal(op.cbBytesPerCore, tiles * 4_096 + 64, fn);
      assert.deepEqual([regionEnd(op), printedRange(op)], [end, '[(x=0,y=0) - (x=7,y=5)]'], fn);
    }
    // At c92a65b88 (tt-metal 7598b7e, 2025-04-01) the 1024 and 1280 stems ran (their xfail reason became "Data mismatch
    // between framework output and compiled model output"): PR #19905 (2025-03-31) let auto shard leave height.
    for (const fn of ['stem1_1024', 'stem1_1280']) assertFits({ ...r1631, date: '2025-04-01' }, fn);
  });
  it('#1630 Conv2D0 80 → 1024 and Conv2D1 512 → 512: clash with L1 buffers (below L1, above the conv tensors)', () => {
    // Conv2D0 80 → 1024: WEIGHTS 32·3·3 = 288 tiles = 1,179,648 B + 24,576 + 64 = 1,204,288 B, end 1,306,400 B.
    // Conv2D1 512 → 512 (s 2): act_block_w = 512 → 16 tiles, one act block: WEIGHTS 16·16 = 256 tiles = 1,048,576 B,
    // ACT 16 + ACT_TILIZED 16 tiles = 131,072 B, + 64 → 1,179,712 B, end 1,281,824 B. Both below 1,499,136 B, so tt-metal
    // reports the clash with the conv's own L1 tensors (halo output, output shard) at the top of L1.
    const expected: Record<string, number> = { stem0_1024: 1_204_288, stem1_512: 1_179_712 };
    for (const [fn, cbBytes] of Object.entries(expected)) {
      const { op } = deviceOp(r1630, fn);
      assert.equal(op.cbBytesPerCore, cbBytes, fn);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', fn);
    }
  });
  it('after tt-metal PR #19905 auto-shard may pick block or width for the same 1-D convs', () => {
    for (const fn of ['stem0_1280', 'stem1_1024']) {
      const { op } = deviceOp({ ...r1631, date: '2025-04-15' }, fn);
      assert.ok(op.estimate.kind === 'estimate');
      assert.doesNotMatch(op.estimate.factoryReason, /1-D convs .* are height sharded/, fn);
    }
  });
});

describe('conv2d: tt-forge-fe models-ops image stems (3-channel f32 inputs) at three builds, 2025-02-21 .. 2025-04-01', () => {
  // test_conv2d.py's xfail reasons at 0cde875b1 (tt-metal 99e8f45, 2025-02-21), 14243328e (7d60ca2, 2025-03-25) and
  // c92a65b88 (7598b7e, 2025-04-01); bases 99,488 / 102,112 / 97,248 B (ttnn/l1BaseHistory.ts). A tiled input aligns C 3
  // to 32 (a row-major one to 8, which fits every conv here: the figures pin the tiled input). Auto shard picks height;
  // act_block_h 1 tile (auto shard's override 32), f32 tiles of 4,096 B, the L1 tensors from 1,466,368 (L1 less 32 KiB
  // L1_SMALL) down.
  const file = 'conv2d_tt-forge-fe-models-ops-stems.mlir';
  const builds = [
    ['2025-02-21', 99_488],
    ['2025-03-25', 102_112],
    ['2025-04-01', 97_248],
  ] as const;
  it('alexnet (osmr) conv1, 96 ← 3, 11x11 s4: grows to 1,676,512 / 1,679,136 / 1,674,272 B on (0,0)-(7,5)', () => {
    // 54x54 = 2,916 outputs → 92 tiles on 46 cores of 2; act_block_w = 32·kW 11 / 32 = 11 tiles; two act blocks, so
    // WEIGHTS per_core_N 3 · 11 · kH 11 = 363, ACT 11, ACT_TILIZED 11: 385 tiles + 64 B = 1,577,024 B.
    const ends = [1_676_512, 1_679_136, 1_674_272];
    builds.forEach(([date, base], i) => {
      const op = assertFails({ file, date }, 'alexnet_osmr_c1', { first: false });
      assert.equal(base + 385 * 4_096 + 64, ends[i]);
      assert.deepEqual(
        [op.cbBytesPerCore, regionEnd(op), printedRange(op)],
        [1_577_024, ends[i], '[(x=0,y=0) - (x=7,y=5)]'],
        date,
      );
    });
  });
  it('alexnet (torchhub) conv1, 64 ← 3, 11x11 s4 p2: clashes with the buffer at 947,328 B, region ends exact at each build', () => {
    // 55x55 = 3,025 outputs → 95 tiles on 48 cores of 2: WEIGHTS 2 · 11 · 11 = 242 + ACT 11 + ACT_TILIZED 11 = 264 tiles
    // + 64 B = 1,081,408 B (with the (64,) bias of Conv2D40, two more tiles: 1,089,600 B). The buffer: the halo output
    // (502,656 B, moved up over the freed resharded input) and the output shard (16,384 B) under 1,466,368.
    const ends = [1_180_896, 1_183_520, 1_178_656];
    builds.forEach(([date], i) => {
      const { op } = deviceOp({ file, date }, 'alexnet_c1');
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', date);
      assert.deepEqual(
        [op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes, printedRange(op)],
        [1_081_408, ends[i], 947_328, '[(x=0,y=0) - (x=7,y=5)]'],
        date,
      );
    });
    const { op } = deviceOp({ file, date: '2025-04-01' }, 'alexnet_c1_bias');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual([regionEnd(op), op.overflow.limitBytes], [1_186_848, 947_328]);
  });
  it('ViT / CLIP patch embeddings and a 7x7 stem: the halo allocations tt-metal refuses, per bank and bank count exact', () => {
    // [function, bytes per bank, banks]: ViT's 16x16 s16 on 224x224 (196 patches → 7 tiles on 7 cores, whatever C_out),
    // CLIP's 14x14 s14 on 336x336 (576 patches → 18 tiles on 18 cores), the 7x7 s2 p3 stem on 480x640 (64 cores): the
    // halo output, allocated below the resharded input.
    const cases = [
      ['vit_patch16_768', 1_785_856, 7],
      ['vit_patch16_192', 1_785_856, 7],
      ['vit_patch16_384', 1_785_856, 7],
      ['clip_patch14_336', 1_175_552, 18],
      ['stem7x7_480x640', 1_141_888, 64],
    ] as const;
    for (const [fn, perBank, banks] of cases)
      for (const [date] of builds) {
        const { op } = deviceOp({ file, date }, fn);
        assert.equal(op.overflow?.kind, 'l1BuffersExhausted', `${fn} at ${date}`);
        assert.ok(op.estimate.kind === 'estimate');
        const a = op.overflow.failedAllocation;
        assert.deepEqual(
          [a?.role, a?.bytesPerCore, op.estimate.nCoresUsed],
          ['halo output', perBank, banks],
          `${fn} at ${date}`,
        );
      }
  });
});

describe('conv2d: tt-forge-fe models-ops f32 convs with a tiled input (2025-02-21 .. 2025-05-02)', () => {
  // conv2d_tt-forge-fe-models-ops-tiled-input.mlir's header quotes the xfail reasons. Auto shard picks height; the
  // halo output is the allocation that fails, after the resharded input.
  const file = 'conv2d_tt-forge-fe-models-ops-tiled-input.mlir';
  it('160 ← 80, 3x3 s2 on 320x320: the halo output, 940,416 B across 62 banks, at the 2025-02-21 and 2025-04-01 builds', () => {
    // 160x160 = 25,600 outputs = 800 tiles on 62 cores of 13 (806 padded). C 80 → 96 (a tiled input aligns to 32), 384 B
    // sticks: the resharded input is round_up(102,400, 62·32) / 62 = 1,664 rows = 638,976 B, then the halo output of
    // 2,449 sticks (the span rule of ops/halo.ts) = 940,416 B, tt-metal's per-bank figure, over the 62 cores.
    for (const date of ['2025-02-21', '2025-04-01']) {
      const { op } = deviceOp({ file, date }, 'conv822_320');
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted', date);
      assert.ok(op.estimate.kind === 'estimate');
      const a = op.overflow.failedAllocation;
      assert.deepEqual([a?.role, a?.bytesPerCore, op.estimate.nCoresUsed], ['halo output', 940_416, 62], date);
    }
  });
  it('the same conv on 240x240 (2025-05-02): "L1 buffer allocated at 638592 and static circular buffer region ends at 724000"', () => {
    // CBs 626,752 B (153 f32 tiles + 64 B) on the 97,248 B base; 57 cores of 8 tiles; the buffer: 1,466,368 − (663,936
    // halo output + 163,840 output shard) = 638,592. The build's real input was row-major (tt-mlir PR #2779): the same
    // figures, since before tt-metal PR #21612 an 80-channel row-major conv aligned to 32 too (the row-major case below).
    const { op } = deviceOp({ file, date: '2025-05-02' }, 'conv1300_240');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual(
      [op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes, printedRange(op)],
      [626_752, 724_000, 638_592, '[(x=0,y=0) - (x=7,y=7)]'],
    );
  });
  // Before tt-metal PR #19770 (8eb65ea, 2025-04-01 14:00 UTC, after 7598b7e: change point halo-untilize-blocks) the
  // halo program untilized the whole tiled input shard into one CB first: its static CBs are one pad stick (C per core
  // · 4 B) and ntiles · ceil(input shard rows / 32) f32 tiles of 4,096 B. That program runs while the resharded input
  // and the halo output are allocated, from 1,466,368 (L1 less 32 KiB L1_SMALL) down, so it is the first to clash.
  // tt-metal prints the first CoreRange of the halo output's shard grid (the conv's height grid, full rows first).
  // Region ends = CBs + the base of the build: 99,488 (02-21), 102,112 (03-25), 97,248 (04-01).
  const haloClashes: readonly (readonly [string, string, string, number, number, number, string])[] = [
    // [function, build, why, CBs, buffer, region end, range]
    // 80 → 96 channels (a tiled input aligns to 32): 384 B sticks, 3 tiles wide; 450 output tiles on 57 cores of 8;
    // input rows round_up(57,600, 57·32) / 57 = 1,024 → 32 tile rows: 96 tiles · 4,096 + 384 = 393,600. Buffer: 1,466,368
    // − 393,216 (input shard, 1,024 rows · 96 · 4 B) − 663,936 (halo output) = 409,216.
    ['conv1300_240', '2025-02-21', 'Conv2D822', 393_600, 409_216, 493_088, '[(x=0,y=0) - (x=7,y=6)]'],
    ['conv1300_240', '2025-04-01', 'Conv2D1247', 393_600, 409_216, 490_848, '[(x=0,y=0) - (x=7,y=6)]'],
    // 128 channels, 512 B sticks, 4 tiles; 1,568 output tiles on 63 cores of 25; input rows round_up(50,176, 63·32) / 63
    // = 800 → 25 tile rows: 100 tiles · 4,096 + 512 = 410,112. Buffer: 1,466,368 − 409,600 (800 · 128 · 4) − 646,144
    // (halo: 800 outputs over 226-wide padded rows span 807 + 2·226 + 3 = 1,262 sticks · 512 B) = 410,624.
    ['conv662', '2025-02-21', 'Conv2D662', 410_112, 410_624, 509_600, '[(x=0,y=0) - (x=7,y=6)]'],
    ['conv662', '2025-03-25', 'Conv2D439', 410_112, 410_624, 512_224, '[(x=0,y=0) - (x=7,y=6)]'],
    ['conv662', '2025-04-01', 'Conv2D30', 410_112, 410_624, 507_360, '[(x=0,y=0) - (x=7,y=6)]'],
    // 48 and 64 → 64 channels, 256 B sticks, 2 tiles; 800 output tiles on 62 cores of 13; input rows round_up(102,400,
    // 62·32) / 62 = 1,664 → 52 tile rows: 104 tiles · 4,096 + 256 = 426,240, whatever C_out (96 or 128). Buffer:
    // 1,466,368 − 425,984 (1,664 · 64 · 4) − 626,944 (halo: 2,449 sticks, the span of the 320x320 conv above, · 256 B).
    ['conv849', '2025-02-21', 'Conv2D849', 426_240, 413_440, 525_728, '[(x=0,y=0) - (x=7,y=6)]'],
    ['conv1225', '2025-02-21', 'Conv2D802', 426_240, 413_440, 525_728, '[(x=0,y=0) - (x=7,y=6)]'],
    ['conv849', '2025-04-01', 'Conv2D1281', 426_240, 413_440, 523_488, '[(x=0,y=0) - (x=7,y=6)]'],
    ['conv1225', '2025-04-01', 'Conv2D1225', 426_240, 413_440, 523_488, '[(x=0,y=0) - (x=7,y=6)]'],
    // 64 channels, 2 tiles; 16x16 outputs = 8 tiles on 8 cores (one row: (0,0)-(7,0)); input rows 16,384 / 8 = 2,048 →
    // 64 tile rows: 128 tiles · 4,096 + 256 = 524,544. Buffer: 1,466,368 − 524,288 (input) − 524,288 (halo: a core's 2
    // output rows of 16 read 16 input rows of 128 sticks, 2,048 sticks · 256 B) = 417,792.
    ['conv714', '2025-02-21', 'Conv2D714', 524_544, 417_792, 624_032, '[(x=0,y=0) - (x=7,y=0)]'],
    ['conv714', '2025-03-25', 'Conv2D428', 524_544, 417_792, 626_656, '[(x=0,y=0) - (x=7,y=0)]'],
    ['conv714', '2025-04-01', 'Conv2D486', 524_544, 417_792, 621_792, '[(x=0,y=0) - (x=7,y=0)]'],
    // 3 → 32 channels, 128 B sticks, 1 tile; 1,800 output tiles on 63 cores of 29; input rows round_up(230,400, 63·32) /
    // 63 = 3,680 → 115 tile rows: 115 · 4,096 + 128 = 471,168, whatever C_out. Buffer: 1,466,368 − 471,040 (3,680 ·
    // 32 · 4) − 797,696 (halo output, 6,232 sticks · 128 B) = 197,632.
    ['conv1280', '2025-02-21', 'Conv2D848', 471_168, 197_632, 570_656, '[(x=0,y=0) - (x=7,y=6)]'],
    ['conv1280', '2025-04-01', 'Conv2D1280', 471_168, 197_632, 568_416, '[(x=0,y=0) - (x=7,y=6)]'],
    // 264 → 288 channels, 1,152 B sticks, 9 tiles; 875 output tiles on 63 cores of 14; input rows round_up(28,000,
    // 63·32) / 63 = 448 → 14 tile rows: 126 · 4,096 + 1,152 = 517,248. Buffer: 1,466,368 − 516,096 (448 · 288 · 4) −
    // 721,152 (halo output, 626 sticks · 1,152 B) = 229,120.
    ['conv29', '2025-04-01', 'Conv2D29', 517_248, 229_120, 614_496, '[(x=0,y=0) - (x=7,y=6)]'],
    // 3 → 32 channels, 1 tile; 128x128 outputs = 512 tiles on 64 cores; input rows 262,144 / 64 = 4,096 → 128 tile rows:
    // 128 · 4,096 + 128 = 524,416. Buffer: 1,466,368 − 524,288 (4,096 · 32 · 4) − 728,960 (halo output, 5,695 sticks ·
    // 128 B) = 213,120.
    ['conv706', '2025-02-21', 'Conv2D706', 524_416, 213_120, 623_904, '[(x=0,y=0) - (x=7,y=7)]'],
    ['conv706', '2025-04-01', 'Conv2D1145', 524_416, 213_120, 621_664, '[(x=0,y=0) - (x=7,y=7)]'],
    // Block sharded (528 → 528, groups 2): 288 output tiles on 8 NHW cores of 36; C 528 → 17 blocks of 32 on 6 channel
    // cores (padded to 18: 96 channels each, 384 B sticks, 3 tiles); input rows 9,216 / 8 = 1,152 → 36 tile rows: 108 ·
    // 4,096 + 384 = 442,752. Buffer: 1,466,368 − 442,368 (1,152 · 96 · 4) − 526,848 (halo: 12 output rows of 96 span
    // 11·98 + 95 + 2·98 + 3 = 1,372 sticks · 384 B) = 497,152. transpose_shards was true by default (change point conv2d-transpose-shards-default-false):
    // the NHW cores run along x, so the block grid is (0,0)-(7,5), the range tt-metal printed.
    ['conv805', '2025-03-25', 'Conv2D922', 442_752, 497_152, 544_864, '[(x=0,y=0) - (x=7,y=5)]'],
    ['conv805', '2025-04-01', 'Conv2D805', 442_752, 497_152, 540_000, '[(x=0,y=0) - (x=7,y=5)]'],
  ];
  for (const [fn, date, conv, cbs, buffer, end, range] of haloClashes) {
    it(`${conv} (${date}): the halo program's CBs clash, "allocated at ${buffer} ... region ends at ${end}" on ${range}`, () => {
      const { op } = deviceOp({ file, date }, fn);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', `${fn}: ${op.overflow?.kind ?? 'fits'}`);
      assert.equal(op.overflow.failedProgram?.name, 'halo (untilize_with_halo)');
      assert.deepEqual(
        [
          op.overflow.failedProgram.cbBytesPerCore,
          op.overflow.limitBytes,
          op.overflow.cbRegionEndBytes,
          printedRange(op),
        ],
        [cbs, buffer, end, range],
      );
      assert.match(
        op.overflow.message,
        new RegExp(`L1 buffer allocated at ${buffer} and static circular buffer region ends at ${end}$`),
      );
    });
  }
  it('Conv2D853 (2025-05-02): the same grouped conv now clashes in its own program, "... 497152 ... 760864" on (0,0)-(7,5)', () => {
    // After PR #19770 the halo's untilize CBs are two 32-stick blocks (2 · 2 · 3 tiles by then), far below the conv's
    // 663,616 B of CBs, which end at 760,864 on the 97,248 B base; the block grid is still column-major.
    const { op } = deviceOp({ file, date: '2025-05-02' }, 'conv805');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(op.overflow.failedProgram, undefined);
    assert.deepEqual(
      [op.cbBytesPerCore, op.overflow.limitBytes, regionEnd(op), printedRange(op)],
      [663_616, 497_152, 760_864, '[(x=0,y=0) - (x=7,y=5)]'],
    );
  });
  it('1 ← 16, 3x3 on 322x1026: the halo output, 919,296 B across 64 banks, at the three 2025-02..04 builds', () => {
    for (const date of ['2025-02-21', '2025-03-25', '2025-04-01']) {
      const { op } = deviceOp({ file, date }, 'conv661');
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted', date);
      assert.ok(op.estimate.kind === 'estimate');
      const a = op.overflow.failedAllocation;
      assert.deepEqual([a?.role, a?.bytesPerCore, op.estimate.nCoresUsed], ['halo output', 919_296, 64], date);
    }
  });
});

describe('conv2d: tt-metal #17869 (2025-02-13), pytorch2.0_ttnn unet_brain, auto shard between PRs #17485 and #17945', () => {
  // 1x128x128, 128 -> 64 channels, 3x3, stride 1, padding 1, bf16 TILE input in DRAM, no conv config. CBs + output per
  // core (PR #17485's ranking; act_block_h_override 32 set by auto shard before PR #32424): height on 64 cores —
  // NHW 16,384 = 512 tiles, 8 per core (64 divides 512); per_core_M 8, per_core_N 2; C_align 32 → C_in 4 tiles;
  // act_block_w = round_up(128·3, 32)/32 = 12; act_block_h 1 tile, so 8 act blocks in h and weights ×kH: WEIGHTS
  // 2·12·3 = 72, ACT 12, ACT_TILIZED 12, partials alias the bf16 output → 96 · 2,048 + 64 = 196,672 B, + output
  // 8·2 tiles = 32,768 B. Block would run 8 rows x 4 columns (C_in 4 tiles) and width 4 input cores: the thread's core
  // range (0,0)-(7,7) is the 64-core height grid.
  // The thread: "static circular buffer region ends at 296160" = 196,672 B + a base of 99,488 B (the dated table's
  // 2025-02 entry, which tt-metal #17947's figure five days later gives independently). Its clash ("L1 buffer allocated at 285312") is with the model's other tensors,
  // which the thread does not list: the fixture holds the conv alone, so only the CB region is asserted.
  const run: Run = { file: 'conv2d_tt-metal-17869.mlir', date: '2025-02-13' };
  it('height on the 8x8 grid, the CB region ending at 296,160 B exactly', () => {
    const { op } = deviceOp(run);
    assert.ok(op.estimate.kind === 'estimate');
    assert.match(op.estimate.factory, /height_sharded/);
    assert.equal(op.estimate.nCoresUsed, 64);
    assert.equal(op.estimate.cbBytesPerCore, 196_672);
    assert.equal(regionEnd(op), 296_160);
  });
});

describe('conv2d: tt-metal #18286 / #18642 (2025-02-25 / 2025-03-05), YOLOv10x sub-module convs, height sharded', () => {
  // Both fixtures take their Conv2dConfig from the model code (models/experimental/functional_yolov10/tt/common.py
  // @90abf44: HEIGHT_SHARDED, bfloat8_b activations and weights, LoFi, no double buffering; see the file headers). Both
  // builds predate the 2025-03-12 base change: the dated table's 99,488 B (from #17869 and #17947, above).
  it('tt-metal #18286 (SCDown cv2, groups 640, 3x3 s2): the CBs grow to 1,656,032 B exactly, the first error', () => {
    // 40x40 → 20x20 = 400 rows = 13 tiles → 13 height cores (13 divides 13), per_core_M 1; the grouped weights are
    // block-diagonal [640, 640, 3, 3]: per_core_N 20, act_block_w = 640·3 / 32 = 60 tiles, one act block per core so
    // the weights are not ×kH. WEIGHTS 20·60 = 1,200 bfp8 tiles · 1,088 = 1,305,600; ACT 60 tiles of the halo's bf16
    // rows (the bfp8 tiled input untilized) = 122,880; ACT_TILIZED 60 bfp8 = 65,280; partials: packer_l1_acc with
    // kH = 3 K blocks (> 2) packs bf16, not the bfp8 output, so its own 20 · 2,048 = 40,960; BIAS 20 bfp8 = 21,760;
    // 64 B scratch → 1,556,544 B; + 99,488 = 1,656,032 B, the thread's "grow to 1656032 B" (on the 13 cores' bounding
    // box (0,0)-(7,1)). The test's device had l1_small_size 79104.
    const op = assertFails({ file: 'conv2d_tt-metal-18286.mlir', date: '2025-02-25', l1SmallSize: 79_104 });
    assert.equal(op.cbBytesPerCore, 1_556_544);
    assert.equal(regionEnd(op), 1_656_032);
    // The range the thread printed: the sharded conv factory's CBs sit on the 8x2 bounding box of the 13 cores
    // (8 on row 0, 5 on row 1), not on the first core alone.
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=1)]');
  });
  it('tt-metal #18642 (C2fCIB cv2, 2560 → 640, 1x1): the matmul reads the input shard in place, 1,862,048 B exactly', () => {
    // 40x40 = 1,600 rows = 50 tiles → 50 height cores, per_core_M 1; K = 2560/32 = 80 tiles = in0_block_w (height:
    // act_block_w is all of K), per_core_N 20. 1D mcast-in1 (bmm_op_multi_core_reuse_mcast_1d_optimized.cpp@021f9d3):
    // c_0 = num_blocks 1 · 1 · 80 tiles globally allocated on the resharded input (shard width 80 / in0_block_w 80 = 1,
    // no sub-block extraction): no static bytes; c_1 = 20·80 = 1,600 bfp8 tiles, single-buffered (one block) =
    // 1,740,800; bias c_3 = 20 bfp8 tiles = 21,760; the output is sharded and interm0 shares it (packer_l1_acc needs
    // more than one K block) → 1,762,560 B; + 99,488 = 1,862,048 B, the thread's figure. Counting c_0 as its own 80
    // bf16 tiles (163,840 B) would give 2,025,888 B.
    // The branch (vignesh/ttnn_yolov10x_conv_fails, 2502034) sits on main c17e35a of 2025-02-18: its build date.
    const op = assertFails({ file: 'conv2d_tt-metal-18642.mlir', date: '2025-02-18' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.match(op.estimate.factory, /matmul/);
    assert.equal(op.cbBytesPerCore, 1_762_560);
    assert.equal(regionEnd(op), 1_862_048);
    // The range the thread printed: the 1D matmul's CBs sit on num_cores_to_corerangeset(50) = 6 full rows of 8
    // ((0,0)-(7,5), 48 cores) + (0,6)-(1,6); both allocators grow alike, the first, (0,0)-(7,5), is named.
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=5)]');
  });
});

describe('conv2d: tt-metal #22891 (2025-06-02), a 32x32 kernel on one core', () => {
  const run = { file: 'conv2d_tt-metal-22891.mlir', date: '2025-06-02' };
  it('grows beyond L1 on core (0,0) alone with 2,154,560 B of CBs, the region ending at 2,251,808 B', () => {
    // Output 2·1·2 = 4 rows → one tile → one core, as printed. Auto shard → height (one core, act_block_h_override 32
    // before PR #32424). Row-major input → C aligned to 8: 16; act_block_w = round_up(16·32, 32) = 512 → 16 tiles;
    // per_core_N = 1920/32 = 60; one act block → WEIGHTS 60·16 = 960 tiles (1,966,080 B), ACT 16 + ACT_TILIZED 16
    // (65,536 B), BIAS 60 (122,880 B), 64 B scratch → 2,154,560 B. The thread's 2,251,808 B implies a base of 97,248 B,
    // as tt-mlir #3643's conv (2025-06-01, below) does independently and tt-mlir's ttir-builder docs carry
    // (≤ 2025-04-25): the dated table's 2025-06 entry (stride, dtypes and layouts here are assumed).
    const op = assertFails(run);
    assert.equal(op.cbBytesPerCore, 2_154_560);
    assert.equal(regionEnd(op), 2_251_808);
  });
});

describe('conv2d: tt-mlir #3643 (2025-06-03), Conv2D940 under the runtime compute config of tt-mlir PR #3579', () => {
  // "L1 buffer allocated at 351360 and static circular buffer region ends at 465952" on (0,0)-(7,7). Build: the
  // tt-forge-fe nightly of 2025-06-01 (its tt-mlir between PRs #3579 and #3610, which pass fp32_dest_acc_en off and
  // packer_l1_acc on): run at 2025-06-01. 1x16x322x1026 f32 → 320x1024, 3x3, 16 → 16 channels, stride 1, padding 0.
  // Auto shard → height on 64 cores: NHW 327,680 = 10,240 tiles, per_core_M 160, per_core_N 1; row-major input → C
  // aligned to 8: 16; act_block_w = round_up(16·3, 32) = 64 → 2 tiles; act_block_h 1 tile (override 32) → 160 act
  // blocks → WEIGHTS 1·2·kH 3 = 6 f32 tiles (24,576 B); ACT 1·2 input f32 tiles (8,192 B); ACT_TILIZED 1·2 output f32
  // tiles (8,192 B); L1_ARRAY 64 B: 41,024 B. Weight height 3·2 = 6 tiles in blocks of 2 → in0 blocks 3 > 2, so with
  // packer_l1_acc the partials are Float16_b (fp32 accumulation off), not the f32 output: MATMUL_PARTIALS 160 bf16
  // tiles = 327,680 B of their own. CBs 368,704 B; 465,952 − 368,704 = 97,248 B, the base tt-metal #22891 (2025-06-02)
  // implies too (the dated table's 2025-06 entry).
  // The L1 buffer: 1,499,136 − 32,768 (l1_small) − 655,360 (conv output shard, 160 f32 tiles) − 459,648 (halo output)
  // = 351,360, the thread's address, with the 32 KiB l1_small_size tt-forge-fe's device had (an assumption).
  const run = { file: 'conv2d_tt-mlir-3643.mlir', date: '2025-06-01', l1SmallSize: 32_768 };
  it('the CBs clash with the halo output: 368,704 B of CBs, the region ending at 465,952, the buffer at 351,360', () => {
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op', 'the first error of the run');
    assert.equal(op.cbBytesPerCore, 368_704);
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(regionEnd(op), 465_952);
    assert.equal(op.overflow.limitBytes, 351_360);
  });
});

describe('conv1d: tt-metal #46025 (2026-06-03, Blackhole), depthwise, K = 12, f32, after tt-metal PR #44490', () => {
  // Since PR #44490 (2026-05-19) a bias-free 1-D depthwise conv of any kernel width takes the depthwise path: one block
  // per kernel tap (act_block_w = C), or one coalesced block of C·kW when the window's C·4 B·kW fits a Blackhole NoC burst
  // (256 words · 64 B = 16,384 B); taps accumulate in DST and pack to the output (no partials, no temp-sum CB).
  // Auto shard → height (1-D depthwise). Grid 10x11 (110 cores).
  const run = { file: 'conv1d_tt-metal-46025.mlir', date: '2026-06-03', arch: 'blackhole_p150' };
  it('T_pad 6441, C 192, stride 1: "Circular buffers exceed L1 size (1880640 B > 1572864 B)", exactly', () => {
    // T_out 6430 → 201 tiles; the largest core count ≤ 110 padding 201 by less than a share is 101 (202 tiles): 2 tiles
    // per core. C 192 (alignment 32) · 4 B · 12 = 9,216 B ≤ 16,384 → coalesced: act_block_w = 192·12/32 = 72 tiles,
    // act_block_h 2. ACT 2·72 = 144 f32 tiles, ACT_TILIZED 144, WEIGHTS per_core_N 6 · act_block_h 2 · kW 12 = 144 (f32
    // weights); L1 scratch 64 B: 432 · 4,096 + 64 = 1,769,536 B. + 111,104 B (the 2026-04 Blackhole base of
    // ttnn/l1BaseHistory.ts) = 1,880,640 B, tt-metal's figure.
    const op = assertFails(run, 'failed_6441_192_s1');
    assert.equal(op.cbBytesPerCore, 1_769_536);
    assert.equal(regionEnd(op), 1_880_640);
  });
  it('the four rows the thread says PASSED fit (their windows exceed a burst: one tap per block)', () => {
    // C 768: 768·4·12 = 36,864 B > 16,384 → per tap: act_block_w 24 tiles; T_out 1630 → 51 tiles on 51 cores, 800 → 25
    // on 25: ACT 24 + ACT_TILIZED 24 + WEIGHTS 24·1 = 72 f32 tiles = 294,912 + 64 B. C 384: 18,432 B > 16,384 → per tap,
    // 12 + 12 + 12 tiles. (Before PR #44490 a 12-wide kernel ran the general conv on block-diagonal weights:
    // act_block_w = 768·12/32 = 288 tiles, WEIGHTS 24·288, beyond L1 for T_pad 1641.)
    for (const fn of ['passed_1641_768_s1', 'passed_1611_768_s2', 'passed_3241_384_s1', 'passed_3211_384_s2'])
      assertFits(run, fn);
    assert.equal(deviceOp(run, 'passed_1641_768_s1').op.cbBytesPerCore, 294_976);
  });
  it('on Wormhole the failing row reads one tap at a time (9,216 B > an 8,192 B burst): 294,976 B', () => {
    // Hand arithmetic, no thread figure: 201 tiles on 8x8 → 51 cores (204 tiles), 4 per core; per tap act_block_w = 6:
    // ACT 4·6 = 24, ACT_TILIZED 24, WEIGHTS 6·4 = 24 f32 tiles → 72 · 4,096 + 64 = 294,976 B.
    const { op } = deviceOp({ ...run, arch: 'wormhole_b0' }, 'failed_6441_192_s1');
    assert.equal(op.cbBytesPerCore, 294_976);
  });
  it('before PR #44490 (kernel width 1 only) the same 12-tap convs run the general conv: the C 768 row overflows', () => {
    assertFails({ ...run, date: '2026-05-01' }, 'passed_1641_768_s1', { first: false });
  });
});

describe('conv1d: tt-metal #49793 / PR #49694 (2026-07-12, Blackhole), Qwen3.5 GDN depthwise conv1d, C 8192', () => {
  it('"required: 1,684,352 bytes, available: 1,572,864": 1,572,928 B of CBs, the region end within 4 KiB', () => {
    // Output length 4 → one tile → one core; C 8192 bf16 · 2 B · K 4 = 65,536 B > a 16,384 B burst → one tap per block:
    // act_block_w = 8192/32 = 256 tiles, act_block_h 1. ACT 256 + ACT_TILIZED 256 + WEIGHTS 256·1 bf16 tiles = 768 ·
    // 2,048 + 64 = 1,572,928 B; + 111,360 B (the dated Blackhole base since tt-metal PR #46526, 2026-06-12) = 1,684,288 B,
    // 64 B under the PR's figure (the PR does not print its build; dtypes are assumed bf16).
    const op = assertFails({ file: 'conv1d_tt-metal-49793.mlir', date: '2026-07-12', arch: 'blackhole_p150' });
    assert.equal(op.cbBytesPerCore, 1_572_928);
    assertNear(regionEnd(op), 1_684_352);
  });
});

describe('conv1d: tt-forge-models #917 / #912 (2026-09-01/02), the GDN depthwise conv1d C 8192 still height sharded', () => {
  // tt-metal PR #49694 (block-sharded 1-D depthwise) and PR #53444 (1-D depthwise in the auto-shard comparison) were
  // open in the thread corpus, and these two bring-ups of 2026-09 hit the height-only plan, so no change point moves
  // it. Output length 21 is one tile: one core, one width slice. C 8192 bf16 · 2 B · K 4 = 65,536 B > a burst → one
  // tap per block: act_block_w = per_core_N = 256 tiles, act_block_h 1. ACT 256 + ACT_TILIZED 256 + WEIGHTS 256 bf16
  // tiles = 768 · 2,048 + 64 = 1,572,928 B, beyond the thread's "Available L1: 1395840 bytes" on either arch: the
  // slicer finds no count and throws before any program (op_slicing.cpp, index id 56161219110).
  const file = 'conv1d_tt-forge-models-917.mlir';
  function rejection(arch: string): string {
    const { op, first } = deviceOp({ file, date: '2026-08-25', arch });
    assert.equal(first, 'this op', 'the first error of the run');
    assert.ok(op.estimate.kind === 'illegal', op.estimate.kind);
    return op.estimate.kind === 'illegal' ? op.estimate.rule : '';
  }
  for (const arch of ['wormhole_b0', 'blackhole_p150']) {
    it(`${arch}, a build of 2026-08-25: the one-slice plan's 1,572,928 B of CBs exceed the free L1, the slicer throws`, () => {
      assert.match(rejection(arch), /their CBs alone 1572928 B/);
    });
  }
  it('the slicer\'s TT_FATAL: "Tried up to 1 slices for width-slicing on output dimension 21"', () => {
    // The input is 18 wide (< 200), so a tiled output's best guess is the height, whose one slice (output height 1) is
    // the whole conv; it does not fit, so the retry along the width, where a tiled output's slices are whole 32-column
    // groups: at most ceil(21 / 32) = 1 slice, the thread's "Tried up to 1"; then the TT_FATAL.
    const rule = rejection('blackhole_p150');
    assert.match(
      rule,
      /"DRAM Auto slice could not find valid slice configuration\. Tried up to 1 slices for width-slicing on output dimension 21\./,
    );
    // "Available L1: 1395840 bytes": 1,572,864 − 65,536 (tt-mlir's L1_SMALL) − the Blackhole base, 111,488 B; the
    // dated base of the build is 128 B higher (the version axis), so the figure is held within those 128 B.
    const available = Number(/Available L1: (\d+) bytes/.exec(rule)?.[1]);
    assert.ok(Math.abs(available - 1_395_840) <= 128, `${available} B vs the thread's 1,395,840 B`);
  });
});

describe('conv1d: tt-metal #53303 (2026-08-16, Blackhole, pjrt-plugin-tt 1.4.0 of 2026-07-23), the GDN conv1d at C 10240', () => {
  // Depthwise conv1d C 10240, K 4, sequence 12, padding 3 → output length 15 (the fixture's header). Height sharded on
  // one core (1-D depthwise); C 10240 bf16 · 2 B · K 4 = 81,920 B > a Blackhole burst (16,384 B) → one tap per block:
  // act_block_w = per_core_N = 320 tiles: ACT 320 + ACT_TILIZED 320 + WEIGHTS 320 bf16 tiles = 960 · 2,048 + 64 =
  // 1,966,144 B of CBs for the only slice (output 15 wide: ceil(15 / 32) = 1 width slice; the height has one).
  const run = { file: 'conv1d_tt-metal-53303.mlir', date: '2026-07-23', arch: 'blackhole_p150' };
  it('the slicer throws at the conv1d: "Tried up to 1 slices for width-slicing on output dimension 15"', () => {
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op', 'the first error of the run');
    assert.ok(op.estimate.kind === 'illegal', op.estimate.kind);
    const rule = op.estimate.kind === 'illegal' ? op.estimate.rule : '';
    assert.match(rule, /Tried up to 1 slices for width-slicing on output dimension 15\. Available L1: \d+ bytes/);
    assert.match(rule, /their CBs alone 1966144 B/);
    // The thread's "Available L1: 1395456": 1,572,864 − 65,536 − a base 512 B above the dated one; within those 512 B.
    const available = Number(/Available L1: (\d+) bytes/.exec(rule)?.[1]);
    assert.ok(Math.abs(available - 1_395_456) <= 512, `${available} B vs the thread's 1,395,456 B`);
  });
  it('before tt-metal PR #47927 (≈2026-06-25) conv1d forced L1_FULL: no slicer, the one-core CBs beyond L1', () => {
    // Change point conv1d-dram-input-auto-slice: until conv1d forwards no slice config, a DRAM input is not sliced, so
    // the slicer's TT_FATAL is not reached and the 1,966,144 B of CBs derived above fail as CBs.
    const op = assertFails({ ...run, date: '2026-06-24' });
    assert.equal(op.cbBytesPerCore, 1_966_144);
    assert.equal(op.overflow?.kind, 'cbBeyondL1');
  });
});

describe('conv1d: tt-metal #54564 / PR #54728 (2026-08-27/28, Blackhole), the GDN conv1d C 8192 over a 20-token prompt', () => {
  // As tt-forge-models #917 above with output length 23: ceil(23 / 32) = 1 width slice, the same 1,572,928 B of CBs.
  // "Available L1: 1428608 bytes" = 1,572,864 − 32,768 (L1_SMALL of the thread's device, an assumption the figure
  // supports) − the Blackhole base; held within 128 B (the dated base differs by that).
  const run = { file: 'conv1d_tt-metal-54564.mlir', date: '2026-08-27', arch: 'blackhole_p150', l1SmallSize: 32_768 };
  it('the slicer throws at the conv1d: "Tried up to 1 slices for width-slicing on output dimension 23"', () => {
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op', 'the first error of the run');
    assert.ok(op.estimate.kind === 'illegal', op.estimate.kind);
    const rule = op.estimate.kind === 'illegal' ? op.estimate.rule : '';
    assert.match(rule, /Tried up to 1 slices for width-slicing on output dimension 23\. Available L1: \d+ bytes/);
    assert.match(rule, /their CBs alone 1572928 B/);
    const available = Number(/Available L1: (\d+) bytes/.exec(rule)?.[1]);
    assert.ok(Math.abs(available - 1_428_608) <= 128, `${available} B vs the thread's 1,428,608 B`);
  });
});

describe('conv2d: tt-forge-fe models-ops xfail reasons (2025-02..06), f32 convs auto-sharded by tt-metal', () => {
  // tt-forge-fe forge/test/models_ops/test_conv2d.py@a823ba606: tt-metal's own error text in the xfail reasons, each run at
  // the date its reason first appears in that file's history (the fixture's header). "Not enough space to allocate T B L1
  // buffer across B banks, where each bank needs to store N B": the op's tensor that fails must be N B per core (T = N·B).
  const file = 'conv2d_tt-forge-fe-models-ops-2025-06.mlir';
  const allocations: readonly (readonly [string, string, string, number, number])[] = [
    // [function, first seen, tensor, bytes per bank, banks]
    // Block sharded with C aligned to 32 (change point conv2d-block-rm-channel-alignment): 264 → 288 = 9 channel
    // blocks, 5 channel cores (10 padded) × 8 NHW rows = 40 banks (height would be 64).
    ['conv2d33', '2025-04-04', 'halo output', 1_148_928, 40],
    // Height picked by CBs + output + the input-size proxy (conv2d-auto-shard-halo-estimate): 10 output tiles on 10
    // cores; core 1's 32 outputs (output rows 1..3 of 20) reach from input stick 8·160 + 96 to 31·160 + 31: 3,616 sticks
    // · 64 ch · 4 B.
    ['conv2d294', '2025-03-26', 'halo output', 925_696, 10],
    ['conv2d1307', '2025-03-26', 'resharded conv input', 1_769_472, 48],
    ['conv2d35', '2025-04-04', 'halo output', 1_042_432, 64],
    ['conv2d36', '2025-04-04', 'resharded conv input', 1_728_512, 64],
    ['conv2d37', '2025-04-04', 'resharded conv input', 3_424_256, 64],
    ['conv2d38', '2025-05-14', 'resharded conv input', 1_712_128, 64],
    ['conv2d49', '2025-05-14', 'halo output', 838_784, 40],
    ['conv2d7', '2025-03-26', 'halo output', 1_561_600, 64],
    ['conv2d678', '2025-03-26', 'halo output', 1_561_600, 64],
    ['conv2d854', '2025-05-14', 'halo output', 1_143_808, 2],
    ['conv2d855', '2025-05-14', 'halo output', 1_143_808, 2],
    ['conv2d856', '2025-05-14', 'halo output', 1_143_808, 2],
    ['conv2d938', '2025-02-27', 'halo output', 888_576, 64],
    ['conv2d1316', '2025-03-26', 'halo output', 1_216_640, 33],
    ['conv2d1413', '2025-02-27', 'halo output', 986_112, 64],
    ['conv2d1414', '2025-02-27', 'halo output', 903_808, 64],
    ['conv2d310', '2025-02-27', 'halo output', 903_808, 64],
  ];
  for (const [fn, date, role, bytes, banks] of allocations) {
    it(`${fn} (${date}): "across ${banks} banks, where each bank needs to store ${bytes} B", the ${role}`, () => {
      const { op } = deviceOp({ file, date, l1SmallSize: 32_768 }, fn);
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted', `${fn}: ${op.overflow?.kind ?? 'fits'}`);
      assert.deepEqual([op.overflow.failedAllocation?.role, op.overflow.failedAllocation?.bytesPerCore], [role, bytes]);
    });
  }
  // Clashes, both figures exact: the region end (CBs + the 2025-06 base 97,248 B) and the lowest L1 buffer (the halo
  // output below the conv output shard, 32 KiB of L1_SMALL at the top). Both run at 2025-06-01 (tt-mlir's runtime
  // compute config of PRs #3579..#3610, as Conv2D940 of tt-mlir #3643 above).
  const clashes: readonly (readonly [string, number, number])[] = [
    // Conv2D1440 (yolov5x stem, 3 → 80, 6x6 s2 p2 on 640x640): 320x320 = 102,400 rows = 3,200 tiles, height on 64 cores,
    // 50 tiles each; C 3 → 8 (row-major input); act_block_w = round_up(8·6, 32) = 64 → 2 tiles, act_block_h 1 (auto-shard
    // override 32) → 50 act blocks → WEIGHTS per_core_N 3 · 2 · kH 6 = 36 f32 tiles; ACT 2, ACT_TILIZED 2 f32 tiles;
    // weight height 6·2 = 12 tiles in blocks of 2 → 6 in0 blocks > 2, so with packer_l1_acc the partials are bf16:
    // 50·3 = 150 bf16 tiles. 40 · 4,096 + 150 · 2,048 + 64 = 471,104 B; + 97,248 = 568,352. The buffer: 1,499,136 −
    // 32,768 − 614,400 (output shard, 150 f32 tiles) − 288,512 (halo output) = 563,456.
    // Conv2D95 (3 → 32, 3x3 s1 p1 on 640x640): 200 tiles per core, act_block_w round_up(8·3, 32) → 1 tile; WEIGHTS 1·1·3,
    // ACT 1, ACT_TILIZED 1 f32; in0 blocks 3 > 2 → 200 bf16 partials: 5 · 4,096 + 200 · 2,048 + 64 = 430,144 B.
    ['conv2d1440', 563_456, 568_352],
    ['conv2d95', 400_640, 527_392],
  ];
  it('conv2d452 and conv2d1311 (2025-05-02): clashes at 188,416 / 728,096 and 497,152 / 760,864', () => {
    // Conv2D452 (2 x 16 x 128 x 128 → 2432, 2x2 s2): height on 64 cores (the proxy ranks block, 16 cores, higher), 4 x 76
    // tiles per core: WEIGHTS 76 · 1 · kH 2 = 152 f32 tiles (4 act blocks), ACT 1, ACT_TILIZED 1, 64 B: 630,848 B.
    // Conv2D1311 (528 → 528, groups 2, 3x3 s1 p1 on 96x96): 663,616 B. Both + 97,248 (the base they first show).
    const expected: readonly (readonly [string, number, number])[] = [
      ['conv2d452', 188_416, 728_096],
      ['conv2d1311', 497_152, 760_864],
    ];
    for (const [fn, buffer, end] of expected) {
      const { op } = deviceOp({ file, date: '2025-05-02', l1SmallSize: 32_768 }, fn);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', fn);
      assert.deepEqual([regionEnd(op), op.overflow.limitBytes], [end, buffer], fn);
    }
  });
  it('conv2d1441 and conv2d765 (2025-05-20): "L1 buffer allocated at 416448 and static circular buffer region ends at 654368"', () => {
    // 80 → 160, 3x3 s2 p1 on 320x320 → 160x160 = 25,600 rows = 800 tiles. Auto shard of the time ranked by CBs + output +
    // PR #17945's input proxy (change point conv2d-auto-shard-halo-estimate), which picks height (62 cores, 13 tiles;
    // 806 padded). Row-major input → C 80 → 80 (alignment 8): act_block_w = round_up(80·3, 32) = 256 → 8 tiles,
    // act_block_h 1 (override 32) → 13 act blocks → WEIGHTS per_core_N 5 · 8 · kH 3 = 120 f32 tiles; ACT 8, ACT_TILIZED 8;
    // partials share the f32 output: 136 · 4,096 + 64 = 557,120 B; + 97,248 (the base this figure first shows) = 654,368.
    // The buffer: 1,499,136 − 32,768 − 266,240 (output shard, 65 f32 tiles) − 783,680 (halo output) = 416,448.
    for (const fn of ['conv2d1441', 'conv2d765']) {
      const { op } = deviceOp({ file, date: '2025-05-20', l1SmallSize: 32_768 }, fn);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', fn);
      assert.deepEqual([op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes], [557_120, 654_368, 416_448], fn);
    }
  });
  it('conv2d34 (2025-05-14): "grow to 1530912 B which is beyond max L1 size"', () => {
    // (100, 264, 14, 20) → 128, 3x3 s1 p1: 28,000 output rows = 875 tiles. Auto shard ranks by CBs + output + the input
    // proxy. Height: 63 cores (875 → 882 padded, < one share of 14), 14 tiles each; C 264 (row-major, alignment 8);
    // act_block_w = round_up(264·3, 32) → 25 tiles; 14 act blocks → WEIGHTS 4 · 25 · kH 3 = 300, ACT 25, ACT_TILIZED 25 f32
    // tiles: 1,433,664 B, + the 97,248 B base = 1,530,912 B, the thread's figure. Block, with the output on the input's
    // grid before PR #27767, may use only channel-core counts that pad both C_in (288 / 32 = 9 blocks) and C_out (4
    // tiles) by less than a share: 2, so 8 x 2 cores with 144 channels each, far costlier than height (the 40-core block
    // of Conv2D33 needs 5, which would leave C_out's 4 tiles padded to 5).
    const { op } = deviceOp({ file, date: '2025-05-14', l1SmallSize: 32_768 }, 'conv2d34');
    assert.equal(op.overflow?.kind, 'cbBeyondL1');
    assert.deepEqual([op.cbBytesPerCore, regionEnd(op)], [1_433_664, 1_530_912]);
  });
  for (const [fn, buffer, end] of clashes) {
    it(`${fn} (2025-06-02): "L1 buffer allocated at ${buffer} and static circular buffer region ends at ${end}"`, () => {
      const { op } = deviceOp({ file, date: '2025-06-01', l1SmallSize: 32_768 }, fn);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
      assert.deepEqual([regionEnd(op), op.overflow.limitBytes], [end, buffer]);
    });
  }
});

describe('conv2d: tt-metal #19762 (2025-04-14), tt-torch RMBG convs on tt-metal main through its conv2d sweep', () => {
  // kmabeeTT's comment of 2025-04-14 lists the tt-torch conv2d signatures still failing on the sweep (f32 row-major DRAM
  // input, host f32 weights, tiled output, no compute config, l1_small_size 32768: the fixture's header). Auto shard of
  // that date (act_block_h override 32, ranking by CBs + output + the input-size proxy); f32 tiles of 4,096 B; the
  // partials share the f32 output; the buffers from the top: 1,499,136 − 32,768 L1_SMALL − the output shard − the halo
  // output. Region ends are the CBs + 97,248 B, the base these figures give (l1BaseHistory.ts).
  const run = { file: 'conv2d_tt-metal-19762.mlir', date: '2025-04-14', l1SmallSize: 32_768 };
  const clashes: readonly (readonly [string, string, number, number, number])[] = [
    // [function, why, CBs, buffer, region end]
    // Testcase 16 (3 → 192, 4x4 s4 on 1024x1024): 256x256 = 2,048 output tiles, height on 64 cores (the thread's 8x8),
    // 32 tiles = 1,024 rows each. C 3 → 8 (row-major, height); act_block_w round_up(8·4, 32) → 1 tile; 32 act blocks →
    // WEIGHTS 6 · 1 · kH 4 = 24, ACT 1, ACT_TILIZED 1: 26 tiles + 64 B. Output shard 1,024 · 192 · 4 = 786,432; halo: 4
    // output image rows = 16 input rows of 1,024 sticks · 8 ch · 4 B = 524,288.
    ['tc16', 'height 64', 106_560, 155_648, 203_808],
    // Testcase 27 (64 → 192, 3x3 s1 p1 on 256x256): height on 64, 1,024 rows each; act_block_w round_up(64·3, 32) → 6
    // tiles; WEIGHTS 6 · 6 · kH 3 = 108, ACT 6, ACT_TILIZED 6: 120 tiles + 64 B. Output shard 786,432; halo: 4 image rows
    // + 2 of 258 padded sticks = 1,548 · 64 ch · 4 B = 396,288.
    ['tc27', 'height 64', 491_584, 283_648, 588_832],
    // Testcase 26 (64 → 98, 7x7 s1 p3 on 128x128): block sharded on the thread's (0,0)-(7,1): 8 NHW cores (column-major,
    // 512 / 8 = 64 output tiles each) × 2 channel cores (C 64 aligned to 32 for block sharding then). The output keeps
    // the input's grid (before PR #27767): C_out 98 → 4 tiles on 2 cores, per_core_N 2. act_block_w the whole inner dim
    // of the time, 32 · 7 · 7 = 1,568 → 49 tiles: WEIGHTS 2 · 49 = 98, ACT 49, ACT_TILIZED 49, ACT_ROW_MAJOR 49 (not yet
    // overlapped, PR #23580): 245 tiles + 64 B = 1,003,584. Output shard 2,048 rows · 64 ch · 4 B = 524,288; halo: 16
    // image rows + 6 of 134 padded sticks = 2,948 · 32 ch · 4 B = 377,344. Re-splitting C_out over 4 cores (as after PR
    // #27767) would give per_core_N 1, 32 cores and 802,880 B of CBs instead.
    ['tc26', 'block 8x2', 1_003_584, 564_736, 1_100_832],
  ];
  for (const [fn, how, cbs, buffer, end] of clashes) {
    it(`${fn} (${how}): "L1 buffer allocated at ${buffer} and static circular buffer region ends at ${end}"`, () => {
      const { op, first } = deviceOp(run, fn);
      assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers', `${fn}: ${op.overflow?.kind ?? 'fits'}`);
      assert.deepEqual([op.cbBytesPerCore, op.overflow.limitBytes, regionEnd(op)], [cbs, buffer, end]);
      // Testcase 16 is the fixture's first function: its clash is the run's first failure.
      if (fn === 'tc16') assert.equal(first, 'this op');
    });
  }
  it('tc17 (3 → 64, 3x3 p1 on 1024x1024): "268435456 B L1 buffer across 64 banks, where each bank needs to store 4194304 B"', () => {
    // Height on 64 cores: 1,048,576 output rows / 64 = 16,384 rows · 64 channels · 4 B = 4,194,304 B, the conv's output
    // shard, which no longer fits beside the halo output (18 input rows of 1,026 padded sticks · 8 ch · 4 B = 590,976 B).
    const { op } = deviceOp(run, 'tc17');
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    const a = op.overflow.failedAllocation;
    assert.deepEqual([a?.role, a?.bytesPerCore], ['conv output shard', 4_194_304]);
  });
});

describe('conv2d: tt-forge-fe models-ops xfail reasons with a row-major input (2025-05..07)', () => {
  // conv2d_tt-forge-fe-models-ops-row-major-input.mlir's header quotes the files. tt-mlir PR #2779 (5df9e6cb, 2025-04-02)
  // made every conv2d input row-major, so from tt-forge-fe bc7d00334 on the reasons are row-major convs. The bank the
  // allocator fills is 1,499,136 − 32,768 (L1_SMALL of the time) = 1,466,368 B down to the 97,248 B base: 1,369,120 B.
  const file = 'conv2d_tt-forge-fe-models-ops-row-major-input.mlir';
  it('Conv2D1300 (bc7d00334, tt-metal 5a4f243 of 2025-04-25): 638,592 / 724,000 with C 80 padded to 96', () => {
    // 80 → 160, 3x3 s2 p1 on 240x240 → 14,400 rows = 450 tiles; height on 57 cores (456 padded), 8 tiles each. Before
    // tt-metal PR #21612 (change point conv2d-input-channels-alignment-deduced) auto shard relaxed the alignment to 8 only
    // for fewer than 32 channels: C 80 → 96. act_block_w = round_up(96·3, 32) → 9 tiles, 8 act blocks → WEIGHTS
    // 5 · 9 · kH 3 = 135, ACT 9, ACT_TILIZED 9 f32 tiles: 153 · 4,096 + 64 = 626,752 B, + 97,248 = 724,000. The buffer:
    // 1,466,368 − 163,840 (output shard, 8·5 f32 tiles) − 663,936 (halo output: 1,729 sticks · 96 ch · 4 B) = 638,592.
    const { op } = deviceOp({ file, date: '2025-05-02', l1SmallSize: 32_768 }, 'conv2d1300');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual([op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes], [626_752, 724_000, 638_592]);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    // From PR #21612 the same conv aligns C to 8 (80): WEIGHTS 5 · 8 · 3 = 120 tiles, 557,120 B of CBs, as Conv2D1441 /
    // 765 print at 2025-05-20 on 320x320 (above).
    assert.equal(deviceOp({ file, date: '2025-05-20', l1SmallSize: 32_768 }, 'conv2d1300').op.cbBytesPerCore, 557_120);
  });
  it('Conv2D56 (e31f3b7b5, tt-metal eefaadf): "L1 buffer allocated at 411648 and ... region ends at 785440"', () => {
    // VGG19-UNet 256 → 128, 3x3 s1 p1 on 256x256, bf16: 65,536 rows = 2,048 tiles, height on 64 cores, 32 tiles = 1,024
    // rows (4 image rows) each. C 256. act_block_w = round_up(256·3, 32) → 24 tiles, 32 act blocks → WEIGHTS 4 · 24 · 3 =
    // 288, ACT 24, ACT_TILIZED 24 bf16 tiles (partials share the bf16 output): 336 · 2,048 + 64 = 688,192 B, + 97,248 =
    // 785,440. The buffer: the halo output spans 3 · 258 + 255 + 2 · 258 + 3 = 1,548 padded sticks · 256 ch · 2 B =
    // 792,576 B below the 262,144 B output shard (32 · 4 tiles): 1,466,368 − 262,144 − 792,576 = 411,648.
    const { op } = deviceOp({ file, date: '2025-06-13', l1SmallSize: 32_768 }, 'conv2d56');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual([op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes], [688_192, 785_440, 411_648]);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
  });
  it('Conv2D777 (7cd6058b0, tt-metal 8141206 of 2025-07-18, the same conv): the clash at 411,648 and 788,096 B, both exact', () => {
    // The reason prints "411648 ... region ends at 788096": the same CBs (688,192 B) and buffers on a base of 788,096 −
    // 688,192 = 99,904 B, tt-metal main's from PR #24322 (2025-07-06) to PR #24673 (2025-07-18 16:36 UTC): Wormhole
    // dev_mem_map.h's MEM_MAP_END 29,232 B + 69 KiB, 32 B aligned (ttnn/l1BaseHistory.ts).
    const { op } = deviceOp({ file, date: '2025-07-18', l1SmallSize: 32_768 }, 'conv2d56');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual([op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes], [688_192, 788_096, 411_648]);
  });
  // [function, tensor, bytes per bank, banks]; all at tt-metal eefaadf (e31f3b7b5's; the same at 06-08 and 06-19).
  const allocations: readonly (readonly [string, string, number, number])[] = [
    // 128 → 64 on 512x512: 8,192 tiles / 64 = 128 tiles = 4,096 rows (8 image rows); reshard 4,096 · 128 · 2 = 1,048,576;
    // the halo spans 7 · 514 + 511 + 2 · 514 + 3 = 5,140 sticks · 256 B = 1,315,840, over the 1,369,120 B bank.
    ['conv2d58_512x512', 'halo output', 1_315_840, 64],
    // 64 channels on 480x640 (as tt-mlir #5771's UNet conv above): 614,400 B reshard, then 6,100 sticks · 128 B.
    ['conv2d59', 'halo output', 780_800, 64],
    ['conv2d1084', 'halo output', 780_800, 64],
    // Batch 100: the reshard alone exceeds the bank. 1,340,000 rows = 41,875 tiles → 655 per core = 20,960 rows · 64 ch
    // · 2 B; 5,340,000 rows = 166,875 tiles → 2,608 per core = 83,456 rows · 32 (16) ch · 2 B.
    ['conv2d1082', 'resharded conv input', 2_682_880, 64],
    ['conv2d1356', 'resharded conv input', 5_341_184, 64],
    ['conv2d1357', 'resharded conv input', 2_670_592, 64],
    // Batch 100 halos (the span rule across image boundaries, halo.ts): 335,000 rows → 164 tiles = 5,248 rows · 128 ch
    // · 2 B = 1,343,488 B reshard, then the halo; 85,000 rows → 42 tiles = 1,344 rows · 264 · 2 = 709,632 B, then the
    // halo. Block: C 264 → 288 (block aligns to 32 before PR #26201) = 9 blocks on 5 channel cores × 8 NHW rows (as
    // Conv2D33); the grouped 528-channel conv 8 x 6 as Conv2D1307 (f32 there).
    ['conv2d58_batch100', 'halo output', 1_490_432, 64],
    ['conv2d2079', 'halo output', 866_976, 64],
    ['conv2d2078', 'halo output', 1_573_376, 40],
    ['conv2d2149', 'halo output', 931_008, 48],
  ];
  for (const [fn, role, bytes, banks] of allocations) {
    it(`${fn} (e31f3b7b5): "across ${banks} banks, where each bank needs to store ${bytes} B", the ${role}`, () => {
      const { op } = deviceOp({ file, date: '2025-06-13', l1SmallSize: 32_768 }, fn);
      assert.ok(op.estimate.kind === 'estimate');
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted', `${fn}: ${op.overflow?.kind ?? 'fits'}`);
      assert.deepEqual(
        [op.overflow.failedAllocation?.role, op.overflow.failedAllocation?.bytesPerCore, op.estimate.nCoresUsed],
        [role, bytes, banks],
      );
    });
  }
});

describe('conv2d: tt-xla #522 (2025-04-20, JAX ViT-L/32 at 384), the patch embedding on five cores', () => {
  // "clash with L1 buffers on core range [(x=0,y=0) - (x=4,y=0)]. L1 buffer allocated at 622592 and static circular
  // buffer region ends at 654368". Build: tt-mlir's tt-metal pin of the day, fc4e9353 (2025-04-17). Conv of
  // 1x384x384x3 (bf16, row-major, C padded to 8) by 1024x3x32x32, stride 32 → 144 patch rows = 5 tiles: height on 5
  // cores, one 32-row out block each, per_core_N 1024 / 32 = 32 tiles; act_block_w = 8 · kW 32 = 256 = 8 tiles,
  // act_block_h 1 tile. CBs: WEIGHTS 8 · 32 = 256 bf16 tiles (524,288 B), ACT 8 tiles (16,384 B), ACT_TILIZED 8 tiles
  // (16,384 B), L1 scratch 64 B: 557,120 B; + 97,248 B (the 2025-04 Wormhole base of ttnn/l1BaseHistory.ts) = 654,368.
  // L1 buffers from the top, 1,499,136 − 32,768 (tt-mlir's l1_small of the time) = 1,466,368: the halo output, the
  // widest core's window (core 1: patches 32..63, image row 64 column 256 to row 191 column 127: 48,640 sticks) · 8 · 2 B
  // = 778,240 B, moved up over the freed resharded input (reallocate_halo_output, on by default then); the conv output
  // shard below it, 32 tiles = 65,536 B: 1,466,368 − 778,240 − 65,536 = 622,592, the thread's address.
  const run = { file: 'conv2d_tt-xla-522.mlir', date: '2025-04-17' };
  it('the CBs clash with the conv output shard: the region ending at 654,368, the buffer at 622,592, on (0,0)-(4,0)', () => {
    const op = assertClash(run);
    assert.equal(op.cbBytesPerCore, 557_120);
    assert.equal(regionEnd(op), 654_368);
    assert.equal(clashPartner(op), 622_592);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=4,y=0)]');
  });
});

describe('conv2d: tt-xla #187 (2025-01-23, JAX Mixer-B/16), the f32 stem on seven cores before tt-metal PR #17711', () => {
  // "clash with L1 buffers on core range [(x=0,y=0) - (x=6,y=0)]. L1 buffer allocated at 475136 and static circular
  // buffer region ends at 951136" (tt-xla a590aa0d0's skip reason). Build: tt-xla's tt-mlir ad93092 → tt-metal 8833f73
  // (2025-01-20). Conv of the host row-major f32 image (1, 224, 224, 3) by 768x3x16x16, stride 16 → 196 patch rows = 7
  // tiles: auto shard of the time (most cores) → height on 7 cores, act_block_h_override → 32;
  // conv2d_utils.cpp@78f2c0b's shallow conv: 3 ≤ 16 channels, row-major, height, not a matmul conv → channels padded to
  // 16 (8 only from PR #17711).
  // CBs (conv2d_op_sharded_program_factory.cpp@8833f73, f32 tiles of 4,096 B): act_block_w = 16 ch · kW 16 = 256 = 8
  // tiles; one act block per core, so the weights are not fully buffered: WEIGHTS 8 · 24 (768 / 32) = 192 tiles
  // (786,432 B), ACT 8 tiles (32,768 B), ACT_TILIZED 8 tiles (32,768 B), L1 scratch 64 B: 852,032 B; + 99,104 B (the
  // 2025-01 Wormhole base of ttnn/l1BaseHistory.ts) = 951,136.
  // L1 buffers from the top, 1,499,136 − 32,768 (tt-mlir's l1_small) = 1,466,368: the host input goes to device
  // sharded, 7,168 rows · 16 ch · 4 B = 458,752 B, and is released when the halo output replaces it; the halo output,
  // the widest core's window (patches 96..127: image row 96 column 192 to row 159 column 31, 13,952 sticks) · 16 · 4 B
  // = 892,928 B, moves to the top (reallocate_halo_output, default true); the f32 conv output shard below it, 32 rows ·
  // 768 · 4 B = 98,304 B: 1,466,368 − 892,928 − 98,304 = 475,136, the thread's address.
  const run = { file: 'conv2d_tt-xla-187.mlir', date: '2025-01-20' };
  it('the CBs clash with the conv output shard: the region ending at 951,136, the buffer at 475,136, on (0,0)-(6,0)', () => {
    const op = assertClash(run);
    assert.equal(op.cbBytesPerCore, 852_032);
    assert.equal(regionEnd(op), 951_136);
    assert.equal(clashPartner(op), 475_136);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=6,y=0)]');
  });
  it('from tt-metal PR #17711 (2025-02-06) the shallow stem pads to 8 and fits', () => {
    // Auto shard is PR #17485's L1 estimate by then (2025-02-05); it still picks height on 7 cores, so the 2025-01 base
    // holds. 8 channels: act_block_w 8 · 16 = 128 = 4 tiles; WEIGHTS 4 · 24 = 96 f32 tiles (393,216 B), ACT and
    // ACT_TILIZED 4 tiles each (16,384 B), scratch 64: 426,048 B, region end 525,152; input 229,376 B, halo output
    // 446,464 B, output 98,304 B: the lowest buffer at 1,466,368 − 446,464 − 98,304 = 921,600, above the region.
    assertFits({ file: run.file, date: '2025-02-06' });
    // The 8-channel plan's CBs, not another scheme's: the fit is the alignment's.
    assert.equal(deviceOp({ file: run.file, date: '2025-02-06' }).op.cbBytesPerCore, 426_048);
  });
});

describe('conv2d: tt-metal #22732 (2025-05-29, OFT conv from an L1 interleaved input, run twice)', () => {
  // Branch vignesh/oft_conv_l1_issue (c2c4697 on main 321cff1 of 2025-05-20): 1x159x159, 256 → 256, 3x3, stride 1,
  // padding 1, bfloat8_b, HEIGHT_SHARDED with act_block_h_override 32, l1_small_size 32768 (the fixture's header).
  // Height cores: 25,281 outputs = 791 tiles; 64 cores pad to 832 (41 ≥ 13 per core), 63 to 819, 62 to 806 (15 ≥ 13),
  // 61 to 793 (2 < 13): 61 cores, 13 tiles = 416 outputs each. Per core, of tt-metal's own making:
  //   resharded input 13·8 bfp8 tiles = 113,152 B; conv output the same 113,152 B;
  //   halo output: the second core's 416 outputs run from row 2, column 98 to row 5, column 36 (3 rows and −62
  //   columns on), so its windows span 3·161 − 62 + (2·161 + 3) = 746 padded-input sticks (width 161; the largest
  //   span of any core) · 256 ch · 2 B (bf16 row major) = 381,952 B.
  // CBs: weights 3·24 · 8 = 576 bfp8 tiles (13 act blocks per core keep the whole 3x3 kernel) = 626,688; act 24 bf16
  // tiles = 49,152; act tilized 24 bfp8 = 26,112; bias 8 bfp8 = 8,704; partials in the output shard; scratch 64 B:
  // 710,720 B; + 97,248 (the dated 2025-05 base) = 807,968 B, the thread's region end.
  // The buffer: bank top 1,499,136 − 32,768 = 1,466,368; below it the L1 input (6,360 bfp8 tiles over 64 banks → 100
  // pages = 108,800 B), the first call's output (113,152), then the second call's halo output (the resharded input it
  // was made from is freed before the move) and output: 1,466,368 − 108,800 − 113,152 − 381,952 − 113,152 = 749,312.
  const run = { file: 'conv2d_tt-metal-22732.mlir', date: '2025-05-20', l1SmallSize: 32_768 };
  function second(fn: string) {
    const f = analyse(run).functions.find((x) => x.fn.name === `@${fn}`)!;
    return f.ops[1]!;
  }
  it('the second call clashes: CBs 710,720 B, the region ending at 807,968, the buffer at 749,312, all exact', () => {
    const op = second('run_twice');
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.cbBytesPerCore, 710_720);
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(regionEnd(op), 807_968);
    assert.equal(op.overflow.limitBytes, 749_312);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    assert.equal(op.overflow.status, 'first', 'the first error of the file');
    assert.deepEqual(
      op.estimate.l1Intermediates?.map((t) => [t.role, t.bytesPerCore]),
      [
        ['resharded conv input', 113_152],
        ['halo output', 381_952],
      ],
    );
  });
  it('the first call alone fits (its lowest buffer, the conv output, at 862,464 B)', () => {
    assertFits(run, 'run_once');
  });
  it("tt-mlir's flattened input (6,328 tiles, 99 pages a bank) would put the buffer one bfp8 tile higher: 750,400", () => {
    const op = second('flattened_input');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(op.overflow.limitBytes, 750_400);
  });
});

describe("conv2d: tt-forge-fe model tests' AlexNet features[0] (xfail reasons of 2025-03-07, tt-metal 9b3d855)", () => {
  // tt-forge-fe 754b717e0 → tt-mlir cc6f36d → tt-metal 9b3d855 (2025-02-27, after PR #17307: base 102,048 B). The conv
  // of the models-ops test above with its (64,) bias: CBs 1,089,600 B (WEIGHTS 242 + ACT 11 + ACT_TILIZED 11 f32 tiles,
  // bias 2 tiles, 64 B of scratch), so the region ends at 102,048 + 1,089,600 = 1,191,648 in both models. The buffer is
  // the halo output (moved up over the freed resharded input) and the f32 output shard (2 tiles x 2 channel tiles =
  // 16,384 B) under 1,499,136 − 32,768 (L1_SMALL) = 1,466,368.
  const run = { file: 'conv2d_tt-forge-fe-models-alexnet-rcnn.mlir', date: '2025-02-27' };
  it('test_alexnet (224x224): clash at 947,328 B, region end 1,191,648 B, on (0,0)-(7,5), all exact', () => {
    // 55x55 = 3,025 outputs = 95 tiles, 48 height cores of 2; halo output 502,656 B: 1,466,368 − 502,656 − 16,384.
    const { op } = deviceOp(run, 'alexnet_features_0');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual(
      [op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes, printedRange(op)],
      [1_089_600, 1_191_648, 947_328, '[(x=0,y=0) - (x=7,y=5)]'],
    );
  });
  it('test_rcnn_pytorch (227x227 crops): clash at 1,031,040 B, region end 1,191,648 B, on (0,0)-(7,6), all exact', () => {
    // (227 + 4 − 11) / 4 + 1 = 56: 3,136 outputs = 98 tiles, 49 height cores of 2, whose bounding box is (0,0)-(7,6);
    // the halo output is smaller, 418,944 B: 1,466,368 − 418,944 − 16,384 = 1,031,040. The same CBs.
    const { op } = deviceOp(run, 'rcnn_alexnet_features_0');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual(
      [op.cbBytesPerCore, regionEnd(op), op.overflow.limitBytes, printedRange(op)],
      [1_089_600, 1_191_648, 1_031_040, '[(x=0,y=0) - (x=7,y=6)]'],
    );
  });
});

describe("conv2d: tt-forge-fe's YOLOv5s 640x640 model test (xfail reason of 2025-03-07, tt-metal 9b3d855)", () => {
  it('"73859072 B L1 buffer across 64 banks, where each bank needs to store 1154048 B": the stem\'s halo output', () => {
    // Stem Conv(3, 32, 6, 2, 2) on 640x640 f32, tiled input (3 → 32 channels: 128 B sticks): 320x320 = 3,200 tiles,
    // height on 64 cores, 50 tiles = 1,600 outputs = 5 output rows each. The resharded input (6,400 sticks, 819,200 B)
    // is live when the halo output is allocated: 5 output rows read (5 − 1)·2 + 6 = 14 padded input rows of
    // 640 + 2·2 = 644 sticks = 9,016 · 128 B = 1,154,048 B; 64 · 1,154,048 = 73,859,072.
    const { op } = deviceOp({ file: 'conv2d_tt-forge-fe-models-yolov5s.mlir', date: '2025-02-27' });
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    assert.deepEqual(
      [
        op.overflow.failedAllocation?.role,
        op.overflow.failedAllocation?.bytesPerCore,
        op.estimate.kind === 'estimate' && op.estimate.nCoresUsed,
      ],
      ['halo output', 1_154_048, 64],
    );
  });
});

describe("conv2d: tt-forge-fe's SegFormer mit-b0 model test (xfail reason of 2025-03-07, tt-metal 9b3d855)", () => {
  it("the patch embedding's halo program clashes: buffer at 213,120 B, region end 626,464 B, on (0,0)-(7,7), exact", () => {
    // Conv2d(3, 32, 7, 4, 3) on 512x512 f32 (tiled input, 32 channels: 128 B sticks): 128x128 = 16,384 outputs = 512
    // tiles on 64 height cores. The halo program of the time (before PR #19770) untilizes the whole input shard, 262,144
    // pixels / 64 = 4,096 sticks = 128 f32 tiles = 524,288 B, + 128 B of config: 524,416 B + 102,048 (the base of
    // 9b3d855) = 626,464. Live beneath the top 1,466,368: the resharded input (524,288 B) and the halo output (each core's
    // 256 outputs, 2 output rows, read (2 − 1)·4 + 7 = 11 padded input rows of 518: 10 whole rows and the first
    // 127·4 + 7 = 515 sticks of the 11th, 5,695 sticks = 728,960 B): 1,466,368 − 524,288 − 728,960 = 213,120.
    const { op } = deviceOp({ file: 'conv2d_tt-forge-fe-models-segformer-b0.mlir', date: '2025-02-27' });
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.deepEqual(
      [op.overflow.failedProgram?.name, op.overflow.cbRegionEndBytes, op.overflow.limitBytes, printedRange(op)],
      ['halo (untilize_with_halo)', 626_464, 213_120, '[(x=0,y=0) - (x=7,y=7)]'],
    );
  });
});

describe("conv2d: tt-forge-fe's YOLOv8n model test (xfail reason of 2025-04-02, tt-metal 7598b7e)", () => {
  it('"57843712 B L1 buffer across 64 banks, where each bank needs to store 903808 B": the stem\'s halo output', () => {
    // Stem Conv(3, 16, 3, 2, 1) on 640x640 f32, tiled input (3 → 32 channels: 128 B sticks): 320x320 = 3,200 tiles on
    // 64 height cores, 50 tiles = 5 output rows each. With the resharded input (6,400 sticks, 819,200 B) live, the halo
    // output takes (5 − 1)·2 + 3 = 11 padded input rows of 642 sticks but the last one: 10·642 + 641 = 7,061 sticks ·
    // 128 B = 903,808 B; 64 · 903,808 = 57,843,712.
    const { op } = deviceOp({ file: 'conv2d_tt-forge-fe-models-yolov8n.mlir', date: '2025-04-01' });
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    assert.deepEqual(
      [
        op.overflow.failedAllocation?.role,
        op.overflow.failedAllocation?.bytesPerCore,
        op.estimate.kind === 'estimate' && op.estimate.nCoresUsed,
      ],
      ['halo output', 903_808, 64],
    );
  });
});

describe("conv2d: tt-xla's ViT-L/16-384 JAX test (xfail reason of 2025-10-08, tt-mlir 274a5d0, tt-metal aba1b93)", () => {
  // "Not enough space to allocate 4718592 B L1 buffer across 6 banks, where each bank needs to store 786432 B". The
  // patch conv 3 → 1024, k16 s16, 384x384 f32. tt-mlir's runtime of the pin (PR #5195 .. #5285) passed L1_FULL, so the
  // input is resharded whole, not DRAM-sliced. Auto shard: block, 576 outputs = 18 tiles over 6 NHW cores (the largest
  // divisor of 18 up to the grid's 8 rows). Input: 147,456 rows / 6 = 24,576 rows · 8 channels (3 aligned to the L1
  // path's 8) · 4 B = 786,432 B per bank; 6 · 786,432 = 4,718,592 B (the thread's figures). The thread's model had
  // other L1 tensors live, so there the reshard itself failed; alone, the halo output beside it (786,432 B more) fails.
  const file = 'conv2d_tt-xla-vit-l16-384.mlir';
  it('the whole input resharded: 786,432 B per bank on 6 NHW cores, no DRAM slicing', () => {
    const { op } = deviceOp({ file, date: '2025-10-02' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.ok(!op.estimate.factoryReason.includes('DRAM path'), op.estimate.factoryReason);
    assert.ok(op.estimate.factoryReason.includes('6 input cores (6 along NHW × 1 along C)'), op.estimate.factoryReason);
    const first = op.estimate.l1Intermediates?.[0];
    assert.deepEqual([first?.role, first?.bytesPerCore], ['resharded conv input', 786_432]);
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
  });
  it("from tt-mlir PR #5285 (2025-10-10) the runtime forwards the IR's (absent) slice config: tt-metal's DRAM path", () => {
    const { op } = deviceOp({ file, date: '2025-10-10' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.ok(op.estimate.factoryReason.includes('DRAM path'), op.estimate.factoryReason);
  });
});

describe('conv2d / conv_transpose2d: four tt-forge-remediation reports (tt-metal 3fa4d753, 2026-04-08, Blackhole p150)', () => {
  // op_slicing's TT_FATAL (change point conv2d-dram-auto-slice-retry) for four f32 DRAM convs of tt-xla model tests; the
  // fixture's header has the reports and the shapes. The free L1 is 1,572,864 − 111,104 (the 2026-04 Blackhole base) −
  // 65,536 (L1_SMALL) = 1,396,224 B, the reports' "Available L1". The slice counts are compute_max_num_slices': the
  // output height for height slices (16), ceil(OW / 32) for a tiled output's width slices (157 → 5, 16,000 → 500, 1 → 1).
  const run = {
    file: 'conv2d_tt-forge-remediation-dram-slice-p150.mlir',
    date: '2026-04-08',
    arch: 'blackhole_p150',
  };
  const cases: [string, string][] = [
    ['aesthetic_shadow_patch_embed', 'Tried up to 16 slices for height-slicing on output dimension 16'],
    ['dccrnet_stft_encoder', 'Tried up to 5 slices for width-slicing on output dimension 157'],
    ['audioseal_reverse_convolution', 'Tried up to 500 slices for width-slicing on output dimension 16000'],
    ['dots_patch_embed', 'Tried up to 1 slices for width-slicing on output dimension 1'],
  ];
  for (const [fn, tried] of cases)
    it(`@${fn}: "${tried}. Available L1: 1396224 bytes."`, () => {
      const { op, first } = deviceOp(run, fn);
      // The file's four functions run in turn: the first's is the run's first error.
      if (fn === cases[0]![0]) assert.equal(first, 'this op');
      assert.ok(op.estimate.kind === 'illegal', op.estimate.kind);
      const rule = op.estimate.kind === 'illegal' ? op.estimate.rule : '';
      assert.ok(rule.includes(`${tried}. Available L1: 1396224 bytes.`), rule);
    });
  it('before tt-metal PR #35774 (2026-02-10) the search returned its last count: the transposed conv overflows instead', () => {
    // Change point conv2d-dram-auto-slice-retry: no TT_FATAL, the 500 one-tile slices' program runs and its CBs
    // (width sharded, ours) are beyond L1.
    const op = assertFails({ ...run, date: '2026-02-09' }, 'audioseal_reverse_convolution', { first: false });
    assert.equal(op.overflow?.kind, 'cbBeyondL1');
  });
});

describe('conv2d: tt-metal #35852 (2026-01-14, n300 8x7 grid), the l1_full conv a tt-mlir optimizer fallback starts from', () => {
  // tt-metal #35852 (2026-01-14, an n300 opened by ttnn.open_device: worker dispatch, the 8x7 grid): 3 → 32 channels at
  // 480x640, 3x3, padding 1, a tiled bf16 DRAM input, l1_full, act_block_h_override 0, config_tensors_in_dram (inferred
  // from the figure, fixture header). Auto shard → height on 56 cores: 307,200 outputs = 9,600 tiles, ⌈9,600 / 56⌉ = 172
  // tiles per core. Channels 3 → 32 (tiled input), act block width 3 (kernel width) · 32 = 96 = 3 tiles, act block height
  // the whole 172 tiles (override 0), bf16 pages of 2,048 B (conv2d_op_program_factory_common.cpp@b769c24, get_cb_info):
  //   WEIGHTS 3 · 1 tiles (one height block: not ×kH)      6,144
  //   ACT + ACT_SECOND_READER 2 · (172 / 2) · 3 tiles  1,056,768
  //   ACT_TILIZED 172 · 3 tiles                         1,056,768
  //   BIAS 1 tile                                           2,048
  //   READER_INDICES, static with config_tensors_in_dram: the worst case 172 · 32 words · 2 B = 11,008
  //   L1 scratchpad                                            64
  // = 2,132,800 B, + 102,656 (the base before tt-metal PR #35327, 2026-01-13 20:17 UTC) = 2,235,456 B, the thread's figure;
  // MATMUL_PARTIALS and OUT sit on the output shard. The thread's act_block_h_override 1024 runs.
  it('tt-metal #35852 (2026-01-14, 3 → 32 at 480x640, l1_full): CBs grow to 2,235,456 B on (0,0)-(7,6), exactly', () => {
    const run = { file: 'conv2d_tt-metal-35852.mlir', date: '2026-01-13', arch: 'wormhole_b0_n300_worker_dispatch' };
    const op = assertFails(run, 'l1_full');
    assert.equal(regionEnd(op), 2_235_456);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=6)]');
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.nCoresUsed, 56);
    assertFits(run, 'act_block_h_1024');
  });
});

describe('conv_transpose2d: VGG19-UNet through tt-xla in bf16 (tt-xla #2589, 2025-12-16; #3698, 2026-03-12)', () => {
  // tt-xla's model runner loads the model and its inputs with dtype_override=torch.bfloat16 (its dynamic_loader.py), so
  // the decoder's up2 is tt-metal #35165's conv in bf16: 512 → 256, k2 s2 p0, bias, on 64x64 → 128x128 = 16,384 output
  // sticks. Auto shard → block 8x8 (tt-metal's L1 estimate of block sharding is the smallest of the three): 8 NHW cores
  // of 2,048 output sticks = 64 tiles; C_in 512 / 8 = 64 per core, act_block_w = 64 · kW 2 = 128 = 4 tiles; C_out
  // 256 / 8 = 32 → per_core_N 1 tile; act_block_h the whole 64 tiles (auto shard's act_block_h_override 32 dropped by
  // PR #32424). bf16 tiles of 2,048 B: ACT 64·4 = 256, ACT_TILIZED 256, WEIGHTS 4·1 = 4, BIAS 1 = 517 tiles = 1,058,816 B
  // + 64 (L1_ARRAY) = 1,058,880 B.
  // The L1 tensors below the bank top 1,499,136 − 65,536 (tt-mlir's L1_SMALL) = 1,433,600: the resharded input 4,096 / 8
  // = 512 sticks · 64 ch · 2 B = 65,536 B; the halo over the stride-expanded 127x127 image padded by k − 1 − p = 1 to
  // 129x129: a core's 2,048 outputs are 16 rows of 128, whose 2x2 windows span 15·129 + 127 + (129 + 1) + 1 = 2,193
  // sticks · 128 B = 280,704 B; the conv output 2,048 · 32 ch · 2 B = 131,072 B.
  const file = 'conv_transpose2d_tt-xla-2589.mlir';
  it('tt-xla #2589 (tt-metal 39590dfd of 2025-12-02, the L1 path): the region ends at 1,161,088 B and clashes with the L1 buffer at 956,288', () => {
    // Before tt-metal PR #33763 in tt-mlir's pin a DRAM input takes the L1 path; the reader indices are an L1_SMALL tensor
    // (config tensors in L1 before tt-mlir PR #6445). 1,058,880 + 102,208 (that build's base) = 1,161,088. The
    // resharded input stays held while the program runs (conv_transpose2d keeps it without deallocate_activation):
    // 1,433,600 − (65,536 + 280,704 + 131,072) = 956,288. Both the thread's figures.
    const op = assertClash({ file, date: '2025-12-02' }, 'up2');
    assert.equal(op.cbBytesPerCore, 1_058_880);
    assert.equal(regionEnd(op), 1_161_088);
    assert.equal(clashPartner(op), 956_288);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
  });
  it('tt-xla #3698 (tt-metal beccdb2 of 2026-03-01, before PR #37791): one DRAM slice, the region ends at 1,166,688 B and clashes at 1,021,824', () => {
    // config_tensors_in_dram (tt-mlir PR #6445): the reader indices are a CB, 64 tiles · 32 · 2 B = 4,096 B: 1,062,976 B
    // of CBs + 103,712 (the base from PR #35963) = 1,166,688. One slice: tt-metal's estimate before PR #37791 adds to the
    // CBs and the 131,072 B output a plain stride-2 conv's halo over the 64x64 input (under 1,061 sticks · 128 B), under
    // the 1,499,136 − 103,712 − 65,536 = 1,329,888 B free. run_L1_op deallocates the resharded input, so the clash
    // partner is the halo and the output: 1,433,600 − (280,704 + 131,072) = 1,021,824. Both the thread's figures.
    // (The file's first function, the same op with L1 config tensors, clashes before it in the run.)
    const { op } = deviceOp({ file, date: '2026-03-01' }, 'up2_config_tensors_in_dram');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(op.cbBytesPerCore, 1_062_976);
    assert.equal(regionEnd(op), 1_166_688);
    assert.equal(clashPartner(op), 1_021_824);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
    assert.match(op.estimate.kind === 'estimate' ? op.estimate.factoryReason : '', /1 output-height slice/);
  });
  it('after tt-metal PR #37791 (2026-03-05, the transposed halo in the slice estimate): more slices, which fit', () => {
    const { op } = deviceOp({ file, date: '2026-03-05' }, 'up2_config_tensors_in_dram');
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.overflow, undefined);
    assert.doesNotMatch(op.estimate.factoryReason, / 1 output-height slice/);
  });
});

describe('conv_transpose2d: tt-xla BEVDepth training xfail (76fa5358d, 2025-12-29), the L1 path of tt-metal d711cca', () => {
  it('SECONDFPN 2048 → 128, k2 s2, f32, batch 6 on 8x22: CBs grow to 2,396,480 B on (0,0)-(7,7)', () => {
    // Before tt-metal PR #33763 a DRAM input runs the whole op on the L1 path. Output 6·16·44 = 4,224 sticks = 132 tiles;
    // auto shard → block 8x8 (8 NHW cores: ⌈132 / 8⌉ = 17 tiles per core); C_in 2048 / 8 = 256 per core, act_block_w =
    // 256 · kW 2 = 512 = 16 tiles, act_block_h the whole 17; C_out 128 / 8 = 16 → per_core_N 1 tile. f32 tiles of 4,096 B:
    // ACT 17·16 = 272, ACT_TILIZED 272, WEIGHTS 16·1 = 16 (no bias; partials share the f32 output) = 560 tiles =
    // 2,293,760 B + 64 (L1_ARRAY; the reader indices are an L1_SMALL tensor) = 2,293,824; + 102,656 (d711cca's base, the
    // table's 2025-12-04..12-15 row) = 2,396,480 B, the xfail's figure; the block grid prints as (0,0)-(7,7).
    const op = assertFails({ file: 'conv_transpose2d_tt-xla-bevdepth-training.mlir', date: '2025-12-15' });
    assert.equal(op.cbBytesPerCore, 2_293_824);
    assert.equal(regionEnd(op), 2_396_480);
    assert.equal(printedRange(op), '[(x=0,y=0) - (x=7,y=7)]');
  });
});

describe('conv2d: tt-xla glpn_kitti on n150 (test config 5bd2a7b2f, 2025-09-10, tt-metal 652c0dc), the head conv in bf16', () => {
  it('"49971200 B L1 buffer across 64 banks": the halo output, 780,800 B per bank, after the 614,400 B reshard', () => {
    // GLPNHead's Conv2d(64, 64, 3, padding 1) on 480x640, bf16 (tt-xla's runner). Auto shard → height on 64 cores (as
    // tt-mlir #5771's 64-channel conv of the same image): 307,200 outputs = 9,600 tiles, 150 per core = 4,800 outputs.
    // Resharded input 4,800 · 64 ch · 2 B = 614,400 B; halo: a core's windows span 7·642 + 319 + (2·642 + 3) = 6,100
    // padded-input sticks · 128 B = 780,800 B, × 64 banks = 49,971,200 B (the xfail's figure). The bank then: 1,499,136 −
    // 99,712 (tt-metal 652c0dc's base) − 32,768 (tt-mlir's L1_SMALL before its PR #5557) = 1,366,656 B; 614,400 +
    // 780,800 = 1,395,200 B does not fit.
    const t = failedAllocation({ file: 'conv2d_tt-xla-glpn-kitti.mlir', date: '2025-08-29' });
    assert.deepEqual([t.role, t.bytesPerCore, t.before], ['halo output', 780_800, 614_400]);
  });
});

describe("conv2d: tt-xla #1722's smp_unet_resnet101 (2025-10-17, tt-metal aba1b93), the ResNet stem in bf16", () => {
  it('"each bank needs to store 954368 B, but bank size is only 1364928 B": the stem conv\'s output shard', () => {
    // Conv2d(3, 64, 7, s2, p3) on 1216x1568 → 608x784 = 476,672 outputs = 14,896 tiles; auto shard → height on 64 cores:
    // ⌈14,896 / 64⌉ = 233 tiles = 7,456 rows · 64 ch · 2 B = 954,368 B per core (× 64 = 61,079,552, the thread's total).
    // Before it: the resharded input, 1,906,688 / 64 = 29,792 sticks of 3 → 8 channels · 2 B = 476,672 B, and the halo
    // output, whose widest core (7,455 outputs on from a first output past column 384: 10 output rows on, 385 columns
    // back) spans 10 · 2 · 1,574 − 385 · 2 + (6 · 1,574 + 6) + 1 = 40,161 sticks of the 1,574-wide padded image · 16 B =
    // 642,576 B. The bank: 1,499,136 − 101,440 − 32,768 = 1,364,928 B; with the halo output held (the resharded input
    // freed or not) 954,368 B more does not fit.
    const run = { file: 'conv2d_tt-xla-1722-smp-unet.mlir', date: '2025-10-02' };
    const t = failedAllocation(run);
    assert.equal(t.role, 'conv output shard');
    assert.equal(t.bytesPerCore, 954_368);
    const { device } = analyse(run);
    assert.equal(device.l1SizeBytes - device.l1UnreservedBase - device.l1SmallSizeBytes, 1_364_928, 'the printed bank');
  });
});

describe('conv2d: tt-xla #3330 (2026-02-17, n300s), the DRAM slicer of 2026-01 keeps its last count and sizes a slice on its unpadded grid', () => {
  // 224 x 224 by a 32 x 32 kernel at stride 32: a 7 x 7 output, tiled, so its slices are run 32 output columns wide
  // (get_input_slice_and_padding adds (32 − 7) · 32 = 800 columns of right padding to every slice but a whole-input one).
  // op_slicing.cpp@70d2e23 determine_slice_config: a tiled output of an input 224 wide and not taller than wide is first
  // cut by width (best_guess_slice_type); its 32-column groups give ceil(7 / 32) = 1 slice, the whole conv, which does not
  // fit, so the height is tried; both searches are bounded by (output width 7 + 1) / 2 = 4 (output_sliced_dim read from
  // the DRAM_WIDTH default), no count fits, and num_slices keeps the last count tried: the thread's "num_slices=4".
  // run_sliced_op cuts 7 rows as 2, 2, 2, 1. The first slice: output rows 0..2 read input rows 0..64. Its grid comes from
  // the 2 x 7 = 14 outputs as cut (get_input_memory_config@70d2e23): one tile, one core (auto shard: block's 1 input core
  // is under grid x = 8, so height). The slice input arrives on that core: 64 rows · 224 sticks · 8 channels (3 aligned
  // to 8: get_input_channels_alignment, L1 alignment 16 / 2) · 4 B = 458,752 B, the thread's "allocated". The halo then
  // covers the padded slice, 64 rows · (224 + 800) columns = 65,536 sticks · 8 · 4 B = 2,097,152 B on that one core, the
  // buffer the thread's allocator refused: 458,752 + 2,097,152 > the 1,330,048 B bank, 871,296 B free.
  const run = { file: 'conv2d_tt-xla-3330.mlir', date: '2026-01-28' };
  it('"num_slices=4" and "2097152 B L1 buffer across 1 banks ... (allocated: 458752 B, free: 871296 B"', () => {
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op');
    assert.ok(op.estimate.kind === 'estimate', op.estimate.kind);
    assert.match(op.estimate.factoryReason ?? '', /: 4 output-height slice\(s\) assumed \(none fits/);
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    assert.ok(
      op.overflow.message.startsWith(
        'Out of Memory: Not enough space to allocate 2097152 B L1 buffer across 1 banks, where each bank needs to store 2097152 B, but bank size is 1330048 B (allocated: 458752 B, free: 871296 B',
      ),
      op.overflow.message,
    );
  });
  it("from PR #41917 (2026-04-20) the slice grid is the padded output's: a 4-row slice on 4 cores", () => {
    // get_input_memory_config@7785814f74 sizes the grid on the outputs the halo produces. tt-metal's own slice figure
    // (convSliceL1EstimateBytes, change point conv2d-dram-slice-fit-by-own-estimate) fits at 2 height slices, 4 + 3 rows; the first, 4 rows · 32 padded columns = 128 outputs =
    // 4 tiles, block sharded over find_closest_largest_divisor_with_num_padding_and_mult(4, 8, 1) = 4 NHW cores; its 128
    // input rows · 224 sticks / 4 cores = 7,168 sticks · 8 channels · 4 B = 229,376 B of slice input per core.
    const later = deviceOp({ ...run, date: '2026-04-21' }).op;
    assert.ok(later.estimate.kind === 'estimate', later.estimate.kind);
    const reason = later.estimate.factoryReason ?? '';
    assert.match(reason, /: 2 output-height slice\(s\) assumed/);
    assert.match(reason, /4 input cores \(4 along NHW × 1 along C\)/);
    assert.match(reason, /resharded conv input 229,376 B/);
    assert.doesNotMatch(reason, /shard grid sized for the slice's/);
  });
});

describe("conv2d: tt-xla #4202 / tt-metal #41918 (MapTR, 2026-04-10), the edge slice on its unpadded grid in the first slice's scheme", () => {
  // 60 x 100 output, tiled: op_slicing's best guess is width slices (input 200 wide, not taller than wide), in 32-column
  // groups: ceil(100 / 32) = 4 groups, so any count from 4 cuts 32, 32, 32 and 4 columns (counts 2 and 3 leave a wider
  // or the same 4-column edge; the count itself is the model's fit, not printed). The first slice (6 · 60 · 32 = 11,520
  // outputs = 360 tiles) is auto-sharded, and conv2d keeps that config for the later slices (run_L1_op sets the
  // attribute's shard_layout, conv2d.cpp@70d2e23); the thread's 45 cores on a row-wise grid say it was height. The edge
  // slice's grid comes from its 4 columns as cut (get_input_memory_config before PR #41917): 6 · 60 · 4 = 1,440 outputs
  // = 45 tiles, height: find_closest_largest_divisor_with_num_padding_and_mult(45, 64, 1) = 45 cores (no padding at
  // 45), num_cores_to_corerangeset row-wise on 8 x 8: 5 full rows and 5 cores of row 5, printed (0,0)-(7,5). The halo
  // and conv run the slice padded to 32 columns (360 tiles) on those 45 cores: per_core_M 8, act_block_h 8 (no
  // override), act_block_w 128 · 3 / 32 = 12, per_core_N 128 / 32 = 4, f32 tiles of 4,096 B: ACT 96 + ACT_TILIZED 96 +
  // WEIGHTS 48 = 240 tiles = 983,040 B, reader indices in DRAM (a CB of 8 · 32 · 2 = 512 B), L1 scratch 64 B: 983,616 B
  // over the 103,712 B base = 1,087,328, the thread's region end. Its partner at 693,760 B is 772,608 B below a bank top
  // of 1,499,136 − 32,768: the L1_SMALL of that run was 32 KiB (with tt-mlir's 64 KiB it would sit at 660,992).
  const run = { file: 'conv2d_tt-xla-4202-maptr.mlir', date: '2026-04-10', l1SmallSize: 32_768 };
  it('"[(x=0,y=0) - (x=7,y=5)]. L1 buffer allocated at 693760 and static circular buffer region ends at 1087328"', () => {
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(
      op.overflow.message,
      'Statically allocated circular buffers clash with L1 buffers on core range [(x=0,y=0) - (x=7,y=5)]. L1 buffer allocated at 693760 and static circular buffer region ends at 1087328',
    );
  });
  it('from PR #41917 (2026-04-20) the edge slice is sized on its padded grid and the conv fits', () => {
    // The edge slice's 360 padded tiles set its grid like the other slices' (60 height cores of 6 tiles); the PR closed
    // tt-metal #41918 ("the planner now sees the same padded dimensions as the executor").
    assertFits({ ...run, date: '2026-04-21' });
  });
});

describe('conv2d: tt-xla #4003 (2026-03-30, BEVDepth ASPP, dilation 18), a slice that reads the whole image is not padded', () => {
  // (6, 512, 16, 44) f32, 3x3, dilation 18, padding 18: the dilated kernel spans 2 · 18 + 1 = 37 rows and columns, more
  // than the 16 x 44 image, so a height slice of any count reads all 16 input rows and all 44 columns
  // (get_input_slice_and_padding@6d3661b30c: the window of output rows [0, 2) is rows −18 .. 20, clipped to 0 .. 16).
  // Such a slice is single_slice (its input is the whole input), and from PR #33763 a single_slice keeps its 44 output
  // columns (no right padding to 64). op_slicing.cpp@6d3661b30c determine_slice_config: the input is 44 wide (< 200),
  // so a tiled output is first cut by height, up to 16 slices (compute_max_num_slices: the output height); none fits,
  // so the retry cuts by width in 32-column groups, up to ceil(44 / 32) = 2 slices; none fits: the TT_FATAL prints
  // current_num_slices − 1 = 2 and the retry's sliced dimension, the output width 44. Available L1 is the bank:
  // 1,499,136 − 103,712 (base) − 65,536 (L1_SMALL) = 1,329,888 B.
  const run = { file: 'conv2d_tt-xla-4003-bevdepth-aspp.mlir', date: '2026-03-30' };
  it('"Tried up to 2 slices for width-slicing on output dimension 44. Available L1: 1329888 bytes"', () => {
    const { op, first } = deviceOp(run);
    assert.equal(first, 'this op', 'the first error of the run');
    assert.ok(op.estimate.kind === 'illegal', op.estimate.kind);
    const rule = op.estimate.kind === 'illegal' ? op.estimate.rule : '';
    assert.ok(
      rule.includes(
        '"DRAM Auto slice could not find valid slice configuration. Tried up to 2 slices for width-slicing on output dimension 44. Available L1: 1329888 bytes. Operation requires more memory than available even with maximum slicing."',
      ),
      rule,
    );
    const { device } = analyse(run);
    assert.equal(device.l1SizeBytes - device.l1UnreservedBase - device.l1SmallSizeBytes, 1_329_888, 'the printed bank');
  });
});
