/**
 * Convolution family, hand-derived from tt-metal's formulas (conv2d_utils.cpp@002a3f4 determine_parallel_config /
 * get_conv_configs / determine_per_core_conv_block_config, conv2d_op_program_factory_common.cpp@003324f get_cb_info,
 * pool_utils.cpp calculate_L1_usage, the batch_norm and upsample factories, conv3d validate). Each case writes the
 * arithmetic out; none reads a figure from the code under test.
 */

import { strict as assert } from 'assert';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue } from '../../../server/src/ttnn/op';
import { chooseConv3dBlocking, conv3dBlockingProblem } from '../../../server/src/fixes/conv3dConfig';
import { DEVICE_VALUE, dialect, int, ints, op, tensor, whContext } from './build';
import { FULL_WINDOW } from '../../../server/src/estimate/changePoints';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(
    r.kind,
    'estimate',
    r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : 'rule' in r ? r.rule : ''}`,
  );
  return r;
}

const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
const host = (shape: number[]) => tensor(shape, { buffer: 'system_memory', page: 'row_major' });

function conv2d(o: {
  n: number;
  h: number;
  w: number;
  cIn: number;
  cOut: number;
  k: number;
  s: number;
  p: number;
  config?: Record<string, string>;
  name?: string;
  input?: ReturnType<typeof tensor>;
  groups?: number;
}) {
  const outH =
    o.name === 'ttnn.conv_transpose2d'
      ? (o.h - 1) * o.s - 2 * o.p + (o.k - 1) + 1
      : Math.floor((o.h + 2 * o.p - o.k) / o.s) + 1;
  const outW =
    o.name === 'ttnn.conv_transpose2d'
      ? (o.w - 1) * o.s - 2 * o.p + (o.k - 1) + 1
      : Math.floor((o.w + 2 * o.p - o.k) / o.s) + 1;
  const props: Record<string, PropValue> = {
    in_channels: int(o.cIn),
    out_channels: int(o.cOut),
    batch_size: int(o.n),
    input_height: int(o.h),
    input_width: int(o.w),
    kernel_size: ints(o.k, o.k),
    stride: ints(o.s, o.s),
    padding: ints(o.p, o.p),
    dilation: ints(1, 1),
    groups: int(o.groups ?? 1),
  };
  if (o.config !== undefined) props['conv2d_config'] = dialect('ttnn.conv2d_config', o.config);
  return op(
    o.name ?? 'ttnn.conv2d',
    [o.input ?? l1([1, 1, o.n * o.h * o.w, o.cIn]), host([o.cOut, o.cIn / (o.groups ?? 1), o.k, o.k]), DEVICE_VALUE],
    [l1([1, 1, o.n * outH * outW, o.cOut])],
    props,
  );
}

/** A 32x32x256 → 256 f32 1x1 conv, tiled DRAM interleaved input and result, host weights, no conv2d_config. */
function f32Conv32x32x256() {
  const f32 = (shape: number[], buffer: 'dram' | 'system_memory' = 'dram') =>
    tensor(shape, { dtype: 'f32', buffer, ...(buffer === 'system_memory' ? { page: 'row_major' as const } : {}) });
  return op(
    'ttnn.conv2d',
    [f32([1, 1, 1024, 256]), f32([256, 256, 1, 1], 'system_memory'), DEVICE_VALUE],
    [f32([1, 1, 1024, 256])],
    {
      in_channels: int(256),
      out_channels: int(256),
      batch_size: int(1),
      input_height: int(32),
      input_width: int(32),
      kernel_size: ints(1, 1),
      stride: ints(1, 1),
      padding: ints(0, 0),
      dilation: ints(1, 1),
      groups: int(1),
    },
  );
}

describe('estimate/conv2d', () => {
  it("an IR width-sharded input's 1x49 virtual grid prints the physical row-wise range (0,0)-(7,5)", () => {
    // tt-mlir's width-sharded layout: <1x49> virtual cores, virt_to_physical_map (d0, d1) -> (0, d1 floordiv 8, d1 mod 8)
    // (corpus vovnet.opt.ttnn.mlir #ttnn_layout125): cores 0..47 fill rows 0..5 of the 8-column grid, core 48 is
    // (0,6). The factory computes on the input's shard grid, whose first range tt-metal prints (conv2d.ts [18]):
    // (0,0)-(7,5), not a 49-wide row (the grid has 8 columns).
    const ws = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'width_sharded', grid: [1, 49] });
    const o = conv2d({ n: 1, h: 8, w: 8, cIn: 1568, cOut: 1568, k: 3, s: 1, p: 1, input: ws([1, 1, 64, 1568]) });
    const e = est(estimateOp(o, whContext({ ttMetalDate: '2025-06-01' })));
    assert.match(e.factoryReason, /^input already width_sharded on 49 cores/);
    assert.deepEqual(e.reportedRange, [
      [0, 0],
      [7, 5],
    ]);
  });
  it('height sharded: 56x56x64 → 64, k3 p1 on 49 cores, no split reader, 73,792 B', () => {
    // NHW_t = 3136/32 = 98; largest d ≤ 64 whose padding of 98 is < one share: d = 49 (d = 50: 100 − 98 = 2 ≥ 100/50).
    // per core 2x2 tiles; C_align 32 (tiled L1 input) → act_block_w = round_up(64·3, 32)/32 = 6 tiles.
    // WEIGHTS 2·6 = 12 (one act block in h, no double buffer); is_split_reader_viable (PR #27731's cycle model, worked
    // in convReaderIndices.test.ts): split 4,545.6 cycles ≥ single 3,398.8 → no split: ACT 2·6 = 12;
    // ACT_TILIZED 2·6 = 12 → 36 tiles · 2,048 + 64 = 73,792 B (a split would only move 6 of ACT's tiles to ACT_SECOND).
    const e = est(
      estimateOp(
        conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1, config: { shard_layout: 'height_sharded' } }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesSummedOverRanges, 73_792);
    assert.equal(e.nCoresUsed, 49);
    assert.deepEqual(
      e.cbs.filter((c) => c.role.startsWith('act')).map((c) => c.nPages),
      [12, 12],
    );
  });

  it('height sharded with act_block_h_override 32: two act blocks per core → weights fully buffered (×kH), 98,368 B', () => {
    // Same conv; per core 2 tiles, act_block_h 1 → num_blocks_act_h 2 > 1: WEIGHTS 2·6·3 = 36; ACT 6 (no split: one
    // tile row); ACT_TILIZED 6 → 48 · 2,048 + 64 = 98,368 B.
    const e = est(
      estimateOp(
        conv2d({
          n: 1,
          h: 56,
          w: 56,
          cIn: 64,
          cOut: 64,
          k: 3,
          s: 1,
          p: 1,
          config: { shard_layout: 'height_sharded', act_block_h_override: '32' },
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesSummedOverRanges, 98_368);
  });

  it('block sharded: 56x56x256 → 256, k3 p1 on 8x8, ACT_ROW_MAJOR overlapped, 165,952 B', () => {
    // in blocks = 256/32 = 8; NHW cores: d = 8 on the grid's 8 rows (104 − 98 = 6 < 13); C cores 8; 64 cores.
    // NHW shard = round_up(3136, 8·32)/8 = 416 rows = 13 tiles; per_core_N = 256/8/32 = 1;
    // act_block_w = round_up(256/8·3, 32)/32 = 3. WEIGHTS 1·3 = 3; ACT 13·3 = 39 (output-tile pages);
    // ACT_TILIZED 39; ACT_ROW_MAJOR overlaps ACT (bf16 in and out) → 81 · 2,048 + 64 = 165,952 B.
    const e = est(
      estimateOp(
        conv2d({
          n: 1,
          h: 56,
          w: 56,
          cIn: 256,
          cOut: 256,
          k: 3,
          s: 1,
          p: 1,
          config: { shard_layout: 'block_sharded' },
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesSummedOverRanges, 165_952);
    assert.equal(e.nCoresUsed, 64);
  });

  it('block sharded with a wider output grid: CBs on the output grid once it is decoupled (PR #27767), the input grid before', () => {
    // 1x64x64, 64 → 256, k3 p1, tiled L1 input (channel alignment 32), forced block_sharded on the 8x8 grid:
    // NHW 4,096 = 128 tiles over 8 rows (16 each); C_in 2 tiles → 2 channel cores, so the input grid is 2x8.
    // From PR #27767 (2025-09) the output re-splits C_out's 8 tiles over the 8 columns: an 8x8 output grid, and the
    // 2026 factory (conv2d_op_sharded_program_factory.cpp@55e3268) creates the CBs on input_cores.merge(output_cores)
    // = (0,0)-(7,7). Before it the output kept the input's 2 channel cores (8 output tiles over 2 = 4 per core): the
    // whole program on (0,0)-(1,7), the grid's bounding box (optimized_conv_op_sharded_v2.cpp).
    const conv = conv2d({
      n: 1,
      h: 64,
      w: 64,
      cIn: 64,
      cOut: 256,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'block_sharded' },
    });
    const after = est(estimateOp(conv, whContext({ ttMetalDate: '2026-06-01' })));
    assert.equal(after.nCoresUsed, 64);
    assert.deepEqual(after.reportedRange, [
      [0, 0],
      [7, 7],
    ]);
    const before = est(estimateOp(conv, whContext({ ttMetalDate: '2025-08-01' })));
    assert.equal(before.nCoresUsed, 16);
    assert.deepEqual(before.reportedRange, [
      [0, 0],
      [1, 7],
    ]);
  });

  it('width sharded: 8x8x512 → 512, k3 p1 on 16 cores, 129,088 B', () => {
    // C tiles 16 → 16 cores (no padding); NHW 64 rows unpadded → per core 2 tiles high, 512/16/32 = 1 wide;
    // act_block_w = 512·9/16 = 288 → 9 tiles. WEIGHTS 9; ACT 2·9 = 18; ACT_TILIZED 18; ACT_ROW_MAJOR 2·9 = 18
    // → 63 · 2,048 + 64 = 129,088 B.
    const e = est(
      estimateOp(
        conv2d({ n: 1, h: 8, w: 8, cIn: 512, cOut: 512, k: 3, s: 1, p: 1, config: { shard_layout: 'width_sharded' } }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesSummedOverRanges, 129_088);
    assert.equal(e.nCoresUsed, 16);
  });

  it('act and weights double buffering double their CBs', () => {
    // The height case above with both flags: WEIGHTS 24, ACT 12 + 12, ACT_TILIZED 12 → 60 · 2,048 + 64 = 122,944 B.
    const e = est(
      estimateOp(
        conv2d({
          n: 1,
          h: 56,
          w: 56,
          cIn: 64,
          cOut: 64,
          k: 3,
          s: 1,
          p: 1,
          config: {
            shard_layout: 'height_sharded',
            enable_act_double_buffer: 'true',
            enable_weights_double_buffer: 'true',
          },
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesSummedOverRanges, 122_944);
  });

  it('1x1 stride-1 conv runs matmul with the conv blocks: 16,384 B', () => {
    // 56x56x64 → 128, height on 49 cores: per_core_M 2, per_core_N 128/32 = 4, K_t = 64/32 = 2 = in0_block_w (one K
    // block, no double buffering). The 1D mcast-in1 factory (bmm_op_multi_core_reuse_mcast_1d_optimized.cpp@021f9d3)
    // puts c_0 (2·2 tiles) on the height-sharded input itself (shard width 2 / in0_block_w 2 = 1): no static bytes;
    // in1 4·2 = 8 tiles, output tensor-backed → 8 · 2,048 = 16,384 B.
    const e = est(
      estimateOp(
        conv2d({
          n: 1,
          h: 56,
          w: 56,
          cIn: 64,
          cOut: 128,
          k: 1,
          s: 1,
          p: 0,
          config: { shard_layout: 'height_sharded' },
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesSummedOverRanges, 16_384);
    assert.match(e.factory, /matmul/);
    // Its program is ttnn::matmul's 1D mcast factory, whose Metal 2.0 port words the overflow message.
    assert.equal(e.programFactory, 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
  });

  it('conv_transpose2d runs the conv program on the expanded input: 8x8x32, k2 s2 → 16x16, 12,352 B', () => {
    // Output 16x16 = 256 rows = 8 tiles → 8 cores of 1 tile; act_block_w = round_up(32·2, 32)/32 = 2;
    // WEIGHTS 1·2 = 2, ACT 2, ACT_TILIZED 2 → 6 · 2,048 + 64 = 12,352 B.
    const e = est(
      estimateOp(
        conv2d({
          n: 1,
          h: 8,
          w: 8,
          cIn: 32,
          cOut: 32,
          k: 2,
          s: 2,
          p: 0,
          name: 'ttnn.conv_transpose2d',
          config: { shard_layout: 'height_sharded' },
        }),
        whContext(),
      ),
    );
    assert.equal(e.cbBytesSummedOverRanges, 12_352);
  });

  it('DRAM input without an l1_full slice config slices the output until it fits', () => {
    // 1x512x512x64 → 64, k3 p1 (262,144 output rows): one slice needs ≫ 1.4 MB per core.
    const op0 = conv2d({
      n: 1,
      h: 512,
      w: 512,
      cIn: 64,
      cOut: 64,
      k: 3,
      s: 1,
      p: 1,
      input: tensor([1, 1, 512 * 512, 64]),
    });
    // The golden build (2025-11-27) slices by tt-metal's best guess (PR #27147): a tiled output, input 512 ≥ 200 wide
    // and not taller than wide → width.
    const e = est(estimateOp(op0, whContext()));
    const slices = Number(/(\d+) output-width slice/.exec(e.factoryReason)?.[1]);
    assert.ok(slices > 1, e.factoryReason);
    assert.ok(e.cbRegionEndBytes <= 1_499_136);
  });

  it("the DRAM path's slice count reads free L1, so the registry says conv2d reads live L1 and properties", () => {
    const op0 = conv2d({
      n: 1,
      h: 512,
      w: 512,
      cIn: 64,
      cOut: 64,
      k: 3,
      s: 1,
      p: 1,
      input: tensor([1, 1, 512 * 512, 64]),
    });
    const slices = (live: number): number =>
      Number(/(\d+) output-width slice/.exec(est(estimateOp(op0, whContext({ live }))).factoryReason)?.[1]);
    assert.ok(slices(800_000) > slices(0));
    const { properties, liveL1 } = estimatorReads('ttnn.conv2d');
    assert.deepEqual({ properties, liveL1 }, { properties: true, liveL1: true });
    assert.deepEqual(estimatorReads('ttnn.max_pool2d'), { properties: true, liveL1: false });
  });

  it('a hostile act_block_h_override (2^30) follows tt-metal to one core, quickly (the divisor scans start at the number)', () => {
    const r = estimateOp(
      conv2d({
        n: 1,
        h: 56,
        w: 56,
        cIn: 64,
        cOut: 64,
        k: 3,
        s: 1,
        p: 1,
        config: { shard_layout: 'height_sharded', act_block_h_override: String(2 ** 30) },
      }),
      whContext(),
    );
    // The override's 2^25 tiles also multiply determine_parallel_config's unit: every core count pads too much, so one
    // core takes all 98 tile rows; the act block is the closest divisor of 98 below 2^25 = 98.
    // WEIGHTS 2·6 = 12 (one act block); ACT 49·6 + 49·6 = 588 (split); ACT_TILIZED 98·6 = 588 → 1,188 · 2,048 + 64.
    assert.equal(est(r).cbBytesSummedOverRanges, 2_433_088);
    assert.equal(est(r).nCoresUsed, 1);
  });

  it('rejects an act_block_h_override that is not a tile multiple', () => {
    const r = estimateOp(
      conv2d({
        n: 1,
        h: 56,
        w: 56,
        cIn: 64,
        cOut: 64,
        k: 3,
        s: 1,
        p: 1,
        config: { shard_layout: 'height_sharded', act_block_h_override: '48' },
      }),
      whContext(),
    );
    assert.equal(r.kind, 'illegal');
  });

  it('reads 2024-era split attributes (kernel_height, stride_width, ...) and the DPS output operand is no bias', () => {
    const props: Record<string, PropValue> = {
      in_channels: int(64),
      out_channels: int(64),
      batch_size: int(1),
      input_height: int(56),
      input_width: int(56),
      groups: int(1),
      kernel_height: int(3),
      kernel_width: int(3),
      stride_height: int(1),
      stride_width: int(1),
      padding_height: int(1),
      padding_width: int(1),
      dilation_height: int(1),
      dilation_width: int(1),
      conv2d_config: dialect('ttnn.conv2d_config', { shard_layout: 'height_sharded' }),
    };
    const o = op(
      'ttnn.conv2d',
      [l1([1, 1, 3136, 64]), host([64, 64, 3, 3]), l1([1, 1, 3136, 64]), DEVICE_VALUE],
      [l1([1, 1, 3136, 64])],
      props,
    );
    // Same as the first height case: 73,792 B (no BIAS CB).
    assert.equal(est(estimateOp(o, whContext())).cbBytesSummedOverRanges, 73_792);
  });
});

/** A 1x1 stride-1 conv (the matmul path) of a 32x32x64 input in L1, height sharded by its conv2d_config. */
function heightShardedMatmulConv(page: 'row_major' | 'tile'): OpEstimate {
  const o = conv2d({
    n: 1,
    h: 32,
    w: 32,
    cIn: 64,
    cOut: 64,
    k: 1,
    s: 1,
    p: 0,
    config: { shard_layout: 'height_sharded' },
    input: tensor([1, 1, 1024, 64], { page, buffer: 'l1' }),
  });
  return est(estimateOp(o, whContext()));
}

describe('estimate/batch_norm, pools, upsample, prepare_conv2d_*', () => {
  /** ResNet's stem pool: 3x3, stride 2, pad 1 over a 1x64x112x112 image. */
  const MAX_POOL_112_3X3_S2 = {
    batch_size: int(1),
    channels: int(64),
    input_height: int(112),
    input_width: int(112),
    kernel_size: ints(3, 3),
    stride: ints(2, 2),
    padding: ints(1, 1),
    dilation: ints(1, 1),
  };

  it('batch_norm with f32 tensors: 9 CBs × 2 f32 tiles = 73,728 B', () => {
    const f32 = (s: number[]) => tensor(s, { dtype: 'f32' });
    const o = op(
      'ttnn.batch_norm_inference',
      [f32([1, 64, 112, 112]), f32([1, 64, 1, 1]), f32([1, 64, 1, 1]), f32([1, 64, 1, 1]), f32([1, 64, 1, 1])],
      [f32([1, 64, 112, 112])],
      { operandSegmentSizes: ints(1, 1, 1, 1, 1) },
    );
    assert.equal(est(estimateOp(o, whContext())).cbBytesSummedOverRanges, 9 * 2 * 4096);
  });

  it('max_pool2d on a height-sharded input: 14,336 B', () => {
    // in_ntiles_c = 64/32 = 2; kH·kW = 9 ≤ 16 rows; in_cb = 2·32·9 = 576 → 1,024 elements → 2,048 B pages.
    // scalar 2·2,048 + clear 2,048 + two readers 2·(2·2,048) = 14,336 B (row-major output: no pre-tilize CB).
    const hs = (shape: number[], page: 'tile' | 'row_major') =>
      tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [64, 1], page });
    const o = op(
      'ttnn.max_pool2d',
      [hs([1, 1, 12544, 64], 'row_major')],
      [hs([1, 1, 3136, 64], 'row_major')],
      MAX_POOL_112_3X3_S2,
    );
    const e = est(estimateOp(o, whContext()));
    assert.equal(e.cbBytesSummedOverRanges, 14_336);
    assert.equal(e.nCoresUsed, 64);
  });

  it('max_pool2d with in_place_halo = true on an L1-sharded input: unmodeled from tt-metal PR #19834 to PR #31516, the plain halo outside', () => {
    // The in-place halo frees the caller's own sharded input and puts the halo output in its place, which the live-tensor
    // accounting cannot express (a resharded input is modeled: inPlaceHalo.test.ts): the estimate must say so rather than
    // give the out-of-place figure. Before the flag existed, and from its removal (PR #31516, 2025-11-10), the plain
    // halo runs.
    const hs = (shape: number[]) =>
      tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [64, 1], page: 'row_major' });
    const props = { ...MAX_POOL_112_3X3_S2, in_place_halo: { kind: 'bool', value: true } as PropValue };
    const o = op('ttnn.max_pool2d', [hs([1, 1, 12544, 64])], [hs([1, 1, 3136, 64])], props);
    const after = estimateOp(o, whContext({ ttMetalDate: '2025-11-09' }));
    assert.equal(after.kind, 'unmodeled');
    assert.match(after.kind === 'unmodeled' ? after.reason : '', /in_place_halo/);
    // 2025-03-01 predates the flag, 2025-11-10 is the day of its removal: the 14,336 B of the case above.
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2025-03-01' }))).cbBytesSummedOverRanges, 14_336);
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2025-11-10' }))).cbBytesSummedOverRanges, 14_336);
  });

  it("conv2d's own L1 tensors: the resharded input, the halo output and the conv output shard, in that order", () => {
    // The 49-core height-sharded conv above, from an L1 interleaved input to an L1 interleaved result (conv2d.cpp@645aa76).
    // Reshard: 3,136 rows → round_up(3,136, 49·32) / 49 = 64 rows · 64 ch = 4 tiles · 2,048 = 8,192 B, freed after the halo.
    // Halo: 64 outputs per core over 56-wide rows; cores start at columns 0, 8, …, 48 (64·k mod 56), so the last output
    // is 1 row and 7 columns on: (58 + 7) + (2·58 + 3) = 184 padded sticks · 64 ch · 2 B = 23,552 B.
    // Output: the interleaved result is a copy, so the 2x2-tile sharded output (8,192 B) is held while the conv runs.
    const e = est(
      estimateOp(
        conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1, config: { shard_layout: 'height_sharded' } }),
        whContext(),
      ),
    );
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram]),
      [
        ['resharded conv input', 8_192, false],
        ['halo output', 23_552, true],
        ['conv output shard', 8_192, true],
      ],
    );
  });

  it('a 1x1 conv (matmul) of a row-major input: the resharded input, then its tilized copy, no halo', () => {
    // 32x32x64 → 64, k1: NHW_t 32 → 32 cores of 32 rows. Reshard (row-major) 32 rows · 64 · 2 B = 4,096 B; tilized
    // 1 x 2 tiles = 4,096 B held by the matmul; the output shard 1 x 2 tiles = 4,096 B (the result is interleaved).
    const e = heightShardedMatmulConv('row_major');
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram]),
      [
        ['resharded conv input', 4_096, false],
        ['tilized conv input', 4_096, true],
        ['conv output shard', 4_096, true],
      ],
    );
  });

  it('the halo program of that tiled input: two pad sticks and two double-buffered 2-tile untilize CBs, 16,640 B', () => {
    // Halo input shard width 64 = 2 tiles, stick 64 · 2 B = 128 B: 2 · 128 + 2 · (2 · 2 tiles · 2,048) = 16,640 B
    // (untilize_with_halo_program_factory.cpp@02a3583, after tt-metal PRs #19770 and #20129).
    const e = est(
      estimateOp(
        conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1, config: { shard_layout: 'height_sharded' } }),
        whContext(),
      ),
    );
    // Its CBs sit on the halo output's shard grid, the 49 height cores row-wise: the first range is the 6 full rows.
    assert.deepEqual(e.l1Intermediates?.[1]?.writerProgram, {
      name: 'halo (untilize_with_halo)',
      cbBytesPerCore: 16_640,
      printedRange: [
        [0, 0],
        [7, 5],
      ],
    });
    // Before PR #19770 (2025-03): one pad stick and the whole untilized shard, 2 tiles × round_up(3,136 / 49 = 64 rows,
    // 32) / 32 = 2 tile rows → 4 tiles · 2,048 = 8,192 + 128 = 8,320 B.
    const early = est(
      estimateOp(
        conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1, config: { shard_layout: 'height_sharded' } }),
        whContext({ ttMetalDate: '2025-03-01' }),
      ),
    );
    assert.equal(early.l1Intermediates?.[1]?.writerProgram?.cbBytesPerCore, 8_320);
  });

  it('reallocate_halo_output = false: the resharded input leaves a hole above the halo output (no move) [conv2d.cpp]', () => {
    const run = (config: Record<string, string>) =>
      est(estimateOp(conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1, config }), whContext()))
        .l1Intermediates?.[0]?.freedLeavesHole;
    assert.equal(run({ shard_layout: 'height_sharded' }), undefined, 'C++ default true (tt-metal PR #16185): moved up');
    assert.equal(run({ shard_layout: 'height_sharded', reallocate_halo_output: 'false' }), true);
  });

  it('an IR without reallocate_halo_output takes the build default: false before tt-metal PR #16185 (2025-01-07)', () => {
    // conv2d_utils.hpp@13661ed (2024-12-25) declares `reallocate_halo_output = false`; 16ff6f03e2 (PR #16185, on main
    // 2025-01-07) makes it true. The 56x56 height-sharded conv reshards its input, so with no move the freed resharded
    // input stays a hole above the halo output.
    const run = (ttMetalDate: string, config: Record<string, string>) =>
      est(
        estimateOp(
          conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1, config }),
          whContext({ ttMetalDate }),
        ),
      ).l1Intermediates?.[0]?.freedLeavesHole;
    assert.equal(run('2025-01-06', { shard_layout: 'height_sharded' }), true);
    assert.equal(run('2025-01-07', { shard_layout: 'height_sharded' }), undefined);
    assert.equal(
      run('2025-01-06', { shard_layout: 'height_sharded', reallocate_halo_output: 'true' }),
      undefined,
      "the IR's own flag wins",
    );
  });

  it('a matmul conv: a row-major resharded input leaves a hole above its tilized copy; a tiled one is the matmul input', () => {
    const mm = (page: 'row_major' | 'tile') => heightShardedMatmulConv(page).l1Intermediates?.[0];
    assert.deepEqual(
      [mm('row_major')?.liveDuringProgram, mm('row_major')?.freedLeavesHole],
      [false, true],
      'tilize_with_optional_deallocation drops it with no move',
    );
    assert.deepEqual([mm('tile')?.liveDuringProgram, mm('tile')?.freedLeavesHole], [true, undefined]);
  });

  it('upsample nearest, row-major DRAM: one double-buffered stick of C elements, 256 B', () => {
    // 1x16x16x64 → 256 sticks over 64 cores = 4 each → 2 pages of round_up(64·2, 32) = 128 B.
    const rm = (s: number[]) => tensor(s, { page: 'row_major' });
    const o = op('ttnn.upsample', [rm([1, 16, 16, 64])], [rm([1, 32, 32, 64])], {
      scale_factor: int(2),
      mode: { kind: 'string', value: 'nearest' },
    });
    assert.equal(est(estimateOp(o, whContext())).cbBytesSummedOverRanges, 256);
  });

  it('prepare_conv2d_weights on host weights runs no device program; on device weights it says why not modeled', () => {
    const onHost = op('ttnn.prepare_conv2d_weights', [host([64, 3, 7, 7]), DEVICE_VALUE], [tensor([1, 1, 147, 64])]);
    assert.equal(estimateOp(onHost, whContext()).kind, 'noProgram');
    const onDevice = op(
      'ttnn.prepare_conv2d_weights',
      [tensor([64, 3, 7, 7]), DEVICE_VALUE],
      [tensor([1, 1, 147, 64])],
    );
    const r = estimateOp(onDevice, whContext());
    assert.equal(r.kind, 'unmodeled');
    assert.match(r.kind === 'unmodeled' ? r.reason : '', /device ops/);
  });
});

describe('conv3d blocking (fix search)', () => {
  // Mochi %24: 1x6x60x106x768 → 1x4x60x106x768, k3x3x3, bias; WH n150 (base 102,656 B, L1 1,499,136 B).
  const rm = (s: number[]) => tensor(s, { page: 'row_major' });
  const mochi = op(
    'ttnn.conv3d',
    [rm([1, 6, 60, 106, 768]), tensor([20736, 768]), tensor([1, 768]), DEVICE_VALUE],
    [rm([1, 4, 60, 106, 768])],
    {
      in_channels: int(768),
      out_channels: int(768),
      kernel_size: ints(3, 3, 3),
    },
  );

  it('proposes C_in 384, C_out 32, W block 2: 1,481,472 B region end', () => {
    // C_in 768 (one block): K_t = 27·768/32 = 648 → vol2col_tiled + weight ≥ 2·648·2,048 B > L1. C_in 384: K_t = 324,
    // C_out 32: N_t = 1. W_out 106's divisors ≤ 32: 2 → 2 patches. CBs: vol2col_rm 2·(10,368·2) = 41,472;
    // vol2col_tiled 324·2,048 = 663,552; weight 663,552; interm 2,048; result 2,048; reduction (2 C_in blocks)
    // 2·2,048; bias 2,048 → 1,378,816 + 102,656 = 1,481,472 ≤ 1,499,136. C_out 64 doubles the weight CB (no fit);
    // H blocks add 20,736 B per patch row (budget left 17,664 B): none.
    const ctx = whContext();
    const b = chooseConv3dBlocking(mochi, ctx, ctx.device.l1SizeBytes);
    if (typeof b === 'string') assert.fail(b);
    assert.deepEqual([b.cInBlock, b.cOutBlock, b.tOutBlock, b.hOutBlock, b.wOutBlock], [384, 32, 1, 1, 2]);
    const withConfig = {
      ...mochi,
      properties: {
        ...mochi.properties,
        conv3d_config: dialect('ttnn.conv3d_config', {
          c_in_block: '384',
          c_out_block: '32',
          w_out_block: '2',
          t_out_block: '1',
          h_out_block: '1',
        }),
      },
    };
    assert.equal(est(estimateOp(withConfig, ctx)).cbRegionEndBytes, 1_481_472);
  });

  it('follows Conv3dOp::validate: tile-aligned blocks that divide the channels, C_in blocks ≤ cores', () => {
    const grid = [8, 8] as const;
    const ok = { tOutBlock: 1, hOutBlock: 1, wOutBlock: 1, cInBlock: 64, cOutBlock: 32, grid };
    assert.equal(conv3dBlockingProblem(ok, 768, 768, grid), undefined);
    assert.match(conv3dBlockingProblem({ ...ok, cOutBlock: 48 }, 768, 768, grid) ?? '', /C_out_block/);
    assert.match(conv3dBlockingProblem({ ...ok, cInBlock: 80 }, 768, 768, grid) ?? '', /C_in_block/);
    assert.match(
      conv3dBlockingProblem({ ...ok, cInBlock: 32, grid: [4, 4] }, 768, 768, grid) ?? '',
      /C_in blocks exceed/,
    );
    assert.match(conv3dBlockingProblem({ ...ok, grid: [9, 8] }, 768, 768, grid) ?? '', /exceeds the device grid/);
  });
});

/** The block-sharded 56x56x256 → 256 3x3 conv the conv2d change-point cases read at several builds. */
const blockConv56 = (): ReturnType<typeof conv2d> =>
  conv2d({ n: 1, h: 56, w: 56, cIn: 256, cOut: 256, k: 3, s: 1, p: 1, config: { shard_layout: 'block_sharded' } });

describe('conv2d change points', () => {
  it('block sharded before tt-metal PR #25805 keeps kH in the activation block: 497,728 B', () => {
    // The 56x56x256 block case, act_block_w = round_up(256/8·3·3, 32)/32 = 9: WEIGHTS 9, ACT 13·9 = 117,
    // ACT_TILIZED 117 → 243 · 2,048 + 64 = 497,728 B.
    const o = blockConv56();
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2025-07-01' }))).cbBytesSummedOverRanges, 497_728);
  });

  it('block sharded before tt-metal PR #27767: the output keeps the input grid (per_core_N 2); after, its own (1)', () => {
    // 56x56x64 → 96, k3 p1, block: NHW_t 98 on 8 (104 − 98 = 6 < 13) → per_core_M 13; act_block_w = round_up(32·3, 32)
    // → 3 tiles (kW only since PR #25805); ACT 13·3 = 39, ACT_TILIZED 39; bf16 partials alias the output.
    // Before: channel cores pad C_in (2 tiles) and C_out (3 tiles) by < one share: 3 pads C_in by 1 ≥ 3/3, so 2 (C_out
    // 3 → 4, 1 < 2); the output shares them: per_core_N = 4/2 = 2, WEIGHTS 2·3 = 6 → 84 tiles · 2,048 + 64 = 172,096 B.
    // After: C_in alone picks 2; C_out re-splits over the 8 channel-axis cores: 3 → per_core_N 1 on 8x3 = 24 cores,
    // WEIGHTS 3 → 81 tiles · 2,048 + 64 = 165,952 B.
    const o = conv2d({
      n: 1,
      h: 56,
      w: 56,
      cIn: 64,
      cOut: 96,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'block_sharded' },
    });
    const before = est(estimateOp(o, whContext({ ttMetalDate: '2025-09-04' })));
    const after = est(estimateOp(o, whContext({ ttMetalDate: '2025-09-05' })));
    assert.deepEqual([before.cbBytesSummedOverRanges, before.nCoresUsed], [172_096, 16]);
    assert.deepEqual([after.cbBytesSummedOverRanges, after.nCoresUsed], [165_952, 24]);
  });

  it('a window straddling PR #25805 reports both figures', () => {
    const o = blockConv56();
    const e = est(estimateOp(o, whContext({ window: { earliest: '2025-07-01', latest: '2025-11-27' } })));
    assert.deepEqual(
      e.versionRange?.figures.map((f) => f.cbBytesPerCore),
      [497_728, 165_952],
    );
  });

  it('width sharded before PR #23116: the image-to-column CB holds the whole act block', () => {
    // 16x16x512 → 512, k3 p1, width on 16 cores: NHW 256 rows = 8 tiles high, 512/16/32 = 1 wide, act_block_w =
    // 512·9/16 = 288 → 9 tiles. WEIGHTS 9, ACT 8·9 = 72, ACT_TILIZED 72; ACT_ROW_MAJOR two rows 2·9 = 18 (2025-11):
    // 171 · 2,048 + 64 = 350,272 B; before the PR the whole block, 72 input tiles (late-2024 width factory,
    // act_cb_row_major_bfloat16 of act_block_num_tiles_split): 225 · 2,048 + 64 = 460,864 B.
    const o = conv2d({
      n: 1,
      h: 16,
      w: 16,
      cIn: 512,
      cOut: 512,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'width_sharded' },
    });
    assert.equal(est(estimateOp(o, whContext())).cbBytesSummedOverRanges, 350_272);
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2025-05-01' }))).cbBytesSummedOverRanges, 460_864);
  });

  it('block sharded before PR #23580: the image-to-column CB is its own act block even with bf16 in and out', () => {
    // The 56x56x256 block case of 2025-06-01 (before PR #25805 too: act_block_w 9): WEIGHTS 9, ACT 117, ACT_TILIZED
    // 117 and ACT_ROW_MAJOR 13·9 = 117 input tiles (early-2025 create_CBs_for_sharded_input_v2) → 360 · 2,048 + 64 =
    // 737,344 B; on 2025-07-01 it overlaps ACT (bf16 halo and output): 497,728 B (the case above).
    const o = blockConv56();
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2025-06-01' }))).cbBytesSummedOverRanges, 737_344);
  });

  it('width sharded before PR #23114 ignores the double-buffer flags', () => {
    // 8x8x512 width case with both flags: the 2025-11 build doubles WEIGHTS (9 → 18) and ACT (18 → 36):
    // (9·2 + 18·2 + 18 + 18) = 90 · 2,048 + 64 = 184,384 B; before the PR the plain 63 tiles: 129,088 B.
    const cfg = {
      shard_layout: 'width_sharded',
      enable_act_double_buffer: 'true',
      enable_weights_double_buffer: 'true',
    };
    const o = conv2d({ n: 1, h: 8, w: 8, cIn: 512, cOut: 512, k: 3, s: 1, p: 1, config: cfg });
    assert.equal(est(estimateOp(o, whContext())).cbBytesSummedOverRanges, 184_384);
    assert.equal(est(estimateOp(o, whContext({ ttMetalDate: '2025-05-01' }))).cbBytesSummedOverRanges, 129_088);
  });

  it('auto-shard before PR #32424 lowers act_block_h to one tile; after, whole-height act blocks', () => {
    // 56x56x64 → 64, k3 p1, L1-interleaved input, no shard_layout. 2025-10-01 (act_block_h_override 32): block sharded
    // wins — NHW_t 98 on the 8 grid rows: d = 8 (104 − 98 = 6 < 13); C: 2 blocks of 32 → 2 columns; 16 cores;
    // per_core_M = round_up(3136, 8·32)/8/32 = 13, per_core_N = 64/2/32 = 1; act_block_w = round_up(32·kW 3, 32) = 3 tiles
    // (since PR #25805); WEIGHTS 1·3, ACT 1·3, ACT_TILIZED 1·3 (partials alias the output; bf16 in and out: no
    // ACT_ROW_MAJOR) → 9 · 2,048 + 64 = 18,496 B. 2025-11-27: act_block_h = per_core_M, height sharded wins with the
    // explicit-height figure above, 73,792 B.
    const o = conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1 });
    const before = est(estimateOp(o, whContext({ ttMetalDate: '2025-10-01' })));
    assert.equal(before.cbBytesSummedOverRanges, 18_496);
    assert.equal(before.nCoresUsed, 16);
    const after = est(estimateOp(o, whContext({ ttMetalDate: '2025-11-27' })));
    assert.equal(after.cbBytesSummedOverRanges, 73_792);
    assert.equal(after.nCoresUsed, 49);
  });

  // tt-metal #17787's situation (a "Regression: Out-of-memory" of February 2025): few input channels, many output
  // channels. 32x32x16 → 512, 3x3 pad 1, bf16 tiled L1-interleaved input, no shard_layout, 8x8 grid, auto-shard
  // act_block_h_override 32 (before PR #32424). NHW = 1,024 → NHW_t = 32; C_align 32 → C_in 1 tile; C_out 16 tiles.
  //   height: 32 cores (32 divides 32), per_core_M 1, per_core_N 16, act_block_w round_up(32·3, 32) = 3 tiles, one act
  //     block in h: WEIGHTS 16·3 = 48, ACT 3, ACT_TILIZED 3 (partials alias the bf16 output) → 54 · 2,048 + 64 =
  //     110,656 B; output shard 1·16 tiles = 32,768 B: 143,424 B.
  //   block: 8 rows (NHW_t 32 / 8 = 4), 1 channel column (1 tile); per_core_M 4, per_core_N 16 (the output keeps the
  //     input grid before PR #27767); act_block_w 32·9/32 = 9 (kH·kW before PR #25805): WEIGHTS 16·9 = 144, ACT 9,
  //     ACT_TILIZED 9, ACT_ROW_MAJOR 9 (its own before PR #23580) → 171 · 2,048 + 64 = 350,272 B; output 4·16 tiles =
  //     131,072 B: 481,344 B.
  //   width: input on 1 core (C_in 1 tile), output re-split over 16 cores (16 C_out tiles); per_core_M 32,
  //     per_core_N 1, act_block_w 32·9/32 = 9: WEIGHTS 9, ACT 9, ACT_TILIZED 9, ACT_ROW_MAJOR 9 (whole act block
  //     before PR #23116) → 36 · 2,048 + 64 = 73,792 B; output 32·1 tiles = 65,536 B: 139,328 B.
  // PR #17485 alone (2025-02-10): width 139,328 < height 143,424 < block → width, 16 cores, 73,792 B of CBs.
  // PR #17945's proxy (2025-02-20): + 32 input tiles · 2,048 B over the input cores: height + 65,536/32 = 2,048 →
  // 145,472; block + 65,536/8 = 8,192 → 489,536; width + 65,536/1 = 65,536 → 204,864: height, 32 cores, 110,656 B.
  const fewInManyOut = () => conv2d({ n: 1, h: 32, w: 32, cIn: 16, cOut: 512, k: 3, s: 1, p: 1 });
  it('auto shard between PRs #17485 and #17945 ranks by CBs + output only: width for 16 → 512 channels (tt-metal #17787)', () => {
    const e = est(estimateOp(fewInManyOut(), whContext({ ttMetalDate: '2025-02-10' })));
    assert.match(e.factory, /width_sharded/);
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed], [73_792, 16]);
  });
  it("auto shard from PR #17945 adds the input-size proxy: width's single input core loses to height", () => {
    const e = est(estimateOp(fewInManyOut(), whContext({ ttMetalDate: '2025-02-20' })));
    assert.match(e.factory, /height_sharded/);
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed], [110_656, 32]);
  });
  // tt-metal PR #30446 (change point conv2d-auto-shard-halo-exact, ≈2025-10-29): auto shard's halo term becomes the halo
  // op's own output shard; before it (from PR #25907), estimate_halo_output_elems as PR #25907's diff wrote it
  // (conv2d_utils.cpp:1137, review of 2025-08-04): (⌊halo input shard rows / W⌋ + (d·kH − 1)·(N > 1 ? 2 : 1)) ·
  // (W + pL + pR) · shard width. 14x14x96 → 64, 3x3 s2 p1 → 7x7 = 49 outputs = 2 tiles; bf16 tiled L1-interleaved input,
  // no shard_layout, 8x8 grid, act_block_h_override 32 (before PR #32424, at both dates). C_in 96 = 3 tiles (alignment
  // 32), C_out 2 tiles; padded image 16x16.
  //   height: 2 cores (2 divides NHW_t 2), per_core_M 1, per_core_N 2, act_block_w round_up(96·3, 32) = 9 tiles, one
  //     act block: WEIGHTS 2·9 = 18, ACT 9, ACT_TILIZED 9 → 36 · 2,048 + 64 = 73,792 B; output 2 tiles = 4,096 B.
  //     Halo, estimate: shard rows round_up(196, 2·32) / 2 = 128 → ⌊128 / 14⌋ = 9 + (3 − 1) = 11 rows · 16 · 96 ch ·
  //     2 B = 33,792 B → 111,680 B. Exact: core 0 holds outputs 0..31, the last at row 4, column 3, whose window ends at
  //     4·2·16 + 3·2 + 2·16 + 2 = 168: 169 sticks (core 1: 136..238, 103) · 96 · 2 B = 32,448 B → 110,336 B.
  //   block: 2 NHW × 3 channel cores (input), 2 × 2 (output): 6 < grid.x 8 cores, so never picked.
  //   width: 3 input cores (3 C_in tiles), output re-split on 2; per_core_M 2, per_core_N 1, act_block_w 96·9/3 = 288
  //     → 9 tiles: WEIGHTS 9, ACT 9, ACT_TILIZED 9, ACT_ROW_MAJOR 2·9 = 18 → 45 · 2,048 + 64 = 92,224 B; output 2
  //     tiles = 4,096 B. Halo, estimate: one NHW shard of round_up(196, 32) = 224 rows → ⌊224 / 14⌋ = 16 + 2 = 18 rows ·
  //     16 · 32 ch · 2 B = 18,432 B → 114,752 B. Exact: sticks 0..(6·2·16 + 6·2 + 34 = 238): 239 · 32 · 2 = 15,296 B →
  //     111,616 B.
  // Both sides pick height (session 17's approximation of the estimate, one output row more per shard, had width
  // winning before the change point; tt-metal's formula does not).
  const haloFlip = () => conv2d({ n: 1, h: 14, w: 14, cIn: 96, cOut: 64, k: 3, s: 2, p: 1 });
  it("auto shard before PR #30446 ranks by tt-metal's halo estimate: height 111,680 B < width 114,752 B", () => {
    const e = est(estimateOp(haloFlip(), whContext({ ttMetalDate: '2025-08-20' })));
    assert.match(e.factory, /height_sharded/);
    assert.match(e.factoryReason ?? '', /halo estimate.*height 111,680 B, block [\d,]+ B, width 114,752 B/);
    assert.equal(e.cbBytesPerCore, 73_792);
  });
  // From PR #27355 (change point conv2d-auto-shard-halo-estimate-fractional-rows, conv2d_utils.cpp@5702b2d) the rows are
  // a float and the sticks truncated after the multiply: height 128 / 14 = 9.142857 + 2 = 11.142857 · 16 = 178.29 → 178
  // sticks · 96 · 2 B = 34,176 B → 73,792 + 4,096 + 34,176 = 112,064 B; width 224 / 14 = 16 exactly, 114,752 B as before.
  it('from PR #27355 the halo estimate takes fractional rows: height 112,064 B < width 114,752 B', () => {
    const e = est(estimateOp(haloFlip(), whContext({ ttMetalDate: '2025-09-20' })));
    assert.match(e.factory, /height_sharded/);
    assert.match(e.factoryReason ?? '', /halo estimate.*height 112,064 B, block [\d,]+ B, width 114,752 B/);
  });
  // From PR #27147 (change point conv2d-auto-shard-halo-estimate-rows-div-up, conv2d_utils.cpp@dbbc742d10) one image's
  // rows are tt::div_up(sticks, (float)W) = (sticks + W − 1) / W, a float: height (128 + 13) / 14 = 10.071428 + 2 =
  // 12.071428 · 16 = 193.14 → 193 sticks · 192 B = 37,056 B → 73,792 + 4,096 + 37,056 = 114,944 B; width (224 + 13) / 14
  // = 16.928572 + 2 = 18.928572 · 16 = 302.86 → 302 · 64 B = 19,328 B → 92,224 + 4,096 + 19,328 = 115,648 B.
  it('from PR #27147 one image counts its shard rows rounded up by W − 1: height 114,944 B < width 115,648 B', () => {
    const e = est(estimateOp(haloFlip(), whContext({ ttMetalDate: '2025-10-20' })));
    assert.match(e.factory, /height_sharded/);
    assert.match(e.factoryReason ?? '', /halo estimate.*height 114,944 B, block [\d,]+ B, width 115,648 B/);
  });
  it("auto shard from PR #30446 ranks by the halo op's exact shard: height 110,336 B < width 111,616 B", () => {
    const e = est(estimateOp(haloFlip(), whContext({ ttMetalDate: '2025-11-01' })));
    assert.match(e.factory, /height_sharded/);
    assert.match(e.factoryReason ?? '', /exact halo.*height 110,336 B, block [\d,]+ B, width 111,616 B/);
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed], [73_792, 2]);
  });
  // The same conv on a batch of 2 (before PR #30446): the kernel overlap (d·kH − 1 = 2 rows) is counted (the shard's
  // whole images + 2) times, a shard straddling image boundaries (conv2d_utils.cpp@28a524e and @5702b2d:
  // batch_boundary_multiplier = shard_batches + 2, shard_batches = shard rows / W / H). NHW 392 input sticks, 98 outputs
  // = 4 tiles.
  //   height: 4 cores, per_core_M 1, per_core_N 2: CBs as above 73,792 B + output 4,096 B; shard rows round_up(392, 4·32)
  //     / 4 = 128 → 9 image rows, 0 whole images → ×2: 9 + 4 = 13 rows · 16 · 96 · 2 B = 39,936 B → 117,824 B.
  //     Fractional (PR #27355): 9.142857 + 4 = 13.142857 · 16 = 210.29 → 210 · 192 B = 40,320 B → 118,208 B.
  //   width: 3 input cores, per_core_M 4, per_core_N 1: CBs 92,224 B as above (act_block_h one tile), output 4 tiles =
  //     8,192 B; one shard of round_up(392, 32) = 416 rows → 29 image rows, 2 whole images → ×4: 29 + 8 = 37 rows · 16 ·
  //     32 · 2 B = 37,888 B → 138,304 B. Fractional: 29.714286 + 8 = 37.714286 · 16 = 603.43 → 603 · 64 B = 38,592 B →
  //     139,008 B.
  //   block: 4 NHW × 3 channel cores = 12 ≥ 8; act_block_w round_up(32·3, 32) = 3 tiles (kW only, PR #25805), output on
  //     its own 2 channel cores (PR #27767): per_core_N 1, per_core_M 1: ACT 3, ACT_TILIZED 3, WEIGHTS 3 (row-major
  //     CB overlapped) → 9 · 2,048 + 64 = 18,496 B; output 2,048 B; shard rows 128 → 13 rows · 16 · 32 · 2 B = 13,312 B
  //     → 33,856 B (fractional: 210 · 64 B = 13,440 B → 33,984 B): block wins either way.
  // From PR #27147 a batch above 1 counts whole image rows again (integer sticks / W): the whole-row figures of before
  // PR #27355, height 117,824 B, block 33,856 B, width 138,304 B.
  it('the pre-#30446 halo estimate counts the kernel overlap per image boundary for a batch above 1 (block 33,984 B)', () => {
    const e = est(
      estimateOp(
        conv2d({ n: 2, h: 14, w: 14, cIn: 96, cOut: 64, k: 3, s: 2, p: 1 }),
        whContext({ ttMetalDate: '2025-09-20' }),
      ),
    );
    assert.match(e.factory, /block_sharded/);
    assert.match(e.factoryReason ?? '', /halo estimate.*height 118,208 B, block 33,984 B, width 139,008 B/);
    assert.equal(e.cbBytesPerCore, 18_496);
    const integerRows = est(
      estimateOp(
        conv2d({ n: 2, h: 14, w: 14, cIn: 96, cOut: 64, k: 3, s: 2, p: 1 }),
        whContext({ ttMetalDate: '2025-10-20' }),
      ),
    );
    assert.match(integerRows.factoryReason ?? '', /halo estimate.*height 117,824 B, block 33,856 B, width 138,304 B/);
    const whole = est(
      estimateOp(
        conv2d({ n: 2, h: 14, w: 14, cIn: 96, cOut: 64, k: 3, s: 2, p: 1 }),
        whContext({ ttMetalDate: '2025-08-20' }),
      ),
    );
    // Whole rows before PR #27355 (block's output still on its input's channel cores then, PR #27767: not asserted).
    assert.match(whole.factoryReason ?? '', /halo estimate.*height 117,824 B, block [\d,]+ B, width 138,304 B/);
  });
  // tt-metal PR #28302 (change point conv2d-auto-shard-halo-estimate-input-layout, cdd0c7d586, 2025-09-23): auto shard's
  // halo estimate took the halo input shard determine_input_memory_config gives for Layout::TILE (C rounded up to 32)
  // until then, the input's own layout after. 14x14x48 → 64, 3x3 s2 p1, a bf16 ROW-MAJOR L1-interleaved input, no
  // shard_layout, act_block_h_override 32 (before PR #32424). Height: 49 outputs = 2 tiles on 2 cores, per_core_M 1,
  // per_core_N 2; a row-major input aligns C to 8: 48; act_block_w round_up(48·3, 32) / 32 = 5 tiles, one act block:
  // WEIGHTS 2·5 = 10, ACT 5, ACT_TILIZED 5 → 20 · 2,048 + 64 = 41,024 B; output 2 tiles = 4,096 B. Halo estimate
  // (fractional rows, PR #27355, before PR #27147): shard rows round_up(196, 2·32) / 2 = 128 → 128 / 14 = 9.142857 + 2
  // = 11.142857 · 16 = 178.29 → 178 sticks; · 48 ch · 2 B = 17,088 B → 62,208 B; with the tiled shard's 64 channels
  // 178 · 64 · 2 = 22,784 B → 67,904 B.
  const rowMajorIn = () =>
    conv2d({
      n: 1,
      h: 14,
      w: 14,
      cIn: 48,
      cOut: 64,
      k: 3,
      s: 2,
      p: 1,
      input: tensor([1, 1, 196, 48], { buffer: 'l1', page: 'row_major' }),
    });
  it("auto shard's halo estimate sized a row-major input's shard as tiled before PR #28302: height 67,904 B, then 62,208 B", () => {
    const before = est(estimateOp(rowMajorIn(), whContext({ ttMetalDate: '2025-09-20' })));
    assert.match(before.factoryReason ?? '', /halo estimate.*height 67,904 B,/);
    const after = est(estimateOp(rowMajorIn(), whContext({ ttMetalDate: '2025-09-24' })));
    assert.match(after.factoryReason ?? '', /halo estimate.*height 62,208 B,/);
  });
  // tt-metal PR #34952 (change point conv2d-default-fp32-acc-f32-inputs, 2f8845059f, 2025-12-24): conv2d's own compute
  // default accumulates in fp32 when input and weights are both FLOAT32 (get_conv_default_compute_kernel_config), never
  // before. Its CBs move only through the split-reader choice or a packer-accumulated partials CB, neither here (one act
  // block row, no packer_l1_acc): the rule is asked, and the figure the same on both sides, for an f32 conv only.
  it('the fp32-accumulation default of PR #34952 is asked for an f32-input, f32-weight conv alone', () => {
    const f32Conv = op(
      'ttnn.conv2d',
      [
        tensor([1, 1, 196, 32], { buffer: 'l1', dtype: 'f32' }),
        tensor([64, 32, 3, 3], { buffer: 'system_memory', page: 'row_major', dtype: 'f32' }),
        DEVICE_VALUE,
      ],
      [tensor([1, 1, 49, 64], { buffer: 'l1', dtype: 'f32' })],
      {
        in_channels: int(32),
        out_channels: int(64),
        batch_size: int(1),
        input_height: int(14),
        input_width: int(14),
        kernel_size: ints(3, 3),
        stride: ints(2, 2),
        padding: ints(1, 1),
        dilation: ints(1, 1),
        groups: int(1),
        conv2d_config: dialect('ttnn.conv2d_config', { shard_layout: 'height_sharded' }),
      },
    );
    const window = { earliest: '2025-12-01', latest: '2026-01-31' };
    const f32 = est(estimateOp(f32Conv, whContext({ window })));
    assert.ok(f32.versionRange?.changePoints.includes('conv2d-default-fp32-acc-f32-inputs'));
    const bf16 = est(
      estimateOp(
        conv2d({ n: 1, h: 14, w: 14, cIn: 32, cOut: 64, k: 3, s: 2, p: 1, config: { shard_layout: 'height_sharded' } }),
        whContext({ window }),
      ),
    );
    assert.ok(!(bf16.versionRange?.changePoints ?? []).includes('conv2d-default-fp32-acc-f32-inputs'));
  });
  // tt-metal PR #33763 (change point conv2d-dram-auto-slice-axis, 2025-12-17): with no slice config a DRAM input's
  // auto-slicer takes its axis from op_slicing.cpp@d134b03's best_guess_slice_type on the input image. bf16 row-major
  // DRAM inputs, C 256 → 256, 3x3 s1 p1 (each needs several slices on Wormhole). A tiled output (the default):
  //   256x256: W 256 ≥ 200 and H 256 ≤ W → width, in 32-column groups (slice_write of a tiled output);
  //   512x256: H 512 > W 256 → height;  192x192: W 192 < 200 → height.
  // A row-major output (output_layout row_major): 192x192, H 192 ≤ 3·192 → width, single columns (no tile rounding).
  // Before the change point (2025-12-01) the model cuts the output height for all four (PR #27147's rule not read).
  const dramConv = (h: number, w: number, config?: Record<string, string>) =>
    conv2d({
      n: 1,
      h,
      w,
      cIn: 256,
      cOut: 256,
      k: 3,
      s: 1,
      p: 1,
      config,
      input: tensor([1, 1, h * w, 256], { buffer: 'dram', page: 'row_major' }),
    });
  // The axis a run slices along (with its column groups), or 'unsliced' when one slice fits.
  const sliceAxis = (o: ReturnType<typeof dramConv>, date: string): string => {
    const reason = est(estimateOp(o, whContext({ ttMetalDate: date }))).factoryReason ?? '';
    const m = /(\d+) output-(height|width) slice\(s\)( of 32-column groups)?/.exec(reason);
    if (m === null) return 'none';
    return Number(m[1]) > 1 ? `${m[2]}${m[3] ?? ''}` : 'unsliced';
  };
  // Auto-slicing (no slice config) exists from PR #27147, whose own slicer (conv2d_utils.cpp@dbbc742
  // determine_conv_slice_type) already guessed the axis as op_slicing's best_guess_slice_type of PR #33763 does: tiled
  // output, input ≥ 200 wide and not taller than wide → width in 32-column groups; row-major output: height only when
  // H > 3·W. So 2025-12-01 (between the two PRs) slices as 2025-12-20 does.
  it("DRAM auto-slicing takes the best-guess axis from PR #27147 on (op_slicing's of PR #33763 is the same rule)", () => {
    const cases: readonly (readonly [ReturnType<typeof dramConv>, string])[] = [
      [dramConv(256, 256), 'width of 32-column groups'],
      [dramConv(512, 256), 'height'],
      [dramConv(192, 192), 'height'],
      [dramConv(192, 192, { output_layout: 'row_major' }), 'width'],
    ];
    for (const [o, axis] of cases) {
      assert.equal(sliceAxis(o, '2025-12-20'), axis);
      assert.equal(sliceAxis(o, '2025-12-01'), axis);
    }
  });
  // The height → width direction of op_slicing's one retry along the other axis: tt-metal PR #35774 (change point
  // conv2d-dram-auto-slice-retry, 2026-02-10, op_slicing.cpp@2be027c determine_slice_config_internal). PR #33763
  // (conv2d-dram-auto-slice-axis, op_slicing.cpp@af7d566) had only the tiled width → height fallback. A row-major bf16
  // DRAM input 40x10, C 256 → 64, kernel 33x1, stride 1, no padding, row-major output: output 8x10.
  //   Best guess (best_guess_slice_type, row-major output): input H 40 > 3 · W 10 → height.
  //   Free L1 (get_statistics(L1).total_free_bytes): l1_size 1,499,136 − base 102,656 − l1_small 65,536 − live 1,304,320
  //     = 26,624 B.
  //   Every slice below runs block-sharded with 32 input channels (256 / 8 channel cores), one output tile per core
  //   (64 / 8 = 8 output channels padded to 32 wide; at most 32 output sticks per NHW core), act block 1x1 tiles:
  //   CBs = weights 1 tile + matmul partials 1 + act 1 + act tilized 1 (4 · 2,048) + L1 scratchpad 64 = 8,256 B.
  //   A slice's L1 = its halo output + its conv output shard (32 sticks · 32 ch · 2 B = 2,048 B) + those CBs, after the
  //   resharded input (bf16 row sticks of 32 ch = 64 B) is freed; before that the input and halo are both held.
  //   Height (output height 8, counts 1..8): 8 slices leave 1 output row of 10 sticks (one NHW core) over 33 input
  //     rows: resharded input round_up(330, 32) · 64 = 22,528 B, halo all 330 sticks · 64 = 21,120 B → 21,120 + 2,048 +
  //     8,256 = 31,424 B > 26,624. Fewer slices hold more rows (6 or 4: 2 rows over 34 input rows, halo 340 · 64 =
  //     21,760 B → 32,064 B; count 1: 3 NHW cores, the first core's 32 outputs reach row 3 → input sticks up to
  //     (3 + 32) · 10 + 2 = 352 → halo 22,528 B → 32,832 B): none fits.
  //   Width retry (row-major output: single columns, counts 1..10): count 1 is the whole conv, 32,832 B. Count 2: 5
  //     columns, 40 input rows · 5 = 200 input sticks, 8 · 5 = 40 outputs = 2 tiles → 2 NHW cores (16 cores): resharded
  //     input round_up(200, 2 · 32) / 2 = 128 sticks · 64 = 8,192 B; the first core's outputs 0..31 reach row 6 → input
  //     sticks 0..(6 + 32) · 5 + 1 → 192 · 64 = 12,288 B; peak before the input is freed 8,192 + 12,288 = 20,480 B (plus
  //     the halo program's small CBs), then 12,288 + 2,048 + 8,256 = 22,592 B ≤ 26,624: 2 width slices, L1 tensors
  //     8,192 + 12,288 + 2,048 = 22,528 B per core.
  // Between the change points (op_slicing.cpp@af7d566 to @fa00323): output_sliced_dim is read before the slice type is
  // set, so from the DRAM_WIDTH default: the height search runs counts 1..⌊(10 + 1) / 2⌋ = 5, none fits (each ≥ 32,064
  // B), and the config keeps the last count tried, 5 (num_slices is set before each estimate), 5 height slices (no
  // retry, no TT_FATAL): 8 rows as 2, 2, 2, 1, 1, the 2-row slices' L1 tensors 22,528 + 21,760 + 2,048 = 46,336 B per
  // core over the free L1. Before PR #33763 the model cuts the height
  // (conv2d's own rule of PR #27147 not read) up to the output height: 8 slices, 22,528 + 21,120 + 2,048 = 45,696 B.
  const tallNarrow = () =>
    op(
      'ttnn.conv2d',
      [tensor([1, 1, 40 * 10, 256], { buffer: 'dram', page: 'row_major' }), host([64, 256, 33, 1]), DEVICE_VALUE],
      [l1([1, 1, 8 * 10, 64])],
      {
        in_channels: int(256),
        out_channels: int(64),
        batch_size: int(1),
        input_height: int(40),
        input_width: int(10),
        kernel_size: ints(33, 1),
        stride: ints(1, 1),
        padding: ints(0, 0),
        dilation: ints(1, 1),
        groups: int(1),
        conv2d_config: dialect('ttnn.conv2d_config', { output_layout: 'row_major' }),
      },
    );
  it('DRAM auto-slicing from PR #35774 retries along the width when no height count fits (2 width slices)', () => {
    const live = 1_304_320;
    const at = (date: string) => est(estimateOp(tallNarrow(), whContext({ ttMetalDate: date, live })));
    const figures = (e: OpEstimate) => [e.cbBytesPerCore, e.nCoresUsed, e.l1IntermediateBytesPerCore];
    const retry = at('2026-02-10');
    assert.match(retry.factoryReason ?? '', /\b2 output-width slice\(s\) assumed \(the fewest that fit/);
    assert.deepEqual(figures(retry), [8_256, 16, 22_528]);
    const between = at('2026-02-09');
    assert.match(between.factoryReason ?? '', /\b5 output-height slice\(s\) assumed \(none fits/);
    assert.deepEqual(figures(between), [8_256, 8, 46_336]);
    // Before PR #33763 (change point conv2d-auto-shard-block-cores-at-least-grid-x) auto shard took block only with
    // more than grid.x = 8 cores (conv2d_utils.cpp@dbbc742: block.core_count > compute_grid_size.x): the block config of
    // each slice has exactly 8 (1 NHW x 8 channel cores), so it loses to height though its total is the smallest.
    // Height on 1 core (one 10-stick output row per slice: 1 NHW tile): act_block_w = C_in 256 · kernel width 1 = 8
    // tiles, per core out 1 x 2 tiles (64 channels) → weights 8 · 2 = 16 + partials 2 + act 8 + act tilized 8 = 34
    // tiles · 2,048 = 69,632 + L1 scratchpad 64 = 69,696 B (the output CB sits on the output shard).
    const before = at('2025-12-01');
    assert.match(before.factoryReason ?? '', /\b8 output-height slice\(s\)/);
    assert.match(before.factoryReason ?? '', /block 31,424 B.*→ height_sharded/);
    assert.deepEqual(figures(before).slice(0, 2), [69_696, 1]);
  });
  // An explicit conv2d_slice_config's count (tt-mlir's OOM fallback, OperationValidationAndFallback.cpp@19c86fc, writes
  // `<dram_width, 0>` / `<dram_height, 0>`). tt-metal conv2d.cpp before PR #25907 (search index id 3492362923):
  // TT_FATAL(num_slices > 1, "Number of slices should be greater than 1 for Conv2D DRAM Slicing") and num_slices < the
  // sliced output dimension. From PR #25907 (change point conv2d-dram-slice-count-auto, 2025-08-12; index id 8211315178):
  // num_slices 0 → current_num_slices from 2 on the given axis until the L1 estimate fits, count 1 still fatal. From PR
  // #33763 (op_slicing.cpp@d134b03): a count above 0 is taken as given; 0 → determine_slice_config with the given type
  // (auto_slice_type false: no best guess, no other axis), from 1 slice.
  const sliceConfig = (kind: 'dram_height' | 'dram_width', count: number): PropValue => ({
    kind: 'dialect',
    name: 'ttnn.conv2d_slice_config',
    text: `#ttnn.conv2d_slice_config<${kind}, ${count}>`,
    items: [kind, String(count)],
    fields: {},
  });
  const withSlices = (o: ReturnType<typeof conv2d>, kind: 'dram_height' | 'dram_width', count: number) => ({
    ...o,
    properties: { ...o.properties, conv2d_slice_config: sliceConfig(kind, count) },
  });
  // A given height count on a tiled output, 32 → 32, k3 s1 p1, forced height sharding (8x8 grid), row-major DRAM input.
  const heightSliced = (w: number) =>
    withSlices(
      conv2d({
        n: 1,
        h: 100,
        w,
        cIn: 32,
        cOut: 32,
        k: 3,
        s: 1,
        p: 1,
        config: { shard_layout: 'height_sharded' },
        input: tensor([1, 1, 100 * w, 32], { buffer: 'dram', page: 'row_major' }),
      }),
      'dram_height',
      2,
    );
  it('tiled height slices: whole 32-row groups before PR #25907, even after', () => {
    // Output 100x64, 2 height slices. Before PR #25907 (conv2d.cpp, index id 3492362923) slice_rounding_value = 32 for a
    // tiled output on either axis: ceil(100 / 32) = 4 row groups, 2 per slice: the first slice is 64 rows, 64·64 =
    // 4,096 outputs = 128 tiles → height sharding's largest core count ≤ 64 with padding under one share: 64 (2 tiles
    // each). From PR #25907 (index id 8211315178) only width slices are rounded: 50 rows, 50·64 = 3,200 outputs = 100
    // tiles → 64 pads 28 ≥ 2, …, 50 divides: 50 cores.
    const before = est(estimateOp(heightSliced(64), whContext({ ttMetalDate: '2025-08-01' })));
    assert.equal(before.nCoresUsed, 64);
    assert.match(before.factoryReason ?? '', /2 height slices of 32-row groups/);
    const after = est(estimateOp(heightSliced(64), whContext({ ttMetalDate: '2025-08-12' })));
    assert.equal(after.nCoresUsed, 50);
  });
  it("a tiled output's slices are computed whole tiles wide: a height slice of a 100-wide output is 128 wide", () => {
    // tt-metal pads each slice's output width up to a multiple of 32 with extra right padding (additional_padded_width ·
    // stride; conv2d.cpp index ids 3492362923 / 8211315178, Conv2dSliceAttr id 54522630930 when not one slice).
    // Output 100x100, 2 height slices of 50 rows (2026): 50 · 128 = 6,400 outputs = 200 tiles → 50 cores of 4 tiles
    // (64 pads 56 ≥ 4, …, 51 pads 4 ≥ 4, 50 divides). Unpadded it would be 50·100 = 5,000 outputs = 157 tiles → 53 cores
    // of 3 (alignUp(157, 53) = 159 pads 2 < 3).
    const e = est(estimateOp(heightSliced(100), whContext({ ttMetalDate: '2026-06-01' })));
    assert.equal(e.nCoresUsed, 50);
    assert.match(e.factoryReason ?? '', /per core out 4x1 tiles/);
  });
  it('a slice count of 0 from PR #33763: the given axis only, not the best guess (256x256 guesses width)', () => {
    // 256x256 (tiled output) guesses width (test above); `<dram_height, 0>` slices the height all the same, and
    // 512x256 (guess: height) with `<dram_width, 0>` slices the width in 32-column groups (tiled output, slice_write).
    assert.equal(sliceAxis(withSlices(dramConv(256, 256), 'dram_height', 0), '2025-12-20'), 'height');
    assert.equal(sliceAxis(withSlices(dramConv(512, 256), 'dram_width', 0), '2025-12-20'), 'width of 32-column groups');
  });
  // A 32x32x32 → 32 conv, k3 s1 p1, DRAM input: its whole L1 need (a 32x32x32 bf16 input is 64 KiB before sharding) fits
  // many times over, so tt-metal's own search stops at its first count: 1 from PR #27147 (conv2d_utils.cpp@dbbc742
  // determine_conv2d_slice_config: current_num_slices from 1; op_slicing the same from PR #33763), 2 before it
  // (conv2d's search of PR #25907 starts at 2).
  const smallDram = () =>
    conv2d({
      n: 1,
      h: 32,
      w: 32,
      cIn: 32,
      cOut: 32,
      k: 3,
      s: 1,
      p: 1,
      input: tensor([1, 1, 32 * 32, 32], { buffer: 'dram', page: 'row_major' }),
    });
  it('a slice count of 0: rejected before PR #25907, the fewest from 2 until PR #27147, from 1 after', () => {
    const r = estimateOp(withSlices(smallDram(), 'dram_height', 0), whContext({ ttMetalDate: '2025-07-01' }));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /Number of slices should be greater than 1/);
    assert.equal(sliceAxis(withSlices(smallDram(), 'dram_height', 0), '2025-09-30'), 'height');
    assert.match(
      est(estimateOp(withSlices(smallDram(), 'dram_height', 0), whContext({ ttMetalDate: '2025-09-30' })))
        .factoryReason ?? '',
      /: 2 output-height slice\(s\)/,
    );
    assert.equal(sliceAxis(withSlices(smallDram(), 'dram_height', 0), '2025-10-01'), 'unsliced');
    assert.equal(sliceAxis(withSlices(smallDram(), 'dram_height', 0), '2025-12-20'), 'unsliced');
  });
  it('a slice count of 0 over an output height of 1 or 2 is fatal between PR #25907 and PR #27147 (no count to try)', () => {
    // conv2d.cpp (index id 8211315178): the search runs current_num_slices from 2 while < output_sliced_dim, so for a
    // sliced dimension of 2 it never sets num_slices, which stays 0: TT_FATAL(num_slices > 1, "Number of slices should
    // be greater than 1 ..."); for 1, TT_FATAL(current_num_slices (2) <= output_sliced_dim) fails first ("Could not
    // find a suitable number of slices"). From PR #27147 the search starts at 1 (conv2d_utils.cpp@dbbc742, then
    // op_slicing from PR #33763): the whole conv.
    for (const h of [1, 2]) {
      const o = withSlices(
        conv2d({
          n: 1,
          h,
          w: 32,
          cIn: 32,
          cOut: 32,
          k: 3,
          s: 1,
          p: 1,
          input: tensor([1, 1, h * 32, 32], { buffer: 'dram', page: 'row_major' }),
        }),
        'dram_height',
        0,
      );
      const between = estimateOp(o, whContext({ ttMetalDate: '2025-09-30' }));
      assert.equal(between.kind, 'illegal', `output height ${h}`);
      assert.match(
        between.kind === 'illegal' ? between.rule : '',
        h === 1 ? /Could not find a suitable number of slices/ : /greater than 1/,
      );
      assert.equal(sliceAxis(o, '2025-10-01'), 'unsliced', `output height ${h}`);
      assert.equal(sliceAxis(o, '2025-12-20'), 'unsliced', `output height ${h}`);
    }
  });
  it('a given count of 1, or of the sliced dimension, is rejected before PR #27147 and taken from it', () => {
    // Output height 32 (k3 s1 p1 on 32 rows): `<dram_height, 32>` is not below it. From PR #27147 a count above 0 is
    // taken (conv2d_utils.cpp@dbbc742; conv2d.cpp@dbbc742 keeps "less than the dimension" as a debug-only TT_ASSERT).
    for (const count of [1, 32]) {
      const before = estimateOp(
        withSlices(smallDram(), 'dram_height', count),
        whContext({ ttMetalDate: '2025-09-30' }),
      );
      assert.equal(before.kind, 'illegal', `count ${count}`);
      assert.match(
        before.kind === 'illegal' ? before.rule : '',
        count === 1 ? /greater than 1/ : /less than the dimension/,
      );
      est(estimateOp(withSlices(smallDram(), 'dram_height', count), whContext({ ttMetalDate: '2025-10-01' })));
      est(estimateOp(withSlices(smallDram(), 'dram_height', count), whContext({ ttMetalDate: '2025-12-20' })));
    }
    // 4 slices are fine on both sides.
    for (const date of ['2025-07-01', '2025-10-01', '2025-12-20'])
      assert.match(
        est(estimateOp(withSlices(smallDram(), 'dram_height', 4), whContext({ ttMetalDate: date }))).factoryReason ??
          '',
        /DRAM path, 4 height slices/,
      );
  });
  // A 64x64 → 64 conv, k3 s1 p1, DRAM input, `<dram_height, 2>`, tiled output: each slice is 32 output rows (2 slices of
  // 32-row groups before PR #25907) · 64 = 2,048 outputs = 64 tiles → height sharding on 64 cores of 1 tile, per_core_N
  // 2, act_block_h 1 tile (auto shard's override of one tile row before PR #32424, or per_core_M), one act block in h
  // (WEIGHTS not ×kH), no double buffering, no split reader before PR #27731, partials aliasing the bf16 output, no
  // bias. CBs = WEIGHTS 2·abw + ACT abw + ACT_TILIZED abw = 4·abw bf16 tiles of 2,048 B + L1_ARRAY 64 B, with
  // abw = ceil(C_in_padded · 3 / 32).
  const dramHeightSliced = (cIn: number, o: { page?: 'row_major' | 'tile'; dtype?: 'f32'; height?: boolean } = {}) =>
    withSlices(
      conv2d({
        n: 1,
        h: 64,
        w: 64,
        cIn,
        cOut: 64,
        k: 3,
        s: 1,
        p: 1,
        config: o.height === true ? { shard_layout: 'height_sharded' } : undefined,
        input: tensor([1, 1, 64 * 64, cIn], { buffer: 'dram', page: o.page ?? 'row_major', dtype: o.dtype }),
      }),
      'dram_height',
      2,
    );
  it('DRAM-sliced path before PR #21612: the L1 auto-shard alignment rule (8 only below 32 channels), 32 with a shard_layout', () => {
    // tt-metal conv2d.cpp@867070c (the parent of PR #21612's 7265106), conv2d_DRAM: with no shard_layout it calls
    // determine_conv_config_for_auto_shard on the first slice (row-major, DRAM interleaved: not sharded), whose height
    // candidate sets input_channels_alignment 8 when in_channels < 32, act_block_h_override 0, not matmul, row-major
    // (conv2d_utils.cpp@867070c, "enable shallow conv"); the winning config reaches conv2d_L1 with shard_layout set,
    // which pads C_in to conv_config.input_channels_alignment (height) - else Conv2dConfig's 32. From PR #21612
    // get_input_channels_alignment gives 8 to any height-sharded non-matmul conv of a row-major input.
    //   C_in 16, auto shard: 8 → padded 16, abw ceil(48/32) = 2 → 8 tiles · 2,048 + 64 = 16,448 B (both sides).
    //   C_in 40, auto shard: before 32 → 64, abw 6 → 24 tiles = 49,216 B; after 8 → 40, abw ceil(120/32) = 4 → 32,832 B.
    //   C_in 16, shard_layout height: before 32 → 32, abw 3 → 24,640 B; after 8 → 16,448 B.
    const cases: readonly (readonly [number, boolean, number, number])[] = [
      [16, false, 16_448, 16_448],
      [40, false, 49_216, 32_832],
      [16, true, 24_640, 16_448],
    ];
    for (const [cIn, height, before, after] of cases) {
      const b = est(estimateOp(dramHeightSliced(cIn, { height }), whContext({ ttMetalDate: '2025-05-01' })));
      assert.match(b.factoryReason ?? '', /DRAM path, 2 height slices/);
      // Without a shard_layout the later slice keeps the first slice's auto-shard pick (either may be the one sized).
      assert.match(
        b.factoryReason ?? '',
        height ? /shard_layout = height_sharded/ : /→ height_sharded|height_sharded, the first slice's/,
      );
      assert.match(b.factoryReason ?? '', /64 input cores/);
      assert.equal(b.cbBytesSummedOverRanges, before, `C_in ${cIn}${height ? ' height' : ''} before`);
      const a = est(estimateOp(dramHeightSliced(cIn, { height }), whContext({ ttMetalDate: '2025-05-20' })));
      assert.equal(a.cbBytesSummedOverRanges, after, `C_in ${cIn}${height ? ' height' : ''} after`);
    }
  });
  it('DRAM-sliced path: a tiled or f32 input is fatal before PR #22817 (2025-06-11), sliced row-major from it', () => {
    // conv2d.cpp@7796cd1 (PR #19686) conv2d_DRAM: TT_FATAL(dtype == BFLOAT16, "Input Tensor to Conv DRAM should be
    // BFLOAT16") and TT_FATAL(layout == ROW_MAJOR, "... should be in Row Major Layout"); PR #22817 (c2a9666) drops both,
    // padded_slice writing row-major slices, so a tiled C_in 40 input is aligned to 8 as above: 32,832 B.
    const tiled = estimateOp(dramHeightSliced(40, { page: 'tile' }), whContext({ ttMetalDate: '2025-06-10' }));
    assert.equal(tiled.kind, 'illegal');
    assert.match(tiled.kind === 'illegal' ? tiled.rule : '', /should be in Row Major Layout/);
    const f32 = estimateOp(dramHeightSliced(40, { dtype: 'f32' }), whContext({ ttMetalDate: '2025-06-10' }));
    assert.equal(f32.kind, 'illegal');
    assert.match(f32.kind === 'illegal' ? f32.rule : '', /should be BFLOAT16/);
    const later = est(estimateOp(dramHeightSliced(40, { page: 'tile' }), whContext({ ttMetalDate: '2025-06-11' })));
    assert.equal(later.cbBytesSummedOverRanges, 32_832);
  });
  it('halo of an integer input: its own dtype before PR #22605 (2025-05-30), bfloat16 from it', () => {
    // halo_device_operation.cpp@867070c compute_output_specs: output dtype = the input's (BFLOAT8_B → BFLOAT16); from
    // PR #22605 (3c6ee52) FLOAT32 stays, every other dtype → BFLOAT16. The halo factory sizes its pad CBs in the output
    // format (untilize_with_halo_program_factory.cpp@3c6ee52: out_stick_nbytes from out_df), and the conv's ACT CB
    // takes the halo output's tile format.
    // 8x8x32 → 32, k3 s1 p1, input row-major height sharded on 2 cores (32 sticks · 32 channels: alignment 32).
    // Padded 10x10; 32 output sticks a core: core 0 rows 0..3, windows from 0 to 3·10 + 7 + 2·10 + 2 = 59 → 60 sticks,
    // core 1 from 40 to 77 + 22 = 99 → 60. Halo output 60 · 32 · elem; pad CBs 2 · align16(32 · elem).
    // Conv CBs (1 tile a core, act_block_w 3 tiles, no split reader, partials aliasing the tensor-backed output):
    // WEIGHTS 3 · 2,048 + ACT 3 · tile(halo dtype) + ACT_TILIZED 3 · 2,048 + L1_ARRAY 64.
    //   si32 before: halo 7,680 B, pad 2 · 128 = 256, CBs 6,144 + 12,288 + 6,144 + 64 = 24,640 B.
    //   u8 before:   halo 1,920 B, pad 2 · 32 = 64,   CBs 6,144 + 3,072 + 6,144 + 64 = 15,424 B.
    //   after (bf16), and u16 on both sides: halo 3,840 B, pad 128, CBs 18,496 B.
    const hs = (shape: number[], dtype: 'si32' | 'u8' | 'u16' | 'bf16') =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1], dtype });
    const convOf = (dtype: 'si32' | 'u8' | 'u16') =>
      conv2d({ n: 1, h: 8, w: 8, cIn: 32, cOut: 32, k: 3, s: 1, p: 1, input: hs([1, 1, 64, 32], dtype) });
    const figures = (dtype: 'si32' | 'u8' | 'u16', date: string) => {
      const e = est(estimateOp(convOf(dtype), whContext({ ttMetalDate: date })));
      const halo = e.l1Intermediates?.find((t) => t.role === 'halo output');
      return [halo?.bytesPerCore, halo?.writerProgram?.cbBytesPerCore, e.cbBytesSummedOverRanges];
    };
    assert.deepEqual(figures('si32', '2025-05-29'), [7_680, 256, 24_640]);
    assert.deepEqual(figures('u8', '2025-05-29'), [1_920, 64, 15_424]);
    for (const dtype of ['si32', 'u8', 'u16'] as const)
      assert.deepEqual(figures(dtype, '2025-05-30'), [3_840, 128, 18_496], dtype);
    assert.deepEqual(figures('u16', '2025-05-29'), [3_840, 128, 18_496]);
  });
  // Before PR #17485, select_shard_spec (PR #13941; conv2d_utils.cpp of late 2024 and early 2025, search index ids
  // 2405271965 and 2427742271): core counts from determine_parallel_config's defaults, block unless height has more
  // cores while block has under 48 (3/4 of 64), or ties on at most 8; width when at least as many; a block pick turns
  // width for width ≥ 40 cores and C_in > 1280. The conv above: NHW_t 32 → height 32 cores (32 | 32); block 8 rows
  // (8 | 32) × 1 channel column (C_in 1 tile: 8..2 pad that one tile by a share or more) = 8; width 1 (C_in 1 tile).
  // Height 32 > block 8 < 48 → height: the 110,656 B plan above (act_block_h_override 32 from auto shard).
  it('auto shard before PR #17485 takes the scheme with the most cores: height on 32 cores for 16 → 512 channels', () => {
    const e = est(estimateOp(fewInManyOut(), whContext({ ttMetalDate: '2025-01-15' })));
    assert.match(e.factory, /height_sharded/);
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed], [110_656, 32]);
    assert.match(
      e.factoryReason,
      /auto shard by core count \(height 32, block 8, width 1; before tt-metal PR #17485\)/,
    );
    // The rule's modeled form is complete from PR #16045 (2024-12-16; select_shard_spec's 3/4-grid guard of 236622e,
    // 2024-11-27, read in the nyoshifujiTT/tt-metal mirror): the same pick and CBs the first day; the day before, and
    // October 2024 (the first auto shard, 2024-10-09, and PR #13941's form), say why there is no figure.
    const first = est(estimateOp(fewInManyOut(), whContext({ ttMetalDate: '2024-12-16' })));
    assert.deepEqual([first.cbBytesPerCore, first.nCoresUsed], [110_656, 32]);
    for (const date of ['2024-12-15', '2024-10-01']) {
      const r = estimateOp(fewInManyOut(), whContext({ ttMetalDate: date }));
      assert.equal(r.kind, 'unmodeled', date);
      assert.match(r.kind === 'unmodeled' ? r.reason : '', /before tt-metal PR #16045 \(2024-12-16\)/);
    }
    // An explicit shard_layout does not go through auto shard (nor its act_block_h_override of one tile): the same
    // conv, width sharded, has act_block_h = per_core_M = 32 tiles: WEIGHTS 9, ACT 32·9 = 288, ACT_TILIZED 288,
    // ACT_ROW_MAJOR 288 → 873 · 2,048 + 64 = 1,787,968 B.
    const given = conv2d({
      n: 1,
      h: 32,
      w: 32,
      cIn: 16,
      cOut: 512,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'width_sharded' },
    });
    assert.equal(est(estimateOp(given, whContext({ ttMetalDate: '2025-01-15' }))).cbBytesPerCore, 1_787_968);
  });
  it("auto shard before PR #17485: tt-xla #187's Mixer-B/16 stem on the thread's 7 cores; a block pick with C_in > 1280 turns width", () => {
    // tt-xla #187 (2025-01-23; tt-xla's tt-mlir ad93092 pins tt-metal 8833f73 of 2025-01-20, the same rule as 78f2c0b7
    // of 2025-01-22): 1x224x224x3 → 768, 16x16 stride 16 → 14x14 = 196
    // rows, NHW_t 7. Height 7 (7 | 7; 64..8 pad 7 tiles by a share or more); block rows 7 (8 pads 7 to 8, 1 ≥ 8/8) ×
    // channel columns 1 (C_in 1 tile: any d > 1 pads it by d − 1 ≥ 1) = 7; width 1. Height ties block on at most one grid
    // row (7 ≤ 8) → height; width 1 < 7. The thread's clash range [(x=0,y=0) - (x=6,y=0)] is those 7 cores.
    const stem = conv2d({ n: 1, h: 224, w: 224, cIn: 3, cOut: 768, k: 16, s: 16, p: 0 });
    const e = est(estimateOp(stem, whContext({ ttMetalDate: '2025-01-22' })));
    assert.match(e.factoryReason, /height 7, block 7, width 1; .*→ height_sharded/);
    assert.equal(e.nCoresUsed, 7);
    // 28x28x1344 → 1344, 3x3 p1: NHW_t 25 → height 25; block rows 7 × channel columns 7 (42 tiles: 8 pads to 48, 6 ≥
    // 6; 7 divides) = 49; width 42 (43..64 pad 42 by d − 42 ≥ 1). Block 49 is the most, but width has ≥ 40 cores and
    // C_in 1344 > 1280 → width on 42 cores (act_block_w_div stays ceil(1344 / (42·32)) = 1).
    const wide = conv2d({ n: 1, h: 28, w: 28, cIn: 1344, cOut: 1344, k: 3, s: 1, p: 1 });
    const w = est(estimateOp(wide, whContext({ ttMetalDate: '2025-01-22' })));
    assert.match(w.factoryReason, /height 25, block 49, width 42; .*→ width_sharded/);
  });
  it("auto shard's shallow conv before tt-metal PR #17711: 16 channels for C_in ≤ 16, 32 for 17..31; 8 below 32 from it", () => {
    // conv2d_utils.cpp@78f2c0b (determine_conv_config_for_auto_shard): a height-sharded non-matmul conv of a row-major
    // input with act_block_h_override 0 and the default alignment 32 pads C_in ≤ TILE_WIDTH / 2 to 16; PR #17711
    // (1b266bb, 2025-02-06) pads C_in < 32 to 8. 64x64 row-major DRAM input, 3x3 p1 → 64 channels: NHW_t 128 → height
    // (PR #13941's most-cores rule at 01-20, PR #17485's L1 estimate at 02-06; the test checks both pick height).
    const rm = (c: number) =>
      conv2d({
        n: 1,
        h: 64,
        w: 64,
        cIn: c,
        cOut: 64,
        k: 3,
        s: 1,
        p: 1,
        input: tensor([1, 1, 4096, c], { page: 'row_major' }),
      });
    const padded = (c: number, date: string) => {
      const e = est(estimateOp(rm(c), whContext({ ttMetalDate: date })));
      assert.match(e.factoryReason, /→ height_sharded/, `${c} at ${date}`);
      return /C_in padded to (\d+)/.exec(e.factoryReason)?.[1];
    };
    assert.deepEqual([padded(3, '2025-01-20'), padded(16, '2025-01-20'), padded(24, '2025-01-20')], ['16', '16', '32']);
    assert.deepEqual([padded(3, '2025-02-06'), padded(16, '2025-02-06'), padded(24, '2025-02-06')], ['8', '16', '24']);
  });
  it("an auto-sharded 1x1 conv hands its resolved compute config to ttnn.linear (tt-mlir's packer_l1_acc window)", () => {
    // conv2d resolves its compute config (the IR's, else get_conv_default_compute_kernel_config: fp32 accumulation for
    // f32 input and weights, packer_l1_acc off) and passes it to ttnn::linear (conv2d.cpp@622c6fb conv2d_L1), so the
    // linear never takes the matmul default. Between tt-mlir PRs #3579 and #3610 (2025-05-30..06-01) tt-mlir's runtime
    // gave a conv2d without a compute config its own: fp32 off, packer_l1_acc on [12].
    // 32x32x256 → 256 f32, DRAM input: the linear [1024, 256] x [256, 256] picks 1D mcast in1, per_core_M 1, per_core_N
    // 8, in0_block_w 2 (the figure's config line); Kt 8 → 4 K blocks, double-buffered: c_0 1·2·2 = 4, c_1 8·2·2 = 32,
    // c_4 8 f32 tiles → 44 · 4,096 = 180,224 B. In the runtime window packer_l1_acc with 4 > 2 K blocks packs Float16_b
    // partials (not the f32 output's format): c_5 of 8 · 2,048 = 16,384 → 196,608 B; outside it f32 partials share c_4.
    const conv = f32Conv32x32x256();
    const at = (date: string) => est(estimateOp(conv, whContext({ ttMetalDate: date })));
    assert.match(at('2025-05-31').factoryReason, /per_core_M 1, per_core_N 8, in0_block_w 2/);
    assert.equal(at('2025-05-31').cbBytesPerCore, 196_608);
    for (const date of ['2025-05-29', '2025-06-02']) assert.equal(at(date).cbBytesPerCore, 180_224, date);
  });
  // VoVNet's OSA 1x1 conv, 14x14x512 → 192: the auto-sharded 1x1 tests below.
  const vovnetOsa1x1 = { n: 1, h: 14, w: 14, cIn: 512, cOut: 192, k: 1, s: 1, p: 0 };
  it('an auto-sharded 1x1 conv on a row-major input runs the tilize program before its linear, and reports the larger', () => {
    // conv2d tilizes a row-major input with ttnn::to_layout(TILE) into its own memory config before ttnn::linear
    // (shard_or_reshard_tensor_if_required or conv2d_L1's matmul branch; tilize_with_optional_deallocation at de47eb4).
    // VoVNet's 14x14x512 → 192 1x1 conv without the bias (corpus vovnet.opt.ttnn.mlir %75), DRAM interleaved
    // row-major bf16 input [1, 1, 196, 512], build 2026-04-15:
    // - tilize: 196 rows are not a tile multiple → tilize_with_val_padding, interleaved factory, one tile row per core
    //   (ceil(196/32) = 7 rows on 7 cores): c_0 and c_16 of Wt = 512/32 = 16 bf16 tiles → 2 · 16 · 2,048 = 65,536 B;
    // - linear (all DRAM, 2D mcast): Mt 7, Kt 16, Nt 6 → per_core 1x1 (ceil(7/8), ceil(6/8)), in0_block_w 16/8 = 2,
    //   8 K blocks → c_0 1·2·2 = 4, c_1 4, c_4 1 → 9 · 2,048 = 18,432 B.
    // The op reports the tilize (65,536 B); a tiled input runs the linear alone (18,432 B).
    // The result here is L1 interleaved, not the linear's DRAM default, so conv2d_L1 copies it after the matmul
    // (ttnn::to_memory_config when memory_config != matmul_output.memory_config(), conv2d.cpp@de47eb4): the copy's
    // tilized factory, c_0 = 2 · aligned input page = 2 · 2,048 = 4,096 B (copy_default_tilized_program_factory.cpp@de47eb4),
    // the last program, the one that allocates the L1 result.
    // The IR's `conv2d_slice_config<l1_full, 0>` keeps the DRAM input on conv2d's L1 path, as in the corpus file.
    const l1Full = (o: ReturnType<typeof conv2d>) => ({
      ...o,
      properties: {
        ...o.properties,
        conv2d_slice_config: {
          kind: 'dialect' as const,
          name: 'ttnn.conv2d_slice_config',
          text: '#ttnn.conv2d_slice_config<l1_full, 0>',
          items: ['l1_full', '0'],
          fields: {},
        },
      },
    });
    const rowMajor = l1Full(conv2d({ ...vovnetOsa1x1, input: tensor([1, 1, 196, 512], { page: 'row_major' }) }));
    const tiled = l1Full(conv2d({ ...vovnetOsa1x1, input: tensor([1, 1, 196, 512]) }));
    const ctx = () => whContext({ ttMetalDate: '2026-04-15' });
    const e = est(estimateOp(rowMajor, ctx()));
    assert.match(
      e.factoryReason,
      /3 programs run in turn .*TilizeWithValPadding\w* 65536 B; ttnn\.linear: .* 18432 B; to_memory_config of the linear output to the result: .* 4096 B\)/,
    );
    assert.equal(e.cbBytesPerCore, 65_536);
    assert.equal(e.nCoresUsed, 7);
    // The tilized copy and the linear's result are in DRAM: 0 B of L1 each, their programs checked where they run.
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.bytesPerCore, t.writerProgram?.cbBytesPerCore]),
      [
        [0, 65_536],
        [0, 18_432],
      ],
    );
    assert.equal(e.lastProgram?.cbBytesPerCore, 4_096);
    const t = est(estimateOp(tiled, ctx()));
    assert.equal(t.cbBytesPerCore, 18_432);
    assert.deepEqual(
      t.l1Intermediates?.map((x) => [x.bytesPerCore, x.writerProgram?.cbBytesPerCore]),
      [[0, 18_432]],
    );
    assert.equal(t.lastProgram?.cbBytesPerCore, 4_096);
  });
  it('an auto-sharded 1x1 conv on prepared device weights, DRAM in and out, is exact inside read span conv2d-auto-shard-mm-linear-2026-spring', () => {
    // conv2d.cpp / conv2d_utils.cpp / prepare_conv2d_weights.cpp @de47eb4, unchanged on this path since cb11809: a
    // [1, 1, C_in, C_out] TILE device weight of the weights dtype passes is_valid_device_conv_weights and goes to
    // ttnn::linear as it is; the linear writes DRAM interleaved (matmul.cpp's default), the result's memory config, so
    // no copy after. VoVNet's 14x14x512 → 192 1x1 conv (corpus vovnet.opt.ttnn.mlir %75) without bias or activation,
    // tiled DRAM input [1, 1, 196, 512], build 2026-04-15: the linear of the test above, Mt 7, Kt 16, Nt 6 → 2D mcast
    // per_core 1x1, in0_block_w 2, 8 K blocks → c_0 1·2·2 = 4, c_1 4, c_4 1 → 9 · 2,048 = 18,432 B, the only program.
    const props = (config: Record<string, string> | null): Record<string, PropValue> => ({
      in_channels: int(512),
      out_channels: int(192),
      batch_size: int(1),
      input_height: int(14),
      input_width: int(14),
      kernel_size: ints(1, 1),
      stride: ints(1, 1),
      padding: ints(0, 0),
      dilation: ints(1, 1),
      groups: int(1),
      conv2d_slice_config: {
        kind: 'dialect' as const,
        name: 'ttnn.conv2d_slice_config',
        text: '#ttnn.conv2d_slice_config<l1_full, 0>',
        items: ['l1_full', '0'],
        fields: {},
      },
      ...(config === null ? {} : { conv2d_config: dialect('ttnn.conv2d_config', config) }),
    });
    const conv = (
      weights: ReturnType<typeof tensor>,
      config: Record<string, string> | null = { weights_dtype: 'bf16' },
    ) =>
      op('ttnn.conv2d', [tensor([1, 1, 196, 512]), weights, DEVICE_VALUE], [tensor([1, 1, 196, 192])], props(config));
    const device = tensor([1, 1, 512, 192]);
    const at = (o: ReturnType<typeof conv>, date: string) => est(estimateOp(o, whContext({ ttMetalDate: date })));
    const e = at(conv(device), '2026-04-15');
    assert.equal(e.cbBytesPerCore, 18_432);
    assert.equal(e.confidence, 'exact', e.approxReason);
    assert.ok(e.citations.some((c) => c.includes('conv2d-auto-shard-mm-linear-2026-spring')));
    // Host weights are prepared by conv2d (not read over the span); a build after the span, no conv2d_config: approx,
    // the same figure.
    const hostWeights = at(conv(host([192, 512, 1, 1])), '2026-04-15');
    assert.equal(hostWeights.confidence, 'approx');
    assert.match(hostWeights.approxReason, /weights not already prepared on the device/);
    assert.equal(hostWeights.cbBytesPerCore, 18_432);
    assert.equal(at(conv(device), '2026-05-10').confidence, 'approx');
    assert.equal(at(conv(device, null), '2026-04-15').confidence, 'approx');
    // With conv2d_config's relu (VoVNet's OSA 1x1 convs) the linear runs it after the matmul, a unary program of its
    // own into DRAM (read span matmul-auto-activation-after): c_0 and c_2 of 2 bf16 tiles = 4 · 2,048 = 8,192 B, so
    // the figure stays the matmul's 18,432 B, now exact too.
    const relu = at(conv(device, { weights_dtype: 'bf16', activation: '<op_type = relu>' }), '2026-04-15');
    assert.equal(relu.cbBytesPerCore, 18_432);
    assert.equal(relu.confidence, 'exact', relu.approxReason);
    assert.match(relu.factoryReason, /the matmul: \S+ 18432 B; the activation: \S+ 8192 B/);
  });
  it("an auto-sharded 1x1 conv's tilized L1 input is held through the result copy unless deallocate_activation", () => {
    // conv2d.cpp@de47eb4 conv2d_L1: the tilized input is a local until conv2d returns, so it is still allocated while
    // to_memory_config copies the linear's DRAM output into the L1 result; deallocate_activation frees it right after
    // the linear. VoVNet's 14x14x512 → 192 1x1 conv on an L1 interleaved row-major input: the tilized copy is
    // ceil(196/32) · 512/32 = 7 · 16 = 112 bf16 tiles over the 64 L1 banks → ceil(112/64) = 2 pages · 2,048 = 4,096 B
    // per bank; the linear's result is DRAM (0 B of L1).
    const conv = (config: Record<string, string>) =>
      conv2d({ ...vovnetOsa1x1, input: tensor([1, 1, 196, 512], { buffer: 'l1', page: 'row_major' }), config });
    const held = (config: Record<string, string>) =>
      est(estimateOp(conv(config), whContext({ ttMetalDate: '2026-04-15' }))).l1Intermediates?.map((t) => [
        t.bytesPerCore,
        t.liveDuringProgram,
      ]);
    assert.deepEqual(held({}), [
      [4_096, true],
      [0, true],
    ]);
    assert.deepEqual(held({ deallocate_activation: 'true' }), [
      [4_096, false],
      [0, true],
    ]);
  });
  it("from tt-metal PR #19439 an auto-sharded 1x1 conv hands conv2d_config's activation to its ttnn.linear", () => {
    // conv2d.cpp@7c03edf2f0 (2025-03-21, issue #19167): an interleaved input's linear gets conv_config.activation;
    // @7c03edf2f0~1 it got none, the relu was dropped. bound_matmul runs it after the matmul as a unary program (no
    // user core grid), so the linear's notes say so from that build only; the matmul's CBs stay the tiled test's.
    const conv = conv2d({ ...vovnetOsa1x1, input: tensor([1, 1, 196, 512]), config: { activation: '<op_type=relu>' } });
    const activationNote = /activation runs after the matmul/;
    const at = (date: string) => est(estimateOp(conv, whContext({ ttMetalDate: date })));
    assert.ok(!at('2025-03-20').notes.some((n) => activationNote.test(n)), 'dropped before PR #19439');
    assert.ok(
      at('2025-03-21').notes.some((n) => activationNote.test(n)),
      'handed to the linear from PR #19439',
    );
  });
  it("before tt-metal PR #22509 an auto-sharded 1x1 conv's ttnn.linear runs with the matmul's default compute config", () => {
    // conv2d.cpp passed no compute_config to ttnn::linear until 7ec6d04 (PR #22509, 2025-05-27; issue #22328), so the
    // linear took create_matmul_struct's default for an unset config: packer_l1_acc on and fp32 accumulation off for
    // every output from PR #15214 (matmul_op.cpp@93fccc5), fp32 accumulation exactly for an f32 output from PR #16567
    // (@652490d, 2025-01-10). The conv's own config (f32 input and weights) does not reach it.
    // The 32x32x256 → 256 f32 conv of the test above, on a build of 2025-01-08 (after PR #15938's all-DRAM selection):
    // Mt 32, Nt 8, Kt 8; the 8x8 per-core block fits free L1 (128 f32 tiles, 512 KiB), so the blocks form one column
    // (ceil(8/8) = 1) → 1D mcast_in1, per_core_M = ceil(ceil(1024/64)/32) = 1, per_core_N = 8, in0_block_w 2 (Kt even).
    // 4 K blocks: c_0 1·2·2 = 4, c_1 8·2·2 = 32, c_4 8 f32 tiles → 44 · 4,096 = 180,224 B; packer_l1_acc with 4 > 2 K
    // blocks packs Float16_b partials, not the f32 output's format: c_5 8 · 2,048 = 16,384 → 196,608 B. From 2025-01-10
    // the default is fp32 accumulation for the f32 output: Float32 partials share c_4 → 180,224 B.
    const conv = f32Conv32x32x256();
    const at = (date: string) => est(estimateOp(conv, whContext({ ttMetalDate: date })));
    assert.match(
      at('2025-01-08').factoryReason,
      /MatmulMultiCoreReuseMultiCast1DProgramConfig.*per_core_M 1, per_core_N 8, in0_block_w 2/,
    );
    assert.equal(at('2025-01-08').cbBytesPerCore, 196_608);
    assert.equal(at('2025-01-12').cbBytesPerCore, 180_224);
  });
  it('an auto-sharded 1x1 conv runs ttnn.linear before PR #17485 too: the most-cores rule does not reach it', () => {
    // conv2d_utils.cpp of early 2025 (search index id 2427742271): determine_conv_config_for_auto_shard still takes
    // select_shard_spec's most-cores scheme, but shard_or_reshard_tensor_if_required skips the reshard for a matmul conv
    // (auto_shard_mm) and conv2d.cpp of that time (id 2762361960) gives ttnn::linear a program config only for a sharded
    // input. VoVNet's 1x1 conv without the bias: 28x28x1088 → 768, DRAM interleaved input, so every linear operand is
    // DRAM interleaved (weights [1088, 768] prepared to DRAM, result DRAM): 2D mcast over the 8x8 grid (all-DRAM rule
    // from PR #15938, 2025-01-06), Mt = ceil(784/32) = 25, Kt = 1088/32 = 34, Nt = 768/32 = 24 → per_core_M =
    // ceil(25/8) = 4, per_core_N = ceil(24/8) = 3, in0_block_w = 1 (34 % 8 ≠ 0), 34 K blocks → double-buffered:
    // c_0 4·1·2 = 8, c_1 3·1·2 = 6, c_4 4·3 = 12 (interm shares it: bf16, no packer L1 accumulation) → 26 tiles ·
    // 2,048 = 53,248 B. No bias, so change point matmul-estimate-bias-term (2025-02-02) does not matter; the same at
    // 2025-02-10 (L1-estimate auto shard). Under the most-cores rule's plan the conv would be resharded: not this.
    const conv = conv2d({
      n: 1,
      h: 28,
      w: 28,
      cIn: 1088,
      cOut: 768,
      k: 1,
      s: 1,
      p: 0,
      input: tensor([1, 1, 784, 1088]),
    });
    for (const date of ['2025-01-15', '2025-02-10']) {
      const e = est(estimateOp(conv, whContext({ ttMetalDate: date })));
      assert.match(e.factory, /ttnn\.linear/, date);
      assert.equal(e.programFactory, 'MatmulMultiCoreReuseMultiCastProgramConfig', date);
      assert.equal(e.cbBytesPerCore, 53_248, date);
      // No resharded input: the only own tensor before the result is the linear's DRAM output (0 B of L1), which the
      // to_memory_config copy into the L1 result reads.
      assert.deepEqual(
        e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore]),
        [['result of ttnn.linear', 0]],
        `${date}: no resharded input`,
      );
    }
    // The path is PR #15861, reverted by PR #16019 the day it merged (2024-12-13) and restored by PR #16045 on
    // 2024-12-16 (nyoshifujiTT/tt-metal mirror: auto_shard_mm absent at 44ea114, present at 36e2494): a linear from that
    // day; the day before, auto shard resharded the input for the sharded matmul, not modeled.
    assert.match(est(estimateOp(conv, whContext({ ttMetalDate: '2024-12-16' }))).factory, /ttnn\.linear/);
    const before = estimateOp(conv, whContext({ ttMetalDate: '2024-12-15' }));
    assert.equal(before.kind, 'unmodeled');
    assert.match(before.kind === 'unmodeled' ? before.reason : '', /auto shard .* before tt-metal PR #16045/);
    // A 3x3 conv of the same input in the same build does go through the most-cores rule: NHW_t 25 → height 25 cores
    // (25 | 25); block rows 7 (8 pads 25 to 32, 7 ≥ 32/8; 7 pads to 28, 3 < 4), channel columns 6 (C_out 24, C_in 34
    // tiles: 8 pads 34 to 40, 6 ≥ 5; 7 pads 24 to 28, 4 ≥ 4; 6 pads 34 to 36, 2 < 6) = 42; width 34 (34 | 34). Height 25
    // and width 34 under block's 42 (< 48, C_in ≤ 1280) → block on 42 cores.
    const k3 = conv2d({ n: 1, h: 28, w: 28, cIn: 1088, cOut: 768, k: 3, s: 1, p: 1, input: tensor([1, 1, 784, 1088]) });
    const k3e = est(estimateOp(k3, whContext({ ttMetalDate: '2025-01-15' })));
    assert.match(k3e.factoryReason, /height 25, block 42, width 34.*→ block_sharded/);
  });
  it('a full build window keeps the most-cores figure beside the later ones', () => {
    // Split at PR #16185 (2025-01-07: the resharded input's hole, not the CBs), PR #17485 (2025-02-05) and PR #17945
    // (2025-02-19), among others: the stretch to 02-04 takes the most-cores height plan (110,656 B), PR #17485 alone the
    // width plan (73,792 B), the proxy era height again.
    const e = est(estimateOp(fewInManyOut(), whContext({ window: FULL_WINDOW })));
    const figures = e.versionRange?.figures ?? [];
    assert.equal(figures[0]?.kind, 'estimate');
    assert.deepEqual(
      figures.slice(0, 2).map((f) => [f.window.earliest, f.window.latest, f.cbBytesPerCore]),
      [
        ['2025-01-01', '2025-01-06', 110_656],
        ['2025-01-07', '2025-02-04', 110_656],
      ],
    );
    const modeled = figures.map((f) => f.cbBytesPerCore);
    assert.ok(
      modeled.includes(73_792) && modeled.includes(110_656),
      JSON.stringify(figures.map((f) => [f.window, f.cbBytesPerCore])),
    );
    assert.ok(e.cbBytesPerCore >= 110_656);
  });
  it('auto-shard does not touch an act_block_h_override the config sets', () => {
    // Same conv with act_block_h_override 64 and shard_layout unset: block 8x2, act_block_h 2 tiles (13 % 2 ≠ 0 → the
    // largest divisor of 13 ≤ 2 is 1): the config's value goes through unchanged on both sides of PR #32424.
    const cfg = { act_block_h_override: '64' };
    const o = conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 64, k: 3, s: 1, p: 1, config: cfg });
    const early = est(estimateOp(o, whContext({ ttMetalDate: '2025-10-01' })));
    const late = est(estimateOp(o, whContext({ ttMetalDate: '2025-11-27' })));
    assert.deepEqual(
      early.cbs.map((c) => [c.role, c.nPages]),
      late.cbs.map((c) => [c.role, c.nPages]),
    );
  });

  it('a grouped 1x1 conv runs the conv program before tt-metal PR #21290 and the matmul since', () => {
    // use_matmul_for_1x1_conv required groups == 1 until PR #21290 (2025-04-28, issue #21289). The 56x56x64 → 128 1x1
    // height case with groups 2: since the PR a matmul over the block-diagonal [64, 128] weights, the same blocks as
    // groups 1 (in0 on the input shard, in1 4·2 = 8 tiles · 2,048 = 16,384 B). Before it, the conv program: per core 2x4 tiles,
    // act_block_w = round_up(64·1, 32)/32 = 2; WEIGHTS 4·2 = 8, ACT 2·2 = 4 (no split reader before PR #27731),
    // ACT_TILIZED 4, partials alias the bf16 output → 16 · 2,048 + 64 = 32,832 B.
    const o = conv2d({
      n: 1,
      h: 56,
      w: 56,
      cIn: 64,
      cOut: 128,
      k: 1,
      s: 1,
      p: 0,
      groups: 2,
      config: { shard_layout: 'height_sharded' },
    });
    const before = est(estimateOp(o, whContext({ ttMetalDate: '2025-03-31' })));
    assert.doesNotMatch(before.factory, /matmul/);
    assert.equal(before.cbBytesSummedOverRanges, 32_832);
    const after = est(estimateOp(o, whContext({ ttMetalDate: '2025-06-01' })));
    assert.match(after.factory, /matmul/);
    assert.equal(after.cbBytesSummedOverRanges, 16_384);
  });

  it('a grouped 1x1 conv on an interleaved input with no shard_layout runs ttnn.linear only since PR #21290', () => {
    // auto_shard_mm is auto_shard && is_mm_conv, and is_mm_conv took groups into account until PR #21290.
    // The helper's default input is L1 interleaved.
    const o = conv2d({ n: 1, h: 56, w: 56, cIn: 64, cOut: 128, k: 1, s: 1, p: 0, groups: 2 });
    assert.doesNotMatch(est(estimateOp(o, whContext({ ttMetalDate: '2025-03-31' }))).factory, /ttnn\.linear/);
    assert.match(est(estimateOp(o, whContext({ ttMetalDate: '2025-06-01' }))).factory, /ttnn\.linear/);
  });

  it('before PR #27731 the height-sharded ACT is one CB unless enable_split_reader is set', () => {
    const o = conv2d({
      n: 1,
      h: 56,
      w: 56,
      cIn: 64,
      cOut: 64,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'height_sharded' },
    });
    const e = est(estimateOp(o, whContext({ ttMetalDate: '2025-08-15' })));
    assert.deepEqual(
      e.cbs.filter((c) => c.role.startsWith('act')).map((c) => c.nPages),
      [12, 12],
    );
    assert.equal(e.cbBytesSummedOverRanges, 73_792);
  });

  it('tt-metal PR #51664: a dedicated partials CB (row-major output) holds one output block, not the per-core output', () => {
    // The 56x56x64 → 64, k3 p1 height conv with act_block_h_override 32 (98,368 B of other CBs, two act blocks per core:
    // per_core_M 2, per_core_N 2, act_block_h 1) and output_layout row_major: the bf16 partials cannot alias the output.
    // Before (get_cb_info@003324f): MATMUL_PARTIALS = per_core_M·per_core_N = 4 tiles → 98,368 + 8,192 = 106,560 B.
    // After: one output block, act_block_h·per_core_N = 2 tiles → 98,368 + 4,096 = 102,464 B.
    const o = conv2d({
      n: 1,
      h: 56,
      w: 56,
      cIn: 64,
      cOut: 64,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'height_sharded', act_block_h_override: '32', output_layout: 'row_major' },
    });
    const partials = (e: OpEstimate) => e.cbs.find((c) => c.role === 'matmul partials')?.nPages;
    const before = est(estimateOp(o, whContext({ ttMetalDate: '2026-07-30' })));
    const after = est(estimateOp(o, whContext({ ttMetalDate: '2026-07-31' })));
    assert.deepEqual([partials(before), before.cbBytesSummedOverRanges], [4, 106_560]);
    assert.deepEqual([partials(after), after.cbBytesSummedOverRanges], [2, 102_464]);
    // One act block per core (no override): the block is the whole per-core output, so the window is not split there.
    const single = conv2d({
      n: 1,
      h: 56,
      w: 56,
      cIn: 64,
      cOut: 64,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'height_sharded', output_layout: 'row_major' },
    });
    const straddled = est(estimateOp(single, whContext({ window: { earliest: '2026-07-20', latest: '2026-08-10' } })));
    assert.equal(straddled.versionRange, undefined);
    const split = est(estimateOp(o, whContext({ window: { earliest: '2026-07-20', latest: '2026-08-10' } })));
    assert.deepEqual(split.versionRange?.changePoints, ['conv2d-partials-one-block']);
  });

  it('tt-metal PR #48632: a per-tap 1-D depthwise conv over several height blocks keeps all taps and a scratch CB', () => {
    // Depthwise conv2d of a 1x4102 image, C 1280, kernel 1x7, no bias → 1x4096: 128 output tiles on 64 cores (2 each);
    // act_block_h_override 32 → act_block_h 1, two height blocks. Wormhole burst 8,192 B < 1280·2 B·7 = 17,920 → one tap
    // per block: act_block_w = per_core_N = 1280/32 = 40 tiles. ACT 1·40 = 40, ACT_TILIZED 40, L1 scratch 64 B.
    // Before (from PR #44490): WEIGHTS per_core_N·act_block_h = 40 (×kH 1) → 120 · 2,048 + 64 = 245,824 B.
    // After: WEIGHTS 40·1·kW 7 = 280, scratch 2 blocks · 1·40 = 80 → 440 · 2,048 + 64 = 901,184 B.
    const dw = op(
      'ttnn.conv2d',
      [l1([1, 1, 4102, 1280]), host([1280, 1, 1, 7]), DEVICE_VALUE],
      [l1([1, 1, 4096, 1280])],
      {
        in_channels: int(1280),
        out_channels: int(1280),
        batch_size: int(1),
        input_height: int(1),
        input_width: int(4102),
        kernel_size: ints(1, 7),
        stride: ints(1, 1),
        padding: ints(0, 0),
        dilation: ints(1, 1),
        groups: int(1280),
        conv2d_config: dialect('ttnn.conv2d_config', { shard_layout: 'height_sharded', act_block_h_override: '32' }),
      },
    );
    const before = est(estimateOp(dw, whContext({ ttMetalDate: '2026-06-29' })));
    const after = est(estimateOp(dw, whContext({ ttMetalDate: '2026-06-30' })));
    assert.equal(before.nCoresUsed, 64);
    assert.equal(before.cbBytesSummedOverRanges, 245_824);
    assert.equal(after.cbBytesSummedOverRanges, 901_184);
    assert.deepEqual(
      after.cbs.filter((c) => c.role === 'weights' || c.role === 'depthwise partial scratch').map((c) => c.nPages),
      [280, 80],
    );
  });
});

describe('conv3d L1 prefetch shard (tt-metal PR #38579, coalesced scratch from PR #43541)', () => {
  const rm = (s: number[]) => tensor(s, { page: 'row_major' });
  // 1x8x28x28x32 bf16 DRAM row-major input, k 3x3x3, stride 1, padding 1, blocks T 1 · H 1 · W 32, C_in_block 32 (one
  // block), C_out_block 32; WH n150 preset (L1 1,499,136 B, base 102,656 B, 12 DRAM banks).
  const conv = op('ttnn.conv3d', [rm([1, 8, 28, 28, 32]), tensor([864, 32]), DEVICE_VALUE], [rm([1, 8, 28, 28, 32])], {
    in_channels: int(32),
    out_channels: int(32),
    kernel_size: ints(3, 3, 3),
    padding: ints(1, 1, 1),
    conv3d_config: dialect('ttnn.conv3d_config', {
      t_out_block: '1',
      h_out_block: '1',
      w_out_block: '32',
      c_in_block: '32',
      c_out_block: '32',
    }),
  });
  // Other CBs: patch 27·32 = 864 → K_t 27, N_t 1; 32 patches → M_t 1. vol2col rm min(32, 64) = 32 pages of 864·2 =
  // 1,728 → 55,296; vol2col tiled 27·2,048 = 55,296; weight 27·2,048 = 55,296; interm + result 2·2,048 → 169,984 B.
  const other = 169_984;

  it('before PR #38579 (2026-03-02): no shard', () => {
    assert.equal(est(estimateOp(conv, whContext({ ttMetalDate: '2026-03-01' }))).cbBytesPerCore, other);
  });

  it('from PR #38579: the receptive field of one block, 3 · 3 · (31 + 3) = 306 positions of 64 B = 19,584 B', () => {
    // Budget min(1,499,136 − 102,656 − 204,800 − 169,984, 512,000) = 512,000 ≥ 19,584.
    const e = est(estimateOp(conv, whContext({ ttMetalDate: '2026-05-07' })));
    assert.equal(e.cbBytesPerCore, other + 19_584);
  });

  it('from PR #43541 (2026-05-08): a DRAM input read in whole rows with W_s = 34 ≥ 2 · 12 banks adds scratch rows', () => {
    // Rows of 34 · 64 = 2,176 B: ⌊(512,000 − 19,584) / 2,176⌋ = 226 fit, capped at T_s·H_s = 9 ≥ min(9, 12) → the CB is
    // (306 + 9 · 34) · 64 = 39,168 B.
    const e = est(estimateOp(conv, whContext({ ttMetalDate: '2026-05-08' })));
    assert.equal(e.cbBytesPerCore, other + 39_168);
  });

  it('no shard for a 1x1x1 kernel, nor when the other CBs leave no prefetch budget', () => {
    const pointwise = {
      ...conv,
      properties: { ...conv.properties, kernel_size: ints(1, 1, 1), padding: ints(0, 0, 0) },
    };
    // patch 32 → K_t 1: vol2col rm 32 · 64 = 2,048; tiled, weight, interm, result 4 · 2,048 → 10,240 B, no shard.
    assert.equal(est(estimateOp(pointwise, whContext({ ttMetalDate: '2026-05-08' }))).cbBytesPerCore, 10_240);
    // A base of 1,190,016 B leaves a budget of 1,499,136 − 1,190,016 − 204,800 = 104,320 B, below the other CBs'
    // 169,984: no prefetch budget at all, so no shard.
    const tight = est(estimateOp(conv, whContext({ ttMetalDate: '2026-05-08', base: 1_190_016 })));
    assert.equal(tight.cbBytesPerCore, other);
  });
});

describe('conv3d without a conv3d_config (tt-metal defaults by build)', () => {
  // Qwen2.5-VL patch embedding: C_in 3 zero-padded to 32 by the caller (tt-metal reads C_in from the activation),
  // C_out 1280, kernel = stride = 2x14x14, one output patch, pre-prepared weights [2·14·14·32, 1280], no bias
  // (tt-metal issue #42146, tt-metal PR #48243).
  const rm = (s: number[]) => tensor(s, { page: 'row_major' });
  const qwen = op(
    'ttnn.conv3d',
    [rm([1, 2, 14, 14, 32]), tensor([12544, 1280]), DEVICE_VALUE],
    [rm([1, 1, 1, 1, 1280])],
    {
      in_channels: int(32),
      out_channels: int(1280),
      kernel_size: ints(2, 14, 14),
      stride: ints(2, 14, 14),
    },
  );

  it('C_in_block 32 (tt-metal PR #41281): within 0.1% of the 1,738,528 B tt-metal printed in issue #42146', () => {
    // K = 2·14·14·32 = 12,544 → K_t 392; C_out_block 32 → N_t 1: vol2col_rm 1 page of 12,544·2 = 25,088; vol2col_tiled
    // 392·2,048 = 802,816; weight 802,816; interm 2,048; result 2,048 → 1,634,816 B + base. tt-metal's figure includes
    // its build's base (about 1 KB above the n150 preset's 102,656 B).
    const e = est(estimateOp(qwen, whContext({ ttMetalDate: '2026-04-15' })));
    assert.equal(e.cbBytesPerCore, 1_634_816);
    assert.ok(Math.abs(e.cbRegionEndBytes - 1_738_528) / 1_738_528 < 0.001);
  });

  it('the smallest valid C_in block (PR #43715, merged 2026-05-13) is 16 for a 2x14x14 kernel and fits', () => {
    // lcm(16, 32 / gcd(392, 32) = 4) = 16 → K_t 196, 32/16 = 2 C_in blocks: vol2col_rm 6,272·2 = 12,544;
    // vol2col_tiled + weight 2·196·2,048; interm + result 2·2,048; reduction (1 + 1 ack) 2·2,048 → 823,552 B; and, from
    // tt-metal PR #38579 (a 2x14x14 kernel, no dilation), the L1 prefetch shard of (1−1)·2+2 · (1−1)·14+14 ·
    // (1−1)·14+14 = 392 positions of 16·2 B = 12,544 B, within its budget min(1,499,136 − 102,656 − 204,800 − 823,552,
    // 512,000) = 368,128 (two C_in blocks: no coalesced scratch) → 836,096 B.
    const e = est(estimateOp(qwen, whContext({ ttMetalDate: '2026-05-13' })));
    assert.equal(e.cbBytesPerCore, 836_096);
    // A main build of 2026-05-12 still has PR #41281's C_in_block 32: the 1,634,816 B of the case above.
    assert.equal(est(estimateOp(qwen, whContext({ ttMetalDate: '2026-05-12' }))).cbBytesPerCore, 1_634_816);
  });

  it('pre-prepared weights took the full C_in block between PR #47343 and PR #48243 (tt-metal printed 1,739,040 B)', () => {
    const e = est(estimateOp(qwen, whContext({ ttMetalDate: '2026-06-20' })));
    assert.equal(e.cbBytesPerCore, 1_634_816);
    assert.ok(Math.abs(e.cbRegionEndBytes - 1_739_040) / 1_739_040 < 0.001);
  });

  it("C_in is the activation's channel count as given: 3 unpadded channels with the PR #41281 block of 32 are rejected", () => {
    // conv3d_program_factory.cpp@015c7ff: C_in = input shape[4]; TT_FATAL C_in_num_blocks · C_in_block == C_in.
    const unpadded = op(
      'ttnn.conv3d',
      [rm([1, 2, 14, 14, 3]), tensor([1280, 3, 2, 14, 14]), DEVICE_VALUE],
      [rm([1, 1, 1, 1, 1280])],
      {
        in_channels: int(3),
        out_channels: int(1280),
        kernel_size: ints(2, 14, 14),
        stride: ints(2, 14, 14),
      },
    );
    const r = estimateOp(unpadded, whContext({ ttMetalDate: '2026-04-15' }));
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /C_in_block 32 does not divide the activation's 3 input channels/);
  });

  it('before PR #38595 the default Conv3dConfig blocks are all channels (Mochi: 33.5 MB)', () => {
    // C_in = C_out = 768, k 3x3x3: K_t 648, N_t 24: weight 15,552 tiles alone = 31,850,496 B.
    const mochi = op(
      'ttnn.conv3d',
      [rm([1, 6, 60, 106, 768]), tensor([20736, 768]), tensor([1, 768]), DEVICE_VALUE],
      [rm([1, 4, 60, 106, 768])],
      {
        in_channels: int(768),
        out_channels: int(768),
        kernel_size: ints(3, 3, 3),
      },
    );
    const e = est(estimateOp(mochi, whContext({ ttMetalDate: '2025-12-01' })));
    assert.ok(e.cbBytesPerCore > 31_850_496);
  });
});

describe("estimate/conv2d: auto shard's ranking across its 2025 changes (tt-metal PRs #18877, #27147, #33763, #17937)", () => {
  const at = (o: ReturnType<typeof conv2d>, date: string) => est(estimateOp(o, whContext({ ttMetalDate: date })));
  it('a row-major output ranked in rows and channels before PR #18877: block wins, then runs its tile-unit grid', () => {
    // 16x16 image, C_in 64 → C_out 128, 3x3 s1 p1, output_layout row_major, interleaved L1 input, WH 8x8. Auto shard
    // (conv2d_utils.cpp@5444b3c … @64d88d7~1): act_block_h_override 32, total = CBs + output shard + the input proxy
    // ceil(256/32) · ceil(64/32) = 16 tiles · 2,048 = 32,768 B over the input cores (PR #17945).
    // Before (is_out_tiled false: N·H·W in rows, round_up(256, 32) = 256; channels one by one):
    //   height: 64 cores (256 rows / 64), NHW shard alignUp(256, 64·32) / 64 = 32 rows = 1 tile, out 1x4 tiles,
    //     act_block_w 64·3 = 192 → 6 tiles: weights 6·4 = 24 + partials 4 + act 6 + act tilized 6 = 40 tiles = 81,920
    //     + scratchpad 64 = 81,984; + output 4 tiles 8,192 + proxy 32,768 / 64 = 512 → 90,688 B.
    //   block: 8 NHW cores (256 rows ≤ grid.y 8), channel cores the largest ≤ 8 suiting 128 and 64 channels: 8 → 64
    //     cores (> grid.x 8); C_in padded to 8·32 = 256 (32 per core), C_out to 256 (1 tile per core); act_block_w 32·9
    //     = 288 → 9 tiles: weights 9 + partials 1 + act 9 + act tilized 9 + act row-major 9 = 37 tiles = 75,776 + 64 =
    //     75,840; + output 2,048 + proxy 512 → 78,400 B: the smallest, block.
    //   The conv then takes determine_parallel_config in tiles for block: NHW 8 tiles → 8 cores, channel cores suiting 4
    //     and 2 tiles: 2 → 16 cores; C_in 32 per core, out 1x2 tiles; act_block_w 9 tiles: weights 9·2 = 18 + partials 2
    //     + act 9 + act tilized 9 + act row-major 9 = 47 tiles = 96,256 + 64 = 96,320 B.
    // From PR #18877 (tiles): height on 8 cores (the 81,984 B plan above with 8 tiles / 8 cores: + output 8,192 + proxy
    //   32,768 / 8 = 4,096 → 94,272 B) against block on 16 (96,320 + 4,096 + 2,048 = 102,464 B): height, 81,984 B.
    const o = () =>
      conv2d({ n: 1, h: 16, w: 16, cIn: 64, cOut: 128, k: 3, s: 1, p: 1, config: { output_layout: 'row_major' } });
    const before = at(o(), '2025-03-09');
    assert.match(
      before.factoryReason ?? '',
      /core counts in rows and channels.*height 90,688 B, block 78,400 B.*→ block_sharded/,
    );
    assert.deepEqual([before.cbBytesPerCore, before.nCoresUsed], [96_320, 16]);
    const after = at(o(), '2025-03-10');
    assert.match(after.factoryReason ?? '', /height 94,272 B, block 102,464 B.*→ height_sharded/);
    assert.deepEqual([after.cbBytesPerCore, after.nCoresUsed], [81_984, 8]);
    // A tiled output is ranked in tiles in every build: no version range from the change point.
    const tiled = est(
      estimateOp(
        conv2d({ n: 1, h: 16, w: 16, cIn: 64, cOut: 128, k: 3, s: 1, p: 1 }),
        whContext({ window: { earliest: '2025-03-01', latest: '2025-03-20' } }),
      ),
    );
    assert.ok(!(tiled.versionRange?.changePoints ?? []).includes('conv2d-auto-shard-tile-units'));
  });
  it("block's core count is its input grid's before PR #27147, the larger of input and output after", () => {
    // 8x8 image, C_in 16 → C_out 256, 3x3 s1 p1 (tiled output; decoupled block grids since PR #27767, 2025-09-05).
    // C_in aligned to 32 (1 tile). Block: NHW 2 tiles → 2 cores, input channel cores 1 → input grid 2 cores; the output
    // re-split over C_out 8 tiles → 8 → output grid 16 cores. act_block_w = 32·3 = 96 → 3 tiles (inner dim by kernel
    // height): weights 3·1 + act 3 + act tilized 3 = 9 tiles (partials on the output) = 18,432 + 64 = 18,496 B.
    // Height: 2 cores, out 1x8 tiles: weights 3·8 = 24 + act 3 + act tilized 3 = 30 tiles = 61,440 + 64 = 61,504 B.
    // Ranking: block 18,496 + output 2,048 + halo 3,840 = 24,384 B < height 61,504 + 16,384 + 3,840 = 81,728 B, but
    // block must have more than grid.x = 8 cores (conv2d_utils.cpp@8e2c9f3: input cores, 2 → height; @dbbc742: 16).
    const o = () => conv2d({ n: 1, h: 8, w: 8, cIn: 16, cOut: 256, k: 3, s: 1, p: 1 });
    const before = at(o(), '2025-09-30');
    assert.match(before.factoryReason ?? '', /height 81,728 B, block 24,384 B.*→ height_sharded/);
    assert.equal(before.cbBytesPerCore, 61_504);
    const after = at(o(), '2025-10-01');
    assert.match(after.factoryReason ?? '', /→ block_sharded/);
    assert.deepEqual([after.cbBytesPerCore, after.nCoresUsed], [18_496, 16]);
  });
  it('before PR #17937 a row-major height-sharded conv of ≤ 256 output channels took non-tile shards: unmodeled', () => {
    // conv2d_utils.cpp@c69f5c0~1 check_non_tile_height: height sharded (from the config), C_out 64 ≤ 256,
    // act_block_h_override 0, bf16 output, row-major output, channel alignment 32 ≠ 16 → a non-tile-multiple shard
    // height, which the model does not size. From 2025-02-19 the feature is gone: sized as any height conv.
    const o = () =>
      conv2d({
        n: 1,
        h: 56,
        w: 56,
        cIn: 64,
        cOut: 64,
        k: 3,
        s: 1,
        p: 1,
        config: { shard_layout: 'height_sharded', output_layout: 'row_major' },
      });
    const before = estimateOp(o(), whContext({ ttMetalDate: '2025-02-18' }));
    assert.equal(before.kind, 'unmodeled');
    assert.match(before.kind === 'unmodeled' ? before.reason : '', /shard height that is not a tile multiple/);
    assert.equal(estimateOp(o(), whContext({ ttMetalDate: '2025-02-19' })).kind, 'estimate');
    // A tiled output never took it.
    const tiled = conv2d({
      n: 1,
      h: 56,
      w: 56,
      cIn: 64,
      cOut: 64,
      k: 3,
      s: 1,
      p: 1,
      config: { shard_layout: 'height_sharded' },
    });
    assert.equal(estimateOp(tiled, whContext({ ttMetalDate: '2025-02-18' })).kind, 'estimate');
  });
});
