/**
 * Sheets that made exceljs take minutes on a small file: 50,000 merged areas (it
 * compares every merge with every other) and data validation over whole columns (it
 * expands each range cell by cell). Each case would pass the test timeout by far
 * without the lightening; the checks are on what is read, not on time.
 */
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';

jest.setTimeout(60_000);

async function withSheetXml(edit: (xml: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRows([
    ['No', 'Uraian', 'Jumlah'],
    [1, 'Anak', 10],
    [2, 'Lansia', 20],
    [null, 'Jumlah', 30],
  ]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', edit(xml));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('sheets the previous reader (exceljs) took minutes over, read in linear time', () => {
  it('50,000 merged areas are read here: every one in the snapshot, the cells they cover empty', async () => {
    const n = 50_000;
    let block = `<mergeCells count="${n}">`;
    for (let i = 0; i < n; i++) block += `<mergeCell ref="E${i + 10}:F${i + 10}"/>`;
    block += '</mergeCells>';
    // F10 is covered by E10:F10 and holds a stray value in the file: Excel shows it empty.
    const bytes = await withSheetXml((xml) =>
      xml.replace('</sheetData>', '<row r="10"><c r="E10" t="inlineStr"><is><t>atas</t></is></c><c r="F10"><v>7</v></c></row></sheetData>' + block),
    );
    const s = (await readWorkbookBuffer(bytes, 'merges.xlsx')).sheets[0];
    expect(s.merges).toHaveLength(n);
    expect(s.merges[0]).toBe('E10:F10');
    const at = (a1: string) => {
      const col = a1.charCodeAt(0) - 65;
      const row = Number(a1.slice(1)) - 1;
      return s.values[row - s.origin.row][col - s.origin.col];
    };
    expect(at('E10')).toBe('atas');
    expect(at('F10')).toBe('');
    expect(at('C4')).toBe(30);
  });

  it('data validation over whole columns is left out; the cells are read as before', async () => {
    const dv = '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:Z1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const bytes = await withSheetXml((xml) => xml.replace(/(<pageMargins)/, `${dv}$1`));
    const s = (await readWorkbookBuffer(bytes, 'dv.xlsx')).sheets[0];
    expect(s.values).toEqual([
      ['No', 'Uraian', 'Jumlah'],
      [1, 'Anak', 10],
      [2, 'Lansia', 20],
      ['', 'Jumlah', 30],
    ]);
  });
});

describe('text in CDATA sections', () => {
  it('inline strings written as CDATA are read as their text, so the header row and labels are there', async () => {
    const bytes = await withSheetXml((xml) =>
      xml.replace(
        '</sheetData>',
        '<row r="6"><c r="A6" t="inlineStr"><is><t><![CDATA[Anak & Remaja <15 th>]]></t></is></c><c r="B6"><v>5</v></c></row></sheetData>',
      ),
    );
    const s = (await readWorkbookBuffer(bytes, 'cdata.xlsx')).sheets[0];
    expect(s.values[5 - s.origin.row][0]).toBe('Anak & Remaja <15 th>');
  });
});

describe('a package whose cells name shared strings it does not hold', () => {
  it('is refused as damaged, naming the missing part, instead of read as a workbook without tables', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRows([
      ['No', 'Uraian', 'Jumlah'],
      [1, 'Anak', 10],
    ]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/t="s"/);
    zip.remove('xl/sharedStrings.xml');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readWorkbookBuffer(bytes, 'tanpa-sst.xlsx')).rejects.toMatchObject({ code: 'corrupt', cause: expect.objectContaining({ message: expect.stringMatching(/no xl\/sharedStrings\.xml/) }) });
  });
});
