/** Number formatting shared by hovers, hints, lenses and messages: bytes with thousands separators plus decimal MB
 *  (text/numbers.ts, which the client shares). */

import { formatInteger, formatMegabytes } from '../text/numbers';

export { formatInteger, formatMegabytes };

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

/**
 * `OpModel terms: cb 8,192 · tensor 2,048 · total 10,240` (estimate/opModelTerms.ts), with the CB sum over core
 * ranges when it differs from the worst core (what graph capture reported for the tt-mlir OpModel goldens).
 */
export function formatOpModelTerms(t: {
  readonly worstCbBytesPerCore: number;
  readonly cbBytesSummedOverRanges: number;
  readonly tensorL1BytesPerCore: number;
  readonly peakL1BytesPerCore: number;
}): string {
  const summed =
    t.cbBytesSummedOverRanges === t.worstCbBytesPerCore
      ? ''
      : ` (CBs summed over core ranges: ${formatInteger(t.cbBytesSummedOverRanges)})`;
  return `OpModel terms: cb ${formatInteger(t.worstCbBytesPerCore)} · tensor ${formatInteger(t.tensorL1BytesPerCore)} · total ${formatInteger(t.peakL1BytesPerCore)}${summed}`;
}
