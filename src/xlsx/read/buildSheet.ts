/**
 * Sparse cells of a worksheet -> the dense rectangle of a SheetSnapshot (the
 * shape the add-in reads through Office.js). The rectangle is the cells that
 * hold something plus the merged areas around them, bounded by sheetExtent.ts;
 * cells a merge covers (other than its top-left) are empty, as in Excel.
 */
import type { RawValue, SheetSnapshot, ValueType } from '../../core/snapshot';
import { toA1 } from '../../core/a1';
import { displayText, GENERAL } from '../formatText';
import { clipTo, MAX_RECT_CELLS, sheetExtent, type Rect } from '../sheetExtent';
import type { SparseCells } from './sheetCells';

const A1_RANGE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseRange(a1: string): Rect | undefined {
  const m = A1_RANGE.exec(a1.trim());
  if (!m) return undefined;
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const rangeA1 = (m: Rect) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`;

/** Thrown when the cells themselves are too dense to hold (the caller words it). */
export class DenseSheetError extends Error {
  override readonly name = 'DenseSheetError';
}

function boundsOf(c: SparseCells, merges: Rect[]): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const st = c.store;
  for (let i = 0; i < st.length; i++) {
    const r = st.row(i);
    const k = st.col(i);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (k < left) left = k;
    if (k > right) right = k;
  }
  for (const m of merges) {
    if (m.top < top) top = m.top;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  return top === Infinity ? null : { top, left, bottom, right };
}

/**
 * The snapshot of one sheet. `formats` maps style index -> number format code.
 * The base fields (name, visibility) are the caller's.
 */
export function fillSheet(snap: SheetSnapshot, c: SparseCells, formats: string[], date1904: boolean): void {
  const mergeRects = c.merges.map(parseRange).filter((r): r is Rect => r !== undefined);
  const all = boundsOf(c, mergeRects);
  if (!all) return;
  let rect: Rect = all;
  let merges = c.merges;
  const area = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
  if (area(all) > MAX_RECT_CELLS) {
    // Rare: stray cells far away, or merges over whole rows. sheetExtent decides what to leave out.
    const pairs: [number, number][] = [];
    for (let i = 0; i < c.store.length; i++) pairs.push([c.store.row(i), c.store.col(i)]);
    let extent;
    try {
      extent = sheetExtent(pairs, mergeRects);
    } catch (e) {
      throw new DenseSheetError((e as Error).message);
    }
    if (!extent) {
      merges = [];
      return;
    }
    rect = extent.rect;
    if (extent.far.length > 0) {
      const sorted = [...extent.far].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      snap.farCells = { count: sorted.length, first: sorted.slice(0, 5).map(([r, k]) => toA1(r, k)) };
    }
    const inside = (m: Rect) => m.top >= rect.top && m.left >= rect.left && m.bottom <= rect.bottom && m.right <= rect.right;
    if (!mergeRects.every(inside)) merges = mergeRects.map((m) => clipTo(m, rect)).filter((m): m is Rect => m !== null).map(rangeA1);
  }

  const { top, left, bottom, right } = rect;
  const nRows = bottom - top + 1;
  const nCols = right - left + 1;
  snap.origin = { row: top, col: left };
  const values: RawValue[][] = new Array(nRows);
  const formulas: RawValue[][] = new Array(nRows);
  const numberFormat: string[][] = new Array(nRows);
  const valueTypes: ValueType[][] = new Array(nRows);
  for (let r = 0; r < nRows; r++) {
    values[r] = new Array<RawValue>(nCols).fill('');
    formulas[r] = new Array<RawValue>(nCols).fill('');
    numberFormat[r] = new Array<string>(nCols).fill(GENERAL);
    valueTypes[r] = new Array<ValueType>(nCols).fill('Empty');
  }

  const se = c.styledEmpty;
  for (let i = 0; i < se.length; i += 3) {
    const r = se[i] - top;
    const k = se[i + 1] - left;
    if (r >= 0 && r < nRows && k >= 0 && k < nCols) numberFormat[r][k] = formats[se[i + 2]] ?? GENERAL;
  }

  const st = c.store;
  for (let i = 0; i < st.length; i++) {
    const r = st.row(i) - top;
    const k = st.col(i) - left;
    if (r < 0 || r >= nRows || k < 0 || k >= nCols) continue;
    const v = st.value(i);
    values[r][k] = v;
    valueTypes[r][k] = st.type(i);
    numberFormat[r][k] = formats[st.style(i)] ?? GENERAL;
    formulas[r][k] = st.formulas.get(i) ?? v;
  }

  // Cells under a merged area, other than its top-left, are empty in Excel whatever the file holds.
  for (const m of mergeRects) {
    for (let row = Math.max(m.top, top); row <= Math.min(m.bottom, bottom); row++) {
      for (let col = Math.max(m.left, left); col <= Math.min(m.right, right); col++) {
        if (row === m.top && col === m.left) continue;
        const r = row - top;
        const k = col - left;
        if (valueTypes[r][k] === 'Empty' && formulas[r][k] === '') continue;
        values[r][k] = '';
        formulas[r][k] = '';
        valueTypes[r][k] = 'Empty';
      }
    }
  }

  snap.values = values;
  snap.text = lazyText(values, valueTypes, numberFormat, date1904);
  snap.formulas = formulas;
  snap.numberFormat = numberFormat;
  snap.valueTypes = valueTypes;
  snap.merges = merges;
  snap.hiddenRows = c.hiddenRows.filter((r) => r >= top && r <= bottom);
}

/**
 * Displayed text, formatted only for the rows something reads: number formatting
 * (SheetJS ssf) costs microseconds a cell, most of a large sheet's read, while a
 * check reads the text of few of its numbers. Each row is formatted on first
 * access from the cell's value and format and then kept as a plain array, so
 * writes (fixes, recalculation) and every reader see ordinary rows.
 */
function lazyText(values: RawValue[][], types: ValueType[][], formats: string[][], date1904: boolean): string[][] {
  const text: string[][] = new Array(values.length);
  const settle = (r: number, row: string[]) => Object.defineProperty(text, r, { value: row, writable: true, enumerable: true, configurable: true });
  for (let r = 0; r < values.length; r++) {
    Object.defineProperty(text, r, {
      enumerable: true,
      configurable: true,
      get() {
        const v = values[r];
        const t = types[r];
        const f = formats[r];
        const row = new Array<string>(v.length);
        for (let k = 0; k < v.length; k++) {
          const x = v[k];
          row[k] = t[k] === 'Double' && typeof x === 'number' && f[k] === GENERAL && Number.isInteger(x) && Math.abs(x) < 1e11 ? String(x) : displayText(x, t[k], f[k], date1904);
        }
        settle(r, row);
        return row;
      },
      set(row: string[]) {
        settle(r, row);
      },
    });
  }
  return text;
}
