/**
 * The in-place halo of pool2d (change point halo-in-place, tt-metal PR #19834): the halo frees the resharded input and
 * allocates its output in its place; its program's static CBs are one pad stick, the slow-untilize temp CB (tiled input
 * wider than 8 tiles), the remote temp CB of max_ref_size sticks and two 2 B sync CBs (tt-metal
 * untilize_with_halo_program_factory.cpp@02a3583; max_ref_size: sliding_window.cpp
 * generate_inplace_halo_kernel_config_tensors). Figures below are by hand; the public-thread figure (tt-metal #21305) is
 * in test/unit/analysis/threads.test.ts.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate } from '../../../server/src/estimate/types';
import { haloMaxRemoteSticks } from '../../../server/src/estimate/ops/halo';
import { walkIntermediates } from '../../../server/src/analysis/overflow';
import { presetDevice } from '../../../server/src/ttnn/device';
import type { PropValue } from '../../../server/src/ttnn/op';
import { int, ints, op, tensor, whContext } from './build';

function est(r: ReturnType<typeof estimateOp>): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind);
  return r as OpEstimate;
}

const heightSharded: PropValue = {
  kind: 'dialect',
  name: 'ttnn.tensor_memory_layout',
  text: '#ttnn.tensor_memory_layout<height_sharded>',
  items: ['height_sharded'],
  fields: {},
};

const pool = (h: number, w: number, kernel: number, stride: number, pad: number, inPlace: boolean) =>
  op(
    'ttnn.max_pool2d',
    [tensor([1, 1, h * w, 32], { page: 'row_major' })],
    // The result is the pool's own output shard (16 sticks on 16 cores, 32 channels), so no separate output shard.
    [tensor([1, 1, 16, 32], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [16, 1] })],
    {
      batch_size: int(1),
      channels: int(32),
      input_height: int(h),
      input_width: int(w),
      kernel_size: ints(kernel, kernel),
      stride: ints(stride, stride),
      padding: ints(pad, pad),
      dilation: ints(1, 1),
      applied_shard_scheme: heightSharded,
      in_place_halo: { kind: 'bool', value: inPlace },
    },
  );

describe('estimate/pool2d in-place halo (change points halo-in-place, halo-in-place-removed)', () => {
  // 4x4 bf16 row-major image, 32 channels, kernel 3x3, stride 1, padding 1 → 4x4 = 16 outputs; height sharding on the
  // 8x8 Wormhole grid takes 16 cores (1 output stick each), the resharded input 16 / 16 = 1 stick per core (64 B).
  // Halo span of a core: 2·6 + 3 = 15 padded sticks (padded width 6) → halo output 15 · 64 = 960 B.
  // max_ref_size: input pixel (r, c) lives on core r·4 + c, at padded index p = (r+1)·6 + (c+1); the cores whose span
  // [org, org + 14] holds p have their window origin org = 6·orow + ocol in [p − 14, p]. The origins are
  // {0-3, 6-9, 12-15, 18-21}: 15 consecutive integers hold at most 11 of them (e.g. [0, 14]: 0-3, 6-9, 12-14), reached
  // by pixel (1,1) (p = 14); less its own core → 10 sticks sent. Static CBs (16 B L1 alignment): pad stick 64 +
  // remote temp 10 · 64 = 640 + sync 2 · 16 = 736 B (row-major: no untilize temp CB).
  it('4x4, k3 s1 p1 on 16 cores: the input (64 B) is replaced by the halo output (960 B); halo CBs 736 B', () => {
    const e = est(estimateOp(pool(4, 4, 3, 1, 1, true), whContext({ ttMetalDate: '2025-05-01' })));
    assert.equal(e.nCoresUsed, 16);
    assert.deepEqual(e.l1Intermediates, [
      // The reshard's interleaved_to_sharded scratch (memoryConfig.ts): 4 pages of align(64 B row, 32) = 256 B, on
      // the same 16 shard cores, (0,0)-(7,1).
      {
        role: 'resharded pool input',
        bytesPerCore: 64,
        liveDuringProgram: false,
        writerProgram: {
          name: 'reshard (interleaved_to_sharded)',
          cbBytesPerCore: 4 * 64,
          printedRange: [
            [0, 0],
            [7, 1],
          ],
          factory: 'InterleavedToShardedProgramFactory',
        },
      },
      {
        role: 'halo output (in place)',
        bytesPerCore: 960,
        liveDuringProgram: true,
        replacesPrevious: true,
        // The halo's CBs on its output shard grid: num_cores_to_corerangeset(16, the 8-wide grid, row-wise) = two full
        // rows, (0,0)-(7,1).
        writerProgram: {
          name: 'in-place halo (remote temp CB of 10 sticks)',
          cbBytesPerCore: 736,
          printedRange: [
            [0, 0],
            [7, 1],
          ],
        },
      },
    ]);
  });

  it('haloMaxRemoteSticks: the same 4x4 case by itself gives 10', () => {
    const g = {
      batch: 1,
      inputH: 4,
      inputW: 4,
      padH: 2,
      padW: 2,
      padTop: 1,
      padLeft: 1,
      kernel: [3, 3] as const,
      stride: [1, 1] as const,
      dilation: [1, 1] as const,
      outputH: 4,
      outputW: 4,
    };
    assert.equal(haloMaxRemoteSticks(g, 1, 1), 10);
    // Two output sticks per core (8 cores), input shard 2: core k holds outputs 2k, 2k+1 (first origins f = 0, 2, 6, 8,
    // 12, 14, 18, 20; span [f, f + 1 + 14]) and input pixels 2k, 2k+1. A pixel at padded index p is in the span of
    // every core with p − 15 ≤ f ≤ p; less the holder's own core:
    //   core 0 (p 7, 8): f {0,2,6} → 2, f {0,2,6,8} → 3: 5      core 4 (p 19, 20): {6,8,12,14,18} → 4, + 20 → 5: 9
    //   core 1 (p 9, 10): {0,2,6,8} → 3, → 3: 6                  core 5 (p 21, 22): {6,...,20} → 5, {8,...,20} → 4: 9
    //   core 2 (p 13, 14): {0,2,6,8,12} → 4, + 14 → 5: 9         core 6 (p 25, 26): {12,14,18,20} → 3, → 3: 6
    //   core 3 (p 15, 16): {0,...,14} → 5, {2,...,14} → 4: 9     core 7 (p 27, 28): {12,...,20} → 3, {14,18,20} → 2: 5
    assert.equal(haloMaxRemoteSticks(g, 2, 2), 9);
  });

  it('before the change point the same pool runs the separate-buffer halo', () => {
    const e = est(estimateOp(pool(4, 4, 3, 1, 1, true), whContext({ ttMetalDate: '2025-03-01' })));
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.writerProgram?.name]),
      [
        ['resharded pool input', 64, 'reshard (interleaved_to_sharded)'],
        ['halo output', 960, 'halo (untilize_with_halo)'],
      ],
    );
  });

  it('from tt-metal PR #31516 (f5964193, 2025-11-10: in_place_halo removed) the same pool runs the separate-buffer halo', () => {
    // The case of the first test: its in-place figures (the halo output in the freed 64 B input's place, 736 B of
    // halo CBs) hold up to the day before the removal; from that day in_place_halo is no longer an argument of the pool,
    // so the halo writes its 960 B output beside the 64 B resharded input, as before PR #19834.
    const lastInPlace = est(estimateOp(pool(4, 4, 3, 1, 1, true), whContext({ ttMetalDate: '2025-11-09' })));
    assert.deepEqual(
      lastInPlace.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.writerProgram?.cbBytesPerCore]),
      [
        // The reshard's scratch: 4 · align(64, 32) = 256 B.
        ['resharded pool input', 64, 256],
        ['halo output (in place)', 960, 736],
      ],
    );
    const removed = est(estimateOp(pool(4, 4, 3, 1, 1, true), whContext({ ttMetalDate: '2025-11-10' })));
    assert.deepEqual(
      removed.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.writerProgram?.name, t.replacesPrevious]),
      [
        ['resharded pool input', 64, 'reshard (interleaved_to_sharded)', undefined],
        ['halo output', 960, 'halo (untilize_with_halo)', undefined],
      ],
    );
  });

  it('an input shard larger than the halo shard falls back to the separate-buffer halo (halo_device_operation.cpp)', () => {
    // 8x8 image, kernel 1x1, stride 2, padding 0 → 4x4 = 16 outputs on 16 cores; input shard 64 / 16 = 4 sticks, halo
    // span 1 stick: 4 > 1, so tt-metal runs the ordinary halo (its input freed after it: DRAM input).
    const e = est(estimateOp(pool(8, 8, 1, 2, 0, true), whContext({ ttMetalDate: '2025-05-01' })));
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.writerProgram?.name]),
      [
        ['resharded pool input', 4 * 64, 'reshard (interleaved_to_sharded)'],
        ['halo output', 64, 'halo (untilize_with_halo)'],
      ],
    );
  });

  it('walkIntermediates: a tensor that replacesPrevious never coexists with it', () => {
    // 200 B between the base (1,000) and the L1 buffer top (1,200): 100 B, then 150 B in its place fits (peak 150);
    // without replacesPrevious the two would need 250 B and the second fails.
    const a = { role: 'a', bytesPerCore: 100, liveDuringProgram: false };
    const b = { role: 'b', bytesPerCore: 150, liveDuringProgram: true };
    const device = presetDevice('wormhole_b0_n150', { l1UnreservedBase: 1_000, l1SmallSizeBytes: 1_499_136 - 1_200 });
    const replaced = walkIntermediates([a, { ...b, replacesPrevious: true }], 0, 0, device);
    assert.equal(replaced.failed, undefined);
    assert.equal(replaced.heldDuringProgram, 150);
    assert.equal(walkIntermediates([a, b], 0, 0, device).failed?.role, 'b');
  });
});
