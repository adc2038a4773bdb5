import Decimal from 'decimal.js';
import fc from 'fast-check';
import { computeCapaian, guessPolarity, Polarity } from '../../../src/core/iku/capaian';

const d = (v: Decimal.Value) => new Decimal(v);

function capaian(target: Decimal.Value, realisasi: Decimal.Value, polarity: Polarity = 'positive'): Decimal {
  const r = computeCapaian(d(target), d(realisasi), polarity);
  if (!r.ok) throw new Error(`unexpected ${r.reason}`);
  return r.value;
}

// LKjIP Dinas Sosial Flores Timur 2020, Tabel 3.1 IKU (target / realisasi, percent).
const FLOTIM_IKU: Array<[string, string, string]> = [
  ['Persentase PMKS yang memperoleh bantuan sosial', '6.25', '3.2'],
  ['Persentase PMKS yang tertangani', '6.25', '3.2'],
  ['Persentase PMKS skala yang memperoleh bantuan sosial untuk pemenuhan kebutuhan dasar', '65.45', '33'],
  [
    'Persentase panti sosial yang menerima program pemberdayaan sosial melalui kelompok usaha bersama (KUBE) atau kelompok sosial ekonomi sejenis lainnya',
    '85.35',
    '60',
  ],
  ['Persentase panti sosial yang menyediakan sarana prasarana pelayanan kesehatan sosial', '45', '60'],
  [
    'Persentase wahana kesejahteraan sosial berbasis masyarakat (WKBSM) yang menyediakan sarana prasarana pelayanan kesejahteraan sosial',
    '0.3',
    '0',
  ],
  ['Persentase korban bencana yang menerima bantuan sosial selama masa tanggap darurat', '100', '100'],
  ['Persentase korban bencana yang dievakuasi dengan menggunakan sarana prasarana tanggap darurat lengkap', '100', '100'],
  [
    'Persentase penyandang cacat fisik dan mental, serta lanjut usia tidak potensial yang telah menerima jaminan sosial',
    '5.24',
    '3.5',
  ],
];

describe('computeCapaian, positive', () => {
  it('computes the Flores Timur IKU rows', () => {
    const got = FLOTIM_IKU.map(([, t, r]) => capaian(t, r).toDecimalPlaces(2).toString());
    expect(got).toEqual(['51.2', '51.2', '50.42', '70.3', '133.33', '0', '100', '100', '66.79']);
  });

  it('is exact where the division terminates', () => {
    expect(capaian('6.25', '3.2').toString()).toBe('51.2');
    expect(capaian('0.3', '0').toString()).toBe('0');
    expect(capaian('100', '100').toString()).toBe('100');
  });

  it('keeps full precision for repeating results', () => {
    expect(capaian('45', '60').toString()).toBe('133.33333333333333333');
    expect(capaian('65.45', '33').toSignificantDigits(6).toString()).toBe('50.4202');
    expect(capaian('85.35', '60').toSignificantDigits(6).toString()).toBe('70.2988');
    expect(capaian('5.24', '3.5').toSignificantDigits(6).toString()).toBe('66.7939');
  });
});

describe('computeCapaian, negative (lower is better)', () => {
  it('rewards a realisasi below target', () => {
    expect(capaian(10, 8, 'negative').toString()).toBe('120');
  });

  it('penalises a realisasi above target', () => {
    expect(capaian(10, 12, 'negative').toString()).toBe('80');
  });

  it('is 100 on target and can go below zero', () => {
    expect(capaian(10, 10, 'negative').toString()).toBe('100');
    expect(capaian(10, 25, 'negative').toString()).toBe('-50');
  });
});

describe('computeCapaian, target zero', () => {
  it.each<[Polarity, Decimal.Value]>([
    ['positive', 0],
    ['positive', 5],
    ['negative', 0],
    ['negative', 5],
  ])('%s with realisasi %s', (polarity, realisasi) => {
    expect(computeCapaian(d(0), d(realisasi), polarity)).toEqual({ ok: false, reason: 'target-zero' });
  });

  it('treats -0 as zero', () => {
    expect(computeCapaian(d('-0'), d(1), 'positive')).toEqual({ ok: false, reason: 'target-zero' });
  });
});

describe('computeCapaian, properties', () => {
  // Decimals with up to 6 places, as percent or absolute values appear in reports.
  const amount = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
    .map(([units, places]) => new Decimal(units.toString()).div(new Decimal(10).pow(places)));
  const nonZero = amount.filter((x) => !x.isZero());
  // 2^a * 5^b * 10^-k: dividing by these always terminates, so the round trip must be exact.
  const terminatingTarget = fc
    .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }))
    .map(([a, b, k]) => new Decimal(2).pow(a).times(new Decimal(5).pow(b)).div(new Decimal(10).pow(k)));

  const saved = Decimal.precision;
  beforeAll(() => {
    Decimal.set({ precision: 60 });
  });
  afterAll(() => {
    Decimal.set({ precision: saved });
  });

  it('positive capaian x target / 100 == realisasi, exactly, for terminating targets', () => {
    fc.assert(
      fc.property(terminatingTarget, amount, (target, realisasi) => {
        const r = computeCapaian(target, realisasi, 'positive');
        expect(r.ok && r.value.times(target).div(100).eq(realisasi)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('positive capaian x target / 100 == realisasi to 50 significant digits for any target', () => {
    fc.assert(
      fc.property(nonZero, amount, (target, realisasi) => {
        const r = computeCapaian(target, realisasi, 'positive');
        const back = r.ok ? r.value.times(target).div(100) : null;
        expect(back?.toSignificantDigits(50).eq(realisasi)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('positive and negative capaian are mirror images around 100', () => {
    fc.assert(
      fc.property(terminatingTarget, amount, (target, realisasi) => {
        const pos = computeCapaian(target, realisasi, 'positive');
        const neg = computeCapaian(target, realisasi, 'negative');
        expect(pos.ok && neg.ok && pos.value.plus(neg.value).eq(200)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('guessPolarity', () => {
  it.each(FLOTIM_IKU.map(([name]) => name))('Flores Timur IKU is positive: %s', (name) => {
    expect(guessPolarity(name)).toBe('positive');
  });

  it.each([
    // LKjIP Dinas Sosial NTT 2021: about access to social protection, so higher is better.
    'Persentase Penduduk Miskin, KAT kelompok Rentan dan PMKS Lainnya Yang Terakses Perlindungan Sosial',
    'Presentase Penduduk Miskin, KAT kelompok Rentan dan PMKS Lainnya Yang Terakses Perlindungan Sosial',
    'Persentase Pencapaian SPM Sosial',
  ])('NTT indicator is positive: %s', (name) => {
    expect(guessPolarity(name)).toBe('positive');
  });

  it.each([
    'Persentase penduduk miskin',
    'Prosentase Penduduk Miskin',
    'Jumlah penduduk miskin',
    'Angka kemiskinan',
    'Tingkat Kemiskinan',
    'Tingkat Pengangguran Terbuka',
    'Prevalensi stunting pada balita',
    'Jumlah kasus kekerasan terhadap perempuan dan anak',
    'Menurunnya jumlah PMKS',
    'Penurunan angka kemiskinan',
    'Berkurangnya jumlah gelandangan dan pengemis',
    'ANGKA   KEMISKINAN',
  ])('lower is better: %s', (name) => {
    expect(guessPolarity(name)).toBe('negative');
  });

  it.each([
    'Persentase penduduk miskin yang menerima bantuan sosial',
    'Persentase penduduk miskin yang memperoleh jaminan kesehatan',
    'Jumlah kasus kekerasan yang tertangani',
    'Jumlah kasus yang ditangani',
    'Cakupan penanganan penduduk miskin',
    'Persentase penurunan jumlah PMKS',
  ])('reach or size-of-decrease wording stays positive: %s', (name) => {
    expect(guessPolarity(name)).toBe('positive');
  });

  it('defaults to positive when nothing says otherwise', () => {
    // 'turun' alone (e.g. aid handed down) is not 'menurun'.
    expect(guessPolarity('Jumlah bantuan yang turun tepat waktu')).toBe('positive');
    expect(guessPolarity('Indeks kepuasan masyarakat')).toBe('positive');
    expect(guessPolarity('')).toBe('positive');
  });
});
