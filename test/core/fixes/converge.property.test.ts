import Decimal from 'decimal.js';
import fc from 'fast-check';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { applyToSnapshot } from '../../../src/core/fixes/applyToSnapshot';
import { planConverging } from '../../../src/core/fixes/converge';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { book, sheet, type TestCell } from '../helpers/sheet';

/** A typed budget table (as staff type it): anggaran, realisasi, % to 2 decimals, and a Jumlah row. */
function table(rows: { a: number; r: number }[], plant?: { row: number; col: 'total-a' | 'total-r' | 'pct'; by: number }): WorkbookSnapshot {
  const pct = (r: number, a: number) => Number(new Decimal(r).div(a).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed());
  const cells: TestCell[][] = [['No', 'Program', 'Anggaran', 'Realisasi', '%']];
  rows.forEach((x, i) => cells.push([i + 1, `Program ${i + 1}`, x.a, x.r, { n: pct(x.r, x.a), fmt: '0.00' }]));
  const A = rows.reduce((s, x) => s + x.a, 0);
  const R = rows.reduce((s, x) => s + x.r, 0);
  cells.push([null, 'Jumlah', A, R, { n: pct(R, A), fmt: '0.00' }]);
  if (plant) {
    const at = plant.col === 'pct' ? plant.row + 1 : rows.length + 1;
    const col = plant.col === 'total-a' ? 2 : plant.col === 'total-r' ? 3 : 4;
    const cell = cells[at][col];
    if (typeof cell === 'number') cells[at][col] = cell + plant.by;
    else if (cell && typeof cell === 'object' && 'n' in cell) cells[at][col] = { n: Number(new Decimal(cell.n).plus(plant.by).toFixed()), fmt: cell.fmt };
  }
  return book(sheet('APBD', cells));
}

const rowsArb = fc.array(
  fc.record({ a: fc.integer({ min: 1_000, max: 9_000_000 }), f: fc.integer({ min: 1, max: 1000 }) }).map((x) => ({ a: x.a, r: Math.floor((x.a * x.f) / 1000) })),
  { minLength: 2, maxLength: 8 },
);

const mechanical = (snap: WorkbookSnapshot) => planConverging(snap, analyzeWorkbook(snap).findings).edits.filter((e) => !e.judgement);

describe('the whole-workbook fix plan, on generated tables', () => {
  it('is empty on a consistent table', () => {
    fc.assert(fc.property(rowsArb, (rows) => mechanical(table(rows)).length === 0), { numRuns: 100 });
  });

  it('puts back exactly what was typed when a total or a percentage was planted wrong', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), fc.constantFrom('total-a' as const, 'total-r' as const, 'pct' as const), fc.integer({ min: 1, max: 500 }), (rows, i, col, by) => {
        const clean = table(rows);
        const planted = table(rows, { row: i % rows.length, col, by: col === 'pct' ? by / 10 : by });
        const fixed = applyToSnapshot(planted, mechanical(planted));
        expect(fixed.sheets[0].values).toEqual(clean.sheets[0].values);
      }),
      { numRuns: 150 },
    );
  });
});
