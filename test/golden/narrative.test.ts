import Decimal from 'decimal.js';
import path from 'path';
import { parseA1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { Finding } from '../../src/core/findings';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { NTT_SCALE } from '../fixtures/scales';

/**
 * The prose of both samples ('Narasi' sheets) against their tables. Every
 * disagreement below was found by reading the report by hand; every other
 * figure of those paragraphs agrees with a table and must stay silent.
 */
const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../examples', name));
const narrative = (fs: Finding[]) => fs.filter((f) => f.sheet === 'Narasi');
const line = (f: Finding) => [f.severity, f.code, f.cell, f.expected ?? '', f.actual ?? '', f.related ? `${f.related.sheet}!${f.related.cell}` : ''].join(' | ');

function setText(wb: WorkbookSnapshot, a1: string, from: string, to: string): void {
  const s = wb.sheets.find((x) => x.name === 'Narasi')!;
  const p = parseA1(a1)!;
  const r = p.row - s.origin.row;
  const old = String(s.values[r][0]);
  expect(old).toContain(from);
  const text = old.replace(from, to);
  s.values[r][0] = text;
  s.formulas[r][0] = text;
  s.text[r][0] = text;
}

describe('golden: narrative of dinsos-ntt-2021.xlsx', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = narrative(analyzeWorkbook(await read('dinsos-ntt-2021.xlsx')).findings);
  });

  it('reports the three places where the text and the tables disagree', () => {
    expect(findings.filter((f) => f.severity !== 'info').map(line)).toEqual([
      // '201.511 adalah kewenangan Kabupaten/Kota': the table has 201.667 − 126 = 201.541.
      'error | narrative-mismatch | A7 | 201541 | 201511 | Indikator 1 PMKS!H4',
      // '1.104 orang adalah kewenangan Kabupaten/Kota': the table has '-'; the table is what is wrong.
      'error | narrative-mismatch | A15 | 0 | 1104 | Indikator 1 PMKS!H8',
      // 'Rp.2.100.000/orang' for 1.223 elderly in private homes; Keterangan says Rp.2.400.000/org.
      'error | narrative-mismatch | A21 | 2400000 | 2100000 | Indikator 1 PMKS!I11',
    ]);
    expect(findings.find((f) => f.cell === 'A15')!.message).toMatch(/yang keliru adalah tabelnya/);
  });

  it('links every other figure, and lists the few it cannot link', () => {
    // Only the 3 homes of 90 children each (not in any table) are left unchecked.
    expect(findings.filter((f) => f.severity === 'info').map((f) => `${f.cell}: ${f.message.split(': ').pop()}`)).toEqual(['A57: 3, 90, 90, 90.']);
  });

  it('stays silent on a corrected text', async () => {
    const wb = await read('dinsos-ntt-2021.xlsx');
    setText(wb, 'A7', '201.511', '201.541');
    setText(wb, 'A21', 'Rp.2.100.000/orang', 'Rp.2.400.000/orang');
    const after = narrative(analyzeWorkbook(wb).findings).filter((f) => f.severity !== 'info');
    // A15 remains: it is right, and points at the table cell H8 that must be corrected.
    expect(after.map(line)).toEqual(['error | narrative-mismatch | A15 | 0 | 1104 | Indikator 1 PMKS!H8']);
  });
});

describe('golden: narrative of dinsos-flotim-2020.xlsx', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = narrative(analyzeWorkbook(await read('dinsos-flotim-2020.xlsx')).findings);
  });

  it('reports where the text and the tables disagree', () => {
    expect(findings.filter((f) => f.severity !== 'info').map(line)).toEqual([
      // 'Realisasi keuangan untuk belanja langsung ... Rp. 6.265.251.035 atau 98,60%': Tabel 3.2 has
      // 4.644.989.985 (99,27 %); 6.265.251.035 is the realisation of the whole budget.
      'error | narrative-mismatch | A2 | 4644989985 | 6265251035 | Tabel 3.2 Belanja!H43',
      'error | narrative-mismatch | A2 | 99.27 | 98.6 | Tabel 3.2 Belanja!I43',
      // 'cukup berhasil ... rata-rata capaian dari 9 indikator ... interval 70 - 80%': the nine
      // capaian average 69,25, 'Kurang Berhasil' on the report's own scale (sheet Skala).
      'error | predikat-mismatch | A3 | Kurang Berhasil | cukup berhasil | ',
      // KUBE panti: the text says 100 %, Tabel 3.1 says 60.
      'error | narrative-mismatch | A14 | 60 | 100 | Tabel 3.1 IKU!E9',
    ]);
    expect(findings.find((f) => f.cell === 'A2' && f.actual === '6265251035')!.message).toContain("'Ringkasan Anggaran'!C8");
    expect(findings.find((f) => f.cell === 'A3')!.message).toContain('69,25');
  });

  it('lists what it could not link, and nothing it could', () => {
    expect(findings.filter((f) => f.severity === 'info').map((f) => f.cell)).toEqual(['A9', 'A14', 'A15', 'A18', 'A19', 'A20', 'A22', 'A23', 'A25']);
    // Targets, realisations, the budget split and the '7 Program dan 28 kegiatan' all agree.
    const all = findings.map((f) => f.message).join('\n');
    for (const agreed of ['6.353.928.630,80', '1.674.727.528,80', '4.679.201.102', '6,25', '65,45', '85,35', '28']) expect(all).not.toContain(` ${agreed} `);
  });

  it('stays silent on a corrected text', async () => {
    const wb = await read('dinsos-flotim-2020.xlsx');
    setText(wb, 'A2', 'Rp. 6.265.251.035 atau 98,60%', 'Rp. 4.644.989.985 atau 99,27%');
    setText(wb, 'A3', 'cukup berhasil', 'kurang berhasil');
    setText(wb, 'A3', 'interval 70 - 80%', 'interval 60 - 70%');
    setText(wb, 'A14', 'adalah sebesar 100%', 'adalah sebesar 60%');
    const after = narrative(analyzeWorkbook(wb).findings).filter((f) => f.severity !== 'info');
    expect(after).toEqual([]);
  });

  it('uses an explicit scale over the workbook one', async () => {
    const wb = await read('dinsos-flotim-2020.xlsx');
    const f = narrative(analyzeWorkbook(wb, { scale: NTT_SCALE, lang: 'en' }).findings).find((x) => x.code === 'predikat-mismatch')!;
    expect(f.expected).toBe('Cukup Berhasil');
    // ntt-4: 55 < 69,25 < 70 is 'Cukup Berhasil', but the claimed 70–80 range still fails.
    expect(f.message).toMatch(/69\.25/);
    expect(new Decimal(69.25).lt(70)).toBe(true);
  });
});

describe('golden: the full report text given as a file', () => {
  // Imported lazily so the core tests above do not depend on the file reader.
  const readText = async (name: string) => (await import('../../src/io/readNarrative')).readNarrativeFile(path.join(__dirname, '../../examples', name));

  it('NTT: the same disagreements, located by paragraph, and the APBD gap explained by the text', async () => {
    const wb = await read('dinsos-ntt-2021.xlsx');
    const text = await readText('laporan-ntt-2021.txt');
    const report = analyzeWorkbook(wb, { narratives: [text] });
    const fromFile = report.findings.filter((f) => f.source && f.severity !== 'info');
    expect(fromFile.map((f) => [f.code, f.expected, f.actual, f.related?.cell, f.sheet])).toEqual([
      ['narrative-mismatch', '201541', '201511', 'H4', 'laporan-ntt-2021.txt'],
      ['narrative-mismatch', '0', '1104', 'H8', 'laporan-ntt-2021.txt'],
      ['narrative-mismatch', '2400000', '2100000', 'I11', 'laporan-ntt-2021.txt'],
    ]);
    expect(fromFile.every((f) => /^¶\d+$/.test(f.cell) && f.source!.paragraph > 0)).toBe(true);
    // 'Program Pengelolaan Taman Makam Pahlawan ... Rp. 72.912.100' is in the text, not in the APBD table.
    const c6 = report.findings.find((f) => f.sheet === 'APBD' && f.cell === 'C6')!;
    expect(c6.message).toContain('Taman Makam Pahlawan');
    // The amounts in words ('Sembilan Milyard ... Rupiah') are right: no terbilang finding.
    expect(report.findings.filter((f) => f.code === 'terbilang-mismatch')).toEqual([]);
  });

  it('NTT: a wrong amount in words is reported with the right wording', async () => {
    const wb = await read('dinsos-ntt-2021.xlsx');
    const text = await readText('laporan-ntt-2021.txt');
    const p = text.paragraphs.find((x) => x.text.includes('Sembilan Milyard'))!;
    p.text = p.text.replace('Tujuh Puluh Ribu Rupiah', 'Tujuh Ribu Rupiah');
    const f = analyzeWorkbook(wb, { narratives: [text] }).findings.filter((x) => x.code === 'terbilang-mismatch');
    expect(f.map((x) => [x.expected, x.actual])).toEqual([['9257070000', '9257007000']]);
    expect(f[0].message).toContain('sembilan miliar dua ratus lima puluh tujuh juta tujuh puluh ribu rupiah');
  });

  it('Flores Timur: the same disagreements as the Narasi sheet', async () => {
    const wb = await read('dinsos-flotim-2020.xlsx');
    const report = analyzeWorkbook(wb, { narratives: [await readText('laporan-flotim-2020.txt')] });
    const fromFile = report.findings.filter((f) => f.source && f.severity !== 'info');
    expect(fromFile.map((f) => [f.code, f.expected, f.actual])).toEqual([
      ['narrative-mismatch', '4644989985', '6265251035'],
      ['narrative-mismatch', '99.27', '98.6'],
      ['predikat-mismatch', 'Kurang Berhasil', 'cukup berhasil'],
      ['narrative-mismatch', '60', '100'],
    ]);
  });
});
