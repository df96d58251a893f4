/**
 * The failure messages that end a tt-mlir run, recognised in a window of log lines: tt-metal's circular/dataflow
 * buffer checks (`ProgramImpl::validate_circular_buffer_region`), allocator out-of-memory, and any other throw
 * (TT_THROW / TT_FATAL / critical / RuntimeError). Message texts: /work/shared/reference/ttmlir-memory.md §5; logger
 * formats: see parseLog.ts.
 */

import { collapse } from './opText';

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

// Every loop below is bounded by one of these.
const MAX_FAILURE_WINDOW_LINES = 8;
const MAX_FAILURE_WINDOW_CHARS = 8_000;

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

export function matchFailure(
  lines: readonly string[],
  index: number,
): { failure: LogFailure; endIndex: number } | undefined {
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

/** `[(x=0,y=0) - (x=7,y=7)]` or, from change point `corerange-str-dash` (≈2026-05), `[0-0 - 10-9]` (x-y; reference
 *  ttmlir-memory.md §5). */
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
