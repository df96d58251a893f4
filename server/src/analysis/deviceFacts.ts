/**
 * The device facts of an analysis's tt-metal builds, resolved through the change-point table (estimate/changePoints.ts,
 * family `device`) and handed to the device model (ttnn/device.ts) as plain figures, so that ttnn/ holds no dates and
 * imports nothing of estimate/: the dated L1 unreserved base per preset (l1BaseHistory.ts) and tt-mlir's runtime
 * L1_SMALL default.
 */

import { changePoint, windowAtOrAfter, type TtMetalWindow } from '../estimate/changePoints';
import {
  L1_SMALL_BEFORE_TT_MLIR_PR_5557,
  L1_SMALL_DEFAULT,
  PRESET_NAMES,
  presetBase,
  type BuildDeviceFacts,
  type DatedBaseChoice,
  type L1SmallDefault,
  type PresetName,
} from '../ttnn/device';
import { datedBase } from './l1BaseHistory';

/**
 * The runtime's L1_SMALL default for the builds: 32 KiB when every build of the window predates tt-mlir PR #5557's
 * change point; a window reaching past it keeps 64 KiB (the smaller L1 bank: an allocation that fails in some build of
 * the window is not called safe).
 */
export function l1SmallDefaultFor(window: TtMetalWindow): L1SmallDefault {
  return windowAtOrAfter(window, 'tt-mlir-runtime-l1-small-64k') ? L1_SMALL_64K : L1_SMALL_32K;
}

// The details name the builds the change point dates (tt-metal builds tt-mlir paired with the PR), not the PR's merge.
const L1_SMALL_64K_FROM = changePoint('tt-mlir-runtime-l1-small-64k').mergedOn;
const L1_SMALL_64K_PR = `tt-mlir PR #${changePoint('tt-mlir-runtime-l1-small-64k').pr ?? '?'}`;
const L1_SMALL_64K: L1SmallDefault = {
  l1SmallSizeBytes: L1_SMALL_DEFAULT.l1SmallSizeBytes,
  detail: `tt-mlir runtime default for tt-metal builds from ${L1_SMALL_64K_FROM} (${L1_SMALL_64K_PR}, change point tt-mlir-runtime-l1-small-64k); 32,768 B before`,
};
const L1_SMALL_32K: L1SmallDefault = {
  l1SmallSizeBytes: L1_SMALL_BEFORE_TT_MLIR_PR_5557.l1SmallSizeBytes,
  detail: `tt-mlir runtime default for tt-metal builds before ${L1_SMALL_64K_FROM} (65,536 B from ${L1_SMALL_64K_PR}, change point tt-mlir-runtime-l1-small-64k)`,
};

export function buildDeviceFacts(window: TtMetalWindow): BuildDeviceFacts {
  const baseByPreset = {} as Record<PresetName, DatedBaseChoice>;
  for (const name of PRESET_NAMES) {
    const preset = presetBase(name);
    baseByPreset[name] = datedBase(preset.arch, window, preset.l1UnreservedBaseBytes);
  }
  return { baseByPreset, l1SmallDefault: l1SmallDefaultFor(window) };
}
