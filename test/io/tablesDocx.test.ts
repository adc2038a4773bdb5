/**
 * The .docx is read back, not trusted: unzipped with jszip, word/document.xml parsed
 * with @xmldom/xmldom, and the tables' cells, spans, header rows, page setup and
 * fonts checked in the XML Word will read.
 */
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { textEm } from '../../src/core/tables/html';
import { tablesToDocx } from '../../src/io/tablesDocx';
import type { TableSpec } from '../../src/core/tables/types';
import { ALL_SPECS, anggaranSpec, belanjaSpec, capaianSpec, HYPERLINK_TEXT, pmksSpec, SCRIPT_TEXT, spmSpec } from '../core/tables/fixtureSpecs';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Docx {
  zip: JSZip;
  doc: XmlDocument;
  xml: string;
}

async function readDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  const xml = await file.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return { zip, doc, xml };
}

function els(parent: XmlDocument | XmlElement, name: string): XmlElement[] {
  return Array.from(parent.getElementsByTagNameNS(W, name)) as XmlElement[];
}

/** Direct children named w:<name>. */
function kids(parent: XmlElement, name: string): XmlElement[] {
  return (Array.from(parent.childNodes) as XmlElement[]).filter((n) => n.nodeType === 1 && n.localName === name && n.namespaceURI === W);
}

function wAttr(el: XmlElement | undefined, name: string): string | null {
  return el ? el.getAttributeNS(W, name) : null;
}

/** Text of a cell or paragraph: its paragraphs' text runs and breaks. */
function text(el: XmlElement): string {
  const paras = el.localName === 'p' ? [el] : els(el, 'p');
  return paras
    .map((p) =>
      (Array.from(p.getElementsByTagNameNS(W, '*')) as XmlElement[])
        .filter((e) => e.localName === 't' || e.localName === 'br')
        .map((e) => (e.localName === 'br' ? '\n' : e.textContent ?? ''))
        .join(''),
    )
    .join('\n');
}

const tables = (d: Docx): XmlElement[] => els(d.doc, 'tbl');
const rows = (tbl: XmlElement): XmlElement[] => kids(tbl, 'tr');
const cells = (tr: XmlElement): XmlElement[] => kids(tr, 'tc');
const tcPr = (tc: XmlElement): XmlElement | undefined => kids(tc, 'tcPr')[0];
const gridSpan = (tc: XmlElement): number => Number(wAttr(kids(tcPr(tc)!, 'gridSpan')[0], 'val') ?? 1);
/** 'restart', 'continue' or undefined. */
function vMerge(tc: XmlElement): string | undefined {
  const v = kids(tcPr(tc)!, 'vMerge')[0];
  if (!v) return undefined;
  return wAttr(v, 'val') || 'continue';
}
const isHeaderRow = (tr: XmlElement): boolean => kids(tr, 'trPr').some((p) => kids(p, 'tblHeader').length > 0);
const rowTexts = (tbl: XmlElement): string[][] => rows(tbl).map((tr) => cells(tr).map(text));

function paragraphAlign(tc: XmlElement): string | null {
  const pPr = kids(els(tc, 'p')[0], 'pPr')[0];
  return pPr ? wAttr(kids(pPr, 'jc')[0], 'val') : null;
}

function runProps(el: XmlElement): XmlElement[] {
  return els(el, 'rPr');
}

let all: Docx;
beforeAll(async () => {
  all = await readDocx(await tablesToDocx(ALL_SPECS, { title: 'Tabel LAKIP Uji' }));
});

describe('tablesToDocx', () => {
  test('a zip with a Word document; one table per spec, in order', async () => {
    const bytes = await tablesToDocx([spmSpec]);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    expect(tables(all)).toHaveLength(ALL_SPECS.length);
    expect(all.doc.getElementsByTagName('parsererror')).toHaveLength(0);
  });

  test('cells read back in order, with vMerge continuations where a cell above spans down', () => {
    const [cap, ang, pmks, spm, bel] = tables(all);
    expect(rowTexts(pmks)).toEqual([
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Kewenangan Kab/Kota', 'Keterangan'],
      ['', '', '', 'Jumlah', 'Ditangani', '%', '', ''],
      ['1', 'Anak Balita Terlantar', '201.667', '156', '150', '96,15', '201.511', SCRIPT_TEXT],
      ['2', 'Tuna Susila', '12', '-', '-', 'Kewenangan Pusat', '12', HYPERLINK_TEXT],
      ['', 'TOTAL', '201.679', '156', '150', '96,15', '201.523', ''],
    ]);
    expect(rowTexts(spm)).toEqual([
      ['No', 'Jenis Layanan', 'Populasi', 'Yang ditangani', '%'],
      ...spmSpec.bodyRows.map((r) => r.cells.map((c) => c.text)),
    ]);
    expect(rowTexts(cap)[2]).toEqual(['', 'Persentase penduduk miskin', '10', '12', '80,00', 'Baik']);
    expect(rowTexts(ang).map((r) => r[1])).toEqual(['Program', ...anggaranSpec.bodyRows.map((r) => r.cells[1].text)]);
    expect(rowTexts(bel).at(-1)).toEqual(['JUMLAH BELANJA LANGSUNG', '300.000', '250.000', '83,33']);
  });

  test('header rows are marked w:tblHeader (repeated on each page); body rows are not', () => {
    const pmks = tables(all)[2];
    expect(rows(pmks).map(isHeaderRow)).toEqual([true, true, false, false, false]);
    for (const tbl of tables(all)) expect(isHeaderRow(rows(tbl)[0])).toBe(true);
  });

  test('spans: w:gridSpan across columns, w:vMerge restart/continue down rows', () => {
    const pmks = tables(all)[2];
    const [h1, h2] = rows(pmks);
    expect(cells(h1).map(gridSpan)).toEqual([1, 1, 1, 3, 1, 1]);
    expect(cells(h1).map(vMerge)).toEqual(['restart', 'restart', 'restart', undefined, 'restart', 'restart']);
    expect(cells(h2).map(vMerge)).toEqual(['continue', 'continue', 'continue', undefined, undefined, undefined, 'continue', 'continue']);
    // Each row covers the whole grid.
    const grid = kids(kids(pmks, 'tblGrid')[0], 'gridCol');
    expect(grid).toHaveLength(8);
    for (const tr of rows(pmks)) expect(cells(tr).map(gridSpan).reduce((a, b) => a + b, 0)).toBe(8);

    const cap = tables(all)[0];
    expect(vMerge(cells(rows(cap)[1])[0])).toBe('restart');
    expect(vMerge(cells(rows(cap)[2])[0])).toBe('continue');
    const bel = tables(all)[4];
    expect(gridSpan(cells(rows(bel).at(-1)!)[0])).toBe(2);
  });

  test('header cells bold, centred, grey', () => {
    const h = cells(rows(tables(all)[3])[0])[1];
    expect(paragraphAlign(h)).toBe('center');
    expect(wAttr(kids(tcPr(h)!, 'shd')[0], 'fill')).toBe('D9D9D9');
    for (const rPr of runProps(h)) expect(kids(rPr, 'b')).toHaveLength(1);
  });

  test('numbers right-aligned, the marker centred, parent and total rows bold, kegiatan indented', () => {
    const pmks = tables(all)[2];
    const row1 = cells(rows(pmks)[2]);
    expect(paragraphAlign(row1[2])).toBe('right');
    expect(paragraphAlign(row1[0])).toBe('center');
    expect([null, 'left']).toContain(paragraphAlign(row1[1]));
    expect(paragraphAlign(cells(rows(pmks)[3])[5])).toBe('center');

    const ang = tables(all)[1];
    const bold = (tc: XmlElement): boolean => runProps(tc).every((r) => kids(r, 'b').length === 1);
    const parent = cells(rows(ang)[2]);
    expect(text(parent[1])).toBe('Urusan Pemerintahan Bidang Sosial');
    expect(parent.filter((tc) => text(tc) !== '').every(bold)).toBe(true);
    expect(bold(cells(rows(ang)[3])[1])).toBe(false);
    const total = cells(rows(ang).at(-1)!);
    expect(total.filter((tc) => text(tc) !== '').every(bold)).toBe(true);
    // The total row has a heavier top border.
    expect(wAttr(kids(kids(tcPr(total[2])!, 'tcBorders')[0], 'top')[0], 'sz')).toBe('12');

    const bel = tables(all)[4];
    const ind = (tc: XmlElement): string | null => wAttr(els(tc, 'ind')[0], 'left');
    expect(ind(cells(rows(bel)[2])[1])).toBe('240');
    expect(ind(cells(rows(bel)[1])[1])).toBeNull();
  });

  test('A4, 2.5 cm margins; landscape for the table wider than 7 columns; a new page per table', () => {
    const sects = els(all.doc, 'sectPr');
    expect(sects).toHaveLength(ALL_SPECS.length);
    ALL_SPECS.forEach((spec, i) => {
      const pgSz = kids(sects[i], 'pgSz')[0];
      const landscape = spec === pmksSpec;
      expect([wAttr(pgSz, 'w'), wAttr(pgSz, 'h')]).toEqual(landscape ? ['16838', '11906'] : ['11906', '16838']);
      if (landscape) expect(wAttr(pgSz, 'orient')).toBe('landscape');
      const pgMar = kids(sects[i], 'pgMar')[0];
      for (const side of ['top', 'bottom', 'left', 'right']) expect(Number(wAttr(pgMar, side))).toBeCloseTo(1417, -1);
      expect(wAttr(kids(sects[i], 'type')[0], 'val')).toBe('nextPage');
    });
  });

  test('the table fills the text width: grid columns add up to it', () => {
    const widths = (tbl: XmlElement): number[] => kids(kids(tbl, 'tblGrid')[0], 'gridCol').map((g) => Number(wAttr(g, 'w')));
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(widths(tables(all)[1]))).toBe(11906 - 2 * 1417);
    expect(sum(widths(tables(all)[2]))).toBe(16838 - 2 * 1417);
    // The Program column is the widest; the money columns hold '3.000.000' bold unbroken
    // (1 em of 10 pt = 200 twips, plus 2 × 80 twips of cell margins).
    const ang = widths(tables(all)[1]);
    expect(ang[1]).toBe(Math.max(...ang));
    expect(ang[2]).toBeGreaterThanOrEqual(textEm('3.000.000', true) * 200 + 160);
  });

  test('Arial: 11 pt by default, 10 pt in tables, title lines bold centred, notes and Sumber italic 9 pt', async () => {
    const styles = await all.zip.file('word/styles.xml')!.async('string');
    const sdoc = new DOMParser().parseFromString(styles, 'text/xml');
    const defaults = els(sdoc, 'rPrDefault')[0];
    expect(wAttr(els(defaults, 'rFonts')[0], 'ascii')).toBe('Arial');
    expect(wAttr(els(defaults, 'sz')[0], 'val')).toBe('22');

    for (const rFonts of els(all.doc, 'rFonts')) expect(wAttr(rFonts, 'ascii')).toBe('Arial');
    for (const tbl of tables(all)) for (const sz of els(tbl, 'sz')) expect(wAttr(sz, 'val')).toBe('20');

    const body = els(all.doc, 'body')[0];
    const paras = kids(body, 'p');
    const title = paras.find((p) => text(p) === 'Tabel 3.4')!;
    expect(wAttr(els(title, 'jc')[0], 'val')).toBe('center');
    expect(els(title, 'b')).toHaveLength(1);
    expect(wAttr(els(title, 'sz')[0], 'val')).toBe('22');
    const source = paras.find((p) => text(p) === 'Sumber: Bidang Rehabilitasi Sosial, 2021')!;
    expect(els(source, 'i')).toHaveLength(1);
    expect(wAttr(els(source, 'sz')[0], 'val')).toBe('18');
    // Order in the body: titles, table, notes, source.
    const order = (Array.from(body.childNodes) as XmlElement[])
      .filter((n) => n.nodeType === 1)
      .map((n) => (n.localName === 'tbl' ? '[table]' : text(n)));
    const at = order.indexOf('Tabel 3.4');
    expect(order.slice(at, at + 5)).toEqual(['Tabel 3.4', 'Penanganan PMKS Tahun 2021', '[table]', pmksSpec.notes[0], pmksSpec.source]);
  });

  test('hostile texts are literal text runs; no field, hyperlink or formula anywhere', () => {
    const ts = els(all.doc, 't').map((t) => t.textContent);
    expect(ts).toContain(SCRIPT_TEXT);
    expect(ts).toContain(HYPERLINK_TEXT);
    for (const name of ['fldSimple', 'instrText', 'fldChar', 'hyperlink']) expect(els(all.doc, name)).toHaveLength(0);
    expect(all.xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all.xml).not.toContain('<script');
  });

  test('the document title goes to the file properties, not onto the page', async () => {
    const core = await all.zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Tabel LAKIP Uji</dc:title>');
    expect(els(all.doc, 't').map((t) => t.textContent)).not.toContain('Tabel LAKIP Uji');
  });

  test('control characters that XML forbids are dropped instead of corrupting the file', async () => {
    const spec: TableSpec = { ...spmSpec, titleLines: ['Judul\u0007 tabel'], bodyRows: [{ role: 'item', cells: [{ text: 'a\u0000b', kind: 'text' }] }] };
    const d = await readDocx(await tablesToDocx([spec]));
    expect(d.doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const ts = els(d.doc, 't').map((t) => t.textContent);
    expect(ts).toContain('Judul tabel');
    expect(ts).toContain('ab');
  });

  test('a short row is padded to the grid; a cell with line breaks keeps them', async () => {
    const spec: TableSpec = {
      ...spmSpec,
      bodyRows: [{ role: 'item', cells: [{ text: '1', kind: 'no' }, { text: 'baris satu\nbaris dua', kind: 'text' }] }],
    };
    const d = await readDocx(await tablesToDocx([spec]));
    const tr = rows(tables(d)[0])[1];
    expect(cells(tr).map(gridSpan)).toEqual([1, 1, 3]);
    expect(text(cells(tr)[1])).toBe('baris satu\nbaris dua');
  });

  test('no tables: still a valid document', async () => {
    const d = await readDocx(await tablesToDocx([]));
    expect(tables(d)).toHaveLength(0);
    expect(els(d.doc, 'pgSz')).toHaveLength(1);
  });

  test('a table with only 7 columns stays portrait', async () => {
    const seven: TableSpec = { ...belanjaSpec, columns: [...belanjaSpec.columns, { kind: 'text', width: 10 }, { kind: 'text', width: 10 }] };
    const d = await readDocx(await tablesToDocx([seven, capaianSpec]));
    expect(els(d.doc, 'pgSz').map((p) => wAttr(p, 'w'))).toEqual(['11906', '11906']);
  });
});
