/**
 * Estimate caching: within one analysis, repeated op patterns are estimated once (memo keyed by the op's name,
 * operand/result spec objects and what its registry entry declares it reads); across analyses of one document,
 * `EstimateReuse` carries estimates for ops an in-place edit left alone.
 */

import { type EstimatorReads, estimateOp, estimatorReads } from '../estimate/registry';
import { NO_PROGRAM_OPS as NO_PROGRAM_OP_LIST } from '../estimate/ops/noProgram';
import type { TtMetalWindow } from '../estimate/changePoints';
import type { OpEstimateResult } from '../estimate/types';
import type { Device } from '../ttnn/device';
import { SharedStrings, shareEstimateStrings } from './flatStrings';
import { SharedParts, shareEstimateParts } from './sharedParts';
import type { PropValue, TtnnOp } from '../ttnn/op';

/**
 * Estimates carried from one analysis to the next, for functions analysed again in full (their liveness changed):
 * keyed by the op object, which an in-place edit leaves alone for every op but the edited ones (ttnn/fromSyntax's
 * `moduleAfterEdits`; property records are shared between ops, so they are no key), and checked against everything else an estimate reads. Filled in by `analyzeTtnnModule`;
 * dropped whole when the device, build window or usable-L1 cap changes.
 */
export interface EstimateReuse {
  deviceKey: string;
  byOp: WeakMap<TtnnOp, { readonly op: TtnnOp; readonly liveKey: number; readonly estimate: OpEstimateResult }>;
}

export function newEstimateReuse(): EstimateReuse {
  return { deviceKey: '', byOp: new WeakMap() };
}

// Memo entries kept per analysis at most (a file of distinct ops past this is estimated afresh per op).
const MAX_MEMO_ENTRIES = 200_000;

export interface EstimateCache {
  /** The estimate of `op` with `live` bytes of L1 tensors per core around it. */
  readonly estimate: (op: TtnnOp, live: number) => OpEstimateResult;
  /** Whether `reuse` was filled in for the same device, build window and cap (so earlier op records count too). */
  readonly sameSettings: boolean;
}

/**
 * An estimate function for one analysis on `device` over the build `window`. With `reuse`, estimates of the earlier
 * analysis are looked up first (by the op object, then checked against every other input), and reuse is
 * emptied when the device, window or usable-L1 cap differs from the one it was filled for. Fresh estimates keep their
 * texts once per distinct text in `strings`, and their parts once per distinct value (sharedParts.ts).
 */
export function estimateCache(
  device: Device,
  window: TtMetalWindow,
  cap: number,
  reuse: EstimateReuse | undefined,
  strings: SharedStrings = new SharedStrings(),
): EstimateCache {
  const ttMetal = { window };
  const memo = new EstimateMemo();
  const parts = new SharedParts();
  const fresh = (op: TtnnOp, live: number): OpEstimateResult => {
    const made = estimateOp(op, { device, ttMetal, liveL1BytesPerCore: live });
    const kept = shareEstimateParts(made, parts);
    // Texts of a new distinct estimate only (an equal one kept earlier has its texts shared already).
    if (kept === made) shareEstimateStrings(made, strings);
    return kept;
  };
  // Liveness depends on the device (bytes per core) and verdicts on the usable-L1 cap, so earlier intervals and op
  // records count only with the same device, build window and cap.
  let sameSettings = false;
  if (reuse !== undefined) {
    const deviceKey = `${JSON.stringify(device)}|${window.earliest}..${window.latest}|${cap}`;
    sameSettings = reuse.deviceKey === deviceKey;
    if (!sameSettings) {
      reuse.deviceKey = deviceKey;
      reuse.byOp = new WeakMap();
    }
  }
  const keyed = (op: TtnnOp, inputs: EstimatorReads, liveKey: number): OpEstimateResult => {
    const hash = memo.hash(op, inputs.properties, liveKey);
    const hit = memo.get(hash, op, inputs.properties, liveKey);
    if (hit !== undefined) return hit;
    const made = fresh(op, liveKey);
    memo.add(hash, op, liveKey, made);
    return made;
  };
  const estimate = (op: TtnnOp, live: number): OpEstimateResult => {
    // Each registry entry says whether its estimator reads properties or free L1; the cache keys on exactly those.
    const inputs = estimatorReads(op.name);
    const liveKey = inputs.liveL1 ? live : 0;
    // No-program ops (half the ops of a dump are deallocates) share one estimate per distinct input through the memo
    // alone (a fresh one per op was 1 in 2 objects an analysis kept); other ops without results (in-place updates)
    // are estimated afresh with their free L1.
    if (NO_PROGRAM_OPS.has(op.name)) return keyed(op, inputs, liveKey);
    if (op.results.length === 0) return fresh(op, live);
    const earlier = reuse?.byOp.get(op);
    if (earlier !== undefined && earlier.liveKey === liveKey && sameEstimateInputs(earlier.op, op))
      return earlier.estimate;
    const made = keyed(op, inputs, liveKey);
    reuse?.byOp.set(op, { op, liveKey, estimate: made });
    return made;
  };
  return { estimate, sameSettings };
}

const NO_PROGRAM_OPS: ReadonlySet<string> = new Set(NO_PROGRAM_OP_LIST);

interface MemoEntry {
  readonly op: TtnnOp;
  readonly liveKey: number;
  readonly estimate: OpEstimateResult;
  /** The next entry with the same hash. */
  readonly next: MemoEntry | undefined;
}

/**
 * Estimates of one analysis by their inputs: the op's name, operand and result spec objects (fromSyntax shares specs
 * per type, so identity is a faithful key), its property names and `propKey`s when its estimator reads properties,
 * and the live-L1 key. Looked up by a number hashed from those inputs and confirmed against the op that made the
 * entry, so no key string is built per op (those were the analysis's largest garbage).
 */
class EstimateMemo {
  private readonly entries = new Map<number, MemoEntry>();
  private count = 0;
  // Small ids for the values hashed: spec objects, op and property names, property keys.
  private readonly ids = new Map<unknown, number>();
  // Property records are shared between ops (ttnn/fromSyntax.ts): each is hashed once, from its names and keys.
  private readonly propertiesHashes = new Map<TtnnOp['properties'], number>();

  private idOf(value: unknown): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size + 1));
    return id;
  }

  hash(op: TtnnOp, readsProperties: boolean, liveKey: number): number {
    let h = mix(mix(HASH_SEED, this.idOf(op.name)), op.operands.length);
    for (const spec of op.operands) h = mix(h, this.idOf(spec));
    h = mix(h, op.results.length);
    for (const spec of op.results) h = mix(h, this.idOf(spec));
    if (readsProperties) h = mix(h, this.propertiesHash(op.properties));
    return mix(h, liveKey % 0x1_0000_0000);
  }

  private propertiesHash(properties: TtnnOp['properties']): number {
    let h = this.propertiesHashes.get(properties);
    if (h === undefined) {
      h = HASH_SEED;
      for (const name in properties) h = mix(mix(h, this.idOf(name)), this.idOf(sharedPropKey(properties[name])));
      this.propertiesHashes.set(properties, h);
    }
    return h;
  }

  get(hash: number, op: TtnnOp, readsProperties: boolean, liveKey: number): OpEstimateResult | undefined {
    for (let e = this.entries.get(hash); e !== undefined; e = e.next)
      if (e.liveKey === liveKey && sameMemoInputs(e.op, op, readsProperties)) return e.estimate;
    return undefined;
  }

  add(hash: number, op: TtnnOp, liveKey: number, estimate: OpEstimateResult): void {
    if (this.count >= MAX_MEMO_ENTRIES) return;
    this.entries.set(hash, { op, liveKey, estimate, next: this.entries.get(hash) });
    this.count++;
  }
}

const HASH_SEED = 0x011c9dc5;

/** One step of a 32-bit multiplicative hash. */
function mix(h: number, value: number): number {
  return Math.imul(h ^ value, 0x01000193);
}

/** Whether two ops have the same memo inputs: name, spec objects and (when read) property names and keys in order. */
function sameMemoInputs(a: TtnnOp, b: TtnnOp, readsProperties: boolean): boolean {
  if (!sameNameAndSpecs(a, b)) return false;
  if (!readsProperties || a.properties === b.properties) return true;
  const namesA = Object.keys(a.properties);
  const namesB = Object.keys(b.properties);
  if (namesA.length !== namesB.length) return false;
  for (let i = 0; i < namesA.length; i++) {
    const name = namesA[i]!;
    if (name !== namesB[i] || sharedPropKey(a.properties[name]!) !== sharedPropKey(b.properties[name]!)) return false;
  }
  return true;
}

/**
 * `propKey` of a property value, remembered per value object: fromSyntax shares one PropValue per distinct text in a
 * chunk, so the few thousand distinct values of a 100k-op file are spelled out once, not once per op.
 */
const propKeys = new WeakMap<PropValue, string>();
function sharedPropKey(p: PropValue): string {
  // Ints and bools have their key at hand.
  if (p.kind === 'int') return p.text;
  if (p.kind === 'bool') return p.value ? 'true' : 'false';
  let key = propKeys.get(p);
  if (key === undefined) propKeys.set(p, (key = propKey(p)));
  return key;
}

// Nesting past this is keyed by a fresh token: never shared, so such an op is estimated afresh rather than wrongly reused.
const MAX_KEY_DEPTH = 8;
let unsharedKeys = 0;

/**
 * A cheap, faithful text key of a property value (for estimate memoisation): values of different kinds or nestings
 * never share a key (`[1,<2,3>]` vs `[<1,2>,3]`, `1` vs `1f` vs `"1"`).
 */
export function propKey(p: PropValue, depth = 0): string {
  if (depth > MAX_KEY_DEPTH) return `…${unsharedKeys++}`;
  switch (p.kind) {
    case 'int':
      return p.text;
    case 'float':
      return `${p.value}f`;
    case 'bool':
      return String(p.value);
    case 'string':
      return JSON.stringify(p.value);
    case 'ints':
      return `<${p.values.join(',')}>`;
    case 'dialect':
    case 'other':
      return `{${p.text}}`;
    case 'array':
      return `[${p.elements.map((e) => propKey(e, depth + 1)).join(',')}]`;
    case 'dict': {
      let out = '{';
      for (const k in p.entries) out += `${k}=${propKey(p.entries[k], depth + 1)};`;
      return `${out}}`;
    }
  }
}

/** Whether two TTNN ops give the same estimate: the same name and the same spec and property objects. */
function sameEstimateInputs(a: TtnnOp, b: TtnnOp): boolean {
  return a.properties === b.properties && sameNameAndSpecs(a, b);
}

/** The same op name and the same operand and result spec objects (fromSyntax shares specs per type). */
function sameNameAndSpecs(a: TtnnOp, b: TtnnOp): boolean {
  if (a.name !== b.name || a.operands.length !== b.operands.length || a.results.length !== b.results.length)
    return false;
  for (let i = 0; i < a.operands.length; i++) if (a.operands[i] !== b.operands[i]) return false;
  for (let i = 0; i < a.results.length; i++) if (a.results[i] !== b.results[i]) return false;
  return true;
}
