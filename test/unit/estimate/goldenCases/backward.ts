/**
 * Golden cases of the backward eltwise family: `ttnn.gelu_bw` (tt-mlir HEAD 19c86fc, which pins tt-metal d5f9bc4).
 * TestOpModelInterface.cpp@19c86fc lines 4070–4121: grad and input 64x1024, created without an encoding, so bf16 tiled
 * L1 interleaved; the output type likewise.
 */

import type { Case } from './goldenRows';
import { op, tensor } from '../build';

const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
const S = [64, 1024];
const geluBw = (approximate: string) => () =>
  op('ttnn.gelu_bw', [l1(S), l1(S)], [l1(S)], { approximate: { kind: 'string', value: approximate } });

export const CASES: readonly Case[] = [
  { file: 'Iface', line: 4092, head: true, fields: ['tensor'], build: geluBw('none') },
  { file: 'Iface', line: 4119, head: true, fields: ['cb'], build: geluBw('tanh') },
  { file: 'Iface', line: 4121, head: true, fields: ['output'], build: geluBw('tanh') },
];
