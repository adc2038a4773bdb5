import Decimal from 'decimal.js';
import type { Lang } from '../core/findings';

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function isNumericString(s: string): boolean {
  return NUMERIC.test(s.trim());
}

/**
 * Formats a plain decimal string ("38104680384.5") for people, without rounding:
 * "38.104.680.384,5" in id, "38,104,680,384.5" in en. Other strings are returned unchanged.
 */
export function formatNumber(s: string, lang: Lang): string {
  const t = s.trim();
  if (!NUMERIC.test(t)) return s;
  let plain = t;
  if (/e/i.test(t) || t.startsWith('+') || t.startsWith('.') || t.startsWith('-.')) {
    plain = new Decimal(t).toFixed();
  }
  const negative = plain.startsWith('-');
  if (negative) plain = plain.slice(1);
  const [intPart, fracPart] = plain.split('.');
  const group = lang === 'en' ? ',' : '.';
  const point = lang === 'en' ? '.' : ',';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = fracPart ? `${grouped}${point}${fracPart}` : grouped;
  return negative ? `-${body}` : body;
}
