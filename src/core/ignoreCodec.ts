/**
 * The ignore list as one custom XML part in the workbook, beside the revert log:
 * Excel keeps it through save and reopen, the CLI reads it from the package, and
 * no sheet or cell of the office's shows it.
 */
import type { IgnoreEntry } from './ignore';
import { elementText, escapeXml } from './xmlText';

export const IGNORE_NAMESPACE = 'urn:lakip:ignore-list:1';

/** The XML of the part. JSON escapes control characters; U+FFFE/U+FFFF (not allowed in XML) are escaped too. */
export function encodeIgnoreList(entries: readonly IgnoreEntry[]): string {
  const json = JSON.stringify(entries).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `<ignoreList xmlns="${IGNORE_NAMESPACE}" version="1"><entries>${escapeXml(json)}</entries></ignoreList>`;
}

function validSource(s: unknown): boolean {
  if (s === undefined) return true;
  const x = s as Record<string, unknown> | null;
  return !!x && typeof x === 'object' && typeof x.file === 'string' && typeof x.paragraph === 'number';
}

function validEntry(e: unknown): e is IgnoreEntry {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  return (
    typeof x.code === 'string' &&
    typeof x.sheet === 'string' &&
    typeof x.cell === 'string' &&
    typeof x.at === 'string' &&
    (x.members === undefined || (Array.isArray(x.members) && x.members.every((m) => typeof m === 'string'))) &&
    (x.reason === undefined || typeof x.reason === 'string') &&
    (x.message === undefined || typeof x.message === 'string') &&
    validSource(x.source)
  );
}

/** Whether a custom XML part (as stored, maybe with a declaration or a prefix) is our ignore list. */
export function isIgnoreListXml(xml: string): boolean {
  return xml.includes(IGNORE_NAMESPACE) && /<(?:[\w.-]+:)?ignoreList[\s>]/.test(xml);
}

/**
 * Entries of the part. An entry this version cannot read is left out rather than
 * failing the whole list: one damaged entry must not bring every accepted finding back.
 * Throws only when the part is not an ignore list at all or its JSON is broken.
 */
export function decodeIgnoreList(xml: string): IgnoreEntry[] {
  if (!isIgnoreListXml(xml)) throw new Error('not an ignore list part');
  const body = elementText(xml, 'entries');
  if (body === null) throw new Error('ignore list part without entries');
  const parsed: unknown = JSON.parse(body.trim() || '[]');
  if (!Array.isArray(parsed)) throw new Error('ignore list part holds something else');
  return parsed.filter(validEntry);
}
