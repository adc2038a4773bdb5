import { analyzeWorkbook } from '../../../src/core/analyze';
import type { Finding } from '../../../src/core/findings';
import { book, sheet } from '../helpers/sheet';
import { NTT_SCALE } from '../../fixtures/scales';

const pmks = sheet('PMKS', [
  ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan'],
  [1, 'Anak Terlantar', 1000, 400, 300, 75, 600, 'Bantuan Rp.1.600.000/orang untuk 300 orang'],
  [2, 'Lanjut Usia Terlantar', 500, 100, 100, 100, 400, '-'],
  [null, 'TOTAL', 1500, 500, 400, 80, 1000],
]);
const apbn = sheet('APBN', [
  ['ALOKASI DAN REALISASI ANGGARAN DANA APBN'],
  [null],
  ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
  ['1.', 'Program Perlindungan Sosial', 1000000, 968200, 96.82],
  [null, 'Jumlah', 1000000, 968200, 96.82],
]);
const prose = (...paragraphs: string[]) => sheet('Narasi', paragraphs.map((p) => [p]));
const LONG = ' Penjelasan ini ditulis cukup panjang agar dikenali sebagai paragraf narasi dan bukan judul tabel, seperti pada laporan yang sebenarnya.';
const run = (...paragraphs: string[]) =>
  analyzeWorkbook(book(pmks, apbn, prose(...paragraphs))).findings.filter((f) => f.sheet === 'Narasi');
const brief = (f: Finding) => `${f.code} ${f.cell} ${f.expected ?? ''} ${f.actual ?? ''} ${f.related?.cell ?? ''}`.trim();

describe('narrative checks', () => {
  it('agrees silently with every column the words name', () => {
    const f = run(
      'Anak Terlantar',
      'Jumlah Anak Terlantar sebanyak 1.000 orang, yang menjadi kewenangan Provinsi sebanyak 400 orang dan yang ditangani sebanyak 300 orang dengan bantuan Rp.1.600.000/orang. Sedangkan 600 orang adalah kewenangan Kabupaten/Kota, dan masih ada 100 orang yang belum mendapatkan pelayanan.' + LONG,
    );
    expect(f).toEqual([]);
  });

  it('reports a disagreement against the column the sentence names, taking the subject from the heading', () => {
    const f = run('Anak Terlantar', 'Sebanyak 650 orang adalah kewenangan Kabupaten/Kota dan 120 orang belum ditangani.' + LONG);
    expect(f.map(brief)).toEqual(['narrative-mismatch A2 600 650 G2', 'narrative-mismatch A2 100 120 E2']);
  });

  it('takes a rounded percentage as a rounding and says so', () => {
    const f = run('Dana APBN sebesar Rp.1.000.000 dan realisasi Rp.968.200 atau 96,8%.' + LONG);
    expect(f.map(brief)).toEqual(['narrative-rounded A1   E5']);
    expect(f[0].message).toMatch(/pembulatan 1 desimal/);
    const wrong = run('Dana APBN sebesar Rp.1.000.000 dan realisasi Rp.968.200 atau 96,7%.' + LONG);
    expect(wrong.map(brief)).toEqual(['narrative-mismatch A1 96.82 96.7 E5']);
  });

  it('quotes the table figure as the sheet shows it, not every digit stored', () => {
    const shown = sheet('APBN', [
      ['ALOKASI DAN REALISASI ANGGARAN DANA APBN'],
      [null],
      ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
      ['1.', 'Program Perlindungan Sosial', 1000000, 996565.348775436, { n: 99.6565348775436, fmt: '0.00' }],
      [null, 'Jumlah', 1000000, 996565.348775436, { n: 99.6565348775436, fmt: '0.00' }],
    ]);
    const f = analyzeWorkbook(book(pmks, shown, prose('Dana APBN sebesar Rp.1.000.000 dengan realisasi 98,5%.' + LONG))).findings.filter((x) => x.sheet === 'Narasi');
    expect(f.map(brief)).toEqual(['narrative-mismatch A1 99.6565348775436 98.5 E5']);
    expect(f[0].message).toContain('99,66%');
    expect(f[0].message).not.toContain('99,6565');
  });

  it('checks aid per person against Keterangan', () => {
    const f = run('Anak Terlantar', 'Bantuan atensi dari APBN sebesar Rp.1.500.000/orang diberikan kepada anak terlantar.' + LONG);
    expect(f.map(brief)).toEqual(['narrative-mismatch A2 1600000 1500000 H2']);
    expect(f[0].message).toMatch(/per orang untuk/);
    const en = analyzeWorkbook(book(pmks, apbn, prose('Anak Terlantar', 'Bantuan atensi dari APBN sebesar Rp.1.500.000/orang diberikan kepada anak terlantar.' + LONG)), { lang: 'en' });
    expect(en.findings.find((x) => x.sheet === 'Narasi')?.message).toMatch(/Rp 1,500,000 per person for .* says Rp 1,600,000 per person/);
  });

  it('checks a claimed predikat and average range against the IKU table', () => {
    const iku = sheet('IKU', [
      ['Indikator Kinerja', 'Target', 'Realisasi'],
      ['Persentase PMKS tertangani', 80, 60],
      ['Persentase panti yang menerima bantuan', 50, 45],
    ]);
    const claim = 'Secara umum kinerja dapat dikategorikan sangat berhasil, dengan rata-rata capaian berada di interval 85 - 100%.' + LONG;
    const f = analyzeWorkbook(book(iku, prose(claim)), { scale: NTT_SCALE }).findings.filter((x) => x.sheet === 'Narasi');
    expect(f.map(brief)).toEqual(['predikat-mismatch A1 Berhasil sangat berhasil']);
    expect(f[0].message).toContain('82,50');
    const ok = analyzeWorkbook(book(iku, prose(claim.replace('sangat berhasil', 'berhasil').replace('85 - 100', '80 - 85'))), { scale: NTT_SCALE });
    expect(ok.findings.filter((x) => x.sheet === 'Narasi')).toEqual([]);
  });

  it('lists figures it cannot link instead of guessing', () => {
    const f = run('Kegiatan evakuasi dilakukan oleh 41 orang tenaga TAGANA yang tersebar di 19 kecamatan.' + LONG);
    expect(f.map((x) => `${x.code} ${x.severity}`)).toEqual(['narrative-unlinked info']);
    expect(f[0].message).toContain('41, 19');
  });
});
