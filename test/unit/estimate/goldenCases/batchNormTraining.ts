/**
 * Golden rows of batch_norm in training mode (TestOpModelInterface.cpp@b73fc81, tests batchNormOpTraining,
 * batchNormOpTrainingMinimal, batchNormOpTrainingL1Memory). Their EQ lines sit 7 lines after getOpConstraints
 * (3857→3864, 3892→3900 second field, 3947→3954), where the inference tests' live asserts sit 8 after (3759→3767): the
 * training tests assert only inside `if (!constraintsExp) { FAIL() … }` (the layout tt-mlir@007505c shows), so the
 * figures were never compared with tt-metal's and are not expected figures here (no `fields`). The cases record
 * the rows as covered with the tests' own shapes; batchNormTraining.test.ts checks the formula by hand.
 */

import type { Case } from './goldenRows';
import { ints, op, tensor } from '../build';

const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
const STATS = [1, 32, 1, 1];
const training = (input: number[], stats: (number[] | undefined)[]) =>
  op(
    'ttnn.batch_norm_training',
    [l1(input), ...stats.filter((s): s is number[] => s !== undefined).map(l1)],
    [l1(input)],
    {
      epsilon: { kind: 'float', value: 1e-5 },
      momentum: { kind: 'float', value: 0.1 },
      operandSegmentSizes: ints(1, ...stats.map((s) => (s === undefined ? 0 : 1))),
    },
  );

export const CASES: readonly Case[] = [
  { file: 'Iface', line: 3864, fields: [], build: () => training([1, 32, 128, 128], [STATS, STATS, STATS, STATS]) },
  { file: 'Iface', line: 3866, fields: [], build: () => training([1, 32, 128, 128], [STATS, STATS, STATS, STATS]) },
  {
    file: 'Iface',
    line: 3900,
    fields: [],
    build: () => training([1, 64, 64, 64], [undefined, undefined, undefined, undefined]),
  },
  { file: 'Iface', line: 3954, fields: [], build: () => training([1, 32, 32, 32], [STATS, STATS, STATS, STATS]) },
  { file: 'Iface', line: 3956, fields: [], build: () => training([1, 32, 32, 32], [STATS, STATS, STATS, STATS]) },
];
