/** The preview grid draws numbers as Excel does under the pane's language, and recalculates what a fix feeds. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planFixes } from '../../src/core/fixes/plan';
import type { CellEdit } from '../../src/core/fixes/types';
import { cellContent, gridView } from '../../src/preview/gridModel';
import { localNumberText, typedNumberText } from '../../src/preview/numberText';
import { PreviewHost } from '../../src/preview/PreviewHost';

const NTT = readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));

async function open(): Promise<PreviewHost> {
  const host = new PreviewHost({ lang: 'id', theme: 'light' });
  await host.openBuffer(new Uint8Array(NTT), 'dinsos-ntt-2021.xlsx');
  return host;
}

function shown(host: PreviewHost, sheetName: string, address: string, lang: 'id' | 'en' = 'id') {
  const sheet = host.getState().snapshot!.sheets.find((s) => s.name === sheetName)!;
  return gridView(sheet, null, lang).cells.flat().find((c) => c?.address === address)!;
}

describe('numbers in the reader’s separators', () => {
  it.each([
    ['201,667', '201.667'],
    ['31.58', '31,58'],
    ['6,353,928,630.80', '6.353.928.630,80'],
    ['96.82%', '96,82%'],
    ['(1,234)', '(1.234)'],
    ['Rp 1,234.00', 'Rp 1.234,00'],
    ['12 org.', '12 org.'],
    ['12/31/2021', '12/31/2021'],
    ['-', '-'],
  ])('%s is %s in Indonesian', (en, id) => {
    expect(localNumberText(en, 'id')).toBe(id);
    expect(localNumberText(en, 'en')).toBe(en);
  });

  it('the formula bar writes a typed number with the language’s decimal mark, every digit, no grouping', () => {
    expect(typedNumberText(31.5835, 'id')).toBe('31,5835');
    expect(typedNumberText(201667, 'id')).toBe('201667');
    expect(typedNumberText(31.5835, 'en')).toBe('31.5835');
  });

  it('the NTT sample as Indonesian Excel shows it, and as English Excel does when the pane speaks English', async () => {
    const host = await open();
    expect(shown(host, 'Indikator 1 PMKS', 'D30')).toMatchObject({ text: '2.560.142', numeric: true });
    expect(shown(host, 'Indikator 1 PMKS', 'G30').text).toBe('79,13');
    expect(shown(host, 'Indikator 1 PMKS', 'D30', 'en').text).toBe('2,560,142');
    expect(shown(host, 'Indikator 1 PMKS', 'G30', 'en').text).toBe('79.13');
    // A number stored as text is shown as typed in either language: that is what the finding is about.
    expect(shown(host, 'Indikator 1 PMKS', 'D8')).toMatchObject({ text: '1.595', numeric: false });
    expect(shown(host, 'Indikator 1 PMKS', 'D8', 'en').text).toBe('1.595');
    const apbd = host.getState().snapshot!.sheets.find((s) => s.name === 'APBD')!;
    expect(cellContent(apbd, 'C6', 'id')).toBe('38177592484');
    expect(cellContent(apbd, 'E11', 'id')).toMatch(/^31,5\d*$/);
    expect(cellContent(apbd, 'E11', 'en')).toMatch(/^31\.5\d*$/);
  });
});

describe('the grid after a fix', () => {
  it('a formula over a fixed cell shows its recalculated value, and a revert brings the old one back', async () => {
    const host = await open();
    const snap = await host.readSnapshot();
    // The PMKS % of row 27 (=F27/E27*100) over a corrected Kewenangan Provinsi figure.
    const e27 = snap.sheets[0].values[27 - 1 - snap.sheets[0].origin.row][4] as number;
    const edit: CellEdit = {
      sheet: 'Indikator 1 PMKS',
      address: 'E27',
      before: { value: e27, numberFormat: snap.sheets[0].numberFormat[27 - 1 - snap.sheets[0].origin.row][4] },
      after: { value: e27 * 2, numberFormat: '#,##0' },
      finding: { code: 'test', cell: 'E27' },
    };
    expect(shown(host, 'Indikator 1 PMKS', 'G27').text).toBe('78,94');
    await host.applyEdits([edit]);
    expect(shown(host, 'Indikator 1 PMKS', 'G27').text).toBe('39,47');
    await host.revertAll();
    expect(shown(host, 'Indikator 1 PMKS', 'G27').text).toBe('78,94');
  });

  it('every mechanical fix of the sample leaves the grid showing what the engine computes for each formula', async () => {
    const host = await open();
    const before = await host.readSnapshot();
    const plan = planFixes(before, analyzeWorkbook(before, { lang: 'id' }).findings);
    await host.applyEdits(plan.edits.filter((e) => !e.judgement));
    const after = await host.readSnapshot();
    const pmks = after.sheets.find((s) => s.name === 'Indikator 1 PMKS')!;
    // Nothing left stale: each % formula still in place shows its row's handled / provincial share.
    pmks.formulas.forEach((row, r) => {
      const f = row[6];
      if (typeof f !== 'string' || !/^=F\d+\/E\d+\*100$/.test(f)) return;
      const e = pmks.values[r][4];
      const h = pmks.values[r][5];
      if (typeof e === 'number' && typeof h === 'number' && e !== 0) expect(pmks.values[r][6]).toBeCloseTo((h / e) * 100, 9);
    });
  });
});
