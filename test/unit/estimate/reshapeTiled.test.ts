/**
 * The native tiled reshape (reshape.ts [3], [5]): its mapping page is the width of the segment map tt-metal builds on
 * the host from the two rank-3 shapes (reshape_map_output_page / compute_reshape_mapping_host_tensor, unchanged from
 * ed0a405 to fdefd7c). Each expected figure is worked out by hand in its comment from those functions:
 *   - elements of an output tile are walked row by row; faced offset of (h, w) in a tile = face·256 + (h mod 16)·16 +
 *     (w mod 16), face = 2·⌊(h mod 32)/16⌋ + ⌊(w mod 32)/16⌋;
 *   - an element extends its input tile's last segment only when the previous element came from the same input tile
 *     and both offsets are one past the previous ones; else it opens a segment;
 *   - an output tile's entries = (most segments of one input tile) × (input tiles touched); M = the largest;
 *     the page holds M + (M mod 16) entries of 16 B.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { op, tensor, whContext, assertExactUpToNewestRead } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r));
  return r as OpEstimate;
}

const reshape = (from: number[], to: number[], o: Parameters<typeof tensor>[1] = {}) =>
  op('ttnn.reshape', [tensor(from, o)], [tensor(to, o)]);
const mappingPage = (e: OpEstimate): number => e.cbs.find((c) => c.cbIndex === 'c_0')!.pageBytes;

describe('estimate/reshape: the tiled factory traces the host segment map', () => {
  // Builds of 2026-04 (after PR #20189, before PR #45075).
  const april2026 = () => whContext({ ttMetalDate: '2026-04-15' });

  it('[1, 20, 16] → [1, 40, 8] bf16: 32 entries, 512 + 2,048 + 2,048 = 4,608 B, exact', () => {
    // Input: one tile (H 20, W 16). Output tile 0 holds rows 0..31, cols 0..7: output row ho is input row ⌊ho/2⌋,
    // cols 8·(ho mod 2)..+7. Within a row both offsets step by one (one segment). From row ho to ho + 1 the input offset
    // steps by one (8 → 8 + 1 when ho is even) but the output offset jumps from 16·ho + 7 to 16·(ho + 1): a new segment
    // per row, 32 segments of the one input tile → 32 entries. Tile 1 (rows 32..39): 8. M = 32, + 32 mod 16 = 32.
    // c_0 = 32 · 16 = 512 B.
    const e = est(estimateOp(reshape([1, 20, 16], [1, 40, 8]), april2026()));
    assert.equal(mappingPage(e), 512);
    assert.equal(e.cbBytesPerCore, 4_608);
    assert.equal(e.confidence, 'exact');
  });

  it('[2, 20, 16] → [1, 40, 16] bf16: M = 4 becomes 8 entries (tt-metal adds M mod 16), 4,224 B', () => {
    // Input planes of 20x16, one tile each (page = plane). Output tile 0 (rows 0..31, cols 0..15): rows 0..15 are plane
    // 0's rows 0..15, face 0 on both sides, each row's last offset 16·r + 15 followed by 16·(r + 1): one segment. Row 16
    // enters face 2 on both sides (offset 512 after 255): a second segment of page 0, rows 16..19. Row 20 is plane 1
    // (page 1) row 0: a new segment, then rows 20..31 ↔ plane 1 rows 0..11 run on (face 2 out, face 0 in): one.
    // Page 0: 2 segments, page 1: 1 → 2 · 2 pages = 4. Tile 1 (rows 32..39 ↔ plane 1 rows 12..19): 2 segments, one
    // page → 2. M = 4; M + (4 mod 16) = 8 entries → c_0 = 128 B; + 2 · 2,048 = 4,224.
    const e = est(estimateOp(reshape([2, 20, 16], [1, 40, 16]), april2026()));
    assert.equal(mappingPage(e), 128);
    assert.equal(e.cbBytesPerCore, 4_224);
    assert.equal(e.confidence, 'exact');
  });

  it('[3, 3] → [9] bf16 (rank 1 unsqueezed to [1, 1, 9]): 3 segments → 6 entries, 96 + 4,096 = 4,192 B', () => {
    // The output row's 9 elements come from input rows 0, 1, 2 (3 elements each): the input offset jumps 2 → 16 → 32
    // between rows, so 3 segments of the one input tile. M = 3, + 3 mod 16 = 6 entries · 16 B = 96 B.
    const e = est(estimateOp(reshape([3, 3], [9]), april2026()));
    assert.equal(mappingPage(e), 96);
    assert.equal(e.cbBytesPerCore, 4_192);
  });

  it('[64, 1024] → [256, 256]: 64 entries (4 input tiles x 16 segments), 5,120 B', () => {
    // Output row ho is input row ⌊ho/4⌋, cols 256·(ho mod 4) + 32·tw..+31: one whole input tile row, split at the face
    // edge (2 segments per row). An output tile's 32 rows touch 4 input tiles (ho mod 4), 8 rows each; consecutive rows
    // of one input tile are 4 output rows apart (other tiles in between), so no merging: 16 segments · 4 tiles = 64.
    const e = est(estimateOp(reshape([64, 1024], [256, 256]), april2026()));
    assert.equal(mappingPage(e), 1_024);
    assert.equal(e.cbBytesPerCore, 5_120);
    assert.equal(e.confidence, 'exact');
  });

  it('a one-element output plane ([1,1,8192,8192] → [8192,8192,1,1], 67M tiles): 1 segment → 2 entries, 32 B', () => {
    // Rank 3: [1, 8192, 8192] → [67,108,864, 1, 1]: every output tile holds one element: one segment of one input tile.
    // M = 1, + 1 mod 16 = 2 entries → 32 B (tt-mlir test/ttmlir/Transforms/memory_management.mlir's reshape).
    const e = est(estimateOp(reshape([1, 1, 8192, 8192], [8192, 8192, 1, 1], { dtype: 'f32' }), april2026()));
    assert.equal(mappingPage(e), 32);
    assert.equal(e.cbBytesPerCore, 32 + 4_096 + 4_096);
    assert.equal(e.confidence, 'exact');
  });

  it('[67108864, 1] → [8192, 8192] f32 (65,536 output tiles): 32 segments × 32 input tiles = 1,024 entries, exact', () => {
    // tt-mlir test/ttmlir/Transforms/memory_management.mlir's reshape after its permute. Input W = 1: input element
    // (h, 0) has faced offset 256·2·⌊(h mod 32)/16⌋ + 16·(h mod 16), so consecutive input rows step by 16, never by one:
    // every output element opens its own segment. Output row r of a tile reads 32 consecutive input rows starting at a
    // multiple of 32 (8192 and 32·tw are multiples of 32): one input tile, 32 segments; the tile's 32 rows read 32
    // different input tiles (8192 rows apart). Entries = 32 · 32 = 1,024 (+ 1,024 mod 16 = 0) · 16 B = 16,384 B;
    // + 2 f32 tiles (c_1, c_2) of 4,096 = 24,576 B. Every output tile lies inside the single input plane and repeats
    // the same pattern, so the trace is cheap however many tiles there are.
    const e = est(estimateOp(reshape([67_108_864, 1], [8192, 8192], { dtype: 'f32' }), april2026()));
    assert.equal(mappingPage(e), 16_384);
    assert.equal(e.cbBytesPerCore, 24_576);
    assert.equal(e.confidence, 'exact');
  });

  it('bfp8 is typecast to bf16 around the program: bf16 tiles, approx (the typecasts are not modeled)', () => {
    // reshape.cpp's reshape_tiled: typecast(tensor3d, BFLOAT16) before prim::reshape_view → c_1 = c_2 = 2,048 B, not
    // bfp8's 1,088. Same map as the bf16 case: 1,024 + 2 · 2,048 = 5,120.
    const e = est(estimateOp(reshape([64, 1024], [256, 256], { dtype: 'bfp_bf8' }), april2026()));
    assert.equal(e.cbBytesPerCore, 5_120);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason ?? '', /typecasts to bf16/);
  });

  describe('sharded tensors, routed as reshape_tiled routes them (reshape.ts [6])', () => {
    // [64, 1024] → [256, 256] bf16 as above: the interleaved program's CBs are 1,024 + 2 · 2,048 = 5,120 B.
    const shardedReshape = (inMem: 'block_sharded' | 'height_sharded', outMem: string) =>
      op(
        'ttnn.reshape',
        [tensor([64, 1024], { buffer: 'l1', mem: inMem, grid: [2, 2] })],
        [
          tensor([256, 256], {
            buffer: 'l1',
            mem: outMem as 'interleaved',
            grid: outMem === 'interleaved' ? [1, 1] : [1, 8],
          }),
        ],
      );

    it('sharded input, interleaved result, from PR #37407 (2026-02-24): the one program, exact', () => {
      // reshape.cpp@a3ffa27 … @d9169f1: only a WIDTH_SHARDED requested config takes s2i / i2s; here prim::reshape_view
      // reads the block-sharded input through its TensorAccessor, CBs as interleaved: 5,120 B, no intermediate.
      const e = est(estimateOp(shardedReshape('block_sharded', 'interleaved'), april2026()));
      assert.equal(e.factory, 'ReshapeTiledProgramFactory');
      assert.equal(e.cbBytesPerCore, 5_120);
      assert.equal(e.confidence, 'exact');
      assert.equal(e.l1Intermediates, undefined);
    });

    it('before PR #37407 (2026-01-15): sharded_to_interleaved into L1 first, then the program; exact', () => {
      // reshape.cpp@9cfdc2a: s2i of the sharded input into INTERLEAVED in its own buffer type (L1). S2I with no dtype
      // change: c_0 is the L1 shard itself, 0 B of CBs. Then the reshape, 5,120 B: the larger, reported. The L1
      // interleaved copy of the input is an intermediate: 2 · 32 = 64 tiles over 64 banks → 1 tile = 2,048 B per core.
      const e = est(
        estimateOp(shardedReshape('block_sharded', 'interleaved'), whContext({ ttMetalDate: '2026-01-15' })),
      );
      assert.equal(e.factory, 'ReshapeTiledProgramFactory');
      assert.equal(e.cbBytesPerCore, 5_120);
      assert.match(
        e.factoryReason,
        /2 programs run in turn \(sharded_to_interleaved \(input\): ShardedToInterleavedProgramFactory 0 B/,
      );
      assert.equal(e.l1Intermediates?.[0]?.bytesPerCore, 2_048);
      assert.equal(e.confidence, 'exact');
    });

    it('width-sharded result before PR #42543: s2i → reshape → i2s, the i2s scratch the largest (8,320 B)', () => {
      // reshape.cpp@d9169f1 keeps the round trip for a WIDTH_SHARDED output. I2S from L1 interleaved bf16 tiles to an
      // L1 width shard (to_memory_config's factory, from PR #34414's padded scratch, 2026-02-03): output CB bound to
      // the shard (0 B), c_1 = 4 · align(2,048 + 32, 32) = 8,320 B > the reshape's 5,120 B.
      const e = est(estimateOp(shardedReshape('height_sharded', 'width_sharded'), april2026()));
      assert.equal(e.factory, 'InterleavedToShardedProgramFactory');
      assert.equal(e.cbBytesPerCore, 8_320);
      assert.match(e.factoryReason, /3 programs run in turn/);
      assert.equal(e.confidence, 'exact');
    });

    it('width-sharded result from PR #42543 (2026-06-10): the one program on the sharded tensors, approx', () => {
      // reshape.cpp@1116349 … @622c6fb: reshape_view straight into the shard spec recomputed for the output shape.
      const e = est(
        estimateOp(shardedReshape('height_sharded', 'width_sharded'), whContext({ ttMetalDate: '2026-06-10' })),
      );
      assert.equal(e.factory, 'ReshapeTiledProgramFactory');
      assert.equal(e.cbBytesPerCore, 5_120);
      assert.equal(e.confidence, 'approx');
      assert.match(e.approxReason ?? '', /recomputes/);
      assert.doesNotMatch(e.approxReason ?? '', /twice/);
    });

    it('height-sharded result: reshape_view twice before PR #42904 (2026-04-24), once after; approx both', () => {
      const before = est(estimateOp(shardedReshape('block_sharded', 'height_sharded'), april2026()));
      assert.equal(before.cbBytesPerCore, 5_120);
      assert.equal(before.confidence, 'approx');
      assert.match(before.approxReason ?? '', /twice/);
      const after = est(
        estimateOp(shardedReshape('block_sharded', 'height_sharded'), whContext({ ttMetalDate: '2026-05-01' })),
      );
      assert.equal(after.cbBytesPerCore, 5_120);
      assert.doesNotMatch(after.approxReason ?? '', /twice/);
    });
  });

  it('CBs on the whole grid before PR #45075 (2026-06-02), on the work cores after', () => {
    // [1, 20, 16] → [1, 40, 8]: 2 output tiles. Before: total_cores (0,0)-(7,7), 64 cores. From b2af0cd: the
    // column-wise split_work_to_cores(8x8, 2) = 2 cores, (0,0)-(0,1), the descriptor's set as given.
    const before = est(estimateOp(reshape([1, 20, 16], [1, 40, 8]), april2026()));
    assert.equal(before.coreGroups[0].nCores, 64);
    assert.deepEqual(before.coreGroups[0].printedRange, [
      [0, 0],
      [7, 7],
    ]);
    const after = est(estimateOp(reshape([1, 20, 16], [1, 40, 8]), whContext({ ttMetalDate: '2026-06-10' })));
    assert.equal(
      after.coreGroups.reduce((n, g) => n + g.nCores, 0),
      2,
    );
    assert.deepEqual(after.coreGroups[0].printedRange, [
      [0, 0],
      [0, 1],
    ]);
    assert.equal(after.cbBytesPerCore, 4_608);
    assert.equal(after.confidence, 'exact');
  });

  it('exact over a window read throughout, and over one straddling PR #20189 (the composite before it, read too)', () => {
    const within = est(
      estimateOp(
        reshape([1, 20, 16], [1, 40, 8]),
        whContext({ window: { earliest: '2025-05-01', latest: '2026-05-31' } }),
      ),
    );
    assert.equal(within.confidence, 'exact');
    const straddling = est(
      estimateOp(
        reshape([1, 20, 16], [1, 40, 8]),
        whContext({ window: { earliest: '2025-04-01', latest: '2025-05-31' } }),
      ),
    );
    // Before PR #20189 (reshape.cpp@83f816b … @3b28664, convert_tile_to_rm) three programs run in turn, bf16 tiles
    // of 2,048 B: untilize_with_unpadding of [1, 32 (20 padded), 32]: Wt = 1 → c_0 + c_16 = 4,096 B; the row-major
    // reshape of 32 B rows into 16 B rows: c_0 2 · (floor64(31) + 128) = 256, c_1 floor64(15) + 80 = 80 → 336 B (no
    // second instance before PR #28169); tilize_with_val_padding to [1, 64, 32]: Wt = 1 → 4,096 B (the later of the
    // tie). From PR #20189 the native factory's 4,608 B (above).
    assert.equal(straddling.confidence, 'exact');
    assert.deepEqual(
      straddling.versionRange?.figures.map((f) => (f.kind === 'estimate' ? f.cbBytesPerCore : -1)),
      [4_096, 4_608],
    );
    const april2025 = est(estimateOp(reshape([1, 20, 16], [1, 40, 8]), whContext({ ttMetalDate: '2025-04-10' })));
    assert.match(april2025.factoryReason, /ReshapeRMProgramFactory 336 B/);
  });

  it('one confidence across the Metal 2.0 port (change point reshape-view-dataflow-buffers, PR #54202, ≈2026-08-24)', () => {
    // The ported factory (search index id 58442755276) allocates the same three buffers as dataflow buffers: the
    // mapping page (32 entries · 16 B = 512 B, derived in the first case above), one input and one output bf16 tile
    // (2,048 B each): 4,608 B on both sides.
    const e = est(
      estimateOp(
        reshape([1, 20, 16], [1, 40, 8]),
        whContext({ window: { earliest: '2026-07-10', latest: '2026-11-30' } }),
      ),
    );
    assert.equal(e.cbBytesPerCore, 4_608);
    assertExactUpToNewestRead(e, { earliest: '2026-07-10', latest: '2026-11-30' });
  });
});
