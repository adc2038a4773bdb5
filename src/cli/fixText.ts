import type { CellState } from '../core/fixes/types';
import type { Lang } from '../core/findings';
import { formatNumber } from './numbers';

/** A cell's content as staff read it: =SUM(E4:E29), 1.595 (id) / 1,595 (en), "Kewenangan Pusat", (kosong). */
export function describeState(s: CellState, lang: Lang): string {
  if (s.formula) return s.formula;
  const v = s.value;
  if (v === '') return lang === 'id' ? '(kosong)' : '(empty)';
  if (typeof v === 'number') return formatNumber(String(v), lang);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (/^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/.test(v)) return v;
  return JSON.stringify(v);
}
