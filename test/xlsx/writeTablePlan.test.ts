import * as ExcelJS from 'exceljs';
import path from 'path';
import { parseA1 } from '../../src/core/a1';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { buildTableSpecs } from '../../src/core/tables/build';
import { sheetPlan } from '../../src/core/tables/sheetPlan';
import type { TableSpec } from '../../src/core/tables/types';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { writeTablePlan } from '../../src/xlsx/writeTablePlan';

const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../examples', name));

function get(s: SheetSnapshot, address: string) {
  const p = parseA1(address)!;
  const r = p.row - s.origin.row;
  const c = p.col - s.origin.col;
  return { value: s.values[r]?.[c], formula: s.formulas[r]?.[c], numberFormat: s.numberFormat[r]?.[c], type: s.valueTypes[r]?.[c], text: s.text[r]?.[c] };
}

const HYPERLINK = '=HYPERLINK("http://x","y")';
const hostile: TableSpec = {
  id: 'uji/teks',
  kind: 'spm',
  titleLines: ['Uji'],
  columns: [
    { kind: 'text', width: 30 },
    { kind: 'count', width: 10 },
  ],
  headerRows: [[{ text: 'Uraian', kind: 'text' }, { text: 'Jumlah', kind: 'text' }]],
  bodyRows: [
    { role: 'item', cells: [{ text: HYPERLINK, kind: 'text' }, { text: '2021', kind: 'text' }] },
    { role: 'item', cells: [{ text: '<script>alert(1)</script>', kind: 'text' }, { text: '3', value: 3, kind: 'count' }] },
  ],
  notes: [],
  source: 'Sumber: uji',
  from: { sheet: 'Uji', range: 'A1:B3' },
};

describe('writeTablePlan: the plans as a new .xlsx', () => {
  let ntt: TableSpec[];
  let flotim: TableSpec[];
  let bytes: Uint8Array;
  let back: WorkbookSnapshot;
  beforeAll(async () => {
    // With the accepted fixes every total and % is a formula: the writer's formula path is what is tested.
    ntt = buildTableSpecs(await read('dinsos-ntt-2021.xlsx'), { withFixes: true });
    flotim = buildTableSpecs(await read('dinsos-flotim-2020.xlsx'), { withFixes: true });
    bytes = await writeTablePlan([...ntt, ...flotim, hostile].map((s) => sheetPlan(s)), { now: new Date('2024-03-01T00:00:00Z') });
    back = await readWorkbookBuffer(bytes, 'tabel.xlsx');
  });
  const sheet = (name: string) => back.sheets.find((s) => s.name === name)!;

  it('is a workbook with one sheet per table, named for the table and unique', () => {
    expect(bytes[0]).toBe(0x50); // 'PK'
    expect(bytes[1]).toBe(0x4b);
    expect(back.sheets.map((s) => s.name)).toEqual([
      'Tabel PMKS',
      'Tabel SPM',
      'Tabel Capaian Kinerja',
      'Tabel APBN',
      'Tabel APBD',
      'Tabel 1.1',
      'Tabel 1.2',
      'Tabel 1.3',
      'Tabel Capaian Kinerja (2)',
      'Tabel Belanja',
      'Tabel Anggaran',
      'Tabel SPM (2)',
    ]);
  });

  it('PMKS: values, SUM and IF formulas with their results, number formats, merges', () => {
    const s = sheet('Tabel PMKS');
    expect(get(s, 'C30').value).toBe('TOTAL');
    expect(get(s, 'D30')).toMatchObject({ formula: '=SUM(D4:D29)', value: 2579089, numberFormat: '#,##0;-#,##0;"-"' });
    expect(get(s, 'G30')).toMatchObject({ formula: '=IF(E30=0,"-",F30/E30*100)', value: 79.13, numberFormat: '0.00' });
    expect(get(s, 'G13')).toMatchObject({ formula: '=IF(E13=0,"Kewenangan Pusat",F13/E13*100)', value: 'Kewenangan Pusat' });
    expect(get(s, 'D8')).toMatchObject({ value: 1595, type: 'Double' });
    expect(get(s, 'E13')).toMatchObject({ value: 0, text: '-' });
    expect(get(s, 'B4')).toMatchObject({ value: 1 });
    expect([...s.merges].sort()).toEqual(['A1:I1', 'A4:A12', 'A13:A29', 'A31:I31', 'A32:I32', 'A33:I33', 'A34:I34'].sort());
    expect(String(get(s, 'A32').value)).toMatch(/^Catatan: dengan perbaikan yang diterima/);
    expect(String(get(s, 'A34').value)).toMatch(/^Sumber:/);
  });

  it('APBD and belanja: parent sums, money formats, text-formatted numbering', () => {
    const apbd = sheet('Tabel APBD');
    expect(get(apbd, 'C6')).toMatchObject({ formula: '=SUM(C7:C12)', value: 38104680384, numberFormat: '#,##0' });
    expect(get(apbd, 'E11')).toMatchObject({ formula: '=IF(C11=0,"-",D11/C11*100)', value: 31.58 });
    expect(get(apbd, 'A7')).toMatchObject({ value: '1.', type: 'String', numberFormat: '@' });
    const ring = sheet('Tabel Anggaran');
    const total = ring.values.findIndex((r) => r[1] === 'Jumlah');
    expect(ring.numberFormat[total][2]).toBe('#,##0.00');
    expect(ring.values[total][2]).toBe(6353928630.8);
    const iku = sheet('Tabel Capaian Kinerja (2)');
    expect(iku.merges).toEqual(expect.arrayContaining(['A6:A8', 'A9:A14']));
    expect(get(iku, 'D6')).toMatchObject({ value: 3.2, numberFormat: '0.0' });
  });

  it('text that looks like a formula or a number stays text', () => {
    const s = sheet('Tabel SPM (2)');
    expect(get(s, 'A4')).toMatchObject({ value: HYPERLINK, formula: HYPERLINK, type: 'String', numberFormat: '@' });
    expect(get(s, 'B4')).toMatchObject({ value: '2021', type: 'String', numberFormat: '@' });
    expect(get(s, 'A5')).toMatchObject({ value: '<script>alert(1)</script>', type: 'String' });
  });

  it('formats, widths, row heights and the print setup survive', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tabel PMKS')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('E3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
    expect(ws.getCell('E3').border?.left?.style).toBe('thin');
    expect(ws.getCell('D30').border?.top?.style).toBe('medium');
    expect(ws.getCell('D30').font?.bold).toBe(true);
    expect(ws.getCell('I5').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('A31').font?.italic).toBe(true);
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getColumn(7).width).toBe(11);
    expect(wb.getWorksheet('Tabel SPM')!.getColumn(6).width).toBeCloseTo(9, 1);
    expect(ws.getRow(5).height).toBeGreaterThan(15);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:I34' });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?3:\$?3$/);
    const b = wb.getWorksheet('Tabel Belanja')!;
    expect(b.getCell('B7').alignment?.indent).toBe(1);
    expect(b.getCell('B6').font?.bold).toBe(true);
  });
});
