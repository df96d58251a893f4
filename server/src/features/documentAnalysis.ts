/**
 * One document's analysis: the text, its parse, and the whole-module L1 analysis, computed once per version and
 * shared by every feature. Settings come in explicitly; nothing here reads globals.
 */

import {
  analyzeTtnnModule,
  newEstimateReuse,
  type AnalysisOptions,
  type EstimateReuse,
  type FunctionAnalysis,
  type ModuleAnalysis,
  type OpAnalysis,
} from '../analysis/analyze';
import { CHANGE_POINTS, NEWEST_MODELED_BUILD, OLDEST_MODELED_BUILD, dayBefore } from '../estimate/changePoints';
import { ResolvedBuildWindow, explicitWindow, inferBuildWindow } from '../analysis/buildWindow';
import { lazyBodiesParseCleanly, parse } from '../mlir/parser';
import { aliasesByName } from '../mlir/aliases';
import type { AliasDefinition, Chunk, ParseResult } from '../mlir/syntax';
import type { RangeTable } from '../text/rangeTable';
import { applyChange, parseForEdits, type AppliedChange, type TextChange } from '../mlir/incrementalParse';
import { firstIndexNotBefore } from '../text/search';
import { defaultPresetFor, isPresetName, type PresetName } from '../ttnn/device';
import { decodeSystemDesc, moduleAfterEdits, moduleFromSyntax } from '../ttnn/fromSyntax';
import { LineIndex } from '../text/lineIndex';
import type { TtnnModule } from '../ttnn/op';
import type { DiagnosticsInput } from './diagnostics';
import { detachedSyntaxFacts, type SyntaxFacts } from './syntaxFacts';

export type NotReachedSeverity = 'error' | 'warning' | 'information' | 'hint';

/** The `ttnnL1.*` settings that change results (plain data, passed explicitly). */
export interface AnalysisSettings {
  /** `auto` (system_desc, else wormhole_b0 n150), a preset name (`wormhole_b0_n150`, ...) or an arch (`blackhole`). */
  readonly arch: string;
  /** Override of the L1 unreserved base in bytes; undefined keeps the system_desc / preset value. */
  readonly l1UnreservedBase: number | undefined;
  /** `ttnnL1.l1SmallSize`: the device's `l1_small_size` in bytes; undefined keeps tt-mlir's runtime default (64 KiB). */
  readonly l1SmallSizeBytes: number | undefined;
  /** Fraction of (L1 size - base) the planner may use; 1.0 = all of it (tt-mlir plans with 0.95). */
  readonly usableL1Cap: number;
  /** tt-metal build date the estimates are for: `auto` (inferred from the dump's syntax), `YYYY-MM` or `YYYY-MM-DD`. */
  readonly ttMetalDate: string;
  /** Older alias of `ttMetalDate`: `legacy-block` (before tt-metal PR #35806), `sub-block` (after), or `default`. */
  readonly ttMetalEra: string;
  /** Severity of overflows after the first failure ("not reached"). */
  readonly notReachedSeverity: NotReachedSeverity;
  /** Report ops that run a device program but have no L1 model as Information diagnostics (default on). */
  readonly noModelInfo: boolean;
  /** Text containing a `#ttcore.system_desc<...>` to use instead of the file's own (CLI `--system-desc`). */
  readonly systemDescText?: string;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  arch: 'auto',
  l1UnreservedBase: undefined,
  l1SmallSizeBytes: undefined,
  usableL1Cap: 1.0,
  ttMetalDate: 'auto',
  ttMetalEra: 'default',
  notReachedSeverity: 'warning',
  noModelInfo: true,
};

/** An analysed op with its function, found from the syntax op (keyed by start offset). */
export interface OpEntry {
  readonly fn: FunctionAnalysis;
  readonly op: OpAnalysis;
}

export interface DocumentAnalysis {
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly parse: ParseResult;
  readonly analysis: ModuleAnalysis;
  readonly settings: AnalysisSettings;
  /** Analysed ops in source order, found by binary searches over the functions (nothing stored per op). */
  readonly opsInOrder: OpsInOrder;
  /** Analysed op by the start offset of its syntax op (a binary search, not a stored map). */
  readonly opsByStart: Pick<ReadonlyMap<number, OpEntry>, 'get'>;
  /** Alias definitions by name (with the sigil), per chunk: `mlir/aliases`' table. */
  aliasesOf(chunk: Chunk): ReadonlyMap<string, AliasDefinition>;
  /** Work the next version may reuse when its parse is this one's tree edited by `applyChange` (see `analyzeParsed`). */
  readonly reuse?: VersionReuse;
}

/**
 * Analysed ops in source order. A view over the functions (sorted by start offset; each function's ops are in source
 * order): an edit that replaces one op record builds nothing per op.
 */
export interface OpsInOrder {
  /** Every analysed op, in source order (an entry is made per step). */
  [Symbol.iterator](): Iterator<OpEntry>;
  /** The ops starting in [from, to], in source order; cost is proportional to the answer (plus two binary searches). */
  between(from: number, to: number): OpEntry[];
}

function opsInOrderOf(functions: readonly FunctionAnalysis[]): OpsInOrder {
  const ordered = functions.filter((f) => f.ops.length > 0);
  // Functions come in source order unless nested modules interleave them; sort only then.
  if (ordered.some((f, i) => i > 0 && ordered[i - 1]!.fn.range.start > f.fn.range.start))
    ordered.sort((a, b) => a.fn.range.start - b.fn.range.start);
  return {
    *[Symbol.iterator]() {
      for (const fn of ordered) for (const op of fn.ops) yield { fn, op };
    },
    between(from: number, to: number): OpEntry[] {
      const out: OpEntry[] = [];
      // From the first function that may hold an op starting at `from` or later: the first whose range ends there or later.
      for (
        let f = firstIndexNotBefore(ordered.length, (k) => ordered[k]!.fn.range.end < from);
        f < ordered.length && ordered[f]!.fn.range.start <= to;
        f++
      ) {
        const fn = ordered[f]!;
        const ops = fn.ops;
        for (
          let i = firstIndexNotBefore(ops.length, (k) => ops[k]!.op.range.start < from);
          i < ops.length && ops[i]!.op.range.start <= to;
          i++
        )
          out.push({ fn, op: ops[i]! });
      }
      return out;
    },
  };
}

/**
 * Derived work carried across versions of one document: estimates by op (weakly keyed, so they die with the ops) and
 * the range table of the tree, which `applyChange` needs to edit it. (The TTNN view and the op records carry over
 * through `previous`: see `moduleAfterEdits` and `analyzeTtnnModule`.)
 */
export interface VersionReuse {
  readonly estimates: EstimateReuse;
  readonly ranges: RangeTable;
}

/** How a parse was derived from the analysed `previous` version: its tree, edited in place by `applyChange`. */
export interface DerivedParse {
  readonly previous: DocumentAnalysis;
  /** The ops `applyChange` replaced since, in order (none when only the settings changed). */
  readonly edits: readonly AppliedChange[];
}

/** One edit of an open document and the text after it (with its line index). */
export interface DocumentEdit {
  readonly change: TextChange;
  readonly lineIndex: LineIndex;
}

/**
 * The analysis after `edits` (in order; none when only the settings changed), from `previous`'s tree edited in place
 * (one op re-parsed per edit, see `applyChange`). Undefined when an edit is not that local: the caller then analyses
 * the text afresh. Either way `previous` is stale afterwards (its tree may be partly edited).
 */
export function analyzeAfterEdits(
  previous: DocumentAnalysis,
  edits: readonly DocumentEdit[],
  settings: AnalysisSettings,
): DocumentAnalysis | undefined {
  if (previous.reuse === undefined) return undefined;
  const editable = { parse: previous.parse, ranges: previous.reuse.ranges };
  const applied: AppliedChange[] = [];
  for (const edit of edits) {
    const one = applyChange(editable, edit.change, edit.lineIndex);
    if (one === undefined) return undefined;
    applied.push(one);
  }
  const last = edits[edits.length - 1]?.lineIndex ?? previous.lineIndex;
  return analyzeParsed(last, previous.parse, settings, { previous, edits: applied });
}

/** Parses and analyses a document. Total: bad input yields diagnostics, never an exception. */
export function analyzeDocument(
  text: string,
  settings: AnalysisSettings,
  options: AnalyzeOptions = {},
): DocumentAnalysis {
  const source = options.lineIndex ?? text;
  if (options.forEdits !== true) return analyzeParsed(source, parse(text), settings);
  const editable = parseForEdits(text);
  return analyzeParsed(source, editable.parse, settings, undefined, { ranges: editable.ranges });
}

export interface AnalyzeOptions {
  /**
   * Keep what the next version may reuse (`DocumentAnalysis.reuse`): an editor's open document. Off for one-shot
   * analyses (CLI, workspace check), where it would only cost time and memory.
   */
  readonly forEdits?: boolean;
  /** The line index of `text` (the same text), when the caller keeps one (an editor's open document). */
  readonly lineIndex?: LineIndex;
}

/** What the caller of `analyzeParsed` already has for this text. */
interface Known {
  /** The range table of a fresh editable parse, kept in `reuse` for the next version's edits. */
  readonly ranges?: RangeTable;
}

/**
 * Analyses an already-parsed document (the parse must be of the text: a string, or the LineIndex holding it — then
 * the text is not flattened unless a feature asks for it). `derivedFrom` names the analysed earlier version
 * whose tree `parseResult` is, edited in place by `applyChange` (so alias definitions are unchanged): its TTNN ops and
 * estimates are reused for the ops the edits kept; the result equals a fresh analysis.
 */
export function analyzeParsed(
  source: string | LineIndex,
  parseResult: ParseResult,
  settings: AnalysisSettings,
  derivedFrom?: DerivedParse,
  known: Known = {},
): DocumentAnalysis {
  const reuse: VersionReuse | undefined =
    derivedFrom?.previous.reuse ??
    (known.ranges !== undefined ? { estimates: newEstimateReuse(), ranges: known.ranges } : undefined);
  const edited =
    derivedFrom === undefined
      ? undefined
      : moduleAfterEdits(derivedFrom.previous.analysis.module, parseResult, derivedFrom.edits);
  const module = withConfiguredSystemDesc(edited ?? moduleFromSyntax(parseResult), settings);
  const previous = derivedFrom?.previous.analysis;
  // The build window is inferred once per fresh parse; an in-place edit keeps the previous version's.
  const ttMetal = previous?.ttMetal ?? resolveBuildWindow(settings, typeof source === 'string' ? source : source.text);
  const analysis = analyzeTtnnModule(module, {
    ...analysisOptions(settings),
    ttMetal,
    ...(reuse !== undefined ? { reuse: reuse.estimates } : {}),
    ...(previous !== undefined ? { previous } : {}),
  });
  return indexAnalysis(source, parseResult, analysis, settings, reuse === undefined ? {} : { reuse });
}

/**
 * A one-shot analysis (the CLI's `check`) that holds no syntax tree: the tree, the larger part of the memory, is
 * garbage once the TTNN view and the facts the diagnostics read of it are made, before the analysis runs (the
 * analysis reads the view only). Equals `analyzeDocument`'s analysis of the text.
 */
export function analyzeDetached(text: string, settings: AnalysisSettings): DiagnosticsInput {
  const { module, syntax } = viewAndSyntaxFacts(text, settings);
  const analysis = analyzeTtnnModule(module, {
    ...analysisOptions(settings),
    ttMetal: resolveBuildWindow(settings, text),
  });
  return { analysis, settings, lineIndex: new LineIndex(text), syntax, oneShot: true };
}

// A function of its own so that the tree is referenced from this frame only, which is gone when the analysis runs.
// Function bodies are parsed as the view reads them (mlir/parser/lazyBodies.ts), so no whole tree is ever built; a body
// with a syntax error sends the file through the eager parse, whose error recovery is the reference.
function viewAndSyntaxFacts(
  text: string,
  settings: AnalysisSettings,
): { readonly module: TtnnModule; readonly syntax: SyntaxFacts } {
  const lazy = parse(text, { lazyFunctionBodies: true });
  let parseResult = lazy;
  let module = moduleFromSyntax(lazy);
  if (!lazyBodiesParseCleanly(lazy)) {
    parseResult = parse(text);
    module = moduleFromSyntax(parseResult);
  }
  return {
    module: withConfiguredSystemDesc(module, settings),
    syntax: detachedSyntaxFacts(parseResult, module.functions),
  };
}

/** The module with the system descriptor of `settings.systemDescText` (CLI `--system-desc`) instead of its own. */
function withConfiguredSystemDesc(module: TtnnModule, settings: AnalysisSettings): TtnnModule {
  if (settings.systemDescText === undefined) return module;
  return { ...module, systemDesc: decodeSystemDesc(settings.systemDescText.replace(/\s+/g, '')) };
}

/** Wraps a finished module analysis with the lookups the features need (op by offset, aliases by name). */
export function indexAnalysis(
  source: string | LineIndex,
  parseResult: ParseResult,
  analysis: ModuleAnalysis,
  settings: AnalysisSettings,
  known: { readonly reuse?: VersionReuse } = {},
): DocumentAnalysis {
  const { reuse } = known;
  const opsInOrder = opsInOrderOf(analysis.functions);
  const lineIndex = typeof source === 'string' ? new LineIndex(source) : source;
  const doc: DocumentAnalysis = {
    // Flat on first use: an edit's analysis and diagnostics never need the whole text.
    get text() {
      return lineIndex.text;
    },
    lineIndex,
    parse: parseResult,
    analysis,
    settings,
    opsInOrder,
    opsByStart: { get: (start: number) => opEntryByStart(doc, start) },
    aliasesOf: aliasesByName,
    ...(reuse !== undefined ? { reuse } : {}),
  };
  return doc;
}

/** The analysed op whose syntax op starts at `start`, by binary search. */
export function opEntryByStart(doc: DocumentAnalysis, start: number): OpEntry | undefined {
  return doc.opsInOrder.between(start, start).find((e) => e.op.op.range.start === start);
}

/** Settings → the analysis options (arch names pick the arch's default preset). */
export function analysisOptions(settings: AnalysisSettings): AnalysisOptions {
  let preset: PresetName | undefined;
  if (isPresetName(settings.arch)) preset = settings.arch;
  else if (settings.arch === 'wormhole_b0' || settings.arch === 'blackhole') preset = defaultPresetFor(settings.arch);
  return {
    ...(preset !== undefined ? { preset } : {}),
    ...(settings.l1UnreservedBase !== undefined ? { l1UnreservedBase: settings.l1UnreservedBase } : {}),
    ...(settings.l1SmallSizeBytes !== undefined ? { l1SmallSizeBytes: settings.l1SmallSizeBytes } : {}),
    usableL1Cap: settings.usableL1Cap,
  };
}

/**
 * The tt-metal builds to estimate for: an explicit date, else the `ttMetalEra` alias, else inferred from the dump.
 * A malformed date falls back to inference (the CLI rejects it before; the editor shows the inferred window).
 */
export function resolveBuildWindow(settings: AnalysisSettings, text: string): ResolvedBuildWindow {
  const source = 'configured';
  if (settings.ttMetalDate !== 'auto' && settings.ttMetalDate !== '') {
    const explicit = explicitWindow(settings.ttMetalDate);
    if (typeof explicit !== 'string') return explicit;
  }
  const cp = CHANGE_POINTS['tilize-untilize-sub-block'];
  if (settings.ttMetalEra === 'legacy-block') {
    return {
      window: { earliest: OLDEST_MODELED_BUILD, latest: dayBefore(cp.mergedOn) },
      source,
      how: `era legacy-block: tt-metal before PR #${cp.pr}`,
    };
  }
  if (settings.ttMetalEra === 'sub-block') {
    return {
      window: { earliest: cp.mergedOn, latest: NEWEST_MODELED_BUILD },
      source,
      how: `era sub-block: tt-metal from PR #${cp.pr} on`,
    };
  }
  return inferBuildWindow(text);
}
