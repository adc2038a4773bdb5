/**
 * How many decimals Excel shows for a number format, or null for 'General'
 * and other formats where the stored value decides.
 */
export function formatDecimals(numberFormat: string): number | null {
  if (!numberFormat || /^general$/i.test(numberFormat.trim())) return null;
  // The first section is the one used for positive numbers; strip literals so "0.00" inside quotes does not count.
  const first = numberFormat.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(first)) return null;
  const m = /\.([0#?]+)/.exec(first);
  return m ? m[1].length : 0;
}

/** Decimals written in a plain number's shortest form: 99.2 -> 1, 100 -> 0. */
export function valueDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const s = String(value);
  // The common case, '64.53': no exponent, so count after the point without a regex.
  if (s.indexOf('e') < 0) {
    const dot = s.indexOf('.');
    return dot < 0 ? 0 : s.length - dot - 1;
  }
  const e = /e-(\d+)$/.exec(s);
  if (e) return Math.min(20, Number(e[1]) + (s.split('e')[0].split('.')[1]?.length ?? 0));
  return s.split('.')[1]?.length ?? 0;
}
