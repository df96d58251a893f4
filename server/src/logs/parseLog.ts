/**
 * Parses a tt-mlir runtime log (TTMLIR_RUNTIME_LOGGER_LEVEL=DEBUG) into the ops it executed and the failure that
 * ended it (tt-metal's circular/dataflow-buffer checks, allocator out-of-memory, or any other throw). Pure and total.
 *
 * Formats recognised (cited so the regexes can be re-checked):
 * - tt-mlir runtime logger: `<type, right-aligned to 23> | <LEVEL, right-aligned to 8> | <message>`, with ANSI colours
 *   on a terminal (tenstorrent/tt-mlir `runtime/include/tt/runtime/detail/common/logger.h@19c86fc`, `log_level_type`).
 * - the executor logs `Starting execution of program: P`, then `Executing operation: <op>` before each op, then
 *   `Finished execution of program: P` (`runtime/lib/ttnn/program_executor.cpp@19c86fc`, `ProgramExecutor::execute`).
 *   `<op>` is the op printed with an AsmState of its function (`include/ttmlir/Target/Utils/FuncOpToProgram.h`,
 *   `getOpDebugString`): SSA names as in the function, aliases expanded inline, `loc(...)` inline, one line.
 * - tt-metal throws: `TT_THROW @ file:line: tt::exception` / `info:` / message / `backtrace:`, and logs the message
 *   once more with `log_critical` (tenstorrent/tt-metal `tt_stl/tt_stl/assert.hpp@144aab9`, `tt_throw_impl`); the
 *   spdlog prefix is `[date time] [critical] [file:line]` (`tt_metal/logging/logging.cpp`), older builds printed
 *   `date time | critical | ...` or `Always | FATAL | ...`. Python adds `RuntimeError:` and pytest adds `E   `.
 * - message texts: /work/shared/reference/ttmlir-memory.md §5 (tt-metal `ProgramImpl::validate_circular_buffer_region`
 *   and the allocator).
 */

import { isBalanced } from '../mlir/textScan';
import { matchFailure, type LogFailure } from './failures';
import { collapse, hasTrailingLoc, parseOpText, type OpFields } from './opText';

export type { CoreRange, FailureKind, LogFailure, OutOfMemoryDetails } from './failures';
export { parseCoreRanges } from './failures';
export { parseOpText, type OpFields } from './opText';

// ---------------------------------------------------------------------------------------------
// Output

/** One `Executing operation:` record. Fields are undefined when the (possibly abridged) text does not show them. */
export interface ExecutedOp extends OpFields {
  /** 0-based position among the log's executed ops. */
  readonly index: number;
  /** 1-based log line where the record starts, and where it ends (wrapped records span several lines). */
  readonly line: number;
  readonly endLine: number;
  /** The op text after `Executing operation:`, ANSI-free, wrapped lines joined with single spaces. */
  readonly text: string;
  /** Innermost `Starting execution of program:` around the record, if the log has those lines. */
  readonly program: string | undefined;
  /** Execution instance: a new one starts at each `Starting execution of program:`, or when a result name repeats. */
  readonly runId: number;
  /** True when the record was cut (unbalanced brackets at the end of the log or after the continuation limit). */
  readonly cut: boolean;
}

export interface ParsedLog {
  readonly ops: readonly ExecutedOp[];
  /** The failure that ended the log: reported after the last executed op. Undefined when there is none. */
  readonly failure: LogFailure | undefined;
  /** A `Finished execution of program:` line for the last op's program follows it (so that op completed). */
  readonly lastOpCompleted: boolean;
  /** Human-readable remarks: truncation, failures after which execution continued, limits hit. */
  readonly notes: readonly string[];
  readonly lineCount: number;
}

// ---------------------------------------------------------------------------------------------
// Limits (every loop below is bounded by one of these)

const MAX_LINES = 2_000_000;
const MAX_LINE_CHARS = 1_000_000;
const MAX_CONTINUATION_LINES = 64;
const MAX_OPS = 500_000;
const MAX_FAILURE_HITS = 1_000;

// ---------------------------------------------------------------------------------------------
// Entry point

export function parseLog(text: string): ParsedLog {
  const notes: string[] = [];
  const rawLines = splitLines(text, notes);
  const lines = rawLines.map(cleanLine);

  const ops: ExecutedOp[] = [];
  // Failures since the last executed op (the candidates for the terminating one), and the first one that was not.
  let terminalHits: LogFailure[] = [];
  let firstContinued: { failure: LogFailure; opsBefore: number } | undefined;
  const programStack: { name: string; runId: number }[] = [];
  let nextRunId = 0;
  let looseRunId = -1;
  let looseRunNames = new Set<string>();
  const runNames = new Map<number, Set<string>>();
  let failureWindowEnd = -1;
  let lastOpCompleted = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;

    const started = matchAfter(line, 'Starting execution of program:');
    if (started !== undefined) {
      programStack.push({ name: started.trim(), runId: nextRunId++ });
      continue;
    }
    const finished = matchAfter(line, 'Finished execution of program:');
    if (finished !== undefined) {
      const last = ops[ops.length - 1];
      if (last !== undefined && last.program === finished.trim()) lastOpCompleted = true;
      popProgram(programStack, finished.trim());
      continue;
    }

    const opStart = matchAfter(line, 'Executing operation:');
    if (opStart !== undefined) {
      if (ops.length >= MAX_OPS) {
        if (ops.length === MAX_OPS) notes.push(`more than ${MAX_OPS} executed ops; the rest are ignored`);
        continue;
      }
      const record = collectRecord(lines, i, opStart);
      const fields = parseOpText(record.text);
      const top = programStack[programStack.length - 1];
      let runId: number;
      if (top !== undefined) {
        runId = top.runId;
        const seen = runNames.get(runId) ?? new Set<string>();
        runNames.set(runId, seen);
        if (fields.resultNames.some((name) => seen.has(name))) {
          // The same program ran again without a Starting line (older runtimes); SSA names are defined once per run.
          top.runId = runId = nextRunId++;
          runNames.set(runId, new Set<string>());
        }
        for (const name of fields.resultNames) runNames.get(runId)!.add(name);
      } else {
        if (looseRunId < 0 || fields.resultNames.some((name) => looseRunNames.has(name))) {
          looseRunId = nextRunId++;
          looseRunNames = new Set<string>();
        }
        runId = looseRunId;
        for (const name of fields.resultNames) looseRunNames.add(name);
      }
      if (terminalHits.length > 0) {
        firstContinued ??= { failure: terminalHits[0]!, opsBefore: ops.length };
        terminalHits = [];
      }
      ops.push({
        index: ops.length,
        line: i + 1,
        endLine: record.endIndex + 1,
        text: record.text,
        ...fields,
        program: top?.name,
        runId,
        cut: record.cut,
      });
      lastOpCompleted = false;
      i = record.endIndex;
      continue;
    }

    // A message already consumed as part of an earlier failure's window is not a second failure.
    if (i <= failureWindowEnd) continue;
    const failure = matchFailure(lines, i);
    if (failure !== undefined) {
      if (terminalHits.length < MAX_FAILURE_HITS) terminalHits.push(failure.failure);
      failureWindowEnd = failure.endIndex;
    }
  }

  if (firstContinued !== undefined) {
    const first = firstContinued;
    notes.push(
      `a failure was logged at line ${first.failure.line} but ${ops.length - first.opsBefore} op(s) executed after it; ` +
        'it is not treated as the terminating failure',
    );
  }
  const failure = terminalHits.find((hit) => hit.kind !== 'other') ?? terminalHits[0];
  if (failure === undefined) {
    notes.push(
      ops.length > 0
        ? 'no failure after the last executed op: the log is truncated or the run succeeded'
        : 'no failure message found',
    );
  }
  if (ops.length === 0) {
    notes.push('no "Executing operation:" records: was the run logged with TTMLIR_RUNTIME_LOGGER_LEVEL=DEBUG?');
  }
  return { ops, failure, lastOpCompleted, notes, lineCount: lines.length };
}

// ---------------------------------------------------------------------------------------------
// Lines

function splitLines(text: string, notes: string[]): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length && lines.length < MAX_LINES; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      if (c !== -1 || start < text.length) {
        const line = text.slice(start, Math.min(i, start + MAX_LINE_CHARS));
        lines.push(line);
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (lines.length >= MAX_LINES && start < text.length)
    notes.push(`log longer than ${MAX_LINES} lines; the rest is ignored`);
  return lines;
}

// CSI sequences (colours, cursor moves) and OSC sequences (terminal titles, links).
// eslint-disable-next-line no-control-regex -- these match terminal control bytes on purpose
const ANSI_CSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex -- as above
const ANSI_OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
// Remaining control characters and U+FFFD (what decoders put for binary junk); tabs become spaces.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

function cleanLine(line: string): string {
  let cleaned = line;
  if (cleaned.includes('\u001b')) cleaned = cleaned.replace(ANSI_CSI, '').replace(ANSI_OSC, '');
  return cleaned.replace(/\t/g, ' ').replace(CONTROL, '');
}

function matchAfter(line: string, marker: string): string | undefined {
  const at = line.indexOf(marker);
  return at < 0 ? undefined : line.slice(at + marker.length);
}

function popProgram(stack: { name: string }[], name: string): void {
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k]!.name === name) {
      stack.length = k;
      return;
    }
  }
}

/** A line that begins a new log record (so it cannot continue a wrapped op). */
function looksLikeNewRecord(line: string): boolean {
  return (
    /^\s*(?:\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d|[A-Za-z][\w.]*\s*\|\s*[A-Za-z]+\s*\||E {2,}|RuntimeError\b|Traceback\b)/.test(
      line,
    ) ||
    line.includes('Executing operation:') ||
    line.includes('Statically allocated') ||
    line.includes('Out of Memory:') ||
    line.includes('TT_THROW') ||
    line.includes('TT_FATAL')
  );
}

/** Joins an op record that was wrapped over several lines (by a terminal, or by hand as in the seed's excerpt). */
function collectRecord(
  lines: readonly string[],
  startIndex: number,
  firstText: string,
): { text: string; endIndex: number; cut: boolean } {
  let text = collapse(firstText);
  let endIndex = startIndex;
  for (let extra = 0; extra < MAX_CONTINUATION_LINES; extra++) {
    const next = lines[endIndex + 1];
    if (next === undefined) return { text, endIndex, cut: !isBalanced(text) };
    const trimmed = next.trim();
    if (trimmed === '' || looksLikeNewRecord(next)) return { text, endIndex, cut: !isBalanced(text) };
    const open = !isBalanced(text);
    // A balanced op continues only with the syntax that may follow its operands: types, properties, attributes, loc.
    const continues = open || (!hasTrailingLoc(text) && /^(?::|->|loc\(|<\{|\{|attributes\b)/.test(trimmed));
    if (!continues) return { text, endIndex, cut: false };
    text = `${text} ${collapse(trimmed)}`;
    endIndex++;
  }
  return { text, endIndex, cut: !isBalanced(text) };
}
