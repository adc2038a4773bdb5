import path from 'path';
import { parseA1, parseRange } from '../../../src/core/a1';
import { buildTableSpecs } from '../../../src/core/tables/build';
import {
  COUNT_FORMAT,
  movePlan,
  needsTextFormat,
  numberFormatFor,
  planCells,
  sanitizeSheetName,
  sheetNameFor,
  sheetPlan,
  shiftFormula,
  stackPlans,
  stackSize,
  styleOf,
  styleRuns,
  sumArgs,
  type PlanCell,
  type SheetPlan,
} from '../../../src/core/tables/sheetPlan';
import type { SpecCell, TableSpec } from '../../../src/core/tables/types';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';

const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../../examples', name));

/** The plan's cell at an A1 address. */
function at(plan: SheetPlan, address: string): PlanCell {
  const p = parseA1(address)!;
  const c = planCells(plan).find((x) => x.row === p.row && x.col === p.col);
  if (!c) throw new Error(`no cell ${address} in ${plan.range}`);
  return c;
}

const content = (plan: SheetPlan, address: string) => at(plan, address).formula ?? at(plan, address).value;

describe('sheet plans of the NTT sample, with the accepted fixes', () => {
  let specs: TableSpec[];
  beforeAll(async () => {
    specs = buildTableSpecs(await read('dinsos-ntt-2021.xlsx'), { withFixes: true });
  });
  const spec = (id: string) => specs.find((s) => s.id === id)!;

  it('PMKS: title merged across, header, 26 rows, TOTAL as SUM formulas, % as IF formulas', () => {
    const p = sheetPlan(spec('pmks-Indikator 1 PMKS'));
    // Under the table: the Kewenangan Pusat note, what differs from the workbook, what the check still flags, the source.
    expect(p.range).toBe('A1:I34');
    expect(p.blocks.titles.range).toBe('A1:I1');
    expect(p.blocks.header.range).toBe('A3:I3');
    expect(p.blocks.body.range).toBe('A4:I30');
    expect(p.blocks.notes.range).toBe('A31:I34');
    expect(content(p, 'A1')).toBe('Indikator 1 : Presentase Penduduk Miskin, KAT, Kelompok Rentan dan PMKS Lainnya yang terakses perlindungan social');
    expect(at(p, 'A1')).toMatchObject({ bold: true, align: 'center' });
    expect(p.blocks.header.cells[0].map((c) => c.value)).toEqual([
      'Indikator',
      'No.',
      'Jenis PMKS',
      'Populasi 2021',
      'Kewenangan Provinsi',
      'Yang ditangani sesuai kwenangan Prov 2021',
      '%',
      'Kewenangan Kabupaten/Kota',
      'Keterangan',
    ]);
    expect(at(p, 'C3')).toMatchObject({ bold: true, align: 'center', wrap: true, fill: '#D9D9D9', border: 'all' });

    // The TOTAL row: figures are SUM formulas over the 26 rows; the cached results are the spec's.
    expect(content(p, 'C30')).toBe('TOTAL');
    expect(at(p, 'D30')).toMatchObject({ formula: '=SUM(D4:D29)', value: 2579089, text: '2.579.089', numberFormat: COUNT_FORMAT, bold: true, border: 'top-thick' });
    expect(content(p, 'E30')).toBe('=SUM(E4:E29)');
    expect(content(p, 'F30')).toBe('=SUM(F4:F29)');
    expect(content(p, 'H30')).toBe('=SUM(H4:H29)');
    expect(at(p, 'G30')).toMatchObject({ formula: '=IF(E30=0,"-",F30/E30*100)', value: 79.13, text: '79,13', numberFormat: '0.00' });

    // % per row: ditangani / kewenangan provinsi, 'Kewenangan Pusat' where the province has no share.
    expect(at(p, 'G4')).toMatchObject({ formula: '=IF(E4=0,"Kewenangan Pusat",F4/E4*100)', value: 100, numberFormat: '0.00' });
    expect(at(p, 'G13')).toMatchObject({ formula: '=IF(E13=0,"Kewenangan Pusat",F13/E13*100)', value: 'Kewenangan Pusat', text: 'Kewenangan Pusat', numberFormat: '0.00', align: 'center', wrap: true });
    expect(content(p, 'C13')).toBe('Tuna Susila');
    expect(at(p, 'E13')).toMatchObject({ value: 0, text: '-', numberFormat: '#,##0;-#,##0;"-"' });
    expect(at(p, 'D8')).toMatchObject({ value: 1595, text: '1.595', numberFormat: COUNT_FORMAT, align: 'right' });
    // No. is a number (no 'number stored as text' flag), centred.
    expect(at(p, 'B4')).toMatchObject({ value: 1, numberFormat: 'General', align: 'center' });

    // The Indikator column's two merged blocks (9 and 17 rows), the title and the four note lines.
    expect(p.merges).toEqual(['A1:I1', 'A4:A12', 'A13:A29', 'A31:I31', 'A32:I32', 'A33:I33', 'A34:I34']);
    expect(at(p, 'A5')).toMatchObject({ covered: true, value: '', border: 'all' });
    expect(String(content(p, 'A4'))).toMatch(/^Presentase Penduduk Miskin/);
    expect(String(content(p, 'A13'))).toMatch(/^Persentase Penduduk Miskin/);

    // Notes and source: italic, below the table.
    expect(at(p, 'A31')).toMatchObject({ italic: true, wrap: true });
    expect(String(content(p, 'A31'))).toContain('Kewenangan Pusat');
    expect(String(content(p, 'A32'))).toMatch(/^Catatan: dengan perbaikan yang diterima, nilai berikut berbeda dari buku kerja: .*baris 'TOTAL', kolom 'Populasi 2021' \(D30\): 2\.579\.089 \(di buku kerja: 2\.560\.142\)/);
    expect(String(content(p, 'A33'))).toBe('Catatan: pemeriksaan menandai 2 nilai di tabel ini, yang ditulis seperti di buku kerja (lembar "Indikator 1 PMKS": H8, H27).');
    expect(content(p, 'A34')).toBe('Sumber: lembar "Indikator 1 PMKS", diolah kembali (LAKIP).');

    // The spec's widths, the % column widened so 'Kewenangan' fits on a line, Kabupaten/Kota likewise.
    expect(p.columnWidths).toEqual([40, 5, 40, 13, 13, 13, 11, 17, 36]);
    expect(p.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: '3:3', area: 'A1:I34' });
    // Long Keterangan texts need taller rows; the merged note lines always get their height.
    expect(p.rowHeights.some((h) => h.row === parseA1('I5')!.row && h.height > 15 && !h.merged)).toBe(true);
  });

  it('every block is a full rectangle, so each is written with one 2D array', () => {
    for (const s of specs) {
      const p = sheetPlan(s);
      for (const b of Object.values(p.blocks)) {
        expect(b.cells.length).toBe(b.rows);
        b.cells.forEach((row, r) => {
          expect(row.length).toBe(b.cols);
          row.forEach((c, i) => expect([c.row, c.col]).toEqual([b.top + r, b.left + i]));
        });
      }
      const r = parseRange(p.range)!;
      expect(planCells(p).length).toBe((r.bottom - r.top + 1) * (r.right - r.left + 1) - (p.blocks.titles.rows > 0 ? p.cols : 0));
    }
  });

  it('APBD: the parent row sums its programs, Jumlah sums the top level, % per row', () => {
    const p = sheetPlan(spec('anggaran-APBD'));
    expect(p.blocks.titles.range).toBe('A1:E3');
    expect(p.merges.slice(0, 3)).toEqual(['A1:E1', 'A2:E2', 'A3:E3']);
    expect(content(p, 'B6')).toBe('Urusan Pemerintahan Bidang Sosial');
    expect(at(p, 'C6')).toMatchObject({ formula: '=SUM(C7:C12)', value: 38104680384, numberFormat: '#,##0', bold: true });
    expect(content(p, 'D6')).toBe('=SUM(D7:D12)');
    expect(content(p, 'C13')).toBe('=SUM(C6)');
    expect(at(p, 'E11')).toMatchObject({ formula: '=IF(C11=0,"-",D11/C11*100)', value: 31.58, text: '31,58' });
    expect(at(p, 'C7')).toMatchObject({ value: 23461923799, numberFormat: '#,##0' });
    // 'I' is text; '1.' would become the number 1, so it is text-formatted.
    expect(at(p, 'A6')).toMatchObject({ value: 'I', numberFormat: 'General', bold: true });
    expect(at(p, 'A7')).toMatchObject({ value: '1.', numberFormat: '@' });
    expect(p.print.orientation).toBe('portrait');
    expect(p.print.repeatRows).toBe('5:5');
  });

  it('APBN: the section row is text, Jumlah sums the programs below it', () => {
    const p = sheetPlan(spec('anggaran-APBN'));
    expect(content(p, 'B6')).toBe('Dana Dekonsentrasi');
    expect(at(p, 'B6').bold).toBe(true);
    expect(content(p, 'C12')).toBe('=SUM(C7:C11)');
    expect(at(p, 'E12')).toMatchObject({ formula: '=IF(C12=0,"-",D12/C12*100)', text: '96,82' });
  });

  it('SPM: % over the population', () => {
    const p = sheetPlan(spec('spm-Indikator 2 SPM'));
    expect(content(p, 'F4')).toBe('=IF(D4=0,"-",E4/D4*100)');
    expect(content(p, 'D8')).toBe('=SUM(D4:D7)');
  });
});

describe('sheet plans of the NTT sample as it is', () => {
  let pmks: SheetPlan;
  beforeAll(async () => {
    pmks = sheetPlan(buildTableSpecs(await read('dinsos-ntt-2021.xlsx')).find((s) => s.id === 'pmks-Indikator 1 PMKS')!);
  });

  it('a total the workbook types differently is written as typed, a constant; totals that agree stay formulas', () => {
    // The workbook's TOTAL row reads 2.560.142 / 975.136 / 771.666 (the check flags all three).
    expect(at(pmks, 'D30')).toMatchObject({ value: 2560142, text: '2.560.142', numberFormat: COUNT_FORMAT, bold: true });
    expect(at(pmks, 'D30').formula).toBeUndefined();
    expect(at(pmks, 'E30')).toMatchObject({ value: 975136, text: '975.136' });
    expect(at(pmks, 'E30').formula).toBeUndefined();
    expect(content(pmks, 'H30')).toBe('=SUM(H4:H29)');
    expect(at(pmks, 'G30')).toMatchObject({ formula: '=IF(E30=0,"-",F30/E30*100)', text: '79,13' });
  });

  it('#DIV/0! stays as the workbook shows it, as text; no Kewenangan Pusat note for a marker the table does not show', () => {
    expect(at(pmks, 'G13')).toMatchObject({ value: '#DIV/0!', text: '#DIV/0!', numberFormat: '@' });
    expect(at(pmks, 'G13').formula).toBeUndefined();
    expect(at(pmks, 'G4')).toMatchObject({ formula: '=IF(E4=0,"Kewenangan Pusat",F4/E4*100)', value: 100 });
    // One note and the source under the table, each a merged line.
    expect(pmks.blocks.notes.range).toBe('A31:I32');
    expect(String(content(pmks, 'A31'))).toBe(
      'Catatan: pemeriksaan menandai 13 nilai di tabel ini, yang ditulis seperti di buku kerja (lembar "Indikator 1 PMKS": H8, G13, G14, G15, G16, G17, G18, G19, G20, H27 dan 3 lainnya).',
    );
    expect(content(pmks, 'A32')).toBe('Sumber: lembar "Indikator 1 PMKS", diolah kembali (LAKIP).');
  });
});

describe('sheet plans of the Flores Timur sample, with the accepted fixes', () => {
  let specs: TableSpec[];
  beforeAll(async () => {
    specs = buildTableSpecs(await read('dinsos-flotim-2020.xlsx'), { withFixes: true });
  });

  it('IKU: Sasaran merged over its indicators, target and realisasi with their own decimals', () => {
    const p = sheetPlan(specs.find((s) => s.kind === 'capaian')!);
    expect(p.blocks.header.range).toBe('A5:F5');
    expect(p.merges).toEqual(['A1:F1', 'A2:F2', 'A3:F3', 'A6:A8', 'A9:A14', 'A15:F15', 'A16:F16']);
    expect(content(p, 'A6')).toBe('Meningkatkan pelayanan sosial bagi PMKS');
    expect(content(p, 'A9')).toBe('Meningkatkan peran dan fungsi kelembagaan sosial');
    expect(at(p, 'C6')).toMatchObject({ value: 6.25, numberFormat: '0.00' });
    expect(at(p, 'D6')).toMatchObject({ value: 3.2, numberFormat: '0.0', text: '3,2' });
    expect(at(p, 'D8')).toMatchObject({ value: 33, numberFormat: '0' });
    expect(at(p, 'E6')).toMatchObject({ value: 51.2, numberFormat: '0.00', text: '51,20' });
    expect(content(p, 'F6')).toBe('Tidak Berhasil');
    expect(at(p, 'A15').italic).toBe(true);
  });

  it('belanja: programs bold, kegiatan indented, JUMLAH sums the programs (not contiguous)', () => {
    const b = specs.find((s) => s.kind === 'belanja')!;
    const p = sheetPlan(b);
    const bodyTop = p.blocks.body.top;
    const parents = b.bodyRows.map((r, i) => ({ r, i })).filter(({ r }) => r.role === 'parent').map(({ i }) => `C${bodyTop + i + 1}`);
    const totalRow = bodyTop + b.bodyRows.length;
    expect(content(p, `C${totalRow}`)).toBe(`=SUM(${parents.join(',')})`);
    expect(parents).toHaveLength(7);
    const first = bodyTop + 1;
    expect(at(p, `B${first}`)).toMatchObject({ bold: true, value: 'Program Pelayanan Administrasi Perkantoran' });
    expect(at(p, `C${first}`).formula).toBe(`=SUM(C${first + 1}:C${first + 13})`);
    expect(at(p, `B${first + 1}`)).toMatchObject({ indent: 1, value: 'Penyediaan Jasa Surat Menyurat' });
    expect(at(p, `B${first + 1}`).bold).toBeUndefined();
    expect(at(p, `A${first}`)).toMatchObject({ value: '1 06 01 01', numberFormat: 'General' });
    // A kegiatan without figures keeps its dashes as text, no formula.
    const empty = planCells(p).find((c) => c.value === '1 06 01 02 28')!;
    const row = p.blocks.body.cells.find((r) => r[0] === empty)!;
    expect(row.slice(2).map((c) => [c.value, c.formula, c.align])).toEqual([
      ['-', undefined, 'center'],
      ['-', undefined, 'center'],
      ['-', undefined, 'center'],
    ]);
  });

  it('Ringkasan: money with cents keeps two decimals; a total taken from the source stays a typed number', () => {
    const p = sheetPlan(specs.find((s) => s.from.sheet === 'Ringkasan Anggaran')!);
    const total = p.blocks.body.cells[p.blocks.body.rows - 1];
    expect(total[2]).toMatchObject({ formula: `=SUM(${total[2].formula!.slice(5, -1)})`, numberFormat: '#,##0.00', value: 6353928630.8, text: '6.353.928.630,80' });
    expect(total[3]).toMatchObject({ value: 6265251035, numberFormat: '#,##0' });
    expect(total[3].formula).toBeUndefined();
  });
});

const h = (text: string, extra: Partial<SpecCell> = {}): SpecCell => ({ text, kind: 'text', bold: true, align: 'center', ...extra });
const t = (text: string, extra: Partial<SpecCell> = {}): SpecCell => ({ text, kind: 'text', ...extra });

const HYPERLINK = '=HYPERLINK("http://x","y")';
const SCRIPT = '<script>alert(1)</script>';

/** A two-row header (Kewenangan Provinsi over three columns) and hostile texts. */
const hostile: TableSpec = {
  id: 'pmks-Uji: [a/b]*?',
  kind: 'pmks',
  titleLines: ['=1+1', 'Tabel Uji'],
  columns: [
    { kind: 'no', width: 5 },
    { kind: 'text', width: 30 },
    { kind: 'count', width: 12 },
    { kind: 'count', width: 12 },
    { kind: 'percent', width: 9 },
  ],
  headerRows: [
    [h('No', { rowSpan: 2 }), h('Uraian', { rowSpan: 2 }), h('Kewenangan Provinsi', { colSpan: 3 })],
    [h('Jumlah'), h('Ditangani'), h('%')],
  ],
  bodyRows: [
    { role: 'item', cells: [t('1', { kind: 'no' }), t(HYPERLINK), { text: '10', value: 10, kind: 'count' }, { text: '5', value: 5, kind: 'count' }, { text: '50,00', value: 50, kind: 'percent', decimals: 2, formula: { kind: 'ratio', num: 3, den: 2, marker: 'Kata "pusat"' } }] },
    { role: 'item', cells: [t('2', { kind: 'no' }), t(SCRIPT), { text: '-', value: 0, kind: 'count' }, { text: '-', value: 0, kind: 'count' }, t('Kata "pusat"', { kind: 'marker', formula: { kind: 'ratio', num: 3, den: 2, marker: 'Kata "pusat"' } })] },
    { role: 'item', cells: [t('3', { kind: 'no' }), t('+62 812 3456'), { text: '1', value: 1, kind: 'count' }, { text: '1', value: 1, kind: 'count' }, t('-', { kind: 'marker' })] },
    { role: 'item', cells: [t('4', { kind: 'no' }), t('@petugas'), t('2021'), t('-abc'), t('1.595')] },
    { role: 'total', cells: [t(''), t('TOTAL'), { text: '11', value: 11, kind: 'count', formula: { kind: 'sum', rows: [0, 1, 2] } }, { text: '6', value: 6, kind: 'count', formula: { kind: 'sum', rows: [0, 2] } }, t('')] },
  ],
  notes: ['-- catatan'],
  source: 'Sumber: uji',
  from: { sheet: 'Uji', range: 'A1:E8' },
};

describe('text that Excel would read as a formula or a number stays text', () => {
  const p = sheetPlan(hostile);

  it('is text-formatted (@) and written as it is; <script> is plain text', () => {
    expect(at(p, 'B6')).toMatchObject({ value: HYPERLINK, numberFormat: '@' });
    expect(at(p, 'B6').formula).toBeUndefined();
    expect(at(p, 'B8')).toMatchObject({ value: '+62 812 3456', numberFormat: '@' });
    expect(at(p, 'B9')).toMatchObject({ value: '@petugas', numberFormat: '@' });
    expect(at(p, 'C9')).toMatchObject({ value: '2021', numberFormat: '@' });
    expect(at(p, 'D9')).toMatchObject({ value: '-abc', numberFormat: '@' });
    expect(at(p, 'E9')).toMatchObject({ value: '1.595', numberFormat: '@' });
    expect(at(p, 'A1')).toMatchObject({ value: '=1+1', numberFormat: '@' });
    expect(at(p, 'A11')).toMatchObject({ value: '-- catatan', numberFormat: '@', italic: true });
    expect(at(p, 'B7')).toMatchObject({ value: SCRIPT, numberFormat: 'General' });
    // A lone dash stays text in Excel without help.
    expect(at(p, 'E8')).toMatchObject({ value: '-', numberFormat: 'General' });
    // No cell but the computed ones holds a formula.
    expect(planCells(p).filter((c) => c.formula).map((c) => `${c.row},${c.col}`)).toEqual(['5,4', '6,4', '9,2', '9,3']);
  });

  it('marker text inside a formula has its quotes doubled', () => {
    expect(content(p, 'E6')).toBe('=IF(C6=0,"Kata ""pusat""",D6/C6*100)');
    expect(at(p, 'E7')).toMatchObject({ value: 'Kata "pusat"', formula: '=IF(C7=0,"Kata ""pusat""",D7/C7*100)' });
    expect(content(p, 'C10')).toBe('=SUM(C6:C8)');
    expect(content(p, 'D10')).toBe('=SUM(D6,D8)');
  });

  it('a two-row header: spans merged, covered cells styled like their merge', () => {
    expect(p.blocks.header.range).toBe('A4:E5');
    expect(p.merges).toEqual(['A1:E1', 'A2:E2', 'A4:A5', 'B4:B5', 'C4:E4', 'A11:E11', 'A12:E12']);
    expect(at(p, 'A5')).toMatchObject({ covered: true, fill: '#D9D9D9', border: 'all' });
    expect(at(p, 'C5').value).toBe('Jumlah');
    expect(at(p, 'E5').value).toBe('%');
    expect(p.print.repeatRows).toBe('4:5');
    expect(p.sheetName).toBe('Tabel PMKS');
  });
});

describe('formatting rectangles', () => {
  it('cover every styled cell once, few per table', async () => {
    const specs = buildTableSpecs(await read('dinsos-ntt-2021.xlsx'));
    for (const s of specs) {
      const p = sheetPlan(s);
      const runs = styleRuns(p);
      const seen = new Map<string, string>();
      for (const r of runs) {
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            const k = `${row},${col}`;
            expect(seen.has(k)).toBe(false);
            seen.set(k, JSON.stringify(r.style));
          }
        }
      }
      for (const c of planCells(p)) {
        const style = styleOf(c);
        if (Object.keys(style).length) expect(seen.get(`${c.row},${c.col}`)).toBe(JSON.stringify(style));
      }
      expect(runs.length).toBeLessThanOrEqual(25);
    }
    const pmks = styleRuns(sheetPlan(specs[0]));
    expect(pmks.length).toBeLessThan(20);
    expect(pmks.find((r) => r.range === 'D4:F29')?.style).toEqual({ align: 'right', valign: 'top', border: 'all' });
  });
});

describe('moving plans', () => {
  it('a plan moved to another cell is the plan built there', async () => {
    const specs = buildTableSpecs(await read('dinsos-ntt-2021.xlsx'), { withFixes: true });
    for (const s of [...specs, hostile]) {
      expect(movePlan(sheetPlan(s), 7, 3)).toEqual(sheetPlan(s, { startRow: 7, startCol: 3 }));
    }
    const moved = sheetPlan(specs[0], { startRow: 9, startCol: 2 });
    expect(moved.range).toBe('C10:K43');
    expect(at(moved, 'F39').formula).toBe('=SUM(F13:F38)');
    expect(at(moved, 'I13').formula).toBe('=IF(G13=0,"Kewenangan Pusat",H13/G13*100)');
    expect(moved.print.repeatRows).toBe('12:12');
  });

  it('stacks tables two rows apart', async () => {
    const specs = buildTableSpecs(await read('dinsos-ntt-2021.xlsx'));
    const plans = specs.map((s) => sheetPlan(s));
    const stacked = stackPlans(plans, 4, 1);
    expect(stacked[0].top).toBe(4);
    expect(stacked[1].top).toBe(4 + plans[0].rows + 2);
    const size = stackSize(plans);
    expect(size.rows).toBe(stacked.at(-1)!.top + stacked.at(-1)!.rows - 4);
    expect(size.cols).toBe(9);
  });

  it('shifts references, never text in quotes or function names', () => {
    expect(shiftFormula('=IF(E4=0,"A1 B2",F4/E4*100)', 2, 1)).toBe('=IF(F6=0,"A1 B2",G6/F6*100)');
    expect(shiftFormula('=SUM(D4:D29,D31)', 1, 0)).toBe('=SUM(D5:D30,D32)');
    expect(shiftFormula('=LOG10(A1)+$B$2', 1, 1)).toBe('=LOG10(B2)+$C$3');
  });
});

describe('helpers', () => {
  it('number formats: counts with a dash for zero, money, percent by decimals', () => {
    expect(numberFormatFor('count')).toBe('#,##0;-#,##0;"-"');
    expect(numberFormatFor('money', 0)).toBe('#,##0');
    expect(numberFormatFor('money', 2)).toBe('#,##0.00');
    expect(numberFormatFor('percent')).toBe('0.00');
    expect(numberFormatFor('percent', 2)).toBe('0.00');
    expect(numberFormatFor('percent', 1)).toBe('0.0');
    expect(numberFormatFor('text')).toBe('General');
  });

  it('needsTextFormat', () => {
    for (const s of ['=A1', '+62', '-abc', '@x', '2021', '1.595', '96,82', '96,82%', '(1.234)', '1E5', '1/2', '12:30', 'TRUE', 'benar', '#DIV/0!', 'Rp 1.000', '1.']) expect([s, needsTextFormat(s)]).toEqual([s, true]);
    for (const s of ['', '-', 'TOTAL', 'Kewenangan Pusat', '1 06 01 15', SCRIPT, 'Anak Balita Terlantar', 'Tahun 2021', 'I']) expect([s, needsTextFormat(s)]).toEqual([s, false]);
  });

  it('sum arguments collapse contiguous rows', () => {
    expect(sumArgs(3, [3, 4, 5, 7, 9, 10])).toBe('D4:D6,D8,D10:D11');
  });

  it('sheet names: valid, at most 31 characters, unique without regard to case', () => {
    expect(sanitizeSheetName('belanja-Tabel 3.2 Belanja')).toBe('belanja-Tabel 3.2 Belanja');
    expect(sanitizeSheetName("'a:b/c\\d[e]*f?'")).toBe('a b c d e f');
    expect(sanitizeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(sanitizeSheetName('History')).toBe('History 1');
    expect(sanitizeSheetName('[]')).toBe('Tabel');
    expect(sheetNameFor('Tabel PMKS', ['tabel pmks'])).toBe('Tabel PMKS (2)');
    expect(sheetNameFor('Tabel PMKS', ['Tabel PMKS', 'TABEL PMKS (2)'])).toBe('Tabel PMKS (3)');
    expect(sheetNameFor('Tabel Ringkasan Anggaran Daerah X', ['Tabel Ringkasan Anggaran Daerah'])).toBe('Tabel Ringkasan Anggaran Da (2)');
  });
});
