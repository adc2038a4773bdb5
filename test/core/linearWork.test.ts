/**
 * Issue 13: the workbook-wide checks stay linear in sheets and tables. A report
 * repeats its labels (PMKS types, education levels, programs) on sheet after
 * sheet; these tests count the work the cross-table check, the breakdown check
 * and the narrative linking do (never time it) and hold it flat as the same
 * tables are repeated, with the findings still those of a plain compare.
 */
import { analyzeWorkbook, resolveOptions, resolveWithWorkbookScale } from '../../src/core/analyze';
import { TableContext } from '../../src/core/checks/context';
import { checkBreakdowns, checkCrossTables } from '../../src/core/checks/crossTable';
import { Grid } from '../../src/core/grid';
import { NarrativeChecker } from '../../src/core/narrative/check';
import { buildSubjects, mentions, SubjectIndex, type Subject } from '../../src/core/narrative/subjects';
import { findPhrase } from '../../src/core/narrative/text';
import { findTables } from '../../src/core/recognize/findTables';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { book, sheet } from './helpers/sheet';

/** Staff by education per echelon: S1 | S2 | SMA columns under one group title. */
function byEchelon(name: string, totals: [number, number, number]) {
  return sheet(
    name,
    [
      [`Tabel 1.1 Pegawai menurut Pendidikan`],
      ['No', 'Eselon', 'Pendidikan', null, null, 'Jumlah'],
      [null, null, 'SD/SLTA/SMA', 'S1', 'S2', null],
      ['1.', 'Eselon III', totals[0], totals[1], totals[2], totals[0] + totals[1] + totals[2]],
      ['Jumlah', null, totals[0], totals[1], totals[2], totals[0] + totals[1] + totals[2]],
    ],
    ['A2:A3', 'B2:B3', 'C2:E2', 'F2:F3', 'A5:B5'],
  );
}

/** Staff by education per rank: rows S2 | S1 | SMA with a Jumlah column. */
function byRank(name: string, s2: number, s1: number, sma: number) {
  return sheet(name, [
    [`Tabel 1.2 Pegawai menurut Golongan`],
    ['No', 'Pendidikan', 'Gol III', 'Gol IV', 'Jumlah'],
    ['1.', 'S2', s2, 0, s2],
    ['2.', 'S1', s1, 0, s1],
    ['3.', 'SMA', sma, 0, sma],
    ['Jumlah', null, s2 + s1 + sma, 0, s2 + s1 + sma],
  ]);
}

/** A summary of spending and, titled by one of its rows, that row broken down. */
function summary(name: string, n: number) {
  return sheet(name, [
    [`Tabel ${n}.37 Belanja Operasi`],
    ['Uraian', 'Anggaran (Rp)', 'Realisasi (Rp)'],
    ['Belanja Pegawai', 374, 336],
    ['Belanja Barang', 333, 337],
    ['Jumlah', 707, 673],
  ]);
}
function detail(name: string, n: number, gaji = 252) {
  return sheet(name, [
    [`Tabel ${n}.38 Belanja Pegawai`],
    ['Uraian', 'Anggaran (Rp)', 'Realisasi (Rp)'],
    ['Gaji dan Tunjangan', gaji, 241],
    ['Tambahan Penghasilan', 104, 95],
    ['Jumlah', gaji + 104, 336],
  ]);
}

/** `copies` times the same four kinds of table, on a sheet each. */
function report(copies: number): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  for (let i = 0; i < copies; i++) out.push(byEchelon(`E${i}`, [3, 13, 1]), byRank(`G${i}`, 1, 12, 3), summary(`S${i}`, i + 1), detail(`D${i}`, i + 1));
  return out;
}

function contextsOf(sheets: SheetSnapshot[]): TableContext[] {
  const options = resolveOptions();
  return sheets.flatMap((s) => {
    const grid = new Grid(s);
    return findTables(grid).map((t) => new TableContext(grid, t, options));
  });
}

describe('cross-table check: work by label signature, not by pair of tables', () => {
  it('normalises each distinct label once and pairs each pair of signatures once, however many tables repeat them', () => {
    const few = checkCrossTables(contextsOf(report(3)));
    const many = checkCrossTables(contextsOf(report(60)));
    // 60 rank tables against 60 echelon tables would be 3,600 pairs of tables compared.
    expect(many).toEqual(few);
    expect(many.signaturePairs).toBe(1);
    expect(many.categoryTests).toBe(3 * 3); // 3 row labels × 3 columns, once
    // SD/SLTA/SMA, S1, S2, SMA, Eselon III (the echelon table has a Jumlah too), Gol III, Gol IV.
    expect(many.labels).toBe(7);
  });

  it('still names the first table, in workbook order, whose total disagrees with the row', () => {
    const sheets = [byEchelon('E1', [3, 12, 1]), byEchelon('E2', [3, 13, 1]), byEchelon('E3', [3, 14, 1]), byRank('G', 1, 12, 3), byEchelon('E4', [3, 15, 1])];
    const f = analyzeWorkbook(book(...sheets)).findings.filter((x) => x.code === 'cross-table-mismatch');
    // S1: E1 agrees (12), E2 is the first to disagree; S2 and SMA agree with every table.
    expect(f.map((x) => `${x.sheet}!${x.cell} ${x.actual} ${x.expected}`)).toEqual(['G!E4 12 13']);
    expect(f[0].message).toContain("'E2'!D5");
  });

  it('with tables that agree in between, the first disagreeing one is still found (runs of equal totals skipped)', () => {
    const sheets = [byRank('G', 1, 12, 3), ...Array.from({ length: 30 }, (_, i) => byEchelon(`A${i}`, [3, 12, 1])), byEchelon('Z', [3, 12, 2])];
    const f = analyzeWorkbook(book(...sheets)).findings.filter((x) => x.code === 'cross-table-mismatch');
    expect(f.map((x) => `${x.sheet}!${x.cell} ${x.actual} ${x.expected}`)).toEqual(['G!E3 1 2']);
    expect(f[0].message).toContain("'Z'!E5");
  });
});

describe('breakdown check: titled tables grouped by title and columns', () => {
  it('normalises each distinct label once and matches columns once per pair of signatures, however many tables repeat them', () => {
    const few = checkBreakdowns(contextsOf(report(3)));
    const many = checkBreakdowns(contextsOf(report(60)));
    // 60 breakdowns of 'Belanja Pegawai' against 60 summaries would be 3,600 pairs of tables compared.
    expect(many).toEqual(few);
    expect(many.columnMatches).toBe(1);
    expect(many.titles).toBe(4);
  });

  it('reports the summary row against its breakdown, the first that disagrees in workbook order', () => {
    const one = analyzeWorkbook(book(summary('S', 7), detail('D', 7))).findings.filter((x) => x.code === 'cross-table-mismatch');
    expect(one.map((x) => `${x.sheet}!${x.cell} ${x.expected}`)).toEqual(['S!B3 356']);
    // D1 agrees with the summary (270 + 104 = 374); D2 is the first that does not, D3 comes after it.
    const sheets = [detail('D1', 1, 270), summary('S', 7), detail('D2', 2, 271), detail('D3', 3, 280)];
    const f = analyzeWorkbook(book(...sheets)).findings.filter((x) => x.code === 'cross-table-mismatch');
    expect(f.map((x) => `${x.sheet}!${x.cell} ${x.actual} ${x.expected}`)).toEqual(['S!B3 374 375']);
    expect(f[0].message).toContain("'D2'!B5");
  });
});

describe('narrative linking: phrases indexed once, each distinct phrase tried once per paragraph', () => {
  const text = 'Belanja Pegawai sebesar Rp 374 dan pendidikan S1 sebanyak 12 orang; jumlah Eselon III 17 orang.';

  /** The plain reading: every phrase of every subject looked for, longer names first, in text order. */
  function reference(t: string, subjects: Subject[]) {
    const found: { subject: Subject; start: number; end: number }[] = [];
    for (const s of subjects) for (const p of s.phrases) for (const m of findPhrase(t, p)) found.push({ subject: s, ...m });
    found.sort((a, b) => b.end - b.start - (a.end - a.start));
    const kept: typeof found = [];
    for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end && !(k.start === m.start && k.end === m.end))) kept.push(m);
    return kept.sort((a, b) => a.start - b.start);
  }

  it('tries the same phrases for 3 or 60 copies of the tables, and finds every row they name', () => {
    const tried = (copies: number) => {
      const subjects = buildSubjects(contextsOf(report(copies)));
      const index = new SubjectIndex(subjects);
      const found = mentions(text, index);
      expect(found).toEqual(reference(text, subjects));
      return { tests: index.phraseTests, found: found.length };
    };
    const few = tried(3);
    const many = tried(60);
    expect(many.tests).toBe(few.tests);
    expect(many.found).toBe(few.found * 20);
  });
});

describe('narrative linking: each list of rows read once, however many paragraphs name it', () => {
  function pmks(name: string, anak: number) {
    return sheet(name, [
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan'],
      [1, 'Anak Terlantar', anak, 100, 50, 50, anak - 100, null],
      [2, 'Lanjut Usia Terlantar', 900, 300, 150, 50, 600, null],
      [null, 'TOTAL', anak + 900, 400, 200, 50, anak + 500, null],
    ]);
  }
  const dotted = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

  /** `paragraphs` paragraphs that each state Anak Terlantar's population, against `copies` PMKS tables. */
  function link(copies: number, paragraphs: number, population: number) {
    const checker = new NarrativeChecker(contextsOf(Array.from({ length: copies }, (_, i) => pmks(`P${i}`, 1000 + i))), resolveOptions());
    const text = `Jumlah Anak Terlantar sebanyak ${dotted(population)} orang.`;
    checker.checkSource({ name: 'laporan.txt', paragraphs: Array.from({ length: paragraphs }, (_, i) => ({ text, heading: false, file: 'laporan.txt', paragraph: i + 1 })) });
    checker.finish([]);
    return checker;
  }

  it('reads the rows a phrase names once, not once per paragraph, and agrees with the last table as a walk would', () => {
    // 1.059 is the last of 60 tables' figure: a walk over the rows would read all 60 for every paragraph.
    const two = link(60, 2, 1059);
    const forty = link(60, 40, 1059);
    expect(forty.findings).toEqual([]);
    expect(two.findings).toEqual([]);
    expect(forty.work.rowsRead).toBe(two.work.rowsRead);
    expect(forty.work.phraseTests).toBe(two.work.phraseTests * 20);
  });

  it('still tells a wrong figure against the first table the sentence names', () => {
    const f = link(60, 3, 7).findings.filter((x) => x.code === 'narrative-mismatch');
    expect(f).toHaveLength(3);
    expect(f.map((x) => x.related)).toEqual(Array(3).fill({ sheet: 'P0', cell: 'C2' }));
  });
});

describe('predikat scale from the workbook', () => {
  it('is looked for once, however often it is asked, when the workbook has none', () => {
    let reads = 0;
    const sheets = report(2);
    const snapshot = {
      get sheets() {
        reads++;
        return sheets;
      },
    } as WorkbookSnapshot;
    const options = resolveWithWorkbookScale(snapshot);
    for (let i = 0; i < 5; i++) expect(options.scale).toBeUndefined();
    expect(reads).toBe(1);
  });
});
