/**
 * Golden cases of matmul and linear (tt-mlir @b73fc81, tt-metal f4163c2): every Matmul / Linear row of the TSV. None
 * carries a program config, so these check the auto-config (matmulConfig.ts) and the factories' CBs.
 *
 * Tensor setup (TestOpModelLib.cpp@b73fc81 lines 2240–2700): the fixture's worker grid is always 8x8
 * (`CreateWorkerGrid()`; the tuple's "physical grid" is unused); `{7, 8}` virtual grids are 7 rows x 8 columns;
 * 56 x 1 / 1 x 56 height/width-sharded grids are 56 cores. Linear's bias is created as a real device tensor before the
 * query (`create_device_tensor`), so an L1 bias lowers tt-metal's free L1 (get_max_l1_space) by its per-core size:
 * `liveL1BytesPerCore`. a and b exist only inside graph capture and do not.
 * The Linear tuples' bias is full-height (2048x2048, 1792x1792): ttnn.linear adds it after the matmul, so the tensor
 * figures are the matmul output plus the add output.
 */

import type { Case } from './goldenRows';
import { op, tensor } from '../build';

const D = [2048, 2048];
const S = [1792, 1792];
const dram = (shape: number[]) => tensor(shape);
const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1', grid: [8, 8] });
const bs78 = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'block_sharded', grid: [7, 8] });
const hs56 = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [56, 1] });
const ws56 = (shape: number[]) => tensor(shape, { buffer: 'l1', mem: 'width_sharded', grid: [1, 56] });
/** Interface tests: tensors without an encoding are bf16 tiles, L1 interleaved. */
const il1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
/** Per-core bytes of an L1-interleaved 2048x2048 bf16 bias: 4,096 tiles / 64 banks x 2,048 B. */
const BIAS_2048_L1 = (4096 / 64) * 2048;
/** Per-core bytes of a 1792x1792 bf16 bias block sharded on 7x8: (56/7) x (56/8) tiles x 2,048 B. */
const BIAS_1792_BS = 8 * 7 * 2048;
/** The same per-core bytes for the 1792x1792 block-sharded output the analysis allocates before the estimate. */
const OUT_1792_BS = 8 * 7 * 2048;

const ALL = ['cb', 'tensor', 'total', 'output'] as const;
const CB_OUT = ['cb', 'output'] as const;
const mm = (a: ReturnType<typeof tensor>, b: ReturnType<typeof tensor>, o: ReturnType<typeof tensor>) =>
  op('ttnn.matmul', [a, b], [o]);
const lin = (
  a: ReturnType<typeof tensor>,
  b: ReturnType<typeof tensor>,
  bias: ReturnType<typeof tensor>,
  o: ReturnType<typeof tensor>,
) => op('ttnn.linear', [a, b, bias], [o]);

export const CASES: readonly Case[] = [
  // Linear tuples (a, b, bias, output).
  { file: 'Lib', line: 2304, fields: ALL, build: () => lin(dram(D), dram(D), dram(D), dram(D)) },
  {
    file: 'Lib',
    line: 2315,
    fields: ALL,
    build: () => lin(dram(D), l1(D), l1(D), dram(D)),
    liveL1BytesPerCore: BIAS_2048_L1,
  },
  {
    file: 'Lib',
    line: 2326,
    fields: ALL,
    build: () => lin(l1(D), dram(D), l1(D), dram(D)),
    liveL1BytesPerCore: BIAS_2048_L1,
  },
  { file: 'Lib', line: 2337, fields: ALL, build: () => lin(l1(D), l1(D), dram(D), dram(D)) },
  { file: 'Lib', line: 2367, fields: ALL, build: () => lin(bs78(S), dram(S), dram(S), bs78(S)) },
  {
    file: 'Lib',
    line: 2404,
    fields: ALL,
    build: () => lin(dram(S), dram(S), bs78(S), bs78(S)),
    // The estimator's free L1 takes its own L1 output back out of the live figure (the analysis allocates it before
    // the estimate; tt-metal picks the config before it exists): live = the bias the test allocated + that output.
    liveL1BytesPerCore: BIAS_1792_BS + OUT_1792_BS,
  },
  { file: 'Lib', line: 2441, fields: ALL, illegal: true, build: () => lin(bs78(S), hs56(S), dram(S), dram(S)) },
  { file: 'Lib', line: 2476, fields: ALL, build: () => lin(hs56([1792, 32]), dram([32, 1792]), dram(S), hs56(S)) },
  // Matmul tuples (a, b, output).
  { file: 'Lib', line: 2549, fields: CB_OUT, build: () => mm(dram(D), dram(D), l1(D)) },
  { file: 'Lib', line: 2560, fields: CB_OUT, build: () => mm(dram(D), l1(D), l1(D)) },
  { file: 'Lib', line: 2571, fields: CB_OUT, build: () => mm(l1(D), dram(D), l1(D)) },
  { file: 'Lib', line: 2582, fields: CB_OUT, build: () => mm(l1(D), l1(D), l1(D)) },
  { file: 'Lib', line: 2616, fields: CB_OUT, illegal: true, build: () => mm(bs78(S), bs78(S), bs78(S)) },
  { file: 'Lib', line: 2646, fields: CB_OUT, build: () => mm(bs78(S), dram(S), dram(S)) },
  { file: 'Lib', line: 2673, fields: CB_OUT, build: () => mm(ws56([32, 1792]), dram(S), ws56([32, 1792])) },
  // Interface tests: A 2048x1024, B 1024x2048, output 2048x2048 (linear bias 2048x2048, L1 interleaved).
  {
    file: 'Iface',
    line: 930,
    fields: ['output'],
    build: () => lin(il1([2048, 1024]), il1([1024, 2048]), il1(D), il1(D)),
    liveL1BytesPerCore: BIAS_2048_L1,
  },
  {
    file: 'Iface',
    line: 970,
    fields: ['output'],
    build: () => lin(il1([2048, 1024]), il1([1024, 2048]), il1(D), dram(D)),
    liveL1BytesPerCore: BIAS_2048_L1,
  },
  {
    file: 'Iface',
    line: 1005,
    fields: ['output'],
    build: () =>
      lin(
        il1([2048, 1024]),
        il1([1024, 2048]),
        il1(D),
        tensor(D, { buffer: 'l1', mem: 'block_sharded', grid: [8, 8] }),
      ),
    liveL1BytesPerCore: BIAS_2048_L1,
  },
  { file: 'Iface', line: 1071, fields: ['output'], build: () => mm(il1([2048, 1024]), il1([1024, 2048]), dram(D)) },
  {
    file: 'Iface',
    line: 1103,
    fields: ['output'],
    build: () =>
      mm(il1([2048, 1024]), il1([1024, 2048]), tensor(D, { buffer: 'l1', mem: 'block_sharded', grid: [8, 8] })),
  },
];
