/**
 * TableSpecs → a Word document (.docx) with the report's tables, ready to copy into
 * the LAKIP. Runs in Node (the `lakip tables` CLI) and in the browser (the task pane):
 * it only builds bytes, it never touches the file system.
 *
 * Layout: A4, margins 2.5 cm; portrait, or landscape for a table wider than 7
 * columns. One section per table, so each table starts on a new page and can have
 * its own orientation. Title lines bold and centred above the table; header rows
 * repeat on every page (w:tblHeader); merged cells as w:gridSpan / w:vMerge;
 * numbers right-aligned; parent and total rows bold; kegiatan indented; notes and
 * 'Sumber:' in italic 9 pt under the table. Every text is a plain text run: the
 * spec's formulas are never written, so a cell reading '=HYPERLINK(...)' or
 * '<script>' stays literal text.
 *
 * Font: Indonesian government reports are commonly typed in Arial or Bookman Old
 * Style. Arial is used here because it is on every Windows and Mac Office install
 * (Bookman Old Style is not always), LibreOffice substitutes the metric-compatible
 * Liberation Sans so line breaks and column widths stay the same everywhere, and a
 * sans-serif face stays readable at the 10 pt that wide budget tables need.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { cellAlign, cellBold, cleanText, columnCount, fitColumnWidths, INDENT_EM, placeRows, type PlacedCell } from '../core/tables/html';
import type { SpecCell, SpecRowRole, TableSpec } from '../core/tables/types';

export interface DocxOptions {
  /** Document title (File > Properties), e.g. 'Tabel LAKIP Dinas Sosial 2021'. */
  title?: string;
}

const FONT = 'Arial';
/** Sizes in half-points. */
const SIZE_TEXT = 22; // 11 pt
const SIZE_TABLE = 20; // 10 pt
const SIZE_NOTE = 18; // 9 pt

/** A4 in twips (1/20 pt). */
export const A4_WIDTH = 11906;
export const A4_HEIGHT = 16838;
/** 2.5 cm in twips. */
export const MARGIN = 1417;
/** Tables wider than this many columns get a landscape page. */
export const PORTRAIT_MAX_COLUMNS = 7;
/** Cell margins left/right (4 pt) and top/bottom (2 pt), twips. */
const CELL_MARGIN_X = 80;
const CELL_MARGIN_Y = 40;
/** One em of the 10 pt table font, in twips. */
const TWIPS_PER_EM = 200;
/** Indentation per level (kegiatan under a program), twips: the HTML's 12 pt. */
const INDENT = Math.round(INDENT_EM * TWIPS_PER_EM);

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;
const HEADER_FILL = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } as const;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export function isLandscape(spec: TableSpec): boolean {
  return columnCount(spec) > PORTRAIT_MAX_COLUMNS;
}

/** Text runs for one cell or line: plain text, line breaks kept as breaks. */
function runs(text: string, style: { bold?: boolean; italics?: boolean; size: number }): TextRun[] {
  const lines = cleanText(text).split(/\r\n|\r|\n/);
  return lines.map(
    (line, i) => new TextRun({ text: line.replace(/\t/g, ' '), font: FONT, size: style.size, bold: style.bold || undefined, italics: style.italics || undefined, break: i > 0 ? 1 : undefined }),
  );
}

interface CellLook {
  bold: boolean;
  align: 'left' | 'center' | 'right';
  indent: number;
  header: boolean;
  role: SpecRowRole | 'header';
}

function gridWidth(widths: number[], col: number, colSpan: number): number {
  let w = 0;
  for (let i = col; i < col + colSpan && i < widths.length; i++) w += widths[i];
  return w;
}

function tableCell(text: string, look: CellLook, col: number, colSpan: number, widths: number[], merge?: 'restart' | 'continue'): TableCell {
  const paragraph = new Paragraph({
    alignment: ALIGN[look.align],
    indent: look.indent > 0 ? { left: INDENT * look.indent } : undefined,
    spacing: { before: 0, after: 0 },
    keepNext: look.header || undefined,
    children: runs(merge === 'continue' ? '' : text, { bold: look.bold, italics: look.role === 'section' && !look.header, size: SIZE_TABLE }),
  });
  return new TableCell({
    children: [paragraph],
    columnSpan: colSpan > 1 ? colSpan : undefined,
    verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    width: { size: gridWidth(widths, col, colSpan), type: WidthType.DXA },
    verticalAlign: look.header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    shading: look.header ? HEADER_FILL : undefined,
    borders: { top: look.role === 'total' ? THICK : LINE, bottom: LINE, left: LINE, right: LINE },
  });
}

function lookOf(p: PlacedCell, role: SpecRowRole | 'header', spec: TableSpec): CellLook {
  const header = role === 'header';
  return {
    bold: cellBold(p.cell, role),
    align: header ? (p.cell.align ?? 'center') : cellAlign(p.cell, spec.columns[p.col]),
    indent: !header && p.cell.indent && p.cell.indent > 0 ? Math.floor(p.cell.indent) : 0,
    header,
    role,
  };
}

/** Rows of one block (header or body): placed cells, vMerge continuations where a cell above spans down, empty cells at the end of short rows. */
function blockRows(rows: readonly (readonly SpecCell[])[], roles: (SpecRowRole | 'header')[], spec: TableSpec, nCols: number, widths: number[]): TableRow[] {
  return placeRows(rows, nCols).map((row, r) => {
    const role = roles[r];
    const items: { col: number; cell: TableCell }[] = [];
    for (const p of row.cells) {
      items.push({ col: p.col, cell: tableCell(p.cell.text, lookOf(p, role, spec), p.col, p.colSpan, widths, p.rowSpan > 1 ? 'restart' : undefined) });
    }
    for (const k of row.covered) {
      // The continuation looks like its origin (header fill), bar the text.
      const look = lookOf(k.origin, role, spec);
      items.push({ col: k.col, cell: tableCell('', look, k.col, k.colSpan, widths, 'continue') });
    }
    if (row.padFrom < nCols) {
      const look: CellLook = { bold: false, align: 'left', indent: 0, header: role === 'header', role };
      items.push({ col: row.padFrom, cell: tableCell('', look, row.padFrom, nCols - row.padFrom, widths) });
    }
    items.sort((a, b) => a.col - b.col);
    // Header rows never split; body rows may, as in Word's default, so a long Keterangan does not leave half a page empty.
    return new TableRow({ children: items.map((x) => x.cell), tableHeader: role === 'header' || undefined, cantSplit: role === 'header' || undefined });
  });
}

function specTable(spec: TableSpec, textWidth: number): Table {
  const nCols = columnCount(spec);
  // Column widths in em of the 10 pt table font (200 twips), plus each cell's margins.
  const ems = fitColumnWidths(spec, nCols, (textWidth - nCols * 2 * CELL_MARGIN_X) / TWIPS_PER_EM);
  const widths = ems.map((e) => Math.floor(e * TWIPS_PER_EM + 2 * CELL_MARGIN_X));
  widths[widths.length - 1] += textWidth - widths.reduce((a, b) => a + b, 0);

  const header = blockRows(
    spec.headerRows,
    spec.headerRows.map(() => 'header'),
    spec,
    nCols,
    widths,
  );
  const body = blockRows(
    spec.bodyRows.map((r) => r.cells),
    spec.bodyRows.map((r) => r.role),
    spec,
    nCols,
    widths,
  );
  if (body.length === 0) {
    const look: CellLook = { bold: false, align: 'center', indent: 0, header: false, role: 'item' };
    body.push(new TableRow({ children: [tableCell('(tabel kosong)', look, 0, nCols, widths)] }));
  }
  return new Table({
    rows: [...header, ...body],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: CELL_MARGIN_Y, bottom: CELL_MARGIN_Y, left: CELL_MARGIN_X, right: CELL_MARGIN_X },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  });
}

function specSection(spec: TableSpec): ISectionOptions {
  const landscape = isLandscape(spec);
  const textWidth = (landscape ? A4_HEIGHT : A4_WIDTH) - 2 * MARGIN;
  const titles = spec.titleLines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 0, after: i === spec.titleLines.length - 1 ? 160 : 0 },
        children: runs(line, { bold: true, size: SIZE_TEXT }),
      }),
  );
  const below = [...spec.notes, ...(spec.source ? [spec.source] : [])].map(
    (line, i) =>
      new Paragraph({
        spacing: { before: i === 0 ? 80 : 0, after: 0 },
        children: runs(line, { italics: true, size: SIZE_NOTE }),
      }),
  );
  return {
    properties: {
      // Each table starts on a new page: the section break is the page break.
      type: SectionType.NEXT_PAGE,
      page: {
        // docx writes w:w/w:h swapped (and w:orient) for landscape.
        size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 708, footer: 708 },
      },
    },
    children: [...titles, specTable(spec, textWidth), ...below],
  };
}

/** The .docx bytes for these tables, one table per page (section). */
export async function tablesToDocx(specs: readonly TableSpec[], opts: DocxOptions = {}): Promise<Uint8Array> {
  const sections: ISectionOptions[] = specs.map(specSection);
  if (sections.length === 0) {
    sections.push({
      properties: { page: { size: { width: A4_WIDTH, height: A4_HEIGHT }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
      children: [new Paragraph({ children: runs('Tidak ada tabel. (No tables.)', { size: SIZE_TEXT }) })],
    });
  }
  const doc = new Document({
    creator: 'LAKIP',
    title: cleanText(opts.title ?? 'Tabel LAKIP'),
    description: 'Tabel laporan kinerja (LAKIP/LKjIP) yang dihitung ulang oleh lakip.',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE_TEXT, language: { value: 'id-ID' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
