import type { TableContext } from '../checks/context';
import type { TableRow } from '../model';
import { contentWords, coverage, findPhraseInLower, words } from './text';

/** A table row the prose can talk about, with the phrases that name it. */
export interface Subject {
  ctx: TableContext;
  row: TableRow;
  phrases: string[][];
  content: string[];
  /** A total row, named by its table ('belanja langsung', 'APBN') rather than by its label. */
  total?: boolean;
}

// Words in a sheet name or title that tell budget tables apart in prose.
const TABLE_WORDS = ['apbn', 'apbd', 'dekonsentrasi'];

function totalPhrases(ctx: TableContext, row: TableRow): string[][] {
  const out: string[][] = [];
  const rest = words(row.label).join(' ').replace(/^(grand )?(jumlah|total)( total)?\s*/, '');
  if (rest) out.push(rest.split(' '));
  const named = words(`${ctx.table.sheet} ${ctx.table.title ?? ''}`);
  for (const w of TABLE_WORDS) if (named.includes(w)) out.push([w]);
  return out;
}

// Words staff drop or swap when restating a row label in prose.
// List markers ('a. Pendapatan', 'II. Belanja') are dropped too: prose never repeats them.
const LEADING = /^(persentase|presentase|prosentase|jumlah|%|program|[a-h]|[ivx]{1,4}|\d{1,2})\s+/;
const SYNONYMS: [RegExp, string][] = [
  [/\bperempuan\b/, 'wanita'],
  [/\bpenyandang disabilitas\b/, 'penyandang cacat'],
];

function phraseForms(label: string): string[][] {
  const base = words(label.replace(/\([^)]*\)/g, ' ')).join(' ');
  const full = words(label).join(' ');
  const forms = new Set<string>([full, base]);
  for (const f of [...forms]) {
    const stripped = f.replace(LEADING, '');
    if (stripped.split(' ').length >= 1) forms.add(stripped);
    for (const [re, alt] of SYNONYMS) if (re.test(f)) forms.add(f.replace(re, alt));
  }
  // 'Defisit (anggaran) / surplus (realisasi)': prose names the side it means ('realisasi defisit').
  // Only a spaced slash separates two names; 'Desa/Kelurahan' is one.
  const sides = label.replace(/\([^)]*\)/g, ' ').split(/\s\/\s/);
  if (sides.length === 2) {
    for (const side of sides) {
      const form = words(side).join(' ').replace(LEADING, '');
      if (form.length >= 5) forms.add(form);
    }
  }
  // 'Angka Kematian Bayi per 1.000KH': prose names the indicator without its rate base.
  const rateless = label.replace(/\s*(\bper\b|\/)\s*[\d.]+\s*[A-Za-z ]{0,20}$/i, '');
  if (rateless !== label) forms.add(words(rateless).join(' ').replace(LEADING, ''));
  // 'Rata-rata Lama Sekolah (RLS)': prose often names the row by its acronym alone.
  for (const m of label.matchAll(/\(([A-Z]{2,6})\)/g)) forms.add(m[1].toLowerCase());
  return [...forms].filter((f) => f.length >= 3).map((f) => f.split(' '));
}

export function buildSubjects(contexts: TableContext[]): Subject[] {
  const out: Subject[] = [];
  // Reports repeat their labels (PMKS types, programs) in table after table: each label's forms are made once.
  const forms = new Map<string, { phrases: string[][]; content: string[] }>();
  for (const ctx of contexts) {
    for (const row of ctx.table.rows) {
      if (row.role === 'section' || !row.label) continue;
      if (row.role === 'total' || row.role === 'subtotal') {
        const phrases = totalPhrases(ctx, row);
        if (phrases.length) out.push({ ctx, row, phrases, content: phrases.flat(), total: true });
        continue;
      }
      let f = forms.get(row.label);
      if (!f) forms.set(row.label, (f = { phrases: phraseForms(row.label), content: contentWords(row.label) }));
      out.push({ ctx, row, phrases: f.phrases, content: f.content });
    }
  }
  return out;
}

export interface Mention {
  subject: Subject;
  start: number;
  end: number;
}

/** One distinct phrase and every (subject, phrase) entry that names a row with it. */
interface PhraseGroup {
  phrase: string[];
  /** Entry numbers, ascending: the order of the subjects, then of their phrases. */
  entries: number[];
}

/** Distinct content words of some subjects' labels, for headings that name a row loosely. */
interface ContentGroup {
  words: string[];
  /** Subject numbers, ascending. */
  members: number[];
}

/** The single-letter deletions of a word long enough for sameWord's typo tolerance, and the word. */
function typoKeys(word: string): string[] {
  const keys = [word];
  if (word.length >= 6) for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/**
 * The subjects' phrases indexed by their first word, and their content words by word
 * (and by each one-letter deletion, for typos), built once: a paragraph is matched
 * only against the phrases whose first word it holds, each distinct phrase once
 * however many tables repeat the label, not against every row of every table.
 */
export class SubjectIndex {
  /** Phrases looked for in a text so far (each distinct phrase once per text): work a test can count. */
  phraseTests = 0;
  private readonly entrySubject: Subject[] = [];
  private readonly byFirstWord = new Map<string, PhraseGroup[]>();
  private contentKeys: Map<string, number[]> | undefined;
  private contents: ContentGroup[] | undefined;

  constructor(readonly subjects: readonly Subject[]) {
    const groups = new Map<string, PhraseGroup>();
    for (const s of subjects) {
      for (const phrase of s.phrases) {
        const entry = this.entrySubject.length;
        this.entrySubject.push(s);
        const key = phrase.join(' ');
        let g = groups.get(key);
        if (!g) {
          groups.set(key, (g = { phrase, entries: [] }));
          const first = phrase[0] ?? '';
          const list = this.byFirstWord.get(first);
          if (list) list.push(g);
          else this.byFirstWord.set(first, [g]);
        }
        g.entries.push(entry);
      }
    }
  }

  /** What mentions() finds before overlaps are settled: in subject, then phrase, then text order. */
  found(text: string): Mention[] {
    const lower = text.toLowerCase();
    // A phrase's first word stands alone in the text (findPhraseInLower's word boundaries).
    const words = new Set(lower.split(/[^a-z0-9]+/));
    words.add('');
    const hits: { entry: number; spans: { start: number; end: number }[] }[] = [];
    for (const w of words) {
      for (const g of this.byFirstWord.get(w) ?? []) {
        this.phraseTests++;
        const spans = findPhraseInLower(lower, g.phrase);
        if (spans.length) for (const entry of g.entries) hits.push({ entry, spans });
      }
    }
    hits.sort((a, b) => a.entry - b.entry);
    const out: Mention[] = [];
    for (const h of hits) for (const m of h.spans) out.push({ subject: this.entrySubject[h.entry], start: m.start, end: m.end });
    return out;
  }

  /** Subjects whose content words the heading's cover both ways at `min` or more, the best score only, in order. */
  loosely(hw: string[], min: number): Subject[] {
    if (!this.contents) this.indexContents();
    const candidates = new Set<number>();
    for (const h of hw) for (const key of typoKeys(h)) for (const c of this.contentKeys!.get(key) ?? []) candidates.add(c);
    let best = 0;
    let chosen: ContentGroup[] = [];
    for (const c of candidates) {
      const group = this.contents![c];
      const score = Math.min(coverage(group.words, hw), coverage(hw, group.words));
      if (score < min) continue;
      if (score > best) {
        best = score;
        chosen = [group];
      } else if (score === best) chosen.push(group);
    }
    const members = chosen.flatMap((g) => g.members).sort((a, b) => a - b);
    return members.map((i) => this.subjects[i]);
  }

  private indexContents(): void {
    const byWords = new Map<string, number>();
    const contents: ContentGroup[] = [];
    const keys = new Map<string, number[]>();
    this.subjects.forEach((s, i) => {
      const key = s.content.join(' ');
      let c = byWords.get(key);
      if (c === undefined) {
        c = contents.length;
        byWords.set(key, c);
        contents.push({ words: s.content, members: [] });
        for (const w of new Set(s.content)) {
          for (const k of typoKeys(w)) {
            const list = keys.get(k);
            if (!list) keys.set(k, [c]);
            else if (list[list.length - 1] !== c) list.push(c);
          }
        }
      }
      contents[c].members.push(i);
    });
    this.contents = contents;
    this.contentKeys = keys;
  }
}

const asIndex = (subjects: readonly Subject[] | SubjectIndex) => (subjects instanceof SubjectIndex ? subjects : new SubjectIndex(subjects));

/** Every place a row label is named in the text; longer names win where two overlap ('Anak Balita Terlantar' over 'Anak Terlantar'). */
export function mentions(text: string, subjects: readonly Subject[] | SubjectIndex): Mention[] {
  const found = asIndex(subjects).found(text);
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  // Kept mentions overlap only where they name the same words (one label in many tables):
  // each is tested against the distinct places kept so far, not every mention kept.
  const places: { start: number; end: number }[] = [];
  const placeKeys = new Set<string>();
  for (const m of found) {
    const overlaps = places.some((k) => m.start < k.end && k.start < m.end && !(k.start === m.start && k.end === m.end));
    if (overlaps) continue;
    kept.push(m);
    const key = `${m.start}:${m.end}`;
    if (!placeKeys.has(key)) {
      placeKeys.add(key);
      places.push({ start: m.start, end: m.end });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Rows a heading is about: the heading names them, allowing a typo or a dropped word. */
export function headingSubjects(heading: string, subjects: readonly Subject[] | SubjectIndex): Subject[] {
  const index = asIndex(subjects);
  const exact = mentions(heading, index).map((m) => m.subject);
  if (exact.length) return exact;
  // Only rows sharing a word (or a word one typo away) with the heading can reach the bar.
  return index.loosely(contentWords(heading), 0.75);
}
