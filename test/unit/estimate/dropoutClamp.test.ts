/**
 * ttnn.dropout and ttnn.clamp_tensor (ops/eltwise.ts). Figures derived by hand:
 *  - dropout: tt-metal's DropoutProgramFactory (experimental/dropout/device/dropout_program_factory.cpp@0252a1e): c_0 and
 *    c_2 of two tiles each (input and output dtype) on split_work_to_cores over the input's tiles; validate in
 *    dropout_device_operation.cpp@005723d.
 *  - clamp_tensor: ttnn::clamp(input, Tensor min, Tensor max) as unary_composite_op.cpp@9d2e6ed runs it: minimum, eq
 *    (tensor-scalar), relu, maximum, where, gt, where. A where with three tensors creates c_0..c_3 of two tiles each
 *    (ternary WhereProgramFactory), a tensor-tensor binary three CBs of two tiles: the where steps are the largest.
 * Tile bytes: bf16 2,048, f32 4,096. Device: Wormhole n150, 8x8 workers, one L1 bank per worker core (64).
 * No public thread prints a tt-metal figure for either op.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { op, tensor, whContext, assertExactUpToNewestRead } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const ctx = whContext({ ttMetalDate: '2026-08-20' }); // tt-mlir 19c86fc's tt-metal pin (d5f9bc4)

describe('estimate/dropout', () => {
  it('64x128 bf16 DRAM: 8 tiles on 8 cores, c_0 + c_2 = 2·2,048 + 2·2,048 = 8,192 B', () => {
    // num_tiles = 64·128 / 1,024 = 8 < 64 cores: split_work_to_cores gives 8 cores of one tile.
    const e = estimateOf(estimateOp(op('ttnn.dropout', [tensor([64, 128])], [tensor([64, 128])]), ctx));
    assert.equal(e.factory, 'DropoutProgramFactory');
    assert.equal(e.worstCbBytesPerCore, 8192);
    assert.equal(e.nCoresUsed, 8);
    assertExactUpToNewestRead(e, ctx.ttMetal.window);
  });

  it('4096x4096 f32 DRAM: 16,384 tiles, 256 per core on all 64, c_0 + c_2 = 4·4,096 = 16,384 B', () => {
    const t = tensor([4096, 4096], { dtype: 'f32' });
    const e = estimateOf(estimateOp(op('ttnn.dropout', [t], [t]), ctx));
    assert.equal(e.worstCbBytesPerCore, 16_384);
    assert.equal(e.nCoresUsed, 64);
  });

  it('an L1 height-sharded input keeps both CBs (the factory binds none to the shard): 8,192 B, not 0', () => {
    const t = tensor([2048, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const e = estimateOf(estimateOp(op('ttnn.dropout', [t], [t]), ctx));
    assert.equal(e.worstCbBytesPerCore, 8192);
    assert.ok(e.cbs.every((cb) => !cb.tensorBacked));
  });

  it("tt-metal's validate: row-major interleaved input, a dtype change and differing memory layouts are illegal", () => {
    const rm = tensor([64, 128], { page: 'row_major' });
    const rowMajor = estimateOp(op('ttnn.dropout', [rm], [rm]), ctx);
    assert.equal(rowMajor.kind, 'illegal');
    assert.match(rowMajor.kind === 'illegal' ? rowMajor.rule : '', /requires tensor to be in Tile layout/);
    const dtype = estimateOp(op('ttnn.dropout', [tensor([64, 128])], [tensor([64, 128], { dtype: 'f32' })]), ctx);
    assert.equal(dtype.kind, 'illegal');
    assert.match(
      dtype.kind === 'illegal' ? dtype.rule : '',
      /data types to match. Input data type: 0 \(bf16\), Output data type: 1 \(f32\)/,
    );
    const layouts = estimateOp(
      op(
        'ttnn.dropout',
        [tensor([2048, 64], { buffer: 'l1' })],
        [tensor([2048, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] })],
      ),
      ctx,
    );
    assert.equal(layouts.kind, 'illegal');
    assert.match(layouts.kind === 'illegal' ? layouts.rule : '', /memory layout to match/);
  });

  it('parses the printed form and estimates it (prob, scale, seed, use_per_device_seed)', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#lay = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<4x8x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%arg0: tensor<128x256xbf16, #lay>) -> tensor<128x256xbf16, #lay> {
    %0 = "ttnn.dropout"(%arg0) <{prob = 1.000000e-01 : f32, scale = 1.11111116 : f32, seed = 7 : ui32, use_per_device_seed = true}> : (tensor<128x256xbf16, #lay>) -> tensor<128x256xbf16, #lay>
    return %0 : tensor<128x256xbf16, #lay>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.dropout')!;
    // 128·256 / 1,024 = 32 tiles on 32 cores; 2·2,048 + 2·2,048 = 8,192 B.
    const e = estimateOf(rec.estimate);
    assert.equal(e.worstCbBytesPerCore, 8192);
    assert.equal(e.nCoresUsed, 32);
  });
});

describe('estimate/clamp_tensor', () => {
  it('32x64 f32 in DRAM: the where steps, 4 CBs · 2 · 4,096 = 32,768 B (binary steps 3 · 2 · 4,096 = 24,576 B)', () => {
    const t = tensor([32, 64], { dtype: 'f32' });
    const e = estimateOf(estimateOp(op('ttnn.clamp_tensor', [t, t, t], [t]), ctx));
    assert.equal(e.worstCbBytesPerCore, 32_768);
    assert.equal(e.factory, 'WhereDeviceOperation::WhereProgramFactory');
    assert.match(e.factoryReason, /7 programs run in turn/);
    assert.equal(e.confidence, 'approx');
    assert.equal(e.l1IntermediateBytesPerCore, undefined); // DRAM intermediates
  });

  it('64x128 bf16 into L1: 16,384 B of CBs and a_max, temp and gt held in L1, 3 · 2,048 B = 6,144 B per core', () => {
    // Each intermediate is the result's L1 interleaved placement: 8 tiles over 64 banks → ⌈8 / 64⌉ = 1 page of
    // 2,048 B per core. The where steps: 4 · 2 · 2,048 = 16,384 B.
    const dram = tensor([64, 128]);
    const l1 = tensor([64, 128], { buffer: 'l1' });
    const e = estimateOf(estimateOp(op('ttnn.clamp_tensor', [dram, dram, dram], [l1]), ctx));
    assert.equal(e.worstCbBytesPerCore, 16_384);
    assert.equal(e.l1Intermediates?.length, 3);
    assert.equal(e.l1IntermediateBytesPerCore, 6144);
    assert.ok(e.l1Intermediates!.every((i) => i.liveDuringProgram));
  });

  it('a sharded result is unmodeled (the where steps would run sharded)', () => {
    const t = tensor([2048, 64], { buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const r = estimateOp(op('ttnn.clamp_tensor', [t, t, t], [t]), ctx);
    assert.equal(r.kind, 'unmodeled');
  });

  it('parses the printed form (three operands, no attributes) and gives the where figure', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#lay = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%x: tensor<64x128xbf16, #lay>, %lo: tensor<64x128xbf16, #lay>, %hi: tensor<64x128xbf16, #lay>) -> tensor<64x128xbf16, #lay> {
    %0 = "ttnn.clamp_tensor"(%x, %lo, %hi) : (tensor<64x128xbf16, #lay>, tensor<64x128xbf16, #lay>, tensor<64x128xbf16, #lay>) -> tensor<64x128xbf16, #lay>
    return %0 : tensor<64x128xbf16, #lay>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.clamp_tensor')!;
    // bf16 where: 4 · 2 · 2,048 = 16,384 B.
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 16_384);
  });
});
