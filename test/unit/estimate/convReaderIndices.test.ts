/**
 * conv2d's READER_INDICES CB with `config_tensors_in_dram`, on both sides of tt-metal PR #43193 (change point
 * conv2d-reader-indices-actual-page, 2026-04-30) and of PR #34957 (conv2d-1d-conv-on-height, 2025-12-25).
 * Sources: tt-metal conv2d_op_program_factory_common.cpp@7785814f74 / @984f529e2f (get_cb_info, is_split_reader_viable),
 * sliding_window.cpp@984f529e2f (generate_sliding_window_op_config, construct_on_host_config_tensor),
 * conv2d_op_program_factory_common.cpp@999bb7c959 (the three-word case before PR #34957). Every figure is worked by hand
 * in the comment beside it.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { DEVICE_VALUE, dialect, int, ints, op, tensor, whContext } from './build';

function conv(o: {
  h: number;
  w: number;
  cIn: number;
  cOut: number;
  k: number;
  p: number;
  config: Record<string, string>;
  input?: ReturnType<typeof tensor>;
}) {
  const outH = o.h + 2 * o.p - o.k + 1;
  const outW = o.w + 2 * o.p - o.k + 1;
  return op(
    'ttnn.conv2d',
    [
      o.input ?? tensor([1, 1, o.h * o.w, o.cIn], { buffer: 'l1' }),
      tensor([o.cOut, o.cIn, o.k, o.k], { buffer: 'system_memory', page: 'row_major' }),
      DEVICE_VALUE,
    ],
    [tensor([1, 1, outH * outW, o.cOut], { buffer: 'l1' })],
    {
      in_channels: int(o.cIn),
      out_channels: int(o.cOut),
      batch_size: int(1),
      input_height: int(o.h),
      input_width: int(o.w),
      kernel_size: ints(o.k, o.k),
      stride: ints(1, 1),
      padding: ints(o.p, o.p),
      dilation: ints(1, 1),
      groups: int(1),
      conv2d_config: dialect('ttnn.conv2d_config', { ...o.config, config_tensors_in_dram: 'true' }),
    },
  );
}

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : 'reason' in r ? r.reason : r.kind);
  return r;
}

function readerIndicesPage(r: OpEstimateResult): number {
  const cb = est(r).cbs.find((c) => c.role === 'reader indices');
  assert.ok(cb !== undefined);
  return cb.nPages * cb.pageBytes;
}

const before = whContext({ ttMetalDate: '2026-04-29' });
const after = whContext({ ttMetalDate: '2026-04-30' });

describe('estimate/conv2d reader indices (config tensors in DRAM)', () => {
  // 56x56x64 → 64, k3 p1, height sharded (conv.test.ts's case): 49 cores, per core 2x2 tiles (64 outputs), padded
  // input 58 wide, so the top-left index jumps by 58 − 55 = 3 ≠ stride 1 where the next output starts a row: a new run.
  // A core's outputs [64c, 64c + 63]; the next row start after 64c is 56 − (8c mod 56) ∈ {8, …, 56} away, so a core
  // holds at most one row start and none within 7 of its first output.
  it('height sharded, act_block_h_override 32 (two 32-output blocks): 128 B worst case, then 20 B', () => {
    // Two blocks per core, no split reader (one tile row per block). Core 0: [0, 31] one run (4 words), [32, 63] holds
    // row start 56 (2 runs, 6 words): 10 words; no core has more (one row start per core) → 10 words, 20 B.
    // Worst case (before PR #43193): per_core_M 2 · 32 words · 2 B = 128 B.
    const o = conv({
      h: 56,
      w: 56,
      cIn: 64,
      cOut: 64,
      k: 3,
      p: 1,
      config: { shard_layout: 'height_sharded', act_block_h_override: '32' },
    });
    assert.equal(readerIndicesPage(estimateOp(o, before)), 128);
    assert.equal(readerIndicesPage(estimateOp(o, after)), 20);
  });

  it("height sharded, one 64-output block: the window's cost model declines the split reader → 12 B", () => {
    // act_block_h 2 tiles, so is_split_reader_viable decides (Wormhole, bf16 halo in and out, no fp32 acc):
    //   act unit 2 B · 64 · 3 = 384 B: local L1 rate 0.868 + (27.84 − 0.868)/(1024 − 16) · (384 − 16) = 10.715 GB/s;
    //   act bytes 2 · 2·32 · 64 · 3 = 24,576 → 2,293.6 cycles;
    //   weights 2 (per_core_N) · 6 (act_block_w) tiles · 2,048 = 24,576 B: mcast 0.318 + 25.027/65,520 · 24,560 =
    //   9.699 GB/s, DRAM at one 2,048 B tile 28.411 GB/s → 24,576 · (1/28.411 + 1/9.699) = 3,398.8 cycles;
    //   tilize 61 cycles (WH, bf16 → bf16) · 12 tiles = 732.
    //   split: 2,293.6/2 + max(3,398.8, 732) = 4,545.6; single: max(2,293.6 + 732, 3,398.8) = 3,398.8 → no split.
    // One block of 64 outputs per core with at most one row start: 2 runs, 2 + 2·2 = 6 words, 12 B (a split reader
    // would give two blocks, 10 words, 20 B).
    const o = conv({ h: 56, w: 56, cIn: 64, cOut: 64, k: 3, p: 1, config: { shard_layout: 'height_sharded' } });
    assert.equal(readerIndicesPage(estimateOp(o, before)), 128);
    assert.equal(readerIndicesPage(estimateOp(o, after)), 12);
  });

  it('block sharded 56x56x256 k3 on 8x8: always split (blocks of 224 and 192 outputs) → 48 B', () => {
    // conv.test.ts's block case: 8 NHW cores of 416 outputs (13 tiles), act_block_h 13 → split reader (block sharded,
    // more than one tile row): blocks of 7·32 = 224 and 6·32 = 192 outputs. Row starts every 56 outputs (new runs).
    // Core c starts at 416c, r = 416c mod 56: a 224-block holds 3 row starts if r = 0, else 4; a 192-block 4 only if
    // its own r ≥ 33. Core 2: r = 48 → 4 starts (5 runs, 12 words); second block at 1,056, r = 48 → 4 (12 words): 24.
    // Cores 0, 1, 3, 5, 6: ≤ 22; core 4 (r 40, 40): 24; core 7 (2,912..3,135, r 0, one block): 10. → 24 words, 48 B.
    // (Unsplit, one 416-block: at most 8 row starts → 20 words, 40 B.) Worst case 13 · 32 · 2 = 832 B.
    const o = conv({ h: 56, w: 56, cIn: 256, cOut: 256, k: 3, p: 1, config: { shard_layout: 'block_sharded' } });
    assert.equal(readerIndicesPage(estimateOp(o, before)), 832);
    assert.equal(readerIndicesPage(estimateOp(o, after)), 48);
  });

  it('width sharded 8x8x1568 k3 p1 on 49 cores: one 64-output block → 36 B', () => {
    // One NHW core, per_core_M 2 tiles, one block of all 64 outputs; padded width 10, rows of 8: the index jumps by
    // 10 − 7 = 3 at the 7 row starts → 8 runs, 2 + 2·8 = 18 words, 36 B (worst case 2 · 32 · 2 = 128 B).
    const ws = tensor([1, 1, 64, 1568], { buffer: 'l1', mem: 'width_sharded', grid: [1, 49] });
    const o = conv({ h: 8, w: 8, cIn: 1568, cOut: 1568, k: 3, p: 1, config: {}, input: ws });
    assert.equal(readerIndicesPage(estimateOp(o, before)), 128);
    assert.equal(readerIndicesPage(estimateOp(o, after)), 36);
  });

  // A 64x1 image, k3 p1, width sharded on 2 cores: outputs 64x1, one NHW core, per_core_M 2 tiles, one 64-output block.
  // Padded width 3: every next output is a row start whose index jumps by 3 ≠ 1, so every output is its own run.
  const column = () => {
    const ws = tensor([1, 1, 64, 64], { buffer: 'l1', mem: 'width_sharded', grid: [1, 2] });
    return conv({ h: 64, w: 1, cIn: 64, cOut: 64, k: 3, p: 1, config: {}, input: ws });
  };

  it('an image one column wide: 3 words per output row before PR #34957, 1 after (the worst case)', () => {
    // get_cb_info@999bb7c959..e88993ce77^: is_1d_conv = input height ≠ 1 and width 1 → per_core_M 2 · 32 · 6 B = 384 B.
    assert.equal(readerIndicesPage(estimateOp(column(), whContext({ ttMetalDate: '2025-12-24' }))), 384);
    assert.equal(readerIndicesPage(estimateOp(column(), whContext({ ttMetalDate: '2025-12-25' }))), 128);
  });

  it("since PR #43193 the same conv's 130-word list exceeds the 64-word worst case: tt-metal's TT_FATAL", () => {
    // 64 runs: 2 + 2·64 = 130 words = 260 B > 2 · 32 · 2 = 128 B.
    const r = estimateOp(column(), after);
    assert.equal(r.kind, 'illegal');
    assert.match(
      r.kind === 'illegal' ? r.rule : '',
      /Reader indices buffer page size 260 exceeds worst-case CB size 128 \(config tensor layout changed\?\)/,
    );
  });
});
