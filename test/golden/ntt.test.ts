import path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { brief, tableFindings } from '../core/helpers/sheet';

/**
 * Every inconsistency of the NTT 2021 workbook, checked by hand against the
 * report (seed 000): the expected lists below were written from the printed
 * tables, not from the engine's output.
 */
const FILE = path.join(__dirname, '../../examples/dinsos-ntt-2021.xlsx');

const PMKS = 'Indikator 1 PMKS';
const pusat = (cell: string) => `warning | division-by-zero | ${PMKS} | ${cell} | Kewenangan Pusat | #DIV/0!`;
const text = (cell: string, v: string, raw: string) => `warning | text-number | ${PMKS} | ${cell} | ${v} | ${raw}`;

const EXPECTED = [
  // Populasi typed as text ('1.595') in five rows: SUM skips them.
  text('D8', '1595', '1.595'),
  // 1.595 = 491 (provinsi) + 1.104 (kab/kota, as the narrative says), but the table has '-'.
  `error | identity-mismatch | ${PMKS} | H8 | 1104 | 0`,
  text('D13', '1803', '1.803'),
  pusat('G13'),
  pusat('G14'),
  pusat('G15'),
  text('D16', '1045', '1.045'),
  pusat('G16'),
  pusat('G17'),
  text('D18', '8279', '8.279'),
  pusat('G18'),
  text('D19', '5079', '5.079'),
  pusat('G19'),
  pusat('G20'),
  // Fakir Miskin: 966.202 = 966.202 + 203.470 cannot hold; 203.470 is the number not handled.
  `error | identity-mismatch | ${PMKS} | H27 | 0 | 203470`,
  // TOTAL row: populasi of 26 rows is 2.579.089; Korban Tindak Kekerasan (2) left out of E and F.
  `error | total-mismatch | ${PMKS} | D30 | 2579089 | 2560142`,
  `error | total-mismatch | ${PMKS} | E30 | 975138 | 975136`,
  `error | total-mismatch | ${PMKS} | F30 | 771668 | 771666`,
  // SPM: 100 + 270 + 119 + 429 = 918, printed as 866.
  'error | total-mismatch | Indikator 2 SPM | D8 | 918 | 866',
  'error | total-mismatch | Indikator 2 SPM | E8 | 918 | 866',
  // APBN programs numbered 1, 2, 3, 5, 6.
  'warning | numbering-gap | APBN | A10 | 4 | 5',
  // APBD: the six programs add up to 72.912.100 (anggaran) and 71.308.500 (realisasi) less than 'I Urusan'.
  'error | parent-sum-mismatch | APBD | C6 | 38104680384 | 38177592484',
  'error | parent-sum-mismatch | APBD | D6 | 35388217376 | 35459525876',
  // 557.014.670 / 1.763.622.970 = 31,5835 %, printed 31,59.
  'error | percent-mismatch | APBD | E11 | 31.58 | 31.59',
];

describe('golden: dinsos-ntt-2021.xlsx', () => {
  let report: ReturnType<typeof analyzeWorkbook>;
  beforeAll(async () => {
    report = analyzeWorkbook(await readWorkbookFile(FILE));
  });

  it('recognises every table with its layout and range', () => {
    expect(report.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual([
      [PMKS, 'A3:J30', 'pmks'],
      ['Indikator 2 SPM', 'A3:G8', 'spm'],
      ['RPJMD', 'A3:H5', 'iku'],
      ['APBN', 'A5:E12', 'budget'],
      ['APBD', 'A5:E13', 'budget'],
    ]);
  });

  it('reports exactly the inconsistencies found by hand', () => {
    expect(tableFindings(report).map(brief)).toEqual(EXPECTED);
  });

  it('assigns row roles: section, parent, items under it, total', () => {
    const apbn = report.tables.find((t) => t.sheet === 'APBN')!;
    expect(apbn.rows.map((r) => r.role)).toEqual(['section', 'item', 'item', 'item', 'item', 'item', 'total']);
    const apbd = report.tables.find((t) => t.sheet === 'APBD')!;
    expect(apbd.rows[0]).toMatchObject({ role: 'parent', no: 'I' });
    expect(apbd.rows.slice(1, 7).every((r) => r.parentRow === apbd.rows[0].row)).toBe(true);
    const pmks = report.tables[0];
    expect(pmks.rows.filter((r) => r.pusat).map((r) => r.label)).toContain('Tuna Susila');
  });

  it('explains the gaps it can explain', () => {
    const e30 = report.findings.find((f) => f.cell === 'E30')!;
    expect(e30.message).toContain('E22');
    expect(e30.message).toContain('Korban Tindak Kekerasan');
    const d30 = report.findings.find((f) => f.cell === 'D30')!;
    expect(d30.message).toContain('D8, D13, D16, D18, D19');
    const h27 = report.findings.find((f) => f.cell === 'H27')!;
    expect(h27.message).toMatch(/belum ditangani/);
  });

  it('proposes the Kewenangan Pusat marker as the fix for #DIV/0!', () => {
    const g13 = report.findings.find((f) => f.cell === 'G13')!;
    expect(g13.fix).toEqual({ kind: 'set-text', value: 'Kewenangan Pusat' });
    const custom = analyzeWorkbook({ sheets: [] }, { pusatMarker: 'Pusat' });
    expect(custom.findings).toEqual([]);
  });

  it('speaks English on request with the same findings', async () => {
    const en = analyzeWorkbook(await readWorkbookFile(FILE), { lang: 'en' });
    expect(tableFindings(en).map(brief)).toEqual(EXPECTED);
    expect(en.findings.find((f) => f.cell === 'E11')!.message).toContain('31.5835');
  });
});
