import Decimal from 'decimal.js';
import { definedParams, type ResolvedOptions, type TableContext } from '../checks/context';
import type { Finding, FindingCode, Severity } from '../findings';
import type { ColumnRole } from '../model';
import { predikatFor } from '../iku/scales';
import { fmtNum, message, type MessageKey } from '../messages';
import { extractFigures } from './figures';
import { claimKind, type ClaimKind } from './kinds';
import { canHold, linkFigure, RowValues, type CellRef, type FigureWhen } from './link';
import { averageCapaian, claimHolds, findPredikatClaim } from './predikat';
import { buildSubjects, headingRows, SubjectIndex, type MentionGroup, type Subject, type SubjectSeq } from './subjects';
import { fromWords, toWords } from './terbilang';
import { sentences } from './text';
import { looksLikeHeading } from './fromWorkbook';
import { quoteAround } from './quote';
import type { NarrativeParagraph, NarrativeSource, ProseFigure } from './types';

const WHAT: Record<ClaimKind | 'per', { id: string; en: string }> = {
  populasi: { id: 'jumlah (populasi)', en: 'the population' },
  'kewenangan-prov': { id: 'kewenangan provinsi', en: 'the provincial share' },
  'kewenangan-kab': { id: 'kewenangan kabupaten/kota', en: 'the regency/city share' },
  ditangani: { id: 'jumlah yang ditangani', en: 'the number handled' },
  belum: { id: 'jumlah yang belum ditangani', en: 'the number not yet handled' },
  anggaran: { id: 'anggaran', en: 'the budget' },
  realisasi: { id: 'realisasi', en: 'the realisation' },
  target: { id: 'target', en: 'the target' },
  capaian: { id: 'capaian', en: 'the achievement' },
  percent: { id: 'persentase', en: 'the percentage' },
  per: { id: 'bantuan per orang', en: 'the aid per person' },
  other: { id: 'angka', en: 'the figure' },
};

// The unit an amount is per, in the report's language ('per orang' → 'per person').
const PER_WORD: Record<NonNullable<ProseFigure['per']>, { id: string; en: string }> = {
  orang: { id: 'orang', en: 'person' },
  panti: { id: 'panti', en: 'care home' },
  kk: { id: 'KK', en: 'household' },
  unit: { id: 'unit', en: 'unit' },
  kpm: { id: 'KPM', en: 'beneficiary family (KPM)' },
  klien: { id: 'klien', en: 'client' },
};

const DIFFERENCE = /\b(selisih|sisa)\b/i;

const ROW_COUNT_UNITS = new Set(['program', 'kegiatan', 'indikator', 'sasaran']);

interface Place {
  sheet: string;
  cell: string;
  source?: { file: string; paragraph: number };
  /** A file's paragraph, for quoting the sentence of a figure. */
  text?: string;
  /** The words of the sentence a finding is about, for Find in Word (a paragraph number is not findable there). */
  quote?: string;
}

/** The budget rows of a list of rows, with anggaran − realisasi, and those gaps as shown with so many decimals. */
interface BudgetRows {
  rows: { s: Subject; gap: Decimal | null }[];
  gapsShown(decimals: number): ReadonlySet<string>;
}

/** A paragraph's figures that no cell restates. */
interface Unlinked {
  place: Place;
  figures: ProseFigure[];
  text: string;
}

function placeOf(p: NarrativeParagraph, sourceName: string): Place {
  if (p.sheet && p.cell) return { sheet: p.sheet, cell: p.cell };
  const file = p.file ?? sourceName;
  return { sheet: file, cell: `¶${p.paragraph ?? 0}`, source: { file, paragraph: p.paragraph ?? 0 }, text: p.text };
}

/** The place of one figure of a file's paragraph: the paragraph, with the figure's sentence quoted. */
function at(place: Place, span: { start: number; end: number } | undefined): Place {
  return place.text !== undefined && span ? { ...place, quote: quoteAround(place.text, span.start, span.end) } : place;
}

function where(c: CellRef): string {
  return `'${c.ctx.table.sheet}'!${c.ctx.addr(c.row, c.col)}`;
}

/** The rows named nearest before `at` (and from `from` on): the places ending last, their rows. */
function nearestBefore(list: { g: MentionGroup; rows: readonly Subject[] }[], at: number, from = 0): SubjectSeq {
  const before = list.filter((m) => m.g.end <= at && m.g.start >= from);
  if (before.length === 0) return [];
  let end = -1;
  for (const m of before) if (m.g.end > end) end = m.g.end;
  return before.filter((m) => m.g.end === end).map((m) => m.rows);
}

const EMPTY: readonly Subject[] = [];
const RENAMED = /\b[Pp]rogram\s+(?!dan\b)\p{Lu}|\b[Kk]egiatan\s+(?!dan\b)\p{Lu}/u;

/**
 * Every figure of the report's prose, checked against the tables: each is
 * linked to the cell it restates; disagreements, wrong amounts in words and
 * unsupported predikat claims are findings; what cannot be linked is listed.
 */
export class NarrativeChecker {
  readonly findings: Finding[] = [];
  private subjectIndex: SubjectIndex | undefined;
  /** Prose places that restate a table cell as it stands, by 'Sheet!A1' of the cell. */
  private readonly agreed = new Map<string, Place[]>();
  /** Every table's total and parent rows, for a sum the prose names by no row. */
  private readonly fallback: readonly Subject[];
  /** Cells of the (shared) lists of rows by value, for settling figures by lookup. */
  private readonly values = new RowValues();
  /** Per list of rows and kind of figure, the rows that can hold it (the list itself when all can). */
  private readonly holders = new WeakMap<readonly Subject[], Map<string, readonly Subject[]>>();
  /** Rows of the belanja and IKU tables per unit ('7 program', '9 indikator'), counted once. */
  private rowCounts: Map<string, { n: number; alt?: number }[]> | undefined;
  /** The average capaian of the IKU tables, computed once (null: none). */
  private average: ReturnType<typeof averageCapaian> | undefined;
  /** Budget cells by value, for saying which row a wrong amount probably meant. */
  private valueIndex: Map<string, CellRef[]> | undefined;
  private readonly ownFindings = new Map<TableContext, Map<string, Finding>>();
  private readonly budgets = new WeakMap<readonly Subject[], BudgetRows>();
  private readonly unlinked: Unlinked[] = [];

  constructor(
    private readonly contexts: TableContext[],
    private readonly options: ResolvedOptions,
  ) {
    this.fallback = contexts.flatMap((ctx) =>
      ctx.table.rows
        .filter((r) => r.role === 'total' || r.role === 'parent')
        .map((row) => ({ ctx, row, phrases: [], content: [], total: true })),
    );
  }

  /** The linking's counted work so far (phrases tried, rows read): for the test that keeps it linear, never timed. */
  get work(): { phraseTests: number; rowsRead: number } {
    return { phraseTests: this.subjectIndex?.phraseTests ?? 0, rowsRead: this.values.rowsRead };
  }

  /** Row names for linking prose to cells, indexed; built on the first paragraph, since most workbooks carry no prose. */
  get subjects(): SubjectIndex {
    return (this.subjectIndex ??= new SubjectIndex(buildSubjects(this.contexts)));
  }

  private get lang() {
    return this.options.lang;
  }

  private push(code: FindingCode, severity: Severity, place: Place, key: MessageKey, params: Record<string, string | number | undefined>, extra: Partial<Finding> = {}, suffix = ''): void {
    this.findings.push({
      code,
      severity,
      sheet: place.sheet,
      cell: place.cell,
      message: message(key, params, this.lang) + suffix + (place.quote ? message('narrative-quote', { quote: place.quote }, this.lang) : ''),
      messageId: key,
      params: definedParams(params),
      ...extra,
      ...(place.source ? { source: place.source } : {}),
    });
  }

  /** The rows of a list that can hold this figure (canHold), worked out once per list and kind of figure. */
  private holding(list: readonly Subject[], f: ProseFigure, kind: ClaimKind | undefined): readonly Subject[] {
    let byKind = this.holders.get(list);
    if (!byKind) this.holders.set(list, (byKind = new Map()));
    // Everything canHold reads of a figure.
    const key = `${f.per ? 'per' : ''}|${kind ?? ''}|${f.unit}|${f.rateBase ?? ''}|${f.unitWord ?? ''}`;
    let rows = byKind.get(key);
    if (!rows) {
      const kept = list.filter((s) => canHold(s, f, kind));
      rows = kept.length === list.length ? list : kept.length === 0 ? EMPTY : kept;
      byKind.set(key, rows);
    }
    return rows;
  }

  checkSource(source: NarrativeSource): void {
    let heading: SubjectSeq = [];
    for (const p of source.paragraphs) {
      // A title line the reader did not mark ('Perlindungan dan Jaminan Sosial ... daerah provinsi') still titles what follows.
      if (p.heading || (looksLikeHeading(p.text) && extractFigures(p.text).length === 0)) {
        heading = headingRows(p.text, this.subjects);
        continue;
      }
      this.checkParagraph(p, placeOf(p, source.name), heading);
    }
  }

  private checkParagraph(p: NarrativeParagraph, place: Place, heading: SubjectSeq): void {
    const text = p.text;
    const figures = extractFigures(text);
    if (figures.length === 0) return;
    // The places rows are named, each with its rows (lists shared with every place naming the same words).
    const found = this.subjects.groups(text);
    const spans = sentences(text);
    const claimed = this.checkPredikat(text, place);
    const unlinked: ProseFigure[] = [];
    figures.forEach((f, i) => {
      if (claimed.some((s) => f.start >= s.start && f.end <= s.end)) return;
      if (f.words) this.checkWords(f, place);
      if (ROW_COUNT_UNITS.has(f.unit)) {
        if (!this.countAgrees(f)) unlinked.push(f);
        return;
      }
      const sentence = spans.find((s) => f.start >= s.start && f.start < s.end) ?? { start: 0, end: text.length };
      const prev = figures[i - 1];
      const next = figures[i + 1];
      const before = text.slice(Math.max(sentence.start, prev && prev.end <= f.start ? prev.end : sentence.start), f.start);
      const after = text.slice(f.words ? f.words.end : f.end, next && next.start < sentence.end ? next.start : sentence.end);
      const kind = claimKind(before, after, f.unit);
      const inSentence = found.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => m.subjects);
      // 'Program A ... dan Program B dengan anggaran Rp …': a program or kegiatan named between a known
      // row and the figure is what the figure is about, even if no table has it.
      const renamed = (m: MentionGroup) => RENAMED.test(text.slice(m.end, f.start));
      const fits = found.map((g) => ({ g, rows: renamed(g) ? EMPTY : this.holding(g.subjects, f, kind) })).filter((m) => m.rows.length > 0);
      // An earlier sentence lends its subject only when it names one thing ('Jumlah Anak Terlantar ... Sedangkan 957.251 ...').
      const earlier = fits.filter((m) => m.g.end <= sentence.start);
      const oneEarlier = new Set(earlier.map((m) => text.slice(m.g.start, m.g.end).toLowerCase())).size === 1 ? nearestBefore(earlier, sentence.start) : [];
      const headingFits = heading.map((list) => this.holding(list, f, kind)).filter((l) => l.length > 0);
      const primary = [nearestBefore(fits, f.start, sentence.start), oneEarlier, headingFits].find((l) => l.length) ?? [];
      // Rows in the order agreement is looked for: the row the figure is about, the sentence's, the paragraph's, the heading's.
      const candidates: SubjectSeq = [...primary, ...inSentence, ...found.map((m) => m.subjects), ...heading];
      // A sum named by no row ('alokasi anggaran sebesar ...') can still restate some table's total.
      const fallback = primary.length === 0 && (f.unit === 'rupiah' || f.unit === 'percent') ? this.fallback : undefined;
      // 'selisih anggaran dengan realisasi pendapatan sejumlah Rp …': the gap of the row the sentence names.
      if (f.unit === 'rupiah' && DIFFERENCE.test(text.slice(sentence.start, f.start)) && this.checkDifference(f, inSentence, place)) return;
      const link = linkFigure(f, kind, candidates, primary, whenOf(text.slice(sentence.start, f.start)), fallback, this.values);
      if (link.status === 'agree') {
        const key = `${link.cell.ctx.table.sheet}!${link.cell.ctx.addr(link.cell.row, link.cell.col)}`;
        const places = this.agreed.get(key);
        if (places) places.push(place);
        else this.agreed.set(key, [place]);
      }
      if (link.status === 'agree' && link.roundedTo !== undefined) {
        this.push('narrative-rounded', 'info', at(place, f), 'narrative-rounded', {
          raw: f.raw,
          decimals: link.roundedTo,
          value: fmtNum(link.cell.value, this.lang),
          where: where(link.cell),
        }, { related: { sheet: link.cell.ctx.table.sheet, cell: link.cell.ctx.addr(link.cell.row, link.cell.col) } });
      } else if (link.status === 'mismatch') {
        // Another figure of the same row says what the prose says ('capaian 104,96%' bound to a
        // realisasi column, a multi-year row): the binding was unsure, not the report.
        if (rowHolds(f, link.cell, before)) return;
        this.reportMismatch(f, link.cell, link.kind, place);
      } else if (link.status === 'unlinked') {
        unlinked.push(f);
      }
    });
    if (unlinked.length) this.unlinked.push({ place, figures: unlinked, text });
  }

  /**
   * A difference the prose states (selisih, sisa) against anggaran − realisasi of the row
   * its sentence names. Settled when some named row's gap equals it; reported when the
   * sentence names exactly one budget row and its gap differs; else left to linking.
   */
  private checkDifference(f: ProseFigure, named: SubjectSeq, place: Place): boolean {
    // Any named budget row whose gap, shown with the prose's decimals, is the figure settles it.
    const lists = named.map((list) => this.budgetRows(list));
    const key = valueKey(f.value);
    if (lists.some((l) => l.gapsShown(f.decimals).has(key))) return true;
    // Reported only when the sentence names exactly one budget row (however often).
    let only: { s: Subject; gap: Decimal | null } | undefined;
    for (const l of lists) {
      for (const r of l.rows) {
        if (only && only.s !== r.s) return false;
        only = r;
      }
    }
    if (!only || !only.gap) return false;
    const { s, gap } = only;
    const anggaran = s.ctx.col('anggaran')!;
    const realisasi = s.ctx.col('realisasi')!;
    this.push('narrative-mismatch', 'error', at(place, f), 'narrative-difference', {
      actual: 'Rp ' + fmtNum(f.value, this.lang, f.decimals),
      label: s.row.label,
      anggaran: 'Rp ' + fmtNum(s.ctx.num(s.row.row, anggaran.col).value!, this.lang),
      realisasi: 'Rp ' + fmtNum(s.ctx.num(s.row.row, realisasi.col).value!, this.lang),
      expected: 'Rp ' + fmtNum(gap, this.lang),
    }, { expected: gap.toFixed(), actual: f.value.toFixed(), related: { sheet: s.ctx.table.sheet, cell: s.ctx.addr(s.row.row, realisasi.col) } });
    return true;
  }

  private reportMismatch(f: ProseFigure, cell: CellRef, kind: ClaimKind | 'per', place: Place): void {
    const related = { sheet: cell.ctx.table.sheet, cell: cell.ctx.addr(cell.row, cell.col) };
    const money = f.unit === 'rupiah';
    const show = (v: Decimal, places?: number) => (money ? 'Rp ' : '') + fmtNum(v, this.lang, places) + (f.unit === 'percent' ? '%' : '');
    let suffix = '';
    // When the table's own check expects the prose's figure, the table cell is the one to correct.
    const own = this.expectedAt(cell.ctx).get(related.cell);
    if (own && own.expected === f.value.toFixed()) suffix += message('narrative-table-agrees', { actual: show(f.value, f.decimals) }, this.lang);
    else {
      const elsewhere = this.findValue(f, cell);
      if (elsewhere) suffix += message('narrative-found-elsewhere', { actual: show(f.value, f.decimals), where: where(elsewhere), label: elsewhere.label }, this.lang);
    }
    const key: MessageKey = kind === 'per' ? 'narrative-mismatch-per' : 'narrative-mismatch';
    this.push('narrative-mismatch', 'error', at(place, f), key, {
      what: WHAT[kind][this.lang],
      subject: cell.label,
      // The prose figure keeps the decimals it was written with ('98,60%').
      actual: show(f.value, f.decimals),
      // The table figure as the sheet shows it (99,66 for a 0.00 format), not every stored digit.
      expected: show(cell.value, Math.min(cell.ctx.num(cell.row, cell.col).decimals, 4)),
      where: where(cell),
      per: f.per && PER_WORD[f.per][this.lang],
    }, { expected: cell.value.toFixed(), actual: f.value.toFixed(), related }, suffix);
  }

  /** A list's rows with a budget and a realisation (each once, in order), with their gaps, worked out once per list. */
  private budgetRows(list: readonly Subject[]): BudgetRows {
    let b = this.budgets.get(list);
    if (!b) {
      const rows: { s: Subject; gap: Decimal | null }[] = [];
      const seen = new Set<Subject>();
      for (const s of list) {
        if (seen.has(s) || !s.ctx.col('anggaran') || !s.ctx.col('realisasi')) continue;
        seen.add(s);
        const a = s.ctx.num(s.row.row, s.ctx.col('anggaran')!.col).value;
        const r = s.ctx.num(s.row.row, s.ctx.col('realisasi')!.col).value;
        rows.push({ s, gap: a && r ? a.minus(r).abs() : null });
      }
      const shown = new Map<number, Set<string>>();
      b = {
        rows,
        gapsShown: (decimals) => {
          let set = shown.get(decimals);
          if (!set) {
            set = new Set();
            for (const r of rows) if (r.gap) set.add(valueKey(r.gap.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP)));
            shown.set(decimals, set);
          }
          return set;
        },
      };
      this.budgets.set(list, b);
    }
    return b;
  }

  /** A table's first finding with an expected figure at each cell, gathered once per table (the table checks are done by now). */
  private expectedAt(ctx: TableContext): Map<string, Finding> {
    let m = this.ownFindings.get(ctx);
    if (!m) {
      m = new Map();
      for (const x of ctx.findings) if (x.expected !== undefined && !m.has(x.cell)) m.set(x.cell, x);
      this.ownFindings.set(ctx, m);
    }
    return m;
  }

  /** The same amount in another row of a budget table, to say which row the text probably meant. */
  private findValue(f: ProseFigure, not: CellRef): CellRef | undefined {
    const money = (k: string) => k === 'budget' || k === 'belanja';
    if (!money(not.ctx.table.kind)) return undefined;
    // Every budget cell by its kind of figure and value, in table, row and column order, made once.
    if (!this.valueIndex) {
      const index = new Map<string, CellRef[]>();
      for (const ctx of this.contexts) {
        if (!money(ctx.table.kind)) continue;
        for (const row of ctx.table.rows) {
          for (const k of ctx.table.columns) {
            const sort = k.role === 'anggaran' || k.role === 'realisasi' ? 'rupiah' : k.role === 'percent' ? 'percent' : 'other';
            const v = ctx.num(row.row, k.col).value;
            if (!v) continue;
            const key = `${sort} ${valueKey(v)}`;
            const ref = { ctx, row: row.row, col: k.col, label: row.label, header: k.header, value: v };
            const list = index.get(key);
            if (list) list.push(ref);
            else index.set(key, [ref]);
          }
        }
      }
      this.valueIndex = index;
    }
    const sort = f.unit === 'rupiah' ? 'rupiah' : f.unit === 'percent' ? 'percent' : 'other';
    const list = this.valueIndex.get(`${sort} ${valueKey(f.value)}`);
    return list?.find((c) => !(c.row === not.row && c.ctx === not.ctx));
  }

  private checkWords(f: ProseFigure, place: Place): void {
    const read = fromWords(f.words!.text);
    if (read && read.value.eq(f.value)) return;
    let correct = '';
    try {
      correct = toWords(f.value, { currency: f.unit === 'rupiah' });
    } catch {
      correct = '';
    }
    if (!read) {
      // Number words that spell no number ('… tiga puluh enam delapan puluh ribu …': 'juta' left out).
      this.push('terbilang-mismatch', 'error', at(place, f), 'terbilang-unreadable', { digits: f.raw, words: f.words!.text, correct }, { expected: f.value.toFixed() });
      return;
    }
    this.push('terbilang-mismatch', 'error', at(place, f), 'terbilang-mismatch', {
      digits: f.raw,
      words: f.words!.text,
      wordsValue: fmtNum(read.value, this.lang),
      correct,
    }, { expected: f.value.toFixed(), actual: read.value.toFixed() });
  }

  /**
   * '7 Program dan 28 kegiatan', '9 indikator': settled when they equal the rows of the
   * matching tables. One that does not is left unlinked, never an error: '2 indikator
   * belum tercapai' counts rows meeting a condition, not the table's rows.
   */
  private countAgrees(f: ProseFigure): boolean {
    this.rowCounts ??= new Map();
    let counts = this.rowCounts.get(f.unit);
    if (!counts) this.rowCounts.set(f.unit, (counts = this.countRows(f)));
    if (counts.length === 0) return false;
    // A count that equals the rows is settled. One that does not is left unlinked, never an error:
    // '2 indikator belum tercapai' counts rows that meet a condition, not the table's rows.
    return counts.some((c) => f.value.eq(c.n) || (c.alt !== undefined && f.value.eq(c.alt)));
  }

  /** The rows of every table that a count of this unit may count, once per unit. */
  private countRows(f: ProseFigure): { n: number; alt?: number }[] {
    // A row typed twice (one code, two rows) is one kegiatan to the writer: either count agrees.
    const counts: { n: number; alt?: number }[] = [];
    for (const ctx of this.contexts) {
      const k = ctx.table.kind;
      if (f.unit === 'program' && k === 'belanja') counts.push({ n: ctx.rows('parent').length });
      if (f.unit === 'kegiatan' && k === 'belanja') {
        const rows = ctx.table.rows.filter((r) => r.role === 'item' && r.parentRow !== undefined);
        counts.push({ n: rows.length, alt: new Set(rows.map((r) => r.code)).size });
      }
      if (f.unit === 'indikator' && k === 'iku') counts.push({ n: ctx.rows('item').length });
      if (f.unit === 'sasaran' && k === 'iku') {
        const col = ctx.col('sasaran');
        if (col) counts.push({ n: ctx.rows('item').filter((r) => ctx.grid.textAt(r.row, col.col) !== '').length });
      }
    }
    return counts;
  }

  private checkPredikat(text: string, place: Place): { start: number; end: number }[] {
    // A predikat claim is judged only on the office's scale: chosen, or found in the workbook.
    const scale = this.options.scale;
    if (!scale) return [];
    const claim = findPredikatClaim(text, scale);
    if (!claim) return [];
    if (this.average === undefined) this.average = averageCapaian(this.contexts);
    const avg = this.average;
    if (!avg) return claim.spans;
    if (claimHolds(claim, avg.average, scale)) return claim.spans;
    const expected = predikatFor(avg.average, scale);
    const parts: string[] = [];
    if (claim.label) parts.push(`"${claim.label}"`);
    if (claim.range) parts.push(`${fmtNum(claim.range[0], this.lang)}–${fmtNum(claim.range[1], this.lang)}%`);
    this.push('predikat-mismatch', 'error', at(place, claim.spans[0]), 'narrative-predikat', {
      claim: parts.join(this.lang === 'id' ? ' dengan rata-rata capaian ' : ' with an average of '),
      count: avg.count,
      average: fmtNum(avg.average.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), this.lang, 2),
      scale: scale.name,
      expected,
    }, { expected, actual: claim.label ?? parts.join(' ') });
    return claim.spans;
  }

  /**
   * A total's gap that equals an amount named only in the text: the item is
   * in the prose but not in the table. Then the list of unlinked figures.
   */
  finish(tableFindings: Finding[]): void {
    // A wrong table figure that the prose repeats will disagree with it once fixed: say where, now.
    for (const tf of tableFindings) {
      if (tf.code !== 'total-mismatch' && tf.code !== 'parent-sum-mismatch' && tf.code !== 'percent-mismatch') continue;
      const places = this.agreed.get(`${tf.sheet}!${tf.cell}`);
      if (!places) continue;
      tf.repeatedIn = places.map((p) => (p.source ? { sheet: p.sheet, cell: p.cell, source: p.source } : { sheet: p.sheet, cell: p.cell }));
      const names = places.map((p) => (p.source ? `${p.source.file} ¶${p.source.paragraph}` : `${p.sheet}!${p.cell}`));
      tf.message += message('repeated-in-prose', { places: [...new Set(names)].join(', ') }, this.lang);
    }
    // Unlinked amounts by value, in the order of the text: each gap takes the first one left.
    const amounts = new Map<string, { list: { u: Unlinked; hit: ProseFigure }[]; next: number }>();
    for (const u of this.unlinked) {
      for (const hit of u.figures) {
        if (hit.unit !== 'rupiah' || hit.per) continue;
        const key = valueKey(hit.value);
        const q = amounts.get(key);
        if (q) q.list.push({ u, hit });
        else amounts.set(key, { list: [{ u, hit }], next: 0 });
      }
    }
    for (const tf of tableFindings) {
      if ((tf.code !== 'total-mismatch' && tf.code !== 'parent-sum-mismatch') || !tf.expected || !tf.actual) continue;
      const gap = new Decimal(tf.expected).minus(tf.actual).abs();
      const q = amounts.get(valueKey(gap));
      if (!q || q.next >= q.list.length) continue;
      const { u, hit } = q.list[q.next++];
      const snippet = u.text.slice(Math.max(0, hit.start - 70), hit.end).replace(/^\S*\s/, '').trim();
      tf.message += message('why-narrative-amount', { gap: fmtNum(gap, this.lang), raw: hit.raw, where: `${u.place.sheet}!${u.place.cell}`, snippet }, this.lang);
      u.figures = u.figures.filter((f) => f !== hit);
    }
    for (const u of this.unlinked) {
      if (u.figures.length === 0) continue;
      this.push('narrative-unlinked', 'info', at(u.place, u.figures[0]), 'narrative-unlinked', { figures: u.figures.map((f) => f.raw).join(', ') });
    }
  }
}

/** Equal values, equal keys (Decimal prints one form per value; -0 as 0). */
function valueKey(v: Decimal): string {
  return v.isZero() ? '0' : v.toString();
}

const YEAR = /\b(19|20)\d\d\b/g;
const ELSEWHEN = /tahun (lalu|sebelumnya)|sebelumnya|periode lalu/i;

/** The year the words before a figure give it ('tahun 2020 ditargetkan 7,33'), or that they give none. */
function whenOf(before: string): FigureWhen {
  const years = before.match(YEAR);
  if (years) return { year: Number(years[years.length - 1]), current: false };
  return { current: !ELSEWHEN.test(before) };
}

/** Words that name a column's role in prose, to tell an unsure binding from a wrong figure. */
const ROLE_WORDS: Partial<Record<ColumnRole, RegExp>> = {
  realisasi: /realisasi|terealisasi|dicapai|tercapai/i,
  capaian: /capaian|persentase capaian|tingkat capaian|pencapaian/i,
  target: /target|ditargetkan|sasaran/i,
  anggaran: /anggaran|pagu|alokasi|dianggarkan/i,
  percent: /persentase|persen|%/i,
  baseline: /kondisi awal|tahun lalu|sebelumnya/i,
};

/**
 * Whether another figure cell of the linked row equals the prose figure (at the
 * precision it was written with) and the words before the figure name that cell's
 * role: then the prose binding was unsure ('capaian … 104,96%' bound to a realisasi
 * column of a multi-year row), not the report. A figure that only happens to equal
 * another cell ('ditargetkan 7,33' where 7,33 is the realisasi) is still reported.
 */
function rowHolds(f: ProseFigure, cell: CellRef, before: string): boolean {
  const ctx = cell.ctx;
  for (const k of ctx.table.columns) {
    if (k.col === cell.col) continue;
    const n = ctx.num(cell.row, k.col);
    if (n.value === null || n.state === 'error' || n.state === 'empty') continue;
    if (!n.value.toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP).eq(f.value)) continue;
    const words = ROLE_WORDS[k.role];
    if (!words || words.test(before)) return true;
  }
  return false;
}
