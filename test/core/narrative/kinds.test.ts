import { claimKind } from '../../../src/core/narrative/kinds';
import { findPhrase, sameWord, sentences } from '../../../src/core/narrative/text';

describe('claimKind: what a figure says, from the words around it', () => {
  it.each([
    ['Jumlah Anak Balita Terlantar sebanyak ', ' orang dan', 'orang', 'populasi'],
    ['sedangkan sebanyak ', ' adalah kewenangan Kabupaten/Kota', 'none', 'kewenangan-kab'],
    ['Sedangkan ', ' orang di luar panti adalah kewenangan Kabupaten/kota.', 'orang', 'kewenangan-kab'],
    ['Yang ditangani tahun 2021 yang menjadi kewenangan Provinsi sebanyak ', ' orang', 'orang', 'kewenangan-prov'],
    ['Sehingga total yang ditangani sebanyak ', ' orang.', 'orang', 'ditangani'],
    ['. Sehingga masih ada ', ' orang yang belum mendapatkan pelayanan.', 'orang', 'belum'],
    [' dan realisasi ', ' atau', 'rupiah', 'realisasi'],
    [',- atau ', ' dan', 'percent', 'percent'],
    ['didukung dengan Dana APBN sebesar ', ' dan', 'rupiah', 'anggaran'],
    ['dari target ', ', hasil', 'percent', 'target'],
    [', hasil yang diperoleh di tahun 2020 adalah ', '.', 'percent', 'realisasi'],
    [', hasilnya di tahun 2020 adalah sebesar ', '.', 'percent', 'realisasi'],
  ])('%s[…]%s → %s', (before, after, unit, kind) => {
    expect(claimKind(before, after, unit)).toBe(kind);
  });

  it('leaves a bare count without a cue undecided', () => {
    expect(claimKind(' sebanyak ', ' orang,', 'orang')).toBeUndefined();
  });
});

describe('prose helpers', () => {
  it('finds a label in prose whatever the case and punctuation between its words', () => {
    const t = 'Jumlah orang dengan HIV/AIDS (ODHA) sebanyak 5.079 orang';
    expect(findPhrase(t, ['orang', 'dengan', 'hiv', 'aids'])).toEqual([{ start: 7, end: 28 }]);
    expect(findPhrase('Anak Balita Terlantar', ['anak', 'terlantar'])).toEqual([]);
  });

  it('tolerates one typo in long words only', () => {
    expect(sameWord('penyalagunaan', 'penyalahgunaan')).toBe(true);
    expect(sameWord('anak', 'anal')).toBe(false);
  });

  it('does not end a sentence inside a number or after Rp.', () => {
    const t = 'Dana sebesar Rp. 1.600.000 untuk 201.667 orang. Sisanya 5.';
    expect(sentences(t).map((s) => t.slice(s.start, s.end).trim())).toEqual(['Dana sebesar Rp. 1.600.000 untuk 201.667 orang.', 'Sisanya 5.']);
  });
});
