/**
 * The browser preview opens the other formats through the same entry point as an .xlsx
 * (PreviewHost.openBuffer -> readWorkbookBuffer -> the legacy reader, loaded on demand).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { gridView } from '../../src/preview/gridModel';
import { PreviewHost } from '../../src/preview/PreviewHost';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'test', 'fixtures', 'legacy');

async function open(file: string, bytes: Buffer): Promise<PreviewHost> {
  const host = new PreviewHost({ lang: 'id', theme: 'light' });
  await host.openBuffer(new Uint8Array(bytes), file);
  return host;
}

test.each(['dinsos-ntt-2021.xls', 'dinsos-ntt-2021.ods', 'dinsos-ntt-2021-xml2003.xml'])('%s opens in the preview as the .xlsx does', async (file) => {
  const xlsx = await open('dinsos-ntt-2021.xlsx', readFileSync(join(ROOT, 'examples', 'dinsos-ntt-2021.xlsx')));
  const other = await open(file, readFileSync(join(FIX, file)));
  expect(await other.workbookName()).toBe(file);
  const a = await xlsx.readSnapshot();
  const b = await other.readSnapshot();
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  const keys = (s: typeof a) => analyzeWorkbook(s, { lang: 'id' }).findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`).sort();
  expect(keys(b)).toEqual(keys(a));
  const cell = (h: PreviewHost) => gridView(h.getState().snapshot!.sheets[0]).cells.flat().find((c) => c?.address === 'D4')?.text;
  expect(cell(other)).toBe(cell(xlsx));
});

test('an HTML export opens in the preview as one sheet named after the file', async () => {
  const host = await open('pmks-ekspor-web.xls', readFileSync(join(FIX, 'pmks-ekspor-web.xls')));
  const snap = await host.readSnapshot();
  expect(snap.sheets.map((s) => s.name)).toEqual(['pmks-ekspor-web']);
  // The grid shows the number as it shows the workbook's (its own rendering of value and format).
  const xlsx = await open('dinsos-ntt-2021.xlsx', readFileSync(join(ROOT, 'examples', 'dinsos-ntt-2021.xlsx')));
  const pmks = (await xlsx.readSnapshot()).sheets[0];
  const d4 = (s: typeof pmks) => gridView(s).cells.flat().find((c) => c?.address === 'D4')?.text;
  expect(d4(snap.sheets[0])).toBe(d4(pmks));
});
