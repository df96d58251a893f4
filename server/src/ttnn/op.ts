/**
 * TTNN ops and functions as plain data: what the estimators and the analysis consume. Produced only by
 * fromSyntax.ts (the one bridge from the syntax tree); estimators never see syntax nodes.
 */

import type { TextRange } from '../text/textRange';
import type { DataType } from './dtype';
import type { LayoutInfo } from './layout';
import type { DeviceMesh, SystemDescInfo } from './device';

/** Logical shape of a tensor, or why it has none we can compute with. */
export type ShapeInfo =
  | { readonly kind: 'known'; readonly dims: readonly number[] }
  | {
      readonly kind: 'unknown';
      /** 'model overflow' when the byte size exceeds 2^53 (never wrapped or rounded). */
      readonly reason: string;
      readonly overflow: boolean;
    };

export interface TensorSpec {
  readonly kind: 'tensor';
  readonly shape: ShapeInfo;
  /** The tensor's element type (`bf16`, or the bfp dtype of a `!ttcore.tile<32x32, bfp_bf8>` element). */
  readonly elementDtype: DataType | undefined;
  readonly layout: LayoutInfo;
  /** Alias name of the layout (`#ttnn_layout5`) or '' when inline / absent. */
  readonly layoutAlias: string;
}

/** A non-tensor value: `!ttnn.device`, scalars, ... */
export interface OtherValueSpec {
  readonly kind: 'other';
  readonly typeText: string;
}

export type ValueSpec = TensorSpec | OtherValueSpec;

/** An op property (`<{...}>`) or discardable attribute, simplified for estimators. */
export type PropValue =
  | { readonly kind: 'int'; readonly value: number; readonly text: string }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  /** `array<i64: 2, 0, 1>` or `[4 : i32, 4884480 : i32]`. */
  | { readonly kind: 'ints'; readonly values: readonly number[] }
  | { readonly kind: 'array'; readonly elements: readonly PropValue[] }
  | { readonly kind: 'dict'; readonly entries: Readonly<Record<string, PropValue>> }
  /**
   * `#dialect.name<body>` (aliases resolved): e.g. `#ttnn.layout<tile>` → name 'ttnn.layout', items ['tile'];
   * `#ttnn.conv3d_config<t_out_block = 1, ...>` → fields { t_out_block: '1', ... }. Texts are compact (no spaces);
   * items and fields are the body's top-level `,`-separated token lists printed one by one (ttnn/fromSyntax.ts).
   */
  | {
      readonly kind: 'dialect';
      readonly name: string;
      readonly text: string;
      readonly items: readonly string[];
      readonly fields: Readonly<Record<string, string>>;
      /** Only on `#ttnn.program` / `#ttnn.mesh_program_descriptor` (ttnn.generic's `program`): its CB descriptors. */
      readonly kernelCbs?: KernelCbPrograms;
    }
  | { readonly kind: 'other'; readonly text: string };

/** One `#ttnn.kernel_cb<...>` of a ttnn.generic program (tt-mlir TTNNOpsAttrs.td@19c86fc KernelCBAttr). */
export interface KernelCbDescriptor {
  /** `total_size`: the CB's bytes on each core of its ranges. */
  readonly totalSizeBytes: number;
  /** `core_ranges`: inclusive rectangles of (x, y) logical worker coordinates. */
  readonly coreRanges: readonly {
    readonly start: readonly [number, number];
    readonly end: readonly [number, number];
  }[];
  /** `formats`: the buffer indices (c_N) the CB serves, with their page sizes. */
  readonly formats: readonly { readonly bufferIndex: number; readonly dtype: string; readonly pageSizeBytes: number }[];
  /** `buffer = #ttnn.kernel_cb_global_buffer_address_of_tensor<i>`: the CB lives in operand i's buffer. */
  readonly globalBufferOperand: number | undefined;
}

/**
 * A ttnn.generic program attribute's CB descriptors, read from its syntax tree by the TTNN view: one list per program
 * it holds (a `#ttnn.mesh_program_descriptor` holds one per device range), or why they cannot be read.
 */
export type KernelCbPrograms = readonly (readonly KernelCbDescriptor[])[] | string;

export interface TtnnOp {
  /** Full op name, e.g. `ttnn.to_layout`. */
  readonly name: string;
  /** SSA names of the results (`%9`; `%0#1` for multi-result groups). */
  readonly resultNames: readonly string[];
  /** SSA names of the operands as written (`%8`, `%arg0`, `%0#2`). */
  readonly operandNames: readonly string[];
  readonly operands: readonly ValueSpec[];
  readonly results: readonly ValueSpec[];
  /** Inherent properties merged with discardable attributes (properties win). */
  readonly properties: Readonly<Record<string, PropValue>>;
  /** `@callee` symbols used (`ttcore.load_cached(@f, ...)`, `call @f`). */
  readonly symbolUses: readonly string[];
  readonly range: TextRange;
  readonly nameRange: TextRange;
  /** The Python source position (`file:line:col`) the op's `loc(...)` names, if any: diagnostics link to it. */
  readonly source: SourcePosition | undefined;
  /** The device mesh the op runs on, when the IR states one (device.ts `DeviceMesh`: its get_device operand's, its
   *  function's get_device's, or the module's ttcore.device's); absent: unknown. Shared between ops. */
  readonly mesh?: DeviceMesh;
}

/** A 1-based `file:line:col` as MLIR locations write it. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type FunctionRole = 'entry' | 'const_eval' | 'other';

export interface TtnnFunction {
  /** Symbol with `@`. */
  readonly name: string;
  /** Index of the `// -----` chunk it lives in: symbols resolve within a chunk (split files repeat `@main`). */
  readonly chunkIndex: number;
  readonly role: FunctionRole;
  /** No body (external declaration). */
  readonly isDeclaration: boolean;
  /** Inside `ttcore.cpu_module` / `tt.cpu_module` (host code, no device L1). */
  readonly inCpuModule: boolean;
  readonly args: readonly { readonly name: string; readonly spec: ValueSpec }[];
  /** Top-level ops of the body in source order (`func.return` included). */
  readonly ops: readonly TtnnOp[];
  /** Indices of the ops that use symbols (calls, `load_cached`, trace ops naming callees), ascending: the only ops that
   *  shape the execution order, so its walk need not visit every op. */
  readonly opsWithSymbols: readonly number[];
  /** A run of loose ops' (TOP_LEVEL_OPS_FUNCTION): its results that a later run of the chunk names. They outlive the
   *  run, so they stay live to its end, as a function's returned values do (analysis/liveness.ts). */
  readonly liveOutNames?: readonly string[];
  readonly range: TextRange;
  readonly nameRange: TextRange;
}

/** The name of the entry function the TTNN view makes of a chunk's device ops outside any function (pasted runtime-log
 *  op lines): no symbol can spell it. */
export const TOP_LEVEL_OPS_FUNCTION = '@(ops outside any function)';

export interface TtnnModule {
  readonly functions: readonly TtnnFunction[];
  /** Chip 0 of the first `ttcore.system_desc` / `tt.system_desc` module attribute. */
  readonly systemDesc: SystemDescInfo | undefined;
  /** Module attribute `ttnn.tensor_l1_usage_cap`, if present. */
  readonly tensorL1UsageCap: number | undefined;
}

/**
 * `op` with `changes` as a plain TtnnOp, for ops made from another (an estimator's steps, a fix's trial): a spread
 * (`{ ...op }`) would drop `range` and `nameRange`, which are getters on the ops of a parse that is not editable
 * (fromSyntax's `SettledTtnnOp`).
 */
export function opWith(op: TtnnOp, changes: Partial<TtnnOp>): TtnnOp {
  return {
    name: op.name,
    resultNames: op.resultNames,
    operandNames: op.operandNames,
    operands: op.operands,
    results: op.results,
    properties: op.properties,
    symbolUses: op.symbolUses,
    range: op.range,
    nameRange: op.nameRange,
    source: op.source,
    ...(op.mesh === undefined ? {} : { mesh: op.mesh }),
    ...changes,
  };
}

export function isTensor(spec: ValueSpec | undefined): spec is TensorSpec {
  return spec !== undefined && spec.kind === 'tensor';
}
