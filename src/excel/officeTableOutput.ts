/// <reference types="office-js" />
/**
 * TableOutputHost for Excel: one Excel.run per insertion over insertTables
 * (two syncs). The writer is its own chunk, fetched on the first insertion.
 */
import type { SheetPlan } from '../core/tables/sheetPlan';
import type { InsertedTable, InsertWhere, TableOutputHost } from '../host/tableOutput';
import { toHostError } from './errors';
import type { ExcelRun } from './officeHost';

export class OfficeTableOutput implements TableOutputHost {
  private readonly excelRun: ExcelRun;

  constructor(run?: ExcelRun) {
    this.excelRun = run ?? ((batch) => Excel.run(batch));
  }

  async insertTables(plans: SheetPlan[], where: InsertWhere): Promise<InsertedTable[]> {
    try {
      const { insertTables } = await import(/* webpackChunkName: "insert-table" */ './insertTable');
      return await this.excelRun((context) => insertTables(context, plans, { where }));
    } catch (e) {
      throw toHostError(e, 'write-failed');
    }
  }
}
