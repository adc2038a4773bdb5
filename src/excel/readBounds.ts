/// <reference types="office-js" />
/**
 * What to read of each sheet, before any cell: the values' used range, the
 * merged areas and the visible cells (for hidden rows), asked about the used
 * range only and never about the whole sheet.
 *
 * One sync in the common case: the used range and, chained on it, its merged
 * areas and visible cells, for every sheet at once. Merged areas and visible
 * cells are optional: Excel refuses more than 512 merged areas in one request,
 * and filtered sheets with many hidden bands can fail to give their areas. If
 * that first sync fails, the used ranges are read alone (they cannot fail that
 * way), then each optional kind is asked again in row bands of the used range,
 * halved after every refused round, a bounded number of rounds; what still
 * fails is left out (null), for the reader to name in a ReadNote. Only cell-edit mode stops the read.
 */
import type { RangeAddress } from '../core/a1';
import { parseArea, splitAreaAddresses } from './addresses';
import { CELL_EDIT_MODE, officeErrorCode, toHostError } from './errors';

/** Rounds per optional kind after the first sync: bands down to 1/16 of the used rows, room for 16 x 512 merged areas. */
export const MAX_OPTIONAL_ROUNDS = 5;

/** One sheet to read, and for a selection the rectangle the read stays inside. */
export interface BoundsTarget {
  ws: Excel.Worksheet;
  within?: RangeAddress;
}

export interface SheetBounds {
  /** The cells holding a value or formula (inside `within`), or null when there are none. */
  values: RangeAddress | null;
  /** Merged areas whose top-left cell lies in `values`; null when unknown. */
  merges: RangeAddress[] | null;
  /** Visible cells of `values`; null when unknown. */
  visible: RangeAddress[] | null;
}

type Kind = 'merges' | 'visible';

interface Piece {
  sheet: number;
  kind: Kind;
  rect: RangeAddress;
  /** The query, once queued. */
  areas?: Excel.RangeAreas;
  /** Its `areas` collection, queued when the address came back truncated. */
  list?: Excel.RangeCollection;
}

/** Areas of a RangeAreas from its address; null when the address lost areas (Office truncates long lists). */
function areasFromAddress(areas: Excel.RangeAreas): RangeAddress[] | null {
  const parts = splitAreaAddresses(areas.address ?? '');
  if (parts.length !== areas.areaCount) return null;
  return parts.map(parseArea).filter((a): a is RangeAddress => !!a);
}

function query(range: Excel.Range, kind: Kind): Excel.RangeAreas {
  const areas = kind === 'merges' ? range.getMergedAreasOrNullObject() : range.getSpecialCellsOrNullObject('Visible');
  areas.load('address,areaCount');
  return areas;
}

function halves(p: Piece): Piece[] {
  const rows = p.rect.bottom - p.rect.top + 1;
  if (rows <= 1) return [];
  const mid = p.rect.top + Math.ceil(rows / 2) - 1;
  return [
    { sheet: p.sheet, kind: p.kind, rect: { ...p.rect, bottom: mid } },
    { sheet: p.sheet, kind: p.kind, rect: { ...p.rect, top: mid + 1 } },
  ];
}

class Collector {
  readonly found: Map<string, RangeAddress[]> = new Map();
  readonly failed = new Set<string>();

  add(p: Piece, areas: RangeAddress[]): void {
    const key = `${p.sheet}:${p.kind}`;
    if (this.failed.has(key)) return;
    const list = this.found.get(key) ?? [];
    list.push(...areas);
    this.found.set(key, list);
  }

  fail(p: Piece): void {
    this.failed.add(`${p.sheet}:${p.kind}`);
  }

  get(sheet: number, kind: Kind): RangeAddress[] | null {
    const key = `${sheet}:${kind}`;
    return this.failed.has(key) ? null : this.found.get(key) ?? [];
  }

  /** After a successful sync: what is settled is kept, truncated lists go on to be read through `areas`. */
  settle(pieces: Piece[]): Piece[] {
    const next: Piece[] = [];
    for (const p of pieces) {
      if (p.list) this.add(p, p.list.items.map((r) => parseArea(r.address)).filter((a): a is RangeAddress => !!a));
      else if (p.areas && !p.areas.isNullObject) {
        const areas = areasFromAddress(p.areas);
        if (areas) this.add(p, areas);
        else next.push(p);
      }
    }
    return next;
  }
}

async function syncOrNull(context: Excel.RequestContext): Promise<unknown> {
  try {
    await context.sync();
    return null;
  } catch (e) {
    if (officeErrorCode(e) === CELL_EDIT_MODE) throw toHostError(e, 'read-failed');
    return e ?? new Error('sync failed');
  }
}

/** One optional kind, in rounds: each round one sync for every pending piece of every sheet. */
async function readOptional(context: Excel.RequestContext, targets: BoundsTarget[], pending: Piece[], got: Collector): Promise<number> {
  let syncs = 0;
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_OPTIONAL_ROUNDS) {
      pending.forEach((p) => got.fail(p));
      break;
    }
    for (const p of pending) {
      if (p.areas) p.list = p.areas.areas.load('address');
      else p.areas = query(targets[p.sheet].ws.getRangeByIndexes(p.rect.top, p.rect.left, p.rect.bottom - p.rect.top + 1, p.rect.right - p.rect.left + 1), p.kind);
    }
    syncs++;
    if ((await syncOrNull(context)) === null) {
      pending = got.settle(pending);
      continue;
    }
    // Refused (too many areas somewhere in the batch, which one Office does not say): every piece again in halves.
    const next: Piece[] = [];
    for (const p of pending) {
      const h = halves(p);
      if (h.length === 0) got.fail(p);
      next.push(...h);
    }
    pending = next;
  }
  return syncs;
}

function rectOf(r: Excel.Range): RangeAddress | null {
  if (r.isNullObject || r.rowCount <= 0 || r.columnCount <= 0) return null;
  return { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
}

export async function readBounds(
  context: Excel.RequestContext,
  targets: BoundsTarget[],
  want: { merges: boolean; hidden: boolean },
): Promise<{ bounds: SheetBounds[]; syncs: number }> {
  const kinds: Kind[] = [...(want.merges ? (['merges'] as const) : []), ...(want.hidden ? (['visible'] as const) : [])];
  const queueUsed = () =>
    targets.map((t) => {
      const w = t.within;
      const used = w ? t.ws.getRangeByIndexes(w.top, w.left, w.bottom - w.top + 1, w.right - w.left + 1).getUsedRangeOrNullObject(true) : t.ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return used;
    });

  const got = new Collector();
  let used = queueUsed();
  // Chained on the used range in the same sync (getUsedRange, never null, is the top-left cell of a blank sheet); a selection's filled part is only known after it.
  const chained = targets.every((t) => !t.within);
  const first: Piece[] = [];
  if (chained) {
    targets.forEach((t, sheet) => {
      const anchor = t.ws.getUsedRange(true);
      for (const kind of kinds) first.push({ sheet, kind, rect: { top: 0, left: 0, bottom: 0, right: 0 }, areas: query(anchor, kind) });
    });
  }
  let syncs = 1;
  const failure = await syncOrNull(context);
  let values: (RangeAddress | null)[];
  const pending: Record<Kind, Piece[]> = { merges: [], visible: [] };
  if (failure === null) {
    values = used.map(rectOf);
    const live = first.filter((p) => values[p.sheet] !== null).map((p) => ({ ...p, rect: values[p.sheet]! }));
    for (const p of got.settle(live)) pending[p.kind].push(p);
  } else {
    if (first.length === 0) throw toHostError(failure, 'read-failed');
    // The optional queries took the batch down with them: the used ranges alone, then the optional kinds in bands.
    used = queueUsed();
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      throw toHostError(e, 'read-failed');
    }
    values = used.map(rectOf);
    for (const p of first) {
      const rect = values[p.sheet];
      if (!rect) continue;
      const whole: Piece = { sheet: p.sheet, kind: p.kind, rect };
      const h = halves(whole);
      // A one-row used range cannot be halved: asked whole.
      pending[p.kind].push(...(h.length > 0 ? h : [whole]));
    }
  }
  if (!chained) {
    values.forEach((v, sheet) => {
      if (v) for (const kind of kinds) pending[kind].push({ sheet, kind, rect: v });
    });
  }
  for (const kind of kinds) syncs += await readOptional(context, targets, pending[kind], got);

  const bounds = values.map((v, sheet): SheetBounds => ({
    values: v,
    merges: want.merges ? got.get(sheet, 'merges') : null,
    visible: want.hidden ? got.get(sheet, 'visible') : null,
  }));
  return { bounds, syncs };
}
