/** Shared views of one analysed op for hovers, hints, lenses and diagnostics: labels, ranges, source locations. */

import type { OpAnalysis } from '../analysis/analyze';
import type { FileLineCol } from '../mlir/locations';
import { opsAt } from '../mlir/occurrences';
import type { Operation } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';
import { opEntryByStart, type DocumentAnalysis, type OpEntry } from './documentAnalysis';
import { formatMegabytes, formatPercent } from './format';

/** The innermost analysed op containing `offset`. */
export function opEntryAt(doc: DocumentAnalysis, offset: number): OpEntry | undefined {
  const chain = opsAt(doc.parse.file, offset);
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = opEntryByStart(doc, chain[i]!.range.start);
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/** `%9 = "ttnn.to_layout"`: where diagnostics squiggle (the result and the op name, not the long type list). */
export function opHeadRange(op: OpAnalysis): TextRange {
  return { start: op.op.range.start, end: Math.max(op.op.nameRange.end, op.op.range.start) };
}

/** `%9 ttnn.to_layout` for messages. */
export function opTitle(op: OpAnalysis): string {
  const result = op.op.resultNames.join(', ');
  return result === '' ? op.op.name : `${result} ${op.op.name}`;
}

/**
 * L1 in use per core, the one definition every view shows: the unreserved base plus the op's CBs and live L1 tensors,
 * i.e. the address they reach — what tt-metal's "grow to … B" counts — so it compares with L1 size ("max L1 size" in
 * tt-metal's message). `bytesAboveBase` is a `peakL1BytesPerCore`-style figure.
 */
export function l1InUseBytes(doc: DocumentAnalysis, bytesAboveBase: number): number {
  return doc.analysis.device.l1UnreservedBase + bytesAboveBase;
}

/** `l1InUseBytes` as a share of L1 size (NaN without a device L1 size). */
export function l1Share(doc: DocumentAnalysis, bytesAboveBase: number): number {
  const l1 = doc.analysis.device.l1SizeBytes;
  return l1 > 0 ? l1InUseBytes(doc, bytesAboveBase) / l1 : NaN;
}

/**
 * The short label shown as inlay hint and outline detail: `CB 9.99 MB > 1.50 MB` when it overflows (CB region end
 * vs the limit crossed), else `L1 31%` (L1 in use over L1 size, `l1Share`). Undefined when there is nothing to say.
 */
export function opLabel(doc: DocumentAnalysis, op: OpAnalysis): string | undefined {
  const o = op.overflow;
  if (o !== undefined && o.kind === 'opIllegal') return 'illegal';
  if (o !== undefined) {
    const what = o.kind === 'l1BuffersExhausted' ? 'L1' : o.kind === 'l1SmallExhausted' ? 'L1_SMALL' : 'CB';
    return `${what} ${formatMegabytes(o.cbRegionEndBytes)} > ${formatMegabytes(o.limitBytes)}`;
  }
  if (op.estimate.kind !== 'estimate') return undefined;
  const share = l1Share(doc, op.peakL1BytesPerCore);
  return Number.isFinite(share) ? `L1 ${formatPercent(share)}` : undefined;
}

/** A 1-based `file:line:col` as MLIR prints it. */
export type SourceLine = FileLineCol;

/** The label of a syntax op (outline detail), if it was analysed. */
export function opSummary(doc: DocumentAnalysis, op: Operation): string | undefined {
  const entry = opEntryByStart(doc, op.range.start);
  return entry === undefined ? undefined : opLabel(doc, entry.op);
}

/** `peak L1 93%` for a function's outline entry, if it was analysed and has modeled ops. */
export function functionSummary(doc: DocumentAnalysis, fnOp: Operation): string | undefined {
  const fa = doc.analysis.functions.find((f) => f.fn.range.start === fnOp.range.start);
  if (fa?.peak === undefined || fa.peak.bytesPerCore === 0) return undefined;
  const share = l1Share(doc, fa.peak.bytesPerCore);
  return Number.isFinite(share) ? `peak L1 ${formatPercent(share)}` : undefined;
}
