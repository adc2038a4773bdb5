import Decimal from 'decimal.js';
import { formatNumber, parseNumberText, NumberHint, ParsedNumber } from '../../../src/core/numbers/parse';

interface Expect {
  value: string;
  style?: ParsedNumber['style'];
  decimals?: number;
  percent?: boolean;
  currency?: boolean;
  negative?: boolean;
  ambiguous?: boolean;
  alternative?: string;
}

function num(text: string, hint?: NumberHint): ParsedNumber {
  const r = parseNumberText(text, hint);
  if (r === null || r.kind !== 'number') throw new Error(`expected a number from ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return r;
}

function check(text: string, hint: NumberHint, e: Expect): void {
  const r = num(text, hint);
  expect(r.value.toString()).toBe(e.value);
  expect(r.decimals).toBe(e.decimals ?? 0);
  expect(r.percent).toBe(e.percent ?? false);
  expect(r.currency).toBe(e.currency ?? false);
  expect(r.negative).toBe(e.negative ?? false);
  expect(r.ambiguous).toBe(e.ambiguous ?? false);
  expect(r.alternative?.toString()).toBe(e.alternative);
  if (e.style) expect(r.style).toBe(e.style);
}

describe('parseNumberText: real report values', () => {
  const cases: Array<[string, NumberHint, Expect]> = [
    ['6.353.928.630,80', undefined, { value: '6353928630.8', decimals: 2, style: 'id' }],
    ['79,13', undefined, { value: '79.13', decimals: 2, style: 'id' }],
    ['78.94', undefined, { value: '78.94', decimals: 2, style: 'plain' }],
    ['Rp.9.257.070.000,-', undefined, { value: '9257070000', currency: true, style: 'id' }],
    ['Rp. 6.353.928.630,80', undefined, { value: '6353928630.8', decimals: 2, currency: true, style: 'id' }],
    ['Rp 1.600.000', undefined, { value: '1600000', currency: true, style: 'id' }],
    ['rp1.600.000', undefined, { value: '1600000', currency: true }],
    ['RP. 1.600.000', undefined, { value: '1600000', currency: true }],
    ['IDR 5.000', undefined, { value: '5000', currency: true, style: 'id' }],
    ['idr5.000', undefined, { value: '5000', currency: true }],
    ['Rp 1.595', 'decimal', { value: '1595', currency: true }],
    ['5.000,-', undefined, { value: '5000', style: 'id' }],
    ['5,000.-', undefined, { value: '5000', style: 'en' }],
    ['5.000.000.-', undefined, { value: '5000000' }],
    ['6,25%', undefined, { value: '6.25', decimals: 2, percent: true, style: 'id' }],
    ['6,25 %', undefined, { value: '6.25', decimals: 2, percent: true }],
    ['% 6,25', undefined, { value: '6.25', decimals: 2, percent: true }],
    ['%6,25', undefined, { value: '6.25', decimals: 2, percent: true }],
    ['3,2%', undefined, { value: '3.2', decimals: 1, percent: true }],
    ['100%', undefined, { value: '100', percent: true, style: 'plain' }],
    ['12.5 persen', undefined, { value: '12.5', decimals: 1, percent: true }],
    ['12,5Persen', undefined, { value: '12.5', decimals: 1, percent: true }],
    ['0,3', undefined, { value: '0.3', decimals: 1 }],
    ['0,300', undefined, { value: '0.3', decimals: 3, style: 'id' }],
    ['0.300', undefined, { value: '0.3', decimals: 3 }],
    ['45', undefined, { value: '45', style: 'plain' }],
    ['33', 'integer', { value: '33' }],
    ['1234567', undefined, { value: '1234567', style: 'plain' }],
    ['1234567.89', undefined, { value: '1234567.89', decimals: 2, style: 'plain' }],
    ['-5', undefined, { value: '-5', negative: true }],
    ['\u22125', undefined, { value: '-5', negative: true }],
    ['\u20135', undefined, { value: '-5', negative: true }],
    ['- 5', undefined, { value: '-5', negative: true }],
    ['+12', undefined, { value: '12' }],
    ['-0', undefined, { value: '0', negative: true }],
    ['-6,25%', undefined, { value: '-6.25', decimals: 2, percent: true, negative: true }],
    ['Rp -1.600.000', undefined, { value: '-1600000', currency: true, negative: true }],
    ['-Rp 1.600.000', undefined, { value: '-1600000', currency: true, negative: true }],
    ['(1.234)', 'integer', { value: '-1234', negative: true, style: 'id' }],
    ['(1.234)', 'decimal', { value: '-1.234', negative: true, decimals: 3 }],
    ['(1.234)', undefined, { value: '-1234', negative: true, ambiguous: true, alternative: '-1.234' }],
    ['(1.234.567)', undefined, { value: '-1234567', negative: true }],
    ['(Rp 1.234)', undefined, { value: '-1234', negative: true, currency: true }],
    ['Rp (1.234)', undefined, { value: '-1234', negative: true, currency: true }],
    ['( 79,13 )', undefined, { value: '-79.13', decimals: 2, negative: true }],
    [' 1.595 ', 'integer', { value: '1595' }],
    ['\u00a01.595\u00a0', 'integer', { value: '1595' }],
    ['\u202f\t1.595\n', 'integer', { value: '1595' }],
    ['1 595 000', undefined, { value: '1595000' }],
    ['1\u00a0595\u00a0000', undefined, { value: '1595000' }],
    ['1\u202f595\u202f000,50', undefined, { value: '1595000.5', decimals: 2, style: 'id' }],
    ['1 595.5', undefined, { value: '1595.5', decimals: 1, style: 'en' }],
    ['1 595', undefined, { value: '1595' }],
    ['1.595.000', undefined, { value: '1595000', style: 'id' }],
    ['1,595,000', undefined, { value: '1595000', style: 'en' }],
    ['1,595,000', 'decimal', { value: '1595000', style: 'en' }],
    ['1,234.56', undefined, { value: '1234.56', decimals: 2, style: 'en' }],
    ['1.234,56', undefined, { value: '1234.56', decimals: 2, style: 'id' }],
    ['1,595.000', undefined, { value: '1595', decimals: 3, style: 'en' }],
    ['1.234,5678', undefined, { value: '1234.5678', decimals: 4 }],
    ['1234.567', undefined, { value: '1234.567', decimals: 3 }],
    ['1234,567', 'integer', { value: '1234.567', decimals: 3 }],
    ['01.595', undefined, { value: '1.595', decimals: 3 }],
    ['6,2500', undefined, { value: '6.25', decimals: 4 }],
    ['.5', undefined, { value: '0.5', decimals: 1, style: 'plain' }],
    [',5', undefined, { value: '0.5', decimals: 1, style: 'id' }],
    ['-,5', undefined, { value: '-0.5', decimals: 1, negative: true }],
    ['0', undefined, { value: '0' }],
    ['007', undefined, { value: '7' }],
    ['999999999999999999.99', undefined, { value: '999999999999999999.99', decimals: 2 }],
  ];
  it.each(cases)('%j (hint %s)', (text, hint, e) => check(text, hint, e));
});

describe('parseNumberText: a single separator followed by three digits', () => {
  const cases: Array<[string, NumberHint, Expect]> = [
    ['1.595', undefined, { value: '1595', style: 'id', ambiguous: true, alternative: '1.595' }],
    ['1.595', 'integer', { value: '1595', style: 'id' }],
    ['1.595', 'decimal', { value: '1.595', decimals: 3, style: 'plain' }],
    ['201,667', undefined, { value: '201667', style: 'en', ambiguous: true, alternative: '201.667' }],
    ['201,667', 'integer', { value: '201667', style: 'en' }],
    ['201,667', 'decimal', { value: '201.667', decimals: 3, style: 'id' }],
    ['-1.595', undefined, { value: '-1595', negative: true, ambiguous: true, alternative: '-1.595' }],
    ['1.595%', undefined, { value: '1595', percent: true, ambiguous: true, alternative: '1.595' }],
    ['1.595%', 'decimal', { value: '1.595', decimals: 3, percent: true }],
    ['999.999', undefined, { value: '999999', ambiguous: true, alternative: '999.999' }],
    ['1.000', undefined, { value: '1000', ambiguous: true, alternative: '1' }],
  ];
  it.each(cases)('%j (hint %s)', (text, hint, e) => check(text, hint, e));

  it('is not ambiguous when the integer part is zero', () => {
    expect(num('0,300').ambiguous).toBe(false);
    expect(num('0.125').value.toString()).toBe('0.125');
  });

  it('is settled by a currency mark or the ",-" suffix, whatever the hint', () => {
    expect(num('Rp 1.595', 'decimal').ambiguous).toBe(false);
    expect(num('Rp 1.595').value.toString()).toBe('1595');
    expect(num('1.595,-').value.toString()).toBe('1595');
    expect(num('1.595,-').ambiguous).toBe(false);
  });

  it('leaves alternative undefined when not ambiguous', () => {
    expect(num('1.595', 'integer').alternative).toBeUndefined();
    expect(num('79,13').alternative).toBeUndefined();
  });
});

describe('parseNumberText: dashes', () => {
  it.each(['-', '\u2013', '\u2014', '\u2212', ' - ', '\u00a0\u2014\u00a0'])('%j is a dash', (text) => {
    expect(parseNumberText(text)).toEqual({ kind: 'dash' });
  });
  it.each(['--', '- -', '(-)', 'Rp -', 'Rp. -', '+', '-%'])('%j is not a dash', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe('parseNumberText: not a number', () => {
  const rejects = [
    '', '   ', '\u00a0', 'APBN', 'Baik', 'abc 12', '12 abc', '1 06 01 01', '126 orang', 'Tahun 2021',
    'Rp.1.600.000/orang', '1e3', '1E3', '1.5e3', 'NaN', 'Infinity', '0x10',
    '1.23.4', '12,34,567', '1,2,3', '1.595,000,5', '1,595.000,5', '1.595 000', '1 5', '45 33',
    '1,234.567.8', '.5.000', ',5.5', '0.300.000', '01.595.000',
    '5.000.', '5,', '.', ',', '%', 'Rp', 'persen', '()', '(5', '5)', ')5(', '(-5)', '(+5)',
    '--5', '-+5', '5-', '5 -', '5%%', '% 5 %', 'Rp 5%', '5 persen %', 'Rp Rp 5', 'IDR Rp 5', '5 Rp',
    '79,13,-', '5.000,50,-', '5%,-', '5.000 ,-', ',-', '5,--',
    '1/2', '5:00', '#DIV/0!', '#N/A', '1\u200b000', '\uff15', '5\u0000', '\u00005', '12\ud83d\ude00',
    '٣', 'Rp.-', '5 5 5',
  ];
  it.each(rejects)('%j', (text) => {
    expect(parseNumberText(text)).toBeNull();
    expect(parseNumberText(text, 'integer')).toBeNull();
    expect(parseNumberText(text, 'decimal')).toBeNull();
  });

  it('returns null for non-string input from untyped callers', () => {
    expect(parseNumberText(undefined as unknown as string)).toBeNull();
    expect(parseNumberText(12 as unknown as string)).toBeNull();
  });
});

describe('parseNumberText: long inputs stay linear', () => {
  const n = 32_768;
  const inputs: Array<[string, string]> = [
    ['digits', '9'.repeat(n)],
    ['dot groups', '1' + '.000'.repeat(n / 4)],
    ['dot groups with a bad tail', '1' + '.000'.repeat(n / 4) + '.00'],
    ['alternating separators', '1.2,'.repeat(n / 4)],
    ['spaces between digits', '1 '.repeat(n / 2)],
    ['spaces', ' '.repeat(n)],
    ['dashes', '-'.repeat(n)],
    ['percent signs', '%'.repeat(n)],
    ['letters', 'rp'.repeat(n / 2)],
    ['parentheses', '('.repeat(n / 2) + '1' + ')'.repeat(n / 2)],
    ['emoji', '\ud83d\ude00'.repeat(n / 2)],
  ];
  it.each(inputs)('%s', (_, text) => {
    const start = Date.now();
    for (const hint of [undefined, 'integer', 'decimal'] as const) parseNumberText(text, hint);
    expect(Date.now() - start).toBeLessThan(500);
  });

  it('reads a long grouped number exactly', () => {
    const r = num('1' + '.000'.repeat(1000));
    expect(r.value.equals(new Decimal(10).pow(3000))).toBe(true);
  });
});

describe('formatNumber', () => {
  const cases: Array<[Decimal.Value, 'id' | 'en', number, string]> = [
    ['6353928630.8', 'id', 2, '6.353.928.630,80'],
    ['6353928630.8', 'en', 2, '6,353,928,630.80'],
    [1595, 'id', 0, '1.595'],
    [1595, 'en', 0, '1,595'],
    [123, 'id', 0, '123'],
    [0, 'id', 2, '0,00'],
    ['-1234567.891', 'id', 2, '-1.234.567,89'],
    ['2.5', 'id', 0, '3'],
    ['-2.5', 'id', 0, '-3'],
    ['0.125', 'en', 2, '0.13'],
    ['-0.001', 'id', 2, '0,00'],
    ['999.995', 'en', 2, '1,000.00'],
    ['1e21', 'id', 0, '1.000.000.000.000.000.000.000'],
    [new Decimal('79.13'), 'id', 1, '79,1'],
  ];
  it.each(cases)('%j as %s with %d decimals', (value, style, d, out) => {
    expect(formatNumber(value, style, d)).toBe(out);
  });

  it('rejects a bad decimals count', () => {
    expect(() => formatNumber(1, 'id', -1)).toThrow(RangeError);
    expect(() => formatNumber(1, 'id', 1.5)).toThrow(RangeError);
  });
});
