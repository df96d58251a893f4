/**
 * L1 tensor liveness of one function: which L1-resident tensors are live at each op, as intervals over op indices
 * (definition to last use or `ttnn.deallocate`; view reshapes alias their input), and the live bytes per op.
 */

import { isViewReshape } from '../estimate/ops/reshape';
import type { Device } from '../ttnn/device';
import { l1Footprint } from '../ttnn/layout';
import type { TtnnFunction, TtnnOp, ValueSpec } from '../ttnn/op';
import { sameStrings } from '../text/stringLists';
import type { FunctionAnalysis, LiveInterval } from './types';

/** L1 bytes per core of a value; 0 for anything not an L1-resident tensor of known shape and layout. */
export function l1Bytes(spec: ValueSpec, device: Device): number {
  if (spec.kind !== 'tensor' || spec.shape.kind !== 'known' || spec.layout.kind !== 'layout') return 0;
  return l1Footprint(spec.shape.dims, spec.layout, device)?.bytesPerCore ?? 0;
}

/**
 * Liveness of L1 tensors: results live from their op to their `ttnn.deallocate` or last use (the defining op only when
 * unused; to the end when returned); arguments live from the start to their deallocate, or the whole function
 * (caller-owned) when never deallocated. A view reshape's result shares its input's buffer: it gets no interval of its
 * own and its uses / deallocation extend the input's.
 */
export function liveIntervalsOf(fn: TtnnFunction, device: Device): LiveInterval[] {
  // Plain loops: this runs over every op of every function on each edit.
  const ops = fn.ops;
  // A view reshape's result aliases its input's buffer: uses and deallocations of either act on the root value.
  const rootOf = new Map<string, string>();
  for (const op of ops) {
    const input = op.operandNames[0];
    const result = op.resultNames[0];
    if (input !== undefined && result !== undefined && isViewReshape(op))
      rootOf.set(result, rootOf.get(input) ?? input);
  }
  const anyViews = rootOf.size > 0;
  const root = (name: string): string => (anyViews ? (rootOf.get(name) ?? name) : name);
  const lastUse = new Map<string, number>();
  const dealloc = new Map<string, number>();
  const returned = new Set<string>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const operandNames = op.operandNames;
    for (let k = 0; k < operandNames.length; k++) lastUse.set(root(operandNames[k]!), i);
    if (op.name === 'ttnn.deallocate' && operandNames[0] !== undefined) {
      const r = root(operandNames[0]);
      dealloc.set(r, Math.max(dealloc.get(r) ?? i, i));
    }
    if (op.name === 'func.return') for (const name of operandNames) returned.add(root(name));
  }
  const last = Math.max(0, ops.length - 1);
  const out: LiveInterval[] = [];
  for (const arg of fn.args) {
    const bytes = l1Bytes(arg.spec, device);
    if (bytes > 0)
      out.push({
        valueName: arg.name,
        bytesPerCore: bytes,
        startIndex: 0,
        endIndex: dealloc.get(arg.name) ?? last,
        definedAt: -1,
      });
  }
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.name === 'ttnn.deallocate') continue;
    for (let r = 0; r < op.results.length; r++) {
      const name = op.resultNames[r];
      if (name === undefined || (anyViews && rootOf.has(name))) continue;
      const bytes = l1Bytes(op.results[r]!, device);
      if (bytes === 0) continue;
      const end = dealloc.get(name) ?? (returned.has(name) ? last : Math.max(i, lastUse.get(name) ?? i));
      out.push({ valueName: name, bytesPerCore: bytes, startIndex: i, endIndex: end, definedAt: i });
    }
  }
  return out;
}

/**
 * Whether `liveIntervalsOf` gives the same intervals for both functions (on one device): per op the same name, SSA
 * names, view-reshape status and L1 bytes of each result; the same arguments. Ops an in-place edit left alone are the
 * same objects, so the check is by identity for them and by value for edited ops.
 */
export function sameLivenessInputs(a: TtnnFunction, b: TtnnFunction, device: Device): boolean {
  if (a.ops.length !== b.ops.length || a.args.length !== b.args.length) return false;
  for (let i = 0; i < a.args.length; i++) {
    const x = a.args[i]!;
    const y = b.args[i]!;
    if (x.name !== y.name || (x.spec !== y.spec && l1Bytes(x.spec, device) !== l1Bytes(y.spec, device))) return false;
  }
  for (let i = 0; i < a.ops.length; i++) if (!sameLivenessOp(a.ops[i]!, b.ops[i]!, device)) return false;
  return true;
}

/** Whether two ops feed liveness the same: name, SSA names, view-reshape status and the L1 bytes of each result. */
export function sameLivenessOp(x: TtnnOp, y: TtnnOp, device: Device): boolean {
  if (
    x === y ||
    (x.operandNames === y.operandNames &&
      x.resultNames === y.resultNames &&
      x.operands === y.operands &&
      x.results === y.results &&
      x.name === y.name)
  )
    return true;
  if (
    x.name !== y.name ||
    !sameStrings(x.operandNames, y.operandNames) ||
    !sameStrings(x.resultNames, y.resultNames) ||
    x.results.length !== y.results.length
  )
    return false;
  for (let r = 0; r < x.results.length; r++)
    if (x.results[r] !== y.results[r] && l1Bytes(x.results[r]!, device) !== l1Bytes(y.results[r]!, device))
      return false;
  return !(x.name === 'ttnn.reshape' && isViewReshape(x) !== isViewReshape(y));
}

/** Per-op live L1 bytes by a sweep over interval starts/ends (O(ops + intervals)). */
export function liveBytesPerOp(nOps: number, intervals: readonly LiveInterval[]): number[] {
  const delta = new Array<number>(nOps + 1).fill(0);
  for (const iv of intervals) {
    delta[iv.startIndex] += iv.bytesPerCore;
    delta[Math.min(nOps, iv.endIndex + 1)] -= iv.bytesPerCore;
  }
  const out = new Array<number>(nOps).fill(0);
  let running = 0;
  for (let i = 0; i < nOps; i++) {
    running += delta[i];
    out[i] = running;
  }
  return out;
}

/** L1 tensors live during op `opIndex` (for hovers), largest first. */
export function liveTensorsAt(fa: FunctionAnalysis, opIndex: number): LiveInterval[] {
  return fa.liveIntervals
    .filter((iv) => iv.startIndex <= opIndex && opIndex <= iv.endIndex)
    .sort((a, b) => b.bytesPerCore - a.bytesPerCore);
}
