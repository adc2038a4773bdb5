/**
 * Issue 10: rules that hold beyond the two samples. Each case is a shape seen in the
 * real corpus (test/corpus/cases), reduced to the rows that show it.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import type { AnalyzeOptions } from '../../src/core/model';
import { book, sheet, type TestCell } from './helpers/sheet';

const run = (rows: TestCell[][], merges: string[] = [], options: AnalyzeOptions = {}) => analyzeWorkbook(book(sheet('T', rows, merges)), options);
const brief = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.severity} ${f.code} ${f.cell}`);

describe('column-number rows (class 3)', () => {
  it('reads "(1) (2) … (n)" under the header as header, never as -1', () => {
    const r = run([
      ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
      ['(1)', '(2)', '(3)', '(4)', '(5)=(4)/(3)'],
      [1, 'Program A', 1000, 900, 90],
      [2, 'Program B', 500, 400, 80],
      [null, 'Jumlah', 1500, 1300, 86.67],
    ]);
    expect(r.tables[0].rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(r.findings).toEqual([]);
  });

  it('skips the column numbers a table repeats after a page break', () => {
    const r = run([
      ['No', 'Uraian', 'Laki-laki', 'Perempuan', 'Jumlah'],
      [1, 2, 3, 4, 5],
      [1, 'Kecamatan A', 10, 12, 22],
      [1, 2, 3, 4, 5],
      [2, 'Kecamatan B', 5, 5, 10],
      [null, 'Jumlah', 15, 17, 32],
    ]);
    expect(r.tables[0].rows.map((x) => x.label)).toEqual(['Kecamatan A', 'Kecamatan B', 'Jumlah']);
    expect(r.findings).toEqual([]);
  });
});

describe('labels that start with Jumlah / Rata-rata (class 1)', () => {
  it('an IKU indicator named "Jumlah …" is an indicator, not a total', () => {
    const r = run([
      ['No', 'Indikator', 'Target', 'Realisasi', 'Capaian'],
      [1, 'Persentase PMKS yang tertangani', 80, 80, 100],
      [null, 'Jumlah Rancangan Perda yang tersusun', 5, 5, 100],
    ]);
    expect(r.tables[0].rows.map((x) => x.role)).toEqual(['item', 'item']);
    expect(r.findings).toEqual([]);
  });

  it('a weak total whose columns all fail to add up is not judged, and says so', () => {
    const r = run([
      ['No', 'Uraian', 'Laki-laki', 'Perempuan'],
      [1, 'Anak terlantar', 10, 12],
      [2, 'Lansia terlantar', 5, 5],
      [null, 'Jumlah PMKS yang mendapat bantuan', 7, 9],
    ]);
    expect(brief(r)).toEqual(['info not-checked A1']);
    expect(r.findings[0].message).toMatch(/Jumlah PMKS yang mendapat bantuan.*bisa jadi indikator/);
  });

  it('a strong total that is wrong is still an error', () => {
    const r = run([
      ['No', 'Uraian', 'Laki-laki', 'Perempuan'],
      [1, 'Anak terlantar', 10, 12],
      [2, 'Lansia terlantar', 5, 5],
      [null, 'Jumlah Keseluruhan', 16, 17],
    ]);
    expect(brief(r)).toEqual(['error total-mismatch C4']);
  });

  it('a Rata-rata row after the total is neither summed nor a reason to call the total a subtotal', () => {
    const r = run([
      ['No', 'Indikator', 'Target', 'Realisasi', 'Capaian'],
      [1, 'Indikator A', 80, 80, 100],
      [2, 'Indikator B', 50, 40, 80],
      [null, 'Rata-rata', null, null, 90],
    ]);
    expect(r.tables[0].rows.map((x) => x.role)).toEqual(['item', 'item', 'average']);
    expect(r.findings).toEqual([]);
  });
});

describe('period columns', () => {
  it('a Tahun column is a label, never summed into the row total', () => {
    const r = run([
      ['No.', 'Tahun', 'Makanan', 'Non Makanan', 'Total'],
      [1, 2010, 342761, 219886, 562647],
      [2, 2011, 366416, 275935, 642351],
    ]);
    expect(r.tables[0].columns[1].role).toBe('label');
    expect(r.findings).toEqual([]);
  });
});

describe('IKU kriteria, capping and scales (classes 11, 13, 14)', () => {
  it('reads Tercapai / Tidak Tercapai as attainment, judged against capaian vs 100', () => {
    const r = run([
      ['Indikator', 'Target', 'Realisasi', 'Capaian', 'Kriteria'],
      ['Indikator A', 80, 88, 110, 'Tercapai'],
      ['Indikator B', 80, 40, 50, 'Tidak Tercapai'],
      ['Indikator C', 80, 80, 100, 'Tidak Tercapai'],
    ]);
    expect(r.tables[0].columns[4].role).toBe('kriteria');
    expect(brief(r)).toEqual(['error kriteria-mismatch E4']);
  });

  it('a capaian shown as 100 while the result exceeds the target is capped: info, not an error', () => {
    const r = run([
      ['Indikator', 'Target', 'Realisasi', 'Capaian (%)'],
      ['Persentase layanan', 25, 34.48, 100],
    ]);
    expect(brief(r)).toEqual(['info capaian-capped D2']);
  });

  it('judges predikat on a scale found in the workbook', () => {
    const wb = book(
      sheet('IKU', [
        ['Indikator', 'Target', 'Realisasi', 'Capaian', 'Predikat'],
        ['Indikator A', 100, 95, 95, 'Baik'],
      ]),
      sheet('Skala', [
        ['Interval', 'Kategori'],
        ['91 - 100', 'Sangat Baik'],
        ['76 - 90', 'Baik'],
        ['66 - 75', 'Cukup'],
        ['< 65', 'Kurang'],
      ]),
    );
    const f = analyzeWorkbook(wb).findings.filter((x) => x.code === 'predikat-mismatch');
    expect(f.map((x) => `${x.cell} ${x.expected}`)).toEqual(['E2 Sangat Baik']);
  });

  it('pairs each capaian column of a multi-year table with the target and realisasi that explain it', () => {
    const r = run(
      [
        ['No', 'Indikator', 'Capaian Tahun 2015', 'Kondisi Tahun 2016', null, null],
        [null, null, null, 'Target', 'Realisasi', 'Capaian (%)'],
        [1, 'Angka Partisipasi Kasar PAUD', 92.19, 92.19, 92.37, 100.2],
        [2, 'Angka Partisipasi Murni SD', 81.6, 81.6, 91.26, 111.84],
        [3, 'Angka Putus Sekolah SD', 0.02, 0.02, 0.03, 150],
      ],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1'],
    );
    // The lower-is-better dropout rate is the one wrong row; 'Capaian Tahun 2015' is not judged.
    expect(brief(r)).toEqual(['info not-checked A1', 'error capaian-mismatch F5']);
  });
});

describe('values and cells (classes 6, 9, 10)', () => {
  it('malformed number text in a figure column is its own warning', () => {
    const r = run([
      ['Uraian', 'Anggaran', 'Realisasi', '%'],
      ['Belanja Pegawai', '1.5277.858.386,00', 1000, 50],
      ['Belanja Barang', 2000, 1000, 50],
    ]);
    expect(brief(r)).toContain('warning number-malformed B2');
  });

  it('reports error values outside any table, with their formula', () => {
    const r = run([['DPA'], ['Total', { err: '#REF!', f: 'SUM(#REF!)' }]]);
    expect(brief(r)).toEqual(['error error-value B2']);
    expect(r.findings[0].message).toMatch(/#REF! dari rumus =SUM\(#REF!\)/);
  });

  it('amounts shown in miliar are rounded: a % within their rounding is no mismatch', () => {
    const m = (v: number) => ({ n: v, fmt: '#,##0.00" M"' });
    const r = run([
      ['Akun', 'Anggaran/Pagu', 'Realisasi', '%'],
      ['Retribusi Daerah', m(13.93), m(3.44), 24.71],
      ['Belanja Modal', m(159.91), m(3.59), 9.9],
    ]);
    expect(brief(r)).toEqual(['error percent-mismatch D3']);
  });
});

describe('ratios that are not realisasi / anggaran', () => {
  it('"% SISA" in a realisation export is neither judged as realisasi / anggaran nor summed', () => {
    const r = run([
      ['Uraian', 'Anggaran', 'Realisasi', '%', 'Sisa', '% SISA'],
      ['Belanja Pegawai', 2200000, 2200000, 100, 0, 0],
      ['Belanja Barang', 1000000, 400000, 40, 600000, 60],
      ['Jumlah', 3200000, 2600000, 81.25, 600000, 18.75],
    ]);
    expect(r.tables[0].columns[5].role).toBe('ratio');
    expect(r.findings).toEqual([]);
  });
});

describe('SIPD-style exports (class 20), shapes from real exports tried locally', () => {
  it('a % column is paired with the Anggaran / Realisasi its own formulas divide (Operasi | Modal | Total)', () => {
    const r = run(
      [
        ['Uraian', 'Operasi', null, 'Modal', null, 'Total', null, null],
        [null, 'Anggaran', 'Realisasi', 'Anggaran', 'Realisasi', 'Anggaran', 'Realisasi', '%'],
        ['Program A', 1000, 500, 1000, 900, { f: 'B3+D3', v: 2000 }, { f: 'C3+E3', v: 1400 }, { f: 'G3/F3*100', v: 70 }],
        ['Program B', 400, 100, 600, 600, { f: 'B4+D4', v: 1000 }, { f: 'C4+E4', v: 700 }, { f: 'G4/F4*100', v: 70 }],
        ['Program C', 500, 500, 500, 0, { f: 'B5+D5', v: 1000 }, { f: 'C5+E5', v: 500 }, { f: 'G5/F5*100', v: 50 }],
      ],
      ['A1:A2', 'B1:C1', 'D1:E1', 'F1:H1'],
    );
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('without formulas the pair that explains most rows wins', () => {
    const r = run([
      ['Uraian', 'Anggaran', 'Realisasi', 'Anggaran', 'Realisasi', '%'],
      ['Program A', 1000, 500, 2000, 1400, 70],
      ['Program B', 400, 100, 1000, 700, 70],
      ['Program C', 500, 500, 1000, 500, 51],
    ]);
    expect(brief(r)).toEqual(['error percent-mismatch F4']);
  });

  it('a column whose cells divide two others is a ratio, never summed up the tree', () => {
    const r = run([
      ['Kode', 'Uraian', 'Anggaran', 'Realisasi', 'SD JUNI'],
      ['5.1', 'Belanja Operasi', 300, 150, { f: 'D2/C2', v: 0.5 }],
      ['5.1.01', 'Belanja Pegawai', 100, 50, { f: 'D3/C3', v: 0.5 }],
      ['5.1.02', 'Belanja Barang', 200, 100, { f: 'D4/C4', v: 0.5 }],
    ]);
    expect(r.tables[0].columns[4].role).toBe('ratio');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a total adds only the top level of a Kode Rekening tree, not every level', () => {
    const r = run([
      ['Kode', 'Uraian', 'Anggaran'],
      ['5', 'Belanja Daerah', 300],
      ['5.1', 'Belanja Operasi', 300],
      ['5.1.01', 'Belanja Pegawai', 100],
      ['5.1.02', 'Belanja Barang', 200],
      [null, 'Jumlah', 300],
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('an amount shown with a 0% format is the amount, not a hundredfold percentage', () => {
    const r = run([
      ['Kode', 'Uraian', 'Anggaran'],
      ['5.1', 'Belanja Operasi', 300],
      ['5.1.01', 'Belanja Pegawai', { n: 100, fmt: '0%' }],
      ['5.1.02', 'Belanja Barang', 200],
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('DPA / RKA rincian and SIPD layouts (class 20)', () => {
  it('Jumlah = Volume × Harga Satuan is no row total; rincian lines belong to the rekening above', () => {
    const r = run([
      ['Kode Rekening', 'Uraian', null, 'Volume', 'Satuan', 'Harga Satuan', 'Jumlah'],
      [1, 2, null, 3, 4, 5, '6 = (3 x 5)'],
      ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', null, null, null, null, 251300],
      [null, '-', 'Alat Tulis Kantor', 20, 'Buah', 4200, 84000],
      [null, '-', 'Alat Tulis Kantor', 7, 'Lusin', 23900, 167300],
    ], ['B1:C1']);
    // With no count beside it, Jumlah is a plain summed column.
    expect(r.tables[0].columns.map((k) => k.role)).toEqual(['code', 'label', 'label', 'volume', 'satuan', 'volume', 'count']);
    expect(r.tables[0].rows.map((x) => x.parentRow)).toEqual([undefined, 2, 2]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a rincian line that does not add up to its rekening is still an error', () => {
    const r = run([
      ['Kode Rekening', 'Uraian', null, 'Volume', 'Satuan', 'Harga Satuan', 'Jumlah'],
      ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', null, null, null, null, 300000],
      [null, '-', 'Alat Tulis Kantor', 20, 'Buah', 4200, 84000],
      [null, '-', 'Alat Tulis Kantor', 7, 'Lusin', 23900, 167300],
    ], ['B1:C1']);
    expect(brief(r)).toEqual(['error parent-sum-mismatch G2']);
  });

  it('three header rows, unheaded code columns and column numbers past 99', () => {
    const numbers = Array.from({ length: 104 }, (_, i) => i + 1);
    const head1 = ['Kode', null, 'Uraian', 'Kelompok Belanja', null, 'TOTAL', ...Array(98).fill(null)];
    const head2 = [null, null, null, 'Operasi', null, null, ...Array(98).fill(null)];
    const head3 = [null, null, null, 'Anggaran', 'Realisasi', 'Anggaran', ...Array(98).fill(null)];
    const r = run(
      [
        head1,
        head2,
        head3,
        numbers,
        ['1.02', null, 'Urusan Kesehatan', 300, 150, 300],
        ['1.02', '1.02.2.14.0.00.01.0000', 'Dinas Kesehatan', 300, 150, 300],
      ],
      ['D1:E1'],
    );
    const t = r.tables[0];
    expect(t.headerRows).toEqual([0, 1, 2]);
    expect(t.columns.slice(0, 2).map((k) => k.role)).toEqual(['code', 'code']);
    expect(t.rows.map((x) => x.row)).toEqual([4, 5]);
    expect(r.findings.filter((f) => f.code === 'duplicate-code')).toEqual([]);
  });

  it('a code repeated per year and quarter in a long export is no duplicate', () => {
    const r = run([
      ['Tahun', 'Triwulan', 'Kode Belanja', 'Uraian Belanja', 'Anggaran', 'Realisasi'],
      [2023, 'I', '5111', 'Belanja Gaji', 600, 90],
      [2023, 'II', '5111', 'Belanja Gaji', 600, 180],
      [2023, 'II', '5111', 'Belanja Gaji', 600, 180],
    ]);
    expect(brief(r)).toEqual(['error duplicate-code C4']);
  });

  it('a mistyped code that breaks the tree leaves the sums unjudged, and says so', () => {
    const r = run([
      ['Kode Rekening', 'Uraian', 'Jumlah Anggaran'],
      ['5', 'BELANJA DAERAH', 300],
      ['5.1', 'BELANJA OPERASI', 300],
      [' 5.2.2.', 'Belanja Barang dan Jasa', 300],
      ['5.2.2.01', 'Belanja Bahan Pakai Habis', 100],
      ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', 200],
    ]);
    expect(brief(r)).toEqual(['info not-checked A1']);
    expect(r.findings[0].message).toMatch(/tidak membentuk pohon yang jelas/);
  });

  it('blank rows between rekening do not end a Kode Rekening table', () => {
    const r = run([
      ['Kode Rekening', 'Uraian', 'Jumlah Anggaran'],
      ['5.1.02', 'Belanja Barang dan Jasa', 300],
      [null],
      ['5.1.02.01', 'Belanja Barang', 100],
      [null],
      [null],
      ['5.1.02.02', 'Belanja Jasa', 200],
    ]);
    expect(r.tables[0].rows.map((x) => x.label)).toEqual(['Belanja Barang dan Jasa', 'Belanja Barang', 'Belanja Jasa']);
    expect(r.findings).toEqual([]);
  });
});

describe('noise (class 21) and identifiers', () => {
  it('more than 10 numbers stored as text in one column are one finding listing every cell, each with its fix', () => {
    const rows: TestCell[][] = [['No', 'Uraian', 'Anggaran', 'Realisasi']];
    for (let i = 1; i <= 25; i++) rows.push([i, `Belanja ${i}`, `${i}.000`, 500]);
    const r = run(rows);
    const text = r.findings.filter((f) => f.code === 'text-number');
    expect(text).toHaveLength(1);
    expect(text[0].cell).toBe('C2');
    expect(text[0].group?.count).toBe(25);
    expect(text[0].group?.members.every((m) => m.fix?.kind === 'convert-text-number')).toBe(true);
    expect(text[0].message).toMatch(/^25 sel di kolom C mengalami hal yang sama/);
  });

  it('NIK and card numbers are identifiers: never figures, never "store as number"', () => {
    const r = run([
      ['NO.', 'NO. KARTU', 'NIK', 'NAMA', 'Jumlah Tanggungan'],
      [1, '0001234567890', '7312014501900001', 'A', 2],
      [2, '0001234567891', '7312014501900002', 'B', 3],
    ]);
    expect(r.findings.filter((f) => f.code === 'text-number')).toEqual([]);
  });
});

describe('shares of the column total (class 5)', () => {
  it('judges each share against the total when the column adds up to 100', () => {
    const r = run([
      ['Tingkat Pendidikan', 'Jumlah', 'Persentase'],
      ['S-2', 1, 3],
      ['S-1', 10, 19],
      ['D-3', 2, 4],
      ['SMA', 39, 74],
      ['Jumlah', 52, 100],
    ]);
    // 1 / 52 = 1,92 → 2 (not 3); 39 / 52 = 75 (not 74); 10 and 2 agree.
    expect(brief(r)).toEqual(['error percent-mismatch C2', 'error percent-mismatch C5']);
  });

  it('a share column whose rows round to a total of 99,99 is clean', () => {
    const r = run([
      ['Status', 'Jumlah', '% terhadap total'],
      ['A', 1, { n: 33.33, fmt: '0.00' }],
      ['B', 1, { n: 33.33, fmt: '0.00' }],
      ['C', 1, { n: 33.33, fmt: '0.00' }],
      ['Jumlah', 3, { n: 100, fmt: '0.00' }],
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('derived figures and words in prose (classes 17, 18)', () => {
  const table = sheet('LRA', [
    ['Uraian', 'Anggaran', 'Realisasi'],
    ['a. Pendapatan', 9926007595860, 9365471515325.67],
    ['b. Belanja', 11236851309904.49, 9986089214540.49],
  ]);
  const prose = (text: string) => analyzeWorkbook(book(table, sheet('Narasi', [[text]]))).findings.filter((f) => f.sheet === 'Narasi' && f.severity === 'error');

  it('a selisih is checked against anggaran − realisasi of the row the sentence names', () => {
    expect(prose('Selisih anggaran dengan realisasi pendapatan sejumlah Rp560.536.080.534,33.')).toEqual([]);
    const f = prose('Selisih anggaran dengan realisasi pendapatan sejumlah Rp460.536.080.534,33.');
    expect(f.map((x) => `${x.code} ${x.expected}`)).toEqual(['narrative-mismatch 560536080534.33']);
  });

  it('a row named "A / B" is named by either side in prose', () => {
    const lra = sheet('LRA', [
      ['Uraian', 'Anggaran', 'Realisasi'],
      ['c. Defisit (anggaran) / surplus (realisasi)', 1410843714044.49, 620617699214.82],
      ['d. Penerimaan pembiayaan', 1410843714044.49, 1009209884368.49],
    ]);
    const says = (text: string) =>
      analyzeWorkbook(book(lra, sheet('Narasi', [[text]]))).findings.filter((f) => f.sheet === 'Narasi' && f.severity === 'error').map((f) => `${f.code} ${f.expected}`);
    expect(says('Selisih anggaran dengan realisasi defisit sejumlah Rp790.226.014.829,67.')).toEqual([]);
    expect(says('Selisih anggaran dengan realisasi defisit sejumlah Rp709.226.014.829,67.')).toEqual(['narrative-mismatch 790226014829.67']);
  });

  it('an indicator figure in its own unit binds to the column of the year the sentence names', () => {
    // Wonogiri RKPD 2022, Tabel 2.23: a group row (Kondisi 2019 | 2020 | Akhir RPJMD) above Target / Realisasi / Capaian.
    const rls = sheet(
      'Tabel',
      [
        ['Indikator Kinerja Daerah', 'Satuan', 'Kondisi 2019', '2020', null, null, 'Akhir RPJMD 2016-2021', null],
        [null, null, null, 'Target', 'Realisasi', 'Capaian (%)', 'Target', 'Capaian (%)'],
        ['Rata-rata Lama Sekolah (RLS)', 'tahun', '7,04', '7,44', '7,33', '98,52', '7,63', '96,07'],
      ],
      ['D1:F1', 'G1:H1', 'A1:A2', 'B1:B2', 'C1:C2'],
    );
    const r = (text: string) => analyzeWorkbook(book(rls, sheet('Narasi', [[text]])));
    expect(r('x').tables[0].columns.map((c) => c.header)).toContain('2020 Target');
    const errors = (text: string) => r(text).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.expected} ${f.related?.cell}`);
    expect(errors('RLS tahun 2020 ditargetkan 7,44 tahun sedangkan pada akhir RPJMD 2021 ditargetkan 7,63 tahun.')).toEqual([]);
    expect(errors('RLS tahun 2020 ditargetkan 7,33 tahun sedangkan pada akhir RPJMD 2021 ditargetkan 7,63 tahun.')).toEqual(['narrative-mismatch 7.44 D3']);
    // Another unit than the row's Satuan is not this row's figure.
    expect(errors('RLS tahun 2020 ditargetkan 7,33 persen.')).toEqual([]);
  });

  it('a capaian without a year is the latest year; one for "tahun lalu" or of several years unsettled is not judged', () => {
    const iku = sheet(
      'Persampahan',
      [
        ['No.', 'Indikator Kinerja', 'Realisasi', null, null, 'Capaian Kinerja', null, null],
        [null, null, '2013', '2014', '2015', '2013', '2014', '2015'],
        [1, 'Persentase Cakupan Wilayah Persampahan', '5', '11', '15', '100', '100', '70,30'],
      ],
      ['C1:E1', 'F1:H1', 'A1:A2', 'B1:B2'],
    );
    const errors = (text: string) =>
      analyzeWorkbook(book(iku, sheet('Narasi', [[text]]))).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.expected} ${f.related?.cell}`);
    expect(errors('Cakupan wilayah persampahan dengan tingkat capaian sebesar 70,30.')).toEqual([]);
    expect(errors('Cakupan wilayah persampahan dengan tingkat capaian sebesar 73,30.')).toEqual(['narrative-mismatch 70.3 H3']);
    expect(errors('Cakupan wilayah persampahan pada tahun 2014 dengan tingkat capaian sebesar 90.')).toEqual(['narrative-mismatch 100 G3']);
    expect(errors('Cakupan wilayah persampahan tahun lalu dengan tingkat capaian sebesar 90.')).toEqual([]);
  });

  it('a rate per 1.000 binds to the indicator of that rate, also when the table holds it as a percentage', () => {
    // Manggarai Timur LKjIP 2019, Tabel 3.8.
    const rates = sheet(
      'Tabel',
      [
        ['NO.', 'Indikator Sasaran', 'Tahun 2019', null, 'Capaian Kinerja Tahun 2019'],
        [null, null, 'Target', 'Realisasi', null],
        ['1.', 'Angka Kematian Ibu per 100.000KH', '0,16', '0,19', '87,10'],
        ['2.', 'Angka Kematian Bayi per 1.000KH', '9,20', '9,53', '96,54'],
      ],
      ['C1:D1', 'A1:A2', 'B1:B2', 'E1:E2'],
    );
    const errors = (text: string) =>
      analyzeWorkbook(book(rates, sheet('Narasi', [[text]]))).findings.filter((f) => f.sheet === 'Narasi' && f.severity === 'error').map((f) => `${f.code} ${f.expected}`);
    expect(errors('Angka Kematian Bayi; realisasi kematian bayi sebesar 9,53/1.000 KH dari target 9,20/1.000 KH.')).toEqual([]);
    expect(errors('Angka Kematian Bayi; realisasi kematian bayi sebesar 9,53/1.000 KH dari target 9,5/1.000 KH.')).toEqual(['narrative-mismatch 9.2']);
    expect(errors('Angka Kematian Ibu dari target 162/100.000 KH.')).toEqual([]);
    // A rate of another base is not this row's figure.
    expect(errors('Angka Kematian Bayi dari target 9,5/100.000 KH.')).toEqual([]);
  });

  it('number words that spell no number are a terbilang finding', () => {
    const f = prose('Selisih pendapatan sejumlah Rp560.536.080.534,33 (lima ratus enam puluh miliar lima ratus tiga puluh enam delapan puluh ribu lima ratus tiga puluh empat koma tiga tiga rupiah).');
    expect(f.map((x) => x.code)).toEqual(['terbilang-mismatch']);
    expect(f[0].message).toMatch(/tidak membentuk bilangan yang sah/);
  });
});

describe('tables the vocabulary does not know (classes 2, 7)', () => {
  it('reads "Wilayah | 2014 | 2015 …" over rows of figures as a count table', () => {
    const r = run([
      ['No', 'Wilayah', '2014', '2015', '2016'],
      [1, 'Kecamatan A', 503, 468, 937],
      [2, 'Kecamatan B', 20, 17, 74],
      [null, 'Jumlah', 523, 485, 1010],
    ]);
    expect(r.tables.map((t) => t.kind)).toEqual(['count']);
    expect(brief(r)).toEqual(['error total-mismatch E4']);
  });

  it('a year row under group headers is a header row, and shares adding to 99,99 are rounding', () => {
    const r = run(
      [
        ['Keberadaan Orangtua', 'Perkotaan (K)', null, 'Perdesaan (D)', null],
        [null, '2009', '2012', '2009', '2012'],
        ['Yatim', { n: 33.33, fmt: '0.00' }, { n: 50, fmt: '0.00' }, { n: 20, fmt: '0.00' }, { n: 10, fmt: '0.00' }],
        ['Piatu', { n: 33.33, fmt: '0.00' }, { n: 25, fmt: '0.00' }, { n: 30, fmt: '0.00' }, { n: 40, fmt: '0.00' }],
        ['Lainnya', { n: 33.33, fmt: '0.00' }, { n: 25, fmt: '0.00' }, { n: 50, fmt: '0.00' }, { n: 50, fmt: '0.00' }],
        ['Jumlah', { n: 100, fmt: '0.00' }, { n: 100, fmt: '0.00' }, { n: 100, fmt: '0.00' }, { n: 100, fmt: '0.00' }],
      ],
      ['B1:C1', 'D1:E1'],
    );
    expect(r.tables[0].headerRows).toEqual([0, 1]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a region code repeated on every beneficiary is no duplicate account code', () => {
    const rows: TestCell[][] = [['NO', 'NAMA', 'KODE_WILAYAH', 'NOMINAL']];
    for (let i = 1; i <= 12; i++) rows.push([i, `Penerima ${i}`, i % 2 ? '7312012006' : '7312011002', 600000]);
    const r = run(rows);
    expect(r.findings.filter((f) => f.code === 'duplicate-code')).toEqual([]);
  });
});

describe('IKU tables with a capaian per year or against the end-of-plan target (class 2)', () => {
  it('checks every capaian column against its own pair, the one its header names', () => {
    const r = run(
      [
        ['No', 'Indikator', 'Kondisi Awal (2019)', '2020', null, null, 'Target Akhir RPJMD (2021)', '% Capaian s/d 2020 terhadap Akhir RPJMD (2021)'],
        [null, null, null, 'Target', 'Realisasi', '% Capaian', null, null],
        ['1.', 'Angka laju pertumbuhan ekonomi', 5.14, 2, -1.41, -70.5, 5.78, -19.72],
      ],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:G2', 'H1:H2'],
    );
    expect(brief(r)).toEqual(['error capaian-mismatch H3']);
    expect(r.findings[0].expected).toBe('-24.39');
  });
});

describe('messages', () => {
  it('a #DIV/0! whose divisor is unknown names its formula, never an empty divisor', () => {
    const r = run([
      ['Kode', 'Uraian', 'Anggaran', 'Realisasi', 'Nilai'],
      ['5.1', 'Belanja Operasi', 300, 150, { err: '#DIV/0!', f: 'D2/X2' }],
      ['5.2', 'Belanja Modal', 100, 50, 3],
    ]);
    const f = r.findings.find((x) => x.code === 'division-by-zero');
    expect(f?.message).toMatch(/dari rumus =D2\/X2: pembaginya bernilai 0 atau kosong/);
    expect(f?.message).not.toMatch(/pembagi {2}/);
    expect(f?.messageId).toBe('division-by-zero-formula');
  });
});

describe('the same figure in two tables (class 12)', () => {
  it('a table titled by a row of another must total that row, column by column', () => {
    const summary = sheet('Tabel 7.37', [
      ['Tabel 7.37 Belanja Operasi'],
      ['Uraian', 'Anggaran (Rp)', 'Realisasi (Rp)'],
      ['Belanja Pegawai', 374, 336],
      ['Belanja Barang', 333, 337],
      ['Jumlah', 707, 673],
    ]);
    const detail = sheet('Tabel 7.38', [
      ['Tabel 7.38 Belanja Pegawai'],
      ['Uraian', 'Anggaran (Rp)', 'Realisasi (Rp)'],
      ['Gaji dan Tunjangan', 252, 241],
      ['Tambahan Penghasilan', 104, 95],
      ['Jumlah', 356, 336],
    ]);
    const f = analyzeWorkbook(book(summary, detail)).findings.filter((x) => x.code === 'cross-table-mismatch');
    expect(f.map((x) => `${x.sheet}!${x.cell} ${x.expected}`)).toEqual(['Tabel 7.37!B3 356']);
  });
});

describe('indicator tables without a target column', () => {
  it('Realisasi and Capaian per year make an IKU table; with no target nothing is judged', () => {
    const r = run(
      [
        ['No.', 'Indikator Kinerja', 'Realisasi', null, 'Capaian Kinerja', null],
        [null, null, '2014', '2015', '2014', '2015'],
        [1, 'Persentase Cakupan Wilayah Persampahan', 11, 15, 100, 70.3],
      ],
      ['C1:D1', 'E1:F1', 'A1:A2', 'B1:B2'],
    );
    expect(r.tables.map((t) => t.kind)).toEqual(['iku']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('formulas never calculated', () => {
  it('are one finding per sheet when a row of them runs across many columns', () => {
    const head: TestCell[] = ['Uraian', ...Array.from({ length: 14 }, (_, i) => `Jumlah ${i + 1}`)];
    const data: TestCell[] = ['Belanja', ...Array.from({ length: 14 }, () => 5)];
    const total: TestCell[] = ['Jumlah', ...Array.from({ length: 14 }, (_, i) => ({ f: `SUM(${String.fromCharCode(66 + i)}2:${String.fromCharCode(66 + i)}3)` }))];
    const r = run([head, data, data, total]);
    const f = r.findings.filter((x) => x.code === 'formula-uncalculated');
    expect(f).toHaveLength(1);
    expect(f[0].group?.count).toBe(14);
    expect(f[0].message).toMatch(/^14 sel di lembar ini mengalami hal yang sama/);
  });
});

describe('system exports seen in real SIPD workbooks (class 20)', () => {
  it('a parent and its rows that copy cells of a DPA sheet are told to check the source, with no fix', () => {
    const rows = (formulas: boolean): TestCell[][] => {
      const cell = (ref: string, v: number | string) => (formulas ? { f: ref, v } : v);
      return [
        ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
        [cell('DPA!B38', '5.1.02.01.01.0024'), cell('DPA!C38', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor'), cell('DPA!S38', 594100), cell('C2', 594100)],
        [null, cell('DPA!E39', '- Alat Tulis Kantor A'), cell('DPA!S39', 84000), cell('C3', 84000)],
        [null, cell('DPA!E40', '- Alat Tulis Kantor B'), cell('DPA!S40', 167300), cell('C4', 167300)],
        [null, cell('DPA!E41', '- Alat Tulis Kantor C'), cell('DPA!S41', 59600), cell('C5', 59600)],
      ];
    };
    const mirrored = run(rows(true)).findings.filter((f) => f.code === 'parent-sum-mismatch');
    expect(mirrored.map((f) => `${f.severity} ${f.cell} ${f.fix === undefined}`)).toEqual(['warning C2 true', 'warning D2 true']);
    expect(mirrored[0].message).toMatch(/sheet 'DPA' \(=DPA!S38\)/);
    const typed = run(rows(false)).findings.filter((f) => f.code === 'parent-sum-mismatch');
    expect(typed.map((f) => `${f.severity} ${f.cell} ${f.fix !== undefined}`)).toEqual(['error C2 true', 'error D2 true']);
  });

  it('an urusan whose sub-units are listed after another urusan is not summed from the rows next to it', () => {
    const table = (urusan: number) => [
      ['Kode', 'Uraian', 'Anggaran'],
      ['1.02', 'Urusan Pemerintahan Bidang Kesehatan', urusan],
      ['1.02.2.14.0.00.01.0000', 'Dinas Kesehatan', 100],
      ['2.14', 'Urusan Pemerintahan Bidang Pengendalian Penduduk dan KB', 50],
      ['2.14.2.14.0.00.01.0000', 'Dinas Kesehatan', 50],
      ['1.02.2.14.0.00.01.0001', 'RSUD', 200],
    ];
    expect(brief(run(table(300))).filter((f) => f.startsWith('error'))).toEqual([]);
    const wrong = run(table(310)).findings;
    expect(wrong.filter((f) => f.severity === 'error')).toEqual([]);
    expect(wrong.find((f) => f.code === 'not-checked')?.message).toMatch(/1\.02|Kesehatan/);
  });

  it('a flat export (Kode | Nama per level on every row) has no parent rows, and rows are named by their last level', () => {
    const path = ['1.02', 'Urusan Kesehatan', '1.02.01', 'Program Pemenuhan Upaya Kesehatan', '1.02.01.2.01', 'Penyediaan Layanan'];
    const r = run([
      ['Kode Urusan', 'Nama Urusan', 'Kode Program', 'Nama Program', 'Kode Kegiatan', 'Nama Kegiatan', 'Kode Akun', 'Nama Akun', 'Nilai Rincian'],
      [...path, '5.1.02.01.01.0024', 'Belanja Alat/Bahan', 1677500],
      [...path, null, 'Belanja Sewa Bangunan Gedung', 6250000],
      [...path, '5.1.02.01.01.0029', 'Belanja Perjalanan Dinas Biasa', 19546000],
      [...path, '5.1.02.01.01.0052', 'Belanja Perjalanan Dinas Dalam Kota', 8960000],
    ]);
    expect(r.tables[0].rows.map((x) => `${x.role} ${x.label}`)).toEqual([
      'item Belanja Alat/Bahan',
      'item Belanja Sewa Bangunan Gedung',
      'item Belanja Perjalanan Dinas Biasa',
      'item Belanja Perjalanan Dinas Dalam Kota',
    ]);
    expect(brief(r).filter((f) => f.startsWith('error'))).toEqual([]);
  });
});

describe('messages', () => {
  it('a row without a label is named by its number, never ""', () => {
    const r = run([
      ['Uraian', 'Anggaran', 'Realisasi', '%'],
      ['Belanja Pegawai', 100, 90, { f: 'C2/B2*100', v: 90 }],
      [null, 0, 5, { err: '#DIV/0!', f: 'C3/B3*100' }],
    ]);
    const f = r.findings.find((x) => x.code === 'division-by-zero');
    expect(f?.message).toMatch(/pada "baris 3"/);
    expect(f?.message).not.toMatch(/""/);
  });
});

describe('confidence of roles', () => {
  it('a column the vocabulary does not name is low confidence, and one that is a quotient of two others is no sum', () => {
    const rows = [
      ['Kecamatan', 'Penduduk', 'Luas Wilayah', 'Kepadatan'],
      ['Kecamatan A', 41230, 52.3, 788],
      ['Kecamatan B', 35110, 61.75, 569],
      ['Kecamatan C', 28940, 33.1, 874],
      ['Kecamatan D', 50320, 80.4, 626],
      ['Kecamatan E', 19875, 25.9, 767],
      ['Jumlah', 175475, 253.45, 692],
    ];
    const r = run(rows);
    const t = r.tables[0];
    expect(t.confidence).toBe('low');
    expect(t.columns.map((c) => `${c.role}:${c.confidence}`)).toEqual(['text:low', 'count:low', 'count:low', 'ratio:low']);
    expect(brief(r).filter((f) => f.startsWith('error'))).toEqual([]);
    // The sums beside it are still judged.
    const wrong = rows.map((x) => [...x]);
    wrong[6][1] = 175575;
    expect(brief(run(wrong)).filter((f) => f.startsWith('error'))).toEqual(['error total-mismatch B7']);
  });

  it('roles named by header words are high confidence', () => {
    const r = run([
      ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
      [1, 'Program A', 100, 90, 90],
      [null, 'Jumlah', 100, 90, 90],
    ]);
    expect(r.tables[0].confidence).toBe('high');
    expect(r.tables[0].columns.every((c) => c.confidence === 'high')).toBe(true);
  });
});

describe('realisation (RFK) and evaluation forms seen in real workbooks', () => {
  const rfk = (extra: TestCell = null): TestCell[][] => [
    ['NO', 'URAIAN KEGIATAN', 'NILAI ANGGARAN', null, 'FISIK', null, null, null],
    [null, null, 'Rp', '%', 'REN', 'REAL', 'CAP', extra],
    [null, null, 'Rp', '%', '%', '%', '%', extra],
    [1, 'Kegiatan A', 100, { f: 'C4/$C$7*100', v: 50 }, 100, 80, { f: 'F4/E4*100', v: 80 }],
    [2, 'Kegiatan B', 60, { f: 'C5/$C$7*100', v: 30 }, 100, 90, { f: 'F5/E5*100', v: 90 }],
    [3, 'Kegiatan C', 40, { f: 'C6/$C$7*100', v: 20 }, 100, 100, { f: 'F6/E6*100', v: 100 }],
    [null, 'TOTAL', 200, 100, 100, 86.5, 86.5],
  ];
  const merges = ['C1:D1', 'E1:G1', 'A1:A3', 'B1:B3'];

  it('a unit row marks percentage columns: never summed, and a stray figure beside the header changes nothing', () => {
    for (const extra of [null, 277015]) {
      const r = run(rfk(extra), merges);
      const t = r.tables[0];
      expect(t.columns.filter((c) => c.letter === 'E' || c.letter === 'F').map((c) => `${c.header}:${c.role}`)).toEqual(['FISIK REN %:ratio', 'FISIK REAL %:ratio']);
      expect(brief(r).filter((f) => f.startsWith('error'))).toEqual([]);
    }
  });

  it('a % column whose formulas divide by one total cell is a share, not realisasi / anggaran', () => {
    const r = run([
      ['Uraian', 'Anggaran', '%', 'Rencana', 'Realisasi', 'Sisa Anggaran'],
      ['PAGU', 1740963636478, { f: 'B2/$B$3*100', v: 100 }, 1740963636478, 2018397825834, { f: 'D2-E2', v: -277434189356 }],
      ['TOTAL', { f: 'SUM(B2:B2)', v: 1740963636478 }, { f: 'SUM(C2:C2)', v: 100 }, 1740963636478, 2018397825834, -277434189356],
    ]);
    expect(brief(r).filter((f) => f.includes('percent-mismatch'))).toEqual([]);
    expect(r.findings.find((f) => f.code === 'not-checked')?.message).toMatch(/porsi terhadap total/);
  });

  it('#DIV/0! carried from another cell says so instead of blaming a divisor here', () => {
    const r = run([
      ['Uraian', 'Anggaran', 'Realisasi', 'Fisik'],
      ['Dinas A', 100, 90, { err: '#DIV/0!', f: "'1 Disdik'!F106" }],
      ['Dinas B', 100, 80, { err: '#DIV/0!', f: 'C3/B9' }],
    ]);
    const msgs = r.findings.filter((f) => f.code === 'division-by-zero').map((f) => f.messageId);
    expect(msgs).toEqual(['division-by-zero-upstream', 'division-by-zero-formula']);
  });

  it('a code with a leading zero is text, never a number stored as text', () => {
    const r = run([
      ['Kodepemda', 'Namapemda', 'Nilai anggaran'],
      ['01.00', 'Provinsi Aceh', 100],
      ['01.01', 'Kabupaten Simeulue', 200],
      ['1.000', 'Lain', 300],
    ]);
    const tn = r.findings.filter((f) => f.code === 'text-number').map((f) => f.cell);
    expect(tn).not.toContain('A2');
    expect(tn).not.toContain('A3');
  });

  it('a flat export repeating one line under its full path is no duplicate; one code under two names is, as a warning', () => {
    const path = ['1.02', 'Urusan Kesehatan', '1.02.01', 'Program A', '1.02.01.2.01', 'Kegiatan A'];
    const r = run([
      ['Kode Urusan', 'Nama Urusan', 'Kode Program', 'Nama Program', 'Kode Kegiatan', 'Nama Kegiatan', 'Kode Standar Harga', 'Nama Standar Harga', 'Pagu'],
      [...path, '8.1.02.01.01.0052.00004', 'Makanan dan Minuman Rapat', 27450000],
      [...path, '8.1.02.01.01.0052.00004', 'Makanan dan Minuman Rapat', 12600000],
      [...path, '1.1.12.01.03.0007.00272', 'Perabot Kantor', 3840000],
      [...path, '1.1.12.01.03.0007.00272', 'Sapu Lantai', 2160000],
    ]);
    expect(r.findings.filter((f) => f.code === 'duplicate-code').map((f) => `${f.severity} ${f.cell}`)).toEqual(['warning G5']);
  });
});

describe('office-made tables with group Jumlah columns and calculation blocks', () => {
  it('a Jumlah column adds the range its own formulas name, or the group right before it', () => {
    const byFormula = run([
      ['No', 'Program Studi', 'Lulusan', 'Kerja ≤ 6 Bulan', 'Kerja > 6 Bulan', 'Swasta', 'Pemerintah', 'Jumlah'],
      [1, 'Hukum', 94, 20, 44, 13, 4, { f: 'SUM(D2:E2)', v: 64 }],
      [2, 'Manajemen', 108, 8, 1, 3, 6, { f: 'SUM(D3:E3)', v: 9 }],
      [3, 'Akuntansi', 69, 6, 0, 4, 2, 7],
    ]);
    // H4 is typed 7 where D4 + E4 = 6; the formulas' own sums are never questioned.
    expect(brief(byFormula).filter((f) => f.startsWith('error'))).toEqual(['error total-mismatch H4']);
    const byGroup = run([
      ['Kabupaten', 'Penduduk Miskin', 'Laki-laki', 'Perempuan', 'Total'],
      ['Kab A', 500, 120, 130, 250],
      ['Kab B', 300, 90, 80, 170],
      ['Kab C', 200, 60, 70, 131],
    ]);
    expect(brief(byGroup).filter((f) => f.startsWith('error'))).toEqual(['error total-mismatch E4']);
  });

  it('numbered rows end at their Jumlah: a calculation block below is not part of the table', () => {
    const r = run([
      ['No', 'Program Studi', 'Jumlah Mahasiswa', 'Juara I', 'Juara II', 'Jumlah'],
      [1, 'Hukum', 641, 0, 8, { f: 'SUM(D2:E2)', v: 8 }],
      [2, 'Manajemen', 617, 1, 0, { f: 'SUM(D3:E3)', v: 1 }],
      [3, 'Ekonomi', 269, 1, 2, { f: 'SUM(D4:E4)', v: 3 }],
      [4, 'Akuntansi', 300, 0, 0, { f: 'SUM(D5:E5)', v: 0 }],
      ['Jumlah', null, 1827, 2, 10, { f: 'SUM(F2:F5)', v: 12 }],
      [null, 'PERHIT', { f: 'F9', v: 0.08 }, 1, 0.9, 'sigma c*k'],
      [null, null, 'c*k', { f: 'D6*D7', v: 2 }, { f: 'E6*E7', v: 9 }, { f: 'SUM(D8:E8)', v: 11 }],
    ]);
    expect(r.tables.map((t) => t.range)).toEqual(['A1:F6']);
    expect(brief(r).filter((f) => f.startsWith('error'))).toEqual([]);
  });

  it('a numbers-and-dashes column under a group header is a count, and its total is judged', () => {
    const r = run(
      [
        ['No', 'Program Studi', 'Melanjutkan Studi', null, 'Jumlah'],
        [null, null, 'Program Profesi', 'Melanjutkan S2', 'Jumlah'],
        [1, 'Hukum', 0, 3, { f: 'SUM(C3:D3)', v: 3 }],
        [2, 'Biologi', 2, 3, { f: 'SUM(C4:D4)', v: 5 }],
        [3, 'Kimia', ' - ', 1, { f: 'SUM(C5:D5)', v: 1 }],
        [4, 'Fisika', 5, ' - ', { f: 'SUM(C6:D6)', v: 5 }],
        ['Jumlah', null, 9, 7, { f: 'SUM(C7:D7)', v: 16 }],
      ],
      ['C1:D1', 'A1:A2', 'B1:B2', 'E1:E2'],
    );
    expect(r.tables[0].columns.find((c) => c.letter === 'C')?.role).toBe('count');
    expect(brief(r).filter((f) => f.startsWith('error'))).toEqual(['error total-mismatch C7', 'error total-mismatch E7']);
  });

  it('identifier and date columns the vocabulary does not name are left alone', () => {
    const r = run([
      ['Kodepemda', 'Namapemda', 'Nilaianggaran', 'Versi'],
      ['01.00', 'Provinsi Aceh', 100, { n: 45147, fmt: 'dd-mm-yy' }],
      ['10.00', 'Provinsi Jawa Barat', 200, { n: 45147, fmt: 'dd-mm-yy' }],
      ['01.01', 'Kabupaten Simeulue', 300, { n: 45147, fmt: 'dd-mm-yy' }],
    ]);
    expect(r.tables[0].columns.map((c) => c.role)).toEqual(['text', 'label', 'anggaran', 'count']);
    expect(r.findings.filter((f) => ['text-number', 'number-malformed', 'date-value'].includes(f.code))).toEqual([]);
  });
});

describe('scoring and planning workbooks (Bappenas PPD, KRISNA) tried locally', () => {
  it('digits of a cell reference in an instruction are no figures', () => {
    const codes = sheet('Kode', [
      ['Kode', 'Kabupaten/Kota'],
      [3501, 'Kabupaten Pacitan'],
      [3502, 'Kabupaten Ponorogo'],
      [3503, 'Kabupaten Trenggalek'],
    ]);
    const text = 'Klik cell yang menunjukkan nama daerah dummy "Kabupaten Pacitan", lalu sesuaikan isian pada Source hingga tampilan rumus menjadi =Target!$B$50:$B$87 lalu klik ENTER.';
    const r = analyzeWorkbook(book(codes, sheet('Petunjuk', [[text]])));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('#DIV/0! from AVERAGEIF over cells none of which qualifies is this formula\'s own', () => {
    const r = run([
      ['Uraian', 'Anggaran', 'Realisasi', 'Skor'],
      ['Daerah A', 100, 90, { err: '#DIV/0!', f: 'AVERAGEIF(J26:J35,">0")' }],
    ]);
    expect(r.findings.find((f) => f.code === 'division-by-zero')?.messageId).toBe('division-by-zero-formula');
  });

  it('a formula returning "1" as text is reported without a fix that would replace it', () => {
    const rows: TestCell[][] = [['Provinsi', 'Target', 'Realisasi', 'Capaian (%)', 'Nilai']];
    for (let i = 0; i < 12; i++) rows.push([`Provinsi ${i}`, 100, 95, 95, { f: `IF(AND(D${i + 2}>89.9,D${i + 2}<110.1),"1","0")`, v: '1' }]);
    const f = run(rows).findings.filter((x) => x.code === 'text-number');
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(x.fix).toBeUndefined();
      for (const m of x.group?.members ?? []) expect(m.fix).toBeUndefined();
      expect(x.message).not.toMatch(/satu perbaikan/);
    }
  });

  it('more than twenty findings of one kind on a sheet are one finding for the sheet', () => {
    const header = ['Daerah', ...Array.from({ length: 30 }, (_, i) => `Indikator ${i + 1} (%)`)];
    const rows: TestCell[][] = [header];
    for (let r = 0; r < 12; r++) rows.push([`Daerah ${r}`, ...Array.from({ length: 30 }, () => ({ err: '#DIV/0!', f: 'SUM(Input!G7:G15)/COUNT(Input!G7:G15)*10' }))]);
    const f = run(rows).findings.filter((x) => x.code === 'division-by-zero' || x.code === 'error-value');
    expect(f.length).toBe(1);
    expect(f[0].group?.count).toBe(360);
  });

  it('"kdgiat" and "Kodepemda" columns are identifiers, never numbers stored as text', () => {
    const r = run([
      ['kdprogram', 'kdgiat', 'nmgiat', 'alokasi'],
      ['AB', '2023', 'Kegiatan A', 100],
      ['AB', '2024', 'Kegiatan B', 200],
      ['AC', '2025', 'Kegiatan C', 300],
    ]);
    expect(r.tables[0].columns.map((c) => c.role).slice(0, 2)).toEqual(['text', 'text']);
    expect(r.findings.filter((x) => x.code === 'text-number')).toEqual([]);
  });
});

describe('low-confidence columns are judged only once settled', () => {
  it('a total under headers the vocabulary does not know is an error (Kesalahan) only when something shows the row is a sum', () => {
    // Nothing adds up on the Jumlah row: not sure it is a sum row, so warnings without a fix.
    const unsure = run([
      ['Kecamatan', 'Sekolah Negeri', 'Sekolah Swasta'],
      ['Kec A', 10, 4],
      ['Kec B', 12, 6],
      ['Kec C', 9, 3],
      ['Jumlah', 35, 20],
    ]);
    const f = unsure.findings.filter((x) => x.code === 'total-mismatch');
    expect(f.map((x) => `${x.severity} ${x.cell} ${x.fix === undefined}`)).toEqual(['warning B5 true', 'warning C5 true']);
    // Another column adds up on that row: the row is a sum row, and the gap is an error (Kesalahan).
    const settled = run([
      ['Kecamatan', 'Sekolah Negeri', 'Sekolah Swasta'],
      ['Kec A', 10, 4],
      ['Kec B', 12, 6],
      ['Kec C', 9, 3],
      ['Jumlah', 31, 20],
    ]);
    expect(brief(settled).filter((x) => x.startsWith('error'))).toEqual(['error total-mismatch C5']);
    // Settled or not, a cell of a low-confidence table is never rewritten (issue 11): the finding has no fix.
    expect(settled.findings.filter((x) => x.fix !== undefined)).toEqual([]);
  });
});

describe('fixes that never make things worse (issue 11, first steps)', () => {
  it('a % formula that divides another pair of its row and shows its own result is a warning with no fix', () => {
    const r = run([
      ['Program', 'Anggaran', 'Realisasi', 'Realisasi Fisik', '%'],
      ['Program A', 1000, 900, 995, { f: 'C2/B2*100', v: 90 }],
      ['Program B', 2000, 1500, 1990, { f: 'C3/B3*100', v: 75 }],
      ['Program C', 1500, 1200, 1495, { f: 'C4/B4*100', v: 80 }],
      ['Program D', 3000, 600, 2990, { f: 'D5/B5*100', v: 99.67 }],
    ]);
    const f = r.findings.filter((x) => x.code === 'percent-mismatch');
    expect(f.map((x) => `${x.severity} ${x.cell} ${x.fix === undefined}`)).toEqual(['warning E5 true']);
    expect(f[0].message).toMatch(/=D5\/B5\*100/);
  });

  it('a percent-formatted % cell is fixed with a fraction formula, not one that shows 9.682 %', () => {
    const r = run([
      ['Program', 'Anggaran', 'Realisasi', '%'],
      ['Program A', 1000, 900, { f: 'C2/B2', v: 0.9, fmt: '0.00%' }],
      ['Program B', 2000, 1500, { f: 'C3/B3', v: 0.75, fmt: '0.00%' }],
      ['Program C', 1500, 1200, { f: 'C4/B4', v: 0.8, fmt: '0.00%' }],
      ['Program D', 3000, 600, { f: 'C5/B4', v: 0.4, fmt: '0.00%' }],
    ]);
    const f = r.findings.find((x) => x.code === 'percent-mismatch' && x.cell === 'D5');
    expect(f?.fix).toEqual({ kind: 'set-formula', value: '=C5/B5' });
  });

  it('a parent over one row is fixed as that row, never =SUM(E7:E7)', () => {
    const r = run([
      ['Kode', 'Uraian', 'Anggaran'],
      ['5.1', 'Belanja Operasi', { f: 'C3-10', v: 90 }],
      ['5.1.01', 'Belanja Pegawai', 100],
    ]);
    expect(r.findings.find((x) => x.code === 'parent-sum-mismatch')?.fix).toEqual({ kind: 'set-formula', value: '=C3' });
  });
});
