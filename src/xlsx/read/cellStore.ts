/**
 * The cells of one sheet while it is read, column-wise in fixed blocks of typed
 * arrays: no object per cell, no boxed number per value, and no copy when the
 * list grows (a growing JS array copies itself as it doubles). A million cells
 * take about 20 MB here before they become the snapshot's rows.
 */
import type { RawValue, ValueType } from '../../core/snapshot';

const SHIFT = 14;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

/** The first block starts small and doubles up to BLOCK: a sheet of 30 cells costs a few KB, not 300. */
const FIRST = 64;

const TYPES: ValueType[] = ['Empty', 'Double', 'String', 'Boolean', 'Error'];
const CODE: Partial<Record<ValueType, number>> = { Empty: 0, Double: 1, String: 2, Boolean: 3, Error: 4 };

export class CellStore {
  length = 0;
  private rowB: Int32Array[] = [];
  private colB: Uint16Array[] = [];
  private styleB: Uint32Array[] = [];
  private typeB: Uint8Array[] = [];
  private numB: Float64Array[] = [];
  /** Strings and booleans, by position in the block (holes for numbers and empty values). */
  private otherB: (string | boolean)[][] = [];
  /** Formula text with '=' by cell index, for formula cells only. */
  readonly formulas = new Map<number, string>();

  push(row: number, col: number, value: RawValue, type: ValueType, style: number, formula: string | undefined): void {
    const i = this.length++;
    const b = i >>> SHIFT;
    const j = i & MASK;
    if (j === 0) {
      const size = b === 0 ? FIRST : BLOCK;
      this.rowB.push(new Int32Array(size));
      this.colB.push(new Uint16Array(size));
      this.styleB.push(new Uint32Array(size));
      this.typeB.push(new Uint8Array(size));
      this.numB.push(new Float64Array(size));
      this.otherB.push([]);
    } else if (b === 0 && j === this.rowB[0].length) {
      this.grow(Math.min(BLOCK, j * 2));
    }
    this.rowB[b][j] = row;
    this.colB[b][j] = col;
    this.styleB[b][j] = style;
    this.typeB[b][j] = CODE[type] ?? 0;
    if (typeof value === 'number') this.numB[b][j] = value;
    else if (value !== '') this.otherB[b][j] = value;
    if (formula !== undefined) this.formulas.set(i, formula);
  }

  private grow(size: number): void {
    const wider = <T extends Int32Array | Uint16Array | Uint32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const out = make(size);
      out.set(a as never);
      return out;
    };
    this.rowB[0] = wider(this.rowB[0], (n) => new Int32Array(n));
    this.colB[0] = wider(this.colB[0], (n) => new Uint16Array(n));
    this.styleB[0] = wider(this.styleB[0], (n) => new Uint32Array(n));
    this.typeB[0] = wider(this.typeB[0], (n) => new Uint8Array(n));
    this.numB[0] = wider(this.numB[0], (n) => new Float64Array(n));
  }

  row(i: number): number {
    return this.rowB[i >>> SHIFT][i & MASK];
  }

  col(i: number): number {
    return this.colB[i >>> SHIFT][i & MASK];
  }

  style(i: number): number {
    return this.styleB[i >>> SHIFT][i & MASK];
  }

  type(i: number): ValueType {
    return TYPES[this.typeB[i >>> SHIFT][i & MASK]];
  }

  value(i: number): RawValue {
    const b = i >>> SHIFT;
    const j = i & MASK;
    const t = this.typeB[b][j];
    if (t === 1) return this.numB[b][j];
    return this.otherB[b][j] ?? '';
  }
}
