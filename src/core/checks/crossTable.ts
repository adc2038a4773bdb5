import type { TableContext } from './context';
import type { TableRow } from '../model';
import { normalizeHeader } from '../recognize/vocabulary';

function tokens(text: string): Set<string> {
  return new Set(normalizeHeader(text).split(/[\s/,]+/).filter(Boolean));
}

/** 'SMA' belongs to the column 'SD/SLTA/SMA'; 'S1' only to 'S1'. */
function sameCategory(column: Set<string>, row: Set<string>): boolean {
  if (row.size === 0) return false;
  for (const t of row) if (!column.has(t)) return false;
  return true;
}

function subHeader(ctx: TableContext, col: number): string {
  const rows = ctx.table.headerRows;
  return ctx.grid.textAt(rows[rows.length - 1], col, true);
}

/**
 * Two tables that break the same people down the same way must agree: staff
 * by education per echelon (columns S1, S2, ...) and by education per rank
 * (rows S1, S2, ... with a Jumlah column). Which table is wrong cannot be
 * told, so the finding names both cells.
 */
export function checkCrossTables(contexts: TableContext[]): void {
  const counts = contexts.filter((c) => c.table.kind === 'count');
  // Labels are normalised once per table, and a pair of tables is compared only when
  // a row label of one shares a word with a column of the other: linear in tables
  // for the hundreds of small sheets a real report holds, not a compare of every pair.
  const downs = counts.map((ctx) => ({ ctx, jumlah: ctx.col('jumlah'), items: ctx.rows('item').map((row) => ({ row, tokens: tokens(row.label) })) }));
  const byToken = new Map<string, Set<number>>();
  downs.forEach((d, i) => {
    if (!d.jumlah) return;
    for (const it of d.items) for (const t of it.tokens) (byToken.get(t) ?? byToken.set(t, new Set()).get(t)!).add(i);
  });
  for (const across of counts) {
    const total = [...across.table.rows].reverse().find((r) => r.role === 'total');
    const categories = across.cols('count').map((k) => ({ k, tokens: tokens(subHeader(across, k.col)) }));
    if (!total || categories.length < 2) continue;
    const candidates = new Set<number>();
    for (const c of categories) for (const t of c.tokens) for (const i of byToken.get(t) ?? []) candidates.add(i);
    for (const i of [...candidates].sort((x, y) => x - y)) {
      const { ctx: down, jumlah, items } = downs[i];
      if (down === across || !jumlah) continue;
      const pairs = items.flatMap(({ row, tokens: rowTokens }) => {
        const matches = categories.filter((c) => sameCategory(c.tokens, rowTokens));
        return matches.length === 1 ? [{ row, cat: matches[0] }] : [];
      });
      if (pairs.length < 2) continue;
      for (const { row, cat } of pairs) {
        const mine = down.value(row.row, jumlah.col);
        const theirs = across.value(total.row, cat.k.col);
        if (!mine || !theirs || mine.eq(theirs)) continue;
        down.report({
          code: 'cross-table-mismatch',
          severity: 'warning',
          row: row.row,
          col: jumlah.col,
          key: 'cross-table-mismatch',
          params: {
            label: row.label,
            actual: down.fmt(mine),
            otherSheet: across.table.sheet,
            category: subHeader(across, cat.k.col),
            expected: across.fmt(theirs),
            otherCell: `'${across.table.sheet}'!${across.addr(total.row, cat.k.col)}`,
          },
          expected: theirs,
          actual: mine,
        });
      }
    }
  }
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
  for (const whole of contexts) {
    const seen = new Set<string>();
    for (const row of whole.table.rows) {
      if (row.role !== 'item' && row.role !== 'parent') continue;
      const label = normalizeHeader(row.label);
      if (seen.has(label)) continue;
      seen.add(label);
      const list = out.get(label);
      if (list) list.push({ whole, row });
      else out.set(label, [{ whole, row }]);
    }
  }
  return out;
}
