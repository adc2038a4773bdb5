import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { readErrorMessage, WorkbookReadError } from '../../src/xlsx/errors';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { book, brief, sheet, tableFindings, type TestCell } from '../core/helpers/sheet';

const SAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'dinsos-ntt-2021.xlsx');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-robust-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEAD = ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan'];

/** A PMKS table whose rows are consistent, with the Populasi total (C5) planted wrong: 112 instead of 110. */
function pmksRows(label2: TestCell = 'Gelandangan', pop2: TestCell = 10): TestCell[][] {
  return [
    HEAD,
    [1, 'Anak Terlantar', 100, 40, 20, 50, 60, null],
    [2, label2, pop2, 4, 2, 50, 6, null],
    [3, 'Pengemis', 0, 0, 0, 0, 0, null],
    [null, 'Jumlah', 112, 44, 22, 50, 66, null],
  ];
}

const codesAt = (s: SheetSnapshot) => tableFindings(analyzeWorkbook(book(s))).map((f) => `${f.code} ${f.cell}`);

describe('bad inputs', () => {
  test('an empty workbook (0 sheets) gives no tables and no findings', () => {
    expect(analyzeWorkbook(book())).toEqual({ tables: [], findings: [] });
    expect(analyzeWorkbook({ sheets: [] }, { lang: 'en' })).toEqual({ tables: [], findings: [] });
  });

  test('a sheet with only a title (and an empty sheet) gives no tables and no findings', () => {
    const title = sheet('Judul', [['LAPORAN KINERJA INSTANSI PEMERINTAH DINAS SOSIAL 2021']], ['A1:H1']);
    const empty = sheet('Kosong', []);
    expect(analyzeWorkbook(book(title, empty))).toEqual({ tables: [], findings: [] });
  });

  test('hidden and very hidden sheets are still checked', () => {
    const hidden = sheet('Tersembunyi', pmksRows());
    hidden.visibility = 'Hidden';
    const veryHidden = sheet('SangatTersembunyi', pmksRows());
    veryHidden.visibility = 'VeryHidden';
    const r = analyzeWorkbook(book(hidden, veryHidden));
    expect(r.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual([
      ['Tersembunyi', 'A1:H5', 'pmks'],
      ['SangatTersembunyi', 'A1:H5', 'pmks'],
    ]);
    expect(r.findings.map(brief)).toEqual([
      'error | total-mismatch | Tersembunyi | C5 | 110 | 112',
      'error | total-mismatch | SangatTersembunyi | C5 | 110 | 112',
    ]);
  });

  test('filtered/hidden rows are still checked and still counted in the total', () => {
    const s = sheet('Filter', pmksRows());
    s.hiddenRows = [2, 3]; // rows 3 and 4 hidden by a filter
    expect(codesAt(s)).toEqual(['total-mismatch C5']);
    // An error inside a hidden row is found too.
    const t = sheet('Filter2', pmksRows('Gelandangan', { err: '#REF!' }));
    t.hiddenRows = [2];
    expect(codesAt(t)).toContain('error-value C3');
  });

  test('merged cells across the whole header width (title above, two-row header with merges)', () => {
    const rows: TestCell[][] = [
      ['Tabel 3.1 Penanganan PMKS Tahun 2021'],
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan', null, '%', 'Kewenangan Kab/Kota', 'Keterangan'],
      [null, null, null, 'Provinsi', 'Yang ditangani', null, null, null],
      ...pmksRows().slice(1),
    ];
    const s = sheet('Gabung', rows, ['A1:H1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:F3', 'G2:G3', 'H2:H3']);
    const r = analyzeWorkbook(book(s));
    expect(r.tables.map((t) => [t.range, t.kind])).toEqual([['A2:H7', 'pmks']]);
    expect(r.tables[0].title).toBe('Tabel 3.1 Penanganan PMKS Tahun 2021');
    expect(tableFindings(r).map((f) => `${f.code} ${f.cell}`)).toEqual(['total-mismatch C7']);
    // One merge over the whole header row (only 'No' survives): nothing to recognise, no crash.
    const one = sheet('SatuMerge', pmksRows(), ['A1:H1']);
    expect(() => analyzeWorkbook(book(one))).not.toThrow();
  });

  test('negative numbers in parentheses are read as negative', () => {
    const s = sheet('Negatif', [
      ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
      [1, 'Program A', 1000, 900, 90],
      [2, 'Koreksi', '(1.000)', '(900)', 90],
      [null, 'TOTAL', 1000, 900, 90],
    ]);
    // 1000 + (-1000) = 0, 900 + (-900) = 0: both totals are wrong.
    const totals = tableFindings(analyzeWorkbook(book(s))).filter((f) => f.code === 'total-mismatch');
    expect(totals.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['C4', '0', '1000'],
      ['D4', '0', '900'],
    ]);
  });

  test('non-breaking spaces and a unicode minus inside numbers', () => {
    const s = sheet('Spasi', [
      ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
      [1, 'Program A', '1\u00a0000', 900, 90],
      [2, 'Program B', '\u00a03.000\u00a0', 1500, 50],
      [3, 'Koreksi', '\u22121.000', '\u2212900', 90],
      [null, 'TOTAL', 4000, 2400, 60],
    ]);
    const r = analyzeWorkbook(book(s));
    expect(r.tables.map((t) => t.kind)).toEqual(['budget']);
    // 1 000 + 3.000 − 1.000 = 3000 and 900 + 1500 − 900 = 1500: both written totals are wrong.
    const totals = tableFindings(r).filter((f) => f.code === 'total-mismatch');
    expect(totals.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['C5', '3000', '4000'],
      ['D5', '1500', '2400'],
    ]);
    // The text-stored numbers are reported with their real value.
    const asText = new Map(tableFindings(r).filter((f) => f.code === 'text-number').map((f) => [f.cell, f.expected]));
    expect(asText.get('C2')).toBe('1000');
    expect(asText.get('C3')).toBe('3000');
    expect(asText.get('C4')).toBe('-1000');
    expect(asText.get('D4')).toBe('-900');
  });

  test("'Rp' and '%' inside numbers are read as the numbers they show", () => {
    const s = sheet('Rupiah', [
      ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
      [1, 'Program A', 'Rp 1.000.000', 'Rp. 900.000,-', '90%'],
      [2, 'Program B', 'Rp.3.000.000,-', 'Rp1.500.000', '50 %'],
      [null, 'TOTAL', 'Rp 4.000.000', 'Rp 2.500.000', '62,50%'],
    ]);
    const r = analyzeWorkbook(book(s));
    const wrong = tableFindings(r).filter((f) => f.code === 'total-mismatch' || f.code === 'percent-mismatch');
    // Realisasi 900.000 + 1.500.000 = 2.400.000, not 2.500.000; the % written (62,50% of 2,5 of 4 million) agrees with the written total.
    expect(wrong.map((f) => [f.code, f.cell, f.expected])).toEqual([['total-mismatch', 'D4', '2400000']]);
    const asText = new Map(tableFindings(r).filter((f) => f.code === 'text-number').map((f) => [f.cell, f.expected]));
    expect([asText.get('C2'), asText.get('D2'), asText.get('C3'), asText.get('D3')]).toEqual(['1000000', '900000', '3000000', '1500000']);
  });

  test('a 32,000-character cell as a row label and as Keterangan: no crash, the finding is still made', () => {
    const long = 'Capaian kinerja '.repeat(2000);
    const rows = pmksRows(long);
    rows[1][7] = long;
    const r = analyzeWorkbook(book(sheet('Panjang', rows)));
    expect(tableFindings(r).map((f) => `${f.code} ${f.cell}`)).toContain('total-mismatch C5');
    for (const f of r.findings) expect(f.message.length).toBeGreaterThan(0);
  });

  test('HTML and formulas typed as text stay text in messages', () => {
    const html = '<script>alert("x")</script>';
    const hyper = '=HYPERLINK("http://contoh.go.id","klik")';
    const s = sheet('Teks', [
      ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
      [1, html, 1000, 900, 80],
      [2, hyper, 3000, 1500, 40],
      [null, 'TOTAL', 4000, 2400, 60],
    ]);
    for (const lang of ['id', 'en'] as const) {
      const r = analyzeWorkbook(book(s), { lang });
      const pct = new Map(r.findings.filter((f) => f.code === 'percent-mismatch').map((f) => [f.cell, f.message]));
      expect(pct.get('E2')).toContain(html);
      expect(pct.get('E3')).toContain(hyper);
    }
  });

  test(
    'a 100,000-row sheet through the xlsx reader finds the one wrong total',
    async () => {
      const file = path.join(dir, 'besar.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
      const ws = wb.addWorksheet('Besar');
      ws.addRow(['No', 'Program', 'Anggaran', 'Realisasi']).commit();
      const N = 100_000;
      for (let i = 1; i <= N; i++) ws.addRow([i, `Program ${i}`, 10, 5]).commit();
      ws.addRow([null, 'TOTAL', 10 * N, 5 * N + 1]).commit(); // planted: realisasi total off by one
      await ws.commit();
      await wb.commit();
      const snap = await readWorkbookFile(file);
      expect(snap.sheets[0].values.length).toBe(N + 2);
      const r = analyzeWorkbook(snap);
      expect(r.tables.map((t) => [t.kind, t.range])).toEqual([['budget', `A1:D${N + 2}`]]);
      expect(r.findings.filter((f) => f.severity === 'error').map(brief)).toEqual([`error | total-mismatch | Besar | D${N + 2} | ${5 * N} | ${5 * N + 1}`]);
    },
    180_000,
  );

  test('a password-protected file and a corrupt file fail with the reader error code and a message in both languages', async () => {
    const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const locked = path.join(dir, 'dikunci.xlsx');
    fs.writeFileSync(locked, Buffer.concat([magic, Buffer.alloc(512, 1), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512, 1)]));
    const corrupt = path.join(dir, 'rusak.xlsx');
    fs.writeFileSync(corrupt, fs.readFileSync(SAMPLE).subarray(0, 3000));
    for (const [file, code, id, en] of [
      [locked, 'encrypted', /kata sandi/, /password/i],
      [corrupt, 'corrupt', /rusak/, /damaged/],
    ] as const) {
      const err = await readWorkbookFile(file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkbookReadError);
      expect((err as WorkbookReadError).code).toBe(code);
      expect(readErrorMessage(err as WorkbookReadError, 'id')).toMatch(id);
      expect(readErrorMessage(err as WorkbookReadError, 'en')).toMatch(en);
      expect(readErrorMessage(err as WorkbookReadError, 'en')).toContain(path.basename(file));
    }
  });

  test('sizes a zip declares are not trusted either way: a part claiming 300 MB that holds a small table is read by what it holds', async () => {
    // The reader counts what a part really inflates to (src/xlsx/read/zip.ts): a lie in the
    // central directory neither refuses a good file nor lets a bomb through (a part declared
    // small that inflates past the limit: test/xlsx/pathological.test.ts). The slow real case,
    // 1,048,576 rows of 8 numbers, is in millionRows.test.ts.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRows(pmksRows() as ExcelJS.CellValue[][]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let cd = -1;
    for (let i = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) {
      const len = data.readUInt16LE(i + 28);
      if (data.subarray(i + 46, i + 46 + len).equals(name)) cd = i;
    }
    expect(cd).toBeGreaterThan(0);
    data.writeUInt32LE(300 * 1024 * 1024, cd + 24); // uncompressed size in the central directory record
    const file = path.join(dir, 'ukuran-bohong.xlsx');
    fs.writeFileSync(file, data);
    const snap = await readWorkbookFile(file);
    expect(snap.sheets.map((s) => s.name)).toEqual(['Data']);
    expect(snap.sheets[0].values.length).toBe(pmksRows().length);
    // A file over the size limit keeps the size wording.
    expect(readErrorMessage(new WorkbookReadError('too-large', 'besar.xlsx'), 'en')).toMatch(/limit 200 MB/);
  });

  // Saved once with LibreOffice Calc (soffice --convert-to xlsx) and committed, so CI needs no office suite.
  test('a workbook saved by LibreOffice gives the same findings as the original', async () => {
    const converted = path.join(__dirname, '../fixtures/dinsos-ntt-2021-libreoffice.xlsx');
    const before = analyzeWorkbook(await readWorkbookFile(SAMPLE));
    const after = analyzeWorkbook(await readWorkbookFile(converted));
    expect(after.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual(before.tables.map((t) => [t.sheet, t.range, t.kind]));
    expect(after.findings.map(brief)).toEqual(before.findings.map(brief));
  });
});
