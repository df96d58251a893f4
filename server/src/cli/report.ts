/**
 * The CLI's JSON report: one object per checked file. The schema and the exit codes are a contract with CI scripts
 * (documented in README; do not change field names or meanings, only add fields). Fields we cannot compute for an op
 * are absent, never zero-filled.
 */

import {
  isL1Overflow,
  opModelTerms,
  unmodeledDeviceOps,
  type Diagnostic,
  type ModuleAnalysis,
  type OpAnalysis,
  type VersionRange,
} from '../features';
import type { LineIndex } from '../text/lineIndex';

/** Exit codes. Documented; do not change. */
export const EXIT_OK = 0;
export const EXIT_OVERFLOW = 1;
export const EXIT_UNUSABLE_INPUT = 2;

export interface DeviceReport {
  readonly arch: string;
  readonly l1SizeBytes: number;
  readonly l1UnreservedBase: number;
  /** [rows, cols] of the worker grid. */
  readonly grid: readonly [number, number];
  readonly source: 'system_desc' | 'preset' | 'override';
  readonly baseSource: 'system_desc' | 'preset' | 'override';
  readonly detail: string;
  /** The tt-metal builds the estimates are for, and how that window was found. */
  readonly ttMetalDate: {
    readonly earliest: string;
    readonly latest: string;
    readonly source: string;
    readonly how: string;
  };
}

export interface OpReport {
  /** 1-based line and column of the op name. */
  readonly line: number;
  readonly column: number;
  readonly op: string;
  /** First SSA result (`%9`) or ''. */
  readonly result: string;
  readonly function: string;
  /** 'estimate' | 'unmodeled' | 'noProgram' | 'illegal' (tt-metal rejects the configuration: `reason` quotes the rule,
   *  `citations` its source). */
  readonly model: string;
  readonly factory?: string;
  readonly reason?: string;
  readonly grid?: readonly [number, number];
  readonly cores?: number;
  readonly tiles?: { readonly widthTiles: number; readonly heightTiles: number; readonly tileRowsTotal: number };
  /** CB bytes on the core tt-metal reports (0 for an op without a device program). */
  readonly cbBytesPerCore?: number;
  /** CB bytes on the worst core (`worstCore`). */
  readonly worstCbBytesPerCore?: number;
  /** Every CB the program creates, summed over its core ranges (the tt-mlir OpModel golden `cb` of tt-metal f4163c2). */
  readonly cbBytesSummedOverRanges?: number;
  /** The op's output tensors resident in L1, bytes per core. */
  readonly l1TensorBytesPerCore?: number;
  /** Each result resident in L1 and its bytes per core (index into the op's results); results in DRAM are not listed. */
  readonly l1Outputs?: readonly { readonly resultIndex: number; readonly bytesPerCore: number }[];
  /** L1 operands the op updates in place and returns (KV caches), per core; not allocations (estimate/types.ts). */
  readonly l1InPlaceOutputs?: readonly { readonly operandIndex: number; readonly bytesPerCore: number }[];
  /** L1 tensors the op allocates and frees while it runs (OpEstimate.l1IntermediateBytesPerCore), bytes per core. */
  readonly intermediateL1BytesPerCore?: number;
  /** OpModel's total: worstCbBytesPerCore + l1TensorBytesPerCore + intermediateL1BytesPerCore (estimate/opModelTerms.ts). */
  readonly peakL1BytesPerCore?: number;
  readonly liveL1TensorBytesPerCore?: number;
  readonly cbRegionEndBytes?: number;
  /** The address the CB region must stay under: l1_size, or the lowest live L1 buffer when that is lower. */
  readonly limitBytes?: number;
  readonly fits?: boolean;
  readonly overflow?: { readonly kind: string; readonly status: string; readonly message: string };
  readonly confidence?: string;
  readonly worstCore?: readonly [number, number];
  readonly reportedCore?: readonly [number, number];
  readonly citations?: readonly string[];
  /** Figures per tt-metal build sub-window when the build window straddles change points of this op's factory. */
  readonly versionRange?: VersionRange;
  /** Filled from a runtime log (`--log`): what tt-metal really reported for this op. */
  readonly observed?: ObservedReport;
}

export interface ObservedReport {
  readonly message: string;
  readonly cbRegionEndBytes?: number;
  readonly limitBytes?: number;
  readonly core?: readonly [number, number];
  /** observed − estimated region end, bytes (0 = exact). */
  readonly differenceBytes?: number;
  readonly suggestedL1UnreservedBase?: number;
}

export interface DiagnosticReport {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

export interface FileReport {
  readonly file: string;
  readonly device: DeviceReport;
  readonly ops: readonly OpReport[];
  readonly diagnostics: readonly DiagnosticReport[];
  readonly summary: {
    /** L1 overflows tt-metal throws at (first and not reached). */
    readonly overflowCount: number;
    /** Ops whose configuration tt-metal rejects (`op-illegal`): tt-metal throws at them too. */
    readonly illegalOpCount: number;
    /** Ops that overflow on some tt-metal builds of the window and fit on others (`l1-overflow-build-dependent`). */
    readonly buildDependentOverflowCount: number;
    /** Ops that run a device program but have no L1 model: an overflow there cannot be ruled out. */
    readonly unmodeledOpCount: number;
    readonly unmodeledOpNames: readonly string[];
    readonly firstFailure?: { readonly line: number; readonly op: string; readonly result: string };
    readonly peakL1BytesPerCore?: number;
    readonly limitBytesPerCore: number;
  };
}

export function deviceReport(analysis: ModuleAnalysis): DeviceReport {
  const d = analysis.device;
  return {
    arch: d.arch,
    l1SizeBytes: d.l1SizeBytes,
    l1UnreservedBase: d.l1UnreservedBase,
    grid: d.workerGrid,
    source: d.source,
    baseSource: d.baseSource,
    detail: d.sourceDetail,
    ttMetalDate: { ...analysis.ttMetal.window, source: analysis.ttMetal.source, how: analysis.ttMetal.how },
  };
}

/**
 * One op's record in four parts, in field order: the op (`head`), the estimate's fields before the per-op ones, the
 * per-op figures (live tensors, limit, overflow), and the estimate's remaining fields. The two estimate parts depend on
 * the estimate alone, and the analysis shares one estimate object among ops with equal inputs (estimateCache.ts), so
 * they are built — and their JSON written — once per estimate, not once per op (the no-program half of a dump's ops
 * shares a few dozen).
 */
interface OpRecordParts {
  readonly head: Partial<OpReport>;
  readonly estimateBefore: EstimateFields;
  readonly perOp: Partial<OpReport>;
  readonly estimateAfter: EstimateFields;
}

/** Fields that depend on the estimate alone, with their JSON (the object's members without braces, or ''). */
interface EstimateFields {
  readonly fields: Partial<OpReport>;
  readonly json: string;
}

function estimateFields(fields: Partial<OpReport>): EstimateFields {
  return { fields, json: membersJson(fields) };
}

/** `JSON.stringify(o)` without the braces: '' for an object whose fields are all absent. */
function membersJson(o: object): string {
  return JSON.stringify(o).slice(1, -1);
}

const NO_FIELDS = estimateFields({});

/** The estimate-only parts of a record, per estimate object. */
const estimatePartsCache = new WeakMap<OpAnalysis['estimate'], readonly [EstimateFields, EstimateFields]>();

function estimateParts(est: OpAnalysis['estimate']): readonly [EstimateFields, EstimateFields] {
  let parts = estimatePartsCache.get(est);
  if (parts === undefined) {
    parts = buildEstimateParts(est);
    estimatePartsCache.set(est, parts);
  }
  return parts;
}

function buildEstimateParts(est: OpAnalysis['estimate']): readonly [EstimateFields, EstimateFields] {
  if (est.kind === 'unmodeled') return [estimateFields({ reason: est.reason }), NO_FIELDS];
  if (est.kind === 'illegal') return [estimateFields({ reason: est.rule, citations: [est.citation] }), NO_FIELDS];
  const terms = opModelTerms(est)!;
  const opModel = {
    cbBytesPerCore: est.kind === 'estimate' ? est.cbBytesPerCore : 0,
    worstCbBytesPerCore: terms.worstCbBytesPerCore,
    cbBytesSummedOverRanges: terms.cbBytesSummedOverRanges,
    l1TensorBytesPerCore: terms.outputL1BytesPerCore,
    l1Outputs: est.outputs.map((o) => ({ resultIndex: o.resultIndex, bytesPerCore: o.bytesPerCore })),
    ...(est.kind === 'estimate' &&
      est.inPlaceOutputs !== undefined && {
        l1InPlaceOutputs: est.inPlaceOutputs.map((o) => ({
          operandIndex: o.operandIndex,
          bytesPerCore: o.bytesPerCore,
        })),
      }),
    intermediateL1BytesPerCore: terms.intermediateL1BytesPerCore,
    peakL1BytesPerCore: terms.peakL1BytesPerCore,
  };
  if (est.kind === 'noProgram') return [estimateFields({ reason: est.reason, ...opModel }), NO_FIELDS];
  return [
    estimateFields({
      factory: est.factory,
      reason: est.factoryReason,
      grid: est.grid,
      cores: est.nCoresUsed,
      ...(est.tiles && {
        tiles: {
          widthTiles: est.tiles.widthTiles,
          heightTiles: est.tiles.heightTiles,
          tileRowsTotal: est.tiles.tileRowsTotal,
        },
      }),
      ...opModel,
    }),
    estimateFields({
      confidence: est.confidence,
      worstCore: est.worstCore,
      reportedCore: est.reportedCore,
      citations: est.citations,
      ...(est.versionRange && { versionRange: est.versionRange }),
    }),
  ];
}

function opRecordParts(fnName: string, opA: OpAnalysis, analysis: ModuleAnalysis, lineIndex: LineIndex): OpRecordParts {
  const pos = lineIndex.position(opA.op.nameRange.start);
  const est = opA.estimate;
  const head = {
    line: pos.line + 1,
    column: pos.character + 1,
    op: opA.op.name,
    result: opA.op.resultNames[0] ?? '',
    function: fnName,
    model: est.kind,
  };
  const overflow =
    opA.overflow === undefined
      ? undefined
      : { kind: opA.overflow.kind, status: opA.overflow.status, message: opA.overflow.message };
  const [estimateBefore, estimateAfter] = estimateParts(est);
  const live = opA.liveL1TensorBytesPerCore;
  if (est.kind === 'unmodeled' || est.kind === 'noProgram') {
    return { head, estimateBefore, perOp: { liveL1TensorBytesPerCore: live, overflow }, estimateAfter };
  }
  if (est.kind === 'illegal')
    return { head, estimateBefore, perOp: { liveL1TensorBytesPerCore: live, fits: false, overflow }, estimateAfter };
  const base = analysis.device.l1UnreservedBase;
  const limitBytes =
    opA.overflow !== undefined
      ? opA.overflow.limitBytes
      : Math.min(base + analysis.limitBytesPerCore, analysis.device.l1SizeBytes - live);
  const perOp = {
    liveL1TensorBytesPerCore: live,
    cbRegionEndBytes: est.cbRegionEndBytes,
    limitBytes,
    fits: opA.overflow === undefined,
    overflow,
  };
  return { head, estimateBefore, perOp, estimateAfter };
}

/** The JSON record of one analysed op (exported for tests that compare with tt-mlir's OpModel through it). */
export function opReport(fnName: string, opA: OpAnalysis, analysis: ModuleAnalysis, lineIndex: LineIndex): OpReport {
  const parts = opRecordParts(fnName, opA, analysis, lineIndex);
  // An absent overflow is left out, as JSON.stringify leaves out an undefined member.
  const { overflow, ...perOp } = parts.perOp;
  return {
    ...parts.head,
    ...parts.estimateBefore.fields,
    ...perOp,
    ...(overflow !== undefined && { overflow }),
    ...parts.estimateAfter.fields,
  } as OpReport;
}

/** `JSON.stringify(opReport(...))`, with the estimate's parts written once per estimate. */
function opReportJson(fnName: string, opA: OpAnalysis, analysis: ModuleAnalysis, lineIndex: LineIndex): string {
  const parts = opRecordParts(fnName, opA, analysis, lineIndex);
  let json = '{' + membersJson(parts.head);
  for (const members of [parts.estimateBefore.json, membersJson(parts.perOp), parts.estimateAfter.json])
    if (members !== '') json += ',' + members;
  return json + '}';
}

function diagnosticReport(d: Diagnostic, lineIndex: LineIndex): DiagnosticReport {
  const start = lineIndex.position(d.range.start);
  const end = lineIndex.position(d.range.end);
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

/**
 * The report of one file, built as it is read: the op records one at a time (`ops`), only the ones on a line
 * (`opsOnLine`, for the text renderer's notes), or written straight out as JSON (`writeJsonReport`). The summary and
 * the device are small and built at once. A 300k-op file's report is never one object in memory.
 */
export interface LazyFileReport {
  readonly file: string;
  readonly device: DeviceReport;
  readonly summary: FileReport['summary'];
  /** Ops whose model is `estimate` (the text renderer's count). */
  readonly estimatedOpCount: number;
  /** Every op record, in report order (functions in analysis order, ops in their order), built as iterated. */
  ops(): Iterable<OpReport>;
  /** Every op record as its JSON text (`JSON.stringify` of the `ops()` record), in the same order. */
  opsJson(): Iterable<string>;
  /** The records of the ops whose name is on `line` (1-based). */
  opsOnLine(line: number): readonly OpReport[];
  diagnostics(): Iterable<DiagnosticReport>;
}

/** The report of one file. `observed` maps `function/opIndex` to runtime-log findings (from `--log`). */
export function lazyFileReport(
  file: string,
  analysis: ModuleAnalysis,
  diagnostics: readonly Diagnostic[],
  lineIndex: LineIndex,
  observed: ReadonlyMap<string, ObservedReport> = new Map(),
): LazyFileReport {
  const recordOf = (fnName: string, opA: OpAnalysis): OpReport => {
    const report = opReport(fnName, opA, analysis, lineIndex);
    const seen = observed.size === 0 ? undefined : observed.get(`${fnName}/${opA.index}`);
    return seen === undefined ? report : { ...report, observed: seen };
  };
  const jsonOf = (fnName: string, opA: OpAnalysis): string =>
    observed.size === 0 || !observed.has(`${fnName}/${opA.index}`)
      ? opReportJson(fnName, opA, analysis, lineIndex)
      : JSON.stringify(recordOf(fnName, opA));
  let estimatedOpCount = 0;
  for (const fa of analysis.functions)
    for (const opA of fa.ops) if (opA.estimate.kind === 'estimate' && opA.op.name !== 'func.return') estimatedOpCount++;
  let byLine: Map<number, { fnName: string; opA: OpAnalysis }[]> | undefined;
  return {
    file,
    device: deviceReport(analysis),
    summary: summaryReport(analysis, lineIndex),
    estimatedOpCount,
    *ops() {
      for (const fa of analysis.functions) {
        for (const opA of fa.ops) if (opA.op.name !== 'func.return') yield recordOf(fa.fn.name, opA);
      }
    },
    *opsJson() {
      for (const fa of analysis.functions) {
        for (const opA of fa.ops) if (opA.op.name !== 'func.return') yield jsonOf(fa.fn.name, opA);
      }
    },
    opsOnLine(line) {
      // Made on the first call only (the text format with diagnostics): lines of op names, no records.
      if (byLine === undefined) {
        byLine = new Map();
        for (const fa of analysis.functions) {
          for (const opA of fa.ops) {
            if (opA.op.name === 'func.return') continue;
            const at = lineIndex.position(opA.op.nameRange.start).line + 1;
            const list = byLine.get(at);
            if (list === undefined) byLine.set(at, [{ fnName: fa.fn.name, opA }]);
            else list.push({ fnName: fa.fn.name, opA });
          }
        }
      }
      return (byLine.get(line) ?? []).map((o) => recordOf(o.fnName, o.opA));
    },
    *diagnostics() {
      for (const d of diagnostics) yield diagnosticReport(d, lineIndex);
    },
  };
}

/** The whole report as one object (tests; the CLI streams `LazyFileReport` instead). */
export function fileReport(
  file: string,
  analysis: ModuleAnalysis,
  diagnostics: readonly Diagnostic[],
  lineIndex: LineIndex,
  observed: ReadonlyMap<string, ObservedReport> = new Map(),
): FileReport {
  const lazy = lazyFileReport(file, analysis, diagnostics, lineIndex, observed);
  return {
    file,
    device: lazy.device,
    ops: [...lazy.ops()],
    diagnostics: [...lazy.diagnostics()],
    summary: lazy.summary,
  };
}

/** A whole report seen through the lazy interface (for renderers given one). */
export function lazyView(report: FileReport): LazyFileReport {
  return {
    file: report.file,
    device: report.device,
    summary: report.summary,
    estimatedOpCount: report.ops.filter((o) => o.model === 'estimate').length,
    ops: () => report.ops,
    opsJson: () => report.ops.map((o) => JSON.stringify(o)),
    opsOnLine: (line) => report.ops.filter((o) => o.line === line),
    diagnostics: () => report.diagnostics,
  };
}

// Chunks of at most this many bytes go to `write`: few system calls, no string of the whole report.
const JSON_CHUNK_BYTES = 1 << 17;

/**
 * Strings collected as UTF-8 into chunks of at most JSON_CHUNK_BYTES. Encoding each record's small string on its own
 * is several times cheaper than encoding a concatenation of them, which V8 must flatten first (100k-op dump: 0.63 →
 * 0.09 s for 66 MB). Each chunk is a fresh buffer: a pipe's write may still hold the previous one.
 */
class Utf8Chunks {
  private chunk = Buffer.allocUnsafe(JSON_CHUNK_BYTES);
  private used = 0;

  constructor(private readonly write: (chunk: Uint8Array) => void) {}

  add(text: string): void {
    // At most 3 bytes per UTF-16 code unit (a surrogate pair's 4 bytes are 2 units).
    if (this.used + 3 * text.length > JSON_CHUNK_BYTES) {
      this.flush();
      if (3 * text.length > JSON_CHUNK_BYTES) {
        this.write(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    this.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(JSON_CHUNK_BYTES);
    this.used = 0;
  }
}

/**
 * Writes `report` as UTF-8 of what `JSON.stringify` of the whole `FileReport` gives (the same bytes: keys in the same
 * order), one record at a time, followed by a newline.
 */
export function writeJsonReport(report: LazyFileReport, write: (chunk: Uint8Array) => void): void {
  const out = new Utf8Chunks(write);
  out.add(`{"file":${JSON.stringify(report.file)},"device":${JSON.stringify(report.device)},"ops":[`);
  const list = (items: Iterable<string>): void => {
    let first = true;
    for (const item of items) {
      if (!first) out.add(',');
      out.add(item);
      first = false;
    }
  };
  list(report.opsJson());
  out.add('],"diagnostics":[');
  list(mapIterable(report.diagnostics(), (d) => JSON.stringify(d)));
  out.add(`],"summary":${JSON.stringify(report.summary)}}\n`);
  out.flush();
}

function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Iterable<U> {
  for (const item of items) yield f(item);
}

function summaryReport(analysis: ModuleAnalysis, lineIndex: LineIndex): FileReport['summary'] {
  const unmodeled = unmodeledDeviceOps(analysis);
  const first = analysis.firstFailure;
  const firstOp = first === undefined ? undefined : analysis.functions[first.functionIndex]?.ops[first.opIndex];
  return {
    overflowCount: analysis.overflows.filter((o) => isL1Overflow(o.overflow)).length,
    illegalOpCount: analysis.overflows.filter((o) => o.overflow.kind === 'opIllegal').length,
    buildDependentOverflowCount: analysis.overflows.filter((o) => o.overflow.buildDependent !== undefined).length,
    unmodeledOpCount: unmodeled.count,
    unmodeledOpNames: unmodeled.names,
    ...(firstOp && {
      firstFailure: {
        line: lineIndex.position(firstOp.op.nameRange.start).line + 1,
        op: firstOp.op.name,
        result: firstOp.op.resultNames[0] ?? '',
      },
    }),
    ...(analysis.peak && { peakL1BytesPerCore: analysis.peak.bytesPerCore }),
    limitBytesPerCore: analysis.limitBytesPerCore,
  };
}
