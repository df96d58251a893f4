/** Reading input files for the CLI: size limit, binary and encoding checks, one-line reasons for unusable input. */

import * as fs from 'node:fs';
import { decodeSource } from '../text/decode';

/**
 * V8 cannot hold a string much longer than 2^29 characters (about 512 MiB of ASCII); past that we refuse with a reason
 * rather than crash. tt-mlir dumps are far smaller; a 500 MB dump still fits.
 */
export const MAX_INPUT_BYTES = 536_000_000;

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
