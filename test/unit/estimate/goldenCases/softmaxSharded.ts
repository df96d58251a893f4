/**
 * Golden cases of OpModelTest.SoftmaxSharded (tt-mlir @b73fc81): softmax over dim -2 of {16·64·32, 32} bf16 tiles,
 * L1 height-sharded over the 8x8 worker grid (CreateTiledLayout's default) or L1 interleaved. tt-mlir passes no
 * program config, so tt-metal runs the general H factory (server/src/estimate/ops/softmax.ts).
 */

import type { Case } from './goldenRows';
import { int, op, tensor } from '../build';

const S = [16 * 64 * 32, 32];
const hs = () => tensor(S, { buffer: 'l1', mem: 'height_sharded', grid: [64, 1] });
const l1 = () => tensor(S, { buffer: 'l1' });
const DIM = { dimension: int(-2) };

export const CASES: readonly Case[] = [
  { file: 'Lib', line: 1687, fields: ['output'], build: () => op('ttnn.softmax', [hs()], [hs()], DIM) },
  { file: 'Lib', line: 1696, fields: ['output'], build: () => op('ttnn.softmax', [hs()], [l1()], DIM) },
  { file: 'Lib', line: 1705, fields: ['output'], build: () => op('ttnn.softmax', [l1()], [hs()], DIM) },
];
