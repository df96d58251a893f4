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
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate: "Unary
 *       operation requires Input and Output memory layout to match"; quoted in tt-metal PR #31386's review, 2025-11)
 *   [2] tt-metal issue #32376 (2025-11-13, "input and output memory layout match" listed as a constraint to relax);
 *       shared/reference/opmodel-golden-open.tsv rows TestOpModelLib.cpp@b73fc81:275 and :308 (tt-metal f4163c2)
 */

import type { TtnnOp, ValueSpec } from '../ttnn/op';
import { atOrAfter } from './changePoints';
import { UNARY_OPS } from './ops/eltwise';
import type { EstimateContext, Illegal } from './types';
import { illegal } from './types';

const UNARY: ReadonlySet<string> = new Set(UNARY_OPS);

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
  return undefined;
}
