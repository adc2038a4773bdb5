/**
 * TableSpec → HTML that Word keeps when pasted (inline styles only: Word drops
 * <style> blocks and classes on paste), a whole HTML page for `lakip tables --html`
 * and the browser, and TAB-separated plain text for the clipboard fallback.
 *
 * Pure: no DOM, no Node. Every text is escaped; formulas in the spec are never
 * rendered (the computed text is shown), so a cell holding '<script>' or
 * '=HYPERLINK(...)' stays inert text.
 *
 * Also exports the cell placement and alignment rules, shared with the .docx writer
 * (src/io/tablesDocx.ts) so both outputs lay a table out the same way.
 */
import type { SpecCell, SpecCellKind, SpecRowRole, TableSpec } from './types';

export type TableLang = 'id' | 'en';

export interface HtmlOptions {
  /** Language of the page chrome (document title, empty-table text). The tables themselves are the report's own Indonesian text. */
  lang?: TableLang;
}

/** A cell placed on the table's column grid. */
export interface PlacedCell {
  cell: SpecCell;
  /** First column (0-based). */
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** A position covered by a cell that spans rows from a row above (Word's vMerge "continue"). */
export interface CoveredCell {
  col: number;
  colSpan: number;
  origin: PlacedCell;
}

export interface PlacedRow {
  cells: PlacedCell[];
  /** Positions covered by row spans from above, in column order. */
  covered: CoveredCell[];
  /** A short row's empty columns at its end are [padFrom, nCols). */
  padFrom: number;
}

const span = (n: number | undefined): number => (n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1);

/**
 * Places consecutive rows' cells on the column grid: a cell spanning columns or rows
 * appears once, the positions it covers are omitted from the rows below (the
 * TableSpec convention), so each cell goes to the first free column of its row.
 * Row spans are clipped to the rows given (header rows and body rows are placed apart).
 */
export function placeRows(rows: readonly (readonly SpecCell[])[], nCols: number): PlacedRow[] {
  const busy: Map<number, PlacedCell>[] = rows.map(() => new Map());
  const out: PlacedRow[] = [];
  rows.forEach((cells, r) => {
    const placed: PlacedCell[] = [];
    let c = 0;
    for (const cell of cells) {
      while (busy[r].has(c)) c += busy[r].get(c)!.colSpan;
      const p: PlacedCell = { cell, col: c, colSpan: span(cell.colSpan), rowSpan: Math.min(span(cell.rowSpan), rows.length - r) };
      placed.push(p);
      for (let rr = r + 1; rr < r + p.rowSpan; rr++) busy[rr].set(c, p);
      c += p.colSpan;
    }
    const covered = [...busy[r].entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([col, origin]) => ({ col, colSpan: origin.colSpan, origin }));
    // Fill the end of a short row so every row has its borders.
    let end = c;
    for (const k of covered) end = Math.max(end, k.col + k.colSpan);
    out.push({ cells: placed, covered, padFrom: Math.min(end, nCols) });
  });
  return out;
}

/** Number of grid columns: the spec's columns, or more if a row is wider. */
export function columnCount(spec: TableSpec): number {
  let n = spec.columns.length;
  const widest = (rows: readonly (readonly SpecCell[])[]): void => {
    for (const row of placeRows(rows, 0)) {
      for (const p of row.cells) n = Math.max(n, p.col + p.colSpan);
      for (const k of row.covered) n = Math.max(n, k.col + k.colSpan);
    }
  };
  widest(spec.headerRows);
  widest(spec.bodyRows.map((r) => r.cells));
  return Math.max(n, 1);
}

const NUMBER_KINDS: ReadonlySet<SpecCellKind> = new Set(['count', 'money', 'percent']);

export function isNumberKind(kind: SpecCellKind | undefined): boolean {
  return kind !== undefined && NUMBER_KINDS.has(kind);
}

/** Alignment of a body cell: its own, else numbers right, numbering and markers centred, text left. */
export function cellAlign(cell: SpecCell, column?: { kind: SpecCellKind }): 'left' | 'center' | 'right' {
  if (cell.align) return cell.align;
  const kind = cell.kind === 'text' && column ? column.kind : cell.kind;
  if (isNumberKind(kind)) return cell.text.trim() === '-' ? 'center' : 'right';
  if (kind === 'no' || kind === 'marker') return 'center';
  return 'left';
}

/** Bold: the cell's own flag, or every cell of a parent, section or total row. */
export function cellBold(cell: SpecCell, role: SpecRowRole | 'header'): boolean {
  if (cell.bold === true || role === 'header' || role === 'parent' || role === 'total') return true;
  return role === 'section' && cell.bold !== false;
}

/**
 * Text safe to put in XML or HTML: drops the control characters XML 1.0 forbids
 * (a stray \u0007 from a copy-paste would make Word reject the whole .docx) and lone
 * surrogates. Tabs and line breaks are kept.
 */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return String(s ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Escapes & < > " ' for element content and attribute values alike. */
export function escapeHtml(s: string): string {
  return cleanText(s).replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** Cell text as HTML: escaped, line breaks kept. */
function cellHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

/** Arial advance widths in em (regular), by character; others count as a digit (0.556 em). */
const NARROW = new Map<string, number>();
for (const [chars, w] of [
  [" .,:;'!|", 0.278],
  ['ijl', 0.222],
  ['ftI/', 0.278],
  ['r()-', 0.333],
  ['cksvxyzJ', 0.5],
  ['LTFZ', 0.611],
  ['w', 0.722],
  ['m', 0.833],
  ['ABEKPSVXY', 0.667],
  ['CDGHNORU', 0.722],
  ['M%', 0.833],
  ['W', 0.944],
] as const) {
  for (const ch of chars) NARROW.set(ch, w);
}

/** Width of a line of text in em at the table's font size (Arial; bold about 8 % wider). */
export function textEm(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) em += NARROW.get(ch) ?? 0.556;
  return bold ? em * 1.08 : em;
}

/**
 * Width in em a cell needs on one line without breaking: the whole text for
 * numbers, numbering and codes (never wrapped), the longest word otherwise; plus
 * its indentation.
 */
function minEm(cell: SpecCell, bold: boolean): number {
  const text = cleanText(cell.text).trim();
  if (!text) return 0;
  const whole = isNumberKind(cell.kind) || cell.kind === 'no' || cell.kind === 'code';
  const pieces = whole ? text.split(/\r\n|\r|\n/) : text.split(/\s+/);
  const indent = cell.indent && cell.indent > 0 ? INDENT_EM * cell.indent : 0;
  return Math.max(...pieces.map((p) => textEm(p, bold))) + indent;
}

/** One Excel character width (the spec's column unit) in em of 10 pt Arial. */
const EXCEL_CHAR_EM = 0.55;
/** Indentation of a kegiatan under its program, per level, in em (12 pt at 10 pt). */
export const INDENT_EM = 1.2;

/**
 * Column widths in em (of the 10 pt table font) for a table `available` em wide.
 * When the spec's widths (Excel character widths, often wider in total than a page)
 * fit, they are scaled to fill the width. Otherwise columns that do not wrap (numbers,
 * numbering, codes) get what their cells need unbroken (see minEm) and the text
 * columns share the rest in proportion to the spec's widths, each at least its
 * longest word. When even that does not fit, the minimums are scaled down together.
 */
export function fitColumnWidths(spec: TableSpec, nCols: number, available: number): number[] {
  const desired = Array.from({ length: nCols }, (_, i) => {
    const w = spec.columns[i]?.width;
    return (w !== undefined && Number.isFinite(w) && w > 0 ? w : 10) * EXCEL_CHAR_EM;
  });
  const min = new Array<number>(nCols).fill(0.5);
  // What each column's text needs on one line, and how much text it holds (a cell over n rows counts 1/n per row).
  const natural = new Array<number>(nCols).fill(0);
  const area = new Array<number>(nCols).fill(0);
  const need = (rows: PlacedRow[], role: (r: number) => SpecRowRole | 'header'): void => {
    rows.forEach((row, r) => {
      for (const p of row.cells) {
        if (p.colSpan !== 1 || p.col >= nCols) continue;
        const bold = cellBold(p.cell, role(r));
        min[p.col] = Math.max(min[p.col], minEm(p.cell, bold));
        const lines = cleanText(p.cell.text).trim().split(/\r\n|\r|\n/);
        const em = Math.max(...lines.map((l) => textEm(l, bold)));
        natural[p.col] = Math.max(natural[p.col], em);
        area[p.col] += lines.reduce((a, l) => a + textEm(l, bold), 0) / p.rowSpan;
      }
    });
  };
  need(placeRows(spec.headerRows, nCols), () => 'header');
  need(
    placeRows(
      spec.bodyRows.map((r) => r.cells),
      nCols,
    ),
    (r) => spec.bodyRows[r].role,
  );
  // Some slack, so a number never touches the border whatever the exact font.
  for (let i = 0; i < nCols; i++) {
    min[i] += 0.6;
    natural[i] = Math.max(natural[i] + 0.6, min[i]);
  }
  const want = desired.map((d, i) => Math.max(d, min[i]));
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  if (sum(want) <= available) return want.map((w) => (w * available) / sum(want));
  if (sum(min) >= available) return min.map((m) => (m * available) / sum(min));

  const wraps = Array.from({ length: nCols }, (_, i) => (spec.columns[i]?.kind ?? 'text') === 'text');
  const width = min.slice();
  // Text columns share what the others leave, in proportion to their spec widths;
  // a column whose share is below its minimum keeps the minimum and drops out.
  const open = new Set(wraps.flatMap((w, i) => (w ? [i] : [])));
  if (open.size === 0) {
    const spare = (available - sum(min)) / (sum(want) - sum(min));
    return want.map((w, i) => min[i] + (w - min[i]) * spare);
  }
  // Each text column's share goes by the square root of the text it holds: that keeps the
  // table shortest (rows grow with text / width), so a Keterangan of long sentences is not
  // squeezed beside a name column of short words, and no column gets more than its longest line.
  const share = area.map((a, i) => (a > 0 ? Math.sqrt(a) : desired[i] / 10));
  for (;;) {
    const fixed = sum(width.filter((_, i) => !open.has(i)));
    const rest = available - fixed;
    const weight = sum([...open].map((i) => share[i]));
    const at = (i: number): number => (rest * share[i]) / weight;
    const below = [...open].filter((i) => at(i) < min[i]);
    const above = below.length ? [] : [...open].filter((i) => at(i) > natural[i]);
    if (below.length === 0 && (above.length === 0 || above.length === open.size)) {
      for (const i of open) width[i] = at(i);
      return width;
    }
    for (const i of below) width[i] = min[i];
    for (const i of above) width[i] = natural[i];
    for (const i of [...below, ...above]) open.delete(i);
    if (open.size === 0) return width.map((w) => (w * available) / sum(width));
  }
}

/** Column widths as fractions of the table (summing to 1). */
export function columnWeights(spec: TableSpec, nCols: number, available = 45): number[] {
  const widths = fitColumnWidths(spec, nCols, available);
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => w / total);
}

const FONT = 'font-family:Arial,sans-serif';
const CELL = `border:1px solid #000;padding:2pt 4pt;${FONT};font-size:10pt;vertical-align:top`;
const PARA = `margin:0;${FONT}`;

const CHROME: Record<TableLang, { title: string; empty: string }> = {
  id: { title: 'Tabel LAKIP', empty: '(tabel kosong)' },
  en: { title: 'LAKIP tables', empty: '(empty table)' },
};

function anchorId(id: string): string {
  return 'tabel-' + (id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x');
}

function spanAttrs(p: PlacedCell): string {
  return (p.colSpan > 1 ? ` colspan="${p.colSpan}"` : '') + (p.rowSpan > 1 ? ` rowspan="${p.rowSpan}"` : '');
}

function textFormatStyle(cell: SpecCell): string {
  // Excel reads pasted HTML cells like typed input: the text format keeps '=...' and
  // codes such as '1 06 01 01' as text. Word ignores this property.
  return isNumberKind(cell.kind) ? '' : ';mso-number-format:&#39;\\@&#39;';
}

function headerCellHtml(p: PlacedCell): string {
  const style =
    `${CELL};font-weight:bold;text-align:${p.cell.align ?? 'center'};vertical-align:middle;background:#D9D9D9` +
    textFormatStyle(p.cell);
  return `<th${spanAttrs(p)} style="${style}">${cellHtml(p.cell.text)}</th>`;
}

function bodyCellHtml(p: PlacedCell, role: SpecRowRole, spec: TableSpec): string {
  const column = spec.columns[p.col];
  const align = cellAlign(p.cell, column);
  let style = `${CELL};text-align:${align}`;
  if (cellBold(p.cell, role)) style += ';font-weight:bold';
  if (align === 'right') style += ';white-space:nowrap';
  const indent = p.cell.indent && p.cell.indent > 0 ? p.cell.indent : 0;
  if (indent) style += `;padding-left:${4 + INDENT_EM * 10 * indent}pt`;
  if (role === 'total') style += ';border-top:1.5pt solid #000';
  if (role === 'section') style += ';font-style:italic';
  style += textFormatStyle(p.cell);
  return `<td${spanAttrs(p)} style="${style}">${cellHtml(p.cell.text)}</td>`;
}

function padCells(from: number, to: number, tag: 'th' | 'td', role: SpecRowRole | 'header'): string {
  if (from >= to) return '';
  let style = tag === 'th' ? `${CELL};background:#D9D9D9` : CELL;
  if (role === 'total') style += ';border-top:1.5pt solid #000';
  const colspan = to - from > 1 ? ` colspan="${to - from}"` : '';
  return `<${tag}${colspan} style="${style}"></${tag}>`;
}

/**
 * One table as an HTML fragment: the title lines (bold, centred), the table, then
 * the notes and the 'Sumber:' line (italic, 9 pt). Inline styles only, so Word
 * keeps the look on paste; header rows sit in <thead> so they repeat on each page.
 */
export function tableToHtml(spec: TableSpec, opts: HtmlOptions = {}): string {
  const lang: TableLang = opts.lang === 'en' ? 'en' : 'id';
  const nCols = columnCount(spec);
  // As wide as the .docx text area at 10 pt: 16 cm (45 em) on A4 portrait, 24.7 cm (70 em) landscape.
  const weights = columnWeights(spec, nCols, nCols > 7 ? 70 : 45);
  const parts: string[] = [];
  parts.push(`<div id="${escapeHtml(anchorId(spec.id))}" lang="id" style="margin:0 0 18pt 0">`);
  spec.titleLines.forEach((line, i) => {
    const after = i === spec.titleLines.length - 1 ? '6pt' : '0';
    parts.push(`<p style="${PARA};font-size:11pt;font-weight:bold;text-align:center;margin-bottom:${after}">${cellHtml(line)}</p>`);
  });
  parts.push(`<table style="border-collapse:collapse;border:1px solid #000;width:100%;${FONT};font-size:10pt">`);
  parts.push('<colgroup>' + weights.map((w) => `<col style="width:${(w * 100).toFixed(2)}%">`).join('') + '</colgroup>');

  if (spec.headerRows.length > 0) {
    parts.push('<thead style="display:table-header-group">');
    for (const row of placeRows(spec.headerRows, nCols)) {
      parts.push('<tr>' + row.cells.map(headerCellHtml).join('') + padCells(row.padFrom, nCols, 'th', 'header') + '</tr>');
    }
    parts.push('</thead>');
  }

  parts.push('<tbody>');
  const placed = placeRows(
    spec.bodyRows.map((r) => r.cells),
    nCols,
  );
  placed.forEach((row, i) => {
    const role = spec.bodyRows[i].role;
    parts.push('<tr>' + row.cells.map((p) => bodyCellHtml(p, role, spec)).join('') + padCells(row.padFrom, nCols, 'td', role) + '</tr>');
  });
  if (spec.bodyRows.length === 0) {
    parts.push(`<tr><td colspan="${nCols}" style="${CELL};text-align:center;font-style:italic">${escapeHtml(CHROME[lang].empty)}</td></tr>`);
  }
  parts.push('</tbody></table>');

  const below = [...spec.notes, ...(spec.source ? [spec.source] : [])];
  below.forEach((line, i) => {
    const before = i === 0 ? '4pt' : '0';
    parts.push(`<p style="${PARA};font-size:9pt;font-style:italic;margin-top:${before}">${cellHtml(line)}</p>`);
  });
  parts.push('</div>');
  return parts.join('\n');
}

/**
 * A whole HTML page (UTF-8) with every table, each starting on a new printed page.
 * It holds no script and forbids any under its Content-Security-Policy.
 */
export function tablesToHtmlDocument(specs: readonly TableSpec[], opts: HtmlOptions = {}): string {
  const lang: TableLang = opts.lang === 'en' ? 'en' : 'id';
  const body = specs
    .map((spec, i) => {
      const html = tableToHtml(spec, opts);
      return i === 0 ? html : `<div style="page-break-before:always;break-before:page"></div>\n${html}`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(CHROME[lang].title)}</title>`,
    '<style>@page{size:A4;margin:2.5cm}body{margin:24px;background:#fff;color:#000}@media print{body{margin:0}}</style>',
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Plain-text cell: one line, no TAB; a leading = + @ (or - before a letter) is quoted so a spreadsheet keeps it as text. */
function plainCell(text: string): string {
  const one = cleanText(text).replace(/[\t\r\n]+/g, ' ').trim();
  return /^[=+@]|^-[^\d\s.,]/.test(one) ? `'${one}` : one;
}

/**
 * The table as TAB-separated lines (the clipboard's plain-text fallback): title
 * lines, header rows, body rows, notes and source. A cell spanning several columns
 * is followed by empty fields so every row lines up with the grid.
 */
export function tableToPlainText(spec: TableSpec): string {
  const nCols = columnCount(spec);
  const lines: string[] = spec.titleLines.map(plainCell);
  const grid = (rows: readonly (readonly SpecCell[])[]): void => {
    for (const row of placeRows(rows, nCols)) {
      const fields: string[] = Array.from({ length: nCols }, () => '');
      for (const p of row.cells) fields[p.col] = plainCell(p.cell.text);
      lines.push(fields.join('\t').replace(/\t+$/, ''));
    }
  };
  grid(spec.headerRows);
  grid(spec.bodyRows.map((r) => r.cells));
  for (const line of [...spec.notes, ...(spec.source ? [spec.source] : [])]) lines.push(plainCell(line));
  return lines.join('\n') + '\n';
}
