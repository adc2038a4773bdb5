import type { CellEdit } from '../../src/core/fixes/types';
import { toHostError } from '../../src/excel/errors';
import { OfficeHost } from '../../src/excel/officeHost';
import { applyEdits } from '../../src/excel/writeEdits';
import { HostError } from '../../src/host/types';
import { hostErrorMessage } from '../../src/taskpane/errorMessages';
import { FakeExcel, FakeOfficeError, fakeOffice, fakeRun } from './fakeExcel';
import { sheetFrom } from './generate';

function workbook() {
  return new FakeExcel({
    sheets: [
      sheetFrom('Data', [{ row: 0, col: 0, value: 'Uraian' }, { row: 1, col: 1, value: 7 }]),
      sheetFrom('Rekap', [{ row: 2, col: 1, value: 5 }], { visibility: 'Hidden' }),
      sheetFrom('Sistem', [{ row: 0, col: 0, value: 1 }], { visibility: 'VeryHidden' }),
    ],
  });
}

/** A fix of B2 on Data (7 -> 8). */
const edit: CellEdit = { sheet: 'Data', address: 'B2', before: { value: 7, numberFormat: 'General' }, after: { value: 8, numberFormat: 'General' }, finding: { code: 'SUM_MISMATCH', cell: 'B2' } };

const host = (fake: FakeExcel) => new OfficeHost({ run: fakeRun(fake), office: () => fakeOffice(), editRetryMs: 0 });

describe('selecting a finding on a hidden sheet', () => {
  it('selects nothing and says the sheet is hidden and how to unhide it', async () => {
    const fake = workbook();
    fake.active = 'Data';
    fake.selection = { sheet: 'Data', address: 'A1' };
    const e = (await host(fake).selectCell('Rekap', '$C$3').catch((x: unknown) => x)) as HostError;
    expect(e).toMatchObject({ code: 'sheet-hidden', detail: { sheet: 'Rekap', address: 'C3' } });
    expect(fake.active).toBe('Data');
    expect(fake.selection).toEqual({ sheet: 'Data', address: 'A1' });
    expect(fake.sheet('Rekap').visibility).toBe('Hidden');
    expect(fake.syncs.flatMap((s) => s.ops)).not.toContain('call:activate');
    expect(hostErrorMessage(e, 'id')).toBe(
      'Sel C3 ada di lembar tersembunyi "Rekap", jadi tidak dipilih. Untuk melihatnya, klik kanan tab lembar mana pun > Perlihatkan (Unhide), pilih "Rekap", lalu klik temuan ini lagi.',
    );
    expect(hostErrorMessage(e, 'en')).toContain('right-click any sheet tab > Unhide');
  });

  it('a very hidden sheet gets its own words: Unhide does not list it', async () => {
    const fake = workbook();
    const e = (await host(fake).selectCell('Sistem', 'A1').catch((x: unknown) => x)) as HostError;
    expect(e).toMatchObject({ code: 'sheet-very-hidden', detail: { sheet: 'Sistem', address: 'A1' } });
    expect(hostErrorMessage(e, 'id')).toContain('sangat tersembunyi');
    expect(hostErrorMessage(e, 'en')).toContain('Visual Basic Editor');
  });

  it('a visible sheet is activated and the cell selected', async () => {
    const fake = workbook();
    await host(fake).selectCell('Data', 'B2');
    expect(fake.selection).toEqual({ sheet: 'Data', address: 'B2' });
  });
});

describe('cell edit mode', () => {
  it('InvalidOperation is mapped (not a generic failure) and so is InvalidOperationInCellEditMode', () => {
    expect(toHostError(new FakeOfficeError('InvalidOperation'), 'write-failed').code).toBe('operation-refused');
    expect(toHostError(new FakeOfficeError('InvalidOperationInCellEditMode'), 'write-failed').code).toBe('cell-editing');
    const msg = hostErrorMessage(new HostError('operation-refused'), 'id');
    expect(msg).toContain('Enter atau Esc');
    expect(hostErrorMessage(new HostError('operation-refused'), 'en')).toContain('Press Enter or Esc');
  });

  it.each(['InvalidOperationInCellEditMode', 'InvalidOperation'])('a read refused with %s is tried once more after a pause, and then succeeds', async (code) => {
    const fake = workbook();
    fake.failNextSync(code);
    expect(await host(fake).workbookName()).toBe('Book1.xlsx');
    expect(fake.syncs.map((s) => s.error)).toEqual([code, undefined]);
  });

  it('a read refused twice reaches the pane as cell editing, asking to finish the edit', async () => {
    const fake = workbook();
    fake.failNextSync('InvalidOperationInCellEditMode');
    fake.failNextSync('InvalidOperationInCellEditMode');
    const e = (await host(fake).selectCell('Data', 'B2').catch((x: unknown) => x)) as HostError;
    expect(e.code).toBe('cell-editing');
    expect(fake.syncCount).toBe(2);
  });

  it('a refused write is not retried: the user is told, and nothing was written', async () => {
    const fake = workbook();
    fake.failNextSync('InvalidOperation');
    const e = (await host(fake).applyEdits([edit]).catch((x: unknown) => x)) as HostError;
    expect(e.code).toBe('operation-refused');
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
  });
});

describe('AccessDenied', () => {
  it('on a sheet not known to be protected: worded for protection, read-only files and locks alike', async () => {
    const fake = workbook();
    fake.failAt('write:formulas', 'AccessDenied');
    const e = (await applyEdits(fake.context, [edit]).catch((x: unknown) => x)) as HostError;
    expect(e.code).toBe('access-denied');
    const id = hostErrorMessage(e, 'id');
    expect(id).toContain('hanya-baca');
    expect(id).toContain('antivirus');
    expect(id).not.toMatch(/^Lembar .* diproteksi\./);
    const en = hostErrorMessage(e, 'en');
    expect(en).toContain('read-only');
    expect(en).toContain('antivirus');
    expect(fake.sheet('Data').cell(1, 1).value).toBe(7);
  });

  it('a sheet found protected is still called protected, by name', async () => {
    const fake = workbook();
    fake.protect('Data');
    const e = (await applyEdits(fake.context, [edit]).catch((x: unknown) => x)) as HostError;
    expect(e).toMatchObject({ code: 'protected-sheet', detail: { sheet: 'Data' } });
    expect(hostErrorMessage(e, 'id')).toContain('Lembar "Data" diproteksi');
  });
});
