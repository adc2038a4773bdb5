import type { IgnoreEntry } from './ignore';
/**
 * Plain snapshot of a workbook, shaped like the arrays Office.js returns for a
 * used range (values, text, formulas, numberFormat, valueTypes), so the xlsx
 * reader and the Excel reader feed the engine the same thing.
 */

/** Mirrors Excel.RangeValueType. */
export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' | 'Integer' | 'Unknown';

export type RawValue = string | number | boolean;

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** 0-based row and column of the top-left cell of the arrays below (the used range). */
  origin: { row: number; col: number };
  /** Cached values. Empty cells are ''. Error cells hold the error text, e.g. '#DIV/0!'. */
  values: RawValue[][];
  /** Displayed text as Excel would show it (may be '' when unknown). */
  text: string[][];
  /** Formula with leading '=' for formula cells, otherwise the same as values. */
  formulas: RawValue[][];
  /** Excel number format code per cell ('General' when none). */
  numberFormat: string[][];
  valueTypes: ValueType[][];
  /** Merged areas in A1 notation, e.g. 'A4:A12'. */
  merges: string[];
  /** Rows hidden by the user or by a filter (0-based absolute). */
  hiddenRows?: number[];
  /** Set for chart sheets and other sheets without cells. */
  kind?: 'worksheet' | 'chart';
  /** Filled cells far outside the arrays above, left out so the sheet fits in memory (A1, first ones). */
  farCells?: { count: number; first: string[] };
}

/**
 * Something the reader could not take in and the check went on without: the
 * merged areas or the hidden rows of these sheets (Excel refused them, e.g.
 * too many areas on a filtered sheet), so headers may read less well and
 * hidden rows count as shown.
 */
export interface ReadNote {
  kind: 'merges-unread' | 'hidden-rows-unread';
  sheets: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** What the read left out and the pane says once (the add-in's reader; files never need one). */
  readNotes?: ReadNote[];
  /** Findings the office dismissed, as stored in the workbook (read from the package by the CLI). */
  ignored?: IgnoreEntry[];
}
