/**
 * Byte and integer formatting for every message, hover, report, status bar and chart, in the server and the VS Code
 * client alike (the client imports this file): exact bytes with fixed thousands separators, independent of the locale,
 * and one human unit system, decimal megabytes (10^6 B) labelled "MB", as tt-metal's byte counts read best in decimal.
 */

/** `9990400` → `9,990,400`. Non-finite numbers print as `?` (never an invented figure). */
export function formatInteger(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return sign + out;
}

/** `9990400` → `9.99 MB`; `2048` → `2.05 kB`; `0` → `0.00 MB` (decimal: 1 MB = 10^6 B, 1 kB = 10^3 B). */
export function formatMegabytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '?';
  const mb = bytes / 1e6;
  if (Math.abs(mb) >= 100) return `${mb.toFixed(0)} MB`;
  if (Math.abs(mb) >= 0.01 || mb === 0) return `${mb.toFixed(2)} MB`;
  return `${(bytes / 1e3).toFixed(2)} kB`;
}

/** `9990400` → `9,990,400 B`. */
export function formatBytesExact(bytes: number): string {
  return `${formatInteger(bytes)} B`;
}
