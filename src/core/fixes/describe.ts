/**
 * Words for a planned cell edit, as staff read a cell: what it holds before and after
 * and its number format in the words of Excel's own menu. The pane's fix preview, its
 * list of changed cells and `lakip fix` all say it the same way.
 */
import type { Lang } from '../findings';
import type { CellEdit, CellState } from './types';

/** 1595 → '1.595' (id) or '1,595' (en), every decimal kept: the figure as staff read it. */
function formatPlain(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return String(v);
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 10, useGrouping: true }).format(v);
}

/** '"Kewenangan Pusat" (teks)', =SUM(E4:E29), 1.595, (kosong). */
export function describeContent(s: CellState, lang: Lang): string {
  if (s.formula) return s.formula;
  const v = s.value;
  if (v === '' || v === undefined || v === null) return lang === 'id' ? '(kosong)' : '(empty)';
  if (typeof v === 'number') return formatPlain(v, lang);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (/^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/.test(v)) return v;
  return lang === 'id' ? `"${v}" (teks)` : `"${v}" (text)`;
}

/**
 * An Excel number format in the words of Excel's own menu ('General' is 'Umum' in an
 * Indonesian Excel), with an example for number formats: '#,##0.00' → 'Angka (1.234,56)'.
 */
export function describeFormat(code: string, lang: Lang): string {
  const c = (code || 'General').trim();
  const id = lang === 'id';
  if (/^general$/i.test(c)) return id ? 'Umum' : 'General';
  if (c === '@') return id ? 'Teks' : 'Text';
  const percent = /%/.test(c);
  const decimals = /0\.(0+)/.exec(c)?.[1].length ?? 0;
  if (/[dmyhs]/i.test(c.replace(/"[^"]*"/g, '')) && !/[#0]/.test(c)) return id ? `Tanggal (${c})` : `Date (${c})`;
  const sample = (n: number) => new Intl.NumberFormat(id ? 'id-ID' : 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: /#,##/.test(c) }).format(n);
  if (percent) return id ? `Persentase (${sample(96.82)}%)` : `Percentage (${sample(96.82)}%)`;
  if (/rp/i.test(c)) return id ? `Mata uang (Rp ${sample(1234)})` : `Currency (Rp ${sample(1234)})`;
  const n = decimals ? 1234.56 : 1234;
  if (/[#0]/.test(c)) return id ? `Angka (${sample(n)})` : `Number (${sample(n)})`;
  return c;
}

export interface EditLine {
  content: { before: string; after: string; changed: boolean };
  format: { before: string; after: string; changed: boolean };
}

export function describeEdit(e: Pick<CellEdit, 'before' | 'after'>, lang: Lang): EditLine {
  const cb = describeContent(e.before, lang);
  const ca = describeContent(e.after, lang);
  return {
    content: { before: cb, after: ca, changed: cb !== ca },
    format: { before: describeFormat(e.before.numberFormat, lang), after: describeFormat(e.after.numberFormat, lang), changed: e.before.numberFormat !== e.after.numberFormat },
  };
}
