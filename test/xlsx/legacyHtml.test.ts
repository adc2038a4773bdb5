/**
 * HTML tables saved as .xls (src/xlsx/legacy/html.ts): the layout Excel gives them, values
 * as they were meant (Excel's own attributes, text formats, the page's number convention),
 * and the same findings as the sample's own sheets, differences explained.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { readErrorMessage, WorkbookReadError } from '../../src/xlsx/errors';
import { readLegacyWorkbook } from '../../src/xlsx/legacy';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';

const ROOT = path.resolve(__dirname, '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures', 'legacy');
const SAMPLE = path.join(ROOT, 'examples', 'dinsos-ntt-2021.xlsx');

async function page(html: string | Buffer, name = 'ekspor.xls'): Promise<SheetSnapshot> {
  const snap = await readLegacyWorkbook(new Uint8Array(typeof html === 'string' ? Buffer.from(html, 'utf8') : html), name, 'html');
  expect(snap.sheets).toHaveLength(1);
  return snap.sheets[0];
}

/** [value, type, text, format] of a cell by its A1 address. */
function at(s: SheetSnapshot, a1: string): [unknown, string, string, string] {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  const r = Number(m[2]) - 1 - s.origin.row;
  const c = m[1].charCodeAt(0) - 65 - s.origin.col;
  return [s.values[r]?.[c], s.valueTypes[r]?.[c], s.text[r]?.[c], s.numberFormat[r]?.[c]];
}

function findingKeys(s: WorkbookSnapshot): string[] {
  return analyzeWorkbook(s, { lang: 'id' })
    .findings.map((f) => `${f.code} ${f.cell}`)
    .sort();
}

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await readWorkbookFile(SAMPLE);
});

describe('the PMKS table as a government web application exports it (windows-1252, numbers shown the Indonesian way)', () => {
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    snap = await readWorkbookFile(path.join(FIX, 'pmks-ekspor-web.xls'));
  });

  test('read through the usual entry point, laid out as in the workbook, the sheet named after the file', () => {
    const [s] = snap.sheets;
    const pmks = sample.sheets.find((x) => x.name === 'Indikator 1 PMKS')!;
    expect(s.name).toBe('pmks-ekspor-web');
    expect(s.origin).toEqual(pmks.origin);
    expect([...s.merges].sort()).toEqual([...pmks.merges].sort());
    // The workbook's 30 rows, then the page's footer on a row of its own (windows-1252's en dash decoded).
    expect(s.values.length).toBe(31);
    expect(at(s, 'A31')).toEqual(['Dicetak dari Sistem Informasi Kinerja – Dinas Sosial', 'String', 'Dicetak dari Sistem Informasi Kinerja – Dinas Sosial', 'General']);
    // Numbers' text as the .xlsx reader renders it (en-US; the preview shows the reader's separators).
    expect(at(s, 'D4')).toEqual([201667, 'Double', '201,667', '#,##0']);
    expect(at(s, 'E4')).toEqual([126, 'Double', '126', 'General']);
    expect(at(s, 'G4')).toEqual([100, 'Double', '100.00', '0.00']);
    expect(at(s, 'G27')).toEqual([78.94, 'Double', '78.94', '0.00']);
    expect(at(s, 'D30')).toEqual([2560142, 'Double', '2,560,142', '#,##0']);
    expect(at(s, 'G13')).toEqual(['#DIV/0!', 'Error', '#DIV/0!', 'General']);
    expect(at(s, 'J13')).toEqual(['-', 'String', '-', 'General']);
  });

  test('the same findings as the workbook\'s sheet, but for the numbers it stores as text, which a web page cannot tell apart', () => {
    const pmks = { sheets: sample.sheets.filter((x) => x.name === 'Indikator 1 PMKS') };
    const fromXlsx = findingKeys(pmks);
    const fromHtml = findingKeys(snap);
    // In the workbook, "1.595" and four other populations are text that SUM skips (text-number);
    // on the page every number is text, shown the same way, so the export reads them as numbers.
    const textNumbers = ['text-number D13', 'text-number D16', 'text-number D18', 'text-number D19', 'text-number D8'];
    expect(fromXlsx.filter((k) => !fromHtml.includes(k)).sort()).toEqual(textNumbers);
    expect(fromHtml.filter((k) => !fromXlsx.includes(k))).toEqual([]);
    expect(fromHtml.length).toBe(fromXlsx.length - textNumbers.length);
  });
});

test("Excel's own web-page export (x:num, class formats, <x:Name>) reads as the workbook's APBD sheet, with its findings", async () => {
  const snap = await readWorkbookBuffer(new Uint8Array(fs.readFileSync(path.join(FIX, 'apbd-excel-html.xls'))), 'apbd-excel-html.xls');
  const [s] = snap.sheets;
  const apbd = sample.sheets.find((x) => x.name === 'APBD')!;
  expect(s.name).toBe('APBD');
  expect(s.values).toEqual(apbd.values);
  expect(s.valueTypes).toEqual(apbd.valueTypes);
  expect(s.numberFormat).toEqual(apbd.numberFormat);
  expect([...s.merges].sort()).toEqual([...apbd.merges].sort());
  expect(at(s, 'C6')).toEqual([38177592484, 'Double', '38,177,592,484', '#,##0']);
  expect(findingKeys(snap)).toEqual(findingKeys({ sheets: [apbd] }));
});

describe('values as they were meant', () => {
  test('a page with a decimal comma or grouping dots reads "1.595" as 1595 and "79,13" as 79.13', async () => {
    const s = await page('<table><tr><td>1.595</td><td>79,13</td><td>1.234.567</td><td>6.353.928.630,80</td><td>201,667</td></tr></table>');
    expect(at(s, 'A1')).toEqual([1595, 'Double', '1,595', '#,##0']);
    expect(at(s, 'B1')).toEqual([79.13, 'Double', '79.13', '0.00']);
    expect(at(s, 'C1')).toEqual([1234567, 'Double', '1,234,567', '#,##0']);
    expect(at(s, 'D1')).toEqual([6353928630.8, 'Double', '6,353,928,630.80', '#,##0.00']);
    expect(at(s, 'E1')).toEqual([201.667, 'Double', '201.667', '0.000']);
  });

  test('an English page reads "1.595" as 1.595 and "201,667" as 201667', async () => {
    const s = await page('<table><tr><td>1.595</td><td>201,667</td><td>92.88</td><td>38,177,592,484</td></tr></table>');
    expect(at(s, 'A1')).toEqual([1.595, 'Double', '1.595', '0.000']);
    expect(at(s, 'B1')).toEqual([201667, 'Double', '201,667', '#,##0']);
  });

  test('a page whose numbers all read two ways keeps them as text, for the check to explain', async () => {
    const s = await page('<table><tr><td>1.595</td><td>2.310</td><td>125</td></tr></table>');
    expect(at(s, 'A1')).toEqual(['1.595', 'String', '1.595', 'General']);
    expect(at(s, 'C1')).toEqual([125, 'Double', '125', 'General']);
  });

  test('text formats, codes with leading zeros, Rupiah amounts and dashes stay text; percentages and brackets are numbers', async () => {
    const s = await page(`<html><head><style>
      .kode { mso-number-format:"\\@"; }
      td.pct { mso-number-format: Percent; }
    </style></head><body><table>
      <tr><td class="kode">1.595</td><td style="vnd.ms-excel.numberformat:@">2021</td><td>007</td><td>Rp.9.257.070.000,-</td><td>-</td></tr>
      <tr><td>96,82%</td><td>(1.234)</td><td class="pct">12,5</td><td style='mso-number-format:"\\#\\,\\#\\#0"'>1.500.000</td><td>1.06.01</td></tr>
    </table></body></html>`);
    expect(at(s, 'A1')).toEqual(['1.595', 'String', '1.595', '@']);
    expect(at(s, 'B1')).toEqual(['2021', 'String', '2021', '@']);
    expect(at(s, 'C1')).toEqual(['007', 'String', '007', 'General']);
    expect(at(s, 'D1')).toEqual(['Rp.9.257.070.000,-', 'String', 'Rp.9.257.070.000,-', 'General']);
    expect(at(s, 'E1')).toEqual(['-', 'String', '-', 'General']);
    expect(at(s, 'A2')[0]).toBeCloseTo(0.9682, 12);
    expect(at(s, 'A2').slice(1)).toEqual(['Double', '96.82%', '0.00%']);
    expect(at(s, 'B2')).toEqual([-1234, 'Double', '-1,234', '#,##0']);
    // "Percent" is Excel's name for 0.00%: 12,5 under it is 12.5 (1250.00%), as Excel takes a typed value.
    expect(at(s, 'C2')).toEqual([12.5, 'Double', '1250.00%', '0.00%']);
    expect(at(s, 'D2')).toEqual([1500000, 'Double', '1,500,000', '#,##0']);
    expect(at(s, 'E2')).toEqual(['1.06.01', 'String', '1.06.01', 'General']);
  });

  test("Excel's attributes: x:num, x:fmla, x:str, x:bool, x:err", async () => {
    const s = await page(
      '<table><tr><td x:num="1595.5">1.595,50</td><td x:num="10" x:fmla="=SUM(A1:A3)">10</td><td x:str>0012</td><td x:bool="TRUE">TRUE</td><td x:err="#DIV/0!">#DIV/0!</td><td>#N/A</td><td x:num="0">-</td></tr></table>',
    );
    expect(at(s, 'A1')).toEqual([1595.5, 'Double', '1595.5', 'General']);
    // Excel writes a zero under an accounting format as its dash: the dash is kept, the checks read it.
    expect(at(s, 'G1')).toEqual([0, 'Double', '-', 'General']);
    expect([s.values[0][1], s.formulas[0][1]]).toEqual([10, '=SUM(A1:A3)']);
    expect(at(s, 'C1')).toEqual(['0012', 'String', '0012', 'General']);
    expect(at(s, 'D1')).toEqual([true, 'Boolean', 'TRUE', 'General']);
    expect(at(s, 'E1')).toEqual(['#DIV/0!', 'Error', '#DIV/0!', 'General']);
    expect(at(s, 'F1')).toEqual(['#N/A', 'Error', '#N/A', 'General']);
  });
});

describe('layout', () => {
  test('rowspan and colspan are merged areas, and later cells go round them', async () => {
    const s = await page(`<table>
      <tr><th rowspan="2">No</th><th rowspan="2">Uraian</th><th colspan="2">Anggaran</th></tr>
      <tr><th>Pagu</th><th>Realisasi</th></tr>
      <tr><td>1</td><td>Belanja</td><td>100</td><td>90</td></tr>
    </table>`);
    expect([...s.merges].sort()).toEqual(['A1:A2', 'B1:B2', 'C1:D1']);
    expect(s.values).toEqual([
      ['No', 'Uraian', 'Anggaran', ''],
      ['', '', 'Pagu', 'Realisasi'],
      [1, 'Belanja', 100, 90],
    ]);
  });

  test('text around tables stands on rows of its own; caption, <br>, entities, hidden rows, nested tables', async () => {
    const s = await page(`<!DOCTYPE html><html><head><title>Judul halaman (tidak ditulis)</title>
      <script>var x = "<table><tr><td>bukan</td></tr></table>";</script></head><body>
      <h3>LAPORAN&nbsp;PMKS &amp; SPM</h3>
      <table><caption>Tabel 1</caption>
        <tr><td>Baris<br>kedua</td><td>A &lt; B</td></tr>
        <tr style="display:none"><td>tersembunyi</td></tr>
        <tr><td><table><tr><td>dalam</td><td>tabel</td></tr></table></td><td>&#8211; &eacute;</td></tr>
      </table>
      <p>Catatan kaki</p></body></html>`);
    expect(s.values.map((r) => r[0])).toEqual(['LAPORAN PMKS & SPM', 'Tabel 1', 'Baris\nkedua', 'tersembunyi', 'dalam tabel', 'Catatan kaki']);
    expect(s.values[2][1]).toBe('A < B');
    expect(s.values[4][1]).toBe('– é');
    expect(s.hiddenRows).toEqual([3]);
  });

  test('spans past the browser limits are cut to them, and a page past the cell limit is refused', async () => {
    const s = await page('<table><tr><td colspan="99999999" rowspan="99999999">x</td></tr><tr><td>y</td></tr></table>');
    // 1,000 columns × 65,534 rows; the next row's cell goes right of it. The merge is kept
    // only over the rows read, as the .xlsx reader keeps a merge over whole rows.
    expect(s.merges).toEqual(['A1:ALL2']);
    expect(s.values[1][1000]).toBe('y');
    const many = `<table>${'<tr><td>1</td><td>2</td></tr>'.repeat(60)}</table>`;
    const err = await readLegacyWorkbook(new Uint8Array(Buffer.from(many)), 'besar.xls', 'html', { maxCells: 100 }).catch((e: unknown) => e as WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe('too-large');
  });
});

test('a page built to be slow (tall spans over every column, then row after row going round them) is refused in bounded time', async () => {
  const html = `<table><tr>${'<td colspan="1000" rowspan="65534">x</td>'.repeat(17)}</tr>${'<tr><td>y</td></tr>'.repeat(200000)}</table>`;
  const t0 = Date.now();
  const err = await readLegacyWorkbook(new Uint8Array(Buffer.from(html)), 'lambat.xls', 'html').catch((e: unknown) => e as WorkbookReadError);
  expect(Date.now() - t0).toBeLessThan(5000);
  expect((err as WorkbookReadError).code).toBe('too-large');
});

describe('text encodings', () => {
  const table = (cell: string) => `<html><head>META</head><body><table><tr><td>${cell}</td></tr></table></body></html>`;
  test.each([
    ['declared windows-1252', Buffer.from(table('Rp \x96 caf\xe9').replace('META', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), 'latin1'), 'Rp – café'],
    ['declared iso-8859-1 (read as windows-1252, as browsers do)', Buffer.from(table('\x93kutip\x94').replace('META', '<meta charset="ISO-8859-1">'), 'latin1'), '“kutip”'],
    ['declared UTF-8', Buffer.from(table('Rp – café').replace('META', '<meta charset="utf-8">'), 'utf8'), 'Rp – café'],
    ['undeclared, valid UTF-8', Buffer.from(table('Rp – café').replace('META', ''), 'utf8'), 'Rp – café'],
    ['undeclared, not UTF-8 (windows-1252 assumed)', Buffer.from(table('caf\xe9').replace('META', ''), 'latin1'), 'café'],
    ['UTF-16 with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table('Rp – café').replace('META', ''), 'utf16le')]), 'Rp – café'],
  ])('%s', async (_label, bytes, expected) => {
    const s = await page(bytes);
    expect(s.values[0][0]).toBe(expected);
  });
});

test('a web page without a table is refused naming that, in both languages', async () => {
  const err = await readWorkbookBuffer(new Uint8Array(Buffer.from('<html><body><p>Maaf, sesi Anda telah berakhir. Silakan masuk kembali.</p></body></html>')), 'laporan.xls').catch(
    (e: unknown) => e as WorkbookReadError,
  );
  expect((err as WorkbookReadError).code).toBe('html-table');
  const id = readErrorMessage(err as WorkbookReadError, 'id');
  const en = readErrorMessage(err as WorkbookReadError, 'en');
  expect(id).toContain('"laporan.xls"');
  expect(id).toMatch(/tabel halaman web \(HTML\).*tidak berisi tabel/);
  expect(en).toMatch(/web page table \(HTML\).*holds no table/);
  expect(id).not.toMatch(/unduh/i);
});
