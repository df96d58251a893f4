/**
 * The device an IR file targets: L1 size, L1 unreserved base (where circular buffers start), worker grid,
 * alignments. Read from the module's system descriptor when present, else a named preset; always says where
 * each figure came from, because the base moves between tt-metal builds.
 */

import { formatInteger } from '../text/numbers';
import type { TextRange } from '../text/textRange';

export type Arch = 'wormhole_b0' | 'blackhole' | 'quasar';

export type PresetName =
  | 'wormhole_b0_n150'
  | 'wormhole_b0_n300'
  | 'wormhole_b0_n300_worker_dispatch'
  | 'wormhole_b0_galaxy'
  | 'blackhole_p100'
  | 'blackhole_p150'
  | 'blackhole_p150_unharvested';

export const PRESET_NAMES: readonly PresetName[] = [
  'wormhole_b0_n150',
  'wormhole_b0_n300',
  'wormhole_b0_n300_worker_dispatch',
  'wormhole_b0_galaxy',
  'blackhole_p100',
  'blackhole_p150',
  'blackhole_p150_unharvested',
];

export type DeviceSource = 'system_desc' | 'preset' | 'override';

/** Where the base came from; `build_date`: the dated table's base for the analysis's tt-metal build window
 *  (analysis/l1BaseHistory.ts, handed over as `BuildDeviceFacts`). */
export type BaseSource = DeviceSource | 'build_date';

export interface Device {
  readonly arch: Arch;
  /** The preset the figures (or the missing ones) came from, if any. */
  readonly presetName: PresetName | undefined;
  /** `l1_size_per_core`: the "max L1 size" of tt-metal's circular-buffer error. */
  readonly l1SizeBytes: number;
  /** Allocator base = address of the first circular buffer. */
  readonly l1UnreservedBase: number;
  /**
   * `l1_small_size` the device was opened with: bytes at the top of every L1 bank kept for L1_SMALL buffers (conv and
   * halo config tensors). Regular L1 buffers allocate top-down from `l1SizeBytes − l1SmallSizeBytes`; CBs still start
   * at the base. See `L1_SMALL_DEFAULT` for the figure and its source.
   */
  readonly l1SmallSizeBytes: number;
  /** Compute-with-storage grid as [rows, cols] (tt-mlir prints `grid = RxC`); x = column, y = row. */
  readonly workerGrid: readonly [number, number];
  readonly nWorkerCores: number;
  /** One interleaved-L1 bank per compute core. */
  readonly nL1Banks: number;
  readonly nDramBanks: number;
  readonly numCbs: number;
  readonly l1AlignmentBytes: number;
  readonly dramAlignmentBytes: number;
  readonly pcieAlignmentBytes: number;
  /** Where the device as a whole came from. */
  readonly source: DeviceSource;
  /** Where `l1UnreservedBase` came from (differs from `source` when a mock base was replaced, dated or overridden). */
  readonly baseSource: BaseSource;
  /** One line for humans, e.g. "system_desc (wormhole_b0, grid 8x8, base 102,656 B)". */
  readonly sourceDetail: string;
  /** Things the user should know: fictitious base substituted, unknown arch, ... */
  readonly warnings: readonly string[];
}

interface PresetFigures {
  readonly arch: Arch;
  readonly l1SizeBytes: number;
  readonly l1UnreservedBase: number;
  readonly workerGrid: readonly [number, number];
  readonly nDramBanks: number;
  readonly numCbs: number;
  readonly l1AlignmentBytes: number;
  readonly dramAlignmentBytes: number;
  readonly pcieAlignmentBytes: number;
}

/**
 * Preset figures (ttmetal-l1-model.md §1):
 * - L1: Wormhole 1,499,136 B (`MEM_L1_SIZE` in tt-metal tt_metal/hw/inc/internal/tt-1xx/wormhole/dev_mem_map.h@009581c),
 *   Blackhole 1,572,864 B (blackhole/dev_mem_map.h@0079e94, a commit of tt-metal PR #52549's diagnostic branch; the L1
 *   size is the same in every stored copy, PageDevv/tt-metal@f1a8385's included).
 * - Default base: Wormhole 102,656 B, the `l1_unreserved_base` of a real n150 system desc in tt-mlir tests and the value
 *   that reproduces the seed failure (tt-metal builds Dec 2025 - Feb 2026); within 4 KiB of every Wormhole base seen
 *   (98,848 B in 2024-12 .. 105,664 B from 2026-07-26). Blackhole 111,616 B, the newest base in public figures (see
 *   "Blackhole" below). Both are `align(MEM_MAP_END + 69 KiB, max(DRAM, L1 alignment))` (tt-metal
 *   tt_metal/llrt/hal/tt-1xx/wormhole/wh_hal_tensix.cpp@01656bf). The base moves with the build, so when the analysis's
 *   tt-metal window maps to one observed base (analysis/l1BaseHistory.ts: dated thread figures and dumps) that base replaces the
 *   preset's (`baseSource` `build_date`); a window spanning several keeps the preset's (see `datedBase`).
 * - Alignments: L1 16 B; DRAM/PCIe 32 B (WH), 64 B (BH) (noc_parameters.h@22f2152).
 * - Grids: n150 and n300 (Ethernet dispatch, tt-mlir default) 8x8; n300 with worker dispatch (ttnn's default outside
 *   tt-mlir; the chip is two-row harvested and dispatch takes a row) 7 rows x 8 = 56 (ttmetal-l1-model.md §1);
 *   Galaxy (unharvested 8 x 10 Tensix chips) 9 rows x 8 = 72: tt-mlir's runtime dispatches on workers when every device
 *   is PCIe-attached (runtime/include/tt/runtime/detail/common/common.h@0abe29a, getDispatchCoreType; from tt-mlir
 *   3d42404, 2026-02-23, Ethernet only on N150 / N300 / T3K cluster types), and the worker row leaves
 *   compute_with_storage_grid_range [0, 0]-[7, 8] (tt_metal/core_descriptors/wormhole_b0_80_arch.yaml@ed5eade, `galaxy`,
 *   `row`). tt-xla bring-up runs of 2025-09..11 print "across 72 banks" (tt-xla #1497, the test configs' maskformer /
 *   faster_rcnn / PETR reasons) and tt-mlir's r18_loc.mlir system desc prints `grid = 9x8` with 12 DRAM channels.
 *   Blackhole below.
 * - CB indices: 32 on Wormhole, 64 on Blackhole (circular_buffer_constants.h).
 *
 * Blackhole (the die has 14 x 10 Tensix; dispatch takes one column, tt-metal's default dispatch axis on Blackhole being
 * COL unless fabric Tensix config is on: tt_metal/impl/dispatch/dispatch_core_common.cpp@054da56):
 * - p100: two columns harvested → 12, less dispatch → 10 rows x 11.
 * - p150: 10 rows x 11 since firmware v19.5.0 (Jan 2026) harvests two columns on every p150 to present 120 Tensix
 *   (tt-metal #47014/#47015; tt-umd PR #1942 expects 2 harvested columns on P150; tt-metal PR #35056, Dec 2025: "instead
 *   of 13x10 there will be 11x10"). Real p150 system descs print `grid = 10x11` (tt-mlir #7809, 2026-04; the Falcon3
 *   dump of tt-mlir a3bafe1, 2026-07, 8 DRAM channels); tt-mlir's default Blackhole desc followed in PR #9248 (2026-08).
 *   Core ranges [0-0 - 10-9] in 2026 threads (tt-metal #54876) agree.
 * - p150_unharvested: 10 x 13 = 130, a p150 on firmware before v19.5.0 (all 14 columns, less dispatch): the
 *   [(x=0,y=0) - (x=12,y=9)] core range of tt-xla #1066 (2025-08) and tt-lang #511 (2026-04, a card not yet updated).
 *   The grid follows the card's firmware, not the tt-metal build, so it is a preset, not a change point.
 * - Ethernet dispatch would give a p150 all 12 columns (tt-metal PR #57142, open in 2026-09, "12x10 grid"), but it
 *   cannot open a Blackhole device before that PR (tt-mlir's runtime dispatches on workers there, tt-mlir PR #3344), so
 *   no preset models it.
 * - Base: moves with the tt-metal build (firmware size), the same on p100 and p150: 103,040 B in 2025-10 (tt-mlir #5343's
 *   allocator bank with 32 KiB of L1_SMALL), 104,128 B on 2026-01-07 and
 *   105,280 B in 2026-01-16..28 (tt-metal #35410 / #36316, each the base a dated dev_mem_map.h layout gives, see
 *   analysis/l1BaseHistory.ts), 111,104 B from 2026-01-30 (tt-metal PR #35963's merge; tt-mlir #7153's system desc and CB figure; tt-mlir 123d0c1 oom_ttnn.mlir, 2026-04), 111,360 B
 *   from 2026-06-12 (PR #46526's mailbox; tt-metal #47317, tt-mlir a3bafe1 Falcon3), 111,488 B from tt-metal PR #49417's 128 B mailbox growth (dated 2026-07-26; PR #53319's
 *   figure to the byte; #54621 of 2026-08-27 with its checkout's 111,488 B given), 111,616 B from 2026-08-25 (a 13,424 B mailbox; tt-metal PR #54274 and #54697:
 *   1,690,624 − 1,579,008 B of CBs; #56133: 1,957,760 − 1,846,144 B); the 13,168 B mailbox of tt-metal@0079e942
 *   (111,360 B) is the unmerged diagnostic PR #52549, not a later revert (analysis/l1BaseHistory.ts). Like Wormhole's 99,104 → 102,112 → 103,712 → 105,664 B it is not an op-factory
 *   change but a `device` change point (`l1-base-…`): a dump's system desc carries its build's base, `ttnnL1.l1UnreservedBase` /
 *   a runtime log's implied base override the preset, and otherwise the build window's entry of analysis/l1BaseHistory.ts does.
 */
const BLACKHOLE_BASE_BYTES = 111_616;

const PRESETS: Readonly<Record<PresetName, PresetFigures>> = {
  wormhole_b0_n150: {
    arch: 'wormhole_b0',
    l1SizeBytes: 1_499_136,
    l1UnreservedBase: 102_656,
    workerGrid: [8, 8],
    nDramBanks: 12,
    numCbs: 32,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 32,
    pcieAlignmentBytes: 32,
  },
  wormhole_b0_n300: {
    arch: 'wormhole_b0',
    l1SizeBytes: 1_499_136,
    l1UnreservedBase: 102_656,
    workerGrid: [8, 8],
    nDramBanks: 12,
    numCbs: 32,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 32,
    pcieAlignmentBytes: 32,
  },
  wormhole_b0_n300_worker_dispatch: {
    arch: 'wormhole_b0',
    l1SizeBytes: 1_499_136,
    l1UnreservedBase: 102_656,
    workerGrid: [7, 8],
    nDramBanks: 12,
    numCbs: 32,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 32,
    pcieAlignmentBytes: 32,
  },
  wormhole_b0_galaxy: {
    arch: 'wormhole_b0',
    l1SizeBytes: 1_499_136,
    l1UnreservedBase: 102_656,
    workerGrid: [9, 8],
    nDramBanks: 12,
    numCbs: 32,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 32,
    pcieAlignmentBytes: 32,
  },
  blackhole_p100: {
    arch: 'blackhole',
    l1SizeBytes: 1_572_864,
    l1UnreservedBase: BLACKHOLE_BASE_BYTES,
    workerGrid: [10, 11],
    nDramBanks: 7,
    numCbs: 64,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 64,
    pcieAlignmentBytes: 64,
  },
  blackhole_p150: {
    arch: 'blackhole',
    l1SizeBytes: 1_572_864,
    l1UnreservedBase: BLACKHOLE_BASE_BYTES,
    workerGrid: [10, 11],
    nDramBanks: 8,
    numCbs: 64,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 64,
    pcieAlignmentBytes: 64,
  },
  blackhole_p150_unharvested: {
    arch: 'blackhole',
    l1SizeBytes: 1_572_864,
    l1UnreservedBase: BLACKHOLE_BASE_BYTES,
    workerGrid: [10, 13],
    nDramBanks: 8,
    numCbs: 64,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 64,
    pcieAlignmentBytes: 64,
  },
};

export function defaultPresetFor(arch: Arch): PresetName {
  return arch === 'blackhole' ? 'blackhole_p150' : 'wormhole_b0_n150';
}

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The chip fields of `#ttcore.system_desc` / `#tt.system_desc` that matter here; any may be missing. */
export interface SystemDescInfo {
  readonly arch: string | undefined;
  readonly gridRows: number | undefined;
  readonly gridCols: number | undefined;
  readonly l1SizeBytes: number | undefined;
  readonly l1UnreservedBase: number | undefined;
  readonly numDramChannels: number | undefined;
  readonly numCbs: number | undefined;
  readonly l1AlignmentBytes: number | undefined;
  readonly dramAlignmentBytes: number | undefined;
  readonly pcieAlignmentBytes: number | undefined;
}

export interface DeviceOverrides {
  /** Use this preset instead of the system desc's figures. */
  readonly preset?: PresetName;
  /** Force the L1 unreserved base (bytes). */
  readonly l1UnreservedBase?: number;
  /** Force the L1_SMALL region's size (bytes; `l1_small_size` at device open). */
  readonly l1SmallSizeBytes?: number;
  /** The device facts of the analysis's tt-metal builds (analysis/deviceFacts.ts): the dated base wherever a preset's
   *  would be used, and the runtime's L1_SMALL default. Absent: the presets' bases and `L1_SMALL_DEFAULT`. */
  readonly buildFacts?: BuildDeviceFacts;
}

/** What the device uses when the base is not given by a real system desc, a setting or a runtime log. */
export interface DatedBaseChoice {
  readonly l1UnreservedBaseBytes: number;
  /** True when it is a table entry's (the whole window maps to it). */
  readonly fromTable: boolean;
  /** For `sourceDetail`, e.g. "base 99,104 B: tt-metal builds of 2024-12 (tt-metal #15950, ...)". */
  readonly why: string;
}

/** The runtime's L1_SMALL size when nothing overrides it, and where that figure comes from. */
export interface L1SmallDefault {
  readonly l1SmallSizeBytes: number;
  readonly detail: string;
}

/**
 * Facts of the device a build window's builds run, as plain figures: the analysis resolves them through the
 * change-point table (estimate/changePoints.ts, family `device`), so this model holds no dates.
 */
export interface BuildDeviceFacts {
  /** The base each preset's gives way to (the dated table's, or the preset's own with why). */
  readonly baseByPreset: Readonly<Record<PresetName, DatedBaseChoice>>;
  readonly l1SmallDefault: L1SmallDefault;
}

/**
 * The L1_SMALL region (tt-metal tt_metal/impl/allocator/l1_banking_allocator.cpp@012dc4e07bca068b11285df3841ec7107f2a682d,
 * `init_compute_and_storage_l1_bank_manager`): `l1_small_size` (aligned to the DRAM alignment at device open) takes the
 * top of each L1 bank; the L1 bank manager gets `l1_size − base − l1_small_size` bytes from the base, allocating
 * top-down, so the OOM error's "bank size" is that figure. The CB base does not move, and CBs are checked against the
 * lowest *L1* buffer only (allocator.cpp@0011c4cfa8fe3fd0ab08befbbf024da05a16e63b `lowest_occupied_l1_address`: "l1_manager
 * always sits below l1_small_manager").
 *
 * The size is the runtime's, not the build's: tt-mlir's runtime opens the device with `tt::constants::L1_SMALL_SIZE`
 * unless the caller passes `l1SmallSize` (runtime/lib/ttnn/runtime.cpp `openMeshDevice`): 32 KiB from tt-mlir PR #484
 * (2024-08-30) and 64 KiB since PR #5557 (2025-11-04, include/Constants.h; tt-mlir #5556 ran out of its 32,768 B
 * L1_SMALL bank). Threads agree: tt-xla #1458 (2025-09) bank 1,366,560 B = 1,499,136 − 99,808 − 32,768; tt-mlir #5771
 * (2025-11-10) 1,331,936 = 1,499,136 − 101,664 − 65,536; tt-mlir #8110 (2026-04) 1,329,888 = 1,499,136 − 103,712 −
 * 65,536. A ttnn Python run opens with its own figure (`device_params`), else tt-metal's DEFAULT_L1_SMALL_SIZE = 0
 * (tt_metal/hostdevcommon/api/hostdevcommon/common_values.hpp@152bdb390fdf7f388e389e08e17ee96a096dbf39):
 * `ttnnL1.l1SmallSize` overrides.
 */
export const L1_SMALL_DEFAULT = {
  l1SmallSizeBytes: 65_536,
  detail: 'tt-mlir runtime default (tt::constants::L1_SMALL_SIZE, 64 KiB from tt-mlir PR #5557; 32,768 B before)',
} as const satisfies L1SmallDefault;

/**
 * The runtime default before tt-mlir PR #5557 (change point tt-mlir-runtime-l1-small-64k, which dates it by the
 * tt-metal builds tt-mlir paired with it; the analysis picks it and words both details from the change point:
 * analysis/deviceFacts.ts). tt-xla's maskformer_swin_b xfail (tt-xla 21df083a9, 2025-11-06, tt-mlir 0fb9bd4 on tt-metal
 * 8f0c87a) prints the 64 KiB bank, 1,331,936 B.
 */
export const L1_SMALL_BEFORE_TT_MLIR_PR_5557 = {
  l1SmallSizeBytes: 32_768,
  detail: 'tt-mlir runtime default from tt-mlir PR #484 until PR #5557',
} as const satisfies L1SmallDefault;

/**
 * tt-mlir's mock system desc (`SystemDescAttr::getDefault`, TTCoreOpsTypes.cpp@19c86fc) says 1024 on Wormhole and
 * 98,304 on Blackhole; no real build has a base below the firmware map (~32 KiB), so such values are fictitious.
 */
function isMockBase(arch: Arch, base: number): boolean {
  return base < 32 * 1024 || (arch === 'blackhole' && base === 98_304);
}

/**
 * The base a device takes when no real system desc, setting or log gives it: the dated table's for the build window
 * (`BuildDeviceFacts.baseByPreset`), else the preset's. `why` is for `sourceDetail`.
 */
interface FallbackBase {
  readonly bytes: number;
  readonly dated: boolean;
  readonly why: string;
}

function fallbackBase(name: PresetName, facts: BuildDeviceFacts | undefined): FallbackBase {
  const p = PRESETS[name];
  if (facts === undefined) {
    return { bytes: p.l1UnreservedBase, dated: false, why: `default base ${formatInteger(p.l1UnreservedBase)} B` };
  }
  const choice = facts.baseByPreset[name];
  return { bytes: choice.l1UnreservedBaseBytes, dated: choice.fromTable, why: choice.why };
}

function fromPreset(
  name: PresetName,
  source: DeviceSource,
  detail: string,
  warnings: string[],
  base: FallbackBase | undefined = undefined,
): Device {
  const p = PRESETS[name];
  const nCores = p.workerGrid[0] * p.workerGrid[1];
  return {
    ...p,
    l1SmallSizeBytes: L1_SMALL_DEFAULT.l1SmallSizeBytes,
    l1UnreservedBase: base?.bytes ?? p.l1UnreservedBase,
    presetName: name,
    nWorkerCores: nCores,
    nL1Banks: nCores,
    source,
    baseSource: base?.dated === true ? 'build_date' : source,
    sourceDetail: detail,
    warnings,
  };
}

/**
 * The device with its L1_SMALL size (the runtime default of the build window unless overridden) and that figure's source
 * in its detail.
 */
function withL1Small(device: Device, l1SmallSizeBytes: number | undefined, facts?: BuildDeviceFacts): Device {
  const runtimeDefault = facts?.l1SmallDefault ?? L1_SMALL_DEFAULT;
  const size = l1SmallSizeBytes ?? runtimeDefault.l1SmallSizeBytes;
  const why = l1SmallSizeBytes === undefined ? runtimeDefault.detail : 'overridden';
  return {
    ...device,
    l1SmallSizeBytes: size,
    sourceDetail: `${device.sourceDetail}; L1_SMALL ${formatInteger(size)} B (${why})`,
  };
}

function applyBaseOverride(device: Device, base: number | undefined): Device {
  if (base === undefined) return device;
  return {
    ...device,
    l1UnreservedBase: base,
    baseSource: 'override',
    sourceDetail: `${device.sourceDetail}; base overridden to ${formatInteger(base)} B`,
  };
}

function archOf(name: string | undefined): Arch | undefined {
  if (name === 'wormhole_b0' || name === 'blackhole' || name === 'quasar') return name;
  return undefined;
}

/**
 * The Blackhole board a system desc describes: 7 DRAM channels is a p100 (p150: 8); a 13-column grid is a p150 on
 * firmware before v19.5.0, unless the desc is tt-mlir's mock (whose 10x13 predates tt-mlir PR #9248).
 */
function blackholePresetOf(desc: SystemDescInfo, mock: boolean): PresetName {
  if (desc.numDramChannels === PRESETS.blackhole_p100.nDramBanks) return 'blackhole_p100';
  if (!mock && desc.gridCols === PRESETS.blackhole_p150_unharvested.workerGrid[1]) return 'blackhole_p150_unharvested';
  return 'blackhole_p150';
}

/**
 * The device to analyse against. Order: explicit preset override > system desc (missing fields from the arch's
 * default preset) > wormhole_b0 n150 preset. A mock system desc's base and grid are replaced by the preset's with a warning.
 * Wherever the base would be the preset's, `overrides.buildFacts` gives the dated one (analysis/deviceFacts.ts); an explicit
 * `overrides.l1UnreservedBase` beats everything.
 */
export function resolveDevice(desc: SystemDescInfo | undefined, overrides: DeviceOverrides = {}): Device {
  return withL1Small(resolveDeviceFigures(desc, overrides), overrides.l1SmallSizeBytes, overrides.buildFacts);
}

function resolveDeviceFigures(desc: SystemDescInfo | undefined, overrides: DeviceOverrides): Device {
  const facts = overrides.buildFacts;
  if (overrides.preset !== undefined) {
    const fallback = fallbackBase(overrides.preset, facts);
    const detail = `preset ${overrides.preset} (chosen by setting${facts === undefined ? '' : `; ${fallback.why}`})`;
    const device = fromPreset(overrides.preset, 'override', detail, [], fallback);
    return applyBaseOverride(device, overrides.l1UnreservedBase);
  }
  if (desc === undefined) {
    const name = defaultPresetFor('wormhole_b0');
    const fallback = fallbackBase(name, facts);
    const device = fromPreset(
      name,
      'preset',
      `preset ${name} (no system_desc in the file; ${fallback.why})`,
      [],
      fallback,
    );
    return applyBaseOverride(device, overrides.l1UnreservedBase);
  }
  const warnings: string[] = [];
  let arch = archOf(desc.arch);
  if (arch === undefined) {
    warnings.push(`unknown arch '${desc.arch ?? '(missing)'}' in system_desc; assuming wormhole_b0`);
    arch = 'wormhole_b0';
  }
  const mock = desc.l1UnreservedBase !== undefined && isMockBase(arch, desc.l1UnreservedBase);
  const presetName = arch === 'blackhole' ? blackholePresetOf(desc, mock) : defaultPresetFor(arch);
  const p = PRESETS[presetName];
  let rows = desc.gridRows ?? p.workerGrid[0];
  let cols = desc.gridCols ?? p.workerGrid[1];
  const fallback = fallbackBase(presetName, facts);
  const fallbackSource: BaseSource = fallback.dated ? 'build_date' : 'preset';
  let base = desc.l1UnreservedBase ?? fallback.bytes;
  let baseSource: BaseSource = desc.l1UnreservedBase === undefined ? fallbackSource : 'system_desc';
  if (mock) {
    warnings.push(
      `system_desc l1_unreserved_base = ${formatInteger(base)} is tt-mlir's mock default (fictitious); using ${fallback.dated ? fallback.why : `the ${presetName} preset base ${formatInteger(fallback.bytes)} B`}`,
    );
    base = fallback.bytes;
    baseSource = fallbackSource;
    if (rows !== p.workerGrid[0] || cols !== p.workerGrid[1]) {
      // The mock's grid is tt-mlir's guess too (Blackhole 10x13 before tt-mlir PR #9248), not the chip's.
      warnings.push(
        `system_desc grid ${rows}x${cols} is tt-mlir's mock default; using the ${presetName} preset grid ${p.workerGrid[0]}x${p.workerGrid[1]}`,
      );
      [rows, cols] = p.workerGrid;
    }
  }
  let l1SizeBytes = desc.l1SizeBytes ?? p.l1SizeBytes;
  if (l1SizeBytes <= base) {
    // A base at or past the end of L1 leaves no room at all: the figures are corrupt, not a device to model.
    warnings.push(
      `system_desc l1_size = ${formatInteger(l1SizeBytes)} B is not above l1_unreserved_base = ${formatInteger(base)} B; using the ${presetName} preset's L1 size and base`,
    );
    l1SizeBytes = p.l1SizeBytes;
    base = fallback.bytes;
    baseSource = fallbackSource;
  }
  const nCores = rows * cols;
  const device: Device = {
    arch,
    presetName,
    l1SizeBytes,
    l1UnreservedBase: base,
    l1SmallSizeBytes: L1_SMALL_DEFAULT.l1SmallSizeBytes,
    workerGrid: [rows, cols],
    nWorkerCores: nCores,
    nL1Banks: nCores,
    nDramBanks: desc.numDramChannels ?? p.nDramBanks,
    numCbs: desc.numCbs ?? p.numCbs,
    l1AlignmentBytes: desc.l1AlignmentBytes ?? p.l1AlignmentBytes,
    dramAlignmentBytes: desc.dramAlignmentBytes ?? p.dramAlignmentBytes,
    pcieAlignmentBytes: desc.pcieAlignmentBytes ?? p.pcieAlignmentBytes,
    source: 'system_desc',
    baseSource,
    sourceDetail: `system_desc (${arch}, grid ${rows}x${cols}, ${baseSource === 'build_date' ? fallback.why : `base ${formatInteger(base)} B${baseSource === 'preset' ? ` from preset ${presetName}` : ''}`})`,
    warnings,
  };
  return applyBaseOverride(device, overrides.l1UnreservedBase);
}

/** A preset's arch and base (the analysis dates the base per preset: analysis/deviceFacts.ts). */
export function presetBase(name: PresetName): { readonly arch: Arch; readonly l1UnreservedBaseBytes: number } {
  const p = PRESETS[name];
  return { arch: p.arch, l1UnreservedBaseBytes: p.l1UnreservedBase };
}

/** A preset device by name (tests, CLI `--arch`). */
export function presetDevice(
  name: PresetName,
  overrides: { readonly l1UnreservedBase?: number; readonly l1SmallSizeBytes?: number } = {},
): Device {
  const device = applyBaseOverride(fromPreset(name, 'preset', `preset ${name}`, []), overrides.l1UnreservedBase);
  return withL1Small(device, overrides.l1SmallSizeBytes);
}

// ---------------------------------------------------------------------------------------------
// The device mesh an op runs on

/**
 * Where the mesh of an op was read, in the order tt-mlir states it (the first found wins):
 * - `device operand`: the `mesh_shape` of the `ttnn.get_device` that defines the op's `!ttnn.device` operand;
 * - `function get_device`: the `mesh_shape` of the first `ttnn.get_device` of the op's function (tt-mlir inserts one
 *   at the top of each function body: lib/Dialect/TTNN/Utils/TransformUtils.cpp@19c86fc getOrInsertDevice);
 * - `module device`: the `meshShape` of the module's `ttcore.device` (`tt.device` in older dumps), which both
 *   get_device's attribute and the flatbuffer's mesh are made from (TransformUtils.cpp insertGetDeviceOp: an empty
 *   meshShape gives 1x1; lib/Target/TTNN/TTNNToFlatbuffer.cpp@19c86fc createOp(GetDeviceOp), lookupDevice).
 * tt-mlir's runtime runs every op on the program's mesh device, reshaped to a get_device's shape when that shape is no
 * submesh of it (runtime/lib/ttnn/operations/context/get_device.cpp@19c86fc).
 */
export type MeshSource = 'device operand' | 'function get_device' | 'module device';

export interface DeviceMesh {
  /** [rows, cols], as tt-mlir prints `RxC` (MeshShape(y, x)): `cluster_axis` 0 runs along a column of `rows`
   *  devices, 1 along a row of `cols` (tt-metal ttnn/cpp/ttnn/operations/ccl/ccl_common.cpp@622c6fb
   *  get_topological_dimension: the largest coordinate along the axis of the devices the tensor is on, plus one). */
  readonly shape: readonly [number, number];
  readonly source: MeshSource;
  /** The text that states it: the `#ttnn<mesh_shape RxC>` value, or the `RxC` after `meshShape =`. */
  readonly range: TextRange;
}

/** Largest mesh side read as a figure; a bigger one (no system has it) is treated as unreadable. */
const MAX_MESH_SIDE = 4096;

/** `RxC` (a dimension list as MLIR prints it) as [rows, cols]; empty text is tt-mlir's 1x1. */
export function meshShapeFromText(text: string): readonly [number, number] | undefined {
  if (text === '') return [1, 1];
  const m = /^(\d+)x(\d+)$/.exec(text);
  if (m === null) return undefined;
  const rows = Number(m[1]);
  const cols = Number(m[2]);
  return rows >= 1 && cols >= 1 && rows <= MAX_MESH_SIDE && cols <= MAX_MESH_SIDE ? [rows, cols] : undefined;
}

/** The devices along `clusterAxis` of `mesh` (ttnn::ccl::get_topological_dimension), undefined when either is unknown
 *  or the axis is neither 0 nor 1. */
export function devicesAlongAxis(mesh: DeviceMesh | undefined, clusterAxis: number | undefined): number | undefined {
  if (mesh === undefined || (clusterAxis !== 0 && clusterAxis !== 1)) return undefined;
  return mesh.shape[clusterAxis];
}

/** "mesh 1x2 (get_device's mesh_shape)": the mesh and where it was read, for reasons and hovers. */
export function meshText(mesh: DeviceMesh): string {
  const where =
    mesh.source === 'module device'
      ? "the module's ttcore.device meshShape"
      : mesh.source === 'device operand'
        ? "the device operand's get_device mesh_shape"
        : "the function's get_device mesh_shape";
  return `mesh ${mesh.shape[0]}x${mesh.shape[1]} (${where})`;
}
