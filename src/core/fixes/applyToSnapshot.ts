import Decimal from 'decimal.js';
import { parseA1 } from '../a1';
import { evaluateFormula } from '../formula/evaluate';
import { formatNumber } from '../numbers/parse';
import { formatDecimals } from '../numbers/displayDecimals';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { sheetsByName } from './plan';
import type { CellEdit, CellState } from './types';

function clone(s: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: s.sheets.map((x) => ({
      ...x,
      values: x.values.map((r) => [...r]),
      text: x.text.map((r) => [...r]),
      formulas: x.formulas.map((r) => [...r]),
      numberFormat: x.numberFormat.map((r) => [...r]),
      valueTypes: x.valueTypes.map((r) => [...r]),
      merges: [...x.merges],
    })),
  };
}

/** Grow the arrays so (row, col) is inside them; edits may touch a cell beyond the used range. */
function ensure(sheet: SheetSnapshot, row: number, col: number): { r: number; c: number } {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0) throw new RangeError(`cell above or left of the used range of ${sheet.name}`);
  const width = Math.max(c + 1, sheet.values[0]?.length ?? 0);
  while (sheet.values.length <= r) {
    sheet.values.push([]);
    sheet.text.push([]);
    sheet.formulas.push([]);
    sheet.numberFormat.push([]);
    sheet.valueTypes.push([]);
  }
  for (let i = 0; i < sheet.values.length; i++) {
    while (sheet.values[i].length < width) {
      sheet.values[i].push('');
      sheet.text[i].push('');
      sheet.formulas[i].push('');
      sheet.numberFormat[i].push('General');
      sheet.valueTypes[i].push('Empty');
    }
  }
  return { r, c };
}

/** A number's text under its format, en-US as the .xlsx formatter writes it (the preview redraws it in the reader's language). */
export function shownText(v: number, format: string): string {
  const d = formatDecimals(format);
  if (d === null) return String(v);
  const text = /,/.test(format.split(';')[0]) ? formatNumber(v, 'en', d) : new Decimal(v).toFixed(d);
  return /%/.test(format.split(';')[0]) ? formatNumber(new Decimal(v).times(100), 'en', d) + '%' : text;
}

function write(byName: ReadonlyMap<string, SheetSnapshot>, sheetName: string, address: string, state: CellState): void {
  const sheet = byName.get(sheetName);
  const at = parseA1(address);
  if (!sheet || !at) throw new RangeError(`no cell ${sheetName}!${address}`);
  const { r, c } = ensure(sheet, at.row, at.col);
  sheet.numberFormat[r][c] = state.numberFormat;
  if (state.formula) {
    sheet.formulas[r][c] = state.formula;
    const res = evaluateFormula(state.formula, (row, col) => {
      const rr = row - sheet.origin.row;
      const cc = col - sheet.origin.col;
      const v = sheet.values[rr]?.[cc];
      return typeof v === 'number' ? new Decimal(v) : null;
    });
    if (res.ok) {
      sheet.values[r][c] = res.value.toNumber();
      sheet.valueTypes[r][c] = 'Double';
      sheet.text[r][c] = shownText(res.value.toNumber(), state.numberFormat);
    } else {
      sheet.values[r][c] = res.error === 'unsupported' ? '' : res.error;
      sheet.valueTypes[r][c] = res.error === 'unsupported' ? 'Empty' : 'Error';
      sheet.text[r][c] = res.error === 'unsupported' ? '' : res.error;
    }
    return;
  }
  const v = state.value;
  sheet.values[r][c] = v;
  sheet.formulas[r][c] = v;
  sheet.valueTypes[r][c] = v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : /^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/.test(String(v)) ? 'Error' : 'String';
  sheet.text[r][c] = typeof v === 'number' ? shownText(v, state.numberFormat) : String(v);
}

/**
 * The workbook as it would be after the edits (or, with 'before', after
 * undoing them): the preview's model of Excel. Formulas written by a fix get
 * their result from the engine's evaluator, as Excel would calculate them.
 */
export function applyToSnapshot(snapshot: WorkbookSnapshot, edits: CellEdit[], side: 'after' | 'before' = 'after'): WorkbookSnapshot {
  const out = clone(snapshot);
  const ordered = side === 'after' ? edits : [...edits].reverse();
  const byName = sheetsByName(out);
  for (const e of ordered) write(byName, e.sheet, e.address, side === 'after' ? e.after : e.before);
  return out;
}
