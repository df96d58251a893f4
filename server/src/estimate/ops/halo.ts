/**
 * The halo op's output shard (ttnn::halo, run by conv2d, conv_transpose2d and pool2d before their own program): how many
 * padded-input sticks one core holds.
 *
 * Rule: the output sticks (N·OH·OW, batch-major) are split into shards of `outputSticksPerShard`; a core holds the padded
 *   input (N·Hp·Wp, batch-major) from its first output's window origin to its last output's window end; the halo shard is
 *   the widest such span over cores (tt-metal ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp,
 *   generate_shard_boundaries; not read at a commit here). The rule reproduces, to the byte, the halo allocations
 *   tt-metal printed for max_pool2d in threads #35223, #35261/#35431 and #36803 and for conv2d in tt-mlir #5771 /
 *   tt-metal #13324 (test/unit/analysis/threads*.test.ts).
 *
 * The halo program's own CBs (`haloProgramCbBytesPerCore`): the input and output CBs and the config CBs are backed by
 *   tensors (the input shard, the halo output, the config tensors); the static ones are the pad-value sticks and, for a
 *   tiled input, the untilize CBs the gather readers copy from. Per core, with stick = shard width · output element
 *   size (bfloat8_b untilizes to bfloat16) and ntiles = ceil(shard width / 32):
 *     before change point halo-untilize-blocks: one pad stick + one untilize CB of ntiles · ceil(ceil(NHW_in /
 *       cores_nhw) / 32) output tiles (the whole input shard untilized first; untilize_with_halo_v2 of search index
 *       id 3798132763);
 *     since: two pad sticks + two untilize CBs of ntiles output tiles (one 32-stick block each;
 *       halo_device_operation.cpp UNTILIZE_BLOCK_SIZE = 32, search index id 3901799785), × 2 since change point
 *       halo-untilize-double-buffer (untilize_with_halo_program_factory.cpp@02a3583). Each CB is L1-aligned. The same sum
 *       is tt-metal's own "halo CB overhead" in pool2d's DRAM-slice L1 estimate (search index id 27365078288).
 *   The halo program runs while the halo's input (the resharded tensor) and its output are both allocated: its CBs must
 *   end below the lower of them (analysis/overflow.ts walkIntermediates). A row-major input has only the pad sticks.
 */

import { atOrAfter } from '../changePoints';
import type { EstimateContext } from '../types';
import { type DataType, tileBytes } from '../../ttnn/dtype';
import { alignUp } from '../../ttnn/layout';

export interface HaloGeometry {
  readonly batch: number;
  /** Input image before padding. */
  readonly inputH: number;
  readonly inputW: number;
  /** Total padding added to each dimension (both sides, including pool ceil-mode padding). */
  readonly padH: number;
  readonly padW: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly outputH: number;
  readonly outputW: number;
}

/** Padded-input sticks of the widest core's halo shard, for output shards of `outputSticksPerShard` sticks. */
export function haloSticksPerCore(g: HaloGeometry, outputSticksPerShard: number): number {
  const hp = g.inputH + g.padH;
  const wp = g.inputW + g.padW;
  const effH = (g.kernel[0] - 1) * g.dilation[0] + 1;
  const effW = (g.kernel[1] - 1) * g.dilation[1] + 1;
  const perImage = g.outputH * g.outputW;
  const total = g.batch * perImage;
  const shard = Math.max(1, outputSticksPerShard);
  const origin = (o: number): number => {
    const b = Math.floor(o / perImage);
    const r = Math.floor((o % perImage) / g.outputW);
    const c = o % g.outputW;
    return b * hp * wp + r * g.stride[0] * wp + c * g.stride[1];
  };
  let worst = 0;
  for (let first = 0; first < total; first += shard) {
    const last = Math.min(first + shard, total) - 1;
    worst = Math.max(worst, origin(last) + (effH - 1) * wp + effW - origin(first));
  }
  return worst;
}

export interface HaloProgramInput {
  /** The halo's input is tiled (it untilizes), else row-major. */
  readonly tiled: boolean;
  readonly dtype: DataType;
  /** Shard width in elements (channels per core). */
  readonly shardWidth: number;
  /** N·H·W of the halo's input (for conv_transpose2d: the stride-expanded input is made by the halo itself, so this is
   *  the input as stored). */
  readonly inputSticks: number;
  readonly coresNhw: number;
}

/** Static CB bytes per core of the halo (untilize_with_halo) program; see the header for the rule and its eras. */
export function haloProgramCbBytesPerCore(h: HaloProgramInput, ctx: EstimateContext): number {
  const align = ctx.device.l1AlignmentBytes;
  const outDtype: DataType = h.dtype === 'f32' ? 'f32' : 'bf16';
  const stickBytes = alignUp(h.shardWidth * (h.dtype === 'f32' ? 4 : 2), align);
  const ntiles = Math.ceil(h.shardWidth / 32);
  const outTile = tileBytes(outDtype);
  if (!atOrAfter(ctx, 'halo-untilize-blocks')) {
    const rows = Math.ceil(h.inputSticks / Math.max(1, h.coresNhw));
    const untilize = h.tiled ? alignUp(ntiles * Math.ceil(rows / 32) * outTile, align) : 0;
    return stickBytes + untilize;
  }
  const pages = atOrAfter(ctx, 'halo-untilize-double-buffer') ? 2 * ntiles : ntiles;
  return 2 * stickBytes + (h.tiled ? 2 * alignUp(pages * outTile, align) : 0);
}
