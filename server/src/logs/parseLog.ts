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

import { isBalanced, matchingClose, scanMlirText, skipString, splitTopLevel } from '../mlir/textScan';

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

export type FailureKind =
  /** `Statically allocated circular|dataflow buffers on core range R grow to N B which is beyond max L1 size of M B`. */
  | 'cbExceedsL1'
  /** `... buffers in program P clash with L1 buffers on core range R. L1 buffer allocated at A and static ... region ends at E`. */
  | 'cbClashesWithL1Buffer'
  /** `Out of Memory: Not enough space to allocate T B <type> buffer across K banks, where each bank needs to store N B, but bank size is M B`. */
  | 'outOfMemory'
  /** Any other TT_THROW / TT_FATAL / critical / RuntimeError line. */
  | 'other';

/** An inclusive rectangle of logical cores, `[(x=7,y=6) - (x=7,y=6)]` or `[7-6 - 7-6]`. */
export interface CoreRange {
  readonly startX: number;
  readonly startY: number;
  readonly endX: number;
  readonly endY: number;
}

export interface OutOfMemoryDetails {
  readonly bufferType: string | undefined;
  readonly totalBytes: number;
  readonly bankCount: number;
  readonly bytesPerBank: number;
  readonly bankSizeBytes: number;
  /** Present in newer tt-metal messages only. */
  readonly allocatedBytes: number | undefined;
  readonly freeBytes: number | undefined;
  readonly largestFreeBlockBytes: number | undefined;
}

export interface LogFailure {
  readonly kind: FailureKind;
  /** The message on one line (whitespace collapsed), without logger prefixes. */
  readonly message: string;
  /** 1-based log line where the message starts. */
  readonly line: number;
  /** `circular` (≤ 2026) or `dataflow` (Metal 2.0 wording); undefined for non-CB failures. */
  readonly bufferWord: 'circular' | 'dataflow' | undefined;
  readonly coreRanges: readonly CoreRange[];
  /** Exact core-range text as printed, e.g. `[(x=7,y=6) - (x=7,y=6)]`. */
  readonly coreRangeText: string | undefined;
  readonly programId: number | undefined;
  /**
   * The bytes tt-metal reports against the limit: the CB region end (`l1_unreserved_base + Σ CB sizes`, not the CB
   * total) for both CB kinds, bytes per bank for out-of-memory.
   */
  readonly bytes: number | undefined;
  /** Max L1 size for cbExceedsL1, the clashing L1 buffer's address for a clash, the bank size for out-of-memory. */
  readonly limitBytes: number | undefined;
  readonly outOfMemory: OutOfMemoryDetails | undefined;
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
const MAX_FAILURE_WINDOW_LINES = 8;
const MAX_FAILURE_WINDOW_CHARS = 8_000;
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

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Op text

/** What the text of one op shows (also parsed from hover/log snippets by `parseOpText`). */
export interface OpFields {
  /** `%9`, `%0` (a `%0:2 =` group counts once, with its `:N` dropped); empty for result-less ops. */
  readonly resultNames: readonly string[];
  /** `ttnn.to_layout`; undefined when the text does not start like an op. */
  readonly opName: string | undefined;
  /** Operand uses as written, `%8`, `%0#1`; undefined when the text shows no operand list. */
  readonly operandNames: readonly string[] | undefined;
  /** Keys of the `<{...}>` properties; undefined when the text has none. */
  readonly propertyNames: readonly string[] | undefined;
  /** Types after the top-level `:`, each as written (whitespace collapsed); undefined when absent. */
  readonly operandTypes: readonly string[] | undefined;
  readonly resultTypes: readonly string[] | undefined;
  /** The text inside the trailing `loc(...)`, and the quoted strings in it (unescaped), outermost first. */
  readonly locText: string | undefined;
  readonly locStrings: readonly string[];
}

/** Reads the parts of a printed op that correlation needs; tolerant of abridged text (`...`, missing parts). */
export function parseOpText(text: string): OpFields {
  let pos = 0;
  const resultNames: string[] = [];
  const results = /^\s*((?:%[\w$.-]+(?::\d+)?\s*,\s*)*%[\w$.-]+(?::\d+)?)\s*=\s*/.exec(text);
  if (results !== null) {
    for (const part of results[1]!.split(',')) resultNames.push(part.trim().replace(/:\d+$/, ''));
    pos = results[0].length;
  }
  const rest = text.slice(pos);
  const name = /^\s*(?:"([^"\\]*)"|([A-Za-z_][\w$]*(?:\.[\w$]+)+))/.exec(rest);
  const opName = name === null ? undefined : (name[1] ?? name[2]);
  const afterName = name === null ? rest : rest.slice(name[0].length);

  const scan = scanTopLevel(afterName);
  let operandNames: string[] | undefined;
  if (name !== null && name[1] !== undefined) {
    // Generic form: operands are the first parenthesised group right after the name.
    const group = /^\s*\(/.test(afterName) ? scan.groups[0] : undefined;
    if (group !== undefined) operandNames = valueUses(afterName.slice(group.start + 1, group.end));
  } else if (name !== null) {
    // Custom form: every value use before the type colon.
    operandNames = valueUses(afterName.slice(0, scan.colon ?? scan.locStart ?? afterName.length));
  }

  let propertyNames: string[] | undefined;
  const props = afterName.indexOf('<{');
  if (props >= 0 && (scan.colon === undefined || props < scan.colon)) {
    const end = matchingClose(afterName, props + 1);
    propertyNames = topLevelKeys(afterName.slice(props + 2, end === undefined ? afterName.length : end));
  }

  let operandTypes: string[] | undefined;
  let resultTypes: string[] | undefined;
  if (scan.colon !== undefined) {
    const typeText = afterName.slice(scan.colon + 1, scan.locStart ?? afterName.length).trim();
    const split = splitFunctionType(typeText);
    operandTypes = split.inputs;
    resultTypes = split.results;
  }

  let locText: string | undefined;
  let locStrings: string[] = [];
  if (scan.locStart !== undefined) {
    const open = afterName.indexOf('(', scan.locStart);
    const close = matchingClose(afterName, open);
    locText = afterName.slice(open + 1, close ?? afterName.length);
    locStrings = quotedStrings(locText);
  }
  return { resultNames, opName, operandNames, propertyNames, operandTypes, resultTypes, locText, locStrings };
}

interface TopLevelScan {
  /** Depth-0 parenthesised groups, as [start, end] of their delimiters. */
  readonly groups: readonly { start: number; end: number }[];
  /** Offset of the first depth-0 `:` (the start of the type signature). */
  readonly colon: number | undefined;
  /** Offset of the last depth-0 `loc(`. */
  readonly locStart: number | undefined;
}

function scanTopLevel(s: string): TopLevelScan {
  const groups: { start: number; end: number }[] = [];
  let colon: number | undefined;
  let locStart: number | undefined;
  let groupStart = -1;
  scanMlirText(s, (i, c, depth) => {
    if (depth === 0 && c === '(') {
      groupStart = i;
      if (s.slice(Math.max(0, i - 3), i) === 'loc' && !/[\w.]/.test(s[i - 4] ?? ' ')) locStart = i - 3;
    } else if (depth === 1 && c === ')' && groupStart >= 0) {
      groups.push({ start: groupStart, end: i });
      groupStart = -1;
    } else if (c === ':' && depth === 0 && colon === undefined && locStart === undefined) {
      colon = i;
    }
  });
  return { groups, colon, locStart };
}

function hasTrailingLoc(s: string): boolean {
  return scanTopLevel(s).locStart !== undefined;
}

/** Splits on depth-0 commas, each part with its whitespace collapsed; empty parts dropped. */
function splitTopLevelParts(s: string): string[] {
  return splitTopLevel(s)
    .map(collapse)
    .filter((part) => part !== '');
}

function valueUses(s: string): string[] {
  return [...s.matchAll(/%[\w$.-]+(?:#\d+)?/g)].map((m) => m[0]);
}

function topLevelKeys(body: string): string[] {
  return splitTopLevelParts(body)
    .map((entry) => /^([A-Za-z_][\w$.]*)/.exec(entry)?.[1])
    .filter((key): key is string => key !== undefined);
}

function quotedStrings(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length && out.length < 64; i++) {
    if (s[i] !== '"') continue;
    const end = skipString(s, i);
    out.push(s.slice(i + 1, end).replace(/\\(["\\])/g, '$1'));
    i = end;
  }
  return out;
}

/** `(A, B) -> C`, `(A) -> (B, C)`, or a bare `A` (custom form); abridged text yields what it shows. */
function splitFunctionType(typeText: string): { inputs: string[] | undefined; results: string[] | undefined } {
  let arrow = -1;
  scanMlirText(typeText, (i, c, depth) => {
    if (c !== '->' || depth !== 0) return false;
    arrow = i;
    return true;
  });
  if (arrow < 0) return { inputs: undefined, results: typeText === '' ? undefined : splitTopLevelParts(typeText) };
  return { inputs: typeList(typeText.slice(0, arrow)), results: typeList(typeText.slice(arrow + 2)) };
}

function typeList(s: string): string[] {
  const trimmed = s.trim();
  if (trimmed.startsWith('(') && matchingClose(trimmed, 0) === trimmed.length - 1) {
    return splitTopLevelParts(trimmed.slice(1, -1));
  }
  return splitTopLevelParts(trimmed);
}

// ---------------------------------------------------------------------------------------------
// Failures

const CORE_RANGE_TEXT = String.raw`(\[[^\]]{0,400}\]|\{[^}]{0,2000}\})`;
const BUFFER_WORD = String.raw`(circular|dataflow)`;
const CB_EXCEEDS = new RegExp(
  String.raw`Statically allocated ${BUFFER_WORD} buffers on core range ${CORE_RANGE_TEXT} grow to (\d+) B which is beyond max L1 size of (\d+) B`,
);
const CB_CLASH = new RegExp(
  String.raw`Statically allocated ${BUFFER_WORD} buffers in program (\d+) clash with L1 buffers on core range ${CORE_RANGE_TEXT}\.? ` +
    String.raw`L1 buffer allocated at (\d+),? (?:and )?static (?:circular|dataflow) buffer region ends at (\d+)`,
);
const OUT_OF_MEMORY = new RegExp(
  String.raw`Out of Memory: Not enough space to allocate (\d+) B (?:([A-Z][A-Z0-9_]*) )?buffer across (\d+) banks?, ` +
    String.raw`where each bank needs to store (\d+) B, but bank size is (?:only )?(\d+) B` +
    String.raw`(?: \(allocated: (\d+) B, free: (\d+) B, largest free block: (\d+) B\))?`,
);
const OTHER_THROW = /\b(?:TT_THROW|TT_FATAL)\b|\[critical\]|\|\s*(?:critical|CRITICAL|FATAL)\s*\||\bRuntimeError:/;

/** Strips what loggers and pytest put in front of a continuation of a message. */
function stripPrefix(line: string): string {
  return line
    .replace(/^\s*E {2,}/, '')
    .replace(/^\s*\[\d{4}-\d\d-\d\d[^\]]*\](?:\s*\[[^\]]*\]){0,3}\s*/, '')
    .replace(/^\s*\d{4}-\d\d-\d\d[ T][\d:.]+\s*\|[^|]*\|(?:[^|]*\|)?\s*/, '')
    .replace(/^\s*[A-Za-z][\w.]*\s*\|\s*[A-Za-z]+\s*\|\s*/, '')
    .trim();
}

function matchFailure(lines: readonly string[], index: number): { failure: LogFailure; endIndex: number } | undefined {
  const line = lines[index]!;
  const known = line.includes('Statically allocated') || line.includes('Out of Memory:');
  if (!known && !OTHER_THROW.test(line)) return undefined;

  const anchors = [line.indexOf('Statically allocated'), line.indexOf('Out of Memory:')].filter((at) => at >= 0);
  const anchorAt = anchors.length > 0 ? Math.min(...anchors) : 0;
  // Messages are one line in real logs but get wrapped in pasted excerpts: read a short window and join it.
  let window = '';
  const windowStarts: number[] = [];
  for (let k = index; k < lines.length && k < index + MAX_FAILURE_WINDOW_LINES; k++) {
    if (k > index && (lines[k]!.includes('Executing operation:') || lines[k]!.trim() === '')) break;
    windowStarts.push(window.length);
    const piece =
      k === index
        ? line.slice(anchorAt, anchorAt + MAX_FAILURE_WINDOW_CHARS)
        : stripPrefix(lines[k]!).slice(0, MAX_FAILURE_WINDOW_CHARS);
    window = collapse(`${window} ${piece}`);
    if (window.length > MAX_FAILURE_WINDOW_CHARS) break;
  }
  const lineOf = (offset: number): number => {
    let k = 0;
    while (k + 1 < windowStarts.length && windowStarts[k + 1]! <= offset) k++;
    return index + k + 1;
  };

  const exceeds = CB_EXCEEDS.exec(window);
  if (exceeds !== null) {
    return {
      failure: {
        kind: 'cbExceedsL1',
        message: exceeds[0],
        line: lineOf(exceeds.index),
        bufferWord: exceeds[1] as 'circular' | 'dataflow',
        coreRangeText: exceeds[2],
        coreRanges: parseCoreRanges(exceeds[2]!),
        programId: undefined,
        bytes: toInt(exceeds[3]),
        limitBytes: toInt(exceeds[4]),
        outOfMemory: undefined,
      },
      endIndex: lineOf(exceeds.index + exceeds[0].length - 1) - 1,
    };
  }
  const clash = CB_CLASH.exec(window);
  if (clash !== null) {
    return {
      failure: {
        kind: 'cbClashesWithL1Buffer',
        message: clash[0],
        line: lineOf(clash.index),
        bufferWord: clash[1] as 'circular' | 'dataflow',
        programId: toInt(clash[2]),
        coreRangeText: clash[3],
        coreRanges: parseCoreRanges(clash[3]!),
        bytes: toInt(clash[5]),
        limitBytes: toInt(clash[4]),
        outOfMemory: undefined,
      },
      endIndex: lineOf(clash.index + clash[0].length - 1) - 1,
    };
  }
  const oom = OUT_OF_MEMORY.exec(window);
  if (oom !== null) {
    const details: OutOfMemoryDetails = {
      totalBytes: toInt(oom[1]) ?? 0,
      bufferType: oom[2],
      bankCount: toInt(oom[3]) ?? 0,
      bytesPerBank: toInt(oom[4]) ?? 0,
      bankSizeBytes: toInt(oom[5]) ?? 0,
      allocatedBytes: toInt(oom[6]),
      freeBytes: toInt(oom[7]),
      largestFreeBlockBytes: toInt(oom[8]),
    };
    return {
      failure: {
        kind: 'outOfMemory',
        message: oom[0],
        line: lineOf(oom.index),
        bufferWord: undefined,
        coreRanges: [],
        coreRangeText: undefined,
        programId: undefined,
        bytes: details.bytesPerBank,
        limitBytes: details.bankSizeBytes,
        outOfMemory: details,
      },
      endIndex: lineOf(oom.index + oom[0].length - 1) - 1,
    };
  }
  if (known && !OTHER_THROW.test(line)) {
    // The start of a known message whose end is missing (cut log): report it as it stands.
    return { failure: otherFailure(stripPrefix(line), index + 1), endIndex: index };
  }
  if (!OTHER_THROW.test(line)) return undefined;
  return { failure: otherFailure(stripPrefix(line), index + 1), endIndex: index };
}

function otherFailure(message: string, line: number): LogFailure {
  return {
    kind: 'other',
    message: collapse(message).slice(0, 2_000),
    line,
    bufferWord: undefined,
    coreRanges: [],
    coreRangeText: undefined,
    programId: undefined,
    bytes: undefined,
    limitBytes: undefined,
    outOfMemory: undefined,
  };
}

/** `[(x=0,y=0) - (x=7,y=7)]` (≤ 2026-04) or `[0-0 - 10-9]` (x-y, 2026-07 on; reference ttmlir-memory.md §5). */
export function parseCoreRanges(text: string): CoreRange[] {
  const ranges: CoreRange[] = [];
  const xy = /\(\s*x\s*=\s*(\d+)\s*,\s*y\s*=\s*(\d+)\s*\)\s*-\s*\(\s*x\s*=\s*(\d+)\s*,\s*y\s*=\s*(\d+)\s*\)/g;
  for (const m of text.matchAll(xy)) ranges.push(coreRange(m));
  if (ranges.length > 0) return ranges;
  const dashed = /(\d+)-(\d+) - (\d+)-(\d+)/g;
  for (const m of text.matchAll(dashed)) ranges.push(coreRange(m));
  return ranges;
}

function coreRange(m: RegExpMatchArray): CoreRange {
  return { startX: Number(m[1]), startY: Number(m[2]), endX: Number(m[3]), endY: Number(m[4]) };
}

function toInt(digits: string | undefined): number | undefined {
  if (digits === undefined) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}
