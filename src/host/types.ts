import type { IgnoreEntry } from '../core/ignore';
import type { CellEdit, CellState } from '../core/fixes/types';
import type { Lang } from '../core/findings';
import type { WorkbookSnapshot } from '../core/snapshot';

/** Settings that travel with the workbook. */
export interface LakipSettings {
  /**
   * Predikat scale: a preset id ('rkpd-5'), the office's own bands written out
   * ('85=Sangat Berhasil; 70=Berhasil; ...', see core/iku/scaleSpec.ts), or '' for the
   * workbook's own scale sheet (else predikat is not judged).
   */
  scale: string;
  /** Text written instead of #DIV/0! for central-government matters. */
  pusatMarker: string;
}

export const DEFAULT_SETTINGS: LakipSettings = { scale: '', pusatMarker: 'Kewenangan Pusat' };

export type HostErrorCode =
  | 'protected-sheet'
  /** Excel refused access without the sheet being known to be protected: a read-only or locked file (antivirus, sync), or protection. */
  | 'access-denied'
  | 'cell-editing'
  /** Excel's InvalidOperation: usually a cell being edited, with hosts that do not say InvalidOperationInCellEditMode. */
  | 'operation-refused'
  /** The cell is on a hidden / very hidden sheet: nothing is selected. */
  | 'sheet-hidden'
  | 'sheet-very-hidden'
  | 'write-failed'
  | 'read-failed'
  | 'changed-since-check'
  | 'nothing-to-revert'
  /** The filled part to read is over the pane's cell budget: nothing read, a smaller scope offered. */
  | 'read-too-large'
  | 'too-large';

/** A failure the task pane explains to staff; the workbook is left as it was. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail?: { sheet?: string; address?: string; cells?: number; limit?: number },
    cause?: unknown,
  ) {
    super(code);
    this.name = 'HostError';
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** One cell the add-in changed, as the revert log holds it. */
export interface FixedCell {
  sheet: string;
  /** A1 address of one cell, without '$'. */
  address: string;
  /** What the cell held before the add-in first changed it: what "Kembalikan" writes back. */
  before: CellState;
  /** What it holds now (the fix, or whatever was typed over it since); undefined when its sheet is gone. */
  now?: CellState;
  /** The finding the first fix of the cell was for. */
  finding?: { code: string; cell: string };
  /** ISO time of the first fix. */
  at?: string;
}

export interface ReadProgress {
  done: number;
  total: number;
}

/** What a check reads: the whole workbook, the filled part of the selection, or the active sheet. */
export type ReadScope = 'workbook' | 'selection' | 'activeSheet';

/**
 * What the task pane needs from wherever the workbook lives: Excel through
 * Office.js (src/excel) or an .xlsx opened in a plain browser (preview). UI
 * components talk only to this, never to Office.js.
 */
export interface WorkbookHost {
  readonly kind: 'excel' | 'preview';
  /** Office's display language (or the browser's), to pick id/en. */
  displayLanguage(): Lang;
  /** Office theme (or the system's), for light/dark. */
  theme(): 'light' | 'dark';
  /** Name shown in the pane (file name, or the workbook's name in Excel). */
  workbookName(): Promise<string>;
  /** The cells to check; over the read budget throws HostError 'read-too-large' before reading any cell. */
  readSnapshot(onProgress?: (p: ReadProgress) => void, scope?: ReadScope): Promise<WorkbookSnapshot>;
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Write the edits in bulk after recording every touched cell in the
   * workbook's revert log. Checks first that each cell still holds its
   * `before` state; throws HostError and writes nothing otherwise.
   */
  applyEdits(edits: CellEdit[]): Promise<void>;
  /** Restore every cell in the revert log exactly (value, formula, number format), then clear the log. Returns how many cells. */
  revertAll(): Promise<number>;
  /** How many cells the revert log holds (0 when there is nothing to undo). */
  revertLogSize(): Promise<number>;
  /** Every cell in the revert log, with what it held before and what it holds now. */
  revertLogEntries(): Promise<FixedCell[]>;
  /**
   * Restore these cells exactly, as revertAll does, and keep the rest of the
   * log. Cells the log does not hold are passed over. A missing or protected
   * sheet throws HostError before anything is written. Returns how many cells.
   */
  revertCells(cells: { sheet: string; address: string }[]): Promise<number>;
  loadSettings(): Promise<LakipSettings>;
  saveSettings(s: LakipSettings): Promise<void>;
  /** The findings the office dismissed ("Abaikan"), as stored with the workbook. */
  loadIgnoreList(): Promise<IgnoreEntry[]>;
  /** Replace the stored list (it travels with the file; the CLI honours it too). */
  saveIgnoreList(entries: IgnoreEntry[]): Promise<void>;
}
