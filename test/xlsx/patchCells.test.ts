/** patchCells on hand-written packages: every XML shape it writes into or refuses, and exactly what else changes. */
import { parseA1 } from '../../src/core/a1';
import { cellState } from '../../src/core/fixes/plan';
import type { CellEdit, CellState } from '../../src/core/fixes/types';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { patchCells, patchSkipMessage } from '../../src/xlsx/patchCells';
import { miniPackage, STYLES } from './miniPackage';
import { partsOf, unexpectedDifferences } from './patchHelpers';

function editAt(snapshot: WorkbookSnapshot, address: string, after: Partial<CellState>, sheet = 'Data'): CellEdit {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const at = parseA1(address)!;
  const before = cellState(s, at.row, at.col);
  return { sheet, address, before, after: { value: '', numberFormat: before.numberFormat, ...after }, finding: { code: 'total-mismatch', cell: address } };
}

async function patch(pkg: Uint8Array, make: (s: WorkbookSnapshot) => CellEdit[]) {
  const snapshot = await readWorkbookBuffer(pkg, 'mini.xlsx');
  const result = await patchCells(pkg, make(snapshot));
  const parts = await partsOf(result.data);
  return { result, parts, sheet: parts.get('xl/worksheets/sheet1.xml') ?? '', back: await readWorkbookBuffer(result.data, 'back.xlsx') };
}

function stateOf(wb: WorkbookSnapshot, address: string, sheet = 'Data'): CellState {
  const at = parseA1(address)!;
  return cellState(wb.sheets.find((s) => s.name === sheet)!, at.row, at.col);
}

const TABLE =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Uraian</t></is></c><c r="B1" t="inlineStr"><is><t>Jumlah</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" s="1"><v>10</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>b</t></is></c><c r="B3" s="2" t="inlineStr"><is><t>20</t></is></c></row>' +
  '<row r="5"><c r="A5" t="inlineStr"><is><t>Jumlah</t></is></c><c r="B5" s="1"><f>SUM(B2:B4)</f><v>10</v></c></row>';

describe('patchCells', () => {
  it('writes a number, an inline string and a formula with its computed result, keeping each style', async () => {
    const pkg = await miniPackage({ sheets: [{ name: 'Data', data: TABLE }] });
    const { result, sheet, back } = await patch(pkg, (s) => [
      editAt(s, 'B3', { value: 20, numberFormat: '#,##0' }),
      editAt(s, 'A2', { value: 'a & <b>  "c" ' }),
      editAt(s, 'B5', { formula: '=B2*3' }),
    ]);
    expect(result.skipped).toEqual([]);
    // The bold text-format style with #,##0 exists nowhere: appended as style 4.
    expect(sheet).toContain('<c r="B3" s="4"><v>20</v></c>');
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">a &amp; &lt;b&gt;  "c" </t></is></c>');
    expect(sheet).toContain('<c r="B5" s="1"><f>B2*3</f><v>30</v></c>');
    expect(stateOf(back, 'A2').value).toBe('a & <b>  "c" ');
    expect(stateOf(back, 'B5')).toEqual({ value: '', formula: '=B2*3', numberFormat: '#,##0' });
    expect(await unexpectedDifferences(pkg, result.data, result)).toEqual([]);
  });

  it('inserts missing cells and rows in order, and grows a self-closing row', async () => {
    const data = TABLE.replace('<row r="5">', '<row r="4" s="1" customFormat="1"/><row r="5">');
    const pkg = await miniPackage({ sheets: [{ name: 'Data', data }] });
    const { result, sheet, back } = await patch(pkg, (s) => [
      editAt(s, 'D2', { value: 4 }),
      editAt(s, 'C2', { value: 3 }),
      editAt(s, 'B4', { value: 5 }),
      editAt(s, 'B7', { value: 7 }),
      editAt(s, 'B6', { value: 6 }),
    ]);
    expect(result.skipped).toEqual([]);
    expect(sheet).toContain('<c r="B2" s="1"><v>10</v></c><c r="C2"><v>3</v></c><c r="D2"><v>4</v></c></row>');
    // A new cell takes its row's style, with the number format the edit names (General: style 0 is the row's style with it).
    expect(sheet).toContain('<row r="4" s="1" customFormat="1"><c r="B4" s="0"><v>5</v></c></row>');
    expect(sheet).toMatch(/<\/row><row r="6"><c r="B6"><v>6<\/v><\/c><\/row><row r="7"><c r="B7"><v>7<\/v><\/c><\/row><\/sheetData>/);
    expect(result.sheets[0].insertedRows).toEqual([6, 7]);
    expect([stateOf(back, 'C2').value, stateOf(back, 'D2').value, stateOf(back, 'B4').value, stateOf(back, 'B6').value, stateOf(back, 'B7').value]).toEqual([3, 4, 5, 6, 7]);
    expect(await unexpectedDifferences(pkg, result.data, result)).toEqual([]);
  });

  const SHARED =
    '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+B1</f><v>3</v></c></row>' +
    '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c><c r="C2"><f t="shared" si="0"/><v>7</v></c></row>' +
    '<row r="3"><c r="A3"><v>5</v></c><c r="B3"><v>6</v></c><c r="C3"><f t="shared" si="0"/><v>11</v></c></row>';

  it('gives the dependents of a rewritten shared formula their own formula, and rewrites a dependent alone', async () => {
    const pkg = await miniPackage({ sheets: [{ name: 'Data', data: SHARED }] });
    const master = await patch(pkg, (s) => [editAt(s, 'C1', { value: 'Kewenangan Pusat' })]);
    expect(master.result.skipped).toEqual([]);
    expect(master.sheet).toContain('<c r="C2"><f>A2+B2</f><v>7</v></c>');
    expect(master.sheet).toContain('<c r="C3"><f>A3+B3</f><v>11</v></c>');
    expect(master.result.sheets[0].cells).toEqual(['C1', 'C2', 'C3']);
    expect(stateOf(master.back, 'C3').formula).toBe('=A3+B3');
    expect(await unexpectedDifferences(pkg, master.result.data, master.result)).toEqual([]);

    const dependent = await patch(pkg, (s) => [editAt(s, 'C2', { formula: '=A2*B2' })]);
    expect(dependent.sheet).toContain('<c r="C1"><f t="shared" ref="C1:C3" si="0">A1+B1</f><v>3</v></c>');
    expect(dependent.sheet).toContain('<c r="C2"><f>A2*B2</f><v>12</v></c>');
    expect(stateOf(dependent.back, 'C3').formula).toBe('=A3+B3');
  });

  it('refuses to rewrite a shared formula it cannot move with certainty, and an array formula', async () => {
    const data =
      SHARED.replace('A1+B1', 'SUM(A:A)+B1') +
      '<row r="4"><c r="D4"><f t="array" ref="D4:D5">A1:A2*2</f><v>2</v></c></row><row r="5"><c r="D5"><v>6</v></c></row>';
    const pkg = await miniPackage({ sheets: [{ name: 'Data', data }] });
    const { result } = await patch(pkg, (s) => [editAt(s, 'C1', { value: 0 }), editAt(s, 'D5', { value: 1 })]);
    expect(result.skipped.map((s) => [s.address, s.reason])).toEqual([
      ['D5', 'array-formula'],
      ['C1', 'shared-formula'],
    ]);
    expect(result.data).toBe(pkg);
    expect(patchSkipMessage(result.skipped[1], 'id')).toMatch(/^Data!C1: rumus sel ini dipakai bersama/);
    expect(patchSkipMessage(result.skipped[1], 'en')).toMatch(/^Data!C1: this cell's formula is shared/);
  });

  it('refuses an edit whose before no longer matches the cell, and writes the others', async () => {
    const pkg = await miniPackage({ sheets: [{ name: 'Data', data: TABLE }] });
    const { result, back } = await patch(pkg, (s) => [
      { ...editAt(s, 'B2', { value: 12 }), before: { value: 99, numberFormat: '#,##0' } },
      editAt(s, 'B5', { formula: '=SUM(B2:B3)' }),
    ]);
    expect(result.skipped.map((s) => [s.address, s.reason])).toEqual([['B2', 'changed']]);
    expect(stateOf(back, 'B2').value).toBe(10);
    expect(stateOf(back, 'B5').formula).toBe('=SUM(B2:B3)');
  });

  it('adds to styles.xml only the style and format no existing style gives', async () => {
    const pkg = await miniPackage({ sheets: [{ name: 'Data', data: TABLE + '<row r="6"><c r="B6" s="3"><v>1.5</v></c></row>' }] });
    // General → #,##0 on a plain cell: style 1 is that cell's style with #,##0, reused.
    const reuse = await patch(pkg, (s) => [editAt(s, 'B5', { formula: '=SUM(B2:B3)', numberFormat: '#,##0' })]);
    expect(reuse.parts.get('xl/styles.xml')).toBe(STYLES);
    // A right-aligned 0.00 cell becomes #,##0 (built in) and then 0.000 (custom): two styles and one format appended.
    const added = await patch(pkg, (s) => [editAt(s, 'B6', { value: 1.5, numberFormat: '#,##0' }), editAt(s, 'B3', { value: 20, numberFormat: '0.000' })]);
    const expected = STYLES.replace('<numFmts count="1">', '<numFmts count="2">')
      .replace('</numFmts>', '<numFmt numFmtId="165" formatCode="0.000"/></numFmts>')
      .replace('<cellXfs count="4">', '<cellXfs count="6">')
      .replace(
        '</cellXfs>',
        '<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
          '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf></cellXfs>',
      );
    expect(added.parts.get('xl/styles.xml')).toBe(expected);
    expect(stateOf(added.back, 'B6').numberFormat).toBe('#,##0');
    expect(stateOf(added.back, 'B3')).toEqual({ value: 20, numberFormat: '0.000' });
    expect(await unexpectedDifferences(pkg, added.result.data, added.result)).toEqual([]);
  });

  it('keeps calcChain.xml while formulas stay formulas, and drops it with its entries when one goes', async () => {
    const calcChain = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B5" i="1"/></calcChain>';
    const pkg = await miniPackage({ calcChain, sheets: [{ name: 'Data', data: TABLE }] });
    const kept = await patch(pkg, (s) => [editAt(s, 'B5', { formula: '=SUM(B2:B3)' }), editAt(s, 'B2', { value: 1 })]);
    expect(kept.result.calcChain).toBe('kept');
    expect(kept.parts.get('xl/calcChain.xml')).toBe(calcChain);

    const dropped = await patch(pkg, (s) => [editAt(s, 'B5', { value: 30 })]);
    expect(dropped.result.calcChain).toBe('dropped');
    expect(dropped.parts.has('xl/calcChain.xml')).toBe(false);
    const before = await partsOf(pkg);
    expect(dropped.parts.get('xl/_rels/workbook.xml.rels')).toBe(before.get('xl/_rels/workbook.xml.rels')!.replace(/<Relationship Id="rId91"[^>]*\/>/, ''));
    expect(dropped.parts.get('[Content_Types].xml')).toBe(before.get('[Content_Types].xml')!.replace(/<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, ''));
    expect(await unexpectedDifferences(pkg, dropped.result.data, dropped.result)).toEqual([]);
  });

  it('sets fullCalcOnLoad on calcPr, adding the element in schema order when missing', async () => {
    const names = '<definedNames><definedName name="Total">Data!$B$5</definedName></definedNames>';
    const missing = await miniPackage({ workbookExtra: `${names}<fileRecoveryPr repairLoad="1"/>`, sheets: [{ name: 'Data', data: TABLE }] });
    const a = await patch(missing, (s) => [editAt(s, 'B2', { value: 1 })]);
    expect(a.parts.get('xl/workbook.xml')).toContain(`${names}<calcPr fullCalcOnLoad="1"/><fileRecoveryPr repairLoad="1"/>`);
    const present = await miniPackage({ workbookExtra: '<calcPr calcId="191029" fullCalcOnLoad="0"/>', sheets: [{ name: 'Data', data: TABLE }] });
    const b = await patch(present, (s) => [editAt(s, 'B2', { value: 1 })]);
    expect(b.parts.get('xl/workbook.xml')).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it('returns the input itself when there is nothing to write', async () => {
    const pkg = await miniPackage({ sheets: [{ name: 'Data', data: TABLE }] });
    const result = await patchCells(pkg, []);
    expect(result.data).toBe(pkg);
    expect(result.changedParts).toEqual([]);
  });

  it('refuses password-protected and unreadable files with the reader’s errors', async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptionInfo'].forEach((ch, i) => (cfb[1024 + i * 2] = ch.charCodeAt(0)));
    await expect(patchCells(cfb, [])).rejects.toMatchObject({ name: 'WorkbookReadError', code: 'encrypted' });
    await expect(patchCells(new TextEncoder().encode('Uraian;Jumlah\n'), [])).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(patchCells(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), [])).rejects.toMatchObject({ code: 'corrupt' });
  });
});
