/**
 * The device facts of an analysis's tt-metal builds, resolved through the change-point table (estimate/changePoints.ts,
 * family `device`) and handed to the device model (ttnn/device.ts) as plain figures, so that ttnn/ holds no dates and
 * imports nothing of estimate/: the dated L1 unreserved base per preset (l1BaseHistory.ts) and tt-mlir's runtime
 * L1_SMALL default.
 */

import { windowAtOrAfter, type TtMetalWindow } from '../estimate/changePoints';
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
  return windowAtOrAfter(window, 'tt-mlir-runtime-l1-small-64k') ? L1_SMALL_DEFAULT : L1_SMALL_BEFORE_TT_MLIR_PR_5557;
}

export function buildDeviceFacts(window: TtMetalWindow): BuildDeviceFacts {
  const baseByPreset = {} as Record<PresetName, DatedBaseChoice>;
  for (const name of PRESET_NAMES) {
    const preset = presetBase(name);
    baseByPreset[name] = datedBase(preset.arch, window, preset.l1UnreservedBaseBytes);
  }
  return { baseByPreset, l1SmallDefault: l1SmallDefaultFor(window) };
}
