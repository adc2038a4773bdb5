/**
 * Sheet plans -> a new .xlsx workbook (bytes), a sheet per table, written with
 * exceljs: the preview's "Unduh .xlsx" and the pictures in docs/tables.
 * Browser-safe (no Node APIs). Formulas keep the spec's computed result as
 * their cached value, so a reader that does not recalculate (or a preview)
 * still shows the figures; Excel recalculates on open.
 */
import * as ExcelJS from 'exceljs';
import { planCells, sheetNameFor, type PlanCell, type SheetPlan } from '../core/tables/sheetPlan';

export interface WriteTablePlanOptions {
  /** Creation time stamped in the file (default now). */
  now?: Date;
}

const BLACK = { argb: 'FF000000' };

function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? `FF${h}` : 'FFFFFFFF';
}

function writeCell(ws: ExcelJS.Worksheet, c: PlanCell): void {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  if (c.formula) cell.value = { formula: c.formula.replace(/^=/, ''), result: c.value } as ExcelJS.CellFormulaValue;
  else if (c.value !== '') cell.value = c.value;
  if (c.numberFormat && c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
  if (c.bold || c.italic) cell.font = { name: 'Calibri', size: 11, ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italic: true } : {}) };
  if (c.align || c.valign || c.wrap || c.indent) {
    cell.alignment = {
      ...(c.align ? { horizontal: c.align } : {}),
      ...(c.valign ? { vertical: c.valign === 'center' ? 'middle' : 'top' } : {}),
      ...(c.wrap ? { wrapText: true } : {}),
      ...(c.indent ? { indent: c.indent } : {}),
    };
  }
  if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.fill) } };
  if (c.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: BLACK };
    cell.border = { top: c.border === 'top-thick' ? { style: 'medium', color: BLACK } : thin, bottom: thin, left: thin, right: thin };
  }
}

/** Write the plans into a new workbook, one sheet each (named from the table id, unique), and return its bytes. */
export async function writeTablePlan(plans: readonly SheetPlan[], opts: WriteTablePlanOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const now = opts.now ?? new Date();
  wb.creator = 'LAKIP';
  wb.created = now;
  wb.modified = now;
  const names: string[] = [];
  for (const plan of plans) {
    const name = sheetNameFor(plan.sheetName, names);
    names.push(name);
    const ws = wb.addWorksheet(name, {
      pageSetup: {
        paperSize: 9, // A4
        orientation: plan.print.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: plan.print.area,
        ...(plan.print.repeatRows ? { printTitlesRow: plan.print.repeatRows } : {}),
      },
    });
    for (const c of planCells(plan)) writeCell(ws, c);
    for (const m of plan.merges) ws.mergeCells(m);
    plan.columnWidths.forEach((w, i) => {
      // exceljs takes a width of exactly 9 for its default and drops it from the file (Excel's default is 8.43).
      ws.getColumn(plan.left + i + 1).width = w === 9 ? 9.01 : w;
    });
    // exceljs cannot measure text: every row that needs more than one line gets its estimated height.
    for (const h of plan.rowHeights) ws.getRow(h.row + 1).height = h.height;
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
