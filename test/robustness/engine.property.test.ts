import fc from 'fast-check';
import { toA1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import { FINDING_CODES, type Finding } from '../../src/core/findings';
import type { WorkbookReport } from '../../src/core/model';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { book, sheet, type TestCell } from '../core/helpers/sheet';

const HEADERS = [
  'No',
  'Jenis PMKS',
  'Populasi',
  'Kewenangan Provinsi',
  'Yang ditangani',
  '%',
  'Anggaran',
  'Realisasi',
  'Kode Rekening',
  'Target',
  'Capaian',
  'Predikat',
  'TOTAL',
  'Jumlah',
  'Keterangan',
];
const NUMBER_TEXT = ['1.595', '6.353.928.630,80', '(1.234)', '-', 'Rp.9.257.070.000,-', '78.94'];
const ERRORS = ['#DIV/0!', '#REF!', '#N/A', '#VALUE!'];
const FORMULAS = ['SUM(C2:C9)', 'F4/E4*100', 'A1', 'XYZ('];

const cellArb: fc.Arbitrary<TestCell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 4, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e9, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e-300, 1e300, Number.MAX_SAFE_INTEGER) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((err) => ({ err })) },
  {
    weight: 1,
    arbitrary: fc.record({ err: fc.constantFrom(...ERRORS), f: fc.constantFrom(...FORMULAS) }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...FORMULAS), fc.option(fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constantFrom('', 'x')), { nil: undefined }))
      .map(([f, v]): TestCell => (v === undefined ? { f } : { f, v })),
  },
  { weight: 1, arbitrary: fc.record({ n: fc.double({ min: 0, max: 2, noNaN: true }), fmt: fc.constantFrom('0.00%', '#,##0', '0.00', 'yyyy-mm-dd', '@') }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** A random rectangular grid with random merges (valid ranges inside the grid, possibly overlapping). */
const sheetArb = fc
  .record({ rows: fc.integer({ min: 1, max: 40 }), cols: fc.integer({ min: 1, max: 12 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      grid: fc.array(fc.array(cellArb, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      merges: fc.array(
        fc
          .tuple(fc.nat(rows - 1), fc.nat(rows - 1), fc.nat(cols - 1), fc.nat(cols - 1))
          .map(([r1, r2, c1, c2]) => `${toA1(Math.min(r1, r2), Math.min(c1, c2))}:${toA1(Math.max(r1, r2), Math.max(c1, c2))}`),
        { maxLength: 6 },
      ),
      origin: fc.record({ row: fc.nat(5), col: fc.nat(3) }),
      hidden: fc.array(fc.nat(rows - 1), { maxLength: 3 }),
      visibility: fc.constantFrom('Visible' as const, 'Hidden' as const, 'VeryHidden' as const),
    }),
  );

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc.array(sheetArb, { minLength: 1, maxLength: 2 }).map((sheets) =>
  book(
    ...sheets.map((s, i) => {
      // Merges are in absolute addresses, so shift them when the grid does not start at A1.
      const shifted = s.merges.map((m) => {
        const [a, b] = m.split(':');
        const shift = (x: string) => {
          const match = /^([A-Z]+)(\d+)$/.exec(x)!;
          let col = 0;
          for (const ch of match[1]) col = col * 26 + ch.charCodeAt(0) - 64;
          return toA1(Number(match[2]) - 1 + s.origin.row, col - 1 + s.origin.col);
        };
        return `${shift(a)}:${shift(b)}`;
      });
      const snap = sheet(`Lembar ${i + 1}`, s.grid, shifted, s.origin);
      snap.visibility = s.visibility;
      snap.hiddenRows = s.hidden.map((r) => r + s.origin.row);
      return snap;
    }),
  ),
);

const SUBJECTS = ['Anak Balita Terlantar', 'Lanjut Usia Terlantar', 'Penyandang Disabilitas', 'Gelandangan', 'Program A', 'anggaran'];
const paragraphArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .tuple(fc.constantFrom(...SUBJECTS), fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map(String), fc.constantFrom(...NUMBER_TEXT, 'dua', '1,2 miliar', '96,82%')), fc.constantFrom('orang', 'KK', 'panti', 'persen', '%', ''))
    .map(([s, n, u]) => `Jumlah ${s} sebanyak ${n} ${u}`),
  fc
    .tuple(fc.constantFrom(...SUBJECTS), fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 100 }))
    .map(
      ([s, n, p]) =>
        `Pada tahun 2021, realisasi ${s} dengan anggaran sebesar Rp. ${n.toLocaleString('id-ID')},- atau ${p},5% dari target yang ditetapkan dalam rencana strategis, sehingga capaiannya dinilai cukup baik oleh tim.`,
    ),
  fc.constantFrom(...SUBJECTS),
);

/** A small real PMKS table the narrative can link its figures to. */
const PMKS = sheet('PMKS', [
  ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan'],
  [1, 'Anak Balita Terlantar', 100, 40, 20, 50, 60, null],
  [2, 'Lanjut Usia Terlantar', 10, 4, 2, 50, 6, null],
  [null, 'Jumlah', 110, 44, 22, 50, 66, null],
]);

const narrativeBookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .array(paragraphArb, { minLength: 1, maxLength: 12 })
  .map((paras) => book(PMKS, sheet('Narasi', [['Bagian yang panjang sekali '.repeat(7)], ...paras.map((p) => [p])])));

function expectWellFormed(report: WorkbookReport): void {
  expect(report).toEqual(expect.objectContaining({ tables: expect.any(Array), findings: expect.any(Array) }));
  for (const f of report.findings as Finding[]) {
    const problems: string[] = [];
    if (!(FINDING_CODES as readonly string[]).includes(f.code)) problems.push(`code ${f.code}`);
    if (!['error', 'warning', 'info'].includes(f.severity)) problems.push(`severity ${f.severity}`);
    if (!/^[A-Z]{1,3}[0-9]+$/.test(f.cell) && !/^¶\d+$/.test(f.cell)) problems.push(`cell ${f.cell}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push('empty message');
    expect([f.code, f.cell, problems]).toEqual([f.code, f.cell, []]);
  }
}

const seen = { tables: 0, findings: 0 };

function check(wb: WorkbookSnapshot): void {
  for (const lang of ['id', 'en'] as const) {
    const a = analyzeWorkbook(wb, { lang });
    expectWellFormed(a);
    if (lang === 'id') {
      seen.tables += a.tables.length;
      seen.findings += a.findings.length;
    }
    // Determinism: the same snapshot gives the same report.
    expect(analyzeWorkbook(wb, { lang })).toEqual(a);
  }
}

describe('analyzeWorkbook on random input', () => {
  it('never throws and reports well-formed findings, deterministically, on random grids with merges', () => {
    const before = { ...seen };
    fc.assert(fc.property(workbookArb, check), { numRuns: 400 });
    // The pool of header words must make the engine recognise tables and report findings at least sometimes.
    expect(seen.tables).toBeGreaterThan(before.tables);
    expect(seen.findings).toBeGreaterThan(before.findings);
  });

  it('never throws and reports well-formed findings on random narrative paragraphs', () => {
    const before = { ...seen };
    fc.assert(fc.property(narrativeBookArb, check), { numRuns: 200 });
    expect(seen.findings).toBeGreaterThan(before.findings);
  });

  it('never throws on a random grid sitting next to a real table on the same sheet', () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const rows: TestCell[][] = [
          ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
          [1, 'Program A', 1000, 900, 90],
          [2, 'Program B', 3000, 1500, 50],
          [null, 'TOTAL', 4000, 2400, 60],
          [null],
          ...s.grid,
        ];
        const merges = s.merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 5)));
        check(book(sheet('Campur', rows, merges)));
      }),
      { numRuns: 100 },
    );
  });
});
