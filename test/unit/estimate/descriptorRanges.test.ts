/**
 * The core range an overflow names for factories whose CBs sit on one all_cores set, before and after each factory
 * became a ProgramDescriptor (change points `*-program-descriptors`, merge commits read in the main history of the
 * tt-metal fork nyoshifujiTT/tt-metal). ProgramImpl::add_circular_buffer merges a CB's CoreRangeSet
 * (`cb-core-ranges-merged`); Program(const ProgramDescriptor&) adds each CBDescriptor's set as given (program.cpp), so
 * the first CB allocator is the set's first CoreRange as num_cores_to_corerangeset / split_blocks_for_tilize built it.
 *
 * Expected ranges by hand. 20 work units on the 8x8 Wormhole grid take 20 cores, one each. split_work_to_cores'
 * column-wise all_cores (num_cores_to_corerangeset(20, 8x8, row_wise = false)) is {(0,0)-(1,7), (2,0)-(2,3)}: as given
 * its first range is the two full columns (0,0)-(1,7); merged (a row-by-row sweep: rows 0..3 hold x 0..2, rows 4..7 x
 * 0..1) it is {(0,0)-(2,3), (0,4)-(1,7)}, first (0,0)-(2,3). split_blocks_for_tilize's all_cores over the CoreRangeSet
 * is twenty 1x1 ranges in column-major order: merged the same (0,0)-(2,3), as given (0,0) alone; over the CoreCoord
 * grid (before PR #34268) the whole-row rectangles (0,0)-(7,1) and (0,2)-(3,2), first (0,0)-(7,1).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { CoreRangeXY, OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { int, ints, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}
const rm = (shape: number[], o: { dtype?: 'bf16' | 'u32'; buffer?: 'l1' | 'dram' } = {}) =>
  tensor(shape, { page: 'row_major', dtype: o.dtype ?? 'bf16', buffer: o.buffer ?? 'dram' });

const MERGED: CoreRangeXY = [
  [0, 0],
  [2, 3],
];
const AS_GIVEN: CoreRangeXY = [
  [0, 0],
  [1, 7],
];

function rangeOn(o: ReturnType<typeof op>, date: string, factory: string): CoreRangeXY | undefined {
  const e = est(estimateOp(o, whContext({ ttMetalDate: date })));
  assert.equal(e.factory, factory);
  assert.equal(e.nCoresUsed, 20);
  return e.reportedRange;
}

describe('estimate: printed ranges of factories ported to ProgramDescriptors', () => {
  it('row-major pad (tt-metal PR #43840, 4b30829, 2026-05-26 23:37 UTC, so from 05-27): merged before, its two full columns from then', () => {
    // 20 output rows (row-major pages) over 20 cores.
    const pad = op('ttnn.pad', [rm([20, 32])], [rm([20, 64])], { padding: ints(0, 0, 0, 32) });
    assert.deepEqual(rangeOn(pad, '2026-05-26', 'PadRmReaderWriterMultiCoreProgramFactory'), MERGED);
    assert.deepEqual(rangeOn(pad, '2026-05-27', 'PadRmReaderWriterMultiCoreProgramFactory'), AS_GIVEN);
  });

  it('interleaved concat (tt-metal PR #43535, 438eaf0, 2026-05-11)', () => {
    // Two 20-row row-major tensors joined on the last dim: 20 output pages over 20 cores.
    const concat = op('ttnn.concat', [rm([20, 32]), rm([20, 32])], [rm([20, 64])], { dim: int(1) });
    assert.deepEqual(rangeOn(concat, '2026-05-10', 'ConcatProgramFactory'), MERGED);
    assert.deepEqual(rangeOn(concat, '2026-05-11', 'ConcatProgramFactory'), AS_GIVEN);
  });

  it("copy's default row-major factory (tt-metal PR #43536, 15df477, 2026-05-13)", () => {
    // A row-major DRAM → L1 move: the configs differ, so the default row-major copy runs, 20 rows over 20 cores.
    const copy = op('ttnn.to_memory_config', [rm([20, 64])], [rm([20, 64], { buffer: 'l1' })]);
    assert.deepEqual(rangeOn(copy, '2026-05-12', 'CopyDeviceOperation (default row-major)'), MERGED);
    assert.deepEqual(rangeOn(copy, '2026-05-13', 'CopyDeviceOperation (default row-major)'), AS_GIVEN);
  });

  it('tiled slice (tt-metal PR #39157, 0445a2b, 2026-03-17)', () => {
    // Output 640x32 bf16 = 20 tiles over 20 cores.
    const slice = op('ttnn.slice_static', [tensor([640, 64])], [tensor([640, 32])], {
      begins: ints(0, 0),
      ends: ints(640, 32),
      step: ints(1, 1),
    });
    assert.deepEqual(rangeOn(slice, '2026-03-16', 'SliceTileProgramFactory'), MERGED);
    assert.deepEqual(rangeOn(slice, '2026-03-17', 'SliceTileProgramFactory'), AS_GIVEN);
  });

  it('row-major slice (tt-metal PR #45074, ef9e7c4, 2026-06-02)', () => {
    // 20 output rows over 20 cores.
    const slice = op('ttnn.slice_static', [rm([20, 128])], [rm([20, 64])], {
      begins: ints(0, 0),
      ends: ints(20, 64),
      step: ints(1, 1),
    });
    assert.deepEqual(rangeOn(slice, '2026-06-01', 'SliceRmProgramFactory'), MERGED);
    assert.deepEqual(rangeOn(slice, '2026-06-02', 'SliceRmProgramFactory'), AS_GIVEN);
  });

  it('W reduce (tt-metal PR #43208, 1b02d5c, 2026-05-04 22:17 UTC, so from 05-05)', () => {
    // sum over the last dim of 1x1x640x1024 bf16: NC·Ht = 20 tile rows over 20 cores.
    const sum = op('ttnn.sum', [tensor([1, 1, 640, 1024])], [tensor([1, 1, 640, 1])], {
      keep_dim: { kind: 'bool', value: true },
      dim_arg: ints(3),
    });
    assert.deepEqual(rangeOn(sum, '2026-05-04', 'ReduceMultiCoreWProgramFactory'), MERGED);
    assert.deepEqual(rangeOn(sum, '2026-05-05', 'ReduceMultiCoreWProgramFactory'), AS_GIVEN);
  });

  it('fused embedding (tt-metal PR #45867, 31b12dd, 2026-06-09)', () => {
    // 640 row-major indices (a multiple of 32) and a TILE result: 640 / 32 = 20 blocks over 20 cores.
    const embedding = op('ttnn.embedding', [rm([1, 640], { dtype: 'u32' }), rm([1024, 512])], [tensor([1, 640, 512])]);
    assert.deepEqual(rangeOn(embedding, '2026-06-08', 'EmbeddingsFusedProgramFactory'), MERGED);
    assert.deepEqual(rangeOn(embedding, '2026-06-09', 'EmbeddingsFusedProgramFactory'), AS_GIVEN);
  });

  it('untilize_with_unpadding interleaved: row rectangles before PR #34268, merged 1x1 ranges to PR #45071 (1ff24da, 2026-05-25), core (0,0) from it', () => {
    // 630x64 bf16 TILE → ROW_MAJOR: padded 640 rows = 20 tile rows of Wt = 2 (a tile row fits, Wt ≤ 32): the
    // interleaved factory, split_blocks_for_tilize(20 rows) over 20 cores.
    const untilize = op('ttnn.to_layout', [tensor([630, 64])], [tensor([630, 64], { page: 'row_major' })]);
    const factory = 'UntilizeWithUnpaddingMultiCoreInterleavedProgramFactory';
    assert.deepEqual(rangeOn(untilize, '2025-12-11', factory), [
      [0, 0],
      [7, 1],
    ]);
    assert.deepEqual(rangeOn(untilize, '2025-12-12', factory), MERGED);
    assert.deepEqual(rangeOn(untilize, '2026-05-24', factory), MERGED);
    assert.deepEqual(rangeOn(untilize, '2026-05-25', factory), [
      [0, 0],
      [0, 0],
    ]);
  });
});
