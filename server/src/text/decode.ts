/**
 * Bytes → source text for files read from disk (CLI, workspace checks). Pure: decides whether the bytes are text we
 * can analyse and says why not, so every entry point rejects binary or non-UTF-8 input with the same one-line reason.
 */

export type DecodedSource =
  | { readonly kind: 'text'; readonly text: string; readonly warnings: readonly string[] }
  | { readonly kind: 'rejected'; readonly reason: string };

/** How far into the file to look for NUL bytes; binary formats (e.g. MLIR bytecode, flatbuffers) show them early. */
const BINARY_SNIFF_BYTES = 64 * 1024;

/** MLIR bytecode files start with the magic "ML\xEFR". */
const MLIR_BYTECODE_MAGIC = [0x4d, 0x4c, 0xef, 0x52];

export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (MLIR_BYTECODE_MAGIC.every((b, i) => bytes[i] === b)) {
    return { kind: 'rejected', reason: 'MLIR bytecode, not text: convert it with `mlir-opt --emit-bytecode=false` first' };
  }
  const sniffEnd = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < sniffEnd; i++) {
    if (bytes[i] === 0) return { kind: 'rejected', reason: `binary file (NUL byte at offset ${i}), not MLIR text` };
  }
  const warnings: string[] = [];
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    // Keep going with replacement characters: a stray Latin-1 byte in a comment should not hide an L1 overflow.
    text = new TextDecoder('utf-8').decode(bytes.subarray(start));
    const firstBad = text.indexOf('\uFFFD');
    warnings.push(`not valid UTF-8; undecodable bytes were replaced (first near character ${firstBad})`);
  }
  return { kind: 'text', text, warnings };
}
