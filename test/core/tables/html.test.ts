import {
  cleanText,
  columnCount,
  escapeHtml,
  fitColumnWidths,
  placeRows,
  tableToHtml,
  tableToPlainText,
  tablesToHtmlDocument,
  textEm,
} from '../../../src/core/tables/html';
import type { TableSpec } from '../../../src/core/tables/types';
import { ALL_SPECS, anggaranSpec, belanjaSpec, capaianSpec, HYPERLINK_TEXT, pmksSpec, SCRIPT_TEXT, spmSpec } from './fixtureSpecs';

interface HtmlCell {
  tag: 'th' | 'td';
  attrs: string;
  style: string;
  text: string;
}

function decode(s: string): string {
  return s
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The rows of the (single) table in an HTML fragment, each as its cells. */
function rowsOf(html: string, section: 'thead' | 'tbody'): HtmlCell[][] {
  const block = new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(html);
  if (!block) return [];
  return [...block[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => ({
      tag: m[1] as 'th' | 'td',
      attrs: m[2],
      style: /style="([^"]*)"/.exec(m[2])?.[1] ?? '',
      text: decode(m[3]),
    })),
  );
}

function cellWithText(html: string, text: string): HtmlCell {
  const all = [...rowsOf(html, 'thead'), ...rowsOf(html, 'tbody')].flat();
  const found = all.find((c) => c.text === text);
  if (!found) throw new Error(`no cell "${text}"`);
  return found;
}

const BASE_CELL = ['border:1px solid #000', 'padding:2pt 4pt', 'font-family:Arial', 'font-size:10pt'];

describe('tableToHtml', () => {
  const html = tableToHtml(pmksSpec);

  test('a collapsed, bordered table with inline styles only', () => {
    expect(html).toMatch(/<table style="border-collapse:collapse;[^"]*border:1px solid #000/);
    expect(html).not.toMatch(/<style|class=/);
    for (const cell of [...rowsOf(html, 'thead'), ...rowsOf(html, 'tbody')].flat()) {
      for (const rule of BASE_CELL) expect(cell.style).toContain(rule);
      expect(cell.style).toMatch(/vertical-align:(top|middle)/);
    }
    for (const cell of rowsOf(html, 'tbody').flat()) expect(cell.style).toContain('vertical-align:top');
  });

  test('header rows in <thead> (repeated on each page), bold centred grey <th> with the spans of the spec', () => {
    expect(html).toContain('<thead style="display:table-header-group">');
    const head = rowsOf(html, 'thead');
    expect(head.map((r) => r.map((c) => c.text))).toEqual([
      ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Kewenangan Kab/Kota', 'Keterangan'],
      ['Jumlah', 'Ditangani', '%'],
    ]);
    for (const c of head.flat()) {
      expect(c.tag).toBe('th');
      expect(c.style).toContain('font-weight:bold');
      expect(c.style).toContain('text-align:center');
      expect(c.style).toContain('background:#D9D9D9');
    }
    expect(head[0][0].attrs).toContain('rowspan="2"');
    expect(head[0][3].attrs).toContain('colspan="3"');
    expect(head[0][3].attrs).not.toContain('rowspan');
    expect(head[1][0].attrs).not.toMatch(/span/);
  });

  test('body cells in order; numbers right-aligned, the marker centred, formulas never rendered', () => {
    const body = rowsOf(html, 'tbody');
    expect(body.map((r) => r.map((c) => c.text))).toEqual(
      pmksSpec.bodyRows.map((r) => r.cells.map((c) => c.text)),
    );
    expect(cellWithText(html, '201.667').style).toContain('text-align:right');
    expect(cellWithText(html, '201.667').style).toContain('white-space:nowrap');
    expect(cellWithText(html, 'Kewenangan Pusat').style).toContain('text-align:center');
    expect(cellWithText(html, 'Anak Balita Terlantar').style).toContain('text-align:left');
    expect(html).not.toMatch(/SUM\(|ratio|formula/i);
  });

  test('hostile texts come out as inert, escaped text', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(cellWithText(html, SCRIPT_TEXT).tag).toBe('td');
    expect(cellWithText(html, HYPERLINK_TEXT).style).toContain("mso-number-format:&#39;\\@&#39;");
    // Only the renderer's own tags, whatever the cells hold.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual(['col', 'colgroup', 'div', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
  });

  test('total row bold with a heavier top border; parent rows bold; section rows bold; kegiatan indented', () => {
    const total = rowsOf(html, 'tbody').at(-1)!;
    for (const c of total) {
      expect(c.style).toContain('font-weight:bold');
      expect(c.style).toContain('border-top:1.5pt solid #000');
    }
    const ang = tableToHtml(anggaranSpec);
    const rows = rowsOf(ang, 'tbody');
    expect(rows[0][1].text).toBe('Dana Dekonsentrasi');
    expect(rows[0][1].style).toContain('font-weight:bold');
    for (const c of rows[1]) expect(c.style).toContain('font-weight:bold');
    for (const c of rows[2]) expect(c.style).not.toContain('font-weight:bold');

    const bel = tableToHtml(belanjaSpec);
    expect(cellWithText(bel, 'Penyediaan jasa surat menyurat').style).toMatch(/padding-left:16pt/);
    expect(cellWithText(bel, 'Program Pelayanan Administrasi Perkantoran').style).not.toContain('padding-left');
    expect(cellWithText(bel, 'JUMLAH BELANJA LANGSUNG').attrs).toContain('colspan="2"');
    expect(rowsOf(bel, 'tbody').at(-1)!.map((c) => c.text)).toEqual(['JUMLAH BELANJA LANGSUNG', '300.000', '250.000', '83,33']);
  });

  test('a body cell spanning rows: the covered position is omitted below', () => {
    const cap = tableToHtml(capaianSpec);
    const rows = rowsOf(cap, 'tbody');
    expect(rows[0][0].attrs).toContain('rowspan="2"');
    expect(rows[0]).toHaveLength(6);
    expect(rows[1]).toHaveLength(5);
    expect(rows[1][0].text).toBe('Persentase penduduk miskin');
  });

  test('title lines above (bold, centred), notes and Sumber below (italic 9 pt)', () => {
    const paras = [...html.matchAll(/<p style="([^"]*)">([\s\S]*?)<\/p>/g)].map((m) => ({ style: m[1], text: decode(m[2]) }));
    expect(paras.map((p) => p.text)).toEqual([...pmksSpec.titleLines, ...pmksSpec.notes, pmksSpec.source]);
    const tableAt = html.indexOf('<table');
    expect(html.indexOf('Tabel 3.4')).toBeLessThan(tableAt);
    expect(html.indexOf('Sumber:')).toBeGreaterThan(html.indexOf('</table>'));
    for (const p of paras.slice(0, 2)) {
      expect(p.style).toContain('font-weight:bold');
      expect(p.style).toContain('text-align:center');
      expect(p.style).toContain('font-family:Arial');
    }
    for (const p of paras.slice(2)) {
      expect(p.style).toContain('font-style:italic');
      expect(p.style).toContain('font-size:9pt');
    }
  });

  test('column widths follow the grid and add up to the table', () => {
    const cols = [...html.matchAll(/<col style="width:([\d.]+)%">/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(8);
    expect(cols.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  });

  test('a table without body rows still renders a bordered row', () => {
    const empty: TableSpec = { ...spmSpec, bodyRows: [] };
    expect(tableToHtml(empty)).toContain('(tabel kosong)');
    expect(tableToHtml(empty, { lang: 'en' })).toContain('(empty table)');
  });
});

describe('tablesToHtmlDocument', () => {
  const doc = tablesToHtmlDocument(ALL_SPECS);

  test('a full UTF-8 page with every table, each after a page break', () => {
    expect(doc.startsWith('<!DOCTYPE html>\n<html lang="id">')).toBe(true);
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain('<title>Tabel LAKIP</title>');
    expect(doc).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(doc.match(/<table /g)).toHaveLength(ALL_SPECS.length);
    expect(doc.match(/page-break-before:always/g)).toHaveLength(ALL_SPECS.length - 1);
    expect(doc).toContain('id="tabel-belanja-Tabel-3-2-Belanja"');
    expect(doc).toContain('≥ 90 Sangat Baik');
    expect(doc.trimEnd().endsWith('</html>')).toBe(true);
    expect(doc).not.toContain('<script');
  });

  test('English chrome on request; the tables keep their Indonesian text', () => {
    const en = tablesToHtmlDocument([spmSpec], { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<title>LAKIP tables</title>');
    expect(en).toContain('lang="id"');
    expect(en).toContain('Jenis Layanan');
  });

  test('no tables: a valid, empty page', () => {
    const empty = tablesToHtmlDocument([]);
    expect(empty).toContain('<body>');
    expect(empty).not.toContain('<table');
  });
});

describe('tableToPlainText', () => {
  test('TAB-separated rows on the column grid; spans leave empty fields', () => {
    const lines = tableToPlainText(pmksSpec).split('\n');
    expect(lines[0]).toBe('Tabel 3.4');
    expect(lines[1]).toBe('Penanganan PMKS Tahun 2021');
    expect(lines[2].split('\t')).toEqual(['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', '', '', 'Kewenangan Kab/Kota', 'Keterangan']);
    expect(lines[3].split('\t')).toEqual(['', '', '', 'Jumlah', 'Ditangani', '%']);
    expect(lines[4].split('\t')).toEqual(['1', 'Anak Balita Terlantar', '201.667', '156', '150', '96,15', '201.511', SCRIPT_TEXT]);
    expect(lines).toContain('Sumber: Bidang Rehabilitasi Sosial, 2021');
  });

  test('a cell a spreadsheet would take as a formula is quoted; dashes and negative numbers are not', () => {
    const text = tableToPlainText(pmksSpec);
    expect(text).toContain(`'${HYPERLINK_TEXT}`);
    const row = text.split('\n').find((l) => l.startsWith('2\t'))!;
    expect(row.split('\t')[3]).toBe('-');
    const neg: TableSpec = {
      ...spmSpec,
      bodyRows: [{ role: 'item', cells: [{ text: '-1.234', kind: 'count' }, { text: '+62 812', kind: 'text' }, { text: '@x', kind: 'text' }, { text: '-a', kind: 'text' }] }],
    };
    expect(tableToPlainText(neg).split('\n')[2].split('\t')).toEqual(['-1.234', "'+62 812", "'@x", "'-a"]);
  });

  test('tabs and line breaks inside a cell never break the grid', () => {
    const spec: TableSpec = { ...spmSpec, bodyRows: [{ role: 'item', cells: [{ text: 'a\tb\nc', kind: 'text' }, { text: 'd', kind: 'text' }] }] };
    expect(tableToPlainText(spec).split('\n')[2]).toBe('a b c\td');
  });

  test('a body cell spanning rows leaves its column empty below', () => {
    const lines = tableToPlainText(capaianSpec).split('\n');
    const i = lines.findIndex((l) => l.startsWith('Meningkatnya'));
    expect(lines[i + 1].split('\t')[0]).toBe('');
    expect(lines[i + 1].split('\t')[1]).toBe('Persentase penduduk miskin');
  });
});

describe('layout helpers', () => {
  test('placeRows puts cells after positions covered from above', () => {
    const placed = placeRows(pmksSpec.headerRows, 8);
    expect(placed[1].cells.map((p) => p.col)).toEqual([3, 4, 5]);
    expect(placed[1].covered.map((k) => [k.col, k.origin.cell.text])).toEqual([
      [0, 'No'],
      [1, 'Jenis PMKS'],
      [2, 'Populasi'],
      [6, 'Kewenangan Kab/Kota'],
      [7, 'Keterangan'],
    ]);
    expect(placed[0].cells[3]).toMatchObject({ col: 3, colSpan: 3, rowSpan: 1 });
    expect(placed[1].padFrom).toBe(8);
  });

  test('a row span is clipped to the rows given; short rows are padded', () => {
    const placed = placeRows([[{ text: 'a', kind: 'text', rowSpan: 5 }], [{ text: 'b', kind: 'text' }]], 3);
    expect(placed[0].cells[0].rowSpan).toBe(2);
    expect(placed[1].cells[0].col).toBe(1);
    expect(placed[0].padFrom).toBe(1);
    expect(placed[1].padFrom).toBe(2);
  });

  test('columnCount widens to the widest row', () => {
    expect(columnCount(pmksSpec)).toBe(8);
    expect(columnCount({ ...spmSpec, columns: spmSpec.columns.slice(0, 2) })).toBe(5);
  });

  test('fitColumnWidths fills the width and never squeezes a number below its unbroken width', () => {
    for (const spec of ALL_SPECS) {
      const n = columnCount(spec);
      for (const available of [30, 45, 70, 200]) {
        const w = fitColumnWidths(spec, n, available);
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(available, 6);
      }
    }
    const w = fitColumnWidths(anggaranSpec, 5, 45);
    expect(w[2]).toBeGreaterThanOrEqual(textEm('3.000.000', true));
    expect(w[3]).toBeGreaterThanOrEqual(textEm('Realisasi', true));
    // The text column takes what is left, more than any number column.
    expect(w[1]).toBeGreaterThan(Math.max(w[2], w[3], w[4]));
  });

  test('escapeHtml and cleanText', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(cleanText('a\u0007b\u0000c\td\ne\uFFFF')).toBe('abc\td\ne');
    expect(cleanText('x\uD800y😀')).toBe('xy😀');
  });
});
