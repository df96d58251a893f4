/** Inlay hints after each op in the visible range: `L1 31%`, or `CB 9.99 MB > 1.50 MB` when it overflows. */

import type { TextRange } from '../text/textRange';
import type { DocumentAnalysis } from './documentAnalysis';
import { opHeadRange, opLabel, opTitle } from './opView';

export interface InlayHint {
  /** Where the hint is drawn: the end of the op (after its `loc(...)`). */
  readonly offset: number;
  readonly label: string;
  /** Markdown shown when hovering the hint. */
  readonly tooltip: string;
}

/** Hints for analysed ops that start inside `visible`, in source order; cost is proportional to the visible ops. */
export function inlayHints(doc: DocumentAnalysis, visible: TextRange): InlayHint[] {
  const out: InlayHint[] = [];
  for (const { op } of doc.opsInOrder.between(visible.start, visible.end)) {
    const label = opLabel(doc, op);
    if (label === undefined) continue;
    const head = opHeadRange(op);
    const o = op.overflow;
    const tooltip = o === undefined ? `${opTitle(op)}: peak L1 per core as a share of usable L1 (CBs + live L1 tensors). Hover the op for details.` : `${opTitle(op)}: ${o.message}`;
    out.push({ offset: Math.max(op.op.range.end, head.end), label, tooltip });
  }
  return out;
}
