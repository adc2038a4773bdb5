import path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planFixes } from '../../src/core/fixes/plan';
import type { CellEdit } from '../../src/core/fixes/types';
import { readWorkbookSnapshot } from '../../src/excel/readSnapshot';
import { revertCells, revertLogEntries } from '../../src/excel/revertCells';
import { decodeLog, REVERT_LOG_NAMESPACE, revertAll, revertLogSize } from '../../src/excel/revertLog';
import { applyEdits } from '../../src/excel/writeEdits';
import { OfficeHost } from '../../src/excel/officeHost';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { FakeExcel, fakeOffice, fakeRun } from './fakeExcel';
import { sheetFrom } from './generate';
import { cellOf, hostError } from './expectHost';

/** Three cells of different kinds: a formula, an error constant and text Excel would read as a number. */
function small() {
  const fake = new FakeExcel({
    sheets: [
      sheetFrom('S', [
        { row: 0, col: 0, value: 4 },
        { row: 1, col: 0, value: 5 },
        { row: 2, col: 0, value: 9, formula: '=SUM(A1:A2)', numberFormat: '#,##0' },
        { row: 3, col: 0, value: '#DIV/0!', type: 'Error' },
        { row: 4, col: 0, value: '1.595', numberFormat: '@' },
      ]),
      sheetFrom('T', [{ row: 0, col: 1, value: 7, numberFormat: '0.00' }]),
    ],
  });
  const edits: CellEdit[] = [
    { sheet: 'S', address: 'A3', before: { value: '', formula: '=SUM(A1:A2)', numberFormat: '#,##0' }, after: { value: 10, numberFormat: 'General' }, finding: { code: 'total-mismatch', cell: 'A3' } },
    { sheet: 'S', address: 'A4', before: { value: '#DIV/0!', numberFormat: 'General' }, after: { value: 'Kewenangan Pusat', numberFormat: 'General' }, finding: { code: 'division-by-zero', cell: 'A4' } },
    { sheet: 'S', address: 'A5', before: { value: '1.595', numberFormat: '@' }, after: { value: 1595, numberFormat: '#,##0' }, finding: { code: 'text-number', cell: 'A5' } },
    { sheet: 'T', address: 'B1', before: { value: 7, numberFormat: '0.00' }, after: { value: 8, numberFormat: '0.00' }, finding: { code: 'percent-mismatch', cell: 'B1' } },
  ];
  return { fake, edits };
}

describe('revertLogEntries', () => {
  it('lists every logged cell with its state before and now, in three syncs', async () => {
    const { fake, edits } = small();
    await applyEdits(fake.context, edits, { now: () => new Date('2024-05-01T00:00:00Z') });
    const start = fake.syncCount;
    const list = await revertLogEntries(fake.context);
    expect(fake.syncCount - start).toBe(3);
    expect(list).toHaveLength(4);
    const a3 = list.find((c) => c.address === 'A3')!;
    expect(a3).toMatchObject({ sheet: 'S', before: { formula: '=SUM(A1:A2)', numberFormat: '#,##0' }, now: { value: 10, numberFormat: 'General' }, finding: { code: 'total-mismatch', cell: 'A3' }, at: '2024-05-01T00:00:00.000Z' });
    expect(list.find((c) => c.address === 'A4')!.now).toEqual({ value: 'Kewenangan Pusat', numberFormat: 'General' });
    // Typed over since the fix: "now" is what the cell holds, not what the fix wrote.
    fake.type(fake.sheet('T'), 0, 1, 42);
    expect((await revertLogEntries(fake.context)).find((c) => c.sheet === 'T')!.now).toEqual({ value: 42, numberFormat: '0.00' });
  });

  it('is empty with no log (one sync), and lists a cell whose sheet is gone without "now"', async () => {
    const { fake, edits } = small();
    const start = fake.syncCount;
    expect(await revertLogEntries(fake.context)).toEqual([]);
    expect(fake.syncCount - start).toBe(1);
    await applyEdits(fake.context, edits);
    fake.sheet('T').name = 'T lama';
    const t = (await revertLogEntries(fake.context)).find((c) => c.sheet === 'T')!;
    expect(t.now).toBeUndefined();
    expect(t.before).toEqual({ value: 7, numberFormat: '0.00' });
  });
});

describe('revertCells', () => {
  it('puts back exactly the chosen cells (formula, error constant, text), keeps the rest in one new part', async () => {
    const { fake, edits } = small();
    await applyEdits(fake.context, edits, { now: () => new Date('2024-05-01T00:00:00Z') });
    const untouched = cellOf(fake, 'T', 'B1');
    const start = fake.syncCount;
    const n = await revertCells(fake.context, [{ sheet: 'S', address: 'A3' }, { sheet: 'S', address: '$A$4' }, { sheet: 'S', address: 'a5' }, { sheet: 'S', address: 'Z99' }], {
      now: () => new Date('2024-05-02T00:00:00Z'),
    });
    expect(n).toBe(3);
    const syncs = fake.syncs.slice(start);
    // Log and protection, the log's XML, the writes, the log rewritten: no sync per cell.
    expect(syncs).toHaveLength(4);
    expect(syncs[2].ops.some((k) => k.startsWith('write:'))).toBe(true);
    expect(syncs[2].ops.some((k) => k.startsWith('xml:'))).toBe(false);
    // The new part is added before the old one is deleted, after the writes.
    const last = syncs[3].ops.filter((k) => k.startsWith('xml:'));
    expect(last).toEqual(['xml:add', 'xml:delete']);

    expect(cellOf(fake, 'S', 'A3')).toMatchObject({ formula: '=SUM(A1:A2)', value: 9, numberFormat: '#,##0' });
    expect(cellOf(fake, 'S', 'A4')).toMatchObject({ value: '#DIV/0!', type: 'Error' });
    expect(cellOf(fake, 'S', 'A5')).toMatchObject({ value: '1.595', type: 'String', numberFormat: '@' });
    expect(cellOf(fake, 'T', 'B1')).toEqual(untouched);

    expect(fake.parts).toHaveLength(1);
    expect(fake.parts[0].namespaceUri).toBe(REVERT_LOG_NAMESPACE);
    const kept = decodeLog(fake.parts[0].xml);
    expect(kept.created).toBe('2024-05-02T00:00:00.000Z');
    expect(kept.entries.map((e) => `${e.sheet}!${e.address}`)).toEqual(['T!B1']);
    // The kept entry is the one recorded at the fix, with its time and finding.
    expect(kept.entries[0]).toMatchObject({ at: '2024-05-01T00:00:00.000Z', before: { value: 7, numberFormat: '0.00' }, finding: { code: 'percent-mismatch', cell: 'B1' } });

    expect(await revertLogSize(fake.context)).toBe(1);
    expect(await revertAll(fake.context)).toBe(1);
    expect(cellOf(fake, 'T', 'B1')).toMatchObject({ value: 7, numberFormat: '0.00' });
  });

  it('reverting the last cells leaves no log part; cells not in the log change nothing', async () => {
    const { fake, edits } = small();
    await applyEdits(fake.context, edits.slice(0, 1));
    const start = fake.syncCount;
    expect(await revertCells(fake.context, [{ sheet: 'S', address: 'A4' }])).toBe(0);
    expect(fake.syncs.slice(start).some((s) => s.ops.some((k) => k.startsWith('write:') || k === 'xml:add' || k === 'xml:delete'))).toBe(false);
    expect(fake.parts).toHaveLength(1);
    expect(await revertCells(fake.context, [{ sheet: 'S', address: 'A3' }])).toBe(1);
    expect(fake.parts).toHaveLength(0);
    expect(await revertLogSize(fake.context)).toBe(0);
    expect(await revertCells(fake.context, [])).toBe(0);
  });

  it('a cell fixed twice goes back to its state before the first fix, from either part', async () => {
    const fake = new FakeExcel({ sheets: [sheetFrom('S', [{ row: 0, col: 0, value: 5 }, { row: 1, col: 0, value: 'a' }])] });
    const edit = (address: string, before: CellEdit['before'], after: CellEdit['after']): CellEdit => ({ sheet: 'S', address, before, after, finding: { code: 'x', cell: address } });
    await applyEdits(fake.context, [edit('A1', { value: 5, numberFormat: 'General' }, { value: 6, numberFormat: '0.00' })], { now: () => new Date('2024-01-01T00:00:00Z') });
    await applyEdits(
      fake.context,
      [edit('A1', { value: 6, numberFormat: '0.00' }, { value: 7, numberFormat: '#,##0' }), edit('A2', { value: 'a', numberFormat: 'General' }, { value: 'b', numberFormat: 'General' })],
      { now: () => new Date('2024-01-02T00:00:00Z') },
    );
    expect(fake.parts).toHaveLength(2);
    expect(await revertCells(fake.context, [{ sheet: 'S', address: 'A1' }])).toBe(1);
    expect(cellOf(fake, 'S', 'A1')).toMatchObject({ value: 5, numberFormat: 'General' });
    expect(cellOf(fake, 'S', 'A2')).toMatchObject({ value: 'b' });
    expect(fake.parts).toHaveLength(1);
    expect(await revertAll(fake.context)).toBe(1);
    expect(cellOf(fake, 'S', 'A2')).toMatchObject({ value: 'a' });
  });

  it('a protected or missing sheet throws before anything is written, the log unchanged', async () => {
    const { fake, edits } = small();
    await applyEdits(fake.context, edits);
    const parts = fake.parts.map((p) => p.xml);
    const fixed = cellOf(fake, 'S', 'A3');
    fake.protect('T');
    const writesBefore = fake.writes.length;
    expect((await hostError(revertCells(fake.context, [{ sheet: 'S', address: 'A3' }, { sheet: 'T', address: 'B1' }]))).code).toBe('protected-sheet');
    expect(fake.writes.length).toBe(writesBefore);
    expect(cellOf(fake, 'S', 'A3')).toEqual(fixed);
    expect(fake.parts.map((p) => p.xml)).toEqual(parts);
    fake.protect('T', false);
    fake.sheet('T').name = 'T lama';
    const e = await hostError(revertCells(fake.context, [{ sheet: 'S', address: 'A3' }, { sheet: 'T', address: 'B1' }]));
    expect(e).toMatchObject({ code: 'changed-since-check', detail: { sheet: 'T', address: 'B1' } });
    expect(fake.writes.length).toBe(writesBefore);
    expect(fake.parts.map((p) => p.xml)).toEqual(parts);
    // The other sheet's cells still revert on their own.
    expect(await revertCells(fake.context, [{ sheet: 'S', address: 'A3' }])).toBe(1);
    expect(cellOf(fake, 'S', 'A3')).toMatchObject({ formula: '=SUM(A1:A2)' });
  });

  it('a failing log rewrite leaves the cells restored and the old log whole (revert again writes the same states)', async () => {
    const { fake, edits } = small();
    await applyEdits(fake.context, edits);
    fake.failAt('xml:add', 'GeneralException');
    expect((await hostError(revertCells(fake.context, [{ sheet: 'S', address: 'A3' }]))).code).toBe('write-failed');
    expect(cellOf(fake, 'S', 'A3')).toMatchObject({ formula: '=SUM(A1:A2)' });
    expect(await revertLogSize(fake.context)).toBe(4);
    expect(await revertCells(fake.context, [{ sheet: 'S', address: 'A3' }])).toBe(1);
    expect(await revertLogSize(fake.context)).toBe(3);
  });

  it('on a sample: every fix reverted one cell at a time gives back the workbook as it was', async () => {
    const xlsx = await readWorkbookFile(path.join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));
    const fake = new FakeExcel(xlsx);
    const snap = await readWorkbookSnapshot(fake.context);
    const edits = planFixes(snap, analyzeWorkbook(snap).findings).edits;
    await applyEdits(fake.context, edits);
    const half = edits.slice(0, Math.ceil(edits.length / 2));
    expect(await revertCells(fake.context, half)).toBe(half.length);
    expect(await revertLogSize(fake.context)).toBe(edits.length - half.length);
    for (const e of edits.slice(half.length)) expect(await revertCells(fake.context, [e])).toBe(1);
    expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(snap);
    expect(fake.parts).toHaveLength(0);
  });
});

describe('a log of tens of thousands of cells (past the 5 MB request limit in one part)', () => {
  it('reverting one cell rewrites the rest in parts under the limit, every one kept', async () => {
    const cells = [];
    const edits: CellEdit[] = [];
    for (let r = 0; r < 15_000; r++) {
      for (const col of [1, 2]) {
        const text = String(1000 + r * 7 + col);
        cells.push({ row: r, col, value: text, type: 'String' as const, numberFormat: '@' });
        const address = `${'ABC'[col]}${r + 1}`;
        edits.push({ sheet: 'Data', address, before: { value: text, numberFormat: '@' }, after: { value: Number(text), numberFormat: '#,##0' }, finding: { code: 'text-number', cell: address } });
      }
    }
    const fake = new FakeExcel({ sheets: [sheetFrom('Data', cells)] });
    await applyEdits(fake.context, edits);
    const start = fake.syncCount;
    expect(await revertCells(fake.context, [{ sheet: 'Data', address: 'C15000' }])).toBe(1);
    for (const s of fake.syncs.slice(start)) {
      // Reading all parts at once passes the response limit; the log reader then reads one part per sync.
      if (s.error) expect([s.error, s.ops.every((k) => k === 'xml:get')]).toEqual(['ResponsePayloadSizeLimitExceeded', true]);
      expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
    }
    expect(fake.parts.length).toBeGreaterThan(1);
    expect(cellOf(fake, 'Data', 'C15000')).toMatchObject({ value: edits[edits.length - 1].before.value, type: 'String' });
    expect(await revertLogSize(fake.context)).toBe(edits.length - 1);
  });
});

describe('OfficeHost.revertCells / revertLogEntries', () => {
  it('go through Excel.run and map failures to HostError', async () => {
    const { fake, edits } = small();
    const host = new OfficeHost({ run: fakeRun(fake), office: () => fakeOffice() });
    await host.applyEdits(edits);
    expect((await host.revertLogEntries()).map((c) => `${c.sheet}!${c.address}`).sort()).toEqual(['S!A3', 'S!A4', 'S!A5', 'T!B1']);
    expect(await host.revertCells([{ sheet: 'T', address: 'B1' }])).toBe(1);
    expect(await host.revertLogSize()).toBe(3);
    fake.failNextSync('InvalidOperationInCellEditMode');
    expect((await hostError(host.revertCells([{ sheet: 'S', address: 'A3' }]))).code).toBe('cell-editing');
    expect(await host.revertLogSize()).toBe(3);
  });
});
