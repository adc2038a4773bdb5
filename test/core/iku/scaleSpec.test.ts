import Decimal from 'decimal.js';
import { formatScaleSpec, parseScaleSpec, scaleProblemText } from '../../../src/core/iku/scaleSpec';
import { predikatFor } from '../../../src/core/iku/scales';
import { NTT_SCALE } from '../../fixtures/scales';

const parse = (s: string) => parseScaleSpec(s);

describe('a scale written out', () => {
  it('reads bands highest first, > as an exclusive minimum, decimal commas and % signs', () => {
    const r = parse('85 = Sangat Berhasil; 70=Berhasil;\n>55,5% = Cukup Berhasil ; 0=Belum Berhasil');
    expect('scale' in r && r.scale.bands).toEqual([
      { min: '85', label: 'Sangat Berhasil' },
      { min: '70', label: 'Berhasil' },
      { min: '55.5', lowerExclusive: true, label: 'Cukup Berhasil' },
      { min: '0', label: 'Belum Berhasil' },
    ]);
  });

  it('judges like the printed ranges: 55 < X < 70 is Cukup Berhasil, 55 itself is not', () => {
    const r = parse(NTT_SCALE);
    if (!('scale' in r)) throw new Error('should parse');
    expect(predikatFor(new Decimal(55), r.scale)).toBe('Belum Berhasil');
    expect(predikatFor(new Decimal('55.01'), r.scale)).toBe('Cukup Berhasil');
    expect(predikatFor(new Decimal(70), r.scale)).toBe('Berhasil');
  });

  it('writes back what it reads', () => {
    const r = parse(NTT_SCALE);
    if (!('scale' in r)) throw new Error('should parse');
    expect(formatScaleSpec(r.scale)).toBe(NTT_SCALE);
  });

  it.each([
    ['85=A', 'too-few', /sedikitnya 2 predikat/],
    ['85=A; 70 Berhasil', 'syntax', /ke-2 \("70 Berhasil"\) tidak memakai bentuk nilai=predikat/],
    ['85=A; tujuh=B', 'not-number', /ke-2 \("tujuh"\) bukan angka/],
    ['85=A; 70=', 'empty-label', /ke-2 tidak bernama/],
    ['85=Baik; 70=baik', 'repeat-label', /"baik" tertulis dua kali \(ke-1 dan ke-2\)/],
    ['70=A; 85=B', 'order', /ke-2 \(85\) harus lebih kecil dari predikat di atasnya \(70\)/],
  ])('%p is refused (%s) with a message saying how to write it', (spec, code, message) => {
    const r = parse(spec);
    if (!('problem' in r)) throw new Error('should be refused');
    expect(r.problem.code).toBe(code);
    expect(scaleProblemText(r.problem, 'id')).toMatch(message);
    expect(scaleProblemText(r.problem, 'en').length).toBeGreaterThan(10);
  });
});
