import { HostError, type HostErrorCode } from '../../src/host/types';
import { NarrativeReadError } from '../../src/io/narrativeErrors';
import { errorMessage, hostErrorMessage, needsRecheck } from '../../src/taskpane/errorMessages';
import { WorkbookReadError } from '../../src/xlsx/errors';

const CODES: HostErrorCode[] = [
  'protected-sheet',
  'access-denied',
  'cell-editing',
  'operation-refused',
  'sheet-hidden',
  'sheet-very-hidden',
  'write-failed',
  'read-failed',
  'changed-since-check',
  'nothing-to-revert',
  'too-large',
];

describe('error messages', () => {
  test.each(CODES)('%s: a sentence in each language, different between them', (code) => {
    const e = new HostError(code, { sheet: 'APBD', address: 'C6' });
    const id = hostErrorMessage(e, 'id');
    const en = hostErrorMessage(e, 'en');
    expect(id.length).toBeGreaterThan(30);
    expect(en.length).toBeGreaterThan(30);
    expect(id).not.toBe(en);
    expect(id).not.toMatch(/\{\w+\}/);
    expect(en).not.toMatch(/\{\w+\}/);
  });

  test('protected sheet names the sheet and how to unprotect it', () => {
    expect(errorMessage(new HostError('protected-sheet', { sheet: 'APBD' }), 'id')).toBe(
      'Lembar "APBD" diproteksi. Buka proteksi (Tinjau > Buka Proteksi Lembar) lalu coba lagi. Tidak ada sel yang diubah.',
    );
    expect(errorMessage(new HostError('protected-sheet'), 'en')).toContain('Unprotect');
  });

  test('changed cells are named and trigger a new check', () => {
    const e = new HostError('changed-since-check', { sheet: 'Indikator 1 PMKS', address: 'G13' });
    expect(errorMessage(e, 'id')).toContain("'Indikator 1 PMKS'!G13");
    expect(needsRecheck(e)).toBe(true);
    expect(needsRecheck(new HostError('write-failed'))).toBe(false);
    expect(needsRecheck(new Error('x'))).toBe(false);
  });

  test('reader errors keep their own messages; anything else is unexpected with its detail', () => {
    expect(errorMessage(new WorkbookReadError('legacy-xls', 'lama.xls'), 'id')).toContain('.xls');
    expect(errorMessage(new NarrativeReadError('unsupported', 'laporan.pdf', 'pdf'), 'en')).toContain('PDF');
    expect(errorMessage(new TypeError('boom'), 'en')).toContain('boom');
    expect(errorMessage('weird', 'id')).toContain('weird');
  });
});
