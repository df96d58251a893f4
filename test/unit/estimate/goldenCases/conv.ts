/**
 * Golden cases of the convolution family: conv2d, conv_transpose2d, pools, upsample, batch_norm, prepare_conv2d_*,
 * conv3d (tt-mlir OpModel tests; figures read from the TSV by file + line). Shapes and attributes are the tests' own:
 * input 1x1x50176x3 (224x224, C = 3), weights 64x3x7x7, k7 s2 p3 → 1x1x12544x64 unless noted.
 */

import type { Case } from './goldenRows';
import type { PropValue } from '../../../../server/src/ttnn/op';
import { DEVICE_VALUE, int, ints, op, tensor } from '../build';

const dram = (shape: number[]) => tensor(shape);
const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
const host = (shape: number[], page: 'tile' | 'row_major' = 'row_major') =>
  tensor(shape, { buffer: 'system_memory', page });
const dialect = (name: string, fields: Record<string, string>, items: string[] = []): PropValue => ({
  kind: 'dialect',
  name,
  text: `#${name}<...>`,
  items: items.length > 0 ? items : Object.entries(fields).map(([k, v]) => `${k}=${v}`),
  fields,
});
const bool = (value: boolean): PropValue => ({ kind: 'bool', value });

const CONV_ATTRS: Record<string, PropValue> = {
  in_channels: int(3),
  out_channels: int(64),
  batch_size: int(1),
  input_height: int(224),
  input_width: int(224),
  kernel_size: ints(7, 7),
  stride: ints(2, 2),
  padding: ints(3, 3),
  dilation: ints(1, 1),
  groups: int(1),
};
const IN = [1, 1, 50176, 3];
const OUT = [1, 1, 12544, 64];

/** TestOpModelInterface.cpp@b73fc81 goodConvConfig (lines ~2720): bf16 weights, act and weights double-buffered, tile output. */
const GOOD_CONV_CONFIG = dialect('ttnn.conv2d_config', {
  weights_dtype: 'bf16',
  deallocate_activation: 'false',
  reallocate_halo_output: 'true',
  act_block_h_override: '0',
  act_block_w_div: '1',
  reshard_if_not_optimal: 'false',
  override_sharding_config: 'false',
  transpose_shards: 'false',
  output_layout: 'tile',
  enable_act_double_buffer: 'true',
  enable_weights_double_buffer: 'true',
});

const HIFI2_CONFIG = dialect('ttnn.device_compute_kernel_config', {
  math_fidelity: 'hifi2',
  math_approx_mode: 'true',
  fp32_dest_acc_en: 'false',
  packer_l1_acc: 'true',
  dst_full_sync_en: 'true',
});

const conv = (
  input: ReturnType<typeof tensor>,
  output: ReturnType<typeof tensor>,
  extra: Record<string, PropValue> = {},
) => op('ttnn.conv2d', [input, host([64, 3, 7, 7]), DEVICE_VALUE], [output], { ...CONV_ATTRS, ...extra });

const BN_STATS = [1, 32, 1, 1];
const batchNorm = (input: number[], stats: (number[] | undefined)[]) =>
  op(
    'ttnn.batch_norm_inference',
    [dram(input), ...stats.map((s) => (s === undefined ? undefined : dram(s))).filter((s) => s !== undefined)],
    [dram(input)],
    {
      epsilon: { kind: 'float', value: 1e-5 },
      operandSegmentSizes: ints(1, ...stats.map((s) => (s === undefined ? 0 : 1))),
    },
  );

export const CASES: readonly Case[] = [
  // conv2d, interface tests: tensors default to bf16 tiles in L1 interleaved; weights on the host.
  { file: 'Iface', line: 2514, fields: ['cb'], build: () => conv(l1(IN), l1(OUT)) },
  { file: 'Iface', line: 2578, fields: ['cb'], build: () => conv(l1(IN), l1(OUT)) },
  // goodConvConfig with a DRAM-interleaved input and output (the test's getOutputLayout keeps the DRAM request).
  {
    file: 'Iface',
    line: 2741,
    fields: ['cb'],
    build: () => conv(dram(IN), dram(OUT), { conv2d_config: GOOD_CONV_CONFIG }),
  },
  {
    file: 'Iface',
    line: 2743,
    fields: ['output'],
    build: () => conv(dram(IN), dram(OUT), { conv2d_config: GOOD_CONV_CONFIG }),
  },
  {
    file: 'Iface',
    line: 3287,
    fields: ['output'],
    build: () => conv(dram(IN), dram(OUT), { conv2d_config: GOOD_CONV_CONFIG }),
  },
  // conv2dInterfaceComputeKernelConfig (TestOpModelInterface.cpp@b73fc81 ~2760): default conv2d_config, HiFi2 compute
  // config, DRAM input (output 0 B of L1 at 2809, as for goodConvConfig). Its tensor peak (61,796 B) is the DRAM
  // path's L1 intermediates at their peak: the halo output (33,104 B) and the output shard (28,672 B) once the resharded
  // input (14,336 B) is freed after the halo, 61,776 B, 20 B under; their sum, 76,112 B, would be 23 % over.
  {
    file: 'Iface',
    line: 2808,
    fields: ['tensor'],
    build: () => conv(dram(IN), dram(OUT), { compute_config: HIFI2_CONFIG }),
  },
  // conv_transpose2d (Lib @b73fc81 2962, Iface @19c86fc 3603): DRAM in/out, weights 3x64x7x7 on the host.
  {
    file: 'Lib',
    line: 2973,
    fields: ['output'],
    build: () =>
      op('ttnn.conv_transpose2d', [dram(IN), host([3, 64, 7, 7]), DEVICE_VALUE], [dram(OUT)], {
        ...CONV_ATTRS,
        output_padding: ints(0, 0),
      }),
  },
  {
    file: 'Iface',
    line: 3612,
    fields: ['output'],
    build: () =>
      op('ttnn.conv_transpose2d', [dram(IN), host([3, 64, 7, 7]), DEVICE_VALUE], [dram(OUT)], {
        ...CONV_ATTRS,
        output_padding: ints(0, 0),
        conv2d_config: GOOD_CONV_CONFIG,
      }),
  },
  // max_pool2d_with_indices: 1x1x16384x32 (128x128, C 32), k3 s2, DRAM in/out.
  { file: 'Lib', line: 1657, fields: ['output'], build: () => maxPool() },
  { file: 'Lib', line: 1607, fields: ['output'], build: () => maxPool() },
  // upsample (row-major, DRAM output).
  {
    file: 'Lib',
    line: 3483,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.upsample',
        [tensor([2, 16, 16, 32], { page: 'row_major' })],
        [tensor([2, 32, 32, 32], { page: 'row_major' })],
        { scale_factor: int(2), mode: { kind: 'string', value: 'nearest' } },
      ),
  },
  {
    file: 'Iface',
    line: 3472,
    fields: ['tensor'],
    build: () =>
      op(
        'ttnn.upsample',
        [tensor([2, 128, 16, 8], { page: 'row_major' })],
        [tensor([2, 256, 32, 8], { page: 'row_major' })],
        { scale_factor: int(2), mode: { kind: 'string', value: 'nearest' } },
      ),
  },
  {
    file: 'Iface',
    line: 4273,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.upsample',
        [tensor([2, 128, 16, 8], { page: 'row_major' })],
        [tensor([2, 256, 32, 8], { page: 'row_major' })],
        { scale_factor: int(2), mode: { kind: 'string', value: 'nearest' } },
      ),
  },
  {
    file: 'Lib',
    line: 3759,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.upsample',
        [tensor([2, 16, 16, 32], { page: 'row_major' })],
        [tensor([2, 32, 32, 32], { page: 'row_major' })],
        { scale_factor: int(2), mode: { kind: 'string', value: 'nearest' } },
      ),
  },
  // prepare_conv2d_weights / prepare_conv2d_bias: host weights → prepared weights (host transforms, then DRAM).
  { file: 'Lib', line: 3864, fields: ['cb'], build: () => prepareWeights() },
  { file: 'Lib', line: 3844, fields: ['tensor'], build: () => prepareWeights() },
  { file: 'Lib', line: 3846, fields: ['output'], build: () => prepareWeights() },
  { file: 'Lib', line: 4098, fields: ['total'], build: () => prepareWeights() },
  { file: 'Iface', line: 2983, fields: ['cb'], build: () => prepareWeights() },
  { file: 'Iface', line: 2985, fields: ['output'], build: () => prepareWeights() },
  { file: 'Iface', line: 3717, fields: ['tensor'], build: () => prepareWeights() },
  { file: 'Lib', line: 3938, fields: ['total'], build: () => prepareBias() },
  { file: 'Lib', line: 4189, fields: ['tensor'], build: () => prepareBias() },
  { file: 'Lib', line: 4191, fields: ['output'], build: () => prepareBias() },
  { file: 'Iface', line: 3099, fields: ['tensor'], build: () => prepareBias() },
  { file: 'Iface', line: 3836, fields: ['cb'], build: () => prepareBias() },
  { file: 'Iface', line: 3838, fields: ['output'], build: () => prepareBias() },
  // batch_norm (inference): 1x32x128x128 with [1,32,1,1] mean/var/weight/bias, all DRAM.
  {
    file: 'Lib',
    line: 4100,
    fields: ['cb', 'output'],
    build: () => batchNorm([1, 32, 128, 128], [BN_STATS, BN_STATS, BN_STATS, BN_STATS]),
  },
  // Interface tests: tensors default to bf16 tiles in L1 interleaved (1x32x128x128 and 1x32x32x32 with [1,32,1,1] stats).
  { file: 'Iface', line: 3767, fields: ['cb'], build: () => batchNormL1([1, 32, 128, 128]) },
  { file: 'Iface', line: 3821, fields: ['cb'], build: () => batchNormL1([1, 32, 32, 32]) },
  // Rank-1 statistics ([16]) and missing running statistics: tt-metal rejects both.
  {
    file: 'Lib',
    line: 4128,
    fields: [],
    illegal: true,
    build: () => batchNorm([1, 16, 256, 256], [[16], [16], [16], [16]]),
  },
  {
    file: 'Lib',
    line: 4161,
    fields: [],
    illegal: true,
    build: () => batchNorm([1, 64, 112, 112], [undefined, undefined, [1, 64, 1, 1], [1, 64, 1, 1]]),
  },
  // conv3d (TestOpModelLib.cpp@19c86fc ~3200): DRAM output.
  {
    file: 'Lib',
    line: 3221,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.conv3d',
        [tensor([1, 8, 28, 28, 32], { page: 'row_major' }), host([64, 32, 3, 3, 3]), DEVICE_VALUE],
        [tensor([1, 6, 26, 26, 64], { page: 'row_major' })],
        { in_channels: int(32), out_channels: int(64), kernel_size: ints(3, 3, 3) },
      ),
  },
];

function batchNormL1(input: number[]) {
  const stats = () => l1([1, input[1], 1, 1]);
  return op('ttnn.batch_norm_inference', [l1(input), stats(), stats(), stats(), stats()], [l1(input)], {
    epsilon: { kind: 'float', value: 1e-5 },
    operandSegmentSizes: ints(1, 1, 1, 1, 1),
  });
}

function maxPool() {
  return op(
    'ttnn.max_pool2d_with_indices',
    [dram([1, 1, 16384, 32])],
    [dram([1, 1, 4032, 32]), dram([1, 1, 4032, 32])],
    {
      batch_size: int(1),
      input_height: int(128),
      input_width: int(128),
      channels: int(32),
      kernel_size: ints(3, 3),
      stride: ints(2, 2),
      padding: ints(0, 0),
      dilation: ints(1, 1),
      ceil_mode: bool(false),
      reallocate_halo_output: bool(true),
    },
  );
}

function prepareWeights() {
  return op('ttnn.prepare_conv2d_weights', [host([64, 3, 7, 7]), DEVICE_VALUE], [dram([1, 1, 147, 64])], {
    ...CONV_ATTRS,
    has_bias: bool(false),
  });
}

function prepareBias() {
  return op('ttnn.prepare_conv2d_bias', [host([1, 1, 1, 64]), DEVICE_VALUE], [dram([1, 1, 1, 64])], CONV_ATTRS);
}
