/**
 * Overflows of one op (each failure kind tt-metal raises, the usable-L1 cap, a rejected configuration), build
 * dependence, and the run's first failure over every function's overflows.
 */

import { strict as assert } from 'assert';
import {
  buildDependence,
  detectOverflow,
  l1BufferTopBytes,
  l1Limits,
  orderOverflows,
  overflowOf,
  walkIntermediates,
} from '../../../server/src/analysis/overflow';
import type { FunctionAnalysis, OpAnalysis, Overflow } from '../../../server/src/analysis/types';
import { estimateOp } from '../../../server/src/estimate/registry';
import { opModelTerms } from '../../../server/src/estimate/opModelTerms';
import {
  type L1Intermediate,
  type OpEstimate,
  type OpEstimateResult,
  illegal,
  unmodeled,
} from '../../../server/src/estimate/types';
import { presetDevice, resolveDevice } from '../../../server/src/ttnn/device';
import { buildDeviceFacts } from '../../../server/src/analysis/deviceFacts';
import { op, tensor, whContext } from '../estimate/build';
import { fnOf } from './fnBuild';

// Wormhole B0: 1,499,136 B of L1 per core; the base set to 100,000 B for round figures, and no L1_SMALL region (a
// device opened with l1_small_size 0) so that L1 buffers reach the L1 size; the region has tests of its own below.
const DEVICE = presetDevice('wormhole_b0_n150', { l1UnreservedBase: 100_000, l1SmallSizeBytes: 0 });
const LIMITS = l1Limits(DEVICE, undefined);

/** A real relu estimate with its CB figure replaced by `cbBytes` (reported on core (1,2), worst on (3,4)). */
function withCbs(cbBytes: number): OpEstimate {
  const base = estimateOp(op('ttnn.relu', [tensor([64, 64])], [tensor([64, 64])]), whContext({ base: 100_000 }));
  assert.equal(base.kind, 'estimate');
  return {
    ...(base as OpEstimate),
    cbBytesPerCore: cbBytes,
    worstCbBytesPerCore: cbBytes,
    cbRegionEndBytes: 100_000 + cbBytes,
    reportedCore: [1, 2],
    worstCore: [3, 4],
  };
}

describe('analysis/overflow', () => {
  describe('the L1_SMALL region (top of every bank; tt-metal l1_banking_allocator.cpp@012dc4e)', () => {
    // tt-mlir's runtime default l1_small_size, 65,536 B: L1 buffers allocate top-down from 1,499,136 − 65,536 =
    // 1,433,600 B, so the allocator's bank is 1,433,600 − 100,000 = 1,333,600 B; CBs still start at the base.
    const small = presetDevice('wormhole_b0_n150', { l1UnreservedBase: 100_000 });
    const smallLimits = l1Limits(small, undefined);

    it('the default device reserves 65,536 B and says where the figure comes from', () => {
      assert.equal(small.l1SmallSizeBytes, 65_536);
      // No build window: the figure without dates (a window's facts name its builds, below).
      assert.match(small.sourceDetail, /L1_SMALL 65,536 B \(tt-mlir runtime default \(tt::constants::L1_SMALL_SIZE/);
      assert.equal(l1BufferTopBytes(small), 1_433_600);
    });

    it('live L1 tensors past the 1,333,600 B bank are exhausted; 1,333,600 B fit', () => {
      const over = detectOverflow(withCbs(0), 1_333_601, smallLimits);
      assert.equal(over?.kind, 'l1BuffersExhausted');
      assert.equal(over?.limitBytes, 1_433_600);
      assert.match(over?.message ?? '', /only 1333600 B lie between the base 100000 B and the L1 buffer top 1433600 B/);
      assert.equal(detectOverflow(withCbs(0), 1_333_600, smallLimits), undefined);
    });

    it('CBs clash with the lowest L1 buffer, 200,000 B below the L1_SMALL region: 1,433,600 − 200,000 = 1,233,600', () => {
      // CB region 100,000 + 1,133,601 = 1,233,601 B ends one byte past the buffer.
      const found = detectOverflow(withCbs(1_133_601), 200_000, smallLimits);
      assert.equal(found?.kind, 'cbClashesWithL1Buffers');
      assert.equal(found?.limitBytes, 1_233_600);
      assert.equal(detectOverflow(withCbs(1_133_600), 200_000, smallLimits), undefined);
    });

    it('with no L1 buffers CBs are checked against the L1 size only (L1_SMALL is not an L1 buffer to tt-metal)', () => {
      // 100,000 + 1,399,136 = 1,499,136: the region ends at the L1 size, over the L1_SMALL region, and tt-metal allows it.
      assert.equal(detectOverflow(withCbs(1_399_136), 0, smallLimits), undefined);
      assert.equal(detectOverflow(withCbs(1_399_137), 0, smallLimits)?.kind, 'cbBeyondL1');
    });

    it('tt-mlir #8110 (2026-04-24, "bank size is 1329888 B"): 1,499,136 − 103,712 base (2026 builds) − 65,536', () => {
      const wormhole2026 = presetDevice('wormhole_b0_n150', { l1UnreservedBase: 103_712 });
      assert.equal(l1BufferTopBytes(wormhole2026) - wormhole2026.l1UnreservedBase, 1_329_888);
    });

    it("the build window dates the runtime's size: 32 KiB before tt-mlir PR #5557 (tt-xla #1722 printed it), 64 KiB after", () => {
      // tt-xla #1722 (2025-10-17): one nightly printed "L1_SMALL buffer ... bank size is only 32768 B" (the L1_SMALL
      // size, independent of the base) and "L1 buffer ... bank size is only 1364928 B". Its build: tt-xla's tt-mlir pin
      // of that day (274a5d02, third_party/CMakeLists.txt) pins tt-metal aba1b931 of 2025-10-02.
      const oct2025 = resolveDevice(undefined, {
        buildFacts: buildDeviceFacts({ earliest: '2025-10-02', latest: '2025-10-02' }),
      });
      assert.equal(oct2025.l1SmallSizeBytes, 32_768);
      // The detail names the builds change point tt-mlir-runtime-l1-small-64k dates (tt-metal 2025-10-28), not the PR's
      // tt-mlir merge day (2025-11-04).
      assert.match(
        oct2025.sourceDetail,
        /L1_SMALL 32,768 B \(tt-mlir runtime default for tt-metal builds before 2025-10-28 \(65,536 B from tt-mlir PR #5557/,
      );
      // With that L1_SMALL the bank gives the dated table's base of that build: 1,499,136 − 32,768 − 1,364,928 = 101,440.
      assert.equal(oct2025.l1UnreservedBase, 101_440);
      assert.equal(l1BufferTopBytes(oct2025) - oct2025.l1UnreservedBase, 1_364_928);
      // tt-xla #3054 (2026-01-30, tt-mlir's tt-metal pin b8fe1f04 of 2026-01-28): bank 1,330,048 B; the base of
      // 2026-01's CB figures (tt-mlir #6754: 1,528,960 − 1,425,408 = 103,552) leaves 1,499,136 − 103,552 − 1,330,048 =
      // 65,536 of L1_SMALL: the default after PR #5557.
      const jan2026 = resolveDevice(undefined, {
        buildFacts: buildDeviceFacts({ earliest: '2026-01-28', latest: '2026-01-28' }),
      });
      assert.equal(jan2026.l1SmallSizeBytes, 65_536);
      assert.equal(l1BufferTopBytes(jan2026) - jan2026.l1UnreservedBase, 1_330_048);
      // tt-mlir #5771 (2025-11-10) printed 1,331,936 = 1,499,136 − 101,664 − 65,536: after PR #5557.
      const nov2025 = resolveDevice(undefined, {
        buildFacts: buildDeviceFacts({ earliest: '2025-11-10', latest: '2025-11-10' }),
      });
      assert.equal(nov2025.l1SmallSizeBytes, 65_536);
      assert.match(
        nov2025.sourceDetail,
        /L1_SMALL 65,536 B \(tt-mlir runtime default for tt-metal builds from 2025-10-28 /,
      );
      // Both sides of change point tt-mlir-runtime-l1-small-64k: tt-mlir PR #5557 (7c09667, 2025-11-04) merged on
      // tt-metal pin 6132b08 (2025-10-27); the next pin (8f0c87a, 2025-11-01) and every later one ran 64 KiB
      // (include/Constants.h: 1 << 15 = 32,768 before, 1 << 16 = 65,536 from the PR).
      const lastOldPin = resolveDevice(undefined, {
        buildFacts: buildDeviceFacts({ earliest: '2025-10-27', latest: '2025-10-27' }),
      });
      assert.equal(lastOldPin.l1SmallSizeBytes, 1 << 15);
      assert.equal(
        resolveDevice(undefined, { buildFacts: buildDeviceFacts({ earliest: '2025-10-28', latest: '2025-10-28' }) })
          .l1SmallSizeBytes,
        1 << 16,
      );
      // The L1 bank the allocator reports on 10-27: 1,499,136 − 101,664 (Wormhole base of 2025-10-17..11-11, tt-mlir
      // #5771's bank 1,331,936 + 65,536 off 1,499,136) − 32,768 = 1,364,704.
      assert.equal(lastOldPin.l1UnreservedBase, 1_499_136 - 1_331_936 - 65_536);
      assert.equal(l1BufferTopBytes(lastOldPin) - lastOldPin.l1UnreservedBase, 1_499_136 - 101_664 - 32_768);
      // A window reaching past the PR keeps 64 KiB (the smaller bank); an override beats the date.
      const straddling = { earliest: '2025-10-01', latest: '2025-12-01' };
      assert.equal(resolveDevice(undefined, { buildFacts: buildDeviceFacts(straddling) }).l1SmallSizeBytes, 65_536);
      assert.equal(
        resolveDevice(undefined, {
          buildFacts: buildDeviceFacts({ earliest: '2025-09-24', latest: '2025-09-24' }),
          l1SmallSizeBytes: 0,
        }).l1SmallSizeBytes,
        0,
      );
    });

    it('an override replaces the size: 32,768 B (tt-mlir before PR #5557) leaves a 1,366,368 B bank', () => {
      const older = presetDevice('wormhole_b0_n150', { l1UnreservedBase: 100_000, l1SmallSizeBytes: 32_768 });
      assert.match(older.sourceDetail, /L1_SMALL 32,768 B \(overridden\)/);
      // 1,499,136 − 32,768 − 100,000 = 1,366,368
      const limits = l1Limits(older, undefined);
      assert.equal(detectOverflow(withCbs(0), 1_366_368, limits), undefined);
      assert.equal(detectOverflow(withCbs(0), 1_366_369, limits)?.kind, 'l1BuffersExhausted');
    });
  });

  it('CBs past the L1 size: 100,000 + 1,400,000 = 1,500,000 > 1,499,136, worded like tt-metal of the build', () => {
    // Core (1,2) as tt-umd's xy_pair::str() printed it: "(x=1,y=2)" (xy_pair.cpp@fb6ce5c), "1-2" from PR #2397
    // (xy_pair.cpp@82ae50d, change point corerange-str-dash); CoreRange::str() is "[" start " - " end "]".
    const before = l1Limits(DEVICE, undefined, { earliest: '2026-03-01', latest: '2026-03-01' });
    const found = detectOverflow(withCbs(1_400_000), 0, before);
    assert.equal(found?.kind, 'cbBeyondL1');
    assert.equal(found?.cbRegionEndBytes, 1_500_000);
    assert.equal(found?.limitBytes, 1_499_136);
    assert.equal(
      found?.message,
      'Statically allocated circular buffers on core range [(x=1,y=2) - (x=1,y=2)] grow to 1500000 B which is beyond max L1 size of 1499136 B',
    );
    const after = l1Limits(DEVICE, undefined, { earliest: '2026-08-01', latest: '2026-08-01' });
    assert.equal(
      detectOverflow(withCbs(1_400_000), 0, after)?.message,
      'Statically allocated circular buffers on core range [1-2 - 1-2] grow to 1500000 B which is beyond max L1 size of 1499136 B',
    );
  });

  describe('buffer word: "circular", or "dataflow" for a factory whose Metal 2.0 port the build has', () => {
    // tt-metal checks a program's CBs in validate_circular_buffer_region and its dataflow buffers in
    // validate_dataflow_buffer_region (dataflow_buffer.cpp, search index id 52496776900); a program has one or the other.
    // Figures as the tests around: CBs of 1,400,000 B end at 100,000 + 1,400,000 = 1,500,000 > 1,499,136; CBs of
    // 1,300,000 B end at 1,400,000, above the lowest L1 buffer at 1,499,136 − 200,000 = 1,299,136.
    const on = (date: string) => l1Limits(DEVICE, undefined, { earliest: date, latest: date });
    const factory = (est: OpEstimate, name: string): OpEstimate => ({ ...est, factory: name });
    const pad = 'PadRmReaderWriterMultiCoreProgramFactory';
    const beyond = (word: string) =>
      `Statically allocated ${word} buffers on core range [1-2 - 1-2] grow to 1500000 B which is beyond max L1 size of 1499136 B`;
    const clash = (word: string) =>
      `Statically allocated ${word} buffers clash with L1 buffers on core range [1-2 - 1-2]. L1 buffer allocated at 1299136 and static ${word} buffer region ends at 1400000`;

    it('an unported factory reads "circular" on every build, as tt-metal #54876 printed on 2026-08-30', () => {
      // #54876: "Statically allocated circular buffers in program 2282 clash with L1 buffers on core range [0-0 - 10-9].
      // L1 buffer allocated at 1563072 and static circular buffer region ends at 1563264" (we print no program id).
      for (const date of ['2026-08-30', '2026-11-30']) {
        assert.equal(detectOverflow(withCbs(1_300_000), 200_000, on(date))?.message, clash('circular'));
        assert.equal(detectOverflow(withCbs(1_400_000), 0, on(date))?.message, beyond('circular'));
      }
    });

    it('ttnn.pad: "circular" before PR #54214 (≈2026-09-01), "dataflow" after (#56133, 2026-09-10), both kinds', () => {
      assert.equal(detectOverflow(factory(withCbs(1_400_000), pad), 0, on('2026-08-20'))?.message, beyond('circular'));
      assert.equal(
        detectOverflow(factory(withCbs(1_300_000), pad), 200_000, on('2026-08-20'))?.message,
        clash('circular'),
      );
      assert.equal(detectOverflow(factory(withCbs(1_400_000), pad), 0, on('2026-09-10'))?.message, beyond('dataflow'));
      assert.equal(
        detectOverflow(factory(withCbs(1_300_000), pad), 200_000, on('2026-09-10'))?.message,
        clash('dataflow'),
      );
    });

    it('layernorm_distributed: "dataflow" from PR #52006 (≈2026-08-15; #54697 of 2026-08-28 prints it)', () => {
      const pre = (cbs: number) => factory(withCbs(cbs), 'LayerNormPreAllGatherProgramFactory');
      assert.equal(detectOverflow(pre(1_400_000), 0, on('2026-08-01'))?.message, beyond('circular'));
      assert.equal(detectOverflow(pre(1_400_000), 0, on('2026-08-28'))?.message, beyond('dataflow'));
    });

    // The Metal 2.0 ports placed since, read from each PR's thread (issues corpus: every one "merged"; the day of the
    // opening, the merge day not being read): the PR, that day, and the programs it ported as our estimators name them.
    // A build the day before prints "circular", a build of the day "dataflow", for both messages; the factories the PR
    // says it leaves on CBs (the last column) still print "circular" that day.
    const ports: readonly [pr: number, opened: string, ported: readonly string[], leftOnCbs: readonly string[]][] = [
      [51096, '2026-07-24', ['ProdAllProgramFactory', 'ProdNcProgramFactory'], []],
      [
        51095,
        '2026-07-24',
        [
          'PermuteDeviceOperation::MultiCoreRowInvariant',
          'PermuteDeviceOperation::MultiCoreBlockedGeneric',
          'PermuteDeviceOperation::MultiCoreTileInvariant',
          'PermuteDeviceOperation::MultiCoreTileRowInvariant',
          'PermuteDeviceOperation::MultiCoreTiledGeneric',
        ],
        [],
      ],
      [51068, '2026-07-24', ['RepeatProgramFactory (row-major)'], []],
      [51490, '2026-07-29', ['RotaryEmbeddingLlamaMultiCore', 'RotaryEmbeddingLlamaMultiCoreSharded'], []],
      [
        51753,
        '2026-07-31',
        [
          'SoftmaxProgramFactoryAttentionOptimized',
          'SoftmaxProgramFactoryAttentionOptimized (large kernel)',
          'SoftmaxProgramFactoryGeneralHSmall',
          'SoftmaxProgramFactoryGeneralHLarge',
        ],
        [],
      ],
      [
        51778,
        '2026-07-31',
        [
          'ReduceSingleCoreHwProgramFactory',
          'ReduceMultiCoreHProgramFactory',
          'ReduceMultiCoreHProgramFactory (width sharded)',
          'ReduceMultiCoreWProgramFactory',
          'ReduceMultiCoreWProgramFactory (height sharded)',
        ],
        [],
      ],
      [
        51743,
        '2026-07-31',
        ['TilizeWithValPaddingMultiCoreInterleavedProgramFactory'],
        ['TilizeWithValPaddingMultiCoreBlockInterleavedProgramFactory'],
      ],
      [51974, '2026-08-03', ['BatchNormFactory', 'RunningStatisticsFactory'], []],
      [52503, '2026-08-07', ['UpsampleMultiCoreInterleavedProgramFactory'], ['UpsampleBilinearProgramFactory']],
      [53425, '2026-08-17', ['EmbeddingsRMProgramFactory'], ['EmbeddingsFusedProgramFactory']],
      [
        53570,
        '2026-08-18',
        ['CopyDeviceOperation (default row-major)', 'CopyDeviceOperation (default tilized)'],
        ['CopyDeviceOperation'],
      ],
      [
        53586,
        '2026-08-18',
        [
          'UntilizeSingleCoreProgramFactory',
          'UntilizeMultiCoreProgramFactory',
          'UntilizeMultiCoreParallelizeColumnProgramFactory',
        ],
        ['UntilizeMultiCoreBlockProgramFactory', 'UntilizeCodegenProgramFactory'],
      ],
      [54202, '2026-08-24', ['ReshapeRMProgramFactory', 'ReshapeTiledProgramFactory'], []],
      [54193, '2026-08-24', ['UpdateCacheMultiCoreProgramFactory', 'FillCacheMultiCoreProgramFactory'], []],
      [54212, '2026-08-24', ['ArgMaxSingleCoreProgramFactory', 'ArgMaxMultiCoreProgramFactory'], []],
      [
        54363,
        '2026-08-25',
        [
          'LayerNormMultiCoreProgramFactory',
          'LayerNormMultiCoreProgramFactory (large-tensor kernel)',
          'LayerNormShardedProgramFactory',
        ],
        [],
      ],
      [54333, '2026-08-25', ['TransposeWHProgramFactory', 'TransposeHCTiledInterleavedProgramFactory'], []],
      [
        54651,
        '2026-08-27',
        ['ConcatProgramFactory', 'ConcatS2SRMProgramFactory', 'ConcatS2STiledProgramFactory'],
        ['ConcatS2SMultiProgramFactory', 'ConcatS2IProgramFactory', 'ConcatBlockShardedProgramFactory'],
      ],
      [54782, '2026-08-28', ['NLPConcatHeadsProgramFactory'], ['NLPConcatHeadsDecodeProgramFactory']],
      // #55224 ports MatmulMultiCoreProgramFactory alone, which runs the non-reuse MatmulMultiCoreProgramConfig (our
      // matmul factory name is the config kind); the 2D mcast factory's port, #56761, is still open.
      [
        55224,
        '2026-09-02',
        ['MatmulMultiCoreProgramConfig'],
        ['MatmulMultiCoreReuseMultiCastProgramConfig', 'MatmulMultiCoreReuseMultiCast1DProgramConfig'],
      ],
      [55961, '2026-09-09', ['MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig'], []],
      [56022, '2026-09-09', ['PagedFillCacheProgramFactory', 'PagedUpdateCacheProgramFactory'], []],
      [
        56494,
        '2026-09-14',
        [
          'SliceTileProgramFactory',
          'SliceRmProgramFactory',
          'SliceRmProgramFactory (sub-row chunks)',
          'SliceRmStrideProgramFactory',
        ],
        [],
      ],
      // The only interleaved_to_sharded factory: tt-metal #54621 (2026-08-27) still printed "circular" for it.
      [56447, '2026-09-14', ['InterleavedToShardedProgramFactory'], []],
      [56666, '2026-09-15', ['MatmulMultiCoreReuseProgramConfig'], ['MatmulMultiCoreReuseMultiCastProgramConfig']],
      [
        56836,
        '2026-09-17',
        ['MatmulMultiCoreReuseMultiCast1DProgramConfig'],
        ['MatmulMultiCoreReuseMultiCastProgramConfig'],
      ],
    ];
    for (const [pr, opened, ported, leftOnCbs] of ports) {
      it(`PR #${pr} (opened ${opened}): ${ported.join(', ')} read "dataflow" from it, "circular" the day before`, () => {
        const dayBefore = new Date(Date.parse(opened) - 86_400_000).toISOString().slice(0, 10);
        for (const name of ported) {
          assert.equal(
            detectOverflow(factory(withCbs(1_400_000), name), 0, on(dayBefore))?.message,
            beyond('circular'),
          );
          assert.equal(detectOverflow(factory(withCbs(1_400_000), name), 0, on(opened))?.message, beyond('dataflow'));
          assert.equal(
            detectOverflow(factory(withCbs(1_300_000), name), 200_000, on(opened))?.message,
            clash('dataflow'),
          );
        }
        for (const name of leftOnCbs)
          assert.equal(detectOverflow(factory(withCbs(1_400_000), name), 0, on(opened))?.message, beyond('circular'));
      });
    }

    it("conv2d's 1x1 matmul is worded by the matmul program it runs: 1D mcast from PR #56836, the 2D not yet", () => {
      // conv2d runs a 1x1 stride-1 conv as ttnn::matmul with a 1D (height sharded) or 2D mcast config
      // (conv2d_utils.cpp determine_matmul_op_config_from_conv_op_config); the 1D factory's port is dated ≈2026-09-17,
      // the 2D factory's (#56761) is open.
      const conv = (est: OpEstimate, kind: string): OpEstimate => ({
        ...est,
        factory: `conv2d → matmul (${kind.replace('ProgramConfig', '')})`,
        programFactory: kind,
      });
      const oneD = conv(withCbs(1_400_000), 'MatmulMultiCoreReuseMultiCast1DProgramConfig');
      const twoD = conv(withCbs(1_400_000), 'MatmulMultiCoreReuseMultiCastProgramConfig');
      assert.equal(detectOverflow(oneD, 0, on('2026-09-16'))?.message, beyond('circular'));
      assert.equal(detectOverflow(oneD, 0, on('2026-09-17'))?.message, beyond('dataflow'));
      assert.equal(detectOverflow(twoD, 0, on('2026-11-30'))?.message, beyond('circular'));
    });

    it('a window straddling the port is worded for its newest build, like the core range', () => {
      const straddling = l1Limits(DEVICE, undefined, { earliest: '2026-08-20', latest: '2026-09-10' });
      assert.equal(detectOverflow(factory(withCbs(1_400_000), pad), 0, straddling)?.message, beyond('dataflow'));
      assert.equal(detectOverflow(factory(withCbs(1_400_000), pad), 0, LIMITS)?.message.split(' ')[2], 'dataflow');
    });

    it('a split estimate is worded for the sub-window it reports: a figure only pre-port builds have reads "circular"', () => {
      // The window runs past PR #54214 (≈2026-09-01), but 1,400,000 B of CBs is the figure of builds to 2026-08-25 only
      // (a later sub-window has 500,000 B): those builds' pad programs hold CBs.
      const window = { earliest: '2026-08-01', latest: '2026-09-30' };
      const subWindow = (earliest: string, latest: string, worst: number) => ({
        window: { earliest, latest },
        kind: 'estimate' as const,
        worstCbBytesPerCore: worst,
        cbRegionEndBytes: 100_000 + worst,
      });
      const prePortOnly: OpEstimate = {
        ...factory(withCbs(1_400_000), pad),
        versionRange: {
          changePoints: [],
          figures: [subWindow('2026-08-01', '2026-08-25', 1_400_000), subWindow('2026-08-26', '2026-09-30', 500_000)],
        },
      };
      const message = detectOverflow(prePortOnly, 0, l1Limits(DEVICE, undefined, window))?.message ?? '';
      assert.equal(message.split(' ')[2], 'circular');
    });
  });

  it('a split estimate prints its range in the style of the sub-window it reports (corerange-str-dash, ≈2026-05-01)', () => {
    // The analysis window runs to 2026-11 (dash style), but 1,500,000 B of CBs is the figure of builds up to 2025-11-05
    // only (a later sub-window has 500,000 B): those builds print "(x=1,y=2)" (xy_pair.cpp@fb6ce5c).
    const window = { earliest: '2025-06-01', latest: '2026-11-30' };
    const limits = l1Limits(DEVICE, undefined, window);
    const figure = (earliest: string, latest: string, worst: number) => ({
      window: { earliest, latest },
      kind: 'estimate' as const,
      worstCbBytesPerCore: worst,
      cbRegionEndBytes: 100_000 + worst,
    });
    const oldOnly: OpEstimate = {
      ...withCbs(1_400_000),
      versionRange: {
        changePoints: [],
        figures: [figure('2025-06-01', '2025-11-05', 1_400_000), figure('2025-11-06', '2026-11-30', 500_000)],
      },
    };
    assert.match(detectOverflow(oldOnly, 0, limits)?.message ?? '', /core range \[\(x=1,y=2\) - \(x=1,y=2\)\]/);
    // Tied figures: the estimate (and its range) is the first sub-window's (registry.ts combineWindows), builds to
    // 2026-02-23, which print "(x=1,y=2)", even though later builds of the same figure print "1-2".
    const tied: OpEstimate = {
      ...oldOnly,
      versionRange: {
        changePoints: [],
        figures: [
          figure('2025-06-01', '2026-02-23', 1_400_000),
          figure('2026-02-24', '2026-07-05', 1_400_000),
          figure('2026-07-06', '2026-11-30', 500_000),
        ],
      },
    };
    assert.match(detectOverflow(tied, 0, limits)?.message ?? '', /core range \[\(x=1,y=2\) - \(x=1,y=2\)\]/);
    // The reported sub-window 2026-02-24..2026-07-05 straddles 2026-05-01: its newest builds answer, "1-2".
    const straddling: OpEstimate = {
      ...oldOnly,
      versionRange: {
        changePoints: [],
        figures: [figure('2025-06-01', '2026-02-23', 500_000), figure('2026-02-24', '2026-07-05', 1_400_000)],
      },
    };
    assert.match(detectOverflow(straddling, 0, limits)?.message ?? '', /core range \[1-2 - 1-2\]/);
  });

  it('CBs clashing with live L1 buffers: the lowest buffer sits at 1,499,136 − 200,000 = 1,299,136 < 1,400,000', () => {
    const found = detectOverflow(withCbs(1_300_000), 200_000, LIMITS);
    assert.equal(found?.kind, 'cbClashesWithL1Buffers');
    assert.equal(found?.limitBytes, 1_299_136);
    assert.match(
      found?.message ?? '',
      /L1 buffer allocated at 1299136 and static circular buffer region ends at 1400000$/,
    );
    // With 99,136 B live the lowest buffer sits at 1,400,000, exactly where the region ends: it fits.
    assert.equal(detectOverflow(withCbs(1_300_000), 99_136, LIMITS), undefined);
  });

  it('live L1 tensors alone past l1_size − base: allocator exhaustion, unless the op allocates nothing', () => {
    const live = 1_399_137; // 100,000 + 1,399,137 = 1,499,137 > 1,499,136
    assert.equal(detectOverflow(withCbs(0), live, LIMITS)?.kind, 'l1BuffersExhausted');
    assert.equal(detectOverflow(unmodeled('ttnn.foo', 'test'), live, LIMITS)?.kind, 'l1BuffersExhausted');
    const deallocate: OpEstimateResult = {
      kind: 'noProgram',
      opName: 'ttnn.deallocate',
      reason: 'test',
      l1TensorBytesPerCore: 0,
      outputs: [],
    };
    assert.equal(detectOverflow(deallocate, live, LIMITS), undefined);
    assert.equal(detectOverflow(unmodeled('ttnn.foo', 'test'), live - 1, LIMITS), undefined);
  });

  it('a rejected configuration is opIllegal before anything else, with the rule and its source', () => {
    const found = detectOverflow(
      illegal('ttnn.relu', 'Input and output must match', 'tt-metal x.cpp@abc'),
      2_000_000,
      LIMITS,
    );
    assert.deepEqual(found, {
      kind: 'opIllegal',
      cbRegionEndBytes: 0,
      limitBytes: 0,
      core: [0, 0],
      message: 'TT_FATAL: Input and output must match (tt-metal x.cpp@abc)',
    });
  });

  it("ops of one rejected estimate share one provisional overflow, whatever their live L1, equal to detectOverflow's", () => {
    const rejected = illegal('ttnn.relu', 'Input and output must match', 'tt-metal x.cpp@abc');
    const window = {
      window: { earliest: '2025-11-27', latest: '2025-11-27' },
      source: 'configured' as const,
      how: 'test',
    };
    const first = overflowOf(rejected, 0, LIMITS, window);
    assert.deepEqual(first, { ...detectOverflow(rejected, 0, LIMITS), status: 'notReached' });
    assert.equal(overflowOf(rejected, 2_000_000, LIMITS, window), first);
    assert.equal(overflowOf(rejected, 0, l1Limits(DEVICE, 0.5), window), first);
    // An equal estimate made apart gives an equal record of its own.
    const again = illegal('ttnn.relu', 'Input and output must match', 'tt-metal x.cpp@abc');
    assert.deepEqual(overflowOf(again, 0, LIMITS, window), first);
    assert.notEqual(overflowOf(again, 0, LIMITS, window), first);
  });

  it('the usable-L1 cap: 0.5 of 1,399,136 = 699,568 B; CBs + live tensors above it warn', () => {
    const half = l1Limits(DEVICE, 0.5);
    assert.equal(half.capLimit, 699_568);
    assert.equal(detectOverflow(withCbs(600_000), 100_000, half)?.kind, 'overUsableCap');
    assert.equal(detectOverflow(withCbs(599_000), 100_000, half), undefined);
    // Caps outside (0, 1] are tt-metal's own limit.
    assert.equal(l1Limits(DEVICE, 0).cap, 1);
    assert.equal(l1Limits(DEVICE, 1.5).cap, 1);
  });

  it('an overflow that fits in some sub-windows of a known window is build-dependent; with no build information it is not', () => {
    const range = {
      changePoints: ['tilize-untilize-sub-block' as const],
      figures: [
        {
          window: { earliest: '2025-11-01', latest: '2026-02-23' },
          kind: 'estimate' as const,
          worstCbBytesPerCore: 1_400_000,
        },
        {
          window: { earliest: '2026-02-24', latest: '2026-06-01' },
          kind: 'estimate' as const,
          worstCbBytesPerCore: 500_000,
        },
      ],
    };
    const dependence = buildDependence(range, DEVICE, 0);
    assert.deepEqual(dependence?.failsIn, [range.figures[0]!.window]);
    assert.deepEqual(dependence?.fitsIn, [range.figures[1]!.window]);
    const est = { ...withCbs(1_400_000), versionRange: range };
    const known = {
      window: { earliest: '2025-11-01', latest: '2026-06-01' },
      source: 'configured' as const,
      how: 'test',
    };
    assert.ok(overflowOf(est, 0, LIMITS, known)?.buildDependent !== undefined);
    assert.equal(overflowOf(est, 0, LIMITS, { ...known, source: 'none' })?.buildDependent, undefined);
  });

  it("an op's own tensor not held during its program is freed once the next one exists (a conv's resharded input)", () => {
    // 1,399,136 B between base and L1 size. Reshard 600,000, then halo 700,000 (1,300,000 held: fits); the reshard is
    // freed; the conv output 500,000 joins the halo (1,200,000) and 150,000 B of CBs end at 1,450,000 ≤ 1,499,136.
    const tensors = [
      { role: 'resharded conv input', bytesPerCore: 600_000, liveDuringProgram: false },
      { role: 'halo output', bytesPerCore: 700_000, liveDuringProgram: true },
      { role: 'conv output shard', bytesPerCore: 500_000, liveDuringProgram: true },
    ];
    assert.equal(detectOverflow({ ...withCbs(150_000), l1Intermediates: tensors }, 0, LIMITS), undefined);
    // Held, the reshard would leave 99,136 B for the 500,000 B output: the third allocation fails with 1,300,000 B before.
    const held = tensors.map((t) => ({ ...t, liveDuringProgram: true }));
    const found = detectOverflow({ ...withCbs(150_000), l1Intermediates: held }, 0, LIMITS);
    assert.deepEqual(found?.failedAllocation, {
      role: 'conv output shard',
      bytesPerCore: 500_000,
      allocatedBeforeBytes: 1_300_000,
      banks: 4,
      bufferBytes: 2_000_000,
    });
    // tt-metal's allocator line: the 4-core buffer whole (4 · 500,000 B), the bank 1,399,136 B (no L1_SMALL here).
    assert.ok(
      found?.message.startsWith(
        'Out of Memory: Not enough space to allocate 2000000 B L1 buffer across 4 banks, where each bank needs to store 500000 B',
      ),
      found?.message,
    );
  });

  it("a sub-window's figure fails at its own tensors even when its CBs fit (the verdict is not build-dependent)", () => {
    const halo = [{ role: 'halo output', bytesPerCore: 1_400_000, liveDuringProgram: true }];
    const range = {
      changePoints: ['conv2d-auto-shard-keeps-act-block-h' as const],
      figures: [
        {
          window: { earliest: '2025-06-01', latest: '2025-11-13' },
          kind: 'estimate' as const,
          worstCbBytesPerCore: 200_000,
          l1Intermediates: halo,
          l1TensorBytesPerCore: 0,
        },
        {
          window: { earliest: '2025-11-14', latest: '2026-06-01' },
          kind: 'estimate' as const,
          worstCbBytesPerCore: 3_000_000,
          l1Intermediates: halo,
          l1TensorBytesPerCore: 0,
        },
      ],
    };
    // 1,400,000 B > 1,399,136 B: both sub-windows fail, so no build dependence.
    assert.equal(buildDependence(range, DEVICE, 0), undefined);
  });

  describe("an op's own L1 tensors: holes left by freed ones, and the halo program's CBs", () => {
    // No L1_SMALL: L1 buffers fill down from 1,499,136 B; CBs start at 100,000 B. The op: a resharded input R of
    // 400,000 B freed once the halo output H (300,000 B) exists, then its 200,000 B output (live around it: 200,000).
    const withTensors = (cbBytes: number, holeAfterR: boolean, haloCbs?: number): OpEstimate => ({
      ...withCbs(cbBytes),
      l1TensorBytesPerCore: 200_000,
      l1Intermediates: [
        { role: 'R', bytesPerCore: 400_000, liveDuringProgram: false, ...(holeAfterR && { freedLeavesHole: true }) },
        {
          role: 'H',
          bytesPerCore: 300_000,
          liveDuringProgram: true,
          ...(haloCbs !== undefined && { writerProgram: { name: 'halo', cbBytesPerCore: haloCbs } }),
        },
      ],
    });
    it('H moved up over the freed R (packed): the lowest buffer is 1,499,136 − 300,000 − 200,000 = 999,136', () => {
      assert.equal(detectOverflow(withTensors(899_136, false), 200_000, LIMITS), undefined);
      const o = detectOverflow(withTensors(899_137, false), 200_000, LIMITS);
      assert.deepEqual([o?.kind, o?.limitBytes], ['cbClashesWithL1Buffers', 999_136]);
    });
    it('H left below the hole R leaves: the output fills the hole, the lowest buffer is 1,499,136 − 700,000 = 799,136', () => {
      // R at [1,099,136, 1,499,136), H below at [799,136, 1,099,136); R freed; the 200,000 B output fits into R's place.
      assert.equal(detectOverflow(withTensors(699_136, true), 200_000, LIMITS), undefined);
      const o = detectOverflow(withTensors(699_137, true), 200_000, LIMITS);
      assert.deepEqual([o?.kind, o?.limitBytes, o?.cbRegionEndBytes], ['cbClashesWithL1Buffers', 799_136, 799_137]);
    });
    it("the halo program's CBs run with R and H both allocated: they must end below 1,499,136 − 700,000 = 799,136", () => {
      // The op's own CBs (1,000 B) fit; the halo's 699,137 B end at 799,137.
      assert.equal(detectOverflow(withTensors(1_000, false, 699_136), 200_000, LIMITS), undefined);
      const o = detectOverflow(withTensors(1_000, false, 699_137), 200_000, LIMITS);
      assert.deepEqual(
        [o?.kind, o?.limitBytes, o?.cbRegionEndBytes, o?.failedProgram],
        [
          'cbClashesWithL1Buffers',
          799_136,
          799_137,
          { name: 'halo', cbBytesPerCore: 699_137, writes: 'H', liveL1BufferBytes: 700_000 },
        ],
      );
      // tt-metal's line names no program; failedProgram (above) says it was the halo's.
      assert.match(o?.message ?? '', /^Statically allocated circular buffers clash with L1 buffers on core range/);
    });
    it('the hole merges with the buffer freed under it: the lowest buffer is 1,499,136 − 300,000 = 1,199,136', () => {
      // tt-metal free_list_opt.cpp@4027cab (deallocate: a freed block merges with its free neighbours; the lowest occupied
      // address is then looked up among allocated blocks; allocate top-down takes the top of the free block).
      // R1 400,000 B at [1,099,136, 1,499,136); R2 300,000 B below at [799,136, 1,099,136); R1 freed: a hole. R3
      // 100,000 B (held) goes to the top of the hole, [1,399,136, 1,499,136). R2 freed: the rest of the hole and R2's
      // bytes are one free block [0, 1,399,136). The 200,000 B output takes its top, [1,199,136, 1,399,136): CBs end
      // by 1,199,136 (1,099,136 B of them from 100,000). Kept as a hole, the lowest buffer would be 1,099,136.
      const est = (cbBytes: number): OpEstimate => ({
        ...withCbs(cbBytes),
        l1TensorBytesPerCore: 200_000,
        l1Intermediates: [
          { role: 'R1', bytesPerCore: 400_000, liveDuringProgram: false, freedLeavesHole: true },
          { role: 'R2', bytesPerCore: 300_000, liveDuringProgram: false },
          { role: 'R3', bytesPerCore: 100_000, liveDuringProgram: true },
        ],
      });
      assert.equal(detectOverflow(est(1_099_136), 200_000, LIMITS), undefined);
      const o = detectOverflow(est(1_099_137), 200_000, LIMITS);
      assert.deepEqual([o?.kind, o?.limitBytes, o?.cbRegionEndBytes], ['cbClashesWithL1Buffers', 1_199_136, 1_199_137]);
    });
  });

  describe("a composite's programs, each checked where it runs", () => {
    // No L1_SMALL: L1 buffers fill down from 1,499,136 B; CBs start at 100,000 B. Live at the op: its 100,000 B input
    // and its 200,000 B output. The reported (largest) program runs first and writes a DRAM result (0 B): then only
    // the input is allocated, the lowest buffer at 1,499,136 − 100,000 = 1,399,136 ≥ 100,000 + 1,250,000. The last
    // program runs once the output exists: lowest buffer 1,499,136 − 300,000 = 1,199,136.
    const composite = (lastCbBytes: number, firstCbBytes = 1_250_000, outputBytes = 200_000): OpEstimate => ({
      ...withCbs(1_250_000),
      l1TensorBytesPerCore: outputBytes,
      l1Intermediates: [
        {
          role: 'result of first',
          bytesPerCore: 0,
          liveDuringProgram: true,
          writerProgram: { name: 'first', cbBytesPerCore: firstCbBytes },
        },
      ],
      lastProgram: {
        name: 'last',
        cbBytesPerCore: lastCbBytes,
        printedRange: [
          [0, 0],
          [7, 7],
        ],
      },
    });
    it('the reported figure is checked at its own step, not with the output allocated (1,350,000 ≤ 1,399,136)', () => {
      assert.equal(detectOverflow(composite(1_099_136), 300_000, LIMITS), undefined);
    });
    it('the last program clashes with the output: 100,000 + 1,099,137 = 1,199,137 > 1,199,136', () => {
      const o = detectOverflow(composite(1_099_137), 300_000, LIMITS);
      assert.deepEqual([o?.kind, o?.limitBytes, o?.cbRegionEndBytes], ['cbClashesWithL1Buffers', 1_199_136, 1_199_137]);
      assert.match(
        o?.message ?? '',
        /^Statically allocated \w+ buffers clash with L1 buffers on core range \[0-0 - 7-7\]/,
      );
      // The Why names the program that clashed (diagnostics.ts whyText), not the reported 1,250,000 B one.
      assert.deepEqual(o?.failedProgram, {
        name: 'last',
        cbBytesPerCore: 1_099_137,
        writes: "op's result",
        liveL1BufferBytes: 300_000,
      });
    });
    it('with no L1 buffer live the first program is checked against the L1 size: 1,399,137 CB bytes end past it', () => {
      // Nothing in L1 (a DRAM input and output): 100,000 + 1,399,136 = 1,499,136 fits; one byte more is beyond L1.
      const dram = (cb: number): OpEstimate => composite(1_000, cb, 0);
      assert.equal(detectOverflow(dram(1_399_136), 0, LIMITS), undefined);
      assert.equal(detectOverflow(dram(1_399_137), 0, LIMITS)?.kind, 'cbBeyondL1');
    });
    it('an earlier program with no L1 buffer live ends over L1_SMALL and fits; with one, it clashes below L1_SMALL', () => {
      // tt-mlir's default L1_SMALL of 65,536 B: L1 buffers fill down from 1,499,136 − 65,536 = 1,433,600. The first
      // program's CBs 1,350,000 end at 100,000 + 1,350,000 = 1,450,000: past the L1 buffer top, inside the L1 size.
      // tt-metal checks a region against the lowest occupied L1 (bank) address only when there is one, else only
      // against the L1 size (program.cpp validate_circular_buffer_region; the L1_SMALL bank is not consulted): fits.
      // With the op's 32,768 B input in L1 the lowest buffer is at 1,433,600 − 32,768 = 1,400,832 < 1,450,000.
      const small = l1Limits(presetDevice('wormhole_b0_n150', { l1UnreservedBase: 100_000 }), undefined);
      const first = composite(1_000, 1_350_000, 0);
      assert.equal(detectOverflow(first, 0, small), undefined);
      const o = detectOverflow(first, 32_768, small);
      assert.deepEqual(
        [o?.kind, o?.limitBytes, o?.cbRegionEndBytes, o?.failedProgram?.name],
        ['cbClashesWithL1Buffers', 1_400_832, 1_450_000, 'first'],
      );
    });
  });

  describe('orderOverflows', () => {
    const overflow = (kind: Overflow['kind'], extra: Partial<Overflow> = {}): Overflow => ({
      kind,
      status: 'notReached',
      cbRegionEndBytes: 1,
      limitBytes: 0,
      core: [0, 0],
      message: kind,
      ...extra,
    });
    const record = (index: number, step: number | undefined, o: Overflow | undefined): OpAnalysis => ({
      index,
      op: op('ttnn.relu', [], []),
      estimate: unmodeled('ttnn.relu', 'test'),
      cbBytesPerCore: null,
      liveL1TensorBytesPerCore: 0,
      peakL1BytesPerCore: 0,
      overflow: o,
      executionStep: step,
    });
    const fa = (name: string, ops: OpAnalysis[]): FunctionAnalysis =>
      Object.freeze({
        fn: fnOf(name, []),
        ops: Object.freeze(ops),
        liveIntervals: [],
        peak: undefined,
        reached: true,
        unmodeledOrUnknownLayoutOps: [],
        overflowingOps: ops.flatMap((o, i) => (o.overflow === undefined ? [] : [i])),
      });

    it('the earliest throwing overflow in execution order is first; later ones are not reached; a cap warning before it stays a warning', () => {
      // @callee runs at steps 1..2 from @main's op at step 3; @main's own ops are steps 0 and 3 and 4.
      const main = fa('@main', [
        record(0, 0, overflow('overUsableCap')),
        record(1, 3, overflow('cbBeyondL1')),
        record(2, 4, overflow('overUsableCap')),
      ]);
      const callee = fa('@callee', [record(0, 1, undefined), record(1, 2, overflow('cbClashesWithL1Buffers'))]);
      const { functions, overflows, firstFailure } = orderOverflows([main, callee]);
      assert.deepEqual(
        overflows.map((o) => [o.functionName, o.opIndex, o.overflow.status]),
        [
          ['@main', 0, 'warning'],
          ['@callee', 1, 'first'],
          ['@main', 1, 'notReached'],
          ['@main', 2, 'notReached'],
        ],
      );
      assert.deepEqual([firstFailure?.functionIndex, firstFailure?.opIndex], [1, 1]);
      // Records are replaced in copies, never changed: the frozen inputs are intact, the outputs carry the statuses.
      assert.equal(main.ops[0]!.overflow!.status, 'notReached');
      assert.equal(functions[0]!.ops[0]!.overflow!.status, 'warning');
      assert.equal(functions[1]!.ops[1]!.overflow, firstFailure?.overflow);
      // An unchanged record is the same object.
      assert.equal(functions[0]!.ops[1], main.ops[1]);
    });

    it('writes an op list the caller owns in place instead of copying it', () => {
      const ops = [record(0, 0, overflow('cbBeyondL1'))];
      const owned: FunctionAnalysis = {
        fn: fnOf('@main', []),
        ops,
        liveIntervals: [],
        peak: undefined,
        reached: true,
        unmodeledOrUnknownLayoutOps: [],
        overflowingOps: [0],
      };
      const { functions } = orderOverflows([owned], () => true);
      assert.equal(functions[0], owned);
      assert.equal(ops[0]!.overflow!.status, 'first');
    });

    it('an unreached op and a build-dependent overflow are never first; a rejected configuration is a failure point', () => {
      const dependence = { failsIn: [], fitsIn: [], changePoints: [] };
      const main = fa('@main', [
        record(0, 0, overflow('cbBeyondL1', { buildDependent: dependence })),
        record(1, undefined, overflow('cbBeyondL1')),
      ]);
      const { overflows, firstFailure } = orderOverflows([main]);
      assert.equal(firstFailure, undefined);
      assert.deepEqual(
        overflows.map((o) => o.overflow.status),
        ['warning', 'notReached'],
      );
      const illegalFirst = orderOverflows([
        fa('@main', [record(0, 0, overflow('opIllegal')), record(1, 1, overflow('cbBeyondL1'))]),
      ]);
      assert.deepEqual(
        illegalFirst.overflows.map((o) => o.overflow.status),
        ['first', 'notReached'],
      );
    });
  });
});

describe("the intermediates' two walks (opModelTerms' tensor peak, walkIntermediates' allocations) free alike", () => {
  // opModelTerms.ts repeats walkIntermediates' freeing rules to measure the most bytes held at once (docs/internals.md
  // says why it is not one walk). Without holes, writer programs, live tensors or outputs, an op's intermediates fit a
  // bank exactly when they fit that peak: so the bank of the peak's size fits and one byte less fails, for each rule.
  const t = (role: string, bytesPerCore: number, liveDuringProgram: boolean, replacesPrevious?: boolean) => ({
    role,
    bytesPerCore,
    liveDuringProgram,
    ...(replacesPrevious === undefined ? {} : { replacesPrevious }),
  });
  const cases: { name: string; list: L1Intermediate[]; peak: number; failsAt: string }[] = [
    // a 100; b 300 beside it = 400 (peak), a freed → 300; c 50 → 350, b freed → 50; d 200 → 250.
    {
      name: 'freed once the next exists',
      list: [t('a', 100, false), t('b', 300, false), t('c', 50, true), t('d', 200, true)],
      peak: 400,
      failsAt: 'b',
    },
    // a 100; b replaces it: a freed first, b 300; c 50 → 350 (peak), b freed → 50; d 200 → 250.
    {
      name: 'replacesPrevious',
      list: [t('a', 100, false), t('b', 300, false, true), t('c', 50, true), t('d', 200, true)],
      peak: 350,
      failsAt: 'c',
    },
    // a 100 and b 300 both held: 400; c 250 → 650 (peak).
    {
      name: 'held during the program',
      list: [t('a', 100, true), t('b', 300, true), t('c', 250, false)],
      peak: 650,
      failsAt: 'c',
    },
  ];
  for (const c of cases)
    it(`${c.name}: peak ${c.peak} B`, () => {
      const estimate = { ...withCbs(0), l1TensorBytesPerCore: 0, l1Intermediates: c.list };
      assert.equal(opModelTerms(estimate)?.tensorL1BytesPerCore, c.peak);
      const bank = (bytes: number) =>
        presetDevice('wormhole_b0_n150', { l1UnreservedBase: 100_000, l1SmallSizeBytes: 1_499_136 - 100_000 - bytes });
      assert.equal(walkIntermediates(c.list, 0, 0, bank(c.peak)).failed, undefined);
      assert.equal(walkIntermediates(c.list, 0, 0, bank(c.peak - 1)).failed?.role, c.failsAt);
    });
});

describe('walkIntermediates: an operand the op frees mid-op (freesOperand, conv2d deallocate_activation)', () => {
  // DEVICE: base 100,000, no L1_SMALL, L1 1,499,136: buffers from the top 1,499,136.
  const reshard = (freed: { bytesPerCore: number; leavesHole: boolean }) => ({
    role: 'reshard',
    bytesPerCore: 300,
    liveDuringProgram: false,
    freesOperand: freed,
  });
  const halo = { role: 'halo', bytesPerCore: 500, liveDuringProgram: true };
  it('the sole live tensor around the op: freed, the reshard moved up over it (held 500 − 200 = 300 below it)', () => {
    // live 200 (the operand): reshard 300 below it, operand freed, reshard moved to the top; halo 500 below; reshard
    // freed, halo moved up: 500 held, 200 of them netting out the operand still counted live.
    const walk = walkIntermediates([reshard({ bytesPerCore: 200, leavesHole: false }), halo], 200, 0, DEVICE);
    assert.equal(walk.heldDuringProgram, 300);
  });
  it('another L1 tensor live too: the operand is kept (its place is unknown), 500 held', () => {
    const walk = walkIntermediates([reshard({ bytesPerCore: 200, leavesHole: false }), halo], 200 + 64, 0, DEVICE);
    assert.equal(walk.heldDuringProgram, 500);
  });
  it('leavesHole: the freed operand stays a hole above the op tensors (500 held, the hole not used by the CBs)', () => {
    // operand 200 on top, reshard 300 below it, operand freed as a hole (200); halo 500 below: the hole does not
    // count for the CBs, the reshard's place is freed when the halo exists (packed): span 200 hole + 500 halo, less
    // the 200 around = 500 (the same as keeping the operand: a hole gains the CB region nothing).
    const walk = walkIntermediates([reshard({ bytesPerCore: 200, leavesHole: true }), halo], 200, 0, DEVICE);
    assert.equal(walk.heldDuringProgram, 500);
  });
});
