import { readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { ignoreEntry } from '../../src/core/ignore';
import { encodeIgnoreList } from '../../src/core/ignoreCodec';
import { PreviewHost } from '../../src/preview/PreviewHost';

const NTT = readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));
const AT = '2026-12-06T08:00:00.000Z';
const d8 = ignoreEntry({ code: 'text-number', severity: 'warning', sheet: 'Indikator 1 PMKS', cell: 'D8', message: 'teks' }, AT, 'nanti');

/** A Map standing in for the browser's localStorage. */
function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

async function open(storage: ReturnType<typeof memoryStorage>, bytes: Uint8Array = new Uint8Array(NTT), name = 'dinsos-ntt-2021.xlsx') {
  const host = new PreviewHost({ lang: 'id', theme: 'light', storage });
  await host.openBuffer(bytes, name);
  return host;
}

describe('PreviewHost ignore list', () => {
  test('empty for a file without one; what is saved comes back when the same file is opened again (page reload)', async () => {
    const storage = memoryStorage();
    const host = await open(storage);
    expect(await host.loadIgnoreList()).toEqual([]);
    await host.saveIgnoreList([d8]);
    const again = await open(storage);
    expect(await again.loadIgnoreList()).toEqual([d8]);
    const other = await open(storage, new Uint8Array(NTT), 'lain.xlsx');
    expect(await other.loadIgnoreList()).toEqual([]);
  });

  test('the list a workbook carries (made in Excel) is used until the preview stores its own', async () => {
    const zip = await JSZip.loadAsync(NTT);
    zip.file('customXml/item1.xml', encodeIgnoreList([d8]));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const storage = memoryStorage();
    const host = await open(storage, bytes, 'dari-excel.xlsx');
    expect(await host.loadIgnoreList()).toEqual([d8]);
    await host.saveIgnoreList([]);
    expect(await host.loadIgnoreList()).toEqual([]);
  });

  test('storage the browser refuses is a write-failed error, not a lost list', async () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const host = await open(storage);
    await expect(host.saveIgnoreList([d8])).rejects.toMatchObject({ code: 'write-failed' });
  });
});
