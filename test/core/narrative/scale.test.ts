import { scaleFromWorkbook } from '../../../src/core/iku/scaleFromWorkbook';
import { predikatFor } from '../../../src/core/iku/scales';
import Decimal from 'decimal.js';
import { book, sheet } from '../helpers/sheet';

describe('the rating scale kept in the workbook', () => {
  it('reads "90 s/d 100 | Sangat Berhasil" ... "< 60 | Tidak Berhasil"', () => {
    const s = scaleFromWorkbook(
      book(
        sheet('Skala', [
          ['Skala Pengukuran Ordinal', 'Kategori'],
          ['90 s/d 100', 'Sangat Berhasil'],
          ['80 s/d 90', 'Berhasil'],
          ['70 s/d 80', 'Cukup Berhasil'],
          ['60 s/d 70', 'Kurang Berhasil'],
          ['< 60', 'Tidak Berhasil'],
        ]),
      ),
    )!;
    expect(s.bands.map((b) => `${b.min}:${b.label}`)).toEqual(['90:Sangat Berhasil', '80:Berhasil', '70:Cukup Berhasil', '60:Kurang Berhasil', '0:Tidak Berhasil']);
    expect(s.name).toContain('Skala');
    expect(['95', '80', '69.25', '12'].map((v) => predikatFor(new Decimal(v), s))).toEqual(['Sangat Berhasil', 'Berhasil', 'Kurang Berhasil', 'Tidak Berhasil']);
  });

  it('finds nothing in a workbook without one', () => {
    expect(scaleFromWorkbook(book(sheet('Data', [['No', 'Nilai'], [1, 2]])))).toBeUndefined();
  });
});
