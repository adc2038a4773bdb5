/**
 * The report's prose from the bytes of a .txt or .docx file, as numbered
 * paragraphs for the narrative checks. The file type is decided by content,
 * never by extension.
 *
 * Browser-safe: no Node APIs here, so the task pane reuses it on a File's
 * bytes. Nothing goes over the network (mammoth is told not to follow external
 * file links, and images are never read).
 */
import { looksLikeHeading } from '../core/narrative/fromWorkbook';
import type { NarrativeParagraph, NarrativeSource } from '../core/narrative/types';
import { ENCRYPTION_INFO_UTF16LE, indexOfBytes, sniff } from '../xlsx/sniff';
import { inflateEntry, InflateBudgetError, readCentralDirectory } from '../xlsx/read/zip';
import { MAX_DOCUMENT_XML_BYTES, MAX_NARRATIVE_BYTES, NarrativeReadError } from './narrativeErrors';

/**
 * How a raw paragraph becomes a heading: 'heading' (a Word heading style, a
 * title line) and 'body' are settled; 'para' and 'item' (a list item) are
 * decided by how they read ({@link looksLikeHeading} and title-like words) and
 * by their neighbours.
 */
type RawKind = 'heading' | 'body' | 'para' | 'item';

interface RawParagraph {
  text: string;
  kind: RawKind;
}

// ---------------------------------------------------------------------------
// Line clean-up shared by .txt and .docx

/** '- ', '* ', '• ', '❖ ', '1. ', '1) ', 'a. ', 'b) ', 'iv. ' at the start of a line. */
const LIST_MARKER = /^(?:[-*•●▪■◦‣❖➢►✓↳]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,5}[.)])(?=\s)/;

function isListLine(line: string): boolean {
  return LIST_MARKER.test(line.trim());
}

/** The kind of list marker a line starts with: numbers, capitals, small letters (or roman) or bullets. */
function markerClass(line: string): 'num' | 'upper' | 'lower' | 'bullet' | undefined {
  const m = LIST_MARKER.exec(line.trim());
  if (!m) return undefined;
  const c = m[0].replace('(', '');
  if (/^\d/.test(c)) return 'num';
  if (/^[A-Z]/.test(c)) return 'upper';
  if (/^[a-z]/.test(c)) return 'lower';
  return 'bullet';
}

/** Markdown / HTML left over from conversions: '# ', '**', '*x*', '<b>', images, links. Keeps the words. */
export function stripMarkup(line: string): string {
  let s = line;
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, ''); // images
  s = s.replace(/\[([^\]]+)\]\((?:[^)\s]+)(?:\s+"[^"]*")?\)/g, '$1'); // links
  s = s.replace(/<br\s*\/?>/gi, ' ');
  s = s.replace(/<\/?(?:b|strong|i|em|u)\s*>/gi, '');
  s = s.replace(/^(\s*)#{1,6}(?:\s+|$)/, '$1');
  s = s.replace(/\*\*/g, '');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?=[^\w*]|$)/g, '$1$2');
  return s;
}

/** '| a | b |', '|---|---|', '--- | ---'. */
function isMarkdownTableLine(t: string): boolean {
  if (/^\|.*\|$/.test(t)) return true;
  return /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$/.test(t);
}

/**
 * A trimmed line or paragraph, cleaned; or undefined when it is a table row or
 * noise: TAB-separated cells, markdown tables, '$$' formulas, rules, table-of-contents
 * lines with dot leaders. A TAB right after a list marker ('1.\tText', as Word's plain
 * text export writes lists) is only a space.
 */
function cleanLine(raw: string): string | undefined {
  let t = raw.trim();
  if (t === '') return '';
  if (t.includes('\t')) {
    const m = LIST_MARKER.exec(t);
    const rest = m ? t.slice(m[0].length).replace(/^\s+/, '') : t;
    if (rest.includes('\t')) return undefined;
    t = `${m![0]} ${rest}`;
  }
  if (isMarkdownTableLine(t)) return undefined;
  if (t.startsWith('$$')) return undefined;
  if (/^(?:-{3,}|\*{3,}|_{3,}|={3,})$/.test(t)) return undefined;
  if (/\.{4,}\s*[ivxlcdmIVXLCDM\d]+$/.test(t) || /…{2,}\s*[ivxlcdm\d]+$/i.test(t)) return undefined;
  return stripMarkup(t).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Plain text

/** Words that cannot end a title: the line goes on below. */
const CONNECTOR_END = /(?:^|\s)(?:dan|atau|yang|di|ke|dari|untuk|dengan|serta|pada|bagi|oleh|dalam|sebagai|adalah|bahwa|karena|akan|telah|the|and|or|of|to|for|with)$/i;

/** Reads as a title: capitals, 'BAB II', or short. */
function titleLike(line: string): boolean {
  const t = line.replace(LIST_MARKER, '').trim();
  if (t.length <= 50) return true;
  if (/^BAB\s+[IVXLC\d]+\b/i.test(t)) return true;
  const letters = t.match(/\p{L}/gu)?.length ?? 0;
  const upper = t.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters > 0 && upper / letters >= 0.8) return true;
  const long = t.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  const capital = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return long.length > 0 && capital / long.length >= 0.6;
}

/** Short, no final period, not cut off mid-sentence, and title-like. */
function readsAsTitle(line: string): boolean {
  return looksLikeHeading(line) && !CONNECTOR_END.test(line) && titleLike(line);
}

/** A first line of a block that is a title over the text below it ('Anak Terlantar' + 'Jumlah Anak ...'). */
function isLeadingHeading(line: string, next: string): boolean {
  if (line.length > 100 || !readsAsTitle(line)) return false;
  const nextIsList = isListLine(next);
  if (nextIsList) return !isListLine(line);
  return /^[\p{Lu}\d"'“‘(]/u.test(next);
}

function blockParagraphs(lines: string[]): RawParagraph[] {
  const out: RawParagraph[] = [];
  let i = 0;
  while (lines.length - i >= 2 && isLeadingHeading(lines[i], lines[i + 1])) out.push({ text: lines[i++], kind: 'heading' });
  const rest = lines.slice(i);
  if (rest.length === 1) {
    out.push({ text: rest[0], kind: 'para' });
    return out;
  }
  const listLines = rest.filter(isListLine).length;
  const text = rest.map((l, k) => (k === 0 ? l : (isListLine(l) ? '\n' : ' ') + l)).join('');
  const title = listLines < 2 && rest.every((l) => l.length <= 80 && titleLike(l)) && looksLikeHeading(text);
  out.push({ text: title ? rest.join(' ') : text, kind: title ? 'heading' : 'body' });
  return out;
}

/** Blocks separated by blank lines (or by dropped table rows); title lines on their own. */
function textParagraphs(text: string): RawParagraph[] {
  const out: RawParagraph[] = [];
  let block: string[] = [];
  const end = () => {
    if (block.length) out.push(...blockParagraphs(block));
    block = [];
  };
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const line = cleanLine(raw.replace(/^\f+/, ''));
    if (line === undefined || line === '') end();
    else block.push(line);
  }
  end();
  return out;
}

function startsWith(data: Uint8Array, bytes: ArrayLike<number>): boolean {
  if (data.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (data[i] !== bytes[i]) return false;
  return true;
}

/** UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or guessed from the zero bytes), else Windows-1252. */
export function decodeText(data: Uint8Array): string {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const n = Math.min(data.length, 1024) & ~1;
  if (n >= 4) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < n; i += 2) {
      if (data[i] === 0) even++;
      if (data[i + 1] === 0) odd++;
    }
    const half = n / 2;
    if (odd > 0.3 * half && even < 0.05 * half) return new TextDecoder('utf-16le').decode(data);
    if (even > 0.3 * half && odd < 0.05 * half) return new TextDecoder('utf-16be').decode(data);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return decodeWindows1252(data);
  }
}

/** 0x80-0x9F of Windows-1252 ('–', '“', '”', '€', ...); the rest is Latin-1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 ("ANSI" in Indonesian Windows), decoded here: not every TextDecoder maps 0x80-0x9F. */
function decodeWindows1252(data: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < data.length; i += 8192) {
    const chunk = data.subarray(i, i + 8192);
    let s = '';
    for (const b of chunk) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    parts.push(s);
  }
  return parts.join('');
}

/** Text that is really binary: NULs or many control characters. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return controls > Math.max(8, sample.length * 0.01);
}

// ---------------------------------------------------------------------------
// .docx (through mammoth's HTML, which carries Word's heading styles)

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Judul'] => h1:fresh",
  "p[style-name='Subjudul'] => h2:fresh",
];

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'nbsp') return '\u00a0';
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Paragraphs of mammoth's HTML: h1-h6 are headings, p paragraphs, li list items.
 * Tables are data (the workbook has them) and are skipped whole, as are the
 * footnote reference marks ('[1]', '↑').
 */
export function htmlParagraphs(html: string): RawParagraph[] {
  const out: RawParagraph[] = [];
  let cur: { kind: RawKind; parts: string[] } | undefined;
  let tableDepth = 0;
  let skipLink = false;
  const flush = () => {
    if (cur) out.push({ kind: cur.kind, text: decodeEntities(cur.parts.join('')) });
    cur = undefined;
  };
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    if (m[4] !== undefined) {
      if (tableDepth > 0 || skipLink) continue;
      (cur ??= { kind: 'para', parts: [] }).parts.push(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'table') {
      if (closing) tableDepth = Math.max(0, tableDepth - 1);
      else {
        flush();
        tableDepth++;
      }
      continue;
    }
    if (tableDepth > 0) continue;
    if (tag === 'a') {
      if (closing) skipLink = false;
      else skipLink = /href="#(?:footnote|endnote|comment)-/i.test(m[3]);
      continue;
    }
    const kind: RawKind | undefined = /^h[1-6]$/.test(tag) ? 'heading' : tag === 'p' ? 'para' : tag === 'li' ? 'item' : undefined;
    if (kind) {
      flush();
      if (!closing) cur = { kind, parts: [] };
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
    } else if (tag === 'br') {
      cur?.parts.push(' ');
    }
  }
  flush();
  return out;
}

type Mammoth = typeof import('mammoth');

async function loadMammoth(): Promise<Mammoth> {
  const mod = (await import('mammoth')) as Mammoth & { default?: Mammoth };
  return mod.default ?? mod;
}

/**
 * Refuse a document whose text parts unpack to more than the limit (a zip bomb,
 * or no report), before mammoth inflates it. The parts are inflated here with
 * their output counted (src/xlsx/read/zip.ts): the sizes a zip declares are not
 * trusted, either way.
 */
function refuseHugeDocument(data: Uint8Array, file: string): void {
  let entries;
  try {
    entries = readCentralDirectory(data);
  } catch (e) {
    throw new NarrativeReadError('corrupt', file, undefined, e);
  }
  const budget = { remaining: MAX_DOCUMENT_XML_BYTES };
  for (const e of entries.values()) {
    if (!/^word\/.*\.xml$/.test(e.key)) continue;
    try {
      inflateEntry(data, e, budget, () => undefined);
    } catch (err) {
      if (err instanceof InflateBudgetError) throw new NarrativeReadError('too-large', file);
      throw new NarrativeReadError('corrupt', file, undefined, err);
    }
  }
}

async function docxParagraphs(data: Uint8Array, file: string): Promise<RawParagraph[]> {
  const mammoth = await loadMammoth();
  const arrayBuffer =
    data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer
      ? data.buffer
      : data.slice().buffer;
  // The browser build of mammoth reads `arrayBuffer`, the Node build `buffer`;
  // JSZip under both accepts a Uint8Array, so no Node Buffer is needed here.
  const input = { arrayBuffer, buffer: data } as unknown as Parameters<Mammoth['convertToHtml']>[0];
  refuseHugeDocument(data, file);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (e) {
    throw new NarrativeReadError('corrupt', file, undefined, e);
  }
  return htmlParagraphs(html).map((p) => {
    const text = p.text.trim();
    // A heading set with tabs ('BAB I<tab>PENDAHULUAN') stays a heading.
    return { kind: p.kind, text: p.kind === 'heading' ? text.replace(/\t+/g, ' ') : text };
  });
}

// ---------------------------------------------------------------------------

const ASCII = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const WORD_PART = ASCII('word/');
const XL_PART = ASCII('xl/workbook');
const OPENDOCUMENT = ASCII('application/vnd.oasis.opendocument');

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).filter(Boolean).pop() ?? fileName;
}

/**
 * Raw paragraphs -> numbered paragraphs. Empty ones are dropped (after the
 * table-row and markup clean-up for .docx too); a list item or short line
 * reads as a heading only when it stands alone, not in a run of list items.
 */
function numbered(raws: RawParagraph[], fileName: string, cleanDocx: boolean): NarrativeSource {
  const file = baseName(fileName);
  const kept: RawParagraph[] = [];
  for (const r of raws) {
    const text = cleanDocx ? cleanLine(r.text) : r.text;
    if (text) kept.push({ kind: r.kind, text });
  }
  // Runs of single-line list items of one kind (a list written one item per
  // paragraph) are not titles; 'A. GAMBARAN UMUM' over '1. Kedudukan' both are.
  const marker = kept.map((r) => (r.kind === 'item' ? 'li' : r.kind === 'para' ? markerClass(r.text) : undefined));
  const inList = (i: number) => marker[i] !== undefined && (marker[i - 1] === marker[i] || marker[i + 1] === marker[i]);
  const paragraphs: NarrativeParagraph[] = kept.map((r, i) => {
    let heading: boolean;
    if (r.kind === 'heading') heading = true;
    else if (r.kind === 'body') heading = false;
    else heading = readsAsTitle(r.text) && !inList(i) && !/^\p{Ll}/u.test(kept[i + 1]?.text ?? '');
    return { text: r.text, heading, file, paragraph: i + 1 };
  });
  if (paragraphs.length === 0) throw new NarrativeReadError('empty', fileName, 'no-text');
  return { name: file, paragraphs };
}

/**
 * .txt (UTF-8, also UTF-16 with BOM; CRLF or LF) or .docx, by content not
 * extension. Paragraphs are numbered from 1 among those kept; `file` is the
 * base name. Throws {@link NarrativeReadError}.
 */
export async function readNarrativeBuffer(data: Uint8Array, fileName: string): Promise<NarrativeSource> {
  if (data.length === 0) throw new NarrativeReadError('empty', fileName, 'zero-bytes');
  if (data.length > MAX_NARRATIVE_BYTES) throw new NarrativeReadError('too-large', fileName);
  switch (sniff(data.subarray(0, 8), data.length)) {
    case 'zip': {
      if (indexOfBytes(data, WORD_PART) >= 0) return numbered(await docxParagraphs(data, fileName), fileName, true);
      if (indexOfBytes(data, XL_PART) >= 0) throw new NarrativeReadError('unsupported', fileName, 'xlsx');
      if (indexOfBytes(data, OPENDOCUMENT) >= 0) throw new NarrativeReadError('unsupported', fileName, 'odt');
      throw new NarrativeReadError('unsupported', fileName, 'zip');
    }
    case 'cfb':
      throw new NarrativeReadError('unsupported', fileName, indexOfBytes(data, ENCRYPTION_INFO_UTF16LE) >= 0 ? 'encrypted' : 'doc');
    default:
      break;
  }
  if (startsWith(data, ASCII('%PDF-'))) throw new NarrativeReadError('unsupported', fileName, 'pdf');
  if (startsWith(data, ASCII('{\\rtf'))) throw new NarrativeReadError('unsupported', fileName, 'rtf');
  const text = decodeText(data);
  if (looksBinary(text)) throw new NarrativeReadError('unsupported', fileName, 'binary');
  return numbered(textParagraphs(text), fileName, false);
}
