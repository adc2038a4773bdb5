import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { Finding } from '../../src/core/findings';
import type { WorkbookReport } from '../../src/core/model';
import {
  cellRef,
  countBySeverity,
  filterFindings,
  findingKey,
  groupFindings,
  isNarrativeFinding,
  sheetsWithoutTables,
  type NarrativeGroup,
  type SheetGroup,
} from '../../src/taskpane/findingGroups';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';

const f = (over: Partial<Finding>): Finding => ({ code: 'total-mismatch', severity: 'error', sheet: 'S', cell: 'A1', message: 'm', ...over });

describe('grouping and filtering findings', () => {
  let ntt: WorkbookReport;
  let sheetNames: string[];
  beforeAll(async () => {
    const snap = await readWorkbookBuffer(readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx')), 'dinsos-ntt-2021.xlsx');
    sheetNames = snap.sheets.map((s) => s.name);
    ntt = analyzeWorkbook(snap, { lang: 'id' });
  });

  test('NTT sample: sheets in order, tables inside them, the narrative in its own group, nothing lost', () => {
    const groups = groupFindings(ntt.findings, ntt.tables);
    const sheets = groups.filter((g): g is SheetGroup => g.type === 'sheet');
    const prose = groups.filter((g): g is NarrativeGroup => g.type === 'narrative');
    expect(sheets.map((g) => g.sheet)).toEqual(['Indikator 1 PMKS', 'Indikator 2 SPM', 'APBN', 'APBD']);
    expect(sheets[0].tables).toHaveLength(1);
    expect(sheets[0].tables[0]).toMatchObject({ range: 'A3:J30', kind: 'pmks' });
    expect(prose).toHaveLength(1);
    expect(prose[0]).toMatchObject({ from: 'sheet', name: 'Narasi' });
    // 'narrative-unlinked' infos are set apart (collapsed in the pane).
    expect(prose[0].unlinked.every((x) => x.code === 'narrative-unlinked')).toBe(true);
    expect(prose[0].findings.some((x) => x.code === 'narrative-unlinked')).toBe(false);
    const total = sheets.reduce((n, g) => n + g.tables.reduce((m, t) => m + t.findings.length, 0), 0) + prose[0].findings.length + prose[0].unlinked.length;
    expect(total).toBe(ntt.findings.length);
    // The engine's order is kept inside a group.
    expect(sheets[0].tables[0].findings.map((x) => x.cell).slice(0, 3)).toEqual(['D8', 'H8', 'D13']);
  });

  test('counts by severity match the findings', () => {
    const c = countBySeverity(ntt.findings);
    expect(c.error + c.warning + c.info).toBe(ntt.findings.length);
    expect(c.error).toBe(ntt.findings.filter((x) => x.severity === 'error').length);
  });

  test('sheets without a table are listed in workbook order', () => {
    expect(sheetsWithoutTables(sheetNames, ntt.tables)).toEqual(sheetNames.filter((s) => !ntt.tables.some((t) => t.sheet === s)));
    expect(sheetsWithoutTables(['A', 'B', 'C'], [{ sheet: 'B' }])).toEqual(['A', 'C']);
  });

  test('severity filter: a set shows only those, undefined shows all, an empty set none', () => {
    const list = [f({ severity: 'error' }), f({ severity: 'warning', cell: 'B2' }), f({ severity: 'info', cell: 'C3' })];
    expect(filterFindings(list, {}).length).toBe(3);
    expect(filterFindings(list, { severities: new Set(['warning', 'info'] as const) }).map((x) => x.severity)).toEqual(['warning', 'info']);
    expect(filterFindings(list, { severities: new Set() })).toEqual([]);
  });

  test('text search: every word, any order, case and accents ignored, over message, sheet, cell and related cell', () => {
    const list = [
      f({ message: 'Total Populasi tertulis 866', sheet: 'Indikator 2 SPM', cell: 'D8' }),
      f({ message: 'Persentase pada Program', sheet: 'APBD', cell: 'E11' }),
      f({ code: 'narrative-mismatch', message: 'Narasi menyebut', sheet: 'Narasi', cell: 'A7', related: { sheet: 'Indikator 1 PMKS', cell: 'H4' } }),
    ];
    const find = (text: string) => filterFindings(list, { text }).map((x) => x.cell);
    expect(find('populasi 866')).toEqual(['D8']);
    expect(find('866 POPULASI')).toEqual(['D8']);
    expect(find('apbd e11')).toEqual(['E11']);
    expect(find('H4')).toEqual(['A7']);
    expect(find('  ')).toEqual(['D8', 'E11', 'A7']);
    expect(find('persentáse')).toEqual(['E11']);
    expect(find('tidak-ada')).toEqual([]);
  });

  test('narrative findings: by code, by source file, and predikat outside a table', () => {
    expect(isNarrativeFinding(f({ code: 'narrative-rounded' }))).toBe(true);
    expect(isNarrativeFinding(f({ code: 'terbilang-mismatch' }))).toBe(true);
    expect(isNarrativeFinding(f({ code: 'predikat-mismatch' }))).toBe(true);
    expect(isNarrativeFinding(f({ code: 'predikat-mismatch', table: 'A3:H5' }))).toBe(false);
    expect(isNarrativeFinding(f({ code: 'total-mismatch', table: 'A3:H5' }))).toBe(false);
    const fromFile = f({ code: 'narrative-mismatch', sheet: '', cell: '¶12', source: { file: 'laporan.docx', paragraph: 12 } });
    const groups = groupFindings([fromFile, f({ code: 'narrative-unlinked', severity: 'info', cell: '¶3', sheet: '', source: { file: 'laporan.docx', paragraph: 3 } })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: 'narrative', from: 'file', name: 'laporan.docx', count: 2 });
  });

  test('findings outside any table come last in their sheet', () => {
    const groups = groupFindings([f({ cell: 'Z1' }), f({ table: 'A1:C3', cell: 'B2' })], [{ sheet: 'S', range: 'A1:C3', kind: 'count' }]);
    const g = groups[0] as SheetGroup;
    expect(g.tables.map((t) => t.range)).toEqual(['A1:C3', undefined]);
    expect(g.tables[0].kind).toBe('count');
  });

  test('keys are unique within the sample report', () => {
    const keys = ntt.findings.map(findingKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('cell references quote sheet names the way Excel does', () => {
    expect(cellRef('APBD', 'C6')).toBe('APBD!C6');
    expect(cellRef('Indikator 1 PMKS', 'G13')).toBe("'Indikator 1 PMKS'!G13");
    expect(cellRef("Dinas's", 'A1')).toBe("'Dinas''s'!A1");
  });
});

describe('severity chips show only their severity', () => {
  it('one click shows only that severity; a second click shows all again', async () => {
    const { showOnly, chipPressed, SEVERITIES } = await import('../../src/taskpane/findingGroups');
    const all = new Set(SEVERITIES);
    const errors = showOnly(all, 'error');
    expect([...errors]).toEqual(['error']);
    expect(chipPressed(errors, 'error')).toBe(true);
    expect(chipPressed(all, 'error')).toBe(false);
    expect([...showOnly(errors, 'warning')]).toEqual(['warning']);
    expect([...showOnly(errors, 'error')].sort()).toEqual([...SEVERITIES].sort());
  });
});
