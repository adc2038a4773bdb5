/**
 * Number format code of each cell style (cellXfs), from the styles part. Only
 * the number format is read: it is what the displayed text and the checks need.
 */
import { attributes, scanAll } from './xmlScan';
import { GENERAL } from '../formatText';

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30), as the previous reader
 * (exceljs) named them so displayed text stays the same. Ids whose code depends
 * on the locale (5–8, 23–36, 41–44, 50+) have no fixed code: 'General'.
 */
const BUILT_IN: Record<number, string> = {
  0: GENERAL,
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Format code per style index; index out of range -> 'General'. */
export function parseStyles(xml: string | undefined): string[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanAll(xml, {
    open(name, raw) {
      if (name === 'numFmt') {
        const a = attributes(raw);
        const id = Number(a.numFmtId);
        if (Number.isInteger(id) && typeof a.formatCode === 'string') custom.set(id, a.formatCode);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes(raw).numFmtId ?? 0);
        xfFormats.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => custom.get(id) ?? BUILT_IN[id] ?? GENERAL);
}
