/** `lakip fix` end to end, in-process: what it writes, prints and refuses. */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { DEFAULT_PASSWORD } from '../../src/xlsx/legacy/biffDecrypt';
import { standardEncrypt } from '../fixtures/officeEncrypt';
import { FLOTIM, lakip, NTT, ROOT, rmDir, tmpDir } from './helpers';

const CHART = path.join(ROOT, 'test', 'fixtures', 'fix', 'chart.xlsx');
const MACRO = path.join(ROOT, 'test', 'fixtures', 'fix', 'macro.xlsm');

describe('lakip fix', () => {
  let dir: string;
  beforeEach(() => (dir = tmpDir('lakip-fix-')));
  afterEach(() => rmDir(dir));

  it('writes the mechanical fixes to --out, one line per edit, and leaves the input alone', async () => {
    const before = fs.readFileSync(CHART);
    const out = path.join(dir, 'hasil.xlsx');
    const r = await lakip(['fix', CHART, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(fs.readFileSync(CHART).equals(before)).toBe(true);
    expect(r.stdout).toContain('PMKS!C5  "1.595" (teks) → 1.595  [format Teks → Angka (1.234)]  (text-number: Angka "1.595"');
    expect(r.stdout).toContain('PMKS!C10  17.420 → 19.015  (total-mismatch:');
    expect(r.stdout).toContain(`Ringkasan: 5 perbaikan ditulis ke "${out}".`);
    const back = await readWorkbookFile(out);
    expect(back.sheets[0].values[6][5]).toBe('Kewenangan Pusat');
    expect(fs.readdirSync(dir)).toEqual(['hasil.xlsx']);
  });

  it('prints the plan as JSON with --dry-run and writes nothing', async () => {
    const r = await lakip(['fix', NTT, '--dry-run', '--format', 'json', '--include-judgement']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.files).toHaveLength(1);
    const f = o.files[0];
    expect(f.file).toBe(NTT);
    expect(f.dryRun).toBe(true);
    expect(f.edits[0]).toEqual({ sheet: 'Indikator 1 PMKS', cell: 'D8', before: '1.595', after: 1595, kind: 'mechanical', code: 'text-number', numberFormat: { before: 'General', after: '#,##0' } });
    expect(f.edits).toContainEqual({ sheet: 'Indikator 1 PMKS', cell: 'G13', before: '=F13/E13*100', after: 'Kewenangan Pusat', kind: 'mechanical', code: 'division-by-zero' });
    expect(f.edits.filter((e: { kind: string }) => e.kind === 'judgement').length).toBeGreaterThan(0);
    expect(f.judgementLeftOut).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves judgement fixes out by default and says how to include them, in English too', async () => {
    const r = await lakip(['fix', NTT, '--dry-run', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Summary: 25 fixes would be written; 2 fixes that need the office's judgement \(changing a typed data figure\) left out — add --include-judgement to include them\./);
    expect(r.stdout).toContain('Indikator 1 PMKS!E30  975,136 → 975,138');
    expect(r.stdout).not.toContain('[judgement]');
  });

  it('overwrites the input only with --in-place, through a temporary file, keeping its mode', async () => {
    const file = path.join(dir, 'laporan.xlsm');
    fs.copyFileSync(MACRO, file);
    fs.chmodSync(file, 0o640);
    const r = await lakip(['fix', file, '--in-place']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ringkasan: 5 perbaikan ditulis ke berkas asli.');
    expect(fs.readdirSync(dir)).toEqual(['laporan.xlsm']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect((await readWorkbookFile(file)).sheets[0].values[9][2]).toBe(19015);
  });

  it('writes an exact copy when there is nothing to fix', async () => {
    const fixed = path.join(dir, 'a.xlsx');
    await lakip(['fix', FLOTIM, '--out', fixed]);
    const again = path.join(dir, 'b.xlsx');
    const r = await lakip(['fix', fixed, '--out', again]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Tidak ada yang diubah; "${again}" adalah salinan persis berkas asli.`);
    expect(r.stdout).toContain('Tidak ada yang perlu diperbaiki secara mekanis.');
    expect(fs.readFileSync(again).equals(fs.readFileSync(fixed))).toBe(true);
  });

  it.each([
    [['fix'], /tidak ada berkas yang disebutkan/],
    [['fix', NTT], /sebutkan berkas hasil dengan --out/],
    [['fix', NTT, '--out', NTT], /--out menunjuk ke berkas masukan/],
    [['fix', NTT, '--out', 'x.xlsx', '--in-place'], /--out dan --in-place tidak dapat dipakai bersama/],
    [['fix', MACRO, '--out', 'x.xlsx'], /berkas hasil harus berekstensi \.xlsm/],
    [['fix', NTT, '--dry-run', '--format', 'xml'], /nilai "xml" tidak berlaku untuk --format/],
    [['fix', NTT, '--lang', 'en'], /name the file to write with --out/],
  ])('refuses %j as a usage error (64)', async (args, message) => {
    const r = await lakip(args as string[]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/lakip fix --help/);
  });

  it('reports files it cannot read as check does (exit 2), writing nothing', async () => {
    const missing = path.join(dir, 'tidak-ada.xlsx');
    const out = path.join(dir, 'hasil.xlsx');
    const r = await lakip(['fix', missing, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tidak ditemukan/);
    const enc = path.join(dir, 'terkunci.xlsx');
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    fs.writeFileSync(enc, cfb);
    const e = await lakip(['fix', enc, '--out', out, '--format', 'json', '--lang', 'en']);
    expect(e.code).toBe(2);
    expect(JSON.parse(e.stdout).files[0].error.code).toBe('encrypted');
    expect(e.stderr).toMatch(/password-protected/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says when the output cannot be written (73) and leaves no temporary file', async () => {
    const r = await lakip(['fix', CHART, '--out', path.join(dir, 'no-such-folder', 'hasil.xlsx')]);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/tidak dapat ditulis .* Berkas asli tidak diubah\./);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('is listed in the help with its exit codes', async () => {
    const r = await lakip(['fix', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--include-judgement/);
    expect(r.stdout).toMatch(/Kode keluar \(exit codes\):[\s\S]*73 {2}berkas hasil tidak dapat ditulis/);
  });
});

describe('lakip fix and the ignore list', () => {
  it('never fixes a finding the office dismissed, in the first pass or a later one', async () => {
    const { analyzeWorkbook } = await import('../../src/core/analyze');
    const { editsToWrite } = await import('../../src/cli/fix');
    const snapshot = await readWorkbookFile(CHART);
    const findings = analyzeWorkbook(snapshot, { lang: 'id' }).findings;
    const all = editsToWrite(snapshot, findings, { lang: 'id' }, false).edits.map((e) => e.address);
    expect(all).toEqual(expect.arrayContaining(['C5', 'F8']));
    snapshot.ignored = [
      { code: 'text-number', sheet: 'PMKS', cell: 'C5', at: '2026-01-01T00:00:00Z' },
      { code: 'percent-mismatch', sheet: 'PMKS', cell: 'F8', at: '2026-01-01T00:00:00Z' },
    ];
    const kept = editsToWrite(snapshot, findings, { lang: 'id' }, false).edits.map((e) => e.address);
    expect(kept).not.toContain('C5');
    expect(kept).not.toContain('F8');
    expect(kept).toEqual(expect.arrayContaining(['F7', 'D10']));
  });
});

describe('lakip fix --scale', () => {
  it('takes the office’s own bands as check does, and refuses an unknown scale', async () => {
    const ok = await lakip(['fix', CHART, '--dry-run', '--scale', '85=Sangat Berhasil; 70=Berhasil; >55=Cukup Berhasil; 0=Belum Berhasil']);
    expect(ok.code).toBe(0);
    const bad = await lakip(['fix', CHART, '--dry-run', '--scale', 'ntt-9']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--scale "ntt-9" tidak dikenal/);
  });
});

describe('workbooks read from other formats', () => {
  it.each(['dinsos-ntt-2021.xls', 'dinsos-ntt-2021.ods', 'pmks-ekspor-web.xls'])('%s: nothing is written; the message says fixes need .xlsx and how to save one (exit 2)', async (name) => {
    const src = path.join(ROOT, 'test', 'fixtures', 'legacy', name);
    const dir = tmpDir('lakip-fix-legacy-');
    try {
      const id = await lakip(['fix', src, '--out', path.join(dir, 'hasil.xlsx')]);
      expect(id.code).toBe(2);
      expect(id.stderr).toMatch(/Perbaikan hanya dapat ditulis ke buku kerja \.xlsx/);
      expect(id.stderr).toMatch(/Simpan Sebagai/);
      expect(fs.readdirSync(dir)).toEqual([]);
      const en = await lakip(['fix', src, '--dry-run', '--format', 'json', '--lang', 'en']);
      expect(en.code).toBe(2);
      const out = JSON.parse(en.stdout) as { files: { error: { code: string; message: string } }[] };
      expect(out.files[0].error.code).toBe('needs-xlsx');
      expect(out.files[0].error.message).toMatch(/Fixes can only be written into an \.xlsx workbook/);
    } finally {
      rmDir(dir);
    }
  });

  it('an .xlsx read through Excel\'s default password: nothing is written; the message names the encryption (exit 2)', async () => {
    const dir = tmpDir('lakip-fix-encrypted-');
    try {
      const src = path.join(dir, 'terkunci.xlsx');
      fs.writeFileSync(src, standardEncrypt(fs.readFileSync(FLOTIM), DEFAULT_PASSWORD));
      const r = await lakip(['fix', src, '--out', path.join(dir, 'hasil.xlsx')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/buku kerja \.xlsx tanpa enkripsi.*terenkripsi \(dengan kata sandi bawaan Excel/);
      expect(fs.readdirSync(dir)).toEqual(['terkunci.xlsx']);
      const check = await lakip(['check', src, '--format', 'json']);
      expect(JSON.parse(check.stdout).files[0].tables.length).toBeGreaterThan(0);
    } finally {
      rmDir(dir);
    }
  });
});
