/**
 * Content sniffing: decide what a file is from its first bytes, never from its
 * extension. Browser-safe (no Node APIs).
 */

export type SniffResult = 'zip' | 'cfb' | 'empty' | 'other';

/** Bytes needed by {@link sniff}. */
export const SNIFF_BYTES = 8;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  if (data.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (data[i] !== magic[i]) return false;
  return true;
}

/**
 * @param head the first bytes of the file (at least {@link SNIFF_BYTES} when the file is that long)
 * @param totalSize the whole file's size in bytes
 */
export function sniff(head: Uint8Array, totalSize: number): SniffResult {
  if (totalSize === 0) return 'empty';
  if (startsWith(head, ZIP_MAGIC)) return 'zip';
  if (startsWith(head, CFB_MAGIC)) return 'cfb';
  return 'other';
}

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML package keeps inside its CFB container. */
export const ENCRYPTION_INFO_UTF16LE: Uint8Array = (() => {
  const s = 'EncryptionInfo';
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
})();

/** Index of `needle` in `hay` from `from`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const n = needle.length;
  if (n === 0) return from;
  const first = needle[0];
  const last = hay.length - n;
  for (let i = from; i <= last; i++) {
    if (hay[i] !== first) continue;
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

/** True when a CFB (OLE) container holds an encrypted OOXML package rather than an old .xls. */
export function cfbLooksEncrypted(data: Uint8Array): boolean {
  return indexOfBytes(data, ENCRYPTION_INFO_UTF16LE) >= 0;
}

/** Bytes {@link sniffText} looks at. */
export const TEXT_SNIFF_BYTES = 2048;

/**
 * What a file that is neither a zip nor a CFB container holds, when it is one of the
 * two spreadsheet exports offices often save with an .xls name: an HTML table (web
 * applications' "export to Excel") or Excel 2003 XML Spreadsheet. null otherwise.
 */
export function sniffText(head: Uint8Array): 'html-table' | 'xml-2003' | null {
  let text = '';
  const n = Math.min(head.length, TEXT_SNIFF_BYTES);
  // UTF-16 files start with a BOM and hold every other byte zero: read the low bytes.
  const utf16 = n >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  for (let i = utf16 ? 2 : 0; i < n; i++) {
    const b = head[i];
    if (b !== 0) text += String.fromCharCode(b);
  }
  text = text.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/<\?mso-application\s+progid\s*=\s*["']excel\.sheet["']/.test(text) || /urn:schemas-microsoft-com:office:spreadsheet/.test(text)) return 'xml-2003';
  // An XML declaration or comments may come before the first tag of an HTML export.
  const first = text.replace(/^(?:<\?xml[^>]{0,200}>\s*|<!--[\s\S]{0,1000}?-->\s*)+/, '');
  if (/^(<!doctype\s+html|<html|<table|<meta|<head|<body)/.test(first) || (/<html[\s>]/.test(text) && /<table[\s>]/.test(text))) return 'html-table';
  // A page fragment without <html>, as PHP report templates write it (<center><h2>PEMERINTAH
  // KOTA ...</h2></center><table>, or <title> and <style> first): HTML when a table follows.
  if (/^<(center|title|style|div|h[1-6]|p|span|font|b|strong|br|link|base|form|section)[\s>/]/.test(first) && /<table[\s>]/.test(text)) return 'html-table';
  return null;
}

/**
 * Which reader of src/xlsx/legacy/ a file goes to: an OLE compound file (.xls, BIFF5/8),
 * a bare BIFF2-5 stream (Excel 2.x-4.0 and some exports), an OpenDocument spreadsheet
 * (zip or flat XML), Excel 2003 XML, or an HTML table saved as .xls.
 */
export type LegacyKind = 'cfb' | 'biff' | 'ods' | 'fods' | 'xml-2003' | 'html';

/**
 * A bare BIFF stream: a BOF record first (type 0x0009, 0x0209, 0x0409 or 0x0809) with the
 * length that version writes. Excel 2.x-4.0 worksheets are saved this way, without the
 * OLE container BIFF5 and BIFF8 use.
 */
export function looksLikeBareBiff(head: Uint8Array): boolean {
  if (head.length < 8 || head[0] !== 0x09 || head[3] !== 0x00) return false;
  const len = head[2];
  switch (head[1]) {
    case 0x00:
      return len === 4 || len === 6;
    case 0x02:
    case 0x04:
      return len === 6;
    case 0x08:
      return len === 8 || len === 16;
    default:
      return false;
  }
}

const ODS_MIMETYPES = ['application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.spreadsheet-template'];

/**
 * An OpenDocument spreadsheet zip, from its first entry: the specification has every
 * package start with an uncompressed "mimetype" entry naming the type, so 90 bytes tell.
 */
export function looksLikeOdsZip(head: Uint8Array): boolean {
  if (head.length < 38 + 46) return false;
  if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return false;
  const method = head[8] | (head[9] << 8);
  const nameLen = head[26] | (head[27] << 8);
  const extraLen = head[28] | (head[29] << 8);
  if (method !== 0 || nameLen !== 8) return false;
  let name = '';
  for (let i = 30; i < 38; i++) name += String.fromCharCode(head[i]);
  if (name !== 'mimetype') return false;
  const start = 38 + extraLen;
  let text = '';
  for (let i = start; i < Math.min(head.length, start + 80); i++) text += String.fromCharCode(head[i]);
  return ODS_MIMETYPES.some((m) => text.startsWith(m));
}

/**
 * For a file that is neither a zip nor a CFB container: the legacy kind it holds (an HTML
 * table, Excel 2003 XML, a flat OpenDocument spreadsheet, a bare BIFF stream), or null.
 */
export function sniffLegacyOther(head: Uint8Array): LegacyKind | null {
  if (looksLikeBareBiff(head)) return 'biff';
  const text = sniffText(head);
  if (text === 'xml-2003') return 'xml-2003';
  if (text === 'html-table') return 'html';
  if (looksLikeFlatOds(head)) return 'fods';
  return null;
}

/**
 * Flat XML OpenDocument (.fods): an office:document root. Its mimetype attribute often sits
 * past the first 2 KB (after the namespace declarations); the reader checks that the body
 * is a spreadsheet and refuses a flat text document as not a workbook.
 */
function looksLikeFlatOds(head: Uint8Array): boolean {
  let text = '';
  const n = Math.min(head.length, TEXT_SNIFF_BYTES);
  for (let i = 0; i < n; i++) text += String.fromCharCode(head[i]);
  return /<office:document[\s>]/.test(text);
}

/**
 * The legacy kind of a whole file's bytes, or null for an .xlsx/.xlsm package (or anything
 * else). For callers that write back into the file read (lakip fix, the preview's download):
 * fixes can only be written into an .xlsx/.xlsm package.
 */
export function legacyKindOf(data: Uint8Array): LegacyKind | null {
  switch (sniff(data.subarray(0, SNIFF_BYTES), data.byteLength)) {
    case 'cfb':
      return 'cfb';
    case 'zip':
      return looksLikeOdsZip(data.subarray(0, 256)) ? 'ods' : null;
    case 'other':
      return sniffLegacyOther(data.subarray(0, TEXT_SNIFF_BYTES));
    default:
      return null;
  }
}

/**
 * The user name in an Office owner ("lock") file, the 162-165 bytes Excel and Word keep
 * beside an open document as '~$name': a length byte and the name in ANSI, padded with
 * spaces to 55 bytes, then the length again (16 bits) and the name in UTF-16LE. Undefined
 * for anything else. Told by content, since copies lose the '~$' (a regression-set
 * repository held three under other names).
 */
export function ownerFileUser(head: Uint8Array, size: number): string | undefined {
  if (size < 160 || size > 170 || head.length < 57) return undefined;
  const n = head[0];
  if (n < 1 || n > 54 || head[55] !== n || head[56] !== 0 || head.length < 57 + 2 * n) return undefined;
  let name = '';
  for (let i = 0; i < n; i++) {
    const c = head[1 + i];
    if (c < 0x20 || c === 0x7f) return undefined;
    // The UTF-16 copy agrees with the ANSI one for ASCII letters ('?' stands in ANSI for a letter its code page lacks: 'Havlí?ek').
    if (c < 0x80 && c !== 0x3f && (head[57 + 2 * i] !== c || head[58 + 2 * i] !== 0)) return undefined;
    name += String.fromCharCode(head[57 + 2 * i] | (head[58 + 2 * i] << 8));
  }
  for (let i = 1 + n; i < 55; i++) if (head[i] !== 0x20) return undefined;
  return name.trim();
}
