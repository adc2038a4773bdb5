import type { Grid } from '../grid';
import { parseNumberText } from '../numbers/parse';
import { roleForHeader } from './vocabulary';

/** Cells of a header never read as numbers and are short; long prose is a data cell. */
function headerLike(text: string): boolean {
  return text.length > 0 && text.length <= 90 && parseNumberText(text) === null;
}

/**
 * A row that names at least two column roles and holds nothing numeric.
 * Title rows (one merged cell) and data rows (numbers, long text) fail it.
 */
export function isHeaderRow(grid: Grid, row: number): boolean {
  // Data rows nearly always hold a figure: rule them out on value types before parsing any text.
  let strings = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    const t = grid.typeAt(row, c);
    if (t === 'String') strings++;
    else if (t !== 'Empty') return false;
  }
  if (strings < 2) return false;
  let filled = 0;
  let hits = 0;
  const roles = new Set<string>();
  for (let c = grid.left; c <= grid.right; c++) {
    const type = grid.typeAt(row, c);
    if (type === 'Empty') continue;
    if (type !== 'String') return false;
    const t = grid.textAt(row, c);
    if (t === '') continue;
    filled++;
    if (!headerLike(t)) return false;
    const role = roleForHeader(t);
    if (role) {
      hits++;
      roles.add(role);
    }
  }
  return filled >= 2 && hits >= 2 && roles.size >= 2 && hits * 5 >= filled * 2;
}

/**
 * The row under a header is a second header row when the header has merged
 * cells over it (a group title over sub-columns, or labels merged down) and
 * it holds only short text.
 */
export function hasSecondHeaderRow(grid: Grid, row: number, left = grid.left, right = grid.right): boolean {
  const next = row + 1;
  if (next > grid.bottom || grid.rowIsBlank(next, left, right)) return false;
  let spans = false;
  for (let c = left; c <= right; c++) {
    const m = grid.merge(row, c);
    if (m && m.top === row && (m.bottom > row || m.right > m.left)) spans = true;
  }
  if (!spans) return false;
  // Only the header's own columns: a stray figure far to the right is no part of it.
  for (let c = left; c <= right; c++) {
    const cell = grid.cell(next, c);
    if (cell.type === 'Empty') continue;
    if (cell.type !== 'String' || !headerLike(grid.textAt(next, c))) return false;
    // A sub-header sits under a group title that spans columns, or beside labels merged down.
    const above = grid.merge(row, c);
    if (!above || above.right === above.left) {
      if (!(above && above.bottom >= next)) return false;
    }
  }
  return true;
}

/**
 * The leading column number of a cell in a column-number row: 3 for '3',
 * '(3)', '3)', '3a', '(7B)', '5=4/3' or '(5) = (4)/(3) x 100%'; null otherwise.
 */
function columnNumberOf(grid: Grid, row: number, col: number): number | null {
  const type = grid.typeAt(row, col);
  if (type === 'Integer' || type === 'Double') {
    const v = Number(grid.valueAt(row, col));
    return Number.isInteger(v) && v > 0 && v < 1000 ? v : null;
  }
  if (type !== 'String') return null;
  const m = /^\(?(\d{1,3})[a-z]?\)?(\s*=.*)?$/i.exec(String(grid.valueAt(row, col)).trim());
  return m ? Number(m[1]) : null;
}

/**
 * '1 2 3 4 5 6' or '(1) (2) … (n)' under the header: column numbers printed in
 * many government tables. Never data: '(1)' is not −1 and the row is never summed.
 * Numbers mostly rise by one from left to right (7a / 7b share one); at least three of them.
 */
export function isColumnNumberRow(grid: Grid, row: number): boolean {
  if (row > grid.bottom) return false;
  let previous = 0;
  let seen = 0;
  let steps = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    if (grid.typeAt(row, c) === 'Empty') continue;
    const n = columnNumberOf(grid, row, c);
    if (n === null || (seen === 0 && n > 2)) return false;
    if (n === previous + 1) steps++;
    previous = n;
    seen++;
  }
  // Mostly rising by one; a group may number its sub-columns again ('… 5 | 4 5 6 7' in a DPA).
  return seen >= 3 && steps * 4 >= seen * 3;
}

const YEAR = /^(19|20)\d\d$/;

/** A header cell of a table the vocabulary does not know: short text, or a year ('2014'). */
function plainHeaderCell(grid: Grid, row: number, col: number): 'label' | 'year' | null {
  const type = grid.typeAt(row, col);
  const t = grid.textAt(row, col).trim();
  if (type === 'Integer' || type === 'Double') return YEAR.test(t) ? 'year' : null;
  if (type !== 'String') return null;
  if (YEAR.test(t)) return 'year';
  return t.length > 0 && t.length <= 60 && headerLike(t) ? 'label' : null;
}

/** Cells of a row that read as figures: typed numbers or number text ('109 037', '11.720'). */
function figureCount(grid: Grid, row: number): number {
  let n = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    const type = grid.typeAt(row, c);
    if (type === 'Integer' || type === 'Double') n++;
    else if (type === 'String') {
      const p = parseNumberText(grid.textAt(row, c));
      if (p && p.kind === 'number') n++;
    }
  }
  return n;
}

/**
 * A header the vocabulary does not know ('Wilayah | 2014 | 2015 …', 'Kelompok
 * Umur | Tidak Sulit | … | Jumlah'): three or more short labels or years, at
 * least one a label, over rows that hold two or more figures each (past a
 * second header row or a column-number row). Such a table is read as a count
 * table: only its own sums are judged. Sources: corpus cases
 * cnt-bps-sp2010-babel-kesulitan-berjalan, cnt-kota-lubuklinggau-…, cnt-kemensos-…-anak-ortu.
 */
export function isPlainHeaderRow(grid: Grid, row: number): boolean {
  let labels = 0;
  let filled = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    if (grid.typeAt(row, c) === 'Empty') continue;
    const kind = plainHeaderCell(grid, row, c);
    if (kind === null) return false;
    filled++;
    if (kind === 'label') labels++;
  }
  if (filled < 3 || labels === 0) return false;
  let next = row + 1;
  for (let skip = 0; skip < 2 && next <= grid.bottom; skip++) {
    if (isColumnNumberRow(grid, next) || (figureCount(grid, next) === 0 && !grid.rowIsBlank(next))) next++;
    else break;
  }
  if (next + 1 > grid.bottom) return false;
  return figureCount(grid, next) >= 2 && figureCount(grid, next + 1) >= 2;
}

/** '2006 | 2009 | 2012' under a group header: years naming sub-columns, not figures. */
export function isYearRow(grid: Grid, row: number): boolean {
  if (row > grid.bottom) return false;
  let years = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    if (grid.typeAt(row, c) === 'Empty') continue;
    if (plainHeaderCell(grid, row, c) !== 'year') return false;
    years++;
  }
  return years >= 2;
}

/**
 * The row above a header is its group row when a label cell is merged down from it
 * into the header ('Indikator' over two rows) and it holds only short labels or
 * years ('Kondisi 2019 | 2020 | Akhir RPJMD 2016-2021'). A year alone is no header
 * word, so the row does not pass as a header by itself. Source: corpus case
 * iku-kab-wonogiri-rkpd-2022-rls (Tabel 2.23).
 */
export function isGroupRowAbove(grid: Grid, header: number): boolean {
  const row = header - 1;
  if (row < grid.top || grid.rowIsBlank(row)) return false;
  let mergedDown = false;
  let filled = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    const m = grid.merge(row, c);
    if (m && m.top === row && m.bottom >= header) mergedDown = true;
    if (m && (m.top !== row || m.left !== c)) continue;
    if (grid.typeAt(row, c) === 'Empty') continue;
    if (plainHeaderCell(grid, row, c) === null) return false;
    filled++;
  }
  return mergedDown && filled >= 2;
}

// 'Rp', '%', 'Rp. (000)', '(Rp juta)', 'Jiwa', 'Unit': a unit, not a figure or a label. 'K' is the
// kinerja half of the 'K | Rp' pairs of the Permendagri 86/2017 Renja evaluation form (Sukabumi 2018,
// Deli Serdang 2025, tried locally).
const UNIT = /^\(?\s*(k|rp\.?|idr|%|persen|jiwa|orang|org|kk|unit|buah|paket|dokumen|ha|km|m2|m3|ton|kg|ls|bln|bulan|tahun|thn|kali|lokasi|desa|rp\.?\s*\(?\s*(000|000\.000|ribu|rb|juta|jt|miliar|milyar|m)\s*\)?)\s*\)?$/i;

/**
 * A row of units under the header ('Rp | % | Rp | % | %'), as realisation (RFK) and Renja
 * evaluation forms print it: never data, and it says which columns are percentages.
 * Sources: real RFK and Renja evaluation workbooks tried locally (Banjarmasin, Sukabumi).
 */
export function isUnitRow(grid: Grid, row: number, left = grid.left, right = grid.right): boolean {
  if (row > grid.bottom) return false;
  let units = 0;
  let other = 0;
  for (let c = left; c <= right; c++) {
    const type = grid.typeAt(row, c);
    if (type === 'Empty') continue;
    const m = grid.merge(row, c);
    if (m && (m.top !== row || m.left !== c)) continue;
    // Never a figure; a stray note beside the units ('ttb pagu') does not undo them.
    if (type !== 'String') return false;
    if (isUnit(grid.textAt(row, c))) units++;
    else other++;
  }
  return units >= 2 && units >= 3 * other;
}

export function isUnit(text: string): boolean {
  return UNIT.test(text.trim());
}
