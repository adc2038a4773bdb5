/**
 * Where each edit lands in its worksheet part, and whether it can be written there
 * without harm: inside an array formula, on a cell with dynamic-array or data-type
 * metadata, or on the holder of a shared formula whose dependents cannot be given
 * their own copy with certainty, the edit is refused.
 */
import type { RangeAddress } from '../../core/a1';
import { parseRange, toA1 } from '../../core/a1';
import type { CellEdit } from '../../core/fixes/types';
import type { SheetSnapshot } from '../../core/snapshot';
import { shiftFormula } from './sharedFormula';
import { cellsOf, findRow, formulaOf, indexSheet, inRange, lockedRanges, UnusualSheetXml, type CellSpan, type RowSpan, type SheetIndex } from './sheetScan';
import type { PatchSkip } from './skips';
import { attr, decodeXml } from './xmlText';

export interface LocatedEdit {
  edit: CellEdit;
  row: number;
  col: number;
  /** The existing row and cell element, when there is one. */
  rowSpan?: RowSpan;
  cell?: CellSpan;
}

/** A shared-formula dependent that gets its own formula because its holder is rewritten. */
export interface Conversion {
  cell: CellSpan;
  address: string;
  formula: string;
}

export interface LocatedSheet {
  xml: string;
  index: SheetIndex;
  edits: LocatedEdit[];
  conversions: Conversion[];
}

function skip(e: CellEdit, reason: PatchSkip['reason'], detail?: string): PatchSkip {
  return { sheet: e.sheet, address: e.address, code: e.finding.code, reason, ...(detail ? { detail } : {}) };
}

/** The formula the reader gives a cell (without '='), or undefined. */
function readFormula(sheet: SheetSnapshot, row: number, col: number): string | undefined {
  const f = sheet.formulas[row - sheet.origin.row]?.[col - sheet.origin.col];
  return typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
}

export function locateSheet(
  xml: string,
  snapshot: SheetSnapshot,
  edits: { edit: CellEdit; row: number; col: number }[],
  skipped: PatchSkip[],
): LocatedSheet | undefined {
  let index: SheetIndex;
  let locked: RangeAddress[];
  try {
    index = indexSheet(xml);
    locked = lockedRanges(xml, index);
  } catch (e) {
    if (!(e instanceof UnusualSheetXml)) throw e;
    for (const x of edits) skipped.push(skip(x.edit, 'unusual-xml', e.message));
    return undefined;
  }
  const rowCells = new Map<number, CellSpan[]>();
  const cellsInRow = (span: RowSpan) => {
    let cells = rowCells.get(span.row);
    if (!cells) rowCells.set(span.row, (cells = cellsOf(xml, index, span)));
    return cells;
  };
  // First what each edit finds in place; then, knowing every edit that stays, the shared formulas.
  const placed: LocatedEdit[] = [];
  for (const x of edits) {
    try {
      if (locked.some((r) => inRange(r, x.row, x.col))) {
        skipped.push(skip(x.edit, 'array-formula'));
        continue;
      }
      const found = findRow(index, x.row + 1);
      const rowSpan = found.found ? index.rows[found.at] : undefined;
      const cell = rowSpan ? cellsInRow(rowSpan).find((c) => c.col === x.col) : undefined;
      if (cell && (attr(cell.attrs, 'vm') !== undefined || attr(cell.attrs, 'cm') !== undefined)) {
        skipped.push(skip(x.edit, 'cell-metadata'));
        continue;
      }
      placed.push({ edit: x.edit, row: x.row, col: x.col, rowSpan, cell });
    } catch (e) {
      if (!(e instanceof UnusualSheetXml)) throw e;
      skipped.push(skip(x.edit, 'unusual-xml', e.message));
    }
  }
  const edited = new Set(placed.map((x) => `${x.row}:${x.col}`));
  const located: LocatedEdit[] = [];
  const conversions: Conversion[] = [];
  for (const x of placed) {
    try {
      const f = x.cell ? formulaOf(x.cell, index.prefix) : undefined;
      if (f && attr(f.attrs, 't') === 'shared' && f.text !== '') {
        const out = dependents(index, snapshot, cellsInRow, x, decodeXml(f.text), attr(f.attrs, 'si'), attr(f.attrs, 'ref'), edited);
        if (typeof out === 'string') {
          skipped.push(skip(x.edit, 'shared-formula', out));
          continue;
        }
        conversions.push(...out);
      }
      located.push(x);
    } catch (e) {
      if (!(e instanceof UnusualSheetXml)) throw e;
      skipped.push(skip(x.edit, 'unusual-xml', e.message));
    }
  }
  return { xml, index, edits: located, conversions };
}

/** The dependents of a shared formula held at x, each with its own formula; a string says why that cannot be done. */
function dependents(
  index: SheetIndex,
  snapshot: SheetSnapshot,
  cellsInRow: (r: RowSpan) => CellSpan[],
  x: { row: number; col: number },
  formula: string,
  si: string | undefined,
  ref: string | undefined,
  edited: Set<string>,
): Conversion[] | string {
  const range = parseRange(ref ?? '');
  if (si === undefined || !range) return 'shared formula without si or ref';
  const out: Conversion[] = [];
  for (let at = findRow(index, range.top + 1).at; at < index.rows.length && index.rows[at].row <= range.bottom + 1; at++) {
    const span = index.rows[at];
    for (const cell of cellsInRow(span)) {
      if (cell.col < range.left || cell.col > range.right) continue;
      const row = span.row - 1;
      if ((row === x.row && cell.col === x.col) || edited.has(`${row}:${cell.col}`)) continue;
      const f = formulaOf(cell, index.prefix);
      if (!f || attr(f.attrs, 't') !== 'shared' || attr(f.attrs, 'si') !== si) continue;
      const address = toA1(row, cell.col);
      const moved = shiftFormula(formula, row - x.row, cell.col - x.col);
      const read = readFormula(snapshot, row, cell.col);
      if (moved === undefined) return `cannot move ${formula} to ${address}`;
      // The reader moved the formula too; two independent readings must agree.
      if (read === undefined || moved.toUpperCase() !== read.toUpperCase()) return `${address}: ${moved} vs ${read ?? 'nothing'} as read`;
      out.push({ cell, address, formula: moved });
    }
  }
  return out;
}
