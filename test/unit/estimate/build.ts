/** Test helpers: TTNN op records built directly (no parser), mirroring what tt-mlir's OpModel tests construct. */

import { strict as assert } from 'assert';
import type { DataType } from '../../../server/src/ttnn/dtype';
import type { BufferType, MemoryLayout, TensorLayout } from '../../../server/src/ttnn/layout';
import { paddedShape } from '../../../server/src/ttnn/layout';
import type { PropValue, TensorSpec, TtnnOp, ValueSpec } from '../../../server/src/ttnn/op';
import { presetDevice } from '../../../server/src/ttnn/device';
import type { EstimateContext } from '../../../server/src/estimate/types';
import {
  NEWEST_MODELED_BUILD,
  NEWEST_READ_BUILD,
  TtMetalWindow,
  pastNewestReadReason,
} from '../../../server/src/estimate/changePoints';

export interface TensorOpts {
  readonly dtype?: DataType;
  readonly page?: 'tile' | 'row_major';
  readonly buffer?: BufferType;
  readonly mem?: MemoryLayout;
  /** Virtual shard grid [rows, cols] for sharded layouts. */
  readonly grid?: readonly [number, number];
}

/** A tensor with tt-mlir's canonical layout: sharded memref = ceil(physical / grid) per dim (tiles for tile layout). */
export function tensor(shape: readonly number[], o: TensorOpts = {}): TensorSpec {
  const page = o.page ?? 'tile';
  const dtype = o.dtype ?? 'bf16';
  const buffer = o.buffer ?? 'dram';
  const mem = o.mem ?? (buffer === 'system_memory' ? undefined : 'interleaved');
  // A rank-0 tensor is stored like a one-element rank-1 tensor (as resolveTensor treats it); its memref is 1x1.
  const padded = paddedShape(shape.length === 0 ? [1] : shape, page);
  const w = padded[padded.length - 1];
  let vol = 1;
  for (const d of padded) vol *= d;
  const rows = w === 0 ? 0 : vol / w;
  const phys = page === 'tile' ? [rows / 32, w / 32] : [rows, w];
  const grid = o.grid ?? [1, 1];
  const shard =
    mem === 'interleaved' || mem === undefined ? phys : [Math.ceil(phys[0] / grid[0]), Math.ceil(phys[1] / grid[1])];
  const layout: TensorLayout = {
    kind: 'layout',
    pageLayout: page,
    dtype,
    bufferType: buffer,
    memoryLayout: mem,
    gridShape: grid,
    coreRanges: undefined,
    shardShape: shard,
    syntax: 'ttnn_layout',
  };
  return { kind: 'tensor', shape: { kind: 'known', dims: shape }, elementDtype: dtype, layout, layoutAlias: '' };
}

export const DEVICE_VALUE: ValueSpec = { kind: 'other', typeText: '!ttnn.device' };

export function op(
  name: string,
  operands: readonly ValueSpec[],
  results: readonly ValueSpec[],
  properties: Record<string, PropValue> = {},
): TtnnOp {
  return {
    name,
    resultNames: results.map((_, i) => `%r${i}`),
    operandNames: operands.map((_, i) => `%a${i}`),
    operands,
    results,
    properties,
    symbolUses: [],
    range: { start: 0, end: 0 },
    nameRange: { start: 0, end: 0 },
    source: undefined,
  };
}

export const ints = (...values: number[]): PropValue => ({ kind: 'ints', values });
export const int = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });

/** tt-metal f4163c2 (2025-11-27), the build the tt-mlir OpModel goldens were made with: the default of these tests. */
export const GOLDEN_BUILD_DATE = '2025-11-27';

/**
 * Wormhole n150 (the tt-mlir OpModel fixture's 8x8 N300 worker grid has the same figures) for one tt-metal build:
 * `ttMetalDate` (YYYY-MM-DD or a window), or `era` as shorthand for a build before / after tt-metal PR #35806.
 */
export function whContext(
  o: {
    base?: number;
    era?: 'legacy-block' | 'sub-block';
    ttMetalDate?: string;
    window?: TtMetalWindow;
    live?: number;
  } = {},
): EstimateContext {
  const date = o.ttMetalDate ?? (o.era === 'sub-block' ? NEWEST_MODELED_BUILD : GOLDEN_BUILD_DATE);
  const window = o.window ?? { earliest: date, latest: date };
  return {
    device: presetDevice('wormhole_b0_n150', { l1UnreservedBase: o.base }),
    ttMetal: { window },
    liveL1BytesPerCore: o.live,
  };
}

/**
 * Assert an estimate whose formula was read for every build up to tt-metal 622c6fb (2026-06-23): `exact` when the
 * window ends by then, else `approx` with the registry's one reason for the later builds (registry.ts
 * withinReadBuilds). For tests of a formula at a build the mirror does not reach (a change point after 06-23).
 */
export function assertExactUpToNewestRead(
  e: { readonly confidence: 'exact' | 'approx'; readonly approxReason: string },
  window: TtMetalWindow,
): void {
  if (window.latest <= NEWEST_READ_BUILD) assert.deepEqual([e.confidence, e.approxReason], ['exact', '']);
  else assert.deepEqual([e.confidence, e.approxReason], ['approx', pastNewestReadReason(window)]);
}

/** A dialect attribute value (`#ttnn.name<fields>`) as the TTNN view hands it to estimators. */
export const dialect = (name: string, fields: Record<string, string>): PropValue => ({
  kind: 'dialect',
  name,
  text: `#${name}<>`,
  items: Object.entries(fields).map(([k, v]) => `${k}=${v}`),
  fields,
});

/** `compute_config = #ttnn.device_compute_kernel_config<fp32_dest_acc_en = …>`. */
export const computeConfig = (fp32: boolean): PropValue =>
  dialect('ttnn.device_compute_kernel_config', { fp32_dest_acc_en: String(fp32) });
