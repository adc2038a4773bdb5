import path from 'path';
import type { Finding } from '../../../src/core/findings';
import { book, sheet } from '../helpers/sheet';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { applyToSnapshot } from '../../../src/core/fixes/applyToSnapshot';
import { planConverging } from '../../../src/core/fixes/converge';
import { planFixes } from '../../../src/core/fixes/plan';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';

const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../../examples', name));

describe('fix plans', () => {
  it('turns NTT fixes into single-cell edits that carry the cell as it was', async () => {
    const wb = await read('dinsos-ntt-2021.xlsx');
    const plan = planFixes(wb, analyzeWorkbook(wb).findings);
    const byCell = new Map(plan.edits.map((e) => [`${e.sheet}!${e.address}`, e]));
    expect(byCell.get('Indikator 1 PMKS!G13')).toMatchObject({
      before: { formula: '=F13/E13*100', numberFormat: '0.00' },
      after: { value: 'Kewenangan Pusat', numberFormat: '0.00' },
    });
    // '1.595' stored as text becomes the number, formatted like the numbers around it.
    expect(byCell.get('Indikator 1 PMKS!D8')).toMatchObject({ before: { value: '1.595' }, after: { value: 1595, numberFormat: '#,##0' } });
    expect(byCell.get('APBD!E11')!.after).toEqual({ value: 31.58, numberFormat: '0.00' });
    expect(byCell.get('Indikator 1 PMKS!D30')!.after).toEqual({ value: 2579089, numberFormat: '#,##0' });
    // The PMKS totals are typed: the fix types the right figure, as the office does.
    expect(byCell.get('Indikator 1 PMKS!E30')!.after).toEqual({ value: 975138, numberFormat: '#,##0' });
    expect(new Set(plan.edits.map((e) => `${e.sheet}!${e.address}`)).size).toBe(plan.edits.length);
  });

  it('applying the whole plan clears the fixed findings, and undoing restores the snapshot exactly', async () => {
    for (const name of ['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx']) {
      const wb = await read(name);
      // Typed totals are fixed as figures, so a parent and the total over it are planned together.
      const plan = planConverging(wb, analyzeWorkbook(wb).findings);
      expect(plan.edits.length).toBeGreaterThan(5);
      const fixed = applyToSnapshot(wb, plan.edits);
      const left = analyzeWorkbook(fixed).findings.filter((f) => f.fix && plan.edits.some((e) => e.sheet === f.sheet && e.address === f.cell));
      expect(left.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual([]);
      const undone = applyToSnapshot(fixed, plan.edits, 'before');
      for (const [i, s] of wb.sheets.entries()) {
        expect(undone.sheets[i].formulas).toEqual(s.formulas);
        expect(undone.sheets[i].numberFormat).toEqual(s.numberFormat);
        expect(undone.sheets[i].valueTypes).toEqual(s.valueTypes);
      }
    }
  });
});

describe('a text number takes the format of the nearest number in its column', () => {
  it('nearest row wins, the one above on a tie', async () => {
    const { book, sheet } = await import('../helpers/sheet');
    const snap = book(
      sheet('T', [
        ['Uraian', 'Anggaran'],
        ['A', { n: 1000, fmt: '#,##0' }],
        ['B', '2.000'],
        ['C', { n: 3000, fmt: '#,##0.00' }],
        ['D', '4.000'],
        ['E', 5000],
        ['F', { n: 6000, fmt: '"Rp"#,##0' }],
        ['Jumlah', 21000],
      ]),
    );
    const plan = planFixes(snap, analyzeWorkbook(snap).findings);
    const at = (a: string) => plan.edits.find((e) => e.address === a)?.after.numberFormat;
    expect(at('B3')).toBe('#,##0');
    expect(at('B5')).toBe('#,##0.00');
  });
});

describe('a text percentage in a column of real percentages', () => {
  it('is written as the fraction Excel holds, shown with its own decimals; without a % sign, as the plain number', () => {
    const snap = book(
      sheet('IKU', [
        ['Indikator', 'Target', 'Realisasi', 'Capaian'],
        ['A', 25, 34.48, { n: 1, fmt: '0%' }],
        ['B', 35, 10.99, '31.40%'],
        ['C', 10, 5, '50'],
        ['D', 10, 9, { n: 0.9, fmt: '0%' }],
      ]),
    );
    const finding = (cell: string, value: number): Finding => ({
      code: 'text-number',
      severity: 'info',
      sheet: 'IKU',
      cell,
      message: 'teks',
      fix: { kind: 'convert-text-number', value },
    });
    const plan = planFixes(snap, [finding('D3', 31.4), finding('D4', 50)]);
    expect(plan.edits.map((e) => e.after)).toEqual([
      { value: 0.314, numberFormat: '0.0%' },
      { value: 50, numberFormat: 'General' },
    ]);
  });
});
