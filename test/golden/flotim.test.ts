import path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { brief, tableFindings } from '../core/helpers/sheet';

/**
 * Every inconsistency of the Flores Timur 2020 workbook, checked by hand
 * against the report (seed 001).
 */
const FILE = path.join(__dirname, '../../examples/dinsos-flotim-2020.xlsx');
const IKU = 'Tabel 3.1 IKU';
const B = 'Tabel 3.2 Belanja';
const ikuText = (cell: string, v: string, raw: string) => `info | text-number | ${IKU} | ${cell} | ${v} | ${raw}`;

const EXPECTED = [
  // SUM formulas saved without a result: recomputed so the totals can still be checked.
  'info | formula-uncalculated | Tabel 1.1 | G12 | 25 | ',
  // Tabel 1.1 (by echelon) and Tabel 1.2 (by rank) break down the same 25 staff by education,
  // but disagree: S1 16 vs 15, D3/D2/D1 6 vs 3, SD/SLTA/SMA 2 vs 6.
  'warning | cross-table-mismatch | Tabel 1.2 | G9 | 16 | 15',
  'warning | cross-table-mismatch | Tabel 1.2 | G10 | 6 | 3',
  'warning | cross-table-mismatch | Tabel 1.2 | G11 | 2 | 6',
  // IKU targets and realisations typed as text such as '6,25%': read correctly, noted for formulas.
  ikuText('D6', '6.25', '6,25%'),
  ikuText('E6', '3.2', '3,2%'),
  ikuText('D7', '6.25', '6,25%'),
  ikuText('E7', '3.2', '3,2%'),
  ikuText('D8', '65.45', '65,45%'),
  ikuText('D9', '85.35', '85,35%'),
  ikuText('D11', '0.3', '0,3'),
  ikuText('D12', '100', '100%'),
  ikuText('E12', '100', '100%'),
  ikuText('D13', '100', '100%'),
  ikuText('E13', '100', '100%'),
  ikuText('D14', '5.24', '5,24%'),
  ikuText('E14', '3.5', '3,5%'),
  // Program 1 06 01 01: its 13 activities add up to 776.688.052; the program row leaves out
  // 'Penyediaan Jasa Tenaga Pendukung' (175.811.750 / 175.559.500).
  `error | parent-sum-mismatch | ${B} | G7 | 776688052 | 600876302`,
  `error | parent-sum-mismatch | ${B} | H7 | 767747785 | 592188285`,
  // Code 1 06 01 01 20 used for two activities.
  `error | duplicate-code | ${B} | E20 |  | 1.06.01.01.20`,
  // Program 1 06 01 02: 58.217.500 + 26.575.000 + (empty) = 84.792.500, printed 91.019.250.
  `error | parent-sum-mismatch | ${B} | G21 | 84792500 | 91019250`,
  `error | parent-sum-mismatch | ${B} | H21 | 84554000 | 91005500`,
  `warning | missing-value | ${B} | G24 |  | `,
  `warning | missing-value | ${B} | H24 |  | `,
  // 67.312.900 / 67.352.900 = 99,9406 %, printed 99,93.
  `error | percent-mismatch | ${B} | I38 | 99.94 | 99.93`,
  // The seven programs add up to 4.594.408.602 / 4.560.435.985; the printed total counts
  // program 1 06 01 02's activities a second time.
  `error | total-mismatch | ${B} | G43 | 4594408602 | 4679201102`,
  `error | total-mismatch | ${B} | H43 | 4560435985 | 4644989985`,
  // Summary built from the narrative: only the total of 'Penyerapan Dana' is known.
  'warning | missing-value | Ringkasan Anggaran | C6 |  | 6265251035',
];

describe('golden: dinsos-flotim-2020.xlsx', () => {
  let report: ReturnType<typeof analyzeWorkbook>;
  beforeAll(async () => {
    report = analyzeWorkbook(await readWorkbookFile(FILE));
  });

  it('recognises every table with its layout and range', () => {
    expect(report.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual([
      ['Tabel 1.1', 'A6:G12', 'count'],
      ['Tabel 1.2', 'A6:G12', 'count'],
      ['Tabel 1.3', 'A5:E30', 'count'],
      [IKU, 'A5:F14', 'iku'],
      [B, 'A5:I43', 'belanja'],
      ['Ringkasan Anggaran', 'A5:D8', 'budget'],
    ]);
  });

  it('reports exactly the inconsistencies found by hand', () => {
    expect(tableFindings(report).map(brief)).toEqual(EXPECTED);
  });

  it('reads the split Kode Rekening as a program/kegiatan hierarchy', () => {
    const t = report.tables.find((x) => x.sheet === B)!;
    expect(t.columns.filter((c) => c.role === 'code').map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const program = t.rows.find((r) => r.code === '1.06.01.15')!;
    expect(program.role).toBe('parent');
    expect(t.rows.filter((r) => r.parentRow === program.row).map((r) => r.code)).toEqual(['1.06.01.15.08', '1.06.01.15.17']);
    expect(t.rows[t.rows.length - 1]).toMatchObject({ role: 'total', label: 'JUMLAH BELANJA LANGSUNG' });
  });

  it('reads two-row headers with merged group titles', () => {
    const t = report.tables[0];
    expect(t.headerRows).toEqual([5, 6]);
    expect(t.columns.map((c) => c.role)).toEqual(['no', 'label', 'count', 'count', 'count', 'count', 'jumlah']);
    expect(t.columns[4].header).toBe('Jenjang Pendidikan S1');
  });

  it('explains the belanja gaps', () => {
    const g7 = report.findings.find((f) => f.cell === 'G7')!;
    expect(g7.message).toContain('G20');
    const g21 = report.findings.find((f) => f.cell === 'G21')!;
    expect(g21.message).toContain('G24');
    expect(g21.message).toContain('6.226.750');
    const g43 = report.findings.find((f) => f.cell === 'G43')!;
    expect(g43.message).toContain('G22:G24');
  });

  it('lists the prose that repeats the wrong JUMLAH BELANJA with it (issue 10 class 19)', () => {
    const g43 = report.findings.find((f) => f.sheet === B && f.cell === 'G43')!;
    expect(g43.repeatedIn).toEqual([
      { sheet: 'Narasi', cell: 'A2' },
      { sheet: 'Narasi', cell: 'A25' },
    ]);
    expect(g43.message).toMatch(/juga disebut di narasi \(Narasi!A2, Narasi!A25\)/);
  });
});
