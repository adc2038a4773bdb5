/**
 * The preview grid's layout of one sheet: which rows and columns to draw,
 * merged areas as spans, the cells they cover. Pure (no DOM).
 */
import { columnLetter, parseA1, parseRange, toA1 } from '../core/a1';
import type { Lang } from '../core/findings';
import type { SheetSnapshot } from '../core/snapshot';
import type { PlanStyle } from '../core/tables/sheetPlan';
import { localNumberText, typedNumberText } from './numberText';

export const MAX_GRID_ROWS = 2000;
export const MAX_GRID_COLS = 80;
/** Empty rows and columns drawn past the used range, as Excel always shows some (a place to select for a new table). */
export const GRID_MARGIN_ROWS = 4;
export const GRID_MARGIN_COLS = 2;

export interface GridCellView {
  address: string;
  text: string;
  numeric: boolean;
  error: boolean;
  rowSpan?: number;
  colSpan?: number;
}

export interface GridView {
  /** 0-based absolute row numbers drawn. */
  rows: number[];
  /** 0-based absolute columns drawn, with their letters. */
  cols: { col: number; letter: string }[];
  /** cells[i][j] for rows[i], cols[j]; null where a merge covers the cell. */
  cells: (GridCellView | null)[][];
  truncated: boolean;
}

/** Rows and columns from A1 to the end of the used range (and far enough to include `include`); numbers in `lang`'s separators. */
export function gridView(sheet: SheetSnapshot, include?: string | null, lang: Lang = 'id'): GridView {
  const extra = include ? parseA1(include) : null;
  const usedRows = sheet.origin.row + sheet.values.length;
  const usedCols = sheet.origin.col + (sheet.values[0]?.length ?? 0);
  const nRowsAll = Math.max(usedRows + GRID_MARGIN_ROWS, extra ? extra.row + 1 : 0, 1);
  const nColsAll = Math.max(usedCols + GRID_MARGIN_COLS, extra ? extra.col + 1 : 0, 1);
  // Far sheets: show a window that still holds the selected cell.
  const rowStart = extra && extra.row >= MAX_GRID_ROWS ? extra.row - MAX_GRID_ROWS + 50 : 0;
  const colStart = extra && extra.col >= MAX_GRID_COLS ? extra.col - MAX_GRID_COLS + 5 : 0;
  const rowEnd = Math.min(nRowsAll, rowStart + MAX_GRID_ROWS);
  const colEnd = Math.min(nColsAll, colStart + MAX_GRID_COLS);
  const rows: number[] = [];
  for (let r = rowStart; r < rowEnd; r++) rows.push(r);
  const cols: { col: number; letter: string }[] = [];
  for (let c = colStart; c < colEnd; c++) cols.push({ col: c, letter: columnLetter(c) });

  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (!r) continue;
    const top = Math.max(r.top, rowStart);
    const left = Math.max(r.left, colStart);
    const bottom = Math.min(r.bottom, rowEnd - 1);
    const right = Math.min(r.right, colEnd - 1);
    if (top > bottom || left > right) continue;
    spans.set(`${top},${left}`, { rowSpan: bottom - top + 1, colSpan: right - left + 1 });
    for (let rr = top; rr <= bottom; rr++) for (let cc = left; cc <= right; cc++) if (rr !== top || cc !== left) covered.add(`${rr},${cc}`);
  }

  const cells = rows.map((row) =>
    cols.map(({ col }) => {
      if (covered.has(`${row},${col}`)) return null;
      const r = row - sheet.origin.row;
      const c = col - sheet.origin.col;
      const type = sheet.valueTypes[r]?.[c] ?? 'Empty';
      const value = sheet.values[r]?.[c];
      let text = sheet.text[r]?.[c] ?? '';
      if (text === '' && type !== 'Empty' && value !== undefined && value !== '') text = String(value);
      const numeric = type === 'Double' || type === 'Integer';
      const view: GridCellView = { address: toA1(row, col), text: numeric ? localNumberText(text, lang) : text, numeric, error: type === 'Error' };
      const span = spans.get(`${row},${col}`);
      if (span) {
        if (span.rowSpan > 1) view.rowSpan = span.rowSpan;
        if (span.colSpan > 1) view.colSpan = span.colSpan;
      }
      return view;
    }),
  );
  return { rows, cols, cells, truncated: rowEnd < nRowsAll || colEnd < nColsAll || rowStart > 0 || colStart > 0 };
}

/** What the formula bar shows for a cell: its formula, else its value as typed (a number with `lang`'s decimal mark). */
export function cellContent(sheet: SheetSnapshot, address: string, lang: Lang = 'id'): string {
  const p = parseA1(address);
  if (!p) return '';
  const r = p.row - sheet.origin.row;
  const c = p.col - sheet.origin.col;
  const f = sheet.formulas[r]?.[c];
  if (typeof f === 'string' && f.startsWith('=')) return f;
  const v = sheet.values[r]?.[c];
  if (typeof v === 'number') return typedNumberText(v, lang);
  return v === undefined ? '' : String(v);
}

/** Inline CSS of a cell formatted by an inserted table (as Excel draws it: black text on white or grey). */
export function planCellCss(style: PlanStyle | undefined, edge = ''): Record<string, string> | undefined {
  if (!style) return undefined;
  const css: Record<string, string> = { maxWidth: 'none' };
  if (style.bold) css.fontWeight = '700';
  if (style.italic) css.fontStyle = 'italic';
  if (style.align) css.textAlign = style.align;
  if (style.valign) css.verticalAlign = style.valign === 'center' ? 'middle' : 'top';
  if (style.wrap) {
    css.whiteSpace = 'normal';
    css.overflow = 'visible';
    css.textOverflow = 'clip';
    css.height = 'auto';
  }
  if (style.indent) css.paddingLeft = `${6 + style.indent * 16}px`;
  if (style.fill) {
    css.backgroundColor = style.fill;
    css.color = '#000000';
  }
  if (style.border) {
    // Cells draw their right and bottom lines; the table's outer top and left edges draw theirs too (in the text colour, so dark mode shows them).
    const line = '1px solid currentColor';
    css.borderRight = line;
    css.borderBottom = line;
    if (style.border === 'top-thick') css.borderTop = '2px solid currentColor';
    else if (edge.includes('t')) css.borderTop = line;
    if (edge.includes('l')) css.borderLeft = line;
  }
  return css;
}

/** Pixel width of a column `chars` characters wide (Calibri 11 in Excel: 7 px a character plus 5). */
export function columnPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}
