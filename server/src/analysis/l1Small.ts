/**
 * The L1_SMALL region: the sliding-window config tensors conv2d, conv_transpose2d and their halos allocate there
 * (OpEstimate.l1SmallBuffers, made by the estimators), in execution order, against the region's bank size
 * (`Device.l1SmallSizeBytes`: the `l1_small_size` the device was opened with).
 *
 * Rule: the L1_SMALL bank manager allocates each buffer at one address in every bank (lockstep), bytes per bank rounded
 * to the L1 alignment (tt-metal tt_metal/impl/allocator/allocator.cpp@622c6fb calculate_bank_size_spread). A cached
 * program keeps the buffers its factory allocated (the halo's config tensors parked on its workload, the conv's reader
 * indices), so with the program cache on the region fills with every distinct such program of the run and frees
 * nothing: an op that is the same programs as an earlier one allocates nothing again. The cache is on from change points
 * program-cache-default-on (tt-metal's default) and tt-xla-program-cache-default-on (tt-mlir's runtime sets the cache
 * itself, off until then). tt-metal's program cache
 * tells programs apart by the device op's attributes and its tensors' specs (device_operation.hpp compute_program_hash:
 * the attributes and tensor args hashed), so an op is a program met before when its name, its operand and result specs
 * (shape, dtype, layout; not the layout's alias name), its attributes and its L1_SMALL buffers are an earlier op's
 * (`programKey`). conv2d.cpp's host-side steps (`deallocate_activation`, `reallocate_halo_output`: a deallocate or a
 * move around the programs) are left out of the attributes: they reach no device op. Two ops with one estimate are not
 * one program for that (the estimate cache shares equal estimates: a conv of 60 input channels and one of 64 pad to the
 * same tiles and have one estimate, but two halo and conv programs, each with its config tensors). Before both change
 * points the buffers go with the program after the op (no cache): each op has the whole bank. An allocation past the bank is tt-metal's allocator
 * error, worded as bank_manager.cpp words it in the analysis's newest build (change points allocator-oom-bank-size,
 * allocator-oom-stats): "Out of Memory: Not enough space to allocate T B L1_SMALL buffer across K banks, where each bank
 * needs to store N B[, but bank size is only M B | , but bank size is M B (allocated: A B, free: F B, largest free block:
 * L B)]", T = K · N (the buffer's aligned size), the statistics those of the bank before the allocation (nothing is
 * ever freed, so the free space is one block).
 *
 * Order within an op (conv2d.cpp, halo_device_operation.cpp): validation, the resharded input and the halo output (L1),
 * the halo's config tensors (L1_SMALL) when its program is made, the halo's CB check when it is enqueued, then the conv's
 * reader indices (L1_SMALL) and its CB check. So an L1_SMALL failure replaces a CB failure of the op, except the halo
 * program's when the failing buffer is the conv's reader indices; a rejected configuration or an L1 allocation failure
 * comes first and stays.
 */

import { windowAtOrAfter, type TtMetalWindow } from '../estimate/changePoints';
import { allocatorOomMessage, allocatorOomWording } from './allocatorMessage';
import type { L1SmallBuffer, OpEstimate } from '../estimate/types';
import type { Device } from '../ttnn/device';
import type { PropValue, TtnnOp, ValueSpec } from '../ttnn/op';
import { propKey } from './estimateCache';
import type { SharedStrings } from './flatStrings';
import type { FunctionAnalysis, OpAnalysis, Overflow } from './types';

/** What an L1_SMALL overflow names: the buffer refused, and the bank's bytes in use before it. */
export interface L1SmallFailure {
  readonly buffer: L1SmallBuffer;
  readonly allocatedBeforeBytes: number;
  readonly bankBytes: number;
}

/** tt-metal's allocator message for `f` as the builds of `window` word it (its newest build). */
export function l1SmallMessage(f: L1SmallFailure, window: TtMetalWindow): string {
  const { buffer, allocatedBeforeBytes, bankBytes } = f;
  return allocatorOomMessage(
    { bufferType: 'L1_SMALL', banks: buffer.banks, bytesPerBank: buffer.bytesPerBank, bankBytes, allocatedBeforeBytes },
    allocatorOomWording(window),
  );
}

/**
 * The first L1_SMALL buffer of `buffers` that does not fit with `heldBytes` per bank already allocated, or the bytes per
 * bank held after all of them.
 */
export function allocateL1Small(
  buffers: readonly L1SmallBuffer[],
  heldBytes: number,
  bankBytes: number,
): L1SmallFailure | number {
  let used = heldBytes;
  for (const buffer of buffers) {
    if (used + buffer.bytesPerBank > bankBytes) return { buffer, allocatedBeforeBytes: used, bankBytes };
    used += buffer.bytesPerBank;
  }
  return used;
}

/**
 * The functions with each op's L1_SMALL failure set, in execution order (see the header). Returns `functions` itself
 * when no op has an L1_SMALL buffer and none carries an earlier analysis's L1_SMALL failure. `baseOverflow` gives an op's
 * overflow without L1_SMALL (for a record kept from an earlier analysis whose L1_SMALL verdict no longer holds).
 */
export function withL1SmallOverflows(
  functions: readonly FunctionAnalysis[],
  device: Device,
  window: TtMetalWindow,
  baseOverflow: (op: OpAnalysis) => Overflow | undefined,
  strings: SharedStrings,
): readonly FunctionAnalysis[] {
  const pending: { step: number; functionIndex: number; opIndex: number }[] = [];
  const stale: { functionIndex: number; opIndex: number }[] = [];
  for (let fi = 0; fi < functions.length; fi++) {
    const ops = functions[fi]!.ops;
    for (let i = 0; i < ops.length; i++) {
      const opA = ops[i]!;
      if (opA.overflow?.kind === 'l1SmallExhausted') stale.push({ functionIndex: fi, opIndex: i });
      const est = opA.estimate;
      if (est.kind === 'estimate' && est.l1SmallBuffers !== undefined && opA.executionStep !== undefined)
        pending.push({ step: opA.executionStep, functionIndex: fi, opIndex: i });
    }
  }
  if (pending.length === 0 && stale.length === 0) return functions;
  const out = functions.slice();
  const copied = new Set<number>();
  const setOverflow = (fi: number, oi: number, overflow: Overflow | undefined): void => {
    if (!copied.has(fi)) {
      copied.add(fi);
      out[fi] = { ...out[fi]!, ops: out[fi]!.ops.slice() };
    }
    const ops = out[fi]!.ops as OpAnalysis[];
    ops[oi] = { ...ops[oi]!, overflow };
  };
  for (const s of stale) setOverflow(s.functionIndex, s.opIndex, baseOverflow(out[s.functionIndex]!.ops[s.opIndex]!));
  pending.sort((a, b) => a.step - b.step);
  const persistent =
    windowAtOrAfter(window, 'program-cache-default-on') && windowAtOrAfter(window, 'tt-xla-program-cache-default-on');
  const bank = device.l1SmallSizeBytes;
  const cached = new Set<string>();
  let held = 0;
  for (const p of pending) {
    const opA = out[p.functionIndex]!.ops[p.opIndex]!;
    const est = opA.estimate as OpEstimate;
    const key = persistent ? programKey(opA.op, est.l1SmallBuffers!) : '';
    if (persistent && cached.has(key)) continue;
    const got = allocateL1Small(est.l1SmallBuffers!, persistent ? held : 0, bank);
    if (typeof got === 'number') {
      if (persistent) {
        held = got;
        cached.add(key);
      }
      continue;
    }
    if (!replacesOverflow(opA.overflow, got.buffer)) continue;
    setOverflow(p.functionIndex, p.opIndex, {
      kind: 'l1SmallExhausted',
      status: 'notReached',
      cbRegionEndBytes: got.allocatedBeforeBytes + got.buffer.bytesPerBank,
      limitBytes: bank,
      core: [0, 0],
      message: strings.intern(l1SmallMessage(got, window)),
      failedL1Small: got,
    });
  }
  if (copied.size === 0) return out;
  for (const fi of copied) {
    const fa = out[fi]!;
    const overflowingOps: number[] = [];
    for (let i = 0; i < fa.ops.length; i++) if (fa.ops[i]!.overflow !== undefined) overflowingOps.push(i);
    out[fi] = { ...fa, overflowingOps };
  }
  return out;
}

// conv2d_config fields conv2d.cpp acts on around the device ops (a deallocate, a move), never passed to one.
const HOST_SIDE_CONV_FIELDS = ['deallocate_activation=', 'reallocate_halo_output='];

/**
 * What tells `op`'s cached programs from another op's (see the header): its name, operand and result specs without the
 * layout alias, its attributes but conv2d.cpp's host-side fields, and its L1_SMALL buffers. Built only for the ops that
 * have L1_SMALL buffers (a few convs and pools per model).
 */
export function programKey(op: TtnnOp, buffers: readonly L1SmallBuffer[]): string {
  let key = op.name;
  for (const spec of op.operands) key += `|${specKey(spec)}`;
  key += '->';
  for (const spec of op.results) key += `|${specKey(spec)}`;
  for (const name in op.properties) key += `;${name}=${deviceAttributeKey(op.properties[name]!)}`;
  for (const b of buffers) key += `#${b.role}:${b.bytesPerBank}x${b.banks}`;
  return key;
}

function specKey(spec: ValueSpec): string {
  if (spec.kind !== 'tensor') return spec.typeText;
  return JSON.stringify([spec.shape, spec.elementDtype, spec.layout]);
}

function deviceAttributeKey(p: PropValue): string {
  if (p.kind !== 'dialect' || p.name !== 'ttnn.conv2d_config') return propKey(p);
  return `{${p.items.filter((item) => !HOST_SIDE_CONV_FIELDS.some((f) => item.startsWith(f))).join(',')}}`;
}

/** Whether tt-metal meets the L1_SMALL failure at `buffer` before the op's own overflow (see the header). */
function replacesOverflow(overflow: Overflow | undefined, buffer: L1SmallBuffer): boolean {
  if (overflow === undefined) return true;
  switch (overflow.kind) {
    case 'opIllegal':
    case 'l1BuffersExhausted':
    case 'l1SmallExhausted':
      return false;
    case 'overUsableCap':
      return true;
    case 'cbBeyondL1':
    case 'cbClashesWithL1Buffers':
      // The halo's CB check runs before the conv program allocates its reader indices.
      return !(overflow.failedProgram !== undefined && !buffer.role.startsWith('halo '));
  }
}
