import type { RawValue } from '../snapshot';

/** Everything a revert must restore about one cell: value (or formula) and number format. */
export interface CellState {
  /** The typed value ('' for empty); ignored when formula is set. */
  value: RawValue;
  /** Formula with leading '=', when the cell holds one. */
  formula?: string;
  numberFormat: string;
}

/** One cell to change, with what it held before, so the change can be undone exactly. */
export interface CellEdit {
  sheet: string;
  /** A1 address of a single cell. */
  address: string;
  before: CellState;
  after: CellState;
  /** The finding this edit fixes (code + cell), for preview and for the revert log. */
  finding: { code: string; cell: string };
  /** A typed data figure changed on a judgement: applied only when the user picks this fix. */
  judgement?: true;
  /** Planned after the first fixes, to make what depends on them agree again (a total over a fixed parent). */
  followUp?: true;
  /**
   * When a later pass rewrote this edit (a % first planned against a wrong parent, then
   * against the fixed one): what its own finding proposed, from the workbook as it is.
   * That is what applying this one fix alone writes; `after` assumes the whole plan.
   */
  alone?: CellState;
}

export interface FixPlan {
  edits: CellEdit[];
  /** Findings that have a fix but were left out, and why (two fixes on one cell, a protected sheet...). */
  skipped: { code: string; sheet: string; cell: string; reason: string }[];
}
