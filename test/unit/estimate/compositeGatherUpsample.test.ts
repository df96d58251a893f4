/**
 * Ops of the corpus's hand-written tt-mlir tests that had no figure: `ttcore.composite` (Decomposition/
 * rotary_embedding_decomposition.mlir), `ttnn.gather` on row-major operands (Workarounds/gather_workaround.mlir) and
 * `ttnn.upsample` in bilinear mode (Workarounds/upsample_bilinear_workaround.mlir). The files are the corpus copies
 * (test/fixtures/corpus, tt-mlir@19c86fc, Apache-2.0; license note in its SOURCE.md).
 */

import { strict as assert } from 'assert';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import type { OpAnalysis } from '../../../server/src/analysis/types';
import { readCorpus } from '../../support/corpus';
import { estimateOp } from '../../../server/src/estimate/registry';
import { bilinearHaloSticksPerCore } from '../../../server/src/estimate/ops/upsampleBilinear';
import { int, op, tensor, whContext } from './build';

const BILINEAR = { kind: 'string', value: 'bilinear' } as const;

const DIR = 'test/ttmlir/Dialect/TTNN/Transforms';

function opsOf(file: string, name: string): { fn: string; o: OpAnalysis }[] {
  const a = analyzeModule(parse(readCorpus(`${DIR}/${file}`)));
  return a.functions.flatMap((f) => f.ops.filter((o) => o.op.name === name).map((o) => ({ fn: f.fn.name, o })));
}

describe('estimate/coverage of composites, row-major gather, bilinear upsample', () => {
  it('ttcore.composite runs no program: the decomposition it names is estimated in its own function', () => {
    const composites = opsOf('Decomposition/rotary_embedding_decomposition.mlir', 'ttcore.composite');
    assert.ok(composites.length >= 2, 'the file holds composites');
    for (const { o } of composites) {
      assert.equal(o.estimate.kind, 'noProgram');
      if (o.estimate.kind !== 'noProgram') continue;
      // TTNNResolveComposites inlines (or promotes) every composite before the flatbuffer (tt-mlir@19c86fc).
      assert.match(o.estimate.reason, /^composite "rotary_embedding": .*TTNNResolveComposites inlines @rope_decomp/);
    }
    // The body's ops get their own figures (the composite is not the only thing checked).
    const bodyMultiplies = opsOf('Decomposition/rotary_embedding_decomposition.mlir', 'ttnn.multiply').filter((x) =>
      x.fn.startsWith('@rope_decomp'),
    );
    assert.ok(bodyMultiplies.length > 0);
    const a = analyzeModule(parse(readCorpus(`${DIR}/Decomposition/rotary_embedding_decomposition.mlir`)));
    const decomp = a.functions.filter((f) => f.fn.name.startsWith('@rope_decomp'));
    assert.ok(decomp.length > 0 && decomp.every((f) => f.reached), 'the composites reach their decompositions');
    for (const { o } of bodyMultiplies) assert.equal(o.estimate.kind, 'estimate');
  });

  it('row-major gather: tt-mlir tilizes input and index first; the figure is the largest of the three programs', () => {
    const [rowMajor] = opsOf('Workarounds/gather_workaround.mlir', 'ttnn.gather').filter(
      (x) => x.fn === '@gather_row_major_inputs',
    );
    assert.ok(rowMajor);
    const e = rowMajor.o.estimate;
    assert.equal(e.kind, 'estimate');
    if (e.kind !== 'estimate') return;
    // By hand (input 5x3 f32 row-major DRAM, index 2x3 u32 row-major DRAM, dim 0, output 2x3 f32 tiled):
    //   tilize input (tilize_multi_core_interleaved): Wt = 1 → c_0 1 f32 tile 4,096 + c_16 1 f32 tile 4,096 = 8,192 B;
    //   tilize index: 1 u32 tile 4,096 + 4,096 = 8,192 B;
    //   gather (tiled): Wt_input = ceil(5/32) = 1 ≤ 60, Wt_index = 1 → SingleRowSingleCore: c_0 = 1 · 4,096 (f32),
    //   c_1 = 4,096 (u32 index tile), c_2 = 4,096 (f32 output tile) = 12,288 B;
    //   its composite (gather.cpp@622c6fb) first transposes the index 2x3 → 3x2 (TransposeWH: c_0 2 + c_16 2 u32 tiles
    //   = 16,384 B) and fills the padding of its 1x1x3x2 view: FillPad from PR #42673, padded right and below →
    //   c_0 2·4,096 + c_1 4,096 + c_2 4,096 + c_16 2·4,096 = 24,576 B, the largest (the window straddles #42673:
    //   before it c_0 = 2 · (4·16 + 2) = 132 B, so the newer figure is the worst).
    assert.equal(e.worstCbBytesPerCore, 24_576);
    assert.equal(e.factory, 'FillPadProgramFactory');
    assert.match(e.factoryReason, /tilize input: \S+ 8192 B; tilize index: \S+ 8192 B; gather \(tiled operands\)/);
    assert.match(
      e.factoryReason,
      /transpose index \(0, −1\): TransposeWHProgramFactory 16384 B; fill_pad index: FillPadProgramFactory 24576 B/,
    );
    assert.equal(e.confidence, 'approx');
    // The input 5x3 transposed to 3x5 (16,384 B), viewed 1x1x3x5, is sliced to the index's padded 1x1x32x5 (within its
    // padded shape: SliceTile c_0 = 2 f32 tiles = 8,192 B), whose 5 columns are filled (right only: 2·4,096 + 4,096 +
    // 2·4,096 = 20,480 B).
    assert.match(
      e.factoryReason,
      /slice input: SliceTileProgramFactory 8192 B; fill_pad input: FillPadProgramFactory 20480 B/,
    );
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /fill_pad's factory was read at 9cb25bbb\^/);
    // The tiled copies stay in DRAM like their operands: no L1 tensor is added; each tilize is checked where it runs
    // (its result 0 B of L1, held until the gather has run), the gather last.
    assert.equal(e.l1IntermediateBytesPerCore, undefined);
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram, t.writerProgram?.cbBytesPerCore]),
      [
        ['result of tilize input', 0, true, 8192],
        ['result of tilize index', 0, true, 8192],
        // The composite's programs in turn (DRAM results, 0 B of L1): transpose index, fill_pad index (held for the
        // gather), transpose input, slice and fill_pad input (held), the gather (f32 3x2 → transposed back after it).
        ['result of transpose index (0, −1)', 0, false, 16_384],
        ['result of fill_pad index', 0, true, 24_576],
        ['result of transpose input (0, −1)', 0, false, 16_384],
        ['result of slice input', 0, false, 8192],
        ['result of fill_pad input', 0, true, 20_480],
        ['result of gather', 0, true, 12_288],
      ],
    );
  });

  it('row-major gather with an L1 input: the tiled copy is an L1 tensor held while the gather runs', () => {
    // The corpus test's row-major gather, with the input in L1 (64x64 bf16) and the index in DRAM.
    const text = `
#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
#in_rm = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<64x64xbf16, #l1>, <interleaved>>
#idx_rm = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x64xui32, #dram>, <interleaved>>
#out = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @g(%arg0: tensor<64x64xbf16, #in_rm>, %arg1: tensor<2x64xui32, #idx_rm>) -> tensor<2x64xbf16, #out> {
    %0 = "ttnn.gather"(%arg0, %arg1) <{dim = 0 : si32}> : (tensor<64x64xbf16, #in_rm>, tensor<2x64xui32, #idx_rm>) -> tensor<2x64xbf16, #out>
    return %0 : tensor<2x64xbf16, #out>
  }
}`;
    const a = analyzeModule(parse(text));
    const e = a.functions[0]!.ops.find((o) => o.op.name === 'ttnn.gather')!.estimate;
    assert.equal(e.kind, 'estimate');
    if (e.kind !== 'estimate') return;
    // The tiled input: 64x64 bf16 = 2x2 tiles of 2,048 B, L1 interleaved one page per bank over the 64 cores' banks
    // (4 pages ≤ 64 banks) → 2,048 B per core, held while the index is tilized and the gather runs.
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram, t.writerProgram?.cbBytesPerCore]),
      [
        ['result of tilize input', 2048, true, 8192],
        ['result of tilize index', 0, true, 16_384],
        // gather.cpp@622c6fb, dim 0 of rank 2: transpose index 2x64 → 64x2 (u32: c_0 2 + c_16 2 tiles = 16,384 B);
        // fill_pad of its 1x1x64x2 view, padded right only (2 % 32 ≠ 0, 64 % 32 = 0): c_0 2·4,096 + c_1 4,096 +
        // c_16 2·4,096 = 20,480 B, the largest; transpose input 64x64 bf16 (2 + 2 tiles of 2,048 = 8,192 B; its copy in
        // L1 like the input, 2,048 B per core, held for the gather); the slice to the index's padded 1x1x64 rows is the
        // whole input (no program), 64x64 needs no fill; the gather 10,240 B (below); the transpose back 8,192 B.
        ['result of transpose index (0, −1)', 0, false, 16_384],
        ['result of fill_pad index', 0, true, 20_480],
        ['result of transpose input (0, −1)', 2048, true, 8192],
        ['result of gather', 0, true, 10_240],
      ],
    );
    // gather (tiled): Wt_input = 64/32 = 2, Wt_index = 1 → SingleRowSingleCore: c_0 = 2 · 2,048 (bf16) + c_1 4,096
    // (u32) + c_2 2,048 = 10,240 B; tilize index (2x64 u32, Wt = 2): c_0 2 · 4,096 + c_16 2 · 4,096 = 16,384 B;
    // tilize input (Wt = 2, bf16): 2 · 2,048 + 2 · 2,048 = 8,192 B.
    assert.match(e.factoryReason, /tilize input: \S+ 8192 B; tilize index: \S+ 16384 B; gather \(tiled operands\)/);
    assert.match(
      e.factoryReason,
      /fill_pad index: FillPadProgramFactory 20480 B; transpose input \(0, −1\): \S+ 8192 B; gather: \S+ 10240 B; transpose result \(0, −1\): \S+ 8192 B/,
    );
    assert.equal(e.worstCbBytesPerCore, 20_480);
    assert.equal(e.lastProgram?.cbBytesPerCore, 8192, 'the transpose back runs last');
  });

  it('bilinear upsample, height-sharded input (the corpus test that needs no workaround): factory CBs + halo shard', () => {
    const [sharded] = opsOf('Workarounds/upsample_bilinear_workaround.mlir', 'ttnn.upsample').filter(
      (x) => x.fn === '@test_no_workarounds_needed',
    );
    assert.ok(sharded);
    const e = sharded.o.estimate;
    assert.equal(e.kind, 'estimate');
    if (e.kind !== 'estimate') return;
    // By hand from upsample_bilinear_program_factory_multicore.cpp@00b0fa3: 1x16x16x32 bf16 height sharded on 16 cores
    // (core_range (0,0)-(7,1)), scale 2. stick = 32 · 2 = 64 B; c_1 = 8 · min(8·32·2, 64) = 512, c_2 = 8 · 64 = 512,
    // c_3 = c_4 = 2 bf16 tiles = 4,096 each → 9,216 B (c_0 halo and c_5 output are tensor-backed).
    assert.equal(e.worstCbBytesPerCore, 9_216);
    assert.equal(e.nCoresUsed, 16);
    // Halo (sliding_window.cpp, bilinear): 1,024 output sticks / 16 cores = 64 = two output rows per core. Padded
    // input 18x18; top-left row of output row h = floor(0.75 + h/2), column floor(0.75 + w/2) ∈ [0, 16]. Core k holds
    // output rows 2k, 2k+1 → padded rows k and k+1: min index 18k, max 18(k+1) + 16, span 34 + (18 + 1) + 1 = 54
    // sticks · 64 B = 3,456 B per core. No autoshard tensor (already sharded); the output is the result (4,096 B).
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore]),
      [['bilinear halo output', 3_456]],
    );
    // The halo program: row-major input → two pad sticks of 64 B (halo.ts, both change points in force).
    assert.equal(e.l1Intermediates?.[0]?.writerProgram?.cbBytesPerCore, 128);
  });

  it('bilinear upsample, pre-workaround form (tile f32, C = 30): the largest program tt-mlir puts in its place, 12,288 B', () => {
    // UpsampleOpRewritePattern.cpp@19c86fc: pad C 30 → 32 (inside the last tile: a view, no program), the input made
    // row-major bf16 (typecast on tiles, then untilize), the bilinear upsample, the result back to tile f32, a slice to
    // C = 30. Typecasts (typecast_program_factory: two pages in, two out): f32 → bf16 2·4,096 + 2·2,048 = 12,288 and
    // bf16 → f32 the same; untilize / tilize of one-tile-wide rows stay below it; the bilinear step's static CBs are
    // 8·64 + 8·64 + 2·4,096 = 9,216 (stick 32·2 = 64 B, as in the sharded case below). Ties go to the later step.
    const [pre] = opsOf('Workarounds/upsample_bilinear_workaround.mlir', 'ttnn.upsample').filter(
      (x) => x.fn === '@test_layout_padding_sharding',
    );
    assert.ok(pre);
    const e = pre.o.estimate;
    assert.equal(e.kind, 'estimate', e.kind === 'unmodeled' ? e.reason : e.kind);
    if (e.kind !== 'estimate') return;
    assert.equal(e.worstCbBytesPerCore, 12_288);
    assert.match(e.factoryReason, /^7 programs run in turn/);
    assert.match(e.factoryReason, /bilinear upsample: UpsampleBilinearProgramFactory 9216 B/);
    assert.match(e.factoryReason, /the largest is typecast to f32/);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /row-major bf16 .* multiple of 32 .*tt-mlir's upsample workarounds/);
  });

  it('bilinear upsample, DRAM interleaved input: autoshard, halo and sharded output in L1', () => {
    const u = op(
      'ttnn.upsample',
      [tensor([1, 8, 8, 32], { page: 'row_major' })],
      [tensor([1, 16, 16, 32], { page: 'row_major' })],
      { mode: BILINEAR, scale_factor: int(2) },
    );
    const e = estimateOp(u, whContext({ ttMetalDate: '2026-03-01' }));
    assert.equal(e.kind, 'estimate');
    if (e.kind !== 'estimate') return;
    // upsample.cpp@003a561: 64 input sticks → min(64 cores, 64) = 64 shards of 1 stick (64 B); 256 output sticks → 4
    // per core, all in one output row: columns w..w+3 (w a multiple of 4) map to padded columns floor(0.75 + w/2) ..
    // floor(0.75 + (w+3)/2), a spread of 2, so the halo span is 2 + (10 + 1) + 1 = 14 sticks · 64 B = 896 B; the
    // sharded output 4 · 64 = 256 B, moved to DRAM after the program.
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role.split(' (')[0], t.bytesPerCore, t.liveDuringProgram]),
      [
        ['autosharded upsample input', 64, true],
        ['bilinear halo output', 896, true],
        ['sharded bilinear output', 256, true],
      ],
    );
    assert.equal(e.worstCbBytesPerCore, 9_216);
  });

  it('bilinear halo span: the min/max rule, not first/last (the top-left index falls back at a row start)', () => {
    // 1x2x2 input, scale 2 → 4x4 outputs over 2 cores: 8 outputs (two output rows) each. Padded 4x4 input.
    // Output rows 0, 1 → padded rows 0, 1 (floor(0.75), floor(1.25)); columns 0, 1, 1, 2. Core 0: indices 0,1,1,2 and
    // 4,5,5,6: min 0, max 6 → 6 + (4 + 1) + 1 = 12 sticks. Core 1: rows 2, 3 → padded rows 1, 2: min 4, max 10 → 12.
    assert.equal(bilinearHaloSticksPerCore(1, 2, 2, 2, 2, 2), 12);
    // One output row per core (4 cores): first and last of a row are its min and max: 2 + 5 + 1 = 8.
    assert.equal(bilinearHaloSticksPerCore(1, 2, 2, 2, 2, 4), 8);
    // 3 cores: shards of ceil(16 / 3) = 6. Core 1 holds outputs 6..11: row 1 columns 2, 3 (indices 5, 6) and row 2
    // columns 0..3 (padded row 1: 4, 5, 5, 6): min 4, max 6 → 8; core 0: row 0 (0..2) + row 1 cols 0, 1 (4, 5): 0..5
    // → 11; core 2: row 2 cols 2, 3 (5, 6) + row 3 (padded row 2: 8, 9, 9, 10): 5..10 → 11.
    assert.equal(bilinearHaloSticksPerCore(1, 2, 2, 2, 2, 3), 11);
  });

  it('bilinear upsample before change point upsample-bilinear-halo-minmax is unmodeled (older rules not read)', () => {
    const u = op(
      'ttnn.upsample',
      [tensor([1, 8, 8, 32], { page: 'row_major' })],
      [tensor([1, 16, 16, 32], { page: 'row_major' })],
      { mode: BILINEAR, scale_factor: int(2) },
    );
    const e = estimateOp(u, whContext({ ttMetalDate: '2025-11-27' }));
    assert.equal(e.kind, 'unmodeled');
  });
});
