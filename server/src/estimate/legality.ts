/**
 * Configurations tt-metal rejects before it allocates anything (a TT_FATAL in the device operation's validation), kept
 * apart from the CB formulas: each rule names the ops it applies to, is worded like tt-metal's message and cites the
 * validate function it follows. The registry checks them before it runs an op's estimator, per build sub-window (a rule
 * may branch on change points with `atOrAfter`, like an estimator), so the `illegal` result reaches the hover, the
 * report, the `op-illegal` diagnostic and the fix solver alike (fixes/ never offers a placement an estimate calls
 * illegal).
 *
 * Rules:
 *   unary-on-host: a unary device op reads its input from device memory; a host tensor has none             [1]
 *   unary-memory-layout: unary ops require input and output memory layouts to match (interleaved → sharded and
 *     sharded → interleaved throw) until tt-metal relaxed unary validation (change point
 *     `unary-mixed-memory-layouts`)                                                                         [2][3]
 *     Worked example: tanh of 28672x32 bf16, L1 interleaved in → L1 height-sharded out: illegal (tt-mlir OpModel
 *     golden, TestOpModelLib.cpp@b73fc81 line 308, expected_legal false); height-sharded in → interleaved out:
 *     illegal (line 275).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp@019b681
 *       (UnaryDeviceOperation::validate_on_program_cache_miss: "Unary operation requires input to be on Device")
 *   [2] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate: "Unary
 *       operation requires Input and Output memory layout to match"; quoted in tt-metal PR #31386's review, 2025-11)
 *   [3] tt-metal issue #32376 (2025-11-13, "input and output memory layout match" listed as a constraint to relax);
 *       shared/reference/opmodel-golden-open.tsv rows TestOpModelLib.cpp@b73fc81:275 and :308 (tt-metal f4163c2)
 */

import type { TtnnOp, ValueSpec } from '../ttnn/op';
import { atOrAfter } from './changePoints';
import { UNARY_OPS } from './ops/eltwise';
import type { EstimateContext, Illegal } from './types';
import { illegal } from './types';

export interface LegalityRule {
  /** Op names the rule applies to. */
  readonly ops: readonly string[];
  /** The rejection, or undefined when the op passes this rule. */
  readonly check: (op: TtnnOp, ctx: EstimateContext) => Illegal | undefined;
}

const CITES = {
  unaryValidate: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp@019b681 (validate_on_program_cache_miss)',
  unaryLayouts: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate; tt-metal issue #32376)',
} as const;

function memoryLayoutOf(spec: ValueSpec | undefined): string | undefined {
  if (spec === undefined || spec.kind !== 'tensor' || spec.layout.kind !== 'layout') return undefined;
  if (spec.layout.bufferType === 'system_memory') return undefined;
  return spec.layout.memoryLayout;
}

export const LEGALITY_RULES: readonly LegalityRule[] = [
  {
    ops: UNARY_OPS,
    check: (op) => {
      const input = op.operands[0];
      if (input?.kind !== 'tensor' || input.layout.kind !== 'layout' || input.layout.bufferType !== 'system_memory') return undefined;
      return illegal(op.name, 'Unary operation requires input to be on Device (the input is a host tensor in system memory)', CITES.unaryValidate);
    },
  },
  {
    ops: UNARY_OPS,
    check: (op, ctx) => {
      const input = memoryLayoutOf(op.operands[0]);
      const output = memoryLayoutOf(op.results[0]);
      if (input === undefined || output === undefined || input === output) return undefined;
      if (atOrAfter(ctx, 'unary-mixed-memory-layouts')) return undefined;
      return illegal(op.name, `Unary operation requires Input and Output memory layout to match. Input layout: ${input}, Output layout: ${output}`, CITES.unaryLayouts);
    },
  },
];

const RULES_BY_OP: ReadonlyMap<string, readonly LegalityRule[]> = (() => {
  const m = new Map<string, LegalityRule[]>();
  for (const rule of LEGALITY_RULES) for (const name of rule.ops) m.set(name, [...(m.get(name) ?? []), rule]);
  return m;
})();

/** The first rule `op` breaks on the context's builds, or undefined when tt-metal accepts it as far as we know. */
export function legalityOf(op: TtnnOp, ctx: EstimateContext): Illegal | undefined {
  for (const rule of RULES_BY_OP.get(op.name) ?? []) {
    const rejected = rule.check(op, ctx);
    if (rejected !== undefined) return rejected;
  }
  return undefined;
}
