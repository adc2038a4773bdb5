/**
 * Number formats for patched cells, by text edits to xl/styles.xml. styles.xml
 * changes only when a written cell needs a number format that no style in the
 * workbook gives it together with the cell's other formatting: then one <xf> is
 * appended to <cellXfs> (a copy of the cell's own style with another numFmtId) and,
 * for a format code that is neither built in nor already listed, one <numFmt> is
 * appended to <numFmts>. Nothing is ever removed or reordered, so every existing
 * style index keeps its meaning.
 */
import { ATTRS, attr, escapeAttr, parseAttrs, withAttr, writeAttrs, type Attr } from './xmlText';
import { UnusualSheetXml } from './sheetScan';

/** Built-in formats whose code does not depend on the locale, spelled as the reader reports them. */
const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

interface Xf {
  attrs: Attr[];
  /** Child elements (alignment, protection) as written. */
  inner: string;
}

/** Reads and extends the cell styles of one styles.xml; `text()` is the part as it must be written. */
export class StylesEditor {
  private readonly prefix: string;
  private readonly xfs: Xf[] = [];
  private readonly formats = new Map<number, string>();
  private readonly addedXfs: string[] = [];
  private readonly addedFormats: string[] = [];
  private nextFormatId = 164;

  constructor(private readonly xml: string) {
    const root = new RegExp(`<([A-Za-z_][\\w.-]*:)?styleSheet${ATTRS}`).exec(xml);
    if (!root) throw new UnusualSheetXml('styles.xml has no styleSheet element');
    this.prefix = root[1] ?? '';
    const p = this.prefix;
    for (const m of xml.matchAll(new RegExp(`<${p}numFmt(?=[\\s/>])${ATTRS}`, 'g'))) {
      const a = parseAttrs(m[1]);
      const id = Number(attr(a, 'numFmtId'));
      if (Number.isInteger(id)) {
        this.formats.set(id, attr(a, 'formatCode') ?? '');
        this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      }
    }
    const block = this.cellXfsBlock();
    if (!block) return;
    const xf = new RegExp(`<${p}xf(?=[\\s/>])${ATTRS}`, 'g');
    xf.lastIndex = block.start;
    for (let m = xf.exec(xml); m && m.index < block.end; m = xf.exec(xml)) {
      const attrs = parseAttrs(m[1]);
      let inner = '';
      if (m[2] !== '/') {
        const close = xml.indexOf(`</${p}xf>`, m.index + m[0].length);
        if (close < 0 || close > block.end) throw new UnusualSheetXml('a cell style is not closed');
        inner = xml.slice(m.index + m[0].length, close);
        xf.lastIndex = close;
      }
      this.xfs.push({ attrs, inner });
    }
  }

  private cellXfsBlock(): { start: number; end: number; openTag: { start: number; end: number; attrs: Attr[] } } | undefined {
    const p = this.prefix;
    const open = new RegExp(`<${p}cellXfs(?=[\\s/>])${ATTRS}`).exec(this.xml);
    if (!open || open[2] === '/') return undefined;
    const start = open.index + open[0].length;
    const end = this.xml.indexOf(`</${p}cellXfs>`, start);
    if (end < 0) throw new UnusualSheetXml('cellXfs is not closed');
    return { start, end, openTag: { start: open.index, end: start, attrs: parseAttrs(open[1]) } };
  }

  /** Number format code of a style index, as the reader would report it; undefined when unknown. */
  codeOf(style: number): string | undefined {
    const xf = this.xfs[style];
    if (!xf) return style === 0 ? 'General' : undefined;
    const id = Number(attr(xf.attrs, 'numFmtId') ?? 0);
    return this.formats.get(id) ?? BUILTIN[id];
  }

  private formatId(code: string): number {
    for (const [id, c] of this.formats) if (c === code) return id;
    for (const [id, c] of Object.entries(BUILTIN)) if (c === code) return Number(id);
    const id = this.nextFormatId++;
    this.formats.set(id, code);
    this.addedFormats.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A style index showing `code` with everything else of `style`, reusing an identical style when there is one. */
  styleWith(style: number, code: string): number {
    if (this.codeOf(style) === code) return style;
    if (this.xfs.length === 0) throw new UnusualSheetXml('styles.xml lists no cell styles');
    const base = this.xfs[style] ?? this.xfs[0];
    const id = String(this.formatId(code));
    const key = (x: Xf) =>
      JSON.stringify([x.attrs.filter((a) => a.name !== 'numFmtId' && a.name !== 'applyNumberFormat').map((a) => [a.name, a.value]).sort(), x.inner]);
    const wanted = key(base);
    const same = this.xfs.findIndex((x) => attr(x.attrs, 'numFmtId') === id && key(x) === wanted);
    if (same >= 0) return same;
    const attrs = withAttr(withAttr(base.attrs, 'numFmtId', id), 'applyNumberFormat', '1');
    const p = this.prefix;
    this.xfs.push({ attrs, inner: base.inner });
    this.addedXfs.push(base.inner === '' ? `<${p}xf${writeAttrs(attrs)}/>` : `<${p}xf${writeAttrs(attrs)}>${base.inner}</${p}xf>`);
    return this.xfs.length - 1;
  }

  get changed(): boolean {
    return this.addedXfs.length > 0;
  }

  /** styles.xml with the appended styles and formats (the same text when nothing was added). */
  text(): string {
    if (!this.changed) return this.xml;
    const p = this.prefix;
    let xml = this.xml;
    const block = this.cellXfsBlock()!;
    const openXfs = `<${p}cellXfs${writeAttrs(counted(block.openTag.attrs, this.xfs.length))}>`;
    xml = xml.slice(0, block.openTag.start) + openXfs + xml.slice(block.openTag.end, block.end) + this.addedXfs.join('') + xml.slice(block.end);
    if (this.addedFormats.length === 0) return xml;
    const numFmts = new RegExp(`<${p}numFmts(?=[\\s/>])${ATTRS}`).exec(xml);
    const total = this.formats.size;
    if (numFmts && numFmts[2] !== '/') {
      const end = xml.indexOf(`</${p}numFmts>`, numFmts.index);
      const open = `<${p}numFmts${writeAttrs(counted(parseAttrs(numFmts[1]), total))}>`;
      return xml.slice(0, numFmts.index) + open + xml.slice(numFmts.index + numFmts[0].length, end) + this.addedFormats.join('') + xml.slice(end);
    }
    const block2 = `<${p}numFmts count="${total}">${this.addedFormats.join('')}</${p}numFmts>`;
    if (numFmts) return xml.slice(0, numFmts.index) + block2 + xml.slice(numFmts.index + numFmts[0].length);
    // numFmts is the first child of styleSheet.
    const root = new RegExp(`<${p}styleSheet${ATTRS}`).exec(xml)!;
    const at = root.index + root[0].length;
    return xml.slice(0, at) + block2 + xml.slice(at);
  }
}

/** A count attribute brought up to date, left absent when the part had none. */
function counted(attrs: Attr[], n: number): Attr[] {
  return attrs.some((a) => a.name === 'count') ? withAttr(attrs, 'count', String(n)) : attrs;
}
