/**
 * The shared string table, streamed. Rich text is its runs' text joined;
 * phonetic guides (<rPh>) are not part of the text. Each string is cut at
 * Excel's own limit for a cell, so a part of huge strings costs no more than
 * the cells can show.
 */
import { decodeEntities, decodeOoxmlEscapes, normaliseNewlines, type XmlHandler } from './xmlScan';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Collects the text of <t> elements outside <rPh>, for one string item (<si> or <is>). */
export class StringItem {
  private parts: string[] = [];
  private length = 0;
  private inT = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 't') this.inT = this.phonetic === 0;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic = Math.max(0, this.phonetic - 1);
  }

  text(raw: string, cdata: boolean): void {
    if (!this.inT || this.length >= MAX_CELL_CHARS) return;
    const s = cdata ? normaliseNewlines(raw) : decodeEntities(raw);
    this.parts.push(s);
    this.length += s.length;
  }

  take(): string {
    let s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    s = decodeOoxmlEscapes(s);
    if (s.length > MAX_CELL_CHARS) s = s.slice(0, MAX_CELL_CHARS);
    this.parts = [];
    this.length = 0;
    this.inT = false;
    this.phonetic = 0;
    return s;
  }
}

export class SharedStringsReader implements XmlHandler {
  readonly strings: string[] = [];
  private item: StringItem | null = null;

  open(name: string): void {
    if (name === 'si') this.item = new StringItem();
    else this.item?.open(name);
  }

  close(name: string): void {
    if (name === 'si') {
      if (this.item) this.strings.push(this.item.take());
      this.item = null;
    } else {
      this.item?.close(name);
    }
  }

  text(raw: string, cdata: boolean): void {
    this.item?.text(raw, cdata);
  }
}
