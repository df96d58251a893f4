/**
 * Weight preparation for conv_transpose2d and conv3d (ops/prepareWeights.ts). Figures derived by hand:
 *  - prepare_conv_transpose2d_weights: tt-metal's transform_weights_for_conv_transpose2d runs on the host (a device
 *    weight is read back first) and conv2d's prepare_conv_weights then gets a host tensor
 *    (prepare_conv_transpose2d_weights.cpp@00bd910): no device program, whatever the weight's placement.
 *  - prepare_conv3d_weights (experimental/conv3d/prepare_conv3d_weights.cpp@00bd910): to_device, then permute
 *    (2,3,4,1,0) of the row-major 5-D weight — its last dim moves, so the blocked row-major kernel: c_0, c_1, c_2 of
 *    2·32·32·elem each (permute_rm_program_factory.cpp@01c8afe) — a pad of C_in when unaligned, and permute
 *    (3,0,1,2,4,5), last dim kept: c_0 = 2·align(C_out·elem, 32 B).
 * Device: Wormhole n150.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { DEVICE_VALUE, int, op, tensor, whContext } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const ctx = whContext({ ttMetalDate: '2026-08-20' });

describe('estimate/prepareWeights', () => {
  it('prepare_conv_transpose2d_weights runs no device program, even for a DRAM weight', () => {
    const w = tensor([64, 32, 4, 4], { page: 'row_major' });
    const out = tensor([1, 1, 512, 64]);
    const r = estimateOp(op('ttnn.prepare_conv_transpose2d_weights', [w, DEVICE_VALUE], [out]), ctx);
    assert.equal(r.kind, 'noProgram');
    assert.match(r.kind === 'noProgram' ? r.reason : '', /on the host/);
  });

  it('prepare_conv_transpose2d_bias of a host bias runs no device program (as prepare_conv2d_bias)', () => {
    const b = tensor([1, 1, 1, 64], { page: 'row_major', buffer: 'system_memory' });
    const r = estimateOp(op('ttnn.prepare_conv_transpose2d_bias', [b, DEVICE_VALUE], [tensor([1, 1, 32, 64])]), ctx);
    assert.equal(r.kind, 'noProgram');
  });

  it('prepare_conv3d_weights 64x32x3x3x3 bf16, C_in aligned: the 5-D permute, 3·2·32·32·2 = 12,288 B', () => {
    // C_in 32 % 32 = 0: no pad. 6-D permute: c_0 = 2·align(64·2, 32) = 256 B. Largest: 12,288 B.
    const w = tensor([64, 32, 3, 3, 3], { page: 'row_major', buffer: 'system_memory' });
    const out = tensor([864, 64], { page: 'row_major', buffer: 'system_memory' });
    const e = estimateOf(
      estimateOp(
        op('ttnn.prepare_conv3d_weights', [w, DEVICE_VALUE], [out], {
          groups: int(1),
          c_in_block: int(32),
          alignment: int(32),
        }),
        ctx,
      ),
    );
    assert.equal(e.worstCbBytesPerCore, 12_288);
    assert.match(e.factoryReason, /2 programs run in turn/);
    assert.equal(e.confidence, 'approx');
  });

  it('prepare_conv3d_weights with C_in 3 pads to 32 (a third program); c_in_block 24 does not divide 32: no number', () => {
    const w = tensor([128, 3, 3, 3, 3], { page: 'row_major', buffer: 'system_memory' });
    const out = tensor([864, 128], { page: 'row_major', buffer: 'system_memory' });
    const props = (block: number) => ({ groups: int(1), c_in_block: int(block), alignment: int(32) });
    const padded = estimateOf(estimateOp(op('ttnn.prepare_conv3d_weights', [w, DEVICE_VALUE], [out], props(0)), ctx));
    assert.match(padded.factoryReason, /3 programs run in turn/);
    assert.match(padded.factoryReason, /pad C_in 3 → 32/);
    const bad = estimateOp(op('ttnn.prepare_conv3d_weights', [w, DEVICE_VALUE], [out], props(24)), ctx);
    assert.equal(bad.kind, 'unmodeled');
    assert.match(bad.kind === 'unmodeled' ? bad.reason : '', /divisible by C_in_block/);
  });

  it('parses the printed prepare_conv3d_weights and gives the permute figure', () => {
    const text = `#system_memory = #ttnn.buffer_type<system_memory>
#w = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 288 + d1 * 9 + d2 * 3 + d3, d4), <1x1>, memref<18432x3xbf16, #system_memory>>
#p = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<864x64xbf16, #system_memory>>
module {
  func.func @main(%w: tensor<64x32x3x3x3xbf16, #w>) -> tensor<864x64xbf16, #p> {
    %0 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device
    %1 = "ttnn.prepare_conv3d_weights"(%w, %0) <{alignment = 32 : i32, c_in_block = 32 : i32, groups = 1 : i32}> : (tensor<64x32x3x3x3xbf16, #w>, !ttnn.device) -> tensor<864x64xbf16, #p>
    return %1 : tensor<864x64xbf16, #p>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.prepare_conv3d_weights')!;
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 12_288);
  });
});
