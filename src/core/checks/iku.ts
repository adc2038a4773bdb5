import Decimal from 'decimal.js';
import { computeCapaian, guessPolarity } from '../iku/capaian';
import { isScaleLabel, predikatFor, samePredikat } from '../iku/scales';
import type { TableRow } from '../model';
import { attainmentOf } from '../recognize/vocabulary';
import { roundTo, type TableContext } from './context';

/**
 * IKU rows: capaian from target and realisasi with the indicator's polarity,
 * then the predikat from the chosen scale. A target of 0 is a planning error,
 * not a central-government matter, and is said so.
 */
export function checkIku(ctx: TableContext): void {
  if (ctx.table.kind !== 'iku') return;
  const target = ctx.col('target');
  const real = ctx.col('realisasi');
  const capaianCol = ctx.col('capaian');
  const predikatCol = ctx.col('predikat');
  const kriteriaCol = ctx.col('kriteria');
  if (!target || !real || (!capaianCol && !predikatCol && !kriteriaCol)) return;
  for (const row of ctx.rows('item')) {
    const t = ctx.num(row.row, target.col).value;
    const r = ctx.num(row.row, real.col).value;
    if (!t || !r) continue;
    const polarity = guessPolarity(row.label);
    const res = computeCapaian(t, r, polarity);
    if (!res.ok) {
      if (capaianCol) reportTargetZero(ctx, row, capaianCol.col);
      continue;
    }
    let capaian = res.value;
    let shown = false;
    if (capaianCol) {
      const cell = ctx.num(row.row, capaianCol.col);
      if (cell.value !== null && cell.state !== 'error') {
        const places = cell.decimals;
        const expected = roundTo(res.value, places);
        if (isCapped(cell.value, res.value, places)) {
          reportCapped(ctx, row, capaianCol.col, cell.value, res.value, polarity === 'positive' ? `${ctx.fmt(r)} / ${ctx.fmt(t)} × 100` : `(2 × ${ctx.fmt(t)} − ${ctx.fmt(r)}) / ${ctx.fmt(t)} × 100`);
        } else if (!roundTo(cell.value, places).eq(expected)) {
          const formula =
            polarity === 'positive' ? `${ctx.fmt(r)} / ${ctx.fmt(t)} × 100` : `(2 × ${ctx.fmt(t)} − ${ctx.fmt(r)}) / ${ctx.fmt(t)} × 100`;
          ctx.report({
            code: 'capaian-mismatch',
            severity: 'error',
            row: row.row,
            col: capaianCol.col,
            key: 'capaian-mismatch',
            params: {
              label: row.label,
              actual: ctx.fmt(cell.value, places),
              formula,
              exact: ctx.fmt(res.value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP)),
              expected: ctx.fmt(expected, places),
            },
            expected,
            actual: cell.value,
            fix: { kind: 'set-value', value: Number(expected.toFixed()) },
          });
        }
        // The predikat follows what the table shows, so one typo is not reported twice.
        capaian = cell.value;
        shown = true;
      }
    }
    if (predikatCol) checkPredikat(ctx, row, predikatCol.col, capaian);
    if (kriteriaCol) checkKriteria(ctx, row, kriteriaCol.col, capaian, shown);
  }
}

/** Shown as 100 while the result exceeds the target: the office caps achievement, which is info, not an error. */
function isCapped(shown: Decimal, computed: Decimal, places: number): boolean {
  return roundTo(shown, places).eq(100) && roundTo(computed, places).gt(100);
}

function reportCapped(ctx: TableContext, row: TableRow, col: number, shown: Decimal, computed: Decimal, formula: string): void {
  ctx.report({
    code: 'capaian-capped',
    severity: 'info',
    row: row.row,
    col,
    key: 'capaian-capped',
    params: { label: row.label, actual: ctx.fmt(shown), formula, exact: ctx.fmt(computed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)) },
    expected: computed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    actual: shown,
  });
}

/**
 * 'Tercapai' / 'Tidak Tercapai' against capaian vs 100. An error only when
 * 'not met' stands beside a shown capaian of 100 or more; 'met' below 100 may
 * follow an office's own threshold, and a capaian computed here rests on the
 * indicator's direction guessed from its wording: both are warnings.
 */
function checkKriteria(ctx: TableContext, row: TableRow, col: number, capaian: Decimal, shown: boolean): void {
  const typed = ctx.grid.textAt(row.row, col);
  const said = typed ? attainmentOf(typed) : null;
  if (!said) return;
  const met = capaian.gte(100);
  if ((said === 'met') === met) return;
  const expected = met ? 'Tercapai' : 'Tidak Tercapai';
  ctx.report({
    code: 'kriteria-mismatch',
    severity: shown && said === 'unmet' ? 'error' : 'warning',
    row: row.row,
    col,
    key: 'kriteria-mismatch',
    params: { label: row.label, actual: typed, capaian: ctx.fmt(capaian.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)), expected },
    expected,
    actual: typed,
  });
}

function checkPredikat(ctx: TableContext, row: TableRow, col: number, capaian: Decimal): void {
  const typed = ctx.grid.textAt(row.row, col);
  if (!typed) return;
  const scale = ctx.options.scale;
  const header = ctx.table.columns.find((k) => k.col === col)?.header ?? '';
  if (!scale) {
    ctx.notChecked(row.row, 'no-scale', { column: header });
    return;
  }
  // Words of another scale ('Baik' against 'Sangat Tinggi … Sangat Rendah') are not judged against this one.
  if (!isScaleLabel(typed, scale)) {
    ctx.notChecked(row.row, 'foreign-scale', { column: header, scale: scale.name });
    return;
  }
  const expected = predikatFor(capaian, scale);
  if (samePredikat(typed, expected)) return;
  ctx.report({
    code: 'predikat-mismatch',
    severity: 'error',
    row: row.row,
    col,
    key: 'predikat-mismatch',
    params: { label: row.label, actual: typed, capaian: ctx.fmt(capaian.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)), scale: scale.name, expected },
    expected,
    actual: typed,
    fix: { kind: 'set-text', value: expected },
  });
}

function reportTargetZero(ctx: TableContext, row: TableRow, col: number): void {
  ctx.report({
    code: 'division-by-zero',
    severity: 'error',
    row: row.row,
    col,
    key: 'division-by-zero-target',
    params: { label: row.label },
    actual: ctx.grid.textAt(row.row, col) || undefined,
  });
}
