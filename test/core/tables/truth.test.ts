/**
 * Report tables tell the truth about their workbook (issue 11, item 6): built as the
 * workbook is by default; with the accepted fixes only on request, with a note listing
 * every value that differs; low-confidence readings marked; a parent never counted
 * with its children; the table's own title and header words.
 */
import JSZip from 'jszip';
import path from 'path';
import { parseA1 } from '../../../src/core/a1';
import { buildTableSpecs } from '../../../src/core/tables/build';
import { tableToHtml, tableToPlainText } from '../../../src/core/tables/html';
import type { SpecCell, TableSpec } from '../../../src/core/tables/types';
import { tablesToDocx } from '../../../src/io/tablesDocx';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';
import { book, sheet, type TestCell } from '../helpers/sheet';

const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../../examples', name));
const rowOf = (s: TableSpec, label: string) => s.bodyRows.find((r) => r.cells.some((c) => c.text === label))!;
const texts = (cells: SpecCell[]) => cells.map((c) => c.text);
const totalRow = (s: TableSpec) => s.bodyRows.find((r) => r.role === 'total')!;
/** The table's cell taken from a workbook cell. */
const from = (s: TableSpec, a1: string) => {
  const at = parseA1(a1)!;
  return s.bodyRows.flatMap((r) => r.cells).find((c) => c.source?.row === at.row && c.source.col === at.col)!;
};

describe('the NTT sample as it is (the default)', () => {
  let specs: TableSpec[];
  beforeAll(async () => {
    specs = buildTableSpecs(await read('dinsos-ntt-2021.xlsx'));
  });
  const spec = (id: string) => specs.find((s) => s.id === id)!;

  it('shows every figure the workbook types, wrong ones included, and computes only what agrees', () => {
    const pmks = spec('pmks-Indikator 1 PMKS');
    expect(pmks.withFixes).toBeUndefined();
    expect(pmks.differences).toBeUndefined();
    expect(texts(totalRow(pmks).cells).slice(2)).toEqual(['TOTAL', '2.560.142', '975.136', '771.666', '79,13', '1.788.476', '']);
    // #DIV/0! as the workbook shows it, not the marker a fix would write.
    const tuna = rowOf(pmks, 'Tuna Susila');
    expect(tuna.cells[6]).toMatchObject({ text: '#DIV/0!', source: { row: 12, col: 6 } });
    expect(tuna.cells[6].formula).toBeUndefined();
    // A text number is the number it means: '1.595' typed as text shows as 1.595.
    expect(from(pmks, 'D8')).toMatchObject({ text: '1.595', value: 1595 });

    const apbd = spec('anggaran-APBD');
    expect(texts(apbd.bodyRows.find((r) => r.role === 'parent')!.cells)).toEqual(['I', 'Urusan Pemerintahan Bidang Sosial', '38.177.592.484', '35.459.525.876', '92,88']);
    expect(rowOf(apbd, 'Program Perlindungan dan Jaminan Sosial').cells[4]).toMatchObject({ text: '31,59', value: 31.59 });
    // The Jumlah equals the (typed) parent, so it stays a formula over it.
    expect(totalRow(apbd).cells[2]).toMatchObject({ text: '38.177.592.484', formula: { kind: 'sum', rows: [0] } });
  });

  it('a short note says which of the values shown the check flags; a table with none has no note', () => {
    const pmks = spec('pmks-Indikator 1 PMKS');
    expect(pmks.flagged).toEqual(['H8', 'G13', 'G14', 'G15', 'G16', 'G17', 'G18', 'G19', 'G20', 'H27', 'D30', 'E30', 'F30']);
    expect(pmks.notes).toEqual([
      'Catatan: pemeriksaan menandai 13 nilai di tabel ini, yang ditulis seperti di buku kerja (lembar "Indikator 1 PMKS": H8, G13, G14, G15, G16, G17, G18, G19, G20, H27 dan 3 lainnya).',
    ]);
    expect(spec('anggaran-APBD').notes).toEqual(['Catatan: pemeriksaan menandai 3 nilai di tabel ini, yang ditulis seperti di buku kerja (lembar "APBD": C6, D6, E11).']);
    expect(spec('anggaran-APBN').notes).toEqual([]);
    expect(spec('anggaran-APBN').flagged).toEqual([]);
  });
});

describe('the NTT sample with the accepted fixes', () => {
  let specs: TableSpec[];
  let english: TableSpec[];
  beforeAll(async () => {
    const snapshot = await read('dinsos-ntt-2021.xlsx');
    specs = buildTableSpecs(snapshot, { withFixes: true });
    english = buildTableSpecs(snapshot, { withFixes: true, lang: 'en' });
  });
  const spec = (id: string) => specs.find((s) => s.id === id)!;

  it('applies the mechanical fixes and never a judgement: Kab/Kota stays as typed', () => {
    const pmks = spec('pmks-Indikator 1 PMKS');
    expect(pmks.withFixes).toBe(true);
    expect(texts(totalRow(pmks).cells).slice(2)).toEqual(['TOTAL', '2.579.089', '975.138', '771.668', '79,13', '1.788.476', '']);
    expect(rowOf(pmks, 'Tuna Susila').cells[6].text).toBe('Kewenangan Pusat');
    // H8 (Kab/Kota of 'Anak Dengan Kedisabilitas') is 0 in the workbook; 1.104 would be a judgement.
    expect(from(pmks, 'H8').text).toBe('-');
    expect(pmks.differences!.map((d) => d.cell)).not.toContain('H8');
    expect(pmks.flagged).toEqual(['H8', 'H27']);
  });

  it('lists every value that differs from the workbook, with its row, column and the workbook value', () => {
    const pmks = spec('pmks-Indikator 1 PMKS');
    expect(pmks.differences!.map((d) => d.cell)).toEqual(['G13', 'G14', 'G15', 'G16', 'G17', 'G18', 'G19', 'G20', 'D30', 'E30', 'F30']);
    expect(pmks.differences![8]).toEqual({ cell: 'D30', row: 'TOTAL', column: 'Populasi 2021', table: '2.579.089', workbook: '2.560.142' });
    const note = pmks.notes.find((n) => n.startsWith('Catatan: dengan perbaikan'))!;
    expect(note).toContain("baris 'Tuna Susila', kolom '%' (G13): Kewenangan Pusat (di buku kerja: #DIV/0!)");
    expect(note).toContain("baris 'TOTAL', kolom 'Kewenangan Provinsi' (E30): 975.138 (di buku kerja: 975.136)");
    // Text numbers converted by the fixes hold the same value: not a difference.
    expect(note).not.toContain('D8');
    const apbd = spec('anggaran-APBD');
    expect(apbd.differences!.map((d) => `${d.cell} ${d.table} ← ${d.workbook}`)).toEqual([
      'C6 38.104.680.384 ← 38.177.592.484',
      'D6 35.388.217.376 ← 35.459.525.876',
      'E6 92,87 ← 92,88',
      'E11 31,58 ← 31,59',
      'C13 38.104.680.384 ← 38.177.592.484',
      'D13 35.388.217.376 ← 35.459.525.876',
      'E13 92,87 ← 92,88',
    ]);
    expect(spec('anggaran-APBN').differences).toEqual([]);
  });

  it('says it in English when asked, figures in English style', () => {
    const apbd = english.find((s) => s.id === 'anggaran-APBD')!;
    expect(apbd.notes[0]).toMatch(/^Note: with the accepted fixes, these values differ from the workbook: row 'Urusan Pemerintahan Bidang Sosial', column 'ANGGARAN' \(C6\): 38,104,680,384 \(in the workbook: 38,177,592,484\);/);
    const pmks = english.find((s) => s.id === 'pmks-Indikator 1 PMKS')!;
    expect(pmks.notes).toContain('Note: the check flags 2 values in this table, shown as the workbook has them (sheet "Indikator 1 PMKS": H8, H27).');
  });

  it('the note reaches every output: Word HTML, plain text and the .docx', async () => {
    const apbd = spec('anggaran-APBD');
    const line = "baris 'Program Perlindungan dan Jaminan Sosial', kolom '%' (E11): 31,58 (di buku kerja: 31,59)";
    expect(tableToHtml(apbd)).toContain(line.replace(/'/g, '&#39;'));
    expect(tableToPlainText(apbd)).toContain(line);
    const zip = await JSZip.loadAsync(await tablesToDocx([apbd], { title: 'APBD' }));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text.replace(/&apos;|&#39;/g, "'")).toContain(line);
  });
});

/** A belanja table by Kode Rekening: 5 over 5.1 over 5.1.1 and 5.1.2, every level listed. */
function codeTree(jumlah: number): TestCell[][] {
  return [
    ['Tabel 3.3 Realisasi Belanja per Kode Rekening'],
    [],
    ['Kode Rekening', 'Uraian', 'Pagu Anggaran (Rp)', 'Realisasi (Rp)', '%'],
    ['5', 'Belanja', 1000000, 900000, 90],
    ['5.1', 'Belanja Operasi', 1000000, 900000, 90],
    ['5.1.1', 'Belanja Pegawai', 600000, 500000, 83.33],
    ['5.1.2', 'Belanja Barang dan Jasa', 400000, 400000, 100],
    ['', 'Jumlah', jumlah, 900000, 90],
  ];
}

describe('a parent and its children are never both in a Jumlah', () => {
  it('Kode Rekening 5 / 5.1 / 5.1.1: the Jumlah is the top level only, as is and with fixes', () => {
    for (const withFixes of [false, true]) {
      const [s] = buildTableSpecs(book(sheet('Belanja', codeTree(1000000))), { withFixes });
      expect(s.bodyRows.map((r) => r.role)).toEqual(['parent', 'parent', 'item', 'item', 'total']);
      expect(totalRow(s).cells[2]).toMatchObject({ text: '1.000.000', formula: { kind: 'sum', rows: [0] } });
      expect(s.bodyRows[1].cells[2].formula).toEqual({ kind: 'sum', rows: [2, 3] });
      expect(s.flagged).toEqual([]);
      expect(s.notes).toEqual([]);
    }
  });

  it('a Jumlah typed as parent plus children (double counted) is shown as typed and flagged, and fixed to the top level', () => {
    const snapshot = book(sheet('Belanja', codeTree(3000000)));
    const [asIs] = buildTableSpecs(snapshot);
    expect(totalRow(asIs).cells[2]).toMatchObject({ text: '3.000.000', source: { row: 7, col: 2 } });
    expect(totalRow(asIs).cells[2].formula).toBeUndefined();
    expect(asIs.flagged).toContain('C8');
    const [fixed] = buildTableSpecs(snapshot, { withFixes: true });
    expect(totalRow(fixed).cells[2].text).toBe('1.000.000');
    expect(fixed.differences).toContainEqual({ cell: 'C8', row: 'Jumlah', column: 'Pagu Anggaran (Rp)', table: '1.000.000', workbook: '3.000.000' });
  });

  it('a program numbered 1 with its kegiatan 1.1 and 1.2 is their parent: no false total, no fix that counts it twice', () => {
    const rows: TestCell[][] = [
      ['No', 'Program / Kegiatan', 'Pagu Anggaran (Rp)', 'Realisasi (Rp)', '%'],
      ['1', 'Program A', 1000000, 900000, 90],
      ['1.1', 'Kegiatan A1', 600000, 500000, 83.33],
      ['1.2', 'Kegiatan A2', 400000, 400000, 100],
      ['2', 'Program B', 500000, 250000, 50],
      ['', 'Jumlah', 1500000, 1150000, 76.67],
    ];
    const [s] = buildTableSpecs(book(sheet('APBD', rows)), { withFixes: true });
    expect(s.bodyRows.map((r) => r.role)).toEqual(['parent', 'item', 'item', 'item', 'total']);
    expect(texts(totalRow(s).cells)).toEqual(['', 'Jumlah', '1.500.000', '1.150.000', '76,67']);
    expect(totalRow(s).cells[2].formula).toEqual({ kind: 'sum', rows: [0, 3] });
    expect(s.differences).toEqual([]);
    expect(s.flagged).toEqual([]);
  });
});

describe('title and header words are the table’s own', () => {
  const table = (title: string, first: string): TestCell[][] => [
    [title],
    ['No', 'Program', 'Pagu Anggaran (Rp)', 'Realisasi Belanja (Rp)', 'Persentase (%)'],
    ['1', `${first} A`, 1000000, 900000, 90],
    ['2', `${first} B`, 500000, 250000, 50],
    ['', 'Jumlah', 1500000, 1150000, 76.67],
  ];

  it('the title row above the header, not a generic title; the office’s header words kept', () => {
    const [s] = buildTableSpecs(book(sheet('APBN', table('Tabel 3.3 Realisasi Anggaran APBN Tahun 2021', 'Program'))));
    expect(s.titleLines).toEqual(['Tabel 3.3 Realisasi Anggaran APBN Tahun 2021']);
    expect(texts(s.headerRows[0])).toEqual(['No', 'Program', 'Pagu Anggaran (Rp)', 'Realisasi Belanja (Rp)', 'Persentase (%)']);
  });

  it('a second table on the sheet takes its own title, never the rows or the source line of the table above', () => {
    const rows = [...table('Tabel 3.3 Realisasi Anggaran APBN', 'Program'), ['Sumber: DIPA 2021'], ...table('Tabel 3.4 Realisasi Anggaran APBD', 'Urusan')];
    const specs = buildTableSpecs(book(sheet('Anggaran', rows)));
    expect(specs.map((s) => s.titleLines)).toEqual([['Tabel 3.3 Realisasi Anggaran APBN'], ['Tabel 3.4 Realisasi Anggaran APBD']]);
    expect(specs[0].source).toBe('Sumber: DIPA 2021');
  });

  it('a generic title only where the sheet has none', () => {
    const [s] = buildTableSpecs(book(sheet('APBN', table('', 'Program').slice(1))));
    expect(s.titleLines).toEqual(['Realisasi Anggaran']);
  });
});

describe('low confidence', () => {
  it('a column of figures under a header the vocabulary does not know marks the table', () => {
    const rows: TestCell[][] = [
      ['Tabel 2.1 Penanganan PMKS'],
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Lain Lain'],
      [1, 'Anak Terlantar', 100, 60, 30, 50, 40, 7],
      [2, 'Lansia Terlantar', 50, 20, 20, 100, 30, 9],
      ['', 'TOTAL', 150, 80, 50, 62.5, 70, 16],
    ];
    const [s] = buildTableSpecs(book(sheet('PMKS', rows)));
    expect(s.lowConfidence).toEqual({ table: false, columns: ['Lain Lain'] });
  });

  it('so does one the report table leaves out (figures under "Serapan" read as a count)', () => {
    const rows: TestCell[][] = [
      ['Wilayah', 'Pagu', 'Serapan', 'Persen'],
      ['Kupang', 1000, 800, 80],
      ['Alor', 500, 500, 100],
      ['Jumlah', 1500, 1300, 86.67],
    ];
    const [s] = buildTableSpecs(book(sheet('Anggaran', rows)));
    expect(s.lowConfidence).toEqual({ table: false, columns: ['Serapan'] });
  });

  it('the samples’ report tables are read with confidence: text columns the table does not show are no risk', async () => {
    const specs = [...buildTableSpecs(await read('dinsos-ntt-2021.xlsx')), ...buildTableSpecs(await read('dinsos-flotim-2020.xlsx'))];
    expect(specs.filter((s) => s.lowConfidence && s.kind !== 'count')).toEqual([]);
  });

  it('count tables whose figure columns were read from their cells alone say so (staff by education, by rank)', async () => {
    const specs = buildTableSpecs(await read('dinsos-flotim-2020.xlsx')).filter((s) => s.kind === 'count');
    expect(specs.map((s) => [s.from.sheet, s.lowConfidence?.columns ?? []])).toEqual([
      ['Tabel 1.1', ['Jenjang Pendidikan SD/SLTA/SMA', 'Jenjang Pendidikan D3/D2/D1', 'Jenjang Pendidikan S1', 'Jenjang Pendidikan S2']],
      ['Tabel 1.2', ['Golongan II', 'Golongan III', 'Golongan IV']],
      ['Tabel 1.3', []],
    ]);
  });
});
