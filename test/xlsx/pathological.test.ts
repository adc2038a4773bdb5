/**
 * Hostile and extreme packages, generated at test time (test/fixtures/dialects/
 * pathological.ts), each with the outcome a checker for untrusted files owes:
 * read the table and check it, or refuse with the right code, without hanging or
 * exhausting memory. Jest timeouts are the hang guard; nothing here asserts time.
 *
 * Already covered elsewhere, and not repeated here:
 * - test/xlsx/readerHeavy.test.ts: 50,000 merged areas (read only), data validation in
 *   one rule over A1:Z1048576, CDATA text, cells naming shared strings of a package
 *   without xl/sharedStrings.xml (refused as 'corrupt' naming the part);
 * - test/xlsx/sheetExtent.test.ts: a stray value at XFD1048576 in a workbook exceljs
 *   wrote, and the rectangle rules for merges over whole rows;
 * - test/robustness/millionRows.test.ts: 1,048,576 rows, sparse, dense and too wide;
 * - test/robustness/badInputs.test.ts: a password-protected CFB, a file cut at 3,000
 *   bytes, a sheet part whose central directory claims 300 MB (too-large);
 * - test/xlsx/errors.test.ts: empty, text, PDF, CFB with and without EncryptionInfo
 *   (also straddling a 1 MiB read), a file cut at 2,000 bytes, a plain .docx, a package
 *   without its workbook part, unparsable XML, an enormous declared size, a file over
 *   200 MB, .ods, HTML and XML 2003 exports.
 * What is new here: a zip entry that lies about its size (1 KB declared, over 1 GiB
 * inflated), 100 MB in one shared string, a merge over the whole sheet, ten merged
 * columns of full height, data validation over ten whole columns (also in the x14
 * extension form) with conditional formats, a stray cell under a dimension and styles
 * claiming the whole sheet, 50,000 merges read and checked, a shared-string index past
 * the table, zips cut at four places, a .docx carrying a workbook, entity expansion in
 * a DOCTYPE, 200,000 nested elements.
 *
 * Outcomes of the previous (exceljs) reader were found first in child processes with a
 * time limit; it failed or hung on the cases whose comments say so. The streaming
 * reader (src/xlsx/read/) passes them all.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import * as P from '../fixtures/dialects/pathological';

const MINUTE = 60_000;

async function refusal(bytes: Uint8Array, name: string): Promise<WorkbookReadError> {
  const outcome = await readWorkbookBuffer(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(WorkbookReadError);
  return outcome as WorkbookReadError;
}

/** The table of pathological.ts is read whole at A1:E5, recognised, and its planted error found. */
function expectTableChecked(snap: WorkbookSnapshot, sheet = 'Data'): void {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  expect(s.values.slice(0, 5).map((r) => r.slice(0, 5))).toEqual(P.TABLE.map((r) => r.map((v) => (v === null ? '' : v))));
  const report = analyzeWorkbook(snap);
  expect(report.tables.map((t) => [t.sheet, t.range, t.kind])).toContainEqual([sheet, 'A1:E5', 'budget']);
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet, f.cell])).toContainEqual([P.TABLE_FINDING.code, sheet, P.TABLE_FINDING.cell]);
}

/** The arrays stay the size of what holds something, not of what the merges or the dimension claim. */
function expectSmall(s: SheetSnapshot, most = 300): void {
  expect(s.values.length).toBeLessThanOrEqual(most);
  expect(s.values[0]?.length ?? 0).toBeLessThanOrEqual(most);
}

// First, while the process is still small: the memory check is on the whole process.
describe('a zip entry that lies about its size', () => {
  // The exceljs reader (JSZip) trusted the declared 1 KB, inflated the whole 1.1 GiB and
  // then refused the file as 'corrupt' ("uncompressed data size mismatch"), its RSS past 1.3 GB.
  it(
    'a worksheet entry declaring 1 KB that inflates past 1 GiB is refused as too-large, without inflating it',
    async () => {
      const { bytes, inflatedSize } = P.zipBomb();
      expect(inflatedSize).toBeGreaterThan(1024 ** 3);
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      const err = await refusal(bytes, 'bom-zip.xlsx');
      expect(err.code).toBe('too-large');
      expect(process.memoryUsage().rss).toBeLessThan(600 * 1024 * 1024);
    },
    3 * MINUTE,
  );
});

describe('huge text', () => {
  // The exceljs reader kept the whole string: A7 held 104,960,000 characters.
  it(
    "100 MB in one shared string: read, the cell cut to Excel's 32,767 characters, the table beside it checked",
    async () => {
      const { bytes, textLength } = P.hugeSharedString();
      expect(textLength).toBeGreaterThan(100 * 1024 * 1024);
      const snap = await readWorkbookBuffer(bytes, 'teks-besar.xlsx');
      const s = snap.sheets[0];
      const a7 = s.values[6 - s.origin.row][0 - s.origin.col];
      expect(typeof a7).toBe('string');
      expect((a7 as string).startsWith('Lorem ipsum dolor sit amet')).toBe(true);
      expect((a7 as string).length).toBeLessThanOrEqual(32_767);
      expectTableChecked(snap);
    },
    3 * MINUTE,
  );
});

describe('merges over whole sheets and columns', () => {
  // The exceljs reader hung here (it marked every cell of a merge: past 120 s and 4 GB on A1:XFD1048576).
  it(
    'one merge over the whole sheet: its top-left cell is read, the arrays stay small',
    async () => {
      const snap = await readWorkbookBuffer(P.wholeSheetMerge(), 'gabung-seluruh.xlsx');
      const s = snap.sheets[0];
      expectSmall(s);
      expect(s.values[0][0]).toBe('Judul');
      expect(analyzeWorkbook(snap).findings.filter((f) => f.severity === 'error')).toEqual([]);
    },
    2 * MINUTE,
  );

  // The exceljs reader hung here too (past 120 s and 4 GB on ten merges H1:H1048576 ... Q1:Q1048576).
  it(
    'ten merged columns of full height beside the table: the table is read and checked, the arrays stay small',
    async () => {
      const snap = await readWorkbookBuffer(P.fullHeightMergedColumns(), 'kolom-gabung.xlsx');
      expectSmall(snap.sheets[0]);
      expectTableChecked(snap, 'Kolom');
    },
    2 * MINUTE,
  );

  it(
    '50,000 merged areas beside the table: read and checked',
    async () => {
      const snap = await readWorkbookBuffer(P.manyMergesBesideTable(), 'gabung-banyak.xlsx');
      expect(snap.sheets[0].merges.length).toBe(50_000);
      expectTableChecked(snap);
    },
    2 * MINUTE,
  );
});

describe('rules and extents over whole columns and the whole sheet', () => {
  it(
    'data validation over ten whole columns (also as x14 rules) and conditional formats over them: the table is read and checked',
    async () => {
      const snap = await readWorkbookBuffer(P.wholeColumnRules(), 'validasi-kolom.xlsx');
      expectSmall(snap.sheets[0]);
      expectTableChecked(snap);
    },
    MINUTE,
  );

  it(
    'a value at XFD1048576 in a last row of 16,384 styled empty cells, under a whole-sheet dimension: the table is read, the far cell named',
    async () => {
      const snap = await readWorkbookBuffer(P.strayCorner(), 'sudut-jauh.xlsx');
      const s = snap.sheets[0];
      expectSmall(s);
      expect(s.farCells?.first).toContain('XFD1048576');
      expectTableChecked(snap);
    },
    MINUTE,
  );

  it(
    '200,000 nested elements in the extension list: the table is read and checked',
    async () => {
      expectTableChecked(await readWorkbookBuffer(P.deepNesting(), 'bersarang.xlsx'));
    },
    MINUTE,
  );
});

describe('damaged and foreign packages', () => {
  // The exceljs reader failed inside its string lookup and said 'unreadable' ("the file is
  // intact"), which it is not.
  it('a cell naming shared string 7 of a table of 3 is refused as corrupt', async () => {
    expect((await refusal(P.sharedStringOutOfRange(), 'indeks-sst.xlsx')).code).toBe('corrupt');
  });

  it.each(P.truncations().map((t) => [t.name, t.bytes] as const))('a zip %s is refused as corrupt', async (_name, bytes) => {
    expect((await refusal(bytes, 'terpotong.xlsx')).code).toBe('corrupt');
  });

  it('a Word document carrying an embedded workbook is not a workbook (not-xlsx)', async () => {
    expect((await refusal(P.docxWithEmbeddedWorkbook(), 'laporan.xlsx')).code).toBe('not-xlsx');
  });

  it(
    'entity expansion in a DOCTYPE ("billion laughs"): refused, or read without expanding it',
    async () => {
      const outcome = await readWorkbookBuffer(P.entityExpansion(), 'entitas.xlsx').then(
        (snap) => snap,
        (e: unknown) => e,
      );
      if (outcome instanceof WorkbookReadError) {
        expect(['corrupt', 'unreadable']).toContain(outcome.code);
        return;
      }
      expect(outcome).not.toBeInstanceOf(Error);
      const snap = outcome as WorkbookSnapshot;
      for (const row of snap.sheets[0].values) for (const v of row) if (typeof v === 'string') expect(v.length).toBeLessThan(1000);
      expectTableChecked(snap);
    },
    MINUTE,
  );
});
