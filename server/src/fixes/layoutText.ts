/**
 * Writing `#ttnn.ttnn_layout<...>` text for a tensor shape and a placement (DRAM/L1 interleaved, height/width/block
 * sharded) in the syntax era of the file, and adding new layout aliases next to the existing ones.
 * Canonical forms follow tt-mlir (ttnn-ir-syntax.md §3): linear map collapsing all but the last dim (tile layout pads
 * the last two to 32), `<1x1>` for DRAM, the worker grid for L1 interleaved with memref `<1 x ceil(pages / cores)>`,
 * and `ceil(physical / grid)` shards; `core_ranges` since tt-mlir PR #8127, grid maps before it.
 */

import { printAttr, printTokens } from '../mlir/print';
import type { AttrNode, Chunk, SyntaxFile, TokenTree } from '../mlir/syntax';
import type { PageLayout } from '../ttnn/layout';
import { paddedShape } from '../ttnn/layout';
import { insertLinesAfter } from './edits';
import { fileMarks } from './fileMarks';
import type { FixEdit } from './types';

/** How sharded grids are printed: `core_ranges = <[...]>` (2026-05+), named grid maps (2026-03..05), one grid map (older). */
export type LayoutEra = 'coreRanges' | 'namedMaps' | 'singleMap';

/** The era the file's attributes print (read from its syntax tree; a file that shows none gets the current one). */
export function layoutEraOf(file: SyntaxFile): LayoutEra {
  const marks = fileMarks(file);
  if (marks.coreRanges) return 'coreRanges';
  if (marks.namedMaps) return 'namedMaps';
  return marks.singleMap ? 'singleMap' : 'coreRanges';
}

export type PlacementKind =
  'dram_interleaved' | 'l1_interleaved' | 'height_sharded' | 'width_sharded' | 'block_sharded';

export interface Placement {
  readonly kind: PlacementKind;
  /** Virtual grid [rows, cols]: `<1x1>` DRAM, the worker grid for L1 interleaved, `<n x 1>`, `<1 x n>`, `<R x C>`. */
  readonly grid: readonly [number, number];
}

export function placementLabel(p: Placement): string {
  if (p.kind === 'dram_interleaved') return 'DRAM interleaved';
  if (p.kind === 'l1_interleaved') return 'L1 interleaved';
  return `${p.kind} ${p.grid[0]}x${p.grid[1]}`;
}

/** Rows and columns of the 2-D physical view, in pages units (tiles for tile layout, elements otherwise). */
export function physicalUnits(shape: readonly number[], page: PageLayout): { rows: number; cols: number } {
  const padded = paddedShape(shape, page);
  const cols = padded.length === 0 ? 1 : padded[padded.length - 1];
  let rows = 1;
  for (let i = 0; i < padded.length - 1; i++) rows *= padded[i];
  if (padded.length === 1) rows = page === 'tile' ? 32 : 1;
  return page === 'tile' ? { rows: Math.ceil(rows / 32), cols: Math.ceil(cols / 32) } : { rows, cols };
}

/** `(d0, d1, d2) -> (d0 * 64 + d1, d2)`: all dims but the last collapse into rows (strides over the padded shape). */
export function linearMapText(shape: readonly number[], page: PageLayout): string | undefined {
  const n = shape.length;
  if (n === 0) return undefined;
  const dims = shape.map((_, i) => `d${i}`);
  if (n === 1) return '(d0) -> (0, d0)';
  const padded = paddedShape(shape, page);
  const terms: string[] = [];
  for (let i = 0; i < n - 1; i++) {
    let stride = 1;
    for (let j = i + 1; j < n - 1; j++) stride *= padded[j];
    terms.push(stride === 1 ? `d${i}` : `d${i} * ${stride}`);
  }
  return `(${dims.join(', ')}) -> (${terms.join(' + ')}, d${n - 1})`;
}

function coreRangesText(p: Placement, deviceCols: number): string {
  return `core_ranges = <[${coreRangeList(p, deviceCols).join(', ')}]>`;
}

/** `#ttnn.core_range<(x0,y0), (x1,y1)>` items of a sharded placement: row-major over the worker grid, or one block. */
function coreRangeList(p: Placement, deviceCols: number): string[] {
  const n = p.grid[0] * p.grid[1];
  const ranges: string[] = [];
  if (p.kind === 'block_sharded') ranges.push(`#ttnn.core_range<(0,0), (${p.grid[1] - 1},${p.grid[0] - 1})>`);
  else {
    const fullRows = Math.floor(n / deviceCols);
    const rem = n % deviceCols;
    if (fullRows > 0) ranges.push(`#ttnn.core_range<(0,0), (${deviceCols - 1},${fullRows - 1})>`);
    if (rem > 0) ranges.push(`#ttnn.core_range<(0,${fullRows}), (${rem - 1},${fullRows})>`);
  }
  return ranges;
}

/**
 * A `memory_config` op attribute stating `p`, in the syntax of `existing` (the attribute being replaced), or why it
 * cannot be written. tt-mlir read this attribute when emitting the runtime program until PR #7548 (2026-05-16), so a
 * retype that left it would change nothing at run time. Forms (ttnn-ir-syntax.md §6): `#ttnn.memory_config<#dram,
 * <interleaved>>` and, sharded, `…, #ttnn.shard_spec<<[core ranges]>, <HxW elements>, <row_major>(, <physical>)?>>`
 * (PR #2987, 2025-05-16 on; the shard mode since 2025-08). The older `<<interleaved>, <dram>>` and
 * `<#dram, <<1x100>>, <interleaved>>` forms are not written.
 */
export function memoryConfigText(
  existing: AttrNode,
  shape: readonly number[],
  page: PageLayout,
  p: Placement,
  w: LayoutWriteContext,
): string | { readonly reason: string } {
  const items =
    existing.kind === 'dialectAttr' && existing.name === 'ttnn.memory_config' && existing.body !== undefined
      ? topLevelItems(existing.body.children)
      : [];
  // `#dram` or `#ttnn.buffer_type<dram>`, then `<interleaved>` or a sharded memory layout.
  const space = items[0];
  const spaceReadable =
    space !== undefined &&
    isLeaf(space[0], 'hashIdent') &&
    (space.length === 1 || (space.length === 2 && space[1]!.kind === 'group'));
  if (!spaceReadable || !MEMORY_LAYOUTS.has(angleWord(items[1]) ?? '')) {
    const shown = printAttr(existing, { separator: ', ', budgetChars: 80 });
    return {
      reason: `the memory_config attribute ${shown.truncated || shown.text.length > 80 ? `${shown.text.slice(0, 80)}…` : shown.text} is of a syntax era this fix does not write`,
    };
  }
  const spaceText = p.kind === 'dram_interleaved' ? w.dramSpace : w.l1Space;
  if (p.kind === 'dram_interleaved' || p.kind === 'l1_interleaved')
    return `#ttnn.memory_config<${spaceText}, <interleaved>>`;
  const { rows, cols } = physicalUnits(shape, page);
  const unit = page === 'tile' ? 32 : 1;
  const shardH = Math.ceil(rows / p.grid[0]) * unit;
  const shardW = Math.ceil(cols / p.grid[1]) * unit;
  const mode = hasShardMode(items) || w.shardSpecMode === true ? ', <physical>' : '';
  return `#ttnn.memory_config<${spaceText}, <${p.kind}>, #ttnn.shard_spec<<[${coreRangeList(p, w.deviceGrid[1]).join(', ')}]>, <${shardH}x${shardW}>, <row_major>${mode}>>`;
}

function gridText(p: Placement, era: LayoutEra, deviceCols: number): string {
  const g = `${p.grid[0]}x${p.grid[1]}`;
  if (p.kind === 'dram_interleaved' || era === 'coreRanges') return `<${g}>`;
  const c = deviceCols;
  const v2p =
    p.kind === 'height_sharded'
      ? `(d0, d1) -> (0, d0 floordiv ${c}, d0 mod ${c})`
      : p.kind === 'width_sharded'
        ? `(d0, d1) -> (0, d1 floordiv ${c}, d1 mod ${c})`
        : '(d0, d1) -> (0, d0, d1)';
  if (era === 'singleMap') return `<${g}, ${v2p}>`;
  const p2v =
    p.kind === 'height_sharded'
      ? `(d0, d1, d2) -> (d1 * ${c} + d2, 0)`
      : p.kind === 'width_sharded'
        ? `(d0, d1, d2) -> (0, d1 * ${c} + d2)`
        : '(d0, d1, d2) -> (d1, d2)';
  return `<${g}, virt_to_physical_map = ${v2p}, physical_to_virt_map = ${p2v}>`;
}

export interface LayoutWriteContext {
  readonly era: LayoutEra;
  readonly deviceGrid: readonly [number, number];
  /** Memory-space text to print for DRAM and L1 (`#dram` or `#ttnn.buffer_type<dram>`). */
  readonly dramSpace: string;
  readonly l1Space: string;
  /** The file's shard specs carry a shard mode (`<physical>`, printed since 2025-08). */
  readonly shardSpecMode?: boolean;
}

/**
 * The memref element (`!ttcore.tile<32x32, bf16>` or `bf16`) of a layout attribute, read from its token tree: the
 * first item of `memref<...>` after the shape prefix, printed with MLIR's separators.
 */
export function memrefElementText(layout: AttrNode): string | undefined {
  if (layout.kind !== 'dialectAttr' || layout.body === undefined) return undefined;
  const top = layout.body.children;
  for (let i = 0; i + 1 < top.length; i++) {
    const memref = top[i + 1]!;
    if (!isLeaf(top[i], 'ident', 'memref') || memref.kind !== 'group' || memref.open !== '<') continue;
    const first = topLevelItems(memref.children)[0] ?? [];
    let k = 0;
    while (k < first.length && isLeaf(first[k], 'dimensionList') && (first[k] as { text: string }).text.endsWith('x'))
      k++;
    if (k === first.length) return undefined;
    const printed = printTokens(first.slice(k), { separator: ', ' });
    return printed.truncated ? undefined : printed.text;
  }
  return undefined;
}

/** Full `#ttnn.ttnn_layout<...>` text for `shape` with the given page layout and element text. */
export function layoutAttrText(
  shape: readonly number[],
  page: PageLayout,
  elementText: string,
  p: Placement,
  w: LayoutWriteContext,
): string | undefined {
  const map = linearMapText(shape, page);
  if (map === undefined) return undefined;
  const { rows, cols } = physicalUnits(shape, page);
  const nCores = w.deviceGrid[0] * w.deviceGrid[1];
  let memref: [number, number];
  switch (p.kind) {
    case 'dram_interleaved':
      memref = [rows, cols];
      break;
    case 'l1_interleaved':
      memref = [1, Math.ceil((rows * cols) / nCores)];
      break;
    case 'height_sharded':
    case 'width_sharded':
    case 'block_sharded':
      memref = [Math.ceil(rows / p.grid[0]), Math.ceil(cols / p.grid[1])];
      break;
  }
  const space = p.kind === 'dram_interleaved' ? w.dramSpace : w.l1Space;
  const memLayout = p.kind === 'dram_interleaved' || p.kind === 'l1_interleaved' ? 'interleaved' : p.kind;
  const ranges = w.era === 'coreRanges' && memLayout !== 'interleaved' ? `, ${coreRangesText(p, w.deviceGrid[1])}` : '';
  return `#ttnn.ttnn_layout<${map}, ${gridText(p, w.era, w.deviceGrid[1])}, memref<${memref[0]}x${memref[1]}x${elementText}, ${space}>, <${memLayout}>${ranges}>`;
}

/** `#dram` when the chunk aliases `#ttnn.buffer_type<dram>`, else the inline attribute. */
export function memorySpaceText(chunk: Chunk, buffer: 'dram' | 'l1'): string {
  for (const a of chunk.aliases) {
    const body =
      a.attr?.kind === 'dialectAttr' && a.attr.name === 'ttnn.buffer_type' ? a.attr.body?.children : undefined;
    if (body !== undefined && body.length === 1 && isLeaf(body[0], 'ident', buffer)) return a.name;
  }
  return `#ttnn.buffer_type<${buffer}>`;
}

const MEMORY_LAYOUTS: ReadonlySet<string> = new Set([
  'interleaved',
  'height_sharded',
  'width_sharded',
  'block_sharded',
]);

function isLeaf(tree: TokenTree | undefined, leafKind: string, text?: string): boolean {
  return (
    tree !== undefined &&
    tree.kind === 'leaf' &&
    tree.leafKind === leafKind &&
    (text === undefined || tree.text === text)
  );
}

/** Token trees split at their top-level `,` leaves. */
function topLevelItems(trees: readonly TokenTree[]): TokenTree[][] {
  const items: TokenTree[][] = [[]];
  for (const t of trees) {
    if (t.kind === 'leaf' && t.text === ',') items.push([]);
    else items[items.length - 1]!.push(t);
  }
  return items;
}

/** The word of an item written `<word>` (`<interleaved>`, `<row_major>`), else undefined. */
function angleWord(item: readonly TokenTree[] | undefined): string | undefined {
  const group = item?.length === 1 ? item[0] : undefined;
  if (group?.kind !== 'group' || group.open !== '<' || group.children.length !== 1) return undefined;
  const word = group.children[0]!;
  return word.kind === 'leaf' && word.leafKind === 'ident' ? word.text : undefined;
}

/** Whether the memory config's shard spec carries a shard mode (`<row_major>, <physical>` at its end; since 2025-08). */
function hasShardMode(items: readonly TokenTree[][]): boolean {
  for (const item of items) {
    const spec = item.length === 2 && isLeaf(item[0], 'hashIdent', '#ttnn.shard_spec') ? item[1] : undefined;
    if (spec?.kind !== 'group') continue;
    const parts = topLevelItems(spec.children);
    const mode = angleWord(parts[parts.length - 1]);
    if (angleWord(parts[parts.length - 2]) === 'row_major' && (mode === 'physical' || mode === 'logical')) return true;
  }
  return false;
}

function isLayoutAttr(attr: AttrNode | undefined): boolean {
  return attr?.kind === 'dialectAttr' && (attr.name === 'ttnn.ttnn_layout' || attr.name === 'tt.layout');
}

export interface AliasWriter {
  /** Name of an alias for `value`: an existing alias with the same text, or a new `#ttnn_layout_l1lensN`. */
  readonly aliasFor: (value: string) => string;
  /** The insertion edit for the new aliases (after the last layout alias above the first op), or undefined. */
  readonly edit: () => FixEdit | undefined;
}

/** Collects the new layout aliases one fix needs and turns them into one insertion edit. */
export function aliasWriter(text: string, chunk: Chunk): AliasWriter {
  const existing = new Map<string, string>();
  const names = new Set<string>();
  const added: { name: string; value: string }[] = [];
  for (const a of chunk.aliases) {
    names.add(a.name);
    if (a.attr !== undefined && isLayoutAttr(a.attr))
      existing.set(text.slice(a.attr.range.start, a.attr.range.end).replace(/\s+/g, ''), a.name);
  }
  const aliasFor = (value: string): string => {
    const key = value.replace(/\s+/g, '');
    const known = existing.get(key);
    if (known !== undefined) return known;
    let i = 0;
    while (names.has(`#ttnn_layout_l1lens${i}`) && i < 100_000) i++;
    const name = `#ttnn_layout_l1lens${i}`;
    names.add(name);
    existing.set(key, name);
    added.push({ name, value });
    return name;
  };
  const edit = (): FixEdit | undefined => {
    if (added.length === 0) return undefined;
    const firstOp = chunk.operations[0]?.range.start ?? chunk.range.end;
    const top = chunk.aliases.filter((a) => a.range.end <= firstOp);
    const anchor = [...top].reverse().find((a) => isLayoutAttr(a.attr)) ?? top[top.length - 1];
    const lines = added.map((a) => `${a.name} = ${a.value}`);
    if (anchor !== undefined) return insertLinesAfter(text, anchor.range.end, lines);
    const at = chunk.operations[0]?.range.start ?? chunk.range.start;
    return { uri: 'self', range: { start: at, end: at }, newText: lines.map((l) => `${l}\n`).join('') };
  };
  return { aliasFor, edit };
}
