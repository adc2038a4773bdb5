import { parseRange } from './a1';
import type { NumericCell } from './cells';
import type { RawValue, SheetSnapshot, ValueType } from './snapshot';

export interface GridCell {
  value: RawValue;
  text: string;
  formula: RawValue;
  numberFormat: string;
  type: ValueType;
}

const EMPTY: GridCell = { value: '', text: '', formula: '', numberFormat: 'General', type: 'Empty' };

interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Trimmed, with no-break spaces as spaces (most cells hold none: the regex is skipped for them). */
function tidy(t: string): string {
  return t.indexOf('\u00a0') < 0 && t.indexOf('\u202f') < 0 ? t.trim() : t.replace(/[\u00a0\u202f]/g, ' ').trim();
}

/**
 * Absolute-coordinate view of a sheet snapshot. Cells covered by a merge but
 * not its top-left are read as empty whatever the reader put there, because
 * Excel shows them empty and readers disagree on what they hold.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** The sheet as read; hot paths index its arrays directly after checking `covered`. */
  readonly snap: SheetSnapshot;
  private readonly mergeOf = new Map<number, MergeArea>();
  /**
   * Cells already read as figures (see readNumeric), so recognition and checks
   * parse each cell once: packed arrays per row, made when a row is first
   * read, because a Map with a million entries costs more than the reading it
   * saves. Readings a column's hint changes (rare) go in `hinted`.
   */
  private readonly numericRows: (NumericCell | undefined)[][] = [];
  readonly hinted = new Map<number, NumericCell>();
  /**
   * Whether each cell is a typed number, and of which kind (codes in
   * cells.ts), 0 until asked: every check walks the same figures, and one byte
   * per cell remembers the answer without any object for the collector. Left
   * out for grids too large for one typed array.
   */
  readonly typedFlags: Uint8Array | undefined;
  /**
   * 1 for each cell inside the grid that a merge covers (not its top-left): every
   * field read asks, and a byte answers faster than the merge map. Undefined when
   * the sheet has no merges, or is too large for one typed array (the map answers).
   */
  private readonly coveredFlags: Uint8Array | undefined;
  private readonly width: number;
  /** Columns in the snapshot's widest row: the stride of `index`. */
  readonly cols: number;

  constructor(snap: SheetSnapshot) {
    this.snap = snap;
    this.name = snap.name;
    this.top = snap.origin.row;
    this.left = snap.origin.col;
    const height = snap.values.length;
    // A loop, not Math.max(...rows): spreading a million rows overflows the call stack.
    let width = 0;
    for (const r of snap.values) if (r.length > width) width = r.length;
    this.bottom = this.top + height - 1;
    this.right = this.left + width - 1;
    this.width = Math.max(width, 1) + this.left + 16384;
    this.cols = Math.max(width, 1);
    const cells = height * this.cols;
    this.typedFlags = cells > 0 && cells <= 64 * 1024 * 1024 ? new Uint8Array(cells) : undefined;
    for (const a1 of snap.merges) {
      const m = parseRange(a1);
      if (!m) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(r * this.width + c, m);
      }
    }
    let flags: Uint8Array | undefined;
    if (this.mergeOf.size > 0 && cells > 0 && cells <= 64 * 1024 * 1024) {
      flags = new Uint8Array(cells);
      // From the map itself, so that overlapping merges (which Excel refuses but files hold) read the same either way.
      for (const [key, m] of this.mergeOf) {
        const r = Math.floor(key / this.width);
        const c = key - r * this.width;
        if ((r !== m.top || c !== m.left) && r >= this.top && r <= this.bottom && c >= this.left && c <= this.right) {
          flags[(r - this.top) * this.cols + (c - this.left)] = 1;
        }
      }
    }
    this.coveredFlags = flags;
  }

  /** A number unique to (row, col) in this grid. */
  key(row: number, col: number): number {
    return row * this.width + col;
  }

  /** A dense number for a cell inside the grid (0 .. rows*cols-1), or -1 outside it. */
  index(row: number, col: number): number {
    const r = row - this.top;
    const c = col - this.left;
    if (r < 0 || c < 0 || c >= this.cols || row > this.bottom) return -1;
    return r * this.cols + c;
  }

  /** How many cells the snapshot holds in a row (cells past the end are empty), or -1 for a row outside the grid. */
  rowLength(row: number): number {
    const values = this.snap.values[row - this.top];
    return values ? values.length : -1;
  }

  /** A reading kept by readNumeric, if any. */
  keptReading(row: number, col: number): NumericCell | undefined {
    return this.numericRows[row - this.top]?.[col - this.left];
  }

  /** Keep a reading; the row's array is made (packed, as long as the row) on the first reading kept in it. */
  keepReading(row: number, col: number, n: NumericCell): void {
    const r = row - this.top;
    let cache = this.numericRows[r];
    if (cache === undefined) {
      cache = [];
      // Pushed, not new Array(n): a pre-sized array has holes and gets slower element access.
      for (let i = 0, len = this.snap.values[r].length; i < len; i++) cache.push(undefined);
      this.numericRows[r] = cache;
    }
    cache[col - this.left] = n;
  }

  get isEmpty(): boolean {
    return this.bottom < this.top || this.right < this.left;
  }

  /** The raw cell, or an empty cell when covered by a merge but not its top-left. */
  cell(row: number, col: number): GridCell {
    const m = this.mergeOf.get(row * this.width + col);
    if (m && (m.top !== row || m.left !== col)) return EMPTY;
    return this.rawCell(row, col);
  }

  /** True when a merge covers the cell and it is not the merge's top-left, so Excel shows it empty. */
  covered(row: number, col: number): boolean {
    if (this.mergeOf.size === 0) return false;
    const flags = this.coveredFlags;
    if (flags !== undefined) {
      const r = row - this.top;
      const c = col - this.left;
      if (r >= 0 && c >= 0 && c < this.cols && row <= this.bottom) return flags[r * this.cols + c] === 1;
    }
    const m = this.mergeOf.get(row * this.width + col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  // Field accessors for the hot paths (recognition reads every cell several
  // times): they return what cell() would hold without building an object.

  /**
   * The index of a shown cell in its snapshot row, or -1 when the cell is
   * past the row's end, outside the grid, or covered by a merge.
   */
  private shownIndex(row: number, col: number): number {
    const r = row - this.top;
    const values = this.snap.values[r];
    const c = col - this.left;
    if (!values || c < 0 || c >= values.length) return -1;
    if (this.mergeOf.size === 0) return c;
    const flags = this.coveredFlags;
    if (flags !== undefined) return flags[r * this.cols + c] === 1 ? -1 : c;
    return this.covered(row, col) ? -1 : c;
  }

  typeAt(row: number, col: number): ValueType {
    const c = this.shownIndex(row, col);
    return c < 0 ? 'Empty' : (this.snap.valueTypes[row - this.top]?.[c] ?? 'Empty');
  }

  valueAt(row: number, col: number): RawValue {
    const c = this.shownIndex(row, col);
    return c < 0 ? '' : (this.snap.values[row - this.top][c] ?? '');
  }

  formulaAt(row: number, col: number): RawValue {
    const c = this.shownIndex(row, col);
    return c < 0 ? '' : (this.snap.formulas[row - this.top]?.[c] ?? '');
  }

  /** The displayed text as the snapshot holds it (untrimmed; '' when the reader gave none). */
  rawTextAt(row: number, col: number): string {
    const c = this.shownIndex(row, col);
    return c < 0 ? '' : (this.snap.text[row - this.top]?.[c] ?? '');
  }

  formatAt(row: number, col: number): string {
    const c = this.shownIndex(row, col);
    return c < 0 ? 'General' : (this.snap.numberFormat[row - this.top]?.[c] ?? 'General');
  }

  /** The cell that Excel shows at (row, col): the merge's top-left when merged. */
  shown(row: number, col: number): GridCell {
    const m = this.mergeOf.get(row * this.width + col);
    return m ? this.rawCell(m.top, m.left) : this.rawCell(row, col);
  }

  merge(row: number, col: number): MergeArea | undefined {
    return this.mergeOf.get(row * this.width + col);
  }

  /** Displayed text, trimmed; numbers fall back to their value. */
  textAt(row: number, col: number, followMerge = false): string {
    if (followMerge && this.mergeOf.size > 0) {
      const m = this.mergeOf.get(row * this.width + col);
      if (m) {
        row = m.top;
        col = m.left;
      }
    }
    const c = this.shownIndex(row, col);
    if (c < 0) return '';
    const r = row - this.top;
    const type = this.snap.valueTypes[r]?.[c] ?? 'Empty';
    if (type === 'Empty') return '';
    // Excel shows a text value as it is unless the format has a text section ('@'), so a
    // String cell's text is its value: reading it from there leaves the xlsx reader's
    // lazily formatted rows unformatted when only their labels are read.
    const value = this.snap.values[r][c] ?? '';
    if (type === 'String' && typeof value === 'string' && (this.snap.numberFormat[r]?.[c] ?? 'General').indexOf('@') < 0) return tidy(value);
    // Likewise a whole number under General (a 'No.' column) shows its digits, however it was read.
    if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e11 && (this.snap.numberFormat[r]?.[c] ?? 'General') === 'General') return String(value);
    const text = this.snap.text[r]?.[c] ?? '';
    return tidy(text !== '' ? text : String(value));
  }

  isBlank(row: number, col: number): boolean {
    const type = this.typeAt(row, col);
    if (type === 'Double' || type === 'Integer' || type === 'Boolean' || type === 'Error') return false;
    if (isFormula(this.formulaAt(row, col))) return false;
    if (type === 'Empty') return true;
    return type === 'String' && String(this.valueAt(row, col)).trim() === '';
  }

  rowIsBlank(row: number, left = this.left, right = this.right): boolean {
    for (let c = left; c <= right; c++) if (!this.isBlank(row, c)) return false;
    return true;
  }

  private rawCell(row: number, col: number): GridCell {
    const r = row - this.top;
    const c = col - this.left;
    const values = this.snap.values[r];
    if (!values || c < 0 || c >= values.length) return EMPTY;
    return {
      value: values[c] ?? '',
      text: this.snap.text[r]?.[c] ?? '',
      formula: this.snap.formulas[r]?.[c] ?? '',
      numberFormat: this.snap.numberFormat[r]?.[c] ?? 'General',
      type: this.snap.valueTypes[r]?.[c] ?? 'Empty',
    };
  }
}

export function isFormula(f: RawValue): f is string {
  return typeof f === 'string' && f.startsWith('=');
}
