/**
 * The shape of an analysis: per op its estimate, live L1 and overflow; per function its intervals, peak and index
 * lists; per module the overflows in execution order and the first failure. Plain data, no logic.
 */

import type { OpEstimateResult } from '../estimate/types';
import type { ChangePointId, TtMetalWindow } from '../estimate/changePoints';
import type { Device } from '../ttnn/device';
import type { TtnnFunction, TtnnModule, TtnnOp } from '../ttnn/op';
import type { ResolvedBuildWindow } from './buildWindow';
import type { L1SmallFailure } from './l1Small';

/**
 * How an op fails (or would):
 * - 'cbBeyondL1': CB region end > l1_size ("circular buffers ... grow to N B which is beyond max L1 size of M B");
 * - 'cbClashesWithL1Buffers': CB region end > lowest live L1 buffer ("clash with L1 buffers");
 * - 'l1BuffersExhausted': live L1 tensors alone exceed l1_size − base (allocator out of memory);
 * - 'overUsableCap': fits tt-metal's limits but exceeds usableL1Cap · (l1_size − base) (warning only);
 * - 'opIllegal': tt-metal's validation rejects the configuration (TT_FATAL) before any CB or output is allocated;
 * - 'l1SmallExhausted': a config tensor does not fit in the L1_SMALL region with those earlier programs keep there
 *   (l1Small.ts; `cbRegionEndBytes` is the L1_SMALL bytes per bank it would need, `limitBytes` the bank size).
 */
export type OverflowKind =
  'cbBeyondL1' | 'cbClashesWithL1Buffers' | 'l1BuffersExhausted' | 'overUsableCap' | 'opIllegal' | 'l1SmallExhausted';

export interface Overflow {
  readonly kind: OverflowKind;
  /** 'first': tt-metal throws here (first failing op in execution order); 'notReached': would also fail, not reached;
   *  'warning': over the usable-L1 cap only. */
  readonly status: 'first' | 'notReached' | 'warning';
  /** CB region end on the reported core (bytes), or live L1 for 'l1BuffersExhausted'; 0 for 'opIllegal'. */
  readonly cbRegionEndBytes: number;
  /** The limit crossed: l1_size, the lowest live L1 buffer address, or the capped budget; 0 for 'opIllegal'. */
  readonly limitBytes: number;
  readonly core: readonly [number, number];
  /** tt-metal-style message (what the runtime log would say). */
  readonly message: string;
  /** For 'l1BuffersExhausted' at one of the op's own intermediate tensors (a pool's resharded input or halo output):
   *  the allocation tt-metal refuses ("Not enough space to allocate N B L1 buffer"). */
  readonly failedAllocation?: FailedAllocation;
  /** For a CB overflow of a program the op runs before its own (the halo that writes one of its intermediates): that
   *  program, its CBs, and the L1 tensors allocated while it runs. Absent: the op's own program overflows. */
  readonly failedProgram?: FailedProgram;
  /** For 'l1SmallExhausted': the L1_SMALL buffer refused and the bank's bytes allocated before it. */
  readonly failedL1Small?: L1SmallFailure;
  /**
   * Present when the build window straddles a change point of the op's factory and the op overflows on some of its
   * builds but fits on others: then it is not a certain failure (status 'warning' unless an earlier op fails first).
   */
  readonly buildDependent?: BuildDependence;
}

/** An L1 tensor allocation that does not fit: what it is, its size and what was allocated before it (bytes per core). */
export interface FailedAllocation {
  readonly role: string;
  readonly bytesPerCore: number;
  readonly allocatedBeforeBytes: number;
  /** The L1 banks the buffer spans (a sharded buffer's cores, every bank for an interleaved one) and its whole size,
   *  tt-metal's "T B L1 buffer across K banks" (T = K · bytesPerCore for a sharded buffer). */
  readonly banks: number;
  readonly bufferBytes: number;
}

/** An earlier program of the op whose static CBs overflow (bytes per core). */
export interface FailedProgram {
  readonly name: string;
  readonly cbBytesPerCore: number;
  /** The intermediate the program writes, and the L1 tensor bytes live while it runs (its input and output included). */
  readonly writes: string;
  readonly liveL1BufferBytes: number;
}

/** The sub-windows of the build window an op fails in and fits in (estimate/registry.ts versionRange). */
export interface BuildDependence {
  readonly failsIn: readonly TtMetalWindow[];
  readonly fitsIn: readonly TtMetalWindow[];
  readonly changePoints: readonly ChangePointId[];
}

export interface OpAnalysis {
  /** Index in the function's op list. */
  readonly index: number;
  readonly op: TtnnOp;
  readonly estimate: OpEstimateResult;
  /** Worst-core CB bytes; null when the op is unmodeled. */
  readonly cbBytesPerCore: number | null;
  /** L1-resident tensors live during this op (its inputs and outputs included), bytes per core. */
  readonly liveL1TensorBytesPerCore: number;
  /** cbBytesPerCore + liveL1TensorBytesPerCore (CBs as 0 when unmodeled). */
  readonly peakL1BytesPerCore: number;
  readonly overflow: Overflow | undefined;
  /** Position in the module's execution order; undefined when the function is never reached from an entry. */
  readonly executionStep: number | undefined;
}

/** An L1-resident tensor and the op interval it is live over (inclusive). */
export interface LiveInterval {
  readonly valueName: string;
  readonly bytesPerCore: number;
  readonly startIndex: number;
  readonly endIndex: number;
  /** Index of the defining op, or -1 for a function argument. */
  readonly definedAt: number;
}

export interface FunctionAnalysis {
  readonly fn: TtnnFunction;
  /** One record per op of `fn.ops`, or none at all for a function not analysed (a declaration, a CPU-module function):
   *  index lists of `fn` (`opsWithSymbols`) index `fn.ops`, never this. */
  readonly ops: readonly OpAnalysis[];
  readonly liveIntervals: readonly LiveInterval[];
  /** Highest peakL1BytesPerCore and its op index; undefined for an empty function. */
  readonly peak: { readonly bytesPerCore: number; readonly opIndex: number } | undefined;
  readonly reached: boolean;
  /** Indices of the ops that overflow, ascending (so an edit's re-analysis need not look at every op). */
  readonly overflowingOps: readonly number[];
  /** Indices of the ops without an L1 model or with a result whose layout is unknown, ascending: what per-op
   *  diagnostics look at besides overflows. */
  readonly unmodeledOrUnknownLayoutOps: readonly number[];
}

export interface OverflowRef {
  readonly functionName: string;
  /** Index into ModuleAnalysis.functions (split files repeat function names). */
  readonly functionIndex: number;
  readonly opIndex: number;
  readonly overflow: Overflow;
}

export interface ModuleAnalysis {
  readonly device: Device;
  readonly ttMetal: ResolvedBuildWindow;
  readonly usableL1Cap: number;
  /** (l1_size − base) · usableL1Cap: bytes per core available to CBs and L1 tensors. */
  readonly limitBytesPerCore: number;
  readonly functions: readonly FunctionAnalysis[];
  /** Every overflow, in execution order (unreached functions last); the first 'first' is the run's failure. */
  readonly overflows: readonly OverflowRef[];
  readonly firstFailure: OverflowRef | undefined;
  /** Highest per-op peak over the module. */
  readonly peak:
    | {
        readonly functionName: string;
        readonly functionIndex: number;
        readonly opIndex: number;
        readonly bytesPerCore: number;
      }
    | undefined;
  readonly module: TtnnModule;
  /** The execution step of each op of each reached function (executionOrder.ts), reused by the next version's analysis. */
  readonly executionSteps: ReadonlyMap<TtnnFunction, Int32Array>;
}
