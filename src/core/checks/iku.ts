import Decimal from 'decimal.js';
import { computeCapaian, guessPolarity, type CapaianResult } from '../iku/capaian';
import { isScaleLabel, predikatFor, samePredikat } from '../iku/scales';
import type { TableColumn, TableRow } from '../model';
import { attainmentOf, normalizeHeader } from '../recognize/vocabulary';
import { roundTo, type TableContext } from './context';
import { capaianAgrees } from './percentExact';
import { storedNumberOf, type NumericCell } from '../cells';

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
  for (const extra of plan.others) {
    for (const row of ctx.rows('item')) checkCapaianCell(ctx, row, extra.target, extra.real, extra.cap);
  }
  if (!capaianCol && !predikatCol && !kriteriaCol) return;
  for (const row of ctx.rows('item')) {
    const res = capaianAt(ctx, row, target, real);
    if (!res) continue;
    if (!res.ok) {
      if (capaianCol) reportTargetZero(ctx, row, capaianCol.col);
      continue;
    }
    // The predikat follows what the table shows, so one typo is not reported twice.
    const shownCapaian = capaianCol ? checkCapaianCell(ctx, row, target, real, capaianCol) : null;
    const capaian = shownCapaian ?? res.value;
    if (predikatCol) checkPredikat(ctx, row, predikatCol.col, capaian);
    if (kriteriaCol) checkKriteria(ctx, row, kriteriaCol.col, capaian, shownCapaian !== null);
  }
}

/**
 * One row of a capaian column against its target and realisasi: a mismatch,
 * or a capped 100 (info). Returns the capaian the table shows, or null when
 * it shows none.
 */
function checkCapaianCell(ctx: TableContext, row: TableRow, target: TableColumn, real: TableColumn, capCol: TableColumn): Decimal | null {
  const cell = ctx.num(row.row, capCol.col);
  // Agreeing exactly, it is neither wrong nor a capped 100 (that would show 100 against more).
  if (agreesExactly(ctx, row, target, real, cell)) return cell.value;
  const res = capaianAt(ctx, row, target, real);
  if (!res || cell.value === null || cell.state === 'error') return null;
  if (!res.ok) return cell.value;
  const places = cell.decimals;
  const expected = roundTo(res.value, places);
  // Written out only for a finding: formatting the figures of every agreeing row cost more than checking them.
  const formula = () => {
    const t = ctx.num(row.row, target.col).value!;
    const r = ctx.num(row.row, real.col).value!;
    return guessPolarity(row.label) === 'positive' ? `${ctx.fmt(r)} / ${ctx.fmt(t)} × 100` : `(2 × ${ctx.fmt(t)} − ${ctx.fmt(r)}) / ${ctx.fmt(t)} × 100`;
  };
  if (isCapped(cell.value, res.value, places)) {
    reportCapped(ctx, row, capCol.col, cell.value, res.value, formula());
  } else if (!roundTo(cell.value, places).eq(expected)) {
    ctx.report({
      code: 'capaian-mismatch',
      severity: 'error',
      row: row.row,
      col: capCol.col,
      key: 'capaian-mismatch',
      params: {
        label: row.label,
        actual: ctx.fmt(cell.value, places),
        formula: formula(),
        exact: ctx.fmt(res.value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP)),
        expected: ctx.fmt(expected, places),
      },
      expected,
      actual: cell.value,
      fix: { kind: 'set-value', value: Number(expected.toFixed()) },
    });
  }
  return cell.value;
}

/**
 * The everyday IKU row settled without Decimal: typed target and realisasi (not percent-
 * formatted) and a shown capaian that agrees with them exactly (see percentExact.ts).
 * Only agreement is decided here; anything else goes to the full check.
 */
function agreesExactly(ctx: TableContext, row: TableRow, target: TableColumn, real: TableColumn, cell: NumericCell): boolean {
  const shown = storedNumberOf(cell);
  if (shown === undefined) return false;
  const t = ctx.num(row.row, target.col);
  const r = ctx.num(row.row, real.col);
  if (t.percentFormat || r.percentFormat) return false;
  const tv = storedNumberOf(t);
  const rv = storedNumberOf(r);
  if (tv === undefined || rv === undefined) return false;
  return capaianAgrees(tv, rv, guessPolarity(row.label) === 'negative', shown, cell.percentFormat === true, cell.decimals) === true;
}

// Per table: each candidate pair, the capaian cell and the predikat ask for the same row's capaian.
const capaianMemo = new WeakMap<TableContext, Map<number, CapaianResult | null>>();

/** A row's capaian from a target and a realisasi column (null when either is no figure), worked out once per table. */
function capaianAt(ctx: TableContext, row: TableRow, target: TableColumn, real: TableColumn): CapaianResult | null {
  let memo = capaianMemo.get(ctx);
  if (!memo) capaianMemo.set(ctx, (memo = new Map()));
  // Rows below 2^20 and columns below 2^14 (Excel's limits) keep the key an exact integer.
  const key = (row.row * 16384 + target.col) * 16384 + real.col;
  let res = memo.get(key);
  if (res === undefined) {
    const t = ctx.num(row.row, target.col).value;
    const r = ctx.num(row.row, real.col).value;
    res = t && r ? computeCapaian(t, r, guessPolarity(row.label)) : null;
    memo.set(key, res);
  }
  return res;
}

interface Triple {
  target: TableColumn;
  real: TableColumn;
  cap: TableColumn;
}

interface IkuColumns {
  target: TableColumn;
  real: TableColumn;
  /** The capaian column predikat and kriteria follow; absent when none could be paired. */
  capaianCol?: TableColumn;
  /** Further capaian columns (other years, against the end-of-plan target), each with its own pair. */
  others: Triple[];
}

/**
 * Which target, realisasi and capaian columns belong together. A table with
 * years side by side ('Capaian 2019 | Capaian 2020', 'Capaian Tahun 2015 |
 * Kondisi 2016: Target, Realisasi, Capaian', 'Capaian thd Target Akhir RPJMD')
 * has several; each capaian column is paired with the target and realisasi
 * left of it that agree with most of its rows, and checked against them. A
 * capaian column that no pair explains for most rows is not judged, and the
 * table says so; for a lower-is-better indicator the direction is still
 * checked when the pair is the only one.
 */
function chooseColumns(ctx: TableContext): IkuColumns | undefined {
  const targets = ctx.cols('target');
  const reals = ctx.cols('realisasi');
  if (targets.length === 0 || reals.length === 0) return undefined;
  const items = ctx.rows('item');
  const at = items[0]?.row ?? 0;
  const settled: (Triple & { agree: number })[] = [];
  for (const cap of ctx.cols('capaian')) {
    const pairs = targets.flatMap((t) => reals.filter((r) => t.col < cap.col && r.col < cap.col).map((r) => ({ t, r })));
    let best: { t: TableColumn; r: TableColumn; agree: number; rows: number } | undefined;
    for (const { t, r } of pairs) {
      const { agree, rows } = agreement(ctx, items, t, r, cap);
      // Among equals, the pair nearest the capaian column (its own year group) wins.
      const nearer = best && Math.min(t.col, r.col) > Math.min(best.t.col, best.r.col);
      if (!best || agree > best.agree || (agree === best.agree && nearer)) best = { t, r, agree, rows };
    }
    // A pair no row agrees with is still judged in a small table when the headers name it alone:
    // 'Target Akhir RPJMD' for '% Capaian … terhadap Akhir RPJMD'.
    if (best && best.agree === 0 && best.rows > 0 && best.rows < 3) {
      const named = namedPair(pairs, cap);
      if (named) best = { ...best, t: named.t, r: named.r, agree: 0 };
      if (named || pairs.length === 1) {
        settled.push({ target: best.t, real: best.r, cap, agree: 0 });
        continue;
      }
    }
    // A pair no computable row agrees with is no pair; with nothing computable (targets of 0) it stands.
    if (!best || (best.agree === 0 && best.rows > 0)) {
      ctx.notChecked(at, 'percent-pair', { column: cap.header, pairs: ctx.lang === 'id' ? 'tidak ada pasangan target/realisasi yang cocok' : 'no target/realisasi pair fits' });
      if (best && pairs.length === 1) checkDirections(ctx, items, best.t, best.r, cap);
      continue;
    }
    // Most rows disagree with the pair: the office computes it another way, or the columns are misread.
    if (best.rows >= 3 && best.agree * 2 < best.rows) {
      ctx.notChecked(at, 'percent-disagree', { column: cap.header, agree: best.agree, rows: best.rows, num: best.r.header, den: best.t.header });
      if (pairs.length === 1) checkDirections(ctx, items, best.t, best.r, cap);
      continue;
    }
    settled.push({ target: best.t, real: best.r, cap, agree: best.agree });
  }
  if (settled.length === 0) return { target: targets[0], real: reals[0], others: [] };
  const primary = settled.reduce((a, b) => (b.agree > a.agree ? b : a));
  return { target: primary.target, real: primary.real, capaianCol: primary.cap, others: settled.filter((x) => x !== primary) };
}

const GENERIC = new Set(['target', 'realisasi', 'capaian', 'tahun', 's', 'd', 'sd', 'terhadap', 'thd', '%', 'kinerja', 'persentase']);

/** The one pair whose target header shares the most words with the capaian header, when one does. */
function namedPair(pairs: { t: TableColumn; r: TableColumn }[], cap: TableColumn): { t: TableColumn; r: TableColumn } | undefined {
  const words = (h: string) => new Set(normalizeHeader(h).replace(/[()%/]/g, ' ').split(' ').filter((w) => w && !GENERIC.has(w)));
  const capWords = words(cap.header);
  const scored = pairs.map((p) => ({ p, n: [...words(p.t.header)].filter((w) => capWords.has(w)).length }));
  const max = Math.max(0, ...scored.map((x) => x.n));
  const top = scored.filter((x) => x.n === max);
  return max > 0 && top.length === 1 ? top[0].p : undefined;
}

/** How many rows of a capaian column the pair explains (a capped 100 counts), of the rows it can be computed for. */
function agreement(ctx: TableContext, items: TableRow[], t: TableColumn, r: TableColumn, cap: TableColumn): { agree: number; rows: number } {
  let agree = 0;
  let rows = 0;
  for (const row of items) {
    const cell = ctx.num(row.row, cap.col);
    if (cell.state === 'error' || cell.state === 'empty') continue;
    if (agreesExactly(ctx, row, t, r, cell)) {
      rows++;
      agree++;
      continue;
    }
    if (cell.value === null) continue;
    const res = capaianAt(ctx, row, t, r);
    if (!res || !res.ok) continue;
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
