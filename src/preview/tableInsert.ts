/**
 * Sheet plans written into the preview's in-memory workbook, the way Excel
 * would hold them: values, formulas, number formats, merges; the cell text
 * as the rest of the grid holds it (a number as the .xlsx formatter renders its
 * format, which the grid shows in the reader's language); and the formatting
 * (bold, fill, borders, widths) kept beside the snapshot for the grid to draw.
 * Pure (no DOM).
 */
import { parseRange, type RangeAddress } from '../core/a1';
import type { SheetSnapshot } from '../core/snapshot';
import { planCells, styleOf, type PlanStyle, type SheetPlan } from '../core/tables/sheetPlan';
import { displayText } from '../xlsx/formatText';

/** Formatting of a sheet's inserted tables: 'row,col' -> style, column -> width in characters. */
export interface SheetStyles {
  cells: Record<string, PlanStyle>;
  widths: Record<number, number>;
  /**
   * Bordered cells on the outer top or left edge of a table: 't', 'l' or 'tl'.
   * The grid draws every cell's right and bottom line; these add the rest.
   */
  edges: Record<string, string>;
}

export function emptySheet(name: string): SheetSnapshot {
  return { name, visibility: 'Visible', origin: { row: 0, col: 0 }, values: [], text: [], formulas: [], numberFormat: [], valueTypes: [], merges: [], hiddenRows: [] };
}

/** Grow a sheet's arrays (in place) so they cover `rect`, in any direction. */
export function coverRect(sheet: SheetSnapshot, rect: RangeAddress): void {
  const empty = sheet.values.length === 0 || (sheet.values[0]?.length ?? 0) === 0;
  const top = empty ? rect.top : Math.min(sheet.origin.row, rect.top);
  const left = empty ? rect.left : Math.min(sheet.origin.col, rect.left);
  const bottom = empty ? rect.bottom : Math.max(sheet.origin.row + sheet.values.length - 1, rect.bottom);
  const right = empty ? rect.right : Math.max(sheet.origin.col + sheet.values[0].length - 1, rect.right);
  const dr = empty ? 0 : sheet.origin.row - top;
  const dc = empty ? 0 : sheet.origin.col - left;
  const h = bottom - top + 1;
  const w = right - left + 1;
  const grow = <T>(rows: T[][], fill: T): T[][] =>
    Array.from({ length: h }, (_, r) => {
      const src = empty ? undefined : rows[r - dr];
      return Array.from({ length: w }, (__, c) => (src && c - dc >= 0 && c - dc < src.length ? src[c - dc] : fill));
    });
  sheet.values = grow(sheet.values, '');
  sheet.text = grow(sheet.text, '');
  sheet.formulas = grow(sheet.formulas, '');
  sheet.numberFormat = grow(sheet.numberFormat, 'General');
  sheet.valueTypes = grow(sheet.valueTypes, 'Empty');
  sheet.origin = { row: top, col: left };
}

/** The cells of `rect` that hold something (a value, a formula or a merged area), as one bounding range; null when free. */
export function occupiedIn(sheet: SheetSnapshot, rect: RangeAddress): RangeAddress | null {
  let box: RangeAddress | null = null;
  const add = (a: RangeAddress) => {
    box = box ? { top: Math.min(box.top, a.top), left: Math.min(box.left, a.left), bottom: Math.max(box.bottom, a.bottom), right: Math.max(box.right, a.right) } : { ...a };
  };
  for (let r = Math.max(rect.top, sheet.origin.row); r <= Math.min(rect.bottom, sheet.origin.row + sheet.values.length - 1); r++) {
    const i = r - sheet.origin.row;
    for (let c = Math.max(rect.left, sheet.origin.col); c <= Math.min(rect.right, sheet.origin.col + (sheet.values[i]?.length ?? 0) - 1); c++) {
      const j = c - sheet.origin.col;
      const f = sheet.formulas[i]?.[j];
      if ((sheet.valueTypes[i]?.[j] ?? 'Empty') !== 'Empty' || (typeof f === 'string' && f.startsWith('='))) add({ top: r, left: c, bottom: r, right: c });
    }
  }
  for (const m of sheet.merges) {
    const a = parseRange(m);
    if (!a) continue;
    const top = Math.max(a.top, rect.top);
    const left = Math.max(a.left, rect.left);
    const bottom = Math.min(a.bottom, rect.bottom);
    const right = Math.min(a.right, rect.right);
    if (top <= bottom && left <= right) add({ top, left, bottom, right });
  }
  return box;
}

/** Write a plan into the sheet (in place) and record its formatting in `styles` (in place). */
export function writePlan(sheet: SheetSnapshot, plan: SheetPlan, styles: SheetStyles): void {
  coverRect(sheet, { top: plan.top, left: plan.left, bottom: plan.top + plan.rows - 1, right: plan.left + plan.cols - 1 });
  for (const c of planCells(plan)) {
    const r = c.row - sheet.origin.row;
    const k = c.col - sheet.origin.col;
    sheet.values[r][k] = c.value;
    sheet.formulas[r][k] = c.formula ?? c.value;
    // A number's text from its value and format, like every other number of the grid, so it follows the grid's language.
    sheet.text[r][k] = c.value === '' && !c.formula ? '' : typeof c.value === 'number' ? displayText(c.value, 'Double', c.numberFormat) : c.text;
    sheet.numberFormat[r][k] = c.numberFormat;
    sheet.valueTypes[r][k] = typeof c.value === 'number' ? 'Double' : c.value === '' ? 'Empty' : 'String';
    const style = styleOf(c);
    if (Object.keys(style).length) styles.cells[`${c.row},${c.col}`] = style;
  }
  const cells = planCells(plan);
  const bordered = new Set(cells.filter((c) => c.border).map((c) => `${c.row},${c.col}`));
  for (const c of cells) {
    if (!c.border) continue;
    const edge = (bordered.has(`${c.row - 1},${c.col}`) ? '' : 't') + (bordered.has(`${c.row},${c.col - 1}`) ? '' : 'l');
    if (edge) styles.edges[`${c.row},${c.col}`] = edge;
  }
  sheet.merges.push(...plan.merges);
  plan.columnWidths.forEach((w, i) => {
    const col = plan.left + i;
    styles.widths[col] = Math.max(styles.widths[col] ?? 0, w);
  });
}
