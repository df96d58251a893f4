/** Data for the `ttnnL1/timeline` and `ttnnL1/fileSummary` requests, in offsets (the LSP layer converts). */

import type { DocumentAnalysis } from './documentAnalysis';

export interface TimelinePoint {
  readonly offset: number;
  readonly opName: string;
  readonly result: string;
  readonly cbBytesPerCore: number | null;
  readonly liveL1TensorBytesPerCore: number;
  readonly overflows: boolean;
}

export interface Timeline {
  readonly limitBytesPerCore: number;
  readonly l1UnreservedBase: number;
  readonly functions: readonly { readonly name: string; readonly ops: readonly TimelinePoint[] }[];
}

export interface FileSummary {
  readonly peakL1BytesPerCore: number | null;
  readonly limitBytesPerCore: number;
  readonly overflowCount: number;
}

export function timeline(doc: DocumentAnalysis): Timeline {
  void doc;
  return { limitBytesPerCore: 0, l1UnreservedBase: 0, functions: [] };
}

export function fileSummary(doc: DocumentAnalysis): FileSummary {
  void doc;
  return { peakL1BytesPerCore: null, limitBytesPerCore: 0, overflowCount: 0 };
}
