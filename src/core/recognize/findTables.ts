import { toA1 } from '../a1';
import type { Grid } from '../grid';
import type { RecognizedTable } from '../model';
import { assignColumns } from './columns';
import { hasSecondHeaderRow, isColumnNumberRow, isGroupRowAbove, isHeaderRow, isPlainHeaderRow, isUnitRow, isYearRow } from './headers';
import { kindOf } from './kind';
import { classifyRows } from './rows';
import { isTotalLabel } from './vocabulary';

function headerExtent(grid: Grid, rows: number[]): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const r of rows) {
    for (let c = grid.left; c <= grid.right; c++) {
      if (grid.textAt(r, c, true) === '') continue;
      // A figure beside the header (a check sum typed off to the right) is not a header cell; a year is.
      const type = grid.typeAt(r, c);
      if ((type === 'Double' || type === 'Integer') && !/^(19|20)\d\d$/.test(grid.textAt(r, c).trim())) continue;
      const m = grid.merge(r, c);
      left = Math.min(left, m ? m.left : c);
      right = Math.max(right, m ? m.right : c);
    }
  }
  return { left, right };
}

/**
 * The first non-empty text of a row within the table's columns, or ''. Callers
 * match it against words ('Sumber:', 'Jumlah'), which no formatted number
 * spells, so a typed number gives its plain value instead of its display text.
 */
function firstTextIn(grid: Grid, row: number, left: number, right: number): string {
  for (let c = left; c <= right; c++) {
    const type = grid.typeAt(row, c);
    if (type === 'Double' || type === 'Integer') return String(grid.valueAt(row, c));
    const t = grid.textAt(row, c);
    if (t) return t;
  }
  return '';
}

const SOURCE_LINE = /^(sumber|source|keterangan|catatan|ket)\s*:/i;

function isSourceLine(grid: Grid, row: number, left: number, right: number): boolean {
  return SOURCE_LINE.test(firstTextIn(grid, row, left, right));
}

/**
 * Data rows run from under the header to the total row, a 'Sumber:' line,
 * two blank rows, or the next header, so two tables on one sheet stay apart.
 */
function dataRowsFrom(grid: Grid, start: number, left: number, right: number): number[] {
  const rows: number[] = [];
  let blanks = 0;
  let numbered = 0;
  for (let r = start; r <= grid.bottom; r++) {
    if (grid.rowIsBlank(r, left, right)) {
      if (++blanks >= 2 && !codedRowFollows(grid, r + 1, left, right)) break;
      continue;
    }
    const first = firstTextIn(grid, r, left, right);
    if (SOURCE_LINE.test(first) || isHeaderRow(grid, r)) break;
    // A table over two pages repeats its column numbers after the break.
    if (isColumnNumberRow(grid, r)) continue;
    blanks = 0;
    rows.push(r);
    if (NUMBERED.test(grid.textAt(r, left))) numbered++;
    // Rows numbered 1, 2, 3 … end at their total: an unnumbered block of figures after it
    // (a worksheet's own calculation, 'PERHIT … c*k') is not part of the table.
    const byNumber = rows.length >= 4 && numbered >= 0.8 * (rows.length - 1);
    if (first && isTotalLabel(first) && nextIsEnd(grid, r + 1, left, right, byNumber)) break;
  }
  return rows;
}

const DOTTED_CODE = /^\s*\d+(\.\d+)+\.?\s*$/;

/**
 * Exports of Kode Rekening tables leave blank rows between rekening: past two
 * blank rows the table still goes on when the next filled row (within three)
 * starts with a dotted code and holds figures, as its rows do.
 */
function codedRowFollows(grid: Grid, from: number, left: number, right: number): boolean {
  for (let r = from; r <= Math.min(from + 2, grid.bottom); r++) {
    if (grid.rowIsBlank(r, left, right)) continue;
    return DOTTED_CODE.test(grid.textAt(r, left)) && hasFigures(grid, r, left, right) && !isHeaderRow(grid, r);
  }
  return false;
}

/** After a total, the table ends unless figures carry on (then it was a subtotal), perhaps after a section title. */
function nextIsEnd(grid: Grid, row: number, left: number, right: number, byNumber = false): boolean {
  for (let r = row; r <= Math.min(row + 1, grid.bottom); r++) {
    if (grid.rowIsBlank(r, left, right) || isSourceLine(grid, r, left, right) || isHeaderRow(grid, r)) return true;
    if (hasFigures(grid, r, left, right)) return byNumber && grid.textAt(r, left).trim() === '' && !isTotalLabel(firstTextIn(grid, r, left, right));
  }
  return true;
}

const NUMBERED = /^\s*\d{1,4}\s*[.)]?\s*$/;

function hasFigures(grid: Grid, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const type = grid.typeAt(row, c);
    if (type === 'Double' || type === 'Error' || type === 'Integer') return true;
  }
  return false;
}

/**
 * Title lines just above the header, anywhere on those rows ('Tabel 3.2' often sits
 * left of the table), never reaching into the table above (`floor`) nor taking its
 * 'Sumber:' line: a second table's title is its own.
 */
function titleAbove(grid: Grid, header: number, floor: number): string | undefined {
  const lines: string[] = [];
  for (let r = header - 1; r >= Math.max(grid.top, floor, header - 4); r--) {
    if (grid.rowIsBlank(r)) {
      if (lines.length) break;
      continue;
    }
    let text = '';
    for (let c = grid.left; c <= grid.right && !text; c++) text = grid.textAt(r, c);
    if (/^sumber\s*:/i.test(text)) break;
    if (text) lines.unshift(text);
  }
  return lines.length ? lines.join(' / ') : undefined;
}

export function findTables(grid: Grid): RecognizedTable[] {
  const tables: RecognizedTable[] = [];
  if (grid.isEmpty) return tables;
  let previousEnd = grid.top - 1;
  for (let r = grid.top; r <= grid.bottom; r++) {
    const named = isHeaderRow(grid, r);
    if (!named && !isPlainHeaderRow(grid, r)) continue;
    const own = headerExtent(grid, [r]);
    const headerRows = hasSecondHeaderRow(grid, r, own.left, own.right) ? [r, r + 1] : [r];
    // The previous table's last row is never this one's group row.
    if (r - 1 > previousEnd && isGroupRowAbove(grid, r)) headerRows.unshift(r - 1);
    // DPA and realisation sheets stack three or four header rows (Rincian Perhitungan > Volume,
    // Bulan Januari > Rencana > Volume | Jumlah): a header row right under the header is part of it.
    while (headerRows.length < 4 && (isHeaderRow(grid, headerRows[headerRows.length - 1] + 1) || isYearRow(grid, headerRows[headerRows.length - 1] + 1))) {
      headerRows.push(headerRows[headerRows.length - 1] + 1);
    }
    const { left, right } = headerExtent(grid, headerRows);
    let start = headerRows[headerRows.length - 1] + 1;
    let unitRow: number | undefined;
    // Units and column numbers under the header, in either order.
    for (let i = 0; i < 2; i++) {
      if (unitRow === undefined && isUnitRow(grid, start, left, right)) unitRow = start++;
      else if (isColumnNumberRow(grid, start)) start++;
    }
    const dataRows = dataRowsFrom(grid, start, left, right);
    if (dataRows.length === 0) continue;
    const columns = assignColumns(grid, headerRows, left, right, dataRows, unitRow);
    const kind = kindOf(columns);
    if (!kind) continue;
    const rows = classifyRows(grid, kind, columns, dataRows);
    const last = dataRows[dataRows.length - 1];
    tables.push({
      sheet: grid.name,
      kind,
      range: `${toA1(headerRows[0], left)}:${toA1(last, right)}`,
      headerRows,
      columns,
      rows,
      title: titleAbove(grid, headerRows[0], previousEnd + 1),
      confidence: named ? 'high' : 'low',
    });
    r = last;
    previousEnd = last;
  }
  return tables;
}
