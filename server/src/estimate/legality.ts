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
 *     sharded → interleaved throw) until the op runs unary_ng, whose validate does not ask it (change point
 *     `unary-ng-first-ops` for the ops PR #40294 moved, `unary-mixed-memory-layouts` for the rest)          [2][3]
 *     Worked example: tanh of 28672x32 bf16, L1 interleaved in → L1 height-sharded out: illegal (tt-mlir OpModel
 *     golden, TestOpModelLib.cpp@b73fc81 line 308, expected_legal false); height-sharded in → interleaved out:
 *     illegal (line 275).
 *   binary-broadcast: binary_ng ops (add, multiply, …, gelu_bw) need every dim, aligned from the right, equal or 1 in
 *     a and b: "Broadcasting rule violation for rank i, dim a: …, dim b: …"                                      [4]
 *     Worked example: add of 64x1024 and 2048x2048 (golden TestOpModelLib.cpp@b73fc81:1929, expected_legal false).
 *   reduce-dim: reductions, argmax and accumulations over a dim outside [-rank, rank-1]: "Dimension out of range
 *     (expected to be in range of [-r, r-1], but got d)"                                                         [5]
 *   reduce-result-shape: sum, mean, max and min whose result shape is not the input's with the dim_arg dims dropped
 *     (or kept as 1 with keep_dim; no dim_arg reduces every dim): tt-mlir's verifier rejects the IR ("Expected output
 *     shape (...), got (...)"), so no program runs: unmodeled, naming the verifier, not a figure                  [6]
 *     Worked example: sum over dim_arg [1] of 4x64x128, keep_dim false: expected (4, 128); a 4x1x128 result is
 *     rejected, a 4x128 one is not.
 *
 *   dropout-validate: ttnn::experimental::dropout's validate: the output dtype must equal the input's, input and output
 *     memory layouts must match, and a non-sharded input must be TILE and INTERLEAVED                             [7]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp@019b681
 *       (UnaryDeviceOperation::validate_on_program_cache_miss: "Unary operation requires input to be on Device")
 *   [2] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate: "Unary
 *       operation requires Input and Output memory layout to match"; quoted in tt-metal PR #31386's review, 2025-11)
 *   [3] tt-metal issue #32376 (2025-11-13, "input and output memory layout match" listed as a constraint to relax);
 *       shared/reference/opmodel-golden-open.tsv rows TestOpModelLib.cpp@b73fc81:275 and :308 (tt-metal f4163c2)
 *   [4] tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp (broadcast check in
 *       validate / compute_broadcasted_output)
 *   [5] tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_device_operation.cpp; the generic reductions
 *       normalise dims the same way
 *   [6] tt-mlir lib/Dialect/TTNN/IR/TTNNOps.cpp@19c86fc (verifyReduceOp, used by MaxOp / MeanOp / SumOp / MinOp::verify)
 *   [7] tt-metal ttnn/cpp/ttnn/operations/experimental/dropout/device/dropout_device_operation.cpp@005723d
 *       (DropoutDeviceOperation::validate_on_program_cache_miss)
 *
 * A rule for a tt-mlir verifier error returns `unmodeled` (the IR never reaches tt-metal), as the registry does for a
 * rejected result layout; the others return `illegal` with tt-metal's message.
 */

import type { TtnnOp, ValueSpec } from '../ttnn/op';
import { BINARY_OPS, UNARY_OPS, unaryRunsNg } from './ops/eltwise';
import type { EstimateContext, Illegal, Unmodeled } from './types';
import { illegal, unmodeled } from './types';

export interface LegalityRule {
  /** Op names the rule applies to. */
  readonly ops: readonly string[];
  /** The rejection (unmodeled for a tt-mlir verifier error), or undefined when the op passes this rule. */
  readonly check: (op: TtnnOp, ctx: EstimateContext) => Illegal | Unmodeled | undefined;
}

const CITES = {
  unaryValidate:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp@019b681 (validate_on_program_cache_miss)',
  unaryLayouts:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_device_operation.cpp (validate; tt-metal issue #32376)',
  binaryBroadcast:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp (broadcast check)',
  reduceDim:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/argmax/device/argmax_device_operation.cpp (dim normalisation)',
  dropoutValidate:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/dropout/device/dropout_device_operation.cpp@005723d (validate_on_program_cache_miss)',
} as const;

const REDUCING_OPS: readonly string[] = [
  'sum',
  'mean',
  'max',
  'min',
  'prod',
  'argmax',
  'cumsum',
  'cumprod',
  'moreh_cumsum',
].map((n) => `ttnn.${n}`);

/** The reductions whose tt-mlir verifier checks the result shape (verifyReduceOp) [6]. */
const SHAPE_VERIFIED_REDUCTIONS: readonly string[] = ['sum', 'mean', 'max', 'min'].map((n) => `ttnn.${n}`);

function memoryLayoutOf(spec: ValueSpec | undefined): string | undefined {
  if (spec === undefined || spec.kind !== 'tensor' || spec.layout.kind !== 'layout') return undefined;
  if (spec.layout.bufferType === 'system_memory') return undefined;
  return spec.layout.memoryLayout;
}

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

/** tt-metal's DataType enum order (the integers its dropout messages print) for the dtypes tt-mlir emits. */
const METAL_DTYPE_NUMBER: Readonly<Record<string, number>> = {
  bf16: 0,
  f32: 1,
  u32: 2,
  bfp_bf8: 3,
  bfp_bf4: 4,
  u8: 5,
  u16: 6,
  si32: 7,
};

/** tt-metal's TensorMemoryLayout enum order, as its dropout messages print it. */
const METAL_MEMORY_LAYOUT_NUMBER: Readonly<Record<string, number>> = {
  interleaved: 0,
  height_sharded: 2,
  width_sharded: 3,
  block_sharded: 4,
};

function dropoutRejection(op: TtnnOp): Illegal | undefined {
  const input = op.operands[0];
  const output = op.results[0];
  if (input?.kind !== 'tensor' || input.layout.kind !== 'layout') return undefined;
  if (output?.kind !== 'tensor' || output.layout.kind !== 'layout') return undefined;
  const number = (table: Readonly<Record<string, number>>, key: string | undefined): string =>
    key === undefined ? '?' : table[key] === undefined ? key : `${table[key]} (${key})`;
  if (input.layout.dtype !== output.layout.dtype)
    return illegal(
      op.name,
      `Dropout operation requires input and output data types to match. Input data type: ${number(METAL_DTYPE_NUMBER, input.layout.dtype)}, Output data type: ${number(METAL_DTYPE_NUMBER, output.layout.dtype)}`,
      CITES.dropoutValidate,
    );
  if (input.layout.bufferType === 'system_memory')
    return illegal(
      op.name,
      'Dropout operation requires input to be on Device (the input is a host tensor in system memory)',
      CITES.dropoutValidate,
    );
  const inLayout = memoryLayoutOf(input);
  const outLayout = memoryLayoutOf(output);
  if (inLayout !== undefined && outLayout !== undefined && inLayout !== outLayout)
    return illegal(
      op.name,
      `Dropout operation requires Input and Output memory layout to match. Input layout: ${number(METAL_MEMORY_LAYOUT_NUMBER, inLayout)}, Output layout: ${number(METAL_MEMORY_LAYOUT_NUMBER, outLayout)}`,
      CITES.dropoutValidate,
    );
  const sharded = inLayout !== undefined && inLayout !== 'interleaved';
  if (!sharded && input.layout.pageLayout !== 'tile')
    return illegal(
      op.name,
      'Dropout operation requires tensor to be in Tile layout when working with non-sharded input tensor. Input tensor layout: 0 (ROW_MAJOR)',
      CITES.dropoutValidate,
    );
  return undefined;
}

export const LEGALITY_RULES: readonly LegalityRule[] = [
  { ops: ['ttnn.dropout'], check: (op) => dropoutRejection(op) },
  {
    ops: UNARY_OPS,
    check: (op) => {
      const input = op.operands[0];
      if (input?.kind !== 'tensor' || input.layout.kind !== 'layout' || input.layout.bufferType !== 'system_memory')
        return undefined;
      return illegal(
        op.name,
        'Unary operation requires input to be on Device (the input is a host tensor in system memory)',
        CITES.unaryValidate,
      );
    },
  },
  {
    ops: UNARY_OPS,
    check: (op, ctx) => {
      const input = memoryLayoutOf(op.operands[0]);
      const output = memoryLayoutOf(op.results[0]);
      if (input === undefined || output === undefined || input === output) return undefined;
      if (unaryRunsNg(op.name, ctx)) return undefined;
      return illegal(
        op.name,
        `Unary operation requires Input and Output memory layout to match. Input layout: ${input}, Output layout: ${output}`,
        CITES.unaryLayouts,
      );
    },
  },
  {
    ops: [...BINARY_OPS, 'ttnn.gelu_bw'],
    check: (op) => {
      const a = knownDims(op.operands[0]);
      const b = knownDims(op.operands[1]);
      if (a === undefined || b === undefined) return undefined;
      for (let i = -1; i >= -Math.max(a.length, b.length); i--) {
        const x = a.length + i >= 0 ? a[a.length + i] : 1;
        const y = b.length + i >= 0 ? b[b.length + i] : 1;
        if (x !== y && x !== 1 && y !== 1)
          return illegal(
            op.name,
            `Broadcasting rule violation for rank ${i}, dim a: ${x}, dim b: ${y}`,
            CITES.binaryBroadcast,
          );
      }
      return undefined;
    },
  },
  {
    ops: REDUCING_OPS,
    check: (op) => {
      const input = knownDims(op.operands[0]);
      if (input === undefined) return undefined;
      const span = Math.max(input.length, 1);
      for (const d of intsOf(op, 'dim_arg') ?? intsOf(op, 'dim') ?? []) {
        if (d < -span || d >= span)
          return illegal(
            op.name,
            `Dimension out of range (expected to be in range of [${-span}, ${span - 1}], but got ${d})`,
            CITES.reduceDim,
          );
      }
      return undefined;
    },
  },
  {
    ops: SHAPE_VERIFIED_REDUCTIONS,
    check: (op) => {
      // Old destination-passing dumps (an output operand after the input, e.g. the explorer's resnet_ttnn.mlir: mean
      // with no dim_arg into 1x1x1x2048) predate this verifier and read dim_arg differently: not judged here.
      if (op.operands.length !== 1) return undefined;
      const input = knownDims(op.operands[0]);
      const result = knownDims(op.results[0]);
      if (input === undefined || result === undefined) return undefined;
      const rank = input.length;
      const dims = intsOf(op, 'dim_arg');
      // The reduce-dim rule above has rejected out-of-range dims; no dim_arg reduces every dim.
      const reduced = new Set((dims ?? input.map((_, i) => i)).map((d) => (d < 0 ? d + rank : d)));
      const p = op.properties['keep_dim'];
      const keepDim = p?.kind === 'bool' && p.value;
      const expected = input.flatMap((extent, i) => (!reduced.has(i) ? [extent] : keepDim ? [1] : []));
      if (expected.length === result.length && expected.every((e, i) => e === result[i])) return undefined;
      return unmodeled(
        op.name,
        `tt-mlir's verifier rejects this op (TTNNOps.cpp@19c86fc verifyReduceOp): Expected output shape (${expected.join(', ')}), got (${result.join(', ')})`,
      );
    },
  },
];

const RULES_BY_OP: ReadonlyMap<string, readonly LegalityRule[]> = (() => {
  const m = new Map<string, LegalityRule[]>();
  for (const rule of LEGALITY_RULES) for (const name of rule.ops) m.set(name, [...(m.get(name) ?? []), rule]);
  return m;
})();

/** The first rule `op` breaks on the context's builds, or undefined when tt-metal accepts it as far as we know. */
export function legalityOf(op: TtnnOp, ctx: EstimateContext): Illegal | Unmodeled | undefined {
  for (const rule of RULES_BY_OP.get(op.name) ?? []) {
    const rejected = rule.check(op, ctx);
    if (rejected !== undefined) return rejected;
  }
  return undefined;
}
