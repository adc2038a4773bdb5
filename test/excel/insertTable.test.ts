import path from 'path';
import { parseA1 } from '../../src/core/a1';
import { buildTableSpecs } from '../../src/core/tables/build';
import { sheetPlan, type SheetPlan } from '../../src/core/tables/sheetPlan';
import type { TableSpec } from '../../src/core/tables/types';
import { insertTables, widthToPoints } from '../../src/excel/insertTable';
import { OfficeTableOutput } from '../../src/excel/officeTableOutput';
import { readWorkbookSnapshot } from '../../src/excel/readSnapshot';
import { isTableOutputError, TableOutputError, tableOutputOf } from '../../src/host/tableOutput';
import { HostError } from '../../src/host/types';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { DEFAULT_COLUMN_WIDTH, FakeExcel, fakeRun, type FakeSheet } from './fakeExcel';
import { hostError as failure } from './expectHost';

const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../examples', name));

const HYPERLINK = '=HYPERLINK("http://x","y")';
const SCRIPT = '<script>alert(1)</script>';

const hostile: TableSpec = {
  id: 'uji',
  kind: 'spm',
  titleLines: ['Uji teks'],
  columns: [
    { kind: 'text', width: 30 },
    { kind: 'count', width: 10 },
  ],
  headerRows: [[{ text: 'Uraian', kind: 'text', bold: true, align: 'center' }, { text: 'Jumlah', kind: 'text', bold: true, align: 'center' }]],
  bodyRows: [
    { role: 'item', cells: [{ text: HYPERLINK, kind: 'text' }, { text: '2021', kind: 'text' }] },
    { role: 'item', cells: [{ text: SCRIPT, kind: 'text' }, { text: '+62', kind: 'text' }] },
    { role: 'total', cells: [{ text: 'Jumlah', kind: 'text', bold: true }, { text: '-', value: 0, kind: 'count', formula: { kind: 'sum', rows: [0, 1] } }] },
  ],
  notes: [],
  source: 'Sumber: uji',
  from: { sheet: 'Uji', range: 'A1:B4' },
};

function cell(sheet: FakeSheet, address: string) {
  const p = parseA1(address)!;
  return sheet.cell(p.row, p.col);
}

function fmt(sheet: FakeSheet, address: string) {
  const p = parseA1(address)!;
  return sheet.formats.get(`${p.row},${p.col}`) ?? {};
}

async function setup() {
  const snap = await read('dinsos-ntt-2021.xlsx');
  // With the accepted fixes every total and % is a formula: the writer's formula path is what is tested.
  const specs = buildTableSpecs(snap, { withFixes: true });
  const fake = new FakeExcel(snap);
  return { snap, specs, fake, plans: specs.map((s) => sheetPlan(s)) };
}

describe('insertTables into new sheets', () => {
  it('writes every table in two syncs: a check, then one batch', async () => {
    const { fake, plans } = await setup();
    const before = fake.sheets.map((s) => s.name);
    const res = await insertTables(fake.context, plans, { where: 'new-sheet' });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[0].ops.some((k) => k.startsWith('write:') || k.startsWith('call:addSheet'))).toBe(false);
    expect(fake.syncs[1].ops.filter((k) => k === 'call:addSheet')).toHaveLength(5);
    expect(res.map((r) => r.sheet)).toEqual(['Tabel PMKS', 'Tabel SPM', 'Tabel Capaian Kinerja', 'Tabel APBN', 'Tabel APBD']);
    expect(res[0]).toEqual({ id: 'pmks-Indikator 1 PMKS', sheet: 'Tabel PMKS', range: 'A1:I34' });
    expect(fake.sheets.map((s) => s.name)).toEqual([...before, ...res.map((r) => r.sheet)]);
    expect(fake.active).toBe('Tabel PMKS');
    expect(fake.selection).toEqual({ sheet: 'Tabel PMKS', address: 'A1' });

    // Values, formulas and number formats: one 2D write each per block (titles, header, body, notes).
    const pmksWrites = fake.writes.filter((w) => w.sheet === 'Tabel PMKS');
    expect(pmksWrites.map((w) => `${w.what} ${w.address}`)).toEqual([
      'numberFormat A1:I1',
      'formulas A1:I1',
      'numberFormat A3:I3',
      'formulas A3:I3',
      'numberFormat A4:I30',
      'formulas A4:I30',
      'numberFormat A31:I34',
      'formulas A31:I34',
    ]);

    const pmks = fake.sheet('Tabel PMKS');
    expect(cell(pmks, 'C30').value).toBe('TOTAL');
    expect(cell(pmks, 'D30')).toMatchObject({ formula: '=SUM(D4:D29)', value: 2579089, numberFormat: '#,##0;-#,##0;"-"' });
    expect(cell(pmks, 'G13')).toMatchObject({ formula: '=IF(E13=0,"Kewenangan Pusat",F13/E13*100)', numberFormat: '0.00' });
    expect(cell(pmks, 'G30').formula).toBe('=IF(E30=0,"-",F30/E30*100)');
    expect(cell(pmks, 'D8')).toMatchObject({ value: 1595, type: 'Double' });
    // Four lines under the table (the marker, what differs from the workbook, what is flagged, the source), each merged.
    expect(pmks.merges).toEqual(['A1:I1', 'A4:A12', 'A13:A29', 'A31:I31', 'A32:I32', 'A33:I33', 'A34:I34']);

    // Formats: title bold, header grey with borders, total row bold with a thick top edge.
    expect(fmt(pmks, 'A1')).toMatchObject({ bold: true, horizontalAlignment: 'Center' });
    expect(fmt(pmks, 'E3')).toMatchObject({ bold: true, fill: '#D9D9D9', wrapText: true, horizontalAlignment: 'Center', verticalAlignment: 'Center' });
    expect(fmt(pmks, 'E3').borders).toEqual({ top: 'Continuous/Thin/#000000', bottom: 'Continuous/Thin/#000000', left: 'Continuous/Thin/#000000', right: 'Continuous/Thin/#000000' });
    expect(fmt(pmks, 'D30')).toMatchObject({ bold: true, horizontalAlignment: 'Right' });
    expect(fmt(pmks, 'D30').borders?.top).toBe('Continuous/Medium/#000000');
    expect(fmt(pmks, 'D29').bold).toBeUndefined();
    expect(fmt(pmks, 'I5')).toMatchObject({ wrapText: true, verticalAlignment: 'Top' });
    expect(fmt(pmks, 'A32')).toMatchObject({ italic: true });
    expect(fmt(pmks, 'A32').borders).toBeUndefined();

    // Sizes and print setup.
    expect(pmks.columnWidths.get(0)).toBe(widthToPoints(40));
    expect(pmks.columnWidths.get(6)).toBe(widthToPoints(11));
    expect(pmks.autofitted).toEqual(['A3:I30']);
    // The merged note lines never autofit: their height is set (the RPJMD predikat note is long).
    expect(fake.sheet('Tabel Capaian Kinerja').rowHeights.get(parseA1('A6')!.row)).toBeGreaterThan(15);
    // In PMKS only the long note listing what differs from the workbook (A32) needs its height set.
    expect([...pmks.rowHeights.keys()]).toEqual([parseA1('A32')!.row]);
    expect(pmks.rowHeights.get(parseA1('A32')!.row)).toBeGreaterThan(15);
    expect(pmks.pageLayout).toEqual({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 34 }, printTitleRows: '$3:$3', printArea: 'A1:I34' });
    expect(fake.sheet('Tabel APBD').pageLayout.orientation).toBe('Portrait');
    expect(fmt(fake.sheet('Tabel APBD'), 'C6').bold).toBe(true);

    // Formatting goes by rectangles: far fewer operations than cells.
    const formatOps = fake.syncs[1].ops.filter((k) => k === 'write:format').length;
    expect(formatOps).toBeLessThan(500);
  });

  it('the workbook read back holds the tables (formulas Excel computes, text kept as text)', async () => {
    const { fake } = await setup();
    await insertTables(fake.context, [sheetPlan(hostile)], { where: 'new-sheet' });
    const uji = fake.sheet('Tabel SPM');
    // '=HYPERLINK(...)' and '+62' are text: the '@' format went in before the content.
    expect(cell(uji, 'A4')).toMatchObject({ value: HYPERLINK, type: 'String', numberFormat: '@' });
    expect(cell(uji, 'A4').formula).toBeUndefined();
    expect(cell(uji, 'B4')).toMatchObject({ value: '2021', type: 'String' });
    expect(cell(uji, 'B5')).toMatchObject({ value: '+62', type: 'String' });
    expect(cell(uji, 'A5')).toMatchObject({ value: SCRIPT, type: 'String', numberFormat: 'General' });
    expect(cell(uji, 'B6')).toMatchObject({ formula: '=SUM(B4:B5)', value: 0 });
    const snap = await readWorkbookSnapshot(fake.context);
    const s = snap.sheets.find((x) => x.name === 'Tabel SPM')!;
    expect(s.values[3][0]).toBe(HYPERLINK);
    expect(s.formulas[5][1]).toBe('=SUM(B4:B5)');
  });

  it('names stay unique: a second insertion gets "(2)"', async () => {
    const { fake, plans } = await setup();
    await insertTables(fake.context, [plans[0]], { where: 'new-sheet' });
    const res = await insertTables(fake.context, [plans[0]], { where: 'new-sheet' });
    expect(res[0].sheet).toBe('Tabel PMKS (2)');
    expect(fake.syncCount).toBe(4);
  });

  it('a protected workbook structure stops it after the check, nothing written', async () => {
    const { fake, plans } = await setup();
    fake.workbookProtected = true;
    const e = await failure(insertTables(fake.context, plans, { where: 'new-sheet' }));
    expect(e).toBeInstanceOf(TableOutputError);
    expect(e).toMatchObject({ code: 'protected-sheet', reason: 'workbook-protected' });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  it('a failed write removes the sheets it added', async () => {
    const { fake, plans } = await setup();
    const before = fake.sheets.map((s) => s.name);
    fake.failAt('write:format', 'GeneralException', 40);
    const e = await failure(insertTables(fake.context, plans, { where: 'new-sheet' }));
    expect(e.code).toBe('write-failed');
    expect(fake.sheets.map((s) => s.name)).toEqual(before);
  });
});

describe('insertTables at the selection', () => {
  it('writes from the active cell in two syncs, formulas pointing at the moved cells', async () => {
    const { fake, plans } = await setup();
    fake.active = 'APBD';
    fake.selection = { sheet: 'APBD', address: 'H2' };
    const table = { top: 0, left: 0, bottom: 14, right: 6 };
    const before = fake.cells('APBD', table);
    const res = await insertTables(fake.context, [plans[0]], { where: 'selection' });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[0].ops.some((k) => k.startsWith('write:'))).toBe(false);
    expect(res).toEqual([{ id: 'pmks-Indikator 1 PMKS', sheet: 'APBD', range: 'H2:P35' }]);
    const apbd = fake.sheet('APBD');
    expect(cell(apbd, 'J31').value).toBe('TOTAL');
    expect(cell(apbd, 'K31')).toMatchObject({ formula: '=SUM(K5:K30)', value: 2579089 });
    expect(cell(apbd, 'N14').formula).toBe('=IF(L14=0,"Kewenangan Pusat",M14/L14*100)');
    expect(apbd.merges).toEqual(expect.arrayContaining(['H2:P2', 'H5:H13', 'H14:H30']));
    // The table's own cells only: the APBD table is untouched; no page setup on the user's sheet.
    expect(fake.cells('APBD', table)).toEqual(before);
    expect(apbd.pageLayout).toEqual({});
    expect(fake.selection).toEqual({ sheet: 'APBD', address: 'H2:P35' });
    // Column widths only grow.
    expect(apbd.columnWidths.get(7)).toBe(widthToPoints(40));
    expect(apbd.columnWidths.get(8)).toBeUndefined(); // 5 characters: narrower than the default
    expect(DEFAULT_COLUMN_WIDTH).toBeGreaterThan(widthToPoints(5));
  });

  it('several tables go one below the other, two rows apart', async () => {
    const { fake, plans } = await setup();
    fake.active = 'RPJMD';
    fake.selection = { sheet: 'RPJMD', address: 'A20' };
    const res = await insertTables(fake.context, plans.slice(3), { where: 'selection' });
    expect(fake.syncCount).toBe(2);
    // APBD has one more line under it: the values that differ from the workbook.
    expect(res.map((r) => r.range)).toEqual(['A20:E32', 'A35:E49']);
    const s = fake.sheet('RPJMD');
    expect(cell(s, 'B25').value).toBe('Dana Dekonsentrasi');
    expect(cell(s, 'C31').formula).toBe('=SUM(C26:C30)');
    expect(cell(s, 'C40').formula).toBe('=SUM(C41:C46)');
    expect(cell(s, 'C47').formula).toBe('=SUM(C40)');
  });

  it('an occupied target: HostError with a clear reason after one sync, nothing written', async () => {
    const { fake, plans } = await setup();
    fake.active = 'APBD';
    fake.selection = { sheet: 'APBD', address: 'C6' };
    const e = await failure(insertTables(fake.context, [plans[0]], { where: 'selection' }));
    expect(isTableOutputError(e)).toBe(true);
    expect(e).toMatchObject({ code: 'write-failed', reason: 'target-not-empty', detail: { sheet: 'APBD', address: 'C6:E13' } });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
    expect(fake.syncs[0].ops.some((k) => k.startsWith('write:'))).toBe(false);
  });

  it('a merged area whose top-left cell is in the target blocks it too', async () => {
    const { fake, plans } = await setup();
    fake.active = 'Indikator 1 PMKS';
    fake.selection = { sheet: 'Indikator 1 PMKS', address: 'L1' };
    fake.sheet('Indikator 1 PMKS').merges.push('M5:N6');
    const e = await failure(insertTables(fake.context, [plans[1]], { where: 'selection' }));
    expect(e).toMatchObject({ reason: 'target-merged', detail: { address: 'M5:N6' } });
  });

  it('a protected sheet: HostError protected-sheet after one sync, nothing written', async () => {
    const { fake, plans } = await setup();
    fake.active = 'APBD';
    fake.selection = { sheet: 'APBD', address: 'H2' };
    fake.protect('APBD');
    const e = await failure(insertTables(fake.context, [plans[0]], { where: 'selection' }));
    expect(e).toMatchObject({ code: 'protected-sheet', detail: { sheet: 'APBD' } });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  it('a failed write clears the region again', async () => {
    const { fake, plans } = await setup();
    fake.active = 'APBD';
    fake.selection = { sheet: 'APBD', address: 'H2' };
    const table = { top: 0, left: 0, bottom: 14, right: 6 };
    const before = fake.cells('APBD', table);
    fake.failAt('write:merge', 'GeneralException', 1);
    const e = await failure(insertTables(fake.context, [plans[0]], { where: 'selection' }));
    expect(e.code).toBe('write-failed');
    const apbd = fake.sheet('APBD');
    expect(cell(apbd, 'H2').value).toBe('');
    expect(cell(apbd, 'K31').formula).toBeUndefined();
    expect(apbd.merges.some((m) => m.startsWith('H'))).toBe(false);
    expect(fake.cells('APBD', table)).toEqual(before);
  });
});

describe('OfficeTableOutput', () => {
  it('is a TableOutputHost over Excel.run', async () => {
    const { fake, plans } = await setup();
    const out = new OfficeTableOutput(fakeRun(fake));
    expect(tableOutputOf(out)).toBe(out);
    const res = await out.insertTables(plans.slice(0, 1) as SheetPlan[], 'new-sheet');
    expect(res[0].sheet).toBe('Tabel PMKS');
    fake.protect('APBD');
    fake.active = 'APBD';
    fake.selection = { sheet: 'APBD', address: 'H2' };
    await expect(out.insertTables(plans.slice(0, 1), 'selection')).rejects.toMatchObject({ code: 'protected-sheet' });
  });

  it('maps a failing Excel.run to a HostError', async () => {
    const out = new OfficeTableOutput(() => Promise.reject(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' })));
    await expect(out.insertTables([], 'new-sheet')).rejects.toMatchObject({ code: 'cell-editing' });
  });
});
