/** Reading input files for the CLI: size limit, binary and encoding checks, one-line reasons for unusable input. */

import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { decodeSource } from '../text/decode';

/**
 * V8 cannot hold a string much longer than 2^29 characters (about 512 MiB of ASCII); past that we refuse with a reason
 * rather than crash. tt-mlir dumps are far smaller; a 500 MB dump still fits.
 */
export const MAX_INPUT_BYTES = 536_000_000;

/** JS heap per byte of input for parse + analysis + report, with headroom (31 MB: 600-900 MB of heap). */
const HEAP_BYTES_PER_INPUT_BYTE = 32;

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string; readonly warnings: readonly string[] }
  | { readonly kind: 'unusable'; readonly reason: string };

export function readSourceFile(path: string): ReadResult {
  let size: number;
  try {
    const stat = fs.statSync(path);
    if (stat.isDirectory()) return { kind: 'unusable', reason: `${path} is a directory` };
    size = stat.size;
  } catch (err) {
    return { kind: 'unusable', reason: `cannot read ${path}: ${errorCode(err)}` };
  }
  if (size > MAX_INPUT_BYTES) {
    return { kind: 'unusable', reason: `${path} is ${Math.round(size / 1e6)} MB; the limit is ${MAX_INPUT_BYTES / 1e6} MB` };
  }
  // The parse tree and analysis take ~30 B of JS heap per input byte (measured: a 31 MB dump needs 600-900 MB). Past the
  // heap limit V8 aborts with a stack dump, so refuse up front and say how to raise the limit.
  const heapLimitBytes = v8.getHeapStatistics().heap_size_limit;
  const heapNeededBytes = size * HEAP_BYTES_PER_INPUT_BYTE;
  if (heapNeededBytes > heapLimitBytes) {
    const gb = (n: number): string => (n / 1e9).toFixed(1);
    return {
      kind: 'unusable',
      reason: `${path} is ${Math.round(size / 1e6)} MB; analysing it needs about ${gb(heapNeededBytes)} GB of JavaScript heap, more than the ${gb(heapLimitBytes)} GB this process has: rerun with NODE_OPTIONS=--max-old-space-size=${Math.ceil(heapNeededBytes / 1e6)} (and that much free RAM)`,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (err) {
    return { kind: 'unusable', reason: `cannot read ${path}: ${errorCode(err)}` };
  }
  const decoded = decodeSource(bytes);
  if (decoded.kind === 'rejected') return { kind: 'unusable', reason: `${path}: ${decoded.reason}` };
  return decoded;
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return typeof code === 'string' ? code : String(err);
}
