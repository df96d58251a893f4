/**
 * ttnn.embedding on TILE indices (ops/embedding.ts): EmbeddingsTilizedIndicesProgramFactory, its weight-row page across
 * tt-metal PRs #30879 / #31254 / #31422, and the prim's dtype validation. Expected figures are hand arithmetic from
 * embeddings_tilized_indices (embedding_program_factory.hpp@8e68534, @5e986ea, @fa9b991, @d0aac20;
 * embeddings_tilized_indices_program_factory.cpp@622c6fb) and split_work_to_cores_aligned, written out below.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { DataType } from '../../../server/src/ttnn/dtype';
import { op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.ok(r.kind === 'estimate', JSON.stringify(r).slice(0, 300));
  return r;
}

const tileDram = (shape: number[], dtype: DataType) => tensor(shape, { dtype });
const tileL1 = (shape: number[], dtype: DataType) => tensor(shape, { dtype, buffer: 'l1' });
const rmDram = (shape: number[], dtype: DataType = 'bf16') => tensor(shape, { page: 'row_major', dtype });

const onBuild = (date: string) => whContext({ ttMetalDate: date });

describe('estimate/embedding: TILE indices run EmbeddingsTilizedIndicesProgramFactory', () => {
  it('64x1024 u32 indices, 256x128 bf16 row-major weights: 64 cores, 1,024 B, exact inside the read span', () => {
    // split_work_to_cores_aligned(8x8, 64 · 1,024 = 65,536 rows, 16): 65,536 / 16 = 4,096 cores > 64 → per core
    // ceil(ceil(65,536 / 64) / 16) · 16 = 1,024 rows → 64 cores. Weight row 128 · 2 = 256 B, a multiple of 32 and of
    // the DRAM index buffer's 32 B: c_0 = 2 · 256 = 512; c_1 = 16 · round_up(4, 32) = 512 → 1,024 B.
    const e = est(
      estimateOp(
        op('ttnn.embedding', [tileDram([64, 1024], 'u32'), rmDram([256, 128])], [rmDram([64, 1024, 128])]),
        onBuild('2026-01-10'),
      ),
    );
    assert.deepEqual(
      [e.factory, e.cbBytesPerCore, e.nCoresUsed, e.confidence],
      ['EmbeddingsTilizedIndicesProgramFactory', 1_024, 64, 'exact'],
    );
  });

  it('10 indices: one core (ceil(10 / 16) = 1)', () => {
    const e = est(
      estimateOp(
        op('ttnn.embedding', [tileDram([1, 10], 'u32'), rmDram([256, 128])], [rmDram([1, 10, 128])]),
        onBuild('2026-01-10'),
      ),
    );
    assert.deepEqual([e.cbBytesPerCore, e.nCoresUsed], [1_024, 1]);
  });

  it('an 80 B weight row on an L1 index buffer (16 B): 96 B pages before PR #30879, 80 B in its days, 96 B after the revert, 80 B from PR #31422', () => {
    // Weights 256x40 bf16: row 40 · 2 = 80 B. round_up(80, 32) = 96 → c_0 = 192; align(80, 16) = 80 → c_0 = 160.
    // c_1 = 16 · 32 = 512. Indices 32x32 u32 in L1: 1,024 rows / 16 = 64 cores (not more than the grid).
    const at = (date: string) =>
      est(
        estimateOp(
          op('ttnn.embedding', [tileL1([32, 32], 'u32'), rmDram([256, 40])], [rmDram([32, 32, 40])]),
          onBuild(date),
        ),
      );
    assert.equal(at('2025-10-01').cbBytesPerCore, 192 + 512);
    assert.equal(at('2025-10-25').cbBytesPerCore, 160 + 512);
    assert.equal(at('2025-10-30').cbBytesPerCore, 192 + 512);
    assert.equal(at('2025-11-10').cbBytesPerCore, 160 + 512);
    assert.equal(at('2025-11-10').nCoresUsed, 64);
  });

  it('tiled weights and a TILE result: untilize, the tilized-indices program, tilize — the golden 16,384 B stays', () => {
    // TestOpModelInterface.cpp@b73fc81:3506: indices 64x1024 bf16 tiles, weights 256x128 bf16 tiles, result tiled:
    // tilize of the 64·1,024 x 128 result, Wt = 4: 2 · 4 · 2,048 = 16,384 B is the largest program; the
    // tilized-indices program (c_0 2 · 256 on the L1 index buffer, c_1 16 · 32) is 1,024 B.
    const e = est(
      estimateOp(
        op(
          'ttnn.embedding',
          [tileL1([64, 1024], 'bf16'), tileL1([256, 128], 'bf16')],
          [tileL1([64, 1024, 128], 'bf16')],
        ),
        onBuild('2026-01-10'),
      ),
    );
    assert.equal(e.cbBytesPerCore, 16_384);
    assert.match(e.factoryReason, /EmbeddingsTilizedIndicesProgramFactory 1024 B/);
    assert.equal(e.confidence, 'approx');
  });
});

describe("estimate/embedding: the prim's dtype checks", () => {
  it('f32 indices are rejected ("Input must be UINT32 or BFLOAT16")', () => {
    const r = estimateOp(
      op('ttnn.embedding', [tileDram([32, 32], 'f32'), rmDram([256, 128])], [rmDram([32, 32, 128])]),
      onBuild('2026-01-10'),
    );
    assert.ok(r.kind === 'illegal');
    assert.match(r.rule, /^Input must be UINT32 or BFLOAT16/);
  });

  it('f32 weights are rejected ("Weights tensor must have BFLOAT16 dtype"), tiled or not', () => {
    for (const weights of [rmDram([256, 128], 'f32'), tileDram([256, 128], 'f32')]) {
      const r = estimateOp(
        op('ttnn.embedding', [tileDram([32, 32], 'u32'), weights], [rmDram([32, 32, 128])]),
        onBuild('2026-01-10'),
      );
      assert.ok(r.kind === 'illegal', JSON.stringify(r).slice(0, 200));
      assert.match(r.rule, /^Weights tensor must have BFLOAT16 dtype/);
    }
  });
});
