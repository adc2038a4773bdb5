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
  for (const ctx of contexts) {
    for (const row of ctx.table.rows) {
      if (row.role === 'section' || !row.label) continue;
      if (row.role === 'total' || row.role === 'subtotal') {
        const phrases = totalPhrases(ctx, row);
        if (phrases.length) out.push({ ctx, row, phrases, content: phrases.flat(), total: true });
        continue;
      }
      out.push({ ctx, row, phrases: phraseForms(row.label), content: contentWords(row.label) });
    }
  }
  return out;
}

export interface Mention {
  subject: Subject;
  start: number;
  end: number;
}

/** Every place a row label is named in the text; longer names win where two overlap ('Anak Balita Terlantar' over 'Anak Terlantar'). */
export function mentions(text: string, subjects: Subject[]): Mention[] {
  const found: Mention[] = [];
  const lower = text.toLowerCase();
  for (const s of subjects) {
    for (const p of s.phrases) for (const m of findPhraseInLower(lower, p)) found.push({ subject: s, ...m });
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  for (const m of found) {
    const overlaps = kept.some((k) => m.start < k.end && k.start < m.end && !(k.start === m.start && k.end === m.end));
    if (!overlaps) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Rows a heading is about: the heading names them, allowing a typo or a dropped word. */
export function headingSubjects(heading: string, subjects: Subject[]): Subject[] {
  const exact = mentions(heading, subjects).map((m) => m.subject);
  if (exact.length) return exact;
  const hw = contentWords(heading);
  let best = 0;
  let rows: Subject[] = [];
  for (const s of subjects) {
    const score = Math.min(coverage(s.content, hw), coverage(hw, s.content));
    if (score < 0.75) continue;
    if (score > best) {
      best = score;
      rows = [s];
    } else if (score === best) rows.push(s);
  }
  return rows;
}
