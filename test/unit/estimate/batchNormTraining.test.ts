/**
 * batch_norm in training mode: the largest of the programs ttnn::batch_norm runs in turn (batch statistics,
 * running_statistics, batch_norm). Figures derived by hand from tt-metal's factories:
 *   running_statistics_program_factory.cpp@0640bf7: 12 CBs × 2 tiles (c_0..c_6, c_21..c_23, c_27, c_28);
 *   batch_norm_program_factory.cpp (descriptor version): 9 CBs × 2 tiles, interm f32 when any tensor is f32;
 *   batch_norm.cpp@050f24f: TT_FATAL on input rank < 4.
 */

import { strict as assert } from 'assert';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { ints, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : '');
  return r;
}

const STATS = [1, 32, 1, 1];
const training = (input: number[], stats: (ReturnType<typeof tensor> | undefined)[], dtype: 'bf16' | 'f32' = 'bf16') =>
  op(
    'ttnn.batch_norm_training',
    [tensor(input, { dtype }), ...stats.filter((s): s is ReturnType<typeof tensor> => s !== undefined)],
    [tensor(input, { dtype })],
    {
      epsilon: { kind: 'float', value: 1e-5 },
      momentum: { kind: 'float', value: 0.1 },
      operandSegmentSizes: ints(1, ...stats.map((s) => (s === undefined ? 0 : 1))),
    },
  );

describe('estimate/batch_norm training', () => {
  it('bf16 with bf16 statistics: running_statistics 12 × 2 × 2,048 = 49,152 B beats batch_norm 9 × 2 × 2,048 = 36,864 B', () => {
    const s = () => tensor(STATS);
    const e = est(estimateOp(training([1, 32, 128, 128], [s(), s(), s(), s()]), whContext()));
    assert.equal(e.cbBytesSummedOverRanges, 12 * 2 * 2048);
    assert.equal(e.factory, 'RunningStatisticsFactory');
    assert.equal(e.confidence, 'approx');
  });

  it('no running statistics, weight or bias: running_statistics still runs, its running CBs default to bf16 → 49,152 B', () => {
    const e = est(estimateOp(training([1, 64, 64, 64], [undefined, undefined, undefined, undefined]), whContext()));
    assert.equal(e.cbBytesSummedOverRanges, 12 * 2 * 2048);
  });

  it('f32 input with bf16 running statistics: batch stats f32; running_statistics 8 f32 + 4 bf16 CBs = 81,920 B', () => {
    // c_0,c_1,c_2,c_5,c_6,c_21..c_23: 8 × 2 × 4,096 = 65,536; c_3,c_4,c_27,c_28: 4 × 2 × 2,048 = 16,384 → 81,920.
    // batch_norm: interm f32; c_0,c_1,c_2,c_3,c_4,c_7,c_8 f32 (7 × 8,192 = 57,344) + c_5,c_6 bf16 (2 × 4,096) = 65,536.
    const s = () => tensor(STATS);
    const e = est(estimateOp(training([1, 32, 64, 64], [s(), s(), s(), s()], 'f32'), whContext()));
    assert.equal(e.cbBytesSummedOverRanges, 8 * 2 * 4096 + 4 * 2 * 2048);
  });

  it('ttnn.batch_norm with training = true takes the same path', () => {
    const s = () => tensor(STATS);
    const o = training([1, 32, 128, 128], [s(), s(), s(), s()]);
    const viaFlag = {
      ...o,
      name: 'ttnn.batch_norm',
      properties: { ...o.properties, training: { kind: 'bool' as const, value: true } },
    };
    assert.equal(est(estimateOp(viaFlag, whContext())).cbBytesSummedOverRanges, 12 * 2 * 2048);
  });

  it('rank-3 input is rejected (batch_norm not supported for tensors with rank < 4)', () => {
    const r = estimateOp(training([32, 128, 128], [undefined, undefined, undefined, undefined]), whContext());
    assert.equal(r.kind, 'illegal');
  });

  it('reads operandSegmentSizes (which optional operands are present)', () => {
    assert.ok(estimatorReads('ttnn.batch_norm_training')?.properties === true);
  });
});
