import type Decimal from 'decimal.js';
import type { TableContext } from './context';
import type { ColumnRole, TableColumn, TableRow } from '../model';
import { normalizeHeader } from '../recognize/vocabulary';

/** The words of a label, normalised once, as a canonical key ('s1', 'sd sma slta'). */
function tokenKey(text: string): string {
  return [...new Set(normalizeHeader(text).split(/[\s/,]+/).filter(Boolean))].sort().join(' ');
}

/** 'SMA' belongs to the column 'SD/SLTA/SMA'; 'S1' only to 'S1'. */
function sameCategory(column: ReadonlySet<string>, row: readonly string[]): boolean {
  if (row.length === 0) return false;
  for (const t of row) if (!column.has(t)) return false;
  return true;
}

function subHeader(ctx: TableContext, col: number): string {
  const rows = ctx.table.headerRows;
  return ctx.grid.textAt(rows[rows.length - 1], col, true);
}

/** What one run of checkCrossTables did: the work a test can hold linear in tables without timing it. */
export interface CrossTableWork {
  /** Distinct labels and sub-headers normalised (each once, however many tables repeat it). */
  labels: number;
  /** A row label's words tested against a column's: once per distinct label and column signature. */
  categoryTests: number;
  /** Pairs of (table signatures) whose rows were paired. */
  signaturePairs: number;
}

/** A table read across: its total row and its count columns' words, by column. */
interface Across {
  ctx: TableContext;
  /** Position in the workbook's count tables: the first table that disagrees is the one named. */
  order: number;
  total: TableRow;
  columns: TableColumn[];
}

/** Tables whose count columns carry the same words, in the same order: one signature. */
interface AcrossGroup {
  categories: { words: ReadonlySet<string> }[];
  /** A row label's words -> the one column holding them all, or -1. */
  matchOf: Map<string, number>;
  members: Across[];
  /** Per category, the members' totals that hold a figure (made when first asked). */
  totals: (Total<Across>[] | undefined)[];
}

/**
 * Two tables that break the same people down the same way must agree: staff
 * by education per echelon (columns S1, S2, ...) and by education per rank
 * (rows S1, S2, ... with a Jumlah column). Which table is wrong cannot be
 * told, so the finding names both cells: the first table, in workbook order,
 * whose column disagrees with the row.
 *
 * Real reports repeat the same categories (PMKS types, education levels) on
 * sheet after sheet, so tables are grouped by a signature of their normalised
 * labels, computed once per table: the rows of one signature are paired with
 * the columns of another once, and each row finds the first disagreeing total
 * of a group by lookup. Linear in tables, not a compare of every pair.
 */
export function checkCrossTables(contexts: TableContext[]): CrossTableWork {
  const work: CrossTableWork = { labels: 0, categoryTests: 0, signaturePairs: 0 };
  const counts = contexts.filter((c) => c.table.kind === 'count');
  // Labels recur from table to table: each distinct one is normalised once.
  const keyOf = new Map<string, string>();
  const labelKey = (label: string) => {
    let k = keyOf.get(label);
    if (k === undefined) {
      keyOf.set(label, (k = tokenKey(label)));
      work.labels++;
    }
    return k;
  };
  const groups: AcrossGroup[] = [];
  const groupOf = new Map<string, AcrossGroup>();
  // Word -> the groups with a column holding it.
  const groupsByWord = new Map<string, AcrossGroup[]>();
  counts.forEach((ctx, order) => {
    let total: TableRow | undefined;
    for (let i = ctx.table.rows.length - 1; i >= 0 && !total; i--) if (ctx.table.rows[i].role === 'total') total = ctx.table.rows[i];
    const columns = ctx.cols('count');
    if (!total || columns.length < 2) return;
    const keys = columns.map((k) => labelKey(subHeader(ctx, k.col)));
    const signature = keys.join('|');
    let group = groupOf.get(signature);
    if (!group) {
      group = { categories: keys.map((k) => ({ words: new Set(k ? k.split(' ') : []) })), matchOf: new Map(), members: [], totals: [] };
      groupOf.set(signature, group);
      groups.push(group);
      for (const word of new Set(keys.flatMap((k) => (k ? k.split(' ') : [])))) {
        const list = groupsByWord.get(word);
        if (list) list.push(group);
        else groupsByWord.set(word, [group]);
      }
    }
    group.members.push({ ctx, order, total, columns });
  });
  if (groups.length === 0) return work;

  // Row signatures paired with column signatures, once each: item index -> category index.
  const pairings = new Map<string, Map<AcrossGroup, { item: number; category: number }[] | null>>();
  for (const down of counts) {
    const jumlah = down.col('jumlah');
    if (!jumlah) continue;
    const items = down.rows('item');
    const keys = items.map((row) => labelKey(row.label));
    const rowWords = keys.map((k) => (k ? k.split(' ') : []));
    const signature = keys.join('|');
    let byGroup = pairings.get(signature);
    if (!byGroup) pairings.set(signature, (byGroup = new Map()));
    // Only groups that hold a row's rarest word can hold the whole row.
    const candidates = new Set<AcrossGroup>();
    for (const words of rowWords) {
      let rarest: AcrossGroup[] | undefined;
      for (const w of words) {
        const list = groupsByWord.get(w);
        if (!list) {
          rarest = undefined;
          break;
        }
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const g of rarest ?? []) candidates.add(g);
    }
    // The first disagreeing table, in order, for each row: the one the finding names.
    const named = new Map<number, { across: Across; category: number; theirs: Decimal; mine: Decimal }>();
    for (const group of candidates) {
      let pairs = byGroup.get(group);
      if (pairs === undefined) {
        work.signaturePairs++;
        const found: { item: number; category: number }[] = [];
        rowWords.forEach((words, item) => {
          // The one column a row's words belong to (-1: none or several), once per distinct label and group.
          let match = group.matchOf.get(keys[item]);
          if (match === undefined) {
            let matches = 0;
            match = -1;
            group.categories.forEach((c, category) => {
              work.categoryTests++;
              if (sameCategory(c.words, words)) {
                matches++;
                match = category;
              }
            });
            if (matches !== 1) match = -1;
            group.matchOf.set(keys[item], match);
          }
          if (match >= 0) found.push({ item, category: match });
        });
        pairs = found.length >= 2 ? found : null;
        byGroup.set(group, pairs);
      }
      if (!pairs) continue;
      for (const { item, category } of pairs) {
        const mine = down.value(items[item].row, jumlah.col);
        if (!mine) continue;
        const totals = (group.totals[category] ??= totalsOf(group.members, (a) => a.ctx.value(a.total.row, a.columns[category].col)));
        const hit = firstDisagreeing(totals, down, mine);
        if (!hit) continue;
        const before = named.get(item);
        if (!before || hit.member.order < before.across.order) named.set(item, { across: hit.member, category, theirs: hit.value, mine });
      }
    }
    for (const item of [...named.keys()].sort((a, b) => a - b)) {
      const { across, category, theirs, mine } = named.get(item)!;
      const row = items[item];
      const k = across.columns[category];
      down.report({
        code: 'cross-table-mismatch',
        severity: 'warning',
        row: row.row,
        col: jumlah.col,
        key: 'cross-table-mismatch',
        params: {
          label: row.label,
          actual: down.fmt(mine),
          otherSheet: across.ctx.table.sheet,
          category: subHeader(across.ctx, k.col),
          expected: across.ctx.fmt(theirs),
          otherCell: `'${across.ctx.table.sheet}'!${across.ctx.addr(across.total.row, k.col)}`,
        },
        expected: theirs,
        actual: mine,
      });
    }
  }
  return work;
}

/** A table's total in one column, in workbook order, with the next one whose total differs. */
interface Total<M extends { ctx: TableContext; order: number }> {
  member: M;
  value: Decimal;
  nextDiffering: number;
}

/** The members' totals that hold a figure, in order, each pointing past its run of equal totals. */
function totalsOf<M extends { ctx: TableContext; order: number }>(members: readonly M[], valueOf: (m: M) => Decimal | null): Total<M>[] {
  const list: Total<M>[] = [];
  for (const member of members) {
    const value = valueOf(member);
    if (value) list.push({ member, value, nextDiffering: 0 });
  }
  for (let j = list.length - 1; j >= 0; j--) list[j].nextDiffering = j + 1 < list.length && list[j + 1].value.eq(list[j].value) ? list[j + 1].nextDiffering : j + 1;
  return list;
}

/**
 * The first total (in workbook order), of a table other than `self`, that holds a figure
 * other than `mine`. Runs of equal totals are skipped in one step, so the answer takes a
 * few steps however many tables share the signature.
 */
function firstDisagreeing<M extends { ctx: TableContext; order: number }>(list: readonly Total<M>[], self: TableContext, mine: Decimal): Total<M> | undefined {
  for (let j = 0; j < list.length; ) {
    const e = list[j];
    if (e.member.ctx === self) j++;
    else if (e.value.eq(mine)) j = e.nextDiffering;
    else return e;
  }
  return undefined;
}

const TABLE_NUMBER = /^(tabel|table)\s*[\d.]+\s*[:.\-–]?\s*/i;
const FIGURE_ROLES = new Set(['anggaran', 'realisasi', 'count', 'jumlah', 'populasi', 'ditangani']);

/** What one run of checkBreakdowns did, for the test that keeps it linear in tables. */
export interface BreakdownWork {
  /** Distinct row labels and headers normalised (each once). */
  labels: number;
  /** Distinct titles looked up among the rows. */
  titles: number;
  /** Column matches made between a titled table's columns and a summary's: once per pair of column signatures. */
  columnMatches: number;
}

/** A titled table with a total: it breaks down the row its title names. */
interface Part {
  ctx: TableContext;
  order: number;
  total: TableRow;
  /** Its figure columns, in order. */
  columns: TableColumn[];
}

/** Titled tables with one title and the same figure columns (role and header): one signature. */
interface PartGroup {
  columns: { role: ColumnRole; header: string }[];
  members: Part[];
  totals: (Total<Part>[] | undefined)[];
}

/**
 * A table titled by a row of another table breaks that row down: 'Tabel 7.38
 * Belanja Pegawai' under the 'Belanja Pegawai' row of 'Tabel 7.37 Belanja
 * Operasi'. Its total must equal that row in every column headed the same
 * ('Tahun 2018 Anggaran (Rp)'). Which of the two is wrong cannot be told, so
 * the finding is a warning on the summary row, naming the other cell: the first
 * titled table, in workbook order, that disagrees.
 * Source: corpus case bud-calk-2018-belanja-operasi-pegawai (class 12).
 *
 * Labels and headers are normalised once, rows indexed by their label, and titled
 * tables grouped by title and columns, so each summary row finds the first
 * disagreeing breakdown by lookup: linear in tables, not a compare of every
 * titled table with every table.
 */
export function checkBreakdowns(contexts: TableContext[]): BreakdownWork {
  const work: BreakdownWork = { labels: 0, titles: 0, columnMatches: 0 };
  const normal = new Map<string, string>();
  const normalised = (text: string) => {
    let n = normal.get(text);
    if (n === undefined) {
      normal.set(text, (n = normalizeHeader(text)));
      work.labels++;
    }
    return n;
  };
  const byTitle = new Map<string, Map<string, PartGroup>>();
  contexts.forEach((ctx, order) => {
    const title = normalizeHeader((ctx.table.title ?? '').split(' / ').pop()!.replace(TABLE_NUMBER, ''));
    if (title.split(' ').length < 2) return;
    let total: TableRow | undefined;
    for (let i = ctx.table.rows.length - 1; i >= 0 && !total; i--) if (ctx.table.rows[i].role === 'total') total = ctx.table.rows[i];
    if (!total) return;
    const columns = ctx.table.columns.filter((k) => FIGURE_ROLES.has(k.role));
    const heads = columns.map((k) => ({ role: k.role, header: normalised(k.header) }));
    const signature = heads.map((h) => `${h.role}\u0001${h.header}`).join('\u0000');
    let groups = byTitle.get(title);
    if (!groups) byTitle.set(title, (groups = new Map()));
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { columns: heads, members: [], totals: [] }));
    group.members.push({ ctx, order, total, columns });
  });
  if (byTitle.size === 0) return work;
  const byLabel = rowsByLabel(contexts, normalised);
  // A summary's columns (role and normalised header) as one key, and its column matched to each part column.
  const wholeHeads = new Map<TableContext, { key: string; heads: { role: ColumnRole; header: string }[] }>();
  const matches = new Map<string, Map<PartGroup, number[]>>();
  for (const [title, groups] of byTitle) {
    work.titles++;
    for (const { whole, row } of byLabel.get(title) ?? []) {
      let w = wholeHeads.get(whole);
      if (!w) {
        const heads = whole.table.columns.map((x) => ({ role: x.role, header: normalised(x.header) }));
        wholeHeads.set(whole, (w = { key: heads.map((h) => `${h.role}\u0001${h.header}`).join('\u0000'), heads }));
      }
      let byGroup = matches.get(w.key);
      if (!byGroup) matches.set(w.key, (byGroup = new Map()));
      // Per summary column: the first titled table (then column) whose total disagrees.
      const named = new Map<number, { part: Part; k: number; theirs: Decimal; mine: Decimal }>();
      for (const group of groups.values()) {
        let twins = byGroup.get(group);
        if (!twins) {
          work.columnMatches++;
          const heads = w.heads;
          twins = group.columns.map((c) => heads.findIndex((h) => h.role === c.role && h.header === c.header));
          byGroup.set(group, twins);
        }
        twins.forEach((j, k) => {
          if (j < 0) return;
          const mine = whole.value(row.row, whole.table.columns[j].col);
          if (!mine) return;
          const totals = (group.totals[k] ??= totalsOf(group.members, (p) => p.ctx.value(p.total.row, p.columns[k].col)));
          const hit = firstDisagreeing(totals, whole, mine);
          if (!hit) return;
          const before = named.get(j);
          if (!before || hit.member.order < before.part.order || (hit.member === before.part && k < before.k)) named.set(j, { part: hit.member, k, theirs: hit.value, mine });
        });
      }
      for (const j of [...named.keys()].sort((a, b) => a - b)) {
        const { part, k, theirs, mine } = named.get(j)!;
        const twin = whole.table.columns[j];
        const col = part.columns[k];
        whole.report({
          code: 'cross-table-mismatch',
          severity: 'warning',
          row: row.row,
          col: twin.col,
          key: 'breakdown-mismatch',
          params: {
            label: row.label,
            column: twin.header,
            actual: whole.fmt(mine),
            expected: part.ctx.fmt(theirs),
            otherCell: `'${part.ctx.table.sheet}'!${part.ctx.addr(part.total.row, col.col)}`,
          },
          expected: theirs,
          actual: mine,
        });
      }
    }
  }
  return work;
}

/** Each table's first item or parent row of each normalised label, tables in order. */
function rowsByLabel(contexts: TableContext[], normalised: (text: string) => string): Map<string, { whole: TableContext; row: TableRow }[]> {
  const out = new Map<string, { whole: TableContext; row: TableRow }[]>();
  for (const whole of contexts) {
    const seen = new Set<string>();
    for (const row of whole.table.rows) {
      if (row.role !== 'item' && row.role !== 'parent') continue;
      const label = normalised(row.label);
      if (seen.has(label)) continue;
      seen.add(label);
      const list = out.get(label);
      if (list) list.push({ whole, row });
      else out.set(label, [{ whole, row }]);
    }
  }
  return out;
}
