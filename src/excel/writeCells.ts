/// <reference types="office-js" />
/**
 * Queue cell states for writing, in as few range writes as the cells allow:
 * the cells of one column on consecutive rows share one range. Nothing here
 * syncs; callers sync once for the whole batch.
 */
import { parseA1 } from '../core/a1';
import type { CellState } from '../core/fixes/types';

export interface CellWrite {
  sheet: string;
  /** A1 address of one cell. */
  address: string;
  state: CellState;
  /** Excel.RangeValueType of a non-formula cell when it was recorded; 'Error' writes an error constant back as one. */
  valueType?: string;
}

/**
 * Text Excel would read as something else when typed (a number, a date, a
 * formula, TRUE/BENAR...): written with a leading apostrophe so it stays text.
 * Text without digits or such leading characters is written as it is.
 */
export function needsTextPrefix(s: string): boolean {
  if (s === '') return false;
  return /\d/.test(s) || /^[=+\-@#'\s]/.test(s) || /\s$/.test(s) || /^(true|false|benar|salah)$/i.test(s);
}

/** Whether the number format must be set after the content: text format (@) would turn a formula, number or error typed into it into text. */
function formatAfter(w: CellWrite): boolean {
  const s = w.state;
  return s.numberFormat === '@' && (!!s.formula || typeof s.value !== 'string' || w.valueType === 'Error');
}

/** What to put in `range.formulas` so the cell ends up holding `state`. */
export function formulaInput(state: CellState, valueType?: string): string | number | boolean {
  if (state.formula) return state.formula;
  const v = state.value;
  if (typeof v !== 'string') return v;
  if (v === '' || state.numberFormat === '@' || valueType === 'Error') return v;
  return needsTextPrefix(v) ? `'${v}` : v;
}

interface Placed {
  write: CellWrite;
  row: number;
  col: number;
}

/**
 * Queue the writes: per sheet (in order of first appearance), per column,
 * runs of consecutive rows. Each run sets numberFormat, then formulas (a
 * formula, or the plain value), then — only when text-formatted cells need
 * it — numberFormat again. The same cells always give the same order, so a
 * restore queued after a failed write retraces it. Returns the number of runs.
 */
export function queueWrites(writes: CellWrite[], sheetOf: (name: string) => Excel.Worksheet): number {
  const bySheet = new Map<string, Placed[]>();
  for (const write of writes) {
    const at = parseA1(write.address);
    if (!at) throw new RangeError(`not a cell address: ${write.address}`);
    let list = bySheet.get(write.sheet);
    if (!list) bySheet.set(write.sheet, (list = []));
    list.push({ write, row: at.row, col: at.col });
  }
  let runs = 0;
  for (const [sheet, cells] of bySheet) {
    const ws = sheetOf(sheet);
    cells.sort((a, b) => a.col - b.col || a.row - b.row);
    let i = 0;
    while (i < cells.length) {
      let j = i + 1;
      while (j < cells.length && cells[j].col === cells[i].col && cells[j].row === cells[j - 1].row + 1) j++;
      const run = cells.slice(i, j);
      const range = ws.getRangeByIndexes(run[0].row, run[0].col, run.length, 1);
      const late = run.some((p) => formatAfter(p.write));
      range.numberFormat = run.map((p) => [formatAfter(p.write) ? 'General' : p.write.state.numberFormat]);
      range.formulas = run.map((p) => [formulaInput(p.write.state, p.write.valueType)]);
      if (late) range.numberFormat = run.map((p) => [p.write.state.numberFormat]);
      runs++;
      i = j;
    }
  }
  return runs;
}
