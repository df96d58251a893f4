/**
 * ttnn.topk_router_gpt (ops/moe.ts): TopkRouterGptProgramFactory (experimental/topk_router_gpt/device/
 * topk_router_gpt_program_factory.cpp@12b42a1), derived by hand: the DRAM-bank worker cores (12 on Wormhole), 4 groups
 * of 3, the third of each a worker, one worker the collector; bf16 tiles of 2,048 B; max_k = ⌈(hidden / 32) / 3⌉.
 * GPT-OSS shapes: hidden 2880, 128 experts, 32 tokens, k = 4.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { presetDevice } from '../../../server/src/ttnn/device';
import { int, op, tensor, whContext } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const ctx = whContext({ ttMetalDate: '2026-08-20' });
const router = () =>
  op(
    'ttnn.topk_router_gpt',
    [tensor([32, 2880]), tensor([2880, 128]), tensor([32, 128])],
    [tensor([32, 4], { dtype: 'u16', page: 'row_major' }), tensor([32, 4], { page: 'row_major' })],
    { k: int(4), num_experts: int(128) },
  );

describe('estimate/topk_router_gpt', () => {
  it('GPT-OSS router on Wormhole: the collector core holds 171,008 B, the other workers 151,552 B, the rest 129,024 B', () => {
    // 2880 / 32 = 90 K tiles, max_k = 30. All cores: c_0 + c_1 = 60 tiles, c_2 2, c_3 1 → 63 · 2,048 = 129,024.
    // Workers: + c_4, c_5, c_6 (3) + c_8, c_9 (8) = 11 · 2,048 = 22,528 → 151,552.
    // Collector: + c_10 2 + c_11..c_15 5 + c_16 2 = 9 · 2,048 = 18,432, c_19 2·32·8·2 = 1,024 → 171,008.
    const e = estimateOf(estimateOp(router(), ctx));
    assert.equal(e.worstCbBytesPerCore, 171_008);
    assert.equal(e.coreGroups.find((g) => g.name === 'workers')?.cbBytesPerCore, 151_552);
    assert.equal(e.coreGroups.find((g) => g.name === 'others')?.cbBytesPerCore, 129_024);
    assert.equal(e.nCoresUsed, 12);
  });

  it("on a Blackhole p150 (8 DRAM banks) tt-metal's factory throws: fewer than 12 DRAM-aligned cores", () => {
    const bh = { ...ctx, device: presetDevice('blackhole_p150') };
    const r = estimateOp(router(), bh);
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /requires at least 12 DRAM-aligned cores, got 8/);
  });

  it('parses the printed form (k, num_experts; two results) and gives the collector figure', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#x = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x90x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<90x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#b = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#i = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<32x4xui16, #dram>, <interleaved>>
#v = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<32x4xbf16, #dram>, <interleaved>>
module {
  func.func @main(%x: tensor<32x2880xbf16, #x>, %w: tensor<2880x128xbf16, #w>, %b: tensor<32x128xbf16, #b>) -> (tensor<32x4xui16, #i>, tensor<32x4xbf16, #v>) {
    %0:2 = "ttnn.topk_router_gpt"(%x, %w, %b) <{k = 4 : i32, num_experts = 128 : i32}> : (tensor<32x2880xbf16, #x>, tensor<2880x128xbf16, #w>, tensor<32x128xbf16, #b>) -> (tensor<32x4xui16, #i>, tensor<32x4xbf16, #v>)
    return %0#0, %0#1 : tensor<32x4xui16, #i>, tensor<32x4xbf16, #v>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.topk_router_gpt')!;
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 171_008);
  });
});
