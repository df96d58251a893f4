/**
 * pool2d's L1 tensors before its program (tt-metal ttnn/cpp/ttnn/operations/pool/generic/generic_pools.cpp, pool2d_L1):
 * the input resharded to the pool's parallel config when not already sharded (shard height ceil(N·H·W / cores_nhw),
 * width C snapped to cores_c · 8 for row-major bf16; freed after the halo when the input was in DRAM), then the halo
 * output (per core: the widest padded-input span of one core's output sticks), held while the pool program runs.
 * Figures below are by hand from that rule; the public-thread figures are in test/unit/analysis/threads.test.ts.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate } from '../../../server/src/estimate/types';
import { detectOverflow, l1Limits } from '../../../server/src/analysis/overflow';
import type { PropValue } from '../../../server/src/ttnn/op';
import { int, ints, op, tensor, whContext } from './build';

function est(r: ReturnType<typeof estimateOp>): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind);
  return r as OpEstimate;
}

const poolAttrs = (n: number, h: number, w: number, c: number, extra: Record<string, PropValue> = {}) => ({
  batch_size: int(n),
  channels: int(c),
  input_height: int(h),
  input_width: int(w),
  kernel_size: ints(3, 3),
  stride: ints(2, 2),
  padding: ints(1, 1),
  dilation: ints(1, 1),
  ...extra,
});

/** `applied_shard_scheme = #ttnn.tensor_memory_layout<scheme>` as the TTNN view hands it over. */
const applied = (scheme: string): Record<string, PropValue> => ({
  applied_shard_scheme: {
    kind: 'dialect',
    name: 'ttnn.tensor_memory_layout',
    text: `#ttnn.tensor_memory_layout<${scheme}>`,
    items: [scheme],
    fields: {},
  },
});

describe('estimate/max_pool2d L1 intermediates (resharded input, halo output)', () => {
  it('height-sharded 8x8 input on 2 cores: no reshard; halo 49 sticks · 32 · 2 B = 3,136 B per core', () => {
    // Padded input 10x10; output 4x4 = 16 sticks, 8 per core. Core 0: outputs (0,0)..(1,3): window origins 0 and
    // 1·2·10 + 3·2 = 26, last window stick 26 + 2·10 + 2 = 48 → 49 sticks. Core 1: (2,0)..(3,3): 40 .. 66 + 22 = 88 → 49.
    const hs = (shape: number[]) =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const e = est(
      estimateOp(
        op('ttnn.max_pool2d', [hs([1, 1, 64, 32])], [hs([1, 1, 16, 32])], poolAttrs(1, 8, 8, 32)),
        whContext(),
      ),
    );
    // The halo program of a row-major input has only its two pad-stick CBs: 32 · 2 B = 64 B each (L1-aligned).
    assert.deepEqual(e.l1Intermediates, [
      {
        role: 'halo output',
        bytesPerCore: 49 * 32 * 2,
        liveDuringProgram: true,
        // The halo's CBs on the input's own shard grid: 2 height shards laid row-wise from (0,0), (0,0)-(1,0).
        writerProgram: {
          name: 'halo (untilize_with_halo)',
          cbBytesPerCore: 2 * 64,
          printedRange: [
            [0, 0],
            [1, 0],
          ],
        },
      },
    ]);
    assert.equal(e.l1IntermediateBytesPerCore, 3_136);
  });

  it('a batch boundary inside a core widens its span (the halo reads across the gap between images)', () => {
    // 2 images of 4x4, padded 6x6 (36 sticks each); output 2x2 per image = 8 sticks, 3 per core on 3 cores (block of
    // 3, 3, 2). Core 1 holds outputs 3 (image 0, (1,1): origin 2·6 + 2 = 14) .. 5 (image 1, (0,1): origin 36 + 2 = 38):
    // 38 + 2·6 + 2 − 14 + 1 = 39 sticks, more than core 0's 0 .. (1,0) = 12 + 14 + 1 = 27.
    const hs = (shape: number[]) =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [3, 1] });
    const e = est(
      estimateOp(op('ttnn.max_pool2d', [hs([1, 1, 32, 16])], [hs([1, 1, 8, 16])], poolAttrs(2, 4, 4, 16)), whContext()),
    );
    assert.equal(e.l1Intermediates?.[0]?.bytesPerCore, 39 * 16 * 2);
  });

  it('DRAM input: the resharded input comes first and is freed after the halo; L1 interleaved keeps it', () => {
    const dram = tensor([1, 1, 12544, 64], { page: 'row_major' });
    const l1 = tensor([1, 1, 12544, 64], { page: 'row_major', buffer: 'l1' });
    const out = tensor([1, 1, 3136, 64], { page: 'row_major' });
    const fromDram = est(estimateOp(op('ttnn.max_pool2d', [dram], [out], poolAttrs(1, 112, 112, 64)), whContext()));
    const fromL1 = est(estimateOp(op('ttnn.max_pool2d', [l1], [out], poolAttrs(1, 112, 112, 64)), whContext()));
    assert.deepEqual(
      fromDram.l1Intermediates?.map((t) => [t.role, t.liveDuringProgram]),
      [
        ['resharded pool input', false],
        ['halo output', true],
        ['pool output shard (moved to the result after)', true],
      ],
    );
    assert.equal(fromL1.l1Intermediates?.[0]?.liveDuringProgram, true);
    // Height sharding on n cores: ceil(12,544 / n) rows of 64 bf16 (tt-metal ResNet's 64 cores: 196 · 128 = 25,088 B).
    const n = fromDram.nCoresUsed;
    assert.equal(fromDram.l1Intermediates?.[0]?.bytesPerCore, Math.ceil(12_544 / n) * 64 * 2);
    // The DRAM result is not the pool's own output shard (ceil(3,136 / n) sticks of round_up(64, 16) = 64 channels):
    // that shard is an L1 tensor of its own while the pool runs, then moved to DRAM (generic_pools.cpp pool2d_L1).
    assert.equal(fromDram.l1Intermediates?.[2]?.bytesPerCore, Math.ceil(3_136 / n) * 64 * 2);
  });

  it('row-major channels are snapped in total to cores_c · 8 and then split, not left at C / cores_c', () => {
    // get_pool_input_memory_config (generic_pools.cpp@465a425; the mid-2025 pool2d_invoke, search index id
    // 8043796329, alike): width = round_up(C, cores_c · L1 alignment / 2 B) = round_up(C, cores_c · 8) for a row-major
    // input; conv2d_utils' create_sharded_memory_config_from_parallel_config gives each core width / cores_c.
    // 1x1x64x40 bf16 row-major in DRAM (8x8 image, k3 s2 p1), width-sharded: determine_parallel_config over
    // ceil(40 / 16) = 3 channel units → cores_c = 3 (3 divides 3). round_up(40, 24) = 48 → 16 channels a core (not
    // 40 / 3 → 14, nor a 40-channel shard): resharded input 64 sticks · 16 · 2 B = 2,048 B; one core along NHW holds
    // all 16 outputs, windows over the padded 10x10 image from stick 0 to 66 + 2·10 + 2 = 88: halo 89 · 16 · 2 = 2,848 B.
    const e = est(
      estimateOp(
        op(
          'ttnn.max_pool2d',
          [tensor([1, 1, 64, 40], { page: 'row_major' })],
          [tensor([1, 1, 16, 40], { page: 'row_major' })],
          poolAttrs(1, 8, 8, 40, {
            ...applied('width_sharded'),
          }),
        ),
        whContext(),
      ),
    );
    assert.equal(e.nCoresUsed, 3);
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore]),
      [
        ['resharded pool input', 2_048],
        ['halo output', 2_848],
        // The pool's own output shard, 16 sticks of round_up(40, 3 · 16) / 3 = 16 channels, before its move to DRAM.
        ['pool output shard (moved to the result after)', 512],
      ],
    );
  });

  it('an allocation that does not fit is reported as out of L1 at that allocation, not at the CBs', () => {
    // 1 image 608x784x64 (smp Unet, tt-metal #35223): reshard 476,672 / 64 = 7,448 rows · 128 B = 953,344 B fits;
    // the halo's 1,182,336 B after it does not (tt-metal's figure for this shape).
    const dram = (s: number[]) => tensor(s, { page: 'row_major' });
    const e = est(
      estimateOp(
        op('ttnn.max_pool2d', [dram([1, 1, 476_672, 64])], [dram([1, 1, 119_168, 64])], poolAttrs(1, 608, 784, 64)),
        whContext(),
      ),
    );
    const ctx = whContext();
    const o = detectOverflow(e, 0, l1Limits(ctx.device, undefined));
    assert.equal(o?.kind, 'l1BuffersExhausted');
    assert.equal(o?.cbRegionEndBytes, ctx.device.l1UnreservedBase + 953_344 + 1_182_336);
    assert.deepEqual([o?.failedAllocation?.role, o?.failedAllocation?.bytesPerCore], ['halo output', 1_182_336]);
    assert.match(o?.message ?? '', /each bank needs to store 1182336 B/);
  });

  describe('the halo program: its own CBs, run while its input and output are both allocated', () => {
    // A tiled bf16 pool input 1x168x168x512 in DRAM, forced height-sharded on 64 cores, k3 s1 p1, row-major output
    // 168x168 (28,224 sticks, 441 per core).
    //   resharded input (tiled): round_up(28,224, 64·32) / 64 = 448 rows · 512 / 1,024 = 224 tiles · 2,048 = 458,752 B;
    //   halo output: padded width 170; core k holds outputs 441k .. 441k + 440, whose window origins differ by 440 plus
    //     2 per image row crossed, at most 3 rows (441 mod 168 = 105 ≥ 168·3 − 440 = 64): 446; span 446 + 2·170 + 3 =
    //     789 sticks · 512 · 2 B = 807,936 B; both live while the halo runs: 1,266,688 B.
    //   halo CBs before tt-metal PR #19770: pad stick 1,024 B + whole-shard untilize CB ntiles 16 · ceil(ceil(28,224 /
    //     64) / 32) = 14 tile rows = 224 tiles · 2,048 = 458,752 B → 459,776 B;
    //   since PR #20129: 2 pad sticks 2,048 B + 2 untilize CBs of 2 · 16 tiles · 2,048 = 65,536 B → 133,120 B.
    const dram = (s: number[], page: 'tile' | 'row_major') => tensor(s, { page });
    const pool = (date: string) => {
      const ctx = whContext({ ttMetalDate: date });
      const e = est(
        estimateOp(
          op(
            'ttnn.max_pool2d',
            [dram([1, 1, 28_224, 512], 'tile')],
            [dram([1, 1, 28_224, 512], 'row_major')],
            poolAttrs(1, 168, 168, 512, {
              stride: ints(1, 1),
              ...applied('height_sharded'),
            }),
          ),
          ctx,
        ),
      );
      return { e, ctx };
    };
    for (const [date, haloCbs] of [
      ['2025-03-15', 459_776],
      ['2025-06-01', 133_120],
    ] as const) {
      it(`${date}: the halo's CBs (${haloCbs} B) clash with its input and output before the pool runs`, () => {
        const { e, ctx } = pool(date);
        assert.deepEqual(
          e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.writerProgram?.cbBytesPerCore]),
          [
            // The reshard's interleaved_to_sharded scratch (memoryConfig.ts): 4 pages of align(2,048 B tile, 32) from
            // PR #17122 (2025-02-05) to PR #33905 = 8,192 B.
            ['resharded pool input', 458_752, 4 * 2_048],
            ['halo output', 807_936, haloCbs],
            // The pool's own output shard (441 sticks · 512 · 2 B), moved to the DRAM result after.
            ['pool output shard (moved to the result after)', 451_584, undefined],
          ],
        );
        const o = detectOverflow(e, 0, l1Limits(ctx.device, undefined));
        assert.equal(o?.kind, 'cbClashesWithL1Buffers');
        assert.equal(o?.failedProgram?.name, 'halo (untilize_with_halo)');
        assert.equal(o?.cbRegionEndBytes, ctx.device.l1UnreservedBase + haloCbs);
        assert.equal(o?.limitBytes, ctx.device.l1SizeBytes - ctx.device.l1SmallSizeBytes - 1_266_688);
      });
    }
  });

  describe('the output shard: a tile multiple of sticks only for a tiled output', () => {
    // tt-metal generic_pools.cpp@465a425 (pool2d_L1) and pool_op.cpp@0183cc8 (compute_output_specs): shard height =
    // round_up(out_nhw, cores_nhw · (tiled ? 32 : 1)) / cores_nhw. Here 1x512x10x10, k5 s1 p2 → 10x10 = 100 output
    // sticks, the input already height-sharded on 5x5 = 25 cores (the shape of tt-metal #21305, on fewer cores).
    //   row-major bf16 output: round_up(100, 25) / 25 = 4 sticks · 512 · 2 B = 4,096 B per core (the old rule rounded to
    //     round_up(100, 25·32) / 25 = 32 sticks = 32,768 B whatever the layout);
    //   tiled bf16 output: round_up(100, 800) / 25 = 32 sticks · 512 / 1,024 = 16 tiles · 2,048 B = 32,768 B.
    const hs = (shape: number[], page: 'tile' | 'row_major') =>
      tensor(shape, { page, buffer: 'l1', mem: 'height_sharded', grid: [5, 5] });
    const outputShardBytes = (outPage: 'tile' | 'row_major'): number | undefined => {
      const e = est(
        estimateOp(
          op(
            'ttnn.max_pool2d',
            [hs([1, 1, 100, 512], 'row_major')],
            [hs([1, 1, 100, 512], outPage)],
            poolAttrs(1, 10, 10, 512, { kernel_size: ints(5, 5), stride: ints(1, 1), padding: ints(2, 2) }),
          ),
          whContext(),
        ),
      );
      assert.equal(e.nCoresUsed, 25);
      return e.cbs.find((c) => c.role === 'output (sharded)')?.pageBytes;
    };
    it('row-major output: ceil(100 / 25) = 4 sticks · 512 · 2 B = 4,096 B per core', () => {
      assert.equal(outputShardBytes('row_major'), 4_096);
    });
    it('tiled output: round_up(100, 25 · 32) / 25 = 32 sticks = 16 tiles · 2,048 B = 32,768 B per core', () => {
      assert.equal(outputShardBytes('tile'), 32_768);
    });
  });
});

describe('estimate/max_pool2d: the pool program takes a bfloat16 halo output only', () => {
  // pool_op.cpp validate (PR #15561 on; @3c6ee52 and @622c6fb alike): TT_FATAL(input.dtype() == BFLOAT16, "Only BFLOAT16
  // supported for now"), where the input is the halo output (generic_pools.cpp pool2d_L1). halo_device_operation.cpp:
  // the input's own dtype before PR #22605 (@867070c), f32 kept and everything else bfloat16 from it (@3c6ee52), uint16
  // kept again from PR #27138 (@5965834). So f32 is rejected in every build, int32 before 2025-05-30, uint16 outside
  // 2025-05-30 .. 2025-09-04; inside, the bfloat16 halo output is 49 sticks · 32 · 2 B = 3,136 B (first test above).
  const poolOf = (dtype: 'f32' | 'si32' | 'u16') => {
    const hs = (shape: number[]) =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1], dtype });
    return op('ttnn.max_pool2d', [hs([1, 1, 64, 32])], [hs([1, 1, 16, 32])], poolAttrs(1, 8, 8, 32));
  };
  const verdict = (dtype: 'f32' | 'si32' | 'u16', date: string): string | number => {
    const r = estimateOp(poolOf(dtype), whContext({ ttMetalDate: date }));
    if (r.kind === 'illegal') {
      assert.match(r.rule, /"Only BFLOAT16 supported for now"/);
      return 'illegal';
    }
    return est(r).l1Intermediates?.[0]?.bytesPerCore ?? -1;
  };
  it("tt-mlir's own max_pool2d workaround test: the f32 pool it rewrites to bf16 row-major is rejected as written", () => {
    // max_pool2d_workaround.mlir (tt-mlir 19c86fc) CHECKs that --ttnn-workaround casts the pool's f32 tiled input to a
    // bf16 row-major tensor and the result back: tt-mlir's own record that the pool takes bfloat16 only.
    const text = readFileSync(
      join(
        __dirname,
        '../../fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/Workarounds/max_pool2d_workaround.mlir',
      ),
      'utf8',
    );
    assert.match(text, /CHECK-SAME: -> tensor<1x1x16384x32xbf16,/);
    const a = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-03-01' }).analysis;
    const pool = a.functions[0]!.ops.find((o) => o.op.name === 'ttnn.max_pool2d')!;
    assert.equal(pool.estimate.kind, 'illegal');
    assert.match(pool.estimate.kind === 'illegal' ? pool.estimate.rule : '', /f32 input .* "Only BFLOAT16 supported/);
  });
  it('f32 in every build; int32 before PR #22605; uint16 outside PR #22605 .. PR #27138', () => {
    for (const date of ['2025-03-01', '2025-06-01', '2026-03-01']) assert.equal(verdict('f32', date), 'illegal', date);
    assert.equal(verdict('si32', '2025-05-29'), 'illegal');
    assert.equal(verdict('si32', '2025-05-30'), 3_136);
    assert.equal(verdict('si32', '2026-03-01'), 3_136);
    assert.equal(verdict('u16', '2025-05-29'), 'illegal');
    assert.equal(verdict('u16', '2025-05-30'), 3_136);
    assert.equal(verdict('u16', '2025-09-04'), 3_136);
    assert.equal(verdict('u16', '2025-09-05'), 'illegal');
  });
});

// pool2d's reader-indices CB with config_tensors_in_dram on both sides of tt-metal PR #43193 (change point
// pool-reader-indices-actual-page, 2026-04-30): before, max_out_nhw_per_core · 6 + 2 B
// (pool_multi_core_program_factory.cpp@984f529e2f^); after, the DRAM config tensor's page, one row per NHW core of the
// longest core's list from generate_sliding_window_op_config with is_conv = false (one block per core: a segment count,
// a pad word, then the first and last top-left index of each run of stride-spaced outputs) (@984f529e2f). An avg pool
// that needs per-element scalars adds its scalar config at the worst case, output shard height · 6 B, in both builds.
describe('estimate/pool2d reader indices (config tensors in DRAM)', () => {
  const inDram = { kind: 'bool', value: true } as PropValue;
  const configCb = (name: string, date: string, extra: Record<string, PropValue> = {}): number => {
    // 16x16 input, C 32, height sharded on 2 cores; k3 s2 p1 → 8x8 = 64 output sticks, 32 (4 output rows) per core.
    const hs = (shape: number[]) =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const e = est(
      estimateOp(
        op(
          name,
          [hs([1, 1, 256, 32])],
          [hs([1, 1, 64, 32])],
          poolAttrs(1, 16, 16, 32, { config_tensors_in_dram: inDram, ...extra }),
        ),
        whContext({ ttMetalDate: date }),
      ),
    );
    const cbs = e.cbs.filter((c) => c.role.endsWith('(config in DRAM)'));
    assert.ok(cbs.length > 0);
    return cbs.reduce((n, c) => n + c.nPages * c.pageBytes, 0);
  };

  it('max pool 16x16 k3 s2 p1 on 2 cores: 194 B worst case, then 20 B', () => {
    // Worst case: 32 sticks · 6 + 2 = 194 B. After: padded width 18; within an output row the window origin steps by the
    // stride 2; at a row start it jumps by 2·18 − 7·2 = 22 ≠ 2, a new run. Each core holds 4 whole output rows → 4 runs:
    // 2 + 2·4 = 10 words (even, no pad word) = 20 B on both cores.
    assert.equal(configCb('ttnn.max_pool2d', '2026-04-29'), 194);
    assert.equal(configCb('ttnn.max_pool2d', '2026-04-30'), 20);
  });

  it('avg pool without count_include_pad: the scalar config stays at its worst case, 32 · 6 = 192 B', () => {
    // Padding with count_include_pad false → per-element scalars (one_scalar_per_core false): + 192 B in both builds.
    const extra = { count_include_pad: { kind: 'bool', value: false } as PropValue };
    assert.equal(configCb('ttnn.avg_pool2d', '2026-04-29', extra), 194 + 192);
    assert.equal(configCb('ttnn.avg_pool2d', '2026-04-30', extra), 20 + 192);
  });

  it("VoVNet's max_pool2d (56x56x256, k3 s2, padding [0, 0, 1, 1], 49 height shards): 98 B, then 12 B", () => {
    // As the VoVNet dumps in the corpus carry it (config_tensors_in_dram = true). Output 28x28 = 784 sticks, 16 per
    // core: worst case 16 · 6 + 2 = 98 B. Padded width 57, a row start jumps by 2·57 − 27·2 = 60 ≠ 2; 16 < 28 outputs a
    // row, so a core holds at most one row start (core 1: outputs 16..31 holds 28) → 2 runs, 2 + 2·2 = 6 words = 12 B.
    const hs = (shape: number[]) =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [49, 1] });
    const cbAt = (date: string) => {
      const attrs = poolAttrs(1, 56, 56, 256, { config_tensors_in_dram: inDram, padding: ints(0, 0, 1, 1) });
      const e = est(
        estimateOp(
          op('ttnn.max_pool2d', [hs([1, 1, 3136, 256])], [hs([1, 1, 784, 256])], attrs),
          whContext({ ttMetalDate: date }),
        ),
      );
      return e.cbs.find((c) => c.role === 'reader indices (config in DRAM)')?.pageBytes;
    };
    assert.equal(cbAt('2026-04-29'), 98);
    assert.equal(cbAt('2026-04-30'), 12);
  });

  it('a 1x1 stride-1 window: every next origin is one stick on, across rows too → one run, 8 B', () => {
    // k1 s1 p0: padded width 16, row jump 1·16 − 15·1 = 1 = the stride, so a core's 128 outputs are one run:
    // 2 + 2 = 4 words = 8 B (worst case 128 · 6 + 2 = 770 B).
    const k1 = { kernel_size: ints(1, 1), stride: ints(1, 1), padding: ints(0, 0) };
    const hs = (shape: number[]) =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const cbAt = (date: string) => {
      const e = est(
        estimateOp(
          op(
            'ttnn.max_pool2d',
            [hs([1, 1, 256, 32])],
            [hs([1, 1, 256, 32])],
            poolAttrs(1, 16, 16, 32, { config_tensors_in_dram: inDram, ...k1 }),
          ),
          whContext({ ttMetalDate: date }),
        ),
      );
      return e.cbs.find((c) => c.role === 'reader indices (config in DRAM)')?.pageBytes;
    };
    assert.equal(cbAt('2026-04-29'), 770);
    assert.equal(cbAt('2026-04-30'), 8);
  });
});

// tt-metal PR #35212 (change point pool-config-tensors-in-dram, 67a560408f, 2026-01-14) gave the pools
// config_tensor_in_dram. pool_multi_core_program_factory.cpp@67a560408f creates the reader-index CB right after the
// clear-value CB, before the input CBs, so in_0 starts at its end rounded up to the 32 B DRAM alignment
// (allocate_circular_buffers); an avg pool's scalar config CB comes last. generic_pools.cpp@67a560408f passes the flag to
// the halo, whose four config CBs become static pages (change point halo-config-tensors-in-dram). Before the PR the pool
// had no such argument: its configs stay L1_SMALL-backed (0 B) whatever the IR says.
describe('estimate/pool2d config tensors in DRAM: CB placement and the halo (change point pool-config-tensors-in-dram)', () => {
  const inDram = { kind: 'bool', value: true } as PropValue;
  const hs = (shape: number[], cores: number) =>
    tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [cores, 1] });
  const pool16 = (name: string, date: string, extra: Record<string, PropValue>) =>
    est(
      estimateOp(
        op(name, [hs([1, 1, 256, 32], 2)], [hs([1, 1, 64, 32], 2)], poolAttrs(1, 16, 16, 32, extra)),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('max pool 16x16 k3 s2 p1 on 2 cores: the 20 B reader-index CB takes 32 B before in_0; nothing before 2026-01-14', () => {
    // C 32 on one channel shard: in_ntiles_c = 1, 9 window rows → in_cb 1·32·9 = 288 → 1,024 elements, 2,048 B pages.
    // Without the flag: scalar 2·2,048 + clear 2,048 + in_0 2·2,048 + in_1 2·2,048 = 14,336 B.
    // With it at 2026-04-30 (20 B page, see above): 4,096 + 2,048 = 6,144, + 20 = 6,164 → in_0 at 6,176, + 8,192 =
    // 14,368 B (+32). At 2026-04-29 (worst case 32 · 6 + 2 = 194 B): 6,144 + 194 = 6,338 → 6,368, + 8,192 = 14,560 B.
    // At 2026-01-13 (before PR #35212): 14,336 B, no config CB.
    const cb = (date: string, flag: boolean) =>
      pool16('ttnn.max_pool2d', date, flag ? { config_tensors_in_dram: inDram } : {}).cbBytesPerCore;
    assert.equal(cb('2026-04-30', false), 14_336);
    assert.equal(cb('2026-04-30', true), 14_368);
    assert.equal(cb('2026-04-29', true), 14_560);
    assert.equal(cb('2026-01-13', true), 14_336);
    const before = pool16('ttnn.max_pool2d', '2026-01-13', { config_tensors_in_dram: inDram });
    assert.equal(
      before.cbs.some((c) => c.role.endsWith('(config in DRAM)')),
      false,
    );
  });

  it('avg pool with per-element scalars: two scalar CBs, reader indices, and the 192 B scalar config last', () => {
    // count_include_pad false with padding → per-element scalars: scalar and scalar 2 (2·2,048 each) + clear 2,048 =
    // 10,240; + reader indices 20 = 10,260 → in_0 at 10,272; in_0 + in_1 (kernel 9 ≤ 32: 8 tiles max, 1 tile wide,
    // 2,048 B pages ×2 each) → 18,464; the scalar config 32 · 6 = 192 B → 18,656 B. Without the flag 18,432 B.
    const extra = { count_include_pad: { kind: 'bool', value: false } as PropValue };
    assert.equal(pool16('ttnn.avg_pool2d', '2026-04-30', extra).cbBytesPerCore, 18_432);
    const e = pool16('ttnn.avg_pool2d', '2026-04-30', { ...extra, config_tensors_in_dram: inDram });
    assert.equal(e.cbBytesPerCore, 18_656);
    assert.equal(e.cbs[e.cbs.length - 1]?.role, 'avg scalar config (config in DRAM)');
  });

  it("the halo's four config CBs: 4x4 k3 s1 p1 row-major on 2 cores, pages 12, 12, 28, 16 B → +80 B from 2026-01-14", () => {
    // The halo's geometry is haloDramConfigs.test.ts's two-core case (4x4 image, k3 s1 p1, 16 outputs, 8 per core; the
    // input's own shards of 8 sticks): row-major pages 12, 12, 28, 16 B (worked there by hand), each L1-aligned (16 B):
    // 16 + 16 + 32 + 16 = 80 B beside the two pad sticks of 32 · 2 = 64 B: 128 → 208 B. Before PR #35212: 128 B.
    const halo = (date: string, flag: boolean) => {
      const attrs = poolAttrs(1, 4, 4, 32, {
        stride: ints(1, 1),
        ...(flag && { config_tensors_in_dram: inDram }),
      });
      const e = est(
        estimateOp(
          op('ttnn.max_pool2d', [hs([1, 1, 16, 32], 2)], [hs([1, 1, 16, 32], 2)], attrs),
          whContext({ ttMetalDate: date }),
        ),
      );
      return e.l1Intermediates?.find((t) => t.role === 'halo output')?.writerProgram?.cbBytesPerCore;
    };
    assert.equal(halo('2026-01-14', false), 128);
    assert.equal(halo('2026-01-14', true), 208);
    assert.equal(halo('2026-01-13', true), 128);
  });

  it("a tiled input's halo: 8x8 k3 s2 p1 on 2 tile-row shards, pages 12, 16, 44, 4 B → +96 B", () => {
    // Input 8x8 = 64 sticks in two shards of one tile row (32 sticks: core 0 image rows 0-3, core 1 rows 4-7); padded
    // 10x10, position p = 10·row + col, real for row, col ∈ 1..8 (stick 8·(row − 1) + col − 1). Output 4x4 = 16
    // sticks, row-major, 8 per core; origin of output (r, c) = 20r + 2c, window end + 2·10 + 2.
    //   Core 0: outputs of rows 0-1, span [0, 26 + 22 = 48]: pad runs {0-10}, {19, 20}, {29, 30}, {39, 40}: 4;
    //     transfers from core 0: sticks 0-7, 8-15, 16-23, 24-31 (offsets 0, 8, 16, 24; a pad between each).
    //   Core 1: rows 2-3, span [40, 66 + 22 = 88]: pad runs {40}, {49, 50}, {59, 60}, {69, 70}, {79, 80}: 5;
    //     transfers: core 0's offset 24 (sticks 24-31), core 1's offsets 0, 8, 16, 24.
    // Padding: halves 2 / 2 and 2 / 3 → 2·2 + 2 = 6 words (12 B) and 2·3 + 2 = 8 words (16 B).
    // Gather, tiled: all offsets in source block 0 → config 0. Source 0: offsets 0, 8, 16 (→ core 0), then 24 tied
    // (core 0 at column 0 before core 1 at column 1 of the 2-column shard grid): routes core 0, core 1 → 1 + 3·2 +
    // 3·5 = 22 words (44 B). Source 1: one route of 4 → 16 words. Config 1: 1 word → 2 (4 B).
    // Config CBs L1-aligned: 16 + 16 + 48 + 16 = 96 B beside the pad sticks (2 · 64 B) and the double-buffered untilize
    // CBs (2 · 2 · 2,048 B): 8,320 → 8,416 B.
    const halo = (flag: boolean) => {
      const input = tensor([1, 1, 64, 32], { buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
      const attrs = poolAttrs(1, 8, 8, 32, flag ? { config_tensors_in_dram: inDram } : {});
      const e = est(
        estimateOp(
          op('ttnn.max_pool2d', [input], [hs([1, 1, 16, 32], 2)], attrs),
          whContext({ ttMetalDate: '2026-03-01' }),
        ),
      );
      return e.l1Intermediates?.find((t) => t.role === 'halo output')?.writerProgram?.cbBytesPerCore;
    };
    assert.equal(halo(false), 8_320);
    assert.equal(halo(true), 8_416);
  });
});

// pool2d's parallel config and scheme choice by build, read in tt-metal's history (nyoshifujiTT/tt-metal first parents):
//   conv2d_utils.cpp@a74b197eef^ (PR #18601's parent): determine_parallel_config with is_out_tiled = false counts
//     N·H·W rounded up to 32 in rows and channels one by one; from a74b197eef (2025-03-13) rows are not rounded,
//     channels go in tiles of 32, and a width / block channel core count is doubled to half-tile shards when every core
//     got one tile and twice the cores fit (set_shard_width_to_half_tile_if_possible; not for a tiled input from
//     PR #24898, 70060010fc, 2025-07-16); from PR #26448 (7ef2d0a0d0, 2025-08-15) channels go in units of 16 instead.
//   generic_pools.cpp@3380016a0e^: an unsharded input with no scheme given is height sharded; from PR #23668
//     (3380016a0e, 2025-06-24) auto shard ranks the three, skipping (until PR #26448) a scheme whose channels per core
//     are neither 16 nor a multiple of 32 (pool_utils.cpp@3380016a0e determine_valid_parallel_config).
// Wormhole n150: an 8x8 grid.
describe('estimate/pool2d parallel config by build (PRs #18601, #23668, #24898, #26448)', () => {
  const cores = (
    c: number,
    date: string,
    extra: Record<string, PropValue> = {},
    page: 'tile' | 'row_major' = 'row_major',
  ) => {
    const input = tensor([1, 1, 64, c], { page, buffer: 'dram' });
    const r = estimateOp(
      op(
        'ttnn.max_pool2d',
        [input],
        [tensor([1, 1, 16, c], { page: 'row_major', buffer: 'dram' })],
        poolAttrs(1, 8, 8, c, extra),
      ),
      whContext({ ttMetalDate: date }),
    );
    if (r.kind === 'illegal') return 'illegal';
    return /(\d+) cores \((\d+) along NHW × (\d+) along C\)/.exec(est(r).factoryReason)?.slice(1, 4).join(' ');
  };
  it('no scheme given: height sharded before PR #23668, 16 output rows rounded to 32 before PR #18601', () => {
    // 8x8 input, k3 s2 p1 → 4x4 = 16 output sticks. Before #18601: 32 rows; the largest divisor d ≤ 64 with
    // round_up(32, d) − 32 < round_up(32, d) / d is 32 → 32 cores. From it: 16 rows → 16 cores.
    assert.equal(cores(64, '2025-03-12'), '32 32 1');
    assert.equal(cores(64, '2025-03-13'), '16 16 1');
    assert.equal(cores(64, '2025-06-23'), '16 16 1');
  });

  it('48 channels: width shards doubled to 4 before PR #26448 (12 channels each), 3 of 16 from it', () => {
    // Width: ceil(48 / 32) = 2 tiles → 2 cores, one tile each and 4 ≤ 64 → doubled to 4. From #26448: ceil(48 / 16) = 3
    // units → 3 cores.
    // Before #18601 channels count one by one: the largest divisor of 48 up to 64 is 48 → 48 cores of one channel.
    assert.equal(cores(48, '2025-03-12', applied('width_sharded')), '48 1 48');
    assert.equal(cores(48, '2025-08-14', applied('width_sharded')), '4 1 4');
    assert.equal(cores(48, '2025-08-15', applied('width_sharded')), '3 1 3');
  });

  it('auto shard of 48 channels between PRs #23668 and #26448: no valid scheme, TT_FATAL', () => {
    // Height keeps all 48 channels per core, width and block split them 4 ways (12): none is 16 or a multiple of 32.
    assert.equal(cores(48, '2025-07-11'), 'illegal');
    assert.equal(cores(48, '2025-06-23'), '16 16 1');
    assert.notEqual(cores(48, '2025-08-15'), 'illegal');
  });

  it('block, 64 channels: 4 channel cores by the half-tile doubling, 2 from PR #26448', () => {
    // Block: 16 rows over at most 8 grid rows → 8; channels: the largest common divisor of 2 tiles and 2 blocks up to
    // 8 columns is 2, one tile each and 4 ≤ 8 → 4. From #26448: 4 units of 16 and 2 blocks of 32 → 2.
    assert.equal(cores(64, '2025-08-14', applied('block_sharded')), '32 8 4');
    assert.equal(cores(64, '2025-08-15', applied('block_sharded')), '16 8 2');
  });

  it('an applied block scheme on a row-major input splits C in blocks of 8 from PR #32157: 64 channels on 4 columns, 2 before', () => {
    // generic_pools.cpp@fa00323117 get_pool_input_memory_config: input_channels_alignment = l1_alignment 16 / 2 B = 8
    // for an applied scheme (TILE_WIDTH before). Block: 8 NHW cores as above; channel cores the largest common divisor
    // up to 8 of 4 out units of 16 and ceil(64 / 8) = 8 input blocks = 4 (before: of 4 and ceil(64 / 32) = 2 → 2).
    assert.equal(cores(64, '2026-01-02', applied('block_sharded')), '16 8 2');
    assert.equal(cores(64, '2026-01-03', applied('block_sharded')), '32 8 4');
    // Auto shard and a tiled input keep TILE_WIDTH: a tiled 64-channel block has 2 tile units and 2 blocks → 2.
    assert.equal(cores(64, '2026-01-03', applied('block_sharded'), 'tile'), '16 8 2');
  });

  it('a tiled input keeps whole-tile shards from PR #24898: 64 channels on 2 width cores, 4 before', () => {
    assert.equal(cores(64, '2025-07-15', applied('width_sharded'), 'tile'), '4 1 4');
    assert.equal(cores(64, '2025-07-16', applied('width_sharded'), 'tile'), '2 1 2');
  });
});

// max_pool2d_with_indices' CBs by build (pool_multi_core_program_factory.cpp): @37967f4424 in_idx and pack_tmp of
// 2 · 1,024 B, pack_idx_tmp and three increment tiles of index_nbytes · 1,024; PR #35216 (966d61f815, 2026-01-29) adds
// compute_tmp_idx, and two intra-kernel increment tiles when kernel_hw > 32; PR #35491 (3ddcbb3538, 2026-02-11) makes
// the index tiles uint32 (4,096 B, in_idx included) when in_h · in_w > 65,535 (get_index_data_type).
describe('estimate/max_pool2d_with_indices index CBs by build (PRs #35216, #35491)', () => {
  const mpwiRun = (h: number, k: number, date: string) => {
    const hs = (rows: number) =>
      tensor([1, 1, rows, 32], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const out = Math.floor((h + (k === 3 ? 2 : 0) - k) / 2) + 1;
    const attrs = poolAttrs(1, h, h, 32, k === 3 ? {} : { kernel_size: ints(k, k), padding: ints(0, 0) });
    return estimateOp(
      op('ttnn.max_pool2d_with_indices', [hs(h * h)], [hs(out * out), hs(out * out)], attrs),
      whContext({ ttMetalDate: date }),
    );
  };
  const mpwi = (h: number, k: number, date: string) => est(mpwiRun(h, k, date)).cbBytesPerCore;
  const rejection = (h: number, k: number, date: string) => {
    const r = mpwiRun(h, k, date);
    return r.kind === 'illegal' ? r.rule : r.kind;
  };

  it('16x16 k3: 26,624 B, then 28,672 B with the compute temporary', () => {
    // C 32 on one channel shard, one tile per reduction (MAX 1): in_cb 1,024 elements → 2,048 B pages, ×2 each.
    // scalar 2 · 2,048 + clear 2,048 + in_0 4,096 + in_1 4,096 + 5 index tiles · 2,048 + pack 2,048 = 26,624 B;
    // from #35216 one more index tile: 28,672 B.
    assert.equal(mpwi(16, 3, '2026-01-28'), 26_624);
    assert.equal(mpwi(16, 3, '2026-01-29'), 28_672);
  });

  it('a 6x6 kernel (36 > 32 rows) adds two intra-kernel increment tiles from #35216: 32,768 B', () => {
    // 16x16 k6 s2 p0 → 6x6 outputs; the same CBs as above + 2 · 2,048 B from #35216. Before it, pool_op.cpp@c5d8862c9f
    // rejects a kernel of more than 32 sticks.
    assert.equal(rejection(16, 6, '2026-01-28'), 'only kernel sizes less than or equal to 32 are supported, got 6x6');
    assert.equal(mpwi(16, 6, '2026-01-29'), 32_768);
  });

  it('256x256 (65,536 sticks > 65,535): uint32 index tiles from #35491, 40,960 B', () => {
    // 4,096 + 2,048 + 8,192 + 6 index tiles + 2,048: 6 · 2,048 = 12,288 → 28,672 B; 6 · 4,096 = 24,576 → 40,960 B.
    // Before #35491 pool_op.cpp@3ddcbb3538~1 rejects it: 256 · 256 = 65,536 > 65,535.
    assert.equal(rejection(256, 3, '2026-02-10'), 'Input HW 65536 will overflow uint16 indices max 65535');
    assert.equal(mpwi(256, 3, '2026-02-11'), 40_960);
  });
});

describe('estimate/pool2d exact inside read span pool2d-factory-cbs-2025-09 (builds 2025-09-11..2026-06-23)', () => {
  // The factory's CBs read at 1a732feedf (2025-09-11) and through every commit to 622c6fb9c0 (2026-06-23); #41050's
  // calculate_pool_cb_sizes (4a20c4b56b) gives the same sizes. Max pool 16x16 k3 s2 p1, C 32, height sharded on 2
  // cores: get_factory_parameters: in_ntiles_c = ceil(32 / 1 / 32) = 1, kernel 9 ≤ 16 → 9 tilized rows, in_cb_sz =
  // 1·32·9 = 288 → round_up to 1,024 elements · 2 B = 2,048 B pages, multi_buffering_factor 2, split_reader: scalar
  // 2·2,048 + clear 2,048 + in_0 2·2,048 + in_1 2·2,048 = 14,336 B.
  const hs = (shape: number[], cores: number) =>
    tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [cores, 1] });
  const pool = (date: string, c = 32, input = hs([1, 1, 256, c], 2), outputWidth = c) =>
    est(
      estimateOp(
        op('ttnn.max_pool2d', [input], [hs([1, 1, 64, outputWidth], 2)], poolAttrs(1, 16, 16, c)),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('an L1 height-sharded input: exact at the span ends and inside, approx the day outside either end', () => {
    for (const date of [
      '2025-09-11',
      '2025-11-10',
      '2026-01-13',
      '2026-02-12',
      '2026-04-02',
      '2026-05-07',
      '2026-05-11',
      '2026-06-23',
    ]) {
      const e = pool(date);
      assert.equal(e.confidence, 'exact', date);
      assert.equal(e.cbBytesPerCore, 14_336, date);
      assert.ok(e.citations.some((c) => c.startsWith('read span pool2d-factory-cbs-2025-09')));
    }
    for (const date of ['2025-09-10', '2026-06-24']) {
      const e = pool(date);
      assert.equal(e.confidence, 'approx', date);
      assert.equal(e.cbBytesPerCore, 14_336, date);
    }
  });

  it('max_pool2d_with_indices: approx before PR #29071 (2025-10-28), whose builds also reshard and halo an index tensor', () => {
    // The same 16x16 k3 pool with indices (RM output, H·W 256): the pool program's CBs are 12,288 B of index and pack
    // tiles + scalar 4,096 + clear 2,048 + in_0 / in_1 2 · 2,048 each (one tile per reduction) = 26,624 B either way.
    const out = hs([1, 1, 64, 32], 2);
    const mpwi = (date: string) =>
      est(
        estimateOp(
          op('ttnn.max_pool2d_with_indices', [hs([1, 1, 256, 32], 2)], [out, out], poolAttrs(1, 16, 16, 32)),
          whContext({ ttMetalDate: date }),
        ),
      );
    assert.equal(mpwi('2025-10-27').confidence, 'approx');
    assert.equal(mpwi('2025-10-28').confidence, 'exact');
    for (const date of ['2025-10-27', '2025-10-28']) assert.equal(mpwi(date).cbBytesPerCore, 26_624, date);
  });

  it("auto shard ranks max_pool2d_with_indices with its index shard too: height total = 2 · max pool's − 2,048 B", () => {
    // calculate_L1_usage (pool_utils.cpp@5965834630 .. calculate_pool_cb_sizes@984f529e2f) adds the index output CB,
    // the same sticks as the output shard (S B: 16-channel pages of 2 B values / uint16 indices). 16x16 k3 C 32 from a
    // DRAM input, 2025-12-01: max pool local CBs 14,336 B → 14,336 + S; with indices 26,624 B (+ 5 index tiles and a
    // pack tile, one tile per reduction) → 26,624 + 2S = 2 · (14,336 + S) − 2,048.
    const dram = tensor([1, 1, 256, 32], { page: 'row_major', buffer: 'dram', mem: 'interleaved' });
    const outDram = tensor([1, 1, 64, 32], { page: 'row_major', buffer: 'dram', mem: 'interleaved' });
    const heightTotal = (name: string, results: number) => {
      const reason = est(
        estimateOp(
          op(
            name,
            [dram],
            Array.from({ length: results }, () => outDram),
            poolAttrs(1, 16, 16, 32),
          ),
          whContext({ ttMetalDate: '2025-12-01' }),
        ),
      ).factoryReason;
      return Number(/height ([\d,]+) B/.exec(reason)![1]!.replace(/,/g, ''));
    };
    assert.equal(heightTotal('ttnn.max_pool2d_with_indices', 2), 2 * heightTotal('ttnn.max_pool2d', 1) - 2_048);
  });

  it("approx when an input is assumed: a shard width other than the halo's snapped width, or an interleaved input", () => {
    // C 20 row-major: the halo output is sized at round_up(20, 8) = 24 channels, the input's own shard is 20 wide.
    assert.equal(pool('2026-04-02', 20).confidence, 'approx');
    // C 24: round_up(24, 8) = 24, the input's own width; the pool writes an output shard of round_up(24, 16) = 32
    // channels: exact when the result is that shard, approx when it is 24 wide (tt-metal moves the output to it).
    assert.equal(pool('2026-04-02', 24, hs([1, 1, 256, 24], 2), 32).confidence, 'exact');
    assert.equal(pool('2026-04-02', 24).confidence, 'approx');
    // A DRAM interleaved input is resharded (and DRAM slicing from PR #35774 is not modeled).
    const dram = tensor([1, 1, 256, 32], { page: 'row_major', buffer: 'dram', mem: 'interleaved' });
    assert.equal(pool('2026-04-02', 32, dram).confidence, 'approx');
  });
});

// tt-metal PR #43280 (98acd847ac, 2026-05-08; change point pool-output-face-pad): generic_pools.cpp pads a row-major
// output's channels to whole tiles when the widest channel shard ceil(C / cores_c) ends in a partial tile of 1..15
// channels after more than one face; before (generic_pools.cpp@3ddcbb3538), round_up(C, cores_c · 16). C 40 on one
// channel shard: 40 mod 32 = 8 < 16 and 40 > 16 → round_up(40, 32) = 64 from 05-08, round_up(40, 16) = 48 before.
// The pool's CBs do not move (in_ntiles_c = 2, in_cb 2·32·9 = 576 → 1,024 elements, 2,048 B pages: scalar 4,096 +
// clear 2,048 + in_0 4,096 + in_1 4,096 = 14,336 B); which result shard is the pool's own output does.
// max_pool2d_with_indices' kernel limits by build (pool_op.cpp validate_pool2d with return_indices): exactly 9 sticks at
// 5965834630 (PR #27138), at most 9 from 30ab409cc4 (PR #30329, 2025-10-14), at most 32 from c5d8862c9f (PR #34031,
// 2025-12-18), none from 966d61f815 (PR #35216, 2026-01-29); until then get_factory_parameters also rejects a large
// kernel (pool_utils.cpp@c5d8862c9f: more sticks than 32, or 16 when the shard's last channel tile has at most 16).
describe('estimate/max_pool2d_with_indices kernel limits by build (PRs #27138, #30329, #34031, #35216)', () => {
  const run = (k: number, c: number, date: string) => {
    const hs = (rows: number, width: number) =>
      tensor([1, 1, rows, width], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const out = Math.floor((16 - k) / 1) + 1;
    const attrs = poolAttrs(1, 16, 16, c, { kernel_size: ints(k, k), padding: ints(0, 0), stride: ints(1, 1) });
    const r = estimateOp(
      op('ttnn.max_pool2d_with_indices', [hs(256, c)], [hs(out * out, c), hs(out * out, c)], attrs),
      whContext({ ttMetalDate: date }),
    );
    return r.kind === 'illegal' ? r.rule : r.kind;
  };

  it('a 2x2 kernel: rejected before 2025-10-14 (not 9 sticks), then runs', () => {
    assert.equal(run(2, 32, '2025-10-13'), 'only kernel sizes equal to 9 are supported, got 2x2');
    assert.equal(run(2, 32, '2025-10-14'), 'estimate');
  });

  it('a 4x4 kernel (16 sticks): over 9 until 2025-12-18, then runs', () => {
    assert.equal(run(4, 32, '2025-12-17'), 'only kernel sizes less than or equal to 9 are supported, got 4x4');
    assert.equal(run(4, 32, '2025-12-18'), 'estimate');
  });

  it('a 5x5 kernel (25 sticks) with C 48: large (last tile 16 channels, 25 > 16) until 2026-01-29; with C 64 it runs', () => {
    assert.equal(run(5, 48, '2025-12-18'), 'Currently only small full width max pool is supported with return_indices');
    assert.equal(run(5, 48, '2026-01-29'), 'estimate');
    assert.equal(run(5, 64, '2025-12-18'), 'estimate');
  });
});

describe('estimate/pool2d output shard width by build (PR #43280)', () => {
  const hs = (shape: number[]) =>
    tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
  const pool = (date: string, outputWidth: number) =>
    est(
      estimateOp(
        op('ttnn.max_pool2d', [hs([1, 1, 256, 40])], [hs([1, 1, 64, outputWidth])], poolAttrs(1, 16, 16, 40)),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('C 40: the pool writes 48-wide shards to 05-07 and 64-wide from 05-08; exact only when the result is that shard', () => {
    assert.equal(pool('2026-05-07', 48).confidence, 'exact');
    assert.equal(pool('2026-05-08', 48).confidence, 'approx');
    assert.equal(pool('2026-05-07', 64).confidence, 'approx');
    assert.equal(pool('2026-05-08', 64).confidence, 'exact');
    for (const date of ['2026-05-07', '2026-05-08']) assert.equal(pool(date, 64).cbBytesPerCore, 14_336, date);
    // The tensor-backed output CB holds the pool's shard: 32 sticks · 48 or 64 channels · 2 B.
    const outCb = (date: string) => pool(date, 64).cbs.find((c) => c.role === 'output (sharded)')!;
    assert.equal(outCb('2026-05-07').pageBytes, 32 * 48 * 2);
    assert.equal(outCb('2026-05-08').pageBytes, 32 * 64 * 2);
  });

  it("auto shard ranks a tiled output's shard at C rounded to cores_c · 16 from 05-08: height 22,528 B → 20,480 B", () => {
    // 16x16 DRAM row-major input, C 48, tiled output: height sharded, 64 output sticks rounded to 2 cores · 32 → shard
    // height 32. CBs: scalar 4,096 + clear 2,048 + in_0 / in_1 2 · 2,048 each (in_ntiles_c 2, 576 → 1,024 elements) +
    // pre-tilize 2 tiles 4,096 = 18,432 B. Output shard before: 32 · 64 / 1,024 = 2 tiles = 4,096 B → 22,528 B; from
    // 05-08 (pool_utils.cpp@98acd847ac: round_up(48, 16) = 48, whole tiles rounded down): 32 · 48 / 1,024 = 1.5 → 1 tile
    // = 2,048 B → 20,480 B.
    const dram = tensor([1, 1, 256, 48], { page: 'row_major', buffer: 'dram', mem: 'interleaved' });
    const out = tensor([1, 1, 64, 48], { page: 'tile', buffer: 'dram', mem: 'interleaved' });
    const reason = (date: string) =>
      est(estimateOp(op('ttnn.max_pool2d', [dram], [out], poolAttrs(1, 16, 16, 48)), whContext({ ttMetalDate: date })))
        .factoryReason;
    assert.match(reason('2026-05-07'), /height 22,528 B/);
    assert.match(reason('2026-05-08'), /height 20,480 B/);
  });
});

// tt-metal PR #43305 (761e21dca0, 2026-05-11) built the pool factory as a ProgramDescriptor and created the DRAM-config
// reader-index CB at its worst case while calculate_pool_cb_sizes predicted the config tensor's page; the factory's
// self-check then fails. PR #44064 (09e2e4ab83, 2026-05-12) quotes the failure from CI run 25695898779 on main:
// "Local CB size mismatch: actual 18458 != expected 18452" for test_avg_pool2d_post_commit input [2, 32, 16, 16] (NCHW;
// (1, 1, 512, 32) row-major bf16 in DRAM), k3 s2 p1, count_include_pad False, auto shard, config_tensor_in_dram True.
describe('estimate/pool2d reader-index CB mismatch between PR #43305 and PR #44064', () => {
  const attrs = {
    ...poolAttrs(2, 16, 16, 32),
    count_include_pad: { kind: 'bool', value: false } as PropValue,
    config_tensors_in_dram: { kind: 'bool', value: true } as PropValue,
  };
  const run = (date: string) =>
    estimateOp(
      op(
        'ttnn.avg_pool2d',
        [tensor([1, 1, 512, 32], { page: 'row_major', buffer: 'dram', mem: 'interleaved' })],
        [tensor([1, 1, 128, 32], { page: 'row_major', buffer: 'dram', mem: 'interleaved' })],
        attrs,
      ),
      whContext({ ttMetalDate: date }),
    );

  it("builds of 2026-05-11 fail with PR #44064's figures; the day before and after run", () => {
    // Height sharded: 2·8·8 = 128 output sticks on 64 cores, 2 per core (the PR's max_out_nhw_per_core = 2). Plain sums
    // of the local CBs: scalar 2 · 2,048 and the second reader's scalar 2 · 2,048 (per-element scalars), clear 2,048,
    // in_0 / in_1 2 · 2,048 each (in_cb 32·9 = 288 → 1,024 elements), scalar config at its worst case 2 · 6 = 12 B, and
    // the reader indices: worst case 2 · 6 + 2 = 14 B (the CB) against the page, 8 B (expected, the PR's "actual = 8"):
    // 4,096 + 4,096 + 2,048 + 8,192 + 12 = 18,444; + 14 = 18,458, + 8 = 18,452.
    const r = run('2026-05-11');
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /Local CB size mismatch: actual 18458 != expected 18452/);
    assert.equal(run('2026-05-10').kind, 'estimate');
    assert.equal(run('2026-05-12').kind, 'estimate');
  });
});

// Auto shard's ranking (pool_utils.cpp determine_pool_config_for_auto_shard, from 3380016a0e through 622c6fb9c0):
// get_memconfig sizes the output shard with create_sharded_memory_config_from_parallel_config(…, TILE_HEIGHT) for every
// output layout (N·H·W rounded up to cores_nhw · 32 for height and block sharding, unrounded for width), and
// calculate_L1_usage adds it through align_buffer (round up to the 32 B DRAM alignment on Wormhole).
describe('estimate/pool2d auto shard ranks with the tile-rounded output shard (pool_utils.cpp get_memconfig)', () => {
  it('8x8 k3 s2 p1, C 32, row-major: height 16,384 B, width 14,848 B, block 16,384 B → width on 2 cores', () => {
    // 16 output sticks. CBs of every scheme here (in_ntiles_c 1, 9 rows: 288 → 1,024 elements · 2 B = 2,048 B pages):
    // scalar 2 · 2,048 + clear 2,048 + in_0 2 · 2,048 + in_1 2 · 2,048 = 14,336 B.
    // height: find_closest_largest_divisor_with_num_padding_and_mult(16 rows, 64, 1) = 16 cores; shard height
    //   round_up(16, 16 · 32) / 16 = 32 sticks; out CB 32 · ceil(32 / 16) = 2 pages of 16 · 2 B → 2,048 B → 16,384 B
    //   (the bare quotient, 1 stick, gave 14,400 B and kept height).
    // width: channels in 16s: 2 → 2 cores; in_ntiles_c = ceil(32 / 2 / 32) = 1; 16 sticks · 1 · 16 · 2 B = 512 B → 14,848 B.
    // block: 8 NHW cores × find_closest_largest_divisor(2, 1, 8) = 1 channel core; round_up(16, 8 · 32) / 8 = 32 sticks
    //   · 2 · 16 · 2 B = 2,048 B → 16,384 B.
    const dram = tensor([1, 1, 64, 32], { page: 'row_major' });
    const outDram = tensor([1, 1, 16, 32], { page: 'row_major' });
    const e = est(
      estimateOp(
        op('ttnn.max_pool2d', [dram], [outDram], poolAttrs(1, 8, 8, 32)),
        whContext({ ttMetalDate: '2025-12-01' }),
      ),
    );
    assert.match(e.factoryReason, /height 16,384 B, width 14,848 B, block 16,384 B\) → width_sharded/);
    assert.equal(e.nCoresUsed, 2);
    // The resharded input: 64 sticks (width sharding splits only C) of round_up(32, 2 · 8) / 2 = 16 channels · 2 B.
    assert.equal(e.l1Intermediates?.[0]?.role, 'resharded pool input');
    assert.equal(e.l1Intermediates?.[0]?.bytesPerCore, 64 * 16 * 2);
  });
});

// Read span pool2d-interleaved-input-2025-09 (builds 2025-09-11..2026-02-09): generic_pools.cpp's interleaved path
// (auto shard, to_memory_config into the L1 shard, halo, the reshard freed for a DRAM input, ttnn::move of the halo
// output, the pool program) read at every commit 1a732feedf … 2be027cffe~1; from PR #35774 (2026-02-10) a DRAM input
// goes to the automatic DRAM slicer.
describe('estimate/pool2d on an interleaved input: exact inside read span pool2d-interleaved-input-2025-09', () => {
  // 16x16 k3 s2 p1, C 32 from DRAM: 8x8 = 64 output sticks; height 64 cores (round_up(64, 64 · 32) / 64 = 32 ranking
  // sticks: 14,336 + 2,048 = 16,384 B), width 2 cores (64 · 16 · 2 B = 2,048 → 16,384 B), block 8 × 1 (32 sticks ·
  // 2,048 B → 16,384 B): a tie, height kept.
  const dram = tensor([1, 1, 256, 32], { page: 'row_major' });
  const outDram = tensor([1, 1, 64, 32], { page: 'row_major' });
  const pool = (date: string, input = dram, out = outDram) =>
    est(estimateOp(op('ttnn.max_pool2d', [input], [out], poolAttrs(1, 16, 16, 32)), whContext({ ttMetalDate: date })));

  it('exact 2025-09-11 .. 2026-02-09, approx the day outside either end', () => {
    for (const date of ['2025-09-11', '2025-12-01', '2026-02-09']) {
      const e = pool(date);
      assert.equal(e.confidence, 'exact', date);
      assert.equal(e.nCoresUsed, 64, date);
      assert.equal(e.cbBytesPerCore, 14_336, date);
      assert.ok(
        e.citations.some((c) => c.startsWith('read span pool2d-interleaved-input-2025-09')),
        date,
      );
    }
    for (const date of ['2025-09-10', '2026-02-10']) assert.equal(pool(date).confidence, 'approx', date);
  });

  it('an L1-interleaved input never reaches the DRAM slicer: exact to 2026-06-23 (read span pool2d-l1-interleaved-input-2025-09)', () => {
    // generic_pools.cpp@2be027cffe determine_pool2d_execution_path: an L1 input takes pool2d_L1. The same 64 height
    // shards and 14,336 B of CBs; the DRAM input of the same pool is approx from 2026-02-10.
    const l1 = tensor([1, 1, 256, 32], { page: 'row_major', buffer: 'l1' });
    for (const date of ['2026-02-10', '2026-04-02', '2026-06-23']) {
      const e = pool(date, l1);
      assert.equal(e.confidence, 'exact', date);
      assert.equal(e.cbBytesPerCore, 14_336, date);
      assert.ok(
        e.citations.some((c) => c.startsWith('read span pool2d-l1-interleaved-input-2025-09')),
        date,
      );
      assert.equal(pool(date).confidence, 'approx', date);
    }
    assert.equal(pool('2026-06-24', l1).confidence, 'approx');
    // The L1 input's reshard is held to the end (no DRAM input, no deallocate_input): 256 / 64 = 4 sticks · 64 B.
    const reshard = pool('2026-04-02', l1).l1Intermediates?.[0];
    assert.deepEqual([reshard?.bytesPerCore, reshard?.liveDuringProgram], [4 * 64, true]);
  });

  it("the reshard's interleaved_to_sharded scratch: 4 · 64 B, then 4 · align(64 + 32, 32) = 384 B from 2026-02-03", () => {
    // A resharded row is 32 channels · 2 B = 64 B. Before PR #33905 (change point i2s-scratch-dram-padded) the c_1
    // scratch page is align(64, 32) = 64 B; from it align(64 + 32, 32) = 96 B; four pages each.
    const scratch = (date: string) => pool(date).l1Intermediates?.[0]?.writerProgram;
    assert.equal(scratch('2026-02-02')?.cbBytesPerCore, 4 * 64);
    assert.equal(scratch('2026-02-03')?.cbBytesPerCore, 4 * 96);
    assert.equal(scratch('2026-02-02')?.name, 'reshard (interleaved_to_sharded)');
    // Its CBs on the shard grid: 64 height shards row-wise on 8 columns, (0,0)-(7,7).
    assert.deepEqual(scratch('2026-02-02')?.printedRange, [
      [0, 0],
      [7, 7],
    ]);
  });

  it('approx when more than the read path runs: an L1-interleaved result, a padded channel count, an unflattened input', () => {
    // An L1-interleaved result: the output's move allocates L1 while the pool's tensors are live.
    assert.equal(
      pool('2025-12-01', dram, tensor([1, 1, 64, 32], { page: 'row_major', buffer: 'l1' })).confidence,
      'approx',
    );
    // C 20 row-major on one channel core: round_up(20, 8) = 24, so tt-metal pads the width (a reshape of the padded shape).
    const c20 = est(
      estimateOp(
        op(
          'ttnn.max_pool2d',
          [tensor([1, 1, 256, 20], { page: 'row_major' })],
          [tensor([1, 1, 64, 20], { page: 'row_major' })],
          poolAttrs(1, 16, 16, 20),
        ),
        whContext({ ttMetalDate: '2025-12-01' }),
      ),
    );
    assert.equal(c20.confidence, 'approx');
    // (1, 16, 16, 32): flattened by ttnn::reshape first (not read).
    assert.equal(pool('2025-12-01', tensor([1, 16, 16, 32], { page: 'row_major' })).confidence, 'approx');
  });
});

describe('estimate/avg_pool2d: the per-element scalar config in L1_SMALL (change point avg-pool2d-scalar-config)', () => {
  // 8x8 input, k3 s1 p1, count_include_pad false: output 8x8 = 64 sticks. The pool area (window clipped to the input)
  // is 2 rows at h = 0 and h = 7 (window rows -1..1 and 6..8), 3 rows between; the same along w. So output row 0 (and
  // 7) reads 4, 6, 6, 6, 6, 6, 6, 4 and rows 1..6 read 6, 9, 9, 9, 9, 9, 9, 6.
  const hs = (shape: number[]) =>
    tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [4, 1] });
  const attrs = {
    ...poolAttrs(1, 8, 8, 32),
    stride: ints(1, 1),
    count_include_pad: { kind: 'bool', value: false } as PropValue,
  };
  const avg = (date: string, extra: Record<string, PropValue> = {}) =>
    est(
      estimateOp(
        op('ttnn.avg_pool2d', [hs([1, 1, 64, 32])], [hs([1, 1, 64, 32])], { ...attrs, ...extra }),
        whContext({ ttMetalDate: date }),
      ),
    );

  it('4 height shards of 16 output sticks (2 rows): at most 6 runs, 18 words = 36 B → 48 B per bank, after the reader indices', () => {
    // Core 0, rows 0 and 1: 4 | 6 ×6 | 4 | 6 | 9 ×6 | 6 → 6 runs. Cores 1 and 2 (rows 2-3, 4-5): 6 | 9 ×6 | 6 6 | 9 ×6 |
    // 6 → 5 runs. Core 3 (rows 6, 7): 6 | 9 ×6 | 6 | 4 | 6 ×6 | 4 → 6 runs. max_scalars_cnt 6: 3 · 6 = 18 uint16 words
    // = 36 B, aligned to Wormhole's 16 B L1 alignment: 48 B per bank, on the input's 4 cores.
    const e = avg('2026-03-01');
    assert.deepEqual(e.l1SmallBuffers?.at(-1), { role: 'avg pool scalar config', bytesPerBank: 48, banks: 4 });
    assert.equal(e.l1SmallBuffers?.at(-2)?.role, 'pool reader indices');
  });

  it('none before PR #20513 (2025-06-05), none with one scalar per core, none with config_tensors_in_dram', () => {
    const last = (e: OpEstimate) => e.l1SmallBuffers?.at(-1)?.role;
    assert.equal(last(avg('2025-06-04')), 'pool reader indices');
    // count_include_pad true: every window divides by 9, one scalar per core.
    assert.equal(last(avg('2026-03-01', { count_include_pad: { kind: 'bool', value: true } })), 'pool reader indices');
    assert.equal(
      avg('2026-03-01', { config_tensors_in_dram: { kind: 'bool', value: true } }).l1SmallBuffers,
      undefined,
    );
  });
});
