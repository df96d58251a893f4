/**
 * ttnn.paged_flash_multi_latent_attention_decode (ops/attention.ts): the SDPA decode factory with use_mla
 * (sdpa_decode_program_factory.cpp@007f92d: V read from the latent K, vDH = head_dim_v), under the program config
 * tt-mlir's runtime passes (paged_flash_multi_latent_attention_decode.cpp@19c86fc: k_chunk_size 32, the device grid,
 * max_cores_per_head_batch left at 16). Figures derived by hand from the CB list in ops/attention.ts' header.
 * Device: Wormhole n150, 8x8 = 64 cores.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { int, op, tensor, whContext } from './build';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const ctx = whContext({ ttMetalDate: '2026-08-20' });

describe('estimate/paged_flash_multi_latent_attention_decode', () => {
  it('16 q heads of 576, latent K [32 blocks, 1, 64, 576], head_dim_v 512, causal: 568,512 B on each of 64 cores', () => {
    // K chunk 32 → Sk = 1; one KV head, cores per head = min(64, 16·1·1) = 16 (tree reduction 4 rounds); causal with
    // 16 bf16 q heads → 16x32 half tiles (1,024 B). PNHt = 1, DHt = 576/32 = 18, vDHt = 512/32 = 16.
    // c_0 18·1,024 = 18,432; c_1 1·18·2·2,048 = 73,728; c_2 1·16·2·2,048 = 65,536 (V = K, bf16); c_3 1,024; c_5 1,024;
    // c_6, c_7 2,048; c_8 cur_pos one 32 B-aligned int32 row = 32, and c_15 its compute copy (tt-metal PR #45142,
    // 2026-05-27) = 32; c_9 page-table row 32·4 = 128; c_10 18,432;
    // c_11 2,048; c_12 1,024; c_24 1,024; c_25, c_26 16·1,024 each = 32,768; c_27..c_31, c_21, c_22 7·1,024 = 7,168;
    // c_23 16,384; c_16 16,384; c_17, c_18 2,048; c_19 (16 + 2)·15·1,024 = 276,480; c_20 16·2,048 = 32,768.
    // Sum = 568,512.
    const q = tensor([1, 1, 16, 576]);
    const k = tensor([32, 1, 64, 576]);
    const pageTable = tensor([1, 32], { dtype: 'si32', page: 'row_major' });
    const curPos = tensor([1], { dtype: 'si32', page: 'row_major' });
    const o = op(
      'ttnn.paged_flash_multi_latent_attention_decode',
      [q, k, pageTable, curPos],
      [tensor([1, 1, 16, 512])],
      {
        head_dim_v: int(512),
        operandSegmentSizes: { kind: 'ints', values: [1, 1, 0, 1, 0, 1, 0] },
      },
    );
    const e = estimateOf(estimateOp(o, ctx));
    assert.equal(e.worstCbBytesPerCore, 568_512);
    assert.equal(e.factory, 'SdpaDecodeProgramFactory (paged, MLA)');
    assert.equal(e.confidence, 'approx');
  });

  it('parses the printed form (head_dim_v, is_causal, operandSegmentSizes) and gives the same figure (the worst of the default window, which ends after PR #45142)', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#q = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x18x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#k = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 64 + d1 * 64 + d2, d3), <1x1>, memref<64x18x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#pt = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x32xsi32, #dram>, <interleaved>>
#cp = #ttnn.ttnn_layout<(d0) -> (0, d0), <1x1>, memref<1x1xsi32, #dram>, <interleaved>>
#o = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 32 + d1 * 32 + d2, d3), <1x1>, memref<1x16x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%q: tensor<1x1x16x576xbf16, #q>, %k: tensor<32x1x64x576xbf16, #k>, %pt: tensor<1x32xsi32, #pt>, %cp: tensor<1xsi32, #cp>) -> tensor<1x1x16x512xbf16, #o> {
    %0 = "ttnn.paged_flash_multi_latent_attention_decode"(%q, %k, %pt, %cp) <{head_dim_v = 512 : ui32, is_causal = true, operandSegmentSizes = array<i32: 1, 1, 0, 1, 0, 1, 0>}> : (tensor<1x1x16x576xbf16, #q>, tensor<32x1x64x576xbf16, #k>, tensor<1x32xsi32, #pt>, tensor<1xsi32, #cp>) -> tensor<1x1x16x512xbf16, #o>
    return %0 : tensor<1x1x16x512xbf16, #o>
  }
}
`;
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.paged_flash_multi_latent_attention_decode')!;
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 568_512);
  });
});
