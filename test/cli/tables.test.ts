/**
 * `lakip tables`. buildTableSpecs is mocked so the CLI can be tested against the
 * hand-made fixture specs; by default the mock calls the real build.ts, which the
 * real-sample tests at the end use.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { buildTableSpecs } from '../../src/core/tables/build';
import type { TableSpec, TableSpecKind } from '../../src/core/tables/types';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { ALL_SPECS, belanjaSpec, HYPERLINK_TEXT, SCRIPT_TEXT } from '../core/tables/fixtureSpecs';
import { FLOTIM, lakip, NTT, rmDir, tmpDir } from './helpers';
import { FLOTIM_SCALE } from '../fixtures/scales';

jest.mock('../../src/core/tables/build', () => ({ buildTableSpecs: jest.fn() }));

const build = buildTableSpecs as jest.MockedFunction<typeof buildTableSpecs>;
const realBuild: typeof buildTableSpecs = (...args) =>
  jest.requireActual<{ buildTableSpecs: typeof buildTableSpecs }>('../../src/core/tables/build').buildTableSpecs(...args);
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function docxTables(file: string): Promise<string[][][]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const direct = (el: XmlElement, name: string): XmlElement[] =>
    (Array.from(el.childNodes) as XmlElement[]).filter((n) => n.nodeType === 1 && n.localName === name);
  return (Array.from(doc.getElementsByTagNameNS(W, 'tbl')) as XmlElement[]).map((tbl) =>
    direct(tbl, 'tr').map((tr) =>
      direct(tr, 'tc').map((tc) =>
        (Array.from(tc.getElementsByTagNameNS(W, 't')) as XmlElement[]).map((t) => t.textContent ?? '').join(''),
      ),
    ),
  );
}

let dir: string;
beforeEach(() => {
  dir = tmpDir('lakip-tables-');
  // Unless a test says otherwise, the real build runs.
  build.mockReset();
  build.mockImplementation(realBuild);
});
afterEach(() => rmDir(dir));

describe('lakip tables (stubbed build)', () => {
  test('writes the .docx and the .html and lists the tables written', async () => {
    build.mockReturnValueOnce(ALL_SPECS);
    const out = path.join(dir, 'tabel-lakip.docx');
    const html = path.join(dir, 'tabel-lakip.html');
    const r = await lakip(['tables', NTT, '--out', out, '--html', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`== ${NTT} ==`);
    expect(r.stdout).toContain('Tabel yang ditulis seperti di buku kerja (5):');
    expect(r.stdout).toContain('- Tabel 3.2 Realisasi Belanja Langsung APBD TA. 2020 (belanja, 4 baris)');
    expect(r.stdout).toContain('- Tabel 3.4 Penanganan PMKS Tahun 2021 (pmks, 3 baris)');
    expect(r.stdout).toContain('- Tabel 3.5 Pencapaian SPM Bidang Sosial (spm, 2 baris)');
    expect(r.stdout).toContain('- ALOKASI DAN REALISASI ANGGARAN DANA APBD (anggaran, 5 baris)');
    expect(r.stdout).toContain(`Dokumen Word: ${out}`);
    expect(r.stdout).toContain(`Halaman HTML: ${html}`);

    const tables = await docxTables(out);
    expect(tables).toHaveLength(5);
    expect(tables[4].at(-1)).toEqual(['JUMLAH BELANJA LANGSUNG', '300.000', '250.000', '83,33']);
    expect(tables.flat(2)).toEqual(expect.arrayContaining([SCRIPT_TEXT, HYPERLINK_TEXT]));

    const page = fs.readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.match(/<table /g)).toHaveLength(5);
    expect(page).not.toContain('<script');
    // No temporary files left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['tabel-lakip.docx', 'tabel-lakip.html']);
  });

  test('--out alone or --html alone is enough', async () => {
    build.mockReturnValueOnce([belanjaSpec]).mockReturnValueOnce([belanjaSpec]);
    const out = path.join(dir, 'a.docx');
    expect((await lakip(['tables', NTT, '--out', out])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const html = path.join(dir, 'a.html');
    const r = await lakip(['tables', NTT, '--html', html]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Dokumen Word');
    expect(fs.readFileSync(html, 'utf8')).toContain('JUMLAH BELANJA LANGSUNG');
  });

  test('passes --scale, --marker and --lang to the build', async () => {
    build.mockReturnValueOnce([belanjaSpec]);
    const r = await lakip(['tables', NTT, '--html', path.join(dir, 'x.html'), '--scale', FLOTIM_SCALE, '--marker', 'Urusan Pusat', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(build).toHaveBeenCalledTimes(1);
    expect(build.mock.calls[0][1]).toEqual({ lang: 'en', scale: FLOTIM_SCALE, pusatMarker: 'Urusan Pusat' });
    expect(r.stdout).toContain('Tables written as in the workbook (1):');
    expect(r.stdout).toContain('(belanja, 4 rows)');
    expect(r.stdout).toContain('HTML page:');
    expect(fs.readFileSync(path.join(dir, 'x.html'), 'utf8')).toContain('<html lang="en">');
  });

  test('an existing output is replaced', async () => {
    build.mockReturnValueOnce([belanjaSpec]);
    const html = path.join(dir, 'old.html');
    fs.writeFileSync(html, 'old');
    expect((await lakip(['tables', NTT, '--html', html])).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toContain('<!DOCTYPE html>');
  });

  test('no table recognised: exit 65, nothing written', async () => {
    build.mockReturnValueOnce([]);
    const out = path.join(dir, 'a.docx');
    const r = await lakip(['tables', NTT, '--out', out]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('Tidak ada tabel laporan');
    expect(r.stderr).toContain(`lakip check ${NTT}`);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a program error while building: exit 70 with the file named', async () => {
    build.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const r = await lakip(['tables', NTT, '--out', path.join(dir, 'a.docx')]);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain(NTT);
    expect(r.stderr).toContain('boom');
  });
});

describe('lakip tables: usage errors (64)', () => {
  test('no output named', async () => {
    const r = await lakip(['tables', NTT]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('lakip: kesalahan penggunaan: sebutkan berkas keluaran dengan --out');
    expect(r.stderr).toContain('Jalankan "lakip tables --help"');
    expect(build).not.toHaveBeenCalled();
  });

  test('no input named', async () => {
    const r = await lakip(['tables', '--out', path.join(dir, 'a.docx')]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('berkas .xlsx belum disebutkan');
  });

  test('two inputs', async () => {
    const r = await lakip(['tables', NTT, FLOTIM, '--out', path.join(dir, 'a.docx')]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('argumen terlalu banyak');
  });

  test('never overwrites the input: --out or --html naming the input, however spelled', async () => {
    const input = path.join(dir, 'laporan.xlsx');
    fs.copyFileSync(NTT, input);
    const before = fs.readFileSync(input);
    const link = path.join(dir, 'link');
    fs.symlinkSync(dir, link);
    const spellings = [input, path.join(dir, '.', 'sub', '..', 'laporan.xlsx'), path.relative(process.cwd(), input), path.join(link, 'laporan.xlsx')];
    for (const same of spellings) {
      for (const option of ['--out', '--html']) {
        const r = await lakip(['tables', input, option, same]);
        expect(r.code).toBe(64);
        expect(r.stderr).toContain('adalah berkas masukan itu sendiri; berkas masukan tidak akan ditimpa');
        expect(r.stderr).toContain(option);
      }
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(build).not.toHaveBeenCalled();
  });

  test('--out and --html naming the same file; wrong extensions', async () => {
    const same = path.join(dir, 'a.html');
    expect((await lakip(['tables', NTT, '--out', same, '--html', same])).stderr).toContain('menunjuk berkas yang sama');
    const r1 = await lakip(['tables', NTT, '--out', path.join(dir, 'a.pdf')]);
    expect(r1.code).toBe(64);
    expect(r1.stderr).toContain('harus berakhiran .docx');
    const r2 = await lakip(['tables', NTT, '--html', path.join(dir, 'a.txt')]);
    expect(r2.code).toBe(64);
    expect(r2.stderr).toContain('harus berakhiran .html');
  });

  test('bad --lang or --scale', async () => {
    const r = await lakip(['tables', NTT, '--out', path.join(dir, 'a.docx'), '--lang', 'fr']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('"fr" tidak berlaku untuk --lang');
    const s = await lakip(['tables', NTT, '--out', path.join(dir, 'a.docx'), '--scale', 'x']);
    expect(s.code).toBe(64);
    expect(s.stderr).toContain('--scale');
  });

  test('English usage messages', async () => {
    const r = await lakip(['tables', NTT, '--lang', 'en']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('lakip: usage error: name an output with --out');
  });
});

describe('lakip tables: unreadable input (2) and unwritable output (73)', () => {
  test('a missing or non-xlsx input: exit 2 with the same message as check', async () => {
    const missing = path.join(dir, 'tidak-ada.xlsx');
    const junk = path.join(dir, 'bukan.xlsx');
    fs.writeFileSync(junk, 'No;Uraian\n1;a\n');
    for (const file of [missing, junk]) {
      const r = await lakip(['tables', file, '--out', path.join(dir, 'a.docx')]);
      expect(r.code).toBe(2);
      const check = await lakip(['check', file]);
      const message = /Berkas tidak dapat dibaca: (.*)/.exec(check.stdout)![1];
      expect(r.stderr).toBe(`lakip: ${message}\n`);
      expect(fs.existsSync(path.join(dir, 'a.docx'))).toBe(false);
    }
    expect(build).not.toHaveBeenCalled();
    const en = await lakip(['tables', missing, '--out', path.join(dir, 'a.docx'), '--lang', 'en']);
    expect(en.stderr).toContain('was not found');
  });

  test('an output folder that does not exist: exit 73 naming the path', async () => {
    build.mockReturnValueOnce([belanjaSpec]);
    const out = path.join(dir, 'tidak', 'ada', 'tabel.docx');
    const r = await lakip(['tables', NTT, '--out', out]);
    expect(r.code).toBe(73);
    expect(r.stderr).toBe(`lakip: Berkas "${out}" tidak dapat ditulis: foldernya tidak ada. Buat foldernya dulu atau pilih folder lain.\n`);
    expect(r.stdout).toBe('');
  });

  test('an output that is a folder: exit 73; the other output is still written and listed', async () => {
    build.mockReturnValueOnce([belanjaSpec]);
    const folder = path.join(dir, 'tabel.docx');
    fs.mkdirSync(folder);
    const html = path.join(dir, 'tabel.html');
    const r = await lakip(['tables', NTT, '--out', folder, '--html', html, '--lang', 'en']);
    expect(r.code).toBe(73);
    expect(r.stderr).toContain(`Cannot write "${folder}"`);
    expect(fs.existsSync(html)).toBe(true);
    expect(r.stdout).toContain(`HTML page: ${html}`);
    expect(r.stdout).not.toContain('Word document');
    expect(fs.readdirSync(dir).sort()).toEqual(['tabel.docx', 'tabel.html']);
  });

  test('a path through a file: exit 73', async () => {
    build.mockReturnValueOnce([belanjaSpec]);
    const file = path.join(dir, 'berkas');
    fs.writeFileSync(file, 'x');
    const r = await lakip(['tables', NTT, '--out', path.join(file, 'a.docx')]);
    expect(r.code).toBe(73);
    expect(r.stderr).toContain('bukan folder');
  });

  test('the output open in Word (EBUSY on Windows): exit 73 saying so; no temporary file left', async () => {
    build.mockReturnValueOnce([belanjaSpec]);
    const out = path.join(dir, 'a.docx');
    // The module object itself: the CLI's `import * as fs` reads through to it.
    const rename = jest.spyOn(jest.requireActual<typeof fs>('fs'), 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    });
    try {
      const r = await lakip(['tables', NTT, '--out', out]);
      expect(r.code).toBe(73);
      expect(r.stderr).toContain(`Berkas "${out}" tidak dapat ditulis: tidak ada izin menulis, atau berkas itu sedang dibuka di program lain (misalnya Word)`);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      rename.mockRestore();
    }
  });
});

describe('lakip tables: as in the workbook, or with the accepted fixes', () => {
  test('by default the tables are the workbook as it is: a wrong total stays as typed and its note says the check flags it', async () => {
    const html = path.join(dir, 'asis.html');
    const r = await lakip(['tables', NTT, '--html', html]);
    expect(r.code).toBe(0);
    expect(build.mock.calls[0][1]).toEqual({ lang: 'id' });
    expect(r.stdout).toContain('Tabel yang ditulis seperti di buku kerja (5):');
    expect(r.stdout).toMatch(/- Indikator 1 : Presentase Penduduk Miskin.* \(pmks, 27 baris\): 13 nilai ditandai pemeriksaan\n/);
    expect(r.stdout).toMatch(/ALOKASI DAN REALISASI PELAKSANAAN ANGGARAN DANA APBN \(anggaran, 7 baris\)\n/);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('>2.560.142<');
    expect(page).not.toContain('>2.579.089<');
    expect(page).toContain('Catatan: pemeriksaan menandai 13 nilai di tabel ini');
  });

  test('--with-fixes: the fixed values, and a note in the .docx and the HTML listing each value that differs', async () => {
    const out = path.join(dir, 'fixed.docx');
    const html = path.join(dir, 'fixed.html');
    const r = await lakip(['tables', NTT, '--out', out, '--html', html, '--with-fixes']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(build.mock.calls[0][1]).toEqual({ lang: 'id', withFixes: true });
    expect(r.stdout).toContain('Tabel yang ditulis dengan perbaikan yang diterima (5):');
    expect(r.stdout).toMatch(/\(pmks, 27 baris\): 11 nilai berbeda dari buku kerja, 2 nilai ditandai pemeriksaan\n/);
    const line = "baris 'TOTAL', kolom 'Populasi 2021' (D30): 2.579.089 (di buku kerja: 2.560.142)";
    expect(fs.readFileSync(html, 'utf8')).toContain(line.replace(/'/g, '&#39;'));
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.replace(/&apos;/g, "'")).toContain(line);
    expect((await docxTables(out))[0].at(-1)).toEqual(expect.arrayContaining(['TOTAL', '2.579.089']));
  });

  test('in English', async () => {
    const r = await lakip(['tables', NTT, '--html', path.join(dir, 'en.html'), '--with-fixes', '--lang', 'en']);
    expect(r.stdout).toContain('Tables written with the accepted fixes (5):');
    expect(r.stdout).toContain('(pmks, 27 rows): 11 values differ from the workbook, 2 values flagged by the check');
    expect(fs.readFileSync(path.join(dir, 'en.html'), 'utf8')).toContain('Note: with the accepted fixes, these values differ from the workbook:');
  });
});

describe('lakip tables: tables recognised with low confidence', () => {
  const low: TableSpec = { ...belanjaSpec, id: 'belanja-ragu', from: { sheet: 'Ragu', range: 'A1:E9' }, lowConfidence: { table: false, columns: ['Serapan'] } };

  test('are skipped with a warning on stderr; the others are written', async () => {
    build.mockReturnValueOnce([low, ALL_SPECS[0]]);
    const html = path.join(dir, 'low.html');
    const r = await lakip(['tables', NTT, '--html', html]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'lakip: peringatan: tabel "Tabel 3.2 Realisasi Belanja Langsung APBD TA. 2020" (Ragu!A1:E9) dikenali dengan keyakinan rendah (kolom "Serapan" dibaca dari isinya saja); ' +
        'tabel ini tidak ditulis. Periksa tabelnya, atau tambahkan --include-low-confidence untuk tetap menulisnya.\n',
    );
    expect(r.stdout).toContain('(1):');
    expect(fs.readFileSync(html, 'utf8')).not.toContain('id="tabel-belanja-ragu"');
  });

  test('only low-confidence tables: exit 65, nothing written', async () => {
    build.mockReturnValueOnce([low]);
    const html = path.join(dir, 'none.html');
    const r = await lakip(['tables', NTT, '--html', html, '--lang', 'en']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('warning: table "Tabel 3.2 Realisasi Belanja Langsung APBD TA. 2020" (Ragu!A1:E9) was recognised with low confidence (column "Serapan" read from the cells alone); it was not written.');
    expect(r.stderr).toContain('Every report table in');
    expect(fs.existsSync(html)).toBe(false);
  });

  test('--include-low-confidence writes them, still with the warning', async () => {
    build.mockReturnValueOnce([{ ...low, lowConfidence: { table: true, columns: [] } }]);
    const html = path.join(dir, 'incl.html');
    const r = await lakip(['tables', NTT, '--html', html, '--include-low-confidence']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('dikenali dengan keyakinan rendah (judul kolomnya tidak dikenal); tetap ditulis karena --include-low-confidence: periksa isinya sebelum dipakai.');
    expect(fs.readFileSync(html, 'utf8')).toContain('id="tabel-belanja-ragu"');
  });
});

describe('lakip tables: help', () => {
  test('tables --help in Bahasa Indonesia with English in parentheses', async () => {
    const r = await lakip(['tables', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cara pakai (usage): lakip tables <berkas> [opsi]');
    expect(r.stdout).toContain('--out <berkas.docx>');
    expect(r.stdout).toContain('--html <berkas.html>');
    // Commander wraps the option texts to the terminal: compared with spaces flattened.
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('(Write the report tables to a Word document (.docx) and/or an HTML page, as in the workbook or with the accepted fixes.)');
    expect(flat).toContain('--with-fixes susun tabel dengan perbaikan mekanis yang diterima');
    expect(flat).toContain('--include-low-confidence tulis juga tabel yang dikenali dengan keyakinan rendah');
    expect(flat).toContain('(Tables are built as in the workbook: values the check flags stay as typed');
    expect(flat).toContain('Tables recognised with low confidence are skipped with a warning unless --include-low-confidence (then written, with the warning).');
    expect(r.stdout).toMatch(/73 +berkas keluaran tidak dapat ditulis \(an output file could not be written\)/);
  });

  test('the main help lists the command', async () => {
    const r = await lakip(['--help']);
    expect(r.stdout).toMatch(/tables \[options\] \[berkas\]/);
  });
});

describe('lakip tables on the bundled samples (real build)', () => {
  const kindsSeen = new Set<TableSpecKind>();

  for (const [name, sample] of [
    ['ntt', NTT],
    ['flotim', FLOTIM],
  ] as const) {
    test(`${name}: every table built from the sample is in the .docx and the HTML`, async () => {
      const expected: TableSpec[] = realBuild(await readWorkbookFile(sample), { lang: 'id' });
      expect(expected.length).toBeGreaterThan(0);

      const out = path.join(dir, `tabel-${name}.docx`);
      const html = path.join(dir, `tabel-${name}.html`);
      // Flores Timur's staff tables have figure columns read from their cells alone: written, each with its warning.
      const r = await lakip(['tables', sample, '--out', out, '--html', html, '--include-low-confidence']);
      const warned = r.stderr.split('\n').filter(Boolean);
      expect(warned).toHaveLength(expected.filter((s) => s.lowConfidence).length);
      for (const line of warned) expect(line).toMatch(/\(Tabel 1\.[12]!A6:G12\) dikenali dengan keyakinan rendah/);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Tabel yang ditulis seperti di buku kerja (${expected.length}):`);

      const tables = await docxTables(out);
      const page = fs.readFileSync(html, 'utf8');
      expect(tables).toHaveLength(expected.length);
      expect(page.match(/<table /g)).toHaveLength(expected.length);
      expected.forEach((spec, i) => {
        kindsSeen.add(spec.kind);
        expect(r.stdout).toContain(`(${spec.kind}, ${spec.bodyRows.length} baris)`);
        // The .docx table: header rows, then one row per body row, its header cells first.
        expect(tables[i]).toHaveLength(spec.headerRows.length + spec.bodyRows.length);
        expect(tables[i][0].filter((t) => t !== '')).toEqual(spec.headerRows[0].map((c) => c.text).filter((t) => t !== ''));
        const totalRow = spec.bodyRows.findIndex((row) => row.role === 'total');
        if (totalRow >= 0) {
          const docxTotal = tables[i][spec.headerRows.length + totalRow];
          for (const c of spec.bodyRows[totalRow].cells) if (c.text) expect(docxTotal).toContain(c.text);
        }
        // The HTML table: its anchor, title lines and every number printed.
        expect(page).toContain(`id="tabel-${spec.id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')}"`);
        for (const line of spec.titleLines) expect(page).toContain(line.replace(/&/g, '&amp;'));
        for (const row of spec.bodyRows) for (const c of row.cells) if (c.value !== undefined) expect(page).toContain(`>${c.text}<`);
      });
    });
  }

  test('between them the samples give every kind of table', () => {
    expect([...kindsSeen].sort()).toEqual(['anggaran', 'belanja', 'capaian', 'count', 'pmks', 'spm']);
  });
});
