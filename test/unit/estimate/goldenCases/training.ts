/**
 * Golden cases of tt-train's ops (`ttnn.adamw`, `ttnn.sdpa_bw`), rows of tt-mlir HEAD 19c86fc (tt-metal d5f9bc4).
 * TestOpModelLib.cpp@19c86fc OpModelAdamWTest.AdamWOpFloat32 (~5725): 1x1x128x128, param and moments f32, grad bf16,
 * all DRAM interleaved tiles; TestOpModelInterface.cpp@19c86fc AdamWOpInterface (~6225): the same tensors through
 * the op interface with a null output layout; TestOpModelLib.cpp@19c86fc SDPABackwardOp (~5830): 1x2x64x64 bf16,
 * intermediates 1x2x64x32 f32, mask 1x1x64x64, all DRAM. Their CB figures are only checked `> 0` (training.test.ts
 * derives them by hand); the EQ figures are the L1 tensors: none, since every operand and result is in DRAM.
 */

import type { Case } from './goldenRows';
import { op, tensor } from '../build';

const dram = (shape: number[], dtype: 'bf16' | 'f32' = 'bf16') => tensor(shape, { dtype });
const S = [1, 1, 128, 128];
const adamw = () =>
  op('ttnn.adamw', [dram(S, 'f32'), dram(S), dram(S, 'f32'), dram(S, 'f32')], [], {
    lr: { kind: 'float', value: 1e-3 },
    beta1: { kind: 'float', value: 0.9 },
    beta2: { kind: 'float', value: 0.999 },
    beta1_pow: { kind: 'float', value: 0.9 },
    beta2_pow: { kind: 'float', value: 0.999 },
    epsilon: { kind: 'float', value: 1e-8 },
    weight_decay: { kind: 'float', value: 0.01 },
  });
const QKV = [1, 2, 64, 64];
const sdpaBw = () =>
  op(
    'ttnn.sdpa_bw',
    [dram(QKV), dram(QKV), dram(QKV), dram(QKV), dram(QKV), dram([1, 2, 64, 32], 'f32'), dram([1, 1, 64, 64])],
    [dram(QKV), dram(QKV), dram(QKV)],
  );

export const CASES: readonly Case[] = [
  { file: 'Lib', line: 5742, head: true, fields: ['output'], build: adamw },
  { file: 'Iface', line: 6259, head: true, fields: ['tensor'], build: adamw },
  { file: 'Lib', line: 5852, head: true, fields: ['output'], build: sdpaBw },
];
