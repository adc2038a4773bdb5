/// <reference types="office-js" />
/**
 * Apply fix edits to the workbook in three syncs for everyday fix counts:
 *   1. read every target cell (formulas, values, numberFormat, valueTypes) and
 *      the sheets' protection; a protected sheet or a cell that no longer holds
 *      its `before` state stops everything before anything is written;
 *   2. record the cells' states in the revert log (a custom XML part) — no
 *      cell is touched before its state is in the workbook;
 *   3. write all edits in one batch.
 * Tens of thousands of edits would pass Excel on the web's 5 MB request
 * limit, so each step then runs once per chunk (requestBudget.ts): every
 * check before any log, every log before any write.
 * A failed write is undone from the states just recorded, for every chunk
 * written so far, in new batches, and reported as a HostError.
 * Calculation and screen updating are suspended for each write (bulkWrite.ts).
 */
import { parseA1, toA1 } from '../core/a1';
import type { CellEdit, CellState } from '../core/fixes/types';
import type { RawValue } from '../core/snapshot';
import { HostError } from '../host/types';
import { BulkWrite } from './bulkWrite';
import { INVALID_REFERENCE, ITEM_NOT_FOUND, officeErrorCode, syncOr, toHostError } from './errors';
import { cellRequestBytes, chunkByBytes } from './requestBudget';
import { queueLogPart, type RevertLogEntry } from './revertLog';
import { queueWrites, type CellWrite } from './writeCells';

export interface ApplyOptions {
  /** Clock for the log's timestamps (tests). */
  now?: () => Date;
}

/** The state a loaded single-cell range holds, in CellState terms. */
export function observedState(range: Excel.Range): { state: CellState; valueType: string } {
  const formula = range.formulas[0]?.[0] as unknown;
  const valueType = String(range.valueTypes[0]?.[0] ?? 'Empty');
  const format = range.numberFormat[0]?.[0] as unknown;
  const numberFormat = typeof format === 'string' && format !== '' ? format : 'General';
  const raw = range.values[0]?.[0] as unknown;
  const value: RawValue = valueType === 'Empty' || raw === null || raw === undefined ? '' : (raw as RawValue);
  // Text that starts with '=' (typed after an apostrophe) also shows in `formulas` with its '='; its value is that same text.
  const isText = valueType === 'String' && value === formula;
  if (typeof formula === 'string' && formula.startsWith('=') && !isText) return { state: { value: '', formula, numberFormat }, valueType };
  return { state: { value, numberFormat }, valueType };
}

/**
 * Does the cell still hold what the check saw? Formula cells by formula,
 * others by value; the number format always. A formula and a text spelling
 * it are the same content here: the snapshot cannot tell them apart either.
 */
export function sameState(now: CellState, before: CellState): boolean {
  if (now.numberFormat !== before.numberFormat) return false;
  return (now.formula ?? now.value) === (before.formula ?? before.value);
}

export async function applyEdits(context: Excel.RequestContext, edits: CellEdit[], opts: ApplyOptions = {}): Promise<void> {
  if (edits.length === 0) return;
  const cells = edits.map((edit) => {
    const at = parseA1(edit.address);
    if (!at) throw new HostError('write-failed', { sheet: edit.sheet, address: edit.address });
    return { edit, address: toA1(at.row, at.col) };
  });
  const seen = new Set<string>();
  for (const c of cells) {
    const k = `${c.edit.sheet}\u0000${c.address}`;
    // One cell, one edit: a second would be checked against a state the first replaces.
    if (seen.has(k)) throw new HostError('write-failed', { sheet: c.edit.sheet, address: c.address });
    seen.add(k);
  }

  const chunks = chunkByBytes(cells, (c) => cellRequestBytes(c.address, { b: c.edit.before, a: c.edit.after }));

  // Sync 1 (one per chunk): the cells as they are now, and the sheets' protection.
  const sheetNames = [...new Set(edits.map((e) => e.sheet))];
  const sheets = new Map<string, Excel.Worksheet>();
  for (const name of sheetNames) {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load('protected');
    sheets.set(name, ws);
  }
  const bulk = new BulkWrite(context);
  bulk.prepare();
  const observed: ReturnType<typeof observedState>[] = [];
  for (const chunk of chunks) {
    const ranges = chunk.map((c) => sheets.get(c.edit.sheet)!.getRange(c.address).load('formulas,values,numberFormat,valueTypes'));
    try {
      await context.sync();
    } catch (e) {
      const code = officeErrorCode(e);
      // A sheet renamed or deleted since the check.
      if (code === ITEM_NOT_FOUND || code === INVALID_REFERENCE) {
        throw new HostError('changed-since-check', sheetNames.length === 1 ? { sheet: sheetNames[0] } : undefined, e);
      }
      throw toHostError(e, 'write-failed');
    }
    if (observed.length === 0) {
      for (const [name, ws] of sheets) {
        if (ws.protection.protected) throw new HostError('protected-sheet', { sheet: name });
      }
    }
    for (const r of ranges) observed.push(observedState(r));
  }
  cells.forEach((c, i) => {
    if (!sameState(observed[i].state, c.edit.before)) throw new HostError('changed-since-check', { sheet: c.edit.sheet, address: c.address });
  });

  // Sync 2 (one per chunk): the revert log, before any cell is touched.
  const at = (opts.now?.() ?? new Date()).toISOString();
  const entries: RevertLogEntry[] = cells.map((c, i) => {
    const entry: RevertLogEntry = { sheet: c.edit.sheet, address: c.address, before: observed[i].state, at, finding: c.edit.finding };
    if (!observed[i].state.formula) entry.valueType = observed[i].valueType;
    return entry;
  });
  const entryChunks: RevertLogEntry[][] = [];
  let offset = 0;
  for (const chunk of chunks) {
    entryChunks.push(entries.slice(offset, offset + chunk.length));
    offset += chunk.length;
  }
  const parts: Excel.CustomXmlPart[] = [];
  for (const list of entryChunks) {
    const part = queueLogPart(context, list, at);
    part.load('id');
    await syncOr(context, 'write-failed');
    parts.push(part);
  }

  // Sync 3 (one per chunk): the edits, in as few batches as the limit allows.
  const sheetOf = (name: string) => sheets.get(name)!;
  for (let k = 0; k < chunks.length; k++) {
    bulk.suspend();
    queueWrites(
      chunks[k].map((c) => ({ sheet: c.edit.sheet, address: c.address, state: c.edit.after })),
      sheetOf,
    );
    try {
      await context.sync();
    } catch (e) {
      await undoWrites(context, entryChunks.slice(0, k + 1), parts, sheetOf, bulk);
      await bulk.recalc(context);
      throw toHostError(e, 'write-failed');
    }
  }
  await bulk.recalc(context);
}

/**
 * Office batches are not transactions: the writes queued before a failing
 * one were applied, and so were the chunks before it. Put back what was
 * recorded, chunk by chunk, and drop this apply's log parts only once that
 * worked; should the restore fail too, the log stays and revertAll can still
 * put the cells back.
 */
async function undoWrites(context: Excel.RequestContext, written: RevertLogEntry[][], parts: Excel.CustomXmlPart[], sheetOf: (name: string) => Excel.Worksheet, bulk: BulkWrite): Promise<void> {
  try {
    for (let i = 0; i < written.length; i++) {
      bulk.suspend();
      queueWrites(
        written[i].map((x): CellWrite => ({ sheet: x.sheet, address: x.address, state: x.before, valueType: x.valueType })),
        sheetOf,
      );
      // With the last restore, in the same batch: the log goes only if the cells came back.
      if (i === written.length - 1) for (const part of parts) part.delete();
      await context.sync();
    }
  } catch {
    // The log parts stay: revertAll can still put these cells back.
  }
}
