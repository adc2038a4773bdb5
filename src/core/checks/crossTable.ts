import type Decimal from 'decimal.js';
import type { TableContext } from './context';
import type { TableColumn, TableRow } from '../model';
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
  /** Row labels tested against a column's words: once per distinct pair of table signatures. */
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
  members: Across[];
  /** Per category, the members' totals that hold a figure, with the next member whose total differs. */
  totals: ({ across: Across; value: Decimal; nextDiffering: number }[] | undefined)[];
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
      group = { categories: keys.map((k) => ({ words: new Set(k ? k.split(' ') : []) })), members: [], totals: [] };
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
          let match = -1;
          let matches = 0;
          group.categories.forEach((c, category) => {
            work.categoryTests++;
            if (sameCategory(c.words, words)) {
              matches++;
              match = category;
            }
          });
          if (matches === 1) found.push({ item, category: match });
        });
        pairs = found.length >= 2 ? found : null;
        byGroup.set(group, pairs);
      }
      if (!pairs) continue;
      for (const { item, category } of pairs) {
        const mine = down.value(items[item].row, jumlah.col);
        if (!mine) continue;
        const hit = firstDisagreeing(group, category, down, mine);
        if (!hit) continue;
        const before = named.get(item);
        if (!before || hit.across.order < before.across.order) named.set(item, { across: hit.across, category, theirs: hit.value, mine });
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

/**
 * The first member of a group (in workbook order), other than the table itself, whose
 * total in this category holds a figure other than `mine`. Runs of equal totals are
 * skipped in one step, so the answer takes a few steps however many tables share
 * the signature.
 */
function firstDisagreeing(group: AcrossGroup, category: number, self: TableContext, mine: Decimal): { across: Across; value: Decimal } | undefined {
  let list = group.totals[category];
  if (!list) {
    list = [];
    for (const across of group.members) {
      const value = across.ctx.value(across.total.row, across.columns[category].col);
      if (value) list.push({ across, value, nextDiffering: 0 });
    }
    for (let j = list.length - 1; j >= 0; j--) list[j].nextDiffering = j + 1 < list.length && list[j + 1].value.eq(list[j].value) ? list[j + 1].nextDiffering : j + 1;
    group.totals[category] = list;
  }
  for (let j = 0; j < list.length; ) {
    const e = list[j];
    if (e.across.ctx === self) j++;
    else if (e.value.eq(mine)) j = e.nextDiffering;
    else return e;
  }
  return undefined;
}

const TABLE_NUMBER = /^(tabel|table)\s*[\d.]+\s*[:.\-–]?\s*/i;
const FIGURE_ROLES = new Set(['anggaran', 'realisasi', 'count', 'jumlah', 'populasi', 'ditangani']);

/**
 * A table titled by a row of another table breaks that row down: 'Tabel 7.38
 * Belanja Pegawai' under the 'Belanja Pegawai' row of 'Tabel 7.37 Belanja
 * Operasi'. Its total must equal that row in every column headed the same
 * ('Tahun 2018 Anggaran (Rp)'). Which of the two is wrong cannot be told, so
 * the finding is a warning on the summary row, naming the other cell.
 * Source: corpus case bud-calk-2018-belanja-operasi-pegawai (class 12).
 */
export function checkBreakdowns(contexts: TableContext[]): void {
  // Row labels and column headers are normalised once per table and rows indexed by their
  // label, so each titled table finds the rows it breaks down by one lookup: linear in
  // tables, not a scan of every row of every table for each title.
  let byLabel: Map<string, { whole: TableContext; row: TableRow }[]> | undefined;
  const headers = new Map<TableContext, string[]>();
  const headersOf = (ctx: TableContext) => {
    let h = headers.get(ctx);
    if (!h) headers.set(ctx, (h = ctx.table.columns.map((x) => normalizeHeader(x.header))));
    return h;
  };
  for (const part of contexts) {
    const title = normalizeHeader((part.table.title ?? '').split(' / ').pop()!.replace(TABLE_NUMBER, ''));
    if (title.split(' ').length < 2) continue;
    const total = [...part.table.rows].reverse().find((r) => r.role === 'total');
    if (!total) continue;
    byLabel ??= rowsByLabel(contexts);
    for (const { whole, row } of byLabel.get(title) ?? []) {
      if (whole === part) continue;
      const partHeaders = headersOf(part);
      const wholeHeaders = headersOf(whole);
      part.table.columns.forEach((k, i) => {
        if (!FIGURE_ROLES.has(k.role)) return;
        const j = whole.table.columns.findIndex((x, jj) => x.role === k.role && wholeHeaders[jj] === partHeaders[i]);
        if (j < 0) return;
        const twin = whole.table.columns[j];
        const mine = whole.value(row.row, twin.col);
        const theirs = part.value(total.row, k.col);
        if (!mine || !theirs || mine.eq(theirs)) return;
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
            expected: part.fmt(theirs),
            otherCell: `'${part.table.sheet}'!${part.addr(total.row, k.col)}`,
          },
          expected: theirs,
          actual: mine,
        });
      });
    }
  }
}

/** Each table's first item or parent row of each normalised label, tables in order. */
function rowsByLabel(contexts: TableContext[]): Map<string, { whole: TableContext; row: TableRow }[]> {
  const out = new Map<string, { whole: TableContext; row: TableRow }[]>();
  // Labels recur from table to table: each distinct one is normalised once.
  const normal = new Map<string, string>();
  for (const whole of contexts) {
    const seen = new Set<string>();
    for (const row of whole.table.rows) {
      if (row.role !== 'item' && row.role !== 'parent') continue;
      let label = normal.get(row.label);
      if (label === undefined) normal.set(row.label, (label = normalizeHeader(row.label)));
      if (seen.has(label)) continue;
      seen.add(label);
      const list = out.get(label);
      if (list) list.push({ whole, row });
      else out.set(label, [{ whole, row }]);
    }
  }
  return out;
}
