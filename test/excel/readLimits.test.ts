/**
 * The add-in's read on real workbooks: more than 512 merged areas, whole-row
 * merges, a stray value far away, filtered sheets with many hidden bands, and
 * optional parts Excel refuses.
 */
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { OfficeHost } from '../../src/excel/officeHost';
import { MAX_READ_CELLS } from '../../src/excel/readBudget';
import { readWorkbookSnapshot } from '../../src/excel/readSnapshot';
import { HostError } from '../../src/host/types';
import { FakeExcel, fakeOffice, fakeRun } from './fakeExcel';
import { sheetFrom, type GenCell } from './generate';

/** A header-heavy sheet: `tables` tables, each a title merged over A:D and `merges - 1` label merges A:B. */
function mergedTables(tables: number, merges: number): WorkbookSnapshot {
  const cells: GenCell[] = [];
  const areas: string[] = [];
  for (let t = 0; t < tables; t++) {
    const top = t * (merges + 1);
    cells.push({ row: top, col: 0, value: `Tabel ${t + 1}` });
    areas.push(`A${top + 1}:D${top + 1}`);
    for (let i = 1; i < merges; i++) {
      cells.push({ row: top + i, col: 0, value: `Uraian ${t + 1}.${i}` }, { row: top + i, col: 2, value: i }, { row: top + i, col: 3, value: i * 2 });
      areas.push(`A${top + i + 1}:B${top + i + 1}`);
    }
  }
  return { sheets: [sheetFrom('Lampiran', cells, { merges: areas })] };
}

function grid(rows: number, cols: number): GenCell[] {
  const cells: GenCell[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.push({ row: r, col: c, value: c === 0 ? `Baris ${r + 1}` : r * cols + c });
  return cells;
}

describe('merged areas over 512', () => {
  it('reads 600 merged areas in row bands, no request over 512 areas, in a fixed 6 syncs', async () => {
    const wb = mergedTables(25, 24);
    expect(wb.sheets[0].merges.length).toBe(600);
    const fake = new FakeExcel(wb);
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap).toStrictEqual(wb);
    const merges = fake.areaQueries.filter((q) => q.kind === 'merges');
    expect(merges.length).toBeGreaterThan(1);
    expect(Math.max(...merges.map((q) => q.areas))).toBeLessThanOrEqual(512);
    expect(merges.reduce((n, q) => n + q.areas, 0)).toBe(600);
    // Sheets; the whole used range refused; the used ranges alone; merges and visible cells in halves; the cells.
    expect(fake.syncCount).toBe(6);
    expect(fake.syncs.filter((s) => s.error).length).toBe(1);
  });

  it('keeps 3 syncs for a sheet of 512 merged areas', async () => {
    const wb = mergedTables(16, 32);
    expect(wb.sheets[0].merges.length).toBe(512);
    const fake = new FakeExcel(wb);
    expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(wb);
    expect(fake.syncCount).toBe(3);
  });
});

describe('the read is clamped to the values', () => {
  it('reads a sheet with a whole-row title merge over its values only: 3 syncs, 500 x 8 cells', async () => {
    const wb: WorkbookSnapshot = { sheets: [sheetFrom('PMKS', grid(500, 8), { merges: ['A1:H1'] })] };
    const fake = new FakeExcel(wb);
    fake.sheet('PMKS').merges = ['1:1']; // the title row merged whole, as Excel stores a merge of a selected row
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap).toStrictEqual(wb);
    expect(snap.sheets[0].merges).toEqual(['A1:H1']);
    expect(fake.syncCount).toBe(3);
    expect(Math.max(...fake.syncs.map((s) => s.bytes))).toBeLessThan(500 * 8 * 200);
  });

  it('refuses a sheet with a stray value in J1048576 before reading any cell, naming how far it reaches', async () => {
    const wb: WorkbookSnapshot = { sheets: [sheetFrom('Kecil', grid(3, 3)), sheetFrom('Rekap', grid(20, 10))] };
    const fake = new FakeExcel(wb);
    fake.sheet('Rekap').putFar(1_048_575, 9, 'x');
    const err = await readWorkbookSnapshot(fake.context).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({
      code: 'read-too-large',
      detail: { sheet: 'Rekap', address: 'A1:J1048576', cells: 9 + 10_485_760, limit: MAX_READ_CELLS },
    });
    // The sheets and the bounds, nothing more: no cell was loaded.
    expect(fake.syncCount).toBe(2);
    expect(Math.max(...fake.syncs.map((s) => s.bytes))).toBeLessThan(10_000);
  });

  it('then checks the selected range or the active sheet alone', async () => {
    const wb: WorkbookSnapshot = { sheets: [sheetFrom('Kecil', grid(3, 3)), sheetFrom('Rekap', grid(20, 10), { merges: ['A1:C1'] })] };
    const fake = new FakeExcel(wb);
    fake.sheet('Rekap').putFar(1_048_575, 9, 'x');
    fake.selection = { sheet: 'Rekap', address: 'A1:Z40' };
    const host = new OfficeHost({ run: fakeRun(fake), office: () => fakeOffice() });
    const selected = await host.readSnapshot(undefined, 'selection');
    // The selection's filled part: A1:J20, with its merge.
    expect(selected).toStrictEqual({ sheets: [wb.sheets[1]] });
    // Sheets and selection; its filled part; merges; visible cells; the cells.
    expect(fake.syncCount).toBe(5);

    fake.active = 'Kecil';
    const before = fake.syncCount;
    const active = await host.readSnapshot(undefined, 'activeSheet');
    expect(active).toStrictEqual({ sheets: [wb.sheets[0]] });
    expect(fake.syncCount - before).toBe(3);

    fake.active = 'Rekap';
    await expect(host.readSnapshot(undefined, 'activeSheet')).rejects.toMatchObject({ code: 'read-too-large', detail: { sheet: 'Rekap' } });
  });
});

describe('optional parts Excel refuses', () => {
  /** 2,100 rows, every other one of the first 2,000 hidden by a filter: 1,000 hidden bands, 1,001 visible ones. */
  function filtered(): WorkbookSnapshot {
    const hiddenRows = Array.from({ length: 1000 }, (_, i) => i * 2 + 1);
    return { sheets: [sheetFrom('Saring', grid(2100, 4), { merges: ['B1:D1'], hiddenRows })] };
  }

  it('reads the hidden rows of a filtered sheet with 1,000 hidden bands in row bands when Excel refuses so many areas at once', async () => {
    const wb = filtered();
    const fake = new FakeExcel(wb);
    fake.visibleAreasLimit = 300;
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap).toStrictEqual(wb);
    const visible = fake.areaQueries.filter((q) => q.kind === 'visible');
    expect(Math.max(...visible.map((q) => q.areas))).toBeLessThanOrEqual(300);
    expect(snap.readNotes).toBeUndefined();
  });

  it('goes on without hidden rows when every try fails, and says so once', async () => {
    const wb = filtered();
    const fake = new FakeExcel(wb);
    fake.failVisibleCells = true;
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap.readNotes).toEqual([{ kind: 'hidden-rows-unread', sheets: ['Saring'] }]);
    const { hiddenRows: _, ...rest } = wb.sheets[0];
    expect(snap.sheets).toStrictEqual([rest]);
    // Bounded: halving stops after a fixed number of rounds, whatever the number of rows.
    expect(fake.syncCount).toBeLessThanOrEqual(1 + 2 + 1 + 5 + 1);
  });

  it('goes on without merged areas when loading their `areas` throws (office-js#5758), and says so once', async () => {
    const wb = mergedTables(3, 20);
    const fake = new FakeExcel(wb);
    fake.addressLimit = 40; // every list comes back truncated...
    fake.areasLoadLimit = 0; // ...and loading its areas fails
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap.readNotes).toEqual([{ kind: 'merges-unread', sheets: ['Lampiran'] }]);
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].values).toStrictEqual(wb.sheets[0].values);
    expect(snap.sheets[0].hiddenRows).toEqual([]);
  });

  it('still stops on cell-edit mode, which no retry can get round', async () => {
    const fake = new FakeExcel(mergedTables(25, 24));
    fake.failInNthSync('call:RangeAreas', 'InvalidOperationInCellEditMode', 1);
    await expect(readWorkbookSnapshot(fake.context)).rejects.toMatchObject({ code: 'cell-editing' });
  });
});
