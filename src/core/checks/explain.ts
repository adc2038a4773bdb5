import Decimal from 'decimal.js';
import type { TableContext } from './context';
import { message } from '../messages';

export interface Contribution {
  row: number;
  label: string;
  value: Decimal;
  textStored: boolean;
  /** The cell is empty (counted as 0). */
  empty?: boolean;
  /** The value as a plain number when it is exactly that number (a typed whole number): compared before the Decimal is made. */
  approx?: number;
}

function swapExplains(expected: Decimal, actual: Decimal): boolean {
  const e = expected.abs().toFixed();
  const a = actual.abs().toFixed();
  if (e.length !== a.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < e.length; i++) if (e[i] !== a[i]) diff.push(i);
  return diff.length === 2 && e[diff[0]] === a[diff[1]] && e[diff[1]] === a[diff[0]];
}

/**
 * Parts that are themselves rounded (shares whose total says 100, amounts in
 * juta/miliar) add up to the rounded total only within half a unit each:
 * 33,33 + 33,33 + 33,33 = 99,99 against 100,00 is display rounding.
 */
export function withinPartsRounding(ctx: TableContext, col: number, total: Decimal, gap: Decimal, parts: number, shownDecimals: number): boolean {
  const share = shownDecimals > 0 && total.eq(100);
  if (!share && !ctx.inScaledUnit(col)) return false;
  return gap.abs().lte(new Decimal(10).pow(-shownDecimals).div(2).times(parts + 1));
}

/**
 * Why a sum is off, when the numbers tell: one row left out or counted twice,
 * numbers stored as text that SUM skipped, two digits swapped, or rounding.
 */
export function explainGap(
  ctx: TableContext,
  col: number,
  expected: Decimal,
  actual: Decimal,
  parts: Contribution[],
  shownDecimals: number,
  groups: { label: string; rows: number[]; value: Decimal }[] = [],
): { text: string; roundingOnly: boolean } {
  const gap = expected.minus(actual);
  const lang = ctx.lang;
  if (gap.abs().lt(new Decimal(10).pow(-shownDecimals).div(2)) || (shownDecimals === 0 && gap.abs().lt(1)) || withinPartsRounding(ctx, col, actual, gap, parts.length, shownDecimals)) {
    return { text: message('why-rounding', {}, lang), roundingOnly: true };
  }
  const out: string[] = [];
  const gapAbs = gap.abs();
  // A part that is exactly a plain number equals the gap only if the gap's nearest number is it.
  const gapNum = gapAbs.toNumber();
  const same = parts.filter((p) => (p.approx === undefined || Math.abs(p.approx) === gapNum) && p.value.abs().eq(gapAbs) && !p.value.isZero());
  if (same.length > 0 && same.length <= 3) {
    const key = gap.isPositive() ? 'why-row-left-out' : 'why-row-twice';
    for (const p of same) out.push(message(key, { cell: ctx.addr(p.row, col), label: p.label }, lang));
  }
  for (const g of groups) {
    if (gap.isNegative() && g.value.eq(gap.abs()) && !g.value.isZero()) {
      const cells = `${ctx.addr(g.rows[0], col)}:${ctx.addr(g.rows[g.rows.length - 1], col)}`;
      out.push(message('why-children-twice', { label: g.label, cells }, lang));
    }
  }
  const blank = parts.filter((p) => p.empty);
  if (gap.isNegative() && blank.length === 1) {
    out.push(message('why-missing-row', { cell: ctx.addr(blank[0].row, col), label: blank[0].label, gap: ctx.fmt(gap.abs()) }, lang));
  }
  const text = parts.filter((p) => p.textStored);
  const cells = text.map((p) => ctx.addr(p.row, col)).join(', ');
  if (text.length) {
    const textSum = text.reduce((s, p) => s.plus(p.value), new Decimal(0));
    const key = textSum.eq(gap) ? 'why-text-numbers' : 'why-text-present';
    out.push(message(key, { count: text.length, cells }, lang));
  }
  if (out.length === 0 && gap.isInteger() && gap.mod(9).isZero()) {
    out.push(message(swapExplains(expected, actual) ? 'why-transposed' : 'why-nine', {}, lang));
  }
  return { text: out.join(''), roundingOnly: false };
}
