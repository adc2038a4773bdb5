import path from 'path';
import { buildTableSpecs } from '../../../src/core/tables/build';
import type { TableSpec } from '../../../src/core/tables/types';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';

const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../../examples', name));
const texts = (s: TableSpec, role?: string) => s.bodyRows.filter((r) => !role || r.role === role).map((r) => r.cells.map((c) => c.text));

describe('LAKIP report tables built from the samples with the accepted fixes', () => {
  let ntt: TableSpec[];
  let flotim: TableSpec[];
  beforeAll(async () => {
    ntt = buildTableSpecs(await read('dinsos-ntt-2021.xlsx'), { withFixes: true });
    flotim = buildTableSpecs(await read('dinsos-flotim-2020.xlsx'), { withFixes: true });
  });

  it('builds one spec per report table, of every kind', () => {
    expect(ntt.map((s) => `${s.kind}:${s.from.sheet}`)).toEqual(['pmks:Indikator 1 PMKS', 'spm:Indikator 2 SPM', 'capaian:RPJMD', 'anggaran:APBN', 'anggaran:APBD']);
    expect(flotim.map((s) => `${s.kind}:${s.from.sheet}`)).toEqual(['count:Tabel 1.1', 'count:Tabel 1.2', 'count:Tabel 1.3', 'capaian:Tabel 3.1 IKU', 'belanja:Tabel 3.2 Belanja', 'anggaran:Ringkasan Anggaran']);
  });

  it('PMKS: recomputed totals, % over the provincial share, Kewenangan Pusat instead of #DIV/0!', () => {
    const p = ntt[0];
    const total = texts(p, 'total')[0];
    // Kab/Kota stays as typed: which of two disagreeing PMKS cells is wrong is the office's call,
    // so the identity fixes are never baked into the exported table (issue 11).
    expect(total.slice(2)).toEqual(['TOTAL', '2.579.089', '975.138', '771.668', '79,13', '1.788.476', '']);
    const tuna = p.bodyRows.find((r) => r.cells.some((c) => c.text === 'Tuna Susila'))!;
    expect(tuna.cells.find((c) => c.kind === 'marker')!.text).toBe('Kewenangan Pusat');
    const fakir = p.bodyRows.find((r) => r.cells.some((c) => c.text.startsWith('Fakir Miskin')))!;
    expect(fakir.cells.map((c) => c.text).slice(2, 6)).toEqual(['966.202', '966.202', '762.732', '78,94']);
    // The indicator text spans its two merged blocks (9 and 17 rows), as in the report.
    expect(p.bodyRows.map((r) => r.cells[0].rowSpan).filter(Boolean)).toEqual([9, 17]);
    expect(p.notes[0]).toContain('Kewenangan Pusat');
    expect(p.bodyRows[p.bodyRows.length - 1].cells[3].formula).toEqual({ kind: 'sum', rows: [...Array(26).keys()] });
  });

  it('APBD: the parent row equals its programs, the Jumlah row and % are computed', () => {
    const apbd = ntt.find((s) => s.id === 'anggaran-APBD')!;
    expect(texts(apbd, 'parent')).toEqual([['I', 'Urusan Pemerintahan Bidang Sosial', '38.104.680.384', '35.388.217.376', '92,87']]);
    expect(texts(apbd, 'total')).toEqual([['', 'Jumlah', '38.104.680.384', '35.388.217.376', '92,87']]);
    expect(texts(apbd).find((r) => r[1] === 'Program Perlindungan dan Jaminan Sosial')![4]).toBe('31,58');
    expect(apbd.titleLines).toEqual(['ALOKASI DAN REALISASI PELAKSANAAN ANGGARAN DANA APBN'.replace('APBN', 'APBD'), 'DINAS SOSIAL PROVINSI NUSA TENGGARA TIMUR', 'TAHUN ANGGARAN 2021']);
    // The office's own header words, not generic ones.
    expect(apbd.headerRows[0].map((c) => c.text)).toEqual(['NO.', 'PROGRAM', 'ANGGARAN', 'REALISASI', '%']);
    const apbn = ntt.find((s) => s.id === 'anggaran-APBN')!;
    expect(texts(apbn, 'section')[0][1]).toBe('Dana Dekonsentrasi');
    expect(texts(apbn, 'total')[0].slice(2)).toEqual(['9.257.070.000', '8.962.397.813', '96,82']);
  });

  it('belanja: programs bold over their kegiatan, codes spaced, JUMLAH over the programs', () => {
    const b = flotim.find((s) => s.kind === 'belanja')!;
    const program = b.bodyRows.find((r) => r.cells[0].text === '1 06 01 15')!;
    expect(program.role).toBe('parent');
    expect(program.cells.map((c) => c.text)).toEqual(['1 06 01 15', 'Program Pemberdayaan Fakir Miskin, Komunitas Adat Terpencil (KAT) dan Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya', '1.507.841.700', '1.505.519.500', '99,85']);
    expect(program.cells[1].bold).toBe(true);
    const kegiatan = b.bodyRows.find((r) => r.cells[0].text === '1 06 01 15 08')!;
    expect(kegiatan.cells[1].indent).toBe(1);
    expect(texts(b, 'parent').length).toBe(7);
    const empty = b.bodyRows.find((r) => r.cells[0].text === '1 06 01 02 28')!;
    expect(empty.cells.slice(2).map((c) => c.text)).toEqual(['-', '-', '-']);
    expect(b.source).toMatch(/^Sumber: Laporan Realisasi Anggaran/);
    expect(b.titleLines[0]).toBe('Tabel 3.2');
    expect(b.headerRows[0].map((c) => c.text)).toEqual(['KODE REKENING', 'URAIAN ORGANISASI, PROGRAM DAN KEGIATAN', 'JUMLAH BELANJA (Rp)', 'TOTAL REALISASI KEUANGAN (Rp)', 'TOTAL REALISASI (%)']);
  });

  it('capaian: polarity applied, predikat on the workbook scale named under the table', () => {
    const iku = flotim.find((s) => s.kind === 'capaian')!;
    expect(texts(iku).map((r) => r.slice(-4))).toEqual([
      ['6,25', '3,2', '51,20', 'Tidak Berhasil'],
      ['6,25', '3,2', '51,20', 'Tidak Berhasil'],
      ['65,45', '33', '50,42', 'Tidak Berhasil'],
      ['85,35', '60', '70,30', 'Cukup Berhasil'],
      ['45', '60', '133,33', 'Sangat Berhasil'],
      ['0,3', '0', '0,00', 'Tidak Berhasil'],
      ['100', '100', '100,00', 'Sangat Berhasil'],
      ['100', '100', '100,00', 'Sangat Berhasil'],
      ['5,24', '3,5', '66,79', 'Kurang Berhasil'],
    ]);
    expect(iku.bodyRows[0].cells[0]).toMatchObject({ text: 'Meningkatkan pelayanan sosial bagi PMKS', rowSpan: 3 });
    // Its own header words where it has the column; generic ones for what the table adds.
    expect(iku.headerRows[0].map((c) => c.text)).toEqual(['SASARAN STRATEGIS', 'INDIKATOR KINERJA', 'TARGET', 'REALISASI', 'Capaian (%)', 'Predikat']);
    expect(iku.notes[0]).toContain("lembar 'Skala' di buku kerja");
  });

  it('the narrative-built summary keeps its only known total and says so', () => {
    const r = flotim.find((s) => s.from.sheet === 'Ringkasan Anggaran')!;
    expect(texts(r, 'total')).toEqual([['', 'Jumlah', '6.353.928.630,80', '6.265.251.035', '98,60']]);
    expect(r.notes[0]).toContain('rinciannya tidak tersedia');
  });
});
