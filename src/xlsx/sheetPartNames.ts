/**
 * exceljs loads a worksheet only from a part named xl/worksheets/sheetN.xml, but
 * a package may name its parts as it likes (the workbook's relationships say
 * where each sheet is): some exporters write 'lembar1.xml', 'Sheet1.xml' or a
 * GUID. Excel and LibreOffice open those; so must we. Such parts are moved to
 * free sheetN.xml names, with their own relationships, the workbook's
 * relationship and the content-type override following them. Packages that
 * already use the usual names are not touched.
 */
import type JSZip from 'jszip';
import type { SheetEntry } from './workbookParts';

const USUAL = /^xl\/worksheets\/sheet(\d+)\.xml$/;

const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Move unusually named worksheet parts to sheetN.xml; returns the entries with their new targets, or null when nothing moved. */
export async function usualSheetPartNames(zip: JSZip, entries: readonly SheetEntry[]): Promise<SheetEntry[] | null> {
  const odd = entries.filter((e) => e.kind === 'worksheet' && e.target && !USUAL.test(e.target) && zip.file(e.target));
  if (odd.length === 0) return null;
  const taken = new Set(Object.keys(zip.files).map((n) => USUAL.exec(n)?.[1]).filter((n): n is string => n !== undefined).map(Number));
  let next = 1;
  const moves = new Map<string, string>();
  for (const e of odd) {
    while (taken.has(next)) next++;
    taken.add(next);
    moves.set(e.target!, `xl/worksheets/sheet${next}.xml`);
  }

  for (const [from, to] of moves) {
    zip.file(to, await zip.file(from)!.async('uint8array'));
    zip.remove(from);
    const rels = zip.file(relsOf(from));
    if (rels) {
      zip.file(relsOf(to), await rels.async('uint8array'));
      zip.remove(relsOf(from));
    }
  }

  // The workbook's relationships: targets are relative to xl/ (or absolute from the package root).
  const wbRels = 'xl/_rels/workbook.xml.rels';
  let rels = (await zip.file(wbRels)?.async('string')) ?? '';
  for (const [from, to] of moves) {
    const rel = from.slice('xl/'.length);
    rels = rels.replace(new RegExp(`(Target\\s*=\\s*["'])(?:/xl/|\\./)?${escapeRe(rel)}(["'])`, 'g'), `$1${to.slice('xl/'.length)}$2`);
  }
  zip.file(wbRels, rels);

  const typesName = '[Content_Types].xml';
  let types = (await zip.file(typesName)?.async('string')) ?? '';
  for (const [from, to] of moves) types = types.replace(new RegExp(`(PartName\\s*=\\s*["'])/${escapeRe(from)}(["'])`, 'g'), `$1/${to}$2`);
  zip.file(typesName, types);

  return entries.map((e) => (e.target && moves.has(e.target) ? { ...e, target: moves.get(e.target) } : e));
}
