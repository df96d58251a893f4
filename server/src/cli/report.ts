/**
 * The CLI's JSON report: one object per checked file. The schema and the exit codes are a contract with CI scripts
 * (documented in README; do not change field names or meanings, only add fields). Fields we cannot compute for an op
 * are absent, never zero-filled.
 */

import {
  cbLimitBytes,
  isL1Overflow,
  opModelTerms,
  unmodeledDeviceOps,
  type Diagnostic,
  type ModuleAnalysis,
  type OpAnalysis,
  type VersionedFigure,
  type VersionRange,
} from '../features';
import type { MutableLineCol, PositionIndex } from '../text/lineIndex';
import { JsonBytes, type ChunkSink } from '../host/jsonBytes';

/** Exit codes. Documented; do not change. */
export const EXIT_OK = 0;
export const EXIT_OVERFLOW = 1;
export const EXIT_UNUSABLE_INPUT = 2;

export interface DeviceReport {
  readonly arch: string;
  readonly l1SizeBytes: number;
  readonly l1UnreservedBase: number;
  /** `l1_small_size` the device is opened with: the L1_SMALL region at the top of every L1 bank. */
  readonly l1SmallSizeBytes: number;
  /** [rows, cols] of the worker grid. */
  readonly grid: readonly [number, number];
  readonly source: 'system_desc' | 'preset' | 'override';
  readonly baseSource: 'system_desc' | 'preset' | 'override' | 'build_date';
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
  /** L1 tensors the op allocates and frees while it runs, bytes per core, at their peak beside the outputs
   *  (estimate/opModelTerms.ts): OpModel's tensor peak less the outputs. */
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
  /** Why `approx` (absent when exact); over a range of builds it names the approximated builds (estimate/registry.ts). */
  readonly approxReason?: string;
  readonly worstCore?: readonly [number, number];
  readonly reportedCore?: readonly [number, number];
  /** The core range tt-metal's overflow message names, [start, end] (absent: reportedCore alone). */
  readonly reportedRange?: readonly [readonly [number, number], readonly [number, number]];
  readonly citations?: readonly string[];
  /** Figures per tt-metal build sub-window when the build window straddles change points of this op's factory. */
  readonly versionRange?: ReportedVersionRange;
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
    l1SmallSizeBytes: d.l1SmallSizeBytes,
    grid: d.workerGrid,
    source: d.source,
    baseSource: d.baseSource,
    detail: d.sourceDetail,
    ttMetalDate: { ...analysis.ttMetal.window, source: analysis.ttMetal.source, how: analysis.ttMetal.how },
  };
}

/**
 * Receives a record's members in field order, the one list of fields both forms of a record come from: an object
 * (`ObjectMembers`, for `opReport`) or JSON bytes (`JsonMembers`, for the streamed report). An undefined value is an
 * absent field: left out, as JSON.stringify leaves out an undefined member.
 */
interface Members<R> {
  add<K extends keyof R & string>(key: K, value: R[K] | undefined): void;
  /** `add` of a text that recurs from record to record (an op's name, its function's, its model): the same member. */
  addRecurring(key: TextKeys<R>, value: string): void;
  /** `add` of a list of texts that recur from list to list (an estimate's citations): the same member. */
  addRecurringTexts(key: TextListKeys<R>, values: readonly string[] | undefined): void;
}

/** The keys of `R` whose values are texts. */
type TextKeys<R> = { [K in keyof R & string]: R[K] extends string ? K : never }[keyof R & string];

/** The keys of `R` whose values are lists of texts. */
type TextListKeys<R> = {
  [K in keyof R & string]: NonNullable<R[K]> extends readonly string[] ? K : never;
}[keyof R & string];

/** Members collected into an object. */
class ObjectMembers<R> implements Members<R> {
  readonly record: Partial<R> = {};

  add<K extends keyof R & string>(key: K, value: R[K] | undefined): void {
    if (value !== undefined) this.record[key] = value;
  }

  addRecurring(key: TextKeys<R>, value: string): void {
    (this.record as Record<string, unknown>)[key] = value;
  }

  addRecurringTexts(key: TextListKeys<R>, values: readonly string[] | undefined): void {
    if (values !== undefined) (this.record as Record<string, unknown>)[key] = values;
  }
}

// Distinct texts whose member bytes a JSON writer keeps per key, at most (past this, the rest are written afresh).
const MAX_RECURRING_TEXTS = 4096;

/** Members written as JSON (`"key":value`, comma-separated; the caller writes the braces). */
class JsonMembers<R> implements Members<R> {
  /** The bytes of recurring members by key and text (`addRecurring`). */
  private readonly recurring = new Map<string, Map<string, Uint8Array>>();
  /** The JSON of texts in recurring lists (`addRecurringTexts`), by text. */
  private readonly recurringTexts = new Map<string, Uint8Array>();
  /** Where those bytes are written. */
  private parts: JsonBytes | undefined;

  constructor(
    private readonly out: JsonBytes,
    /** Whether the next member is the record's first (no comma before it). */
    public first: boolean,
  ) {}

  add<K extends keyof R & string>(key: K, value: R[K] | undefined): void {
    if (value === undefined) return;
    this.out.fieldName(key, this.first);
    this.first = false;
    // Numbers and texts, most members, straight to their writers.
    if (typeof value === 'number') this.out.number(value);
    else if (typeof value === 'string') this.out.string(value);
    else this.out.value(value);
  }

  /**
   * The member's bytes (`,"key":"text"`) are made once per distinct text and copied into each record: a record's op,
   * function and model names are a few texts written 100k times, each by a loop over its characters.
   */
  addRecurring(key: TextKeys<R>, value: string): void {
    if (this.first) return this.add(key, value as R[TextKeys<R>]);
    let byText = this.recurring.get(key);
    if (byText === undefined) this.recurring.set(key, (byText = new Map<string, Uint8Array>()));
    let member = byText.get(value);
    if (member === undefined) {
      if (byText.size >= MAX_RECURRING_TEXTS) return this.add(key, value as R[TextKeys<R>]);
      this.parts ??= new JsonBytes(undefined, RECURRING_PAGE_BYTES);
      this.parts.fieldName(key, false);
      this.parts.string(value);
      byText.set(value, (member = this.parts.take()));
    }
    this.out.bytes(member);
  }

  /**
   * Each text's JSON (`"text"`) is made once and copied into each list: an estimate's citations are a few dozen long
   * texts (~100 characters) that most estimates repeat, each scanned for characters to escape and encoded before.
   */
  addRecurringTexts(key: TextListKeys<R>, values: readonly string[] | undefined): void {
    if (values === undefined) return;
    const out = this.out;
    out.fieldName(key, this.first);
    this.first = false;
    out.ascii('[');
    for (let i = 0; i < values.length; i++) {
      if (i > 0) out.ascii(',');
      const text = values[i]!;
      let bytes = this.recurringTexts.get(text);
      if (bytes === undefined) {
        if (this.recurringTexts.size >= MAX_RECURRING_TEXTS) {
          out.string(text);
          continue;
        }
        this.parts ??= new JsonBytes(undefined, RECURRING_PAGE_BYTES);
        this.parts.string(text);
        this.recurringTexts.set(text, (bytes = this.parts.take()));
      }
      out.bytes(bytes);
    }
    out.ascii(']');
  }
}

// Recurring members are written into pages of this size.
const RECURRING_PAGE_BYTES = 1 << 14;

/*
 * One op's record is five parts, in field order: the op (`headMembers`), the estimate's fields before the per-op ones
 * (`estimateMembersBefore`), the per-op figures (`perOpMembers`: live tensors, limit, fit), the overflow
 * (`overflowMembers`), and the estimate's remaining fields (`estimateMembersAfter`), then what a runtime log observed.
 * The two estimate parts depend on the estimate alone, and the analysis shares one estimate object among ops with equal
 * inputs (estimateCache.ts), so the streamed report writes their JSON once per estimate object and copies the bytes
 * into each record (100k-op dump: 5,127 estimate objects for 100,001 records); likewise the overflow part once per
 * overflow record, which ops with one rejected estimate share (17,912 overflows, 2,996 records).
 */

// The position a record is being written at (reused: a position object per record went to the old generation).
const at: MutableLineCol = { line: 0, character: 0 };

function headMembers(out: Members<OpReport>, fnName: string, opA: OpAnalysis, positions: PositionIndex): void {
  positions.positionInto(opA.op.nameRange.start, at);
  out.add('line', at.line + 1);
  out.add('column', at.character + 1);
  out.addRecurring('op', opA.op.name);
  out.add('result', opA.op.resultNames[0] ?? '');
  out.addRecurring('function', fnName);
  out.addRecurring('model', opA.estimate.kind);
}

function estimateMembersBefore(out: Members<OpReport>, est: OpAnalysis['estimate']): void {
  switch (est.kind) {
    case 'unmodeled':
      out.add('reason', est.reason);
      return;
    case 'illegal':
      out.add('reason', est.rule);
      out.addRecurringTexts('citations', [est.citation]);
      return;
    case 'noProgram':
      out.add('reason', est.reason);
      opModelMembers(out, est);
      return;
    case 'estimate':
      out.add('factory', est.factory);
      out.add('reason', est.factoryReason);
      out.add('grid', est.grid);
      out.add('cores', est.nCoresUsed);
      out.add(
        'tiles',
        est.tiles && {
          widthTiles: est.tiles.widthTiles,
          heightTiles: est.tiles.heightTiles,
          tileRowsTotal: est.tiles.tileRowsTotal,
        },
      );
      opModelMembers(out, est);
  }
}

/** The estimate in tt-mlir OpModel's terms (estimate/opModelTerms.ts). */
function opModelMembers(
  out: Members<OpReport>,
  est: Extract<OpAnalysis['estimate'], { kind: 'estimate' | 'noProgram' }>,
): void {
  const terms = opModelTerms(est)!;
  out.add('cbBytesPerCore', est.kind === 'estimate' ? est.cbBytesPerCore : 0);
  out.add('worstCbBytesPerCore', terms.worstCbBytesPerCore);
  out.add('cbBytesSummedOverRanges', terms.cbBytesSummedOverRanges);
  out.add('l1TensorBytesPerCore', terms.outputL1BytesPerCore);
  out.add(
    'l1Outputs',
    est.outputs.map((o) => ({ resultIndex: o.resultIndex, bytesPerCore: o.bytesPerCore })),
  );
  if (est.kind === 'estimate')
    out.add(
      'l1InPlaceOutputs',
      est.inPlaceOutputs?.map((o) => ({ operandIndex: o.operandIndex, bytesPerCore: o.bytesPerCore })),
    );
  out.add('intermediateL1BytesPerCore', terms.intermediateL1BytesPerCore);
  out.add('peakL1BytesPerCore', terms.peakL1BytesPerCore);
}

function perOpMembers(out: Members<OpReport>, opA: OpAnalysis, analysis: ModuleAnalysis): void {
  const est = opA.estimate;
  const live = opA.liveL1TensorBytesPerCore;
  out.add('liveL1TensorBytesPerCore', live);
  if (est.kind === 'estimate') {
    out.add('cbRegionEndBytes', est.cbRegionEndBytes);
    out.add(
      'limitBytes',
      // An L1_SMALL overflow's limit is the L1_SMALL bank, not a bound on the CB region this field pairs with.
      opA.overflow !== undefined && opA.overflow.kind !== 'l1SmallExhausted'
        ? opA.overflow.limitBytes
        : Math.min(analysis.device.l1UnreservedBase + analysis.limitBytesPerCore, cbLimitBytes(analysis.device, live)),
    );
    out.add('fits', opA.overflow === undefined);
  } else if (est.kind === 'illegal') {
    out.add('fits', false);
  }
}

/** The last per-op member: the overflow, a function of the overflow record alone (shared by ops: see OpJsonWriter). */
function overflowMembers(out: Members<OpReport>, overflow: OpAnalysis['overflow']): void {
  out.add('overflow', overflow && { kind: overflow.kind, status: overflow.status, message: overflow.message });
}

function estimateMembersAfter(out: Members<OpReport>, est: OpAnalysis['estimate']): void {
  if (est.kind !== 'estimate') return;
  out.add('confidence', est.confidence);
  if (est.confidence === 'approx') out.add('approxReason', est.approxReason);
  out.add('worstCore', est.worstCore);
  out.add('reportedCore', est.reportedCore);
  out.add('reportedRange', est.reportedRange);
  out.addRecurringTexts('citations', est.citations);
  out.add('versionRange', est.versionRange && reportedVersionRange(est.versionRange));
}

/** A sub-window's figure as README documents it: the allocation walk's inputs (`l1Intermediates`, `lastProgram`) are
 *  the analysis's, not the contract's, and would change shape with it. */
export type ReportedFigure = Pick<
  VersionedFigure,
  | 'window'
  | 'kind'
  | 'factory'
  | 'cbBytesPerCore'
  | 'worstCbBytesPerCore'
  | 'cbRegionEndBytes'
  | 'confidence'
  | 'approxReason'
  | 'reason'
>;

export interface ReportedVersionRange {
  readonly changePoints: VersionRange['changePoints'];
  readonly figures: readonly ReportedFigure[];
}

function reportedVersionRange(range: VersionRange): ReportedVersionRange {
  return {
    changePoints: range.changePoints,
    figures: range.figures.map((f) => ({
      window: f.window,
      kind: f.kind,
      factory: f.factory,
      cbBytesPerCore: f.cbBytesPerCore,
      worstCbBytesPerCore: f.worstCbBytesPerCore,
      cbRegionEndBytes: f.cbRegionEndBytes,
      confidence: f.confidence,
      approxReason: f.approxReason,
      reason: f.reason,
    })),
  };
}

/** Every member of one op's record, in field order. */
function opMembers(
  out: Members<OpReport>,
  fnName: string,
  opA: OpAnalysis,
  analysis: ModuleAnalysis,
  positions: PositionIndex,
  observed: ObservedReport | undefined,
): void {
  headMembers(out, fnName, opA, positions);
  estimateMembersBefore(out, opA.estimate);
  perOpMembers(out, opA, analysis);
  overflowMembers(out, opA.overflow);
  estimateMembersAfter(out, opA.estimate);
  out.add('observed', observed);
}

/** The JSON record of one analysed op (exported for tests that compare with tt-mlir's OpModel through it). */
export function opReport(
  fnName: string,
  opA: OpAnalysis,
  analysis: ModuleAnalysis,
  positions: PositionIndex,
  observed?: ObservedReport,
): OpReport {
  const members = new ObjectMembers<OpReport>();
  opMembers(members, fnName, opA, analysis, positions, observed);
  return members.record as OpReport;
}

// Estimate parts are written into pages of this size (100k-op dump: 18 MB of parts, median 229 bytes).
const ESTIMATE_PAGE_BYTES = 1 << 16;

/**
 * Writes op records as JSON, `JSON.stringify(opReport(...))` byte for byte, with each estimate's two parts written
 * once (into a part of their own) and copied into every record that shares the estimate.
 */
class OpJsonWriter {
  private readonly members: JsonMembers<OpReport>;
  /** A writer of estimate parts: their members always follow the head's, so each starts with a comma. */
  private readonly partMembers: JsonMembers<OpReport>;
  private readonly partBytes = new JsonBytes(undefined, ESTIMATE_PAGE_BYTES);
  /** The estimate parts (before and after the per-op members) by estimate object, for this report only. */
  private readonly parts = new Map<OpAnalysis['estimate'], readonly [Uint8Array, Uint8Array]>();
  /** The overflow part by overflow record, for this report only. */
  private readonly overflowParts = new Map<NonNullable<OpAnalysis['overflow']>, Uint8Array>();

  constructor(
    private readonly out: JsonBytes,
    private readonly analysis: ModuleAnalysis,
    private readonly positions: PositionIndex,
  ) {
    this.members = new JsonMembers(out, true);
    this.partMembers = new JsonMembers(this.partBytes, false);
  }

  write(fnName: string, opA: OpAnalysis, observed: ObservedReport | undefined): void {
    const [before, after] = this.estimateParts(opA.estimate);
    this.out.ascii('{');
    this.members.first = true;
    headMembers(this.members, fnName, opA, this.positions);
    this.out.bytes(before);
    perOpMembers(this.members, opA, this.analysis);
    if (opA.overflow !== undefined) this.out.bytes(this.overflowPart(opA.overflow));
    this.out.bytes(after);
    this.members.add('observed', observed);
    this.out.ascii('}');
  }

  // Its member follows `liveL1TensorBytesPerCore`, which every record has: a part starting with a comma.
  private overflowPart(overflow: NonNullable<OpAnalysis['overflow']>): Uint8Array {
    let part = this.overflowParts.get(overflow);
    if (part === undefined) {
      overflowMembers(this.partMembers, overflow);
      this.overflowParts.set(overflow, (part = this.partBytes.take()));
    }
    return part;
  }

  private estimateParts(est: OpAnalysis['estimate']): readonly [Uint8Array, Uint8Array] {
    let parts = this.parts.get(est);
    if (parts === undefined) {
      estimateMembersBefore(this.partMembers, est);
      const before = this.partBytes.take();
      estimateMembersAfter(this.partMembers, est);
      parts = [before, this.partBytes.take()];
      this.parts.set(est, parts);
    }
    return parts;
  }
}

function diagnosticMembers(out: Members<DiagnosticReport>, d: Diagnostic, positions: PositionIndex): void {
  positions.positionInto(d.range.start, at);
  out.add('line', at.line + 1);
  out.add('column', at.character + 1);
  positions.positionInto(d.range.end, at);
  out.add('endLine', at.line + 1);
  out.add('endColumn', at.character + 1);
  out.add('severity', d.severity);
  out.add('code', d.code);
  out.add('message', d.message);
}

function diagnosticReport(d: Diagnostic, positions: PositionIndex): DiagnosticReport {
  const members = new ObjectMembers<DiagnosticReport>();
  diagnosticMembers(members, d, positions);
  return members.record as DiagnosticReport;
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
  /** Ops whose model is `estimate` (the text renderer's count; counted when asked: the JSON report has no use for it). */
  estimatedOpCount(): number;
  /** Every op record, in report order (functions in analysis order, ops in their order), built as iterated. */
  ops(): Iterable<OpReport>;
  /** Writes every op record's JSON (`JSON.stringify` of the `ops()` record), comma-separated, in the same order. */
  writeOpsJson(out: JsonBytes): void;
  /** The records of the ops whose name is on `line` (1-based). */
  opsOnLine(line: number): readonly OpReport[];
  diagnostics(): Iterable<DiagnosticReport>;
  /** Writes every diagnostic's JSON (`JSON.stringify` of the `diagnostics()` record), comma-separated. */
  writeDiagnosticsJson(out: JsonBytes): void;
}

/**
 * Every op the report has a record of (all but `func.return`), in report order: functions in analysis order, ops in
 * their order. Indexed loops: no iterator object per op, before the loop is optimised too.
 */
function forEachReportedOp(analysis: ModuleAnalysis, visit: (fnName: string, opA: OpAnalysis) => void): void {
  const functions = analysis.functions;
  for (let f = 0; f < functions.length; f++) {
    const fa = functions[f]!;
    for (let i = 0; i < fa.ops.length; i++) {
      const opA = fa.ops[i]!;
      if (opA.op.name !== 'func.return') visit(fa.fn.name, opA);
    }
  }
}

/** The report of one file. `observed` maps `function/opIndex` to runtime-log findings (from `--log`). */
export function lazyFileReport(
  file: string,
  analysis: ModuleAnalysis,
  diagnostics: readonly Diagnostic[],
  positions: PositionIndex,
  observed: ReadonlyMap<string, ObservedReport> = new Map(),
): LazyFileReport {
  const observedOf = (fnName: string, opA: OpAnalysis): ObservedReport | undefined =>
    observed.size === 0 ? undefined : observed.get(`${fnName}/${opA.index}`);
  const recordOf = (fnName: string, opA: OpAnalysis): OpReport =>
    opReport(fnName, opA, analysis, positions, observedOf(fnName, opA));
  let byLine: Map<number, { fnName: string; opA: OpAnalysis }[]> | undefined;
  return {
    file,
    device: deviceReport(analysis),
    summary: summaryReport(analysis, positions),
    estimatedOpCount() {
      let count = 0;
      forEachReportedOp(analysis, (_, opA) => {
        if (opA.estimate.kind === 'estimate') count++;
      });
      return count;
    },
    *ops() {
      for (const fa of analysis.functions) {
        for (const opA of fa.ops) if (opA.op.name !== 'func.return') yield recordOf(fa.fn.name, opA);
      }
    },
    writeOpsJson(out) {
      const writer = new OpJsonWriter(out, analysis, positions);
      let first = true;
      forEachReportedOp(analysis, (fnName, opA) => {
        if (!first) out.ascii(',');
        first = false;
        writer.write(fnName, opA, observedOf(fnName, opA));
      });
    },
    opsOnLine(line) {
      // Made on the first call only (the text format with diagnostics): lines of op names, no records.
      if (byLine === undefined) {
        const lines = new Map<number, { fnName: string; opA: OpAnalysis }[]>();
        forEachReportedOp(analysis, (fnName, opA) => {
          const at = positions.position(opA.op.nameRange.start).line + 1;
          const list = lines.get(at);
          if (list === undefined) lines.set(at, [{ fnName, opA }]);
          else list.push({ fnName, opA });
        });
        byLine = lines;
      }
      return (byLine.get(line) ?? []).map((o) => recordOf(o.fnName, o.opA));
    },
    *diagnostics() {
      for (const d of diagnostics) yield diagnosticReport(d, positions);
    },
    writeDiagnosticsJson(out) {
      const members = new JsonMembers<DiagnosticReport>(out, true);
      for (let i = 0; i < diagnostics.length; i++) {
        out.ascii(i === 0 ? '{' : ',{');
        members.first = true;
        diagnosticMembers(members, diagnostics[i]!, positions);
        out.ascii('}');
      }
    },
  };
}

/** The whole report as one object (tests; the CLI streams `LazyFileReport` instead). */
export function fileReport(
  file: string,
  analysis: ModuleAnalysis,
  diagnostics: readonly Diagnostic[],
  positions: PositionIndex,
  observed: ReadonlyMap<string, ObservedReport> = new Map(),
): FileReport {
  const lazy = lazyFileReport(file, analysis, diagnostics, positions, observed);
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
    estimatedOpCount: () => report.ops.filter((o) => o.model === 'estimate').length,
    ops: () => report.ops,
    writeOpsJson: (out) => writeJsonList(out, report.ops),
    opsOnLine: (line) => report.ops.filter((o) => o.line === line),
    diagnostics: () => report.diagnostics,
    writeDiagnosticsJson: (out) => writeJsonList(out, report.diagnostics),
  };
}

/** `JSON.stringify` of each item, comma-separated. */
function writeJsonList(out: JsonBytes, items: readonly object[]): void {
  items.forEach((item, i) => {
    if (i > 0) out.ascii(',');
    out.utf8(JSON.stringify(item));
  });
}

/**
 * Writes `report` as UTF-8 of what `JSON.stringify` of the whole `FileReport` gives (the same bytes: keys in the same
 * order), one record at a time into reused chunks for `sink`, followed by a newline.
 */
export function writeJsonReport(report: LazyFileReport, sink: ChunkSink): void {
  const out = new JsonBytes(sink);
  out.utf8(`{"file":${JSON.stringify(report.file)},"device":${JSON.stringify(report.device)},"ops":[`);
  report.writeOpsJson(out);
  out.ascii('],"diagnostics":[');
  report.writeDiagnosticsJson(out);
  out.utf8(`],"summary":${JSON.stringify(report.summary)}}\n`);
  out.flush();
}

function summaryReport(analysis: ModuleAnalysis, positions: PositionIndex): FileReport['summary'] {
  const unmodeled = unmodeledDeviceOps(analysis);
  const first = analysis.firstFailure;
  const firstOp = first === undefined ? undefined : analysis.functions[first.functionIndex]?.ops[first.opIndex];
  // One pass over the overflows (17.9k at 100k ops), counting each kind, rather than a filtered copy per count.
  let overflowCount = 0;
  let illegalOpCount = 0;
  let buildDependentOverflowCount = 0;
  const overflows = analysis.overflows;
  for (let i = 0; i < overflows.length; i++) {
    const overflow = overflows[i]!.overflow;
    if (isL1Overflow(overflow)) overflowCount++;
    if (overflow.kind === 'opIllegal') illegalOpCount++;
    if (overflow.buildDependent !== undefined) buildDependentOverflowCount++;
  }
  return {
    overflowCount,
    illegalOpCount,
    buildDependentOverflowCount,
    unmodeledOpCount: unmodeled.count,
    unmodeledOpNames: unmodeled.names,
    ...(firstOp && {
      firstFailure: {
        line: positions.position(firstOp.op.nameRange.start).line + 1,
        op: firstOp.op.name,
        result: firstOp.op.resultNames[0] ?? '',
      },
    }),
    ...(analysis.peak && { peakL1BytesPerCore: analysis.peak.bytesPerCore }),
    limitBytesPerCore: analysis.limitBytesPerCore,
  };
}
