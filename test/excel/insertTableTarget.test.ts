import path from 'path';
import { parseA1, parseRange } from '../../src/core/a1';
import { buildTableSpecs } from '../../src/core/tables/build';
import { sheetPlan } from '../../src/core/tables/sheetPlan';
import { insertTables, pagesTall } from '../../src/excel/insertTable';
import { hostErrorMessage } from '../../src/taskpane/errorMessages';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { DEFAULT_COLUMN_WIDTH, FakeExcel, fakeOffice } from './fakeExcel';
import { hostError as failure } from './expectHost';

async function setup() {
  const snap = await readWorkbookFile(path.join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));
  const fake = new FakeExcel(snap);
  const plans = buildTableSpecs(snap, { withFixes: true }).map((s) => sheetPlan(s));
  fake.active = 'APBD';
  fake.selection = { sheet: 'APBD', address: 'H2' };
  return { fake, plans };
}

describe('insert at the selection: merged areas reaching into the target', () => {
  // The PMKS table from H2 covers H2:P35 on APBD; each of these merges starts outside it.
  it.each([
    ['above and to the left', 'G1:I3'],
    ['to the left, in the same rows', 'E10:H10'],
    ['above, in the same columns', 'J1:J4'],
  ])('one starting %s is found, named, and nothing is written', async (_, merge) => {
    const { fake, plans } = await setup();
    fake.sheet('APBD').merges.push(merge);
    const before = [...fake.sheet('APBD').merges];
    const e = await failure(insertTables(fake.context, [plans[0]], { where: 'selection' }));
    expect(e).toMatchObject({ code: 'write-failed', reason: 'target-merged', detail: { sheet: 'APBD', address: merge } });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
    expect(fake.sheet('APBD').merges).toEqual(before);
    expect(hostErrorMessage(e, 'id')).toContain(`APBD!${merge}`);
    expect(hostErrorMessage(e, 'en')).toContain(`merged cells APBD!${merge}`);
  });

  it('a merge beside the target that does not reach into it does not block, and stays merged', async () => {
    const { fake, plans } = await setup();
    fake.sheet('APBD').merges.push('F1:G3', 'H1:P1');
    const res = await insertTables(fake.context, [plans[0]], { where: 'selection' });
    expect(res[0].range).toBe('H2:P35');
    expect(fake.sheet('APBD').merges).toEqual(expect.arrayContaining(['F1:G3', 'H1:P1']));
  });

  it('a list of merged areas Office cut short is read again in full', async () => {
    const { fake, plans } = await setup();
    const apbd = fake.sheet('APBD');
    // Many merges above and left of the target (H30 down), then one reaching into it from the left.
    for (let r = 20; r < 30; r++) apbd.merges.push(`A${r}:B${r}`);
    apbd.merges.push('F36:H37');
    fake.addressLimit = 60;
    fake.selection = { sheet: 'APBD', address: 'H30' };
    const e = await failure(insertTables(fake.context, [plans[3]], { where: 'selection' }));
    expect(e).toMatchObject({ reason: 'target-merged', detail: { address: 'F36:H37' } });
    expect(fake.syncCount).toBe(2);
    expect(fake.writes).toEqual([]);
  });
});

describe('insert at the selection: a failed write takes back only its own', () => {
  it("keeps the user's merges, formats and column widths around and under the table", async () => {
    const { fake, plans } = await setup();
    const apbd = fake.sheet('APBD');
    apbd.merges.push('F1:G3', 'Q2:R3');
    // An empty cell of the target the user had formatted: a fill and a number format.
    const j5 = parseA1('J5')!;
    apbd.format(j5.row, j5.col).fill = '#FFFF00';
    fake.setFormat(apbd, j5.row, j5.col, '0.00');
    const widthsBefore = new Map(apbd.columnWidths);
    fake.failAt('write:format', 'GeneralException', 10);
    const e = await failure(insertTables(fake.context, [plans[0]], { where: 'selection' }));
    expect(e.code).toBe('write-failed');
    expect(apbd.merges).toEqual(expect.arrayContaining(['F1:G3', 'Q2:R3']));
    expect(apbd.merges.filter((m) => overlapsTarget(m, 'H2:P35'))).toEqual([]);
    expect(apbd.format(j5.row, j5.col).fill).toBe('#FFFF00');
    expect(apbd.cell(j5.row, j5.col)).toMatchObject({ numberFormat: '0.00', type: 'Empty' });
    const h2 = parseA1('H2')!;
    expect(apbd.cell(h2.row, h2.col)).toMatchObject({ type: 'Empty', numberFormat: 'General' });
    for (const [col, w] of apbd.columnWidths) expect(w).toBe(widthsBefore.get(col) ?? DEFAULT_COLUMN_WIDTH);
  });

  it('an unformatted target is cleared whole, formats included', async () => {
    const { fake, plans } = await setup();
    fake.failAt('write:merge', 'GeneralException', 3);
    await failure(insertTables(fake.context, [plans[0]], { where: 'selection' }));
    const apbd = fake.sheet('APBD');
    const region = parseRange('H2:P35')!;
    for (const k of apbd.formats.keys()) {
      const [r, c] = k.split(',').map(Number);
      const inside = r >= region.top && r <= region.bottom && c >= region.left && c <= region.right;
      if (inside) expect(apbd.formats.get(k)).toEqual({});
    }
    expect(apbd.merges.filter((m) => overlapsTarget(m, 'H2:P35'))).toEqual([]);
  });
});

describe('page setup of an inserted sheet', () => {
  it('one page wide with a documented page count for the height, never 0', async () => {
    const { fake, plans } = await setup();
    const res = await insertTables(fake.context, plans, { where: 'new-sheet' });
    res.forEach((r, i) => {
      const zoom = fake.sheet(r.sheet).pageLayout.zoom!;
      expect(zoom.horizontalFitToPages).toBe(1);
      expect(zoom.verticalFitToPages).toBe(pagesTall(plans[i]));
      expect(zoom.verticalFitToPages).toBeGreaterThanOrEqual(plans[i].rows);
      expect(zoom.scale).toBeUndefined();
    });
  });
});

describe('bulk insert without a recalculation and repaint per cell', () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  it('suspends calculation and screen updating for the write, then recalculates once', async () => {
    g.Office = fakeOffice();
    const { fake, plans } = await setup();
    await insertTables(fake.context, [plans[0]], { where: 'selection' });
    expect(fake.syncCount).toBe(3);
    expect(fake.syncs[1].ops.slice(0, 2)).toEqual(['call:suspendCalculation', 'call:suspendScreenUpdating']);
    expect(fake.syncs[2].ops).toEqual(['call:calculate']);
    expect(fake.calculations).toEqual(['Recalculate']);
    expect(fake.staleCalculation).toBe(false);
    const apbd = fake.sheet('APBD');
    const k31 = parseA1('K31')!;
    expect(apbd.cell(k31.row, k31.col)).toMatchObject({ formula: '=SUM(K5:K30)', value: 2579089 });
  });

  it('into new sheets too; a workbook in manual calculation is neither suspended nor recalculated', async () => {
    g.Office = fakeOffice();
    const { fake, plans } = await setup();
    fake.calculationMode = 'Manual';
    await insertTables(fake.context, plans.slice(0, 2), { where: 'new-sheet' });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[1].ops[0]).toBe('call:suspendScreenUpdating');
    expect(fake.syncs[1].ops).not.toContain('call:suspendCalculation');
    expect(fake.calculations).toEqual([]);
  });

  it('hosts without ExcelApi 1.9 only suspend calculation; without 1.6 nothing is called', async () => {
    g.Office = fakeOffice({ excelApi: '1.8' });
    const a = await setup();
    await insertTables(a.fake.context, [a.plans[0]], { where: 'selection' });
    expect(a.fake.syncs.flatMap((s) => s.ops)).not.toContain('call:suspendScreenUpdating');
    expect(a.fake.syncs[1].ops).toContain('call:suspendCalculation');
    expect(a.fake.staleCalculation).toBe(false);

    g.Office = fakeOffice({ excelApi: '1.5' });
    const b = await setup();
    await insertTables(b.fake.context, [b.plans[0]], { where: 'selection' });
    expect(b.fake.syncCount).toBe(2);
    expect(b.fake.syncs.flatMap((s) => s.ops).filter((k) => /suspend|calculate/.test(k))).toEqual([]);
  });

  it('a failed write is cleaned up and the suspended calculation still caught up', async () => {
    g.Office = fakeOffice();
    const { fake, plans } = await setup();
    fake.failAt('write:merge', 'GeneralException', 2);
    await failure(insertTables(fake.context, [plans[0]], { where: 'selection' }));
    expect(fake.staleCalculation).toBe(false);
    expect(fake.calculations).toEqual(['Recalculate']);
  });
});

function overlapsTarget(merge: string, target: string): boolean {
  const a = parseRange(merge)!;
  const b = parseRange(target)!;
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
