import Decimal from 'decimal.js';
import { computeCapaian, guessPolarity } from '../iku/capaian';
import { isScaleLabel, predikatFor, samePredikat } from '../iku/scales';
import type { TableColumn, TableRow } from '../model';
import { attainmentOf } from '../recognize/vocabulary';
import { roundTo, type TableContext } from './context';

/**
 * IKU rows: capaian from target and realisasi with the indicator's polarity,
 * then the predikat from the chosen scale. A target of 0 is a planning error,
 * not a central-government matter, and is said so.
 */
export function checkIku(ctx: TableContext): void {
  if (ctx.table.kind !== 'iku') return;
  const plan = chooseColumns(ctx);
  if (!plan) return;
  const { target, real, capaianCol } = plan;
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

interface IkuColumns {
  target: TableColumn;
  real: TableColumn;
  capaianCol?: TableColumn;
}

/**
 * Which target, realisasi and capaian columns belong together. A table with
 * years side by side ('Capaian 2019 | Capaian 2020', 'Capaian Tahun 2015 |
 * Kondisi 2016: Target, Realisasi, Capaian') has several; each capaian column
 * is paired with the target and realisasi left of it that agree with most of
 * its rows. A capaian column that no pair explains for most rows is not
 * judged, and the table says so.
 */
function chooseColumns(ctx: TableContext): IkuColumns | undefined {
  const targets = ctx.cols('target');
  const reals = ctx.cols('realisasi');
  if (targets.length === 0 || reals.length === 0) return undefined;
  const caps = ctx.cols('capaian');
  if (caps.length === 0) return { target: targets[0], real: reals[0] };
  const items = ctx.rows('item');
  let best: { target: TableColumn; real: TableColumn; cap: TableColumn; agree: number; rows: number; pairs: number } | undefined;
  for (const cap of caps) {
    const pairs = targets.flatMap((t) => reals.filter((r) => t.col < cap.col && r.col < cap.col).map((r) => ({ t, r })));
    for (const { t, r } of pairs) {
      const { agree, rows } = agreement(ctx, items, t, r, cap);
      const closer = best && best.cap === cap && cap.col - Math.min(t.col, r.col) < cap.col - Math.min(best.target.col, best.real.col);
      if (!best || agree > best.agree || (agree === best.agree && (closer || (rows > best.rows)))) best = { target: t, real: r, cap, agree, rows, pairs: pairs.length };
    }
  }
  if (!best) return { target: targets[0], real: reals[0] };
  for (const cap of caps) {
    if (cap !== best.cap) ctx.notChecked(items[0]?.row ?? 0, 'percent-pair', { column: cap.header, pairs: ctx.lang === 'id' ? 'tidak ada pasangan target/realisasi yang cocok' : 'no target/realisasi pair fits' });
  }
  // Most rows disagree with every pair: the office computes it another way, or the columns are misread.
  if (best.rows >= 3 && best.agree * 2 < best.rows) {
    ctx.notChecked(items[0]?.row ?? 0, 'percent-disagree', { column: best.cap.header, agree: best.agree, rows: best.rows, num: best.real.header, den: best.target.header });
    if (best.pairs === 1) checkDirections(ctx, items, best.target, best.real, best.cap);
    return { target: best.target, real: best.real };
  }
  return { target: best.target, real: best.real, capaianCol: best.cap };
}

/** How many rows of a capaian column the pair explains (a capped 100 counts), of the rows it can be computed for. */
function agreement(ctx: TableContext, items: TableRow[], t: TableColumn, r: TableColumn, cap: TableColumn): { agree: number; rows: number } {
  let agree = 0;
  let rows = 0;
  for (const row of items) {
    const tv = ctx.num(row.row, t.col).value;
    const rv = ctx.num(row.row, r.col).value;
    const cell = ctx.num(row.row, cap.col);
    if (!tv || !rv || cell.value === null || cell.state === 'error' || cell.state === 'empty') continue;
    const res = computeCapaian(tv, rv, guessPolarity(row.label));
    if (!res.ok) continue;
    rows++;
    const places = cell.decimals;
    if (roundTo(cell.value, places).eq(roundTo(res.value, places)) || isCapped(cell.value, res.value, places)) agree++;
  }
  return { agree, rows };
}

/**
 * When the formula is unsure, the direction still holds for an indicator
 * whose wording says lower is better: a result under the target is over 100 %
 * by any formula, and over the target under 100 %.
 */
function checkDirections(ctx: TableContext, items: TableRow[], t: TableColumn, r: TableColumn, cap: TableColumn): void {
  for (const row of items) {
    if (guessPolarity(row.label) !== 'negative') continue;
    const tv = ctx.num(row.row, t.col).value;
    const rv = ctx.num(row.row, r.col).value;
    const cell = ctx.num(row.row, cap.col);
    if (!tv || !rv || cell.value === null || cell.state === 'error' || tv.eq(rv)) continue;
    const better = rv.lt(tv);
    if (better === cell.value.gt(100) || cell.value.eq(100)) continue;
    ctx.report({
      code: 'capaian-mismatch',
      severity: 'error',
      row: row.row,
      col: cap.col,
      key: 'capaian-direction',
      params: { label: row.label, actual: ctx.fmt(cell.value), real: ctx.fmt(rv), target: ctx.fmt(tv), side: better ? (ctx.lang === 'id' ? 'di atas' : 'above') : ctx.lang === 'id' ? 'di bawah' : 'below' },
      actual: cell.value,
    });
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
