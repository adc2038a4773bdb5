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
 *   2. for every sheet at once: the used range (values only) as bounds, the
 *      sheet's merged areas and its visible cells (for hidden rows);
 *   3.. the cells: every sheet's rectangle cut into row blocks whose estimated
 *      response stays under `maxRequestBytes`, blocks of several sheets
 *      packed into the same sync while they fit.
 * So a workbook under the payload limit takes 3 syncs whatever its number of
 * sheets, and a big one 2 + ceil(estimated bytes / limit).
 */
import type { RangeAddress } from '../core/a1';
import type { RawValue, SheetSnapshot, SheetVisibility, ValueType, WorkbookSnapshot } from '../core/snapshot';
import { HostError, type ReadProgress } from '../host/types';
import { areaToA1, parseArea, splitAreaAddresses } from './addresses';
import { CELL_EDIT_MODE, officeErrorCode, RESPONSE_TOO_LARGE, toHostError } from './errors';

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

function union(a: RangeAddress | null, b: RangeAddress): RangeAddress {
  if (!a) return { ...b };
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

interface SheetMeta {
  name: string;
  visibility: SheetVisibility;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  visible: Excel.RangeAreas | null;
  mergeAreas: string[];
  visibleAreas: RangeAddress[] | null;
}

/** Areas of a RangeAreas from its address; null when the address lost areas (Office truncates long lists). */
function areasFromAddress(areas: Excel.RangeAreas): string[] | null {
  const parts = splitAreaAddresses(areas.address ?? '');
  return parts.length === areas.areaCount ? parts : null;
}

/** Sync 2: used ranges, merged areas and visible cells of every sheet, in one batch. */
async function loadMetadata(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  wantMerges: boolean,
  wantHidden: boolean,
): Promise<{ metas: SheetMeta[]; syncs: number; hidden: boolean }> {
  const queue = (hidden: boolean): SheetMeta[] =>
    sheets.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      let merged: Excel.RangeAreas | null = null;
      let visible: Excel.RangeAreas | null = null;
      if (wantMerges) {
        // On the whole sheet: Office only returns merged areas whose top-left cell lies in the range asked about.
        merged = ws.getRange().getMergedAreasOrNullObject();
        merged.load('address,areaCount');
      }
      if (hidden) {
        visible = ws.getRange().getSpecialCellsOrNullObject('Visible');
        visible.load('address,areaCount');
      }
      return { name: ws.name, visibility: visibilityOf(ws.visibility), used, merged, visible, mergeAreas: [], visibleAreas: null };
    });

  let hidden = wantHidden;
  let metas = queue(hidden);
  let syncs = 1;
  try {
    await context.sync();
  } catch (e) {
    // Visible cells of a sheet with very many hidden bands can fail on their own; hidden rows are a nicety, the cells are not.
    if (!hidden || officeErrorCode(e) === CELL_EDIT_MODE) throw toHostError(e, 'read-failed');
    hidden = false;
    metas = queue(false);
    syncs++;
    try {
      await context.sync();
    } catch (e2) {
      throw toHostError(e2, 'read-failed');
    }
  }

  // Long area lists come back truncated in `address`: read those few through `areas`, one extra sync for all of them.
  const fallback: { meta: SheetMeta; kind: 'merged' | 'visible'; coll: Excel.RangeCollection }[] = [];
  for (const meta of metas) {
    if (meta.merged && !meta.merged.isNullObject) {
      const parts = areasFromAddress(meta.merged);
      if (parts) meta.mergeAreas = parts;
      else fallback.push({ meta, kind: 'merged', coll: meta.merged.areas.load('address') });
    }
    if (meta.visible && !meta.visible.isNullObject) {
      const parts = areasFromAddress(meta.visible);
      if (parts) meta.visibleAreas = parts.map(parseArea).filter((a): a is RangeAddress => !!a);
      else fallback.push({ meta, kind: 'visible', coll: meta.visible.areas.load('address') });
    }
  }
  if (fallback.length > 0) {
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      throw toHostError(e, 'read-failed');
    }
    for (const f of fallback) {
      const addresses = f.coll.items.map((r) => r.address);
      if (f.kind === 'merged') f.meta.mergeAreas = addresses;
      else f.meta.visibleAreas = addresses.map(parseArea).filter((a): a is RangeAddress => !!a);
    }
  }
  return { metas, syncs, hidden };
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
  const wantMerges = opts.merges ?? apiSupported('1.13');
  const wantHidden = opts.hiddenRows ?? apiSupported('1.9');
  let done = 0;
  let total = 3;
  const step = () => {
    done++;
    opts.onProgress?.({ done, total: Math.max(total, done) });
  };

  // Sync 1: the sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  try {
    await context.sync();
  } catch (e) {
    throw toHostError(e, 'read-failed');
  }
  const sheets = worksheets.items;
  step();

  // Sync 2: bounds, merges, hidden rows of every sheet.
  const { metas, syncs: metaSyncs, hidden } = await loadMetadata(context, sheets, wantMerges, wantHidden);

  const rects: (RangeAddress | null)[] = metas.map((m) => {
    let rect: RangeAddress | null = null;
    if (!m.used.isNullObject && m.used.rowCount > 0 && m.used.columnCount > 0) {
      rect = {
        top: m.used.rowIndex,
        left: m.used.columnIndex,
        bottom: m.used.rowIndex + m.used.rowCount - 1,
        right: m.used.columnIndex + m.used.columnCount - 1,
      };
    }
    // As the xlsx reader does: the used range grows to take in every merged area.
    for (const a of m.mergeAreas) {
      const area = parseArea(a);
      if (area) rect = union(rect, area);
    }
    return rect;
  });
  const plan = planReadBlocks(
    rects.flatMap((r, sheet) => (r ? [{ sheet, top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 }] : [])),
    limit,
    perCell,
  );
  total = 1 + metaSyncs + plan.length;
  step();
  for (let i = 1; i < metaSyncs; i++) step();

  const out: SheetSnapshot[] = metas.map((m, i) => {
    const rect = rects[i];
    const snap: SheetSnapshot = {
      name: m.name,
      visibility: m.visibility,
      origin: rect ? { row: rect.top, col: rect.left } : { row: 0, col: 0 },
      values: [],
      text: [],
      formulas: [],
      numberFormat: [],
      valueTypes: [],
      merges: m.mergeAreas.map((a) => {
        const area = parseArea(a);
        return area ? areaToA1(area) : a;
      }),
    };
    if (!rect) snap.hiddenRows = [];
    else if (hidden && m.visibleAreas) snap.hiddenRows = hiddenRowsOf(rect.top, rect.bottom, m.visibleAreas);
    // No visible cell at all (every row or every column hidden) or no query: hidden rows unknown, left out.
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
        if (!halves) throw new HostError('too-large', { sheet: metas[group[0].sheet].name }, e);
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
  return { sheets: out };
}
