/**
 * Words of the report's sentence that Word's Find (Ctrl+F) lands on: "¶88" is a count
 * nobody can see in Word, the sentence's first words and the figure are what staff type.
 * Every piece is an exact run of the paragraph, so either half can be searched as it is.
 */
import { sentences } from './text';

const HEAD_WORDS = 6;
// The words just before the figure, so the figure is found in its place and not elsewhere.
const LEAD_WORDS = 2;
const MAX_CONTIGUOUS = 110;

/** The quote for the figure at text[start, end): 'Jumlah Anak Balita Terlantar sebanyak … kabupaten/kota sebanyak 201.511'. */
export function quoteAround(text: string, start: number, end: number): string {
  const sentence = sentences(text).find((s) => start >= s.start && start < s.end) ?? { start: 0, end: text.length };
  const from = sentence.start + (text.slice(sentence.start).length - text.slice(sentence.start).trimStart().length);
  const head = new RegExp(`^(?:\\S+\\s+){0,${HEAD_WORDS - 1}}\\S+`).exec(text.slice(from, start))?.[0] ?? '';
  // Line breaks inside a paragraph are spaces to Find; other spacing is kept as typed.
  const clean = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();
  if (end - from <= MAX_CONTIGUOUS || from + head.length >= start - 1) return clean(text.slice(from, end));
  const lead = new RegExp(`(?:\\S+\\s+){0,${LEAD_WORDS}}$`).exec(text.slice(from + head.length, start))?.[0] ?? '';
  return `${clean(head)} … ${clean(lead + text.slice(start, end))}`;
}
