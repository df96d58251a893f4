/**
 * "Is this MLIR at all?" — decided by a real MLIR signal, not by the parser finding something op-shaped (any `"..."`
 * parses as the start of a generic op, so JSON, Markdown and Python would all count). The text is MLIR when one
 * operation parsed without an error inside it and is written as MLIR writes ops: a generic op with a dialect-qualified
 * name (`"ttnn.add"(...)`), a custom op spelled with a known dialect prefix (`func.func`, `ttcore.cpu_module`), or
 * `module`. Undotted `return` / `call` (the parser's shorthand for `func.return` / `func.call`) are C-like prose.
 */

import type { Operation, ParseResult } from './syntax';

/** Dialects whose custom-form ops appear in tt-mlir dumps and upstream MLIR text. */
const KNOWN_DIALECTS: ReadonlySet<string> = new Set([
  'builtin',
  'func',
  'ttnn',
  'ttcore',
  'tt',
  'ttir',
  'ttkernel',
  'ttmetal',
  'd2m',
  'emitc',
  'emitpy',
  'llvm',
  'arith',
  'math',
  'tensor',
  'memref',
  'scf',
  'cf',
  'affine',
  'linalg',
  'vector',
  'bufferization',
  'stablehlo',
  'chlo',
  'mhlo',
  'sdy',
  'shardy',
  'tosa',
  'quant',
  'index',
  'gpu',
  'shape',
  'ml_program',
]);

const DIALECT_QUALIFIED = /^[A-Za-z_][\w$]*\.[A-Za-z_][\w$.]*$/;

// Ops looked at at most: a real dump shows a clean op within its first few; garbage never does.
const MAX_OPS_VISITED = 100_000;
const MAX_DEPTH = 32;

export function hasMlirSignal(parse: ParseResult): boolean {
  const errorStarts = parse.errors.map((e) => e.range.start).sort((a, b) => a - b);
  // Whether an error starts inside [start, end] (the op's range, ends included).
  const clean = (op: Operation): boolean => {
    let lo = 0;
    let hi = errorStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (errorStarts[mid]! < op.range.start) lo = mid + 1;
      else hi = mid;
    }
    return lo === errorStarts.length || errorStarts[lo]! > op.range.end;
  };
  let visited = 0;
  const visit = (op: Operation, depth: number): boolean => {
    if (++visited > MAX_OPS_VISITED || depth > MAX_DEPTH) return false;
    if (isMlirShaped(op) && clean(op)) return true;
    for (const region of op.regions)
      for (const block of region.blocks) for (const inner of block.operations) if (visit(inner, depth + 1)) return true;
    return false;
  };
  for (const chunk of parse.file.chunks) for (const op of chunk.operations) if (visit(op, 0)) return true;
  return false;
}

function isMlirShaped(op: Operation): boolean {
  if (!DIALECT_QUALIFIED.test(op.name)) return false;
  if (op.form === 'generic') return true;
  const writtenLength = op.nameRange.end - op.nameRange.start;
  if (op.name === 'builtin.module') return true;
  // Spelled out in full (not the parser's shorthand for `return` / `call`) with a dialect MLIR knows.
  return writtenLength === op.name.length && KNOWN_DIALECTS.has(op.name.slice(0, op.name.indexOf('.')));
}
