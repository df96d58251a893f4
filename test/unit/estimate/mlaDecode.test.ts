/**
 * ttnn.paged_flash_multi_latent_attention_decode (ops/attention.ts): the SDPA decode factory with use_mla
 * (sdpa_decode_program_factory.cpp@007f92d: V read from the latent K, vDH = head_dim_v), under the program config
 * tt-mlir's runtime passes (paged_flash_multi_latent_attention_decode.cpp@d683ddf, tt-mlir PR #8703 of 2026-06-23, and
 * @19c86fc: k_chunk_size 32, the device grid, max_cores_per_head_batch left at 16, for every call; @9e3175c before it:
 * that config for a non-causal call only, none for a causal one). Figures derived by hand from the CB list in
 * ops/attention.ts' header.
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

  it('parses the printed form (head_dim_v, is_causal, operandSegmentSizes); the worst of the default window is the causal run without a config before tt-mlir PR #8703', () => {
    // The default window's worst sub-window is 2026-05-27..2026-06-23 (after tt-metal PR #45142's c_15, before tt-mlir
    // PR #8703): no program_config → dynamic K chunk of 8 tiles and every core per head, 64 (see the causal test below):
    // 2,442,432 B.
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
    assert.equal(estimateOf(rec.estimate).worstCbBytesPerCore, 2_442_432);
  });

  const latentK = tensor([32, 1, 64, 576]);
  const mlaDecode = (causal: boolean, v?: ReturnType<typeof tensor>) =>
    op(
      'ttnn.paged_flash_multi_latent_attention_decode',
      [
        tensor([1, 1, 16, 576]),
        latentK,
        ...(v === undefined ? [] : [v]),
        tensor([1, 32], { dtype: 'si32', page: 'row_major' }),
        tensor([1], { dtype: 'si32', page: 'row_major' }),
      ],
      [tensor([1, 1, 16, 512])],
      {
        head_dim_v: int(512),
        is_causal: { kind: 'bool', value: causal },
        operandSegmentSizes: { kind: 'ints', values: [1, 1, v === undefined ? 0 : 1, 1, 0, 1, 0] },
      },
    );

  it('causal, before tt-mlir PR #8703: no program_config, dynamic K chunks over all 64 cores per head; exact in the read span', () => {
    // tt-mlir runtime @9e3175c: program_config = isCausal ? nullopt : {k 32}. tt-metal's paged MLA entry
    // (sdpa_decode.cpp@622c6fb) then passes k_chunk_size 0: Sk_chunk_t_cb_size = dst_size 8 (fp32 accumulation off), and
    // the factory gives a head every core: min(64, 64) / B 1 / 1 KV head = 64 (6 tree rounds, legal from PR #38587).
    // Half tiles (causal, 16 bf16 heads) 1,024 B, PNHt 1, DHt 18, vDHt 16:
    //   c_0 18, c_3 8, c_5 1, c_6 + c_7 2, c_10 18, c_12 1, c_24 8, c_25 + c_26 32, 7 statistics, c_23 16, c_16 16,
    //   c_17 + c_18 2, c_19 (16 + 2)·63 = 1,134 → 1,263 · 1,024 = 1,293,312 B;
    //   full bf16 tiles: c_1 8·18·2 = 288, c_2 8·16·2 = 256, c_11 1, c_20 16 → 561 · 2,048 = 1,148,928 B;
    //   c_8 cur_pos 32 B (one 32 B-aligned int32 row), c_9 page-table row 32·4 = 128 B: 2,442,400 B;
    //   from tt-metal PR #45142 (2026-05-27) also c_15, cur_pos' compute copy: + 32 = 2,442,432 B.
    const before45142 = estimateOf(estimateOp(mlaDecode(true), whContext({ ttMetalDate: '2026-05-01' })));
    assert.equal(before45142.worstCbBytesPerCore, 1_293_312 + 1_148_928 + 32 + 128);
    assert.equal(before45142.confidence, 'exact');
    const june = estimateOf(estimateOp(mlaDecode(true), whContext({ ttMetalDate: '2026-06-23' })));
    assert.equal(june.worstCbBytesPerCore, 1_293_312 + 1_148_928 + 32 + 128 + 32);
    assert.equal(june.confidence, 'exact');
    // From tt-mlir PR #8703 (first built 2026-06-24): the K-chunk-32 config, the 568,512 B of the first test.
    assert.equal(
      estimateOf(estimateOp(mlaDecode(true), whContext({ ttMetalDate: '2026-06-24' }))).worstCbBytesPerCore,
      568_512,
    );
  });

  it('a V operand is read (c_2 in its format) from tt-metal PR #36508 (2026-01-27); before, V is the latent K', () => {
    // sdpa_decode_program_factory.cpp@d6d2162~1: input_tensor_v = use_mla ? K : V; @d6d2162: V when given. V
    // [32, 1, 64, 512] bfp8 (1,088 B tiles), non-causal (the runtime's K chunk 32: Sk 1, full tiles): c_2 = 1·16·2 = 32
    // tiles: 32 · 1,088 = 34,816 B from PR #36508, 32 · 2,048 = 65,536 B (K's bf16) before: 30,720 B fewer.
    const v = tensor([32, 1, 64, 512], { dtype: 'bfp_bf8' });
    const at = (date: string) => estimateOf(estimateOp(mlaDecode(false, v), whContext({ ttMetalDate: date })));
    const after = at('2026-01-27');
    assert.equal(at('2026-01-26').cbBytesPerCore - after.cbBytesPerCore, 65_536 - 34_816);
    assert.equal(after.confidence, 'exact');
  });
});
