import { isPeriodHeader } from '../recognize/vocabulary';
import type { TableContext } from './context';

/** The same Kode Rekening twice means one activity was typed over another's code. */
export function checkDuplicateCodes(ctx: TableContext): void {
  const codeCols = ctx.cols('code');
  if (codeCols.length === 0) return;
  const last = codeCols[codeCols.length - 1];
  // Long-format exports repeat each code per year and quarter ('2023 | I | 5111', '2023 | II | 5111'):
  // the code is unique only together with the period.
  const periods = ctx.table.columns.filter((k) => isPeriodHeader(k.header));
  const seen = new Map<string, { row: number; label: string }>();
  for (const row of ctx.table.rows) {
    if (!row.code) continue;
    const key = [row.code, ...periods.map((k) => ctx.grid.textAt(row.row, k.col))].join('\u0000');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { row: row.row, label: row.label });
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
