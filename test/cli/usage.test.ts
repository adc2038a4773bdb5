/** Usage errors (exit 64), help and version. */
import * as fs from 'fs';
import * as path from 'path';
import { NTT, ROOT, lakip } from './helpers';

const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('usage errors => 64, nothing on stdout', () => {
  it.each<[string, string[], RegExp]>([
    ['no command', [], /perintah belum disebutkan/],
    ['unknown command', ['cek', NTT], /perintah tidak dikenal: cek/],
    ['no file', ['check'], /tidak ada berkas yang disebutkan/],
    ['unknown option', ['check', NTT, '--formt', 'json'], /opsi tidak dikenal: --formt\. Mungkin maksud Anda --format\?/],
    ['bad --format', ['check', NTT, '--format', 'xml'], /"xml" tidak berlaku untuk --format\. Pilihan: text, json/],
    ['bad --format (=)', ['check', NTT, '--format=csv'], /"csv" tidak berlaku untuk --format/],
    ['bad --lang', ['check', NTT, '--lang', 'fr'], /"fr" tidak berlaku untuk --lang/],
    ['bad --scale', ['check', NTT, '--scale', 'ntt-4'], /--scale "ntt-4" tidak dikenal\. Pakai rkpd-5, atau tulis predikat instansi Anda lengkap/],
    ['bad --scale written out', ['check', NTT, '--scale', '70=Baik; 85=Sangat Baik'], /--scale: Batas bawah predikat ke-2 \(85\) harus lebih kecil/],
    ['bad --fail-on', ['check', NTT, '--fail-on', 'info'], /"info" tidak berlaku untuk --fail-on/],
    ['option without its value', ['check', NTT, '--format'], /opsi --format memerlukan nilai/],
  ])('%s', async (_name, args, message) => {
    const r = await lakip(args);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/lakip (check )?--help/);
  });

  it('in English with --lang en', async () => {
    const noFile = await lakip(['check', '--lang', 'en']);
    expect(noFile.code).toBe(64);
    expect(noFile.stderr).toContain('lakip: usage error: no file given');
    expect(noFile.stderr).toContain('Run "lakip check --help"');
    const badFormat = await lakip(['check', NTT, '--lang', 'en', '--format', 'yaml']);
    expect(badFormat.code).toBe(64);
    expect(badFormat.stderr).toContain('"yaml" is not a valid value for --format. Choices: text, json.');
    const unknown = await lakip(['check', NTT, '--lang=en', '--bogus']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('unknown option: --bogus.');
  });

  it('usage errors come before reading any file', async () => {
    const r = await lakip(['check', 'tidak-ada.xlsx', '--format', 'xml']);
    expect(r.code).toBe(64);
    expect(r.stderr).not.toContain('tidak-ada.xlsx');
  });
});

describe('help and version => 0 on stdout', () => {
  it('--version', async () => {
    const r = await lakip(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('--help', async () => {
    const r = await lakip(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cara pakai (usage): lakip');
    expect(r.stdout).toContain('check');
    expect(r.stdout).toMatch(/Pemeriksa tabel laporan LAKIP\/LKjIP/);
    expect(r.stderr).toBe('');
  });

  it('check --help and help check', async () => {
    for (const args of [['check', '--help'], ['help', 'check']]) {
      const r = await lakip(args);
      expect(r.code).toBe(0);
      for (const s of ['--format', '--lang', '--scale', '--marker', '--fail-on', 'Kode keluar (exit codes)', '85=Sangat Berhasil; 70=Berhasil']) {
        expect(r.stdout).toContain(s);
      }
    }
  });
});
