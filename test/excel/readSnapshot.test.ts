import path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { splitAreaAddresses, parseArea } from '../../src/excel/addresses';
import {
  DEFAULT_BYTES_PER_CELL,
  DEFAULT_MAX_REQUEST_BYTES,
  planReadBlocks,
  readWorkbookSnapshot,
} from '../../src/excel/readSnapshot';
import { HostError, type ReadProgress } from '../../src/host/types';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { FakeExcel } from './fakeExcel';
import { bigSheet, sheetFrom } from './generate';

const SAMPLES = ['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx'];
const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../examples', name));
/** Every sync's response must stay under Excel on the web's 5 MB (counted in decimal, to be strict). */
const WEB_LIMIT = 5_000_000;

/**
 * A workbook with the awkward parts: offsets, merges outside the values, hidden rows, errors, odd names.
 * `asRead`: as the add-in reads it. The read stays on the values' used range, so the merged areas that
 * hold no value and lie outside every value are not there (they tell the engine nothing), and a sheet
 * whose every value row is hidden has no visible cell to tell hidden rows from hidden columns: unknown.
 */
function awkwardWorkbook(asRead = false): WorkbookSnapshot {
  const emptyMerges = !asRead;
  const wb: WorkbookSnapshot = {
    sheets: [
      sheetFrom(
        "Tabel 1, 'PMKS'!",
        [
          { row: 4, col: 2, value: 'Jenis PMKS' },
          { row: 4, col: 3, value: 'Populasi' },
          { row: 5, col: 2, value: 'Anak Balita Terlantar' },
          { row: 5, col: 3, value: 1595, numberFormat: '#,##0' },
          { row: 6, col: 2, value: 'Tuna Susila' },
          { row: 6, col: 3, value: '#DIV/0!', formula: '=D5/0', type: 'Error', numberFormat: '0.00' },
          { row: 7, col: 2, value: 'Jumlah' },
          { row: 7, col: 3, value: 1595, formula: '=SUM(D6:D7)', numberFormat: '#,##0' },
          { row: 8, col: 3, value: true },
          { row: 9, col: 3, value: '1.595' },
          { row: 10, col: 4, value: '', numberFormat: '0.00' },
        ],
        // The title merge sits above and right of every value; one more merge is empty and lower still.
        { merges: emptyMerges ? ['B2:H3', 'C12:D13'] : [], hiddenRows: [6, 9] },
      ),
      sheetFrom('Kosong', []),
      sheetFrom('Hanya judul', [], { merges: emptyMerges ? ['A1:C1'] : [] }),
      sheetFrom('Rahasia', [{ row: 0, col: 0, value: 'x' }], { visibility: 'VeryHidden' }),
      sheetFrom('Tersembunyi', [{ row: 2, col: 1, value: 3.5 }], { visibility: 'Hidden', hiddenRows: [2] }),
    ],
  };
  if (asRead) delete wb.sheets[4].hiddenRows;
  return wb;
}

function smallSheets(n: number): WorkbookSnapshot {
  return {
    sheets: Array.from({ length: n }, (_, i) =>
      sheetFrom(`Lembar ${i + 1}`, [
        { row: 0, col: 0, value: `Tabel ${i + 1}`, type: 'String' },
        { row: 1, col: 0, value: 'Jumlah' },
        { row: 1, col: 1, value: i * 10, numberFormat: '#,##0' },
      ], { merges: ['A1:C1'] }),
    ),
  };
}

describe('readWorkbookSnapshot', () => {
  it.each(SAMPLES)('reads %s exactly as the xlsx reader does, in 3 syncs, with the same findings', async (name) => {
    const xlsx = await read(name);
    const fake = new FakeExcel(xlsx);
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap).toStrictEqual(xlsx);
    expect(fake.syncCount).toBe(3);
    expect(analyzeWorkbook(snap).findings).toStrictEqual(analyzeWorkbook(xlsx).findings);
    expect(analyzeWorkbook(snap).findings.length).toBeGreaterThan(5);
  });

  it('reads offsets, hidden rows, errors and odd sheet names like the xlsx reader; empty merges outside the values are not read', async () => {
    const wb = awkwardWorkbook();
    const fake = new FakeExcel(wb);
    fake.integerTypes = true; // Excel may say Integer: still a number to the engine
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap).toStrictEqual(awkwardWorkbook(true));
    expect(analyzeWorkbook(snap).findings).toStrictEqual(analyzeWorkbook(wb).findings);
    const pmks = snap.sheets[0];
    expect(pmks.origin).toEqual({ row: 4, col: 2 }); // C5, the first value: the empty title merge above it is not read
    expect(pmks.values[2][1]).toBe('#DIV/0!');
    expect(pmks.valueTypes[2][1]).toBe('Error');
    expect(pmks.formulas[2][1]).toBe('=D5/0');
    expect(pmks.valueTypes[1][1]).toBe('Double');
    expect(pmks.valueTypes[5][1]).toBe('String'); // '1.595' stays text
    expect(pmks.hiddenRows).toEqual([6, 9]);
    expect(snap.sheets.map((s) => s.visibility)).toEqual(['Visible', 'Visible', 'Visible', 'VeryHidden', 'Hidden']);
    expect(fake.syncCount).toBe(3);
  });

  it('takes the same 3 syncs for 1 sheet and for 30', async () => {
    for (const n of [1, 30]) {
      const wb = smallSheets(n);
      const fake = new FakeExcel(wb);
      expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(wb);
      expect(fake.syncCount).toBe(3);
    }
  });

  it('takes 2 syncs when no sheet holds anything', async () => {
    const wb = { sheets: [sheetFrom('A', []), sheetFrom('B', [])] };
    const fake = new FakeExcel(wb);
    expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(wb);
    expect(fake.syncCount).toBe(2);
  });

  it('reads a 50,000 x 20 sheet in 2 + ceil(estimate / limit) syncs, each response under 5 MB', async () => {
    const rows = 50_000;
    const cols = 20;
    const big = bigSheet('Data', rows, cols);
    const wb: WorkbookSnapshot = { sheets: [smallSheets(1).sheets[0], big] };
    const fake = new FakeExcel(wb);
    const progress: ReadProgress[] = [];
    const snap = await readWorkbookSnapshot(fake.context, { onProgress: (p) => progress.push(p) });

    const estimate = (rows * cols + 2 * 3) * DEFAULT_BYTES_PER_CELL;
    expect(fake.syncCount).toBe(2 + Math.ceil(estimate / DEFAULT_MAX_REQUEST_BYTES));
    expect(fake.syncCount).toBe(50);
    for (const s of fake.syncs) {
      expect(s.error).toBeUndefined();
      expect(s.bytes).toBeLessThan(WEB_LIMIT);
    }
    const sizes = fake.syncs.slice(2).map((s) => s.bytes);
    expect(Math.max(...sizes)).toBeGreaterThan(500_000); // the blocks are real, not empty
    expect(progress[progress.length - 1]).toEqual({ done: 50, total: 50 });
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const got = snap.sheets[1];
    expect(got.origin).toEqual({ row: 0, col: 0 });
    expect(got.values.length).toBe(rows);
    expect(got.values[0][0]).toBe('Kecamatan 1');
    expect(got.values[49_999][0]).toBe('Kecamatan 50000');
    expect(got.values[12_345][7]).toBe(big.values[12_345][7]);
    expect(got.formulas[30_000][19]).toBe('=SUM(B30001:S30001)');
    expect(got.values[5][3]).toBe('#DIV/0!');
    expect(got.valueTypes[5][3]).toBe('Error');
    expect(got.text[40_000][5]).toBe(big.text[40_000][5]);
    // And all of it, cell by cell (a plain loop: faster than a deep-equal on a million cells).
    let differences = 0;
    const keys = ['values', 'text', 'formulas', 'numberFormat', 'valueTypes'] as const;
    for (const k of keys) {
      for (let r = 0; r < rows; r++) {
        const a = got[k][r];
        const b = big[k][r];
        if (!a || a.length !== cols) differences++;
        else for (let c = 0; c < cols; c++) if (a[c] !== b[c]) differences++;
      }
    }
    expect(differences).toBe(0);
    expect({ ...got, values: [], text: [], formulas: [], numberFormat: [], valueTypes: [] }).toStrictEqual({
      ...big,
      values: [],
      text: [],
      formulas: [],
      numberFormat: [],
      valueTypes: [],
    });
  }, 60_000);

  it('splits a sync whose cells come back larger than estimated, and still reads everything', async () => {
    const big = bigSheet('Panjang', 8000, 20);
    // Long texts everywhere in one column: ~400 bytes more per row than a tiny estimate expects.
    big.values.forEach((row, r) => {
      row[2] = `Uraian kegiatan yang panjang sekali nomor ${r} `.repeat(6);
      big.text[r][2] = row[2] as string;
      big.formulas[r][2] = row[2];
      big.valueTypes[r][2] = 'String';
      big.numberFormat[r][2] = 'General';
    });
    const fake = new FakeExcel({ sheets: [big] });
    const snap = await readWorkbookSnapshot(fake.context, { bytesPerCell: 5 });
    expect(snap.sheets[0]).toStrictEqual(big);
    const failed = fake.syncs.filter((s) => s.error);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((s) => s.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    for (const s of fake.syncs.filter((x) => !x.error)) expect(s.bytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('reads merged areas through `areas` when Office truncates the address list (one extra sync)', async () => {
    const merges = Array.from({ length: 40 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 2}`);
    const wb = { sheets: [sheetFrom('Banyak gabungan', merges.map((_, i) => ({ row: i * 2, col: 0, value: `Bidang ${i + 1}` })), { merges })] };
    const fake = new FakeExcel(wb);
    fake.addressLimit = 255;
    const snap = await readWorkbookSnapshot(fake.context);
    expect(snap).toStrictEqual(wb);
    expect(fake.syncCount).toBe(4);
  });

  it('still reads the cells when the visible-cells query fails (hidden rows then unknown, said once)', async () => {
    const wb = awkwardWorkbook(true);
    const fake = new FakeExcel(wb);
    fake.failVisibleCells = true;
    const snap = await readWorkbookSnapshot(fake.context);
    const expected = wb.sheets.map((s): SheetSnapshot => {
      const copy: SheetSnapshot = { ...s };
      if (s.values.length > 0) delete copy.hiddenRows;
      return copy;
    });
    expect(snap.sheets).toStrictEqual(expected);
    expect(snap.readNotes).toEqual([{ kind: 'hidden-rows-unread', sheets: ["Tabel 1, 'PMKS'!", 'Rahasia', 'Tersembunyi'] }]);
    // Sheets; the refused first try; the used ranges alone; merges in halves; visible cells in halves of 4,
    // 2 and 1 rows (PMKS has 7), all refused, then given up; the cells.
    expect(fake.syncCount).toBe(8);
  });

  it('without the merge and hidden-row API sets, reads the cells and leaves those out', async () => {
    const wb = smallSheets(2);
    const fake = new FakeExcel(wb);
    const snap = await readWorkbookSnapshot(fake.context, { merges: false, hiddenRows: false });
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].hiddenRows).toBeUndefined();
    expect(snap.sheets[0].values).toEqual([['Tabel 1', ''], ['Jumlah', 0]]);
  });

  it('maps cell-edit mode to cell-editing and other failures to read-failed', async () => {
    const fake = new FakeExcel(smallSheets(1));
    fake.failNextSync('InvalidOperationInCellEditMode');
    await expect(readWorkbookSnapshot(fake.context)).rejects.toMatchObject({ name: 'HostError', code: 'cell-editing' });
    fake.failNextSync('GeneralException');
    const err = await readWorkbookSnapshot(fake.context).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('read-failed');
  });
});

describe('planReadBlocks', () => {
  it('packs blocks of several sheets into one sync while they fit, and cuts big sheets by rows', () => {
    const plan = planReadBlocks(
      [
        { sheet: 0, top: 0, left: 0, rows: 10, cols: 10 },
        { sheet: 1, top: 3, left: 2, rows: 10, cols: 10 },
        { sheet: 2, top: 0, left: 0, rows: 1000, cols: 10 },
      ],
      100_000,
      200,
    );
    // 2,000 bytes a row: 50 rows a sync.
    expect(plan[0]).toEqual([
      { sheet: 0, top: 0, left: 0, rows: 10, cols: 10 },
      { sheet: 1, top: 3, left: 2, rows: 10, cols: 10 },
      { sheet: 2, top: 0, left: 0, rows: 30, cols: 10 },
    ]);
    expect(plan[1]).toEqual([{ sheet: 2, top: 30, left: 0, rows: 50, cols: 10 }]);
    expect(plan.length).toBe(Math.ceil((1020 * 10 * 200) / 100_000));
    const rows = plan.flat().filter((b) => b.sheet === 2).reduce((n, b) => n + b.rows, 0);
    expect(rows).toBe(1000);
  });

  it('reads a row wider than the limit on its own', () => {
    expect(planReadBlocks([{ sheet: 0, top: 0, left: 0, rows: 2, cols: 1000 }], 1000, 200)).toEqual([
      [{ sheet: 0, top: 0, left: 0, rows: 1, cols: 1000 }],
      [{ sheet: 0, top: 1, left: 0, rows: 1, cols: 1000 }],
    ]);
  });
});

describe('area addresses', () => {
  it('splits lists with quoted sheet names, commas and entire rows', () => {
    expect(splitAreaAddresses("'Tabel 1, ''PMKS''!'!B2:H3, 'Tabel 1, ''PMKS''!'!C12:D13")).toEqual(['B2:H3', 'C12:D13']);
    expect(splitAreaAddresses('Sheet1!1:3, Sheet1!5:1048576')).toEqual(['1:3', '5:1048576']);
    expect(splitAreaAddresses('Sheet1!$A$1:$B$2')).toEqual(['A1:B2']);
    expect(splitAreaAddresses('')).toEqual([]);
    expect(parseArea('5:7')).toEqual({ top: 4, bottom: 6, left: 0, right: 16383 });
    expect(parseArea('B:C')).toEqual({ top: 0, bottom: 1048575, left: 1, right: 2 });
    expect(parseArea("'x'!C12:D13")).toEqual({ top: 11, bottom: 12, left: 2, right: 3 });
  });
});
