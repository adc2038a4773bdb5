/** Count tables (staff by education and rank, assets) are report tables too: their figures as typed, a Jumlah that sums them. */
import path from 'path';
import { buildTableSpecs } from '../../../src/core/tables/build';
import { tableToPlainText } from '../../../src/core/tables/html';
import { readableSheetName, sheetPlan } from '../../../src/core/tables/sheetPlan';
import type { TableSpec } from '../../../src/core/tables/types';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';

const FLOTIM = path.join(__dirname, '../../../examples/dinsos-flotim-2020.xlsx');

describe('count tables from the Flores Timur sample', () => {
  let specs: TableSpec[];
  beforeAll(async () => {
    specs = buildTableSpecs(await readWorkbookFile(FLOTIM));
  });
  const count = (sheet: string) => specs.find((s) => s.from.sheet === sheet)!;

  it('every count table becomes a report table', () => {
    expect(specs.filter((s) => s.kind === 'count').map((s) => s.from.sheet)).toEqual(['Tabel 1.1', 'Tabel 1.2', 'Tabel 1.3']);
  });

  it('staff by education and echelon keeps the group header over its columns', () => {
    const s = count('Tabel 1.1');
    expect(s.titleLines[0]).toBe('Jumlah PNS Dinas Sosial Kabupaten Flores Timur,');
    expect(s.headerRows).toHaveLength(2);
    expect(s.headerRows[0].map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1])).toEqual([
      ['No.', 1, 2],
      ['Eselonering', 1, 2],
      ['Jenjang Pendidikan', 4, 1],
      ['Jumlah Pegawai', 1, 2],
    ]);
    expect(s.headerRows[1].map((c) => c.text)).toEqual(['SD/SLTA/SMA', 'D3/D2/D1', 'S1', 'S2']);
  });

  it('rows as the workbook shows them, and a Jumlah row summing each column with a formula', () => {
    const s = count('Tabel 1.1');
    expect(s.bodyRows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1.', 'Eselon II', '-', '-', '-', '-', '-'],
      ['2.', 'Eselon III', '-', '-', '4', '1', '5'],
      ['3.', 'Eselon IV', '-', '6', '9', '-', '15'],
      ['4.', 'Non Eselon', '2', '-', '3', '-', '5'],
      ['', 'Jumlah', '2', '6', '16', '1', '25'],
    ]);
    const total = s.bodyRows.at(-1)!;
    expect(total.role).toBe('total');
    expect(total.cells[6].formula).toEqual({ kind: 'sum', rows: [0, 1, 2, 3] });
  });

  it('the asset list keeps units and conditions as text and sums the Jumlah column only', () => {
    const s = count('Tabel 1.3');
    const text = tableToPlainText(s);
    expect(text).toContain('MOBIL RESQUE');
    const total = s.bodyRows.at(-1)!.cells.map((c) => c.text);
    expect(total).toEqual(['', 'JUMLAH', '269', '', '']);
    expect(s.source).toMatch(/^Sumber: Sub Bagian Umum dan Kepegawaian/);
  });

  it('a count table plans onto a sheet named after its sheet, not "Tabel Tabel 1.2"', () => {
    const p = sheetPlan(count('Tabel 1.2'));
    expect(p.sheetName).toBe('Tabel 1.2');
  });
});

describe('readable sheet names', () => {
  const spec = (kind: TableSpec['kind'], sheet: string, title = ''): Pick<TableSpec, 'kind' | 'titleLines' | 'from'> => ({ kind, titleLines: title ? [title] : [], from: { sheet, range: 'A1:B2' } });
  it.each<[Pick<TableSpec, 'kind' | 'titleLines' | 'from'>, string]>([
    [spec('pmks', 'Indikator 1 PMKS'), 'Tabel PMKS'],
    [spec('spm', 'Indikator 2 SPM'), 'Tabel SPM'],
    [spec('anggaran', 'APBD'), 'Tabel APBD'],
    [spec('anggaran', 'Lampiran', 'Realisasi Anggaran APBN 2021'), 'Tabel APBN'],
    [spec('anggaran', 'Ringkasan Anggaran'), 'Tabel Anggaran'],
    [spec('capaian', 'RPJMD'), 'Tabel Capaian Kinerja'],
    [spec('belanja', 'Tabel 3.2 Belanja'), 'Tabel Belanja'],
    [spec('count', 'Pegawai'), 'Tabel Pegawai'],
    [spec('count', 'Tabel 1.3'), 'Tabel 1.3'],
    [spec('count', 'Rekap: Jumlah Pegawai per Golongan dan Pendidikan 2021'), 'Tabel Rekap Jumlah Pegawai per'],
  ])('%j → %s', (s, name) => {
    const got = readableSheetName(s);
    expect(got.length).toBeLessThanOrEqual(31);
    expect(got).toBe(name.slice(0, 31).trim());
    expect(got).not.toMatch(/[[\]:*?/\\]/);
  });
});
