import path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planFixes } from '../../src/core/fixes/plan';
import { excelApiSupported } from '../../src/excel/bulkWrite';
import { readWorkbookSnapshot } from '../../src/excel/readSnapshot';
import { revertCells } from '../../src/excel/revertCells';
import { revertAll } from '../../src/excel/revertLog';
import { applyEdits } from '../../src/excel/writeEdits';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { FakeExcel, fakeOffice } from './fakeExcel';

const g = globalThis as { Office?: unknown };
afterEach(() => delete g.Office);

async function fixture() {
  const xlsx = await readWorkbookFile(path.join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));
  const fake = new FakeExcel(xlsx);
  const snap = await readWorkbookSnapshot(fake.context);
  const edits = planFixes(snap, analyzeWorkbook(snap).findings).edits;
  return { fake, snap, edits };
}

/** The ops of every sync from `from` on, flattened with the sync's index. */
const opsFrom = (fake: FakeExcel, from: number) => fake.syncs.slice(from).map((s) => s.ops);

describe('requirement sets', () => {
  it('are asked of Office; without Office, or when it throws, nothing counts as supported', () => {
    expect(excelApiSupported('1.6')).toBe(false);
    g.Office = fakeOffice({ excelApi: '1.8' });
    expect(excelApiSupported('1.6')).toBe(true);
    expect(excelApiSupported('1.9')).toBe(false);
    g.Office = { context: { requirements: { isSetSupported: () => { throw new Error('gone'); } } } };
    expect(excelApiSupported('1.6')).toBe(false);
  });
});

describe('fixes and reverts write without a recalculation and repaint per cell', () => {
  it('applyEdits: the write sync suspends both, one recalculation follows, the figures are right', async () => {
    g.Office = fakeOffice();
    const { fake, snap, edits } = await fixture();
    const start = fake.syncCount;
    await applyEdits(fake.context, edits);
    const ops = opsFrom(fake, start);
    // Check, log, write, recalculate.
    expect(ops).toHaveLength(4);
    expect(ops[0]).not.toContain('call:suspendCalculation');
    expect(ops[1]).not.toContain('call:suspendCalculation');
    expect(ops[2].slice(0, 2)).toEqual(['call:suspendCalculation', 'call:suspendScreenUpdating']);
    expect(ops[3]).toEqual(['call:calculate']);
    expect(fake.staleCalculation).toBe(false);
    const after = await readWorkbookSnapshot(fake.context);
    expect(analyzeWorkbook(after).findings.length).toBeLessThan(analyzeWorkbook(snap).findings.length);
  });

  it('applyEdits: a failed write is undone under suspension too, and still recalculated', async () => {
    g.Office = fakeOffice();
    const { fake, edits } = await fixture();
    fake.failAt('write:formulas', 'GeneralException', 2);
    await expect(applyEdits(fake.context, edits)).rejects.toMatchObject({ code: 'write-failed' });
    const undo = fake.syncs.find((s, i) => i > 0 && fake.syncs[i - 1].error && s.ops.includes('write:formulas'))!;
    expect(undo.ops.slice(0, 2)).toEqual(['call:suspendCalculation', 'call:suspendScreenUpdating']);
    expect(fake.staleCalculation).toBe(false);
    expect(fake.calculations).toEqual(['Recalculate']);
  });

  it('revertAll and revertCells: the recalculation rides on the sync that rewrites the log', async () => {
    g.Office = fakeOffice();
    const { fake, edits } = await fixture();
    await applyEdits(fake.context, edits);
    let start = fake.syncCount;
    expect(await revertCells(fake.context, [edits[0]])).toBe(1);
    let ops = opsFrom(fake, start);
    expect(ops.find((o) => o.includes('write:formulas'))!.slice(0, 2)).toEqual(['call:suspendCalculation', 'call:suspendScreenUpdating']);
    expect(ops.at(-1)).toEqual(expect.arrayContaining(['call:calculate', 'xml:add', 'xml:delete']));
    expect(fake.staleCalculation).toBe(false);

    start = fake.syncCount;
    expect(await revertAll(fake.context)).toBe(edits.length - 1);
    ops = opsFrom(fake, start);
    expect(ops.find((o) => o.includes('write:formulas'))!.slice(0, 2)).toEqual(['call:suspendCalculation', 'call:suspendScreenUpdating']);
    expect(ops.at(-1)).toEqual(['call:calculate', 'xml:delete']);
    expect(fake.staleCalculation).toBe(false);
    expect(fake.calculations).toEqual(['Recalculate', 'Recalculate', 'Recalculate']);
  });

  it('manual calculation is left alone: screen updating only, no recalculation', async () => {
    g.Office = fakeOffice();
    const { fake, edits } = await fixture();
    fake.calculationMode = 'Manual';
    const start = fake.syncCount;
    await applyEdits(fake.context, edits);
    const ops = opsFrom(fake, start);
    expect(ops).toHaveLength(3);
    expect(ops[2][0]).toBe('call:suspendScreenUpdating');
    expect(ops.flat()).not.toContain('call:suspendCalculation');
    expect(fake.calculations).toEqual([]);
  });

  it('without Office to ask (or before ExcelApi 1.6) the syncs are as they were', async () => {
    const { fake, edits } = await fixture();
    const start = fake.syncCount;
    await applyEdits(fake.context, edits);
    await revertAll(fake.context);
    expect(opsFrom(fake, start).flat().filter((k) => /suspend|calculate|Application/.test(k))).toEqual([]);
  });
});
