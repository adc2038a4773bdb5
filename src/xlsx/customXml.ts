/**
 * Our own custom XML parts inside a package (customXml/itemN.xml), as Excel stores
 * what the add-in adds with workbook.customXmlParts: the ignore list travels with
 * the file, so the CLI honours what the office dismissed in the pane.
 */
import type JSZip from 'jszip';
import type { IgnoreEntry } from '../core/ignore';
import { decodeIgnoreList, isIgnoreListXml } from '../core/ignoreCodec';

const CUSTOM_XML_ITEM = /^\/?customXml\/item\d+\.xml$/i;

/**
 * Every ignore entry in the package (parts merged in name order). A part that
 * cannot be read is skipped: the check then shows those findings again, which is
 * safe, where refusing the whole workbook would not be.
 */
export async function readIgnoreList(zip: JSZip): Promise<IgnoreEntry[]> {
  const names = Object.keys(zip.files)
    .filter((n) => CUSTOM_XML_ITEM.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/i.exec(a)![1]) - Number(/(\d+)\.xml$/i.exec(b)![1]));
  const out: IgnoreEntry[] = [];
  for (const n of names) {
    const xml = await zip
      .file(n)!
      .async('string')
      .catch(() => '');
    if (!isIgnoreListXml(xml)) continue;
    try {
      out.push(...decodeIgnoreList(xml));
    } catch {
      // damaged part: see above
    }
  }
  return out;
}
