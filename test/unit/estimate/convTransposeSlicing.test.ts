/**
 * conv_transpose2d's DRAM path: each output slice runs the transposed conv on the input rows it reads, re-padded
 * (tt-metal conv_transpose2d.cpp, ConvT2DSliceAttr::get_input_slice_and_padding; search index id 177043509 and
 * @00b0fa3 alike). Hand arithmetic below; the thread figures are in test/unit/analysis/threads-conv2d.test.ts.
 */

import { strict as assert } from 'assert';
import { planConv2dOp } from '../../../server/src/estimate/ops/conv2d';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { PropValue } from '../../../server/src/ttnn/op';
import { DEVICE_VALUE, int, ints, op, tensor, whContext } from './build';

const sliceConfig = (kind: 'dram_height' | 'dram_width', count: number): PropValue => ({
  kind: 'dialect',
  name: 'ttnn.conv2d_slice_config',
  text: `#ttnn.conv2d_slice_config<${kind}, ${count}>`,
  items: [kind, String(count)],
  fields: {},
});

// 64 → 64 channels, 8x8 → 15x15 ((8 − 1)·2 − 2 + (3 − 1) + 1), kernel 3, stride 2, padding 1; bf16 row-major DRAM input.
const convT = (slice?: PropValue) =>
  op(
    'ttnn.conv_transpose2d',
    [
      tensor([1, 1, 64, 64], { page: 'row_major' }),
      tensor([64, 64, 3, 3], { buffer: 'system_memory', page: 'row_major' }),
      DEVICE_VALUE,
    ],
    [tensor([1, 1, 225, 64])],
    {
      in_channels: int(64),
      out_channels: int(64),
      batch_size: int(1),
      input_height: int(8),
      input_width: int(8),
      kernel_size: ints(3, 3),
      stride: ints(2, 2),
      padding: ints(1, 1),
      output_padding: ints(0, 0),
      dilation: ints(1, 1),
      groups: int(1),
      ...(slice === undefined ? {} : { conv2d_slice_config: slice }),
    },
  );

function sliced(o: ReturnType<typeof convT>, date: string) {
  const planned = planConv2dOp(o, whContext({ ttMetalDate: date }));
  assert.ok('plan' in planned, JSON.stringify(planned));
  return planned.sliced;
}

describe('estimate/conv_transpose2d DRAM path: the input slice of an output slice', () => {
  it('<dram_height, 2>: the first 8 output rows read input rows 0..4, padded 1 above and 2 below', () => {
    // d·(k − 1) = 2, so the expanded image starts 2 − 1 = 1 row before input row 0. Output rows 0..7 end at expanded
    // row 8 − 1 + 2 = 9 (exclusive), input row ⌊(9 − 1) / 2⌋ = 4: rows 0..4. Top: the first slice keeps the op's 1;
    // bottom: max(0, 9 − 15, (9 − 1) mod 2 = 0) = 0 rows of the op's 2 are cut, so the slice's padding is 2 − 0 = 2.
    // Check: (5 − 1)·2 − (1 + 2) + 2 + 1 = 8 output rows. Not the whole input, so its 15 output columns are padded
    // to 32 (a tiled output: run_L1_op forces TILE); the width keeps the op's padding 1, 1.
    const s = sliced(convT(sliceConfig('dram_height', 2)), '2026-02-12');
    assert.deepEqual([s.inputH, s.inputW, s.outputH, s.outputW], [5, 8, 8, 32]);
    assert.deepEqual(s.padding, [1, 2, 1, 1]);
    assert.equal(s.config.outputLayout, 'tile');
  });
  it('one slice (the whole input): the op unchanged, its 15 columns not padded', () => {
    const s = sliced(convT(sliceConfig('dram_height', 1)), '2026-02-12');
    assert.deepEqual([s.inputH, s.inputW, s.outputH, s.outputW], [8, 8, 15, 15]);
    assert.deepEqual(s.padding, [1, 1, 1, 1]);
  });
  it('without a slice config a DRAM input is sliced only from change point conv-transpose2d-dram-input-auto-slice', () => {
    // PR #33763 merged on main as af7d566, 2025-12-17 08:13 UTC: a build of 12-16 (tt-mlir's pin d711cca, which the
    // threads of 12-30 ran) has the L1 path, one of 12-17 the DRAM dispatch.
    const before = planConv2dOp(convT(), whContext({ ttMetalDate: '2025-12-16' }));
    assert.ok('plan' in before);
    assert.equal(before.problem.path, 'l1');
    for (const date of ['2025-12-17', '2026-01-02']) {
      const after = planConv2dOp(convT(), whContext({ ttMetalDate: date }));
      assert.ok('plan' in after);
      assert.equal(after.problem.path, 'dram', date);
    }
  });
  it('a grouped 1x1 stride-1 unpadded transposed conv is not sliced: conv_transpose2d_DRAM runs it whole as a matmul', () => {
    // conv_transpose2d_DRAM returns conv_transpose2d_L1 when use_matmul_for_1x1_conv(kernel, stride, padding,
    // dilation, groups, …) holds (conv_transpose2d.cpp, search index id 177043509), which no longer requires
    // groups == 1 since tt-metal PR #21290 (change point conv2d-grouped-1x1-matmul, 2025-04): 2 groups of 32
    // channels, kernel 1, stride 1, no padding, 8x8 → 8x8, DRAM input, 2026-01-02: the L1 path.
    const grouped = op(
      'ttnn.conv_transpose2d',
      [
        tensor([1, 1, 64, 64], { page: 'row_major' }),
        tensor([64, 32, 1, 1], { buffer: 'system_memory', page: 'row_major' }),
        DEVICE_VALUE,
      ],
      [tensor([1, 1, 64, 64])],
      {
        in_channels: int(64),
        out_channels: int(64),
        batch_size: int(1),
        input_height: int(8),
        input_width: int(8),
        kernel_size: ints(1, 1),
        stride: ints(1, 1),
        padding: ints(0, 0),
        output_padding: ints(0, 0),
        dilation: ints(1, 1),
        groups: int(2),
      },
    );
    const planned = planConv2dOp(grouped, whContext({ ttMetalDate: '2026-01-02' }));
    assert.ok('plan' in planned, JSON.stringify(planned));
    assert.equal(planned.problem.path, 'l1');
  });
  it('an explicit DRAM slice config on a 1x1 stride-1 unpadded transposed conv runs it whole on the L1 path', () => {
    // conv_transpose2d_DRAM asks use_matmul_for_1x1_conv before it reads the slice config and returns
    // conv_transpose2d_L1 with the op's own shapes (conv_transpose2d.cpp, search index ids 24132366499 and 177043509).
    // 64 → 64 channels, kernel 1, stride 1, no padding: 8x8 → (8 − 1)·1 − 0 + 0 + 1 = 8x8, so the matmul path.
    // <dram_height, 2> is not applied: no slice, the L1 path, the whole 8x8 image. A kernel-3 stride-2 op with the same
    // config is still sliced (the first case above), and so is this op with kernel 3 (its output 10x10: not a matmul).
    const oneByOne = (kernel: number, outHW: number) =>
      op(
        'ttnn.conv_transpose2d',
        [
          tensor([1, 1, 64, 64], { page: 'row_major' }),
          tensor([64, 64, kernel, kernel], { buffer: 'system_memory', page: 'row_major' }),
          DEVICE_VALUE,
        ],
        [tensor([1, 1, outHW * outHW, 64])],
        {
          in_channels: int(64),
          out_channels: int(64),
          batch_size: int(1),
          input_height: int(8),
          input_width: int(8),
          kernel_size: ints(kernel, kernel),
          stride: ints(1, 1),
          padding: ints(0, 0),
          output_padding: ints(0, 0),
          dilation: ints(1, 1),
          groups: int(1),
          conv2d_slice_config: sliceConfig('dram_height', 2),
        },
      );
    for (const date of ['2025-12-16', '2026-01-02', '2026-04-01']) {
      const planned = planConv2dOp(oneByOne(1, 8), whContext({ ttMetalDate: date }));
      assert.ok('plan' in planned, JSON.stringify(planned));
      assert.equal(planned.problem.path, 'l1', date);
      assert.equal(planned.problem.slices, undefined, date);
      assert.deepEqual([planned.sliced.inputH, planned.sliced.outputH], [8, 8], date);
    }
    const k3 = planConv2dOp(oneByOne(3, 10), whContext({ ttMetalDate: '2026-01-02' }));
    assert.ok('plan' in k3, JSON.stringify(k3));
    assert.equal(k3.problem.path, 'dram');
  });
});

describe('estimate/conv_transpose2d: kernel 1, stride above 1, before and after tt-metal PR #33763', () => {
  // 64 → 32 channels, 16x16 → 31x31 ((16 − 1)·2 + (1 − 1) + 1), kernel 1, stride 2, no padding, bf16 tiled input.
  // conv_transpose2d.cpp@7097156 (and @078f0f7, PR #33136): conv_transpose2d_L1 and conv_transpose2d_DRAM ask
  // use_matmul_for_1x1_conv(kernel, {1, 1}, {pad_top + pad_bottom, pad_left + pad_right}) with the expanded input's
  // padding d·(k − 1) − p = 0, so the conv is the 1x1 matmul; auto shard of an interleaved input then skips the reshard
  // (auto_shard_mm) and runs ttnn::linear on the input as stored: [256, 64] × [64, 32], no halo, no zero insertion.
  // From PR #33763 (af7d566, 2025-12-17) the check takes the op's stride 2: the halo and the conv program on 31x31.
  const kernel1 = (input: ReturnType<typeof tensor>, slice?: PropValue) =>
    op(
      'ttnn.conv_transpose2d',
      [input, tensor([64, 32, 1, 1], { buffer: 'system_memory', page: 'row_major' }), DEVICE_VALUE],
      [tensor([1, 1, 961, 32])],
      {
        in_channels: int(64),
        out_channels: int(32),
        batch_size: int(1),
        input_height: int(16),
        input_width: int(16),
        kernel_size: ints(1, 1),
        stride: ints(2, 2),
        padding: ints(0, 0),
        output_padding: ints(0, 0),
        dilation: ints(1, 1),
        groups: int(1),
        ...(slice === undefined ? {} : { conv2d_slice_config: slice }),
      },
    );
  const interleavedL1 = () => tensor([1, 1, 256, 64], { buffer: 'l1' });
  it('before: ttnn.linear on the 256 input rows (8 cores, 12,288 B); from PR #33763: the conv on 961 output rows (31 cores)', () => {
    // The linear with no program config (matmul.ts's auto config): Mt = 256 / 32 = 8, Kt = 2, Nt = 1; no 1D/2D reuse
    // config fits its blocks, so the non-reuse MatmulMultiCore factory on Mt·Nt = 8 cores, c_0 / c_1 / c_16 two bf16
    // tiles each: 6 · 2,048 = 12,288 B. After: NHW = 961 → 31 tiles; height sharding's largest core count ≤ 64 whose
    // padding is below one share: 31 (32 would pad 1 tile, not below a share of 1).
    const before = estimateOp(kernel1(interleavedL1()), whContext({ ttMetalDate: '2025-12-16' }));
    assert.equal(before.kind, 'estimate');
    if (before.kind !== 'estimate') return;
    assert.match(before.factory, /^conv_transpose2d → ttnn\.linear/);
    assert.match(before.factoryReason ?? '', /its 1x1 check saw stride 1 before tt-metal PR #33763/);
    assert.equal(before.nCoresUsed, 8);
    assert.equal(before.cbBytesSummedOverRanges, 12_288);
    assert.deepEqual(before.l1Intermediates ?? [], []);
    const after = estimateOp(kernel1(interleavedL1()), whContext({ ttMetalDate: '2025-12-17' }));
    assert.equal(after.kind, 'estimate');
    if (after.kind !== 'estimate') return;
    assert.match(after.factory, /^conv_transpose2d sharded program/);
    assert.equal(after.nCoresUsed, 31);
    assert.ok(after.l1Intermediates?.some((t) => t.role === 'halo output'));
  });
  it("before: an explicit DRAM slice config runs it whole on the L1 path (conv_transpose2d_DRAM's matmul return)", () => {
    const dram = tensor([1, 1, 256, 64], { page: 'row_major' });
    const r = estimateOp(kernel1(dram, sliceConfig('dram_height', 2)), whContext({ ttMetalDate: '2025-12-16' }));
    assert.equal(r.kind, 'estimate');
    assert.match(r.kind === 'estimate' ? r.factory : '', /→ ttnn\.linear/);
    const after = sliced(kernel1(dram, sliceConfig('dram_height', 2)), '2025-12-17');
    assert.equal(after.path, 'dram');
  });
  it('before, a sharded input: the matmul on the un-expanded input with an expanded-output config is unmodeled, says why', () => {
    const hs = tensor([1, 1, 256, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const r = estimateOp(kernel1(hs), whContext({ ttMetalDate: '2025-12-16' }));
    assert.equal(r.kind, 'unmodeled');
    assert.match(r.kind === 'unmodeled' ? r.reason : '', /un-expanded input before tt-metal PR #33763/);
    assert.equal(estimateOp(kernel1(hs), whContext({ ttMetalDate: '2025-12-17' })).kind, 'estimate');
  });
});
