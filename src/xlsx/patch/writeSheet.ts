/**
 * The new text of one worksheet part: each located edit's <c> element replaced,
 * inserted in column order into its row, or in a new row inserted in row order;
 * shared-formula dependents given their own <f>. Everything else is copied as is.
 */
import { toA1 } from '../../core/a1';
import type { RawValue } from '../../core/snapshot';
import { cellElement } from './cellXml';
import type { LocatedSheet } from './locate';
import { ATTRS, attr, escapeText, parseAttrs, splice, writeAttrs, type Splice } from './xmlText';
import { cellsOf, findRow, formulaOf, type RowSpan } from './sheetScan';
import type { StylesEditor } from './styles';

function styleAttr(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Column styles from <cols>, for a cell that does not exist yet: Excel shows it in its row's or column's style. */
function columnStyles(xml: string, dataStart: number, prefix: string): { min: number; max: number; style: number }[] {
  const head = xml.slice(0, dataStart);
  const out: { min: number; max: number; style: number }[] = [];
  for (const m of head.matchAll(new RegExp(`<${prefix.replace(/\./g, '\\.')}col(?=[\\s/>])${ATTRS}`, 'g'))) {
    const a = parseAttrs(m[1]);
    const style = styleAttr(attr(a, 'style'));
    if (style !== undefined) out.push({ min: Number(attr(a, 'min')), max: Number(attr(a, 'max')), style });
  }
  return out;
}

export function writeSheet(
  at: LocatedSheet,
  styles: StylesEditor | undefined,
  cached: (row: number, col: number) => RawValue,
): { xml: string; cells: string[]; insertedRows: number[] } {
  const { xml, index } = at;
  const p = index.prefix;
  const cols = columnStyles(xml, index.dataStart, p);
  const splices: Splice[] = [];
  const cells: string[] = [];
  const insertedRows: number[] = [];
  const grownRows = new Map<RowSpan, string[]>();
  const newRows = new Map<number, string[]>();
  const ordered = [...at.edits].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const x of ordered) {
    const e = x.edit;
    const address = toA1(x.row, x.col);
    let style: number | undefined;
    if (x.cell) style = styleAttr(attr(x.cell.attrs, 's'));
    else if (x.rowSpan && attr(x.rowSpan.attrs, 'customFormat') === '1') style = styleAttr(attr(x.rowSpan.attrs, 's'));
    else style = cols.find((c) => x.col + 1 >= c.min && x.col + 1 <= c.max)?.style;
    const formatChanged = e.after.numberFormat !== e.before.numberFormat;
    // A new cell must read back in the format the edit names, whatever its row or column style shows.
    if (styles && (formatChanged || (!x.cell && styles.codeOf(style ?? 0) !== e.after.numberFormat))) {
      const s = styles.styleWith(style ?? 0, e.after.numberFormat);
      style = s === 0 && style === undefined ? undefined : s;
    }
    const kept = x.cell ? x.cell.attrs.filter((a) => a.name !== 'r' && a.name !== 's' && a.name !== 't') : [];
    const content = e.after.formula ? { formula: e.after.formula, cached: cached(x.row, x.col) } : { value: e.after.value };
    const text = cellElement(p, address, style, kept, content);
    cells.push(address);
    if (x.cell) splices.push({ start: x.cell.start, end: x.cell.end, text });
    else if (x.rowSpan && !x.rowSpan.selfClosing) {
      const next = cellsOf(xml, index, x.rowSpan).find((c) => c.col > x.col);
      const pos = next ? next.start : x.rowSpan.closeStart;
      splices.push({ start: pos, end: pos, text });
    } else if (x.rowSpan) grownRows.set(x.rowSpan, [...(grownRows.get(x.rowSpan) ?? []), text]);
    else newRows.set(x.row + 1, [...(newRows.get(x.row + 1) ?? []), text]);
  }
  for (const [span, texts] of grownRows) {
    splices.push({ start: span.start, end: span.end, text: `<${p}row${writeAttrs(span.attrs)}>${texts.join('')}</${p}row>` });
  }
  for (const [row, texts] of newRows) {
    const { at: i } = findRow(index, row);
    const pos = i < index.rows.length ? index.rows[i].start : index.dataEnd;
    splices.push({ start: pos, end: pos, text: `<${p}row r="${row}">${texts.join('')}</${p}row>` });
    insertedRows.push(row);
  }
  const close = `</${p}c>`;
  for (const c of at.conversions) {
    const f = formulaOf(c.cell, p)!;
    const innerStart = c.cell.end - close.length - c.cell.inner.length;
    const attrs = f.attrs.filter((a) => a.name !== 't' && a.name !== 'si' && a.name !== 'ref');
    splices.push({ start: innerStart + f.start, end: innerStart + f.end, text: `<${p}f${writeAttrs(attrs)}>${escapeText(c.formula)}</${p}f>` });
    cells.push(c.address);
  }
  return { xml: splice(xml, splices), cells, insertedRows };
}
