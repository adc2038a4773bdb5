import type { TableContext } from './context';

/** The same Kode Rekening twice means one activity was typed over another's code. */
export function checkDuplicateCodes(ctx: TableContext): void {
  const codeCols = ctx.cols('code');
  if (codeCols.length === 0) return;
  const last = codeCols[codeCols.length - 1];
  const seen = new Map<string, { row: number; label: string }>();
  for (const row of ctx.table.rows) {
    if (!row.code) continue;
    const first = seen.get(row.code);
    if (!first) {
      seen.set(row.code, { row: row.row, label: row.label });
      continue;
    }
    ctx.report({
      code: 'duplicate-code',
      severity: 'error',
      row: row.row,
      col: last.col,
      key: 'duplicate-code',
      params: { code: row.code.replace(/\./g, ' '), otherRow: first.row + 1, otherLabel: first.label },
      actual: row.code,
    });
  }
}
