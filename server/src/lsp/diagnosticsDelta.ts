/**
 * A background worker's diagnostics cross to the main thread as what changed since the list it sent last: the
 * unchanged head and tail of that list are kept by count, only the middle crosses (as a structured clone). A keystroke
 * changes the diagnostics of an op or two, while a structured clone of the whole list cost ~8 ms CPU per 1,254
 * diagnostics (Falcon copy at 100k ops, usableL1Cap 0.5) — the main part of what the worker path added per keystroke.
 * Both sides hold the same list: the worker (analysisWorker.ts) diffs against the list it last posted, the pool
 * (background.ts) applies every delta it receives, in order, even to an answer nobody awaits any more.
 */

import type * as lsp from 'vscode-languageserver';
import { samePlainData } from '../text/plainData';

export interface DiagnosticsDelta {
  /** Length of the list the delta applies to: a mismatch means the two sides lost step (a bug). */
  readonly baseLength: number;
  /** Items kept from the start of the base list. */
  readonly keptHead: number;
  /** Items kept from the end of the base list. */
  readonly keptTail: number;
  /** The items between the kept head and tail. */
  readonly fresh: readonly lsp.Diagnostic[];
}

/** The delta that turns `base` into `next`: kept items are equal as plain data, key order included, so a kept item
 *  (the base's copy) encodes to the client as the same bytes as the new one. */
export function diagnosticsDelta(base: readonly lsp.Diagnostic[], next: readonly lsp.Diagnostic[]): DiagnosticsDelta {
  const most = Math.min(base.length, next.length);
  let keptHead = 0;
  while (keptHead < most && samePlainData(base[keptHead], next[keptHead])) keptHead++;
  let keptTail = 0;
  while (
    keptTail < most - keptHead &&
    samePlainData(base[base.length - 1 - keptTail], next[next.length - 1 - keptTail])
  )
    keptTail++;
  return { baseLength: base.length, keptHead, keptTail, fresh: next.slice(keptHead, next.length - keptTail) };
}

/** The list `delta` describes, sharing the kept items with `base`. */
export function appliedDelta(base: readonly lsp.Diagnostic[], delta: DiagnosticsDelta): lsp.Diagnostic[] {
  if (base.length !== delta.baseLength)
    throw new Error(`diagnostics delta for a list of ${delta.baseLength} applied to one of ${base.length}`);
  return [...base.slice(0, delta.keptHead), ...delta.fresh, ...base.slice(base.length - delta.keptTail)];
}
