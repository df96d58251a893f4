/**
 * The halo program's four config CBs with `config_tensors_in_dram` (change point halo-config-tensors-in-dram, tt-metal
 * PR #27753): static CBs of one DRAM config page each (untilize_with_halo_program_factory.cpp@984f529e2f), the page the
 * longest core's config row, padded to an even word count, × 2 B (sliding_window.cpp@441c2f9567 (search index id 7186334245)
 * generate_halo_kernel_config_tensors, serialize_gather_configs, construct_on_host_config_tensor,
 * move_config_tensor_to_device). Every figure is worked by hand in the comment beside it.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { haloDramConfigPageBytes } from '../../../server/src/estimate/ops/halo';
import { DEVICE_VALUE, dialect, int, ints, op, tensor, whContext } from './build';

// 4x4 image, k3 s1 p1 → 4x4 outputs; padded 6x6 (position p = 6·row + col; real where row, col ∈ 1..4, stick
// (row − 1)·4 + col − 1). Two NHW cores of 8 output sticks, input shards of 8 sticks.
//   Core 0: outputs 0-7, span [origin 0, origin(7) + 2·6 + 2] = [0, 9 + 14] = [0, 23] (padded rows 0-3).
//     pad runs {0-6}, {11, 12}, {17, 18}, {23}: 4. Transfers (src core, src offset, length): sticks 0-3 (core 0, 0, 4)
//     at 7-10, sticks 4-7 (core 0, 4, 4) at 13-16 (a pad between: a new transfer), sticks 8-11 (core 1, 0, 4).
//   Core 1: outputs 8-15, span [origin(8) = 12, origin(15) + 14 = 21 + 14 = 35] (padded rows 2-5).
//     pad runs {12}, {17, 18}, {23, 24}, {29-35}: 4. Transfers (core 0, 4, 4), (core 1, 0, 4), (core 1, 4, 4).
// Padding configs: 4 runs per core, halved 2 / 2 → 2·2 + 2 (terminator) = 6 words = 12 B each.
const geometry = {
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
const twoCores = { geometry, outputSticksPerShard: 8, inputSticksPerShard: 8, gridColumns: 8 };

describe('estimate/halo DRAM config pages (change point halo-config-tensors-in-dram)', () => {
  it('tiled input, 4x4 k3 p1 on two cores: pages 12, 12, 32, 4 B', () => {
    // Gather configs live on the source core. Tiled: every transfer lies in source block 0 (offsets < 32), sorted by
    // source offset, ties by the destination's NoC x (core 0 at column 0, core 1 at column 1):
    //   source 0: (0 → core 0), (4 → core 0), (4 → core 1): routes core 0, core 1 → 1 + 3·2 + 3·3 = 16 words;
    //   source 1: (0 → core 0), (0 → core 1), (4 → core 1): 16 words. All in block 0 → config 0; config 1 holds only
    //   its route count (1 word, padded to 2).
    // Pages: 12, 12, 16·2 = 32, 2·2 = 4 B.
    assert.deepEqual(haloDramConfigPageBytes(twoCores, true), [12, 12, 32, 4]);
  });

  it('row-major input, same geometry: gather pages 28 and 16 B (transfers dealt alternately)', () => {
    // Row-major: no blocks; a source core's transfers in order (its local ones, then each remote destination's),
    // dealt alternately to the two readers.
    //   source 0: local (0, 4), (4, 4), remote → core 1 (4, 4): reader 0 gets (0 → 0), (4 → 1): 2 routes, 2 transfers
    //     = 1 + 6 + 6 = 13 words; reader 1 gets (4 → 0): 1 + 3 + 3 = 7 words.
    //   source 1: local (0 → 1), (4 → 1), remote (0 → 0): reader 0 (0 → 1), (0 → 0): 13; reader 1 (4 → 1): 7.
    // Padded to even: 14 and 8 words → 28 and 16 B.
    assert.deepEqual(haloDramConfigPageBytes(twoCores, false), [12, 12, 28, 16]);
  });
});

const conv = (inDram: boolean) =>
  op(
    'ttnn.conv2d',
    [
      tensor([1, 1, 16, 32], { buffer: 'l1' }),
      tensor([32, 32, 3, 3], { buffer: 'system_memory', page: 'row_major' }),
      DEVICE_VALUE,
    ],
    [tensor([1, 1, 16, 32], { buffer: 'l1' })],
    {
      in_channels: int(32),
      out_channels: int(32),
      batch_size: int(1),
      input_height: int(4),
      input_width: int(4),
      kernel_size: ints(3, 3),
      stride: ints(1, 1),
      padding: ints(1, 1),
      dilation: ints(1, 1),
      groups: int(1),
      conv2d_config: dialect('ttnn.conv2d_config', {
        shard_layout: 'height_sharded',
        config_tensors_in_dram: inDram ? 'true' : 'false',
      }),
    },
  );

function haloCbBytes(r: OpEstimateResult): number {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : 'reason' in r ? r.reason : r.kind);
  const halo = (r as OpEstimate).l1Intermediates?.find((t) => t.role === 'halo output');
  assert.ok(halo?.writerProgram !== undefined);
  return halo.writerProgram.cbBytesPerCore;
}

describe('estimate/conv2d halo program with config tensors in DRAM', () => {
  // 4x4x32 bf16 → 32, k3 p1, height sharded: 16 outputs = one tile row, so one NHW core holding every output; its span
  // is the whole padded 6x6 image [0, 35]. Pad runs {0-6}, {11, 12}, {17, 18}, {23, 24}, {29-35}: 5, halved 2 / 3 →
  // 2·2 + 2 = 6 words (12 B) and 2·3 + 2 = 8 words (16 B). Transfers: one per image row, all from core 0 to itself
  // (offsets 0, 4, 8, 12, length 4; the input shard is 32 sticks), all in source block 0 → gather config 0: one route
  // of 4 transfers = 1 + 3 + 12 = 16 words (32 B); config 1: 1 word → 2 (4 B). CBs, each L1-aligned (16 B):
  // 16 + 16 + 32 + 16 = 80 B more than without the flag, from 2025-09-13 on; none before.
  it('4x4 k3 p1, one core: +80 B of config CBs from PR #27753, +0 B before it and without the flag', () => {
    const before = whContext({ ttMetalDate: '2025-09-12' });
    const after = whContext({ ttMetalDate: '2025-09-14' });
    assert.equal(haloCbBytes(estimateOp(conv(true), after)) - haloCbBytes(estimateOp(conv(false), after)), 80);
    assert.equal(haloCbBytes(estimateOp(conv(true), before)) - haloCbBytes(estimateOp(conv(false), before)), 0);
  });
});
