/**
 * Bytes of an .xlsx file -> WorkbookSnapshot. Browser-safe (no Node APIs);
 * readWorkbook.ts adds the file-system front end.
 */
import { readIgnoreList } from './customXml';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { RawValue, SheetSnapshot, SheetVisibility, ValueType, WorkbookSnapshot } from '../core/snapshot';
import { ContentTooLargeError, MAX_FILE_BYTES, WorkbookReadError } from './errors';
import { displayText, GENERAL } from './formatText';
import { readLegacyWorkbook } from './legacy';
import { cfbLooksEncrypted, looksLikeOdsZip, sniff, sniffLegacyOther, TEXT_SNIFF_BYTES } from './sniff';
import { listSheets, type SheetEntry } from './workbookParts';
import { clipTo, sheetExtent, type Rect } from './sheetExtent';
import { prepareForExcelJs } from './unprefix';
import { usualSheetPartNames } from './sheetPartNames';
import { toA1 } from '../core/a1';

/**
 * Largest total uncompressed size of the package parts. Guards against zip
 * bombs and against parts too large to become a JS string inside exceljs.
 */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

/**
 * Largest total uncompressed size of the cell data (worksheet parts and shared
 * strings). exceljs keeps every cell as an object, so memory follows this size:
 * measured on Node 20, 129 MB of sheet XML (1,048,576 rows of 2 numbers) peaked
 * at 2.1 GB and 138 MB of formatted empty cells at 2.8 GB, while 474 MB
 * (1,048,576 rows of 12 numbers, a 47 MB file) exhausted the default 4 GB heap
 * after two minutes and killed the process, and a 612 MB part could not become
 * a string at all (reported as a damaged file). Such workbooks are refused up
 * front with a message instead (test/robustness/millionRows.test.ts).
 */
export const MAX_SHEET_XML_BYTES = 160 * 1024 * 1024;

/** Parts holding cell data, parsed whole by exceljs. */
const CELL_DATA_PART = /^\/?xl\/(?:worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i;

/** Read a workbook from its bytes. `name` is used in errors (file name or label). Throws WorkbookReadError. */
export async function readWorkbookBuffer(data: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  if (data.byteLength === 0) throw new WorkbookReadError('empty-file', name);
  if (data.byteLength > MAX_FILE_BYTES) throw new WorkbookReadError('too-large', name);
  switch (sniff(data, data.byteLength)) {
    case 'empty':
      throw new WorkbookReadError('empty-file', name);
    case 'cfb':
      // An encrypted .xlsx travels in a CFB container too; anything else there goes to the .xls reader.
      if (cfbLooksEncrypted(data)) throw new WorkbookReadError('encrypted', name);
      return readLegacyWorkbook(data, name, 'cfb');
    case 'other': {
      // HTML tables, Excel 2003 XML, flat .fods, bare BIFF2-4: the legacy reader (src/xlsx/legacy/).
      const kind = sniffLegacyOther(data.subarray(0, TEXT_SNIFF_BYTES));
      if (kind) return readLegacyWorkbook(data, name, kind);
      throw new WorkbookReadError('not-xlsx', name);
    }
    case 'zip':
      if (looksLikeOdsZip(data)) return readLegacyWorkbook(data, name, 'ods');
      return readZip(data, name);
  }
}

async function readZip(data: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw new WorkbookReadError('corrupt', name, e);
  }

  let total = 0;
  let cellData = 0;
  for (const f of Object.values(zip.files)) {
    const size = (f as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    if (typeof size === 'number' && size > 0) {
      total += size;
      if (CELL_DATA_PART.test(f.name)) cellData += size;
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new WorkbookReadError('too-large', name, new ContentTooLargeError(`uncompressed size ${total} bytes`));
  }
  if (cellData > MAX_SHEET_XML_BYTES) {
    throw new WorkbookReadError('too-large', name, new ContentTooLargeError(`cell data ${cellData} bytes uncompressed`));
  }

  const workbookPart = zip.file('xl/workbook.xml');
  if (!workbookPart) {
    // A zip, but not an xlsx (docx, odt/ods, xlsb, a plain archive...). If the
    // package says it is a spreadsheet, its workbook part is missing: damaged.
    const contentTypes = await zip
      .file('[Content_Types].xml')
      ?.async('string')
      .catch(() => undefined);
    const saysSpreadsheet = !!contentTypes && /spreadsheetml\.(sheet|template)\.main\+xml/.test(contentTypes);
    const mimetype = await zip
      .file('mimetype')
      ?.async('string')
      .catch(() => undefined);
    if (mimetype?.trim() === 'application/vnd.oasis.opendocument.spreadsheet') return readLegacyWorkbook(data, name, 'ods');
    throw new WorkbookReadError(saysSpreadsheet ? 'corrupt' : 'not-xlsx', name, new Error('no xl/workbook.xml part'));
  }

  let entries: SheetEntry[];
  try {
    const workbookXml = await workbookPart.async('string');
    const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
    entries = listSheets(workbookXml, relsXml);
  } catch (e) {
    throw new WorkbookReadError('corrupt', name, e);
  }

  // Packages exceljs would misread, rewritten as it reads them: SpreadsheetML with an x: prefix
  // (Open XML SDK), worksheet parts not named sheetN.xml. Others are passed on untouched.
  let parsed = data;
  let ownMerges = new Map<string, string[]>();
  try {
    const moved = await usualSheetPartNames(zip, entries);
    if (moved) entries = moved;
    const prepared = await prepareForExcelJs(zip);
    if (prepared.sharedStringsMissing) throw new Error('cells refer to shared strings, but the package has no xl/sharedStrings.xml part');
    ownMerges = prepared.merges;
    if (moved || prepared.changed) parsed = await zip.generateAsync({ type: 'uint8array' });
  } catch (e) {
    throw new WorkbookReadError('corrupt', name, e);
  }

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types want a Node Buffer, but it hands the data to JSZip, which takes any Uint8Array.
    await wb.xlsx.load(parsed as unknown as ArrayBuffer);
  } catch (e) {
    // The zip opened and its workbook part listed the sheets: what failed is reading their content.
    throw new WorkbookReadError('unreadable', name, e);
  }

  try {
    const snapshot = buildSnapshot(wb, entries, ownMerges);
    const ignored = await readIgnoreList(zip);
    if (ignored.length > 0) snapshot.ignored = ignored;
    return snapshot;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new WorkbookReadError(e.code, name, (e as { cause?: unknown }).cause);
    throw new WorkbookReadError('unreadable', name, e);
  }
}

function visibility(state: string | undefined): SheetVisibility {
  if (state === 'hidden') return 'Hidden';
  if (state === 'veryHidden') return 'VeryHidden';
  return 'Visible';
}

function emptySheet(name: string, state: string | undefined, kind?: 'worksheet' | 'chart'): SheetSnapshot {
  const s: SheetSnapshot = {
    name,
    visibility: visibility(state),
    origin: { row: 0, col: 0 },
    values: [],
    text: [],
    formulas: [],
    numberFormat: [],
    valueTypes: [],
    merges: [],
    hiddenRows: [],
  };
  if (kind) s.kind = kind;
  return s;
}

/** `ownMerges`: merged areas read here for sheets exceljs was spared them (heavyParts.ts), by part name. */
function buildSnapshot(wb: ExcelJS.Workbook, entries: SheetEntry[], ownMerges: Map<string, string[]> = new Map()): WorkbookSnapshot {
  const date1904 = !!wb.properties?.date1904;
  const worksheets = wb.worksheets;

  // Sheets listed in workbook.xml are authoritative for order and chart sheets.
  // If that list could not be read, fall back to what exceljs loaded.
  const listedWorksheets = entries.filter((e) => e.kind === 'worksheet');
  if (entries.length === 0 || listedWorksheets.length < worksheets.length) {
    return { sheets: worksheets.map((ws) => sheetSnapshot(ws, date1904)) };
  }

  const used = new Set<ExcelJS.Worksheet>();
  const sheets: SheetSnapshot[] = [];
  for (const entry of entries) {
    if (entry.kind === 'chartsheet') {
      sheets.push(emptySheet(entry.name, entry.state, 'chart'));
      continue;
    }
    const ws =
      worksheets.find((w) => !used.has(w) && w.id === entry.sheetId) ??
      worksheets.find((w) => !used.has(w) && w.name === entry.name);
    if (ws) {
      used.add(ws);
      sheets.push(sheetSnapshot(ws, date1904, entry.target ? ownMerges.get(entry.target) : undefined));
    } else if (entry.kind === 'worksheet') {
      // Parts under other names were moved to sheetN.xml before exceljs read them
      // (sheetPartNames.ts): a sheet still missing here has no part at all, and
      // coming out empty silently is what a checker must not do.
      throw new WorkbookReadError(
        'corrupt',
        '',
        new Error(`worksheet "${entry.name}" (${entry.target ?? 'no part'}) could not be read`),
      );
    } else {
      // Dialog sheets, Excel 4 macro sheets: no cells we can read.
      sheets.push(emptySheet(entry.name, entry.state));
    }
  }
  return { sheets };
}

interface Converted {
  value: RawValue;
  formula: RawValue;
  type: ValueType;
}

const EMPTY: Converted = { value: '', formula: '', type: 'Empty' };

/** Excel serial number of a JS Date as exceljs produced it from a serial. */
function dateToSerial(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
}

function richTextToString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: unknown }[] }).richText.map((r) => (r && typeof r.text === 'string' ? r.text : '')).join('');
  }
  return v === undefined || v === null ? '' : String(v);
}

/** A plain (non-formula) value or a formula's cached result. */
function convertPlain(v: unknown, date1904: boolean): { value: RawValue; type: ValueType } {
  if (v === null || v === undefined) return { value: '', type: 'Empty' };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { value: '#NUM!', type: 'Error' };
    return { value: v, type: 'Double' };
  }
  if (typeof v === 'string') return { value: v, type: 'String' };
  if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? { value: '', type: 'Empty' } : { value: dateToSerial(v, date1904), type: 'Double' };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return { value: String(o.error), type: 'Error' };
    if ('richText' in o) return { value: richTextToString(o), type: 'String' };
    if ('hyperlink' in o || 'text' in o) return { value: richTextToString(o.text), type: 'String' };
  }
  return { value: String(v), type: 'Unknown' };
}

function convertCell(cell: ExcelJS.Cell, date1904: boolean): Converted {
  // Cells covered by a merge (other than its top-left) are empty in Excel;
  // exceljs would hand back the master's value.
  if (cell.type === ExcelJS.ValueType.Merge) return EMPTY;
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    // cell.value drops a cached result that is falsy (exceljs copies the formula model
    // with `if (value)`), so a formula whose result is 0 read as never calculated;
    // cell.result keeps it. An empty-string result stays empty, and '<v>NaN</v>' (no
    // number Excel writes) stays a formula without a result, as before.
    const cached = (cell as unknown as { result?: unknown }).result ?? (v as { result?: unknown }).result;
    const unusable = cached === '' || (typeof cached === 'number' && Number.isNaN(cached));
    const res = convertPlain(unusable ? undefined : cached, date1904);
    // For shared-formula children exceljs translates the master's formula.
    let f: string | undefined;
    try {
      f = cell.formula;
    } catch {
      f = undefined;
    }
    const formula: RawValue = typeof f === 'string' && f !== '' ? (f.startsWith('=') ? f : `=${f}`) : res.value;
    return { value: res.value, formula, type: res.type };
  }
  const res = convertPlain(v, date1904);
  return { value: res.value, formula: res.value, type: res.type };
}


/** Merged ranges of a worksheet in A1 notation. */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // ws.model.merges holds the same ranges, but building ws.model copies every
  // row; read the merge table directly when it is there.
  const internal = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges;
  if (internal && typeof internal === 'object') {
    const out: string[] = [];
    for (const m of Object.values(internal)) if (m && typeof m.range === 'string') out.push(m.range);
    return out;
  }
  return [...(ws.model.merges ?? [])];
}

const A1_RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseRange(a1: string): Rect | undefined {
  const m = A1_RANGE.exec(a1.trim());
  if (!m) return undefined;
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function sheetSnapshot(ws: ExcelJS.Worksheet, date1904: boolean, ownMerges?: string[]): SheetSnapshot {
  let merges = ownMerges ?? mergesOf(ws);

  // Used range: every cell holding something (value, formula, merge) plus every
  // merged area, within the bounds of what one sheet may take (sheetExtent.ts).
  const cells: [number, number][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (_cell, colNumber) => {
      cells.push([rowNumber - 1, colNumber - 1]);
    });
  });
  const mergeRects = merges.map(parseRange).filter((r): r is Rect => r !== undefined);
  let extent;
  try {
    extent = sheetExtent(cells, mergeRects);
  } catch (e) {
    throw new WorkbookReadError('too-large', '', new ContentTooLargeError(`sheet "${ws.name}": ${(e as Error).message}`));
  }
  const rect = extent?.rect;
  const snap = emptySheet(ws.name, ws.state);
  if (extent && extent.far.length > 0) {
    const sorted = [...extent.far].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    snap.farCells = { count: sorted.length, first: sorted.slice(0, 5).map(([r, c]) => toA1(r, c)) };
  }
  if (rect) {
    // Only the part of each merge inside what is read: a merge over whole rows holds nothing further.
    const inside = (m: Rect) => m.top >= rect.top && m.left >= rect.left && m.bottom <= rect.bottom && m.right <= rect.right;
    if (!mergeRects.every(inside)) {
      merges = mergeRects.map((m) => clipTo(m, rect)).filter((m): m is Rect => m !== null).map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`);
    }
  }
  if (!rect) return snap;
  const { top, left, bottom, right } = rect as Rect;
  const nRows = bottom - top + 1;
  const nCols = right - left + 1;
  snap.origin = { row: top, col: left };

  const hiddenRows: number[] = [];
  for (let r = 0; r < nRows; r++) {
    const values: RawValue[] = new Array(nCols).fill('');
    const text: string[] = new Array(nCols).fill('');
    const formulas: RawValue[] = new Array(nCols).fill('');
    const numberFormat: string[] = new Array(nCols).fill(GENERAL);
    const valueTypes: ValueType[] = new Array(nCols).fill('Empty');
    const row = ws.findRow(top + r + 1);
    if (row) {
      if (row.hidden) hiddenRows.push(top + r);
      for (let c = 0; c < nCols; c++) {
        const cell = row.findCell(left + c + 1);
        if (!cell) continue;
        const fmt = typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : GENERAL;
        const conv = convertCell(cell, date1904);
        values[c] = conv.value;
        formulas[c] = conv.formula;
        valueTypes[c] = conv.type;
        numberFormat[c] = fmt;
        text[c] = displayText(conv.value, conv.type, fmt, date1904);
      }
    }
    snap.values.push(values);
    snap.text.push(text);
    snap.formulas.push(formulas);
    snap.numberFormat.push(numberFormat);
    snap.valueTypes.push(valueTypes);
  }
  // exceljs blanks the cells a merge covers; for merges read here, that is done here.
  if (ownMerges) blankCovered(snap, mergeRects);
  snap.merges = merges;
  snap.hiddenRows = hiddenRows;
  return snap;
}

/** Cells under a merged area, other than its top-left, are empty in Excel whatever the file holds. */
function blankCovered(snap: SheetSnapshot, merges: Rect[]): void {
  const { row: top, col: left } = snap.origin;
  const bottom = top + snap.values.length - 1;
  const right = left + (snap.values[0]?.length ?? 0) - 1;
  for (const m of merges) {
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++) {
      for (let c = Math.max(m.left, left); c <= Math.min(m.right, right); c++) {
        if (r === m.top && c === m.left) continue;
        const i = r - top;
        const j = c - left;
        snap.values[i][j] = '';
        snap.text[i][j] = '';
        snap.formulas[i][j] = '';
        snap.valueTypes[i][j] = 'Empty';
      }
    }
  }
}
