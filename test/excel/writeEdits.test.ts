import path from 'path';
import { parseA1, type RangeAddress } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import { applyToSnapshot } from '../../src/core/fixes/applyToSnapshot';
import { planFixes } from '../../src/core/fixes/plan';
import type { CellEdit, CellState } from '../../src/core/fixes/types';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookSnapshot } from '../../src/excel/readSnapshot';
import { decodeLog, encodeLog, mergeOldest, REVERT_LOG_NAMESPACE, revertAll, revertLogSize, type RevertLogEntry } from '../../src/excel/revertLog';
import { formulaInput, needsTextPrefix } from '../../src/excel/writeCells';
import { applyEdits } from '../../src/excel/writeEdits';
import { HostError } from '../../src/host/types';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { FakeExcel } from './fakeExcel';
import { sheetFrom } from './generate';
import { cellOf, hostError } from './expectHost';

const SAMPLES = ['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx'];
const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../examples', name));

/** Each sheet's used rectangle plus a margin (edits may land just outside). */
function rects(snap: WorkbookSnapshot): Map<string, RangeAddress> {
  return new Map(
    snap.sheets.map((s) => [
      s.name,
      { top: s.origin.row, left: s.origin.col, bottom: s.origin.row + Math.max(s.values.length, 1) + 3, right: s.origin.col + Math.max(s.values[0]?.length ?? 0, 1) + 3 },
    ]),
  );
}

function state(fake: FakeExcel, snap: WorkbookSnapshot) {
  return [...rects(snap)].map(([name, rect]) => ({ name, ...fake.cells(name, rect) }));
}

async function fixture(name: string) {
  const xlsx = await read(name);
  const fake = new FakeExcel(xlsx);
  const snap = await readWorkbookSnapshot(fake.context);
  const edits = planFixes(snap, analyzeWorkbook(snap).findings).edits;
  return { fake, snap, edits, before: state(fake, snap) };
}

describe('applyEdits + revertAll on the samples', () => {
  it.each(SAMPLES)('%s: all fixes in 3 syncs, log before cells, then an exact revert', async (name) => {
    const { fake, snap, edits, before } = await fixture(name);
    expect(edits.length).toBeGreaterThan(5);

    const start = fake.syncCount;
    await applyEdits(fake.context, edits, { now: () => new Date('2024-03-01T08:00:00Z') });
    const applySyncs = fake.syncs.slice(start);
    expect(applySyncs.length).toBe(3);

    // The log is written and synced before the sync that writes cells; nothing is written in the first.
    const logSync = applySyncs.find((s) => s.ops.includes('xml:add'))!.index;
    const firstWrite = Math.min(...fake.writes.map((w) => w.sync));
    expect(logSync).toBe(start + 2);
    expect(firstWrite).toBe(start + 3);
    expect(applySyncs[0].ops.some((k) => k.startsWith('write:'))).toBe(false);
    expect(applySyncs[1].ops).toEqual(['xml:add', 'load:CustomXmlPart']);
    expect(fake.parts).toHaveLength(1);
    expect(fake.parts[0].namespaceUri).toBe(REVERT_LOG_NAMESPACE);

    // The workbook now holds what the preview showed.
    const predicted = applyToSnapshot(snap, edits);
    const after = await readWorkbookSnapshot(fake.context);
    for (const [i, s] of predicted.sheets.entries()) {
      expect(after.sheets[i].formulas).toEqual(s.formulas);
      expect(after.sheets[i].numberFormat).toEqual(s.numberFormat);
    }
    for (const e of edits) {
      const c = cellOf(fake, e.sheet, e.address);
      if (e.after.formula) expect(c.formula).toBe(e.after.formula);
      else expect(c.value).toBe(e.after.value);
      expect(c.numberFormat).toBe(e.after.numberFormat);
    }
    expect(await revertLogSize(fake.context)).toBe(edits.length);

    expect(await revertAll(fake.context)).toBe(edits.length);
    expect(state(fake, snap)).toStrictEqual(before);
    expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(snap);
    expect(fake.parts).toHaveLength(0);
    expect(await revertLogSize(fake.context)).toBe(0);
    expect(await revertAll(fake.context)).toBe(0);
  });

  it('applyEdits takes 3 syncs for 1 edit and for hundreds, writing a column run as one range', async () => {
    for (const n of [1, 400]) {
      const wb = { sheets: [sheetFrom('Data', Array.from({ length: n }, (_, r) => ({ row: r, col: 1, value: r, numberFormat: '#,##0' })))] };
      const fake = new FakeExcel(wb);
      const edits: CellEdit[] = Array.from({ length: n }, (_, r) => ({
        sheet: 'Data',
        address: `B${r + 1}`,
        before: { value: r, numberFormat: '#,##0' },
        after: { value: r * 2, numberFormat: '#,##0' },
        finding: { code: 'total-mismatch', cell: `B${r + 1}` },
      }));
      await applyEdits(fake.context, edits);
      expect(fake.syncCount).toBe(3);
      expect(fake.writes.filter((w) => w.what === 'formulas')).toEqual([{ sync: 3, what: 'formulas', sheet: 'Data', address: n === 1 ? 'B1' : `B1:B${n}` }]);
      expect(cellOf(fake, 'Data', `B${n}`).value).toBe((n - 1) * 2);
    }
  });
});

describe('tens of thousands of fixes at once (past the 5 MB request limit in one batch)', () => {
  /** Text numbers in columns B and C of a 15,000-row sheet, each to be turned into a number. */
  function bigFix(rows = 15_000) {
    const cells = [];
    const edits: CellEdit[] = [];
    for (let r = 0; r < rows; r++) {
      for (const col of [1, 2]) {
        const text = String(1000 + r * 7 + col);
        cells.push({ row: r, col, value: text, type: 'String' as const, numberFormat: '@' });
        const address = `${'ABC'[col]}${r + 1}`;
        edits.push({ sheet: 'Data', address, before: { value: text, numberFormat: '@' }, after: { value: Number(text), numberFormat: '#,##0' }, finding: { code: 'text-number', cell: address } });
      }
    }
    const fake = new FakeExcel({ sheets: [sheetFrom('Data', cells)] });
    return { fake, edits };
  }

  it('applies in chunks under the limit, checks and logs everything before the first write, and reverts exactly', async () => {
    const { fake, edits } = bigFix();
    const snap = await readWorkbookSnapshot(fake.context);
    const start = fake.syncCount;
    await applyEdits(fake.context, edits);
    const syncs = fake.syncs.slice(start);
    expect(syncs.length).toBeGreaterThan(3);
    expect(syncs.length % 3).toBe(0); // check, log and write once per chunk
    for (const s of syncs) {
      expect(s.error).toBeUndefined();
      expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
      expect(s.bytes).toBeLessThan(5 * 1024 * 1024);
    }
    const firstWrite = Math.min(...fake.writes.map((w) => w.sync));
    const lastLog = Math.max(...syncs.filter((s) => s.ops.includes('xml:add')).map((s) => s.index));
    expect(lastLog).toBeLessThan(firstWrite);
    expect(cellOf(fake, 'Data', 'C15000').value).toBe(Number(edits[edits.length - 1].before.value));
    expect(await revertLogSize(fake.context)).toBe(edits.length);

    expect(await revertAll(fake.context)).toBe(edits.length);
    expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(snap);
    expect(fake.parts).toHaveLength(0);
  });

  it('a write failing in a later chunk puts back every chunk already written and drops the log', async () => {
    const { fake, edits } = bigFix();
    const snap = await readWorkbookSnapshot(fake.context);
    fake.failInNthSync('write:formulas', 'GeneralException', 1, 1); // the second chunk: its first run lands, its second fails
    const e = await hostError(applyEdits(fake.context, edits));
    expect(e.code).toBe('write-failed');
    expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(snap);
    expect(fake.parts).toHaveLength(0);
  });
});

describe('applyEdits refusals leave the workbook as it was', () => {
  it('a protected sheet: protected-sheet, nothing written, no log', async () => {
    const { fake, snap, edits, before } = await fixture('dinsos-ntt-2021.xlsx');
    fake.protect('APBD');
    const e = await hostError(applyEdits(fake.context, edits));
    expect(e.code).toBe('protected-sheet');
    expect(e.detail).toEqual({ sheet: 'APBD' });
    expect(state(fake, snap)).toStrictEqual(before);
    expect(fake.parts).toHaveLength(0);
    expect(fake.writes).toHaveLength(0);
  });

  it('a cell changed since the check: changed-since-check naming it, nothing written', async () => {
    const { fake, snap, edits } = await fixture('dinsos-ntt-2021.xlsx');
    const target = edits[Math.floor(edits.length / 2)];
    const at = parseA1(target.address)!;
    fake.type(fake.sheet(target.sheet), at.row, at.col, 424242);
    const changed = state(fake, snap);
    const e = await hostError(applyEdits(fake.context, edits));
    expect(e.code).toBe('changed-since-check');
    expect(e.detail).toEqual({ sheet: target.sheet, address: target.address });
    expect(state(fake, snap)).toStrictEqual(changed);
    expect(fake.parts).toHaveLength(0);
    expect(fake.writes).toHaveLength(0);
  });

  it('a number format changed since the check counts as a change', async () => {
    const { fake, edits } = await fixture('dinsos-flotim-2020.xlsx');
    const target = edits[0];
    const at = parseA1(target.address)!;
    fake.setFormat(fake.sheet(target.sheet), at.row, at.col, '0.000');
    expect((await hostError(applyEdits(fake.context, edits))).code).toBe('changed-since-check');
  });

  it('a sheet renamed since the check: changed-since-check', async () => {
    const { fake, edits } = await fixture('dinsos-ntt-2021.xlsx');
    fake.sheet('APBD').name = 'APBD 2021';
    expect((await hostError(applyEdits(fake.context, edits.filter((x) => x.sheet === 'APBD')))).code).toBe('changed-since-check');
    expect(fake.parts).toHaveLength(0);
  });

  it('a failing write sync: the cells written before the failure are put back, the log dropped, HostError thrown', async () => {
    const { fake, snap, edits, before } = await fixture('dinsos-ntt-2021.xlsx');
    fake.failAt('write:formulas', 'GeneralException', 3); // three runs land, the fourth fails
    const e = await hostError(applyEdits(fake.context, edits));
    expect(e.code).toBe('write-failed');
    expect(fake.writes.filter((w) => w.what === 'formulas').length).toBeGreaterThan(3); // 3 written + the restore
    expect(state(fake, snap)).toStrictEqual(before);
    expect(fake.parts).toHaveLength(0);
    expect(fake.syncCount - 3).toBe(4); // read (3) + check, log, write, restore
  });

  it('cell-edit mode maps to cell-editing, at the check and at the write', async () => {
    const { fake, snap, edits, before } = await fixture('dinsos-flotim-2020.xlsx');
    fake.failNextSync('InvalidOperationInCellEditMode');
    expect((await hostError(applyEdits(fake.context, edits))).code).toBe('cell-editing');
    expect(fake.parts).toHaveLength(0);
    fake.failAt('write:numberFormat', 'InvalidOperationInCellEditMode', 0);
    expect((await hostError(applyEdits(fake.context, edits))).code).toBe('cell-editing');
    expect(state(fake, snap)).toStrictEqual(before);
    expect(fake.parts).toHaveLength(0);
  });

  it('AccessDenied at the write on a sheet found unprotected is access-denied (a read-only or locked file), and is undone', async () => {
    const { fake, snap, edits, before } = await fixture('dinsos-flotim-2020.xlsx');
    fake.failAt('write:formulas', 'AccessDenied', 1);
    expect((await hostError(applyEdits(fake.context, edits))).code).toBe('access-denied');
    expect(state(fake, snap)).toStrictEqual(before);
  });

  it('when the restore fails too, the log stays and revertAll puts the cells back', async () => {
    const { fake, snap, edits, before } = await fixture('dinsos-ntt-2021.xlsx');
    fake.failAt('write:formulas', 'GeneralException', 4);
    fake.failAt('write:formulas', 'GeneralException', 1);
    expect((await hostError(applyEdits(fake.context, edits))).code).toBe('write-failed');
    expect(state(fake, snap)).not.toStrictEqual(before);
    expect(fake.parts).toHaveLength(1);
    expect(await revertAll(fake.context)).toBe(edits.length);
    expect(state(fake, snap)).toStrictEqual(before);
  });
});

describe('revert log', () => {
  const wb = () => ({
    sheets: [
      sheetFrom('Teks', [
        { row: 0, col: 0, value: '1.595' }, // a number typed as text
        { row: 1, col: 0, value: '=bukan rumus' },
        { row: 2, col: 0, value: 'TRUE' },
        { row: 3, col: 0, value: '#N/A' }, // text that looks like an error
        { row: 4, col: 0, value: '#N/A', type: 'Error' }, // an error constant
        { row: 5, col: 0, value: '00123', numberFormat: '@' },
        { row: 6, col: 0, value: 7, formula: '=3+4', numberFormat: '@' },
        { row: 7, col: 0, value: 12, numberFormat: '@' },
        { row: 8, col: 0, value: false },
        { row: 9, col: 0, value: 'Kewenangan Pusat' },
        { row: 10, col: 0, value: '', numberFormat: '0.00' },
        { row: 11, col: 0, value: '12%' },
        { row: 12, col: 0, value: " 'kutip" },
      ]),
    ],
  });

  it('puts back text that Excel would read as something else, error constants, and formulas in text-formatted cells', async () => {
    const snap = wb();
    const fake = new FakeExcel(snap);
    const read1 = await readWorkbookSnapshot(fake.context);
    expect(read1).toStrictEqual(snap);
    const sheet = read1.sheets[0];
    const edits: CellEdit[] = sheet.values.map((_, r) => {
      const before: CellState =
        typeof sheet.formulas[r][0] === 'string' && String(sheet.formulas[r][0]).startsWith('=') && sheet.valueTypes[r][0] !== 'String'
          ? { value: '', formula: String(sheet.formulas[r][0]), numberFormat: sheet.numberFormat[r][0] }
          : { value: sheet.values[r][0], numberFormat: sheet.numberFormat[r][0] };
      return { sheet: 'Teks', address: `A${r + 1}`, before, after: { value: 1000 + r, numberFormat: '#,##0' }, finding: { code: 'text-number', cell: `A${r + 1}` } };
    });
    // As planFixes sees them: '=bukan rumus' looks like a formula in the snapshot, and the check accepts that.
    edits[1].before = { value: '', formula: '=bukan rumus', numberFormat: 'General' };
    const before = fake.cells('Teks', { top: 0, left: 0, bottom: 13, right: 1 });
    await applyEdits(fake.context, edits);
    expect(cellOf(fake, 'Teks', 'A1').value).toBe(1000);
    expect(await revertAll(fake.context)).toBe(edits.length);
    expect(fake.cells('Teks', { top: 0, left: 0, bottom: 13, right: 1 })).toStrictEqual(before);
    expect(await readWorkbookSnapshot(fake.context)).toStrictEqual(snap);
  });

  it('keeps the oldest before-state when a cell is edited twice, across two log parts', async () => {
    const fake = new FakeExcel({ sheets: [sheetFrom('S', [{ row: 0, col: 0, value: 5 }, { row: 1, col: 0, value: 'a' }])] });
    const edit = (address: string, before: CellState, after: CellState): CellEdit => ({ sheet: 'S', address, before, after, finding: { code: 'x', cell: address } });
    await applyEdits(fake.context, [edit('A1', { value: 5, numberFormat: 'General' }, { value: 6, numberFormat: '0.00' })], { now: () => new Date('2024-01-01T00:00:00Z') });
    await applyEdits(
      fake.context,
      [edit('A1', { value: 6, numberFormat: '0.00' }, { value: 7, numberFormat: '#,##0' }), edit('A2', { value: 'a', numberFormat: 'General' }, { value: 'b', numberFormat: 'General' })],
      { now: () => new Date('2024-01-02T00:00:00Z') },
    );
    expect(fake.parts).toHaveLength(2);
    expect(await revertLogSize(fake.context)).toBe(2);
    expect(await revertAll(fake.context)).toBe(2);
    expect(cellOf(fake, 'S', 'A1')).toMatchObject({ value: 5, numberFormat: 'General', type: 'Double' });
    expect(cellOf(fake, 'S', 'A2')).toMatchObject({ value: 'a', type: 'String' });
    expect(fake.parts).toHaveLength(0);
  });

  it('revertAll refuses a protected or missing sheet before writing anything', async () => {
    const { fake, snap, edits } = await fixture('dinsos-ntt-2021.xlsx');
    await applyEdits(fake.context, edits);
    const fixed = state(fake, snap);
    const sheet = edits[edits.length - 1].sheet;
    fake.protect(sheet);
    const e = await hostError(revertAll(fake.context));
    expect(e.code).toBe('protected-sheet');
    expect(state(fake, snap)).toStrictEqual(fixed);
    expect(fake.parts).toHaveLength(1);
    fake.protect(sheet, false);
    fake.sheet(sheet).name = `${sheet} lama`;
    expect((await hostError(revertAll(fake.context))).code).toBe('changed-since-check');
    expect(fake.parts).toHaveLength(1);
  });

  it('encodes any text safely in XML and reads it back, also with entities and CDATA', () => {
    const entries: RevertLogEntry[] = [
      { sheet: "A&B <'x'>", address: 'C3', before: { value: ']]> & <tag> "q" \n\t \uFFFF \u0001', numberFormat: '_(* #,##0_);"<"@' }, at: '2024-01-01T00:00:00.000Z' },
      { sheet: 'S', address: 'D4', before: { value: '', formula: '=IF(A1<1,"&",">")', numberFormat: 'General' }, at: '2024-01-01T00:00:00.000Z' },
    ];
    const xml = encodeLog(entries, '2024-01-01T00:00:00.000Z');
    expect(xml).not.toMatch(/<(?![\w/])/);
    expect(xml).not.toMatch(/&(?!(amp|lt|gt);)/);
    expect(decodeLog(xml).entries).toEqual(entries);
    const json = JSON.stringify(entries);
    const cdata = `<?xml version="1.0"?><l:revertLog xmlns:l="${REVERT_LOG_NAMESPACE}"><l:entries><![CDATA[${json.slice(0, 20)}]]>${json.slice(20).replace(/&/g, '&#38;').replace(/</g, '&#x3C;').replace(/>/g, '&gt;')}</l:entries></l:revertLog>`;
    expect(decodeLog(cdata).entries).toEqual(entries);
    expect(() => decodeLog('<revertLog><entries>[{"sheet":1}]</entries></revertLog>')).toThrow();
  });

  it('merges parts keeping the oldest state per cell, whatever their order', () => {
    const e = (at: string, value: number): RevertLogEntry => ({ sheet: 'S', address: '$a$1', before: { value, numberFormat: 'General' }, at });
    const merged = mergeOldest([
      { entries: [e('2024-02-01T00:00:00.000Z', 2)], created: '2024-02-01T00:00:00.000Z' },
      { entries: [e('2024-01-01T00:00:00.000Z', 1)], created: '2024-01-01T00:00:00.000Z' },
    ]);
    expect(merged.map((x) => x.before.value)).toEqual([1]);
  });

  it('writes text with an apostrophe only where Excel would read it as something else', () => {
    expect(needsTextPrefix('Kewenangan Pusat')).toBe(false);
    for (const s of ['1.595', '=A1', '+1', '-', 'TRUE', 'benar', '#N/A', '12%', ' a', "'x", '1/2']) expect(needsTextPrefix(s)).toBe(true);
    expect(formulaInput({ value: '1.595', numberFormat: 'General' })).toBe("'1.595");
    expect(formulaInput({ value: '1.595', numberFormat: '@' })).toBe('1.595');
    expect(formulaInput({ value: '#N/A', numberFormat: 'General' }, 'Error')).toBe('#N/A');
    expect(formulaInput({ value: '', formula: '=SUM(A1:A3)', numberFormat: '@' })).toBe('=SUM(A1:A3)');
    expect(formulaInput({ value: 3, numberFormat: 'General' })).toBe(3);
  });
});
