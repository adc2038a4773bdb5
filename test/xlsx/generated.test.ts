import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { addressOf, cellMap, cellOf, expectDense, sheetOf } from './cells';

const LONG = 'Capaian kinerja '.repeat(2000); // 32,000 characters
const SERIAL_2021_01_01 = 44197;

let dir: string;
let file: string;
let snap: WorkbookSnapshot;

async function buildWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();

  const data = wb.addWorksheet('Data');
  data.getCell('A1').value = new Date(Date.UTC(2021, 0, 1));
  data.getCell('A1').numFmt = 'yyyy-mm-dd';
  data.getCell('B1').value = true;
  data.getCell('C1').value = { richText: [{ text: 'Realisasi ', font: { bold: true } }, { text: 'Anggaran' }] };
  data.getCell('D1').value = '00123';
  data.getCell('D1').numFmt = '@';
  data.getCell('E1').value = LONG;
  data.getCell('F1').value = { text: 'Situs Dinsos', hyperlink: 'https://example.org/' };
  data.getCell('G1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  data.getCell('H1').value = 201667;
  data.getCell('H1').numFmt = '#,##0';

  // A shared formula B2:B4 = A*2 with cached results.
  data.getCell('A2').value = 1;
  data.getCell('A3').value = 2;
  data.getCell('A4').value = 3;
  // exceljs writes this as <f t="shared" ref="B2:B4" si="0">; B3 and B4 as <f t="shared" si="0"/>.
  const master: ExcelJS.CellFormulaValue & { shareType: 'shared'; ref: string } = {
    formula: 'A2*2',
    result: 2,
    shareType: 'shared',
    ref: 'B2:B4',
  };
  data.getCell('B2').value = master;
  data.getCell('B3').value = { sharedFormula: 'B2', result: 4 } as ExcelJS.CellSharedFormulaValue;
  data.getCell('B4').value = { sharedFormula: 'B2', result: 6 } as ExcelJS.CellSharedFormulaValue;
  data.getCell('C2').value = { formula: 'A2>0', result: true } as ExcelJS.CellFormulaValue;
  data.getCell('C3').value = { formula: 'CONCATENATE("a","b")', result: 'ab' } as ExcelJS.CellFormulaValue;
  data.getCell('C4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;

  data.getRow(3).hidden = true;
  data.getCell('A6').value = 'Judul gabungan';
  data.mergeCells('A6:C6');
  // A merged area with nothing in it still belongs to the used range.
  data.mergeCells('H8:I9');

  const hidden = wb.addWorksheet('Tersembunyi', { state: 'hidden' });
  hidden.getCell('C3').value = 'x';
  hidden.getCell('D4').value = 5;

  wb.addWorksheet('SangatTersembunyi', { state: 'veryHidden' }).getCell('A1').value = 'rahasia';
  wb.addWorksheet('Kosong');
  return wb;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-xlsx-gen-'));
  file = path.join(dir, 'buatan.xlsx');
  await (await buildWorkbook()).xlsx.writeFile(file);
  snap = await readWorkbookFile(file);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('sheets, order and visibility', () => {
  expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
    ['Data', 'Visible'],
    ['Tersembunyi', 'Hidden'],
    ['SangatTersembunyi', 'VeryHidden'],
    ['Kosong', 'Visible'],
  ]);
  for (const s of snap.sheets) expectDense(s);
});

test('used range runs from the top-left to the bottom-right used cell, merges included', () => {
  const data = sheetOf(snap, 'Data');
  expect(data.origin).toEqual({ row: 0, col: 0 });
  expect(addressOf(data, data.values.length - 1, data.values[0].length - 1)).toBe('I9');
  expect(data.merges.sort()).toEqual(['A6:C6', 'H8:I9']);

  const hidden = sheetOf(snap, 'Tersembunyi');
  expect(hidden.origin).toEqual({ row: 2, col: 2 });
  expect(hidden.values).toEqual([
    ['x', ''],
    ['', 5],
  ]);
  expect(hidden.valueTypes).toEqual([
    ['String', 'Empty'],
    ['Empty', 'Double'],
  ]);
  expect(addressOf(hidden, 1, 1)).toBe('D4');
});

test('a sheet without cells has empty arrays at origin 0,0', () => {
  const empty = sheetOf(snap, 'Kosong');
  expect(empty).toMatchObject({ origin: { row: 0, col: 0 }, values: [], text: [], formulas: [], numberFormat: [], valueTypes: [], merges: [] });
});

test('hidden rows are 0-based absolute', () => {
  expect(sheetOf(snap, 'Data').hiddenRows).toEqual([2]);
  expect(sheetOf(snap, 'Tersembunyi').hiddenRows).toEqual([]);
});

test('a date is its Excel serial number, shown by its format', () => {
  const c = cellOf(snap, 'Data', 'A1');
  expect(c.value).toBe(SERIAL_2021_01_01);
  expect(c.valueType).toBe('Double');
  expect(c.numberFormat).toBe('yyyy-mm-dd');
  expect(c.text).toBe('2021-01-01');
});

test('boolean, rich text, number stored as text, hyperlink, error, formatted number', () => {
  expect(cellOf(snap, 'Data', 'B1')).toMatchObject({ value: true, valueType: 'Boolean', text: 'TRUE', formula: true });
  expect(cellOf(snap, 'Data', 'C1')).toMatchObject({ value: 'Realisasi Anggaran', valueType: 'String', text: 'Realisasi Anggaran' });
  expect(cellOf(snap, 'Data', 'D1')).toMatchObject({ value: '00123', valueType: 'String', text: '00123', numberFormat: '@' });
  expect(cellOf(snap, 'Data', 'F1')).toMatchObject({ value: 'Situs Dinsos', valueType: 'String', text: 'Situs Dinsos' });
  expect(cellOf(snap, 'Data', 'G1')).toMatchObject({ value: '#N/A', valueType: 'Error', text: '#N/A' });
  expect(cellOf(snap, 'Data', 'H1')).toMatchObject({ value: 201667, valueType: 'Double', text: '201,667', numberFormat: '#,##0' });
  expect(cellOf(snap, 'Data', 'A2')).toMatchObject({ value: 1, valueType: 'Double', text: '1', numberFormat: 'General' });
});

test('a 32,000-character cell survives whole', () => {
  const c = cellOf(snap, 'Data', 'E1');
  expect(c.value).toBe(LONG);
  expect((c.value as string).length).toBe(32000);
  expect(c.text).toBe(LONG);
});

test('shared formulas resolve to their translated text; cached results are kept', () => {
  expect(cellOf(snap, 'Data', 'B2')).toMatchObject({ formula: '=A2*2', value: 2, valueType: 'Double' });
  expect(cellOf(snap, 'Data', 'B3')).toMatchObject({ formula: '=A3*2', value: 4, valueType: 'Double' });
  expect(cellOf(snap, 'Data', 'B4')).toMatchObject({ formula: '=A4*2', value: 6, valueType: 'Double' });
});

test('formula results of every type', () => {
  expect(cellOf(snap, 'Data', 'C2')).toMatchObject({ formula: '=A2>0', value: true, valueType: 'Boolean', text: 'TRUE' });
  expect(cellOf(snap, 'Data', 'C3')).toMatchObject({ formula: '=CONCATENATE("a","b")', value: 'ab', valueType: 'String' });
  expect(cellOf(snap, 'Data', 'C4')).toMatchObject({ formula: '=1/0', value: '#DIV/0!', valueType: 'Error', text: '#DIV/0!' });
});

test('cells covered by a merge are empty; the top-left keeps the value', () => {
  const cells = cellMap(sheetOf(snap, 'Data'));
  expect(cells.get('A6')!.value).toBe('Judul gabungan');
  expect(cells.get('B6')).toMatchObject({ value: '', valueType: 'Empty', text: '', formula: '' });
  expect(cells.get('I9')).toMatchObject({ value: '', valueType: 'Empty' });
});

test('readWorkbookBuffer reads the same workbook identically', async () => {
  expect(await readWorkbookBuffer(new Uint8Array(fs.readFileSync(file)), 'buatan.xlsx')).toEqual(snap);
});

test('1904 date system: the serial is counted from 1904', async () => {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Tanggal');
  ws.getCell('A1').value = new Date(Date.UTC(2021, 0, 1));
  ws.getCell('A1').numFmt = 'dd/mm/yyyy';
  const p = path.join(dir, 'tanggal1904.xlsx');
  await wb.xlsx.writeFile(p);
  const c = cellOf(await readWorkbookFile(p), 'Tanggal', 'A1');
  expect(c.value).toBe(SERIAL_2021_01_01 - 1462);
  expect(c.text).toBe('01/01/2021');
});

test('a chart sheet is listed in workbook order with kind chart', async () => {
  // exceljs cannot write chart sheets: add one to the package by hand.
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  zip.file(
    'xl/chartsheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
  );
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
    '</Relationships>',
    '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
  );
  zip.file('xl/_rels/workbook.xml.rels', rels);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const firstSheetEnd = wbXml.indexOf('/>', wbXml.indexOf('<sheet ')) + 2;
  expect(firstSheetEnd).toBeGreaterThan(1);
  zip.file(
    'xl/workbook.xml',
    wbXml.slice(0, firstSheetEnd) + '<sheet name="Grafik &amp; Tren" sheetId="99" r:id="rIdChart1"/>' + wbXml.slice(firstSheetEnd),
  );
  const p = path.join(dir, 'dengan-grafik.xlsx');
  fs.writeFileSync(p, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

  const s = await readWorkbookFile(p);
  expect(s.sheets.map((x) => x.name)).toEqual(['Data', 'Grafik & Tren', 'Tersembunyi', 'SangatTersembunyi', 'Kosong']);
  expect(s.sheets[1]).toMatchObject({ kind: 'chart', visibility: 'Visible', origin: { row: 0, col: 0 }, values: [], merges: [] });
  expect(s.sheets[0]).toEqual(snap.sheets[0]);
});
