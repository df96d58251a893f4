/**
 * Inlay hints on each op in the visible range, where the eye is: before the op name (dumps put 150–400 characters of
 * types and locations after it). Short by default: `L1 31%`, or `✗ 9.99 MB` for the CB region end of an overflow.
 */

import type { TextRange } from '../text/textRange';
import type { DocumentAnalysis } from './documentAnalysis';
import { formatMegabytes } from './format';
import { opLabel, opTitle } from './opView';

export interface InlayHint {
  /** Where the hint is drawn: before the op name, or at the end of the op (after its `loc(...)`). */
  readonly offset: number;
  readonly label: string;
  /** Markdown shown when hovering the hint. */
  readonly tooltip: string;
  /** Which side of the hint gets a space: right when it precedes the op name, left at the end of the op. */
  readonly padding: 'left' | 'right';
}

export interface InlayHintOptions {
  /** `opName`: just before the op name (default); `end`: after the whole op. */
  readonly position?: 'opName' | 'end';
  /** `short`: `L1 31%` / `✗ 9.99 MB`; `full`: `CB 9.99 MB > 1.50 MB`. */
  readonly verbosity?: 'short' | 'full';
}

/** Hints for analysed ops that start inside `visible`, in source order; cost is proportional to the visible ops. */
export function inlayHints(doc: DocumentAnalysis, visible: TextRange, options: InlayHintOptions = {}): InlayHint[] {
  const out: InlayHint[] = [];
  const atName = (options.position ?? 'opName') === 'opName';
  for (const { op } of doc.opsInOrder.between(visible.start, visible.end)) {
    const full = opLabel(doc, op);
    if (full === undefined) continue;
    const o = op.overflow;
    const label =
      options.verbosity === 'full' || o === undefined
        ? full
        : o.kind === 'opIllegal'
          ? '✗ illegal'
          : `✗ ${formatMegabytes(o.cbRegionEndBytes)}`;
    const tooltip =
      o === undefined
        ? `${opTitle(op)}: L1 in use per core (base + CBs + live L1 tensors) as a share of L1 size. Hover the op for details.`
        : `${opTitle(op)}: ${o.message}`;
    const offset = atName ? op.op.nameRange.start : Math.max(op.op.range.end, op.op.nameRange.end);
    out.push({ offset, label, tooltip, padding: atName ? 'right' : 'left' });
  }
  return out;
}
