/**
 * What the diagnostics read of the syntax tree, as facts: the parse errors, whether the text is MLIR at all, the
 * verifier findings of the trace ops and where `#system_desc` is named (each op's Python source is in the TTNN view).
 * Two forms answer alike: a view that reads the tree on demand (the editor keeps its tree for hovers and edits), and
 * plain data made while the tree exists (`detachedSyntaxFacts`), so a one-shot run (the CLI) can let the tree — the
 * larger part of its memory — go before the analysis.
 */

import type { TtnnFunction } from '../ttnn/op';
import {
  verifyTraceOps,
  CAPTURE_OR_EXECUTE_TRACE,
  TRACE_CALLEE_PROPERTIES,
  type OpFinding,
} from '../analysis/verifyTrace';
import { hasMlirSignal } from '../mlir/mlirSignal';
import type { ParseError, ParseResult } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';

export interface SyntaxFacts {
  readonly errors: readonly ParseError[];
  /** `hasMlirOperations` of the parse (mlir/mlirSignal.ts). */
  readonly hasMlirOperations: boolean;
  /** tt-mlir verifier errors of the functions' `ttnn.capture_or_execute_trace` ops (analysis/verifyTrace.ts). */
  readonly traceOpFindings: readonly OpFinding[];
  /** The name range of the `#system_desc` alias (the first chunk defining it), else the empty range at 0. */
  readonly systemDescRange: TextRange;
}

/** The facts read from `parse` when asked (nothing is computed up front): for a document that keeps its tree. */
export function syntaxFactsView(parse: ParseResult, functions: () => readonly TtnnFunction[]): SyntaxFacts {
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
  };
}

function traceOpFindingsOf(parse: ParseResult, functions: readonly TtnnFunction[]): OpFinding[] {
  const starts: number[] = [];
  // A trace op names its callees, so it is among the ops with symbols: only those are looked at, found by name here.
  // `opsWithSymbols` indexes the function's TTNN ops, which every function has (an unanalysed one too: CPU module,
  // declaration).
  // An op whose view has no property of a callee's name has no such property in its syntax either (the view's properties
  // are its syntax's, merged with its attributes), so the verifier would stop at once: finding its node would parse its
  // function's body again (tt-mlir's older form without `allocate_slots_callee`: the Falcon copy's 22 at 100k ops).
  for (const fn of functions) {
    for (const index of fn.opsWithSymbols) {
      const op = fn.ops[index];
      if (op?.name !== CAPTURE_OR_EXECUTE_TRACE) continue;
      if (TRACE_CALLEE_PROPERTIES.every((name) => op.properties[name] !== undefined)) starts.push(op.range.start);
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
