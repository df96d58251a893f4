/**
 * Overflows: whether one op fails with its estimate and the L1 tensors live around it (both tt-metal CB failures,
 * allocator exhaustion, a rejected configuration, the usable-L1 cap), whether that depends on the build, and the
 * first failure of a run (the first throwing op in execution order is `first`, later ones `notReached`).
 */

import type { ResolvedBuildWindow } from './buildWindow';
import { flat, type SharedStrings } from './flatStrings';
import type {
  Illegal,
  L1Intermediate,
  WriterProgram,
  OpEstimate,
  OpEstimateResult,
  VersionRange,
  VersionedFigure,
} from '../estimate/types';
import { FULL_WINDOW, windowAtOrAfter, type ChangePointId, type TtMetalWindow } from '../estimate/changePoints';
import { allocatorOomMessage, allocatorOomWording, type AllocatorOomWording } from './allocatorMessage';
import type { Device } from '../ttnn/device';
import type {
  BuildDependence,
  FailedAllocation,
  FunctionAnalysis,
  OpAnalysis,
  Overflow,
  OverflowKind,
  OverflowRef,
} from './types';

/**
 * Whether an overflow is an L1 overflow tt-metal throws at on every build of the window: not a cap warning, not a
 * rejected configuration, not one that fits on some builds.
 */
export function isL1Overflow(o: Pick<Overflow, 'kind' | 'buildDependent'>): boolean {
  return o.kind !== 'overUsableCap' && o.kind !== 'opIllegal' && o.buildDependent === undefined;
}

/** Whether one sub-window's figure fails (tt-metal throws) with `live` bytes of L1 tensors per core; undefined: no figure. */
export function figureFails(f: VersionedFigure, device: Device, live: number): boolean | undefined {
  if (f.kind === 'illegal') return true;
  if (f.kind !== 'estimate' || f.worstCbBytesPerCore === undefined) return undefined;
  const base = device.l1UnreservedBase;
  const top = l1BufferTopBytes(device);
  let held = 0;
  if (f.l1Intermediates !== undefined) {
    const walk = walkIntermediates(f.l1Intermediates, live, f.l1TensorBytesPerCore ?? 0, device);
    if (walk.failed !== undefined || walk.programFailed !== undefined) return true;
    held = walk.heldDuringProgram;
  }
  const lastCbBytes = f.lastProgram?.cbBytesPerCore ?? f.worstCbBytesPerCore;
  return base + live + held > top || base + lastCbBytes > cbLimitBytes(device, live + held);
}

/**
 * Where regular L1 buffers start (they allocate top-down from here): the L1 size less the L1_SMALL region at the top of
 * every bank (`Device.l1SmallSizeBytes`, cited there). The allocator's bank size is this less the base.
 */
export function l1BufferTopBytes(device: Device): number {
  return device.l1SizeBytes - device.l1SmallSizeBytes;
}

/**
 * The address a CB region may not pass with `l1BufferBytes` of L1 buffers per core: the lowest L1 buffer, or with none
 * the L1 size (tt-metal checks CBs against the lowest occupied *L1* address, never L1_SMALL's, and else only against
 * the max L1 size).
 */
export function cbLimitBytes(device: Device, l1BufferBytes: number): number {
  return l1BufferBytes > 0 ? l1BufferTopBytes(device) - l1BufferBytes : device.l1SizeBytes;
}

/**
 * Allocate an op's own L1 tensors one at a time, from the L1 tensors live around it less its own outputs (which do not
 * exist yet): the first that does not fit, or the span of L1 they hold below the tensors live around the op while its
 * program runs (`heldDuringProgram`: what bounds its CB region). L1 buffers fill from the top down, packed. A tensor
 * not held while the program runs is freed once the next one exists (a resharded input after the halo has read it,
 * a composite's intermediate after the next program has read it); the tensors below it are then moved up over it,
 * unless it `freedLeavesHole`: then its bytes stay a hole above them, which a later tensor that fits takes (tt-metal's
 * allocator places it there) and the CB region cannot use. A tensor written by a program of its own (the halo, a
 * composite's earlier program) runs that program right after its allocation, with everything allocated so far live:
 * its CBs must end below the lowest L1 buffer, or below the L1 size when no L1 buffer is allocated (`cbLimitBytes`'s
 * rule; `programFailed` when not; tt-metal's CB check, program.cpp). A tensor that `replacesPrevious` is allocated
 * after the one before it is freed (the in-place halo).
 */
export function walkIntermediates(
  intermediates: readonly L1Intermediate[],
  live: number,
  outputBytesPerCore: number,
  device: Device,
): {
  failed?: L1Intermediate;
  /** With `failed`: the bank's largest free block, the bytes below the span or the hole in it (one hole assumed). */
  largestFreeBytes?: number;
  programFailed?: { writes: L1Intermediate; liveL1BufferBytes: number; lowestL1BufferBytes: number };
  allocatedBeforeBytes: number;
  heldDuringProgram: number;
} {
  const base = device.l1UnreservedBase;
  const l1BufferTop = l1BufferTopBytes(device);
  const around = Math.max(0, live - outputBytesPerCore);
  // `span`: bytes from the L1 buffer top down to the lowest buffer; `hole`: freed bytes inside that span.
  let span = around;
  let hole = 0;
  // The bytes of `around` still allocated (less an operand the op frees, which `heldDuringProgram` then nets out).
  let aroundLeft = around;
  let pending: L1Intermediate | undefined;
  // Whether `pending` is the lowest buffer (nothing allocated below it since): freeing it then leaves no hole, the
  // lowest buffer moves up (a composite's result freed after a program that wrote its own to DRAM).
  let pendingLowest = false;
  // The live tensors allocated below the hole since it opened, while it is one freed tensor's bytes (`holeSingle`):
  // once the last of them is freed, the hole and the bytes freed under it are one free block under the lowest L1
  // buffer (free_list_opt.cpp@4027cab deallocate merges a freed block with its free neighbours, then takes the lowest occupied
  // address from allocated blocks only), so the hole leaves the span. Several holes are kept (the safe side).
  const belowHole = new Set<L1Intermediate>();
  let holeSingle = false;
  const free = (freed: L1Intermediate, lowest: boolean, allocatedBelow: L1Intermediate | undefined): void => {
    const wasBelowHole = belowHole.delete(freed);
    const opensHole = freed.freedLeavesHole === true && !lowest;
    if (opensHole) {
      holeSingle = hole === 0 && allocatedBelow !== undefined;
      if (hole === 0) belowHole.clear();
      if (allocatedBelow !== undefined) belowHole.add(allocatedBelow);
      hole += freed.bytesPerCore;
    } else span -= freed.bytesPerCore;
    if (!opensHole && wasBelowHole && holeSingle && hole > 0 && belowHole.size === 0) {
      span -= hole;
      hole = 0;
    }
  };
  for (let i = 0; i < intermediates.length; i++) {
    const t = intermediates[i]!;
    if (t.replacesPrevious === true && pending !== undefined) {
      span -= pending.bytesPerCore;
      pending = undefined;
    }
    const intoHole = t.bytesPerCore <= hole;
    if (!intoHole && base + span + t.bytesPerCore > l1BufferTop)
      return {
        failed: t,
        allocatedBeforeBytes: span - hole,
        largestFreeBytes: Math.max(l1BufferTop - base - span, hole),
        heldDuringProgram: span - around,
      };
    if (intoHole) hole -= t.bytesPerCore;
    else span += t.bytesPerCore;
    const below = !intoHole && t.bytesPerCore > 0;
    if (below && hole > 0) belowHole.add(t);
    if (below) pendingLowest = false;
    // The lowest L1 buffer sits at the bottom of the span (holes lie above tensors); with none, the L1 size bounds.
    const lowest = span - hole > 0 ? l1BufferTop - span : device.l1SizeBytes;
    if (t.writerProgram !== undefined && base + t.writerProgram.cbBytesPerCore > lowest)
      return {
        programFailed: { writes: t, liveL1BufferBytes: span - hole, lowestL1BufferBytes: lowest },
        allocatedBeforeBytes: span - hole - t.bytesPerCore,
        heldDuringProgram: span - around,
      };
    if (pending !== undefined) free(pending, pendingLowest, below ? t : undefined);
    pending = t.liveDuringProgram ? undefined : t;
    pendingLowest = below;
    // The op frees its own operand (conv2d's deallocate_activation). Only when it is all that is live around the op is
    // its place known (right above the op's tensors, nothing live above the intermediates but it); else kept.
    const operand = t.freesOperand;
    if (operand !== undefined && operand.bytesPerCore > 0 && operand.bytesPerCore === aroundLeft) {
      aroundLeft = 0;
      if (operand.leavesHole && span - hole > operand.bytesPerCore) hole += operand.bytesPerCore;
      else span -= operand.bytesPerCore;
    }
  }
  // A last tensor not held while the program runs is freed before it (none today).
  if (pending !== undefined) free(pending, pendingLowest, undefined);
  // The op's outputs come next: into the hole when they fit (then the lowest buffer stays where it is), else below.
  const outputsInHole = outputBytesPerCore > 0 && outputBytesPerCore <= hole;
  return {
    allocatedBeforeBytes: span - hole,
    heldDuringProgram: span - around - (outputsInHole ? outputBytesPerCore : 0),
  };
}

/** The sub-windows a version range fails and fits in; undefined unless both kinds occur. */
export function buildDependence(range: VersionRange, device: Device, live: number): BuildDependence | undefined {
  const failsIn: TtMetalWindow[] = [];
  const fitsIn: TtMetalWindow[] = [];
  const figures = range.figures;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    const fails = figureFails(f, device, live);
    if (fails === true) failsIn.push(f.window);
    else if (fails === false) fitsIn.push(f.window);
  }
  return failsIn.length > 0 && fitsIn.length > 0 ? { failsIn, fitsIn, changePoints: range.changePoints } : undefined;
}

/** Whether an overflow kind is a point where tt-metal throws (every kind but the usable-L1 cap warning). */
export function throwsAtRunTime(kind: OverflowKind): boolean {
  return kind !== 'overUsableCap';
}

/** The L1 budget an analysis checks against: tt-metal's own limits, and the usable-L1 cap below them. */
export interface L1Limits {
  readonly device: Device;
  /** Fraction of (l1_size − base) usable before a warning, in (0, 1]. */
  readonly cap: number;
  /** (l1_size − base) · cap, bytes per core. */
  readonly capLimit: number;
  /** How the analysis's builds word an overflow message (the core-range style, the buffer word per factory). */
  readonly wording: MessageWording;
}

/**
 * Factories ported to Metal 2.0's dataflow buffers, and the change point of each port. A program holds CBs or DFBs, never
 * both (ProgramImpl::add_dataflow_buffer rejects a program with CBs), and tt-metal checks the DFB region in its own
 * validate_dataflow_buffer_region, whose two messages read "dataflow" where validate_circular_buffer_region's read
 * "circular" (tt_metal/impl/dataflow_buffer/dataflow_buffer.cpp, search index id 52496776900). So the wording is per
 * factory, from the PR that ported it: tt-metal #54876 (2026-08-30) still prints "circular" for an unported program.
 * Names are the estimators' `factory` strings (matmul's is its program config kind, one factory per kind). Ports of ops
 * no estimator models (fill_pad #52545, clone #50903, fill_rm #51054, …) are not listed (docs/estimators.md "Buffer
 * wording").
 */
const DATAFLOW_BUFFER_PORTS: readonly { readonly changePoint: ChangePointId; readonly factories: readonly string[] }[] =
  [
    {
      changePoint: 'pad-dataflow-buffers',
      factories: [
        'PadRmReaderWriterMultiCoreProgramFactory',
        'PadTileCoreProgramFactory',
        'PadTileMulticoreProgramFactory',
      ],
    },
    {
      changePoint: 'layernorm-distributed-dataflow-buffers',
      factories: [
        'LayerNormPreAllGatherProgramFactory',
        'LayerNormPreAllGather2DProgramFactory',
        'LayerNormPostAllGatherProgramFactory',
      ],
    },
    { changePoint: 'batch-norm-dataflow-buffers', factories: ['BatchNormFactory', 'RunningStatisticsFactory'] },
    {
      changePoint: 'copy-default-dataflow-buffers',
      factories: ['CopyDeviceOperation (default row-major)', 'CopyDeviceOperation (default tilized)'],
    },
    {
      changePoint: 'layernorm-dataflow-buffers',
      factories: [
        'LayerNormMultiCoreProgramFactory',
        'LayerNormMultiCoreProgramFactory (large-tensor kernel)',
        'LayerNormShardedProgramFactory',
      ],
    },
    { changePoint: 'matmul-multicore-dataflow-buffers', factories: ['MatmulMultiCoreProgramConfig'] },
    {
      changePoint: 'matmul-dram-sharded-dataflow-buffers',
      factories: ['MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig'],
    },
    { changePoint: 'matmul-reuse-dataflow-buffers', factories: ['MatmulMultiCoreReuseProgramConfig'] },
    { changePoint: 'matmul-mcast-1d-dataflow-buffers', factories: ['MatmulMultiCoreReuseMultiCast1DProgramConfig'] },
    { changePoint: 'prod-dataflow-buffers', factories: ['ProdAllProgramFactory', 'ProdNcProgramFactory'] },
    {
      changePoint: 'permute-dataflow-buffers',
      factories: [
        'PermuteDeviceOperation::MultiCoreRowInvariant',
        'PermuteDeviceOperation::MultiCoreBlockedGeneric',
        'PermuteDeviceOperation::MultiCoreTileInvariant',
        'PermuteDeviceOperation::MultiCoreTileRowInvariant',
        'PermuteDeviceOperation::MultiCoreTiledGeneric',
      ],
    },
    {
      changePoint: 'repeat-dataflow-buffers',
      factories: [
        'RepeatProgramFactory (row-major)',
        'RepeatProgramFactoryLastDim (row-major)',
        'RepeatProgramFactoryHigherDim (row-major)',
      ],
    },
    {
      changePoint: 'rotary-embedding-llama-dataflow-buffers',
      factories: ['RotaryEmbeddingLlamaMultiCore', 'RotaryEmbeddingLlamaMultiCoreSharded'],
    },
    {
      changePoint: 'softmax-dataflow-buffers',
      factories: [
        'SoftmaxProgramFactoryAttentionOptimized',
        'SoftmaxProgramFactoryAttentionOptimized (large kernel)',
        'SoftmaxProgramFactoryGeneralHSmall',
        'SoftmaxProgramFactoryGeneralHLarge',
      ],
    },
    {
      changePoint: 'reduce-dataflow-buffers',
      factories: [
        'ReduceSingleCoreHwProgramFactory',
        'ReduceMultiCoreHProgramFactory',
        'ReduceMultiCoreHProgramFactory (width sharded)',
        'ReduceMultiCoreWProgramFactory',
        'ReduceMultiCoreWProgramFactory (height sharded)',
      ],
    },
    {
      changePoint: 'tilize-with-val-padding-dataflow-buffers',
      factories: ['TilizeWithValPaddingMultiCoreInterleavedProgramFactory'],
    },
    { changePoint: 'embedding-dataflow-buffers', factories: ['EmbeddingsRMProgramFactory'] },
    {
      changePoint: 'untilize-dataflow-buffers',
      factories: [
        'UntilizeSingleCoreProgramFactory',
        'UntilizeMultiCoreProgramFactory',
        'UntilizeMultiCoreParallelizeColumnProgramFactory',
      ],
    },
    {
      changePoint: 'reshape-view-dataflow-buffers',
      factories: ['ReshapeRMProgramFactory', 'ReshapeTiledProgramFactory'],
    },
    {
      changePoint: 'argmax-dataflow-buffers',
      factories: ['ArgMaxSingleCoreProgramFactory', 'ArgMaxMultiCoreProgramFactory'],
    },
    {
      changePoint: 'transpose-dataflow-buffers',
      factories: ['TransposeWHProgramFactory', 'TransposeHCTiledInterleavedProgramFactory'],
    },
    {
      changePoint: 'concat-dataflow-buffers',
      factories: ['ConcatProgramFactory', 'ConcatS2SRMProgramFactory', 'ConcatS2STiledProgramFactory'],
    },
    { changePoint: 'upsample-dataflow-buffers', factories: ['UpsampleMultiCoreInterleavedProgramFactory'] },
    {
      changePoint: 'kv-cache-dataflow-buffers',
      factories: ['UpdateCacheMultiCoreProgramFactory', 'FillCacheMultiCoreProgramFactory'],
    },
    { changePoint: 'nlp-concat-heads-dataflow-buffers', factories: ['NLPConcatHeadsProgramFactory'] },
    {
      changePoint: 'paged-cache-dataflow-buffers',
      factories: ['PagedFillCacheProgramFactory', 'PagedUpdateCacheProgramFactory'],
    },
    { changePoint: 'interleaved-to-sharded-dataflow-buffers', factories: ['InterleavedToShardedProgramFactory'] },
    {
      changePoint: 'slice-dataflow-buffers',
      factories: [
        'SliceTileProgramFactory',
        'SliceRmProgramFactory',
        'SliceRmProgramFactory (sub-row chunks)',
        'SliceRmStrideProgramFactory',
      ],
    },
  ];

/** How a build words the CB overflow messages: its CoreRange::str() style and the factories whose programs hold
 *  dataflow buffers (their messages read "dataflow buffers"; every other factory's read "circular buffers"). */
export interface MessageWording {
  /** Change point `corerange-str-dash`: `[(x=0,y=0) - (x=7,y=7)]` before, `[0-0 - 7-7]` from it. */
  readonly coreRangeStyle: CoreRangeStyle;
  readonly dataflowBufferFactories: ReadonlySet<string>;
  /** The allocator's out-of-memory line (change points allocator-oom-bank-size, allocator-oom-stats). */
  readonly allocatorOom: AllocatorOomWording;
}

/** The wording of the builds of `window`, each change point at its newest build when the window straddles it (as
 *  `atOrAfter` answers), so a function of its newest build alone: made once per such date (an op whose estimate is split
 *  into sub-windows asks for its reported sub-window's at each overflow check: 5.7k times in a 100k-op check). */
function wordingOf(window: TtMetalWindow): MessageWording {
  let wording = wordingsByLatestBuild.get(window.latest);
  if (wording === undefined) {
    wording = {
      coreRangeStyle: windowAtOrAfter(window, 'corerange-str-dash') ? 'dash' : 'xy',
      allocatorOom: allocatorOomWording(window),
      dataflowBufferFactories: new Set(
        DATAFLOW_BUFFER_PORTS.filter((port) => windowAtOrAfter(window, port.changePoint)).flatMap(
          (port) => port.factories,
        ),
      ),
    };
    if (wordingsByLatestBuild.size < MAX_WORDINGS_KEPT) wordingsByLatestBuild.set(window.latest, wording);
  }
  return wording;
}
const wordingsByLatestBuild = new Map<string, MessageWording>();
// Distinct newest-build dates whose wording is kept (windows end at change points' dates or a dump's build date).
const MAX_WORDINGS_KEPT = 256;

/** tt-metal's word for a program's static buffers in its overflow messages. */
function bufferWord(wording: MessageWording, factory: string): 'circular' | 'dataflow' {
  return wording.dataflowBufferFactories.has(factory) ? 'dataflow' : 'circular';
}

/** tt-metal's CoreRange::str() styles: `xy` `[(x=X0,y=Y0) - (x=X1,y=Y1)]`, `dash` `[X0-Y0 - X1-Y1]`. */
export type CoreRangeStyle = 'xy' | 'dash';

/** The limits for `device` with a usable-L1 cap (anything outside (0, 1] counts as 1: tt-metal's own limit), for the
 *  builds of `window` (default: every modeled build). */
export function l1Limits(
  device: Device,
  usableL1Cap: number | undefined,
  window: TtMetalWindow = FULL_WINDOW,
): L1Limits {
  const cap = usableL1Cap !== undefined && usableL1Cap > 0 && usableL1Cap <= 1 ? usableL1Cap : 1;
  return {
    device,
    cap,
    capLimit: Math.floor((device.l1SizeBytes - device.l1UnreservedBase) * cap),
    wording: wordingOf(window),
  };
}

/** tt-metal's CoreRange::str(), "[" start " - " end "]" with each core as its CoreCoord (tt_xy_pair) prints it:
 *  `(x=X,y=Y)`, `X-Y` from change point `corerange-str-dash` (tt-umd xy_pair.cpp@82ae50d). */
function coreText(
  style: CoreRangeStyle,
  core: readonly [number, number],
  end: readonly [number, number] = core,
): string {
  return style === 'dash'
    ? `[${core[0]}-${core[1]} - ${end[0]}-${end[1]}]`
    : `[(x=${core[0]},y=${core[1]}) - (x=${end[0]},y=${end[1]})]`;
}

/**
 * The wording of the builds an estimate's figure is for: the analysis's, unless the estimate is split into
 * sub-windows, then that of the sub-window it reports (registry.ts combineWindows: the first with the largest
 * worst-core CBs, whose range the message prints too): a figure and range of builds before a wording change are
 * printed as those builds print them, not in the analysis window's newest style.
 */
function wordingOfEstimate(est: OpEstimateResult, analysisWording: MessageWording): MessageWording {
  if (est.kind !== 'estimate') return analysisWording;
  const reported = est.versionRange?.figures.find(
    (f) => f.kind === 'estimate' && f.worstCbBytesPerCore === est.worstCbBytesPerCore,
  );
  return reported === undefined ? analysisWording : wordingOf(reported.window);
}

// The core of an overflow no core group reports (a rejected configuration, allocator exhaustion): one tuple for all.
const NO_CORE: readonly [number, number] = [0, 0];

/** Detect the overflow of one op given its estimate and live L1 bytes (status filled in later); its message is kept
 *  once per distinct text in `strings` (an analysis's), else flattened. */
export function detectOverflow(
  est: OpEstimateResult,
  live: number,
  limits: L1Limits,
  strings?: SharedStrings,
): Omit<Overflow, 'status'> | undefined {
  const { device, cap, capLimit } = limits;
  const wording = wordingOfEstimate(est, limits.wording);
  const style = wording.coreRangeStyle;
  const l1 = device.l1SizeBytes;
  const base = device.l1UnreservedBase;
  const top = l1BufferTopBytes(device);
  // tt-metal validates an op before it allocates its output or CBs: a rejected configuration throws first.
  if (est.kind === 'illegal') {
    return {
      kind: 'opIllegal',
      cbRegionEndBytes: 0,
      limitBytes: 0,
      core: NO_CORE,
      message: keptMessage(illegalMessage(est.rule, est.citation), strings),
    };
  }
  // An op that allocates nothing (deallocate, views, host ops) cannot run out of L1, however full it is.
  const allocates = est.kind !== 'noProgram' || est.l1TensorBytesPerCore > 0;
  if (allocates && base + live > top) {
    const output = failedOutputAllocation(est, live, top - base);
    // The op's own result failing to allocate reads as tt-metal's allocator line; otherwise the tensors live here.
    const text =
      output !== undefined
        ? failedAllocationMessage(output, top - base, wording)
        : `Out of Memory: L1 tensors live here need ${live} B per core but only ${top - base} B lie ${betweenText(device)}`;
    return {
      kind: 'l1BuffersExhausted',
      cbRegionEndBytes: base + live,
      limitBytes: top,
      core: NO_CORE,
      message: keptMessage(text, strings),
      ...(output !== undefined && { failedAllocation: output }),
    };
  }
  if (est.kind !== 'estimate') return undefined;
  // Tensors the op allocates before its outputs (a pool's or conv's resharded input and halo output), in turn.
  let heldDuringProgram = 0;
  if (est.l1Intermediates !== undefined) {
    const found = intermediatesOverflow(est, est.l1Intermediates, live, limits, strings);
    if (typeof found !== 'number') return found;
    heldDuringProgram = found;
  }
  const lowest = cbLimitBytes(device, live + heldDuringProgram);
  const worstEnd = base + est.worstCbBytesPerCore;
  // A composite whose reported figure is an earlier program's checks its last program here (the earlier ones ran in
  // the walk above, each with what was live at its step).
  const last = est.lastProgram;
  if (last !== undefined) {
    // `failedProgram` names it, so the diagnostic's Why is this program's, not the reported figure's.
    if (base + last.cbBytesPerCore > lowest)
      return {
        ...cbFailure(programCbs(last, base, wording), lowest, l1, style, strings),
        failedProgram: {
          name: last.name,
          cbBytesPerCore: last.cbBytesPerCore,
          writes: "op's result",
          liveL1BufferBytes: live + heldDuringProgram,
        },
      };
  } else if (worstEnd > lowest) {
    const core = est.reportedCore;
    return cbFailure(
      {
        end: est.cbRegionEndBytes,
        core,
        // The range of the reported group's first CB allocator, as tt-metal prints it (the factory's CoreRangeSet).
        range: est.reportedRange ?? [core, core],
        word: bufferWord(wording, est.programFactory ?? est.factory),
      },
      lowest,
      l1,
      style,
      strings,
    );
  }
  if (cap < 1 && est.worstCbBytesPerCore + live + heldDuringProgram > capLimit) {
    return {
      kind: 'overUsableCap',
      cbRegionEndBytes: worstEnd,
      limitBytes: base + capLimit,
      core: est.worstCore,
      message: keptMessage(
        `CBs (${est.worstCbBytesPerCore} B) + live L1 tensors (${live} B) exceed the usable-L1 cap ${cap} x ${l1 - base} B = ${capLimit} B per core`,
        strings,
      ),
    };
  }
  return undefined;
}

/** tt-metal's allocator line (allocatorMessage.ts) for an L1 buffer of the op that cannot be placed in a bank of
 *  `bankBytes`. */
function failedAllocationMessage(
  a: FailedAllocation,
  bankBytes: number,
  wording: MessageWording,
  largestFreeBytes?: number,
): string {
  return allocatorOomMessage(
    {
      bufferType: 'L1',
      banks: a.banks,
      bytesPerBank: a.bytesPerCore,
      bufferBytes: a.bufferBytes,
      bankBytes,
      allocatedBeforeBytes: a.allocatedBeforeBytes,
      largestFreeBytes,
    },
    wording.allocatorOom,
  );
}

/** The op's L1 result whose allocation fails (tt-metal allocates the results in order after the tensors live around
 *  the op), when the estimator gave the allocator's view of it (`OutputL1.allocation`); undefined when the tensors
 *  live before them already fill the bank or no result says how it is allocated. */
function failedOutputAllocation(est: OpEstimateResult, live: number, bankBytes: number): FailedAllocation | undefined {
  if (est.kind !== 'estimate' && est.kind !== 'noProgram') return undefined;
  let used = live - est.l1TensorBytesPerCore;
  if (used > bankBytes) return undefined;
  for (const o of est.outputs) {
    if (used + o.bytesPerCore > bankBytes) {
      if (o.allocation === undefined) return undefined;
      const role = est.outputs.length === 1 ? "op's result" : `op's result #${o.resultIndex}`;
      return { role, bytesPerCore: o.bytesPerCore, allocatedBeforeBytes: used, ...o.allocation };
    }
    used += o.bytesPerCore;
  }
  return undefined;
}

/** detectOverflow's walk of an op's own L1 tensors (few ops have any), apart so the common path compiles small: the
 *  overflow it finds, else the bytes the op holds below the live tensors while its program runs. */
function intermediatesOverflow(
  est: OpEstimate,
  intermediates: readonly L1Intermediate[],
  live: number,
  limits: L1Limits,
  strings: SharedStrings | undefined,
): Omit<Overflow, 'status'> | number {
  const { device } = limits;
  const wording = wordingOfEstimate(est, limits.wording);
  const style = wording.coreRangeStyle;
  const l1 = device.l1SizeBytes;
  const base = device.l1UnreservedBase;
  const top = l1BufferTopBytes(device);
  const walk = walkIntermediates(intermediates, live, est.l1TensorBytesPerCore, device);
  if (walk.failed !== undefined) {
    const t = walk.failed;
    // The whole sharded buffer across the op's cores, one bank each.
    const failedAllocation: FailedAllocation = {
      role: t.role,
      bytesPerCore: t.bytesPerCore,
      allocatedBeforeBytes: walk.allocatedBeforeBytes,
      banks: est.nCoresUsed,
      bufferBytes: est.nCoresUsed * t.bytesPerCore,
    };
    return {
      kind: 'l1BuffersExhausted',
      cbRegionEndBytes: base + walk.allocatedBeforeBytes + t.bytesPerCore,
      limitBytes: top,
      core: NO_CORE,
      message: keptMessage(
        failedAllocationMessage(failedAllocation, top - base, wording, walk.largestFreeBytes),
        strings,
      ),
      failedAllocation,
    };
  }
  if (walk.programFailed !== undefined) {
    const { writes, liveL1BufferBytes, lowestL1BufferBytes } = walk.programFailed;
    const program = writes.writerProgram!;
    return {
      ...cbFailure(programCbs(program, base, wording), lowestL1BufferBytes, l1, style, strings),
      failedProgram: {
        name: program.name,
        cbBytesPerCore: program.cbBytesPerCore,
        writes: writes.role,
        liveL1BufferBytes,
      },
    };
  }
  const heldDuringProgram = walk.heldDuringProgram;
  if (heldDuringProgram > 0 && base + live + heldDuringProgram > top) {
    return {
      kind: 'l1BuffersExhausted',
      cbRegionEndBytes: base + live + heldDuringProgram,
      limitBytes: top,
      core: NO_CORE,
      message: keptMessage(
        `Out of Memory: L1 tensors live here need ${live + heldDuringProgram} B per core (${heldDuringProgram} B of them the op's own intermediates) but only ${top - base} B lie ${betweenText(device)}`,
        strings,
      ),
    };
  }
  return heldDuringProgram;
}

/** A program's CBs as an overflow message prints them: the region end of the printed range, that range's first core
 *  and the range, the buffer word, and (for a program other than the one the op reports) its name. */
interface ProgramCbs {
  readonly end: number;
  readonly core: readonly [number, number];
  readonly range: readonly [readonly [number, number], readonly [number, number]];
  readonly word: 'circular' | 'dataflow';
}

function programCbs(program: WriterProgram, base: number, wording: MessageWording): ProgramCbs {
  const range = program.printedRange ?? [NO_CORE, NO_CORE];
  return {
    end: base + (program.printedCbBytesPerCore ?? program.cbBytesPerCore),
    core: range[0],
    range,
    word: bufferWord(wording, program.factory ?? program.name),
  };
}

/**
 * The failure of a program whose worst core's CB region ends past `lowest` (the lowest L1 buffer, or the L1 size with
 * none): tt-metal checks the L1 size first, then the lowest L1 buffer (program.cpp validate_circular_buffer_region),
 * and prints the range it was checking. The message is tt-metal's line as printed, which names no program (a halo's, a
 * composite's earlier one): the failing program is the result's `failedProgram`, which the diagnostic's Why names.
 */
function cbFailure(
  p: ProgramCbs,
  lowest: number,
  l1: number,
  style: CoreRangeStyle,
  strings: SharedStrings | undefined,
): Omit<Overflow, 'status'> {
  const range = coreText(style, p.range[0], p.range[1]);
  return p.end > l1
    ? {
        kind: 'cbBeyondL1',
        cbRegionEndBytes: p.end,
        limitBytes: l1,
        core: p.core,
        message: keptMessage(
          `Statically allocated ${p.word} buffers on core range ${range} grow to ${p.end} B which is beyond max L1 size of ${l1} B`,
          strings,
        ),
      }
    : {
        kind: 'cbClashesWithL1Buffers',
        cbRegionEndBytes: p.end,
        limitBytes: lowest,
        core: p.core,
        message: keptMessage(
          `Statically allocated ${p.word} buffers clash with L1 buffers on core range ${range}. L1 buffer allocated at ${lowest} and static ${p.word} buffer region ends at ${p.end}`,
          strings,
        ),
      };
}

/** Where L1 tensors may lie, for the allocator's messages: made only when one is written. */
function betweenText(device: Device): string {
  const base = device.l1UnreservedBase;
  const top = l1BufferTopBytes(device);
  return `between the base ${base} B and the L1 buffer top ${top} B (L1 size ${device.l1SizeBytes} B less ${device.l1SmallSizeBytes} B of L1_SMALL)`;
}

/** `message` kept once per distinct text in `strings` (an analysis's), else flattened. A function, not a closure made
 *  per call: detectOverflow runs for every op. */
function keptMessage(message: string, strings: SharedStrings | undefined): string {
  return strings === undefined ? flat(message) : strings.intern(message);
}

/** tt-metal's wording of a failed validation (`TT_FATAL` prints the condition's message), with the rule's source. */
export function illegalMessage(rule: string, citation: string): string {
  return `TT_FATAL: ${rule} (${citation})`;
}

/**
 * The overflow of one op with `live` bytes of L1 tensors per core, status provisional ('notReached') until
 * `orderOverflows` sees every op. Without any build information the worst build is assumed (an error); a window from
 * the dump or the user that straddles a change point flipping the verdict makes the overflow build-dependent.
 */
export function overflowOf(
  estimate: OpEstimateResult,
  live: number,
  limits: L1Limits,
  ttMetal: ResolvedBuildWindow,
  strings?: SharedStrings,
): Overflow | undefined {
  if (estimate.kind === 'illegal') return illegalOverflow(estimate, limits, strings);
  const found = detectOverflow(estimate, live, limits, strings);
  if (found === undefined) return undefined;
  const dependence =
    found.kind !== 'overUsableCap' &&
    ttMetal.source !== 'none' &&
    estimate.kind === 'estimate' &&
    estimate.versionRange !== undefined
      ? buildDependence(estimate.versionRange, limits.device, live)
      : undefined;
  return overflowRecord(found, 'notReached', dependence);
}

/**
 * The provisional overflow of ops whose estimate is `illegal`, one record per estimate object: it depends on the
 * estimate alone (validation throws before anything is allocated, whatever the live L1 or the build), and estimates
 * are shared among ops (100k-op dump: 15k rejected ops, 118 distinct estimates). Records are never written.
 */
function illegalOverflow(illegal: Illegal, limits: L1Limits, strings: SharedStrings | undefined): Overflow {
  let overflow = illegalOverflows.get(illegal);
  if (overflow === undefined) {
    overflow = overflowRecord(detectOverflow(illegal, 0, limits, strings)!, 'notReached', undefined);
    illegalOverflows.set(illegal, overflow);
  }
  return overflow;
}
const illegalOverflows = new WeakMap<Illegal, Overflow>();

/**
 * An overflow record in one of two fixed shapes (with or without `buildDependent`), fields in the order the spreads
 * `{ ...found, status, ...(dependence && { buildDependent }) }` gave. Spreads gave every record a hidden class of its
 * own (35k at 100k ops: ~5 MB). A failed allocation (rare) adds its field last.
 */
function overflowRecord(
  found: Omit<Overflow, 'status' | 'buildDependent'>,
  status: Overflow['status'],
  dependence: BuildDependence | undefined,
): Overflow {
  const { kind, cbRegionEndBytes, limitBytes, core, message } = found;
  const record: Overflow =
    dependence === undefined
      ? { kind, cbRegionEndBytes, limitBytes, core, message, status }
      : { kind, cbRegionEndBytes, limitBytes, core, message, status, buildDependent: dependence };
  // Rare (an op's own intermediate tensor, or the program writing it, that does not fit): a shape of its own, last.
  if (found.failedProgram !== undefined) return { ...record, failedProgram: found.failedProgram };
  if (found.failedL1Small !== undefined) return { ...record, failedL1Small: found.failedL1Small };
  return found.failedAllocation === undefined ? record : { ...record, failedAllocation: found.failedAllocation };
}

/**
 * Every overflow of the functions in execution order (unreached functions last) with its final status: the earliest
 * throwing overflow of a reached op is `first`; throwing ones after it are `notReached`; the others are `warning`
 * before the first failure and `notReached` after it. Records whose status changes are replaced, never changed; their
 * function's op list is copied first unless `ownsOps(functionIndex)` says it was made for this analysis (then it is
 * written in place), so lists shared with an earlier analysis stay as they were.
 */
export function orderOverflows(
  functions: readonly FunctionAnalysis[],
  ownsOps: (functionIndex: number) => boolean = () => false,
): {
  readonly functions: readonly FunctionAnalysis[];
  readonly overflows: readonly OverflowRef[];
  readonly firstFailure: OverflowRef | undefined;
} {
  const pending: { step: number; functionIndex: number; opIndex: number; overflow: Overflow }[] = [];
  // Index loops: this runs once per analysis, before it is optimized, and for-of made an iterator result per element.
  for (let functionIndex = 0; functionIndex < functions.length; functionIndex++) {
    const fa = functions[functionIndex]!;
    const overflowingOps = fa.overflowingOps;
    for (let k = 0; k < overflowingOps.length; k++) {
      const i = overflowingOps[k]!;
      const opA = fa.ops[i]!;
      pending.push({
        step: opA.executionStep ?? Number.MAX_SAFE_INTEGER,
        functionIndex,
        opIndex: i,
        overflow: opA.overflow!,
      });
    }
  }
  pending.sort((a, b) => a.step - b.step);
  const out = functions.slice();
  const copied = new Set<number>();
  const overflows: OverflowRef[] = [];
  let firstFailure: OverflowRef | undefined;
  for (let k = 0; k < pending.length; k++) {
    const p = pending[k]!;
    const throws = throwsAtRunTime(p.overflow.kind) && p.overflow.buildDependent === undefined;
    let status: Overflow['status'];
    if (!throws) status = firstFailure === undefined ? 'warning' : 'notReached';
    else if (firstFailure === undefined && p.step !== Number.MAX_SAFE_INTEGER) status = 'first';
    else status = 'notReached';
    const overflow: Overflow =
      p.overflow.status === status ? p.overflow : overflowRecord(p.overflow, status, p.overflow.buildDependent);
    const fa = out[p.functionIndex]!;
    const ref: OverflowRef = { functionName: fa.fn.name, functionIndex: p.functionIndex, opIndex: p.opIndex, overflow };
    if (status === 'first') firstFailure = ref;
    overflows.push(ref);
    if (overflow !== p.overflow) {
      if (!copied.has(p.functionIndex)) {
        copied.add(p.functionIndex);
        if (!ownsOps(p.functionIndex)) out[p.functionIndex] = { ...fa, ops: fa.ops.slice() };
      }
      const ops = out[p.functionIndex]!.ops as OpAnalysis[];
      ops[p.opIndex] = { ...ops[p.opIndex]!, overflow };
    }
  }
  return { functions: out, overflows, firstFailure };
}
