/** Number formatting shared by hovers, hints, lenses and messages: bytes with thousands separators plus decimal MB. */

import { formatInteger } from '../text/numbers';

export { formatInteger };

/** `9990400` → `9.99 MB` (decimal megabytes, 10^6, as tt-metal's byte counts read best in decimal). */
export function formatMegabytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '?';
  const mb = bytes / 1e6;
  if (mb >= 100) return `${mb.toFixed(0)} MB`;
  if (mb >= 0.01 || mb === 0) return `${mb.toFixed(2)} MB`;
  return `${(bytes / 1e3).toFixed(2)} KB`;
}

/** `9990400` → `9,990,400 B (9.99 MB)`. */
export function formatBytes(bytes: number): string {
  return `${formatInteger(bytes)} B (${formatMegabytes(bytes)})`;
}

/** `0.3114` → `31%`; below 1% keeps one decimal so tiny use does not read as zero. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '?%';
  const pct = fraction * 100;
  if (pct > 0 && pct < 1) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}
