import type { TableContext } from './context';

const ARABIC = /^(\d{1,4})\s*[.)]?$/;

/** '1, 2, 3, 5, 6' loses a row somewhere; numbering restarts at 1 under a new parent or section. */
export function checkNumbering(ctx: TableContext): void {
  const noCol = ctx.col('no');
  if (!noCol) return;
  let prev: number | undefined;
  for (const row of ctx.table.rows) {
    if (row.role !== 'item') {
      if (row.role === 'parent' || row.role === 'section') prev = undefined;
      continue;
    }
    const text = ctx.grid.textAt(row.row, noCol.col);
    const m = ARABIC.exec(text);
    if (!m) continue;
    const n = Number(m[1]);
    if (prev !== undefined && n !== prev + 1 && n !== 1) {
      ctx.report({
        code: 'numbering-gap',
        severity: 'warning',
        row: row.row,
        col: noCol.col,
        key: n > prev + 1 ? 'numbering-gap' : 'numbering-repeat',
        params: {
          previous: prev,
          actual: n,
          expected: n > prev + 1 ? Array.from({ length: n - prev - 1 }, (_, i) => prev! + 1 + i).join(', ') : prev + 1,
        },
        expected: String(prev + 1),
        actual: String(n),
      });
    }
    prev = n;
  }
}
