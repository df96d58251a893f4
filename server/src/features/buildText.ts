/**
 * Words for the tt-metal build axis in hovers and diagnostics: the build window and how it was found, and an op's
 * figures across the sub-windows of a window that straddles change points of its factory.
 */

import { buildDependence, figureFails } from '../analysis/analyze';
import type { ResolvedBuildWindow } from '../analysis/buildWindow';
import {
  CHANGE_POINTS,
  changePointText,
  windowText,
  windowsText,
  type ChangePointId,
  type TtMetalWindow,
} from '../estimate/changePoints';
import type { VersionRange } from '../estimate/types';
import type { Device } from '../ttnn/device';
import { formatMegabytes } from './format';

/** `tt-metal ≈ 2025-09-17..2026-01-18, from the dump's syntax: …`, or the configured date, or "any build". */
export function buildWindowText(b: ResolvedBuildWindow): string {
  switch (b.source) {
    case 'dump':
      return `tt-metal ≈ ${windowText(b.window)}, ${b.how}`;
    case 'configured':
      return `tt-metal ${windowText(b.window)}: ${b.how}`;
    case 'none':
      return `tt-metal build unknown: ${b.how}`;
  }
}

/**
 * `1.2–6.4 MB CB region end depending on tt-metal build (tt-metal PR #40316 (2026-03-19)); fits only from tt-metal PR
 * #40316 …`, and which builds' figures are exact and which approx when they differ. Figures are CB region ends on the
 * reported core. Undefined when no sub-window has a figure.
 */
export function versionRangeText(range: VersionRange, device: Device, live: number): string | undefined {
  const ends = range.figures.map((f) => f.cbRegionEndBytes).filter((n): n is number => n !== undefined);
  if (ends.length === 0) return undefined;
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const figures =
    lo === hi
      ? `${formatMegabytes(lo)} CB region end on every build`
      : `${formatMegabytes(lo)}–${formatMegabytes(hi)} CB region end depending on tt-metal build`;
  const points = range.changePoints.map(changePointText).join(', ');
  const dep = buildDependence(range, device, live);
  let verdict: string;
  if (dep !== undefined) verdict = fitsWhenText(range, dep.fitsIn);
  else if (range.figures.some((f) => figureFails(f, device, live) === true))
    verdict = 'overflows on every build of the window';
  else verdict = 'fits on every build of the window';
  const illegalIn = range.figures.filter((f) => f.kind === 'illegal').map((f) => f.window);
  const illegal = illegalIn.length === 0 ? '' : `; tt-metal rejects it on ${windowsText(illegalIn)}`;
  return `${figures} (${points}); ${verdict}${illegal}${confidenceText(range)}`;
}

/** `; exact on tt-metal builds A, approx on B` when the sub-windows' estimates differ in confidence (the op's own
 *  confidence is then approx for the whole range, estimate/registry.ts rangeConfidence), else nothing. */
function confidenceText(range: VersionRange): string {
  const exact = range.figures.filter((f) => f.confidence === 'exact').map((f) => f.window);
  const approx = range.figures.filter((f) => f.confidence === 'approx').map((f) => f.window);
  if (exact.length === 0 || approx.length === 0) return '';
  return `; exact on tt-metal builds ${windowsText(exact)}, approx on ${windowsText(approx)}`;
}

/** `fits only from tt-metal PR #40316 (2026-03-19)`, `fits only before …`, or the sub-windows it fits in. */
export function fitsWhenText(range: VersionRange, fitsIn: readonly TtMetalWindow[]): string {
  const windows = range.figures.map((f) => f.window);
  const fits = new Set(fitsIn.map((w) => w.earliest));
  const firstFit = windows.findIndex((w) => fits.has(w.earliest));
  const contiguous =
    windows.every((w, i) => fits.has(w.earliest) === i >= firstFit) ||
    windows.every((w, i) => fits.has(w.earliest) === (i < firstFit + fitsIn.length && i >= firstFit));
  const pointAt = (date: string): ChangePointId | undefined =>
    range.changePoints.find((id) => CHANGE_POINTS[id].mergedOn === date);
  if (contiguous && firstFit > 0 && firstFit + fitsIn.length === windows.length) {
    const id = pointAt(windows[firstFit]!.earliest);
    if (id !== undefined) return `fits only from ${changePointText(id)}`;
  }
  if (contiguous && firstFit === 0 && fitsIn.length < windows.length) {
    const id = pointAt(windows[fitsIn.length]!.earliest);
    if (id !== undefined) return `fits only before ${changePointText(id)}`;
  }
  return `fits only on tt-metal builds ${windowsText(fitsIn)}`;
}
