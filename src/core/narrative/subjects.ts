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

/**
 * Rows named at one place of a text, in order: every row whose label reads as the words
 * there. The list is shared by every place and paragraph that names the same phrase, so
 * what is worked out about it (which rows can hold a figure, their cells by value) is
 * worked out once, however many tables repeat the label.
 */
export interface MentionGroup {
  start: number;
  end: number;
  subjects: readonly Subject[];
}

/** Rows in order, as consecutive lists (shared lists, never copied into one). */
export type SubjectSeq = readonly (readonly Subject[])[];

/** One distinct phrase and every (subject, phrase) entry that names a row with it. */
interface PhraseGroup {
  phrase: string[];
  /** Entry numbers, ascending: the order of the subjects, then of their phrases. */
  entries: number[];
  /** The entries' subjects, in that order. */
  subjects: Subject[];
}

/** Distinct content words of some subjects' labels, for headings that name a row loosely. */
interface ContentGroup {
  words: string[];
  /** Subject numbers, ascending. */
  members: number[];
  /** Those subjects. */
  subjects: Subject[];
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
    // Rows with one label share their phrase arrays (buildSubjects): each array is looked up by its words once.
    const ofArray = new Map<readonly string[], PhraseGroup>();
    for (const s of subjects) {
      for (const phrase of s.phrases) {
        const entry = this.entrySubject.length;
        this.entrySubject.push(s);
        let g = ofArray.get(phrase);
        if (g) {
          g.entries.push(entry);
          g.subjects.push(s);
          continue;
        }
        const key = phrase.join(' ');
        g = groups.get(key);
        if (!g) {
          groups.set(key, (g = { phrase, entries: [], subjects: [] }));
          const first = phrase[0] ?? '';
          const list = this.byFirstWord.get(first);
          if (list) list.push(g);
          else this.byFirstWord.set(first, [g]);
        }
        ofArray.set(phrase, g);
        g.entries.push(entry);
        g.subjects.push(s);
      }
    }
  }

  /**
   * Every place a row label is named in the text, longer names winning where two
   * overlap ('Anak Balita Terlantar' over 'Anak Terlantar'), in text order, each with
   * the rows it names. The same phrase names the same rows wherever it stands, and
   * two phrases never name the same place, so overlaps are settled place by place:
   * by length, then in the order of the rows' first phrase, then of the text, as
   * settling them mention by mention did.
   */
  groups(text: string): MentionGroup[] {
    const lower = text.toLowerCase();
    // A phrase's first word stands alone in the text (findPhraseInLower's word boundaries).
    const words = new Set(lower.split(/[^a-z0-9]+/));
    words.add('');
    const places: { g: PhraseGroup; at: number; start: number; end: number }[] = [];
    for (const w of words) {
      for (const g of this.byFirstWord.get(w) ?? []) {
        this.phraseTests++;
        findPhraseInLower(lower, g.phrase).forEach((m, at) => places.push({ g, at, start: m.start, end: m.end }));
      }
    }
    places.sort((a, b) => b.end - b.start - (a.end - a.start) || a.g.entries[0] - b.g.entries[0] || a.at - b.at);
    const kept: typeof places = [];
    for (const m of places) if (!kept.some((k) => m.start < k.end && k.start < m.end && !(k.start === m.start && k.end === m.end))) kept.push(m);
    return kept.sort((a, b) => a.start - b.start).map((k) => ({ start: k.start, end: k.end, subjects: k.g.subjects }));
  }

  /** Subjects whose content words the heading's cover both ways at `min` or more, the best score only, in order. */
  loosely(hw: string[], min: number): readonly Subject[] {
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
    // One label (the usual case): its rows as kept, shared; several: merged back into row order.
    if (chosen.length === 1) return chosen[0].subjects;
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
        contents.push({ words: s.content, members: [], subjects: [] });
        for (const w of new Set(s.content)) {
          for (const k of typoKeys(w)) {
            const list = keys.get(k);
            if (!list) keys.set(k, [c]);
            else if (list[list.length - 1] !== c) list.push(c);
          }
        }
      }
      contents[c].members.push(i);
      contents[c].subjects.push(s);
    });
    this.contents = contents;
    this.contentKeys = keys;
  }
}

const asIndex = (subjects: readonly Subject[] | SubjectIndex) => (subjects instanceof SubjectIndex ? subjects : new SubjectIndex(subjects));

/** Every place a row label is named in the text; longer names win where two overlap ('Anak Balita Terlantar' over 'Anak Terlantar'). */
export function mentions(text: string, subjects: readonly Subject[] | SubjectIndex): Mention[] {
  return asIndex(subjects)
    .groups(text)
    .flatMap((g) => g.subjects.map((subject) => ({ subject, start: g.start, end: g.end })));
}

/** Rows a heading is about, as lists: the heading names them, allowing a typo or a dropped word. */
export function headingRows(heading: string, subjects: readonly Subject[] | SubjectIndex): SubjectSeq {
  const index = asIndex(subjects);
  const exact = index.groups(heading);
  if (exact.length) return exact.map((g) => g.subjects);
  // Only rows sharing a word (or a word one typo away) with the heading can reach the bar.
  const loose = index.loosely(contentWords(heading), 0.75);
  return loose.length ? [loose] : [];
}

/** Rows a heading is about: the heading names them, allowing a typo or a dropped word. */
export function headingSubjects(heading: string, subjects: readonly Subject[] | SubjectIndex): Subject[] {
  return headingRows(heading, subjects).flat();
}
