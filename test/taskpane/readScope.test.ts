/** A workbook too large to read at once: the message in both languages, and a part read by the preview host. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { HostError } from '../../src/host/types';
import { PreviewHost } from '../../src/preview/PreviewHost';
import { errorMessage, isReadTooLarge } from '../../src/taskpane/errorMessages';

describe('read-too-large', () => {
  const e = new HostError('read-too-large', { sheet: 'Rekap', address: 'A1:J1048576', cells: 10_485_769, limit: 1_048_576 });

  it('says how large, where, and what to do, in Bahasa Indonesia and English', () => {
    const id = errorMessage(e, 'id');
    expect(id).toContain('10.485.769 sel');
    expect(id).toContain('1.048.576');
    expect(id).toContain('lembar "Rekap" sampai A1:J1048576');
    expect(id).toContain('Periksa rentang yang dipilih atau lembar aktif saja');
    expect(id).toContain('Tidak ada sel yang diubah');
    const en = errorMessage(e, 'en');
    expect(en).toContain('10,485,769 cells');
    expect(en).toContain('sheet "Rekap" up to A1:J1048576');
    expect(en).toContain('Check the selected range or the active sheet only');
    expect(isReadTooLarge(e)).toBe(true);
    expect(isReadTooLarge(new HostError('too-large'))).toBe(false);
  });
});

describe('PreviewHost read scopes', () => {
  it('reads the whole workbook, the sheet shown, or the sheet of the selected cell', async () => {
    const host = new PreviewHost({ lang: 'id', theme: 'light' });
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx')));
    await host.openBuffer(bytes, 'dinsos-ntt-2021.xlsx');
    const all = await host.readSnapshot();
    expect(all.sheets.length).toBeGreaterThan(2);
    await host.selectCell('APBD', 'E11');
    expect((await host.readSnapshot(undefined, 'selection')).sheets.map((s) => s.name)).toEqual(['APBD']);
    expect((await host.readSnapshot(undefined, 'activeSheet')).sheets.map((s) => s.name)).toEqual(['APBD']);
    expect((await host.readSnapshot(undefined, 'workbook')).sheets.length).toBe(all.sheets.length);
  });
});
