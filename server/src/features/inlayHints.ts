/** Inlay hints after each op in the visible range: `L1 31%`, or `CB 9.99 MB > 1.50 MB` when it overflows. */

import type { TextRange } from '../text/textRange';
import type { DocumentAnalysis } from './documentAnalysis';

export interface InlayHint {
  /** Where the hint is drawn: the end of the op's line (before any trailing comment). */
  readonly offset: number;
  readonly label: string;
  /** Markdown shown when hovering the hint. */
  readonly tooltip: string;
}

/** Hints for ops starting inside `visible`, in source order. */
export function inlayHints(doc: DocumentAnalysis, visible: TextRange): InlayHint[] {
  void doc;
  void visible;
  return [];
}
