/**
 * Bad-input catalogue: a workbook shaped like a Google Sheets .xlsx export
 * (test/fixtures/google-sheets-shaped.xlsx, written by the script next to it;
 * that script's header lists each reproduced trait and its public source). It
 * holds the APBD table of the NTT sample, so the reader must see the same cells
 * and the engine must make the same findings as on the sample's APBD sheet.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { lakip, NTT } from '../cli/helpers';
import { brief } from '../core/helpers/sheet';

const fixture = require('../fixtures/google-sheets-shaped.js') as { parts(): [string, string][]; build(): Promise<Buffer>; OUT: string };

jest.setTimeout(60_000);

const FILE = path.join(__dirname, '..', 'fixtures', 'google-sheets-shaped.xlsx');

const APBD_ERRORS = [
  'error | parent-sum-mismatch | APBD | C6 | 38104680384 | 38177592484',
  'error | parent-sum-mismatch | APBD | D6 | 35388217376 | 35459525876',
  'error | percent-mismatch | APBD | E11 | 31.58 | 31.59',
];

let zip: JSZip;
beforeAll(async () => {
  zip = await JSZip.loadAsync(fs.readFileSync(FILE));
});

const text = (name: string): Promise<string> => zip.file(name)!.async('string');

describe('the fixture', () => {
  test('is exactly what test/fixtures/google-sheets-shaped.js writes', async () => {
    expect(fixture.OUT).toBe(FILE);
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(names).toEqual(fixture.parts().map(([n]) => n));
    for (const [name, xml] of fixture.parts()) expect(await text(name)).toBe(xml);
  });

  test('has the traits of a Google Sheets export that the script documents', async () => {
    // 1. no document properties, no <dimension>
    expect(Object.keys(zip.files).filter((n) => n.startsWith('docProps/'))).toEqual([]);
    expect(await text('_rels/.rels')).not.toMatch(/docProps/);
    const sheet1 = await text('xl/worksheets/sheet1.xml');
    const sheet2 = await text('xl/worksheets/sheet2.xml');
    for (const s of [sheet1, sheet2]) expect(s).not.toMatch(/<dimension/);
    // 2. worksheet shape
    expect(sheet1).toMatch(/^<\?xml[^>]*>\n<worksheet xmlns="[^"]+" xmlns:r="[^"]+" xmlns:mx=/);
    expect(sheet1).not.toMatch(/mc:Ignorable/);
    expect(sheet1).toContain('<sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.75"/>');
    expect(sheet1).toContain('<row r="1" ht="15.75" customHeight="1"><c r="A1" s="1" t="s">');
    expect(sheet1).toMatch(/<\/mergeCells><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(await text('xl/drawings/drawing1.xml')).toMatch(/<xdr:wsDr [^>]*\/>$/); // an empty drawing
    // 3. workbook part, no theme
    const wb = await text('xl/workbook.xml');
    expect(wb).toContain('<workbookPr/><sheets><sheet state="visible" name="APBD" sheetId="1" r:id="rId3"/>');
    expect(wb).toContain('</sheets><definedNames/><calcPr/></workbook>');
    expect(Object.keys(zip.files).some((n) => n.includes('theme'))).toBe(false);
    // 4. styles
    const styles = await text('xl/styles.xml');
    expect(styles).toContain('<alignment/></xf>');
    expect(styles).toContain('<sz val="10.0"/>');
    expect(styles).toContain('<font/>');
    expect(styles).toContain('<border><left/><right/><top/><bottom/></border>');
    // 5. an empty cell left out (A13), styled empty rows after the data
    expect(sheet1).toMatch(/<row r="13"><c r="B13" /);
    expect(sheet1).toContain('<row r="16" ht="15.75" customHeight="1"><c r="A16" s="3"/>');
    // 6. a chart anchored to one cell on an ordinary worksheet
    expect(await text('xl/drawings/drawing2.xml')).toMatch(/<xdr:oneCellAnchor>.*<c:chart r:id="rId1"\/>/);
    // and a formula with a text result
    expect(sheet2).toContain('t="str"><f>CONCATENATE(');
  });
});

describe('reading it', () => {
  let sampleApbd: SheetSnapshot;
  beforeAll(async () => {
    sampleApbd = (await readWorkbookFile(NTT)).sheets.find((s) => s.name === 'APBD')!;
  });

  test('the APBD sheet comes out cell for cell as in the sample; the Grafik sheet (a chart over cells) keeps its formulas and cached results', async () => {
    const snap = await readWorkbookFile(FILE);
    expect(snap.sheets.map((s) => [s.name, s.kind ?? 'worksheet', s.visibility])).toEqual([
      ['APBD', 'worksheet', 'Visible'],
      ['Grafik', 'worksheet', 'Visible'],
    ]);
    const apbd = snap.sheets[0];
    // The styled empty rows 14-16 do not extend the sheet.
    expect(apbd.values.length).toBe(13);
    for (const k of ['origin', 'values', 'text', 'formulas', 'numberFormat', 'valueTypes', 'merges'] as const) {
      expect([k, apbd[k]]).toEqual([k, sampleApbd[k]]);
    }
    const grafik = snap.sheets[1];
    expect(grafik.values).toEqual([['Sumber: Dinas Sosial Provinsi NTT'], [2718066608]]);
    expect(grafik.formulas).toEqual([['=CONCATENATE("Sumber: ","Dinas Sosial Provinsi NTT")'], ['=APBD!C13-APBD!D13']]);
    expect(grafik.valueTypes).toEqual([['String'], ['Double']]);
    // The buffer reader (the browser preview's) agrees.
    expect(await readWorkbookBuffer(new Uint8Array(fs.readFileSync(FILE)), 'google-sheets-shaped.xlsx')).toEqual(snap);
  });

  test('analyzeWorkbook makes the same findings on APBD as on the sample, and none elsewhere', async () => {
    const sample = analyzeWorkbook(await readWorkbookFile(NTT));
    const sampleApbdFindings = sample.findings.filter((f) => f.sheet === 'APBD').map(brief);
    for (const lang of ['id', 'en'] as const) {
      const r = analyzeWorkbook(await readWorkbookFile(FILE), { lang });
      expect(r.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual([['APBD', 'A5:E13', 'budget']]);
      expect(r.findings.map(brief)).toEqual(sampleApbdFindings);
      expect(r.findings.filter((f) => f.severity === 'error').map(brief)).toEqual(APBD_ERRORS);
    }
  });

  test('`lakip check` (text and JSON) reports exactly those findings, exit 0', async () => {
    const r = analyzeWorkbook(await readWorkbookFile(FILE), { lang: 'id' });

    const txt = await lakip(['check', FILE]);
    expect(txt.code).toBe(0);
    expect(txt.stderr).toBe('');
    expect(txt.stdout).toMatch(/- APBD\s+A5:E13\s+Tabel anggaran \(APBN\/APBD\)/);
    expect(txt.stdout).toMatch(/KESALAHAN\s+C6\s+ANGGARAN pada "Urusan Pemerintahan Bidang Sosial" tertulis 38\.177\.592\.484/);
    expect(txt.stdout).toMatch(/KESALAHAN\s+E11\s+Persentase pada "Program Perlindungan dan Jaminan Sosial" tertulis 31,59/);
    for (const f of r.findings) expect(txt.stdout).toContain(f.message.replace(/\s*[\r\n]+\s*/g, ' '));
    expect(txt.stdout).not.toMatch(/Grafik|Sumber/);
    expect(txt.stdout).toContain(`Ringkasan: 1 berkas dibaca, 0 gagal dibaca, 1 tabel; temuan: 3 kesalahan`);

    const json = await lakip(['check', FILE, '--format', 'json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { files: { tables: unknown[]; findings: { code: string; cell: string; sheet: string; message: string }[] }[] };
    expect(out.files[0].tables).toEqual([{ sheet: 'APBD', range: 'A5:E13', kind: 'budget', confidence: 'high', lowConfidence: [] }]);
    expect(out.files[0].findings.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual(r.findings.map((f) => [f.code, f.sheet, f.cell, f.message]));
  });
});

test('the script reproduces the committed bytes', async () => {
  // Fixed dates and part order make the zip reproducible (same zlib build assumed).
  expect(Buffer.compare(await fixture.build(), fs.readFileSync(FILE))).toBe(0);
});
