/**
 * Equal fresh estimates kept once per analysis. Estimates are cached per op pattern (name, spec content, properties,
 * free L1 when read), but a dump's patterns are many more than its distinct results: at 100k ops, 27.5k fresh
 * estimates are 5.1k distinct ones, and 6.6k rejected matmuls the same 15 messages. A fresh estimate equal to one kept
 * earlier is replaced by it (`SharedEstimates`). `SharedParts` keeps one copy of each distinct plain value given to it
 * (the estimate cache's spec contents). Values never change (plain data compared field by field, key order and
 * prototypes included), only how many copies are kept; a shared estimate is read-only like every cached one.
 */

import type { OpEstimateResult } from '../estimate/types';
import { PLAIN_DATA_MAX_DEPTH, samePlainData } from '../text/plainData';
import { flat } from './flatStrings';

// Estimates are shallow records of plain data: anything nested deeper is not hashed (nor shared: samePlainData's
// bound is the same).
const MAX_DEPTH = PLAIN_DATA_MAX_DEPTH;
// Kept values per analysis at most (past this, fresh ones stay unshared).
const MAX_KEPT = 200_000;
// Kept estimates per top-level hash at most (the 100k-op generated dump's largest bucket holds 11).
const MAX_BUCKET = 16;

/** One kept copy of each distinct plain value an analysis's estimates hold. */
export class SharedParts {
  private readonly byHash = new Map<number, object[]>();
  // Ids of the kept values, for hashing a value that holds one by identity.
  private readonly ids = new Map<object, number>();

  /** The kept value equal to `value` (plain data: arrays and objects of primitives and plain data), keeping `value` if new. */
  intern<T extends object>(value: T): T {
    // A kept value met again (one object in two fields, a device's grid in every estimate) keeps its id: the hashes of
    // the values holding it depend on that id.
    if (this.ids.has(value)) return value;
    const hash = this.hashOf(value, HASH_SEED, 0);
    const bucket = this.byHash.get(hash);
    if (bucket !== undefined)
      for (let i = 0; i < bucket.length; i++) if (samePlainData(value, bucket[i])) return bucket[i] as T;
    if (this.ids.size < MAX_KEPT) {
      if (bucket === undefined) this.byHash.set(hash, [value]);
      else bucket.push(value);
      this.ids.set(value, this.ids.size + 1);
    }
    return value;
  }

  // Cheap rather than thorough: equal values hash alike, and a bucket is confirmed by `samePlainData`. Key names are
  // not hashed (objects of one kind have the same keys).
  private hashOf(value: unknown, h: number, depth: number): number {
    switch (typeof value) {
      case 'object': {
        if (value === null) return mix(h, 1);
        // A kept value (a part shared already) hashes by identity: equal values are that object.
        const kept = this.ids.get(value);
        if (kept !== undefined) return mix(h, kept);
        if (depth > MAX_DEPTH) return h;
        if (Array.isArray(value)) {
          h = mix(h, value.length);
          for (let i = 0; i < value.length; i++) h = this.hashOf(value[i], h, depth + 1);
          return h;
        }
        for (const key in value) h = this.hashOf((value as Record<string, unknown>)[key], h, depth + 1);
        return h;
      }
      default:
        return primitiveHash(value, h);
    }
  }
}

/** `h` followed by a value that is not an object. */
function primitiveHash(value: unknown, h: number): number {
  switch (typeof value) {
    case 'number':
      return mix(mix(h, value | 0), (value / 0x1_0000_0000) | 0);
    case 'string': {
      // Length and up to 9 characters spread over the text, not the whole text (most texts here are new objects):
      // texts of one kind differ in figures anywhere (fewer characters sent 1 in 2 lookups down a wrong bucket).
      const n = value.length;
      h = mix(h, n + 5);
      const step = n <= 8 ? 1 : n >> 3;
      for (let i = n - 1; i >= 0; i -= step) h = mix(h, value.charCodeAt(i));
      return h;
    }
    case 'boolean':
      return mix(h, value ? 3 : 2);
    default:
      return mix(h, 4);
  }
}

/**
 * One kept copy of each distinct estimate of an analysis. Most fresh estimates equal one kept earlier (100k-op dump:
 * 27.5k fresh, 5.1k distinct): such a one is found by a hash of its own figures and texts (each text by its id in
 * `textIds`: V8's hash of the whole text, where a sample of its characters let estimates whose reasons differ in one
 * figure meet in a bucket) and one deep comparison, without hashing and looking up each of its parts. A new estimate
 * keeps its own parts: sharing equal parts across distinct estimates (each part of each new estimate hashed deep and
 * looked up) cost more CPU than the memory it saved was worth once equal estimates were shared whole (docs/internals.md,
 * session 23: generated 20k-op dump -2.25% instructions; its 100k-op analysis keeps 43.0 -> 50.5 MB of heap).
 */
export class SharedEstimates {
  // Estimates past a bucket's bound, kept by a hash of their whole value.
  private readonly pastBuckets = new SharedParts();
  private readonly byHash = new Map<number, OpEstimateResult[]>();
  // Ids of the distinct texts estimates hold at their top level (the first copy of each is a kept estimate's).
  private readonly textIds = new Map<string, number>();

  /** `fresh` (made for this analysis, not yet shared), or the kept estimate equal to it. */
  share(fresh: OpEstimateResult): OpEstimateResult {
    const hash = this.topLevelHash(fresh);
    const bucket = this.byHash.get(hash);
    // Index loops here and above: this runs for every fresh estimate, from before it is optimized.
    if (bucket !== undefined)
      for (let i = 0; i < bucket.length; i++) if (samePlainData(fresh, bucket[i])) return bucket[i]!;
    if (bucket === undefined) this.byHash.set(hash, [fresh]);
    else if (bucket.length < MAX_BUCKET) bucket.push(fresh);
    // Past that, estimates of one top level (say, no-program results told apart only by their outputs' texts) are kept
    // by a hash of their whole value, not compared one by one with a growing bucket.
    else return this.pastBuckets.intern(fresh);
    return fresh;
  }

  // The estimate's own numbers, texts and booleans in key order; its object parts are left out (equal top levels with
  // different parts are rare, and told apart by the comparison).
  private topLevelHash(estimate: OpEstimateResult): number {
    let h = HASH_SEED;
    const record = estimate as unknown as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'string') h = mix(h, this.textId(value));
      else if (typeof value !== 'object') h = primitiveHash(value, h);
    }
    return h;
  }

  // Past MAX_KEPT distinct texts a new one hashes as 0: its estimate may meet others in a bucket (or, past the bucket's
  // bound, be kept by a hash of its value), never be merged with an unequal one.
  private textId(text: string): number {
    let id = this.textIds.get(flat(text));
    if (id === undefined) {
      if (this.textIds.size >= MAX_KEPT) return 0;
      this.textIds.set(text, (id = this.textIds.size + 1));
    }
    return id;
  }
}

const HASH_SEED = 0x2545f491;

/** One step of a 32-bit multiplicative hash. */
function mix(h: number, value: number): number {
  return Math.imul(h ^ value, 0x01000193);
}
