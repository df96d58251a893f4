/**
 * group_norm (ops/groupNorm.ts): figures derived by hand from tt-metal's interleaved path — ttnn::group_norm's automatic
 * grid (groupnorm.cpp@0062748, groupnorm_grid_utils.cpp@0c016ff) and GroupNormMcastProgramFactory
 * (groupnorm_mcast_program_factory.cpp@003544f) — with the arithmetic in each comment. Wormhole 8x8 grid, bf16 tiles
 * of 2,048 B. The inputs are what tt-mlir gives the op: [N, 1, H·W, C] bf16 DRAM tiles, row-major bf16 weight/bias [C].
 */

import { strict as assert } from 'assert';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import {
  groupNormDramGrid,
  groupNormHeuristicOutBlocks,
  maxTileSpan,
} from '../../../server/src/estimate/ops/groupNorm';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { op, tensor, whContext } from './build';

const ints = (...values: number[]): PropValue => ({ kind: 'ints', values });
const int = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

/** ttnn.group_norm as tt-mlir builds it: input, no mask, ones/zeros weight and bias [C] row-major bf16. */
function groupNorm(input: TensorSpec, groups: number, o: { mask?: TensorSpec; affine?: boolean } = {}) {
  const dims = input.shape.kind === 'known' ? input.shape.dims : [];
  const c = dims[dims.length - 1]!;
  const affine = o.affine ?? true;
  const gb = affine ? [tensor([c], { page: 'row_major' }), tensor([c], { page: 'row_major' })] : [];
  return op(
    'ttnn.group_norm',
    [input, ...(o.mask ? [o.mask] : []), ...gb],
    [tensor(dims, { dtype: input.elementDtype })],
    {
      num_groups: int(groups),
      epsilon: { kind: 'float', value: 1e-5 },
      operandSegmentSizes: ints(1, o.mask ? 1 : 0, affine ? 1 : 0, affine ? 1 : 0),
    },
  );
}

describe('estimate/groupNorm', () => {
  const ctx = whContext({ ttMetalDate: '2026-06-01' });

  it('reads properties (num_groups, operandSegmentSizes)', () => {
    assert.deepEqual(estimatorReads('ttnn.group_norm'), { properties: true, liveL1: false });
  });

  it('find_max_tile_span: groups of 16 in 64 columns span 1 tile; of 80 in 320 span 3; of 48 in 96 span 2', () => {
    // 80-wide groups: [0,79] tiles 0-2, [80,159] tiles 2-4, [160,239] tiles 5-7, [240,319] tiles 7-9 → 3 each.
    // 48-wide: [0,47] tiles 0-1, [48,95] tiles 1-2 → 2.
    assert.equal(maxTileSpan(64, 16), 1);
    assert.equal(maxTileSpan(320, 80), 3);
    assert.equal(maxTileSpan(96, 48), 2);
  });

  it('heuristic num_out_blocks: next power of two of volume / (65536 · cores), capped at 256', () => {
    // 16384·512 / (65536·64) = 2 → 2; 1,048,576·128 / (65536·64) = 32 → 32; 3·65536·64 → 3 → 4; tiny → 1;
    // 1000·65536·64 → 1000 → 256 (cap).
    assert.equal(groupNormHeuristicOutBlocks(16384 * 512, 64), 2);
    assert.equal(groupNormHeuristicOutBlocks(1_048_576 * 128, 64), 32);
    assert.equal(groupNormHeuristicOutBlocks(3 * 65536 * 64, 64), 4);
    assert.equal(groupNormHeuristicOutBlocks(1000, 64), 1);
    assert.equal(groupNormHeuristicOutBlocks(1000 * 65536 * 64, 64), 256);
  });

  it('automatic grid: C=128, G=32 on 8x8 → 4 virtual columns, 16 virtual rows; the batch rule drops rows', () => {
    // gx = 8: nvc from min(8, 32) = 8 down: 128/8 = 16, 128/7 = 18, /6 = 21, /5 = 25 are not multiples of 32;
    // 128/4 = 32 and 32 % 4 == 0 → 4. Rows per y = 2; Ht = 32768 → gy = 8, nvr = 16 divides 32768.
    assert.deepEqual(groupNormDramGrid(8, 8, 128, 32, 32768, 1, true), {
      x: 8,
      y: 8,
      virtualCols: 4,
      virtualRows: 16,
    });
    // N = 3, Ht = 96 (3·1024 rows): gy = 8 → nvr 16 (96 % 16 ≠ 0); gy = 7 → 14 (no); gy = 6 → 12 divides 96 — and
    // 12 % 3 == 0 — so 8x6. Before PR #42781 the same; with N = 5, Ht = 80 (5·512 rows): gy = 8 → 16 divides 80 but
    // 16 ≥ 5 and 16 % 5 ≠ 0 → from PR #42781 on gy = 5 → 10 (10 % 5 == 0) → 8x5; before it 8x8.
    assert.equal(groupNormDramGrid(8, 8, 128, 32, 96, 3, true)?.y, 6);
    assert.equal(groupNormDramGrid(8, 8, 128, 32, 80, 5, true)?.y, 5);
    assert.equal(groupNormDramGrid(8, 8, 128, 32, 80, 5, false)?.y, 8);
  });

  it('SD UNet 64x64 latent, C=512, G=32: 254 tiles = 520,192 B per core on 64 cores', () => {
    // H·W = 16384, Ht = 512; nvc = 8 (512/8 = 64, 32 % 8 == 0), nvr = 8 → grid 8x8, N = 1 < 8 → mcast.
    // per_core_Mt = 64, per_core_N = 64 (Nt 2), num_out_blocks = 2 (16384·512 / (65536·64) = 2), block_wt 1 →
    // block = 32 tiles. c_0, c_16, c_29, c_24, c_25, c_23, c_22: 7·32 = 224; c_2, c_3, c_4: 3; gamma, beta: 2 + 2;
    // mask: 2·1; c_8, c_21: 2; c_10: 2·(8/1) = 16; c_15, c_13, c_27: 3 → 254 tiles · 2,048 = 520,192.
    const e = estimateOf(estimateOp(groupNorm(tensor([1, 1, 16384, 512]), 32), ctx));
    assert.equal(e.cbBytesPerCore, 520_192);
    assert.equal(e.nCoresUsed, 64);
    assert.equal(e.confidence, 'approx');
  });

  it('VAE decoder 1024x1024 last stage, C=128, G=32: 492 tiles = 1,007,616 B per core', () => {
    // H·W = 1,048,576, Ht = 32768; nvc 4, nvr 16 (grid 8x8, 64 cores); per_core_Mt = 2048, per_core_N 32 (Nt 1);
    // num_out_blocks = 32 (1,048,576·128 / (65536·64) = 32); block_wt 1 (groups of 4 channels) → block 64 tiles.
    // 7·64 = 448; c_2..c_4: 3; gamma, beta: 1 + 1; mask 2; c_8, c_21: 2; c_10: 2·16 = 32; c_15, c_13, c_27: 3
    // → 492 tiles · 2,048 = 1,007,616.
    const e = estimateOf(estimateOp(groupNorm(tensor([1, 1, 1_048_576, 128]), 32), ctx));
    assert.equal(e.cbBytesPerCore, 1_007_616);
    assert.equal(e.nCoresUsed, 64);
  });

  it('batch 8 VAE mid stage, C=128, H·W=16384: the heuristic ignores N, 1808 tiles = 3,702,784 B overflow L1', () => {
    // Ht = 8·16384/32 = 4096; nvc 4, rows per y 2 → gy 8, nvr 16 (4096 % 16 == 0, 16 % 8 == 0); N = 8 < 16 → mcast.
    // per_core_Mt = 256; the heuristic volume is 1·16384·128 = 2,097,152 < 65536·64 → num_out_blocks 1 → block =
    // 256 tiles. 7·256 = 1792; c_2..c_4: 3; gamma, beta: 1 + 1; mask 2; c_8, c_21: 2; c_10: 2·(16/8) = 4;
    // c_15, c_13, c_27: 3 → 1808 tiles · 2,048 = 3,702,784 B > 1,499,136 B of L1.
    const e = estimateOf(estimateOp(groupNorm(tensor([8, 1, 16384, 128]), 32), ctx));
    assert.equal(e.cbBytesPerCore, 3_702_784);
    assert.ok(e.cbRegionEndBytes > ctx.device.l1SizeBytes);
  });

  it('without weight and bias: no c_5 / c_6 (254 - 4 = 250 tiles for the UNet case)', () => {
    const e = estimateOf(estimateOp(groupNorm(tensor([1, 1, 16384, 512]), 32, { affine: false }), ctx));
    assert.equal(e.cbBytesPerCore, 250 * 2048);
  });

  it('N ≥ virtual rows runs the no-mcast factory: one batch per block, c_10 of 2 tiles, 240 tiles = 491,520 B', () => {
    // groupnorm_no_mcast_program_factory.cpp@003544f. C = 512: nvc 8, one virtual row per grid row; N = 8,
    // Ht = 8·1024/32 = 256 → gy 8, nvr 8 (256 % 8 == 0, 8 % 8 == 0) ≤ N → no-mcast, one batch per core:
    // block_ht = Ht / N = 32; per_core_N 64 (Nt 2); num_out_blocks 1 (1·1024·512 < 65536·64); block_wt 1 (groups of 16)
    // → block 32 tiles. c_0, c_16, c_29: 3·32 = 96; c_2..c_4: 3; gamma, beta: 2 + 2; mask 2·1 = 2;
    // c_24, c_25, c_23, c_22: 4·32 = 128; c_8, c_21: 2; c_10: 2·1 (every core its own sender) = 2; c_15, c_13, c_27: 3
    // → 240 tiles · 2,048 = 491,520 B on nvc·nvr = 64 cores.
    const e = estimateOf(estimateOp(groupNorm(tensor([8, 1, 1024, 512]), 32), ctx));
    assert.equal(e.factory, 'GroupNormNoMcastProgramFactory');
    assert.equal(e.cbBytesPerCore, 491_520);
    assert.equal(e.nCoresUsed, 64);
  });

  it('no-mcast with uneven batches (N = 9 on 8 virtual rows): blocks stay one batch, the same 491,520 B', () => {
    // Ht = 9·32 = 288; gy 8, nvr 8 (288 % 8 == 0; 8 < 9); the first row of cores holds 2 batches, the rest 1, and
    // block_ht = Ht / N = 32 in both groups → the same CBs as above.
    const e = estimateOf(estimateOp(groupNorm(tensor([9, 1, 1024, 512]), 32), ctx));
    assert.equal(e.factory, 'GroupNormNoMcastProgramFactory');
    assert.equal(e.cbBytesPerCore, 491_520);
  });

  it('block-sharded tile input, 8x8, C=512, G=32, no mask/weight/bias: 58 tiles = 118,784 B (2026 factory)', () => {
    // [1, 1, 4096, 512] on 8x8: shards of 512 rows x 64 columns (16 x 2 tiles), 4 groups of 16 per core, block_wt 1,
    // block_ht 16. c_0/c_16 are the L1 shards (not counted); c_1 16·2 = 32; c_2, c_3, c_4: 3; c_7 the mask
    // ttnn::group_norm makes (bf16) 2·1 = 2; no repack (64 % 32 == 0); c_13 16·1 = 16; c_8, c_10, c_15, c_17, c_26: 5
    // → 58 tiles · 2,048 = 118,784.
    const sharded = { buffer: 'l1', mem: 'block_sharded', grid: [8, 8] } as const;
    const input = tensor([1, 1, 4096, 512], sharded);
    const gn = op('ttnn.group_norm', [input], [tensor([1, 1, 4096, 512], sharded)], {
      num_groups: int(32),
      operandSegmentSizes: ints(1, 0, 0, 0),
    });
    const e = estimateOf(estimateOp(gn, ctx));
    assert.equal(e.cbBytesPerCore, 118_784);
    assert.equal(e.nCoresUsed, 64);
    // Before PR #26364: + c_14 (x − E[x]) 16 tiles, c_10 one tile per core of the 8-core column (+7), no c_26 (−1)
    // → 80 tiles = 163,840.
    const before = estimateOf(estimateOp(gn, whContext({ ttMetalDate: '2025-06-01' })));
    assert.equal(before.cbBytesPerCore, 163_840);
  });

  it('a tiled shard that splits a group or the channels unevenly is illegal', () => {
    // C = 320 on 4 shard columns of 3 tiles (96 channels): 320 % 96 ≠ 0.
    const r = estimateOp(
      groupNorm(tensor([1, 1, 4096, 320], { buffer: 'l1', mem: 'block_sharded', grid: [8, 4] }), 32),
      ctx,
    );
    assert.equal(r.kind, 'illegal');
  });

  it('channels not divisible by num_groups: illegal, as ttnn::group_norm validates', () => {
    const r = estimateOp(groupNorm(tensor([1, 1, 1024, 320]), 24), ctx);
    assert.equal(r.kind, 'illegal');
  });

  it('a row-major interleaved input says it is unmodeled, before and after tt-metal PR #49501 (no tile-path figure)', () => {
    // Before PR #49501 the interleaved factory hung on it (#47972), then rejected it (#48143); after it the Wormhole legacy
    // path gathers rows into a resident tilized CB or falls back to a host tilize, neither read: no figure either way.
    for (const date of ['2026-06-01', '2026-09-01']) {
      const r = estimateOp(
        groupNorm(tensor([1, 1, 16384, 512], { page: 'row_major' }), 32),
        whContext({ ttMetalDate: date }),
      );
      assert.equal(r.kind, 'unmodeled');
      assert.ok(r.kind === 'unmodeled' && r.reason.includes('#49501'));
    }
  });
});
