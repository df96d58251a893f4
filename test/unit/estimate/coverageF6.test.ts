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
    //   c_1 = 4,096 (u32 index tile), c_2 = 4,096 (f32 output tile) = 12,288 B, the largest.
    assert.equal(e.worstCbBytesPerCore, 12_288);
    assert.equal(e.factory, 'GatherProgramFactorySingleRowSingleCore');
    assert.match(e.factoryReason, /tilize input: \S+ 8192 B; tilize index: \S+ 8192 B; gather \(tiled operands\)/);
    // The tiled copies stay in DRAM like their operands: no L1 tensor is added.
    assert.equal(e.l1Intermediates?.length ?? 0, 0);
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
    // (4 pages ≤ 64 banks) → 2,048 B per core, held while the gather runs.
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram]),
      [['tiled input copy', 2048, true]],
    );
    // gather (tiled): Wt_input = 64/32 = 2, Wt_index = 1 → SingleRowSingleCore: c_0 = 2 · 2,048 (bf16) + c_1 4,096
    // (u32) + c_2 2,048 = 10,240 B; tilize index (2x64 u32, Wt = 2): c_0 2 · 4,096 + c_16 2 · 4,096 = 16,384 B, the
    // largest; tilize input (Wt = 2, bf16): 2 · 2,048 + 2 · 2,048 = 8,192 B.
    assert.match(
      e.factoryReason,
      /tilize input: \S+ 8192 B; tilize index: \S+ 16384 B; gather \(tiled operands\): \S+ 10240 B/,
    );
    assert.equal(e.worstCbBytesPerCore, 16_384);
  });
});
