import Decimal from 'decimal.js';
import fc from 'fast-check';
import { fromWords, toWords } from '../../../src/core/narrative/terbilang';

function read(text: string): { value: string; currency: boolean } | null {
  const r = fromWords(text);
  return r && { value: r.value.toFixed(), currency: r.currency };
}

describe('toWords', () => {
  const cases: Array<[string, string]> = [
    ['0', 'nol'],
    ['1', 'satu'],
    ['2', 'dua'],
    ['11', 'sebelas'],
    ['12', 'dua belas'],
    ['19', 'sembilan belas'],
    ['21', 'dua puluh satu'],
    ['100', 'seratus'],
    ['101', 'seratus satu'],
    ['110', 'seratus sepuluh'],
    ['111', 'seratus sebelas'],
    ['194', 'seratus sembilan puluh empat'],
    ['1000', 'seribu'],
    ['1100', 'seribu seratus'],
    ['21000', 'dua puluh satu ribu'],
    ['1000000', 'satu juta'],
    ['1000001', 'satu juta satu'],
    ['1001000', 'satu juta seribu'],
    ['9257070000', 'sembilan miliar dua ratus lima puluh tujuh juta tujuh puluh ribu'],
    [
      '38177592484',
      'tiga puluh delapan miliar seratus tujuh puluh tujuh juta lima ratus sembilan puluh dua ribu empat ratus delapan puluh empat',
    ],
    ['2500750000000', 'dua triliun lima ratus miliar tujuh ratus lima puluh juta'],
    ['100000000000000', 'seratus triliun'],
    [
      '999999999999999',
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar ' +
        'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu ' +
        'sembilan ratus sembilan puluh sembilan',
    ],
  ];
  it.each(cases)('%s -> %s', (n, words) => {
    expect(toWords(n)).toBe(words);
    expect(toWords(new Decimal(n))).toBe(words);
  });

  it('writes rupiah and sen with currency', () => {
    expect(toWords('2500.50', { currency: true })).toBe('dua ribu lima ratus rupiah lima puluh sen');
    expect(toWords('2500', { currency: true })).toBe('dua ribu lima ratus rupiah');
    expect(toWords('9257070000', { currency: true })).toBe(
      'sembilan miliar dua ratus lima puluh tujuh juta tujuh puluh ribu rupiah',
    );
    expect(toWords('0.05', { currency: true })).toBe('nol rupiah lima sen');
  });

  it('reads a fraction digit by digit after koma without currency', () => {
    expect(toWords('96.82')).toBe('sembilan puluh enam koma delapan dua');
    expect(toWords('2500.05')).toBe('dua ribu lima ratus koma nol lima');
    expect(toWords('3.5')).toBe('tiga koma lima');
  });

  it('throws RangeError outside 0 .. 999 triliun and beyond 2 decimals', () => {
    expect(() => toWords('1000000000000000')).toThrow(RangeError);
    expect(() => toWords(-1)).toThrow(RangeError);
    expect(() => toWords('1.234')).toThrow(RangeError);
    expect(() => toWords(Infinity)).toThrow(RangeError);
    expect(() => toWords('dua')).toThrow(RangeError);
  });
});

describe('fromWords', () => {
  it('reads the seed report phrases', () => {
    expect(read('Sembilan Milyard Dua Ratus Lima Puluh Tujuh Juta Tujuh Puluh Ribu Rupiah')).toEqual({
      value: '9257070000',
      currency: true,
    });
    expect(
      read(
        'Tiga Puluh Delapan Milyard Seratus Tujuh Puluh Tujuh Juta Lima Ratus Sembilan Puluh Dua Ribu Empat Ratus Delapan Puluh Empat Rupiah',
      ),
    ).toEqual({ value: '38177592484', currency: true });
  });

  it('reads counts written in parentheses', () => {
    expect(read('seratus sembilan puluh empat')).toEqual({ value: '194', currency: false });
    expect(read('satu')).toEqual({ value: '1', currency: false });
    expect(read('dua')).toEqual({ value: '2', currency: false });
    expect(read('nol')).toEqual({ value: '0', currency: false });
  });

  it('tolerates real spellings', () => {
    const same: Array<[string, string]> = [
      ['SEMBILAN   MILYARD  dua ratus', '9000000200'],
      ['sembilan milyar', '9000000000'],
      ['sembilan miliar', '9000000000'],
      ['sembilan miliard', '9000000000'],
      ['dua trilyun', '2000000000000'],
      ['dua triliun', '2000000000000'],
      ['seribu', '1000'],
      ['se ribu', '1000'],
      ['satu ribu', '1000'],
      ['seratus', '100'],
      ['se ratus', '100'],
      ['sebelas', '11'],
      ['sepuluh', '10'],
      ['sejuta', '1000000'],
      ['satu juta', '1000000'],
      ['dua-puluh-satu', '21'],
      ['Dua Ribu Rupiah,-', '2000'],
      ['*Sembilan Milyard Rupiah*', '9000000000'],
      ['Sembilan Milyard Rupiah Saja', '9000000000'],
      ['sembilan milyaran', '9000000000'],
    ];
    for (const [text, value] of same) expect(read(text)?.value).toBe(value);
    expect(read('Dua Ribu Rupiah,-')?.currency).toBe(true);
  });

  it('reads the sen part', () => {
    expect(read('dua ribu lima ratus rupiah lima puluh sen')).toEqual({ value: '2500.5', currency: true });
    expect(read('dua ribu lima ratus koma lima puluh')).toEqual({ value: '2500.5', currency: false });
    expect(read('dua ribu lima ratus koma lima puluh rupiah')).toEqual({ value: '2500.5', currency: true });
    expect(read('tiga koma dua lima')).toEqual({ value: '3.25', currency: false });
    expect(read('dua ribu rupiah seratus sen')).toBeNull();
  });

  it('returns null for anything that is not only a number in words', () => {
    for (const text of [
      'dua kursi',
      '',
      '   ',
      'rupiah',
      'saja',
      'ribu',
      'dua dua',
      'tiga ribu dua juta',
      'seribu ribu',
      'dua ratus ratus',
      'satu 2',
      '1.000',
      'kursi roda',
      'dua koma',
      'sen',
      'sekolah',
      'se',
      'lima puluh sen',
    ]) {
      expect(read(text)).toBeNull();
    }
  });
});

describe('toWords and fromWords round-trip', () => {
  it('integers 0 .. 999 triliun', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (n) => {
        const r = fromWords(toWords(n.toString()));
        expect(r?.value.toFixed()).toBe(n.toString());
        expect(r?.currency).toBe(false);
      }),
    );
  });

  it('amounts with 2 decimals, with currency', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999_999_999n }), (cents) => {
        const x = new Decimal(cents.toString()).div(100);
        const r = fromWords(toWords(x, { currency: true }));
        expect(r?.value.eq(x)).toBe(true);
        expect(r?.currency).toBe(true);
      }),
    );
  });

  it('decimals without currency', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999_999_999n }), (cents) => {
        const x = new Decimal(cents.toString()).div(100);
        expect(fromWords(toWords(x))?.value.eq(x)).toBe(true);
      }),
    );
  });

  it('fromWords never throws', () => {
    const vocabulary = fc.constantFrom(
      'se', 'satu', 'dua', 'nol', 'sebelas', 'belas', 'puluh', 'ratus', 'ribu', 'juta', 'milyard', 'triliun',
      'rupiah', 'sen', 'koma', 'saja', '-', ',-', '*', ' ', 'seribu', 'x',
    );
    const wordSoup = fc.array(vocabulary, { maxLength: 20 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), wordSoup), (text) => {
        const r = fromWords(text);
        if (r) expect(r.value.gte(0) && r.value.lt('1e15')).toBe(true);
      }),
    );
  });
});
