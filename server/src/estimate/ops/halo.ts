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
 *   Not sized: with the conv's `config_tensors_in_dram` the four config CBs (padding and gather configs, two each) have
 *   no backing buffer and are static CBs of the config tensors' pages (untilize_with_halo_program_factory.cpp@984f529e2f,
 *   since PR #27753 of 2025-09-13): the sum here is then short by those pages.
 *   The halo program runs while the halo's input (the resharded tensor) and its output are both allocated: its CBs must
 *   end below the lower of them (analysis/overflow.ts walkIntermediates). A row-major input has only the pad sticks.
 */

import { atOrAfter } from '../changePoints';
import type { EstimateContext } from '../types';
import { type DataType, type ElementDataType, elementBytes, tileBytes } from '../../ttnn/dtype';
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

/**
 * Calls `visit` with each output shard's span of the padded input (positions in the padded N·Hp·Wp image): from its
 * first output's window origin to its last output's window end, inclusive. Shard `core` holds outputs
 * [core·shard, (core + 1)·shard).
 */
function forEachShardWindowSpan(
  g: HaloGeometry,
  outputSticksPerShard: number,
  visit: (core: number, start: number, end: number) => void,
): void {
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
  for (let core = 0, first = 0; first < total; core++, first += shard) {
    const last = Math.min(first + shard, total) - 1;
    visit(core, origin(first), origin(last) + (effH - 1) * wp + effW - 1);
  }
}

/** Padded-input sticks of the widest core's halo shard, for output shards of `outputSticksPerShard` sticks. */
export function haloSticksPerCore(g: HaloGeometry, outputSticksPerShard: number): number {
  let worst = 0;
  forEachShardWindowSpan(g, outputSticksPerShard, (_core, start, end) => {
    worst = Math.max(worst, end - start + 1);
  });
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

/**
 * The dtype of the halo's output sticks, which conv2d's and pool2d's programs then read (and tilize); the halo factory
 * sizes its pad and untilize CBs in it too (untilize_with_halo_program_factory.cpp@3c6ee52: out_df from the output
 * tensor). HaloDeviceOperation::compute_output_specs: before change point halo-output-bf16-unless-f32 (PR #22605) the
 * input's own dtype, bfloat8_b untilizing to bfloat16 (halo_device_operation.cpp@867070c, and at 4da41ff of
 * 2024-12-31): int32 / uint32 sticks of 4 B, uint8 of 1 B; from it (@3c6ee52) f32 stays f32 and every other dtype
 * becomes bfloat16, except uint16 again from change point halo-output-keeps-uint16 (PR #27138, @5965834). Other block
 * floats (no row-major form) are taken as bfloat16 in every era. The change points are asked only for the dtypes they
 * move.
 */
export function haloStickDtype(inputDtype: DataType, ctx: EstimateContext): ElementDataType {
  if (inputDtype === 'f32' || inputDtype === 'bf16' || inputDtype.startsWith('bfp_'))
    return inputDtype === 'f32' ? 'f32' : 'bf16';
  if (!atOrAfter(ctx, 'halo-output-bf16-unless-f32')) return inputDtype as ElementDataType;
  return inputDtype === 'u16' && atOrAfter(ctx, 'halo-output-keeps-uint16') ? 'u16' : 'bf16';
}

/** Bytes of one element of a halo output stick (`haloStickDtype`). */
export function haloElementBytes(inputDtype: DataType, ctx: EstimateContext): number {
  return elementBytes(haloStickDtype(inputDtype, ctx));
}

/** Static CB bytes per core of the halo (untilize_with_halo) program; see the header for the rule and its eras. */
export function haloProgramCbBytesPerCore(h: HaloProgramInput, ctx: EstimateContext): number {
  const align = ctx.device.l1AlignmentBytes;
  const outDtype = haloStickDtype(h.dtype, ctx);
  const stickBytes = alignUp(h.shardWidth * elementBytes(outDtype), align);
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

/**
 * In-place halo (change point halo-in-place; tt-metal PR #19834, the reland of PR #19056): the halo device op frees its
 * sharded input and allocates the output in its place (halo_device_operation.cpp, search index id 3901799785: the input
 * buffer is deallocated in compute_output_specs; in place only while the input shard has no more sticks than the
 * output shard, else it falls back to the separate-buffer halo). Remote sticks (those a core sends to other cores) are
 * staged in a scratch CB first, because the destination's own input sticks are being overwritten.
 *
 * `max_ref_size` (sliding_window.cpp generate_inplace_halo_kernel_config_tensors, search index id 3923747601): per
 * source core, the sticks it sends to other cores (every destination core's padded-input span [first output's window
 * origin, last output's window end], its real sticks mapped to the core holding them: input stick i lives on core
 * floor(i / input shard height)); the largest such total over source cores.
 */
export interface InPlaceHaloGeometry extends HaloGeometry {
  /** Padding before the first row / column (the rest of padH / padW is after the last, with any ceil-mode padding). */
  readonly padTop: number;
  readonly padLeft: number;
}

/** `max_ref_size`: the most sticks one core sends to other cores (pages of the in-place halo's remote temp CB). */
export function haloMaxRemoteSticks(
  g: InPlaceHaloGeometry,
  outputSticksPerShard: number,
  inputSticksPerShard: number,
): number {
  const hp = g.inputH + g.padH;
  const wp = g.inputW + g.padW;
  const inShard = Math.max(1, inputSticksPerShard);
  const sent = new Map<number, number>();
  forEachShardWindowSpan(g, outputSticksPerShard, (core, start, end) => {
    for (let p = start; p <= end; p++) {
      const b = Math.floor(p / (hp * wp));
      const row = Math.floor((p % (hp * wp)) / wp) - g.padTop;
      const col = (p % wp) - g.padLeft;
      if (row < 0 || row >= g.inputH || col < 0 || col >= g.inputW) continue;
      const src = Math.floor((b * g.inputH * g.inputW + row * g.inputW + col) / inShard);
      if (src !== core) sent.set(src, (sent.get(src) ?? 0) + 1);
    }
  });
  let worst = 0;
  for (const n of sent.values()) worst = Math.max(worst, n);
  return worst;
}

/** tt-metal's MAX_PACK_UNTILIZE_WIDTH: wider tiled shards untilize through a temp CB of one tile row. */
const MAX_PACK_UNTILIZE_WIDTH_TILES = 8;

/**
 * Static CB bytes per core of the in-place halo program (untilize_with_halo_program_factory.cpp@02a3583,
 * inplace_untilize_with_halo_multi_core; the same CBs in the reland-era version of search index id 3938094082). The
 * input, output, config CBs and the untilize output (written straight into the output buffer) are tensor-backed; static:
 * one pad stick; for a tiled input wider than 8 tiles the slow-untilize temp CB of ntiles output tiles; the remote temp
 * CB of max_ref_size sticks (when any); two 2 B sync CBs. Stick = shard width · output element size (bfloat8_b → bf16);
 * each CB L1-aligned.
 */
export function inPlaceHaloProgramCbBytesPerCore(
  h: HaloProgramInput & { readonly maxRemoteSticks: number },
  ctx: EstimateContext,
): number {
  const align = ctx.device.l1AlignmentBytes;
  const outDtype = haloStickDtype(h.dtype, ctx);
  const stickBytes = h.shardWidth * elementBytes(outDtype);
  const ntiles = Math.ceil(h.shardWidth / 32);
  const pad = alignUp(stickBytes, align);
  const temp = h.tiled && ntiles > MAX_PACK_UNTILIZE_WIDTH_TILES ? alignUp(ntiles * tileBytes(outDtype), align) : 0;
  const remote = h.maxRemoteSticks > 0 ? alignUp(h.maxRemoteSticks * stickBytes, align) : 0;
  const sync = 2 * alignUp(2, align);
  return pad + temp + remote + sync;
}
