/**
 * Configurations tt-metal rejects before it allocates anything (a TT_FATAL in the device operation's validation), kept
 * apart from the CB formulas: each rule names the ops it applies to, is worded like tt-metal's message and cites the
 * validate function it follows. The registry checks them before it runs an op's estimator, per build sub-window (so a
 * rule may branch on change points with `atOrAfter`, like an estimator).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp@019b681
 *       (UnaryDeviceOperation::validate_on_program_cache_miss: "Unary operation requires input to be on Device")
 */

import type { TtnnOp } from '../ttnn/op';
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
} as const;

export const LEGALITY_RULES: readonly LegalityRule[] = [
  {
    // A unary device op reads its input from device memory; a host (system memory) tensor has no device buffer.
    ops: UNARY_OPS,
    check: (op) => {
      const input = op.operands[0];
      if (input?.kind !== 'tensor' || input.layout.kind !== 'layout' || input.layout.bufferType !== 'system_memory') return undefined;
      return illegal(op.name, 'Unary operation requires input to be on Device (the input is a host tensor in system memory)', CITES.unaryValidate);
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
