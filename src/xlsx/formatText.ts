/**
 * Displayed text of a cell, as Excel renders it from the value and the
 * ECMA-376 number format code. Formatting is done by SheetJS `ssf`.
 */
import * as SSF from 'ssf';
import type { RawValue, ValueType } from '../core/snapshot';

export const GENERAL = 'General';

/** Text of a number under a format code; padding/fill spaces trimmed; String(value) if the format cannot be rendered. */
export function formatNumber(value: number, numFmt: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
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
