/**
 * The one routine that reads an input file from disk: the CLI's files and `--log`, "Check workspace"
 * (`ttnnL1/checkFiles`) and the Python sources a quick fix edits. It refuses anything but a regular file (a FIFO
 * blocks forever, `/dev/zero` never ends, and `stat.size` is 0 for both), refuses files larger than the caller's cap
 * or than the JavaScript heap can analyse, and reads at most that many bytes whatever the file does meanwhile.
 */

import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { decodeSource } from '../text/decode';

/**
 * V8 cannot hold a string much longer than 2^29 characters (about 512 MiB of ASCII); past that we refuse with a reason
 * rather than crash. tt-mlir dumps are far smaller; a 500 MB dump still fits.
 */
export const MAX_INPUT_BYTES = 536_000_000;

/** JS heap per byte of input for parse + analysis + report, with headroom (measured: a 31 MB dump needs 600-900 MB). */
export const HEAP_BYTES_PER_INPUT_BYTE = 32;

/**
 * Share of the free heap an analysis may plan to fill. Near its limit V8 spends its time in garbage collection (issue
 * #15: a 130 MB dump, just under a 100% threshold, took 415 s at 4.1 GB), so refusing with the way out is kinder.
 */
const HEAP_SHARE = 0.75;

/** Whether analysing `sizeBytes` of text fits this process's free heap (shared by the CLI, checkFiles and open documents). */
export function analysisHeap(sizeBytes: number): {
  readonly neededBytes: number;
  readonly freeBytes: number;
  readonly usedBytes: number;
  readonly fits: boolean;
} {
  const heap = v8.getHeapStatistics();
  const neededBytes = sizeBytes * HEAP_BYTES_PER_INPUT_BYTE;
  return {
    neededBytes,
    freeBytes: heap.total_available_size,
    usedBytes: heap.used_heap_size,
    fits: neededBytes <= heap.total_available_size * HEAP_SHARE,
  };
}

export type InputText =
  | { readonly kind: 'text'; readonly text: string; readonly warnings: readonly string[] }
  | { readonly kind: 'unusable'; readonly reason: string };

export interface InputLimits {
  /** Largest file accepted, in bytes (default MAX_INPUT_BYTES). */
  readonly maxBytes?: number;
  /** Whether the text will be parsed and analysed here: then the free heap must hold ~32 B per byte. */
  readonly analysed?: boolean;
}

// One read call at most this large, so a file that grows while it is read is caught within one chunk of the cap.
const READ_CHUNK_BYTES = 8 * 1024 * 1024;

/** Reads `path` as source text, or says in one line why not (the reason starts with the path). */
export function readInputText(path: string, limits: InputLimits = {}): InputText {
  const maxBytes = Math.min(limits.maxBytes ?? MAX_INPUT_BYTES, MAX_INPUT_BYTES);
  let fd: number;
  try {
    const stat = fs.statSync(path);
    const kind = nonRegularKind(stat);
    if (kind !== undefined) return { kind: 'unusable', reason: `${path} is ${kind}, not a regular file` };
    // Non-blocking: if the path was swapped for a FIFO since the stat, open must not wait for a writer.
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { kind: 'unusable', reason: `cannot read ${path}: ${errorText(err)}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    const kind = nonRegularKind(stat);
    if (kind !== undefined) return { kind: 'unusable', reason: `${path} is ${kind}, not a regular file` };
    const tooBig = sizeRefusal(path, stat.size, maxBytes, limits.analysed === true);
    if (tooBig !== undefined) return { kind: 'unusable', reason: tooBig };
    // The size can change after the stat: read up to the cap plus one byte, so growth past the cap is seen and refused.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return { kind: 'unusable', reason: `${path} grew while it was read` };
      const n = fs.readSync(fd, buffer, length, Math.min(buffer.length - length, READ_CHUNK_BYTES), null);
      if (n === 0) break;
      length += n;
    }
    const decoded = decodeSource(buffer.subarray(0, length));
    if (decoded.kind === 'rejected') return { kind: 'unusable', reason: `${path}: ${decoded.reason}` };
    return decoded;
  } catch (err) {
    return { kind: 'unusable', reason: `cannot read ${path}: ${errorText(err)}` };
  } finally {
    fs.closeSync(fd);
  }
}

function nonRegularKind(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function sizeRefusal(path: string, sizeBytes: number, maxBytes: number, analysed: boolean): string | undefined {
  const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;
  if (sizeBytes > maxBytes)
    return `${path} is ${mb(sizeBytes)}; the limit is ${maxBytes >= 1e6 ? mb(maxBytes) : `${maxBytes} B`}`;
  if (!analysed) return undefined;
  // Past the heap limit V8 aborts the process with a stack dump: refuse up front and say how to raise the limit.
  const heap = analysisHeap(sizeBytes);
  if (heap.fits) return undefined;
  const gb = (n: number): string => (n / 1e9).toFixed(1);
  return `${path} is ${mb(sizeBytes)}; analysing it needs about ${gb(heap.neededBytes)} GB of JavaScript heap, more than this process can spare (${gb(heap.freeBytes)} GB free): rerun with NODE_OPTIONS=--max-old-space-size=${heapToAsk(heap)} (and that much free RAM)`;
}

function errorText(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return typeof code === 'string' ? code : String(err);
}

/** The --max-old-space-size (MB) under which `analysisHeap` would say it fits. */
export function heapToAsk(heap: { readonly neededBytes: number; readonly usedBytes: number }): number {
  return Math.ceil((heap.neededBytes / HEAP_SHARE + heap.usedBytes) / 1e6);
}
