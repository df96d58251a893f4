/**
 * Whole-module L1 analysis: per function, execution order, L1-resident tensor liveness, per-op peak
 * (CB region + live L1 tensors), both overflow kinds tt-metal raises, and first-failure semantics across the
 * run (entry function first; const-eval callees run where they are called). Plain data out, linear time.
 */

import type { ParseResult } from '../mlir/syntax';
import { EstimatorReads, estimateOp, estimatorReads } from '../estimate/registry';
import { isViewReshape } from '../estimate/ops/reshape';
import { NO_PROGRAM_OPS as NO_PROGRAM_OP_LIST } from '../estimate/ops/noProgram';
import type { OpEstimateResult } from '../estimate/types';
import type { ResolvedBuildWindow } from './buildWindow';
import { FULL_WINDOW, NEWEST_MODELED_BUILD, OLDEST_MODELED_BUILD } from '../estimate/changePoints';
import { Device, PresetName, resolveDevice } from '../ttnn/device';
import { sameStrings } from '../text/stringLists';
import { moduleFromSyntax } from '../ttnn/fromSyntax';
import { l1Footprint } from '../ttnn/layout';
import type { PropValue, TtnnFunction, TtnnModule, TtnnOp, ValueSpec } from '../ttnn/op';

export interface AnalysisOptions {
  /** Analyse against this preset instead of the file's system descriptor. */
  readonly preset?: PresetName;
  /** Force the L1 unreserved base (bytes). */
  readonly l1UnreservedBase?: number;
  /** Fraction of (l1_size − base) usable before a warning (default 1.0 = tt-metal's own limit). */
  readonly usableL1Cap?: number;
  /** The tt-metal builds to estimate for (callers resolve flags/settings or infer it from the dump: buildWindow.ts);
   *  default: every modeled build. */
  readonly ttMetal?: ResolvedBuildWindow;
  /** Estimates of an earlier analysis of the same document, reused for ops whose inputs are the same objects. */
  readonly reuse?: EstimateReuse;
  /** An earlier analysis of the same document (with `reuse`): a function whose liveness inputs are unchanged keeps its intervals. */
  readonly previous?: ModuleAnalysis;
}

/**
 * Estimates carried from one analysis to the next, for functions analysed again in full (their liveness changed):
 * keyed by an op's properties object, which the TTNN ops an in-place edit leaves alone keep (ttnn/fromSyntax's
 * `moduleAfterEdits`), and checked against everything else an estimate reads. Filled in by `analyzeTtnnModule`;
 * dropped whole when the device, build window or usable-L1 cap changes.
 */
export interface EstimateReuse {
  deviceKey: string;
  byOp: WeakMap<object, { readonly op: TtnnOp; readonly liveKey: number; readonly estimate: OpEstimateResult }>;
}

export function newEstimateReuse(): EstimateReuse {
  return { deviceKey: '', byOp: new WeakMap() };
}

/**
 * How an op fails (or would):
 * - 'cbBeyondL1': CB region end > l1_size ("circular buffers ... grow to N B which is beyond max L1 size of M B");
 * - 'cbClashesWithL1Buffers': CB region end > lowest live L1 buffer ("clash with L1 buffers");
 * - 'l1BuffersExhausted': live L1 tensors alone exceed l1_size − base (allocator out of memory);
 * - 'overUsableCap': fits tt-metal's limits but exceeds usableL1Cap · (l1_size − base) (warning only).
 */
export type OverflowKind = 'cbBeyondL1' | 'cbClashesWithL1Buffers' | 'l1BuffersExhausted' | 'overUsableCap';

export interface Overflow {
  readonly kind: OverflowKind;
  /** 'first': tt-metal throws here (first failing op in execution order); 'notReached': would also fail, not reached;
   *  'warning': over the usable-L1 cap only. */
  readonly status: 'first' | 'notReached' | 'warning';
  /** CB region end on the reported core (bytes), or live L1 for 'l1BuffersExhausted'. */
  readonly cbRegionEndBytes: number;
  /** The limit crossed: l1_size, the lowest live L1 buffer address, or the capped budget. */
  readonly limitBytes: number;
  readonly core: readonly [number, number];
  /** tt-metal-style message (what the runtime log would say). */
  readonly message: string;
}

export interface OpAnalysis {
  /** Index in the function's op list. */
  readonly index: number;
  readonly op: TtnnOp;
  readonly estimate: OpEstimateResult;
  /** Worst-core CB bytes; null when the op is unmodeled. */
  readonly cbBytesPerCore: number | null;
  /** L1-resident tensors live during this op (its inputs and outputs included), bytes per core. */
  readonly liveL1TensorBytesPerCore: number;
  /** cbBytesPerCore + liveL1TensorBytesPerCore (CBs as 0 when unmodeled). */
  readonly peakL1BytesPerCore: number;
  readonly overflow: Overflow | undefined;
  /** Position in the module's execution order; undefined when the function is never reached from an entry. */
  readonly executionStep: number | undefined;
}

/** An L1-resident tensor and the op interval it is live over (inclusive). */
export interface LiveInterval {
  readonly valueName: string;
  readonly bytesPerCore: number;
  readonly startIndex: number;
  readonly endIndex: number;
  /** Index of the defining op, or -1 for a function argument. */
  readonly definedAt: number;
}

export interface FunctionAnalysis {
  readonly fn: TtnnFunction;
  /** One record per op of `fn.ops`, or none at all for a function not analysed (a declaration, a CPU-module function):
   *  index lists of `fn` (`opsWithSymbols`) index `fn.ops`, never this. */
  readonly ops: readonly OpAnalysis[];
  readonly liveIntervals: readonly LiveInterval[];
  /** Highest peakL1BytesPerCore and its op index; undefined for an empty function. */
  readonly peak: { readonly bytesPerCore: number; readonly opIndex: number } | undefined;
  readonly reached: boolean;
  /** Indices of the ops that overflow, ascending (so an edit's re-analysis need not look at every op). */
  readonly overflowingOps: readonly number[];
  /** Indices of the ops without an L1 model or with a result whose layout is unknown, ascending: what per-op
   *  diagnostics look at besides overflows. */
  readonly unmodeledOrUnknownLayoutOps: readonly number[];
}

export interface OverflowRef {
  readonly functionName: string;
  /** Index into ModuleAnalysis.functions (split files repeat function names). */
  readonly functionIndex: number;
  readonly opIndex: number;
  readonly overflow: Overflow;
}

export interface ModuleAnalysis {
  readonly device: Device;
  readonly ttMetal: ResolvedBuildWindow;
  readonly usableL1Cap: number;
  /** (l1_size − base) · usableL1Cap: bytes per core available to CBs and L1 tensors. */
  readonly limitBytesPerCore: number;
  readonly functions: readonly FunctionAnalysis[];
  /** Every overflow, in execution order (unreached functions last); the first 'first' is the run's failure. */
  readonly overflows: readonly OverflowRef[];
  readonly firstFailure: OverflowRef | undefined;
  /** Highest per-op peak over the module. */
  readonly peak: { readonly functionName: string; readonly functionIndex: number; readonly opIndex: number; readonly bytesPerCore: number } | undefined;
  readonly module: TtnnModule;
}

function l1Bytes(spec: ValueSpec, device: Device): number {
  if (spec.kind !== 'tensor' || spec.shape.kind !== 'known' || spec.layout.kind !== 'layout') return 0;
  return l1Footprint(spec.shape.dims, spec.layout, device)?.bytesPerCore ?? 0;
}

/**
 * Liveness of L1 tensors: results live from their op to their `ttnn.deallocate` or last use (the defining op only when
 * unused; to the end when returned); arguments live from the start to their deallocate, or the whole function
 * (caller-owned) when never deallocated. A view reshape's result shares its input's buffer: it gets no interval of its
 * own and its uses / deallocation extend the input's.
 */
export function liveIntervalsOf(fn: TtnnFunction, device: Device): LiveInterval[] {
  // Plain loops: this runs over every op of every function on each edit.
  const ops = fn.ops;
  // A view reshape's result aliases its input's buffer: uses and deallocations of either act on the root value.
  const rootOf = new Map<string, string>();
  for (const op of ops) {
    const input = op.operandNames[0];
    const result = op.resultNames[0];
    if (input !== undefined && result !== undefined && isViewReshape(op)) rootOf.set(result, rootOf.get(input) ?? input);
  }
  const anyViews = rootOf.size > 0;
  const root = (name: string): string => (anyViews ? (rootOf.get(name) ?? name) : name);
  const lastUse = new Map<string, number>();
  const dealloc = new Map<string, number>();
  const returned = new Set<string>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const operandNames = op.operandNames;
    for (let k = 0; k < operandNames.length; k++) lastUse.set(root(operandNames[k]!), i);
    if (op.name === 'ttnn.deallocate' && operandNames[0] !== undefined) {
      const r = root(operandNames[0]);
      dealloc.set(r, Math.max(dealloc.get(r) ?? i, i));
    }
    if (op.name === 'func.return') for (const name of operandNames) returned.add(root(name));
  }
  const last = Math.max(0, ops.length - 1);
  const out: LiveInterval[] = [];
  for (const arg of fn.args) {
    const bytes = l1Bytes(arg.spec, device);
    if (bytes > 0) out.push({ valueName: arg.name, bytesPerCore: bytes, startIndex: 0, endIndex: dealloc.get(arg.name) ?? last, definedAt: -1 });
  }
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.name === 'ttnn.deallocate') continue;
    for (let r = 0; r < op.results.length; r++) {
      const name = op.resultNames[r];
      if (name === undefined || (anyViews && rootOf.has(name))) continue;
      const bytes = l1Bytes(op.results[r]!, device);
      if (bytes === 0) continue;
      const end = dealloc.get(name) ?? (returned.has(name) ? last : Math.max(i, lastUse.get(name) ?? i));
      out.push({ valueName: name, bytesPerCore: bytes, startIndex: i, endIndex: end, definedAt: i });
    }
  }
  return out;
}

/**
 * Whether `liveIntervalsOf` gives the same intervals for both functions (on one device): per op the same name, SSA
 * names, view-reshape status and L1 bytes of each result; the same arguments. Ops an in-place edit left alone are the
 * same objects, so the check is by identity for them and by value for edited ops.
 */
function sameLivenessInputs(a: TtnnFunction, b: TtnnFunction, device: Device): boolean {
  if (a.ops.length !== b.ops.length || a.args.length !== b.args.length) return false;
  for (let i = 0; i < a.args.length; i++) {
    const x = a.args[i]!;
    const y = b.args[i]!;
    if (x.name !== y.name || (x.spec !== y.spec && l1Bytes(x.spec, device) !== l1Bytes(y.spec, device))) return false;
  }
  for (let i = 0; i < a.ops.length; i++) if (!sameLivenessOp(a.ops[i]!, b.ops[i]!, device)) return false;
  return true;
}

/** Whether two ops feed liveness the same: name, SSA names, view-reshape status and the L1 bytes of each result. */
function sameLivenessOp(x: TtnnOp, y: TtnnOp, device: Device): boolean {
  if (x === y || (x.operandNames === y.operandNames && x.resultNames === y.resultNames && x.operands === y.operands && x.results === y.results && x.name === y.name)) return true;
  if (x.name !== y.name || !sameStrings(x.operandNames, y.operandNames) || !sameStrings(x.resultNames, y.resultNames) || x.results.length !== y.results.length) return false;
  for (let r = 0; r < x.results.length; r++) if (x.results[r] !== y.results[r] && l1Bytes(x.results[r]!, device) !== l1Bytes(y.results[r]!, device)) return false;
  return !(x.name === 'ttnn.reshape' && isViewReshape(x) !== isViewReshape(y));
}

/** Per-op live L1 bytes by a sweep over interval starts/ends (O(ops + intervals)). */
function liveBytesPerOp(nOps: number, intervals: readonly LiveInterval[]): number[] {
  const delta = new Array<number>(nOps + 1).fill(0);
  for (const iv of intervals) {
    delta[iv.startIndex] += iv.bytesPerCore;
    delta[Math.min(nOps, iv.endIndex + 1)] -= iv.bytesPerCore;
  }
  const out = new Array<number>(nOps).fill(0);
  let running = 0;
  for (let i = 0; i < nOps; i++) {
    running += delta[i];
    out[i] = running;
  }
  return out;
}

function coreText(core: readonly [number, number]): string {
  return `[(x=${core[0]},y=${core[1]}) - (x=${core[0]},y=${core[1]})]`;
}

/** Detect the overflow of one op given its estimate and live L1 bytes (status filled in later). */
function detectOverflow(est: OpEstimateResult, live: number, device: Device, capLimit: number, cap: number): Omit<Overflow, 'status'> | undefined {
  const l1 = device.l1SizeBytes;
  const base = device.l1UnreservedBase;
  // An op that allocates nothing (deallocate, views, host ops) cannot run out of L1, however full it is.
  const allocates = est.kind !== 'noProgram' || est.l1TensorBytesPerCore > 0;
  if (allocates && base + live > l1) {
    return {
      kind: 'l1BuffersExhausted', cbRegionEndBytes: base + live, limitBytes: l1, core: [0, 0],
      message: `Out of Memory: L1 tensors live here need ${live} B per core but only ${l1 - base} B lie between the base ${base} B and the L1 size ${l1} B`,
    };
  }
  if (est.kind !== 'estimate') return undefined;
  const lowest = l1 - live;
  const worstEnd = base + est.worstCbBytesPerCore;
  if (worstEnd > lowest) {
    const end = est.cbRegionEndBytes;
    const core = est.reportedCore;
    if (end > l1) {
      return {
        kind: 'cbBeyondL1', cbRegionEndBytes: end, limitBytes: l1, core,
        message: `Statically allocated circular buffers on core range ${coreText(core)} grow to ${end} B which is beyond max L1 size of ${l1} B`,
      };
    }
    return {
      kind: 'cbClashesWithL1Buffers', cbRegionEndBytes: end, limitBytes: lowest, core,
      message: `Statically allocated circular buffers clash with L1 buffers on core range ${coreText(core)}. L1 buffer allocated at ${lowest} and static circular buffer region ends at ${end}`,
    };
  }
  if (cap < 1 && est.worstCbBytesPerCore + live > capLimit) {
    return {
      kind: 'overUsableCap', cbRegionEndBytes: worstEnd, limitBytes: base + capLimit, core: est.worstCore,
      message: `CBs (${est.worstCbBytesPerCore} B) + live L1 tensors (${live} B) exceed the usable-L1 cap ${cap} x ${l1 - base} B = ${capLimit} B per core`,
    };
  }
  return undefined;
}

const NO_PROGRAM_OPS: ReadonlySet<string> = new Set(NO_PROGRAM_OP_LIST);

/** A cheap, faithful text key of a property value (for estimate memoisation). */
function propKey(p: PropValue, depth = 0): string {
  switch (p.kind) {
    case 'int':
      return p.text;
    case 'float':
    case 'bool':
    case 'string':
      return String(p.value);
    case 'ints':
      return p.values.join(',');
    case 'dialect':
      return p.text;
    case 'other':
      return p.text;
    case 'array':
      return depth > 8 ? '…' : `[${p.elements.map((e) => propKey(e, depth + 1)).join(',')}]`;
    case 'dict': {
      if (depth > 8) return '…';
      let out = '{';
      for (const k in p.entries) out += `${k}=${propKey(p.entries[k], depth + 1)};`;
      return `${out}}`;
    }
  }
}

/** Whether two TTNN ops give the same estimate: the same name and the same spec and property objects. */
function sameEstimateInputs(a: TtnnOp, b: TtnnOp): boolean {
  if (a.name !== b.name || a.properties !== b.properties || a.operands.length !== b.operands.length || a.results.length !== b.results.length) return false;
  for (let i = 0; i < a.operands.length; i++) if (a.operands[i] !== b.operands[i]) return false;
  for (let i = 0; i < a.results.length; i++) if (a.results[i] !== b.results[i]) return false;
  return true;
}

/** Ops the diagnostics look at besides overflows: no L1 model, a layout that cannot be decoded, or a configuration
 *  tt-metal rejects (`illegal`). */
function isUnmodeledOrUnknownLayout(opA: OpAnalysis): boolean {
  return opA.estimate.kind === 'unmodeled' || opA.estimate.kind === 'illegal' || opA.op.results.some((r) => r.kind === 'tensor' && r.layout.kind === 'unknown');
}

/** `indices` (ascending) with `edited` (ascending) re-decided by `keep`. */
function reindex(indices: readonly number[], edited: readonly number[], keep: (i: number) => boolean): number[] {
  const editedSet = new Set(edited);
  const out = indices.filter((i) => !editedSet.has(i));
  for (const i of edited) if (keep(i)) out.push(i);
  return edited.length === 0 ? out : out.sort((a, b) => a - b);
}

function peakOf(ops: readonly OpAnalysis[]): FunctionAnalysis['peak'] {
  let peak: { bytesPerCore: number; opIndex: number } | undefined;
  for (const opA of ops) if (peak === undefined || opA.peakL1BytesPerCore > peak.bytesPerCore) peak = { bytesPerCore: opA.peakL1BytesPerCore, opIndex: opA.index };
  return peak;
}

// More edited ops than this in one function: a full pass is as cheap as the checks.
const MAX_EDITED_OPS = 64;

/**
 * The analysis of `fn` from `earlier`'s when `fn` is `earlier.fn` with a few ops replaced (an edit in place) and the
 * L1 liveness is unchanged: only the replaced ops are analysed again, every other record is kept (the live bytes of
 * an op depend on liveness only, its estimate on itself and those bytes). Undefined when that does not hold.
 */
function afterOpEdits(
  earlier: FunctionAnalysis,
  fn: TtnnFunction,
  steps: Int32Array | undefined,
  device: Device,
  analyzeOp: (op: TtnnOp, index: number, liveHere: number, executionStep: number | undefined) => OpAnalysis,
): FunctionAnalysis | undefined {
  if (earlier.reached !== (steps !== undefined)) return undefined;
  if (earlier.fn === fn) return earlier;
  const before = earlier.fn.ops;
  if (before.length !== fn.ops.length || earlier.fn.args !== fn.args || earlier.ops.length !== fn.ops.length) return undefined;
  const edited: number[] = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] === fn.ops[i]) continue;
    if (edited.length === MAX_EDITED_OPS) return undefined;
    edited.push(i);
  }
  // Execution steps follow the ops' order and calls, which an edit that keeps every op's symbols does not change.
  if (edited.some((i) => earlier.ops[i]!.executionStep !== steps?.[i])) return undefined;
  // Liveness reads each op's own names and result bytes; the other ops are the same objects.
  if (!edited.every((i) => sameLivenessOp(before[i]!, fn.ops[i]!, device))) return undefined;
  const ops = earlier.ops.slice();
  for (const i of edited) ops[i] = analyzeOp(fn.ops[i]!, i, earlier.ops[i]!.liveL1TensorBytesPerCore, steps?.[i]);
  // The highest peak (the first op on a tie) moves only to an edited op, or away from one.
  let peak = earlier.peak;
  if (peak !== undefined && edited.includes(peak.opIndex)) peak = peakOf(ops);
  else {
    for (const i of edited) {
      const p = ops[i]!.peakL1BytesPerCore;
      if (peak === undefined || p > peak.bytesPerCore || (p === peak.bytesPerCore && i < peak.opIndex)) peak = { bytesPerCore: p, opIndex: i };
    }
  }
  return {
    fn,
    ops,
    liveIntervals: earlier.liveIntervals,
    peak,
    reached: earlier.reached,
    overflowingOps: reindex(earlier.overflowingOps, edited, (i) => ops[i]!.overflow !== undefined),
    unmodeledOrUnknownLayoutOps: reindex(earlier.unmodeledOrUnknownLayoutOps, edited, (i) => isUnmodeledOrUnknownLayout(ops[i]!)),
  };
}

function entryOrder(functions: readonly TtnnFunction[]): TtnnFunction[] {
  const runnable = functions.filter((f) => !f.isDeclaration && !f.inCpuModule);
  const entries = runnable.filter((f) => f.role === 'entry');
  const rank = (f: TtnnFunction): number => (f.name === '@main' || f.name === '@forward' ? 0 : 1);
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b));
  return ordered.length > 0 ? ordered : runnable;
}

/** Analyse an already-extracted TTNN module. */
export function analyzeTtnnModule(module: TtnnModule, options: AnalysisOptions = {}): ModuleAnalysis {
  const device = resolveDevice(module.systemDesc, { preset: options.preset, l1UnreservedBase: options.l1UnreservedBase });
  const ttMetal: ResolvedBuildWindow = options.ttMetal ?? { window: FULL_WINDOW, source: 'none', how: `any tt-metal build ${OLDEST_MODELED_BUILD}..${NEWEST_MODELED_BUILD}` };
  const build = { window: ttMetal.window };
  const cap = options.usableL1Cap !== undefined && options.usableL1Cap > 0 && options.usableL1Cap <= 1 ? options.usableL1Cap : 1;
  const capLimit = Math.floor((device.l1SizeBytes - device.l1UnreservedBase) * cap);
  const byName = new Map(module.functions.map((f) => [`${f.chunkIndex}|${f.name}`, f]));

  // Execution order: entries first; a call / load_cached runs its callee (once) before the calling op continues.
  // Step of each op of a visited function, by op index (filled in before any callee's ops run after it).
  const stepOf = new Map<TtnnFunction, Int32Array>();
  let step = 0;
  const visit = (fn: TtnnFunction, depth: number): void => {
    if (stepOf.has(fn) || depth > 64) return;
    // Only the ops that use symbols are looked at; the others take the next steps in order.
    const ops = fn.ops;
    const steps = new Int32Array(ops.length);
    stepOf.set(fn, steps);
    let next = 0;
    for (const calling of fn.opsWithSymbols) {
      for (; next < calling; next++) steps[next] = step++;
      for (const sym of ops[calling]!.symbolUses) {
        const callee = byName.get(`${fn.chunkIndex}|${sym}`);
        if (callee !== undefined && !callee.isDeclaration && !callee.inCpuModule) visit(callee, depth + 1);
      }
      steps[calling] = step++;
      next = calling + 1;
    }
    for (; next < ops.length; next++) steps[next] = step++;
  };
  for (const fn of entryOrder(module.functions)) visit(fn, 0);

  // Estimates depend only on the op's name, operand/result specs, properties and the live L1 bytes; specs are shared
  // objects (fromSyntax caches them per type), so repeated op patterns are estimated once.
  const specIds = new Map<ValueSpec, number>();
  const idOf = (s: ValueSpec): number => {
    let id = specIds.get(s);
    if (id === undefined) specIds.set(s, (id = specIds.size));
    return id;
  };
  const memo = new Map<string, OpEstimateResult>();
  const reuse = options.reuse;
  // Liveness depends on the device (bytes per core) and verdicts on the usable-L1 cap, so earlier intervals and op
  // records count only with the same device, build window and cap.
  let sameDevice = false;
  if (reuse !== undefined) {
    const deviceKey = `${JSON.stringify(device)}|${ttMetal.window.earliest}..${ttMetal.window.latest}|${cap}`;
    sameDevice = reuse.deviceKey === deviceKey;
    if (!sameDevice) {
      reuse.deviceKey = deviceKey;
      reuse.byOp = new WeakMap();
    }
  }
  const estimateCached = (op: TtnnOp, live: number): OpEstimateResult => {
    if (op.results.length === 0 || NO_PROGRAM_OPS.has(op.name)) return estimateOp(op, { device, ttMetal: build, liveL1BytesPerCore: live });
    // Each registry entry says whether its estimator reads properties or free L1; the cache keys on exactly those.
    const inputs = estimatorReads(op.name);
    const liveKey = inputs.liveL1 ? live : 0;
    const earlier = reuse?.byOp.get(op.properties);
    if (earlier !== undefined && earlier.liveKey === liveKey && sameEstimateInputs(earlier.op, op)) return earlier.estimate;
    const estimate = estimateKeyed(op, inputs, liveKey);
    reuse?.byOp.set(op.properties, { op, liveKey, estimate });
    return estimate;
  };
  const estimateKeyed = (op: TtnnOp, inputs: EstimatorReads, liveKey: number): OpEstimateResult => {
    let props = '';
    if (inputs.properties) for (const name in op.properties) props += `${name}=${propKey(op.properties[name])};`;
    const key = `${op.name}|${op.operands.map(idOf).join(',')}|${op.results.map(idOf).join(',')}|${props}|${liveKey}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const fresh = estimateOp(op, { device, ttMetal: build, liveL1BytesPerCore: liveKey });
    if (memo.size < 200_000) memo.set(key, fresh);
    return fresh;
  };

  // One op's record; its overflow's status is provisional until the pass below orders every overflow.
  const analyzeOp = (op: TtnnOp, index: number, liveHere: number, executionStep: number | undefined): OpAnalysis => {
    const estimate = estimateCached(op, liveHere);
    const cb = estimate.kind === 'estimate' ? estimate.worstCbBytesPerCore : estimate.kind === 'noProgram' ? 0 : null;
    const found = detectOverflow(estimate, liveHere, device, capLimit, cap);
    const overflow: Overflow | undefined = found === undefined ? undefined : { ...found, status: 'notReached' };
    return { index, op, estimate, cbBytesPerCore: cb, liveL1TensorBytesPerCore: liveHere, peakL1BytesPerCore: (cb ?? 0) + liveHere, overflow, executionStep };
  };

  const functions: FunctionAnalysis[] = [];
  for (const [functionIndex, fn] of module.functions.entries()) {
    if (fn.isDeclaration || fn.inCpuModule) {
      functions.push({ fn, ops: [], liveIntervals: [], peak: undefined, reached: false, overflowingOps: [], unmodeledOrUnknownLayoutOps: [] });
      continue;
    }
    const steps = stepOf.get(fn);
    const earlier = sameDevice ? options.previous?.functions[functionIndex] : undefined;
    const edited = earlier === undefined ? undefined : afterOpEdits(earlier, fn, steps, device, analyzeOp);
    if (edited !== undefined) {
      functions.push(edited);
      continue;
    }
    const intervals = earlier !== undefined && sameLivenessInputs(earlier.fn, fn, device) ? earlier.liveIntervals : liveIntervalsOf(fn, device);
    const live = liveBytesPerOp(fn.ops.length, intervals);
    const ops: OpAnalysis[] = [];
    for (let i = 0; i < fn.ops.length; i++) ops.push(analyzeOp(fn.ops[i]!, i, live[i]!, steps?.[i]));
    const overflowingOps: number[] = [];
    const unmodeledOrUnknownLayoutOps: number[] = [];
    for (let i = 0; i < ops.length; i++) {
      if (ops[i]!.overflow !== undefined) overflowingOps.push(i);
      if (isUnmodeledOrUnknownLayout(ops[i]!)) unmodeledOrUnknownLayoutOps.push(i);
    }
    functions.push({ fn, ops, liveIntervals: intervals, peak: peakOf(ops), reached: steps !== undefined, overflowingOps, unmodeledOrUnknownLayoutOps });
  }

  // First failure: the earliest throwing overflow in execution order; everything after it is not reached.
  const pending: { step: number; functionIndex: number; opIndex: number; overflow: Overflow }[] = [];
  for (const [functionIndex, fa] of functions.entries()) {
    for (const i of fa.overflowingOps) {
      const opA = fa.ops[i]!;
      pending.push({ step: opA.executionStep ?? Number.MAX_SAFE_INTEGER, functionIndex, opIndex: i, overflow: opA.overflow! });
    }
  }
  pending.sort((a, b) => a.step - b.step);
  const overflows: OverflowRef[] = [];
  let firstFailure: OverflowRef | undefined;
  for (const p of pending) {
    const throws = p.overflow.kind !== 'overUsableCap';
    let status: Overflow['status'];
    if (!throws) status = firstFailure === undefined ? 'warning' : 'notReached';
    else if (firstFailure === undefined && p.step !== Number.MAX_SAFE_INTEGER) status = 'first';
    else status = 'notReached';
    const overflow: Overflow = p.overflow.status === status ? p.overflow : { ...p.overflow, status };
    const fa = functions[p.functionIndex]!;
    const ref: OverflowRef = { functionName: fa.fn.name, functionIndex: p.functionIndex, opIndex: p.opIndex, overflow };
    if (status === 'first') firstFailure = ref;
    overflows.push(ref);
    if (overflow !== p.overflow) {
      // A record shared with the previous analysis is replaced, never changed.
      if (options.previous?.functions[p.functionIndex]?.ops === fa.ops) functions[p.functionIndex] = { ...fa, ops: fa.ops.slice() };
      const ops = functions[p.functionIndex]!.ops as OpAnalysis[];
      ops[p.opIndex] = { ...ops[p.opIndex]!, overflow };
    }
  }

  let peak: ModuleAnalysis['peak'];
  for (const [i, f] of functions.entries()) {
    if (f.peak !== undefined && (peak === undefined || f.peak.bytesPerCore > peak.bytesPerCore)) {
      peak = { functionName: f.fn.name, functionIndex: i, opIndex: f.peak.opIndex, bytesPerCore: f.peak.bytesPerCore };
    }
  }
  return { device, ttMetal, usableL1Cap: cap, limitBytesPerCore: capLimit, functions, overflows, firstFailure, peak, module };
}

/** Parse tree → analysis (the entry point for the LSP server and the CLI). Never throws on user input. */
export function analyzeModule(parse: ParseResult, options: AnalysisOptions = {}): ModuleAnalysis {
  return analyzeTtnnModule(moduleFromSyntax(parse), options);
}

export interface ProducerLink {
  readonly opIndex: number;
  readonly opName: string;
  readonly resultName: string;
  /** `4x4884480xbf16 tile dram` style summary of the produced tensor. */
  readonly tensorText: string;
}

function tensorText(spec: ValueSpec | undefined): string {
  if (spec === undefined || spec.kind !== 'tensor') return '';
  const shape = spec.shape.kind === 'known' ? spec.shape.dims.join('x') : '?';
  if (spec.layout.kind !== 'layout') return `${shape} (layout unknown)`;
  return `${shape}x${spec.layout.dtype} ${spec.layout.pageLayout} ${spec.layout.bufferType}`;
}

/**
 * The chain of ops that produced operand `operandIndex` of op `opIndex` (nearest first), following each producer's
 * first tensor operand; stops at function arguments, unknown values or `maxDepth`.
 */
export function producerChain(fa: FunctionAnalysis, opIndex: number, operandIndex = 0, maxDepth = 8): ProducerLink[] {
  const definedBy = new Map<string, number>();
  fa.fn.ops.forEach((op, i) => op.resultNames.forEach((n) => definedBy.set(n, i)));
  const chain: ProducerLink[] = [];
  let name: string | undefined = fa.fn.ops[opIndex]?.operandNames[operandIndex];
  for (let d = 0; d < maxDepth && name !== undefined; d++) {
    const i = definedBy.get(name);
    if (i === undefined || i >= opIndex) break;
    const op = fa.fn.ops[i];
    const r = op.resultNames.indexOf(name);
    chain.push({ opIndex: i, opName: op.name, resultName: name, tensorText: tensorText(op.results[r]) });
    const nextIdx = op.operands.findIndex((s) => s.kind === 'tensor');
    name = nextIdx < 0 ? undefined : op.operandNames[nextIdx];
  }
  return chain;
}

/** L1 tensors live during op `opIndex` (for hovers), largest first. */
export function liveTensorsAt(fa: FunctionAnalysis, opIndex: number): LiveInterval[] {
  return fa.liveIntervals.filter((iv) => iv.startIndex <= opIndex && opIndex <= iv.endIndex).sort((a, b) => b.bytesPerCore - a.bytesPerCore);
}
