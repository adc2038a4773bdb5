/**
 * An HTML page saved as .xls (the "export to Excel" of web applications, and Excel's own
 * "Web Page" format) -> one worksheet, laid out as Excel lays it out when it opens the
 * page: the page's text above and between the tables on rows of their own in column A,
 * each table row on a row, colspan/rowspan as merged areas, rows styled display:none
 * hidden.
 *
 * Values as they were meant, never as a guess:
 * - Excel's own attributes first: x:num (the number), x:fmla (the formula), x:str, x:bool, x:err;
 * - a cell formatted as text (mso-number-format "\@", vnd.ms-excel.numberformat:@) stays text;
 * - otherwise the text the page shows is read as a number (src/core/numbers/parse.ts) when it
 *   is one: 201667, 1.234.567, 6.353.928,80, 79,13, 96,82%. Text that reads two ways
 *   ("1.595", "201,667") is settled by the page's own convention, learnt from its
 *   unambiguous numbers (decimal comma and grouping dot: Indonesian; the reverse: English);
 *   a page that shows none stays text, for the check to explain. SheetJS's HTML reader
 *   is not used: it reads "1.595" as 1.595 and "79,13" as 7913.
 * The number format is the one the page gives (mso-number-format), else the one Excel
 * would give the typed text (#,##0, 0.00, 0.00%); numbers' text is rendered from value and format
 * as the .xlsx reader renders it (the page's own dash for a zero aside).
 *
 * A linear scanner over the markup (indexOf, no regular expression over the page), bounded
 * by the cell limit and the sheet's size.
 */
import Decimal from 'decimal.js';
import { parseNumberText } from '../../core/numbers/parse';
import type { RawValue, ValueType, WorkbookSnapshot } from '../../core/snapshot';
import { ContentTooLargeError, LegacyReadIssue, WorkbookReadError } from '../errors';
import { displayText, GENERAL } from '../formatText';
import type { Rect } from '../sheetExtent';
import { decodeEntities, decodeHtmlBytes } from './htmlText';
import { LEGACY_MAX_MARKUP_BYTES, SHEET_COLS, SHEET_ROWS } from './limits';
import { buildSheet, type LegacyCell } from './sheet';

/** Browsers' own limits on spans: larger values are read as these. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
/**
 * Layout steps a page may take (a cell placed, a column a rowspan covers marked or skipped):
 * about half a second. Real exports take a few per cell; only a page built to be slow,
 * thousands of tall spans, comes near.
 */
const MAX_LAYOUT_WORK = 200_000_000;

interface Style {
  /** Number format code; '@' for text. */
  format?: string;
  hidden?: boolean;
}

interface RawCell {
  text: string;
  /** Explicit value from Excel's attributes. */
  num?: number;
  str?: boolean;
  bool?: boolean;
  err?: string;
  formula?: string;
  format?: string;
}

interface Attrs {
  [name: string]: string;
}

// ---------------------------------------------------------------------------------------------
// Styles

/** The value of a CSS declaration as written: quotes removed, CSS escapes (\#, \0022 ) resolved. */
function cssValue(v: string): string {
  let s = v.trim();
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) s = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    let j = i + 1;
    let hex = '';
    while (j < s.length && hex.length < 6 && /[0-9a-fA-F]/.test(s[j])) hex += s[j++];
    if (hex.length >= 2) {
      const code = parseInt(hex, 16);
      out += code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      if (s[j] === ' ') j++;
      i = j - 1;
    } else {
      out += s[i + 1];
      i++;
    }
  }
  return out;
}

/** Excel's names for formats in mso-number-format. */
const NAMED_FORMATS: Record<string, string> = {
  general: GENERAL,
  'general number': GENERAL,
  standard: '#,##0.00',
  fixed: '0.00',
  percent: '0.00%',
  scientific: '0.00E+00',
  currency: '#,##0.00',
  'short date': 'm/d/yyyy',
  'medium date': 'd-mmm-yy',
  'long date': 'dddd, mmmm d, yyyy',
  'short time': 'h:mm',
  'medium time': 'h:mm AM/PM',
  'long time': 'h:mm:ss AM/PM',
  '@': '@',
};

function normalFormat(v: string): string {
  const named = NAMED_FORMATS[v.trim().toLowerCase()];
  return named ?? v;
}

/** The declarations of a style attribute or rule body that matter here. */
function parseDeclarations(body: string, into: Style = {}): Style {
  // Split on ';' outside quotes.
  let start = 0;
  let quote = '';
  const decls: string[] = [];
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === ';' || i === body.length) {
      decls.push(body.slice(start, i));
      start = i + 1;
    }
  }
  for (const d of decls) {
    const colon = d.indexOf(':');
    if (colon < 0) continue;
    const name = d.slice(0, colon).trim().toLowerCase();
    const value = d.slice(colon + 1);
    if (name === 'mso-number-format' || name === 'vnd.ms-excel.numberformat') into.format = normalFormat(cssValue(value));
    else if (name === 'display') into.hidden = value.trim().toLowerCase().startsWith('none');
  }
  return into;
}

/** Class rules of the page's <style> blocks: class name -> style (later rules win). */
function parseStyleSheet(css: string, classes: Map<string, Style>): void {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/<!--|-->/g, ' ');
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('{', pos);
    if (open < 0) break;
    const close = text.indexOf('}', open + 1);
    if (close < 0) break;
    const selectors = text.slice(pos, open);
    const body = text.slice(open + 1, close);
    pos = close + 1;
    if (selectors.trim().startsWith('@')) continue;
    const style = parseDeclarations(body);
    if (style.format === undefined && style.hidden === undefined) continue;
    for (const sel of selectors.split(',')) {
      const m = /^\s*[A-Za-z0-9]*\.([A-Za-z0-9_-]+)\s*$/.exec(sel);
      if (!m) continue;
      const prev = classes.get(m[1]) ?? {};
      classes.set(m[1], { ...prev, ...style });
    }
  }
}

function styleOf(attrs: Attrs, classes: Map<string, Style>, inherited?: Style): Style {
  const out: Style = { ...(inherited ?? {}) };
  const cls = attrs['class'];
  if (cls) {
    for (const c of cls.split(/\s+/)) {
      const s = c ? classes.get(c) : undefined;
      if (s) Object.assign(out, s);
    }
  }
  if (attrs['style']) parseDeclarations(attrs['style'], out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Markup

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95 || c === 46;

/** Attributes of a start tag between `from` and the '>' at `end`. Names lower-cased, values decoded. */
function parseAttrs(html: string, from: number, end: number): Attrs {
  const attrs: Attrs = Object.create(null) as Attrs;
  let i = from;
  while (i < end) {
    while (i < end && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 47)) i++;
    const ns = i;
    while (i < end && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 61 && html.charCodeAt(i) !== 47) i++;
    if (i === ns) {
      i++;
      continue;
    }
    const name = html.slice(ns, i).toLowerCase();
    while (i < end && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html.charCodeAt(i) === 61) {
      i++;
      while (i < end && isSpace(html.charCodeAt(i))) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        const stop = close < 0 || close > end ? end : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const vs = i;
        while (i < end && !isSpace(html.charCodeAt(i))) i++;
        value = html.slice(vs, i);
      }
    }
    if (!(name in attrs)) attrs[name] = decodeEntities(value);
  }
  return attrs;
}

/** Where a tag's closing '>' is, quotes in attribute values honoured; -1 when the page ends first. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // Only a quote that opens an attribute value (after '=') is a quote.
      let k = i - 1;
      while (k > from && isSpace(html.charCodeAt(k))) k--;
      if (html.charCodeAt(k) === 61) quote = c;
    } else if (c === 62) return i;
  }
  return -1;
}

/** Text of a run between tags: references decoded, white space collapsed as a browser does. */
function textOf(raw: string): string {
  return decodeEntities(raw.replace(/[ \t\n\r\f]+/g, ' '));
}

const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'br', 'hr', 'section', 'article', 'header', 'footer',
  'center', 'pre', 'address', 'blockquote', 'dl', 'dt', 'dd', 'form', 'fieldset', 'nav', 'main', 'aside', 'figure', 'figcaption',
]);

/** Elements whose content is never page text. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xml', 'noscript', 'template', 'object']);

// ---------------------------------------------------------------------------------------------
// The grid

class Grid {
  readonly rows: (RawCell | undefined)[][] = [];
  readonly hidden = new Set<number>();
  readonly merges: Rect[] = [];
  cells = 0;
  sawTable = false;
  /** The worksheet's name where the page gives one (Excel's <x:Name>). */
  sheetName: string | undefined;

  constructor(private readonly maxCells: number) {}

  newRow(): number {
    if (this.rows.length >= SHEET_ROWS) throw new WorkbookReadError('too-large', '', new ContentTooLargeError(`more than ${SHEET_ROWS} rows`));
    this.rows.push([]);
    return this.rows.length - 1;
  }

  /** Steps of layout work (cells placed, covered columns skipped or marked), bounded. */
  private work = 0;

  spend(steps: number): void {
    this.work += steps;
    if (this.work > MAX_LAYOUT_WORK) throw new WorkbookReadError('too-large', '', new ContentTooLargeError(`more than ${MAX_LAYOUT_WORK} steps to lay out its merged cells`));
  }

  put(row: number, col: number, cell: RawCell): void {
    if (col >= SHEET_COLS) return; // past the last column Excel has: left out, as Excel leaves it
    if (++this.cells > this.maxCells) throw new WorkbookReadError('too-large', '', new ContentTooLargeError(`more than ${this.maxCells} cells`));
    this.rows[row][col] = cell;
  }
}

interface OpenCell {
  row: number;
  col: number;
  attrs: Attrs;
  style: Style;
  parts: string[];
}

/** The page's rows and cells. Throws WorkbookReadError (too-large) past the limits. */
function layout(html: string, maxCells: number): Grid {
  const grid = new Grid(maxCells);
  const classes = new Map<string, Style>();
  let outside: string[] = []; // text outside tables, waiting for the end of its block
  let depth = 0; // table nesting
  let row = -1; // current row of the top-level table (-1: none open)
  let rowStyle: Style | undefined;
  let col = 0;
  // Last row a rowspan above covers, per column (-1: none); reset for each table.
  let coverUntil = new Int32Array(0);
  const cover = () => {
    if (coverUntil.length === 0) coverUntil = new Int32Array(SHEET_COLS).fill(-1);
    return coverUntil;
  };
  let cell: OpenCell | undefined;
  let inHead = false;

  const flushOutside = () => {
    const text = outside.join('').replace(/\u00a0/g, ' ').replace(/ +/g, ' ').trim();
    outside = [];
    if (!text) return;
    const r = grid.newRow();
    grid.put(r, 0, { text });
  };
  const closeCell = () => {
    if (!cell) return;
    const c = cell;
    cell = undefined;
    const text = c.parts
      .join('')
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .map((l) => l.replace(/ +/g, ' ').trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    if (c.row < 0) {
      // A caption: on a row of its own above the table.
      if (text) grid.put(grid.newRow(), 0, { text });
      return;
    }
    const a = c.attrs;
    const raw: RawCell = { text };
    if (c.style.format !== undefined) raw.format = c.style.format;
    if (a['x:err'] !== undefined && a['x:err'] !== '') raw.err = a['x:err'];
    else if (a['x:bool'] !== undefined) raw.bool = /^(true|1)$/i.test(a['x:bool'] || text);
    else if (a['x:num'] !== undefined) {
      const n = Number(a['x:num'].trim());
      if (a['x:num'].trim() !== '' && Number.isFinite(n)) raw.num = n;
    } else if (a['x:str'] !== undefined) raw.str = true;
    const f = a['x:fmla']?.trim();
    if (f) raw.formula = f.startsWith('=') ? f : `=${f}`;
    if (text === '' && raw.num === undefined && raw.bool === undefined && raw.err === undefined && raw.formula === undefined) return;
    grid.put(c.row, c.col, raw);
  };
  const closeRow = () => {
    closeCell();
    row = -1;
    rowStyle = undefined;
  };
  const openRow = (attrs: Attrs) => {
    closeRow();
    row = grid.newRow();
    col = 0;
    rowStyle = styleOf(attrs, classes);
    if (rowStyle.hidden) grid.hidden.add(row);
  };
  const openCell = (attrs: Attrs) => {
    closeCell();
    if (row < 0) openRow(Object.create(null) as Attrs);
    // Skip the columns rows above still cover (each step counted: a page cannot make this slow).
    if (coverUntil.length > 0) {
      while (col < SHEET_COLS && coverUntil[col] >= row) {
        col++;
        grid.spend(1);
      }
    }
    grid.spend(1);
    const colspan = Math.min(MAX_COLSPAN, Math.max(1, parseInt(attrs['colspan'] ?? '1', 10) || 1));
    const rowspanRaw = parseInt(attrs['rowspan'] ?? '1', 10);
    const rowspan = Math.min(MAX_ROWSPAN, Math.max(1, Number.isFinite(rowspanRaw) ? rowspanRaw : 1));
    const style = styleOf(attrs, classes, rowStyle ? { format: rowStyle.format } : undefined);
    cell = { row, col, attrs, style, parts: [] };
    if ((colspan > 1 || rowspan > 1) && col < SHEET_COLS) {
      const m = { top: row, left: col, bottom: Math.min(SHEET_ROWS - 1, row + rowspan - 1), right: Math.min(SHEET_COLS - 1, col + colspan - 1) };
      grid.merges.push(m);
      if (rowspan > 1) {
        const cu = cover();
        for (let k = m.left; k <= m.right; k++) cu[k] = Math.max(cu[k], m.bottom);
        grid.spend(m.right - m.left + 1);
      }
    }
    col += colspan;
  };

  let pos = 0;
  const n = html.length;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > pos && !inHead) {
      const t = textOf(html.slice(pos, textEnd));
      if (cell) cell.parts.push(t);
      else if (depth === 0) outside.push(t);
    }
    if (lt < 0) break;
    // Comments, conditional comments (<![if ...]>), doctype, processing instructions.
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      // Excel's own export names its worksheet in an <x:Name> inside a conditional comment.
      if (grid.sheetName === undefined) {
        const at = html.indexOf('<x:Name>', lt);
        if (at >= 0 && (end < 0 || at < end)) {
          const close = html.indexOf('</x:Name>', at);
          if (close > at && close - at < 300) grid.sheetName = decodeEntities(html.slice(at + 8, close)).trim() || undefined;
        }
      }
      pos = end < 0 ? n : end + 3;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = html.indexOf('>', lt + 2);
      pos = end < 0 ? n : end + 1;
      continue;
    }
    const closing = next === 47; /* / */
    let k = lt + (closing ? 2 : 1);
    const ns = k;
    while (k < n && isNameChar(html.charCodeAt(k))) k++;
    if (k === ns) {
      // A '<' that starts no tag is text.
      if (cell) cell.parts.push('<');
      else if (depth === 0 && !inHead) outside.push('<');
      pos = lt + 1;
      continue;
    }
    const name = html.slice(ns, k).toLowerCase();
    const gt = tagEnd(html, k);
    if (gt < 0) break;
    pos = gt + 1;

    if (!closing && RAW_TEXT.has(name)) {
      // Up to the matching end tag; a <style> block gives the class formats.
      let end = pos;
      const lower = `</${name}`;
      for (;;) {
        const i = html.indexOf('</', end);
        if (i < 0) {
          end = n;
          break;
        }
        if (html.slice(i, i + lower.length).toLowerCase() === lower) {
          end = i;
          break;
        }
        end = i + 2;
      }
      if (name === 'style') parseStyleSheet(html.slice(pos, end), classes);
      const close = end < n ? html.indexOf('>', end) : -1;
      pos = close < 0 ? n : close + 1;
      continue;
    }

    if (name === 'head') {
      inHead = !closing;
      continue;
    }
    if (name === 'body' || name === 'html') {
      inHead = false;
      if (closing) flushOutside();
      continue;
    }
    if (inHead) continue;

    if (name === 'table') {
      if (!closing) {
        grid.sawTable = true;
        if (depth === 0) {
          flushOutside();
          coverUntil = new Int32Array(0);
        } else if (cell) cell.parts.push(' ');
        depth++;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          closeRow();
          coverUntil = new Int32Array(0);
        } else if (cell) cell.parts.push(' ');
      }
      continue;
    }

    if (depth === 1) {
      const attrs = closing ? undefined : parseAttrs(html, k, gt);
      switch (name) {
        case 'tr':
          if (closing) closeRow();
          else openRow(attrs!);
          continue;
        case 'td':
        case 'th':
          if (closing) closeCell();
          else openCell(attrs!);
          continue;
        case 'caption':
          if (closing) closeCell();
          else {
            closeRow();
            cell = { row: -1, col: 0, attrs: attrs!, style: {}, parts: [] };
          }
          continue;
        case 'thead':
        case 'tbody':
        case 'tfoot':
        case 'colgroup':
        case 'col':
          continue;
        default:
          break;
      }
    } else if (depth > 1 && cell && (name === 'tr' || name === 'td' || name === 'th')) {
      cell.parts.push(name === 'tr' ? '\n' : ' ');
      continue;
    }

    if (name === 'br') {
      if (cell) cell.parts.push('\n');
      else if (depth === 0) flushOutside();
      continue;
    }
    if (BLOCK.has(name)) {
      if (cell) cell.parts.push('\n');
      else if (depth === 0) flushOutside();
    }
  }
  closeRow();
  flushOutside();
  return grid;
}

// ---------------------------------------------------------------------------------------------
// Values

type Convention = 'id' | 'en' | undefined;

/** Leading zeros (01, 007) mark codes, which Excel would lose as numbers: they stay text. */
const LEADING_ZERO = /^[-+(]?0\d/;

/** What an unambiguous number in the page says about its convention. */
function evidence(text: string): 'id' | 'en' | undefined {
  const p = parseNumberText(text);
  if (!p || p.kind !== 'number' || p.ambiguous || p.currency) return undefined;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return undefined;
  if (p.decimals > 0) return lastComma > lastDot ? 'id' : 'en';
  return lastDot >= 0 ? 'id' : 'en';
}

function decimalsFormat(decimals: number): string {
  return decimals > 0 ? `.${'0'.repeat(Math.min(decimals, 15))}` : '';
}

/** The number a typed text means, with the format Excel would give it; undefined when it stays text. */
function numberOf(text: string, convention: Convention): { value: number; format: string } | undefined {
  if (!text || text.length > 64 || LEADING_ZERO.test(text.trim())) return undefined;
  let p = parseNumberText(text);
  if (!p || p.kind !== 'number' || p.currency) return undefined;
  if (p.ambiguous) {
    if (!convention) return undefined;
    const sep = text.includes('.') ? '.' : ',';
    const thousands = (sep === '.') === (convention === 'id');
    const settled = parseNumberText(text, thousands ? 'integer' : 'decimal');
    if (!settled || settled.kind !== 'number') return undefined;
    p = settled;
  }
  let value: Decimal = p.value;
  let format: string;
  // Separators between digits, less the decimal one: grouping was written.
  const separators = (text.match(/\d[.,\s\u00a0](?=\d)/g) ?? []).length;
  const grouped = separators - (p.decimals > 0 ? 1 : 0) > 0;
  if (p.percent) {
    value = value.div(100);
    format = `0${decimalsFormat(p.decimals)}%`;
  } else {
    format = grouped ? `#,##0${decimalsFormat(p.decimals)}` : p.decimals > 0 ? `0${decimalsFormat(p.decimals)}` : GENERAL;
  }
  const n = value.toNumber();
  return Number.isFinite(n) ? { value: n, format } : undefined;
}

const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

function toCell(raw: RawCell, convention: Convention): LegacyCell {
  const fmt = raw.format !== undefined && raw.format !== '@' ? raw.format : undefined;
  // Numbers show as the .xlsx reader renders them (SSF, en-US, the snapshot's contract; the preview
  // shows them with the reader's separators), whatever the page's own text: but for a dash, which
  // Excel's export writes for a zero under an accounting format, and which the checks read.
  const finish = (value: RawValue, type: ValueType, numberFormat: string): LegacyCell => ({
    value,
    type,
    numberFormat,
    formula: raw.formula ?? value,
    text: type === 'Double' ? (/^[-\u2013\u2014]$/.test(raw.text) ? raw.text : displayText(value, type, numberFormat)) : type === 'Empty' ? '' : raw.text !== '' ? raw.text : displayText(value, type, numberFormat),
  });
  if (raw.err !== undefined) return finish(raw.err, 'Error', fmt ?? GENERAL);
  if (raw.bool !== undefined) return finish(raw.bool, 'Boolean', fmt ?? GENERAL);
  if (raw.num !== undefined) return finish(raw.num, 'Double', fmt ?? GENERAL);
  if (raw.text === '') return finish('', 'Empty', fmt ?? raw.format ?? GENERAL);
  if (raw.str || raw.format === '@') return finish(raw.text, 'String', raw.format ?? GENERAL);
  if (ERRORS.has(raw.text)) return finish(raw.text, 'Error', fmt ?? GENERAL);
  const num = numberOf(raw.text, convention);
  if (num) return finish(num.value, 'Double', fmt ?? num.format);
  return finish(raw.text, 'String', fmt ?? GENERAL);
}

/** The page's own worksheet name, else one from the file name, as Excel names the sheet of an opened web page. */
function sheetName(source: string, given: boolean): string {
  const base = given ? source : (source.split(/[\\/]/).pop() ?? '');
  const stem = given ? base : base.replace(/\.[^.]*$/, '');
  const clean = stem.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return clean || 'Sheet1';
}

/** Read the tables of an HTML page. Throws WorkbookReadError (file name left for the caller). */
export function readHtmlTables(data: Uint8Array, name: string, maxCells: number): WorkbookSnapshot {
  if (data.length > LEGACY_MAX_MARKUP_BYTES) {
    throw new WorkbookReadError('too-large', '', new ContentTooLargeError(`${data.length} bytes of markup`));
  }
  const grid = layout(decodeHtmlBytes(data), maxCells);
  if (!grid.sawTable) throw new WorkbookReadError('html-table', '', new LegacyReadIssue('html-table', 'no-table'));

  // The page's convention, from the numbers that read only one way.
  let id = 0;
  let en = 0;
  for (const row of grid.rows) {
    for (const c of row) {
      if (!c || c.num !== undefined || c.str || c.format === '@' || !c.text) continue;
      const e = evidence(c.text);
      if (e === 'id') id++;
      else if (e === 'en') en++;
    }
  }
  const convention: Convention = id > en ? 'id' : en > id ? 'en' : undefined;

  const filled: [number, number][] = [];
  grid.rows.forEach((row, r) => row.forEach((c, k) => c && filled.push([r, k])));
  const snapshot = buildSheet({
    name: sheetName(grid.sheetName ?? name, grid.sheetName !== undefined),
    visibility: 'Visible',
    filled,
    merges: grid.merges,
    cellAt: (r, c) => {
      const raw = grid.rows[r]?.[c];
      return raw ? toCell(raw, convention) : undefined;
    },
    rowHidden: (r) => grid.hidden.has(r),
  });
  return { sheets: [snapshot] };
}
