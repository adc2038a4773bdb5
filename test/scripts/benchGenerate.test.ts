import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

/* eslint-disable @typescript-eslint/no-require-imports */
type Cell = unknown;
type Row = Cell[] | { cells: Cell[]; outlineLevel?: number };
const { writeXlsx } = require('../../scripts/bench/xlsxWriter.js') as { writeXlsx: (file: string, sheets: object[]) => void };
const gen = require('../../scripts/bench/generate.js') as {
  budgetTable: (rows: number, cols: number, err: boolean) => { rows: Row[]; wrong: number };
  manySheets: (n: number) => { sheets: { name: string; rows: Row[] }[]; cells: number; wrong: number };
  sipdExport: (rows: number) => { sheet: { name: string; rows: Row[] }; rows: number; cells: number; textZeros: number; shared: number };
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('scripts/bench inputs (generate.js, xlsxWriter.js)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-benchgen-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('(a)/(b): the budget table has its size, and about 2 % of the cells wrong only when asked', async () => {
    expect(gen.budgetTable(1000, 10, false).wrong).toBe(0);
    const t = gen.budgetTable(1000, 10, true);
    expect(t.rows).toHaveLength(1000);
    expect(t.wrong / 10_000).toBeGreaterThan(0.015);
    expect(t.wrong / 10_000).toBeLessThan(0.025);
    const file = path.join(dir, 'b.xlsx');
    writeXlsx(file, [{ name: 'Anggaran', rows: t.rows, width: 10 }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Anggaran')!;
    expect(ws.rowCount).toBe(1000);
    expect(ws.getCell('C1000').value).toBe('Jumlah');
    expect(ws.getCell('G2').formula).toBe('F2/E2*100');
  }, 60_000);

  it('(c): sheets of the four kinds, one in five with an error', () => {
    const t = gen.manySheets(20);
    expect(t.sheets.map((s) => s.name.split(' ')[0]).slice(0, 4)).toEqual(['APBD', 'PMKS', 'IKU', 'Pegawai']);
    expect(t.wrong).toBe(4);
  });

  it('(d): the SIPD export is 5,000 rows x 14 columns with shared formulas, text zeros and outline levels', async () => {
    const t = gen.sipdExport(5000);
    expect(t.rows).toBe(5000);
    expect(t.textZeros).toBeGreaterThan(100);
    const file = path.join(dir, 'sipd.xlsx');
    writeXlsx(file, [t.sheet]);
    const xml = strFromU8(unzipSync(fs.readFileSync(file))['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<dimension ref="A1:N5000"/>');
    expect(xml).toMatch(/<f t="shared" ref="G\d+:K\d+" si="\d+">SUM\(/);
    expect(xml).toMatch(/<f t="shared" si="\d+"\/>/);
    expect(xml).toContain('outlineLevel="4"');
    expect(xml).toContain('<col min="1" max="5" width="4" customWidth="1" outlineLevel="1"/>');
    // exceljs reads the shared formulas back as formulas on every cell they cover.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A6').value).toBe('KODE REKENING');
    expect(ws.getCell('G9').formula).toMatch(/^SUM\(/);
    expect(ws.getCell('H9').formula).toMatch(/^SUM\(H/);
    const zeros: number[] = [];
    ws.eachRow((row) => {
      if (row.getCell(10).value === '0') zeros.push(row.number);
    });
    expect(zeros).toHaveLength(t.textZeros);
  }, 60_000);
});
