/// <reference types="office-js" />
/**
 * The revert log: what every cell touched by the add-in held before, kept in
 * the workbook itself (custom XML parts, ExcelApi 1.5) so it survives closing
 * the file and Office clearing its undo stack, and travels with the file.
 *
 * Each applyEdits adds one part in our namespace holding the JSON of its
 * entries; parts are never rewritten, so recording needs no read first and
 * costs one sync. Reading merges the parts and keeps, per cell, the OLDEST
 * before-state: revert always goes back to the workbook as it was before the
 * add-in first touched the cell.
 *
 * Why not a very hidden worksheet: it would show up in every reader's sheet
 * list (our own xlsx reader, Power Query, other add-ins), be copied with
 * "Move or Copy", count against the sheet's used range and could be
 * overwritten by formulas; a custom XML part is invisible to the grid.
 */
import { parseA1, toA1 } from '../core/a1';
import { escapeXml, unescapeXml } from '../core/xmlText';
import type { CellState } from '../core/fixes/types';
import type { RawValue } from '../core/snapshot';
import { HostError } from '../host/types';
import { BulkWrite } from './bulkWrite';
import { officeErrorCode, RESPONSE_TOO_LARGE, syncOr, toHostError } from './errors';
import { queueWrites } from './writeCells';
import { cellRequestBytes, chunkByBytes } from './requestBudget';

export const REVERT_LOG_NAMESPACE = 'urn:lakip:revert-log:1';
const ROOT = 'revertLog';

export interface RevertLogEntry {
  sheet: string;
  /** A1 address of one cell, without '$'. */
  address: string;
  before: CellState;
  /** ISO time the entry was recorded. */
  at: string;
  /** Excel.RangeValueType of the cell when recorded (non-formula cells), so an error constant is restored as one. */
  valueType?: string;
  /** The finding the edit fixed. */
  finding?: { code: string; cell: string };
}

/** The XML of one log part. JSON escapes control characters; U+FFFE/U+FFFF (not allowed in XML) are escaped too. */
export function encodeLog(entries: RevertLogEntry[], created: string): string {
  const json = JSON.stringify(entries).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `<${ROOT} xmlns="${REVERT_LOG_NAMESPACE}" version="1" created="${escapeXml(created)}"><entries>${escapeXml(json)}</entries></${ROOT}>`;
}

function isRaw(v: unknown): v is RawValue {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function validEntry(e: unknown): e is RevertLogEntry {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  const b = x.before as Record<string, unknown> | undefined;
  return (
    typeof x.sheet === 'string' &&
    typeof x.address === 'string' &&
    parseA1(x.address) !== null &&
    typeof x.at === 'string' &&
    !!b &&
    typeof b === 'object' &&
    isRaw(b.value) &&
    typeof b.numberFormat === 'string' &&
    (b.formula === undefined || typeof b.formula === 'string')
  );
}

/** Entries of one part's XML (as Office hands it back: maybe with a declaration, prefixes, entities or CDATA). Throws on anything else. */
export function decodeLog(xml: string): { entries: RevertLogEntry[]; created: string } {
  const created = /\screated\s*=\s*"([^"]*)"/.exec(xml)?.[1] ?? /\screated\s*=\s*'([^']*)'/.exec(xml)?.[1] ?? '';
  if (/<(?:[\w.-]+:)?entries\s*\/>/.test(xml)) return { entries: [], created: unescapeXml(created) };
  const m = /<(?:[\w.-]+:)?entries(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?entries\s*>/.exec(xml);
  if (!m) throw new Error('revert log part without entries');
  const body = m[1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, raw: string) => escapeXml(raw));
  const parsed: unknown = JSON.parse(unescapeXml(body).trim() || '[]');
  if (!Array.isArray(parsed) || !parsed.every(validEntry)) throw new Error('revert log part holds something else');
  return { entries: parsed, created: unescapeXml(created) };
}

/** One cell's identity in the log: sheet and address without '$', upper case. */
export const key = (sheet: string, address: string) => {
  const at = parseA1(address)!;
  return `${sheet}\u0000${toA1(at.row, at.col)}`;
};

/** One entry per cell: the oldest before-state (parts in creation order, entries by time). */
export function mergeOldest(parts: { entries: RevertLogEntry[]; created: string }[]): RevertLogEntry[] {
  const ordered = parts.map((p, i) => ({ ...p, i })).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.i - b.i));
  const byCell = new Map<string, RevertLogEntry>();
  for (const p of ordered) {
    for (const e of p.entries) {
      const k = key(e.sheet, e.address);
      const seen = byCell.get(k);
      if (!seen || e.at < seen.at) byCell.set(k, e);
    }
  }
  return [...byCell.values()];
}

/** Queue a new log part holding `entries` (no sync). */
export function queueLogPart(context: Excel.RequestContext, entries: RevertLogEntry[], created: string): Excel.CustomXmlPart {
  return context.workbook.customXmlParts.add(encodeLog(entries, created));
}

export interface LoadedLog {
  entries: RevertLogEntry[];
  parts: Excel.CustomXmlPart[];
}

/** Read and merge every log part: two syncs (the parts, then their XML), one when there is none. Loads the caller queued before ride on the first. */
export async function loadLog(context: Excel.RequestContext): Promise<LoadedLog> {
  const parts = context.workbook.customXmlParts.getByNamespace(REVERT_LOG_NAMESPACE);
  parts.load('items/id');
  await syncOr(context, 'read-failed');
  if (parts.items.length === 0) return { entries: [], parts: [] };
  let texts: string[];
  try {
    const xmls = parts.items.map((p) => p.getXml());
    await context.sync();
    texts = xmls.map((x) => x.value);
  } catch (e) {
    // Logs of tens of thousands of cells add up past the response limit. Each
    // part was written in one request under the limit, so one part per sync fits.
    if (officeErrorCode(e) !== RESPONSE_TOO_LARGE) throw toHostError(e, 'read-failed');
    texts = [];
    for (const p of parts.items) {
      const x = p.getXml();
      await syncOr(context, 'read-failed');
      texts.push(x.value);
    }
  }
  let decoded;
  try {
    decoded = texts.map((x) => decodeLog(x));
  } catch (e) {
    throw new HostError('read-failed', undefined, e);
  }
  return { entries: mergeOldest(decoded), parts: parts.items };
}

/** How many cells the log can restore (0 when there is nothing to undo). */
export async function revertLogSize(context: Excel.RequestContext): Promise<number> {
  return (await loadLog(context)).entries.length;
}

/**
 * Write every logged before-state back (formula or value, and number format)
 * in one batch (more past the request budget), then delete the log. Sheets are checked first: a missing or
 * protected sheet throws before anything is written. Returns the number of
 * cells restored.
 */
export async function revertAll(context: Excel.RequestContext): Promise<number> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const bulk = new BulkWrite(context);
  bulk.prepare();
  const { entries, parts } = await loadLog(context);
  if (parts.length === 0) return 0;

  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  for (const e of entries) {
    const ws = sheets.get(e.sheet);
    if (!ws) throw new HostError('changed-since-check', { sheet: e.sheet, address: e.address });
    if (ws.protection.protected) throw new HostError('protected-sheet', { sheet: e.sheet });
  }
  // One batch for everyday logs; more only past the request budget (tens of thousands of cells).
  for (const chunk of chunkByBytes(entries, (e) => cellRequestBytes(e.address, e.before))) {
    bulk.suspend();
    queueWrites(
      chunk.map((e) => ({ sheet: e.sheet, address: e.address, state: e.before, valueType: e.valueType })),
      (name) => sheets.get(name)!,
    );
    await syncOr(context, 'write-failed');
  }
  // The cells are back; only now is the log dropped. Should this fail, the log stays and a second revert writes the same states.
  bulk.queueRecalc();
  for (const p of parts) p.delete();
  await syncOr(context, 'write-failed');
  return entries.length;
}
