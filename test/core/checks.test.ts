import { analyzeWorkbook } from '../../src/core/analyze';
import type { TestCell } from './helpers/sheet';
import { book, brief, sheet } from './helpers/sheet';
import { FLOTIM_SCALE, NTT_SCALE } from '../fixtures/scales';

function budget(rows: TestCell[][]) {
  return sheet('Anggaran', [['No', 'Program', 'Anggaran', 'Realisasi', '%'], ...rows]);
}
const run = (s: ReturnType<typeof sheet>, opts = {}) => analyzeWorkbook(book(s), opts).findings;

describe('checks', () => {
  it('total-mismatch: names the row left out', () => {
    const f = run(budget([[1, 'A', 100, 50, 50], [2, 'B', 250, 200, 80], [null, 'Jumlah', 100, 250, 250]]));
    expect(f.map(brief)).toEqual(['error | total-mismatch | Anggaran | C4 | 350 | 100']);
    expect(f[0].message).toContain('C3 "B"');
    // Typed totals are fixed as typed figures, in the author's style; a column of SUM formulas gets a formula.
    expect(f[0].fix).toEqual({ kind: 'set-value', value: 350 });
    const formulas = run(budget([[1, 'A', 100, 50, 50], [2, 'B', 250, 200, 80], [null, 'Jumlah', { f: 'C2', v: 100 }, { f: 'SUM(D2:D3)', v: 250 }, 250]]));
    expect(formulas.find((x) => x.code === 'total-mismatch')?.fix).toEqual({ kind: 'set-formula', value: '=SUM(C2:C3)' });
  });

  it('total-mismatch: a row counted twice, swapped digits, display rounding', () => {
    const twice = run(budget([[1, 'A', 100, 100, 100], [2, 'B', 200, 200, 100], [null, 'Jumlah', 500, 300, 100]]));
    expect(twice[0].message).toMatch(/terhitung dua kali/);
    const swapped = run(budget([[1, 'A', 1200, 1200, 100], [2, 'B', 1000, 1000, 100], [null, 'Jumlah', 2020, 2200, 100]]), { lang: 'en' });
    expect(swapped.map(brief)).toEqual(['error | total-mismatch | Anggaran | C4 | 2200 | 2020']);
    expect(swapped[0].message).toMatch(/swapped/);
    const cents = run(budget([[1, 'A', { n: 10.4, fmt: '#,##0' }, 10, 96.15], [2, 'B', { n: 20.3, fmt: '#,##0' }, 20, 98.52], [null, 'Jumlah', { n: 31, fmt: '#,##0' }, 30, 97.72]]));
    expect(cents.map(brief)).toEqual(['info | total-mismatch | Anggaran | C4 | 30.7 | 31']);
  });

  it('total-mismatch: text-stored numbers that SUM skipped', () => {
    const f = run(budget([[1, 'A', '1.000', 500, 50], [2, 'B', 2000, 1000, 50], [null, 'Jumlah', { f: 'SUM(C3:C4)', v: 2000 }, 1500, 50]]));
    expect(f.map(brief)).toEqual([
      'warning | text-number | Anggaran | C2 | 1000 | 1.000',
      'error | total-mismatch | Anggaran | C4 | 3000 | 2000',
    ]);
    expect(f[1].message).toMatch(/tersimpan sebagai teks \(C2\)/);
  });

  it('parent-sum-mismatch on an Urusan row', () => {
    const f = run(budget([['I', 'Urusan Sosial', 400, 300, 75], ['1.', 'A', 100, 100, 100], ['2.', 'B', 200, 200, 100], [null, 'Jumlah', 400, 300, 75]]));
    expect(f.map(brief)).toEqual(['error | parent-sum-mismatch | Anggaran | C2 | 300 | 400']);
  });

  it('percent-mismatch beyond display rounding only, with Excel percentages too', () => {
    const ok = run(budget([[1, 'A', 3, 2, 66.67], [2, 'B', 3, 1, { n: 0.3333, fmt: '0.00%' }], [null, 'Jumlah', 6, 3, 50]]));
    expect(ok).toEqual([]);
    const bad = run(budget([[1, 'A', 3, 2, 66.66], [2, 'B', 3, 1, { n: 0.3334, fmt: '0.00%' }], [null, 'Jumlah', 6, 3, 50]]));
    expect(bad.map(brief)).toEqual(['error | percent-mismatch | Anggaran | E2 | 66.67 | 66.66', 'error | percent-mismatch | Anggaran | E3 | 33.33 | 33.34']);
    expect(bad[1].fix).toEqual({ kind: 'set-value', value: 0.3333 });
  });

  it('division-by-zero: Kewenangan Pusat only when the matter is central, a guard otherwise', () => {
    const pmks = sheet('PMKS', [
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan'],
      [1, 'Pemulung', 1045, 0, 0, { err: '#DIV/0!' }, 0, null],
      [2, 'Tuna Susila', 1803, 5, 5, 100, 0, 'menjadi kewenangan Pemerintah Pusat'],
    ]);
    expect(run(pmks, { pusatMarker: 'Urusan Pusat' }).map(brief)).toEqual(['warning | division-by-zero | PMKS | F2 | Urusan Pusat | #DIV/0!']);
    const spm = sheet('SPM', [
      ['No', 'Jenis layanan', 'Populasi', 'Yang ditangani', '%'],
      [1, 'Rehabilitasi', 0, 0, { err: '#DIV/0!' }],
    ]);
    const f = run(spm);
    expect(f.map(brief)).toEqual(['error | division-by-zero | SPM | E2 | - | #DIV/0!']);
    expect(f[0].message).not.toMatch(/pusat/i);
  });

  it('error-value for #REF!, #VALUE! and #N/A in figures', () => {
    const f = run(budget([[1, 'A', { err: '#REF!' }, 1, 1], [2, 'B', 10, { err: '#N/A' }, 1], [null, 'Jumlah', 10, 1, 10]]));
    expect(f.filter((x) => x.code === 'error-value').map(brief)).toEqual([
      'error | error-value | Anggaran | C2 |  | #REF!',
      'error | error-value | Anggaran | D3 |  | #N/A',
    ]);
  });

  it('ambiguous-number when the column does not settle 1.595', () => {
    const f = run(budget([[1, 'A', 1000.5, 1, 0.1], [2, 'B', '1.595', 1, 0.06], [null, 'Jumlah', 1002.095, 2, 0.2]]));
    expect(f.find((x) => x.code === 'ambiguous-number')).toMatchObject({ cell: 'C3', actual: '1.595' });
  });

  it('identity-mismatch: Populasi = Provinsi + Kab/Kota, ditangani not above the share', () => {
    const pmks = sheet('PMKS', [
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota'],
      [1, 'Anak Terlantar', 100, 40, 50, 125, 60],
      [2, 'Lansia', 100, 40, 40, 100, 50],
    ]);
    expect(run(pmks).map(brief)).toEqual([
      'error | identity-mismatch | PMKS | E2 | 40 | 50',
      'error | identity-mismatch | PMKS | G3 | 60 | 50',
    ]);
  });

  it('duplicate-code, numbering gaps and repeats, missing values', () => {
    const s = sheet('Belanja', [
      ['Kode Rekening', 'Uraian', 'Jumlah Belanja', 'Realisasi', '%'],
      ['1.06.01.01', 'Program', 60, 60, 100],
      ['1.06.01.01.01', 'A', 10, 10, 100],
      ['1.06.01.01.01', 'B', 20, 20, 100],
      ['1.06.01.01.03', 'C', 30, 30, 100],
      ['1.06.01.01.04', 'D', null, null, null],
    ]);
    expect(run(s).map(brief)).toEqual([
      'error | duplicate-code | Belanja | A4 |  | 1.06.01.01.01',
      'warning | missing-value | Belanja | C6 |  | ',
      'warning | missing-value | Belanja | D6 |  | ',
    ]);
    const n = run(budget([['1.', 'A', 1, 1, 100], ['2.', 'B', 1, 1, 100], ['2.', 'C', 1, 1, 100], ['5.', 'D', 1, 1, 100]]));
    expect(n.map(brief)).toEqual(['warning | numbering-gap | Anggaran | A4 | 3 | 2', 'warning | numbering-gap | Anggaran | A5 | 3 | 5']);
  });

  it('capaian-mismatch and predikat-mismatch with polarity and the chosen scale', () => {
    const s = sheet('IKU', [
      ['Indikator', 'Target', 'Realisasi', 'Capaian', 'Predikat'],
      ['Persentase PMKS tertangani', 80, 60, 75, 'Berhasil'],
      ['Persentase PMKS memperoleh bantuan', 6.25, 3.2, 52, 'Belum Berhasil'],
      ['Angka kemiskinan', 10, 12, 80, 'Cukup Berhasil'],
    ]);
    expect(run(s, { scale: NTT_SCALE }).map(brief)).toEqual([
      'error | capaian-mismatch | IKU | D3 | 51 | 52',
      'error | predikat-mismatch | IKU | E4 | Berhasil | Cukup Berhasil',
    ]);
    // 'Belum Berhasil' is not a word of the Flores Timur scale: not judged on it, and said so once.
    const flotim = run(s, { scale: FLOTIM_SCALE });
    expect(flotim.filter((f) => f.code === 'predikat-mismatch').map((f) => `${f.cell}=${f.expected}`)).toEqual(['E2=Cukup Berhasil', 'E4=Berhasil']);
    expect(flotim.filter((f) => f.code === 'not-checked').map((f) => f.message)).toEqual([expect.stringMatching(/Predikat: kata predikatnya tidak termasuk skala/)]);
  });

  it('does not judge predikat when no scale is chosen and the workbook has none', () => {
    const s = sheet('IKU', [
      ['Indikator', 'Target', 'Realisasi', 'Capaian', 'Predikat'],
      ['Persentase PMKS tertangani', 80, 60, 75, 'Sangat Berhasil'],
    ]);
    const f = run(s);
    expect(f.map((x) => `${x.severity} ${x.code} ${x.cell}`)).toEqual(['info not-checked A1']);
    expect(f[0].message).toMatch(/predikat tidak dinilai karena skala predikat belum dipilih/);
  });

  it('a target of 0 is reported as such, never as Kewenangan Pusat', () => {
    const s = sheet('IKU', [
      ['Indikator', 'Target', 'Realisasi', 'Capaian'],
      ['Persentase WKBSM', 0, 0, { err: '#DIV/0!' }],
    ]);
    const f = run(s);
    expect(f.map(brief)).toEqual(['error | division-by-zero | IKU | D2 |  | #DIV/0!']);
    expect(f[0].message).toMatch(/target bernilai 0/);
  });

  it('cross-table-mismatch when two tables break down the same total differently', () => {
    const byEchelon = sheet(
      'T1',
      [
        ['No', 'Eselon', 'Pendidikan', null, null, 'Jumlah'],
        [null, null, 'SD/SLTA/SMA', 'S1', 'S2', null],
        ['1.', 'Eselon III', 0, 4, 1, 5],
        ['2.', 'Eselon IV', 2, 9, 0, 11],
        ['Jumlah', null, 2, 13, 1, 16],
      ],
      ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2', 'A5:B5'],
    );
    const byRank = sheet('T2', [
      ['No', 'Pendidikan', 'Gol III', 'Gol IV', 'Jumlah'],
      ['1.', 'S2', 0, 1, 1],
      ['2.', 'S1', 10, 2, 12],
      ['3.', 'SMA', 3, 0, 3],
      ['Jumlah', null, 13, 3, 16],
    ]);
    const f = analyzeWorkbook(book(byEchelon, byRank)).findings;
    expect(f.map(brief)).toEqual(['warning | cross-table-mismatch | T2 | E3 | 13 | 12', 'warning | cross-table-mismatch | T2 | E4 | 2 | 3']);
    expect(f[0].message).toContain("'T1'!D5");
  });

  it('reads 1.500 typed as text in a budget Realisasi column as rupiah, not 1,5', () => {
    const f = run(budget([[1, 'A', 1000, 900, 90], [2, 'B', 3000, '1.500', 50], [null, 'TOTAL', 4000, 2400, 60]]));
    expect(f.map(brief)).toEqual(['warning | text-number | Anggaran | D3 | 1500 | 1.500']);
  });

  it('a date in a column of figures is reported, never summed as its serial number', () => {
    const s = sheet('PMKS', [
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota'],
      [1, 'Anak Terlantar', 100, 40, 20, 50, 60],
      [2, 'Gelandangan', { n: 44197, fmt: 'yyyy-mm-dd', text: '2021-01-01' }, 4, 2, 50, 6],
      [null, 'Jumlah', 100, 44, 22, 50, 66],
    ]);
    const f = run(s);
    expect(f.map(brief)).toEqual(['warning | date-value | PMKS | C3 |  | 2021-01-01']);
    expect(f[0].message).toContain('tanggal');
  });

  it('quotes at most 240 characters of a label in a message', () => {
    const long = 'Program '.repeat(4000);
    const f = run(budget([[1, long, 3, 2, 60], [null, 'Jumlah', 3, 2, 66.67]]));
    expect(f.length).toBe(1);
    expect(f[0].message.length).toBeLessThan(500);
  });

  it('rejects an unknown scale id with the valid ones listed', () => {
    expect(() => analyzeWorkbook(book(), { scale: 'nope' })).toThrow(/rkpd-5, permenpan-5, or the bands written out/);
  });
});
