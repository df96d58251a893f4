/**
 * Golden cases of the normalization, attention, KV-cache, heads and rotary families (tt-mlir @b73fc81 and the
 * `EXPECT_EQ(HEAD)` rows of @19c86fc, which pins tt-metal d5f9bc4 of 2026-08-20). Shapes and layouts follow the
 * TSV rows and the tests' definitions (TestOpModelLib.cpp / TestOpModelInterface.cpp at those commits); figures are
 * read from the TSV by file and line. SDPA rows are `<=` upper bounds (attention.test.ts), not EQ figures.
 */

import type { Case } from './goldenRows';
import { int, op, tensor } from '../build';
import type { PropValue, TtnnOp } from '../../../../server/src/ttnn/op';
import type { TensorSpec } from '../../../../server/src/ttnn/op';

const HEAD_BUILD = '2026-08-20';
const dram = (shape: number[], dtype: 'bf16' | 'si32' | 'u32' = 'bf16') => tensor(shape, { dtype });
const l1 = (shape: number[]) => tensor(shape, { buffer: 'l1' });
const rmInt = (shape: number[]) => tensor(shape, { page: 'row_major', dtype: 'si32' });
const hs = (shape: number[], cores: number) => tensor(shape, { buffer: 'l1', mem: 'height_sharded', grid: [cores, 1] });
const ws = (shape: number[], cores: number) => tensor(shape, { buffer: 'l1', mem: 'width_sharded', grid: [1, cores] });
const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });
const bool = (value: boolean): PropValue => ({ kind: 'bool', value });

function rmsNorm(input: TensorSpec, weight: TensorSpec | undefined, output: TensorSpec): TtnnOp {
  return op('ttnn.rms_norm', weight === undefined ? [input] : [input, weight], [output], {
    operandSegmentSizes: segments(1, weight === undefined ? 0 : 1, 0),
  });
}

/** tt-mlir's split_query_key_value_and_split_heads: three results q, k, v. */
function splitQkv(input: TensorSpec, out: TensorSpec, heads: number, transposeKey: boolean): TtnnOp {
  return op('ttnn.split_query_key_value_and_split_heads', [input], [out, out, out], {
    num_heads: int(heads),
    transpose_key: bool(transposeKey),
  });
}

/** ScaledDotProductAttentionDecodeOpInterface(WithMultipleHeads)@19c86fc: q [1, 1, heads, 32], K/V [1, heads, 128, 32],
 *  mask [1, 1, heads, 128], cur_pos [1] si32, not causal. */
function sdpaDecode(heads: number): TtnnOp {
  const kv = dram([1, heads, 128, 32]);
  return op(
    'ttnn.scaled_dot_product_attention_decode',
    [dram([1, 1, heads, 32]), kv, kv, dram([1, 1, heads, 128]), dram([1], 'si32')],
    [dram([1, 1, heads, 32])],
    {
      is_causal: bool(false),
      operandSegmentSizes: segments(1, 1, 1, 1, 1, 0),
    },
  );
}

export const CASES: readonly Case[] = [
  // RMSNorm parameter tuples (TestOpModelLib.cpp:4268, 4290).
  {
    file: 'Lib',
    line: 4268,
    fields: ['cb', 'output'],
    build: () => rmsNorm(dram([1, 64, 64, 64]), undefined, dram([1, 64, 64, 64])),
  },
  {
    file: 'Lib',
    line: 4290,
    fields: ['cb', 'output'],
    build: () => rmsNorm(dram([2, 16, 64, 64]), dram([64]), dram([2, 16, 64, 64])),
  },
  // Interface tests: L1-interleaved bf16 tiles by default.
  {
    file: 'Iface',
    line: 3998,
    fields: ['output'],
    build: () => rmsNorm(l1([1, 32, 128, 128]), l1([128]), l1([1, 32, 128, 128])),
  },
  {
    file: 'Iface',
    line: 4033,
    fields: ['output'],
    build: () => rmsNorm(l1([1, 64, 64, 64]), undefined, l1([1, 64, 64, 64])),
  },
  {
    file: 'Iface',
    line: 4083,
    fields: ['output'],
    build: () => rmsNorm(l1([1, 32, 32, 32]), l1([32]), l1([1, 32, 32, 32])),
  },

  // KV caches. fill_cache / update_cache have no result (the cache is written in place).
  {
    file: 'Lib',
    line: 4516,
    fields: ['cb'],
    build: () => op('ttnn.fill_cache', [dram([1, 32, 64, 512]), dram([1, 32, 3, 512])], [], { batch_offset: int(0) }),
  },
  {
    file: 'Lib',
    line: 4518,
    fields: ['output'],
    build: () => op('ttnn.fill_cache', [dram([1, 32, 64, 512]), dram([1, 32, 3, 512])], [], { batch_offset: int(0) }),
  },
  {
    file: 'Iface',
    line: 4522,
    fields: ['cb'],
    build: () => op('ttnn.fill_cache', [l1([1, 32, 64, 512]), l1([1, 32, 3, 512])], [], { batch_offset: int(0) }),
  },
  // All-L1 fill_cache: ttnn returns the cache it updated in place, and OpModel reports that buffer as the output.
  {
    file: 'Lib',
    line: 4547,
    fields: ['output'],
    build: () => op('ttnn.fill_cache', [l1([1, 32, 64, 512]), l1([1, 32, 3, 512])], [], { batch_offset: int(0) }),
  },
  {
    file: 'Lib',
    line: 4590,
    fields: ['tensor'],
    build: () =>
      op('ttnn.update_cache', [dram([1, 32, 64, 512]), dram([1, 32, 3, 512]), dram([1], 'u32')], [], {
        batch_offset: int(0),
      }),
  },
  {
    file: 'Lib',
    line: 4618,
    fields: ['cb'],
    build: () =>
      op(
        'ttnn.update_cache',
        [l1([1, 32, 64, 512]), l1([1, 32, 3, 512]), tensor([1], { buffer: 'l1', dtype: 'u32' })],
        [],
        { batch_offset: int(0) },
      ),
  },
  {
    file: 'Iface',
    line: 4572,
    fields: ['cb'],
    build: () =>
      op(
        'ttnn.update_cache',
        [l1([1, 32, 64, 256]), l1([1, 32, 3, 256]), tensor([1], { buffer: 'l1', dtype: 'u32' })],
        [],
        { batch_offset: int(0) },
      ),
  },
  {
    file: 'Lib',
    line: 4659,
    fields: ['cb'],
    build: () =>
      op('ttnn.paged_update_cache', [dram([128, 4, 32, 256]), hs([1, 8, 12, 256], 8), rmInt([8]), rmInt([8, 16])], [], {
        share_cache: bool(false),
      }),
  },
  {
    file: 'Iface',
    line: 4631,
    fields: ['cb'],
    build: () =>
      op('ttnn.paged_update_cache', [l1([128, 8, 128, 128]), hs([1, 8, 32, 128], 8), rmInt([8]), rmInt([8, 16])], [], {
        share_cache: bool(false),
      }),
  },
  {
    file: 'Lib',
    line: 4692,
    fields: ['cb'],
    build: () =>
      op('ttnn.paged_fill_cache', [dram([128, 4, 32, 256]), dram([1, 12, 65, 256]), rmInt([8, 16]), rmInt([1])], []),
  },
  {
    file: 'Lib',
    line: 4694,
    fields: ['output'],
    build: () =>
      op('ttnn.paged_fill_cache', [dram([128, 4, 32, 256]), dram([1, 12, 65, 256]), rmInt([8, 16]), rmInt([1])], []),
  },
  {
    file: 'Iface',
    line: 4690,
    fields: ['cb'],
    build: () =>
      op('ttnn.paged_fill_cache', [l1([128, 4, 32, 256]), l1([1, 12, 65, 256]), rmInt([8, 16]), rmInt([1])], []),
  },
  // HEAD rows (tt-metal d5f9bc4): the cache ops still allocate no output.
  {
    file: 'Lib',
    line: 5446,
    fields: ['output'],
    ttMetalDate: HEAD_BUILD,
    build: () => op('ttnn.fill_cache', [dram([1, 32, 64, 512]), dram([1, 32, 3, 512])], [], { batch_offset: int(0) }),
  },
  {
    file: 'Lib',
    line: 5520,
    fields: ['output'],
    ttMetalDate: HEAD_BUILD,
    build: () =>
      op('ttnn.update_cache', [dram([1, 32, 64, 512]), dram([1, 32, 3, 512]), dram([1], 'u32')], [], {
        batch_offset: int(0),
      }),
  },
  {
    file: 'Lib',
    line: 5634,
    fields: ['output'],
    ttMetalDate: HEAD_BUILD,
    build: () =>
      op('ttnn.paged_update_cache', [dram([8, 4, 32, 256]), hs([1, 8, 12, 256], 8), rmInt([8])], [], {
        share_cache: bool(false),
      }),
  },
  {
    file: 'Lib',
    line: 5675,
    fields: ['output'],
    ttMetalDate: HEAD_BUILD,
    build: () =>
      op('ttnn.paged_fill_cache', [dram([128, 12, 32, 256]), dram([1, 12, 65, 256]), rmInt([8, 16]), rmInt([1])], []),
  },

  // Heads. concatenate_heads tuples (TestOpModelLib.cpp:1141, 1159).
  {
    file: 'Lib',
    line: 1141,
    fields: ['cb', 'output'],
    build: () => op('ttnn.concatenate_heads', [l1([1, 8, 512, 64])], [l1([1, 512, 512])]),
  },
  {
    file: 'Lib',
    line: 1159,
    fields: ['cb', 'output'],
    build: () => op('ttnn.concatenate_heads', [dram([1, 16, 256, 32])], [l1([1, 256, 512])]),
  },
  {
    file: 'Iface',
    line: 2196,
    fields: ['cb'],
    build: () => op('ttnn.nlp_concat_heads', [l1([1, 8, 512, 64])], [l1([1, 1, 512, 512])]),
  },
  // TestOpModelInterface.cpp@b73fc81 ConcatenateHeadsOpInterface: 1x8x512x64 → 1x512x512, L1 interleaved defaults.
  {
    file: 'Iface',
    line: 1696,
    fields: ['output'],
    build: () => op('ttnn.concatenate_heads', [l1([1, 8, 512, 64])], [l1([1, 512, 512])]),
  },
  // nlp_concat_heads_decode (TestOpModelLib.cpp@b73fc81:1173): input 1x2x32x128 height-sharded on 2 cores; tt-metal
  // writes the output width-sharded on num_heads (8) cores with a [32, head_dim] shard, whatever layout is requested.
  {
    file: 'Lib',
    line: 1209,
    fields: ['output'],
    build: () =>
      op('ttnn.nlp_concat_heads_decode', [hs([1, 2, 32, 128], 2)], [ws([1, 1, 32, 1024], 8)], { num_heads: int(8) }),
  },
  {
    file: 'Lib',
    line: 1121,
    fields: ['cb'],
    ttMetalDate: HEAD_BUILD,
    build: () =>
      op('ttnn.nlp_concat_heads_decode', [hs([1, 2, 32, 128], 2)], [ws([1, 1, 32, 1024], 8)], { num_heads: int(8) }),
  },
  // split_query_key_value_and_split_heads tuples (TestOpModelLib.cpp:1304, 1339, 1372) and interface test (1892).
  {
    file: 'Lib',
    line: 1304,
    fields: ['cb', 'output'],
    build: () => splitQkv(l1([8, 16, 3072]), l1([8, 32, 16, 32]), 32, false),
  },
  {
    file: 'Lib',
    line: 1339,
    fields: ['cb', 'output'],
    build: () => splitQkv(dram([1, 256, 1536]), l1([1, 16, 256, 32]), 16, false),
  },
  {
    file: 'Lib',
    line: 1372,
    fields: ['cb', 'output'],
    build: () => splitQkv(l1([1, 512, 1536]), l1([1, 16, 512, 32]), 16, true),
  },
  {
    file: 'Iface',
    line: 1892,
    fields: ['output'],
    build: () => splitQkv(l1([8, 16, 3072]), l1([8, 32, 16, 32]), 32, false),
  },
  // nlp_create_qkv_heads_decode (interface test 1841): q/k/v come out height-sharded on the 32 batch cores, one
  // [32 heads, 32] tile each.
  {
    file: 'Iface',
    line: 1841,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.nlp_create_qkv_heads_decode',
        [l1([1, 1, 32, 3072])],
        [hs([1, 32, 32, 32], 32), hs([1, 32, 32, 32], 32), hs([1, 32, 32, 32], 32)],
        { num_heads: int(32), num_kv_heads: int(32), overlap_qk_coregrid: bool(true) },
      ),
  },
  // tt-train SDPA forward (TestOpModelLib.cpp@19c86fc:5809): all DRAM, so no output in L1.
  {
    file: 'Lib',
    line: 5816,
    fields: ['output'],
    ttMetalDate: HEAD_BUILD,
    build: () =>
      op(
        'ttnn.sdpa_fw',
        [dram([1, 2, 64, 64]), dram([1, 2, 64, 64]), dram([1, 2, 64, 64]), dram([1, 1, 64, 64])],
        [dram([1, 2, 64, 64])],
        { operandSegmentSizes: segments(1, 1, 1, 1) },
      ),
  },
  // HEAD interface tests (TestOpModelInterface.cpp@19c86fc ~1975, ~2060, ~2325): every tensor DRAM interleaved and the
  // output layout the query's, so nothing is in L1 (the HEAD tensor figure counts the L1 operands too: none).
  { file: 'Iface', line: 2037, head: true, fields: ['tensor'], build: () => sdpaDecode(1) },
  { file: 'Iface', line: 2121, head: true, fields: ['tensor'], build: () => sdpaDecode(2) },
  {
    file: 'Iface',
    line: 2385,
    head: true,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.scaled_dot_product_attention',
        [dram([1, 1, 32, 32]), dram([1, 1, 128, 32]), dram([1, 1, 128, 32]), dram([1, 1, 32, 128]), dram([1, 1, 1, 1])],
        [dram([1, 1, 32, 32])],
        {
          is_causal: bool(false),
          operandSegmentSizes: segments(1, 1, 1, 1, 1),
        },
      ),
  },
  // Rotary embeddings (interface tests 1741, 1784).
  {
    file: 'Iface',
    line: 1741,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.rotary_embedding_llama',
        [l1([1, 1, 1, 32]), l1([1, 1, 1, 32]), l1([1, 1, 1, 32]), l1([1, 1, 32, 32])],
        [l1([1, 1, 1, 32])],
        { is_decode_mode: bool(false) },
      ),
  },
  {
    file: 'Iface',
    line: 1784,
    fields: ['output'],
    build: () =>
      op(
        'ttnn.rotary_embedding',
        [l1([1, 32, 1024, 64]), l1([1, 1, 1024, 64]), l1([1, 1, 1024, 64])],
        [l1([1, 32, 1024, 64])],
      ),
  },
];
