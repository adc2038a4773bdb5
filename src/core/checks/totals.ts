import Decimal from 'decimal.js';
import { columnIndex, columnLetter } from '../a1';
import type { FixProposal } from '../findings';
import type { TableColumn, TableRow } from '../model';
import { NUMERIC_ROLES, SUMMABLE_ROLES } from '../recognize/vocabulary';
import type { TableContext } from './context';
import { columnSum } from './columnSum';
import { unclearParents } from './codeTree';
import { explainGap, withinPartsRounding, type Contribution } from './explain';
import { message } from '../messages';
import { typedWholeAt, type NumericCell } from '../cells';

/** Rows a total adds up: top-level rows (items without a parent, and parents) since the last subtotal. */
export function contributorsOf(rows: TableRow[], index: number): TableRow[] {
  const isSub = rows[index].role === 'subtotal';
  let start = 0;
  if (isSub) {
    for (let i = index - 1; i >= 0; i--) {
      if (rows[i].role === 'subtotal' || rows[i].role === 'total') {
        start = i + 1;
        break;
      }
    }
  }
  // Only the top level: a parent under another parent is already inside it (a Kode Rekening tree
  // urusan > SKPD > program > kegiatan > akun summed every level into the total).
  return rows.slice(start, index).filter((r) => r.parentRow === undefined && (r.role === 'item' || r.role === 'parent'));
}

export function collect(ctx: TableContext, rows: TableRow[], col: number): { parts: Contribution[]; filled: number } {
  const parts: Contribution[] = [];
  let filled = 0;
  for (const r of rows) {
    const w = typedWholeAt(ctx.grid, r.row, col);
    if (w !== undefined) {
      filled++;
      parts.push(new WholePart(r.row, r.label, w));
      continue;
    }
    const n = ctx.num(r.row, col);
    if (n.state !== 'empty') filled++;
    const v = ctx.value(r.row, col);
    if (v === null) continue;
    parts.push({ row: r.row, label: r.label, value: v, textStored: n.state === 'text-number' || n.state === 'ambiguous', empty: n.state === 'empty' });
  }
  return { parts, filled };
}

/**
 * A typed whole number's share: a mismatch over ten thousand rows explains itself
 * from a handful of them, so the Decimal is made only for those asked.
 */
class WholePart implements Contribution {
  readonly textStored = false;
  private v: Decimal | undefined;
  constructor(
    readonly row: number,
    readonly label: string,
    readonly approx: number,
  ) {}
  get value(): Decimal {
    return (this.v ??= new Decimal(this.approx));
  }
}

export function sumOf(parts: Contribution[]): Decimal {
  return parts.reduce((s, p) => s.plus(p.value), new Decimal(0));
}

/** The figures every sum finding states: what is written, what the rows give, and the gap between. */
export function sumParams(ctx: TableContext, expected: Decimal, actual: Decimal): Record<string, string> {
  return { actual: ctx.fmt(actual), expected: ctx.fmt(expected), gap: ctx.fmt(expected.minus(actual).abs()) };
}

/** A SUM over one block of rows when they are contiguous, else the cells added one by one. */
export function sumFix(rows: number[], col: number): FixProposal | undefined {
  if (rows.length === 0) return undefined;
  const L = columnLetter(col);
  // One row is that row, never '=SUM(E7:E7)'.
  if (rows.length === 1) return { kind: 'set-formula', value: `=${L}${rows[0] + 1}` };
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  if (contiguous) return { kind: 'set-formula', value: `=SUM(${L}${rows[0] + 1}:${L}${rows[rows.length - 1] + 1})` };
  if (rows.length <= 40) return { kind: 'set-formula', value: '=' + rows.map((r) => `${L}${r + 1}`).join('+') };
  return undefined;
}

/**
 * The fix in the author's style: a formula where this cell or the column's other totals
 * and parents are formulas, the figure itself where they are all typed, as staff who type
 * their totals expect to find them. (The converging plan then re-plans what depends on it.)
 */
export function styledSumFix(ctx: TableContext, row: number, col: number, rows: number[], expected: Decimal): FixProposal | undefined {
  const isFormula = (r: number) => {
    const f = ctx.grid.formulaAt(r, col);
    return typeof f === 'string' && f.startsWith('=');
  };
  const summaries = ctx.table.rows.filter((r) => r.role === 'total' || r.role === 'subtotal' || r.role === 'parent');
  if (!isFormula(row) && !summaries.some((r) => isFormula(r.row))) return { kind: 'set-value', value: Number(expected.toFixed()) };
  return sumFix(rows, col);
}

export function checkTotals(ctx: TableContext): void {
  const rows = ctx.table.rows;
  const cols = ctx.table.columns.filter((k) => SUMMABLE_ROLES.has(k.role));
  const unclear = unclearParents(rows);
  rows.forEach((row, index) => {
    if (row.role !== 'total' && row.role !== 'subtotal') return;
    const contributors = contributorsOf(rows, index);
    if (contributors.length === 0) return;
    // 'Jumlah PMKS yang ...' may be an indicator: a total only if some column adds up.
    if (row.weakTotal && !cols.some((k) => addsUp(ctx, row, k, contributors))) {
      ctx.notChecked(row.row, 'weak-total', { label: row.label });
      return;
    }
    // A total over a broken code tree adds rows nobody can place: its gap says nothing sure.
    const treeUnclear = unclear.size > 0 && contributors.some((r) => r.code !== undefined);
    for (const k of cols) {
      if (treeUnclear && !addsUp(ctx, row, k, contributors)) ctx.notChecked(row.row, 'tree', { label: row.label });
      // A column read as figures only from its cells is settled as a sum column when another
      // column of the same total row adds up; otherwise its gap is a warning, never a Kesalahan (error).
      else checkOne(ctx, row, k, contributors, () => k.confidence !== 'low' || cols.some((o) => o !== k && addsUp(ctx, row, o, contributors)) || addsIntoRowTotal(ctx, k));
    }
  });
  checkRowTotals(ctx);
}

function addsUp(ctx: TableContext, total: TableRow, k: TableColumn, contributors: TableRow[]): boolean {
  const cell = ctx.num(total.row, k.col);
  if (cell.value === null || cell.state === 'error' || cell.state === 'empty') return false;
  const { sum, filled } = columnSum(ctx, contributors, k.col);
  return filled > 0 && sum.eq(cell.value);
}

function checkOne(ctx: TableContext, total: TableRow, k: TableColumn, contributors: TableRow[], settled: () => boolean = () => true): void {
  const cell = ctx.num(total.row, k.col);
  if (cell.value === null || cell.state === 'error') return;
  const { sum: expected, filled } = columnSum(ctx, contributors, k.col);
  if (filled === 0) {
    if (cell.value.isZero()) return;
    ctx.report({
      code: 'missing-value',
      severity: 'warning',
      row: contributors[0].row,
      col: k.col,
      key: 'total-no-items',
      params: { column: k.header, actual: ctx.fmt(cell.value) },
      actual: cell.value,
    });
    return;
  }
  if (expected.eq(cell.value)) return;
  // Only a mismatch needs each row's share, to explain the gap.
  const { parts } = collect(ctx, contributors, k.col);
  const groups = contributors
    .filter((r) => r.role === 'parent')
    .map((p) => {
      const rows = ctx.table.rows.filter((r) => r.parentRow === p.row).map((r) => r.row);
      const value = rows.reduce((s, r) => s.plus(ctx.value(r, k.col) ?? 0), new Decimal(0));
      return { label: p.label, rows, value };
    })
    .filter((g) => g.rows.length > 0);
  const why = explainGap(ctx, k.col, expected, cell.value, parts, cell.decimals, groups);
  const sure = why.roundingOnly || settled();
  ctx.report({
    code: 'total-mismatch',
    severity: why.roundingOnly ? 'info' : sure ? 'error' : 'warning',
    row: total.row,
    col: k.col,
    key: 'total-mismatch',
    params: { column: k.header.replace(/^total\s+/i, ''), ...sumParams(ctx, expected, cell.value) },
    expected,
    actual: cell.value,
    extra: why.text + (sure ? '' : message('why-unsettled', {}, ctx.lang)),
    fix: !sure ? undefined : parts.some((p) => p.textStored) ? { kind: 'set-value', value: Number(expected.toFixed()) } : styledSumFix(ctx, total.row, k.col, contributors.map((r) => r.row), expected),
  });
}

/**
 * 'Jumlah Pegawai' beside the counts it adds up, on every row including the
 * total row. A row whose counts are all empty says nothing (a parent row's
 * Jumlah comes from its children); a Jumlah that most rows do not add up to is
 * not a row total at all (Volume x Harga), and is not judged.
 */
function checkRowTotals(ctx: TableContext): void {
  for (const j of ctx.cols('jumlah')) {
    const counts = ctx.table.columns.filter((k) => k.role === 'count' && k.col < j.col);
    if (counts.length < 2) continue;
    // 'Jumlah' often adds only the group beside it (Laki-laki + Perempuan, not Penduduk Miskin
    // before them; Profesi + S2 + S3 under one group header): each run of counts ending right
    // before the column is a candidate, and the one most rows agree with is taken.
    let best: { addends: TableColumn[]; rows: RowSum[]; agree: number } | undefined;
    // The column's own formulas say what it adds ('=SUM(F10:I10)'): that range, whatever lies between.
    const own = ownSumRange(ctx, j);
    if (own) {
      const addends = ctx.table.columns.filter((k) => k.col >= own.from && k.col <= own.to && NUMERIC_ROLES.has(k.role));
      if (addends.length >= 2) {
        const rows = rowSums(ctx, j, addends);
        best = { addends, rows, agree: rows.filter((x) => x.same).length };
      }
    }
    for (let start = 0; !own && start <= counts.length - 2; start++) {
      const run = counts.slice(start);
      if (start > 0 && !adjacent(ctx, run, j)) continue;
      const rows = rowSums(ctx, j, run);
      const agree = rows.filter((x) => x.same).length;
      if (!best || agree > best.agree) best = { addends: run, rows, agree };
    }
    if (!best) continue;
    const { addends, rows, agree } = best;
    if (rows.length >= 3 && agree * 2 < rows.length) {
      ctx.notChecked(ctx.table.headerRows[0], 'row-total', { column: j.header, agree, rows: rows.length });
      continue;
    }
    const L1 = columnLetter(addends[0].col);
    const L2 = columnLetter(addends[addends.length - 1].col);
    for (const x of rows) {
      if (x.same) continue;
      const { row, actual, expected } = x;
      // A SUM over its own row computes what it says: the author chose that range, and Excel added it.
      if (SAME_ROW_SUM.test(String(ctx.grid.formulaAt(row.row, j.col)))) continue;
      // Shares across a row ('… | 100,00') are rounded parts.
      if (withinPartsRounding(ctx, j.col, actual, expected.minus(actual), addends.length, ctx.num(row.row, j.col).decimals)) continue;
      ctx.report({
        code: 'total-mismatch',
        severity: 'error',
        row: row.row,
        col: j.col,
        key: 'row-total-mismatch',
        params: { column: j.header, label: row.label, actual: ctx.fmt(actual), expected: ctx.fmt(expected) },
        expected,
        actual,
        fix: { kind: 'set-formula', value: `=SUM(${L1}${row.row + 1}:${L2}${row.row + 1})` },
      });
    }
  }
}

/**
 * A row's Jumlah against the sum of its parts. Every run of columns is tried on
 * every row, and nearly every row agrees: when the parts and the Jumlah are typed
 * whole numbers, agreement is settled on plain numbers and the Decimals are made
 * only for a row that is reported.
 */
class RowSum {
  private e: Decimal | undefined;
  readonly same: boolean;
  constructor(
    readonly row: TableRow,
    private readonly cell: NumericCell,
    private readonly whole: number | undefined,
    expected: Decimal | undefined,
    shownWhole: number | undefined,
  ) {
    this.e = expected;
    this.same = whole !== undefined && shownWhole !== undefined ? whole === shownWhole : this.expected.eq(this.actual);
  }
  get actual(): Decimal {
    return this.cell.value!;
  }
  get expected(): Decimal {
    return (this.e ??= new Decimal(this.whole!));
  }
}

/** The columns form one block ending right before the Jumlah column: nothing but text, codes or blanks between them. */
function adjacent(ctx: TableContext, run: TableColumn[], j: TableColumn): boolean {
  const inRun = new Set(run.map((k) => k.col));
  return ctx.table.columns.every((k) => k.col <= run[0].col || k.col >= j.col || inRun.has(k.col) || !NUMERIC_ROLES.has(k.role));
}

function rowSums(ctx: TableContext, j: TableColumn, addends: TableColumn[]): RowSum[] {
  const rows: RowSum[] = [];
  for (const row of ctx.table.rows) {
    if (row.role === 'section') continue;
    const cell = ctx.num(row.row, j.col);
    if (cell.state === 'error') continue;
    // A typed whole Jumlah has a value without making its Decimal to ask.
    const shown = typedWholeAt(ctx.grid, row.row, j.col);
    if (shown === undefined && cell.value === null) continue;
    // Typed whole numbers (nearly every count) add up exactly as plain numbers: the same
    // Decimal as adding them one by one, without one per addition (every run of columns is tried).
    let whole = 0;
    let plain = true;
    for (const k of addends) {
      const w = typedWholeAt(ctx.grid, row.row, k.col);
      if (w === undefined || !Number.isSafeInteger(whole + w)) {
        plain = false;
        break;
      }
      whole += w;
    }
    if (plain) {
      rows.push(new RowSum(row, cell, whole, undefined, shown));
      continue;
    }
    const parts: Contribution[] = [];
    for (const k of addends) {
      if (ctx.state(row.row, k.col) === 'empty') continue;
      const v = ctx.value(row.row, k.col);
      if (v !== null) parts.push({ row: row.row, label: k.header, value: v, textStored: ctx.num(row.row, k.col).state === 'text-number' });
    }
    if (parts.length === 0) continue;
    rows.push(new RowSum(row, cell, undefined, sumOf(parts), undefined));
  }
  return rows;
}

const SAME_ROW_SUM = /^=\s*SUM\(\s*\$?[A-Z]{1,3}\$?\d+\s*:\s*\$?[A-Z]{1,3}\$?\d+\s*\)\s*$/i;
const SUM_RANGE = /^=\s*SUM\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i;

/** The columns most of a Jumlah column's formulas add on their own row, when most agree on one range. */
function ownSumRange(ctx: TableContext, j: TableColumn): { from: number; to: number } | undefined {
  const votes = new Map<string, number>();
  let formulas = 0;
  for (const row of ctx.table.rows) {
    const f = ctx.grid.formulaAt(row.row, j.col);
    if (typeof f !== 'string' || !f.startsWith('=')) continue;
    if (++formulas > 400) break;
    const m = SUM_RANGE.exec(f);
    if (!m || Number(m[2]) !== row.row + 1 || Number(m[4]) !== row.row + 1) continue;
    const key = `${m[1].toUpperCase()}:${m[3].toUpperCase()}`;
    votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  let top: [string, number] | undefined;
  for (const e of votes) if (!top || e[1] > top[1]) top = e;
  if (!top || top[1] * 2 <= Math.min(formulas, 400)) return undefined;
  const [a, b] = top[0].split(':').map((letters) => columnIndex(letters));
  return { from: Math.min(a, b), to: Math.max(a, b) };
}


/**
 * The column is one of the parts a Jumlah column adds on most rows (Laki-laki +
 * Perempuan = Total): then it is a count that adds up, whatever its header says.
 */
function addsIntoRowTotal(ctx: TableContext, k: TableColumn): boolean {
  for (const j of ctx.cols('jumlah')) {
    if (j.col <= k.col) continue;
    const counts = ctx.table.columns.filter((x) => x.role === 'count' && x.col < j.col);
    const from = counts.findIndex((x) => x === k);
    if (from < 0) continue;
    for (const addends of [counts, counts.slice(from)]) {
      if (addends.length < 2) continue;
      const rows = rowSums(ctx, j, addends);
      const agree = rows.filter((x) => x.same).length;
      if (rows.length >= 3 && agree * 5 >= rows.length * 4) return true;
    }
  }
  return false;
}
