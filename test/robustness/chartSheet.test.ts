/**
 * Bad-input catalogue: a workbook with a chart sheet, through the whole engine.
 *
 * A chart sheet (xl/chartsheets/sheetN.xml) has no cells. exceljs drops it; the
 * reader lists it (kind 'chart') so sheet order stays right; analyzeWorkbook must
 * skip it, the worksheets around it must still be checked, and `lakip check`
 * must not mention it at all (no table, no finding, no "empty sheet" noise).
 *
 * The chart sheet is added to an exceljs-written workbook the way Excel saves
 * one: the chartsheet part, its relationship to a drawing with an absolute
 * anchor, the drawing's relationship to a bar chart over the PMKS table, content
 * types for all three, and a print area defined on the sheet after the chart
 * (localSheetId counts chart sheets, exceljs's worksheet list does not).
 * The approach follows test/xlsx/generated.test.ts, which adds a bare chartsheet.
 */
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { lakip, rmDir, tmpDir } from '../cli/helpers';
import { brief } from '../core/helpers/sheet';

jest.setTimeout(60_000);

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CHART_SHEET = 'Grafik PMKS';

/** Two worksheets, each with one planted error: Populasi total in the PMKS table, ANGGARAN total in the budget table. */
async function baseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const pmks = wb.addWorksheet('Indikator 1 PMKS');
  pmks.addRows([
    ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan'],
    [1, 'Anak Terlantar', 100, 40, 20, 50, 60, null],
    [2, 'Gelandangan', 10, 4, 2, 50, 6, null],
    [3, 'Pengemis', 0, 0, 0, 0, 0, null],
    [null, 'Jumlah', 112, 44, 22, 50, 66, null], // C5: 112, should be 110
  ]);
  const apbd = wb.addWorksheet('APBD');
  apbd.addRows([
    ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
    [1, 'Program Rehabilitasi Sosial', 1000, 900, 90],
    [2, 'Program Perlindungan dan Jaminan Sosial', 3000, 1500, 50],
    [null, 'TOTAL', 4100, 2400, 60], // C4: 4100, should be 4000 (the % agrees with the written total)
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CHARTSHEET_XML =
  XML_HEAD +
  `<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetPr/><sheetViews><sheetView zoomScale="96" workbookViewId="0" zoomToFit="1"/></sheetViews>` +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;

const CHARTSHEET_RELS =
  XML_HEAD +
  `<Relationships xmlns="${NS_PKG_RELS}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`;

const DRAWING_XML =
  XML_HEAD +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9294091" cy="6079671"/>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Bagan 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
  '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/>` +
  '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>';

const DRAWING_RELS =
  XML_HEAD +
  `<Relationships xmlns="${NS_PKG_RELS}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`;

/** A bar chart of Populasi per Jenis PMKS, with cached values as Excel stores them. */
const CHART_XML =
  XML_HEAD +
  `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
  '<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Populasi PMKS 2021</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>' +
  '<c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:strRef><c:f>'Indikator 1 PMKS'!$C$1</c:f></c:strRef></c:tx>" +
  "<c:cat><c:strRef><c:f>'Indikator 1 PMKS'!$B$2:$B$4</c:f><c:strCache><c:ptCount val=\"3\"/>" +
  '<c:pt idx="0"><c:v>Anak Terlantar</c:v></c:pt><c:pt idx="1"><c:v>Gelandangan</c:v></c:pt><c:pt idx="2"><c:v>Pengemis</c:v></c:pt></c:strCache></c:strRef></c:cat>' +
  "<c:val><c:numRef><c:f>'Indikator 1 PMKS'!$C$2:$C$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"3\"/>" +
  '<c:pt idx="0"><c:v>100</c:v></c:pt><c:pt idx="1"><c:v>10</c:v></c:pt><c:pt idx="2"><c:v>0</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>' +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart>' +
  '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
  '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

/** Adds a chart sheet named {@link CHART_SHEET} between the two worksheets, as Excel would save it. */
async function withChartSheet(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  // exceljs writes no drawings for these sheets; make sure the names are free.
  for (const p of ['xl/chartsheets/sheet1.xml', 'xl/drawings/drawing1.xml', 'xl/charts/chart1.xml']) expect(zip.file(p)).toBeNull();

  zip.file('xl/chartsheets/sheet1.xml', CHARTSHEET_XML);
  zip.file('xl/chartsheets/_rels/sheet1.xml.rels', CHARTSHEET_RELS);
  zip.file('xl/drawings/drawing1.xml', DRAWING_XML);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', DRAWING_RELS);
  zip.file('xl/charts/chart1.xml', CHART_XML);

  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    ct.replace(
      '</Types>',
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );

  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace('</Relationships>', `<Relationship Id="rIdGrafik" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
  );

  // Insert the chart sheet after the first worksheet, and a print area on 'APBD', which is now sheet index 2.
  let wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const firstSheetEnd = wbXml.indexOf('/>', wbXml.indexOf('<sheet ')) + 2;
  expect(firstSheetEnd).toBeGreaterThan(1);
  wbXml = wbXml.slice(0, firstSheetEnd) + `<sheet name="${CHART_SHEET}" sheetId="9" r:id="rIdGrafik"/>` + wbXml.slice(firstSheetEnd);
  const printArea = '<definedName name="_xlnm.Print_Area" localSheetId="2">APBD!$A$1:$E$4</definedName>';
  wbXml = /<definedNames\s*\/>/.test(wbXml)
    ? wbXml.replace(/<definedNames\s*\/>/, `<definedNames>${printArea}</definedNames>`)
    : wbXml.includes('<definedNames>')
      ? wbXml.replace('<definedNames>', `<definedNames>${printArea}`)
      : wbXml.replace('</sheets>', `</sheets><definedNames>${printArea}</definedNames>`);
  zip.file('xl/workbook.xml', wbXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const EXPECTED_FINDINGS = [
  'error | total-mismatch | Indikator 1 PMKS | C5 | 110 | 112',
  'error | total-mismatch | APBD | C4 | 4000 | 4100',
];

let dir: string;
let file: string;
let plainFile: string;
beforeAll(async () => {
  dir = tmpDir('lakip-chartsheet-');
  const base = await baseWorkbook();
  plainFile = path.join(dir, 'tanpa-grafik.xlsx');
  fs.writeFileSync(plainFile, base);
  file = path.join(dir, 'dengan-grafik.xlsx');
  fs.writeFileSync(file, await withChartSheet(base));
});
afterAll(() => rmDir(dir));

describe('a workbook with a chart sheet between two worksheets', () => {
  test('the reader lists the chart sheet in workbook order, empty, and reads both worksheets in full', async () => {
    const snap = await readWorkbookFile(file);
    expect(snap.sheets.map((s) => [s.name, s.kind ?? 'worksheet'])).toEqual([
      ['Indikator 1 PMKS', 'worksheet'],
      [CHART_SHEET, 'chart'],
      ['APBD', 'worksheet'],
    ]);
    expect(snap.sheets[1]).toMatchObject({ values: [], text: [], formulas: [], merges: [], visibility: 'Visible' });
    // The worksheets come out exactly as without the chart sheet.
    const plain = await readWorkbookFile(plainFile);
    expect(snap.sheets.filter((s) => s.kind !== 'chart')).toEqual(plain.sheets);
    // The buffer reader (the preview's) gives the same snapshot.
    expect(await readWorkbookBuffer(new Uint8Array(fs.readFileSync(file)), 'dengan-grafik.xlsx')).toEqual(snap);
  });

  test('analyzeWorkbook skips the chart sheet and finds the planted errors on both worksheets', async () => {
    const snap = await readWorkbookFile(file);
    for (const lang of ['id', 'en'] as const) {
      const r = analyzeWorkbook(snap, { lang });
      expect(r.tables.map((t) => [t.sheet, t.range, t.kind])).toEqual([
        ['Indikator 1 PMKS', 'A1:H5', 'pmks'],
        ['APBD', 'A1:E4', 'budget'],
      ]);
      expect(r.findings.filter((f) => f.severity === 'error').map(brief)).toEqual(EXPECTED_FINDINGS);
      expect(r.findings.some((f) => f.sheet === CHART_SHEET)).toBe(false);
      // Same report as the workbook without the chart sheet.
      expect(r).toEqual(analyzeWorkbook(await readWorkbookFile(plainFile), { lang }));
    }
  });

  test('`lakip check` text output: exit 0, both tables and both findings, no word about the chart sheet', async () => {
    const res = await lakip(['check', file]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout).not.toContain(CHART_SHEET);
    expect(res.stdout.split(file).join('')).not.toMatch(/grafik|chart/i); // the file's own name aside
    expect(res.stdout).toContain('Tabel yang dikenali (2):');
    expect(res.stdout).toMatch(/- Indikator 1 PMKS\s+A1:H5\s+Tabel PMKS/);
    expect(res.stdout).toMatch(/- APBD\s+A1:E4\s+Tabel anggaran/);
    expect(res.stdout).toMatch(/KESALAHAN\s+C5\s/);
    expect(res.stdout).toMatch(/KESALAHAN\s+C4\s/);
    expect(res.stdout).toContain('Ringkasan: 1 berkas dibaca, 0 gagal dibaca, 2 tabel');
    // Identical to the report on the same workbook without a chart sheet, apart from the file name.
    const plain = await lakip(['check', plainFile]);
    expect(res.stdout.split(file).join('X')).toBe(plain.stdout.split(plainFile).join('X'));
  });

  test('`lakip check --format json --lang en`: the chart sheet appears in no table and no finding', async () => {
    const res = await lakip(['check', file, '--format', 'json', '--lang', 'en', '--fail-on', 'error']);
    expect(res.code).toBe(1); // findings at --fail-on error, not a read failure (2)
    const out = JSON.parse(res.stdout) as { files: { file: string; error?: unknown; tables: { sheet: string }[]; findings: { sheet: string; code: string; cell: string }[] }[] };
    expect(out.files).toHaveLength(1);
    expect(out.files[0].error).toBeUndefined();
    expect(out.files[0].tables.map((t) => t.sheet)).toEqual(['Indikator 1 PMKS', 'APBD']);
    expect(out.files[0].findings.filter((f) => f.code === 'total-mismatch').map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      'Indikator 1 PMKS!C5',
      'APBD!C4',
    ]);
    expect(res.stdout).not.toContain(CHART_SHEET);
    expect(res.stderr).toContain('Summary: 1 file read, 0 failed, 2 tables');
  });

  test('a workbook whose only sheet is a chart sheet: read, no tables, no findings, exit 0', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    let wbXml = await zip.file('xl/workbook.xml')!.async('string');
    wbXml = wbXml.replace(/<sheet [^>]*name="(Indikator 1 PMKS|APBD)"[^>]*\/>/g, '').replace(/<definedNames>.*<\/definedNames>/, '<definedNames/>');
    zip.file('xl/workbook.xml', wbXml);
    const only = path.join(dir, 'hanya-grafik.xlsx');
    fs.writeFileSync(only, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const snap = await readWorkbookFile(only);
    expect(snap.sheets.map((s) => [s.name, s.kind])).toEqual([[CHART_SHEET, 'chart']]);
    expect(analyzeWorkbook(snap)).toEqual({ tables: [], findings: [] });
    const res = await lakip(['check', only]);
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain(CHART_SHEET);
    expect(res.stdout).toContain('Ringkasan: 1 berkas dibaca, 0 gagal dibaca, 0 tabel');
  });
});
