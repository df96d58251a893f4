/**
 * Moving one SSA value to another placement by text: a layout for its shape in the file's era (reusing an equal alias
 * or adding `#ttnn_layout_l1lensN`), written into the defining op's result type and every use's operand type, so the
 * file stays type-consistent. Values that are returned or are function arguments are not moved (their type is part
 * of the function's interface).
 */

import type { CoreRange, TensorLayout } from '../ttnn/layout';
import { l1Footprint } from '../ttnn/layout';
import type { TensorSpec } from '../ttnn/op';
import type { Device } from '../ttnn/device';
import { SyntaxFunction, aliasMap, namedByLaterRun, usesOf, valueDefs } from './edits';
import type { AttrNode, Operation } from '../mlir/syntax';
import {
  AliasWriter,
  LayoutWriteContext,
  Placement,
  layoutAttrText,
  layoutEraOf,
  memoryConfigText,
  memorySpaceText,
  memrefElementText,
  physicalUnits,
} from './layoutText';
import { fileMarks } from './fileMarks';
import type { FixEdit } from './types';

export function writeContext(fn: SyntaxFunction, device: Device): LayoutWriteContext {
  return {
    era: layoutEraOf(fn.file),
    deviceGrid: device.workerGrid,
    dramSpace: memorySpaceText(fn.chunk, 'dram'),
    l1Space: memorySpaceText(fn.chunk, 'l1'),
    shardSpecMode: fileMarks(fn.file).shardSpecMode,
  };
}

/** Whether an op of the chunk refers to the function by symbol (a call, `load_cached`, a trace op). */
function isReferenced(fn: SyntaxFunction): boolean {
  const name = fn.op?.symbol?.name;
  if (name === undefined) return false;
  let found = false;
  let visited = 0;
  const visit = (op: Operation, depth: number): void => {
    if (found || depth > 16 || ++visited > 2_000_000) return;
    if (op !== fn.op && op.symbolUses.some((u) => u.name === name)) {
      found = true;
      return;
    }
    for (const region of op.regions)
      for (const block of region.blocks) for (const inner of block.operations) visit(inner, depth + 1);
  };
  for (const op of fn.chunk.operations) visit(op, 0);
  return found;
}

/** Layout source text of a value's type (alias resolved), if it has one. */
/** The layout attribute of `name`'s type (through its alias), if written. */
function layoutAttrOf(fn: SyntaxFunction, name: string): AttrNode | undefined {
  const def = valueDefs(fn).get(name);
  if (def?.type?.kind !== 'tensor' || def.type.encoding === undefined) return undefined;
  return resolvedAttr(fn, def.type.encoding);
}

/** An attribute with a top-level alias reference replaced by its definition (undefined when the alias is not defined). */
function resolvedAttr(fn: SyntaxFunction, attr: AttrNode): AttrNode | undefined {
  return attr.kind === 'attrAlias' ? aliasMap(fn.chunk).get(attr.name)?.attr : attr;
}

/** Why `name` cannot be retyped, or undefined when it can. */
export function retypeBlocker(fn: SyntaxFunction, name: string): string | undefined {
  const def = valueDefs(fn).get(name);
  if (def === undefined) return `${name} is not defined in this function`;
  if (def.kind === 'arg')
    return fn.op === undefined
      ? `${name} is made before the op lines shown (its layout is not theirs to change)`
      : `${name} is a function argument (its layout is the caller's)`;
  const laterRun = namedByLaterRun(fn, name);
  if (laterRun !== undefined) return laterRun;
  if (def.type?.kind !== 'tensor' || def.type.encoding === undefined) return `${name} has no layout encoding`;
  for (const u of usesOf(fn, name)) {
    if (u.op.name === 'func.return') {
      // The signature's result type is rewritten with it; callers in this file would need their types changed too.
      if (isReferenced(fn))
        return `${name} is returned by ${fn.op?.symbol?.name ?? 'the function'}, which is called in this file`;
      const r = fn.op?.signature?.results[u.operandIndex]?.type;
      if (r?.kind !== 'tensor' || r.encoding === undefined)
        return `the signature states no layout for result ${u.operandIndex}`;
    }
    const t = u.op.operandTypes[u.operandIndex];
    if (t === undefined || t.kind !== 'tensor' || t.encoding === undefined)
      return `a use of ${name} has no written layout`;
  }
  return undefined;
}

/** Edits giving `name` the layout `placement` (plus the alias the writer collects), or why not. */
export function retypeEdits(
  fn: SyntaxFunction,
  name: string,
  spec: TensorSpec,
  placement: Placement,
  w: LayoutWriteContext,
  writer: AliasWriter,
): FixEdit[] | string {
  const blocked = retypeBlocker(fn, name);
  if (blocked !== undefined) return blocked;
  if (spec.shape.kind !== 'known' || spec.layout.kind !== 'layout') return `${name} has no known shape and layout`;
  const layoutAttr = layoutAttrOf(fn, name);
  const elem = layoutAttr === undefined ? undefined : memrefElementText(layoutAttr);
  if (elem === undefined) return `cannot read the memref element type of ${name}'s layout`;
  if (spec.layout.syntax !== 'ttnn_layout') return 'layouts of this syntax era (#tt.layout) are not rewritten';
  const value = layoutAttrText(spec.shape.dims, spec.layout.pageLayout, elem, placement, w);
  if (value === undefined) return `no layout text for a rank-0 tensor`;
  const alias = writer.aliasFor(value);
  const def = valueDefs(fn).get(name);
  const edits: FixEdit[] = [];
  if (def?.type?.kind === 'tensor' && def.type.encoding !== undefined)
    edits.push({ uri: 'self', range: def.type.encoding.range, newText: alias });
  for (const u of usesOf(fn, name)) {
    const t = u.op.operandTypes[u.operandIndex];
    if (t?.kind === 'tensor' && t.encoding !== undefined)
      edits.push({ uri: 'self', range: t.encoding.range, newText: alias });
    if (u.op.name === 'func.return') {
      const r = fn.op?.signature?.results[u.operandIndex]?.type;
      if (r?.kind === 'tensor' && r.encoding !== undefined)
        edits.push({ uri: 'self', range: r.encoding.range, newText: alias });
    }
  }
  // Every other place that states the placement: the defining op's `memory_config` attribute (dumps before tt-mlir
  // PR #7548 carry one on ops that take a memory config; the runtime program followed it, not the result type).
  if (def?.kind === 'result') {
    const entry = def.op.properties?.entries.find((e) => e.name === 'memory_config');
    if (entry !== undefined) {
      const mc = memoryConfigText(
        resolvedAttr(fn, entry.value) ?? entry.value,
        spec.shape.dims,
        spec.layout.pageLayout,
        placement,
        w,
      );
      if (typeof mc !== 'string') return mc.reason;
      edits.push({ uri: 'self', range: entry.value.range, newText: mc });
    }
  }
  // The same type node can be shared when an op uses a value twice: keep each range once.
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.range.start}:${e.range.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The TensorLayout `layoutAttrText` writes for `placement` (what the decoder will read back). */
export function placedLayout(
  spec: TensorSpec & { layout: TensorLayout },
  dims: readonly number[],
  placement: Placement,
  deviceGrid: readonly [number, number],
  era: string,
): TensorLayout {
  const { rows, cols } = physicalUnits(dims, spec.layout.pageLayout);
  const nCores = deviceGrid[0] * deviceGrid[1];
  const sharded =
    placement.kind === 'height_sharded' || placement.kind === 'width_sharded' || placement.kind === 'block_sharded';
  const shardShape =
    placement.kind === 'dram_interleaved'
      ? [rows, cols]
      : placement.kind === 'l1_interleaved'
        ? [1, Math.ceil((rows * cols) / nCores)]
        : [Math.ceil(rows / placement.grid[0]), Math.ceil(cols / placement.grid[1])];
  let coreRanges: TensorLayout['coreRanges'];
  if (sharded && era === 'coreRanges') {
    const n = placement.grid[0] * placement.grid[1];
    const c = deviceGrid[1];
    if (placement.kind === 'block_sharded')
      coreRanges = [{ start: { x: 0, y: 0 }, end: { x: placement.grid[1] - 1, y: placement.grid[0] - 1 } }];
    else {
      const full = Math.floor(n / c);
      const rem = n % c;
      const ranges: CoreRange[] = [];
      if (full > 0) ranges.push({ start: { x: 0, y: 0 }, end: { x: c - 1, y: full - 1 } });
      if (rem > 0) ranges.push({ start: { x: 0, y: full }, end: { x: rem - 1, y: full } });
      coreRanges = ranges;
    }
  }
  return {
    kind: 'layout',
    pageLayout: spec.layout.pageLayout,
    dtype: spec.layout.dtype,
    bufferType: placement.kind === 'dram_interleaved' ? 'dram' : 'l1',
    memoryLayout:
      placement.kind === 'dram_interleaved' || placement.kind === 'l1_interleaved' ? 'interleaved' : placement.kind,
    gridShape: placement.grid,
    coreRanges,
    shardShape,
    syntax: 'ttnn_layout',
  };
}

/** Bytes per core of a tensor in L1 under `layout` (0 outside L1). */
export function l1BytesOf(dims: readonly number[], layout: TensorLayout, device: Device): number {
  return l1Footprint(dims, layout, device)?.bytesPerCore ?? 0;
}
