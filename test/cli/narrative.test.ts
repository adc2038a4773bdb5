/**
 * `lakip check --narrative`: the CLI plumbing (option, errors, exit codes) and
 * the formatting of narrative findings. What the engine finds in the prose is
 * covered by the golden tests; here the formatter gets findings made up below.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as analyze from '../../src/core/analyze';
import type { Finding } from '../../src/core/findings';
import type { AnalyzeOptions } from '../../src/core/model';
import { JsonWriter, jsonFinding } from '../../src/cli/formatJson';
import { formatFileText, formatNarrativeFailureText, formatSummaryText, isNarrativeFinding } from '../../src/cli/formatText';
import type { FileResult } from '../../src/cli/result';
import { FLOTIM, NTT, lakip, rmDir, tmpDir } from './helpers';

jest.setTimeout(120_000);

const TINY = [
  'B. AKUNTABILITAS KEUANGAN',
  '',
  'Dana APBN Dinas Sosial Provinsi Nusa Tenggara Timur sebesar Rp.9.257.070.000,- dan realisasi Rp.8.962.397.813,- atau 96,82%.',
  '',
].join('\n');

let dir: string;
let tiny: string;
beforeAll(() => {
  dir = tmpDir('lakip-narrative-');
  tiny = path.join(dir, 'bab3.txt');
  fs.writeFileSync(tiny, TINY);
});
afterAll(() => rmDir(dir));

afterEach(() => jest.restoreAllMocks());

/** Spies on the engine (still running it) to see the options each workbook is checked with. */
function spyEngine(): jest.SpyInstance {
  return jest.spyOn(analyze, 'analyzeWorkbook');
}

function narrativesOf(spy: jest.SpyInstance, call = 0): AnalyzeOptions['narratives'] {
  return (spy.mock.calls[call][1] as AnalyzeOptions).narratives;
}

describe('--narrative', () => {
  it('is accepted and hands the file to the engine as a narrative source', async () => {
    const spy = spyEngine();
    const r = await lakip(['check', NTT, '--narrative', tiny, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(spy).toHaveBeenCalledTimes(1);
    const sources = narrativesOf(spy)!;
    expect(sources).toHaveLength(1);
    expect(sources[0].name).toBe('bab3.txt');
    expect(sources[0].paragraphs[0]).toEqual({ text: 'B. AKUNTABILITAS KEUANGAN', heading: true, file: 'bab3.txt', paragraph: 1 });
    expect(sources[0].paragraphs[1].paragraph).toBe(2);

    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['files', 'narratives']);
    expect(out.narratives).toEqual([{ file: tiny, paragraphs: 2 }]);
    expect(out.files[0].tables.length).toBeGreaterThan(0);
  });

  it('is repeatable (--narrative a --narrative b, also --narrative=b), and the same files apply to every workbook', async () => {
    const second = path.join(dir, 'bab4.txt');
    fs.writeFileSync(second, 'A. KESIMPULAN\n\nRealisasi APBD sebesar 92,88%.\n');
    const spy = spyEngine();
    const r = await lakip(['check', NTT, FLOTIM, '--narrative', tiny, `--narrative=${second}`, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const call of [0, 1]) expect(narrativesOf(spy, call)!.map((s) => s.name)).toEqual(['bab3.txt', 'bab4.txt']);
    // Read once, shared by every workbook.
    expect(narrativesOf(spy, 1)![0]).toBe(narrativesOf(spy, 0)![0]);
  });

  it('without --narrative the engine gets no narratives option and the JSON has only "files"', async () => {
    const spy = spyEngine();
    const r = await lakip(['check', NTT, '--format', 'json']);
    expect(r.code).toBe(0);
    expect('narratives' in (spy.mock.calls[0][1] as AnalyzeOptions)).toBe(false);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['files']);
  });

  it('a .docx narrative reads too (the bundled example)', async () => {
    const spy = spyEngine();
    const docx = path.resolve(__dirname, '..', '..', 'examples', 'laporan-ntt-2021.docx');
    const r = await lakip(['check', NTT, '--narrative', docx]);
    expect(r.code).toBe(0);
    expect(narrativesOf(spy)![0].name).toBe('laporan-ntt-2021.docx');
    expect(r.stdout).toMatch(/Narasi: 1 berkas dibaca, 0 gagal dibaca\./);
  });

  it('needs a value', async () => {
    const r = await lakip(['check', NTT, '--narrative']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('opsi --narrative memerlukan nilai');
  });

  it('is described in check --help, with the rule for several workbooks', async () => {
    const r = await lakip(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--narrative <berkas>');
    expect(r.stdout).toContain('--verbose');
    expect(r.stdout).toMatch(/same narrative files apply to each\s+workbook/);
    expect(r.stdout).toMatch(/berkas narasi yang sama dipakai\s+untuk setiap buku kerja/);
  });
});

describe('a narrative file that cannot be read', () => {
  it('text: exit 2, a clear message naming it, and the workbook is still checked without it', async () => {
    const missing = path.join(dir, 'laporan-tidak-ada.docx');
    const spy = spyEngine();
    const r = await lakip(['check', NTT, '--narrative', missing, '--narrative', tiny]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`== ${missing} ==`);
    expect(r.stdout).toContain(`Berkas narasi tidak dapat dibaca: Berkas narasi "${missing}" tidak ditemukan.`);
    expect(r.stdout).toContain('Buku kerja tetap diperiksa tanpa berkas narasi ini.');
    expect(r.stdout).toContain(`== ${NTT} ==`);
    expect(r.stdout).toMatch(/Tabel yang dikenali \(\d+\)/);
    expect(r.stdout).toMatch(/Narasi: 1 berkas dibaca, 1 gagal dibaca\.\n$/);
    // The readable one is still used.
    expect(narrativesOf(spy)!.map((s) => s.name)).toEqual(['bab3.txt']);
  });

  it('in English', async () => {
    const missing = path.join(dir, 'missing.txt');
    const r = await lakip(['check', NTT, '--narrative', missing, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Narrative file could not be read: The narrative file "${missing}" was not found.`);
    expect(r.stdout).toContain('The workbooks are still checked without this narrative file.');
    expect(r.stdout).toMatch(/Narrative: 0 files read, 1 failed\./);
  });

  it('json: exit 2, the message on stderr, the error in "narratives", the workbook still reported', async () => {
    const missing = path.join(dir, 'hilang.docx');
    const spy = spyEngine();
    const r = await lakip(['check', NTT, '--narrative', missing, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lakip: Berkas narasi "${missing}" tidak ditemukan.`);
    const out = JSON.parse(r.stdout);
    expect(out.files[0].error).toBeUndefined();
    expect(out.files[0].tables.length).toBeGreaterThan(0);
    expect(out.narratives).toHaveLength(1);
    expect(Object.keys(out.narratives[0])).toEqual(['file', 'error']);
    expect(out.narratives[0].file).toBe(missing);
    expect(out.narratives[0].error.code).toBe('not-found');
    expect('narratives' in (spy.mock.calls[0][1] as AnalyzeOptions)).toBe(false);
  });

  it('an old Word .doc says to save it as .docx', async () => {
    const doc = path.join(dir, 'laporan.doc');
    fs.writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const r = await lakip(['check', NTT, '--narrative', doc]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Berkas narasi "${doc}" memakai format Word lama (.doc`);
    expect(r.stdout).toContain('"Dokumen Word (*.docx)"');
  });

  it('a read failure wins over --fail-on (exit 2, not 1)', async () => {
    const r = await lakip(['check', NTT, '--narrative', path.join(dir, 'x.docx'), '--fail-on', 'warning', '--format', 'json']);
    expect(r.code).toBe(2);
  });
});

// ---------------------------------------------------------------------------
// Formatting, on a made-up report.

const tableFinding: Finding = {
  code: 'total-mismatch',
  severity: 'error',
  sheet: 'APBD',
  cell: 'C6',
  table: 'A5:E13',
  message: 'ANGGARAN tertulis 38.177.592.484, tetapi jumlah 6 baris di bawahnya 38.104.680.384.',
  expected: '38104680384',
  actual: '38177592484',
};

const fileMismatch: Finding = {
  code: 'narrative-mismatch',
  severity: 'error',
  sheet: 'laporan.docx',
  cell: '¶12',
  message: 'Narasi menyebut kewenangan kabupaten/kota "Anak Balita Terlantar" 201.511, tetapi tabel mencatat 201.541.',
  expected: '201541',
  actual: '201511',
  related: { sheet: 'Indikator 1 PMKS', cell: 'H4' },
  source: { file: 'laporan.docx', paragraph: 12 },
};

const fileUnlinked: Finding = {
  code: 'narrative-unlinked',
  severity: 'info',
  sheet: 'laporan.docx',
  cell: '¶3',
  message: 'Angka berikut tidak dapat dikaitkan dengan tabel mana pun, sehingga tidak diperiksa: 194, 2019, 9, 1, 2, 3, 4, 5, 6, 7.',
  source: { file: 'laporan.docx', paragraph: 3 },
};

const sheetTerbilang: Finding = {
  code: 'terbilang-mismatch',
  severity: 'error',
  sheet: 'Narasi',
  cell: 'A7',
  message: 'Angka Rp.9.257.070.000,- ditulis dengan huruf "Sembilan Milyard", yang berarti 9.000.000.000.',
  related: { sheet: "APBN's", cell: 'C12' },
};

const narrativePredikat: Finding = {
  code: 'predikat-mismatch',
  severity: 'error',
  sheet: 'bab3.txt',
  cell: '¶2',
  message: 'Narasi menyebut "cukup berhasil", tetapi rata-rata capaian 9 indikator IKU adalah 61,2.',
  source: { file: 'bab3.txt', paragraph: 2 },
};

const tablePredikat: Finding = { ...tableFinding, code: 'predikat-mismatch', sheet: 'IKU', cell: 'H5', table: 'A3:H12', message: 'Predikat keliru.' };

const report: FileResult = {
  file: 'laporan.xlsx',
  tables: [{ sheet: 'APBD', range: 'A5:E13', kind: 'budget', confidence: 'high', lowConfidence: [] }],
  findings: [fileUnlinked, tableFinding, fileMismatch, sheetTerbilang, narrativePredikat, tablePredikat],
};

describe('isNarrativeFinding', () => {
  it.each<[string, Finding, boolean]>([
    ['table total', tableFinding, false],
    ['narrative-mismatch', fileMismatch, true],
    ['narrative-unlinked', fileUnlinked, true],
    ['terbilang in a sheet', sheetTerbilang, true],
    ['predikat claimed in prose', narrativePredikat, true],
    ['predikat column of an IKU table', tablePredikat, false],
  ])('%s', (_name, f, expected) => expect(isNarrativeFinding(f)).toBe(expected));
});

describe('JSON', () => {
  it('keeps the key order, with related then source after actual', () => {
    expect(Object.keys(jsonFinding(fileMismatch))).toEqual([
      'code',
      'severity',
      'sheet',
      'cell',
      'message',
      'expected',
      'actual',
      'related',
      'source',
    ]);
    expect(Object.keys(jsonFinding(fileUnlinked))).toEqual(['code', 'severity', 'sheet', 'cell', 'message', 'source']);
    expect(Object.keys(jsonFinding(sheetTerbilang))).toEqual(['code', 'severity', 'sheet', 'cell', 'message', 'related']);
    expect(Object.keys(jsonFinding(tableFinding))).toEqual(['code', 'severity', 'sheet', 'cell', 'table', 'message', 'expected', 'actual']);
    expect(JSON.stringify(jsonFinding(fileMismatch))).toBe(
      '{"code":"narrative-mismatch","severity":"error","sheet":"laporan.docx","cell":"¶12",' +
        `"message":${JSON.stringify(fileMismatch.message)},"expected":"201541","actual":"201511",` +
        '"related":{"sheet":"Indikator 1 PMKS","cell":"H4"},"source":{"file":"laporan.docx","paragraph":12}}',
    );
  });

  it('the writer appends "narratives" after "files" only when given', () => {
    let out = '';
    const w = new JsonWriter((s) => (out += s));
    w.begin();
    w.file(report);
    w.end([
      { file: 'bab3.txt', paragraphs: 2 },
      { file: 'lama.doc', error: { code: 'unsupported', message: 'simpan sebagai .docx' } },
    ]);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['files', 'narratives']);
    expect(parsed.narratives).toEqual([
      { file: 'bab3.txt', paragraphs: 2 },
      { file: 'lama.doc', error: { code: 'unsupported', message: 'simpan sebagai .docx' } },
    ]);
    expect(Object.keys(parsed.files[0].findings[2])).toContain('related');

    out = '';
    w.begin();
    w.end([]);
    expect(JSON.parse(out)).toEqual({ files: [], narratives: [] });
    out = '';
    w.begin();
    w.end();
    expect(out).toBe('{"files":[]}\n');
  });
});

describe('text', () => {
  const text = formatFileText(report, 'id');
  const lines = text.split('\n');

  it('table findings first, then one "Narasi" group per file or sheet', () => {
    const heads = lines.filter((l) => /^ {4}[^\s-]/.test(l));
    expect(heads).toEqual([
      '    Lembar "APBD":',
      '    Lembar "IKU":',
      '    Narasi "laporan.docx":',
      '    Narasi di lembar "Narasi":',
      '    Narasi "bab3.txt":',
    ]);
    expect(text).toContain('  Temuan (6):');
  });

  it('file paragraphs in the place column, the related cell after the message', () => {
    const line = lines.find((l) => l.includes('201.511'))!;
    expect(line).toMatch(/^ {6}KESALAHAN +laporan\.docx ¶12 +Narasi menyebut/);
    // The message says both figures already, so no "(seharusnya …, tertulis …)" repeats them.
    expect(line.endsWith("→ 'Indikator 1 PMKS'!H4")).toBe(true);
    expect(line).not.toContain('(seharusnya');
    const terbilang = lines.find((l) => l.includes('Sembilan Milyard'))!;
    expect(terbilang).toMatch(/^ {6}KESALAHAN +A7 +Angka/);
    expect(terbilang.endsWith("→ 'APBN''s'!C12")).toBe(true);
    expect(lines.find((l) => l.includes('cukup berhasil'))).toMatch(/bab3\.txt ¶2 {2}Narasi menyebut/);
    // The table findings keep their own narrow place column.
    expect(lines.find((l) => l.includes('ANGGARAN'))).toMatch(/^ {6}KESALAHAN {3}C6 {4}ANGGARAN/);
  });

  it('unchecked figures: one short line per paragraph and a hint; in full with --verbose', () => {
    const short = lines.find((l) => l.includes('laporan.docx ¶3'))!;
    expect(short).toMatch(/INFO +laporan\.docx ¶3 +angka tidak diperiksa: 194, 2019, 9, 1, 2, 3, 4, 5 … \(\+2 lagi\)$/);
    expect(text).toContain('(1 paragraf memuat angka yang tidak dapat dikaitkan dengan tabel mana pun; jalankan dengan --verbose');
    expect(text).not.toContain('sehingga tidak diperiksa');

    const verbose = formatFileText(report, 'id', undefined, { verbose: true });
    expect(verbose).toContain(fileUnlinked.message);
    expect(verbose).not.toContain('angka tidak diperiksa');
    expect(verbose).not.toContain('--verbose');
  });

  it('in English', () => {
    const en = formatFileText(report, 'en');
    expect(en).toContain('    Narrative "laporan.docx":');
    expect(en).toContain('    Narrative in sheet "Narasi":');
    expect(en).toMatch(/figures not checked: 194, 2019, 9, 1, 2, 3, 4, 5 … \(\+2 more\)/);
    expect(en).toContain('(1 paragraph has figures that could not be linked to any table; run with --verbose for the full messages.)');
  });

  it('without narrative findings the report is as before', () => {
    const plainReport: FileResult = { ...report, findings: [tableFinding] };
    expect(formatFileText(plainReport, 'id')).toBe(
      [
        '== laporan.xlsx ==',
        '  Tabel yang dikenali (1):',
        '    - APBD  A5:E13  Tabel anggaran (APBN/APBD)',
        '  Temuan (1):',
        '    Lembar "APBD":',
        `      KESALAHAN   C6    ${tableFinding.message}`,
        '',
        '',
      ].join('\n'),
    );
  });

  it('a narrative file that failed, and the summary line', () => {
    expect(formatNarrativeFailureText({ file: 'lama.doc', error: { code: 'unsupported', message: 'Simpan sebagai .docx.' } }, 'id')).toBe(
      '== lama.doc ==\n  KESALAHAN Berkas narasi tidak dapat dibaca: Simpan sebagai .docx.\n  Buku kerja tetap diperiksa tanpa berkas narasi ini.\n\n',
    );
    expect(formatNarrativeFailureText({ file: 'ok.txt', paragraphs: 3 }, 'id')).toBe('');
    const counts = { filesRead: 2, filesFailed: 0, tables: 7, bySeverity: { error: 1, warning: 0, info: 3 } };
    expect(formatSummaryText(counts, 'id')).not.toContain('Narasi');
    expect(formatSummaryText({ ...counts, narratives: { read: 1, failed: 1 } }, 'en')).toMatch(
      /info\. Narrative: 1 file read, 1 failed\.\n$/,
    );
  });
});
