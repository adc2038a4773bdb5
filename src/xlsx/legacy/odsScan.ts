/**
 * One pass over the content of an OpenDocument spreadsheet (content.xml, or a whole flat
 * .fods) before SheetJS parses it, for what SheetJS would multiply or leaves out:
 *
 * - cells: SheetJS writes out every repetition of a repeated cell
 *   (table:number-columns-repeated × table:number-rows-repeated), so a few bytes can
 *   ask for billions of cells; they are counted here first, against the cell limit;
 * - hidden rows (table:visibility="collapse" or "filter") and hidden sheets
 *   (a table style with table:display="false"), which SheetJS does not read.
 *
 * A scanner over tags with indexOf, linear in the text, no regular expression over it.
 */

export interface OdsTableInfo {
  name: string;
  hidden: boolean;
  /** Hidden rows as [first, count] (0-based), in order. */
  hiddenRows: [number, number][];
}

export interface OdsScan {
  /** The body is an office:spreadsheet (a flat text document or drawing is not). */
  spreadsheet: boolean;
  tables: OdsTableInfo[];
  /** Cells holding something, every repetition counted. */
  cells: number;
  /** Empty cells that carry a style, every repetition counted. */
  styledEmpty: number;
  /** Stopped at the cell limit. */
  overLimit: boolean;
}

/** The value of attribute `name` in a start tag's text, or undefined. */
function attr(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return undefined;
    const before = tag.charCodeAt(i - 1);
    let j = i + name.length;
    while (tag.charCodeAt(j) === 32 || tag.charCodeAt(j) === 9 || tag.charCodeAt(j) === 10 || tag.charCodeAt(j) === 13) j++;
    // Whole attribute names only ("table:name" is not "style:table:name"-like text inside a value).
    if ((before === 32 || before === 9 || before === 10 || before === 13) && tag.charCodeAt(j) === 61 /* = */) {
      j++;
      while (tag.charCodeAt(j) === 32 || tag.charCodeAt(j) === 9 || tag.charCodeAt(j) === 10 || tag.charCodeAt(j) === 13) j++;
      const q = tag.charAt(j);
      if (q === '"' || q === "'") {
        const end = tag.indexOf(q, j + 1);
        return end < 0 ? undefined : tag.slice(j + 1, end);
      }
      return undefined;
    }
    from = i + name.length;
  }
}

function count(v: string | undefined): number {
  if (v === undefined) return 1;
  const n = parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeAttr(v: string): string {
  return v.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e.charAt(0) === '#') {
      const code = e.charAt(1) === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return XML_ENTITIES[e] ?? m;
  });
}

export function scanOdsContent(xml: string, maxCells: number): OdsScan {
  const out: OdsScan = { spreadsheet: false, tables: [], cells: 0, styledEmpty: 0, overLimit: false };
  const hiddenStyles = new Set<string>();
  let styleName: string | undefined; // inside <style:style style:family="table">
  let table: OdsTableInfo | undefined;
  let tableStyle: string | undefined;
  let row = 0;
  let rowRepeat = 1;
  let depth = 0; // nesting of table:table (sub-tables are part of their cell)
  let pos = 0;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      pos = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      pos = end < 0 ? n : end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) break;
    pos = gt + 1;
    const closing = xml.charCodeAt(lt + 1) === 47; /* / */
    let k = lt + (closing ? 2 : 1);
    let e = k;
    while (e < gt) {
      const c = xml.charCodeAt(e);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
      e++;
    }
    const tagName = xml.slice(k, e);
    k = e;
    if (closing) {
      if (tagName === 'table:table') {
        depth--;
        if (depth === 0) {
          if (table) {
            table.hidden = tableStyle !== undefined && hiddenStyles.has(tableStyle);
            out.tables.push(table);
          }
          table = undefined;
        }
      } else if (tagName === 'table:table-row' && depth === 1) {
        row += rowRepeat;
        rowRepeat = 1;
      } else if (tagName === 'style:style') {
        styleName = undefined;
      }
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    switch (tagName) {
      case 'office:spreadsheet':
        out.spreadsheet = true;
        break;
      case 'style:style': {
        const tag = xml.slice(lt, gt);
        styleName = attr(tag, 'style:family') === 'table' ? attr(tag, 'style:name') : undefined;
        if (selfClosing) styleName = undefined;
        break;
      }
      case 'style:table-properties':
        if (styleName !== undefined && attr(xml.slice(lt, gt), 'table:display') === 'false') hiddenStyles.add(styleName);
        break;
      case 'table:table': {
        if (selfClosing) break;
        depth++;
        if (depth === 1) {
          const tag = xml.slice(lt, gt);
          table = { name: unescapeAttr(attr(tag, 'table:name') ?? ''), hidden: false, hiddenRows: [] };
          tableStyle = attr(tag, 'table:style-name');
          row = 0;
          rowRepeat = 1;
        }
        break;
      }
      case 'table:table-row': {
        if (depth !== 1 || !table) break;
        const tag = xml.slice(lt, gt);
        rowRepeat = count(attr(tag, 'table:number-rows-repeated'));
        const vis = attr(tag, 'table:visibility');
        if (vis === 'collapse' || vis === 'filter') table.hiddenRows.push([row, rowRepeat]);
        if (selfClosing) {
          row += rowRepeat;
          rowRepeat = 1;
        }
        break;
      }
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        if (depth !== 1) break;
        const tag = xml.slice(lt, gt);
        const times = count(attr(tag, 'table:number-columns-repeated')) * rowRepeat;
        const holds = !selfClosing || attr(tag, 'office:value-type') !== undefined || attr(tag, 'table:formula') !== undefined;
        if (holds) out.cells += times;
        else if (attr(tag, 'table:style-name') !== undefined) out.styledEmpty += times;
        if (out.cells > maxCells) {
          out.overLimit = true;
          return out;
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}
