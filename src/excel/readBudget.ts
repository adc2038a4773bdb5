/**
 * How much of a sheet the add-in reads, and the most it reads at all.
 *
 * A sheet is read over its values' used range, grown only by the merged areas
 * that start in it (a header merged past the last value column), with merges
 * of whole rows or whole columns cut to that range: one `1:1` title merge no
 * longer widens the read to 16,384 columns.
 */
import { MAX_COLS, MAX_ROWS, type RangeAddress } from '../core/a1';
import { HostError } from '../host/types';
import { areaToA1 } from './addresses';

/**
 * Cells one check reads at most (2^20, a full column's worth). At the
 * reader's 200-byte estimate that is ~200 MB of responses in ~50 syncs of
 * 4 MB (about a minute on Excel on the web), and the pane holds the five
 * arrays twice (its copy and the engine worker's): about what a task pane's
 * webview can hold without being killed. LAKIP tables are thousands to tens
 * of thousands of cells, so a real report stays far below it, while a stray
 * value in J1048576 (10.5 M cells) or a sheet of whole-row merges is refused
 * before anything is read.
 */
export const MAX_READ_CELLS = 1_048_576;

export interface ReadShape {
  /** The rectangle to read, or null for a sheet without values. */
  rect: RangeAddress | null;
  /** The merged areas the snapshot lists (inside `rect`). */
  merges: RangeAddress[];
}

function clip(m: RangeAddress, to: RangeAddress): RangeAddress {
  const wholeRows = m.left === 0 && m.right >= MAX_COLS - 1;
  const wholeCols = m.top === 0 && m.bottom >= MAX_ROWS - 1;
  return {
    top: wholeCols ? Math.max(m.top, to.top) : m.top,
    bottom: wholeCols ? Math.min(m.bottom, to.bottom) : m.bottom,
    left: wholeRows ? Math.max(m.left, to.left) : m.left,
    right: wholeRows ? Math.min(m.right, to.right) : m.right,
  };
}

/** The values' used range grown by the merges that intersect it (whole-row/column ones cut to it). */
export function readShape(values: RangeAddress | null, merges: RangeAddress[]): ReadShape {
  if (!values) return { rect: null, merges: [] };
  const rect = { ...values };
  const kept: RangeAddress[] = [];
  for (const m of merges) {
    const c = clip(m, values);
    if (c.top > values.bottom || c.bottom < values.top || c.left > values.right || c.right < values.left) continue;
    // A whole-row merge cut to a one-column range is one cell: nothing merged left to tell.
    if (c.top === c.bottom && c.left === c.right) continue;
    kept.push(c);
    rect.top = Math.min(rect.top, c.top);
    rect.left = Math.min(rect.left, c.left);
    rect.bottom = Math.max(rect.bottom, c.bottom);
    rect.right = Math.max(rect.right, c.right);
  }
  return { rect, merges: kept };
}

const cellsOf = (r: RangeAddress | null) => (r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0);

/**
 * Throw 'read-too-large' when the rectangles hold more than `maxCells`,
 * naming the widest sheet and how far it reaches (often a stray value far
 * below or right of the tables), before a single cell is read.
 */
export function checkReadBudget(rects: (RangeAddress | null)[], names: string[], maxCells = MAX_READ_CELLS): void {
  const cells = rects.reduce((n, r) => n + cellsOf(r), 0);
  if (cells <= maxCells) return;
  let widest = 0;
  rects.forEach((r, i) => {
    if (cellsOf(r) > cellsOf(rects[widest])) widest = i;
  });
  const rect = rects[widest]!;
  throw new HostError('read-too-large', { sheet: names[widest], address: areaToA1(rect), cells, limit: maxCells });
}
