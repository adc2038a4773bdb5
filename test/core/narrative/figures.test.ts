import fc from 'fast-check';
import { extractFigures } from '../../../src/core/narrative/figures';
import type { ProseFigure } from '../../../src/core/narrative/types';

interface Want {
  value: string;
  unit: ProseFigure['unit'];
  per?: ProseFigure['per'];
  words?: string;
  decimals?: number;
  raw?: string;
}

/** The figures in a compact, comparable shape; raw and offsets must always agree with the text. */
function figures(text: string): Want[] {
  return extractFigures(text).map((f) => {
    expect(text.slice(f.start, f.end)).toBe(f.raw);
    if (f.words) expect(text.slice(f.words.start, f.words.end)).toBe(f.words.text);
    const w: Want = { value: f.value.toFixed(), unit: f.unit, decimals: f.decimals, raw: f.raw };
    if (f.per) w.per = f.per;
    if (f.words) w.words = f.words.text;
    return w;
  });
}

/** Compares only the fields the expectation names. */
function expectFigures(text: string, want: Want[]): void {
  const got = figures(text);
  expect(got.map((g, i) => pick(g, want[i]))).toEqual(want);
}

function pick(g: Want, w: Want | undefined): Partial<Want> {
  if (!w) return g;
  const out: Partial<Want> = { value: g.value, unit: g.unit };
  if (g.per !== undefined || w.per !== undefined) out.per = g.per;
  if (g.words !== undefined || w.words !== undefined) out.words = g.words;
  if (w.decimals !== undefined) out.decimals = g.decimals;
  if (w.raw !== undefined) out.raw = g.raw;
  return out;
}

const SEMBILAN = 'Sembilan Milyard Dua Ratus Lima Puluh Tujuh Juta Tujuh Puluh Ribu Rupiah';
const TIGA_PULUH =
  'Tiga Puluh Delapan Milyard Seratus Tujuh Puluh Tujuh Juta Lima Ratus Sembilan Puluh Dua Ribu Empat Ratus Delapan Puluh Empat Rupiah';

describe('extractFigures: real report paragraphs', () => {
  it('1. counts and an amount per person', () => {
    expectFigures(
      'Jumlah Anak Balita Terlantar sebanyak 201.667 orang dan yang mendapatkan bantuan atensi (bantuan dalam bentuk uang) dari dana APBN sebesar Rp.1.600.000/orang sebanyak 126 orang, sedangkan sebanyak 201.511 adalah kewenangan Kabupaten/Kota',
      [
        { value: '201667', unit: 'orang', raw: '201.667' },
        { value: '1600000', unit: 'rupiah', per: 'orang', raw: 'Rp.1.600.000' },
        { value: '126', unit: 'orang' },
        { value: '201511', unit: 'none' },
      ],
    );
  });

  it('2. budget, realisation and percentages', () => {
    expectFigures(
      'Pencapaian 1 (satu) Sasaran Startegis yang akan dicapai tahun 2021, didukung dengan Dana APBN Dinas Sosial Provinsi Nusa Tenggara Timur sebesar Rp.9.257.070.000,- dan realisasi Rp.8.962.397.813,- atau 96,82% dan Sasaran Strategis dengan Dana APBD sebesar Rp.38.177.592.484 dan realisasi Rp.35.459.525.876 atau 92,88% dengan rincian sebagai berikut :',
      [
        { value: '1', unit: 'sasaran', words: 'satu' },
        { value: '9257070000', unit: 'rupiah', raw: 'Rp.9.257.070.000,-', decimals: 0 },
        { value: '8962397813', unit: 'rupiah', raw: 'Rp.8.962.397.813,-' },
        { value: '96.82', unit: 'percent', raw: '96,82%', decimals: 2 },
        { value: '38177592484', unit: 'rupiah' },
        { value: '35459525876', unit: 'rupiah' },
        { value: '92.88', unit: 'percent', decimals: 2 },
      ],
    );
  });

  it('3. programmes, activities and amounts with sen', () => {
    expectFigures(
      'Pada tahun 2020 Dinas Sosial Kabupaten Flores Timur melaksanakan 7 Program dan 28 kegiatan dengan alokasi anggaran sebesar Rp. 6.353.928.630,80 meliputi belanja tidak langsung sebesar Rp. 1.674.727.528,80, dan belanja langsung Rp. 4.679.201.102,- Realisasi keuangan untuk belanja langsung sampai dengan akhir tahun anggaran sebesar Rp. 6.265.251.035 atau 98,60%. P',
      [
        { value: '7', unit: 'program' },
        { value: '28', unit: 'kegiatan' },
        { value: '6353928630.8', unit: 'rupiah', decimals: 2, raw: 'Rp. 6.353.928.630,80' },
        { value: '1674727528.8', unit: 'rupiah', decimals: 2, raw: 'Rp. 1.674.727.528,80' },
        { value: '4679201102', unit: 'rupiah', raw: 'Rp. 4.679.201.102,-' },
        { value: '6265251035', unit: 'rupiah' },
        { value: '98.6', unit: 'percent', decimals: 2, raw: '98,60%' },
      ],
    );
  });

  it('4. indicators and a percentage range', () => {
    expectFigures(
      'Dari hasil pengukuran kinerja, secara umum kinerja Dinas Sosial Kabupaten Flores Timur dapat di kategorikan cukup berhasil. Hal ini di buktikan bahwa rata- rata capaian dari 9 indikator kinerja berada di interval 70 - 80%.',
      [
        { value: '9', unit: 'indikator' },
        { value: '70', unit: 'percent', raw: '70' },
        { value: '80', unit: 'percent', raw: '80%' },
      ],
    );
  });

  it('5. amounts in bold with the words in italics', () => {
    const text = `Untuk mendukung terlaksananya sasaran ini maka dana yang diberikan melalui APBN sebesar Rp.**9.257.070.000,-** (*${SEMBILAN}*) dan APBD sebesar Rp.**38.177.592.484** (*${TIGA_PULUH}*).`;
    expectFigures(text, [
      { value: '9257070000', unit: 'rupiah', words: SEMBILAN },
      { value: '38177592484', unit: 'rupiah', words: TIGA_PULUH },
    ]);
    const [first] = extractFigures(text);
    expect(first?.raw).toBe('Rp.**9.257.070.000,-');
  });

  it('6. a list item with counts of aids and an amount per person', () => {
    expectFigures(
      '- Penyandang disabilitas berupa alat bantu sebanyak 15 orang (4 buah kursi roda, 3 pasang tongkat ketiak, 8 buah alat pendengar), dan 91 orang penerima bantuan ASPD (besar bantuan per orang Rp. 2.000.000)',
      [
        { value: '15', unit: 'orang' },
        { value: '4', unit: 'unit' },
        { value: '3', unit: 'other' },
        { value: '8', unit: 'unit' },
        { value: '91', unit: 'orang' },
        { value: '2000000', unit: 'rupiah', per: 'orang' },
      ],
    );
  });

  it('7. a regulation reference holds no figures', () => {
    expect(
      figures(
        'Berdasarkan Peraturan Gubernur (PERGUB) Provinsi Nusa Tenggara Timur Nomor 9 Tahun 2019 tentang Kedudukan ...',
      ),
    ).toEqual([]);
  });

  it('8. an amount per person and a count ending the sentence', () => {
    expectFigures(
      'Panti swasta yang mendapat bantuan atensi (bantuan dalam bentuk uang) dari APBN sebesar Rp.2.100.000/orang sebanyak 1.223.',
      [
        { value: '2100000', unit: 'rupiah', per: 'orang' },
        { value: '1223', unit: 'none', raw: '1.223' },
      ],
    );
  });
});

describe('extractFigures: digits', () => {
  it.each<[string, Want]>([
    ['201.667 orang', { value: '201667', unit: 'orang', decimals: 0 }],
    ['Rp. 6.353.928.630,80', { value: '6353928630.8', unit: 'rupiah', decimals: 2 }],
    ['Rp.9.257.070.000,-', { value: '9257070000', unit: 'rupiah', raw: 'Rp.9.257.070.000,-' }],
    ['Rp 5.000.000.- per tahun', { value: '5000000', unit: 'rupiah', raw: 'Rp 5.000.000.-' }],
    ['Rp9.000.000', { value: '9000000', unit: 'rupiah', raw: 'Rp9.000.000' }],
    ['IDR 5.000', { value: '5000', unit: 'rupiah' }],
    ['96,82%', { value: '96.82', unit: 'percent', decimals: 2 }],
    ['3,2%', { value: '3.2', unit: 'percent', decimals: 1 }],
    ['3.2%', { value: '3.2', unit: 'percent', decimals: 1 }],
    ['96,82 %', { value: '96.82', unit: 'percent', raw: '96,82 %' }],
    ['100%', { value: '100', unit: 'percent' }],
    ['0%', { value: '0', unit: 'percent' }],
    ['3,5 persen', { value: '3.5', unit: 'percent', raw: '3,5 persen' }],
    ['9,53/1.000 KH', { value: '9.53', unit: 'rate', decimals: 2, raw: '9,53/1.000' }],
    ['162 per 100.000 kelahiran hidup', { value: '162', unit: 'rate', raw: '162 per 100.000' }],
    ['33 kk', { value: '33', unit: 'kk' }],
    ['33 KK', { value: '33', unit: 'kk' }],
    ['33 kepala keluarga', { value: '33', unit: 'kk' }],
    ['4.333 orang', { value: '4333', unit: 'orang' }],
    ['4.333 org', { value: '4333', unit: 'orang' }],
    ['50 jiwa', { value: '50', unit: 'orang' }],
    ['887 klien', { value: '887', unit: 'klien' }],
    ['381.043 KPM', { value: '381043', unit: 'kpm' }],
    ['6 panti', { value: '6', unit: 'panti' }],
    ['12 unit', { value: '12', unit: 'unit' }],
    ['9 indikator', { value: '9', unit: 'indikator' }],
    ['22 Kabupaten/Kota', { value: '22', unit: 'other' }],
    ['sebanyak 1.223.', { value: '1223', unit: 'none' }],
    ['201,667 ton', { value: '201.667', unit: 'other', decimals: 3 }],
  ])('%s', (text, want) => expectFigures(text, [want]));

  it('reads units after the parenthesised words', () => {
    expectFigures('7 Program dan 28 kegiatan', [
      { value: '7', unit: 'program' },
      { value: '28', unit: 'kegiatan' },
    ]);
    expectFigures('1 (satu) sasaran', [{ value: '1', unit: 'sasaran', words: 'satu' }]);
    expectFigures('2 (dua) indikator', [{ value: '2', unit: 'indikator', words: 'dua' }]);
    expectFigures('194 (seratus sembilan puluh empat) Pegawai', [
      { value: '194', unit: 'other', words: 'seratus sembilan puluh empat' },
    ]);
  });

  it('keeps the words when they disagree with the digits, for the checker to report', () => {
    expectFigures('2 (tiga) indikator', [{ value: '2', unit: 'indikator', words: 'tiga' }]);
  });

  it('does not take ordinary parentheses as words', () => {
    expectFigures('15 orang (4 buah kursi roda)', [
      { value: '15', unit: 'orang' },
      { value: '4', unit: 'unit' },
    ]);
    expectFigures('126 (bantuan atensi) orang', [{ value: '126', unit: 'none' }]);
  });

  it('gives the words with the markdown stars left out', () => {
    const text = `Rp.**9.257.070.000,-** (*${SEMBILAN}*)`;
    const [f] = extractFigures(text);
    expect(f?.words?.text).toBe(SEMBILAN);
    expect(f?.value.toFixed()).toBe('9257070000');
    expect(f?.unit).toBe('rupiah');
    expectFigures('__Rp 2.000.000__ dan _15_ orang', [
      { value: '2000000', unit: 'rupiah' },
      { value: '15', unit: 'orang' },
    ]);
  });
});

describe('extractFigures: amounts per person, panti, KK', () => {
  it.each<[string, ProseFigure['per']]>([
    ['Rp.1.600.000/orang', 'orang'],
    ['Rp.1.600.000 / orang', 'orang'],
    ['Rp.150.000/org', 'orang'],
    ['Rp.150.000/KK', 'kk'],
    ['Rp 2.000.000 per orang', 'orang'],
    ['Rp 2.000.000 per-orang', 'orang'],
    ['Rp 2.000.000 perorang', 'orang'],
    ['per-orang Rp.1.600.000', 'orang'],
    ['per-orang Rp. 1.600.000', 'orang'],
    ['per orang Rp. 2.000.000', 'orang'],
    ['besar bantuan per orang Rp. 2.000.000', 'orang'],
    ['per-Panti Rp.10.000.000', 'panti'],
    ['setiap panti Rp.10.000.000', 'panti'],
    ['per kepala keluarga Rp 300.000', 'kk'],
  ])('%s', (text, per) => {
    const [f] = extractFigures(text);
    expect(f?.unit).toBe('rupiah');
    expect(f?.per).toBe(per);
    expect(extractFigures(text)).toHaveLength(1);
  });

  it('needs "per" before the unit word', () => {
    expect(extractFigures('91 orang Rp. 2.000.000')[1]?.per).toBeUndefined();
  });

  it('reads "per" after a count too', () => {
    expectFigures('3 paket/orang', [{ value: '3', unit: 'other', per: 'orang' }]);
  });
});

describe('extractFigures: scale words', () => {
  it.each<[string, string, ProseFigure['unit']]>([
    ['1,2 miliar', '1200000000', 'none'],
    ['1,2 milyar', '1200000000', 'none'],
    ['3 juta', '3000000', 'none'],
    ['2,5 triliun', '2500000000000', 'none'],
    ['500 ribu', '500000', 'none'],
    ['Rp 1,2 miliar', '1200000000', 'rupiah'],
    ['Rp 1,2 M', '1200000000', 'rupiah'],
    ['1,2 miliar rupiah', '1200000000', 'rupiah'],
    ['3 juta orang', '3000000', 'orang'],
    ['dana 2021 miliar', '2021000000000', 'none'],
  ])('%s', (text, value, unit) => {
    const f = extractFigures(text);
    expect(f).toHaveLength(1);
    expect(f[0]?.value.toFixed()).toBe(value);
    expect(f[0]?.unit).toBe(unit);
  });

  it('puts the scale word in raw and keeps the decimals as written', () => {
    const [f] = extractFigures('sebesar 1,2 miliar rupiah');
    expect(f?.raw).toBe('1,2 miliar');
    expect(f?.decimals).toBe(1);
  });
});

describe('extractFigures: numbers that are not figures', () => {
  it.each([
    'tahun 2021',
    'Pada tahun 2020 Dinas Sosial',
    'periode 2018 – 2023',
    'periode 2018-2023',
    'Tahun Anggaran 2021',
    'tanggal 25 Januari 2021',
    'pada 3 Mei 2021',
    'bulan November 2021',
    'Nomor 9 Tahun 2019',
    'Nomor : 53 Tahun 2014',
    'No. 7 Tahun 1999',
    'Pasal 9 ayat 1',
    'PP 60 Tahun 2008',
    'sesuai PP 60',
    'UU 23',
    'Undang-Undang 23 Tahun 2014',
    '1. Perumusan kebijakan',
    '2) Pelaksanaan kebijakan',
    '  3. Evaluasi',
    'a. Perumusan',
    '- Penyandang disabilitas',
    'Satker_240036',
    'kode 1.2.4.1',
    '1.2.4.1 Program Pelayanan',
    'Tahap III',
    'Tahap 2',
    'pukul 08.00 WITA',
    'pukul 14:30',
    'tanggal 25/01/2021',
    'HIV',
    'COVID-19',
    'pandemi Covid-19 tahun 2020',
    'G20',
    'sebanyak dua orang',
    'tahun ke-3',
  ])('%s', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('counts a year-like number with a unit word after it', () => {
    expectFigures('sebanyak 2021 orang dan 1999 KK, naik 2000%', [
      { value: '2021', unit: 'orang' },
      { value: '1999', unit: 'kk' },
      { value: '2000', unit: 'percent' },
    ]);
    expectFigures('Rp 2021', [{ value: '2021', unit: 'rupiah' }]);
  });

  it('counts a number after a reference word when a unit word follows it', () => {
    expectFigures('bertambah ke 500 orang pada tahap 2', [{ value: '500', unit: 'orang' }]);
  });

  it('takes list markers only at the start of a line', () => {
    expectFigures('1. Sebanyak 15 orang\n2. Sebanyak 20 orang', [
      { value: '15', unit: 'orang' },
      { value: '20', unit: 'orang' },
    ]);
    expectFigures('jumlahnya 5. Lalu', [{ value: '5', unit: 'none' }]);
  });
});

describe('extractFigures: robustness', () => {
  const paragraphs = [
    'Jumlah Anak Balita Terlantar sebanyak 201.667 orang dan yang mendapatkan bantuan atensi (bantuan dalam bentuk uang) dari dana APBN sebesar Rp.1.600.000/orang sebanyak 126 orang, sedangkan sebanyak 201.511 adalah kewenangan Kabupaten/Kota',
    `sebesar Rp.**9.257.070.000,-** (*${SEMBILAN}*) dan APBD`,
    'interval 70 - 80%. Nomor 9 Tahun 2019 tentang ',
    '1 (satu) sasaran, 3,5 persen, per-Panti Rp.10.000.000 ',
  ];

  it('never throws and keeps raw, offsets and order consistent', () => {
    const pieces = fc.constantFrom(
      '1', '9', '000', '.', ',', ',-', '.-', ' ', '\n', '-', '–', '%', '(', ')', '*', '_', '/', ':', 'Rp', 'Rp.', 'IDR',
      'orang', 'per', 'kepala', 'keluarga', 'satu', 'seratus', 'Milyard', 'Rupiah', 'miliar', 'M', 'persen',
      'Nomor', 'Tahun', '2021', 'Januari', 'Satker_', 'COVID', 'a',
    );
    const prose = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), prose), (text) => {
        const found = extractFigures(text);
        let last = 0;
        for (const f of found) {
          expect(f.raw).toBe(text.slice(f.start, f.end));
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.value.isFinite()).toBe(true);
          expect(f.decimals).toBeGreaterThanOrEqual(0);
          if (f.words) expect(f.words.text).toBe(text.slice(f.words.start, f.words.end));
          last = f.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('handles a 50,000-character paragraph quickly', () => {
    let text = '';
    while (text.length < 50_000) text += paragraphs.join(' ');
    const t0 = Date.now();
    const found = extractFigures(text);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(found.length).toBeGreaterThan(1000);
  });

  it.each([
    ['digits', '1'.repeat(200_000)],
    ['letters', 'a'.repeat(200_000)],
    ['spaces', `1${' '.repeat(200_000)}(satu)`],
    ['dotted', '1.'.repeat(100_000)],
    ['thousands', `1${'.000'.repeat(50_000)}`],
    ['open parentheses', '1 ('.repeat(70_000)],
    ['unclosed words', `1 (${'satu '.repeat(40_000)}`],
    ['words in parentheses', '1 (satu) '.repeat(25_000)],
    ['currency signs', 'Rp.'.repeat(70_000)],
    ['stars', `Rp.${'*'.repeat(200_000)}1`],
    ['per words', 'per-orang Rp.1 '.repeat(15_000)],
    ['codes', 'Satker_1'.repeat(25_000)],
    ['ranges', '1 - '.repeat(50_000)],
    ['dates', '1/'.repeat(100_000)],
  ])('stays linear on %s', (_name, text) => {
    const t0 = Date.now();
    extractFigures(text);
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});
