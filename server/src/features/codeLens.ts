/**
 * Code lenses above each function: the op tt-metal throws at first when it is in this function (with the figure it
 * prints), else the peak L1 per core and its op; then how many ops overflow.
 */

import { isL1Overflow } from '../analysis/analyze';
import type { TextRange } from '../text/textRange';
import type { DocumentAnalysis } from './documentAnalysis';
import { formatBytes, formatPercent } from './format';
import { l1InUseBytes, l1Share, opTitle } from './opView';

export interface CodeLens {
  readonly range: TextRange;
  readonly title: string;
  /** The function's symbol, e.g. `@main` (the client's timeline command scrolls to it). */
  readonly functionName: string;
}

/** One lens per analysed function with ops, on its symbol. */
export function codeLenses(doc: DocumentAnalysis): CodeLens[] {
  const out: CodeLens[] = [];
  const first = doc.analysis.firstFailure;
  for (const [functionIndex, fa] of doc.analysis.functions.entries()) {
    if (fa.ops.length === 0) continue;
    const nOverflowing = fa.ops.filter((o) => o.overflow !== undefined && isL1Overflow(o.overflow)).length;
    const peakOp = fa.peak === undefined ? undefined : fa.ops[fa.peak.opIndex];
    const peak =
      fa.peak === undefined || peakOp === undefined || fa.peak.bytesPerCore === 0
        ? 'no modeled L1 use'
        : `peak L1 ${formatBytes(l1InUseBytes(doc, fa.peak.bytesPerCore))}/core (${formatPercent(l1Share(doc, fa.peak.bytesPerCore))} of L1) at ${opTitle(peakOp)}`;
    // Never "no op overflows" while an op of the function has no model: an overflow there cannot be ruled out.
    const nUnmodeled = fa.ops.filter((o) => o.estimate.kind === 'unmodeled').length;
    const none = nUnmodeled === 0 ? 'no op overflows' : `no modeled op overflows · ${nUnmodeled} without an L1 model`;
    const overflowing =
      nOverflowing === 0 ? none : `${nOverflowing} ${nOverflowing === 1 ? 'op overflows' : 'ops overflow'}`;
    const reached = fa.reached ? '' : ' · never called from an entry';
    const firstOp = first !== undefined && first.functionIndex === functionIndex ? fa.ops[first.opIndex] : undefined;
    const throws =
      firstOp === undefined || first === undefined
        ? ''
        : first.overflow.kind === 'opIllegal'
          ? `✗ tt-metal throws at ${opTitle(firstOp)}: its validation rejects the configuration · `
          : `✗ tt-metal throws at ${opTitle(firstOp)}: ${formatBytes(first.overflow.cbRegionEndBytes)} > ${formatBytes(first.overflow.limitBytes)} · `;
    out.push({
      range: fa.fn.nameRange,
      title: `${throws}${peak} · ${overflowing}${reached}`,
      functionName: fa.fn.name,
    });
  }
  return out;
}
