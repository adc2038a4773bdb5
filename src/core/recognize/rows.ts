import { numericStateAt, readNumeric } from '../cells';
import type { Grid } from '../grid';
import type { TableColumn, TableKind, TableRow } from '../model';
import Decimal from 'decimal.js';
import { isAverageLabel, isSubtotalLabel, isTotalLabel, LABEL_ROLES, NUMERIC_ROLES, saysPusat, SUMMABLE_ROLES, totalLabelStrength } from './vocabulary';

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\.?$/i;

/** A Kode Rekening as dot-joined digit groups ('1 06 01' and '1.06.01' alike), or undefined when any part is not digits. */
export function codeOf(grid: Grid, row: number, codeCols: TableColumn[]): string | undefined {
  const parts: string[] = [];
  for (const k of codeCols) {
    const t = grid.textAt(row, k.col);
    // One scan instead of split + regex: every data row of a budget table has a code.
    let start = -1;
    for (let i = 0; i <= t.length; i++) {
      const ch = i < t.length ? t.charCodeAt(i) : 46;
      if (ch >= 48 && ch <= 57) {
        if (start < 0) start = i;
        continue;
      }
      if (ch !== 46 && !/\s/.test(t[i])) return undefined;
      if (start >= 0) parts.push(t.slice(start, i));
      start = -1;
    }
  }
  return parts.length ? parts.join('.') : undefined;
}

const WORDY = /[A-Za-z]{4}/;
// Loose on purpose (any case, letters spaced or accented pass): isTotalLabel decides.
const MAY_TOTAL = /t\W*o\W*t\W*a\W*l|j\W*u\W*m\W*l\W*a\W*h|[^\x00-\x7f]/i;

function firstText(grid: Grid, row: number, cols: TableColumn[]): string {
  for (const k of cols) {
    const type = grid.typeAt(row, k.col);
    // Numbers and errors are never text; only strings (and booleans) need reading.
    if (type !== 'String' && type !== 'Boolean') continue;
    const t = grid.textAt(row, k.col);
    // Four letters in a row never read as a figure ('Rp 1.000' has two): no parse needed for a name.
    if (t && (WORDY.test(t) || readNumeric(grid, row, k.col, undefined).state === 'text')) return t;
  }
  return '';
}

/** Some text cell among `cols` reads as a total label ('Jumlah', 'Total'); such text never reads as a figure. */
function namesTotal(grid: Grid, row: number, cols: TableColumn[]): boolean {
  for (const k of cols) {
    const type = grid.typeAt(row, k.col);
    if (type !== 'String' && type !== 'Boolean') continue;
    // Every row is asked: a cell without either word (in any case or accent) needs no formatting.
    const raw = grid.valueAt(row, k.col);
    if (typeof raw === 'string' && !MAY_TOTAL.test(raw)) continue;
    const t = grid.textAt(row, k.col);
    if (t && isTotalLabel(t)) return true;
  }
  return false;
}

/**
 * A weak 'Jumlah ...' row followed by more items closes a block when one of its summable
 * columns equals the sum of the items since the last subtotal: budget tables put 'Jumlah
 * Program X' under each program's kegiatan, and reading it as one more item made the grand
 * total look wrong by exactly the program sums. Otherwise it stays an item, as before
 * ('Jumlah PMKS yang ditangani' in a list of indicators).
 */
function closesBlock(grid: Grid, rows: TableRow[], index: number, summable: TableColumn[]): boolean {
  let start = index - 1;
  while (start >= 0 && rows[start].role !== 'subtotal' && rows[start].role !== 'total') start--;
  const items = rows.slice(start + 1, index).filter((r) => r.role === 'item');
  if (items.length === 0) return false;
  for (const k of summable) {
    const own = readNumeric(grid, rows[index].row, k.col, undefined);
    if (own.state !== 'number' || own.value === null || own.value.isZero()) continue;
    let sum = new Decimal(0);
    let filled = 0;
    for (const it of items) {
      const n = readNumeric(grid, it.row, k.col, undefined);
      if (n.state !== 'number' || n.value === null) continue;
      sum = sum.plus(n.value);
      filled++;
    }
    if (filled > 0 && sum.eq(own.value)) return true;
  }
  return false;
}

function hasNumbers(grid: Grid, row: number, numeric: TableColumn[]): boolean {
  return numeric.some((k) => {
    const s = numericStateAt(grid, row, k.col, 'integer');
    return s !== 'empty' && s !== 'text';
  });
}

/**
 * Row roles: totals by their label, parents by their code (a Kode Rekening that
 * prefixes the rows below it) or by a roman numeral ('I Urusan ...'), sections
 * as labelled rows without figures ('Dana Dekonsentrasi').
 */
export function classifyRows(grid: Grid, kind: TableKind, cols: TableColumn[], dataRows: number[]): TableRow[] {
  const numeric = cols.filter((k) => NUMERIC_ROLES.has(k.role));
  const summable = cols.filter((k) => SUMMABLE_ROLES.has(k.role));
  const textCols = cols.filter((k) => !NUMERIC_ROLES.has(k.role));
  const flat = isFlatPath(cols);
  const labelCols = [
    // A flat export names each row by its deepest level (Nama Akun), the last label column.
    ...(flat ? cols.filter((k) => k.role === 'label').reverse() : cols.filter((k) => k.role === 'label')),
    ...cols.filter((k) => LABEL_ROLES.has(k.role) && k.role !== 'label'),
  ];
  const codeCols = cols.filter((k) => k.role === 'code');
  const noCol = cols.find((k) => k.role === 'no');
  const ketCol = cols.find((k) => k.role === 'keterangan');

  const rows: TableRow[] = dataRows.map((r) => {
    // The lead (first text cell) matters only when the row names a total or has
    // no label of its own; most rows do neither, and then no cell before the
    // label needs reading as a figure (a Kode Rekening would be parsed for nothing).
    const ownLabel = firstText(grid, r, labelCols);
    const lead = ownLabel === '' || namesTotal(grid, r, textCols) ? firstText(grid, r, textCols) : '';
    const label = ownLabel || lead;
    const no = noCol ? grid.textAt(r, noCol.col) || undefined : undefined;
    const code = codeCols.length ? codeOf(grid, r, codeCols) : undefined;
    const row: TableRow = { row: r, role: 'item', label, no, code };
    const strength = lead && !code && !(no && /\d/.test(no)) ? totalLabelStrength(lead) : null;
    // An IKU table lists indicators; 'Jumlah ...' there names what is counted.
    if (strength === 'strong' || (strength === 'weak' && kind !== 'iku')) {
      row.role = isSubtotalLabel(lead) ? 'subtotal' : 'total';
      row.label = lead;
      if (strength === 'weak') row.weakTotal = true;
    } else if (!code && label && isAverageLabel(label)) {
      row.role = 'average';
    } else if (!hasNumbers(grid, r, numeric) && !code && !no) {
      row.role = 'section';
    } else if (kind === 'budget' && no && ROMAN.test(no)) {
      row.role = 'parent';
    }
    if (ketCol && saysPusat(grid.textAt(r, ketCol.col))) row.pusat = true;
    return row;
  });

  // A total followed by more items closes a part of the table, not the whole;
  // a 'Jumlah ...' label followed by more items was an item all along.
  rows.forEach((row, i) => {
    if (row.role !== 'total' && row.role !== 'subtotal') return;
    if (!rows.slice(i + 1).some((x) => x.role === 'item' || x.role === 'parent')) return;
    if (row.weakTotal && !closesBlock(grid, rows, i, summable)) {
      row.role = 'item';
      row.weakTotal = undefined;
      row.label = firstText(grid, row.row, labelCols) || row.label;
    } else if (row.role === 'total') row.role = 'subtotal';
  });
  // Once a part of the table has closed, a total before another total closes a part too: the
  // last 'Jumlah Program ...' before the grand TOTAL sums its own program, not the table.
  if (rows.some((r) => r.role === 'subtotal')) {
    rows.forEach((row, i) => {
      if (row.role === 'total' && rows.slice(i + 1).some((x) => x.role === 'total')) row.role = 'subtotal';
    });
  }

  if (flat) return rows;
  if (codeCols.length) linkByCode(rows, new Set(rows.filter((x) => x.role === 'item' && !x.code && startsWithBullet(grid, x.row, labelCols)).map((x) => x.row)));
  else linkByRoman(rows);
  if (!codeCols.length && kind === 'budget') linkByNumbering(rows);
  return rows;
}

/**
 * SIPD flat exports (RAK, rekap: Kode Urusan | Nama Urusan | Kode Bidang Urusan | … |
 * Kode Akun | Nama Akun) repeat the whole path on every row: three or more code columns
 * each followed by its name. Every row is a leaf; a row whose last code is missing is
 * not the parent of the rows that have one. Seen in real SIPD RAK exports tried locally.
 */
export function isFlatPath(cols: TableColumn[]): boolean {
  let pairs = 0;
  for (let i = 0; i + 1 < cols.length; i++) {
    if (cols[i].role === 'code' && cols[i + 1].role === 'label' && cols[i + 1].col === cols[i].col + 1) pairs++;
  }
  return pairs >= 3;
}

const BULLET = /^[-\u2013\u2022\u00b7*](\s|$)/;

/** The row's first label cell starts with a bullet ('-', '•'), as DPA rincian lines do. */
function startsWithBullet(grid: Grid, row: number, labelCols: TableColumn[]): boolean {
  for (const k of labelCols) {
    const t = grid.textAt(row, k.col);
    if (t) return BULLET.test(t.trim());
  }
  return false;
}

/** Rows by Kode Rekening prefix; a bullet line without a code belongs to the rekening above it. */
function linkByCode(rows: TableRow[], bullets: ReadonlySet<number>): void {
  const stack: TableRow[] = [];
  for (const row of rows) {
    // '- Alat Tulis Kantor' under a rekening: a DPA/RKA rincian line belongs to the code above it.
    if (bullets.has(row.row) && stack.length) {
      row.parentRow = stack[stack.length - 1].row;
      continue;
    }
    if (!row.code || row.role !== 'item') {
      if (row.role !== 'item') stack.length = 0;
      continue;
    }
    while (stack.length && !row.code.startsWith(stack[stack.length - 1].code + '.')) stack.pop();
    if (stack.length) row.parentRow = stack[stack.length - 1].row;
    stack.push(row);
  }
  const parents = new Set(rows.map((r) => r.parentRow).filter((r): r is number => r !== undefined));
  for (const row of rows) if (parents.has(row.row)) row.role = 'parent';
}

function linkByRoman(rows: TableRow[]): void {
  let parent: TableRow | undefined;
  for (const row of rows) {
    if (row.role === 'parent') parent = row;
    else if (row.role === 'item' && parent) row.parentRow = parent.row;
    else if (row.role === 'total' || row.role === 'subtotal') parent = undefined;
  }
}

const DOTTED = /^\d+(\.\d+)*$/;

/**
 * '1', '1.1', '1.2' in the No column of a budget: a program listed with its
 * kegiatan is their parent, as a Kode Rekening prefix is, so a Jumlah counts it
 * once (issue 11). Runs after the roman parents ('I Urusan ...'), under them.
 */
function linkByNumbering(rows: TableRow[]): void {
  const stack: { row: TableRow; key: string }[] = [];
  const parents = new Set<number>();
  for (const row of rows) {
    if (row.role !== 'item') {
      stack.length = 0;
      continue;
    }
    const key = (row.no ?? '').trim().replace(/\.$/, '');
    if (!DOTTED.test(key)) continue;
    while (stack.length && !key.startsWith(stack[stack.length - 1].key + '.')) stack.pop();
    if (stack.length) {
      row.parentRow = stack[stack.length - 1].row.row;
      parents.add(row.parentRow);
    }
    stack.push({ row, key });
  }
  for (const row of rows) if (parents.has(row.row)) row.role = 'parent';
}
