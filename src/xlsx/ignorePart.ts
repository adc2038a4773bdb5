/**
 * Puts the ignore list into a package as Excel stores workbook.customXmlParts: the
 * item, its properties part and relationship, a relationship from the workbook and
 * a content-type override. Used where the add-in cannot ask Excel to do it (the
 * browser preview's download), so the list travels with the file as it does from
 * Excel. An existing ignore-list item is rewritten in place; other parts are untouched.
 */
import JSZip from 'jszip';
import type { IgnoreEntry } from '../core/ignore';
import { encodeIgnoreList, isIgnoreListXml } from '../core/ignoreCodec';

const ITEM = /^customXml\/item(\d+)\.xml$/i;
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** A GUID for the datastore item: random where the platform has it, else from the entries' text. */
function guid(seed: string): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID().toUpperCase();
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('').toUpperCase();
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function nextRelId(rels: string): string {
  let n = 1;
  for (const m of rels.matchAll(/\bId="rId(\d+)"/g)) n = Math.max(n, Number(m[1]) + 1);
  return `rId${n}`;
}

/** The package with `entries` as its ignore list (none: the package as it was when it had none). */
export async function withIgnoreListPart(data: Uint8Array, entries: readonly IgnoreEntry[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const items = Object.keys(zip.files).filter((n) => ITEM.test(n));
  for (const name of items) {
    const xml = await zip.file(name)!.async('string');
    if (!isIgnoreListXml(xml)) continue;
    // Rewritten in place: its properties part and relationships already point at it.
    zip.file(name, DECL + encodeIgnoreList(entries));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
  if (entries.length === 0) return data;

  const n = items.reduce((m, name) => Math.max(m, Number(ITEM.exec(name)![1])), 0) + 1;
  zip.file(`customXml/item${n}.xml`, DECL + encodeIgnoreList(entries));
  zip.file(
    `customXml/itemProps${n}.xml`,
    `${DECL}<ds:datastoreItem ds:itemID="{${guid(JSON.stringify(entries))}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  zip.file(`customXml/_rels/item${n}.xml.rels`, `${DECL}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`);

  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = (await zip.file(relsName)?.async('string')) ?? `${DECL}<Relationships xmlns="${REL_NS}"></Relationships>`;
  const rel = `<Relationship Id="${nextRelId(rels)}" Type="${CUSTOM_XML_REL}" Target="../customXml/item${n}.xml"/>`;
  zip.file(relsName, rels.replace(/<\/(\w+:)?Relationships>\s*$/, (end) => rel + end));

  const typesName = '[Content_Types].xml';
  let types = (await zip.file(typesName)?.async('string')) ?? '';
  const override = `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_TYPE}"/>`;
  // The item itself is plain XML: covered by a Default for .xml when the package has one.
  const itemType = /<Default\s+Extension="xml"/i.test(types) ? '' : `<Override PartName="/customXml/item${n}.xml" ContentType="application/xml"/>`;
  types = types.replace(/<\/(\w+:)?Types>\s*$/, (end) => override + itemType + end);
  zip.file(typesName, types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
