/**
 * The cells one legacy reader found on a sheet -> a SheetSnapshot shaped exactly as the
 * .xlsx reader shapes it: the dense rectangle of the cells that hold something and the
 * merged areas around them (bounded by sheetExtent.ts, far stray cells named), cells a
 * merge covers (other than its top-left) empty, hidden rows inside the rectangle.
 */
import { emptySheet } from '../emptySheet';
import { toA1 } from '../../core/a1';
import type { RawValue, SheetSnapshot, SheetVisibility, ValueType } from '../../core/snapshot';
import { ContentTooLargeError, WorkbookReadError } from '../errors';
import { GENERAL } from '../formatText';
import { clipTo, sheetExtent, type Rect } from '../sheetExtent';

/** One cell as the snapshot holds it. */
export interface LegacyCell {
  value: RawValue;
  /** The formula with its leading '=', otherwise the value. */
  formula: RawValue;
  type: ValueType;
  numberFormat: string;
  text: string;
}

/** What a reader knows of one sheet; `cellAt` is asked only inside the rectangle read. */
export interface LegacySheet {
  name: string;
  visibility: SheetVisibility;
  kind?: 'worksheet' | 'chart';
  /** 0-based [row, col] of every cell that holds something (a value or a formula). */
  filled: [number, number][];
  cellAt(row: number, col: number): LegacyCell | undefined;
  /** Empty cells with a number format other than General, as [row, col, format] (the .xlsx reader keeps them too). */
  styledEmpty?: [number, number, string][];
  merges: Rect[];
  /** Whether a 0-based row is hidden. */
  rowHidden(row: number): boolean;
}

export { emptySheet };

const rangeA1 = (m: Rect) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`;

/** The snapshot of one sheet. Throws WorkbookReadError('too-large') for a sheet too dense to hold. */
export function buildSheet(sheet: LegacySheet): SheetSnapshot {
  const snap = emptySheet(sheet.name, sheet.visibility, sheet.kind);
  if (sheet.kind === 'chart') return snap;
  let extent;
  try {
    extent = sheetExtent(sheet.filled, sheet.merges);
  } catch (e) {
    throw new WorkbookReadError('too-large', '', new ContentTooLargeError(`sheet "${sheet.name}": ${(e as Error).message}`));
  }
  if (!extent) return snap;
  const rect = extent.rect;
  if (extent.far.length > 0) {
    const sorted = [...extent.far].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    snap.farCells = { count: sorted.length, first: sorted.slice(0, 5).map(([r, c]) => toA1(r, c)) };
  }
  // Only the part of each merge inside what is read: a merge over whole rows holds nothing further.
  const merges = sheet.merges.map((m) => clipTo(m, rect)).filter((m): m is Rect => m !== null);

  const { top, left, bottom, right } = rect;
  const nRows = bottom - top + 1;
  const nCols = right - left + 1;
  snap.origin = { row: top, col: left };
  const hiddenRows: number[] = [];
  for (let r = 0; r < nRows; r++) {
    snap.values.push(new Array<RawValue>(nCols).fill(''));
    snap.text.push(new Array<string>(nCols).fill(''));
    snap.formulas.push(new Array<RawValue>(nCols).fill(''));
    snap.numberFormat.push(new Array<string>(nCols).fill(GENERAL));
    snap.valueTypes.push(new Array<ValueType>(nCols).fill('Empty'));
    if (sheet.rowHidden(top + r)) hiddenRows.push(top + r);
  }
  for (const [row, col, format] of sheet.styledEmpty ?? []) {
    if (row >= top && row <= bottom && col >= left && col <= right) snap.numberFormat[row - top][col - left] = format;
  }
  for (const [row, col] of sheet.filled) {
    if (row < top || row > bottom || col < left || col > right) continue;
    const cell = sheet.cellAt(row, col);
    if (!cell) continue;
    const r = row - top;
    const c = col - left;
    snap.values[r][c] = cell.value;
    snap.formulas[r][c] = cell.formula;
    snap.valueTypes[r][c] = cell.type;
    snap.numberFormat[r][c] = cell.numberFormat;
    snap.text[r][c] = cell.text;
  }
  // Cells under a merged area, other than its top-left, are empty in Excel whatever the file holds.
  for (const m of merges) {
    for (let row = m.top; row <= m.bottom; row++) {
      for (let col = m.left; col <= m.right; col++) {
        if (row === m.top && col === m.left) continue;
        const r = row - top;
        const c = col - left;
        snap.values[r][c] = '';
        snap.text[r][c] = '';
        snap.formulas[r][c] = '';
        snap.valueTypes[r][c] = 'Empty';
      }
    }
  }
  snap.merges = merges.map(rangeA1);
  snap.hiddenRows = hiddenRows;
  return snap;
}
