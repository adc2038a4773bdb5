/** --fail-on in the report's own words, the required file in the usage lines, the defaults of --scale and --marker in --help. */
import { failOnFrom } from '../../src/cli/failOn';
import { EXAMPLES, NTT, lakip } from './helpers';

describe('--fail-on in Indonesian', () => {
  it.each([
    ['kesalahan', 'error'],
    ['galat', 'error'],
    ['Peringatan', 'warning'],
    ['ERROR', 'error'],
    ['warning', 'warning'],
  ])('%s names %s', (word, severity) => {
    expect(failOnFrom(word)).toBe(severity);
  });

  it('an unknown word names nothing', () => {
    expect(failOnFrom('info')).toBeUndefined();
    expect(failOnFrom('')).toBeUndefined();
  });

  it('--fail-on kesalahan and --fail-on peringatan exit 1 on the samples, as error and warning do', async () => {
    for (const word of ['kesalahan', 'galat', 'peringatan']) {
      const r = await lakip(['check', ...EXAMPLES, '--format', 'json', '--fail-on', word]);
      expect([word, r.code]).toEqual([word, 1]);
    }
  });

  it('a wrong word is a usage error listing every word accepted', async () => {
    const r = await lakip(['check', NTT, '--fail-on', 'parah']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/"parah" tidak berlaku untuk --fail-on/);
    for (const w of ['error', 'warning', 'kesalahan', 'galat', 'peringatan']) expect(r.stderr).toContain(w);
  });

  it('check --help names the Indonesian words', async () => {
    const r = await lakip(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/error \(kesalahan, galat\) atau warning \(peringatan\)/);
  });
});

describe('usage lines and defaults in --help', () => {
  it.each(['tables', 'fix'])('lakip %s shows the file as required', async (command) => {
    const r = await lakip([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Cara pakai \\(usage\\): lakip ${command} <berkas> \\[opsi\\]`));
  });

  it('lakip tables without a file still says so in the user language', async () => {
    const id = await lakip(['tables', '--out', 'x.docx']);
    expect(id.code).toBe(64);
    expect(id.stderr).toMatch(/berkas \.xlsx belum disebutkan/);
  });

  it.each(['check', 'tables', 'fix'])('%s --help says what --scale and --marker default to', async (command) => {
    const r = await lakip([command, '--help']);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toMatch(/Bawaan: tanpa skala; predikat dinilai hanya bila buku kerja memuat tabel skala/);
    expect(flat).toMatch(/default: none; predikat is judged only when the workbook holds a scale table/);
    expect(flat).toMatch(/bawaan "Kewenangan Pusat"/);
    expect(flat).toMatch(/default "Kewenangan Pusat"/);
  });
});
