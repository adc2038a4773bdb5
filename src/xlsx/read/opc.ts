/**
 * The package's relationships (Open Packaging Conventions): where the workbook
 * part is and which parts it points at. Targets are resolved against the source
 * part's folder, absolute targets against the root; part names compare without
 * case, as OPC says.
 */
import { attributes, localName, scanAll } from './xmlScan';

export interface Relationship {
  id: string;
  /** The last segment of the relationship type, e.g. 'worksheet', 'officeDocument', 'sharedStrings'. */
  type: string;
  /** Resolved part name, '/'-separated without a leading '/' (as written, case kept). */
  target: string;
  external: boolean;
}

/** The folder of a part name ('xl/workbook.xml' -> 'xl/'). */
export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** The relationships part of a part ('xl/workbook.xml' -> 'xl/_rels/workbook.xml.rels'). */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function resolveTarget(base: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // not percent-encoded after all: keep it as written
  }
  const path = t.startsWith('/') ? t.slice(1) : folderOf(base) + t;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** Relationships of `source` from its .rels part text. */
export function parseRelationships(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  scanAll(xml, {
    open(name, raw) {
      if (name !== 'Relationship') return;
      const a = attributes(raw);
      if (!a.Id && !a.Target) return;
      const external = (a.TargetMode ?? '').toLowerCase() === 'external';
      const type = (a.Type ?? '').replace(/\/+$/, '');
      out.push({
        id: a.Id ?? '',
        type: type.slice(type.lastIndexOf('/') + 1),
        target: external ? (a.Target ?? '') : resolveTarget(source, a.Target ?? ''),
        external,
      });
    },
    close() {},
    text() {},
  });
  return out;
}

export interface WorkbookInfo {
  /** Local name of the part's root element ('workbook' for a workbook part). */
  root: string;
  sheets: { name: string; sheetId: number; state: 'visible' | 'hidden' | 'veryHidden'; rid: string }[];
  date1904: boolean;
}

/** Sheets in workbook order and the date system, from the workbook part. */
export function parseWorkbook(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { root: '', sheets: [], date1904: false };
  scanAll(xml, {
    open(name, raw) {
      if (info.root === '') info.root = name;
      if (name === 'sheet') {
        const a = attributes(raw);
        let rid = '';
        // r:id, whatever prefix the relationships namespace has.
        for (const k of Object.keys(a)) if (k.includes(':') && localName(k) === 'id' && !k.startsWith('xmlns')) rid = a[k];
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        info.sheets.push({ name: a.name ?? '', sheetId: Number(a.sheetId), state, rid });
      } else if (name === 'workbookPr') {
        const v = attributes(raw).date1904;
        info.date1904 = v === '1' || v === 'true';
      }
    },
    close() {},
    text() {},
  });
  return info;
}
