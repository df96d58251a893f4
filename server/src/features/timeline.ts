/** Data for the `ttnnL1/timeline` and `ttnnL1/fileSummary` requests, in offsets (the LSP layer converts). */

import type { FunctionRole } from '../ttnn/op';
import { isL1Overflow } from '../analysis/analyze';
import { unmodeledDeviceOps, verdictText } from '../analysis/summary';
import { buildWindowText } from './buildText';
import type { DocumentAnalysis } from './documentAnalysis';
import type { FileSummary } from './fileSummaryShape';
import { l1InUseBytes, opTitle } from './opView';

export type { FileSummary } from './fileSummaryShape';

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
  /**
   * The L1 address this op's use reaches, the figure the chart draws: for an overflow the CB region end tt-metal prints
   * (the diagnostic's figure); otherwise base + worst-core CBs + live L1 tensors. Null when the op is not modeled.
   */
  readonly l1EndBytes: number | null;
  /** The op tt-metal throws at first (the run stops there). */
  readonly isFirstFailure: boolean;
}

export interface TimelineFunctionData {
  readonly name: string;
  readonly role: FunctionRole;
  /** Whether execution reaches it from an entry function. */
  readonly reached: boolean;
  readonly ops: readonly TimelinePoint[];
}

export interface Timeline {
  readonly limitBytesPerCore: number;
  readonly l1UnreservedBase: number;
  readonly l1SizeBytes: number;
  /** Entry functions first, then the others, then const-eval functions, each group in file order. */
  readonly functions: readonly TimelineFunctionData[];
}

const ROLE_ORDER: Readonly<Record<FunctionRole, number>> = { entry: 0, other: 1, const_eval: 2 };

/** Per function (analysed ones with ops), the L1 figures of every op in source order. */
export function timeline(doc: DocumentAnalysis): Timeline {
  const a = doc.analysis;
  const base = a.device.l1UnreservedBase;
  const first = a.firstFailure;
  return {
    limitBytesPerCore: a.limitBytesPerCore,
    l1UnreservedBase: base,
    l1SizeBytes: a.device.l1SizeBytes,
    functions: [...a.functions.entries()]
      .filter(([, f]) => f.ops.length > 0)
      .sort(([i, f], [j, g]) => ROLE_ORDER[f.fn.role] - ROLE_ORDER[g.fn.role] || i - j)
      .map(([functionIndex, f]) => ({
        name: f.fn.name,
        role: f.fn.role,
        reached: f.reached,
        ops: f.ops.map((o, opIndex) => ({
          offset: o.op.range.start,
          opName: o.op.name,
          result: o.op.resultNames[0] ?? '',
          cbBytesPerCore: o.cbBytesPerCore,
          liveL1TensorBytesPerCore: o.liveL1TensorBytesPerCore,
          overflows: o.overflow !== undefined && isL1Overflow(o.overflow),
          worstCore: o.estimate.kind === 'estimate' ? o.estimate.worstCore : undefined,
          overflowMessage: o.overflow !== undefined && isL1Overflow(o.overflow) ? o.overflow.message : undefined,
          l1EndBytes:
            o.overflow !== undefined && isL1Overflow(o.overflow)
              ? o.overflow.cbRegionEndBytes
              : o.cbBytesPerCore === null
                ? null
                : base + o.cbBytesPerCore + o.liveL1TensorBytesPerCore,
          isFirstFailure: first !== undefined && first.functionIndex === functionIndex && first.opIndex === opIndex,
        })),
      })),
  };
}

export function fileSummary(doc: DocumentAnalysis): FileSummary {
  const a = doc.analysis;
  const modeled = a.functions.some((f) => f.ops.some((op) => op.cbBytesPerCore !== null));
  const unmodeled = unmodeledDeviceOps(a);
  return {
    peakL1BytesPerCore: modeled && a.peak !== undefined ? a.peak.bytesPerCore : null,
    peakL1InUseBytes: modeled && a.peak !== undefined ? l1InUseBytes(doc, a.peak.bytesPerCore) : null,
    l1SizeBytes: a.device.l1SizeBytes,
    limitBytesPerCore: a.limitBytesPerCore,
    overflowCount: a.overflows.filter((o) => isL1Overflow(o.overflow)).length,
    illegalOpCount: a.overflows.filter((o) => o.overflow.kind === 'opIllegal').length,
    buildDependentOverflowCount: a.overflows.filter((o) => o.overflow.buildDependent !== undefined).length,
    unmodeledOpCount: unmodeled.count,
    unmodeledOpNames: unmodeled.names,
    verdict: verdictText(a),
    buildWindow: buildWindowText(a.ttMetal),
    ...firstFailureOf(doc),
  };
}

function firstFailureOf(doc: DocumentAnalysis): { firstFailure?: FileSummary['firstFailure'] } {
  const first = doc.analysis.firstFailure;
  const op = first === undefined ? undefined : doc.analysis.functions[first.functionIndex]?.ops[first.opIndex];
  return first === undefined || op === undefined
    ? {}
    : { firstFailure: { op: opTitle(op), figureBytes: first.overflow.cbRegionEndBytes } };
}
