/** Column widths from content: long Keterangan sentences get the room, short names and numbers keep what they need. */
import path from 'path';
import { buildTableSpecs } from '../../../src/core/tables/build';
import { columnCount, fitColumnWidths, placeRows, textEm } from '../../../src/core/tables/html';
import type { TableSpec } from '../../../src/core/tables/types';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';

describe('PMKS widths on a landscape A4 page (about 66 em)', () => {
  let pmks: TableSpec;
  let w: number[];
  beforeAll(async () => {
    pmks = buildTableSpecs(await readWorkbookFile(path.join(__dirname, '../../../examples/dinsos-ntt-2021.xlsx'))).find((s) => s.kind === 'pmks')!;
    w = fitColumnWidths(pmks, columnCount(pmks), 66);
  });
  const col = (header: string) => pmks.headerRows[0].findIndex((c) => c.text === header);

  it('fills the page exactly', () => {
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(66, 6);
  });

  it('Keterangan, the column of long sentences, is the widest; the merged Indikator text over nine rows is not', () => {
    const ket = col('Keterangan');
    expect(Math.max(...w)).toBe(w[ket]);
    expect(w[col('Indikator')]).toBeLessThan(w[ket] / 2);
  });

  it('Jenis PMKS is never wider than its longest name on one line (plus slack)', () => {
    const i = col('Jenis PMKS');
    const names = placeRows(pmks.bodyRows.map((r) => r.cells), columnCount(pmks)).flatMap((row) => row.cells.filter((p) => p.col === i).map((p) => p.cell.text));
    expect(names).toContain('Anak Balita Terlantar');
    const longest = Math.max(...names.map((t) => textEm(t, true)));
    expect(w[i]).toBeLessThanOrEqual(longest + 0.6 + 1e-9);
  });
});
