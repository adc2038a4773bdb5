/**
 * Finds rows and cells in a worksheet part by scanning its text, without parsing
 * the whole document: positions are kept so a patch can replace exactly one <c>
 * element, or insert one, and leave every other byte as it was.
 */
import { columnIndex, parseA1, parseRange, type RangeAddress } from '../../core/a1';
import { ATTRS, attr, parseAttrs, type Attr } from './xmlText';

/** The sheet's XML is of a shape the patcher does not write into (reason for the refusal in `detail`). */
export class UnusualSheetXml extends Error {
  override readonly name = 'UnusualSheetXml';
}

export interface RowSpan {
  /** 1-based row number, from r or implied by the row before. */
  row: number;
  start: number;
  /** End of the start tag (for a self-closing row, of the whole element). */
  openEnd: number;
  /** Start of </row> (= end for a self-closing row). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
  attrs: Attr[];
}

export interface CellSpan {
  /** 0-based column, from r or implied by the cell before. */
  col: number;
  start: number;
  end: number;
  attrs: Attr[];
  /** Text between the start and end tags ('' when self-closing). */
  inner: string;
}

export interface SheetIndex {
  /** Namespace prefix of the sheet's elements with its colon ('' for the default namespace). */
  prefix: string;
  /** Just after <sheetData ...>, and the start of </sheetData>. */
  dataStart: number;
  dataEnd: number;
  rows: RowSpan[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function indexSheet(xml: string): SheetIndex {
  const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?sheetData${ATTRS}`).exec(xml);
  if (!open) throw new UnusualSheetXml('no sheetData element');
  if (open[3] === '/') throw new UnusualSheetXml('the sheet holds no cells');
  const prefix = open[1] ?? '';
  const dataStart = open.index + open[0].length;
  const dataEnd = xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) throw new UnusualSheetXml('sheetData is not closed');
  const data = xml.slice(dataStart, dataEnd);
  // Text that hides markup from a scanner: never written by Excel or LibreOffice in cell data.
  if (/<!--|<!\[CDATA\[|<\?/.test(data)) throw new UnusualSheetXml('comments, CDATA or processing instructions in the cell data');
  const rowTag = new RegExp(`<(/?)${escapeRe(prefix)}row(?=[\\s/>])${ATTRS}`, 'g');
  rowTag.lastIndex = dataStart;
  const rows: RowSpan[] = [];
  let current: RowSpan | undefined;
  let last = 0;
  for (let m = rowTag.exec(xml); m && m.index < dataEnd; m = rowTag.exec(xml)) {
    if (m[1] === '/') {
      if (!current) throw new UnusualSheetXml('a row closes that never opened');
      current.closeStart = m.index;
      current.end = m.index + m[0].length;
      rows.push(current);
      current = undefined;
      continue;
    }
    if (current) throw new UnusualSheetXml('a row opens inside another row');
    const attrs = parseAttrs(m[2]);
    const r = attr(attrs, 'r');
    const row = r === undefined ? last + 1 : Number(r);
    if (!Number.isSafeInteger(row) || row <= last) throw new UnusualSheetXml(`row ${r ?? '(no number)'} is out of order`);
    last = row;
    const end = m.index + m[0].length;
    const span: RowSpan = { row, start: m.index, openEnd: end, closeStart: end, end, selfClosing: m[3] === '/', attrs };
    if (span.selfClosing) rows.push(span);
    else current = span;
  }
  if (current) throw new UnusualSheetXml(`row ${current.row} is not closed`);
  return { prefix, dataStart, dataEnd, rows };
}

/** The cells of one row, in order; refuses a row whose cells are out of order or nested. */
export function cellsOf(xml: string, index: SheetIndex, row: RowSpan): CellSpan[] {
  if (row.selfClosing) return [];
  const p = escapeRe(index.prefix);
  const cellTag = new RegExp(`<${p}c(?=[\\s/>])${ATTRS}`, 'g');
  const nested = new RegExp(`<${p}c(?=[\\s/>])`);
  const close = `</${index.prefix}c>`;
  cellTag.lastIndex = row.openEnd;
  const cells: CellSpan[] = [];
  let last = -1;
  for (let m = cellTag.exec(xml); m && m.index < row.closeStart; m = cellTag.exec(xml)) {
    const attrs = parseAttrs(m[1]);
    const r = attr(attrs, 'r');
    let col: number;
    if (r === undefined) col = last + 1;
    else {
      const at = parseA1(r);
      if (!at || at.row + 1 !== row.row) throw new UnusualSheetXml(`cell ${r} sits in row ${row.row}`);
      col = at.col;
    }
    if (col <= last) throw new UnusualSheetXml(`cell ${r ?? '(no address)'} is out of order in row ${row.row}`);
    last = col;
    const tagEnd = m.index + m[0].length;
    if (m[2] === '/') {
      cells.push({ col, start: m.index, end: tagEnd, attrs, inner: '' });
      continue;
    }
    const closeAt = xml.indexOf(close, tagEnd);
    if (closeAt < 0 || closeAt > row.closeStart) throw new UnusualSheetXml(`cell in row ${row.row} is not closed`);
    const inner = xml.slice(tagEnd, closeAt);
    if (nested.test(inner)) throw new UnusualSheetXml(`cell in row ${row.row} holds another cell element`);
    cells.push({ col, start: m.index, end: closeAt + close.length, attrs, inner });
    cellTag.lastIndex = closeAt + close.length;
  }
  return cells;
}

export interface FormulaInfo {
  attrs: Attr[];
  /** Formula text as written (entities not decoded); '' for a shared-formula dependent. */
  text: string;
  /** Where the whole <f> element sits in the cell's inner text. */
  start: number;
  end: number;
}

/** The <f> element of a cell, if it has one. */
export function formulaOf(cell: CellSpan, prefix: string): FormulaInfo | undefined {
  const p = escapeRe(prefix);
  const m = new RegExp(`<${p}f(?=[\\s/>])${ATTRS}`).exec(cell.inner);
  if (!m) return undefined;
  const attrs = parseAttrs(m[1]);
  const tagEnd = m.index + m[0].length;
  if (m[2] === '/') return { attrs, text: '', start: m.index, end: tagEnd };
  const close = `</${prefix}f>`;
  const end = cell.inner.indexOf(close, tagEnd);
  if (end < 0) throw new UnusualSheetXml('a formula element is not closed');
  return { attrs, text: cell.inner.slice(tagEnd, end), start: m.index, end: end + close.length };
}

/** The ranges of array formulas and data tables in the sheet: cells inside them are written by Excel, not one by one. */
export function lockedRanges(xml: string, index: SheetIndex): RangeAddress[] {
  const p = escapeRe(index.prefix);
  const f = new RegExp(`<${p}f(?=[\\s/>])${ATTRS}`, 'g');
  f.lastIndex = index.dataStart;
  const out: RangeAddress[] = [];
  for (let m = f.exec(xml); m && m.index < index.dataEnd; m = f.exec(xml)) {
    const attrs = parseAttrs(m[1]);
    const t = attr(attrs, 't');
    if (t !== 'array' && t !== 'dataTable') continue;
    const range = parseRange(attr(attrs, 'ref') ?? '');
    if (!range) throw new UnusualSheetXml(`an ${t} formula without a readable range`);
    out.push(range);
  }
  return out;
}

export function inRange(r: RangeAddress, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** Binary search over the rows by number. */
export function findRow(index: SheetIndex, row: number): { at: number; found: boolean } {
  let lo = 0;
  let hi = index.rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.rows[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return { at: lo, found: index.rows[lo]?.row === row };
}

export { columnIndex };
