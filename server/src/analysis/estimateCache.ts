/**
 * Estimate caching: within one analysis, repeated op patterns are estimated once (memo keyed by the op's name,
 * operand/result spec contents, of an operand read only in part that part, and what its registry entry declares it
 * reads); across analyses of one document, an op an in-place edit left alone takes its estimate from its record in the
 * earlier analysis.
 */

import { type EstimatorReads, estimateOp, estimatorReads } from '../estimate/registry';
import { NO_PROGRAM_OPS as NO_PROGRAM_OP_LIST } from '../estimate/ops/noProgram';
import type { TtMetalWindow } from '../estimate/changePoints';
import type { OpEstimateResult } from '../estimate/types';
import type { Device } from '../ttnn/device';
import { SharedStrings, shareEstimateStrings } from './flatStrings';
import { SharedEstimates, SharedParts } from './sharedParts';
import type { PropValue, TensorSpec, TtnnOp, ValueSpec } from '../ttnn/op';

/**
 * What carries estimates from one analysis of a document to the next: the settings they were made for (device, build
 * window, usable-L1 cap). The estimates themselves are the earlier analysis's op records: a function analysed again
 * in full (its liveness changed) hands each op its earlier record (`EarlierEstimate`), whose estimate holds when the
 * record is of the same op object (an in-place edit leaves every op but the edited ones alone: ttnn/fromSyntax's
 * `moduleAfterEdits`) and, where the estimator reads free L1, the same live bytes. A map by op object filled for every
 * op of every analysis was the old way (100k-op dump: 50k WeakMap entries and entry objects on the editor's first
 * analysis, for a next version that reads the earlier records anyway).
 */
export interface EstimateReuse {
  deviceKey: string;
}

export function newEstimateReuse(): EstimateReuse {
  return { deviceKey: '' };
}

/** An op's record in the earlier analysis of the same document (analysis/types.ts `OpAnalysis`): what the estimate
 *  it holds was made for. */
export interface EarlierEstimate {
  readonly op: TtnnOp;
  readonly liveL1TensorBytesPerCore: number;
  readonly estimate: OpEstimateResult;
}

// Memo entries kept per analysis at most (a file of distinct ops past this is estimated afresh per op).
const MAX_MEMO_ENTRIES = 200_000;
// Slots of the memo's hash table at first (a power of two; doubled whenever half full).
const INITIAL_MEMO_SLOTS = 1024;

export interface EstimateCache {
  /** The estimate of `op` with `live` bytes of L1 tensors per core around it; `earlier`: the op's record at the same
   *  place in the earlier analysis (used when it is of this op object and the settings are the same). */
  readonly estimate: (op: TtnnOp, live: number, earlier?: EarlierEstimate) => OpEstimateResult;
  /** Whether `reuse` was filled in for the same device, build window and cap (so earlier op records count too). */
  readonly sameSettings: boolean;
  /** How many estimates were made afresh (estimator runs) so far. */
  readonly freshEstimates: () => number;
}

/**
 * An estimate function for one analysis on `device` over the build `window`. With `reuse` filled for the same device,
 * window and usable-L1 cap (`sameSettings`), an op's record in the earlier analysis gives its estimate (see
 * `EstimateReuse`); `reuse` is then marked for these settings. Fresh estimates keep their
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
  // Whether the estimate being made read the free L1 (reset before each; estimates are made one at a time).
  const liveL1Read = { read: false };
  const shared = new SharedEstimates();
  let freshEstimates = 0;
  const share = (made: OpEstimateResult): OpEstimateResult => {
    freshEstimates++;
    const kept = shared.share(made);
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
    reuse.deviceKey = deviceKey;
  }
  const keyed = (op: TtnnOp, reads: EstimatorReads, live: number, freeL1Varies: boolean): OpEstimateResult => {
    const pattern = memo.hash(op, reads);
    const hit =
      memo.get(pattern, live, op, reads) ?? (freeL1Varies ? memo.get(pattern, ANY_FREE_L1, op, reads) : undefined);
    if (hit !== undefined) return hit;
    liveL1Read.read = false;
    const kept = share(estimateOp(op, { device, ttMetal, liveL1BytesPerCore: live, liveL1Read }));
    // Made without reading the free L1 (a to_layout that runs no program, a rejected config), the result holds for
    // every free-L1 figure: kept once for the pattern, not once per figure.
    memo.add(pattern, freeL1Varies && !liveL1Read.read ? ANY_FREE_L1 : live, op, kept);
    return kept;
  };
  // What the cache needs of an op name, looked up once per op in one map (op names are few).
  const nameFacts = new Map<string, NameFacts>();
  const factsOf = (name: string): NameFacts => {
    let facts = nameFacts.get(name);
    if (facts === undefined)
      nameFacts.set(name, (facts = { reads: estimatorReads(name), noProgram: NO_PROGRAM_OPS.has(name) }));
    return facts;
  };
  const estimate = (op: TtnnOp, live: number, earlier?: EarlierEstimate): OpEstimateResult => {
    const facts = factsOf(op.name);
    // Each registry entry says whether its estimator reads properties or free L1; the cache keys on exactly those.
    const inputs = facts.reads;
    // The free L1 an estimate is made with: the op's own where its estimator declares it reads it; for ops without
    // results (in-place updates) too, as ever (their CB failure is reported against it); else none. No-program ops
    // (half the ops of a dump are deallocates) never see it.
    const noProgram = facts.noProgram;
    const freeL1Varies = inputs.liveL1 || (op.results.length === 0 && !noProgram);
    const estimateLive = freeL1Varies ? live : 0;
    // The earlier record's estimate was made under these settings for this very op: it holds unless the estimator
    // reads free L1 and that changed.
    if (
      sameSettings &&
      earlier !== undefined &&
      earlier.op === op &&
      (!freeL1Varies || earlier.liveL1TensorBytesPerCore === live)
    )
      return earlier.estimate;
    return keyed(op, inputs, estimateLive, freeL1Varies);
  };
  return { estimate, sameSettings, freshEstimates: () => freshEstimates };
}

const NO_PROGRAM_OPS: ReadonlySet<string> = new Set(NO_PROGRAM_OP_LIST);

/** What the estimate cache reads of an op's name: what its estimator reads, and whether it runs no program. */
interface NameFacts {
  readonly reads: ReturnType<typeof estimatorReads>;
  readonly noProgram: boolean;
}

// The free L1 of a memo entry made without reading it (free L1 is a byte count, never negative).
const ANY_FREE_L1 = -1;

/**
 * Estimates of one analysis by their inputs: the op's name, the content of its operand and result specs, its property
 * names and `propKey`s when its estimator reads properties, and the free L1 it is made with. Looked up by a number
 * hashed from those inputs and confirmed against the entry's, so no key string is built per op (those were the
 * analysis's largest garbage). Entries live in columns (op, free L1, estimate) found through an open-addressing table
 * of hashes: no entry object and no `Map` per entry, whose growth was old-generation garbage (a 100k-op dump keeps
 * ~35k entries), and a lookup reads one typed array before the entry it confirms.
 */
class EstimateMemo {
  // Open addressing, linear probing: `slotHashes[s]` is the hash of the entry `slotEntries[s] - 1` (0: empty slot).
  private slotHashes = new Int32Array(INITIAL_MEMO_SLOTS);
  private slotEntries = new Int32Array(INITIAL_MEMO_SLOTS);
  // Entry columns, indexed by entry.
  private readonly entryOps: TtnnOp[] = [];
  /** The free L1 each estimate was made with (0 unless its estimator reads it or the op has no results). */
  private readonly entryLives: number[] = [];
  private readonly entryEstimates: OpEstimateResult[] = [];
  /** Where each entry's spec content ids start in `entrySpecIds` (operands then results, as `specIds`). */
  private readonly entrySpecStarts: number[] = [];
  // The content ids of every entry's specs, one after another: a lookup confirms an entry by ids, not by looking up the
  // ids of the entry op's specs (the Falcon copy's chunks each hold their own spec objects).
  private entrySpecIds = new Int32Array(INITIAL_MEMO_SLOTS);
  private entrySpecIdsUsed = 0;
  // How many spec ids the op last hashed has (`specIds[0..specCount)`).
  private specCount = 0;
  // Small ids for op and property names and property keys.
  private readonly ids = new Map<string, number>();
  private readonly specContentIds = new SpecIds();
  // The content ids of the specs of the op last hashed, operands then results (filled in place, never shrunk).
  private readonly specIds: number[] = [];
  // Property records are shared between ops (ttnn/fromSyntax.ts): each is hashed once, from its names and keys.
  private readonly propertiesHashes = new Map<TtnnOp['properties'], number>();

  private idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size + 1));
    return id;
  }

  /** The hash of `op`'s inputs but the free L1 (remembering its spec ids for `get`). */
  hash(op: TtnnOp, reads: EstimatorReads): number {
    const specIds = this.specIds;
    let n = 0;
    // Indexed loops: for-of made an iterator result per op (old garbage at 100k ops).
    const { operands, results } = op;
    const partly = reads.partlyRead;
    const partIndex = partly === undefined ? -1 : partly.operandIndex;
    for (let i = 0; i < operands.length; i++)
      specIds[n++] =
        i === partIndex
          ? this.specContentIds.idOfRead(operands[i]!, partly!.read)
          : this.specContentIds.idOf(operands[i]!);
    for (let i = 0; i < results.length; i++) specIds[n++] = this.specContentIds.idOf(results[i]!);
    let h = mix(mix(mix(HASH_SEED, this.idOf(op.name)), op.operands.length), op.results.length);
    for (let i = 0; i < n; i++) h = mix(h, specIds[i]!);
    this.specCount = n;
    if (reads.properties) h = mix(h, this.propertiesHash(op.properties));
    if (reads.mesh === true) {
      const shape = op.mesh?.shape;
      h = shape === undefined ? mix(h, 0) : mix(mix(h, shape[0]), shape[1]);
    }
    return h;
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

  /** The estimate kept for the op last hashed (`pattern`: its hash) with `live` bytes of free L1 taken (ANY_FREE_L1:
   *  one made without reading it), if any. */
  get(pattern: number, live: number, op: TtnnOp, reads: EstimatorReads): OpEstimateResult | undefined {
    const hash = withFreeL1(pattern, live);
    const mask = this.slotHashes.length - 1;
    for (let s = hash & mask; this.slotEntries[s] !== 0; s = (s + 1) & mask) {
      if (this.slotHashes[s] !== hash) continue;
      const e = this.slotEntries[s]! - 1;
      if (this.entryLives[e] === live && this.sameInputs(e, op, reads)) return this.entryEstimates[e];
    }
    return undefined;
  }

  /** Keeps `estimate` for `op` (`pattern`: its hash) with `live` bytes of free L1 taken (ANY_FREE_L1: for any). */
  add(pattern: number, live: number, op: TtnnOp, estimate: OpEstimateResult): void {
    const hash = withFreeL1(pattern, live);
    const count = this.entryOps.length;
    if (count >= MAX_MEMO_ENTRIES) return;
    // At most half full, so a probe meets an empty slot soon.
    if (2 * (count + 1) > this.slotHashes.length) this.growSlots();
    this.entryOps.push(op);
    this.entryLives.push(live);
    this.entryEstimates.push(estimate);
    this.entrySpecStarts.push(this.entrySpecIdsUsed);
    const n = this.specCount;
    if (this.entrySpecIdsUsed + n > this.entrySpecIds.length) {
      const grown = new Int32Array(Math.max(2 * this.entrySpecIds.length, this.entrySpecIdsUsed + n));
      grown.set(this.entrySpecIds.subarray(0, this.entrySpecIdsUsed));
      this.entrySpecIds = grown;
    }
    for (let i = 0; i < n; i++) this.entrySpecIds[this.entrySpecIdsUsed++] = this.specIds[i]!;
    this.place(hash, count + 1);
  }

  private place(hash: number, entryPlusOne: number): void {
    const mask = this.slotHashes.length - 1;
    let s = hash & mask;
    while (this.slotEntries[s] !== 0) s = (s + 1) & mask;
    this.slotHashes[s] = hash;
    this.slotEntries[s] = entryPlusOne;
  }

  private growSlots(): void {
    const hashes = this.slotHashes;
    const entries = this.slotEntries;
    this.slotHashes = new Int32Array(2 * hashes.length);
    this.slotEntries = new Int32Array(2 * entries.length);
    for (let s = 0; s < entries.length; s++) if (entries[s] !== 0) this.place(hashes[s]!, entries[s]!);
  }

  /** Whether entry `e` holds for the inputs of `op` (the op last hashed): its name, spec content ids, properties, mesh. */
  private sameInputs(e: number, op: TtnnOp, reads: EstimatorReads): boolean {
    const a = this.entryOps[e]!;
    if (a.name !== op.name || a.operands.length !== op.operands.length || a.results.length !== op.results.length)
      return false;
    // Equal counts, so the entry has as many ids as the op last hashed.
    const start = this.entrySpecStarts[e]!;
    const n = this.specCount;
    for (let i = 0; i < n; i++) if (this.entrySpecIds[start + i] !== this.specIds[i]) return false;
    if (reads.mesh === true && !sameMeshShape(a.mesh, op.mesh)) return false;
    return !reads.properties || sameProperties(a.properties, op.properties);
  }
}

/**
 * Ids of specs by the content an estimator reads. fromSyntax shares one spec object per distinct type text only within
 * one chunk's parse, so a dump of many `// -----` chunks (the Falcon benchmark copy: thousands of them) holds the same
 * few dozen types as thousands of objects: keyed by identity, each was estimated afresh (Falcon copy: 13,135 fresh
 * estimates of 155 distinct inputs). Equal specs (plain data, compared field by field: sharedParts.ts) get one id; an
 * estimator is a pure function of plain data (no identity tests, no caches keyed by object), so equal ids give equal
 * estimates. A tensor's `layoutAlias` (the `#ttnn_layoutN` name its type was written with) is left out: no estimator
 * reads it (`estimateCache.test.ts` checks the sources), and one layout is written under many names in a dump (each
 * function's types numbered anew; generated 100k-op dump: 29.5k -> 27.5k fresh estimates).
 */
class SpecIds {
  private readonly kept = new SharedParts();
  // Ids by spec object, and by the kept object (of the content compared) each id was first given to.
  private readonly ids = new Map<ValueSpec, number>();
  private readonly idsByContent = new Map<object, number>();

  // Ids by spec object of what an estimator reads of it (registry.ts `partlyRead`), per read function.
  private readonly readIds = new Map<(spec: ValueSpec) => object | undefined, Map<ValueSpec, number>>();

  idOf(spec: ValueSpec): number {
    let id = this.ids.get(spec);
    if (id === undefined) {
      id = this.contentId(spec.kind === 'tensor' && spec.layoutAlias !== '' ? withoutAlias(spec) : spec);
      this.ids.set(spec, id);
    }
    return id;
  }

  /** The id of `read(spec)`, what an estimator reads of `spec` (undefined: all of it, `idOf`). A part is an object of
   *  its own kind (never equal to a spec), so its id is no spec's. */
  idOfRead(spec: ValueSpec, read: (spec: ValueSpec) => object | undefined): number {
    let byRead = this.readIds.get(read);
    if (byRead === undefined) this.readIds.set(read, (byRead = new Map<ValueSpec, number>()));
    let id = byRead.get(spec);
    if (id === undefined) {
      const part = read(spec);
      id = part === undefined ? this.idOf(spec) : this.contentId(part);
      byRead.set(spec, id);
    }
    return id;
  }

  private contentId(value: object): number {
    const content = this.kept.intern(value);
    let id = this.idsByContent.get(content);
    // Ids count up with the content map, so a new content's id is one no other content has.
    if (id === undefined) this.idsByContent.set(content, (id = this.idsByContent.size + 1));
    return id;
  }
}

/** What of a tensor spec estimators read: all of it but its layout's alias name (same keys, same order). */
function withoutAlias(spec: TensorSpec): TensorSpec {
  return {
    kind: spec.kind,
    shape: spec.shape,
    elementDtype: spec.elementDtype,
    layout: spec.layout,
    layoutAlias: '',
  };
}

const HASH_SEED = 0x011c9dc5;

/** One step of a 32-bit multiplicative hash. */
function mix(h: number, value: number): number {
  return Math.imul(h ^ value, 0x01000193);
}

/** The memo hash of an op pattern's hash with `live` bytes of free L1 taken (or ANY_FREE_L1). */
function withFreeL1(pattern: number, live: number): number {
  return mix(pattern, live % 0x1_0000_0000);
}

/** Whether two property records have the same names and keys in order. */
function sameMeshShape(a: TtnnOp['mesh'], b: TtnnOp['mesh']): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.shape[0] === b.shape[0] && a.shape[1] === b.shape[1];
}

function sameProperties(a: TtnnOp['properties'], b: TtnnOp['properties']): boolean {
  if (a === b) return true;
  const namesA = Object.keys(a);
  const namesB = Object.keys(b);
  if (namesA.length !== namesB.length) return false;
  for (let i = 0; i < namesA.length; i++) {
    const name = namesA[i]!;
    if (name !== namesB[i] || sharedPropKey(a[name]!) !== sharedPropKey(b[name]!)) return false;
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
