import Decimal from 'decimal.js';
import { columnLetter, parseA1 } from '../a1';
import type { TableColumn, TableRow } from '../model';
import { roundTo, type TableContext } from './context';
import { columnSum } from './columnSum';
import { agreesExactly } from './percentExact';
import { contributorsOf } from './totals';
import { choosePair, DIVISION } from './ratioPair';
import { layoutOf } from '../layouts';

/** The columns a table's percentage may divide, as its layout says: numerators and denominators. */
function ratioRoles(ctx: TableContext): { nums: TableColumn[]; dens: TableColumn[] } {
  const ratio = layoutOf(ctx.table.kind).ratio;
  return ratio ? { nums: ctx.cols(ratio.num), dens: ctx.cols(ratio.den) } : { nums: [], dens: [] };
}

/** A zero divisor is a central-government matter, where the layout allows it, when Keterangan says so or the provincial share is 0 or '-'. */
function isPusat(ctx: TableContext, row: TableRow): boolean {
  if (!layoutOf(ctx.table.kind).pusat) return false;
  if (row.pusat) return true;
  const prov = ctx.col('kewenangan-prov');
  if (!prov) return false;
  const s = ctx.num(row.row, prov.col).state;
  return s === 'dash' || s === 'empty' || (s === 'number' && ctx.num(row.row, prov.col).value!.isZero());
}

export function checkPercentages(ctx: TableContext): void {
  const { nums, dens } = ratioRoles(ctx);
  if (nums.length === 0 || dens.length === 0) return;
  for (const pct of ctx.cols('percent')) {
    const choice = choosePair(ctx, pct, nums, dens);
    if (!choice) continue;
    if ('unsure' in choice) {
      ctx.notChecked(ctx.table.headerRows[0], choice.unsure, choice.params);
      continue;
    }
    checkColumn(ctx, pct, choice.pair.num, choice.pair.den);
  }
}

function checkColumn(ctx: TableContext, pct: TableColumn, num: TableColumn, den: TableColumn): void {
  ctx.table.rows.forEach((row, index) => {
    if (row.role === 'section') return;
    const cell = ctx.num(row.row, pct.col);
    const isTotal = row.role === 'total' || row.role === 'subtotal';
    if (!isTotal && agreesExactly(ctx, row, num, den, cell)) return;
    const typed = { n: ctx.value(row.row, num.col), d: ctx.value(row.row, den.col) };
    const { n, d } = isTotal ? recomputedTotals(ctx, index, num, den) : typed;
    if (n === null || d === null) return;
    if (cell.state === 'error' && cell.error === '#DIV/0!') {
      reportDivZero(ctx, row, pct, den, d);
      return;
    }
    if (cell.value === null || cell.state === 'empty' || d.isZero()) return;
    const exact = n.div(d).times(100);
    const places = cell.decimals;
    const expected = roundTo(exact, places);
    if (roundTo(cell.value, places).eq(expected)) return;
    // Amounts in miliar/juta are rounded: a % computed from the unrounded amounts may differ from their ratio.
    if (withinOperandRounding(ctx, row, num, den, n, d, cell.value, places)) return;
    // A total's percentage that agrees with the typed totals beside it is consistent; the totals get their own finding.
    if (isTotal && typed.n && typed.d && !typed.d.isZero() && roundTo(cell.value, places).eq(roundTo(typed.n.div(typed.d).times(100), places))) return;
    // Its own formula divides another pair of its row and gives what it shows: a different
    // formula, not a wrong figure; rewriting it to the column's pair could damage a right one.
    const own = ownPair(ctx, row, cell.formula, cell.value, places);
    if (own) {
      ctx.report({
        code: 'percent-mismatch',
        severity: 'warning',
        row: row.row,
        col: pct.col,
        key: 'percent-other-pair',
        params: { label: row.label, formula: cell.formula!, own: own, num: num.header, den: den.header },
        expected,
        actual: cell.value,
      });
      return;
    }
    const L = columnLetter;
    ctx.report({
      code: 'percent-mismatch',
      severity: 'error',
      row: row.row,
      col: pct.col,
      key: 'percent-mismatch',
      params: {
        label: row.label,
        actual: ctx.fmt(cell.value, places),
        num: ctx.fmt(n),
        den: ctx.fmt(d),
        exact: ctx.fmt(exact.toDecimalPlaces(4, Decimal.ROUND_HALF_UP)),
        decimals: places,
        expected: ctx.fmt(expected, places),
      },
      expected,
      actual: cell.value,
      // A percent-formatted cell holds the fraction: its formula has no '*100'.
      fix: cell.formula
        ? { kind: 'set-formula', value: `=${L(num.col)}${row.row + 1}/${L(den.col)}${row.row + 1}${cell.percentFormat ? '' : '*100'}` }
        : { kind: 'set-value', value: Number((cell.percentFormat ? expected.div(100) : expected).toFixed()) },
    });
  });
}

/**
 * A total's percentage comes from the recomputed totals, not the typed ones,
 * and leaves out rows that are central-government matters.
 */
function recomputedTotals(ctx: TableContext, index: number, num: TableColumn, den: TableColumn): { n: Decimal | null; d: Decimal | null } {
  const rows = contributorsOf(ctx.table.rows, index).filter((r) => !(isPusat(ctx, r) && (ctx.value(r.row, den.col) ?? new Decimal(0)).isZero()));
  return { n: columnSum(ctx, rows, num.col).sum, d: columnSum(ctx, rows, den.col).sum };
}

function reportDivZero(ctx: TableContext, row: TableRow, pct: TableColumn, den: TableColumn, d: Decimal): void {
  const pusat = isPusat(ctx, row);
  const denCell = ctx.addr(row.row, den.col);
  ctx.report({
    code: 'division-by-zero',
    severity: pusat ? 'warning' : 'error',
    row: row.row,
    col: pct.col,
    key: pusat ? 'division-by-zero-pusat' : 'division-by-zero',
    params: { label: row.label, den: `${den.header} (${denCell})`, marker: ctx.options.pusatMarker, denCell },
    expected: pusat ? ctx.options.pusatMarker : '-',
    actual: '#DIV/0!',
    fix: pusat ? { kind: 'set-text', value: ctx.options.pusatMarker } : { kind: 'set-text', value: '-' },
  });
}

/**
 * Whether the shown % lies between the ratios the rounded operands allow:
 * each of n and d is anywhere within half a unit of its last shown decimal.
 * Applies only to amounts in a scaled unit (see TableContext.inScaledUnit).
 */
function withinOperandRounding(ctx: TableContext, row: TableRow, num: TableColumn, den: TableColumn, n: Decimal, d: Decimal, shown: Decimal, places: number): boolean {
  if (!ctx.inScaledUnit(num.col) && !ctx.inScaledUnit(den.col)) return false;
  const half = (col: number) => new Decimal(10).pow(-ctx.num(row.row, col).decimals).div(2);
  const hn = half(num.col);
  const hd = half(den.col);
  if (d.abs().lte(hd)) return true;
  const lo = n.minus(hn).div(d.plus(hd)).times(100);
  const hi = n.plus(hn).div(d.minus(hd)).times(100);
  const [min, max] = lo.lte(hi) ? [lo, hi] : [hi, lo];
  const v = roundTo(shown, places);
  return v.gte(roundTo(min, places)) && v.lte(roundTo(max, places));
}

/** The headers of the two cells of its own row a % formula divides, when that ratio is what the cell shows. */
function ownPair(ctx: TableContext, row: TableRow, formula: string | undefined, value: Decimal, places: number): string | undefined {
  if (!formula) return undefined;
  const m = DIVISION.exec(formula);
  if (!m || Number(m[2]) !== row.row + 1 || Number(m[4]) !== row.row + 1) return undefined;
  const numCol = parseA1(`${m[1]}1`)?.col;
  const denCol = parseA1(`${m[3]}1`)?.col;
  if (numCol === undefined || denCol === undefined) return undefined;
  const n = ctx.value(row.row, numCol);
  const d = ctx.value(row.row, denCol);
  if (!n || !d || d.isZero()) return undefined;
  const ratio = n.div(d);
  const shown = roundTo(value, places);
  if (!roundTo(ratio.times(100), places).eq(shown) && !roundTo(ratio, places).eq(shown)) return undefined;
  const header = (c: number) => ctx.table.columns.find((k) => k.col === c)?.header || columnLetter(c);
  return `${header(numCol)} / ${header(denCol)}`;
}
