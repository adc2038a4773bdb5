/// <reference types="office-js" />
/**
 * The ignore list in the workbook: one custom XML part (ExcelApi 1.5), like the
 * revert log, so it is saved with the file, travels with it, and the CLI reads
 * the same list from the package. Unlike the log it is replaced whole on every
 * change: it is small (one entry per accepted finding) and must never hold two
 * opinions about one finding.
 */
import type { IgnoreEntry } from '../core/ignore';
import { decodeIgnoreList, encodeIgnoreList, IGNORE_NAMESPACE } from '../core/ignoreCodec';
import { HostError } from '../host/types';
import { syncOr } from './errors';
import { MAX_REQUEST_BYTES } from './requestBudget';

/** Every entry, from every part of ours (two syncs; one when there is none). A part that cannot be read is skipped, as the CLI does. */
export async function loadIgnoreList(context: Excel.RequestContext): Promise<IgnoreEntry[]> {
  const parts = context.workbook.customXmlParts.getByNamespace(IGNORE_NAMESPACE);
  parts.load('items/id');
  await syncOr(context, 'read-failed');
  if (parts.items.length === 0) return [];
  const xmls = parts.items.map((p) => p.getXml());
  await syncOr(context, 'read-failed');
  const out: IgnoreEntry[] = [];
  for (const x of xmls) {
    try {
      out.push(...decodeIgnoreList(x.value));
    } catch {
      // A damaged part only brings its findings back; saving replaces it.
    }
  }
  return out;
}

/**
 * Replace the list with `entries` (no part when empty), in one request: the new part
 * is added before the old ones are deleted, so a request that fails half-way leaves
 * both lists (read back merged) rather than none.
 */
export async function saveIgnoreList(context: Excel.RequestContext, entries: readonly IgnoreEntry[]): Promise<void> {
  const xml = encodeIgnoreList(entries);
  // UTF-16 in the request: a list past the request limit could not be written in one go.
  if (xml.length * 2 > MAX_REQUEST_BYTES) throw new HostError('too-large');
  const parts = context.workbook.customXmlParts.getByNamespace(IGNORE_NAMESPACE);
  parts.load('items/id');
  await syncOr(context, 'read-failed');
  if (entries.length > 0) context.workbook.customXmlParts.add(xml);
  for (const p of parts.items) p.delete();
  await syncOr(context, 'write-failed');
}
