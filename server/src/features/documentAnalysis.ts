/**
 * One document's analysis: the text, its parse, and the whole-module L1 analysis, computed once per version and
 * shared by every feature. Settings come in explicitly; nothing here reads globals.
 */

import { analyzeTtnnModule, type AnalysisOptions, type FunctionAnalysis, type ModuleAnalysis, type OpAnalysis } from '../analysis/analyze';
import type { Era } from '../estimate/types';
import { parse } from '../mlir/parser';
import type { AliasDefinition, Chunk, Operation, ParseResult } from '../mlir/syntax';
import { defaultPresetFor, isPresetName, type PresetName } from '../ttnn/device';
import { decodeSystemDesc, moduleFromSyntax } from '../ttnn/fromSyntax';
import { LineIndex } from '../text/lineIndex';
import { walkOperations } from './syntaxWalk';

export type NotReachedSeverity = 'error' | 'warning' | 'information' | 'hint';

/** The `ttnnL1.*` settings that change results (plain data, passed explicitly). */
export interface AnalysisSettings {
  /** `auto` (system_desc, else wormhole_b0 n150), a preset name (`wormhole_b0_n150`, ...) or an arch (`blackhole`). */
  readonly arch: string;
  /** Override of the L1 unreserved base in bytes; undefined keeps the system_desc / preset value. */
  readonly l1UnreservedBase: number | undefined;
  /** Fraction of (L1 size - base) the planner may use; 1.0 = all of it (tt-mlir plans with 0.95). */
  readonly usableL1Cap: number;
  /** tt-metal era of the tilize/untilize factories: `legacy-block`, `sub-block`, or `default` (the estimators' default). */
  readonly ttMetalEra: string;
  /** Severity of overflows after the first failure ("not reached"). */
  readonly notReachedSeverity: NotReachedSeverity;
  /** Report ops without an L1 model as Information diagnostics. */
  readonly noModelInfo: boolean;
  /** Text containing a `#ttcore.system_desc<...>` to use instead of the file's own (CLI `--system-desc`). */
  readonly systemDescText?: string;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  arch: 'auto',
  l1UnreservedBase: undefined,
  usableL1Cap: 1.0,
  ttMetalEra: 'default',
  notReachedSeverity: 'warning',
  noModelInfo: false,
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
  /** Analysed ops by the start offset of their syntax op. */
  readonly opsByStart: ReadonlyMap<number, OpEntry>;
  /** Analysed ops sorted by start offset (for range queries such as visible-range inlay hints). */
  readonly opsInOrder: readonly OpEntry[];
  /** Syntax ops by start offset (locations, exact ranges). */
  readonly syntaxOpsByStart: ReadonlyMap<number, { readonly op: Operation; readonly chunk: Chunk }>;
  /** Alias definitions by name, per chunk. */
  aliasesOf(chunk: Chunk): ReadonlyMap<string, AliasDefinition>;
}

/** Parses and analyses a document. Total: bad input yields diagnostics, never an exception. */
export function analyzeDocument(text: string, settings: AnalysisSettings): DocumentAnalysis {
  return analyzeParsed(text, parse(text), settings);
}

/** Analyses an already-parsed document (the parse must be of `text`). */
export function analyzeParsed(text: string, parseResult: ParseResult, settings: AnalysisSettings): DocumentAnalysis {
  let module = moduleFromSyntax(parseResult);
  if (settings.systemDescText !== undefined) module = { ...module, systemDesc: decodeSystemDesc(settings.systemDescText.replace(/\s+/g, '')) };
  const analysis = analyzeTtnnModule(module, analysisOptions(settings));

  const opsInOrder: OpEntry[] = [];
  for (const fn of analysis.functions) for (const op of fn.ops) opsInOrder.push({ fn, op });
  opsInOrder.sort((a, b) => a.op.op.range.start - b.op.op.range.start);
  const opsByStart = new Map(opsInOrder.map((e) => [e.op.op.range.start, e]));

  const syntaxOpsByStart = new Map<number, { op: Operation; chunk: Chunk }>();
  for (const chunk of parseResult.file.chunks) {
    walkOperations({ ...parseResult.file, chunks: [chunk] }, ({ op }) => {
      syntaxOpsByStart.set(op.range.start, { op, chunk });
    });
  }
  const aliasTables = new Map<Chunk, Map<string, AliasDefinition>>();
  const aliasesOf = (chunk: Chunk): ReadonlyMap<string, AliasDefinition> => {
    let table = aliasTables.get(chunk);
    if (table === undefined) {
      table = new Map();
      // The first definition wins, as MLIR reports a redefinition as an error.
      for (const a of chunk.aliases) if (!table.has(a.name)) table.set(a.name, a);
      aliasTables.set(chunk, table);
    }
    return table;
  };
  return { text, lineIndex: new LineIndex(text), parse: parseResult, analysis, settings, opsByStart, opsInOrder, syntaxOpsByStart, aliasesOf };
}

/** Settings → the analysis options (arch names pick the arch's default preset). */
export function analysisOptions(settings: AnalysisSettings): AnalysisOptions {
  let preset: PresetName | undefined;
  if (isPresetName(settings.arch)) preset = settings.arch;
  else if (settings.arch === 'wormhole_b0' || settings.arch === 'blackhole') preset = defaultPresetFor(settings.arch);
  const era: Era | undefined = settings.ttMetalEra === 'legacy-block' || settings.ttMetalEra === 'sub-block' ? settings.ttMetalEra : undefined;
  return {
    ...(preset !== undefined ? { preset } : {}),
    ...(settings.l1UnreservedBase !== undefined ? { l1UnreservedBase: settings.l1UnreservedBase } : {}),
    usableL1Cap: settings.usableL1Cap,
    ...(era !== undefined ? { era } : {}),
  };
}
