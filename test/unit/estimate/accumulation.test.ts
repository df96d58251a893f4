/**
 * Accumulation composite (accumulation_common.cpp@10581a8: view as 4-D, permute the dim to dim 0, scan, permute back)
 * and the moreh_cumsum device op of builds before tt-metal PR #24427 (moreh_cumsum_program_factory.cpp@3384f57).
 * Figures by hand from the factories on WH n150 (CBs placed at 32 B boundaries).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r as OpEstimate;
}

const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });

describe('estimate/accumulation: along the last dim (the permute round trip)', () => {
  it('cumsum over W of 1x1x32x4096 f32: the scan on the permuted tensor is the largest program', () => {
    // permute (3,1,2,0) → 4096x1x32x1: the output's last dim is the input's dim 0 → TiledGeneric, c_0..c_2 =
    // 2 · (4,096 + max(0, 32 − 16·4)) = 8,192 each = 24,576 (output H 32: no pad CB). Scan along dim 0: four 4-tile f32
    // CBs = 16 · 4,096 = 65,536. Permute back: the same 24,576. Largest: 65,536 B.
    const r = estimateOp(
      op('ttnn.cumsum', [f32([1, 1, 32, 4096])], [f32([1, 1, 32, 4096])], { dim: int(3) }),
      whContext(),
    );
    const e = est(r);
    assert.equal(e.factory, 'AccumulationProgramFactory');
    assert.equal(e.worstCbBytesPerCore, 65_536);
    assert.equal(e.confidence, 'approx');
    assert.match(
      e.factoryReason,
      /3 programs run in turn \(swap dim 3 with dim 0: PermuteDeviceOperation::MultiCoreTiledGeneric 24576 B/,
    );
  });

  it('the 1-D scan of tt-forge-onnx #1634 (2,441,216 f32) on a build where moreh_cumsum forwards to cumsum', () => {
    // [N] → view [1,1,1,N] → permute (3,1,2,0) → [N,1,1,1]: TiledGeneric 3 · 8,192 = 24,576 plus the face-row pad CB
    // (output H = 1, not a multiple of 32): 16·4 = 64 → 24,640. Scan: 65,536. The op fits L1 (its N tiles of DRAM,
    // tt-metal issue #23264, are another matter).
    for (const name of ['ttnn.cumsum', 'ttnn.moreh_cumsum']) {
      const e = est(estimateOp(op(name, [f32([2_441_216])], [f32([2_441_216])], { dim: int(0) }), whContext()));
      assert.equal(e.worstCbBytesPerCore, 65_536, name);
      assert.match(
        e.factoryReason,
        /view as 4-D, swap dim 3 with dim 0: PermuteDeviceOperation::MultiCoreTiledGeneric 24640 B/,
      );
    }
  });

  it('cumprod over H of a rank-2 bf16 tensor: H swapped with dim 0 (TileRowInvariant), then the scan', () => {
    // 64x1024 → 1x1x64x1024, permute (2,1,0,3) → 64x1x1x1024; scan: 16 · 2,048 = 32,768 B (permutes: 2-tile CBs).
    const e = est(
      estimateOp(op('ttnn.cumprod', [tensor([64, 1024])], [tensor([64, 1024])], { dim: int(0) }), whContext()),
    );
    assert.equal(e.worstCbBytesPerCore, 32_768);
  });
});

describe('estimate/accumulation: moreh_cumsum before tt-metal PR #24427 (change point moreh-cumsum-to-accumulation)', () => {
  it('dim 0 of a 4-D tensor: the moreh device op, six tiles of CBs', () => {
    // 2x64x32x32 bf16, dim 0: C·Ht·Wt = 64 tile columns → 64 cores; c_0 2 + c_1 1 + c_24 1 + c_16 2 = 6 · 2,048 =
    // 12,288 B. From PR #24427 on: the accumulation program, four 4-tile CBs = 32,768 B.
    const cumsum = op('ttnn.moreh_cumsum', [tensor([2, 64, 32, 32])], [tensor([2, 64, 32, 32])], { dim: int(0) });
    const before = est(estimateOp(cumsum, whContext({ ttMetalDate: '2025-03-31' })));
    assert.equal(before.factory, 'MorehCumsumDeviceOperation::ProgramFactory');
    assert.equal(before.cbBytesPerCore, 12_288);
    assert.equal(before.nCoresUsed, 64);
    const after = est(estimateOp(cumsum, whContext()));
    assert.equal(after.factory, 'AccumulationProgramFactory');
    assert.equal(after.cbBytesPerCore, 32_768);
  });

  it('any other dim or rank has no model before PR #24427 (the tt-forge-onnx #1634 shape included)', () => {
    const r = estimateOp(
      op('ttnn.moreh_cumsum', [f32([2_441_216])], [f32([2_441_216])], { dim: int(0) }),
      whContext({ ttMetalDate: '2025-03-31' }),
    );
    assert.equal(r.kind, 'unmodeled');
    assert.match((r as { reason: string }).reason, /#1634/);
  });
});
