import { format, KIND_KEY, langFromTag, SEVERITY_KEY, SPEC_KIND_KEY, STRINGS, t, type StringKey } from '../../src/taskpane/i18n';
import { LANG_OPTIONS, SCALE_OPTIONS } from '../../src/taskpane/settingsModel';

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)]
    .map((m) => m[1])
    .sort()
    .filter((v, i, a) => a.indexOf(v) === i);

describe('i18n', () => {
  const keys = Object.keys(STRINGS) as StringKey[];

  test.each(keys)('%s has a non-empty Indonesian and English text with the same placeholders', (key) => {
    const entry = STRINGS[key] as { id?: unknown; en?: unknown };
    expect(Object.keys(entry).sort()).toEqual(['en', 'id']);
    expect(typeof entry.id).toBe('string');
    expect(typeof entry.en).toBe('string');
    expect((entry.id as string).trim()).not.toBe('');
    expect((entry.en as string).trim()).not.toBe('');
    expect(placeholders(entry.en as string)).toEqual(placeholders(entry.id as string));
  });

  test('every key the code maps to exists', () => {
    for (const k of [...Object.values(SEVERITY_KEY), ...Object.values(KIND_KEY), ...Object.values(SPEC_KIND_KEY), ...SCALE_OPTIONS.map((o) => o.label), ...LANG_OPTIONS.map((o) => o.label)]) {
      expect(STRINGS).toHaveProperty(k);
    }
  });

  test('the protected-sheet message says what to do and that nothing changed', () => {
    expect(t('id', 'errProtectedSheet', { sheet: 'APBD' })).toBe(
      'Lembar "APBD" diproteksi. Buka proteksi (Tinjau > Buka Proteksi Lembar) lalu coba lagi. Tidak ada sel yang diubah.',
    );
    expect(t('en', 'errProtectedSheet', { sheet: 'APBD' })).toContain('Review > Unprotect Sheet');
  });

  test('the copy fallback says what to do, word for word', () => {
    expect(t('id', 'copyBlocked')).toBe('Salin tidak diizinkan di sini: pilih tabel di bawah lalu tekan Ctrl+C, atau unduh .docx');
  });

  test('format fills names and picks singular or plural', () => {
    expect(format('{n} {n|cell|cells}', { n: 1 })).toBe('1 cell');
    expect(format('{n} {n|cell|cells}', { n: 3 })).toBe('3 cells');
    expect(format('Lembar "{sheet}"', { sheet: 'APBN' })).toBe('Lembar "APBN"');
    expect(format('{missing}', {})).toBe('{missing}');
    expect(t('id', 'revert', { n: 23 })).toBe('Batalkan semua perbaikan (23 sel)');
    expect(t('en', 'revert', { n: 1 })).toBe('Undo all fixes (1 cell)');
    expect(t('id', 'fixAll', { n: 22 })).toBe('Perbaiki semua (22)');
  });

  test('language from a BCP 47 tag: English variants, Indonesian, anything else the fallback', () => {
    expect(langFromTag('en-US')).toBe('en');
    expect(langFromTag('EN-gb')).toBe('en');
    expect(langFromTag('id-ID')).toBe('id');
    expect(langFromTag('in')).toBe('id');
    expect(langFromTag('fr-FR')).toBe('id');
    expect(langFromTag(undefined, 'en')).toBe('en');
  });
});
