/**
 * Displayed text of a cell, as Excel renders it from the value and the
 * ECMA-376 number format code. Formatting is done by SheetJS `ssf`.
 */
import * as SSF from 'ssf';
import type { RawValue, ValueType } from '../core/snapshot';

export const GENERAL = 'General';

/** Digits of a non-negative safe integer with ',' every three (what '#,##0' shows). */
function grouped(n: number): string {
  const s = String(n);
  if (s.length <= 3) return s;
  let out = s.slice(0, s.length % 3 || 3);
  for (let i = out.length; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}

/**
 * Whole numbers under the four plainest formats, written directly: ssf takes microseconds a
 * cell and budget sheets hold mostly whole rupiah. The result is ssf's own, character for
 * character (test/xlsx/formatText.test.ts compares them over random integers).
 */
function plainInteger(value: number, numFmt: string): string | undefined {
  // Past 14 digits ssf's own arithmetic shows (392789218575439.06 for '0.00'); those stay with it.
  if (!Number.isSafeInteger(value) || Math.abs(value) >= 1e14) return undefined;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  switch (numFmt) {
    case '0':
      return sign + String(abs);
    case '0.00':
      return `${sign}${abs}.00`;
    case '#,##0':
      return sign + grouped(abs);
    case '#,##0.00':
      return `${sign}${grouped(abs)}.00`;
    default:
      return undefined;
  }
}

/** Text of a number under a format code; padding/fill spaces trimmed; String(value) if the format cannot be rendered. */
export function formatNumber(value: number, numFmt: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
  const fast = plainInteger(value, numFmt);
  if (fast !== undefined) return fast;
  try {
    const out = SSF.format(numFmt || GENERAL, value, { date1904 });
    if (typeof out !== 'string') return String(value);
    return out.trim();
  } catch {
    return String(value);
  }
}

/** Displayed text for a converted cell. */
export function displayText(value: RawValue, type: ValueType, numFmt: string, date1904 = false): string {
  switch (type) {
    case 'Empty':
      return '';
    case 'Boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'Double':
    case 'Integer':
      return typeof value === 'number' ? formatNumber(value, numFmt, date1904) : String(value);
    default:
      // Strings and errors are shown as they are.
      return String(value);
  }
}
