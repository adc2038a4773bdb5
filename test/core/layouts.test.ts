import { analyzeWorkbook } from '../../src/core/analyze';
import { book, brief, sheet } from './helpers/sheet';
import { NTT_SCALE } from '../fixtures/scales';

const kinds = (wb: ReturnType<typeof book>) => analyzeWorkbook(wb).tables.map((t) => [t.sheet, t.range, t.kind]);

describe('layout recognition', () => {
  it('finds a PMKS table below title rows and a budget table further down the same sheet', () => {
    const s = sheet(
      'Gabungan',
      [
        ['LAPORAN KINERJA 2021'],
        [null],
        ['Tabel 3.1 Indikator 1'],
        [null, 'No', 'Jenis PMKS', 'Populasi', 'Kewenangan Prov', 'Ditangani', 'Presentase', 'Kwenangan Kab/Kota', 'Ket.'],
        [null, 1, 'Anak Terlantar', 100, 40, 20, 50, 60, null],
        [null, 2, 'Gelandangan', 10, 0, 0, { err: '#DIV/0!', f: 'F6/E6*100' }, 0, 'Penanganannya menjadi kewenangan pusat'],
        [null, null, 'Jumlah', 110, 40, 20, 50, 60],
        [null],
        [null],
        [null, 'No.', 'Program', 'Pagu', 'Penyerapan', '(%)'],
        [null, '1.', 'Program A', 1000, 900, 90],
        [null, '2.', 'Program B', 3000, 1500, 50],
        [null, null, 'TOTAL', 4000, 2400, 60],
        [null, 'Sumber: Bagian Keuangan'],
      ],
    );
    expect(kinds(book(s))).toEqual([
      ['Gabungan', 'B4:I7', 'pmks'],
      ['Gabungan', 'B10:F13', 'budget'],
    ]);
    const report = analyzeWorkbook(book(s));
    expect(report.tables[0].title).toBe('Tabel 3.1 Indikator 1');
    expect(report.findings.map(brief)).toEqual(['warning | division-by-zero | Gabungan | G6 | Kewenangan Pusat | #DIV/0!']);
  });

  it('reads an SPM table headed Populasi/Target or just Target', () => {
    for (const head of ['Populasi/Target', 'Target']) {
      const s = sheet('SPM', [
        ['No', 'Jenis layanan', head, 'Yang ditangani', '%'],
        [1, 'Rehabilitasi dalam panti', 100, 90, 90],
        [2, 'Perlindungan korban bencana', 50, 50, 100],
        [null, 'TOTAL', 150, 140, 93.33],
      ]);
      const r = analyzeWorkbook(book(s));
      expect(r.tables.map((t) => t.kind)).toEqual(['spm']);
      expect(r.tables[0].columns[2].role).toBe('populasi');
      expect(r.findings).toEqual([]);
    }
  });

  it('reads a budget table with a parent Urusan row and section rows', () => {
    const s = sheet('APBD', [
      ['NO.', 'PROGRAM', 'ANGGARAN', 'REALISASI', '%'],
      ['I', 'Urusan Pemerintahan Bidang Sosial', 300, 240, 80],
      [null, 'Dana Dekonsentrasi'],
      ['1.', 'Program A', 100, 90, 90],
      ['2.', 'Program B', 200, 150, 75],
      [null, 'Jumlah', 300, 240, 80],
    ]);
    const r = analyzeWorkbook(book(s));
    expect(r.tables[0].rows.map((x) => x.role)).toEqual(['parent', 'section', 'item', 'item', 'total']);
    expect(r.findings).toEqual([]);
  });

  it('reads an IKU table with capaian and predikat, target typed as text, number or Excel percentage', () => {
    const s = sheet(
      'IKU',
      [
        ['Sasaran', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)', 'Predikat'],
        ['Meningkatnya pelayanan', 'Persentase PMKS yang tertangani', '6,25%', '3,2%', 51.2, 'Belum Berhasil'],
        [null, 'Persentase panti yang menerima bantuan', 45, 60, 133.33, 'Sangat Berhasil'],
        [null, 'Persentase korban bencana yang dievakuasi', { n: 1, fmt: '0%' }, { n: 0.9, fmt: '0.00%' }, 90, 'Sangat Berhasil'],
      ],
      ['A2:A4'],
    );
    const r = analyzeWorkbook(book(s), { scale: NTT_SCALE });
    expect(r.tables.map((t) => t.kind)).toEqual(['iku']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reads a belanja table with one Kode Rekening column, dotted or spaced', () => {
    const s = sheet('Belanja', [
      ['Kode Rekening', 'Uraian', 'Jumlah Belanja', 'Realisasi', '%'],
      ['1.06.01.01', 'Program Pelayanan Administrasi', 300, 270, 90],
      ['1.06.01.01.01', 'Jasa Surat Menyurat', 100, 90, 90],
      ['1 06 01 01 02', 'Jasa Komunikasi', 200, 180, 90],
      ['1.06.01.02', 'Program Sarana', 50, 50, 100],
      ['1.06.01.02.01', 'Pemeliharaan Gedung', 50, 50, 100],
      ['JUMLAH BELANJA LANGSUNG', null, 350, 320, 91.43],
    ]);
    const r = analyzeWorkbook(book(s));
    const t = r.tables[0];
    expect(t.kind).toBe('belanja');
    expect(t.rows.map((x) => `${x.code ?? ''}:${x.role}`)).toEqual([
      '1.06.01.01:parent',
      '1.06.01.01.01:item',
      '1.06.01.01.02:item',
      '1.06.01.02:parent',
      '1.06.01.02.01:item',
      ':total',
    ]);
    expect(r.findings).toEqual([]);
  });

  it('reads a generic count table with a row-total column and a JUMLAH row', () => {
    const s = sheet(
      'Pegawai',
      [
        ['No.', 'Eselonering', 'Jenjang Pendidikan', null, 'Jumlah Pegawai'],
        [null, null, 'S1', 'S2', null],
        ['1.', 'Eselon III', 4, 1, { f: 'SUM(C3:D3)', v: 5 }],
        ['2.', 'Eselon IV', 9, 0, 9],
        ['Jumlah', null, 13, 1, 15],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'A5:B5'],
    );
    const r = analyzeWorkbook(book(s));
    expect(r.tables.map((t) => [t.range, t.kind])).toEqual([['A1:E5', 'count']]);
    expect(r.findings.map(brief)).toEqual(['error | total-mismatch | Pegawai | E5 | 14 | 15']);
  });

  it('skips a column-number row under the header and ignores prose sheets', () => {
    const s = sheet('Renstra', [
      ['No', 'Uraian', 'Jumlah'],
      [1, 2, 3],
      ['1.', 'Laptop', 17],
      ['2.', 'Printer', 17],
      ['JUMLAH', null, 34],
    ]);
    const prose = sheet('Narasi', [['BAB III'], ['Jumlah Anak Terlantar sebanyak 961.584 orang.']]);
    const r = analyzeWorkbook(book(s, prose));
    expect(r.tables.map((t) => [t.sheet, t.rows.length])).toEqual([['Renstra', 3]]);
    expect(r.findings).toEqual([]);
  });

  it('survives empty, chart and odd sheets', () => {
    const empty = sheet('Kosong', []);
    const chart = { ...sheet('Grafik', []), kind: 'chart' as const };
    const headerOnly = sheet('Hanya judul', [['No', 'Program', 'Anggaran', 'Realisasi']]);
    expect(analyzeWorkbook(book(empty, chart, headerOnly))).toEqual({ tables: [], findings: [] });
  });
});

describe('large sheets', () => {
  it('checks a 200,000-row budget table without overflowing the stack', () => {
    const rows: (string | number | null)[][] = [['No', 'Program', 'Anggaran', 'Realisasi', '%']];
    for (let i = 1; i <= 200_000; i++) rows.push([i, `Program ${i}`, 1000, 500, 50]);
    rows.push([null, 'Jumlah', 200_000 * 1000, 200_000 * 500 + 1, 50]);
    const r = analyzeWorkbook(book(sheet('Besar', rows)));
    expect(r.tables[0].rows).toHaveLength(200_001);
    expect(r.findings.map(brief)).toEqual(['error | total-mismatch | Besar | D200002 | 100000000 | 100000001']);
  });
});
