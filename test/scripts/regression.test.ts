/**
 * scripts/regression.js: how a child run is classified (ok, refused, hang, crash,
 * out of memory), what LibreOffice's answer makes of a refusal, the exit code,
 * producers and the summary; hang and out-of-memory also from real Node children.
 */
interface Run {
  mode: 'reader' | 'cli';
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}
interface Entry {
  file: string;
  producer: string;
  status: string;
  verdict?: string;
  [k: string]: unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const R = require('../../scripts/regression.js') as {
  classify: (r: Run) => { status: string; code?: string; message?: string; detail?: string; read?: unknown };
  refusedVerdict: (lo?: { available?: boolean; converted: boolean }) => string | undefined;
  exitCodeFor: (e: Entry[]) => number;
  producerName: (a: string) => string;
  summarize: (e: Entry[]) => Record<string, unknown> & { byProducer: Record<string, Record<string, number>> };
  formatSummary: (s: unknown) => string[];
  formatEntry: (e: Entry) => string;
  sniffWorkbook: (head: Buffer, tail: Buffer) => string | null;
  parseArgs: (argv: string[]) => Record<string, unknown>;
  runChild: (args: string[], timeoutMs: number) => Promise<Omit<Run, 'mode'> & { seconds: number }>;
  MARK: string;
};

const run = (o: Partial<Run>): Run => ({ mode: 'reader', exitCode: 0, signal: null, timedOut: false, stdout: '', stderr: '', ...o });
const said = (o: unknown) => `some log line\n${R.MARK}${JSON.stringify(o)}\n`;
const READ = { sheets: 2, cells: 120, tables: 1, findings: { error: 1, warning: 0, info: 2 } };

describe('classifying one child run', () => {
  it('a read: ok, with sheets, cells, tables and findings', () => {
    expect(R.classify(run({ stdout: said({ read: READ }) }))).toEqual({ status: 'ok', read: READ });
  });

  it('a read error: refused, with its code and message', () => {
    expect(R.classify(run({ stdout: said({ refused: { code: 'corrupt', message: 'The file "x.xlsx" is damaged' } }) }))).toEqual({
      status: 'refused',
      code: 'corrupt',
      message: 'The file "x.xlsx" is damaged',
    });
  });

  it('no answer in time: hang, whatever else happened', () => {
    expect(R.classify(run({ timedOut: true, exitCode: null, signal: 'SIGKILL', stderr: 'FATAL ERROR: heap out of memory' }))).toEqual({ status: 'hang' });
  });

  it("out of memory: exit 134, V8's message, an abort, or a kill the run did not make", () => {
    const v8 = '<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n';
    expect(R.classify(run({ exitCode: null, signal: 'SIGABRT', stderr: v8 }))).toMatchObject({ status: 'oom', detail: expect.stringMatching(/heap out of memory/) });
    expect(R.classify(run({ exitCode: 134, stderr: '' }))).toMatchObject({ status: 'oom' });
    expect(R.classify(run({ exitCode: null, signal: 'SIGKILL' }))).toMatchObject({ status: 'oom' });
    // The same words in a successful run's log are no out-of-memory.
    expect(R.classify(run({ stdout: said({ read: READ }), stderr: 'warning: out of memory? no' }))).toMatchObject({ status: 'ok' });
  });

  it('a non-zero exit without a read error is a crash, with the reason', () => {
    expect(R.classify(run({ exitCode: 70, stdout: said({ threw: 'while checking: TypeError: x is undefined' }) }))).toEqual({ status: 'crash', detail: 'while checking: TypeError: x is undefined' });
    expect(R.classify(run({ exitCode: 1, stderr: 'Error: Cannot find module\n    at foo\n\nNode.js v20.20.2\n' }))).toEqual({ status: 'crash', detail: 'Error: Cannot find module' });
    expect(R.classify(run({ exitCode: null, signal: 'SIGSEGV' }))).toEqual({ status: 'crash', detail: 'killed by SIGSEGV' });
  });

  it('exit 0 without a result line is a crash too, not a pass', () => {
    expect(R.classify(run({ stdout: 'nothing useful\n' }))).toMatchObject({ status: 'crash' });
    expect(R.classify(run({ stdout: `${R.MARK}{not json\n` }))).toMatchObject({ status: 'crash' });
  });

  it('through bin/lakip.js: exit 2 with the file error is refused; exit 0 or 1 with tables is ok', () => {
    const refused = JSON.stringify({ files: [{ file: 'a.xlsx', error: { code: 'encrypted', message: 'password' }, tables: [], findings: [] }] });
    expect(R.classify(run({ mode: 'cli', exitCode: 2, stdout: refused }))).toEqual({ status: 'refused', code: 'encrypted', message: 'password' });
    const ok = JSON.stringify({ files: [{ file: 'a.xlsx', tables: [{}, {}], findings: [{ severity: 'error' }, { severity: 'info' }, { severity: 'info' }] }] });
    expect(R.classify(run({ mode: 'cli', exitCode: 0, stdout: ok }))).toEqual({ status: 'ok', read: { tables: 2, findings: { error: 1, warning: 0, info: 2 } } });
    expect(R.classify(run({ mode: 'cli', exitCode: 70, stdout: '', stderr: 'lakip: TypeError: boom' }))).toEqual({ status: 'crash', detail: 'lakip: TypeError: boom' });
  });
});

describe('a refused file tried with LibreOffice', () => {
  it('valid but refused when LibreOffice reads it, damaged when it cannot, nothing said without LibreOffice', () => {
    expect(R.refusedVerdict({ available: true, converted: true })).toBe('valid-but-refused');
    expect(R.refusedVerdict({ available: true, converted: false })).toBe('damaged');
    expect(R.refusedVerdict({ available: false, converted: false })).toBeUndefined();
    expect(R.refusedVerdict(undefined)).toBeUndefined();
  });
});

describe('the run as a whole', () => {
  const e = (status: string, producer = 'Microsoft Excel', verdict?: string): Entry => ({ file: `${status}.xlsx`, producer, status, ...(verdict ? { verdict } : {}) });

  it('fails on a hang, a crash, out of memory or a valid file refused; passes ok files and damaged ones', () => {
    expect(R.exitCodeFor([e('ok'), e('refused', 'x', 'damaged'), e('refused')])).toBe(0);
    for (const bad of [e('hang'), e('crash'), e('oom'), e('refused', 'x', 'valid-but-refused')]) expect(R.exitCodeFor([e('ok'), bad])).toBe(1);
  });

  it('producers by name, without versions; counts per producer and status', () => {
    expect(R.producerName('LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2')).toBe('LibreOffice');
    expect(R.producerName('Microsoft Excel')).toBe('Microsoft Excel');
    expect(R.producerName('')).toBe('(no app.xml)');
    expect(R.producerName('(no app.xml; Google Sheets-like)')).toBe('(no app.xml; Google Sheets-like)');
    const s = R.summarize([e('ok'), e('ok'), e('refused', 'LibreOffice', 'valid-but-refused'), e('hang', 'LibreOffice')]);
    expect(s).toMatchObject({ files: 4, ok: 2, refused: 1, hang: 1, crash: 0, oom: 0, validButRefused: 1, damaged: 0 });
    expect(s.byProducer['Microsoft Excel']).toMatchObject({ files: 2, ok: 2 });
    expect(s.byProducer.LibreOffice).toMatchObject({ files: 2, refused: 1, hang: 1 });
    const lines = R.formatSummary(s);
    expect(lines[0]).toBe('4 files: ok 2, refused 1 (valid but refused 1, damaged 0), hang 1, crash 0, out of memory 0');
    expect(lines.find((l) => l.includes('LibreOffice'))).toMatch(/LibreOffice\s+2\s+refused 1, hang 1/);
    expect(R.formatEntry({ ...e('refused', 'x', 'valid-but-refused'), code: 'legacy-xls', message: 'old format' })).toMatch(/^REFUSED .*legacy-xls: old format .*VALID BUT REFUSED/);
  });

  it('workbooks by content: spreadsheet zips, OpenDocument, CFB workbooks, XML 2003; not a .docx or a text file', () => {
    const zip = (names: string) => [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names, 'latin1')]), Buffer.from(names, 'latin1')] as const;
    expect(R.sniffWorkbook(...zip('[Content_Types].xml xl/workbook.xml xl/worksheets/sheet1.xml'))).toBe('zip-spreadsheet');
    expect(R.sniffWorkbook(...zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet content.xml'))).toBe('ods');
    expect(R.sniffWorkbook(...zip('[Content_Types].xml word/document.xml'))).toBeNull();
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('Workbook', 'utf16le')]);
    expect(R.sniffWorkbook(cfb, cfb)).toBe('cfb');
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('WordDocument', 'utf16le')]);
    expect(R.sniffWorkbook(doc, doc)).toBeNull();
    const xml = Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?><Workbook/>');
    expect(R.sniffWorkbook(xml, xml)).toBe('xml-2003');
    const txt = Buffer.from('No;Program;Anggaran\n1;A;100\n');
    expect(R.sniffWorkbook(txt, txt)).toBeNull();
  });

  it('options', () => {
    expect(R.parseArgs(['a', 'b', '--json', 'o.json', '--timeout', '30', '--libreoffice'])).toMatchObject({ dirs: ['a', 'b'], json: 'o.json', timeout: 30, libreoffice: true, cli: false, jobs: 1 });
    expect(() => R.parseArgs(['a', '--timeout', 'x'])).toThrow(/timeout/);
    expect(() => R.parseArgs(['a', '--bogus'])).toThrow(/unknown option/);
  });
});

describe('real children', () => {
  it('a child that never answers is killed at the time limit and called a hang', async () => {
    const r = await R.runChild(['-e', 'setInterval(() => {}, 1000)'], 1500);
    expect(R.classify({ mode: 'reader', ...r })).toEqual({ status: 'hang' });
  }, 20_000);

  it('a child that runs out of heap is called out of memory', async () => {
    const r = await R.runChild(['--max-old-space-size=24', '-e', 'const a = []; for (;;) a.push(new Array(1e5).fill(a.length));'], 60_000);
    expect(R.classify({ mode: 'reader', ...r })).toMatchObject({ status: 'oom', detail: expect.stringMatching(/heap out of memory/) });
  }, 90_000);

  it('a child that throws is a crash', async () => {
    const r = await R.runChild(['-e', 'throw new TypeError("boom")'], 20_000);
    expect(R.classify({ mode: 'reader', ...r })).toEqual({ status: 'crash', detail: 'TypeError: boom' });
  }, 30_000);
});
