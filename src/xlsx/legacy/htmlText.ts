/**
 * Bytes of an HTML export -> text: the byte order mark, else the charset the page
 * declares (<meta charset>, <meta http-equiv="Content-Type">, an XML declaration), else
 * UTF-8 when the bytes are valid UTF-8 and windows-1252 otherwise (what Excel on an
 * Indonesian or English Windows assumes). And the character references HTML text holds.
 */

/** windows-1252 for the bytes 0x80-0x9F (the rest is Latin-1); undefined slots are unassigned. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const WESTERN = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'iso-8859-15', 'us-ascii', 'ascii', 'ansi_x3.4-1968']);

/** The charset a page declares in its first bytes, lower-cased, or undefined. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]);
  const meta = /<meta\b[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /<\?xml\b[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  return xml ? xml[1].toLowerCase() : undefined;
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeHtmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return tryDecode('utf-8', bytes.subarray(3), false) ?? decodeWindows1252(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode('utf-16le', bytes.subarray(2), false) ?? decodeWindows1252(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode('utf-16be', bytes.subarray(2), false) ?? decodeWindows1252(bytes);
  const label = declaredCharset(bytes);
  if (label && WESTERN.has(label)) return decodeWindows1252(bytes);
  if (label && label !== 'utf-8' && label !== 'utf8') {
    const other = tryDecode(label, bytes, false);
    if (other !== undefined) return other;
  }
  // Declared UTF-8 or nothing: UTF-8 when the bytes are UTF-8, otherwise what Excel assumes.
  return tryDecode('utf-8', bytes, true) ?? decodeWindows1252(bytes);
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', deg: '°', plusmn: '±', times: '×',
  divide: '÷', middot: '·', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  hellip: '…', bull: '•', euro: '€', laquo: '«', raquo: '»', sup1: '¹', sup2: '²', sup3: '³', frac12: '½', frac14: '¼',
  frac34: '¾', iexcl: '¡', iquest: '¿', cent: '¢', pound: '£', yen: '¥', sect: '§', para: '¶', shy: '\u00ad', ordf: 'ª',
  ordm: 'º', micro: 'µ', permil: '‰', trade: '™', larr: '←', rarr: '→', uarr: '↑', darr: '↓', minus: '−', le: '≤', ge: '≥',
  ne: '≠', asymp: '≈', infin: '∞', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê',
  euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ',
  ouml: 'ö', oslash: 'ø', ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', Ccedil: 'Ç', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê',
  Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ',
  Ouml: 'Ö', Oslash: 'Ø', Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý',
};

/** Character references in HTML text or an attribute value. Unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, e: string) => {
    if (e.charAt(0) === '#') {
      let code = e.charAt(1) === 'x' || e.charAt(1) === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // HTML reads references to 0x80-0x9F as windows-1252, as browsers and Excel do.
      if (code >= 0x80 && code <= 0x9f) code = CP1252_HIGH[code - 0x80];
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return Object.prototype.hasOwnProperty.call(NAMED, e) ? NAMED[e] : m;
  });
}
