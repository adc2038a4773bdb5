import path from 'path';
import { buildTableSpecs } from '../../src/core/tables/build';
import type { TableSpec } from '../../src/core/tables/types';
import { translator } from '../../src/taskpane/i18n';
import { lowConfidenceWarning, needsConfirmation, truthLine } from '../../src/taskpane/tableWarnings';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { book, sheet } from '../core/helpers/sheet';

const id = translator('id');
const en = translator('en');

describe('what the Tabel LAKIP view says about each table', () => {
  let asIs: TableSpec[];
  let fixed: TableSpec[];
  beforeAll(async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));
    asIs = buildTableSpecs(snapshot);
    fixed = buildTableSpecs(snapshot, { withFixes: true });
  });

  test('as in the workbook: the values the check flags; nothing for a table without any', () => {
    expect(truthLine(id, asIs[0])).toBe('13 nilai ditandai pemeriksaan');
    expect(truthLine(en, asIs[0])).toBe('13 values flagged by the check');
    expect(truthLine(id, asIs.find((s) => s.id === 'anggaran-APBN')!)).toBe('');
  });

  test('with the accepted fixes: the values that differ from the workbook, then those still flagged', () => {
    expect(truthLine(id, fixed[0])).toBe('11 nilai berbeda dari buku kerja · 2 nilai ditandai pemeriksaan');
    expect(truthLine(en, fixed[1])).toBe('2 values differ from the workbook');
  });

  test('a low-confidence table is warned about and needs confirming; the samples’ tables do not', () => {
    expect(needsConfirmation(asIs)).toEqual([]);
    expect(asIs.map((s) => lowConfidenceWarning(id, s))).toEqual(asIs.map(() => ''));
    const rows = [
      ['Realisasi per wilayah'],
      ['Wilayah', 'Pagu', 'Serapan', 'Persen'],
      ['Kupang', 1000, 800, 80],
      ['Alor', 500, 500, 100],
      ['Jumlah', 1500, 1300, 86.67],
    ];
    const [low] = buildTableSpecs(book(sheet('Wilayah', rows)));
    expect(lowConfidenceWarning(id, low)).toBe('Dikenali dengan keyakinan rendah: 1 kolom ("Serapan") dibaca dari isinya saja. Periksa tabel ini sebelum dipakai.');
    expect(lowConfidenceWarning(en, low)).toBe('Recognised with low confidence: 1 column ("Serapan") read from the cells alone. Check this table before use.');
    expect(lowConfidenceWarning(en, { ...low, lowConfidence: { table: true, columns: [] } })).toBe('Recognised with low confidence: its header words are not known. Check this table before use.');
    expect(needsConfirmation([...asIs, low])).toEqual(['Realisasi per wilayah']);
  });
});
