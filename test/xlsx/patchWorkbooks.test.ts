/**
 * lakip fix's writing on real-shaped workbooks: the bundled samples, the fixtures with
 * charts, pivot tables, conditional formats, validation, names, comments and a VBA
 * project, and every corpus case written as office staff would type it. Each time only
 * the fixed cells (and the documented calc flag, styles and calcChain changes) differ,
 * the file reads back as planned, and one pass leaves nothing mechanical to fix.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseA1 } from '../../src/core/a1';
import { cellState } from '../../src/core/fixes/plan';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { patchCells } from '../../src/xlsx/patchCells';
import { fix, mechanicalEdits, partsOf, readBack, unexpectedDifferences } from './patchHelpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildWorkbook } = require('../../scripts/corpus/build.js');

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'fix');
const CASES = path.join(ROOT, 'test', 'corpus', 'cases');

function stateAt(wb: WorkbookSnapshot, sheet: string, address: string) {
  const at = parseA1(address)!;
  return cellState(wb.sheets.find((s) => s.name === sheet)!, at.row, at.col);
}

async function expectCleanFix(bytes: Uint8Array): Promise<{ back: WorkbookSnapshot; fixed: Uint8Array; written: number }> {
  const { edits, result } = await fix(bytes);
  expect(result.skipped).toEqual([]);
  expect(result.written).toHaveLength(edits.length);
  expect(await unexpectedDifferences(bytes, result.data, result)).toEqual([]);
  const back = await readBack(result.data);
  for (const e of edits) expect([e.sheet, e.address, stateAt(back, e.sheet, e.address)]).toEqual([e.sheet, e.address, e.after]);
  expect(mechanicalEdits(back).map((e) => `${e.sheet}!${e.address} ${e.finding.code}`)).toEqual([]);
  return { back, fixed: result.data, written: edits.length };
}

describe('lakip fix on the bundled samples', () => {
  it.each(['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx'])('%s', async (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'examples', name)));
    const { fixed, written } = await expectCleanFix(bytes);
    expect(written).toBeGreaterThan(10);
    // A fixed file has nothing left to fix mechanically: fixing it again writes nothing.
    const again = await fix(fixed);
    expect(again.result.data).toBe(fixed);
  }, 60_000);
});

describe('lakip fix on the fixtures', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f)).sort();

  it('has every fixture the README lists', () => {
    expect(files).toEqual(['chart.xlsx', 'conditional-validation.xlsx', 'macro.xlsm', 'names-comment.xlsx', 'pivot.xlsx']);
  });

  it.each(files)('%s: only the fixed cells change, every other part stays byte for byte', async (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
    const { back, fixed } = await expectCleanFix(bytes);
    expect(stateAt(back, 'PMKS', 'C5')).toEqual({ value: 1595, numberFormat: '#,##0' });
    expect(stateAt(back, 'PMKS', 'F7').value).toBe('Kewenangan Pusat');
    expect(stateAt(back, 'PMKS', 'F8').value).toBe(50);
    expect(stateAt(back, 'PMKS', 'C10').value).toBe(19015);
    expect(stateAt(back, 'PMKS', 'D10').value).toBe(5162);
    const before = await partsOf(bytes);
    const after = await partsOf(fixed);
    const kept = [...before.keys()].filter((p) => /chart|drawing|pivot|comments|vbaProject|sharedStrings|theme|docProps/.test(p));
    expect(kept.length).toBeGreaterThan(0);
    for (const p of kept) expect([p, after.get(p) === before.get(p)]).toEqual([p, true]);
    const sheet = after.get('xl/worksheets/sheet1.xml')!;
    if (name === 'conditional-validation.xlsx') expect(sheet).toMatch(/<conditionalFormatting sqref="F4:F9">[\s\S]*<dataValidation /);
    if (name === 'macro.xlsm') expect(after.get('xl/vbaProject.bin')).toBe(before.get('xl/vbaProject.bin'));
  }, 60_000);
});

describe('lakip fix on the corpus cases', () => {
  const cases = fs.readdirSync(CASES).filter((f) => f.endsWith('.json')).sort();
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-fix-corpus-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(cases)('%s', async (name) => {
    const file = path.join(dir, name.replace(/\.json$/, '.xlsx'));
    await buildWorkbook(JSON.parse(fs.readFileSync(path.join(CASES, name), 'utf8')), file);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const { fixed, written } = await expectCleanFix(bytes);
    if (written === 0) expect(fixed).toBe(bytes);
  }, 60_000);
});

describe('a workbook with nothing to fix', () => {
  it('comes back as the very same bytes', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'examples', 'dinsos-flotim-2020.xlsx')));
    const result = await patchCells(bytes, []);
    expect(result.data).toBe(bytes);
  });
});
