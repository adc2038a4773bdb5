import { readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';

const NTT = readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Every SpreadsheetML element written with an x: prefix, as the Open XML SDK writes it. */
function prefixed(xml: string): string {
  const body = xml.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (whole, slash: string, local: string) => (local.includes(':') ? whole : `<${slash}x:${local}`));
  return body.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

async function openXmlSdkCopy(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(NTT);
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/(workbook|styles|sharedStrings|worksheets\/[^/]+)\.xml$/.test(name)) continue;
    zip.file(name, prefixed(await zip.file(name)!.async('string')));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

describe('SpreadsheetML written with a namespace prefix (Open XML SDK, ClosedXML)', () => {
  it('reads exactly like the same workbook without prefixes', async () => {
    const bytes = await openXmlSdkCopy();
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<x:worksheet[^>]*xmlns:x=/);
    const plain = await readWorkbookBuffer(new Uint8Array(NTT), 'ntt.xlsx');
    const sdk = await readWorkbookBuffer(bytes, 'ntt-sdk.xlsx');
    expect(sdk).toEqual(plain);
    expect(analyzeWorkbook(sdk).findings.length).toBe(analyzeWorkbook(plain).findings.length);
  });
});
