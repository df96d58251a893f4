/**
 * L1 tensor liveness of one function: which L1-resident tensors are live at each op, as intervals over op indices
 * (definition to last use or `ttnn.deallocate`; view reshapes alias their input), and the live bytes per op.
 */

import { isViewReshape } from '../estimate/ops/reshape';
import type { Device } from '../ttnn/device';
import { l1Footprint } from '../ttnn/layout';
import type { TtnnFunction, TtnnOp, ValueSpec } from '../ttnn/op';
import { NumberedNameIndex } from '../text/numberedNames';
import { sameStrings } from '../text/stringLists';
import type { FunctionAnalysis, LiveInterval } from './types';

/** L1 bytes per core of a value; 0 for anything not an L1-resident tensor of known shape and layout. */
export function l1Bytes(spec: ValueSpec, device: Device): number {
  if (spec.kind !== 'tensor' || spec.shape.kind !== 'known' || spec.layout.kind !== 'layout') return 0;
  return l1Footprint(spec.shape.dims, spec.layout, device)?.bytesPerCore ?? 0;
}

/**
 * Liveness of L1 tensors: results live from their op to their `ttnn.deallocate` or last use (the defining op only when
 * unused; to the end when returned, or named by a later run of loose ops: `liveOutNames`); arguments live from the
 * start to their deallocate, or the whole function (caller-owned) when never deallocated. A view reshape's result
 * shares its input's buffer: it gets no interval of its own and its uses / deallocation extend the input's.
 */
export function liveIntervalsOf(fn: TtnnFunction, device: Device): LiveInterval[] {
  // Plain loops over per-name slots: this runs over every op of every function on each edit; one map lookup per name
  // use, the rest in typed arrays.
  const ops = fn.ops;
  const names = SsaSlots.for(fn);
  const { lastUse, dealloc, returned, viewResult } = names;
  // A view reshape's result aliases its input's buffer: uses and deallocations of either act on the root value.
  const rootOf = names.root;
  let anyViews = false;
  // Indexed loops over op lists throughout: for-of made an iterator result per op (old garbage at 100k ops).
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const input = op.operandNames[0];
    const result = op.resultNames[0];
    if (input !== undefined && result !== undefined && isViewReshape(op)) {
      const slot = names.slotOf(result);
      rootOf[slot] = rootOf[names.slotOf(input)]!;
      viewResult[slot] = 1;
      anyViews = true;
    }
  }
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const operandNames = op.operandNames;
    for (let k = 0; k < operandNames.length; k++) lastUse[rootOf[names.slotOf(operandNames[k]!)]!] = i;
    if (op.name === 'ttnn.deallocate' && operandNames[0] !== undefined)
      dealloc[rootOf[names.slotOf(operandNames[0])]!] = i;
    if (op.name === 'func.return')
      for (let k = 0; k < operandNames.length; k++) returned[rootOf[names.slotOf(operandNames[k]!)]!] = 1;
  }
  for (const name of fn.liveOutNames ?? []) returned[rootOf[names.slotOf(name)]!] = 1;
  const last = Math.max(0, ops.length - 1);
  // Result specs are shared per type text (ttnn/fromSyntax.ts): each distinct one is sized once.
  const bytesBySpec = new Map<ValueSpec, number>();
  const resultBytes = (spec: ValueSpec): number => {
    let bytes = bytesBySpec.get(spec);
    if (bytes === undefined) bytesBySpec.set(spec, (bytes = l1Bytes(spec, device)));
    return bytes;
  };
  const out: LiveInterval[] = [];
  for (const arg of fn.args) {
    const bytes = l1Bytes(arg.spec, device);
    if (bytes > 0) {
      const freed = dealloc[names.slotOf(arg.name)]!;
      out.push({
        valueName: arg.name,
        bytesPerCore: bytes,
        startIndex: 0,
        endIndex: freed === NONE ? last : freed,
        definedAt: -1,
      });
    }
  }
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.name === 'ttnn.deallocate') continue;
    for (let r = 0; r < op.results.length; r++) {
      const name = op.resultNames[r];
      if (name === undefined) continue;
      const slot = names.slotOf(name);
      if (anyViews && viewResult[slot] === 1) continue;
      const bytes = resultBytes(op.results[r]!);
      if (bytes === 0) continue;
      const freed = dealloc[slot]!;
      const used = lastUse[slot]!;
      const end = freed !== NONE ? freed : returned[slot] === 1 ? last : Math.max(i, used === NONE ? i : used);
      out.push({ valueName: name, bytesPerCore: bytes, startIndex: i, endIndex: end, definedAt: i });
    }
  }
  return out;
}

// "No op" in the per-slot arrays.
const NONE = -1;

// Slots of the spare table SsaSlots reuses for functions that fit (72 KB kept; a larger function costs its own
// arrays little next to the liveness of its ops).
const SPARE_SLOTS = 1 << 12;
let spareSlots: SsaSlots | undefined;

/**
 * A slot per distinct SSA name of a function (arguments, results, operands), with what liveness records per value: its
 * last use and deallocation (op indices, NONE for none), whether it is returned, whether it is a view reshape's
 * result, and its root value's slot (itself unless a view). Slots are found by name in a NumberedNameIndex (a table
 * indexed by N for `%N`, most of a dump's names; a map for the rest).
 */
class SsaSlots {
  // Slots by name; a slot is the count of names seen before the name.
  private readonly byName: NumberedNameIndex;
  private count = 0;
  readonly lastUse: Int32Array;
  readonly dealloc: Int32Array;
  readonly returned: Uint8Array;
  readonly viewResult: Uint8Array;
  readonly root: Int32Array;

  private constructor(capacity: number) {
    this.lastUse = new Int32Array(capacity);
    this.dealloc = new Int32Array(capacity);
    this.returned = new Uint8Array(capacity);
    this.viewResult = new Uint8Array(capacity);
    this.root = new Int32Array(capacity);
    this.byName = new NumberedNameIndex(capacity);
  }

  /**
   * Empty slots for `fn`: the spare table when it is large enough (a real model has thousands of small functions: six
   * typed arrays each cost more than the liveness of their ops), else a table of its own. A table is in use only
   * during one `liveIntervalsOf` call, which returns no part of it.
   */
  static for(fn: TtnnFunction): SsaSlots {
    // At most one slot per name written.
    let capacity = fn.args.length;
    for (let i = 0; i < fn.ops.length; i++) capacity += fn.ops[i]!.operandNames.length + fn.ops[i]!.resultNames.length;
    const slots = capacity <= SPARE_SLOTS ? (spareSlots ??= new SsaSlots(SPARE_SLOTS)) : new SsaSlots(capacity);
    slots.reset(capacity);
    return slots;
  }

  private reset(capacity: number): void {
    this.count = 0;
    this.lastUse.fill(NONE, 0, capacity);
    this.dealloc.fill(NONE, 0, capacity);
    this.returned.fill(0, 0, capacity);
    this.viewResult.fill(0, 0, capacity);
    for (let i = 0; i < capacity; i++) this.root[i] = i;
    this.byName.clear(capacity);
  }

  slotOf(name: string): number {
    const slot = this.byName.getOrSet(name, this.count);
    if (slot === this.count) this.count++;
    return slot;
  }
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

/** Per-op live L1 bytes by a sweep over interval starts/ends (O(ops + intervals)), in one array: the deltas are summed
 *  in place (a 50k-op function's arrays outlive young-generation collections, so a second one was old garbage). */
export function liveBytesPerOp(nOps: number, intervals: readonly LiveInterval[]): number[] {
  const out = new Array<number>(nOps + 1).fill(0);
  for (let k = 0; k < intervals.length; k++) {
    const iv = intervals[k]!;
    out[iv.startIndex] += iv.bytesPerCore;
    out[Math.min(nOps, iv.endIndex + 1)] -= iv.bytesPerCore;
  }
  for (let i = 1; i < nOps; i++) out[i] += out[i - 1]!;
  out.length = nOps;
  return out;
}

/** L1 tensors live during op `opIndex` (for hovers), largest first. */
export function liveTensorsAt(fa: FunctionAnalysis, opIndex: number): LiveInterval[] {
  return fa.liveIntervals
    .filter((iv) => iv.startIndex <= opIndex && opIndex <= iv.endIndex)
    .sort((a, b) => b.bytesPerCore - a.bytesPerCore);
}
