/**
 * Where the report tables go when the task pane inserts them: Excel through
 * Office.js (src/excel/officeTableOutput.ts) or the preview's in-memory
 * workbook (src/preview/PreviewHost.ts). UI code talks only to this.
 */
import type { SheetPlan } from '../core/tables/sheetPlan';
import { HostError } from './types';

/** A new worksheet per table, or at the active cell of the active sheet (several tables one below the other). */
export type InsertWhere = 'new-sheet' | 'selection';

/** Where one table landed. */
export interface InsertedTable {
  id: string;
  sheet: string;
  /** A1 range of the table's region on that sheet. */
  range: string;
}

export interface TableOutputHost {
  /**
   * Write the plans in bulk. Checks first (protection, an occupied target)
   * and throws HostError writing nothing when the target is not usable.
   */
  insertTables(plans: SheetPlan[], where: InsertWhere): Promise<InsertedTable[]>;
}

/**
 * Why a table cannot go where it was asked to, beyond HostError's codes:
 *   'target-not-empty'    cells at the selection already hold something
 *                         (detail.address: the occupied cells); code 'write-failed';
 *   'target-merged'       a merged area reaches into the cells at the selection
 *                         (detail.address: the whole merged area); code 'write-failed';
 *   'workbook-protected'  the workbook's structure is protected, so no sheet
 *                         can be added; code 'protected-sheet'.
 * Nothing was written in any case.
 */
export type TableOutputReason = 'target-not-empty' | 'target-merged' | 'workbook-protected';

export class TableOutputError extends HostError {
  constructor(
    readonly reason: TableOutputReason,
    detail?: { sheet?: string; address?: string },
    cause?: unknown,
  ) {
    super(reason === 'workbook-protected' ? 'protected-sheet' : 'write-failed', detail, cause);
  }
}

export function isTableOutputError(e: unknown): e is TableOutputError {
  return (
    e instanceof TableOutputError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'HostError' && typeof (e as { reason?: unknown }).reason === 'string')
  );
}

/** The table output of a host, when it has one. */
export function tableOutputOf(host: unknown): TableOutputHost | null {
  return host && typeof (host as { insertTables?: unknown }).insertTables === 'function' ? (host as TableOutputHost) : null;
}
