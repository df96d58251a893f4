/** Data for the `ttnnL1/timeline` and `ttnnL1/fileSummary` requests, in offsets (the LSP layer converts). */

import type { DocumentAnalysis } from './documentAnalysis';

export interface TimelinePoint {
  readonly offset: number;
  readonly opName: string;
  readonly result: string;
  /** CB bytes on the worst core; null when the op is not modeled. */
  readonly cbBytesPerCore: number | null;
  readonly liveL1TensorBytesPerCore: number;
  readonly overflows: boolean;
  /** Core with the most CB bytes; undefined when unmodeled or when the op runs no program. */
  readonly worstCore: readonly [number, number] | undefined;
  /** tt-metal-style message of a throwing overflow (names the core tt-metal reports). */
  readonly overflowMessage: string | undefined;
}

export interface Timeline {
  readonly limitBytesPerCore: number;
  readonly l1UnreservedBase: number;
  readonly functions: readonly { readonly name: string; readonly ops: readonly TimelinePoint[] }[];
}

export interface FileSummary {
  /** Highest CB + live L1 tensor bytes per core over all ops; null when no op is modeled. */
  readonly peakL1BytesPerCore: number | null;
  readonly limitBytesPerCore: number;
  /** Ops that exceed tt-metal's limits (first failure and not-reached; usable-cap warnings excluded). */
  readonly overflowCount: number;
}

/** Per function (analysed ones with ops), the L1 figures of every op in source order. */
export function timeline(doc: DocumentAnalysis): Timeline {
  const a = doc.analysis;
  return {
    limitBytesPerCore: a.limitBytesPerCore,
    l1UnreservedBase: a.device.l1UnreservedBase,
    functions: a.functions
      .filter((f) => f.ops.length > 0)
      .map((f) => ({
        name: f.fn.name,
        ops: f.ops.map((o) => ({
          offset: o.op.range.start,
          opName: o.op.name,
          result: o.op.resultNames[0] ?? '',
          cbBytesPerCore: o.cbBytesPerCore,
          liveL1TensorBytesPerCore: o.liveL1TensorBytesPerCore,
          overflows: o.overflow !== undefined && o.overflow.kind !== 'overUsableCap',
          worstCore: o.estimate.kind === 'estimate' ? o.estimate.worstCore : undefined,
          overflowMessage: o.overflow !== undefined && o.overflow.kind !== 'overUsableCap' ? o.overflow.message : undefined,
        })),
      })),
  };
}

export function fileSummary(doc: DocumentAnalysis): FileSummary {
  const a = doc.analysis;
  const modeled = a.functions.some((f) => f.ops.some((op) => op.cbBytesPerCore !== null));
  return {
    peakL1BytesPerCore: modeled && a.peak !== undefined ? a.peak.bytesPerCore : null,
    limitBytesPerCore: a.limitBytesPerCore,
    overflowCount: a.overflows.filter((o) => o.overflow.kind !== 'overUsableCap').length,
  };
}
