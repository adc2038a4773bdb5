/// <reference types="office-js" />
/**
 * The revert log cell by cell: what each logged cell held before and holds
 * now (for the pane's list of changes), and putting back some cells while
 * keeping the rest of the log.
 *
 * Log parts are never edited in place (Office has no partial update of a
 * custom XML part that we could trust across hosts): reverting some cells
 * writes one new part holding the remaining entries and deletes the old
 * parts, in that order, in the sync after the cell writes.
 */
import { parseA1, toA1 } from '../core/a1';
import { HostError, type FixedCell } from '../host/types';
import { BulkWrite } from './bulkWrite';
import { syncOr } from './errors';
import { cellRequestBytes, chunkByBytes } from './requestBudget';
import { key, loadLog, queueLogPart, type RevertLogEntry } from './revertLog';
import { observedState } from './writeEdits';
import { queueWrites } from './writeCells';

export interface RevertCellsOptions {
  /** Clock for the rewritten log part's creation time (tests). */
  now?: () => Date;
}

/**
 * Every logged cell with its state now: the log (two syncs), then the cells
 * (one sync, more only past the request budget). A cell whose sheet is gone
 * is listed without `now`.
 */
export async function revertLogEntries(context: Excel.RequestContext): Promise<FixedCell[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const { entries } = await loadLog(context);
  if (entries.length === 0) return [];
  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const present = entries.filter((e) => sheets.has(e.sheet));
  const now = new Map<RevertLogEntry, Excel.Range>();
  for (const chunk of chunkByBytes(present, (e) => cellRequestBytes(e.address, e.before))) {
    for (const e of chunk) now.set(e, sheets.get(e.sheet)!.getRange(e.address).load('formulas,values,numberFormat,valueTypes'));
    await syncOr(context, 'read-failed');
  }
  return entries.map((e) => {
    const cell: FixedCell = { sheet: e.sheet, address: e.address, before: e.before, at: e.at };
    if (e.finding) cell.finding = e.finding;
    const range = now.get(e);
    if (range) cell.now = observedState(range).state;
    return cell;
  });
}

/**
 * Put the chosen cells back exactly (formula or value, number format, error
 * constants) and keep the rest of the log: the log and the sheets' protection
 * (two syncs), every sheet checked before anything is written, the writes
 * (one sync, more past the request budget), then the log rewritten (one sync).
 * Cells the log does not hold are passed over. Returns how many were restored.
 */
export async function revertCells(context: Excel.RequestContext, cells: { sheet: string; address: string }[], opts: RevertCellsOptions = {}): Promise<number> {
  const wanted = new Set<string>();
  for (const c of cells) {
    if (!parseA1(c.address)) throw new HostError('write-failed', { sheet: c.sheet, address: c.address });
    wanted.add(key(c.sheet, c.address));
  }
  if (wanted.size === 0) return 0;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const bulk = new BulkWrite(context);
  bulk.prepare();
  const { entries, parts } = await loadLog(context);
  const chosen = entries.filter((e) => wanted.has(key(e.sheet, e.address)));
  if (chosen.length === 0) return 0;
  const rest = entries.filter((e) => !wanted.has(key(e.sheet, e.address)));

  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  for (const e of chosen) {
    const ws = sheets.get(e.sheet);
    if (!ws) throw new HostError('changed-since-check', { sheet: e.sheet, address: e.address });
    if (ws.protection.protected) throw new HostError('protected-sheet', { sheet: e.sheet });
  }
  for (const chunk of chunkByBytes(chosen, (e) => cellRequestBytes(e.address, e.before))) {
    bulk.suspend();
    queueWrites(
      chunk.map((e) => ({ sheet: e.sheet, address: normalised(e.address), state: e.before, valueType: e.valueType })),
      (name) => sheets.get(name)!,
    );
    await syncOr(context, 'write-failed');
  }

  // The new part is queued before the old ones are deleted: should the batch stop
  // half-way, the old parts still hold every entry, and a cell listed twice keeps its
  // oldest state, so nothing the log knew is lost (a reverted cell at worst stays listed).
  const created = (opts.now?.() ?? new Date()).toISOString();
  const restChunks = chunkByBytes(rest, (e) => cellRequestBytes(e.address, e.before));
  for (let i = 0; i < restChunks.length; i++) {
    queueLogPart(context, restChunks[i], created);
    if (i < restChunks.length - 1) await syncOr(context, 'write-failed');
  }
  // The cells are written: the recalculation the suspended writes owe rides on the log's last sync.
  bulk.queueRecalc();
  for (const p of parts) p.delete();
  await syncOr(context, 'write-failed');
  return chosen.length;
}

function normalised(address: string): string {
  const at = parseA1(address)!;
  return toA1(at.row, at.col);
}
