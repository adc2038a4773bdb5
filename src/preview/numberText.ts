/**
 * Numbers in the preview grid as Excel shows them under the reader's regional
 * settings. The snapshot keeps a number's text as the .xlsx formatter renders it
 * (en-US: '201,667', '31.58'); Excel with Indonesian settings shows the same cell
 * as '201.667' and '31,58', and that is what staff compare with the pane's messages.
 */
import type { Lang } from '../core/findings';

// A separator with a digit on both sides: '1,234.56', '(1,234)', '96.82%', 'Rp 1,234'. A full stop
// ending a format's literal ('12 org.') or a date's slash is left alone.
const BETWEEN_DIGITS = /(\d)([.,])(?=\d)/g;

/** The en-US text of a number cell in the reader's language: '1,234.56' → '1.234,56' in id. */
export function localNumberText(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.replace(BETWEEN_DIGITS, (_m, digit: string, sep: string) => digit + (sep === '.' ? ',' : '.'));
}

/** What the formula bar shows for a typed number: every digit, the language's decimal mark, no grouping (as Excel's bar). */
export function typedNumberText(value: number, lang: Lang): string {
  const s = String(value);
  return lang === 'en' ? s : s.replace('.', ',');
}
