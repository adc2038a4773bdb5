import type { TableContext } from './context';
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
  for (const across of counts) {
    const total = [...across.table.rows].reverse().find((r) => r.role === 'total');
    const categories = across.cols('count').map((k) => ({ k, tokens: tokens(subHeader(across, k.col)) }));
    if (!total || categories.length < 2) continue;
    for (const down of counts) {
      if (down === across) continue;
      const jumlah = down.col('jumlah');
      if (!jumlah) continue;
      const pairs = down.rows('item').flatMap((row) => {
        const matches = categories.filter((c) => sameCategory(c.tokens, tokens(row.label)));
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
