/**
 * The tt-mlir era a dump was printed in, for writing new ops the way that tt-mlir prints them. Dates come from the
 * same syntax clues as the build window (analysis/buildWindow.ts), read back as tt-mlir dates.
 *
 * Op names by era (ttnn-ir-syntax.md §8; tt-mlir git history):
 *   `ttnn.slice` → `ttnn.slice_static`: tt-mlir PR #4340 (change point tt-mlir-slice-static-rename).
 */

import { inferBuildWindow } from '../analysis/buildWindow';
import {
  changePointText,
  OLDEST_MODELED_BUILD,
  windowAtOrAfter,
  windowWhollyAtOrAfter,
  type IsoDate,
} from '../estimate/changePoints';

/** tt-mlir dates the dump may have been printed on. */
export interface TtMlirDates {
  readonly earliest: IsoDate;
  readonly latest: IsoDate;
}

/** buildWindow.ts lets the pinned tt-metal trail tt-mlir by this much; undone here. */
const UPLIFT_LAG_DAYS = 21;

export function ttMlirDatesOf(text: string): TtMlirDates {
  const w = inferBuildWindow(text);
  if (w.source !== 'dump') return { earliest: '0000-01-01', latest: '9999-12-31' };
  const earliest =
    w.window.earliest === OLDEST_MODELED_BUILD
      ? '0000-01-01'
      : new Date(Date.parse(`${w.window.earliest}T00:00:00Z`) + UPLIFT_LAG_DAYS * 86_400_000)
          .toISOString()
          .slice(0, 10);
  return { earliest, latest: w.window.latest };
}

/** The name the dump's tt-mlir prints the static slice op with, or why it cannot be told. */
export function sliceOpName(text: string): string | { readonly reason: string } {
  if (text.includes('"ttnn.slice_static"')) return 'ttnn.slice_static';
  if (text.includes('"ttnn.slice"')) return 'ttnn.slice';
  const d = ttMlirDatesOf(text);
  if (!windowAtOrAfter(d, 'tt-mlir-slice-static-rename')) return 'ttnn.slice';
  if (windowWhollyAtOrAfter(d, 'tt-mlir-slice-static-rename')) return 'ttnn.slice_static';
  return {
    reason: `the dump's syntax does not tell whether its tt-mlir prints ttnn.slice or ttnn.slice_static (renamed by ${changePointText('tt-mlir-slice-static-rename')})`,
  };
}
