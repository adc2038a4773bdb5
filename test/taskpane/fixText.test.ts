import type { CellEdit } from '../../src/core/fixes/types';
import type { Finding } from '../../src/core/findings';
import { describeContent, describeEdit, describeFormat, editFor, editsByFinding, editsFor, fixAllEdits } from '../../src/taskpane/fixText';

const edit = (over: Partial<CellEdit> = {}): CellEdit => ({
  sheet: 'Indikator 1 PMKS',
  address: 'G13',
  before: { value: '', formula: '=F13/E13*100', numberFormat: '0.00' },
  after: { value: 'Kewenangan Pusat', numberFormat: '0.00' },
  finding: { code: 'division-by-zero', cell: 'G13' },
  ...over,
});

describe('fix preview text', () => {
  test('content: formula, text, number in the UI language, empty', () => {
    expect(describeContent({ value: '', formula: '=SUM(E4:E29)', numberFormat: 'General' }, 'id')).toBe('=SUM(E4:E29)');
    expect(describeContent({ value: 'Kewenangan Pusat', numberFormat: '0.00' }, 'id')).toBe('"Kewenangan Pusat" (teks)');
    expect(describeContent({ value: '1.595', numberFormat: 'General' }, 'en')).toBe('"1.595" (text)');
    expect(describeContent({ value: 31.58, numberFormat: '0.00' }, 'id')).toBe('31,58');
    expect(describeContent({ value: 31.58, numberFormat: '0.00' }, 'en')).toBe('31.58');
    expect(describeContent({ value: '', numberFormat: 'General' }, 'id')).toBe('(kosong)');
    expect(describeContent({ value: '#DIV/0!', numberFormat: 'General' }, 'id')).toBe('#DIV/0!');
  });

  test('number formats in the words of Excel\'s menu, with an example', () => {
    expect(describeFormat('General', 'id')).toBe('Umum');
    expect(describeFormat('General', 'en')).toBe('General');
    expect(describeFormat('@', 'id')).toBe('Teks');
    expect(describeFormat('#,##0.00', 'id')).toBe('Angka (1.234,56)');
    expect(describeFormat('#,##0.00', 'en')).toBe('Number (1,234.56)');
    expect(describeFormat('0.00%', 'id')).toBe('Persentase (96,82%)');
    expect(describeFormat('"Rp"#,##0', 'id')).toBe('Mata uang (Rp 1.234)');
    expect(describeFormat('dd-mm-yy', 'id')).toBe('Tanggal (dd-mm-yy)');
    expect(describeContent({ value: 1104, numberFormat: 'General' }, 'id')).toBe('1.104');
    expect(describeContent({ value: 2100000.5, numberFormat: 'General' }, 'en')).toBe('2,100,000.5');
  });

  test('number format shown only when it changes', () => {
    expect(describeEdit(edit(), 'id').format.changed).toBe(false);
    const d = describeEdit(edit({ before: { value: '1.595', numberFormat: 'General' }, after: { value: 1595, numberFormat: '#,##0' } }), 'id');
    expect(d.format).toEqual({ before: 'Umum', after: 'Angka (1.234)', changed: true });
    expect(d.content).toEqual({ before: '"1.595" (teks)', after: '1.595', changed: true });
  });

  test('each finding with a fix finds its planned edit; narrative findings and others do not', () => {
    const index = editsByFinding({ edits: [edit()], skipped: [] });
    const f: Finding = { code: 'division-by-zero', severity: 'warning', sheet: 'Indikator 1 PMKS', cell: 'G13', message: '', fix: { kind: 'set-text', value: 'Kewenangan Pusat' } };
    expect(editFor(index, f)).toBe(index.values().next().value);
    expect(editFor(index, { ...f, fix: undefined })).toBeUndefined();
    expect(editFor(index, { ...f, code: 'error-value' })).toBeUndefined();
    expect(editFor(index, { ...f, source: { file: 'x.docx', paragraph: 1 } })).toBeUndefined();
  });
});

describe('grouped findings in the pane', () => {
  test('editsFor gives one edit per cell of the group, the first cell first', () => {
    const e = (cell: string): CellEdit => edit({ sheet: 'REKAP', address: cell, finding: { code: 'text-number', cell } });
    const index = editsByFinding({ edits: [e('H15'), e('H14'), e('H16')], skipped: [] });
    const f: Finding = {
      code: 'text-number',
      severity: 'warning',
      sheet: 'REKAP',
      cell: 'H14',
      message: '3 sel …',
      fix: { kind: 'convert-text-number', value: 0 },
      group: { count: 3, members: ['H14', 'H15', 'H16'].map((cell) => ({ cell, fix: { kind: 'convert-text-number' as const, value: 0 } })) },
    };
    expect(editsFor(index, f).map((x) => x.address)).toEqual(['H14', 'H15', 'H16']);
    expect(editsFor(index, { ...f, group: undefined }).map((x) => x.address)).toEqual(['H14']);
  });
});

describe('fix all', () => {
  test('writes every mechanical edit, follow-ups included, and no judgement', () => {
    const plan = {
      edits: [edit(), edit({ address: 'H8', judgement: true }), edit({ address: 'C13', followUp: true })],
      skipped: [],
    };
    expect(fixAllEdits(plan).map((e) => e.address)).toEqual(['G13', 'C13']);
  });
});
