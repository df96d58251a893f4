/**
 * Op validation rules of tt-metal (the TT_FATALs in an op's `validate`) that do not belong to one estimator's CB
 * formula: the registry checks them before the estimator runs, so the `illegal` result reaches the hover, the
 * report and the fix solver alike (fixes/ never offers a placement an estimate calls illegal).
 *
 * Rules:
 *   unary-memory-layout: unary ops (relu, exp, tanh, ...) require input and output memory layouts to match
 *     (interleaved → sharded and sharded → interleaved throw) until tt-metal relaxed unary validation      [1][2]
 *     Worked example: tanh of 28672x32 bf16, L1 interleaved in → L1 height-sharded out: illegal (tt-mlir OpModel
 *     golden, TestOpModelLib.cpp@b73fc81 line 308, expected_legal false); height-sharded in → interleaved out:
 *     illegal (line 275).
 *
 *   binary-broadcast: binary_ng ops (add, multiply, …, gelu_bw) need every dim, aligned from the right, equal or 1 in a
 *     and b: "Broadcasting rule violation for rank i, dim a: …, dim b: …"                                        [3]
 *     Worked example: add of 64x1024 and 2048x2048 (golden TestOpModelLib.cpp@b73fc81:1929, expected_legal false).
 *   reduce-dim: reductions, argmax and accumulations over a dim outside [-rank, rank-1]: "Dimension out of range
 *     (expected to be in range of [-r, r-1], but got d)"                                                          [4]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate: "Unary
 *       operation requires Input and Output memory layout to match"; quoted in tt-metal PR #31386's review, 2025-11)
 *   [2] tt-metal issue #32376 (2025-11-13, "input and output memory layout match" listed as a constraint to relax);
 *       shared/reference/opmodel-golden-open.tsv rows TestOpModelLib.cpp@b73fc81:275 and :308 (tt-metal f4163c2)
 *   [3] tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp (broadcast check in
 *       validate / compute_broadcasted_output; search index id 411874650)
 *   [4] tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_device_operation.cpp (search index id
 *       57916683644); the generic reductions normalise dims the same way
 */

import type { TtnnOp, ValueSpec } from '../ttnn/op';
import { atOrAfter } from './changePoints';
import { BINARY_OPS, UNARY_OPS } from './ops/eltwise';
import type { EstimateContext, Illegal } from './types';
import { illegal } from './types';

const UNARY: ReadonlySet<string> = new Set(UNARY_OPS);
const BINARY: ReadonlySet<string> = new Set([...BINARY_OPS, 'ttnn.gelu_bw']);
const REDUCING: ReadonlySet<string> = new Set(['sum', 'mean', 'max', 'min', 'prod', 'argmax', 'cumsum', 'cumprod', 'moreh_cumsum'].map((n) => `ttnn.${n}`));
const BINARY_VALIDATE = 'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp (broadcast check; search index id 411874650)';
const REDUCE_DIM = 'tt-metal ttnn/cpp/ttnn/operations/reduction (dim normalisation; argmax_device_operation.cpp, search index id 57916683644)';

function knownDims(spec: ValueSpec | undefined): readonly number[] | undefined {
  return spec !== undefined && spec.kind === 'tensor' && spec.shape.kind === 'known' ? spec.shape.dims : undefined;
}

function intsOf(op: TtnnOp, name: string): readonly number[] | undefined {
  const p = op.properties[name];
  if (p === undefined) return undefined;
  if (p.kind === 'ints') return p.values;
  if (p.kind === 'int') return [p.value];
  return undefined;
}

const UNARY_VALIDATE = 'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate; tt-metal issue #32376)';

function memoryLayoutOf(spec: ValueSpec | undefined): string | undefined {
  if (spec === undefined || spec.kind !== 'tensor' || spec.layout.kind !== 'layout') return undefined;
  if (spec.layout.bufferType === 'system_memory') return undefined;
  return spec.layout.memoryLayout;
}

/** The rule of the build that rejects `op` as configured, or undefined when none applies (or its inputs are unknown). */
export function illegalConfiguration(op: TtnnOp, ctx: EstimateContext): Illegal | undefined {
  if (UNARY.has(op.name)) {
    const input = memoryLayoutOf(op.operands[0]);
    const output = memoryLayoutOf(op.results[0]);
    if (input === undefined || output === undefined || input === output) return undefined;
    if (atOrAfter(ctx, 'unary-mixed-memory-layouts')) return undefined;
    return illegal(op.name, `Unary operation requires Input and Output memory layout to match. Input layout: ${input}, Output layout: ${output}`, UNARY_VALIDATE);
  }
  if (BINARY.has(op.name)) {
    const a = knownDims(op.operands[0]);
    const b = knownDims(op.operands[1]);
    if (a === undefined || b === undefined) return undefined;
    for (let i = -1; i >= -Math.max(a.length, b.length); i--) {
      const x = a.length + i >= 0 ? a[a.length + i] : 1;
      const y = b.length + i >= 0 ? b[b.length + i] : 1;
      if (x !== y && x !== 1 && y !== 1) return illegal(op.name, `Broadcasting rule violation for rank ${i}, dim a: ${x}, dim b: ${y}`, BINARY_VALIDATE);
    }
    return undefined;
  }
  if (REDUCING.has(op.name)) {
    const input = knownDims(op.operands[0]);
    if (input === undefined) return undefined;
    const span = Math.max(input.length, 1);
    for (const d of intsOf(op, 'dim_arg') ?? intsOf(op, 'dim') ?? []) {
      if (d < -span || d >= span) return illegal(op.name, `Dimension out of range (expected to be in range of [${-span}, ${span - 1}], but got ${d})`, REDUCE_DIM);
    }
  }
  return undefined;
}
