/**
 * `lakip check` on the other formats, end to end through bin/lakip.js and the compiled CLI:
 * the same JSON findings as for the .xlsx the fixtures were made from, refusals in the
 * finding/format contract (exit 2, files[].error {code, message}) in both languages, and
 * SheetJS loaded only when such a file is read.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { NTT, ROOT, rmDir, tmpDir } from './helpers';

const BIN = path.join(ROOT, 'bin', 'lakip.js');
const FIX = path.join(ROOT, 'test', 'fixtures', 'legacy');

jest.setTimeout(180_000);

beforeAll(() => {
  execFileSync('flock', ['/tmp/buildcli.lock', 'npm', 'run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
});

function lakip(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
}

interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
}
interface JsonFile {
  file: string;
  tables: { sheet: string; range: string; kind: string }[];
  findings: JsonFinding[];
  error?: { code: string; message: string };
}

function checkJson(file: string, lang: 'id' | 'en' = 'id'): { status: number | null; out: { files: JsonFile[] }; stderr: string } {
  const r = lakip(['check', file, '--format', 'json', '--lang', lang]);
  return { status: r.status, out: JSON.parse(r.stdout), stderr: r.stderr };
}

const keys = (f: JsonFile) => f.findings.map((x) => `${x.severity} ${x.code} ${x.sheet}!${x.cell}`).sort();

describe('check <file> --format json', () => {
  let xlsx: JsonFile;
  beforeAll(() => {
    xlsx = checkJson(path.relative(ROOT, NTT)).out.files[0];
  });

  test.each(['dinsos-ntt-2021.xls', 'dinsos-ntt-2021.ods', 'dinsos-ntt-2021.fods', 'dinsos-ntt-2021-xml2003.xml'])('%s: the .xlsx\'s tables and findings', (name) => {
    const { status, out, stderr } = checkJson(path.join('test', 'fixtures', 'legacy', name));
    expect(status).toBe(0);
    expect(stderr).toContain('Ringkasan: 1 berkas dibaca, 0 gagal dibaca, 5 tabel');
    const [f] = out.files;
    expect(f.file).toBe(path.join('test', 'fixtures', 'legacy', name));
    expect(f.error).toBeUndefined();
    expect(f.tables).toEqual(xlsx.tables);
    expect(keys(f)).toEqual(keys(xlsx));
  });

  test('an HTML table saved as .xls, in English', () => {
    const { status, out } = checkJson(path.join('test', 'fixtures', 'legacy', 'pmks-ekspor-web.xls'), 'en');
    expect(status).toBe(0);
    const [f] = out.files;
    expect(f.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual([['pmks-ekspor-web', 'A3:J30', 'pmks']]);
    // The workbook's PMKS findings, less its five text-stored numbers (a web page shows every number as text).
    const pmks = xlsx.findings.filter((x) => x.sheet === 'Indikator 1 PMKS' && x.code !== 'text-number').map((x) => `${x.code} ${x.cell}`);
    expect(f.findings.map((x) => `${x.code} ${x.cell}`).sort()).toEqual(pmks.sort());
  });
});

describe('refusals stay in the contract: exit 2, error {code, message} naming the file and the cause', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmpDir('lakip-cli-legacy-');
  });
  afterAll(() => rmDir(dir));

  test('a cut-short .xls', () => {
    const file = path.join(dir, 'laporan-terpotong.xls');
    fs.writeFileSync(file, fs.readFileSync(path.join(FIX, 'dinsos-ntt-2021.xls')).subarray(0, 16000));
    for (const [lang, cause, does] of [
      ['id', /adalah buku kerja Excel lama \(\.xls, Excel 97-2003\), tetapi tidak dapat dibaca: berkasnya terpotong/, /Simpan Sebagai/],
      ['en', /is an old-format Excel workbook \(\.xls, Excel 97-2003\), but it could not be read: the file is cut short/, /Save As/],
    ] as const) {
      const { status, out } = checkJson(file, lang);
      expect(status).toBe(2);
      const [f] = out.files;
      expect(f.error?.code).toBe('legacy-xls');
      expect(f.error?.message).toContain('laporan-terpotong.xls');
      expect(f.error?.message).toMatch(cause);
      expect(f.error?.message).toMatch(does);
      expect(f.findings).toEqual([]);
    }
  });

  test('an encrypted .ods, in the text output too', () => {
    const file = path.join(dir, 'sandi.ods');
    const { unzipSync, zipSync, strToU8 } = require('fflate') as typeof import('fflate');
    const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(FIX, 'dinsos-ntt-2021.ods'))));
    parts['META-INF/manifest.xml'] = strToU8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:encryption-data/></manifest:manifest>');
    fs.writeFileSync(file, zipSync({ mimetype: [parts.mimetype, { level: 0 }], ...Object.fromEntries(Object.entries(parts).filter(([k]) => k !== 'mimetype')) }));
    const r = lakip(['check', file]);
    expect(r.status).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/sandi\.ods" adalah lembar kerja OpenDocument \(\.ods, dari LibreOffice atau WPS\) yang dilindungi kata sandi/);
  });
});

test('SheetJS is loaded only when an .xls/.ods is read: never for --version, --help or an .xlsx', () => {
  const script = `
    const main = require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'main.js'))});
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, isTTY: { stdout: false, stderr: false }, env: {}, columns: 80 };
    const loaded = () => Object.keys(require.cache).some((k) => k.includes('@e965'));
    (async () => {
      const seen = [];
      await main.run(['--version'], io); seen.push(loaded());
      await main.run(['--help'], io); seen.push(loaded());
      await main.run(['check', ${JSON.stringify(NTT)}], io); seen.push(loaded());
      await main.run(['check', ${JSON.stringify(path.join(FIX, 'dinsos-ntt-2021.xls'))}], io); seen.push(loaded());
      process.stdout.write(JSON.stringify(seen));
    })();`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual([false, false, false, true]);
});
