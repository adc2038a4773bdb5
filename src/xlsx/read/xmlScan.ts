/**
 * A small streaming XML tokenizer for package parts: text is pushed in pieces
 * and complete tags and text runs are handed on as they are found; an incomplete
 * tail waits for the next piece. Element names are given by local name, whatever
 * prefix the producer bound to the namespace (the Open XML SDK writes `x:c`), so
 * prefixed, strict and transitional parts read alike. No DTD is ever processed
 * and no entity is expanded beyond the predefined ones and character references.
 */

export interface XmlHandler {
  /** An element starts; `attrs` is the raw attribute text. A self-closing element is followed by close(). */
  open(name: string, attrs: string): void;
  close(name: string): void;
  /** Raw text between tags (entities not yet decoded); CDATA content is passed with `cdata` true. */
  text(raw: string, cdata: boolean): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

/** One piece of markup (a tag, comment, CDATA section) larger than anything a workbook holds. */
export class XmlLimitError extends Error {
  override readonly name = 'XmlLimitError';
}

/** The most an unfinished tag, comment or CDATA section may hold while waiting for its end. */
const MAX_PENDING = 16 * 1024 * 1024;

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** End of an element name starting at `from` (first whitespace or '/'), `end` when none comes first. */
function nameEndIn(s: string, from: number, end: number): number {
  for (let j = from; j < end; j++) {
    const ch = s.charCodeAt(j);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) return j;
  }
  return end;
}

/** The local name of the qualified name s[from, end) (whitespace after it ignored). */
function localNameIn(s: string, from: number, end: number): string {
  let start = from;
  let stop = end;
  while (stop > start) {
    const ch = s.charCodeAt(stop - 1);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) break;
    stop--;
  }
  for (let j = from; j < stop; j++) if (s.charCodeAt(j) === 58) start = j + 1;
  return s.slice(start, stop);
}

export class XmlScanner {
  private buf = '';
  /** Open elements: a part must close what it opens, and hold no text outside its root. */
  private depth = 0;
  private seenRoot = false;

  constructor(private readonly h: XmlHandler) {}

  push(s: string): void {
    this.buf = this.buf.length > 0 ? this.buf + s : s;
    this.run(false);
  }

  /** The end of the part: anything left incomplete is a damaged part. */
  end(): void {
    this.run(true);
    if (this.buf.trim().length > 0) throw new XmlSyntaxError(`unfinished markup at the end: ${this.buf.slice(0, 40)}`);
    if (this.depth > 0) throw new XmlSyntaxError(`${this.depth} element(s) not closed: the part ends early`);
    if (!this.seenRoot) throw new XmlSyntaxError('no element at all');
    this.buf = '';
  }

  private textRun(raw: string): void {
    if (this.depth === 0) {
      if (raw.trim().length > 0) throw new XmlSyntaxError(`text outside the root element: ${raw.trim().slice(0, 40)}`);
      return;
    }
    this.h.text(raw, false);
  }

  private run(final: boolean): void {
    const buf = this.buf;
    const h = this.h;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        // Text to the end of this piece: handed on now (its handlers join pieces), all but an
        // entity or a CR LF that the next piece may finish, so a run of any length costs nothing.
        let cut = n;
        if (!final) {
          const amp = buf.lastIndexOf('&');
          if (amp >= i && buf.indexOf(';', amp) < 0) cut = amp;
          if (cut > i && buf.charCodeAt(cut - 1) === 13) cut--;
        }
        if (cut > i) this.textRun(buf.slice(i, cut));
        i = cut;
        break;
      }
      if (lt > i) this.textRun(buf.slice(i, lt));
      i = lt;
      const c = buf.charCodeAt(i + 1);
      if (Number.isNaN(c)) break;
      if (c === 47 /* / */) {
        const gt = buf.indexOf('>', i + 2);
        if (gt < 0) break;
        if (--this.depth < 0) throw new XmlSyntaxError(`a closing tag without its element: ${buf.slice(i, Math.min(gt + 1, i + 40))}`);
        h.close(localNameIn(buf, i + 2, gt));
        i = gt + 1;
      } else if (c === 33 /* ! */) {
        if (buf.startsWith('<![CDATA[', i)) {
          const e = buf.indexOf(']]>', i + 9);
          if (e < 0) break;
          if (this.depth === 0) throw new XmlSyntaxError('character data outside the root element');
          h.text(buf.slice(i + 9, e), true);
          i = e + 3;
        } else if (buf.startsWith('<!--', i)) {
          const e = buf.indexOf('-->', i + 4);
          if (e < 0) break;
          i = e + 3;
        } else {
          // <!DOCTYPE ...> with or without an internal subset: skipped, never processed.
          const gt = buf.indexOf('>', i);
          if (gt < 0) break;
          const bracket = buf.indexOf('[', i);
          if (bracket >= 0 && bracket < gt) {
            const e = buf.indexOf(']>', bracket);
            if (e < 0) break;
            i = e + 2;
          } else {
            i = gt + 1;
          }
        }
      } else if (c === 63 /* ? */) {
        const e = buf.indexOf('?>', i + 2);
        if (e < 0) break;
        i = e + 2;
      } else {
        const gt = tagEnd(buf, i + 1);
        if (gt < 0) break;
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const end = selfClosing ? gt - 1 : gt;
        // The name and the attribute text are taken from the buffer directly: two strings a tag.
        const sp = nameEndIn(buf, i + 1, end);
        const name = localNameIn(buf, i + 1, sp);
        if (this.depth === 0 && this.seenRoot) throw new XmlSyntaxError(`a second root element <${buf.slice(i + 1, sp)}>`);
        this.seenRoot = true;
        h.open(name, sp < end ? buf.slice(sp, end) : '');
        if (selfClosing) h.close(name);
        else this.depth++;
        i = gt + 1;
      }
    }
    this.buf = i >= n ? '' : buf.slice(i);
    if (this.buf.length > MAX_PENDING) throw new XmlLimitError(`markup of more than ${MAX_PENDING / 1024 / 1024} MB without an end`);
  }
}

/** Index of the '>' ending a start tag, skipping quoted attribute values; -1 if not in `s` yet. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  let j = from;
  while (j < n) {
    const ch = s.charCodeAt(j);
    if (ch === 62) return j;
    if (ch === 34 || ch === 39) {
      const q = s.indexOf(ch === 34 ? '"' : "'", j + 1);
      if (q < 0) return -1;
      j = q + 1;
    } else {
      j++;
    }
  }
  return -1;
}

/**
 * One attribute's raw value by exact name, without building the whole map: the hot
 * path of cells and rows (r, s, t). Values of these attributes never hold entities.
 */
export function rawAttribute(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = raw.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = i === 0 ? 32 : raw.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = from;
    while (j < raw.length && (raw.charCodeAt(j) === 32 || raw.charCodeAt(j) === 9 || raw.charCodeAt(j) === 10 || raw.charCodeAt(j) === 13)) j++;
    if (raw.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (j < raw.length && (raw.charCodeAt(j) === 32 || raw.charCodeAt(j) === 9 || raw.charCodeAt(j) === 10 || raw.charCodeAt(j) === 13)) j++;
    const q = raw.charCodeAt(j);
    if (q !== 34 && q !== 39) continue;
    const end = raw.indexOf(q === 34 ? '"' : "'", j + 1);
    if (end < 0) return undefined;
    return raw.slice(j + 1, end);
  }
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (prefixed attributes such as `r:id` are also kept under their full name). */
export function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!raw) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(raw)) !== null) {
    const v = decodeEntities(m[2] ?? m[3] ?? '');
    const q = m[1];
    out[q] = v;
    const i = q.indexOf(':');
    if (i >= 0 && !q.startsWith('xmlns')) {
      const l = q.slice(i + 1);
      if (!(l in out)) out[l] = v;
    }
  }
  return out;
}

/** XML end-of-line handling (XML 1.0, 2.11): CR LF and a lone CR read as LF before anything else. */
export function normaliseNewlines(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** The predefined entities and character references decoded; anything else left as written. */
export function decodeEntities(raw: string): string {
  const s = normaliseNewlines(raw);
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, ent: string) => {
    switch (ent) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

/**
 * OOXML's escape for characters XML cannot carry (ST_Xstring): `_x000D_` is a
 * carriage return, `_x005F_` an underscore that starts what would read as one.
 * Excel decodes them in shared and inline strings.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Run a whole string through a handler. */
export function scanAll(xml: string, h: XmlHandler): void {
  const s = new XmlScanner(h);
  s.push(xml);
  s.end();
}
