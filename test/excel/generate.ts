/** Generated snapshots shaped as the xlsx reader would make them (used range = cells with content + merged areas). */
import { parseRange } from '../../src/core/a1';
import type { RawValue, SheetSnapshot, SheetVisibility, ValueType } from '../../src/core/snapshot';
import { displayText } from '../../src/xlsx/formatText';

export interface GenCell {
  row: number;
  col: number;
  value: RawValue;
  /** With '='. */
  formula?: string;
  numberFormat?: string;
  type?: ValueType;
}

function typeOf(v: RawValue): ValueType {
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

export function sheetFrom(
  name: string,
  cells: GenCell[],
  opts: { merges?: string[]; hiddenRows?: number[]; visibility?: SheetVisibility } = {},
): SheetSnapshot {
  const merges = opts.merges ?? [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const extend = (t: number, l: number, b: number, r: number) => {
    top = Math.min(top, t);
    left = Math.min(left, l);
    bottom = Math.max(bottom, b);
    right = Math.max(right, r);
  };
  for (const c of cells) if ((c.type ?? typeOf(c.value)) !== 'Empty' || c.formula) extend(c.row, c.col, c.row, c.col);
  for (const m of merges) {
    const r = parseRange(m)!;
    extend(r.top, r.left, r.bottom, r.right);
  }
  const snap: SheetSnapshot = {
    name,
    visibility: opts.visibility ?? 'Visible',
    origin: { row: 0, col: 0 },
    values: [],
    text: [],
    formulas: [],
    numberFormat: [],
    valueTypes: [],
    merges,
    hiddenRows: [],
  };
  if (top === Infinity) return snap;
  snap.origin = { row: top, col: left };
  const h = bottom - top + 1;
  const w = right - left + 1;
  for (let r = 0; r < h; r++) {
    snap.values.push(new Array(w).fill(''));
    snap.text.push(new Array(w).fill(''));
    snap.formulas.push(new Array(w).fill(''));
    snap.numberFormat.push(new Array(w).fill('General'));
    snap.valueTypes.push(new Array(w).fill('Empty'));
  }
  for (const c of cells) {
    const r = c.row - top;
    const k = c.col - left;
    if (r < 0 || k < 0 || r >= h || k >= w) continue;
    const type = c.type ?? typeOf(c.value);
    const fmt = c.numberFormat ?? 'General';
    snap.values[r][k] = c.value;
    snap.valueTypes[r][k] = type;
    snap.numberFormat[r][k] = fmt;
    snap.formulas[r][k] = c.formula ?? c.value;
    snap.text[r][k] = displayText(c.value, type, fmt);
  }
  snap.hiddenRows = (opts.hiddenRows ?? []).filter((x) => x >= top && x <= bottom).sort((a, b) => a - b);
  return snap;
}

/** A dense rows x cols sheet from A1: labels, numbers, formulas, a few errors and long texts. */
export function bigSheet(name: string, rows: number, cols: number): SheetSnapshot {
  const snap: SheetSnapshot = {
    name,
    visibility: 'Visible',
    origin: { row: 0, col: 0 },
    values: [],
    text: [],
    formulas: [],
    numberFormat: [],
    valueTypes: [],
    merges: [],
    hiddenRows: [],
  };
  for (let r = 0; r < rows; r++) {
    const v: RawValue[] = new Array(cols);
    const t: string[] = new Array(cols);
    const f: RawValue[] = new Array(cols);
    const n: string[] = new Array(cols);
    const y: ValueType[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      if (c === 0) {
        v[c] = `Kecamatan ${r + 1}`;
        y[c] = 'String';
        n[c] = 'General';
        f[c] = v[c];
      } else if (c === cols - 1) {
        v[c] = r * 3 + 1;
        y[c] = 'Double';
        n[c] = '#,##0';
        f[c] = `=SUM(B${r + 1}:${String.fromCharCode(64 + cols - 1)}${r + 1})`;
      } else if (r % 997 === 5 && c === 3) {
        v[c] = '#DIV/0!';
        y[c] = 'Error';
        n[c] = '0.00';
        f[c] = `=B${r + 1}/0`;
      } else if (r % 101 === 7 && c === 2) {
        v[c] = 'Keterangan panjang '.repeat(20);
        y[c] = 'String';
        n[c] = 'General';
        f[c] = v[c];
      } else {
        v[c] = (r * 31 + c * 17) % 100000;
        y[c] = 'Double';
        n[c] = '#,##0';
        f[c] = v[c];
      }
      t[c] = displayText(v[c], y[c], n[c]);
    }
    snap.values.push(v);
    snap.text.push(t);
    snap.formulas.push(f);
    snap.numberFormat.push(n);
    snap.valueTypes.push(y);
  }
  return snap;
}
