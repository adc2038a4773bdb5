import Decimal from 'decimal.js';
import type { TableColumn, TableRow } from '../model';
import { SUMMABLE_ROLES } from '../recognize/vocabulary';
import { roundTo, type TableContext } from './context';
import { columnSum } from './columnSum';

const SHARE_HEADER = /%|persen|presentase|persentase|prosentase|porsi|proporsi|kontribusi/i;
const HUNDRED = new Decimal(100);

/**
 * Shares of a column total ('Persentase' beside 'Jumlah' in a count table,
 * 'Porsi (%)', '% terhadap total'): each row's % is its figure over the
 * total. Judged only where the column shows itself a share: its total row
 * says 100, or with no total row its rows add up to 100. A row agreeing with
 * either the typed total or the rows' own sum is not flagged.
 */
export function checkShares(ctx: TableContext): void {
  if (ctx.table.kind !== 'count') return;
  const items = ctx.rows('item');
  const total = ctx.table.rows.find((r) => r.role === 'total');
  for (const pct of ctx.table.columns) {
    if ((pct.role !== 'percent' && pct.role !== 'ratio') || !SHARE_HEADER.test(pct.header)) continue;
    const base = nearestLeftFigure(ctx, pct);
    if (!base) continue;
    if (!showsHundred(ctx, pct, items, total)) continue;
    const sum = columnSum(ctx, items, base.col).sum;
    const typed = total ? ctx.num(total.row, base.col).value : null;
    const dens = [typed, sum].filter((d): d is Decimal => d !== null && !d.isZero());
    if (dens.length === 0) continue;
    const judged: { row: TableRow; shown: Decimal; exact: Decimal; places: number }[] = [];
    let agree = 0;
    for (const row of items) {
      const cell = ctx.num(row.row, pct.col);
      const v = ctx.num(row.row, base.col).value;
      if (cell.value === null || cell.state === 'error' || cell.state === 'empty' || v === null) continue;
      const places = cell.decimals;
      const shown = roundTo(cell.value, places);
      if (dens.some((d) => roundTo(v.div(d).times(100), places).eq(shown))) agree++;
      else judged.push({ row, shown: cell.value, exact: v.div(dens[0]).times(100), places });
    }
    if (agree === 0 && judged.length >= 3) {
      ctx.notChecked(ctx.table.headerRows[0], 'share', { column: pct.header });
      continue;
    }
    for (const j of judged) {
      const expected = roundTo(j.exact, j.places);
      ctx.report({
        code: 'percent-mismatch',
        severity: 'error',
        row: j.row.row,
        col: pct.col,
        key: 'share-mismatch',
        params: {
          label: j.row.label,
          actual: ctx.fmt(j.shown, j.places),
          value: ctx.fmt(ctx.num(j.row.row, base.col).value!),
          total: ctx.fmt(dens[0]),
          exact: ctx.fmt(j.exact.toDecimalPlaces(4, Decimal.ROUND_HALF_UP)),
          expected: ctx.fmt(expected, j.places),
        },
        expected,
        actual: j.shown,
      });
    }
  }
}

function nearestLeftFigure(ctx: TableContext, pct: TableColumn): TableColumn | undefined {
  const left = ctx.table.columns.filter((k) => k.col < pct.col && SUMMABLE_ROLES.has(k.role));
  return left[left.length - 1];
}

/** The total row's % is 100, or with no total row the shares add up to 100 (within their rounding). */
function showsHundred(ctx: TableContext, pct: TableColumn, items: TableRow[], total: TableRow | undefined): boolean {
  if (total) {
    const t = ctx.num(total.row, pct.col);
    return t.value !== null && roundTo(t.value, 0).eq(HUNDRED);
  }
  const { sum, filled } = columnSum(ctx, items, pct.col);
  return filled >= 2 && sum.minus(HUNDRED).abs().lte(new Decimal(filled).times(0.5).times(new Decimal(10).pow(-ctx.num(items[0].row, pct.col).decimals)));
}
