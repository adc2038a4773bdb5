/**
 * Grid.textAt reads a String cell's text from its value (unless the format has a
 * text section) and a whole number under General as its digits, so that the
 * xlsx reader's lazily formatted rows stay unformatted when only labels are read.
 * On real files read by the reader, that must give exactly the displayed text
 * the reader formats: every cell of the samples and of every dialect.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Grid } from '../../src/core/grid';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { DIALECTS, dialectBytes, fileName } from '../fixtures/dialects';

const ROOT = join(__dirname, '..', '..');
const files = ['examples/dinsos-ntt-2021.xlsx', 'examples/dinsos-flotim-2020.xlsx', 'test/fixtures/dinsos-ntt-2021-libreoffice.xlsx', 'test/fixtures/google-sheets-shaped.xlsx'];

/** textAt as it was before the fast paths: the formatted text, or the value when the reader gave none. */
function reference(wb: WorkbookSnapshot, s: number, r: number, c: number): string {
  const snap = wb.sheets[s];
  const type = snap.valueTypes[r][c];
  if (type === 'Empty') return '';
  const text = snap.text[r][c];
  return (text !== '' ? text : String(snap.values[r][c])).replace(/[\u00a0\u202f]/g, ' ').trim();
}

function expectSame(wb: WorkbookSnapshot): number {
  let compared = 0;
  wb.sheets.forEach((snap, s) => {
    const g = new Grid(snap);
    for (let r = 0; r < snap.values.length; r++) {
      for (let c = 0; c < snap.values[r].length; c++) {
        const row = snap.origin.row + r;
        const col = snap.origin.col + c;
        if (g.covered(row, col)) continue;
        expect({ cell: `${snap.name}!${row},${col}`, text: g.textAt(row, col) }).toEqual({ cell: `${snap.name}!${row},${col}`, text: reference(wb, s, r, c) });
        compared++;
      }
    }
  });
  return compared;
}

describe('Grid.textAt fast paths give the reader’s displayed text', () => {
  it.each(files)('%s', async (f) => {
    const wb = await readWorkbookBuffer(readFileSync(join(ROOT, f)), f);
    expect(expectSame(wb)).toBeGreaterThan(50);
  });

  it('every dialect', async () => {
    for (const d of DIALECTS) {
      const wb = await readWorkbookBuffer(dialectBytes(d), fileName(d));
      expectSame(wb);
    }
  });
});
