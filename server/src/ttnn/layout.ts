/**
 * Decoded TTNN tensor placement (what `#ttnn.ttnn_layout<...>` says) and the byte arithmetic on it:
 * logical vs padded shape, page size, and per-core bytes of a tensor resident in L1.
 */

import { DataType, TILE_HW, elementBytes, tileBytes } from './dtype';

export type PageLayout = 'tile' | 'row_major';
export type BufferType = 'dram' | 'l1' | 'system_memory' | 'l1_small' | 'trace';
export type MemoryLayout =
  'interleaved' | 'height_sharded' | 'width_sharded' | 'block_sharded' | 'nd_sharded' | 'single_bank';

/** A worker core, in tt-metal's logical coordinates: x = column, y = row. */
export interface CoreCoord {
  readonly x: number;
  readonly y: number;
}

/** Inclusive rectangle of cores, as in `#ttnn.core_range<(x0,y0), (x1,y1)>`. */
export interface CoreRange {
  readonly start: CoreCoord;
  readonly end: CoreCoord;
}

export interface TensorLayout {
  readonly kind: 'layout';
  readonly pageLayout: PageLayout;
  readonly dtype: DataType;
  readonly bufferType: BufferType;
  /** Undefined for system memory (tt-mlir omits it there). */
  readonly memoryLayout: MemoryLayout | undefined;
  /** Virtual grid `<R x C>` as printed: [rows, cols]. */
  readonly gridShape: readonly [number, number];
  /** Physical cores of a sharded layout (`core_ranges = ...`), when printed. */
  readonly coreRanges: readonly CoreRange[] | undefined;
  /** The memref shape: per-shard footprint, in tiles for tile layouts, elements otherwise. */
  readonly shardShape: readonly number[];
  /** Which syntax era the layout came from. */
  readonly syntax: 'ttnn_layout' | 'tt_layout';
}

export interface UnknownLayout {
  readonly kind: 'unknown';
  readonly reason: string;
  /** Set when tt-mlir's TTNNLayoutAttr verifier rejects the layout (`reason` is its message): what tt-metal would make
   *  of such a placement, for the result's "no number" reason. The IR does not compile, so no program runs. */
  readonly rejectedByTtMlir?: string;
}

export type LayoutInfo = TensorLayout | UnknownLayout;

/** Values above this are not exact in a JS number; byte counts beyond it are reported as model overflow. */
export const MAX_EXACT_BYTES = Number.MAX_SAFE_INTEGER;

export function alignUp(value: number, alignment: number): number {
  if (alignment <= 1) return value;
  return Math.ceil(value / alignment) * alignment;
}

export function ceilDiv(a: number, b: number): number {
  return b <= 0 ? 0 : Math.ceil(a / b);
}

export function volume(shape: readonly number[]): number {
  let product = 1;
  for (const dim of shape) product *= dim;
  return product;
}

/**
 * Shape as stored: tile layout rounds the last two dims up to 32 (ttnn's padded_shape); row-major keeps the logical
 * shape. A rank-1 tensor is treated as [1, W] for padding.
 */
export function paddedShape(logical: readonly number[], pageLayout: PageLayout): number[] {
  if (pageLayout === 'row_major') return [...logical];
  if (logical.length === 0) return [TILE_HW, TILE_HW];
  if (logical.length === 1) return [TILE_HW, alignUp(logical[0], TILE_HW)];
  const out = [...logical];
  out[out.length - 1] = alignUp(out[out.length - 1], TILE_HW);
  out[out.length - 2] = alignUp(out[out.length - 2], TILE_HW);
  return out;
}

/** Geometry of a tensor in pages: tile pages for tile layout, one row per page for row-major. */
export interface PageGeometry {
  readonly nPages: number;
  /** Unaligned page bytes (`TensorLayout::compute_page_size`). */
  readonly pageBytes: number;
  /** Width of the padded tensor in tiles (tile layout) or elements. */
  readonly widthTiles: number;
  /** Padded rows / 32 over all batch dims (tile layout). */
  readonly heightTilesTotal: number;
}

/**
 * Pages of a tensor. TILE: pages = padded volume / 1024, page = tile bytes. ROW_MAJOR: one page per row
 * (volume / last dim), page = last dim x element bytes (tt-metal TensorLayout page size; ttmetal-l1-model.md §5).
 * Undefined when the dtype has no row-major element size (block floats).
 */
export function pageGeometry(
  logical: readonly number[],
  layout: Pick<TensorLayout, 'pageLayout' | 'dtype'>,
): PageGeometry | undefined {
  const padded = paddedShape(logical, layout.pageLayout);
  const width = padded.length === 0 ? 1 : padded[padded.length - 1];
  const rows = width === 0 ? 0 : volume(padded) / width;
  if (layout.pageLayout === 'tile') {
    return {
      nPages: (rows / TILE_HW) * (width / TILE_HW),
      pageBytes: tileBytes(layout.dtype),
      widthTiles: width / TILE_HW,
      heightTilesTotal: rows / TILE_HW,
    };
  }
  const elem = elementBytes(layout.dtype);
  if (elem === undefined) return undefined;
  return {
    nPages: rows,
    pageBytes: width * elem,
    widthTiles: Math.ceil(width / TILE_HW),
    heightTilesTotal: Math.ceil(rows / TILE_HW),
  };
}

/** Total bytes of the padded tensor (pages x unaligned page size). */
export function tensorBytes(
  logical: readonly number[],
  layout: Pick<TensorLayout, 'pageLayout' | 'dtype'>,
): number | undefined {
  const geometry = pageGeometry(logical, layout);
  return geometry === undefined ? undefined : geometry.nPages * geometry.pageBytes;
}

/** Number of cores in a core-range list. */
export function coreRangeCount(ranges: readonly CoreRange[]): number {
  let n = 0;
  for (const r of ranges) n += (Math.abs(r.end.x - r.start.x) + 1) * (Math.abs(r.end.y - r.start.y) + 1);
  return n;
}

export function isSharded(layout: TensorLayout): boolean {
  return (
    layout.memoryLayout === 'height_sharded' ||
    layout.memoryLayout === 'width_sharded' ||
    layout.memoryLayout === 'block_sharded' ||
    layout.memoryLayout === 'nd_sharded'
  );
}

/** Cores holding one shard each: core_ranges when printed, else the virtual grid's volume. */
export function shardCoreCount(layout: TensorLayout): number {
  if (layout.coreRanges !== undefined && layout.coreRanges.length > 0) return coreRangeCount(layout.coreRanges);
  return layout.gridShape[0] * layout.gridShape[1];
}

export interface L1Footprint {
  /** Bytes one core (bank) holds; the worst core for interleaved tensors. */
  readonly bytesPerCore: number;
  readonly nCores: number;
  readonly how: string;
  /** The allocation as tt-metal's allocator sees it (allocator.cpp@622c6fb allocate_buffer): `banks`, every L1 bank
   *  for an interleaved buffer, one per shard for a sharded one; `bufferBytes`, the buffer's aligned size (pages x
   *  aligned page; K full shards). Its out-of-memory line prints both. */
  readonly banks: number;
  readonly bufferBytes: number;
}

/**
 * Per-core bytes of a tensor in L1. Interleaved: pages are dealt round-robin over `nL1Banks` banks,
 * ceil(pages / banks) x aligned page (tt-metal buffer.cpp `aligned_size_per_bank`, util.hpp `SizeBytesPerBank`).
 * Sharded: every shard core reserves a full shard = memref volume x (tile or element) bytes, each page aligned to
 * the L1 alignment (ttmetal-l1-model.md §5). Undefined for non-L1 buffers or when sizes are unknown.
 */
export function l1Footprint(
  logical: readonly number[],
  layout: TensorLayout,
  device: { readonly nL1Banks: number; readonly l1AlignmentBytes: number },
): L1Footprint | undefined {
  if (layout.bufferType !== 'l1') return undefined;
  if (layout.shardShape.some((d) => !Number.isFinite(d) || d < 0)) return undefined;
  if (isSharded(layout)) {
    const nCores = shardCoreCount(layout);
    if (layout.pageLayout === 'tile') {
      const pagesPerShard = volume(layout.shardShape);
      const page = alignUp(tileBytes(layout.dtype), device.l1AlignmentBytes);
      const bytesPerCore = pagesPerShard * page;
      const how = `${pagesPerShard} tiles x ${page} B per shard`;
      return { bytesPerCore, nCores, how, banks: nCores, bufferBytes: nCores * bytesPerCore };
    }
    const elem = elementBytes(layout.dtype);
    if (elem === undefined) return undefined;
    const shardWidth = layout.shardShape.length === 0 ? 1 : layout.shardShape[layout.shardShape.length - 1];
    const shardRows = shardWidth === 0 ? 0 : volume(layout.shardShape) / shardWidth;
    const page = alignUp(shardWidth * elem, device.l1AlignmentBytes);
    const bytesPerCore = shardRows * page;
    const how = `${shardRows} rows x ${page} B per shard`;
    return { bytesPerCore, nCores, how, banks: nCores, bufferBytes: nCores * bytesPerCore };
  }
  const geometry = pageGeometry(logical, layout);
  if (geometry === undefined) return undefined;
  const page = alignUp(geometry.pageBytes, device.l1AlignmentBytes);
  const pagesPerBank = ceilDiv(geometry.nPages, device.nL1Banks);
  return {
    bytesPerCore: pagesPerBank * page,
    nCores: Math.min(geometry.nPages, device.nL1Banks),
    how: `ceil(${geometry.nPages} pages / ${device.nL1Banks} banks) x ${page} B`,
    banks: device.nL1Banks,
    bufferBytes: geometry.nPages * page,
  };
}
