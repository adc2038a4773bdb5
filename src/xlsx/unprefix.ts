/**
 * Packages whose SpreadsheetML is written with a namespace prefix (`<x:worksheet
 * xmlns:x="...spreadsheetml/2006/main">`, the default of Microsoft's Open XML SDK and
 * so of ClosedXML and the .NET exporters government systems use) are valid and open
 * in Excel and LibreOffice, but exceljs reads only unprefixed element names and
 * failed on them. The parts exceljs reads are rewritten with the prefix taken off
 * and the namespace made the default one; nothing else changes, and packages
 * without a prefix are not touched at all. The same pass lightens worksheets that
 * would make exceljs slow (heavyParts.ts).
 */
import type JSZip from 'jszip';
import { lightenSheet } from './heavyParts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The parts exceljs parses as SpreadsheetML. */
const PARTS = /^xl\/(?:workbook\.xml|styles\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml|tables\/[^/]+\.xml|comments\d*\.xml)$/i;

/** The prefix bound to SpreadsheetML's main namespace on the root element, if the root uses one. */
function mainPrefix(xml: string): string | null {
  const root = /<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s[^>]*>/.exec(xml.slice(0, 4096));
  if (!root) return null;
  const prefix = root[1];
  const decl = new RegExp(`xmlns:${prefix.replace(/[.]/g, '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(root[0]);
  return decl && decl[1] === MAIN ? prefix : null;
}

/** The part with the main-namespace prefix removed from element names; null when it has none. */
export function unprefixPart(xml: string): string | null {
  const prefix = mainPrefix(xml);
  if (!prefix) return null;
  const p = prefix.replace(/[.]/g, '\\.');
  let out = xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1');
  // The first declaration becomes the default namespace (unless the root already has one).
  out = out.replace(new RegExp(`\\sxmlns:${p}\\s*=\\s*(["'])${MAIN.replace(/[.]/g, '\\.')}\\1`), (decl) => (/\sxmlns\s*=/.test(out.slice(0, 4096)) ? '' : ` xmlns="${MAIN}"`));
  return out;
}

/** Rewrite every prefixed part in place; true when any was. */
export async function unprefixPackage(zip: JSZip): Promise<boolean> {
  return (await prepareForExcelJs(zip)).changed;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Text in CDATA sections (`<t><![CDATA[Anak & Remaja]]></t>`, which some exporters
 * write for inline and shared strings) written as escaped text: exceljs reads CDATA
 * as nothing, so a row of such labels vanished and the table was never found.
 */
export function withoutCdata(xml: string): string {
  if (!xml.includes('<![CDATA[')) return xml;
  return xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * One pass over the parts exceljs parses, each read once: the namespace prefix taken
 * off, and from worksheets what would make exceljs slow (heavyParts.ts). Returns
 * whether any part changed and the merged areas read here, by worksheet part.
 */
export async function prepareForExcelJs(zip: JSZip): Promise<{ changed: boolean; merges: Map<string, string[]>; sharedStringsMissing: boolean }> {
  let changed = false;
  let usesShared = false;
  const merges = new Map<string, string[]>();
  for (const name of Object.keys(zip.files)) {
    if (!PARTS.test(name) || zip.files[name].dir) continue;
    const xml = await zip.file(name)!.async('string');
    let out = withoutCdata(unprefixPart(xml) ?? xml);
    if (WORKSHEET.test(name)) {
      usesShared ||= /<c\b[^>]*\bt\s*=\s*["']s["']/.test(out);
      const light = lightenSheet(out);
      if (light) {
        out = light.xml;
        if (light.merges) merges.set(name, light.merges);
      }
    }
    if (out === xml) continue;
    zip.file(name, out);
    changed = true;
  }
  // Cells that name shared strings in a package without them would read as empty:
  // a workbook reported calmly as holding no table. Said instead (the caller words it).
  const sharedStringsMissing = usesShared && !Object.keys(zip.files).some((n) => /^xl\/sharedStrings\.xml$/.test(n));
  return { changed, merges, sharedStringsMissing };
}
