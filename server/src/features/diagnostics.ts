/**
 * Document diagnostics: syntax errors, tt-mlir verifier errors of trace ops, then the L1 verdicts. The first op
 * tt-metal throws at is an Error worded like tt-metal's own message; later overflowing ops are "not reached" (severity
 * from settings); related information points at the producer chain and at the Python source named by the op's `loc`.
 */

import type { ModuleAnalysis, OpAnalysis, Overflow, OverflowRef } from '../analysis/analyze';
import { l1BufferTopBytes } from '../analysis/analyze';
import type { L1Intermediate, OpEstimate, Unmodeled } from '../estimate/types';
import type { ParseResult } from '../mlir/syntax';
import { hasMlirSignal } from '../mlir/mlirSignal';
import { MODEL_OVERFLOW } from '../estimate/registry';
import type { TextRange } from '../text/textRange';
import type { DiagnosticCode } from './diagnosticCodes';
import type { AnalysisSettings, DocumentAnalysis, OpEntry } from './documentAnalysis';
import { formatBytes, formatInteger } from './format';
import { opHeadRange, opTitle } from './opView';
import { flat } from '../analysis/flatStrings';
import { producerChain, type ProducerLink } from './producers';
import { fitsWhenText } from './buildText';
import { windowText, windowsText } from '../estimate/changePoints';
import { detachedSyntaxFacts, syntaxFactsView, type SyntaxFacts } from './syntaxFacts';
import type { LineIndex } from '../text/lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Where related information points: a range in this document, or a source file named by a `loc`. */
export type RelatedTarget =
  | { readonly kind: 'range'; readonly range: TextRange }
  /**
   * `file` as written in the loc (often relative to the workspace); 1-based line and column as MLIR prints them. With
   * `DiagnosticsOptions.unlinkedSource`, the message of a diagnostic whose file is not linked names it (the editor
   * leaves such a target out of its links).
   */
  | { readonly kind: 'file'; readonly file: string; readonly line: number; readonly column: number };

export interface RelatedInformation {
  readonly target: RelatedTarget;
  readonly message: string;
}

export interface Diagnostic {
  readonly range: TextRange;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly related: readonly RelatedInformation[];
}

// Layout reasons that mean a broken layout, not merely an unmodeled one (ttnn/fromSyntax.ts wording).
const INVALID_LAYOUT =
  /undefined layout alias|malformed|unreadable|no memref|no memory space|unknown memory space|unknown element type|without a body|overflows|Memory layout is (?:not allowed|required)|must carry a core_range_set/;

// Reasons recur on thousands of ops (the same few layouts): test each distinct one once.
const invalidLayoutReasons = new Map<string, boolean>();
const MAX_REASONS_KEPT = 10_000;

function isInvalidLayoutReason(reason: string): boolean {
  let invalid = invalidLayoutReasons.get(reason);
  if (invalid === undefined) {
    invalid = INVALID_LAYOUT.test(reason);
    if (invalidLayoutReasons.size < MAX_REASONS_KEPT) invalidLayoutReasons.set(reason, invalid);
  }
  return invalid;
}

// The producer of the failing op's input: enough to find where a shape came from; editors show related information in
// the same box as the hover, so a longer chain pushed the hover out of view (the breakdown lists the inputs).
const MAX_CHAIN = 1;

/**
 * Whether the text is MLIR at all (mlir/mlirSignal.ts): one cleanly parsed op written as MLIR writes ops. The CLI's
 * `check` and `fix` and the editor's diagnostics decide it here, so they agree.
 */
export function hasMlirOperations(parse: ParseResult): boolean {
  return hasMlirSignal(parse);
}

// tt-mlir's runtime executor logs each op as `Executing operation: <op>` (logs/parseLog.ts cites the format).
const RUNTIME_LOG_RECORD = /Executing operation: /;

/**
 * Why a text without MLIR operations cannot be checked, said the same way by `check`, `fix` and the editor: a tt-mlir
 * runtime log is named as one, with the two ways to check what it ran.
 */
export function notMlirReason(text: string): string {
  return RUNTIME_LOG_RECORD.test(text)
    ? "no MLIR operations found: this is a tt-mlir runtime log; check the .mlir it ran with --log, or check the op text after 'Executing operation:' as a .mlir file (ops outside a function are analysed as they stand)"
    : 'no MLIR operations found; is this an MLIR file?';
}

/**
 * What the diagnostics of a document are made from: its analysis and settings, and of its syntax tree only the facts
 * they read (features/syntaxFacts.ts), so a caller may drop the tree first (the CLI: see `analyzeDetached`).
 */
export interface DiagnosticsInput {
  readonly analysis: ModuleAnalysis;
  readonly settings: AnalysisSettings;
  readonly lineIndex: LineIndex;
  readonly syntax: SyntaxFacts;
  /** No later version of the document is diagnosed (the CLI): nothing is kept per op record for reuse. */
  readonly oneShot?: boolean;
}

/** A document's diagnostics input, reading its tree on demand (the editor keeps the tree). */
export function diagnosticsInputOf(doc: DocumentAnalysis): DiagnosticsInput {
  return inputWithFacts(
    doc,
    syntaxFactsView(doc.parse, () => doc.analysis.functions.map((fa) => fa.fn)),
  );
}

/**
 * A document's diagnostics input as plain data (`detachedSyntaxFacts`): the caller may drop the document, tree and
 * all, and make the diagnostics after (the CLI with `--log`, whose log correlation needs the tree until then).
 */
export function detachedDiagnosticsInput(doc: DocumentAnalysis): DiagnosticsInput {
  return inputWithFacts(
    doc,
    detachedSyntaxFacts(
      doc.parse,
      doc.analysis.functions.map((fa) => fa.fn),
    ),
  );
}

function inputWithFacts(doc: DocumentAnalysis, syntax: SyntaxFacts): DiagnosticsInput {
  return { analysis: doc.analysis, settings: doc.settings, lineIndex: doc.lineIndex, syntax };
}

/**
 * Why the Python source file a `loc` names is not linked (outside the workspace, not found), or undefined when it is:
 * an editor links the files it can open (lsp/sourceFiles.ts).
 */
export type UnlinkedSourceReason = (file: string) => string | undefined;

export interface DiagnosticsOptions {
  /**
   * The editor's links: an overflow whose Python source is not linked says in its message where the source would be
   * and why (`Python source FILE:LINE: REASON`). The message is then made once with those words (and kept per op
   * record like the rest), not made and then copied with them appended. Without it (the CLI), messages have no such
   * words: reports print the source as related information.
   */
  readonly unlinkedSource?: UnlinkedSourceReason;
}

/** All diagnostics of a document (or of what they read of it: `DiagnosticsInput`), in source order. */
export function diagnostics(of: DocumentAnalysis | DiagnosticsInput, options: DiagnosticsOptions = {}): Diagnostic[] {
  const doc = 'syntax' in of ? of : diagnosticsInputOf(of);
  // Errors and not one operation: prose, JSON, C++ or binary rather than MLIR. One diagnostic says so instead of one
  // per line (the CLI exits 2 with the same words).
  const firstError = doc.syntax.errors[0];
  if (firstError !== undefined && !doc.syntax.hasMlirOperations) {
    return [
      {
        range: firstError.range,
        severity: 'error',
        code: 'syntax-error',
        message: `No MLIR operations found; is this an MLIR file? (${firstError.message})`,
        related: [],
      },
    ];
  }
  const out: Diagnostic[] = [];
  for (const e of doc.syntax.errors) {
    out.push({ range: e.range, severity: e.severity, code: 'syntax-error', message: e.message, related: [] });
  }
  const first = doc.analysis.firstFailure;
  const firstEntry = first === undefined ? undefined : entryOf(doc, first);
  // Every "not reached" message names the first failure's line: one position lookup, not one per overflow.
  const firstLine = firstEntry === undefined ? -1 : doc.lineIndex.position(firstEntry.op.op.range.start).line + 1;
  // ...and every "not reached" diagnostic points at the first failure: one related-information object for all (17.6k
  // at 100k ops), which the editor's conversion (lsp/toProto.ts) also converts once.
  const list: OverflowList = {
    doc: { analysis: doc.analysis, settings: doc.settings, oneShot: doc.oneShot },
    first: firstEntry,
    firstLine,
    firstRelated: firstEntry === undefined ? undefined : throwsFirstRelated(firstEntry.op),
    unlinkedSource: options.unlinkedSource,
  };
  for (const ref of doc.analysis.overflows) {
    const entry = entryOf(doc, ref);
    if (entry !== undefined) out.push(overflowDiagnostic(list, entry, ref.overflow));
  }
  // Only the ops the analysis lists (not every op): this runs on each edit.
  for (const fa of doc.analysis.functions) {
    for (const index of fa.unmodeledOrUnknownLayoutOps) {
      const opA = fa.ops[index]!;
      const est = opA.estimate;
      // A figure past what a JS number holds exactly: said always (the op likely overflows; we cannot say by how much).
      if (est.kind === 'unmodeled' && est.reason.startsWith(MODEL_OVERFLOW)) {
        out.push({
          range: opHeadRange(opA),
          severity: 'warning',
          code: 'model-overflow',
          message: `${est.opName}: ${est.reason}; its L1 use cannot be computed.`,
          related: [],
        });
      } else if (doc.settings.noModelInfo && est.kind === 'unmodeled') {
        out.push({
          range: opHeadRange(opA),
          severity: 'information',
          code: 'no-l1-model',
          message: noModelMessage(est),
          related: [],
        });
      }
      const results = opA.op.results;
      for (let i = 0; i < results.length; i++) {
        const spec = results[i]!;
        if (spec.kind !== 'tensor' || spec.layout.kind !== 'unknown' || !isInvalidLayoutReason(spec.layout.reason))
          continue;
        const name = opA.op.resultNames[i] ?? `result ${i}`;
        out.push({
          range: opHeadRange(opA),
          severity: 'warning',
          code: 'layout-invalid',
          message:
            spec.layout.rejectedByTtMlir !== undefined
              ? `The layout of ${name} is rejected by tt-mlir's TTNNLayoutAttr verifier: ${spec.layout.reason}; this IR does not compile.`
              : `The layout of ${name} cannot be decoded: ${spec.layout.reason}; its L1 use is unknown.`,
          related: [],
        });
      }
    }
  }
  for (const f of doc.syntax.traceOpFindings)
    out.push({ range: f.range, severity: 'error', code: 'op-invalid', message: f.message, related: [] });
  for (const warning of doc.analysis.device.warnings) {
    out.push({
      range: doc.syntax.systemDescRange,
      severity: 'information',
      code: 'device-base-fictitious',
      message: `${warning} (device: ${doc.analysis.device.sourceDetail})`,
      related: [],
    });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

// Estimates are shared by every op of a pattern and kept across versions (analysis/estimateCache.ts): the message is
// built once per estimate, and a republish hands the serialiser the same (already flat) string.
const noModelMessages = new WeakMap<Unmodeled, string>();

function noModelMessage(est: Unmodeled): string {
  let message = noModelMessages.get(est);
  if (message === undefined) {
    message = `No L1 model for ${est.opName}: ${est.reason}`;
    noModelMessages.set(est, message);
  }
  return message;
}

function entryOf(doc: DiagnosticsInput, ref: OverflowRef): OpEntry | undefined {
  // By index: `// -----` split files repeat function names.
  const fn = doc.analysis.functions[ref.functionIndex];
  const op = fn?.ops[ref.opIndex];
  return fn === undefined || op === undefined ? undefined : { fn, op };
}

function codeOf(overflow: Overflow): DiagnosticCode {
  // An illegal op keeps its code when not reached: it is a rejected configuration, not an L1 overflow.
  if (overflow.kind === 'opIllegal') return 'op-illegal';
  if (overflow.buildDependent !== undefined && overflow.status === 'warning') return 'l1-overflow-build-dependent';
  if (overflow.status === 'notReached') return 'l1-overflow-not-reached';
  switch (overflow.kind) {
    case 'cbBeyondL1':
      return 'l1-cb-overflow';
    case 'cbClashesWithL1Buffers':
      return 'l1-cb-clash';
    case 'l1BuffersExhausted':
      return 'l1-out-of-memory';
    case 'l1SmallExhausted':
      return 'l1-small-out-of-memory';
    case 'overUsableCap':
      return 'model-overflow';
  }
}

function core(c: readonly [number, number]): string {
  return `(${c[0]},${c[1]})`;
}

/** tt-metal's wording (program.cpp validate_circular_buffer_region), with thousands separators. */
function failureText(doc: OverflowDoc, entry: OpEntry, o: Overflow): string {
  const live = entry.op.liveL1TensorBytesPerCore;
  switch (o.kind) {
    case 'cbBeyondL1':
      return `circular buffers on core ${core(o.core)} grow to ${formatInteger(o.cbRegionEndBytes)} B which is beyond max L1 size of ${formatInteger(o.limitBytes)} B`;
    case 'cbClashesWithL1Buffers':
      return `circular buffers on core ${core(o.core)} clash with L1 buffers: L1 buffer allocated at ${formatInteger(o.limitBytes)} B and static circular buffer region ends at ${formatInteger(o.cbRegionEndBytes)} B`;
    case 'l1BuffersExhausted': {
      const bank = l1BufferTopBytes(doc.analysis.device) - doc.analysis.device.l1UnreservedBase;
      const a = o.failedAllocation;
      // tt-metal's allocator names the buffer it cannot place ("Not enough space to allocate …", logs/failures.ts).
      if (a !== undefined)
        return `out of L1: not enough space to allocate the ${a.role}, ${formatInteger(a.bytesPerCore)} B per core (${formatInteger(a.bufferBytes)} B across ${formatInteger(a.banks)} banks in tt-metal's allocator message), with ${formatInteger(a.allocatedBeforeBytes)} B of L1 tensors allocated of the ${formatInteger(bank)} B between the base and the L1_SMALL region`;
      return `out of L1: tensors live here need ${formatInteger(live)} B per core but only ${formatInteger(bank)} B lie between the base and the L1_SMALL region`;
    }
    case 'l1SmallExhausted': {
      const f = o.failedL1Small;
      if (f === undefined) return `out of L1_SMALL: ${o.message}`;
      return `out of L1_SMALL: not enough space to allocate the ${f.buffer.role}, ${formatInteger(f.buffer.bytesPerBank)} B per bank across ${formatInteger(f.buffer.banks)} banks, with ${formatInteger(f.allocatedBeforeBytes)} B of the ${formatInteger(f.bankBytes)} B L1_SMALL bank held by config tensors of earlier programs and of this op`;
    }
    case 'overUsableCap':
      return `CBs + live L1 tensors reach ${formatInteger(o.cbRegionEndBytes + live)} B, over the usable-L1 cap of ${formatInteger(o.limitBytes)} B (${doc.analysis.usableL1Cap} of usable L1)`;
    case 'opIllegal':
      return `its validation rejects this configuration — ${o.message}`;
  }
}

/** Why: the factory and its CBs on the reported core (the factory's own reasoning is in the hover and the breakdown,
 *  so an editor showing both does not say it twice), or the op's own L1 tensors when one of them does not fit. A
 *  function of the estimate, which ops share: made once for each. */
function whyText(entry: OpEntry): string {
  const est = entry.op.estimate;
  if (est.kind !== 'estimate') return '';
  const failedProgram = entry.op.overflow?.failedProgram;
  if (failedProgram !== undefined)
    return `\nWhy: the ${failedProgram.name} program, which writes the ${failedProgram.writes}, allocates ${formatInteger(failedProgram.cbBytesPerCore)} B of CBs per core while ${formatInteger(failedProgram.liveL1BufferBytes)} B of L1 tensors (those live around the op and the ones it has allocated so far) are allocated.`;
  const failed = entry.op.overflow?.failedAllocation;
  if (failed !== undefined && est.l1Intermediates?.some((t) => t.role === failed.role) === true)
    return intermediatesWhyText(est, est.l1Intermediates);
  if (entry.op.overflow?.kind === 'l1SmallExhausted' && est.l1SmallBuffers !== undefined) {
    const list = est.l1SmallBuffers.map((b) => `the ${b.role} (${formatInteger(b.bytesPerBank)} B)`).join(', then ');
    return `\nWhy: ${est.factory} allocates ${list} per bank in L1_SMALL, which cached programs keep until the program cache is cleared (Conv2dConfig config_tensors_in_dram puts conv2d's in DRAM).`;
  }
  let why = whyTexts.get(est);
  if (why === undefined) whyTexts.set(est, (why = estimateWhyText(est)));
  return why;
}

function intermediatesWhyText(est: OpEstimate, intermediates: readonly L1Intermediate[]): string {
  const list = intermediates.map((t) => `the ${t.role} (${formatInteger(t.bytesPerCore)} B)`).join(', then ');
  return `\nWhy: before ${est.factory} runs, ttnn allocates ${list} per core in L1.`;
}

const whyTexts = new WeakMap<OpEstimate, string>();

function estimateWhyText(est: OpEstimate): string {
  const group = est.coreGroups.find(
    (g) => g.firstCore[0] === est.reportedCore[0] && g.firstCore[1] === est.reportedCore[1],
  );
  const cbs = est.cbs.filter((cb) => !cb.tensorBacked && (group === undefined || cb.coreGroup === group.name));
  // CB indices only: the pages and sizes of each are in the hover's breakdown.
  const list = cbs.map((cb) => cb.cbIndex).join(' + ');
  return `\nWhy: ${est.factory}${list === '' ? '' : ` allocates ${list} = ${formatBytes(est.cbBytesPerCore)} per core`}.`;
}

/**
 * An overflow diagnostic's message, kept per op record: a record is replaced whenever its op, live bytes, verdict or
 * device change, so the message stays right as long as what else it reads is the same (the first failure and its line,
 * the "not reached" severity). Only the ranges, which move with edits, are made again.
 */
interface OverflowMessage {
  readonly first: OpAnalysis | undefined;
  readonly firstLine: number;
  readonly severity: Severity;
  /** Why the op's Python source is not linked (`DiagnosticsOptions.unlinkedSource`), when the message says so. */
  readonly unlinkedReason: string | undefined;
  readonly message: string;
}

const overflowMessages = new WeakMap<OpAnalysis, OverflowMessage>();

/** An overflow's related-information words, kept per op record like its message while the producers are the same. */
interface RelatedWords {
  readonly producers: readonly OpAnalysis[];
  readonly producerMessages: readonly string[];
}

const relatedWords = new WeakMap<OpAnalysis, RelatedWords>();

// The Python-source entry of an op record, made when first read: a file target does not move with edits of this
// document. An editor whose workspace does not hold the file never reads it (the message says where the file is).
const sourceRelated = new WeakMap<OpAnalysis, RelatedInformation | null>();

function sourceRelatedOf(op: OpAnalysis): RelatedInformation | undefined {
  let kept = sourceRelated.get(op);
  if (kept === undefined) {
    const line = op.op.source;
    kept =
      line === undefined
        ? null
        : {
            target: { kind: 'file', file: line.file, line: line.line, column: line.column },
            message: `Python source of ${opTitle(op)}`,
          };
    sourceRelated.set(op, kept);
  }
  return kept ?? undefined;
}

/**
 * An overflow diagnostic. Its related information (producer chain, Python source; the first failure's is one object
 * for the whole list) is made at each read, from what the diagnostic was made of (analysis records; the Python source
 * is the TTNN op's), and not kept: the JSON and SARIF reports never read it (at 100k ops it was a third of the
 * diagnostics' memory), the text report and the editor read it once, and the editor's conversion (lsp/handlers.ts)
 * drops it as soon as it is converted, so it dies young instead of being copied by every scavenge until the whole list
 * is converted. Its words are kept per op record (`relatedWords`). `toJSON` gives the plain diagnostic.
 */
class OverflowDiagnostic implements Diagnostic {
  readonly range: TextRange;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  // What `related` is made from, in private fields: equality of diagnostics (tests' deep equality) compares what they
  // say, not what they were made from.
  readonly #entry: OpEntry;
  /** The first failure's related information, shared by every 'notReached' diagnostic; undefined for the others. */
  readonly #firstRelated: RelatedInformation | undefined;
  /** Whether the message says where the op's Python source is and why it is not linked: no related entry for it. */
  readonly #sourceInMessage: boolean;

  constructor(
    entry: OpEntry,
    overflow: Overflow,
    firstRelated: RelatedInformation | undefined,
    severity: Severity,
    message: string,
    sourceInMessage: boolean,
  ) {
    this.range = opHeadRange(entry.op);
    this.severity = severity;
    this.code = codeOf(overflow);
    this.message = message;
    this.#entry = entry;
    this.#firstRelated = overflow.status === 'notReached' ? firstRelated : undefined;
    this.#sourceInMessage = sourceInMessage;
  }

  get related(): readonly RelatedInformation[] {
    return overflowRelated(this.#entry, this.#firstRelated, !this.#sourceInMessage);
  }

  toJSON(): Diagnostic {
    return plainDiagnostic(this);
  }
}

/** The plain diagnostic an overflow diagnostic's getters give (its `toJSON`). */
function plainDiagnostic(d: Diagnostic): Diagnostic {
  return { range: d.range, severity: d.severity, code: d.code, message: d.message, related: d.related };
}

/**
 * An overflow diagnostic of a one-shot run (`DiagnosticsInput.oneShot`: the CLI), whose message is also made at each
 * read, from the same inputs (the CLI's reports read it once, as they write the diagnostic). Kept, the generated
 * 100k-op dump's 18k overflow messages (~600 B each, most of them two-byte strings: '—') were ~20 MB held from the
 * diagnostics' making through the whole report, promoted and copied by the GC; made when read, they die young.
 */
class DetachedOverflowDiagnostic implements Diagnostic {
  readonly range: TextRange;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly #list: OverflowList;
  readonly #entry: OpEntry;
  readonly #overflow: Overflow;
  readonly #firstLine: number;
  readonly #unlinkedReason: string | undefined;

  constructor(list: OverflowList, entry: OpEntry, overflow: Overflow, severity: Severity, firstLine: number) {
    this.range = opHeadRange(entry.op);
    this.severity = severity;
    this.code = codeOf(overflow);
    this.#list = list;
    this.#entry = entry;
    this.#overflow = overflow;
    this.#firstLine = firstLine;
    const source = entry.op.op.source;
    this.#unlinkedReason =
      source === undefined || list.unlinkedSource === undefined ? undefined : list.unlinkedSource(source.file);
  }

  get message(): string {
    return publishedMessage(this.#list, this.#entry, this.#overflow, this.#firstLine, this.#unlinkedReason);
  }

  get related(): readonly RelatedInformation[] {
    return overflowRelated(
      this.#entry,
      this.#overflow.status === 'notReached' ? this.#list.firstRelated : undefined,
      this.#unlinkedReason === undefined,
    );
  }

  toJSON(): Diagnostic {
    return plainDiagnostic(this);
  }
}

/**
 * What of the document an overflow diagnostic reads: not its text or syntax facts, which a one-shot run lets go before
 * its reports are written (a `DetachedOverflowDiagnostic` holds this until its message is read).
 */
type OverflowDoc = Pick<DiagnosticsInput, 'analysis' | 'settings' | 'oneShot'>;

/** What every overflow diagnostic of one list reads besides its own op. */
interface OverflowList {
  readonly doc: OverflowDoc;
  readonly first: OpEntry | undefined;
  /** The first failure's 1-based line, or -1. */
  readonly firstLine: number;
  /** Shared by every 'notReached' diagnostic of the list. */
  readonly firstRelated: RelatedInformation | undefined;
  readonly unlinkedSource: UnlinkedSourceReason | undefined;
}

function overflowDiagnostic(list: OverflowList, entry: OpEntry, o: Overflow): Diagnostic {
  const { doc, first } = list;
  const severity: Severity =
    o.status === 'first' ? 'error' : o.status === 'notReached' ? doc.settings.notReachedSeverity : 'warning';
  const firstLine = o.status === 'notReached' && first !== undefined ? list.firstLine : -1;
  if (doc.oneShot === true) return new DetachedOverflowDiagnostic(list, entry, o, severity, firstLine);
  const source = entry.op.op.source;
  const unlinkedReason =
    source === undefined || list.unlinkedSource === undefined ? undefined : list.unlinkedSource(source.file);
  let kept = overflowMessages.get(entry.op);
  if (
    kept === undefined ||
    kept.first !== first?.op ||
    kept.firstLine !== firstLine ||
    kept.severity !== severity ||
    kept.unlinkedReason !== unlinkedReason
  ) {
    const message = publishedMessage(list, entry, o, firstLine, unlinkedReason);
    kept = { first: first?.op, firstLine, severity, unlinkedReason, message };
    overflowMessages.set(entry.op, kept);
  }
  return new OverflowDiagnostic(entry, o, list.firstRelated, severity, kept.message, unlinkedReason !== undefined);
}

/** The message, with the words on an unlinked Python source, as one flat string (serialisers read it as it is). */
function publishedMessage(
  list: OverflowList,
  entry: OpEntry,
  o: Overflow,
  firstLine: number,
  unlinkedReason: string | undefined,
): string {
  const words = overflowMessage(list.doc, entry, o, list.first, firstLine);
  const source = entry.op.op.source;
  if (unlinkedReason === undefined || source === undefined) return flat(words);
  return flat(`${words}\nPython source ${source.file}:${source.line}: ${unlinkedReason}`);
}

function overflowMessage(
  doc: OverflowDoc,
  entry: OpEntry,
  o: Overflow,
  first: OpEntry | undefined,
  firstLine: number,
): string {
  if (o.status === 'first')
    return `tt-metal will throw at ${opTitle(entry.op)}: ${failureText(doc, entry, o)}.${whyText(entry)}`;
  if (o.status === 'notReached') {
    const stop = first === undefined ? 'an earlier op' : `${opTitle(first.op)} (line ${firstLine})`;
    return `Not reached: execution stops at ${stop}, but ${opTitle(entry.op)} would also fail: ${failureText(doc, entry, o)}.${whyText(entry)}`;
  }
  if (
    o.buildDependent !== undefined &&
    entry.op.estimate.kind === 'estimate' &&
    entry.op.estimate.versionRange !== undefined
  ) {
    const range = entry.op.estimate.versionRange;
    const failsOn = windowsText(o.buildDependent.failsIn);
    return (
      `Depends on the tt-metal build: on builds ${failsOn} tt-metal will throw at ${opTitle(entry.op)}: ${failureText(doc, entry, o)}; ` +
      `it ${fitsWhenText(range, o.buildDependent.fitsIn)} (build window ${windowText(doc.analysis.ttMetal.window)}). ` +
      `Set ttnnL1.ttMetalDate / --tt-metal-date to your build.${whyText(entry)}`
    );
  }
  return `${opTitle(entry.op)}: ${failureText(doc, entry, o)}.`;
}

/**
 * The first failure (`firstRelated`, for a 'notReached' overflow), the producer chain, then the Python source unless
 * `withSource` is false (the message names it: an editor that cannot link it).
 */
function overflowRelated(
  entry: OpEntry,
  firstRelated: RelatedInformation | undefined,
  withSource: boolean,
): RelatedInformation[] {
  const chain = producerChain(entry, MAX_CHAIN);
  let words = relatedWords.get(entry.op);
  if (
    words === undefined ||
    words.producers.length !== chain.length ||
    chain.some((link, i) => link.op !== words!.producers[i])
  ) {
    words = relatedWordsOf(chain);
    relatedWords.set(entry.op, words);
  }
  const w = words;
  const related: RelatedInformation[] = [];
  if (firstRelated !== undefined) related.push(firstRelated);
  for (let i = 0; i < chain.length; i++)
    related.push({ target: { kind: 'range', range: opHeadRange(chain[i]!.op) }, message: w.producerMessages[i]! });
  const source = withSource ? sourceRelatedOf(entry.op) : undefined;
  if (source !== undefined) related.push(source);
  return related;
}

function relatedWordsOf(chain: readonly ProducerLink[]): RelatedWords {
  return {
    producers: chain.map((link) => link.op),
    producerMessages: chain.map((link) => `${opTitle(link.op)} produced ${link.tensorText}`),
  };
}

/**
 * Where every "not reached" diagnostic points: the first failure. Made once per list of diagnostics (its range moves
 * with edits); its words once per first failure.
 */
function throwsFirstRelated(first: OpAnalysis): RelatedInformation {
  return { target: { kind: 'range', range: opHeadRange(first) }, message: throwsFirstMessage(first) };
}

const throwsFirstMessages = new WeakMap<OpAnalysis, string>();

function throwsFirstMessage(first: OpAnalysis): string {
  let message = throwsFirstMessages.get(first);
  if (message === undefined)
    throwsFirstMessages.set(first, (message = `tt-metal throws first here (${opTitle(first)})`));
  return message;
}

/** The single diagnostic published for a document too large to analyse in this process (not a bug: a limit). */
export function tooLargeDiagnostic(message: string): Diagnostic {
  return {
    range: { start: 0, end: 0 },
    severity: 'error',
    code: 'too-large',
    message: `Not analysed: ${message}.`,
    related: [],
  };
}

/** The single diagnostic published when analysing a document failed (a bug on our side, never the user's). */
export function internalErrorDiagnostic(message: string): Diagnostic {
  return {
    range: { start: 0, end: 0 },
    severity: 'error',
    code: 'internal-error',
    message: `ttnn-l1-lens could not analyse this document (${message}); nothing below is checked. Please report it.`,
    related: [],
  };
}
