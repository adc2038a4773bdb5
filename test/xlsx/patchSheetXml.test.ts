/**
 * The worksheet scanner and writer on XML shapes other writers produce but exceljs
 * (and so the whole read-patch-verify path) cannot read: namespace prefixes, rows and
 * cells without r attributes, and shapes the patcher refuses.
 */
import type { CellEdit, CellState } from '../../src/core/fixes/types';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { locateSheet } from '../../src/xlsx/patch/locate';
import { shiftFormula } from '../../src/xlsx/patch/sharedFormula';
import { cellsOf, indexSheet } from '../../src/xlsx/patch/sheetScan';
import type { PatchSkip } from '../../src/xlsx/patch/skips';
import { writeSheet } from '../../src/xlsx/patch/writeSheet';

const EMPTY: SheetSnapshot = { name: 'S', visibility: 'Visible', origin: { row: 0, col: 0 }, values: [], text: [], formulas: [], numberFormat: [], valueTypes: [], merges: [] };

function edit(address: string, row: number, col: number, after: Partial<CellState>): { edit: CellEdit; row: number; col: number } {
  const before: CellState = { value: '', numberFormat: 'General' };
  return { edit: { sheet: 'S', address, before, after: { ...before, ...after }, finding: { code: 'total-mismatch', cell: address } }, row, col };
}

function write(xml: string, edits: ReturnType<typeof edit>[]): { xml: string; skipped: PatchSkip[] } {
  const skipped: PatchSkip[] = [];
  const at = locateSheet(xml, EMPTY, edits, skipped);
  return { xml: at ? writeSheet(at, undefined, () => '').xml : xml, skipped };
}

const sheet = (data: string, p = '') => `<${p}worksheet xmlns${p ? ':' + p.slice(0, -1) : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${data}</${p}sheetData></${p}worksheet>`;

describe('worksheet XML scanning', () => {
  it('writes with the sheet’s namespace prefix, replacing and inserting', () => {
    const xml = sheet('<x:row r="2"><x:c r="A2" s="3"><x:v>1</x:v></x:c><x:c r="C2"/></x:row>', 'x:');
    const out = write(xml, [edit('A2', 1, 0, { value: 5 }), edit('B2', 1, 1, { value: 'teks' }), edit('A4', 3, 0, { value: 4 })]);
    expect(out.skipped).toEqual([]);
    expect(out.xml).toBe(
      sheet(
        '<x:row r="2"><x:c r="A2" s="3"><x:v>5</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">teks</x:t></x:is></x:c><x:c r="C2"/></x:row>' +
          '<x:row r="4"><x:c r="A4"><x:v>4</x:v></x:c></x:row>',
        'x:',
      ),
    );
  });

  it('reads the positions rows and cells without r attributes imply, and writes them explicitly', () => {
    const xml = sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row spans="1:1"><c><v>3</v></c></row>');
    const index = indexSheet(xml);
    expect(index.rows.map((r) => r.row)).toEqual([1, 2]);
    expect(cellsOf(xml, index, index.rows[0]).map((c) => c.col)).toEqual([0, 1]);
    const out = write(xml, [edit('B1', 0, 1, { value: 9 }), edit('B2', 1, 1, { value: 8 })]);
    expect(out.xml).toBe(sheet('<row><c><v>1</v></c><c r="B1"><v>9</v></c></row><row spans="1:1"><c><v>3</v></c><c r="B2"><v>8</v></c></row>'));
  });

  it.each([
    ['rows out of order', '<row r="3"/><row r="2"/>'],
    ['cells out of order', '<row r="1"><c r="B1"/><c r="A1"/></row>'],
    ['a cell in the wrong row', '<row r="1"><c r="A2"/></row>'],
    ['a comment in the cell data', '<row r="1"><!-- <c r="A1"/> --></row>'],
  ])('refuses a sheet with %s', (_, data) => {
    const out = write(sheet(data), [edit('A1', 0, 0, { value: 1 })]);
    expect(out.skipped.map((s) => s.reason)).toEqual(['unusual-xml']);
    expect(out.xml).toBe(sheet(data));
  });

  it('refuses a cell with dynamic-array metadata', () => {
    const data = '<row r="1"><c r="A1" cm="1"><f t="array" ref="A1">SEQUENCE(1)</f><v>1</v></c><c r="B1" vm="1"><v>0</v></c></row>';
    const out = write(sheet(data), [edit('B1', 0, 1, { value: 1 })]);
    expect(out.skipped.map((s) => s.reason)).toEqual(['cell-metadata']);
  });
});

describe('shiftFormula', () => {
  it.each([
    ['A1+B1', 2, 0, 'A3+B3'],
    ['$A$1*B$1+$C2', 1, 1, '$A$1*C$1+$C3'],
    ['SUM(D5:D9)/Data!E5', 1, 0, 'SUM(D6:D10)/Data!E6'],
    ["'Tabel 1'!B2&\"A1\"", 0, 1, "'Tabel 1'!C2&\"A1\""],
    ['IFERROR(F13/E13*100,0)', 1, 0, 'IFERROR(F14/E14*100,0)'],
    ['LOG10(A1)+ATAN2(B1,C1)', 1, 0, 'LOG10(A2)+ATAN2(B2,C2)'],
    ['A1*1.5E+3', 0, 0, 'A1*1.5E+3'],
  ])('%s moved by (%i, %i) is %s', (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });

  it.each([['SUM(A:A)'], ['SUM(1:1)'], ['Table1[Jumlah]'], ['[1]Sheet1!A1'], ['A1-1'], ['{1,2}']])('will not move %s', (f) => {
    expect(shiftFormula(f, -1, 0)).toBeUndefined();
  });
});
