/**
 * The values of an index tensor when the IR proves them: a `ttnn.constant` (`dense<[...]>`, a splat, or the
 * `dense<"0x…">` hex form MLIR prints for large constants), a `ttnn.arange`, and value-preserving ops over those
 * (layout, dtype, placement and shape changes, clamps), followed into const-eval functions through
 * `ttcore.load_cached` (tt-mlir hoists constant subgraphs there: ttnn-ir-syntax.md §1.1, ttmlir-memory.md).
 * A function argument or any other op is a runtime value: no values.
 */

import type { TtnnFunction, TtnnModule, TtnnOp, ValueSpec } from '../ttnn/op';

export interface ProvenIndices {
  /** Flattened row-major values. */
  readonly values: readonly number[];
  /** How they were read, for titles and notes: "ttnn.constant in @main_const_eval_0 (ttcore.load_cached)". */
  readonly source: string;
}

/** Bound on values read (indices of one padded dim are short; a gather over millions of rows is no pad). */
const MAX_VALUES = 1 << 20;
const MAX_DEPTH = 32;

/** Ops whose result holds the same values as operand 0 (reshape flattens the same row-major order). */
const SAME_VALUES = new Set([
  'ttnn.to_layout',
  'ttnn.typecast',
  'ttnn.to_dtype',
  'ttnn.reshape',
  'ttnn.to_device',
  'ttnn.from_device',
  'ttnn.to_memory_config',
  'ttnn.to_tensor_spec',
]);

function volumeOf(spec: ValueSpec | undefined): number | undefined {
  if (spec === undefined || spec.kind !== 'tensor' || spec.shape.kind !== 'known') return undefined;
  return spec.shape.dims.reduce((a, b) => a * b, 1);
}

/** Integer element width in bytes of a tensor's element type, for the hex form. */
function intWidthOf(spec: ValueSpec | undefined): { bytes: number; signed: boolean } | undefined {
  if (spec === undefined || spec.kind !== 'tensor') return undefined;
  switch (spec.elementDtype) {
    case 'u32':
      return { bytes: 4, signed: false };
    case 'si32':
      return { bytes: 4, signed: true };
    case 'u16':
      return { bytes: 2, signed: false };
    case 'u8':
      return { bytes: 1, signed: false };
    default:
      return undefined;
  }
}

/** Integers of a `dense<...>` literal (list, splat or hex), or undefined. */
export function denseIntValues(text: string, result: ValueSpec | undefined): number[] | undefined {
  const compact = text.replace(/\s+/g, '');
  const hex = /dense<"0x([0-9A-Fa-f]*)">/.exec(compact);
  if (hex !== null) {
    const w = intWidthOf(result);
    if (w === undefined || hex[1].length % (2 * w.bytes) !== 0) return undefined;
    const n = hex[1].length / (2 * w.bytes);
    if (n > MAX_VALUES) return undefined;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      let v = 0n;
      // Little-endian: the last byte of an element is the most significant.
      for (let b = w.bytes - 1; b >= 0; b--)
        v = (v << 8n) | BigInt(parseInt(hex[1].slice(2 * (i * w.bytes + b), 2 * (i * w.bytes + b) + 2), 16));
      if (w.signed && v >= 1n << BigInt(8 * w.bytes - 1)) v -= 1n << BigInt(8 * w.bytes);
      out.push(Number(v));
    }
    const vol = volumeOf(result);
    // A one-element hex literal is a splat.
    if (n === 1 && vol !== undefined && vol > 1 && vol <= MAX_VALUES) return new Array<number>(vol).fill(out[0]);
    return out;
  }
  const m = /dense<([-\d,[\]]*)>/.exec(compact);
  if (m === null) return undefined;
  const nums = m[1].match(/-?\d+/g);
  if (nums === null || nums.length > MAX_VALUES) return undefined;
  const values = nums.map(Number);
  if (!m[1].includes('[') && values.length === 1) {
    const vol = volumeOf(result);
    if (vol !== undefined && vol <= MAX_VALUES) return new Array<number>(vol).fill(values[0]);
  }
  return values;
}

function intProp(op: TtnnOp, name: string): number | undefined {
  const p = op.properties[name];
  if (p === undefined) return undefined;
  if (p.kind === 'int' || p.kind === 'float') return p.value;
  return undefined;
}

interface Evaluated {
  readonly values: number[];
  readonly source: string;
}

/** Values of `name` in `fn`, following const-eval calls through `module` (same chunk). */
export function provenIndices(
  module: TtnnModule | undefined,
  fn: TtnnFunction,
  name: string,
): ProvenIndices | undefined {
  const r = evaluate(module, fn, name, 0);
  return r === undefined ? undefined : { values: r.values, source: r.source };
}

function evaluate(
  module: TtnnModule | undefined,
  fn: TtnnFunction,
  name: string,
  depth: number,
): Evaluated | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const at = fn.ops.findIndex((o) => o.resultNames.includes(name));
  if (at < 0) return undefined; // a function argument: supplied at run time
  const op = fn.ops[at];
  const resultIndex = op.resultNames.indexOf(name);
  if (op.name === 'ttnn.constant') {
    const v = op.properties['value'];
    const text = v === undefined ? undefined : v.kind === 'other' ? v.text : v.kind === 'dialect' ? v.text : undefined;
    const values = text === undefined ? undefined : denseIntValues(text, op.results[0]);
    return values === undefined ? undefined : { values, source: `ttnn.constant in ${fn.name}` };
  }
  if (op.name === 'ttnn.arange') {
    const start = intProp(op, 'start');
    const end = intProp(op, 'end');
    const step = intProp(op, 'step') ?? 1;
    if (
      start === undefined ||
      end === undefined ||
      step === 0 ||
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      !Number.isInteger(step)
    )
      return undefined;
    const n = Math.max(0, Math.ceil((end - start) / step));
    if (n > MAX_VALUES) return undefined;
    return { values: Array.from({ length: n }, (_, i) => start + i * step), source: `ttnn.arange in ${fn.name}` };
  }
  if (SAME_VALUES.has(op.name)) {
    const input = op.operandNames[0];
    return input === undefined ? undefined : evaluate(module, fn, input, depth + 1);
  }
  if (op.name === 'ttnn.clamp_scalar' || op.name === 'ttnn.clamp') {
    const input = op.operandNames[0];
    const lo = intProp(op, 'min');
    const hi = intProp(op, 'max');
    if (input === undefined || lo === undefined || hi === undefined) return undefined;
    const r = evaluate(module, fn, input, depth + 1);
    return r === undefined
      ? undefined
      : { values: r.values.map((v) => Math.min(hi, Math.max(lo, v))), source: r.source };
  }
  if (op.name === 'ttcore.load_cached' || op.name === 'tt.load_cached') {
    const callee = module?.functions.find((f) => f.chunkIndex === fn.chunkIndex && f.name === op.symbolUses[0]);
    if (callee === undefined) return undefined;
    const ret = callee.ops.find((o) => o.name === 'func.return');
    const returned = ret?.operandNames[resultIndex];
    if (returned === undefined) return undefined;
    const argIndex = callee.args.findIndex((a) => a.name === returned);
    // A const-eval argument is the caller's operand (a parameter or constant supplied at run time, or a value here).
    const r =
      argIndex >= 0
        ? op.operandNames[argIndex] === undefined
          ? undefined
          : evaluate(module, fn, op.operandNames[argIndex], depth + 1)
        : evaluate(module, callee, returned, depth + 1);
    return r === undefined ? undefined : { values: r.values, source: `${r.source} (${op.name})` };
  }
  return undefined;
}
