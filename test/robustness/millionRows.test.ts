/**
 * Bad-input catalogue: a sheet that reaches Excel's last row (1,048,576), through
 * the xlsx reader and `lakip check`. The workbooks are generated here at test
 * time (nothing big is committed).
 *
 * - sparse: a budget table at the top and one value in the last row;
 * - dense: the same table and a column of numbers in every row down to the last;
 * - too wide: 1,048,576 rows of 8 numeric columns (about 200 MB of sheet XML in
 *   a 20 MB file, 8.4 M cells). With exceljs 12 such columns ran out of memory
 *   and killed the process. The streaming reader keeps no XML; it counts cells as
 *   it reads and refuses past what the heap can hold (read/limits.ts) or past what
 *   one sheet's rectangle may take (sheetExtent.ts), with its 'too-large' message,
 *   and the other files of the run are still checked.
 *
 * Measured on the development machine (2 cores, Node 20) for the whole file:
 * 47 s, peak RSS 2.7 GB: generating the three files 18 s, sparse read + check 3 s
 * each, dense `lakip check` 20 s, the refusals well under a second of reading.
 * Slow, hence its own file and generous timeouts.
 */
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readErrorMessage, WorkbookReadError } from '../../src/xlsx/errors';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { lakip, rmDir, tmpDir } from '../cli/helpers';
import { brief } from '../core/helpers/sheet';

const LAST_ROW = 1_048_576;

/** No | Program | Anggaran | Realisasi | %, with the Anggaran total (C4) planted wrong: 4100 instead of 4000. */
const TABLE = [
  ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
  [1, 'Program Rehabilitasi Sosial', 1000, 900, 90],
  [2, 'Program Perlindungan dan Jaminan Sosial', 3000, 1500, 50],
  [null, 'TOTAL', 4100, 2400, 60],
];
const TABLE_FINDING = 'error | total-mismatch | Data | C4 | 4000 | 4100';

/** Streams a workbook: the table, then `rest(row)` for every row from 5 to the last. */
async function writeStreamed(file: string, rest: (ws: ExcelJS.Worksheet, rowNumber: number) => void): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('Data');
  for (const r of TABLE) ws.addRow(r).commit();
  for (let r = TABLE.length + 1; r <= LAST_ROW; r++) rest(ws, r);
  await ws.commit();
  await wb.commit();
}

let dir: string;
let sparse: string;
let dense: string;
let wide: string;
beforeAll(async () => {
  dir = tmpDir('lakip-million-');

  sparse = path.join(dir, 'sparse.xlsx');
  await writeStreamed(sparse, (ws, r) => {
    // Rows must be added in order; an empty row is not written. (Jumping straight to the
    // last row with getRow() makes exceljs's writer quadratic.)
    ws.addRow(r === LAST_ROW ? ['baris terakhir'] : []).commit();
  });

  dense = path.join(dir, 'dense.xlsx');
  await writeStreamed(dense, (ws, r) => {
    const row = ws.getRow(r);
    row.getCell(7).value = r; // column G, one blank column away from the table
    row.commit();
  });

  // Too wide: written as raw sheet XML (exceljs's writer would take half a minute).
  wide = path.join(dir, 'wide.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Data').addRows(TABLE);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const [head, tail] = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).split('</sheetData>');
  const chunks: Buffer[] = [Buffer.from(head)];
  let part = '';
  for (let r = TABLE.length + 1; r <= LAST_ROW; r++) {
    part += `<row r="${r}">`;
    for (const col of 'ABCDEFGH') part += `<c r="${col}${r}"><v>${r}</v></c>`;
    part += '</row>';
    if (part.length > 1 << 20) {
      chunks.push(Buffer.from(part));
      part = '';
    }
  }
  chunks.push(Buffer.from(`${part}</sheetData>${tail}`));
  const sheetXml = Buffer.concat(chunks);
  expect(sheetXml.length).toBeGreaterThan(150 * 1024 * 1024);
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  fs.writeFileSync(wide, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }));
}, 120_000);
afterAll(() => rmDir(dir));

test('sparse: the reader keeps all 1,048,576 rows, the table at the top is checked', async () => {
  const snap = await readWorkbookFile(sparse);
  const s = snap.sheets[0];
  expect(s.origin).toEqual({ row: 0, col: 0 });
  expect(s.values.length).toBe(LAST_ROW);
  expect(s.values[LAST_ROW - 1][0]).toBe('baris terakhir');
  const r = analyzeWorkbook(snap);
  expect(r.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual([['Data', 'A1:E4', 'budget']]);
  expect(r.findings.filter((f) => f.severity === 'error').map(brief)).toEqual([TABLE_FINDING]);
}, 60_000);

test('sparse: `lakip check` reports the table and its finding, exit 0', async () => {
  const res = await lakip(['check', sparse]);
  expect(res.code).toBe(0);
  expect(res.stderr).toBe('');
  expect(res.stdout).toMatch(/- Data\s+A1:E4\s+Tabel anggaran/);
  expect(res.stdout).toMatch(/KESALAHAN\s+C4\s+Total Anggaran tertulis 4\.100, tetapi jumlah rinciannya 4\.000/);
  expect(res.stdout).toContain('Ringkasan: 1 berkas dibaca, 0 gagal dibaca, 1 tabel');
}, 60_000);

test('dense: a number in every row down to 1,048,576: `lakip check --format json` still finds the table and its error', async () => {
  const res = await lakip(['check', dense, '--format', 'json']);
  expect(res.code).toBe(0);
  const out = JSON.parse(res.stdout) as { files: { error?: unknown; tables: unknown[]; findings: { code: string; cell: string; severity: string }[] }[] };
  expect(out.files[0].error).toBeUndefined();
  expect(out.files[0].tables).toEqual([{ sheet: 'Data', range: 'A1:E4', kind: 'budget', confidence: 'high', lowConfidence: [] }]);
  expect(out.files[0].findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.cell}`)).toEqual(['total-mismatch C4']);
}, 120_000);

test('too wide: refused as too large (not as damaged, not a crash), in both languages', async () => {
  const err = await readWorkbookFile(wide).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).code).toBe('too-large');
  const id = readErrorMessage(err as WorkbookReadError, 'id');
  const en = readErrorMessage(err as WorkbookReadError, 'en');
  expect(id).toContain('wide.xlsx');
  expect(id).toMatch(/terlalu banyak sel/);
  expect(id).not.toMatch(/rusak|200 MB/); // neither damaged nor over the file-size limit: the file is 20 MB
  expect(en).toMatch(/too many cells/);
  expect(en).not.toMatch(/damaged|200 MB/);
}, 60_000);

test('too wide: `lakip check` says so, exits 2, and still checks the next file', async () => {
  const res = await lakip(['check', wide, sparse, '--lang', 'en']);
  expect(res.code).toBe(2);
  expect(res.stdout).toMatch(/== .*wide\.xlsx ==\n\s+ERROR\s.*too large to check.*too many cells/);
  expect(res.stdout).toMatch(/== .*sparse\.xlsx ==\n\s+Recognised tables \(1\):/);
  expect(res.stdout).toContain('Summary: 1 file read, 1 failed, 1 table');
}, 60_000);
