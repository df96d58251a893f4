/**
 * L1_SMALL threads of the public-thread regression set: the allocator refusing a sliding-window config tensor (the
 * halo's padding / gather configs, the conv's reader indices) in the L1_SMALL region (analysis/l1Small.ts). tt-metal
 * prints the buffer: "Not enough space to allocate T B L1_SMALL buffer across K banks, where each bank needs to store
 * N B, but bank size is only M B": K and N must be the refused buffer's, exactly.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import * as features from '../../../server/src/features';
import { allocateL1Small, l1SmallMessage } from '../../../server/src/analysis/l1Small';
import { analyse, DIR, type Run } from '../../support/threadCases';

/** The run's first failure: its op index, kind and message. */
function firstFailure(run: Run): { opIndex: number; kind: string; message: string } {
  const a = analyse(run);
  const f = a.firstFailure;
  assert.ok(f !== undefined, `${run.file} at ${run.date}: no failure`);
  return { opIndex: f.opIndex, kind: f.overflow.kind, message: f.overflow.message };
}

describe('public-thread regression set: L1_SMALL (sliding-window config tensors)', () => {
  it('tt-metal #35161 (2025-12-30, PointPillars stride-2 conv_transpose2d, device opened without L1_SMALL): the halo padding config, 448 B per bank over 62 banks', () => {
    // conv_transpose2d 128 → 128, k2 s2 p0 on 124x108 (conv_transpose2d_tt-xla-2710.mlir's second op): the halo works on
    // the stride-expanded input, 247x215 real-or-zero sticks padded by k − 1 − p = 1 on every side to 249x217. Output
    // 248x216 = 53,568 sticks = 1,674 tiles on 62 height shards: 27 tiles = 864 sticks = 4 output rows per core.
    // Core c's windows span padded rows 4c .. 4c + 4, all 217 columns; padded row r is a real row when r is odd (rows
    // 1, 3, .., 247), and a real row holds real sticks at odd columns 1..215 (108) with zeros at even columns 2..214
    // (107). So each core sees pad, real, pad, real, pad rows: runs of padding = 1 (row 4c + the next row's left pad)
    // + 107 + 1 (right pad, pad row, left pad) + 107 + 1 = 217. Padding config 0 takes floor(217 / 2) = 108 runs:
    // 2·108 + 2 (the 0, 0 terminator) = 218 words (even) = 436 B, a page aligned to 16 B: 448 B per bank, × 62 banks =
    // 27,776 B. It is the halo's first L1_SMALL buffer: with l1_small_size 0 (ttnn.open_device's default, tt-metal
    // DEFAULT_L1_SMALL_SIZE) it fails first, before the conv's CBs (the thread: "instead of Statically allocated
    // circular buffers ... grow to 2003264 B"). The thread's run was tt-metal main of 12-29 (kkannan/dec29 branch) on
    // the L1 path that gives the 62 cores; our model puts a DRAM input on the DRAM-sliced path from PR #33763 (12-17),
    // so the L1 path is asserted at the fixture's tt-xla pin (12-16), where it takes that path.
    const f = firstFailure({ file: 'conv_transpose2d_tt-xla-2710.mlir', date: '2025-12-16', l1SmallSize: 0 });
    assert.equal(f.opIndex, 1, 'the stride-2 block');
    assert.equal(f.kind, 'l1SmallExhausted');
    assert.equal(
      f.message,
      'Out of Memory: Not enough space to allocate 27776 B L1_SMALL buffer across 62 banks, where each bank needs to store 448 B, but bank size is only 0 B',
    );
  });

  it("tt-mlir #5768 (2025-11-10, Vanilla UNet's last up-convolution): the conv's reader indices, 19,808 B per bank over 64 banks", () => {
    // conv_transpose2d 64 → 32, k2 s2 p0 on 240x320 → 480x640 = 307,200 sticks = 9,600 tiles on 64 height shards: 150
    // tiles = 4,800 sticks per core, act blocks of 1 tile (auto shard's act_block_h_override 32, before PR #32424). Before
    // PR #33999 (2025-12-09) the conv program compares successive indices against the transposed conv's stride (2)
    // while they step by 1 along an expanded row, so every stick is a run of its own; a 640-stick row is 20 blocks, so
    // no row ends inside a block. A block: 2 + 2·32 = 66 words; 150 blocks = 9,900 words = 19,800 B, aligned to 16 B:
    // 19,808 B per bank, × 64 = 1,267,712 B (the thread's figures). The thread's 65,536 B bank (tt-mlir's runtime default
    // from PR #5557) holds this op's halo configs and reader indices together: it failed because the cached programs
    // of the UNet's earlier convs and pools still held their config tensors (the thread's run is a whole model; the
    // fixture is the one op). With tt-mlir's runtime before PR #5557 (32,768 B) the op fails alone, at that buffer.
    const alone = analyse({ file: 'conv_transpose2d_tt-mlir-5768.mlir', date: '2025-11-10' });
    assert.equal(alone.firstFailure, undefined, 'alone it fits the 64 KiB bank');
    const op = alone.functions[0]!.ops[0]!;
    assert.ok(op.estimate.kind === 'estimate');
    const last = op.estimate.l1SmallBuffers?.at(-1);
    assert.deepEqual([last?.role, last?.bytesPerBank, last?.banks], ['conv reader indices', 19_808, 64]);
    const f = firstFailure({ file: 'conv_transpose2d_tt-mlir-5768.mlir', date: '2025-10-27' });
    assert.equal(f.kind, 'l1SmallExhausted');
    assert.equal(
      f.message,
      'Out of Memory: Not enough space to allocate 1267712 B L1_SMALL buffer across 64 banks, where each bank needs to store 19808 B, but bank size is only 32768 B',
    );
  });

  it('tt-mlir #5768: the diagnostic names the refused config tensor and its figures, and the code is l1-small-out-of-memory', () => {
    const text = fs.readFileSync(path.join(DIR, 'conv_transpose2d_tt-mlir-5768.mlir'), 'utf8');
    const doc = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2025-10-27' });
    const [d] = features.diagnostics(doc).filter((x) => x.code === 'l1-small-out-of-memory');
    assert.ok(d !== undefined, 'an L1_SMALL out-of-memory diagnostic');
    assert.match(d.message, /not enough space to allocate the conv reader indices, 19,808 B per bank across 64 banks/);
    assert.match(d.message, /of the 32,768 B L1_SMALL bank/);
    // Padding config 0: the core starting mid-row (core 1: row 7 from column 320, then rows 9, 11, 13, 15 real, each
    // with 319 single zeros between its 320 real sticks) has 160 + 1 + 4·319 + 3 + 1 = 1,441 padding runs; config 0
    // takes floor(1,441 / 2) = 720: 2·720 + 2 = 1,442 words = 2,884 B, aligned 2,896 B.
    assert.match(
      d.message,
      /Why: .* allocates the halo padding config 0 \(2,896 B\), .*, then the conv reader indices/,
    );
  });

  it('from PR #33999 (2025-12-09) the same reader indices compress: one run per output row a block touches', () => {
    // Stride 1 compared against steps of 1 along a row; a row change jumps by 641 − 639 = 2 and breaks the run. From
    // PR #32424 auto shard no longer sets act_block_h to 1 tile, and the act block is the whole 150-tile shard: one
    // block of 4,800 sticks = 7.5 rows, touching 8 rows (core 1: row 7 from column 320 to row 14), so 8 runs: 2 + 2·8 =
    // 18 words = 36 B, aligned to 16 B: 48 B per bank.
    const op = analyse({ file: 'conv_transpose2d_tt-mlir-5768.mlir', date: '2025-12-10' }).functions[0]!.ops[0]!;
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.l1SmallBuffers?.at(-1)?.bytesPerBank, 48);
  });
});

describe('L1_SMALL accumulates over cached programs (analysis/l1Small.ts)', () => {
  const text = fs.readFileSync(path.join(DIR, 'conv_transpose2d_tt-mlir-5768.mlir'), 'utf8');
  // The same op in a second entry function: one cached program.
  const twice = `${text.replace(/\n}\n?$/, '')}\n${text.slice(text.indexOf('  func.func')).replace('@vanilla_unet_upconv1', '@again')}`;
  const run = (source: string, date: string, l1SmallSizeBytes: number) =>
    analyzeDocument(source, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: date, l1SmallSizeBytes }).analysis;

  it('an op repeated is one cached program: it allocates its config tensors once', () => {
    const one = run(text, '2025-11-10', 65_536).functions[0]!.ops[0]!;
    assert.ok(one.estimate.kind === 'estimate');
    const total = one.estimate.l1SmallBuffers!.reduce((s, b) => s + b.bytesPerBank, 0);
    // A bank that holds one copy but not two: the repeat allocates nothing, so nothing fails.
    const a = run(twice, '2025-11-10', total + 16);
    assert.deepEqual(
      a.functions.map((f) => f.fn.name),
      ['@vanilla_unet_upconv1', '@again'],
    );
    assert.equal(a.firstFailure, undefined);
  });

  it('a second program allocates after the first one’s config tensors, which stay', () => {
    // The same conv with act blocks of 2 tiles: another conv program (other reader indices), the same halo.
    const other = text
      .replace('act_block_h_override = 0', 'act_block_h_override = 64')
      .replace('@vanilla_unet_upconv1', '@other');
    const both = `${text.replace(/\n}\n?$/, '')}\n${other.slice(other.indexOf('  func.func'))}`;
    const a = run(both, '2025-11-10', 65_536);
    const [f0, f1] = a.functions.map((f) => f.ops[0]!);
    assert.ok(f0?.estimate.kind === 'estimate' && f1?.estimate.kind === 'estimate');
    const first = f0.estimate.l1SmallBuffers!.reduce((s, b) => s + b.bytesPerBank, 0);
    const second = f1.estimate.l1SmallBuffers!.reduce((s, b) => s + b.bytesPerBank, 0);
    // A bank with room for the first program and all but the second one's last buffer.
    const bank = first + second - 16;
    const b = run(both, '2025-11-10', bank);
    assert.equal(b.firstFailure?.functionIndex, 1);
    assert.equal(b.firstFailure?.overflow.kind, 'l1SmallExhausted');
    const failed = b.firstFailure?.overflow.failedL1Small;
    assert.equal(failed?.allocatedBeforeBytes, first + second - f1.estimate.l1SmallBuffers!.at(-1)!.bytesPerBank);
    // Without the program cache (before PR #24073, 2025-06-26), each op has the whole bank.
    const early = run(both, '2025-06-01', Math.max(first, second) + 64);
    assert.equal(early.firstFailure?.overflow.kind === 'l1SmallExhausted', false);
  });

  it("tt-mlir #5768 in a run: an earlier conv of 60 input channels is other programs whose config tensors stay, so the thread's 65,536 B bank refuses the reader indices", () => {
    // The thread's op after the same conv on 60 input channels (weights 60x32x2x2): both pad C to 64 (2 tiles), so
    // their estimates are one (equal figures), but tt-metal's program cache hashes the tensor specs (60 vs 64
    // channels): two halo programs and two conv programs, each keeping its config tensors. Per bank, each op (see the
    // #5768 cases above): halo padding configs 2,896 + 2,896, gather configs 4,624 + 4,624 (the same halo geometry),
    // reader indices 19,808: 2,896 + 2,896 + 4,624 + 4,624 + 19,808 = 34,848 B. The 60-channel conv holds 34,848 B;
    // the thread's op then places its halo configs: 34,848 + 2,896 + 2,896 + 4,624 + 4,624 = 49,888 B, and its reader
    // indices would end at 49,888 + 19,808 = 69,696 > 65,536: refused, with the thread's figures (64 × 19,808 =
    // 1,267,712 B) and the bank size of tt-mlir's runtime from PR #5557.
    const c60 = text
      .replace('in_channels = 64 : i32', 'in_channels = 60 : i32')
      .replace('tensor<1x1x76800x64xbf16', 'tensor<1x1x76800x60xbf16')
      .replace('memref<76800x64xbf16', 'memref<76800x60xbf16')
      .replace('tensor<64x32x2x2xbf16', 'tensor<60x32x2x2xbf16')
      .replace('@vanilla_unet_upconv1', '@c60');
    const runOf = `${c60.replace(/\n}\n?$/, '')}\n${text.slice(text.indexOf('  func.func'))}`;
    const a = run(runOf, '2025-11-10', 65_536);
    assert.deepEqual(
      a.functions.map((f) => f.fn.name),
      ['@c60', '@vanilla_unet_upconv1'],
    );
    const [first, second] = a.functions.map((f) => f.ops[0]!);
    assert.equal(first?.estimate, second?.estimate, 'one estimate for both ops');
    assert.equal(a.firstFailure?.functionIndex, 1);
    assert.equal(a.firstFailure?.overflow.kind, 'l1SmallExhausted');
    assert.equal(a.firstFailure?.overflow.failedL1Small?.allocatedBeforeBytes, 49_888);
    assert.equal(
      a.firstFailure?.overflow.message,
      'Out of Memory: Not enough space to allocate 1267712 B L1_SMALL buffer across 64 banks, where each bank needs to store 19808 B, but bank size is only 65536 B',
    );
  });

  it("conv2d.cpp's host-side fields (deallocate_activation, reallocate_halo_output) make no other program", () => {
    // The same op with reallocate_halo_output = true (a ttnn::move of the halo output between the programs) and with
    // deallocate_activation = true (the input freed after the halo): the same halo and conv device ops, so the same
    // cached programs: one copy of the 34,848 B per bank (above) in a bank of 34,848 + 16 B fits all three.
    const moved = text
      .replace('reallocate_halo_output = false', 'reallocate_halo_output = true')
      .replace('@vanilla_unet_upconv1', '@moved');
    const freed = text
      .replace('deallocate_activation = false', 'deallocate_activation = true')
      .replace('@vanilla_unet_upconv1', '@freed');
    const three = [
      text.replace(/\n}\n?$/, ''),
      moved.slice(moved.indexOf('  func.func')).replace(/\n}\n?$/, ''),
      freed.slice(freed.indexOf('  func.func')),
    ].join('\n');
    const a = run(three, '2025-11-10', 34_848 + 16);
    assert.deepEqual(
      a.functions.map((f) => f.fn.name),
      ['@vanilla_unet_upconv1', '@moved', '@freed'],
    );
    assert.equal(a.firstFailure, undefined);
  });

  it("the allocator's wording by build: no bank size before PR #26571, '(allocated …)' from PR #32150", () => {
    const failure = {
      buffer: { role: 'halo padding config 0', bytesPerBank: 16, banks: 64 },
      allocatedBeforeBytes: 0,
      bankBytes: 0,
    };
    // tt-metal #34089 (2025-12-09, v0.65.0-dev20251125): "1024 B L1_SMALL buffer across 64 banks, where each bank needs
    // to store 16 B, but bank size is only 0 B" — 64 × 16 = 1,024.
    assert.equal(
      l1SmallMessage(failure, { earliest: '2025-11-25', latest: '2025-11-25' }),
      'Out of Memory: Not enough space to allocate 1024 B L1_SMALL buffer across 64 banks, where each bank needs to store 16 B, but bank size is only 0 B',
    );
    // tt-metal #13093 (2024-09-25): "Not enough space to allocate 192 B L1_SMALL buffer across 48 banks, where each bank
    // needs to store 32 B" (no bank size yet; its 192 B is the unaligned buffer size, printed before tt-metal 8ee1f82 of
    // 2024-12-07, outside the modeled builds: ours prints the aligned size, banks × bytes per bank).
    assert.match(
      l1SmallMessage(
        { ...failure, buffer: { ...failure.buffer, bytesPerBank: 32, banks: 48 } },
        { earliest: '2025-01-01', latest: '2025-08-01' },
      ),
      /across 48 banks, where each bank needs to store 32 B$/,
    );
    // 2026-01-08 on: the bank manager's statistics; nothing is freed in L1_SMALL, so the free space is one block.
    assert.equal(
      l1SmallMessage(
        { ...failure, allocatedBeforeBytes: 30_000, bankBytes: 32_768 },
        { earliest: '2026-02-01', latest: '2026-02-01' },
      ),
      'Out of Memory: Not enough space to allocate 1024 B L1_SMALL buffer across 64 banks, where each bank needs to store 16 B, but bank size is 32768 B (allocated: 30000 B, free: 2768 B, largest free block: 2768 B)',
    );
  });

  it('allocateL1Small: buffers in order, the first past the bank is refused', () => {
    const bufs = [
      { role: 'a', bytesPerBank: 100, banks: 4 },
      { role: 'b', bytesPerBank: 200, banks: 4 },
    ];
    assert.equal(allocateL1Small(bufs, 0, 300), 300);
    assert.deepEqual(allocateL1Small(bufs, 50, 300), { buffer: bufs[1], allocatedBeforeBytes: 150, bankBytes: 300 });
  });
});

describe('public-thread regression set: L1_SMALL, tt-xla #1722 (2025-10-17, VGG19-UNet in bf16)', () => {
  const file = 'conv_transpose2d_tt-xla-1722.mlir';
  it("the third up-convolution's reader indices, 33,792 B per bank over 64 banks, refused by the 32 KiB bank", () => {
    // conv_transpose2d 256 → 128, k2 s2 p0 on 128x128 → 256x256 = 65,536 output sticks, bf16 (tt-xla's runner loads the
    // model in bf16), at tt-xla's pin of that day (tt-metal aba1b93, 2025-10-02; tt-mlir's runtime L1_SMALL 32 KiB before
    // its PR #5557). Auto shard → block 8x8: 8 NHW cores of 8,192 sticks = 256 tiles, in act blocks of one tile (auto
    // shard's act_block_h_override 32, before PR #32424). Before PR #33999 the transposed conv's reader indices step by
    // 1 against its stride 2, so every stick is a run of its own: a block is 2 + 2·32 = 66 words, 256 blocks = 16,896
    // words = 33,792 B per bank (16-aligned already), × 64 banks = 2,162,688 B: alone more than the bank.
    // The file runs up1 and up2 first: tt-xla's runtime then ran without the program cache (tt-mlir's
    // MeshDeviceOptions.enableProgramCache false → disable_and_clear_program_cache, until tt-xla PR #1719 of 10-29), so
    // their config tensors were freed and up3's halo configs had the bank to themselves.
    const f = firstFailure({ file, date: '2025-10-02' });
    assert.equal(f.opIndex, 0);
    assert.equal(f.kind, 'l1SmallExhausted');
    assert.equal(
      f.message,
      'Out of Memory: Not enough space to allocate 2162688 B L1_SMALL buffer across 64 banks, where each bank needs to store 33792 B, but bank size is only 32768 B',
    );
    const a = analyse({ file, date: '2025-10-02' });
    assert.equal(a.firstFailure?.functionIndex, 2, 'up3, after up1 and up2 ran');
  });
  it('with the program cache on (tt-xla PR #1719, 2025-10-29) the cached up1 / up2 configs fill the bank first: a halo config is refused', () => {
    // The same run a day after the change point, with tt-mlir's 32 KiB L1_SMALL of the time (tt-xla ran tt-metal
    // 6132b08 of 10-27 then; the device model dates the 64 KiB default from tt-metal builds of 10-28, see device.ts,
    // so it is given here): up1 and up2 keep their halo configs and reader indices, so up3 fails before its reader
    // indices, on a smaller buffer — not the thread's message, which is why the change point dates the accumulation.
    const a = analyse({ file, date: '2025-10-30', l1SmallSize: 32_768 });
    assert.equal(a.firstFailure?.functionIndex, 2);
    assert.equal(a.firstFailure?.overflow.kind, 'l1SmallExhausted');
    assert.doesNotMatch(a.firstFailure?.overflow.message ?? '', /33792 B/);
  });
});
