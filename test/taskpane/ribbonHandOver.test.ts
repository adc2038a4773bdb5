import { PENDING_CHECK_KEY, requestPaneCheck, takePaneCheckRequest, takeRibbonResult, writeRibbonResult } from '../../src/taskpane/ribbonResult';
import { TIMED_OUT, withTimeBox } from '../../src/commands/timeBox';

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('Periksa hands the check to the pane', () => {
  it('a request is taken once, and not when an hour old', () => {
    const s = memory();
    requestPaneCheck(s, 1000);
    expect(takePaneCheckRequest(s, 2000)).toBe(true);
    expect(takePaneCheckRequest(s, 2000)).toBe(false);
    requestPaneCheck(s, 0);
    expect(takePaneCheckRequest(s, 61 * 60 * 1000)).toBe(false);
    expect(s.getItem(PENDING_CHECK_KEY)).toBeNull();
    expect(takePaneCheckRequest(undefined)).toBe(false);
  });

  it("the ribbon's error reaches the pane with the workbook it ran on", () => {
    const s = memory();
    writeRibbonResult(s, { counts: { error: 0, warning: 0, info: 0 }, workbook: 'a.xlsx', at: 1000, error: 'Pemeriksaan dari pita gagal: X' });
    expect(takeRibbonResult(s, 'a.xlsx', 2000)?.error).toBe('Pemeriksaan dari pita gagal: X');
  });

  it('the time box returns the result in time, or TIMED_OUT after it', async () => {
    await expect(withTimeBox(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(withTimeBox(new Promise(() => undefined), 5)).resolves.toBe(TIMED_OUT);
    await expect(withTimeBox(Promise.reject(new Error('read failed')), 1000)).rejects.toThrow('read failed');
  });
});
