/**
 * .xls (BIFF8, BIFF5, bare BIFF2-4), .ods, flat .fods and Excel 2003 XML -> WorkbookSnapshot,
 * through SheetJS Community Edition (@e965/xlsx, 0.20.3). Loaded only when such a file is
 * opened (src/xlsx/legacy/index.ts imports this module lazily).
 *
 * Untrusted input: every bound is checked before SheetJS parses (cells counted from the BIFF
 * records or the OpenDocument markup, zip entries inflated with their output counted), and
 * SheetJS is asked for nothing it would evaluate or keep beyond the cells: no formulas are
 * calculated (formulas are read as text), no VBA, no embedded files, no HTML of rich text.
 * Sheet names and every other string from the file are used as data only.
 */
import { CFB, read, type ParsingOptions, type WorkBook } from '@e965/xlsx';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import type { RawValue, SheetSnapshot, SheetVisibility, ValueType, WorkbookSnapshot } from '../../core/snapshot';
import { ContentTooLargeError, LegacyReadIssue, WorkbookReadError, type LegacyFormat, type LegacyIssueReason, type ReadErrorCode } from '../errors';
import { displayText, GENERAL } from '../formatText';
import type { Rect } from '../sheetExtent';
import type { LegacyKind } from '../sniff';
import { decryptWorkbookStream } from './biffDecrypt';
import { scanBiff } from './biffScan';
import { cfbDamage } from './cfbDamage';
import { LEGACY_MAX_MARKUP_BYTES, LEGACY_MAX_SIDE_PARTS_BYTES, SHEET_COLS, SHEET_ROWS } from './limits';
import { scanOdsContent, type OdsScan } from './odsScan';
import { codeOf, formatOf } from './kinds';
import { buildSheet, emptySheet, type LegacyCell, type LegacySheet } from './sheet';
import { readZipEntries, ZipDamage, ZipTooLarge } from './zipEntries';

type SheetJsKind = Exclude<LegacyKind, 'html'>;

/** Empty formatted cells SheetJS is asked to keep (as the .xlsx reader keeps their number format); none beyond. */
const MAX_STYLED_EMPTY = 2_000_000;

function refuse(format: LegacyFormat, reason: LegacyIssueReason, opts: { part?: string; detail?: string; office?: 'word' | 'powerpoint' | 'other' } = {}): WorkbookReadError {
  const code: ReadErrorCode = reason === 'encrypted' ? 'encrypted' : reason === 'other-office-file' ? 'not-xlsx' : codeOf(format);
  return new WorkbookReadError(code, '', new LegacyReadIssue(format, reason, opts));
}

function tooManyCells(what: string): WorkbookReadError {
  return new WorkbookReadError('too-large', '', new ContentTooLargeError(what));
}

/** SheetJS reports some oddities on the console (e.g. ODS number formats it approximates): not for the user's terminal. */
function quietly<T>(fn: () => T): T {
  const c = console as unknown as Record<'error' | 'warn' | 'log' | 'info', (...a: unknown[]) => void>;
  const saved = { error: c.error, warn: c.warn, log: c.log, info: c.info };
  const none = () => undefined;
  c.error = c.warn = c.log = c.info = none;
  try {
    return fn();
  } finally {
    c.error = saved.error;
    c.warn = saved.warn;
    c.log = saved.log;
    c.info = saved.info;
  }
}

/**
 * The bytes as SheetJS reads them fastest: a Node Buffer (a view, not a copy) where there is
 * one (about 15 % faster than an array on an .xls), the Uint8Array in the browser.
 */
export function sheetjsInput(bytes: Uint8Array): { data: Uint8Array; type: 'buffer' | 'array' } {
  const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;
  return NodeBuffer ? { data: NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), type: 'buffer' } : { data: bytes, type: 'array' };
}

function baseOptions(stubs: boolean, type: 'buffer' | 'array'): ParsingOptions {
  return {
    type,
    dense: true,
    cellFormula: true, // formulas as text, never evaluated
    cellNF: true,
    cellText: true,
    cellHTML: false,
    cellStyles: false, // it would also keep every empty formatted cell; hidden rows come without it
    cellDates: false,
    sheetStubs: stubs,
    bookVBA: false,
    bookFiles: false,
    bookDeps: false,
    WTF: false,
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** SheetJS's words for a file it will not decrypt. */
const ENCRYPTED = /password|encrypt/i;

interface Prepared {
  /** The bytes SheetJS is given. */
  bytes: Uint8Array;
  /** Part named in a refusal when SheetJS fails on it. */
  part?: string;
  stubs: boolean;
  ods?: OdsScan;
}

/**
 * Every sheet the workbook lists has its data, and every part that starts also ends:
 * SheetJS would read a stream whose sheets were zeroed out (an interrupted download into a
 * file of the right size) as a workbook of empty sheets, and check nothing without a word.
 */
function biffWhole(scan: ReturnType<typeof scanBiff>, part: string | undefined): void {
  if (scan.version === null) throw refuse('xls', 'damaged-part', { part, detail: 'no BOF record at the start' });
  if (scan.openAtEnd > 0) throw refuse('xls', 'truncated', { part, detail: 'the data stops inside a sheet (BOF without EOF)' });
  const missing = scan.sheetsListed - (scan.substreams - 1);
  if (scan.sheetsListed > 0 && missing > 0) {
    throw refuse('xls', 'damaged-part', { part, detail: `the data of ${missing} of its ${scan.sheetsListed} sheets is missing` });
  }
}

/** An .xls in its OLE container: the workbook stream found, counted and checked before SheetJS. */
function prepareCfb(data: Uint8Array, maxCells: number): Prepared {
  let container: { FullPaths?: unknown };
  try {
    const input = sheetjsInput(data);
    container = CFB.read(input.data, { type: input.type });
  } catch {
    const d = cfbDamage(data);
    throw refuse('xls', d.reason, { detail: d.detail });
  }
  const find = (path: string): { name?: string; size?: number; content?: ArrayLike<number> } | null => {
    try {
      return CFB.find(container, path) ?? null;
    } catch {
      return null;
    }
  };
  if (find('EncryptionInfo') || find('EncryptedPackage')) throw new WorkbookReadError('encrypted', '');
  const stream = find('/Workbook') ?? find('/Book');
  if (!stream || !stream.content) {
    const office = find('WordDocument') ? 'word' : find('PowerPoint Document') ? 'powerpoint' : 'other';
    throw refuse('xls', 'other-office-file', { office });
  }
  const part = typeof stream.name === 'string' && stream.name ? stream.name : 'Workbook';
  const content = stream.content instanceof Uint8Array ? stream.content : Uint8Array.from(stream.content);
  if (typeof stream.size === 'number' && content.length < stream.size) {
    // Short of its declared size: cut short when the file is shorter than its container says,
    // otherwise a broken sector chain (a loop, a wrong size) inside a file of full length.
    const cut = cfbDamage(data).reason === 'truncated';
    throw refuse('xls', cut ? 'truncated' : 'damaged-part', { part, detail: `${content.length} of ${stream.size} bytes` });
  }
  const scan = scanBiff(content, maxCells);
  // A protected workbook structure: Excel encrypts it under its default password and
  // opens it without asking, so this reads it too; any other password stays refused.
  const plain = scan.encrypted ? decryptWorkbookStream(content) : undefined;
  if (scan.encrypted && !plain) throw refuse('xls', 'encrypted');
  if (scan.overLimit) throw tooManyCells(`more than ${maxCells} cells`);
  if (scan.cutShort) throw refuse('xls', 'truncated', { part, detail: 'the last record runs past the end of the stream' });
  biffWhole(scan, part);
  if (!plain) return { bytes: data, part, stubs: scan.blanks <= MAX_STYLED_EMPTY };
  (stream as { content: ArrayLike<number>; size?: number }).content = plain;
  (stream as { size?: number }).size = plain.length;
  // RC4 CryptoAPI keeps the document properties encrypted in this stream, which SheetJS takes for a password.
  if (find('/encryption')) CFB.utils.cfb_del(container as Parameters<typeof CFB.utils.cfb_del>[0], '/encryption');
  const rewritten = CFB.write(container as Parameters<typeof CFB.write>[0], { type: 'array' }) as ArrayLike<number>;
  return { bytes: rewritten instanceof Uint8Array ? rewritten : Uint8Array.from(rewritten), part, stubs: scan.blanks <= MAX_STYLED_EMPTY };
}

/** A bare BIFF2-5 stream (Excel 2.x-4.0 worksheets and some exports). */
function prepareBareBiff(data: Uint8Array, maxCells: number): Prepared {
  const scan = scanBiff(data, maxCells);
  if (scan.encrypted) throw refuse('xls', 'encrypted');
  if (scan.overLimit) throw tooManyCells(`more than ${maxCells} cells`);
  if (scan.cutShort) throw refuse('xls', 'truncated', { detail: 'the last record runs past the end of the file' });
  biffWhole(scan, undefined);
  return { bytes: data, stubs: scan.blanks <= MAX_STYLED_EMPTY };
}

const ODS_PARTS: Record<string, number> = {
  mimetype: 256,
  'content.xml': LEGACY_MAX_MARKUP_BYTES,
  'styles.xml': LEGACY_MAX_SIDE_PARTS_BYTES,
  'meta.xml': LEGACY_MAX_SIDE_PARTS_BYTES,
  'META-INF/manifest.xml': LEGACY_MAX_SIDE_PARTS_BYTES,
};

function odsChecks(xml: string, maxCells: number): OdsScan {
  const scan = scanOdsContent(xml, maxCells);
  if (scan.overLimit) throw tooManyCells(`more than ${maxCells} cells`);
  return scan;
}

/**
 * An .ods zip: the parts SheetJS reads are inflated here with their size counted, checked,
 * and handed to SheetJS stored (uncompressed), so SheetJS inflates nothing itself.
 */
const EMPTY_ODS_STYLES = '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>';

function prepareOdsZip(data: Uint8Array, maxCells: number): Prepared {
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZipEntries(data, ODS_PARTS, LEGACY_MAX_MARKUP_BYTES + LEGACY_MAX_SIDE_PARTS_BYTES);
  } catch (e) {
    if (e instanceof ZipTooLarge) throw tooManyCells(e.message);
    if (e instanceof ZipDamage) throw refuse('ods', e.reason, { part: e.part, detail: e.message });
    throw refuse('ods', 'damaged-container', { detail: message(e) });
  }
  const manifest = parts.get('META-INF/manifest.xml');
  if (manifest && strFromU8(manifest).includes('encryption-data')) throw refuse('ods', 'encrypted');
  const content = parts.get('content.xml');
  if (!content) throw refuse('ods', 'damaged-part', { part: 'content.xml', detail: 'the part is missing' });
  let xml: string;
  try {
    xml = strFromU8(content);
  } catch (e) {
    throw refuse('ods', 'damaged-part', { part: 'content.xml', detail: message(e) });
  }
  if (!endsWithRoot(xml, ['document-content'])) throw refuse('ods', 'truncated', { part: 'content.xml', detail: 'the part ends before </office:document-content>' });
  const ods = odsChecks(xml, maxCells);
  if (!ods.spreadsheet) throw refuse('ods', 'damaged-part', { part: 'content.xml', detail: 'no office:spreadsheet body' });
  const stored: Zippable = {};
  for (const [name, bytes] of parts) stored[name] = [bytes, { level: 0 }];
  // styles.xml is optional in ODF (Gnumeric and some generators leave it out; LibreOffice opens
  // such files) but SheetJS insists on it: an empty one stands in, cell styles then read as default.
  if (!parts.has('styles.xml')) stored['styles.xml'] = [strToU8(EMPTY_ODS_STYLES), { level: 0 }];
  return { bytes: zipSync(stored, { level: 0 }), part: 'content.xml', stubs: ods.styledEmpty <= MAX_STYLED_EMPTY, ods };
}

function utf8(data: Uint8Array): string {
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  return strFromU8(data.subarray(start));
}

/**
 * An XML file must end with its root's end tag: SheetJS reads a cut-short document as far as
 * it goes, which would check half a table as if it were all of it (Excel refuses such a file).
 */
function endsWithRoot(xml: string, names: string[]): boolean {
  let end = xml.length;
  while (end > 0 && /[\s\0]/.test(xml.charAt(end - 1))) end--;
  // The last tag: the root's end tag, or the root itself when it is empty (<x:root .../>).
  const lastTag = xml.slice(Math.max(0, xml.lastIndexOf('<', end - 1)), end);
  return names.some((n) => new RegExp(`^</(?:[A-Za-z][\\w.-]*:)?${n}\\s*>$`).test(lastTag) || new RegExp(`^<(?:[A-Za-z][\\w.-]*:)?${n}\\b[^<>]*/>$`).test(lastTag));
}

/** A flat OpenDocument file (.fods). */
function prepareFlatOds(data: Uint8Array, maxCells: number): Prepared {
  if (data.length > LEGACY_MAX_MARKUP_BYTES) throw tooManyCells(`${data.length} bytes of markup`);
  const xml = utf8(data);
  if (!endsWithRoot(xml, ['document'])) throw refuse('ods', 'truncated', { detail: 'the document ends before </office:document>' });
  const ods = odsChecks(xml, maxCells);
  // A flat text document or drawing is an OpenDocument file, but no spreadsheet.
  if (!ods.spreadsheet) throw new WorkbookReadError('not-xlsx', '', new Error('an OpenDocument file without a spreadsheet body'));
  return { bytes: data, stubs: ods.styledEmpty <= MAX_STYLED_EMPTY, ods };
}

/** Excel 2003 XML: its <Cell> elements counted (each is one cell; there is no repetition). */
function prepareXml2003(data: Uint8Array, maxCells: number): Prepared {
  if (data.length > LEGACY_MAX_MARKUP_BYTES) throw tooManyCells(`${data.length} bytes of markup`);
  const xml = utf8(data);
  if (!endsWithRoot(xml, ['Workbook'])) throw refuse('xml-2003', 'truncated', { detail: 'the document ends before </Workbook>' });
  let cells = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const j = xml.startsWith('Cell', i + 1) ? i + 5 : xml.startsWith('ss:Cell', i + 1) ? i + 8 : -1;
    if (j < 0) continue;
    const c = xml.charCodeAt(j);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) {
      if (++cells > maxCells) throw tooManyCells(`more than ${maxCells} cells`);
    }
  }
  return { bytes: data, stubs: true };
}

// ---------------------------------------------------------------------------------------------
// SheetJS workbook -> snapshot

interface SjsCell {
  t?: unknown;
  v?: unknown;
  w?: unknown;
  f?: unknown;
  z?: unknown;
}

interface SjsRange {
  s?: { r?: unknown; c?: unknown };
  e?: { r?: unknown; c?: unknown };
}

/** Error values as SheetJS codes them (BIFF error codes). */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function own<T>(o: unknown, key: string): T | undefined {
  return o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, key) ? ((o as Record<string, unknown>)[key] as T) : undefined;
}

function dateSerial(d: Date, date1904: boolean): number | undefined {
  const t = d.getTime();
  return Number.isNaN(t) ? undefined : 25569 + t / 86400000 - (date1904 ? 1462 : 0);
}

function errorText(c: SjsCell): string {
  if (typeof c.w === 'string' && c.w.startsWith('#')) return c.w;
  if (typeof c.v === 'number' && ERROR_TEXT[c.v]) return ERROR_TEXT[c.v];
  if (typeof c.v === 'string' && c.v.startsWith('#')) return c.v;
  return '#VALUE!';
}

function formatCode(z: unknown): string {
  return typeof z === 'string' && z !== '' ? z : GENERAL;
}

/**
 * A text-only format on a number: SheetJS makes one of the conditional number styles of an
 * .ods (accounting formats: positive;negative;zero;text) from their text branch, e.g. '" "@" "'.
 * Excel shows a number under a text format as General; so does the snapshot.
 */
function numberFormatFor(code: string): string {
  if (code.indexOf('@') < 0) return code;
  const outsideQuotes = code.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[0#?]/.test(outsideQuotes) ? code : GENERAL;
}

/** A lone dash, as accounting formats show zero. */
export function isDash(text: string): boolean {
  return text === '-' || text === '\u2013' || text === '\u2014';
}

/** One SheetJS cell as the snapshot holds it; undefined for a cell that holds nothing. */
export function convertCell(c: SjsCell, date1904: boolean): LegacyCell | undefined {
  let numberFormat = formatCode(c.z);
  const f = typeof c.f === 'string' && c.f !== '' ? (c.f.startsWith('=') ? c.f : `=${c.f}`) : undefined;
  let value: RawValue = '';
  let type: ValueType = 'Empty';
  switch (c.t) {
    case 'n':
      if (typeof c.v === 'number') {
        if (Number.isNaN(c.v)) [value, type] = ['#NUM!', 'Error'];
        else if (!Number.isFinite(c.v)) [value, type] = ['#DIV/0!', 'Error'];
        else [value, type] = [c.v, 'Double'];
      }
      break;
    case 's':
      if (c.v !== undefined && c.v !== null) [value, type] = [String(c.v), 'String'];
      break;
    case 'b':
      if (c.v !== undefined && c.v !== null) [value, type] = [c.v === true || c.v === 1 || c.v === 'TRUE', 'Boolean'];
      break;
    case 'e':
      [value, type] = [errorText(c), 'Error'];
      break;
    case 'd': {
      const serial = c.v instanceof Date ? dateSerial(c.v, date1904) : undefined;
      if (serial !== undefined) [value, type] = [serial, 'Double'];
      break;
    }
    default:
      break;
  }
  if (type === 'Empty' && !f) return undefined;
  // LibreOffice has no boolean cells: an .ods keeps TRUE/FALSE as 1/0 shown as TRUE/FALSE.
  if (type === 'Double' && (value === 1 || value === 0) && (c.w === 'TRUE' || c.w === 'FALSE')) [value, type] = [value === 1, 'Boolean'];
  if (type === 'Double') numberFormat = numberFormatFor(numberFormat);
  // Displayed text as the .xlsx reader renders it (SSF, en-US: the snapshot's contract, which the
  // preview turns into the reader's own separators). SheetJS's own text is the same for an .xls,
  // but for an .ods it is what LibreOffice showed in its own locale ('201.667' in Indonesian);
  // only its dash for zero (accounting formats) is kept, a sign the checks read.
  const w = typeof c.w === 'string' ? c.w.trim() : '';
  const text = type === 'Double' && isDash(w) ? w : displayText(value, type, numberFormat, date1904);
  return { value, formula: f ?? value, type, numberFormat, text };
}

function visibilityOf(hidden: unknown): SheetVisibility {
  if (hidden === 1 || hidden === true) return 'Hidden';
  if (hidden === 2) return 'VeryHidden';
  return 'Visible';
}

function intIn(v: unknown, max: number): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < max ? v : undefined;
}

function mergesOf(list: unknown): Rect[] {
  if (!Array.isArray(list)) return [];
  const out: Rect[] = [];
  for (const m of list as SjsRange[]) {
    const top = intIn(m?.s?.r, SHEET_ROWS);
    const left = intIn(m?.s?.c, SHEET_COLS);
    const bottom = intIn(m?.e?.r, SHEET_ROWS);
    const right = intIn(m?.e?.c, SHEET_COLS);
    if (top === undefined || left === undefined || bottom === undefined || right === undefined) continue;
    out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return out;
}

interface Budget {
  cells: number;
  styledEmpty: number;
  maxCells: number;
}

function sheetOf(ws: unknown, name: string, visibility: SheetVisibility, date1904: boolean, hiddenRow: (r: number) => boolean, budget: Budget): SheetSnapshot {
  const type = own<unknown>(ws, '!type');
  if (type === 'chart') return emptySheet(name, visibility, 'chart');
  // Excel 4 macro sheets and dialog sheets: no cells to check (as the .xlsx reader treats them).
  if (type === 'macro' || type === 'dialog') return emptySheet(name, visibility);
  const data = own<unknown>(ws, '!data');
  const rows: unknown[] = Array.isArray(data) ? data : [];
  const filled: [number, number][] = [];
  const styledEmpty: [number, number, string][] = [];
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || r >= SHEET_ROWS) return;
    row.forEach((cell: unknown, c: number) => {
      if (!cell || typeof cell !== 'object' || c >= SHEET_COLS) return;
      const sc = cell as SjsCell;
      const holds = sc.t !== 'z' || (typeof sc.f === 'string' && sc.f !== '');
      if (holds) {
        filled.push([r, c]);
        if (++budget.cells > budget.maxCells) throw tooManyCells(`more than ${budget.maxCells} cells`);
      } else if (budget.styledEmpty < MAX_STYLED_EMPTY) {
        const z = formatCode(sc.z);
        if (z !== GENERAL) {
          styledEmpty.push([r, c, z]);
          budget.styledEmpty++;
        }
      }
    });
  });
  const rowInfo = own<unknown>(ws, '!rows');
  const sheet: LegacySheet = {
    name,
    visibility,
    filled,
    styledEmpty,
    merges: mergesOf(own<unknown>(ws, '!merges')),
    cellAt: (r, c) => {
      const row = rows[r];
      const cell = Array.isArray(row) ? (row[c] as SjsCell | undefined) : undefined;
      return cell ? convertCell(cell, date1904) : undefined;
    },
    rowHidden: (r) => {
      if (hiddenRow(r)) return true;
      const info = Array.isArray(rowInfo) ? (rowInfo[r] as { hidden?: unknown } | undefined) : undefined;
      return !!info && info.hidden === true;
    },
  };
  return buildSheet(sheet);
}

/** Hidden rows of an .ods table, from the scan (SheetJS does not read them). */
function odsHiddenRows(ods: OdsScan | undefined, index: number, name: string): (r: number) => boolean {
  const t = ods?.tables[index]?.name === name ? ods.tables[index] : ods?.tables.find((x) => x.name === name);
  if (!t || t.hiddenRows.length === 0) return () => false;
  return (r) => t.hiddenRows.some(([first, count]) => r >= first && r < first + count);
}

/**
 * The sheet object SheetJS keeps under a sheet's name. Names are data: only own properties
 * count ("toString" finds nothing inherited), and a sheet named "__proto__", which an
 * assignment to a plain object stores as the object's prototype rather than a property
 * (no global is touched), is found there.
 */
function sheetObject(sheets: unknown, name: string): unknown {
  const ws = own<unknown>(sheets, name);
  if (ws) return ws;
  if (name === '__proto__' && sheets && typeof sheets === 'object') {
    const proto: unknown = Object.getPrototypeOf(sheets);
    if (proto && proto !== Object.prototype && typeof proto === 'object' && ('!data' in proto || '!ref' in proto)) return proto;
  }
  return undefined;
}

function toSnapshot(wb: WorkBook, format: LegacyFormat, ods: OdsScan | undefined, maxCells: number): WorkbookSnapshot {
  const names = Array.isArray(wb.SheetNames) ? wb.SheetNames.filter((n): n is string => typeof n === 'string') : [];
  if (names.length === 0) throw refuse(format, 'no-sheets');
  const meta = own<unknown>(wb, 'Workbook');
  const props = own<unknown>(meta, 'WBProps');
  const date1904 = own<unknown>(props, 'date1904') === true;
  const listed = own<unknown>(meta, 'Sheets');
  const budget: Budget = { cells: 0, styledEmpty: 0, maxCells };
  const sheets = names.map((name, i) => {
    const entry = Array.isArray(listed) ? (listed[i] as { Hidden?: unknown } | undefined) : undefined;
    const odsTable = ods?.tables[i]?.name === name ? ods.tables[i] : ods?.tables.find((t) => t.name === name);
    const visibility = odsTable ? (odsTable.hidden ? 'Hidden' : 'Visible') : visibilityOf(entry?.Hidden);
    const ws = sheetObject(wb.Sheets, name);
    if (!ws) return emptySheet(name, visibility);
    return sheetOf(ws, name, visibility, date1904, odsHiddenRows(ods, i, name), budget);
  });
  return { sheets };
}

/** Reads one file of these formats. Throws WorkbookReadError (with an empty file name the caller fills in). */
export function readWithSheetJs(data: Uint8Array, kind: SheetJsKind, maxCells: number): WorkbookSnapshot {
  const format = formatOf(kind);
  const prepared =
    kind === 'cfb'
      ? prepareCfb(data, maxCells)
      : kind === 'biff'
        ? prepareBareBiff(data, maxCells)
        : kind === 'ods'
          ? prepareOdsZip(data, maxCells)
          : kind === 'fods'
            ? prepareFlatOds(data, maxCells)
            : prepareXml2003(data, maxCells);
  let wb: WorkBook;
  try {
    const input = sheetjsInput(prepared.bytes);
    wb = quietly(() => read(input.data, baseOptions(prepared.stubs, input.type)));
  } catch (e) {
    if (ENCRYPTED.test(message(e))) throw refuse(format, 'encrypted');
    throw refuse(format, 'damaged-part', { part: prepared.part, detail: message(e) });
  }
  return toSnapshot(wb, format, prepared.ods, maxCells);
}
