import path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planFixes } from '../../src/core/fixes/plan';
import { languageFrom, OfficeHost, themeFrom } from '../../src/excel/officeHost';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../src/excel/settings';
import { DEFAULT_SETTINGS, HostError, type ReadProgress, type WorkbookHost } from '../../src/host/types';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { FakeExcel, FakeSettings, fakeOffice, fakeRun } from './fakeExcel';
import { FLOTIM_SCALE, NTT_SCALE } from '../fixtures/scales';

const sample = () => readWorkbookFile(path.join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));

describe('display language and theme', () => {
  it.each([
    ['id-ID', 'id'],
    ['id', 'id'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['en', 'en'],
    ['fr-FR', 'id'],
    ['ms-MY', 'id'],
    ['', 'id'],
    [undefined, 'id'],
  ])('%s -> %s', (tag, lang) => {
    expect(languageFrom(tag)).toBe(lang);
    expect(new OfficeHost({ office: () => fakeOffice({ displayLanguage: tag }) }).displayLanguage()).toBe(lang);
  });

  it('takes light/dark from the body background, light when Office does not say', () => {
    expect(themeFrom({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeFrom({ bodyBackgroundColor: '#e6e6e6' })).toBe('light');
    expect(themeFrom({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeFrom({ bodyBackgroundColor: '#000' })).toBe('dark');
    expect(themeFrom({ bodyBackgroundColor: 'not a colour' })).toBe('light');
    expect(themeFrom({ isDarkTheme: true })).toBe('dark');
    expect(themeFrom(undefined)).toBe('light');
    expect(new OfficeHost({ office: () => fakeOffice({ officeTheme: { bodyBackgroundColor: '#1f1f1f' } }) }).theme()).toBe('dark');
    expect(new OfficeHost({ office: () => fakeOffice() }).theme()).toBe('light');
    expect(new OfficeHost({ office: () => undefined }).theme()).toBe('light');
  });
});

describe('settings in the document', () => {
  it('round-trip through saveAsync and survive closing and reopening the file', async () => {
    const settings = new FakeSettings();
    expect(loadSettings(settings)).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ scale: FLOTIM_SCALE, pusatMarker: 'Urusan Pusat' }, settings);
    expect(settings.saves).toBe(1);
    const reopened = settings.reopen();
    expect(loadSettings(reopened)).toEqual({ scale: FLOTIM_SCALE, pusatMarker: 'Urusan Pusat' });
  });

  it('through the host', async () => {
    const settings = new FakeSettings();
    const host = new OfficeHost({ office: () => fakeOffice({ settings }) });
    await host.saveSettings({ scale: NTT_SCALE, pusatMarker: 'Kewenangan Pusat' });
    const again = new OfficeHost({ office: () => fakeOffice({ settings: settings.reopen() }) });
    expect(await again.loadSettings()).toEqual({ scale: NTT_SCALE, pusatMarker: 'Kewenangan Pusat' });
  });

  it('fall back to the defaults field by field when what is stored is not usable', () => {
    const settings = new FakeSettings();
    settings.set(SETTINGS_KEY, { scale: 7, pusatMarker: '  ' });
    expect(loadSettings(settings)).toEqual(DEFAULT_SETTINGS);
    settings.set(SETTINGS_KEY, 'rubbish');
    expect(loadSettings(settings)).toEqual(DEFAULT_SETTINGS);
  });

  it('a failed save is a HostError', async () => {
    const settings = new FakeSettings();
    settings.failSave = true;
    await expect(saveSettings(DEFAULT_SETTINGS, settings)).rejects.toMatchObject({ code: 'write-failed' });
  });
});

describe('OfficeHost over the fake', () => {
  it('reads, selects, applies and reverts through Excel.run', async () => {
    const xlsx = await sample();
    const fake = new FakeExcel(xlsx);
    fake.name = 'Dinsos NTT 2021.xlsx';
    const host: WorkbookHost = new OfficeHost({ run: fakeRun(fake), office: () => fakeOffice() });
    expect(host.kind).toBe('excel');
    expect(await host.workbookName()).toBe('Dinsos NTT 2021.xlsx');

    const progress: ReadProgress[] = [];
    const snap = await host.readSnapshot((p) => progress.push(p));
    expect(snap).toStrictEqual(xlsx);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });

    const before = fake.syncCount;
    await host.selectCell('APBD', 'C6');
    // The sheet's visibility, then the selection.
    expect(fake.syncCount - before).toBe(2);
    expect(fake.active).toBe('APBD');
    expect(fake.selection).toEqual({ sheet: 'APBD', address: 'C6' });
    await expect(host.selectCell('Tidak ada', 'A1')).rejects.toMatchObject({ code: 'changed-since-check' });

    const edits = planFixes(snap, analyzeWorkbook(snap).findings).edits;
    await host.applyEdits(edits);
    expect(await host.revertLogSize()).toBe(edits.length);
    expect(await host.revertAll()).toBe(edits.length);
    expect(await host.revertLogSize()).toBe(0);
    expect(await host.readSnapshot()).toStrictEqual(xlsx);
  });

  it('turns a failing Excel.run into a HostError', async () => {
    const host = new OfficeHost({ run: () => Promise.reject(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' })) });
    const e = await host.readSnapshot().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe('cell-editing');
  });
});
