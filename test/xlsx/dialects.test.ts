/**
 * One LAKIP table in the .xlsx dialects of many producers (test/fixtures/dialects/):
 * every dialect must read through readWorkbookBuffer into the same normalised
 * snapshot as the plain Excel-like variant (values, formulas, value types, number
 * formats and displayed text where the format is the same, merges, hidden rows,
 * sheet names, visibility and kind), and the engine must give the same finding
 * codes at the same cells. Where the file itself says something else (no cached
 * formula results, the 1904 date system, no styles), the expectation is the plain
 * snapshot adjusted by what the dialect declares (`expect` in dialects.ts).
 *
 * The plain variant itself is held to content.ts, cell by cell, so the reference
 * is not just whatever the reader makes of it.
 *
 * Every dialect was also opened with LibreOffice 7 (soffice --convert-to csv), which
 * read each one as the same table: the packages are valid, a refusal is the reader's.
 *
 * Gaps of the reader are marked it.failing with the gap named (GAPS below): such a
 * test passes while the gap exists and fails once the reader is fixed, and the mark
 * must then be removed.
 *
 * DIALECTS_OUT=/tmp/dialects writes every variant there, to open by hand.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import type { RawValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import {
  CHART_SHEET_NAME,
  DATA_SHEET,
  DIALECTS,
  dialect,
  dialectBytes,
  fileName,
  HIDDEN_SHEET,
  styleDef,
  writeDialects,
  type CellSpec,
  type Dialect,
  type SheetContent,
} from '../fixtures/dialects';
import { cellMap } from './cells';

jest.setTimeout(30_000);

/**
 * What the current reader gets wrong, by dialect; `snapshot` and `findings` name the
 * gap for each test. Remove an entry (and so the it.failing) once the reader reads it.
 */
const GAPS: Record<string, { snapshot?: string; findings?: string }> = {
  // None with the streaming reader (src/xlsx/read/). The exceljs reader it replaced read strict
  // t="d" dates as their year, refused rows or cells without r and lower-case references, and
  // did not follow _rels/.rels to a workbook part under another name.
};

interface NormCell {
  value: RawValue;
  formula: RawValue;
  type: ValueType;
  format?: string;
  /** Not compared when undefined (a format the file words itself, or a result the test cannot format). */
  text?: string;
}

interface NormSheet {
  name: string;
  visibility: string;
  kind: string;
  merges: string[];
  hiddenRows: number[];
  /** Cells holding something: a value, or a formula (with or without a result). */
  cells: Record<string, NormCell>;
}

function normSheet(s: SheetSnapshot): NormSheet {
  const cells: Record<string, NormCell> = {};
  for (const [a1, c] of cellMap(s)) {
    const isFormula = typeof c.formula === 'string' && c.formula.startsWith('=');
    if (c.valueType === 'Empty' && !isFormula) continue;
    cells[a1] = { value: c.value, formula: c.formula, type: c.valueType, format: c.numberFormat, text: c.text };
  }
  return {
    name: s.name,
    visibility: s.visibility,
    kind: s.kind ?? 'worksheet',
    merges: s.merges.map((m) => m.toUpperCase()).sort(),
    hiddenRows: [...(s.hiddenRows ?? [])].sort((a, b) => a - b),
    cells,
  };
}

const norm = (wb: WorkbookSnapshot): NormSheet[] => wb.sheets.map(normSheet);

/** The same, with the parts not compared (undefined format/text) taken out of both sides. */
function comparable(actual: NormSheet[], expected: NormSheet[]): [NormSheet[], NormSheet[]] {
  const a = structuredClone(actual);
  for (const sheet of expected) {
    const got = a.find((s) => s.name === sheet.name);
    if (!got) continue;
    for (const [a1, cell] of Object.entries(sheet.cells)) {
      const g = got.cells[a1];
      if (!g) continue;
      if (cell.format === undefined) delete g.format;
      if (cell.text === undefined) delete g.text;
    }
  }
  const e = structuredClone(expected);
  for (const s of e) for (const c of Object.values(s.cells)) for (const k of ['format', 'text'] as const) if (c[k] === undefined) delete c[k];
  return [a, e];
}

/** What content.ts says a cell reads as (value, formula, type); formats checked separately. */
function fromContent(c: CellSpec): { value: RawValue; formula: RawValue; type: ValueType } | null {
  switch (c.k) {
    case 'blank':
      return null;
    case 's':
      return { value: c.v, formula: c.v, type: 'String' };
    case 'n':
    case 'd':
      return { value: c.v, formula: c.v, type: 'Double' };
    case 'b':
      return { value: c.v, formula: c.v, type: 'Boolean' };
    case 'f': {
      const f = `=${c.f}`;
      const r = c.cached;
      if (r.t === 'n') return { value: r.v, formula: f, type: 'Double' };
      if (r.t === 'e') return { value: r.v, formula: f, type: 'Error' };
      return r.v === '' ? { value: '', formula: f, type: 'Empty' } : { value: r.v, formula: f, type: 'String' };
    }
  }
}

function contentCells(sheet: SheetContent): Record<string, { value: RawValue; formula: RawValue; type: ValueType }> {
  const out: Record<string, { value: RawValue; formula: RawValue; type: ValueType }> = {};
  for (const row of sheet.rows) {
    for (const [col, spec] of Object.entries(row.cells)) {
      const c = fromContent(spec);
      if (c) out[`${col}${row.r}`] = c;
    }
  }
  return out;
}

/** The plain variant's normalised snapshot, adjusted by what a dialect's file says differently. */
function expectedFor(d: Dialect, plain: NormSheet[]): NormSheet[] {
  const e = structuredClone(plain);
  const data = e.find((s) => s.name === DATA_SHEET.name)!;
  const x = d.expect ?? {};
  for (const [a1, c] of Object.entries(data.cells)) {
    const isFormula = typeof c.formula === 'string' && c.formula.startsWith('=');
    if (isFormula && x.formulaCache === 'none') Object.assign(c, { value: '', type: 'Empty', text: '' });
    if (isFormula && x.formulaCache === 'zero') Object.assign(c, { value: 0, type: 'Double', text: undefined });
    if (x.date1904Cells?.includes(a1)) c.value = c.formula = (c.value as number) - 1462;
    if (x.noFormats) {
      if (c.format !== 'General') c.text = undefined;
      c.format = 'General';
    }
    if (x.formatMayDiffer?.includes(a1)) {
      c.format = undefined;
      c.text = undefined;
    }
  }
  if (x.extraSheets) {
    const ref = contentCells(HIDDEN_SHEET);
    const cells: Record<string, NormCell> = {};
    for (const [a1, c] of Object.entries(ref)) cells[a1] = { ...c, format: 'General', text: String(c.value) };
    e.push({ name: CHART_SHEET_NAME, visibility: 'Visible', kind: 'chart', merges: [], hiddenRows: [], cells: {} });
    e.push({ name: HIDDEN_SHEET.name, visibility: 'Hidden', kind: 'worksheet', merges: [], hiddenRows: [], cells });
  }
  return e;
}

/** The plain snapshot itself, adjusted the same way, for the engine. */
function expectedSnapshotFor(d: Dialect, plain: WorkbookSnapshot, actual: WorkbookSnapshot): WorkbookSnapshot {
  const snap = structuredClone(plain);
  const x = d.expect ?? {};
  const s = snap.sheets[0];
  s.formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      if (typeof f !== 'string' || !f.startsWith('=')) return;
      if (x.formulaCache === 'none') setCell(s, i, j, '', 'Empty', '');
      if (x.formulaCache === 'zero') setCell(s, i, j, 0, 'Double', '0');
    }),
  );
  if (x.extraSheets) snap.sheets.push(...actual.sheets.filter((t) => t.name !== DATA_SHEET.name));
  return snap;
}

function setCell(s: SheetSnapshot, i: number, j: number, value: RawValue, type: ValueType, text: string): void {
  s.values[i][j] = value;
  s.valueTypes[i][j] = type;
  s.text[i][j] = text;
}

const findingKeys = (wb: WorkbookSnapshot) =>
  analyzeWorkbook(wb)
    .findings.map((f) => `${f.code} ${f.severity} ${f.sheet}!${f.cell}`)
    .sort();

let plainSnap: WorkbookSnapshot;
let plainNorm: NormSheet[];

beforeAll(async () => {
  if (process.env.DIALECTS_OUT) writeDialects(process.env.DIALECTS_OUT);
  plainSnap = await readWorkbookBuffer(dialectBytes(dialect('plain')), 'plain.xlsx');
  plainNorm = norm(plainSnap);
});

describe('the plain variant is the reference', () => {
  it('reads as content.ts says, cell by cell', () => {
    expect(plainNorm.map((s) => [s.name, s.visibility, s.kind])).toEqual([[DATA_SHEET.name, 'Visible', 'worksheet']]);
    const got = plainNorm[0];
    const want = contentCells(DATA_SHEET);
    const strip = (cells: Record<string, NormCell>) => Object.fromEntries(Object.entries(cells).map(([a1, c]) => [a1, { value: c.value, formula: c.formula, type: c.type }]));
    expect(strip(got.cells)).toEqual(want);
    expect(got.merges).toEqual([...DATA_SHEET.merges].sort());
    expect(got.hiddenRows).toEqual([9]);
  });

  it('number formats are the codes the styles name, and the text is shown by them', () => {
    const cells = plainNorm[0].cells;
    for (const row of DATA_SHEET.rows) {
      for (const [col, spec] of Object.entries(row.cells)) {
        const a1 = `${col}${row.r}`;
        if (spec.k === 'blank' || a1 === 'C13' || !cells[a1]) continue; // C13: built-in 14, whose code each reader names its own way
        expect([a1, cells[a1].format]).toEqual([a1, styleDef(spec.s).code]);
      }
    }
    expect(cells.B13.text).toBe('31/12/2023');
    expect(cells.B14.text).toBe('96.82%');
    expect(cells.B15.text).toBe('TRUE');
    expect(cells.B16.text).toBe('(1,234)');
    expect(cells.C16.text).toBe('Rp1,250,000');
    expect(cells.D16.text).toBe('50%');
    expect(cells.E16.text).toBe('1,234.50');
    expect(cells.C11.text).toBe('5,800,000');
    expect(cells.E9.text).toBe('#DIV/0!');
  });

  it('the engine finds the budget table and its findings', () => {
    const report = analyzeWorkbook(plainSnap);
    expect(report.tables.map((t) => [t.sheet, t.kind])).toEqual([[DATA_SHEET.name, 'budget']]);
    expect(report.findings.length).toBeGreaterThan(0);
  });
});

describe.each(DIALECTS.filter((d) => d.id !== 'plain').map((d) => [d.id, d] as const))('%s', (id, d) => {
  const gap = GAPS[id] ?? {};

  (gap.snapshot ? it.failing : it)(`reads into the same snapshot as the plain variant (${d.note})`, async () => {
    const snap = await readWorkbookBuffer(dialectBytes(d), fileName(d));
    const [actual, expected] = comparable(norm(snap), expectedFor(d, plainNorm));
    expect(actual).toEqual(expected);
  });

  (gap.findings ? it.failing : it)('gives the same finding codes at the same cells', async () => {
    const snap = await readWorkbookBuffer(dialectBytes(d), fileName(d));
    expect(findingKeys(snap)).toEqual(findingKeys(expectedSnapshotFor(d, plainSnap, snap)));
  });
});
