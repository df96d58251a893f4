/**
 * Maps a parsed runtime log onto a parsed .mlir file: which op really threw, which ops ran, and whether the log
 * comes from this version of the file at all. Pure and total; when the evidence disagrees it says why, never guesses.
 *
 * Why SSA names identify ops: the runtime prints each op with an AsmState built on its function
 * (tenstorrent/tt-mlir `include/ttmlir/Target/Utils/FuncOpToProgram.h@19c86fc`), so `%9` in the log is `%9` of that
 * function as the final TTNN IR prints it. Names alone do not prove the file is the same compile, so every match is
 * confirmed by op name, operand names, property keys, tensor shapes/element types and the location name. Encodings
 * are not compared: the log expands layout aliases inline (and pasted excerpts abbreviate them).
 */

import { resolveLocation } from '../mlir/locations';
import { sharedTextOf } from '../mlir/parser';
import type { DictAttr, Location, Operation, ParseResult, TypeNode } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';
import { sameStrings } from '../text/stringLists';
import type { CoreRange, ExecutedOp, LogFailure, ParsedLog } from './parseLog';

// ---------------------------------------------------------------------------------------------
// Output

/** An op of the file that a log record was matched to. */
export interface MappedOp {
  /** The whole op in the .mlir text (UTF-16 offsets). */
  readonly range: TextRange;
  readonly nameRange: TextRange;
  /** `%9`; undefined for result-less ops such as `ttnn.deallocate`. */
  readonly resultName: string | undefined;
  readonly opName: string;
  /** `@main`. */
  readonly functionName: string;
  /** 1-based log line of the `Executing operation:` record. */
  readonly logLine: number;
}

/** The failure as the editor and CLI show it: the parsed message plus its first core range. */
export interface RuntimeFailure extends LogFailure {
  readonly coreRange: CoreRange | undefined;
}

export type Correlation =
  | {
      readonly kind: 'mapped';
      readonly failingOp: MappedOp;
      readonly failure: RuntimeFailure;
      /** Ops that completed before the failure, in execution order, each file op once. */
      readonly reachedOps: readonly MappedOp[];
      /** Every run executed its ops in the file's order. */
      readonly orderConsistent: boolean;
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'mismatch';
      readonly reason: string;
      readonly failure: RuntimeFailure | undefined;
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'noFailure';
      readonly reachedOps: readonly MappedOp[];
      /** The last op started but the log ends before it finished (truncated log); undefined when the run finished. */
      readonly inProgressOp: MappedOp | undefined;
      readonly orderConsistent: boolean;
      readonly notes: readonly string[];
    }
  | { readonly kind: 'unparseable'; readonly reason: string; readonly failure: RuntimeFailure | undefined };

// ---------------------------------------------------------------------------------------------
// Entry point

export function correlate(log: ParsedLog, file: ParseResult): Correlation {
  const failure: RuntimeFailure | undefined =
    log.failure === undefined ? undefined : { ...log.failure, coreRange: log.failure.coreRanges[0] };
  const functions = collectFunctions(file);
  if (log.ops.length === 0) {
    return {
      kind: 'unparseable',
      reason:
        failure === undefined
          ? 'no "Executing operation:" records and no failure message: not a tt-mlir runtime log?'
          : 'the log has a failure but no "Executing operation:" records: rerun with TTMLIR_RUNTIME_LOGGER_LEVEL=DEBUG',
      failure,
    };
  }
  if (functions.length === 0) return { kind: 'unparseable', reason: 'the .mlir file defines no func.func', failure };
  if (failure !== undefined && log.lastOpCompleted) {
    const program = log.ops[log.ops.length - 1]!.program ?? '?';
    return {
      kind: 'unparseable',
      reason: `the failure (log line ${failure.line}) came after program "${program}" finished, outside any op: there is no op to blame`,
      failure,
    };
  }

  const notes: string[] = [...log.notes];
  const lastOp = log.ops[log.ops.length - 1]!;
  const runs = groupRuns(log.ops);
  const mappedByIndex = new Map<number, MappedOp>();
  let orderConsistent = true;

  for (const run of runs) {
    const isLastRun = run.ops[run.ops.length - 1] === lastOp;
    const outcome = matchRun(run, functions);
    switch (outcome.kind) {
      case 'fits': {
        for (const [index, mapped] of outcome.mapped) mappedByIndex.set(index, mapped);
        if (outcome.orderNote !== undefined) {
          orderConsistent = false;
          notes.push(outcome.orderNote);
        }
        break;
      }
      case 'otherProgram':
        if (isLastRun) {
          return mismatch(
            `the last op ran in program "${run.program}", which this file does not define (it defines ${functionList(functions)})`,
            failure,
            notes,
          );
        }
        notes.push(`${run.ops.length} op(s) of program "${run.program}" are not in this file; ignored`);
        break;
      case 'noFit':
        if (isLastRun || run.program !== undefined) return mismatch(outcome.reason, failure, notes);
        notes.push(`${run.ops.length} op(s) from log line ${run.ops[0]!.line} match no function of this file; ignored`);
        break;
      case 'ambiguous':
        if (isLastRun) return mismatch(outcome.reason, failure, notes);
        notes.push(outcome.reason);
        break;
    }
  }

  const lastMapped = mappedByIndex.get(lastOp.index);
  if (lastMapped === undefined)
    return mismatch(`log line ${lastOp.line}: the last executed op could not be matched`, failure, notes);
  const completedBefore = (limit: number): MappedOp[] => {
    const seen = new Set<number>();
    const reached: MappedOp[] = [];
    for (const op of log.ops) {
      if (op.index >= limit) break;
      const mapped = mappedByIndex.get(op.index);
      if (mapped === undefined || seen.has(mapped.range.start) || sameOp(mapped, lastMapped)) continue;
      seen.add(mapped.range.start);
      reached.push(mapped);
    }
    return reached;
  };

  if (failure === undefined) {
    if (log.lastOpCompleted) {
      const reached = completedBefore(log.ops.length);
      return {
        kind: 'noFailure',
        reachedOps: [...reached, lastMapped],
        inProgressOp: undefined,
        orderConsistent,
        notes,
      };
    }
    return {
      kind: 'noFailure',
      reachedOps: completedBefore(lastOp.index),
      inProgressOp: lastMapped,
      orderConsistent,
      notes,
    };
  }
  return {
    kind: 'mapped',
    failingOp: lastMapped,
    failure,
    reachedOps: completedBefore(lastOp.index),
    orderConsistent,
    notes,
  };
}

/** One line for a notification or the CLI. */
export function describeCorrelation(correlation: Correlation): string {
  switch (correlation.kind) {
    case 'mapped': {
      const op = correlation.failingOp;
      return (
        `tt-metal threw on ${op.resultName ?? 'a result-less op'} (${op.opName}) in ${op.functionName}: ${correlation.failure.message}; ` +
        `${correlation.reachedOps.length} op(s) completed before it`
      );
    }
    case 'mismatch':
      return `the log does not match this file: ${correlation.reason}`;
    case 'noFailure':
      return (
        `no failure in the log; ${correlation.reachedOps.length} op(s) completed` +
        (correlation.inProgressOp === undefined
          ? ''
          : `, ${correlation.inProgressOp.resultName ?? correlation.inProgressOp.opName} started last (log truncated?)`)
      );
    case 'unparseable':
      return `cannot use the log: ${correlation.reason}`;
  }
}

function mismatch(reason: string, failure: RuntimeFailure | undefined, notes: readonly string[]): Correlation {
  return { kind: 'mismatch', reason, failure, notes };
}

function sameOp(a: MappedOp, b: MappedOp): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end;
}

// ---------------------------------------------------------------------------------------------
// The file's functions

interface FunctionInfo {
  /** With the `@`. */
  readonly name: string;
  readonly ops: readonly Operation[];
  /** First result name → position in ops. */
  readonly byResult: ReadonlyMap<string, number>;
  /** Result-less ops (deallocate, ...): positions by `name|operands` and by name alone, ascending. */
  readonly resultlessByKey: ReadonlyMap<string, readonly number[]>;
  readonly resultlessByName: ReadonlyMap<string, readonly number[]>;
  readonly locAliases: ReadonlyMap<string, Location>;
}

const MAX_WALK_OPS = 1_000_000;

function collectFunctions(file: ParseResult): FunctionInfo[] {
  const functions: FunctionInfo[] = [];
  let budget = MAX_WALK_OPS;
  for (const chunk of file.file.chunks) {
    const locAliases = new Map<string, Location>();
    for (const alias of chunk.aliases) {
      if (alias.attr?.kind === 'loc') locAliases.set(alias.name, alias.attr.loc);
    }
    const stack: Operation[] = [...chunk.operations];
    while (stack.length > 0 && budget-- > 0) {
      const op = stack.pop()!;
      if (op.name === 'func.func' && op.symbol !== undefined) {
        const ops = op.regions.flatMap((region) => region.blocks.flatMap((block) => block.operations));
        const byResult = new Map<string, number>();
        const resultlessByKey = new Map<string, number[]>();
        const resultlessByName = new Map<string, number[]>();
        ops.forEach((bodyOp, position) => {
          const first = bodyOp.results[0];
          if (first !== undefined) {
            if (!byResult.has(first.name)) byResult.set(first.name, position);
            return;
          }
          pushTo(resultlessByKey, resultlessKey(bodyOp.name, bodyOp.operands.map(useText)), position);
          pushTo(resultlessByName, bodyOp.name, position);
        });
        functions.push({ name: op.symbol.name, ops, byResult, resultlessByKey, resultlessByName, locAliases });
        continue;
      }
      for (const region of op.regions) for (const block of region.blocks) stack.push(...block.operations);
    }
  }
  return functions.sort((a, b) => (a.ops[0]?.range.start ?? 0) - (b.ops[0]?.range.start ?? 0));
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function resultlessKey(opName: string, operands: readonly string[]): string {
  return `${opName}|${operands.join(',')}`;
}

function functionList(functions: readonly FunctionInfo[]): string {
  const names = functions.slice(0, 5).map((fn) => fn.name);
  return names.join(', ') + (functions.length > 5 ? `, … (${functions.length})` : '');
}

// ---------------------------------------------------------------------------------------------
// Runs

interface Run {
  readonly program: string | undefined;
  readonly ops: readonly ExecutedOp[];
}

function groupRuns(ops: readonly ExecutedOp[]): Run[] {
  const byId = new Map<number, { program: string | undefined; ops: ExecutedOp[] }>();
  for (const op of ops) {
    const run = byId.get(op.runId) ?? { program: op.program, ops: [] };
    run.ops.push(op);
    byId.set(op.runId, run);
  }
  return [...byId.values()];
}

type RunOutcome =
  | { readonly kind: 'fits'; readonly mapped: ReadonlyMap<number, MappedOp>; readonly orderNote: string | undefined }
  | { readonly kind: 'otherProgram' }
  | { readonly kind: 'noFit'; readonly reason: string }
  | { readonly kind: 'ambiguous'; readonly reason: string };

function matchRun(run: Run, functions: readonly FunctionInfo[]): RunOutcome {
  let candidates = functions;
  if (run.program !== undefined) {
    candidates = functions.filter((fn) => fn.name === `@${run.program}`);
    if (candidates.length === 0) return { kind: 'otherProgram' };
  } else {
    // Without a program name, only functions defining the run's first result can hold it.
    const firstResult = run.ops.find((op) => op.resultNames.length > 0)?.resultNames[0];
    if (firstResult !== undefined) {
      const defining = functions.filter((fn) => fn.byResult.has(firstResult));
      if (defining.length > 0) candidates = defining;
    }
  }
  const attempts = candidates.map((fn) => ({ fn, attempt: matchRunIn(run, fn) }));
  const fits = attempts.filter((a) => a.attempt.problem === undefined);
  if (fits.length === 1) {
    const { fn, attempt } = fits[0]!;
    const mapped = new Map<number, MappedOp>();
    run.ops.forEach((logOp, k) => {
      const op = fn.ops[attempt.positions[k]!]!;
      mapped.set(logOp.index, {
        range: op.range,
        nameRange: op.nameRange,
        resultName: op.results[0]?.name,
        opName: op.name,
        functionName: fn.name,
        logLine: logOp.line,
      });
    });
    return { kind: 'fits', mapped, orderNote: orderNote(run, fn, attempt.positions) };
  }
  if (fits.length > 1) {
    return {
      kind: 'ambiguous',
      reason: `the ${run.ops.length} op(s) from log line ${run.ops[0]!.line} fit several functions (${fits.map((f) => f.fn.name).join(', ')}); not choosing one`,
    };
  }
  // Report the candidate that explains most of the run: its first problem is the most telling.
  const best = attempts.reduce((a, b) => (b.attempt.agreed > a.attempt.agreed ? b : a));
  return { kind: 'noFit', reason: `${best.attempt.problem} (in ${best.fn.name})` };
}

/** Positions of the run's ops in fn, or the first problem found. */
function matchRunIn(run: Run, fn: FunctionInfo): { positions: number[]; agreed: number; problem: string | undefined } {
  const positions: number[] = [];
  let previous = -1;
  for (const logOp of run.ops) {
    const position = locate(logOp, fn, previous);
    if (position === undefined) {
      const what = logOp.resultNames[0] ?? `a result-less ${logOp.opName ?? 'op'}`;
      return {
        positions,
        agreed: positions.length,
        problem: `log line ${logOp.line}: ${what} is not defined in ${fn.name} of this file`,
      };
    }
    const disagreements = compareOp(logOp, fn.ops[position]!, fn.locAliases);
    if (disagreements.length > 0) {
      const label = `${logOp.resultNames[0] ?? ''}${logOp.resultNames.length > 0 ? ' ' : ''}(${logOp.opName ?? '?'})`;
      return {
        positions,
        agreed: positions.length,
        problem: `log line ${logOp.line}: ${label} differs from the file: ${disagreements.slice(0, 3).join('; ')}`,
      };
    }
    positions.push(position);
    previous = position;
  }
  return { positions, agreed: positions.length, problem: undefined };
}

/** By result name; result-less ops by name and operands, preferring the first after the previous match. */
function locate(logOp: ExecutedOp, fn: FunctionInfo, previous: number): number | undefined {
  const result = logOp.resultNames[0];
  if (result !== undefined) return fn.byResult.get(result);
  if (logOp.opName === undefined) return undefined;
  const positions =
    logOp.operandNames === undefined
      ? fn.resultlessByName.get(logOp.opName)
      : fn.resultlessByKey.get(resultlessKey(logOp.opName, logOp.operandNames));
  if (positions === undefined) return undefined;
  // Positions ascend: binary-search the first one after the previous match, else take the first (order is checked later).
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (positions[mid]! > previous) high = mid;
    else low = mid + 1;
  }
  return positions[low] ?? positions[0];
}

function orderNote(run: Run, fn: FunctionInfo, positions: readonly number[]): string | undefined {
  for (let k = 1; k < positions.length; k++) {
    if (positions[k]! <= positions[k - 1]!) {
      const later = run.ops[k]!;
      const earlier = run.ops[k - 1]!;
      return (
        `order differs from the file: log line ${later.line} (${later.resultNames[0] ?? later.opName ?? 'op'}) ran after ` +
        `log line ${earlier.line} (${earlier.resultNames[0] ?? earlier.opName ?? 'op'}), but ${fn.name} defines it earlier`
      );
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Confirmation

// A shared dictionary's entries are re-parsed on each read; its names are the same at every use of its text.
const entryNamesByText = new WeakMap<object, readonly string[]>();

function sortedEntryNames(dict: DictAttr): readonly string[] {
  const shared = sharedTextOf(dict);
  const cached = shared === undefined ? undefined : entryNamesByText.get(shared);
  if (cached !== undefined) return cached;
  const names = dict.entries.map((entry) => entry.name).sort();
  if (shared !== undefined) entryNamesByText.set(shared, names);
  return names;
}

/** What the log shows that the file contradicts; parts the log does not show are not evidence either way. */
export function compareOp(logOp: ExecutedOp, op: Operation, locAliases: ReadonlyMap<string, Location>): string[] {
  const problems: string[] = [];
  if (logOp.opName !== undefined && logOp.opName !== op.name)
    problems.push(`op is ${logOp.opName} in the log, ${op.name} in the file`);
  if (logOp.resultNames.length > 0) {
    const fileResults = op.results.map((group) => group.name);
    if (!sameStrings(logOp.resultNames, fileResults))
      problems.push(`results ${logOp.resultNames.join(', ')} vs ${fileResults.join(', ') || 'none'}`);
  }
  if (logOp.operandNames !== undefined) {
    const fileOperands = op.operands.map(useText);
    if (!sameStrings(logOp.operandNames, fileOperands)) {
      problems.push(`operands (${logOp.operandNames.join(', ')}) in the log, (${fileOperands.join(', ')}) in the file`);
    }
  }
  if (logOp.propertyNames !== undefined && op.properties !== undefined) {
    const fileKeys = sortedEntryNames(op.properties);
    const logKeys = [...logOp.propertyNames].sort();
    if (!sameStrings(logKeys, fileKeys))
      problems.push(`properties {${logKeys.join(', ')}} vs {${fileKeys.join(', ')}}`);
  }
  compareTypes('operand', logOp.operandTypes, op.operandTypes, problems);
  compareTypes('result', logOp.resultTypes, op.resultTypes, problems);
  const logLoc = logOp.locStrings[0];
  const fileLoc = primaryLocName(op.location, locAliases);
  if (logLoc !== undefined && fileLoc !== undefined && !sameLocName(logLoc, fileLoc)) {
    problems.push(`loc "${logLoc}" in the log, "${fileLoc}" in the file`);
  }
  return problems;
}

function compareTypes(
  what: string,
  logTypes: readonly string[] | undefined,
  fileTypes: readonly TypeNode[],
  problems: string[],
): void {
  if (logTypes === undefined || fileTypes.length === 0) return;
  if (logTypes.length !== fileTypes.length) {
    problems.push(`${logTypes.length} ${what} type(s) in the log, ${fileTypes.length} in the file`);
    return;
  }
  logTypes.forEach((logType, k) => {
    const logKey = logTypeKey(logType);
    const fileKey = fileTypeKey(fileTypes[k]!);
    if (logKey === undefined || fileKey === undefined) return;
    const sameDims = logKey.dims === fileKey.dims;
    const sameElement =
      logKey.element === undefined || fileKey.element === undefined || logKey.element === fileKey.element;
    if (!sameDims || !sameElement) {
      problems.push(`${what} ${k} type ${showKey(logKey)} in the log, ${showKey(fileKey)} in the file`);
    }
  });
}

/** Shape and element type; dims undefined for non-tensor types (then the element is the whole type). */
interface TypeKey {
  readonly dims: string | undefined;
  readonly element: string | undefined;
}

function showKey(key: TypeKey): string {
  return key.dims === undefined
    ? (key.element ?? '?')
    : `tensor<${key.dims}${key.dims === '' ? '' : 'x'}${key.element ?? '?'}>`;
}

function logTypeKey(text: string): TypeKey | undefined {
  const t = text.trim();
  const tensor = /^tensor\s*<\s*((?:(?:\d+|\?|\*)\s*x\s*)*)(.*)$/s.exec(t);
  if (tensor !== null) {
    const dims = tensor[1]!.replace(/\s+/g, '').replace(/x$/, '');
    const element = /^(!?[A-Za-z_][\w.]*)/.exec(tensor[2]!.trim())?.[1];
    return { dims, element };
  }
  const simple = /^(!?[A-Za-z_][\w.]*)\s*$/.exec(t) ?? /^(![A-Za-z_][\w.]*)\s*</.exec(t);
  return simple === null ? undefined : { dims: undefined, element: simple[1] };
}

function fileTypeKey(type: TypeNode): TypeKey | undefined {
  switch (type.kind) {
    case 'tensor':
      return {
        dims: type.shape === undefined ? '*' : type.shapeText.join('x'),
        element: elementName(type.elementType),
      };
    case 'scalar':
    case 'dialectType':
      return { dims: undefined, element: elementName(type) };
    default:
      return undefined;
  }
}

function elementName(type: TypeNode): string | undefined {
  if (type.kind === 'scalar') return type.name;
  if (type.kind === 'dialectType') return `!${type.name}`;
  return undefined;
}

/** The first name a location carries (through aliases, fused and callsite locations), else its file name. */
function primaryLocName(loc: Location | undefined, aliases: ReadonlyMap<string, Location>): string | undefined {
  const first = resolveLocation(loc, (name) => aliases.get(name)).first;
  return first === undefined ? undefined : first.kind === 'name' ? first.name : first.file;
}

/** Equal, or one ends with the other after a path-like separator (pasted logs abbreviate prefixes: `5|.../name`). */
function sameLocName(logName: string, fileName: string): boolean {
  if (logName === fileName) return true;
  const endsAt = (long: string, short: string): boolean =>
    short.length > 0 && long.endsWith(short) && /[/|:.\s]/.test(long[long.length - short.length - 1] ?? '');
  return endsAt(logName, fileName) || endsAt(fileName, logName);
}

function useText(use: { readonly name: string; readonly resultIndex: number | undefined }): string {
  return use.resultIndex === undefined ? use.name : `${use.name}#${use.resultIndex}`;
}
