/**
 * Search ops' multi-core factories: argmax (argmax_multi_core_program_factory.cpp@050f24f, factory choice by
 * use_multicore before tt-metal PR #46340 and by layout/dim from it on). Figures by hand from the factories on WH n150
 * (8x8 grid, 32 B DRAM / 16 B L1 alignment; CBs placed at 32 B boundaries).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue } from '../../../server/src/ttnn/op';
import { int, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r as OpEstimate;
}

const bool = (value: boolean): PropValue => ({ kind: 'bool', value });
const rm = (shape: number[], o: { dtype?: 'bf16' | 'u32' | 'f32'; buffer?: 'dram' | 'l1' } = {}) =>
  tensor(shape, { page: 'row_major', dtype: o.dtype ?? 'bf16', buffer: o.buffer });

describe('estimate/search: multi-core argmax', () => {
  // Llama decode sampling: argmax over the 128,256-entry vocabulary row, bf16 row-major DRAM.
  const vocab = (props: Record<string, PropValue>) =>
    op('ttnn.argmax', [rm([1, 1, 1, 128_256])], [rm([1, 1, 1], { dtype: 'u32' })], { dim: int(3), ...props });

  it('use_multicore: the row split in 16-element units over 64 cores, two core groups', () => {
    // u = 32 / 2 = 16; ⌈128,256 / 16⌉ = 8,016 units over 64 cores: q = 125, r = 16 → 16 cores × 126 units
    // (2,016 elements, c_0 = round32(4,032) = 4,032) and 48 cores × 125 (2,000, c_0 = 4,000). L = padded H = 1:
    // c_1 = round32(1·4) = 32, c_2 = 64·32 = 2,048, c_3 = 64·round32(1·2) = 2,048.
    // group 1: 4,032 + 32 + 2,048 + 2,048 = 8,160 B; group 2: 4,000 + 32 + 2,048 + 2,048 = 8,128 B.
    const e = est(estimateOp(vocab({ use_multicore: bool(true) }), whContext()));
    assert.equal(e.factory, 'ArgMaxMultiCoreProgramFactory');
    assert.equal(e.nCoresUsed, 64);
    assert.deepEqual(
      e.coreGroups.map((g) => [g.nCores, g.cbBytesPerCore]),
      [
        [16, 8_160],
        [48, 8_128],
      ],
    );
    assert.equal(e.worstCbBytesPerCore, 8_160);
  });

  it('an L1 input splits in 8-element units', () => {
    // [1, 1000] bf16 row-major L1, dim 1: u = 16 / 2 = 8; ⌈1000/8⌉ = 125 units over 64 cores: q = 1, r = 61 → 61 cores
    // × 2 units (16 elements, c_0 = round32(32) = 32) and 3 × 1 (8 elements, round32(16) = 32). L = 1 (rank 2, H = 1):
    // c_1 = 32, c_2 = 64·32 = 2,048, c_3 = 64·32 = 2,048 → 32 + 32 + 2,048 + 2,048 = 4,160 B on either group.
    const e = est(
      estimateOp(
        op('ttnn.argmax', [rm([1, 1000], { buffer: 'l1' })], [rm([1], { dtype: 'u32' })], {
          dim: int(1),
          use_multicore: bool(true),
        }),
        whContext(),
      ),
    );
    assert.equal(e.worstCbBytesPerCore, 4_160);
  });

  it('tt-metal PR #46340 (change point argmax-multicore-by-layout): a row-major last-dim argmax is multi-core without the flag', () => {
    // Before: single core, c_0 = one 128,256 · 2 = 256,512 B row, c_1 = 1 · 4 at align32 → 256,516 B.
    const before = est(estimateOp(vocab({}), whContext({ ttMetalDate: '2026-05-01' })));
    assert.equal(before.factory, 'ArgMaxSingleCoreProgramFactory');
    assert.equal(before.cbBytesPerCore, 256_516);
    const after = est(estimateOp(vocab({}), whContext({ ttMetalDate: '2026-07-01' })));
    assert.equal(after.factory, 'ArgMaxMultiCoreProgramFactory');
    assert.equal(after.worstCbBytesPerCore, 8_160);
    // A window over both sides reports both figures; the estimate is the larger (single-core) one.
    const both = est(estimateOp(vocab({}), whContext({ window: { earliest: '2026-05-01', latest: '2026-07-01' } })));
    assert.equal(both.worstCbBytesPerCore, 256_516);
    assert.deepEqual(both.versionRange?.changePoints, ['argmax-multicore-by-layout']);
  });

  it('a tiled input with use_multicore: rejected before PR #46340, the single-core tile reader after', () => {
    const tiled = op('ttnn.argmax', [tensor([32, 1024])], [rm([32], { dtype: 'u32' })], {
      dim: int(1),
      use_multicore: bool(true),
    });
    const before = estimateOp(tiled, whContext());
    assert.equal(before.kind, 'illegal');
    assert.match((before as { rule: string }).rule, /Multicore argmax only supports ROW_MAJOR/);
    // After: c_0 = one bf16 tile 2,048; c_1 = one output row page 32 · 4 = 128 → 2,048 + 128 = 2,176 B.
    const after = est(estimateOp(tiled, whContext({ ttMetalDate: '2026-07-01' })));
    assert.equal(after.factory, 'ArgMaxSingleCoreProgramFactory');
    assert.equal(after.cbBytesPerCore, 2_176);
  });
});

describe('estimate/search: sort rows wider than 64 tiles (sort_program_factory.cpp@00c5add)', () => {
  const sort = (shape: number[], dtype: 'bf16' | 'f32' = 'bf16') => {
    const idx = dtype === 'f32' ? 'u32' : 'u16';
    return op('ttnn.sort', [tensor(shape, { dtype })], [tensor(shape, { dtype }), tensor(shape, { dtype: idx })], {
      dim: int(-1),
    });
  };

  it('Wt = 128 (bf16): the hybrid cross-core factory, 2 tiles on each of 64 cores', () => {
    // A = 64: min(128, max(⌊128/64⌋, 2)) = 2 → 64·2 = 128 ≥ Wt → hybrid. n = 2, ⌈128/2⌉ = 64 cores. u16 indices (2,048):
    // ten CBs of 2·2,048 = 4,096 (input, index, the two transposed slices of n = 2 tiles, values, indices, and the peer
    // exchange pairs) + the u32 lookup tile 4,096 + the bf16 sync tile 2,048 = 11·4,096 + 2,048 = 47,104 B.
    const e = est(estimateOp(sort([1, 1, 32, 4096]), whContext()));
    assert.equal(e.factory, 'SortProgramFactoryCrossCoreDataExchange');
    assert.equal(e.nCoresUsed, 64);
    assert.equal(e.cbBytesPerCore, 47_104);
  });

  it('Wt = 256 (f32, u32 indices): 4 tiles per core', () => {
    // min(128, max(4, 2)) = 4 → 256 ≤ 256 → hybrid, n = 4, 64 cores. T = 4,096 everywhere: 2·4,096 ·8 (input, index,
    // values, indices, 2·T values and indices to and from the peer) = 65,536; slices 2·4·4,096 = 32,768; + 4,096 + 2,048
    // = 104,448 B.
    const e = est(estimateOp(sort([1, 1, 32, 8192], 'f32'), whContext()));
    assert.equal(e.cbBytesPerCore, 104_448);
  });

  it('Wt = 200: 64 · max(⌊200/64⌋, 2) = 192 < 200 → the DRAM factory (six 2-tile CBs on 63 workers)', () => {
    // 100 tile pairs over min(100, 63) = 63 workers: 6 · 2 · 2,048 = 24,576 B; the coordinator 2·2,048 + 2·2,048 = 8,192.
    const e = est(estimateOp(sort([1, 1, 32, 6400]), whContext()));
    assert.equal(e.factory, 'SortProgramFactorySingleRowMultiCore');
    assert.deepEqual(
      e.coreGroups.map((g) => [g.nCores, g.cbBytesPerCore]),
      [
        [63, 24_576],
        [1, 8_192],
      ],
    );
  });
});

describe('estimate/gather: scatter with a reduction (scatter_reduce_bfloat16_program_factory.cpp@00e3779)', () => {
  const sum: PropValue = {
    kind: 'dialect',
    name: 'ttcore.reduce_type',
    text: '#ttcore.reduce_type<sum>',
    items: ['sum'],
    fields: {},
  };
  const rmT = (shape: number[], dtype: 'bf16' | 'si32' | 'f32') => tensor(shape, { page: 'row_major', dtype });
  const scatter = (w: number, dtype: 'bf16' | 'f32') =>
    op('ttnn.scatter', [rmT([64, w], dtype), rmT([64, w], 'si32'), rmT([64, w], dtype)], [rmT([64, w], dtype)], {
      dim: int(-1),
      scatter_reduce_type: sum,
    });

  it('bf16 input: five row-chunk CBs, the fifth an fp32 accumulator', () => {
    // free = 1,499,136 − 102,656 = 1,396,480; chunk = ceil32(⌊⌊⌊1,396,480/5⌋/4⌋·0.9 − 32⌋) = ceil32(⌊69,824·0.9 − 32⌋) =
    // ceil32(62,809) = 62,816 ≥ 1,000. Pages: input ceil32(1,000·2) = 2,016, index 1,000·4 = 4,000, source 2,016,
    // output 2,016, fp32 1,000·4 = 4,000 → 14,048 B per core (all multiples of 32).
    const e = est(estimateOp(scatter(1000, 'bf16'), whContext()));
    assert.equal(e.factory, 'ScatterReduceBfloat16ProgramFactory');
    assert.equal(e.cbBytesPerCore, 14_048);
    // A 100,000-wide row is cut at the 62,816-element chunk: 125,632 + 251,264 + 125,632 + 125,632 + 251,264 = 879,424 B.
    assert.equal(est(estimateOp(scatter(100_000, 'bf16'), whContext())).cbBytesPerCore, 879_424);
  });

  it('an f32 input with a reduction runs the plain scatter factory', () => {
    assert.equal(est(estimateOp(scatter(1000, 'f32'), whContext())).factory, 'ScatterProgramFactory');
  });
});

describe('estimate/search: multi-core topk (topk_multi_core_program_factory.cpp@010a13c, topk_utils.cpp@04ef66d)', () => {
  const topk = (w: number, k: number) =>
    op('ttnn.topk', [tensor([1, 1, 32, w])], [tensor([1, 1, 32, k]), tensor([1, 1, 32, k], { dtype: 'u16' })], {
      k: int(k),
      dim: int(-1),
    });

  it('W = 8,192, k = 32: 16 local cores of 512 elements and a final core', () => {
    // 8x8 grid: up to (8 − 2)·(8 − 1) = 42 local cores in a 7x6 rectangle; P = 32; splits from ⌊8,192/32/32⌋·32 = 256.
    // 256 → 32 cores: no x ≤ 7, y ≤ 6 with x·y = 32 → skipped. 512 → 16 cores (4x4), Wt_local 16, Wt_final 16·32/32 = 16:
    // modeled cost 155,648 < L1, score 7·16 + 2·16 = 144; 1,024 → 8 cores, score 7·32 + 2·8 = 240; larger splits score
    // more → 512. Local CBs: 4·2,048 + 4·2,048 + 16·2,048 + 16·2,048 + 2·2,048 + 16·2,048 + 16·2,048 + 2·2,048
    // = 155,648 B; the final core: 8,192 + 8,192 + 32,768 + 32,768 + 4,096 + 4,096 + 32,768 + 32,768 = 155,648 B.
    const e = est(estimateOp(topk(8192, 32), whContext()));
    assert.equal(e.factory, 'TopKMultiCoreProgramFactory');
    assert.deepEqual(
      e.coreGroups.map((g) => [g.nCores, g.cbBytesPerCore]),
      [
        [16, 155_648],
        [1, 155_648],
      ],
    );
  });

  it('W = 16,384, k = 64: 1,024-element splits (16 cores), Wt_final = 16 · 64 / 32 = 32', () => {
    // 512 → 32 cores (not a rectangle); 1,024 → 16 cores: score 7·32 + 2·32 = 288 (2,048 → 8 cores: 7·64 + 2·16 = 480).
    // Local: 8,192 + 8,192 + 32·2,048 ·2 + 4,096 + 32·2,048 ·2 + 4,096 = 286,720 B; final: the same sum = 286,720 B.
    const e = est(estimateOp(topk(16_384, 64), whContext()));
    assert.deepEqual(
      e.coreGroups.map((g) => [g.nCores, g.cbBytesPerCore]),
      [
        [16, 286_720],
        [1, 286_720],
      ],
    );
  });

  it('k > 64 or a width that is not a power of two stays on the single-core factory', () => {
    assert.equal(est(estimateOp(topk(8192, 96), whContext())).factory, 'TopK single-core interleaved');
    assert.equal(est(estimateOp(topk(12_288, 32), whContext())).factory, 'TopK single-core interleaved');
  });
});
