/**
 * Flat strings for what an analysis keeps. V8 keeps a string built by `+` or a template literal as a rope (one 32 B
 * node per piece: an estimate's factory reason is ~17 of them) until something reads its characters; reading one
 * flattens it in place, after which the GC frees the pieces. Values never change, only their memory (a 100k-op
 * analysis kept ~80k rope nodes in estimates and overflow messages).
 */

import type { OpEstimateResult } from '../estimate/types';

// Where the characters read go, so that the compiler cannot drop the read as unused.
const readSink = { last: 0 };

/** `text`, flattened in place (ropes are at least 13 characters long: shorter concatenations are built flat). */
export function flat(text: string): string {
  if (text.length > 12) readSink.last = text.charCodeAt(0);
  return text;
}

function flatAll(texts: readonly string[] | undefined): void {
  if (texts !== undefined) for (const text of texts) flat(text);
}

/** Flattens every string of an estimate (made fresh for one analysis; shared ones were flattened when made). */
export function flattenEstimateStrings(estimate: OpEstimateResult): void {
  switch (estimate.kind) {
    case 'unmodeled':
      flat(estimate.reason);
      return;
    case 'illegal':
      flat(estimate.rule);
      flat(estimate.citation);
      return;
    case 'noProgram':
      flat(estimate.reason);
      for (const output of estimate.outputs) flat(output.how);
      return;
    case 'estimate':
      flat(estimate.factory);
      flat(estimate.factoryReason);
      flat(estimate.approxReason);
      flatAll(estimate.citations);
      flatAll(estimate.notes);
      for (const output of estimate.outputs) flat(output.how);
      for (const output of estimate.inPlaceOutputs ?? []) flat(output.how);
      for (const cb of estimate.cbs) flat(cb.role);
      for (const figure of estimate.versionRange?.figures ?? []) {
        if (figure.factory !== undefined) flat(figure.factory);
        if (figure.reason !== undefined) flat(figure.reason);
      }
      return;
  }
}
