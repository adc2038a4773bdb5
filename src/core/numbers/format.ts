import Decimal from 'decimal.js';

const SEPARATORS = { id: { thousands: '.', decimal: ',' }, en: { thousands: ',', decimal: '.' } } as const;

/**
 * Writes a value the way the reports print it: grouped thousands, a fixed number of
 * decimals, '-' for negatives. Ties round away from zero (ROUND_HALF_UP), which is how
 * Excel rounds, so a displayed total matches what the workbook shows.
 */
export function formatNumber(value: Decimal.Value, style: 'id' | 'en', decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  }
  const d = new Decimal(value);
  // NaN and infinities have no digits to group; leave them as decimal.js spells them.
  if (!d.isFinite()) return d.toString();

  // Round the magnitude, not the signed value, so that '-0,001' becomes '0,00' rather than '-0,00'.
  const fixed = d.abs().toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [intPart, fracPart] = fixed.split('.');
  const { thousands, decimal } = SEPARATORS[style];
  const sign = d.isNegative() && !new Decimal(fixed).isZero() ? '-' : '';
  return sign + groupThousands(intPart ?? '0', thousands) + (fracPart ? decimal + fracPart : '');
}

function groupThousands(digits: string, separator: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}
