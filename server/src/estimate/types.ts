/**
 * Result types of the per-op L1 estimators: plain data, one discriminated union on `kind`.
 * An estimate mirrors what tt-metal's program factory allocates; an Unmodeled result never carries a number.
 */

import type { Device } from '../ttnn/device';
import type { ChangePointId, TtMetalWindow } from './changePoints';

/** The tt-metal builds an estimate is for (see changePoints.ts). */
export interface TtMetalBuild {
  readonly window: TtMetalWindow;
  /** Filled by `atOrAfter` with the change points the window straddles that an estimator asked about. */
  readonly straddled?: Set<ChangePointId>;
}

export interface EstimateContext {
  readonly device: Device;
  readonly ttMetal: TtMetalBuild;
  /**
   * Bytes per core already held by live L1 tensors when the op runs. tt-metal's `get_max_l1_space` measures free L1
   * up to the lowest occupied L1 address, so this shrinks factory limits (tilize/untilize block sizes).
   */
  readonly liveL1BytesPerCore?: number;
  /**
   * When present, `read` is set once an estimator reads `liveL1BytesPerCore` (estimators read it only through
   * common.ts's `liveL1Of`). Estimators are pure functions of their op and context, so a result made without reading it
   * is the result at every free-L1 figure: the analysis's memo keeps such a result once (analysis/estimateCache.ts).
   */
  readonly liveL1Read?: { read: boolean };
}

/** A record made fresh, written in place before anything else reads it (an estimate built field by field; the
 *  analysis's texts interned into a new estimate). */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

export type CoreXY = readonly [number, number];

/** A tt-metal CoreRange, its inclusive corners [start, end] (x = column, y = row). */
export type CoreRangeXY = readonly [CoreXY, CoreXY];

/** Cores that share one CB configuration (one tt-metal CoreRangeSet of a program). */
export interface CoreGroup {
  readonly name: string;
  readonly nCores: number;
  /** First core of the group in tt-metal's core order. */
  readonly firstCore: CoreXY;
  /**
   * The CoreRange tt-metal's overflow message names for this group: the range of its first CB allocator (one per
   * CoreRange of the CoreRangeSet the factory passes to CreateCircularBuffer, program.cpp). Absent: firstCore alone.
   */
  readonly printedRange?: CoreRangeXY;
  /** CB bytes on each core of this group (sum of DRAM-aligned CB sizes). */
  readonly cbBytesPerCore: number;
  /** l1UnreservedBase + cbBytesPerCore: what tt-metal prints for this range. */
  readonly cbRegionEndBytes: number;
}

export interface CbAllocation {
  /** tt-metal CB index, e.g. `c_0`, `c_16`. */
  readonly cbIndex: string;
  /** Short role: 'input', 'output', 'scaler', 'staging', ... */
  readonly role: string;
  readonly nPages: number;
  readonly pageBytes: number;
  /** nPages x pageBytes (0 when tensor-backed). */
  readonly totalBytes: number;
  readonly coreGroup: string;
  /** Backed by a sharded tensor's buffer (`set_globally_allocated_address`): costs no CB-region L1. */
  readonly tensorBacked: boolean;
}

export interface TileInfo {
  /** Padded width in tiles of the tensor the factory splits. */
  readonly widthTiles: number;
  /** Padded height in tiles (last-but-one dim). */
  readonly heightTiles: number;
  /** Tile rows over all batch dims. */
  readonly tileRowsTotal: number;
  readonly tileBytesIn: number;
  readonly tileBytesOut: number;
}

export interface OutputL1 {
  /** Index into the op's results (estimates are shared between identical ops, so no SSA names here). */
  readonly resultIndex: number;
  readonly bytesPerCore: number;
  readonly how: string;
  /** The allocator's view (ttnn/layout.ts L1Footprint): banks and the whole buffer's bytes, for its out-of-memory
   *  line. Absent when the estimator did not derive the output from its layout. */
  readonly allocation?: { readonly banks: number; readonly bufferBytes: number };
}

/**
 * A buffer an op's programs allocate in the L1_SMALL region (sliding-window config tensors: tt-metal
 * sliding_window.cpp move_config_tensor_to_device, HEIGHT_SHARDED on BufferType::L1_SMALL, one {1, width} uint16 row per
 * core of the op's grid). The cached program keeps it as long as the program cache holds the program (analysis/l1Small.ts).
 */
export interface L1SmallBuffer {
  /** What it holds, e.g. `halo padding config 0`. */
  readonly role: string;
  /** Bytes per bank: the row of uint16 words × 2 B, aligned to the L1 alignment (calculate_bank_size_spread). */
  readonly bytesPerBank: number;
  /** Banks (cores) it is sharded over: the op's parallel-config grid. */
  readonly banks: number;
}

/** One L1 tensor an op allocates before its outputs and frees before it returns. */
export interface L1Intermediate {
  readonly role: string;
  readonly bytesPerCore: number;
  /** Still allocated while the op's own program runs (its CBs and outputs); when false, the tensor is freed once the
   *  next intermediate has been allocated (analysis/overflow.ts). */
  readonly liveDuringProgram: boolean;
  /** When freed (`liveDuringProgram` false), the tensors allocated after it stay where they are (nothing moves them up
   *  over it: no `reallocate_halo_output` move, or a tilize that replaces it): its bytes become a hole above them, which
   *  later allocations that fit may fill but the CB region, bounded by the lowest L1 buffer, cannot use. Absent: the
   *  next tensor is moved up over it (L1 stays packed). */
  readonly freedLeavesHole?: boolean;
  /** Allocated in the place of the tensor before it (which must not be live during the program), freed first: the two
   *  never coexist (the in-place halo deallocates its input before allocating its output). */
  readonly replacesPrevious?: boolean;
  /** The device program that writes this tensor (a halo), run right after its allocation while every tensor allocated
   *  so far is live (its input among them): its static CBs per core must end below them (analysis/overflow.ts). Absent:
   *  the tensor is written by no separate program, or that program's CBs are not modeled. */
  readonly writerProgram?: WriterProgram;
  /** The op force-deallocates one of its own L1 operands right after this tensor is allocated (and written): conv2d's
   *  `deallocate_activation`. `bytesPerCore`: the operand's; `leavesHole`: the tensor is not moved up over the freed
   *  bytes (no `ttnn::move` after the free). analysis/overflow.ts frees it only when it is the one L1 tensor live
   *  around the op (then it sits right above the op's own); else its place is unknown and it is kept (the safe side). */
  readonly freesOperand?: { readonly bytesPerCore: number; readonly leavesHole: boolean };
}

/** A separate device program an op runs besides the one it reports (the halo of a conv or pool, a composite's other
 *  programs), with its static CBs. */
export interface WriterProgram {
  readonly name: string;
  /** CB bytes on the program's worst core: what must end below the lowest L1 buffer. */
  readonly cbBytesPerCore: number;
  /** The core range tt-metal's message prints for this program's CBs (its CoreRangeSet's first range); absent: (0,0). */
  readonly printedRange?: CoreRangeXY;
  /** CB bytes on the printed range's cores when not `cbBytesPerCore` (a multi-range factory reports its first range
   *  past L1, OpEstimate.cbBytesPerCore); the message's region end is the base plus this. */
  readonly printedCbBytesPerCore?: number;
  /** The program factory, for the message's buffer word (MessageWording.dataflowBufferFactories); absent: `name`. */
  readonly factory?: string;
}

/** An operand the op writes in place and returns as its output (KV-cache updates): no tensor is allocated. */
export interface InPlaceOutputL1 {
  readonly operandIndex: number;
  readonly bytesPerCore: number;
  readonly how: string;
}

export interface OpEstimate {
  readonly kind: 'estimate';
  readonly opName: string;
  /** tt-metal program factory (or device op) that runs, e.g. `UntilizeWithUnpaddingMultiCoreBlockInterleavedProgramFactory`. */
  readonly factory: string;
  /** The program factory whose buffers the overflow message words ("circular" or "dataflow", per Metal 2.0 port), when
   *  `factory` names a path through another op's program: conv2d's 1x1 matmul is ttnn::matmul's program (its config
   *  kind, as matmul.ts names its factories). Absent: `factory`. */
  readonly programFactory?: string;
  /** Why that factory: the selection test and its numbers. */
  readonly factoryReason: string;
  readonly nCoresUsed: number;
  /** Grid the op spreads over, [rows, cols]. */
  readonly grid: readonly [number, number];
  readonly coreGroups: readonly CoreGroup[];
  /** CBs in creation order. */
  readonly cbs: readonly CbAllocation[];
  /**
   * CB bytes on the core tt-metal reports: the first core range, in CB creation order, whose region overflows L1;
   * when nothing overflows, the worst core. `cbRegionEndBytes = l1UnreservedBase + cbBytesPerCore` is the number
   * in tt-metal's "circular buffers ... grow to N B" message.
   */
  readonly cbBytesPerCore: number;
  readonly cbRegionEndBytes: number;
  readonly reportedCore: CoreXY;
  /** The core range tt-metal's message prints for the reported group (`printedRange`); absent: reportedCore alone. */
  readonly reportedRange?: CoreRangeXY;
  /** Max over cores of the CB bytes, and that core. */
  readonly worstCbBytesPerCore: number;
  readonly worstCore: CoreXY;
  /**
   * Sum of every CB the program creates, regardless of core range: what tt-metal's graph capture reported as
   * `cb_peak_size_per_core` before it became core-range aware (the tt-mlir OpModel golden figures, tt-metal f4163c2).
   */
  readonly cbBytesSummedOverRanges: number;
  /** Output tensors resident in L1, bytes per core (interleaved: ceil(pages/banks) x aligned page; sharded: one shard). */
  readonly l1TensorBytesPerCore: number;
  readonly outputs: readonly OutputL1[];
  /** L1 tensors the op allocates besides its outputs and frees before it returns, bytes per core, summed over all of
   *  them (not a peak of live bytes: ones freed in turn each count; the analysis walks `l1Intermediates`) (e.g. the matmul
   *  result of a `ttnn.linear` whose bias is added afterwards). Absent when none: the op is one device program, which
   *  allocates its outputs and nothing else (CBs are not tensors). */
  readonly l1IntermediateBytesPerCore?: number;
  /** The L1 tensors behind `l1IntermediateBytesPerCore`, in the order the op allocates them, before its outputs (e.g.
   *  the resharded input and the halo output of a pool). Present only when the op reports them one by one: the
   *  analysis then checks each allocation (analysis/overflow.ts) and keeps those `liveDuringProgram` beside the CBs. */
  readonly l1Intermediates?: readonly L1Intermediate[];
  /** Buffers the op's programs allocate in L1_SMALL, in allocation order (the halo's config tensors, then the conv's
   *  reader indices). Absent when none. */
  readonly l1SmallBuffers?: readonly L1SmallBuffer[];
  /** L1 operands the op updates in place and ttnn returns as its output (tt-mlir's OpModel reports such a buffer as the
   *  output buffer); not counted in `l1TensorBytesPerCore`, which holds only what the op allocates. Absent when none. */
  readonly inPlaceOutputs?: readonly InPlaceOutputL1[];
  /** A composite's last program when the figure above is another of its programs' (the largest, or the first past L1):
   *  the analysis checks this one's CBs once the outputs are allocated, and the earlier programs at their own steps
   *  (the `writerProgram`s of `l1Intermediates`). Absent: the reported figure is the op's last program. */
  readonly lastProgram?: WriterProgram;
  readonly confidence: 'exact' | 'approx';
  /** Why 'approx', or ''. */
  readonly approxReason: string;
  /** tt-metal `path@commit` strings (and reference notes) the formula follows. */
  readonly citations: readonly string[];
  readonly tiles: TileInfo | undefined;
  readonly notes: readonly string[];
  /** Present when the build window straddles change points this op's factory depends on: one figure per sub-window.
   *  The estimate itself is the sub-window with the largest worst-core CB figure, its confidence the range's: 'exact'
   *  only when every sub-window's estimate is exact (one approximated or unmodeled build makes the range approx, its
   *  reason naming those builds); each figure keeps its own. */
  readonly versionRange?: VersionRange;
}

export interface VersionedFigure {
  readonly window: TtMetalWindow;
  /** 'estimate' with its figures, or the other kinds (an op tt-metal rejects in that window, or does not model). */
  readonly kind: OpEstimateResult['kind'];
  readonly factory?: string;
  readonly cbBytesPerCore?: number;
  readonly worstCbBytesPerCore?: number;
  readonly cbRegionEndBytes?: number;
  /** The sub-window's own confidence and, when 'approx', why (an estimate only): the range's estimate is 'exact' only
   *  when every sub-window's is (registry.ts rangeConfidence). */
  readonly confidence?: 'exact' | 'approx';
  readonly approxReason?: string;
  /** The sub-window's own L1 tensors (OpEstimate.l1Intermediates) and its output bytes, for the allocation walk. */
  readonly l1Intermediates?: readonly L1Intermediate[];
  readonly l1TensorBytesPerCore?: number;
  /** The sub-window's OpEstimate.lastProgram. */
  readonly lastProgram?: WriterProgram;
  readonly reason?: string;
}

export interface VersionRange {
  readonly changePoints: readonly ChangePointId[];
  readonly figures: readonly VersionedFigure[];
}

export interface Unmodeled {
  readonly kind: 'unmodeled';
  readonly opName: string;
  readonly reason: string;
}

/**
 * Ops that run no device program (get_device, deallocate, host conversions, views): zero CBs by construction.
 * `l1TensorBytesPerCore` counts results that nevertheless live in L1 (e.g. `ttnn.empty` in L1, `to_device` to L1).
 */
export interface NoProgram {
  readonly kind: 'noProgram';
  readonly opName: string;
  readonly reason: string;
  readonly l1TensorBytesPerCore: number;
  readonly outputs: readonly OutputL1[];
}

/**
 * A configuration tt-metal rejects (a TT_FATAL in the op's validation or factory selection): the op throws before any
 * CB is allocated. `rule` is worded like tt-metal's message; `citation` is the validate function's `path@commit`.
 */
export interface Illegal {
  readonly kind: 'illegal';
  readonly opName: string;
  readonly rule: string;
  readonly citation: string;
}

export type OpEstimateResult = OpEstimate | Unmodeled | NoProgram | Illegal;

export function unmodeled(opName: string, reason: string): Unmodeled {
  return { kind: 'unmodeled', opName, reason };
}

export function illegal(opName: string, rule: string, citation: string): Illegal {
  return { kind: 'illegal', opName, rule, citation };
}

export type { Device };
