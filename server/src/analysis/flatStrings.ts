/**
 * Flat, shared strings for what an analysis keeps. V8 keeps a string built by `+` or a template literal as a rope (one
 * 32 B node per piece: an estimate's factory reason is ~17 of them) until something reads its characters; reading one
 * flattens it in place, after which the GC frees the pieces. Equal texts made for different ops (a conv's factory
 * reason, a rejected matmul's `TT_FATAL` message: one per op, a few hundred distinct in a 100k-op file) are then kept
 * once per analysis (`SharedStrings`). Values never change, only their memory (a 100k-op analysis kept ~80k rope
 * nodes, then ~110k copies of ~1.5k distinct texts).
 */

import type { OpEstimateResult, Writable } from '../estimate/types';

// Where the characters read go, so that the compiler cannot drop the read as unused.
const readSink = { last: 0 };

/** `text`, flattened in place (ropes are at least 13 characters long: shorter concatenations are built flat). */
export function flat(text: string): string {
  if (text.length > 12) readSink.last = text.charCodeAt(0);
  return text;
}

/** One flat copy of each distinct text an analysis keeps; dropped with the analysis's estimate cache. */
export class SharedStrings {
  private readonly byText = new Map<string, string>();

  /** The kept copy equal to `text` (flattened first, so that the lookup hashes a flat string). */
  intern(text: string): string {
    const kept = this.byText.get(flat(text));
    if (kept !== undefined) return kept;
    this.byText.set(text, text);
    return text;
  }
}

function internAll(texts: readonly string[] | undefined, strings: SharedStrings): void {
  if (texts === undefined) return;
  const list = texts as string[];
  for (let i = 0; i < list.length; i++) list[i] = strings.intern(list[i]!);
}

/** Replaces every string of an estimate made fresh for this analysis (so not yet shared) by its kept copy. Index
 *  loops and no closure: for-of made an iterator result per element until this was optimized (~1.2 MB at 100k ops). */
export function shareEstimateStrings(estimate: OpEstimateResult, strings: SharedStrings): void {
  switch (estimate.kind) {
    case 'unmodeled':
      (estimate as Writable<typeof estimate>).reason = strings.intern(estimate.reason);
      return;
    case 'illegal': {
      const e = estimate as Writable<typeof estimate>;
      e.rule = strings.intern(e.rule);
      e.citation = strings.intern(e.citation);
      return;
    }
    case 'noProgram':
      (estimate as Writable<typeof estimate>).reason = strings.intern(estimate.reason);
      internHows(estimate.outputs, strings);
      return;
    case 'estimate': {
      const e = estimate as Writable<typeof estimate>;
      e.factory = strings.intern(e.factory);
      e.factoryReason = strings.intern(e.factoryReason);
      e.approxReason = strings.intern(e.approxReason);
      internAll(e.citations, strings);
      internAll(e.notes, strings);
      internHows(e.outputs, strings);
      if (e.inPlaceOutputs !== undefined) internHows(e.inPlaceOutputs, strings);
      const cbs = e.cbs;
      for (let i = 0; i < cbs.length; i++)
        (cbs[i] as Writable<(typeof cbs)[number]>).role = strings.intern(cbs[i]!.role);
      const figures = e.versionRange?.figures;
      if (figures !== undefined)
        for (let i = 0; i < figures.length; i++) {
          const f = figures[i] as Writable<(typeof figures)[number]>;
          if (f.factory !== undefined) f.factory = strings.intern(f.factory);
          if (f.reason !== undefined) f.reason = strings.intern(f.reason);
          if (f.approxReason !== undefined) f.approxReason = strings.intern(f.approxReason);
        }
      return;
    }
  }
}

function internHows(outputs: readonly { readonly how: string }[], strings: SharedStrings): void {
  for (let i = 0; i < outputs.length; i++) (outputs[i] as { how: string }).how = strings.intern(outputs[i]!.how);
}
