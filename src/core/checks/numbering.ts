import type { TableContext } from './context';

const ARABIC = /^(\d{1,4})\s*[.)]?$/;

/** The number in a No cell: a typed whole number, or text like '3', '3.' or '3)'. */
function itemNumber(ctx: TableContext, row: number, col: number): number | undefined {
  const type = ctx.grid.typeAt(row, col);
  if (type === 'Double' || type === 'Integer') {
    const v = ctx.grid.valueAt(row, col);
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 9999 ? v : undefined;
  }
  const m = ARABIC.exec(ctx.grid.textAt(row, col));
  return m ? Number(m[1]) : undefined;
}

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
    const n = itemNumber(ctx, row.row, noCol.col);
    if (n === undefined) continue;
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
