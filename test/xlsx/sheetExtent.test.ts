import * as ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { MAX_RECT_CELLS, sheetExtent } from '../../src/xlsx/sheetExtent';

const cellsOf = (...rc: [number, number][]) => rc;

describe('which rectangle of a sheet is read', () => {
  it('an everyday sheet: every cell and every merged area, as always', () => {
    const e = sheetExtent(cellsOf([2, 1], [10, 4]), [{ top: 0, left: 0, bottom: 0, right: 7 }]);
    expect(e).toEqual({ rect: { top: 0, left: 0, bottom: 10, right: 7 }, far: [] });
  });

  it('a stray value at XFD1048576 is left out and named; the table is read', () => {
    const table: [number, number][] = [];
    for (let r = 0; r < 30; r++) for (let c = 0; c < 8; c++) table.push([r, c]);
    const e = sheetExtent([...table, [1048575, 16383]], [])!;
    expect(e.rect).toEqual({ top: 0, left: 0, bottom: 29, right: 7 });
    expect(e.far).toEqual([[1048575, 16383]]);
  });

  it('a merge over whole rows widens the rectangle only near the cells, never to 16,384 columns', () => {
    const e = sheetExtent(cellsOf([0, 0], [400, 5]), [{ top: 0, left: 0, bottom: 0, right: 16383 }, { top: 0, left: 0, bottom: 1048575, right: 3 }])!;
    expect(e.rect).toEqual({ top: 0, left: 0, bottom: 400, right: 5 });
    expect(e.far).toEqual([]);
  });

  it('a sheet dense beyond the limit is refused rather than read into memory', () => {
    const side = Math.ceil(Math.sqrt(MAX_RECT_CELLS)) + 300;
    const dense: [number, number][] = [];
    // A diagonal band without gaps: nothing far from the rest, too wide to hold.
    for (let i = 0; i < side; i += 200) dense.push([i, i]);
    expect(() => sheetExtent(dense, [])).toThrow(RangeError);
  });
});

describe('reading a workbook with a stray far cell', () => {
  it('reads the table, says once which cell was left out, and checks the rest', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('SPM');
    ws.addRows([
      ['No', 'Jenis', 'Jumlah'],
      [1, 'Anak', 10],
      [2, 'Lansia', 20],
      [null, 'Jumlah', 31],
    ]);
    ws.getCell('XFD1048576').value = 'x';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const snap = await readWorkbookBuffer(bytes, 'stray.xlsx');
    const s = snap.sheets[0];
    expect(s.values.length).toBe(4);
    expect(s.values[0].length).toBe(3);
    expect(s.farCells).toEqual({ count: 1, first: ['XFD1048576'] });
    const findings = analyzeWorkbook(snap).findings;
    expect(findings.find((f) => f.messageId === 'nc-far-cells')).toMatchObject({ severity: 'info', sheet: 'SPM', cell: 'XFD1048576' });
    expect(findings.some((f) => f.code === 'total-mismatch' && f.cell === 'C4')).toBe(true);
  });
});
