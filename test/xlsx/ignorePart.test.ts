import { readFileSync } from 'fs';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ignoreEntry } from '../../src/core/ignore';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { withIgnoreListPart } from '../../src/xlsx/ignorePart';

const NTT = new Uint8Array(readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx')));
const AT = '2026-12-06T08:00:00.000Z';
const entry = (cell: string) => ignoreEntry({ code: 'text-number', severity: 'info', sheet: 'Indikator 1 PMKS', cell, message: 'teks' }, AT, 'alasan');

async function parts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

describe('the ignore list written into a package', () => {
  it('is read back by our reader, and the package still opens in exceljs with every other part as it was', async () => {
    const out = await withIgnoreListPart(NTT, [entry('D8')]);
    expect((await readWorkbookBuffer(out, 'x.xlsx')).ignored).toEqual([entry('D8')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
    const before = await parts(NTT);
    const after = await parts(out);
    const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k)).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'customXml/_rels/item1.xml.rels', 'customXml/item1.xml', 'customXml/itemProps1.xml', 'xl/_rels/workbook.xml.rels']);
    expect(after.get('xl/_rels/workbook.xml.rels')).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    expect(after.get('[Content_Types].xml')).toMatch(/PartName="\/customXml\/itemProps1\.xml"/);
  });

  it('a second list replaces the first in place; an empty list on a file without one changes nothing', async () => {
    const once = await withIgnoreListPart(NTT, [entry('D8')]);
    const twice = await withIgnoreListPart(once, [entry('D13')]);
    expect((await readWorkbookBuffer(twice, 'x.xlsx')).ignored).toEqual([entry('D13')]);
    expect([...(await parts(twice)).keys()].filter((k) => k.startsWith('customXml/item')).sort()).toEqual(['customXml/item1.xml', 'customXml/itemProps1.xml']);
    expect(await withIgnoreListPart(NTT, [])).toBe(NTT);
  });

  it('another custom XML item (the revert log, a SharePoint property) keeps its number; ours takes the next', async () => {
    const zip = await JSZip.loadAsync(NTT);
    zip.file('customXml/item1.xml', '<other xmlns="urn:x"/>');
    const withOther = await zip.generateAsync({ type: 'uint8array' });
    const out = await parts(await withIgnoreListPart(withOther, [entry('D8')]));
    expect(out.get('customXml/item1.xml')).toBe('<other xmlns="urn:x"/>');
    expect(out.get('customXml/item2.xml')).toMatch(/urn:lakip:ignore-list:1/);
  });
});
