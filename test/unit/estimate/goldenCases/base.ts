/** Golden cases of the first modeled families: eltwise, reductions, data movement, softmax, embedding (tt-mlir @b73fc81). */

import type { Case } from './goldenRows';
import { int, ints, op, tensor } from '../build';

const dram = (shape: number[]) => tensor(shape);
const l1 = (shape: number[], dtype: 'bf16' | 'si32' | 'f32' = 'bf16') => tensor(shape, { buffer: 'l1', dtype });
const hs = (shape: number[], cores: number) => tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [cores, 1] });
const S = [64, 1024];

export const CASES: readonly Case[] = [
  // TestOpModelLib.cpp@b73fc81 parameter tuples (unary eltwise, checked per op with Relu as the representative).
  { file: 'Lib', line: 241, fields: ['cb', 'output'], build: () => op('ttnn.relu', [dram(S)], [dram(S)]) },
  { file: 'Lib', line: 247, fields: ['cb', 'output'], build: () => op('ttnn.relu', [l1(S)], [dram(S)]) },
  {
    file: 'Lib',
    line: 258,
    fields: ['cb', 'output'],
    build: () => op('ttnn.relu', [hs([28672, 32], 64)], [hs([28672, 32], 64)]),
  },
  { file: 'Lib', line: 285, fields: ['cb', 'output'], build: () => op('ttnn.tanh', [dram(S)], [l1(S)]) },
  { file: 'Lib', line: 291, fields: ['cb', 'output'], build: () => op('ttnn.tanh', [l1(S)], [l1(S)]) },
  // Reductions (sum over dim 1 keepdim; over dims 1, 0).
  {
    file: 'Lib',
    line: 478,
    fields: ['cb', 'output'],
    build: () =>
      op('ttnn.sum', [dram(S)], [dram([64, 1])], { dim_arg: ints(1), keep_dim: { kind: 'bool', value: true } }),
  },
  {
    file: 'Lib',
    line: 488,
    fields: ['cb', 'output'],
    // keepDim false in the golden: the reduced result is rank 0 (tt-mlir's verifyReduceOp).
    build: () => op('ttnn.sum', [dram(S)], [dram([])], { dim_arg: ints(1, 0) }),
  },
  // Binary eltwise.
  { file: 'Lib', line: 1936, fields: ['cb', 'output'], build: () => op('ttnn.add', [l1(S), dram(S)], [dram(S)]) },
  { file: 'Lib', line: 1942, fields: ['cb', 'output'], build: () => op('ttnn.add', [l1(S), l1(S)], [l1(S)]) },
  { file: 'Lib', line: 1948, fields: ['cb', 'output'], build: () => op('ttnn.add', [l1(S), dram(S)], [l1(S)]) },
  {
    file: 'Lib',
    line: 1963,
    fields: ['cb', 'output'],
    build: () => op('ttnn.add', [hs([32768, 32], 8), dram([32768, 32])], [hs([32768, 32], 8)]),
  },
  {
    file: 'Lib',
    line: 1985,
    fields: ['cb', 'output'],
    build: () => op('ttnn.add', [dram([32768, 32]), dram([32768, 32])], [hs([32768, 32], 8)]),
  },
  { file: 'Lib', line: 2007, fields: ['cb', 'output'], build: () => op('ttnn.pow', [l1(S), dram(S)], [dram(S)]) },
  { file: 'Lib', line: 2013, fields: ['cb', 'output'], build: () => op('ttnn.pow', [l1(S), l1(S)], [l1(S)]) },
  { file: 'Lib', line: 2019, fields: ['cb', 'output'], build: () => op('ttnn.pow', [l1(S), dram(S)], [l1(S)]) },
  {
    file: 'Lib',
    line: 2217,
    fields: ['cb', 'tensor', 'total', 'output'],
    build: () => op('ttnn.pow_scalar', [dram([1, 1, 16384, 32])], [l1([1, 1, 16384, 32])]),
  },
  // EXPECT_EQ rows.
  {
    file: 'Lib',
    line: 620,
    fields: ['cb'],
    build: () => op('ttnn.softmax', [dram(S)], [dram(S)], { dimension: int(-1) }),
  },
  {
    file: 'Lib',
    line: 622,
    fields: ['tensor'],
    build: () => op('ttnn.softmax', [dram(S)], [dram(S)], { dimension: int(-1) }),
  },
  {
    file: 'Lib',
    line: 630,
    fields: ['tensor'],
    build: () => op('ttnn.softmax', [dram(S)], [l1(S)], { dimension: int(-1) }),
  },
  {
    file: 'Lib',
    line: 638,
    fields: ['cb'],
    build: () => op('ttnn.softmax', [l1(S)], [dram(S)], { dimension: int(-1) }),
  },
  { file: 'Lib', line: 647, fields: ['cb'], build: () => op('ttnn.softmax', [l1(S)], [l1(S)], { dimension: int(-1) }) },
  {
    file: 'Lib',
    line: 656,
    fields: ['cb'],
    build: () => op('ttnn.softmax', [dram(S)], [dram(S)], { dimension: int(-1) }),
  },
  {
    file: 'Lib',
    line: 658,
    fields: ['output'],
    build: () => op('ttnn.softmax', [dram(S)], [dram(S)], { dimension: int(-1) }),
  },
  { file: 'Lib', line: 763, fields: ['tensor'], build: () => op('ttnn.reshape', [dram(S)], [dram([256, 256])]) },
  { file: 'Lib', line: 776, fields: ['cb'], build: () => op('ttnn.reshape', [dram(S)], [l1([256, 256])]) },
  { file: 'Lib', line: 778, fields: ['output'], build: () => op('ttnn.reshape', [dram(S)], [l1([256, 256])]) },
  {
    file: 'Lib',
    line: 806,
    fields: ['output'],
    build: () =>
      op('ttnn.slice_static', [dram([1, 56, 56, 96])], [dram([1, 28, 56, 95])], {
        begins: ints(0, 0, 0, 0),
        ends: ints(1, 56, 56, 95),
        step: ints(1, 2, 1, 1),
      }),
  },
  {
    file: 'Lib',
    line: 867,
    fields: ['cb'],
    build: () => op('ttnn.to_layout', [dram(S)], [tensor(S, { page: 'row_major' })]),
  },
  {
    file: 'Lib',
    line: 869,
    fields: ['output'],
    build: () => op('ttnn.to_layout', [dram(S)], [tensor(S, { page: 'row_major' })]),
  },
  {
    file: 'Lib',
    line: 894,
    fields: ['tensor'],
    build: () => op('ttnn.to_layout', [dram(S)], [tensor(S, { page: 'row_major' })]),
  },
  {
    file: 'Lib',
    line: 974,
    fields: ['output'],
    build: () => op('ttnn.concat', [l1(S), l1(S)], [dram([128, 1024])], { dim: int(0) }),
  },
  {
    file: 'Lib',
    line: 1001,
    fields: ['tensor'],
    build: () => op('ttnn.transpose', [dram(S)], [dram([1024, 64])], { dim0: int(0), dim1: int(1) }),
  },
  {
    file: 'Lib',
    line: 1013,
    fields: ['cb'],
    build: () => op('ttnn.transpose', [dram(S)], [l1([1024, 64])], { dim0: int(0), dim1: int(1) }),
  },
  {
    file: 'Lib',
    line: 1015,
    fields: ['output'],
    build: () => op('ttnn.transpose', [dram(S)], [l1([1024, 64])], { dim0: int(0), dim1: int(1) }),
  },
  {
    file: 'Lib',
    line: 1528,
    fields: ['cb'],
    build: () => op('ttnn.pad', [dram(S)], [l1([64, 1056])], { padding: ints(0, 0, 0, 32) }),
  },
  {
    file: 'Lib',
    line: 1530,
    fields: ['output'],
    build: () => op('ttnn.pad', [dram(S)], [l1([64, 1056])], { padding: ints(0, 0, 0, 32) }),
  },
  {
    file: 'Lib',
    line: 1734,
    fields: ['tensor'],
    build: () => op('ttnn.typecast', [dram([32768, 32])], [tensor([32768, 32], { dtype: 'f32' })]),
  },
  // HEAD rows (TestOpModelLib.cpp@19c86fc): all-DRAM queries, so no L1 tensor (inputs included).
  {
    file: 'Lib',
    line: 558,
    head: true,
    fields: ['tensor'],
    build: () => op('ttnn.softmax', [dram(S)], [dram(S)], { dimension: int(-1) }),
  },
  {
    file: 'Lib',
    line: 589,
    head: true,
    fields: ['tensor'],
    build: () => op('ttnn.softmax', [dram(S)], [dram(S)], { dimension: int(-1) }),
  },
  {
    file: 'Lib',
    line: 686,
    head: true,
    fields: ['tensor'],
    build: () => op('ttnn.reshape', [dram(S)], [dram([256, 256])]),
  },
  {
    file: 'Lib',
    line: 722,
    head: true,
    fields: ['tensor'],
    build: () =>
      op('ttnn.slice_static', [dram([1, 56, 56, 96])], [dram([1, 28, 56, 95])], {
        begins: ints(0, 0, 0, 0),
        ends: ints(1, 56, 56, 95),
        step: ints(1, 2, 1, 1),
      }),
  },
  {
    file: 'Lib',
    line: 800,
    head: true,
    fields: ['tensor'],
    build: () => op('ttnn.to_layout', [dram(S)], [tensor(S, { page: 'row_major' })]),
  },
  {
    file: 'Lib',
    line: 882,
    head: true,
    fields: ['tensor'],
    build: () => op('ttnn.transpose', [dram(S)], [dram([1024, 64])], { dim0: int(0), dim1: int(1) }),
  },
  // TestOpModelInterface.cpp@b73fc81: tensors default to bf16 tiles, L1 interleaved.
  { file: 'Iface', line: 637, fields: ['output'], build: () => op('ttnn.pow_scalar', [l1(S)], [l1(S)]) },
  {
    file: 'Iface',
    line: 684,
    fields: ['output'],
    build: () => op('ttnn.bitwise_not', [l1(S, 'si32')], [l1(S, 'si32')]),
  },
  // The interface test's getOutputLayout asks for a bf16 tiled L1 result whatever the op's type
  // (TestOpModelInterface.cpp@b73fc81:65), and OpModel passes that dtype to ttnn::logical_right_shift (a binary op
  // taking an output dtype): the result is bf16, 64 tiles / 64 banks · 2,048 = 2,048 B. logical_left_shift is a
  // composite without an output dtype (OpModel<LogicalLeftShiftOp>: BinaryCompositeOpModel), so its result stays si32.
  {
    file: 'Iface',
    line: 740,
    fields: ['output'],
    build: () => op('ttnn.logical_right_shift', [l1(S, 'si32'), l1(S, 'si32')], [l1(S)]),
  },
  {
    file: 'Iface',
    line: 795,
    fields: ['output'],
    build: () => op('ttnn.logical_left_shift', [l1(S, 'si32'), l1(S, 'si32')], [l1(S, 'si32')]),
  },
  { file: 'Iface', line: 828, fields: ['output'], build: () => op('ttnn.sqrt', [l1(S)], [l1(S)]) },
  { file: 'Iface', line: 860, fields: ['output'], build: () => op('ttnn.sigmoid', [l1(S)], [l1(S)]) },
  {
    file: 'Iface',
    line: 892,
    fields: ['output'],
    build: () => op('ttnn.softmax', [l1(S)], [l1(S)], { dimension: int(-1) }),
  },
  { file: 'Iface', line: 1341, fields: ['output'], build: () => op('ttnn.reshape', [l1(S)], [l1([256, 256])]) },
  { file: 'Iface', line: 1361, fields: ['output'], build: () => op('ttnn.reshape', [l1(S)], [l1([256, 256])]) },
  {
    file: 'Iface',
    line: 1497,
    fields: ['output'],
    build: () => op('ttnn.to_layout', [tensor(S, { page: 'row_major' })], [dram(S)]),
  },
  {
    file: 'Iface',
    line: 1500,
    fields: ['tensor'],
    build: () => op('ttnn.to_layout', [tensor(S, { page: 'row_major' })], [dram(S)]),
  },
  {
    file: 'Iface',
    line: 1618,
    fields: ['output'],
    build: () => op('ttnn.transpose', [l1(S)], [l1([1024, 64])], { dim0: int(0), dim1: int(1) }),
  },
  { file: 'Iface', line: 2449, fields: ['cb'], build: () => op('ttnn.typecast', [l1(S)], [l1(S, 'f32')]) },
  { file: 'Iface', line: 3320, fields: ['cb'], build: () => op('ttnn.leaky_relu', [l1(S)], [l1(S)]) },
  { file: 'Lib', line: 3635, fields: ['tensor'], build: () => op('ttnn.where', [dram(S), dram(S), dram(S)], [l1(S)]) },
  { file: 'Iface', line: 3720, fields: ['cb'], build: () => op('ttnn.where', [l1(S), l1(S), l1(S)], [l1(S)]) },
  {
    file: 'Iface',
    line: 1034,
    fields: ['output'],
    build: () => op('ttnn.matmul', [l1([2048, 1024]), l1([1024, 2048])], [l1([2048, 2048])]),
  },
  {
    file: 'Iface',
    line: 3506,
    fields: ['cb'],
    build: () => op('ttnn.embedding', [l1(S), l1([256, 128])], [l1([64, 1024, 128])]),
  },
];
