/**
 * The legacy reader (src/xlsx/legacy/): .xls, .ods, flat .fods and Excel 2003 XML made from
 * the project's own sample read into the snapshot the .xlsx reader makes of the sample, with
 * the same findings; every difference is named and explained here.
 *
 * Fixtures: test/fixtures/legacy/ (make-fixtures.js: LibreOffice's conversions of
 * examples/dinsos-ntt-2021.xlsx and of fitur.xlsx, XML 2003 and HTML written from the sample).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CFB, utils as sheetjsUtils, write as sheetjsWrite, read as sheetjsRead } from '@e965/xlsx';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { readErrorMessage, WorkbookReadError } from '../../src/xlsx/errors';
import { readLegacyWorkbook } from '../../src/xlsx/legacy';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import type { LegacyKind } from '../../src/xlsx/sniff';

const ROOT = path.resolve(__dirname, '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures', 'legacy');
const SAMPLE = path.join(ROOT, 'examples', 'dinsos-ntt-2021.xlsx');
const bytes = (f: string) => new Uint8Array(fs.readFileSync(path.join(FIX, f)));

function read(file: string, kind: LegacyKind): Promise<WorkbookSnapshot> {
  return readLegacyWorkbook(bytes(file), file, kind);
}

/** Findings as code, sheet and cell: what the checker says, in any language. */
function findings(s: WorkbookSnapshot): string[] {
  return analyzeWorkbook(s, { lang: 'id' })
    .findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`)
    .sort();
}

/** Format codes written two ways that mean the same: "-" and \- , dd"/"mm and dd/mm. */
function canonicalFormat(f: string): string {
  return f.replace(/\\(.)/g, '$1').replace(/"([^"]*)"/g, '$1');
}

type Field = 'values' | 'formulas' | 'numberFormat' | 'valueTypes' | 'text';

/** Cells where two sheets differ in one field, as "A1: x | y". */
function cellDiffs(a: SheetSnapshot, b: SheetSnapshot, field: Field, same: (x: unknown, y: unknown) => boolean = (x, y) => x === y): string[] {
  const out: string[] = [];
  const rows = Math.max(a[field].length, b[field].length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a[field][r]?.length ?? 0, b[field][r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const x = a[field][r]?.[c];
      const y = b[field][r]?.[c];
      if (!same(x, y)) out.push(`${String.fromCharCode(65 + a.origin.col + c)}${a.origin.row + r + 1}: ${JSON.stringify(x)} | ${JSON.stringify(y)}`);
    }
  }
  return out;
}

function shapeOf(s: SheetSnapshot) {
  return { name: s.name, visibility: s.visibility, kind: s.kind, origin: s.origin, rows: s.values.length, cols: s.values[0]?.length ?? 0, merges: [...s.merges].sort(), hiddenRows: s.hiddenRows, farCells: s.farCells };
}

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await readWorkbookFile(SAMPLE);
});

describe('the sample converted to each format reads as the .xlsx does', () => {
  test.each([
    ['dinsos-ntt-2021.xls', 'cfb'],
    ['dinsos-ntt-2021.ods', 'ods'],
    ['dinsos-ntt-2021.fods', 'fods'],
    ['dinsos-ntt-2021-xml2003.xml', 'xml-2003'],
  ] as const)('%s: same sheets, cells and findings', async (file, kind) => {
    const other = await read(file, kind);
    expect(other.sheets.map(shapeOf)).toEqual(sample.sheets.map(shapeOf));
    for (const [i, a] of sample.sheets.entries()) {
      const b = other.sheets[i];
      expect(cellDiffs(a, b, 'valueTypes')).toEqual([]);
      expect(cellDiffs(a, b, 'formulas', (x, y) => x === y || (typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) < 1e-12))).toEqual([]);
      const values = cellDiffs(a, b, 'values', (x, y) => x === y || (typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) < 1e-12));
      expect(values).toEqual([]);
      const formats = cellDiffs(a, b, 'numberFormat', (x, y) => canonicalFormat(String(x)) === canonicalFormat(String(y)));
      if (kind === 'ods' || kind === 'fods') {
        // SheetJS reads the accounting format LibreOffice keeps as a conditional style
        // (positive;negative;zero;text) from its text branch; a number under a text-only
        // format is General, as Excel shows it. The cells' values and text are the same.
        for (const d of formats) expect(d).toMatch(/: "_-\* #,##0_-;-\* #,##0_-;_-\* \\"-\\"_-;_-@_-" \| "General"$/);
      } else {
        expect(formats).toEqual([]);
      }
      // Displayed text: the same, but for LibreOffice's own rendering in the .ods (the
      // "text:p" it stores, e.g. "-" for zero under the accounting format, which the
      // .xlsx reader renders through SSF as "-" too).
      expect(cellDiffs(a, b, 'text')).toEqual([]);
    }
    expect(findings(other)).toEqual(findings(sample));
  });

  test('LibreOffice writes 15 significant digits to an .ods: 78.94125659023682 becomes 78.9412565902368', async () => {
    const ods = await read('dinsos-ntt-2021.ods', 'ods');
    const pmks = ods.sheets[0];
    expect(pmks.values[26][6]).toBe(78.9412565902368);
    expect(sample.sheets[0].values[26][6]).toBe(78.94125659023682);
  });
});

describe('fitur.xlsx (hidden rows and sheets, errors, a far stray cell, merges) in .xls and .ods', () => {
  let fitur: WorkbookSnapshot;
  beforeAll(async () => {
    fitur = await readWorkbookFile(path.join(FIX, 'fitur.xlsx'));
  });

  test.each([
    ['fitur.xls', 'cfb'],
    ['fitur.ods', 'ods'],
  ] as const)('%s', async (file, kind) => {
    const other = await read(file, kind);
    expect(other.sheets.map(shapeOf)).toEqual(fitur.sheets.map(shapeOf));
    const [data] = other.sheets;
    expect(data.hiddenRows).toEqual([5]);
    expect(data.farCells).toEqual({ count: 1, first: ['IV65536'] });
    expect(data.origin).toEqual({ row: 1, col: 1 });
    expect(data.merges).toEqual(['B2:E2']);
    expect(other.sheets[1].visibility).toBe('Hidden');
    // F7: =E7/D7*100 over a zero, its cached error kept.
    expect([data.values[5][4], data.valueTypes[5][4], data.formulas[5][4], data.text[5][4]]).toEqual(['#DIV/0!', 'Error', '=E7/D7*100', '#DIV/0!']);
    expect([data.values[6][2], data.formulas[6][2], data.text[6][2], data.numberFormat[6][2]]).toEqual([3000000, '=SUM(D5:D7)', '3,000,000', '#,##0']);
    // C11: a date serial under dd/mm/yyyy.
    expect([data.values[9][1], data.text[9][1]]).toEqual([44561, '31/12/2021']);
    // C10: LibreOffice has no boolean cells; it writes TRUE as the formula =TRUE(), cached as a
    // boolean in the .xls and as 1 shown as TRUE in the .ods (read back as the boolean it is).
    expect([data.values[8][1], data.valueTypes[8][1], data.text[8][1]]).toEqual([true, 'Boolean', 'TRUE']);
    expect(String(data.formulas[8][1]).toUpperCase()).toMatch(/^=TRUE(\(\))?$/);
    expect(findings(other)).toEqual(findings(fitur));
  });
});

describe('older BIFF versions (written by SheetJS from the sample .xls)', () => {
  test.each(['biff5', 'biff4', 'biff3', 'biff2'] as const)('%s: the first sheet\'s values', async (bookType) => {
    const wb = sheetjsRead(bytes('dinsos-ntt-2021.xls'), { type: 'array', cellFormula: false, cellNF: true });
    // The types know only biff2, biff5 and biff8; SheetJS writes biff3 and biff4 too.
    const data = new Uint8Array(sheetjsWrite(wb, { bookType: bookType as 'biff2', type: 'array' }) as ArrayBuffer);
    const kind: LegacyKind = bookType === 'biff5' ? 'cfb' : 'biff';
    const other = await readLegacyWorkbook(data, `lama.${bookType}.xls`, kind);
    const a = sample.sheets[0];
    const b = other.sheets[0];
    // BIFF2-4 files hold one sheet (named Sheet1 by SheetJS); values and types are those of
    // the sample, but for text past 255 characters, which these versions cannot hold (cut).
    expect(cellDiffs(a, b, 'valueTypes')).toEqual([]);
    const cut = (x: unknown, y: unknown) => x === y || (typeof x === 'string' && typeof y === 'string' && y.length === 255 && x.startsWith(y));
    expect(cellDiffs(a, b, 'values', cut)).toEqual([]);
    if (bookType === 'biff5') expect(other.sheets.map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));
  });
});

test('an .xls in the 1904 date system keeps its serials and shows its dates as Excel does', async () => {
  const ws = sheetjsUtils.aoa_to_sheet([[{ t: 'n', v: 43099, z: 'dd/mm/yyyy' }, 'tanggal']]);
  const wb = sheetjsUtils.book_new();
  sheetjsUtils.book_append_sheet(wb, ws, 'Tanggal');
  wb.Workbook = { WBProps: { date1904: true } };
  const data = new Uint8Array(sheetjsWrite(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
  const snap = await readLegacyWorkbook(data, 'mac.xls', 'cfb');
  // 43,099 days after 1 January 1904 is 31 December 2021 (in the 1900 system it would be 2017).
  expect([snap.sheets[0].values[0][0], snap.sheets[0].text[0][0], snap.sheets[0].numberFormat[0][0]]).toEqual([43099, '31/12/2021', 'dd/mm/yyyy']);
});

describe('bounds', () => {
  test('a cell limit below the workbook refuses it as too many cells, before SheetJS parses', async () => {
    for (const [file, kind] of [
      ['dinsos-ntt-2021.xls', 'cfb'],
      ['dinsos-ntt-2021.ods', 'ods'],
      ['dinsos-ntt-2021.fods', 'fods'],
      ['dinsos-ntt-2021-xml2003.xml', 'xml-2003'],
      ['pmks-ekspor-web.xls', 'html'],
    ] as const) {
      const err = await readLegacyWorkbook(bytes(file), file, kind, { maxCells: 50 }).then(
        () => null,
        (e: unknown) => e as WorkbookReadError,
      );
      expect(err).toBeInstanceOf(WorkbookReadError);
      expect(err!.code).toBe('too-large');
      expect(readErrorMessage(err!, 'id')).toMatch(/terlalu banyak sel/);
      expect(readErrorMessage(err!, 'en')).toMatch(/too many cells/);
    }
  });

  test('an .ods whose one cell is repeated over a whole sheet is refused at once, not written out 17 billion times', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Bom"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const zip = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(content) });
    const t0 = Date.now();
    const err = await readLegacyWorkbook(zip, 'bom.ods', 'ods').catch((e: unknown) => e as WorkbookReadError);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((err as WorkbookReadError).code).toBe('too-large');
  });

  test('an .xls whose sheets claim the largest dimensions there are reads as the real cells, at once', async () => {
    const cfb = CFB.read(bytes('dinsos-ntt-2021.xls'), { type: 'array' });
    const entry = CFB.find(cfb, '/Workbook');
    const stream = Buffer.from(entry.content);
    let patched = 0;
    for (let p = 0; p + 4 <= stream.length; ) {
      const type = stream.readUInt16LE(p);
      const len = stream.readUInt16LE(p + 2);
      if (type === 0x0200 && len === 14) {
        // DIMENSIONS: first row, last row + 1 (32 bits), first column, last column + 1.
        stream.writeUInt32LE(0, p + 4);
        stream.writeUInt32LE(0xffffffff, p + 8);
        stream.writeUInt16LE(0, p + 12);
        stream.writeUInt16LE(0xffff, p + 14);
        patched++;
      }
      p += 4 + len;
    }
    expect(patched).toBe(6);
    CFB.utils.cfb_del(cfb, '/Workbook');
    CFB.utils.cfb_add(cfb, '/Workbook', stream);
    const data = new Uint8Array(CFB.write(cfb, { type: 'buffer' }));
    const t0 = Date.now();
    const bogus = await readLegacyWorkbook(data, 'dimensi-palsu.xls', 'cfb');
    expect(Date.now() - t0).toBeLessThan(3000);
    const usual = await read('dinsos-ntt-2021.xls', 'cfb');
    expect(bogus).toEqual(usual);
  });
});

describe('security', () => {
  test('sheet and attribute names like __proto__ are data, and nothing is polluted', async () => {
    const xml = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="__proto__"><Table><Row><Cell __proto__="x" constructor="y"><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet>
 <Worksheet ss:Name="constructor"><Table><Row><Cell><Data ss:Type="String">polluted</Data></Cell></Row></Table></Worksheet>
 <Worksheet ss:Name="toString"><Table><Row><Cell><Data ss:Type="Number">2</Data></Cell></Row></Table></Worksheet>
</Workbook>`;
    const snap = await readLegacyWorkbook(new Uint8Array(Buffer.from(xml)), 'proto.xml', 'xml-2003');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
    expect(snap.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(snap.sheets.map((s) => s.values[0]?.[0])).toEqual([1, 'polluted', 2]);
  });

  test('SheetJS says nothing on the console (its notes on .ods number formats are not for the user)', async () => {
    const spies = (['error', 'warn', 'log', 'info'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    try {
      await read('dinsos-ntt-2021.ods', 'ods');
      for (const s of spies) expect(s).not.toHaveBeenCalled();
    } finally {
      for (const s of spies) s.mockRestore();
    }
    // ... and the console works again afterwards.
    expect(typeof console.error).toBe('function');
  });
});
