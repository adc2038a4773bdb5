/// <reference types="office-js" />
/**
 * Bulk writes (fixes, reverts, inserted tables) without Excel recalculating
 * and repainting after every cell: calculation (ExcelApi 1.6) and screen
 * updating (ExcelApi 1.9) are suspended for each sync that writes.
 *
 * Office.js queues any method on any host and a method the host lacks fails
 * the whole batch, so each is called only when Office reports its
 * requirement set; where Office cannot say (tests, no Office at all) nothing
 * is suspended and the writes go as before.
 *
 * Suspended calculation is not caught up by Excel: the caller recalculates
 * once after its last write. A workbook in manual calculation is left alone
 * (neither suspended nor recalculated): its owner chose when it calculates.
 */

export type SupportsExcelApi = (version: string) => boolean;

/** Whether Office reports the ExcelApi requirement set; false when it cannot say. */
export function excelApiSupported(version: string): boolean {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return office?.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

export class BulkWrite {
  private readonly app: Excel.Application;
  private readonly calc: boolean;
  private readonly screen: boolean;
  private modeLoaded = false;
  private pendingRecalc = false;

  constructor(context: Excel.RequestContext, supports: SupportsExcelApi = excelApiSupported) {
    this.app = context.application;
    this.calc = supports('1.6');
    this.screen = supports('1.9');
  }

  /** Queue with a sync before the writes: the calculation mode (a read, no sync of its own). */
  prepare(): void {
    if (!this.calc) return;
    this.app.load('calculationMode');
    this.modeLoaded = true;
  }

  /** Call right before queuing the writes of one sync. */
  suspend(): void {
    if (this.calc && this.modeLoaded && this.app.calculationMode !== 'Manual') {
      this.app.suspendApiCalculationUntilNextSync();
      this.pendingRecalc = true;
    }
    if (this.screen) this.app.suspendScreenUpdatingUntilNextSync();
  }

  /** Queue the recalculation the suspended syncs owe, into the caller's next sync. True when one was queued. */
  queueRecalc(): boolean {
    if (!this.pendingRecalc) return false;
    this.app.calculate('Recalculate');
    this.pendingRecalc = false;
    return true;
  }

  /**
   * Recalculate in a sync of its own, after the last write. The cells are
   * written by then: a failure here is not a failed write, and Excel
   * recalculates the dirty cells itself at the next edit.
   */
  async recalc(context: Excel.RequestContext): Promise<void> {
    if (!this.queueRecalc()) return;
    try {
      await context.sync();
    } catch {
      // See above: the writes stand.
    }
  }
}
