import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { cellState, planFixes } from '../../src/core/fixes/plan';
import { ignoreEntry } from '../../src/core/ignore';
import { PreviewHost } from '../../src/preview/PreviewHost';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { errorMessage } from '../../src/taskpane/errorMessages';

const NTT = new Uint8Array(readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx')));

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

const stateOf = (snap: Awaited<ReturnType<typeof readWorkbookBuffer>>, sheet: string, address: string) => {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellState(s, Number(m[2]) - 1, col);
};

describe('Unduh buku kerja (preview)', () => {
  it('writes the fixes made in the preview and the ignore list into the opened file', async () => {
    const host = new PreviewHost({ lang: 'id', theme: 'light', storage: memoryStorage() });
    await host.openBuffer(NTT, 'dinsos-ntt-2021.xlsx');
    const snap = await host.readSnapshot();
    const findings = analyzeWorkbook(snap).findings;
    const plan = planFixes(snap, findings);
    const chosen = plan.edits.filter((e) => e.sheet === 'Indikator 1 PMKS' && (e.address === 'G13' || e.address === 'D13'));
    expect(chosen).toHaveLength(2);
    await host.applyEdits(chosen);
    const d8 = findings.find((f) => f.code === 'text-number' && f.cell === 'D8')!;
    await host.saveIgnoreList([ignoreEntry(d8, '2026-12-06T08:00:00.000Z', 'dicek nanti')]);

    const out = await host.fixedWorkbook();
    expect(out.written).toBe(2);
    expect(out.skipped).toBe(0);
    const back = await readWorkbookBuffer(out.data, 'back.xlsx');
    for (const e of chosen) expect(stateOf(back, e.sheet, e.address)).toEqual(e.after);
    expect(back.ignored?.map((e) => `${e.code} ${e.cell} ${e.reason}`)).toEqual(['text-number D8 dicek nanti']);
    // Reverted cells are not written.
    await host.revertCells([{ sheet: 'Indikator 1 PMKS', address: 'D13' }]);
    const again = await readWorkbookBuffer((await host.fixedWorkbook()).data, 'again.xlsx');
    expect(stateOf(again, 'Indikator 1 PMKS', 'D13')).toEqual(chosen.find((e) => e.address === 'D13')!.before);
  });

  it('with nothing fixed and nothing ignored, hands back the file as opened', async () => {
    const host = new PreviewHost({ lang: 'id', theme: 'light', storage: memoryStorage() });
    await host.openBuffer(NTT, 'dinsos-ntt-2021.xlsx');
    const out = await host.fixedWorkbook();
    expect(out.data).toBe(NTT);
    expect(out.written).toBe(0);
  });
});

describe('Unduh buku kerja (preview) for a workbook read from another format', () => {
  it('an .xls opened in the preview: the download says fixes need an .xlsx and how to save one, in both languages', async () => {
    const xls = new Uint8Array(readFileSync(join(__dirname, '../fixtures/legacy/dinsos-ntt-2021.xls')));
    const host = new PreviewHost({ lang: 'id', theme: 'light', storage: memoryStorage() });
    await host.openBuffer(xls, 'dinsos-ntt-2021.xls');
    const snap = await host.readSnapshot();
    expect(snap.sheets.length).toBeGreaterThan(0);
    const err = await host.fixedWorkbook().then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe('FixNeedsXlsxError');
    expect(errorMessage(err, 'id')).toMatch(/Perbaikan hanya dapat ditulis ke buku kerja \.xlsx, sedangkan "dinsos-ntt-2021\.xls" adalah/);
    expect(errorMessage(err, 'en')).toMatch(/Fixes can only be written into an \.xlsx workbook/);
  });
});
