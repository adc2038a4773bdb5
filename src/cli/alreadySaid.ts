/**
 * Whether a finding's message already states a value, so the "(seharusnya …, tertulis …)"
 * after it adds only what the sentence does not say. A figure counts as stated in the
 * form the sheet shows it: "tertulis 99,66" states 99.6565348775436.
 */
import Decimal from 'decimal.js';
import type { Lang } from '../core/findings';

// A figure standing alone: not part of a cell address (E22), a longer figure or a word.
const TOKENS: Record<Lang, RegExp> = {
  id: /(?<![\w.,])-?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d]|[.,]\d)|(?<![\w.,])-?\d+(?:,\d+)?(?![\d]|[.,]\d)/g,
  en: /(?<![\w.,])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d]|[.,]\d)|(?<![\w.,])-?\d+(?:\.\d+)?(?![\d]|[.,]\d)/g,
};

function figures(message: string, lang: Lang): { value: Decimal; decimals: number }[] {
  const out: { value: Decimal; decimals: number }[] = [];
  for (const m of message.matchAll(TOKENS[lang])) {
    const plain = lang === 'id' ? m[0].replace(/\./g, '').replace(',', '.') : m[0].replace(/,/g, '');
    out.push({ value: new Decimal(plain), decimals: plain.split('.')[1]?.length ?? 0 });
  }
  return out;
}

/** `value` is a plain decimal string ("99.6565") or text ("Kewenangan Pusat", "1.595"). */
export function alreadySaid(value: string, message: string, lang: Lang, literal: boolean): boolean {
  if (value === '') return false;
  if (literal || !/^-?\d+(\.\d+)?$/.test(value)) return message.includes(value);
  const v = new Decimal(value);
  return figures(message, lang).some((f) => v.toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP).eq(f.value));
}
