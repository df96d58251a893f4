/**
 * Golden rows tt-mlir's OpModel expects tt-metal to reject (expected_legal false), checked through the shared legality
 * rules of estimate/legality.ts (tt-mlir @b73fc81, tt-metal f4163c2: before the unary memory-layout relaxation).
 */

import type { Case } from './goldenRows';
import { op, tensor } from '../build';

const hs = (shape: number[], cores: number) => tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [cores, 1] });
const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });

export const CASES: readonly Case[] = [
  // Unary with a height-sharded input and an L1-interleaved output (Relu stands for the row's unary ops).
  {
    file: 'Lib',
    line: 275,
    fields: [],
    illegal: true,
    build: () => op('ttnn.relu', [hs([28672, 32], 64)], [l1([28672, 32])]),
  },
  // Tanh with an L1-interleaved input and a height-sharded output: the issue #16 "Put output in height_sharded" case.
  {
    file: 'Lib',
    line: 308,
    fields: [],
    illegal: true,
    build: () => op('ttnn.tanh', [l1([28672, 32])], [hs([28672, 32], 64)]),
  },
];
