/**
 * Recalculation after a patch. Cached results of formulas the patch did not write
 * (a SUM over a fixed cell) are stale until the workbook is calculated again, so
 * workbook.xml gets fullCalcOnLoad="1" on <calcPr>: Excel then recalculates
 * everything when the file is opened. (LibreOffice 7.4 ignores the flag and follows
 * its own setting, Tools > Options > Calc > Formula > Recalculation on file load.)
 *
 * xl/calcChain.xml lists the formula cells in calculation order; Excel reports a
 * damaged file when it names a cell that no longer holds a formula. It is kept when
 * the patch only rewrites formulas in cells that had one, and dropped (with its
 * relationship and content-type override) as soon as a cell gains or loses a
 * formula; Excel builds a new chain on the next save.
 */
import { ATTRS, parseAttrs, withAttr, writeAttrs } from './xmlText';

/** CT_Workbook children that come after calcPr, in schema order. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export function withFullCalcOnLoad(workbookXml: string): string | undefined {
  const root = new RegExp(`<([A-Za-z_][\\w.-]*:)?workbook${ATTRS}`).exec(workbookXml);
  if (!root) return undefined;
  const p = root[1] ?? '';
  const calcPr = new RegExp(`<${p}calcPr(?=[\\s/>])${ATTRS}`).exec(workbookXml);
  if (calcPr) {
    const attrs = withAttr(parseAttrs(calcPr[1]), 'fullCalcOnLoad', '1');
    const tag = `<${p}calcPr${writeAttrs(attrs)}${calcPr[2] === '/' ? '/' : ''}>`;
    return workbookXml.slice(0, calcPr.index) + tag + workbookXml.slice(calcPr.index + calcPr[0].length);
  }
  const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
  const next = new RegExp(`<${p}(?:${AFTER_CALC_PR.join('|')})(?=[\\s/>])|</${p}workbook\\s*>`).exec(workbookXml.slice(root.index + root[0].length));
  if (!next) return undefined;
  const at = root.index + root[0].length + next.index;
  return workbookXml.slice(0, at) + element + workbookXml.slice(at);
}

/** The rels or content-types text without the element that names the calculation chain. */
export function withoutElement(xml: string, local: 'Relationship' | 'Override', matches: (attrs: Record<string, string>) => boolean): string {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])${ATTRS}`, 'g');
  for (const m of xml.matchAll(re)) {
    const attrs = Object.fromEntries(parseAttrs(m[2]).map((a) => [a.name, a.value]));
    if (!matches(attrs)) continue;
    let end = m.index! + m[0].length;
    if (m[3] !== '/') {
      const close = `</${m[1] ?? ''}${local}>`;
      const at = xml.indexOf(close, end);
      if (at >= 0) end = at + close.length;
    }
    return xml.slice(0, m.index) + xml.slice(end);
  }
  return xml;
}

export const CALC_CHAIN_TYPE = /\/calcChain$/;
