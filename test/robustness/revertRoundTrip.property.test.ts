import fc from 'fast-check';
import { analyzeWorkbook } from '../../src/core/analyze';
import { applyToSnapshot } from '../../src/core/fixes/applyToSnapshot';
import { planFixes } from '../../src/core/fixes/plan';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { book, sheet, type TestCell } from '../core/helpers/sheet';

type Plant = 'none' | 'total' | 'percent' | 'text' | 'div0' | 'formula-total' | 'fmt-text';

const plantArb = fc.constantFrom<Plant>('none', 'total', 'percent', 'text', 'div0', 'formula-total', 'fmt-text');
const fmtArb = fc.constantFrom('General', '#,##0', '0.00', '#,##0.00', '@');

/** Text the way staff type it: Indonesian thousands dots. */
const idText = (n: number) => n.toLocaleString('id-ID');

/** A budget table (No, Program, Anggaran, Realisasi, %) with errors planted in random rows. */
const budgetArb = fc
  .record({
    rows: fc.array(fc.record({ a: fc.integer({ min: 1, max: 5_000_000 }), pct: fc.integer({ min: 0, max: 100 }), plant: plantArb, fmt: fmtArb }), { minLength: 1, maxLength: 8 }),
    totalPlant: plantArb,
    totalDelta: fc.integer({ min: 1, max: 1000 }),
    origin: fc.record({ row: fc.nat(4), col: fc.nat(3) }),
  })
  .map(({ rows, totalPlant, totalDelta, origin }) => {
    const first = origin.row + 2; // 1-based row of the first item
    const cells: TestCell[][] = [['No', 'Program', 'Anggaran', 'Realisasi', '%']];
    let sumA = 0;
    let sumR = 0;
    rows.forEach((x, i) => {
      const r = Math.round((x.a * x.pct) / 100);
      sumA += x.a;
      sumR += r;
      const at = first + i;
      const col = (k: number) => String.fromCharCode(65 + origin.col + k);
      let a: TestCell = { n: x.a, fmt: x.fmt === '@' ? 'General' : x.fmt };
      let pct: TestCell = { n: Number(((r / x.a) * 100).toFixed(2)), fmt: '0.00' };
      if (x.plant === 'text') a = idText(x.a);
      if (x.plant === 'fmt-text') a = { n: x.a, fmt: '@', text: String(x.a) };
      if (x.plant === 'percent') pct = { n: Number(((r / x.a) * 100).toFixed(2)) + 1, fmt: '0.00' };
      if (x.plant === 'div0') pct = { err: '#DIV/0!', f: `${col(3)}${at}/0*100` };
      if (x.plant === 'formula-total') pct = { f: `${col(3)}${at}/${col(2)}${at}*100`, v: Number(((r / x.a) * 100).toFixed(2)) + 2, fmt: '0.00' };
      cells.push([i + 1, `Program ${i + 1}`, a, r, pct]);
    });
    const last = first + rows.length - 1;
    const col = (k: number) => String.fromCharCode(65 + origin.col + k);
    const totalA: TestCell =
      totalPlant === 'formula-total' ? { f: `SUM(${col(2)}${first}:${col(2)}${last})`, v: sumA + totalDelta, fmt: '#,##0' } : { n: totalPlant === 'total' ? sumA + totalDelta : sumA, fmt: '#,##0' };
    const totalR: TestCell = totalPlant === 'text' ? idText(sumR) : sumR;
    cells.push([null, 'TOTAL', totalA, totalR, { n: Number(((sumR / sumA) * 100).toFixed(2)), fmt: '0.00' }]);
    // The used range starts at `origin`, so the snapshot arrays are offset from A1 as the readers make them.
    return sheet('Anggaran', cells, [], origin);
  });

/** A PMKS table with planted wrong totals, % values, '1.595'-style text and #DIV/0! where Kewenangan Provinsi is 0. */
const pmksArb = fc
  .array(fc.record({ prov: fc.integer({ min: 0, max: 5000 }), kab: fc.integer({ min: 0, max: 5000 }), pct: fc.integer({ min: 0, max: 100 }), plant: plantArb }), { minLength: 1, maxLength: 8 })
  .map((rows) => {
    const cells: TestCell[][] = [['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan']];
    const sums = [0, 0, 0, 0];
    rows.forEach((x, i) => {
      const r = i + 2;
      const prov = x.plant === 'div0' ? 0 : x.prov;
      const done = Math.round((prov * x.pct) / 100);
      const pop = prov + x.kab;
      sums[0] += pop;
      sums[1] += prov;
      sums[2] += done;
      sums[3] += x.kab;
      let pct: TestCell = prov === 0 ? { err: '#DIV/0!', f: `E${r}/D${r}*100` } : { f: `E${r}/D${r}*100`, v: (done / prov) * 100, fmt: '0.00' };
      if (x.plant === 'percent' && prov > 0) pct = { n: Number(((done / prov) * 100).toFixed(2)) + 3, fmt: '0.00' };
      const popCell: TestCell = x.plant === 'text' && pop >= 1000 ? idText(pop) : x.plant === 'total' ? { n: pop + 7, fmt: '#,##0' } : { n: pop, fmt: '#,##0' };
      cells.push([i + 1, `PMKS ${i + 1}`, popCell, prov, done, pct, x.kab, null]);
    });
    const n = rows.length + 1;
    cells.push([null, 'Jumlah', { f: `SUM(C2:C${n})`, v: sums[0] + 1, fmt: '#,##0' }, sums[1], sums[2] + 2, { n: 0, fmt: '0.00' }, sums[3], null]);
    return sheet('PMKS', cells);
  });

const bookArb: fc.Arbitrary<WorkbookSnapshot> = fc.tuple(budgetArb, pmksArb, fc.boolean()).map(([b, p, both]) => (both ? book(b, p) : book(b)));

describe('fix then revert is exact', () => {
  it("applyToSnapshot(after) then applyToSnapshot(before) restores formulas, numberFormat and valueTypes", () => {
    let edits = 0;
    fc.assert(
      fc.property(bookArb, (wb) => {
        const report = analyzeWorkbook(wb);
        const plan = planFixes(wb, report.findings);
        edits += plan.edits.length;
        const fixed = applyToSnapshot(wb, plan.edits, 'after');
        const undone = applyToSnapshot(fixed, plan.edits, 'before');
        expect(undone.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
        for (const [i, s] of wb.sheets.entries()) {
          expect(undone.sheets[i].formulas).toEqual(s.formulas);
          expect(undone.sheets[i].numberFormat).toEqual(s.numberFormat);
          expect(undone.sheets[i].valueTypes).toEqual(s.valueTypes);
        }
        // The input snapshot is left alone.
        expect(analyzeWorkbook(wb)).toEqual(report);
      }),
      { numRuns: 150 },
    );
    // The generators must actually produce fixable errors.
    expect(edits).toBeGreaterThan(20);
  });
});
