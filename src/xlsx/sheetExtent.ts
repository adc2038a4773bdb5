/**
 * Which rectangle of a sheet to read. A sheet's snapshot is a dense rectangle
 * (five arrays of rows × columns), so one stray value at XFD1048576 would make a
 * 4 KB workbook ask for 17 billion cells and end the process out of memory,
 * taking a whole batch's results with it. Cells that lie far from everything else
 * (beyond a gap of GAP rows or columns, on the sparser side) are left out until
 * the rectangle is within MAX_RECT_CELLS; they are named so the check can say
 * they were not read. A sheet that is dense beyond the limit is refused. Sheets
 * within the limit are read exactly as before: every cell and every merged area.
 */

/**
 * Cells of one rectangle. Whole columns (1,048,576 rows × 7 columns, a table with a
 * running number beside it down to the last row) have always been read and still are;
 * 8 M positions are about 0.3 GB of arrays, the most one sheet should take.
 */
export const MAX_RECT_CELLS = 8_000_000;
/** Empty rows or columns between two parts of a sheet that make them separate parts. */
const GAP = 256;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Extent {
  rect: Rect;
  /** 0-based [row, col] of cells left out of the rectangle (all of them: they are few by construction). */
  far: [number, number][];
}

const area = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Clusters of sorted unique coordinates split by gaps wider than GAP. */
function clusters(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[1] <= GAP) last[1] = x;
    else out.push([x, x]);
  }
  return out;
}

function bounds(cells: [number, number][]): Rect {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const [r, c] of cells) {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  return { top, left, bottom, right };
}

/**
 * The rectangle of the cells that hold something (`cells`), widened by the merged
 * areas that overlap it (a merged title spanning past the last column) as far as
 * the limit allows. Returns null for a sheet without cells. Throws RangeError when
 * the cells themselves are too dense to read (the caller words it for the user).
 */
export function sheetExtent(cells: [number, number][], merges: Rect[]): Extent | null {
  if (cells.length === 0 && merges.length === 0) return null;
  // Everyday sheets: every cell and every merged area, as always.
  const all = bounds([...cells, ...merges.flatMap((m): [number, number][] => [[m.top, m.left], [m.bottom, m.right]])]);
  if (area(all) <= MAX_RECT_CELLS) return { rect: all, far: [] };

  let kept = cells;
  const far: [number, number][] = [];
  while (kept.length > 0 && area(bounds(kept)) > MAX_RECT_CELLS) {
    // Drop the outermost part, on either axis, that holds the fewest cells.
    let best: { axis: 0 | 1; lo: number; hi: number; n: number } | null = null;
    for (const axis of [0, 1] as const) {
      const parts = clusters([...new Set(kept.map((p) => p[axis]))].sort((a, b) => a - b));
      if (parts.length < 2) continue;
      for (const [lo, hi] of [parts[0], parts[parts.length - 1]]) {
        let n = 0;
        for (const p of kept) if (p[axis] >= lo && p[axis] <= hi) n++;
        if (!best || n < best.n) best = { axis, lo, hi, n };
      }
    }
    if (!best) throw new RangeError(`${kept.length} cells over ${area(bounds(kept))} positions`);
    const b = best;
    const next: [number, number][] = [];
    for (const p of kept) (p[b.axis] >= b.lo && p[b.axis] <= b.hi ? far : next).push(p);
    kept = next;
  }
  if (kept.length === 0) return null;
  const rect = bounds(kept);
  // Merges widen it only where they overlap it, by little, and never past the limit: a
  // merge over whole rows or the whole sheet holds nothing beyond its top-left cell.
  for (const m of merges) {
    if (m.bottom < rect.top || m.top > rect.bottom || m.right < rect.left || m.left > rect.right) continue;
    const wider = { top: Math.min(rect.top, m.top), left: Math.min(rect.left, m.left), bottom: Math.max(rect.bottom, m.bottom), right: Math.max(rect.right, m.right) };
    const near = wider.bottom - rect.bottom <= GAP && wider.right - rect.right <= GAP && rect.top - wider.top <= GAP && rect.left - wider.left <= GAP;
    if (near && area(wider) <= MAX_RECT_CELLS) Object.assign(rect, wider);
  }
  return { rect, far };
}

/** A merged area cut to the rectangle read (null when it lies outside). */
export function clipTo(m: Rect, r: Rect): Rect | null {
  const c = { top: Math.max(m.top, r.top), left: Math.max(m.left, r.left), bottom: Math.min(m.bottom, r.bottom), right: Math.min(m.right, r.right) };
  return c.top > c.bottom || c.left > c.right ? null : c;
}
