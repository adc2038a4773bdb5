import { applyToSnapshot } from '../../../src/core/fixes/applyToSnapshot';
import { applyAndRecalculate, recalculateDependents } from '../../../src/core/fixes/recalculate';
import type { CellEdit } from '../../../src/core/fixes/types';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { book, sheet } from '../helpers/sheet';

// A PMKS-like column: B3 holds the text "1.595" Excel's SUM skips, B5 sums it, C5 is a % of the total.
function pmks(): WorkbookSnapshot {
  return book(
    sheet('PMKS', [
      ['Jenis', 'Kewenangan', '%'],
      ['A', 1000, null],
      ['B', '1.595', null],
      ['C', 405, null],
      ['TOTAL', { f: 'SUM(B2:B4)', v: 1405, fmt: '#,##0' }, { f: 'B5/B7*100', v: 70.25, fmt: '0.00' }],
      ['IF', { f: 'IF(B5>0,1,0)', v: 1 }, null],
      ['Target', 2000, null],
    ]),
    sheet('Lain', [[{ f: 'SUM(B2:B4)', v: 7 }]]),
  );
}

const textToNumber: CellEdit = {
  sheet: 'PMKS',
  address: 'B3',
  before: { value: '1.595', numberFormat: 'General' },
  after: { value: 1595, numberFormat: '#,##0' },
  finding: { code: 'text-number', cell: 'B3' },
};

const cell = (wb: WorkbookSnapshot, name: string, r: number, c: number) => {
  const s = wb.sheets.find((x) => x.name === name)!;
  return { value: s.values[r][c], text: s.text[r][c], type: s.valueTypes[r][c] };
};

describe('recalculated dependents after a fix', () => {
  it('a SUM over a fixed text number counts it, and the % beside the total follows, as Excel recalculates', () => {
    const before = pmks();
    const { snapshot, recalculated } = applyAndRecalculate(before, [textToNumber]);
    expect(cell(snapshot, 'PMKS', 4, 1)).toEqual({ value: 3000, text: '3,000', type: 'Double' });
    expect(cell(snapshot, 'PMKS', 4, 2)).toEqual({ value: 150, text: '150.00', type: 'Double' });
    expect(recalculated).toEqual([
      { sheet: 'PMKS', address: 'B5' },
      { sheet: 'PMKS', address: 'C5' },
    ]);
    // Outside the evaluator's subset (IF) and on another sheet: the cached value stays, never a guess.
    expect(cell(snapshot, 'PMKS', 5, 1).value).toBe(1);
    expect(cell(snapshot, 'Lain', 0, 0).value).toBe(7);
    // Pure: the snapshot given is untouched.
    expect(cell(before, 'PMKS', 4, 1).value).toBe(1405);
  });

  it('undoing the fix brings the dependents back with it', () => {
    const { snapshot } = applyAndRecalculate(pmks(), [textToNumber]);
    const undone = applyAndRecalculate(snapshot, [textToNumber], 'before').snapshot;
    expect(cell(undone, 'PMKS', 4, 1).value).toBe(1405);
    expect(cell(undone, 'PMKS', 4, 2).value).toBe(70.25);
  });

  it('a divisor fixed to 0 makes the % #DIV/0!, as in Excel', () => {
    const zero: CellEdit = { ...textToNumber, address: 'B7', before: { value: 2000, numberFormat: 'General' }, after: { value: 0, numberFormat: 'General' } };
    const { snapshot } = applyAndRecalculate(pmks(), [zero]);
    expect(cell(snapshot, 'PMKS', 4, 2)).toEqual({ value: '#DIV/0!', text: '#DIV/0!', type: 'Error' });
  });

  it('a formula reading an error cell keeps its cached value (Excel would carry the error, not a number)', () => {
    const wb = pmks();
    const s = wb.sheets[0];
    s.values[3][1] = '#REF!';
    s.valueTypes[3][1] = 'Error';
    const { snapshot, recalculated } = applyAndRecalculate(wb, [textToNumber]);
    expect(cell(snapshot, 'PMKS', 4, 1).value).toBe(1405);
    expect(recalculated).toEqual([]);
  });

  it('a circular reference stops after a bounded number of passes', () => {
    const wb = book(sheet('S', [[1, { f: 'A1+B2', v: 1 }], [null, { f: 'B1+1', v: 2 }]]));
    const copy = applyToSnapshot(wb, []);
    copy.sheets[0].values[0][0] = 5;
    const out = recalculateDependents(copy, [{ sheet: 'S', address: 'A1' }]);
    expect(out.map((c) => c.address).sort()).toEqual(['B1', 'B2']);
    expect(typeof copy.sheets[0].values[0][1]).toBe('number');
  });
});
