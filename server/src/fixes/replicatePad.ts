/**
 * Recognise tt-mlir's lowering of a replicate pad (`F.pad(..., mode="replicate")` → gather → embedding, tt-mlir issue
 * #6536; ttmlir-memory.md §4) by structure: [to_layout(tile)] → [permute] → reshape(2-D) → [to_layout(row_major)] →
 * embedding(constant indices, weight) → reshape → [permute back], the padded dim growing from n to k rows.
 * Then build two rewrites of the chain: one constant `ttnn.pad` (numerics change at the borders), and the
 * semantics-keeping slice + repeat + concat of tt-mlir PR #6562.
 *
 * Front/back padding follows tt-mlir's corrected decomposition: the indices must be exactly
 * [0]*front ++ [0..n-1] ++ [n-1]*back with the body present (PR #8254, 2026-05-05); the back pad replicates the last
 * row, [n-1:n] (PR #8477, 2026-05-19); a size-1 dim repeats its one row (PR #8493, 2026-05-20). The pattern is read
 * only from indices the IR proves (fixes/indexValues.ts); otherwise the causal front pad is an assumption, and every
 * fix built on it says so.
 */

import { ESTIMATORS } from '../estimate/registry';
import { locationOfAlias, resolveLocation } from '../mlir/locations';
import { type GenericOp, printGenericOp } from '../mlir/print';
import type { AliasDefinition, Location, Operation } from '../mlir/syntax';
import { elementBytes } from '../ttnn/dtype';
import type { TensorLayout } from '../ttnn/layout';
import type { TensorSpec, TtnnFunction, TtnnOp } from '../ttnn/op';
import {
  SyntaxFunction,
  aliasMap,
  deallocateOp,
  deletionRange,
  eolOf,
  freshValueName,
  indentAt,
  locTextOf,
  sliceOf,
  valueDefs,
} from './edits';
import type { TtnnModule } from '../ttnn/op';
import { provenIndices } from './indexValues';
import { sliceOpName } from './irEra';
import { aliasWriter, layoutAttrText, memorySpaceText, memrefElementText, layoutEraOf } from './layoutText';
import type { FixEdit } from './types';

export interface PadChain {
  /** Op indices of the chain, in order (deallocates of its intermediates excluded). */
  readonly opIndices: readonly number[];
  /** Indices of `ttnn.deallocate` ops freeing chain intermediates. */
  readonly deallocIndices: readonly number[];
  readonly inputName: string;
  readonly outputName: string;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  /** The padded dim of the input/output shape. */
  readonly dim: number;
  readonly front: number;
  readonly back: number;
  /** How front/back were found: from indices the IR proves (a constant), or assumed (causal front pad). */
  readonly indexPattern: 'proven' | 'assumed';
  /** Where proven indices come from ("ttnn.constant in @main_const_eval_0 (ttcore.load_cached)"), or why assumed. */
  readonly indexSource: string;
  /** The gather indices: read, or the ones assumed. */
  readonly indices: readonly number[];
  readonly embeddingIndex: number;
  readonly inputLayout: TensorLayout;
  readonly outputLayout: TensorLayout;
}

function tensorOf(
  spec: TtnnOp['results'][number] | undefined,
): (TensorSpec & { dims: readonly number[]; layout: TensorLayout }) | undefined {
  if (spec === undefined || spec.kind !== 'tensor' || spec.shape.kind !== 'known' || spec.layout.kind !== 'layout')
    return undefined;
  return { ...spec, dims: spec.shape.dims, layout: spec.layout };
}

/** [0]*a ++ [0..n-1] ++ [n-1]*b → {a, b}; undefined when the indices are not a clamp pattern (a real gather). */
export function clampPattern(indices: readonly number[], n: number): { front: number; back: number } | undefined {
  const k = indices.length;
  if (n <= 0 || k < n) return undefined;
  for (let a = 0; a <= k - n; a++) {
    let ok = true;
    for (let i = 0; i < k && ok; i++) {
      const expect = i < a ? 0 : i < a + n ? i - a : n - 1;
      ok = indices[i] === expect;
    }
    if (ok) return { front: a, back: k - n - a };
  }
  return undefined;
}

function inversePerm(p: readonly number[]): number[] {
  const inv = new Array<number>(p.length).fill(-1);
  p.forEach((v, i) => {
    if (v >= 0 && v < p.length) inv[v] = i;
  });
  return inv;
}

/** Find the replicate-pad chain containing op `opIndex`, if any. */
export function findPadChain(fn: TtnnFunction, opIndex: number, module?: TtnnModule): PadChain | undefined {
  const defAt = new Map<string, number>();
  const usesOfName = new Map<string, number[]>();
  const deallocOf = new Map<string, number>();
  fn.ops.forEach((op, i) => {
    op.resultNames.forEach((n) => defAt.set(n, i));
    if (op.name === 'ttnn.deallocate') {
      const n = op.operandNames[0];
      if (n !== undefined) deallocOf.set(n, i);
      return;
    }
    op.operandNames.forEach((n) => usesOfName.set(n, [...(usesOfName.get(n) ?? []), i]));
  });
  const soleUser = (name: string): number | undefined => {
    const u = usesOfName.get(name) ?? [];
    return u.length === 1 ? u[0] : undefined;
  };
  const producer = (name: string | undefined): number | undefined => (name === undefined ? undefined : defAt.get(name));
  for (let e = 0; e < fn.ops.length; e++) {
    const emb = fn.ops[e];
    if (emb.name !== 'ttnn.embedding' || emb.operandNames.length < 2) continue;
    const chain = chainAround(fn, e, producer, soleUser, module);
    if (chain === undefined) continue;
    if (!chain.opIndices.includes(opIndex)) continue;
    const deallocIndices = chain.intermediates.map((n) => deallocOf.get(n)).filter((i): i is number => i !== undefined);
    return { ...chain, deallocIndices };
  }
  return undefined;
}

function chainAround(
  fn: TtnnFunction,
  e: number,
  producer: (name: string | undefined) => number | undefined,
  soleUser: (name: string) => number | undefined,
  module: TtnnModule | undefined,
): (Omit<PadChain, 'deallocIndices'> & { intermediates: string[] }) | undefined {
  const ops = fn.ops;
  const emb = ops[e];
  const before: number[] = [];
  // Walk up from the embedding weight: [to_layout] ← reshape ← [permute] ← [to_layout].
  let cur = producer(emb.operandNames[1]);
  const take = (name: string, i: number | undefined): number | undefined => {
    if (i === undefined || ops[i].name !== name) return undefined;
    return i;
  };
  const l = take('ttnn.to_layout', cur);
  if (l !== undefined) {
    before.unshift(l);
    cur = producer(ops[l].operandNames[0]);
  }
  const r1 = take('ttnn.reshape', cur);
  if (r1 === undefined) return undefined;
  before.unshift(r1);
  cur = producer(ops[r1].operandNames[0]);
  const p1 = take('ttnn.permute', cur);
  let perm: number[] | undefined;
  if (p1 !== undefined) {
    const pv = ops[p1].properties['permutation'];
    if (pv === undefined || pv.kind !== 'ints') return undefined;
    perm = [...pv.values];
    before.unshift(p1);
    cur = producer(ops[p1].operandNames[0]);
  }
  const t0 = take('ttnn.to_layout', cur);
  if (t0 !== undefined) before.unshift(t0);
  // Walk down from the embedding result: reshape → [permute back].
  const after: number[] = [];
  const r2 = soleUser(emb.resultNames[0] ?? '');
  if (r2 === undefined || ops[r2].name !== 'ttnn.reshape') return undefined;
  after.push(r2);
  let last = r2;
  if (perm !== undefined) {
    const p2 = soleUser(ops[r2].resultNames[0] ?? '');
    if (p2 === undefined || ops[p2].name !== 'ttnn.permute') return undefined;
    const pv = ops[p2].properties['permutation'];
    const inv = inversePerm(perm);
    if (pv === undefined || pv.kind !== 'ints' || pv.values.join(',') !== inv.join(',')) return undefined;
    after.push(p2);
    last = p2;
  }
  const first = before[0];
  const inputName = ops[first].operandNames[0];
  const x = tensorOf(ops[first].operands[0]);
  const y = tensorOf(ops[last].results[0]);
  const w = tensorOf(ops[r1].results[0]);
  const outputName = ops[last].resultNames[0];
  if (inputName === undefined || outputName === undefined || x === undefined || y === undefined || w === undefined)
    return undefined;
  // Every intermediate feeds only the next chain op.
  const chainOps = [...before, e, ...after];
  const intermediates: string[] = [];
  for (let i = 0; i < chainOps.length - 1; i++) {
    const name = ops[chainOps[i]].resultNames[0];
    if (name === undefined || soleUser(name) !== chainOps[i + 1]) return undefined;
    intermediates.push(name);
  }
  if (x.dims.length !== y.dims.length || x.dims.length === 0) return undefined;
  const dim = perm === undefined ? 0 : perm[0];
  const n = w.dims[0];
  const k = y.dims[dim];
  if (x.dims[dim] !== n || k <= n) return undefined;
  for (let i = 0; i < x.dims.length; i++) if (i !== dim && x.dims[i] !== y.dims[i]) return undefined;
  if (x.layout.dtype !== y.layout.dtype) return undefined;
  // Indices: proven values give the pattern (or show it is no pad); otherwise the causal front pad is assumed.
  let front = k - n;
  let back = 0;
  let indexPattern: PadChain['indexPattern'] = 'assumed';
  let indices: number[] = [...new Array<number>(k - n).fill(0), ...Array.from({ length: n }, (_, i) => i)];
  const idxName = emb.operandNames[0];
  const idxDef = producer(idxName);
  let indexSource =
    idxDef === undefined
      ? `the gather indices ${idxName ?? ''} are a function argument (supplied at run time)`
      : `the gather indices ${idxName ?? ''} come from ${ops[idxDef].name}, not a constant`;
  const proven = idxName === undefined ? undefined : provenIndices(module, fn, idxName);
  if (proven !== undefined) {
    const pattern = proven.values.length === k ? clampPattern(proven.values, n) : undefined;
    if (pattern === undefined) return undefined;
    front = pattern.front;
    back = pattern.back;
    indexPattern = 'proven';
    indexSource = proven.source;
    indices = [...proven.values];
  }
  return {
    opIndices: chainOps,
    inputName,
    outputName,
    inputShape: x.dims,
    outputShape: y.dims,
    dim,
    front,
    back,
    indexPattern,
    indexSource,
    indices,
    embeddingIndex: e,
    intermediates,
    inputLayout: x.layout,
    outputLayout: y.layout,
  };
}

// ---------------------------------------------------------------------------------------------
// Rewrites

export interface ChainRewrite {
  readonly edits: readonly FixEdit[];
  /** Result names of the inserted ops. */
  readonly results: readonly string[];
  readonly notes: readonly string[];
}

interface RewriteContext {
  readonly text: string;
  readonly fn: SyntaxFunction;
  readonly chain: PadChain;
}

function typeTextOf(ctx: RewriteContext, name: string): string | undefined {
  const def = valueDefs(ctx.fn).get(name);
  return def?.type === undefined ? undefined : sliceOf(ctx.text, def.type.range);
}

/** Replace the first chain op with `ops`, delete the rest of the chain and its intermediates' deallocates. */
function chainEdits(ctx: RewriteContext, ops: readonly GenericOp[]): FixEdit[] {
  const { text, fn, chain } = ctx;
  const firstOp = fn.bodyOps[chain.opIndices[0]];
  const indent = indentAt(text, firstOp.range.start);
  const edits: FixEdit[] = [
    { uri: 'self', range: firstOp.range, newText: ops.map(printGenericOp).join(eolOf(text) + indent) },
  ];
  for (const i of [...chain.opIndices.slice(1), ...chain.deallocIndices]) {
    const op = fn.bodyOps[i];
    if (op !== undefined) edits.push({ uri: 'self', range: deletionRange(text, op.range), newText: '' });
  }
  return edits;
}

/** The chain's location (the embedding's `loc(...)`), for every op that replaces it. */
function chainLocation(ctx: RewriteContext): string {
  return locTextOf(ctx.text, ctx.fn.bodyOps[ctx.chain.embeddingIndex]);
}

/** The SSA names the ops define, each once, in order. */
function resultsOf(ops: readonly GenericOp[]): string[] {
  return [...new Set(ops.flatMap((o) => o.results))];
}

/** `[0, 0, 0, 1, 2, 3]`, or `[0 ×3, 1, …, 3]` when long. */
export function indicesText(indices: readonly number[]): string {
  if (indices.length <= 8) return `[${indices.join(', ')}]`;
  const runs: string[] = [];
  let i = 0;
  while (i < indices.length && runs.length < 6) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[i]) j++;
    runs.push(j > i ? `${indices[i]} ×${j - i + 1}` : `${indices[i]}`);
    i = j + 1;
  }
  return `[${runs.join(', ')}${i < indices.length ? `, … ${indices[indices.length - 1]}` : ''}]`;
}

/** What the pad amounts are, in words: "2 rows in front of dim 2", "1 row in front of and 2 behind dim 3". */
export function paddingText(chain: Pick<PadChain, 'front' | 'back' | 'dim'>): string {
  const rows = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;
  if (chain.back === 0) return `${rows(chain.front)} in front of dim ${chain.dim}`;
  if (chain.front === 0) return `${rows(chain.back)} behind dim ${chain.dim}`;
  return `${rows(chain.front)} in front of and ${chain.back} behind dim ${chain.dim}`;
}

/** The assumption a fix of this chain rests on (for its title), or undefined when the indices are proven. */
export function chainAssumption(chain: PadChain): string | undefined {
  return chain.indexPattern === 'assumed'
    ? `if the indices are ${indicesText(chain.indices)} (${paddingText(chain)})`
    : undefined;
}

function assumptionNotes(chain: PadChain): string[] {
  return chain.indexPattern === 'assumed'
    ? [
        `${chain.indexSource}: the rewrite assumes they are ${indicesText(chain.indices)}, the causal front pad of ${chain.front} on dim ${chain.dim}; other indices give other values`,
      ]
    : [`gather indices ${indicesText(chain.indices)} proven by ${chain.indexSource}: ${paddingText(chain)}`];
}

/** Writes tensor types in the chain input's placement for new shapes (aliases collected by one writer per fix). */
function chainTypeWriter(
  ctx: RewriteContext,
  deviceGrid: readonly [number, number],
): { typeFor: (shape: readonly number[]) => string | undefined; aliasEdit: () => FixEdit | undefined } | string {
  const { text, fn, chain } = ctx;
  const inputLayout = chain.inputLayout;
  if (
    inputLayout.memoryLayout !== 'interleaved' ||
    (inputLayout.bufferType !== 'dram' && inputLayout.bufferType !== 'l1')
  )
    return 'the chain input is not interleaved in DRAM or L1';
  if (elementBytes(inputLayout.dtype) === undefined && inputLayout.pageLayout === 'row_major')
    return `no row-major size for ${inputLayout.dtype}`;
  const def = valueDefs(fn).get(chain.inputName);
  const enc = def?.type?.kind === 'tensor' ? def.type.encoding : undefined;
  const layoutAttr = enc?.kind === 'attrAlias' ? aliasMap(fn.chunk).get(enc.name)?.attr : enc;
  const elem = layoutAttr === undefined ? undefined : memrefElementText(layoutAttr);
  if (elem === undefined || def?.type?.kind !== 'tensor') return 'cannot read the chain input layout';
  const elemTypeText = sliceOf(text, def.type.elementType.range);
  const writer = aliasWriter(text, fn.chunk);
  const w = {
    era: layoutEraOf(fn.file),
    deviceGrid,
    dramSpace: memorySpaceText(fn.chunk, 'dram'),
    l1Space: memorySpaceText(fn.chunk, 'l1'),
  };
  const placement =
    inputLayout.bufferType === 'dram'
      ? { kind: 'dram_interleaved' as const, grid: [1, 1] as const }
      : { kind: 'l1_interleaved' as const, grid: deviceGrid };
  return {
    typeFor: (shape) => {
      const layout = layoutAttrText(shape, inputLayout.pageLayout, elem, placement, w);
      return layout === undefined
        ? undefined
        : `tensor<${shape.join('x')}x${elemTypeText}, ${writer.aliasFor(layout)}>`;
    },
    aliasEdit: () => writer.edit(),
  };
}

const i32List = (xs: readonly number[]): string => `[${xs.map((x) => `${x} : i32`).join(', ')}]`;

/** Largest rank tt-metal's `ttnn::pad` pads in one op: above it, it squeezes to 4-D and unsqueezes back (tt-metal
 *  issue #38144: the unsqueeze can corrupt the shape; tt-mlir decomposes such pads, PadHighDimRewritePattern, PR #7121). */
const PAD_MAX_RANK = 4;

/**
 * The chain → one constant `ttnn.pad` with the chain's output type. A pad of rank above 4 is written as tt-mlir's
 * workaround would run it: reshape to [before, n, after] (the dims around the padded one merged), pad that dim,
 * reshape back; no permute is needed because only one dim is padded.
 */
export function constantPadRewrite(
  text: string,
  fn: SyntaxFunction,
  chain: PadChain,
  deviceGrid: readonly [number, number] = [8, 8],
): ChainRewrite | string {
  const ctx = { text, fn, chain };
  const inType = typeTextOf(ctx, chain.inputName);
  const outType = typeTextOf(ctx, chain.outputName);
  if (inType === undefined || outType === undefined) return 'chain input or output type not found';
  // ttnn.pad keeps the page layout and placement of its input.
  if (chain.inputLayout.pageLayout !== chain.outputLayout.pageLayout)
    return 'the chain changes tile/row-major layout; one ttnn.pad cannot';
  const location = chainLocation(ctx);
  const padOp = (result: string, input: string, rank: number, dim: number, from: string, to: string): GenericOp => {
    const padding: number[] = [];
    for (let i = 0; i < rank; i++) padding.push(i === dim ? chain.front : 0, i === dim ? chain.back : 0);
    const properties = [
      ['padding', `array<i32: ${padding.join(', ')}>`],
      ['use_multicore', 'true'],
      ['value', '0.000000e+00 : f32'],
    ] as const;
    return {
      results: [result],
      name: 'ttnn.pad',
      operands: [input],
      properties,
      operandTypes: [from],
      resultTypes: [to],
      location,
    };
  };
  const notes = assumptionNotes(chain);
  if (chain.inputShape.length <= PAD_MAX_RANK) {
    const ops = [padOp(chain.outputName, chain.inputName, chain.inputShape.length, chain.dim, inType, outType)];
    return { edits: chainEdits(ctx, ops), results: resultsOf(ops), notes };
  }
  const types = chainTypeWriter(ctx, deviceGrid);
  if (typeof types === 'string')
    return `a rank-${chain.inputShape.length} pad must be reshaped to rank 3 first, but ${types}`;
  const prod = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);
  const before = prod(chain.inputShape.slice(0, chain.dim));
  const after = prod(chain.inputShape.slice(chain.dim + 1));
  const n = chain.inputShape[chain.dim];
  const k = chain.outputShape[chain.dim];
  const flatIn = [before, n, after];
  const flatOut = [before, k, after];
  const flatInType = types.typeFor(flatIn);
  const flatOutType = types.typeFor(flatOut);
  if (flatInType === undefined || flatOutType === undefined) return 'cannot write the rank-3 layouts';
  const taken = new Set<string>();
  const flat = freshValueName(fn, 'l1lens_flat', taken);
  const padded = freshValueName(fn, 'l1lens_padded', taken);
  const reshapeOp = (result: string, input: string, shape: readonly number[], from: string, to: string): GenericOp => ({
    results: [result],
    name: 'ttnn.reshape',
    operands: [input],
    properties: [['shape', i32List(shape)]],
    operandTypes: [from],
    resultTypes: [to],
    location,
  });
  const ops = [
    reshapeOp(flat, chain.inputName, flatIn, inType, flatInType),
    padOp(padded, flat, 3, 1, flatInType, flatOutType),
    deallocateOp(flat, flatInType, location),
    reshapeOp(chain.outputName, padded, chain.outputShape, flatOutType, outType),
    deallocateOp(padded, flatOutType, location),
  ];
  notes.push(
    `tt-metal pads rank ${chain.inputShape.length} only by squeezing to 4-D and back (tt-metal issue #38144), so the pad runs on a rank-3 view [${flatIn.join(', ')}] between two reshapes, as tt-mlir's PadHighDimRewritePattern does`,
  );
  const edits = chainEdits(ctx, ops);
  const aliasEdit = types.aliasEdit();
  if (aliasEdit !== undefined) edits.push(aliasEdit);
  return { edits, results: resultsOf(ops), notes };
}

/**
 * The chain → slice of the edge row(s), repeat for more than one row, concat along the padded dim (tt-mlir PR #6562,
 * ttmlir-memory.md §4). While `ttnn.repeat` has no L1 model here, the edge is passed to concat n times instead (same
 * values), so every inserted op can be verified. The slice op is named as the dump's tt-mlir names it.
 */
export function sliceConcatRewrite(
  text: string,
  fn: SyntaxFunction,
  chain: PadChain,
  deviceGrid: readonly [number, number],
): ChainRewrite | string {
  const ctx = { text, fn, chain };
  const inType = typeTextOf(ctx, chain.inputName);
  const outType = typeTextOf(ctx, chain.outputName);
  if (inType === undefined || outType === undefined) return 'chain input or output type not found';
  if (chain.inputLayout.pageLayout !== chain.outputLayout.pageLayout)
    return 'the chain changes tile/row-major layout; slice + concat keep it';
  const sliceName = sliceOpName(text);
  if (typeof sliceName !== 'string') return sliceName.reason;
  const types = chainTypeWriter(ctx, deviceGrid);
  if (typeof types === 'string') return types;
  const { typeFor } = types;
  const location = chainLocation(ctx);
  const rank = chain.inputShape.length;
  const taken = new Set<string>();
  const ops: GenericOp[] = [];
  const deallocs: GenericOp[] = [];
  const useRepeat = ESTIMATORS.has('ttnn.repeat');
  const notes = assumptionNotes(chain);
  const edge = (count: number, atFront: boolean): { names: string[]; type: string } | undefined => {
    const edgeShape = chain.inputShape.map((d, i) => (i === chain.dim ? 1 : d));
    const edgeType = typeFor(edgeShape);
    if (edgeType === undefined) return undefined;
    // Front: row 0; back: row n-1 (tt-mlir PR #8477 fixed its back pad to slice [n-1:n], not [0:1]).
    const begins = chain.inputShape.map((d, i) => (i === chain.dim && !atFront ? d - 1 : 0));
    const ends = chain.inputShape.map((d, i) => (i === chain.dim && atFront ? 1 : d));
    const edgeName = freshValueName(fn, atFront ? 'l1lens_front' : 'l1lens_back', taken);
    const properties = [
      ['begins', i32List(begins)],
      ['ends', i32List(ends)],
      ['step', i32List(new Array<number>(rank).fill(1))],
    ] as const;
    ops.push({
      results: [edgeName],
      name: sliceName,
      operands: [chain.inputName],
      properties,
      operandTypes: [inType],
      resultTypes: [edgeType],
      location,
    });
    deallocs.push(deallocateOp(edgeName, edgeType, location));
    if (count === 1) return { names: [edgeName], type: edgeType };
    if (!useRepeat) return { names: new Array<string>(count).fill(edgeName), type: edgeType };
    const repShape = chain.inputShape.map((d, i) => (i === chain.dim ? count : d));
    const repType = typeFor(repShape);
    if (repType === undefined) return undefined;
    const repName = freshValueName(fn, atFront ? 'l1lens_front_rep' : 'l1lens_back_rep', taken);
    const dims = chain.inputShape.map((_, i) => (i === chain.dim ? count : 1));
    ops.push({
      results: [repName],
      name: 'ttnn.repeat',
      operands: [edgeName],
      properties: [['repeat_dims', `#ttnn.shape<${dims.join('x')}>`]],
      operandTypes: [edgeType],
      resultTypes: [repType],
      location,
    });
    deallocs.push(deallocateOp(repName, repType, location));
    return { names: [repName], type: repType };
  };
  const operands: { name: string; type: string }[] = [];
  if (chain.front > 0) {
    const f = edge(chain.front, true);
    if (f === undefined) return 'cannot write the edge layout';
    for (const n of f.names) operands.push({ name: n, type: f.type });
  }
  operands.push({ name: chain.inputName, type: inType });
  if (chain.back > 0) {
    const b = edge(chain.back, false);
    if (b === undefined) return 'cannot write the edge layout';
    for (const n of b.names) operands.push({ name: n, type: b.type });
  }
  if (!useRepeat && (chain.front > 1 || chain.back > 1))
    notes.push('ttnn.repeat has no L1 model here, so the edge slice is concatenated repeatedly (same values)');
  ops.push({
    results: [chain.outputName],
    name: 'ttnn.concat',
    operands: operands.map((o) => o.name),
    properties: [['dim', `${chain.dim} : si32`]],
    operandTypes: operands.map((o) => o.type),
    resultTypes: [outType],
    location,
  });
  ops.push(...deallocs);
  const edits = chainEdits(ctx, ops);
  const aliasEdit = types.aliasEdit();
  if (aliasEdit !== undefined) edits.push(aliasEdit);
  return { edits, results: resultsOf(ops), notes };
}

// ---------------------------------------------------------------------------------------------
// Python source

/** The first `file:line` a location names (through names, fused, callsite and `#locN` aliases). */
export function fileLineOf(
  loc: Location | undefined,
  aliases: ReadonlyMap<string, Pick<AliasDefinition, 'attr'>>,
): { file: string; line: number } | undefined {
  const at = resolveLocation(loc, (name) => locationOfAlias(aliases.get(name))).fileLineCol;
  return at === undefined ? undefined : { file: at.file, line: at.line };
}

/** The Python `file:line` the chain came from (the embedding's loc first, then the other chain ops). */
export function chainSource(fn: SyntaxFunction, chain: PadChain): { file: string; line: number } | undefined {
  const aliases = aliasMap(fn.chunk);
  for (const i of [chain.embeddingIndex, ...chain.opIndices]) {
    const op: Operation | undefined = fn.bodyOps[i];
    const f = fileLineOf(op?.location, aliases);
    if (f !== undefined) return f;
  }
  return undefined;
}
