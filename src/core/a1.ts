/**
 * A1 notation <-> 0-based row/column, shared by the readers, the checks and
 * the formula evaluator so every finding names cells the way Excel does.
 */

/** Excel's grid limits (XFD1048576); past them 'XFE1' is a defined name, not a cell. */
export const MAX_COLS = 16384;
export const MAX_ROWS = 1048576;

export interface CellAddress {
  row: number;
  col: number;
}

export interface RangeAddress {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function assertIndex(n: number, what: string): void {
  // A bad index here is a bug in the caller; a silent 'A0' or '@1' would end up in a report.
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  }
}

/** 0 => 'A', 25 => 'Z', 26 => 'AA', 16383 => 'XFD'. */
export function columnLetter(col: number): string {
  assertIndex(col, 'column');
  // Bijective base 26: there is no zero digit, so 'Z' is followed by 'AA', not 'BA'.
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const digit = (n - 1) % 26;
    out = String.fromCharCode(65 + digit) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 'A' => 0, 'AA' => 26, 'xfd' => 16383: the inverse of columnLetter (letters only, any case). */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** (0, 0) => 'A1'. */
export function toA1(row: number, col: number): string {
  assertIndex(row, 'row');
  return `${columnLetter(col)}${row + 1}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** 'F4', '$F$4', 'f4' => 0-based; null for anything that is not a single cell inside Excel's grid. */
export function parseA1(ref: string): CellAddress | null {
  const m = CELL_RE.exec(ref);
  if (!m) return null;
  const col = columnIndex(m[1]) + 1;
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col > MAX_COLS) return null;
  return { row: row - 1, col: col - 1 };
}

/** 'A4:A12' or a single 'A4' => 0-based inclusive bounds, corners in any order. */
export function parseRange(a1: string): RangeAddress | null {
  const parts = a1.split(':');
  if (parts.length > 2) return null;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
