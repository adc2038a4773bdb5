import { parseRange } from './a1';
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
  private readonly snap: SheetSnapshot;
  private readonly mergeOf = new Map<number, MergeArea>();
  /** Cells already read as figures (see readNumeric), so recognition and checks parse each cell once. */
  readonly numeric = new Map<number, import('./cells').NumericCell>();
  private readonly width: number;

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
    for (const a1 of snap.merges) {
      const m = parseRange(a1);
      if (!m) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(r * this.width + c, m);
      }
    }
  }

  /** A number unique to (row, col) in this grid. */
  key(row: number, col: number): number {
    return row * this.width + col;
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
    const c = followMerge ? this.shown(row, col) : this.cell(row, col);
    if (c.type === 'Empty') return '';
    const t = c.text !== '' ? c.text : String(c.value);
    return t.replace(/[\u00a0\u202f]/g, ' ').trim();
  }

  isBlank(row: number, col: number): boolean {
    const c = this.cell(row, col);
    if (isFormula(c.formula)) return false;
    if (c.type === 'Empty') return true;
    return c.type === 'String' && String(c.value).trim() === '';
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
