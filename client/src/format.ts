/** Byte figures for the status bar and the timeline: the server's formatter (one unit system: exact bytes, decimal MB). */

import { formatBytesExact, formatMegabytes } from '../../server/src/text/numbers';

export { formatBytesExact };

/** `9990400` → `9.99 MB`, the label the server's hovers, hints and lenses use for the same figure. */
export function formatBytesShort(nBytes: number): string {
  return formatMegabytes(nBytes);
}

/** Share of the limit as a whole percent; `—` when the limit is not positive. */
export function formatPercent(nBytes: number, limitBytes: number): string {
  return limitBytes > 0 ? `${Math.round((100 * nBytes) / limitBytes)}%` : '—';
}
