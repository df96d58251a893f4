/**
 * What the diagnostics read of the syntax tree, as facts: the parse errors, whether the text is MLIR at all, the
 * verifier findings of the trace ops, where `#system_desc` is named, and the Python source each op's `loc` names.
 * Two forms answer alike: a view that reads the tree on demand (the editor keeps its tree for hovers and edits), and
 * plain data made while the tree exists (`detachedSyntaxFacts`), so a one-shot run (the CLI) can let the tree — the
 * larger part of its memory — go before the analysis.
 */

import type { TtnnFunction } from '../ttnn/op';
import { verifyTraceOps, CAPTURE_OR_EXECUTE_TRACE, type OpFinding } from '../analysis/verifyTrace';
import { aliasesByName } from '../mlir/aliases';
import { locationOfAlias, resolveLocation, type FileLineCol } from '../mlir/locations';
import { hasMlirSignal } from '../mlir/mlirSignal';
import { opsAt } from '../mlir/occurrences';
import type { AliasDefinition, Chunk, Location, Operation, ParseError, ParseResult } from '../mlir/syntax';
import { firstIndexNotBefore } from '../text/search';
import type { TextRange } from '../text/textRange';

export interface SyntaxFacts {
  readonly errors: readonly ParseError[];
  /** `hasMlirOperations` of the parse (mlir/mlirSignal.ts). */
  readonly hasMlirOperations: boolean;
  /** tt-mlir verifier errors of the functions' `ttnn.capture_or_execute_trace` ops (analysis/verifyTrace.ts). */
  readonly traceOpFindings: readonly OpFinding[];
  /** The name range of the `#system_desc` alias (the first chunk defining it), else the empty range at 0. */
  readonly systemDescRange: TextRange;
  /** The first `file:line:col` the `loc` of the syntax op starting at `opStart` names (the Python source). */
  pythonSourceOf(opStart: number): FileLineCol | undefined;
}

/** Alias definitions by name of a chunk (`DocumentAnalysis.aliasesOf`). */
export type AliasesOf = (chunk: Chunk) => ReadonlyMap<string, AliasDefinition>;

/** The facts read from `parse` when asked (nothing is computed up front): for a document that keeps its tree. */
export function syntaxFactsView(
  parse: ParseResult,
  functions: () => readonly TtnnFunction[],
  aliasesOf: AliasesOf,
): SyntaxFacts {
  return {
    errors: parse.errors,
    get hasMlirOperations() {
      return hasMlirSignal(parse);
    },
    get traceOpFindings() {
      return traceOpFindingsOf(parse, functions());
    },
    get systemDescRange() {
      return systemDescRangeOf(parse);
    },
    pythonSourceOf: (opStart) => pythonSourceAt(parse, opStart, aliasesOf),
  };
}

/**
 * The facts as plain data, holding no syntax node, so the tree is garbage once the caller drops it. Python sources are
 * resolved for every op of `functions` (which of them overflow is known only after the analysis).
 */
export function detachedSyntaxFacts(parse: ParseResult, functions: readonly TtnnFunction[]): SyntaxFacts {
  return {
    errors: parse.errors,
    hasMlirOperations: hasMlirSignal(parse),
    traceOpFindings: traceOpFindingsOf(parse, functions),
    systemDescRange: systemDescRangeOf(parse),
    pythonSourceOf: pythonSourcesOf(parse, functions),
  };
}

/**
 * The Python source of each op of `functions` whose `loc` names a file position, kept small: one position object per
 * distinct `file:line:col` (many ops come from one Python line) and the op starts in a sorted array searched by
 * bisection — a Map entry and a position object per op cost ~28 MB of peak RSS on a 300k-op dump (150k such ops).
 */
function pythonSourcesOf(
  parse: ParseResult,
  functions: readonly TtnnFunction[],
): (opStart: number) => FileLineCol | undefined {
  const shared = new Map<string, FileLineCol>();
  let starts: number[] = [];
  let positions: FileLineCol[] = [];
  for (const fn of functions) {
    for (const op of fn.ops) {
      const start = op.range.start;
      const found = pythonSourceAt(parse, start, aliasesByName);
      if (found === undefined) continue;
      const key = `${found.line}:${found.column}:${found.file}`;
      let position = shared.get(key);
      if (position === undefined) {
        position = found;
        shared.set(key, found);
      }
      starts.push(start);
      positions.push(position);
    }
  }
  // Functions come in source order unless nested modules interleave them: sort only then.
  if (starts.some((s, i) => i > 0 && starts[i - 1]! > s)) {
    const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
    starts = order.map((i) => starts[i]!);
    positions = order.map((i) => positions[i]!);
  }
  return (opStart) => {
    const i = firstIndexNotBefore(starts.length, (k) => starts[k]! < opStart);
    return starts[i] === opStart ? positions[i] : undefined;
  };
}

function traceOpFindingsOf(parse: ParseResult, functions: readonly TtnnFunction[]): OpFinding[] {
  const starts: number[] = [];
  // A trace op names its callees, so it is among the ops with symbols: only those are looked at, found by name here.
  // `opsWithSymbols` indexes the function's TTNN ops, which every function has (an unanalysed one too: CPU module,
  // declaration).
  for (const fn of functions) {
    for (const index of fn.opsWithSymbols) {
      const op = fn.ops[index];
      if (op?.name === CAPTURE_OR_EXECUTE_TRACE) starts.push(op.range.start);
    }
  }
  return starts.length === 0 ? [] : verifyTraceOps(parse, { opStarts: starts });
}

function systemDescRangeOf(parse: ParseResult): TextRange {
  for (const chunk of parse.file.chunks) {
    const def = chunk.aliases.find((a) => a.name === '#system_desc');
    if (def !== undefined) return def.nameRange;
  }
  return { start: 0, end: 0 };
}

function pythonSourceAt(parse: ParseResult, opStart: number, aliasesOf: AliasesOf): FileLineCol | undefined {
  const syntax = syntaxOpAt(parse, opStart);
  return syntax === undefined ? undefined : sourceLineWith(aliasesOf(syntax.chunk), syntax.op.location);
}

/** The syntax op starting at `opStart` (the outermost, as `opsAt` lists them) and the chunk holding it. */
function syntaxOpAt(
  parse: ParseResult,
  opStart: number,
): { readonly op: Operation; readonly chunk: Chunk } | undefined {
  // Chunks are in source order and disjoint: a binary search (the CLI asks this of every op).
  const chunks = parse.file.chunks;
  const chunk = chunks[firstIndexNotBefore(chunks.length, (k) => chunks[k]!.range.end < opStart)];
  if (chunk === undefined || chunk.range.start > opStart) return undefined;
  const op = opsAt(parse.file, opStart).find((o) => o.range.start === opStart);
  return op === undefined ? undefined : { op, chunk };
}

/** The first `file:line:col` a location names, following `#locN` aliases of its chunk, names, fused and call sites. */
export function sourceLineWith(
  aliases: ReadonlyMap<string, AliasDefinition>,
  location: Location | undefined,
): FileLineCol | undefined {
  return resolveLocation(location, (name) => locationOfAlias(aliases.get(name))).fileLineCol;
}
