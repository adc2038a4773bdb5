/**
 * Budget tables with 'Jumlah Program ...' under each program's kegiatan and a grand total
 * adding the kegiatan (or the program sums): the 'Jumlah' rows close their block, so the
 * grand total is not reported wrong by exactly the program sums (a false Kesalahan found
 * by the bench's generator, issue 13 session). A wrong program sum is still reported.
 */
import { analyzeWorkbook } from '../../../src/core/analyze';
import { book, brief, sheet, type TestCell } from '../helpers/sheet';

function table(rehabAnggaran: TestCell = { f: 'SUM(C2:C3)', v: 3000 }): TestCell[][] {
  return [
    ['No', 'Program/Kegiatan', 'Anggaran', 'Realisasi', '%'],
    [1, 'Kegiatan Rehabilitasi Anak', 1000, 900, { f: 'D2/C2*100', v: 90 }],
    [2, 'Kegiatan Rehabilitasi Lansia', 2000, 1500, { f: 'D3/C3*100', v: 75 }],
    [null, 'Jumlah Program Rehabilitasi Sosial', rehabAnggaran, { f: 'SUM(D2:D3)', v: 2400 }, { f: 'D4/C4*100', v: 80 }],
    [3, 'Kegiatan Bantuan Sosial', 3000, 2900, { f: 'D5/C5*100', v: 2900 / 30 }],
    [4, 'Kegiatan Jaminan Sosial', 500, 400, { f: 'D6/C6*100', v: 80 }],
    [null, 'Jumlah Program Perlindungan Sosial', { f: 'SUM(C5:C6)', v: 3500 }, { f: 'SUM(D5:D6)', v: 3300 }, { f: 'D7/C7*100', v: 3300 / 35 }],
    [null, 'TOTAL', { f: 'C4+C7', v: 6500 }, { f: 'D4+D7', v: 5700 }, { f: 'D8/C8*100', v: 5700 / 65 }],
  ];
}

test('program sums and a grand total that adds them: no finding', () => {
  const report = analyzeWorkbook(book(sheet('Anggaran', table())));
  expect(report.tables.map((t) => t.kind)).toEqual(['budget']);
  expect(report.findings.filter((f) => f.severity !== 'info').map(brief)).toEqual([]);
  expect(report.findings.filter((f) => f.code === 'not-checked')).toEqual([]);
});

test('a program sum typed wrong is reported at that cell, and only there', () => {
  const report = analyzeWorkbook(book(sheet('Anggaran', table(3100))));
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.cell}`)).toEqual(['total-mismatch C4']);
});
