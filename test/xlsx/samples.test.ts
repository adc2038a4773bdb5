import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { addressOf, cellMap, cellOf, expectDense, sheetOf } from './cells';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const NTT = path.join(EXAMPLES, 'dinsos-ntt-2021.xlsx');
const FLOTIM = path.join(EXAMPLES, 'dinsos-flotim-2020.xlsx');

let ntt: WorkbookSnapshot;
let flotim: WorkbookSnapshot;

beforeAll(async () => {
  ntt = await readWorkbookFile(NTT);
  flotim = await readWorkbookFile(FLOTIM);
});

describe('sample dinsos-ntt-2021.xlsx', () => {
  test('sheet names in workbook order, all visible worksheets', () => {
    expect(ntt.sheets.map((s) => s.name)).toEqual(['Indikator 1 PMKS', 'Indikator 2 SPM', 'RPJMD', 'APBN', 'APBD', 'Narasi']);
    for (const s of ntt.sheets) {
      expect(s.visibility).toBe('Visible');
      expect(s.kind).toBeUndefined();
      expectDense(s);
    }
  });

  test("'Indikator 1 PMKS' used range is A1:J30", () => {
    const s = sheetOf(ntt, 'Indikator 1 PMKS');
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(addressOf(s, s.values.length - 1, s.values[0].length - 1)).toBe('J30');
    expect(s.hiddenRows).toEqual([]);
  });

  test('D8 is the string 1.595 (a thousands-dotted number typed as text)', () => {
    const c = cellOf(ntt, 'Indikator 1 PMKS', 'D8');
    expect(c.value).toBe('1.595');
    expect(c.valueType).toBe('String');
    expect(c.text).toBe('1.595');
    expect(c.formula).toBe('1.595');
  });

  test('G13 is a #DIV/0! formula result', () => {
    const c = cellOf(ntt, 'Indikator 1 PMKS', 'G13');
    expect(c.value).toBe('#DIV/0!');
    expect(c.valueType).toBe('Error');
    expect(c.text).toBe('#DIV/0!');
    expect(c.formula).toBe('=F13/E13*100');
    expect(c.numberFormat).toBe('0.00');
  });

  test('G27 cached value ~78.94 shown as 78.94 under 0.00', () => {
    const c = cellOf(ntt, 'Indikator 1 PMKS', 'G27');
    expect(typeof c.value).toBe('number');
    expect(c.value as number).toBeCloseTo(78.94125659, 6);
    expect(c.valueType).toBe('Double');
    expect(c.text).toBe('78.94');
    expect(c.formula).toBe('=F27/E27*100');
  });

  test('H6 is 0 shown as a dash by the accounting format', () => {
    const c = cellOf(ntt, 'Indikator 1 PMKS', 'H6');
    expect(c.value).toBe(0);
    expect(c.valueType).toBe('Double');
    expect(c.text).toBe('-');
    expect(c.numberFormat).toBe('_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-');
  });

  test('thousands separator and plain numbers', () => {
    const d4 = cellOf(ntt, 'Indikator 1 PMKS', 'D4');
    expect(d4.value).toBe(201667);
    expect(d4.text).toBe('201,667');
    expect(d4.formula).toBe(201667);
  });

  test('merges include A4:A12; cells covered by a merge are empty', () => {
    const s = sheetOf(ntt, 'Indikator 1 PMKS');
    expect(s.merges).toContain('A4:A12');
    const cells = cellMap(s);
    expect(cells.get('A4')!.valueType).toBe('String');
    expect(cells.get('A5')).toMatchObject({ value: '', text: '', formula: '', valueType: 'Empty' });
    expect(cells.get('A12')!.valueType).toBe('Empty');
  });
});

describe('sample dinsos-flotim-2020.xlsx', () => {
  test('sheet names in workbook order', () => {
    expect(flotim.sheets.map((s) => s.name)).toEqual([
      'Tabel 1.1',
      'Tabel 1.2',
      'Tabel 1.3',
      'Tabel 3.1 IKU',
      'Skala',
      'Tabel 3.2 Belanja',
      'Ringkasan Anggaran',
      'Narasi',
    ]);
    for (const s of flotim.sheets) expectDense(s);
  });

  test("'Tabel 1.1' G8 is =SUM(C8:F8) with its cached result 0 (exceljs's cell.value drops a falsy result)", () => {
    const c = cellOf(flotim, 'Tabel 1.1', 'G8');
    expect(c.formula).toBe('=SUM(C8:F8)');
    expect(c.value).toBe(0);
    expect(c.valueType).toBe('Double');
  });

  test("'Tabel 1.1' G12 is =SUM(G8:G11) whose stored '<v>NaN</v>' is no result", () => {
    const c = cellOf(flotim, 'Tabel 1.1', 'G12');
    expect(c.formula).toBe('=SUM(G8:G11)');
    expect(c.value).toBe('');
    expect(c.valueType).toBe('Empty');
  });

  test("'Tabel 3.2 Belanja' B7 is the text 06", () => {
    const c = cellOf(flotim, 'Tabel 3.2 Belanja', 'B7');
    expect(c.value).toBe('06');
    expect(c.valueType).toBe('String');
    expect(c.text).toBe('06');
  });
});

describe('reading', () => {
  test('readWorkbookBuffer gives the same snapshot as readWorkbookFile', async () => {
    const fromBuffer = await readWorkbookBuffer(new Uint8Array(fs.readFileSync(NTT)), 'dinsos-ntt-2021.xlsx');
    expect(fromBuffer).toEqual(ntt);
  });

  test('the input file is not modified', async () => {
    const hash = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    const before = { hash: hash(FLOTIM), mtime: fs.statSync(FLOTIM).mtimeMs, size: fs.statSync(FLOTIM).size };
    await readWorkbookFile(FLOTIM);
    expect({ hash: hash(FLOTIM), mtime: fs.statSync(FLOTIM).mtimeMs, size: fs.statSync(FLOTIM).size }).toEqual(before);
  });
});
