/**
 * concat of more interleaved inputs than one program takes: concat_impl (concat_device_operation.cpp@efa765c, batches
 * of 47 from PR #41073; @14d91b5, batches of 50 from PR #33009) concatenates consecutive batches into tensors of the
 * output's memory config, then those results. Each program's CB is ConcatProgramFactory's (concat_program_factory.cpp
 * @d95c1ad): two pages, a page one output row (row-major: align(row bytes, max buffer alignment)) or one tile.
 * WH n150: DRAM alignment 32 B, L1 16 B, 64 L1 banks.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const rm = (shape: number[], buffer: 'dram' | 'l1' = 'dram') => tensor(shape, { page: 'row_major', buffer });

describe('estimate/concat: batched programs (tt-metal PR #33009 / #41073)', () => {
  // 48 row-major bf16 [32, 64] tensors on dim 1 → [32, 3072]; a 2026-05-01 build (batches of 47).
  const pieces = () => Array.from({ length: 48 }, () => rm([32, 64]));
  it("the concat of the batch results has the widest rows: its page, not the first batch's, is the op's figure", () => {
    // Batch 1, inputs 0..46 → [32, 3008]: page 3,008 · 2 = 6,016 B (a multiple of 32), two pages 12,032 B.
    // Batch 2 is input 47 alone, already in the output's memory config: concat_impl returns it, no program.
    // The last concat, [32, 3008] + [32, 64] → [32, 3072]: page 6,144 B, two pages 12,288 B: the largest. Every
    // input known: exact (the first batch alone, the earlier estimate, was 12,032 B and approx).
    const e = est(
      estimateOp(
        op('ttnn.concat', pieces(), [rm([32, 3072])], { dim: int(1) }),
        whContext({ ttMetalDate: '2026-05-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 12_288);
    assert.equal(e.confidence, 'exact');
    assert.match(
      e.factoryReason,
      /^2 programs run in turn \(batch 1 \(inputs 0\.\.46, 3008 along dim 1\): ConcatProgramFactory 12032 B; concat of the 2 batch results: ConcatProgramFactory 12288 B\)/,
    );
  });
  it('with the output in L1 the batch result is an L1 tensor held until the last concat has read it', () => {
    // Batch 1's result [32, 3008] in the output's L1 interleaved config: 32 pages of 6,016 B over 64 banks → one page
    // a bank, 6,016 B per core, live while the last concat runs.
    const e = est(
      estimateOp(
        op('ttnn.concat', pieces(), [rm([32, 3072], 'l1')], { dim: int(1) }),
        whContext({ ttMetalDate: '2026-05-01' }),
      ),
    );
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.bytesPerCore, t.liveDuringProgram]),
      [[6_016, true]],
    );
  });
  it('tiled pieces on dim 0: every program has two one-tile pages (4,096 B bf16), exact', () => {
    // 48 tiled [32, 32] bf16 → [1536, 32]: batch 1 (47 tiles), input 47 alone, the last concat (48 tiles): c_0 = 2
    // tiles · 2,048 B each time.
    const e = est(
      estimateOp(
        op(
          'ttnn.concat',
          Array.from({ length: 48 }, () => tensor([32, 32])),
          [tensor([1536, 32])],
          { dim: int(0) },
        ),
        whContext({ ttMetalDate: '2026-05-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 4_096);
    assert.equal(e.confidence, 'exact');
  });
  it('47 inputs run one program (no batching)', () => {
    // 47 ≤ the limit: one ConcatProgramFactory program, [32, 3008]: 12,032 B.
    const e = est(
      estimateOp(
        op(
          'ttnn.concat',
          Array.from({ length: 47 }, () => rm([32, 64])),
          [rm([32, 3008])],
          { dim: int(1) },
        ),
        whContext({ ttMetalDate: '2026-05-01' }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 12_032);
    assert.equal(e.factory, 'ConcatProgramFactory');
    assert.doesNotMatch(e.factoryReason, /programs run in turn/);
  });
});
