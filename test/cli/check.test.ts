/** `lakip check` in-process on the example workbooks, with the real reader and engine. */
import * as fs from 'fs';
import * as path from 'path';
import { ANSI, EXAMPLES, FLOTIM, NTT, lakip, rmDir, tmpDir } from './helpers';
import { NTT_SCALE } from '../fixtures/scales';

jest.setTimeout(120_000);

interface JsonOut {
  files: {
    file: string;
    error?: { code: string; message: string };
    tables: { sheet: string; range: string; kind: string; confidence: string; lowConfidence: string[] }[];
    findings: Record<string, string>[];
  }[];
}

const KINDS = ['pmks', 'spm', 'budget', 'belanja', 'iku', 'count'];
const SEVERITIES = ['error', 'warning', 'info'];

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});
afterAll(() => rmDir(dir));

it('the two examples are there', () => {
  expect(EXAMPLES).toEqual([FLOTIM, NTT]);
});

describe('--format json', () => {
  let out: JsonOut;
  let res: Awaited<ReturnType<typeof lakip>>;

  beforeAll(async () => {
    res = await lakip(['check', ...EXAMPLES, '--format', 'json']);
    out = JSON.parse(res.stdout) as JsonOut;
  });

  it('exit 0 and only the JSON object on stdout', () => {
    expect(res.code).toBe(0);
    expect(Object.keys(out)).toEqual(['files']);
    expect(res.stdout.trim().startsWith('{')).toBe(true);
    expect(res.stdout.trim().endsWith('}')).toBe(true);
    // The summary goes to stderr.
    expect(res.stderr).toContain('Ringkasan: 2 berkas dibaca, 0 gagal dibaca');
  });

  it('one entry per file, keys in order, tables recognised', () => {
    expect(out.files.map((f) => f.file)).toEqual(EXAMPLES);
    for (const f of out.files) {
      expect(Object.keys(f)).toEqual(['file', 'tables', 'findings']);
      expect(f.tables.length).toBeGreaterThan(0);
      for (const t of f.tables) {
        expect(Object.keys(t)).toEqual(['sheet', 'range', 'kind', 'confidence', 'lowConfidence']);
        expect(['high', 'low']).toContain(t.confidence);
        expect(Array.isArray(t.lowConfidence)).toBe(true);
        expect(KINDS).toContain(t.kind);
        expect(t.range).toMatch(/^[A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+$/);
      }
    }
  });

  it('every finding has code, severity, sheet, cell and message, keys in contract order', () => {
    const allowedOrder = ['code', 'severity', 'sheet', 'cell', 'table', 'message', 'expected', 'actual', 'related', 'source', 'repeatedIn', 'group', 'messageId', 'params', 'fix'];
    let count = 0;
    for (const f of out.files) {
      for (const x of f.findings) {
        count++;
        const keys = Object.keys(x);
        expect(keys.slice(0, 4)).toEqual(['code', 'severity', 'sheet', 'cell']);
        expect(keys).toContain('message');
        expect(keys).toEqual(allowedOrder.filter((k) => keys.includes(k)));
        expect(typeof x.code).toBe('string');
        expect(SEVERITIES).toContain(x.severity);
        expect(typeof x.sheet).toBe('string');
        expect(x.cell).toMatch(/^[A-Z]{1,3}[0-9]+$/);
        expect(x.message.length).toBeGreaterThan(0);
        for (const k of ['expected', 'actual', 'table']) {
          if (k in x) expect(typeof x[k]).toBe('string');
        }
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('--lang en gives English finding messages with the same codes and cells', async () => {
    const en = JSON.parse((await lakip(['check', ...EXAMPLES, '--format', 'json', '--lang', 'en'])).stdout) as JsonOut;
    const strip = (o: JsonOut) => o.files.map((f) => f.findings.map((x) => `${x.code}@${x.sheet}!${x.cell}`));
    expect(strip(en)).toEqual(strip(out));
  });
});

describe('--format text', () => {
  it('Bahasa Indonesia by default', async () => {
    const r = await lakip(['check', NTT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`== ${NTT} ==`);
    expect(r.stdout).toContain('Tabel yang dikenali');
    expect(r.stdout).toMatch(/Tabel (PMKS|SPM|anggaran \(APBN\/APBD\)|belanja per kode rekening|IKU\/capaian|jumlah)/);
    expect(r.stdout).toMatch(/Temuan \(\d+\):|Tidak ada temuan\./);
    expect(r.stdout).toMatch(/\b(KESALAHAN|PERINGATAN|INFO)\b/);
    expect(r.stdout).toContain('Ringkasan: 1 berkas dibaca');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).toBe('');
  });

  it('English with --lang en', async () => {
    const r = await lakip(['check', FLOTIM, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`== ${FLOTIM} ==`);
    expect(r.stdout).toContain('Recognised tables');
    expect(r.stdout).toMatch(/\b(ERROR|WARNING|INFO)\b/);
    expect(r.stdout).not.toMatch(/\b(KESALAHAN|PERINGATAN)\b/);
    expect(r.stdout).toContain('Summary: 1 file read, 0 failed');
  });

  it('numbers in expected/found are formatted for the language', async () => {
    const json = JSON.parse((await lakip(['check', ...EXAMPLES, '--format', 'json'])).stdout) as JsonOut;
    const big = json.files.flatMap((f) => f.findings).find((x) => x.expected !== undefined && /^\d{4,}$/.test(x.expected));
    if (!big) return; // no large whole number in the examples' findings
    const grouped = (s: string, sep: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const id = await lakip(['check', ...EXAMPLES]);
    // The message says the figure in the language's grouping, so the "(seharusnya …)" after it does not repeat it.
    expect(id.stdout).toContain(` ${grouped(big.expected, '.')} `);
    expect(id.stdout).not.toContain(`(seharusnya ${grouped(big.expected, '.')}`);
    const en = await lakip(['check', ...EXAMPLES, '--lang', 'en']);
    expect(en.stdout).toContain(` ${grouped(big.expected, ',')} `);
    expect(en.stdout).not.toContain(`(expected ${grouped(big.expected, ',')}`);
  });

  it('colours only when stdout is a TTY and NO_COLOR is unset', async () => {
    expect((await lakip(['check', NTT], { isTTY: true })).stdout).toMatch(ANSI);
    expect((await lakip(['check', NTT], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await lakip(['check', NTT], { isTTY: { stdout: false, stderr: true } })).stdout).not.toMatch(ANSI);
    expect((await lakip(['check', NTT, '--format', 'json'], { isTTY: true })).stdout).not.toMatch(ANSI);
  });
});

describe('batches', () => {
  it('a missing file => exit 2, the good files still reported', async () => {
    const missing = path.join(dir, 'tidak-ada.xlsx');
    const r = await lakip(['check', FLOTIM, missing, NTT, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files.map((f) => f.file)).toEqual([FLOTIM, missing, NTT]);
    const bad = out.files[1];
    expect(Object.keys(bad)).toEqual(['file', 'error', 'tables', 'findings']);
    expect(bad.error?.code).toBe('not-found');
    expect(bad.error?.message).toContain('tidak-ada.xlsx');
    expect(bad.tables).toEqual([]);
    expect(bad.findings).toEqual([]);
    expect(out.files[0].tables.length).toBeGreaterThan(0);
    expect(out.files[2].tables.length).toBeGreaterThan(0);
    expect(r.stderr).toContain('tidak-ada.xlsx');
    expect(r.stderr).toContain('Ringkasan: 2 berkas dibaca, 1 gagal dibaca');

    const text = await lakip(['check', FLOTIM, missing, NTT, '--lang', 'en']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`== ${NTT} ==`);
    expect(text.stdout).toMatch(/ERROR File could not be read: .*tidak-ada\.xlsx.*not found/);
    expect(text.stdout).toContain('Summary: 2 files read, 1 failed');
  });

  it('a directory: every workbook inside (.xlsx, .xls, .ods ...), sorted, not recursive', async () => {
    const d = path.join(dir, 'folder');
    fs.mkdirSync(path.join(d, 'sub'), { recursive: true });
    fs.copyFileSync(NTT, path.join(d, 'b-ntt.xlsx'));
    fs.copyFileSync(FLOTIM, path.join(d, 'a-flotim.xlsx'));
    fs.copyFileSync(path.join(__dirname, '../fixtures/legacy/dinsos-ntt-2021.xls'), path.join(d, 'c-ntt-lama.xls'));
    fs.copyFileSync(path.join(__dirname, '../fixtures/legacy/dinsos-ntt-2021.ods'), path.join(d, 'd-ntt.ods'));
    fs.copyFileSync(NTT, path.join(d, 'sub', 'c-nested.xlsx'));
    fs.writeFileSync(path.join(d, 'catatan.txt'), 'bukan excel');
    fs.writeFileSync(path.join(d, '~$b-ntt.xlsx'), 'excel lock file');
    const r = await lakip(['check', d, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files.map((f) => path.relative(d, f.file))).toEqual(['a-flotim.xlsx', 'b-ntt.xlsx', 'c-ntt-lama.xls', 'd-ntt.ods']);
    expect(out.files.every((f) => f.tables.length > 0)).toBe(true);
  });

  it('a folder without workbooks => exit 2 with a clear message', async () => {
    const d = path.join(dir, 'kosong');
    fs.mkdirSync(d);
    const r = await lakip(['check', d, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files[0].error?.code).toBe('empty-directory');
    expect(out.files[0].error?.message).toContain(d);
  });

  it('a text file renamed .xlsx => clear message naming the file, exit 2', async () => {
    const fake = path.join(dir, 'laporan-palsu.xlsx');
    fs.writeFileSync(fake, 'No;Uraian;Jumlah\n1;Anak terlantar;120\n');
    const id = await lakip(['check', fake]);
    expect(id.code).toBe(2);
    expect(id.stdout).toContain('laporan-palsu.xlsx');
    expect(id.stdout).toMatch(/bukan buku kerja Excel|\.xlsx/);
    const en = await lakip(['check', fake, '--format', 'json', '--lang', 'en']);
    expect(en.code).toBe(2);
    const out = JSON.parse(en.stdout) as JsonOut;
    expect(out.files[0].error?.code).toBe('not-xlsx');
    expect(out.files[0].error?.message).toContain('laporan-palsu.xlsx');
    expect(out.files[0].error?.message).toMatch(/not an Excel workbook/);
  });

  it('progress line on stderr only when it is a TTY and there are more than 3 files', async () => {
    const four = [FLOTIM, NTT, FLOTIM, NTT];
    const tty = await lakip(['check', ...four, '--format', 'json'], { isTTY: true });
    expect(tty.stderr).toContain('\rMemeriksa 1/4: dinsos-flotim-2020.xlsx');
    expect(tty.stderr).toContain('\rMemeriksa 4/4: dinsos-ntt-2021.xlsx');
    expect(tty.stdout).not.toContain('Memeriksa');
    expect(JSON.parse(tty.stdout).files).toHaveLength(4);

    const en = await lakip(['check', ...four, '--lang', 'en'], { isTTY: { stdout: false, stderr: true } });
    expect(en.stderr).toContain('\rChecking 2/4: dinsos-ntt-2021.xlsx');

    const pipe = await lakip(['check', ...four, '--format', 'json'], { isTTY: false });
    expect(pipe.stderr).not.toContain('\r');
    expect(pipe.stderr).not.toContain('Memeriksa');

    const three = await lakip(['check', FLOTIM, NTT, FLOTIM, '--format', 'json'], { isTTY: true });
    expect(three.stderr).not.toContain('Memeriksa');
  });
});

describe('--fail-on', () => {
  let severities: Set<string>;
  beforeAll(async () => {
    const out = JSON.parse((await lakip(['check', ...EXAMPLES, '--format', 'json'])).stdout) as JsonOut;
    severities = new Set(out.files.flatMap((f) => f.findings.map((x) => x.severity)));
  });

  it('the examples contain errors', () => {
    expect(severities.has('error')).toBe(true);
  });

  it('--fail-on error => 1 when errors exist; without it => 0', async () => {
    expect((await lakip(['check', ...EXAMPLES, '--fail-on', 'error'])).code).toBe(1);
    expect((await lakip(['check', ...EXAMPLES])).code).toBe(0);
  });

  it('--fail-on warning => 1 as well (errors are worse than warnings)', async () => {
    expect((await lakip(['check', ...EXAMPLES, '--fail-on', 'warning', '--format', 'json'])).code).toBe(1);
  });

  it('an unreadable file wins over --fail-on: exit 2', async () => {
    expect((await lakip(['check', NTT, path.join(dir, 'hilang.xlsx'), '--fail-on', 'error'])).code).toBe(2);
  });
});

it('--scale and --marker are accepted', async () => {
  const r = await lakip(['check', NTT, '--scale', NTT_SCALE, '--marker', 'Kewenangan Pusat', '--format', 'json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).files[0].tables.length).toBeGreaterThan(0);
});
