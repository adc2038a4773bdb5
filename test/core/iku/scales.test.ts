import Decimal from 'decimal.js';
import { computeCapaian } from '../../../src/core/iku/capaian';
import { customScale, predikatFor, resolveScale, samePredikat, SCALE_PRESETS } from '../../../src/core/iku/scales';
import type { PredikatScale } from '../../../src/core/model';
import { FLOTIM, NTT, NTT_SCALE } from '../../fixtures/scales';

const label = (capaian: Decimal.Value, scale: PredikatScale) => predikatFor(new Decimal(capaian), scale);

describe('the NTT sample report\'s scale, written out', () => {
  const scale = NTT;
  it.each([
    ['-20', 'Belum Berhasil'],
    ['0', 'Belum Berhasil'],
    ['54.99', 'Belum Berhasil'],
    ['55', 'Belum Berhasil'],
    ['55.01', 'Cukup Berhasil'],
    ['69.99', 'Cukup Berhasil'],
    ['70', 'Berhasil'],
    ['84.99', 'Berhasil'],
    ['85', 'Sangat Berhasil'],
    ['100', 'Sangat Berhasil'],
    ['133.33', 'Sangat Berhasil'],
  ])('%s => %s', (x, expected) => {
    expect(label(x, scale)).toBe(expected);
  });

  it('does not round before comparing', () => {
    expect(label('55.0000000001', scale)).toBe('Cukup Berhasil');
    expect(label('84.9999999999', scale)).toBe('Berhasil');
  });
});

describe('the Flores Timur sample report\'s scale, written out', () => {
  const scale = FLOTIM;
  it.each([
    ['0', 'Tidak Berhasil'],
    ['59.99', 'Tidak Berhasil'],
    ['60', 'Kurang Berhasil'],
    ['69.99', 'Kurang Berhasil'],
    ['70', 'Cukup Berhasil'],
    ['79.99', 'Cukup Berhasil'],
    // Shared boundaries of "80 s/d 90" and "90 s/d 100" go to the band they start.
    ['80', 'Berhasil'],
    ['89.99', 'Berhasil'],
    ['90', 'Sangat Berhasil'],
    ['100', 'Sangat Berhasil'],
    ['133', 'Sangat Berhasil'],
  ])('%s => %s', (x, expected) => {
    expect(label(x, scale)).toBe(expected);
  });
});

describe('permenpan-5', () => {
  const scale = SCALE_PRESETS['permenpan-5'];
  it.each([
    ['0', 'Sangat Rendah'],
    ['50', 'Sangat Rendah'],
    // Between the printed ranges (50 | 51): the lower band.
    ['50.5', 'Sangat Rendah'],
    ['51', 'Rendah'],
    ['65', 'Rendah'],
    ['65.5', 'Rendah'],
    ['66', 'Sedang'],
    ['75', 'Sedang'],
    ['75.9', 'Sedang'],
    ['76', 'Tinggi'],
    ['90', 'Tinggi'],
    ['90.5', 'Tinggi'],
    ['91', 'Sangat Tinggi'],
    ['100', 'Sangat Tinggi'],
  ])('%s => %s', (x, expected) => {
    expect(label(x, scale)).toBe(expected);
  });
});

describe('Flores Timur 2020 IKU rows under every preset', () => {
  // Tabel 3.1 IKU: target / realisasi, both in percent.
  const rows: Array<[string, string]> = [
    ['6.25', '3.2'],
    ['6.25', '3.2'],
    ['65.45', '33'],
    ['85.35', '60'],
    ['45', '60'],
    ['0.3', '0'],
    ['100', '100'],
    ['100', '100'],
    ['5.24', '3.5'],
  ];
  const capaian = rows.map(([t, r]) => {
    const c = computeCapaian(new Decimal(t), new Decimal(r), 'positive');
    if (!c.ok) throw new Error('target zero in fixture');
    return c.value;
  });

  it('ntt-4', () => {
    expect(capaian.map((c) => predikatFor(c, NTT))).toEqual([
      'Belum Berhasil', // 51.2
      'Belum Berhasil', // 51.2
      'Belum Berhasil', // 50.42
      'Berhasil', // 70.30
      'Sangat Berhasil', // 133.33
      'Belum Berhasil', // 0
      'Sangat Berhasil', // 100
      'Sangat Berhasil', // 100
      'Cukup Berhasil', // 66.79
    ]);
  });

  it('flotim-5', () => {
    expect(capaian.map((c) => predikatFor(c, FLOTIM))).toEqual([
      'Tidak Berhasil',
      'Tidak Berhasil',
      'Tidak Berhasil',
      'Cukup Berhasil',
      'Sangat Berhasil',
      'Tidak Berhasil',
      'Sangat Berhasil',
      'Sangat Berhasil',
      'Kurang Berhasil',
    ]);
  });

  it('permenpan-5', () => {
    expect(capaian.map((c) => predikatFor(c, SCALE_PRESETS['permenpan-5']))).toEqual([
      'Rendah',
      'Rendah',
      'Sangat Rendah',
      'Sedang',
      'Sangat Tinggi',
      'Sangat Rendah',
      'Sangat Tinggi',
      'Sangat Tinggi',
      'Sedang',
    ]);
  });
});

describe('resolveScale', () => {
  it('has no default: without a chosen scale predikat is not judged', () => {
    expect(resolveScale(undefined)).toBeUndefined();
  });

  it('keeps the old id of the RKPD scale for settings saved in workbooks', () => {
    expect(resolveScale('permenpan-5')).toBe(SCALE_PRESETS['rkpd-5']);
  });

  it('finds presets by id, forgiving case and spaces', () => {
    expect(resolveScale(' PERMENPAN-5 ')).toBe(SCALE_PRESETS['permenpan-5']);
    expect(resolveScale('Rkpd-5')).toBe(SCALE_PRESETS['rkpd-5']);
  });

  it('names the valid ids and the written-out form when the id is unknown; offices\' scales are not presets', () => {
    expect(() => resolveScale('ntt-4')).toThrow(/Unknown predikat scale 'ntt-4'.*rkpd-5, permenpan-5, or the bands written out/);
    expect(() => resolveScale('')).toThrow(/rkpd-5, permenpan-5/);
  });

  it('reads a scale written out, and says in English what is wrong with a bad one', () => {
    expect(resolveScale(NTT_SCALE)).toEqual(NTT);
    expect(() => resolveScale('85=A; 90=B')).toThrow(/band 2 \(90\) must be lower than the band above \(85\)/);
  });

  it('accepts a valid custom scale and keeps its id', () => {
    const scale: PredikatScale = {
      id: 'kab-x',
      name: 'Kabupaten X',
      bands: [
        { min: 90, label: 'A' },
        { min: 75, label: 'B' },
        { min: 0, label: 'C' },
      ],
    };
    const resolved = resolveScale(scale)!;
    expect(resolved.id).toBe('kab-x');
    expect(resolved.bands.map((b) => b.label)).toEqual(['A', 'B', 'C']);
    expect(label('75', resolved)).toBe('B');
  });

  it('rejects a malformed custom scale', () => {
    expect(() => resolveScale({ id: 'x', name: 'X', bands: [{ min: 1, label: 'A' }] })).toThrow(/at least 2 bands/);
  });

  it('every preset passes custom-scale validation', () => {
    for (const preset of Object.values(SCALE_PRESETS)) {
      expect(resolveScale({ ...preset })).toEqual(preset);
    }
  });
});

describe('samePredikat', () => {
  it.each([
    ['Sangat Berhasil', 'Sangat Berhasil'],
    ['Sangat berhasil', 'Sangat Berhasil'],
    ['SANGAT BERHASIL', 'Sangat Berhasil'],
    ['Cukup  Berhasil', 'Cukup Berhasil'],
    [' Berhasil ', 'Berhasil'],
    ['Sangat\u00a0Berhasil', 'Sangat Berhasil'],
    ['Sangat\nBerhasil', 'Sangat Berhasil'],
    ['SangatBerhasil', 'Sangat Berhasil'],
  ])('%j names %j', (typed, bandLabel) => {
    expect(samePredikat(typed, bandLabel)).toBe(true);
  });

  it.each([
    ['Berhasil', 'Sangat Berhasil'],
    ['Sangat Berhasil', 'Berhasil'],
    ['Kurang Berhasil', 'Tidak Berhasil'],
    ['', 'Berhasil'],
    ['Berhasil.', 'Berhasil'],
  ])('%j does not name %j', (typed, bandLabel) => {
    expect(samePredikat(typed, bandLabel)).toBe(false);
  });
});

describe('customScale', () => {
  it('builds a scale from user bands', () => {
    const scale = customScale('Skala Dinas', [
      { min: 90, label: 'A' },
      { min: '75.5', label: 'B' },
      { min: new Decimal(60), lowerExclusive: true, label: 'C' },
      { min: 0, label: 'D' },
    ]);
    expect(scale.id).toBe('custom');
    expect(scale.name).toBe('Skala Dinas');
    expect(label('90', scale)).toBe('A');
    expect(label('75.5', scale)).toBe('B');
    expect(label('75.49', scale)).toBe('C');
    expect(label('60', scale)).toBe('D');
    expect(label('-5', scale)).toBe('D');
  });

  it('trims labels and falls back to a name', () => {
    const scale = customScale('  ', [
      { min: 50, label: ' Lulus ' },
      { min: 0, label: 'Tidak Lulus' },
    ]);
    expect(scale.name).toBe('Custom');
    expect(scale.bands[0].label).toBe('Lulus');
  });

  it('needs at least 2 bands', () => {
    expect(() => customScale('x', [])).toThrow(/at least 2 bands, got 0/);
    expect(() => customScale('x', [{ min: 0, label: 'A' }])).toThrow(/at least 2 bands, got 1/);
  });

  it('needs strictly decreasing mins', () => {
    expect(() =>
      customScale('x', [
        { min: 75, label: 'B' },
        { min: 90, label: 'A' },
      ]),
    ).toThrow(/Band 2 \('A'\): min 90 must be lower than the band above \(75\)/);
    expect(() =>
      customScale('x', [
        { min: 70, label: 'A' },
        { min: 70, lowerExclusive: true, label: 'B' },
      ]),
    ).toThrow(/must be lower/);
  });

  it('needs numeric mins', () => {
    expect(() =>
      customScale('x', [
        { min: 'sembilan puluh', label: 'A' },
        { min: 0, label: 'B' },
      ]),
    ).toThrow(/Band 1: min 'sembilan puluh' is not a number/);
    expect(() =>
      customScale('x', [
        { min: Infinity, label: 'A' },
        { min: 0, label: 'B' },
      ]),
    ).toThrow(/not a finite number/);
  });

  it('needs non-empty labels', () => {
    expect(() =>
      customScale('x', [
        { min: 90, label: 'A' },
        { min: 0, label: '   ' },
      ]),
    ).toThrow(/Band 2: label is empty/);
  });

  it('needs labels that samePredikat can tell apart', () => {
    expect(() =>
      customScale('x', [
        { min: 90, label: 'Baik' },
        { min: 50, label: 'BAIK' },
        { min: 0, label: 'Kurang' },
      ]),
    ).toThrow(/Band 2: label 'BAIK' repeats band 1/);
  });
});
