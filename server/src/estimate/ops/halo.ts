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
 *   With the conv's or pool's `config_tensors_in_dram`, from change point halo-config-tensors-in-dram (PR #27753; the
 *     pools from pool-config-tensors-in-dram): + the four config CBs (padding and gather configs, two each), static
 *     CBs of one DRAM config page each, L1-aligned (untilize_with_halo_program_factory.cpp@999bb7c959 and
 *     @984f529e2f: no backing buffer when the configs are in DRAM;
 *     haloDramConfigPageBytes); before it, and without the flag, they are backed by the L1_SMALL config shards.
 *   The halo program runs while the halo's input (the resharded tensor) and its output are both allocated: its CBs must
 *   end below the lower of them (analysis/overflow.ts walkIntermediates). A row-major input has only the pad sticks.
 */

import { atOrAfter } from '../changePoints';
import type { EstimateContext, L1SmallBuffer } from '../types';
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
  // The geometry's fields read once: `origin` reading them itself deoptimized (wrong map) each time another caller's
  // geometry object (conv2d's, the DRAM config's, pool2d's) met the optimized code.
  const outputW = g.outputW;
  const rowStep = g.stride[0] * wp;
  const colStep = g.stride[1];
  const origin = (o: number): number => {
    const b = Math.floor(o / perImage);
    const r = Math.floor((o % perImage) / outputW);
    const c = o % outputW;
    return b * hp * wp + r * rowStep + c * colStep;
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
  /** The halo's four config tensors are in DRAM (Conv2dConfig / pool2d `config_tensors_in_dram`): from change point
   *  halo-config-tensors-in-dram their CBs are static, one config page each (`haloDramConfigPageBytes`). */
  readonly dramConfigs?: HaloConfigTensorGeometry;
}

/** What the halo's config tensors are generated from (sliding_window.cpp generate_halo_kernel_config_tensors). */
export interface HaloConfigTensorGeometry {
  readonly geometry: InPlaceHaloGeometry;
  /** Output sticks per NHW shard (the shard boundaries). */
  readonly outputSticksPerShard: number;
  /** Sticks per core of the halo's (resharded) input: a real input stick i lives on core floor(i / this). */
  readonly inputSticksPerShard: number;
  /** Height sharded: cores laid row-major on rows of this many columns (the NoC order of tied transfers is by column,
   *  then row); 0: block / width sharded, one NHW core per row or column, NoC order = core order. */
  readonly gridColumns: number;
  /** conv_transpose2d: the geometry's image is the input stride-expanded by this (sh, sw), and only every sh-th row's
   *  every sw-th stick inside it is a real stick, the rest padding (sliding_window.cpp generate_pad_metadata with
   *  is_transpose). Absent: every stick inside the image is real. */
  readonly strideExpansion?: readonly [number, number];
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
  const configBytes =
    h.dramConfigs !== undefined && atOrAfter(ctx, 'halo-config-tensors-in-dram')
      ? haloDramConfigPageBytes(h.dramConfigs, h.tiled).reduce((sum, page) => sum + alignUp(page, align), 0)
      : 0;
  return 2 * stickBytes + (h.tiled ? 2 * alignUp(pages * outTile, align) : 0) + configBytes;
}

/** tt-metal's untilize block (halo_device_operation.cpp UNTILIZE_BLOCK_SIZE): tiled gather transfers are cut at it. */
const HALO_BLOCK_STICKS = 32;

// Page bytes by geometry key; cleared past DRAM_CONFIG_PAGES_KEPT entries (a model repeats a few geometries).
const dramConfigPageCache = new Map<string, readonly number[]>();
const DRAM_CONFIG_PAGES_KEPT = 4096;

/**
 * Page bytes of the halo's four DRAM config tensors [padding 0, padding 1, gather 0, gather 1]: each is one row of
 * uint16 words per NHW core, DRAM interleaved with a page of one row (sliding_window.cpp move_config_tensor_to_device
 * with store_in_dram), so the page is the longest core's list, padded to an even word count, × 2 B
 * (sliding_window.cpp@441c2f9567, the search index's id 7186334245, and @999bb7c959: generate_halo_kernel_config_tensors, serialize_gather_configs,
 * construct_on_host_config_tensor; the halo factory sizes each config CB to that page, one page). Per destination core,
 * its padded-input span (forEachShardWindowSpan) is cut into runs: a padding run (consecutive pad sticks) or a transfer
 * (consecutive real sticks from one source core: source offset, destination offset, length).
 *   Padding: a core's runs are halved (the first floor(n / 2) to config 0, the rest to config 1), each written as
 *     (dst, length) pairs padded to the longest core's half, then a (0, 0) terminator: 2·max + 2 words.
 *   Gather: the transfers live on their source core (remote_read off, as conv2d and pool2d call the halo). For a tiled
 *     input each is cut at source offsets that are multiples of the 32-stick untilize block, all sorted by source
 *     offset (ties by the destination's NoC x, then y) and dealt to config 0 / 1 by the parity of their source block;
 *     row-major: the local transfers then each remote destination's in core order, dealt alternately. Each config
 *     groups consecutive transfers to one destination into a route: 1 + 3·routes + 3·transfers words.
 * Cached by geometry: one conv geometry recurs across a model.
 */
export function haloDramConfigPageBytes(c: HaloConfigTensorGeometry, tiled: boolean): readonly number[] {
  const g = c.geometry;
  const key =
    `${g.batch},${g.inputH},${g.inputW},${g.padH},${g.padW},${g.padTop},${g.padLeft},${g.kernel[0]},${g.kernel[1]},` +
    `${g.stride[0]},${g.stride[1]},${g.dilation[0]},${g.dilation[1]},${g.outputH},${g.outputW},` +
    `${c.outputSticksPerShard},${c.inputSticksPerShard},${c.gridColumns},${tiled},${c.strideExpansion?.join('x') ?? ''}`;
  const cached = dramConfigPageCache.get(key);
  if (cached !== undefined) return cached;
  const hp = g.inputH + g.padH;
  const wp = g.inputW + g.padW;
  const inShard = Math.max(1, c.inputSticksPerShard);
  const [expandH, expandW] = c.strideExpansion ?? [1, 1];
  // The stored input's image (the expanded image's real sticks): real stick (row, col) is input stick row/sh, col/sw.
  const realH = Math.floor((g.inputH - 1) / expandH) + 1;
  const realW = Math.floor((g.inputW - 1) / expandW) + 1;
  // NoC order of a destination core for tied transfers (core_id_to_noc_coords; NoC coordinates rise with logical x / y).
  const nocRank = (core: number): number =>
    c.gridColumns > 0 ? (core % c.gridColumns) * 1e6 + Math.floor(core / c.gridColumns) : core;
  let padHalf0 = 0;
  let padHalf1 = 0;
  /** Per source core: transfers [srcOffset, dst core, length] in (dst core, dst offset) order. */
  const transfers = new Map<number, [number, number, number][]>();
  forEachShardWindowSpan(g, c.outputSticksPerShard, (dst, start, end) => {
    let padRuns = 0;
    let prev: 'pad' | number | undefined;
    let run: [number, number, number] | undefined;
    const pad = (): void => {
      if (prev !== 'pad') padRuns++;
      prev = 'pad';
    };
    const real = (firstStick: number, count: number): void => {
      for (let stick = firstStick, left = count; left > 0;) {
        const src = Math.floor(stick / inShard);
        const n = Math.min(left, (src + 1) * inShard - stick);
        if (prev === src && run !== undefined) run[2] += n;
        else {
          run = [stick % inShard, dst, n];
          const list = transfers.get(src);
          if (list === undefined) transfers.set(src, [run]);
          else list.push(run);
        }
        prev = src;
        stick += n;
        left -= n;
      }
    };
    // Padded row by padded row: a pad row is all padding; else left padding, the image row, right padding.
    for (let p = start; p <= end;) {
      const b = Math.floor(p / (hp * wp));
      const row = Math.floor((p % (hp * wp)) / wp) - g.padTop;
      const c0 = p % wp;
      const c1 = Math.min(wp - 1, c0 + end - p);
      if (row < 0 || row >= g.inputH || row % expandH !== 0) pad();
      else {
        if (c0 < g.padLeft) pad();
        const r0 = Math.max(c0, g.padLeft);
        const r1 = Math.min(c1, g.padLeft + g.inputW - 1);
        const rowStart = b * realH * realW + (row / expandH) * realW;
        if (expandW === 1) {
          if (r0 <= r1) real(rowStart + r0 - g.padLeft, r1 - r0 + 1);
        } else
          for (let col = r0; col <= r1; col++) {
            const x = col - g.padLeft;
            if (x % expandW === 0) real(rowStart + x / expandW, 1);
            else pad();
          }
        if (c1 >= g.padLeft + g.inputW) pad();
      }
      p += c1 - c0 + 1;
    }
    padHalf0 = Math.max(padHalf0, Math.floor(padRuns / 2));
    padHalf1 = Math.max(padHalf1, padRuns - Math.floor(padRuns / 2));
  });
  let gatherWords0 = 1;
  let gatherWords1 = 1;
  const words = (list: readonly (readonly [number, number, number])[]): number => {
    let routes = 0;
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i][1] !== list[i - 1][1]) routes++;
    return 1 + 3 * routes + 3 * list.length;
  };
  for (const [src, list] of transfers) {
    const local = list.filter((t) => t[1] === src);
    const remote = list.filter((t) => t[1] !== src);
    let first: [number, number, number][] = [];
    let second: [number, number, number][] = [];
    if (tiled) {
      const cut: [number, number, number][] = [];
      for (const [offset, dst, length] of [...local, ...remote])
        for (let o = offset, left = length; left > 0;) {
          const n = Math.min(left, HALO_BLOCK_STICKS - (o % HALO_BLOCK_STICKS));
          cut.push([o, dst, n]);
          o += n;
          left -= n;
        }
      cut.sort((x, y) => x[0] - y[0] || nocRank(x[1]) - nocRank(y[1]));
      for (const t of cut) (Math.floor(t[0] / HALO_BLOCK_STICKS) % 2 === 0 ? first : second).push(t);
    } else {
      const ordered = [...local, ...remote];
      first = ordered.filter((_t, i) => i % 2 === 0);
      second = ordered.filter((_t, i) => i % 2 === 1);
    }
    gatherWords0 = Math.max(gatherWords0, words(first));
    gatherWords1 = Math.max(gatherWords1, words(second));
  }
  const even = (n: number): number => n + (n % 2);
  const pages = [2 * padHalf0 + 2, 2 * padHalf1 + 2, even(gatherWords0), even(gatherWords1)].map((w) => 2 * w);
  if (dramConfigPageCache.size >= DRAM_CONFIG_PAGES_KEPT) dramConfigPageCache.clear();
  dramConfigPageCache.set(key, pages);
  return pages;
}

/** The halo's four config tensors' roles, in the order its factory moves them to the device. */
const HALO_CONFIG_ROLES = [
  'halo padding config 0',
  'halo padding config 1',
  'halo gather config 0',
  'halo gather config 1',
];

/**
 * The halo's config tensors as L1_SMALL buffers (conv2d's and pool2d's halo alike): each config's page (`pages`, from
 * haloDramConfigPageBytes) per bank, L1-aligned, over `banks` cores (sliding_window.cpp move_config_tensor_to_device).
 */
export function haloConfigL1SmallBuffers(pages: readonly number[], alignBytes: number, banks: number): L1SmallBuffer[] {
  const out: L1SmallBuffer[] = [];
  for (let i = 0; i < pages.length; i++)
    out.push({ role: HALO_CONFIG_ROLES[i]!, bytesPerBank: alignUp(pages[i]!, alignBytes), banks });
  return out;
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
