/** Lower-case words without punctuation, for comparing labels with prose. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const STOP = new Set(['dan', 'yang', 'di', 'ke', 'dari', 'dalam', 'bagi', 'untuk', 'serta', 'atau', 'pada', 'the', 'of']);

export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOP.has(w));
}

/** One typo apart ('Penyalagunaan' for 'Penyalahgunaan') still names the same thing, for long words. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Share of the label's content words found in the text (with typo tolerance). */
export function coverage(label: string[], text: string[]): number {
  if (label.length === 0) return 0;
  let found = 0;
  for (const w of label) if (text.some((t) => sameWord(w, t))) found++;
  return found / label.length;
}

/**
 * Where a phrase occurs in prose, ignoring case and punctuation between its
 * words ('Kabupaten/Kota', 'HIV/AIDS'). Offsets are in the original text.
 */
export function findPhrase(text: string, phrase: readonly string[]): { start: number; end: number }[] {
  return findPhraseInLower(text.toLowerCase(), phrase);
}

// Each row label's phrases are looked for in every paragraph: compile each once.
const phraseRegex = new WeakMap<readonly string[], RegExp>();

/** findPhrase on text already lower-cased (once per paragraph, not once per phrase). */
export function findPhraseInLower(lower: string, phrase: readonly string[]): { start: number; end: number }[] {
  if (phrase.length === 0) return [];
  // Most phrases name rows the paragraph does not mention: a substring test rules them out before any regex.
  if (!lower.includes(phrase[0])) return [];
  let re = phraseRegex.get(phrase);
  if (!re) {
    const escaped = phrase.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<![a-z0-9])${escaped.join('[^a-z0-9]+')}(?![a-z0-9])`, 'g');
    phraseRegex.set(phrase, re);
  }
  const out: { start: number; end: number }[] = [];
  for (const m of lower.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** Sentence spans; a period inside a number ('201.667') or an abbreviation ('Rp.') does not end one. */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    const before = text.slice(Math.max(0, i - 4), i);
    if (/\b(rp|no|nomor|dr|drs|ir|kab|prov|tk|st|sos)$/i.test(before)) continue;
    out.push({ start, end: i + 1 });
    start = i + 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}
