/** Output formatting, without reading any workbook. */
import type { Finding } from '../../src/core/findings';
import { JsonWriter, jsonFile, jsonFinding } from '../../src/cli/formatJson';
import { expectedActual, formatFileText, formatSummaryText, makeStyle } from '../../src/cli/formatText';
import { langFromArgv } from '../../src/cli/messages';
import { formatNumber } from '../../src/cli/numbers';
import { Progress } from '../../src/cli/progress';
import type { FileResult } from '../../src/cli/result';
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/;

const finding = (over: Partial<Finding> = {}): Finding => ({
  code: 'total-mismatch',
  severity: 'error',
  sheet: 'PMKS',
  cell: 'D20',
  message: 'Jumlah tidak sama dengan total baris di atasnya.',
  expected: '38104680384',
  actual: '38104680000.5',
  ...over,
});

const sample: FileResult = {
  file: 'laporan.xlsx',
  tables: [
    { sheet: 'PMKS', range: 'A4:H20', kind: 'pmks', confidence: 'high', lowConfidence: [] },
    { sheet: 'Anggaran', range: 'B3:F40', kind: 'budget', confidence: 'low', lowConfidence: ['F'] },
  ],
  findings: [
    finding(),
    finding({ severity: 'warning', sheet: 'Anggaran', cell: 'F12', code: 'text-number', expected: undefined, actual: '1.234' }),
    finding({ severity: 'info', cell: 'H7', code: 'missing-value', expected: undefined, actual: undefined }),
  ],
};

describe('formatNumber', () => {
  it.each([
    ['38104680384', '38.104.680.384', '38,104,680,384'],
    ['1234567.89', '1.234.567,89', '1,234,567.89'],
    ['-1234.5', '-1.234,5', '-1,234.5'],
    ['0.125', '0,125', '0.125'],
    ['999', '999', '999'],
    ['1e6', '1.000.000', '1,000,000'],
    ['.5', '0,5', '0.5'],
  ])('%s', (input, idText, enText) => {
    expect(formatNumber(input, 'id')).toBe(idText);
    expect(formatNumber(input, 'en')).toBe(enText);
  });

  it('leaves text alone', () => {
    expect(formatNumber('Sangat Baik', 'id')).toBe('Sangat Baik');
    expect(formatNumber('#DIV/0!', 'en')).toBe('#DIV/0!');
  });
});

describe('expected/actual', () => {
  it('id and en wording', () => {
    expect(expectedActual({ expected: '1234567.89', actual: '1234567' }, 'id')).toBe('seharusnya 1.234.567,89, tertulis 1.234.567');
    expect(expectedActual({ expected: '1234567.89', actual: '1234567' }, 'en')).toBe('expected 1,234,567.89, found 1,234,567');
  });
  it('quotes text, names empty values, omits missing parts', () => {
    expect(expectedActual({ expected: 'Baik', actual: '' }, 'id')).toBe('seharusnya "Baik", tertulis (kosong)');
    expect(expectedActual({ actual: '5' }, 'en')).toBe('found 5');
    expect(expectedActual({}, 'en')).toBe('');
  });
  it('text as written in the cell stays as written', () => {
    expect(expectedActual({ code: 'text-number', expected: '1595', actual: '1.595' }, 'id')).toBe('seharusnya 1.595, tertulis "1.595"');
    expect(expectedActual({ code: 'text-number', expected: '1595', actual: '1,595' }, 'en')).toBe('expected 1,595, found "1,595"');
    expect(expectedActual({ code: 'duplicate-code', actual: '1.06' }, 'id')).toBe('tertulis "1.06"');
    expect(expectedActual({ code: 'total-mismatch', expected: '1.06', actual: '1' }, 'id')).toBe('seharusnya 1,06, tertulis 1');
  });

  it('leaves out what the message already says, a figure counting in the form the sheet shows it', () => {
    const textNumber = 'Angka "1.595" pada "Anak Dengan Kedisabilitas" tersimpan sebagai teks, sehingga SUM melewatinya. Simpan sebagai angka 1595.';
    expect(expectedActual({ code: 'text-number', expected: '1595', actual: '1.595', message: textNumber }, 'id')).toBe('');
    const capaian = 'Capaian pada "Indikator" tertulis 99,66, tetapi realisasi / target × 100 = 98,5.';
    expect(expectedActual({ code: 'capaian-mismatch', expected: '98.5', actual: '99.6565348775436', message: capaian }, 'id')).toBe('');
    expect(expectedActual({ code: 'capaian-mismatch', expected: '98.5', actual: '99.6565348775436', message: capaian.replace('98,5', 'lain') }, 'id')).toBe('seharusnya 98,5');
    // A cell address is not a figure: E22 does not say 22.
    expect(expectedActual({ code: 'total-mismatch', expected: '22', actual: '20', message: 'Selisihnya sama dengan baris E22, tertulis 20.' }, 'id')).toBe('seharusnya 22');
    expect(expectedActual({ code: 'division-by-zero', expected: 'Kewenangan Pusat', actual: '#DIV/0!', message: '#DIV/0! pada "X". Tulis "Kewenangan Pusat".' }, 'id')).toBe('');
    expect(expectedActual({ code: 'total-mismatch', expected: '1234.5', actual: '1230', message: 'Total says 1,230, but its rows add up to 1,234.5.' }, 'en')).toBe('');
  });
});

describe('json', () => {
  it('keeps finding keys in contract order and omits undefined expected/actual', () => {
    const withTable = jsonFinding(finding({ table: 'A4:H20' }));
    expect(Object.keys(withTable)).toEqual(['code', 'severity', 'sheet', 'cell', 'table', 'message', 'expected', 'actual']);
    const bare = jsonFinding(finding({ expected: undefined, actual: undefined, fix: { kind: 'set-value', value: 1 } }));
    expect(Object.keys(bare)).toEqual(['code', 'severity', 'sheet', 'cell', 'message']);
    const grouped = jsonFinding(
      finding({ messageId: 'text-number', params: { raw: '0,00' }, group: { count: 2, members: [{ cell: 'H14' }, { cell: 'H15' }] }, repeatedIn: [{ sheet: 'Narasi', cell: 'A7' }] }),
    );
    expect(Object.keys(grouped).slice(-4)).toEqual(['repeatedIn', 'group', 'messageId', 'params']);
  });

  it('file objects: ok and failed', () => {
    expect(Object.keys(jsonFile(sample))).toEqual(['file', 'tables', 'findings']);
    const failed = jsonFile({ file: 'x.xlsx', error: { code: 'corrupt', message: 'rusak' }, tables: [], findings: [] });
    expect(JSON.stringify(failed)).toBe('{"file":"x.xlsx","error":{"code":"corrupt","message":"rusak"},"tables":[],"findings":[]}');
  });

  it('streams one valid JSON object', () => {
    let out = '';
    const w = new JsonWriter((s) => (out += s));
    w.begin();
    w.end();
    expect(JSON.parse(out)).toEqual({ files: [] });
    out = '';
    w.begin();
    w.file(sample);
    w.file({ ...sample, file: 'b.xlsx' });
    w.end();
    const parsed = JSON.parse(out);
    expect(parsed.files.map((f: { file: string }) => f.file)).toEqual(['laporan.xlsx', 'b.xlsx']);
  });
});

describe('text', () => {
  it('id report: heading, table kinds in words, findings grouped by sheet', () => {
    const t = formatFileText(sample, 'id');
    expect(t).toContain('== laporan.xlsx ==');
    expect(t).toContain('Tabel yang dikenali (2):');
    expect(t).toMatch(/PMKS\s+A4:H20\s+Tabel PMKS/);
    expect(t).toContain('Tabel anggaran (APBN/APBD)');
    expect(t).toContain('Temuan (3):');
    expect(t).toMatch(/KESALAHAN\s+D20\s+Jumlah tidak sama.*\(seharusnya 38\.104\.680\.384, tertulis 38\.104\.680\.000,5\)/);
    expect(t).toMatch(/PERINGATAN\s+F12/);
    expect(t).toMatch(/INFO\s+H7/);
    // Grouped: both PMKS findings come under the PMKS heading, before the Anggaran heading.
    const lines = t.split('\n');
    const pmks = lines.indexOf('    Lembar "PMKS":');
    const angg = lines.indexOf('    Lembar "Anggaran":');
    expect(pmks).toBeGreaterThan(0);
    expect(angg).toBeGreaterThan(pmks);
    expect(lines.findIndex((l) => l.includes('H7'))).toBeLessThan(angg);
    expect(t).not.toMatch(ANSI);
  });

  it('en report', () => {
    const t = formatFileText(sample, 'en');
    expect(t).toContain('Recognised tables (2):');
    expect(t).toContain('Budget table (APBN/APBD)');
    expect(t).toMatch(/ERROR\s+D20.*\(expected 38,104,680,384, found 38,104,680,000\.5\)/);
    expect(t).toMatch(/WARNING\s+F12/);
  });

  it('empty and failed files', () => {
    expect(formatFileText({ file: 'a.xlsx', tables: [], findings: [] }, 'id')).toContain('Tidak ada tabel yang dikenali.');
    expect(formatFileText({ file: 'a.xlsx', tables: [], findings: [] }, 'en')).toContain('No findings.');
    const failed = formatFileText({ file: 'a.xlsx', error: { code: 'corrupt', message: 'Berkas "a.xlsx" rusak.' }, tables: [], findings: [] }, 'id');
    expect(failed).toContain('KESALAHAN Berkas tidak dapat dibaca: Berkas "a.xlsx" rusak.');
  });

  it('colours only through the ANSI style', () => {
    expect(formatFileText(sample, 'id', makeStyle(true))).toMatch(ANSI);
    expect(formatFileText(sample, 'id', makeStyle(false))).not.toMatch(ANSI);
  });

  it('summary', () => {
    const c = { filesRead: 2, filesFailed: 1, tables: 7, bySeverity: { error: 3, warning: 2, info: 1 } };
    expect(formatSummaryText(c, 'id')).toBe('Ringkasan: 2 berkas dibaca, 1 gagal dibaca, 7 tabel; temuan: 3 kesalahan, 2 peringatan, 1 info.\n');
    expect(formatSummaryText(c, 'en')).toBe('Summary: 2 files read, 1 failed, 7 tables; findings: 3 errors, 2 warnings, 1 info.\n');
  });
});

describe('progress line', () => {
  it('rewrites one line in place and clears it; silent when disabled', () => {
    let s = '';
    const p = new Progress((x) => (s += x), true, 40);
    p.update('Memeriksa 1/5: a.xlsx');
    p.update('Memeriksa 2/5: ' + 'b'.repeat(100) + '.xlsx');
    p.clear();
    expect(s.startsWith('\rMemeriksa 1/5: a.xlsx')).toBe(true);
    expect(s).not.toContain('\n');
    expect(s.split('\r').every((part) => part.replace(/\x1b\[K/g, '').length <= 39)).toBe(true);
    let t = '';
    const q = new Progress((x) => (t += x), false);
    q.update('x');
    q.clear();
    expect(t).toBe('');
  });
});

describe('delayed progress line', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('appears only when the file is still being checked after the delay', () => {
    let s = '';
    const p = new Progress((x) => (s += x), true, 60);
    p.updateAfter('Memeriksa 1/1: cepat.xlsx', 400);
    jest.advanceTimersByTime(100);
    p.clear(); // a quick file: nothing was ever written
    jest.advanceTimersByTime(1000);
    expect(s).toBe('');
    p.updateAfter('Memeriksa 1/1: besar.xlsx', 400);
    jest.advanceTimersByTime(400);
    expect(s).toBe('\rMemeriksa 1/1: besar.xlsx\x1b[K');
    p.clear();
    expect(s.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    let s = '';
    const p = new Progress((x) => (s += x), false);
    p.updateAfter('x', 10);
    jest.advanceTimersByTime(100);
    expect(s).toBe('');
  });
});

describe('langFromArgv', () => {
  it('finds --lang before parsing', () => {
    expect(langFromArgv(['check', 'a.xlsx'])).toBe('id');
    expect(langFromArgv(['check', '--lang', 'en', '--bogus'])).toBe('en');
    expect(langFromArgv(['check', '--lang=en'])).toBe('en');
    expect(langFromArgv(['check', '--lang', 'fr'])).toBe('id');
  });
});
