/**
 * Allocator out-of-memory errors whose bank count is the figure to get right. First, tt-xla model runs on a Wormhole Galaxy chip (test/fixtures/threads/conv2d_tt-xla-{1497,faster-rcnn,maskformer-swin-b,
 * petr}.mlir): the allocator prints "across 72 banks", one L1 bank per core of the 9-row x 8-column grid tt-mlir's
 * worker dispatch leaves on an unharvested 8 x 10 chip (preset wormhole_b0_galaxy, ttnn/device.ts). Each thread quotes
 * the refused allocation per bank and the bank size; the failing allocation must be that many bytes per core, on 72
 * cores, and the bank the printed one. The bank size is 1,499,136 B of L1 less the build's base (the dated table,
 * ttnn/l1BaseHistory.ts) less tt-mlir's L1_SMALL of the build.
 */

import * as assert from 'node:assert/strict';
import { analyse, deviceOp, type Run } from '../../support/threadCases';
import type { OpAnalysis } from '../../../server/src/analysis/analyze';

const GALAXY = 'wormhole_b0_galaxy';

function failedAllocation(
  run: Run,
  fn?: string,
): { role: string; bytesPerCore: number; cores: number; bankBytes: number } {
  const { op, first } = deviceOp(run, fn);
  assert.ok(op.estimate.kind === 'estimate', op.estimate.kind);
  assert.equal(op.overflow?.kind, 'l1BuffersExhausted', `${run.file} at ${run.date}: ${op.overflow?.kind ?? 'fits'}`);
  if (fn === undefined) assert.equal(first, 'this op', 'the first error of the run');
  const a = op.overflow.failedAllocation;
  assert.ok(a !== undefined, 'an allocation is named');
  const { device } = analyse(run);
  return {
    role: a.role,
    bytesPerCore: a.bytesPerCore,
    cores: op.estimate.nCoresUsed,
    bankBytes: device.l1SizeBytes - device.l1UnreservedBase - device.l1SmallSizeBytes,
  };
}

describe('public-thread regression set: tt-xla runs on a Wormhole Galaxy chip ("across 72 banks")', () => {
  it('the preset: 9 rows x 8 columns = 72 cores, one L1 bank each', () => {
    const { device } = analyse({ file: 'conv2d_tt-xla-1497.mlir', date: '2025-09-15', arch: GALAXY });
    assert.deepEqual([device.workerGrid, device.nWorkerCores, device.nL1Banks], [[9, 8], 72, 72]);
  });

  it('tt-xla #1497 (2025-09-29, BEVDepth, f32): the ResNet-50 stem conv output shard, 966,656 B per bank', () => {
    // Conv2d(3, 64, 7, s2, p3) on 6 x 256 x 704 → 6 x 128 x 352 = 270,336 outputs = 8,448 tile rows; height sharded on
    // 72 cores: ⌈8,448 / 72⌉ = 118 tiles = 3,776 rows · 64 channels · 4 B = 966,656 B (× 72 = 69,599,232 B, the
    // thread's total). The bank: 1,499,136 − 100,352 (tt-metal builds of 2025-09-13..16; tt-mlir's pin aa1920c,
    // "2025-09-15") − 32,768 (tt-mlir's L1_SMALL before its PR #5557) = 1,366,016 B, the thread's.
    const t = failedAllocation({ file: 'conv2d_tt-xla-1497.mlir', date: '2025-09-15', arch: GALAXY });
    assert.deepEqual([t.role, t.bytesPerCore, t.cores, t.bankBytes], ['conv output shard', 966_656, 72, 1_366_016]);
    assert.equal(t.bytesPerCore * 72, 69_599_232);
  });

  it('on an n150 (8 x 8 = 64 cores) the same conv would refuse another figure: the 72-core grid is what the thread ran', () => {
    // ⌈8,448 / 64⌉ = 132 tiles per core; whatever is refused, it is not the thread's 966,656 B per bank.
    const { op } = deviceOp({ file: 'conv2d_tt-xla-1497.mlir', date: '2025-09-15' });
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.nCoresUsed, 64);
    assert.notEqual(
      op.overflow?.kind === 'l1BuffersExhausted' ? op.overflow.failedAllocation?.bytesPerCore : 0,
      966_656,
    );
  });

  it('tt-xla faster_rcnn resnet50_fpn (test config 389dae052, 2025-11-10, f32): the stem conv output shard, 868,352 B', () => {
    // The loader's image resized to 800 rows (min_size 800) and padded to 800 x 1,216; Conv2d(3, 64, 7, s2, p3) → 400 x
    // 608 = 243,200 outputs = 7,600 tile rows; ⌈7,600 / 72⌉ = 106 tiles = 3,392 rows · 64 · 4 B = 868,352 B (× 72 =
    // 62,521,344 B). The bank: 1,499,136 − 101,664 (builds of 2025-10-17..11-11; tt-xla's pin tt-metal 7c6c393 of
    // 11-04) − 65,536 (tt-mlir PR #5557) = 1,331,936 B, the xfail's.
    const t = failedAllocation({ file: 'conv2d_tt-xla-faster-rcnn.mlir', date: '2025-11-04', arch: GALAXY });
    assert.deepEqual([t.role, t.bytesPerCore, t.cores, t.bankBytes], ['conv output shard', 868_352, 72, 1_331_936]);
    assert.equal(t.bytesPerCore * 72, 62_521_344);
  });

  it('tt-xla maskformer_swin_b (test config 21df083a9, 2025-11-06, f32): the FPN block conv halo output, 850,432 B', () => {
    // Conv2d(256, 256, 3, p1) on 200 x 272 (1/4 of 800 x 1,088), block sharded 9 (NHW) x 8 (C): 54,400 outputs = 1,700
    // tile rows, ⌈1,700 / 9⌉ = 189 tiles = 6,048 outputs per core row, 256 / 8 = 32 channels per core. Halo: a core's
    // 6,048 outputs start at column c0 = 6,048·k mod 272 = 64·k mod 272; 6,047 = 22·272 + 63, so a core with c0 ≥ 209
    // (k = 4: c0 = 256) ends 23 rows on at column c0 − 209, and its windows span 25·274 + (c0 − 209 + 2) − c0 + 1 =
    // 6,644 sticks of the 274-wide padded input (6,642 for a core that does not wrap) · 32 channels · 4 B = 850,432 B
    // (× 72 = 61,231,104 B). The bank 1,331,936 B as above: tt-xla's pin was tt-metal 8f0c87a (2025-11-01) under
    // tt-mlir 0fb9bd4, after tt-mlir PR #5557's 64 KiB L1_SMALL.
    const t = failedAllocation({ file: 'conv2d_tt-xla-maskformer-swin-b.mlir', date: '2025-11-01', arch: GALAXY });
    assert.deepEqual([t.role, t.bytesPerCore, t.cores, t.bankBytes], ['halo output', 850_432, 72, 1_331_936]);
    assert.equal(t.bytesPerCore * 72, 61_231_104);
  });

  it('tt-xla PETR vovnet_gridmask_p4_800x320 (test config 3bbe6fe37, 2025-11-14, f32): the stem halo output, 804,896 B', () => {
    // Conv2d(3, 64, 3, s2, p1) on 6 x 320 x 800 → 6 x 160 x 400 = 384,000 outputs = 12,000 tile rows; height on 72
    // cores: ⌈12,000 / 72⌉ = 167 tiles = 5,344 outputs per core (5,343 = 13·400 + 143). Padded image 322 x 802; an
    // output's window starts 2·802 sticks per output row and 2 per column on, and 322·802 = 258,244 per image. A core
    // crossing an image boundary with a column wrap (k = 11: outputs 58,784..64,127, c0 = 384) ends 146 rows back and
    // 257 columns back in the next image: its first and last windows are 258,244 − 146·1,604 − 2·257 = 23,546 sticks
    // apart, + 2·802 + 2 + 1 for the last window = 25,153 sticks · 8 channels (3 padded to 8) · 4 B = 804,896 B (× 72 =
    // 57,952,512 B). The bank 1,331,936 B (tt-xla's pin tt-metal 857f841 of 2025-11-10).
    const t = failedAllocation({ file: 'conv2d_tt-xla-petr.mlir', date: '2025-11-10', arch: GALAXY });
    assert.deepEqual([t.role, t.bytesPerCore, t.cores, t.bankBytes], ['halo output', 804_896, 72, 1_331_936]);
    assert.equal(t.bytesPerCore * 72, 57_952_512);
  });
});

describe("public-thread regression set: tt-xla #918's JAX ViT-B/32 patch conv in f32 (tt-metal ce7d0b2, 2025-10-01)", () => {
  // The halo output of a k32 s32 conv with no padding: a core's outputs o0..o1 (12 or 7 per image row) read the input
  // from the first window's top-left stick, 32·(row·W + col) for output (row, col), to the last window's bottom-right,
  // (32·row1 + 31)·W + 32·col1 + 31; the sticks are 3 channels padded to 8, 4 B each = 32 B. Before it, the resharded
  // input (⌈H·W / cores⌉ sticks · 32 B) is allocated, and the bank is 1,499,136 − 101,440 (builds of 2025-09-27..10-03)
  // − 32,768 (tt-mlir's L1_SMALL) = 1,364,928 B, the configs' figure.
  const file = 'conv2d_tt-xla-918-vit-b32.mlir';
  it('224 x 224: 49 patches on 2 cores, "2287616 B L1 buffer across 2 banks ... 1143808 B"', () => {
    // Core 0: outputs 0..31, the last at row 4, column 3 of the 7-wide grid: (4·32 + 31)·224 + 3·32 + 31 + 1 = 35,744
    // sticks · 32 B = 1,143,808 B (core 1's 17 outputs span less). 2 · 1,143,808 = 2,287,616 B. Resharded input:
    // 50,176 / 2 = 25,088 sticks · 32 B = 802,816 B; with it 1,143,808 B more does not fit the bank.
    const t = failedAllocation({ file, date: '2025-09-30' }, 'vit_b32_224_patch_embed');
    assert.deepEqual([t.role, t.bytesPerCore, t.cores, t.bankBytes], ['halo output', 1_143_808, 2, 1_364_928]);
    assert.equal(t.bytesPerCore * 2, 2_287_616);
  });
  it('384 x 384: 144 patches on 5 cores, "7782400 B L1 buffer across 5 banks ... 1556480 B"', () => {
    // Core 1: outputs 32..63, from row 2, column 8 to row 5, column 3 of the 12-wide grid: first window at
    // 64·384 + 256 = 24,832, last window's end at (5·32 + 31)·384 + 3·32 + 31 = 73,471: 48,640 sticks · 32 B = 1,556,480 B
    // (core 0 spans (2·32 + 31)·384 + 7·32 + 31 + 1 = 36,736 sticks). 5 · 1,556,480 = 7,782,400 B.
    const t = failedAllocation({ file, date: '2025-09-30' }, 'vit_b32_384_patch_embed');
    assert.deepEqual([t.role, t.bytesPerCore, t.cores, t.bankBytes], ['halo output', 1_556_480, 5, 1_364_928]);
    assert.equal(t.bytesPerCore * 5, 7_782_400);
  });
});

describe("tt-metal's allocator line, word for word: the whole buffer across K banks (analysis/allocatorMessage.ts)", () => {
  // The threads quote bank_manager.cpp's line; T = K · N (the sharded buffer's aligned size), K the cores it is sharded
  // over, N each bank's shard, M the bank (l1_size − base − L1_SMALL); the tail by build (change points
  // allocator-oom-bank-size, 2025-09-03; allocator-oom-stats, 2026-01-08). Per-bank figures are derived in the tests
  // above and in threads-conv2d.test.ts; here the line a user greps tt-metal's log for must be ours.
  // The thread's label, the run, the function, the quoted line (a label saying "quoted up to" marks a quote the thread cut).
  const cases: readonly [string, Run, string | undefined, string][] = [
    [
      'tt-xla #1497',
      { file: 'conv2d_tt-xla-1497.mlir', date: '2025-09-15', arch: GALAXY },
      undefined,
      'Out of Memory: Not enough space to allocate 69599232 B L1 buffer across 72 banks, where each bank needs to store 966656 B, but bank size is only 1366016 B',
    ],
    [
      'tt-xla faster_rcnn',
      { file: 'conv2d_tt-xla-faster-rcnn.mlir', date: '2025-11-04', arch: GALAXY },
      undefined,
      'Out of Memory: Not enough space to allocate 62521344 B L1 buffer across 72 banks, where each bank needs to store 868352 B, but bank size is only 1331936 B',
    ],
    [
      'tt-xla maskformer_swin_b',
      { file: 'conv2d_tt-xla-maskformer-swin-b.mlir', date: '2025-11-01', arch: GALAXY },
      undefined,
      'Out of Memory: Not enough space to allocate 61231104 B L1 buffer across 72 banks, where each bank needs to store 850432 B, but bank size is only 1331936 B',
    ],
    [
      'tt-xla PETR',
      { file: 'conv2d_tt-xla-petr.mlir', date: '2025-11-10', arch: GALAXY },
      undefined,
      'Out of Memory: Not enough space to allocate 57952512 B L1 buffer across 72 banks, where each bank needs to store 804896 B, but bank size is only 1331936 B',
    ],
    [
      'tt-xla #918 ViT-B/32 224',
      { file: 'conv2d_tt-xla-918-vit-b32.mlir', date: '2025-09-30' },
      'vit_b32_224_patch_embed',
      'Out of Memory: Not enough space to allocate 2287616 B L1 buffer across 2 banks, where each bank needs to store 1143808 B, but bank size is only 1364928 B',
    ],
    [
      'tt-xla #918 ViT-B/32 384 (quoted up to N)',
      { file: 'conv2d_tt-xla-918-vit-b32.mlir', date: '2025-09-30' },
      'vit_b32_384_patch_embed',
      'Out of Memory: Not enough space to allocate 7782400 B L1 buffer across 5 banks, where each bank needs to store 1556480 B',
    ],
    [
      'tt-xla #1722 smp_unet_resnet101',
      { file: 'conv2d_tt-xla-1722-smp-unet.mlir', date: '2025-10-02' },
      undefined,
      'Out of Memory: Not enough space to allocate 61079552 B L1 buffer across 64 banks, where each bank needs to store 954368 B, but bank size is only 1364928 B',
    ],
    [
      'tt-xla glpn_kitti (quoted up to K)',
      { file: 'conv2d_tt-xla-glpn-kitti.mlir', date: '2025-08-29' },
      undefined,
      'Out of Memory: Not enough space to allocate 49971200 B L1 buffer across 64 banks',
    ],
    [
      "tt-forge-fe's YOLOv5s (a build before the bank-size tail: the line ends at N)",
      { file: 'conv2d_tt-forge-fe-models-yolov5s.mlir', date: '2025-02-27' },
      undefined,
      'Out of Memory: Not enough space to allocate 73859072 B L1 buffer across 64 banks, where each bank needs to store 1154048 B',
    ],
    [
      "tt-forge-fe's YOLOv8n",
      { file: 'conv2d_tt-forge-fe-models-yolov8n.mlir', date: '2025-04-01' },
      undefined,
      'Out of Memory: Not enough space to allocate 57843712 B L1 buffer across 64 banks, where each bank needs to store 903808 B',
    ],
    [
      // The printed bank, 1,362,816 = 1,499,136 − 103,552 (builds of 2026-01-16..28) − 32,768, pins the build and a
      // 32 KiB L1_SMALL; the statistics tail of PR #32150 (allocated: the 737,280 B resharded input).
      'tt-metal #36803 (max_pool2d, statistics tail)',
      { file: 'max_pool2d_tt-metal-36803.mlir', date: '2026-01-28', l1SmallSize: 32_768 },
      undefined,
      'Out of Memory: Not enough space to allocate 55386112 B L1 buffer across 64 banks, where each bank needs to store 865408 B, but bank size is 1362816 B (allocated: 737280 B, free: 625536 B, largest free block: 625536 B)',
    ],
    // The max_pool2d threads (per-bank figures derived in threads.test.ts). The printed bank pins each build:
    // 1,499,136 − base − L1_SMALL.
    [
      // 1,330,944 = − 102,656 (builds of 2025-12-04..2026-01-15) − 65,536; no statistics yet: before PR #32150.
      'tt-metal #35431 (BEVFormer-tiny)',
      { file: 'max_pool2d_tt-metal-35431.mlir', date: '2026-01-07' },
      undefined,
      'Out of Memory: Not enough space to allocate 86450176 B L1 buffer across 64 banks, where each bank needs to store 1350784 B, but bank size is only 1330944 B',
    ],
    [
      // 1,363,712 = − 102,656 − 32,768 (the user's pytest device).
      'tt-metal #35223 (smp Unet)',
      { file: 'max_pool2d_tt-metal-35223.mlir', date: '2026-01-02', l1SmallSize: 32_768 },
      undefined,
      'Out of Memory: Not enough space to allocate 75669504 B L1 buffer across 64 banks, where each bank needs to store 1182336 B, but bank size is only 1363712 B',
    ],
    [
      // 1,331,392 = − 102,208 (tt-mlir's pin tt-metal 39590dfd) − 65,536.
      'tt-xla #2659 (smp Unet)',
      { file: 'max_pool2d_tt-metal-35223.mlir', date: '2025-12-02' },
      undefined,
      'Out of Memory: Not enough space to allocate 75669504 B L1 buffer across 64 banks, where each bank needs to store 1182336 B, but bank size is only 1331392 B',
    ],
    [
      // 1,330,048 = − 103,552 (builds of 2026-01-16..28) − 65,536, with PR #32150's statistics.
      'tt-xla #3054 (SSR)',
      { file: 'max_pool2d_tt-metal-36803.mlir', date: '2026-01-28' },
      undefined,
      'Out of Memory: Not enough space to allocate 55386112 B L1 buffer across 64 banks, where each bank needs to store 865408 B, but bank size is 1330048 B (allocated: 737280 B, free: 592768 B, largest free block: 592768 B)',
    ],
    [
      'tt-xla #3050 (UniAD: the resharded input first, nothing allocated)',
      { file: 'max_pool2d_tt-metal-36802.mlir', date: '2026-01-28' },
      undefined,
      'Out of Memory: Not enough space to allocate 285081600 B L1 buffer across 64 banks, where each bank needs to store 4454400 B, but bank size is 1330048 B (allocated: 0 B, free: 1330048 B, largest free block: 1330048 B)',
    ],
  ];
  for (const [thread, run, fn, line] of cases) {
    it(`${thread}: "${line.slice('Out of Memory: Not enough space to allocate '.length)}"`, () => {
      const { op } = deviceOp(run, fn);
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
      const message = op.overflow.message;
      // A quote the thread cut must be the start of ours; a whole quote, all of it.
      if (thread.includes('quoted up to')) assert.ok(message.startsWith(line), message);
      else assert.equal(message, line);
    });
  }
});

describe("tt-metal's allocator line for an op's L1 result: an interleaved buffer across every bank", () => {
  // Interleaved: K = every L1 bank (64 on an n150), N = ⌈pages / 64⌉ · page, T = pages · page (bank_manager.cpp's
  // size). Builds of 2025-01: the line ends at N. Per-bank figures derived in threads-eltwise.test.ts.
  function opAt(run: Run, fn: string, index: number): OpAnalysis {
    const f = analyse(run).functions.find((x) => x.fn.name === fn)!;
    return f.ops[index]!;
  }
  it('tt-metal #16488 (SD3.5 VAE silu result copied to L1): "35651584 B L1 buffer across 64 banks ... 557056 B"', () => {
    // 32,768 bfloat8_b tiles · 1,088 B = 35,651,584 B; 32,768 / 64 = 512 pages · 1,088 = 557,056 B per bank.
    const run = { file: 'eltwise_tt-metal-16488.mlir', date: '2025-01-07', arch: 'wormhole_b0_n150', l1SmallSize: 0 };
    const copy = opAt(run, '@silu_sd35_vae_512x256x256_bf8', 1);
    assert.equal(copy.op.name, 'ttnn.to_memory_config');
    assert.equal(
      copy.overflow?.message,
      'Out of Memory: Not enough space to allocate 35651584 B L1 buffer across 64 banks, where each bank needs to store 557056 B',
    );
  });
  it('tt-metal #16521 (SD3.5 gelu input moved to L1): "100663296 B L1 buffer across 64 banks ... 1572864 B"', () => {
    // 49,152 bf16 tiles · 2,048 B = 100,663,296 B; 49,152 / 64 = 768 pages · 2,048 = 1,572,864 B per bank.
    const toDevice = opAt({ file: 'eltwise_tt-metal-16521.mlir', date: '2025-01-06', l1SmallSize: 0 }, '@gelu_sd35', 0);
    assert.equal(toDevice.op.name, 'ttnn.to_device');
    assert.equal(
      toDevice.overflow?.message,
      'Out of Memory: Not enough space to allocate 100663296 B L1 buffer across 64 banks, where each bank needs to store 1572864 B',
    );
  });
});
