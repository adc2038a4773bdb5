import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planFixes } from '../../src/core/fixes/plan';
import { HostError } from '../../src/host/types';
import { cellContent, gridView } from '../../src/preview/gridModel';
import { PreviewHost } from '../../src/preview/PreviewHost';
import { FLOTIM_SCALE } from '../fixtures/scales';

const NTT = readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));

async function open(): Promise<PreviewHost> {
  const host = new PreviewHost({ lang: 'id', theme: 'light' });
  await host.openBuffer(new Uint8Array(NTT), 'dinsos-ntt-2021.xlsx');
  return host;
}

const text = (host: PreviewHost, sheet: string, cell: string) => {
  const s = host.getState().snapshot!.sheets.find((x) => x.name === sheet)!;
  return gridView(s).cells.flat().find((c) => c?.address === cell)?.text;
};

describe('PreviewHost', () => {
  test('opens a workbook, reports its name, selects cells for the grid', async () => {
    const host = await open();
    expect(host.kind).toBe('preview');
    expect(await host.workbookName()).toBe('dinsos-ntt-2021.xlsx');
    const seen: number[] = [];
    host.subscribe(() => seen.push(host.getState().version));
    await host.selectCell('APBD', 'e11');
    expect(host.getState()).toMatchObject({ activeSheet: 'APBD', selected: { sheet: 'APBD', address: 'E11' } });
    expect(seen.length).toBe(1);
    await expect(host.selectCell('Tidak Ada', 'A1')).rejects.toBeInstanceOf(HostError);
  });

  test('applies fixes, refuses stale ones, and reverts every cell exactly', async () => {
    const host = await open();
    const before = await host.readSnapshot();
    const report = analyzeWorkbook(before, { lang: 'id' });
    const plan = planFixes(before, report.findings);
    const g13 = plan.edits.find((e) => e.address === 'G13' && e.sheet === 'Indikator 1 PMKS')!;
    expect(text(host, 'Indikator 1 PMKS', 'G13')).toBe('#DIV/0!');

    await host.applyEdits([g13]);
    expect(await host.revertLogSize()).toBe(1);
    expect(text(host, 'Indikator 1 PMKS', 'G13')).toBe('Kewenangan Pusat');
    // The snapshot the check saw is not changed in place.
    expect(before.sheets.find((s) => s.name === 'Indikator 1 PMKS')!.values[12][6]).toBe('#DIV/0!');

    // The same edit again: the cell no longer holds its 'before' state.
    await expect(host.applyEdits([g13])).rejects.toMatchObject({ code: 'changed-since-check', detail: { sheet: 'Indikator 1 PMKS', address: 'G13' } });
    // Nothing of a refused batch is written.
    const d8 = plan.edits.find((e) => e.address === 'D8')!;
    await expect(host.applyEdits([d8, g13])).rejects.toMatchObject({ code: 'changed-since-check' });
    expect(text(host, 'Indikator 1 PMKS', 'D8')).toBe('1.595');

    const rest = plan.edits.filter((e) => e !== g13);
    await host.applyEdits(rest);
    expect(await host.revertLogSize()).toBe(plan.edits.length);
    // The APBD figures are typed: the parent gets the right figure, typed too.
    expect(cellContent(host.getState().snapshot!.sheets.find((s) => s.name === 'APBD')!, 'C6')).toBe('38104680384');

    expect(await host.revertAll()).toBe(plan.edits.length);
    expect(await host.revertLogSize()).toBe(0);
    const after = await host.readSnapshot();
    expect(after).toEqual(before);
    await expect(host.revertAll()).rejects.toMatchObject({ code: 'nothing-to-revert' });
  });

  test('lists the fixed cells before and now, and reverts one cell while keeping the others', async () => {
    const host = await open();
    const before = await host.readSnapshot();
    const plan = planFixes(before, analyzeWorkbook(before, { lang: 'id' }).findings);
    const g13 = plan.edits.find((e) => e.address === 'G13' && e.sheet === 'Indikator 1 PMKS')!;
    const d8 = plan.edits.find((e) => e.address === 'D8' && e.sheet === 'Indikator 1 PMKS')!;
    expect(await host.revertLogEntries()).toEqual([]);
    await host.applyEdits([g13, d8]);

    const list = await host.revertLogEntries();
    expect(list.map((c) => c.address)).toEqual(['G13', 'D8']);
    expect(list[0]).toMatchObject({ sheet: 'Indikator 1 PMKS', before: g13.before, now: g13.after, finding: g13.finding });
    expect(list[1]).toMatchObject({ before: d8.before, now: d8.after });
    expect(typeof list[0].at).toBe('string');

    // One cell back: the grid shows it as it was, the other fix stays, and so does its log entry.
    expect(await host.revertCells([{ sheet: 'Indikator 1 PMKS', address: '$g$13' }])).toBe(1);
    expect(text(host, 'Indikator 1 PMKS', 'G13')).toBe('#DIV/0!');
    // D8 stays the number 1595 the fix wrote: drawn as a number (right-aligned), 1.595 as Indonesian Excel shows it.
    const d8Now = host.getState().snapshot!.sheets.find((x) => x.name === 'Indikator 1 PMKS')!;
    expect(gridView(d8Now).cells.flat().find((c) => c?.address === 'D8')).toMatchObject({ text: '1.595', numeric: true });
    expect((await host.revertLogEntries()).map((c) => c.address)).toEqual(['D8']);
    expect(await host.revertLogSize()).toBe(1);
    // A cell the log does not hold changes nothing.
    expect(await host.revertCells([{ sheet: 'Indikator 1 PMKS', address: 'G13' }])).toBe(0);
    expect(await host.revertCells([{ sheet: 'Indikator 1 PMKS', address: 'D8' }])).toBe(1);
    expect(await host.readSnapshot()).toEqual(before);
    expect(await host.revertLogSize()).toBe(0);
    await expect(host.revertCells([{ sheet: 'Indikator 1 PMKS', address: 'bukan' }])).rejects.toMatchObject({ code: 'write-failed' });
  });

  test('settings live with the open workbook and start afresh with another', async () => {
    const host = await open();
    await host.saveSettings({ scale: FLOTIM_SCALE, pusatMarker: 'Pusat' });
    expect(await host.loadSettings()).toEqual({ scale: FLOTIM_SCALE, pusatMarker: 'Pusat' });
    await host.openBuffer(new Uint8Array(NTT), 'lagi.xlsx');
    expect((await host.loadSettings()).scale).toBe('');
  });

  test('openLater: the workbook is named at once, read on the first check (which waits), and only once', async () => {
    const host = new PreviewHost({ lang: 'id', theme: 'light' });
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    host.openLater('dinsos-ntt-2021.xlsx', async () => {
      loads++;
      await gate;
      return new Uint8Array(NTT);
    });
    expect(host.getState()).toMatchObject({ name: 'dinsos-ntt-2021.xlsx', snapshot: null, loading: true });
    expect(await host.workbookName()).toBe('dinsos-ntt-2021.xlsx');
    expect(loads).toBe(0); // nothing fetched until asked
    const progress: unknown[] = [];
    const first = host.readSnapshot((p) => progress.push(p));
    const second = host.whenOpen();
    expect(loads).toBe(1);
    release();
    const snap = await first;
    await second;
    expect(loads).toBe(1);
    expect(snap.sheets.map((s) => s.name)).toContain('Indikator 1 PMKS');
    expect(host.getState()).toMatchObject({ loading: false, activeSheet: snap.sheets[0].name });
    expect(progress).toEqual([{ done: snap.sheets.length, total: snap.sheets.length }]);
    expect(await host.readSnapshot()).toBe(snap);
    await host.whenOpen(); // nothing waits any more
    expect(loads).toBe(1);
  });

  test('openLater: a failed read says why, and the next check tries again', async () => {
    const host = new PreviewHost({ lang: 'id', theme: 'light' });
    let fail = true;
    host.openLater('dinsos-ntt-2021.xlsx', async () => {
      if (fail) throw new Error('HTTP 503');
      return new Uint8Array(NTT);
    });
    await expect(host.whenOpen()).rejects.toThrow('HTTP 503');
    expect(host.getState()).toMatchObject({ name: 'dinsos-ntt-2021.xlsx', snapshot: null, loading: false });
    await expect(host.readSnapshot()).rejects.toThrow('HTTP 503');
    fail = false;
    const snap = await host.readSnapshot();
    expect(snap.sheets.length).toBeGreaterThan(3);
    expect(host.getState().loading).toBe(false);
  });

  test('openLater: another workbook opened meanwhile wins', async () => {
    const host = new PreviewHost({ lang: 'id', theme: 'light' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    host.openLater('first.xlsx', async () => {
      await gate;
      return new Uint8Array(NTT);
    });
    const pending = host.whenOpen();
    await host.openBuffer(new Uint8Array(NTT), 'second.xlsx');
    release();
    await pending;
    expect(host.getState().name).toBe('second.xlsx');
  });

  test('reading before a workbook is open is a read failure', async () => {
    const host = new PreviewHost({ lang: 'en', theme: 'dark' });
    await expect(host.readSnapshot()).rejects.toMatchObject({ code: 'read-failed' });
    expect(host.displayLanguage()).toBe('en');
    expect(host.theme()).toBe('dark');
  });
});

describe('grid model', () => {
  test('merged areas become spans; covered cells are left out; numbers are marked', async () => {
    const host = await open();
    const sheet = host.getState().snapshot!.sheets.find((s) => s.name === 'Indikator 1 PMKS')!;
    const view = gridView(sheet);
    expect(view.rows[0]).toBe(0);
    expect(view.cols[0].letter).toBe('A');
    const cells = view.cells.flat().filter((c) => c !== null);
    const a1 = cells.find((c) => c!.address === 'A1')!;
    expect(a1.colSpan ?? 1).toBeGreaterThanOrEqual(1);
    for (const m of sheet.merges) {
      const [tl] = m.split(':');
      expect(cells.some((c) => c!.address === tl)).toBe(true);
    }
    expect(cells.find((c) => c!.address === 'D4')!.numeric).toBe(true);
    expect(cells.find((c) => c!.address === 'G13')!.error).toBe(true);
  });

  test('a selected cell beyond the used range is still drawn', async () => {
    const host = await open();
    const sheet = host.getState().snapshot!.sheets.find((s) => s.name === 'APBD')!;
    const view = gridView(sheet, 'Z200');
    expect(view.rows.includes(199)).toBe(true);
    expect(view.cols.some((c) => c.letter === 'Z')).toBe(true);
  });
});
