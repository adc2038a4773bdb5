/**
 * TableSpec -> SheetPlan: a plain description of the worksheet region a report
 * table occupies, ready to be written in bulk by any writer (Office.js in
 * src/excel/insertTable.ts, exceljs in src/xlsx/writeTablePlan.ts, the
 * browser preview's in-memory workbook).
 *
 * Layout (rows from `startRow`, columns from `startCol`):
 *   title lines   one row each, bold, centred, merged across the table;
 *   (one empty row)
 *   header rows   bold, centred, wrapped, grey fill, thin borders;
 *   body rows     thin borders; parent/section/total rows bold, the total row
 *                 with a thick top edge, kegiatan indented;
 *   notes, source italic, each merged across the table and wrapped.
 *
 * Every cell of every block is present, so a writer sets a block's
 * formulas/values and number formats with one 2D array each. Totals and
 * percentages are FORMULAS built from the spec's intents (`=SUM(D4:D29)`,
 * `=IF(E4=0,"Kewenangan Pusat",F4/E4*100)`), with the spec's computed result
 * kept as the cell's `value` for writers that store a cached result.
 *
 * Number formats are the locale-neutral codes Excel renders in the reader's
 * locale (Indonesian Excel shows `#,##0` as 1.595 and `0.00` as 96,82). Text
 * that Excel would turn into something else when written (a leading = + - @,
 * anything that reads as a number, date, boolean or error) gets the text
 * format `@`, so it is stored exactly as the report prints it.
 *
 * Pure: no DOM, no Node, no Office.js.
 */
import { columnLetter, toA1 } from '../a1';
import { cellAlign, cellBold, columnCount, placeRows } from './html';
import type { SpecCell, SpecCellKind, SpecFormula, SpecRowRole, TableSpec, TableSpecKind } from './types';

export type PlanValue = number | string;

/** Formatting of a cell; identical styles on neighbouring cells are written as one range. */
export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'center';
  wrap?: boolean;
  /** Indent level (Excel's indentLevel, about 3 characters each). */
  indent?: number;
  /** Background colour, '#RRGGBB'. */
  fill?: string;
  /** 'all': thin lines on every edge; 'top-thick': the same with a thick top edge (the total row). */
  border?: 'all' | 'top-thick';
}

export interface PlanCell extends PlanStyle {
  /** 0-based absolute row and column. */
  row: number;
  col: number;
  /**
   * The constant written into the cell ('' for an empty cell). For a formula
   * cell: the result the spec computed (a number, or the marker text), for
   * writers that keep a cached result.
   */
  value: PlanValue;
  /** '=SUM(D4:D29)' … when the cell is computed by Excel. */
  formula?: string;
  /** The text the report prints (Indonesian style: '2.579.089', '79,13'), as Indonesian Excel shows the cell. */
  text: string;
  /** Excel number format code: 'General', '@', '#,##0;-#,##0;"-"', '#,##0', '#,##0.00', '0.00'… */
  numberFormat: string;
  /** Covered by a merged cell to its left or above (written empty, styled like the merge). */
  covered?: boolean;
}

export type PlanBlockName = 'titles' | 'header' | 'body' | 'notes';

/** A full rectangle of cells: cells[r][c] is at (top + r, left + c). */
export interface PlanBlock {
  name: PlanBlockName;
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** A1 range of the block ('' when it has no rows). */
  range: string;
  cells: PlanCell[][];
}

export interface PlanPrint {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** One page wide, as many pages tall as needed. */
  fitToWidth: true;
  /** Header rows repeated on every printed page, 1-based 'r1:r2' ('' without header rows). */
  repeatRows: string;
  /** The print area: the whole region. */
  area: string;
}

export interface SheetPlan {
  /** The spec's id ('pmks-Indikator 1 PMKS'). */
  id: string;
  kind: TableSpecKind;
  /** The sheet's readable name, 'Tabel PMKS' (not yet unique in any workbook; see sheetNameFor). */
  sheetName: string;
  from: { sheet: string; range: string };
  /** The whole region. */
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** A1 range of the whole region, e.g. 'A1:I32'. */
  range: string;
  blocks: Record<PlanBlockName, PlanBlock>;
  /** Merged areas in A1 notation: title and note lines across the table, header and body spans. */
  merges: string[];
  /** Width of each column of the region, in characters (Excel's column width unit). */
  columnWidths: number[];
  /**
   * Estimated heights (points) of rows whose wrapped text needs more than one
   * line. `merged`: the row's text sits in a merged cell, which Excel never
   * autofits, so even Excel needs the height set.
   */
  rowHeights: { row: number; height: number; merged: boolean }[];
  print: PlanPrint;
}

export interface SheetPlanOptions {
  /** 0-based row and column of the region's top-left cell (default 0, 0: A1). */
  startRow?: number;
  startCol?: number;
  /** Text of a ratio formula whose denominator is 0 when the spec names none (default '-'). */
  marker?: string;
}

export const HEADER_FILL = '#D9D9D9';
/** Height of one line of 11 pt text, in points. */
export const LINE_HEIGHT = 15;

export const COUNT_FORMAT = '#,##0;-#,##0;"-"';
export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

function zeros(n: number): string {
  return n > 0 ? `.${'0'.repeat(n)}` : '';
}

/** Excel number format of a number of the given kind and decimals. */
export function numberFormatFor(kind: SpecCellKind, decimals?: number): string {
  const d = decimals !== undefined && Number.isInteger(decimals) && decimals >= 0 ? Math.min(decimals, 10) : undefined;
  switch (kind) {
    case 'count':
      // Zero prints as a dash, as these reports do.
      return d ? `#,##0${zeros(d)};-#,##0${zeros(d)};"-"` : COUNT_FORMAT;
    case 'money':
      return `#,##0${zeros(d ?? 0)}`;
    case 'percent':
      return `0${zeros(d ?? 2)}`;
    default:
      return GENERAL_FORMAT;
  }
}

const NUMBERISH = /^[+-]?[\d.,]*\d[\d.,]*\s*%?$/;
const MONEYISH = /^(rp\.?|\$|€)\s*[\d.,]*\d[\d.,]*(,-)?$/i;
const DATEISH = /^\d{1,4}\s*[/-]\s*\d{1,2}(\s*[/-]\s*\d{1,4})?$|^\d{1,2}\s*[/-]\s*[A-Za-z]{3,}/;
const TIMEISH = /^\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?$/;
const ERRORISH = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/**
 * Whether Excel would store this text as something else when it is written
 * into a General cell: a formula (leading '=' '+' '-' '@'), a number
 * ('2021', '1.595', '96,82%', '(1.234)', '1E5'), a date or time ('1/2',
 * '12:30'), a boolean or an error. Such text is written with the text
 * format '@'. A lone '-' stays text in Excel and needs nothing.
 */
export function needsTextFormat(text: string): boolean {
  const s = text.trim();
  if (s === '' || s === '-') return false;
  if (/^[=+\-@]/.test(text)) return true;
  if (NUMBERISH.test(s) || MONEYISH.test(s)) return true;
  if (/^\(\s*[\d.,]+\s*\)$/.test(s)) return true;
  if (/^[+-]?\d+([.,]\d+)?E[+-]?\d+$/i.test(s)) return true;
  if (DATEISH.test(s) || TIMEISH.test(s)) return true;
  if (/^(true|false|benar|salah)$/i.test(s)) return true;
  return ERRORISH.test(s);
}

/** A formula's string literal: quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Rows (absolute, 0-based) -> 'D4:D29,D31' with contiguous runs collapsed. */
export function sumArgs(col: number, rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? toA1(sorted[i], col) : `${toA1(sorted[i], col)}:${toA1(sorted[j], col)}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Estimated lines a wrapped text needs in a column `width` characters wide. */
export function linesFor(text: string, width: number, bold = false): number {
  const usable = Math.max(1, width - 1);
  const factor = bold ? 1.1 : 1;
  return text
    .split(/\r?\n/)
    .reduce((n, part) => n + Math.max(1, Math.ceil((part.length * factor) / usable)), 0);
}

/** A worksheet name from a table id: no []:*?/\, no leading/trailing apostrophe, at most 31 characters. */
export function sanitizeSheetName(id: string): string {
  let s = id.replace(/[[\]:*?/\\]/g, ' ').replace(/[\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim();
  s = s.replace(/^'+|'+$/g, '').trim();
  if (/^history$/i.test(s)) s = `${s} 1`;
  s = s.slice(0, 31).trim().replace(/'+$/, '');
  return s || 'Tabel';
}

const SHEET_WORDS: Record<TableSpecKind, string> = {
  pmks: 'PMKS',
  spm: 'SPM',
  capaian: 'Capaian Kinerja',
  anggaran: 'Anggaran',
  belanja: 'Belanja',
  count: 'Jumlah',
};

/**
 * The name staff would give the inserted sheet: 'Tabel PMKS', 'Tabel APBD',
 * 'Tabel Pegawai'. A budget table says which budget (APBN/APBD) when its title
 * or sheet does; a count table, which has no fixed subject, takes its sheet's name.
 */
export function readableSheetName(spec: Pick<TableSpec, 'kind' | 'titleLines' | 'from'>): string {
  const budget = spec.kind === 'anggaran' && /\b(APBN|APBD)\b/i.exec(`${spec.from.sheet} ${spec.titleLines.join(' ')}`);
  const word = budget ? budget[1].toUpperCase() : spec.kind === 'count' ? spec.from.sheet : SHEET_WORDS[spec.kind];
  // A sheet already called 'Tabel 1.3' is not prefixed again.
  return sanitizeSheetName(/^tabel\b/i.test(word) ? word : `Tabel ${word}`);
}

/** A name not in `taken` (case-insensitive, as Excel compares sheet names): 'name', 'name (2)', … within 31 characters. */
export function sheetNameFor(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

function emptyCell(row: number, col: number, style: PlanStyle = {}): PlanCell {
  return { row, col, value: '', text: '', numberFormat: GENERAL_FORMAT, ...style };
}

function block(name: PlanBlockName, top: number, left: number, cells: PlanCell[][], cols: number): PlanBlock {
  const rows = cells.length;
  const range = rows === 0 || cols === 0 ? '' : rangeA1(top, left, top + rows - 1, left + cols - 1);
  return { name, top, left, rows, cols, range, cells };
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const a = toA1(top, left);
  return top === bottom && left === right ? a : `${a}:${toA1(bottom, right)}`;
}

function isNumberKind(kind: SpecCellKind): boolean {
  return kind === 'count' || kind === 'money' || kind === 'percent';
}

/** Content of a spec cell without a formula: a number, or text (text-formatted when Excel would misread it). */
function constant(cell: SpecCell): { value: PlanValue; numberFormat: string } {
  if (typeof cell.value === 'number' && Number.isFinite(cell.value)) {
    return { value: cell.value, numberFormat: numberFormatFor(cell.kind, cell.decimals) };
  }
  // A plain number in the No column is written as a number: Excel would flag it as a number stored as text.
  if (cell.kind === 'no' && /^\d{1,9}$/.test(cell.text.trim())) return { value: Number(cell.text.trim()), numberFormat: GENERAL_FORMAT };
  return { value: cell.text, numberFormat: needsTextFormat(cell.text) ? TEXT_FORMAT : GENERAL_FORMAT };
}

/** Characters a word needs: bold text is about a tenth wider. */
function wordWidth(text: string, bold: boolean): number {
  const longest = text.split(/[\s]+/).reduce((n, w) => Math.max(n, w.length), 0);
  return longest === 0 ? 0 : Math.ceil(longest * (bold ? 1.1 : 1)) + 1;
}

/**
 * The spec's column widths, widened where a single word of a cell would not
 * fit: Excel then breaks the word itself ('Kewenanga|n Pusat' in a 9-wide %
 * column). Only cells spanning one column count.
 */
function fitWords(spec: TableSpec, nCols: number, widths: number[]): number[] {
  const out = [...widths];
  const widen = (rows: readonly (readonly SpecCell[])[], header: boolean) => {
    for (const row of placeRows(rows, nCols)) {
      for (const p of row.cells) {
        if (p.colSpan !== 1 || p.col >= nCols) continue;
        out[p.col] = Math.max(out[p.col], wordWidth(p.cell.text, header || !!p.cell.bold));
      }
    }
  };
  widen(spec.headerRows, true);
  widen(
    spec.bodyRows.map((r) => r.cells),
    false,
  );
  return out;
}

/** The sheet plan of one table. */
export function sheetPlan(spec: TableSpec, opts: SheetPlanOptions = {}): SheetPlan {
  const top = Math.max(0, Math.floor(opts.startRow ?? 0));
  const left = Math.max(0, Math.floor(opts.startCol ?? 0));
  const defaultMarker = opts.marker ?? '-';
  const nCols = columnCount(spec);
  const widths = fitWords(spec, nCols, Array.from({ length: nCols }, (_, i) => spec.columns[i]?.width ?? 12));
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const merges: string[] = [];
  const rowHeights: SheetPlan['rowHeights'] = [];
  const right = left + nCols - 1;

  /** A line across the whole table (titles, notes): one merged cell. */
  const lineRow = (row: number, text: string, style: PlanStyle): PlanCell[] => {
    const c = constant({ text, kind: 'text' });
    const first: PlanCell = { row, col: left, value: c.value, text, numberFormat: c.numberFormat, ...style };
    const rest = Array.from({ length: nCols - 1 }, (_, i) => ({ ...emptyCell(row, left + 1 + i, style), covered: true }));
    if (nCols > 1) merges.push(rangeA1(row, left, row, right));
    return [first, ...rest];
  };

  // Title lines.
  const titleCells = spec.titleLines.map((line, i) => lineRow(top + i, line, { bold: true, align: 'center', valign: 'center' }));
  const headerTop = top + spec.titleLines.length + (spec.titleLines.length > 0 ? 1 : 0);

  // Header and body: placed on the column grid, spans merged, covered positions styled like their merge.
  const grid = (
    rows: readonly (readonly SpecCell[])[],
    firstRow: number,
    styleOf: (cell: SpecCell, r: number, col: number) => PlanStyle,
    contentOf: (cell: SpecCell, r: number, col: number) => Pick<PlanCell, 'value' | 'formula' | 'numberFormat'>,
    padStyle: (r: number) => PlanStyle,
  ): PlanCell[][] => {
    const placed = placeRows(rows, nCols);
    const out: PlanCell[][] = placed.map((_, r) => Array.from({ length: nCols }, (__, c) => emptyCell(firstRow + r, left + c, padStyle(r))));
    const lines: number[] = placed.map(() => 1);
    const mergedRow: boolean[] = placed.map(() => false);
    placed.forEach((row, r) => {
      for (const p of row.cells) {
        if (p.col >= nCols) continue;
        const style = styleOf(p.cell, r, p.col);
        const content = contentOf(p.cell, r, p.col);
        const absRow = firstRow + r;
        const absCol = left + p.col;
        const colSpan = Math.min(p.colSpan, nCols - p.col);
        out[r][p.col] = { row: absRow, col: absCol, ...content, text: p.cell.text, ...style };
        for (let rr = r; rr < r + p.rowSpan; rr++) {
          for (let cc = p.col; cc < p.col + colSpan; cc++) {
            if (rr === r && cc === p.col) continue;
            out[rr][cc] = { ...emptyCell(firstRow + rr, left + cc, style), covered: true };
          }
        }
        if (colSpan > 1 || p.rowSpan > 1) merges.push(rangeA1(absRow, absCol, absRow + p.rowSpan - 1, absCol + colSpan - 1));
        if (style.wrap && p.cell.text) {
          const w = widths.slice(p.col, p.col + colSpan).reduce((a, b) => a + b, 0) - (style.indent ?? 0) * 3;
          const need = Math.ceil(linesFor(p.cell.text, w, style.bold) / p.rowSpan);
          for (let rr = r; rr < r + p.rowSpan; rr++) {
            lines[rr] = Math.max(lines[rr], need);
            // A merged cell spanning rows is not what decides their height; one spanning columns is.
            if (colSpan > 1 && p.rowSpan === 1 && need > 1) mergedRow[rr] = true;
          }
        }
      }
    });
    lines.forEach((n, r) => {
      if (n > 1) rowHeights.push({ row: firstRow + r, height: n * LINE_HEIGHT, merged: mergedRow[r] });
    });
    return out;
  };

  const headerCells = grid(
    spec.headerRows,
    headerTop,
    () => ({ bold: true, align: 'center', valign: 'center', wrap: true, fill: HEADER_FILL, border: 'all' }),
    (cell) => {
      const c = constant({ ...cell, value: undefined });
      return { value: c.value, numberFormat: c.numberFormat };
    },
    () => ({ bold: true, align: 'center', valign: 'center', wrap: true, fill: HEADER_FILL, border: 'all' }),
  );

  const bodyTop = headerTop + headerCells.length;
  const roles: SpecRowRole[] = spec.bodyRows.map((r) => r.role);
  const bodyStyle = (role: SpecRowRole): PlanStyle => ({ valign: 'top', border: role === 'total' ? 'top-thick' : 'all', ...(role === 'total' || role === 'parent' ? { bold: true } : {}) });
  const formulaOf = (f: SpecFormula, row: number, col: number): string | undefined => {
    if (f.kind === 'sum') {
      const rows = f.rows.filter((i) => Number.isInteger(i) && i >= 0 && i < spec.bodyRows.length).map((i) => bodyTop + i);
      return rows.length ? `=SUM(${sumArgs(col, rows)})` : undefined;
    }
    if (!Number.isInteger(f.num) || !Number.isInteger(f.den) || f.num < 0 || f.den < 0 || f.num >= nCols || f.den >= nCols) return undefined;
    const num = toA1(row, left + f.num);
    const den = toA1(row, left + f.den);
    return `=IF(${den}=0,${literal(f.marker ?? defaultMarker)},${num}/${den}*100)`;
  };
  const bodyCells = grid(
    spec.bodyRows.map((r) => r.cells),
    bodyTop,
    (cell, r, col) => {
      const role = roles[r];
      const column = spec.columns[col];
      const kind = cell.formula ? (cell.formula.kind === 'ratio' ? 'percent' : column?.kind ?? cell.kind) : cell.kind;
      const style: PlanStyle = { ...bodyStyle(role), align: cellAlign(cell, column) };
      if (cellBold(cell, role)) style.bold = true;
      else delete style.bold;
      if (cell.indent && cell.indent > 0) style.indent = Math.floor(cell.indent);
      // Text wraps; so does a % column, where 'Kewenangan Pusat' stands in for a number.
      if ((!isNumberKind(kind) && kind !== 'no') || cell.kind === 'marker' || cell.formula?.kind === 'ratio') style.wrap = true;
      return style;
    },
    (cell, r, col) => {
      const f = cell.formula ? formulaOf(cell.formula, bodyTop + r, left + col) : undefined;
      if (!f) return constant(cell);
      const kind: SpecCellKind = cell.formula!.kind === 'ratio' ? 'percent' : isNumberKind(cell.kind) ? cell.kind : spec.columns[col]?.kind ?? 'count';
      const decimals = cell.formula!.kind === 'ratio' ? (cell.kind === 'percent' ? cell.decimals ?? 2 : 2) : cell.decimals;
      // The cached result: the spec's number, or its marker text where the denominator is 0.
      const value: PlanValue = typeof cell.value === 'number' && Number.isFinite(cell.value) ? cell.value : cell.text;
      return { value, formula: f, numberFormat: numberFormatFor(kind, decimals) };
    },
    (r) => bodyStyle(roles[r]),
  );

  // Notes and source: italic lines across the table, wrapped; merged cells never autofit, so their height is set.
  const notesTop = bodyTop + bodyCells.length;
  const below = [...spec.notes, ...(spec.source ? [spec.source] : [])];
  const noteCells = below.map((line, i) => {
    const row = notesTop + i;
    const n = linesFor(line, totalWidth);
    if (n > 1) rowHeights.push({ row, height: n * LINE_HEIGHT, merged: nCols > 1 });
    return lineRow(row, line, { italic: true, align: 'left', valign: 'top', wrap: true });
  });

  const bottom = Math.max(top, notesTop + noteCells.length - 1);
  const range = rangeA1(top, left, bottom, right);
  const headerRows = headerCells.length;
  rowHeights.sort((a, b) => a.row - b.row);
  return {
    id: spec.id,
    kind: spec.kind,
    sheetName: readableSheetName(spec),
    from: { ...spec.from },
    top,
    left,
    rows: bottom - top + 1,
    cols: nCols,
    range,
    blocks: {
      titles: block('titles', top, left, titleCells, nCols),
      header: block('header', headerTop, left, headerCells, nCols),
      body: block('body', bodyTop, left, bodyCells, nCols),
      notes: block('notes', notesTop, left, noteCells, nCols),
    },
    merges,
    columnWidths: widths,
    rowHeights,
    print: {
      paper: 'A4',
      orientation: totalWidth > 100 ? 'landscape' : 'portrait',
      fitToWidth: true,
      repeatRows: headerRows > 0 ? `${headerTop + 1}:${headerTop + headerRows}` : '',
      area: range,
    },
  };
}

export const BLOCK_ORDER: readonly PlanBlockName[] = ['titles', 'header', 'body', 'notes'];

/** The non-empty blocks of a plan, top to bottom. */
export function planBlocks(plan: SheetPlan): PlanBlock[] {
  return BLOCK_ORDER.map((n) => plan.blocks[n]).filter((b) => b.rows > 0 && b.cols > 0);
}

/** A block's 2D arrays: what to put in `formulas` (a formula or the constant) and in `numberFormat`. */
export function blockArrays(b: PlanBlock): { formulas: PlanValue[][]; values: PlanValue[][]; numberFormat: string[][] } {
  return {
    formulas: b.cells.map((row) => row.map((c) => c.formula ?? c.value)),
    values: b.cells.map((row) => row.map((c) => c.value)),
    numberFormat: b.cells.map((row) => row.map((c) => c.numberFormat)),
  };
}

export const STYLE_KEYS: readonly (keyof PlanStyle)[] = ['bold', 'italic', 'align', 'valign', 'wrap', 'indent', 'fill', 'border'];

export function styleOf(c: PlanStyle): PlanStyle {
  const s: PlanStyle = {};
  for (const k of STYLE_KEYS) {
    const v = c[k];
    if (v !== undefined && v !== false && v !== 0) (s as Record<string, unknown>)[k] = v;
  }
  return s;
}

function styleKey(s: PlanStyle, keys: readonly (keyof PlanStyle)[]): string {
  return keys.map((k) => String(s[k] ?? '')).join('|');
}

export interface StyleRun {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** A1 range of the run. */
  range: string;
  style: PlanStyle;
}

/**
 * The plan's formatting as few rectangles as the cells allow: per block,
 * neighbouring cells of one row with the same style form a run, and the
 * same run on consecutive rows one rectangle. Cells without any style are
 * left out. `keys` limits the style to some of its properties (e.g. borders
 * apart from the rest, which gives far fewer rectangles for each). A writer
 * sets each rectangle's format once.
 */
export function styleRuns(plan: SheetPlan, keys: readonly (keyof PlanStyle)[] = STYLE_KEYS): StyleRun[] {
  const out: StyleRun[] = [];
  const pick = (c: PlanCell): PlanStyle => {
    const all = styleOf(c);
    const s: PlanStyle = {};
    for (const k of keys) if (all[k] !== undefined) (s as Record<string, unknown>)[k] = all[k];
    return s;
  };
  const none = styleKey({}, keys);
  for (const b of planBlocks(plan)) {
    let open = new Map<string, StyleRun>();
    for (const row of b.cells) {
      const next = new Map<string, StyleRun>();
      let i = 0;
      while (i < row.length) {
        const style = pick(row[i]);
        const key = styleKey(style, keys);
        let j = i;
        while (j + 1 < row.length && styleKey(pick(row[j + 1]), keys) === key) j++;
        if (key !== none) {
          const id = `${row[i].col}:${row[j].col}:${key}`;
          const prev = open.get(id);
          if (prev && prev.bottom === row[i].row - 1) {
            prev.bottom = row[i].row;
            next.set(id, prev);
          } else {
            const run: StyleRun = { top: row[i].row, left: row[i].col, bottom: row[i].row, right: row[j].col, range: '', style };
            out.push(run);
            next.set(id, run);
          }
        }
        i = j + 1;
      }
      open = next;
    }
  }
  for (const r of out) r.range = rangeA1(r.top, r.left, r.bottom, r.right);
  return out;
}

export const STYLE_KEYS_BUT_BORDER: readonly (keyof PlanStyle)[] = STYLE_KEYS.filter((k) => k !== 'border');

/** Move every A1 reference of a formula by (dRow, dCol), leaving string literals alone. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g, (whole, d1: string, letters: string, d2: string, digits: string, offset: number, s: string) => {
            if (offset > 0 && /[\w.]/.test(s[offset - 1])) return whole;
            let col = 0;
            for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
            return `${d1}${columnLetter(col - 1 + dCol)}${d2}${Number(digits) + dRow}`;
          }),
    )
    .join('');
}

function shiftRange(a1: string, dRow: number, dCol: number): string {
  return a1 ? a1.split(':').map((p) => shiftFormula(p, dRow, dCol)).join(':') : a1;
}

/** The same plan with its top-left cell at (row, col): cells, formulas, merges, ranges and print rows moved. */
export function movePlan(plan: SheetPlan, row: number, col: number): SheetPlan {
  const dRow = row - plan.top;
  const dCol = col - plan.left;
  if (dRow === 0 && dCol === 0) return plan;
  const moveBlock = (b: PlanBlock): PlanBlock => ({
    ...b,
    top: b.top + dRow,
    left: b.left + dCol,
    range: shiftRange(b.range, dRow, dCol),
    cells: b.cells.map((r) =>
      r.map((c) => {
        const moved: PlanCell = { ...c, row: c.row + dRow, col: c.col + dCol };
        if (c.formula) moved.formula = shiftFormula(c.formula, dRow, dCol);
        return moved;
      }),
    ),
  });
  const repeat = plan.print.repeatRows ? plan.print.repeatRows.split(':').map((n) => String(Number(n) + dRow)).join(':') : '';
  return {
    ...plan,
    top: row,
    left: col,
    range: shiftRange(plan.range, dRow, dCol),
    blocks: {
      titles: moveBlock(plan.blocks.titles),
      header: moveBlock(plan.blocks.header),
      body: moveBlock(plan.blocks.body),
      notes: moveBlock(plan.blocks.notes),
    },
    merges: plan.merges.map((m) => shiftRange(m, dRow, dCol)),
    rowHeights: plan.rowHeights.map((h) => ({ ...h, row: h.row + dRow })),
    print: { ...plan.print, repeatRows: repeat, area: shiftRange(plan.print.area, dRow, dCol) },
  };
}

/** Plans one below the other from (row, col), `gap` empty rows apart (several tables inserted at one cell). */
export function stackPlans(plans: readonly SheetPlan[], row: number, col: number, gap = 2): SheetPlan[] {
  let next = row;
  return plans.map((p) => {
    const moved = movePlan(p, next, col);
    next += p.rows + gap;
    return moved;
  });
}

/** Rows and columns a stack of plans covers from its first cell. */
export function stackSize(plans: readonly SheetPlan[], gap = 2): { rows: number; cols: number } {
  if (plans.length === 0) return { rows: 0, cols: 0 };
  return {
    rows: plans.reduce((n, p) => n + p.rows, 0) + gap * (plans.length - 1),
    cols: Math.max(...plans.map((p) => p.cols)),
  };
}

/** Every cell of a plan, top to bottom. */
export function planCells(plan: SheetPlan): PlanCell[] {
  return planBlocks(plan).flatMap((b) => b.cells.flat());
}
