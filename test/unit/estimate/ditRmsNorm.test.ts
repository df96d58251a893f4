/**
 * ttnn.dit_rms_norm_unary_fused (ops/norm.ts): ttnn::experimental::dit_rms_norm_unary_fused runs ttnn::prim::layer_norm
 * with RMSNORM (dit_rms_norm_unary_fused.cpp), the activation as compute defines (no CB), fp32 accumulation by default
 * exactly for a Float32 input; the residual is the factory's fused pre-add (layernorm_op_multi_core.cpp@015365c).
 * Figures derived by hand from that factory (fixed block: 8 tiles, 4 with fp32 acc; WtB = Wt rounded up to it):
 * c_0 WtB (2·block with a residual) · c_16 2·block · c_2, c_3 2 bf16 · c_19 2 im · c_24 WtB im (residual) ·
 * c_20 WtB im · c_21 8 im · c_22 2·block im (weight) · c_5 WtB weight · c_1 2·block residual.
 * Tiles: bf16 2,048 B, f32 4,096 B. One tile row → one core. Device: Wormhole n150, a build after the fixed block.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { op, tensor, whContext } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const ctx = whContext({ ttMetalDate: '2026-08-20' });
const segments = (...n: number[]): PropValue => ({ kind: 'ints', values: n });

function dit(input: TensorSpec, o: { weight?: TensorSpec; residual?: TensorSpec } = {}) {
  const dims = input.shape.kind === 'known' ? input.shape.dims : [];
  return op(
    'ttnn.dit_rms_norm_unary_fused',
    [input, ...(o.weight ? [o.weight] : []), ...(o.residual ? [o.residual] : [])],
    [tensor(dims, { dtype: input.elementDtype })],
    {
      operandSegmentSizes: segments(1, o.weight ? 1 : 0, 0, o.residual ? 1 : 0),
      activation: { kind: 'string', value: 'silu' },
    },
  );
}

describe('estimate/dit_rms_norm_unary_fused', () => {
  it('1x1x32x512 bf16 with a tiled weight, fp32 off: 192,512 B', () => {
    // Wt = 16, block 8, WtB 16. c_0 16·2,048 = 32,768; c_16 16·2,048 = 32,768; c_2, c_3, c_19 2·2,048 each = 12,288;
    // c_20 32,768; c_21 8·2,048 = 16,384; c_22 16·2,048 = 32,768; c_5 32,768. 5·32,768 + 12,288 + 16,384 = 192,512.
    const e = estimateOf(estimateOp(dit(tensor([1, 1, 32, 512]), { weight: tensor([1, 1, 1, 512]) }), ctx));
    assert.equal(e.worstCbBytesPerCore, 192_512);
    assert.equal(e.nCoresUsed, 1);
  });

  it('a Float32 input turns fp32 accumulation on by default (rms_norm keeps it off): 212,992 B, not 192,512 B', () => {
    // fp32: block 4, im f32. c_0 16·4,096 = 65,536; c_16 8·4,096 = 32,768; c_2, c_3 2·2,048 = 8,192; c_19 2·4,096 =
    // 8,192; c_20 65,536; c_21 8·4,096 = 32,768 → 212,992. rms_norm: block 8, im bf16: 65,536 + 65,536 + 8,192 +
    // 4,096 + 32,768 + 16,384 = 192,512.
    const x = tensor([1, 1, 32, 512], { dtype: 'f32' });
    assert.equal(estimateOf(estimateOp(dit(x), ctx)).worstCbBytesPerCore, 212_992);
    const rms = op('ttnn.rms_norm', [x], [x], { operandSegmentSizes: segments(1, 0, 0) });
    assert.equal(estimateOf(estimateOp(rms, ctx)).worstCbBytesPerCore, 192_512);
  });

  it('a bf16 residual on 1x1x32x1024: c_0 shrinks to 2·block, c_24 and c_1 appear: 258,048 B (192,512 B without)', () => {
    // Wt = WtB = 32. c_0 16·2,048 = 32,768; c_16 32,768; c_2, c_3, c_19 12,288; c_24 32·2,048 = 65,536; c_20 65,536;
    // c_21 16,384; c_1 16·2,048 = 32,768. 3·32,768 + 12,288 + 2·65,536 + 16,384 = 258,048.
    // Without: c_0 65,536; c_16 32,768; 12,288; c_20 65,536; c_21 16,384 = 192,512.
    const x = tensor([1, 1, 32, 1024]);
    const e = estimateOf(estimateOp(dit(x, { residual: tensor([1, 1, 32, 1024]) }), ctx));
    assert.equal(e.worstCbBytesPerCore, 258_048);
    assert.ok(e.cbs.some((cb) => cb.cbIndex === 'c_1'));
    assert.equal(estimateOf(estimateOp(dit(x), ctx)).worstCbBytesPerCore, 192_512);
  });

  it('parses the printed form (epsilon, activation, operandSegmentSizes) and gives the weighted figure', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#x = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x16x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x16x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%x: tensor<1x1x32x512xbf16, #x>, %w: tensor<1x1x1x512xbf16, #w>) -> tensor<1x1x32x512xbf16, #x> {
    %0 = "ttnn.dit_rms_norm_unary_fused"(%x, %w) <{activation = "silu", epsilon = 9.99999997E-7 : f32, operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<1x1x32x512xbf16, #x>, tensor<1x1x1x512xbf16, #w>) -> tensor<1x1x32x512xbf16, #x>
    return %0 : tensor<1x1x32x512xbf16, #x>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.dit_rms_norm_unary_fused')!;
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 192_512);
  });
});
