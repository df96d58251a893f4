/** Integer formatting for every message, hover and report: fixed thousands separators, independent of the locale. */

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
