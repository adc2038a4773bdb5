/// <reference types="office-js" />
/**
 * Excel workbook -> WorkbookSnapshot through Office.js, shaped exactly like
 * the .xlsx reader's (src/xlsx) so the engine reports the same findings in
 * the add-in as `lakip check` does on the saved file.
 *
 * Syncs are batched, never issued per sheet or per row:
 *   1. the worksheet collection (name, visibility) — Office.js only hands out
 *      worksheet proxies after this sync, so it cannot share a batch with
 *      per-sheet calls;
 *   2. for every sheet at once: the used range (values only) as bounds, its
 *      merged areas and its visible cells (for hidden rows), see readBounds.ts
 *      (a few more syncs only when Excel refuses the optional parts);
 *   3.. the cells: every sheet's rectangle (readBudget.ts: the values' range,
 *      never more than MAX_READ_CELLS in all) cut into row blocks whose
 *      estimated response stays under `maxRequestBytes`, blocks of several
 *      sheets packed into the same sync while they fit.
 * So a workbook under the payload limit takes 3 syncs whatever its number of
 * sheets, and a big one 2 + ceil(estimated bytes / limit).
 */
import type { RangeAddress } from '../core/a1';
import type { RawValue, ReadNote, SheetSnapshot, SheetVisibility, ValueType, WorkbookSnapshot } from '../core/snapshot';
import { HostError, type ReadProgress, type ReadScope } from '../host/types';
import { areaToA1 } from './addresses';
import { readBounds, type BoundsTarget, type SheetBounds } from './readBounds';
import { checkReadBudget, MAX_READ_CELLS, readShape } from './readBudget';
import { officeErrorCode, RESPONSE_TOO_LARGE, toHostError } from './errors';

/** Default response budget per sync: under Excel on the web's 5 MB payload limit, with room for the envelope. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * Estimated response bytes per cell for the five arrays (values, text,
 * formulas, numberFormat, valueTypes) before anything is loaded: a number
 * with an accounting format and a formula comes to ~150 bytes of JSON, a
 * short label to less. Long texts are rarer than the many numeric cells
 * they share a block with; a block that still comes back too large is split
 * and read again.
 */
export const DEFAULT_BYTES_PER_CELL = 200;

export interface ReadOptions {
  /** Largest estimated response of one sync (default 4 MB). */
  maxRequestBytes?: number;
  /** Estimate per cell used for chunking (default 200). */
  bytesPerCell?: number;
  /** Called after every sync: done/total are syncs. */
  onProgress?: (p: ReadProgress) => void;
  /** Read merged areas (ExcelApi 1.13). Default: whether Office reports the set, true when there is no Office global. */
  merges?: boolean;
  /** Read hidden rows from the sheet's visible cells (ExcelApi 1.9). Same default. */
  hiddenRows?: boolean;
  /** What to read (default the whole workbook). */
  scope?: ReadScope;
  /** Most cells one read takes (default MAX_READ_CELLS); above it nothing is read. */
  maxCells?: number;
}

/** One rectangle of one sheet to load. */
export interface ReadBlock {
  /** Index of the sheet in the worksheet collection. */
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** A sheet's rectangle (0-based), as planReadBlocks takes it. */
export interface SheetRect {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Estimated response bytes of a rectangle. */
export function estimateBytes(rows: number, cols: number, bytesPerCell = DEFAULT_BYTES_PER_CELL): number {
  return rows * cols * bytesPerCell;
}

/**
 * Cut the sheets' rectangles into row blocks and pack them into syncs, in
 * sheet and row order, so that no sync's estimated response exceeds `limit`.
 * A sheet may end in one sync and go on in the next. Returns one array of
 * blocks per sync.
 */
export function planReadBlocks(rects: SheetRect[], limit = DEFAULT_MAX_REQUEST_BYTES, bytesPerCell = DEFAULT_BYTES_PER_CELL): ReadBlock[][] {
  const syncs: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let budget = limit;
  for (const rect of rects) {
    if (rect.rows <= 0 || rect.cols <= 0) continue;
    const rowBytes = rect.cols * bytesPerCell;
    let r = 0;
    while (r < rect.rows) {
      let fit = Math.floor(budget / rowBytes);
      if (fit <= 0) {
        if (current.length > 0) {
          syncs.push(current);
          current = [];
          budget = limit;
          continue;
        }
        fit = 1; // one row larger than the limit on its own: try it alone
      }
      const take = Math.min(fit, rect.rows - r);
      current.push({ sheet: rect.sheet, top: rect.top + r, left: rect.left, rows: take, cols: rect.cols });
      budget -= take * rowBytes;
      r += take;
    }
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

function apiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    const supported = office?.context?.requirements?.isSetSupported('ExcelApi', version);
    return supported === undefined ? true : !!supported;
  } catch {
    return true;
  }
}

function visibilityOf(v: unknown): SheetVisibility {
  const s = String(v);
  return s === 'Hidden' || s === 'VeryHidden' ? s : 'Visible';
}

/** Excel.RangeValueType -> the snapshot's types: Integer and Double are both numbers to the engine, as the xlsx reader has them. */
function valueTypeOf(v: unknown): ValueType {
  switch (String(v)) {
    case 'Double':
    case 'Integer':
      return 'Double';
    case 'String':
      return 'String';
    case 'Boolean':
      return 'Boolean';
    case 'Error':
      return 'Error';
    case 'Empty':
      return 'Empty';
    default:
      return 'Unknown';
  }
}

/** The sheets a scope reads: all of them, or the one named, kept to the selection's rectangle when there is one. */
function targetsOf(all: Excel.Worksheet[], only: string | undefined, selected: Excel.Range | undefined): BoundsTarget[] {
  if (only === undefined) return all.map((ws) => ({ ws }));
  const ws = all.find((w) => w.name === only);
  if (!ws) throw new HostError('read-failed', { sheet: only });
  if (!selected) return [{ ws }];
  const within = { top: selected.rowIndex, left: selected.columnIndex, bottom: selected.rowIndex + selected.rowCount - 1, right: selected.columnIndex + selected.columnCount - 1 };
  return [{ ws, within }];
}

/** One note per optional part Excel refused, naming the sheets with values it is missing for. */
function readNotes(bounds: SheetBounds[], sheets: Excel.Worksheet[], want: { merges: boolean; hidden: boolean }): ReadNote[] {
  const missing = (part: 'merges' | 'visible') => sheets.filter((_, i) => bounds[i].values && bounds[i][part] === null).map((ws) => ws.name);
  const notes: ReadNote[] = [];
  const merges = want.merges ? missing('merges') : [];
  const hidden = want.hidden ? missing('visible') : [];
  if (merges.length > 0) notes.push({ kind: 'merges-unread', sheets: merges });
  if (hidden.length > 0) notes.push({ kind: 'hidden-rows-unread', sheets: hidden });
  return notes;
}

/** Rows of [top, bottom] not covered by any visible area. */
function hiddenRowsOf(top: number, bottom: number, visible: RangeAddress[]): number[] {
  const spans = visible
    .map((a) => [Math.max(a.top, top), Math.min(a.bottom, bottom)] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  let next = top;
  for (const [a, b] of spans) {
    for (let r = next; r < a; r++) out.push(r);
    next = Math.max(next, b + 1);
  }
  for (let r = next; r <= bottom; r++) out.push(r);
  return out;
}

interface LoadedBlock {
  block: ReadBlock;
  range: Excel.Range;
}

/** Halve a sync's blocks (by blocks, or a lone block by rows). */
function split(group: ReadBlock[]): [ReadBlock[], ReadBlock[]] | null {
  if (group.length > 1) {
    const mid = Math.ceil(group.length / 2);
    return [group.slice(0, mid), group.slice(mid)];
  }
  const b = group[0];
  if (b.rows <= 1) return null;
  const half = Math.ceil(b.rows / 2);
  return [[{ ...b, rows: half }], [{ ...b, top: b.top + half, rows: b.rows - half }]];
}

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const limit = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const perCell = opts.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
  const maxCells = opts.maxCells ?? MAX_READ_CELLS;
  const wantMerges = opts.merges ?? apiSupported('1.13');
  const wantHidden = opts.hiddenRows ?? apiSupported('1.9');
  let done = 0;
  let total = 3;
  const step = () => {
    done++;
    opts.onProgress?.({ done, total: Math.max(total, done) });
  };

  // Sync 1: the sheets (and which one is active or selected, for a narrower check).
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const scope = opts.scope ?? 'workbook';
  const active = scope === 'activeSheet' ? worksheets.getActiveWorksheet().load('name') : undefined;
  const selected = scope === 'selection' ? context.workbook.getSelectedRange().load('rowIndex,columnIndex,rowCount,columnCount') : undefined;
  const selectedSheet = selected?.worksheet.load('name');
  try {
    await context.sync();
  } catch (e) {
    throw toHostError(e, 'read-failed');
  }
  const targets = targetsOf(worksheets.items, active?.name ?? selectedSheet?.name, selected);
  const sheets = targets.map((t) => t.ws);
  step();

  // Sync 2 (more only when Excel refuses the optional parts): bounds, merges, hidden rows.
  const { bounds, syncs: metaSyncs } = await readBounds(context, targets, { merges: wantMerges, hidden: wantHidden });
  const shapes = bounds.map((b) => readShape(b.values, b.merges ?? []));
  checkReadBudget(shapes.map((s) => s.rect), sheets.map((ws) => ws.name), maxCells);
  const rects = shapes.map((s) => s.rect);
  const plan = planReadBlocks(
    rects.flatMap((r, sheet) => (r ? [{ sheet, top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 }] : [])),
    limit,
    perCell,
  );
  total = 1 + metaSyncs + plan.length;
  for (let i = 0; i < metaSyncs; i++) step();

  const out: SheetSnapshot[] = sheets.map((ws, i) => {
    const rect = rects[i];
    const values = bounds[i].values;
    const visible = bounds[i].visible;
    const snap: SheetSnapshot = {
      name: ws.name,
      visibility: visibilityOf(ws.visibility),
      origin: rect ? { row: rect.top, col: rect.left } : { row: 0, col: 0 },
      values: [],
      text: [],
      formulas: [],
      numberFormat: [],
      valueTypes: [],
      merges: shapes[i].merges.map(areaToA1),
    };
    if (!rect) snap.hiddenRows = [];
    // Known for the values' rows; rows a merge adds below them hold no value and count as shown.
    else if (values && visible && visible.length > 0) snap.hiddenRows = hiddenRowsOf(values.top, values.bottom, visible);
    // No visible cell at all (every row or every column hidden), refused or not asked: hidden rows unknown, left out.
    if (rect) {
      const n = rect.bottom - rect.top + 1;
      snap.values = new Array(n);
      snap.text = new Array(n);
      snap.formulas = new Array(n);
      snap.numberFormat = new Array(n);
      snap.valueTypes = new Array(n);
    }
    return snap;
  });

  const put = ({ block, range }: LoadedBlock) => {
    const snap = out[block.sheet];
    const base = block.top - snap.origin.row;
    const values = range.values as unknown[][];
    const text = range.text as unknown[][];
    const formulas = range.formulas as unknown[][];
    const formats = range.numberFormat as unknown[][];
    const types = range.valueTypes as unknown[][];
    for (let r = 0; r < block.rows; r++) {
      const vRow: RawValue[] = new Array(block.cols);
      const tRow: string[] = new Array(block.cols);
      const fRow: RawValue[] = new Array(block.cols);
      const nRow: string[] = new Array(block.cols);
      const yRow: ValueType[] = new Array(block.cols);
      for (let c = 0; c < block.cols; c++) {
        const type = valueTypeOf(types[r]?.[c]);
        const shown = text[r]?.[c];
        const shownText = typeof shown === 'string' ? shown : shown === undefined || shown === null ? '' : String(shown);
        let v = values[r]?.[c] as RawValue | null | undefined;
        if (type === 'Empty') v = '';
        else if (type === 'Error') v = typeof v === 'string' && v !== '' ? v : shownText;
        else if (v === null || v === undefined) v = '';
        const f = formulas[r]?.[c];
        const nf = formats[r]?.[c];
        vRow[c] = v;
        tRow[c] = shownText;
        fRow[c] = typeof f === 'string' && f.startsWith('=') ? f : v;
        nRow[c] = typeof nf === 'string' && nf !== '' ? nf : 'General';
        yRow[c] = type;
      }
      snap.values[base + r] = vRow;
      snap.text[base + r] = tRow;
      snap.formulas[base + r] = fRow;
      snap.numberFormat[base + r] = nRow;
      snap.valueTypes[base + r] = yRow;
    }
  };

  const load = async (group: ReadBlock[]): Promise<void> => {
    const loaded = group.map((block) => {
      const range = sheets[block.sheet].getRangeByIndexes(block.top, block.left, block.rows, block.cols);
      range.load('values,text,formulas,numberFormat,valueTypes');
      return { block, range };
    });
    try {
      await context.sync();
    } catch (e) {
      if (officeErrorCode(e) === RESPONSE_TOO_LARGE) {
        // The estimate was short for these cells (long texts): read the halves.
        const halves = split(group);
        if (!halves) throw new HostError('too-large', { sheet: sheets[group[0].sheet].name }, e);
        total++;
        await load(halves[0]);
        await load(halves[1]);
        return;
      }
      throw toHostError(e, 'read-failed');
    }
    loaded.forEach(put);
    step();
  };

  for (const group of plan) await load(group);
  const snapshot: WorkbookSnapshot = { sheets: out };
  const notes = readNotes(bounds, sheets, { merges: wantMerges, hidden: wantHidden });
  if (notes.length > 0) snapshot.readNotes = notes;
  return snapshot;
}
