import { RIBBON_RESULT_KEY, takeRibbonResult, writeRibbonResult } from '../../src/taskpane/ribbonResult';
import { effectiveLang, normaliseScale, parseLangPreference, scaleMode } from '../../src/taskpane/settingsModel';
import { NTT_SCALE } from '../fixtures/scales';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe('settings', () => {
  test('language preference: id/en override, anything else follows Office', () => {
    expect(parseLangPreference('en')).toBe('en');
    expect(parseLangPreference('id')).toBe('id');
    expect(parseLangPreference('fr')).toBe('auto');
    expect(parseLangPreference(null)).toBe('auto');
    expect(effectiveLang('auto', 'en')).toBe('en');
    expect(effectiveLang('id', 'en')).toBe('id');
  });

  test('scale: presets kept (case and spaces forgiven), an office\'s bands kept in one-line form, anything else falls back to the workbook scale', () => {
    expect(normaliseScale(' RKPD-5 ')).toBe('rkpd-5');
    expect(normaliseScale('85 = Sangat Berhasil;70=Berhasil; >55=Cukup Berhasil;0=Belum Berhasil')).toBe(NTT_SCALE);
    expect(scaleMode(NTT_SCALE)).toBe('own');
    expect(scaleMode('rkpd-5')).toBe('rkpd-5');
    expect(normaliseScale('70=Baik; 85=Sangat Baik')).toBe('');
    // Ids of office scales that were presets before are not presets now.
    expect(normaliseScale('ntt-4')).toBe('');
    expect(normaliseScale('permenpan-5')).toBe('rkpd-5');
    expect(normaliseScale('rkpd-5')).toBe('rkpd-5');
    expect(normaliseScale('custom')).toBe('');
    expect(normaliseScale(undefined)).toBe('');
  });
});

describe('ribbon result hand-over', () => {
  test('the pane takes a recent result for its workbook once', () => {
    const s = new MemoryStorage();
    writeRibbonResult(s, { counts: { error: 2, warning: 1, info: 0 }, workbook: 'a.xlsx', at: 1000 });
    expect(takeRibbonResult(s, 'b.xlsx', 2000)).toBeUndefined();
    expect(takeRibbonResult(s, 'a.xlsx', 2000)?.counts.error).toBe(2);
    expect(takeRibbonResult(s, 'a.xlsx', 2000)).toBeUndefined();
  });

  test('old or damaged results are ignored', () => {
    const s = new MemoryStorage();
    writeRibbonResult(s, { counts: { error: 0, warning: 0, info: 0 }, workbook: 'a.xlsx', at: 0 });
    expect(takeRibbonResult(s, 'a.xlsx', 13 * 3600 * 1000)).toBeUndefined();
    s.setItem(RIBBON_RESULT_KEY, '{not json');
    expect(takeRibbonResult(s, 'a.xlsx')).toBeUndefined();
    expect(takeRibbonResult(undefined, 'a.xlsx')).toBeUndefined();
  });
});
