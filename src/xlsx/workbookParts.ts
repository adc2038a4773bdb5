/**
 * Minimal reading of xl/workbook.xml and its relationships, used only to list
 * the sheets in workbook order with their kind (exceljs silently drops chart
 * sheets). Browser-safe.
 */

import { decodeEntities } from './read/xmlScan';

export type SheetPartKind = 'worksheet' | 'chartsheet' | 'other';

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  kind: SheetPartKind;
  /** Part path inside the package, e.g. 'xl/worksheets/sheet1.xml' (undefined when the relationship is missing). */
  target?: string;
}

const ATTR_RE = /([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR_RE)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** Decode the XML predefined entities and character references (the streaming reader's decoder). */
export function decodeXml(s: string): string {
  return decodeEntities(s);
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Elements named `local` (any namespace prefix) with their attributes. */
function elements(xml: string, local: string): Record<string, string>[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => attributes(m[1]));
}

function resolveTarget(target: string): string {
  // Relative to xl/ unless absolute ('/xl/...').
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** Sheets of the workbook in workbook order. */
export function listSheets(workbookXml: string, relsXml: string | undefined): SheetEntry[] {
  const rels = new Map<string, { type: string; target: string }>();
  if (relsXml) {
    for (const a of elements(relsXml, 'Relationship')) {
      if (a.Id) rels.set(a.Id, { type: a.Type ?? '', target: a.Target ?? '' });
    }
  }
  const sheets: SheetEntry[] = [];
  for (const a of elements(workbookXml, 'sheet')) {
    let rid: string | undefined;
    for (const [k, v] of Object.entries(a)) if (k.includes(':') && localName(k) === 'id') rid = v;
    const rel = rid ? rels.get(rid) : undefined;
    let kind: SheetPartKind = 'other';
    if (rel) {
      if (/\/worksheet$/.test(rel.type)) kind = 'worksheet';
      else if (/\/chartsheet$/.test(rel.type)) kind = 'chartsheet';
    }
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    sheets.push({
      name: a.name ?? '',
      sheetId: Number(a.sheetId),
      state,
      kind,
      target: rel ? resolveTarget(rel.target) : undefined,
    });
  }
  return sheets;
}
