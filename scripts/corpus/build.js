'use strict';
/** Writes one corpus case as an .xlsx with exceljs, cells typed as staff would type them. */
const ExcelJS = require('exceljs');
const { cellFor } = require('./cells');
const { parseCell } = require('./a1');

async function buildWorkbook(c, file) {
  const wb = new ExcelJS.Workbook();
  for (const sh of c.sheets) {
    const ws = wb.addWorksheet(sh.name);
    const origin = parseCell(sh.start || 'A1');
    let widest = 0;
    sh.rows.forEach((row, i) => {
      widest = Math.max(widest, row.length);
      row.forEach((spec, j) => {
        const cell = cellFor(spec, sh.numbers || 'typed');
        if (!cell) return;
        const target = ws.getCell(origin.row + i + 1, origin.col + j + 1);
        if (cell.error) {
          target.value = cell.formula ? { formula: cell.formula, result: { error: cell.error } } : { error: cell.error };
        } else if (cell.formula) {
          target.value = { formula: cell.formula, result: cell.value === null ? undefined : cell.value };
        } else {
          target.value = cell.value;
        }
        if (cell.numFmt && cell.numFmt !== 'General') target.numFmt = cell.numFmt;
        else if (cell.text && typeof cell.value === 'string' && /^[\d.,\s%-]+$/.test(cell.value)) target.numFmt = '@';
      });
    });
    for (const m of sh.merges || []) ws.mergeCells(m);
    for (let j = 0; j < widest; j++) ws.getColumn(origin.col + j + 1).width = 14;
    for (const [letter, w] of Object.entries(sh.widths || {})) ws.getColumn(letter).width = w;
  }
  await wb.xlsx.writeFile(file);
}

module.exports = { buildWorkbook };
