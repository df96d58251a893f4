/** Byte figures for the status bar and the timeline: exact grouped bytes, and short binary units. */

/** `9990400` → `9,990,400 B`. */
export function formatBytesExact(nBytes: number): string {
  return `${Math.round(nBytes).toLocaleString('en-US')} B`;
}

/** `9990400` → `9.53 MiB`; `1024` → `1.00 KiB`; below 1 KiB the exact count. */
export function formatBytesShort(nBytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = nBytes;
  let unitIdx = 0;
  while (Math.abs(value) >= 1024 && unitIdx < units.length - 1) {
    value /= 1024;
    unitIdx++;
  }
  return unitIdx === 0 ? `${Math.round(value)} B` : `${value.toFixed(2)} ${units[unitIdx]}`;
}

/** Share of the limit as a whole percent; `—` when the limit is not positive. */
export function formatPercent(nBytes: number, limitBytes: number): string {
  return limitBytes > 0 ? `${Math.round((100 * nBytes) / limitBytes)}%` : '—';
}
