/** Golden cases of tiled `ttnn.pad` (tt-mlir @b73fc81 OpModelTest.Pad and OpModelBase.padOp; use_multicore false). */

import type { Case } from './goldenRows';
import { ints, op, tensor } from '../build';

const bool = (value: boolean) => ({ kind: 'bool' as const, value });

const dram = (shape: number[]) => tensor(shape);
const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
// workerCoresN300 = 64: {64, 1024} padded by 32 at the end of the last dim.
const S = [64, 1024];
const PAD = { padding: ints(0, 0, 0, 32), use_multicore: bool(false) };

export const CASES: readonly Case[] = [
  { file: 'Lib', line: 1515, fields: ['tensor'], build: () => op('ttnn.pad', [dram(S)], [dram([64, 1056])], PAD) },
  { file: 'Lib', line: 1528, fields: ['cb'], build: () => op('ttnn.pad', [dram(S)], [l1([64, 1056])], PAD) },
  { file: 'Lib', line: 1530, fields: ['output'], build: () => op('ttnn.pad', [dram(S)], [l1([64, 1056])], PAD) },
  // TestOpModelInterface.cpp@b73fc81: tensors default to bf16 tiles, L1 interleaved; {64, 64} → {66, 66}.
  {
    file: 'Iface',
    line: 2305,
    fields: ['cb'],
    build: () =>
      op('ttnn.pad', [l1([64, 64])], [l1([66, 66])], { padding: ints(0, 2, 0, 2), use_multicore: bool(false) }),
  },
];
