import type { RawValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../src/core/snapshot';

export interface CellView {
  value: RawValue;
  text: string;
  formula: RawValue;
  numberFormat: string;
  valueType: ValueType;
}

/** 0-based column index -> letters (0 -> 'A', 26 -> 'AA'). */
export function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address of array element [i][j] of a sheet snapshot. */
export function addressOf(sheet: SheetSnapshot, i: number, j: number): string {
  return `${colLetters(sheet.origin.col + j)}${sheet.origin.row + i + 1}`;
}

/** Every cell of the snapshot keyed by its A1 address (computed from origin + array index). */
export function cellMap(sheet: SheetSnapshot): Map<string, CellView> {
  const m = new Map<string, CellView>();
  sheet.values.forEach((row, i) =>
    row.forEach((value, j) => {
      m.set(addressOf(sheet, i, j), {
        value,
        text: sheet.text[i][j],
        formula: sheet.formulas[i][j],
        numberFormat: sheet.numberFormat[i][j],
        valueType: sheet.valueTypes[i][j],
      });
    }),
  );
  return m;
}

export function sheetOf(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${wb.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

export function cellOf(wb: WorkbookSnapshot, sheet: string, a1: string): CellView {
  const c = cellMap(sheetOf(wb, sheet)).get(a1);
  if (!c) throw new Error(`${sheet}!${a1} is outside the snapshot`);
  return c;
}

/** All five arrays are the same dense rectangle. */
export function expectDense(sheet: SheetSnapshot): void {
  const rows = sheet.values.length;
  const cols = rows ? sheet.values[0].length : 0;
  for (const arr of [sheet.values, sheet.text, sheet.formulas, sheet.numberFormat, sheet.valueTypes] as unknown[][][]) {
    expect(arr).toHaveLength(rows);
    for (const r of arr) expect(r).toHaveLength(cols);
  }
}
