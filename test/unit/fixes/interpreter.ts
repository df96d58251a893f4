/**
 * A tiny reference interpreter for the TTNN ops the replicate-pad rewrites touch (embedding, slice, concat, pad,
 * reshape, permute, repeat; layout/placement changes as identity), over small row-major arrays. Written from the ops'
 * definitions (tt-mlir TTNNOps.td descriptions, PyTorch semantics), independently of fixes/, to check that a rewrite
 * that claims the same values computes them.
 */

import type { PropValue, TtnnFunction, TtnnModule } from '../../../server/src/ttnn/op';

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1] * shape[i + 1];
  return s;
}

function volume(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Visit every multi-index of `shape` in row-major order. */
function forEachIndex(shape: readonly number[], f: (idx: number[], flat: number) => void): void {
  const n = volume(shape);
  const idx = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < n; flat++) {
    f(idx, flat);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

function ints(p: PropValue | undefined): number[] {
  if (p === undefined) throw new Error('missing property');
  if (p.kind === 'ints') return [...p.values];
  if (p.kind === 'array') return p.elements.map((e) => (e.kind === 'int' ? e.value : NaN));
  if (p.kind === 'dialect') return p.items.join('x').split('x').map(Number); // #ttnn.shape<1x2x1>
  throw new Error(`not an int list: ${p.kind}`);
}

function num(p: PropValue | undefined): number {
  if (p === undefined || (p.kind !== 'int' && p.kind !== 'float')) throw new Error('missing number');
  return p.value;
}

export function permute(t: Tensor, perm: readonly number[]): Tensor {
  const shape = perm.map((p) => t.shape[p]);
  const inStrides = strides(t.shape);
  const data = new Array<number>(t.data.length);
  forEachIndex(shape, (idx, flat) => {
    let src = 0;
    idx.forEach((v, d) => (src += v * inStrides[perm[d]]));
    data[flat] = t.data[src];
  });
  return { shape, data };
}

export function slice(t: Tensor, begins: readonly number[], ends: readonly number[], step: readonly number[]): Tensor {
  const shape = t.shape.map((_, d) => Math.ceil((ends[d] - begins[d]) / step[d]));
  const inStrides = strides(t.shape);
  const data: number[] = [];
  forEachIndex(shape, (idx) => {
    let src = 0;
    idx.forEach((v, d) => (src += (begins[d] + v * step[d]) * inStrides[d]));
    data.push(t.data[src]);
  });
  return { shape, data };
}

export function concat(ts: readonly Tensor[], dim: number): Tensor {
  const shape = [...ts[0].shape];
  shape[dim] = ts.reduce((a, t) => a + t.shape[dim], 0);
  const data: number[] = [];
  forEachIndex(shape, (idx) => {
    let at = idx[dim];
    for (const t of ts) {
      if (at < t.shape[dim]) {
        const s = strides(t.shape);
        let src = 0;
        idx.forEach((v, d) => (src += (d === dim ? at : v) * s[d]));
        data.push(t.data[src]);
        return;
      }
      at -= t.shape[dim];
    }
  });
  return { shape, data };
}

/** `padding` = [before0, after0, before1, after1, ...] (tt-mlir ttnn.pad). */
export function pad(t: Tensor, padding: readonly number[], value: number): Tensor {
  const shape = t.shape.map((s, d) => padding[2 * d] + s + padding[2 * d + 1]);
  const s = strides(t.shape);
  const data: number[] = [];
  forEachIndex(shape, (idx) => {
    let src = 0;
    for (let d = 0; d < idx.length; d++) {
      const v = idx[d] - padding[2 * d];
      if (v < 0 || v >= t.shape[d]) {
        data.push(value);
        return;
      }
      src += v * s[d];
    }
    data.push(t.data[src]);
  });
  return { shape, data };
}

export function repeat(t: Tensor, dims: readonly number[]): Tensor {
  let out = t;
  dims.forEach((k, d) => {
    if (k > 1) out = concat(new Array<Tensor>(k).fill(out), d);
  });
  return out;
}

/** ttnn.embedding(indices, weight [rows, width]) → indices.shape ++ [width]. */
export function embedding(indices: Tensor, weight: Tensor): Tensor {
  const width = weight.shape[weight.shape.length - 1];
  const data: number[] = [];
  for (const i of indices.data) for (let c = 0; c < width; c++) data.push(weight.data[i * width + c]);
  return { shape: [...indices.shape, width], data };
}

const IDENTITY = new Set([
  'ttnn.to_layout',
  'ttnn.typecast',
  'ttnn.to_memory_config',
  'ttnn.to_device',
  'ttnn.from_device',
]);
const NO_VALUE = new Set(['ttnn.deallocate', 'ttnn.get_device']);

/** Run `fn` on `args`; `module` resolves `load_cached`; `constants` gives each ttnn.constant's values by result name. */
export function run(
  module: TtnnModule,
  fn: TtnnFunction,
  args: readonly Tensor[],
  constants: ReadonlyMap<string, Tensor> = new Map(),
): Tensor[] {
  const env = new Map<string, Tensor>();
  fn.args.forEach((a, i) => env.set(a.name, args[i]));
  const get = (n: string): Tensor => {
    const t = env.get(n);
    if (t === undefined) throw new Error(`no value for ${n}`);
    return t;
  };
  for (const op of fn.ops) {
    const out = op.resultNames[0];
    const p = op.properties;
    if (op.name === 'func.return') return op.operandNames.map(get);
    if (NO_VALUE.has(op.name)) continue;
    let r: Tensor;
    if (IDENTITY.has(op.name)) r = get(op.operandNames[0]);
    else if (op.name === 'ttnn.permute') r = permute(get(op.operandNames[0]), ints(p['permutation']));
    else if (op.name === 'ttnn.reshape') r = { shape: ints(p['shape']), data: get(op.operandNames[0]).data };
    else if (op.name === 'ttnn.slice' || op.name === 'ttnn.slice_static')
      r = slice(get(op.operandNames[0]), ints(p['begins']), ints(p['ends']), ints(p['step']));
    else if (op.name === 'ttnn.concat') r = concat(op.operandNames.map(get), num(p['dim']));
    else if (op.name === 'ttnn.pad') r = pad(get(op.operandNames[0]), ints(p['padding']), num(p['value']));
    else if (op.name === 'ttnn.repeat') r = repeat(get(op.operandNames[0]), ints(p['repeat_dims']));
    else if (op.name === 'ttnn.embedding') r = embedding(get(op.operandNames[0]), get(op.operandNames[1]));
    else if (op.name === 'ttnn.constant') {
      const c = constants.get(out);
      if (c === undefined) throw new Error(`constant ${out} not given`);
      r = c;
    } else if (op.name === 'ttcore.load_cached' || op.name === 'tt.load_cached') {
      const callee = module.functions.find((f) => f.name === op.symbolUses[0])!;
      const results = run(module, callee, op.operandNames.map(get), constants);
      op.resultNames.forEach((n, i) => env.set(n, results[i]));
      continue;
    } else throw new Error(`interpreter: no rule for ${op.name}`);
    env.set(out, r);
  }
  throw new Error('no return');
}
